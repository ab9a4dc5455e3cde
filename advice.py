"""Advice: the engine's conclusions as plain, JSON-ready data (the contract in DESIGN.md).

Building it only collects and orders what the rules derived and fills in message texts from
templates/messages.j2; no decision is taken here.
"""

import functools
import itertools
from typing import Any, NamedTuple

from .kb import DAYS, EXERCISES, SOURCES, VARIATIONS
from .kb import facts as F
from .kb.weeks import WEEKDAYS
from .version import __version__

SCHEMA_VERSION = 2


class Advice(NamedTuple):
    """Immutable, like the frozen dataclass it once was; a NamedTuple because the dataclasses
    module and the code it generates cost a start-up that asks for one consultation 3 ms."""
    profile: dict
    classification: dict
    placement: dict
    prescription: dict
    follow_ups: list
    recovery: dict
    warnings: list
    recommendations: list
    disclaimer: str
    references: list
    trace: tuple = ()
    schedule: dict | None = None
    alternative: dict | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"schema_version": SCHEMA_VERSION, "version": __version__,
                "profile": self.profile, "classification": self.classification,
                "placement": self.placement, "prescription": self.prescription,
                "follow_ups": self.follow_ups, "recovery": self.recovery,
                "warnings": self.warnings, "recommendations": self.recommendations,
                "schedule": self.schedule, "alternative": self.alternative,
                "disclaimer": self.disclaimer, "references": self.references,
                "trace": list(self.trace)}


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _plain(value):
    """experta freezes lists and dicts; turn them back into JSON-friendly ones (scalars, nearly
    every value, are taken as they are without a call)."""
    if type(value) in _SCALARS:
        return value
    if isinstance(value, dict) or hasattr(value, "items"):
        return {k: v if type(v) in _SCALARS else _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [v if type(v) in _SCALARS else _plain(v) for v in value]
    return value


class _ByType(dict):
    """The consultation's facts grouped by class, in declaration order (one pass over them)."""

    def __init__(self, facts):
        super().__init__()
        for fact in facts:
            self.setdefault(type(fact), []).append(fact)


def _session(facts, loads):
    """The session at the bar (rules/loads.py: load.gear_*, load.session): the warm-up ramp,
    the equipment and when to do the sets above the lower count; each entry of ``loads`` (the
    work sets) gets its plates per side."""
    gear, session = _of(facts, F.Gear), _of(facts, F.Session)
    if not gear or not session:
        return {"warm_up": [], "equipment": None, "extra_sets": None, "session_because": [],
                "session_sources": []}
    g, ses = gear[0], session[0]
    for entry, plates in zip(loads, ses["plates"], strict=True):
        entry["plates"] = _plates(plates)
    return {
        "warm_up": [{"step": i, "reps": reps, "weight": w, "plates": _plates(p)}
                    for i, (w, reps, p) in enumerate(ses["warm_up"], 1)],
        "equipment": {"implement": g["implement"], "bar": g["bar"], "bar_given": g["bar_given"],
                      "plates": list(g["plates"]) if g["plates"] is not None else None,
                      "plates_given": g["plates_given"]},
        "extra_sets": ({"minimum": ses["minimum_sets"], "maximum": ses["maximum_sets"],
                        "while_rpe_at_most": ses["extra_sets_while_rpe_at_most"]}
                       if ses["extra_sets_while_rpe_at_most"] is not None else None),
        "session_because": [*g["because"], *ses["because"]],
        "session_sources": list(dict.fromkeys((*g["sources"], *ses["sources"]))),
    }


def _plates(plates):
    return list(plates) if plates is not None else None


def _of(facts, cls):
    return facts.get(cls, [])


def _one(facts, cls):
    found = _of(facts, cls)
    if len(found) != 1:
        raise RuntimeError(f"expected exactly one {cls.__name__}, the rules derived {len(found)}")
    return found[0]


@functools.lru_cache(maxsize=8192)
def _text(messages, message_id, params):
    """A message's wording. Rendering is pure and the same few hundred messages recur across
    consultations, so each is rendered once per process. ``params``: (name, value) pairs."""
    return getattr(messages, message_id)(**_plain(dict(params)))


def _message(messages, said):
    return {"id": said.id, "text": _text(messages, said.id, said.params),
            "params": _plain(dict(said.params)), "because": list(said.because),
            "sources": list(said.sources)}


def _in_turn(facts, said, said_at):
    """The sources of derived facts and of what was said, in the order the rules produced them
    (a message said after n facts comes before fact n)."""
    i = 0
    for f in facts:
        while i < len(said) and said_at[i] <= f["__factid__"]:
            yield said[i].sources
            i += 1
        if "because" in f:
            yield f["sources"]
    for m in said[i:]:
        yield m.sources


def build(profile, facts, engine, messages):
    """Turn the working memory of one consultation, and what its rules said, into Advice."""
    said, facts_said_at, trace = engine.said, engine.said_at, engine.trace
    every = list(facts.values())
    facts = _ByType(every)
    cls = _one(facts, F.Classification)
    place = _one(facts, F.Placement)
    rx = _one(facts, F.Prescription)
    rec = _one(facts, F.Recovery)
    allowed = {f["session"] for f in _of(facts, F.DayAllowed)}
    follow_ups = sorted(_of(facts, F.FollowUp), key=lambda f: f["position"])  # the rules' order
    warnings = [_message(messages, m) for m in said if m.kind == "warning"]
    recommendations = [_message(messages, m) for m in said if m.kind == "recommendation"]
    disclaimers = [m for m in said if m.kind == "disclaimer"]
    if len(disclaimers) != 1:
        raise RuntimeError(f"expected exactly one disclaimer, the rules said {len(disclaimers)}")
    disclaimer = disclaimers[0]
    loads = _of(facts, F.Loads)
    load_fields = {"estimated_1rm": None, "load_range": None, "loads": [], "units": profile["units"]}
    if loads:
        lf = loads[0]
        load_fields = {
            "estimated_1rm": {"value": lf["estimated_1rm"], "basis": lf["basis"],
                              "lift": lf["lift"], "measured": lf["measured"],
                              "ratio": lf["ratio"], "relation_inferred": lf["inferred"],
                              "rough": lf["rough"], "raw": lf["raw"],
                              "held": bool(VARIATIONS[cls["variation"]]["relation"].get("held"))},
            "load_range": list(lf["load_range"]), "units": lf["units"], "plate_step": lf["step"],
            "loads": [{"set": n, "reps": reps, "rpe": rpe, "weight": w, "optional": optional,
                       "plates": None}
                      for n, reps, rpe, w, optional in lf["sets"]],
            "load_because": list(lf["because"]), "load_sources": list(lf["sources"])}
        load_fields.update(_session(facts, load_fields["loads"]))

    # Cite what the conclusions rest on: sources of derived facts, not of every catalogue row.
    cited = dict.fromkeys(itertools.chain.from_iterable(_in_turn(every, said, facts_said_at)))
    advice = Advice(
        profile=dict(profile),
        classification={
            "variation": cls["variation"], "label": VARIATIONS[cls["variation"]]["label"],
            "category": cls["category"], "provisional": cls["provisional"],
            "role": VARIATIONS[cls["variation"]]["role"],
            "primary_movers": list(cls["primary"]), "secondary_movers": list(cls["secondary"]),
            "stabilizers": list(cls["stabilizers"]),
            "evidence": VARIATIONS[cls["variation"]]["evidence"],
            "because": list(cls["because"]), "sources": list(cls["sources"])},
        placement={"day": place["session"], "allowed_days": [d for d in DAYS if d in allowed],
                   "order": place["order"], "role": place["role"], "because": list(place["because"]),
                   "sources": list(place["sources"])},
        prescription={"perform": rx["perform"], "sets": _plain(rx["sets"]),
                      "reps": _plain(rx["reps"]), "rpe": _plain(rx["rpe"]),
                      "percent_1rm": _plain(rx["percent_1rm"]), "max_effort": rx["max_effort"],
                      "load_capped": rx["load_capped"], "pct_cap": rx["pct_cap"],
                      "goal": rx["goal"], "limits": list(rx["limits"]), **load_fields,
                      "because": list(rx["because"]), "sources": list(rx["sources"])},
        follow_ups=[{"exercise": f["exercise"], "label": EXERCISES[f["exercise"]]["label"],
                     "muscles": list(f["muscles"]), "intensity": f["intensity"],
                     "because": list(f["because"]), "sources": list(f["sources"])}
                    for f in follow_ups],
        recovery={"posterior_chain_rest_hours": rec["hours"],
                  "avoid": [{"exercise": x, "label": EXERCISES[x]["label"]} for x in rec["avoid"]],
                  "because": list(rec["because"]),
                  "sources": list(rec["sources"])},
        warnings=warnings,
        recommendations=recommendations,
        disclaimer=_text(messages, disclaimer.id, ()),
        references=[{"key": key, "citation": SOURCES[key]["citation"]} for key in cited],
        trace=list(trace),
        schedule=_schedule(facts, messages, follow_ups),
    )
    return advice


def consult(engine, profile, messages):
    """One consultation on ``engine``, as Advice. A variation offered instead of a ruled-out one
    gets a consultation of its own, so its prescription, caps and loads are worked out exactly
    as if the lifter had chosen it."""
    facts = engine.consult(profile)
    forced = week_session_of(facts)
    if forced is not None:
        # The week put the deadlift in another kind of session than the placement chose: look
        # again with that session's rules, on the same weekday, so every line follows the
        # session the lift really lands in.
        facts = engine.consult({**profile, "week_session": forced})
    advice = build(profile, facts, engine, messages)
    offered = alternative_of(facts)
    if offered is None:
        return advice
    alt_profile = {**profile, "variation": offered["variation"]}
    alt = build(alt_profile, engine.consult(alt_profile), engine, messages)
    return with_alternative(advice, offered, alt)


def week_session_of(facts):
    """(as WeekSession fields) when the week's deadlift day is a leg, back or full-body session
    other than the one the placement chose, else None."""
    day = next((f for f in facts.values() if isinstance(f, F.DeadliftDay)), None)
    place = next((f for f in facts.values() if isinstance(f, F.Placement)), None)
    if day is None or place is None or day["session"] not in DAYS or day["session"] == place["session"]:
        return None
    return {"session": day["session"], "day": day["day"], "was": place["session"]}


def alternative_of(facts):
    """The variation the rules offer instead of a ruled-out one, with why: (fact) or None."""
    return next((f for f in facts.values() if isinstance(f, F.Alternative)), None)


def with_alternative(advice, fact, alt):
    """Advice with the alternative's own consultation (Advice ``alt``) summarised in it."""
    return advice._replace(alternative={
        "variation": fact["variation"], "label": VARIATIONS[fact["variation"]]["label"],
        "category": alt.classification["category"], "role": alt.classification["role"],
        "provisional": alt.classification["provisional"],
        "area": fact["area"], "stage": fact["stage"],
        "prescription": alt.prescription, "placement": alt.placement,
        "recovery": {k: alt.recovery[k] for k in ("posterior_chain_rest_hours", "because",
                                                   "sources")},
        "because": list(fact["because"]), "sources": list(fact["sources"])},
        references=advice.references + [r for r in alt.references
                                        if r not in advice.references])


def _schedule(facts, messages, follow_ups):
    """The week as a grid: the deadlift day first in its session, conflicts marked avoid, and
    what the injury rules out marked on every day. None when no week was given."""
    kinds = {f["day"]: f for f in _of(facts, F.DayKind)}
    if not kinds:
        return None
    day_facts = _of(facts, F.DeadliftDay)
    chosen = day_facts[0] if day_facts else None
    deadlift_day = chosen["day"] if chosen else None
    conflicts = _of(facts, F.Conflict)
    clashes = {(f["day"], f["exercise"]): f for f in _of(facts, F.InjuryClash)}
    notes = {}
    for f in _of(facts, F.ScheduleNote):
        notes.setdefault(f["day"], []).append(f)
    protected = chosen["protected"] if chosen else ()
    lift = VARIATIONS[_one(facts, F.Classification)["variation"]]["label"]
    unknown = {f["day"]: list(f["unknown"]) for f in _of(facts, F.WeekDay) if f["unknown"]}
    grid = {}
    for f in _of(facts, F.WeekEntry):  # the rules decided each entry (sched.week_entries)
        grid.setdefault(f["day"], []).append(f)
    days = {}
    for day, kind in sorted(kinds.items(), key=lambda item: WEEKDAYS.index(item[0])):
        entries = [{"exercise": e["exercise"],
                    "label": lift if e["position"] == 0 else EXERCISES[e["exercise"]]["label"],
                    "intensity": e["intensity"], "note": _entry_note(messages, e)}
                   for e in sorted(grid.get(day, ()), key=lambda e: e["position"])]
        days[day] = {"session": kind["session"], "entries": entries,
                     "protected": day in protected,
                     "unknown": list(unknown.get(day, ())),
                     "note": " ".join(_note(messages, f) for f in notes.get(day, ())) or None}
    return {
        "deadlift_day": deadlift_day, "session": chosen["session"] if chosen else None,
        "protected_days": list(protected), "window_hours": chosen["hours"] if chosen else None,
        "days": days, "unknown_exercises": unknown,
        "back_days": sum(d["session"] == "back_day" for d in days.values()),
        "conflicts": [{"day": c["day"], "exercise": c["exercise"],
                       "label": EXERCISES[c["exercise"]]["label"] if c["exercise"] else None,
                       "reason": c["reason"],
                       "text": messages.conflict(c["reason"], c["day"], c["exercise"] and
                                                 EXERCISES[c["exercise"]]["label"],
                                                 c["deadlift_day"], c["hours"]),
                       "because": list(c["because"]), "sources": list(c["sources"])}
                      for c in conflicts],
        "injury": [{"day": f["day"], "exercise": f["exercise"],
                    "label": EXERCISES[f["exercise"]]["label"], "intensity": f["intensity"],
                    "area": f["area"], "stage": f["stage"],
                    "text": messages.injury_clash(f["intensity"], f["day"],
                                                  EXERCISES[f["exercise"]]["label"], f["area"]),
                    "because": list(f["because"]), "sources": list(f["sources"])}
                   for f in clashes.values()],
        "because": list(chosen["because"]) if chosen else ["sched.read_day"],
        "sources": list(chosen["sources"]) if chosen else ["project-inference"]}


def _entry_note(messages, entry):
    if entry["note"] == "window":
        return messages.window_entry()
    if entry["note"] == "injury":
        return messages.injury_entry(*entry["clash"])
    return None


def _note(messages, fact):
    return messages.schedule_note(fact["note"], fact["to"], fact["why"])
