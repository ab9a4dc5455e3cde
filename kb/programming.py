"""Prescription knowledge: goal bands, the limits that situations impose, and the RPE chart.

A *band* is the starting prescription for a goal; a *limit* row caps it (upper bounds, plus rep
floors that keep loads light, so limits can be applied in any order and the most conservative
always wins). Numbers come from
shared/KNOWLEDGE.md: the NSCA goal table and ACSM position stand for ranges, the RTS chart for the
RPE to %1RM conversion, the seed for the back-day band (K8), Rønnestad 2011 for in-season dosing
and the injury guidance in part 1. ``None`` means "no limit on this field".
"""

# Starting bands per goal. Deadlift work sets stay at RPE <= 9 (Gundersen 2025); K14 keeps volume
# low and load high, so rep ranges are the low end of each NSCA band.
GOAL_BANDS = {
    "strength": {"sets": (3, 5), "reps": (2, 5), "rpe": (7.5, 9.0), "max_effort_ok": True,
                 "sources": ["nsca-essentials", "acsm-2009", "rts-chart"]},
    "powerlifting": {"sets": (3, 5), "reps": (1, 5), "rpe": (7.5, 9.0), "max_effort_ok": True,
                     "sources": ["nsca-essentials", "helms-2016", "rts-chart"]},
    # Power is maximal intent with submaximal loads, not maximal weights: no max test.
    "power": {"sets": (3, 6), "reps": (1, 3), "rpe": (6.5, 7.5), "max_effort_ok": False,
              "sources": ["nsca-essentials", "rts-chart"]},
    "hypertrophy": {"sets": (2, 4), "reps": (6, 10), "rpe": (7.0, 8.5), "max_effort_ok": True,
                    "sources": ["nsca-essentials", "acsm-2009", "rts-chart"]},
    "general_fitness": {"sets": (2, 3), "reps": (5, 8), "rpe": (6.5, 7.5), "max_effort_ok": False,
                        "sources": ["acsm-2009", "rts-chart"]},
}

# Limit rows. Field names: rpe_hi, rpe_lo_max (the low end may not exceed this), sets_hi, reps_hi,
# reps_lo_min (the low end is at least this: fewer reps at the same effort mean heavier loads),
# reps_hi_min (the range reaches at least this), pct_hi (the load ceiling, %1RM: a cap on effort
# is a cap on load too, since one or two reps far from failure can still be a near-maximal weight,
# and RPE is least accurate far from failure and for novices: Hackett 2017, Zourdos 2016),
# max_effort (False forbids), perform (False: no deadlift).
LIMITS = {
    # K4 / ACSM: novices train the lift at low intensity with loads of 8-12 RM; 8RM is 78.6% of
    # 1RM on the RTS chart, the novice's load ceiling; five reps at least.
    "novice": {"rpe_hi": 7.5, "rpe_lo_max": 6.5, "sets_hi": 3, "reps_lo_min": 5, "pct_hi": 78.6,
               "max_effort": False, "sources": ["seed-article", "acsm-2009", "rts-chart"]},
    # K8: on a back day, moderate load and low volume, RPE 7-8. "Moderate" is read as below the
    # NSCA strength zone (85% and up): project-inference.
    "back_day": {"rpe_hi": 8.0, "rpe_lo_max": 7.0, "sets_hi": 3, "reps_hi": 5, "reps_lo_min": 3,
                 "pct_hi": 85.0, "max_effort": False,
                 "sources": ["seed-article", "nsca-essentials", "project-inference"]},
    # A full-body session shares its fatigue budget: no maximal efforts (K6 convention).
    "full_body": {"rpe_hi": 8.5, "max_effort": False, "sources": ["seed-article", "acsm-2009"]},
    # K14: the deadlift is a low-volume, high-load lift.
    "low_volume": {"sets_hi": 5, "reps_hi": 10, "sources": ["seed-article"]},
    # An accessory hinge (RDL, stiff-leg, single-leg, step-RDL) is assistance work: after the main
    # lift, 6-10 reps, never a max test (NSCA order; the rep range is project-inference).
    "accessory_hinge": {"rpe_hi": 8.0, "rpe_lo_max": 7.0, "sets_hi": 4, "reps_lo_min": 6,
                        "reps_hi_min": 10, "max_effort": False,
                        "sources": ["nsca-essentials", "acsm-2009", "project-inference"]},
    # K13 and season guidance (team sports).
    "pre_season": {"rpe_hi": 8.0, "rpe_lo_max": 7.0, "sets_hi": 3, "reps_hi": 5,
                   "max_effort": False, "sources": ["seed-article", "nsca-essentials"]},
    "in_season": {"rpe_hi": 8.0, "rpe_lo_max": 7.0, "sets_hi": 3, "reps_hi": 5,
                  "max_effort": False, "sources": ["ronnestad-2011", "nsca-essentials"]},
    # Post-season is active rest with no heavy pulls: light technique work, 65% at most
    # (project-inference from NSCA's active-rest phase).
    "post_season": {"rpe_hi": 6.0, "rpe_lo_max": 5.0, "sets_hi": 2, "reps_hi": 5, "reps_lo_min": 5,
                    "pct_hi": 65.0, "max_effort": False,
                    "sources": ["nsca-essentials", "project-inference"]},
    # Powerlifting's in-season is meet season: a peak, heavy singles to triples at low volume
    # (NSCA peaking: 1-3 sets of 1-3 reps; raw powerlifters' last heavy deadlift, 90-92.5% 1RM,
    # 7-10 days out, most often 3 x 1: Travis 2021; elite lifters cut volume by about 59% while
    # keeping intensity: Pritchard 2016). No RPE cap beyond the goal band's 9.
    "meet_season": {"sets_hi": 3, "reps_hi": 3,
                    "sources": ["nsca-essentials", "travis-2021", "pritchard-2016"]},
    # K12 / K16: injury stages. Recovering: light loads, 60% at most, five reps or more, RPE 6 at
    # most; cleared: 75% at most for the first weeks (the ceilings are project-inference).
    "injury_any": {"max_effort": False, "sources": ["project-inference"]},
    "acute": {"perform": False, "max_effort": False, "sources": ["project-inference"]},
    "recovering": {"rpe_hi": 6.0, "rpe_lo_max": 5.0, "sets_hi": 3, "reps_hi": 6, "reps_lo_min": 5,
                   "pct_hi": 60.0, "max_effort": False,
                   "sources": ["project-inference", "berglund-2015"]},
    "cleared": {"rpe_hi": 7.0, "rpe_lo_max": 6.0, "reps_lo_min": 3, "pct_hi": 75.0,
                "max_effort": False, "sources": ["project-inference"]},
    # Hamstring not yet cleared: no lengthened-hamstring hinge at all (Heiderscheit 2010).
    "hamstring_lengthening": {"perform": False, "max_effort": False,
                              "sources": ["heiderscheit-2010"]},
}

# RTS chart as one list: %1RM for "effective reps" = reps + (10 - RPE) (KNOWLEDGE 3a).
# Half-RPE values fall between two entries; they are interpolated (the chart's own midpoints).
# 1-12 agree across implementations; 13 and 14 are the chart table's own cells (10 @ RPE 7 = 65.3;
# 10 @ 6.5 = 64.0 is the midpoint of 65.3 and 62.6), where implementations differ by <= 0.3 and
# the lower value is kept (lighter is the safe side). Beyond 14 the last entry is the floor.
RTS_PERCENT_BY_EFFECTIVE_REPS = (100.0, 95.5, 92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9,
                                 70.7, 68.0, 65.3, 62.6)
RTS_SOURCES = ["rts-chart", "zourdos-2016", "helms-2016"]

# Recovery window (K11): 48 h by convention; 72 h after maximal efforts, very hard sets or high
# volume (KNOWLEDGE 3c).
RECOVERY_HOURS = {"standard": 48, "extended": 72}
RECOVERY_SOURCES = {"standard": ["seed-article", "acsm-2009", "ejss-2021"],
                    "extended": ["korak-2015", "belcher-2019", "ejss-2021"]}
HIGH_VOLUME_REPS = 30  # sets x reps at the top of the band that counts as high volume
# A power session recovers sooner than a strength session of equal work (Helland 2020): the
# standard window, with that source, even when the goal band would otherwise look demanding.
POWER_RECOVERY_SOURCES = ["helland-2020"]

# Estimate quality: reps-in-reserve estimates are accurate to about a rep close to failure and
# off by two or more far from it (Hackett 2017); in long sets the error was 2.05 reps at RPE 9 and
# 3.65 at RPE 7 (Zourdos 2021); 1RM equations should use no more than 10 reps (Reynolds 2006). A
# recent set at RPE 7 or less, or of more than 10 reps, gives a rough 1RM: loads use its
# conservative end, 90% of the estimate (that figure is project-inference).
ROUGH_SET = {"rpe_at_most": 7.0, "reps_over": 10, "conservative_factor": 0.9,
             "sources": ["hackett-2017", "zourdos-2021", "reynolds-2006", "project-inference"]}

# A second pull listed in the same week (K9: alternate the deadlift's presence and intensity): the
# lighter day, at most RPE 7 and about 80% of the heavy day's weights (the figures are
# project-inference; no source gives them).
LIGHT_PULL = {"rpe_hi": 7.0, "pct_of_heavy": 80, "sources": ["seed-article", "project-inference"]}

# Session types, in the order they are offered.
DAYS = ("leg_day", "back_day", "full_body", "dedicated_day")

# Loads (issue: concrete weights). The smallest load jump most gyms allow, per unit; the
# plausible range of a deadlift 1RM (also the range a recent set's weight may take).
PLATE_STEPS = {"kg": 2.5, "lb": 5.0}
# The international avoirdupois pound (1959 definition): how a weight typed in the other unit
# ("405 lb" with units kg) is converted.
KG_PER_LB = 0.45359237
# The lightest change plates sold (0.25 kg fractional discs, 0.5 lb): a finer step is a typo.
PLATE_STEP_MIN = {"kg": 0.25, "lb": 0.5}
ONE_RM_RANGE = {"kg": (20.0, 500.0), "lb": (45.0, 1100.0)}

# The session at the bar (issue 14). What each variation is loaded on: a barbell, a trap (hex)
# bar, or dumbbells (the single-leg RDL is held in the hands, so it has no plates: its weight is
# the total of two dumbbells).
IMPLEMENT_OF = {"conventional": "barbell", "sumo": "barbell", "romanian": "barbell",
                "stiff_leg": "barbell", "single_leg_romanian": "dumbbells",
                "step_romanian": "barbell", "trap_bar": "trap_bar",
                "high_handle_trap_bar": "trap_bar", "rack_pull": "barbell",
                "block_pull": "barbell", "deficit": "barbell", "snatch_grip": "barbell"}
# The empty bar, per unit, unless the bar_weight answer says otherwise: the standard men's
# barbell is 20 kg / 45 lb; trap bars differ from maker to maker (about 20-35 kg), so 25 kg /
# 55 lb is a middle guess the sheet asks to check (both figures are project-inference).
BAR_WEIGHT = {"barbell": {"kg": 20.0, "lb": 45.0}, "trap_bar": {"kg": 25.0, "lb": 55.0}}
BAR_WEIGHT_RANGE = {"kg": (5.0, 50.0), "lb": (10.0, 110.0)}
# The plates a gym has, per unit, unless the plates answer says otherwise (any number of each):
# the usual sets of discs in kilograms and in pounds.
PLATES = {"kg": (25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 1.25), "lb": (45.0, 35.0, 25.0, 10.0, 5.0, 2.5)}
# The warm-up before the first work set: the reps follow the NSCA-style 1RM protocol (a light set
# of 5-10, a set of 3-5, a near-maximal 2-3, short rests growing to 2-4 minutes before the
# attempt); the percentages of the first work set's weight and the single at 90% before a heavy
# top set are project-inference. On a bar, each warm-up is the weight within ``window`` (a
# fraction of the first work set) of its percentage that takes the fewest plates per side, the
# nearest on a tie: quick to load, as lifters warm up (project-inference); on dumbbells, the
# percentage rounded to a pair of dumbbells. A step within one plate step of the work weight, or
# not heavier than the step before, is left out.
WARM_UP = {"steps": ((0.40, 5), (0.60, 3), (0.75, 2)), "heavy_single": (0.90, 1),
           "heavy_from_pct_1rm": 85.0, "rest": ("1-2 min", "2-4 min"), "window": 0.05,
           "sources": ["nsca-1rm-protocol", "project-inference"]}
# Dumbbells come in pairs at whole plate steps (2.5 kg, 5 lb): the total of a dumbbell lift is
# rounded to two of them, so each hand holds a real dumbbell (project-inference).
DUMBBELL_PAIR = 2
# A range of sets ("3-5"): do the lower count; the sets above it only while the last set felt no
# harder than the back-offs' RPE plus one (at most the top of the range): fatigue shows as a
# rising RPE at the same weight. The rule is project-inference.
EXTRA_SETS = {"sources": ["project-inference"]}
RECENT_SET_REPS = (1, 12)
RECENT_SET_RPE = (6.0, 10.0)
