"""The knowledge base: data (variations, exercises, programming tables, sources), Fact classes."""

from .answers import ANSWERS, EXTRA_ANSWERS, REQUIRED, enumerated_space, relevant
from .exercises import EXERCISES
from .injuries import INJURY_AREAS, STAGES
from .programming import DAYS, GOAL_BANDS, LIMITS
from .sources import SOURCES
from .variations import CATEGORIES, TIERS, VARIATIONS

__all__ = ["ANSWERS", "EXTRA_ANSWERS", "REQUIRED", "enumerated_space", "relevant", "EXERCISES",
           "INJURY_AREAS", "STAGES", "DAYS", "GOAL_BANDS", "LIMITS", "SOURCES", "CATEGORIES", "TIERS",
           "VARIATIONS"]
