"""deadlift-advisor: is your deadlift a leg or a back exercise, and how should you program it?

``advise(answers)`` validates the answers, runs the rule engine and returns :class:`Advice`, plain
data whose ``to_dict()`` is the JSON contract. advise() is safe to call from any number of
threads and gives each the same advice as a serial call: every thread gets a rule engine of its
own, built on its first call (about 20 ms) and reused by that thread after.

Everything here is looked up when first used (api.py, advice.py, errors.py), so `import
deadlift_advisor` stays cheap for scripts that only need the version, and no module of the
package needs to import the package itself.
"""

from .version import __version__

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:  # what __getattr__ returns, for type checkers (py.typed)
    from .advice import Advice
    from .api import advise
    from .errors import AnswerError

__all__ = ["__version__", "advise", "Advice", "AnswerError"]

_LAZY = {"advise": "api", "Advice": "advice", "AnswerError": "errors"}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(name)
    import importlib

    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # looked up once
    return value
