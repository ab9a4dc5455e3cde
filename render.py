"""The jinja2 environment (PackageLoader, autoescape for HTML, StrictUndefined) and the formats.

``render(advice, fmt)`` turns an Advice into one of ``FORMATS``: ``json`` (the contract), and the
recommendation sheet as ``txt``, ``md``, ``html`` (one self-contained page, print-ready) or ``pdf``
(the html printed by headless Chromium, see pdf.py). Text formats give ``str``, the formats in
``BINARY_FORMATS`` give ``bytes``.

The three sheet templates (templates/sheet.*.j2) show the same content; every word comes from a
template (messages.j2 LABELS and templates/partials/words.j2 through the ``label`` filter), the
message texts in the advice, and the plain-words justifications of explain.trail. Nothing here or
in the templates decides anything: the context below only arranges what the advice already says.
"""

import datetime
import functools
import json
import re
import textwrap

from jinja2 import (Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined,
                    pass_context, select_autoescape)

FORMATS = ("json", "txt", "md", "html", "pdf")
BINARY_FORMATS = {"pdf"}
# Autoescaped templates: html, and the svg partials the html sheet includes (an include renders with
# its own template's setting, so they must be escaped in their own right).
AUTOESCAPED = ("html", "htm", "html.j2", "svg.j2")
TIER_KEYS = (("primary", "primary_movers"), ("secondary", "secondary_movers"),
             ("stabilizers", "stabilizers"))


@functools.cache
def environment():
    # The bytecode cache (jinja's own, in its per-user temporary folder) spares every run after the
    # first the compile of the message catalogue, a quarter of the command's start-up time.
    env = Environment(loader=PackageLoader("deadlift_advisor", "templates"),
                      bytecode_cache=_bytecode_cache(),
                      autoescape=select_autoescape(AUTOESCAPED),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.filters["label"] = _label
    env.filters["num"] = _num
    env.filters["span"] = _span
    env.filters["md"] = _md
    env.filters["wrap"] = _wrap
    env.filters["oneline"] = _oneline
    from .kb import VARIATIONS
    from .kb.weeks import DAY_NAMES

    env.globals["VARIATION_LABELS"] = {k: v["label"] for k, v in VARIATIONS.items()}
    env.globals["DAY_NAMES"] = DAY_NAMES
    return env


def _bytecode_cache():
    """jinja's cache of compiled templates, in a namespace of this code's own: the compiled code
    of a template depends on more than its source (the filters' signatures here, the words a
    constant folds to), so a cache written by another version or another edit of the package
    must never be read (it once crashed a sheet after a filter gained an argument)."""
    try:
        return FileSystemBytecodeCache(pattern=f"__deadlift_advisor_{_code_stamp()}_%s.cache")
    except (OSError, RuntimeError):  # no usable temporary folder: compile every time
        return None


def _code_stamp():
    """A short digest of the version and of the size and time of this module and every
    template file: what the compiled templates depend on (a few dozen stat calls)."""
    import hashlib
    import os

    from .version import __version__

    here = os.path.dirname(os.path.abspath(__file__))
    parts = [__version__]
    for folder, _, files in sorted(os.walk(os.path.join(here, "templates"))):
        parts += [f"{name}:{os.stat(os.path.join(folder, name)).st_mtime_ns}"
                  for name in sorted(files)]
    stat = os.stat(os.path.abspath(__file__))
    parts.append(f"{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


def label(value):
    """Display name for an id (muscle, day, goal, heading, ...): the LABELS in messages.j2 first,
    then the sheet's own words (templates/partials/words.j2)."""
    found = messages().LABELS.get(value)
    if found is None:
        found = words().get(value)
    return found if found is not None else str(value).replace("_", " ")


@pass_context
def _label(context, value):
    """The `label` filter. Jinja folds a filter on a constant ("week" | label) into the compiled
    template, and the bytecode cache keeps that code until the template itself changes: a label
    edited in words.j2 would stay stale. Taking the context makes the filter unfoldable."""
    return label(value)


@functools.cache
def messages():
    """The message catalogue: one macro per message id, plus LABELS."""
    return environment().get_template("messages.j2").module


@functools.cache
def words():
    """The sheet's headings and captions (templates/partials/words.j2)."""
    return environment().get_template("partials/words.j2").module.WORDS


# --- presentation filters ------------------------------------------------------------------------

def _num(value, digits=2):
    """7.5 -> '7.5', 9.0 -> '9', 146.25 -> '146.25', 79.8 with digits=0 -> '80'."""
    rounded = round(float(value), digits)
    text = f"{rounded:.{digits}f}" if digits > 0 else str(int(rounded))
    return text.rstrip("0").rstrip(".") if "." in text else text


def _span(pair, digits=1):
    """A [lo, hi] range as '3–5' (or '3' when both ends agree)."""
    lo, hi = (_num(v, digits) for v in pair)
    return lo if lo == hi else f"{lo}–{hi}"


# Characters that start Markdown markup anywhere in a line (GFM): with them escaped, and [ ] among
# them, parentheses and the like cannot form links or images either.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
# What GitHub-flavoured Markdown turns into a link without any markup: "scheme://", "www." and
# an e-mail's "@". Escaping the character the autolink looks for keeps the text as typed.
_MD_AUTOLINK = re.compile(r"(?i)(?<=:)//|(?<=www)\.|@")


def _md(value):
    """Text made inert in Markdown: markup characters backslash-escaped, HTML characters as
    entities (so a name like '<script>' shows as text instead of becoming a tag), one line."""
    text = _oneline(value)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_AUTOLINK.sub(lambda m: "".join("\\" + c for c in m.group()), text)


def _oneline(value):
    """Any run of whitespace (newlines included) as one space: user text never breaks a layout."""
    return " ".join(str(value).split())


def _wrap(value, width=78, indent="", subsequent=None):
    """Word-wrap plain text for the txt sheet, with a first-line and a hanging indent."""
    return textwrap.fill(_oneline(value), width=width, initial_indent=indent,
                         subsequent_indent=indent if subsequent is None else subsequent,
                         break_long_words=True, break_on_hyphens=False)


# --- the sheet ---------------------------------------------------------------------------------

def _mark(i):
    """a, b, ..., z, then aa, ab, ... (no conclusion has come near 26 rules, but never fail)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return letters[i] if i < 26 else _mark(i // 26 - 1) + letters[i % 26]


def _why(a, conclusions):
    """explain.trail's conclusions with what a sheet needs to title them: the kind of conclusion
    (classification, placement, ..., follow-up, warning, advice), the item(s) it is about and, for
    warnings and advice, their number on the sheet.

    Follow-ups with the same intensity, rules and sources share one entry (``labels`` lists them,
    in session order). Where a conclusion rests on several rules, each gets a ``mark`` (a, b, ...);
    a rule already explained under an earlier conclusion is not spelled out again: its ``again``
    names where (``{"kind", "number", "mark"}``), so the sheet says each reason once.
    """
    follow_ups = {f["exercise"]: f for f in a["follow_ups"]}
    numbered = {"warning": {w["id"]: n for n, w in enumerate(a["warnings"], 1)},
                "advice": {m["id"]: n for n, m in enumerate(a["recommendations"], 1)}}
    why, grouped, explained = [], {}, {}
    for c in conclusions:
        kind, _, key = c["conclusion"].partition(": ")
        entry = {"kind": kind, "key": key, "number": None, "labels": [],
                 "value": c["value"], "rules": c["rules"],
                 "sources": [s["key"] for s in c["sources"]]}
        if kind == "follow-up":
            same = (c["value"], tuple(r["rule"] for r in c["rules"]), tuple(entry["sources"]))
            if same in grouped:
                grouped[same]["labels"].append(follow_ups[key]["label"])
                continue
            entry["labels"] = [follow_ups[key]["label"]]
            grouped[same] = entry
        elif kind in numbered:
            entry["number"] = numbered[kind][key]
        several = len(c["rules"]) > 1
        entry["rules"] = [{**rule, "mark": _mark(i) if several else None,
                           "again": explained.get(rule["rule"])}
                          for i, rule in enumerate(c["rules"])]
        for rule in entry["rules"]:
            explained.setdefault(rule["rule"], {"kind": kind, "number": entry["number"],
                                                "mark": rule["mark"]})
        why.append(entry)
    return why


# The printed html sheet comes in three type sizes for page one, the plan (the answers, the chart,
# the Why and the References start page two): "roomy" (10.5 pt body type) and "regular" (9.75 pt)
# while the plan leaves room for them, "compact" (9 pt, tighter) beyond. A limit is the largest
# sheet_weight (the plan's estimated height at the regular size, in mm) whose sheets still fit
# Letter's 268 mm at that size, less a margin for the estimate's error; tools/find_tallest.py
# checks them against the whole input space and tests/test_print.py prints the tallest.
DENSITIES = (("roomy", 205), ("regular", 245), ("compact", None))


def sheet_weight(a):
    """The plan's height on page one at the regular size, in mm, estimated from what it holds: a
    least-squares fit to Chromium's layout of about 1,200 sheets (warnings, advice, weeks and
    weights of every kind), within about 20 mm of it. Presentation only: it picks a type size."""
    def lines(items):  # about 52 characters to a line of a half-page column
        return sum(-(-len(x["text"]) // 52) for x in items)

    r, alt = a["prescription"], a.get("alternative")
    mm = (64.3 + 0.074 * sum(len(x["label"]) + 2 for x in a["recovery"]["avoid"])
          + (11.2 + 2.31 * lines(a["warnings"]) if a["warnings"] else 0)
          + 2.16 * lines(a["recommendations"])
          + 0.143 * sum(len(f["label"]) + 12 for f in a["follow_ups"])
          + (8.8 + 3.41 * _rows(r) if r.get("loads") else 0)
          + (22.1 + 6.58 * _rows(alt["prescription"]) if alt else 0)
          + _week_weight(a.get("schedule"))
          + 0.146 * len(a["profile"].get("athlete", ""))
          + (2.4 if a["classification"]["provisional"] else 0))
    return round(mm, 1)


def _rows(r):
    return len(r.get("warm_up") or ()) + len(r.get("loads") or ())


def _week_weight(schedule):
    """The week: its seven rows, each day note, and the lines under the grid as _week_lines
    groups them."""
    if not schedule:
        return 0
    wl = _week_lines(schedule)
    own_notes = sum(1 for d in schedule["days"].values() if d["note"] and d["note"] not in wl["notes"])
    conflicts = sum(len(g["texts"][0]) if len(g["texts"]) == 1
                    else 160 + 10 * len(g["window"] + g["before"])
                    + sum(len(label) + 2 for label in g["labels"]) for g in wl["conflicts"])
    injury = sum(90 + sum(len(e["label"]) + 12 for e in g["entries"]) for g in wl["injury"])
    return 45.8 + 2.76 * own_notes + 9.0 * len(wl["notes"]) + 0.041 * conflicts + 0.043 * injury


def density(weight):
    """The html sheet's type size for content of this sheet_weight."""
    return next(name for name, limit in DENSITIES if limit is None or weight <= limit)


def sheet_context(advice, generated=None):
    """Everything the sheet templates read: the advice as a dict (``a``), the muscle tiers in
    chart order, the Why section, the week's notes grouped as every sheet prints them, the date the
    sheet was made and the html type size."""
    from .explain import trail

    a = _as_dict(advice)
    c = a["classification"]
    why = _why(a, trail(a)["conclusions"])
    weight = sheet_weight(a)
    return {
        "a": a,
        "tiers": [{"tier": tier, "muscles": list(c[key])} for tier, key in TIER_KEYS],
        "why": why,
        "week_lines": _week_lines(a.get("schedule")),
        "generated": generated or datetime.date.today().isoformat(),
        "weight": weight,
        "density": density(weight),
    }


def _week_lines(schedule):
    """The week's notes as every sheet prints them under the week, in the order the advice first
    names them: the exercises that get in the way on the same days as one line (``window``: the
    days of the recovery window they fall on, ``before``: the days before the deadlift; a leg day
    after a back-day deadlift keeps its own line), the exercises of the week that load the injured
    area as one line per verdict (those on the same days together), and the day notes several
    days share, each with its mark (``notes``: text -> mark, days). A busy week otherwise repeats
    one sentence per exercise and day (twenty-four in the busiest), which would push the plan off
    the page; the grid above still marks every entry."""
    if not schedule:
        return {"conflicts": [], "injury": [], "notes": {}}
    by_day = {}
    for c in schedule["conflicts"]:
        by_day.setdefault((c["reason"], c["day"]), []).append(c)
    conflicts = {}
    for (reason, day), found in by_day.items():
        if reason not in ("posterior_chain", "before_deadlift"):  # a leg day: one line of its own
            conflicts[(reason, day)] = {"day": day, "labels": [], "window": [], "before": [],
                                        "texts": [c["text"] for c in found]}
            continue
        labels = tuple(c["label"] for c in found)
        group = conflicts.setdefault(labels, {"day": day, "labels": list(labels), "window": [],
                                              "before": [], "texts": []})
        group["window" if reason == "posterior_chain" else "before"].append(day)
        group["texts"] += [c["text"] for c in found]
    days = {}
    for c in schedule.get("injury") or ():
        entry = days.setdefault((c["exercise"], c["intensity"]), {
            "exercise": c["exercise"], "label": c["label"], "intensity": c["intensity"],
            "days": []})
        entry["days"].append(c["day"])
    injury = {}
    for e in days.values():
        verdict = injury.setdefault(e["intensity"], {"intensity": e["intensity"], "entries": [],
                                                     "parts": {}})
        verdict["entries"].append(e)
        verdict["parts"].setdefault(tuple(e["days"]), []).append(e["label"])
    for verdict in injury.values():
        verdict["parts"] = [{"days": list(d), "labels": labels}
                            for d, labels in verdict["parts"].items()]
    # A note several days share (the light second pull of a week full of pulls) is printed once
    # under the grid, its days marked, rather than once in every row.
    notes = {}
    for day, d in schedule["days"].items():
        if d["note"]:
            notes.setdefault(d["note"], []).append(day)
    marks = "†‡§¶"
    shared = [(text, days) for text, days in notes.items() if len(days) > 1][:len(marks)]
    notes = {text: {"mark": marks[i], "days": days} for i, (text, days) in enumerate(shared)}
    return {"conflicts": list(conflicts.values()), "injury": list(injury.values()),
            "notes": notes}


def _sheet(advice, ext, generated=None):
    text = environment().get_template(f"sheet.{ext}.j2").render(
        sheet_context(advice, generated))
    return text if text.endswith("\n") else text + "\n"


def _as_dict(advice):
    """Advice or its to_dict() form: the renderers take either."""
    return advice.to_dict() if hasattr(advice, "to_dict") else advice


def to_json(advice, generated=None):
    # The contract carries no date: a JSON answer is the same whenever it is asked for.
    return json.dumps(_as_dict(advice), indent=2, ensure_ascii=False) + "\n"


def to_txt(advice, generated=None):
    return _sheet(advice, "txt", generated)


def to_md(advice, generated=None):
    return _sheet(advice, "md", generated)


def to_html(advice, generated=None):
    return _sheet(advice, "html", generated)


def to_pdf(advice, generated=None, paper=None):
    """The html sheet printed to PDF by headless Chromium (bytes); paper from pdf.paper_for."""
    from . import pdf

    profile = _as_dict(advice)["profile"]
    return pdf.html_to_pdf(to_html(advice, generated), paper=paper or pdf.paper_for(profile))


_RENDERERS = {"json": to_json, "txt": to_txt, "md": to_md, "html": to_html, "pdf": to_pdf}


def render(advice, fmt, *, generated=None, **options):
    """Advice as ``fmt`` (one of FORMATS): str for text formats, bytes for BINARY_FORMATS.

    ``generated`` is the date printed on the sheet (ISO text; default today), so a sheet can be
    reproduced exactly; ``paper`` ("A4" or "Letter") is passed on to the pdf format.
    """
    if fmt not in _RENDERERS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    return _RENDERERS[fmt](advice, generated, **options)


# The columns `explain` wraps at: the terminal's width, kept within these bounds.
TRAIL_WIDTHS = (60, 100)


def trail_width(width=None):
    """``width``, or the terminal's (COLUMNS first, 80 when there is no terminal), kept within
    TRAIL_WIDTHS: never narrower than a readable line, never wider than one to read at once."""
    import shutil

    if width is None:
        width = shutil.get_terminal_size((80, 24)).columns
    lo, hi = TRAIL_WIDTHS
    return max(lo, min(hi, width))


def render_trail(advice, fmt, width=None, why_not=None):
    """The HOW trail (explain.explanation) as text (txt, wrapped at trail_width(width)) or JSON;
    with ``why_not`` (why_not.answer for this advice), that answer instead. The JSON keeps every
    key it had and adds: per conclusion ``kind``, ``about``, ``title``, ``statement``,
    ``details``; the day, loads and alternative conclusions; ``rules_fired``."""
    import json

    from .explain import explanation

    a = _as_dict(advice)
    if why_not is not None:
        if fmt == "json":
            return json.dumps(why_not, indent=2, ensure_ascii=False) + "\n"
        return environment().get_template("why_not.txt.j2").render(
            w=why_not, a=a, width=trail_width(width), **_answer_words())
    t = explanation(a)
    words = environment().get_template("partials/conclusions.j2").module
    labels = {f["exercise"]: f["label"] for f in a["follow_ups"]}
    numbers, counted = [], {}
    for c in t["conclusions"]:
        # Warnings and advice by their number on the sheet.
        numbers.append(counted.get(c["kind"], 0) + 1 if c["kind"] in ("warning", "advice")
                       else None)
        counted[c["kind"]] = numbers[-1]
        c["title"], c["statement"], c["details"] = _worded(
            words, {**c, "number": numbers[-1], "labels": [labels.get(c["about"])]}, a)
    if fmt == "json":
        return json.dumps(t, indent=2, ensure_ascii=False) + "\n"
    fired = [{**f, "runs": _step_runs(f["steps"])} for f in t["rules_fired"]]
    return environment().get_template("explain.txt.j2").render(
        entries=_reading(t["conclusions"], numbers, words, a, labels), fired=fired,
        steps=len(a["trace"]), width=trail_width(width))


def _worded(words, c, a):
    """A conclusion's title, statement and detail lines (templates/partials/conclusions.j2)."""
    lines = [" ".join(line.split()) for line in words.statement(c, a).split("\n")]
    lines = [line for line in lines if line]
    return words.title(c), lines[0], lines[1:]


def _reading(conclusions, numbers, words, a, labels):
    """The conclusions as `explain` prints them: in reading order; follow-ups with the same
    verdict, rules and sources as one entry; a rule already explained under an earlier entry
    refers back to it (``again``: that entry's title) instead of being spelled out again."""
    from .explain import in_reading_order

    entries, grouped, explained = [], {}, {}
    number = {id(c): n for c, n in zip(conclusions, numbers, strict=True)}
    for c in in_reading_order(conclusions):
        sources = [s["key"] for s in c["sources"]]
        if c["kind"] == "follow-up":
            same = (c["value"], tuple(r["rule"] for r in c["rules"]), tuple(sources))
            if same in grouped:
                grouped[same]["abouts"].append(c["about"])
                continue
        entry = {"c": c, "sources": sources, "abouts": [c["about"]]}
        if c["kind"] == "follow-up":
            grouped[same] = entry
        entries.append(entry)
    out = []
    for entry in entries:
        c = entry["c"]
        title, statement, details = _worded(words, {**c, "number": number[id(c)], "labels": [
            labels.get(x) for x in entry["abouts"]]}, a)
        rules = [{**r, "again": explained.get(r["rule"])} for r in c["rules"]]
        for r in rules:
            explained.setdefault(r["rule"], title)
        out.append({"title": title, "lines": [statement, *details], "rules": rules,
                    "sources": entry["sources"]})
    return out


def _step_runs(steps):
    """[15, 16, 17, 20] -> [(15, 17), (20, 20)], for "steps 15–17, 20"."""
    runs = []
    for step in steps:
        if runs and runs[-1][1] == step - 1:
            runs[-1] = (runs[-1][0], step)
        else:
            runs.append((step, step))
    return runs


@functools.cache
def _answer_words():
    """How the questionnaire names each answer and its choices (templates/questions.yaml), for
    `explain --why-not` to say which answer would change what."""
    from .resources import template_yaml

    wording = template_yaml("questions.yaml")
    names = {key: q["name"] for key, q in wording["questions"].items()}
    choices = {key: {v: c["label"] for v, c in q.get("choices", {}).items()}
               for key, q in wording["questions"].items()}
    max_lift = wording["extras"]["max_lift"]
    names["max_lift"] = max_lift["question"].rstrip("?")
    choices["max_lift"] = dict(max_lift["choices"])
    return {"answer_names": names, "answer_choices": choices}


def summary_lines(advice):
    """The terminal summary after the questions (templates/summary.txt.j2), as the advice dict
    and its lines; the questionnaire styles and wraps them."""
    from .resources import template_yaml

    a = advice.to_dict()
    wording = template_yaml("questions.yaml")
    text = environment().get_template("summary.txt.j2").render(
        a=a, words=wording["screens"]["summary"],
        days=wording["questions"]["placement"]["choices"])
    lines = text.split("\n")
    return a, lines[:-1] if lines and lines[-1] == "" else lines


def render_defaults(settings):
    """What a defaults file sets (coach_defaults.load), for `deadlift-advisor defaults`."""
    from .kb.answers import SPEC
    from .resources import template_yaml

    wording = template_yaml("questions.yaml")
    return environment().get_template("defaults.txt.j2").render(
        settings=settings, units=settings.get("units", SPEC["units"]["default"]),
        questions=wording["questions"], extras=wording["extras"])
