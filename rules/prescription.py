"""Prescription: sets, reps, RPE, %1RM, maximal effort or not, deadlift at all or not.

A goal gives the starting band (rx.goal_band); every situation that restricts it declares a
Limit (upper bounds, and rep floors, which are conservative the other way); rx.compose folds them
at the end, so the most conservative cap always wins whatever order the limits arrived in. %1RM
comes from the RTS chart (effective reps), cut at the lowest load ceiling.
"""

from ..engine import AS, MATCH, L
from ..kb.exercises import EXERCISE_OF_VARIATION
from ..kb.facts import (Answers, Band, GoalBand, InjuryArea, Limit, MaxEffortGrant, Placement,
                        Prescription, Variation)
from ..kb.programming import RTS_SOURCES
from ..kb.rts import percent_1rm
from .base import AFTER, COMPOSE, RESTRICT, left_out, rule, session_after, sources_of
from .follow_ups import meets_injury


def fold(band, limits):
    """Apply limits to a band; returns the prescription fields (ranges as (low, high) tuples,
    which a fact keeps as they are).

    Caps are upper bounds, except the rep floors (reps_lo_min, reps_hi_min), which are
    conservative the other way: more reps at the same effort mean lighter loads. The %1RM range
    is the RTS chart's at the two corners of the band (fewest reps at the highest RPE, most reps
    at the lowest), cut at the lowest load ceiling (pct_hi) of any limit; when a ceiling cuts it,
    the RPE range is only a ceiling too (``load_capped``): far from failure, effort ratings say
    little about the load (Hackett 2017), so the %1RM is what to load.
    """
    sets_lo, sets_hi = band["sets"]
    reps_lo, reps_hi = band["reps"]
    rpe_lo, rpe_hi = band["rpe"]
    perform = all(lim.get("perform", True) for lim in limits)
    max_effort = band["max_effort_ok"] and band["granted"] and all(
        lim.get("max_effort", True) for lim in limits)
    reps_floor, pct_cap = 0, None
    for lim in limits:
        reps_hi = max(reps_hi, lim.get("reps_hi_min", reps_hi))
    for lim in limits:
        sets_hi = min(sets_hi, lim.get("sets_hi", sets_hi))
        reps_hi = min(reps_hi, lim.get("reps_hi", reps_hi))
        rpe_hi = min(rpe_hi, lim.get("rpe_hi", rpe_hi))
        rpe_lo = min(rpe_lo, lim.get("rpe_lo_max", rpe_lo))
        reps_floor = max(reps_floor, lim.get("reps_lo_min", 0))
        cap = lim.get("pct_hi")
        if cap is not None and (pct_cap is None or cap < pct_cap):
            pct_cap = cap
    sets_lo, rpe_lo = min(sets_lo, sets_hi), min(rpe_lo, rpe_hi)
    reps_lo = max(min(reps_lo, reps_hi), reps_floor)
    reps_hi = max(reps_hi, reps_lo)  # a rep floor outranks a volume cap: it keeps loads light
    if not perform:
        return {"perform": False, "max_effort": False, "sets": None, "reps": None, "rpe": None,
                "percent_1rm": None, "load_capped": False, "pct_cap": None}
    top, bottom = percent_1rm(reps_lo, rpe_hi), percent_1rm(reps_hi, rpe_lo)
    capped = pct_cap is not None and pct_cap < top
    if capped:
        top = pct_cap
        bottom = min(bottom, top)
    return {"perform": True, "max_effort": max_effort,
            "sets": (sets_lo, sets_hi), "reps": (reps_lo, reps_hi), "rpe": (rpe_lo, rpe_hi),
            "percent_1rm": (bottom, top), "load_capped": capped, "pct_cap": pct_cap}


class PrescriptionRules:
    # The goal band declared is the one for the user's goal (the engine declares no other).
    @rule("rx.goal_band", AS.row << GoalBand(),
          k=("K14",), sources=("nsca-essentials",), salience=RESTRICT)
    def goal_band(self, row):
        self.declare(Band(goal=row["goal"], sets=row["sets"], reps=row["reps"], rpe=row["rpe"],
                          max_effort_ok=row["max_effort_ok"], because=("rx.goal_band",),
                          sources=sources_of("rx.goal_band", row["sources"])))

    @rule("rx.low_volume_high_load", Band(),
          k=("K14",), sources=("seed-article",), salience=RESTRICT)
    def low_volume(self):
        self.limit("rx.low_volume_high_load", "low_volume")

    @rule("rx.novice_low_intensity", Answers(experience="novice"),
          k=("K4",), sources=("seed-article", "acsm-2009"), salience=RESTRICT)
    def novice(self):
        self.limit("rx.novice_low_intensity", "novice")

    @rule("rx.back_day_moderate", Placement(session="back_day"),
          k=("K8",), sources=("seed-article",), salience=RESTRICT)
    def back_day(self):
        self.limit("rx.back_day_moderate", "back_day")

    @rule("rx.full_body_shared_fatigue", Placement(session="full_body"),
          k=("K6",), sources=("seed-article", "acsm-2009"), salience=RESTRICT)
    def full_body(self):
        self.limit("rx.full_body_shared_fatigue", "full_body")

    @rule("rx.accessory_hinge", Variation(role="accessory"),
          k=("K14",), sources=("nsca-essentials", "acsm-2009"), salience=RESTRICT)
    def accessory_hinge(self):
        self.limit("rx.accessory_hinge", "accessory_hinge")

    @rule("rx.accessory_reps", Variation(role="accessory"),
          Prescription(perform=True, reps=MATCH.reps),
          k=("K14",), sources=("nsca-essentials", "acsm-2009"), salience=AFTER)
    def accessory_reps(self, reps):
        self.recommend("rx.accessory_reps", "accessory_hinge_reps", reps_lo=reps[0],
                       reps_hi=reps[1])

    # The season model is a team sport's (K13); a powerlifter's season is meets.
    @rule("rx.pre_season_lighter", Answers(season_phase="pre_season", goal=~L("powerlifting")),
          k=("K13",), sources=("seed-article", "nsca-essentials"), salience=RESTRICT)
    def pre_season(self):
        self.limit("rx.pre_season_lighter", "pre_season")
        self.recommend("rx.pre_season_lighter", "pre_season_less_posterior_chain")

    @rule("rx.meet_preparation", Answers(season_phase="pre_season", goal="powerlifting"),
          k=("K13",), sources=("nsca-essentials",), salience=RESTRICT)
    def meet_preparation(self):
        self.recommend("rx.meet_preparation", "meet_preparation_build")

    @rule("rx.in_season_maintenance", Answers(season_phase="in_season", goal=~L("powerlifting")),
          k=("K13",), sources=("ronnestad-2011",), salience=RESTRICT)
    def in_season(self):
        self.limit("rx.in_season_maintenance", "in_season")
        self.recommend("rx.in_season_maintenance", "in_season_once_a_week")

    @rule("rx.meet_season_peak", Answers(season_phase="in_season", goal="powerlifting"),
          k=("K13", "K14"), sources=("nsca-essentials", "travis-2021"), salience=RESTRICT)
    def meet_season_peak(self):
        row = self.limit("rx.meet_season_peak", "meet_season")
        self.recommend("rx.meet_season_peak", "meet_season_peak", reps_hi=row["reps_hi"],
                       sets_hi=row["sets_hi"])

    @rule("rx.post_season_active_rest", Answers(season_phase="post_season"),
          k=("K13",), sources=("nsca-essentials",), salience=RESTRICT)
    def post_season(self):
        self.limit("rx.post_season_active_rest", "post_season")
        self.recommend("rx.post_season_active_rest", "post_season_active_rest")

    @rule("rx.max_effort_leg_day", Placement(session="leg_day"),
          k=("K10",), sources=("seed-article",), salience=RESTRICT)
    def max_effort_leg_day(self):
        self.declare(MaxEffortGrant(because=("rx.max_effort_leg_day",),
                                    sources=sources_of("rx.max_effort_leg_day")))

    @rule("rx.max_effort_dedicated_day", Placement(session="dedicated_day"),
          k=("K5",), sources=("seed-article",), salience=RESTRICT)
    def max_effort_dedicated_day(self):
        self.declare(MaxEffortGrant(because=("rx.max_effort_dedicated_day",),
                                    sources=sources_of("rx.max_effort_dedicated_day")))

    # The fold reads every Limit and grant in working memory: experta has no accumulate
    # condition, and by COMPOSE salience every rule that can add one has already fired.
    @rule("rx.compose", AS.band << Band(), Placement(),
          k=("K14",), sources=RTS_SOURCES, salience=COMPOSE)
    def fold_prescription(self, band):
        limits, grants = [], []
        for f in self.facts.values():
            if isinstance(f, Limit):
                limits.append(f)
            elif isinstance(f, MaxEffortGrant):
                grants.append(f)
        fields = fold({**band, "granted": bool(grants)}, limits)
        because = dict.fromkeys(band["because"])
        sources = dict.fromkeys(band["sources"])
        for f in [*grants, *limits]:
            because.update(dict.fromkeys(f["because"]))
            sources.update(dict.fromkeys(f["sources"]))
        because["rx.compose"] = None
        self.declare(Prescription(goal=band["goal"], limits=tuple(f["key"] for f in limits),
                                  because=tuple(because),
                                  sources=sources_of("rx.compose", tuple(sources)), **fields))

    @rule("rx.rpe10_only_as_test", Prescription(max_effort=True),
          k=("K10",), sources=("gundersen-2025",), salience=AFTER)
    def rpe10_only_as_test(self):
        self.recommend("rx.rpe10_only_as_test", "max_effort_is_a_planned_test")

    # Said after the fold, so the note quotes the effort actually prescribed: an injury, the
    # season or a novice's cap can set it below the back-day ceiling, and with no deadlift at all
    # there is nothing to keep short.
    @rule("rx.back_day_keep_it_short", Placement(session="back_day"),
          Prescription(perform=True, rpe=MATCH.rpe),
          k=("K8",), sources=("seed-article",), salience=AFTER)
    def back_day_keep_it_short(self, rpe):
        self.recommend("rx.back_day_keep_it_short", "back_day_moderate", rpe_lo=rpe[0],
                       rpe_hi=rpe[1],
                       named=session_after(self, ("barbell_row", "pull_up", "seated_row",
                                                  "lat_pulldown")))

    @rule("rx.low_volume_note", Prescription(perform=True), Answers(goal="hypertrophy"),
          AS.var << Variation(), InjuryArea(id=MATCH.area, muscles=MATCH.injured),
          Answers(injury_stage=MATCH.stage),
          k=("K14",), sources=("seed-article",), salience=AFTER)
    def low_volume_note(self, var, area, injured, stage):
        # The lower-fatigue examples: never the lift itself, never one the injury leaves out.
        own, gone = EXERCISE_OF_VARIATION[var["id"]], left_out(self)
        examples = tuple(x for x in ("romanian_deadlift", "hip_thrust", "hamstring_curl")
                         if x != own and x not in gone
                         and not (stage in ("acute", "recovering")
                                  and meets_injury(x, area, injured)))
        self.recommend("rx.low_volume_note", "hypertrophy_volume_elsewhere", named=examples)

    @rule("rx.not_today", Prescription(perform=False, limits=MATCH.limits),
          k=("K12",), sources=("project-inference",), salience=AFTER)
    def not_today(self, limits):
        self.recommend("rx.not_today", "no_deadlift_for_now", reasons=list(limits))


__all__ = ["PrescriptionRules", "fold"]
