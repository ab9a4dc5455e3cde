"""A forward-chaining rule engine on experta, with no knowledge of deadlifts in it.

Rule modules (rules/) and fact classes (kb/facts.py) import their vocabulary from here and need
never open the package: the condition elements (AS, MATCH, NOT, OR, TEST, W, L, P), ``Fact``,
``Field`` and ``Rule``, ``freeze_once`` and ``frozen_pairs`` for catalogue data, and ``Engine``,
the base class an engine is composed on (``consult(facts)`` resets, declares, runs and returns
the working memory; ``trace`` lists the rules fired).

Inside: ``compat`` (the only module that imports experta; it checks the version), ``facts``
(quick fact construction), ``matcher`` (the lean Rete matcher), ``run`` (run loop, working memory,
agenda order). Whoever upgrades experta opens nothing else.

``DEADLIFT_ADVISOR_STOCK_EXPERTA=1`` (read at import) runs experta's own code end to end:
its Fact, reset, declare, run loop, working memory and matcher, with only the agenda's
deterministic tie-break added. The advice must be the same either way; the test suite compares
them.
"""

import os

from .compat import AS, MATCH, NOT, OR, TEST, W, ExpertaFact, Field, L, P, Rule
from .facts import Fact as LeanFact
from .facts import FrozenList, FrozenMapping, freeze_once, frozen_pairs
from .run import LeanEngine, StockEngine

STOCK = os.environ.get("DEADLIFT_ADVISOR_STOCK_EXPERTA", "") not in ("", "0")

Fact = ExpertaFact if STOCK else LeanFact
Engine = StockEngine if STOCK else LeanEngine

__all__ = ["AS", "MATCH", "NOT", "OR", "TEST", "W", "L", "P", "Field", "Fact", "Rule", "Engine",
           "LeanEngine", "StockEngine", "STOCK", "freeze_once", "frozen_pairs", "FrozenMapping",
           "FrozenList"]
