"""Property-based fuzzing (issue 11): no input, however malformed, ends in a traceback.

The only exceptions a caller may see are the documented one-line errors:

* ``deadlift_advisor.advise(answers)`` raises ``AnswerError`` and nothing else; when it succeeds,
  the advice renders in every format that needs no browser (all but pdf), its HOW trail renders,
  and ``to_dict()`` is JSON;
* ``answer_files.load_answers(path)`` then ``advise`` raise ``InputError`` or ``AnswerError``;
* the command line (``advise --no-input --answers FILE --format txt`` and ``explain --no-input
  --answers FILE``) exits 0, or 2 with exactly one ``deadlift-advisor: error: ...`` line on
  standard error, and never with an uncaught exception.

Every error message is one line, and no answer may take more than ``SLOW_SECONDS`` to check (a
regex that backtracks on a long answer is a hang waiting for a longer one).

The default run is bounded and reproducible (``derandomize=True``, no example database): a few
seconds per test, about 15 s in all. Each test also replays, as explicit examples, the shrunk
inputs of the failures the long runs found (issue 11), whatever the generated examples are. To
hunt for new failures, run many more random examples (explicit examples skipped)::

    HYPOTHESIS_PROFILE=long .venv/bin/pytest tests/test_fuzz.py       # 5,000 examples per test
    HYPOTHESIS_PROFILE=long FUZZ_EXAMPLES=20000 .venv/bin/pytest tests/test_fuzz.py

Huge integers appear in the generated answers as ``Big(digits)`` (the number with that many
nines), so that a shrunk example stays readable; the tests turn them into ints before use.
"""

import json
import os
import time
import unicodedata

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, Phase, example, given, note, settings
from hypothesis import strategies as st

import deadlift_advisor
from deadlift_advisor.answer_files import InputError, load_answers
from deadlift_advisor.cli import main
from deadlift_advisor.kb.answers import ANSWERS, EXTRA_ANSWERS, REQUIRED
from deadlift_advisor.kb.exercises import typed_names
from deadlift_advisor.kb.weeks import SPLITS, WEEKDAYS
from deadlift_advisor.render import BINARY_FORMATS, FORMATS, render, render_trail
from deadlift_advisor.validation import AnswerError

PREFIX = "deadlift-advisor: error: "
TEXT_FORMATS = tuple(f for f in FORMATS if f not in BINARY_FORMATS)
ALL_KEYS = (*ANSWERS, *EXTRA_ANSWERS)
MINIMAL = {"variation": "conventional", "goal": "strength", "experience": "intermediate"}
# A hang guard, not a speed test (make bench measures speed): checking answers is linear work on
# a few KB at most, about a millisecond; a pattern that backtracked took seconds to minutes.
SLOW_SECONDS = 5.0

# --- settings ------------------------------------------------------------------------------------

_CHECKS_OFF = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
               HealthCheck.large_base_example]
# The long hunt skips the explicit examples (known failures): they would stop it before it starts.
settings.register_profile("long", max_examples=int(os.environ.get("FUZZ_EXAMPLES", "5000")),
                          deadline=None, database=None, derandomize=False,
                          phases=(Phase.generate, Phase.target, Phase.shrink),
                          suppress_health_check=_CHECKS_OFF)
LONG = os.environ.get("HYPOTHESIS_PROFILE") == "long"


def fuzz(max_examples):
    """Bounded and derandomized by default; HYPOTHESIS_PROFILE=long for a long random hunt."""
    if LONG:
        return settings(settings.get_profile("long"))
    return settings(max_examples=max_examples, deadline=None, derandomize=True, database=None,
                    suppress_health_check=_CHECKS_OFF)


# --- huge integers, readable -------------------------------------------------------------------

class Big:
    """A placeholder for the integer of ``digits`` nines (negative if asked): Python refuses to
    print ints of more than 4,300 digits, and a 400-digit one is no easier to read."""

    def __init__(self, digits, negative=False):
        self.digits, self.negative = digits, negative

    def __repr__(self):
        return f"Big({self.digits}{', negative=True' if self.negative else ''})"

    def value(self):
        number = 10 ** self.digits - 1
        return -number if self.negative else number

    def text(self):
        return ("-" if self.negative else "") + "9" * self.digits


def materialise(value):
    """The answers with every Big as the int it stands for."""
    if isinstance(value, Big):
        return value.value()
    if isinstance(value, dict):
        return {materialise(k): materialise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [materialise(v) for v in value]
    return value


# --- building blocks -----------------------------------------------------------------------------

# Characters that have broken text handling somewhere: C0 and C1 controls, DEL, line and
# paragraph separators, bidi overrides and isolates, zero-width and byte-order marks,
# non-characters, lone surrogates, letters whose case mapping changes their length.
TRICKY_CHARS = ("\x00\x01\x07\x08\t\n\x0b\x0c\r\x1b\x1c\x1f\x7f\x80\x85\x9b\x9f\xa0\xad"
                "\u0130\u034f\u061c\u180e\u200b\u200d\u200e\u200f\u2028\u2029\u202a\u202d\u202e"
                "\u2066\u2069\u3000\ufeff\ufffd\ufffe\uffff\ud800\udbff\udc00\udfff"
                "\U0001f600\U000e0001\U0010ffff\u00df\ufb01\u0660\uff11\U0001d7d7\u00d7")
PADS = ("", " ", "  ", "\t", "\n", "\r\n", "\u3000", "\xa0", "\x85", "\u2028", "\ufeff", "\u200b",
        "\x00", "\x1b[31m")

tricky_char = st.sampled_from(TRICKY_CHARS)
any_char = st.one_of(
    st.characters(codec=None, exclude_categories=()),        # surrogates included
    st.characters(min_codepoint=0x80, max_codepoint=0x9F),    # C1 controls
    st.characters(max_codepoint=0x7F),
    tricky_char,
)
short_text = st.one_of(st.text(max_size=12), st.text(any_char, max_size=12))


def _repeat(piece, times):
    return piece * times


long_text = st.one_of(
    st.builds(_repeat, st.text(any_char, min_size=1, max_size=4), st.integers(1, 3000)),
    st.builds(lambda a, pad, n, b: a + pad * n + b, short_text, st.sampled_from(PADS[1:]),
              st.integers(1, 3000), short_text),
)
texts = st.one_of(short_text, st.text(any_char, max_size=40), long_text)

MANGLERS = (
    lambda w: w, str.upper, str.title, str.swapcase, lambda w: w.replace("_", "-"),
    lambda w: w.replace("_", " "), lambda w: w.replace("_", ""), lambda w: w.replace("_", "\t"),
    lambda w: w.replace("_", "\xa0"), lambda w: w[:-1], lambda w: w + "s",
    lambda w: w.replace("i", "\u0130"), lambda w: w.replace("a", "\u0430"),  # Cyrillic a
    lambda w: w + "\u0301",  # combining accent
)


def near(words):
    """Each of ``words`` as a person might mistype it: case, '-'/' ' for '_', padding."""
    return st.builds(lambda w, m, pre, post: pre + m(w) + post, st.sampled_from(words),
                     st.sampled_from(MANGLERS), st.sampled_from(PADS), st.sampled_from(PADS))


SPECIAL_FLOATS = (0.0, -0.0, 5e-324, 1e-320, 1e-310, 2.2250738585072014e-308, 1e-300, 1e-9, 0.25,
                  0.5, 1.0, 2.5, 5.0, 6.0, 8.5, 10.0, 12.0, 20.0, 45.0, 140.0, 500.0, 1100.0, 1e6,
                  1e15, 2.0 ** 53 + 1, 1e300, 1.7976931348623157e308, float("inf"), float("-inf"),
                  float("nan"))
# 309 digits: more than a float holds; 4,301: more than Python will print (or parse) in base 10.
BIG_DIGITS = st.sampled_from((20, 308, 309, 400, 1000, 4300, 4301, 4301, 5000, 5000))
bigs = st.builds(Big, st.one_of(BIG_DIGITS, BIG_DIGITS, st.integers(20, 6000)), st.booleans())
numbers = st.one_of(
    st.sampled_from(SPECIAL_FLOATS), bigs, st.integers(-3, 15), st.integers(),
    st.integers(-10 ** 6, 10 ** 6), st.floats(), st.floats(min_value=0, max_value=1e-300),
)
NUMERIC_TEXT = ("0", "-0", "1", "2", "+1", "1.0", "1_000", "0x10", "1e3", "1e-320", "5e-324",
                "1e400", "-1e400", "inf", "-inf", "Infinity", "nan", "NaN", "", " ", ".5", "5.",
                "\u0661\u0664\u0660", "\uff11\uff14\uff10", "\U0001d7d9", "140 kg", "140kg",
                "1" * 400, "9" * 5000, "1" * 4301, "0" * 5000 + "1", " 2 ", "\u00bd", "\u2167")
numeric_text = st.one_of(st.sampled_from(NUMERIC_TEXT), numbers.map(lambda n: str(n) if not
                                                                    isinstance(n, Big) else n.text()))
dates = st.one_of(st.dates(), st.datetimes())
leaves = st.one_of(st.none(), st.booleans(), numbers, short_text, st.binary(max_size=8), dates,
                   st.sets(st.integers(0, 3), max_size=3), st.tuples(st.integers(0, 3)))
junk = st.recursive(
    leaves,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.one_of(short_text, st.integers(), st.none(),
                                                      st.booleans()), inner, max_size=4)),
    max_leaves=12,
)


def wild(*valid):
    """Anything at all, with the valid and nearly valid values among it."""
    return st.one_of(*valid, numbers, numeric_text, texts, junk)


def choice_values(key):
    choices = (ANSWERS.get(key) or EXTRA_ANSWERS[key])["choices"]
    return st.sampled_from(choices), wild(st.sampled_from(choices), near(choices))


# --- recent_set and week -------------------------------------------------------------------------

SET_WEIGHTS = ("140", "140.5", "20", "500", "1100", "0", "19.99", "500.01", "1" * 400, "9" * 400,
               "\u0661\u0664\u0660", "\uff11\uff14\uff10", "140.", ".5", "1e3", "-140", "00140",
               "3" * 30)
SET_REPS = ("5", "1", "12", "0", "13", "99", "1" * 400, "\u0665", "5.0", "-1", "1e3", "00005")
SET_RPES = ("8", "8.5", "10", "6", "5.5", "10.5", "7.25", "9.9999999999999999", "1" * 400 + ".0",
            "\u0668", "nan", "8.", "8.50")


def _short_form(lead, weight, unit, sep, reps, at, rpe, tail):
    return f"{lead}{weight}{unit}{sep}{reps}{at}{rpe}{tail}"


def mostly(valid, odd):
    """``valid`` three times in four, else ``odd``: one odd part in an otherwise sound answer."""
    return st.one_of(valid, valid, valid, odd)


short_form = st.builds(
    _short_form, mostly(st.just(""), st.sampled_from(PADS)),
    mostly(st.integers(45, 500).map(str), st.one_of(st.sampled_from(SET_WEIGHTS), numeric_text)),
    mostly(st.sampled_from(("", "kg", "lb", " kg ")),
           st.sampled_from(("KG", "Lb", "kgs", "lbs", "\tkg\t", "\u3000"))),
    mostly(st.sampled_from(("x", "X", "\u00d7", "*", " x ")),
           st.sampled_from(("by", "\u00d7\u00d7", "xx", "", "\u2715"))),
    mostly(st.integers(1, 12).map(str), st.one_of(st.sampled_from(SET_REPS), numeric_text)),
    mostly(st.sampled_from(("@", " @ ")), st.sampled_from(("@@", "at", "", "\t@\t", "\uff20"))),
    mostly(st.sampled_from(("6", "7.5", "8", "8.5", "10")),
           st.one_of(st.sampled_from(SET_RPES), numeric_text)),
    mostly(st.just(""), st.sampled_from(PADS)),
)
# The short form with a long run of whitespace where the pattern has two \s* side by side.
long_short_form = st.builds(
    lambda head, pad, n, tail: head + pad * n + tail,
    st.sampled_from(("1", "140", "140kg", "140 kg ", "140x5", "140x5@", "140x5@8", "")),
    st.sampled_from((" ", "\t", "\u3000", "\xa0")), st.integers(1, 20000),
    st.sampled_from(("", "q", "x", "x5@8", "kg", "@8", "1", "\x00")),
)
valid_set = st.one_of(
    st.builds(lambda w, r, e: f"{w}x{r}@{e}", st.integers(45, 500), st.integers(1, 12),
              st.sampled_from(("6", "6.5", "7", "8", "8.5", "9", "9.5", "10"))),
    st.fixed_dictionaries({"weight": st.floats(45, 500), "reps": st.integers(1, 12),
                           "rpe": st.sampled_from((6, 6.5, 7, 7.5, 8, 8.5, 9, 9.5, 10))}),
)
set_mapping = st.one_of(
    st.fixed_dictionaries({
        "weight": mostly(st.one_of(st.integers(45, 500), st.floats(45, 500)),
                         st.one_of(numbers, numeric_text)),
        "reps": mostly(st.integers(1, 12), st.one_of(numbers, numeric_text)),
        "rpe": mostly(st.sampled_from((6, 6.5, 8, 8.5, 10)), st.one_of(numbers, numeric_text))}),
    st.fixed_dictionaries({"weight": wild(st.floats(20, 500)), "reps": wild(st.integers(1, 12)),
                           "rpe": wild(st.sampled_from((6, 8.5, 10)))}),
    st.fixed_dictionaries({}, optional={"weight": wild(), "reps": wild(), "rpe": wild(),
                                        "sets": wild(), "RPE": wild()}),
)
recent_set_values = (valid_set, wild(valid_set, short_form, long_short_form, set_mapping))

EXERCISE_NAMES = sorted({name for ex_id, names in typed_names().items() for name in (ex_id, *names)})
DAY_NAMES = (*WEEKDAYS, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
exercise_names = st.one_of(
    st.sampled_from(EXERCISE_NAMES), near(EXERCISE_NAMES),
    st.builds(lambda n, s: n + s, st.sampled_from(EXERCISE_NAMES),
              st.sampled_from((" 5x5 @8", " 3x10", "s", "es", "ies", " (heavy)", ",", " x"))),
    texts, st.text(any_char, min_size=55, max_size=65),
)
day_items = st.one_of(
    st.none(), st.lists(exercise_names, max_size=12),
    st.builds(", ".join, st.lists(exercise_names, max_size=12)),
    st.builds(",".join, st.lists(st.sampled_from(EXERCISE_NAMES), max_size=12)), junk,
)
day_keys = st.one_of(st.sampled_from(DAY_NAMES), near(DAY_NAMES), short_text, st.integers(),
                     st.none(), st.booleans(), st.floats(), bigs)
valid_week = st.one_of(
    st.sampled_from(tuple(SPLITS)),
    st.dictionaries(st.sampled_from(WEEKDAYS),
                    st.lists(st.sampled_from(EXERCISE_NAMES), max_size=6), max_size=7),
)
# A week of real days but for one odd day (or odd exercises on it), listed first.
odd_day_week = st.builds(
    lambda day, items, rest: {day: items, **rest}, day_keys, day_items,
    st.dictionaries(st.sampled_from(WEEKDAYS), st.lists(exercise_names, max_size=12), max_size=6),
)
week_values = (valid_week, wild(valid_week, near(tuple(SPLITS)), odd_day_week, odd_day_week,
                                st.dictionaries(day_keys, day_items, max_size=8)))

# --- whole answer sets ---------------------------------------------------------------------------


def _values(key):
    """(valid values, anything) for one answer key."""
    spec = ANSWERS.get(key) or EXTRA_ANSWERS[key]
    kind = spec["type"]
    if kind == "choice":
        return choice_values(key)
    if kind == "text":
        valid = st.text(st.characters(min_codepoint=32, max_codepoint=0x2FF), max_size=30)
        return valid, wild(valid, st.text(any_char, min_size=70, max_size=90),
                           st.builds(lambda n, c: "x" * n + c, st.integers(0, 85), tricky_char))
    if kind == "int":
        valid = st.integers(spec["min"], spec["max"])
        return valid, wild(valid, valid.map(str), near(("0", "1", "2", "3", "1_0", "\u0662")))
    if kind == "weight":
        valid = st.one_of(st.integers(45, 500), st.floats(45, 500))  # kg and lb
        return valid, wild(valid)
    if kind == "plate_step":
        valid = st.one_of(st.sampled_from((0.5, 1, 1.25, 2.5, 5, 10)), st.floats(1e-3, 25))
        return valid, wild(valid, st.floats(min_value=0, max_value=1e-300, exclude_min=True))
    if kind == "bar_weight":
        valid = st.one_of(st.sampled_from((15, 20, 25, 45, 55)), st.floats(10, 50))
        return valid, wild(valid, st.sampled_from(("20kg", "45 lb", "0", "-20")))
    if kind == "plates":
        plate = st.sampled_from((25, 20, 15, 10, 5, 2.5, 1.25, 45, 35))
        valid = st.one_of(st.lists(plate, min_size=1, max_size=7),
                          st.lists(plate, min_size=1, max_size=7).map(
                              lambda ps: ", ".join(map(str, ps))))
        return valid, wild(valid, st.lists(st.floats(0, 1e9), max_size=20),
                           st.text(max_size=300))
    if kind == "recent_set":
        return recent_set_values
    if kind == "week":
        return week_values
    raise AssertionError(f"no strategy for answer type {kind!r}")


VALUES = {key: _values(key) for key in ALL_KEYS}
unknown_keys = st.one_of(near(ALL_KEYS), short_text, st.integers(), st.none(), st.booleans(), bigs,
                        st.floats())


def _chance(tenths):
    """True ``tenths`` times in ten; shrinks to the likelier value (hypothesis also tries the
    simplest choices often, so a required answer shrinks to present and an optional one to
    absent)."""
    if tenths > 5:
        return st.sampled_from((True,) * tenths + (False,) * (10 - tenths))
    return st.sampled_from((False,) * (10 - tenths) + (True,) * tenths)


@st.composite
def answer_sets(draw):
    """Mostly valid answers, a few keys (0-3) fuzzed hard, sometimes an unknown key; in a
    shuffled order (the first bad key is the one reported)."""
    fuzzed = draw(st.sets(st.sampled_from(ALL_KEYS), max_size=3))
    answers = {}
    for key in ALL_KEYS:
        valid, anything = VALUES[key]
        if key in fuzzed:
            answers[key] = draw(anything)
        elif key == "injury_stage":
            if answers.get("injury_area", "none") != "none" and draw(_chance(9)):
                answers[key] = draw(valid)
        elif draw(_chance(9 if key in REQUIRED else 4)):
            answers[key] = draw(valid)
    if draw(_chance(1)):
        answers.update(draw(st.dictionaries(unknown_keys, junk, min_size=1, max_size=2)))
    return dict(draw(st.permutations(list(answers.items()))))


@st.composite
def extra_answer_sets(draw):
    """The required answers, valid, and each optional answer that makes the advice concrete
    (weights, the week) half the time, fuzzed: what reaches the load and week rules."""
    answers = {**MINIMAL, "units": draw(st.sampled_from(("kg", "lb")))}
    fuzzed = draw(st.sampled_from(tuple(EXTRA_ANSWERS)))
    for key in EXTRA_ANSWERS:
        if key == fuzzed:
            answers[key] = draw(VALUES[key][1])
        elif draw(_chance(5)):
            answers[key] = draw(VALUES[key][0])
    return answers


top_level = st.one_of(*[answer_sets()] * 4, *[extra_answer_sets()] * 3, junk)


@st.composite
def one_key_fuzzed(draw, key):
    """Sound answers (with a 1RM or a recent set, and a week, now and then, so that loads and
    the week are worked out) and one answer, ``key``, fuzzed hard."""
    answers = {**MINIMAL, "variation": draw(VALUES["variation"][0]),
               "units": draw(st.sampled_from(("kg", "lb")))}
    for extra in ("one_rm", "recent_set", "week"):
        if draw(_chance(4)):
            answers[extra] = draw(VALUES[extra][0])
    answers[key] = draw(VALUES[key][1])
    if key == "injury_stage" and draw(_chance(8)):
        answers["injury_area"] = draw(VALUES["injury_area"][0])
    return answers

# --- checks shared by the tests ------------------------------------------------------------------


def one_line(exc):
    message = str(exc)
    assert message.strip(), f"{type(exc).__name__} with an empty message"
    assert message.splitlines() == [message], f"not one line: {message!r}"


def unsafe_chars(text):
    """Characters that must not reach a sheet from the athlete's name: controls (C0, C1, DEL),
    lone surrogates, line/paragraph separators and bidi overrides/isolates."""
    return sorted({f"U+{ord(c):04X}" for c in text
                   if unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp")
                   or 0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069})


def advise_checked(answers):
    """advise(answers): AnswerError (one line) -> None, else the advice; never slow."""
    start = time.perf_counter()
    try:
        advice = deadlift_advisor.advise(answers)
    except AnswerError as exc:
        one_line(exc)
        advice = None
    elapsed = time.perf_counter() - start
    assert elapsed < SLOW_SECONDS, f"advise took {elapsed:.2f} s"
    return advice


def check_advice(advice):
    """The athlete's name is safe to print, and the advice renders in every text format, its
    HOW trail too, and its JSON contract, without an exception."""
    athlete = advice.profile["athlete"]
    assert not unsafe_chars(athlete), f"athlete {athlete!r} kept {unsafe_chars(athlete)}"
    for fmt in TEXT_FORMATS:
        out = render(advice, fmt, generated="2024-01-01")
        assert isinstance(out, str) and out.endswith("\n"), fmt
    for fmt in ("txt", "json"):
        render_trail(advice, fmt)
    json.dumps(advice.to_dict(), ensure_ascii=False)


# --- 1. advise() ---------------------------------------------------------------------------------


def examples(**cases):
    """One @example per case (name -> the test's keyword arguments), e.g. the shrunk inputs of
    failures found before: each is checked on every run, whatever the generated examples are."""
    def decorate(test):
        for kwargs in cases.values():
            test = example(**kwargs)(test)
        return test
    return decorate


@fuzz(600)
@given(answers=top_level)
@examples(
    tiny_plate_step={"answers": {**MINIMAL, "one_rm": 200, "plate_step": 5e-324}},
    int_too_big_for_float={"answers": {**MINIMAL, "one_rm": Big(309)}},
    infinite_reps={"answers": {**MINIMAL, "recent_set": {"weight": 140, "reps": float("inf"),
                                                         "rpe": 8}}},
    reps_beyond_float={"answers": {**MINIMAL, "recent_set": "140x" + "1" * 400 + "@8"}},
    huge_int_choice={"answers": {**MINIMAL, "variation": Big(4301)}},
    huge_int_out_of_range={"answers": {**MINIMAL, "back_days_per_week": Big(4301)}},
    huge_int_key={"answers": {**MINIMAL, Big(4301): None}},
    huge_int_day={"answers": {**MINIMAL, "week": {Big(4301): None}}},
    controls_in_name={"answers": {**MINIMAL, "athlete": "Sam\x7f\x85\u202e\u2028Lee"}},
    backtracking_set={"answers": {**MINIMAL, "recent_set": "1" + " " * 25000}},
)
def test_advise_raises_only_answer_error(answers):
    advice = advise_checked(materialise(answers))
    if advice is not None:
        check_advice(advice)


@pytest.mark.parametrize("key", ALL_KEYS)
@fuzz(80)
@given(data=st.data())
def test_each_answer_fuzzed_alone_raises_only_answer_error(key, data):
    advice = advise_checked(materialise(data.draw(one_key_fuzzed(key), label="answers")))
    if advice is not None:
        check_advice(advice)


# --- answers files -------------------------------------------------------------------------------

def _token(big):
    return f"BIG{big.digits}{'N' if big.negative else 'P'}TOKEN"


def _tokens(value, found):
    """The answers with each Big as a token string (restored as digits in the file text)."""
    if isinstance(value, Big):
        found[_token(value)] = value.text()
        return _token(value)
    if isinstance(value, dict):
        return {_tokens(k, found): _tokens(v, found) for k, v in value.items()}
    if isinstance(value, list):
        return [_tokens(v, found) for v in value]
    return value


def dump(answers, fmt, unicode):
    """Answers as the text of a YAML or JSON file (a Big as its digits, unquoted)."""
    found = {}
    plain = _tokens(answers, found)
    if fmt == "json":
        text = json.dumps(plain, ensure_ascii=not unicode, default=str)
        for token, digits in found.items():
            text = text.replace(f'"{token}"', digits)
    else:
        try:
            text = yaml.safe_dump(plain, allow_unicode=unicode, sort_keys=False)
        except yaml.YAMLError:
            text = json.dumps(plain, default=str)
        for token, digits in found.items():
            text = text.replace(token, digits)
    return text


MINIMAL_YAML = "variation: conventional\ngoal: strength\nexperience: intermediate\n"

# YAML values the resolver and constructors treat specially: YAML 1.1 booleans, null, special
# floats, bases, sexagesimal numbers, timestamps (valid and not), explicit tags with bad content,
# flow collections, block scalars, anchors, aliases and merge keys.
YAML_VALUES = (
    "yes", "No", "on", "OFF", "y", "~", "null", "Null", ".inf", "-.Inf", ".nan", ".NaN", "0x1F",
    "0o17", "017", "0b101", "08", "1:30", "190:20:30", "-1:00", "1_000", "+12", "1.0e+3", "1e3",
    "2024-01-01", "2024-13-45", "2024-02-30", "0000-00-00", "2001-12-14t21:59:43.10-05:00",
    "2001-12-14 21:59:43.10 -5", "2024-1-1", "2024-01-01 25:00:00", "!!binary aGVsbG8=",
    "!!binary '!!!'", "!!int abc", "!!int ''", "!!int 0x", "!!float abc", "!!float ''",
    "!!bool maybe", "!!bool ''", "!!timestamp nope", "!!timestamp 2024-99-99", "!!set {a, b}",
    "!!set [a]", "!!omap [a: 1]", "!!omap [a]", "!!pairs [a: 1, b]", "!!str 12", "!!null x",
    "!!seq x", "!!map x", "!!python/object:os.system x", "!!python/name:os.system ''",
    "!foo bar", "!<tag:x> y", "!!merge x", "!!value x", "!!yaml x", '"\\ud800"', '"\\udfff x"',
    '"\\x85\\u2028"', '"\\U0010ffff"', '"\\N"', '"\\_"', '"\\x1b[31m"', '"a\\nb"', '"\\0"',
    "'it''s'", "|\n  block\n  text", ">-\n  folded\n  text", "|+\n\n", "[a, b]", "{a: 1}", "[]",
    "{}", "[[[]]]", "a: b: c", "- x", "&a x", "*a", "*undefined", "&r [*r]", "&m {a: *m}",
    "? [a, b]", "[? [a, b]: 1]", "{[a]: 1}", "\t", "#", "%YAML 1.1", "---", "...", "@x", "`x",
    "\x85", "\ufeff", "0\n\n  0", "a\n  b",
)
# Plain YAML text: printable ASCII without the indicators that would make it something else.
yaml_plain = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E,
                                   exclude_characters="#:{}[],&*!|>'\"%@`?-"), max_size=15)
YAML_TAGS = ("!!int", "!!float", "!!bool", "!!null", "!!str", "!!binary", "!!timestamp", "!!set",
             "!!omap", "!!pairs", "!!seq", "!!map", "!!merge", "!!value", "!!yaml", "!", "!x",
             "!<tag:yaml.org,2002:int>", "!!python/tuple", "!!python/bytes")
timestamps = st.builds(
    lambda y, m, d, rest: f"{y:04d}-{m:02d}-{d:02d}{rest}", st.integers(0, 9999),
    st.integers(0, 99), st.integers(0, 99),
    st.sampled_from(("", "", "T25:00:00", " 23:59:60", "t10:61:00Z", " 1:2:3.4 +99:99",
                     "T00:00:00.1234567890123-05", " 12:00:00 -24", "T12:00:00+14:30")),
)
# Numbers of any size in every notation YAML 1.1 reads as an int: a decimal int of more than
# 4,300 digits fails in int() itself, the others (bases of a power of two, sexagesimal) do not.
yaml_numbers = st.builds(
    lambda sign, form, n: sign + form[0] + form[1] * n, st.sampled_from(("", "-", "+")),
    st.sampled_from((("0x", "f"), ("0b", "1"), ("0", "7"), ("1", ":00"), ("9", "9"), ("1", "_0"),
                     ("0.", "5"), ("1", "0"))),
    # just over 4,300 decimal digits in each notation, or any length
    st.one_of(st.sampled_from((2500, 3600, 4400, 4800, 14400)), st.integers(1, 400),
              st.integers(300, 20000)),
)
yaml_scalars = st.one_of(
    st.sampled_from(YAML_VALUES), st.sampled_from(YAML_VALUES), numeric_text, yaml_plain,
    timestamps,
    st.builds(lambda tag, value: f"{tag} {value}", st.sampled_from(YAML_TAGS),
              st.one_of(st.sampled_from(YAML_VALUES), yaml_plain, numeric_text, timestamps)),
    st.builds(json.dumps, texts),  # a JSON string is a YAML double-quoted one: any character
    *(st.sampled_from((ANSWERS.get(k) or EXTRA_ANSWERS[k])["choices"])
      for k in ALL_KEYS if "choices" in (ANSWERS.get(k) or EXTRA_ANSWERS[k])),
    st.sampled_from(tuple(SPLITS)), short_form, long_short_form, yaml_numbers,
    st.builds(lambda v: "{" + ", ".join(f"{k}: {x}" for k, x in v) + "}",
              st.lists(st.tuples(st.sampled_from(("weight", "reps", "rpe", "mon", "tue", "x")),
                                 st.sampled_from(YAML_VALUES + ("140", "5", "8", "squat"))),
                       max_size=4)),
)
# A valid file but for one value (or key) that a tag, a timestamp or a number makes special.
special_yaml = st.one_of(
    st.sampled_from(YAML_VALUES), timestamps, numeric_text, yaml_plain, yaml_numbers, yaml_numbers,
    st.builds(lambda tag, value: f"{tag} {value}", st.sampled_from(YAML_TAGS),
              st.one_of(st.sampled_from(YAML_VALUES), yaml_plain, numeric_text, timestamps)),
)
one_special_yaml = st.builds(
    lambda key, value, form: MINIMAL_YAML + form.format(key=key, value=value),
    st.sampled_from(ALL_KEYS), special_yaml,
    # as a value, as a key (plain keys stop at 1,024 characters, explicit '? ' ones do not), as
    # a key inside the week
    st.sampled_from(("{key}: {value}\n",) * 6 + ("{value}: x\n", "? {value}\n: x\n",
                                                 "week:\n  ? {value}\n  : squat\n")),
)
yaml_keys = st.one_of(*[st.sampled_from(ALL_KEYS)] * 4,
                      st.sampled_from(("<<", "? a", "'x'", "1", "~", "true", "[a]", "{a: 1}",
                                       "&k variation", "*k", "mon", "weight", "reps", "rpe",
                                       '"\\ud800"', '"a\\nb"', "2024-13-45", "!!int abc")),
                      yaml_plain)
yaml_line = st.builds(
    lambda indent, key, sep, value: f"{indent}{key}{sep}{value}",
    st.sampled_from(("",) * 12 + ("  ", "\t", "- ", " ")), yaml_keys,
    st.sampled_from((": ",) * 12 + (":", " : ", ":\t", ": &a ", ": !!str ", ": *a ", ":  ")),
    yaml_scalars,
)
yaml_text = st.builds(
    lambda head, minimal, lines, tail: head + (MINIMAL_YAML if minimal else "") + "\n".join(lines)
    + tail,
    st.sampled_from(("",) * 8 + ("---\n", "%YAML 1.1\n---\n", "%YAML 9.9\n---\n",
                                 "%TAG ! tag:x,\n---\n", "# comment\n", "--- !!map\n")),
    _chance(7), st.lists(yaml_line, max_size=8),
    st.sampled_from(("", "", "", "\n", "\n...\n", "\n---\nvariation: sumo\n", "\n#")),
)
# One value to any list/mapping depth, in flow or in block style.
nested_text = st.builds(
    lambda minimal, depth, nest: (MINIMAL_YAML if minimal else "") + nest[0] * depth + nest[2]
    + nest[1] * depth,
    _chance(5), st.integers(1, 5000),
    st.sampled_from((("[", "]", ""), ("{a: ", "}", "1"), ('{"a": ', "}", "1"), ("- ", "", "x"),
                     ("week: ", "", "1"), ("[", "", ""), ("!!seq [", "]", ""), ("&x [", "]", "*x"),
                     ("{", "}", ""), ("? ", "", "x"))),
)
nested_lines = st.builds(
    lambda depth: MINIMAL_YAML + "week:\n" + "".join("  " * (i + 1) + "a:\n" for i in range(depth)),
    st.integers(1, 700),  # 0.5 MB at most: the size grows with the square of the depth
)
anchors_text = st.builds(
    lambda anchor, uses: MINIMAL_YAML + anchor + "\n" + "\n".join(uses),
    st.sampled_from((
        "base: &b {variation: sumo, goal: power}", "x: &a [1, 2]", "x: &s '140x5@8'",
        "x: &w {mon: [squat], tue: *w}", "x: &l [*l, *l]", "x: &d {weight: 140, reps: 5, rpe: 8}",
        "lol1: &l1 [a, a, a, a, a, a, a, a, a]\nlol2: &l2 [*l1, *l1, *l1, *l1, *l1, *l1, *l1]\n"
        "lol3: &l3 [*l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2]", "athlete: &n Sam")),
    st.lists(st.builds(lambda k, v: f"{k}: {v}", yaml_keys,
                       st.sampled_from(("*b", "*a", "*s", "*w", "*l", "*d", "*l3", "*n", "*nope",
                                        "[*a, *a]", "{<<: *b}", "{<<: [*b, *d]}", "{<<: *a}",
                                        "{<<: *s}"))),
             max_size=4) | st.just(["<<: *b"]),
)
json_text = st.one_of(
    st.builds(dump, junk, st.just("json"), st.booleans()),
    st.builds(lambda pre, body: pre + body, st.sampled_from(("", "\ufeff", " ", "\n")),
              st.sampled_from(('{"variation": NaN}', '{"one_rm": Infinity}', '{"a": 1, "a": 2}',
                               '{"athlete": "\\ud800"}', '{"athlete": "\\u202e"}', "[1,",
                               '{"x": 1}garbage', '"\\ud800"', "1e400", "-0", '{"\\u0000": 1}',
                               '"a\\nb"', '{"variation": "sumo", "goal": "strength", '
                               '"experience": "novice", "athlete": "\\udfff"}'))),
)


def _encode(text, how):
    if how == "utf-8":
        return text.encode("utf-8", "surrogatepass")  # a lone surrogate: invalid UTF-8
    if how == "utf-8-sig":
        return b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass")
    return text.encode(how, "replace")


encodings = st.sampled_from(("utf-8",) * 8 + ("utf-8-sig", "utf-16", "latin-1"))
YAML_SUFFIXES = (".yaml",) * 4 + (".yml", ".YAML", "", ".txt", ".json")
JSON_SUFFIXES = (".json",) * 4 + (".JSON", ".yaml")


def _file(text, how, suffix):
    return suffix, _encode(text, how)


answers_files = st.one_of(
    st.builds(_file, st.builds(dump, answer_sets(), st.just("yaml"), st.booleans()), encodings,
              st.sampled_from(YAML_SUFFIXES)),
    st.builds(_file, st.builds(dump, answer_sets(), st.just("json"), st.booleans()), encodings,
              st.sampled_from(JSON_SUFFIXES)),
    st.builds(_file, yaml_text, encodings, st.sampled_from(YAML_SUFFIXES)),
    st.builds(_file, yaml_text, encodings, st.sampled_from(YAML_SUFFIXES)),
    st.builds(_file, one_special_yaml, encodings, st.sampled_from(YAML_SUFFIXES)),
    st.builds(_file, special_yaml, encodings, st.sampled_from(YAML_SUFFIXES)),  # top level
    st.builds(_file, st.one_of(nested_text, nested_lines, anchors_text), encodings,
              st.sampled_from(YAML_SUFFIXES)),
    st.builds(_file, st.one_of(json_text, nested_text), encodings, st.sampled_from(JSON_SUFFIXES)),
    st.builds(_file, texts, encodings, st.sampled_from(YAML_SUFFIXES + JSON_SUFFIXES)),
    st.tuples(st.sampled_from(YAML_SUFFIXES + JSON_SUFFIXES), st.binary(max_size=300)),
)


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz")


def _write(folder, file):
    suffix, contents = file
    path = folder / f"answers{suffix}"
    path.write_bytes(contents)
    note(f"file {path.name}: {contents[:2000]!r}{' ...' if len(contents) > 2000 else ''}")
    return str(path)


# --- 2. answers files ----------------------------------------------------------------------------

@fuzz(600)
@given(file=answers_files)
@examples(
    json_int_over_4300_digits={"file": (".json", b'{"one_rm": ' + b"9" * 4301 + b"}")},
    yaml_int_over_4300_digits={"file": (".yaml", b"one_rm: " + b"9" * 4301)},
    json_deep={"file": (".json", b"[" * 100000)},
    yaml_deep={"file": (".yaml", b"[" * 5000)},
    yaml_bad_int_tag={"file": (".yaml", b"athlete: !!int abc")},
    yaml_empty_int_tag={"file": (".yaml", b"athlete: !!int ")},
    yaml_empty_float_tag={"file": (".yaml", b"athlete: !!float ")},
    yaml_bad_bool_tag={"file": (".yaml", b"athlete: !!bool y")},
    yaml_bad_timestamp_tag={"file": (".yaml", b"athlete: !!timestamp yes")},
    yaml_impossible_date={"file": (".yaml", b"athlete: 2024-13-45")},
    yaml_year_zero={"file": (".yaml", b"athlete: 0000-01-01")},
    yaml_huge_hex_top_level={"file": (".yaml", b"0x" + b"f" * 3600)},
    yaml_huge_hex_key={"file": (".yaml", b"? 0x" + b"f" * 3600 + b"\n: x\n")},
    yaml_multi_line_top_level={"file": (".yaml", b"0\n\n0")},
)
def test_answers_file_raises_only_input_or_answer_error(fuzz_dir, file):
    path = _write(fuzz_dir, file)
    try:
        answers = load_answers(path)
    except InputError as exc:
        one_line(exc)
        return
    assert isinstance(answers, dict) and all(isinstance(k, str) for k in answers)
    advice = advise_checked(answers)
    if advice is not None:
        json.dumps(advice.to_dict(), ensure_ascii=False)


# --- 3. the command line -------------------------------------------------------------------------

def _runner():
    try:  # click 8.1 mixes stderr into output unless told otherwise
        return CliRunner(mix_stderr=False)
    except TypeError:  # click >= 8.2 always keeps them apart
        return CliRunner()


COMMANDS = {
    "advise": ["advise", "--no-input", "--answers", None, "--format", "txt"],
    "explain": ["explain", "--no-input", "--answers", None],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@fuzz(250)
@given(file=answers_files)
@examples(
    lone_surrogate_in_name={"file": (".json", b'{"variation": "sumo", "goal": "strength", '
                                              b'"experience": "novice", "athlete": "\\udfff"}')},
    multi_line_top_level={"file": (".yaml", b'"a\\nb"')},
    impossible_date={"file": (".yaml", b"athlete: 2024-13-45")},
)
def test_cli_exits_0_or_2_with_one_line(fuzz_dir, command, file):
    path = _write(fuzz_dir, file)
    args = [path if a is None else a for a in COMMANDS[command]]
    result = _runner().invoke(main, args, prog_name="deadlift-advisor")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        # Re-raised (with its traceback) so that hypothesis tells distinct bugs apart by where
        # they were raised.
        raise result.exception
    assert "Traceback" not in result.stderr, result.stderr
    assert result.exit_code in (0, 2), f"exit {result.exit_code}: {result.stderr!r}"
    if result.exit_code == 2:
        lines = result.stderr.splitlines()
        assert len(lines) == 1, f"expected one line on stderr, got {result.stderr!r}"
        assert lines[0].startswith(PREFIX), lines[0]
        assert result.stdout == "", result.stdout


def test_fuzz_values_materialise():
    """The strategies' placeholders become the values they stand for."""
    assert materialise({"a": [Big(3), Big(2, negative=True)]}) == {"a": [999, -99]}
    assert dump({"one_rm": Big(3)}, "json", False) == '{"one_rm": 999}'
    assert yaml.safe_load(dump({"one_rm": Big(3)}, "yaml", True)) == {"one_rm": 999}
