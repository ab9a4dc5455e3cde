"""`explain --why-not TARGET`: why something is not in the advice, and what would put it there.

The reasons are read from the rules: what fired (the trace and the conclusions' ``because``),
what the refusal and blocking rules said, and the caps (Limit facts) in the consultation's working
memory. What would change the answer is never guessed: the engine is asked again with one answer
changed at a time over the finite answer space (kb.answers.SPEC's choices and ranges), and only
the changes seen to produce TARGET are reported. An injury is never something to change: when a
different injury answer is what would produce TARGET, the answer says the injury rules it out and
that clearing it is a professional's call. This drives the engine from outside, which is why it
lives here and not in rules/. Plain data; render.render_trail words it.
"""

import threading
from typing import NamedTuple

from .errors import AnswerError, InputError
from .kb import EXERCISES, VARIATIONS
from .kb.answers import SPEC
from .kb.programming import DAYS, GOAL_BANDS

FEATURES = ("max_effort", "deadlift")
ALIASES = {
    "own_day": "dedicated_day", "day_of_its_own": "dedicated_day", "dedicated": "dedicated_day",
    "full_body_day": "full_body", "pull_day": "back_day",
    "max_efforts": "max_effort", "maximal_effort": "max_effort", "maximal_efforts": "max_effort",
    "deadlifting": "deadlift",
}
# The rules that grant a maximal effort (rules/prescription.py): without one, none is allowed.
GRANTS = ("rx.max_effort_leg_day", "rx.max_effort_dedicated_day")

_local = threading.local()


class Target(NamedTuple):
    kind: str  # "day", "feature", "variation" or "exercise"
    id: str


def resolve(text):
    """TARGET as typed -> Target, or an InputError naming the kinds and the closest name."""
    from .kb.exercises import find_exercise
    from .quoting import closest, normalise_choice, shown

    key = normalise_choice(str(text)[:200])
    key = ALIASES.get(key, key)
    if key in DAYS:
        return Target("day", key)
    if key in FEATURES:
        return Target("feature", key)
    if key in VARIATIONS:
        return Target("variation", key)
    found = find_exercise(text) if key else None
    if found is not None:
        # A deadlift variation typed as an exercise ("trap bar", "RDL") is that variation.
        variation = EXERCISES[found].get("variation")
        return Target("variation", variation) if variation else Target("exercise", found)
    names = [*DAYS, *ALIASES, *FEATURES, *VARIATIONS, *EXERCISES]
    raise InputError(f"--why-not: {shown(str(text))} is not a training day "
                     f"({', '.join(DAYS)}), a feature ({', '.join(FEATURES)}), a variation or an "
                     f"exercise of the catalogue (see 'deadlift-advisor variations' and "
                     f"'deadlift-advisor exercises'){closest(key, names)}")


def present(advice, target):
    """Whether TARGET is in the advice: the chosen day; maximal efforts allowed; a deadlift at
    all; the variation trained (yours, or the one offered instead); an exercise that follows the
    deadlift and is not left out."""
    a = advice.to_dict() if hasattr(advice, "to_dict") else advice
    r, alt = a["prescription"], a.get("alternative")
    if target.kind == "day":
        return a["placement"]["day"] == target.id
    if target.kind == "feature":
        return bool(r["max_effort"] if target.id == "max_effort" else r["perform"])
    if target.kind == "variation":
        return ((a["profile"]["variation"] == target.id and r["perform"])
                or (alt is not None and alt["variation"] == target.id
                    and alt["prescription"]["perform"]))
    return any(f["exercise"] == target.id and f["intensity"] != "avoid" for f in a["follow_ups"])


# --- what would change it ----------------------------------------------------------------------

def _values(key, profile):
    """The other values an answer can take (its choices or its range); injury answers only
    towards less injury, since nobody is advised to get hurt."""
    spec = SPEC[key]
    injured = profile.get("injury_area", "none") != "none"
    if key == "injury_area":
        return ("none",) if injured else ()
    if key == "injury_stage" and not injured:
        return ()
    if spec["type"] == "choice":
        values = spec["choices"]
    elif spec["type"] == "int":
        values = range(spec["min"], spec["max"] + 1)
    else:  # free text, weights, the week: not part of the finite answer space
        return ()
    current = profile.get(key)
    if current is None and "auto" in values:
        current = "auto"
    return tuple(v for v in values if v != current)


def changed(answers, key, value):
    """The answers with one answer changed (no injury: no injury stage either)."""
    out = {**answers, key: value}
    if key == "injury_area" and value == "none":
        out.pop("injury_stage", None)
    return out


def single_changes(answers, profile, target):
    """(key, value, whether TARGET appears) for every single-answer change the answers allow,
    each consulted afresh through the same front door as the advice itself."""
    from .api import advise

    for key in SPEC:
        for value in _values(key, profile):
            try:
                advice = advise(changed(answers, key, value))
            except AnswerError:  # a combination the answers do not allow
                continue
            yield key, value, present(advice, target)


# --- why it is not there -------------------------------------------------------------------------

def _engine():
    try:
        return _local.engine
    except AttributeError:  # this thread's first look at working memory
        from .rules import AdvisorEngine

        _local.engine = AdvisorEngine()
        return _local.engine


def limits(profile):
    """The caps in the consultation's working memory, each with the rule that declared it (the
    advice keeps only their names). The same consultation as the advice: a week that puts the
    deadlift in another session is looked at again with that session's rules."""
    from .advice import week_session_of
    from .kb.facts import Limit

    engine = _engine()
    facts = engine.consult(profile)
    forced = week_session_of(facts)
    if forced is not None:
        facts = engine.consult({**profile, "week_session": forced})
    return [{"key": f["key"], "because": list(f["because"]),
             "max_effort": f.get("max_effort", True), "perform": f.get("perform", True)}
            for f in facts.values() if isinstance(f, Limit)]


def _reason(a, why, rule_ids=(), **facts):
    """One reason: its kind, the rules behind it, what they said on the sheet, and whether it is
    the injury's doing (the rule applies K12, "injury status changes the answer")."""
    from .explain import rule_entry
    from .rules import RULES

    rule_ids = list(dict.fromkeys(rule_ids))
    said = [m["text"] for m in (*a["warnings"], *a["recommendations"])
            if set(m["because"]) & set(rule_ids)]
    injured = a["profile"].get("injury_area", "none") != "none"
    return {"why": why, "rules": [rule_entry(r) for r in rule_ids], "said": said,
            "injury": injured and any("K12" in RULES[r].knowledge for r in rule_ids),
            "facts": facts}


def _capped(a, caps, field):
    """The caps that forbid ``field``: the injury's as one reason, the others as another."""
    found = [_reason(a, "limit", cap["because"], limit=cap["key"])
             for cap in caps if cap[field] is False]
    grouped = []
    for injury in (True, False):
        same = [r for r in found if r["injury"] is injury]
        if same:
            grouped.append({**same[0], "rules": [x for r in same for x in r["rules"]],
                            "said": list(dict.fromkeys(t for r in same for t in r["said"])),
                            "facts": {"limits": [r["facts"]["limit"] for r in same]}})
    return grouped


def _no_deadlift(a, caps):
    return [_reason(a, "no_deadlift", ["rx.not_today"]), *_capped(a, caps, "perform")]


def _day_reasons(a, day):
    from .rules import RULES

    p, profile = a["placement"], a["profile"]
    s = a.get("schedule")
    back_days = s["back_days"] if s else profile["back_days_per_week"]
    reasons = []
    if "place.week_session" in p["because"]:
        reasons.append(_reason(a, "week", ["place.week_session"], weekday=s["deadlift_day"],
                               session=p["day"]))
    if day not in p["allowed_days"]:
        c = a["classification"]
        unmet = [r for r in RULES if r not in a["trace"]
                 and (r == f"place.allow_{day}" or r.startswith(f"place.allow_{day}_"))]
        reasons += [_reason(a, "not_allowed", [r], category=c["category"], lift=c["label"],
                            experience=profile["experience"], role=c["role"],
                            back_days=back_days, from_week=s is not None) for r in unmet]
        if profile["placement"] == day:
            reasons.append(_reason(a, "refused", ["place.preference_refused"]))
    elif profile["placement"] not in ("auto", day) and "place.preference" in p["because"]:
        reasons.append(_reason(a, "asked_other", ["place.preference"], asked=profile["placement"]))
    if not any(x["why"] in ("asked_other", "week") for x in reasons):
        reasons.append(_reason(a, "chosen", p["because"][:1], chosen=p["day"]))
    return reasons


def _max_effort_reasons(a, caps):
    r = a["prescription"]
    if not r["perform"]:
        return _no_deadlift(a, caps)
    reasons = []
    if not GOAL_BANDS[r["goal"]]["max_effort_ok"]:
        reasons.append(_reason(a, "goal_band", ["rx.goal_band"], goal=r["goal"]))
    if not any(g in a["trace"] for g in GRANTS):
        reasons.append(_reason(a, "no_grant", GRANTS, day=a["placement"]["day"]))
    return reasons + _capped(a, caps, "max_effort")


def _variation_reasons(a, caps, variation):
    from .rules.safety import ruled_out

    profile, alt = a["profile"], a.get("alternative")
    if profile["variation"] == variation:
        return _no_deadlift(a, caps)
    reasons = [_reason(a, "not_your_variation", own=a["classification"]["label"])]
    if alt is not None:
        reasons.append(_reason(a, "alternative_chosen", alt["because"], offered=alt["label"],
                               ruled_out=ruled_out(variation, profile["injury_area"],
                                                   profile["injury_stage"])))
    return reasons


def _exercise_reasons(a, caps, exercise):
    if not a["prescription"]["perform"]:
        return _no_deadlift(a, caps)
    left_out = [f for f in a["follow_ups"] if f["exercise"] == exercise]
    if left_out:
        return [_reason(a, "left_out", left_out[0]["because"])]
    s = a.get("schedule")
    if s is not None and s["deadlift_day"] is not None:
        on = [d for d, day in s["days"].items()
              if any(e["exercise"] == exercise for e in day["entries"])]
        return [_reason(a, "not_that_day", ["fu.session_menu_from_week"], day=s["deadlift_day"],
                        on=on)]
    return [_reason(a, "not_in_menu", ["fu.session_menu"], day=a["placement"]["day"],
                    follows_on=list(EXERCISES[exercise]["follows_on"]))]


def _present_because(a, target):
    """The rules that put TARGET in the advice."""
    from .explain import rule_entry

    r, alt = a["prescription"], a.get("alternative")
    if target.kind == "day":
        ids = a["placement"]["because"]
    elif target.id == "max_effort":
        ids = [g for g in GRANTS if g in r["because"]]
    elif target.kind == "feature":
        ids = r["because"]
    elif target.kind == "variation":
        ids = (alt["because"] if a["profile"]["variation"] != target.id
               else a["classification"]["because"])
    else:
        ids = next(f["because"] for f in a["follow_ups"] if f["exercise"] == target.id)
    return [rule_entry(x) for x in ids]


def answer(answers, target, advice=None):
    """Why TARGET (text or Target) is or is not in the advice for ``answers``: plain data.

    ``changes`` lists the single-answer changes (other than the injury's) that the engine, asked
    again, answered with TARGET in the advice; ``injury_rules_it_out`` says that a different
    injury answer would (never offered as a change); ``tried`` counts the changes asked."""
    from .api import advise

    target = resolve(target) if isinstance(target, str) else target
    advice = advise(answers) if advice is None else advice
    a = advice.to_dict()
    profile = a["profile"]
    result = {"target": target._asdict(), "present": present(a, target), "because": [],
              "reasons": [], "changes": [], "injury_rules_it_out": False, "tried": 0,
              "found": _found(a, target)}
    if result["present"]:
        result["because"] = _present_because(a, target)
        return result
    caps = limits(profile) if target.kind != "day" else []
    result["reasons"] = (_day_reasons(a, target.id) if target.kind == "day"
                         else _max_effort_reasons(a, caps) if target.id == "max_effort"
                         else _no_deadlift(a, caps) if target.kind == "feature"
                         else _variation_reasons(a, caps, target.id)
                         if target.kind == "variation"
                         else _exercise_reasons(a, caps, target.id))
    for key, value, appears in single_changes(answers, profile, target):
        result["tried"] += 1
        if not appears:
            continue
        if key in ("injury_area", "injury_stage"):
            result["injury_rules_it_out"] = True
        else:
            result["changes"].append({"key": key, "value": value, "was": profile.get(key)})
    return result


def _found(a, target):
    """What the advice has where TARGET would be: the day chosen, the follow-up's verdict."""
    if target.kind == "day":
        return {"day": a["placement"]["day"]}
    if target.kind == "exercise":
        verdict = next((f["intensity"] for f in a["follow_ups"] if f["exercise"] == target.id),
                       None)
        return {"intensity": verdict, "label": EXERCISES[target.id]["label"]}
    if target.kind == "variation":
        alt = a.get("alternative")
        return {"label": VARIATIONS[target.id]["label"],
                "own": a["profile"]["variation"] == target.id,
                "offered": alt["variation"] if alt else None}
    return {"perform": a["prescription"]["perform"]}
