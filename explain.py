"""The HOW trail: which rules produced each conclusion, why (in plain words) and on what evidence.
Plain data; render.render_trail words it.

``trail`` is what the sheets' Why section reads. ``explanation`` is what `deadlift-advisor
explain` prints: the same conclusions, then the ones only it shows (the week's deadlift day, the
weights, the variation offered instead), appended so that a script reading the older ones by
position still finds them there, and the firings grouped by rule.
"""

import functools

from .kb import SOURCES

# The order a person reads the conclusions in (the JSON keeps its own, see above).
READING_ORDER = ("classification", "placement", "day", "prescription", "loads", "alternative",
                 "recovery", "follow-up", "warning", "advice")


@functools.cache
def justifications():
    """Rule id -> one-line justification (templates/justifications.yaml)."""
    from .resources import template_yaml

    return template_yaml("justifications.yaml")


def rule_entry(rule_id):
    """A rule as the trail cites it: id, K-numbers, justification, sources."""
    from .rules import RULES

    info = RULES[rule_id]
    return {"rule": rule_id, "knowledge": list(info.knowledge),
            "justification": justifications()[rule_id], "sources": list(info.sources)}


def _conclusion(title, section, value, because="because", sources="sources"):
    kind, _, about = title.partition(": ")
    return {"conclusion": title, "value": value,
            "rules": [rule_entry(r) for r in section[because]],
            "sources": [{"key": s, "citation": SOURCES[s]["citation"]}
                        for s in section[sources]],
            "kind": kind, "about": about or None}


def trail(advice):
    """Each conclusion with the rules behind it, then every rule in firing order."""
    a = advice.to_dict() if hasattr(advice, "to_dict") else advice
    c, p, r, rec = a["classification"], a["placement"], a["prescription"], a["recovery"]
    conclusions = [
        _conclusion("classification", c, c["category"]),
        _conclusion("placement", p, p["day"]),
        _conclusion("prescription", r, {k: r[k] for k in (
            "perform", "sets", "reps", "rpe", "percent_1rm", "max_effort")}),
        _conclusion("recovery", rec, rec["posterior_chain_rest_hours"]),
        *(_conclusion(f"follow-up: {f['exercise']}", f, f["intensity"]) for f in a["follow_ups"]),
        *(_conclusion(f"warning: {w['id']}", w, w["text"]) for w in a["warnings"]),
        *(_conclusion(f"advice: {m['id']}", m, m["text"]) for m in a["recommendations"]),
    ]
    fired = [{"step": i, **rule_entry(rule_id)} for i, rule_id in enumerate(a["trace"], 1)]
    return {"profile": a["profile"], "conclusions": conclusions, "fired": fired}


def explanation(advice):
    """``trail`` extended for `explain`: the day, loads and alternative conclusions (after the
    others) and ``rules_fired``, one entry per rule with how often and for what it fired."""
    a = advice.to_dict() if hasattr(advice, "to_dict") else advice
    t = trail(a)
    t["conclusions"] += _more_conclusions(a)
    t["rules_fired"] = grouped_firings(a)
    return t


def _more_conclusions(a):
    r, s, alt = a["prescription"], a.get("schedule"), a.get("alternative")
    more = []
    if s is not None:
        # The day, its conflicts and the injury's verdicts on the week rest on their own rules.
        items = [s, *s["conflicts"], *s.get("injury", ())]
        section = {"because": list(dict.fromkeys(x for i in items for x in i["because"])),
                   "sources": list(dict.fromkeys(x for i in items for x in i["sources"]))}
        more.append(_conclusion("day", section, s["deadlift_day"]))
    if r.get("loads"):
        e = r["estimated_1rm"]
        more.append(_conclusion("loads", r, {
            "one_rm": e["value"], "basis": e["basis"], "lift": e["lift"], "units": r["units"],
            "weights": [x["weight"] for x in r["loads"]]},
            because="load_because", sources="load_sources"))
    if alt is not None:
        more.append(_conclusion("alternative", alt, alt["variation"]))
    return more


def in_reading_order(conclusions):
    return sorted(conclusions, key=lambda c: READING_ORDER.index(c["kind"]))


def _subjects(a):
    """Rule id -> what each of its firings was about, where the advice can say: one follow-up
    per firing of a follow-up rule, one day of the week per firing of the rules that read each
    day. Used only where the count matches the trace, so it never names the wrong thing."""
    from .kb.weeks import DAY_NAMES

    subjects = {}
    for f in a["follow_ups"]:
        for rule_id in f["because"]:
            subjects.setdefault(rule_id, []).append(f["label"])
    s = a.get("schedule")
    if s is not None:
        days = [DAY_NAMES[d] for d in s["days"]]
        subjects["sched.read_day"] = days
        if a["profile"].get("injury_area", "none") != "none":
            subjects["sched.injury_in_week"] = days
    return subjects


def grouped_firings(advice):
    """Every rule that fired, once, in the order it first fired: its steps, how many times and
    (where known) what each firing was about."""
    a = advice.to_dict() if hasattr(advice, "to_dict") else advice
    steps = {}
    for i, rule_id in enumerate(a["trace"], 1):
        steps.setdefault(rule_id, []).append(i)
    subjects = _subjects(a)
    grouped = []
    for rule_id, at in steps.items():
        named = subjects.get(rule_id, [])
        grouped.append({"first_step": at[0], "count": len(at), "steps": at,
                        **rule_entry(rule_id),
                        "for": named if len(named) == len(at) and len(at) > 1 else []})
    return grouped
