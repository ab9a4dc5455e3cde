"""The generic run loop, working memory and agenda order: experta's KnowledgeEngine with the
same semantics at a fraction of the cost (every change is explained where it is made), or, with
DEADLIFT_ADVISOR_STOCK_EXPERTA=1, experta's own reset, declare, run, working memory and matcher.

Nothing here knows about deadlifts: an engine is composed from rule classes (rules/advisor.py)
and asked to ``consult``; the actions it fires are recorded in ``trace`` by rule id.
"""

import bisect
import functools
import logging
import operator

from .compat import (FACTS, Agenda, DepthStrategy, ExpertaFact, FactList, InitialFact,
                     KnowledgeEngine, ReteMatcher)
from .facts import has_dunder_key
from .matcher import BUILD_LOCK, ReusableReteMatcher


class DepthOrder(DepthStrategy):
    """experta's depth strategy without its lru_cache on activations.

    The cache hashes and compares whole activations (fact by fact) on every agenda update and
    keeps them alive between consultations; profiling showed it was half of a consultation's
    time. The key is cheap to compute, so compute it. It also ends in the rule id: two rules of
    the same salience matching the same facts would otherwise fire in an order that depends on
    object hashes, which differ from one process to the next (the same answers must always give
    the same advice, byte for byte).
    """

    def get_key(self, activation):
        rule = activation.rule
        return (rule.salience, sorted(map(_FACT_ID, activation.facts), reverse=True),
                getattr(rule._wrapped, "rule_id", ""))

    def _update_agenda(self, agenda, added, removed):
        """experta's update, step for step, with bisect comparing the keys itself (its key=
        argument) instead of calling Activation.__lt__ for every comparison."""
        activations = agenda.activations
        for act in removed:
            act.key = key = self.get_key(act)
            idx = bisect.bisect_left(activations, key, key=_KEY)
            size = len(activations)
            for o in (0, 1, -1):  # experta looks here (with -1 meaning the last, as in Python)
                if -size <= idx + o < size and activations[idx + o] == act:
                    del activations[idx + o]
                    break
        for act in added:
            act.key = self.get_key(act)
            bisect.insort(activations, act, key=_KEY)


_KEY = operator.attrgetter("key")
_FACT_ID = operator.itemgetter("__factid__")


class WorkingMemory(FactList):
    """experta's FactList with the duplicate check's key built in one pass.

    The key is the one experta uses (the fact's class and its non-special items); experta builds
    it calling a static method per item, for every fact declared.
    """

    @staticmethod
    def _get_fact_id(fact, dunder=None):
        if not (has_dunder_key(fact) if dunder is None else dunder):  # no special keys to skip
            return frozenset((fact.__class__, *dict.items(fact)))
        return frozenset([fact.__class__, *[
            (k, v) for k, v in fact.items()
            if not (isinstance(k, str) and k.startswith("__") and k.endswith("__"))]])

    def __init__(self):
        super().__init__()
        # experta's FACTS watcher, asked once per consultation rather than once per fact.
        self.watched = FACTS.isEnabledFor(logging.INFO)

    def declare(self, fact, dunder=None):
        """experta's FactList.declare, step for step, with the field validation skipped for
        facts that declare no fields (every derived fact) and the id set without a property.
        ``dunder``: whether the fact has a key with "__", when the caller already knows."""
        if not isinstance(fact, ExpertaFact):
            raise ValueError("The fact must descend the Fact class.")
        if fact.__fields__:
            fact.validate()
        fact_id = self._get_fact_id(fact, dunder)
        if self.duplication or fact_id not in self.reference_counter:
            idx = self.last_index
            dict.__setitem__(fact, "__factid__", idx)
            self[idx] = fact
            self.last_index += 1
            self.added.append(fact)
            counter = self.reference_counter  # a Counter; get() spares it a __missing__ call
            counter[fact_id] = counter.get(fact_id, 0) + 1
            if self.watched:
                FACTS.info(" ==> %s: %r", fact, fact)
            return fact
        return None


class Consulting:
    """What both engines add to experta: ``consult``, and what the rules say (messages, not
    facts: nothing matches on them), kept once each in the order said, with how many facts had
    been declared when each was said, and the ids of the rules fired, in order. Reset by every
    consultation. Building an engine is serialised (BUILD_LOCK), as experta's network build
    writes state shared by every engine of the process."""

    def __init__(self):
        with BUILD_LOCK:
            super().__init__()
        self._start()

    def consult(self, facts):
        """Reset, declare the facts, run to quiescence; returns the working memory (what was
        said and the rules fired are the engine's said, said_at and trace)."""
        self._start()
        self.reset()
        self.declare(*facts)
        self.run()
        return self.facts

    def _start(self):
        self.trace = []
        self.said = []
        self.said_at = []
        self._said = set()

    def say(self, message):
        """Keep what a rule says, once (as working memory keeps a fact once)."""
        if message not in self._said:
            self._said.add(message)
            self.said.append(message)
            self.said_at.append(self.facts.last_index)


class StockOrder(DepthStrategy):
    """experta's own depth strategy (its lru_cache and agenda update) with one addition, the rule
    id as the last part of the key: without it, two rules of the same salience matching the same
    facts fire in an order that depends on object hashes, which differ between processes."""

    @functools.lru_cache  # noqa: B019 - as experta's own get_key (its cache, kept)
    def get_key(self, activation):
        rule = activation.rule
        return (rule.salience, sorted((f["__factid__"] for f in activation.facts), reverse=True),
                getattr(rule._wrapped, "rule_id", ""))


class StockEngine(Consulting, KnowledgeEngine):
    """experta end to end: its reset, declare, run loop, working memory and matcher; only the
    agenda's tie-break is added (StockOrder). Compared with LeanEngine in the test suite."""

    __strategy__ = StockOrder
    __matcher__ = ReteMatcher


class LeanEngine(Consulting, KnowledgeEngine):
    """experta's KnowledgeEngine with the lean matcher, working memory and agenda order, and a
    run loop that records each fired rule's id in ``trace``.

    An engine holds one consultation's state (working memory, agenda, the matcher's memories,
    the trace): use each from one thread only. Building one is serialised (BUILD_LOCK), as
    experta's network build writes state shared by every engine of the process.
    """

    __strategy__ = DepthOrder
    __matcher__ = ReusableReteMatcher

    def reset(self):
        """experta's reset, minus finding the DefFacts by introspecting the whole engine object
        on every call (a quarter of a consultation's time): this engine declares its knowledge in
        ``knowledge`` and has no DefFacts besides experta's InitialFact."""
        self.agenda = Agenda()
        self.facts = WorkingMemory()
        self.matcher.reset()
        self.running = False
        self.declare(InitialFact())

    def declare(self, *facts):
        """experta's declare: refuse patterns posing as facts, then add the facts to working
        memory, updating the agenda unless the engine is running (it does that itself). The
        same steps, in one loop each, instead of a generator per check."""
        dunders = []
        for fact in facts:
            if fact.has_field_constraints():
                raise TypeError("Declared facts cannot contain conditional elements")
            dunder = has_dunder_key(fact)  # asked once for both checks that need it
            if dunder and fact.has_nested_accessor():
                raise KeyError("Cannot declare facts containing double underscores as keys.")
            dunders.append(dunder)
        last = None
        for fact, dunder in zip(facts, dunders, strict=True):
            last = self.facts.declare(fact, dunder)
        if not self.running:
            added, removed = self.get_activations()
            self.strategy.update_agenda(self.agenda, added, removed)
        return last

    def run(self, steps=float("inf")):
        """experta's run loop, without the log line it formats for every firing.

        experta builds "FIRE n rule: f-1, f-2" with every fact's str() before asking the logger
        whether anyone listens; here nothing is formatted. Activations come and go exactly as in
        experta (the matcher's changes, the strategy's agenda update, the next activation).
        """
        self.running = True
        changes, update = self.matcher.changes, self.strategy._update_agenda
        try:
            while steps > 0 and self.running:
                facts = self.facts  # what FactList.changes does, without a property and try
                added, removed = changes(facts.added, facts.removed)
                facts.added, facts.removed = [], []
                if added or removed:
                    update(self.agenda, added, removed)
                if not self.agenda.activations:
                    break
                activation = self.agenda.activations.pop()
                steps -= 1
                self._fire(activation.rule, activation.context)
        finally:
            self.running = False

    def _fire(self, rule, context):
        """experta's Rule.__call__ for an engine's rule, and our wrapper's trace entry, in one
        frame: the action gets the bound names its signature asks for (all of them when it
        takes **kwargs), names starting with "__" never."""
        wanted = rule._wrapped_args
        kwargs = {k: v for k, v in context.items()
                  if (k in wanted if wanted else not k.startswith("__"))}
        action = rule._wrapped
        body = getattr(action, "body", None)
        if body is None or rule._wrapped_self is not None:  # not one of ours: experta's way
            rule(self, **kwargs)
            return
        self.trace.append(action.rule_id)
        body(self, **kwargs)
