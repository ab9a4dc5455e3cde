"""Answers -> validated profile. Every problem becomes one AnswerError line a person can act on."""

from .errors import AnswerError
from .extra_answers import check_extras
from .kb.answers import ANSWERS, EXTRA_ANSWERS, SPEC, relevant
from .quoting import check_characters, check_choice, closest, describe, shown


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
    return check_choice(key, value, spec["choices"], spec.get("aliases"))


def check_keys(answers):
    """Unknown keys are errors (a typo would otherwise be silently ignored)."""
    known = {**ANSWERS, **EXTRA_ANSWERS}
    for key in answers:
        if not isinstance(key, str):  # str() of a 5,000-digit int raises; a key is a name
            raise AnswerError(f"answer keys are names such as 'goal', found {describe(key)}")
        if key not in known:
            raise AnswerError(f"unknown answer {shown(key)}{closest(key[:100], known)} — "
                              f"known answers: {', '.join(known)}")


def missing(answers):
    """Keys still without an answer (defaults not applied), in question order: the required
    ones, and those that apply (``when``) and have no default."""
    return [k for k, spec in ANSWERS.items() if k not in answers and relevant(k, answers)
            and "default" not in spec]


def _inapplicable(answers, partial):
    """An answer given where its ``when`` says it does not apply (injury_stage without injury);
    ``partial``: only once the answer it depends on is given too."""
    for key, spec in SPEC.items():
        if answers.get(key) is None or relevant(key, answers):
            continue
        other, value = spec["when"]
        if not partial or other in answers:
            raise AnswerError(f"{key}: given, but {other} is '{value}' — set {other} or remove "
                              f"{key}")


def check_answers(answers, *, partial=False):
    """The one validator of answers, used whole by the CLI and the API and partially by the
    questionnaire.

    Whole: clean every given answer, apply the defaults, check that each answer applies; a
    missing answer without a default (variation, goal, experience, and injury_stage when there is
    an injury) is then an error naming every missing key. Returns the complete profile.

    ``partial``: the answers given before the questions, checked as far as they can be without
    the rest. Missing answers are not an error (they are what the questionnaire asks), null for
    a key with a default counts as missing, and an optional answer whose check needs the units
    waits until they are given. Returns the cleaned asked answers plus the optional ones as
    given (validate cleans those at the end, and --save-answers writes them back as given).
    """
    if not hasattr(answers, "items"):
        raise AnswerError(f"answers must be a mapping of key: value, got {describe(answers)}")
    check_keys(answers)
    # null means "not given": a default applies, the question is asked, or the key is reported
    # missing if it matters.
    profile = {key: check_value(key, value) for key, value in answers.items()
               if key in ANSWERS and value is not None}
    _inapplicable(profile, partial)
    extras = {key: answers[key] for key in EXTRA_ANSWERS if answers.get(key) is not None}
    if partial:
        if extras:
            known = "units" in profile
            check_extras({k: v for k, v in extras.items() if known or not SPEC[k].get("units")},
                         profile.get("units", SPEC["units"]["default"]))
        return {**profile, **extras}
    for key, spec in ANSWERS.items():
        if key not in profile and "default" in spec:
            profile[key] = spec["default"]
    gaps = missing(profile)
    if gaps:
        raise AnswerError(f"missing answer{'s' if len(gaps) > 1 else ''}: {', '.join(gaps)} — "
                          f"give {'them' if len(gaps) > 1 else 'it'} in the answers file or "
                          f"with --set KEY=VALUE")
    result = {key: profile.get(key) for key in ANSWERS}
    result.update(check_extras(extras, result["units"]))
    return result


def validate(answers):
    """The whole check: answers -> the complete profile (check_answers)."""
    return check_answers(answers)
