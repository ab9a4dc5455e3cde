"""The public API: ``advise(answers) -> Advice``, ``AnswerError``, and the JSON contract."""

import collections
import json
import re
import types

import pytest

import deadlift_advisor
from deadlift_advisor import AnswerError, advise

# --- input ---------------------------------------------------------------------------------


class _ReadOnlyAnswers(collections.abc.Mapping):
    """A Mapping that is not a dict."""

    def __init__(self, data):
        self._data = dict(data)

    def __getitem__(self, key):
        return self._data[key]

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)


@pytest.mark.parametrize("wrap", [
    dict, collections.OrderedDict, types.MappingProxyType, _ReadOnlyAnswers,
], ids=["dict", "OrderedDict", "MappingProxyType", "custom_Mapping"])
def test_advise_accepts_any_mapping(minimal_answers, wrap):
    answers = {**minimal_answers, "placement": "back_day"}
    assert advise(wrap(answers)).to_dict() == advise(answers).to_dict()


def test_advise_leaves_the_answers_untouched(minimal_answers):
    answers = {**minimal_answers, "variation": "Trap Bar", "back_days_per_week": "2"}
    before = dict(answers)
    advise(answers)
    assert answers == before


def test_answer_error_is_a_value_error():
    assert issubclass(AnswerError, ValueError)
    assert deadlift_advisor.AnswerError is AnswerError


def _error(answers):
    with pytest.raises(AnswerError) as info:
        advise(answers)
    return str(info.value)


@pytest.mark.parametrize("key,value,needles", [
    ("variation", "sumo_dl", ["variation", "sumo_dl", "did you mean 'sumo'"]),
    ("variation", "zercher", ["variation", "zercher", "conventional"]),
    ("goal", "bulk", ["goal", "bulk", "strength"]),
    ("experience", "expert", ["experience", "expert", "novice"]),
    ("season_phase", "winter", ["season_phase", "winter"]),
    ("injury_area", "elbow", ["injury_area", "elbow"]),
    ("placement", "arm_day", ["placement", "arm_day"]),
    ("units", "stone", ["units", "stone", "kg"]),
    ("back_days_per_week", 7, ["back_days_per_week", "7", "out of range", "0", "3"]),
    ("back_days_per_week", -1, ["back_days_per_week", "out of range"]),
    ("back_days_per_week", "two", ["back_days_per_week", "whole number"]),
    ("back_days_per_week", 1.5, ["back_days_per_week", "whole number"]),
    ("back_days_per_week", True, ["back_days_per_week", "whole number"]),
    ("goal", 3, ["goal", "3"]),
    ("variation", ["sumo"], ["variation", "list"]),
    ("athlete", "x" * 81, ["athlete", "80"]),
    ("athlete", 7, ["athlete", "text"]),
])
def test_bad_values_are_rejected_with_a_clear_message(minimal_answers, key, value, needles):
    message = _error({**minimal_answers, key: value})
    for needle in needles:
        assert needle in message, (needle, message)
    assert "\n" not in message  # one line a person can act on


def test_unknown_key_is_rejected_with_a_suggestion(minimal_answers):
    message = _error({**minimal_answers, "varation": "sumo"})
    assert "varation" in message and "did you mean 'variation'" in message


@pytest.mark.parametrize("drop", [("variation",), ("goal", "experience"),
                                  ("variation", "goal", "experience")])
def test_missing_required_answers_are_all_named(minimal_answers, drop):
    answers = {k: v for k, v in minimal_answers.items() if k not in drop}
    message = _error(answers)
    assert message.startswith("missing answer")
    for key in drop:
        assert key in message
    for key in set(minimal_answers) - set(drop):
        assert key not in message


def test_injury_needs_a_stage(minimal_answers):
    message = _error({**minimal_answers, "injury_area": "knee"})
    assert "missing" in message and "injury_stage" in message


@pytest.mark.parametrize("extra", [{"injury_stage": "acute"},
                                   {"injury_area": "none", "injury_stage": "cleared"}])
def test_injury_stage_without_injury_is_rejected(minimal_answers, extra):
    message = _error({**minimal_answers, **extra})
    assert "injury_stage" in message and "injury_area" in message


@pytest.mark.parametrize("answers", [None, [], "variation=sumo", 42])
def test_answers_must_be_a_mapping(answers):
    assert "mapping" in _error(answers)


# --- defaults and normalisation --------------------------------------------------------------

def test_defaults_are_applied(minimal_answers):
    profile = advise(minimal_answers).to_dict()["profile"]
    # README, "Answer keys": the documented defaults.
    assert profile == {**minimal_answers, "athlete": "", "season_phase": "none",
                       "injury_area": "none", "injury_stage": None, "placement": "auto",
                       "back_days_per_week": 1, "units": "kg",
                       # the optional answers (loads, week) stay absent
                       "one_rm": None, "recent_set": None, "plate_step": None, "week": None,
                       "bar_weight": None, "plates": None, "max_lift": None}


def test_given_answers_override_defaults(minimal_answers):
    answers = {**minimal_answers, "athlete": "Ada", "season_phase": "in_season",
               "injury_area": "hip", "injury_stage": "cleared", "placement": "full_body",
               "back_days_per_week": 3, "units": "lb"}
    profile = advise(answers).to_dict()["profile"]
    assert {k: v for k, v in profile.items() if k in answers} == answers


@pytest.mark.parametrize("given,canonical", [
    ({"variation": "Trap Bar"}, {"variation": "trap_bar"}),
    ({"variation": "TRAP-BAR"}, {"variation": "trap_bar"}),
    ({"variation": "  Sumo  "}, {"variation": "sumo"}),
    ({"variation": "Single Leg Romanian"}, {"variation": "single_leg_romanian"}),
    ({"goal": "General Fitness"}, {"goal": "general_fitness"}),
    ({"experience": "ADVANCED"}, {"experience": "advanced"}),
    ({"placement": "Back Day"}, {"placement": "back_day"}),
    ({"injury_area": "Low-Back", "injury_stage": "Recovering"},
     {"injury_area": "low_back", "injury_stage": "recovering"}),
    ({"season_phase": "Pre-Season"}, {"season_phase": "pre_season"}),
    ({"units": "LB"}, {"units": "lb"}),
])
def test_values_are_case_insensitive(minimal_answers, given, canonical):
    got = advise({**minimal_answers, **given}).to_dict()
    assert got == advise({**minimal_answers, **canonical}).to_dict()
    for key, value in canonical.items():
        assert got["profile"][key] == value


@pytest.mark.parametrize("given,number", [("0", 0), ("2", 2), (" 3 ", 3), ("+1", 1)])
def test_back_days_accept_numeric_strings(minimal_answers, given, number):
    got = advise({**minimal_answers, "placement": "back_day", "back_days_per_week": given})
    same = advise({**minimal_answers, "placement": "back_day", "back_days_per_week": number})
    assert got.to_dict() == same.to_dict()
    assert got.profile["back_days_per_week"] == number


def test_units_change_nothing_in_the_reasoning(minimal_answers):
    kg = advise({**minimal_answers, "units": "kg"}).to_dict()
    lb = advise({**minimal_answers, "units": "lb"}).to_dict()
    for key in ("classification", "placement", "prescription", "follow_ups", "recovery",
                "warnings", "recommendations"):
        if key == "prescription":  # it names the units its (absent) weights would be in
            assert kg[key].pop("units") == "kg" and lb[key].pop("units") == "lb"
        assert kg[key] == lb[key], key


# --- the JSON contract -------------------------------------------------------------------------

CONTRACT = {
    "classification": {"category", "primary_movers", "secondary_movers", "stabilizers",
                       "because", "sources", "provisional"},
    "placement": {"day", "allowed_days", "order", "because"},
    "prescription": {"perform", "sets", "reps", "rpe", "percent_1rm", "max_effort", "because"},
    "recovery": {"posterior_chain_rest_hours", "because"},
}
FOLLOW_UP_KEYS = {"exercise", "muscles", "intensity", "because"}
WARNING_KEYS = {"id", "text", "because"}
RECOMMENDATION_KEYS = {"id", "text", "because", "sources"}
SNAKE = re.compile(r"^[a-z]+(_[a-z]+)*$")

CONTRACT_PROFILES = [
    {"variation": "conventional", "goal": "strength", "experience": "intermediate"},
    {"variation": "rack_pull", "goal": "hypertrophy", "experience": "novice",
     "placement": "back_day", "back_days_per_week": 2},
    {"variation": "romanian", "goal": "power", "experience": "advanced",
     "injury_area": "hamstring", "injury_stage": "acute"},
    {"variation": "snatch_grip", "goal": "powerlifting", "experience": "advanced",
     "season_phase": "pre_season", "injury_area": "shoulder", "injury_stage": "cleared"},
]


@pytest.mark.parametrize("answers", CONTRACT_PROFILES)
def test_to_dict_has_every_contract_key(answers):
    a = advise(answers).to_dict()
    assert {"profile", "classification", "placement", "prescription", "follow_ups", "recovery",
            "warnings", "recommendations", "disclaimer"} <= set(a)
    for section, keys in CONTRACT.items():
        missing = keys - set(a[section])
        assert not missing, (section, missing)
    for f in a["follow_ups"]:
        assert FOLLOW_UP_KEYS <= set(f), f
    for w in a["warnings"]:
        assert WARNING_KEYS <= set(w), w
    for m in a["recommendations"]:
        assert RECOMMENDATION_KEYS <= set(m), m
    assert isinstance(a["disclaimer"], str) and a["disclaimer"].strip()


@pytest.mark.parametrize("answers", CONTRACT_PROFILES)
def test_to_dict_types_follow_the_contract(answers):
    a = advise(answers).to_dict()
    c, p, r = a["classification"], a["placement"], a["prescription"]
    assert c["category"] in ("leg", "back", "hybrid")
    for tier in ("primary_movers", "secondary_movers", "stabilizers"):
        assert all(SNAKE.match(m) for m in c[tier]), c[tier]
    assert isinstance(p["allowed_days"], list) and p["day"] in p["allowed_days"]
    assert p["order"] == (1 if p["role"] == "main" else 2)
    assert isinstance(r["perform"], bool) and isinstance(r["max_effort"], bool)
    for key in ("sets", "reps", "rpe", "percent_1rm"):
        if r["perform"]:
            assert isinstance(r[key], list) and len(r[key]) == 2 and r[key][0] <= r[key][1]
        else:
            assert r[key] is None
    for f in a["follow_ups"]:
        assert f["intensity"] in ("full", "reduced", "avoid")
        assert all(SNAKE.match(m) for m in f["muscles"]), f
    for item in [c, p, r, a["recovery"], *a["follow_ups"], *a["warnings"],
                 *a["recommendations"]]:
        assert isinstance(item["because"], list) and item["because"]
    assert json.loads(json.dumps(a)) == a


def test_contract_profiles_exercise_the_lists():
    # The nested-key checks above must have something to check.
    advices = [advise(p).to_dict() for p in CONTRACT_PROFILES]
    assert any(a["follow_ups"] for a in advices)
    assert any(a["warnings"] for a in advices)
    assert any(a["recommendations"] for a in advices)
    assert any(not a["prescription"]["perform"] for a in advices)


def test_advice_attributes_mirror_to_dict(minimal_answers):
    advice = advise(minimal_answers)
    assert isinstance(advice, deadlift_advisor.Advice)
    d = advice.to_dict()
    for key in ("profile", "classification", "placement", "prescription", "follow_ups",
                "recovery", "warnings", "recommendations", "disclaimer"):
        assert getattr(advice, key) == d[key]
