"""Benchmark the index-based matching cores on seeded synthetic instances.

Run from the repository root::

    .venv/bin/python benchmarks/solvers.py            # the three sizes
    .venv/bin/python benchmarks/solvers.py --quick    # the smallest size only

Each instance has capacities 1..5, about 70 % of the pairs allowed and weights in
[1, 1_000_000]. "independent" draws every weight from one skewed distribution;
"correlated" adds a per-mentor quality and a per-mentee level, so everyone wants the
same popular mentors, which is the harder case for the optimum; "tied" builds each
weight from three coarse parts, so only a few dozen values occur, as with scores
from a handful of rules (many ties, many equally good answers). Times are the best
of three runs in this process (time.perf_counter); peak memory is what the call
itself allocates, from a separate run under tracemalloc. When scipy is installed
(it is never a runtime dependency), the optimal totals are compared with
scipy.optimize.linear_sum_assignment on the capacity-expanded matrix.
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from typing import Any

from learnkit.mentoring._assignment import (
    Objective,
    participation_bonus,
    solve_assignment,
    verify_certificate,
)
from learnkit.mentoring._stable import deferred_acceptance

SIZES = [(1_000, 300), (2_000, 480), (5_000, 1_200)]
KINDS = ["independent", "correlated", "tied"]
OBJECTIVES: list[Objective] = ["participation", "score"]
SEED = 2026
REPEAT = 3

Instance = tuple[list[int], list[list[int]], list[list[int]]]


def instance(mentees: int, mentors: int, kind: str, seed: int = SEED) -> Instance:
    """A seeded synthetic problem: capacities, allowed mentors and weights per mentee."""
    rng = random.Random(f"{seed}-{mentees}-{mentors}-{kind}")
    caps = [rng.randint(1, 5) for _ in range(mentors)]
    quality = [rng.random() for _ in range(mentors)]
    cols: list[list[int]] = []
    weights: list[list[int]] = []
    for _ in range(mentees):
        level = rng.random()
        row = [j for j in range(mentors) if rng.random() < 0.7]
        if kind == "independent":
            ws = [1 + int(999_999 * rng.random() ** 3) for _ in row]
        elif kind == "tied":
            grade = int(4 * level)
            ws = [1 + 100_000 * (int(4 * quality[j]) + rng.randint(0, 2) + grade) for j in row]
        else:
            ws = [
                1 + int(999_999 * (0.5 * quality[j] + 0.3 * rng.random() ** 2 + 0.2 * level))
                for j in row
            ]
        cols.append(row)
        weights.append(ws)
    return caps, cols, weights


def best_time(call: Callable[[], Any]) -> tuple[float, Any]:
    """The best wall time of ``REPEAT`` calls, and the last result."""
    best = float("inf")
    result = None
    for _ in range(REPEAT):
        gc.collect()
        start = time.perf_counter()
        result = call()
        best = min(best, time.perf_counter() - start)
    return best, result


def peak_mb(call: Callable[[], Any]) -> float:
    """The peak memory (MB) allocated during one call, measured by tracemalloc."""
    gc.collect()
    tracemalloc.start()
    call()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def scipy_optimum(problem: Instance, objective: Objective) -> tuple[float, int, int] | None:
    """Time, matched and total of linear_sum_assignment on slots, or None without scipy."""
    try:
        import numpy as np  # noqa: PLC0415 - optional, only for the comparison
        from scipy.optimize import linear_sum_assignment  # noqa: PLC0415
    except ImportError:
        return None
    caps, cols, weights = problem
    n, m = len(cols), len(caps)
    bonus = participation_bonus(weights) if objective == "participation" else 0
    value = np.zeros((n, m), dtype=np.float64)
    for i, (row, ws) in enumerate(zip(cols, weights, strict=True)):
        value[i, row] = np.asarray(ws, dtype=np.float64) + bonus
    # One column per slot; a forbidden pair is worth 0, the same as staying unmatched.
    slots = np.repeat(value, caps, axis=1)
    start = time.perf_counter()
    rows, taken = linear_sum_assignment(slots, maximize=True)
    elapsed = time.perf_counter() - start
    chosen = slots[rows, taken]
    real = chosen > 0
    matched = int(real.sum())
    total = round(float(chosen[real].sum())) - bonus * matched
    return elapsed, matched, total


def stable_inputs(problem: Instance) -> tuple[list[int], list[list[int]], list[list[float]]]:
    """Preferences from the weights: mentees rank mentors by weight, mentors likewise."""
    caps, cols, weights = problem
    prefs: list[list[int]] = []
    priority: list[list[float]] = []
    for row, ws in zip(cols, weights, strict=True):
        order = sorted(range(len(row)), key=lambda p: (-ws[p], row[p]))
        prefs.append([row[p] for p in order])
        priority.append([float(ws[p]) for p in order])
    return caps, prefs, priority


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="only the smallest size")
    args = parser.parse_args(argv)
    sizes = SIZES[:1] if args.quick else SIZES
    header = (
        f"{'size':>11} {'weights':>11} {'method':>13} {'time s':>8} {'verify s':>8}"
        f" {'peak MB':>8} {'matched':>7} {'total':>13} {'scipy s':>8} {'ratio':>6} {'equal':>5}"
    )
    # A fixed loop shows how fast (or how loaded) this machine is right now.
    speed, _ = best_time(partial(sum, range(10**6)))
    version = sys.version.split()[0]
    print(f"Python {version}, best of {REPEAT}; sum(range(10**6)) takes {speed * 1e3:.1f} ms")
    print(header)
    print("-" * len(header))
    for n, m in sizes:
        for kind in KINDS:
            problem = instance(n, m, kind)
            caps, cols, weights = problem
            size = f"{n}x{m}"
            for objective in OBJECTIVES:
                solve = partial(solve_assignment, caps, cols, weights, objective=objective)
                elapsed, result = best_time(solve)
                check = partial(
                    verify_certificate,
                    caps,
                    cols,
                    weights,
                    objective=result.objective,
                    mentor_of=result.mentor_of,
                    mentee_prices=result.mentee_prices,
                    mentor_prices=result.mentor_prices,
                )
                check_time, violations = best_time(check)
                if violations:
                    print(f"certificate rejected: {violations[:3]}")
                    return 1
                memory = peak_mb(solve)
                reference = scipy_optimum(problem, objective)
                if reference is None:
                    scipy_cols = f"{'-':>8} {'-':>6} {'-':>5}"
                else:
                    ref_time, ref_matched, ref_total = reference
                    if objective == "participation":
                        equal = (ref_matched, ref_total) == (result.matched, result.total_weight)
                    else:
                        equal = ref_total == result.total_weight
                    if not equal:
                        print(f"optimum differs from scipy: {reference} vs {result.total_weight}")
                        return 1
                    scipy_cols = f"{ref_time:8.3f} {elapsed / ref_time:6.1f} {'yes':>5}"
                print(
                    f"{size:>11} {kind:>11} {objective:>13} {elapsed:8.3f} {check_time:8.3f}"
                    f" {memory:8.1f} {result.matched:7d} {result.total_weight:13d} {scipy_cols}",
                    flush=True,
                )
            stable = stable_inputs(problem)
            run_stable = partial(deferred_acceptance, *stable)
            elapsed, matching = best_time(run_stable)
            memory = peak_mb(run_stable)
            total = sum(
                weights[i][cols[i].index(j)]
                for i, j in enumerate(matching.mentor_of)
                if j is not None
            )
            print(
                f"{size:>11} {kind:>11} {'stable':>13} {elapsed:8.3f} {'':>8}"
                f" {memory:8.1f} {matching.matched:7d} {total:13d}",
                flush=True,
            )
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    print(f"process peak RSS {peak_rss:.0f} MB (instances, results and scipy's matrices included)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
