"""The variation catalogue as a person reads it: `variations` and `compare`.

Everything here is collected from kb.variations and from real consultations of the engine; the
wording comes from templates (evidence.yaml, messages.j2).
"""

import functools

from .kb import SOURCES, VARIATIONS


@functools.cache
def evidence_lines():
    from .resources import template_yaml

    return template_yaml("evidence.yaml")


def entry(variation):
    v = VARIATIONS[variation]
    return {"variation": variation, "label": v["label"], "category": v["category"],
            "provisional": v["provisional"], "primary_movers": list(v["primary"]),
            "secondary_movers": list(v["secondary"]), "stabilizers": list(v["stabilizers"]),
            "evidence": evidence_lines()[v["evidence"]], "sources": list(v["sources"])}


def catalogue():
    return [entry(v) for v in VARIATIONS]


def exercises():
    """Every exercise a week can name: id, label, day type, posterior-chain or not, the names
    the advisor reads as it, sorted by day type then label."""
    from .kb.exercises import EXERCISES, typed_names

    names = typed_names()
    rows = [{"exercise": x, "label": ex["label"], "day_type": ex["day_type"], "kind": ex["kind"],
             "posterior_chain": ex["posterior_chain"], "loads": list(ex["loads"]),
             "names": names.get(x, [])} for x, ex in EXERCISES.items()]
    return sorted(rows, key=lambda r: (r["day_type"], r["label"].casefold()))


def compare(variations, goal="strength", experience="intermediate"):
    """Side by side: each variation's entry plus how the engine programs it for the same lifter."""
    from .api import advise

    columns = []
    for variation in variations:
        a = advise({"variation": variation, "goal": goal, "experience": experience}).to_dict()
        columns.append({**entry(variation),
                        "day": a["placement"]["day"], "allowed_days": a["placement"]["allowed_days"],
                        "prescription": {k: a["prescription"][k] for k in (
                            "sets", "reps", "rpe", "percent_1rm", "max_effort")},
                        "recovery_hours": a["recovery"]["posterior_chain_rest_hours"],
                        "follow_ups": [{"label": f["label"], "intensity": f["intensity"]}
                                       for f in a["follow_ups"]],
                        "advice": [m["text"] for m in a["recommendations"]
                                   if m["id"] in PROGRAMMING_MESSAGES]})
    cited = dict.fromkeys(s for c in columns for s in c["sources"])
    return {"goal": goal, "experience": experience, "columns": columns,
            "references": [{"key": k, "citation": SOURCES[k]["citation"]} for k in cited]}


# The messages that say how a variation's programming differs (classification rules' advice).
PROGRAMMING_MESSAGES = ("erectors_work_hard_too", "same_programming_as_conventional",
                        "minor_variation_adds_back", "structure_changes",
                        "provisional_ask_a_coach")


def render(kind, data, fmt):
    """kind 'variations', 'compare' or 'exercises'; fmt json, or a template format (table/txt, md,
    html)."""
    import json

    from .render import environment

    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    ext = {"table": "txt"}.get(fmt, fmt)
    return environment().get_template(f"{kind}.{ext}.j2").render(data=data)
