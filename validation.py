"""Answers -> validated profile. Every problem becomes one AnswerError line a person can act on."""

from .kb.answers import ANSWERS, EXTRA_ANSWERS, REQUIRED, relevant


from .errors import AnswerError


def _closest(word, options):
    import difflib  # only when an answer is wrong: a start-up that has none skips the import

    match = difflib.get_close_matches(str(word), [str(o) for o in options], n=1, cutoff=0.6)
    return f" — did you mean '{match[0]}'?" if match else ""


def _normalise_choice(value):
    return value.strip().lower().replace("-", "_").replace(" ", "_")


def check_value(key, value):
    """Validate one answer; returns the cleaned value or raises AnswerError."""
    spec = ANSWERS[key]
    kind = spec["type"]
    if kind == "text":
        if not isinstance(value, str):
            raise AnswerError(f"{key}: expected text, got {_describe(value)} — quote it in YAML to keep "
                              f"it as text, e.g. {key}: \"007\"")
        if len(value) > 4 * spec["max_length"]:  # before strip(): bounded work
            raise AnswerError(f"{key}: at most {spec['max_length']} characters, got {len(value)}")
        value = value.strip()
        if len(value) > spec["max_length"]:
            raise AnswerError(f"{key}: at most {spec['max_length']} characters, got {len(value)}")
        check_characters(key, value)
        return value
    if kind == "int":
        if isinstance(value, str) and len(value) <= 40:
            try:
                value = int(value.strip(), 10)
            except ValueError:
                pass
        if isinstance(value, bool) or not isinstance(value, int):
            raise AnswerError(f"{key}: expected a whole number from {spec['min']} to "
                              f"{spec['max']}, got {_describe(value)}")
        if not spec["min"] <= value <= spec["max"]:
            said = value if abs(value) < 10 ** 15 else "a very large number"
            raise AnswerError(f"{key}: {said} is out of range — use a whole number from "
                              f"{spec['min']} to {spec['max']}")
        return value
    return check_choice(key, value, spec["choices"])


def check_choice(key, value, choices):
    """One of ``choices``, case and '-'/' ' forgiven, or an AnswerError naming the closest."""
    if not isinstance(value, str):
        raise AnswerError(f"{key}: expected one of {', '.join(choices)}, got {_describe(value)}")
    cleaned = _normalise_choice(value[:200])
    if cleaned not in choices:
        raise AnswerError(f"{key}: {shown(value)} is not one of {', '.join(choices)}"
                          f"{_closest(cleaned, choices)}")
    return cleaned


# Characters refused in any text a user gives (a name, an exercise): they could move the
# terminal's cursor, set its title or clipboard (C0 and C1 controls, escape sequences), reorder
# what a reader sees (bidirectional overrides and isolates), break a line where no line should
# break (U+2028, U+2029), or cannot be written as UTF-8 at all (lone surrogates).
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                  "\u2066\u2067\u2068\u2069")


def _refused(char):
    code = ord(char)
    return (code < 32 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF
            or char in _BIDI or char in "\u2028\u2029")


def check_characters(key, text):
    """AnswerError if ``text`` holds a character no sheet, terminal or spreadsheet should get."""
    bad = next((c for c in text if _refused(c)), None)
    if bad is not None:
        raise AnswerError(f"{key}: the character U+{ord(bad):04X} is not allowed (control, "
                          f"bidirectional or unpaired surrogate characters) — retype the text")


def _printable(text):
    """Text safe to show on one line: control characters (newlines too) escaped."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape", "backslashreplace")
                   .decode("ascii", "replace") for c in text)


SHOWN_LENGTH = 60


def shown(value, limit=SHOWN_LENGTH):
    """A value as an error line may quote it: printable, one line, at most ``limit``
    characters (a 1 MB value must not become a 1 MB error message)."""
    if isinstance(value, str):
        text = _printable(value[:limit + 1])
        return repr(text[:limit] + "…") if len(value) > limit or len(text) > limit else repr(text)
    return _describe(value)


def _describe(value):
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"a true/false value ({str(value).lower()})"
    if isinstance(value, int):
        return f"a number ({value})" if abs(value) < 10 ** 15 else "a very large number"
    if isinstance(value, float):
        return f"a number ({value:g})"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, str):
        return shown(value)
    return f"a value of type {type(value).__name__}"


def check_keys(answers):
    """Unknown keys are errors (a typo would otherwise be silently ignored)."""
    known = {**ANSWERS, **EXTRA_ANSWERS}
    for key in answers:
        if key not in known:
            raise AnswerError(f"unknown answer {shown(str(key))}{_closest(str(key)[:100], known)} — "
                              f"known answers: {', '.join(known)}")


def missing(answers):
    """Keys still without an answer (defaults not applied), in question order."""
    return [k for k in ANSWERS if k not in answers and relevant(k, answers)
            and (k in REQUIRED or k == "injury_stage")]


def validate(answers):
    """Clean every given answer, apply defaults, check cross-key consistency.

    A missing answer takes its documented default; keys without one
    (variation, goal, experience, and injury_stage when there is an injury) are then an error
    naming every missing key.
    """
    if not hasattr(answers, "items"):
        raise AnswerError(f"answers must be a mapping of key: value, got {_describe(answers)}")
    check_keys(answers)
    extras = {key: answers[key] for key in EXTRA_ANSWERS if key in answers}
    # null means "not given": a default applies, or the key is reported missing if it matters.
    profile = {key: check_value(key, value) for key, value in answers.items()
               if key in ANSWERS and value is not None}
    if profile.get("injury_area", "none") == "none" and profile.get("injury_stage") is not None:
        raise AnswerError("injury_stage: given, but injury_area is 'none' — set injury_area "
                          "or remove injury_stage")
    for key, spec in ANSWERS.items():
        if key not in profile and "default" in spec:
            profile[key] = spec["default"]
    gaps = missing(profile)
    if gaps:
        raise AnswerError(f"missing answer{'s' if len(gaps) > 1 else ''}: {', '.join(gaps)} — "
                          f"give {'them' if len(gaps) > 1 else 'it'} in the answers file or "
                          f"with --set KEY=VALUE")
    profile.setdefault("injury_stage", None)
    result = {key: profile[key] for key in ANSWERS}
    result.update(dict.fromkeys(EXTRA_ANSWERS))
    if any(value is not None for value in extras.values()):
        from .extra_answers import check_extras

        result.update(check_extras(extras, result["units"]))
    return result
