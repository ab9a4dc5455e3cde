"""Prescription knowledge: goal bands, the limits that situations impose, and the RPE chart.

A *band* is the starting prescription for a goal; a *limit* row caps it (upper bounds only, so
limits can be applied in any order and the most conservative always wins). Numbers come from
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
    "power": {"sets": (3, 6), "reps": (1, 3), "rpe": (6.5, 7.5), "max_effort_ok": True,
              "sources": ["nsca-essentials", "rts-chart"]},
    "hypertrophy": {"sets": (2, 4), "reps": (6, 10), "rpe": (7.0, 8.5), "max_effort_ok": True,
                    "sources": ["nsca-essentials", "acsm-2009", "rts-chart"]},
    "general_fitness": {"sets": (2, 3), "reps": (5, 8), "rpe": (6.5, 7.5), "max_effort_ok": False,
                        "sources": ["acsm-2009", "rts-chart"]},
}

# Limit rows. Field names: rpe_hi, rpe_lo_max (the low end may not exceed this), sets_hi, reps_hi,
# max_effort (False forbids), perform (False: no deadlift).
LIMITS = {
    # K4 / ACSM: novices train the lift at low intensity.
    "novice": {"rpe_hi": 7.5, "rpe_lo_max": 6.5, "sets_hi": 3, "max_effort": False,
               "sources": ["seed-article", "acsm-2009"]},
    # K8: on a back day, moderate load and low volume, RPE 7-8.
    "back_day": {"rpe_hi": 8.0, "rpe_lo_max": 7.0, "sets_hi": 3, "reps_hi": 5,
                 "max_effort": False, "sources": ["seed-article"]},
    # A full-body session shares its fatigue budget: no maximal efforts (K6 convention).
    "full_body": {"rpe_hi": 8.5, "max_effort": False, "sources": ["seed-article", "acsm-2009"]},
    # K14: the deadlift is a low-volume, high-load lift.
    "low_volume": {"sets_hi": 5, "reps_hi": 10, "sources": ["seed-article"]},
    # K13 and season guidance.
    "pre_season": {"rpe_hi": 8.0, "rpe_lo_max": 7.0, "sets_hi": 3, "reps_hi": 5,
                   "max_effort": False, "sources": ["seed-article", "nsca-essentials"]},
    "in_season": {"rpe_hi": 8.0, "rpe_lo_max": 7.0, "sets_hi": 3, "reps_hi": 5,
                  "max_effort": False, "sources": ["ronnestad-2011", "nsca-essentials"]},
    "post_season": {"rpe_hi": 6.0, "rpe_lo_max": 5.0, "sets_hi": 2, "reps_hi": 5,
                    "max_effort": False, "sources": ["nsca-essentials"]},
    # K12 / K16: injury stages.
    "injury_any": {"max_effort": False, "sources": ["project-inference"]},
    "acute": {"perform": False, "max_effort": False, "sources": ["project-inference"]},
    "recovering": {"rpe_hi": 6.0, "rpe_lo_max": 5.0, "sets_hi": 3, "reps_hi": 6,
                   "max_effort": False, "sources": ["project-inference", "berglund-2015"]},
    "cleared": {"rpe_hi": 7.0, "rpe_lo_max": 6.0, "max_effort": False,
                "sources": ["project-inference"]},
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

# Session types, in the order they are offered.
DAYS = ("leg_day", "back_day", "full_body", "dedicated_day")

# Loads (issue: concrete weights). The smallest load jump most gyms allow, per unit; the
# plausible range of a deadlift 1RM (also the range a recent set's weight may take).
PLATE_STEPS = {"kg": 2.5, "lb": 5.0}
ONE_RM_RANGE = {"kg": (20.0, 500.0), "lb": (45.0, 1100.0)}
RECENT_SET_REPS = (1, 12)
RECENT_SET_RPE = (6.0, 10.0)
