"""`deadlift-advisor kb check`: its tasks cover the space, its sweep fires the rules only the
optional answers reach, it reports a rule broken on purpose, and the command's output. The full
346,000-profile check is deliberately not run here (make bench times it); only bounded slices.
"""

import itertools

import pytest

from deadlift_advisor import kbcheck
from deadlift_advisor.kb import EXERCISES, enumerated_space
from deadlift_advisor.kb.programming import LIMITS
from deadlift_advisor.rules import RULES
from deadlift_advisor.rules.base import forget_tables
from helpers import run_inproc


def test_kb_check_tasks_cover_the_whole_space_in_order():
    """Workers are sent blocks by name, not profiles: the blocks, expanded, must be the input
    space and the sweep exactly, and --limit N exactly their first N profiles."""
    everything = list(itertools.chain(enumerated_space(), kbcheck.optional_sweep()))
    expanded = [p for task in kbcheck._tasks() for p in kbcheck._profiles(task)]
    assert expanded == everything
    for limit in (1, 1900, 1901, 5000):
        limited = [p for task in kbcheck._tasks(limit) for p in kbcheck._profiles(task)]
        assert limited == everything[:limit]


def test_kb_check_on_a_small_limit_counts_and_finds_no_violations():
    report = kbcheck.run(jobs=1, limit=300)
    assert report["profiles"] == 300
    assert report["rules"] == len(RULES)
    assert 0 < report["rules_fired"] <= report["rules"]
    assert report["violations"] == []


def test_the_optional_sweep_holds_the_invariants_and_fires_the_load_and_week_rules():
    """kbcheck's sweep with loads and split presets (variation x preset x placement x injury
    stage, 1,200 profiles; variation x awkward week x placement x low-back stage, 1,920; variation x week x
    injury area and stage, 1,296), checked in this process:
    no violations, and it reaches the rules that the plain input space cannot."""
    profiles = list(kbcheck.optional_sweep())
    assert len(profiles) == (12 * 5 * 5 * 4 + 12 * 8 * 5 * 4 + 12 * len(kbcheck.GYM_WEEKS)
                             + 12 * 6 * 6 * 3 + 12 + 12)
    n, problems, fired, classified, _ = kbcheck._check_chunk(profiles)
    assert n == len(profiles)
    assert problems == []
    assert {"load.e1rm_from_recent_set", "load.one_rm_given", "load.both_given",
            "load.working_weights", "sched.choose_day", "sched.read_day",
            "sched.injury_in_week", "load.rough_estimate", "load.lift_basis",
            "safety.alternative", "sched.deadlift_off", "load.step_too_coarse"} <= fired
    assert len(classified) == 12


@pytest.fixture
def fresh_limits():
    """The engine works out its tables once per process: work them out again around a patch."""
    forget_tables()
    yield
    forget_tables()


def back_day_profiles():
    """Uninjured off-season strength/powerlifting lifters who asked for a back day: with K8's
    RPE 8 cap lifted, their band (RPE up to 9) shows through."""
    return [p for p in itertools.islice(enumerated_space(), 0, None, 7)
            if p["placement"] == "back_day" and p["injury_area"] == "none"
            and p["season_phase"] in ("none", "off_season") and p["experience"] != "novice"
            and p["goal"] in ("strength", "powerlifting")][:60]


def test_check_chunk_is_clean_on_back_day_profiles(fresh_limits):
    profiles = back_day_profiles()
    assert len(profiles) >= 20
    _, problems, *_ = kbcheck._check_chunk(profiles)
    assert problems == []


def test_a_rule_broken_on_purpose_is_reported(monkeypatch, fresh_limits):
    monkeypatch.setitem(LIMITS["back_day"], "rpe_hi", 9.5)
    profiles = back_day_profiles()
    n, problems, *_ = kbcheck._check_chunk(profiles)
    assert n == len(profiles)
    assert problems, "lifting the back-day RPE cap went unnoticed"
    for answers, found in problems:
        assert answers["placement"] == "back_day"
        assert any("back-day rpe" in f for f in found), found


def test_a_changed_exercise_catalogue_is_seen_once_the_tables_are_forgotten(monkeypatch,
                                                                            fresh_limits):
    """The session menus come from a table worked out once per process; forget_tables() is
    what a tool that edits the knowledge base at run time calls, and then the edit counts."""
    import deadlift_advisor

    answers = {"variation": "conventional", "goal": "strength", "experience": "intermediate",
               "placement": "leg_day"}
    before = [f["exercise"] for f in deadlift_advisor.advise(answers).follow_ups]
    assert len(before) >= 2
    gone = before[0]
    monkeypatch.setitem(EXERCISES[gone], "follows_on",
                        [d for d in EXERCISES[gone]["follows_on"] if d != "leg_day"])
    forget_tables()
    after = [f["exercise"] for f in deadlift_advisor.advise(answers).follow_ups]
    assert after == before[1:]


def test_kb_check_command_with_a_small_limit():
    result = run_inproc(["kb", "check", "--limit", "500", "--jobs", "1"])
    first = result.stdout.splitlines()[0]
    assert first.startswith("500 profiles checked in "), first
    assert f"of {len(RULES)} rules fired" in first
    assert "VIOLATION" not in result.stdout
    # The first 500 profiles of the space are all one variation and give no loads or week, so
    # most rules cannot fire there: a slice says so instead of calling it a violation.
    assert "HYGIENE" not in result.stdout
    assert result.code == 0, result.stdout


def test_kb_check_limit_200_exits_0_and_says_the_coverage_checks_were_skipped():
    result = run_inproc(["kb", "check", "--limit", "200", "--jobs", "1"])
    assert result.code == 0, result.stdout
    lines = result.stdout.splitlines()
    assert lines[0].startswith("200 profiles checked in ")
    whole = kbcheck.total_profiles()
    assert lines[1] == (f"partial check: 200 of {whole} profiles, so the hygiene checks that "
                        f"need them all (every rule fires, every variation and exercise is "
                        f"reached) were skipped")
    assert lines[-1] == "no violations"


def test_a_slice_still_makes_the_hygiene_checks_that_need_no_coverage(monkeypatch):
    """An unknown exercise in a split preset is wrong whatever was checked: a slice reports it
    and exits 1."""
    from deadlift_advisor.kb.weeks import SPLITS

    monkeypatch.setitem(SPLITS, "broken", {"mon": ["no_such_exercise"]})
    result = run_inproc(["kb", "check", "--limit", "200", "--jobs", "1"])
    assert "HYGIENE split broken names unknown exercise 'no_such_exercise'" in result.stdout
    assert "never fires" not in result.stdout
    assert result.code == 1


def test_a_check_of_everything_makes_the_coverage_checks(monkeypatch):
    """The whole check (here: a space made as small as the slice) reports what no profile
    reached; only a partial slice leaves that out."""
    monkeypatch.setattr(kbcheck, "total_profiles", lambda: 500)
    report = kbcheck.run(jobs=1, limit=500)
    assert report["partial"] is False
    assert "rule load.working_weights never fires for any profile" in report["hygiene"]
    assert "rule sched.choose_day never fires for any profile" in report["hygiene"]
    partial = kbcheck.run(jobs=1, limit=499)
    assert partial["partial"] is True
    assert not any("never" in h for h in partial["hygiene"])
