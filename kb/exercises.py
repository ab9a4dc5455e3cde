"""Accessory exercises: what they train, and how they sit next to a deadlift.

``follows_on`` lists the session types in which the exercise typically comes after the deadlift
(these become the follow-ups); ``posterior_chain`` marks significant posterior-chain work that K11
keeps out of the recovery window; ``kind`` separates compound lifts from isolation work (K7 vs K8);
``loads`` names the injury areas it stresses; ``aliases`` are the names people type.
``day_type`` says what kind of session the exercise makes a day into (leg, back, push, arms), so
a week of free-text exercise names can be read as leg days, back days and so on.
"""

EXERCISES = {
    "back_squat": {
        "day_type": "leg",
        "label": "Back squat",
        "kind": "compound",
        "trains": ["quadriceps", "glutes", "adductors"],
        "posterior_chain": True,
        "follows_on": ["leg_day", "full_body"],
        "loads": ["knee", "hip", "low_back"],
        "aliases": ["squat", "barbell squat", "high bar squat", "low bar squat"],
    },
    "leg_press": {
        "day_type": "leg",
        "label": "Leg press",
        "kind": "compound",
        "trains": ["quadriceps", "glutes"],
        "posterior_chain": False,
        "follows_on": ["leg_day"],
        "loads": ["knee", "hip"],
        "aliases": ["leg press machine", "45 degree leg press"],
    },
    "leg_extension": {
        "day_type": "leg",
        "label": "Leg extension",
        "kind": "isolation",
        "trains": ["quadriceps"],
        "posterior_chain": False,
        "follows_on": ["leg_day"],
        "loads": ["knee"],
        "aliases": ["knee extension", "leg extensions"],
    },
    "hamstring_curl": {
        "day_type": "leg",
        "label": "Hamstring curl",
        "kind": "isolation",
        "trains": ["hamstrings"],
        "posterior_chain": True,
        "follows_on": ["leg_day", "dedicated_day"],
        "loads": ["hamstring"],
        "aliases": ["leg curl", "lying leg curl", "seated leg curl", "hamstring curls"],
    },
    "good_morning": {
        "day_type": "leg",
        "label": "Good morning",
        "kind": "compound",
        "trains": ["hamstrings", "glutes", "erector_spinae"],
        "posterior_chain": True,
        "follows_on": ["dedicated_day"],
        "loads": ["low_back", "hamstring", "hip"],
        "aliases": ["good mornings", "barbell good morning"],
    },
    "back_extension": {
        "day_type": "back",
        "label": "Back extension",
        "kind": "isolation",
        "trains": ["erector_spinae", "glutes", "hamstrings"],
        "posterior_chain": True,
        "follows_on": ["back_day", "dedicated_day"],
        "loads": ["low_back"],
        "aliases": ["hyperextension", "45 degree back extension", "back extensions"],
    },
    "romanian_deadlift": {
        "day_type": "leg",
        "label": "Romanian deadlift (as an accessory)",
        "kind": "compound",
        "trains": ["hamstrings", "glutes", "erector_spinae"],
        "posterior_chain": True,
        "follows_on": [],
        "loads": ["hamstring", "low_back", "hip"],
        "aliases": ["rdl", "romanian deadlift", "romanian deadlifts", "rdls"],
    },
    "glute_ham_raise": {
        "day_type": "leg",
        "label": "Glute-ham raise",
        "kind": "isolation",
        "trains": ["hamstrings", "glutes"],
        "posterior_chain": True,
        "follows_on": [],
        "loads": ["hamstring"],
        "aliases": ["ghr", "glute ham raise"],
    },
    "hip_thrust": {
        "day_type": "leg",
        "label": "Hip thrust",
        "kind": "compound",
        "trains": ["glutes", "hamstrings"],
        "posterior_chain": True,
        "follows_on": [],
        "loads": ["hip"],
        "aliases": ["barbell hip thrust", "glute bridge"],
    },
    "kettlebell_swing": {
        "day_type": "leg",
        "label": "Kettlebell swing",
        "kind": "compound",
        "trains": ["glutes", "hamstrings", "erector_spinae"],
        "posterior_chain": True,
        "follows_on": [],
        "loads": ["low_back", "hip"],
        "aliases": ["kb swing", "swings"],
    },
    "barbell_row": {
        "day_type": "back",
        "label": "Barbell row",
        "kind": "compound",
        "trains": ["latissimus_dorsi", "rhomboids", "trapezius"],
        "posterior_chain": False,
        "follows_on": ["back_day", "full_body"],
        "loads": ["low_back", "shoulder", "grip"],
        "aliases": ["bent over row", "bent-over row", "pendlay row", "row"],
    },
    "pull_up": {
        "day_type": "back",
        "label": "Pull-up / chin-up",
        "kind": "compound",
        "trains": ["latissimus_dorsi", "biceps"],
        "posterior_chain": False,
        "follows_on": ["back_day"],
        "loads": ["shoulder", "grip"],
        "aliases": ["pull up", "pullup", "chin up", "chin-up", "chinup", "pull-ups"],
    },
    "straight_arm_pulldown": {
        "day_type": "back",
        "label": "Straight-arm pulldown",
        "kind": "isolation",
        "trains": ["latissimus_dorsi"],
        "posterior_chain": False,
        "follows_on": ["back_day"],
        "loads": ["shoulder"],
        "aliases": ["straight arm pulldown", "lat pullover"],
    },
    "shrug": {
        "day_type": "back",
        "label": "Shrug",
        "kind": "isolation",
        "trains": ["trapezius"],
        "posterior_chain": False,
        "follows_on": ["back_day"],
        "loads": ["shoulder", "grip"],
        "aliases": ["shrugs", "barbell shrug", "dumbbell shrug"],
    },
    "face_pull": {
        "day_type": "back",
        "label": "Face pull / rear-delt row",
        "kind": "isolation",
        "trains": ["rhomboids", "rear_deltoids", "trapezius"],
        "posterior_chain": False,
        "follows_on": ["back_day"],
        "loads": ["shoulder"],
        "aliases": ["face pulls", "rear delt row", "reverse fly"],
    },
    "wrist_curl": {
        "day_type": "back",
        "label": "Wrist curl / grip work",
        "kind": "isolation",
        "trains": ["forearms"],
        "posterior_chain": False,
        "follows_on": ["back_day"],
        "loads": ["grip"],
        "aliases": ["wrist curls", "grip work", "forearm curl"],
    },
    "bench_press": {
        "day_type": "push",
        "label": "Bench press",
        "kind": "compound",
        "trains": ["pectorals", "triceps", "front_deltoids"],
        "posterior_chain": False,
        "follows_on": ["full_body"],
        "loads": ["shoulder"],
        "aliases": ["bench", "barbell bench press", "flat bench"],
    },
    "lunge": {
        "day_type": "leg",
        "label": "Lunge / split squat",
        "kind": "compound",
        "trains": ["quadriceps", "glutes", "adductors"],
        "posterior_chain": False,
        "follows_on": [],
        "loads": ["knee", "hip"],
        "aliases": ["lunges", "split squat", "bulgarian split squat", "walking lunge"],
    },
    "lat_pulldown": {
        "day_type": "back",
        "label": "Lat pulldown",
        "kind": "compound",
        "trains": ["latissimus_dorsi", "biceps"],
        "posterior_chain": False,
        "follows_on": [],
        "loads": ["shoulder"],
        "aliases": ["pulldown", "lat pull down", "lat pull-down"],
    },
    "seated_row": {
        "day_type": "back",
        "label": "Seated cable row",
        "kind": "compound",
        "trains": ["latissimus_dorsi", "rhomboids", "trapezius"],
        "posterior_chain": False,
        "follows_on": [],
        "loads": ["shoulder"],
        "aliases": ["cable row", "seated cable row", "machine row", "dumbbell row", "one arm row"],
    },
    "overhead_press": {
        "day_type": "push",
        "label": "Overhead press",
        "kind": "compound",
        "trains": ["front_deltoids", "triceps"],
        "posterior_chain": False,
        "follows_on": [],
        "loads": ["shoulder", "low_back"],
        "aliases": ["ohp", "military press", "shoulder press", "press"],
    },
    "dip": {
        "day_type": "push",
        "label": "Dip",
        "kind": "compound",
        "trains": ["pectorals", "triceps"],
        "posterior_chain": False,
        "follows_on": [],
        "loads": ["shoulder"],
        "aliases": ["dips", "chest dip"],
    },
    "biceps_curl": {
        "day_type": "arms",
        "label": "Biceps curl",
        "kind": "isolation",
        "trains": ["biceps"],
        "posterior_chain": False,
        "follows_on": [],
        "loads": ["grip"],
        "aliases": ["curl", "curls", "bicep curl", "hammer curl", "barbell curl"],
    },
    "triceps_extension": {
        "day_type": "arms",
        "label": "Triceps extension",
        "kind": "isolation",
        "trains": ["triceps"],
        "posterior_chain": False,
        "follows_on": [],
        "loads": ["shoulder"],
        "aliases": ["tricep extension", "skull crusher", "pushdown", "triceps pushdown"],
    },
    # The deadlift itself, so a week that already has one is understood: the lifter's own pull
    # day (rules/schedule.py keeps it where it is unless the recovery rules say otherwise).
    "deadlift": {
        "day_type": "leg",
        "label": "Deadlift",
        "kind": "compound",
        "trains": ["glutes", "hamstrings", "quadriceps", "erector_spinae"],
        "posterior_chain": True,
        "follows_on": [],
        "loads": ["low_back", "hamstring", "hip", "grip"],
        "aliases": ["deadlifts", "conventional deadlift", "conventional deadlifts", "dl", "dls",
                    "conventional", "conv deadlift", "barbell deadlift"],
    },
}

# The other deadlift variations as a lifter types them into a week: each is its own exercise
# (a rack pull on Friday is a heavy pull of its own, not "the deadlift" to move), worked out from
# the variation catalogue. ``variation`` ties the entry back to kb.variations; the Romanian
# deadlift is the accessory entry above. ``week_entry``: read in weeks only, never offered in the
# catalogue's own lists (follow-ups, the recovery window's keep-out list).
_VARIATION_EXERCISES = {
    "sumo": ("sumo_deadlift", ["sumo deadlift", "sumo deadlifts", "sumo", "sumo dl"]),
    "stiff_leg": ("stiff_leg_deadlift", ["stiff leg deadlift", "stiff legged deadlift",
                                         "stiff-legged deadlift", "sldl", "straight leg deadlift"]),
    "single_leg_romanian": ("single_leg_rdl", ["single leg rdl", "single-leg rdl",
                                               "single leg romanian deadlift", "sl rdl", "slrdl",
                                               "single leg deadlift"]),
    "step_romanian": ("step_rdl", ["step rdl", "deficit rdl", "step romanian deadlift"]),
    "trap_bar": ("trap_bar_deadlift", ["trap bar deadlift", "hex bar deadlift", "trap bar",
                                       "hex bar", "trap bar dl", "hex bar dl"]),
    "high_handle_trap_bar": ("high_handle_trap_bar_deadlift", ["high handle trap bar deadlift",
                                                               "high handle trap bar",
                                                               "high handle hex bar"]),
    "rack_pull": ("rack_pull", ["rack pull", "rack pulls", "rack deadlift"]),
    "block_pull": ("block_pull", ["block pull", "block pulls", "block deadlift"]),
    "deficit": ("deficit_deadlift", ["deficit deadlift", "deficit deadlifts", "deficit dl",
                                     "deficit pulls"]),
    "snatch_grip": ("snatch_grip_deadlift", ["snatch grip deadlift", "snatch grip deadlifts",
                                             "snatch grip dl"]),
}


def _variation_exercises():
    from .variations import VARIATIONS

    for variation, (ex_id, aliases) in _VARIATION_EXERCISES.items():
        v = VARIATIONS[variation]
        EXERCISES[ex_id] = {
            "day_type": "back" if v["category"] == "back" else "leg",
            "label": v["label"], "kind": "compound",
            "trains": [*v["primary"], *v["secondary"]], "posterior_chain": True,
            "follows_on": [], "loads": list(v["loads"]), "aliases": aliases,
            "variation": variation, "week_entry": True}
    EXERCISES["romanian_deadlift"]["variation"] = "romanian"
    EXERCISES["deadlift"]["variation"] = "conventional"


_variation_exercises()

# The week entry that stands for each variation of the catalogue.
EXERCISE_OF_VARIATION = {ex["variation"]: ex_id for ex_id, ex in EXERCISES.items()
                         if "variation" in ex}


def _normal(name):
    return " ".join(str(name).lower().replace("-", " ").replace("_", " ").split())


def _index():
    index = {}
    for ex_id, ex in EXERCISES.items():
        for name in (ex_id, ex["label"], *ex["aliases"]):
            index.setdefault(_normal(name), ex_id)
    return index


_INDEX = _index()


def find_exercise(name):
    """Catalogue id for a name a person typed ("RDL", "good mornings", "Leg Curl"), or None."""
    key = _normal(name)
    if key in _INDEX:
        return _INDEX[key]
    if key.endswith("es") and key[:-2] in _INDEX:
        return _INDEX[key[:-2]]
    if key.endswith("s") and key[:-1] in _INDEX:
        return _INDEX[key[:-1]]
    return None
