"""Worker processes for `batch` and `kb check`.

concurrent.futures rather than multiprocessing.Pool: when a worker dies (killed, out of memory)
Pool waits for its results for ever, while an executor raises BrokenProcessPool, which the CLI
turns into one line. Workers are forked, which is quick and shares the loaded knowledge base, only
while this process runs a single thread: a fork copies locks that other threads may be holding,
and a child that needs one hangs (pytest-xdist workers and applications embedding the advisor
run threads). Otherwise the forkserver start method is used, as Python 3.14 does by default.

Results come back through files, not through the executor's result pipe: a worker killed while
it writes a large result leaves half a message in that pipe, and the executor then waits for the
rest for ever (CPython reads a result before it looks at which workers died). Only a task's
number crosses the pipe, a write small enough to be atomic.
"""

import concurrent.futures
import concurrent.futures.process
import contextlib
import functools
import itertools
import multiprocessing
import os
import pickle
import signal
import sys
import tempfile
import threading

from .errors import WorkerDied as BrokenPool  # noqa: E402 - the name callers catch


def threads():
    """Threads this process runs, as the kernel counts them: threads started without the
    threading module (pytest-xdist's execnet starts its own) count too."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()


def start_method():
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threads() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def executor(jobs):
    context = multiprocessing.get_context(start_method())
    return concurrent.futures.ProcessPoolExecutor(jobs, mp_context=context,
                                                  initializer=_quiet_signals)


_busy = False  # in a worker: running a task


def _quiet_signals():
    """In a worker: Ctrl-C, SIGTERM and SIGHUP end it quietly (Python would print a traceback
    per worker). A running task is stopped first, so its clean-up runs (the browser is killed,
    temporary folders go); between tasks there is nothing to clean."""
    from .interrupts import Terminated

    stopping = []

    def stop(signum, frame):
        if stopping:  # a second signal (the pool terminates the rest when one worker ends)
            return  # must not cut short the clean-up the first one started
        stopping.append(signum)
        if _busy:
            raise Terminated(signum)  # _to_file ends the worker once the task has cleaned up
        _exit_now(128 + signum)

    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), stop)


def _exit_now(code):
    """End this worker at once. os._exit runs no clean-up, so the browser a batch keeps in it
    (pdf.print_sheet) is killed first; the worker's normal end closes it (pdf.py)."""
    pdf = sys.modules.get(f"{__package__}.pdf")
    if pdf is not None:
        pdf.kill_printer()
    os._exit(code)


def _batches(items, size):
    items = iter(items)
    while batch := list(itertools.islice(items, size)):
        yield batch


def _to_file(fn, scratch, task):
    """In a worker: fn over a numbered batch of items, the results pickled to a file named by
    the number, which is all that is returned."""
    global _busy
    from .interrupts import Terminated

    number, batch = task
    # The handler raises Terminated only while _busy; the outer try catches it wherever that is,
    # the inner finally included. Escaping from here it would reach the pool's worker loop, which
    # sends exceptions back and goes on: the worker would live on and the pool's shutdown, which
    # waits for it, would never end (a pool broken by a killed worker SIGTERMs the others).
    try:
        try:
            _busy = True
            with open(os.path.join(scratch, str(number)), "wb") as fh:
                pickle.dump([fn(item) for item in batch], fh, pickle.HIGHEST_PROTOCOL)
        finally:
            _busy = False
    except Terminated as stopped:  # only raised in a worker (see _quiet_signals)
        _exit_now(128 + stopped.signum)
    return number


def _from_file(scratch, number):
    path = os.path.join(scratch, str(number))
    with open(path, "rb") as fh:
        batch = pickle.load(fh)
    os.unlink(path)
    return batch


def unordered(pool, fn, tasks, ahead):
    """fn(task) for each task, results as they finish, with at most ``ahead`` tasks submitted
    and not yet collected (so a long lazy iterable is never held in memory all at once)."""
    tasks = iter(tasks)
    pending = set()
    while True:
        for task in tasks:
            pending.add(pool.submit(fn, task))
            if len(pending) >= ahead:
                break
        if not pending:
            return
        done, pending = concurrent.futures.wait(pending,
                                                return_when=concurrent.futures.FIRST_COMPLETED)
        for future in done:
            yield future.result()


def _unblock_feeder(pool):
    """Python 3.10 only: once the workers are gone, the thread feeding the pool's call queue may
    be stuck writing into a full pipe that nobody reads, since this process holds its read end
    too, and the pool's shutdown waits for that thread for ever. Python 3.11 closes that end
    itself when the pool breaks (CPython gh-94777); this does the same on 3.10."""
    if sys.version_info >= (3, 11):
        return
    reader = getattr(getattr(pool, "_call_queue", None), "_reader", None)
    if reader is not None:
        with contextlib.suppress(OSError):
            reader.close()


@contextlib.contextmanager
def results(fn, items, jobs, chunksize=None):
    """fn(item) for every item: in this process with one job, else over ``jobs`` worker
    processes. With ``chunksize``, in the items' order, sent that many at a time; without it,
    one at a time as they finish, a few items ahead of the workers."""
    if jobs == 1:
        yield map(fn, items)
        return
    # The pool shuts down (its workers stop writing) before the scratch folder is removed. A
    # caller that stops early (an error, Ctrl-C, SIGTERM, a batch stopped by a browser timeout)
    # waits only for the tasks already running: the queued ones are cancelled.
    # On Ctrl-C or SIGTERM of this process alone, the workers are told too (SIGTERM, which
    # stops their running task), so the wait is short even when a task would take long.
    with tempfile.TemporaryDirectory(prefix="deadlift-advisor-") as scratch:
        before = set(multiprocessing.active_children())
        pool = executor(jobs)
        try:
            work = functools.partial(_to_file, fn, scratch)
            tasks = enumerate(_batches(items, chunksize or 1))
            if chunksize:
                numbers = pool.map(work, tasks)
            else:
                numbers = unordered(pool, work, tasks, ahead=jobs * 2)
            yield itertools.chain.from_iterable(_from_file(scratch, n) for n in numbers)
        except KeyboardInterrupt:
            for child in set(multiprocessing.active_children()) - before:
                with contextlib.suppress(OSError):
                    child.terminate()
            _unblock_feeder(pool)
            raise
        except concurrent.futures.process.BrokenProcessPool:
            _unblock_feeder(pool)
            raise BrokenPool() from None
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
