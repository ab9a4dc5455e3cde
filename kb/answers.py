"""The answer contract (DESIGN.md): keys, allowed values, defaults, and which keys depend on others.

``default`` is what ``--no-input`` takes for a missing answer; ``REQUIRED`` keys have none.
``relevant`` says when a question applies at all (injury_stage only with an injury), so the
questionnaire can skip it and validation can reject it where it makes no sense.
"""

from .injuries import INJURY_AREAS, STAGES
from .programming import DAYS
from .variations import VARIATIONS

ANSWERS = {
    "athlete": {"type": "text", "default": "", "max_length": 80},
    "variation": {"type": "choice", "choices": tuple(VARIATIONS)},
    "goal": {"type": "choice",
             "choices": ("strength", "hypertrophy", "power", "powerlifting", "general_fitness")},
    "experience": {"type": "choice", "choices": ("novice", "intermediate", "advanced")},
    "season_phase": {"type": "choice", "default": "none",
                     "choices": ("none", "off_season", "pre_season", "in_season", "post_season")},
    "injury_area": {"type": "choice", "default": "none", "choices": tuple(INJURY_AREAS)},
    "injury_stage": {"type": "choice", "choices": STAGES},
    "placement": {"type": "choice", "default": "auto", "choices": ("auto", *DAYS)},
    "back_days_per_week": {"type": "int", "default": 1, "min": 0, "max": 3},
    "units": {"type": "choice", "default": "kg", "choices": ("kg", "lb")},
}

# Optional answers that make the advice concrete: weights (loads) and the person's week. They have
# no default (absent means "not given") and are not part of the enumerated input space.
EXTRA_ANSWERS = {
    "one_rm": {"type": "weight"},
    "recent_set": {"type": "recent_set"},
    "plate_step": {"type": "plate_step"},
    "week": {"type": "week"},
    # Which lift one_rm / recent_set were measured on: the conventional deadlift, or the
    # variation being programmed. "auto" (what no answer means) takes whichever
    # reading gives the lighter loads, and the sheet says so.
    "max_lift": {"type": "choice", "choices": ("auto", "conventional", "variation")},
}

REQUIRED = tuple(k for k, spec in ANSWERS.items() if "default" not in spec
                 and k != "injury_stage")


def relevant(key, answers):
    """Whether ``key`` is a question worth asking given the other answers."""
    if key == "injury_stage":
        return answers.get("injury_area", "none") != "none"
    return True


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
