"""Timing shared by the benchmarks of the parts: the median of a few runs."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_of(action: Callable[[], object], runs: int) -> float:
    """The median of ``runs`` runs of ``action``, in seconds of wall time."""
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)
