"""The session at the bar (issue 14, part 2): every work set of a range, the warm-up ramp, plates
per side from the gym's bar and plates, on every sheet format and in the JSON."""

import copy
import json

import pytest

from helpers import run_inproc
from deadlift_advisor import advise
from deadlift_advisor.errors import AnswerError
from deadlift_advisor.invariants import _session_violations
from deadlift_advisor.kb.plates import per_side, ramp
from deadlift_advisor.kb.programming import PLATES, WARM_UP
from deadlift_advisor.render import render
from deadlift_advisor.validation import validate

BASE = {"variation": "conventional", "goal": "strength", "experience": "intermediate"}


@pytest.mark.parametrize("units, bar, step", [("kg", 20.0, 2.5), ("kg", 25.0, 2.5),
                                              ("lb", 45.0, 5.0), ("lb", 55.0, 5.0)])
def test_the_default_plates_make_every_loadable_weight_heaviest_first(units, bar, step):
    weight = bar
    while weight <= 500:
        plates = per_side(weight, bar, PLATES[units])
        assert plates is not None, weight
        assert abs(bar + 2 * sum(plates) - weight) < 1e-9, (weight, plates)
        assert list(plates) == sorted(plates, reverse=True)
        weight = round(weight + step, 2)


def test_plates_that_greed_cannot_fit_are_still_found_and_impossible_ones_said():
    assert per_side(80, 20, (20, 15)) == (15.0, 15.0)  # heaviest first would be 20 + nothing
    assert per_side(85, 20, (20, 15)) is None  # 32.5 a side: no mix of 20s and 15s
    assert per_side(15, 20, PLATES["kg"]) is None  # below the bar
    assert per_side(20, 20, PLATES["kg"]) == ()  # the bar alone


def test_the_warm_up_climbs_to_the_first_work_set_without_reaching_it():
    steps = ((0.40, 5), (0.60, 3), (0.75, 2))
    assert ramp(170, 20, 10, steps, (0.90, 1)) == ((70, 5), (100, 3), (130, 2), (150, 1))
    # light work: never below the bar, and steps that collapse onto each other are left out
    assert ramp(30, 20, 5, steps) == ((20, 5), (25, 2))


def _fewest_plates_ramp(first, bar, step, plan, plates, window):
    """The warm-up as a lifter would pick it, by brute force over every weight on a 0.05 grid:
    per step, of the weights near its share of the first work set, the one with the fewest
    plates per side (then the nearest)."""
    out = []
    for fraction, reps in plan:
        target, width = first * fraction, window * first
        floor = out[-1][0] if out else None
        grid = [round(bar + k * 0.05, 2) for k in range(int((first - bar) / 0.05) + 1)]
        near = [w for w in grid if abs(w - target) <= width + 1e-9 and w <= first - step + 1e-9
                and (floor is None or w > floor + 1e-9) and per_side(w, bar, plates) is not None]
        if not near:
            continue  # (ramp then rounds; the cases below always have a weight near)
        out.append((min(near, key=lambda w: (len(per_side(w, bar, plates)), abs(w - target))),
                    reps))
    return tuple(out)


@pytest.mark.parametrize("units, bar, plates", [
    ("kg", 20.0, PLATES["kg"]), ("kg", 25.0, PLATES["kg"]), ("kg", 15.0, (20, 10, 5, 2.5, 1.25)),
    ("lb", 45.0, PLATES["lb"]), ("lb", 55.0, PLATES["lb"]), ("lb", 45.0, (45, 25, 10, 5, 2.5))])
def test_each_warm_up_is_the_quickest_to_load_near_its_share_of_the_first_set(units, bar, plates):
    """Warm-ups are for the body, not the number: 135, 185, 225 lb rather than 130, 180, 230."""
    step = {"kg": 2.5, "lb": 5.0}[units]
    plan = (*WARM_UP["steps"], WARM_UP["heavy_single"])
    first, checked = bar + 4 * step, 0
    while first <= {"kg": 320, "lb": 700}[units]:
        got = ramp(first, bar, step, WARM_UP["steps"], WARM_UP["heavy_single"], plates=plates,
                   window=WARM_UP["window"])
        expected = _fewest_plates_ramp(first, bar, step, plan, plates, WARM_UP["window"])
        if len(expected) == len(plan):
            assert got == expected, first
            checked += 1
        first = round(first + step, 2)
    assert checked > 80


def test_the_warm_up_check_fails_on_the_old_round_numbers():
    """Mutation: the earlier ramp (each share rounded to 20 lb) is not the quickest to load."""
    plan = (*WARM_UP["steps"], WARM_UP["heavy_single"])
    old = ramp(290, 45, 20, WARM_UP["steps"], WARM_UP["heavy_single"])
    assert old != _fewest_plates_ramp(290, 45, 5, plan, PLATES["lb"], WARM_UP["window"])
    assert [w for w, _ in ramp(290, 45, 5, WARM_UP["steps"], WARM_UP["heavy_single"],
                               plates=PLATES["lb"], window=WARM_UP["window"])] == [
        115, 185, 225, 275]


def test_dumbbells_are_real_pairs_and_never_an_empty_hand():
    """Each hand holds a whole number of plate steps (2.5 kg, 5 lb), rounded down, and a warm-up
    of 0 kg is never given; the session check catches both."""
    for one_rm in range(40, 301, 5):
        for units in ("kg", "lb"):
            rx = advise({**BASE, "variation": "single_leg_romanian", "goal": "hypertrophy",
                         "one_rm": one_rm * (2 if units == "lb" else 1), "units": units,
                         "max_lift": "conventional"}).to_dict()["prescription"]
            if not rx["loads"]:
                continue
            assert _session_violations(rx, rx["loads"]) == [], (one_rm, units)
            step = rx["plate_step"]
            for row in (*rx["warm_up"], *rx["loads"]):
                assert row["weight"] >= 2 * step and (row["weight"] / 2 / step).is_integer()
    rx = advise({**BASE, "variation": "single_leg_romanian", "goal": "hypertrophy",
                 "one_rm": 140, "max_lift": "conventional"}).to_dict()["prescription"]
    for mutate, found in [(lambda r: r["warm_up"][0].update(weight=0.0), "a set of 0.0"),
                          (lambda r: r["loads"][0].update(weight=27.5), "not a pair")]:
        bad = copy.deepcopy(rx)
        mutate(bad)
        assert any(found in v for v in _session_violations(bad, bad["loads"])), found


def test_every_work_set_of_the_range_with_the_rule_for_the_optional_ones():
    rx = advise({**BASE, "one_rm": 200}).to_dict()["prescription"]
    assert rx["sets"] == [3, 5]
    assert [(s["set"], s["optional"]) for s in rx["loads"]] == [
        (1, False), (2, False), (3, False), (4, True), (5, True)]
    assert rx["extra_sets"] == {"minimum": 3, "maximum": 5, "while_rpe_at_most": 8.5}
    assert rx["equipment"]["implement"] == "barbell" and rx["equipment"]["bar"] == 20.0
    assert [w["reps"] for w in rx["warm_up"]] == [5, 3, 2, 1]
    assert _session_violations(rx, rx["loads"]) == []


def test_the_session_check_catches_plates_that_do_not_make_the_weight():
    """Mutation: plates one step light, a warm-up heavier than the first work set, an optional
    set marked required."""
    rx = advise({**BASE, "one_rm": 200}).to_dict()["prescription"]
    for mutate, found in [
            (lambda r: r["loads"][0]["plates"].pop(), "does not make it"),
            (lambda r: r["warm_up"][-1].update(weight=r["loads"][0]["weight"] + 10),
             "does not climb"),
            (lambda r: r["loads"][-1].update(optional=False), "optional"),
            (lambda r: r["loads"][0]["plates"].reverse(), "heaviest first")]:
        bad = copy.deepcopy(rx)
        mutate(bad)
        assert any(found in v for v in _session_violations(bad, bad["loads"])), found


def test_the_gyms_own_bar_and_plates_are_used_and_a_trap_bar_guess_is_said():
    rx = advise({**BASE, "one_rm": 180, "bar_weight": 15, "plates": "20, 10, 5, 2.5, 1.25"}
                ).to_dict()["prescription"]
    assert rx["equipment"] == {"implement": "barbell", "bar": 15.0, "bar_given": True,
                               "plates": [20.0, 10.0, 5.0, 2.5, 1.25], "plates_given": True}
    assert all(15 + 2 * sum(s["plates"]) == s["weight"] for s in rx["loads"])
    trap = advise({**BASE, "variation": "trap_bar", "one_rm": 180}).to_dict()
    assert trap["prescription"]["equipment"]["bar"] == 25.0
    assert "trap_bar_weight_guessed" in [m["id"] for m in trap["recommendations"]]
    given = advise({**BASE, "variation": "trap_bar", "one_rm": 180, "bar_weight": 27}).to_dict()
    assert "trap_bar_weight_guessed" not in [m["id"] for m in given["recommendations"]]


def test_weights_the_bar_or_plates_cannot_make_are_said_not_hidden():
    light = advise({**BASE, "one_rm": 25, "bar_weight": 25}).to_dict()
    assert "below_the_bar" in [w["id"] for w in light["warnings"]]
    assert any(s["plates"] is None for s in light["prescription"]["loads"])
    odd = advise({**BASE, "one_rm": 180, "plates": [20, 10]}).to_dict()
    assert "plates_cannot_make" in [w["id"] for w in odd["warnings"]]


def test_the_single_leg_rdl_is_held_in_the_hands():
    a = advise({**BASE, "variation": "single_leg_romanian", "goal": "hypertrophy",
                "one_rm": 140})
    rx = a.to_dict()["prescription"]
    assert rx["equipment"]["implement"] == "dumbbells" and rx["equipment"]["bar"] is None
    assert all(s["plates"] is None for s in rx["loads"])
    text = render(a, "txt", generated="2026-12-01")
    assert f"{rx['loads'][0]['weight'] / 2:g} kg in each hand" in text


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_every_sheet_format_shows_each_set_with_its_plates(fmt):
    a = advise({**BASE, "one_rm": 200})
    rx = a.to_dict()["prescription"]
    text = render(a, fmt, generated="2026-12-01")
    plates = " + ".join(f"{p:g}" for p in rx["loads"][0]["plates"])
    assert plates in text
    assert text.count("warm-up") + text.count("Warm-up") >= len(rx["warm_up"]) or fmt == "html"
    assert "if fresh" in text or "optional" in text.lower()


@pytest.mark.parametrize("answers, message", [
    ({"bar_weight": 2}, "bar_weight: 2 kg — an empty bar weighs 5 to 50 kg"),
    ({"bar_weight": "45 lb"}, "bar_weight: '45 lb' is in lb but units is kg"),
    ({"plates": "20, ten"}, "plates: expected a number"),
    ({"plates": []}, "plates: expected the plate weights"),
    ({"plates": [100]}, "plates: 100 kg — a plate weighs 0.25 to 50 kg"),
    ({"plates": list(range(1, 14))}, "plates: at most 12 plate weights"),
])
def test_a_bar_or_plates_that_cannot_be_read_is_one_line(answers, message):
    with pytest.raises(AnswerError) as err:
        validate({**BASE, "one_rm": 180, **answers})
    assert message in str(err.value)


def test_bar_and_plates_from_the_command_line():
    run = run_inproc(["advise", "--no-input", "--format", "json", "--set", "variation=sumo",
                      "--set", "goal=strength", "--set", "experience=novice",
                      "--set", "one_rm=405 lb", "--set", "units=lb", "--set", "bar_weight=45 lb",
                      "--set", "plates=45, 25, 10, 5, 2.5"])
    assert run.code == 0, run.stderr
    rx = json.loads(run.stdout)["prescription"]
    assert rx["equipment"]["plates"] == [45.0, 25.0, 10.0, 5.0, 2.5]
    assert all(45 + 2 * sum(s["plates"]) == s["weight"] for s in rx["loads"])


@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_the_lift_offered_instead_has_its_session_too(fmt):
    """An injury that rules the variation out: the alternative's weights come with its plates."""
    a = advise({**BASE, "variation": "romanian", "goal": "hypertrophy", "one_rm": 200,
                "max_lift": "conventional", "injury_area": "hamstring",
                "injury_stage": "recovering"})
    alt = a.to_dict()["alternative"]["prescription"]
    assert alt["loads"] and alt["warm_up"]
    text = render(a, fmt, generated="2026-12-01")
    assert " + ".join(f"{p:g}" for p in alt["loads"][0]["plates"]) in text
    assert "trap bar" in text
