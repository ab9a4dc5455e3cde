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


def ramp(first, bar, step, steps, heavy_single=None, plates=None, window=0.0):
    """Warm-up sets (weight, reps) up to a first work set of ``first``, each step a fraction of
    it. With ``plates`` (a bar): of the weights within ``window`` × ``first`` of that fraction,
    the one loaded with the fewest plates per side (then the nearest), since a warm-up is for
    the body, not the number; without them (dumbbells), the fraction rounded to ``step``. Never
    below the bar; a step not lighter than the first work set by a plate step, or not heavier
    than the one before, is left out."""
    plan = list(steps) + ([heavy_single] if heavy_single else [])
    out = []
    for fraction, reps in plan:
        target = first * fraction
        floor = out[-1][0] if out else None
        if plates is None:  # dumbbells: at least the lightest pair
            weight = max(bar, step, round_to_step(target, step))
        else:
            weight = _fewest_plates_near(target, window * first, bar, plates, step,
                                         floor=floor, below=first - step)
            if weight is None:
                continue
        if weight > first - step + 1e-9 or (floor is not None and weight <= floor + 1e-9):
            continue
        out.append((weight, reps))
    return tuple(out)


def _fewest_plates_near(target, width, bar, plates, step, floor, below):
    """The weight within ``width`` of ``target`` (above ``floor``, at most ``below``, never under
    the bar) that takes the fewest plates per side, the nearest on a tie; when none in that band
    can be made, the nearest that can, rounded to ``step`` first. None when nothing fits."""
    # every loadable weight is the bar plus a whole number of these (two of the plates' common
    # divisor)
    grain = 2 * math.gcd(*{round(p / _UNIT) for p in plates}) * _UNIT
    lo, hi = max(bar, target - width, (floor or 0) + 1e-9), min(target + width, below + 1e-9)
    best = None
    if lo <= hi:
        k = math.ceil((lo - bar) / grain - 1e-9)
        while bar + k * grain <= hi + 1e-9:
            weight = round(bar + k * grain, 2)
            loaded = per_side(weight, bar, plates)
            if loaded is not None:
                key = (len(loaded), abs(weight - target))
                if best is None or key < best[0]:
                    best = (key, weight)
            k += 1
    if best is not None:
        return best[1]
    weight = max(bar, round_to_step(target, step))
    return weight if per_side(weight, bar, plates) is not None else None
