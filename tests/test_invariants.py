"""Invariants over the WHOLE enumerated input space, and proof that the checker and the engine's
lean matcher can be trusted.

The space (kb.enumerated_space) and kb check's optional sweep are split into kb check's own tasks
(kbcheck._tasks), parametrised so that pytest-xdist spreads them over the workers; every task
reuses its process's engine through ``deadlift_advisor.advise``.
"""

import copy
import itertools
import random

import pytest

import deadlift_advisor
from deadlift_advisor.advice import consult
from deadlift_advisor.engine import LeanEngine, StockEngine
from deadlift_advisor.engine.compat import FactList, KnowledgeEngine, ReteMatcher
from deadlift_advisor.invariants import violations
from deadlift_advisor.kb import enumerated_space
from deadlift_advisor.render import messages
from deadlift_advisor import kbcheck
from deadlift_advisor.kbcheck import optional_sweep
from deadlift_advisor.rules import AdvisorEngine
from deadlift_advisor.rules.advisor import compose
from deadlift_advisor.validation import validate

SHOW = 10  # failing profiles printed per task

# kb check's own tasks: a block of the space per variation x goal x experience (each enumerated
# directly, not filtered out of the whole space), then the optional sweep in slices.
TASKS = list(kbcheck._tasks())


def test_tasks_partition_the_space_and_the_sweep():
    profiles = [p for task in TASKS for p in kbcheck._profiles(task)]
    expected = list(itertools.chain(enumerated_space(), kbcheck.optional_sweep()))
    assert profiles == expected


@pytest.mark.whole_space
@pytest.mark.parametrize("task", TASKS, ids=[f"{k}-{'-'.join(map(str, key)) if k == 'space' else key}"
                                              for k, key, _ in TASKS])
def test_every_profile_satisfies_the_invariants(task, describe):
    profiles = kbcheck._profiles(task)
    assert profiles, f"task {task} is empty"
    key = task[1]
    failures = []
    for answers in profiles:
        try:
            problems = violations(deadlift_advisor.advise(answers))
        except Exception as exc:  # a crash is a violation too: report the answers
            problems = [f"raised {type(exc).__name__}: {exc}"]
        if problems:
            failures.append((answers, problems))
    if failures:
        lines = [f"{len(failures)} of {len(profiles)} profiles in task {key} violate invariants"]
        for answers, problems in failures[:SHOW]:
            lines.append(f"  advise({describe(answers)}):")
            lines += [f"    - {p}" for p in problems]
        if len(failures) > SHOW:
            lines.append(f"  ... and {len(failures) - SHOW} more")
        pytest.fail("\n".join(lines), pytrace=False)


# --- the checker can fail ---------------------------------------------------------------------

BACK_DAY = {"variation": "conventional", "goal": "strength", "experience": "intermediate",
            "placement": "back_day"}
LEG_DAY_CLEARED = {"variation": "conventional", "goal": "strength",
                   "experience": "advanced", "placement": "leg_day",
                   "injury_area": "knee", "injury_stage": "cleared"}
ACUTE = {"variation": "trap_bar", "goal": "power", "experience": "novice",
         "injury_area": "low_back", "injury_stage": "acute"}


def _rpe_above_8_on_back_day(a):
    assert a["placement"]["day"] == "back_day"
    a["prescription"]["rpe"] = [7.0, 9.5]


def _no_disclaimer(a):
    a["disclaimer"] = ""


def _unknown_source(a):
    a["recommendations"][0]["sources"].append("made-up-2099")


def _unknown_rule(a):
    a["placement"]["because"].append("place.no_such_rule")


def _max_effort_with_injury(a):
    assert a["profile"]["injury_area"] != "none"
    a["prescription"]["max_effort"] = True


def _day_not_allowed(a):
    a["placement"]["allowed_days"] = [d for d in a["placement"]["allowed_days"]
                                      if d != a["placement"]["day"]]


def _dedicated_day_for_intermediate(a):
    a["placement"]["day"] = "dedicated_day"
    a["placement"]["allowed_days"].append("dedicated_day")


def _no_professional_warning(a):
    a["warnings"] = [w for w in a["warnings"] if w["id"] != "see_a_professional"]


def _acute_but_heavy(a):
    a["prescription"].update(perform=True, sets=[3, 5], reps=[1, 3], rpe=[8.0, 9.0],
                             percent_1rm=[85.0, 95.5], max_effort=False)
    a["recovery"]["posterior_chain_rest_hours"] = 48


def _numbers_without_deadlift(a):
    assert a["prescription"]["perform"] is False
    a["prescription"]["sets"] = [1, 2]


def _bad_follow_up_intensity(a):
    a["follow_ups"][0]["intensity"] = "maximal"


def _advice_without_reason(a):
    a["recommendations"][0]["because"] = []


def _wrong_category(a):
    a["classification"]["category"] = "back"


def _back_day_note_quotes_another_rpe(a):
    note = next(m for m in a["recommendations"] if m["id"] == "back_day_moderate")
    note["params"]["rpe_hi"] += 1


def _not_json_a_set(a):
    a["prescription"]["limits"] = set(a["prescription"]["limits"])


def _not_json_a_cycle(a):
    a["placement"]["self"] = a["placement"]


# --- the safety-and-loads invariants can fail too ----------------------------------------------

RECOVERING_LOW_BACK = {"variation": "conventional", "goal": "strength",
                       "experience": "intermediate", "injury_area": "low_back",
                       "injury_stage": "recovering", "one_rm": 200,
                       "week": {"mon": "squat, good mornings", "wed": "rows, back extension",
                                "fri": "kb swings, bench"}}
ACUTE_WITH_WEEK = {**ACUTE, "week": "upper_lower"}
ACCESSORY = {"variation": "romanian", "goal": "strength", "experience": "advanced",
             "one_rm": 200}
SINGLE_LEG = {"variation": "single_leg_romanian", "goal": "strength",
              "experience": "intermediate", "one_rm": 200}
ROUGH = {"variation": "conventional", "goal": "strength", "experience": "intermediate",
         "recent_set": "100x12@6"}
RULED_OUT = {"variation": "romanian", "goal": "strength", "experience": "intermediate",
             "injury_area": "hamstring", "injury_stage": "recovering", "one_rm": 200}
POWER = {"variation": "conventional", "goal": "power", "experience": "advanced",
         "placement": "leg_day"}
MEET = {"variation": "conventional", "goal": "powerlifting", "experience": "advanced",
        "season_phase": "in_season"}


def _above_the_injury_ceiling(a):
    r = a["prescription"]
    r["percent_1rm"] = [r["percent_1rm"][0], 72.0]
    r["pct_cap"] = 75.0


def _ceiling_not_flagged(a):
    assert a["prescription"]["load_capped"]
    a["prescription"]["load_capped"] = False


def _weight_above_the_ceiling(a):
    a["prescription"]["loads"][0]["weight"] += 10


def _accessory_max_test(a):
    a["prescription"]["max_effort"] = True


def _accessory_own_day(a):
    a["placement"]["day"] = "dedicated_day"
    a["placement"]["allowed_days"].append("dedicated_day")


def _relation_ignored(a):
    est = a["prescription"]["estimated_1rm"]
    est["ratio"], est["value"] = 1.0, est["measured"]


def _rough_at_face_value(a):
    est = a["prescription"]["estimated_1rm"]
    est["measured"] = est["value"] = est["raw"]


def _rough_not_said(a):
    a["warnings"] = [w for w in a["warnings"] if w["id"] != "rough_estimate"]


def _no_alternative(a):
    a["alternative"] = None


def _ruled_out_alternative(a):
    a["alternative"]["variation"] = "stiff_leg"


def _injury_unmarked_on_another_day(a):
    entry = next(e for e in a["schedule"]["days"]["mon"]["entries"]
                 if e["exercise"] == "good_morning")
    entry["intensity"] = "full"


def _injury_not_listed(a):
    a["schedule"]["injury"] = [c for c in a["schedule"]["injury"] if c["day"] != "fri"]


def _week_dropped(a):
    a["schedule"] = None


def _long_window_for_a_power_session(a):
    a["recovery"]["posterior_chain_rest_hours"] = 72


def _meet_season_as_team_season(a):
    a["prescription"]["limits"] = [k if k != "meet_season" else "in_season"
                                   for k in a["prescription"]["limits"]]


def _max_effort_at_low_rpe(a):
    a["prescription"]["max_effort"] = True


# --- the week invariants can fail too ------------------------------------------------------------

WEEK_BASE = {"variation": "conventional", "goal": "strength", "experience": "intermediate"}
BEFORE = {**WEEK_BASE, "week": {"mon": "back extensions, rows", "tue": "squat"}}
UNKNOWN_DAY = {**WEEK_BASE, "week": {"mon": "zercher squat", "wed": "squat"}}
BACK_DAY_PULL = {"variation": "rack_pull", "goal": "strength", "experience": "intermediate",
                 "week": {"mon": "rows, pull-ups", "wed": "squat, leg press"}}


def _pre_fatigue_unreported(a):
    a["schedule"]["conflicts"] = [c for c in a["schedule"]["conflicts"]
                                  if c["reason"] != "before_deadlift"]


def _deadlift_on_an_unknown_day(a):
    s = a["schedule"]
    main = next(e for e in s["days"][s["deadlift_day"]]["entries"] if e["intensity"] == "main")
    s["days"][s["deadlift_day"]]["entries"].remove(main)
    s["days"]["mon"]["entries"].insert(0, main)
    s["deadlift_day"], s["protected_days"] = "mon", ["tue", "wed"]


def _leg_day_two_days_later_unreported(a):
    a["schedule"]["conflicts"] = [c for c in a["schedule"]["conflicts"]
                                  if c["reason"] != "leg_day_after_back_day"]


# --- the premises of every line can fail too -------------------------------------------------------

LEG_DAY = {"variation": "conventional", "goal": "hypertrophy", "experience": "intermediate",
           "placement": "leg_day"}
DRASTIC_HYBRID = {"variation": "snatch_grip", "goal": "strength", "experience": "intermediate"}


def _squat_left_out_but_second_lift_said(a):
    assert "second_lift_gets_less" in [m["id"] for m in a["recommendations"]]
    for f in a["follow_ups"]:
        if f["exercise"] == "back_squat":
            f["intensity"] = "avoid"


def _rows_left_out_but_named(a):
    note = next(m for m in a["recommendations"] if m["id"] == "back_day_moderate")
    assert "barbell_row" in note["params"]["named"]
    for f in a["follow_ups"]:
        if f["exercise"] == "barbell_row":
            f["intensity"] = "avoid"


def _example_the_plan_leaves_out(a):
    note = next(m for m in a["recommendations"] if m["id"] == "hypertrophy_volume_elsewhere")
    a["follow_ups"].append({**a["follow_ups"][0], "exercise": note["params"]["named"][0],
                            "intensity": "avoid"})


def _a_line_without_premises(a):
    a["recommendations"].append({**a["recommendations"][0], "id": "made_up_message"})


def _text_category_differs(a):
    m = next(m for m in a["recommendations"] if m["id"] == "structure_changes")
    m["params"]["category"] = "leg"


ROW_DAY_PULL = {**WEEK_BASE, "week": {"tue": "deadlift, rows, pull-ups", "fri": "squat"}}


def _leg_day_rules_on_a_row_day(a):
    assert a["schedule"]["session"] == "back_day"
    a["placement"]["day"] = "leg_day"


ADVANCED_RDL_OWN_DAY = {"variation": "romanian", "goal": "strength", "experience": "advanced",
                        "placement": "dedicated_day"}


def _refused_for_a_reason_that_is_not_theirs(a):
    # the old wording: an advanced lifter told a day of its own "suits advanced programmes"
    m = next(m for m in a["warnings"] if m["id"] == "placement_refused")
    assert m["params"]["reason"] == "accessory_hinge"
    m["params"]["reason"] = "not_advanced"


MUTATIONS = [
    (ADVANCED_RDL_OWN_DAY, _refused_for_a_reason_that_is_not_theirs),
    (ROW_DAY_PULL, _leg_day_rules_on_a_row_day),
    (LEG_DAY, _squat_left_out_but_second_lift_said),
    ({**BACK_DAY, "goal": "hypertrophy"}, _rows_left_out_but_named),
    (LEG_DAY, _example_the_plan_leaves_out),
    (BACK_DAY, _a_line_without_premises),
    (DRASTIC_HYBRID, _text_category_differs),
    (BEFORE, _pre_fatigue_unreported),
    (UNKNOWN_DAY, _deadlift_on_an_unknown_day),
    (BACK_DAY_PULL, _leg_day_two_days_later_unreported),
    (RECOVERING_LOW_BACK, _above_the_injury_ceiling),
    (RECOVERING_LOW_BACK, _ceiling_not_flagged),
    (RECOVERING_LOW_BACK, _weight_above_the_ceiling),
    (RECOVERING_LOW_BACK, _injury_unmarked_on_another_day),
    (RECOVERING_LOW_BACK, _injury_not_listed),
    (ACUTE_WITH_WEEK, _week_dropped),
    (ACCESSORY, _accessory_max_test),
    (ACCESSORY, _accessory_own_day),
    (SINGLE_LEG, _relation_ignored),
    (ROUGH, _rough_at_face_value),
    (ROUGH, _rough_not_said),
    (RULED_OUT, _no_alternative),
    (RULED_OUT, _ruled_out_alternative),
    (POWER, _long_window_for_a_power_session),
    (POWER, _max_effort_at_low_rpe),
    (MEET, _meet_season_as_team_season),
    (BACK_DAY, _not_json_a_set),
    (BACK_DAY, _not_json_a_cycle),
    (BACK_DAY, _rpe_above_8_on_back_day),
    (BACK_DAY, _back_day_note_quotes_another_rpe),
    (BACK_DAY, _no_disclaimer),
    (BACK_DAY, _unknown_source),
    (BACK_DAY, _unknown_rule),
    (LEG_DAY_CLEARED, _max_effort_with_injury),
    (BACK_DAY, _day_not_allowed),
    (BACK_DAY, _dedicated_day_for_intermediate),
    (LEG_DAY_CLEARED, _no_professional_warning),
    (ACUTE, _acute_but_heavy),
    (ACUTE, _numbers_without_deadlift),
    (BACK_DAY, _bad_follow_up_intensity),
    (BACK_DAY, _advice_without_reason),
    (BACK_DAY, _wrong_category),
]


@pytest.mark.parametrize("answers,mutate", MUTATIONS,
                         ids=[m.__name__.strip("_") for _, m in MUTATIONS])
def test_violations_detects_broken_advice(answers, mutate):
    good = deadlift_advisor.advise(answers).to_dict()
    assert violations(good) == [], "the unmutated advice must be sound"
    broken = copy.deepcopy(good)
    mutate(broken)
    assert broken != good
    assert violations(broken), f"{mutate.__name__} went unnoticed"


def test_violations_accepts_advice_objects_and_dicts():
    advice = deadlift_advisor.advise(BACK_DAY)
    assert violations(advice) == violations(advice.to_dict()) == []


# --- the lean matcher and engine reuse change nothing ------------------------------------------

# The same rules on experta's own code end to end: its reset, declare, run loop, working memory
# and matcher (engine.StockEngine). Only the agenda's tie-break is added: experta's own leaves
# rules of equal salience on the same facts in hash order, which varies between processes (the
# tie-break is tested in test_batch). experta's own Fact class is compared in a subprocess below.
StockAdvisor = compose(StockEngine)


def _consult(engine, answers):
    return consult(engine, validate(answers), messages()).to_dict()


@pytest.fixture(scope="module")
def comparison_sample(stratified_sample):
    """A few hundred profiles: every variation x goal, with and without injury, in a shuffled
    order so that very different consultations follow each other on the same engine."""
    sample = stratified_sample(
        lambda p: (p["variation"], p["goal"], p["injury_area"] == "none"), 3, seed=7)
    # and the loads and week rules, which only the optional answers reach: every 12th profile of
    # kb check's sweep (1RMs, recent sets, every split preset, awkward weeks, injuries by stage)
    sample += list(itertools.islice(optional_sweep(), 0, None, 12))
    random.Random(11).shuffle(sample)
    return sample


def test_engines_really_differ():
    # Otherwise the comparison below would compare the lean engine with itself.
    stock, lean = StockAdvisor(), AdvisorEngine()
    stock.reset()
    lean.reset()
    assert type(stock.matcher) is ReteMatcher and type(lean.matcher) is not ReteMatcher
    assert type(stock.facts) is FactList and type(lean.facts) is not FactList
    for method in ("reset", "declare", "run"):
        assert getattr(StockAdvisor, method) is getattr(KnowledgeEngine, method), method
        assert getattr(AdvisorEngine, method) is getattr(LeanEngine, method), method
        assert getattr(LeanEngine, method) is not getattr(KnowledgeEngine, method), method


def test_lean_engine_derives_the_same_advice_as_stock_experta(comparison_sample, describe):
    assert len(comparison_sample) >= 600
    assert sum("week" in a or "one_rm" in a or "recent_set" in a for a in comparison_sample) > 300
    stock = StockAdvisor()
    for answers in comparison_sample:
        expected = _consult(stock, answers)
        got = deadlift_advisor.advise(answers).to_dict()
        assert got == expected, f"lean and stock engines differ for advise({describe(answers)})"


STOCK_RUN = """
import json, sys
from deadlift_advisor import advise, engine
from deadlift_advisor.engine.compat import ExpertaFact
from deadlift_advisor.kb.facts import Answers
assert engine.STOCK and Answers.__mro__[1] is ExpertaFact, "not stock experta"
for line in sys.stdin:
    print(json.dumps(advise(json.loads(line)).to_dict(), sort_keys=True))
"""


def test_the_stock_experta_switch_runs_experta_end_to_end_with_the_same_advice(comparison_sample):
    import json
    import os
    import subprocess
    import sys

    sample = comparison_sample[::3]
    run = subprocess.run([sys.executable, "-c", STOCK_RUN], capture_output=True, text=True,
                         input="".join(json.dumps(a) + "\n" for a in sample), timeout=300,
                         env={**os.environ, "DEADLIFT_ADVISOR_STOCK_EXPERTA": "1"})
    assert run.returncode == 0, run.stderr
    stock = run.stdout.splitlines()
    assert len(stock) == len(sample)
    for answers, line in zip(sample, stock, strict=True):
        assert json.loads(line) == deadlift_advisor.advise(answers).to_dict(), answers


def test_without_routing_the_lean_nodes_still_derive_the_same_advice(comparison_sample, describe):
    # A network of an unexpected shape is not routed by type: experta's own changes() then feeds
    # the lean nodes, and the advice must not change.
    engine = AdvisorEngine()
    engine.matcher._routes = None
    for answers in comparison_sample[:60]:
        got = _consult(engine, answers)
        assert got == deadlift_advisor.advise(answers).to_dict(), (
            f"unrouted matcher differs for advise({describe(answers)})")
    assert engine.matcher._dirty == []


def test_reused_engine_matches_a_fresh_engine(comparison_sample, describe):
    reused = AdvisorEngine()
    for answers in comparison_sample[:150]:
        got = _consult(reused, answers)
        fresh = _consult(AdvisorEngine(), answers)
        assert got == fresh, f"state leaked between consultations: advise({describe(answers)})"


def test_repeating_a_consultation_after_others_gives_the_same_advice():
    engine = AdvisorEngine()
    first = _consult(engine, BACK_DAY)
    for answers in (ACUTE, LEG_DAY_CLEARED,
                    {"variation": "romanian", "goal": "hypertrophy", "experience": "advanced",
                     "injury_area": "hamstring", "injury_stage": "recovering"}):
        _consult(engine, answers)
    assert _consult(engine, BACK_DAY) == first
