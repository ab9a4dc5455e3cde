"""`deadlift-advisor explain` as a person reads it, and `explain --why-not` as an honest answer.

The text: no line wider than the width asked for, no word broken, no raw data (dicts, lists,
ids) where words belong, every rule of the trace listed once with the number of times it fired,
the loads and the week's day stated with their rules. Checked over a stride of the whole input
space (kb.enumerated_space) and over profiles with weights and weeks, at 60, 80 and 100 columns.

--why-not: whatever single-answer change it names really produces the target when the advice is
asked again (the honesty invariant), over a broad sample of profiles and targets; what it says is
present is present; an injury is never offered as a change; and the checker itself is shown to
fail on a deliberately wrong answer.
"""

import collections
import json
import re

import pytest

from deadlift_advisor import advise, why_not
from deadlift_advisor.explain import trail
from deadlift_advisor.kb import enumerated_space
from deadlift_advisor.kb.answers import SPEC
from deadlift_advisor.render import TRAIL_WIDTHS, render_trail, trail_width
from deadlift_advisor.rules import RULES
from helpers import EXAMPLES, assert_one_line_error, run_inproc

WIDTHS = (60, 80, 100)
SPACE = list(enumerated_space())
STRIDE = SPACE[::211]  # about 1,600 profiles, every answer value among them

WEEKS = ["upper_lower", "full_body", "push_pull_legs", "body_part", "powerlifting", {
    "mon": "deadlift, squat, leg press", "tue": "bench, barbell row",
    "wed": "good mornings, RDL", "thu": "rack pulls, pull-ups", "fri": "squat, lunges",
    "sat": "zercher squat"}]
LOADS = [{}, {"one_rm": 180}, {"recent_set": "150x5@8"}, {"recent_set": "120x12@6"},
         {"one_rm": 405, "units": "lb", "plate_step": 10}, {"one_rm": 180, "recent_set": "160x3@9",
                                                            "max_lift": "conventional"}]
LOADED = [{**p, **loads, "week": week}
          for i, p in enumerate(SPACE[::4001]) for week in WEEKS[i % 3::3]
          for loads in LOADS[i % 2::2]]
PROFILES = STRIDE + LOADED

# Words the user types in answers, which message texts may quote ("set max_lift: variation").
ANSWER_KEYS = set(SPEC)
RULE_IDS = sorted(RULES, key=len, reverse=True)
SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")


def text_of(answers, width):
    return render_trail(advise(answers), "txt", width)


def raw_data(text):
    """What in the text looks like data instead of words: braces, lists of numbers, Python
    values, snake_case ids (rule ids, the citations, and the user's own answer keys aside)."""
    found = [piece for piece in ("{", "}", '": ', "None", "True", "False") if piece in text]
    found += re.findall(r"\[\s*[\d\"']", text)
    for rule_id in RULE_IDS:
        text = text.replace(rule_id, "")
    found += [w for w in SNAKE.findall(text) if w not in ANSWER_KEYS]
    return found


def firing_list(text):
    """(step, rule id, count, subjects) per entry of "Rules in the order they first fired"."""
    start = text.index("Rules in the order they first fired")
    section = text[text.index("rules):", start):].split("\n")[1:]
    entries = []
    for line in section:
        if re.match(r"^\s*\d+\. ", line):
            entries.append(line.strip())
        elif line.strip():
            entries[-1] += " " + line.strip()
    out = []
    for entry in entries:
        m = re.match(r"^(\d+)\. ([a-z_]+\.[a-z0-9_]+)(?: \([K\d, ]+\))?"
                     r"( fired (\d+) times \(steps [\d–, ]+\))?(?:: for ([^.]*)\.)?", entry)
        assert m, entry
        out.append((int(m[1]), m[2], int(m[4]) if m[3] else 1, m[5]))
    return out


# --- the text ----------------------------------------------------------------------------------

@pytest.mark.parametrize("width", WIDTHS)
def test_no_line_is_wider_than_the_width_and_nothing_is_raw(width):
    for answers in PROFILES:
        text = text_of(answers, width)
        wide = [line for line in text.split("\n") if len(line) > width]
        assert not wide, (answers, wide[:3])
        assert not raw_data(text), (answers, raw_data(text)[:5])


def test_no_word_is_broken_to_fit():
    # A word broken at 60 columns would read as two different words there and as one at 100.
    for answers in PROFILES[::7]:
        advice = advise(answers)
        narrow, wide = (render_trail(advice, "txt", w).split() for w in (60, 100))
        assert narrow == wide, answers


def test_each_rule_is_listed_once_with_the_times_it_fired():
    for answers in PROFILES[::5]:
        advice = advise(answers)
        listed = firing_list(render_trail(advice, "txt", 60))
        counts = collections.Counter(advice.trace)
        assert [rule for _, rule, _, _ in listed] == list(dict.fromkeys(advice.trace)), answers
        for step, rule, count, subjects in listed:
            assert count == counts[rule], (answers, rule)
            assert advice.trace[step - 1] == rule
            if subjects:
                assert len(subjects.split(", ")) == count


def test_a_rule_firing_once_per_day_names_the_days():
    text = text_of({**SPACE[0], "week": "upper_lower"}, 100)
    [entry] = [e for e in firing_list(text) if e[1] == "sched.read_day"]
    assert entry[2:] == (7, "Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday")
    # and the justification is printed once, not seven times
    assert text.count("Each day of your week is read as") == 1


def test_the_example_reads_as_sentences():
    text = run_inproc(["explain", "--no-input", "--answers", EXAMPLES / "answers.yaml",
                       "--width", "80"]).stdout
    flat = " ".join(text.split())
    assert "Classification: Conventional deadlift is a leg exercise." in flat
    assert "Placement: Conventional deadlift goes on leg day, first exercise of the session." \
        in flat
    assert ("Prescription: 3–5 sets × 2–5 reps · RPE 7.5–9 · about 80–92% of 1RM. "
            "Maximal efforts: yes, as a planned test only.") in flat
    assert "Weights: 170 kg × 2, then 2–4 sets of 147.5 kg × 5. 1RM taken as 185 kg, from your " \
        "recent set." in flat
    assert "Your week: The deadlift goes on Tuesday, a leg day, then 72 hours without heavy " \
        "posterior-chain work (Wednesday and Thursday)." in flat
    assert "After the deadlift: Back squat, Leg press and Hamstring curl: reduced intensity." \
        in flat
    # the same rule under a later conclusion points back instead of repeating itself
    assert "because classify.conventional (K1): same reason as Classification." in flat


def test_loads_and_the_day_are_conclusions_with_their_rules_and_sources():
    advice = advise({**SPACE[0], "one_rm": 180, "week": "upper_lower"})
    t = json.loads(render_trail(advice, "json"))
    kinds = {c["kind"]: c for c in t["conclusions"]}
    loads, day = kinds["loads"], kinds["day"]
    assert [r["rule"] for r in loads["rules"]] == advice.prescription["load_because"]
    assert {s["key"] for s in loads["sources"]} == set(advice.prescription["load_sources"])
    assert loads["value"]["one_rm"] == advice.prescription["estimated_1rm"]["value"]
    assert f"{advice.prescription['loads'][0]['weight']:g} kg ×" in loads["statement"]
    assert day["value"] == advice.schedule["deadlift_day"]
    assert "sched.choose_day" in [r["rule"] for r in day["rules"]]
    assert day["statement"].startswith("The deadlift goes on ")


def test_json_keeps_every_key_it_had():
    # Other people's scripts read it: the old conclusions come first, as they were; new keys
    # and conclusions only add to them.
    for answers in [*STRIDE[::50], *LOADED[::20]]:
        advice = advise(answers)
        old, new = trail(advice), json.loads(render_trail(advice, "json"))
        assert new["profile"] == json.loads(json.dumps(old["profile"]))
        assert new["fired"] == old["fired"]
        for was, now in zip(old["conclusions"], new["conclusions"][:len(old["conclusions"])],
                            strict=True):
            assert {k: now[k] for k in ("conclusion", "value", "rules", "sources")} == \
                json.loads(json.dumps({k: was[k] for k in ("conclusion", "value", "rules",
                                                           "sources")}))
            assert now["statement"] and now["title"]
        extra = new["conclusions"][len(old["conclusions"]):]
        assert {c["kind"] for c in extra} <= {"day", "loads", "alternative"}
        assert [g["rule"] for g in new["rules_fired"]] == list(dict.fromkeys(advice.trace))


def test_the_width_follows_the_terminal_within_bounds(monkeypatch):
    assert TRAIL_WIDTHS == (60, 100)
    for columns, expected in (("40", 60), ("72", 72), ("200", 100)):
        monkeypatch.setenv("COLUMNS", columns)
        assert trail_width() == expected
    assert trail_width(30) == 60 and trail_width(90) == 90


def test_the_cli_wraps_at_the_terminal_width(monkeypatch):
    monkeypatch.setenv("COLUMNS", "64")
    r = run_inproc(["explain", "--no-input", "--answers", EXAMPLES / "answers.yaml"])
    assert r.code == 0, r.stderr
    assert max(map(len, r.stdout.split("\n"))) <= 64


# --- why not -------------------------------------------------------------------------------------

TARGETS = ["back_day", "leg_day", "full_body", "own_day", "max_effort", "deadlift", "sumo",
           "trap_bar", "rack pull", "back squat", "hamstring curl", "barbell row"]
WHY_PROFILES = SPACE[::997] + [{**p, "week": w} for p in SPACE[::40009]
                               for w in ("upper_lower", "push_pull_legs")]
INJURY_KEYS = ("injury_area", "injury_stage")


def has(advice, kind, target):
    """Whether TARGET is in the advice, read off the advice independently of why_not."""
    a = advice.to_dict()
    r, alt = a["prescription"], a["alternative"]
    if kind == "day":
        return a["placement"]["day"] == target
    if target == "max_effort":
        return r["max_effort"] is True
    if kind == "feature":
        return r["perform"] is True
    if kind == "variation":
        own = a["profile"]["variation"] == target and r["perform"]
        offered = alt is not None and alt["variation"] == target and alt["prescription"]["perform"]
        return bool(own or offered)
    return any(f["exercise"] == target and f["intensity"] in ("full", "reduced")
               for f in a["follow_ups"])


def with_change(answers, key, value):
    out = {**answers, key: value}
    if key == "injury_area" and value == "none":
        out.pop("injury_stage", None)
    return out


def check_honest(answers, result):
    """The honesty invariant for one answer of --why-not."""
    kind, target = result["target"]["kind"], result["target"]["id"]
    assert result["present"] == has(advise(answers), kind, target), "present is misreported"
    if result["present"]:
        assert not result["changes"] and not result["reasons"]
    for change in result["changes"]:
        assert change["key"] not in INJURY_KEYS, f"an injury offered as a change: {change}"
        assert has(advise(with_change(answers, change["key"], change["value"])), kind, target), \
            f"{change} does not produce {target}"
    if result["injury_rules_it_out"]:
        injured = advise(answers).profile["injury_area"] != "none"
        assert injured, "an injury blamed where there is none"
        assert any(has(advise(with_change(answers, key, value)), kind, target)
                   for key, value in [("injury_area", "none"), *(
                       ("injury_stage", s) for s in SPEC["injury_stage"]["choices"])]
                   if not (key == "injury_stage" and value == answers.get("injury_stage"))), \
            "no injury answer would produce it"


@pytest.mark.parametrize("target", TARGETS)
def test_why_not_names_only_changes_that_really_produce_the_target(target):
    for answers in WHY_PROFILES:
        check_honest(answers, why_not.answer(answers, target))


def test_why_not_misses_no_single_change():
    # The search itself, redone here over every value of every answer, finds the same changes.
    for answers in SPACE[::9973]:
        for target in ("back_day", "max_effort", "back squat"):
            result = why_not.answer(answers, target)
            if result["present"]:
                continue
            t = why_not.resolve(target)
            profile = advise(answers).profile
            expected = set()
            for key, spec in SPEC.items():
                if key in INJURY_KEYS or spec["type"] not in ("choice", "int"):
                    continue
                values = (spec["choices"] if spec["type"] == "choice"
                          else range(spec["min"], spec["max"] + 1))
                for value in values:
                    if value != profile[key] and not (
                            key == "max_lift" and value == "auto") and \
                            has(advise(with_change(answers, key, value)), t.kind, t.id):
                        expected.add((key, value))
            assert {(c["key"], c["value"]) for c in result["changes"]} == expected, answers


def test_the_honesty_check_fails_on_a_wrong_answer():
    answers = {"variation": "conventional", "goal": "strength", "experience": "intermediate"}
    result = why_not.answer(answers, "back_day")
    check_honest(answers, result)  # the true answer passes
    assert {"key": "placement", "value": "back_day", "was": "auto"} in result["changes"]
    wrong = {**result, "changes": [*result["changes"],
                                   {"key": "goal", "value": "hypertrophy", "was": "strength"}]}
    with pytest.raises(AssertionError, match="does not produce"):
        check_honest(answers, wrong)
    with pytest.raises(AssertionError, match="present is misreported"):
        check_honest(answers, {**result, "present": True})
    injured = {**answers, "injury_area": "knee", "injury_stage": "recovering"}
    with pytest.raises(AssertionError, match="an injury offered as a change"):
        check_honest(injured, {**why_not.answer(injured, "max_effort"),
                               "changes": [{"key": "injury_area", "value": "none"}]})


def test_an_injury_is_what_rules_it_out_never_a_change_to_make():
    answers = {"variation": "romanian", "goal": "strength", "experience": "intermediate",
               "injury_area": "hamstring", "injury_stage": "recovering"}
    result = why_not.answer(answers, "deadlift")
    assert result["injury_rules_it_out"]
    assert all(c["key"] not in INJURY_KEYS for c in result["changes"])
    assert any(r["injury"] and r["rules"][0]["rule"] == "safety.hamstring_lengthening"
               for r in result["reasons"])
    text = " ".join(render_trail(advise(answers), "txt", 80, why_not=result).split())
    assert "Your injury (hamstring, recovering) is what rules it out." in text
    assert "for a qualified professional" in text
    assert "if you answered Injury" not in text


@pytest.mark.parametrize("target", TARGETS)
def test_why_not_text_fits_and_is_words(target):
    for answers in WHY_PROFILES[::4]:
        advice = advise(answers)
        result = why_not.answer(answers, target, advice)
        for width in WIDTHS:
            text = render_trail(advice, "txt", width, why_not=result)
            assert max(map(len, text.split("\n"))) <= width, (answers, target, width)
            assert not raw_data(text), (answers, target, raw_data(text)[:5])


def test_why_not_says_when_the_target_is_there():
    answers = {"variation": "conventional", "goal": "strength", "experience": "intermediate"}
    r = run_inproc(["explain", "--no-input", "--set", "variation=conventional",
                    "--set", "goal=strength", "--set", "experience=intermediate",
                    "--why-not", "leg_day", "--width", "80"])
    assert r.code == 0, r.stderr
    assert "Yes: leg day is where your deadlift goes." in r.stdout
    assert why_not.answer(answers, "leg_day")["present"]


def test_why_not_answers_the_examples_from_the_rules():
    answers = {"variation": "conventional", "goal": "strength", "experience": "intermediate"}
    own_day = why_not.answer(answers, "own_day")
    assert own_day["target"] == {"kind": "day", "id": "dedicated_day"}
    assert [r["rules"][0]["rule"] for r in own_day["reasons"]] == [
        "place.allow_dedicated_day", "place.auto_leg_day"]
    assert own_day["changes"] == [{"key": "experience", "value": "advanced",
                                   "was": "intermediate"}]
    novice = why_not.answer({**answers, "experience": "novice"}, "max_effort")
    assert "rx.novice_low_intensity" in [r["rules"][0]["rule"] for r in novice["reasons"]]
    power = why_not.answer({**answers, "goal": "power"}, "max_effort")
    assert power["reasons"][0]["why"] == "goal_band"
    curl = why_not.answer({**answers, "placement": "back_day"}, "hamstring curl")
    assert curl["reasons"][0]["why"] == "not_in_menu"
    assert {"key": "placement", "value": "leg_day", "was": "back_day"} in curl["changes"]


def test_why_not_reads_targets_as_people_type_them():
    assert why_not.resolve("Back Day") == ("day", "back_day")
    assert why_not.resolve("own-day") == ("day", "dedicated_day")
    assert why_not.resolve("max_effort") == ("feature", "max_effort")
    assert why_not.resolve("RDL") == ("variation", "romanian")
    assert why_not.resolve("trap bar") == ("variation", "trap_bar")
    assert why_not.resolve("back squat") == ("exercise", "back_squat")
    assert why_not.resolve("good mornings") == ("exercise", "good_morning")


@pytest.mark.parametrize("typed, hint", [("bak_day", "did you mean 'back_day'?"),
                                         ("max_efort", "did you mean 'max_effort'?"),
                                         ("zzzz", "")])
def test_an_unknown_target_is_one_line(typed, hint):
    r = run_inproc(["explain", "--no-input", "--answers", EXAMPLES / "answers.yaml",
                    "--why-not", typed])
    line = assert_one_line_error(r, "--why-not", "training day", "feature", "variation",
                                 "exercise", hint)
    assert r.stdout == ""
    assert len(line) < 300


def test_why_not_json_is_the_answer_as_data():
    r = run_inproc(["explain", "--no-input", "--answers", EXAMPLES / "answers.yaml",
                    "--why-not", "own_day", "--format", "json"])
    assert r.code == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["target"] == {"kind": "day", "id": "dedicated_day"}
    assert data["present"] is False and data["tried"] > 20
    assert {"key": "experience", "value": "advanced", "was": "intermediate"} in data["changes"]
