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
that is removed afterwards; the page is a local file with no external reference, so nothing is
fetched.
"""

import os
import pathlib
import shutil
import subprocess
import tempfile

from .answer_files import InputError

PAPERS = {"A4": "A4", "LETTER": "letter"}
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
ENV_VAR = "DEADLIFT_ADVISOR_CHROMIUM"
TIMEOUT_SECONDS = 90

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-extensions", "--mute-audio", "--hide-scrollbars")


class PdfError(InputError):
    """The PDF could not be made; str(error) is the one line to show."""


class ChromiumMissing(PdfError):
    """No Chromium-family browser was found."""


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


def html_to_pdf(html, paper="A4", *, browser=None, timeout=TIMEOUT_SECONDS):
    """Print ``html`` (a complete, self-contained page) on ``paper``; the PDF as bytes."""
    browser = browser or find_chromium()
    page = with_paper_size(html, paper)
    with tempfile.TemporaryDirectory(prefix="deadlift-advisor-pdf-") as tmp:
        source = os.path.join(tmp, "sheet.html")
        target = os.path.join(tmp, "sheet.pdf")
        with open(source, "w", encoding="utf-8") as handle:
            handle.write(page)
        command = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={os.path.join(tmp, 'profile')}",
                   "--no-pdf-header-footer", "--print-to-pdf-no-header",
                   f"--print-to-pdf={target}", pathlib.Path(source).as_uri()]
        try:
            run = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True,
                                 timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise PdfError(f"Chromium did not finish the PDF within {timeout} s — try again, or use "
                           f"--format html and print from a browser") from None
        except OSError as exc:
            raise PdfError(f"cannot run {browser}: {exc.strerror or exc}") from None
        try:
            with open(target, "rb") as handle:
                data = handle.read()
        except FileNotFoundError:
            data = b""
        if not data.startswith(b"%PDF"):
            detail = _last_line(run.stderr) or f"exit code {run.returncode}"
            raise PdfError(f"Chromium did not produce a PDF ({detail}) — use --format html and "
                           f"print from a browser")
        return data


def _last_line(stderr):
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    return lines[-1][:200] if lines else ""
