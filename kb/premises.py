"""What each message presupposes about the lifter's own plan, beside its id.

A line of advice is only true for this person if its premises hold on the same sheet: "whichever
of squat and deadlift comes second" needs a squat in the session, "rows and pull-ups keep their
full weight" needs rows or pull-ups after the deadlift at full weight. Every message id the rules
can say is listed here, with the premises it needs (an empty tuple: it presupposes nothing beyond
its own rule). The checks themselves (invariants.PREMISES) read only the final advice, so `kb
check` can hold every said line against its plan over the whole input space. Whoever adds a
message adds its row; a message said without a row is a violation.
"""

from .exercises import EXERCISES

# The catalogue's squats: what "a squat in the session" means.
SQUATS = frozenset({"back_squat", "front_squat", "hack_squat", "box_squat", "pause_squat",
                    "safety_bar_squat", "goblet_squat"}) & set(EXERCISES)

# A session's main lifts: what an accessory hinge comes after.
MAIN_LIFTS = SQUATS | (frozenset({"leg_press", "bench_press", "overhead_press", "barbell_row",
                                  "pull_up", "incline_bench_press", "power_clean"})
                       & set(EXERCISES))

MESSAGE_PREMISES = {
    # classification
    "erectors_work_hard_too": (),
    "same_programming_as_conventional": ("role_as_said",),
    "minor_variation_adds_back": (),
    "structure_changes": (),
    "provisional_ask_a_coach": ("provisional",),
    # safety
    "not_medical_advice": (),
    "see_a_professional": ("injured",),
    "acute_no_deadlift": ("injured", "no_deadlift"),
    "recovering_needs_clearance": ("injured",),
    "cleared_build_back_gradually": ("injured",),
    "hamstring_avoid_lengthening": ("injured", "no_deadlift"),
    "low_back_red_flags": ("injured",),
    "injured_tissue_is_mover": ("injured",),
    "variation_loads_area": ("injured",),
    "alternative_variation": ("no_deadlift", "alternative_shown"),
    "no_safe_alternative": ("no_deadlift",),
    # placement and the session
    "placement_refused": ("refusal_as_said",),
    "week_sets_the_session": ("deadlift", "session_as_in_the_week"),
    "leg_day_deadlift_first": ("deadlift", "main_lift", "leg_day"),
    "second_lift_gets_less": ("deadlift", "main_lift", "squat_in_session"),
    "alternate_back_days": ("deadlift", "back_day", "back_days_as_in_the_week"),
    "novice_either_day": ("deadlift", "novice"),
    "dedicated_day_isolation_after": ("deadlift", "named_in_session", "named_allowed"),
    "accessory_after_main_lift": ("deadlift", "accessory", "named_in_session", "named_allowed"),
    # prescription
    "accessory_hinge_reps": ("deadlift", "accessory", "reps_as_prescribed"),
    "back_day_moderate": ("deadlift", "back_day", "rpe_as_prescribed", "named_in_session",
                          "named_allowed"),
    "pre_season_less_posterior_chain": (),
    "meet_preparation_build": (),
    "in_season_once_a_week": (),
    "meet_season_peak": (),
    "post_season_active_rest": (),
    "max_effort_is_a_planned_test": ("deadlift", "max_effort"),
    "hypertrophy_volume_elsewhere": ("deadlift", "named_allowed"),
    "no_deadlift_for_now": ("no_deadlift",),
    # recovery
    "back_day_no_leg_day_after": ("deadlift", "back_day"),
    "keep_posterior_chain_out": ("deadlift",),
    "power_session_recovers_sooner": ("deadlift",),
    # loads
    "recent_set_over_one_rm": ("weights",),
    "rough_estimate": ("weights",),
    "plate_step_too_coarse": ("deadlift",),
    "max_lift_assumed": ("weights",),
    "relation_is_a_starting_guess": ("weights",),
    "below_the_bar": ("weights",),
    "plates_cannot_make": ("weights",),
    "trap_bar_weight_guessed": ("weights",),
    # the week
    "unknown_exercises": (),
    "week_overrides_answer": ("back_days_as_in_the_week_for_override",),
    "no_day_of_that_kind": ("deadlift",),
}
