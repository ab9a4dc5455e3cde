"""experta Fact classes: what the user tells us, what the knowledge base holds, what rules derive.

Derived facts always carry ``because`` (rule ids, in firing order) and ``sources`` (keys of
kb.sources.SOURCES) so that every line of advice can answer "why?".
"""

from typing import NamedTuple

from ..engine import Fact

# --- answers -------------------------------------------------------------------------------


class Answers(Fact):
    """The validated answers of one consultation, keyed as in DESIGN.md (variation, goal,
    experience, season_phase, injury_area, injury_stage, placement, back_days_per_week, units).

    One fact rather than one per answer: a rule that tests an answer then tests a field, where
    it would otherwise join two facts, and a consultation declares one fact instead of eight.
    injury_stage is None when injury_area is 'none'.
    """


# --- knowledge (declared from kb data) -----------------------------------------------------


class Variation(Fact):
    """One catalogue entry (kb.variations)."""


class Exercise(Fact):
    """One accessory exercise (kb.exercises)."""


class GoalBand(Fact):
    """Starting prescription for a goal (kb.programming.GOAL_BANDS)."""


class InjuryArea(Fact):
    """Which muscles an injury area covers (kb.injuries)."""


# --- derived -------------------------------------------------------------------------------


class Classification(Fact):
    """category leg|back|hybrid and the muscle tiers."""


class DayAllowed(Fact):
    """A session type on which the deadlift may go."""


class Placement(Fact):
    """The chosen session type and the deadlift's position in it."""


class Band(Fact):
    """The starting prescription before limits."""


class Limit(Fact):
    """A cap some rule put on the prescription; folded into the Prescription at the end."""


class Prescription(Fact):
    """sets, reps, rpe, percent_1rm, max_effort, perform."""


class FollowUp(Fact):
    """The final intensity for an exercise after the deadlift (most conservative verdict)."""


class Recovery(Fact):
    """Hours of posterior-chain rest after the deadlift."""


class MaxEffortGrant(Fact):
    """A rule that allows a planned maximal effort (K5, K10); limits can still forbid it."""


class OneRM(Fact):
    """A 1RM the user states, in their units."""


class RecentSet(Fact):
    """A recent hard set: weight (user's units), reps, RPE."""


class PlateStep(Fact):
    """The smallest load jump available, in the user's units."""


class Estimated1RM(Fact):
    """The 1RM of the lift the user measured (one_rm or recent_set), where it came from, and
    whether it is only a rough estimate (a set far from failure or with many reps)."""


class LiftBasis(Fact):
    """Which lift the measured 1RM belongs to, and the relation (kb.variations ``relation``)
    that turns it into a 1RM of the variation being programmed."""


class Loads(Fact):
    """Concrete weights for the prescription."""


class GearAnswer(Fact):
    """The bar and the plates the lifter said the gym has (either may be None: not said)."""


class Gear(Fact):
    """What the weights are loaded with: the implement, the empty bar's weight and the plates,
    each from the answers or the defaults (kb/programming)."""


class Session(Fact):
    """The session at the bar: the warm-up ramp, plates per side for every set, and how many of
    a range of sets to do."""


class WeekDay(Fact):
    """One day of the user's week: catalogue exercise ids, and names the catalogue did not know."""


class DayKind(Fact):
    """What kind of session a day of the week is (leg_day, back_day, full_body, other, rest)."""


class DeadliftDay(Fact):
    """The day of the week the deadlift goes on, and the days its recovery window protects."""


class Conflict(Fact):
    """An exercise that gets in the way of the deadlift's recovery window."""


class InjuryClash(Fact):
    """An exercise somewhere in the week that meets the injured area: avoid, or go lighter."""


class Alternative(Fact):
    """A variation the injury allows, offered when the user's own is ruled out."""


class WeekSession(Fact):
    """The kind of session the lifter's week puts the deadlift in (a second look, when it is not
    the kind the placement chose): its rules apply, on that weekday."""


class WeekOverride(Fact):
    """An answer the lifter's week contradicts, and what the week shows instead (the week wins)."""


class WeekEntry(Fact):
    """One exercise of the lifter's week as the grid shows it: its day, its place in the day
    (0: the lift being programmed, heavy or light), how hard (main, light, full, reduced, avoid)
    and why (a note kind: window or injury)."""


class ScheduleNote(Fact):
    """Something to say about one day of the week (moved deadlift, harder back work, ...)."""


# --- said ----------------------------------------------------------------------------------


class Said(NamedTuple):
    """Something a rule says to the person: a warning (safety, plausibility), a recommendation
    (programming advice) or the not-medical-advice disclaimer every sheet carries (K16). A
    message id that templates/messages.j2 words, its parameters as (name, value) pairs, and like
    every derived fact the rule ids and sources behind it.

    Kept beside the working memory rather than in it: no rule reasons about what was said, so a
    message never needs matching (WorkingMemory.say).
    """
    kind: str  # "warning", "recommendation" or "disclaimer"
    id: str
    params: tuple
    because: tuple
    sources: tuple
