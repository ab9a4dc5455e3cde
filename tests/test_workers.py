"""The worker pool behind `batch` and `kb check` (deadlift_advisor.workers): what it does when a
worker dies, which start method it picks, and that it leaves nothing behind."""

import os
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

# A child process that runs workers.results over a function returning large results (as batch
# does with a chunk of HTML sheets), kills one of its workers after a few results, and says
# what happened. Before results went through files, the executor waited for ever in about half
# of such runs: the dead worker had left half a result in the pipe.
KILL_A_WORKER = textwrap.dedent("""
    import os, signal, sys, time
    sys.path.insert(0, sys.argv[1])
    from deadlift_advisor import workers
    import bigresults

    def children():
        with open(f"/proc/{os.getpid()}/task/{os.getpid()}/children") as fh:
            return [int(c) for c in fh.read().split()]

    try:
        with workers.results(bigresults.big, range(10_000), 2, chunksize=int(sys.argv[2])) as done:
            for n, result in enumerate(done):
                assert len(result) == 2_000_000
                if n == 3:
                    os.kill(children()[-1], signal.SIGKILL)
                time.sleep(0.005)
    except workers.BrokenPool:
        print("broken")
    else:
        print("finished")
""")


@pytest.mark.parametrize("chunksize", [1, None])
def test_a_worker_killed_while_returning_large_results_breaks_the_pool_without_hanging(
        tmp_path, chunksize):
    if not Path("/proc/self/task").exists():
        pytest.skip("needs /proc")
    (tmp_path / "bigresults.py").write_text("def big(i):\n    return bytes(2_000_000)\n")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch)}
    for _ in range(6):
        run = subprocess.run([sys.executable, "-c", KILL_A_WORKER, str(tmp_path),
                              str(chunksize or 0)], capture_output=True, text=True, env=env,
                             timeout=90)
        assert run.stdout.split() == ["broken"], run.stderr
        assert not list(scratch.iterdir()), "the scratch folder was left behind"


def test_results_keep_the_items_order_and_every_item():
    from deadlift_advisor import workers

    for jobs, chunksize in [(1, None), (2, 3), (2, 1000), (2, None)]:
        with workers.results(abs, range(-50, 0), jobs, chunksize=chunksize) as done:
            got = list(done)
        if chunksize or jobs == 1:
            assert got == list(range(50, 0, -1)), (jobs, chunksize)
        else:  # as they finish
            assert sorted(got) == list(range(1, 51))
        with workers.results(abs, [], jobs, chunksize=chunksize) as done:
            assert list(done) == []


def test_workers_are_not_forked_from_a_threaded_process():
    from deadlift_advisor import workers

    code = ("import _thread, threading, time\n"
            "from deadlift_advisor import workers\n"
            "print(workers.start_method())\n"
            "_thread.start_new_thread(time.sleep, (5,))\n"  # as execnet does, not via threading
            "print(workers.start_method())\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    alone, threaded = run.stdout.split()
    assert alone == "fork"
    assert threaded != "fork"

    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        assert workers.start_method() != "fork"
    finally:
        release.set()
        thread.join()


@pytest.mark.parametrize("where", ["_busy = True", "pickle.dump(", "_busy = False"])
def test_a_stop_signal_anywhere_in_a_task_ends_the_worker(tmp_path, monkeypatch, where):
    """A SIGTERM handled at any line of a task (here raised by a trace function, as the handler
    raises it) ends the worker; one that escaped into the pool's worker loop would be sent back
    as a result and leave the worker alive, and a broken pool's shutdown waiting for it."""
    import inspect

    from deadlift_advisor import workers
    from deadlift_advisor.interrupts import Terminated

    lines, first = inspect.getsourcelines(workers._to_file)
    target = first + next(i for i, line in enumerate(lines) if where in line)
    ended = []

    def exit_now(code):
        ended.append(code)
        raise SystemExit(code)

    def tracer(frame, event, arg):
        if frame.f_code is workers._to_file.__code__:
            if event == "line" and frame.f_lineno == target and not ended and \
                    not getattr(tracer, "fired", False):
                tracer.fired = True
                raise Terminated(signal.SIGTERM)
            return tracer
        return None

    monkeypatch.setattr(workers, "_exit_now", exit_now)
    sys.settrace(tracer)
    try:
        workers._to_file(abs, str(tmp_path), (0, [-1, -2]))
    except SystemExit:
        pass
    except Terminated:  # a KeyboardInterrupt: pytest would stop the whole run on it
        pytest.fail(f"the signal escaped the task from the line {where!r}")
    finally:
        sys.settrace(None)
        workers._busy = False
    assert ended == [128 + signal.SIGTERM]
