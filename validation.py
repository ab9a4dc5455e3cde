"""Answers -> validated profile. Every problem becomes one AnswerError line a person can act on."""

from .kb.answers import ANSWERS, EXTRA_ANSWERS, REQUIRED, relevant


class AnswerError(ValueError):
    """An answer is unknown, of the wrong type, out of range or missing; the message says which."""


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
        value = value.strip()
        if len(value) > spec["max_length"]:
            raise AnswerError(f"{key}: at most {spec['max_length']} characters, got {len(value)}")
        if any(ord(c) < 32 for c in value):
            raise AnswerError(f"{key}: control characters are not allowed")
        return value
    if kind == "int":
        if isinstance(value, str):
            try:
                value = int(value.strip(), 10)
            except ValueError:
                pass
        if isinstance(value, bool) or not isinstance(value, int):
            raise AnswerError(f"{key}: expected a whole number from {spec['min']} to "
                              f"{spec['max']}, got {_describe(value)}")
        if not spec["min"] <= value <= spec["max"]:
            raise AnswerError(f"{key}: {value} is out of range — use a whole number from "
                              f"{spec['min']} to {spec['max']}")
        return value
    return check_choice(key, value, spec["choices"])


def check_choice(key, value, choices):
    """One of ``choices``, case and '-'/' ' forgiven, or an AnswerError naming the closest."""
    if not isinstance(value, str):
        raise AnswerError(f"{key}: expected one of {', '.join(choices)}, got {_describe(value)}")
    cleaned = _normalise_choice(value)
    if cleaned not in choices:
        raise AnswerError(f"{key}: '{_printable(value)}' is not one of {', '.join(choices)}"
                          f"{_closest(cleaned, choices)}")
    return cleaned


def _printable(text):
    """Text safe to show on one line: control characters (newlines too) escaped."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


def _describe(value):
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"a true/false value ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return repr(_printable(value)) if isinstance(value, str) else repr(value)


def check_keys(answers):
    """Unknown keys are errors (a typo would otherwise be silently ignored)."""
    known = {**ANSWERS, **EXTRA_ANSWERS}
    for key in answers:
        if key not in known:
            raise AnswerError(f"unknown answer '{_printable(str(key))}'{_closest(key, known)} — "
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
