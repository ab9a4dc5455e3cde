"""The answer specification (DESIGN.md's answer contract), one entry per answer, as copier's
``Question`` holds a question: its ``type`` (text, int, choice, or one of the optional answers'
types, checked by extra_answers.CHECKS), ``choices`` (and ``aliases``: other names for them),
range or length, ``default`` (what
``--no-input`` takes for a missing answer; REQUIRED answers have none), ``asked`` (the
questionnaire asks it; the optional answers are only given), ``when`` (the answer applies only
if another answer is not a given value: injury_stage only with an injury; given anyway, it is an
error), and ``units`` (the check needs the units answer: weights).

validation.check_answers reads it whole (the CLI, the API) or partially (the questionnaire,
before its questions); the questionnaire reads ``asked``, ``when`` and the wording in
templates/questions.yaml. Adding an answer means an entry here and its wording there.
"""

from .injuries import INJURY_AREAS, STAGES
from .programming import DAYS
from .variations import VARIATIONS

# What people type for a choice besides its id (normalised: lower case, '_' for '-' and ' '):
# the names in the questionnaire's labels ("RDL", "hex bar"), plurals, and the usual spellings of
# units. Unique prefixes of ids and aliases are taken too (quoting.resolve_choice). An alias
# names exactly one choice and is never a guess across meanings: "back" as an injury is not
# here, since it may mean the upper back.
VARIATION_ALIASES = {
    "conventional_deadlift": "conventional", "sumo_deadlift": "sumo",
    "rdl": "romanian", "romanian_deadlift": "romanian",
    "sldl": "stiff_leg", "stiff_legged": "stiff_leg", "stiff_leg_deadlift": "stiff_leg",
    "stiff_legged_deadlift": "stiff_leg",
    "single_leg_rdl": "single_leg_romanian", "sl_rdl": "single_leg_romanian",
    "single_leg_romanian_deadlift": "single_leg_romanian",
    "step_rdl": "step_romanian", "step_romanian_deadlift": "step_romanian",
    "hex": "trap_bar", "hex_bar": "trap_bar", "trap_bar_deadlift": "trap_bar",
    "hex_bar_deadlift": "trap_bar",
    "high_handle_hex_bar": "high_handle_trap_bar", "high_handle": "high_handle_trap_bar",
    "high_handle_trap_bar_deadlift": "high_handle_trap_bar",
    "rack_pulls": "rack_pull", "block_pulls": "block_pull",
    "deficit_deadlift": "deficit", "deficit_pull": "deficit",
    "snatch_grip_deadlift": "snatch_grip",
}
UNIT_ALIASES = {"kgs": "kg", "kilo": "kg", "kilos": "kg", "kilogram": "kg", "kilograms": "kg",
                "lbs": "lb", "pound": "lb", "pounds": "lb"}

SPEC = {
    "athlete": {"type": "text", "default": "", "max_length": 80},
    "variation": {"type": "choice", "choices": tuple(VARIATIONS), "aliases": VARIATION_ALIASES},
    "goal": {"type": "choice",
             "choices": ("strength", "hypertrophy", "power", "powerlifting", "general_fitness"),
             "aliases": {"muscle_size": "hypertrophy", "size": "hypertrophy",
                         "fitness": "general_fitness", "pl": "powerlifting"}},
    "experience": {"type": "choice", "choices": ("novice", "intermediate", "advanced"),
                   "aliases": {"beginner": "novice"}},
    "season_phase": {"type": "choice", "default": "none",
                     "choices": ("none", "off_season", "pre_season", "in_season", "post_season"),
                     "aliases": {"no_season": "none", "offseason": "off_season",
                                 "preseason": "pre_season", "inseason": "in_season",
                                 "postseason": "post_season"}},
    "injury_area": {"type": "choice", "default": "none", "choices": tuple(INJURY_AREAS),
                    "aliases": {"no_injury": "none", "lower_back": "low_back",
                                "lumbar": "low_back", "upper_back": "shoulder",
                                "hamstrings": "hamstring", "knees": "knee", "hips": "hip",
                                "shoulders": "shoulder"}},
    "injury_stage": {"type": "choice", "choices": STAGES, "when": ("injury_area", "none")},
    "placement": {"type": "choice", "default": "auto", "choices": ("auto", *DAYS),
                  "aliases": {"legs": "leg_day", "legs_day": "leg_day", "back": "back_day",
                              "pull_day": "back_day", "full_body_day": "full_body",
                              "own_day": "dedicated_day", "its_own_day": "dedicated_day"}},
    "back_days_per_week": {"type": "int", "default": 1, "min": 0, "max": 3},
    "units": {"type": "choice", "default": "kg", "choices": ("kg", "lb"), "aliases": UNIT_ALIASES},
    # Optional answers that make the advice concrete: weights (loads) and the person's week. They
    # have no default (absent means "not given") and are not part of the enumerated input space.
    "one_rm": {"type": "weight", "asked": False, "units": True},
    "recent_set": {"type": "recent_set", "asked": False, "units": True},
    "plate_step": {"type": "plate_step", "asked": False, "units": True},
    "week": {"type": "week", "asked": False},
    # The gym's equipment, for plates per side: the empty bar's weight (default per implement,
    # kb/programming.BAR_WEIGHT) and the plates there are (default PLATES).
    "bar_weight": {"type": "bar_weight", "asked": False, "units": True},
    "plates": {"type": "plates", "asked": False, "units": True},
    # Which lift one_rm / recent_set were measured on: the conventional deadlift, or the
    # variation being programmed. "auto" (what no answer means) takes whichever
    # reading gives the lighter loads, and the sheet says so.
    "max_lift": {"type": "choice", "choices": ("auto", "conventional", "variation"),
                 "asked": False},
}

# What a coach's defaults file may set (coach_defaults.py): the gym's and the team's settings,
# never what belongs to one lifter (variation, goal, experience, injury, weights).
DEFAULTABLE = ("units", "plate_step", "bar_weight", "plates", "week", "back_days_per_week",
               "season_phase", "placement")

ANSWERS = {k: spec for k, spec in SPEC.items() if spec.get("asked", True)}  # asked, in order
EXTRA_ANSWERS = {k: spec for k, spec in SPEC.items() if not spec.get("asked", True)}

REQUIRED = tuple(k for k, spec in ANSWERS.items() if "default" not in spec and "when" not in spec)


def relevant(key, answers):
    """Whether ``key`` applies given the other answers (its ``when``)."""
    when = SPEC[key].get("when")
    if when is None:
        return True
    other, not_value = when
    return answers.get(other, SPEC[other].get("default")) != not_value


SPACE_KEYS = ("variation", "goal", "experience", "season_phase", "injury_area", "placement",
              "back_days_per_week")


def enumerated_space(fixed=None):
    """Every combination of the enumerated answers: the finite input space the invariants cover.

    athlete and units do not change the reasoning (units only change how loads print), so they
    stay at their defaults; injury_stage appears only with an injury. ``fixed`` (key -> value)
    gives one block of the space instead, in the same order: what a worker process of
    `kb check` is sent, rather than the profiles themselves.
    """
    import itertools

    keys = SPACE_KEYS
    values = [(fixed[k],) if fixed and k in fixed
              else ANSWERS[k]["choices"] if ANSWERS[k]["type"] == "choice"
              else range(ANSWERS[k]["min"], ANSWERS[k]["max"] + 1) for k in keys]
    for combo in itertools.product(*values):
        answers = dict(zip(keys, combo, strict=True))
        if answers["injury_area"] == "none":
            yield answers
        else:
            for stage in STAGES:
                yield {**answers, "injury_stage": stage}
