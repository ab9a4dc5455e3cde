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
from helpers import as_from_a_terminal  # noqa: E402

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


def loose(text):
    """A pattern for ``text`` however a narrow terminal wrapped it."""
    return r"\s+".join(re.escape(word) for word in text.split())


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

    def __init__(self, args, cwd, env=None, program=None, columns=200):
        environment = {**os.environ, "TERM": "xterm", "COLUMNS": str(columns), "LINES": "50"}
        environment.pop("NO_COLOR", None)
        environment.update(env or {})
        self.child = PlainSpawn(program or SCRIPT, list(args), cwd=str(cwd), env=environment,
                                encoding="utf-8", timeout=TIMEOUT, dimensions=(50, columns),
                                preexec_fn=as_from_a_terminal)
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
        self.expect(loose(WORDING["screens"]["review"]["prompt"]))
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
        self.answer(loose(WORDING["screens"]["review"]["prompt"]), "")

    def finish(self):
        self.child.expect(pexpect.EOF)
        self.child.close()
        return self.child.exitstatus


@pytest.fixture
def session(tmp_path):
    started = []

    def start(*args, env=None, columns=200):
        started.append(Session(args, tmp_path, env=env, columns=columns))
        return started[-1]

    yield start
    for s in started:
        if s.child.isalive():
            s.child.terminate(force=True)


def decline_sheet(s):
    s.answer(loose(WORDING["screens"]["sheet"]["offer"]), "n")


def decline_answers(s):
    s.answer(loose(WORDING["screens"]["answers"]["offer"]), "n")


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
def test_a_wrong_choice_is_one_line(typed, monkeypatch):
    """One line on a wide terminal; on a narrow one, wrapped to it ("Error: " in front)."""
    import click

    ids = ANSWERS["variation"]["choices"]
    labels = {c: QUESTIONS["variation"]["choices"][c]["label"] for c in ids}
    for columns in ("200", "50"):
        monkeypatch.setenv("COLUMNS", columns)
        with pytest.raises(click.BadParameter) as error:
            q.ChoiceAnswer(ids, labels, q.Terminal(colour=False)).convert(typed, None, None)
        message = error.value.message
        if columns == "200":
            assert "\n" not in message
        assert all(len(line) <= 48 - len("Error: ") for line in message.split("\n")) \
            or columns == "200"
        flat = " ".join(message.split())
        assert "is not a choice" in flat and "type a number 1–12 or a name; ? for help" in flat


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
    decline_answers(s)
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
    decline_answers(s)
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
    decline_answers(s)
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
    decline_answers(s)
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
    decline_answers(s)
    assert s.finish() == 0
    assert json.loads((tmp_path / "advice.json").read_text())["profile"]["athlete"] == ""


@needs_script
def test_question_mark_shows_the_help_then_asks_again(session):
    s = session("advise", *all_but("variation", "back_days_per_week"))
    s.answer(r"Variation \(1–12, \? for help\): ", "?")
    first_words = " ".join(QUESTIONS["variation"]["help"].split()[:8])
    s.expect(re.escape(first_words))
    s.expect(re.escape("9. Rack pull (above the knee)\r\n"))  # its id is in its label already
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
    decline_answers(s)
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
    s.answer(r"Number to change", "x")
    s.expect("'x' is not an answer number")
    s.confirm_review()
    s.expect("Rack pull \\(above the knee\\): a back exercise")
    s.expect(r"Where:\s+Back \(pull\) day")
    decline_sheet(s)
    decline_answers(s)
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
    decline_answers(s)
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
    decline_answers(s)
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
    # an injury's stage is its follow-up: the count does not grow
    s.answer(r"\[2a/5\] " + question_line("injury_stage") + r"[\s\S]*?: ", "cleared")
    # a leg lift on leg day: the number of back days cannot change the advice, so it is dropped
    s.answer(r"\[3/5\] " + question_line("placement") + r"[\s\S]*?\[auto\]: ", "leg_day")
    s.answer(r"\[4/4\] " + question_line("units") + r"[\s\S]*?\[kg\]: ", "lb")
    assert not re.search(r"\[\d+a?/(6|7)\]", s.plain)
    s.confirm_review()
    s.expect("Wrote advice.json")
    decline_answers(s)
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
    s.answer(r"\[6a/9\] " + question_line("injury_stage") + r"[\s\S]*?: ", "recovering")
    s.answer(r"\[7/9\] [\s\S]*?\[auto\]: ", "back_day")
    s.answer(r"\[8/9\] [\s\S]*?\[1\]: ", "2")
    s.answer(r"\[9/9\] [\s\S]*?\[kg\]: ", "lb")
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
    s.answer(r"Week \(1–6, \? for help\): ", "6")
    for day, exercises in zip(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                               "Saturday", "Sunday"),
                              ("squat, leg press", "", "good mornings", "", "squats", "", ""),
                              strict=True):
        s.answer(re.escape(day), exercises)
    s.expect(r"Weights:\s+recent set 150 kg × 5 @ RPE 8")
    s.confirm_review()
    s.expect(r"Loads:\s+[\d.]+ kg × \d")
    # Monday's window would hold Wednesday's good mornings: Friday is the better day.
    s.expect(r"When:\s+Friday")
    decline_answers(s)
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
    s.expect(r"Weights:\s+1RM 200 kg; from the conventional deadlift")
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
    decline_answers(s)
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
    decline_answers(s)
    assert s.finish() == 0
    assert ANSI not in s.text


@needs_script
def test_colours_on_a_terminal(session):
    s = session("advise", *all_but("variation"))
    s.answer(r"Variation \(1–12, \? for help\)", "sumo")
    s.confirm_review()
    decline_sheet(s)
    decline_answers(s)
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
    decline_answers(s)
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


# --- answers never lost, re-opened, and a coach's defaults (issue 13, part 4) -----------------------

ANSWERS_OFFER = re.escape(WORDING["screens"]["answers"]["offer"])
ANSWERS_PATH = re.escape(WORDING["screens"]["answers"]["path"])


@needs_script
def test_after_the_questions_the_answers_are_offered_and_replay_to_the_same_advice(session,
                                                                                  tmp_path):
    s = session("advise", *all_but("athlete", "goal"), "--format", "json", "-o", "advice.json")
    s.answer(r"\[1/2\] " + question_line("athlete"), "Ana Lift")
    s.answer(r"\[2/2\] " + question_line("goal"), "power")
    s.confirm_review()
    s.answer(ANSWERS_OFFER, "")  # Enter: yes
    s.answer(ANSWERS_PATH + r" \(\? for help\) \[deadlift-answers-ana-lift\.yaml\]: ", "")
    s.expect(r"Wrote your answers to deadlift-answers-ana-lift\.yaml — change one later with\s+"
             r"deadlift-advisor\s+advise --answers deadlift-answers-ana-lift\.yaml --review")
    assert s.finish() == 0
    saved = yaml.safe_load((tmp_path / "deadlift-answers-ana-lift.yaml").read_text("utf-8"))
    assert saved["athlete"] == "Ana Lift" and saved["goal"] == "power"
    replay = subprocess.run([SCRIPT, "advise", "--answers", "deadlift-answers-ana-lift.yaml",
                             "--format", "json"], cwd=tmp_path, capture_output=True,
                            stdin=subprocess.DEVNULL, timeout=60)
    assert replay.stdout.decode() == (tmp_path / "advice.json").read_text(encoding="utf-8")


@needs_script
def test_review_reopens_a_complete_answers_file_to_change_one_answer(session, tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text("athlete: Sam\nvariation: sumo\ngoal: strength\nexperience: advanced\n"
                    "season_phase: none\ninjury_area: none\nplacement: auto\n"
                    "back_days_per_week: 1\nunits: kg\none_rm: 405 lb\nweek: upper_lower\n",
                    encoding="utf-8")
    before = yaml.safe_load(mine.read_text(encoding="utf-8"))
    s = session("advise", "--answers", "mine.yaml", "--review", "--format", "txt",
                "-o", "sheet.txt")
    s.expect(re.escape(WORDING["screens"]["review"]["title"]))
    s.expect(r"Goal:\s+\w[^\r\n]*\(given\)")
    s.expect(r"Weights:\s+1RM 405 lb\s+\(given\)")
    s.child.sendline(s.review_number("Weights"))
    s.answer(r"Recent set or 1RM \[405 lb\]: ", "")  # Enter keeps the weights
    s.child.sendline(s.review_number("Goal"))
    s.answer(r"Goal \(1–5, \? for help\) \[\w+\]: ", "hypertrophy")
    s.expect(r"Weights:\s+1RM 405 lb")
    s.confirm_review()
    s.expect("Wrote sheet.txt")
    s.answer(ANSWERS_OFFER, "y")
    s.answer(ANSWERS_PATH + r" \(\? for help\) \[mine\.yaml\]: ", "")  # back where they came from
    s.answer(r"'mine\.yaml' already exists\. Overwrite it\? \[y/N\]: ", "y")
    assert s.finish() == 0
    after = yaml.safe_load(mine.read_text(encoding="utf-8"))
    assert after["goal"] == "hypertrophy" and before["goal"] != "hypertrophy"
    assert {k: v for k, v in after.items() if k != "goal"} == \
        {k: v for k, v in before.items() if k != "goal"}


@pytest.mark.parametrize("args, message", [
    (("--review", "--no-input"), "--review opens the answers to change them, --no-input never "
                                 "asks"),
    (("--review",), "--review needs a terminal to show the review screen on"),
])
def test_review_without_a_terminal_or_with_no_input_is_one_line(args, message):
    from helpers import run_script

    run = run_script(["advise", "--answers", EXAMPLES / "answers.yaml", *args])
    assert run.code == 2 and run.stderr.strip() == f"deadlift-advisor: error: {message}" \
        + run.stderr.strip().split(message, 1)[1]
    assert "Traceback" not in run.stderr


@pytest.fixture
def defaults_file(tmp_path):
    path = tmp_path / "config" / "defaults.yaml"
    path.parent.mkdir()
    return path


def run_with_defaults(path, *args, stdin=None):
    from helpers import run_script

    return run_script(args, stdin=stdin, env={**os.environ, "DEADLIFT_ADVISOR_DEFAULTS": str(path)})


def test_the_defaults_command_says_where_the_file_is_and_creates_it_once(defaults_file):
    run = run_with_defaults(defaults_file, "defaults", "--path")
    assert run.stdout == f"{defaults_file}\n"
    run = run_with_defaults(defaults_file, "defaults")
    assert f"Your defaults file: {defaults_file} (not created yet" in run.stdout
    assert run_with_defaults(defaults_file, "defaults", "--init").code == 0
    starter = defaults_file.read_text(encoding="utf-8")
    assert "# units: kg" in starter
    run = run_with_defaults(defaults_file, "defaults")
    assert "It sets nothing" in run.stdout  # all commented out
    run = run_with_defaults(defaults_file, "defaults", "--init")
    assert run.code == 2 and "already exists" in run.stderr
    assert defaults_file.read_text(encoding="utf-8") == starter  # never overwritten
    # without the environment variable: the platform's config folder (XDG on Linux)
    from helpers import run_script

    env = {k: v for k, v in os.environ.items() if k != "DEADLIFT_ADVISOR_DEFAULTS"}
    env["XDG_CONFIG_HOME"] = str(defaults_file.parent)
    run = run_script(["defaults", "--path"], env=env)
    assert run.stdout == f"{defaults_file.parent / 'deadlift-advisor' / 'defaults.yaml'}\n"


BASIC = ("--set", "variation=sumo", "--set", "goal=strength", "--set", "experience=novice")


def profile_of(run):
    assert run.code == 0, run.stderr
    return json.loads(run.stdout)["profile"]


def test_defaults_apply_under_every_answer_and_can_be_ignored(defaults_file, tmp_path):
    defaults_file.write_text("units: lbs\nplate_step: 5\nweek: ppl\nseason_phase: in\n",
                             encoding="utf-8")
    shown = run_with_defaults(defaults_file, "defaults").stdout
    assert "Units: Pounds (lb)" in shown and "Plate step: 5 lb" in shown
    assert "Week: Push / pull / legs" in shown and "Season phase: In-season" in shown
    p = profile_of(run_with_defaults(defaults_file, "advise", "--no-input", *BASIC,
                                     "--format", "json"))
    assert (p["units"], p["plate_step"], p["season_phase"], p["week"]["split"]) == (
        "lb", 5.0, "in_season", "push_pull_legs")
    # --set wins; --set KEY= clears a default; a unit change drops the default plate step
    p = profile_of(run_with_defaults(defaults_file, "advise", "--no-input", *BASIC,
                                     "--set", "units=kg", "--set", "week=", "--format", "json"))
    assert (p["units"], p["plate_step"], p["week"], p["season_phase"]) == (
        "kg", None, None, "in_season")
    # an answers file wins too
    answers = tmp_path / "a.yaml"
    answers.write_text("variation: sumo\ngoal: power\nexperience: novice\nseason_phase: none\n",
                       encoding="utf-8")
    p = profile_of(run_with_defaults(defaults_file, "advise", "--no-input", "--answers", answers,
                                     "--format", "json"))
    assert (p["season_phase"], p["units"]) == ("none", "lb")
    p = profile_of(run_with_defaults(defaults_file, "advise", "--no-input", "--no-defaults",
                                     *BASIC, "--format", "json"))
    assert (p["units"], p["plate_step"], p["week"], p["season_phase"]) == ("kg", None, None, "none")
    # a roster: under each row's own answers
    roster = tmp_path / "roster.csv"
    roster.write_text("athlete,variation,goal,experience,units\nAl,sumo,power,novice,\n"
                      "Bo,sumo,power,novice,kg\n", encoding="utf-8")
    run = run_with_defaults(defaults_file, "batch", roster, "-o", tmp_path / "out", "--format",
                            "json")
    assert run.code == 0, run.stderr
    al = json.loads((tmp_path / "out" / "al.json").read_text(encoding="utf-8"))["profile"]
    bo = json.loads((tmp_path / "out" / "bo.json").read_text(encoding="utf-8"))["profile"]
    assert (al["units"], al["plate_step"], bo["units"], bo["plate_step"]) == ("lb", 5.0, "kg", None)


@pytest.mark.parametrize("content, message", [
    ("goal: power\n", "'goal' cannot be a default — it may set units, plate_step"),
    ("units: stone\n", "units: 'stone' is not one of kg, lb"),
    ("plate_step: 500\n", "plate_step: 500 kg"),
    ("- units\n", "the top level must be a mapping"),
])
def test_a_broken_defaults_file_is_one_line_naming_it(defaults_file, content, message):
    defaults_file.write_text(content, encoding="utf-8")
    for args in (("defaults",), ("advise", "--no-input", *BASIC)):
        run = run_with_defaults(defaults_file, *args)
        assert run.code == 2, run.stderr
        lines = run.stderr.strip().splitlines()
        assert len(lines) == 1 and message in lines[0] and "defaults file" in lines[0], lines
    assert run_with_defaults(defaults_file, "advise", "--no-input", "--no-defaults", *BASIC,
                             "--format", "json").code == 0


@needs_script
def test_the_review_screen_marks_what_came_from_the_defaults_file(session, defaults_file):
    defaults_file.write_text("units: lb\nweek: upper_lower\n", encoding="utf-8")
    s = session("advise", *all_but("units", "goal"), "--format", "json", "-o", "advice.json",
                env={"DEADLIFT_ADVISOR_DEFAULTS": str(defaults_file)})
    s.answer(r"\[1/1\] " + question_line("goal"), "strength")  # units is not asked
    s.expect(r"Units:\s+Pounds \(lb\)\s+\(your defaults file\)")
    s.expect(r"Week:\s+Upper / lower, four days\s+\(your defaults file\)")
    s.confirm_review()
    decline_answers(s)
    assert s.finish() == 0
    assert QUESTIONS["units"]["question"] not in s.plain


# --- the questionnaire's rough edges (issue 13, part 5) ---------------------------------------------

def printed_lines(s):
    """What the program printed, line by line, without colour (prompts and typed replies too)."""
    return s.plain.replace("\r\n", "\n").split("\n")


@needs_script
@pytest.mark.parametrize("columns", [50, 80])
def test_everything_printed_fits_the_terminal_and_no_word_is_broken(session, columns):
    s = session("advise", "--set", "one_rm=180", "-o", "-", "--format", "json",
                columns=columns)
    s.answer(r"Name \(optional, Enter to skip\): ", "Pat")
    s.answer(r"Variation \(1–12, \? for help\): ", "?")
    s.answer(r"Variation \(1–12, \? for help\): ", "1")
    s.answer(r"Goal \(1–5, \? for help\): ", "p")  # the error line is wrapped too
    s.answer(r"Goal \(1–5, \? for help\): ", "strength")
    s.answer(r"Experience \(1–3, \? for help\): ", "novice")
    s.answer(r"Season phase \(1–5, \? for help\) \[none\]: ", "")
    s.answer(r"Injury \(1–7, \? for help\) \[none\]: ", "knee")
    s.answer(r"Injury stage \(1–3, \? for help\): ", "acute")
    s.answer(r"Day \(1–5, \? for help\) \[auto\]", "?")  # the help, wrapped too
    s.answer(r"Day \(1–5, \? for help\) \[auto\]", "")
    s.answer(r"Back days a week", "")
    s.answer(r"Units \(1–2, \? for help\) \[kg\]", "")
    s.child.sendline(s.review_number("Week"))
    s.answer(r"Week \(1–6, \? for help\): ", "6")
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        s.answer(rf"  {day}: ", "back squat, bench press" if day == "Monday" else "")
    s.confirm_review()
    decline_answers(s)
    assert s.finish() == 0
    assert badly_wrapped(printed_lines(s), columns - 2) == []


def badly_wrapped(lines, limit):
    """Lines longer than ``limit``, and lines that end inside a word of the wording (the rest
    of the word on the next line)."""
    words = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", yaml.safe_dump(WORDING))}
    bad = []
    for line, after in zip(lines, [*lines[1:], ""], strict=True):
        if line.lstrip().startswith(('"', "{", "}", "]")):
            continue  # the JSON advice on standard output is data, not wrapped text
        tail, head = re.findall(r"[A-Za-z]+$", line), re.findall(r"^\s*([A-Za-z]+)", after)
        broken = (tail and head and tail[0].lower() not in words
                  and (tail[0] + head[0]).lower() in words)
        if len(line) > limit or broken:
            bad.append(line)
    return bad


def test_the_wrapping_check_catches_long_lines_and_broken_words():
    assert badly_wrapped(["Which deadlift variation do you want to program?"], 40) == [
        "Which deadlift variation do you want to program?"]
    assert badly_wrapped(["Which deadlift vari", "ation do you want"], 40) == [
        "Which deadlift vari"]
    assert badly_wrapped(["Which deadlift", "variation do you want"], 40) == []


@needs_script
def test_menus_align_and_no_prompt_nests_brackets_or_looks_like_a_default(session):
    s = session("advise", *all_but("goal"), "--review", "-o", "-", "--format", "json")
    s.answer(r"Goal \(1–5, \? for help\): ", "?")
    s.answer(r"Goal \(1–5, \? for help\): ", "strength")
    review = s.review_number("Weights")
    s.child.sendline(review)
    s.answer(r"Recent set or 1RM: ", "")
    s.child.sendline(s.review_number("Week"))
    s.answer(r"Week \(1–6, \? for help\): ", "6")
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        s.answer(rf"  {day}: ", "")
    s.confirm_review()
    decline_answers(s)
    assert s.finish() == 0
    text = s.plain
    assert "(hypertrophy) (hypertrophy)" not in text  # help names an id once
    assert "((" not in text and "))" not in text  # no nested brackets on the day lines
    assert "[kg]" not in text.split(WORDING["extras"]["weights"]["question"])[1]
    review_prompts = re.findall(re.escape(WORDING["screens"]["review"]["prompt"]) + r"[^\n]*",
                                text)
    assert review_prompts and all("[y]" not in p for p in review_prompts)
    # the week menu is laid out like every other: right-aligned numbers, labels in one column
    menu = text.split(WORDING["extras"]["week"]["question"])[1].split("\n")[1:7]
    starts = {re.match(r" *\d+\. ", line).end() for line in menu}
    assert len(starts) == 1 and all(re.match(r"  [ \d]\d\. ", line) for line in menu), menu


@needs_script
def test_an_unknown_exercise_is_flagged_on_its_line_with_a_suggestion(session, tmp_path):
    s = session("advise", *all_but("goal"), "-o", "advice.json", "--format", "json")
    s.answer(r"\[1/1\] " + question_line("goal"), "strength")
    s.child.sendline(s.review_number("Week"))
    s.answer(r"Week \(1–6, \? for help\): ", "6")
    s.answer(r"  Monday: ", "back squat, frnt squat")
    s.expect(r"'frnt squat' is not in the exercise catalogue \(did you mean Front squat\?\)")
    s.answer(r"  Monday \[back squat, frnt squat\]: ", "back squat, front squat")  # retyped
    s.answer(r"  Tuesday: ", "x" * 61)  # refused as typed, asked again
    s.expect("longer than 60")
    s.answer(r"  Tuesday: ", "zqxj")  # nothing close: flagged without a guess
    s.expect(r"'zqxj' is not in the exercise catalogue —")
    s.answer(r"  Tuesday \[zqxj\]: ", "")  # Enter keeps it as typed
    for day in ("Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        s.answer(rf"  {day}: ", "")
    s.confirm_review()
    decline_answers(s)
    assert s.finish() == 0
    days = json.loads((tmp_path / "advice.json").read_text(encoding="utf-8"))["schedule"]["days"]
    monday = [e["exercise"] for e in days["mon"]["entries"]]
    assert "back_squat" in monday and "front_squat" in monday
    assert days["tue"]["unknown"] == ["zqxj"]  # kept, and the sheet says it cannot check it
