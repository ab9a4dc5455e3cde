"""Forward-chaining rules, one module per concern, composed into one engine."""

from .base import RULES, RuleInfo
from .engine import AdvisorEngine

__all__ = ["RULES", "RuleInfo", "AdvisorEngine"]
