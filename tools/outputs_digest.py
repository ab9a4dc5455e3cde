"""A digest of the advisor's output, to prove a refactoring changed nothing (issue 12).

For a stride of the enumerated input space and the whole optional sweep (loads, weeks, injuries
by stage), every profile's ``--format json`` and every text sheet format is rendered with a fixed
date and hashed; one line per profile is written. Run it before and after a change and compare::

    .venv/bin/python tools/outputs_digest.py > /tmp/before.txt
    ... change ...
    .venv/bin/python tools/outputs_digest.py > /tmp/after.txt
    cmp /tmp/before.txt /tmp/after.txt

``--stride N`` takes every Nth profile of the space (default 131, about 2,600 profiles);
``--jobs`` spreads the work over processes.
"""

import argparse
import hashlib
import itertools
import json
import sys

GENERATED = "2026-01-01"


def _digest(answers):
    from deadlift_advisor import AnswerError, advise
    from deadlift_advisor.render import BINARY_FORMATS, FORMATS, render

    try:
        advice = advise(answers)
    except AnswerError as exc:
        return hashlib.sha256(f"error: {exc}".encode()).hexdigest()
    h = hashlib.sha256(json.dumps(advice.to_dict(), sort_keys=True).encode())
    for fmt in FORMATS:
        if fmt not in BINARY_FORMATS:
            h.update(render(advice, fmt, generated=GENERATED).encode("utf-8"))
    return h.hexdigest()


def profiles(stride):
    from deadlift_advisor.kb import enumerated_space
    from deadlift_advisor.kbcheck import optional_sweep

    yield from itertools.islice(enumerated_space(), 0, None, stride)
    yield from optional_sweep()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stride", type=int, default=131)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    items = list(profiles(args.stride))
    from deadlift_advisor import workers

    with workers.results(_digest, items, args.jobs, chunksize=64) as done:
        for answers, digest in zip(items, done, strict=True):
            sys.stdout.write(f"{digest} {json.dumps(answers, sort_keys=True)}\n")
    print(f"{len(items)} profiles", file=sys.stderr)


if __name__ == "__main__":
    main()
