"""deadlift-advisor: is your deadlift a leg or a back exercise, and how should you program it?

``advise(answers)`` validates the answers, runs the rule engine and returns :class:`Advice`, plain
data whose ``to_dict()`` is the JSON contract. The engine is built once per process and reused.
"""

from .version import __version__

__all__ = ["__version__", "advise", "Advice", "AnswerError"]

_engine = None


def advise(answers):
    """Answers (a mapping, see DESIGN.md) -> Advice. Raises AnswerError on bad answers."""
    global _engine
    from .validation import validate
    from .render import messages

    profile = validate(answers)
    if _engine is None:
        from .rules import AdvisorEngine
        _engine = AdvisorEngine()
    from .advice import consult

    return consult(_engine, profile, messages())


def __getattr__(name):
    # Lazy, so `import deadlift_advisor` stays cheap for scripts that only need the version.
    if name == "Advice":
        from .advice import Advice
        return Advice
    if name == "AnswerError":
        from .validation import AnswerError
        return AnswerError
    raise AttributeError(name)
