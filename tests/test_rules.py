"""Behaviour of the rule groups (K1-K16 in DESIGN.md), asserted as a lifter would notice it.

Expected values come from the knowledge (DESIGN.md, KNOWLEDGE.md, the kb catalogue), never from
a copy of the engine's output.
"""

import itertools

import pytest

from deadlift_advisor.kb import EXERCISES, INJURY_AREAS, VARIATIONS
from deadlift_advisor.rules import RULES, AdvisorEngine
from deadlift_advisor.kb.rts import percent_1rm
from knowledge_tables import RTS_CHART

GOALS = ("strength", "hypertrophy", "power", "powerlifting", "general_fitness")
EXPERIENCES = ("novice", "intermediate", "advanced")
AREAS = tuple(a for a in INJURY_AREAS if a != "none")
STAGES = ("acute", "recovering", "cleared")
LENGTHENED_HAMSTRING_HINGES = ("romanian", "stiff_leg", "single_leg_romanian", "step_romanian")
DRASTIC = {"trap_bar": "leg", "rack_pull": "back", "block_pull": "hybrid", "deficit": "hybrid",
           "snatch_grip": "hybrid", "high_handle_trap_bar": "hybrid"}


def _knowledge_of(advice_section):
    """The K-rules behind a section of advice, via the registered rule ids it cites."""
    return {k for rule_id in advice_section["because"] for k in RULES[rule_id].knowledge}


def _meets(exercise, area):
    """Whether an accessory exercise meets an injured area (catalogue data: it loads the area or
    trains one of its muscles)."""
    ex = EXERCISES[exercise]
    return area in ex["loads"] or bool(set(INJURY_AREAS[area]["muscles"]) & set(ex["trains"]))


# --- K1 classification of the conventional deadlift --------------------------------------------

def test_k1_conventional_is_a_leg_lift_driven_by_hips_and_knees(advise_dict, read):
    a = advise_dict(variation="conventional")
    c = a["classification"]
    assert c["category"] == "leg"
    assert set(c["primary_movers"]) == {"glutes", "hamstrings", "quadriceps"}
    # "also trains the back": erector spinae, lats work as secondary movers; forearms grip.
    assert {"erector_spinae", "latissimus_dorsi"} <= set(c["secondary_movers"])
    assert "forearms" in c["stabilizers"]
    assert not set(c["primary_movers"]) & (set(c["secondary_movers"]) | set(c["stabilizers"]))
    assert "K1" in _knowledge_of(c)


def test_k1_conventional_says_the_erectors_work_hard_and_cites_the_review(advise_dict, read):
    a = advise_dict(variation="conventional")
    rec = read.recommendation(a, "erectors_work_hard_too")
    assert "martin-fuentes-2020" in rec["sources"]
    assert "erector spinae" in rec["text"].lower()
    assert "martin-fuentes-2020" in {r["key"] for r in a["references"]}


# --- K2 minor variations keep glutes and hamstrings as prime movers ---------------------------

@pytest.mark.parametrize("variation", ["sumo", "romanian"])
def test_k2_sumo_and_romanian_keep_glutes_and_hamstrings_primary(advise_dict, read, variation):
    a = advise_dict(variation=variation)
    c = a["classification"]
    assert c["category"] == "leg"
    assert {"glutes", "hamstrings"} <= set(c["primary_movers"])
    assert "same_programming_as_conventional" in read.recommendations(a)
    assert "K2" in _knowledge_of(c)


@pytest.mark.parametrize("variation", ["sumo", "romanian"])
@pytest.mark.parametrize("goal,experience,placement,season,back_days", [
    ("strength", "intermediate", "auto", "none", 1),
    ("powerlifting", "advanced", "auto", "off_season", 2),
    ("hypertrophy", "novice", "back_day", "none", 1),
    ("power", "intermediate", "full_body", "in_season", 3),
    ("general_fitness", "advanced", "leg_day", "pre_season", 0),
])
def test_k2_same_programming_means_same_day_and_numbers_as_conventional(
        advise_dict, variation, goal, experience, placement, season, back_days):
    answers = dict(goal=goal, experience=experience, placement=placement,
                   season_phase=season, back_days_per_week=back_days)
    minor = advise_dict(variation=variation, **answers)
    conventional = advise_dict(variation="conventional", **answers)
    if VARIATIONS[variation]["role"] == "accessory":
        # Same movers, so the same kind of day where the lift has one; but an accessory hinge is
        # never a day's main lift, and it gets accessory reps with no max test.
        if conventional["placement"]["day"] != "dedicated_day":
            assert minor["placement"]["day"] == conventional["placement"]["day"]
        assert minor["placement"]["day"] != "dedicated_day"
        assert minor["prescription"]["reps"][0] >= 6
        assert minor["prescription"]["max_effort"] is False
        return
    assert minor["placement"]["day"] == conventional["placement"]["day"]
    for key in ("perform", "sets", "reps", "rpe", "percent_1rm", "max_effort"):
        assert minor["prescription"][key] == conventional["prescription"][key], key


def test_k2_conventional_does_not_get_the_minor_variation_advice(advise_dict, read):
    assert "same_programming_as_conventional" not in read.recommendations(advise_dict())


# --- K3 drastic variations change the session -------------------------------------------------

@pytest.mark.parametrize("variation,category", sorted(DRASTIC.items()))
def test_k3_drastic_variations_get_the_structure_recommendation(
        advise_dict, read, variation, category):
    a = advise_dict(variation=variation)
    assert a["classification"]["category"] == category
    rec = read.recommendation(a, "structure_changes")
    assert rec["params"]["variation"] == variation
    assert "K3" in _knowledge_of(a["classification"])


def test_k3_each_drastic_variation_gets_its_own_direction(advise_dict, read):
    texts = {v: read.recommendation(advise_dict(variation=v), "structure_changes")["text"]
             for v in DRASTIC}
    assert len(set(texts.values())) == len(texts), texts


@pytest.mark.parametrize("variation", ["conventional", "sumo", "romanian"])
def test_k3_non_drastic_variations_do_not_get_the_structure_recommendation(
        advise_dict, read, variation):
    assert "structure_changes" not in read.recommendations(advise_dict(variation=variation))


# --- K15 variations without direct evidence ---------------------------------------------------

@pytest.mark.parametrize("variation", sorted(VARIATIONS))
def test_k15_provisional_variations_say_so_and_advise_a_coach(advise_dict, read, variation):
    a = advise_dict(variation=variation)
    provisional = VARIATIONS[variation]["provisional"]
    assert a["classification"]["provisional"] is provisional
    if provisional:
        rec = read.recommendation(a, "provisional_ask_a_coach")
        assert "coach" in rec["text"].lower()
    else:
        assert "provisional_ask_a_coach" not in read.recommendations(a)


def test_k15_catalogue_has_both_kinds():
    # Guards the parametrised test above against becoming one-sided.
    assert VARIATIONS["rack_pull"]["provisional"] and not VARIATIONS["conventional"]["provisional"]


# --- K4 novices: either day, low intensity ----------------------------------------------------

@pytest.mark.parametrize("variation", sorted(VARIATIONS))
@pytest.mark.parametrize("goal", GOALS)
def test_k4_novice_may_train_it_on_leg_or_back_day_at_low_intensity(
        advise_dict, read, variation, goal):
    a = advise_dict(variation=variation, goal=goal, experience="novice")
    assert {"leg_day", "back_day"} <= set(a["placement"]["allowed_days"])
    assert "dedicated_day" not in a["placement"]["allowed_days"]
    rx = a["prescription"]
    assert rx["perform"]
    assert rx["rpe"][1] <= 7.5
    assert rx["max_effort"] is False
    assert "novice_either_day" in read.recommendations(a)


@pytest.mark.parametrize("variation", ["conventional", "rack_pull", "snatch_grip"])
@pytest.mark.parametrize("day", ["leg_day", "back_day"])
def test_k4_novice_gets_the_day_they_ask_for(advise_dict, read, variation, day):
    a = advise_dict(variation=variation, experience="novice", placement=day)
    assert a["placement"]["day"] == day
    assert "placement_refused" not in read.warnings(a)


# --- K5 advanced: a day of its own ------------------------------------------------------------

@pytest.mark.parametrize("variation", sorted(VARIATIONS))
@pytest.mark.parametrize("goal", ["strength", "powerlifting"])
def test_k5_advanced_strength_gets_a_dedicated_day_with_reduced_isolation(
        advise_dict, read, variation, goal):
    a = advise_dict(variation=variation, goal=goal, experience="advanced")
    if VARIATIONS[variation]["role"] == "accessory":
        # Class 3 of the safety issue: an accessory hinge never becomes a day's max-effort lift.
        assert a["placement"]["day"] != "dedicated_day"
        assert "dedicated_day" not in a["placement"]["allowed_days"]
        assert a["prescription"]["max_effort"] is False
        return
    assert a["placement"]["day"] == "dedicated_day"
    fu = read.follow_ups(a)
    assert fu.get("good_morning") == "reduced"
    assert fu.get("hamstring_curl") == "reduced"
    assert "dedicated_day_isolation_after" in read.recommendations(a)


@pytest.mark.parametrize("experience", ["novice", "intermediate"])
@pytest.mark.parametrize("variation", ["conventional", "rack_pull", "deficit"])
def test_k5_dedicated_day_request_refused_below_advanced(
        advise_dict, read, experience, variation):
    a = advise_dict(variation=variation, experience=experience, placement="dedicated_day")
    p = a["placement"]
    assert "dedicated_day" not in p["allowed_days"]
    assert p["day"] != "dedicated_day"
    assert p["day"] in p["allowed_days"]
    warning = read.warning(a, "placement_refused")
    assert warning["params"]["day"] == "dedicated_day"


# --- K6 / K10 leg day --------------------------------------------------------------------------

def test_k6_k10_conventional_intermediate_strength_goes_first_on_leg_day(advise_dict, read):
    a = advise_dict(variation="conventional", goal="strength", experience="intermediate")
    p, rx = a["placement"], a["prescription"]
    assert p["day"] == "leg_day"
    assert p["order"] == 1
    assert rx["max_effort"] is True
    fu = read.follow_ups(a)
    assert fu["back_squat"] == "reduced"
    assert fu["leg_press"] == "reduced"
    recs = read.recommendations(a)
    assert "leg_day_deadlift_first" in recs
    assert "second_lift_gets_less" in recs
    # Maximal effort comes with "RPE 10 only as a planned test" and work sets stay <= 9.
    assert "max_effort_is_a_planned_test" in recs
    assert rx["rpe"][1] <= 9


def test_k6_k10_every_leg_day_opens_with_the_deadlift(uninjured_advices, read):
    checked = 0
    for answers, a in uninjured_advices:
        if a["placement"]["day"] != "leg_day" or not a["prescription"]["perform"] or (
                a["placement"]["role"] != "main"):
            continue
        checked += 1
        assert a["placement"]["order"] == 1, answers
        assert "leg_day_deadlift_first" in read.recommendations(a), answers
        fu = read.follow_ups(a)
        # The second compound is pre-fatigued (K6): never full after a deadlift.
        assert fu["back_squat"] == "reduced" and fu["leg_press"] == "reduced", answers
    assert checked >= 200


# --- K7 / K8 back day --------------------------------------------------------------------------

def test_k7_k8_conventional_on_back_day(advise_dict, read):
    a = advise_dict(variation="conventional", placement="back_day")
    assert a["placement"]["day"] == "back_day"
    rx = a["prescription"]
    assert rx["rpe"][1] <= 8 and rx["rpe"][0] <= 7
    assert rx["sets"][1] <= 3
    assert rx["max_effort"] is False
    fu = read.follow_ups(a)
    # Muscles the deadlift only stabilised: isolation keeps full intensity (K7).
    for ex in ("shrug", "face_pull", "wrist_curl"):
        assert fu[ex] == "full", ex
    # Erectors and lats were fatigued: their isolation work goes lighter (K7).
    for ex in ("back_extension", "straight_arm_pulldown"):
        assert fu[ex] == "reduced", ex
    # A capped deadlift leaves rows and pull-ups unaffected (K8).
    for ex in ("barbell_row", "pull_up"):
        assert fu[ex] == "full", ex
    note = read.recommendation(a, "back_day_moderate")
    assert [note["params"]["rpe_lo"], note["params"]["rpe_hi"]] == rx["rpe"]


@pytest.mark.parametrize("stage,says", [("recovering", "RPE 5 to 6 here"), ("acute", None)])
def test_k8_back_day_note_never_asks_for_more_than_the_injury_allows(advise_dict, read, stage,
                                                                     says):
    a = advise_dict(variation="conventional", goal="strength", experience="advanced",
                    placement="back_day", injury_area="low_back", injury_stage=stage)
    assert a["placement"]["day"] == "back_day"
    if says is None:  # no deadlift for now: nothing to keep short
        assert "back_day_moderate" not in read.recommendations(a)
    else:
        assert a["prescription"]["rpe"] == [5, 6]
        assert says in read.recommendation(a, "back_day_moderate")["text"]


def test_k7_k8_every_uninjured_back_day(uninjured_advices, read):
    checked = 0
    for answers, a in uninjured_advices:
        if a["placement"]["day"] != "back_day":
            continue
        checked += 1
        rx = a["prescription"]
        assert rx["rpe"][1] <= 8 and rx["rpe"][0] <= 7 and rx["sets"][1] <= 3, answers
        assert rx["max_effort"] is False, answers
        movers = read.movers(a)
        for f in a["follow_ups"]:
            ex = EXERCISES[f["exercise"]]
            if ex["kind"] == "compound":
                expected = "full"
            else:
                expected = "reduced" if movers & set(ex["trains"]) else "full"
            assert f["intensity"] == expected, (answers, f)
    assert checked >= 150


# --- K9 several back days ----------------------------------------------------------------------

@pytest.mark.parametrize("back_days,alternate", [(1, False), (2, True), (3, True)])
def test_k9_back_day_alternation_advice_depends_on_back_days(
        advise_dict, read, back_days, alternate):
    a = advise_dict(placement="back_day", back_days_per_week=back_days)
    assert a["placement"]["day"] == "back_day"
    assert ("alternate_back_days" in read.recommendations(a)) is alternate
    if alternate:
        assert read.recommendation(a, "alternate_back_days")["params"]["back_days"] == back_days


def test_k9_no_alternation_advice_when_not_on_back_day(advise_dict, read):
    a = advise_dict(placement="leg_day", back_days_per_week=3)
    assert "alternate_back_days" not in read.recommendations(a)


@pytest.mark.parametrize("variation", sorted(v for v, d in VARIATIONS.items()
                                             if d["category"] == "hybrid"))
@pytest.mark.parametrize("back_days", [2, 3])
def test_k9_hybrid_with_several_back_days_goes_to_back_day(advise_dict, variation, back_days):
    a = advise_dict(variation=variation, back_days_per_week=back_days)
    assert a["placement"]["day"] == "back_day"


def test_k9_hybrid_catalogue_is_not_empty():
    assert any(d["category"] == "hybrid" for d in VARIATIONS.values())


@pytest.mark.parametrize("variation", ["conventional", "rack_pull", "block_pull"])
@pytest.mark.parametrize("experience", EXPERIENCES)
def test_no_back_days_means_no_back_day(advise_dict, read, variation, experience):
    auto = advise_dict(variation=variation, experience=experience, back_days_per_week=0)
    assert "back_day" not in auto["placement"]["allowed_days"]
    assert auto["placement"]["day"] != "back_day"
    asked = advise_dict(variation=variation, experience=experience, back_days_per_week=0,
                        placement="back_day")
    assert asked["placement"]["day"] != "back_day"
    assert asked["placement"]["day"] in asked["placement"]["allowed_days"]
    assert read.warning(asked, "placement_refused")["params"]["day"] == "back_day"


# --- K11 recovery -----------------------------------------------------------------------------

def test_k11_standard_window_is_48_hours(advise_dict, read):
    a = advise_dict(goal="general_fitness", experience="novice")
    assert a["prescription"]["perform"] and not a["prescription"]["max_effort"]
    assert a["recovery"]["posterior_chain_rest_hours"] == 48
    rec = read.recommendation(a, "keep_posterior_chain_out")
    assert "48" in rec["text"]


def test_k11_max_effort_extends_the_window_to_72_hours(advise_dict, read):
    a = advise_dict(goal="strength", experience="intermediate", placement="leg_day")
    assert a["prescription"]["max_effort"]
    assert a["recovery"]["posterior_chain_rest_hours"] == 72
    assert "72" in read.recommendation(a, "keep_posterior_chain_out")["text"]


def test_k11_max_effort_always_means_72_hours(uninjured_advices):
    seen = 0
    for answers, a in uninjured_advices:
        if a["prescription"]["max_effort"]:
            seen += 1
            assert a["recovery"]["posterior_chain_rest_hours"] == 72, answers
    assert seen >= 50


@pytest.mark.parametrize("goal", GOALS)
@pytest.mark.parametrize("experience", EXPERIENCES)
def test_k11_back_day_needs_a_clear_window_before_leg_day(advise_dict, read, goal, experience):
    a = advise_dict(goal=goal, experience=experience, placement="back_day")
    hours = a["recovery"]["posterior_chain_rest_hours"]
    assert hours in (48, 72)
    rec = read.recommendation(a, "back_day_no_leg_day_after")
    assert rec["params"]["hours"] == hours
    assert str(hours) in rec["text"]


def test_k11_leg_day_does_not_get_the_back_day_window_advice(advise_dict, read):
    assert "back_day_no_leg_day_after" not in read.recommendations(
        advise_dict(placement="leg_day"))


@pytest.mark.parametrize("placement", ["leg_day", "back_day", "full_body"])
def test_k11_posterior_chain_work_is_kept_out_of_the_window(advise_dict, placement):
    avoid = {x["exercise"] for x in advise_dict(placement=placement)["recovery"]["avoid"]}
    assert {"good_morning", "hamstring_curl"} <= avoid


# --- K13 season phase -------------------------------------------------------------------------

@pytest.mark.parametrize("variation", ["conventional", "sumo", "trap_bar", "deficit"])
@pytest.mark.parametrize("goal", ["strength", "hypertrophy"])
@pytest.mark.parametrize("experience", ["intermediate", "advanced"])
@pytest.mark.parametrize("placement", ["leg_day", "auto"])
def test_k13_pre_season_is_lighter_than_off_season(
        advise_dict, read, variation, goal, experience, placement):
    answers = dict(variation=variation, goal=goal, experience=experience, placement=placement)
    off = advise_dict(season_phase="off_season", **answers)["prescription"]
    pre_advice = advise_dict(season_phase="pre_season", **answers)
    pre = pre_advice["prescription"]
    assert pre["rpe"][1] < off["rpe"][1]
    assert pre["sets"][1] < off["sets"][1]
    assert "pre_season_less_posterior_chain" in read.recommendations(pre_advice)


def test_k13_pre_season_is_never_heavier_than_off_season(stratified_sample):
    import deadlift_advisor
    compared = 0
    for answers in stratified_sample(
            lambda p: (p["variation"], p["goal"], p["injury_area"]), 1):
        if answers["goal"] == "powerlifting":  # a powerlifter's pre-season is meet preparation
            continue
        off = deadlift_advisor.advise({**answers, "season_phase": "off_season"}).prescription
        pre = deadlift_advisor.advise({**answers, "season_phase": "pre_season"}).prescription
        if not pre["perform"]:
            continue
        compared += 1
        assert off["perform"], answers
        for key in ("sets", "reps", "rpe"):
            assert pre[key][1] <= off[key][1], (answers, key)
        assert not pre["max_effort"], answers
    assert compared >= 100


@pytest.mark.parametrize("goal", [g for g in GOALS if g != "powerlifting"])
@pytest.mark.parametrize("experience", EXPERIENCES)
def test_k13_in_season_is_maintenance(advise_dict, read, goal, experience):
    a = advise_dict(goal=goal, experience=experience, season_phase="in_season")
    assert a["prescription"]["rpe"][1] <= 8
    assert a["prescription"]["max_effort"] is False
    assert "in_season_once_a_week" in read.recommendations(a)


@pytest.mark.parametrize("goal", GOALS)
@pytest.mark.parametrize("experience", EXPERIENCES)
def test_k13_post_season_is_active_rest(advise_dict, read, goal, experience):
    a = advise_dict(goal=goal, experience=experience, season_phase="post_season")
    assert a["prescription"]["rpe"][1] <= 6
    assert a["prescription"]["max_effort"] is False
    assert "post_season_active_rest" in read.recommendations(a)


# --- K12 / K16 injuries -------------------------------------------------------------------------

@pytest.mark.parametrize("area,stage", list(itertools.product(AREAS, STAGES)))
def test_k12_k16_any_injury_sends_to_a_professional_and_forbids_max_effort(
        advise_dict, read, area, stage):
    # Leg day, advanced strength: a profile that would otherwise go to maximal effort.
    a = advise_dict(experience="advanced", placement="leg_day",
                    injury_area=area, injury_stage=stage)
    warning = read.warning(a, "see_a_professional")
    assert "professional" in warning["text"]
    assert a["prescription"]["max_effort"] is False


def test_k12_the_uninjured_twin_does_go_to_max_effort(advise_dict, read):
    # Makes the test above meaningful: the same profile without injury is a max-effort one.
    a = advise_dict(experience="advanced", placement="leg_day")
    assert a["prescription"]["max_effort"] is True
    assert "see_a_professional" not in read.warnings(a)


@pytest.mark.parametrize("area", AREAS)
@pytest.mark.parametrize("variation", ["conventional", "trap_bar", "rack_pull"])
def test_k12_acute_injury_means_no_deadlift(advise_dict, read, area, variation):
    a = advise_dict(variation=variation, injury_area=area, injury_stage="acute")
    rx = a["prescription"]
    assert rx["perform"] is False
    assert rx["max_effort"] is False
    for key in ("sets", "reps", "rpe", "percent_1rm"):
        assert rx[key] is None, key
    assert a["follow_ups"] == []
    assert a["recovery"]["posterior_chain_rest_hours"] is None
    assert "acute_no_deadlift" in read.warnings(a)
    assert "no_deadlift_for_now" in read.recommendations(a)


@pytest.mark.parametrize("area", AREAS)
@pytest.mark.parametrize("goal", GOALS)
def test_k12_recovering_caps_rpe_at_6(advise_dict, read, area, goal):
    a = advise_dict(variation="trap_bar", goal=goal, injury_area=area,
                    injury_stage="recovering")
    assert a["prescription"]["perform"]
    assert a["prescription"]["rpe"][1] <= 6
    assert "recovering_needs_clearance" in read.warnings(a)


@pytest.mark.parametrize("area", AREAS)
@pytest.mark.parametrize("goal", GOALS)
def test_k12_cleared_caps_rpe_at_7(advise_dict, read, area, goal):
    a = advise_dict(goal=goal, injury_area=area, injury_stage="cleared")
    assert a["prescription"]["perform"]
    assert a["prescription"]["rpe"][1] <= 7
    assert "cleared_build_back_gradually" in read.recommendations(a)


@pytest.mark.parametrize("variation", LENGTHENED_HAMSTRING_HINGES)
@pytest.mark.parametrize("stage", ["acute", "recovering"])
def test_k12_hamstring_not_cleared_rules_out_lengthening_hinges(
        advise_dict, read, variation, stage):
    a = advise_dict(variation=variation, injury_area="hamstring", injury_stage=stage)
    assert a["prescription"]["perform"] is False
    assert a["prescription"]["rpe"] is None
    assert "hamstring_avoid_lengthening" in read.warnings(a)


@pytest.mark.parametrize("variation", LENGTHENED_HAMSTRING_HINGES)
def test_k12_cleared_hamstring_may_hinge_again(advise_dict, read, variation):
    a = advise_dict(variation=variation, injury_area="hamstring", injury_stage="cleared")
    assert a["prescription"]["perform"] is True
    assert "hamstring_avoid_lengthening" not in read.warnings(a)


@pytest.mark.parametrize("variation", ["conventional", "sumo", "trap_bar"])
def test_k12_recovering_hamstring_still_deadlifts_short_hamstring_variations(
        advise_dict, read, variation):
    a = advise_dict(variation=variation, injury_area="hamstring", injury_stage="recovering")
    assert a["prescription"]["perform"] is True
    assert a["prescription"]["rpe"][1] <= 6
    assert "hamstring_avoid_lengthening" not in read.warnings(a)


@pytest.mark.parametrize("stage", STAGES)
def test_k12_low_back_gets_the_red_flags(advise_dict, read, stage):
    a = advise_dict(injury_area="low_back", injury_stage=stage)
    assert "low_back_red_flags" in read.warnings(a)


@pytest.mark.parametrize("area", [a for a in AREAS if a != "low_back"])
def test_k12_red_flags_are_for_the_low_back_only(advise_dict, read, area):
    assert "low_back_red_flags" not in read.warnings(
        advise_dict(injury_area=area, injury_stage="recovering"))


def test_k12_injured_area_never_gets_full_follow_ups(read):
    import deadlift_advisor
    met = 0
    for variation, area, stage, (experience, goal, day) in itertools.product(
            sorted(VARIATIONS), AREAS, ("recovering", "cleared"),
            [("intermediate", "strength", "leg_day"), ("intermediate", "strength", "back_day"),
             ("novice", "hypertrophy", "full_body"),
             ("advanced", "powerlifting", "dedicated_day")]):
        answers = {"variation": variation, "goal": goal, "experience": experience,
                   "placement": day, "injury_area": area, "injury_stage": stage}
        a = deadlift_advisor.advise(answers).to_dict()
        for exercise, intensity in read.follow_ups(a).items():
            if _meets(exercise, area):
                met += 1
                expected = "reduced" if stage == "cleared" else "avoid"
                assert intensity == expected, (answers, exercise, intensity)
    assert met >= 100


def test_k16_every_sheet_says_not_medical_advice(advise_dict):
    for answers in ({}, {"injury_area": "knee", "injury_stage": "cleared"}):
        assert "not medical advice" in advise_dict(**answers)["disclaimer"]


# --- K14 / prescription: %1RM from the RTS chart ---------------------------------------------

# The chart's structure (KNOWLEDGE.md 3a notes): %1RM depends only on effective reps
# = reps + (10 - RPE). Integer-RPE rows give one value per whole effective rep; half-RPE rows are
# the midpoints of their neighbours, printed rounded to one decimal (97.75 -> 97.8), so a half
# cell may differ from the exact midpoint by one rounding step.
HALF_STEP = 0.05 + 1e-9
_CELLS = [(reps, rpe, pct) for rpe, row in RTS_CHART.items()
          for reps, pct in enumerate(row, start=1)]
_BY_EFFECTIVE = {}
for _reps, _rpe, _pct in _CELLS:
    if _rpe == int(_rpe):
        _BY_EFFECTIVE.setdefault(int(_reps + 10 - _rpe), set()).add(_pct)


def test_chart_transcription_is_consistent():
    # Every whole effective-reps value reads the same in every integer row; half-RPE cells sit
    # within a rounding step of their neighbours' midpoint.
    assert all(len(values) == 1 for values in _BY_EFFECTIVE.values()), _BY_EFFECTIVE
    for reps, rpe, pct in _CELLS:
        if rpe != int(rpe) and reps + 10 - rpe < max(_BY_EFFECTIVE):
            assert pct == pytest.approx(_expected(reps, rpe), abs=HALF_STEP), (reps, rpe)


def _expected(reps, rpe):
    """The chart's value: exact for whole effective reps, the neighbours' midpoint for halves."""
    effective = reps + 10 - rpe
    low, high = int(effective), int(effective + 0.5)
    (a,), (b,) = _BY_EFFECTIVE[low], _BY_EFFECTIVE[high]
    return (a + b) / 2


@pytest.mark.parametrize("reps,rpe,expected", [
    (5, 8, 81.1), (1, 8, 92.2), (1, 10, 100.0), (5, 9, 83.7), (1, 7, 89.2),
    # 3 @ RPE 9 is 4 effective reps: row 9, column 3 of the chart reads 89.2 (86.3 is the
    # 5-effective-reps value, e.g. 3 @ RPE 8 or 4 @ RPE 9).
    (3, 9, 89.2), (3, 8, 86.3), (4, 9, 86.3),
])
def test_percent_1rm_named_chart_cells(reps, rpe, expected):
    assert percent_1rm(reps, rpe) == pytest.approx(expected, abs=1e-9)


def test_percent_1rm_interpolates_half_rpe():
    assert percent_1rm(1, 9.5) == pytest.approx(97.75, abs=HALF_STEP)
    assert percent_1rm(2, 9.5) == pytest.approx(93.85, abs=HALF_STEP)


@pytest.mark.parametrize("reps,rpe", [(r, p) for r, p, _ in _CELLS if r + 10 - p <= 12])
def test_percent_1rm_matches_every_chart_cell_up_to_12_effective_reps(reps, rpe):
    tolerance = 1e-9 if rpe == int(rpe) else HALF_STEP
    assert percent_1rm(reps, rpe) == pytest.approx(_expected(reps, rpe), abs=tolerance)


@pytest.mark.parametrize("reps,rpe,expected",
                         [c for c in _CELLS if c[0] + 10 - c[1] > 12])
def test_percent_1rm_matches_chart_cells_beyond_12_effective_reps(reps, rpe, expected):
    # Implementations disagree by 0.1 here (65.3/65.4): allow it.
    assert percent_1rm(reps, rpe) == pytest.approx(expected, abs=0.1 + 1e-9)


def test_hypertrophy_light_end_follows_the_chart(advise_dict):
    rx = advise_dict(goal="hypertrophy", experience="intermediate")["prescription"]
    # The light end is the chart read at the most reps and the lowest RPE of the band.
    chart_value = RTS_CHART[rx["rpe"][0]][rx["reps"][1] - 1]
    assert rx["percent_1rm"][0] == pytest.approx(chart_value, abs=0.1 + 1e-9)


def test_prescribed_percent_range_follows_the_chart(stratified_sample):
    # The %1RM range is the chart read at the band's corners: heaviest = fewest reps at the
    # highest RPE, lightest = most reps at the lowest RPE; the lighter end is never heavier.
    import deadlift_advisor
    for answers in stratified_sample(lambda p: (p["variation"], p["goal"], p["season_phase"]), 2):
        rx = deadlift_advisor.advise(answers).prescription
        if not rx["perform"]:
            continue
        lo, hi = rx["percent_1rm"]
        assert lo <= hi, answers
        top, bottom = percent_1rm(rx["reps"][0], rx["rpe"][1]), percent_1rm(rx["reps"][1],
                                                                          rx["rpe"][0])
        if rx["load_capped"]:  # a load ceiling below the chart's top corner cuts the range
            assert hi == rx["pct_cap"] < top and lo == min(bottom, hi), answers
        else:
            assert hi == top and lo == bottom, answers


# --- the rule base as a whole -------------------------------------------------------------------

def test_every_registered_rule_fires_for_some_profile(stratified_sample):
    import deadlift_advisor
    fired = set()
    profiles = stratified_sample(
        lambda p: (p["variation"], p["experience"], p["placement"], p["injury_area"]), 1)
    # Loads and weeks are optional answers outside the enumerated space: add them to some.
    from deadlift_advisor.kb.weeks import SPLITS
    extras = [{"one_rm": 180}, {"recent_set": "150x5@8"}, {"one_rm": 180, "recent_set": "150x5@8"},
              {"recent_set": "100x12@6"}, {"one_rm": 180, "max_lift": "conventional"},
              {"week": {"mon": "deadlift, squat", "thu": "rows"}},
              {"one_rm": 20, "plate_step": 25},  # a step coarser than any working weight
              {"one_rm": 180, "bar_weight": 15, "plates": [20, 10]},  # the gym's own gear
              {"one_rm": 25, "bar_weight": 25},  # work sets lighter than the bar
              *({"week": split} for split in SPLITS)]
    profiles = [*profiles, *({**p, **extras[i % len(extras)]}
                             for i, p in enumerate(profiles[::3]))]
    for answers in profiles:
        fired.update(deadlift_advisor.advise(answers).trace)
    assert fired <= set(RULES), f"trace names unregistered rules: {fired - set(RULES)}"
    dead = sorted(set(RULES) - fired)
    assert not dead, f"rules that never fired over {len(profiles)} profiles: {dead}"


def test_engine_rule_set_equals_registered_rules():
    engine_rules = AdvisorEngine().get_rules()
    ids = [r._wrapped.rule_id for r in engine_rules]
    assert len(ids) == len(set(ids)), "a rule appears twice in the engine"
    assert set(ids) == set(RULES), (
        f"registered but not in the engine (shadowed?): {sorted(set(RULES) - set(ids))}; "
        f"in the engine but unregistered: {sorted(set(ids) - set(RULES))}")


def test_rule_mixins_do_not_shadow_each_others_methods():
    from deadlift_advisor.engine import Rule
    owners = {}
    for cls in AdvisorEngine.__mro__:
        for name, value in vars(cls).items():
            if isinstance(value, Rule):
                owners.setdefault(name, []).append(cls.__name__)
    shadowed = {name: classes for name, classes in owners.items() if len(classes) > 1}
    assert not shadowed, f"rule methods defined in more than one mixin: {shadowed}"


def test_every_knowledge_rule_is_implemented():
    implemented = {k for info in RULES.values() for k in info.knowledge}
    assert implemented >= {f"K{i}" for i in range(1, 17)}
