"""The HOW trail: which rules produced each conclusion, why (in plain words) and on what evidence.
Plain data; render.render_trail words it."""

import functools

from .kb import SOURCES


@functools.cache
def justifications():
    """Rule id -> one-line justification (templates/justifications.yaml)."""
    from .resources import template_yaml

    return template_yaml("justifications.yaml")


def _rule(rule_id):
    from .rules import RULES

    info = RULES[rule_id]
    return {"rule": rule_id, "knowledge": list(info.knowledge),
            "justification": justifications()[rule_id], "sources": list(info.sources)}


def _conclusion(title, section, value):
    return {"conclusion": title, "value": value,
            "rules": [_rule(r) for r in section["because"]],
            "sources": [{"key": s, "citation": SOURCES[s]["citation"]}
                        for s in section["sources"]]}


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
    fired = [{"step": i, **_rule(rule_id)} for i, rule_id in enumerate(a["trace"], 1)]
    return {"profile": a["profile"], "conclusions": conclusions, "fired": fired}
