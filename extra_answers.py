"""Validation of the optional answers that make advice concrete: 1RM, a recent set, the plate
step and the week. Each problem is one AnswerError line, like the core answers."""

import math
import re

from .kb.answers import EXTRA_ANSWERS, SPEC
from .kb.exercises import find_exercise
from .kb.rts import estimate_1rm
from .kb.programming import (BAR_WEIGHT_RANGE, KG_PER_LB, ONE_RM_RANGE, PLATE_STEP_MIN, PLATE_STEPS,
                              RECENT_SET_REPS, RECENT_SET_RPE)
from .kb.weeks import DAY_NAMES as WEEK_DAY_NAMES
from .kb.weeks import SPLIT_ALIASES, SPLITS, WEEKDAYS
from .errors import AnswerError
from .quoting import (check_characters, check_choice, describe, nearest, printable, resolve_choice,
                      shown,
                      suggestion, unmatched)

# Matched against the value with its white space removed and at most SET_LENGTH characters
# long: no two neighbouring parts of the pattern can match the same characters, so it runs in
# time linear in the (bounded) input instead of backtracking over runs of spaces.
SET_PATTERN = re.compile(r"(\d{1,4}(?:\.\d{1,3})?)([a-wyz]{1,11})?[x×*](\d{1,3})@(\d{1,2}(?:\.\d{1,2})?)",
                         re.IGNORECASE)
# A weight with its unit, "185kg", "405 lb", "100 pounds" (white space removed first; the unit's
# letters cannot be digits, so the two parts never compete for a character).
WEIGHT_PATTERN = re.compile(r"(\d{1,5}(?:\.\d{1,3})?)([a-z]{1,11})", re.IGNORECASE)
SET_LENGTH = 40
_SPACE = re.compile(r"\s+")
DAY_ALIASES = {name.lower(): d for d, name in WEEK_DAY_NAMES.items()}  # "monday" -> mon


def _number(key, value):
    """A finite float from a number or its text; huge, infinite and NaN values are refused
    here (float() of a 400-digit int overflows; inf has no int())."""
    if isinstance(value, str):
        try:
            number = float(value.strip()) if len(value) <= 40 else None
        except ValueError:
            number = None
        if number is None:
            raise AnswerError(f"{key}: expected a number, got {describe(value)}")
        value = number
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise AnswerError(f"{key}: expected a number, got {describe(value)}")
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number) or abs(number) > 1e9:
        raise AnswerError(f"{key}: expected an ordinary number, got {describe(value)}")
    return number


def _in_units(key, value, units, convert=True):
    """A weight as a number in ``units``: a plain number is in them already; text may carry a
    unit ("185kg", "405 lb"), converted when it is the other one."""
    if not isinstance(value, str):
        return _number(key, value)
    text = _SPACE.sub("", value) if len(value) <= 40 else value
    match = WEIGHT_PATTERN.fullmatch(text) if len(text) <= 40 else None
    if match is None:
        return _number(key, value)
    number, unit_text = match.groups()
    if number not in value:
        raise AnswerError(f"{key}: {shown(value)} has a space inside the number — retype it")
    spec = SPEC["units"]
    unit, _ = resolve_choice(unit_text, spec["choices"], spec["aliases"])
    if unit is None:
        raise AnswerError(f"{key}: {shown(value)} — the unit '{printable(unit_text)}' is not kg "
                          f"or lb (write e.g. 185kg or 405 lb)")
    weight = float(number)
    if unit != units and not convert:
        raise AnswerError(f"{key}: {shown(value)} is in {unit} but units is {units} — give it in "
                          f"{units}, or set units: {unit}")
    return weight if unit == units else convert_weight(weight, unit, units)


def convert_weight(weight, unit, units):
    return weight * KG_PER_LB if unit == "lb" else weight / KG_PER_LB


def _weight(key, value, units, what="a 1RM"):
    weight = _in_units(key, value, units)
    lo, hi = ONE_RM_RANGE[units]
    if not lo <= weight <= hi:
        raise AnswerError(f"{key}: {weight:g} {units} is not a plausible weight for {what} — "
                          f"use {lo:g} to {hi:g} {units} (is 'units' right?)")
    return weight


def check_one_rm(value, units):
    return _weight("one_rm", value, units)


def check_recent_set(value, units):
    """A mapping {weight, reps, rpe} or the short form '140x5@8'."""
    if isinstance(value, str):
        match = (SET_PATTERN.fullmatch(_SPACE.sub("", value)) if len(value) <= SET_LENGTH
                 else None)
        if match and not all(part in value for part in match.groups() if part):
            match = None  # a space inside a number ("14 0x5@8") is a typo, not 140
        if not match:
            raise AnswerError(f"recent_set: {shown(value)} is not WEIGHTxREPS@RPE — "
                              f"e.g. recent_set: 140x5@8, or weight/reps/rpe keys")
        weight, unit, reps, rpe = match.groups()
        value = {"weight": weight + (unit or ""), "reps": reps, "rpe": rpe}
    if not isinstance(value, dict):
        raise AnswerError(f"recent_set: expected weight, reps and rpe, got {describe(value)}")
    unknown = set(value) - {"weight", "reps", "rpe"}
    if unknown or len(value) != 3:
        raise AnswerError("recent_set: give exactly weight, reps and rpe (e.g. weight: 140, "
                          "reps: 5, rpe: 8)")
    weight = _weight("recent_set.weight", value["weight"], units, what="a deadlift set")
    reps = _number("recent_set.reps", value["reps"])
    lo, hi = RECENT_SET_REPS
    if reps != int(reps) or not lo <= reps <= hi:
        raise AnswerError(f"recent_set.reps: {reps:g} — use a whole number from {lo} to {hi}")
    rpe = _number("recent_set.rpe", value["rpe"])
    lo, hi = RECENT_SET_RPE
    if not lo <= rpe <= hi or rpe * 2 != int(rpe * 2):
        raise AnswerError(f"recent_set.rpe: {rpe:g} — use {lo:g} to {hi:g} in half steps "
                          f"(8, 8.5, 9 …)")
    implied = estimate_1rm(weight, int(reps), rpe)
    if implied > ONE_RM_RANGE[units][1]:
        raise AnswerError(f"recent_set: {weight:g} {units} for {int(reps)} at RPE {rpe:g} implies a "
                          f"1RM of {implied:.0f} {units}, more than is plausible — check the numbers")
    return {"weight": weight, "reps": int(reps), "rpe": rpe}


def check_plate_step(value, units):
    """The smallest jump in load: from the lightest change plates (0.25 kg, 0.5 lb) to ten
    times the default."""
    step = _in_units("plate_step", value, units, convert=False)  # plates come in one unit
    lo, hi = PLATE_STEP_MIN[units], 10 * PLATE_STEPS[units]
    if not lo <= step <= hi:
        raise AnswerError(f"plate_step: {step:g} {units} — use {lo:g} to {hi:g} {units} "
                          f"(default {PLATE_STEPS[units]:g})")
    return step


def check_bar_weight(value, units):
    """The empty bar (or trap bar) the gym has, in the units the loads are shown in."""
    weight = _in_units("bar_weight", value, units, convert=False)
    lo, hi = BAR_WEIGHT_RANGE[units]
    if not lo <= weight <= hi:
        raise AnswerError(f"bar_weight: {weight:g} {units} — an empty bar weighs {lo:g} to {hi:g} "
                          f"{units}")
    return weight


def check_plates(value, units):
    """The plates the gym has: a list, or numbers separated by commas ("25, 20, 10, 5, 2.5");
    heaviest first, each once."""
    if isinstance(value, str):
        if len(value) > 200:
            raise AnswerError("plates: at most 200 characters — list each plate weight once")
        value = [part for part in value.split(",") if part.strip()]
    if not isinstance(value, list) or not value:
        raise AnswerError(f"plates: expected the plate weights, e.g. plates: 25, 20, 10, 5, 2.5, "
                          f"got {describe(value)}")
    if len(value) > 12:
        raise AnswerError("plates: at most 12 plate weights — list each weight once")
    lo, hi = PLATE_STEP_MIN[units], BAR_WEIGHT_RANGE[units][1]
    plates = set()
    for item in value:
        plate = _in_units("plates", item, units, convert=False)
        if not lo <= plate <= hi:
            raise AnswerError(f"plates: {plate:g} {units} — a plate weighs {lo:g} to {hi:g} "
                              f"{units}")
        plates.add(plate)
    return sorted(plates, reverse=True)


def check_week(value):
    """A split preset name, or a mapping of day -> exercises (a list, or a comma-separated
    string). Exercise names are matched to the catalogue; unknown names are kept as typed (the
    advice warns about them rather than failing)."""
    if isinstance(value, str):
        preset, candidates = resolve_choice(value[:200], tuple(SPLITS), SPLIT_ALIASES)
        if preset is not None:
            return {"split": preset, "days": {d: list(SPLITS[preset].get(d, ())) for d in WEEKDAYS}}
        if candidates:
            raise AnswerError(unmatched("week", value, tuple(SPLITS), SPLIT_ALIASES, candidates))
        raise AnswerError(f"week: {shown(value)} is not a split preset "
                          f"({', '.join(SPLITS)}) — or give a mapping of day: exercises"
                          f"{suggestion(value, tuple(SPLITS), SPLIT_ALIASES)}")
    if not isinstance(value, dict):
        raise AnswerError(f"week: expected a split preset or a mapping of day: exercises, got "
                          f"{describe(value)}")
    days = {d: [] for d in WEEKDAYS}
    for raw_day, items in value.items():
        day, candidates = (resolve_choice(raw_day[:200], WEEKDAYS, DAY_ALIASES)
                           if isinstance(raw_day, str) else (None, ()))
        if candidates:
            raise AnswerError(f"week: {shown(raw_day)} could be "
                              f"{' or '.join(WEEK_DAY_NAMES[d] for d in candidates)} — type more "
                              f"of the day")
        if day is None:
            near = nearest(raw_day, WEEKDAYS, DAY_ALIASES) if isinstance(raw_day, str) else None
            raise AnswerError(f"week: {shown(raw_day)} is not a day — use "
                              f"{', '.join(WEEKDAYS)}"
                              + (f" (did you mean {WEEK_DAY_NAMES[near]}?)" if near else ""))
        if items is None:
            continue
        if isinstance(items, str):
            items = [part for part in items.split(",")]
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise AnswerError(f"week.{day}: expected exercise names (a list, or separated by "
                              f"commas), got {describe(items)}")
        if len([n for n in items if n.strip()]) > 10:
            raise AnswerError(f"week.{day}: at most 10 exercises a day — list the main ones")
        for name in items:
            if not name.strip():
                continue
            if len(name) > 60:
                raise AnswerError(f"week.{day}: an exercise name is longer than 60 characters")
            check_characters(f"week.{day}", name)
            days[day].append(find_exercise(name) or printable(name.strip()))
    return {"split": None, "days": days}


CHECKS = {"weight": check_one_rm, "recent_set": check_recent_set, "plate_step": check_plate_step,
          "bar_weight": check_bar_weight, "plates": check_plates,
          "week": lambda value, units: check_week(value)}


def check_extras(given, units):
    """Clean the optional answers present in ``given``; absent ones are None."""
    cleaned = dict.fromkeys(EXTRA_ANSWERS)
    for key, spec in EXTRA_ANSWERS.items():
        if given.get(key) is not None:
            check = CHECKS.get(spec["type"])
            cleaned[key] = (check(given[key], units) if check is not None
                            else check_choice(key, given[key], spec["choices"], spec.get("aliases")))
    return cleaned
