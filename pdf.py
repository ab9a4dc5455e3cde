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
"""

import math
import os
import pathlib
import shutil
import signal
import subprocess
import tempfile
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
        raise PdfTimeout(f"Chromium did not finish the PDF within {timeout} s — try again, or use "
                         f"--format html and print from a browser") from None
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
    if len(data) > MAX_PDF_BYTES:
        raise PdfError(f"Chromium wrote a PDF larger than {MAX_PDF_BYTES // (1024 * 1024)} MB — "
                       f"use --format html and print from a browser")
    return data


def _tail(path, limit=LOG_TAIL_BYTES):
    """The last ``limit`` bytes of the file at ``path`` (b"" when it cannot be read)."""
    try:
        with open(path, "rb") as handle:
            handle.seek(0, os.SEEK_END)
            handle.seek(max(0, handle.tell() - limit))
            return handle.read(limit)
    except OSError:
        return b""


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
