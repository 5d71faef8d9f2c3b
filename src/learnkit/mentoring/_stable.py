"""Mentee-proposing deferred acceptance with capacities (hospitals/residents).

The core behind ``method="stable"``: indices only, no domain types.

Input, per mentee ``i``:

* ``prefs[i]``: the mentors ``i`` finds acceptable, most preferred first;
* ``priority[i]``: parallel to it, how much each of those mentors wants ``i``
  (higher is preferred; a mentor breaks ties by the smaller mentee index).

Carrying the mentors' side as one number per listed pair, next to the pair, makes a
proposal O(1): the mentor's view of the proposer is read where the proposal is made,
with no per-mentor table. A pair is acceptable to both sides exactly when it is
listed; a mentor never sees a mentee who did not list them.

Guarantees (Gale & Shapley 1962; Roth 1984 for capacities): the result is stable
(no listed pair of a mentee and a mentor who would both rather be together, a free
slot counting as "would take anyone listed") and mentee-optimal: every mentee gets
the best mentor they have in any stable matching. Ties in priority go to the smaller
mentee index, which makes every preference strict, so the mentee-optimal stable
matching is unique and deferred acceptance finds it whatever the order of proposals.

The loop is iterative (no recursion); each mentee proposes to each listed mentor at
most once and a proposal costs O(log capacity): O(E log c) time and O(n + m + E)
memory for E listed pairs. :func:`blocking_pairs` checks any matching in O(E).
Measured (``benchmarks/solvers.py``, preferences by weight, one core of a 2-core
cloud VM): 0.04 s for 1,000 mentees x 300 mentors, 0.18 s for 2,000 x 480 and
1.3 s for 5,000 x 1,200, input checks included.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from operator import eq

import attrs

from learnkit.exceptions import InvalidDataError, Problem

__all__ = ["StableMatching", "blocking_pairs", "deferred_acceptance"]


@attrs.frozen(kw_only=True)
class StableMatching:
    """The mentee-optimal stable matching.

    Attributes:
        mentor_of: Per mentee, the index of their mentor, or ``None``.
        choice: Per mentee, the position of that mentor in their list (0 = first
            choice), or ``None``.
        matched: How many mentees have a mentor.
        proposals: How many proposals were made (a measure of the work done).
    """

    mentor_of: tuple[int | None, ...]
    choice: tuple[int | None, ...]
    matched: int
    proposals: int


def deferred_acceptance(
    caps: Sequence[int],
    prefs: Sequence[Sequence[int]],
    priority: Sequence[Sequence[float]],
) -> StableMatching:
    """Run mentee-proposing deferred acceptance.

    Args:
        caps: Per mentor, how many mentees they can take (0 or more).
        prefs: Per mentee, the acceptable mentors, most preferred first.
        priority: Per mentee, parallel to ``prefs``: how much that mentor wants
            this mentee; higher is preferred, ties go to the smaller mentee index.

    Returns:
        The mentee-optimal stable matching.

    Raises:
        InvalidDataError: If the input is malformed.
    """
    _check(caps, prefs, priority)
    n = len(prefs)
    # Per mentor, the mentees held so far as a min-heap of (priority, -mentee, mentee,
    # position): the one the mentor likes least is on top, ready to be bumped.
    held: list[list[tuple[float, int, int, int]]] = [[] for _ in caps]
    cap = list(caps)
    position = [0] * n  # how far down their list each mentee has proposed
    proposals = 0
    for first in range(n):
        i = first
        # Propose down i's list; a bumped mentee carries on from where they were.
        while i >= 0:
            mine = prefs[i]
            keys = priority[i]
            k = position[i]
            placed = -1
            while k < len(mine):
                j = mine[k]
                offer = (keys[k], -i, i, k)
                k += 1
                proposals += 1
                slots = held[j]
                if len(slots) < cap[j]:
                    heapq.heappush(slots, offer)
                    placed = -2
                    break
                if slots and offer > slots[0]:
                    placed = heapq.heapreplace(slots, offer)[2]
                    break
            position[i] = k
            i = placed if placed >= 0 else -1
    mentor_of: list[int | None] = [None] * n
    choice: list[int | None] = [None] * n
    for j, slots in enumerate(held):
        for _, _, i, k in slots:
            mentor_of[i] = j
            choice[i] = k
    return StableMatching(
        mentor_of=tuple(mentor_of),
        choice=tuple(choice),
        matched=sum(len(slots) for slots in held),
        proposals=proposals,
    )


def blocking_pairs(
    caps: Sequence[int],
    prefs: Sequence[Sequence[int]],
    priority: Sequence[Sequence[float]],
    mentor_of: Sequence[int | None],
) -> list[tuple[int, int]]:
    """Every pair that would rather be together than keep what ``mentor_of`` gives them.

    A listed pair ``(i, j)`` blocks when mentee ``i`` is unmatched or prefers ``j``
    to their mentor, and mentor ``j`` has a free slot or prefers ``i`` to one of the
    mentees they hold. A pair in ``mentor_of`` that is not listed counts, for both
    sides, as worse than every listed one. The result is sorted by mentee, then by
    the mentee's preference; empty means the matching is stable.

    Raises:
        InvalidDataError: If the input is malformed.
    """
    _check(caps, prefs, priority)
    n = len(prefs)
    m = len(caps)
    if len(mentor_of) != n:
        raise InvalidDataError.single("mentor_of", len(mentor_of), f"must have {n} entries")
    load = [0] * m
    # Each mentor's least wanted mentee, as (priority, -mentee); None while nobody.
    worst: list[tuple[float, int] | None] = [None] * m
    rank = [len(row) for row in prefs]
    for i, j in enumerate(mentor_of):
        if j is None:
            continue
        if type(j) is not int or not 0 <= j < m:
            raise InvalidDataError.single(f"mentor_of[{i}]", j, f"must be None or 0..{m - 1}")
        load[j] += 1
        row = prefs[i]
        key: tuple[float, int] = (-math.inf, -i)  # unlisted: worse than anyone listed
        if j in row:
            rank[i] = row.index(j)
            key = (priority[i][rank[i]], -i)
        current = worst[j]
        if current is None or key < current:
            worst[j] = key
    found: list[tuple[int, int]] = []
    for i, row in enumerate(prefs):
        keys = priority[i]
        for k in range(rank[i]):
            j = row[k]
            current = worst[j]
            if load[j] < caps[j] or (current is not None and (keys[k], -i) > current):
                found.append((i, j))
    return found


def _check(
    caps: Sequence[int], prefs: Sequence[Sequence[int]], priority: Sequence[Sequence[float]]
) -> None:
    """Refuse malformed input with every problem listed."""
    problems: list[Problem] = []
    m = len(caps)
    for j, cap in enumerate(caps):
        if type(cap) is not int or cap < 0:
            problems.append(Problem(f"caps[{j}]", cap, "must be a whole number >= 0"))
    if len(prefs) != len(priority):
        problems.append(
            Problem("priority", len(priority), f"must have one entry per mentee ({len(prefs)})")
        )
    for i, (row, keys) in enumerate(zip(prefs, priority, strict=False)):
        if len(row) != len(keys):
            problems.append(
                Problem(f"priority[{i}]", len(keys), f"must have one entry per mentor ({len(row)})")
            )
        elif row:
            if not set(map(type, row)) <= {int} or min(row) < 0 or max(row) >= m:
                problems.append(
                    Problem(f"prefs[{i}]", list(row), f"must be mentor indices 0..{m - 1}")
                )
            elif len(set(row)) != len(row):
                problems.append(Problem(f"prefs[{i}]", list(row), "lists a mentor twice"))
            # eq without the identity shortcut: NaN is the one number unequal to itself.
            if not set(map(type, keys)) <= {int, float} or not all(map(eq, keys, keys)):
                problems.append(Problem(f"priority[{i}]", list(keys), "must be numbers (not NaN)"))
    if problems:
        raise InvalidDataError(problems)
