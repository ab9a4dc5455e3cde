"""The command line as a user sees it: standard output, standard error, exit codes, files.

Happy paths run in-process (click's CliRunner) and, where it matters, through a real subprocess of
the installed console script, so that real stderr, real exit codes and the absence of a Python
traceback are checked too. Every bad input runs through both.
"""

import json
import os
import shlex
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from deadlift_advisor import __version__
from helpers import (EXAMPLES, SCRIPT, VALID_YAML, run_inproc, run_script, temp_files)
from helpers import assert_one_line_error as _one_line_error

BIN = Path(sys.executable).parent

CONTRACT_KEYS = {
    "schema_version", "version", "profile", "classification", "placement", "prescription",
    "follow_ups", "recovery", "warnings", "recommendations", "disclaimer", "references", "trace",
    "schedule", "alternative",
}
PROFILE_KEYS = ["athlete", "variation", "goal", "experience", "season_phase", "injury_area",
                "injury_stage", "placement", "back_days_per_week", "units",
                "one_rm", "recent_set", "plate_step", "week", "bar_weight", "plates", "max_lift"]
# The allowed values as README's "Answer keys" table lists them.
VARIATIONS = ("conventional, sumo, romanian, stiff_leg, single_leg_romanian, step_romanian, "
              "trap_bar, high_handle_trap_bar, rack_pull, block_pull, deficit, snatch_grip")
GOALS = "strength, hypertrophy, power, powerlifting, general_fitness"
REQUIRED_SETS = ("--set", "variation=sumo", "--set", "goal=strength",
                 "--set", "experience=novice")


# --- running the CLI ---------------------------------------------------------------------------------

@pytest.fixture(params=["inproc", "subprocess"])
def cli(request):
    """Runs the CLI both ways: in-process and as a real console-script subprocess."""
    if request.param == "subprocess" and not SCRIPT.exists():
        pytest.skip(f"console script not installed next to {sys.executable}")
    return run_inproc if request.param == "inproc" else run_script


def leftovers(folder):
    return temp_files(folder)


def assert_ok(run):
    assert run.exception is None, run.exception
    assert run.code == 0, run.stderr
    assert run.stderr == ""
    assert "Traceback" not in run.stdout


def assert_one_line_error(run, *expected, absent=()):
    """Exactly one error line on stderr, exit 2, nothing on stdout."""
    line = _one_line_error(run, *expected, absent=absent)
    assert run.stdout == ""
    return line


def advise_json(cli, args, cwd, stdin=None):
    run = cli(["advise", *args], cwd, stdin)
    assert_ok(run)
    return json.loads(run.stdout)


# --- happy paths ---------------------------------------------------------------------------------

def test_json_output_has_the_contract_keys(cli, tmp_path):
    advice = advise_json(cli, ["--answers", str(EXAMPLES / "answers.yaml")], tmp_path)
    assert set(advice) == CONTRACT_KEYS
    assert advice["schema_version"] == 2
    assert advice["version"] == __version__
    assert list(advice["profile"]) == PROFILE_KEYS
    assert advice["profile"]["athlete"] == "Sam Example"
    assert advice["profile"]["variation"] == "conventional"
    assert advice["profile"]["season_phase"] == "off_season"
    assert advice["classification"]["category"] == "leg"
    assert advice["disclaimer"].strip()
    assert advice["trace"], "the HOW trail is empty"


def test_format_json_is_the_default(tmp_path):
    answers = str(EXAMPLES / "answers.yaml")
    default = run_inproc(["advise", "--answers", answers], tmp_path)
    explicit = run_inproc(["advise", "--answers", answers, "--format", "json"], tmp_path)
    assert_ok(default)
    assert_ok(explicit)
    assert default.stdout == explicit.stdout


def test_txt_summary_names_variation_category_and_disclaimer(cli, tmp_path):
    answers = str(EXAMPLES / "answers.yaml")
    disclaimer = advise_json(cli, ["--answers", answers], tmp_path)["disclaimer"]
    run = cli(["advise", "--answers", answers, "--format", "txt"], tmp_path)
    assert_ok(run)
    text = run.stdout
    assert not text.lstrip().startswith("{"), "txt output looks like JSON"
    assert f"deadlift-advisor {__version__}" in text
    assert "Sam Example" in text
    assert "Conventional deadlift: a leg" in text
    # the sheet may wrap long lines: compare with whitespace collapsed
    assert " ".join(disclaimer.split()) in " ".join(text.split())
    assert text.endswith("\n")


def test_txt_summary_follows_the_answers(tmp_path):
    run = run_inproc(["advise", "--answers", str(EXAMPLES / "answers.yaml"),
                      "--set", "variation=rack_pull", "--format", "txt"], tmp_path)
    assert_ok(run)
    assert "Conventional deadlift" not in run.stdout
    assert "a back" in run.stdout


def test_set_overrides_the_file(cli, tmp_path):
    answers = str(EXAMPLES / "answers.yaml")
    before = advise_json(cli, ["--answers", answers], tmp_path)
    after = advise_json(cli, ["--answers", answers, "--set", "variation=rack_pull"], tmp_path)
    assert before["profile"]["variation"] == "conventional"
    assert before["classification"]["category"] == "leg"
    assert after["profile"]["variation"] == "rack_pull"
    assert after["classification"]["category"] == "back"
    # the rest of the file still applies
    assert after["profile"]["athlete"] == "Sam Example"
    assert after["profile"]["season_phase"] == "off_season"


def test_set_last_one_wins(tmp_path):
    advice = advise_json(run_inproc, ["--no-input", *REQUIRED_SETS, "--set", "goal=power"],
                         tmp_path)
    assert advice["profile"]["goal"] == "power"


def test_set_with_empty_value_removes_the_file_answer(cli, tmp_path):
    answers = str(EXAMPLES / "answers.yaml")
    advice = advise_json(cli, ["--answers", answers, "--no-input", "--set", "season_phase=",
                               "--set", "athlete="], tmp_path)
    assert advice["profile"]["season_phase"] == "none"
    assert advice["profile"]["athlete"] == ""
    assert advice["profile"]["variation"] == "conventional"


def test_set_empty_value_removes_an_injury(tmp_path):
    injured = str(EXAMPLES / "injured.json")
    before = advise_json(run_inproc, ["--answers", injured], tmp_path)
    after = advise_json(run_inproc, ["--answers", injured, "--set", "injury_area=",
                                     "--set", "injury_stage="], tmp_path)
    assert before["profile"]["injury_area"] == "hamstring"
    assert before["profile"]["injury_stage"] == "recovering"
    assert after["profile"]["injury_area"] == "none"
    assert after["profile"]["injury_stage"] is None


def test_no_input_takes_the_documented_defaults(cli, tmp_path):
    advice = advise_json(cli, ["--no-input", *REQUIRED_SETS], tmp_path)
    assert advice["profile"] == {
        "athlete": "", "variation": "sumo", "goal": "strength", "experience": "novice",
        "season_phase": "none", "injury_area": "none", "injury_stage": None,
        "placement": "auto", "back_days_per_week": 1, "units": "kg",
        # the optional answers (loads, week) stay absent
        "one_rm": None, "recent_set": None, "plate_step": None, "week": None, "bar_weight": None,
        "plates": None, "max_lift": None,
    }


def test_values_are_case_and_separator_insensitive(tmp_path):
    advice = advise_json(run_inproc, ["--no-input", "--set", "variation=Trap Bar",
                                      "--set", "goal=General-Fitness", "--set", "experience=NOVICE",
                                      "--set", "back_days_per_week=2"], tmp_path)
    assert advice["profile"]["variation"] == "trap_bar"
    assert advice["profile"]["goal"] == "general_fitness"
    assert advice["profile"]["experience"] == "novice"
    assert advice["profile"]["back_days_per_week"] == 2


def test_answers_from_stdin(cli, tmp_path):
    text = "athlete: From Stdin\n" + VALID_YAML
    advice = advise_json(cli, ["--answers", "-"], tmp_path, stdin=text)
    assert advice["profile"]["athlete"] == "From Stdin"
    assert advice["profile"]["variation"] == "sumo"


def test_json_stdin_is_read_too(tmp_path):
    text = json.dumps({"variation": "deficit", "goal": "strength", "experience": "advanced"})
    advice = advise_json(run_inproc, ["--answers", "-"], tmp_path, stdin=text)
    assert advice["profile"]["variation"] == "deficit"


def test_json_answers_file(cli, tmp_path):
    expected = json.loads((EXAMPLES / "injured.json").read_text(encoding="utf-8"))
    advice = advise_json(cli, ["--answers", str(EXAMPLES / "injured.json")], tmp_path)
    assert {k: v for k, v in advice["profile"].items() if k in expected} == expected
    assert advice["warnings"], "an injury must produce warnings"


def test_json_file_with_utf8_bom_and_non_ascii(tmp_path):
    path = tmp_path / "me.json"
    data = {"athlete": "Zoë Ünal", "variation": "romanian", "goal": "hypertrophy",
            "experience": "intermediate"}
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(data, ensure_ascii=False).encode("utf-8"))
    advice = advise_json(run_inproc, ["--answers", str(path)], tmp_path)
    assert advice["profile"]["athlete"] == "Zoë Ünal"
    run = run_script(["advise", "--answers", str(path), "--format", "txt"], tmp_path)
    assert_ok(run)
    assert "Zoë Ünal" in run.stdout


def test_quoted_number_is_text_in_yaml(tmp_path):
    path = tmp_path / "answers.yaml"
    path.write_text('athlete: "007"\n' + VALID_YAML, encoding="utf-8")
    advice = advise_json(run_inproc, ["--answers", str(path)], tmp_path)
    assert advice["profile"]["athlete"] == "007"


# --- -o / --force --------------------------------------------------------------------------------

def test_output_file_is_written_and_stdout_stays_empty(cli, tmp_path):
    answers = str(EXAMPLES / "answers.yaml")
    expected = cli(["advise", "--answers", answers, "--format", "txt"], tmp_path).stdout
    run = cli(["advise", "--answers", answers, "--format", "txt", "-o", "advice.txt"], tmp_path)
    assert_ok(run)
    assert run.stdout == ""
    assert (tmp_path / "advice.txt").read_text(encoding="utf-8") == expected
    assert "Conventional deadlift" in expected
    assert leftovers(tmp_path) == []


def test_output_long_option_and_json(tmp_path):
    out = tmp_path / "sub" / "advice.json"
    out.parent.mkdir()
    run = run_script(["advise", "--answers", str(EXAMPLES / "injured.json"), "--output",
                      str(out)], tmp_path)
    assert_ok(run)
    assert run.stdout == ""
    assert set(json.loads(out.read_text(encoding="utf-8"))) == CONTRACT_KEYS
    assert leftovers(tmp_path) == []


def test_output_onto_existing_file_needs_force(cli, tmp_path):
    out = tmp_path / "advice.json"
    out.write_text("old content\n", encoding="utf-8")
    run = cli(["advise", "--answers", str(EXAMPLES / "answers.yaml"), "-o", "advice.json"],
              tmp_path)
    assert_one_line_error(run, "advice.json", "already exists", "--force")
    assert out.read_text(encoding="utf-8") == "old content\n"
    assert leftovers(tmp_path) == []


def test_output_with_force_replaces_the_file(cli, tmp_path):
    out = tmp_path / "advice.json"
    out.write_text("old content\n", encoding="utf-8")
    run = cli(["advise", "--answers", str(EXAMPLES / "answers.yaml"), "-o", "advice.json",
               "--force"], tmp_path)
    assert_ok(run)
    assert run.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["profile"]["athlete"] == "Sam Example"
    assert leftovers(tmp_path) == []


def test_output_is_not_touched_when_the_input_is_bad_even_with_force(cli, tmp_path):
    out = tmp_path / "advice.json"
    out.write_text("old content\n", encoding="utf-8")
    run = cli(["advise", "--no-input", "--set", "variation=sumo_dl", "-o", "advice.json",
               "--force"], tmp_path)
    assert_one_line_error(run, "variation: 'sumo_dl'")
    assert out.read_text(encoding="utf-8") == "old content\n"
    assert leftovers(tmp_path) == []


def test_output_into_a_missing_folder(cli, tmp_path):
    run = cli(["advise", "--answers", str(EXAMPLES / "answers.yaml"), "-o",
               "nowhere/advice.json"], tmp_path)
    assert_one_line_error(run, "cannot write 'nowhere/advice.json'", "does not exist")
    assert not (tmp_path / "nowhere").exists()
    assert leftovers(tmp_path) == []


def test_output_onto_a_directory(cli, tmp_path):
    (tmp_path / "adir").mkdir()
    run = cli(["advise", "--answers", str(EXAMPLES / "answers.yaml"), "-o", "adir", "--force"],
              tmp_path)
    assert_one_line_error(run, "'adir' is a directory")
    assert list((tmp_path / "adir").iterdir()) == []
    assert leftovers(tmp_path) == []


def _small_files():
    """preexec_fn: files may not grow past 512 bytes; Python ignores SIGXFSZ, so the write
    fails with EFBIG (the same path as a full disk)."""
    import resource

    resource.setrlimit(resource.RLIMIT_FSIZE, (512, 512))


def _write_failure(kind, tmp_path):
    """Run the real script so that writing the output fails after the temporary file exists."""
    answers = str(EXAMPLES / "answers.yaml")
    if kind == "file-too-large":
        return run_script(["advise", "--answers", answers, "-o", "advice.json"], tmp_path,
                          preexec_fn=_small_files)
    work = tmp_path / "work"  # `-o ''`: the temporary file goes next to the working folder
    work.mkdir()
    return run_script(["advise", "--answers", answers, "-o", ""], work)


WRITE_FAILURES = ["file-too-large", "empty-path"]
posix_only = pytest.mark.skipif(os.name != "posix", reason="needs POSIX resource limits")


@posix_only
@pytest.mark.parametrize("kind", WRITE_FAILURES)
def test_write_failure_leaves_nothing_behind(kind, tmp_path):
    run = _write_failure(kind, tmp_path)
    assert run.code != 0
    assert run.stdout == ""
    assert leftovers(tmp_path) == []
    assert not (tmp_path / "advice.json").exists()


@posix_only
@pytest.mark.parametrize("kind", [
    "file-too-large",
    "empty-path",
])
def test_write_failure_is_one_line(kind, tmp_path):
    assert_one_line_error(_write_failure(kind, tmp_path))


# --- version and help ----------------------------------------------------------------------------

def test_version(cli, tmp_path):
    run = cli(["--version"], tmp_path)
    assert_ok(run)
    assert run.stdout == f"deadlift-advisor {__version__}\n"


def test_python_dash_m_version(tmp_path):
    run = run_script(["--version"], tmp_path, argv0=[sys.executable, "-m", "deadlift_advisor"])
    assert_ok(run)
    assert run.stdout == f"deadlift-advisor {__version__}\n"


def test_python_dash_m_error_exit_code(tmp_path):
    run = run_script(["advise", "--no-input"], tmp_path,
                     argv0=[sys.executable, "-m", "deadlift_advisor"])
    assert_one_line_error(run, "missing answers: variation, goal, experience")


def _examples(help_text):
    """Command lines shown under 'Example:'/'Examples:', continuation lines joined."""
    lines = help_text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() in ("Example:", "Examples:"))
    commands, current = [], None
    for line in lines[start + 1:]:
        stripped = line.strip()
        if not stripped:
            break
        if current is not None:
            current += " " + stripped
        elif stripped.startswith("deadlift-advisor "):
            current = stripped
        else:
            break
        if current.endswith("\\"):
            current = current[:-1].rstrip()
        else:
            commands.append(current)
            current = None
    return commands


@pytest.mark.parametrize("args", [["--help"], ["-h"], ["advise", "--help"], ["advise", "-h"]],
                         ids=["group", "group-h", "advise", "advise-h"])
def test_help_shows_examples_that_really_run(args, tmp_path):
    run = run_script(args, tmp_path)
    assert_ok(run)
    assert "Usage: deadlift-advisor" in run.stdout
    assert "Example" in run.stdout
    commands = _examples(run.stdout)
    assert commands, f"no example command line in:\n{run.stdout}"
    # the examples name files relative to the repository (examples/...) or placeholders (me.yaml)
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    shutil.copy(EXAMPLES / "answers.yaml", tmp_path / "me.yaml")
    for command in commands:
        argv = shlex.split(command)
        assert argv[0] == "deadlift-advisor"
        result = run_script(argv[1:], tmp_path)
        assert_ok(result)
        assert result.stdout.strip(), f"example {command!r} printed nothing"


# --- bad input -----------------------------------------------------------------------------------

@dataclass
class Bad:
    id: str
    args: tuple = ()
    content: bytes | str | None = None   # written to `name` and passed as --answers name
    name: str = "answers.yaml"
    expect: tuple = ()                   # substrings of the one error line
    absent: tuple = ()                   # must not be in the error line
    stdin: bytes | str | None = None
    marks: tuple = ()


def _y(*lines):
    return "".join(line + "\n" for line in lines)


REQ = ("goal: strength", "experience: novice")

BAD = [
    Bad("unknown-value-suggestion", content=_y("variation: sumo_dl", *REQ),
        expect=(f"variation: 'sumo_dl' is not one of {VARIATIONS} — did you mean 'sumo'?",)),
    Bad("unknown-value-no-match", content=_y("variation: zzz", *REQ),
        expect=(f"variation: 'zzz' is not one of {VARIATIONS}",), absent=("did you mean",)),
    Bad("unknown-value-via-set", args=("--no-input", "--set", "variation=sumo",
                                       "--set", "goal=strenght", "--set", "experience=novice"),
        expect=(f"goal: 'strenght' is not one of {GOALS}", "did you mean 'strength'?")),
    Bad("wrong-type-word-for-int", content=_y("variation: sumo", *REQ, "back_days_per_week: two"),
        expect=("back_days_per_week: expected a whole number from 0 to 3, got 'two'",)),
    Bad("wrong-type-bool-for-int", content=_y("variation: sumo", *REQ,
                                              "back_days_per_week: true"),
        expect=("back_days_per_week: expected a whole number from 0 to 3",
                "true/false value (true)")),
    Bad("wrong-type-float-for-int", name="answers.json",
        content=json.dumps({"variation": "sumo", "goal": "strength", "experience": "novice",
                            "back_days_per_week": 2.5}),
        expect=("back_days_per_week: expected a whole number from 0 to 3", "2.5")),
    Bad("wrong-type-number-for-choice", content=_y("variation: 3", *REQ),
        expect=(f"variation: expected one of {VARIATIONS}, got a number (3)",)),
    Bad("wrong-type-list", content=_y("variation: [sumo, conventional]", *REQ),
        expect=("variation: expected one of", "got a list")),
    Bad("wrong-type-mapping", content=_y("variation: {name: sumo}", *REQ),
        expect=("variation: expected one of", "got a mapping")),
    # null means "not given": for a required answer, that is a missing answer
    Bad("null-required", content=_y("variation:", *REQ),
        expect=("missing answer: variation",)),
    Bad("wrong-type-unquoted-number-text", content=_y("athlete: 007", "variation: sumo", *REQ),
        expect=("athlete: expected text, got a number", "quote it")),
    Bad("text-too-long", args=("--no-input", *REQUIRED_SETS, "--set", "athlete=" + "x" * 81),
        expect=("athlete: at most 80 characters, got 81",)),
    Bad("out-of-range-high", content=_y("variation: sumo", *REQ, "back_days_per_week: 7"),
        expect=("back_days_per_week: 7 is out of range — use a whole number from 0 to 3",)),
    Bad("out-of-range-negative", content=_y("variation: sumo", *REQ, "back_days_per_week: -1"),
        expect=("back_days_per_week: -1 is out of range — use a whole number from 0 to 3",)),
    Bad("out-of-range-via-set", args=("--no-input", *REQUIRED_SETS,
                                      "--set", "back_days_per_week=4"),
        expect=("back_days_per_week: 4 is out of range",)),
    Bad("unknown-key-suggestion", content=_y("varation: sumo", *REQ),
        expect=("unknown answer 'varation' — did you mean 'variation'?",
                "known answers: athlete, variation, goal")),
    Bad("unknown-key-via-set", args=("--no-input", *REQUIRED_SETS, "--set", "goals=power"),
        expect=("unknown answer 'goals'", "did you mean 'goal'?")),
    Bad("missing-file", args=("--answers", "nope.yaml"),
        expect=("answers file 'nope.yaml' not found",)),
    Bad("directory", args=("--answers", "."), expect=("'.' is a directory",)),
    Bad("empty-file", content="", expect=("'answers.yaml' is empty",)),
    Bad("whitespace-only-file", content="  \n\t\n   \n", expect=("'answers.yaml' is empty",)),
    Bad("empty-json-file", name="answers.json", content="\n", expect=("'answers.json' is empty",)),
    Bad("yaml-syntax-error", content=_y("variation: sumo", "goal: strength",
                                        "experience: novice: oops"),
        expect=("'answers.yaml': invalid YAML at line 3",)),
    Bad("yaml-unclosed-bracket", content=_y("variation: [sumo", *REQ),
        expect=("'answers.yaml': invalid YAML at line",)),
    Bad("json-syntax-error", name="answers.json",
        content='{\n  "variation": "sumo",\n  "goal": "strength",,\n  "experience": "novice"\n}\n',
        expect=("'answers.json': invalid JSON at line 3",)),
    Bad("json-file-with-yaml", name="answers.json", content=VALID_YAML,
        expect=("'answers.json': invalid JSON at line 1",)),
    Bad("top-level-list", content=_y("- variation: sumo", "- goal: strength"),
        expect=("the top level must be a mapping of answers", "found a list")),
    Bad("top-level-json-list", name="answers.json", content='["sumo", "strength"]',
        expect=("the top level must be a mapping of answers", "found a list")),
    Bad("top-level-scalar", content="conventional\n",
        expect=("the top level must be a mapping of answers", "conventional")),
    Bad("top-level-json-number", name="answers.json", content="42\n",
        expect=("the top level must be a mapping of answers", "42")),
    Bad("binary-nul-bytes", content=b"variation: sumo\n\x00\x01\x02\x89PNG\r\n",
        expect=("'answers.yaml' looks like a binary file",)),
    Bad("not-utf8-latin1", content="athlete: José\nvariation: sumo\n".encode("latin-1"),
        expect=("'answers.yaml' is not UTF-8 text", "0xe9", "save it as UTF-8")),
    Bad("stdin-empty", args=("--answers", "-"), stdin="",
        expect=("standard input is empty",)),
    Bad("stdin-not-utf8", args=("--answers", "-"), stdin=b"variation: \xe9\n",
        expect=("standard input is not UTF-8 text",)),
    Bad("injury-stage-without-injury", content=_y("variation: sumo", *REQ,
                                                  "injury_stage: recovering"),
        expect=("injury_stage: given, but injury_area is 'none'",
                "set injury_area or remove injury_stage")),
    Bad("injury-stage-with-area-none", content=_y("variation: sumo", *REQ, "injury_area: none",
                                                  "injury_stage: acute"),
        expect=("injury_stage: given, but injury_area is 'none'",)),
    Bad("injury-stage-bad-value", content=_y("variation: sumo", *REQ, "injury_area: knee",
                                             "injury_stage: healed"),
        expect=("injury_stage: 'healed' is not one of acute, recovering, cleared",)),
    Bad("injury-area-bad-value", content=_y("variation: sumo", *REQ, "injury_area: elbow",
                                            "injury_stage: acute"),
        expect=("injury_area: 'elbow' is not one of none, low_back, hamstring",)),
    Bad("injury-area-without-stage", args=("--no-input",),
        content=_y("variation: sumo", *REQ, "injury_area: knee"),
        expect=("missing answer: injury_stage — give it in the answers file or with --set",)),
    Bad("missing-required-all", args=("--no-input",), content=_y("athlete: Sam"),
        expect=("missing answers: variation, goal, experience — give them",)),
    Bad("missing-required-nothing-given", args=("--no-input",),
        expect=("missing answers: variation, goal, experience",)),
    Bad("missing-required-two", args=("--no-input", "--set", "variation=sumo"),
        expect=("missing answers: goal, experience",)),
    Bad("missing-after-set-removes-it", args=("--answers", str(EXAMPLES / "answers.yaml"),
                                              "--set", "variation="),
        expect=("missing answer: variation",), absent=("goal", "experience")),
    Bad("set-without-equals", args=("--no-input", "--set", "variation"),
        expect=("--set 'variation': expected KEY=VALUE",)),
    Bad("set-without-key", args=("--no-input", "--set", "=sumo"),
        expect=("--set '=sumo': expected KEY=VALUE",)),
    Bad("unknown-option", args=("--bogus",), expect=("--bogus",)),
    Bad("bad-format", args=("--answers", str(EXAMPLES / "answers.yaml"), "--format", "xml"),
        expect=("--format", "xml", "json", "txt")),
    Bad("answers-without-value", args=("--answers",), expect=("--answers",)),
    Bad("unknown-command", args=("__cmd__", "advize"), expect=("advize",)),
    # --- found while writing these tests (fixed since) ---
    Bad("int-with-two-signs", args=("--no-input", *REQUIRED_SETS,
                                    "--set", "back_days_per_week=--1"),
        expect=("back_days_per_week:",)),
    Bad("int-superscript-digit", args=("--no-input", *REQUIRED_SETS,
                                       "--set", "back_days_per_week=²"),
        expect=("back_days_per_week:",)),
    Bad("value-with-newline", content=_y('variation: "su\\nmo"', *REQ),
        expect=("variation:",)),
    Bad("comments-only-file", content=_y("# variation: sumo", "# goal: strength"),
        expect=("'answers.yaml'", "empty"), absent=("None",)),
    Bad("unquoted-number-hint-keeps-digits", content=_y("athlete: 007", "variation: sumo", *REQ),
        expect=('athlete: "007"',)),
]


def _bad_args(case, tmp_path):
    if case.content is not None:
        data = case.content.encode("utf-8") if isinstance(case.content, str) else case.content
        (tmp_path / case.name).write_bytes(data)
    if case.args[:1] == ("__cmd__",):
        return list(case.args[1:])
    args = ["advise", *case.args]
    if case.content is not None:
        args += ["--answers", case.name]
    return args


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id, marks=c.marks) for c in BAD])
def test_bad_input_is_one_line_on_stderr(case, cli, tmp_path):
    run = cli(_bad_args(case, tmp_path), tmp_path, stdin=case.stdin)
    assert_one_line_error(run, *case.expect, absent=case.absent)
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id, marks=c.marks) for c in BAD
                                  if c.args[:1] != ("__cmd__",)])
def test_bad_input_creates_no_output_file(case, tmp_path):
    """The same bad inputs with -o: the real script fails the same way and writes nothing."""
    before = sorted(p.name for p in tmp_path.iterdir())
    args = _bad_args(case, tmp_path)
    run = run_script([args[0], "-o", "advice.out", *args[1:]], tmp_path, stdin=case.stdin)
    assert_one_line_error(run, *case.expect, absent=case.absent)
    assert not (tmp_path / "advice.out").exists()
    assert leftovers(tmp_path) == []
    after = sorted(p.name for p in tmp_path.iterdir() if p.name != case.name)
    assert after == [n for n in before if n != case.name]


# --- the output format from the file name (issue 13, part 2) -------------------------------------

@pytest.mark.parametrize("name, starts", [("advice.json", b"{"), ("sheet.txt", b"DEADLIFT"),
                                          ("sheet.md", b"# "), ("sheet.HTML", b"<!DOCTYPE"),
                                          ("advice.out", b"{")])
def test_without_format_the_file_name_says_what_to_write(cli, tmp_path, name, starts):
    run = cli(["advise", "--answers", str(EXAMPLES / "answers.yaml"), "-o", name], tmp_path)
    assert_ok(run)
    assert (tmp_path / name).read_bytes().startswith(starts)


def test_a_format_that_contradicts_the_file_name_is_refused(cli, tmp_path):
    run = cli(["advise", "--answers", str(EXAMPLES / "answers.yaml"), "--format", "json", "-o",
               "guess.pdf"], tmp_path)
    assert_one_line_error(run, "--format json does not match -o 'guess.pdf'", "a pdf file name")
    assert not (tmp_path / "guess.pdf").exists()
