"""Every error a user can meet, under one base class that carries what the command line shows.

A leaf module (it imports nothing of the package), so any module can raise these without an
import cycle. ``str(error)`` is the one line to show; ``exit_code`` is the command's exit status;
``prefix`` says whether the line starts with "deadlift-advisor: error: " (a cancelled run says
only "Cancelled."). ``cli.py`` catches :class:`AdvisorError` once.

    AdvisorError
    ├── InputError          a file or option cannot be used (exit 2)
    │   ├── OutputError     an output cannot be written
    │   │   ├── PdfError    the PDF cannot be made (ChromiumMissing, PdfTimeout)
    │   │   └── BatchStopped  a batch stopped before its last row (exit 1)
    │   └── InputEnded      standard input ended while a question was pending
    ├── AnswerError         an answer is unknown, of the wrong type, out of range or missing
    ├── Cancelled           Ctrl-C during the questions (exit 130)
    └── WorkerDied          a worker process stopped before finishing (exit 1)

Ctrl-C elsewhere, SIGTERM and SIGHUP are KeyboardInterrupts (interrupts.py), not errors: every
clean-up must run on them.
"""

class AdvisorError(Exception):
    """A failure the user can act on; str() is the one line to show."""

    exit_code = 2
    prefix = True
    end_prompt = False  # a prompt may be pending: end its line before the message


class InputError(AdvisorError):
    """A file or option the user gave cannot be used."""


class OutputError(InputError):
    """An output cannot be written (a path, a full disk, a browser)."""


class PdfError(OutputError):
    """The PDF could not be made."""


class ChromiumMissing(PdfError):
    """No Chromium-family browser was found."""


class PdfTimeout(PdfError):
    """The browser did not finish the PDF in time (it has been killed, with its helpers)."""


class BatchStopped(OutputError):
    """The batch stopped before its last row (the browser timed out); summary.csv is written.
    ``results`` holds the summary rows."""

    exit_code = 1

    def __init__(self, message, results=()):
        super().__init__(message)
        self.results = list(results)


class InputEnded(InputError):
    """Standard input ended (Ctrl-D, closed pipe) while a question was pending."""

    end_prompt = True

    def __init__(self, message="input ended before all questions were answered — use "
                               "--answers, --set or --no-input"):
        super().__init__(message)


class AnswerError(AdvisorError, ValueError):
    """An answer is unknown, of the wrong type, out of range or missing; the message says which."""


class Cancelled(AdvisorError):
    """The user pressed Ctrl-C during the questions: stop, write nothing."""

    exit_code = 130
    prefix = False
    end_prompt = True

    def __init__(self, message="Cancelled."):
        super().__init__(message)


class WorkerDied(AdvisorError):
    """A worker process stopped before finishing (killed, or out of memory)."""

    exit_code = 1

    def __init__(self, message="a worker process stopped before finishing (killed, or out of "
                               "memory) — run again, or with --jobs 1"):
        super().__init__(message)
