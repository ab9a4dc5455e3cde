"""Forgiving answers (issue 13, part 3): unique prefixes, aliases, weights with their unit, and a
"did you mean" or the list of candidates for everything else — the same wherever a value is
read: the API, answers files, --set, rosters and the questionnaire."""

import json
import re

import pytest

from helpers import run_inproc
from deadlift_advisor.errors import AnswerError
from deadlift_advisor.extra_answers import check_week
from deadlift_advisor.kb.answers import SPEC
from deadlift_advisor.kb.programming import KG_PER_LB
from deadlift_advisor.kb.weeks import DAY_NAMES, SPLIT_ALIASES, SPLITS, WEEKDAYS
from deadlift_advisor.quoting import normalise_choice, resolve_choice
from deadlift_advisor.resources import template_yaml
from deadlift_advisor.validation import check_value, validate

CHOICE_KEYS = [k for k, spec in SPEC.items() if spec["type"] == "choice"]
BASE = {"variation": "conventional", "goal": "strength", "experience": "intermediate"}


def vocabulary(key):
    """(choices, aliases) of a choice answer, or of the week's presets and days."""
    if key == "week":
        return tuple(SPLITS), SPLIT_ALIASES
    if key == "day":
        return WEEKDAYS, {name.lower(): d for d, name in DAY_NAMES.items()}
    return SPEC[key]["choices"], SPEC[key].get("aliases") or {}


ALL_VOCABULARIES = [*CHOICE_KEYS, "week", "day"]


@pytest.mark.parametrize("key", ALL_VOCABULARIES)
def test_aliases_name_one_existing_choice_and_never_shadow_one(key):
    choices, aliases = vocabulary(key)
    for alias, target in aliases.items():
        assert target in choices, (key, alias)
        assert alias not in choices, (key, alias)  # an alias equal to another id would hide it
        assert alias == normalise_choice(alias), (key, alias)  # unreachable otherwise


def names_for(choice, choices, aliases):
    return [choice, *(a for a, t in aliases.items() if t == choice)]


def prefix_violations(key, resolve=resolve_choice):
    """Every prefix of every id and alias whose reading is wrong: not the one choice the prefix
    can name, or (when it fits several) not an ambiguity naming exactly those."""
    choices, aliases = vocabulary(key)
    wrong = []
    for choice in choices:
        for name in names_for(choice, choices, aliases):
            for end in range(1, len(name) + 1):
                prefix = name[:end]
                got, candidates = resolve(prefix.upper().replace("_", "-"), choices, aliases)
                could = {c for c in choices
                         if any(n.startswith(prefix) for n in names_for(c, choices, aliases))}
                if prefix in choices or prefix in aliases:
                    ok = got == (prefix if prefix in choices else aliases[prefix])
                elif len(could) == 1:
                    ok = got == choice
                else:
                    ok = got is None and set(candidates) == could
                if not ok:
                    wrong.append(prefix)
    return wrong


@pytest.mark.parametrize("key", ALL_VOCABULARIES)
def test_every_prefix_of_every_name_is_resolved_or_lists_what_it_could_be(key):
    assert prefix_violations(key) == []


def test_the_prefix_check_catches_a_resolver_that_guesses():
    """Mutation: taking the first choice a prefix fits, instead of refusing an ambiguous one."""
    def first_fit(text, choices, aliases):
        word = normalise_choice(text)
        fits = [c for c in choices if c.startswith(word)]
        return (fits[0] if fits else aliases.get(word)), ()

    assert "p" in prefix_violations("goal", first_fit)
    assert prefix_violations("goal", resolve_choice) == []


def test_exact_names_win_over_longer_ones_they_begin():
    assert check_value("goal", "power") == "power"  # a prefix of powerlifting, and a choice
    assert check_value("variation", "trap bar") == "trap_bar"  # a prefix of trap_bar_deadlift


@pytest.mark.parametrize("key, typed, expected", [
    ("season_phase", "pre", "pre_season"), ("season_phase", "Pre-Season", "pre_season"),
    ("season_phase", "preseason", "pre_season"), ("experience", "inter", "intermediate"),
    ("experience", "beginner", "novice"), ("variation", "RDL", "romanian"),
    ("variation", "hex", "trap_bar"), ("variation", "hex bar", "trap_bar"),
    ("variation", "Hex-bar deadlift", "trap_bar"), ("variation", "SLDL", "stiff_leg"),
    ("variation", "high handle", "high_handle_trap_bar"), ("variation", "c", "conventional"),
    ("units", "lbs", "lb"), ("units", "Pounds", "lb"), ("units", "kilos", "kg"),
    ("goal", "muscle", "hypertrophy"), ("goal", "gen", "general_fitness"),
    ("injury_area", "lower back", "low_back"), ("placement", "own day", "dedicated_day"),
    ("placement", "back", "back_day"),
])
def test_prefixes_and_aliases(key, typed, expected):
    assert check_value(key, typed) == expected


def test_the_names_in_the_questionnaires_labels_are_taken_in_files_too():
    """What the labels call a variation, a goal or a unit ("Romanian deadlift (RDL)",
    "Trap-bar (hex-bar) deadlift", "Muscle size (hypertrophy)", "Pounds (lb)") is accepted by
    the answers-file reader: the label without its bracket, and the bracket's name."""
    questions = template_yaml("questions.yaml")["questions"]
    for key in ("variation", "goal", "units"):
        for choice, words in questions[key]["choices"].items():
            label = words["label"]
            bracket = re.findall(r"\(([^)]*)\)", label)
            names = [re.sub(r"\s*\([^)]*\)", "", label)]
            names += [b for b in bracket if "knee" not in b]  # "(above the knee)" describes
            for name in names:
                assert check_value(key, name) == choice, (key, label, name)


@pytest.mark.parametrize("key, typed, listed", [
    ("goal", "p", "'p' could be power or powerlifting"),
    ("goal", "POW", "'POW' could be power or powerlifting"),
    ("variation", "st", "'st' could be stiff_leg or step_romanian"),
    ("injury_area", "h", "'h' could be hamstring or hip"),
])
def test_an_ambiguous_prefix_lists_the_candidates(key, typed, listed):
    with pytest.raises(AnswerError) as err:
        check_value(key, typed)
    assert str(err.value) == f"{key}: {listed} — type more of it"


def test_a_near_miss_of_an_alias_suggests_the_choice_it_stands_for():
    with pytest.raises(AnswerError, match="did you mean 'romanian'"):
        check_value("variation", "rdll")
    with pytest.raises(AnswerError, match="did you mean 'trap_bar'"):
        check_value("variation", "hexbra")
    with pytest.raises(AnswerError) as err:
        check_value("variation", "zzz")
    assert "did you mean" not in str(err.value)


def test_week_presets_and_days_take_prefixes():
    assert check_week("ppl")["split"] == "push_pull_legs"
    assert check_week("Upper")["split"] == "upper_lower"
    days = check_week({"Tues": "back squat", "thurs": "bench press", "m": "pull-up"})["days"]
    assert days["tue"] == ["back_squat"] and days["thu"] == ["bench_press"]
    assert days["mon"] == ["pull_up"]
    with pytest.raises(AnswerError, match=r"'t' could be Tuesday or Thursday — type more"):
        check_week({"t": "squat"})
    with pytest.raises(AnswerError, match=r"'s' could be Saturday or Sunday"):
        check_week({"s": "squat"})
    with pytest.raises(AnswerError, match="could be push_pull_legs or powerlifting"):
        check_week("p")


# --- weights with their unit ---------------------------------------------------------------------

@pytest.mark.parametrize("typed, units, expected", [
    ("185kg", "kg", 185.0), ("185 KG", "kg", 185.0), ("185 kilos", "kg", 185.0),
    ("405 lb", "lb", 405.0), ("405lbs", "lb", 405.0), ("405 pounds", "lb", 405.0),
    ("405 lb", "kg", 405 * KG_PER_LB), ("185 kg", "lb", 185 / KG_PER_LB), ("185", "kg", 185.0),
])
def test_a_1rm_may_carry_its_unit_and_is_converted_to_the_units_answer(typed, units, expected):
    profile = validate({**BASE, "units": units, "one_rm": typed})
    assert profile["one_rm"] == pytest.approx(expected)


def test_a_recent_set_and_a_plate_step_may_carry_their_unit():
    profile = validate({**BASE, "recent_set": "140kg x 5 @ 8", "plate_step": "1.25 kg"})
    assert profile["recent_set"] == {"weight": 140.0, "reps": 5, "rpe": 8.0}
    assert profile["plate_step"] == 1.25
    profile = validate({**BASE, "recent_set": "300lbx5@8"})  # units kg: converted
    assert profile["recent_set"]["weight"] == pytest.approx(300 * KG_PER_LB)
    profile = validate({**BASE, "recent_set": {"weight": "315 lb", "reps": 3, "rpe": 8},
                        "units": "lb"})
    assert profile["recent_set"]["weight"] == 315.0


@pytest.mark.parametrize("answers, message", [
    ({"one_rm": "18 5kg"}, "one_rm: '18 5kg' has a space inside the number"),
    ({"one_rm": "185 stone"}, "one_rm: '185 stone' — the unit 'stone' is not kg or lb"),
    ({"one_rm": "2000 lb"}, "one_rm: 907.185 kg is not a plausible weight"),
    ({"plate_step": "5 lb"}, "plate_step: '5 lb' is in lb but units is kg — give it in kg, or "
                             "set units: lb"),
    ({"recent_set": "140stonex5@8"}, "the unit 'stone' is not kg or lb"),
])
def test_a_weight_that_cannot_be_read_is_one_line(answers, message):
    with pytest.raises(AnswerError) as err:
        validate({**BASE, **answers})
    assert message in str(err.value)


# --- the same everywhere a value is read ---------------------------------------------------------

def test_set_and_answers_files_and_rosters_forgive_alike(tmp_path):
    run = run_inproc(["advise", "--no-input", "--format", "json", "--set", "variation=RDL",
                      "--set", "goal=str", "--set", "experience=inter", "--set", "season=pre",
                      "--set", "one_rm=405 lb", "--set", "units=lbs"])
    assert run.code == 2 and "unknown answer 'season'" in run.stderr  # keys are not guessed
    run = run_inproc(["advise", "--no-input", "--format", "json", "--set", "variation=RDL",
                      "--set", "goal=str", "--set", "experience=inter",
                      "--set", "season_phase=pre", "--set", "one_rm=405 lb",
                      "--set", "units=lbs"])
    assert run.code == 0, run.stderr
    profile = json.loads(run.stdout)["profile"]
    assert (profile["variation"], profile["goal"], profile["season_phase"]) == (
        "romanian", "strength", "pre_season")
    assert (profile["units"], profile["one_rm"]) == ("lb", 405)

    answers = tmp_path / "answers.yaml"
    answers.write_text("variation: hex bar\ngoal: muscle\nexperience: adv\none_rm: 180kg\n",
                       encoding="utf-8")
    run = run_inproc(["advise", "--no-input", "--format", "json", "--answers", answers])
    assert run.code == 0, run.stderr
    profile = json.loads(run.stdout)["profile"]
    assert (profile["variation"], profile["goal"], profile["experience"]) == (
        "trap_bar", "hypertrophy", "advanced")

    roster = tmp_path / "roster.csv"
    roster.write_text("athlete,variation,goal,experience\nAna,sldl,hyper,nov\n"
                      "Ben,sn,strength,novice\nCai,s,pow,novice\n", encoding="utf-8")
    run = run_inproc(["batch", roster, "-o", tmp_path / "out", "--format", "json"])
    assert run.code == 1
    rows = (tmp_path / "out" / "summary.csv").read_text(encoding="utf-8").splitlines()
    assert rows[1].startswith("2,Ana,") and ",stiff_leg," in rows[1] and ",ok," in rows[1]
    assert ",snatch_grip," in rows[2]
    assert "variation: 's' could be sumo, stiff_leg" in rows[3]


def test_compare_takes_aliases():
    run = run_inproc(["compare", "rdl", "hex", "--format", "json"])
    assert run.code == 0, run.stderr
    assert [c["variation"] for c in json.loads(run.stdout)["columns"]] == ["romanian", "trap_bar"]


def test_yaml_no_for_an_injury_says_to_write_none(tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text("variation: sumo\ngoal: strength\nexperience: novice\ninjury_area: no\n",
                       encoding="utf-8")
    run = run_inproc(["advise", "--no-input", "--format", "json", "--answers", answers])
    assert run.code == 2
    assert "got a true/false value (false) — YAML reads yes/no/on/off as true/false: quote the " \
           "value, or write none" in run.stderr
