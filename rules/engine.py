"""One KnowledgeEngine composed of every rule module, reusable across consultations."""

import bisect
import functools
import logging
import operator

from ..experta_compat import (FACTS, Agenda, DepthStrategy, ExpertaFact, FactList, InitialFact,
                              KnowledgeEngine, has_dunder_key)
from ..kb import EXERCISES
from ..kb.facts import (Answers, GoalBand, InjuryArea, OneRM, PlateStep, RecentSet, Variation,
                        WeekDay, WeekOverride, WeekSession)
from .base import DeriveMixin, _frozen
from .classify import ClassificationRules
from .follow_ups import FollowUpRules
from .loads import LoadRules
from .matcher import BUILD_LOCK, ReusableReteMatcher
from .placement import PlacementRules
from .prescription import PrescriptionRules
from .recovery import RecoveryRules
from .safety import SafetyRules
from .schedule import ScheduleRules, week_back_days


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
        self.said = []  # kb.facts.Said, in the order the rules said them
        self.said_at = []  # how many facts had been declared when each was said
        self._said = set()

    def say(self, message):
        """Keep what a rule says, once (as working memory keeps a fact once)."""
        if message not in self._said:
            self._said.add(message)
            self.said.append(message)
            self.said_at.append(self.last_index)

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


@functools.lru_cache(maxsize=256)
def _fields(entry):
    """A frozen catalogue entry as keyword arguments: a plain dict unpacks in C, where unpacking
    the frozen mapping asks it for every key in Python."""
    return dict(entry.items())


# The answers the rules reason about (athlete is only printed).
ANSWER_KEYS = ("variation", "goal", "experience", "season_phase", "injury_area", "injury_stage",
               "placement", "back_days_per_week", "units", "max_lift")


class AdvisorEngine(DeriveMixin, ClassificationRules, SafetyRules, PlacementRules,
                    PrescriptionRules, FollowUpRules, RecoveryRules, LoadRules, ScheduleRules,
                    KnowledgeEngine):
    """Every rule in one engine, reset and reused for consultation after consultation.

    An engine holds one consultation's state (working memory, agenda, the matcher's memories,
    the trace): use each from one thread only. Building one is serialised (BUILD_LOCK), as
    experta's network build writes state shared by every engine of the process.
    """

    __strategy__ = DepthOrder
    __matcher__ = ReusableReteMatcher

    def __init__(self):
        with BUILD_LOCK:
            super().__init__()
        self.trace = []

    def knowledge(self, profile):
        """The answers as facts, plus the catalogue entries that can bear on them.

        Only the chosen variation, goal band and injury area are declared: the others could never
        join with the answers, and every fact costs a trip through the network. Rules read them
        as "the" variation, goal band and injury area. The caps (kb.programming.LIMITS) are read
        by name when a rule declares one (DeriveMixin.limit). The exercise
        catalogue comes in later, one session's menu at a time (fu.session_menu).
        """
        answers = {key: profile.get(key) for key in ANSWER_KEYS}
        week = profile.get("week")
        if week is not None:
            # The week wins over an answer it contradicts (back days a week): what the rules
            # reason about, and quote, is the lifter's own week.
            counted = week_back_days(week["days"], profile["variation"])
            if counted != answers["back_days_per_week"]:
                yield WeekOverride(key="back_days_per_week", answered=answers["back_days_per_week"],
                                   week=counted)
                answers["back_days_per_week"] = counted
        yield Answers(**answers)
        if profile.get("week_session") is not None:
            yield WeekSession(**profile["week_session"])
        yield Variation(id=profile["variation"],
                        **_fields(_frozen("variation")[profile["variation"]]))
        yield GoalBand(goal=profile["goal"], **_fields(_frozen("goal")[profile["goal"]]))
        yield InjuryArea(id=profile["injury_area"],
                         **_fields(_frozen("injury_area")[profile["injury_area"]]))
        # The optional answers: only when given, so a plain consultation pays nothing for them.
        if profile.get("one_rm") is not None:
            yield OneRM(value=profile["one_rm"])
        if profile.get("recent_set") is not None:
            yield RecentSet(**profile["recent_set"])
        if profile.get("plate_step") is not None:
            yield PlateStep(value=profile["plate_step"])
        if profile.get("week") is not None:
            for day, names in profile["week"]["days"].items():
                yield WeekDay(day=day, exercises=tuple(n for n in names if n in EXERCISES),
                              unknown=tuple(n for n in names if n not in EXERCISES))

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

    def consult(self, profile):
        """Reset, declare the profile, run to quiescence; returns the working memory."""
        self.trace = []
        self.reset()
        self.declare(*self.knowledge(profile))
        self.run()
        return self.facts
