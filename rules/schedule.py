"""The week (K9, K11): which day the deadlift goes on, and what in the week gets in its way.

Days are read into session kinds from their exercises (kb.exercises day_type). The deadlift day is
a day of the kind the placement chose (leg day, back day, ...); among those, the one whose
recovery window (the days after it, K11) holds the least posterior-chain work wins, earlier in
the week on a tie. Every exercise left inside the window, and for a back-day deadlift any leg day
inside it, is a Conflict with what to change.

An injury is checked against every day of the week, deadlift or not (K12): each exercise that
meets the injured area, by the same test as the follow-ups, is an InjuryClash to leave out (not
yet cleared) or do lighter (cleared).
"""

from ..experta_compat import AS, MATCH, TEST, P
from ..kb.exercises import EXERCISES
from ..kb.facts import (Answers, Conflict, DayKind, DeadliftDay, InjuryArea, InjuryClash,
                        Placement, Prescription, Recovery, ScheduleNote, WeekDay)
from ..kb.weeks import SESSION_OF_DAY_TYPES, WEEKDAYS
from .base import SCHEDULE, rule, sources_of
from .follow_ups import meets_injury

# Which kinds of day can host the deadlift for each placement, best first.
HOSTS = {"leg_day": ("leg_day", "full_body"), "back_day": ("back_day", "full_body"),
         "full_body": ("full_body", "leg_day"), "dedicated_day": ("rest",)}


def session_of(exercises):
    types = {EXERCISES[x]["day_type"] for x in exercises if x != "deadlift"}
    if not exercises:
        return "rest"
    for needed, session in SESSION_OF_DAY_TYPES:
        if needed <= types:
            return session
    return "other"


def window(day, hours):
    """Days strictly inside the recovery window after ``day`` (same time of day: 48 h is two
    days later, so it protects the next day; 72 h protects the next two)."""
    start = WEEKDAYS.index(day)
    return tuple(WEEKDAYS[(start + k) % 7] for k in range(1, hours // 24))


def in_the_way(kinds, day, hours, placement):
    """(day, exercise, reason) for everything inside the window that the window forbids."""
    found = []
    for later in window(day, hours):
        kind = kinds[later]
        found += [(later, x, "posterior_chain") for x in kind["exercises"]
                  if x != "deadlift" and EXERCISES[x]["posterior_chain"]]
        if placement == "back_day" and kind["session"] in ("leg_day", "full_body") and not any(
                reason == "posterior_chain" and d == later for d, _, reason in found):
            found.append((later, None, "leg_day_after_back_day"))
    return found


class ScheduleRules:
    @rule("sched.read_day", AS.wd << WeekDay(),
          k=("K11",), sources=("project-inference",), salience=SCHEDULE + 2)
    def read_day(self, wd):
        self.declare(DayKind(day=wd["day"], session=session_of(wd["exercises"]),
                             exercises=wd["exercises"]))
        if wd["unknown"]:
            self.warn("sched.read_day", "unknown_exercises", day=wd["day"],
                      names=tuple(wd["unknown"]))

    @rule("sched.injury_in_week", AS.kind << DayKind(),
          Answers(injury_area=MATCH.area & P(lambda a: a != "none"), injury_stage=MATCH.stage),
          InjuryArea(id=MATCH.area, muscles=MATCH.muscles, sources=MATCH.area_sources),
          k=("K12",), sources=("project-inference",), salience=SCHEDULE + 1)
    def injury_in_week(self, kind, area, stage, muscles, area_sources):
        intensity = "reduced" if stage == "cleared" else "avoid"
        found = [InjuryClash(day=kind["day"], exercise=x, intensity=intensity, area=area,
                             stage=stage, because=("sched.injury_in_week",),
                             sources=sources_of("sched.injury_in_week", area_sources))
                 for x in dict.fromkeys(kind["exercises"])
                 if x != "deadlift" and meets_injury(x, area, muscles)]
        if found:
            self.declare(*found)

    @rule("sched.deadlift_off", Prescription(perform=False), AS.kind << DayKind(),
          TEST(lambda kind: "deadlift" in kind["exercises"]),
          k=("K12",), sources=("project-inference",), salience=SCHEDULE)
    def deadlift_off(self, kind):
        self.declare(ScheduleNote(day=kind["day"], note="deadlift_off", to=None))

    # Reads all seven DayKind facts at once: the choice compares whole weeks, which experta
    # cannot express as a pattern. SCHEDULE + 2 has declared them all by now.
    @rule("sched.choose_day", WeekDay(day="mon"), Prescription(perform=True),
          Placement(day=MATCH.placement),
          Recovery(hours=MATCH.hours),
          k=("K9", "K11"), sources=("seed-article", "korak-2015"), salience=SCHEDULE)
    def choose_day(self, placement, hours):
        kinds = {f["day"]: f for f in self.facts.values() if isinstance(f, DayKind)}
        span = hours or 48
        hosts = HOSTS[placement]
        candidates = [d for d in WEEKDAYS if kinds[d]["session"] in hosts]
        fallback = not candidates
        if fallback:  # no day of the right kind: any training day, else any day
            candidates = [d for d in WEEKDAYS if kinds[d]["session"] != "rest"] or list(WEEKDAYS)

        def cost(d):
            return (len(in_the_way(kinds, d, span, placement)),
                    hosts.index(kinds[d]["session"]) if kinds[d]["session"] in hosts else 9,
                    WEEKDAYS.index(d))

        day = min(candidates, key=cost)
        self.declare(DeadliftDay(day=day, session=kinds[day]["session"], hours=span,
                                 protected=window(day, span), fallback=fallback,
                                 because=("sched.choose_day",),
                                 sources=sources_of("sched.choose_day")))
        if fallback:
            self.warn("sched.choose_day", "no_day_of_that_kind", placement=placement, day=day)
        for later, exercise, reason in in_the_way(kinds, day, span, placement):
            self.declare(Conflict(day=later, exercise=exercise, reason=reason, hours=span,
                                  deadlift_day=day, because=("sched.choose_day",),
                                  sources=sources_of("sched.choose_day")))
        for other in WEEKDAYS:
            if other != day and "deadlift" in kinds[other]["exercises"]:
                self.declare(ScheduleNote(day=other, note="deadlift_moved", to=day))

    @rule("sched.alternate_back_days", DeadliftDay(day=MATCH.day, session="back_day"),
          AS.kind << DayKind(session="back_day"), TEST(lambda day, kind: kind["day"] != day),
          k=("K9",), sources=("seed-article",), salience=SCHEDULE - 1)
    def sched_alternate_back_days(self, kind):
        self.declare(ScheduleNote(day=kind["day"], note="harder_back_work", to=None))
