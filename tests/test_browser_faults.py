"""Issue 11, class 8 "The browser": pdf.html_to_pdf against browsers that misbehave.

The fake browsers are small shell scripts written into tmp_path and passed as ``browser=`` (or
named by ``$DEADLIFT_ADVISOR_CHROMIUM``). They write their own pid and their helpers' pids to files
so the tests can check that no process of theirs outlives the call; a process counts as gone once
it no longer exists or is a zombie (dead, waiting for a parent to reap it; in a container whose
pid 1 does not reap orphans that can be forever). Every test points tempfile at a folder of its
own and checks that no ``deadlift-advisor-pdf-*`` folder is left in it.
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

import pytest

from deadlift_advisor import pdf

pytestmark = [
    pytest.mark.timeout(60),
    pytest.mark.skipif(not hasattr(os, "killpg"), reason="process groups are POSIX only"),
]

PAGE = "<!DOCTYPE html><html><head><title>t</title></head><body><p>Hello</p></body></html>"
TINY_PDF = b"%PDF-1.4\n% deadlift-advisor fake\n%%EOF\n"

# Sets $target to the --print-to-pdf= argument and $profile to the --user-data-dir= one.
ARGS = """\
target= profile=
for arg; do
    case $arg in
        --print-to-pdf=*) target=${arg#*=} ;;
        --user-data-dir=*) profile=${arg#*=} ;;
    esac
done
"""


@pytest.fixture
def scratch(tmp_path, monkeypatch):
    """The temporary-files folder for the test (tempfile.tempdir and TMPDIR point at it); at the
    end no deadlift-advisor-pdf-* folder may be left in it."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(folder))
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.delenv("DEADLIFT_ADVISOR_PDF_TIMEOUT", raising=False)
    yield folder
    assert not list(folder.glob("deadlift-advisor-pdf-*")), "the temporary folder was left behind"


def fake_browser(tmp_path, body, name="fake-browser"):
    """An executable /bin/sh script: ARGS, then ``body``; its path as a str."""
    path = tmp_path / name
    path.write_text("#!/bin/sh\n" + ARGS + body)
    path.chmod(0o755)
    return str(path)


def read_pid(path, wait=5.0):
    """The pid a fake browser wrote to ``path`` (waiting for it a little)."""
    deadline = time.monotonic() + wait
    while True:
        text = path.read_text().strip() if path.exists() else ""
        if text:
            return int(text)
        assert time.monotonic() < deadline, f"the fake browser never wrote {path.name}"
        time.sleep(0.02)


def is_gone(pid):
    """True when ``pid`` no longer runs (absent, or a zombie)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # pid reused by someone else's process: ours is gone
        return True
    stat = pathlib.Path(f"/proc/{pid}/stat")
    try:
        # "pid (comm) state ...": the state follows the last ')'
        return stat.read_text().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except (OSError, IndexError):
        return True


def assert_gone(*pids, wait=3.0):
    """Every pid is gone within ``wait`` seconds (SIGKILL is delivered asynchronously)."""
    deadline = time.monotonic() + wait
    while not all(is_gone(pid) for pid in pids):
        if time.monotonic() > deadline:
            alive = [pid for pid in pids if not is_gone(pid)]
            for pid in alive:  # do not leave them running for the rest of the suite
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
            pytest.fail(f"browser processes still running after the call: {alive}")
        time.sleep(0.02)


def hanging_browser(tmp_path):
    """A browser that never finishes: it starts a helper and waits for it (1000 s)."""
    return fake_browser(tmp_path, f"""\
echo $$ > '{tmp_path / "browser.pid"}'
sleep 1000 &
echo $! > '{tmp_path / "helper.pid"}'
wait
""")


# --- (a) a browser that hangs --------------------------------------------------------------------

def test_a_hanging_browser_times_out_and_its_process_group_is_killed(tmp_path, scratch):
    browser = hanging_browser(tmp_path)
    started = time.monotonic()
    with pytest.raises(pdf.PdfTimeout) as caught:
        pdf.html_to_pdf(PAGE, browser=browser, timeout=1)
    assert time.monotonic() - started < 5
    message = str(caught.value)
    assert isinstance(caught.value, pdf.PdfError)
    assert "\n" not in message
    assert "within 1 s" in message and "--format html" in message
    assert_gone(read_pid(tmp_path / "browser.pid"), read_pid(tmp_path / "helper.pid"))


def test_ctrl_c_while_waiting_kills_the_browser_and_removes_the_folder(tmp_path, scratch):
    browser = hanging_browser(tmp_path)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)  # xdist workers may ignore it
    timer = threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGINT))
    try:
        timer.start()
        with pytest.raises(KeyboardInterrupt):
            pdf.html_to_pdf(PAGE, browser=browser, timeout=30)
    finally:
        timer.cancel()
        signal.signal(signal.SIGINT, previous)
    assert_gone(read_pid(tmp_path / "browser.pid"), read_pid(tmp_path / "helper.pid"))


# --- (b) a good PDF, and a helper left holding stderr open ---------------------------------------

def test_a_good_pdf_is_kept_when_a_helper_holds_stderr_open(tmp_path, scratch):
    (tmp_path / "tiny.pdf").write_bytes(TINY_PDF)
    browser = fake_browser(tmp_path, f"""\
cp '{tmp_path / "tiny.pdf"}' "$target"
sleep 60 &
echo $! > '{tmp_path / "helper.pid"}'
echo 'printed' >&2
exit 0
""")
    started = time.monotonic()
    data = pdf.html_to_pdf(PAGE, browser=browser, timeout=5)
    assert time.monotonic() - started < 3
    assert data == TINY_PDF
    assert_gone(read_pid(tmp_path / "helper.pid"))


# --- (c) a browser that fails --------------------------------------------------------------------

def test_a_failing_browser_reports_its_last_error_line(tmp_path, scratch):
    browser = fake_browser(tmp_path, f"""\
echo 'starting up' >&2
sleep 60 &
echo $! > '{tmp_path / "helper.pid"}'
echo '[0101/000000.000:ERROR:ozone_platform_x11.cc(240)] Missing X server or $DISPLAY' >&2
echo >&2
exit 1
""")
    started = time.monotonic()
    with pytest.raises(pdf.PdfError) as caught:
        pdf.html_to_pdf(PAGE, browser=browser, timeout=5)
    assert time.monotonic() - started < 3
    assert not isinstance(caught.value, pdf.PdfTimeout)
    message = str(caught.value)
    assert "\n" not in message
    assert "did not produce a PDF" in message
    assert "Missing X server or $DISPLAY" in message
    assert_gone(read_pid(tmp_path / "helper.pid"))


def test_only_the_end_of_a_long_error_output_is_read(tmp_path, scratch):
    """Megabytes of noise before the error line: the line still reaches the message (a guard for
    the bounded read of the output file; the old pipe read passed it too)."""
    browser = fake_browser(tmp_path, """\
yes 'noise noise noise noise noise noise noise noise noise noise' | head -c 3000000 >&2
echo 'the real error' >&2
exit 2
""")
    with pytest.raises(pdf.PdfError, match=r"did not produce a PDF \(the real error\)"):
        pdf.html_to_pdf(PAGE, browser=browser, timeout=10)


def test_an_oversized_pdf_is_refused(tmp_path, scratch):
    browser = fake_browser(tmp_path, """\
printf '%%PDF-1.4\\n' > "$target"
head -c $((64 * 1024 * 1024)) /dev/zero >> "$target"
""")
    with pytest.raises(pdf.PdfError, match="larger than 64 MB"):
        pdf.html_to_pdf(PAGE, browser=browser, timeout=20)


# --- (d) the temporary folder --------------------------------------------------------------------

def test_the_folder_goes_even_when_a_helper_keeps_writing_into_the_profile(tmp_path, scratch):
    """Like Chromium's helpers, this one keeps writing into the profile after the browser exits;
    without the group kill it recreates the folder after it was removed."""
    (tmp_path / "tiny.pdf").write_bytes(TINY_PDF)
    browser = fake_browser(tmp_path, f"""\
cp '{tmp_path / "tiny.pdf"}' "$target"
(
    end=$(( $(date +%s) + 4 ))
    while [ "$(date +%s)" -lt "$end" ]; do
        mkdir -p "$profile/Cache" && : > "$profile/Cache/entry"
    done
) > /dev/null 2>&1 &
echo $! > '{tmp_path / "helper.pid"}'
while [ ! -e "$profile/Cache/entry" ]; do :; done
exit 0
""")
    assert pdf.html_to_pdf(PAGE, browser=browser, timeout=5) == TINY_PDF
    assert_gone(read_pid(tmp_path / "helper.pid"))
    time.sleep(0.3)  # a surviving helper would have recreated the folder by now
    assert not list(scratch.glob("deadlift-advisor-pdf-*"))


def test_a_browser_that_cannot_run_leaves_no_folder(tmp_path, scratch):
    with pytest.raises(pdf.PdfError, match="cannot run"):
        pdf.html_to_pdf(PAGE, browser=str(tmp_path / "no-such-browser"), timeout=5)


# --- (e) the time limit from the environment -----------------------------------------------------

@pytest.mark.parametrize("value", ["soon", "0", "-5", "nan", "inf", "1e999", "90s"])
def test_an_invalid_timeout_in_the_environment_is_one_clear_line(tmp_path, scratch, monkeypatch,
                                                                   value):
    (tmp_path / "tiny.pdf").write_bytes(TINY_PDF)
    browser = fake_browser(tmp_path, f"cp '{tmp_path / 'tiny.pdf'}' \"$target\"\n")
    monkeypatch.setenv("DEADLIFT_ADVISOR_PDF_TIMEOUT", value)
    with pytest.raises(pdf.PdfError) as caught:
        pdf.html_to_pdf(PAGE, browser=browser)
    message = str(caught.value)
    assert not isinstance(caught.value, pdf.PdfTimeout)
    assert "\n" not in message
    assert "DEADLIFT_ADVISOR_PDF_TIMEOUT" in message and repr(value) in message
    assert "positive number of seconds" in message
    # an explicit timeout does not consult the environment
    assert pdf.html_to_pdf(PAGE, browser=browser, timeout=5) == TINY_PDF


@pytest.mark.parametrize("value, shown", [("1", "within 1 s"), (" 0.5 ", "within 0.5 s")])
def test_a_timeout_in_the_environment_applies(tmp_path, scratch, monkeypatch, value, shown):
    browser = hanging_browser(tmp_path)
    monkeypatch.setenv("DEADLIFT_ADVISOR_PDF_TIMEOUT", value)
    monkeypatch.setenv(pdf.ENV_VAR, browser)  # found the way a user names it
    started = time.monotonic()
    with pytest.raises(pdf.PdfTimeout, match=shown):
        pdf.html_to_pdf(PAGE)
    assert time.monotonic() - started < 5
    assert_gone(read_pid(tmp_path / "browser.pid"), read_pid(tmp_path / "helper.pid"))


def test_the_default_timeout_without_the_environment(monkeypatch):
    monkeypatch.delenv("DEADLIFT_ADVISOR_PDF_TIMEOUT", raising=False)
    assert pdf.TIMEOUT_SECONDS == 90
    assert pdf.pdf_timeout() == 90
    monkeypatch.setenv("DEADLIFT_ADVISOR_PDF_TIMEOUT", "")
    assert pdf.pdf_timeout() == 90
    monkeypatch.setenv("DEADLIFT_ADVISOR_PDF_TIMEOUT", "12.5")
    assert pdf.pdf_timeout() == 12.5


# --- the real browser ----------------------------------------------------------------------------

def _session_members(sid):
    """Live (non-zombie) processes whose session id is ``sid`` (Linux /proc)."""
    members = []
    for entry in pathlib.Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        # after the comm: state ppid pgrp session ...
        if int(fields[3]) == sid and fields[0] not in ("Z", "X"):
            members.append(int(entry.name))
    return members


@pytest.fixture
def short_scratch(monkeypatch):
    """Like ``scratch`` but in the system's temporary folder: Chromium fails ("zygote ... Broken
    pipe") when TMPDIR is as long as a pytest tmp_path, its socket paths outgrow the 107-byte
    limit; that is the same with or without these changes."""
    folder = pathlib.Path(tempfile.mkdtemp(prefix="dla-"))
    monkeypatch.setattr("tempfile.tempdir", str(folder))
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.delenv("DEADLIFT_ADVISOR_PDF_TIMEOUT", raising=False)
    try:
        yield folder
        assert not list(folder.glob("deadlift-advisor-pdf-*")), "the temporary folder was left behind"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
@pytest.mark.timeout(120)
def test_real_chromium_still_prints_and_leaves_nothing_running(short_scratch, monkeypatch):
    started = []
    real_popen = subprocess.Popen

    def recording_popen(*args, **kwargs):
        process = real_popen(*args, **kwargs)
        started.append(process)
        return process

    monkeypatch.setattr(pdf.subprocess, "Popen", recording_popen)
    data = pdf.html_to_pdf(PAGE, paper="A4", browser=shutil.which("chromium"))
    assert data.startswith(b"%PDF")
    assert len(started) == 1
    if sys.platform.startswith("linux"):
        deadline = time.monotonic() + 3
        while _session_members(started[0].pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _session_members(started[0].pid) == []
