"""Properties every consultation must satisfy, whatever the answers.

One place for them: the test suite checks them over the whole input space, and (later) the
`kb check` command runs the same code. ``violations`` returns human-readable problems; an empty
list means the advice is sound.
"""

import json

from .kb import CATEGORIES, DAYS, EXERCISES, SOURCES, VARIATIONS

# Whether json can write the advice at all: escaping non-ASCII text and tracking containers for
# cycles (a cycle still fails, as RecursionError) would only slow the question down.
_JSON = json.JSONEncoder(check_circular=False, ensure_ascii=False)


def _rules():
    from .rules import RULES
    return RULES


def _cited(section):
    yield section.get("because", []), section.get("sources", [])


def violations(advice):
    """Problems with one Advice (an Advice or its to_dict())."""
    a = advice.to_dict() if hasattr(advice, "to_dict") else advice
    rules = _rules()
    out = []
    profile = a["profile"]
    injured = profile["injury_area"] != "none"
    c, p, r = a["classification"], a["placement"], a["prescription"]

    if c["category"] not in CATEGORIES:
        out.append(f"category {c['category']!r} is not one of {CATEGORIES}")
    if c["category"] != VARIATIONS[profile["variation"]]["category"]:
        out.append("category differs from the catalogue's")
    if p["day"] not in p["allowed_days"]:
        out.append(f"placement day {p['day']} not among allowed days {p['allowed_days']}")
    if any(d not in DAYS for d in p["allowed_days"]):
        out.append(f"unknown day in allowed days {p['allowed_days']}")
    if p["day"] == "dedicated_day" and profile["experience"] != "advanced":
        out.append("a day of its own for a non-advanced lifter")
    if r["perform"]:
        lo, hi = r["rpe"]
        if not 1 <= lo <= hi <= 10:
            out.append(f"rpe {r['rpe']} is not 1 <= lo <= hi <= 10")
        if hi > 9:
            out.append(f"work sets above RPE 9: {r['rpe']}")
        for key in ("sets", "reps", "percent_1rm"):
            if not 0 < r[key][0] <= r[key][1]:
                out.append(f"{key} {r[key]} is not 0 < lo <= hi")
        if p["day"] == "back_day" and hi > 8:
            out.append(f"back-day rpe hi {hi} > 8")
        if a["recovery"]["posterior_chain_rest_hours"] not in (48, 72):
            out.append("a deadlift without a 48 or 72 h recovery window")
    else:
        if any(r[key] is not None for key in ("sets", "reps", "rpe", "percent_1rm")):
            out.append("numbers prescribed although perform is false")
        if r["max_effort"]:
            out.append("max effort without a deadlift")
    if injured:
        if r["max_effort"]:
            out.append("max effort with an injury")
        if not any(w["id"] == "see_a_professional" and "professional" in w["text"]
                   for w in a["warnings"]):
            out.append("injury without a warning to see a professional")
    if profile["injury_stage"] == "acute" and r["perform"] and (
            r["max_effort"] or r["rpe"][1] > 6):
        out.append("acute injury with a heavy deadlift")
    if (profile["injury_area"] == "hamstring" and profile["injury_stage"] != "cleared"
            and VARIATIONS[profile["variation"]]["lengthened_hamstrings"] and r["perform"]):
        out.append("lengthened-hamstring hinge with a hamstring injury not yet cleared")

    # The back-day note (K8) tells the lifter how hard to go: it must quote the prescription, and
    # only when there is a deadlift on a back day to keep short.
    notes = [m for m in a["recommendations"] if m["id"] == "back_day_moderate"]
    expected = 1 if r["perform"] and p["day"] == "back_day" else 0
    if len(notes) != expected:
        out.append(f"{len(notes)} back-day notes, expected {expected}")
    elif notes and [notes[0]["params"]["rpe_lo"], notes[0]["params"]["rpe_hi"]] != list(r["rpe"]):
        out.append(f"back-day note quotes RPE {notes[0]['params']['rpe_lo']}–"
                   f"{notes[0]['params']['rpe_hi']} but the prescription is {r['rpe']}")

    out += _load_violations(r)
    out += _schedule_violations(a)

    seen = set()
    for f in a["follow_ups"]:
        if f["intensity"] not in ("full", "reduced", "avoid"):
            out.append(f"follow-up intensity {f['intensity']!r}")
        if f["exercise"] not in EXERCISES or f["exercise"] in seen:
            out.append(f"follow-up exercise {f['exercise']!r} unknown or repeated")
        seen.add(f["exercise"])
    if a["follow_ups"] and not r["perform"]:
        out.append("follow-ups without a deadlift")

    sections = [("classification", c), ("placement", p), ("prescription", r),
                ("recovery", a["recovery"])]
    sections += [(f"follow_up {f['exercise']}", f) for f in a["follow_ups"]]
    sections += [(f"warning {w['id']}", w) for w in a["warnings"]]
    sections += [(f"recommendation {m['id']}", m) for m in a["recommendations"]]
    for name, section in sections:
        if not section["because"]:
            out.append(f"{name} has no rule ids")
        if not section["sources"]:
            out.append(f"{name} has no sources")
        out += [f"{name} cites unknown rule {b!r}" for b in section["because"] if b not in rules]
        out += [f"{name} cites unknown source {s!r}" for s in section["sources"]
                if s not in SOURCES]
    for msg in [*a["warnings"], *a["recommendations"]]:
        if not msg["text"].strip():
            out.append(f"message {msg['id']} has no text")
    if not a["disclaimer"].strip() or "not medical advice" not in a["disclaimer"]:
        out.append("disclaimer missing")
    try:
        _JSON.encode(a)
    except (TypeError, ValueError, RecursionError) as exc:
        out.append(f"not JSON-serialisable: {exc}")
    return out


def _load_violations(r):
    out = []
    loads = r.get("loads") or []
    if not r["perform"]:
        if loads or r.get("load_range"):
            out.append("weights prescribed although perform is false")
        return out
    if not loads:
        return out
    step = r["plate_step"]
    one_rm = r["estimated_1rm"]["value"]
    lo, hi = r["load_range"]
    if not 0 < lo <= hi:
        out.append(f"load range {r['load_range']} is not 0 < lo <= hi")
    for entry in loads:
        w = entry["weight"]
        if abs(w / step - round(w / step)) > 1e-6:
            out.append(f"set {entry['set']}: {w} is not a multiple of the plate step {step}")
        if w > one_rm:
            out.append(f"set {entry['set']}: {w} is above the estimated 1RM {one_rm}")
        if not lo - 1e-6 <= w <= hi + 1e-6:
            out.append(f"set {entry['set']}: {w} is outside the load range {r['load_range']}")
    return out


def _schedule_violations(a):
    from .kb.weeks import WEEKDAYS

    s = a.get("schedule")
    if not s:
        return []
    out = []
    day = s["deadlift_day"]
    if day not in WEEKDAYS:
        return [f"deadlift day {day!r} is not a weekday"]
    start = WEEKDAYS.index(day)
    expected = [WEEKDAYS[(start + k) % 7] for k in range(1, s["window_hours"] // 24)]
    if s["protected_days"] != expected:
        out.append(f"protected days {s['protected_days']} are not the window after {day}")
    deadlifts = [d for d, v in s["days"].items() for e in v["entries"] if e["exercise"] == "deadlift"]
    if deadlifts != [day]:
        out.append(f"the deadlift appears on {deadlifts}, expected only {day}")
    for c in s["conflicts"]:
        if c["day"] not in s["protected_days"]:
            out.append(f"conflict on {c['day']} outside the protected days")
        if c["exercise"] and not EXERCISES[c["exercise"]]["posterior_chain"]:
            out.append(f"conflict for {c['exercise']}, which is not posterior-chain work")
        if not c["text"].strip() or not c["because"]:
            out.append("conflict without text or rule ids")
    marked = {(c["day"], c["exercise"]) for c in s["conflicts"]}
    for d in s["protected_days"]:
        for e in s["days"][d]["entries"]:
            if EXERCISES.get(e["exercise"], {}).get("posterior_chain") and (d, e["exercise"]) not in marked:
                out.append(f"{e['exercise']} on protected {d} is not reported as a conflict")
    return out
