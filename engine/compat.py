"""The only module that imports experta, and the check that it is the experta this was written
against.

The engine package relies on about 25 of experta 1.9.4's internals (node classes, check
functions, the agenda's sort keys, frozendict's ``_dict``, the ``__pattern_`` prefix, functools'
``_compose_mro``): another version is refused here, at import, with one line saying what to
install (``DEADLIFT_ADVISOR_STOCK_EXPERTA=1`` runs experta's own code end to end, see
engine/__init__.py).

experta 1.9.4 pins frozendict 1.2, which subclasses ``collections.Mapping``; those aliases left
``collections`` in Python 3.10. Restoring them (pointing at ``collections.abc``) before the first
experta import is all it takes: experta's own code is unaffected. Everything else in the package
imports experta names from here, so the order can never go wrong.
"""

import collections
import collections.abc

for _name in ("Mapping", "MutableMapping", "Sequence", "MutableSequence", "Iterable",
              "Callable", "Hashable", "Set", "MutableSet"):
    if not hasattr(collections, _name):
        setattr(collections, _name, getattr(collections.abc, _name))

from experta import (  # noqa: E402
    AS,
    MATCH,
    NOT,
    OR,
    TEST,
    W,
    DefFacts,
    Field,
    KnowledgeEngine,
    L,
    P,
    Rule,
)
from experta import Fact as ExpertaFact  # noqa: E402
from experta.agenda import Agenda  # noqa: E402
from experta.conditionalelement import ConditionalElement  # noqa: E402
from experta.fact import InitialFact  # noqa: E402
from experta.factlist import FactList  # noqa: E402
from experta.watchers import FACTS  # noqa: E402
from experta.matchers import ReteMatcher  # noqa: E402
from experta.activation import Activation  # noqa: E402
from experta.matchers.rete.check import FactCapture, FeatureCheck, TypeCheck  # noqa: E402
from experta.matchers.rete.nodes import (  # noqa: E402
    ConflictSetNode,
    FeatureTesterNode,
    NotNode,
    OrdinaryMatchNode,
    WhereNode,
)
from experta.matchers.rete.token import Token  # noqa: E402
from experta.strategies import DepthStrategy  # noqa: E402
from experta.utils import freeze, frozendict, frozenlist  # noqa: E402

EXPERTA_VERSION = "1.9.4"  # setup.cfg pins the same


def _check_version():
    import experta

    found = getattr(experta, "__version__", "unknown")
    if found != EXPERTA_VERSION:
        raise ImportError(f"deadlift-advisor needs experta {EXPERTA_VERSION}, whose internals its "
                          f"engine relies on, but experta {found} is installed — run "
                          f"'pip install experta=={EXPERTA_VERSION}'")


_check_version()


__all__ = ["FACTS", "Agenda", "InitialFact", "FactList", "AS", "MATCH", "NOT", "OR", "TEST", "W",
           "L", "P", "DefFacts", "Field", "KnowledgeEngine", "Rule", "DepthStrategy",
           "ReteMatcher", "TypeCheck", "FactCapture", "FeatureCheck", "Activation", "ExpertaFact",
           "ConflictSetNode", "FeatureTesterNode", "NotNode", "OrdinaryMatchNode", "WhereNode",
           "Token", "freeze", "frozendict", "frozenlist", "ConditionalElement"]
