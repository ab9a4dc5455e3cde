"""RPE arithmetic on the RTS chart (kb.programming.RTS_PERCENT_BY_EFFECTIVE_REPS): %1RM for reps
at an RPE, the 1RM a set implies, when a set is too rough to tell, and loadable weights. Plain
functions of the knowledge base, used by the rules and by the checks of the answers alike.
"""

from .caches import per_process
from .programming import ROUGH_SET, RTS_PERCENT_BY_EFFECTIVE_REPS


@per_process(maxsize=1024)
def percent_1rm(reps, rpe):
    """%1RM for ``reps`` at ``rpe`` from the RTS chart: effective reps = reps + (10 - RPE).

    Half steps are interpolated (the chart's half-RPE rows are the midpoints of their
    neighbours); beyond the chart's last entry (14 effective reps) that entry is the floor.
    """
    effective = min(max(reps + 10 - rpe, 1.0), float(len(RTS_PERCENT_BY_EFFECTIVE_REPS)))
    low = int(effective)
    frac = effective - low
    value = RTS_PERCENT_BY_EFFECTIVE_REPS[low - 1]
    if frac:
        value += frac * (RTS_PERCENT_BY_EFFECTIVE_REPS[low] - value)
    return round(value + 1e-9, 1)  # half up, as the chart rounds (79.85 -> 79.9)


def estimate_1rm(weight, reps, rpe):
    """1RM implied by ``reps`` at ``rpe`` with ``weight`` (RTS chart, effective reps)."""
    return weight * 100.0 / percent_1rm(reps, rpe)


def rough(reps, rpe):
    """A set too far from failure, or too long, for its RPE to pin the 1RM down (ROUGH_SET)."""
    return rpe <= ROUGH_SET["rpe_at_most"] or reps > ROUGH_SET["reps_over"]


def round_to_step(weight, step, ceiling=None):
    """Nearest loadable weight: a whole number of steps (half a step rounds up) — but never above
    ``ceiling`` (the 1RM, or the load ceiling), where it rounds down instead."""
    nearest = round(int(weight / step + 0.5) * step, 2)
    if ceiling is not None and nearest > ceiling + 1e-9:
        nearest = round(int(weight / step + 1e-9) * step, 2)
    return float(nearest)
