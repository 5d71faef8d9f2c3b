"""Exact, certified capacitated assignment (b-matching) over integer weights.

The core behind ``method="optimal"``: indices only, no domain types.

**The problem.** ``n`` mentees, ``m`` mentors with capacities ``caps``; mentee ``i``
may be paired with the mentors ``mentors[i]`` at the positive integer weights
``weights[i]`` (a pair a hard rule forbids is simply not listed). Find ``x`` that
maximises ``sum (bonus + w_ij) x_ij`` subject to ``sum_j x_ij <= 1`` per mentee and
``sum_i x_ij <= cap_j`` per mentor. ``bonus`` is 0 for ``"score"`` (the total weight
alone) and :func:`participation_bonus` for ``"participation"``: one more matched
mentee then outweighs any difference in weight, so the result matches as many
mentees as possible and, among those assignments, weighs the most. The constraint
matrix is totally unimodular, so this linear programme has an integral optimum; all
arithmetic is on Python integers, so the result is the exact optimum.

**The certificate.** The result carries prices ``u_i >= 0`` per mentee and
``v_j >= 0`` per mentor with ``u_i + v_j >= bonus + w_ij`` for every listed pair,
equality on the matched pairs, ``u_i > 0`` only for matched mentees and ``v_j > 0``
only for full mentors: the complementary slackness conditions of the programme. By
weak duality no assignment is worth more than ``sum u + sum cap * v``, which the
result attains. :func:`verify_certificate` checks all of it in O(E) for E listed
pairs and trusts nothing it is given.

**The algorithm.** Successive shortest paths on the mentor side (Jonker & Volgenant
1987): mentees are placed one at a time in index order, each along a shortest
augmenting path found by Dijkstra over the ``m`` mentors plus an "unmatched" sink of
unlimited capacity, with reduced costs ``u + v - w >= 0``; the prices of the mentors
scanned before the path's end are then raised by how much closer they were. Every
step keeps the certificate's conditions, so after the last mentee the prices prove
the assignment optimal. What makes it fast in pure Python:

* *Lazy pricing* (column generation inside Dijkstra). A mentee's edges join the
  searches only when they could matter: each mentee has a few materialised edges and
  a lower bound on ``v_l - w_il`` over the rest, stands in the heap for the rest as
  one virtual node at ``d + u + bound``, and materialises the next batch (the
  cheapest at the current prices, doubling each time) only when that node is
  popped. Prices only rise while mentees are placed, so an old bound stays valid.
  Exact: every edge that could shorten a path is relaxed before the search ends.
  (An outer column-generation loop that re-solves on violated edges was the other
  option; a warm re-solve would have to undo placements, which this avoids.)
* *A fast path*: a mentee whose best mentor has a free slot is placed at once.
* *A warm start*: an auction (Bertsekas 1988, one fixed epsilon) in which the scarce
  side bids - mentor slots for mentees when there are fewer slots, else mentees for
  slots - gives approximate prices in a few bids per slot. With them most mentees
  take the fast path and the searches stay short; without them, a search that first
  pushes a mentee out of a full group of mentors travels about ``bonus`` and
  everything before it must be priced (measured: 5,000 x 1,200 takes 14 s instead
  of 3). Any prices >= 0 are a valid start; a mentor the warm start priced but that
  ends with a free slot is *deficient*: :meth:`_Solver.repair` first lowers its
  price as far as no mentee objects, then, if still needed, follows a shortest path
  from an unmatched mentee or from a slot left unused, which lowers prices. The
  auction stops after a budget of bids (a war among more slots than mentees they
  can use would otherwise run on), so the warm start only ever changes the speed.
* *Thinning*: a mentee whose edges a search had to price deeply gets a fresh small
  batch once its prices have risen, so one far-reaching search does not slow down
  all later ones.

Worst case O(n) searches of O(E log m) each; in practice a few per cent of the
mentees need a search, over a few dozen mentors and a few edges per mentee. Input
checks, the auction's partial transpose and the certificate are O(E). Memory is
O(n + m + E), most of it the caller's own lists.

Measured (``benchmarks/solvers.py``, one core of a 2-core cloud VM, Python 3.11;
capacities 1-5, 70 % of pairs allowed, skewed weights in [1, 10**6]), solving time:

=============  ===========  ===========
size           independent  correlated
=============  ===========  ===========
1,000 x 300    0.24 s       0.45 s
2,000 x 480    0.65 s       1.1 s
5,000 x 1,200  4.0 s        see below
=============  ===========  ===========

"Correlated" weights share a per-mentor quality (everyone wants the same mentors);
they are hard for every method (SciPy's compiled ``linear_sum_assignment`` needs
2.0 s at 2,000 x 480). On the way, at 1,000 x 300 (independent / correlated):
plain successive shortest paths over all edges took 1.4 s / 13 s, with lazy pricing
0.45 s / 4.5 s; sorting mentees by a known optimal price first only reached
0.33 s / 2.3 s; lazy pricing plus the warm start takes the times above. An auction
by the mentees when they outnumber the slots ran into price wars (10**5 bids and
more), hence "the scarce side bids".

Determinism: every choice depends on indices and values only (heap ties by index,
each mentee's edges sorted by mentor index on input), never on hashing or on the
order in which a mentee's edges were listed.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections import Counter, deque
from collections.abc import Sequence
from itertools import chain, compress, islice, repeat
from operator import ge, le, lt, not_, sub
from typing import Final, Literal

import attrs

from learnkit.exceptions import InvalidDataError, Problem

__all__ = [
    "Assignment",
    "CertificateViolation",
    "Objective",
    "participation_bonus",
    "solve_assignment",
    "verify_certificate",
]

Objective = Literal["participation", "score"]

_OBJECTIVES: Final = ("participation", "score")
#: Edges a mentee materialises first; later batches double.
_FIRST_BATCH: Final = 8
#: The auction's epsilon is the heaviest weight >> this.
_EPS_SHIFT: Final = 9
#: Candidates a bidder keeps beyond its number of units.
_AUCTION_K: Final = 16
#: Bids allowed per unit before the auction stops where it is.
_BID_BUDGET: Final = 32
#: Mentees sampled to choose how much of each mentor's column to sort.
_SAMPLE_ROWS: Final = 512
#: Fewer sampled edges than this and a mentor's column is sorted whole.
_SAMPLE_MIN: Final = 32
#: The sorted head of a column holds about 1 / this of its edges.
_HEAD_FRACTION: Final = 5
#: In a repair, marks a path that starts at a slot left unused.
_FROM_UNUSED: Final = -2


def participation_bonus(weights: Sequence[Sequence[int]]) -> int:
    """The bonus that makes one more matched mentee worth more than any weight.

    It is one more than the largest possible total weight (every mentee on their
    heaviest pair), so with ``bonus + w`` per matched pair an assignment that matches
    more mentees is always worth more, whatever the weights.
    """
    return 1 + sum(max(row) for row in weights if len(row))


@attrs.frozen(kw_only=True)
class Assignment:
    """An optimal assignment with the dual prices that prove it optimal.

    Attributes:
        objective: What was maximised.
        mentor_of: Per mentee, the index of their mentor, or ``None``.
        total_weight: The sum of the weights of the matched pairs.
        matched: How many mentees have a mentor.
        bonus: The per-pair bonus of the objective (0 for ``"score"``).
        mentee_prices: The dual price ``u_i >= 0`` of every mentee.
        mentor_prices: The dual price ``v_j >= 0`` of every mentor.
    """

    objective: Objective
    mentor_of: tuple[int | None, ...]
    total_weight: int
    matched: int
    bonus: int
    mentee_prices: tuple[int, ...]
    mentor_prices: tuple[int, ...]


@attrs.frozen(kw_only=True)
class CertificateViolation:
    """One reason why an assignment and its prices do not prove optimality.

    Attributes:
        kind: A stable code: ``"shape"``, ``"price"``, ``"not-allowed"``,
            ``"capacity"``, ``"not-tight"``, ``"dual-infeasible"`` (a pair worth more
            than its prices: possibly a better assignment), ``"unmatched-priced"``
            or ``"not-full-priced"``.
        mentee: The mentee concerned, if any.
        mentor: The mentor concerned, if any.
        message: The violation in plain English.
    """

    kind: str
    mentee: int | None
    mentor: int | None
    message: str

    def __str__(self) -> str:
        return self.message


def solve_assignment(
    caps: Sequence[int],
    mentors: Sequence[Sequence[int]],
    weights: Sequence[Sequence[int]],
    *,
    objective: Objective = "participation",
) -> Assignment:
    """Solve the capacitated assignment exactly and certify the result.

    Args:
        caps: Per mentor, how many mentees they can take (0 or more).
        mentors: Per mentee, the indices of the mentors they may be paired with, in
            any order.
        weights: Per mentee, the weight (a whole number >= 1) of each of those
            pairs, parallel to ``mentors``.
        objective: ``"participation"`` matches as many mentees as possible and,
            among those assignments, maximises the total weight; ``"score"``
            maximises the total weight alone.

    Returns:
        An optimal assignment with prices that :func:`verify_certificate` accepts;
        the same input always gives the same result.

    Raises:
        InvalidDataError: If the input is malformed; every problem is listed with
            its path, e.g. ``mentors[3]``.
    """
    _check_objective(objective)
    mentors, weights = _normalised(caps, mentors, weights)
    bonus = participation_bonus(weights) if objective == "participation" else 0
    # Mentors without capacity take no part in the search; they are priced at the end.
    open_mentors, open_weights = _open_edges(caps, mentors, weights)
    solver = _Solver(caps, open_mentors, open_weights, -bonus)
    solver.warm_start(_auction_prices(caps, open_mentors, open_weights, -bonus))
    for row in range(len(mentors)):
        solver.insert(row)
    solver.repair()
    result = solver.result(objective, bonus)
    if open_mentors is mentors:
        return result
    prices = list(result.mentor_prices)
    for i, (cols, ws) in enumerate(zip(mentors, weights, strict=True)):
        u = result.mentee_prices[i]
        for c, w in zip(cols, ws, strict=True):
            if caps[c] == 0:
                prices[c] = max(prices[c], bonus + w - u)
    return attrs.evolve(result, mentor_prices=tuple(prices))


def verify_certificate(
    caps: Sequence[int],
    mentors: Sequence[Sequence[int]],
    weights: Sequence[Sequence[int]],
    *,
    objective: Objective,
    mentor_of: Sequence[int | None],
    mentee_prices: Sequence[int],
    mentor_prices: Sequence[int],
) -> list[CertificateViolation]:
    """Every reason why the prices do not prove the assignment optimal; empty if they do.

    An empty list proves that ``mentor_of`` is feasible and optimal for the
    objective: the prices satisfy the conditions described on :class:`Assignment`
    for the programme with ``bonus = participation_bonus(weights)`` (participation)
    or 0 (score), and by weak duality nothing does better. A non-empty list does not
    prove the assignment wrong (other prices might certify it), but the solver's own
    prices never fail. O(E); nothing given is trusted.

    Raises:
        InvalidDataError: If the problem itself (``caps``, ``mentors``, ``weights``)
            or ``objective`` is malformed.
    """
    _check_objective(objective)
    mentors, weights = _normalised(caps, mentors, weights)
    bonus = participation_bonus(weights) if objective == "participation" else 0
    found = _check_shapes(len(mentors), len(caps), mentor_of, mentee_prices, mentor_prices)
    if found:
        return found
    u = _whole_prices(mentee_prices, "mentee", found)
    v = _whole_prices(mentor_prices, "mentor", found)
    load = _check_pairs(mentors, weights, bonus, mentor_of=mentor_of, u=u, v=v, found=found)
    _check_dual(mentors, weights, bonus, u=u, v=v, found=found)
    for j, (cap, used) in enumerate(zip(caps, load, strict=True)):
        if used > cap:
            found.append(
                _violation("capacity", None, j, f"mentor {j} has {used} mentees, capacity {cap}")
            )
        elif v[j] > 0 and used < cap:
            message = f"mentor {j} has a free slot ({used} of {cap}) but price {v[j]}"
            found.append(_violation("not-full-priced", None, j, message))
    return found


def _violation(
    kind: str, mentee: int | None, mentor: int | None, message: str
) -> CertificateViolation:
    return CertificateViolation(kind=kind, mentee=mentee, mentor=mentor, message=message)


def _check_shapes(
    n: int,
    m: int,
    mentor_of: Sequence[int | None],
    mentee_prices: Sequence[int],
    mentor_prices: Sequence[int],
) -> list[CertificateViolation]:
    found = []
    for name, values, size in (
        ("mentor_of", mentor_of, n),
        ("mentee_prices", mentee_prices, n),
        ("mentor_prices", mentor_prices, m),
    ):
        if len(values) != size:
            message = f"{name} has {len(values)} entries, expected {size}"
            found.append(_violation("shape", None, None, message))
    return found


def _whole_prices(prices: Sequence[int], side: str, found: list[CertificateViolation]) -> list[int]:
    """The prices, with each one that is not a whole number >= 0 reported and read as 0."""
    checked = list(prices)
    for k, price in enumerate(checked):
        if type(price) is not int or price < 0:
            message = f"{side} {k} has price {price!r}, not a whole number >= 0"
            mentee, mentor = (k, None) if side == "mentee" else (None, k)
            found.append(_violation("price", mentee, mentor, message))
            checked[k] = 0
    return checked


def _check_pairs(
    mentors: Sequence[Sequence[int]],
    weights: Sequence[Sequence[int]],
    bonus: int,
    *,
    mentor_of: Sequence[int | None],
    u: list[int],
    v: list[int],
    found: list[CertificateViolation],
) -> list[int]:
    """Check each mentee's pair (allowed, tight) or unmatched price; return the loads."""
    load = [0] * len(v)
    for i, (cols, ws) in enumerate(zip(mentors, weights, strict=True)):
        j = mentor_of[i]
        if j is None:
            if u[i] > 0:
                message = f"mentee {i} is unmatched but has price {u[i]}"
                found.append(_violation("unmatched-priced", i, None, message))
            continue
        p = bisect_left(cols, j) if type(j) is int else len(cols)
        if p == len(cols) or cols[p] != j:
            message = f"mentee {i} is paired with mentor {j!r}, which is not allowed"
            found.append(_violation("not-allowed", i, None, message))
            continue
        load[j] += 1
        if u[i] + v[j] != bonus + ws[p]:
            message = (
                f"mentee {i} and mentor {j} are paired, but their prices {u[i]} + {v[j]}"
                f" differ from the pair's value {bonus + ws[p]}"
            )
            found.append(_violation("not-tight", i, j, message))
    return load


def _check_dual(
    mentors: Sequence[Sequence[int]],
    weights: Sequence[Sequence[int]],
    bonus: int,
    *,
    u: list[int],
    v: list[int],
    found: list[CertificateViolation],
) -> None:
    """Report every listed pair worth more than its two prices."""
    vget = v.__getitem__
    for i, (cols, ws) in enumerate(zip(mentors, weights, strict=True)):
        # One pass in C finds the mentees with a short pair; only those are spelled out.
        if cols and u[i] + min(map(sub, map(vget, cols), ws)) < bonus:
            for j, w in zip(cols, ws, strict=True):
                if u[i] + v[j] < bonus + w:
                    message = (
                        f"mentee {i} and mentor {j}: prices {u[i]} + {v[j]} fall short of the"
                        f" pair's value {bonus + w}"
                    )
                    found.append(_violation("dual-infeasible", i, j, message))


def _check_objective(objective: object) -> None:
    if objective not in _OBJECTIVES:
        raise InvalidDataError.single("objective", objective, "must be 'participation' or 'score'")


class _Solver:
    """Successive shortest paths over the mentors, with lazily priced edges.

    Internally an unmatched mentee earns ``sigma`` (``-bonus`` for participation, 0
    for score) and a matched pair its plain weight: the same problem as ``bonus + w``
    against 0, with smaller numbers. Between steps, with ``u_k = aw[k] - v[assign[k]]``
    for each placed mentee (``v[sink] = 0``):

    * ``u_k + v_l >= w_kl`` for each of ``k``'s edges, and ``u_k >= sigma``;
    * a mentor with a free slot has price 0, unless it is *deficient* (only the warm
      start makes those, and :meth:`repair` removes them);
    * for each mentee, ``bound[k] - drop`` is at most ``v_l - w_kl`` for every edge
      of ``k`` not yet materialised.
    """

    def __init__(
        self,
        caps: Sequence[int],
        mentors: Sequence[Sequence[int]],
        weights: Sequence[Sequence[int]],
        sigma: int,
    ) -> None:
        n = len(mentors)
        m = len(caps)
        self.n = n
        self.m = m
        self.sink = m
        self.virtual = m + 1  # heap code of mentee k's unpriced edges: virtual + k
        self.sigma = sigma
        self.cols = mentors
        self.ws = weights
        self.cap = [*caps, n + 1]  # the sink never fills
        self.v = [0] * (m + 1)
        self.load = [0] * (m + 1)
        self.members: list[list[int]] = [[] for _ in range(m + 1)]
        self.assign = [-1] * n
        self.aw = [sigma] * n
        self.mat_cols: list[list[int]] = [[] for _ in range(n)]
        self.mat_w: list[list[int]] = [[] for _ in range(n)]
        self.taken: list[list[int]] = [[] for _ in range(n)]  # positions materialised
        self.pending = [bool(cols) for cols in mentors]  # edges left to materialise
        self.bound = [0] * n
        self.drop = 0  # how far repairs have lowered prices, at most, so far
        wmax = max((max(ws) for ws in weights if ws), default=1)
        # Prices stay below about wmax - sigma and distances below a few times that.
        self.inf = 1 << ((wmax - sigma + 1).bit_length() + 8)
        # The state of the current search.
        self.dist: list[int] = []
        self.pred: list[int] = []
        self.predw: list[int] = []
        self.heap: list[tuple[int, int]] = []
        self.rowd: dict[int, int] = {}
        self.rowu: dict[int, int] = {}
        self.deep: list[int] = []  # mentees this search priced deeper than usual

    def warm_start(self, prices: Sequence[int]) -> None:
        """Start from the given mentor prices (any prices >= 0 are valid)."""
        self.v[: self.m] = prices

    def insert(self, r: int) -> None:
        """Place mentee ``r`` along a shortest augmenting path, keeping the invariants."""
        cols = self.cols[r]
        sink = self.sink
        sigma = self.sigma
        if not cols:
            self._place(r, sink, sigma)
            return
        ws = self.ws[r]
        keys = list(map(sub, map(self.v.__getitem__, cols), ws))
        low = min(keys)
        best = -low
        pos = keys.index(low)
        c = cols[pos]
        if best < sigma or self.load[c] < self.cap[c]:
            # The best choice has room: nothing moves and no price changes.
            self.bound[r] = low + self.drop
            if best < sigma:
                self._place(r, sink, sigma)
            else:
                self._place(r, c, ws[pos])
            return
        m = self.m
        self.dist = dist = [self.inf] * (m + 1)
        self.pred = pred = [-1] * (m + 1)
        self.predw = predw = [0] * (m + 1)
        self.heap = heap = []
        self.rowd = {r: 0}
        self.rowu = {r: best}
        self._materialize(r, keys, best)
        if self.pending[r]:
            b = best + self.bound[r] - self.drop
            heap.append((b if b > 0 else 0, self.virtual + r))
        if best - sigma < dist[sink]:
            dist[sink] = best - sigma
            pred[sink] = r
            predw[sink] = sigma
            heap.append((best - sigma, sink))
        heapq.heapify(heap)
        end, t, scanned = self._search(repair=False)
        v = self.v
        for col in scanned:
            v[col] += end - dist[col]
        self._augment(t, stop=r)
        self._thin_out()

    def repair(self) -> None:
        """Fill or cheapen every deficient mentor (a free slot at a positive price).

        Each round runs Dijkstra from two kinds of start at once: the unmatched
        mentees (the sink, at distance 0) and every mentor ``c`` at distance ``v_c``
        (a slot of ``c`` left unused, which costs ``c`` its price). The nearest
        deficient mentor gains a mentee, or drops to price 0 if the path starts at
        itself; prices fall by ``min(end, dist)``, which keeps the invariants.
        """
        m = self.m
        v = self.v
        load = self.load
        cap = self.cap
        for j in range(m):
            if load[j] < cap[j] and v[j] > 0:
                self._cheapen(j)
        while any(load[c] < cap[c] and v[c] > 0 for c in range(m)):
            self.dist = dist = [*v[:m], 0]
            self.pred = [_FROM_UNUSED] * (m + 1)
            self.predw = [0] * (m + 1)
            self.heap = [(price, c) for c, price in enumerate(dist)]
            heapq.heapify(self.heap)
            self.rowd = {}
            self.rowu = {}
            end, t, _ = self._search(repair=True)
            for c in range(m):
                v[c] -= min(end, dist[c])
            self.drop += end
            self._augment(t, stop=None)
            self._thin_out()

    def _cheapen(self, j: int) -> None:
        """Lower deficient mentor ``j``'s price as far as no other mentee then wants it more.

        Often all the way to 0 (a mentor the warm start overrated), which makes the
        search for it unnecessary. Costs O(n log degree): the mentees who may have
        ``j`` are found by bisection in their sorted edge lists.
        """
        v = self.v
        assign = self.assign
        aw = self.aw
        price = v[j]
        slack = price
        wanting: list[int] = []
        for k, cols in enumerate(self.cols):
            p = bisect_left(cols, j)
            if p < len(cols) and cols[p] == j and assign[k] != j:
                wanting.append(k)
                slack = min(slack, aw[k] - v[assign[k]] + price - self.ws[k][p])
        v[j] = price - slack
        bound = self.bound
        for k in wanting:
            bound[k] -= slack  # the edge to j may be unpriced: keep its bound true

    def result(self, objective: Objective, bonus: int) -> Assignment:
        """The assignment with prices in the certificate's terms (``u + bonus``, ``v``)."""
        sink = self.sink
        v = self.v
        assign = self.assign
        return Assignment(
            objective=objective,
            mentor_of=tuple(None if a == sink else a for a in assign),
            total_weight=sum(w for w, a in zip(self.aw, assign, strict=True) if a != sink),
            matched=self.n - self.load[sink],
            bonus=bonus,
            mentee_prices=tuple(w - v[a] + bonus for w, a in zip(self.aw, assign, strict=True)),
            mentor_prices=tuple(v[: self.m]),
        )

    def _place(self, r: int, c: int, w: int) -> None:
        self.assign[r] = c
        self.aw[r] = w
        self.members[c].append(r)
        self.load[c] += 1

    def _augment(self, t: int, stop: int | None) -> None:
        """Move each mentee on the path that ends at mentor ``t`` one step along it."""
        assign = self.assign
        members = self.members
        load = self.load
        pred = self.pred
        while True:
            k = pred[t]
            if k == _FROM_UNUSED:
                return
            old = assign[k]
            assign[k] = t
            self.aw[k] = self.predw[t]
            members[t].append(k)
            load[t] += 1
            if k == stop:
                return
            members[old].remove(k)
            load[old] -= 1
            if old == self.sink:
                return
            t = old

    def _search(self, *, repair: bool) -> tuple[int, int, list[int]]:  # noqa: PLR0915 - one hot loop
        """Dijkstra over the mentors from the seeded heap until a target is popped.

        A target is a mentor with a free slot (the sink included) or, in a repair, a
        deficient mentor. Returns the target's distance, the target, and the mentors
        scanned before it, whose prices the caller updates.
        """
        v = self.v
        load = self.load
        cap = self.cap
        members = self.members
        aw = self.aw
        cols_of = self.cols
        ws_of = self.ws
        mat_cols = self.mat_cols
        mat_w = self.mat_w
        taken = self.taken
        pending = self.pending
        bound = self.bound
        drop = self.drop
        sigma = self.sigma
        sink = self.sink
        inf = self.inf
        virtual = self.virtual
        dist = self.dist
        pred = self.pred
        predw = self.predw
        heap = self.heap
        rowd = self.rowd
        rowu = self.rowu
        push = heapq.heappush
        pop = heapq.heappop
        vget = v.__getitem__
        scanned: list[int] = []
        while True:
            d, code = pop(heap)
            if code >= virtual:
                # Mentee k's unpriced edges are due: price them now, or postpone.
                k = code - virtual
                keys = list(map(sub, map(vget, cols_of[k]), ws_of[k]))
                for p in taken[k]:
                    keys[p] = inf
                low = min(keys)
                dk = rowd[k]
                u = rowu[k]
                b = u + low
                nd = dk + b if b > 0 else dk
                if nd > d:
                    bound[k] = low + drop
                    push(heap, (nd, code))
                    continue
                self._materialize(k, keys, dk + u)
                if pending[k]:
                    b = u + bound[k] - drop
                    push(heap, (dk + b if b > 0 else dk, code))
                continue
            if d > dist[code]:
                continue
            if load[code] < cap[code] and (not repair or v[code] > 0):
                return d, code, scanned
            scanned.append(code)
            vl = v[code]
            for k in members[code]:
                u = aw[k] - vl
                rowd[k] = d
                rowu[k] = u
                h = d + u
                for c, w in zip(mat_cols[k], mat_w[k], strict=True):
                    nd = h + v[c] - w
                    if nd < dist[c]:
                        dist[c] = nd
                        pred[c] = k
                        predw[c] = w
                        push(heap, (nd, c))
                if not repair and h - sigma < dist[sink]:
                    dist[sink] = h - sigma
                    pred[sink] = k
                    predw[sink] = sigma
                    push(heap, (h - sigma, sink))
                if pending[k]:
                    b = u + bound[k] - drop
                    push(heap, (d + b if b > 0 else d, virtual + k))

    def _materialize(self, k: int, keys: list[int], h: int | None) -> None:
        """Price the cheapest pending edges of mentee ``k`` and relax them from ``h``.

        ``keys`` holds ``v_l - w_kl`` per edge and ``inf`` for edges already priced.
        Batches double, so a mentee is priced in O(log degree) batches. With ``h``
        None, the edges are only priced (outside a search).
        """
        inf = self.inf
        taken = self.taken[k]
        before = len(taken)
        count = max(_FIRST_BATCH, before)
        smallest = heapq.nsmallest(count + 1, keys)
        limit = smallest[-1] if len(smallest) <= count else smallest[count - 1]
        picked = list(compress(range(len(keys)), map(le, keys, repeat(limit))))
        if limit == inf:
            picked = [p for p in picked if keys[p] < inf]
        taken.extend(picked)
        if len(taken) == len(keys):
            self.pending[k] = False
        else:
            # Everything left is above the limit: the next key bounds it, or ties it.
            after = smallest[count] if len(smallest) > count else limit
            self.bound[k] = max(after, limit) + self.drop
        deep = max(4 * _FIRST_BATCH, len(keys) // 4)
        if before <= deep < len(taken):
            self.deep.append(k)
        cols = self.cols[k]
        ws = self.ws[k]
        mat_cols = self.mat_cols[k]
        mat_w = self.mat_w[k]
        dist = self.dist
        for p in picked:
            c = cols[p]
            w = ws[p]
            mat_cols.append(c)
            mat_w.append(w)
            if h is not None:
                nd = h + keys[p]
                if nd < dist[c]:
                    dist[c] = nd
                    self.pred[c] = k
                    self.predw[c] = w
                    heapq.heappush(self.heap, (nd, c))

    def _thin_out(self) -> None:
        """Price afresh, from one batch, the mentees the last search priced deeply.

        A search that ends far away (in participation, the first mentee pushed out
        of a full group of mentors travels about ``bonus``) prices nearly every edge
        of the mentees it scans; left so, every later scan of them would relax all
        their edges. Their prices have just risen, so a fresh small batch and bound
        keep later searches as cheap as before.
        """
        v = self.v
        for k in self.deep:
            self.mat_cols[k] = []
            self.mat_w[k] = []
            self.taken[k] = []
            self.pending[k] = True
            keys = list(map(sub, map(v.__getitem__, self.cols[k]), self.ws[k]))
            self._materialize(k, keys, None)
        self.deep = []


def _auction_prices(
    caps: Sequence[int],
    mentors: Sequence[Sequence[int]],
    weights: Sequence[Sequence[int]],
    sigma: int,
) -> list[int]:
    """Approximate mentor prices from an auction in which the scarce side bids.

    Only a warm start: any prices >= 0 are valid starting points for the exact
    solver, good ones just leave it little to do.
    """
    m = len(caps)
    n = len(mentors)
    counted = Counter(chain.from_iterable(mentors))
    slots = sum(min(caps[j], counted[j]) for j in range(m))
    mentees = sum(1 for cols in mentors if cols)
    wmax = max((max(ws) for ws in weights if ws), default=1)
    eps = max(1, wmax >> _EPS_SHIFT)
    if slots < mentees:
        # Mentor slots bid for mentees; a mentor's price is what its last slot earns.
        auction = _Auction(caps, [1] * n, _ColumnLists(m, mentors, weights), sigma, eps)
        auction.run()
        prices = [0] * m
        for j, earned in enumerate(auction.lowest_profit()):
            if earned is not None:
                prices[j] = max(0, earned - sigma)
        return prices
    # Mentees bid for mentor slots; a full mentor's price is its cheapest slot.
    auction = _Auction([1] * n, caps, _RowLists(mentors, weights), sigma, eps)
    auction.run()
    return auction.full_object_prices()


class _Auction:
    """Bertsekas' auction with one fixed epsilon: units of the bidders buy object slots.

    A bidder with several units (a mentor with capacity 3) bids once per unit and
    never for an object it already holds; an object with several slots (a mentor with
    capacity 3) sells its cheapest slot. Each bidder keeps a short list of candidate
    objects of highest value ``weight - price`` and an upper bound on the value of
    all others (see ``lists``); prices only rise, so old values stay upper bounds.
    The work is capped: the result is a warm start, not an answer.
    """

    def __init__(
        self,
        units: Sequence[int],
        slots: Sequence[int],
        lists: _ColumnLists | _RowLists,
        sigma: int,
        eps: int,
    ) -> None:
        self.units = units
        self.lists = lists
        self.sigma = sigma
        self.eps = eps
        self.neg = lists.neg
        self.slot_price = [[0] * c for c in slots]
        self.slot_holder = [[-1] * c for c in slots]
        self.slot_weight = [[0] * c for c in slots]
        self.entry = [0] * len(slots)  # the cheapest slot of each object
        self.second = [-self.neg if c < 2 else 0 for c in slots]  # the next cheapest
        self.budget = _BID_BUDGET * (sum(units) + 1)

    def run(self) -> bool:  # noqa: PLR0912, PLR0915 - one hot loop
        """Bid until every unit is placed or unused, or the budget runs out.

        More units than objects they can use, all of near equal value, fight a war of
        small raises; in participation it would last until prices reach ``bonus``.
        The budget ends it; the units still bidding count as unplaced, so their
        bidders' prices stay 0, which is what the exact solver will find for them.
        Returns whether every unit settled.
        """
        units = self.units
        lists = self.lists
        entry = self.entry
        second = self.second
        slot_price = self.slot_price
        slot_holder = self.slot_holder
        slot_weight = self.slot_weight
        sigma = self.sigma
        eps = self.eps
        neg = self.neg
        cand_objects = lists.objects
        cand_weights = lists.weights
        cand_bound = lists.bound
        queue: deque[int] = deque()
        for p, count in enumerate(units):
            if count > 0 and lists.has_edges(p):
                queue.extend([p] * count)
                lists.refresh(p, count + _AUCTION_K, entry)
        bids = 0
        while queue and bids < self.budget:
            p = queue.popleft()
            bids += 1
            while True:
                b1 = b2 = neg
                o1 = w1 = -1
                for o, w in zip(cand_objects[p], cand_weights[p], strict=True):
                    x = w - entry[o]
                    if x > b2 and p not in slot_holder[o]:
                        if x > b1:
                            b2 = b1
                            b1 = x
                            o1 = o
                            w1 = w
                        else:
                            b2 = x
                if cand_bound[p] > b1 and cand_bound[p] > sigma:
                    lists.refresh(p, units[p] + _AUCTION_K, entry)
                    continue
                break
            if b1 <= sigma:
                continue  # this unit is better off unused
            b2 = max(b2, cand_bound[p], sigma, w1 - second[o1])
            prices = slot_price[o1]
            s = prices.index(entry[o1])
            previous = slot_holder[o1][s]
            prices[s] = entry[o1] + b1 - b2 + eps
            slot_holder[o1][s] = p
            slot_weight[o1][s] = w1
            if len(prices) == 1:
                entry[o1] = prices[0]
            else:
                low, high = heapq.nsmallest(2, prices)
                entry[o1] = low
                second[o1] = high
            if previous >= 0:
                queue.append(previous)
        return not queue

    def lowest_profit(self) -> list[int | None]:
        """Per bidder with every unit placed, the least its units earn; else None."""
        units = self.units
        placed = [0] * len(units)
        lowest = [-self.neg] * len(units)
        for prices, holders, weights in zip(
            self.slot_price, self.slot_holder, self.slot_weight, strict=True
        ):
            for price, p, w in zip(prices, holders, weights, strict=True):
                if p >= 0:
                    placed[p] += 1
                    lowest[p] = min(lowest[p], w - price)
        return [low if placed[p] == units[p] > 0 else None for p, low in enumerate(lowest)]

    def full_object_prices(self) -> list[int]:
        """Per object, its cheapest slot's price if every slot is sold, else 0."""
        return [
            entry if holders and -1 not in holders else 0
            for entry, holders in zip(self.entry, self.slot_holder, strict=True)
        ]


class _RowLists:
    """Candidate mentors per mentee, from the mentee's own edge list."""

    def __init__(self, mentors: Sequence[Sequence[int]], weights: Sequence[Sequence[int]]) -> None:
        self.cols = mentors
        self.ws = weights
        wmax = max((max(ws) for ws in weights if ws), default=1)
        self.neg = -(1 << (wmax.bit_length() + 64))
        n = len(mentors)
        self.objects: list[list[int]] = [[] for _ in range(n)]
        self.weights: list[list[int]] = [[] for _ in range(n)]
        self.bound = [self.neg] * n

    def has_edges(self, i: int) -> bool:
        return bool(self.cols[i])

    def refresh(self, i: int, limit: int, price: list[int]) -> None:
        """Make the ``limit`` mentors of highest value to mentee ``i`` its candidates."""
        cols = self.cols[i]
        ws = self.ws[i]
        if len(cols) <= limit:
            self.objects[i] = list(cols)
            self.weights[i] = list(ws)
            self.bound[i] = self.neg
            return
        values = list(map(sub, ws, map(price.__getitem__, cols)))
        best = heapq.nlargest(limit + 1, values)
        keep = list(map(ge, values, repeat(best[limit - 1])))
        self.objects[i] = list(compress(cols, keep))
        self.weights[i] = list(compress(ws, keep))
        # Prices only rise, so the values noted now bound every later value from above.
        self.bound[i] = max(compress(values, map(not_, keep)), default=self.neg)


class _ColumnLists:
    """Candidate mentees per mentor, from each mentor's mentees sorted by weight.

    A mentee's value to a mentor is at most the weight, so a scan in order of falling
    weight can stop early. Transposing and sorting every edge would cost more than the
    auction itself, so each mentor first gets only the edges at or above ``cut``
    (estimated from a sample of mentees to keep about a fifth of them), sorted; the
    rest, all lighter than ``cut``, is gathered and sorted only if a scan gets there.
    A refresh looks again only at entries whose old value could still make the list.
    """

    def __init__(
        self, m: int, mentors: Sequence[Sequence[int]], weights: Sequence[Sequence[int]]
    ) -> None:
        self.mentors = mentors
        self.weights_of_mentee = weights
        wmax = max((max(ws) for ws in weights if ws), default=1)
        self.neg = -(1 << (wmax.bit_length() + 64))
        n = len(mentors)
        step = max(1, n // _SAMPLE_ROWS)
        self.cut = [0] * m
        if step > 1:
            sample = self._transpose(m, range(0, n, step), [0] * m)[1]
            for j, col_w in enumerate(sample):
                if len(col_w) >= _SAMPLE_MIN:
                    col_w.sort(reverse=True)
                    self.cut[j] = _cut(col_w)
        self.rows, self.col_weights = self._transpose(m, range(n), self.cut)
        self.complete = [c == 0 for c in self.cut]
        for j in range(m):
            col_w = self.col_weights[j]
            order = sorted(range(len(col_w)), key=col_w.__getitem__, reverse=True)
            self.rows[j] = list(map(self.rows[j].__getitem__, order))
            self.col_weights[j] = list(map(col_w.__getitem__, order))
        self.objects: list[list[int]] = [[] for _ in range(m)]
        self.weights: list[list[int]] = [[] for _ in range(m)]
        self.bound = [self.neg] * m
        # Per mentor: entries looked at but not candidates, as (-old value, mentee,
        # weight), and how far down the weight-sorted column the scan has got.
        self.outside: list[list[tuple[int, int, int]]] = [[] for _ in range(m)]
        self.scanned = [0] * m

    def _transpose(
        self, m: int, mentees: range, cut: list[int]
    ) -> tuple[list[list[int]], list[list[int]]]:
        rows: list[list[int]] = [[] for _ in range(m)]
        ws: list[list[int]] = [[] for _ in range(m)]
        rows_of = rows.__getitem__
        weights_of = ws.__getitem__
        append = list.append
        cut_of = cut.__getitem__
        for i in mentees:
            cols = self.mentors[i]
            row_w = self.weights_of_mentee[i]
            keep = list(map(ge, row_w, map(cut_of, cols)))
            kept = list(compress(cols, keep))
            # Appending through map keeps the per-edge work in C.
            deque(map(append, map(rows_of, kept), repeat(i)), maxlen=0)
            deque(map(append, map(weights_of, kept), compress(row_w, keep)), maxlen=0)
        return rows, ws

    def _extend(self, j: int) -> None:
        """Add the edges of mentor ``j`` below its cut, sorted, after the others."""
        self.complete[j] = True
        cut = self.cut[j]
        rows: list[int] = []
        ws: list[int] = []
        for i, (cols, row_w) in enumerate(zip(self.mentors, self.weights_of_mentee, strict=True)):
            p = bisect_left(cols, j)
            if p < len(cols) and cols[p] == j and row_w[p] < cut:
                rows.append(i)
                ws.append(row_w[p])
        order = sorted(range(len(ws)), key=ws.__getitem__, reverse=True)
        self.rows[j].extend(map(rows.__getitem__, order))
        self.col_weights[j].extend(map(ws.__getitem__, order))

    def has_edges(self, j: int) -> bool:
        return bool(self.rows[j]) or not self.complete[j]

    def refresh(self, j: int, limit: int, price: list[int]) -> None:
        """Make the ``limit`` mentees of highest value to mentor ``j`` its candidates.

        The next entry to look at is whichever promises more: the best old value among
        the entries set aside, or the weight of the next entry of the sorted column.
        Once neither can beat the ``limit``-th best value found, nothing else can.
        """
        rows = self.rows[j]
        ws = self.col_weights[j]
        size = len(rows)
        outside = self.outside[j]
        neg = self.neg
        pop = heapq.heappop
        push = heapq.heappush
        top = [(w - price[i], i, w) for i, w in zip(self.objects[j], self.weights[j], strict=True)]
        heapq.heapify(top)  # the best ``limit`` so far, smallest first
        threshold = top[0][0] if len(top) == limit else neg
        pos = self.scanned[j]
        from_outside = -outside[0][0] if outside else neg
        from_scan = ws[pos] if pos < size else (neg if self.complete[j] else self.cut[j])
        while True:
            if from_outside >= from_scan:
                if from_outside <= threshold:
                    break
                _, i, w = pop(outside)
                from_outside = -outside[0][0] if outside else neg
            else:
                if from_scan <= threshold:
                    break
                if pos == size:
                    self._extend(j)
                    size = len(rows)
                    from_scan = ws[pos] if pos < size else neg
                    continue
                i = rows[pos]
                w = ws[pos]
                pos += 1
                from_scan = ws[pos] if pos < size else (neg if self.complete[j] else self.cut[j])
            x = w - price[i]
            if len(top) < limit:
                push(top, (x, i, w))
                if len(top) == limit:
                    threshold = top[0][0]
                continue
            if x > threshold:
                x, i, w = heapq.heapreplace(top, (x, i, w))
                threshold = top[0][0]
            push(outside, (-x, i, w))
            if x > from_outside:  # noqa: PLR1730 - cheaper than a call to max() here
                from_outside = x
        self.scanned[j] = pos
        self.objects[j] = [i for _, i, _ in top]
        self.weights[j] = [w for _, _, w in top]
        # Prices only rise, so the values noted now bound every later value from above.
        self.bound[j] = from_outside if from_outside > from_scan else from_scan


def _cut(sample: list[int]) -> int:
    """The weight at which a column's head holds about ``1 / _HEAD_FRACTION`` of it.

    ``sample`` is sorted, heaviest first. Scores from a few rules tie a lot, so the
    head is cut just above the tied weight when that keeps it nearer the target.
    """
    wanted = len(sample) // _HEAD_FRACTION
    cut = sample[wanted]
    below = bisect_left(sample[::-1], cut)  # entries lighter than the cut
    above = len(sample) - bisect_left(sample[::-1], cut + 1)  # entries heavier than it
    if above and len(sample) - below - wanted > wanted - above:
        return cut + 1
    return cut


def _open_edges(
    caps: Sequence[int], mentors: list[Sequence[int]], weights: list[Sequence[int]]
) -> tuple[list[Sequence[int]], list[Sequence[int]]]:
    """The edges to mentors with capacity; the very same lists if every mentor has some."""
    is_open = [cap > 0 for cap in caps]
    if all(is_open):
        return mentors, weights
    open_of = is_open.__getitem__
    out_cols: list[Sequence[int]] = []
    out_w: list[Sequence[int]] = []
    for cols, ws in zip(mentors, weights, strict=True):
        keep = list(map(open_of, cols))
        out_cols.append(list(compress(cols, keep)))
        out_w.append(list(compress(ws, keep)))
    return out_cols, out_w


def _normalised(
    caps: Sequence[int],
    mentors: Sequence[Sequence[int]],
    weights: Sequence[Sequence[int]],
) -> tuple[list[Sequence[int]], list[Sequence[int]]]:
    """Check the input and return each mentee's edges sorted by mentor index.

    The checks run in C over each list (types, ranges, order), so they cost a few
    passes over the edges; lists already in order are used as they are, not copied.
    """
    problems: list[Problem] = []
    m = len(caps)
    for j, cap in enumerate(caps):
        if type(cap) is not int or cap < 0:
            problems.append(Problem(f"caps[{j}]", cap, "must be a whole number >= 0"))
    if len(mentors) != len(weights):
        message = f"must have one entry per mentee ({len(mentors)})"
        problems.append(Problem("weights", len(weights), message))
    out_cols: list[Sequence[int]] = []
    out_w: list[Sequence[int]] = []
    for i, (given_cols, given_w) in enumerate(zip(mentors, weights, strict=False)):
        cols, ws = given_cols, given_w
        if len(cols) != len(ws):
            message = f"must have one weight per mentor ({len(cols)})"
            problems.append(Problem(f"weights[{i}]", len(ws), message))
            continue
        if cols:
            if not set(map(type, ws)) <= {int} or min(ws) < 1:
                problems.append(Problem(f"weights[{i}]", list(ws), "must be whole numbers >= 1"))
                continue
            if not set(map(type, cols)) <= {int}:
                problems.append(Problem(f"mentors[{i}]", list(cols), "must be mentor indices"))
                continue
            if not all(map(lt, cols, islice(cols, 1, None))):
                order = sorted(range(len(cols)), key=cols.__getitem__)
                cols = [cols[p] for p in order]
                ws = [ws[p] for p in order]
                if not all(map(lt, cols, islice(cols, 1, None))):
                    problems.append(Problem(f"mentors[{i}]", list(cols), "lists a mentor twice"))
                    continue
            # Sorted now, so the ends are the extremes.
            if cols[0] < 0 or cols[-1] >= m:
                message = f"must be mentor indices in 0..{m - 1}"
                problems.append(Problem(f"mentors[{i}]", list(given_cols), message))
                continue
        out_cols.append(cols)
        out_w.append(ws)
    if problems:
        raise InvalidDataError(problems)
    return out_cols, out_w
