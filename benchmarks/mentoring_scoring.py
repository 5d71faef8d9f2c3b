"""Benchmark: scoring every pair of a mentoring cohort under the default rules.

Run with ``python benchmarks/mentoring_scoring.py`` (add ``--quick`` for the
smallest size only). For each size it builds a seeded synthetic cohort
(``benchmarks/_synthetic.py``: capacities 1 to 5, about 30 % of the pairs
excluded by the hard rules) and reports:

* ``score``: the best of several runs of ``score_cohort`` (every pair's
  allowed flag, micro-points and exclusion counts), against the engine's
  share of issue 3's end-to-end budget;
* ``explain 1/mentee``: ``explain_pair`` for one allowed pair per mentee, as
  a matcher explains every match;
* ``peak``: the peak of memory allocated while scoring (tracemalloc, in a
  separate run, since tracing slows the code down).

Benchmarks are run on purpose, never as timed tests.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _synthetic import synthetic_cohort

from learnkit.mentoring import default_rules, explain_pair
from learnkit.mentoring._scoring import score_cohort

SIZES = ((1_000, 300, 0.35), (2_000, 480, 0.9), (5_000, 1_200, 6.0))
REPEATS = 3


def best_of(action: Callable[[], object], repeats: int = REPEATS) -> float:
    """The fastest of ``repeats`` runs, in seconds."""
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return min(timings)


def peak_mib(action: Callable[[], object]) -> float:
    """The peak of memory allocated by ``action``, in MiB."""
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def main(argv: list[str]) -> int:
    sizes = SIZES[:1] if "--quick" in argv else SIZES
    rules = default_rules()
    header = (
        f"{'mentees':>8} {'mentors':>8} {'excluded':>9} {'score':>8} {'budget':>7} "
        f"{'explain 1/mentee':>17} {'peak':>9}"
    )
    print(header)
    print("-" * len(header))
    within = True
    for mentees, mentors, budget in sizes:
        cohort = synthetic_cohort(mentees, mentors)
        scored = score_cohort(cohort, rules)
        allowed = sum(len(columns) for columns in scored.allowed)
        excluded = 1 - allowed / (mentees * mentors)
        seconds = best_of(lambda cohort=cohort: score_cohort(cohort, rules))
        chosen = [
            (scored.mentors[columns[0]], mentee)
            for mentee, columns in zip(scored.mentees, scored.allowed, strict=True)
            if columns
        ]
        explaining = best_of(
            lambda cohort=cohort, chosen=chosen: [
                explain_pair(cohort, rules, mentor, mentee) for mentor, mentee in chosen
            ],
            repeats=1,
        )
        peak = peak_mib(lambda cohort=cohort: score_cohort(cohort, rules))
        within = within and seconds <= budget
        print(
            f"{mentees:>8,} {mentors:>8,} {excluded:>9.1%} {seconds:>7.3f}s {budget:>6.2f}s "
            f"{explaining:>16.3f}s {peak:>6.0f} MiB"
        )
    print()
    print("within budget" if within else "OVER BUDGET")
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
