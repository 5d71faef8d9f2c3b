"""Matching a cohort: the optimal and the stable matching, suggestions and rematching.

Each function scores the cohort once with :func:`score_cohort` (hard rules as
bitmasks first, soft rules only for the allowed pairs), fixes the locked pairs,
solves the rest on indices and explains only the pairs it reports. Mentors and
mentees are indexed in id order, so every tie the numbers leave is settled by
the ids, never by the order the input came in: equal cohorts give equal
results. The stable matching, suggestions and next-best lists prefer the
smaller id outright; the optimum is the one the solver reaches on the
id-ordered problem.

Pair scores are whole micro-points, ``round(score * 1_000_000)``; optimality is
exact for those integers.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Sequence
from itertools import compress
from operator import itemgetter
from typing import Any, Final, Literal, TypeAlias

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.i18n import Locale, translate
from learnkit.mentoring._assignment import Objective, solve_assignment
from learnkit.mentoring._model import Cohort, Pair
from learnkit.mentoring._rules import Rules, default_rules, trusted
from learnkit.mentoring._scoring import MICRO, ScoredCohort, ScorePart, explain_pair, score_cohort
from learnkit.mentoring._stable import deferred_acceptance

__all__ = [
    "Certificate",
    "Guarantee",
    "Match",
    "MatchResult",
    "Objective",
    "Suggestion",
    "Unmatched",
    "optimal",
    "rematch",
    "stable",
    "suggestions",
]

Guarantee: TypeAlias = Literal["optimal_participation", "optimal_score", "stable_mentee_optimal"]
"""What a result promises (see :meth:`MatchResult.guarantee_text`)."""

Method: TypeAlias = Literal["optimal", "stable"]
"""How a result was found."""

Cause: TypeAlias = Literal["no_allowed_mentor", "mentors_full", "not_selected"]
"""Why a mentee has no mentor."""

OBJECTIVES: Final[tuple[Objective, ...]] = ("participation", "score")
METHODS: Final[tuple[Method, ...]] = ("optimal", "stable")
GUARANTEES: Final[tuple[Guarantee, ...]] = (
    "optimal_participation",
    "optimal_score",
    "stable_mentee_optimal",
)
OPTIMAL_GUARANTEE: Final[dict[Objective, Guarantee]] = {
    "participation": "optimal_participation",
    "score": "optimal_score",
}
CAUSES: Final[tuple[Cause, ...]] = ("no_allowed_mentor", "mentors_full", "not_selected")
NEXT_BEST: Final = 3
"""How many full mentors an unmatched mentee's explanation names."""

_NONE: Final = "–"


# --- validators and converters ---------------------------------------------------------------


def _as_tuple(value: object) -> object:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        return value
    return tuple(value)


def _as_pairs(value: object) -> object:
    # (name, number) pairs may arrive as lists (from JSON or a caller); they are kept as tuples.
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        return value
    return tuple(tuple(item) if isinstance(item, list | tuple) else item for item in value)


def _named_counts(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple):
        raise _validate.fail(attribute, value, "must be (name, whole number) pairs")
    problems = [
        Problem(f"{attribute.name}[{index}]", item, "must be a (name, whole number >= 0) pair")
        for index, item in enumerate(value)
        if not (
            isinstance(item, tuple)
            and len(item) == 2
            and isinstance(item[0], str)
            and item[0]
            and isinstance(item[1], int)
            and not isinstance(item[1], bool)
            and item[1] >= 0
        )
    ]
    if problems:
        raise InvalidDataError(problems)


def _sorted_pairs(value: object) -> object:
    return _validate.canonical_tuple(value)


# --- results --------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Match:
    """One pair in a result, with its score broken down by rule.

    Attributes:
        mentor: The mentor's id.
        mentee: The mentee's id.
        score: The pair score, the weighted mean of ``parts``, in [0, 1].
        points: ``round(score * 1_000_000)``: what the algorithms add up.
        parts: Every soft rule's share, in the order of the rules
            (exactly what :func:`~learnkit.mentoring.explain_pair` gives).
        locked: Whether the pair was fixed beforehand (locked in the cohort
            or kept by :func:`rematch`) rather than chosen.
    """

    mentor: str = attrs.field(validator=_validate.identifier)
    mentee: str = attrs.field(validator=_validate.identifier)
    score: float = attrs.field(validator=_validate.number_between(0.0, 1.0))
    points: int = attrs.field(validator=_validate.int_between(0, MICRO))
    parts: tuple[ScorePart, ...] = attrs.field(
        converter=_as_tuple, validator=_validate.each(_validate.instance_of(ScorePart))
    )
    locked: bool = attrs.field(default=False, validator=_validate.instance_of(bool))


@attrs.frozen(kw_only=True)
class Unmatched:
    """A mentee without a mentor, and why.

    Attributes:
        mentee: The mentee's id.
        cause: ``"no_allowed_mentor"`` when the hard rules (or the pair being
            the same person, or forbidden) excluded every mentor;
            ``"mentors_full"`` when every allowed mentor's places are taken;
            ``"not_selected"`` when an allowed mentor still has a free place
            (neither algorithm leaves a mentee so, but a hand-made result may).
        allowed: How many mentors the hard rules allow for the mentee.
        exclusions: ``(rule name, count)`` for ``"self"``, ``"forbidden"`` and
            every hard rule in order: how many mentors each excluded, each
            counted on its own (so the counts may add up to more than the
            mentors excluded).
        next_best: Up to three allowed mentors whose places are all taken,
            best score first (ties by id): who would have been next.
    """

    mentee: str = attrs.field(validator=_validate.identifier)
    cause: Cause = attrs.field(validator=_validate.one_of(CAUSES))
    allowed: int = attrs.field(validator=_validate.count)
    exclusions: tuple[tuple[str, int], ...] = attrs.field(
        converter=_as_pairs, validator=_named_counts
    )
    next_best: tuple[str, ...] = attrs.field(
        converter=_as_tuple, validator=_validate.each(_validate.identifier)
    )

    def explain(self, locale: Locale) -> str:
        """Why the mentee has no mentor, as a sentence in ``locale``.

        Raises:
            InvalidDataError: the locale is not ``"da"`` or ``"en"``.
        """
        if self.cause == "no_allowed_mentor":
            counts = [
                translate("match.exclusion", locale, rule=rule, count=count)
                for rule, count in self.exclusions
                if count
            ]
            return translate(
                "match.unmatched.no_allowed_mentor",
                locale,
                mentee=self.mentee,
                exclusions=", ".join(counts) or _NONE,
            )
        if self.cause == "mentors_full":
            return translate(
                "match.unmatched.mentors_full",
                locale,
                mentee=self.mentee,
                allowed=self.allowed,
                next_best=", ".join(self.next_best) or _NONE,
            )
        return translate(
            "match.unmatched.not_selected", locale, mentee=self.mentee, allowed=self.allowed
        )


@attrs.frozen(kw_only=True)
class Certificate:
    """What proves an optimal result optimal: integer dual prices of its linear programme.

    The programme is over the *free* part of the cohort: the mentees without
    a locked pair, and each mentor with its capacity less its locked pairs.
    Locked pairs are constraints, not choices: every matching that keeps them
    is the locked pairs plus a matching of the free part, so the free part's
    optimum together with the locked pairs is optimal among them all.

    A pair of points ``p`` is worth ``p * (R + 1) + 1`` in the programme, with
    ``R`` the number of requests in the cohort, plus ``bonus`` per pair for the
    ``"participation"`` objective (``bonus`` exceeds any total, so matching
    one more mentee always wins). The scaling makes the programme's optimum
    exact for both aims at once: for ``"participation"`` the most mentees,
    then the most points; for ``"score"`` the most points, then the most
    mentees. The prices prove it when ``u_i + v_j >= value`` for every allowed
    free pair, with equality for matched pairs, every price is a whole number
    ``>= 0``, only matched mentees and full mentors have positive prices
    (weak duality: no matching is worth more than the prices add up to).
    ``check_matching`` verifies this in time linear in the number of pairs.

    Attributes:
        objective: ``"participation"`` or ``"score"``.
        bonus: The participation bonus per matched pair (0 for ``"score"``).
        mentee_prices: ``(mentee id, u)`` for every free mentee, in id order.
        mentor_prices: ``(mentor id, v)`` for every mentor, in id order.
    """

    objective: Objective = attrs.field(validator=_validate.one_of(OBJECTIVES))
    bonus: int = attrs.field(validator=_validate.count)
    mentee_prices: tuple[tuple[str, int], ...] = attrs.field(
        converter=_as_pairs, validator=_named_counts
    )
    mentor_prices: tuple[tuple[str, int], ...] = attrs.field(
        converter=_as_pairs, validator=_named_counts
    )


@attrs.frozen(kw_only=True)
class MatchResult:
    """A matching of a cohort, explained, with the guarantee it carries.

    Attributes:
        method: ``"optimal"`` or ``"stable"``.
        objective: What the optimum maximises; ``None`` for a stable result.
        guarantee: What the result promises: ``"optimal_participation"``,
            ``"optimal_score"`` or ``"stable_mentee_optimal"``.
        matches: Every pair (locked ones included), sorted by mentee id.
        unmatched: Every mentee without a mentor, sorted by id.
        total_score: The matches' scores added up (``math.fsum``).
        total_points: The matches' points added up.
        certificate: The proof of optimality; ``None`` for a stable result.
        kept: The pairs kept from an earlier round by :func:`rematch`, sorted.
        rematch: Whether :func:`rematch` made the result; it was then solved
            with every earlier pair forbidden, and :func:`check_matching`
            checks it the same way.
    """

    method: Method = attrs.field(validator=_validate.one_of(METHODS))
    objective: Objective | None = attrs.field(
        validator=_validate.optional(_validate.one_of(OBJECTIVES))
    )
    guarantee: Guarantee = attrs.field(validator=_validate.one_of(GUARANTEES))
    matches: tuple[Match, ...] = attrs.field(
        converter=_as_tuple, validator=_validate.each(_validate.instance_of(Match))
    )
    unmatched: tuple[Unmatched, ...] = attrs.field(
        converter=_as_tuple, validator=_validate.each(_validate.instance_of(Unmatched))
    )
    total_score: float = attrs.field(validator=_validate.number_between(0.0, math.inf))
    total_points: int = attrs.field(validator=_validate.count)
    certificate: Certificate | None = attrs.field(
        validator=_validate.optional(_validate.instance_of(Certificate))
    )
    kept: tuple[Pair, ...] = attrs.field(
        default=(), converter=_sorted_pairs, validator=_validate.each(_validate.instance_of(Pair))
    )
    rematch: bool = attrs.field(default=False, validator=_validate.instance_of(bool))

    def mentor_of(self, mentee: str) -> str | None:
        """The mentor of ``mentee``, or ``None`` when the mentee has none here."""
        for match in self.matches:
            if match.mentee == mentee:
                return match.mentor
        return None

    def mentees_of(self, mentor: str) -> tuple[str, ...]:
        """The mentees of ``mentor``, sorted by id (empty when none)."""
        return tuple(sorted(match.mentee for match in self.matches if match.mentor == mentor))

    def guarantee_text(self, locale: Locale) -> str:
        """What the result guarantees, as sentences in ``locale``.

        Raises:
            InvalidDataError: the locale is not ``"da"`` or ``"en"``.
        """
        return translate(f"match.guarantee.{self.guarantee}", locale)


@attrs.frozen(kw_only=True)
class Suggestion:
    """A mentor suggested to one mentee, with the score parts behind the rank.

    Attributes:
        rank: 1 for the best suggestion.
        mentor: The mentor's id.
        score: The pair score in [0, 1].
        points: ``round(score * 1_000_000)``, which decides the rank (ties by id).
        parts: Every soft rule's share, in the order of the rules.
        free_places: The mentor's capacity less the pairs locked on them.
    """

    rank: int = attrs.field(validator=_validate.int_between(1, 2**31))
    mentor: str = attrs.field(validator=_validate.identifier)
    score: float = attrs.field(validator=_validate.number_between(0.0, 1.0))
    points: int = attrs.field(validator=_validate.int_between(0, MICRO))
    parts: tuple[ScorePart, ...] = attrs.field(
        converter=_as_tuple, validator=_validate.each(_validate.instance_of(ScorePart))
    )
    free_places: int = attrs.field(validator=_validate.count)


# --- the problem on indices, shared with check_matching ----------------------------------------


class FreePart:
    """The cohort after its locked pairs: the free mentees and the places left.

    Attributes:
        locked_of: Mentor index by mentee index, for the locked mentees.
        caps: Per mentor, the capacity less the pairs locked on them.
        free: The indices of the mentees without a locked pair, ascending.
        cols: Per free mentee, the allowed mentor indices (ascending).
        points: Per free mentee, the pairs' points, parallel to ``cols``.
        scale: ``R + 1`` for ``R`` requests: see :class:`Certificate`.
    """

    __slots__ = ("caps", "cols", "free", "locked_of", "points", "scale")

    def __init__(self, scored: ScoredCohort, locked: Iterable[tuple[int, int]]) -> None:
        self.locked_of = dict(locked)
        caps = list(scored.capacities)
        for j in self.locked_of.values():
            caps[j] -= 1
        self.caps = caps
        self.free = [i for i in range(len(scored.mentees)) if i not in self.locked_of]
        self.cols = [scored.allowed[i] for i in self.free]
        self.points = [scored.weights[i] for i in self.free]
        self.scale = len(scored.mentees) + 1

    def values(self) -> list[list[int]]:
        """Each free pair's value in the linear programme: ``points * scale + 1``."""
        scale = self.scale
        return [[p * scale + 1 for p in row] for row in self.points]


def stable_lists(
    cohort: Cohort, scored: ScoredCohort, part: FreePart
) -> tuple[list[Sequence[int]], list[Sequence[int]]]:
    """Every free mentee's acceptable mentors in order of preference, and how much each wants them.

    A mentee lists first the mentors of their ranked preferences that the
    hard rules allow, in their order, then every other allowed mentor by
    points, best first; a mentor wants mentees by the pair's points. Ties
    go to the smaller index, which is the smaller id.
    """
    requests = cohort.requests
    prefs: list[Sequence[int]] = []
    priority: list[Sequence[int]] = []
    for i, cols, pts in zip(part.free, part.cols, part.points, strict=True):
        # A stable sort in reverse keeps equal points in ascending mentor order.
        order = sorted(range(len(cols)), key=pts.__getitem__, reverse=True)
        ranked = requests[i].preferences
        if ranked:
            position = dict(zip(cols, range(len(cols)), strict=True))
            listed = [position[j] for j in map(scored.mentor_index, ranked) if j in position]
            first = set(listed)
            order = listed + [k for k in order if k not in first]
        if len(order) < 2:  # itemgetter of one index gives the item, not a tuple
            prefs.append(cols)
            priority.append(pts)
            continue
        # Both reorderings in C, one pass each.
        reorder = itemgetter(*order)
        prefs.append(reorder(cols))
        priority.append(reorder(pts))
    return prefs, priority


def unmatched_entry(
    scored: ScoredCohort, i: int, load: Sequence[int], full: Sequence[bool] | None = None
) -> Unmatched:
    """Why mentee ``i`` is unmatched when the mentors carry ``load`` mentees.

    ``full`` (per mentor, whether ``load`` fills it) may be passed in when
    many mentees are explained against the same loads.
    """
    if full is None:
        full = list(map(int.__ge__, load, scored.capacities))
    cols = scored.allowed[i]
    is_full = list(map(full.__getitem__, cols))
    taken = list(compress(cols, is_full))
    cause: Cause
    if not cols:
        cause = "no_allowed_mentor"
    elif len(taken) == len(cols):
        cause = "mentors_full"
    else:
        cause = "not_selected"
    best = heapq.nsmallest(
        NEXT_BEST, zip(map(int.__neg__, compress(scored.weights[i], is_full)), taken, strict=True)
    )
    return trusted(
        Unmatched,
        mentee=scored.mentees[i],
        cause=cause,
        allowed=len(cols),
        exclusions=tuple(zip(scored.exclusion_rules, scored.excluded[i], strict=True)),
        next_best=tuple(scored.mentors[j] for _, j in best),
    )


def _result(
    cohort: Cohort,
    rules: Rules,
    scored: ScoredCohort,
    mentor_of: Sequence[int | None],
    locked: Iterable[int],
    **fields: Any,
) -> MatchResult:
    """The result for ``mentor_of``, with every match explained and every unmatched mentee."""
    mentors, mentees = scored.mentors, scored.mentees
    fixed = set(locked)
    load = [0] * len(mentors)
    for j in mentor_of:
        if j is not None:
            load[j] += 1
    full = list(map(int.__ge__, load, scored.capacities))
    matches: list[Match] = []
    unmatched: list[Unmatched] = []
    for i, j in enumerate(mentor_of):
        if j is None:
            unmatched.append(unmatched_entry(scored, i, load, full))
            continue
        explanation = explain_pair(cohort, rules, mentors[j], mentees[i])
        # Built from a validated cohort and explanation: validating again would cost more
        # than the explanation itself.
        matches.append(
            trusted(
                Match,
                mentor=mentors[j],
                mentee=mentees[i],
                score=explanation.score,
                points=explanation.points,
                parts=explanation.parts,
                locked=i in fixed,
            )
        )
    return MatchResult(
        matches=tuple(matches),
        unmatched=tuple(unmatched),
        total_score=math.fsum(match.score for match in matches),
        total_points=sum(match.points for match in matches),
        **fields,
    )


def _is_positive(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def _rules_or_default(rules: Rules | None) -> Rules:
    return default_rules() if rules is None else rules


def _require_objective(objective: object) -> Objective:
    for known in OBJECTIVES:
        if objective == known:
            return known
    raise InvalidDataError.single("objective", objective, "must be 'participation' or 'score'")


def _require_method(method: object) -> Method:
    for known in METHODS:
        if method == known:
            return known
    raise InvalidDataError.single("method", method, "must be 'optimal' or 'stable'")


def solve_optimal(
    cohort: Cohort,
    rules: Rules,
    scored: ScoredCohort,
    objective: Objective,
    *,
    kept: tuple[Pair, ...] = (),
    rematch: bool = False,
) -> MatchResult:
    """The certified optimum of a scored cohort (see :func:`optimal`)."""
    part = FreePart(scored, scored.locked)
    assignment = solve_assignment(part.caps, part.cols, part.values(), objective=objective)
    mentor_of: list[int | None] = [None] * len(scored.mentees)
    for i, j in part.locked_of.items():
        mentor_of[i] = j
    for i, chosen in zip(part.free, assignment.mentor_of, strict=True):
        mentor_of[i] = chosen
    certificate = Certificate(
        objective=objective,
        bonus=assignment.bonus,
        mentee_prices=tuple(
            zip((scored.mentees[i] for i in part.free), assignment.mentee_prices, strict=True)
        ),
        mentor_prices=tuple(zip(scored.mentors, assignment.mentor_prices, strict=True)),
    )
    return _result(
        cohort,
        rules,
        scored,
        mentor_of,
        part.locked_of,
        method="optimal",
        objective=objective,
        guarantee=OPTIMAL_GUARANTEE[objective],
        certificate=certificate,
        kept=kept,
        rematch=rematch,
    )


def solve_stable(
    cohort: Cohort,
    rules: Rules,
    scored: ScoredCohort,
    *,
    kept: tuple[Pair, ...] = (),
    rematch: bool = False,
) -> MatchResult:
    """The mentee-optimal stable matching of a scored cohort (see :func:`stable`)."""
    part = FreePart(scored, scored.locked)
    prefs, priority = stable_lists(cohort, scored, part)
    matching = deferred_acceptance(part.caps, prefs, priority)
    mentor_of: list[int | None] = [None] * len(scored.mentees)
    for i, j in part.locked_of.items():
        mentor_of[i] = j
    for i, chosen in zip(part.free, matching.mentor_of, strict=True):
        mentor_of[i] = chosen
    return _result(
        cohort,
        rules,
        scored,
        mentor_of,
        part.locked_of,
        method="stable",
        objective=None,
        guarantee="stable_mentee_optimal",
        certificate=None,
        kept=kept,
        rematch=rematch,
    )


# --- the public functions ---------------------------------------------------------------------


def optimal(
    cohort: Cohort, rules: Rules | None = None, *, objective: Objective = "participation"
) -> MatchResult:
    """The best matching of ``cohort`` under ``rules``, exact and certified.

    With ``objective="participation"`` (the default) it matches as many
    mentees as possible and, among all matchings of that many, has the
    highest total score; with ``"score"`` it has the highest total score,
    and among those it matches the most mentees. Ties that remain are settled
    by the ids (the solver sees everyone in id order), never by the input
    order. Capacities are honoured, locked pairs are kept and fixed first,
    forbidden pairs and pairs the hard rules refuse never appear, and a
    person is never matched with themselves.

    The result carries a :class:`Certificate` (integer dual prices) that
    proves it optimal for the points (``round(score * 1_000_000)``) and that
    :func:`check_matching` verifies; every match carries its score parts and
    every unmatched mentee why.

    Args:
        cohort: Who offers, who asks, what is locked and forbidden.
        rules: The hard and soft rules; :func:`default_rules` when ``None``.
        objective: ``"participation"`` or ``"score"``.

    Raises:
        InvalidDataError: ``objective`` is unknown, or a locked pair breaks a
            hard rule (every such pair is listed with the rules' reasons).
        TypeError: ``cohort`` or ``rules`` is of the wrong type, or a user's
            rule returned something other than a verdict or score.
    """
    objective = _require_objective(objective)
    rules = _rules_or_default(rules)
    return solve_optimal(cohort, rules, score_cohort(cohort, rules), objective)


def stable(cohort: Cohort, rules: Rules | None = None) -> MatchResult:
    """The mentee-optimal stable matching of ``cohort`` (deferred acceptance with capacities).

    Preferences: a mentee prefers the mentors they ranked, in their order
    (only those the hard rules allow), then every other allowed mentor by
    score; a mentor prefers mentees by score. Every tie goes to the smaller
    id. Locked pairs are fixed first (they take a place and leave the
    mentee out). The result has no blocking pair among the others: no mentee
    and mentor would both rather be together than keep what they have (a
    free place counts as wanting anyone allowed). Of all such matchings it
    is the one every mentee likes best, which is unique, so it does not
    depend on who proposes first.

    Args:
        cohort: Who offers, who asks, what is locked and forbidden.
        rules: The hard and soft rules; :func:`default_rules` when ``None``.

    Raises:
        InvalidDataError: a locked pair breaks a hard rule.
        TypeError: ``cohort`` or ``rules`` is of the wrong type, or a user's
            rule returned something other than a verdict or score.
    """
    rules = _rules_or_default(rules)
    return solve_stable(cohort, rules, score_cohort(cohort, rules))


def suggestions(
    cohort: Cohort, mentee: str, rules: Rules | None = None, *, top: int = 5
) -> tuple[Suggestion, ...]:
    """The ``top`` mentors the rules allow for ``mentee``, best score first, ties by id.

    For programmes where mentees choose: each suggestion has its score parts
    and the mentor's free places (capacity less the pairs locked on them;
    a full mentor is still suggested, with 0). Only this mentee's pairs are
    scored; the rules see the cohort with this mentee's request alone (and
    the pair locked on them, if any).

    Raises:
        UnknownIdError: ``mentee`` has no request in the cohort.
        InvalidDataError: ``top`` is not a whole number >= 1, or a pair locked
            on the mentee breaks a hard rule.
        TypeError: ``cohort`` or ``rules`` is of the wrong type.
    """
    if not isinstance(cohort, Cohort):
        raise TypeError(f"suggestions needs a Cohort, not {cohort!r}")
    if not _is_positive(top):
        raise InvalidDataError.single("top", top, "must be a whole number >= 1")
    rules = _rules_or_default(rules)
    request = cohort.request(mentee)
    alone = attrs.evolve(
        cohort,
        requests=(request,),
        locked=tuple(pair for pair in cohort.locked if pair.mentee == mentee),
    )
    scored = score_cohort(alone, rules)
    ranked = heapq.nsmallest(
        top, zip(map(int.__neg__, scored.weights[0]), scored.allowed[0], strict=True)
    )
    taken: dict[str, int] = {}
    for pair in cohort.locked:
        taken[pair.mentor] = taken.get(pair.mentor, 0) + 1
    found: list[Suggestion] = []
    for rank, (_, j) in enumerate(ranked, start=1):
        mentor = scored.mentors[j]
        explanation = explain_pair(alone, rules, mentor, mentee)
        found.append(
            trusted(
                Suggestion,
                rank=rank,
                mentor=mentor,
                score=explanation.score,
                points=explanation.points,
                parts=explanation.parts,
                free_places=scored.capacities[j] - taken.get(mentor, 0),
            )
        )
    return tuple(found)


def rematch_cohort(cohort: Cohort, keep: Iterable[Pair]) -> Cohort:
    """The cohort :func:`rematch` solves: ``keep`` locked, every earlier pair forbidden.

    Every pair of two people paired in the history, in either role and
    whenever it was, is forbidden, except the pairs locked or kept; the
    history between the two people of a locked or kept pair is left out, so
    a rule about earlier pairings does not refuse a pair that simply goes on.

    Raises:
        InvalidDataError: a kept pair cannot be kept (its mentor has no offer,
            its mentee no request, it is forbidden, its mentee is locked to
            someone else, or its mentor has no place left); paths name it
            ``keep[mentor->mentee]``.
    """
    kept = tuple(keep)
    fixed = set(cohort.locked) | set(kept)
    together = {frozenset((pair.mentor, pair.mentee)) for pair in fixed}
    offers = set(cohort.mentors)
    requests = set(cohort.mentees)
    earlier: set[Pair] = set()
    for pairing in cohort.history:
        for mentor, mentee in ((pairing.mentor, pairing.mentee), (pairing.mentee, pairing.mentor)):
            if mentor in offers and mentee in requests and Pair(mentor, mentee) not in fixed:
                earlier.add(Pair(mentor, mentee))
    try:
        return attrs.evolve(
            cohort,
            history=tuple(
                pairing
                for pairing in cohort.history
                if frozenset((pairing.mentor, pairing.mentee)) not in together
            ),
            locked=tuple(fixed),
            forbidden=tuple(set(cohort.forbidden) | earlier),
        )
    except InvalidDataError as error:
        raise _as_kept(error, set(kept) - set(cohort.locked)) from None


def _as_kept(error: InvalidDataError, kept: set[Pair]) -> InvalidDataError:
    """The same problems, with the paths of kept pairs saying ``keep`` rather than ``locked``."""
    names = {f"locked[{pair}]": f"keep[{pair}]" for pair in kept}
    problems = []
    for problem in error.problems:
        path = problem.path
        for old, new in names.items():
            if path.startswith(old):
                path = new + path[len(old) :]
                break
        problems.append(Problem(path, problem.value, problem.message))
    return InvalidDataError(problems)


def _kept_pairs(keep: object) -> tuple[Pair, ...]:
    if isinstance(keep, str | bytes | Pair) or not isinstance(keep, Iterable):
        raise InvalidDataError.single("keep", keep, "must be a collection of Pair")
    items = list(keep)
    problems = [
        Problem(f"keep[{index}]", item, "must be a Pair")
        for index, item in enumerate(items)
        if not isinstance(item, Pair)
    ]
    if problems:
        raise InvalidDataError(problems)
    return tuple(sorted(set(items)))


def rematch(
    cohort: Cohort,
    rules: Rules | None = None,
    *,
    keep: Iterable[Pair] = (),
    method: Method = "optimal",
    objective: Objective = "participation",
) -> MatchResult:
    """A new round: keep the chosen pairs, never repeat an earlier pair, match the rest.

    The pairs in ``keep`` are kept as locked pairs (``Match.locked``, and
    listed in ``MatchResult.kept``); every pair of two people paired before
    (in the cohort's history, in either role, however long ago) is
    forbidden, as are the cohort's forbidden pairs; the rest is solved with
    ``method`` (and ``objective`` for ``"optimal"``). See
    :func:`rematch_cohort` for the cohort that is solved; the result says
    ``rematch=True`` so that :func:`check_matching` checks it against it.

    Raises:
        InvalidDataError: ``method`` or ``objective`` is unknown, ``keep``
            holds something other than pairs, a kept pair cannot be kept
            (paths ``keep[mentor->mentee]``), or a locked or kept pair breaks
            a hard rule.
        TypeError: ``cohort`` or ``rules`` is of the wrong type.
    """
    method = _require_method(method)
    objective = _require_objective(objective)
    rules = _rules_or_default(rules)
    if not isinstance(cohort, Cohort):
        raise TypeError(f"rematch needs a Cohort, not {cohort!r}")
    kept = _kept_pairs(keep)
    solved = rematch_cohort(cohort, kept)
    try:
        scored = score_cohort(solved, rules)
    except InvalidDataError as error:
        raise _as_kept(error, set(kept) - set(cohort.locked)) from None
    if method == "optimal":
        return solve_optimal(solved, rules, scored, objective, kept=kept, rematch=True)
    return solve_stable(solved, rules, scored, kept=kept, rematch=True)
