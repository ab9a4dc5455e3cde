"""Answers -> validated profile. Every problem becomes one AnswerError line a person can act on."""

from .errors import AnswerError
from .extra_answers import check_extras
from .kb.answers import ANSWERS, EXTRA_ANSWERS, REQUIRED, relevant
from .quoting import check_characters, check_choice, closest, describe, printable, shown  # noqa: F401

# printable and shown are offered here too: the one module a caller checking answers imports.


def check_value(key, value):
    """Validate one answer; returns the cleaned value or raises AnswerError."""
    spec = ANSWERS[key]
    kind = spec["type"]
    if kind == "text":
        if not isinstance(value, str):
            raise AnswerError(f"{key}: expected text, got {describe(value)} — quote it in YAML to keep "
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
                              f"{spec['max']}, got {describe(value)}")
        if not spec["min"] <= value <= spec["max"]:
            said = value if abs(value) < 10 ** 15 else "a very large number"
            raise AnswerError(f"{key}: {said} is out of range — use a whole number from "
                              f"{spec['min']} to {spec['max']}")
        return value
    return check_choice(key, value, spec["choices"])


def check_keys(answers):
    """Unknown keys are errors (a typo would otherwise be silently ignored)."""
    known = {**ANSWERS, **EXTRA_ANSWERS}
    for key in answers:
        if key not in known:
            raise AnswerError(f"unknown answer {shown(str(key))}{closest(str(key)[:100], known)} — "
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
        raise AnswerError(f"answers must be a mapping of key: value, got {describe(answers)}")
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
        result.update(check_extras(extras, result["units"]))
    return result
