"""The published contracts (schemas/*.schema.json): valid draft 2020-12 schemas, every property
described; true to kb/ (a choice, range or default changed there without the schema fails here,
and the comparisons are shown to fail); and true to what the advisor really writes: every advice
of kb check's optional sweep and a stride through the whole input space validates, and so do
the answers files it ships and saves. The `schema` command prints the files as shipped.

The schema describes answers in canonical form; the tool is more forgiving (case, prefixes,
aliases, units in weights), so nothing here claims the tool refuses what the schema refuses,
beyond structure (unknown keys, wrong types).
"""

import configparser
import copy
import fnmatch
import itertools
import json

import pytest
import yaml
from helpers import EXAMPLES, REPO, assert_one_line_error, run_inproc, run_script
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

import deadlift_advisor
from deadlift_advisor import kbcheck
from deadlift_advisor import contracts as schemas
from deadlift_advisor.advice import SCHEMA_VERSION
from deadlift_advisor.errors import AnswerError
from deadlift_advisor.kb import (CATEGORIES, DAYS, EXERCISES, INJURY_AREAS, LIMITS, SOURCES,
                                 STAGES, VARIATIONS)
from deadlift_advisor.kb.answers import REQUIRED, SPACE_KEYS, SPEC
from deadlift_advisor.kb.premises import MESSAGE_PREMISES
from deadlift_advisor.kb.programming import (BAR_WEIGHT_RANGE, IMPLEMENT_OF, ONE_RM_RANGE,
                                             PLATE_STEP_MIN,
                                             PLATE_STEPS, RECENT_SET_REPS, RECENT_SET_RPE,
                                             RECOVERY_HOURS)
from deadlift_advisor.kb.weeks import DAY_NAMES, SPLITS, WEEKDAYS
from deadlift_advisor.questionnaire import answers_yaml
from deadlift_advisor.validation import validate

DRAFT = "https://json-schema.org/draft/2020-12/schema"
ADVICE = schemas.schema("advice")
ANSWERS = schemas.schema("answers")
# Built once per process: jsonschema compiles nothing, but a validator reused skips re-reading
# the schema and its $refs' registry for every document.
ADVICE_VALIDATOR = Draft202012Validator(ADVICE)
ANSWERS_VALIDATOR = Draft202012Validator(ANSWERS)
SHOW = 10  # failing profiles printed per test


def problems(validator, document):
    """Every way ``document`` breaks the schema, as 'path: message' lines; where a value matched
    none of the alternatives (a nullable object, say), the deepest reason in the likeliest one."""
    found = [best_match([e]) for e in validator.iter_errors(document)]
    return sorted(f"{e.json_path}: {e.message[:200]}" for e in found)


def walk(node, path="#"):
    """(path, subschema) for every subschema, conditions (if/then/else) included."""
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            if key in ("enum", "const", "default", "required", "examples"):
                continue
            yield from walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from walk(value, f"{path}/{i}")


# --- the schemas as schemas ----------------------------------------------------------------------

@pytest.mark.parametrize("name", schemas.NAMES)
def test_each_schema_is_a_valid_draft_2020_12_schema_with_an_id_title_and_description(name):
    schema = schemas.schema(name)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == DRAFT
    assert schema["$id"].startswith("urn:deadlift-advisor:schema:")
    assert schema["title"] and len(schema["description"]) > 80


def test_the_advice_schema_is_the_contract_version_the_advice_carries():
    assert ADVICE["properties"]["schema_version"] == {
        "const": SCHEMA_VERSION, "description": ADVICE["properties"]["schema_version"]["description"]}
    assert ADVICE["$id"].endswith(f":advice:{SCHEMA_VERSION}")
    assert str(SCHEMA_VERSION) in ADVICE["title"]


def _described(schema, prop):
    """A description of ten characters or more, its own or (a bare $ref) its definition's."""
    if isinstance(prop, dict) and set(prop) == {"$ref"}:
        prop = schema["$defs"][prop["$ref"].removeprefix("#/$defs/")]
    return isinstance(prop, dict) and len(prop.get("description", "")) >= 10


@pytest.mark.parametrize("name", schemas.NAMES)
def test_every_property_and_definition_says_what_it_means(name):
    schema = schemas.schema(name)
    undescribed = []
    for path, node in walk(schema):
        if "/if" in path or "/then" in path or "/else" in path:
            continue  # conditions restate properties described where they are declared
        for key, prop in {**node.get("properties", {}), **node.get("$defs", {})}.items():
            if not _described(schema, prop):
                undescribed.append(f"{path}/{key}")
    assert undescribed == []


@pytest.mark.parametrize("name", schemas.NAMES)
def test_every_object_with_properties_is_closed(name):
    """additionalProperties: false wherever properties are listed (conditions aside: they only
    narrow properties declared elsewhere). The one open mapping is a message's params."""
    open_objects = [path for path, node in walk(schemas.schema(name))
                    if "properties" in node and node.get("additionalProperties") is not False
                    and not any(f"/{c}" in path for c in ("if", "then", "else"))]
    assert open_objects == []
    params = ADVICE["$defs"]["message"]["properties"]["params"]
    assert params["type"] == "object" and "properties" not in params


def test_the_answers_schema_says_the_tool_accepts_more_than_the_canonical_form():
    words = ANSWERS["description"]
    assert "canonical" in words and "prefixes" in words and "aliases" in words


# --- the answers schema agrees with kb/answers.SPEC ------------------------------------------------

def _choices(prop):
    return [c for c in prop.get("enum", ()) if c is not None]


def _unit_condition(schema, key, inner=None):
    """{units: {minimum, maximum}} from the schema's if-units-is-lb condition on ``key``."""
    for cond in schema.get("allOf", ()):
        if cond.get("if", {}).get("properties", {}).get("units") == {"const": "lb"}:
            then, other = (cond[b]["properties"].get(key) for b in ("then", "else"))
            if then is not None:
                if inner:
                    then, other = then["properties"][inner], other["properties"][inner]
                return {"lb": then, "kg": other}
    return None


def spec_disagreements(schema, spec=SPEC, required=REQUIRED):
    """Where the answers schema and kb's answer spec (with the kb tables the optional answers
    are checked against) say different things; [] when they agree."""
    out = []
    props = schema.get("properties", {})
    if list(props) != list(spec):
        out.append(f"answer keys: schema {list(props)} != spec {list(spec)}")
    if schema.get("additionalProperties") is not False:
        out.append("unknown keys are not refused")
    if schema.get("required") != list(required):
        out.append(f"required: schema {schema.get('required')} != spec {list(required)}")
    for key, entry in spec.items():
        prop = props.get(key, {})
        kind = entry["type"]
        types = prop.get("type") if isinstance(prop.get("type"), list) else [prop.get("type")]
        if kind == "choice" and _choices(prop) != list(entry["choices"]):
            out.append(f"{key}: choices {_choices(prop)} != {list(entry['choices'])}")
        if kind == "text" and prop.get("maxLength") != entry["max_length"]:
            out.append(f"{key}: maxLength {prop.get('maxLength')} != {entry['max_length']}")
        if kind == "int" and (prop.get("minimum"), prop.get("maximum")) != (entry["min"],
                                                                            entry["max"]):
            out.append(f"{key}: range {prop.get('minimum')}-{prop.get('maximum')} != "
                       f"{entry['min']}-{entry['max']}")
        if prop.get("default", "absent") != entry.get("default", "absent"):
            out.append(f"{key}: default {prop.get('default', 'absent')!r} != "
                       f"{entry.get('default', 'absent')!r}")
        takes_null = "null" in types or {"type": "null"} in prop.get("anyOf", ())
        if takes_null == (key in required):
            out.append(f"{key}: null (not given) {'allowed' if takes_null else 'refused'}, but "
                       f"the answer is {'required' if key in required else 'optional'}")
        if "when" in entry:
            other, value = entry["when"]
            ok = any(c.get("if", {}).get("properties", {}).get(other, {}).get("not")
                     == {"const": value} and key in c.get("then", {}).get("required", ())
                     for c in schema.get("allOf", ()))
            if not ok:
                out.append(f"{key}: no condition 'only when {other} is not {value!r}'")
    ranges = {
        ("one_rm", None): {u: ONE_RM_RANGE[u] for u in ONE_RM_RANGE},
        ("recent_set", "weight"): {u: ONE_RM_RANGE[u] for u in ONE_RM_RANGE},
        ("plate_step", None): {u: (PLATE_STEP_MIN[u], 10 * PLATE_STEPS[u]) for u in PLATE_STEPS},
        ("bar_weight", None): dict(BAR_WEIGHT_RANGE),
    }
    for (key, inner), expected in ranges.items():
        found = _unit_condition(schema, key, inner)
        found = found and {u: (r.get("minimum"), r.get("maximum")) for u, r in found.items()}
        if found != expected:
            out.append(f"{key}{'.' + inner if inner else ''}: ranges {found} != {expected}")
    recent = next((s for s in props.get("recent_set", {}).get("anyOf", ())
                   if s.get("type") == "object"), {}).get("properties", {})
    for part, (lo, hi) in (("reps", RECENT_SET_REPS), ("rpe", RECENT_SET_RPE)):
        got = (recent.get(part, {}).get("minimum"), recent.get(part, {}).get("maximum"))
        if got != (lo, hi):
            out.append(f"recent_set.{part}: range {got} != {(lo, hi)}")
    week = props.get("week", {}).get("anyOf", [])
    presets = next((s.get("enum") for s in week if s.get("type") == "string"), None)
    if presets != list(SPLITS):
        out.append(f"week presets {presets} != {list(SPLITS)}")
    days = next((s["propertyNames"].get("enum") for s in week if "propertyNames" in s), None)
    expected_days = [*WEEKDAYS, *(DAY_NAMES[d].lower() for d in WEEKDAYS)]
    if days != expected_days:
        out.append(f"week days {days} != {expected_days}")
    return out


def test_the_answers_schema_agrees_with_the_answer_spec():
    assert spec_disagreements(ANSWERS) == []


def _without_choice(schema, key, choice):
    prop = schema["properties"][key]
    prop["enum"] = [c for c in prop["enum"] if c != choice]


ANSWER_MUTATIONS = {
    "a choice removed": (lambda s: _without_choice(s, "goal", "power"), "goal: choices"),
    "a variation removed": (lambda s: _without_choice(s, "variation", "sumo"), "variation"),
    "another default": (lambda s: s["properties"]["placement"].update(default="leg_day"),
                        "placement: default"),
    "another range": (lambda s: s["properties"]["back_days_per_week"].update(maximum=7),
                      "back_days_per_week: range"),
    "a unit range": (lambda s: s["allOf"][1]["then"]["properties"]["one_rm"].update(maximum=900),
                     "one_rm: ranges"),
    "a preset removed": (lambda s: s["properties"]["week"]["anyOf"][0]["enum"].remove("body_part"),
                         "week presets"),
    "the injury condition gone": (lambda s: s["allOf"].pop(0), "injury_stage: no condition"),
    "a key dropped": (lambda s: s["properties"].pop("max_lift"), "answer keys"),
    "unknown keys let in": (lambda s: s.pop("additionalProperties"), "unknown keys"),
}


@pytest.mark.parametrize("mutation", ANSWER_MUTATIONS)
def test_the_spec_comparison_fails_on_a_changed_copy_of_the_schema(mutation):
    change, expected = ANSWER_MUTATIONS[mutation]
    mutated = copy.deepcopy(ANSWERS)
    change(mutated)
    found = spec_disagreements(mutated)
    assert any(expected in line for line in found), found
    assert spec_disagreements(ANSWERS) == []  # the shipped one is untouched


def test_a_new_choice_in_kb_without_a_schema_update_fails_the_comparison():
    spec = copy.deepcopy(SPEC)
    spec["season_phase"]["choices"] += ("deload",)
    found = spec_disagreements(ANSWERS, spec=spec)
    assert found and "season_phase: choices" in found[0]


# --- the advice schema agrees with kb/ -------------------------------------------------------------

def _muscles():
    found = set()
    for v in VARIATIONS.values():
        found |= {*v["primary"], *v["secondary"], *v["stabilizers"]}
    for e in EXERCISES.values():
        found |= set(e["trains"])
    for a in INJURY_AREAS.values():
        found |= set(a["muscles"])
    return sorted(found)


def _choice(key):
    return list(SPEC[key]["choices"])


# $defs whose values are kb's (or the answer spec's): each must list exactly these.
KB_VOCABULARIES = {
    "source": lambda: list(SOURCES),
    "variation": lambda: list(VARIATIONS),
    "category": lambda: list(CATEGORIES),
    "role": lambda: sorted({v["role"] for v in VARIATIONS.values()}),
    "goal": lambda: _choice("goal"),
    "experience": lambda: _choice("experience"),
    "season_phase": lambda: _choice("season_phase"),
    "injury_area": lambda: list(INJURY_AREAS),
    "injured_area": lambda: [a for a in INJURY_AREAS if a != "none"],
    "injury_stage": lambda: list(STAGES),
    "placement_answer": lambda: _choice("placement"),
    "session": lambda: list(DAYS),
    "units": lambda: _choice("units"),
    "split": lambda: list(SPLITS),
    "weekday": lambda: list(WEEKDAYS),
    "muscle": _muscles,
    "exercise": lambda: list(EXERCISES),
    "limit": lambda: list(LIMITS),
    "evidence": lambda: list(dict.fromkeys(v["evidence"] for v in VARIATIONS.values())),
    # the disclaimer is said as the disclaimer, never as a warning or a recommendation
    "message_id": lambda: [m for m in MESSAGE_PREMISES if m != "not_medical_advice"],
    "rest_hours": lambda: sorted(RECOVERY_HOURS.values()),
    "max_lift": lambda: _choice("max_lift"),
    "lift": lambda: [c for c in _choice("max_lift") if c != "auto"],
    "basis": lambda: [k for k in SPEC if k in ("one_rm", "recent_set")],
    "implement": lambda: list(dict.fromkeys(IMPLEMENT_OF.values())),
}
# $defs whose values the rules themselves name (no kb table lists them): held true by the
# validation of every sweep profile and the stride of the space below.
RULE_VOCABULARIES = {"intensity", "injury_intensity", "entry_intensity", "week_session",
                     "conflict_reason"}


def kb_disagreements(schema):
    """Where the advice schema's vocabularies and kb/ differ; [] when they agree."""
    defs = schema.get("$defs", {})
    out = [f"$defs/{name}: {defs.get(name, {}).get('enum')} != {truth()}"
           for name, truth in KB_VOCABULARIES.items() if defs.get(name, {}).get("enum") != truth()]
    profile = defs.get("profile", {}).get("properties", {})
    if list(profile) != list(SPEC):
        out.append(f"profile keys {list(profile)} != the answer spec's {list(SPEC)}")
    days = defs.get("schedule", {}).get("properties", {}).get("days", {}).get("required")
    if days != list(WEEKDAYS):
        out.append(f"schedule days {days} != {list(WEEKDAYS)}")
    return out


def test_the_advice_schema_vocabularies_are_kbs():
    assert kb_disagreements(ADVICE) == []


def test_every_enumeration_of_the_advice_schema_is_a_named_vocabulary():
    """An enum written inline, or a definition neither compared with kb nor named as the rules'
    own, would escape the comparison above."""
    places = [path for path, node in walk(ADVICE) if "enum" in node]
    names = {p.removeprefix("#/$defs/") for p in places}
    assert all(p.startswith("#/$defs/") and "/" not in p.removeprefix("#/$defs/") for p in places)
    assert names == set(KB_VOCABULARIES) | RULE_VOCABULARIES


def test_every_rule_id_fits_the_rule_id_pattern():
    import re

    from deadlift_advisor.rules import RULES

    pattern = re.compile(ADVICE["$defs"]["rule_id"]["pattern"])
    assert [r for r in RULES if not pattern.search(r)] == []


ADVICE_DEF_MUTATIONS = {
    "a source removed": lambda d: d["source"]["enum"].remove("seed-article"),
    "an exercise removed": lambda d: d["exercise"]["enum"].remove("back_squat"),
    "a muscle added": lambda d: d["muscle"]["enum"].append("neck"),
    "a message id removed": lambda d: d["message_id"]["enum"].pop(),
    "a profile key dropped": lambda d: d["profile"]["properties"].pop("week"),
}


@pytest.mark.parametrize("mutation", ADVICE_DEF_MUTATIONS)
def test_the_kb_comparison_fails_on_a_changed_copy_of_the_schema(mutation):
    mutated = copy.deepcopy(ADVICE)
    ADVICE_DEF_MUTATIONS[mutation](mutated["$defs"])
    assert kb_disagreements(mutated) != []


# --- every advice validates ----------------------------------------------------------------------

def check_profiles(profiles, describe, save_answers=True):
    """Each profile's advice against the advice schema, the profile itself (answers as given)
    and the answers file --save-answers would write for it against the answers schema."""
    failures = []
    for answers in profiles:
        advice = deadlift_advisor.advise(answers)
        found = [f"advice {p}" for p in problems(ADVICE_VALIDATOR, advice.to_dict())]
        found += [f"answers {p}" for p in problems(ANSWERS_VALIDATOR, answers)]
        if save_answers:
            saved = yaml.safe_load(answers_yaml(advice.profile, answers))
            found += [f"saved answers {p}" for p in problems(ANSWERS_VALIDATOR, saved)]
        if found:
            failures.append((answers, found))
    if failures:
        lines = [f"{len(failures)} of {len(profiles)} profiles break the schemas"]
        for answers, found in failures[:SHOW]:
            lines.append(f"  {describe(answers)}:")
            lines += [f"    - {p}" for p in found[:5]]
        pytest.fail("\n".join(lines), pytrace=False)


def test_a_sample_of_advice_validates(stratified_sample, describe):
    """The quick run's share: a profile per variation, placement and injury stage, and the first
    slice of the sweep (loads, weeks, injuries)."""
    profiles = stratified_sample(lambda p: (p["variation"], p["placement"],
                                            p.get("injury_stage")), 1)
    profiles += list(itertools.islice(kbcheck.optional_sweep(), kbcheck.SWEEP_TASK))
    assert len(profiles) >= 300
    check_profiles(profiles, describe)


SWEEP_TASKS = [task for task in kbcheck._tasks() if task[0] == "sweep"]


@pytest.mark.whole_space
@pytest.mark.parametrize("task", SWEEP_TASKS, ids=[f"sweep-{start}" for _, start, _ in SWEEP_TASKS])
def test_every_sweep_profile_validates(task, describe):
    profiles = kbcheck._profiles(task)
    assert profiles, f"task {task} is empty"
    check_profiles(profiles, describe)


def test_the_sweep_tasks_cover_the_whole_sweep():
    covered = [p for task in SWEEP_TASKS for p in kbcheck._profiles(task)]
    assert covered == list(kbcheck.optional_sweep())


# A deterministic stride through the whole space: validating all ~342,000 advices with jsonschema
# would take about half an hour on two cores (5 ms each; the engine's own run is a few minutes),
# so every 37th profile (about 9,200) is checked. 37 is prime, coprime to every dimension of the
# space, so the stride reaches every combination checked in the next test.
STRIDE = 37
CHUNKS = 8


def _stride(space):
    return space[::STRIDE]


def test_the_stride_reaches_every_value_and_combination_of_the_space(space):
    sample = _stride(space)
    assert len(sample) >= 9000
    keys = [*SPACE_KEYS, "injury_stage"]
    for combo in [*((k,) for k in keys), ("variation", "goal", "experience"),
                  ("variation", "placement", "injury_area", "injury_stage"),
                  ("variation", "season_phase", "back_days_per_week"),
                  ("goal", "experience", "placement", "injury_stage")]:
        def seen(profiles, combo=combo):
            return {tuple(p.get(k) for k in combo) for p in profiles}
        assert seen(sample) == seen(space), combo


@pytest.mark.whole_space
@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_a_stride_of_the_whole_space_validates(chunk, space, describe):
    profiles = _stride(space)[chunk::CHUNKS]
    assert len(profiles) > 1000
    check_profiles(profiles, describe, save_answers=False)


# --- an advice that breaks the contract fails --------------------------------------------------------

# Loads, a week, an injury that rules the variation out (so an alternative) and follow-ups.
FULL = {"variation": "romanian", "goal": "strength", "experience": "intermediate",
        "injury_area": "hamstring", "injury_stage": "recovering", "one_rm": 200,
        "week": "upper_lower"}
WITH_FOLLOW_UPS = {"variation": "conventional", "goal": "strength", "experience": "advanced",
                   "placement": "leg_day", "recent_set": "150x5@8", "week": "push_pull_legs"}


def _perform_false_with_numbers(a):
    a["prescription"]["perform"] = False
    assert a["prescription"]["sets"] is not None


ADVICE_MUTATIONS = {
    # required keys removed
    "no trace": (WITH_FOLLOW_UPS, lambda a: a.pop("trace"), "$"),
    "no category": (WITH_FOLLOW_UPS, lambda a: a["classification"].pop("category"),
                    "$.classification"),
    "no perform": (FULL, lambda a: a["alternative"]["prescription"].pop("perform"),
                   "$.alternative.prescription"),
    "no disclaimer": (WITH_FOLLOW_UPS, lambda a: a.pop("disclaimer"), "$"),
    "loads without their plate step": (WITH_FOLLOW_UPS,
                                       lambda a: a["prescription"].pop("plate_step"),
                                       "$.prescription"),
    # wrong enumeration values
    "a category that is not one": (WITH_FOLLOW_UPS,
                                   lambda a: a["classification"].update(category="arms"),
                                   "$.classification.category"),
    "a follow-up intensity that is not one": (
        WITH_FOLLOW_UPS, lambda a: a["follow_ups"][0].update(intensity="maximal"),
        "$.follow_ups[0].intensity"),
    "an unknown source": (FULL, lambda a: a["warnings"][0]["sources"].append("made-up-2099"),
                          "$.warnings[0].sources"),
    "an unknown muscle": (WITH_FOLLOW_UPS,
                          lambda a: a["classification"]["primary_movers"].append("neck"),
                          "$.classification.primary_movers"),
    "a session that is not one": (FULL, lambda a: a["schedule"]["days"]["mon"].update(
        session="gym"), "$.schedule.days.mon.session"),
    "another schema version": (FULL, lambda a: a.update(schema_version=1), "$.schema_version"),
    # structure and the documented conditions
    "a key the contract lacks": (FULL, lambda a: a["placement"].update(extra=1), "$.placement"),
    "a conclusion without a reason": (FULL, lambda a: a["recommendations"][0].update(because=[]),
                                      "$.recommendations[0].because"),
    "numbers without a deadlift": (WITH_FOLLOW_UPS, _perform_false_with_numbers,
                                   "$.prescription"),
    "a range of three": (WITH_FOLLOW_UPS, lambda a: a["prescription"]["rpe"].append(9.5),
                         "$.prescription.rpe"),
    "RPE above 10": (WITH_FOLLOW_UPS, lambda a: a["prescription"]["loads"][0].update(rpe=11),
                     "$.prescription.loads[0].rpe"),
    "a week without Sunday": (FULL, lambda a: a["schedule"]["days"].pop("sun"),
                              "$.schedule.days"),
    "a rule id that is not one": (FULL, lambda a: a["trace"].append("Not A Rule"), "$.trace[")
}


@pytest.fixture(scope="module")
def real_advice():
    return {name: deadlift_advisor.advise(answers).to_dict()
            for name, answers in (("FULL", FULL), ("WITH_FOLLOW_UPS", WITH_FOLLOW_UPS))}


def test_the_advice_the_mutations_start_from_is_valid_and_has_every_part(real_advice):
    for advice in real_advice.values():
        assert problems(ADVICE_VALIDATOR, advice) == []
    full = real_advice["FULL"]
    assert full["alternative"] and full["schedule"] and full["warnings"]
    assert real_advice["WITH_FOLLOW_UPS"]["follow_ups"]
    assert real_advice["WITH_FOLLOW_UPS"]["prescription"]["loads"]


@pytest.mark.parametrize("mutation", ADVICE_MUTATIONS)
def test_an_advice_that_breaks_the_contract_fails_validation(mutation, real_advice):
    start, change, where = ADVICE_MUTATIONS[mutation]
    advice = copy.deepcopy(real_advice["FULL" if start is FULL else "WITH_FOLLOW_UPS"])
    change(advice)
    found = problems(ADVICE_VALIDATOR, advice)
    assert found, f"{mutation}: still valid"
    assert any(line.startswith(where) for line in found), found


# --- answers files -----------------------------------------------------------------------------------

ANSWER_FILES = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".json", ".yaml", ".yml"))


def test_there_are_bundled_answers_files():
    assert {p.suffix for p in ANSWER_FILES} >= {".json", ".yaml"}


@pytest.mark.parametrize("path", ANSWER_FILES, ids=lambda p: p.name)
def test_a_bundled_answers_file_validates_and_the_tool_accepts_it(path):
    from deadlift_advisor.answer_files import load_answers

    answers = load_answers(str(path))
    assert problems(ANSWERS_VALIDATOR, answers) == []
    validate(answers)


# Structural mistakes: both the schema and the tool refuse them.
STRUCTURALLY_WRONG = {
    "an unknown key": {"variaton": "sumo"},
    "a list for a choice": {"goal": ["strength"]},
    "a list for a whole number": {"back_days_per_week": [1]},
    "a mapping for the name": {"athlete": {"first": "Sam"}},
    "a list for a recent set": {"recent_set": [140, 5, 8]},
    "a number for a week": {"week": 5},
}


@pytest.mark.parametrize("mistake", STRUCTURALLY_WRONG)
def test_a_structural_mistake_is_refused_by_the_schema_and_by_the_tool(mistake):
    answers = {"variation": "conventional", "goal": "strength", "experience": "novice",
               **STRUCTURALLY_WRONG[mistake]}
    assert problems(ANSWERS_VALIDATOR, answers) != []
    with pytest.raises(AnswerError):
        validate(answers)


def test_the_injury_stage_condition():
    base = {"variation": "conventional", "goal": "strength", "experience": "novice"}
    assert problems(ANSWERS_VALIDATOR, {**base, "injury_area": "knee",
                                        "injury_stage": "cleared"}) == []
    assert problems(ANSWERS_VALIDATOR, {**base, "injury_area": "knee"}) != []
    assert problems(ANSWERS_VALIDATOR, {**base, "injury_stage": "acute"}) != []
    assert problems(ANSWERS_VALIDATOR, {**base, "injury_area": "none",
                                        "injury_stage": None}) == []


def test_weights_are_read_in_the_units_given():
    base = {"variation": "conventional", "goal": "strength", "experience": "novice"}
    assert problems(ANSWERS_VALIDATOR, {**base, "one_rm": 900, "units": "lb"}) == []
    assert problems(ANSWERS_VALIDATOR, {**base, "one_rm": 900}) != []  # kg by default
    assert problems(ANSWERS_VALIDATOR, {**base, "plate_step": 50, "units": "lb"}) == []
    assert problems(ANSWERS_VALIDATOR, {**base, "recent_set": {"weight": 30, "reps": 5, "rpe": 8},
                                        "units": "lb"}) != []


# --- the command -----------------------------------------------------------------------------------

@pytest.mark.parametrize("args, name", [((), "advice"), (("advice",), "advice"),
                                        (("answers",), "answers")])
def test_the_schema_command_prints_the_shipped_file(args, name):
    run = run_inproc(["schema", *args])
    assert run.code == 0 and run.stderr == "" and run.exception is None
    shipped = (REPO / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")
    assert run.stdout == shipped
    assert json.loads(run.stdout) == schemas.schema(name)


def test_the_installed_script_finds_the_schemas_it_ships():
    run = run_script(["schema", "answers"])
    assert run.code == 0, run.stderr
    assert json.loads(run.stdout)["$id"] == ANSWERS["$id"]


def test_schema_o_writes_the_file_and_keeps_an_existing_one_without_force(tmp_path):
    target = tmp_path / "answers.schema.json"
    run = run_inproc(["schema", "answers", "-o", target])
    assert run.code == 0 and run.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8")) == ANSWERS
    target.write_text("mine", encoding="utf-8")
    assert_one_line_error(run_inproc(["schema", "-o", target]), str(target.name))
    assert target.read_text(encoding="utf-8") == "mine"
    run = run_inproc(["schema", "-o", target, "--force"])
    assert run.code == 0
    assert json.loads(target.read_text(encoding="utf-8")) == ADVICE


def test_an_unknown_schema_name_is_one_line():
    assert_one_line_error(run_inproc(["schema", "nonsense"]), "advice", "answers")


def test_the_schema_files_are_package_data():
    """Every file in schemas/ matches a package_data pattern, so a wheel carries it."""
    config = configparser.ConfigParser()
    config.read(REPO / "setup.cfg", encoding="utf-8")
    patterns = [p.strip() for p in config["options.package_data"]["deadlift_advisor"].split(",")]
    files = sorted((REPO / "schemas").iterdir())
    assert [f.name for f in files] == [f"{n}.schema.json" for n in sorted(schemas.NAMES)]
    for f in files:
        assert any(fnmatch.fnmatch(f"schemas/{f.name}", p) for p in patterns), f.name
