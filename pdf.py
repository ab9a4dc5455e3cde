"""The html sheet printed to PDF by headless Chromium.

Finding the browser: ``$DEADLIFT_ADVISOR_CHROMIUM`` when set (a command name on PATH or a path),
otherwise the first of ``chromium``, ``chromium-browser``, ``google-chrome``, ``google-chrome-stable``
on PATH. Without one, :class:`ChromiumMissing` says how to get one or how to do without it (the
html format printed from any browser gives the same page).

Paper size: the html sheet itself never fixes one (its @page rule sets margins only, so a browser's
print dialog uses whatever paper the user has). For the PDF a size must be chosen, and the only
answer that hints at where the lifter lives is ``units``: **Letter when units are pounds, A4 otherwise**
(pounds are used mainly in the US and Canada, where Letter is the standard paper; the rest of the
world uses kilograms and A4). ``paper=`` overrides it. The size reaches Chromium as an
``@page { size: ... }`` rule added to the html only on this path. The sheet is tested to fit one page
on both sizes, so a wrong guess costs margins, never a second page.

The browser runs headless with networking features off and a fresh profile in a temporary folder
(``deadlift-advisor-pdf-*``) that is removed afterwards, however the run ends (Ctrl-C included);
the page is a local file with no external reference, so nothing is fetched.

Time limit: the browser gets ``TIMEOUT_SECONDS`` (90 s) to write the PDF, or the number of seconds
in ``$DEADLIFT_ADVISOR_PDF_TIMEOUT`` when set (a positive number, fractions allowed; anything else
is a :class:`PdfError`); a ``timeout=`` passed to :func:`html_to_pdf` wins over both. A browser that
runs out of time raises :class:`PdfTimeout` (a PdfError, so a batch can stop at the first one
rather than wait out the limit for every sheet).

No browser process outlives the call: the browser starts in a session (and process group) of its
own, and the whole group is killed with SIGKILL when it exits, when it runs out of time and when
anything else stops the wait (Ctrl-C included), so helper processes it leaves behind go too. Its
output goes to a file in the temporary folder rather than a pipe, so a helper holding it open
cannot make us wait; the last line of that output explains a failed print.

Many sheets (a batch): :func:`print_sheet` keeps one browser per process and prints sheet after
sheet in it, through Playwright (the optional ``fast-pdf`` extra) driving the same system Chromium;
Playwright never downloads a browser here. Starting Chromium is most of a one-shot print's 1.5 s,
so a batch saves it on every sheet but the first. The same guarantees hold per sheet: the time
limit covers starting the browser and printing (Playwright's driver, started once, gets as long
again of its own); at the limit a watchdog SIGKILLs the browser's process group (Playwright starts
it as a group leader) and the sheet is a PdfTimeout; after a timeout, a crash or an interrupt the
browser and its folder are gone, and the next sheet starts another; a browser that died between
sheets, while printing or while starting is started again and the sheet tried once more
(Playwright's launch can wait out its time limit for a browser killed late in its start, so a
watcher kills the driver then, and the next try starts another). The pages and paper are those of
the one-shot path (the same tagged PDF). The browser goes with its process: closed at exit (atexit,
and multiprocessing's finalizers in a worker), killed before a worker ends at once on a signal
(workers.py), and killed by Playwright's driver when the pipe to it closes (this process was
SIGKILLed). Without Playwright, off the main thread (its objects belong to the thread that started
them), or when it cannot start the browser, :func:`print_sheet` is :func:`html_to_pdf`.
A single sheet (``advise --format pdf``) stays one-shot: starting the driver and the browser costs
more than Chromium's own --print-to-pdf (``make bench`` measures both).
"""

import atexit
import math
import os
import pathlib
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

from .errors import ChromiumMissing, PdfError, PdfTimeout
from .interrupts import deferred

PAPERS = {"A4": "A4", "LETTER": "letter"}
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
ENV_VAR = "DEADLIFT_ADVISOR_CHROMIUM"
TIMEOUT_SECONDS = 90
TIMEOUT_ENV_VAR = "DEADLIFT_ADVISOR_PDF_TIMEOUT"
MAX_PDF_BYTES = 64 * 1024 * 1024  # a one-page sheet is tens of KB; more is a browser gone wrong
LOG_TAIL_BYTES = 64 * 1024  # enough of the browser's output for its last line

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-extensions", "--mute-audio", "--hide-scrollbars")


def paper_for(profile):
    """'Letter' for a lifter who counts in pounds, 'A4' for everyone else (see module docstring)."""
    return "Letter" if profile.get("units") == "lb" else "A4"


def find_chromium():
    """The browser command to run, or ChromiumMissing with what to do about it."""
    wanted = os.environ.get(ENV_VAR, "").strip()
    if wanted:
        found = shutil.which(wanted)
        if not found:
            raise ChromiumMissing(f"{ENV_VAR}={wanted!r} is not an executable browser — point it "
                                  f"at Chromium or Chrome, or unset it")
        return found
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    raise ChromiumMissing("pdf needs Chromium: install it (apt-get install chromium) or use "
                          "--format html and print from a browser")


def with_paper_size(html, paper):
    """The html with an @page size rule for ``paper`` ('A4' or 'Letter'), placed last in <head>
    so it wins over the sheet's own @page rule (which sets margins only)."""
    size = PAPERS.get(str(paper).upper())
    if size is None:
        raise PdfError(f"paper {paper!r} is not supported — use A4 or Letter")
    rule = f"<style>@page {{ size: {size}; }}</style>\n"
    head_end = html.find("</head>")
    return html[:head_end] + rule + html[head_end:] if head_end >= 0 else rule + html


def pdf_timeout():
    """The time limit in seconds: ``$DEADLIFT_ADVISOR_PDF_TIMEOUT`` when set, else TIMEOUT_SECONDS."""
    raw = os.environ.get(TIMEOUT_ENV_VAR, "").strip()
    if not raw:
        return TIMEOUT_SECONDS
    try:
        seconds = float(raw)
    except ValueError:
        seconds = math.nan
    if not (math.isfinite(seconds) and seconds > 0):
        raise PdfError(f"{TIMEOUT_ENV_VAR}={raw!r} is not a time limit — give a positive number of "
                       f"seconds, or unset it")
    return int(seconds) if seconds.is_integer() else seconds


def html_to_pdf(html, paper="A4", *, browser=None, timeout=None):
    """Print ``html`` (a complete, self-contained page) on ``paper``; the PDF as bytes.

    ``timeout`` in seconds; None means ``$DEADLIFT_ADVISOR_PDF_TIMEOUT`` or TIMEOUT_SECONDS (see the
    module docstring). PdfTimeout when the browser does not finish in time."""
    if timeout is None:
        timeout = pdf_timeout()
    browser = browser or find_chromium()
    page = with_paper_size(html, paper)
    with deferred():  # a signal between making the folder and the try would leave it behind
        tmp = tempfile.mkdtemp(prefix="deadlift-advisor-pdf-")
    try:
        source = os.path.join(tmp, "sheet.html")
        target = os.path.join(tmp, "sheet.pdf")
        log_path = os.path.join(tmp, "browser.log")
        with open(source, "w", encoding="utf-8") as handle:
            handle.write(page)
        command = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={os.path.join(tmp, 'profile')}",
                   "--no-pdf-header-footer", "--print-to-pdf-no-header",
                   f"--print-to-pdf={target}", pathlib.Path(source).as_uri()]
        returncode = _run(command, browser, log_path, timeout)
        data = _read_pdf(target)
        if not data.startswith(b"%PDF"):
            detail = _last_line(_tail(log_path)) or f"exit code {returncode}"
            raise PdfError(f"Chromium did not produce a PDF ({detail}) — use --format html and "
                           f"print from a browser")
        return data
    finally:
        with deferred():
            _remove_singleton(os.path.join(tmp, "profile"))
            _remove(tmp)


def _run(command, browser, log_path, timeout):
    """Run the browser in a session of its own, output to ``log_path``; its exit code. Whatever
    happens (exit, time out, Ctrl-C) its whole process group is killed before this returns."""
    with open(log_path, "wb") as log:
        try:
            process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                       start_new_session=True)
        except OSError as exc:
            raise PdfError(f"cannot run {browser}: {exc.strerror or exc}") from None
    try:
        return process.wait(timeout)
    except subprocess.TimeoutExpired:
        raise PdfTimeout(_timeout_message(timeout)) from None
    finally:
        _kill_group(process)


def _kill_group(process):
    """SIGKILL the process group led by ``process`` (the browser and everything it started that
    stayed in its session), then reap the browser itself."""
    killpg = getattr(os, "killpg", None)
    try:
        if killpg is not None:
            killpg(process.pid, signal.SIGKILL)
        else:  # pragma: no cover - no process groups (Windows): the browser alone
            process.kill()
    except (ProcessLookupError, PermissionError):
        pass
    try:
        process.wait(5)  # SIGKILL cannot be caught: this returns at once unless the kernel is stuck
    except subprocess.TimeoutExpired:  # pragma: no cover
        pass


def _timeout_message(timeout):
    return (f"Chromium did not finish the PDF within {timeout} s — try again, or use "
            f"--format html and print from a browser")


def _read_pdf(target):
    """The bytes the browser wrote to ``target`` (b"" when it wrote none); PdfError beyond
    MAX_PDF_BYTES."""
    try:
        with open(target, "rb") as handle:
            data = handle.read(MAX_PDF_BYTES + 1)
    except FileNotFoundError:
        return b""
    except OSError as exc:
        raise PdfError(f"cannot read the PDF Chromium wrote: {exc.strerror or exc}") from None
    _check_size(data)
    return data


def _check_size(data):
    if len(data) > MAX_PDF_BYTES:
        raise PdfError(f"Chromium wrote a PDF larger than {MAX_PDF_BYTES // (1024 * 1024)} MB — "
                       f"use --format html and print from a browser")


def _tail(path, limit=LOG_TAIL_BYTES):
    """The last ``limit`` bytes of the file at ``path`` (b"" when it cannot be read)."""
    try:
        with open(path, "rb") as handle:
            handle.seek(0, os.SEEK_END)
            handle.seek(max(0, handle.tell() - limit))
            return handle.read(limit)
    except OSError:
        return b""


def _remove_singleton(profile):
    """Chromium keeps its SingletonSocket in a folder of its own in the temporary directory,
    linked from the profile, and removes it when it exits; a killed browser leaves it."""
    try:
        target = os.readlink(os.path.join(profile, "SingletonSocket"))
    except OSError:
        return
    folder = os.path.dirname(target)
    if os.path.basename(folder).startswith(("org.chromium.", ".org.chromium.", "com.google.")):
        shutil.rmtree(folder, ignore_errors=True)


def _remove(folder):
    """Remove the temporary folder. A helper killed a moment ago may still finish one last write
    into the profile (SIGKILL takes effect after the system call in progress), so try again for
    a short while before giving up quietly."""
    for _ in range(20):
        shutil.rmtree(folder, ignore_errors=True)
        if not os.path.lexists(folder):
            return
        time.sleep(0.05)


def _last_line(stderr):
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    return lines[-1][:200] if lines else ""


# --- many sheets: one browser per process (see the module docstring) -----------------------------

PERSISTENT_FLAGS = tuple(flag for flag in CHROMIUM_FLAGS if flag != "--headless")  # it adds its own
CLOSE_SECONDS = 5  # a graceful close that takes longer ends in SIGKILL
START_POLL_SECONDS = 0.05  # how often a starting browser is checked for (_StartWatch)
GONE_SECONDS = 5  # how long a killed process group may take to go (SIGKILL is asynchronous)

_printer = None  # this process's Printer, made by the first print_sheet
_one_shot = {}  # browser -> why the persistent path could not start it in this process
_close_registered = False


def _sync_playwright():
    """Playwright's sync entry point, or None without the fast-pdf extra."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    return sync_playwright


def batch_path(browser=None):
    """How print_sheet prints in this process, in words (the bench and the README say it)."""
    if _sync_playwright() is None:
        return "one-shot: a browser per sheet (Playwright is not installed)"
    why = _one_shot.get(browser or find_chromium())
    if why:
        return f"one-shot: a browser per sheet ({why})"
    try:
        from importlib.metadata import version

        name = f"Playwright {version('playwright')}"
    except Exception:  # pragma: no cover - an install without metadata
        name = "Playwright"
    return f"persistent: one browser per process ({name})"


def print_sheet(html, paper="A4", *, timeout=None):
    """``html`` printed on ``paper`` as PDF bytes, as html_to_pdf does, by this process's
    persistent browser when it can have one (see the module docstring), else by html_to_pdf."""
    global _printer
    if timeout is None:
        timeout = pdf_timeout()
    browser = find_chromium()
    if (_one_shot.get(browser) or _sync_playwright() is None
            or threading.current_thread() is not threading.main_thread()):
        return html_to_pdf(html, paper, browser=browser, timeout=timeout)
    if _printer is not None and (_printer.owner != os.getpid() or _printer.executable != browser):
        close_printer()
    if _printer is None:
        _printer = Printer(browser)
        _close_at_exit()
    try:
        return _printer.print(html, paper, timeout=timeout)
    except _Unavailable as exc:
        _one_shot[browser] = f"the persistent browser did not start: {exc}"
        close_printer()
        return html_to_pdf(html, paper, browser=browser, timeout=timeout)


def close_printer():
    """Close this process's persistent browser and Playwright's driver, if it has them."""
    global _printer
    printer, _printer = _printer, None
    if printer is not None and printer.owner == os.getpid():
        printer.close()


def kill_printer():
    """For a process about to end at once (os._exit, perhaps from a signal handler): SIGKILL its
    persistent browser's process group, without a call into Playwright. The driver ends when
    this process does (the pipe to it closes)."""
    printer = _printer
    if printer is not None and printer.owner == os.getpid():
        printer.kill()


def _close_at_exit():
    """close_printer when this process ends: atexit, and in a multiprocessing worker (which
    leaves by os._exit, skipping atexit) multiprocessing's finalizers."""
    global _close_registered
    multiprocessing = sys.modules.get("multiprocessing")
    if multiprocessing is not None and multiprocessing.parent_process() is not None:
        from multiprocessing import util

        # (a child's registry starts empty: a parent's registration never runs in it)
        util.Finalize(None, close_printer, exitpriority=10)
    if not _close_registered:
        atexit.register(close_printer)
        _close_registered = True


class _Unavailable(Exception):
    """Playwright could not start the browser at all (print_sheet goes one-shot)."""


class Printer:
    """One headless Chromium started by Playwright and kept for sheet after sheet. Used from the
    thread that made it; ``owner`` is the process it belongs to (a forked child leaves it)."""

    def __init__(self, browser=None):
        self.executable = browser or find_chromium()
        self.owner = os.getpid()
        self._playwright = None  # the driver, started once
        self._driver = None  # its pid
        self._context = self._page = None
        self._folder = None  # deadlift-advisor-pdf-*: the browser's profile
        self._pid = None  # the browser, leader of its process group
        self._started = False  # a browser has started (a later failure to start is a crash)

    def print(self, html, paper="A4", *, timeout=None):
        """The PDF bytes; PdfTimeout after ``timeout`` seconds (html_to_pdf's default)."""
        if timeout is None:
            timeout = pdf_timeout()
        source = with_paper_size(html, paper)
        self._start_driver(timeout)  # once; the browser's time starts after it
        deadline = time.monotonic() + timeout
        expired = threading.Event()
        watchdog = threading.Timer(timeout, self._expire, (expired,))
        watchdog.daemon = True
        watchdog.start()
        try:
            return self._print(source, deadline, timeout, expired)
        except Exception:  # a timeout, a crash: the browser goes
            self.kill()
            raise
        except BaseException:  # Ctrl-C, SIGTERM: and the driver, which may be starting one
            playwright = self._playwright
            self.kill(driver=True)
            if playwright is not None:  # its end, which lets this thread start another one
                with deferred():
                    try:
                        playwright.stop()
                    except Exception:
                        pass
            raise
        finally:
            watchdog.cancel()
            watchdog.join()  # a watchdog that fired is done killing before the next sheet

    def _print(self, source, deadline, timeout, expired):
        from playwright.sync_api import Error

        for attempt in (1, 2):
            try:
                if self._playwright is None:  # a driver killed on a failed start (_start)
                    self._start_driver(timeout)
                if self._page is None or _is_gone(self._pid):
                    self.kill()  # what is left of a browser that died since the last sheet
                    self._start(deadline, timeout, expired)
                self._page.set_content(source, wait_until="load",
                                       timeout=_milliseconds_left(deadline, timeout))
                # as Chromium's --print-to-pdf: the page's @page size, backgrounds, tagged
                data = self._page.pdf(prefer_css_page_size=True, print_background=True,
                                      tagged=True)
            except Error as exc:
                self.kill()
                if _timed_out(exc, deadline, expired):
                    raise PdfTimeout(_timeout_message(timeout)) from None
                if attempt == 2:
                    raise PdfError(f"Chromium stopped while printing the PDF ({_first_line(exc)})"
                                   f" — try again, or use --format html and print from a "
                                   f"browser") from None
                continue  # it crashed: a new browser, once
            _check_size(data)
            if not data.startswith(b"%PDF"):  # pragma: no cover - Chromium returns a PDF or fails
                raise PdfError("Chromium did not produce a PDF — use --format html and print "
                               "from a browser")
            return data

    def _start_driver(self, timeout):
        """Playwright's driver (a Node.js process, this process's child), unless it runs; it is
        killed when it takes longer than ``timeout`` to start. _Unavailable when it does not."""
        if self._playwright is not None:
            return
        before = _children()

        def new_drivers():
            return [pid for pid in _children() - before if b"run-driver" in _command_line(pid)]

        watchdog = threading.Timer(timeout, lambda: [_kill_pid(pid) for pid in new_drivers()])
        watchdog.daemon = True
        watchdog.start()
        try:
            self._playwright = _sync_playwright()().start()
        except Exception as exc:  # no Node.js for the driver, an asyncio loop running, ...
            raise _Unavailable(_first_line(exc)) from None
        finally:
            watchdog.cancel()
            watchdog.join()
        self._driver = next(iter(new_drivers()), None)

    def _start(self, deadline, timeout, expired):
        """A browser with a fresh profile, within the time limit. _Unavailable when the first
        browser cannot start; a later one that fails to start is a crash (Playwright's Error),
        tried again once like any other."""
        from playwright.sync_api import Error

        died = None
        try:
            with deferred():  # the folder is remembered before a signal can be handled
                self._folder = tempfile.mkdtemp(prefix="deadlift-advisor-pdf-")
                os.mkdir(os.path.join(self._folder, "tmp"))
            # Playwright's own temporary folder goes in ours too: it would remove it by itself,
            # asynchronously, and not at all when the browser was killed just before its end.
            # So does the browser's (TMPDIR): a killed Chromium leaves org.chromium.Chromium.*.
            died = _StartWatch(self._folder, self._driver)
            try:
                self._context = self._playwright.chromium.launch_persistent_context(
                    os.path.join(self._folder, "profile"), executable_path=self.executable,
                    headless=True, args=list(PERSISTENT_FLAGS),
                    env={**os.environ, "TMPDIR": os.path.join(self._folder, "tmp")},
                    artifacts_dir=os.path.join(self._folder, "playwright"),
                    timeout=_milliseconds_left(deadline, timeout))
            finally:
                died.stop()
            if died.is_set():  # it died just after the launch returned: its driver is gone
                raise Error("the browser died while starting")
            self._pid = _browser_leader(self._folder)
            if self._pid is None:  # without it the time limit could not be kept
                if self._started:  # it worked before: this one died just after starting
                    raise Error("the browser ended as it started")
                raise _Unavailable("its process was not found")
            pages = self._context.pages
            self._page = pages[0] if pages else self._context.new_page()
        except Error as exc:
            self.kill()
            if died is not None and died.is_set():  # the driver went too; the next try starts one
                self._drop_driver()
            if self._started or _timed_out(exc, deadline, expired):
                raise
            raise _Unavailable(_first_line(exc)) from None
        except _Unavailable:
            self.kill()
            raise
        self._started = True

    def _drop_driver(self):
        """Forget a driver that was killed (its Playwright stopped, which lets this thread start
        another one); what it leaves for asyncio to report is silenced (_quiet_driver_end)."""
        playwright, self._playwright, self._driver = self._playwright, None, None
        _quiet_driver_end()
        if playwright is not None:
            with deferred():
                try:
                    playwright.stop()
                except Exception:
                    pass

    def _expire(self, expired):
        """In the watchdog thread, at the time limit: the browser's process group is killed,
        which ends the call into Playwright that is waiting for it."""
        expired.set()
        pid, folder = self._pid, self._folder
        if pid is None and folder:  # still starting
            pid = _browser_leader(folder)
        if pid is not None:
            _killpg(pid)

    def kill(self, driver=False):
        """SIGKILL the browser's process group, wait for it to go, remove its folders. Makes no
        call into Playwright (whose driver notices by itself), so it is safe anywhere. With
        ``driver``, the driver goes too: a call into Playwright cut short by a signal may have
        left it starting a browser, which would make the folder again."""
        with deferred():  # a second Ctrl-C waits until this is done
            pid, folder = self._pid, self._folder
            self._context = self._page = self._pid = self._folder = None
            # The driver is frozen first, so that it starts nothing after the scan below, and
            # killed last: a browser whose pipe closes starts tidying up, and a SIGKILL then
            # leaves it half done (its socket folder without the link that names it).
            stopped = driver and self._driver is not None
            if stopped:
                _kill_pid(self._driver, signal.SIGSTOP)
                _wait_gone(lambda: _is_stopped(self._driver))
            if pid is None and folder:  # interrupted while starting
                pid = _browser_leader(folder)
            if pid is not None:
                _killpg(pid)
                _wait_gone(lambda: _group_gone(pid))
            if folder:
                _remove_singleton(os.path.join(folder, "profile"))
                _remove(folder)
            if stopped:
                _kill_pid(self._driver)
                _wait_gone(lambda: _is_gone(self._driver))
                self._playwright = self._driver = None  # the next sheet starts another

    def close(self):
        """Close the browser (SIGKILL after CLOSE_SECONDS), then stop the driver."""
        context, pid = self._context, self._pid
        if context is not None:
            watchdog = threading.Timer(CLOSE_SECONDS, _killpg, (pid,))
            watchdog.daemon = True
            watchdog.start()
            try:
                context.close()
            except Exception:  # killed by the watchdog, or already gone
                pass
            finally:
                watchdog.cancel()
                watchdog.join()
        self.kill()  # helpers that outlived the browser; the folders
        playwright, self._playwright = self._playwright, None
        if playwright is not None:
            try:
                playwright.stop()
            except Exception:  # a driver that already ended
                pass


class _StartWatch(threading.Event):
    """Set when the browser being started died before Playwright's launch returned. The driver
    does not always notice (a browser SIGKILLed early in its start leaves the launch waiting out
    its whole time limit), so the driver is killed then, which ends the launch with an Error."""

    def __init__(self, folder, driver):
        super().__init__()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(folder, driver), daemon=True)
        self._thread.start()

    def _run(self, folder, driver):
        seen = None
        while not self._done.wait(START_POLL_SECONDS):
            pid = _browser_leader(folder)
            if pid is not None:
                seen = pid
            elif seen is not None and _group_gone(seen) and driver is not None:
                self.set()
                _kill_pid(driver)
                return

    def stop(self):
        self._done.set()
        self._thread.join()


class _DriverEndFilter:
    """Drops asyncio's "Future exception was never retrieved" for the read from a driver that
    was killed on purpose; any other record passes."""

    @staticmethod
    def filter(record):
        exc = record.exc_info[1] if record.exc_info else None
        return not (exc is not None and "Connection closed while reading from the driver"
                    in str(exc))


_DRIVER_END_FILTER = _DriverEndFilter()


def _quiet_driver_end():
    import logging

    logger = logging.getLogger("asyncio")
    if _DRIVER_END_FILTER not in logger.filters:
        logger.addFilter(_DRIVER_END_FILTER)


def _milliseconds_left(deadline, timeout):
    """What is left of the time limit, in milliseconds for Playwright (where 0 means none)."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise PdfTimeout(_timeout_message(timeout))
    return max(1, left * 1000)


def _timed_out(exc, deadline, expired):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    return expired.is_set() or isinstance(exc, PlaywrightTimeout) or time.monotonic() >= deadline


def _first_line(exc):
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0][:200] if lines else type(exc).__name__


def _killpg(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, TypeError):
        pass


def _wait_gone(gone):
    """Until ``gone()`` (SIGKILL takes effect asynchronously), at most GONE_SECONDS."""
    deadline = time.monotonic() + GONE_SECONDS
    while not gone() and time.monotonic() < deadline:
        time.sleep(0.01)


def _kill_pid(pid, signum=signal.SIGKILL):
    """Signal ``pid`` alone (the driver: in this process's group, so never killpg)."""
    try:
        os.kill(pid, signum)
    except (ProcessLookupError, PermissionError):
        pass


def _processes():
    """(pid, state, ppid, pgrp) of every process (Linux /proc)."""
    try:
        names = os.listdir("/proc")
    except OSError:  # pragma: no cover - no /proc
        return
    for name in names:
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except (OSError, IndexError):
            continue
        # after the comm: state ppid pgrp session ...
        yield int(name), fields[0].decode(), int(fields[1]), int(fields[2])


def _is_gone(pid):
    """True when process ``pid`` no longer runs (absent, or a zombie)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return handle.read().rsplit(b")", 1)[1].split()[0] in (b"Z", b"X")
    except (OSError, IndexError):
        return True


def _is_stopped(pid):
    """True when process ``pid`` is stopped (SIGSTOP), or gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return handle.read().rsplit(b")", 1)[1].split()[0] in (b"T", b"t", b"Z", b"X")
    except (OSError, IndexError):
        return True


def _group_gone(pgid):
    """True when no live (non-zombie) process is left in process group ``pgid``."""
    if pgid is None:
        return True
    return not any(pgrp == pgid and state not in "ZX" for _, state, _, pgrp in _processes())


def _browser_leader(folder):
    """The pid of the browser whose profile is in ``folder``: it leads its own process group
    and names the profile on its command line. None when there is none (yet)."""
    wanted = f"--user-data-dir={os.path.join(folder, 'profile')}".encode()
    for pid, state, _, pgrp in _processes():
        if pid == pgrp and state not in "ZX" and wanted in _command_line(pid).split(b"\0"):
            return pid
    return None


def _children():
    """This process's children."""
    me = os.getpid()
    return {pid for pid, _, ppid, _ in _processes() if ppid == me}


def _command_line(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            return handle.read()
    except OSError:
        return b""
