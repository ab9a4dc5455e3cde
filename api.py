"""advise(): answers in, Advice out. Validation, a rule engine per thread, the consultation.

A rule engine holds one consultation's working memory, agenda and Rete memories, so it must
never serve two consultations at once: each thread has its own (issue 11), built on the thread's
first call (about 20 ms) and reused by that thread after.
"""

from __future__ import annotations

import threading

TYPE_CHECKING = False
if TYPE_CHECKING:  # annotations only: advice.py loads when the first consultation needs it
    from collections.abc import Mapping

    from .advice import Advice

_local = threading.local()


def advise(answers: Mapping[str, object]) -> Advice:
    """Answers (a mapping, see DESIGN.md) -> Advice. Raises AnswerError on bad answers."""
    from .advice import consult
    from .render import messages
    from .validation import validate

    profile = validate(answers)
    try:
        engine = _local.engine
    except AttributeError:  # this thread's first consultation
        from .rules import AdvisorEngine

        engine = _local.engine = AdvisorEngine()
    return consult(engine, profile, messages())
