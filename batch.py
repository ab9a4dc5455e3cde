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

Run-level outputs on request: the team summary (team.html and/or team.pdf: one row per athlete,
one printed page for a team of 40) and every sheet in one PDF (roster.pdf). They are written
after summary.csv, so a run that stops before them can be finished with --skip-existing, which
keeps the sheets already there (status "kept") and writes the rest and the run-level files anew.
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

# New columns go at the end: scripts that read the older ones by position keep working.
SUMMARY_FIELDS = ("row", "athlete", "file", "variation", "category", "day", "rpe", "status",
                  "error", "sets_reps", "top_load", "loads")
TEMP_PREFIX = ".deadlift-advisor-batch-"
SUMMARY_NAME = "summary.csv"
COMBINED_NAME = "roster.pdf"
TEAM_FORMATS = ("html", "pdf")
# roster.pdf is one document printed in one go: about 0.13 s and 70 KB a sheet here, so 200
# sheets stay well inside the browser's time limit and pdf.MAX_PDF_BYTES.
MAX_COMBINED = 200
# A name with one of these endings is a file the user meant, not a folder for the sheets.
FILE_ENDINGS = (".csv", ".tsv", ".pdf", ".html", ".htm", ".json", ".txt", ".md", ".yaml",
                ".yml", ".xlsx", ".xls", ".ods")


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
    """A safe, unique file name per row: the athlete's name, else the row number; never one of
    the run's own files (RESERVED)."""
    used, names = {n.removesuffix(f".{ext}") for n in RESERVED if n.endswith(f".{ext}")}, {}
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
    """Advise and render one row; returns the summary row, the bytes to write (or None) and
    what the run-level outputs need of it (or None). Never raises: a failure is the row's
    error. A kept row (--skip-existing, its sheet already there) is advised, for its summary,
    but its sheet is not rendered again."""
    number, answers, fmt, filename, keep, want_html = job
    summary = {**dict.fromkeys(SUMMARY_FIELDS, ""), "row": number,
               "athlete": athlete_of(answers), "status": "error"}
    if isinstance(answers, RowError):
        summary["error"] = str(answers)
        return summary, None, None
    if _STOP and not keep:
        summary.update(status="skipped", error=_STOP["why"])
        return summary, None, None
    from .api import advise
    from .render import render

    try:
        advice = advise(answers)  # a non-text athlete is an AnswerError here, never str()-ed
        body = None if keep else _sheet(advice, fmt)
        html = None
        if want_html:  # roster.pdf: every sheet as html, printed in one go
            html = body if fmt == "html" and body is not None else render(advice, "html")
    except PdfTimeout as exc:
        _STOP["why"] = "not tried: the browser timed out on an earlier row"
        summary.update(error=str(exc), stop=True)
        return summary, None, None
    except AdvisorError as exc:
        summary["error"] = str(exc)
        return summary, None, None
    except Exception as exc:  # a defect: that row's error, never the whole batch's
        summary["error"] = (f"this row could not be advised ({type(exc).__name__}) — please "
                            f"report it with the row's answers")
        return summary, None, None
    a = advice.to_dict()
    summary.update(file=filename, variation=a["profile"]["variation"],
                   category=a["classification"]["category"], day=a["placement"]["day"],
                   status="kept" if keep else "ok", **plan_columns(a["prescription"]))
    extra = {"team": team_facts(a), "html": html}
    return summary, body.encode("utf-8") if isinstance(body, str) else body, extra


def _sheet(advice, fmt):
    """The row's sheet; a PDF through this process's persistent browser (pdf.print_sheet)."""
    from .render import render

    if fmt != "pdf":
        return render(advice, fmt)
    from .pdf import paper_for, print_sheet

    return print_sheet(render(advice, "html"), paper_for(advice.profile))


def _span(pair):
    lo, hi = (f"{x:g}" for x in pair)
    return lo if lo == hi else f"{lo}-{hi}"


def plan_columns(rx):
    """summary.csv's columns of the prescription: RPE, sets x reps, the heaviest set and every
    set as WEIGHT UNITS x REPS @ RPE (the notation of a roster's recent_set)."""
    if not rx["perform"]:
        return {"rpe": "no deadlift", "sets_reps": "no deadlift", "top_load": "", "loads": ""}
    loads = rx.get("loads") or []
    units = rx.get("units", "")
    top = max((s["weight"] for s in loads), default=None)
    return {"rpe": "-".join(f"{x:g}" for x in rx["rpe"]),
            "sets_reps": f"{_span(rx['sets'])} x {_span(rx['reps'])}",
            "top_load": f"{top:g} {units}" if top is not None else "",
            "loads": "; ".join(f"{s['weight']:g} {units} x {s['reps']} @ {s['rpe']:g}"
                               + (" (optional)" if s.get("optional") else "") for s in loads)}


def team_facts(a):
    """What the team summary shows of one athlete's advice (a, the advice as a dict). When the
    injury rules the lift out and the advice names another to do instead, that one's plan is
    shown (the sheet gives it too); the warnings in the advice's order, most urgent first."""
    from .pdf import paper_for

    alt = a.get("alternative")
    instead = alt if alt and not a["prescription"]["perform"] else None
    rx = (instead or a)["prescription"]
    loads = rx.get("loads") or []
    schedule = a.get("schedule") or {}
    return {"variation": a["profile"]["variation"],
            "instead": instead["variation"] if instead else None,
            "category": (instead or a["classification"])["category"],
            "day": (instead or a)["placement"]["day"],
            "weekday": None if instead else schedule.get("deadlift_day"),
            "perform": bool(rx["perform"]), "sets": rx["sets"], "reps": rx["reps"],
            "rpe": rx["rpe"], "load_capped": bool(rx.get("load_capped")),
            "top_load": max((s["weight"] for s in loads), default=None),
            "units": rx.get("units") or a["profile"].get("units", "kg"),
            "warnings": [w["id"] for w in a["warnings"]],
            "paper": paper_for(a["profile"])}


EXTENSIONS = {"txt": "txt", "md": "md", "html": "html", "json": "json", "pdf": "pdf"}


def run(rows, out_dir, fmt, jobs=None, progress=None, force=False, *, skip_existing=False,
        combined=False, team=(), source=None):
    """Write every good row's sheet and summary.csv into out_dir, then the run-level outputs
    asked for (``team``: some of TEAM_FORMATS; ``combined``: roster.pdf); returns the summary
    rows. ``source`` names the roster on the team page and in roster.pdf's title.
    Raises InputError before anything is written if a target cannot be written, and
    BatchStopped (after summary.csv) if the browser timed out on a sheet or a run-level output
    could not be made."""
    from .answer_files import check_target, write_atomically

    if force and skip_existing:
        raise InputError("--force replaces the sheets that are already there and "
                         "--skip-existing keeps them — give one of the two")
    team = tuple(team)
    unknown = [f for f in team if f not in TEAM_FORMATS]
    if unknown:
        raise InputError(f"team summary format {unknown[0]!r}: use html or pdf")
    if combined and len(rows) > MAX_COMBINED:
        raise InputError(f"roster.pdf holds at most {MAX_COMBINED} athletes (this roster has "
                         f"{len(rows):,} rows): split the roster, or leave out --combined")
    _make_folder(out_dir)
    names = file_names(rows, EXTENSIONS[fmt])
    summary_path = os.path.join(out_dir, SUMMARY_NAME)
    extras = run_outputs(out_dir, combined, team)
    with folder_lock(out_dir):
        _remove_leftovers(out_dir)
        sheets = {n: os.path.join(out_dir, names[n]) for n, _ in rows}
        run_files = [summary_path, *extras.values()]
        keep = set()
        if skip_existing:
            # Sheets already there are left as they are (a regular file, or one line); the
            # run-level files describe the whole roster, so they are written anew.
            keep = {n for n, path in sheets.items() if os.path.lexists(path)}
            for n, path in sheets.items():
                check_target(path, n in keep)
            for path in run_files:
                check_target(path, True)
        else:
            targets = [*sheets.values(), *run_files]
            if not force:
                there = [t for t in targets if os.path.lexists(t)]
                if there:
                    more = f" (and {len(there) - 1} more)" if len(there) > 1 else ""
                    raise InputError(f"'{os.path.basename(there[0])}'{more} already exists in "
                                     f"'{out_dir}' from an earlier run — use --force to "
                                     f"replace them, --skip-existing to keep them and write "
                                     f"the rest, or give another folder")
            for target in targets:
                check_target(target, force)
        if fmt == "pdf" or combined or "pdf" in team:
            from .pdf import find_chromium

            find_chromium()  # no browser: one line now, not one error per row
        results, extra, stopped = _write_sheets(rows, names, out_dir, fmt, jobs, progress,
                                                force, keep, combined, write_atomically)
        write_atomically(summary_path, summary_csv(results), force=True,
                         temp_prefix=TEMP_PREFIX)
        if not stopped:
            _write_run_outputs(extras, results, extra, source, write_atomically)
    if stopped:
        left = sum(r["status"] == "skipped" for r in results)
        unmade = (f"; {', '.join(extras)} not made: finish with --skip-existing"
                  if extras else "")
        raise BatchStopped(f"{stopped} — the batch stopped: {left} row"
                           f"{'s' if left != 1 else ''} not tried (see {summary_path})"
                           f"{unmade}", results)
    return results


def run_outputs(out_dir, combined=False, team=()):
    """{file name: path} of the run-level outputs asked for, in the order they are written
    (after summary.csv)."""
    names = [f"team.{ext}" for ext in TEAM_FORMATS if ext in team]
    names += [COMBINED_NAME] if combined else []
    return {name: os.path.join(out_dir, name) for name in names}


# Names no sheet gets, whatever the athlete is called (a sheet of "Team" is team-2.html), so a
# later run that adds the team summary or roster.pdf never meets a sheet of the same name.
RESERVED = frozenset({SUMMARY_NAME, COMBINED_NAME, *(f"team.{ext}" for ext in TEAM_FORMATS)})


def _write_sheets(rows, names, out_dir, fmt, jobs, progress, force, keep, combined, write):
    jobs_list = [(n, a, fmt, names[n], n in keep, combined) for n, a in rows]
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(jobs_list) or 1))
    results, extra, stopped = [], {}, None
    # Rows go to the workers in chunks of at most 32: far fewer messages than one per row, while
    # the progress bar still moves often and both workers stay busy to the end.
    chunk = max(1, min(32, len(jobs_list) // (jobs * 8)))
    with workers.results(_one, jobs_list, jobs, chunksize=chunk) as done:
        for summary, body, facts in done:
            if summary.pop("stop", False) and not stopped:
                stopped = summary["error"]
            if body is not None:
                write(os.path.join(out_dir, summary["file"]), body, force=force,
                      temp_prefix=TEMP_PREFIX)
            if facts is not None:
                extra[summary["row"]] = facts
            results.append(summary)
            if progress:
                progress(1)
            if stopped:
                break
    reached = {r["row"] for r in results}
    for number, answers in rows:  # after a stop: the rows never reached
        if number not in reached:
            kept = number in keep
            results.append({**dict.fromkeys(SUMMARY_FIELDS, ""), "row": number,
                            "athlete": athlete_of(answers),
                            "file": names[number] if kept else "",
                            "status": "kept" if kept else "skipped",
                            "error": "" if kept else
                            "not tried: the browser timed out on an earlier row"})
    _STOP.clear()  # with --jobs 1 the rows ran in this process
    if fmt == "pdf" and jobs == 1:
        from .pdf import close_printer

        close_printer()  # and so did their browser
    return results, extra, stopped


def _write_run_outputs(extras, results, extra, source, write):
    """team.html, team.pdf and roster.pdf, as asked; a failure stops the batch (the sheets and
    summary.csv are written, so --skip-existing finishes it)."""
    if not extras:
        return
    from . import pdf

    paper = roster_paper(extra)
    page = None
    for name, path in extras.items():
        try:
            if name.startswith("team."):
                page = page or team_html(results, extra, source)
                body = page if name.endswith(".html") else pdf.html_to_pdf(page, paper=paper)
            else:
                sheets = [extra[r["row"]]["html"] for r in results if r["row"] in extra]
                if not sheets:
                    continue  # no athlete has a sheet: nothing to print
                body = pdf.html_to_pdf(combined_html(sheets, source), paper=paper)
            write(path, body, force=True, temp_prefix=TEMP_PREFIX)
        except AdvisorError as exc:
            raise BatchStopped(f"{name} could not be made: {exc} (the sheets and summary.csv are "
                               f"written: run the same command with --skip-existing to finish)",
                               results) from None


def roster_paper(extra):
    """One paper for a run-level PDF: the one most athletes' own sheets get (pdf.paper_for:
    Letter for pounds), A4 on a tie."""
    papers = [facts["team"]["paper"] for facts in extra.values()]
    letter = sum(p == "Letter" for p in papers)
    return "Letter" if letter > len(papers) - letter else "A4"


# --- the team summary --------------------------------------------------------------------------

WARNINGS_SHOWN = 1  # by name in a row, the most urgent; the others are counted ("+3")
# The printed type size: a team of up to TEAM_ROWS["regular"] athletes gets the regular size
# (8.4 pt), one of up to TEAM_ROWS["compact"] the compact one (7 pt), both on one page; a bigger
# team the regular size over more pages. By the count of rows alone, as the template keeps
# every row to two lines at most. Chromium fits 28 and 42 rows of two lines each on A4 and on
# Letter; tests/test_team.py prints these limits with every row two lines high.
TEAM_ROWS = {"regular": 26, "compact": 40}


def team_context(results, extra, source=None, generated=None):
    """What templates/team.html.j2 shows: one row per roster row in roster order, each with the
    plan (team_facts) or why it has none, and the type size for the page."""
    import datetime

    from .version import __version__

    rows = []
    for r in results:
        facts = extra.get(r["row"])
        if facts is not None:
            f = facts["team"]
            shown = f["warnings"][:WARNINGS_SHOWN]
            rows.append({**f, "row": r["row"], "athlete": r["athlete"], "status": "planned",
                         "warnings": shown, "more": len(f["warnings"]) - len(shown)})
        else:
            rows.append({"row": r["row"], "athlete": r["athlete"], "error": r["error"],
                         "status": "failed" if r["status"] == "error" else "not_tried"})
    counts = {"athletes": len(rows)}
    for status in ("planned", "failed", "not_tried"):
        counts[status] = sum(row["status"] == status for row in rows)
    size = ("compact" if TEAM_ROWS["regular"] < len(rows) <= TEAM_ROWS["compact"]
            else "regular")
    return {"source": source, "generated": generated or datetime.date.today().isoformat(),
            "version": __version__, "counts": counts, "size": size, "rows": rows}


def team_html(results, extra, source=None, generated=None):
    """The team page (``generated``: the date it shows, default today); printed for team.pdf."""
    from .render import environment

    text = environment().get_template("team.html.j2").render(
        t=team_context(results, extra, source, generated))
    return text if text.endswith("\n") else text + "\n"


# --- roster.pdf: every sheet in one document ---------------------------------------------------

_SHEET_CLASS = re.compile(r"<html\b[^>]*\bclass=\"([^\"]*)\"")
_BODY = re.compile(r"<body\b[^>]*>(.*)</body>", re.S)
_STYLE = re.compile(r"<style>(.*?)</style>", re.S)
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_RULE = re.compile(r"([^{};]+)\{([^{}]*)\}")  # selectors { declarations }, inside @media too
_ROOT_CLASS = re.compile(r"html((?:\.[\w-]+)+)(\s+body(?![\w-]))?(.*)", re.S)
_FONT_SIZE = re.compile(r"(?<![\w-])font-size:\s*([\d.]+)pt\s*;?")


def combined_html(sheets, source=None):
    """The sheets (complete html pages of templates/sheet.html.j2) as one document that prints
    each as it prints alone, each from a new page.

    One document has one root and one body, and a sheet's type size is a class on its root. So
    each sheet goes in an element that stands for both, with that class: the rules for
    html.CLASS and for html.CLASS body become rules for it, and so do those for body (their
    values computed there, with the class's custom properties). A root font size set for a
    class (every rem follows it) is taken out of its rule and given as CSS zoom instead: that
    size over the document's root size, in print. tests/test_team.py holds every page of
    roster.pdf to the same sheet printed alone, word by word, in every type size."""
    from .render import environment

    sizes, rules = {}, []
    for css in dict.fromkeys(s for page in sheets for s in _STYLE.findall(page)):
        css = _COMMENT.sub("", css)
        cut = css.find("@media print")
        cut = len(css) if cut < 0 else cut
        rules.append(_sheet_rules(css[:cut], {}) + _sheet_rules(css[cut:], sizes))
    root = sizes.pop("", None)
    parts = []
    for page in sheets:
        found = _SHEET_CLASS.search(page)
        classes = found.group(1) if found else ""
        size = next((sizes[c] for c in classes.split() if c in sizes), None)
        zoom = size / root if root and size else 1
        parts.append(f'<div class="roster-sheet {classes}" style="zoom: {zoom:.6g}">\n'
                     f'{_BODY.search(page).group(1)}</div>\n')
    title = environment().get_template("team.html.j2").module.roster_title(source)
    styles = "".join(f"<style>{css}</style>\n" for css in rules)
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{title}</title>\n{styles}"
            "<style>.roster-sheet + .roster-sheet { break-before: page; }</style>\n"
            f"</head>\n<body>\n{''.join(parts)}</body>\n</html>\n")


def _sheet_rules(css, sizes):
    """css with its root and body rules made rules for .roster-sheet (combined_html); the root
    font sizes it sets go into sizes: {class: pt}, the document's own under ""."""

    def rule(match):
        selectors, root_classes = [], []
        for selector in (s.strip() for s in match[1].split(",")):
            found = _ROOT_CLASS.fullmatch(selector)
            if found:  # html.CLASS [body] [the rest]
                selectors.append(f".roster-sheet{found[1]}{found[3]}")
                if not found[2] and not found[3].strip():
                    root_classes.append(found[1].split(".")[1])
            elif selector == "body":
                selectors += ["body", ".roster-sheet"]
            else:
                selectors.append(selector)
                if selector == "html":
                    root_classes.append("")
        body = match[2]
        size = _FONT_SIZE.search(body)
        if size and root_classes and len(root_classes) == len(selectors):
            sizes.update(dict.fromkeys(root_classes, float(size[1])))
            if root_classes != [""]:  # the document keeps its own root size
                body = _FONT_SIZE.sub("", body)
        lead = match[1][:len(match[1]) - len(match[1].lstrip())]
        return f"{lead}{', '.join(selectors)} {{{body}}}"

    return _RULE.sub(rule, css)


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
    # -o out.csv is a slip (the summary is wanted), not a folder to make; out.csv/ is a folder.
    stem, ending = os.path.splitext(out_dir)
    if (ending.lower() in FILE_ENDINGS and not out_dir.endswith(("/", os.sep))
            and not os.path.isdir(out_dir)):
        raise InputError(f"'{out_dir}' looks like a file name ({ending}), but the batch writes a "
                         f"folder of sheets with {SUMMARY_NAME} in it — give a folder, e.g. "
                         f"'{stem}', or create the folder '{out_dir}' first to use that name")
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
