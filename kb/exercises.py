"""Accessory exercises: what they train, and how they sit next to a deadlift.

``follows_on`` lists the session types in which the exercise typically comes after the deadlift
(these become the follow-ups); ``posterior_chain`` marks significant posterior-chain work that K11
keeps out of the recovery window; ``kind`` separates compound lifts from isolation work (K7 vs K8);
``loads`` names the injury areas it stresses; ``aliases`` are the names people type.
``day_type`` says what kind of session the exercise makes a day into (leg, back, push, arms, core,
conditioning), so a week of free-text exercise names can be read as leg days, back days and so on.
The gym's wider catalogue (kb/gym_exercises.py) and the deadlift variations join it as
``week_entry`` exercises: read in a lifter's week, never offered as follow-ups.
"""

import functools

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


def _gym_exercises():
    """Merge in the gym catalogue (kb.gym_exercises). An id it reused would silently replace an
    entry the rules rely on, so that is an error at import instead."""
    from .gym_exercises import GYM_EXERCISES

    taken = sorted(EXERCISES.keys() & GYM_EXERCISES.keys())
    if taken:
        raise ValueError(f"kb.gym_exercises reuses catalogue ids: {', '.join(taken)}")
    EXERCISES.update(GYM_EXERCISES)


_gym_exercises()

# Where each exercise goes in the session after the deadlift: multi-joint before single-joint
# (ACSM 2009's order of exercises), then the catalogue's order. The follow-up rules give every
# FollowUp its position; the advice only sorts by it.
SESSION_POSITION = {x: (ex["kind"] != "compound", i) for i, (x, ex) in enumerate(EXERCISES.items())}

# The week entry that stands for each variation of the catalogue.
EXERCISE_OF_VARIATION = {ex["variation"]: ex_id for ex_id, ex in EXERCISES.items()
                         if "variation" in ex}


def own_lift(variation, role):
    """The week entries that stand for the lift being programmed: its own entry, and for a main
    lift the plain "deadlift" too."""
    own = {EXERCISE_OF_VARIATION[variation]}
    if role == "main":
        own.add("deadlift")
    return frozenset(own)


# Words that say how an exercise was done, not which one ("4 sets", "@ rpe 8", "225 lb"): dropped
# from a typed name, with the "of" in "3 sets of 8" and the "side" in "each side" (see _words).
_NOISE_WORDS = frozenset({
    "x", "set", "sets", "rep", "reps", "rpe", "rir", "amrap", "kg", "kgs", "kilo", "kilos", "lb",
    "lbs", "pound", "pounds", "sec", "secs", "second", "seconds", "min", "mins", "minute",
    "minutes", "m", "meter", "meters", "metre", "metres", "km", "cal", "cals", "calorie",
    "calories", "round", "rounds", "each", "ea", "per", "at", "for", "heavy", "light", "easy", "max",
    "warmup", "warmups", "backoff"})
_AFTER_COUNT = frozenset({"of"})
_AFTER_EACH = frozenset({"side", "sides", "leg", "legs", "arm", "arms", "hand", "hands"})
# Units written onto a number: "100kg", "30s", "20m", "5rm".
_UNIT_SUFFIXES = frozenset({"kg", "kgs", "lb", "lbs", "s", "sec", "secs", "m", "min", "mins", "km",
                            "cal", "cals", "rm", "rep", "reps", "set", "sets"})
# Shorthand lifters type for the words the catalogue spells out.
_SHORTHAND = {"db": "dumbbell", "dbs": "dumbbell", "dumbell": "dumbbell", "bb": "barbell",
              "kb": "kettlebell", "tricep": "triceps", "bicep": "biceps"}
_DIGITS = "0123456789"


def _is_count(token):
    """Whether a token is set/rep/load notation: "5", "5x5", "x3", "3x", "3x45s", "3xamrap",
    "100kg", "rpe8", "@8". Each "x"-separated part is a number, a number with a unit, or empty."""
    if token[0] == "@":
        return True
    if token[:3] in ("rpe", "rir") and token[3:].isdigit():
        return True
    if not any(ch in _DIGITS for ch in token):
        return False
    for part in token.split("x"):
        unit = part.lstrip(_DIGITS)
        if unit and (unit == part or unit not in _UNIT_SUFFIXES) and part not in ("amrap", "max"):
            return False
    return True


def _plain_text(name):
    """Lower case, brackets and what is in them dropped ("(heavy)"), apostrophes dropped
    ("farmer's"), "&" read as "and", "/" as "per", and every other sign a space, in one pass."""
    out, depth = [], 0
    for ch in str(name).lower():
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(depth - 1, 0)
        elif depth:
            continue
        elif ch.isalnum():
            out.append(ch)
        elif ch == "@":
            out.append(" @")
        elif ch == "&":
            out.append(" and ")
        elif ch == "/":  # "3x8/side"
            out.append(" per ")
        elif ch in "*\u00d7":  # "3*8", and the multiplication sign
            out.append(" x ")
        elif ch not in "'\u2019`":
            out.append(" ")
    return "".join(out)


def _words(text):
    """The words of a name with the set/rep/load notation filtered out, token by token."""
    words, skip = [], frozenset()
    for token in text.split():
        if token in skip:  # the "of" in "3 sets of 8", the "side" in "each side"
            continue
        if _is_count(token) or token in _NOISE_WORDS:
            skip = _AFTER_EACH if token in ("each", "ea", "per") else _AFTER_COUNT
            continue
        skip = frozenset()
        words.append(_SHORTHAND.get(token, token))
    return words


def _normal(name):
    """A typed name reduced to the words that say which exercise it is, so "Front Squats 5x5 @8"
    and "front squats" meet in the index. Linear: one pass over the text, then over its words."""
    return " ".join(_words(_plain_text(name)))


def _index():
    """Every name of every exercise (id, label, aliases, and the extra typed names of
    kb.gym_exercises), normalised, to its id; the first exercise to claim a name keeps it."""
    from .gym_exercises import TYPED_NAMES

    index = {}
    for ex_id, ex in EXERCISES.items():
        for name in (ex_id, ex["label"], *ex["aliases"], *TYPED_NAMES.get(ex_id, ())):
            key = _normal(name)
            if key:
                index.setdefault(key, ex_id)
    return index


@functools.cache
def _names():
    """The name index, built the first time a typed name is looked up: a consultation without a
    week never needs it, and building it is most of this module's import time. Safe from
    threads: the cache keeps the index only once it is whole, threads asking at once may each
    build one (the same), and nothing changes it after."""
    return _index()


def typed_names():
    """exercise id -> the names (aliases and typed names) the advisor reads as that exercise."""
    from .gym_exercises import TYPED_NAMES

    return {x: [*ex["aliases"], *TYPED_NAMES.get(x, ())] for x, ex in EXERCISES.items()}


def _singular_forms(key):
    """The key and what it is with a plural ending taken off ("flies", "presses", "rows")."""
    yield key
    if key.endswith("ies"):
        yield key[:-3] + "y"
    if key.endswith("es"):
        yield key[:-2]
    if key.endswith("s"):
        yield key[:-1]


def find_exercise(name):
    """Catalogue id for a name a person typed ("RDL", "good mornings", "Front squats 5x5 @8"),
    or None. Exact after normalising, never a guess: a guess is suggest_exercise's job."""
    key = _normal(name)
    if not key:
        return None
    for form in _singular_forms(key):
        if form in _names():
            return _names()[form]
    return None


def suggest_exercise(name):
    """Label of the exercise a mistyped name most likely means ("frnt squat" -> "Front squat"),
    for a "did you mean" hint; None when nothing is close, so gibberish gets no hint."""
    found = find_exercise(name)
    if found:
        return EXERCISES[found]["label"]
    key = _normal(name)
    if not key:
        return None
    import difflib  # only for a name nobody recognised: start-up without it

    close = difflib.get_close_matches(key, _names(), n=1, cutoff=0.8)
    return EXERCISES[_names()[close[0]]]["label"] if close else None
