"""Validation of the optional answers that make advice concrete: 1RM, a recent set, the plate
step and the week. Each problem is one AnswerError line, like the core answers."""

import math
import re

from .kb.answers import EXTRA_ANSWERS
from .kb.exercises import find_exercise
from .kb.rts import estimate_1rm
from .kb.programming import ONE_RM_RANGE, PLATE_STEP_MIN, PLATE_STEPS, RECENT_SET_REPS, RECENT_SET_RPE
from .kb.weeks import DAY_NAMES as WEEK_DAY_NAMES
from .kb.weeks import SPLITS, WEEKDAYS
from .errors import AnswerError
from .quoting import check_characters, check_choice, describe, printable, shown

# Matched against the value with its white space removed and at most SET_LENGTH characters
# long: no two neighbouring parts of the pattern can match the same characters, so it runs in
# time linear in the (bounded) input instead of backtracking over runs of spaces.
SET_PATTERN = re.compile(r"(\d{1,4}(?:\.\d{1,3})?)(?:kg|lbs?)?[x×*](\d{1,3})@(\d{1,2}(?:\.\d{1,2})?)",
                         re.IGNORECASE)
SET_LENGTH = 40
_SPACE = re.compile(r"\s+")
DAY_NAMES = {**{d: d for d in WEEKDAYS}, **{name.lower(): d for d, name in WEEK_DAY_NAMES.items()}}


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


def _weight(key, value, units, what="a 1RM"):
    weight = _number(key, value)
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
        if match and not all(part in value for part in match.groups()):
            match = None  # a space inside a number ("14 0x5@8") is a typo, not 140
        if not match:
            raise AnswerError(f"recent_set: {shown(value)} is not WEIGHTxREPS@RPE — "
                              f"e.g. recent_set: 140x5@8, or weight/reps/rpe keys")
        value = dict(zip(("weight", "reps", "rpe"), match.groups(), strict=True))
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
    step = _number("plate_step", value)
    lo, hi = PLATE_STEP_MIN[units], 10 * PLATE_STEPS[units]
    if not lo <= step <= hi:
        raise AnswerError(f"plate_step: {step:g} {units} — use {lo:g} to {hi:g} {units} "
                          f"(default {PLATE_STEPS[units]:g})")
    return step


def check_week(value):
    """A split preset name, or a mapping of day -> exercises (a list, or a comma-separated
    string). Exercise names are matched to the catalogue; unknown names are kept as typed (the
    advice warns about them rather than failing)."""
    if isinstance(value, str):
        preset = value.strip().lower().replace("-", "_").replace(" ", "_")
        if preset in SPLITS:
            return {"split": preset, "days": {d: list(SPLITS[preset].get(d, ())) for d in WEEKDAYS}}
        raise AnswerError(f"week: {shown(value)} is not a split preset "
                          f"({', '.join(SPLITS)}) — or give a mapping of day: exercises")
    if not isinstance(value, dict):
        raise AnswerError(f"week: expected a split preset or a mapping of day: exercises, got "
                          f"{describe(value)}")
    days = {d: [] for d in WEEKDAYS}
    for raw_day, items in value.items():
        day = DAY_NAMES.get(raw_day.strip().lower()) if isinstance(raw_day, str) else None
        if day is None:
            raise AnswerError(f"week: {shown(raw_day)} is not a day — use "
                              f"{', '.join(WEEKDAYS)}")
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
          "week": lambda value, units: check_week(value)}


def check_extras(given, units):
    """Clean the optional answers present in ``given``; absent ones are None."""
    cleaned = dict.fromkeys(EXTRA_ANSWERS)
    for key, spec in EXTRA_ANSWERS.items():
        if given.get(key) is not None:
            check = CHECKS.get(spec["type"])
            cleaned[key] = (check(given[key], units) if check is not None
                            else check_choice(key, given[key], spec["choices"]))
    return cleaned
