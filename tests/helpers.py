"""What several test files need to run the command line and read what it did: one copy.

(conftest.py holds the fixtures; this is plain functions, imported as ``from helpers import``.)
"""

import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from deadlift_advisor.cli import main

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SCRIPT = Path(sys.executable).parent / "deadlift-advisor"
PREFIX = "deadlift-advisor: error: "
TMP_GLOB = ".deadlift-advisor-*"
VALID_YAML = "variation: sumo\ngoal: strength\nexperience: novice\n"


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    exception: BaseException | None = None


def as_from_a_terminal():
    """preexec_fn for a child a test will signal: the stop signals at their defaults, as a
    program started from a terminal has them. A test run started in the background (``&``
    ignores Ctrl-C) or under nohup (SIGHUP) would otherwise pass the ignoring on, and the program
    keeps an ignored signal ignored on purpose."""
    for name in ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT"):
        signal.signal(getattr(signal, name), signal.SIG_DFL)


def runner():
    try:  # click 8.1 mixes stderr into output unless told otherwise
        return CliRunner(mix_stderr=False)
    except TypeError:  # click >= 8.2 always keeps them apart
        return CliRunner()


def run_inproc(args, cwd=None, stdin=None):
    """The CLI in this process (click's CliRunner), in ``cwd`` when given. An uncaught exception
    is kept in ``exception`` (SystemExit is how every run ends, so it is not kept)."""
    old = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = runner().invoke(main, [str(a) for a in args], input=stdin,
                                 prog_name="deadlift-advisor")
    finally:
        os.chdir(old)
    exception = None if isinstance(result.exception, SystemExit) else result.exception
    return Run(result.exit_code, result.stdout, result.stderr, exception)


def run_script(args, cwd=None, stdin=None, argv0=None, timeout=120, **kwargs):
    """The installed console script (or another argv0) in a real subprocess."""
    if isinstance(stdin, str):
        stdin = stdin.encode("utf-8")
    proc = subprocess.run([*(argv0 or [str(SCRIPT)]), *[str(a) for a in args]], cwd=cwd,
                          input=stdin, capture_output=True, timeout=timeout, **kwargs)
    return Run(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


def assert_one_line_error(run, *expected, absent=(), code=2):
    """Exactly one 'deadlift-advisor: error: ...' line on stderr, the exit code, no traceback;
    returns the line."""
    assert run.exception is None, f"uncaught {run.exception!r}"
    assert "Traceback" not in run.stderr, run.stderr
    assert run.code == code, (run.code, run.stderr)
    lines = run.stderr.splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got {run.stderr!r}"
    line = lines[0]
    assert line.startswith(PREFIX), line
    for piece in expected:
        assert piece in line, f"{piece!r} not in {line!r}"
    for piece in absent:
        assert piece not in line, f"{piece!r} unexpectedly in {line!r}"
    return line


def temp_files(folder):
    """Temporary files write_atomically may have left behind, anywhere under folder."""
    return sorted(p.name for p in Path(folder).rglob(TMP_GLOB))
