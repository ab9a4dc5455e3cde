"""The variation catalogue on the command line: `variations` and `compare` (README "The variation
catalogue"). Expected content is read from the knowledge base (kb.VARIATIONS), not from output.
"""

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import deadlift_advisor
from deadlift_advisor.cli import main
from deadlift_advisor.kb import TIERS, VARIATIONS
from deadlift_advisor.render import label as rendered

PREFIX = "deadlift-advisor: error: "
TEMPLATES = Path(deadlift_advisor.__file__).resolve().parent / "templates"
KB_TIERS = (("primary", "primary_movers"), ("secondary", "secondary_movers"),
            ("stabilizers", "stabilizers"))


def label(value):
    """How the templates print an id (the same `label` filter every template uses)."""
    return rendered(value)


def invoke(*args):
    try:
        runner = CliRunner(mix_stderr=False)
    except TypeError:  # click >= 8.2 keeps stderr apart anyway
        runner = CliRunner()
    result = runner.invoke(main, list(args), prog_name="deadlift-advisor")
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        repr(result.exception)
    return result


def ok(*args):
    result = invoke(*args)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def test_the_kb_tier_names_are_the_ones_this_suite_reads():
    assert tuple(TIERS) == tuple(t for t, _ in KB_TIERS)


# --- variations -----------------------------------------------------------------------------------

def test_variations_table_lists_every_variation_with_category_and_provisional_mark():
    out = ok("variations")
    lines = out.splitlines()
    rows = {line.split()[0]: line for line in lines if line and not line[0].isspace()
            and line.split()[0] in VARIATIONS}
    assert set(rows) == set(VARIATIONS)
    for vid, v in VARIATIONS.items():
        line = rows[vid]
        category = line.split()[1]
        assert category == v["category"] + ("*" if v["provisional"] else ""), line
        for muscle in v["primary"]:
            assert label(muscle) in line, (vid, muscle, line)
        # the block under the row: secondary movers, evidence, sources
        block = lines[lines.index(line) + 1: lines.index(line) + 4]
        assert block[0].strip().startswith("+ ")
        for muscle in v["secondary"]:
            assert label(muscle) in block[0], (vid, muscle)
        assert block[2].strip() == "sources: " + ", ".join(v["sources"])
    # the mark is explained
    assert any(line.startswith("* provisional") for line in lines)


def test_variations_markdown_marks_provisional_ones():
    out = ok("variations", "--format", "md")
    sections = out.split("\n## ")[1:]
    assert len(sections) == len(VARIATIONS)
    for (vid, v), section in zip(VARIATIONS.items(), sections, strict=True):
        lines = section.splitlines()
        assert lines[0] == f"{v['label']} (`{vid}`)"
        fields = dict(line[4:].split(":** ", 1) for line in lines if line.startswith("- **"))
        expected = v["category"] + (" (provisional)" if v["provisional"] else "")
        assert fields["Category"] == expected, section
        assert fields["Prime movers"] == ", ".join(label(m) for m in v["primary"])
        assert fields["Secondary movers"] == ", ".join(label(m) for m in v["secondary"])
        assert fields["Sources"] == ", ".join(v["sources"])
    assert out.count(" (provisional)\n") == sum(v["provisional"] for v in VARIATIONS.values())


def test_variations_json_is_the_catalogue():
    data = json.loads(ok("variations", "--format", "json"))
    assert [d["variation"] for d in data] == list(VARIATIONS)
    for d in data:
        v = VARIATIONS[d["variation"]]
        assert d["category"] == v["category"]
        assert d["provisional"] is v["provisional"]
        assert d["primary_movers"] == list(v["primary"])
        assert d["secondary_movers"] == list(v["secondary"])
        assert d["stabilizers"] == list(v["stabilizers"])
        assert d["sources"] == list(v["sources"])
        assert d["label"] == v["label"]
        assert d["evidence"].strip()


def test_provisional_variations_exist_on_both_sides():
    """Otherwise the provisional-mark tests above could not fail for the right reason."""
    flags = {v["provisional"] for v in VARIATIONS.values()}
    assert flags == {True, False}


def test_variations_writes_a_file(tmp_path):
    target = tmp_path / "v.md"
    assert ok("variations", "--format", "md", "-o", str(target)) == ""
    assert "# Deadlift variations" in target.read_text(encoding="utf-8")
    again = invoke("variations", "--format", "md", "-o", str(target))
    assert again.exit_code == 2 and "--force" in again.stderr


# --- compare --------------------------------------------------------------------------------------

def _blocks(txt, names):
    """The txt comparison cut into one block per variation, by its label heading."""
    starts = [txt.index(VARIATIONS[n]["label"] + " — ") for n in names]
    ends = starts[1:] + [len(txt)]
    return [txt[s:e] for s, e in zip(starts, ends, strict=True)]


def test_compare_txt_shows_both_with_tiers_and_days():
    names = ["rack_pull", "conventional"]
    txt = ok("compare", *names)
    rack, conv = _blocks(txt, names)
    for block, name in ((rack, "rack_pull"), (conv, "conventional")):
        v = VARIATIONS[name]
        heading = block.splitlines()[0]
        assert heading.startswith(f"{v['label']} — {label(v['category'])}")
        assert ("(provisional)" in heading) is v["provisional"]
        for tier, line_name in (("primary", "prime movers:"), ("secondary", "secondary movers:"),
                                ("stabilizers", "stabilisers:")):
            (line,) = [x for x in block.splitlines() if x.strip().startswith(line_name)]
            assert line.split(":", 1)[1].strip() == ", ".join(label(m) for m in v[tier])
    # K8: a back lift goes on a back (pull) day; K1/K10: the conventional pull on leg day.
    assert "goes on:          back (pull) day" in rack
    assert "goes on:          leg day" in conv


def test_compare_json_has_kb_tiers_and_the_day_each_goes_on():
    data = json.loads(ok("compare", "rack_pull", "conventional", "--format", "json"))
    assert data["goal"] == "strength" and data["experience"] == "intermediate"
    cols = {c["variation"]: c for c in data["columns"]}
    assert list(cols) == ["rack_pull", "conventional"]
    for name, col in cols.items():
        v = VARIATIONS[name]
        assert col["category"] == v["category"]
        assert col["provisional"] is v["provisional"]
        for tier, key in KB_TIERS:
            assert col[key] == list(v[tier])
    assert cols["rack_pull"]["day"] == "back_day"
    assert cols["conventional"]["day"] == "leg_day"
    # K8: the back-day deadlift is capped at RPE 8; K11: a max-effort leg-day pull needs 72 h.
    assert cols["rack_pull"]["prescription"]["rpe"][1] <= 8
    assert cols["rack_pull"]["recovery_hours"] == 48
    assert cols["conventional"]["recovery_hours"] == 72
    cited = {r["key"] for r in data["references"]}
    assert set(VARIATIONS["rack_pull"]["sources"]) | set(VARIATIONS["conventional"]["sources"]) \
        <= cited


def test_compare_md_has_a_line_per_variation_in_every_row():
    names = ["conventional", "trap_bar", "rack_pull"]
    md = ok("compare", *names, "--format", "md")
    lines = md.splitlines()

    def row(title):
        start = lines.index(f"- **{title}**") + 1
        cells = [line[4:] for line in lines[start:start + len(names)]]
        assert [c.partition(": ")[0] for c in cells] == [VARIATIONS[n]["label"] for n in names]
        return [c.partition(": ")[2] for c in cells]

    assert row("Category") == [label(VARIATIONS[n]["category"]) +
                               (" (provisional)" if VARIATIONS[n]["provisional"] else "")
                               for n in names]
    goes = row("Goes on")
    assert "back (pull) day" in goes and "leg day" in goes
    assert row("Prime movers") == [", ".join(label(m) for m in VARIATIONS[n]["primary"])
                                   for n in names]


def test_compare_follows_goal_and_experience():
    data = json.loads(ok("compare", "conventional", "sumo", "--goal", "hypertrophy",
                         "--experience", "novice", "--format", "json"))
    assert data["goal"] == "hypertrophy" and data["experience"] == "novice"
    for col in data["columns"]:
        # novice cap (kb LIMITS novice: RPE <= 7.5), hypertrophy reps 6-10
        assert col["prescription"]["rpe"][1] <= 7.5
        assert col["prescription"]["reps"][0] >= 6


@pytest.mark.skipif(not (TEMPLATES / "compare.html.j2").exists(),
                    reason="compare.html.j2 is not in templates yet")
@pytest.mark.parametrize("names", [["sumo", "romanian"], ["conventional", "trap_bar", "rack_pull"]])
def test_compare_html_is_self_contained_with_one_chart_per_variation(names):
    html = ok("compare", *names, "--format", "html")
    assert "<html" in html.lower()
    assert html.count("<svg") == len(names)
    for n in names:
        assert VARIATIONS[n]["label"] in html
    # nothing fetched from elsewhere: no remote src/href, no url(...) or @import
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert not re.search(r"""url\(\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert "@import" not in html


@pytest.mark.parametrize("args, pieces", [
    (["conventional"], ("two or three", "got 1")),
    (["conventional", "sumo", "romanian", "trap_bar"], ("two or three", "got 4")),
    (["conventional", "sumo_dl"], ("variation", "'sumo_dl'", "did you mean 'sumo'")),
    (["conventional", "conventional"], ("name each variation once",)),
    (["Conventional", "conventional"], ("name each variation once",)),
    (["conventional", "sumo", "--goal", "bulk"], ("goal", "'bulk'")),
])
def test_compare_errors_are_one_line_and_exit_2(args, pieces):
    result = invoke("compare", *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(PREFIX)
    for piece in pieces:
        assert piece in lines[0], (piece, lines[0])
    assert "Traceback" not in result.stderr


def test_compare_without_names_is_a_usage_error():
    result = invoke("compare")
    assert result.exit_code == 2
    assert result.stderr.startswith(PREFIX)


def test_exercises_lists_the_whole_catalogue_by_day_type():
    from click.testing import CliRunner

    from deadlift_advisor.cli import main
    from deadlift_advisor.kb import EXERCISES

    run = CliRunner().invoke(main, ["exercises", "--format", "json"])
    assert run.exit_code == 0, run.output
    rows = json.loads(run.output)
    assert {r["exercise"] for r in rows} == set(EXERCISES) and len(rows) >= 100
    table = CliRunner().invoke(main, ["exercises"]).output
    assert "Front squat" in table and "LEG" in table and "posterior-chain" in table
