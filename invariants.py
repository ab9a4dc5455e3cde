"""Properties every consultation must satisfy, whatever the answers.

One place for them: the test suite checks them over the whole input space, and (later) the
`kb check` command runs the same code. ``violations`` returns human-readable problems; an empty
list means the advice is sound.
"""

import json

from .kb import CATEGORIES, DAYS, EXERCISES, GOAL_BANDS, INJURY_AREAS, LIMITS, SOURCES, VARIATIONS
from .kb.exercises import EXERCISE_OF_VARIATION
from .kb.premises import MESSAGE_PREMISES, SQUATS
from .kb.programming import HIGH_VOLUME_REPS, ROUGH_SET, RTS_PERCENT_BY_EFFECTIVE_REPS

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
    if p["day"] not in p["allowed_days"] and "place.week_session" not in p["because"]:
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
    out += _cap_violations(a)
    out += _role_and_season_violations(a)
    out += _estimate_violations(a)
    out += _alternative_violations(a)
    out += _schedule_violations(a)
    out += _injury_week_violations(a)
    out += _premise_violations(a)

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


def _chart(reps, rpe):
    """The RTS chart, worked out again here from the table (not the engine's function): %1RM
    for reps at an RPE, through effective reps, half steps between entries."""
    table = RTS_PERCENT_BY_EFFECTIVE_REPS
    eff = min(max(reps + 10 - rpe, 1.0), float(len(table)))
    low = int(eff)
    value = table[low - 1] + (eff - low) * ((table[low] - table[low - 1]) if eff > low else 0)
    return round(value + 1e-9, 1)


def _cap_violations(a):
    """Every cap named in the prescription holds, and the %1RM agrees with the sets, reps and RPE
    at both corners: the chart's value, or a load ceiling below it (then flagged load_capped)."""
    r = a["prescription"]
    if not r["perform"]:
        return []
    out = []
    (reps_lo, reps_hi), (rpe_lo, rpe_hi), (pct_lo, pct_hi) = r["reps"], r["rpe"], r["percent_1rm"]
    rows = [LIMITS[k] for k in r["limits"] if k in LIMITS]
    if len(rows) != len(r["limits"]):
        out.append(f"unknown limit in {r['limits']}")
    ceilings = [row["pct_hi"] for row in rows if "pct_hi" in row]
    ceiling = min(ceilings) if ceilings else None
    for key, row in zip(r["limits"], rows, strict=False):
        if "pct_hi" in row and pct_hi > row["pct_hi"] + 1e-6:
            out.append(f"{pct_hi}% of 1RM is above the {key} ceiling of {row['pct_hi']}%")
        if "rpe_hi" in row and rpe_hi > row["rpe_hi"]:
            out.append(f"RPE {rpe_hi} is above the {key} cap of {row['rpe_hi']}")
        if "reps_lo_min" in row and reps_lo < row["reps_lo_min"]:
            out.append(f"{reps_lo} reps is below the {key} floor of {row['reps_lo_min']}")
        if "sets_hi" in row and r["sets"][1] > row["sets_hi"]:
            out.append(f"{r['sets'][1]} sets is above the {key} cap of {row['sets_hi']}")
        if row.get("max_effort") is False and r["max_effort"]:
            out.append(f"max effort although {key} forbids it")
    top, bottom = _chart(reps_lo, rpe_hi), _chart(reps_hi, rpe_lo)
    capped = ceiling is not None and ceiling < top
    if bool(r["load_capped"]) != capped:
        out.append(f"load_capped is {r['load_capped']} but the ceiling {ceiling} vs chart {top} "
                   f"says {capped}")
    expect_hi = ceiling if capped else top
    expect_lo = min(bottom, expect_hi)
    if abs(pct_hi - expect_hi) > 0.05 or abs(pct_lo - expect_lo) > 0.05:
        out.append(f"%1RM {r['percent_1rm']} does not agree with {reps_lo}-{reps_hi} reps at RPE "
                   f"{rpe_lo}-{rpe_hi} (chart {bottom}-{top}, ceiling {ceiling})")
    if r.get("loads"):
        one_rm = r["estimated_1rm"]["value"]
        for entry in r["loads"]:
            if entry["weight"] > one_rm * pct_hi / 100 + r["plate_step"] / 2 + 1e-6:
                out.append(f"set {entry['set']}: {entry['weight']} is above {pct_hi}% of {one_rm}")
            if ceiling is not None and entry["weight"] > one_rm * ceiling / 100 + 1e-6:
                out.append(f"set {entry['set']}: {entry['weight']} is above the load ceiling "
                           f"({ceiling}% of {one_rm})")
            if entry["weight"] > one_rm * _chart(entry["reps"], entry["rpe"]) / 100 \
                    + r["plate_step"] / 2 + 1e-6:
                out.append(f"set {entry['set']}: {entry['weight']} × {entry['reps']} is heavier "
                           f"than RPE {entry['rpe']} allows")
    stage = a["profile"]["injury_stage"]
    if stage in ("recovering", "cleared"):
        if stage not in r["limits"]:
            out.append(f"a {stage} injury without its caps")
        elif pct_hi > LIMITS[stage]["pct_hi"] + 1e-6:
            out.append(f"{stage} injury loaded at {pct_hi}% of 1RM, above its "
                       f"{LIMITS[stage]['pct_hi']}% ceiling")
    return out


def _role_and_season_violations(a):
    r, p, profile = a["prescription"], a["placement"], a["profile"]
    var = VARIATIONS[profile["variation"]]
    out = []
    if a["classification"].get("role") != var["role"] or p.get("role") != var["role"]:
        out.append("role in the advice differs from the catalogue's")
    if var["role"] == "accessory":
        if r["max_effort"]:
            out.append("an accessory hinge with a max test")
        if p["day"] == "dedicated_day" or "dedicated_day" in p["allowed_days"]:
            out.append("an accessory hinge as the main lift of a day of its own")
        if p["order"] == 1:
            out.append("an accessory hinge placed first in the session")
        if "accessory_hinge" not in r["limits"]:
            out.append("an accessory hinge without the accessory caps")
    ids = {m["id"] for m in a["recommendations"]}
    if var["role"] != "main" and ids & {"leg_day_deadlift_first", "second_lift_gets_less"}:
        out.append("main-lift session advice for an accessory hinge")
    if r["max_effort"] and (r["rpe"][1] < 8.5 or not GOAL_BANDS[profile["goal"]]["max_effort_ok"]):
        out.append(f"max effort in a plan that tops out at RPE {r['rpe'][1]}")
    if r["perform"]:
        demanding = (r["max_effort"] or r["rpe"][1] >= 9.5
                     or r["sets"][1] * r["reps"][1] >= HIGH_VOLUME_REPS)
        hours = a["recovery"]["posterior_chain_rest_hours"]
        if hours != (72 if demanding else 48):
            out.append(f"{hours} h recovery for a session that is "
                       f"{'demanding' if demanding else 'not demanding'}")
    if profile["season_phase"] == "in_season":
        meet = profile["goal"] == "powerlifting"
        if meet and ("meet_season" not in r["limits"] or "in_season_once_a_week" in ids
                     or "in_season" in r["limits"]):
            out.append("a powerlifter's meet season treated as a team sport's season")
        floor = max([LIMITS[k].get("reps_lo_min", 0) for k in r["limits"] if k in LIMITS] or [0])
        if meet and r["perform"] and r["reps"][1] > max(3, floor):
            out.append(f"meet season with {r['reps'][1]} reps a set")
        if not meet and "in_season" not in r["limits"]:
            out.append("in-season without the maintenance caps")
    if profile["season_phase"] == "pre_season" and profile["goal"] == "powerlifting" and (
            "pre_season" in r["limits"]):
        out.append("a powerlifter's meet preparation capped as a team sport's pre-season")
    return out


def _estimate_violations(a):
    """The weights come from a max of the lift being programmed, or from a conventional max
    through the catalogue's stated relation; a rough estimate says so and is cut."""
    r, profile = a["prescription"], a["profile"]
    est = r.get("estimated_1rm")
    if not est:
        return []
    out = []
    variation = profile["variation"]
    relation = VARIATIONS[variation]["relation"]
    if est["lift"] not in ("conventional", "variation"):
        return [f"weights from an unknown lift {est['lift']!r}"]
    if variation == "conventional" and est["lift"] != "variation":
        out.append("a conventional deadlift loaded through a relation")
    max_lift = profile.get("max_lift")
    if max_lift in ("conventional", "variation") and variation != "conventional" and \
            est["lift"] != max_lift:
        out.append(f"max_lift {max_lift} given, but the weights read the max as {est['lift']}'s")
    if max_lift not in ("conventional", "variation") and variation != "conventional":
        lighter = "conventional" if relation["ratio"] < 1 else "variation"
        if est["lift"] != lighter:
            out.append("no max_lift given, and the heavier reading of the max was taken")
    ratio = relation["ratio"] if est["lift"] == "conventional" else 1.0
    if abs(est["ratio"] - ratio) > 1e-9:
        out.append(f"weights derived with ratio {est['ratio']}, the catalogue states {ratio}")
    if abs(est["value"] - round(est["measured"] * ratio, 1)) > 0.051:
        out.append(f"1RM {est['value']} is not {ratio} × {est['measured']}")
    inferred = est["lift"] == "conventional" and relation["inferred"]
    if bool(est["relation_inferred"]) != inferred:
        out.append("relation_inferred does not match the catalogue")
    ids = {m["id"] for m in a["recommendations"]}
    if inferred and "relation_is_a_starting_guess" not in ids:
        out.append("weights from an inferred relation without saying so")
    if est["lift"] == "conventional" and not relation["inferred"] and not relation["sources"]:
        out.append("a relation without a source")
    recent = profile.get("recent_set")
    rough = bool(recent) and (recent["rpe"] <= ROUGH_SET["rpe_at_most"]
                              or recent["reps"] > ROUGH_SET["reps_over"])
    if bool(est["rough"]) != rough:
        out.append(f"estimate marked rough={est['rough']}, the recent set says {rough}")
    if rough:
        if not est["raw"] or est["measured"] > est["raw"] * ROUGH_SET["conservative_factor"] + 0.051:
            out.append("a rough estimate used at face value")
        if not any(w["id"] == "rough_estimate" for w in a["warnings"]):
            out.append("a rough estimate without a warning")
    return out


def _ruled_out(variation, area, stage):
    # Independent of rules.safety.ruled_out: what the knowledge says rules a variation out.
    return (area == "hamstring" and stage != "cleared"
            and VARIATIONS[variation]["lengthened_hamstrings"])


def _alternative_violations(a):
    r, profile, alt = a["prescription"], a["profile"], a.get("alternative")
    area, stage = profile["injury_area"], profile["injury_stage"]
    out = []
    if r["perform"] or area == "none" or stage == "acute":
        if alt:
            out.append("an alternative offered where none is called for")
        return out
    if not alt:
        if not any(w["id"] == "no_safe_alternative" for w in a["warnings"]):
            out.append("the lift is ruled out, with no alternative and no word that none is safe")
        return out
    if alt["variation"] == profile["variation"] or _ruled_out(alt["variation"], area, stage):
        out.append(f"alternative {alt['variation']} is ruled out by the same injury")
    ar = alt["prescription"]
    if not ar["perform"] or ar["max_effort"]:
        out.append("an alternative without a safe prescription of its own")
    elif ar["percent_1rm"][1] > LIMITS[stage]["pct_hi"] + 1e-6:
        out.append(f"alternative loaded above the {stage} ceiling")
    if not alt["because"] or not alt["sources"] or any(s not in SOURCES for s in alt["sources"]):
        out.append("alternative without rule ids or known sources")
    if not any(m["id"] == "alternative_variation" and m["params"]["alternative"] == alt["variation"]
               for m in a["recommendations"]):
        out.append("alternative not named in the advice")
    return out


def _meets(exercise, area):
    ex = EXERCISES[exercise]
    return area in ex["loads"] or not set(INJURY_AREAS[area]["muscles"]).isdisjoint(ex["trains"])


def _injury_week_violations(a):
    """An injury is checked against every exercise on every day of the week."""
    profile, s = a["profile"], a.get("schedule")
    area, stage = profile["injury_area"], profile["injury_stage"]
    if profile.get("week") is None:
        return []
    if not s:
        return ["a week was given but the advice has no schedule"]
    if area == "none":
        return ["injury entries without an injury"] if s.get("injury") else []
    out = []
    listed = {(c["day"], c["exercise"]): c for c in s.get("injury", [])}
    allowed = ("avoid",) if stage != "cleared" else ("reduced", "avoid")
    for day, d in s["days"].items():
        for e in d["entries"]:
            x = e["exercise"]
            if x == "deadlift" or not _meets(x, area):
                continue
            if e["intensity"] not in allowed:
                out.append(f"{x} on {day} meets the injured {area} but stays {e['intensity']}")
            c = listed.get((day, x))
            if not c or c["intensity"] not in allowed or not c["because"] or not c["sources"] \
                    or not c["text"].strip():
                out.append(f"{x} on {day} meets the injured {area} but is not listed with a reason")
    return out


def _avoided(a):
    """Every exercise the plan leaves out somewhere: follow-ups, the week, the injury list."""
    gone = {f["exercise"] for f in a["follow_ups"] if f["intensity"] == "avoid"}
    s = a.get("schedule") or {}
    gone |= {e["exercise"] for d in s.get("days", {}).values() for e in d["entries"]
             if e["intensity"] == "avoid"}
    gone |= {c["exercise"] for c in s.get("injury", ()) if c["intensity"] == "avoid"}
    return gone


def _back_days_in_week(a):
    s = a.get("schedule")
    return None if not s else sum(d["session"] == "back_day" for d in s["days"].values())


# What each premise of kb.premises.MESSAGE_PREMISES means, read off the final advice alone (an
# independent reading: none of these calls the rules). ``m`` is the message being checked.
PREMISES = {
    "deadlift": lambda a, m: a["prescription"]["perform"],
    "no_deadlift": lambda a, m: not a["prescription"]["perform"],
    "weights": lambda a, m: bool(a["prescription"].get("loads")),
    "injured": lambda a, m: a["profile"]["injury_area"] != "none",
    "provisional": lambda a, m: a["classification"]["provisional"],
    "main_lift": lambda a, m: a["classification"].get("role") == "main",
    "accessory": lambda a, m: a["classification"].get("role") == "accessory",
    "role_as_said": lambda a, m: m["params"].get("role") == a["classification"].get("role"),
    "leg_day": lambda a, m: a["placement"]["day"] == "leg_day",
    "back_day": lambda a, m: a["placement"]["day"] == "back_day",
    "novice": lambda a, m: a["profile"]["experience"] == "novice",
    # the reason a refused day was given is true of this lifter (read off the profile)
    "refusal_as_said": lambda a, m: {
        "no_back_days": (a["profile"]["back_days_per_week"] if _back_days_in_week(a) is None
                         else _back_days_in_week(a)) == 0,  # the week wins over the answer
        "not_advanced": a["profile"]["experience"] != "advanced",
        "accessory_hinge": a["profile"]["experience"] == "advanced"
        and a["classification"].get("role") == "accessory",
        "back_lift": a["classification"]["category"] == "back",
    }.get(m["params"].get("reason"), m["params"].get("reason") is None),
    "max_effort": lambda a, m: a["prescription"]["max_effort"],
    "alternative_shown": lambda a, m: bool(a.get("alternative"))
    and a["alternative"]["variation"] == m["params"]["alternative"],
    "squat_in_session": lambda a, m: any(
        f["exercise"] in SQUATS and f["intensity"] != "avoid" for f in a["follow_ups"]),
    "named_in_session": lambda a, m: set(m["params"].get("named", ())) <= {
        f["exercise"] for f in a["follow_ups"] if f["intensity"] != "avoid"},
    "named_allowed": lambda a, m: not (set(m["params"].get("named", ())) & (
        _avoided(a) | {EXERCISE_OF_VARIATION[a["profile"]["variation"]]})),
    "reps_as_prescribed": lambda a, m: [m["params"]["reps_lo"], m["params"]["reps_hi"]]
    == list(a["prescription"]["reps"]),
    "rpe_as_prescribed": lambda a, m: [m["params"]["rpe_lo"], m["params"]["rpe_hi"]]
    == list(a["prescription"]["rpe"]),
    "back_days_as_in_the_week": lambda a, m: _back_days_in_week(a) in (
        None, m["params"]["back_days"]),
    "session_as_in_the_week": lambda a, m: bool(a.get("schedule"))
    and a["schedule"]["session"] == m["params"]["day"] == a["placement"]["day"],
    "back_days_as_in_the_week_for_override": lambda a, m: _back_days_in_week(a) == m["params"][
        "week"] != a["profile"]["back_days_per_week"],
}


def _premise_violations(a):
    """Every line said declares its premises (kb.premises), and they hold on this advice; no
    line quotes a category other than the classification's."""
    out = []
    for m in [*a["warnings"], *a["recommendations"]]:
        premises = MESSAGE_PREMISES.get(m["id"])
        if premises is None:
            out.append(f"message {m['id']} declares no premises (kb/premises.py)")
            continue
        for name in premises:
            if not PREMISES[name](a, m):
                out.append(f"message {m['id']} said although its premise {name!r} does not hold")
        if "category" in m["params"] and m["params"]["category"] != a["classification"]["category"]:
            out.append(f"message {m['id']} calls the lift {m['params']['category']}, the "
                       f"classification says {a['classification']['category']}")
    seen = {}
    for f in a["follow_ups"]:
        seen.setdefault(f["exercise"], set()).add(f["intensity"])
    if EXERCISE_OF_VARIATION[a["profile"]["variation"]] in seen:
        out.append("the lift itself listed again among its own follow-ups")
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
    out += _session_violations(r, loads)
    for entry in loads:
        w = entry["weight"]
        if abs(w / step - round(w / step)) > 1e-6:
            out.append(f"set {entry['set']}: {w} is not a multiple of the plate step {step}")
        if w > one_rm:
            out.append(f"set {entry['set']}: {w} is above the estimated 1RM {one_rm}")
        if not lo - 1e-6 <= w <= hi + 1e-6:
            out.append(f"set {entry['set']}: {w} is outside the load range {r['load_range']}")
    return out


def _session_violations(r, loads):
    """The session at the bar: every work set of the range (those above its lower count
    optional), plates that really make each weight on the bar, a warm-up that climbs to the
    first work set without reaching it, and the rule for the optional sets."""
    out = []
    sets_lo, sets_hi = r["sets"]
    if [(e["set"], e["optional"]) for e in loads] != [(n, n > sets_lo)
                                                      for n in range(1, sets_hi + 1)]:
        out.append(f"work sets {[e['set'] for e in loads]} are not sets 1-{sets_hi} with those "
                   f"above {sets_lo} optional")
    gear = r.get("equipment")
    if gear is None:
        return out + ["weights without equipment (bar, plates)"]
    rows = [*r["warm_up"], *loads]
    for row in rows:
        plates, w = row["plates"], row["weight"]
        if w <= 0:
            out.append(f"a set of {w} {r['units']}")
        if gear["implement"] == "dumbbells":
            if plates is not None:
                out.append(f"{w}: plates on dumbbells")
            hand = w / 2 / r["plate_step"]
            if abs(hand - round(hand)) > 1e-6 or round(hand) < 1:
                out.append(f"{w}: not a pair of dumbbells in steps of {r['plate_step']}")
            continue
        if plates is None:
            continue  # said by load.not_loadable (a premise of its message)
        if abs(gear["bar"] + 2 * sum(plates) - w) > 1e-6:
            out.append(f"{w}: {gear['bar']} + 2 × {plates} does not make it")
        if plates != sorted(plates, reverse=True) or not set(plates) <= set(gear["plates"]):
            out.append(f"{w}: plates {plates} are not heaviest first from {gear['plates']}")
    warm = r["warm_up"]
    first = loads[0]["weight"]
    if any(b["weight"] <= a["weight"] for a, b in zip(warm, warm[1:], strict=False)) or \
            any(x["weight"] >= first for x in warm):
        out.append(f"warm-up {[x['weight'] for x in warm]} does not climb below {first}")
    if any(b["reps"] > a["reps"] for a, b in zip(warm, warm[1:], strict=False)):
        out.append("warm-up reps rise")
    extra = r.get("extra_sets")
    if (extra is not None) != (sets_hi > sets_lo):
        out.append(f"extra_sets {extra} for sets {r['sets']}")
    elif extra and not r["rpe"][0] <= extra["while_rpe_at_most"] <= r["rpe"][1]:
        out.append(f"extra sets while RPE {extra['while_rpe_at_most']}, outside {r['rpe']}")
    return out


def _schedule_violations(a):
    from .kb.weeks import WEEKDAYS

    s = a.get("schedule")
    if not s:
        return []
    out = []
    day = s["deadlift_day"]
    if day is None:
        if a["prescription"]["perform"]:
            return ["a deadlift is prescribed but the week has no deadlift day"]
        if s["protected_days"] or s["conflicts"] or any(
                e["exercise"] == "deadlift" for v in s["days"].values() for e in v["entries"]):
            out.append("a week without a deadlift still shows one or its recovery window")
        return out
    if not a["prescription"]["perform"]:
        return ["a deadlift day in a week with no deadlift"]
    if day not in WEEKDAYS:
        return [f"deadlift day {day!r} is not a weekday"]
    start = WEEKDAYS.index(day)
    expected = [WEEKDAYS[(start + k) % 7] for k in range(1, s["window_hours"] // 24)]
    before = WEEKDAYS[(start - 1) % 7]
    two_after = {WEEKDAYS[(start + k) % 7] for k in (1, 2)}
    if s["protected_days"] != expected:
        out.append(f"protected days {s['protected_days']} are not the window after {day}")
    main = [d for d, v in s["days"].items() for e in v["entries"] if e["intensity"] == "main"]
    if main != [day]:
        out.append(f"the deadlift appears on {main}, expected only {day}")
    for d, v in s["days"].items():
        if any(e["intensity"] == "light" for e in v["entries"]) and d == day:
            out.append(f"a light pull on the deadlift day {d}")
    for c in s["conflicts"]:
        allowed = {"posterior_chain": set(s["protected_days"]), "before_deadlift": {before},
                   "leg_day_after_back_day": two_after}.get(c["reason"], set())
        if c["day"] not in allowed:
            out.append(f"{c['reason']} conflict on {c['day']}, outside the days it concerns")
        if c["exercise"] and not EXERCISES[c["exercise"]]["posterior_chain"]:
            out.append(f"conflict for {c['exercise']}, which is not posterior-chain work")
        if not c["text"].strip() or not c["because"]:
            out.append("conflict without text or rule ids")
    marked = {(c["day"], c["exercise"]) for c in s["conflicts"]}
    for d in [*s["protected_days"], before]:
        if d == day:
            continue
        for e in s["days"][d]["entries"]:
            if e["intensity"] == "light":
                continue
            if EXERCISES.get(e["exercise"], {}).get("posterior_chain") and (d, e["exercise"]) not in marked:
                out.append(f"{e['exercise']} on {d} next to the deadlift is not reported as a conflict")
    if a["placement"]["day"] == "back_day":
        for d in two_after:
            if s["days"][d]["session"] in ("leg_day", "full_body") and not any(
                    c["day"] == d for c in s["conflicts"]):
                out.append(f"a leg day on {d}, within two days of a back-day deadlift, unreported")
    if s["session"] in DAYS and s["session"] != a["placement"]["day"]:
        out.append(f"the deadlift lands on a {s['session']} but the advice follows "
                   f"{a['placement']['day']} rules")
    if s["days"][day]["session"] == "unknown":
        out.append(f"the deadlift put on {day}, a day of exercises the advisor does not know")
    return out
