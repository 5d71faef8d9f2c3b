"""Benchmark: the blameless-language check on a review of about 5,000 words.

Run with ``python benchmarks/language_check.py``. It builds a seeded review
text from the sentences of the labelled corpus (``tests/data/blameless_*.tsv``,
Danish and English, flagged and clean, about half each), in paragraphs of
five sentences, and reports the best of several runs of:

* ``check_text``: the whole text as one field, with six participants' names;
* ``check_review``: the same sentences spread over the sections, factors,
  learnings and action items of an ``IncidentReview``;
* ``first call``: the very first check, which compiles the lexicons, and the
  first with a new set of names, which compiles the rules about people for
  them (later calls with the same names reuse them).

Each figure is the best of several runs, as wall-clock and as CPU time (the
CPU time is the fairer figure on a busy machine).

Benchmarks are run on purpose, never as timed tests.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

from learnkit.incidents import (
    ActionItem,
    ActionStatus,
    ContributingFactor,
    FactorCategory,
    FactorRole,
    IncidentReview,
    Learning,
    check_review,
    check_text,
)

CORPUS = Path(__file__).parent.parent / "tests" / "data"
NAMES = ("Mette Hansen", "Jonas Berg", "Anders Holm", "Peter Juul", "Sofie Lund", "Karl Dam")
WORDS = 5_000
REPEATS = 7


def sentences() -> list[str]:
    """Every sentence of both corpora."""
    found = []
    for path in sorted(CORPUS.glob("blameless_*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                found.append(line.split("\t")[2])
    return found


def review_text(*, seed: int = 5) -> list[str]:
    """Sentences drawn with a seed until they hold about ``WORDS`` words."""
    rng = random.Random(seed)
    pool = sentences()
    chosen: list[str] = []
    words = 0
    while words < WORDS:
        sentence = rng.choice(pool)
        chosen.append(sentence)
        words += len(sentence.split())
    return chosen


def as_review(chosen: list[str]) -> IncidentReview:
    """The sentences spread over a review's sections and items."""
    chunks = [" ".join(chosen[i : i + 5]) for i in range(0, len(chosen), 5)]
    sections = chunks[:6]
    rest = chunks[6:]
    third = len(rest) // 3
    return IncidentReview(
        id="r-bench",
        incident="i-bench",
        author="p01",
        summary=sections[0],
        narrative="\n\n".join(sections[1:3]),
        surprises=sections[3],
        went_well=sections[4],
        difficult=sections[5],
        factors=tuple(
            ContributingFactor(
                id=f"f{i}",
                category=FactorCategory.PROCESS,
                role=FactorRole.CONTRIBUTING,
                description=text,
            )
            for i, text in enumerate(rest[:third])
        ),
        learnings=tuple(
            Learning(id=f"l{i}", statement=text, tags=("bench",))
            for i, text in enumerate(rest[third : 2 * third])
        ),
        action_items=tuple(
            ActionItem(
                id=f"a{i}",
                title=text[:200],
                status=ActionStatus.PROPOSED,
                created_on=dt.date(2026, 11, 23),
            )
            for i, text in enumerate(rest[2 * third :])
        ),
    )


def best_of(run: Callable[[], object]) -> tuple[float, float]:
    """The fastest of ``REPEATS`` runs in milliseconds: wall-clock time and CPU time."""
    walls, cpus = [], []
    for _ in range(REPEATS):
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls) * 1000, min(cpus) * 1000


def main() -> int:
    """Print the table docs/blameless-language.md quotes."""
    chosen = review_text()
    text = "\n\n".join(" ".join(chosen[i : i + 5]) for i in range(0, len(chosen), 5))
    review = as_review(chosen)
    started = time.process_time()
    check_text("Warm-up.")
    first = (time.process_time() - started) * 1000
    started = time.process_time()
    check_text("Warm-up.", names=("Someone New",))
    new_names = (time.process_time() - started) * 1000
    findings = len(check_text(text, names=NAMES))
    print(f"words: {len(text.split())}, findings: {findings}")
    print("                wall ms   CPU ms")
    for label, run in (
        ("check_text", lambda: check_text(text, names=NAMES)),
        ("check_review", lambda: check_review(review, names=NAMES)),
    ):
        wall, cpu = best_of(run)
        print(f"{label:<14}{wall:9.1f}{cpu:9.1f}")
    print(f"first call ever        {first:9.1f} (compiles the lexicons)")
    print(f"first call, new names  {new_names:9.1f} (compiles the rules about people)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
