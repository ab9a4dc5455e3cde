"""The days after (K11): how long posterior-chain work stays out, and which exercises that means.

48 h is the convention; 72 h after maximal efforts, very hard sets or high volume (KNOWLEDGE 3c):
the window follows the session actually planned (its RPE, volume and whether a maximal effort is
in it), not what the goal would permit. A power session recovers sooner than a strength session
of equal work (Helland 2020).
"""

from ..engine import AS, MATCH, TEST
from ..kb.exercises import EXERCISES
from ..kb.facts import Answers, Placement, Prescription, Recovery
from ..kb.programming import (HIGH_VOLUME_REPS, POWER_RECOVERY_SOURCES, RECOVERY_HOURS,
                              RECOVERY_SOURCES)
from .base import AFTER, RECOVERY, rule, sources_of


def _demanding(rx):
    return rx["max_effort"] or rx["rpe"][1] >= 9.5 or rx["sets"][1] * rx["reps"][1] >= \
        HIGH_VOLUME_REPS


def _window(engine, rule_id, kind, reason):
    # The exercises to keep out are the catalogue's significant posterior-chain work.
    avoid = tuple(ex_id for ex_id, ex in EXERCISES.items()
                  if ex["posterior_chain"] and ex_id != "deadlift" and not ex.get("week_entry"))
    engine.declare(Recovery(hours=RECOVERY_HOURS[kind], reason=reason, avoid=avoid,
                            because=(rule_id,), sources=sources_of(rule_id, RECOVERY_SOURCES[kind])))


class RecoveryRules:
    @rule("recovery.standard_window", AS.rx << Prescription(perform=True),
          TEST(lambda rx: not _demanding(rx)),
          k=("K11",), sources=("seed-article",), salience=RECOVERY)
    def standard(self):
        _window(self, "recovery.standard_window", "standard", "standard")

    @rule("recovery.extended_window", AS.rx << Prescription(perform=True),
          TEST(lambda rx: _demanding(rx)),
          k=("K11",), sources=("korak-2015",), salience=RECOVERY)
    def extended(self, rx):
        _window(self, "recovery.extended_window", "extended",
                "max_effort" if rx["max_effort"] else "volume")

    @rule("recovery.power_recovers_sooner", Answers(goal="power"), Recovery(hours=48),
          k=("K11",), sources=POWER_RECOVERY_SOURCES, salience=AFTER)
    def power_recovers_sooner(self):
        self.recommend("recovery.power_recovers_sooner", "power_session_recovers_sooner")

    @rule("recovery.no_deadlift", Prescription(perform=False),
          k=("K11", "K12"), sources=("project-inference",), salience=RECOVERY)
    def no_deadlift(self):
        self.declare(Recovery(hours=None, reason="no_deadlift", avoid=(),
                              because=("recovery.no_deadlift",),
                              sources=sources_of("recovery.no_deadlift")))

    @rule("recovery.back_day_needs_clear_window", Placement(session="back_day"),
          Recovery(hours=MATCH.hours), TEST(lambda hours: hours is not None),
          k=("K11",), sources=("seed-article",), salience=AFTER)
    def back_day_window(self, hours):
        self.recommend("recovery.back_day_needs_clear_window", "back_day_no_leg_day_after",
                       hours=hours)

    @rule("recovery.window_advice", Recovery(hours=MATCH.hours, reason=MATCH.reason),
          TEST(lambda hours: hours is not None),
          k=("K11",), sources=("seed-article",), salience=AFTER)
    def window_advice(self, hours, reason):
        self.recommend("recovery.window_advice", "keep_posterior_chain_out", hours=hours,
                       reason=reason)
