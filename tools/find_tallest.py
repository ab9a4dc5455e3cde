"""Search the whole input space for the sheets that print tallest, per type size (the TALLEST and
MOST_TEXT tables of tests/test_sheets.py, which the one-page tests print). Not a test: about 13
minutes on two cores, with Chromium. Run it when the knowledge or the templates change::

    .venv/bin/python tools/find_tallest.py

and copy what it prints into tests/test_sheets.py. It reuses the sheet helpers of that test file.
"""

import os
import pathlib
import re
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "tests"))

import deadlift_advisor  # noqa: E402
from deadlift_advisor import pdf  # noqa: E402
from deadlift_advisor.render import render  # noqa: E402
from test_sheets import DATE, LONG_NAME, _key, advice_for, visible_text  # noqa: E402


def _measure(chunk):
    from deadlift_advisor.render import sheet_context

    out = []
    for answers in chunk:
        advice = deadlift_advisor.advise(answers)
        html = render(advice, "html", generated=DATE)
        out.append((len(visible_text(html)), sheet_context(advice, DATE)["weight"], answers))
    return out


def printed_height_mm(html, width_mm=195.9):
    """Height of the sheet laid out by Chromium with its print stylesheet at ``width_mm`` (Letter's
    printable width by default). Measurement only: a copy of the page gets its print rules applied
    on screen and a script that reports the height through --dump-dom."""
    import tempfile

    page = html.replace("@media print {", "@media all {").replace(
        "</head>", f"<style>body {{ margin: 0 }} .sheet {{ width: {width_mm}mm }}</style></head>")
    page = page.replace("</body>", "<script>document.body.dataset.h = document.querySelector("
                                   "'.sheet').getBoundingClientRect().height</script></body>")
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp, "sheet.html")
        path.write_text(page, encoding="utf-8")
        dom = subprocess.run([pdf.find_chromium(), *pdf.CHROMIUM_FLAGS, f"--user-data-dir={tmp}/p",
                              "--dump-dom", path.as_uri()], capture_output=True, text=True,
                             timeout=120).stdout
    return float(re.search(r'data-h="([\d.]+)"', dom).group(1)) * 25.4 / 96


def find_tallest(top=25, jobs=None):
    """For each type size, with no name and with LONG_NAME: the profiles with the most printed
    text and the highest sheet_weight (``top`` of each), laid out by Chromium; the tallest, and
    the one with the most text. Prints what it finds."""
    import multiprocessing

    from deadlift_advisor.kb import enumerated_space
    from deadlift_advisor.render import DENSITIES, density, sheet_context

    space = list(enumerated_space())
    advice_for(space[0])  # the engine and templates loaded once, before the workers fork
    jobs = jobs or os.cpu_count() or 1
    chunks = [space[i::jobs * 16] for i in range(jobs * 16)]
    with multiprocessing.Pool(jobs) as pool:
        measured = [m for part in pool.map(_measure, chunks) for m in part]
    plain = sheet_context(advice_for(space[0]), DATE)["weight"]
    named = sheet_context(advice_for({**space[0], "athlete": LONG_NAME}), DATE)["weight"]
    for athlete, extra in (("", 0), (LONG_NAME, named - plain)):
        for size, _ in DENSITIES:
            members = [m for m in measured if density(m[1] + extra) == size]
            if not members:
                continue
            most_text = max(members, key=lambda m: m[0])
            picked = {_key(m[2]): m for m in sorted(members, key=lambda m: -m[0])[:top]
                      + sorted(members, key=lambda m: -m[1])[:top]}
            heights = []
            for length, weight, answers in picked.values():
                answers = {**answers, "athlete": athlete} if athlete else answers
                html = render(deadlift_advisor.advise(answers), "html", generated=DATE)
                heights.append((printed_height_mm(html), length, weight, answers))
            height, length, weight, answers = max(heights, key=lambda h: h[0])
            print(f"{size:8s} name={len(athlete):2d}  tallest {height:6.1f} mm of 263.4 "
                  f"({length} chars, weight {weight}): {answers}")
            print(f"{size:8s} name={len(athlete):2d}  most text ({most_text[0]} chars): "
                  f"{most_text[2]}")


if __name__ == "__main__":
    find_tallest()
