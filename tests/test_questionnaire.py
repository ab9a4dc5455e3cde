"""The interactive questionnaire, driven in a real pseudo-terminal through the installed script.

pexpect runs ``deadlift-advisor`` exactly as a person would: it waits for each prompt and types an
answer. A few pure checks (the wording file covers every answer; which questions are relevant; how
a typed answer is read) run in-process. Subprocess checks cover what happens without a terminal.
"""

import json
import os
import re
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

pexpect = pytest.importorskip("pexpect")

from deadlift_advisor import advise  # noqa: E402
from deadlift_advisor import questionnaire as q  # noqa: E402
from deadlift_advisor.kb.answers import ANSWERS  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SCRIPT = shutil.which("deadlift-advisor", path=str(Path(sys.executable).parent))
TIMEOUT = 10
ANSI = "\x1b["
WORDING = yaml.safe_load((REPO / "templates" / "questions.yaml").read_text(encoding="utf-8"))
QUESTIONS = WORDING["questions"]
EOF_MESSAGE = ("deadlift-advisor: error: input ended before all questions were answered — "
               "use --answers, --set or --no-input")

needs_script = pytest.mark.skipif(SCRIPT is None,
                                  reason=f"console script not installed next to {sys.executable}")

# Every answer but one, so a test can walk a single question (or a few) to the result.
ALL_BUT = {"athlete": "Pat", "variation": "conventional", "goal": "strength",
           "experience": "intermediate", "season_phase": "none", "injury_area": "none",
           "placement": "auto", "back_days_per_week": "1", "units": "kg"}


def sets(**answers):
    return [arg for key, value in answers.items() for arg in ("--set", f"{key}={value}")]


def all_but(*keys):
    return sets(**{k: v for k, v in ALL_BUT.items() if k not in keys})


def question_line(key):
    return re.escape(QUESTIONS[key]["question"])


# --- a session in a pseudo-terminal -----------------------------------------------------------

CSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
PARTIAL_CSI = re.compile(r"\x1b(\[[0-9;?]*)?$")


class PlainSpawn(pexpect.spawn):
    """A pexpect spawn whose expect() sees the output without colour codes (the log keeps them),
    so one set of patterns serves runs with and without colour."""

    held = ""

    def read_nonblocking(self, size=1, timeout=-1):
        data = self.held + super().read_nonblocking(size, timeout)
        partial = PARTIAL_CSI.search(data)  # a code cut in two by the read: finish it next time
        self.held = partial.group(0) if partial else ""
        return CSI.sub("", data[:partial.start()] if partial else data)


class Session:
    """One run of the console script in a pty; ``text`` is everything it printed so far.

    The environment is the caller's with TERM=xterm, a wide terminal and NO_COLOR removed (so the
    program sees an ordinary colour terminal) unless ``env`` sets it."""

    def __init__(self, args, cwd, env=None, program=None):
        environment = {**os.environ, "TERM": "xterm", "COLUMNS": "200", "LINES": "50"}
        environment.pop("NO_COLOR", None)
        environment.update(env or {})
        self.child = PlainSpawn(program or SCRIPT, list(args), cwd=str(cwd), env=environment,
                                encoding="utf-8", timeout=TIMEOUT, dimensions=(50, 200))
        self.chunks = []
        self.child.logfile_read = self

    @property
    def plain(self):
        """The output so far without colour codes."""
        return CSI.sub("", self.text)

    # pexpect's logfile protocol: everything read from the terminal comes through here.
    def write(self, data):
        self.chunks.append(data)

    def flush(self):
        pass

    @property
    def text(self):
        return "".join(self.chunks)

    def expect(self, pattern):
        self.child.expect(pattern)
        return self.child.match

    def answer(self, pattern, reply):
        """Wait for ``pattern`` (the prompt or question), then type ``reply`` and Enter."""
        match = self.expect(pattern)
        self.child.sendline(reply)
        return match

    def review_number(self, name):
        """The number the review screen gives the answer called ``name`` (waits for the screen)."""
        self.expect(re.escape(WORDING["screens"]["review"]["prompt"]))
        screen = self.plain[self.plain.rindex(WORDING["screens"]["review"]["title"]):]
        return re.findall(rf"(\d+)\. {re.escape(name)}:", screen)[-1]

    def interrupt(self):
        """Ctrl-C once the program is blocked reading the terminal, as a person's Ctrl-C lands.

        Sent the instant a prompt appears, the signal can fall in CPython's window between
        writing the prompt and blocking in read(): input() then only raises KeyboardInterrupt
        when the next key (or a second Ctrl-C) arrives. So wait until the process sleeps."""
        stat_file = Path(f"/proc/{self.child.pid}/stat")
        if stat_file.exists():
            deadline = time.monotonic() + TIMEOUT
            while time.monotonic() < deadline:
                state = stat_file.read_text().rsplit(")", 1)[1].split()[0]
                if state == "S":
                    break
                time.sleep(0.005)
        self.child.sendintr()

    def confirm_review(self):
        self.answer(re.escape(WORDING["screens"]["review"]["prompt"]), "")

    def finish(self):
        self.child.expect(pexpect.EOF)
        self.child.close()
        return self.child.exitstatus


@pytest.fixture
def session(tmp_path):
    started = []

    def start(*args, env=None):
        started.append(Session(args, tmp_path, env=env))
        return started[-1]

    yield start
    for s in started:
        if s.child.isalive():
            s.child.terminate(force=True)


def decline_sheet(s):
    s.answer(re.escape(WORDING["screens"]["sheet"]["offer"]), "n")


# --- the wording file and the pure parts ---------------------------------------------------------

def test_wording_covers_every_answer_and_choice():
    assert set(QUESTIONS) == set(ANSWERS)
    for key, spec in ANSWERS.items():
        words = QUESTIONS[key]
        for field in ("name", "question", "prompt", "help"):
            assert str(words.get(field, "")).strip(), f"{key}: no {field}"
        choices = spec.get("choices", ())
        assert set(words.get("choices", {})) == set(choices), key
        for choice in choices:
            assert words["choices"][choice]["label"].strip(), (key, choice)
            assert len(words["choices"][choice]["help"]) > 20, (key, choice)
        labels = [words["choices"][c]["label"].casefold() for c in choices]
        assert len(labels) == len(set(labels)), f"{key}: two choices share a label"


@pytest.mark.parametrize("typed, expected", [
    ("1", "conventional"), ("12", "snatch_grip"), ("SUMO", "sumo"), ("Trap Bar", "trap_bar"),
    ("rack-pull", "rack_pull"), ("  romanian  ", "romanian"), ("sumo deadlift", "sumo"),
    ("?", q.HELP),
])
def test_a_choice_is_a_number_an_id_or_a_label(typed, expected):
    ids = ANSWERS["variation"]["choices"]
    labels = {c: QUESTIONS["variation"]["choices"][c]["label"] for c in ids}
    assert q.ChoiceAnswer(ids, labels, q.Terminal(colour=False)).convert(typed, None, None) \
        == expected


@pytest.mark.parametrize("typed", ["0", "13", "sumo_dl", "", "-1", "²", "1.0"])
def test_a_wrong_choice_is_one_line(typed):
    import click

    ids = ANSWERS["variation"]["choices"]
    labels = {c: QUESTIONS["variation"]["choices"][c]["label"] for c in ids}
    with pytest.raises(click.BadParameter) as error:
        q.ChoiceAnswer(ids, labels, q.Terminal(colour=False)).convert(typed, None, None)
    message = error.value.message
    assert "\n" not in message
    assert "is not a choice" in message and "type a number 1–12 or a name; ? for help" in message


@pytest.mark.parametrize("answers, asked", [
    ({}, True),                                                     # auto, the default
    ({"placement": "auto"}, True),                                  # decides if a back day fits
    ({"placement": "back_day"}, True),                              # allowed? alternation (K9)?
    ({**ALL_BUT, "placement": "leg_day"}, False),                   # a leg lift on leg day
    ({**ALL_BUT, "placement": "full_body"}, False),                 # always allowed
    ({**ALL_BUT, "variation": "rack_pull", "placement": "leg_day"}, True),  # refused -> auto
    ({**ALL_BUT, "placement": "dedicated_day"}, True),              # not advanced -> auto
    ({**ALL_BUT, "experience": "advanced", "placement": "dedicated_day"}, False),
    ({"variation": "sumo", "placement": "leg_day"}, True),          # too little known yet
])
def test_back_days_are_asked_only_where_they_can_change_the_advice(answers, asked):
    answers = {k: v for k, v in answers.items() if k != "back_days_per_week"}
    assert q.is_relevant("back_days_per_week", answers) is asked
    if not asked:  # where it is not asked, no number of back days changes the day chosen
        placements = {advise({**answers, "back_days_per_week": n}).placement["day"]
                      for n in range(0, 4)}
        assert placements == {answers["placement"]}


def test_injury_stage_is_asked_only_with_an_injury():
    assert not q.is_relevant("injury_stage", {})
    assert not q.is_relevant("injury_stage", {"injury_area": "none"})
    assert q.is_relevant("injury_stage", {"injury_area": "knee"})


# --- the walk from nothing to a sheet ------------------------------------------------------------

def walk_all(s, name="Dana Test", variation="1", injury=""):
    s.answer(r"\[1/9\] " + question_line("athlete"), name)
    s.answer(r"\[2/9\] " + question_line("variation") + r"[\s\S]*?Variation \(1–12", variation)
    s.answer(r"\[3/9\] " + question_line("goal") + r"[\s\S]*?Goal \(1–5", "strength")
    s.answer(r"\[4/9\] [\s\S]*?Experience \(1–3", "intermediate")
    s.answer(r"\[5/9\] [\s\S]*?Season phase \(1–5, \? for help\) \[none\]", "")
    s.answer(r"\[6/9\] [\s\S]*?Injury \(1–7, \? for help\) \[none\]", injury)


@needs_script
def test_full_walk_from_nothing_to_an_html_sheet(session, tmp_path):
    s = session()  # no subcommand: the questionnaire
    walk_all(s)
    s.answer(r"\[7/9\] " + question_line("placement") + r"[\s\S]*?Day \(1–5, \? for help\) \[auto\]",
             "")
    s.answer(r"\[8/9\] [\s\S]*?Back days a week \(0–3, \? for help\) \[1\]", "")
    s.answer(r"\[9/9\] [\s\S]*?Units \(1–2, \? for help\) \[kg\]", "")
    s.expect(r"Athlete:\s+Dana Test")
    s.expect(r"Variation:\s+Conventional deadlift")
    s.confirm_review()
    s.expect("Conventional deadlift: a leg exercise")
    s.expect(r"Prime movers:\s+glutes, hamstrings, quadriceps")
    s.expect(r"Where:\s+Leg day, first exercise of the session")
    s.expect(r"How:\s+\d.* sets × .* reps · RPE")
    s.expect("After it:")
    s.expect(r"Next \d+ h, keep out:")
    s.answer(re.escape(WORDING["screens"]["sheet"]["offer"]), "")
    s.answer(r"Sheet format \(1–\d, \? for help\) \[html\]", "")
    s.answer(re.escape("File name (? for help) [deadlift-sheet-dana-test.html]: "), "")
    s.expect("Wrote deadlift-sheet-dana-test.html")
    assert s.finish() == 0
    sheet = tmp_path / "deadlift-sheet-dana-test.html"
    assert sheet.exists()
    assert "Dana Test" in sheet.read_text(encoding="utf-8")
    assert ANSI in s.text, "a terminal without NO_COLOR gets colour"
    assert "Traceback" not in s.text
    assert sorted(p.name for p in tmp_path.iterdir()) == [sheet.name]


@needs_script
def test_sheet_written_from_the_offer_follows_the_umask(session, tmp_path):
    s = session("advise", *all_but("units"))
    s.answer(r"Units \(1–2, \? for help\) \[kg\]", "")
    s.confirm_review()
    s.answer(re.escape(WORDING["screens"]["sheet"]["offer"]), "")
    s.answer(r"Sheet format", "json")
    s.answer(r"File name", "sheet.json")
    assert s.finish() == 0
    mode = stat.S_IMODE((tmp_path / "sheet.json").stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    assert mode == 0o666 & ~umask


# --- answering ----------------------------------------------------------------------------------

@needs_script
def test_nonsense_is_explained_in_one_line_and_asked_again(session, tmp_path):
    s = session("advise", *all_but("variation", "back_days_per_week"), "-o", "advice.json")
    s.answer(r"\[1/2\] " + question_line("variation") + r"[\s\S]*?Variation \(1–12.*: ",
             "sumo_dl")
    s.expect("'sumo_dl' is not a choice \\(did you mean 'sumo'\\?\\) — type a number 1–12 or "
             "a name; \\? for help")
    s.answer(r"Variation \(1–12, \? for help\): ", "13")
    s.expect("'13' is not a choice")
    s.answer(r"Variation \(1–12, \? for help\): ", "Sumo Deadlift")  # a label works too
    s.answer(r"\[2/2\] [\s\S]*?Back days a week \(0–3, \? for help\) \[1\]: ", "7")
    s.expect("'7' is out of range — type a whole number from 0 to 3; \\? for help")
    s.answer(r"Back days a week \(0–3, \? for help\) \[1\]: ", "two")
    s.expect("'two' is not a whole number")
    s.answer(r"Back days a week \(0–3, \? for help\) \[1\]: ", "2")
    s.confirm_review()
    s.expect("Wrote advice.json")
    assert s.finish() == 0
    profile = json.loads((tmp_path / "advice.json").read_text(encoding="utf-8"))["profile"]
    assert profile["variation"] == "sumo"
    assert profile["back_days_per_week"] == 2


@needs_script
def test_prefixes_and_aliases_are_answers_and_an_ambiguous_prefix_lists_the_candidates(
        session, tmp_path):
    s = session("advise", *all_but("variation", "goal", "season_phase"), "-o", "advice.json")
    s.answer(r"\[1/3\] " + question_line("variation") + r"[\s\S]*?Variation \(1–12.*: ", "RDL")
    s.answer(r"\[2/3\] [\s\S]*?Goal \(1–5, \? for help\): ", "p")
    s.expect("'p' could be power or powerlifting — type a number 1–5 or a name; \\? for help")
    s.answer(r"Goal \(1–5, \? for help\): ", "hyper")
    s.answer(r"\[3/3\] [\s\S]*?Season phase \(1–5, \? for help\) \[.*\]: ", "pre")
    s.confirm_review()
    s.expect("Wrote advice.json")
    assert s.finish() == 0
    profile = json.loads((tmp_path / "advice.json").read_text(encoding="utf-8"))["profile"]
    assert (profile["variation"], profile["goal"], profile["season_phase"]) == (
        "romanian", "hypertrophy", "pre_season")


@needs_script
def test_a_too_long_name_is_asked_again(session, tmp_path):
    s = session("advise", *all_but("athlete"), "-o", "advice.json")
    s.answer(r"\[1/1\] " + question_line("athlete"), "x" * 81)
    s.expect("at most 80 characters, got 81")
    s.answer(r"Name \(optional, Enter to skip\): ", "")  # Enter skips
    s.confirm_review()
    assert s.finish() == 0
    assert json.loads((tmp_path / "advice.json").read_text())["profile"]["athlete"] == ""


@needs_script
def test_question_mark_shows_the_help_then_asks_again(session):
    s = session("advise", *all_but("variation", "back_days_per_week"))
    s.answer(r"Variation \(1–12, \? for help\): ", "?")
    first_words = " ".join(QUESTIONS["variation"]["help"].split()[:8])
    s.expect(re.escape(first_words))
    s.expect(re.escape("9. Rack pull (above the knee) (rack_pull)"))
    s.expect(re.escape(" ".join(QUESTIONS["variation"]["choices"]["rack_pull"]["help"]
                                .split()[:6])))
    s.answer(r"Variation \(1–12, \? for help\): ", "rack_pull")  # asked again
    s.answer(r"Back days a week \(0–3, \? for help\) \[1\]: ", "?")
    s.expect(re.escape(" ".join(QUESTIONS["back_days_per_week"]["help"].split()[:6])))
    s.answer(r"Back days a week \(0–3, \? for help\) \[1\]: ", "")
    s.answer(re.escape(WORDING["screens"]["review"]["prompt"]), "?")
    s.expect(re.escape(" ".join(WORDING["screens"]["review"]["help"].split()[:6])))
    s.confirm_review()
    s.expect("Rack pull \\(above the knee\\): a back exercise")
    decline_sheet(s)
    assert s.finish() == 0


# --- the review screen --------------------------------------------------------------------------

@needs_script
def test_changing_an_answer_on_the_review_screen_changes_the_advice(session):
    s = session("advise", *all_but("variation"))
    s.answer(r"\[1/1\] " + question_line("variation") + r"[\s\S]*?Variation \(1–12", "1")
    number = s.review_number("Variation")
    s.child.sendline(number)
    s.answer(r"Variation \(1–12, \? for help\) \[conventional\]: ", "rack_pull")
    s.expect(r"Variation:\s+Rack pull \(above the knee\)")
    s.answer(r"Type a number", "x")
    s.expect("'x' is not an answer number")
    s.confirm_review()
    s.expect("Rack pull \\(above the knee\\): a back exercise")
    s.expect(r"Where:\s+Back \(pull\) day")
    decline_sheet(s)
    assert s.finish() == 0
    assert "Conventional deadlift: a leg exercise" not in s.plain


@needs_script
def test_a_new_injury_asks_its_stage_and_no_injury_drops_it(session, tmp_path):
    s = session("advise", *all_but("injury_area"), "--format", "json", "-o", "advice.json")
    s.answer(r"\[1/1\] " + question_line("injury_area") + r"[\s\S]*?\[none\]: ", "")
    s.child.sendline(s.review_number("Injury"))
    s.answer(r"Injury \(1–7, \? for help\) \[none\]: ", "low_back")
    s.answer(question_line("injury_stage") + r"[\s\S]*?Injury stage \(1–3", "recovering")
    s.expect(r"Injury stage:\s+Recovering \(in rehab\)")
    # and back: no injury drops the stage, and the stage is not asked
    s.child.sendline(s.review_number("Injury"))
    s.answer(r"Injury \(1–7, \? for help\) \[low_back\]: ", "1")
    number = s.review_number("Injury")
    last_review = s.plain[s.plain.rindex(WORDING["screens"]["review"]["title"]):]
    assert "Injury stage:" not in last_review
    assert re.search(r"Injury:\s+No injury", last_review)
    # once more to an injury, to check the result
    s.child.sendline(number)
    s.answer(r"Injury \(1–7, \? for help\) \[none\]: ", "Low back")
    s.answer(r"Injury stage \(1–3, \? for help\): ", "recovering")
    s.confirm_review()
    s.expect("Warnings:")
    s.expect("Wrote advice.json")
    assert s.finish() == 0
    profile = json.loads((tmp_path / "advice.json").read_text(encoding="utf-8"))["profile"]
    assert (profile["injury_area"], profile["injury_stage"]) == ("low_back", "recovering")


@needs_script
def test_a_given_stage_goes_when_the_injury_is_answered_none(session, tmp_path):
    s = session("advise", *all_but("injury_area"), "--set", "injury_stage=acute",
                "--format", "json", "-o", "advice.json")
    s.answer(r"\[1/1\] " + question_line("injury_area") + r"[\s\S]*?\[none\]: ", "")
    s.review_number("Injury")
    assert "Injury stage:" not in s.plain[s.plain.rindex(WORDING["screens"]["review"]["title"]):]
    s.child.sendline("")
    assert s.finish() == 0
    profile = json.loads((tmp_path / "advice.json").read_text(encoding="utf-8"))["profile"]
    assert (profile["injury_area"], profile["injury_stage"]) == ("none", None)


# --- given answers and the progress count -------------------------------------------------------

@needs_script
def test_only_missing_answers_are_asked_and_the_count_follows(session, tmp_path):
    (tmp_path / "some.yaml").write_text("athlete: Kim\nvariation: conventional\n"
                                        "goal: strength\nexperience: intermediate\n")
    s = session("advise", "--answers", "some.yaml", "-o", "advice.json")
    s.answer(r"\[1/5\] " + question_line("season_phase"), "")
    s.answer(r"\[2/5\] " + question_line("injury_area") + r"[\s\S]*?\[none\]: ", "knee")
    # an injury adds its stage to the count
    s.answer(r"\[3/6\] " + question_line("injury_stage") + r"[\s\S]*?: ", "cleared")
    # a leg lift on leg day: the number of back days cannot change the advice, so it is dropped
    s.answer(r"\[4/6\] " + question_line("placement") + r"[\s\S]*?\[auto\]: ", "leg_day")
    s.answer(r"\[5/5\] " + question_line("units") + r"[\s\S]*?\[kg\]: ", "lb")
    s.confirm_review()
    s.expect("Wrote advice.json")
    assert s.finish() == 0
    for key in ("athlete", "variation", "goal", "experience", "back_days_per_week"):
        assert QUESTIONS[key]["question"] not in s.plain, f"{key} was asked but was given"
    profile = json.loads((tmp_path / "advice.json").read_text(encoding="utf-8"))["profile"]
    profile = {k: v for k, v in profile.items() if k in ANSWERS}
    assert profile == {"athlete": "Kim", "variation": "conventional", "goal": "strength",
                       "experience": "intermediate", "season_phase": "none",
                       "injury_area": "knee", "injury_stage": "cleared", "placement": "leg_day",
                       "back_days_per_week": 1, "units": "lb"}


@needs_script
def test_nothing_is_asked_when_everything_is_given(session, tmp_path):
    s = session("advise", "--answers", str(EXAMPLES / "answers.yaml"), "--format", "json")
    assert s.finish() == 0
    assert "[1/" not in s.plain
    assert json.loads(s.plain.replace("\r\n", "\n"))["profile"]["athlete"] == "Sam Example"


@needs_script
def test_no_input_asks_nothing_on_a_terminal(session):
    s = session("advise", "--no-input", *sets(variation="sumo", goal="power",
                                              experience="novice"), "--format", "json")
    assert s.finish() == 0
    assert json.loads(s.plain.replace("\r\n", "\n"))["profile"]["units"] == "kg"


# --- saving answers -----------------------------------------------------------------------------

@needs_script
def test_saved_answers_replay_to_the_same_advice(session, tmp_path):
    s = session("advise", "--save-answers", "mine.yaml", "--format", "json", "-o", "advice.json")
    walk_all(s, name="Zoë 007", variation="trap_bar", injury="hamstring")
    s.answer(r"\[7/10\] " + question_line("injury_stage") + r"[\s\S]*?: ", "recovering")
    s.answer(r"\[8/10\] [\s\S]*?\[auto\]: ", "back_day")
    s.answer(r"\[9/10\] [\s\S]*?\[1\]: ", "2")
    s.answer(r"\[10/10\] [\s\S]*?\[kg\]: ", "lb")
    s.confirm_review()
    s.expect("Wrote your answers to mine.yaml")
    assert s.finish() == 0
    saved = yaml.safe_load((tmp_path / "mine.yaml").read_text(encoding="utf-8"))
    assert saved["athlete"] == "Zoë 007" and saved["back_days_per_week"] == 2
    replay = subprocess.run([SCRIPT, "advise", "--answers", "mine.yaml", "--format", "json"],
                            cwd=tmp_path, capture_output=True, stdin=subprocess.DEVNULL,
                            timeout=60)
    assert replay.returncode == 0, replay.stderr
    assert replay.stdout.decode("utf-8") == (tmp_path / "advice.json").read_text(encoding="utf-8")


@needs_script
def test_extra_answers_pass_through_the_questionnaire(session, tmp_path):
    """Given 1RM and week are shown on the review screen, used, and saved as given."""
    s = session("advise", *all_but("goal"), "--set", "one_rm=200", "--set", "week=push_pull_legs",
                "--save-answers", "mine.yaml", "--format", "json", "-o", "advice.json")
    s.answer(r"\[1/1\] " + question_line("goal"), "strength")
    s.expect(r"Weights:\s+1RM 200")
    s.expect(r"Week:\s+Push / pull / legs")
    s.confirm_review()
    s.expect(r"Loads:\s+\d+ kg × \d")
    s.expect(r"When:\s+\w+day")
    assert s.finish() == 0
    saved = yaml.safe_load((tmp_path / "mine.yaml").read_text(encoding="utf-8"))
    assert (saved["one_rm"], saved["week"]) == ("200", "push_pull_legs")
    replay = subprocess.run([SCRIPT, "advise", "--answers", "mine.yaml"], cwd=tmp_path,
                            capture_output=True, stdin=subprocess.DEVNULL, timeout=60)
    assert replay.stdout.decode() == (tmp_path / "advice.json").read_text(encoding="utf-8")


@needs_script
def test_weights_and_week_can_be_added_on_the_review_screen(session):
    s = session("advise", *all_but("units"), "--format", "txt", "-o", "advice.txt")
    s.answer(r"Units \(1–2, \? for help\) \[kg\]", "")
    s.child.sendline(s.review_number("Weights"))
    s.answer(r"WEIGHTxREPS@RPE", "150x5@80")  # a nonsense RPE is asked again
    s.expect("recent_set.rpe: 80")
    s.child.sendline("150x5@8")
    s.child.sendline(s.review_number("Week"))
    s.answer(r"6 to enter it day by day", "6")
    for day, exercises in zip(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                               "Saturday", "Sunday"),
                              ("squat, leg press", "", "good mornings", "", "squats", "", ""),
                              strict=True):
        s.answer(re.escape(day), exercises)
    s.expect(r"Weights:\s+recent set 150x5@8")
    s.confirm_review()
    s.expect(r"Loads:\s+[\d.]+ kg × \d")
    # Monday's window would hold Wednesday's good mornings: Friday is the better day.
    s.expect(r"When:\s+Friday")
    assert s.finish() == 0


@needs_script
def test_weights_for_another_variation_ask_which_lift_they_were_on(session, tmp_path):
    """A single-leg RDL loaded from a number: the questionnaire asks whose max it is, and a
    conventional max is scaled down instead of loaded as if it were the single-leg lift's."""
    s = session("advise", *all_but("units", "variation"), "--set", "variation=single_leg_romanian",
                "--save-answers", "mine.yaml", "--format", "json", "-o", "advice.json")
    s.answer(r"Units \(1–2, \? for help\) \[kg\]", "")
    s.child.sendline(s.review_number("Weights"))
    s.answer(r"WEIGHTxREPS@RPE", "200")
    s.answer(r"Which lift was that weight on\?[\s\S]*?\[3\]: ", "4")  # not a choice: asked again
    s.expect("'4' is not a choice")
    s.child.sendline("1")
    s.expect(r"Weights:\s+1RM 200; from the conventional deadlift")
    s.confirm_review()
    assert s.finish() == 0
    advice = json.loads((tmp_path / "advice.json").read_text(encoding="utf-8"))
    est = advice["prescription"]["estimated_1rm"]
    assert est["lift"] == "conventional" and est["value"] == 50.0
    saved = yaml.safe_load((tmp_path / "mine.yaml").read_text(encoding="utf-8"))
    assert saved["max_lift"] == "conventional"


@needs_script
def test_a_bad_extra_answer_fails_before_any_question(session):
    s = session("advise", "--set", "week=every_day")
    assert s.finish() == 2
    assert "deadlift-advisor: error: week: 'every_day' is not a split preset" in s.plain
    assert QUESTIONS["athlete"]["question"] not in s.plain


@needs_script
def test_save_answers_without_questions(tmp_path):
    run = subprocess.run([SCRIPT, "advise", "--answers", str(EXAMPLES / "injured.json"),
                          "--save-answers", "again.yaml", "-o", "a.json"], cwd=tmp_path,
                         capture_output=True, stdin=subprocess.DEVNULL, timeout=60)
    assert run.returncode == 0, run.stderr
    again = subprocess.run([SCRIPT, "advise", "--answers", "again.yaml"], cwd=tmp_path,
                           capture_output=True, stdin=subprocess.DEVNULL, timeout=60)
    assert again.stdout.decode() == (tmp_path / "a.json").read_text(encoding="utf-8")


@needs_script
def test_existing_save_answers_file_is_refused_before_any_question(session, tmp_path):
    (tmp_path / "mine.yaml").write_text("keep me\n")
    s = session("advise", "--save-answers", "mine.yaml")
    assert s.finish() == 2
    assert "deadlift-advisor: error: 'mine.yaml' already exists — use --force to overwrite it" \
        in s.plain
    assert QUESTIONS["athlete"]["question"] not in s.plain
    assert (tmp_path / "mine.yaml").read_text() == "keep me\n"


# --- the sheet offer ----------------------------------------------------------------------------

@needs_script
def test_the_offer_never_overwrites_without_asking(session, tmp_path):
    (tmp_path / "taken.json").write_text("old\n")
    s = session("advise", *all_but("athlete"))
    s.answer(question_line("athlete"), "")
    s.confirm_review()
    s.answer(re.escape(WORDING["screens"]["sheet"]["offer"]), "y")
    s.answer(r"Sheet format", "json")
    s.answer(r"File name \(\? for help\) \[deadlift-sheet-\d{4}-\d\d-\d\d\.json\]: ",
             "taken.json")
    s.answer(re.escape("'taken.json' already exists. Overwrite it? [y/N]: "), "")
    s.answer(r"File name", "?")
    s.expect(re.escape(" ".join(WORDING["screens"]["sheet"]["path_help"].split()[:6])))
    s.answer(r"File name", "new")  # the format's extension is added
    s.expect("Wrote new.json")
    assert s.finish() == 0
    assert (tmp_path / "taken.json").read_text() == "old\n"
    assert json.loads((tmp_path / "new.json").read_text())["profile"]["athlete"] == ""


# --- stopping -----------------------------------------------------------------------------------

STOPS = {
    "first-question": lambda s: s.expect(question_line("athlete") + r"\s+Name \(optional, Enter "
                                         r"to skip\): "),
    "review": lambda s: (s.answer(question_line("athlete"), "Al"),
                         s.expect(re.escape(WORDING["screens"]["review"]["prompt"]))),
    "file-name": lambda s: (s.answer(question_line("athlete"), "Al"), s.confirm_review(),
                            s.answer(re.escape(WORDING["screens"]["sheet"]["offer"]), ""),
                            s.answer("Sheet format", "json"), s.expect("File name")),
}


@needs_script
@pytest.mark.parametrize("where", STOPS)
def test_ctrl_c_cancels_and_writes_nothing(where, session, tmp_path):
    s = session("advise", *all_but("athlete"), "--save-answers", "mine.yaml")
    STOPS[where](s)
    s.interrupt()
    s.expect("Cancelled.")
    assert s.finish() == 130, s.plain[-600:]
    assert "\nCancelled.\r\n" in s.plain.replace("\r\r", "\r")
    assert "Traceback" not in s.text
    assert list(tmp_path.iterdir()) == []


@needs_script
def test_ctrl_d_ends_with_a_clear_error(session, tmp_path):
    s = session()
    s.answer(question_line("athlete"), "Al")
    s.expect(r"Variation \(1–12, \? for help\): ")
    s.child.sendeof()
    s.expect(re.escape(EOF_MESSAGE))
    assert s.finish() == 2
    assert "Traceback" not in s.text
    assert list(tmp_path.iterdir()) == []


# --- no terminal --------------------------------------------------------------------------------

@needs_script
@pytest.mark.parametrize("stdin", ["devnull", "pipe"])
def test_missing_answers_without_a_terminal_is_one_line(stdin, tmp_path):
    kwargs = {"stdin": subprocess.DEVNULL} if stdin == "devnull" else {"input": b""}
    run = subprocess.run([SCRIPT, "advise", "--set", "variation=sumo"], cwd=tmp_path,
                         capture_output=True, timeout=60, **kwargs)
    assert run.returncode == 2
    assert run.stdout == b""
    lines = run.stderr.decode().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("deadlift-advisor: error: missing answers: goal, experience")
    assert "--answers" in lines[0] and "--set" in lines[0]
    assert list(tmp_path.iterdir()) == []


@needs_script
@pytest.mark.parametrize("stdin", ["devnull", "pipe"])
def test_no_subcommand_without_a_terminal_says_how(stdin, tmp_path):
    kwargs = {"stdin": subprocess.DEVNULL} if stdin == "devnull" else {"input": b""}
    run = subprocess.run([SCRIPT], cwd=tmp_path, capture_output=True, timeout=60, **kwargs)
    assert run.returncode == 2
    assert "Usage: deadlift-advisor" in run.stdout.decode()
    errors = run.stderr.decode().splitlines()
    assert errors == ["deadlift-advisor: error: no terminal to ask the questions on — run "
                      "'deadlift-advisor advise' with --answers, --set or --no-input"]


@needs_script
def test_without_a_terminal_answers_with_defaults_take_them(tmp_path):
    """Only answers without a default are required when nothing can be asked (as before)."""
    run = subprocess.run([SCRIPT, "advise", *sets(variation="sumo", goal="strength",
                                                  experience="novice")],
                         cwd=tmp_path, capture_output=True, stdin=subprocess.DEVNULL, timeout=60)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["profile"]["placement"] == "auto"


# --- colours ------------------------------------------------------------------------------------

@needs_script
@pytest.mark.parametrize("value", ["1", ""])
def test_no_color_means_no_escape_codes(value, session):
    s = session("advise", *all_but("variation"), env={"NO_COLOR": value})
    s.answer(r"Variation \(1–12, \? for help\): ", "nope")
    s.answer(r"Variation \(1–12, \? for help\): ", "sumo")
    s.confirm_review()
    decline_sheet(s)
    assert s.finish() == 0
    assert ANSI not in s.text


@needs_script
def test_colours_on_a_terminal(session):
    s = session("advise", *all_but("variation"))
    s.answer(r"Variation \(1–12, \? for help\)", "sumo")
    s.confirm_review()
    decline_sheet(s)
    assert s.finish() == 0
    assert ANSI in s.text


# --- formats and standard output -----------------------------------------------------------------

def _chromium():
    names = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
    return os.environ.get("DEADLIFT_ADVISOR_CHROMIUM") or any(shutil.which(n) for n in names)


def _formats():
    from deadlift_advisor import render

    binary = set(getattr(render, "BINARY_FORMATS", {"pdf"}))
    return [pytest.param(f, marks=pytest.mark.skipif(f in binary and not _chromium(),
                                                     reason="no Chromium for the pdf"))
            for f in render.FORMATS]


@needs_script
@pytest.mark.parametrize("fmt", _formats())
def test_every_render_format_is_accepted(fmt, tmp_path):
    from deadlift_advisor import render

    binary = fmt in set(getattr(render, "BINARY_FORMATS", {"pdf"}))
    base = [SCRIPT, "advise", "--answers", str(EXAMPLES / "answers.yaml"), "--format", fmt]
    run = subprocess.run([*base, "-o", f"advice.{fmt}"], cwd=tmp_path, capture_output=True,
                         stdin=subprocess.DEVNULL, timeout=120)
    assert run.returncode == 0, run.stderr
    written = (tmp_path / f"advice.{fmt}").read_bytes()
    assert written
    piped = subprocess.run([*base, "-o", "-"], cwd=tmp_path, capture_output=True,
                           stdin=subprocess.DEVNULL, timeout=120)
    assert piped.returncode == 0, piped.stderr
    if binary:
        assert piped.stdout.startswith(b"%PDF")
    else:
        assert b"Sam Example" in piped.stdout


@needs_script
def test_pdf_is_not_written_to_a_terminal(session, tmp_path):
    s = session("advise", "--answers", str(EXAMPLES / "answers.yaml"), "--format", "pdf",
                "-o", "-")
    assert s.finish() == 2
    lines = [line for line in s.plain.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("deadlift-advisor: error: pdf is binary")
    assert list(tmp_path.iterdir()) == []


@needs_script
def test_dash_o_dash_sends_the_advice_to_stdout_and_the_questions_to_stderr(tmp_path):
    """With standard output redirected, it carries only the advice; the questions and the
    summary go to the terminal on stderr, without colour (stdout is not a terminal)."""
    out = tmp_path / "out.json"
    command = f"{SCRIPT} advise {' '.join(all_but('units'))} --format json -o - > {out}"
    s = Session(["-c", command], tmp_path, program="/bin/sh")
    s.answer(r"\[1/1\] " + question_line("units") + r"[\s\S]*?\[kg\]: ", "lb")
    s.confirm_review()
    s.expect("Your advice")
    assert s.finish() == 0
    assert ANSI not in s.text
    assert json.loads(out.read_text(encoding="utf-8"))["profile"]["units"] == "lb"


# --- the output format from the terminal and the file name (issue 13, part 2) ---------------------

@needs_script
def test_advice_on_a_terminal_is_the_txt_sheet_not_json(session):
    s = session("advise", "--answers", str(EXAMPLES / "answers.yaml"))
    s.child.expect(pexpect.EOF)
    assert s.child.wait() == 0
    assert "DEADLIFT RECOMMENDATION SHEET" in s.plain and "schema_version" not in s.plain


@needs_script
def test_advice_piped_from_a_terminal_is_json(tmp_path):
    run = subprocess.run([SCRIPT, "advise", "--answers", str(EXAMPLES / "answers.yaml")],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and json.loads(run.stdout)["schema_version"] >= 2
