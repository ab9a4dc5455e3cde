"""`deadlift-advisor batch` (one sheet per athlete plus summary.csv); `kb check` is in
test_kb_check.py, except where a worker dies under either command.

Batch runs go through click's CliRunner and through a real subprocess of the installed console
script (real stderr, real exit codes, real worker processes). The full 342,000-profile `kb check`
is deliberately not run here; only small, bounded slices of it.
"""

import csv
import io
import itertools
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from deadlift_advisor.kb import enumerated_space
from helpers import PREFIX, SCRIPT, assert_one_line_error, run_script
from helpers import run_inproc as _run_inproc

REPO = Path(__file__).resolve().parents[1]
ROSTER = REPO / "examples" / "roster.csv"

# examples/roster.csv, read by hand: rows are numbered as in the file (the header is row 1).
GOOD_ROWS = {2: ("Ana Silva", "ana-silva.json"), 3: ("Ben Okafor", "ben-okafor.json"),
             4: ("Chloé Martin", "chloe-martin.json"), 5: ("Dev Patel", "dev-patel.json"),
             7: ("Femi Adeyemi", "femi-adeyemi.json"), 8: ("Gus Lund", "gus-lund.json")}
BAD_ROWS = {6: ("Eve Brown", ("variation", "'sumo_dl'", "did you mean 'sumo'")),
            9: ("Hana Sato", ("back_days_per_week", "7", "0 to 3"))}


def run_inproc(args):
    run = _run_inproc(args)
    assert run.exception is None, repr(run.exception)
    return run


@pytest.fixture(params=["inproc", "subprocess"])
def cli(request):
    if request.param == "subprocess" and not SCRIPT.exists():
        pytest.skip(f"console script not installed next to {sys.executable}")
    return run_inproc if request.param == "inproc" else run_script


def read_summary(folder):
    with open(Path(folder) / "summary.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def outputs(folder):
    return {p.name: p.read_bytes() for p in sorted(Path(folder).iterdir())}


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)


# --- the example roster ---------------------------------------------------------------------------

def test_example_roster_writes_good_rows_and_reports_bad_ones(cli, tmp_path):
    out = tmp_path / "sheets"
    run = cli(["batch", ROSTER, "-o", out, "--format", "json"])
    assert run.code == 1, run.stderr  # rows 6 and 9 fail
    assert "Traceback" not in run.stderr
    files = set(os.listdir(out))
    assert files == {name for _, name in GOOD_ROWS.values()} | {"summary.csv"}

    # each sheet is that athlete's advice
    for athlete, name in GOOD_ROWS.values():
        advice = json.loads((out / name).read_text(encoding="utf-8"))
        assert advice["profile"]["athlete"] == athlete
        assert advice["disclaimer"]

    # bad rows on stderr with row number, athlete and reason; nothing else there
    err = run.stderr.splitlines()
    assert len(err) == len(BAD_ROWS), run.stderr
    for line, (number, (athlete, pieces)) in zip(err, sorted(BAD_ROWS.items()), strict=True):
        assert line.startswith(f"row {number} ({athlete}): "), line
        for piece in pieces:
            assert piece in line, (piece, line)
    assert "6 sheets written" in run.stdout and "2 rows failed" in run.stdout

    summary = read_summary(out)
    assert [int(r["row"]) for r in summary] == list(range(2, 10))
    for r in summary:
        number = int(r["row"])
        if number in GOOD_ROWS:
            athlete, name = GOOD_ROWS[number]
            assert (r["athlete"], r["file"], r["status"], r["error"]) == (athlete, name, "ok", "")
        else:
            athlete, pieces = BAD_ROWS[number]
            assert (r["athlete"], r["file"], r["status"]) == (athlete, "", "error")
            for piece in pieces:
                assert piece in r["error"], (piece, r["error"])


def test_example_roster_sheets_carry_the_row_answers(tmp_path):
    out = tmp_path / "sheets"
    assert run_inproc(["batch", ROSTER, "-o", out, "--format", "json"]).code == 1
    ana = json.loads((out / "ana-silva.json").read_text(encoding="utf-8"))
    # 140x5@8: 140 / 0.811 = 172.6 kg (RTS chart); upper_lower week -> a schedule
    assert ana["prescription"]["estimated_1rm"]["value"] == pytest.approx(172.6, abs=0.05)
    assert ana["profile"]["week"]["split"] == "upper_lower"
    assert ana["schedule"]["deadlift_day"]
    dev = json.loads((out / "dev-patel.json").read_text(encoding="utf-8"))
    # 315 lb x 3 @ 8: 3 @ 8 = 86.3 % -> 315 / 0.863 = 365.0 lb
    assert dev["prescription"]["units"] == "lb"
    assert dev["prescription"]["estimated_1rm"]["value"] == pytest.approx(365.0, abs=0.05)
    chloe = json.loads((out / "chloe-martin.json").read_text(encoding="utf-8"))
    # a Romanian deadlift with a recovering hamstring: no deadlift (K16)
    assert chloe["prescription"]["perform"] is False
    summary = {int(r["row"]): r for r in read_summary(out)}
    assert summary[4]["rpe"] == "no deadlift"
    assert summary[7]["category"] == "back" and summary[7]["day"] == "back_day"


def test_a_roster_of_good_rows_exits_0(cli, tmp_path):
    with open(ROSTER, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    good = tmp_path / "good.csv"
    write_csv(good, rows[0], [r for i, r in enumerate(rows[1:], start=2) if i in GOOD_ROWS])
    out = tmp_path / "out"
    run = cli(["batch", good, "-o", out, "--format", "json"])
    assert run.code == 0, run.stderr
    assert run.stderr == ""
    assert len(read_summary(out)) == len(GOOD_ROWS)
    assert all(r["status"] == "ok" for r in read_summary(out))


@pytest.mark.parametrize("kind", ["yaml", "json"])
def test_yaml_and_json_list_rosters(cli, tmp_path, kind):
    rows = [{"athlete": "Ana Silva", "variation": "sumo", "goal": "strength",
             "experience": "novice"},
            {"variation": "romanian", "goal": "power", "experience": "advanced"},
            {"athlete": "Zed", "variation": "deadlift_of_doom", "goal": "strength",
             "experience": "novice"}]
    roster = tmp_path / f"roster.{kind}"
    if kind == "json":
        roster.write_text(json.dumps(rows), encoding="utf-8")
    else:
        import yaml
        roster.write_text(yaml.safe_dump(rows, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "out"
    run = cli(["batch", roster, "-o", out, "--format", "json"])
    assert run.code == 1
    # list rosters number their entries from 1; a row without an athlete is named by its number
    assert set(os.listdir(out)) == {"ana-silva.json", "row-2.json", "summary.csv"}
    (line,) = run.stderr.splitlines()
    assert line.startswith("row 3 (Zed): variation: 'deadlift_of_doom'"), line
    summary = read_summary(out)
    assert [(r["row"], r["status"]) for r in summary] == [("1", "ok"), ("2", "ok"), ("3", "error")]
    assert json.loads((out / "row-2.json").read_text())["profile"]["variation"] == "romanian"


# --- bad rosters ----------------------------------------------------------------------------------

def test_a_roster_that_is_not_a_list(cli, tmp_path):
    roster = tmp_path / "one.yaml"
    roster.write_text("variation: sumo\ngoal: strength\nexperience: novice\n", encoding="utf-8")
    out = tmp_path / "out"
    assert_one_line_error(cli(["batch", roster, "-o", out]), "must be a list")
    assert not out.exists() or not any(out.iterdir())


def test_a_csv_row_with_more_cells_than_the_header(cli, tmp_path):
    roster = tmp_path / "extra.csv"
    roster.write_text("athlete,variation,goal,experience\n"
                      "Ana,sumo,strength,novice\n"
                      "Ben,sumo,strength,novice,surprise\n", encoding="utf-8")
    out = tmp_path / "out"
    assert_one_line_error(cli(["batch", roster, "-o", out]), "row 3", "more cells than the header")
    assert not out.exists() or not any(out.iterdir())


def test_a_missing_roster(cli, tmp_path):
    assert_one_line_error(cli(["batch", tmp_path / "nope.csv", "-o", tmp_path / "out"]),
                          "nope.csv", "not found")


def test_an_output_path_that_is_a_file(cli, tmp_path):
    target = tmp_path / "taken"
    target.write_text("x", encoding="utf-8")
    assert_one_line_error(cli(["batch", ROSTER, "-o", target, "--format", "json"]), "is a file")


def test_sheets_are_not_overwritten_without_force(tmp_path):
    out = tmp_path / "out"
    assert run_inproc(["batch", ROSTER, "-o", out, "--format", "json"]).code == 1
    assert_one_line_error(run_inproc(["batch", ROSTER, "-o", out, "--format", "json"]),
                          "already exists", "--force")
    forced = run_inproc(["batch", ROSTER, "-o", out, "--format", "json", "--force"])
    assert forced.code == 1 and len(forced.stderr.splitlines()) == len(BAD_ROWS)


# --- determinism, scale, safe names ---------------------------------------------------------------

def test_jobs_1_and_jobs_2_give_identical_outputs(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    assert run_script(["batch", ROSTER, "-o", one, "--format", "json", "--jobs", "1"]).code == 1
    assert run_script(["batch", ROSTER, "-o", two, "--format", "json", "--jobs", "2"]).code == 1
    first, second = outputs(one), outputs(two)
    assert sorted(first) == sorted(second)
    assert len(first) == len(GOOD_ROWS) + 1
    assert first == second


def test_the_same_answers_give_the_same_bytes_in_every_process():
    # Twelve independent processes: before rule ids broke salience ties, the order of two
    # recommendations flipped like a coin between processes (all twelve agreeing: 1 in 2,048).
    code = ("import deadlift_advisor, json; print(json.dumps(deadlift_advisor.advise("
            "{'variation': 'rack_pull', 'goal': 'strength', 'experience': 'intermediate'})"
            ".to_dict()))")
    procs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) for _ in range(12)]
    outs = set()
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        outs.add(out)
    assert len(outs) == 1


def test_jobs_1_and_jobs_2_in_process_give_identical_outputs(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    assert run_inproc(["batch", ROSTER, "-o", one, "--format", "txt", "--jobs", "1"]).code == 1
    assert run_inproc(["batch", ROSTER, "-o", two, "--format", "txt", "--jobs", "2"]).code == 1
    assert outputs(one) == outputs(two)


ROSTER_KEYS = ("athlete", "variation", "goal", "experience", "season_phase", "injury_area",
               "injury_stage", "placement", "back_days_per_week")
# position in the roster (0-based data row) -> (change to a good row, words the error must contain)
BROKEN = {137: ({"variation": "sumo_dl"}, ("variation", "sumo_dl")),
          911: ({"back_days_per_week": "7"}, ("back_days_per_week", "7")),
          1501: ({"goal": ""}, ("missing answer", "goal")),
          1999: ({"injury_area": "", "injury_stage": "acute"}, ("injury_stage", "injury_area"))}


def big_roster(path, size=2000):
    """``size`` rows cycling through the enumerated input space (a stride, so every variation,
    goal, injury ... shows up), with the BROKEN rows changed to bad answers."""
    stride = itertools.islice(enumerated_space(), 0, None, 97)
    rows = []
    for i, profile in enumerate(itertools.islice(itertools.cycle(stride), size)):
        row = {"athlete": f"Athlete {i:04d}" if i % 250 else "Sam Lee", **profile}
        row.update(BROKEN.get(i, ({}, ()))[0])
        rows.append([row.get(k, "") for k in ROSTER_KEYS])
    write_csv(path, ROSTER_KEYS, rows)


def test_2000_athletes(tmp_path):
    """The issue's 2,000-athlete scenario: a club roster of 2,000 rows, a few of them broken,
    through the real command with two worker processes (json keeps it well under a minute)."""
    roster = tmp_path / "club.csv"
    big_roster(roster)
    out = tmp_path / "sheets"
    run = run_script(["batch", roster, "-o", out, "--format", "json", "--jobs", "2"], timeout=300)
    assert run.code == 1, run.stderr
    sheets = [n for n in os.listdir(out) if n != "summary.csv"]
    assert len(sheets) == 2000 - len(BROKEN)
    assert len(set(sheets)) == len(sheets)
    summary = read_summary(out)
    assert len(summary) == 2000
    assert [int(r["row"]) for r in summary] == list(range(2, 2002))
    errors = {int(r["row"]): r for r in summary if r["status"] == "error"}
    assert set(errors) == {i + 2 for i in BROKEN}  # CSV row numbers: the header is row 1
    for i, (_, pieces) in BROKEN.items():
        for piece in pieces:
            assert piece in errors[i + 2]["error"], (piece, errors[i + 2])
    assert {r["file"] for r in summary if r["status"] == "ok"} == set(sheets)
    # the repeated name "Sam Lee" (rows 0, 250, ...) gets -2, -3, ...
    assert {"sam-lee.json", "sam-lee-2.json", "sam-lee-8.json"} <= set(sheets)
    err = run.stderr.splitlines()
    assert [line.split(":")[0] for line in err] == [
        f"row {i + 2} (Athlete {i:04d})" for i in sorted(BROKEN)]


def _children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as fh:
            return [int(c) for c in fh.read().split()]
    except OSError:
        return []


@pytest.mark.parametrize("command", ["batch", "kb check"])
def test_a_worker_killed_mid_run_ends_the_command_with_one_line(tmp_path, command):
    """As when the kernel's out-of-memory killer picks a worker: the command must stop with one
    line and exit 1, not wait for ever for the dead worker's results (multiprocessing.Pool
    did)."""
    if not Path("/proc/self/task").exists() or not SCRIPT.exists():
        pytest.skip("needs /proc and the installed console script")
    if command == "batch":
        roster = tmp_path / "club.csv"
        big_roster(roster)
        args = ["batch", roster, "-o", tmp_path / "sheets", "--format", "html", "--jobs", "2"]
    else:
        args = ["kb", "check", "--limit", "100000", "--jobs", "2"]
    proc = subprocess.Popen([str(SCRIPT), *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while len(_children(proc.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        workers = _children(proc.pid)
        assert workers, "no worker processes appeared"
        # Mid-run: once sheets are being written (batch), or once the workers are busy.
        sheets = tmp_path / "sheets"
        while command == "batch" and time.monotonic() < deadline and not (
                sheets.exists() and any(n.endswith(".html") for n in os.listdir(sheets))):
            time.sleep(0.01)
        time.sleep(0.3)
        os.kill(workers[-1], signal.SIGKILL)
        out, err = proc.communicate(timeout=120)
    finally:
        proc.kill()
    assert proc.returncode == 1, (proc.returncode, err)
    assert "Traceback" not in err
    assert err.splitlines() == [PREFIX + "a worker process stopped before finishing (killed, or "
                                "out of memory) — run again, or with --jobs 1"]
    if command == "batch":
        written = [n for n in os.listdir(tmp_path / "sheets") if n.endswith(".html")]
        assert 0 < len(written) < 2000 - len(BROKEN)
        for name in written[:50]:  # what was written is whole
            assert (tmp_path / "sheets" / name).read_text(encoding="utf-8").rstrip().endswith(
                "</html>")
        assert not (tmp_path / "sheets" / "summary.csv").exists()
        assert not [n for n in os.listdir(tmp_path / "sheets") if n.startswith(".")], \
            "a temporary file was left behind"


def test_file_names_are_safe_and_unique(cli, tmp_path):
    names = ["../../etc/passwd", "<script>alert(1)</script>", "Chloé Martin", "Chloé Martin",
             "chloe martin", "/", "..", "李雷", "a/b\\c", "CON", "x" * 80, "summary"]
    roster = tmp_path / "names.json"
    roster.write_text(json.dumps([{"athlete": n, "variation": "sumo", "goal": "strength",
                                   "experience": "novice"} for n in names]), encoding="utf-8")
    out = tmp_path / "deep" / "out"
    run = cli(["batch", roster, "-o", out, "--format", "json"])
    assert run.code == 0, run.stderr
    files = sorted(os.listdir(out))
    sheets = [f for f in files if f != "summary.csv"]
    assert len(sheets) == len(names)  # one each, none lost to a collision
    for f in sheets:
        assert "/" not in f and "\\" not in f and ".." not in f and "<" not in f, f
        assert f.endswith(".json") and f != ".json"
        assert (out / f).is_file()
    # nothing escaped the output folder
    assert sorted(p.name for p in (tmp_path / "deep").iterdir()) == ["out"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deep", "names.json"]
    summary = read_summary(out)
    assert [r["status"] for r in summary] == ["ok"] * len(names)
    assert {r["file"] for r in summary} == set(sheets)
    assert summary[0]["file"] == "etc-passwd.json"
    assert summary[2]["file"] == "chloe-martin.json"
    assert summary[3]["file"] == "chloe-martin-2.json"
    assert summary[4]["file"] == "chloe-martin-3.json"
    for r in summary:  # each sheet holds its own athlete
        advice = json.loads((out / r["file"]).read_text(encoding="utf-8"))
        assert advice["profile"]["athlete"] == r["athlete"]


def test_summary_csv_is_plain_csv(tmp_path):
    out = tmp_path / "out"
    run_inproc(["batch", ROSTER, "-o", out, "--format", "json"])
    text = (out / "summary.csv").read_text(encoding="utf-8")
    header = next(csv.reader(io.StringIO(text)))
    # the first nine columns as they always were (scripts read them by position); newer ones
    # come after them (tests/test_team.py)
    assert header[:9] == ["row", "athlete", "file", "variation", "category", "day", "rpe",
                          "status", "error"]
