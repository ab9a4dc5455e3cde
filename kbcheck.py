"""`deadlift-advisor kb check`: the knowledge base checked against itself.

The real engine runs over the entire input space (every combination of the enumerated answers),
and every consultation must satisfy the invariants (invariants.py, the same code the test suite
uses). A sweep with loads and each split preset covers the rules that only fire with those
optional answers. Then hygiene: every rule fires somewhere (no dead rules), every cited source
exists, every variation and exercise is reachable, every rule has a justification. A slice of
the check (``--limit``) makes only the hygiene checks that do not need the whole space: that a
rule never fired in the first N profiles says nothing about the knowledge base.
"""

import itertools
import os

from .kb import (ANSWERS, EXERCISES, GOAL_BANDS, INJURY_AREAS, LIMITS, SOURCES, STAGES,
                 VARIATIONS, enumerated_space)
from .kb.programming import RECOVERY_SOURCES, RTS_SOURCES
from .kb.weeks import SPLITS, WEEKDAYS

def optional_sweep():
    """Profiles with loads and weeks: every variation x split preset x placement x injury stage
    (none, acute, recovering, cleared; the area cycled), with either a 1RM or a recent set (and
    both once), in kg and lb; then every variation x split preset x
    injury area and stage, with loads read both ways (max_lift) and a rough recent set, so the
    week is reviewed for every injury and every variation is loaded as itself (the presets and a
    week that already lists a deadlift); and every variation x awkward week x placement x low-back
    stage (none, acute, recovering, cleared); every variation with a plate step coarser than
    its lightest working weight; and every variation with the gym's own bar and plates."""
    areas = [a for a in INJURY_AREAS if a != "none"]
    for i, (variation, split, placement, stage) in enumerate(itertools.product(
            VARIATIONS, SPLITS, ("auto", "leg_day", "back_day", "full_body", "dedicated_day"),
            (None, *STAGES))):
        loads = [{"one_rm": 180}, {"recent_set": "150x5@8"},
                 {"one_rm": 400, "recent_set": "315x3@9", "units": "lb", "plate_step": 10}][i % 3]
        injury = {"injury_area": areas[i % len(areas)], "injury_stage": stage} if stage else {}
        yield {"variation": variation, "goal": ("strength", "hypertrophy", "power")[i % 3],
               "experience": ("novice", "intermediate", "advanced")[i % 3],
               "placement": placement, "back_days_per_week": i % 4, "week": split, **loads,
               **injury}
    for i, (variation, week, placement, stage) in enumerate(itertools.product(
            VARIATIONS, AWKWARD_WEEKS, ("auto", "leg_day", "back_day", "full_body", "dedicated_day"),
            (None, *STAGES))):
        injury = {"injury_area": "low_back", "injury_stage": stage} if stage else {}
        yield {"variation": variation, "goal": GOALS[i % len(GOALS)],
               "experience": ("novice", "intermediate", "advanced")[i % 3],
               "placement": placement, "back_days_per_week": i % 4, "week": week,
               "one_rm": 180, **injury}
    for i, (variation, week) in enumerate(itertools.product(VARIATIONS, GYM_WEEKS)):
        yield {"variation": variation, "goal": GOALS[i % len(GOALS)],
               "experience": ("novice", "intermediate", "advanced")[i % 3],
               "injury_area": ("none", "knee", "shoulder")[i % 3],
               **({"injury_stage": "recovering"} if i % 3 else {}), "week": week,
               "one_rm": 160}
    injuries = [(area, stage) for area in INJURY_AREAS if area != "none" for stage in STAGES]
    for i, (variation, split, (area, stage)) in enumerate(itertools.product(
            VARIATIONS, [*SPLITS, OWN_DEADLIFT_WEEK], injuries)):
        loads = [{"one_rm": 200, "max_lift": "conventional"}, {"recent_set": "100x12@6"},
                 {"one_rm": 150, "max_lift": "variation"}, {"one_rm": 300, "units": "lb"}][i % 4]
        yield {"variation": variation, "goal": GOALS[i % len(GOALS)],
               "experience": ("novice", "intermediate", "advanced")[i % 3],
               "season_phase": ("none", "in_season", "post_season", "pre_season")[i % 4],
               "injury_area": area, "injury_stage": stage, "week": split, **loads}
    # plate steps coarser than the lightest working weight (no weights; the sheet says why)
    for i, variation in enumerate(VARIATIONS):
        yield {"variation": variation, "goal": GOALS[i % len(GOALS)], "experience": "novice",
               **[{"one_rm": 20, "plate_step": 25}, {"one_rm": 45, "units": "lb",
                                                     "plate_step": 50}][i % 2]}
    # the gym's own bar and plates: plates that make every weight, plates that cannot, and
    # work sets lighter than the bar
    for i, variation in enumerate(VARIATIONS):
        yield {"variation": variation, "goal": GOALS[i % len(GOALS)],
               "experience": ("novice", "intermediate", "advanced")[i % 3],
               **[{"one_rm": 180, "bar_weight": 15, "plates": [20, 10, 5, 2.5, 1.25]},
                  {"one_rm": 180, "plates": [20, 10]},
                  {"one_rm": 25, "bar_weight": 25},
                  {"one_rm": 405, "units": "lb", "bar_weight": 35, "plates": [45, 25, 10, 5]}
                  ][i % 4]}


GOALS = ANSWERS["goal"]["choices"]


def _gym_weeks():
    """Weeks that type every exercise the catalogue reads only in weeks, by its label (ten a
    day), so each is seen in advice at least once."""
    names = [ex["label"] for ex in EXERCISES.values() if ex.get("week_entry")]
    days = [names[i:i + 10] for i in range(0, len(names), 10)]
    return tuple(dict(zip(WEEKDAYS, days[i:i + 7], strict=False)) for i in range(0, len(days), 7))


GYM_WEEKS = _gym_weeks()
# Awkward weeks as lifters write them: the deadlift listed by the lifter, twice-weekly pulls,
# squats the day before, six training days, exercises the advisor does not know, and every
# variation typed by name.
AWKWARD_WEEKS = (
    {"wed": "deadlift", "mon": "squat"},
    {"tue": "deadlift, rows", "fri": "deadlift, squat"},
    {"mon": "squat, leg press", "tue": "deadlift", "thu": "bench"},
    {"mon": "squat", "tue": "rows", "wed": "squat", "thu": "bench", "fri": "squat", "sat": "rows"},
    {"mon": "zercher squat, jefferson curl", "wed": "squat", "fri": "rows"},
    {"mon": "sumo deadlift, trap bar deadlift", "tue": "rack pulls, block pulls",
     "wed": "deficit deadlift, snatch grip deadlift", "thu": "sldl, single leg rdl",
     "fri": "step rdl, high handle trap bar", "sat": "rdl, conventional deadlift"},
    {"mon": "rows, pull-ups", "wed": "squat, leg press", "fri": "rows"},
    {"sun": "good mornings, squat", "mon": "back extensions", "tue": "squat"},
)
# A week in which the lifter already deadlifts, beside hinges and rows.
OWN_DEADLIFT_WEEK = {"mon": "deadlift, squat", "wed": "bench, rows", "thu": "good mornings, rdl"}


def _check_chunk(profiles):
    from .api import advise
    from .invariants import violations

    problems, fired, classified, exercised = [], set(), set(), set()
    for answers in profiles:
        advice = advise(answers).to_dict()
        found = violations(advice)
        if found:
            problems.append((answers, found))
        fired.update(advice["trace"])
        classified.add(advice["classification"]["variation"])
        exercised.update(f["exercise"] for f in advice["follow_ups"])
        exercised.update(x["exercise"] for x in advice["recovery"]["avoid"])
        if advice["schedule"]:
            exercised.update(e["exercise"] for d in advice["schedule"]["days"].values()
                             for e in d["entries"])
    return len(profiles), problems, fired, classified, exercised


# The space is sent to worker processes as blocks named by these answers (180 blocks of 1,900
# profiles, about a second each), not as the profiles themselves, so there is little to pickle.
# Blocks this size also keep the workers busy until the end.
BLOCK_KEYS = ("variation", "goal", "experience")
SWEEP_TASK = 100


def _tasks(limit=None):
    """The whole check as small tasks, in the space's order; only the first ``limit`` profiles
    when given. A task is (kind, key, count): a block of the space or a slice of the sweep."""
    blocks = list(itertools.product(*(ANSWERS[k]["choices"] for k in BLOCK_KEYS)))
    size = sum(1 for _ in enumerated_space(dict(zip(BLOCK_KEYS, blocks[0], strict=True))))
    left = float("inf") if limit is None else limit
    for block in blocks:
        if left <= 0:
            return
        yield "space", block, min(size, left)
        left -= size
    sweep = sum(1 for _ in optional_sweep())
    for start in range(0, sweep, SWEEP_TASK):
        if left <= 0:
            return
        yield "sweep", start, min(SWEEP_TASK, sweep - start, left)
        left -= SWEEP_TASK


def _profiles(task):
    kind, key, count = task
    if kind == "space":
        profiles = enumerated_space(dict(zip(BLOCK_KEYS, key, strict=True)))
    else:
        profiles = itertools.islice(optional_sweep(), key, None)
    return list(itertools.islice(profiles, count))


def _check_task(task):
    return _check_chunk(_profiles(task))


def run(jobs=None, progress=None, limit=None):
    """Check everything (or the first ``limit`` profiles); returns a report dict. ``partial``:
    the slice left some of the ``whole`` out, so the coverage checks were not made.
    ``progress(n)`` is called with profiles done."""
    from .rules import RULES

    from . import workers

    total, problems, fired, classified, exercised = 0, [], set(), set(), set()
    with workers.results(_check_task, _tasks(limit), jobs or os.cpu_count() or 1) as done:
        for n, p, f, c, e in done:
            total += n
            problems += p
            fired |= f
            classified |= c
            exercised |= e
            if progress:
                progress(n)

    whole = total if limit is None else total_profiles()
    partial = total < whole
    hygiene = [] if partial else _coverage_hygiene(fired, classified, exercised)
    hygiene += _static_hygiene()
    return {"profiles": total, "whole": whole, "partial": partial, "rules": len(RULES),
            "rules_fired": len(fired & set(RULES)), "violations": problems, "hygiene": hygiene}


def _coverage_hygiene(fired, classified, exercised):
    """What only the whole check can show: every rule fires, every variation is classified,
    every exercise appears. A slice (--limit) leaves them out, since there a rule that did not
    fire may simply not have been reached."""
    from .rules import RULES

    return ([f"rule {r} never fires for any profile" for r in RULES if r not in fired]
            + [f"variation {v} is never classified" for v in VARIATIONS if v not in classified]
            + [f"exercise {x} never appears in any advice" for x in EXERCISES
               if x not in exercised and x != "deadlift"])


def _static_hygiene():
    """What holds or not whatever was checked: justifications, sources, split presets."""
    from .explain import justifications
    from .rules import RULES

    hygiene = [f"rule {r} has no justification" for r in RULES if r not in justifications()]
    cited = {("rule " + r.id, s) for r in RULES.values() for s in r.sources}
    cited |= {(f"variation {k}", s) for k, v in VARIATIONS.items() for s in v["sources"]}
    cited |= {(f"goal band {k}", s) for k, v in GOAL_BANDS.items() for s in v["sources"]}
    cited |= {(f"limit {k}", s) for k, v in LIMITS.items() for s in v["sources"]}
    cited |= {(f"injury area {k}", s) for k, v in INJURY_AREAS.items() for s in v["sources"]}
    cited |= {("recovery", s) for group in RECOVERY_SOURCES.values() for s in group}
    cited |= {("RPE chart", s) for s in RTS_SOURCES}
    hygiene += [f"{where} cites unknown source {s!r}" for where, s in sorted(cited)
                if s not in SOURCES]
    hygiene += [f"split {name} names unknown exercise {x!r}" for name, week in SPLITS.items()
                for day in week.values() for x in day if x not in EXERCISES]
    return hygiene


def total_profiles():
    return sum(1 for _ in enumerated_space()) + sum(1 for _ in optional_sweep())
