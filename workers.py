"""Worker processes for `batch` and `kb check`.

concurrent.futures rather than multiprocessing.Pool: when a worker dies (killed, out of memory)
Pool waits for its results for ever, while an executor raises BrokenProcessPool, which the CLI
turns into one line. Workers are forked, which is quick and shares the loaded knowledge base, only
while this process runs a single thread: a fork copies locks that other threads may be holding,
and a child that needs one hangs (pytest-xdist workers and applications embedding the advisor
run threads). Otherwise the forkserver start method is used, as Python 3.14 does by default.
"""

import concurrent.futures
import concurrent.futures.process
import contextlib
import multiprocessing
import os
import threading

BrokenPool = concurrent.futures.process.BrokenProcessPool


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
    return concurrent.futures.ProcessPoolExecutor(jobs, mp_context=context)


def unordered(pool, fn, items, ahead):
    """fn(item) for each item, results as they finish, with at most ``ahead`` items submitted
    and not yet collected (so a long lazy iterable is never held in memory all at once)."""
    items = iter(items)
    pending = set()
    while True:
        for item in items:
            pending.add(pool.submit(fn, item))
            if len(pending) >= ahead:
                break
        if not pending:
            return
        done, pending = concurrent.futures.wait(pending,
                                                return_when=concurrent.futures.FIRST_COMPLETED)
        for future in done:
            yield future.result()


@contextlib.contextmanager
def results(fn, items, jobs, chunksize=None):
    """fn(item) for every item: in this process with one job, else over ``jobs`` worker
    processes. With ``chunksize``, in the items' order, sent that many at a time; without it,
    as they finish, a few items ahead of the workers."""
    if jobs == 1:
        yield map(fn, items)
        return
    with executor(jobs) as pool:
        if chunksize:
            yield pool.map(fn, items, chunksize=chunksize)
        else:
            yield unordered(pool, fn, items, ahead=jobs * 2)
