"""A coach's outputs of `deadlift-advisor batch` (issue 14, part 3): the team summary
(team.html / team.pdf), every sheet in one PDF (roster.pdf), the plan columns of summary.csv,
--skip-existing to finish a run that stopped, and -o refusing a file name.

The PDFs are printed by the real headless Chromium and read back with poppler: ``pdfinfo`` for
the page count and size, ``pdftotext -bbox`` for every word's box. Type "never under 7 pt" is
held to a reference: the same fonts set at exactly 7 pt, printed by the same browser, give the
smallest word height allowed (a word's box is taller than its font size, by the font's ascent
and descent). Skipped, with the reason, when chromium or poppler is missing (CI installs both).
"""

import ast
import csv
import functools
import html.parser
import itertools
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from jinja2 import nodes

import deadlift_advisor
from deadlift_advisor import batch, pdf
from deadlift_advisor.kb import VARIATIONS, enumerated_space
from deadlift_advisor import render as render_module
from deadlift_advisor.render import DENSITIES, environment, render
from helpers import SCRIPT, assert_one_line_error, run_inproc, run_script, temp_files

REPO = Path(__file__).resolve().parents[1]
ROSTER = REPO / "examples" / "roster.csv"
DATE = "2024-06-01"
OLD_COLUMNS = ["row", "athlete", "file", "variation", "category", "day", "rpe", "status", "error"]
HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)> O'Brien & \"Co\""
# 80 characters (the most an athlete's name may have) of the widest capitals.
LONG_NAME = ("WMWMWMWMWM " * 8)[:80]
PAPERS = [("A4", "A4"), ("Letter", "letter")]


# --- reading what was written --------------------------------------------------------------------

def read_summary(folder):
    with open(Path(folder) / "summary.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)


class TeamPage(html.parser.HTMLParser):
    """The team page as a reader sees it: the body rows (class, data-row, each cell's text),
    the column heads, the title, and every element name used."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.rows, self.heads, self.tags, self.title, self.h1 = [], [], [], "", ""
        self._where, self._cell, self._row = [], None, None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._where.append(tag)
        if tag == "tr" and "tbody" in self._where:
            self._row = {"attrs": dict(attrs), "cells": []}
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            text = " ".join("".join(self._cell).split())
            if self._row is not None:
                self._row["cells"].append(text)
            elif "thead" in self._where:
                self.heads.append(text)
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None
        while self._where and self._where.pop() != tag:
            pass

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        elif self._where and self._where[-1] == "title":
            self.title += data
        elif "h1" in self._where:
            self.h1 += data


def team_page(folder):
    return TeamPage((Path(folder) / "team.html").read_text(encoding="utf-8"))


def cells(row):
    """A planned row's cells by column (Row, Athlete, Variation, Category, Day, Sets x reps,
    RPE, Top load, Warnings); a row with no deadlift has one cell for the three of the plan."""
    c = row["cells"]
    if len(c) == 7:
        c = c[:5] + [c[5]] * 3 + c[6:]
    return dict(zip(["row", "athlete", "variation", "category", "day", "sets_reps", "rpe",
                     "top_load", "warnings"], c, strict=True))


def span(pair):
    """The sheet's own ranges: 3–5, or 3 when both ends agree."""
    lo, hi = (f"{x:g}" for x in pair)
    return lo if lo == hi else f"{lo}–{hi}"


# --- printing and reading PDFs -------------------------------------------------------------------

def needs_print():
    try:
        pdf.find_chromium()
    except pdf.ChromiumMissing as exc:
        pytest.skip(f"no Chromium: {exc}")
    for tool in ("pdfinfo", "pdftotext"):
        if not shutil.which(tool):
            pytest.skip(f"{tool} (poppler-utils) is not installed")


def pdfinfo(path):
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                         check=True).stdout
    info = dict(line.split(":", 1) for line in out.splitlines() if ":" in line)
    return int(info["Pages"]), info["Page size"].strip(), info.get("Title", "").strip()


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                   r"([^<]*)</word>")


def words(path):
    """Every page's words as (text, x, y, height), from pdftotext -bbox."""
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    pages = out.split("<page ")[1:]
    return [[(html.unescape(text), float(x0), float(y0), float(y1) - float(y0))
             for x0, y0, _, y1, text in _WORD.findall(page)] for page in pages]


def page_text(page):
    return " ".join(w[0] for w in page)


@functools.cache
def seven_point_height():
    """The box height pdftotext gives a word set at exactly 7 pt in the team page's and the
    sheet's fonts (regular and bold): the smallest any printed word may have."""
    stack = ('"Helvetica Neue", Helvetica, Arial, "Liberation Sans", "Nimbus Sans", '
             '"DejaVu Sans", sans-serif')
    page = (f'<!DOCTYPE html><html><head><meta charset="utf-8">'
            f"<style>body {{ font-family: {stack}; font-size: 7pt; }}</style></head>"
            f"<body><p>Reference Wg</p><p><b>Reference Wg</b></p></body></html>")
    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"seven-point-{os.getpid()}.pdf"
    path.write_bytes(pdf.html_to_pdf(page, paper="A4"))
    try:
        return min(w[3] for w in words(path)[0])
    finally:
        path.unlink()


def assert_never_under_7pt(path):
    floor = seven_point_height() - 0.01
    for number, page in enumerate(words(path), start=1):
        small = [w for w in page if w[3] < floor]
        assert not small, f"page {number}: words under 7 pt: {small[:5]}"


# --- summary.csv: the plan columns ---------------------------------------------------------------

def test_summary_csv_gains_the_plan_columns_at_the_end(tmp_path):
    out = tmp_path / "out"
    assert run_inproc(["batch", ROSTER, "-o", out, "--format", "json"]).code == 1
    with open(out / "summary.csv", encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    assert header == OLD_COLUMNS + ["sets_reps", "top_load", "loads"]
    rows = read_summary(out)
    checked = 0
    for r in rows:
        if r["status"] != "ok":
            assert (r["sets_reps"], r["top_load"], r["loads"]) == ("", "", "")
            continue
        rx = json.loads((out / r["file"]).read_text(encoding="utf-8"))["prescription"]
        if not rx["perform"]:
            assert (r["rpe"], r["sets_reps"], r["top_load"], r["loads"]) == (
                "no deadlift", "no deadlift", "", "")
            continue
        lo_s, hi_s = rx["sets"]
        lo_r, hi_r = rx["reps"]
        expected = f"{lo_s}{'' if lo_s == hi_s else f'-{hi_s}'} x {lo_r}" \
                   f"{'' if lo_r == hi_r else f'-{hi_r}'}"
        assert r["sets_reps"] == expected
        sets = r["loads"].split("; ") if r["loads"] else []
        assert len(sets) == len(rx["loads"])
        for text, s in zip(sets, rx["loads"], strict=True):
            assert text.startswith(f"{s['weight']:g} {rx['units']} x {s['reps']} @ {s['rpe']:g}")
        if rx["loads"]:
            top = max(s["weight"] for s in rx["loads"])
            assert r["top_load"] == f"{top:g} {rx['units']}"
            checked += 1
        else:
            assert r["top_load"] == ""
    assert checked >= 3  # the example roster gives weights to Ana, Ben and Dev


def test_the_plan_columns_keep_the_formula_guard(tmp_path):
    roster = tmp_path / "r.json"
    roster.write_text(json.dumps([{"athlete": "=HYPERLINK(\"http://x\")", "variation": "sumo",
                                   "goal": "strength", "experience": "novice",
                                   "recent_set": "100x5@8"}]), encoding="utf-8")
    out = tmp_path / "out"
    assert run_inproc(["batch", roster, "-o", out, "--format", "txt"]).code == 0
    (row,) = read_summary(out)
    assert row["athlete"].startswith("'=")
    assert row["top_load"].endswith(" kg") and row["loads"]
    assert all(batch.csv_cell(v) == v for k, v in row.items() if k != "athlete")


# --- the team page: rows, words, escaping --------------------------------------------------------

def test_team_html_has_one_row_per_roster_row_saying_what_the_sheets_say(tmp_path):
    out = tmp_path / "out"
    run = run_inproc(["batch", ROSTER, "-o", out, "--format", "json", "--team-summary", "html"])
    assert run.code == 1  # rows 6 and 9 of the example roster are broken on purpose
    assert f"team summary: {out / 'team.html'}" in run.stdout
    assert not (out / "team.pdf").exists()
    page = team_page(out)
    summary = read_summary(out)
    assert [int(r["attrs"]["data-row"]) for r in page.rows] == [int(s["row"]) for s in summary]
    assert page.heads == ["Row", "Athlete", "Variation", "Category", "Day", "Sets × reps", "RPE",
                          "Top load", "Warnings"]
    assert "roster.csv" in page.title and "roster.csv" in page.h1
    for row, s in zip(page.rows, summary, strict=True):
        if s["status"] == "error":
            assert row["attrs"]["class"] == "failed"
            assert row["cells"][:2] == [s["row"], s["athlete"]]
            assert row["cells"][2] == f"Failed: {s['error']}"
            continue
        c = cells(row)
        a = json.loads((out / s["file"]).read_text(encoding="utf-8"))
        rx = a["prescription"]
        alt = a.get("alternative") if not rx["perform"] else None
        assert c["athlete"] == a["profile"]["athlete"]
        if alt:  # the injury rules the lift out: the plan is the one to do instead
            rx = alt["prescription"]
            assert c["variation"].endswith(f"instead: {word_for('VARIATION', alt['variation'])}")
        assert c["variation"].startswith(word_for("VARIATION", a["profile"]["variation"]))
        assert c["category"] == (alt or a["classification"])["category"]
        assert c["day"].startswith(word_for("DAY", (alt or a)["placement"]["day"]))
        weekday = (a.get("schedule") or {}).get("deadlift_day")
        if weekday and not alt:  # the roster gave a week: the day of it too
            assert c["day"].endswith(" " + render_module.words()[f"day_{weekday}"]), c["day"]
        if rx["perform"]:
            assert c["sets_reps"] == f"{span(rx['sets'])} × {span(rx['reps'])}"
            assert c["rpe"] == (f"≤ {rx['rpe'][1]:g}" if rx["load_capped"] else span(rx["rpe"]))
            top = max((x["weight"] for x in rx["loads"]), default=None)
            assert c["top_load"] == (f"{top:g} {rx['units']}" if top is not None else "—")
        else:
            assert c["sets_reps"] == "no deadlift for now"
        ids = [w["id"] for w in a["warnings"]]
        if ids:  # the most urgent by name, the others counted
            expected = word_for("WARNING", ids[0]) + (f" +{len(ids) - 1}" if len(ids) > 1 else "")
            assert c["warnings"] == expected
        else:
            assert c["warnings"] == "—"
    assert "8 athletes · 6 with a plan · 2 failed" in (out / "team.html").read_text("utf-8")


def test_a_hostile_athlete_name_and_roster_name_are_text_on_the_team_page(tmp_path):
    roster = tmp_path / '<b onclick="x">club & co.json'
    roster.write_text(json.dumps([
        {"athlete": HOSTILE, "variation": "sumo", "goal": "strength", "experience": "novice"},
        {"athlete": HOSTILE + " 2", "variation": "nope", "goal": "strength",
         "experience": "novice"}]), encoding="utf-8")
    out = tmp_path / "out"
    assert run_inproc(["batch", roster, "-o", out, "--format", "json",
                       "--team-summary", "html"]).code == 1
    page = team_page(out)
    assert "script" not in page.tags and "img" not in page.tags and "b" not in page.tags
    assert [cells(page.rows[0])["athlete"], page.rows[1]["cells"][1]] == [HOSTILE,
                                                                          HOSTILE + " 2"]
    assert '<b onclick="x">club & co.json' in page.title
    assert '<b onclick="x">club & co.json' in page.h1


def _template_dict(name):
    """A {% set NAME = {...} %} of templates/team.html.j2, read from the template's syntax tree."""
    source = environment().loader.get_source(environment(), "team.html.j2")[0]
    for node in environment().parse(source).find_all(nodes.Assign):
        if isinstance(node.target, nodes.Name) and node.target.name == name:
            return node.node.as_const()
    raise AssertionError(f"no {name} in team.html.j2")


def word_for(kind, key):
    return _template_dict(f"{kind}_WORDS")[key]


def _warning_ids():
    """Every message id the rules give as a warning: the second argument of self.warn(...)."""
    found = set()
    for path in sorted((REPO / "rules").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "warn" and len(node.args) >= 2
                    and isinstance(node.args[1], ast.Constant)):
                found.add(node.args[1].value)
    return found


def test_every_warning_and_variation_has_its_short_words():
    warnings = _warning_ids()
    assert len(warnings) >= 10, warnings  # the walk found the rules' warnings
    assert warnings <= set(_template_dict("WARNING_WORDS")), \
        warnings - set(_template_dict("WARNING_WORDS"))
    assert set(VARIATIONS) <= set(_template_dict("VARIATION_WORDS"))
    short = _template_dict("VARIATION_WORDS")
    assert len(set(short.values())) == len(short)  # no two variations read the same


# --- the team page printed -----------------------------------------------------------------------

INJURED = {"variation": "romanian", "goal": "strength", "experience": "novice",
           "injury_area": "hamstring", "injury_stage": "recovering"}  # trap bar instead
BROKEN = {"variation": "deadlift_of_doom_" + "x" * 40, "goal": "strength",
          "experience": "novice"}


def _tall_team(path, size, units="kg"):
    """``size`` athletes whose rows all take two lines: the longest names, the injured lift
    with another to do instead, and every fifth row broken with a long error."""
    rows = []
    for i in range(size):
        name = f"{i:04d} {LONG_NAME[:75]}"  # the number first: what shows of the name
        rows.append({"athlete": name, **(BROKEN if i % 5 == 4 else INJURED), "units": units})
    path.write_text(json.dumps(rows), encoding="utf-8")


@pytest.mark.parametrize("size", sorted(set(batch.TEAM_ROWS.values())))
@pytest.mark.parametrize("paper,size_name", PAPERS)
def test_a_team_of_40_fits_one_page_at_7_pt_or_more(tmp_path, size, paper, size_name):
    """The type-size limits of batch.TEAM_ROWS, with every row two lines high: one page each
    time, on both papers, nothing under 7 pt; and the promise that 40 athletes fit."""
    needs_print()
    assert batch.TEAM_ROWS["compact"] >= 40
    roster = tmp_path / "team.json"
    _tall_team(roster, size, units="lb" if paper == "Letter" else "kg")
    out = tmp_path / "out"
    run = run_inproc(["batch", roster, "-o", out, "--format", "json", "--team-summary", "both"])
    assert run.code == 1, run.stderr  # the broken rows
    pages, paper_size, _ = pdfinfo(out / "team.pdf")
    assert f"({size_name})" in paper_size  # the paper most of the team's sheets get
    assert pages == 1, f"{size} athletes take {pages} pages on {paper}"
    assert_never_under_7pt(out / "team.pdf")
    text = page_text(words(out / "team.pdf")[0])
    for i in range(size):  # every athlete's row is on the page, and its plan
        assert f"{i:04d}" in text, i
    assert text.count("instead:") == size - size // 5
    assert text.count("Failed:") == size // 5
    html_size = "compact" if size > batch.TEAM_ROWS["regular"] else "regular"
    assert f'<html lang="en" class="{html_size}">' in (out / "team.html").read_text()


@pytest.mark.parametrize("paper,size_name", PAPERS)
def test_a_bigger_team_takes_more_pages_with_the_column_heads_on_each(tmp_path, paper,
                                                                    size_name):
    """100 athletes: more pages; each page starts with the column heads; every athlete is on
    exactly one page and a two-line row is never split between two pages."""
    needs_print()
    roster = tmp_path / "club.csv"
    keys = ("athlete", "variation", "goal", "experience", "injury_area", "injury_stage",
            "units")
    stride = itertools.islice(enumerated_space(), 0, None, 3001)
    rows = []
    for i, profile in enumerate(itertools.islice(itertools.cycle(stride), 100)):
        # every third name takes two lines: "Athlete 000" over "Abercrombie"
        name = f"Athlete {i:03d} Abercrombie" if i % 3 == 0 else f"Athlete {i:03d}"
        rows.append([name, *(profile.get(k, "") for k in keys[1:-1]),
                     "lb" if paper == "Letter" else "kg"])
    write_csv(roster, keys, rows)
    out = tmp_path / "out"
    assert run_inproc(["batch", roster, "-o", out, "--format", "json",
                       "--team-summary", "pdf"]).code == 0
    team = out / "team.pdf"
    pages, paper_size, _ = pdfinfo(team)
    assert f"({size_name})" in paper_size
    assert pages >= 3, pages
    assert_never_under_7pt(team)
    found = {}
    for number, page in enumerate(words(team), start=1):
        # the athletes' numbers (000-099: the rows are numbered 2-101, never with a 0 first)
        names = [(int(w[0]), w[2]) for w in page if re.fullmatch(r"0\d\d", w[0])]
        heads = [w[2] for w in page if w[0] == "Variation"]
        assert heads and heads[0] < min(y for _, y in names), number  # the heads come first
        for i, _ in names:
            found.setdefault(i, []).append(number)
        # a row is never split: each two-line name has both its lines on this page
        seconds = [w[2] for w in page if w[0] == "Abercrombie"]
        assert len(seconds) == sum(i % 3 == 0 for i, _ in names), number
        if number == 1:  # and those names do take two lines
            assert seconds[0] > dict(names)[0] + 3
    assert sorted(found) == list(range(100))
    assert all(len(p) == 1 for p in found.values()), {i: p for i, p in found.items()
                                                      if len(p) > 1}


# --- roster.pdf: every sheet, each from a new page -----------------------------------------------

def _one_of_each_size():
    """A profile for each of the sheet's type sizes (render.DENSITIES), the first found along
    the enumerated space: plain, with weights, with weights and a week, and with weights, a
    busy week, an injury and the longest name."""
    busy = {d: "squat, RDL, good mornings, hip thrust, kb swings, back extension, leg curl, "
               "leg press" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
    heavy = {"athlete": LONG_NAME, "recent_set": "150x5@8", "week": busy,
             "injury_area": "low_back", "injury_stage": "recovering"}
    wanted = {name for name, _ in DENSITIES}
    found = {}
    weights = {"recent_set": "150x5@8"}
    for profile in itertools.islice(enumerated_space(), 0, 400 * 997, 997):
        for answers in (profile, {**profile, **weights},
                        {**profile, **weights, "week": "upper_lower"}, {**profile, **heavy}):
            html_text = render(deadlift_advisor.advise(answers), "html")
            size = re.search(r'<html lang="en" class="([\w-]+)"', html_text)[1]
            found.setdefault(size, answers)
        if set(found) >= wanted:
            break
    assert set(found) >= wanted, f"no sheet of size {wanted - set(found)} found"
    return [found[name] for name, _ in DENSITIES]


@pytest.mark.parametrize("units,paper,size_name", [("kg", "A4", "A4"), ("lb", "Letter", "letter")])
def test_roster_pdf_is_every_sheet_as_it_prints_alone_in_roster_order(tmp_path, units, paper,
                                                                      size_name):
    needs_print()
    profiles = _one_of_each_size()
    rows = [{**p, "athlete": f"Size{i} {p.get('athlete', '')}"[:80].strip(), "units": units}
            for i, p in enumerate(profiles)]
    rows.insert(1, {"athlete": "Broken", "variation": "nope", "goal": "strength",
                    "experience": "novice"})
    roster = tmp_path / "roster.yaml"
    roster.write_text(yaml.safe_dump(rows, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "out"
    run = run_inproc(["batch", roster, "-o", out, "--format", "html", "--combined"])
    assert run.code == 1, run.stderr
    assert f"every sheet in one PDF: {out / 'roster.pdf'}" in run.stdout
    pages, paper_size, title = pdfinfo(out / "roster.pdf")
    assert f"({size_name})" in paper_size
    assert title == "Deadlift recommendation sheets — roster.yaml"
    combined = words(out / "roster.pdf")
    assert len(combined) == pages
    alone = []
    for r in read_summary(out):
        if r["status"] != "ok":
            continue
        single = tmp_path / f"{r['file']}.pdf"
        single.write_bytes(pdf.html_to_pdf((out / r["file"]).read_text(encoding="utf-8"),
                                           paper=paper))
        alone += [(r["athlete"], number, page) for number, page in enumerate(words(single))]
    assert len(alone) == pages  # each sheet's pages, nothing else, nothing less
    for got, (athlete, number, want) in zip(combined, alone, strict=True):
        where = f"{athlete}, page {number + 1}"
        # in reading order: the browser may paint the same page in another order
        got, want = (sorted(page, key=lambda w: (round(w[2]), w[1])) for page in (got, want))
        assert [w[0] for w in got] == [w[0] for w in want], where
        assert max(abs(a[1] - b[1]) + abs(a[2] - b[2]) for a, b in zip(got, want, strict=True)) < 1, where
        if number == 0:  # each sheet starts a page, with its athlete's name
            assert athlete.split()[0] in page_text(got), where
    assert_never_under_7pt(out / "roster.pdf")


def test_roster_pdf_is_refused_for_a_roster_too_big_to_print_in_one_go(tmp_path):
    roster = tmp_path / "club.csv"
    write_csv(roster, ("athlete", "variation", "goal", "experience"),
              [(f"A{i}", "sumo", "strength", "novice") for i in range(batch.MAX_COMBINED + 1)])
    out = tmp_path / "out"
    assert_one_line_error(run_inproc(["batch", roster, "-o", out, "--combined"]),
                          f"at most {batch.MAX_COMBINED} athletes", "split the roster")
    assert not out.exists()


# --- --skip-existing -----------------------------------------------------------------------------

def _roster(path, size):
    write_csv(path, ("athlete", "variation", "goal", "experience"),
              [(f"Athlete {i:04d}", "conventional", "strength", "novice") for i in range(size)])


def test_a_run_killed_half_way_is_finished_by_skip_existing(tmp_path):
    if not SCRIPT.exists():
        pytest.skip(f"console script not installed next to {sys.executable}")
    roster, out = tmp_path / "club.csv", tmp_path / "out"
    _roster(roster, 400)
    proc = subprocess.Popen([str(SCRIPT), "batch", roster, "-o", out, "--format", "html",
                             "--jobs", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (
                out.exists() and sum(n.endswith(".html") for n in os.listdir(out)) >= 30):
            time.sleep(0.005)
        proc.send_signal(signal.SIGKILL)  # as a power cut would: no clean-up at all
        proc.wait(30)
    finally:
        proc.kill()
    before = {n: (out / n).stat() for n in os.listdir(out) if n.endswith(".html")}
    assert 30 <= len(before) < 400, len(before)  # stopped half-way
    assert not (out / "summary.csv").exists()
    for name in before:  # what was written is whole (sheets are published complete)
        assert (out / name).read_text(encoding="utf-8").rstrip().endswith("</html>")

    again = ["batch", roster, "-o", out, "--format", "html"]
    refused = run_script(again)  # without a flag the old sheets are never touched
    assert_one_line_error(refused, "already exists", "--skip-existing")
    run = run_script([*again, "--skip-existing", "--team-summary", "html"])
    assert run.code == 0, run.stderr
    assert run.stdout.startswith(f"{400 - len(before)} sheets written to {out}, "
                                 f"{len(before)} kept from an earlier run, 0 rows failed")
    assert temp_files(out) == []  # the killed run's temporary file went too
    summary = read_summary(out)
    assert len(summary) == 400
    for r in summary:
        assert r["status"] == ("kept" if r["file"] in before else "ok"), r
        assert r["variation"] == "conventional" and r["sets_reps"]  # kept rows are advised too
    for name, stat in before.items():  # left exactly as they were
        now = (out / name).stat()
        assert (now.st_ino, now.st_mtime_ns, now.st_size) == (stat.st_ino, stat.st_mtime_ns,
                                                              stat.st_size)
    assert len([n for n in os.listdir(out) if n.endswith(".html")]) == 400 + 1  # + team.html
    assert len(team_page(out).rows) == 400


def test_skip_existing_after_a_full_run_rewrites_only_the_run_files(tmp_path):
    roster, out = tmp_path / "r.csv", tmp_path / "out"
    _roster(roster, 3)
    assert run_inproc(["batch", roster, "-o", out, "--format", "txt",
                       "--team-summary", "html"]).code == 0
    sheets = {n: (out / n).stat().st_mtime_ns for n in os.listdir(out) if n.endswith(".txt")}
    (out / "team.html").write_text("old", encoding="utf-8")
    _roster(roster, 4)  # one athlete more
    run = run_inproc(["batch", roster, "-o", out, "--format", "txt", "--team-summary", "html",
                      "--skip-existing"])
    assert run.code == 0, run.stderr
    assert "1 sheets written" in run.stdout and "3 kept from an earlier run" in run.stdout
    assert {n: (out / n).stat().st_mtime_ns for n in sheets} == sheets
    assert [r["status"] for r in read_summary(out)] == ["kept", "kept", "kept", "ok"]
    assert len(team_page(out).rows) == 4


def test_skip_existing_with_force_is_refused(tmp_path):
    out = tmp_path / "out"
    assert_one_line_error(run_inproc(["batch", ROSTER, "-o", out, "--force", "--skip-existing"]),
                          "--force", "--skip-existing", "one of the two")
    assert not out.exists()


@pytest.mark.parametrize("kind", ["directory", "symbolic link"])
def test_skip_existing_keeps_only_regular_files(tmp_path, kind):
    roster, out = tmp_path / "r.csv", tmp_path / "out"
    _roster(roster, 2)
    out.mkdir()
    if kind == "directory":
        (out / "athlete-0000.txt").mkdir()
    else:
        (out / "athlete-0000.txt").symlink_to(tmp_path / "elsewhere")
    assert_one_line_error(run_inproc(["batch", roster, "-o", out, "--format", "txt",
                                      "--skip-existing"]), "athlete-0000.txt", kind)
    assert sorted(os.listdir(out)) == ["athlete-0000.txt"]


# --- run-level files that cannot be made ---------------------------------------------------------

def test_a_team_pdf_that_cannot_be_made_stops_after_the_sheets_and_is_finished_later(tmp_path):
    needs_print()
    broken = tmp_path / "broken-chromium"
    broken.write_text("#!/bin/sh\necho 'GPU process exited' >&2\nexit 3\n")
    broken.chmod(0o755)
    roster, out = tmp_path / "r.csv", tmp_path / "out"
    _roster(roster, 3)
    args = ["batch", roster, "-o", out, "--format", "json", "--team-summary", "both"]
    run = run_script(args, env={**os.environ, "DEADLIFT_ADVISOR_CHROMIUM": str(broken)})
    line = assert_one_line_error(run, "team.pdf could not be made", "GPU process exited",
                                 "--skip-existing", code=1)
    assert "Traceback" not in line
    assert sorted(os.listdir(out)) == ["athlete-0000.json", "athlete-0001.json",
                                       "athlete-0002.json", "summary.csv", "team.html"]
    run = run_script([*args, "--skip-existing"])
    assert run.code == 0, run.stderr
    assert pdfinfo(out / "team.pdf")[0] == 1


def test_after_a_browser_timeout_on_a_sheet_no_team_file_is_made(tmp_path):
    if not SCRIPT.exists():
        pytest.skip(f"console script not installed next to {sys.executable}")
    hanging = tmp_path / "hanging-chromium"
    hanging.write_text("#!/bin/sh\nsleep 1000\n")
    hanging.chmod(0o755)
    roster, out = tmp_path / "r.csv", tmp_path / "out"
    _roster(roster, 4)
    run = run_script(["batch", roster, "-o", out, "--format", "pdf", "--jobs", "1",
                      "--team-summary", "html", "--combined"],
                     env={**os.environ, "DEADLIFT_ADVISOR_CHROMIUM": str(hanging),
                          "DEADLIFT_ADVISOR_PDF_TIMEOUT": "1"})
    assert run.code == 1 and "Traceback" not in run.stderr
    first, last = run.stderr.splitlines()  # the row that timed out, then why the batch stopped
    assert first.startswith("row 2 (Athlete 0000): Chromium did not finish the PDF")
    assert "the batch stopped: 3 rows not tried" in last
    assert last.endswith("; team.html, roster.pdf not made: finish with --skip-existing")
    assert sorted(os.listdir(out)) == ["summary.csv"]
    assert [r["status"] for r in read_summary(out)] == ["error", "skipped", "skipped", "skipped"]


def test_no_sheet_is_named_like_a_run_file(tmp_path):
    roster, out = tmp_path / "r.json", tmp_path / "out"
    roster.write_text(json.dumps([{"athlete": name, "variation": "sumo", "goal": "strength",
                                   "experience": "novice"} for name in ("Team", "Summary")]),
                      encoding="utf-8")
    assert run_inproc(["batch", roster, "-o", out, "--team-summary", "html"]).code == 0
    assert sorted(os.listdir(out)) == ["summary.csv", "summary.html", "team-2.html",
                                       "team.html"]
    assert [r["file"] for r in read_summary(out)] == ["team-2.html", "summary.html"]
    assert "Team summary" in (out / "team.html").read_text(encoding="utf-8")


# --- -o names a folder ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["out.csv", "team.pdf", "sheets.html", "a.json", "x.txt",
                                  "notes.md", "Roster.CSV"])
def test_an_output_folder_that_looks_like_a_file_name_is_refused(tmp_path, name):
    out = tmp_path / name
    line = assert_one_line_error(run_inproc(["batch", ROSTER, "-o", out]),
                                 "looks like a file name", "folder")
    assert f"'{out.with_suffix('')}'" in line  # the folder it probably meant
    assert sorted(os.listdir(tmp_path)) == []


@pytest.mark.parametrize("how", ["existing", "trailing slash"])
def test_a_folder_with_a_file_ending_is_used_when_meant(tmp_path, how):
    out = tmp_path / "out.csv"
    if how == "existing":
        out.mkdir()
    target = str(out) + ("/" if how == "trailing slash" else "")
    assert run_inproc(["batch", ROSTER, "-o", target, "--format", "json"]).code == 1
    assert (out / "summary.csv").is_file()
