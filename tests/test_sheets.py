"""The recommendation sheet in every format: what it shows, that it is safe, and that it prints.

What is checked, and on which profiles:

* **Every format renders for a large stratified sample** of the input space: one profile for every
  variation x injury area x injury stage x placement (1,140 strata) plus one for every goal x
  experience x season phase x back days a week (300 strata), about 1,440 profiles in all, drawn
  with conftest's fixed seed. The full space is 342,000 profiles; rendering all of it in four
  formats takes over half an hour on two cores, while these strata still cover every value of every
  answer and every pair that changes the sheet's sections (injury x placement decides warnings,
  follow-ups and recovery; goal x experience x season decides the prescription). Each sheet must
  render with no undefined value (StrictUndefined raises; "None" must not leak) and contain the
  disclaimer and the category.
* **Safety**: a nasty athlete name is data, never markup, in html and md; the html is one
  self-contained file (no URL, no external resource, no script).
* **Content**: the SVG chart lists exactly the variation's muscles under the right tier (from the
  kb catalogue); provisional variations, and only they, carry the provisional marker; "no deadlift"
  sheets say so and show no sets x reps; the Why section gives every rule's justification and only
  cites sources listed under References.
* **Print**: a pdf sheet is a real PDF on the paper its units suggest (A4 for kg, Letter for lb),
  page one the plan and page two its reasons; without Chromium, one clear line. How the printed
  sheet reads (the plan on page one at 9 pt body type, nothing under 7 pt, on A4 and on Letter,
  for the tallest plans of the input space and the busiest weeks) is tests/test_print.py's.
* **Snapshots**: one per format (html, md, txt, json) of the example answers
  (examples/answers.yaml) with a pinned date, in tests/snapshots/, compared exactly. When a change
  is intended, rewrite them with ``UPDATE_SNAPSHOTS=1 python -m pytest tests/test_sheets.py`` and
  review the diff by eye (open the html in a browser) before committing it.
"""

import datetime
import functools
import html as html_lib
import os
import pathlib
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
import yaml

import deadlift_advisor
from deadlift_advisor import pdf
from deadlift_advisor.answer_files import InputError
from deadlift_advisor.explain import trail
from deadlift_advisor.kb import VARIATIONS
from deadlift_advisor.kb.weeks import DAY_NAMES
from deadlift_advisor.render import BINARY_FORMATS, FORMATS, messages, render

HERE = pathlib.Path(__file__).parent
SNAPSHOTS = HERE / "snapshots"
EXAMPLE = HERE.parent / "examples" / "answers.yaml"
DATE = "2024-06-01"
TEXT_FORMATS = ("json", "txt", "md", "html")
NASTY = "<script>alert(1)</script> O'Brien & Co"
# A profile whose sheet prints a great deal of text: the most of the input space (warnings, advice,
# Why and References) when it was last searched.
LONGEST = {
    "variation": "rack_pull", "goal": "powerlifting", "experience": "novice",
    "season_phase": "in_season", "injury_area": "low_back", "injury_stage": "recovering",
    "placement": "dedicated_day", "back_days_per_week": 2}

LABELS = messages().LABELS
TIER_KEYS = {"primary": "primary", "secondary": "secondary", "stabilizers": "stabilizers"}


# --- helpers -------------------------------------------------------------------------------------

def _key(answers):
    return tuple(sorted(answers.items()))


@functools.cache
def _advice(key):
    return deadlift_advisor.advise(dict(key))


def advice_for(answers):
    return _advice(_key(answers))


def flat(text):
    """Whitespace-insensitive form (the txt sheet wraps its lines)."""
    return " ".join(text.split())


def md_plain(text):
    """What a Markdown reader shows of escaped text (backslash escapes and entities undone)."""
    return html_lib.unescape(re.sub(r"\\(.)", r"\1", text))


def visible_text(html):
    """The printed text of an html sheet: no style, no title, no tags; entities decoded."""
    html = re.sub(r"(?s)<(style|title)>.*?</\1>", " ", html)
    return flat(html_lib.unescape(re.sub(r"<[^>]+>", " ", html)))


def chart_svg(html):
    found = re.findall(r'(?s)<svg class="chart".*?</svg>', html)
    assert len(found) == 1, f"expected one activation chart, found {len(found)}"
    return ET.fromstring(found[0])


def shows(fmt, text, needle):
    """Whether a sheet in ``fmt`` shows ``needle`` (plain text) to its reader."""
    if fmt == "html":
        return flat(html_lib.escape(needle, quote=True)) in flat(text) or \
            flat(needle) in visible_text(text)
    if fmt == "md":
        return flat(needle) in flat(md_plain(text))
    return flat(needle) in flat(text)


# --- the sample ----------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def sheet_sample(stratified_sample):
    """About 1,440 profiles: variation x injury x stage x placement, and goal x experience x season
    x back days (module docstring says why)."""
    first = stratified_sample(lambda p: (p["variation"], p["injury_area"],
                                         p.get("injury_stage"), p["placement"]), 1, seed=11)
    second = stratified_sample(lambda p: (p["goal"], p["experience"], p["season_phase"],
                                          p["back_days_per_week"]), 1, seed=12)
    seen, sample = set(), []
    for answers in first + second:
        if _key(answers) not in seen:
            seen.add(_key(answers))
            sample.append(answers)
    return sample


def test_the_sample_is_large_and_covers_every_answer(sheet_sample):
    assert len(sheet_sample) > 1400
    for key in ("variation", "goal", "experience", "season_phase", "injury_area", "placement",
                "back_days_per_week"):
        values = {p[key] for p in sheet_sample}
        assert len(values) > 1, key
    assert {p["variation"] for p in sheet_sample} == set(VARIATIONS)


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
@pytest.mark.parametrize("variation", sorted(VARIATIONS))
def test_every_format_renders_every_sampled_profile(fmt, variation, sheet_sample, describe):
    failures = []
    profiles = [p for p in sheet_sample if p["variation"] == variation]
    assert profiles
    for answers in profiles:
        advice = advice_for(answers)
        a = advice.to_dict()
        problems = []
        try:
            text = render(advice, fmt, generated=DATE)
        except Exception as exc:  # an undefined value raises under StrictUndefined
            failures.append((answers, [f"raised {type(exc).__name__}: {exc}"]))
            continue
        if not isinstance(text, str) or not text.strip():
            problems.append("empty or not text")
        elif fmt == "json":
            import json
            data = json.loads(text)
            if data["disclaimer"] != a["disclaimer"]:
                problems.append("disclaimer differs")
            if data["classification"]["category"] != a["classification"]["category"]:
                problems.append("category differs")
        else:
            if re.search(r"\bNone\b|Undefined|\{\{|\{%", text):
                problems.append("an undefined or None value leaked into the sheet")
            if not shows(fmt, text, a["disclaimer"]):
                problems.append("no disclaimer")
            if not shows(fmt, text, LABELS[a["classification"]["category"]]):
                problems.append("no category")
            if not text.endswith("\n"):
                problems.append("no final newline")
        if problems:
            failures.append((answers, problems))
    if failures:
        lines = [f"{len(failures)} of {len(profiles)} {fmt} sheets are wrong"]
        lines += [f"  {describe(answers)}: {', '.join(p)}" for answers, p in failures[:10]]
        pytest.fail("\n".join(lines), pytrace=False)


# --- formats -------------------------------------------------------------------------------------

def test_formats_and_binary_formats():
    assert FORMATS == ("json", "txt", "md", "html", "pdf")
    assert BINARY_FORMATS == {"pdf"}
    advice = advice_for({"variation": "sumo", "goal": "power", "experience": "novice"})
    for fmt in TEXT_FORMATS:
        assert isinstance(render(advice, fmt, generated=DATE), str), fmt
    with pytest.raises(ValueError, match="unknown format"):
        render(advice, "docx")


def test_the_date_defaults_to_today_and_can_be_pinned():
    advice = advice_for({"variation": "sumo", "goal": "power", "experience": "novice"})
    before = datetime.date.today().isoformat()
    text = render(advice, "txt")
    after = datetime.date.today().isoformat()
    assert before in text or after in text
    pinned = render(advice, "html", generated="1999-12-31")
    assert "1999-12-31" in pinned and before not in pinned


# --- safety --------------------------------------------------------------------------------------

def test_nasty_athlete_name_is_escaped_in_html():
    advice = advice_for({"athlete": NASTY, "variation": "conventional", "goal": "strength",
                         "experience": "intermediate"})
    html = render(advice, "html", generated=DATE)
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; O&#39;Brien &amp; Co" in html
    assert NASTY in visible_text(html)
    title = re.search(r"<title>(.*?)</title>", html).group(1)
    assert "&lt;script&gt;" in title


def test_nasty_athlete_name_does_not_break_markdown():
    plain = advice_for({"athlete": "Sam", "variation": "conventional", "goal": "strength",
                        "experience": "intermediate"})
    nasty = advice_for({"athlete": NASTY + " *b* [l](x) `c` | # _u_",
                        "variation": "conventional", "goal": "strength",
                        "experience": "intermediate"})
    md = render(nasty, "md", generated=DATE)
    assert "<script" not in md.lower()
    assert "&lt;script&gt;" in md
    first = md.splitlines()[0]
    assert first.startswith("# ")
    assert first.endswith("O'Brien &amp; Co \\*b\\* \\[l\\](x) \\`c\\` \\| # \\_u\\_")
    # The same structure as a sheet for a plain name: same headings, same table rows.
    reference = render(plain, "md", generated=DATE)
    assert [line for line in md.splitlines() if line.startswith(("#", "|", "> "))][1:] == \
        [line for line in reference.splitlines() if line.startswith(("#", "|", "> "))][1:]


def test_html_is_one_self_contained_file():
    html = render(advice_for(LONGEST), "html", generated=DATE)
    lowered = html.lower()
    for forbidden in ("http://", "https://", "src=", "href=", "<link", "<script", "<img",
                      "<iframe", "<object", "@import", "url(", "@font-face"):
        assert forbidden not in lowered, forbidden
    assert "<svg" in html and "<style>" in html
    assert lowered.startswith("<!doctype html>")
    # @page sets margins only: the paper size is the printer's (A4 or Letter), never forced.
    for rule in re.findall(r"@page\s*\{[^}]*\}", html):
        assert "size" not in rule, rule


# --- content -------------------------------------------------------------------------------------

@pytest.mark.parametrize("variation", sorted(VARIATIONS))
def test_chart_lists_exactly_the_variations_muscles_by_tier(variation):
    html = render(advice_for({"variation": variation, "goal": "strength",
                              "experience": "intermediate"}), "html", generated=DATE)
    svg = chart_svg(html)
    groups = {g.get("data-tier"): g for g in svg.iter("g") if g.get("data-tier")}
    assert list(groups) == ["primary", "secondary", "stabilizers"]
    for tier, group in groups.items():
        muscles = [t.get("data-muscle") for t in group.iter("text") if t.get("class") == "muscle"]
        names = [t.text for t in group.iter("text") if t.get("class") == "muscle"]
        expected = list(VARIATIONS[variation][TIER_KEYS[tier]])
        assert muscles == expected, (tier, muscles, expected)
        assert names == [LABELS[m] for m in expected]
        assert group.get("class") == f"tier tier-{tier}"  # each tier has its own style
    # Tiers, not numbers: nothing in the chart is a percentage.
    assert "%" not in "".join(svg.itertext())


@pytest.mark.parametrize("variation", sorted(VARIATIONS))
def test_provisional_marker_only_on_provisional_variations(variation):
    advice = advice_for({"variation": variation, "goal": "strength", "experience": "novice"})
    provisional = advice.classification["provisional"]
    assert provisional == VARIATIONS[variation]["provisional"]
    html = render(advice, "html", generated=DATE)
    txt = render(advice, "txt", generated=DATE)
    md = render(advice, "md", generated=DATE)
    assert ('class="badge provisional"' in html) is provisional
    assert ("[PROVISIONAL]" in txt) is provisional
    assert ("**PROVISIONAL**" in md) is provisional


def test_no_deadlift_sheets_say_so_and_show_no_sets_and_reps(sheet_sample, describe):
    stopped = [p for p in sheet_sample if not advice_for(p).prescription["perform"]]
    performed = [p for p in sheet_sample if advice_for(p).prescription["perform"]]
    assert len(stopped) > 50 and len(performed) > 50
    for answers in stopped[:80]:
        advice = advice_for(answers)
        html = render(advice, "html", generated=DATE)
        txt = render(advice, "txt", generated=DATE)
        md = render(advice, "md", generated=DATE)
        assert "No deadlift for now" in html and "rx-sets" not in html, describe(answers)
        assert "NO DEADLIFT FOR NOW" in txt and " sets × " not in txt, describe(answers)
        assert "NO DEADLIFT FOR NOW" in md and " sets × " not in md, describe(answers)
    for answers in performed[:80]:
        advice = advice_for(answers)
        r = advice.prescription
        html = render(advice, "html", generated=DATE)
        assert "No deadlift for now" not in html
        txt = render(advice, "txt", generated=DATE)
        sets = "–".join(dict.fromkeys(str(v) for v in r["sets"]))
        reps = "–".join(dict.fromkeys(str(v) for v in r["reps"]))
        assert f"{sets} sets × {reps} reps" in txt, describe(answers)


def test_why_gives_every_justification_and_cites_only_listed_references():
    advice = advice_for(LONGEST)
    a = advice.to_dict()
    html = render(advice, "html", generated=DATE)
    txt = flat(render(advice, "txt", generated=DATE))
    text = visible_text(html)
    why = text[text.index("Why Each conclusion"):text.index("References")]
    cited_in_why = set()
    for conclusion in trail(a)["conclusions"]:
        for rule in conclusion["rules"]:
            assert flat(rule["justification"]) in why, rule["rule"]
            assert flat(rule["justification"]) in txt, rule["rule"]
        cited_in_why |= {s["key"] for s in conclusion["sources"]}
    references = {r["key"] for r in a["references"]}
    assert cited_in_why <= references
    for key in references:
        assert f'id="ref-{key}"' in html
    for n in range(1, len(a["warnings"]) + 1):
        assert f"Warning {n}." in why
    for n in range(1, len(a["recommendations"]) + 1):
        assert f"Advice {n}." in why


def test_sheet_shows_every_answer_section_and_message():
    advice = advice_for({**LONGEST, "athlete": "Sam", "units": "lb"})
    a = advice.to_dict()
    for fmt in ("html", "md", "txt"):
        text = render(advice, fmt, generated=DATE)
        for needle in ("Variation", a["classification"]["label"], "Goal", LABELS[a["profile"]["goal"]],
                       "Units", LABELS["lb"], "Sam", f"{a['recovery']['posterior_chain_rest_hours']}",
                       *(w["text"] for w in a["warnings"]), *(m["text"] for m in a["recommendations"]),
                       *(f["label"] for f in a["follow_ups"]), *(x["label"] for x in a["recovery"]["avoid"]),
                       *(r["citation"] for r in a["references"])):
            assert shows(fmt, text, needle), (fmt, needle)


# --- print ---------------------------------------------------------------------------------------

def _chromium_or_skip():
    try:
        return pdf.find_chromium()
    except pdf.ChromiumMissing as exc:
        pytest.skip(f"no Chromium: {exc}")


def _pdfinfo(data, tmp_path):
    path = tmp_path / "sheet.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def test_week_grid_marks_the_day_the_window_and_the_conflicts():
    week = {"mon": "squat, leg press", "tue": "good mornings", "thu": "bench, rows",
            "fri": "squat, lunges"}
    a = deadlift_advisor.advise({"variation": "conventional", "goal": "strength",
                                 "experience": "intermediate", "week": week,
                                 "placement": "leg_day"})
    s = a.schedule
    html = render(a, "html", generated=DATE)
    grid = html[html.index('<table class="week-grid">'):html.index("</table>")]
    cells = re.findall(r'<td class="([^"]*)" data-day="(\w+)">', grid)
    classes = dict((day, cls) for cls, day in cells)
    assert "dl" in classes[s["deadlift_day"]]
    for day in s["protected_days"]:
        assert "protected" in classes[day]
    assert all("protected" not in classes[d] for d in classes if d not in s["protected_days"])
    for c in s["conflicts"]:
        assert f'data-day="{c["day"]}"' in html and html_lib.escape(c["text"]) in html
    md = render(a, "md", generated=DATE)
    txt = render(a, "txt", generated=DATE)
    for text in (md, txt):
        assert "Deadlift" in text and (s["conflicts"] == [] or "⚠" in text or "!" in text)


BUSY_DAY = "squat, RDL, good mornings, hip thrust, back extension, leg curl, leg press"


def _week_notes(text, mark):
    """The notes under the week grid and the injury-by-day notes of a txt or md sheet: one string
    per note (``mark`` starts one; a txt note's wrapped lines are joined to it)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines)
                 if line.strip().upper() in ("YOUR WEEK", "## YOUR WEEK"))
    notes, inside = [], False
    for line in lines[start + 1:]:
        if line.strip().upper() in ("ADVICE", "## ADVICE"):
            break
        if line.lstrip().startswith(mark):
            notes.append(line.strip()[len(mark):])
            inside = True
        elif inside and line.startswith("    ") and not line.startswith("     "):
            notes[-1] += " " + line.strip()
        else:
            inside = False
    return [note.replace("\\", "") for note in notes]


@pytest.mark.parametrize("injury", [{}, {"injury_area": "low_back", "injury_stage": "cleared"},
                                    {"injury_area": "hamstring", "injury_stage": "acute"}])
@pytest.mark.parametrize("variation", sorted(VARIATIONS))
def test_txt_and_md_group_the_weeks_conflicts_and_still_name_every_one(variation, injury):
    """A busy week is one note per reason, not one per exercise and day (twenty-odd), as on the
    printed page; every exercise and day that gets in the way is still named in the notes."""
    a = deadlift_advisor.advise({"variation": variation, "goal": "strength",
                                 "experience": "intermediate", **injury,
                                 "week": {d: BUSY_DAY for d in ("mon", "tue", "wed", "thu", "fri",
                                                                "sat", "sun")}})
    s = a.to_dict()["schedule"]
    for fmt, mark in (("txt", "! "), ("md", "- ⚠ ")):
        notes = _week_notes(render(a, fmt, generated=DATE), mark)
        said = " ".join(notes)
        for c in s["conflicts"]:
            assert c["label"] is None or c["label"] in said, (fmt, c)
            assert DAY_NAMES[c["day"]] in said, (fmt, c)
        for e in s["injury"] or ():
            every_day = {i["day"] for i in s["injury"] if i["exercise"] == e["exercise"]} == set(
                DAY_NAMES)
            assert e["label"] in said and (DAY_NAMES[e["day"]] in said or every_day
                                           and "(every day)" in said), (fmt, e)
        many = len(s["conflicts"]) + len(s["injury"] or ())
        assert many <= 3 or len(notes) <= 4, (fmt, len(notes), notes)


def test_pdf_format_is_a_real_pdf(tmp_path):
    _chromium_or_skip()
    advice = advice_for({"athlete": "Sam", "variation": "conventional", "goal": "strength",
                         "experience": "intermediate", "units": "lb"})
    data = render(advice, "pdf", generated=DATE)
    assert isinstance(data, bytes) and data.startswith(b"%PDF")
    assert data.rstrip().endswith(b"%%EOF")
    if shutil.which("pdfinfo"):
        info = _pdfinfo(data, tmp_path)
        assert "(letter)" in info["Page size"]  # pounds -> Letter (pdf.py docstring)
        assert info["Pages"].strip() == "2"  # the plan, then its reasons (tests/test_print.py)


def test_paper_follows_the_units():
    assert pdf.paper_for({"units": "lb"}) == "Letter"
    assert pdf.paper_for({"units": "kg"}) == "A4"
    html = "<html><head><title>x</title></head><body></body></html>"
    assert "@page { size: A4; }" in pdf.with_paper_size(html, "A4")
    assert "@page { size: letter; }" in pdf.with_paper_size(html, "letter")
    with pytest.raises(pdf.PdfError):
        pdf.with_paper_size(html, "A3")


def test_pdf_without_a_browser_is_one_clear_line(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv(pdf.ENV_VAR, raising=False)
    advice = advice_for({"variation": "sumo", "goal": "power", "experience": "novice"})
    with pytest.raises(pdf.ChromiumMissing) as caught:
        render(advice, "pdf", generated=DATE)
    assert isinstance(caught.value, InputError)
    message = str(caught.value)
    assert "\n" not in message
    assert "pdf needs Chromium" in message and "--format html" in message


def test_pdf_uses_the_browser_named_by_the_environment(tmp_path, monkeypatch):
    browser = tmp_path / "my-browser"
    log = tmp_path / "args.txt"
    browser.write_text(
        "#!/bin/sh\n"
        f"printf '%s\\n' \"$@\" > '{log}'\n"
        "for arg; do case $arg in --print-to-pdf=*) printf '%%PDF-1.4 fake\\n' > \"${arg#*=}\";; "
        "esac; done\n")
    browser.chmod(0o755)
    monkeypatch.setenv(pdf.ENV_VAR, str(browser))
    advice = advice_for({"variation": "sumo", "goal": "power", "experience": "novice"})
    assert render(advice, "pdf", generated=DATE) == b"%PDF-1.4 fake\n"
    args = log.read_text().splitlines()
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-pdf-header-footer"):
        assert flag in args
    assert any(a.startswith("--user-data-dir=") for a in args)
    assert args[-1].startswith("file://") and args[-1].endswith(".html")
    monkeypatch.setenv(pdf.ENV_VAR, str(tmp_path / "missing"))
    with pytest.raises(pdf.ChromiumMissing, match=pdf.ENV_VAR):
        render(advice, "pdf", generated=DATE)


def test_pdf_reports_a_browser_that_makes_no_pdf(tmp_path, monkeypatch):
    browser = tmp_path / "broken-browser"
    browser.write_text("#!/bin/sh\necho 'cannot open display' >&2\nexit 3\n")
    browser.chmod(0o755)
    monkeypatch.setenv(pdf.ENV_VAR, str(browser))
    advice = advice_for({"variation": "sumo", "goal": "power", "experience": "novice"})
    with pytest.raises(pdf.PdfError, match="cannot open display"):
        render(advice, "pdf", generated=DATE)


# --- snapshots -----------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_snapshot(fmt):
    answers = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    text = render(deadlift_advisor.advise(answers), fmt, generated=DATE)
    path = SNAPSHOTS / f"sheet.{fmt}"
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        SNAPSHOTS.mkdir(exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        pytest.skip(f"rewrote {path.name}: review the diff by eye before committing it")
    assert path.exists(), f"no snapshot {path.name}: run with UPDATE_SNAPSHOTS=1 and review it"
    with open(path, encoding="utf-8", newline="") as handle:  # exact bytes: no newline mapping
        expected = handle.read()
    assert text == expected, (f"{fmt} sheet differs from tests/snapshots/{path.name}; if the change "
                              f"is intended, rerun with UPDATE_SNAPSHOTS=1 and review the diff")
