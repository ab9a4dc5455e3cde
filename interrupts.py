"""Signals: how a run can be stopped from outside.

SIGTERM and SIGHUP are treated like Ctrl-C: :class:`Terminated` is a KeyboardInterrupt, so every
clean-up that runs on Ctrl-C (temporary files, scratch folders, worker pools, the browser) runs
on them too. SIGKILL cannot be caught; what it can leave is listed in the README.
"""

import contextlib
import signal


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP arrived; handled like Ctrl-C."""

    def __init__(self, signum):
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self):
        return signal.Signals(self.signum).name


_deferring = 0  # > 0 while a file is being written (see deferred)
_pending = []


def _raise(signum, frame):
    if _deferring:
        _pending.append(signum)
        return
    _stop(signum)


def _stop(signum):
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise Terminated(signum)


def stop_on_signals():
    """Make SIGTERM and SIGHUP raise Terminated, and Ctrl-C KeyboardInterrupt as usual, in the
    main thread (where Python runs signal handlers), unless :func:`deferred`. A signal the
    parent process chose to ignore stays ignored (nohup)."""
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) is not signal.SIG_IGN:
            signal.signal(number, _raise)


@contextlib.contextmanager
def deferred():
    """Signals that arrive inside wait until it ends (then the first is raised). For writing a
    file: a signal handled in the instant between creating a temporary file and remembering its
    name, right after the system call returns, which is where Python runs handlers, would leave
    the file behind. Blocking the signal instead would not do: another thread would take it."""
    global _deferring
    _deferring += 1
    try:
        yield
    finally:
        _deferring -= 1
        if not _deferring and _pending:
            signum = _pending[0]
            _pending.clear()
            _stop(signum)
