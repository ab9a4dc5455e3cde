"""Issue 14, part 4: a batch prints its PDFs in one browser per process (pdf.print_sheet).

Real headless Chromium through Playwright (the fast-pdf extra), against the one-shot path of
pdf.html_to_pdf: the same pages and paper (pdfinfo), a page that never finishes loading, a browser
killed between sheets and while printing, Playwright missing, a browser it cannot start, and no
process left running after a sheet, a batch, SIGTERM or a killed worker.

Which processes are ours: every test sets an environment variable of its own (``MARK``) before
the driver or the batch starts; the driver, the browser and its crash handlers inherit it, and the
browser's zygotes and renderers share its session, so "ours" is a process with the mark or in
the session of one. A test that checks nothing is left first checks that it saw them running.
Chromium's socket path must stay under 107 bytes, so the temporary folder is a short one (as in
test_browser_faults.py).
"""

import os
import pathlib
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid

import pytest

from deadlift_advisor import advise, pdf
from deadlift_advisor.render import render

from helpers import SCRIPT, as_from_a_terminal

pytestmark = [
    pytest.mark.timeout(300),
    pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed"),
    pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="pdfinfo is not installed"),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc"),
]
needs_playwright = pytest.mark.skipif(pdf._sync_playwright() is None,
                                      reason="the fast-pdf extra (playwright) is not installed")

MARK = "DEADLIFT_ADVISOR_TEST_MARK"
ANSWERS = {"variation": "sumo", "goal": "strength", "experience": "intermediate"}
HUNG = ("<!DOCTYPE html><html><head><title>hung</title></head><body><p>never done</p>"
        "<script>for (;;) {}</script></body></html>")
# Busy for 1.5 s before its load event: long enough to kill the browser in the middle.
SLOW = ("<!DOCTYPE html><html><head><title>slow</title></head><body><p>slow</p><script>"
        "const t = Date.now(); while (Date.now() - t < 1500) {}</script></body></html>")


def pages_html(n):
    """A document of ``n`` printed pages (each section starts a new page)."""
    body = "".join(f'<section style="break-before: page"><h1>Page {i}</h1></section>'
                   for i in range(1, n + 1))
    return f"<!DOCTYPE html><html><head><title>{n}</title></head><body>{body}</body></html>"


def pdfinfo(data, folder):
    path = pathlib.Path(folder) / f"{uuid.uuid4().hex}.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                         check=True).stdout
    path.unlink()
    info = dict(line.split(":", 1) for line in out.splitlines() if ":" in line)
    return int(info["Pages"]), info["Page size"].strip()


# --- which processes are ours ------------------------------------------------------------------

def _stat(pid):
    """(state, session) of ``pid``, or None when it is gone."""
    try:
        fields = pathlib.Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return fields[0].decode(), int(fields[3])


def _parent(pid):
    try:
        return int(pathlib.Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()[1])
    except (OSError, IndexError):
        return None


def marked(mark):
    """{pid: (comm, session)} of live processes whose environment holds MARK=mark."""
    wanted = f"{MARK}={mark}".encode()
    found = {}
    for entry in pathlib.Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if wanted not in (entry / "environ").read_bytes().split(b"\0"):
                continue
            comm = (entry / "comm").read_text().strip()
        except OSError:
            continue
        stat = _stat(entry.name)
        if stat and stat[0] not in "ZX":
            found[int(entry.name)] = (comm, stat[1])
    return found


def in_sessions(sessions):
    """Live processes in any of ``sessions``."""
    alive = []
    for entry in pathlib.Path("/proc").iterdir():
        if entry.name.isdigit():
            stat = _stat(entry.name)
            if stat and stat[0] not in "ZX" and stat[1] in sessions:
                alive.append(int(entry.name))
    return alive


class Watch:
    """Polls, in a thread, for processes carrying ``mark``; remembers every one it saw, the
    sessions of the browser processes among them, and the profile folders they were started
    with (one a browser)."""

    def __init__(self, mark):
        self.mark = mark
        self.seen, self.sessions, self.browsers = {}, set(), set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            self.poll()
            time.sleep(0.02)

    def poll(self):
        for pid, (comm, session) in marked(self.mark).items():
            self.seen[pid] = comm
            if "chrom" in comm and session != os.getsid(0):
                self.sessions.add(session)
                try:
                    args = pathlib.Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
                except OSError:
                    continue
                # a browser started is a profile folder of its own
                self.browsers.update(a for a in args if a.startswith(b"--user-data-dir="))

    def browsers_seen(self):
        return [pid for pid, comm in self.seen.items() if "chrom" in comm]


    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def assert_nothing_left(watch, wait=5.0):
    """No process with the mark and none in a browser's session, within ``wait`` seconds."""
    deadline = time.monotonic() + wait
    while True:
        left = {**marked(watch.mark), **dict.fromkeys(in_sessions(watch.sessions), "session")}
        if not left:
            return
        if time.monotonic() > deadline:
            for pid in left:  # do not leave them running for the rest of the suite
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
            pytest.fail(f"processes still running: {left}")
        time.sleep(0.05)


# --- fixtures ----------------------------------------------------------------------------------

@pytest.fixture
def scratch(monkeypatch):
    """A short temporary folder for the test (TMPDIR and tempfile), with a mark of its own in the
    environment; no printer before or after it, nothing of a browser left in the folder."""
    folder = pathlib.Path(tempfile.mkdtemp(prefix="dlf-"))
    monkeypatch.setattr("tempfile.tempdir", str(folder))
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setenv(MARK, uuid.uuid4().hex)
    monkeypatch.delenv(pdf.ENV_VAR, raising=False)
    monkeypatch.delenv(pdf.TIMEOUT_ENV_VAR, raising=False)
    pdf.close_printer()
    pdf._one_shot.clear()
    try:
        yield folder
        pdf.close_printer()
        left = [p.name for p in folder.iterdir()
                if p.name.startswith(("deadlift-advisor-pdf-", "playwright", "org.chromium"))]
        assert left == [], f"left in the temporary folder: {left}"
    finally:
        pdf.close_printer()
        pdf._one_shot.clear()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def watch(scratch):
    with Watch(os.environ[MARK]) as w:
        yield w


def printer():
    assert pdf._printer is not None, "print_sheet did not keep a persistent browser"
    return pdf._printer


# --- the persistent path -----------------------------------------------------------------------

@needs_playwright
def test_sheets_print_in_one_browser_with_the_pages_and_paper_of_the_one_shot_path(scratch,
                                                                                    watch):
    sheets = [(render(advise({**ANSWERS, "units": units}), "html"), pdf.paper_for({"units": units}))
              for units in ("kg", "lb")]
    sheets += [(pages_html(n), paper) for n in (2, 3) for paper in ("A4", "Letter")]
    one_shot = [pdfinfo(pdf.html_to_pdf(html, paper), scratch) for html, paper in sheets]
    browsers, got = set(), []
    for html, paper in sheets * 2:
        fast = pdf.print_sheet(html, paper)
        browsers.add(printer()._pid)
        assert fast.startswith(b"%PDF")
        got.append(pdfinfo(fast, scratch))
    assert got == one_shot * 2
    assert len(browsers) == 1, "one browser for every sheet"
    assert [pages for pages, _ in got[2:6]] == [2, 2, 3, 3]
    assert ["(A4)" in size for _, size in got] == [True, False, True, False, True, False] * 2
    assert ["(letter)" in size for _, size in got] == [False, True, False, True, False, True] * 2
    assert pdf.batch_path().startswith("persistent: one browser per process (Playwright ")
    assert watch.browsers_seen()
    pdf.close_printer()
    assert_nothing_left(watch)


@needs_playwright
def test_a_page_that_never_finishes_times_out_and_the_next_sheet_gets_a_new_browser(scratch,
                                                                                     watch):
    assert pdf.print_sheet(pages_html(1), "A4").startswith(b"%PDF")
    first = printer()._pid
    with pytest.raises(pdf.PdfTimeout) as caught:  # without the watchdog: pytest-timeout's 300 s
        pdf.print_sheet(HUNG, "A4", timeout=2)
    message = str(caught.value)
    assert "\n" not in message and "within 2 s" in message and "--format html" in message
    assert pdf._group_gone(first), "the hung browser was killed"
    assert not list(scratch.glob("deadlift-advisor-pdf-*")), "and its profile folder removed"
    assert pdfinfo(pdf.print_sheet(pages_html(2), "Letter"), scratch)[0] == 2
    assert printer()._pid not in (None, first)
    pdf.close_printer()
    assert_nothing_left(watch)


@needs_playwright
def test_the_time_limit_from_the_environment_applies(scratch, monkeypatch):
    monkeypatch.setenv(pdf.TIMEOUT_ENV_VAR, "1.5")
    with pytest.raises(pdf.PdfTimeout, match=r"within 1\.5 s"):
        pdf.print_sheet(HUNG, "A4")
    monkeypatch.setenv(pdf.TIMEOUT_ENV_VAR, "soon")
    with pytest.raises(pdf.PdfError, match="positive number of seconds"):
        pdf.print_sheet(pages_html(1), "A4")


@needs_playwright
def test_a_browser_killed_between_sheets_is_started_again(scratch, watch):
    assert pdf.print_sheet(pages_html(1), "A4").startswith(b"%PDF")
    first = printer()._pid
    os.killpg(first, signal.SIGKILL)
    assert pdfinfo(pdf.print_sheet(pages_html(3), "A4"), scratch) == (3, pdfinfo(
        pdf.html_to_pdf(pages_html(3), "A4"), scratch)[1])
    assert printer()._pid not in (None, first)
    pdf.close_printer()
    assert_nothing_left(watch)


def _kill_browsers_in(folder, times, every):
    """In a thread: ``times`` times, after ``every`` seconds, SIGKILL the browser whose profile
    is in ``folder`` (whichever one is running then)."""
    def run():
        for _ in range(times):
            time.sleep(every)
            for entry in pathlib.Path(folder).glob("deadlift-advisor-pdf-*"):
                pid = pdf._browser_leader(str(entry))
                if pid:
                    os.killpg(pid, signal.SIGKILL)
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


@needs_playwright
def test_a_browser_killed_while_printing_is_started_again_and_the_sheet_printed(scratch, watch):
    assert pdf.print_sheet(pages_html(1), "A4").startswith(b"%PDF")  # started, ready
    first = printer()._pid
    killer = _kill_browsers_in(scratch, times=1, every=0.5)  # in the middle of SLOW's 1.5 s
    data = pdf.print_sheet(SLOW, "A4", timeout=60)
    killer.join()
    assert data.startswith(b"%PDF") and pdfinfo(data, scratch)[0] == 1
    assert printer()._pid not in (None, first)
    pdf.close_printer()
    assert_nothing_left(watch)


@needs_playwright
def test_a_browser_that_dies_on_every_try_is_one_clear_error(scratch, watch):
    assert pdf.print_sheet(pages_html(1), "A4").startswith(b"%PDF")
    killer = _kill_browsers_in(scratch, times=12, every=0.4)
    with pytest.raises(pdf.PdfError) as caught:
        pdf.print_sheet(SLOW, "A4", timeout=60)
    killer.join()
    message = str(caught.value)
    assert not isinstance(caught.value, pdf.PdfTimeout)
    assert "\n" not in message and "Chromium stopped while printing the PDF" in message
    assert pdf.print_sheet(pages_html(1), "A4").startswith(b"%PDF")  # and the next sheet prints
    pdf.close_printer()
    assert_nothing_left(watch)


def _kill_the_next_browser(folder, delay):
    """In a thread: SIGKILL the next browser of ``folder`` ``delay`` seconds after it is seen
    (None: only see it). Returns the thread and a list that gets the time it was seen."""
    seen = []

    def run():
        end = time.monotonic() + 30
        while time.monotonic() < end:
            for entry in pathlib.Path(folder).glob("deadlift-advisor-pdf-*"):
                pid = pdf._browser_leader(str(entry))
                if pid:
                    seen.append(time.monotonic())
                    if delay is not None:
                        time.sleep(delay)
                        os.killpg(pid, signal.SIGKILL)
                    return
            time.sleep(0.002)
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, seen


@needs_playwright
def test_a_browser_killed_while_starting_is_tried_again_not_waited_for(scratch, watch, caplog):
    """Killed late in Playwright's launch, a browser can leave the launch waiting out its whole
    time limit (seen on Playwright 1.59 in a window of about 0.1 s before it returns). Killed at
    every point of its start, the sheet must come from a second browser, or be a crash; never a
    PdfTimeout, and never asyncio's noise about the driver that was killed to end the wait."""
    assert pdf.print_sheet(pages_html(1), "A4").startswith(b"%PDF")
    pdf.kill_printer()
    killer, seen = _kill_the_next_browser(scratch, None)  # how long a start takes
    pdf.print_sheet(pages_html(1), "A4")
    start = time.monotonic() - seen[0]
    killer.join()
    pdf.kill_printer()
    outcomes = []
    for step in range(13):
        delay = start * step / 12
        killer, _ = _kill_the_next_browser(scratch, delay)
        try:
            pdf.print_sheet(pages_html(1), "A4", timeout=10)
            outcomes.append("printed")
        except pdf.PdfTimeout:
            outcomes.append(f"timed out (killed {delay:.2f} s into a {start:.2f} s start)")
        except pdf.PdfError as exc:
            assert "Chromium stopped while printing the PDF" in str(exc)
            outcomes.append("crash")
        killer.join()
        pdf.kill_printer()
    assert not [o for o in outcomes if o.startswith("timed out")], outcomes
    assert pdf.print_sheet(pages_html(1), "A4").startswith(b"%PDF")  # and the next sheet prints
    pdf.close_printer()
    import gc

    gc.collect()  # asyncio reports a never-retrieved future of a killed driver when it goes
    assert not [r for r in caplog.records if r.name == "asyncio"], caplog.text
    assert_nothing_left(watch)


@needs_playwright
def test_ctrl_c_while_printing_kills_the_browser_and_the_driver(scratch, watch):
    """Ctrl-C in the middle of a call into Playwright (a batch with --jobs 1, or the API)."""
    assert pdf.print_sheet(pages_html(1), "A4").startswith(b"%PDF")
    pid, driver = printer()._pid, printer()._driver
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)  # xdist may ignore it
    timer = threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGINT))  # SLOW is loading
    try:
        timer.start()
        with pytest.raises(KeyboardInterrupt):
            pdf.print_sheet(SLOW, "A4", timeout=60)
    finally:
        timer.cancel()
        signal.signal(signal.SIGINT, previous)
    assert pdf._group_gone(pid) and pdf._is_gone(driver)
    assert not list(scratch.glob("deadlift-advisor-pdf-*"))
    assert pdf.print_sheet(pages_html(1), "A4").startswith(b"%PDF")  # and the next sheet prints
    assert printer()._pid not in (None, pid), "in a browser of a new driver"
    pdf.close_printer()
    assert_nothing_left(watch)


@needs_playwright
def test_kill_printer_leaves_no_browser(scratch, watch):
    """What a worker does before it ends at once on a signal (workers._exit_now)."""
    assert pdf.print_sheet(pages_html(1), "A4").startswith(b"%PDF")
    pid = printer()._pid
    pdf.kill_printer()
    assert pdf._group_gone(pid)
    assert not list(scratch.glob("deadlift-advisor-pdf-*"))
    pdf.close_printer()  # the driver too
    assert_nothing_left(watch)


# --- the one-shot path, when the persistent one cannot be had ------------------------------------

def _recording_popen(monkeypatch):
    """The one-shot prints from now on: html_to_pdf's browser command lines."""
    started = []
    real = subprocess.Popen

    def popen(*args, **kwargs):
        if any(str(arg).startswith("--print-to-pdf=") for arg in args[0]):
            started.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(pdf.subprocess, "Popen", popen)
    return started


def test_without_playwright_print_sheet_is_the_one_shot_path(scratch, monkeypatch):
    monkeypatch.setitem(sys.modules, "playwright", None)  # import playwright... fails
    monkeypatch.setitem(sys.modules, "playwright.sync_api", None)
    started = _recording_popen(monkeypatch)
    data = pdf.print_sheet(pages_html(2), "Letter")
    assert pdfinfo(data, scratch)[0] == 2 and "(letter)" in pdfinfo(data, scratch)[1]
    assert len(started) == 1
    assert pdf._printer is None
    assert pdf.batch_path() == "one-shot: a browser per sheet (Playwright is not installed)"


@needs_playwright
def test_off_the_main_thread_print_sheet_is_the_one_shot_path(scratch, monkeypatch):
    started = _recording_popen(monkeypatch)
    out = []
    thread = threading.Thread(target=lambda: out.append(pdf.print_sheet(pages_html(1), "A4")))
    thread.start()
    thread.join()
    assert out and out[0].startswith(b"%PDF")
    assert len(started) == 1 and pdf._printer is None


@needs_playwright
def test_a_browser_playwright_cannot_start_falls_back_to_the_one_shot_path(scratch, monkeypatch,
                                                                         watch):
    """A 'browser' that only knows --print-to-pdf (as the fakes of test_browser_faults.py):
    Playwright's start fails at once, and that browser is printed one-shot from then on."""
    fake = scratch / "fake-chromium"
    fake.write_text("#!/bin/sh\nfor arg; do case $arg in --print-to-pdf=*) "
                    "printf '%%PDF-1.4 fake\\n' > \"${arg#*=}\";; esac; done\n")
    fake.chmod(0o755)
    monkeypatch.setenv(pdf.ENV_VAR, str(fake))
    started = _recording_popen(monkeypatch)
    assert pdf.print_sheet(pages_html(1), "A4", timeout=20) == b"%PDF-1.4 fake\n"
    assert pdf.print_sheet(pages_html(1), "A4", timeout=20) == b"%PDF-1.4 fake\n"
    assert len(started) == 2  # both one-shot; Playwright was tried once
    assert pdf.batch_path().startswith("one-shot: a browser per sheet (the persistent browser "
                                       "did not start: ")
    pdf.close_printer()
    assert_nothing_left(watch)


# --- a batch -----------------------------------------------------------------------------------

ROSTER = "athlete,variation,goal,experience,units\n" + "".join(
    f"Athlete {i},{v},strength,intermediate,{u}\n"
    for i, (v, u) in enumerate([("sumo", "kg"), ("conventional", "lb"), ("trap_bar", "kg"),
                                ("romanian", "lb"), ("rack_pull", "kg"), ("deficit", "lb")] * 3))


HEADER, _, BODY = ROSTER.partition("\n")
LONG_ROSTER = f"{HEADER}\n{BODY * 6}"  # 108 rows: a run to stop in the middle


def _batch(scratch, roster_rows=None, jobs=2):
    roster = scratch / "roster.csv"
    roster.write_text(ROSTER if roster_rows is None else roster_rows)
    return [str(SCRIPT), "batch", str(roster), "-o", str(scratch / "out"), "--format", "pdf",
            "--jobs", str(jobs)]


@needs_playwright
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_batch_prints_every_sheet_and_leaves_no_browser_running(scratch, watch, jobs):
    run = subprocess.run(_batch(scratch, jobs=jobs), capture_output=True, timeout=240)
    assert run.returncode == 0, run.stderr
    assert watch.browsers_seen(), "the check saw no browser: it would pass without one"
    assert_nothing_left(watch)
    sheets = sorted((scratch / "out").glob("*.pdf"))
    assert len(sheets) == 18
    for sheet in sheets:
        pages, size = pdfinfo(sheet.read_bytes(), scratch)
        number = int(sheet.stem.rsplit("-", 1)[1])
        assert pages >= 1
        assert ("(letter)" if number % 2 else "(A4)") in size, (sheet.name, size)
    # one browser a worker for 18 sheets, not one a sheet
    assert 1 <= len(watch.browsers) <= jobs, watch.browsers


@needs_playwright
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_to_a_batch_ends_its_browsers(scratch, watch, signum):
    proc = subprocess.Popen(_batch(scratch, LONG_ROSTER), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, preexec_fn=as_from_a_terminal)
    try:
        deadline = time.monotonic() + 60
        while not watch.browsers_seen() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert watch.browsers_seen(), "no browser started"
        time.sleep(0.5)
        proc.send_signal(signum)
        assert proc.wait(60) == (130 if signum == signal.SIGINT else 128 + signum)
    finally:
        if proc.poll() is None:
            proc.kill()
    watch.poll()
    assert_nothing_left(watch)


@needs_playwright
def test_a_killed_worker_takes_its_browser_with_it(scratch, watch):
    proc = subprocess.Popen(_batch(scratch, LONG_ROSTER), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, preexec_fn=as_from_a_terminal)
    try:
        deadline = time.monotonic() + 60
        while not watch.browsers_seen() and time.monotonic() < deadline:
            time.sleep(0.05)
        workers = [pid for pid, comm in watch.seen.items()
                   if _parent(pid) == proc.pid and not comm.startswith("node")]
        assert workers, watch.seen
        os.kill(workers[0], signal.SIGKILL)
        err = proc.communicate(timeout=60)[1].decode()
        assert proc.returncode == 1, err
        assert "Traceback" not in err
    finally:
        if proc.poll() is None:
            proc.kill()
    assert_nothing_left(watch)
    # What a SIGKILL can leave (README): the killed worker's profile folder, and the socket
    # folder of a browser that did not exit by itself. Nothing else.
    for left in [*scratch.glob("deadlift-advisor-pdf-*"), *scratch.glob("org.chromium.*")]:
        shutil.rmtree(left)
