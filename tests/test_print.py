"""The printed sheet, read as a lifter at the bar reads it: headless Chromium prints the html sheet
on A4 and on Letter, and the PDF is read back word by word.

What is checked:

* **Page one is the plan, page two the reasons.** Page one holds the verdict, every warning, how
  hard and how much with every row of the session, where and in what order, what follows it, the
  days after, the week (its grid and the lines under it), every piece of advice, the disclaimer
  and the line saying what is on page two; page two starts with the answers and holds what the
  lift trains, the Why and every reference, and there is no page three (``pdfinfo``).
* **Type sizes.** ``pdftotext -bbox`` gives every word's box; its height is the font size times
  the font's ascent plus descent, a ratio measured once by printing the sheet's own stylesheet at
  10 pt (``font_ratio``). On page one no word is under 7 pt and half of them are 9 pt or more, and
  the body (each warning, piece of advice, follow-up, the session's rows and notes, the
  disclaimer) starts and ends at 9 pt or more; on page two nothing is under 7 pt.
* **Which sheets.** The tallest plans of the input space, per type size (render.DENSITIES), with
  no week, with weights, with the busiest week the answers allow and with a mixed one, found by
  tools/find_tallest.py (``TALLEST``), and the tallest page two it saw (``PAGE_TWO``); the longest
  session (the most rows any profile gets, with
  the table stretched to the contract's five warm-ups and six work sets) in the busiest week; and
  the example answers.
* **Every sampled sheet fits its two pages.** A stratified sample of the input space, with
  weights and weeks, laid out by Chromium with the print stylesheet at A4's and at Letter's
  width: neither page one's plan nor page two (answers to foot) is taller than the paper's
  printable height (this is how find_tallest measures, several sheets to one browser run).
* **The screen view.** On a desktop window and on a phone the page is no wider than the window.

Skipped, with the reason, when chromium, pdftotext or pdfinfo is missing (CI installs them).
"""

import copy
import functools
import html as html_lib
import json
import pathlib
import re
import shutil
import statistics
import subprocess
import tempfile

import pytest
import yaml

import deadlift_advisor
from deadlift_advisor import pdf
from deadlift_advisor.render import DENSITIES, render, sheet_context, words

HERE = pathlib.Path(__file__).parent
EXAMPLE = HERE.parent / "examples" / "answers.yaml"
DATE = "2024-06-01"
# 80 characters (the longest name validation accepts) of the widest capitals, so the name wraps
# as much as any real name can.
LONG_NAME = ("WMWMWMWMWM " * 8)[:80]
# The printable area the sheet's @page margins (5.5 mm, 6.5 mm) leave, width and height in mm.
PAPERS = {"A4": (210 - 13, 297 - 11), "Letter": (215.9 - 13, 279.4 - 11)}
BODY_PT, SMALLEST_PT = 9, 7
# pdftotext's boxes and the ratio between them come from the PDF's own numbers: a small
# tolerance for rounding only.
TOLERANCE_PT = 0.1

# The busiest week the answers allow (ten exercises every day, posterior-chain work everywhere)
# and a mixed one (a few of everything, two names the catalogue does not know).
BUSY_DAY = ("squat, RDL, good mornings, hip thrust, kb swings, back extension, glute ham raise, "
            "leg curl, leg press, romanian deadlift")
WEEKS = {
    "busiest": {day: BUSY_DAY for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")},
    "mixed": {"mon": "bench, ohp, dips", "tue": "rows, pull ups, face pulls, shrugs, back extension",
              "wed": "squat, leg press, leg curl, good mornings, RDL", "thu": "ohp, bench, triceps",
              "fri": "cable row, pulldown, curls, kb swings",
              "sat": "squat, lunges, leg extension, hip thrust", "sun": "zercher squat"},
}
# What tools/find_tallest.py adds to every profile of the space: nothing, weights, weights and a
# week (the name is tried both ways on top of each).
VARIANTS = {"plain": {}, "weights": {"recent_set": "150x5@8"},
            "busiest": {"recent_set": "150x5@8", "week": WEEKS["busiest"]},
            "mixed": {"recent_set": "150x5@8", "week": WEEKS["mixed"]}}

# Per type size and variant (added with _with), the profile whose page one is tallest
# (tools/find_tallest.py; the plan's height, in mm at Letter's width, when found).
TALLEST = {
    ("roomy", "plain"): {  # 250.1 mm
        "variation": "sumo", "goal": "power", "experience": "novice", "season_phase": "pre_season",
        "injury_area": "low_back", "placement": "back_day", "back_days_per_week": 2,
        "injury_stage": "cleared"},
    ("regular", "plain"): {  # 251.0 mm
        "variation": "rack_pull", "goal": "hypertrophy", "experience": "novice",
        "season_phase": "in_season", "injury_area": "low_back", "placement": "dedicated_day",
        "back_days_per_week": 2, "injury_stage": "cleared", "athlete": LONG_NAME},
    ("roomy", "weights"): {  # 248.3 mm
        "variation": "rack_pull", "goal": "strength", "experience": "advanced",
        "season_phase": "post_season", "injury_area": "grip", "placement": "dedicated_day",
        "back_days_per_week": 3, "injury_stage": "recovering"},
    ("regular", "weights"): {  # 256.6 mm
        "variation": "stiff_leg", "goal": "hypertrophy", "experience": "novice",
        "season_phase": "pre_season", "injury_area": "grip", "placement": "full_body",
        "back_days_per_week": 1, "injury_stage": "recovering", "athlete": LONG_NAME},
    ("compact", "weights"): {  # 207.2 mm
        "variation": "deficit", "goal": "hypertrophy", "experience": "novice",
        "season_phase": "in_season", "injury_area": "low_back", "placement": "dedicated_day",
        "back_days_per_week": 2, "injury_stage": "cleared", "athlete": LONG_NAME},
    ("roomy", "busiest"): {  # 249.5 mm
        "variation": "high_handle_trap_bar", "goal": "hypertrophy", "experience": "advanced",
        "season_phase": "pre_season", "injury_area": "low_back", "placement": "dedicated_day",
        "back_days_per_week": 2, "injury_stage": "acute"},
    ("regular", "busiest"): {  # 245.1 mm
        "variation": "single_leg_romanian", "goal": "powerlifting", "experience": "intermediate",
        "season_phase": "post_season", "injury_area": "none", "placement": "full_body",
        "back_days_per_week": 0},
    ("compact", "busiest"): {  # 261.3 mm
        "variation": "stiff_leg", "goal": "hypertrophy", "experience": "novice",
        "season_phase": "in_season", "injury_area": "low_back", "placement": "dedicated_day",
        "back_days_per_week": 1, "injury_stage": "cleared", "athlete": LONG_NAME},
    ("roomy", "mixed"): {  # 246.9 mm
        "variation": "rack_pull", "goal": "power", "experience": "advanced",
        "season_phase": "pre_season", "injury_area": "knee", "placement": "back_day",
        "back_days_per_week": 1, "injury_stage": "acute", "athlete": LONG_NAME},
    ("regular", "mixed"): {  # 247.8 mm
        "variation": "romanian", "goal": "strength", "experience": "intermediate",
        "season_phase": "post_season", "injury_area": "none", "placement": "full_body",
        "back_days_per_week": 1},
    ("compact", "mixed"): {  # 260.9 mm
        "variation": "deficit", "goal": "hypertrophy", "experience": "novice",
        "season_phase": "in_season", "injury_area": "low_back", "placement": "dedicated_day",
        "back_days_per_week": 2, "injury_stage": "cleared", "athlete": LONG_NAME},
}
# The sheet whose page two is tallest among those find_tallest laid out: its variant and profile
# (246.9 mm when found).
PAGE_TWO = ("weights", {
    "variation": "trap_bar", "goal": "power", "experience": "advanced",
    "season_phase": "in_season", "injury_area": "low_back", "placement": "back_day",
    "back_days_per_week": 2, "injury_stage": "cleared"})

# The profile that gets the most rows in its session (a heavy 1RM on an advanced power lift).
MOST_ROWS = {"variation": "deficit", "goal": "power", "experience": "advanced",
             "season_phase": "off_season", "injury_area": "none", "placement": "back_day",
             "back_days_per_week": 0, "one_rm": 320}


# --- printing and reading back ------------------------------------------------------------------

def _tools_or_skip():
    try:
        pdf.find_chromium()
    except pdf.ChromiumMissing as exc:
        pytest.skip(f"no Chromium: {exc}")
    for tool in ("pdftotext", "pdfinfo"):
        if not shutil.which(tool):
            pytest.skip(f"{tool} (poppler-utils) is not installed")


def _poppler(tool, data, *args):
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp, "sheet.pdf")
        path.write_bytes(data)
        return subprocess.run([tool, *args, str(path), *([] if tool == "pdfinfo" else ["-"])],
                              capture_output=True, text=True, check=True).stdout


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                   r'(.*?)</word>')


def boxes(data):
    """Every page of the PDF as its words in the order the browser drew them (the order of the
    html: -raw, so two columns never interleave): (text, box height in pt)."""
    out = _poppler("pdftotext", data, "-raw", "-bbox")
    return [[(html_lib.unescape(m[4]), float(m[3]) - float(m[1])) for m in _WORD.findall(page)]
            for page in out.split("<page ")[1:]]


@functools.cache
def font_ratio():
    """A word box's height over its font size, for the font the sheet prints in: its own
    stylesheet at 10 pt, regular and bold, printed and read back."""
    sheet = render(_advice(_key({"variation": "sumo", "goal": "power", "experience": "novice"})),
                   "html", generated=DATE)
    probe = ('<main class="sheet"><p style="font-size:10pt">Hamburgefonstiv 0123</p>'
             '<p style="font-size:10pt;font-weight:700">Hamburgefonstiv 0123</p></main>')
    page = re.sub(r"(?s)<main.*</main>", probe, sheet)
    heights = {h for _, h in boxes(pdf.html_to_pdf(page, paper="A4"))[0]}
    assert len({round(h, 2) for h in heights}) == 1, heights  # one ratio for regular and bold
    return heights.pop() / 10


def _key(answers):
    return json.dumps(answers, sort_keys=True)


@functools.cache
def _advice(key):
    return deadlift_advisor.advise(json.loads(key))


def advice_for(answers):
    return _advice(_key(answers))


@functools.cache
def _printed(html, paper):
    return pdf.html_to_pdf(html, paper=paper)


def printed(a, paper, html=None):
    """The sheet for advice dict ``a`` (or its ``html``) printed on ``paper``: the html, the pages
    as (text, pt) words, and pdfinfo's fields."""
    html = html or render(a, "html", generated=DATE)
    data = _printed(html, paper)
    ratio = font_ratio()
    pages = [[(text, height / ratio) for text, height in page] for page in boxes(data)]
    info = dict(line.split(":", 1) for line in _poppler("pdfinfo", data).splitlines()
                if ":" in line)
    return html, pages, info


def tokens(text):
    return " ".join(str(text).split()).split(" ")


def _stream(words):
    """The page's text without the spaces between words, with each character's size: a word the
    browser broke at a hyphen, or that a list's comma follows, still reads as in the advice."""
    return "".join(w.casefold() for w, _ in words), [size for w, size in words for _ in w]


def sizes_of(words, text, chars=24, last=False):
    """For every place the first (or last) ``chars`` characters of ``text`` (spaces aside)
    appear on the page, the smallest size they print at. Case is ignored: headings print in
    capitals."""
    page, sizes = _stream(words)
    needle = "".join(str(text).split()).casefold()
    needle = needle[-chars:] if last else needle[:chars]
    found, start = [], page.find(needle)
    while start >= 0:
        found.append(min(sizes[start:start + len(needle)]))
        start = page.find(needle, start + 1)
    return found


# --- what page one must hold ---------------------------------------------------------------------

def plan_texts(a):
    """(what, text, is body) for everything page one must show of the advice ``a``."""
    r, s = a["prescription"], a.get("schedule")
    found = [("verdict", a["classification"]["label"], False),
             ("disclaimer", a["disclaimer"], True),
             ("pointer", _html_words()["why_in_print"], False)]
    found += [("warning", w["text"], True) for w in a["warnings"]]
    found += [("advice", m["text"], True) for m in a["recommendations"]]
    found += [("follow-up", f["label"], True) for f in a["follow_ups"]]
    found += [("keep out", x["label"], True) for x in a["recovery"]["avoid"]]
    for heading in ("prescription", "where", "follow_ups", "days_after"):
        found.append(("heading", words()[heading], False))
    for rx in (r, (a.get("alternative") or {}).get("prescription") or {}):
        for w in rx.get("warm_up") or ():
            found.append(("warm-up", f"{w['reps']} × {_label_num(w['weight'])}", True))
        for row in rx.get("loads") or ():
            found.append(("work set", f"{row['reps']} × {_label_num(row['weight'])}", True))
    if s:
        found.append(("heading", words()["week"], False))
        for day in s["days"]:
            found.append(("day", words()[f"day_{day}"], False))
        for c in s["conflicts"]:
            found.append(("in the way", c["label"] or c["text"], False))
        for c in s.get("injury") or ():
            found.append(("injury", c["label"], False))
    return found


def _label_num(value):
    from deadlift_advisor.render import _num

    return _num(value)


@functools.cache
def _html_words():
    from deadlift_advisor.render import environment

    return environment().get_template("partials/html_words.j2").module.WORDS


def check_printed(a, paper, where, html=None):
    """Everything this module asserts of one printed sheet (of advice ``a``, or of ``html`` made
    from it); returns a line of its numbers."""
    html, pages, info = printed(a, paper, html)
    problems = []
    if f"({paper.lower()})" not in info["Page size"].lower():
        problems.append(f"page size {info['Page size'].strip()}")
    if len(pages) != 2:
        problems.append(f"{len(pages)} pages")
    first, second = pages[0], pages[1] if len(pages) > 1 else []
    for what, text, body in plan_texts(a):
        # A label the week's grid repeats at its own size is body text where the plan prints it.
        start = max(sizes_of(first, text), default=None)
        end = max(sizes_of(first, text, last=True), default=None)
        if start is None or end is None:
            problems.append(f"page one lacks the {what} {text[:50]!r}")
        elif body and min(start, end) < BODY_PT - TOLERANCE_PT:
            problems.append(f"the {what} {text[:40]!r} prints at {min(start, end):.1f} pt")
    sizes = [size for _, size in first]
    small = sorted({(round(size, 1), w) for w, size in first if size < SMALLEST_PT - TOLERANCE_PT})
    if small:
        problems.append(f"page one has words under {SMALLEST_PT} pt: {small[:5]}")
    if statistics.median(sizes) < BODY_PT - TOLERANCE_PT:
        problems.append(f"page one's median word is {statistics.median(sizes):.1f} pt")
    intro = words()["why_intro"]
    head = [t.casefold() for t in tokens(words()["answers"])]
    if [w.casefold() for w, _ in second[:len(head)]] != head:
        problems.append("page two does not start with the answers")
    for needle in (words()["chart_title"], words()["why"], intro, words()["references"],
                   *(ref["key"] for ref in a["references"])):
        if second and not sizes_of(second, needle):
            problems.append(f"page two lacks {needle!r}")
    if sizes_of(first, intro):
        problems.append("the Why starts on page one")
    small2 = sorted({(round(size, 1), w) for w, size in second if size < SMALLEST_PT - TOLERANCE_PT})
    if small2:
        problems.append(f"page two has words under {SMALLEST_PT} pt: {small2[:5]}")
    assert not problems, f"{where} on {paper}: " + "; ".join(problems)
    under = sum(size < BODY_PT - TOLERANCE_PT for size in sizes) / len(sizes)
    return (f"{where} on {paper}: {len(sizes)} words on page one, median "
            f"{statistics.median(sizes):.1f} pt, smallest {min(sizes):.1f} pt, "
            f"{under:.0%} under {BODY_PT} pt")


# --- laying out many sheets at once -------------------------------------------------------------

def print_view(html, width_mm):
    """The sheet with its print stylesheet applied on screen, the page ``width_mm`` wide: what
    Chromium lays out on paper, measurable in a browser window."""
    page = html.replace("@media print {", "@media all {")
    return page.replace("</head>", "<style>html, body { margin: 0; background: none } "
                                   f".sheet {{ width: {width_mm}mm }}</style></head>")


_MEASURE = """<script>window.onload = function () {
  var out = [];
  function mm(px) { return px * 25.4 / 96; }
  document.querySelectorAll('iframe').forEach(function (f) {
    var d = f.contentDocument, top = d.querySelector('.sheet').getBoundingClientRect().top;
    var two = d.querySelector('.context').getBoundingClientRect().top;
    out.push(mm(d.querySelector('.why-pointer').getBoundingClientRect().bottom - top) + ':' +
             mm(d.querySelector('.foot').getBoundingClientRect().bottom - two));
  });
  document.body.setAttribute('data-heights', out.join(','));
};</script>"""


def plan_heights_mm(htmls, width_mm, page_two=False):
    """Page one's plan (from the top of the sheet to the line that points to page two), in mm, of
    each html sheet laid out with its print stylesheet ``width_mm`` wide: one browser run for all
    of them (each in a frame of its own). With ``page_two``, (page one, page two) pairs, page two
    from the answers to the foot."""
    frames = "".join(
        f'<iframe style="width:{width_mm + 2}mm;height:40px;border:0" '
        f'srcdoc="{html_lib.escape(print_view(h, width_mm), quote=True)}"></iframe>' for h in htmls)
    page = f"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>{frames}{_MEASURE}</body></html>"
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp, "sheets.html")
        path.write_text(page, encoding="utf-8")
        dom = subprocess.run([pdf.find_chromium(), *pdf.CHROMIUM_FLAGS, f"--user-data-dir={tmp}/p",
                              "--dump-dom", path.as_uri()], capture_output=True, text=True,
                             timeout=600).stdout
    found = re.search(r'data-heights="([^"]*)"', dom)
    assert found, "Chromium did not lay the sheets out"
    pairs = [tuple(float(x) for x in pair.split(":")) for pair in found.group(1).split(",")]
    return pairs if page_two else [one for one, _ in pairs]


# --- the sheets ---------------------------------------------------------------------------------

def _with(answers, variant="plain", name=""):
    return {**answers, **VARIANTS[variant], **({"athlete": name} if name else {})}


def longest_session(a):
    """``a`` with its session as long as the contract allows: five warm-ups, then six work sets
    (the last two optional), every row with the longest plate list of the heaviest sets."""
    a = copy.deepcopy(a)
    r = a["prescription"]
    widest = max((row["plates"] for row in r["loads"] if row.get("plates")), key=len)
    r["warm_up"] = [{**r["warm_up"][0], "step": i + 1, "reps": max(1, 5 - i),
                     "plates": widest[:i + 1]} for i in range(5)]
    r["loads"] = [{**r["loads"][0], "set": i + 1, "optional": i >= 4, "plates": widest}
                  for i in range(6)]
    return a


def sheets():
    """(name, advice dict) of every sheet this module prints."""
    found = []
    for (size, variant), answers in TALLEST.items():
        found.append((f"the tallest {size} plan ({variant})",
                      advice_for(_with(answers, variant)).to_dict()))
    variant, answers = PAGE_TWO
    found.append(("the tallest page two", advice_for(_with(answers, variant)).to_dict()))
    long = advice_for(_with(MOST_ROWS, "busiest", LONG_NAME)).to_dict()
    found.append(("the longest session in the busiest week", longest_session(long)))
    found.append(("the example", advice_for(yaml.safe_load(EXAMPLE.read_text())).to_dict()))
    return found


SHEETS = sheets()


@pytest.mark.parametrize("paper", list(PAPERS))
@pytest.mark.parametrize("where,a", SHEETS, ids=[name for name, _ in SHEETS])
def test_page_one_holds_the_plan_in_legible_type(where, a, paper):
    _tools_or_skip()
    print(check_printed(a, paper, where))


def test_the_tallest_sheets_have_their_type_size():
    sizes = {size for size, _ in DENSITIES}
    assert {size for size, _ in TALLEST} == sizes
    for (size, variant), answers in TALLEST.items():
        assert sheet_context(advice_for(_with(answers, variant)), DATE)["density"] == size, \
            (size, variant)
    assert sheet_context(longest_session(advice_for(_with(MOST_ROWS, "busiest")).to_dict()),
                         DATE)["density"] == "compact"


def test_the_check_fails_on_small_type_and_on_a_plan_that_spills_over():
    """The checks above can fail: the advice set in 8 pt, or a busy sheet forced to the roomy
    size (its plan then runs onto page two), is caught."""
    _tools_or_skip()
    a = advice_for(_with(MOST_ROWS, "busiest")).to_dict()
    html = render(a, "html", generated=DATE)
    small = html.replace("</head>", "<style>@media print { .advice li { font-size: 8pt } }</style>"
                                    "</head>")
    with pytest.raises(AssertionError, match=r"the advice .* prints at 8\.0 pt"):
        check_printed(a, "Letter", "8 pt advice", small)
    roomy = re.sub(r'<html lang="en" class="\w+">', '<html lang="en" class="roomy">', html)
    with pytest.raises(AssertionError, match="page one lacks"):
        check_printed(a, "Letter", "a roomy busy sheet", roomy)


@pytest.fixture(scope="module")
def print_sample(stratified_sample):
    """About 170 profiles: one for every variation x injury area x stage, each with nothing,
    weights, the busiest week or the mixed one added in turn (the long name on every third)."""
    profiles = stratified_sample(lambda p: (p["variation"], p["injury_area"], p.get("injury_stage")),
                                 1, seed=14)
    variants = list(VARIANTS)
    return [_with(p, variants[i % len(variants)], LONG_NAME if i % 3 == 0 else "")
            for i, p in enumerate(profiles)]


@pytest.mark.parametrize("paper", list(PAPERS))
def test_every_sampled_sheet_fits_its_two_pages(print_sample, paper, describe):
    _tools_or_skip()
    width, height = PAPERS[paper]
    htmls = [render(advice_for(answers), "html", generated=DATE) for answers in print_sample]
    measured = [h for i in range(0, len(htmls), 60)
                for h in plan_heights_mm(htmls[i:i + 60], width, page_two=True)]
    assert len(measured) == len(print_sample) > 150
    for page in (0, 1):
        worst = max(zip(measured, print_sample, strict=True), key=lambda m: m[0][page])
        too_tall = [(round(h[page], 1), describe(p))
                    for h, p in zip(measured, print_sample, strict=True) if h[page] > height]
        assert not too_tall, f"page {page + 1} taller than {paper}'s {height:.1f} mm: {too_tall[:3]}"
        print(f"{paper}: tallest page {page + 1} {worst[0][page]:.1f} mm of {height:.1f}: "
              f"{describe(worst[1])}")


SCREENS = {"desktop": (1100, 900), "phone": (390, 844)}


@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_screen_view_is_no_wider_than_the_window(screen):
    _tools_or_skip()
    width, height = SCREENS[screen]
    script = ("<script>window.onload = function () { document.body.setAttribute('data-fit', "
              "document.documentElement.scrollWidth + ',' + window.innerWidth); };</script>")
    for where, a in SHEETS[-2:]:
        html = render(a, "html", generated=DATE).replace("</body>", script + "</body>")
        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp, "sheet.html")
            path.write_text(html, encoding="utf-8")
            dom = subprocess.run([pdf.find_chromium(), *pdf.CHROMIUM_FLAGS,
                                  f"--user-data-dir={tmp}/p", f"--window-size={width},{height}",
                                  "--dump-dom", path.as_uri()], capture_output=True, text=True,
                                 timeout=120).stdout
        wide, window = map(int, re.search(r'data-fit="(\d+),(\d+)"', dom).groups())
        assert wide <= window, f"{where} is {wide} px wide in a {window} px {screen} window"


@pytest.mark.parametrize("week", list(WEEKS))
def test_the_weeks_grouped_lines_still_name_every_exercise_and_day(week):
    """Page one groups the week's conflicts and injury entries (render._week_lines): together the
    lines under the grid still name every exercise the advice flags, with its day."""
    from deadlift_advisor.kb.weeks import DAY_NAMES

    for answers in (TALLEST[("compact", week)], MOST_ROWS, {**MOST_ROWS, "injury_area": "knee",
                                                             "injury_stage": "cleared"}):
        a = advice_for(_with(answers, week)).to_dict()
        html = render(a, "html", generated=DATE)
        week_html = html[html.index('<section class="block week">'):]
        week_html = week_html[:week_html.index("</section>")]
        items = [html_lib.unescape(re.sub(r"<[^>]+>", "", li))
                 for li in re.findall(r"(?s)<li[^>]*>(.*?)</li>", week_html)]
        s = a["schedule"]
        assert s["conflicts"] or s["injury"], answers
        for c in s["conflicts"]:
            assert any((c["label"] or "") in line and DAY_NAMES[c["day"]] in line
                       for line in items), (c["text"], items)
        for c in s["injury"]:
            assert any(c["label"] in line and (words()[f"day_{c['day']}"] in line
                                               or DAY_NAMES[c["day"]] in line
                                               or "every day" in line) for line in items), c
        if week == "busiest":  # sixteen sentences of the advice or more, three lines at most
            assert len(s["conflicts"]) + len(s["injury"]) >= 16 and len(items) <= 3, items
