"""One KnowledgeEngine composed of every rule module, reusable across consultations."""

import functools

from ..experta_compat import DepthStrategy, KnowledgeEngine
from ..kb import GOAL_BANDS, INJURY_AREAS, LIMITS, VARIATIONS
from ..kb.facts import (BackDays, Experience, Goal, GoalBand, Injury, InjuryArea,
                        LimitRow, PlacementPreference, Season, Units, Variation, VariationChoice)
from .base import DeriveMixin
from .classify import ClassificationRules
from .follow_ups import FollowUpRules
from .matcher import ReusableReteMatcher
from .placement import PlacementRules
from .prescription import PrescriptionRules
from .recovery import RecoveryRules
from .safety import SafetyRules


class DepthOrder(DepthStrategy):
    """experta's depth strategy without its lru_cache on activations.

    The cache hashes and compares whole activations (fact by fact) on every agenda update and
    keeps them alive between consultations; profiling showed it was half of a consultation's
    time. The key is cheap to compute, so compute it.
    """

    def get_key(self, activation):
        return (activation.rule.salience,
                sorted((f["__factid__"] for f in activation.facts), reverse=True))


@functools.cache
def _catalogue_facts():
    """Catalogue facts are built once per process: experta freezes every nested value on
    construction, and doing that per consultation cost more than the reasoning itself. A declared
    fact only gets a new id, so the same objects serve every consultation."""
    facts = {("variation", k): Variation(id=k, **v) for k, v in VARIATIONS.items()}
    facts.update({("goal", k): GoalBand(goal=k, **v) for k, v in GOAL_BANDS.items()})
    facts.update({("injury_area", k): InjuryArea(id=k, **v) for k, v in INJURY_AREAS.items()})
    facts["limits"] = [LimitRow(id=k, **v) for k, v in LIMITS.items()]
    return facts


class AdvisorEngine(DeriveMixin, ClassificationRules, SafetyRules, PlacementRules,
                    PrescriptionRules, FollowUpRules, RecoveryRules, KnowledgeEngine):
    __strategy__ = DepthOrder
    __matcher__ = ReusableReteMatcher

    def __init__(self):
        super().__init__()
        self.trace = []

    def knowledge(self, profile):
        """The answers as facts, plus the catalogue entries that can bear on them.

        Only the chosen variation, goal band and injury area are declared: the others could never
        join with the answers, and every fact costs a trip through the network. The exercise
        catalogue comes in later, one session's menu at a time (fu.session_menu).
        """
        yield VariationChoice(id=profile["variation"])
        yield Goal(value=profile["goal"])
        yield Experience(level=profile["experience"])
        yield Season(phase=profile["season_phase"])
        yield Injury(area=profile["injury_area"], stage=profile["injury_stage"])
        yield PlacementPreference(day=profile["placement"])
        yield BackDays(per_week=profile["back_days_per_week"])
        yield Units(value=profile["units"])
        catalogue = _catalogue_facts()
        yield catalogue["variation", profile["variation"]]
        yield catalogue["goal", profile["goal"]]
        yield catalogue["injury_area", profile["injury_area"]]
        yield from catalogue["limits"]

    def consult(self, profile):
        """Reset, declare the profile, run to quiescence; returns the working memory."""
        self.trace = []
        self.reset()
        self.declare(*self.knowledge(profile))
        self.run()
        return self.facts
