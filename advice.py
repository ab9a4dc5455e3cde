"""Advice: the engine's conclusions as plain, JSON-ready data (the contract in DESIGN.md).

Building it only collects and orders what the rules derived and fills in message texts from
templates/messages.j2; no decision is taken here.
"""

from dataclasses import dataclass, field

from .kb import DAYS, EXERCISES, SOURCES, VARIATIONS
from .kb import facts as F
from .version import __version__

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Advice:
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
    trace: list = field(default_factory=list)

    def to_dict(self):
        return {"schema_version": SCHEMA_VERSION, "version": __version__,
                "profile": self.profile, "classification": self.classification,
                "placement": self.placement, "prescription": self.prescription,
                "follow_ups": self.follow_ups, "recovery": self.recovery,
                "warnings": self.warnings, "recommendations": self.recommendations,
                "disclaimer": self.disclaimer, "references": self.references,
                "trace": self.trace}


def _plain(value):
    """experta freezes lists and dicts; turn them back into JSON-friendly ones."""
    if isinstance(value, dict) or hasattr(value, "items"):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _of(facts, cls):
    return [f for f in facts if type(f) is cls]


def _one(facts, cls):
    found = _of(facts, cls)
    if len(found) != 1:
        raise RuntimeError(f"expected exactly one {cls.__name__}, the rules derived {len(found)}")
    return found[0]


def _message(messages, fact):
    params = _plain(fact["params"])
    return {"id": fact["id"], "text": getattr(messages, fact["id"])(**params),
            "params": params, "because": list(fact["because"]), "sources": list(fact["sources"])}


def build(profile, facts, trace, messages):
    """Turn the working memory of one consultation into Advice."""
    facts = list(facts.values())
    cls = _one(facts, F.Classification)
    place = _one(facts, F.Placement)
    rx = _one(facts, F.Prescription)
    rec = _one(facts, F.Recovery)
    allowed = {f["day"] for f in _of(facts, F.DayAllowed)}
    order = {ex_id: i for i, ex_id in enumerate(EXERCISES)}
    # Session order: multi-joint before single-joint (ACSM 2009), then catalogue order.
    follow_ups = sorted(_of(facts, F.FollowUp), key=lambda f: (
        EXERCISES[f["exercise"]]["kind"] != "compound", order[f["exercise"]]))
    warnings = [_message(messages, f) for f in _of(facts, F.Warning)]
    recommendations = [_message(messages, f) for f in _of(facts, F.Recommendation)]
    disclaimer = _one(facts, F.Disclaimer)

    # Cite what the conclusions rest on: sources of derived facts, not of every catalogue row.
    cited = dict.fromkeys(s for f in facts if "because" in f for s in f["sources"])
    advice = Advice(
        profile=dict(profile),
        classification={
            "variation": cls["variation"], "label": VARIATIONS[cls["variation"]]["label"],
            "category": cls["category"], "provisional": cls["provisional"],
            "primary_movers": list(cls["primary"]), "secondary_movers": list(cls["secondary"]),
            "stabilizers": list(cls["stabilizers"]),
            "evidence": VARIATIONS[cls["variation"]]["evidence"],
            "because": list(cls["because"]), "sources": list(cls["sources"])},
        placement={"day": place["day"], "allowed_days": [d for d in DAYS if d in allowed],
                   "order": place["order"], "because": list(place["because"]),
                   "sources": list(place["sources"])},
        prescription={"perform": rx["perform"], "sets": _plain(rx["sets"]),
                      "reps": _plain(rx["reps"]), "rpe": _plain(rx["rpe"]),
                      "percent_1rm": _plain(rx["percent_1rm"]), "max_effort": rx["max_effort"],
                      "goal": rx["goal"], "limits": list(rx["limits"]),
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
        disclaimer=getattr(messages, disclaimer["id"])(),
        references=[{"key": key, "citation": SOURCES[key]["citation"]} for key in cited],
        trace=list(trace),
    )
    return advice
