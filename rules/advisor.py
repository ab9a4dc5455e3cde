"""The advisor: every rule module composed into one engine, and what a consultation declares."""

import functools

from ..engine import Engine
from ..kb import EXERCISES
from ..kb.facts import (Answers, GearAnswer, GoalBand, InjuryArea, OneRM, PlateStep, RecentSet,
                        Variation, WeekDay, WeekOverride, WeekSession)
from .base import DeriveMixin, _frozen
from .classify import ClassificationRules
from .follow_ups import FollowUpRules
from .loads import LoadRules
from .placement import PlacementRules
from .prescription import PrescriptionRules
from .recovery import RecoveryRules
from .safety import SafetyRules
from .schedule import ScheduleRules, week_back_days


@functools.lru_cache(maxsize=256)
def _fields(entry):
    """A frozen catalogue entry as keyword arguments: a plain dict unpacks in C, where unpacking
    the frozen mapping asks it for every key in Python."""
    return dict(entry.items())


# The answers the rules reason about (athlete is only printed).
ANSWER_KEYS = ("variation", "goal", "experience", "season_phase", "injury_area", "injury_stage",
               "placement", "back_days_per_week", "units", "max_lift")


class Advisor(DeriveMixin, ClassificationRules, SafetyRules, PlacementRules, PrescriptionRules,
              FollowUpRules, RecoveryRules, LoadRules, ScheduleRules):
    """Every rule, and what a consultation declares; composed on an engine base by compose()."""

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
        if profile.get("bar_weight") is not None or profile.get("plates") is not None:
            plates = profile.get("plates")
            yield GearAnswer(bar=profile.get("bar_weight"),
                             plates=tuple(plates) if plates is not None else None)
        if profile.get("week") is not None:
            for day, names in profile["week"]["days"].items():
                yield WeekDay(day=day, exercises=tuple(n for n in names if n in EXERCISES),
                              unknown=tuple(n for n in names if n not in EXERCISES))

    def consult(self, profile):
        """Reset, declare the profile, run to quiescence; returns the working memory."""
        return super().consult(self.knowledge(profile))


def compose(base=Engine):
    """The advisor on an engine base (engine.Engine; engine.StockEngine runs experta's own code
    end to end, as the test suite does to compare the two)."""
    return type(f"Advisor{base.__name__}", (Advisor, base), {
        "__doc__": "Every rule in one engine, reset and reused for consultation after "
                   "consultation; use an engine from one thread only.",
        "__module__": __name__})


AdvisorEngine = compose()
