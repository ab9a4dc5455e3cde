"""Concrete weights: an estimated 1RM (given, or from a recent set via the RTS chart) turned into
the weights of the prescribed sets, in the user's units, rounded to a loadable step.

The plan is a top set at the low end of the reps and the high end of the RPE band, then back-off
sets at the other corner of the band: the usual way an RPE range becomes a session.
"""

from ..experta_compat import AS, MATCH, NOT
from ..kb.facts import Answers, Estimated1RM, Loads, OneRM, PlateStep, Prescription, RecentSet
from ..kb.programming import PLATE_STEPS, RTS_SOURCES
from .base import AFTER, CLASSIFY, rule, sources_of
from .prescription import percent_1rm


def round_to_step(weight, step, ceiling=None):
    """Nearest loadable weight: a whole number of steps (half a step rounds up) — but never above
    ``ceiling`` (the 1RM), where it rounds down instead."""
    nearest = round(int(weight / step + 0.5) * step, 2)
    if ceiling is not None and nearest > ceiling:
        nearest = round(int(weight / step) * step, 2)
    return float(nearest)


def estimate_1rm(weight, reps, rpe):
    """1RM implied by ``reps`` at ``rpe`` with ``weight`` (RTS chart, effective reps)."""
    return weight * 100.0 / percent_1rm(reps, rpe)


class LoadRules:
    @rule("load.e1rm_from_recent_set", RecentSet(weight=MATCH.w, reps=MATCH.r, rpe=MATCH.e),
          k=(), sources=RTS_SOURCES, salience=CLASSIFY)
    def e1rm_from_recent_set(self, w, r, e):
        self.declare(Estimated1RM(value=round(estimate_1rm(w, r, e), 1), basis="recent_set",
                                  because=("load.e1rm_from_recent_set",),
                                  sources=sources_of("load.e1rm_from_recent_set")))

    # A recent set says more about today than a number from memory, so it wins (salience).
    @rule("load.one_rm_given", OneRM(value=MATCH.v), NOT(RecentSet()),
          k=(), sources=("project-inference",), salience=CLASSIFY)
    def one_rm_given(self, v):
        self.declare(Estimated1RM(value=float(v), basis="one_rm", because=("load.one_rm_given",),
                                  sources=sources_of("load.one_rm_given")))

    @rule("load.both_given", OneRM(value=MATCH.v), RecentSet(),
          AS.est << Estimated1RM(basis="recent_set"),
          k=(), sources=("project-inference",), salience=CLASSIFY - 1)
    def both_given(self, v, est):
        self.recommend("load.both_given", "recent_set_over_one_rm", one_rm=v,
                       estimate=est["value"])

    @rule("load.default_plate_step", Estimated1RM(), Answers(units=MATCH.u), NOT(PlateStep()),
          k=(), sources=("project-inference",), salience=CLASSIFY - 2)
    def default_plate_step(self, u):
        self.declare(PlateStep(value=PLATE_STEPS[u]))

    @rule("load.working_weights", AS.rx << Prescription(perform=True),
          AS.est << Estimated1RM(), PlateStep(value=MATCH.step), Answers(units=MATCH.units),
          k=("K14",), sources=RTS_SOURCES, salience=AFTER)
    def working_weights(self, rx, est, step, units):
        one_rm = est["value"]
        (sets_lo, _), (reps_lo, reps_hi), (rpe_lo, rpe_hi) = rx["sets"], rx["reps"], rx["rpe"]
        plan = [(1, reps_lo, rpe_hi)] + [(n, reps_hi, rpe_lo) for n in range(2, sets_lo + 1)]
        loads = tuple((n, reps, rpe, round_to_step(one_rm * percent_1rm(reps, rpe) / 100, step,
                                                   ceiling=one_rm))
                      for n, reps, rpe in plan)
        lo, hi = rx["percent_1rm"]
        self.declare(Loads(
            estimated_1rm=one_rm, basis=est["basis"], units=units, step=step,
            load_range=(round_to_step(one_rm * lo / 100, step, ceiling=one_rm),
                        round_to_step(one_rm * hi / 100, step, ceiling=one_rm)),
            sets=loads, because=(*est["because"], "load.working_weights"),
            sources=sources_of("load.working_weights", est["sources"])))
