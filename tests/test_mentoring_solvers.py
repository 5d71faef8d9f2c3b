"""The index-based matching cores: certified assignment and deferred acceptance."""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator, Sequence
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from learnkit.exceptions import InvalidDataError
from learnkit.mentoring import _assignment
from learnkit.mentoring._assignment import (
    Assignment,
    Objective,
    participation_bonus,
    solve_assignment,
    verify_certificate,
)
from learnkit.mentoring._stable import StableMatching, blocking_pairs, deferred_acceptance

OBJECTIVES: tuple[Objective, ...] = ("participation", "score")

Problem = tuple[list[int], list[list[int]], list[list[int]]]


@st.composite
def problems(
    draw: st.DrawFn, *, max_mentees: int = 6, max_mentors: int = 4, max_cap: int = 3
) -> Problem:
    """A small assignment problem: capacities, and per mentee allowed mentors with weights."""
    m = draw(st.integers(0, max_mentors))
    caps = draw(st.lists(st.integers(0, max_cap), min_size=m, max_size=m))
    n = draw(st.integers(0, max_mentees))
    # Few distinct weights make ties (and degenerate prices); huge ones test big integers.
    top = draw(st.sampled_from([2, 20, 10**6, 10**15]))
    mentors: list[list[int]] = []
    weights: list[list[int]] = []
    for _ in range(n):
        cols = sorted(draw(st.sets(st.integers(0, m - 1), max_size=m))) if m else []
        mentors.append(cols)
        weights.append(draw(st.lists(st.integers(1, top), min_size=len(cols), max_size=len(cols))))
    return caps, mentors, weights


@st.composite
def seeded_problems(draw: st.DrawFn) -> Problem:
    """A larger random problem, built from a seed: sizes, density and weight shape vary.

    Some have fewer mentor slots than mentees, some more, so both warm starts run;
    correlated weights (every mentee wants the same popular mentors) are the hard case.
    """
    rng = random.Random(draw(st.integers(0, 2**32)))
    n = draw(st.integers(1, 60))
    m = draw(st.integers(1, 20))
    density = draw(st.sampled_from([0.1, 0.4, 0.8, 1.0]))
    kind = draw(st.sampled_from(["independent", "correlated", "ties"]))
    caps = [rng.randint(0, 5) for _ in range(m)]
    quality = [rng.random() for _ in range(m)]
    mentors: list[list[int]] = []
    weights: list[list[int]] = []
    for _ in range(n):
        cols = [j for j in range(m) if rng.random() < density]
        if kind == "independent":
            ws = [1 + int(999_999 * rng.random() ** 3) for _ in cols]
        elif kind == "correlated":
            ws = [1 + int(999_999 * (0.6 * quality[j] + 0.4 * rng.random())) for j in cols]
        else:
            ws = [rng.randint(1, 3) for _ in cols]
        mentors.append(cols)
        weights.append(ws)
    return caps, mentors, weights


def feasible_assignments(problem: Problem) -> Iterator[tuple[tuple[int | None, ...], int, int]]:
    """Every feasible assignment with how many it matches and its total weight."""
    caps, mentors, weights = problem
    n = len(mentors)
    load = [0] * len(caps)
    choice: list[int | None] = [None] * n

    def extend(
        i: int, matched: int, total: int
    ) -> Iterator[tuple[tuple[int | None, ...], int, int]]:
        if i == n:
            yield tuple(choice), matched, total
            return
        yield from extend(i + 1, matched, total)
        for j, w in zip(mentors[i], weights[i], strict=True):
            if load[j] < caps[j]:
                load[j] += 1
                choice[i] = j
                yield from extend(i + 1, matched + 1, total + w)
                choice[i] = None
                load[j] -= 1

    yield from extend(0, 0, 0)


def best_value(problem: Problem, objective: Objective) -> tuple[int, int]:
    """The brute-force optimum: (matched, total) for participation, (0, total) for score."""
    if objective == "participation":
        return max((matched, total) for _, matched, total in feasible_assignments(problem))
    return (0, max(total for _, _, total in feasible_assignments(problem)))


def value(result: Assignment) -> tuple[int, int]:
    """What the objective of ``result`` maximises, comparable with :func:`best_value`."""
    if result.objective == "participation":
        return (result.matched, result.total_weight)
    return (0, result.total_weight)


def certificate_of(result: Assignment) -> dict[str, Any]:
    """The keyword arguments that hand ``result`` to :func:`verify_certificate`."""
    return {
        "objective": result.objective,
        "mentor_of": result.mentor_of,
        "mentee_prices": result.mentee_prices,
        "mentor_prices": result.mentor_prices,
    }


def check_feasible(problem: Problem, result: Assignment) -> None:
    """Assert that ``result`` uses allowed pairs only, within capacity, with honest totals."""
    caps, mentors, weights = problem
    load = [0] * len(caps)
    total = 0
    for i, j in enumerate(result.mentor_of):
        if j is not None:
            assert j in mentors[i]
            load[j] += 1
            total += weights[i][mentors[i].index(j)]
    assert all(used <= cap for used, cap in zip(load, caps, strict=True))
    assert result.total_weight == total
    assert result.matched == sum(j is not None for j in result.mentor_of)
    assert len(result.mentee_prices) == len(mentors)
    assert len(result.mentor_prices) == len(caps)


class TestSolveAssignment:
    @given(problems(), st.sampled_from(OBJECTIVES))
    def test_optimal_against_brute_force(self, problem: Problem, objective: Objective) -> None:
        """The solver reaches the brute-force optimum of either objective."""
        result = solve_assignment(*problem, objective=objective)
        assert value(result) == best_value(problem, objective)

    @given(problems(), st.sampled_from(OBJECTIVES))
    def test_feasible(self, problem: Problem, objective: Objective) -> None:
        """Only allowed pairs, nobody twice, capacities kept, totals match the pairs."""
        check_feasible(problem, solve_assignment(*problem, objective=objective))

    @given(problems(), st.sampled_from(OBJECTIVES))
    def test_certificate_verifies(self, problem: Problem, objective: Objective) -> None:
        """The prices the solver returns prove its assignment optimal."""
        result = solve_assignment(*problem, objective=objective)
        assert verify_certificate(*problem, **certificate_of(result)) == []

    @given(seeded_problems(), st.sampled_from(OBJECTIVES))
    def test_certified_on_larger_problems(self, problem: Problem, objective: Objective) -> None:
        """On problems too big for brute force the certificate still proves optimality."""
        result = solve_assignment(*problem, objective=objective)
        check_feasible(problem, result)
        assert verify_certificate(*problem, **certificate_of(result)) == []

    @given(seeded_problems(), st.sampled_from(OBJECTIVES))
    def test_deterministic(self, problem: Problem, objective: Objective) -> None:
        """The same input gives the same assignment and the same prices."""
        assert solve_assignment(*problem, objective=objective) == solve_assignment(
            *problem, objective=objective
        )

    @given(problems(), st.sampled_from(OBJECTIVES), st.randoms(use_true_random=False))
    def test_relabelling_keeps_the_optimum(
        self, problem: Problem, objective: Objective, rnd: random.Random
    ) -> None:
        """Renumbering mentees and mentors changes at most which optimum is found."""
        caps, mentors, weights = problem
        mentee_order = list(range(len(mentors)))
        mentor_order = list(range(len(caps)))
        rnd.shuffle(mentee_order)
        rnd.shuffle(mentor_order)
        new_index = {old: new for new, old in enumerate(mentor_order)}
        relabelled: Problem = (
            [caps[old] for old in mentor_order],
            [[new_index[j] for j in mentors[i]] for i in mentee_order],
            [list(weights[i]) for i in mentee_order],
        )
        first = solve_assignment(*problem, objective=objective)
        second = solve_assignment(*relabelled, objective=objective)
        assert value(second) == value(first)
        assert verify_certificate(*relabelled, **certificate_of(second)) == []

    @given(seeded_problems(), st.randoms(use_true_random=False))
    def test_edge_order_is_irrelevant(self, problem: Problem, rnd: random.Random) -> None:
        """Listing a mentee's mentors in another order gives an identical result."""
        caps, mentors, weights = problem
        shuffled_cols: list[list[int]] = []
        shuffled_w: list[list[int]] = []
        for cols, ws in zip(mentors, weights, strict=True):
            pairs = list(zip(cols, ws, strict=True))
            rnd.shuffle(pairs)
            shuffled_cols.append([c for c, _ in pairs])
            shuffled_w.append([w for _, w in pairs])
        assert solve_assignment(caps, shuffled_cols, shuffled_w) == solve_assignment(*problem)

    @given(seeded_problems(), st.sampled_from(OBJECTIVES), st.data())
    def test_any_warm_start_gives_the_optimum(
        self, problem: Problem, objective: Objective, data: st.DataObject
    ) -> None:
        """Whatever prices the solver starts from, it ends optimal and certified."""
        caps, mentors, weights = problem
        top = max((max(ws) for ws in weights if ws), default=1)
        bonus = participation_bonus(weights) if objective == "participation" else 0
        prices = data.draw(
            st.lists(st.integers(0, 2 * (top + bonus)), min_size=len(caps), max_size=len(caps))
        )
        cols, ws = _assignment._normalised(caps, mentors, weights)
        open_cols, open_ws = _assignment._open_edges(caps, cols, ws)
        solver = _assignment._Solver(caps, open_cols, open_ws, -bonus)
        solver.warm_start(prices)
        for row in range(len(mentors)):
            solver.insert(row)
        solver.repair()
        started = solver.result(objective, bonus)
        assert value(started) == value(solve_assignment(*problem, objective=objective))
        if open_cols is cols:
            assert verify_certificate(*problem, **certificate_of(started)) == []

    @given(seeded_problems(), st.sampled_from(OBJECTIVES))
    def test_partial_columns_and_cut_short_auction(
        self, problem: Problem, objective: Objective
    ) -> None:
        """Short candidate lists, part-sorted columns or a cut-short auction change speed only."""
        expected = value(solve_assignment(*problem, objective=objective))
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(_assignment, "_AUCTION_K", 1)
            patch.setattr(_assignment, "_SAMPLE_ROWS", 2)
            patch.setattr(_assignment, "_SAMPLE_MIN", 2)
            patch.setattr(_assignment, "_HEAD_FRACTION", 2)
            result = solve_assignment(*problem, objective=objective)
            assert value(result) == expected
            assert verify_certificate(*problem, **certificate_of(result)) == []
            patch.setattr(_assignment, "_BID_BUDGET", 0)
            assert value(solve_assignment(*problem, objective=objective)) == expected

    @given(st.integers(0, 2**32), st.sampled_from(OBJECTIVES))
    def test_cold_start_with_far_searches(self, seed: int, objective: Objective) -> None:
        """From zero prices, with more mentees than slots and long edge lists, still exact."""
        rng = random.Random(seed)
        caps = [rng.randint(1, 2) for _ in range(50)]
        mentors = [sorted(rng.sample(range(50), rng.randint(40, 50))) for _ in range(90)]
        weights = [[rng.randint(1, 50) for _ in cols] for cols in mentors]
        bonus = participation_bonus(weights) if objective == "participation" else 0
        cols, ws = _assignment._normalised(caps, mentors, weights)
        open_cols, open_ws = _assignment._open_edges(caps, cols, ws)
        solver = _assignment._Solver(caps, open_cols, open_ws, -bonus)
        for row in range(len(mentors)):
            solver.insert(row)
        solver.repair()
        cold = solver.result(objective, bonus)
        assert value(cold) == value(solve_assignment(caps, mentors, weights, objective=objective))
        assert verify_certificate(caps, mentors, weights, **certificate_of(cold)) == []

    def test_participation_matches_more_than_score(self) -> None:
        """One heavy pair would block two light ones: score takes it, participation does not."""
        problem: Problem = ([1, 1], [[0], [0, 1]], [[1], [10, 1]])
        by_score = solve_assignment(*problem, objective="score")
        by_participation = solve_assignment(*problem, objective="participation")
        assert by_score.mentor_of == (None, 0)
        assert (by_score.matched, by_score.total_weight) == (1, 10)
        assert by_participation.mentor_of == (0, 1)
        assert (by_participation.matched, by_participation.total_weight) == (2, 2)

    def test_bonus_outweighs_every_total(self) -> None:
        """The participation bonus is one more than the heaviest possible total."""
        assert participation_bonus([[3, 9], [], [4]]) == 1 + 9 + 4
        assert solve_assignment([1], [[0], [0]], [[5], [7]]).bonus == 1 + 5 + 7

    def test_empty_and_closed(self) -> None:
        """No mentees, no mentors, no edges and zero capacities all solve, unmatched."""
        assert solve_assignment([], [], []).mentor_of == ()
        nobody = solve_assignment([], [[], []], [[], []])
        assert nobody.mentor_of == (None, None)
        assert nobody.mentee_prices == (0, 0)
        closed: Problem = ([0, 2], [[0, 1], [0]], [[9, 1], [9]])
        result = solve_assignment(*closed, objective="score")
        assert result.mentor_of == (1, None)
        assert result.mentor_prices[0] >= 9  # priced out of reach of both mentees
        assert verify_certificate(*closed, **certificate_of(result)) == []

    def test_result_is_frozen(self) -> None:
        """The result is an immutable value."""
        result = solve_assignment([1], [[0]], [[1]])
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            result.matched = 0  # type: ignore[misc]

    @pytest.mark.parametrize(
        ("caps", "mentors", "weights", "path"),
        [
            ([1], [[0]], [[1], [1]], "weights"),
            ([1], [[0]], [[1, 2]], "weights[0]"),
            ([1], [[1]], [[1]], "mentors[0]"),
            ([1], [[-1]], [[1]], "mentors[0]"),
            ([1], [[0.0]], [[1]], "mentors[0]"),
            ([2], [[0, 0]], [[1, 2]], "mentors[0]"),
            ([1], [[0]], [[0]], "weights[0]"),
            ([1], [[0]], [[1.5]], "weights[0]"),
            ([1], [[0]], [[True]], "weights[0]"),
            ([-1], [[0]], [[1]], "caps[0]"),
            ([True], [[0]], [[1]], "caps[0]"),
        ],
    )
    def test_rejects_malformed_input(
        self, caps: Any, mentors: Any, weights: Any, path: str
    ) -> None:
        """Bad input is refused with the path of the offending field."""
        with pytest.raises(InvalidDataError) as caught:
            solve_assignment(caps, mentors, weights)
        assert path in [problem.path for problem in caught.value.problems]

    def test_rejects_unknown_objective(self) -> None:
        """The objective must be one of the two."""
        with pytest.raises(InvalidDataError) as caught:
            solve_assignment([1], [[0]], [[1]], objective="fun")  # type: ignore[arg-type]
        assert caught.value.problems[0].path == "objective"


class TestVerifyCertificate:
    @given(problems(), st.sampled_from(OBJECTIVES))
    def test_worse_assignment_is_caught(self, problem: Problem, objective: Objective) -> None:
        """No assignment below the optimum passes with the optimal prices."""
        result = solve_assignment(*problem, objective=objective)
        best = value(result)
        for mentor_of, matched, total in feasible_assignments(problem):
            mine = (matched, total) if objective == "participation" else (0, total)
            if mine < best:
                planted = {**certificate_of(result), "mentor_of": mentor_of}
                assert verify_certificate(*problem, **planted) != []

    @given(problems(), st.sampled_from(OBJECTIVES), st.data())
    def test_tampered_price_is_caught(
        self, problem: Problem, objective: Objective, data: st.DataObject
    ) -> None:
        """Lowering a matched mentee's price or raising an unmatched one's is caught."""
        result = solve_assignment(*problem, objective=objective)
        if not result.mentor_of:
            return
        i = data.draw(st.integers(0, len(result.mentor_of) - 1))
        prices = list(result.mentee_prices)
        if result.mentor_of[i] is None:
            prices[i] += 1
        elif prices[i] > 0:
            prices[i] -= 1
        else:
            prices[i] += 1  # now above the pair's value with the mentor's price
        tampered = {**certificate_of(result), "mentee_prices": prices}
        assert verify_certificate(*problem, **tampered) != []

    def test_names_each_kind_of_violation(self) -> None:
        """Each condition of the certificate has its own code, mentee and mentor."""
        problem: Problem = ([1, 1], [[0, 1], [0]], [[5, 3], [4]])
        valid = {"objective": "score", "mentor_of": (1, 0), "mentee_prices": (3, 2)}
        valid["mentor_prices"] = (2, 0)
        assert verify_certificate(*problem, **valid) == []

        def kinds(**changes: Any) -> set[tuple[str, int | None, int | None]]:
            found = verify_certificate(*problem, **{**valid, **changes})
            return {(v.kind, v.mentee, v.mentor) for v in found}

        assert kinds(mentor_of=(0, 0)) == {("capacity", None, 0)}
        assert kinds(mentee_prices=(3, 3)) == {("not-tight", 1, 0)}
        assert kinds(mentor_of=(1, 1)) == {("not-allowed", 1, None), ("not-full-priced", None, 0)}
        assert kinds(mentor_of=(None, 0)) == {("unmatched-priced", 0, None)}
        assert ("not-full-priced", None, 0) in kinds(mentor_of=(1, None))
        assert kinds(mentee_prices=(2, 2), mentor_prices=(2, 1)) == {("dual-infeasible", 0, 0)}
        assert ("price", 0, None) in kinds(mentee_prices=(-1, 2))
        assert ("price", None, 1) in kinds(mentor_prices=(2, 0.5))
        assert kinds(mentee_prices=(1,)) == {("shape", None, None)}

    def test_messages_read_as_text(self) -> None:
        """A violation renders as its plain-English message."""
        found = verify_certificate(
            [1],
            [[0]],
            [[2]],
            objective="score",
            mentor_of=[None],
            mentee_prices=[0],
            mentor_prices=[0],
        )
        assert [v.kind for v in found] == ["dual-infeasible"]
        assert str(found[0]) == found[0].message
        assert "mentee 0 and mentor 0" in str(found[0])


# -- deferred acceptance ---------------------------------------------------------------

Preferences = tuple[list[int], list[list[int]], list[list[float]]]


@st.composite
def preferences(
    draw: st.DrawFn, *, max_mentees: int = 5, max_mentors: int = 3, distinct: bool = False
) -> Preferences:
    """Capacities, each mentee's ranked acceptable mentors, and each mentor's priorities."""
    m = draw(st.integers(0, max_mentors))
    caps = draw(st.lists(st.integers(0, 2), min_size=m, max_size=m))
    n = draw(st.integers(0, max_mentees))
    prefs: list[list[int]] = []
    priority: list[list[float]] = []
    keys = st.floats(0, 1) if distinct else st.sampled_from([0, 1, 2, 0.5])
    for _ in range(n):
        row = draw(st.permutations(range(m)))[: draw(st.integers(0, m))]
        prefs.append(list(row))
        priority.append([draw(keys) for _ in row])
    if distinct:
        # Give every (mentor, mentee) pair its own key so no tie needs the index rule.
        priority = [[k + 2 * i for k in row] for i, row in enumerate(priority)]
    return caps, prefs, priority


@st.composite
def seeded_preferences(draw: st.DrawFn) -> Preferences:
    """A larger random instance built from a seed, with priorities that often tie."""
    rng = random.Random(draw(st.integers(0, 2**32)))
    n = draw(st.integers(1, 80))
    m = draw(st.integers(1, 25))
    caps = [rng.randint(0, 5) for _ in range(m)]
    prefs = [rng.sample(range(m), rng.randint(0, m)) for _ in range(n)]
    priority: list[list[float]] = [[rng.randint(0, 4) for _ in row] for row in prefs]
    return caps, prefs, priority


def matchings(problem: Preferences) -> Iterator[tuple[int | None, ...]]:
    """Every matching that uses listed pairs within capacity."""
    caps, prefs, _ = problem
    options = [[None, *row] for row in prefs]
    for choice in itertools.product(*options):
        load = [0] * len(caps)
        for j in choice:
            if j is not None:
                load[j] += 1
        if all(used <= cap for used, cap in zip(load, caps, strict=True)):
            yield choice


def naive_blocking(problem: Preferences, mentor_of: Sequence[int | None]) -> list[tuple[int, int]]:
    """Blocking pairs straight from the definition, O(n^2 m)."""
    caps, prefs, priority = problem

    def wants(j: int, i: int) -> tuple[float, int]:
        if j in prefs[i]:
            return (priority[i][prefs[i].index(j)], -i)
        return (float("-inf"), -i)

    found = []
    for i, row in enumerate(prefs):
        current = mentor_of[i]
        rank = row.index(current) if current in row else len(row)
        for j in row[:rank]:
            held = [k for k, jj in enumerate(mentor_of) if jj == j]
            if len(held) < caps[j] or any(wants(j, i) > wants(j, k) for k in held):
                found.append((i, j))
    return found


class TestDeferredAcceptance:
    @given(preferences())
    def test_mentee_optimal_against_brute_force(self, problem: Preferences) -> None:
        """The result is stable and every mentee does as well as in any stable matching."""
        result = deferred_acceptance(*problem)
        _, prefs, _ = problem
        stable = [mo for mo in matchings(problem) if not naive_blocking(problem, mo)]
        assert result.mentor_of in stable

        def rank(i: int, j: int | None) -> int:
            return len(prefs[i]) if j is None else prefs[i].index(j)

        for other in stable:
            for i, j in enumerate(other):
                assert rank(i, result.mentor_of[i]) <= rank(i, j)

    @given(seeded_preferences())
    def test_no_blocking_pair(self, problem: Preferences) -> None:
        """No mentee and mentor would both rather be together."""
        result = deferred_acceptance(*problem)
        assert blocking_pairs(*problem, result.mentor_of) == []

    @given(seeded_preferences())
    def test_feasible_and_consistent(self, problem: Preferences) -> None:
        """Listed pairs only, capacities kept, choices and counts agree with the pairs."""
        caps, prefs, _ = problem
        result = deferred_acceptance(*problem)
        load = [0] * len(caps)
        for i, (j, k) in enumerate(zip(result.mentor_of, result.choice, strict=True)):
            if j is None:
                assert k is None
            else:
                assert prefs[i][k] == j
                load[j] += 1
        assert all(used <= cap for used, cap in zip(load, caps, strict=True))
        assert result.matched == sum(load)
        assert result.proposals >= result.matched

    @given(seeded_preferences())
    def test_deterministic(self, problem: Preferences) -> None:
        """The same input gives the same matching."""
        assert deferred_acceptance(*problem) == deferred_acceptance(*problem)

    @given(
        preferences(max_mentees=6, max_mentors=4, distinct=True), st.randoms(use_true_random=False)
    )
    def test_independent_of_mentee_numbering(
        self, problem: Preferences, rnd: random.Random
    ) -> None:
        """With strict priorities the stable matching does not depend on who proposes first."""
        caps, prefs, priority = problem
        order = list(range(len(prefs)))
        rnd.shuffle(order)
        shuffled = deferred_acceptance(
            caps, [prefs[i] for i in order], [priority[i] for i in order]
        )
        original = deferred_acceptance(*problem)
        assert [shuffled.mentor_of[order.index(i)] for i in range(len(prefs))] == list(
            original.mentor_of
        )

    def test_ties_go_to_the_smaller_index(self) -> None:
        """A mentor with one slot and two equally wanted mentees keeps the first."""
        result = deferred_acceptance([1], [[0], [0]], [[1.0], [1.0]])
        assert result.mentor_of == (0, None)

    def test_long_chains_need_no_recursion(self) -> None:
        """Every mentee bumps the previous one down the same list: deep, but iterative."""
        n = 400
        prefs = [list(range(n)) for _ in range(n)]
        priority: list[list[float]] = [[float(i)] * n for i in range(n)]
        result = deferred_acceptance([1] * n, prefs, priority)
        assert result.mentor_of == tuple(range(n - 1, -1, -1))
        assert blocking_pairs([1] * n, prefs, priority, result.mentor_of) == []

    def test_result_is_frozen(self) -> None:
        """The result is an immutable value."""
        result = deferred_acceptance([1], [[0]], [[1]])
        assert isinstance(result, StableMatching)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            result.matched = 0  # type: ignore[misc]

    @pytest.mark.parametrize(
        ("caps", "prefs", "priority", "path"),
        [
            ([1], [[0]], [[1], [1]], "priority"),
            ([1], [[0]], [[1, 2]], "priority[0]"),
            ([1], [[1]], [[1]], "prefs[0]"),
            ([2], [[0, 0]], [[1, 2]], "prefs[0]"),
            ([1], [[0]], [[float("nan")]], "priority[0]"),
            ([1], [[0]], [["high"]], "priority[0]"),
            ([-1], [[0]], [[1]], "caps[0]"),
        ],
    )
    def test_rejects_malformed_input(self, caps: Any, prefs: Any, priority: Any, path: str) -> None:
        """Bad input is refused with the path of the offending field."""
        with pytest.raises(InvalidDataError) as caught:
            deferred_acceptance(caps, prefs, priority)
        assert path in [problem.path for problem in caught.value.problems]


class TestBlockingPairs:
    @given(preferences(), st.data())
    def test_matches_the_definition(self, problem: Preferences, data: st.DataObject) -> None:
        """For any matching, the fast check lists exactly the pairs the definition does."""
        every = list(matchings(problem))
        mentor_of = data.draw(st.sampled_from(every))
        assert blocking_pairs(*problem, mentor_of) == naive_blocking(problem, mentor_of)

    def test_finds_a_planted_blocking_pair(self) -> None:
        """Unmatching a mentee whose first choice has room makes that pair block."""
        problem: Preferences = ([1, 1], [[0, 1], [1]], [[1, 0], [1]])
        stable = deferred_acceptance(*problem)
        assert stable.mentor_of == (0, 1)
        assert blocking_pairs(*problem, (None, 1)) == [(0, 0)]

    def test_unlisted_pairs_count_as_worst(self) -> None:
        """A pair nobody listed loses to any listed pair, on both sides."""
        problem: Preferences = ([1], [[0], []], [[1], []])
        assert blocking_pairs(*problem, (None, 0)) == [(0, 0)]

    def test_rejects_a_bad_matching(self) -> None:
        """A matching of the wrong length or naming an unknown mentor is refused."""
        with pytest.raises(InvalidDataError):
            blocking_pairs([1], [[0]], [[1]], [])
        with pytest.raises(InvalidDataError) as caught:
            blocking_pairs([1], [[0]], [[1]], [3])
        assert caught.value.problems[0].path == "mentor_of[0]"
