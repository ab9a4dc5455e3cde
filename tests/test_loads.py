"""Loads: concrete weights from a 1RM or a recent hard set (README "Loads: concrete weights").

Expected numbers come from the RTS chart as KNOWLEDGE.md section 3a prints it (copied below) and
from arithmetic done by hand in the comments, never from the engine's own output.
"""

import json
import math
import re
import random

import pytest
from click.testing import CliRunner

import deadlift_advisor
from deadlift_advisor.cli import main
from deadlift_advisor.invariants import violations
from deadlift_advisor.kb import enumerated_space
from deadlift_advisor.kb.programming import IMPLEMENT_OF
from deadlift_advisor.kb.rts import round_to_step
from deadlift_advisor.render import render
from deadlift_advisor.validation import AnswerError
from knowledge_tables import RTS_CHART

# The same note of 3a: "effective reps" = reps + (10 - RPE), 1..12 agreed across implementations.
BY_EFFECTIVE_REPS = (100, 95.5, 92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0)

BASE = {"variation": "conventional", "goal": "strength", "experience": "intermediate"}


def chart(reps, rpe):
    """%1RM for reps at rpe per KNOWLEDGE.md, or None where the document calls it unverified."""
    row = RTS_CHART.get(float(rpe))
    if row is not None and 1 <= reps <= 10:
        return row[reps - 1]
    effective = reps + 10 - rpe
    if effective > len(BY_EFFECTIVE_REPS):
        return None
    low = int(effective)
    if effective == low:
        return float(BY_EFFECTIVE_REPS[low - 1])
    # half-RPE rows are the midpoints of their neighbours, printed to one decimal (half up)
    mid = (BY_EFFECTIVE_REPS[low - 1] + BY_EFFECTIVE_REPS[low]) / 2
    return math.floor(mid * 10 + 0.5 + 1e-9) / 10


def nearest_steps(weight, step):
    """The loadable weight(s) nearest to ``weight``: one, or both neighbours on an exact tie (so
    a float hair on a .5 boundary cannot make the test flaky)."""
    below = math.floor(weight / step + 1e-9) * step
    above = below + step
    if abs((weight - below) - (above - weight)) < 1e-6:
        return {round(below, 4), round(above, 4)}
    return {round(below if weight - below < above - weight else above, 4)}


def advise(**answers):
    return deadlift_advisor.advise({**BASE, **answers}).to_dict()


def rx_of(**answers):
    return advise(**answers)["prescription"]


def is_multiple(weight, step):
    return abs(weight / step - round(weight / step)) < 1e-6


# --- the chart copy itself --------------------------------------------------------------------------

def test_chart_copy_matches_the_effective_reps_rule():
    """Sanity of the copy above: every integer-RPE cell equals the effective-reps list."""
    for rpe in (10.0, 9.0, 8.0, 7.0):
        for reps in range(1, 11):
            effective = int(reps + 10 - rpe)
            if effective <= len(BY_EFFECTIVE_REPS):
                assert RTS_CHART[rpe][reps - 1] == BY_EFFECTIVE_REPS[effective - 1]


# --- estimated 1RM ----------------------------------------------------------------------------------

@pytest.mark.parametrize("recent_set, expected", [
    ("140x5@8", 140 / 0.811),    # 5 @ 8 = 81.1 %  -> 172.6
    ("180x3@8.5", 180 / 0.878),  # 3 @ 8.5 = 87.8 % -> 205.0
    ("200x1@10", 200.0),         # a single at RPE 10 is the 1RM itself
    ("200x1@9.5", 200 / 0.978),  # 1 @ 9.5 = 97.8 % -> 204.5
    ("100x10@10", 100 / 0.739),  # 10 @ 10 = 73.9 % -> 135.3
    ("120x6@9.5", 120 / 0.824),  # 6 @ 9.5 = 82.4 % -> 145.6
    ("100x8@6.5", 100 / 0.694),  # 8 @ 6.5 = 69.4 % -> 144.1
    ("150x1@8", 150 / 0.922),    # 1 @ 8 = 92.2 % -> 162.7
])
def test_e1rm_from_a_recent_set_follows_the_rts_chart(recent_set, expected):
    est = rx_of(recent_set=recent_set)["estimated_1rm"]
    assert est["basis"] == "recent_set"
    # a set at RPE 7 or less, or of more than 10 reps, is only a rough estimate (cut by 10 %)
    _, reps, rpe = re.match(r"(.*)x(\d+)@(.*)", recent_set).groups()
    assert est["rough"] == (float(rpe) <= 7 or int(reps) > 10)
    assert (est["raw"] if est["rough"] else est["value"]) == pytest.approx(expected, abs=0.051)
    if est["rough"]:
        assert est["value"] == pytest.approx(0.9 * est["raw"], abs=0.051)


def test_e1rm_of_140x5_at_8_is_about_172_6_and_drives_the_weights():
    rx = rx_of(recent_set="140x5@8")
    assert rx["estimated_1rm"]["value"] == pytest.approx(172.6, abs=0.05)
    assert rx["estimated_1rm"]["basis"] == "recent_set" and not rx["estimated_1rm"]["rough"]
    # Intermediate strength: sets 3-5, reps 2-5, RPE 7.5-9 (GOAL_BANDS, only low_volume caps).
    # Top set 2 @ 9 = 92.2 %: 172.6 * 0.922 = 159.1 -> 160.0; back-offs 5 @ 7.5 = 79.9 %:
    # 172.6 * 0.799 = 137.9 -> 137.5. Five sets, the two above the low end of the range optional.
    assert [(s["set"], s["reps"], s["rpe"], s["weight"], s["optional"]) for s in rx["loads"]] == [
        (1, 2, 9.0, 160.0, False), (2, 5, 7.5, 137.5, False), (3, 5, 7.5, 137.5, False),
        (4, 5, 7.5, 137.5, True), (5, 5, 7.5, 137.5, True)]
    assert rx["extra_sets"] == {"minimum": 3, "maximum": 5, "while_rpe_at_most": 8.5}
    # plates per side on a 20 kg bar: 160 = 20 + 2 × 70, 137.5 = 20 + 2 × 58.75
    assert [s["plates"] for s in rx["loads"][:2]] == [[25, 25, 20], [25, 25, 5, 2.5, 1.25]]
    # warm-ups at 40/60/75/90 % of the top set (a heavy one: 92 % of 1RM), in round 10 kg
    # steps (the top set is over 100 kg): 64 -> 60, 96 -> 100, 120, 144 -> 140
    assert [(w["reps"], w["weight"]) for w in rx["warm_up"]] == [
        (5, 60.0), (3, 100.0), (2, 120.0), (1, 140.0)]
    assert rx["load_range"] == [137.5, 160.0]
    assert rx["units"] == "kg" and rx["plate_step"] == 2.5


def test_mapping_form_of_the_recent_set_is_the_same_as_the_short_form():
    short = rx_of(recent_set="140x5@8")
    mapping = rx_of(recent_set={"weight": 140, "reps": 5, "rpe": 8})
    spaced = rx_of(recent_set="140 kg x 5 @ 8")
    assert short["estimated_1rm"] == mapping["estimated_1rm"] == spaced["estimated_1rm"]
    assert short["loads"] == mapping["loads"] == spaced["loads"]


def test_one_rm_is_used_when_there_is_no_recent_set(read):
    a = advise(one_rm=200)
    rx = a["prescription"]
    assert rx["estimated_1rm"]["value"] == 200.0 and rx["estimated_1rm"]["basis"] == "one_rm"
    assert rx["estimated_1rm"]["lift"] == "variation" and rx["estimated_1rm"]["ratio"] == 1.0
    assert "recent_set_over_one_rm" not in read.recommendations(a)
    # 200 * 0.922 = 184.4 -> 185.0 ; 200 * 0.799 = 159.8 -> 160.0
    assert [s["weight"] for s in rx["loads"]] == [185.0, 160.0, 160.0, 160.0, 160.0]
    assert rx["load_range"] == [160.0, 185.0]


def test_both_given_the_recent_set_wins_and_the_advice_says_so(read):
    a = advise(one_rm=200, recent_set="140x5@8")
    rx = a["prescription"]
    assert rx["estimated_1rm"]["basis"] == "recent_set"
    assert rx["estimated_1rm"]["value"] == pytest.approx(140 / 0.811, abs=0.051)
    rec = read.recommendation(a, "recent_set_over_one_rm")
    assert rec["params"]["one_rm"] == 200
    assert rec["params"]["estimate"] == pytest.approx(172.6, abs=0.051)
    # The text names both numbers (rounded): the estimate 173 and the given 200.
    assert "173" in rec["text"] and "200" in rec["text"]
    assert "recent" in rec["text"].lower()
    # Weights come from the recent set's estimate, not from 200.
    assert rx["loads"][0]["weight"] == 160.0


def test_no_recent_set_and_no_one_rm_means_no_weights():
    rx = rx_of()
    assert rx["loads"] == [] and rx["load_range"] is None and rx["estimated_1rm"] is None


# --- rounding to the plate step ---------------------------------------------------------------------

@pytest.mark.parametrize("weight, step, expected", [
    (101.24, 2.5, 100.0),   # 40.496 steps -> 40
    (101.25, 2.5, 102.5),   # 40.5 steps: half rounds up -> 41
    (101.26, 2.5, 102.5),
    (100.0, 2.5, 100.0),
    (233, 5, 235.0),        # 46.6 steps -> 47
    (232.4, 5, 230.0),      # 46.48 -> 46
    (232.5, 5, 235.0),      # 46.5 -> 47
    (373.41, 10, 370.0),
    (375, 10, 380.0),
    (165.96, 1.25, 166.25),  # 132.77 -> 133
    (143.82, 1.25, 143.75),  # 115.06 -> 115
    (0.6, 1.25, 0.0),
])
def test_round_to_step_is_to_the_nearest_step(weight, step, expected):
    assert round_to_step(weight, step) == pytest.approx(expected, abs=1e-9)


@pytest.mark.parametrize("answers, step, expected", [
    # lb, default step 5: 405 * 0.922 = 373.4 -> 375 ; 405 * 0.799 = 323.6 -> 325
    ({"one_rm": 405, "units": "lb"}, 5.0, [375.0, 325.0, 325.0]),
    # lb, plate_step 10: 373.4 -> 370 ; 323.6 -> 320
    ({"one_rm": 405, "units": "lb", "plate_step": 10}, 10.0, [370.0, 320.0, 320.0]),
    # kg, plate_step 1.25: 180 * 0.922 = 165.96 -> 166.25 ; 180 * 0.799 = 143.82 -> 143.75
    ({"one_rm": 180, "plate_step": 1.25}, 1.25, [166.25, 143.75, 143.75]),
    # kg default 2.5: 165.96 -> 165.0 ; 143.82 -> 145.0 (1.18 from 145, 1.32 from 142.5)
    ({"one_rm": 180}, 2.5, [165.0, 145.0, 145.0]),
])
def test_weights_use_the_plate_step_and_units(answers, step, expected):
    rx = rx_of(**answers)
    assert rx["plate_step"] == step
    assert rx["units"] == answers.get("units", "kg")
    assert [s["weight"] for s in rx["loads"]][:3] == expected  # the top set and two back-offs
    assert all(is_multiple(s["weight"], step) for s in rx["loads"])
    assert all(is_multiple(w, step) for w in rx["load_range"])


def test_lb_weights_for_a_405_lb_1rm_are_plausible():
    rx = rx_of(one_rm=405, units="lb")
    weights = [s["weight"] for s in rx["loads"]] + rx["load_range"]
    assert all(is_multiple(w, 5) for w in weights)
    # Between a 45 lb bar and the 1RM, and clearly not kg numbers (405 lb is about 184 kg).
    assert all(225 <= w <= 405 for w in weights), weights
    assert rx["estimated_1rm"]["value"] == 405.0 and rx["estimated_1rm"]["basis"] == "one_rm"


def test_a_recent_set_in_lb_becomes_an_lb_estimate():
    # 315 lb x 3 @ 8 -> 3 @ 8 = 86.3 % -> 315 / 0.863 = 365.0 lb
    rx = rx_of(recent_set="315x3@8", units="lb")
    assert rx["estimated_1rm"]["value"] == pytest.approx(365.0, abs=0.051)
    assert rx["units"] == "lb" and rx["plate_step"] == 5.0
    assert all(is_multiple(s["weight"], 5) for s in rx["loads"])


# --- properties over many profiles ------------------------------------------------------------------

LOAD_OPTIONS = [
    {"one_rm": 180},
    {"recent_set": "150x5@8"},
    {"recent_set": "180x3@8.5"},
    {"one_rm": 405, "units": "lb"},
    {"recent_set": "315x3@9", "units": "lb", "plate_step": 10},
    {"one_rm": 142.5, "plate_step": 1.25},
    {"one_rm": 200, "recent_set": "160x4@7"},
    {"one_rm": 60},
    {"recent_set": "500x1@10"},
]


def _load_profiles():
    """One profile per goal x experience x season x injury stage x placement (uninjured or low
    back), each given one of the load answers in turn: about 900 consultations."""
    space = [p for p in enumerated_space()
             if p["injury_area"] in ("none", "low_back") and p["back_days_per_week"] == 1]
    strata = {}
    for p in space:
        strata.setdefault((p["goal"], p["experience"], p["season_phase"], p.get("injury_stage"),
                           p["placement"]), []).append(p)
    rng = random.Random(7)
    picked = [rng.choice(strata[k]) for k in sorted(strata, key=repr)]
    return [{**p, **LOAD_OPTIONS[i % len(LOAD_OPTIONS)]} for i, p in enumerate(picked)]


LOAD_PROFILES = _load_profiles()


@pytest.mark.parametrize("chunk", range(4))
def test_weights_are_loadable_within_range_and_below_the_e1rm(chunk, describe):
    checked = 0
    for answers in LOAD_PROFILES[chunk::4]:
        a = deadlift_advisor.advise(answers).to_dict()
        rx = a["prescription"]
        where = describe(answers)
        assert violations(a) == [], where
        if not rx["perform"]:
            assert rx["loads"] == [] and rx["load_range"] is None, where
            continue
        checked += 1
        units = answers.get("units", "kg")
        step = answers.get("plate_step", {"kg": 2.5, "lb": 5.0}[units])
        e1rm = rx["estimated_1rm"]["value"]
        assert rx["units"] == units and rx["plate_step"] == step, where
        dumbbells = IMPLEMENT_OF[answers["variation"]] == "dumbbells"
        if dumbbells:
            step *= 2  # a total that puts a real dumbbell (whole plate steps) in each hand
        (sets_lo, _), (reps_lo, reps_hi), (rpe_lo, rpe_hi) = rx["sets"], rx["reps"], rx["rpe"]
        # a top set at the fewest reps and the highest RPE, then back-offs at the other corner;
        # a back-off as heavy as the top set (a ceiling cut both, or the rounding met) is that set
        same = len(rx["loads"]) > 1 and rx["loads"][1]["weight"] == rx["loads"][0]["weight"]
        back_rpe = rpe_hi if same else rpe_lo
        plan = [(s["set"], s["reps"], s["rpe"], s["optional"]) for s in rx["loads"]]
        assert plan == [(1, reps_lo, rpe_hi, False)] + [(n, reps_hi, back_rpe, n > sets_lo)
                                                        for n in range(2, rx["sets"][1] + 1)], where
        if len(rx["loads"]) > 1 and rx["loads"][1]["weight"] == rx["loads"][0]["weight"] and \
                rx["loads"][1]["reps"] >= rx["loads"][0]["reps"]:
            # the same weight for as many reps or more is never an easier set
            assert rx["loads"][1]["rpe"] >= rx["loads"][0]["rpe"], where
        lo, hi = rx["load_range"]
        assert 0 < lo <= hi <= e1rm, where
        for s in rx["loads"]:
            w = s["weight"]
            assert is_multiple(w, step), where
            assert w <= e1rm, where
            assert lo - 1e-9 <= w <= hi + 1e-9, where
            pct = chart(s["reps"], s["rpe"])
            if pct is not None:  # where KNOWLEDGE.md has a verified value
                # the chart's load, unless a load ceiling (an injury, a novice, ...) is lower;
                # nearest loadable step, rounded down where that would pass the ceiling
                pct = min(pct, rx["percent_1rm"][1])
                expected = nearest_steps(e1rm * pct / 100, step)
                if dumbbells:  # the pair below: a dumbbell cannot be made a little lighter
                    exact = e1rm * pct / 100
                    expected = {round(math.floor(exact / step + 1e-9) * step, 4)}
                if rx["pct_cap"] is not None:
                    ceiling = e1rm * rx["pct_cap"] / 100
                    expected = {x if x <= ceiling + 1e-9 else round(x - step, 4) for x in expected}
                assert round(w, 4) in expected, (where, s, pct)
        top = rx["loads"][0]["weight"]
        assert all(top >= s["weight"] for s in rx["loads"]), where
    assert checked > 50


def test_the_load_sample_is_broad():
    assert len(LOAD_PROFILES) > 500
    assert {p["goal"] for p in LOAD_PROFILES} == {"strength", "hypertrophy", "power",
                                                  "powerlifting", "general_fitness"}
    assert {p.get("units", "kg") for p in LOAD_PROFILES} == {"kg", "lb"}


@pytest.mark.parametrize("answers", [{"one_rm": 28, "plate_step": 10},
                                     {"one_rm": 60, "plate_step": 25}])
def test_weights_never_exceed_the_e1rm_even_with_a_coarse_plate_step(answers):
    rx = rx_of(**answers)
    assert rx["loads"]
    assert all(s["weight"] <= rx["estimated_1rm"]["value"] for s in rx["loads"]), rx["loads"]


# --- no deadlift, no weights ------------------------------------------------------------------------

@pytest.mark.parametrize("answers", [
    {"injury_area": "low_back", "injury_stage": "acute", "one_rm": 200},
    {"injury_area": "knee", "injury_stage": "acute", "recent_set": "140x5@8"},
    {"variation": "romanian", "injury_area": "hamstring", "injury_stage": "recovering",
     "one_rm": 150, "recent_set": "120x5@8"},
])
def test_no_loads_when_the_advice_is_not_to_deadlift(answers):
    rx = rx_of(**answers)
    assert rx["perform"] is False
    assert rx["loads"] == []
    assert rx["load_range"] is None
    assert rx["percent_1rm"] is None


# --- validation -------------------------------------------------------------------------------------

@pytest.mark.parametrize("answers, pieces", [
    ({"one_rm": 900}, ("one_rm", "900 kg", "20 to 500 kg")),
    ({"one_rm": 10}, ("one_rm", "10 kg", "20 to 500 kg")),
    ({"one_rm": 1200, "units": "lb"}, ("one_rm", "1200 lb", "45 to 1100 lb")),
    ({"one_rm": "heavy"}, ("one_rm", "expected a number")),
    ({"recent_set": "140x13@8"}, ("recent_set.reps", "13", "1 to 12")),
    ({"recent_set": "140x5@5.5"}, ("recent_set.rpe", "5.5", "half steps")),
    ({"recent_set": "140x5@10.5"}, ("recent_set.rpe", "10.5", "half steps")),
    ({"recent_set": "140x5@7.3"}, ("recent_set.rpe", "7.3", "half steps")),
    # 10 @ RPE 7 = 65.3 %: 450 / 0.653 = 689 kg, above the 500 kg ceiling
    ({"recent_set": "450x10@7"}, ("recent_set", "implies a 1RM of 689 kg", "plausible")),
    ({"recent_set": "140x5"}, ("recent_set", "'140x5'", "WEIGHTxREPS@RPE")),
    ({"recent_set": {"weight": 140, "reps": 5}}, ("recent_set", "weight, reps and rpe")),
    ({"recent_set": {"weight": 140, "reps": 5, "rpe": 8, "tempo": 3}},
     ("recent_set", "exactly weight, reps and rpe")),
    ({"recent_set": [140, 5, 8]}, ("recent_set", "expected weight, reps and rpe")),
    ({"plate_step": 0}, ("plate_step", "use 0.25 to 25 kg")),
    ({"plate_step": -2.5}, ("plate_step", "use 0.25 to 25 kg")),
    ({"plate_step": 30}, ("plate_step", "use 0.25 to 25 kg")),
    ({"plate_step": 0.2, "units": "lb"}, ("plate_step", "use 0.5 to 50 lb")),
    ({"plate_step": 1e-320}, ("plate_step", "0.25 to 25 kg")),
    ({"plate_step": float("inf")}, ("plate_step", "ordinary number")),
    ({"plate_step": 10 ** 400}, ("plate_step", "ordinary number", "very large")),
    ({"one_rm": "1" * 400}, ("one_rm", "expected a number")),
    ({"recent_set": {"weight": 140, "reps": float("inf"), "rpe": 8}},
     ("recent_set.reps", "ordinary number")),
    ({"recent_set": {"weight": 140, "reps": 10 ** 400, "rpe": 8}},
     ("recent_set.reps", "ordinary number")),
    ({"recent_set": "140" + " " * 200_000 + "x5@8"}, ("recent_set", "WEIGHTxREPS@RPE", "…")),
    ({"recent_set": "14 0x5@8"}, ("recent_set", "WEIGHTxREPS@RPE")),
])
def test_bad_load_answers_are_one_clear_error(answers, pieces):
    with pytest.raises(AnswerError) as info:
        advise(**answers)
    message = str(info.value)
    assert "\n" not in message
    for piece in pieces:
        assert piece in message, (piece, message)


# --- through the command line -----------------------------------------------------------------------

def _invoke(args):
    try:
        runner = CliRunner(mix_stderr=False)
    except TypeError:  # click >= 8.2 keeps stderr apart anyway
        runner = CliRunner()
    return runner.invoke(main, args, prog_name="deadlift-advisor")


REQUIRED = ["--set", "variation=conventional", "--set", "goal=strength",
            "--set", "experience=intermediate"]


def test_cli_set_recent_set_gives_loads():
    result = _invoke(["advise", "--no-input", *REQUIRED, "--set", "recent_set=140x5@8",
                      "--format", "json"])
    assert result.exit_code == 0, result.stderr
    rx = json.loads(result.stdout)["prescription"]
    assert rx["estimated_1rm"]["value"] == pytest.approx(172.6, abs=0.05)
    assert [s["weight"] for s in rx["loads"]] == [160.0, 137.5, 137.5, 137.5, 137.5]


def test_cli_one_rm_and_plate_step_in_lb():
    result = _invoke(["advise", "--no-input", *REQUIRED, "--set", "one_rm=405",
                      "--set", "units=lb", "--set", "plate_step=10", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    rx = json.loads(result.stdout)["prescription"]
    assert rx["units"] == "lb"
    assert [s["weight"] for s in rx["loads"]] == [370.0, 320.0, 320.0, 320.0, 320.0]


def test_cli_implausible_one_rm_is_one_error_line():
    result = _invoke(["advise", "--no-input", *REQUIRED, "--set", "one_rm=900",
                      "--format", "json"])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("deadlift-advisor: error: one_rm: 900 kg")


def test_every_sampled_option_is_valid():
    """The LOAD_OPTIONS themselves pass validation (so the property test runs on them all)."""
    for option in LOAD_OPTIONS:
        assert rx_of(**option)["loads"], option



@pytest.mark.parametrize("answers", [{"one_rm": 20, "plate_step": 25},
                                     {"one_rm": 45, "units": "lb", "plate_step": 50},
                                     {"variation": "single_leg_romanian", "one_rm": 60,
                                      "plate_step": 10}])
def test_a_plate_step_coarser_than_the_lightest_weight_gives_no_weights_and_says_why(answers):
    """Rounded to such a step the weights were 0 kg x 5: no weights at all, and one warning."""
    a = advise(**answers)
    rx = a["prescription"]
    assert not rx.get("loads"), rx.get("loads")
    warning = next(w for w in a["warnings"] if w["id"] == "plate_step_too_coarse")
    assert f"plate step of {answers['plate_step']:g} {answers.get('units', 'kg')}" in warning["text"]
    assert "load.step_too_coarse" in warning["because"]
    advice = deadlift_advisor.advise({**BASE, **answers})
    for fmt in ("txt", "md", "html"):
        sheet = render(advice, fmt)
        assert " 0 kg ×" not in sheet and " 0 lb ×" not in sheet and "plate step of" in sheet
