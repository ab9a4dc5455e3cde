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
* **Print**: the printed html comes in four type sizes (render.DENSITIES: roomy, regular, compact,
  dense, picked by render.sheet_weight). Headless Chromium prints the TALLEST sheet of each size
  (``TALLEST`` below; the dense one carries the most text the input space can produce) to PDF on
  A4 and on Letter, and ``pdfinfo`` must report one page every time — except for a dense sheet
  (the longest advice, or a busy week with weights), which keeps the plan, the week, the warnings,
  the advice and the disclaimer on page one (read back with ``pdftotext``) and lets the Why and
  References continue on page two, as DESIGN.md allows. Skipped, with the reason, when chromium
  or pdfinfo is missing (CI installs both).

  How ``TALLEST`` was found: every one of the 342,000 profiles of ``kb.enumerated_space()`` was
  rendered to html, and its printed text (visible characters: tags, style and title removed) and
  sheet_weight recorded; then, for each type size, with no name and with the 80-character name, the
  profiles with the most printed text and the highest weight (25 of each) were laid out by
  Chromium with the print stylesheet at Letter width, and the tallest is kept.
  ``test_tallest_profiles_are_still_the_longest`` keeps the claim honest on the sample: no sampled
  profile of a size may print more text than that size's ``TALLEST``. To search again after the
  knowledge or the templates change, run ``python tools/find_tallest.py`` (about
  fifteen minutes on two cores) and update ``TALLEST``.
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
from deadlift_advisor.render import BINARY_FORMATS, FORMATS, messages, render, words

HERE = pathlib.Path(__file__).parent
SNAPSHOTS = HERE / "snapshots"
EXAMPLE = HERE.parent / "examples" / "answers.yaml"
DATE = "2024-06-01"
TEXT_FORMATS = ("json", "txt", "md", "html")
NASTY = "<script>alert(1)</script> O'Brien & Co"
# 80 characters (the longest name validation accepts) of the widest capitals, so the title wraps
# as much as any real name can.
LONG_NAME = ("WMWMWMWMWM " * 8)[:80]

# Per type size, the profile whose sheet prints tallest and the one with the most printed text
# (module docstring: how they were found). "athlete" is part of the profile: the compact size's
# tallest sheet carries the 80-character name.
TALLEST = {
    "dense": {  # 230.6 mm when found: laid out on one page; prints the Why on page two
        "athlete": LONG_NAME, "variation": "step_romanian", "goal": "power",
        "experience": "novice", "season_phase": "in_season", "injury_area": "low_back",
        "injury_stage": "recovering", "placement": "dedicated_day", "back_days_per_week": 2},
    "compact": {  # 258.9 mm of Letter's 263.4 mm printable height when found
        "athlete": LONG_NAME, "variation": "snatch_grip", "goal": "powerlifting",
        "experience": "novice", "season_phase": "in_season", "injury_area": "low_back",
        "injury_stage": "recovering", "placement": "dedicated_day", "back_days_per_week": 2},
    "regular": {  # 261.1 mm
        "athlete": LONG_NAME, "variation": "snatch_grip", "goal": "power",
        "experience": "intermediate", "season_phase": "off_season", "injury_area": "knee",
        "injury_stage": "cleared", "placement": "full_body", "back_days_per_week": 1},
    "roomy": {  # 259.6 mm
        "athlete": LONG_NAME, "variation": "deficit", "goal": "general_fitness",
        "experience": "advanced", "season_phase": "in_season", "injury_area": "knee",
        "injury_stage": "acute", "placement": "dedicated_day", "back_days_per_week": 0},
}
MOST_TEXT = {
    "dense": {
        "variation": "rack_pull", "goal": "powerlifting", "experience": "novice",
        "season_phase": "in_season", "injury_area": "low_back", "injury_stage": "recovering",
        "placement": "dedicated_day", "back_days_per_week": 2},
    "compact": {
        "variation": "rack_pull", "goal": "powerlifting", "experience": "novice",
        "season_phase": "in_season", "injury_area": "low_back", "injury_stage": "recovering",
        "placement": "back_day", "back_days_per_week": 2},
    "regular": {
        "variation": "trap_bar", "goal": "powerlifting", "experience": "advanced",
        "season_phase": "in_season", "injury_area": "none", "placement": "auto",
        "back_days_per_week": 1},
    "roomy": {
        "variation": "trap_bar", "goal": "general_fitness", "experience": "novice",
        "season_phase": "off_season", "injury_area": "none", "placement": "full_body",
        "back_days_per_week": 1},
}
LONGEST = MOST_TEXT["dense"]  # the most printed text of the whole input space

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


def _density(answers):
    from deadlift_advisor.render import sheet_context

    return sheet_context(advice_for(answers), DATE)["density"]


def test_tallest_profiles_have_their_type_size():
    for size, answers in TALLEST.items():
        assert _density(answers) == size, (size, answers)
    for size, answers in MOST_TEXT.items():
        assert _density(answers) == size, (size, answers)


def test_tallest_profiles_are_still_the_longest(sheet_sample, describe):
    most = {size: len(visible_text(render(advice_for(answers), "html", generated=DATE)))
            for size, answers in MOST_TEXT.items()}
    assert most["dense"] == max(most.values())
    for answers in sheet_sample:
        size = _density(answers)
        length = len(visible_text(render(advice_for(answers), "html", generated=DATE)))
        assert length <= most[size], (
            f"{describe(answers)} prints {length} characters in the {size} size, more than "
            f"MOST_TEXT[{size!r}] ({most[size]}): search again (module docstring) and update "
            f"TALLEST and MOST_TEXT")


# --- print ---------------------------------------------------------------------------------------

def _chromium_or_skip():
    try:
        return pdf.find_chromium()
    except pdf.ChromiumMissing as exc:
        pytest.skip(f"no Chromium: {exc}")


def _pdfinfo_or_skip():
    if not shutil.which("pdfinfo"):
        pytest.skip("pdfinfo (poppler-utils) is not installed")


def _pdfinfo(data, tmp_path):
    path = tmp_path / "sheet.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


PRINTED = [(size, kind) for size in ("dense", "compact", "regular", "roomy")
           for kind in ("tallest", "most text")
           if kind == "tallest" or MOST_TEXT[size] != TALLEST[size]]


def _assert_fits(html, advice, paper, size_name, where, tmp_path):
    """One page; or, for a dense sheet, the plan, the week with everything in its way, the advice
    and the disclaimer on page one, and only the Why and References on page two."""
    data = pdf.html_to_pdf(html, paper=paper)
    info = _pdfinfo(data, tmp_path)
    assert f"({size_name})" in info["Page size"], info["Page size"]
    pages = int(info["Pages"].strip())
    if '<html lang="en" class="dense">' not in html:
        assert pages == 1, f"{where} takes {pages} pages"
        return
    assert pages == 2, f"{where} takes {pages} pages"
    first, second = _pdftext(data, tmp_path, 1), _pdftext(data, tmp_path, 2)
    flat = " ".join(first.split())
    assert "NOT MEDICAL ADVICE" in flat.upper(), where
    schedule = advice.schedule or {"conflicts": []}
    for line in [*advice.warnings, *schedule["conflicts"], *advice.recommendations]:
        assert " ".join(line["text"].split())[:40] in flat, (where, line["text"])
    if advice.schedule:
        assert "YOUR WEEK" in flat.upper(), where
    intro = words()["why_intro"][:30]
    assert intro not in flat and intro in " ".join(second.split()), where


def _pdftext(data, tmp_path, page):
    path = tmp_path / f"page{page}.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(path),
                           "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("paper,size_name", [("A4", "A4"), ("Letter", "letter")])
@pytest.mark.parametrize("size,kind", PRINTED)
def test_tallest_sheets_print_on_one_page(size, kind, paper, size_name, tmp_path):
    _chromium_or_skip()
    _pdfinfo_or_skip()
    answers = TALLEST[size] if kind == "tallest" else MOST_TEXT[size]
    advice = advice_for(answers)
    html = render(advice, "html", generated=DATE)
    assert f'<html lang="en" class="{size}">' in html
    _assert_fits(html, advice, paper, size_name, f"the {kind} {size} sheet on {paper}", tmp_path)


# The week grid and the weights add to the page: the tallest advice with the busiest week the
# answers allow (ten exercises every day, posterior-chain work everywhere) and a moderate one.
BUSY_DAY = ("squat, RDL, good mornings, hip thrust, kb swings, back extension, glute ham raise, "
            "leg curl, leg press, romanian deadlift")
WEEKS = {
    "busiest": {day: BUSY_DAY for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")},
    "mixed": {"mon": "bench, ohp, dips", "tue": "rows, pull ups, face pulls, shrugs, back extension",
              "wed": "squat, leg press, leg curl, good mornings, RDL", "thu": "ohp, bench, triceps",
              "fri": "cable row, pulldown, curls, kb swings",
              "sat": "squat, lunges, leg extension, hip thrust", "sun": "zercher squat"},
}


@pytest.mark.parametrize("paper,size_name", [("A4", "A4"), ("Letter", "letter")])
@pytest.mark.parametrize("week", list(WEEKS))
@pytest.mark.parametrize("size", ["compact", "regular"])
def test_sheets_with_a_week_and_weights_keep_the_plan_on_page_one(size, week, paper, size_name,
                                                          tmp_path):
    _chromium_or_skip()
    _pdfinfo_or_skip()
    answers = {**TALLEST[size], "week": WEEKS[week], "recent_set": "150x5@8"}
    advice = deadlift_advisor.advise(answers)
    html = render(advice, "html", generated=DATE)
    assert 'class="block week"' in html and "week-grid" in html
    _assert_fits(html, advice, paper, size_name, f"{size} sheet with the {week} week on {paper}",
                 tmp_path)


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
        assert info["Pages"].strip() == "1"


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
