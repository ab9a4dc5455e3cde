"""`deadlift-advisor batch`: one sheet per athlete of a roster, plus summary.csv.

A roster is CSV (header = answer keys, an empty cell = not given) or a YAML/JSON list of answer
mappings. A bad row is reported (row number, athlete, reason) and skipped; the rest are written.
Rows are spread over processes; each process reuses its engine.
"""

import csv
import io
import os
import re
import unicodedata

from . import workers
from .answer_files import InputError, _decode, _parse, _read_bytes

SUMMARY_FIELDS = ("row", "athlete", "file", "variation", "category", "day", "rpe", "status",
                  "error")


def load_roster(path):
    """[(row number, answers)] from a CSV, YAML or JSON roster."""
    raw, name = _read_bytes(path)
    text = _decode(raw, name)
    if path.lower().endswith(".csv"):
        reader = csv.DictReader(io.StringIO(text))
        if not reader.fieldnames:
            raise InputError(f"{name}: no header row — the first row names the answer keys")
        rows = []
        for number, row in enumerate(reader, start=2):  # row 1 is the header
            if None in row:
                raise InputError(f"{name}: row {number} has more cells than the header")
            rows.append((number, {k.strip(): v.strip() for k, v in row.items()
                                  if k and v is not None and v.strip()}))
        return rows
    data = _parse(text, name, path.lower().endswith(".json"))
    if not isinstance(data, list):
        raise InputError(f"{name}: a roster must be a list of answer mappings (or a CSV file)")
    return list(enumerate(data, start=1))


def slug(text):
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def file_names(rows, ext):
    """A safe, unique file name per row: the athlete's name, else the row number."""
    used, names = set(), {}
    for number, answers in rows:
        athlete = answers.get("athlete") if isinstance(answers, dict) else None
        base = slug(athlete) if isinstance(athlete, str) and slug(athlete) else f"row-{number}"
        name, n = base, 2
        while name in used:
            name, n = f"{base}-{n}", n + 1
        used.add(name)
        names[number] = f"{name}.{ext}"
    return names


def _one(job):
    """Advise and render one row; returns the summary row and the bytes to write (or None)."""
    number, answers, fmt, filename = job
    from . import advise
    from .render import render
    from .validation import AnswerError

    athlete = answers.get("athlete", "") if isinstance(answers, dict) else ""
    summary = {"row": number, "athlete": athlete if isinstance(athlete, str) else str(athlete),
               "file": "", "variation": "", "category": "", "day": "", "rpe": "",
               "status": "error", "error": ""}
    try:
        advice = advise(answers)
        body = render(advice, fmt)
    except (AnswerError, InputError) as exc:
        summary["error"] = str(exc)
        return summary, None
    a = advice.to_dict()
    rpe = a["prescription"]["rpe"]
    summary.update(file=filename, variation=a["profile"]["variation"],
                   category=a["classification"]["category"], day=a["placement"]["day"],
                   rpe="-".join(f"{x:g}" for x in rpe) if rpe else "no deadlift", status="ok")
    return summary, body.encode("utf-8") if isinstance(body, str) else body


def run(rows, out_dir, fmt, jobs=None, progress=None, force=False):
    """Write every good row's sheet and summary.csv into out_dir; returns the summary rows."""
    from .answer_files import write_atomically

    os.makedirs(out_dir, exist_ok=True)
    ext = {"txt": "txt", "md": "md", "html": "html", "json": "json", "pdf": "pdf"}[fmt]
    names = file_names(rows, ext)
    jobs_list = [(n, a, fmt, names[n]) for n, a in rows]
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(jobs_list) or 1))
    results = []
    # Rows go to the workers in chunks of at most 32: far fewer messages than one per row, while
    # the progress bar still moves often and both workers stay busy to the end.
    chunk = max(1, min(32, len(jobs_list) // (jobs * 8)))
    with workers.results(_one, jobs_list, jobs, chunksize=chunk) as done:
        for summary, body in done:
            if body is not None:
                write_atomically(os.path.join(out_dir, summary["file"]), body, force=force)
            results.append(summary)
            if progress:
                progress(1)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=SUMMARY_FIELDS)
    writer.writeheader()
    writer.writerows(results)
    write_atomically(os.path.join(out_dir, "summary.csv"), buffer.getvalue(), force=True)
    return results
