"""Placement: on which kind of day the deadlift goes and where in the session (K4-K6, K8-K10).

First every session type the knowledge allows is declared (DayAllowed); then one is chosen. The
choice rules all require NOT(Placement()), and their saliences are a priority list: the user's own
preference wins when it is allowed, then the auto rules in the order written below.
"""

from ..engine import AS, MATCH, NOT, L, P
from ..kb.facts import (Answers, Classification, DayAllowed, FollowUp, Placement, Prescription,
                        Variation, WeekSession)
from ..kb.exercises import EXERCISES
from ..kb.premises import MAIN_LIFTS, SQUATS
from .base import ALLOW, AFTER, CHOOSE, rule, session_after, sources_of

MAIN_ORDER = tuple(x for x in EXERCISES if x in MAIN_LIFTS)  # catalogue (session) order

LEG_OR_HYBRID = L("leg") | L("hybrid")


def _allow(engine, rule_id, session):
    engine.declare(DayAllowed(session=session, because=(rule_id,), sources=sources_of(rule_id)))


def _place(engine, rule_id, session, allowed=None):
    # A main lift opens the session on every day type: on a leg day because fatigue breaks form
    # (K10), elsewhere because multi-joint, high-intensity lifts come first (ACSM, NSCA order).
    # An accessory hinge is assistance work: it follows the session's main lift (NSCA order).
    role = next(f["role"] for f in engine.facts.values() if isinstance(f, Variation))
    because, sources = (allowed["because"], allowed["sources"]) if allowed else ((), ())
    engine.declare(Placement(session=session, order=1 if role == "main" else 2, role=role,
                             because=(rule_id, *because), sources=sources_of(rule_id, sources)))


class PlacementRules:
    # --- which days are allowed ------------------------------------------------------------
    @rule("place.allow_leg_day", Classification(category=LEG_OR_HYBRID),
          k=("K1", "K10"), sources=("seed-article",), salience=ALLOW)
    def allow_leg_day(self):
        _allow(self, "place.allow_leg_day", "leg_day")

    @rule("place.allow_leg_day_novice", Classification(category="back"),
          Answers(experience="novice"),
          k=("K4",), sources=("seed-article",), salience=ALLOW)
    def allow_leg_day_novice(self):
        _allow(self, "place.allow_leg_day_novice", "leg_day")

    @rule("place.allow_back_day", Classification(),
          Answers(back_days_per_week=P(lambda n: n > 0)),
          k=("K8", "K11"), sources=("seed-article",), salience=ALLOW)
    def allow_back_day(self):
        _allow(self, "place.allow_back_day", "back_day")

    @rule("place.allow_full_body", Classification(),
          k=("K4",), sources=("seed-article", "acsm-2009"), salience=ALLOW)
    def allow_full_body(self):
        _allow(self, "place.allow_full_body", "full_body")

    # A day of its own is for a main lift: an accessory hinge is never the max-effort lift of a day.
    @rule("place.allow_dedicated_day", Classification(), Answers(experience="advanced"),
          Variation(role="main"),
          k=("K5",), sources=("seed-article",), salience=ALLOW)
    def allow_dedicated_day(self):
        _allow(self, "place.allow_dedicated_day", "dedicated_day")

    # --- choose one (priority by salience) ------------------------------------------------
    # The week outranks every other reason: the deadlift is trained in the session the lifter's
    # week puts it in, so that session's rules apply (advice.consult takes this second look).
    @rule("place.week_session", WeekSession(session=MATCH.session, day=MATCH.weekday,
                                            was=MATCH.was),
          NOT(Placement()),
          k=("K6", "K8", "K10"), sources=("seed-article",), salience=CHOOSE + 10)
    def week_session(self, session, weekday, was):
        _place(self, "place.week_session", session)
        self.recommend("place.week_session", "week_sets_the_session", day=session, weekday=weekday,
                       was=was)

    @rule("place.preference",
          Answers(placement=MATCH.session & ~L("auto")),
          AS.allowed << DayAllowed(session=MATCH.session), NOT(Placement()),
          k=(), sources=(), salience=CHOOSE + 9)
    def preference(self, session, allowed):
        _place(self, "place.preference", session, allowed)

    # Why the asked-for day is not allowed, decided here (the allow rules above, read back):
    # the sheet words the reason, it does not work it out again.
    @rule("place.preference_refused",
          Answers(placement=MATCH.session & ~L("auto"), experience=MATCH.level,
                  back_days_per_week=MATCH.back_days),
          Classification(category=MATCH.cat), Variation(role=MATCH.role),
          NOT(DayAllowed(session=MATCH.session)),
          k=("K4", "K5", "K8"), sources=("seed-article",), salience=CHOOSE + 8)
    def preference_refused(self, session, cat, level, back_days, role):
        reason = ("no_back_days" if session == "back_day" and back_days == 0
                  else "not_advanced" if session == "dedicated_day" and level != "advanced"
                  else "accessory_hinge" if session == "dedicated_day" and role != "main"
                  else "back_lift" if session == "leg_day" and cat == "back"
                  else None)
        self.warn("place.preference_refused", "placement_refused", day=session, category=cat,
                  experience=level, back_days=back_days, reason=reason)

    @rule("place.auto_dedicated_day",
          Answers(experience="advanced", goal=L("strength") | L("powerlifting")),
          AS.allowed << DayAllowed(session="dedicated_day"), NOT(Placement()),
          k=("K5",), sources=("seed-article",), salience=CHOOSE + 5)
    def auto_dedicated(self, allowed):
        _place(self, "place.auto_dedicated_day", "dedicated_day", allowed)

    @rule("place.auto_hybrid_back_day",
          Classification(category="hybrid"),
          Answers(back_days_per_week=P(lambda n: n >= 2)),
          AS.allowed << DayAllowed(session="back_day"), NOT(Placement()),
          k=("K9", "K8"), sources=("seed-article",), salience=CHOOSE + 4)
    def auto_hybrid_back(self, allowed):
        _place(self, "place.auto_hybrid_back_day", "back_day", allowed)

    @rule("place.auto_leg_day",
          Classification(category=LEG_OR_HYBRID),
          AS.allowed << DayAllowed(session="leg_day"), NOT(Placement()),
          k=("K1", "K10"), sources=("seed-article",), salience=CHOOSE + 3)
    def auto_leg(self, allowed):
        _place(self, "place.auto_leg_day", "leg_day", allowed)

    @rule("place.auto_back_day",
          Classification(category="back"),
          AS.allowed << DayAllowed(session="back_day"), NOT(Placement()),
          k=("K3", "K8"), sources=("seed-article",), salience=CHOOSE + 2)
    def auto_back(self, allowed):
        _place(self, "place.auto_back_day", "back_day", allowed)

    @rule("place.auto_full_body",
          AS.allowed << DayAllowed(session="full_body"), NOT(Placement()),
          k=("K4",), sources=("seed-article", "acsm-2009"), salience=CHOOSE)
    def auto_full_body(self, allowed):
        _place(self, "place.auto_full_body", "full_body", allowed)

    # --- what the chosen day means for the session ----------------------------------------
    @rule("place.leg_day_first", Placement(session="leg_day", role="main"), Prescription(perform=True),
          k=("K10", "K6"), sources=("seed-article", "acsm-2009"), salience=AFTER)
    def leg_day_first(self):
        self.recommend("place.leg_day_first", "leg_day_deadlift_first")

    # Only where a squat shares the session (and is not left out): "whichever comes second".
    @rule("place.second_lift_gets_less", Placement(session=L("leg_day") | L("full_body"), role="main"),
          FollowUp(exercise=P(lambda x: x in SQUATS), intensity=~L("avoid")),
          k=("K6",), sources=("seed-article",), salience=AFTER)
    def second_lift_less(self):
        self.recommend("place.second_lift_gets_less", "second_lift_gets_less")

    @rule("place.alternate_back_days", Prescription(perform=True),
          Placement(session="back_day"), Answers(back_days_per_week=MATCH.n & P(lambda n: n >= 2)),
          k=("K9",), sources=("seed-article",), salience=AFTER)
    def alternate_back_days(self, n):
        self.recommend("place.alternate_back_days", "alternate_back_days", back_days=n)

    @rule("place.novice_either_day", Answers(experience="novice"), Prescription(perform=True),
          Placement(session=L("leg_day") | L("back_day") | L("full_body")),
          k=("K4",), sources=("seed-article",), salience=AFTER)
    def novice_either_day(self):
        self.recommend("place.novice_either_day", "novice_either_day")

    @rule("place.accessory_after_main_lift", Placement(role="accessory"),
          Prescription(perform=True),
          k=("K14",), sources=("nsca-essentials", "acsm-2009"), salience=AFTER)
    def accessory_after_main_lift(self):
        # Names the session's own main lifts where it has them; with none (a week whose session
        # holds only assistance work) the line says the hinge may lead.
        self.recommend("place.accessory_after_main_lift", "accessory_after_main_lift",
                       named=session_after(self, MAIN_ORDER))

    @rule("place.dedicated_day", Placement(session="dedicated_day"), Prescription(perform=True),
          k=("K5",), sources=("seed-article",), salience=AFTER)
    def dedicated_day(self):
        # Names only the isolation work this session really holds, and only what is allowed.
        self.recommend("place.dedicated_day", "dedicated_day_isolation_after",
                       named=session_after(self, ("good_morning", "hamstring_curl",
                                                  "back_extension")))
