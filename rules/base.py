"""Rule registration and the derive helpers every rule module shares.

``rule`` wraps experta's ``Rule`` so that each rule has a stable id, the knowledge rules (K1-K16)
it implements and the sources behind it, and so that the engine records the firing order (the
HOW trail ``explain`` prints). Rules only declare facts and say messages (kb.facts.Said): a
message id and parameters name what to say, and templates/messages.j2 says it.
"""

import functools
import inspect
from typing import NamedTuple

from ..engine import Rule, freeze_once, frozen_pairs
from ..kb.caches import forget_tables, per_process  # noqa: F401 (rules use them)
from ..kb import GOAL_BANDS, INJURY_AREAS, VARIATIONS
from ..kb.programming import LIMITS as CAPS
from ..kb.facts import Limit, Said


class RuleInfo(NamedTuple):
    id: str
    knowledge: tuple  # K-rule ids from DESIGN.md
    sources: tuple
    module: str
    salience: int


RULES = {}

# Salience tiers, highest first. Producers must outrank their consumers: a fold (compose) may
# only run once every fact it folds has been declared, so folds sit in the lowest tiers.
CLASSIFY = 100   # what the lift is
SAFETY = 90      # injury: blocks and caps before anything is prescribed
ALLOW = 80       # which session types are allowed
CHOOSE = 70      # pick one session type (preference first, then by priority)
RESTRICT = 50    # caps that depend on the chosen day, season, experience (kb LIMITS rows)
COMPOSE = 10     # fold band + caps into the prescription
RECOVERY = 8     # the recovery window, from the final prescription
SCHEDULE = 6     # the week: which day, what gets in the way (needs the window)
FOLLOW = 3       # verdicts on the exercises after the deadlift (needs the day)
AFTER = 0        # recovery window and advice that reads the final prescription
GRID = -1        # the week grid, entry by entry, once every verdict on an entry is known


def rule(rule_id, *conditions, k=(), sources=(), salience=0):
    """Declare an experta rule with a stable id; the action receives the usual bound names."""
    if rule_id in RULES:
        raise ValueError(f"duplicate rule id {rule_id}")

    def decorate(fn):
        RULES[rule_id] = RuleInfo(rule_id, tuple(k), tuple(sources), fn.__module__, salience)

        @functools.wraps(fn)  # keeps fn's signature, which experta reads to pass bound names
        def action(engine, **bound):
            engine.trace.append(rule_id)
            return fn(engine, **bound)

        action.rule_id = rule_id
        action.body = fn  # the engine's run loop calls it, recording the id itself
        # experta reads the action's signature for every rule copy it makes while building the
        # network; computed once here, not once per copy through the wrapper chain.
        action.__signature__ = inspect.signature(fn)
        return Rule(*conditions, salience=salience)(action)

    return decorate


def sources_of(rule_id, *extra):
    """The rule's own sources plus any cited by the facts it used, de-duplicated, in order."""
    try:
        return _sources_of(rule_id, extra)
    except TypeError:  # a group that cannot be a cache key (a list): work it out
        return _sources_of.__wrapped__(rule_id, extra)


@functools.lru_cache(maxsize=4096)
def _sources_of(rule_id, extra):
    # Called for every derived fact with the same few combinations; worked out once each.
    seen = dict.fromkeys(RULES[rule_id].sources)
    for group in extra:
        seen.update(dict.fromkeys(group or ()))
    return tuple(seen)  # tuples: experta stores them as they are, lists it copies


@per_process()
def _frozen(name):
    """Catalogue tables frozen once per process, the way experta stores fact values.

    experta freezes every nested list and dict when a fact is built; with the values already
    frozen, building a fact from catalogue data per consultation costs next to nothing.
    """
    return freeze_once(_TABLES[name])


@per_process()
def _cap(key):
    """A cap's row, and its fields as a plain dict to unpack into a Limit."""
    row = _frozen("limits")[key]
    return row, {k: v for k, v in row.items() if k != "sources"}


_TABLES = {"variation": VARIATIONS, "goal": GOAL_BANDS, "injury_area": INJURY_AREAS,
           "limits": CAPS}


def left_out(engine):
    """Every exercise the plan leaves out somewhere: a follow-up to avoid, a conflict in the
    week, an exercise the injury rules out on some day. A line of advice never names one."""
    from ..kb.facts import Conflict, FollowUp, InjuryClash

    out = set()
    for f in engine.facts.values():
        if isinstance(f, Conflict) and f["exercise"]:
            out.add(f["exercise"])
        elif isinstance(f, (FollowUp, InjuryClash)) and f["intensity"] == "avoid":
            out.add(f["exercise"])
    return out


def session_after(engine, wanted):
    """Of the exercise ids ``wanted``, those that follow the deadlift in this session and that
    the plan leaves out nowhere, in the order asked: what a line may name as "after it"."""
    from ..kb.facts import FollowUp

    kept = {f["exercise"] for f in engine.facts.values() if isinstance(f, FollowUp)}
    kept -= left_out(engine)
    return tuple(x for x in wanted if x in kept)


class DeriveMixin:
    """Helpers rules call to declare derived facts with their provenance."""

    def limit(self, rule_id, key):
        """Declare the cap named ``key`` in kb.programming.LIMITS; returns its row."""
        row, fields = _cap(key)
        self.declare(Limit(key=key, because=(rule_id,), sources=sources_of(rule_id, row["sources"]),
                           **fields))
        return row

    def warn(self, rule_id, message, sources=(), **params):
        self.say(Said("warning", message, frozen_pairs(params), (rule_id,),
                            sources_of(rule_id, sources)))

    def recommend(self, rule_id, message, sources=(), **params):
        self.say(Said("recommendation", message, frozen_pairs(params), (rule_id,),
                            sources_of(rule_id, sources)))

    def disclaim(self, rule_id, message):
        self.say(Said("disclaimer", message, (), (rule_id,), sources_of(rule_id)))
