"""advise() from many threads at once gives exactly what a serial call gives (issue 11).

One engine used to serve the whole process: two threads calling advise() got each other's facts
(wrong advice, or a RuntimeError from build()), and the Rete memories they interleaved survived
every later reset, so each consultation matched against more leftovers than the last: four
threads stopped making progress. Every thread now has an engine of its own.
"""

import concurrent.futures
import functools
import itertools
import json
import random
import subprocess
import sys
import textwrap
import threading
import time

import pytest

import deadlift_advisor
from deadlift_advisor.kb.weeks import SPLITS

THREADS = 8
ROUNDS = 2  # each thread consults every answer set this many times, in an order of its own
DEADLINE = 30.0  # seconds for the threaded run, which takes 2-3 (a hang used to take all of it)

# The optional answers, laid in turn over the enumerated profiles: loads from a 1RM or a recent
# set, every split preset, a week typed by hand (the name index), plate steps and units.
EXTRAS = [
    {},
    {"one_rm": 180},
    {"recent_set": "140x5@8"},
    *({"week": split} for split in SPLITS),
    {"week": "upper_lower", "one_rm": 400, "units": "lb", "max_lift": "variation"},
    {"week": {"mon": ["Front squats 5x5 @8", "RDL"], "thu": ["deadlift", "bench press"],
              "sat": ["leg press", "hamstring curls"]}, "recent_set": {"weight": 100, "reps": 5,
                                                                       "rpe": 8}},
    {"plate_step": 1.25, "one_rm": 150, "max_lift": "conventional"},
]


def _key(advice):
    return json.dumps(advice.to_dict(), sort_keys=True)


@pytest.fixture(scope="module")
def answers(stratified_sample):
    """One profile per variation x injury area (every stage and placement turns up), each with
    one of EXTRAS."""
    profiles = stratified_sample(lambda p: (p["variation"], p["injury_area"]), 1, seed=11)
    return [{**p, **extra} for p, extra in zip(profiles, itertools.cycle(EXTRAS))]


@pytest.fixture(scope="module")
def serial(answers):
    return [_key(deadlift_advisor.advise(a)) for a in answers]


def test_the_sample_is_varied(answers, serial):
    # Guards the sample itself: if validation started refusing an extra, serial would raise.
    assert len(answers) >= 60
    for key in ("one_rm", "recent_set", "week", "plate_step"):
        assert any(key in a for a in answers), key
    assert {a["week"] for a in answers if isinstance(a.get("week"), str)} == set(SPLITS)
    assert any(a["injury_area"] != "none" for a in answers)
    assert any('"alternative": {' in s for s in serial)  # a ruled-out variation's second look
    assert any('"schedule": {' in s for s in serial)


@pytest.mark.timeout(120)
def test_advise_from_many_threads_equals_serial(answers, serial):
    compose_mro = functools._compose_mro
    stop = threading.Event()
    deadline = time.monotonic() + DEADLINE
    start = threading.Barrier(THREADS)

    def consult_all(seed):
        order = list(range(len(answers))) * ROUNDS
        random.Random(seed).shuffle(order)
        start.wait(timeout=DEADLINE)  # every thread's first call (and engine build) at once
        results = []
        for i in order:
            if stop.is_set() or time.monotonic() > deadline:
                results.append((i, "unfinished: out of time"))
                break
            try:
                results.append((i, _key(deadlift_advisor.advise(answers[i]))))
            except Exception as exc:  # noqa: BLE001 - a crash is a wrong result, reported below
                results.append((i, f"raised {exc!r}"))
        return results

    pool = concurrent.futures.ThreadPoolExecutor(THREADS)
    try:
        futures = [pool.submit(consult_all, seed) for seed in range(THREADS)]
        per_thread = [f.result(timeout=DEADLINE + 15) for f in futures]
    finally:
        stop.set()  # a thread still running stops after its current call
        pool.shutdown(wait=False, cancel_futures=True)

    done = [r for results in per_thread for r in results]
    wrong = [(i, got) for i, got in done if got != serial[i]]
    assert not wrong, (
        f"{len(wrong)} of {len(done)} threaded results differ from the serial ones, e.g. "
        f"answers {answers[wrong[0][0]]}: {wrong[0][1][:300]}")
    assert len(done) == THREADS * ROUNDS * len(answers)
    # Nothing the threads did is left behind: the serial results are the same after them, and
    # the engine builds restored functools' MRO merge (engine.matcher._c3_merges_shared).
    assert [_key(deadlift_advisor.advise(a)) for a in answers] == serial
    assert functools._compose_mro is compose_mro


# A fresh process, where every lazy first use happens in 8 threads at once: the imports advise()
# makes, the engine builds, the message templates, the name index of typed exercises.
_COLD = textwrap.dedent("""
    import concurrent.futures, functools, json, threading
    import deadlift_advisor

    compose_mro = functools._compose_mro
    answers = [{"variation": v, "goal": "strength", "experience": "novice", **extra}
               for v in ("conventional", "sumo", "trap_bar", "romanian")
               for extra in ({}, {"week": {"mon": ["RDL", "front squats 5x5"], "thu": ["bench"]}},
                             {"injury_area": "low_back", "injury_stage": "acute",
                              "one_rm": 180, "week": "push_pull_legs"})]
    start = threading.Barrier(8)

    def run(k):
        start.wait(timeout=30)
        mine = answers[k % len(answers):] + answers[:k % len(answers)]
        return mine, [json.dumps(deadlift_advisor.advise(a).to_dict(), sort_keys=True)
                      for a in mine]

    pool = concurrent.futures.ThreadPoolExecutor(8)
    runs = [f.result(timeout=60) for f in [pool.submit(run, k) for k in range(8)]]
    pool.shutdown()
    serial = {json.dumps(a, sort_keys=True):
              json.dumps(deadlift_advisor.advise(a).to_dict(), sort_keys=True) for a in answers}
    wrong = sum(got != serial[json.dumps(a, sort_keys=True)]
                for mine, results in runs for a, got in zip(mine, results))
    print(json.dumps({"wrong": wrong, "compose_restored": functools._compose_mro is compose_mro}))
""")


@pytest.mark.timeout(120)
def test_first_calls_in_a_fresh_process_from_many_threads():
    done = subprocess.run([sys.executable, "-c", _COLD], capture_output=True, text=True,
                          timeout=90, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads(done.stdout.splitlines()[-1]) == {"wrong": 0, "compose_restored": True}
