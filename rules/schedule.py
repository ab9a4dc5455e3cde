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

from ..engine import AS, MATCH, TEST, P
from ..kb.exercises import EXERCISES, own_lift, suggest_exercise
from ..kb.facts import (Answers, Classification, Conflict, DayKind, DeadliftDay, FollowUp,
                        InjuryArea, InjuryClash, Placement, Prescription, Recovery, ScheduleNote,
                        Variation, WeekDay, WeekEntry, WeekOverride, WeekSession)
from ..kb.programming import LIGHT_PULL
from ..kb.weeks import SESSION_OF_DAY_TYPES, WEEKDAYS
from .base import CLASSIFY, GRID, SCHEDULE, rule, sources_of
from .follow_ups import meets_injury

# Which kinds of day can host the deadlift for each placement, best first.
HOSTS = {"leg_day": ("leg_day", "full_body"), "back_day": ("back_day", "full_body"),
         "full_body": ("full_body", "leg_day"), "dedicated_day": ("rest",)}


def session_of(exercises, unknown=(), own=frozenset({"deadlift"})):
    """What kind of session a day is, from the day types of its exercises (the lift being
    programmed aside). A day with nothing known on it but names the catalogue does not know is
    "unknown": something is trained there, so it is never read as a rest day."""
    types = {EXERCISES[x]["day_type"] for x in exercises if x not in own}
    if not exercises:
        return "unknown" if unknown else "rest"
    for needed, session in SESSION_OF_DAY_TYPES:
        if needed <= types:
            return session
    return "other"


def window(day, hours):
    """Days strictly inside the recovery window after ``day`` (same time of day: 48 h is two
    days later, so it protects the next day; 72 h protects the next two)."""
    start = WEEKDAYS.index(day)
    return tuple(WEEKDAYS[(start + k) % 7] for k in range(1, hours // 24))


def days_before(day):
    """The day before ``day``: heavy posterior-chain or squat work there leaves the deadlift
    pre-fatigued. One day, whatever the window after the deadlift: the earlier session gets the
    standard 48 hours of its own (KNOWLEDGE 3c; project-inference for applying it backwards)."""
    return (WEEKDAYS[(WEEKDAYS.index(day) - 1) % 7],)


# K11 as the seed says it for a back-day pull: no leg day in the next day *or two*, whatever the
# posterior-chain window.
BACK_DAY_LEG_SPAN = 2


def in_the_way(kinds, day, hours, placement, own=frozenset({"deadlift"})):
    """(day, exercise, reason) for everything around ``day`` that the recovery rules forbid:
    posterior-chain work inside the window after it, the same kind of work in the days before it
    (the deadlift should be trained fresh), and for a back-day deadlift a leg day in the next two
    days."""
    found = []
    for later in window(day, hours):
        found += [(later, x, "posterior_chain") for x in dict.fromkeys(kinds[later]["exercises"])
                  if x not in own and EXERCISES[x]["posterior_chain"]]
    for earlier in days_before(day):
        found += [(earlier, x, "before_deadlift")
                  for x in dict.fromkeys(kinds[earlier]["exercises"])
                  if x not in own and EXERCISES[x]["posterior_chain"]]
    if placement == "back_day":
        start = WEEKDAYS.index(day)
        for k in range(1, BACK_DAY_LEG_SPAN + 1):
            later = WEEKDAYS[(start + k) % 7]
            if kinds[later]["session"] in ("leg_day", "full_body") and not any(
                    d == later and reason == "posterior_chain" for d, _, reason in found):
                found.append((later, None, "leg_day_after_back_day"))
    return found


def week_back_days(days, variation):
    """How many back days the week holds, read as sched.read_day reads each day."""
    from ..kb.variations import VARIATIONS

    own = own_lift(variation, VARIATIONS[variation]["role"])
    return sum(session_of([x for x in names if x in EXERCISES],
                          [x for x in names if x not in EXERCISES], own) == "back_day"
               for names in days.values())


class ScheduleRules:
    @rule("sched.week_over_answer", WeekOverride(key=MATCH.key, answered=MATCH.answered,
                                                 week=MATCH.counted),
          k=("K9",), sources=("project-inference",), salience=CLASSIFY)
    def week_over_answer(self, key, answered, counted):
        self.warn("sched.week_over_answer", "week_overrides_answer", key=key, week=counted)

    @rule("sched.read_day", AS.wd << WeekDay(), Variation(id=MATCH.variation, role=MATCH.role),
          k=("K11",), sources=("project-inference",), salience=SCHEDULE + 2)
    def read_day(self, wd, variation, role):
        own = own_lift(variation, role)
        self.declare(DayKind(day=wd["day"],
                             session=session_of(wd["exercises"], wd["unknown"], own),
                             exercises=wd["exercises"]))
        if wd["unknown"]:
            self.warn("sched.read_day", "unknown_exercises", day=wd["day"],
                      names=tuple(wd["unknown"]),
                      guesses=tuple(suggest_exercise(n) for n in wd["unknown"]))

    @rule("sched.injury_in_week", AS.kind << DayKind(),
          Answers(injury_area=MATCH.area & P(lambda a: a != "none"), injury_stage=MATCH.stage),
          InjuryArea(id=MATCH.area, muscles=MATCH.muscles, sources=MATCH.area_sources),
          Variation(id=MATCH.variation, role=MATCH.role),
          k=("K12",), sources=("project-inference",), salience=SCHEDULE + 1)
    def injury_in_week(self, kind, area, stage, muscles, area_sources, variation, role):
        own = own_lift(variation, role)  # the lift itself: its own prescription decides
        intensity = "reduced" if stage == "cleared" else "avoid"
        found = [InjuryClash(day=kind["day"], exercise=x, intensity=intensity, area=area,
                             stage=stage, because=("sched.injury_in_week",),
                             sources=sources_of("sched.injury_in_week", area_sources))
                 for x in dict.fromkeys(kind["exercises"])
                 if x not in own and meets_injury(x, area, muscles)]
        if found:
            self.declare(*found)

    @rule("sched.deadlift_off", Prescription(perform=False), AS.kind << DayKind(),
          Variation(id=MATCH.variation, role=MATCH.role),
          TEST(lambda kind, variation, role: own_lift(variation, role) & set(kind["exercises"])),
          k=("K12",), sources=("project-inference",), salience=SCHEDULE)
    def deadlift_off(self, kind, variation, role):
        self.declare(ScheduleNote(day=kind["day"], note="deadlift_off", to=None, why=None))

    # Reads all seven DayKind facts at once: the choice compares whole weeks, which experta
    # cannot express as a pattern. SCHEDULE + 2 has declared them all by now.
    @rule("sched.choose_day", WeekDay(day="mon"), Prescription(perform=True),
          Placement(session=MATCH.placement), Recovery(hours=MATCH.hours),
          Variation(id=MATCH.variation, role=MATCH.role),
          k=("K9", "K11"), sources=("seed-article", "korak-2015", "project-inference"),
          salience=SCHEDULE)
    def choose_day(self, placement, hours, variation, role):
        kinds = {f["day"]: f for f in self.facts.values() if isinstance(f, DayKind)}
        span = hours or 48
        own = own_lift(variation, role)
        listed = [d for d in WEEKDAYS if own & set(kinds[d]["exercises"])]
        hosts = HOSTS[placement]
        candidates = [d for d in WEEKDAYS if kinds[d]["session"] in hosts]
        fallback = not candidates and not listed
        if not candidates:  # no day of the right kind: any training day the advisor can read
            candidates = [d for d in WEEKDAYS if kinds[d]["session"] not in ("rest", "unknown")] \
                or [d for d in WEEKDAYS if kinds[d]["session"] != "unknown"] or list(WEEKDAYS)

        def cost(d):
            return (len(in_the_way(kinds, d, span, placement, own)),
                    hosts.index(kinds[d]["session"]) if kinds[d]["session"] in hosts else 9,
                    WEEKDAYS.index(d))

        fixed = next((f["day"] for f in self.facts.values() if isinstance(f, WeekSession)), None)
        if listed:
            # The lifter's own pull day stays where it is unless another day keeps the recovery
            # rules better; a second listed day becomes the lighter pull of the week (K9).
            heavy = min(listed, key=cost)
            best = min(candidates, key=cost)
            moved = cost(best)[0] < cost(heavy)[0]
            day = best if moved else heavy
        else:
            day, moved, heavy = min(candidates, key=cost), False, None
        if fixed is not None:  # the second look: the same day, now with its own session's rules
            day, fallback = fixed, False
            if day in listed:  # a listed day keeps the heavy pull; the others stay light
                heavy, moved = day, False
            else:
                moved = heavy is not None
        found = in_the_way(kinds, day, span, placement, own)
        self.declare(DeadliftDay(day=day, session=kinds[day]["session"], hours=span,
                                 protected=window(day, span), before=days_before(day),
                                 fallback=fallback, listed=tuple(listed), own=tuple(sorted(own)),
                                 because=("sched.choose_day",),
                                 sources=sources_of("sched.choose_day")))
        if fallback:
            self.warn("sched.choose_day", "no_day_of_that_kind", placement=placement, day=day)
        for other_day, exercise, reason in found:
            self.declare(Conflict(day=other_day, exercise=exercise, reason=reason, hours=span,
                                  deadlift_day=day, because=("sched.choose_day",),
                                  sources=sources_of("sched.choose_day")))
        for other in listed:
            if other == day:
                continue
            if moved and other == heavy:
                self.declare(ScheduleNote(day=other, note="deadlift_moved", to=day,
                                          why=len(in_the_way(kinds, other, span, placement, own))))
            else:
                self.declare(ScheduleNote(day=other, note="light_pull", to=day,
                                          why=(LIGHT_PULL["rpe_hi"], LIGHT_PULL["pct_of_heavy"])))

    @rule("sched.alternate_back_days", DeadliftDay(day=MATCH.day, session="back_day"),
          AS.kind << DayKind(session="back_day"), TEST(lambda day, kind: kind["day"] != day),
          k=("K9",), sources=("seed-article",), salience=SCHEDULE - 1)
    def sched_alternate_back_days(self, kind):
        self.declare(ScheduleNote(day=kind["day"], note="harder_back_work", to=None, why=None))

    # The week grid, entry by entry: the lift itself where it goes (the heavy day, a light day),
    # then each listed exercise once, at the deadlift day's follow-up verdict there, "avoid" on
    # another day inside the recovery window, and never easier than the injury's verdict. Reads
    # the whole week's verdicts at once (as sched.choose_day reads the week), at the last tier.
    @rule("sched.week_entries", WeekDay(day="mon"), Classification(variation=MATCH.variation),
          k=("K9", "K11", "K12"), sources=("project-inference",), salience=GRID)
    def week_entries(self, variation):
        facts = list(self.facts.values())
        kinds = {f["day"]: f for f in facts if isinstance(f, DayKind)}
        chosen = next((f for f in facts if isinstance(f, DeadliftDay)), None)
        deadlift_day = chosen["day"] if chosen else None
        # With no deadlift this week, any deadlift the lifter listed is off too (sched.deadlift_off).
        own = set(chosen["own"]) if chosen else own_lift(variation, "main")
        light = {f["day"] for f in facts if isinstance(f, ScheduleNote) and f["note"] == "light_pull"}
        in_the_way = {(f["day"], f["exercise"]) for f in facts if isinstance(f, Conflict)}
        clashes = {(f["day"], f["exercise"]): f for f in facts if isinstance(f, InjuryClash)}
        verdicts = {f["exercise"]: f["intensity"] for f in facts if isinstance(f, FollowUp)}
        found = []
        for day, kind in kinds.items():
            lift = ("main" if day == deadlift_day else "light" if day in light else None)
            if lift:
                found.append(WeekEntry(day=day, position=0, exercise="deadlift", intensity=lift,
                                       note=None, clash=None, because=("sched.week_entries",),
                                       sources=sources_of("sched.week_entries")))
            for position, x in enumerate(dict.fromkeys(kind["exercises"]), start=1):
                if x in own:
                    continue
                clash = clashes.get((day, x))
                level = (verdicts.get(x, "full") if day == deadlift_day
                         else "avoid" if (day, x) in in_the_way else "full")
                if clash and HARDER[clash["intensity"]] > HARDER[level]:
                    level = clash["intensity"]
                note = ("window" if (day, x) in in_the_way else "injury" if clash else None)
                found.append(WeekEntry(
                    day=day, position=position, exercise=x, intensity=level, note=note,
                    clash=(clash["intensity"], clash["area"]) if clash else None,
                    because=("sched.week_entries", *(clash["because"] if clash else ())),
                    sources=sources_of("sched.week_entries",
                                       clash["sources"] if clash else ())))
        if found:
            self.declare(*found)


HARDER = {"main": -1, "full": 0, "reduced": 1, "avoid": 2}  # which of two verdicts is harder
