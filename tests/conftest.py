"""Shared fixtures for the rule-engine suites.

Helpers are offered as fixtures (conftest is not meant to be imported): ``advise_dict`` runs a
consultation from a few overrides of a minimal valid answer set; ``ids``/``follow_ups`` read an
advice dict the way a lifter reads the sheet; ``stratified_sample`` picks a deterministic,
stratified subset of the enumerated input space for tests that cannot afford all of it.
"""

import collections
import os
import random

import pytest

import deadlift_advisor
from deadlift_advisor.kb import enumerated_space

# No run of the suite reads the defaults file of whoever runs it (coach_defaults.py): every
# process it starts inherits a path that does not exist; tests of the file set their own.
os.environ["DEADLIFT_ADVISOR_DEFAULTS"] = os.path.join(os.path.dirname(__file__),
                                                       "no-such-defaults.yaml")

# The smallest valid answer set: the three required answers (README, "Answer keys").
MINIMAL_ANSWERS = {"variation": "conventional", "goal": "strength", "experience": "intermediate"}


@pytest.fixture
def minimal_answers():
    """A fresh copy of the minimal valid answers (tests may mutate it)."""
    return dict(MINIMAL_ANSWERS)


def _advise_dict(**answers):
    return deadlift_advisor.advise({**MINIMAL_ANSWERS, **answers}).to_dict()


@pytest.fixture
def advise_dict():
    """``advise_dict(**answers)`` -> ``advise(answers).to_dict()``, the answers laid over the
    minimal valid set (so ``advise_dict(variation="sumo")`` is a complete consultation)."""
    return _advise_dict


class _Reader:
    """Read an advice dict like a lifter reads the sheet."""

    @staticmethod
    def warnings(advice):
        return [w["id"] for w in advice["warnings"]]

    @staticmethod
    def recommendations(advice):
        return [m["id"] for m in advice["recommendations"]]

    @staticmethod
    def recommendation(advice, message_id):
        found = [m for m in advice["recommendations"] if m["id"] == message_id]
        assert len(found) == 1, f"expected one {message_id!r} recommendation, got {found}"
        return found[0]

    @staticmethod
    def warning(advice, message_id):
        found = [w for w in advice["warnings"] if w["id"] == message_id]
        assert len(found) == 1, f"expected one {message_id!r} warning, got {found}"
        return found[0]

    @staticmethod
    def follow_ups(advice):
        """exercise -> intensity; each exercise appears once (checked)."""
        exercises = [f["exercise"] for f in advice["follow_ups"]]
        assert len(exercises) == len(set(exercises)), f"repeated follow-ups: {exercises}"
        return {f["exercise"]: f["intensity"] for f in advice["follow_ups"]}

    @staticmethod
    def movers(advice):
        c = advice["classification"]
        return set(c["primary_movers"]) | set(c["secondary_movers"])


@pytest.fixture
def read():
    return _Reader


def stratified(profiles, key, per_stratum, seed):
    """``per_stratum`` profiles from each stratum ``key(profile)``, chosen with a fixed seed."""
    strata = collections.defaultdict(list)
    for profile in profiles:
        strata[key(profile)].append(profile)
    rng = random.Random(seed)
    picked = []
    for stratum in sorted(strata, key=repr):
        members = strata[stratum]
        picked += rng.sample(members, min(per_stratum, len(members)))
    return picked


@pytest.fixture(scope="session")
def space():
    """The whole enumerated input space as a list (about 0.3 s to build)."""
    return list(enumerated_space())


@pytest.fixture(scope="session")
def stratified_sample(space):
    """``stratified_sample(key, per_stratum, where=None, seed=...)`` over the enumerated space
    (optionally only the profiles for which ``where(profile)`` holds)."""
    def sample(key, per_stratum, where=None, seed=20240601):
        profiles = space if where is None else [p for p in space if where(p)]
        return stratified(profiles, key, per_stratum, seed)
    return sample


def uninjured(profile):
    return profile["injury_area"] == "none"


@pytest.fixture(scope="session")
def uninjured_advices(stratified_sample):
    """(answers, advice dict) for one uninjured profile per variation x goal x experience x
    placement, computed once per process and shared by the tests that scan them."""
    profiles = stratified_sample(
        lambda p: (p["variation"], p["goal"], p["experience"], p["placement"]), 1,
        where=uninjured)
    return [(answers, deadlift_advisor.advise(answers).to_dict()) for answers in profiles]


def describe_profile(answers):
    """The reproducing answers as one line a developer can paste."""
    return "{" + ", ".join(f"{k!r}: {v!r}" for k, v in answers.items()) + "}"


@pytest.fixture
def describe():
    return describe_profile
