"""Concrete weights: an estimated 1RM (given, or from a recent set via the RTS chart) of the lift
the user measured, turned into a 1RM of the variation being programmed (kb.variations
``relation``), then into the weights of the prescribed sets, in the user's units, rounded to a
loadable step and never above the prescription's load ceiling.

The plan is a top set at the low end of the reps and the high end of the RPE band, then back-off
sets at the other corner of the band: the usual way an RPE range becomes a session.
"""

from ..engine import AS, MATCH, NOT, TEST
from ..kb.facts import (Answers, Estimated1RM, LiftBasis, Loads, OneRM, PlateStep, Prescription,
                        RecentSet, Variation)
from ..kb.programming import PLATE_STEPS, ROUGH_SET, RTS_SOURCES
from ..kb.rts import estimate_1rm, rough, round_to_step
from .base import AFTER, CLASSIFY, rule, sources_of


def measured_lift(variation, relation, max_lift):
    """Which lift the user's number is taken to be from: 'variation' or 'conventional'. Without
    an answer, the reading that gives the lighter loads (a number read as a conventional max is
    scaled by the relation; scaling up is never assumed)."""
    if variation == "conventional":
        return "variation"
    if max_lift in ("conventional", "variation"):
        return max_lift
    return "conventional" if relation["ratio"] < 1 else "variation"


def _lightest(rx, est, basis):
    """The lightest working weight before rounding: the 1RM of the variation at the low end of
    the prescription's %1RM range."""
    return est["value"] * basis["ratio"] * rx["percent_1rm"][0] / 100


class LoadRules:
    # A plate step coarser than the lightest working weight would round it to nothing (0 kg x 5):
    # no weights then, and the sheet says why.
    @rule("load.step_too_coarse", AS.rx << Prescription(perform=True),
          AS.est << Estimated1RM(), AS.basis << LiftBasis(), PlateStep(value=MATCH.step),
          Answers(units=MATCH.units),
          TEST(lambda rx, est, basis, step: _lightest(rx, est, basis) < step),
          k=(), sources=("project-inference",), salience=AFTER)
    def step_too_coarse(self, rx, est, basis, step, units):
        self.warn("load.step_too_coarse", "plate_step_too_coarse", step=step, units=units,
                  lightest=round(_lightest(rx, est, basis), 1))


    @rule("load.e1rm_from_recent_set", RecentSet(weight=MATCH.w, reps=MATCH.r, rpe=MATCH.e),
          TEST(lambda r, e: not rough(r, e)),
          k=(), sources=RTS_SOURCES, salience=CLASSIFY)
    def e1rm_from_recent_set(self, w, r, e):
        self.declare(Estimated1RM(value=round(estimate_1rm(w, r, e), 1), basis="recent_set",
                                  rough=False, raw=None,
                                  because=("load.e1rm_from_recent_set",),
                                  sources=sources_of("load.e1rm_from_recent_set")))

    # Far from failure or with many reps, RPE says little: the conservative end of the estimate.
    @rule("load.rough_estimate", RecentSet(weight=MATCH.w, reps=MATCH.r, rpe=MATCH.e),
          TEST(lambda r, e: rough(r, e)),
          k=(), sources=(*RTS_SOURCES, *ROUGH_SET["sources"]), salience=CLASSIFY)
    def rough_estimate(self, w, r, e):
        raw = round(estimate_1rm(w, r, e), 1)
        value = round(raw * ROUGH_SET["conservative_factor"], 1)
        self.declare(Estimated1RM(value=value, basis="recent_set", rough=True, raw=raw,
                                  because=("load.rough_estimate",),
                                  sources=sources_of("load.rough_estimate")))

    # Said only where there are weights for the caution to apply to.
    @rule("load.rough_estimate_said", Loads(rough=True), RecentSet(weight=MATCH.w, reps=MATCH.r,
                                                                   rpe=MATCH.e),
          AS.est << Estimated1RM(rough=True),
          k=(), sources=ROUGH_SET["sources"], salience=AFTER)
    def rough_estimate_said(self, w, r, e, est):
        self.warn("load.rough_estimate_said", "rough_estimate", weight=w, reps=r, rpe=e,
                  raw=est["raw"], value=est["value"], factor=ROUGH_SET["conservative_factor"])

    # A recent set says more about today than a number from memory, so it wins (salience).
    @rule("load.one_rm_given", OneRM(value=MATCH.v), NOT(RecentSet()),
          k=(), sources=("project-inference",), salience=CLASSIFY)
    def one_rm_given(self, v):
        self.declare(Estimated1RM(value=float(v), basis="one_rm", rough=False, raw=None,
                                  because=("load.one_rm_given",),
                                  sources=sources_of("load.one_rm_given")))

    @rule("load.both_given", OneRM(value=MATCH.v), RecentSet(), Loads(),
          AS.est << Estimated1RM(basis="recent_set"),
          k=(), sources=("project-inference",), salience=AFTER)
    def both_given(self, v, est):
        self.recommend("load.both_given", "recent_set_over_one_rm", one_rm=v,
                       estimate=est["value"])

    # Which lift the number belongs to, and how it becomes a 1RM of this variation.
    @rule("load.lift_basis", Estimated1RM(), AS.var << Variation(),
          Answers(max_lift=MATCH.max_lift),
          k=(), sources=("project-inference",), salience=CLASSIFY - 1)
    def lift_basis(self, var, max_lift):
        relation = var["relation"]
        lift = measured_lift(var["id"], relation, max_lift)
        ratio = relation["ratio"] if lift == "conventional" else 1.0
        inferred = lift == "conventional" and relation["inferred"]
        self.declare(LiftBasis(lift=lift, ratio=ratio, inferred=inferred,
                               because=("load.lift_basis",),
                               sources=sources_of("load.lift_basis", relation["sources"]
                                                  if lift == "conventional" else ())))

    # Said only when there are weights to explain (no deadlift, no weights).
    @rule("load.basis_notes", Loads(lift=MATCH.lift, ratio=MATCH.ratio, inferred=MATCH.inferred),
          AS.var << Variation(), Answers(max_lift=MATCH.max_lift),
          k=(), sources=("project-inference",), salience=AFTER)
    def basis_notes(self, var, lift, ratio, inferred, max_lift):
        if var["id"] != "conventional" and max_lift not in ("conventional", "variation"):
            self.recommend("load.basis_notes", "max_lift_assumed", variation=var["id"], lift=lift)
        if inferred:
            self.recommend("load.basis_notes", "relation_is_a_starting_guess",
                           variation=var["id"], ratio=ratio)

    @rule("load.default_plate_step", Estimated1RM(), Answers(units=MATCH.u), NOT(PlateStep()),
          k=(), sources=("project-inference",), salience=CLASSIFY - 2)
    def default_plate_step(self, u):
        self.declare(PlateStep(value=PLATE_STEPS[u]))

    @rule("load.working_weights", AS.rx << Prescription(perform=True),
          AS.est << Estimated1RM(), AS.basis << LiftBasis(), PlateStep(value=MATCH.step),
          Answers(units=MATCH.units),
          TEST(lambda rx, est, basis, step: _lightest(rx, est, basis) >= step),
          k=("K14",), sources=RTS_SOURCES, salience=AFTER)
    def working_weights(self, rx, est, basis, step, units):
        one_rm = round(est["value"] * basis["ratio"], 1)
        (sets_lo, _), (reps_lo, reps_hi), (rpe_lo, rpe_hi) = rx["sets"], rx["reps"], rx["rpe"]
        lo, hi = rx["percent_1rm"]
        # Never above the 1RM, nor above a load ceiling that some limit set (an injury, ...).
        cap = rx["pct_cap"]
        ceiling = one_rm if cap is None else min(one_rm, one_rm * cap / 100)
        plan = [(1, reps_lo, rpe_hi, hi)] + [(n, reps_hi, rpe_lo, lo) for n in range(2, sets_lo + 1)]
        loads = tuple((n, reps, rpe, round_to_step(one_rm * pct / 100, step, ceiling=ceiling))
                      for n, reps, rpe, pct in plan)
        self.declare(Loads(
            estimated_1rm=one_rm, measured=est["value"], basis=est["basis"], rough=est["rough"],
            raw=est["raw"], lift=basis["lift"], ratio=basis["ratio"], inferred=basis["inferred"],
            units=units, step=step,
            load_range=(round_to_step(one_rm * lo / 100, step, ceiling=ceiling),
                        round_to_step(one_rm * hi / 100, step, ceiling=ceiling)),
            sets=loads, because=(*est["because"], *basis["because"], "load.working_weights"),
            sources=sources_of("load.working_weights", (*est["sources"], *basis["sources"]))))
