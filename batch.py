"""`deadlift-advisor batch`: one sheet per athlete of a roster, plus summary.csv.

A roster is CSV (header = answer keys, an empty cell = not given) or a YAML/JSON list of answer
mappings. A bad row is reported (row number, athlete, reason) and skipped; the rest are written:
whatever goes wrong while one row is advised or rendered is that row's error. Rows are spread
over processes; each process reuses its engine.

Before the first sheet is written, every file the run will write is checked (nothing there, or
with --force a regular file), so a run never stops half-way over an earlier run's files; and the
folder is locked, so a second batch into it is refused while the first runs. If the browser times
out on a PDF, the batch stops (a hung browser would cost the timeout on every row): the rows not
reached are listed in summary.csv as skipped.
"""

import contextlib
import csv
import io
import os
import re
import unicodedata

from . import workers
from .answer_files import (MAX_ROSTER_BYTES, MAX_ROSTER_VALUES, MAX_VALUES, _decode, _parse,
                           _read_bytes, check_shape)
from .errors import AdvisorError, BatchStopped, InputError, PdfTimeout

SUMMARY_FIELDS = ("row", "athlete", "file", "variation", "category", "day", "rpe", "status",
                  "error")
TEMP_PREFIX = ".deadlift-advisor-batch-"


def load_roster(path):
    """[(row number, answers)] from a CSV, YAML or JSON roster. A row too big or too deeply
    nested is kept, as an error of its own (reported with its number, never expanded)."""
    raw, name = _read_bytes(path, MAX_ROSTER_BYTES, what="roster")
    text = _decode(raw, name)
    if path.lower().endswith(".csv"):
        return _csv_rows(text, name)
    data = _parse(text, name, path.lower().endswith(".json"))
    if not isinstance(data, list):
        raise InputError(f"{name}: a roster must be a list of answer mappings (or a CSV file)")
    rows, total = [], 0
    for number, answers in enumerate(data, start=1):
        try:
            total += check_shape(answers, f"row {number}", MAX_VALUES)
        except InputError as exc:
            answers = RowError(str(exc).removeprefix(f"row {number}: "))
        if total > MAX_ROSTER_VALUES:
            raise InputError(f"{name}: more than {MAX_ROSTER_VALUES:,} values in all (YAML aliases "
                             f"count each time they are used) — split the roster")
        rows.append((number, answers))
    return rows


class RowError(str):
    """A roster row that could not be read as answers; the text says why."""


def _csv_rows(text, name):
    # Universal newlines: old spreadsheet exports end lines with a bare CR.
    reader = csv.DictReader(io.StringIO(text, newline=None))
    number = 1
    try:
        if not reader.fieldnames:
            raise InputError(f"{name}: no header row — the first row names the answer keys")
        rows = []
        for number, row in enumerate(reader, start=2):  # row 1 is the header
            if None in row:
                raise InputError(f"{name}: row {number} has more cells than the header")
            rows.append((number, {k.strip(): v.strip() for k, v in row.items()
                                  if k and v is not None and v.strip()}))
        return rows
    except csv.Error as exc:
        line = reader.line_num or number
        raise InputError(f"{name}: cannot read the CSV near line {line}: {exc} — save it again "
                         f"from a spreadsheet as CSV (UTF-8)") from None


def slug(text):
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def athlete_of(answers):
    """The row's athlete name, or "" (a row that is not a mapping, a name that is not text:
    never str()-ed, which could expand a YAML alias bomb)."""
    athlete = answers.get("athlete", "") if isinstance(answers, dict) else ""
    return athlete if isinstance(athlete, str) else ""


def file_names(rows, ext):
    """A safe, unique file name per row: the athlete's name, else the row number."""
    used, names = set(), {}
    for number, answers in rows:
        base = slug(athlete_of(answers)) or f"row-{number}"
        name, n = base, 2
        while name in used:
            name, n = f"{base}-{n}", n + 1
        used.add(name)
        names[number] = f"{name}.{ext}"
    return names


_STOP = {}  # in each worker: set after a browser timeout, so its later rows are not tried


def _one(job):
    """Advise and render one row; returns the summary row and the bytes to write (or None).
    Never raises: a failure is the row's error."""
    number, answers, fmt, filename = job
    summary = {"row": number, "athlete": athlete_of(answers),
               "file": "", "variation": "", "category": "", "day": "", "rpe": "",
               "status": "error", "error": ""}
    if isinstance(answers, RowError):
        summary["error"] = str(answers)
        return summary, None
    if _STOP:
        summary.update(status="skipped", error=_STOP["why"])
        return summary, None
    from .api import advise
    from .render import render

    try:
        advice = advise(answers)  # a non-text athlete is an AnswerError here, never str()-ed
        body = render(advice, fmt)
    except PdfTimeout as exc:
        _STOP["why"] = "not tried: the browser timed out on an earlier row"
        summary.update(error=str(exc), stop=True)
        return summary, None
    except AdvisorError as exc:
        summary["error"] = str(exc)
        return summary, None
    except Exception as exc:  # a defect: that row's error, never the whole batch's
        summary["error"] = (f"this row could not be advised ({type(exc).__name__}) — please "
                            f"report it with the row's answers")
        return summary, None
    a = advice.to_dict()
    rpe = a["prescription"]["rpe"]
    summary.update(file=filename, variation=a["profile"]["variation"],
                   category=a["classification"]["category"], day=a["placement"]["day"],
                   rpe="-".join(f"{x:g}" for x in rpe) if rpe else "no deadlift", status="ok")
    return summary, body.encode("utf-8") if isinstance(body, str) else body


EXTENSIONS = {"txt": "txt", "md": "md", "html": "html", "json": "json", "pdf": "pdf"}


def run(rows, out_dir, fmt, jobs=None, progress=None, force=False):
    """Write every good row's sheet and summary.csv into out_dir; returns the summary rows.
    Raises InputError before anything is written if a target cannot be written, and
    BatchStopped (after summary.csv) if the browser timed out."""
    from .answer_files import check_target, write_atomically

    _make_folder(out_dir)
    names = file_names(rows, EXTENSIONS[fmt])
    summary_path = os.path.join(out_dir, "summary.csv")
    with folder_lock(out_dir):
        _remove_leftovers(out_dir)
        targets = [os.path.join(out_dir, names[n]) for n, _ in rows] + [summary_path]
        if not force:
            there = [t for t in targets if os.path.lexists(t)]
            if there:
                more = f" (and {len(there) - 1} more)" if len(there) > 1 else ""
                raise InputError(f"'{os.path.basename(there[0])}'{more} already exists in "
                                 f"'{out_dir}' from an earlier run — use --force to replace "
                                 f"them, or give another folder")
        for target in targets:
            check_target(target, force)
        if fmt == "pdf":
            from .pdf import find_chromium

            find_chromium()  # no browser: one line now, not one error per row
        results, stopped = _write_sheets(rows, names, out_dir, fmt, jobs, progress, force,
                                         write_atomically)
        write_atomically(summary_path, summary_csv(results), force=True,
                         temp_prefix=TEMP_PREFIX)
    if stopped:
        left = sum(r["status"] == "skipped" for r in results)
        raise BatchStopped(f"{stopped} — the batch stopped: {left} row"
                           f"{'s' if left != 1 else ''} not tried (see {summary_path})", results)
    return results


def _write_sheets(rows, names, out_dir, fmt, jobs, progress, force, write):
    jobs_list = [(n, a, fmt, names[n]) for n, a in rows]
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(jobs_list) or 1))
    results, stopped = [], None
    # Rows go to the workers in chunks of at most 32: far fewer messages than one per row, while
    # the progress bar still moves often and both workers stay busy to the end.
    chunk = max(1, min(32, len(jobs_list) // (jobs * 8)))
    with workers.results(_one, jobs_list, jobs, chunksize=chunk) as done:
        for summary, body in done:
            if summary.pop("stop", False) and not stopped:
                stopped = summary["error"]
            if body is not None:
                write(os.path.join(out_dir, summary["file"]), body, force=force,
                      temp_prefix=TEMP_PREFIX)
            results.append(summary)
            if progress:
                progress(1)
            if stopped:
                break
    reached = {r["row"] for r in results}
    for number, answers in rows:  # after a stop: the rows never reached
        if number not in reached:
            results.append({**dict.fromkeys(SUMMARY_FIELDS, ""), "row": number,
                            "athlete": athlete_of(answers),
                            "status": "skipped",
                            "error": "not tried: the browser timed out on an earlier row"})
    _STOP.clear()  # with --jobs 1 the rows ran in this process
    return results, stopped


# A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV injection").
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """A summary cell that a spreadsheet shows as text: formulas are quoted with a leading
    apostrophe, and characters that move a terminal's cursor are escaped."""
    from .quoting import printable

    if not isinstance(value, str):
        return value
    value = printable(value)
    return f"'{value}" if value.startswith(_FORMULA) else value


def summary_csv(results):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=SUMMARY_FIELDS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows({k: csv_cell(v) for k, v in r.items()} for r in results)
    return buffer.getvalue()


def _make_folder(out_dir):
    if not out_dir:
        raise InputError("the output folder is empty — give a folder for the sheets")
    if os.path.islink(out_dir) and not os.path.isdir(out_dir):
        raise InputError(f"'{out_dir}' is a symbolic link to nothing — give a folder for the "
                         f"sheets")
    if os.path.lexists(out_dir) and not os.path.isdir(out_dir):
        raise InputError(f"'{out_dir}' is a file — give a folder for the sheets")
    try:
        os.makedirs(out_dir, exist_ok=True)
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot create the folder '{out_dir}': "
                         f"{getattr(exc, 'strerror', None) or exc}") from None


@contextlib.contextmanager
def folder_lock(out_dir):
    """Hold an exclusive lock on the output folder itself for the run: nothing is added to the
    folder, and the kernel releases it if the process dies (no stale lock after a kill)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: no lock, as before
        yield
        return
    try:
        fd = os.open(out_dir, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as exc:
        raise InputError(f"cannot open the folder '{out_dir}': {exc.strerror or exc}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise InputError(f"another batch is writing into '{out_dir}' — wait for it to "
                             f"finish, or give another folder") from None
        except OSError:
            pass  # a file system without locks: carry on unlocked
        yield
    finally:
        os.close(fd)


def _remove_leftovers(out_dir):
    """Temporary files an interrupted batch left (only a batch's own, under the lock)."""
    with os.scandir(out_dir) as entries:
        for entry in entries:
            if entry.name.startswith(TEMP_PREFIX) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
