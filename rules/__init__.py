"""Forward-chaining rules, one module per concern, composed into one engine."""

from .base import RULES, RuleInfo
from .advisor import AdvisorEngine

__all__ = ["RULES", "RuleInfo", "AdvisorEngine"]
