"""A coach's defaults file: the gym's settings (units, plate step, the team's split, back days)
answered once, in the user's config folder, instead of on every run.

They sit under everything else: an answers file, a roster row and --set all win over them. The
file holds only the settings kb/answers.DEFAULTABLE names (never a lifter's own answers: not
their variation, goal, injury or weights), and is checked as an answers file is, each problem
one line naming the file.
"""

import os

from .errors import InputError

FILE_NAME = "defaults.yaml"
ENV = "DEADLIFT_ADVISOR_DEFAULTS"  # another file, for a team's shared folder or a test

STARTER = """\
# deadlift-advisor defaults: answers every run starts from (an answers file, a roster row and
# --set KEY=VALUE still win). `deadlift-advisor defaults` shows where this file is and what it
# sets; --no-defaults ignores it for one run. Remove the '#' in front of a line to use it.
#
# units: kg              # kg or lb: how every weight is read and printed
# plate_step: 2.5        # the smallest jump in load your plates allow, in those units
# week: upper_lower      # the team's split: full_body, upper_lower, push_pull_legs, body_part,
#                        # powerlifting
# back_days_per_week: 1  # 0-3
# season_phase: none     # none, off_season, pre_season, in_season, post_season
"""


def location():
    """Where the defaults file is: $DEADLIFT_ADVISOR_DEFAULTS, else the platform's user config
    folder (XDG_CONFIG_HOME or ~/.config on Linux; platformdirs knows the others)."""
    override = os.environ.get(ENV)
    if override:
        return os.path.abspath(os.path.expanduser(override))
    from platformdirs import user_config_path

    return str(user_config_path("deadlift-advisor", appauthor=False) / FILE_NAME)


def load(path=None):
    """The defaults as a checked mapping ({} when there is no file). A broken file is an
    InputError naming it: a setting silently lost would change every sheet."""
    from .answer_files import load_answers
    from .kb.answers import DEFAULTABLE, SPEC
    from .quoting import shown
    from .validation import AnswerError, check_answers

    path = path or location()
    if not os.path.lexists(path):
        return {}
    fix = "fix it, or run with --no-defaults"
    try:
        answers = load_answers(path)
    except InputError as exc:
        if "is empty (only comments)" in str(exc):
            return {}  # the starter file, untouched
        raise InputError(f"your defaults file: {exc} — {fix}") from None
    for key in answers:
        if key not in DEFAULTABLE:
            raise InputError(f"your defaults file {path}: {shown(key)} cannot be a default — it "
                             f"may set {', '.join(DEFAULTABLE)}; {fix}")
    try:
        cleaned = check_answers(answers, partial=True)
        if "units" not in answers:  # a plate step is read in the units it will be used with
            check_answers({**answers, "units": SPEC["units"]["default"]}, partial=True)
    except AnswerError as exc:
        raise InputError(f"your defaults file {path}: {exc}; {fix}") from None
    if isinstance(cleaned.get("week"), str):  # a preset by its id ("ppl" -> push_pull_legs)
        from .extra_answers import check_week

        cleaned["week"] = check_week(cleaned["week"])["split"]
    return {k: v for k, v in cleaned.items() if v is not None}


def apply(answers, defaults):
    """``answers`` on top of ``defaults``, and the keys that came from the defaults alone. A
    default plate step is dropped when the answers change the units: plates come in one unit."""
    from .kb.answers import SPEC
    from .validation import AnswerError, check_value

    their_units = check_value("units", defaults.get("units", SPEC["units"]["default"]))
    defaults = {k: v for k, v in defaults.items() if answers.get(k) is None}  # null: not given
    if "plate_step" in defaults and answers.get("units") is not None:
        try:
            final = check_value("units", answers["units"])
        except AnswerError:
            final = None  # the answers' own check will say what is wrong
        if final != their_units:
            del defaults["plate_step"]
    return {**answers, **defaults}, set(defaults)


def create(path=None):
    """Write the commented starter file; never over an existing one (exclusive creation)."""
    from .answer_files import write_atomically

    path = path or location()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    write_atomically(path, STARTER)
    return path
