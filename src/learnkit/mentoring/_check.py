"""``check_matching``: every way a result breaks its cohort, its rules or its own guarantee.

The checker trusts nothing in the result: it re-scores the cohort, explains
every reported pair again through the rules' public protocol, and proves or
refutes the result's guarantee on its own. For an optimal result the
certificate's dual prices are verified in time linear in the number of
pairs; when they fail (or are missing) the checker solves the programme
itself and, if the result is worse, reports a concrete improvement: an
alternating cycle of pairs to add and to remove, taken from the difference
between the result and the optimum (a circulation in the residual graph that
splits into cycles, one of which must gain). For a stable result it lists
every blocking pair and, if there is none, every mentee who does worse than
in the mentee-optimal stable matching.

It never raises on a result, however it was tampered with; only a cohort or
rules of the wrong type (or a user's rule that fails) raise.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence
from typing import Any, Final, Literal, TypeAlias

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError
from learnkit.i18n import Locale
from learnkit.mentoring._assignment import (
    CertificateViolation,
    Objective,
    participation_bonus,
    solve_assignment,
    verify_certificate,
)
from learnkit.mentoring._match import (
    OBJECTIVES,
    OPTIMAL_GUARANTEE,
    Certificate,
    FreePart,
    Match,
    MatchResult,
    Unmatched,
    rematch_cohort,
    stable_lists,
    unmatched_entry,
)
from learnkit.mentoring._model import Cohort, Pair
from learnkit.mentoring._rules import ParamValue, Reason, Rules, default_rules, make_reason
from learnkit.mentoring._scoring import FORBIDDEN, ScoredCohort, explain_pair, score_cohort
from learnkit.mentoring._stable import blocking_pairs, deferred_acceptance

__all__ = ["Violation", "check_matching"]

Kind: TypeAlias = Literal[
    "unknown_pair",
    "hard_rule",
    "capacity",
    "mentee_twice",
    "locked_missing",
    "forbidden_present",
    "score_mismatch",
    "not_optimal",
    "blocking_pair",
    "inconsistent",
]
"""What kind of violation: see :class:`Violation`."""

KINDS: Final[tuple[Kind, ...]] = (
    "unknown_pair",
    "hard_rule",
    "capacity",
    "mentee_twice",
    "locked_missing",
    "forbidden_present",
    "score_mismatch",
    "not_optimal",
    "blocking_pair",
    "inconsistent",
)
_NONE: Final = "–"
_MOST_LISTED: Final = 5  # certificate problems spelled out in one message


@attrs.frozen(kw_only=True)
class Violation:
    """One way a result breaks its cohort, its rules or its guarantee.

    Kinds: ``"unknown_pair"`` (a pair or unmatched mentee naming someone
    without an offer or request), ``"hard_rule"`` (a pair a hard rule refuses,
    or a person with themselves as ``rule="self"``), ``"capacity"``,
    ``"mentee_twice"`` (a mentee listed more than once, matched or unmatched),
    ``"locked_missing"``, ``"forbidden_present"``, ``"score_mismatch"`` (a
    score, points, parts, total or unmatched explanation that differs from
    what the rules give), ``"not_optimal"`` (an optimal result whose
    certificate is missing or fails, or that can be improved; a stable result
    that is not the mentee-optimal one), ``"blocking_pair"`` and
    ``"inconsistent"`` (a result that contradicts itself: a mentee missing,
    a method with the wrong guarantee, a wrong ``locked`` mark).

    Attributes:
        kind: What kind of violation.
        mentor: The mentor concerned, if one is.
        mentee: The mentee concerned, if one is.
        rule: The rule concerned (a hard rule's name, ``"self"``, ``"forbidden"``).
        message: The violation in English.
        reason: The same as a :class:`Reason`, to render in Danish or English.
    """

    kind: Kind = attrs.field(validator=_validate.one_of(KINDS))
    mentor: str | None = attrs.field(validator=_validate.optional(_validate.instance_of(str)))
    mentee: str | None = attrs.field(validator=_validate.optional(_validate.instance_of(str)))
    rule: str | None = attrs.field(validator=_validate.optional(_validate.instance_of(str)))
    message: str = attrs.field(validator=_validate.instance_of(str))
    reason: Reason | None = attrs.field(
        default=None, validator=_validate.optional(_validate.instance_of(Reason))
    )

    def render(self, locale: Locale) -> str:
        """The violation as a sentence in ``locale`` (the message when there is no reason).

        Raises:
            InvalidDataError: the locale is not ``"da"`` or ``"en"``.
        """
        if self.reason is None:
            return self.message
        return self.reason.render(locale)


def check_matching(
    cohort: Cohort, rules: Rules | None, result: MatchResult
) -> tuple[Violation, ...]:
    """Every violation of ``result`` against ``cohort`` and ``rules``; empty when there is none.

    Checks that every pair names a mentor with an offer and a mentee with a
    request, that no hard rule refuses it (nor is it a person with
    themselves, nor forbidden), that no mentor has more mentees than places
    and no mentee is listed twice, that every locked pair is there, that
    every score, part, total and unmatched explanation is what the rules
    give, and that the result keeps its guarantee: for an optimal result the
    certificate proves it (else a concrete improvement is reported if one
    exists), for a stable result there is no blocking pair and it is the
    mentee-optimal stable matching. A result of :func:`rematch` is checked
    against :func:`rematch_cohort` of its kept pairs.

    Violations are sorted by kind (in the order of :class:`Violation`'s
    kinds), then mentee, mentor, rule and message. Runs in about the time of
    :func:`optimal` or :func:`stable` on the same cohort; never raises on a
    result, however it was made.

    Args:
        cohort: The cohort the result claims to match.
        rules: The rules it claims to follow; :func:`default_rules` when ``None``.
        result: The result to check.

    Raises:
        TypeError: ``cohort``, ``rules`` or ``result`` is of the wrong type, or
            a user's rule returned something other than a verdict or score.
    """
    if not isinstance(cohort, Cohort):
        raise TypeError(f"check_matching needs a Cohort, not {cohort!r}")
    rules = default_rules() if rules is None else rules
    if not isinstance(rules, Rules):
        raise TypeError(f"check_matching needs Rules or None, not {rules!r}")
    if not isinstance(result, MatchResult):
        raise TypeError(f"check_matching needs a MatchResult, not {result!r}")
    return _Checker(cohort, rules, result).run()


def _repr(value: object) -> str:
    """``repr(value)``, or the type's name when even that fails (a value built by hand)."""
    try:
        return repr(value)
    except Exception:  # a half-built object's repr may raise anything
        return f"<{type(value).__name__}>"


def _show(value: object) -> str:
    if isinstance(value, tuple):
        return ", ".join(_show(item) for item in value) or _NONE
    if isinstance(value, str):
        return value
    if value is None:
        return _NONE
    return _repr(value)


def _parts_text(parts: object) -> str:
    if not isinstance(parts, tuple):
        return _repr(parts)
    shown = [
        f"{_show(getattr(part, 'rule', '?'))}={_repr(getattr(part, 'value', '?'))}"
        f"×{_repr(getattr(part, 'weight', '?'))}"
        for part in parts
    ]
    return ", ".join(shown) or _NONE


def _pairs_text(pairs: Sequence[tuple[str, str]]) -> str:
    return ", ".join(f"{mentor}->{mentee}" for mentor, mentee in pairs) or _NONE


def _same(given: object, expected: object) -> bool:
    """Whether ``given`` equals ``expected``, a number only as a number (never a bool)."""
    if isinstance(given, bool):
        return False
    if isinstance(expected, float):
        return isinstance(given, int | float) and given == expected
    if isinstance(expected, int):
        return isinstance(given, int) and given == expected
    return given == expected


def _field(result: MatchResult, name: str, default: object = None) -> Any:
    # A result assembled by hand may lack a field altogether; that is a violation, not a crash.
    return getattr(result, name, default)


class _Checker:
    """One run of :func:`check_matching`."""

    def __init__(self, cohort: Cohort, rules: Rules, result: MatchResult) -> None:
        self.found: list[Violation] = []
        self.rules = rules
        self.result = result
        self.cohort = self._base(cohort)
        # Locked pairs are checked here like any pair; scoring them would raise instead.
        self.scored = score_cohort(attrs.evolve(self.cohort, locked=()), rules)
        scored = self.scored
        self.mentor_index = {mentor: j for j, mentor in enumerate(scored.mentors)}
        self.mentee_index = {mentee: i for i, mentee in enumerate(scored.mentees)}
        self.locked = {(pair.mentor, pair.mentee) for pair in self.cohort.locked}
        self.load = [0] * len(scored.mentors)
        self.first: dict[int, int] = {}  # mentee index -> mentor index of its first known pair
        self.pairs: set[tuple[str, str]] = set()
        self.listed: dict[str, int] = {}  # how often each mentee appears, matched or not
        self.matched: dict[str, int] = {}
        self.points = 0
        self.scores: list[float] = []

    def add(
        self,
        kind: Kind,
        key: str,
        *,
        mentor: str | None = None,
        mentee: str | None = None,
        rule: str | None = None,
        details: tuple[Reason, ...] = (),
        **params: ParamValue,
    ) -> None:
        values: dict[str, ParamValue] = {
            "mentor": _NONE if mentor is None else mentor,
            "mentee": _NONE if mentee is None else mentee,
            "rule": _NONE if rule is None else rule,
            **params,
        }
        reason = make_reason(key, values, details)
        self.found.append(
            Violation(
                kind=kind,
                mentor=mentor,
                mentee=mentee,
                rule=rule,
                message=reason.render("en"),
                reason=reason,
            )
        )

    def _base(self, cohort: Cohort) -> Cohort:
        """The cohort the result was solved for: the rematch cohort for a rematch."""
        if _field(self.result, "rematch") is not True:
            return cohort
        kept: list[Pair] = []
        for pair in self._items("kept", Pair):
            try:
                rematch_cohort(cohort, [*kept, pair])
            except InvalidDataError as error:
                for problem in error.problems:
                    self.add("inconsistent", "check.kept", problem=str(problem))
            else:
                kept.append(pair)
        return rematch_cohort(cohort, kept)

    def _items(self, name: str, kind: type) -> list[Any]:
        value = _field(self.result, name, ())
        if not isinstance(value, tuple | list):
            self.add("inconsistent", "check.entry", field=name, type="tuple", given=_show(value))
            return []
        items = []
        for item in value:
            if isinstance(item, kind):
                items.append(item)
            else:
                self.add(
                    "inconsistent", "check.entry", field=name, type=kind.__name__, given=_repr(item)
                )
        return items

    # --- the checks ---------------------------------------------------------------------------

    def run(self) -> tuple[Violation, ...]:
        for match in self._items("matches", Match):
            self._match(match)
        for entry in self._items("unmatched", Unmatched):
            self._unmatched(entry)
        self._counts()
        self._totals()
        self._guarantee()
        order = {kind: index for index, kind in enumerate(KINDS)}
        return tuple(
            sorted(
                self.found,
                key=lambda v: (
                    order[v.kind],
                    v.mentee or "",
                    v.mentor or "",
                    v.rule or "",
                    v.message,
                ),
            )
        )

    def _match(self, match: Match) -> None:
        mentor, mentee = getattr(match, "mentor", None), getattr(match, "mentee", None)
        if not (isinstance(mentor, str) and isinstance(mentee, str)):
            self.add(
                "inconsistent", "check.entry", field="matches", type="Match", given=_repr(match)
            )
            return
        self.listed[mentee] = self.listed.get(mentee, 0) + 1
        self.matched[mentee] = self.matched.get(mentee, 0) + 1
        self.pairs.add((mentor, mentee))
        j, i = self.mentor_index.get(mentor), self.mentee_index.get(mentee)
        if j is None:
            self.add("unknown_pair", "check.unknown_mentor", mentor=mentor, mentee=mentee)
        if i is None:
            self.add("unknown_pair", "check.unknown_mentee", mentor=mentor, mentee=mentee)
        if i is None or j is None:
            return
        self.load[j] += 1
        self.first.setdefault(i, j)
        explanation = explain_pair(self.cohort, self.rules, mentor, mentee)
        for name, verdict in explanation.verdicts:
            if verdict.allowed:
                continue
            if name == FORBIDDEN:
                self.add(
                    "forbidden_present", "check.forbidden", mentor=mentor, mentee=mentee, rule=name
                )
            else:
                self.add(
                    "hard_rule",
                    "check.hard_rule",
                    mentor=mentor,
                    mentee=mentee,
                    rule=name,
                    details=(verdict.reason,),
                )
        self.points += explanation.points
        self.scores.append(explanation.score)
        for name, given, expected, text in (
            ("score", getattr(match, "score", None), explanation.score, _show),
            ("points", getattr(match, "points", None), explanation.points, _show),
            ("parts", getattr(match, "parts", None), explanation.parts, _parts_text),
        ):
            if not _same(given, expected):
                self.add(
                    "score_mismatch",
                    "check.score_mismatch",
                    mentor=mentor,
                    mentee=mentee,
                    field=name,
                    given=text(given),
                    expected=text(expected),
                )
        locked = (mentor, mentee) in self.locked
        marked = getattr(match, "locked", None)
        if marked is not locked:
            key = "check.not_marked_locked" if locked else "check.marked_locked"
            self.add("inconsistent", key, mentor=mentor, mentee=mentee)

    def _unmatched(self, entry: Unmatched) -> None:
        mentee = getattr(entry, "mentee", None)
        if not isinstance(mentee, str):
            self.add(
                "inconsistent",
                "check.entry",
                field="unmatched",
                type="Unmatched",
                given=_repr(entry),
            )
            return
        self.listed[mentee] = self.listed.get(mentee, 0) + 1
        i = self.mentee_index.get(mentee)
        if i is None:
            self.add("unknown_pair", "check.unknown_unmatched", mentee=mentee)
            return
        if self.matched.get(mentee) or self.listed[mentee] > 1:
            return  # listed twice: reported once, as such
        expected = unmatched_entry(self.scored, i, self.load)
        for name in ("cause", "allowed", "exclusions", "next_best"):
            given, wanted = getattr(entry, name, None), getattr(expected, name)
            if given != wanted:
                self.add(
                    "score_mismatch",
                    "check.unmatched_mismatch",
                    mentee=mentee,
                    field=name,
                    given=_show(given),
                    expected=_show(wanted),
                )

    def _counts(self) -> None:
        for mentee, count in self.listed.items():
            if count > 1:
                self.add("mentee_twice", "check.mentee_twice", mentee=mentee, count=count)
        for mentee in self.scored.mentees:
            if mentee not in self.listed:
                self.add("inconsistent", "check.missing_mentee", mentee=mentee)
        for mentor, load, capacity in zip(
            self.scored.mentors, self.load, self.scored.capacities, strict=True
        ):
            if load > capacity:
                self.add("capacity", "check.capacity", mentor=mentor, load=load, capacity=capacity)
        for mentor, mentee in sorted(self.locked - self.pairs):
            self.add("locked_missing", "check.locked_missing", mentor=mentor, mentee=mentee)

    def _totals(self) -> None:
        for name, given, expected in (
            ("total_points", _field(self.result, "total_points"), self.points),
            ("total_score", _field(self.result, "total_score"), math.fsum(self.scores)),
        ):
            if not _same(given, expected):
                self.add(
                    "score_mismatch",
                    "check.total_mismatch",
                    field=name,
                    given=_show(given),
                    expected=_show(expected),
                )

    # --- the guarantee --------------------------------------------------------------------------

    def _wrong(self, method: str, name: str, expected: object) -> None:
        self.add(
            "inconsistent",
            "check.field",
            method=method,
            field=name,
            given=_show(_field(self.result, name)),
            expected=_show(expected),
        )

    def _guarantee(self) -> None:
        method = _field(self.result, "method")
        objective = _field(self.result, "objective")
        guarantee = _field(self.result, "guarantee")
        certificate = _field(self.result, "certificate")
        part = self.free_part()
        if method == "optimal":
            if objective not in OBJECTIVES:
                self._wrong(method, "objective", "participation | score")
                return
            if guarantee != OPTIMAL_GUARANTEE[objective]:
                self._wrong(method, "guarantee", OPTIMAL_GUARANTEE[objective])
            self.optimality(objective).check(certificate)
        elif method == "stable":
            for name, value, expected in (
                ("objective", objective, None),
                ("guarantee", guarantee, "stable_mentee_optimal"),
                ("certificate", certificate, None),
            ):
                if value != expected:
                    self._wrong(method, name, expected)
            self._stability(part)
        else:
            self._wrong("optimal | stable", "method", "optimal | stable")

    def free_part(self) -> FreePart:
        """The cohort's free part: its mentees without a locked pair, and the places left."""
        return FreePart(
            self.scored,
            [
                (self.mentee_index[pair.mentee], self.mentor_index[pair.mentor])
                for pair in self.cohort.locked
            ],
        )

    def optimality(self, objective: Objective) -> _Optimality:
        """The optimality check of the result's free part for ``objective``."""
        return _Optimality(self, self.free_part(), objective)

    def free_mentors(self, part: FreePart) -> tuple[list[int | None], bool]:
        """Each free mentee's mentor in the result, and whether that is a feasible matching."""
        mentor_of = [self.first.get(i) for i in part.free]
        load = [0] * len(part.caps)
        feasible = True
        for k, j in enumerate(mentor_of):
            if j is None:
                continue
            load[j] += 1
            cols = part.cols[k]
            at = bisect_left(cols, j)
            if self.matched.get(self.scored.mentees[part.free[k]], 0) > 1 or not (
                at < len(cols) and cols[at] == j
            ):
                feasible = False
        return mentor_of, feasible and all(map(int.__le__, load, part.caps))

    def _stability(self, part: FreePart) -> None:
        scored = self.scored
        prefs, priority = stable_lists(self.cohort, scored, part)
        mentor_of, feasible = self.free_mentors(part)
        load = [0] * len(part.caps)
        worst: dict[int, tuple[int, int]] = {}
        for k, j in enumerate(mentor_of):
            if j is None:
                continue
            load[j] += 1
            key = (dict(zip(prefs[k], priority[k], strict=True)).get(j, -1), -k)
            if j not in worst or key < worst[j]:
                worst[j] = key
        blocking = blocking_pairs(part.caps, prefs, priority, mentor_of)
        for k, j in blocking:
            mentee, mentor = scored.mentees[part.free[k]], scored.mentors[j]
            current = mentor_of[k]
            names: dict[str, ParamValue] = {"mentee": mentee, "mentor": mentor}
            if current is None:
                side = make_reason("check.blocking.unmatched", names)
            else:
                side = make_reason(
                    "check.blocking.prefers", {**names, "current": scored.mentors[current]}
                )
            if load[j] < part.caps[j]:
                other = make_reason("check.blocking.free_place", names)
            else:
                held = scored.mentees[part.free[-worst[j][1]]]
                other = make_reason("check.blocking.mentor_prefers", {**names, "worst": held})
            self.add(
                "blocking_pair",
                "check.blocking_pair",
                mentor=mentor,
                mentee=mentee,
                details=(side, other),
            )
        if blocking or not feasible:
            return
        best = deferred_acceptance(part.caps, prefs, priority).mentor_of
        for k, (given, expected) in enumerate(zip(mentor_of, best, strict=True)):
            if given != expected:
                self.add(
                    "not_optimal",
                    "check.not_mentee_optimal",
                    mentee=scored.mentees[part.free[k]],
                    mentor=None if given is None else scored.mentors[given],
                    given=_NONE if given is None else scored.mentors[given],
                    expected=_NONE if expected is None else scored.mentors[expected],
                )


class _Optimality:
    """Whether an optimal result is optimal: its certificate, or else a better matching."""

    def __init__(self, checker: _Checker, part: FreePart, objective: Objective) -> None:
        self.checker = checker
        self.scored: ScoredCohort = checker.scored
        self.part = part
        self.objective = objective
        self.values = part.values()
        self.bonus = participation_bonus(self.values) if objective == "participation" else 0
        self.mentor_of, self.feasible = checker.free_mentors(part)

    def check(self, certificate: object) -> None:
        if not isinstance(certificate, Certificate):
            self.checker.add("not_optimal", "check.no_certificate")
            proven = False
        else:
            problems = self._problems(certificate)
            if problems:
                listed = problems[:_MOST_LISTED]
                if len(problems) > _MOST_LISTED:
                    listed.append(f"+{len(problems) - _MOST_LISTED}")
                self.checker.add("not_optimal", "check.certificate", problems="; ".join(listed))
            proven = not problems
        if not proven and self.feasible:
            self._improvement()

    def _prices(self, value: object, ids: Sequence[str], what: str) -> tuple[list[Any], list[str]]:
        """Prices by position of ``ids``, and what is wrong with the list as given."""
        problems: list[str] = []
        at = {person: position for position, person in enumerate(ids)}
        prices: list[Any] = [None] * len(ids)
        if not isinstance(value, tuple | list):
            return prices, [f"{what} prices: {_show(value)}"]
        for item in value:
            if not (isinstance(item, tuple | list) and len(item) == 2):
                problems.append(f"{what} prices: {_repr(item)}")
                continue
            person, price = item
            position = at.get(person) if isinstance(person, str) else None
            if position is None:
                problems.append(f"{what} price for {_repr(person)}: not a free {what}")
            elif prices[position] is not None:
                problems.append(f"{what} price for {person}: given twice")
            else:
                prices[position] = price
        return prices, problems

    def _problems(self, certificate: Certificate) -> list[str]:
        scored, part = self.scored, self.part
        problems: list[str] = []
        given_objective = getattr(certificate, "objective", None)
        if given_objective != self.objective:
            problems.append(f"objective {_repr(given_objective)}, not {self.objective!r}")
        given_bonus = getattr(certificate, "bonus", None)
        if type(given_bonus) is not int or given_bonus != self.bonus:
            problems.append(f"bonus {_repr(given_bonus)}, not {self.bonus}")
        free_ids = [scored.mentees[i] for i in part.free]
        u, mentee_problems = self._prices(
            getattr(certificate, "mentee_prices", None), free_ids, "mentee"
        )
        v, mentor_problems = self._prices(
            getattr(certificate, "mentor_prices", None), scored.mentors, "mentor"
        )
        problems += mentee_problems + mentor_problems
        found = verify_certificate(
            part.caps,
            part.cols,
            self.values,
            objective=self.objective,
            mentor_of=self.mentor_of,
            mentee_prices=u,
            mentor_prices=v,
        )
        problems += [self._describe(violation) for violation in found]
        return problems

    def _describe(self, violation: CertificateViolation) -> str:
        names = []
        if violation.mentee is not None:
            names.append(self.scored.mentees[self.part.free[violation.mentee]])
        if violation.mentor is not None:
            names.append(self.scored.mentors[violation.mentor])
        return f"{violation.kind} ({'->'.join(reversed(names))})" if names else violation.kind

    def value(self, k: int, j: int) -> int:
        """The programme's value of free mentee ``k`` with mentor ``j`` (bonus included)."""
        cols = self.part.cols[k]
        return self.bonus + self.values[k][bisect_left(cols, j)]

    def _worth(self, mentor_of: Sequence[int | None]) -> int:
        return sum(self.value(k, j) for k, j in enumerate(mentor_of) if j is not None)

    def better(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]]] | None:
        """The best single improvement of a feasible result, or ``None`` when it is optimal.

        The improvement is the ``(mentor, mentee)`` pairs to add and those to
        remove. Solves the programme (certified by its own prices) and splits the
        difference into alternating cycles; the one that gains most is returned.
        """
        part = self.part
        best = solve_assignment(part.caps, part.cols, self.values, objective=self.objective)
        if self._worth(best.mentor_of) <= self._worth(self.mentor_of):
            return None
        cycle = max(self._cycles(best.mentor_of), key=lambda arcs: sum(arc[2] for arc in arcs))
        scored = self.scored

        def named(gaining: bool) -> list[tuple[str, str]]:
            return [
                (scored.mentors[j], scored.mentees[part.free[k]])
                for _, _, gain, k, j in cycle
                if k >= 0 and (gain > 0) == gaining
            ]

        return named(True), named(False)

    def _improvement(self) -> None:
        found = self.better()
        if found is None:
            return  # optimal after all; only the proof was wrong
        added, removed = found
        part = self.part

        def points(pairs: list[tuple[str, str]]) -> int:
            total = 0
            for mentor, mentee in pairs:
                k = part.free.index(self.checker.mentee_index[mentee])
                j = self.checker.mentor_index[mentor]
                total += part.points[k][bisect_left(part.cols[k], j)]
            return total

        self.checker.add(
            "not_optimal",
            "check.improvement",
            mentor=added[0][0],
            mentee=added[0][1],
            add=_pairs_text(added),
            remove=_pairs_text(removed),
            matched=f"{len(added) - len(removed):+d}",
            points=f"{points(added) - points(removed):+d}",
        )

    def _cycles(self, best: Sequence[int | None]) -> list[list[Arc]]:
        """The difference ``best - result`` as simple cycles of the result's residual graph.

        Nodes: 0 the source, 1 the sink, ``2 + k`` free mentee ``k``, ``2 + n + j``
        mentor ``j``. An arc is ``(from, to, gain, k, j)``: mentee to mentor adds
        the pair ``(k, j)``, mentor to mentee removes it, the others (source,
        sink) have ``k = j = -1``. The arcs balance at every node, so they split
        into cycles, each of which alone turns the result into a feasible matching.
        """
        n = len(self.part.free)
        arcs: list[Arc] = []
        ours = [0] * len(self.part.caps)
        theirs = [0] * len(self.part.caps)
        for k, (a, b) in enumerate(zip(self.mentor_of, best, strict=True)):
            if a is not None:
                ours[a] += 1
            if b is not None:
                theirs[b] += 1
            if a != b:
                arcs.append(
                    (2 + k, 0, 0, -1, -1)
                    if b is None
                    else (2 + k, 2 + n + b, self.value(k, b), k, b)
                )
                arcs.append(
                    (0, 2 + k, 0, -1, -1)
                    if a is None
                    else (2 + n + a, 2 + k, -self.value(k, a), k, a)
                )
        for j, (mine, other) in enumerate(zip(ours, theirs, strict=True)):
            arcs += [(2 + n + j, 1, 0, -1, -1)] * max(0, other - mine)
            arcs += [(1, 2 + n + j, 0, -1, -1)] * max(0, mine - other)
        more = sum(b is not None for b in best) - sum(a is not None for a in self.mentor_of)
        arcs += [(1, 0, 0, -1, -1)] * max(0, more) + [(0, 1, 0, -1, -1)] * max(0, -more)
        return _simple_cycles(arcs)


Arc: TypeAlias = tuple[int, int, int, int, int]
"""An arc of the residual graph: ``(from, to, gain, mentee, mentor)``."""


def _simple_cycles(arcs: list[Arc]) -> list[list[Arc]]:
    """Balanced arcs (as many in as out at every node) split into simple cycles, in a fixed order.

    Walks from the smallest node along unused arcs (smallest first); when the
    walk meets a node already on it, the loop it closed is a simple cycle and
    is cut off. Every arc ends up in exactly one cycle.
    """
    out: dict[int, list[Arc]] = {}
    for arc in sorted(arcs, reverse=True):  # popped from the end: smallest first
        out.setdefault(arc[0], []).append(arc)
    cycles: list[list[Arc]] = []
    for start in sorted(out):
        while out[start]:
            nodes = [start]
            path: list[Arc] = []
            position = {start: 0}
            node = start
            while out.get(node):
                arc = out[node].pop()
                node = arc[1]
                if node in position:
                    at = position[node]
                    cycles.append([*path[at:], arc])
                    for dropped in nodes[at + 1 :]:
                        del position[dropped]
                    del nodes[at + 1 :], path[at:]
                else:
                    position[node] = len(nodes)
                    nodes.append(node)
                    path.append(arc)
    return cycles
