"""What comes after the deadlift in the same session, and how hard (K5-K8, K10, K12).

fu.session_menu puts the day's exercises into working memory, noting for each whether it trains a
muscle the deadlift has just worked (a prime or secondary mover) and whether it meets the injured
area (the InjuryArea fact is the user's, 'none' included: the engine declares no other). The
verdict rules then partition the menu, so every exercise gets exactly one FollowUp: an exercise
that meets a not-yet-cleared injury is left out, one that meets a cleared injury goes lighter (an
injury can only ever make a follow-up easier), and every other exercise is judged by fatigue:
reduced after its muscles were worked, full when they were not (K7), with K8's exception for
compound back work after a capped back-day deadlift.
"""

from ..engine import AS, MATCH, NOT, L, frozen_pairs
from ..kb.exercises import EXERCISES, SESSION_POSITION
from ..kb.facts import (Answers, Classification, DayKind, DeadliftDay, Exercise, FollowUp,
                        InjuryArea, Placement, Prescription, WeekDay)
from .base import FOLLOW, per_process, rule, sources_of

NOT_CLEARED = L("acute") | L("recovering")


def _follow_up(engine, rule_id, ex, intensity, **params):
    engine.declare(FollowUp(exercise=ex["id"], intensity=intensity, muscles=ex["trains"],
                            kind=ex["kind"], position=SESSION_POSITION[ex["id"]],
                            params=frozen_pairs(params), because=(rule_id,),
                            sources=sources_of(rule_id)))


@per_process()
def _catalogue():
    """Per exercise: kind, trained muscles (a tuple, as a fact keeps it) and the areas it loads;
    worked out once per process instead of once per menu."""
    return {x: (ex["kind"], tuple(ex["trains"]), frozenset(ex["loads"]))
            for x, ex in EXERCISES.items()}


@per_process()
def _follows_on(day):
    return tuple(x for x, ex in EXERCISES.items() if day in ex["follows_on"])


def meets_injury(exercise_id, area, injured_muscles):
    """Whether an exercise meets the injured area: it loads the area, or trains a muscle there.
    The one test for follow-ups and for every other day of the week (sched.injury_in_week)."""
    _, trains, loads = _catalogue()[exercise_id]
    return area in loads or not set(injured_muscles).isdisjoint(trains)


def _menu(engine, exercise_ids, cls, area, injured):
    worked = {*cls["primary"], *cls["secondary"]}
    menu = []
    for x in dict.fromkeys(exercise_ids):
        kind, trains, _ = _catalogue()[x]
        menu.append(Exercise(id=x, kind=kind, trains=trains,
                             trains_worked=not worked.isdisjoint(trains),
                             meets_injury=meets_injury(x, area, injured)))
    engine.declare(*menu)


class FollowUpRules:
    @rule("fu.session_menu", Prescription(perform=True), Placement(session=MATCH.session),
          AS.cls << Classification(), InjuryArea(id=MATCH.area, muscles=MATCH.injured),
          NOT(WeekDay()),
          k=("K5", "K7", "K10"), sources=("seed-article",), salience=FOLLOW + 1)
    def session_menu(self, session, cls, area, injured):
        # Only today's menu enters working memory: the whole catalogue would be matched against
        # every follow-up rule for nothing.
        _menu(self, _follows_on(session), cls, area, injured)

    @rule("fu.session_menu_from_week", Prescription(perform=True),
          DeadliftDay(day=MATCH.day, own=MATCH.own),
          DayKind(day=MATCH.day, exercises=MATCH.exercises),
          AS.cls << Classification(), InjuryArea(id=MATCH.area, muscles=MATCH.injured),
          k=("K5", "K7", "K10"), sources=("seed-article",), salience=FOLLOW + 1)
    def session_menu_from_week(self, exercises, own, cls, area, injured):
        # With a week given, what follows the deadlift is what the person already does that day.
        _menu(self, [x for x in exercises if x not in own], cls, area, injured)

    @rule("fu.injured_area_avoid", Answers(injury_area=MATCH.area, injury_stage=NOT_CLEARED),
          AS.ex << Exercise(meets_injury=True),
          k=("K12",), sources=("project-inference",), salience=FOLLOW)
    def fu_injured_avoid(self, ex, area):
        _follow_up(self, "fu.injured_area_avoid", ex, "avoid", area=area)

    @rule("fu.injured_area_cleared", Answers(injury_area=MATCH.area, injury_stage="cleared"),
          AS.ex << Exercise(meets_injury=True),
          k=("K12",), sources=("project-inference",), salience=FOLLOW)
    def fu_injured_cleared(self, ex, area):
        _follow_up(self, "fu.injured_area_cleared", ex, "reduced", area=area)

    @rule("fu.second_compound_reduced", Placement(session=L("leg_day") | L("full_body")),
          AS.ex << Exercise(meets_injury=False, trains_worked=True),
          k=("K6", "K10"), sources=("seed-article",), salience=FOLLOW)
    def fu_second_compound(self, ex):
        _follow_up(self, "fu.second_compound_reduced", ex, "reduced")

    @rule("fu.back_isolation_fatigued", Placement(session="back_day"),
          AS.ex << Exercise(meets_injury=False, trains_worked=True, kind="isolation"),
          k=("K7",), sources=("seed-article",), salience=FOLLOW)
    def fu_back_isolation(self, ex):
        _follow_up(self, "fu.back_isolation_fatigued", ex, "reduced")

    @rule("fu.back_compound_unaffected", Placement(session="back_day"),
          AS.ex << Exercise(meets_injury=False, trains_worked=True, kind="compound"),
          k=("K8",), sources=("seed-article",), salience=FOLLOW)
    def fu_back_compound(self, ex):
        _follow_up(self, "fu.back_compound_unaffected", ex, "full")

    @rule("fu.dedicated_day_isolation", Placement(session="dedicated_day"),
          AS.ex << Exercise(meets_injury=False, trains_worked=True),
          k=("K5", "K6"), sources=("seed-article",), salience=FOLLOW)
    def fu_dedicated_isolation(self, ex):
        _follow_up(self, "fu.dedicated_day_isolation", ex, "reduced")

    @rule("fu.untouched_muscles", AS.ex << Exercise(meets_injury=False, trains_worked=False),
          k=("K7",), sources=("seed-article",), salience=FOLLOW)
    def fu_untouched(self, ex):
        _follow_up(self, "fu.untouched_muscles", ex, "full")
