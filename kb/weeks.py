"""Weeks: the days, and the typical weeks behind each split preset.

A preset stands for a common way of organising training; the exact exercises are a typical
choice, not a prescription (say so where it is shown). Days are Monday first.
"""

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# The one place a day's full name is written: read in answers ("monday"), shown on the sheets and
# in the questionnaire (templates get it as the global DAY_NAMES, as they get variation labels).
DAY_NAMES = {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday",
             "fri": "Friday", "sat": "Saturday", "sun": "Sunday"}

SPLITS = {
    "full_body": {
        "mon": ["back_squat", "bench_press", "barbell_row"],
        "wed": ["back_squat", "overhead_press", "pull_up"],
        "fri": ["back_squat", "bench_press", "barbell_row"],
    },
    "upper_lower": {
        "mon": ["bench_press", "barbell_row", "overhead_press", "pull_up"],
        "tue": ["back_squat", "leg_press", "hamstring_curl"],
        "thu": ["bench_press", "seated_row", "overhead_press", "lat_pulldown"],
        "fri": ["back_squat", "lunge", "leg_extension"],
    },
    "push_pull_legs": {
        "mon": ["bench_press", "overhead_press", "dip"],
        "tue": ["barbell_row", "pull_up", "face_pull", "shrug"],
        "wed": ["back_squat", "leg_press", "hamstring_curl"],
        "thu": ["overhead_press", "bench_press", "triceps_extension"],
        "fri": ["seated_row", "lat_pulldown", "biceps_curl"],
        "sat": ["back_squat", "lunge", "leg_extension"],
    },
    "body_part": {
        "mon": ["bench_press", "dip"],
        "tue": ["barbell_row", "pull_up", "shrug"],
        "wed": ["back_squat", "leg_press", "leg_extension", "hamstring_curl"],
        "thu": ["overhead_press", "face_pull"],
        "fri": ["biceps_curl", "triceps_extension"],
    },
    "powerlifting": {
        "mon": ["back_squat", "bench_press"],
        "wed": ["bench_press", "barbell_row", "overhead_press"],
        "fri": ["back_squat", "bench_press", "pull_up"],
    },
}
# Names people give the presets besides their ids (see kb/answers.py on aliases).
SPLIT_ALIASES = {"ppl": "push_pull_legs", "bro_split": "body_part", "bro": "body_part",
                 "body_part_split": "body_part", "full_body_split": "full_body",
                 "upper_lower_split": "upper_lower", "pl": "powerlifting"}

# What kind of session a day is, from the day types of its exercises (kb.exercises).
SESSION_OF_DAY_TYPES = (
    # (day types present, session type); first match wins
    ({"leg", "back"}, "full_body"),
    ({"leg"}, "leg_day"),
    ({"back"}, "back_day"),
)
