"""deadlift-advisor: is your deadlift a leg or a back exercise, and how should you program it?

``advise(answers)`` validates the answers, runs the rule engine and returns :class:`Advice`, plain
data whose ``to_dict()`` is the JSON contract. advise() is safe to call from any number of
threads and gives each the same advice as a serial call: every thread gets a rule engine of its
own, built on its first call (about 20 ms) and reused by that thread after.
"""

import threading

from .version import __version__

__all__ = ["__version__", "advise", "Advice", "AnswerError"]

# A rule engine holds one consultation's working memory, agenda and Rete memories: it must never
# serve two consultations at once, so each thread has its own (issue 11).
_local = threading.local()


def advise(answers):
    """Answers (a mapping, see DESIGN.md) -> Advice. Raises AnswerError on bad answers."""
    from .validation import validate
    from .render import messages

    profile = validate(answers)
    try:
        engine = _local.engine
    except AttributeError:  # this thread's first consultation
        from .rules import AdvisorEngine
        engine = _local.engine = AdvisorEngine()
    from .advice import consult

    return consult(engine, profile, messages())


def __getattr__(name):
    # Lazy, so `import deadlift_advisor` stays cheap for scripts that only need the version.
    if name == "Advice":
        from .advice import Advice
        return Advice
    if name == "AnswerError":
        from .errors import AnswerError
        return AnswerError
    raise AttributeError(name)
