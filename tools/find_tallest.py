"""Search the input space for the plans that print tallest on page one, per type size and variant
(the TALLEST and PAGE_TWO tables of tests/test_print.py, which those tests print on A4 and on
Letter). Not a test: about a quarter of an hour on two cores, with Chromium. Run it when the
knowledge, the templates or render.sheet_weight change::

    .venv/bin/python tools/find_tallest.py

and copy what it prints into tests/test_print.py. It reuses the helpers of that test file.

How: every profile of kb.enumerated_space() gets its sheet_weight (the plan's estimated height)
with nothing added and with weights; for the two weeks (the busiest and a mixed one, with
weights) the 20,000 profiles of highest plain weight and 5,000 others picked at random are
weighed. Then, for each type size and variant, with no name and with the 80-character one, the
``top`` heaviest sheets of that size are laid out by Chromium with the print stylesheet at
Letter's width (the shorter page) and the tallest is kept; the tallest page two among all of
them is kept too (PAGE_TWO: its variant and answers).
"""

import json
import os
import pathlib
import random
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "tests"))

import deadlift_advisor  # noqa: E402
from deadlift_advisor.render import DENSITIES, density, render, sheet_weight  # noqa: E402
from test_print import DATE, LONG_NAME, PAPERS, VARIANTS, plan_heights_mm  # noqa: E402


def _weigh(job):
    variant, chunk = job
    return [(sheet_weight(deadlift_advisor.advise({**answers, **VARIANTS[variant]}).to_dict()),
             answers) for answers in chunk]


def _weigh_all(pool, variant, profiles, jobs):
    chunks = [profiles[i::jobs * 16] for i in range(jobs * 16)]
    return [w for part in pool.map(_weigh, [(variant, c) for c in chunks]) for w in part]


def find_tallest(top=40, jobs=None, week_candidates=20000, week_random=5000):
    """Prints, for each type size and variant, the tallest plan found and its height."""
    import multiprocessing

    from deadlift_advisor.kb import enumerated_space

    space = list(enumerated_space())
    deadlift_advisor.advise(space[0])  # the engine and templates loaded once, before the fork
    jobs = jobs or os.cpu_count() or 1
    plain = deadlift_advisor.advise(space[0]).to_dict()
    named = sheet_weight({**plain, "profile": {**plain["profile"], "athlete": LONG_NAME}}) \
        - sheet_weight(plain)  # what the name adds to a sheet's weight
    width, height = PAPERS["Letter"]
    found, page_two = {}, (0, None)
    with multiprocessing.Pool(jobs) as pool:
        weighed = {"plain": _weigh_all(pool, "plain", space, jobs)}
        weighed["weights"] = _weigh_all(pool, "weights", space, jobs)
        heavy = [a for _, a in sorted(weighed["plain"], key=lambda w: -w[0])[:week_candidates]]
        rest = random.Random(20240601).sample(space, week_random)
        candidates = list({json.dumps(a, sort_keys=True): a for a in heavy + rest}.values())
        for variant in ("busiest", "mixed"):
            weighed[variant] = _weigh_all(pool, variant, candidates, jobs)
    for variant, weights in weighed.items():
        for size, _ in DENSITIES:
            picked = []
            for name, extra in (("", 0), (LONG_NAME, named)):
                members = [(w + extra, a) for w, a in weights if density(w + extra) == size]
                picked += [{**a, **({"athlete": name} if name else {})}
                           for _, a in sorted(members, key=lambda m: -m[0])[:top]]
            if not picked:
                continue
            htmls = [render(deadlift_advisor.advise({**a, **VARIANTS[variant]}), "html",
                            generated=DATE) for a in picked]
            heights = [h for i in range(0, len(htmls), 50)
                       for h in plan_heights_mm(htmls[i:i + 50], width, page_two=True)]
            (tallest, _), answers = max(zip(heights, picked, strict=True), key=lambda m: m[0][0])
            found[(size, variant)] = (tallest, answers)
            (_, two), most = max(zip(heights, picked, strict=True), key=lambda m: m[0][1])
            page_two = max(page_two, (two, (variant, most)), key=lambda p: p[0])
            print(f"{size:8s} {variant:8s} tallest {tallest:6.1f} mm of {height:.1f}, page two "
                  f"at most {max(two for _, two in heights):.1f} ({len(picked)} laid out)",
                  flush=True)
    print("\nTALLEST = {")
    for (size, variant), (tallest, answers) in found.items():
        print(f"    ({size!r}, {variant!r}): {answers!r},  # {tallest:.1f} mm")
    print("}")
    print(f"\nPAGE_TWO = {page_two[1]!r}  # {page_two[0]:.1f} mm")
    return found


if __name__ == "__main__":
    find_tallest()
