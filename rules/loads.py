"""Concrete weights: an estimated 1RM (given, or from a recent set via the RTS chart) of the lift
the user measured, turned into a 1RM of the variation being programmed (kb.variations
``relation``), then into the weights of the prescribed sets, in the user's units, rounded to a
loadable step and never above the prescription's load ceiling.

The plan is a top set at the low end of the reps and the high end of the RPE band, then back-off
sets at the other corner of the band: the usual way an RPE range becomes a session.
"""

from ..engine import AS, MATCH, NOT, TEST
from ..kb.facts import (Answers, Estimated1RM, Gear, GearAnswer, LiftBasis, Loads, OneRM, PlateStep,
                        Prescription, RecentSet, Session, Variation)
from ..kb.plates import per_side, ramp
from ..kb.programming import (BAR_WEIGHT, DUMBBELL_PAIR, EXTRA_SETS, IMPLEMENT_OF, PLATE_STEPS,
                              PLATES, ROUGH_SET, RTS_SOURCES, WARM_UP)
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


def _load_step(implement, plate_step):
    """What the weights are rounded to: the plate step, or a pair of them for dumbbells (a real
    dumbbell in each hand)."""
    return plate_step * (DUMBBELL_PAIR if implement == "dumbbells" else 1)


def _rounded(weight, step, ceiling, var):
    """The nearest loadable weight, never above ``ceiling``; for dumbbells the pair below, since
    a pair of dumbbells cannot be made a little lighter as a bar can (the chart's load is then a
    cap)."""
    if IMPLEMENT_OF[var["id"]] == "dumbbells":
        ceiling = min(ceiling, weight)
    return round_to_step(weight, step, ceiling=ceiling)


def _lightest(rx, est, basis):
    """The lightest working weight before rounding: the 1RM of the variation at the low end of
    the prescription's %1RM range."""
    return est["value"] * basis["ratio"] * rx["percent_1rm"][0] / 100


class LoadRules:
    # A plate step coarser than the lightest working weight would round it to nothing (0 kg x 5):
    # no weights then, and the sheet says why.
    @rule("load.step_too_coarse", AS.rx << Prescription(perform=True),
          AS.est << Estimated1RM(), AS.basis << LiftBasis(), PlateStep(value=MATCH.step),
          Answers(units=MATCH.units), AS.var << Variation(),
          TEST(lambda rx, est, basis, step, var: _lightest(rx, est, basis)
               < _load_step(IMPLEMENT_OF[var["id"]], step)),
          k=(), sources=("project-inference",), salience=AFTER)
    def step_too_coarse(self, rx, est, basis, step, units, var):
        self.warn("load.step_too_coarse", "plate_step_too_coarse", step=step, units=units,
                  lightest=round(_lightest(rx, est, basis), 1),
                  dumbbells=IMPLEMENT_OF[var["id"]] == "dumbbells")

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
          Answers(units=MATCH.units), AS.var << Variation(),
          TEST(lambda rx, est, basis, step, var: _lightest(rx, est, basis)
               >= _load_step(IMPLEMENT_OF[var["id"]], step)),
          k=("K14",), sources=RTS_SOURCES, salience=AFTER)
    def working_weights(self, rx, est, basis, step, units, var):
        one_rm = round(est["value"] * basis["ratio"], 1)
        plate_step, step = step, _load_step(IMPLEMENT_OF[var["id"]], step)
        (sets_lo, _), (reps_lo, reps_hi), (rpe_lo, rpe_hi) = rx["sets"], rx["reps"], rx["rpe"]
        lo, hi = rx["percent_1rm"]
        # Never above the 1RM, nor above a load ceiling that some limit set (an injury, ...).
        cap = rx["pct_cap"]
        ceiling = one_rm if cap is None else min(one_rm, one_rm * cap / 100)
        sets_hi = rx["sets"][1]
        # Every work set of the range: the top set, then back-offs; those above the lower count
        # are optional (load.session says when to do them).
        top = _rounded(one_rm * hi / 100, step, ceiling, var)
        back = _rounded(one_rm * lo / 100, step, ceiling, var)
        # A back-off that comes out at the top set's weight (a load ceiling cut both, or the
        # rounding met) is the same set: the same RPE, not a lower one for as many reps or more.
        back_rpe = rpe_hi if back >= top - 1e-9 else rpe_lo
        loads = ((1, reps_lo, rpe_hi, top, False),) + tuple(
            (n, reps_hi, back_rpe, back, n > sets_lo) for n in range(2, sets_hi + 1))
        self.declare(Loads(
            estimated_1rm=one_rm, measured=est["value"], basis=est["basis"], rough=est["rough"],
            raw=est["raw"], lift=basis["lift"], ratio=basis["ratio"], inferred=basis["inferred"],
            units=units, step=plate_step,
            load_range=(_rounded(one_rm * lo / 100, step, ceiling, var),
                        _rounded(one_rm * hi / 100, step, ceiling, var)),
            sets=loads, because=(*est["because"], *basis["because"], "load.working_weights"),
            sources=sources_of("load.working_weights", (*est["sources"], *basis["sources"]))))

    # --- the session at the bar: what the weights are loaded with, warm-ups, plates per side ---

    @rule("load.gear_given", Loads(units=MATCH.units), AS.var << Variation(),
          AS.given << GearAnswer(),
          k=(), sources=("project-inference",), salience=AFTER)
    def gear_given(self, units, var, given):
        self._gear(units, var["id"], given["bar"], given["plates"], "load.gear_given")

    @rule("load.gear_default", Loads(units=MATCH.units), AS.var << Variation(), NOT(GearAnswer()),
          k=(), sources=("project-inference",), salience=AFTER)
    def gear_default(self, units, var):
        self._gear(units, var["id"], None, None, "load.gear_default")

    def _gear(self, units, variation, bar, plates, rule_id):
        implement = IMPLEMENT_OF[variation]
        default_bar = BAR_WEIGHT.get(implement, {}).get(units)
        self.declare(Gear(implement=implement,
                          bar=None if implement == "dumbbells" else
                          (bar if bar is not None else default_bar),
                          bar_given=bar is not None,
                          plates=None if implement == "dumbbells" else
                          tuple(plates if plates is not None else PLATES[units]),
                          plates_given=plates is not None, units=units,
                          because=(rule_id,), sources=sources_of(rule_id)))

    @rule("load.session", AS.loads << Loads(), AS.gear << Gear(), AS.rx << Prescription(perform=True),
          k=("K14",), sources=(*WARM_UP["sources"], *EXTRA_SETS["sources"]), salience=AFTER - 1)
    def session(self, loads, gear, rx):
        step, first = loads["step"], loads["sets"][0][3]
        bar = gear["bar"] if gear["bar"] is not None else 0.0
        heavy = rx["percent_1rm"][1] >= WARM_UP["heavy_from_pct_1rm"]
        plates = gear["plates"]
        warm = ramp(first, bar, _load_step(gear["implement"], step), WARM_UP["steps"],
                    WARM_UP["heavy_single"] if heavy else None, plates=plates,
                    window=WARM_UP["window"])
        sets_lo, sets_hi = rx["sets"]
        self.declare(Session(
            warm_up=tuple((w, reps, None if plates is None else per_side(w, bar, plates))
                          for w, reps in warm),
            plates=tuple(None if plates is None else per_side(w, bar, plates)
                         for _, _, _, w, _ in loads["sets"]),
            minimum_sets=sets_lo, maximum_sets=sets_hi,
            # the back-offs' RPE plus one, at most the top of the range (fatigue shows as RPE)
            extra_sets_while_rpe_at_most=(min(rx["rpe"][1], loads["sets"][-1][2] + 1)
                                          if sets_hi > sets_lo else None),
            because=("load.session",), sources=sources_of("load.session")))

    # A work set lighter than the bar, or one the plates cannot make: said, not hidden.
    @rule("load.not_loadable", AS.loads << Loads(), AS.gear << Gear(implement=MATCH.implement),
          AS.ses << Session(),
          TEST(lambda implement: implement != "dumbbells"),
          TEST(lambda ses: any(p is None for p in ses["plates"])),
          k=(), sources=("project-inference",), salience=AFTER - 2)
    def not_loadable(self, loads, gear, ses, implement):
        below = [s[3] for s, p in zip(loads["sets"], ses["plates"], strict=True)
                 if p is None and s[3] < gear["bar"]]
        self.warn("load.not_loadable", "below_the_bar" if below else "plates_cannot_make",
                  bar=gear["bar"], units=gear["units"],
                  weights=tuple(dict.fromkeys(s[3] for s, p in zip(loads["sets"], ses["plates"],
                                                                   strict=True) if p is None)))

    # A trap bar's weight differs from maker to maker: the default is a guess to check.
    @rule("load.bar_is_a_guess", Gear(implement="trap_bar", bar_given=False, bar=MATCH.bar,
                                       units=MATCH.units), Session(),
          k=(), sources=("project-inference",), salience=AFTER - 2)
    def bar_is_a_guess(self, bar, units):
        self.recommend("load.bar_is_a_guess", "trap_bar_weight_guessed", bar=bar, units=units)
