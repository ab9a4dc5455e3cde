"""The interactive questionnaire: one question at a time, a review screen, a summary, a sheet.

Prompts are click's (``click.prompt`` with a ParamType per kind of answer, ``click.confirm``); the
wording lives in ``templates/questions.yaml``; which answers exist, their values and defaults come
from ``kb/answers.py`` and every value is checked by ``validation.check_value`` where it can be.

Which questions are asked
  Every answer not already given (by ``--answers`` or ``--set``) that matters given the answers so
  far, in the order of ``ANSWERS``:

  * ``injury_stage`` only with an injury (``kb.answers.relevant``);
  * ``back_days_per_week`` only where it can change the advice: the placement is ``auto`` or
    ``back_day`` (it decides whether a back day is allowed at all, whether a hybrid lift may go on
    one, and the K9 alternation with two or more back days), or the preferred day will be refused
    for this lifter (the advisor then chooses as for ``auto``) — checked by asking the engine.

  The optional answers are not asked on the way: the review screen ends with two more lines,
  Weights (a recent set or a 1RM) and Week (a split preset or day by day), which the user can pick
  like any other answer. The plate step is never asked (defaults per unit); given extras pass
  through and are saved as given.

  The progress marker ``[i/n]`` counts only the questions that will be asked; ``n`` is recounted
  after every answer (an injury adds its stage, a fixed day may drop the back-day question).

Going back
  The review screen lists every answer (labels, not ids). Changing one asks it again, then asks
  again the questions that depend on it (``DEPENDS``), asks any question that has become relevant
  and drops any conditional answer that no longer applies (no injury: no stage).
"""

import datetime
import functools
import os
import re
import shutil
import sys
import textwrap

import click

from .kb.answers import ANSWERS
from .kb.answers import relevant as _kb_relevant
from .kb.weeks import DAY_NAMES
from .quoting import nearest, resolve_choice, shown
from .validation import AnswerError, check_answers, check_value

try:
    from .kb.answers import EXTRA_ANSWERS  # optional answers (1RM, week, ...): never asked
except ImportError:  # pragma: no cover - a knowledge base without them
    EXTRA_ANSWERS = {}

ORDER = tuple(ANSWERS)
# key -> the later questions asked again when it changes on the review screen.
DEPENDS = {"injury_area": ("injury_stage",), "placement": ("back_days_per_week",)}
# Answers that exist only under a condition; dropped when the condition stops holding.
CONDITIONAL = ("injury_stage", "back_days_per_week")
DEFAULT_SHEET_FORMATS = ("html", "pdf", "md", "txt", "json")


from .errors import Cancelled, InputEnded  # noqa: E402,F401 (re-exported)


class _Marker:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


HELP = _Marker("HELP")        # the user typed '?'
CONFIRM = _Marker("CONFIRM")  # Enter or 'y' on the review screen


@functools.cache
def wording():
    """templates/questions.yaml as a mapping (questions and screens)."""
    from .resources import template_yaml

    return template_yaml("questions.yaml")


def question(key):
    return wording()["questions"][key]


def label(key, value):
    """How an answer reads on the review screen."""
    spec = ANSWERS[key]
    if spec["type"] == "choice":
        return question(key)["choices"][value]["label"]
    if spec["type"] == "text":
        return value if value else "(none)"
    return str(value)


# --- which questions are asked --------------------------------------------------------------------

def is_relevant(key, answers):
    """Whether ``key`` is worth asking given the answers so far (see the module docstring)."""
    if key == "back_days_per_week":
        return _back_days_matter(answers)
    return _kb_relevant(key, answers)


def _back_days_matter(answers):
    placement = answers.get("placement", ANSWERS["placement"]["default"])
    if placement in ("auto", "back_day"):
        return True
    # A fixed day other than a back day: the number of back days matters only if the advisor
    # refuses that day (then it chooses as for auto). Whether leg, full-body or dedicated days are
    # allowed does not depend on the back days, so one consultation answers it.
    from .api import advise

    trial = {k: v for k, v in answers.items() if k != "back_days_per_week"}
    trial["back_days_per_week"] = ANSWERS["back_days_per_week"]["default"]
    try:
        chosen = advise(trial).placement["day"]
    except AnswerError:  # not enough answers yet to tell: count it
        return True
    return chosen != placement


def pending(answers):
    """The questions still to ask, in order."""
    return [k for k in ORDER if k not in answers and is_relevant(k, answers)]


def check_given(answers):
    """Clean the answers given before the questionnaire: validation.check_answers, partially
    (missing answers are what the questionnaire asks; see there)."""
    return check_answers(answers, partial=True)


# --- the terminal --------------------------------------------------------------------------------

class Terminal:
    """Where the questionnaire talks: stdout, or stderr when stdout carries the advice itself.

    Colours only when that stream is a terminal, stdout is one too, and NO_COLOR is not set.
    """

    def __init__(self, err=False, colour=None):
        self.err = err
        stream = sys.stderr if err else sys.stdout
        if colour is None:
            colour = (not err and isatty(stream) and "NO_COLOR" not in os.environ)
        self.colour = colour

    def style(self, text, **styles):
        return click.style(text, **styles) if self.colour else text

    def echo(self, text="", nl=True):
        click.echo(text, nl=nl, err=self.err, color=self.colour)

    @staticmethod
    def width():
        """Columns to fill: the terminal's, less a margin, between 40 and 100."""
        return max(40, min(100, shutil.get_terminal_size((80, 24)).columns) - 2)

    def wrap(self, text, indent="", subsequent=None):
        """``text`` wrapped to the terminal at word boundaries (a word longer than a line is
        the only thing ever broken)."""
        return "\n".join(textwrap.wrap(str(text).strip(), width=self.width(),
                                       initial_indent=indent,
                                       subsequent_indent=indent if subsequent is None
                                       else subsequent, break_on_hyphens=False))

    def menu(self, rows):
        """Numbered rows ``(label, id)``, labels aligned, the id dimmed after them; the id
        column goes when it would not fit the terminal (ids are still taken as answers)."""
        width = max(len(lab) for lab, _ in rows)
        with_ids = all(6 + width + len(key or "") <= self.width() for _, key in rows)
        for number, (lab, key) in enumerate(rows, 1):
            line = f"  {number:>2}. "
            if with_ids and key:
                self.echo(line + f"{lab:<{width}}  " + self.style(key, dim=True))
            else:
                self.echo(self.wrap(lab, line, " " * len(line)))

    def problem(self, text):
        """A wrong answer's line as click prints it after "Error: ", wrapped and in red."""
        return self.style(textwrap.fill(text, width=self.width() - len("Error: "),
                                        subsequent_indent="  ", break_on_hyphens=False),
                          fg="red")

    def _input_line(self, text, room=12):
        """A prompt too long for the terminal, wrapped: all but its last line printed, the last
        returned for the input line (``room`` left for the default and the reply)."""
        lines = textwrap.wrap(text, width=self.width() - room, break_on_hyphens=False) or [text]
        for line in lines[:-1]:
            self.echo(self.style(line, bold=True))
        return self.style(lines[-1], bold=True)

    def prompt(self, text, **kwargs):
        default = kwargs.get("default")
        shown_default = kwargs.get("show_default", True) and default not in (None, "")
        room = 8 + (len(str(default)) + 3 if shown_default else 0)
        try:
            return click.prompt(self._input_line(text, room), err=self.err, **kwargs)
        except click.Abort as exc:
            raise _why(exc) from None

    def confirm(self, text, default):
        try:
            return click.confirm(self._input_line(text), default=default, err=self.err)
        except click.Abort as exc:
            raise _why(exc) from None


def isatty(stream):
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _why(abort):
    """click turns both Ctrl-C and end of input into Abort; the original is its __context__."""
    from .interrupts import Terminated

    if isinstance(abort.__context__, EOFError):
        return InputEnded()
    if isinstance(abort.__context__, Terminated):  # SIGTERM, SIGHUP: exit as the signal says
        return abort.__context__
    return Cancelled()


# --- answer types (click ParamTypes: '?' is help, anything wrong is one line) -----------------------

def _digits(text):
    return re.fullmatch(r"[0-9]+", text) is not None


def _is_number(text):
    try:
        float(text)
    except ValueError:
        return False
    return True


def _normalise(text):
    return text.strip().lower().replace("-", "_").replace(" ", "_")


class ChoiceAnswer(click.ParamType):
    """A number from the list, a label, or an id as an answers file takes it (aliases and unique
    prefixes too: quoting.resolve_choice), case-insensitive."""

    name = "choice"

    def __init__(self, ids, labels, ui, aliases=None):
        self.ids = tuple(ids)
        self.labels = dict(labels)
        self.aliases = aliases
        self.ui = ui

    def convert(self, value, param, ctx):
        text = str(value).strip()
        if text == "?":
            return HELP
        if _digits(text) and 1 <= int(text) <= len(self.ids):
            return self.ids[int(text) - 1]
        by_label = {lab.casefold(): key for key, lab in self.labels.items()}
        if text.casefold() in by_label:
            return by_label[text.casefold()]
        choice, candidates = resolve_choice(text, self.ids, self.aliases)
        if choice is not None:
            return choice
        if candidates:
            problem = f"{shown(text)} could be {', '.join(candidates[:-1])} or {candidates[-1]}"
        else:
            near = nearest(text, self.ids, self.aliases)
            problem = f"{shown(text)} is not a choice" + (f" (did you mean '{near}'?)" if near else "")
        self.fail(self.ui.problem(f"{problem} — type a number 1–{len(self.ids)} or a name; ? for "
                                f"help"))


class NumberAnswer(click.ParamType):
    """A whole number in the answer's range."""

    name = "number"

    def __init__(self, key, ui):
        self.low, self.high = ANSWERS[key]["min"], ANSWERS[key]["max"]
        self.ui = ui

    def convert(self, value, param, ctx):
        text = str(value).strip()
        if text == "?":
            return HELP
        if _digits(text) and self.low <= int(text) <= self.high:
            return int(text)
        what = "out of range" if _digits(text) else "not a whole number"
        self.fail(self.ui.problem(f"'{text}' is {what} — type a whole number from {self.low} to "
                                f"{self.high}; ? for help"))


class TextAnswer(click.ParamType):
    """Free text, checked like an answers file's (length, no control characters)."""

    name = "text"

    def __init__(self, key, ui):
        self.key = key
        self.ui = ui

    def convert(self, value, param, ctx):
        if str(value).strip() == "?":
            return HELP
        try:
            return check_value(self.key, str(value))
        except AnswerError as exc:
            message = str(exc).removeprefix(f"{self.key}: ")
            self.fail(self.ui.problem(f"{message}; ? for help"))


class ReviewAnswer(click.ParamType):
    """Enter or y confirms; a number picks the answer to change."""

    name = "review"

    def __init__(self, count, ui):
        self.count = count
        self.ui = ui

    def convert(self, value, param, ctx):
        text = str(value).strip().lower()
        if text == "?":
            return HELP
        if text in ("", "y", "yes"):
            return CONFIRM
        if _digits(text) and 1 <= int(text) <= self.count:
            return int(text)
        self.fail(self.ui.problem(f"'{text}' is not an answer number — type 1–{self.count} to "
                                f"change one, or press Enter to confirm; ? for help"))


# --- asking --------------------------------------------------------------------------------------

def ask(ui, key, current=None, progress=None):
    """Ask one question until a valid answer comes; returns the cleaned value."""
    spec, words = ANSWERS[key], question(key)
    ui.echo()
    marker = f"[{progress[0]}/{progress[1]}] " if progress else ""
    lines = ui.wrap(marker + words["question"], "", " " * len(marker)).split("\n")
    ui.echo(ui.style(marker, fg="cyan") + ui.style(lines[0][len(marker):], bold=True))
    for line in lines[1:]:
        ui.echo(ui.style(line, bold=True))
    default = current if current is not None else spec.get("default")
    show_default = True
    if spec["type"] == "choice":
        ids = spec["choices"]
        labels = {c: words["choices"][c]["label"] for c in ids}
        ui.menu([(labels[c], c) for c in ids])
        ptype = ChoiceAnswer(ids, labels, ui, spec.get("aliases"))
        text = f"{words['prompt']} (1–{len(ids)}, ? for help)"
    elif spec["type"] == "int":
        ptype = NumberAnswer(key, ui)
        text = f"{words['prompt']} ({spec['min']}–{spec['max']}, ? for help)"
        default = str(default) if default is not None else None
    else:
        ptype = TextAnswer(key, ui)
        text = words["prompt"]
        show_default = bool(default)
        default = default or ""
    while True:
        value = ui.prompt(text, type=ptype, default=default, show_default=show_default)
        if value is HELP:
            show_help(ui, key)
            continue
        return value


def show_help(ui, key):
    words = question(key)
    ui.echo()
    ui.echo(ui.wrap(words["help"], indent="  "))
    choices = ANSWERS[key].get("choices", ())
    for number, choice in enumerate(choices, 1):
        entry = words["choices"][choice]
        ui.echo()
        named = _normalise(choice) in _normalise(entry["label"])  # "Muscle size (hypertrophy)"
        ui.echo(ui.style(f"  {number:>2}. {entry['label']}" + ("" if named else f" ({choice})"),
                         bold=True))
        ui.echo(ui.wrap(entry["help"], indent="      "))
    ui.echo()


def walk(answers, ui):
    """Ask every pending question in order, counting only the ones that will be asked.

    The count never grows: a question an answer brings in (an injury's stage) is numbered as a
    follow-up of that answer ([6a/9]); one an answer makes moot only shortens the walk."""
    asked, total, follow_ups = 0, None, 0
    while True:
        todo = pending(answers)
        if not todo:
            return answers
        if total is not None and asked + len(todo) > total:
            follow_ups += 1
            number = f"{asked}{'abcdefgh'[follow_ups - 1]}"
        else:
            total = asked + len(todo)
            asked, follow_ups = asked + 1, 0
            number = str(asked)
        answers[todo[0]] = ask(ui, todo[0], progress=(number, total))
        if "injury_stage" in answers and not is_relevant("injury_stage", answers):
            del answers["injury_stage"]  # a given stage, and the injury was answered 'none'


def review(answers, given, ui, from_defaults=frozenset()):
    """The review screen: confirm, or change an answer and whatever depends on it.

    ``given`` maps the answers that came from --answers/--set to their values; they are marked
    as given while they keep that value, and those in ``from_defaults`` as from the defaults
    file."""
    words = wording()["screens"]["review"]
    extras_words = wording()["extras"]
    while True:
        keys = [k for k in ORDER if k in answers] + ["weights", "week"]
        names = {k: question(k)["name"] for k in keys if k in ORDER}
        names.update(weights=extras_words["weights"]["name"], week=extras_words["week"]["name"])
        width = max(len(n) for n in names.values())
        ui.echo()
        ui.echo(ui.style(words["title"], bold=True, underline=True))
        for number, key in enumerate(keys, 1):
            if key in ("weights", "week"):
                shown_as = _extras_shown(key, answers, extras_words)
                kept = [k for k in (("one_rm", "recent_set", "plate_step") if key == "weights"
                                    else ("week",)) if k in answers]
            else:
                shown_as = label(key, answers[key])
                kept = [key]
            origin = ""
            if kept and all(given.get(k, ...) == answers[k] for k in kept):
                origin = words["from_defaults" if set(kept) <= from_defaults else "given"]
            line = f"  {number:>2}. {names[key] + ':':<{width + 1}}  "
            text = ui.wrap(shown_as, line, " " * len(line))
            ui.echo(text + (ui.style(f"  {origin}", dim=True) if origin else ""))
        choice = ui.prompt(f"{words['prompt']} (? for help)", type=ReviewAnswer(len(keys), ui),
                           default="", show_default=False)
        if choice is HELP:
            ui.echo()
            ui.echo(ui.wrap(words["help"], indent="  "))
            continue
        if choice is CONFIRM:
            return answers
        if keys[choice - 1] == "weights":
            ask_weights(answers, ui)
        elif keys[choice - 1] == "week":
            ask_week(answers, ui)
        else:
            change(answers, keys[choice - 1], ui)


def _extras_shown(key, answers, words):
    if key == "weights":
        units = answers.get("units", ANSWERS["units"]["default"])
        parts = []
        if answers.get("recent_set") is not None:
            parts.append(f"recent set {_set_shown(answers['recent_set'], units)}")
        if answers.get("one_rm") is not None:
            parts.append(f"1RM {_weight_shown(answers['one_rm'], units)}")
        if parts and answers.get("max_lift"):
            parts.append(words["max_lift"]["shown"][answers["max_lift"]])
        if answers.get("plate_step") is not None:
            parts.append(f"plate step {_weight_shown(answers['plate_step'], units)}")
        return "; ".join(parts) or words["weights"]["none"]
    week = answers.get("week")
    if week is None:
        return words["week"]["none"]
    if isinstance(week, str):
        from .extra_answers import check_week

        return words["week"]["splits"][check_week(week)["split"]]
    return "; ".join(f"{DAY_NAMES.get(d, d)}: {_extra(v)}" for d, v in week.items() if v) \
        or "rest all week"


def _set_shown(value, units):
    """A recent set as "140 kg × 5 @ RPE 8", however it was typed."""
    from .extra_answers import SET_PATTERN

    if isinstance(value, str):
        match = SET_PATTERN.fullmatch(re.sub(r"\s+", "", value))
        if not match:
            return value
        weight, unit, reps, rpe = match.groups()
        value = {"weight": f"{weight} {unit}" if unit else weight, "reps": reps, "rpe": rpe}
    if not isinstance(value, dict):
        return str(value)
    weight = _weight_shown(value.get("weight"), units)
    return f"{weight} × {value.get('reps')} @ RPE {_num(value.get('rpe'))}"


def _weight_shown(value, units):
    """A weight as the review screen shows it: with its unit ("1RM 180 kg"), as typed when it
    names one ("405 lb")."""
    if isinstance(value, str) and _is_number(value.strip()):
        value = float(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{_num(value)} {units}"
    return str(value)


CLEAR = ("none", "no", "-")  # typed to clear an optional answer; Enter keeps it


class LoadAnswer(click.ParamType):
    """A recent set (WEIGHTxREPS@RPE) or a 1RM, checked in the chosen units; 'none' clears."""

    name = "load"

    def __init__(self, units, ui):
        self.units = units
        self.ui = ui

    def convert(self, value, param, ctx):
        from .extra_answers import SET_PATTERN, check_one_rm, check_recent_set

        if isinstance(value, dict):  # the default: what was there, kept
            return value
        text = str(value).strip()
        if text == "?":
            return HELP
        if not text or text.lower() in CLEAR:
            return {}
        try:
            if SET_PATTERN.fullmatch(re.sub(r"\s+", "", text)):
                check_recent_set(text, self.units)
                return {"recent_set": text}
            weight = check_one_rm(text, self.units)
            # kept as typed when it names its unit ("405 lb"): the answers file says what was said
            return {"one_rm": weight if _is_number(text) else text}
        except AnswerError as exc:
            self.fail(self.ui.problem(f"{exc}; ? for help"))


def ask_weights(answers, ui):
    """A recent set or a 1RM; Enter keeps the one there, 'none' clears it."""
    words = wording()["extras"]["weights"]
    units = answers.get("units", ANSWERS["units"]["default"])
    current = ({"recent_set": answers["recent_set"]} if answers.get("recent_set") is not None
               else {"one_rm": answers["one_rm"]} if answers.get("one_rm") is not None else {})
    ui.echo()
    ui.echo(ui.style(ui.wrap(words["question"]), bold=True))
    ui.echo(ui.wrap(words["hint"].format(units=units), "  "))
    shown_default = next(iter(current.values()), None)
    while True:
        value = ui.prompt(words["prompt"], type=LoadAnswer(units, ui),
                          default=_num(shown_default) if shown_default is not None else "",
                          show_default=shown_default is not None)
        if value is HELP:
            ui.echo(ui.wrap(words["help"], indent="  "))
            continue
        if value == {} or value != current:
            answers.pop("recent_set", None)
            answers.pop("one_rm", None)
            answers.pop("max_lift", None)
            answers.update(value)
        if value and value != current and answers.get("variation", "conventional") != \
                "conventional":
            ask_max_lift(answers, ui)
        return


def ask_max_lift(answers, ui):
    """Which lift the weight was measured on, when the variation is not the conventional one."""
    words = wording()["extras"]["max_lift"]
    keys = ("conventional", "variation", "auto")
    ui.echo(ui.style(words["question"], bold=True))
    for number, key in enumerate(keys, 1):
        ui.echo(f"  {number}. {words['choices'][key]}")
    while True:
        value = ui.prompt(words["prompt"], type=ChoiceAnswer(keys, words["choices"], ui),
                          default="3", show_default=True)
        if value is not HELP:
            break
        ui.echo(ui.wrap(words["help"], indent="  "))
    if value != "auto":
        answers["max_lift"] = value


def ask_week(answers, ui):
    """A split preset, or the week day by day; Enter keeps the week there, 'none' clears it."""
    from .extra_answers import check_week
    from .kb.weeks import SPLITS, WEEKDAYS as DAYS

    words = wording()["extras"]["week"]
    presets = list(SPLITS)
    current = answers.get("week")
    ui.echo()
    ui.echo(ui.style(ui.wrap(words["question"]), bold=True))
    ui.menu([*((words["splits"][name], name) for name in presets), (words["by_day"], None)])
    ui.echo(ui.wrap(words["hint"], "  "))
    default = ""
    if isinstance(current, str):
        default = check_week(current)["split"]
    elif current is not None:
        default = str(len(presets) + 1)
    while True:
        text = ui.prompt(f"{words['prompt']} (1–{len(presets) + 1}, ? for help)", default=default,
                         show_default=bool(default)).strip()
        if text == "?":
            ui.echo(ui.wrap(words["help"], indent="  "))
            continue
        if text.lower() in CLEAR or not text:
            answers.pop("week", None)
            return
        if _digits(text) and 1 <= int(text) <= len(presets):
            answers["week"] = presets[int(text) - 1]
            return
        if text == str(len(presets) + 1):
            break
        try:
            answers["week"] = check_week(text)["split"]
            return
        except AnswerError as exc:
            ui.echo(ui.style(ui.wrap(f"{str(exc).removeprefix('week: ')}; type "
                                     f"1–{len(presets) + 1}, ? for help", "", "  "), fg="red"))
    from .kb.exercises import EXERCISES

    before = check_week(current)["days"] if current is not None else {}
    before = {d: [EXERCISES[e]["label"] if e in EXERCISES else e for e in names]
              for d, names in before.items()}
    ui.echo(ui.wrap(words["day_hint"], "  "))
    answers["week"] = {day: ask_day(ui, day, ", ".join(before.get(day, ())), words)
                       for day in DAYS}


def ask_day(ui, day, current, words):
    """One day's exercises, checked as they are typed: a line the week check refuses is asked
    again; a name the catalogue does not know is flagged with the nearest one, and Enter keeps
    the line as typed."""
    from .extra_answers import check_week
    from .kb.exercises import find_exercise, suggest_exercise

    default = current
    while True:
        line = ui.prompt(f"  {DAY_NAMES[day]}", default=default,
                         show_default=bool(default)).strip()
        if line.lower() == "rest":
            return []
        try:
            check_week({day: line})
        except AnswerError as exc:
            ui.echo(ui.style(ui.wrap(str(exc), "    ", "      "), fg="red"))
            continue
        names = [part.strip() for part in line.split(",") if part.strip()]
        unknown = [n for n in names if find_exercise(n) is None]
        if not unknown or line == default:
            return names
        for name in unknown:
            near = suggest_exercise(name)
            hint = words["did_you_mean"].format(label=near) if near else ""
            ui.echo(ui.style(ui.wrap(words["unknown"].format(name=shown(name), hint=hint),
                                     "    "), fg="yellow"))
        default = line


def _extra(value):
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_extra(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def change(answers, key, ui):
    """Ask ``key`` again, then its dependants; drop conditional answers that no longer apply."""
    before = answers[key]
    answers[key] = ask(ui, key, current=before)
    changed = answers[key] != before
    for other in ORDER:
        if other == key:
            continue
        wanted = is_relevant(other, answers)
        if other in answers and not wanted and other in CONDITIONAL:
            del answers[other]
        elif other not in answers and wanted:
            answers[other] = ask(ui, other)
        elif other in answers and changed and other in DEPENDS.get(key, ()):
            answers[other] = ask(ui, other, current=answers[other])


def questionnaire(answers, ui, from_defaults=frozenset()):
    """Given answers -> complete answers, asked and reviewed on ``ui``. ``from_defaults``: the
    keys whose value came from the defaults file (marked so on the review screen)."""
    given = dict(answers)
    answers = dict(answers)
    if pending(answers):
        ui.echo(ui.wrap(wording()["screens"]["intro"]))
    walk(answers, ui)
    return review(answers, given, ui, frozenset(from_defaults))


# --- after the questions -------------------------------------------------------------------------



def _num(value):
    return f"{value:g}" if isinstance(value, float) else str(value)


def show_summary(ui, advice):
    """The summary (templates/summary.txt.j2), styled and wrapped for this terminal."""
    from .render import summary_lines

    a, lines = summary_lines(advice)
    words = wording()["screens"]["summary"]
    title = words["title"]
    athlete = a["profile"].get("athlete")
    ui.echo()
    ui.echo(ui.style(title + (f" — {athlete}" if athlete else ""), bold=True, underline=True))
    for line in lines:
        if line.endswith(":"):
            ui.echo(ui.style(line, bold=True))
        elif line:
            indent = " " * (len(line) - len(line.lstrip()))
            hanging = re.match(r" *\w[\w ]*:\s+", line)  # "How:    ..." continues under its text
            ui.echo(ui.wrap(line, indent, " " * hanging.end() if hanging else indent + "  "))
        else:
            ui.echo()
    if a["warnings"]:
        ui.echo()
        ui.echo(ui.style(words["warnings"], fg="yellow", bold=True))
        for w in a["warnings"]:
            ui.echo(ui.style(ui.wrap(w["text"], "  ! ", "    "), fg="yellow"))
    if a["recommendations"]:
        ui.echo()
        ui.echo(ui.style(words["advice"], bold=True))
        for m in a["recommendations"]:
            ui.echo(ui.wrap(m["text"], "  - ", "    "))
    ui.echo()
    ui.echo(ui.wrap(a["disclaimer"]))


def sheet_formats():
    from . import render

    formats = list(render.FORMATS)
    return [f for f in DEFAULT_SHEET_FORMATS if f in formats] + \
        [f for f in formats if f not in DEFAULT_SHEET_FORMATS]


def default_sheet_path(advice, fmt, folder=".", kind="sheet"):
    """deadlift-<kind>-<athlete or date>.<ext>, numbered when that name is taken."""
    athlete = advice.profile.get("athlete") or ""
    slug = re.sub(r"[^\w]+", "-", athlete.casefold()).strip("-_")
    stem = f"deadlift-{kind}-{slug or datetime.date.today().isoformat()}"
    path, number = f"{stem}.{fmt}", 2
    while os.path.lexists(os.path.join(folder, path)):
        path, number = f"{stem}-{number}.{fmt}", number + 1
    return path


def _write_where_asked(ui, words, default, ext, data, write):
    """Ask for a path until ``data`` is written there (``words``: its ``path`` prompt and
    ``path_help``); an existing file is only replaced after the user confirms. Returns it."""
    from .errors import InputError

    while True:
        path = ui.prompt(f"{words['path']} (? for help)", default=default).strip()
        if path == "?":
            ui.echo(ui.wrap(words["path_help"], indent="  "))
            continue
        path = os.path.expanduser(path)
        if not os.path.splitext(path)[1]:
            path = f"{path}.{ext}"
        force = False
        if os.path.isfile(path):
            if not ui.confirm(f"'{path}' already exists. Overwrite it?", default=False):
                continue
            force = True
        try:
            write(path, data, force)
        except InputError as exc:
            ui.echo(ui.style(ui.wrap(f"{exc} — try another name", "", "  "), fg="red"))
            continue
        return path


def offer_sheet(ui, advice, write, default_format=None):
    """Offer to write a sheet; returns the path written, or None. ``write(path, data, force)``
    raises InputError with one line when it cannot write."""
    from .errors import InputError
    from .render import render

    words = wording()["screens"]["sheet"]
    ui.echo()
    if not ui.confirm(words["offer"], default=True):
        return None
    formats = sheet_formats()
    default = default_format if default_format in formats else formats[0]
    labels = {f: words["formats"].get(f, f) for f in formats}
    ui.echo()
    ui.echo(ui.style(words["format"], bold=True))
    width = max(len(lab) for lab in labels.values())
    for number, fmt in enumerate(formats, 1):
        ui.echo(f"  {number:>2}. {labels[fmt]:<{width}}  " + ui.style(fmt, dim=True))
    while True:
        fmt = ui.prompt(f"{words['format']} (1–{len(formats)}, ? for help)",
                        type=ChoiceAnswer(formats, labels, ui), default=default)
        if fmt is HELP:
            ui.echo(ui.wrap(words["help"], indent="  "))
            continue
        try:
            data = render(advice, fmt)
        except InputError as exc:  # e.g. no browser for the pdf: say so, offer the others
            ui.echo(ui.style(ui.wrap(f"{exc} — choose another format", "", "  "), fg="red"))
            continue
        break
    path = _write_where_asked(ui, words, default_sheet_path(advice, fmt), fmt, data, write)
    ui.echo(f"Wrote {path}")
    return path


def offer_answers(ui, advice, answers, write, path=None):
    """Offer to save the answers (as copier keeps its answers file); returns the path written,
    or None. ``path``: the file the answers came from, offered first (replaced only after the
    user confirms)."""
    words = wording()["screens"]["answers"]
    ui.echo()
    if not ui.confirm(words["offer"], default=True):
        return None
    default = path or default_sheet_path(advice, "yaml", kind="answers")
    target = _write_where_asked(ui, words, default, "yaml", answers_yaml(advice.profile, answers),
                                write)
    ui.echo(ui.wrap(words["wrote"].format(path=target)))
    return target


def answers_yaml(profile, given=None):
    """The final answers as YAML that ``--answers`` replays to the same advice: every core answer
    as validated (defaults included), the optional extra answers as they were given."""
    import yaml

    data = {k: v for k, v in profile.items() if k in ANSWERS and v is not None}
    data.update({k: v for k, v in (given or {}).items() if k in EXTRA_ANSWERS and v is not None})
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False)
    return ("# deadlift-advisor answers — replay with: deadlift-advisor advise --answers "
            "THIS-FILE\n" + body)
