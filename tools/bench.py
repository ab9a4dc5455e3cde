"""`make bench`: how fast is a consultation, and how fast does the command start?

1. Per consultation, engine reused: every profile of the input space (or a stratified sample with
   --sample N), advise() timed one by one, spread over all cores; median and p95.
2. Cold start: wall time of `deadlift-advisor advise --format json` against the import floor
   (a fresh `python -c` that imports experta (with the compat aliases), click and jinja2), runs
   interleaved in the same session; the ratio is the figure that matters. `make bench` compiles
   the package to bytecode first, as an installed package has it.
3. Batch: marginal cost per row of json sheets, and the peak memory of a 2,000-row run.
4. `kb check` over the whole input space.
5. PDFs: the marginal cost of a sheet in a batch (rosters of 10 and 40 rows, --jobs 2, medians
   of interleaved runs: (t40 - t10) / 30) against one cold `advise --format pdf`, in the same
   run; which way the batch printed (pdf.batch_path: one browser per worker through Playwright,
   or one-shot); and one sheet in a cold process each way, the measure behind advise's choice.
"""

import argparse
import multiprocessing
import os
import statistics
import subprocess
import sys
import time

FLOOR = ("import collections, collections.abc\n"
         "for n in ('Mapping', 'MutableMapping', 'Sequence', 'Iterable', 'Callable', 'Hashable',"
         " 'Set', 'MutableSet'):\n"
         "    setattr(collections, n, getattr(collections.abc, n))\n"
         "import experta, click, jinja2\n")


def _time_chunk(profiles):
    import deadlift_advisor

    deadlift_advisor.advise(profiles[0])  # build the engine outside the timing
    times = []
    for answers in profiles:
        start = time.perf_counter()
        deadlift_advisor.advise(answers)
        times.append(time.perf_counter() - start)
    return times


def consultations(sample, jobs):
    from deadlift_advisor.kb import enumerated_space

    space = list(enumerated_space())
    if sample and sample < len(space):
        step = len(space) / sample
        space = [space[int(i * step)] for i in range(sample)]
    chunks = [space[i::jobs * 8] for i in range(jobs * 8)]
    start = time.perf_counter()
    with multiprocessing.Pool(jobs) as pool:
        times = [t for chunk in pool.map(_time_chunk, chunks) for t in chunk]
    wall = time.perf_counter() - start
    times.sort()
    return {"profiles": len(times), "median_ms": statistics.median(times) * 1000,
            "p95_ms": times[int(len(times) * 0.95)] * 1000, "wall_s": wall, "jobs": jobs}


def _wall(cmd, **kwargs):
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, **kwargs)
    return time.perf_counter() - start


def cold_start(runs, answers):
    exe = os.path.join(os.path.dirname(sys.executable), "deadlift-advisor")
    floor_cmd = [sys.executable, "-c", FLOOR]
    advise_cmd = [exe, "advise", "--answers", answers, "--format", "json"]
    _wall(floor_cmd), _wall(advise_cmd)  # warm the file cache
    floor, advise = [], []
    for _ in range(runs):
        floor.append(_wall(floor_cmd))
        advise.append(_wall(advise_cmd))
    f, a = statistics.median(floor), statistics.median(advise)
    return {"runs": runs, "floor_ms": f * 1000, "advise_ms": a * 1000, "ratio": a / f}


def _roster(path, rows):
    import csv
    import itertools

    from deadlift_advisor.kb import enumerated_space

    keys = ("athlete", "variation", "goal", "experience", "season_phase", "injury_area",
            "injury_stage", "placement", "back_days_per_week")
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=keys)
        writer.writeheader()
        for i, answers in enumerate(itertools.islice(enumerated_space(), 0, None, 97)):
            if i == rows:
                break
            writer.writerow({"athlete": f"Athlete {i}", **answers})


def batch(rows_small=200, rows_large=2000):
    """Marginal cost per row (json sheets, one process) and the peak memory of a 2,000-row run."""
    import tempfile

    exe = os.path.join(os.path.dirname(sys.executable), "deadlift-advisor")
    walls = {}
    with tempfile.TemporaryDirectory() as tmp:
        for rows in (rows_small, rows_large):
            roster = os.path.join(tmp, f"roster-{rows}.csv")
            _roster(roster, rows)
            walls[rows] = _wall([exe, "batch", roster, "-o", os.path.join(tmp, f"out-{rows}"),
                                 "--format", "json", "--jobs", "1"])
        # Peak memory of the 2,000-row run alone: a fresh wrapper process whose only child is it
        # (this process's own children include the consultation pool).
        wrapper = ("import resource, subprocess, sys\n"
                   "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)\n"
                   "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
        done = subprocess.run([sys.executable, "-c", wrapper, exe, "batch", roster, "-o",
                               os.path.join(tmp, "out-peak"), "--format", "json", "--jobs", "1"],
                              stdout=subprocess.PIPE, text=True, check=True)
    peak_mb = int(done.stdout.split()[-1]) / 1024
    return {"marginal_ms": (walls[rows_large] - walls[rows_small]) / (rows_large - rows_small)
            * 1000, "wall_2000_s": walls[rows_large], "peak_mb": peak_mb}


# One sheet in a cold process, each way: what `advise --format pdf` would cost on either path.
ONE_SHEET = ("import sys\n"
             "from deadlift_advisor import advise, pdf\n"
             "from deadlift_advisor.render import render\n"
             "advice = advise({'variation': 'sumo', 'goal': 'strength', 'experience': 'novice'})\n"
             "html, paper = render(advice, 'html'), pdf.paper_for(advice.profile)\n"
             "if sys.argv[1] == 'persistent':\n"
             "    pdf.print_sheet(html, paper)\n"
             "    print(pdf.batch_path())\n"
             "    pdf.close_printer()\n"
             "else:\n"
             "    pdf.html_to_pdf(html, paper)\n")


def pdfs(answers, runs=3, small=10, large=40, jobs=2):
    """Batch PDFs: marginal seconds per sheet on ``jobs`` processes, one cold advise --format pdf,
    their ratio, the path the batch used, and one sheet in a cold process each way."""
    import tempfile

    from deadlift_advisor.pdf import find_chromium

    find_chromium()  # ChromiumMissing: not measured
    exe = os.path.join(os.path.dirname(sys.executable), "deadlift-advisor")
    walls = {small: [], large: []}
    cold, one = [], {"one-shot": [], "persistent": []}
    path = None
    with tempfile.TemporaryDirectory() as tmp:
        for rows in walls:
            _roster(os.path.join(tmp, f"roster-{rows}.csv"), rows)
        for run in range(runs):
            for rows in walls:
                out = os.path.join(tmp, f"out-{rows}-{run}")
                walls[rows].append(_wall([exe, "batch", os.path.join(tmp, f"roster-{rows}.csv"),
                                          "-o", out, "--format", "pdf", "--jobs", str(jobs)]))
            cold.append(_wall([exe, "advise", "--no-input", "--answers", answers,
                               "--format", "pdf", "-o", os.path.join(tmp, f"cold-{run}.pdf")]))
            for way in one:
                start = time.perf_counter()
                done = subprocess.run([sys.executable, "-c", ONE_SHEET, way], check=True,
                                      stdout=subprocess.PIPE, text=True)
                one[way].append(time.perf_counter() - start)
                path = done.stdout.strip() or path
    t_small, t_large = statistics.median(walls[small]), statistics.median(walls[large])
    marginal = (t_large - t_small) / (large - small)
    c = statistics.median(cold)
    return {"marginal_s": marginal, "cold_s": c, "ratio": marginal / c, "path": path,
            "small": small, "large": large, "t_small": t_small, "t_large": t_large,
            "jobs": jobs, "runs": runs,
            "one_sheet": {way: statistics.median(times) for way, times in one.items()}}


def kb_check():
    exe = os.path.join(os.path.dirname(sys.executable), "deadlift-advisor")
    start = time.perf_counter()
    done = subprocess.run([exe, "kb", "check"], stdout=subprocess.PIPE, text=True)
    return {"seconds": time.perf_counter() - start, "exit": done.returncode,
            "summary": done.stdout.splitlines()[0] if done.stdout else ""}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=int(os.environ.get("BENCH_SAMPLE", 0)),
                        help="profiles to time (0 = the whole input space)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--runs", type=int, default=20, help="cold-start runs of each command")
    parser.add_argument("--answers", default="examples/answers.json")
    parser.add_argument("--skip-kb-check", action="store_true",
                        help="leave out the timing of `kb check` over the whole input space")
    parser.add_argument("--skip-pdf", action="store_true",
                        help="leave out the PDF figures (they need Chromium)")
    args = parser.parse_args()

    results = []  # (what, figure, target, unit)
    c = consultations(args.sample, args.jobs)
    print(f"consultation (engine reused): {c['profiles']} profiles on {c['jobs']} processes in "
          f"{c['wall_s']:.1f} s — median {c['median_ms']:.3f} ms, p95 {c['p95_ms']:.3f} ms")
    results.append(("consultation, median", c["median_ms"], 1.0, "ms"))
    s = cold_start(args.runs, args.answers)
    print(f"cold start, median of {s['runs']}: advise --format json {s['advise_ms']:.1f} ms, "
          f"import floor {s['floor_ms']:.1f} ms — ratio {s['ratio']:.2f}x")
    results.append(("cold start / import floor", s["ratio"], 1.5, "x"))
    b = batch()
    print(f"batch, json sheets, one process: marginal {b['marginal_ms']:.2f} ms per row; "
          f"2,000 rows in {b['wall_2000_s']:.1f} s, peak memory {b['peak_mb']:.0f} MB")
    results.append(("batch, marginal per row", b["marginal_ms"], 2.0, "ms"))
    results.append(("batch, peak memory (2,000 rows)", b["peak_mb"], 150.0, "MB"))
    if not args.skip_kb_check:
        k = kb_check()
        print(f"kb check over the whole input space: {k['seconds']:.0f} s, exit {k['exit']} — "
              f"{k['summary']}")
        results.append(("kb check, whole input space", k["seconds"], 120.0, "s"))
    if not args.skip_pdf:
        from deadlift_advisor.errors import ChromiumMissing

        try:
            p = pdfs(args.answers)
        except ChromiumMissing as exc:
            print(f"PDFs: not measured ({exc})")
        else:
            one = p["one_sheet"]
            faster = min(one, key=one.get)
            print(f"PDFs: batch path {p['path']}; {p['large']} rows {p['t_large']:.2f} s, "
                  f"{p['small']} rows {p['t_small']:.2f} s on {p['jobs']} processes (medians "
                  f"of {p['runs']}): marginal {p['marginal_s']:.3f} s a sheet; one cold advise "
                  f"--format pdf {p['cold_s']:.2f} s; ratio {p['ratio']:.3f} (1/"
                  f"{1 / p['ratio']:.1f})")
            print(f"PDFs: one sheet in a cold process: one-shot {one['one-shot']:.2f} s, "
                  f"persistent {one['persistent']:.2f} s — {faster} is faster for one sheet "
                  f"(advise --format pdf prints one-shot)")
            results.append(("batch PDF, marginal per sheet", p["marginal_s"], 0.25, "s"))
            results.append(("batch PDF marginal / cold advise", p["ratio"], 1 / 6, "x"))

    print(f"\n{'figure':34} {'measured':>10} {'target':>9} {'ratio':>6}")
    for what, figure, target, unit in results:
        verdict = "met" if figure <= target else "NOT met"
        print(f"{what:34} {figure:>8.2f} {unit:<2}{target:>7.2f} {unit:<2}{figure / target:>5.2f}  "
              f"{verdict}")


if __name__ == "__main__":
    main()
