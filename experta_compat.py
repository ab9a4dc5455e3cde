"""The only module that imports experta.

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
    Fact,
    Field,
    KnowledgeEngine,
    L,
    P,
    Rule,
)
from experta.matchers import ReteMatcher  # noqa: E402
from experta.matchers.rete.check import TypeCheck  # noqa: E402
from experta.matchers.rete.nodes import ConflictSetNode  # noqa: E402
from experta.matchers.rete.token import Token  # noqa: E402
from experta.strategies import DepthStrategy  # noqa: E402

__all__ = ["AS", "MATCH", "NOT", "OR", "TEST", "W", "L", "P", "DefFacts", "Fact", "Field",
           "KnowledgeEngine", "Rule", "DepthStrategy", "ReteMatcher", "TypeCheck",
           "ConflictSetNode", "Token"]
