"""Plates per side and the warm-up ramp: arithmetic the load rules use (as kb/rts.py is for the
RPE chart), kept apart from the rules so a test can check it on its own."""

import math

from .rts import round_to_step

_UNIT = 0.05  # every plate is a whole number of these (0.25 kg, 1.25 kg, 2.5 lb …)


def per_side(weight, bar, plates):
    """The plates, heaviest first, that load ``weight`` on each side of a ``bar`` of that weight
    from the ``plates`` there are (any number of each): heaviest-first loading where it comes out
    exact, else the fewest plates that do; () for the bar alone; None when the weight is below
    the bar or those plates cannot make it."""
    side = (weight - bar) / 2
    if side < -1e-9:
        return None
    target = round(side / _UNIT)
    if abs(target * _UNIT - side) > 1e-6:
        return None
    sizes = sorted({round(p / _UNIT) for p in plates}, reverse=True)
    common = math.gcd(*sizes)
    if target % common:
        return None
    target, sizes = target // common, [size // common for size in sizes]
    greedy, left = [], target  # how a lifter loads: heaviest first; exact for the usual sets
    for size in sizes:
        count, left = divmod(left, size)
        greedy += [size] * count
    if left == 0:
        return tuple(round(size * common * _UNIT, 2) for size in greedy)
    # best[n]: the fewest plates making n (in units of the plates' common divisor, so a few
    # hundred at most), and the plate added last
    best = [0] + [None] * target
    last = [0] * (target + 1)
    for n in range(1, target + 1):
        for size in sizes:
            if size <= n and best[n - size] is not None and (best[n] is None
                                                              or best[n - size] + 1 < best[n]):
                best[n], last[n] = best[n - size] + 1, size
    if best[target] is None:
        return None
    out, n = [], target
    while n:
        out.append(round(last[n] * common * _UNIT, 2))
        n -= last[n]
    return tuple(sorted(out, reverse=True))


def ramp(first, bar, step, steps, heavy_single=None):
    """Warm-up sets (weight, reps) up to a first work set of ``first``: each step a fraction of
    it, rounded to the plate step, never below the bar; a step not lighter than the first work
    set by a plate step, or not heavier than the one before, is left out."""
    plan = list(steps) + ([heavy_single] if heavy_single else [])
    out = []
    for fraction, reps in plan:
        weight = max(bar, round_to_step(first * fraction, step))
        if weight > first - step + 1e-9 or (out and weight <= out[-1][0] + 1e-9):
            continue
        out.append((weight, reps))
    return tuple(out)
