"""Every pair of a cohort scored at once, and one pair explained.

Scoring every pair one call at a time is what makes pure-Python matching slow
(a 5,000 × 1,200 cohort has six million pairs), so :func:`score_cohort` gives
each built-in rule a bulk path: per-person features are computed once, a hard
rule becomes one Python-int bitmask of allowed mentors per mentee (language
masks OR-ed, team masks, management-line masks from the roster tree, mentors
sorted by their anniversary dates with cumulative masks, history masks), and
a soft rule becomes a vector of weighted scores over all mentors, cached by
the feature that determines it (the mentee's team, zone or wants) or sparse
(skills, preferences). A user's rule is asked pair by pair, hard rules for
every pair (so the exclusion counts are exact) and soft rules only for the
pairs the hard rules allow.

The bulk path computes the same floating-point sums in the same order as
:func:`explain_pair`, which asks each rule through its public protocol, so the
two agree exactly; reasons are built only by :func:`explain_pair`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property
from itertools import compress, repeat
from operator import add, mul, truediv
from typing import Any, Final, TypeAlias

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem, UnknownIdError
from learnkit.mentoring._model import Cohort, MenteeRequest, MentorOffer
from learnkit.mentoring._rules import (
    PRIORITY_WEIGHTS,
    CrossTeam,
    HardRule,
    MinimumExperience,
    NotInLineOfManagement,
    NotPairedRecently,
    PreferenceRank,
    Reason,
    Rules,
    Score,
    SharedLanguage,
    SkillCoverage,
    SoftRule,
    TimeZoneOverlap,
    Verdict,
    anniversary,
    is_recent,
    make_reason,
    offered_languages,
    offered_levels,
    overlap_value,
    recency_cutoff,
    trusted,
)
from learnkit.people import Person

__all__ = ["PairExplanation", "ScorePart", "ScoredCohort", "explain_pair", "score_cohort"]

MICRO: Final = 1_000_000
"""Micro-points per unit of score: the solvers work on ``round(score * MICRO)``."""

SELF: Final = "self"
FORBIDDEN: Final = "forbidden"

# Runs an iterator to its end, keeping nothing: a loop whose body is in C.
_SINK: Final[deque[object]] = deque(maxlen=0)
_drain: Final = _SINK.extend

# bin() writes '0' and '1'; compress() wants falsy and truthy bytes.
_BITS: Final = bytes.maketrans(b"01", b"\x00\x01")
_DENSE: Final = 0
_SPARSE: Final = 1

Contribution: TypeAlias = tuple[int, Any] | None
"""A soft rule's weighted scores for one mentee, or ``None`` when all are zero.

``(_DENSE, [score per mentor])`` or ``(_SPARSE, ([mentor index, ...], [score, ...]))``
with every other score zero (each index listed once).
"""


# --- results ------------------------------------------------------------------------


@attrs.frozen(kw_only=True, eq=False)
class ScoredCohort:
    """Every allowed pair of a cohort with its weight, by index, ready for the solvers.

    Attributes:
        mentors: The mentors' ids, sorted (a mentor's index is its position).
        mentees: The mentees' ids, sorted.
        capacities: Per mentor, how many mentees it takes.
        allowed: Per mentee, the indices of the allowed mentors, ascending.
        weights: Per mentee, the pair scores in micro-points, parallel to ``allowed``.
        exclusion_rules: ``"self"``, ``"forbidden"``, then each hard rule's name.
        excluded: Per mentee, how many mentors each of ``exclusion_rules``
            excludes, each counted on its own over every other mentor
            (``"self"`` is 1 when the mentee also mentors).
        locked: The locked pairs as ``(mentee index, mentor index)``, sorted.
        total_weight: The soft rules' weights summed (the score's denominator).
    """

    mentors: tuple[str, ...]
    mentees: tuple[str, ...]
    capacities: tuple[int, ...]
    allowed: tuple[tuple[int, ...], ...]
    weights: tuple[tuple[int, ...], ...]
    exclusion_rules: tuple[str, ...]
    excluded: tuple[tuple[int, ...], ...]
    locked: tuple[tuple[int, int], ...]
    total_weight: float
    _mentor_index: dict[str, int] = attrs.field(init=False, repr=False)
    _mentee_index: dict[str, int] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_mentor_index", {m: j for j, m in enumerate(self.mentors)})
        object.__setattr__(self, "_mentee_index", {m: i for i, m in enumerate(self.mentees)})

    def mentor_index(self, mentor_id: str) -> int:
        """The index of ``mentor_id``.

        Raises:
            UnknownIdError: the person has no offer.
        """
        try:
            return self._mentor_index[mentor_id]
        except (KeyError, TypeError):
            raise UnknownIdError("mentor offer", mentor_id) from None

    def mentee_index(self, mentee_id: str) -> int:
        """The index of ``mentee_id``.

        Raises:
            UnknownIdError: the person has no request.
        """
        try:
            return self._mentee_index[mentee_id]
        except (KeyError, TypeError):
            raise UnknownIdError("mentee request", mentee_id) from None

    def exclusions(self, mentee: int) -> dict[str, int]:
        """How many mentors each exclusion rule excludes for the mentee at index ``mentee``."""
        return dict(zip(self.exclusion_rules, self.excluded[mentee], strict=True))


@attrs.frozen(kw_only=True)
class ScorePart:
    """One soft rule's share in a pair's score.

    Attributes:
        rule: The rule's name.
        weight: The rule's weight.
        value: The rule's score for the pair, in [0, 1].
        reason: Why that score.
    """

    rule: str = attrs.field(validator=_validate.text)
    weight: float = attrs.field(validator=_validate.number_between(0.0, float("inf")))
    value: float = attrs.field(validator=_validate.number_between(0.0, 1.0))
    reason: Reason = attrs.field(validator=_validate.instance_of(Reason))


@attrs.frozen(kw_only=True)
class PairExplanation:
    """Why a pair is allowed or not and how its score is made up, rule by rule.

    Agrees exactly with the scoring the matchers use: a pair is among the allowed
    pairs there if and only if ``allowed``, with ``points`` as its weight.

    Attributes:
        mentor: The mentor's id.
        mentee: The mentee's id.
        allowed: Whether every hard rule allows the pair and it is neither a
            person with themselves nor forbidden.
        verdicts: ``(rule name, verdict)`` for every hard rule, in order, after
            ``"self"`` or ``"forbidden"`` when those exclude the pair (a person
            with themselves is asked nothing else).
        parts: Every soft rule's share, in order.
        score: The weighted mean of the parts, in [0, 1] (also for a refused pair).
        points: ``round(score * 1_000_000)``: the pair's weight for the solvers.
    """

    mentor: str = attrs.field(validator=_validate.identifier)
    mentee: str = attrs.field(validator=_validate.identifier)
    allowed: bool = attrs.field(validator=_validate.instance_of(bool))
    verdicts: tuple[tuple[str, Verdict], ...] = attrs.field(validator=_validate.instance_of(tuple))
    parts: tuple[ScorePart, ...] = attrs.field(
        validator=_validate.each(_validate.instance_of(ScorePart))
    )
    score: float = attrs.field(validator=_validate.number_between(0.0, 1.0))
    points: int = attrs.field(validator=_validate.int_between(0, MICRO))

    @property
    def refused_by(self) -> tuple[str, ...]:
        """The names of the rules (or ``"self"``/``"forbidden"``) that refuse the pair."""
        return tuple(name for name, verdict in self.verdicts if not verdict.allowed)


# --- per-person features, computed once per cohort ----------------------------------------


class _Features:
    def __init__(self, cohort: Cohort) -> None:
        roster = cohort.roster
        self.cohort = cohort
        self.offers = cohort.offers
        self.requests = cohort.requests
        self.mentors = [roster.person(offer.mentor) for offer in cohort.offers]
        self.mentees = [roster.person(request.mentee) for request in cohort.requests]
        self.count = len(self.mentors)
        self.full = (1 << self.count) - 1
        self.mentor_index = {offer.mentor: j for j, offer in enumerate(cohort.offers)}
        self.mentee_index = {request.mentee: i for i, request in enumerate(cohort.requests)}

    def bit(self, person_id: str) -> int:
        j = self.mentor_index.get(person_id)
        return 0 if j is None else 1 << j

    @cached_property
    def team_masks(self) -> dict[str, int]:
        masks: dict[str, int] = {}
        for j, person in enumerate(self.mentors):
            masks[person.team] = masks.get(person.team, 0) | (1 << j)
        return masks

    @cached_property
    def forbidden_masks(self) -> list[int]:
        masks = [0] * len(self.mentees)
        for pair in self.cohort.forbidden:
            i = self.mentee_index.get(pair.mentee)
            j = self.mentor_index.get(pair.mentor)
            if i is not None and j is not None:
                masks[i] |= 1 << j
        return masks


# --- hard rules in bulk: per mentee, the mask of mentors the rule allows --------------------


def _management(_: NotInLineOfManagement, f: _Features) -> list[int]:
    children: dict[str, list[str]] = {}
    order: list[str] = []
    for person in f.cohort.roster.people:
        if person.manager is None:
            order.append(person.id)
        else:
            children.setdefault(person.manager, []).append(person.id)
    above = dict.fromkeys(order, 0)
    for person_id in order:  # grows while it is walked: top-down, breadth first
        mask = above[person_id] | f.bit(person_id)
        for child in children.get(person_id, ()):
            above[child] = mask
            order.append(child)
    below: dict[str, int] = {}
    for person_id in reversed(order):
        mask = 0
        for child in children.get(person_id, ()):
            mask |= below[child] | f.bit(child)
        below[person_id] = mask
    return [f.full & ~(above[p.id] | below[p.id]) for p in f.mentees]


def _experience(rule: MinimumExperience, f: _Features) -> list[int]:
    # Allowed mentors are those whose anniversary falls on or before the mentee's
    # start: a prefix of the mentors sorted by anniversary.
    dates = [anniversary(person.start_date, rule.years) for person in f.mentors]
    ordered = sorted((day, j) for j, day in enumerate(dates) if day is not None)
    days = [day for day, _ in ordered]
    prefix = [0]
    for _, j in ordered:
        prefix.append(prefix[-1] | (1 << j))
    return [prefix[bisect_right(days, person.start_date)] for person in f.mentees]


def _languages(_: SharedLanguage, f: _Features) -> list[int]:
    speakers: dict[str, int] = {}
    for j, (person, offer) in enumerate(zip(f.mentors, f.offers, strict=True)):
        for code in offered_languages(person, offer):
            speakers[code] = speakers.get(code, 0) | (1 << j)
    cache: dict[frozenset[str], int] = {}
    masks = []
    for person in f.mentees:
        mask = cache.get(person.languages)
        if mask is None:
            mask = 0
            for code in person.languages:
                mask |= speakers.get(code, 0)
            cache[person.languages] = mask
        masks.append(mask)
    return masks


def _cross_team(_: CrossTeam, f: _Features) -> list[int]:
    teams = f.team_masks
    return [f.full & ~teams.get(person.team, 0) for person in f.mentees]


def _history(rule: NotPairedRecently, f: _Features) -> list[int]:
    cutoff = recency_cutoff(f.cohort.as_of, rule.months)
    recent = [0] * len(f.mentees)
    for pairing in f.cohort.history:
        if not is_recent(pairing, cutoff):
            continue
        # Either role: the two were paired, whoever mentored whom.
        for mentor, mentee in ((pairing.mentor, pairing.mentee), (pairing.mentee, pairing.mentor)):
            i = f.mentee_index.get(mentee)
            j = f.mentor_index.get(mentor)
            if i is not None and j is not None:
                recent[i] |= 1 << j
    return [f.full & ~mask for mask in recent]


_HARD_BULK: Final[dict[type, Callable[[object, _Features], list[int]]]] = {
    NotInLineOfManagement: _management,  # type: ignore[dict-item]
    MinimumExperience: _experience,  # type: ignore[dict-item]
    SharedLanguage: _languages,  # type: ignore[dict-item]
    CrossTeam: _cross_team,  # type: ignore[dict-item]
    NotPairedRecently: _history,  # type: ignore[dict-item]
}


# --- soft rules in bulk: per mentee, the weighted scores over every mentor ------------------


def _team_scores(rule: CrossTeam, f: _Features) -> Callable[[int], Contribution]:
    different, same = rule.weight * 1.0, rule.weight * 0.0
    teams = [person.team for person in f.mentors]
    cache: dict[str, list[float]] = {}

    def contribution(i: int) -> Contribution:
        team = f.mentees[i].team
        vector = cache.get(team)
        if vector is None:
            vector = cache[team] = [same if other == team else different for other in teams]
        return _DENSE, vector

    return contribution


def _zone_scores(rule: TimeZoneOverlap, f: _Features) -> Callable[[int], Contribution]:
    zones = [person.time_zone for person in f.mentors]
    distinct = set(zones)
    cache: dict[object, list[float]] = {}
    day, start, end, weight = f.cohort.as_of, rule.start_hour, rule.end_hour, rule.weight

    def contribution(i: int) -> Contribution:
        zone = f.mentees[i].time_zone
        vector = cache.get(zone)
        if vector is None:
            value = {
                other: weight * overlap_value(day, start, end, other, zone) for other in distinct
            }
            vector = cache[zone] = [value[other] for other in zones]
        return _DENSE, vector

    return contribution


def _skill_scores(rule: SkillCoverage, f: _Features) -> Callable[[int], Contribution]:
    topics: dict[str, list[int]] = {}
    levels: dict[str, list[tuple[int, int]]] = {}
    for j, (person, offer) in enumerate(zip(f.mentors, f.offers, strict=True)):
        for topic in offer.topics:
            topics.setdefault(topic, []).append(j)
        for name, level in offered_levels(person, offer).items():
            if level > 0:
                levels.setdefault(name, []).append((j, level))
    cache: dict[tuple[str, int, int], tuple[list[int], list[float]]] = {}
    weight = rule.weight

    def covering(name: str, own: int, priority: int) -> tuple[list[int], list[float]]:
        key = (name, own, priority)
        found = cache.get(key)
        if found is None:
            by_topic = topics.get(name, [])
            as_topic = set(by_topic)
            pairs = [(j, priority * 1.0) for j in by_topic]
            pairs += [
                (j, priority * (level / 5))
                for j, level in levels.get(name, ())
                if level > own and j not in as_topic
            ]
            found = cache[key] = ([j for j, _ in pairs], [value for _, value in pairs])
        return found

    def contribution(i: int) -> Contribution:
        wants = f.requests[i].wants
        if not wants:
            return None
        person = f.mentees[i]
        sums: dict[int, float] = {}
        weights = 0
        for want in wants:
            priority = PRIORITY_WEIGHTS[want.priority]
            weights += priority
            columns, values = covering(want.name, person.skill_level(want.name), priority)
            # sums[j] += value for each covered mentor, in C; a first value adds to 0.0,
            # which changes nothing (0.0 + x == x), as in SkillCoverage.score.
            sums.update(
                zip(columns, map(add, map(sums.get, columns, repeat(0.0)), values), strict=True)
            )
        shares = map(truediv, sums.values(), repeat(weights))
        return _SPARSE, (list(sums), list(map(mul, repeat(weight), shares)))

    return contribution


def _preference_scores(rule: PreferenceRank, f: _Features) -> Callable[[int], Contribution]:
    weight = rule.weight

    def contribution(i: int) -> Contribution:
        ranked = f.requests[i].preferences
        if not ranked:
            return None
        count = len(ranked)
        columns = [f.mentor_index[mentor] for mentor in ranked]
        return _SPARSE, (columns, [weight * (1 - rank / count) for rank in range(count)])

    return contribution


_SOFT_BULK: Final[dict[type, Callable[[object, _Features], Callable[[int], Contribution]]]] = {
    CrossTeam: _team_scores,  # type: ignore[dict-item]
    TimeZoneOverlap: _zone_scores,  # type: ignore[dict-item]
    SkillCoverage: _skill_scores,  # type: ignore[dict-item]
    PreferenceRank: _preference_scores,  # type: ignore[dict-item]
}


# --- user rules, pair by pair ---------------------------------------------------------------


def _verdict(rule: HardRule, cohort: Cohort, offer: MentorOffer, request: MenteeRequest) -> Verdict:
    verdict = rule.check(cohort, offer, request)
    if not isinstance(verdict, Verdict):
        raise TypeError(
            f"hard rule {rule.name!r} returned {verdict!r} for {offer.mentor}->{request.mentee}; "
            "check() must return a Verdict"
        )
    return verdict


def _score(rule: SoftRule, cohort: Cohort, offer: MentorOffer, request: MenteeRequest) -> Score:
    score = rule.score(cohort, offer, request)
    if not isinstance(score, Score):
        raise TypeError(
            f"soft rule {rule.name!r} returned {score!r} for {offer.mentor}->{request.mentee}; "
            "score() must return a Score"
        )
    return score


def _user_mask(rule: HardRule, f: _Features, i: int) -> int:
    request = f.requests[i]
    cohort = f.cohort
    bits = "".join(
        "1"
        if offer.mentor != request.mentee and _verdict(rule, cohort, offer, request).allowed
        else "0"
        for offer in f.offers
    )
    return int(bits[::-1], 2) if bits else 0  # mentor 0 is the lowest bit


# --- the engine -----------------------------------------------------------------------------


def _accumulate(contributions: Iterable[Contribution], size: int) -> list[float] | None:
    """The contributions summed in rule order; ``None`` when all are zero.

    Zero contributions are skipped (``x + 0.0 == x`` exactly), so the sums are
    bit for bit those :func:`explain_pair` makes adding every rule's share.
    """
    total: list[float] | None = None
    owned = False  # whether ``total`` is our own list or a cached vector we must not change
    for contribution in contributions:
        if contribution is None:
            continue
        kind, data = contribution
        if kind == _DENSE:
            if total is None:
                total, owned = data, False
            else:
                total, owned = list(map(add, total, data)), True
            continue
        if total is None:
            total, owned = [0.0] * size, True
        elif not owned:
            total, owned = list(total), True
        columns, values = data
        # total[j] += value for each j (each listed once), looped in C.
        _drain(map(total.__setitem__, columns, map(add, map(total.__getitem__, columns), values)))
    return total


def _narrowed(contribution: Contribution, bits: bytes, columns: tuple[int, ...]) -> Contribution:
    """A contribution over every mentor cut down to the allowed ones, by position."""
    if contribution is None:
        return None
    kind, data = contribution
    if kind == _DENSE:
        return _DENSE, list(compress(data, bits))
    positions: list[int] = []
    values: list[float] = []
    for j, value in zip(*data, strict=True):
        at = bisect_left(columns, j)
        if at < len(columns) and columns[at] == j:
            positions.append(at)
            values.append(value)
    return _SPARSE, (positions, values)


class _Points(dict[float, int]):
    """Micro-points by weighted total: ``round(total / total_weight * MICRO)``, remembered.

    Totals come from a few discrete inputs (levels, priorities, teams, zones,
    ranks), so most of the six million pairs of a large cohort share a handful
    of totals; a dict lookup from C is far cheaper than dividing and rounding.
    """

    LIMIT: Final = 1 << 18  # a user rule with continuous scores must not grow it forever

    def __init__(self, total_weight: float) -> None:
        super().__init__()
        self.total_weight = total_weight

    def __missing__(self, total: float) -> int:
        if len(self) >= self.LIMIT:
            self.clear()
        points = self[total] = round(total / self.total_weight * MICRO)
        return points


class _Engine:
    """The rules of one :func:`score_cohort` call, ready to score one mentee's row at a time."""

    def __init__(self, cohort: Cohort, rules: Rules) -> None:
        f = self.features = _Features(cohort)
        self.hard: list[tuple[HardRule, list[int] | None]] = []
        for rule in rules.hard:
            bulk = _HARD_BULK.get(type(rule))  # the exact type: a subclass may change check()
            self.hard.append((rule, None if bulk is None else bulk(rule, f)))
        self.soft: list[tuple[SoftRule, Callable[[int], Contribution] | None]] = []
        for soft_rule in rules.soft:
            soft_bulk = _SOFT_BULK.get(type(soft_rule))
            self.soft.append((soft_rule, None if soft_bulk is None else soft_bulk(soft_rule, f)))
        self.by_user = any(contribute is None for _, contribute in self.soft)
        self.total_weight = rules.total_weight
        self.points = _Points(self.total_weight)
        self.indices = list(range(f.count))  # shared int objects for every mentee's columns

    def mask(self, i: int) -> tuple[int, tuple[int, ...]]:
        """The mask of the mentors allowed for mentee ``i``, and each exclusion's count."""
        f = self.features
        own = f.bit(f.requests[i].mentee)
        others = f.full ^ own
        forbidden = f.forbidden_masks[i]
        mask = others & ~forbidden
        counts = [1 if own else 0, forbidden.bit_count()]
        for rule, masks in self.hard:
            rule_mask = _user_mask(rule, f, i) if masks is None else masks[i]
            counts.append((others & ~rule_mask).bit_count())
            mask &= rule_mask
        return mask, tuple(counts)

    def weights(self, i: int, bits: bytes, columns: tuple[int, ...]) -> tuple[int, ...]:
        """The micro-points of mentee ``i``'s allowed pairs, parallel to ``columns``."""
        if self.total_weight <= 0:
            return (0,) * len(columns)
        if self.by_user:
            total = _accumulate(self._narrowed_parts(i, bits, columns), len(columns))
        else:
            total = _accumulate(
                [contribute(i) for _, contribute in self.soft if contribute is not None],
                self.features.count,
            )
            if total is not None:
                total = list(compress(total, bits))
        if total is None:
            return (0,) * len(columns)
        return tuple(map(self.points.__getitem__, total))

    def _narrowed_parts(
        self, i: int, bits: bytes, columns: tuple[int, ...]
    ) -> Iterator[Contribution]:
        f = self.features
        request = f.requests[i]
        offers = [f.offers[j] for j in columns]
        for rule, contribute in self.soft:
            if contribute is not None:
                yield _narrowed(contribute(i), bits, columns)
            else:
                weight = rule.weight
                yield (
                    _DENSE,
                    [weight * _score(rule, f.cohort, offer, request).value for offer in offers],
                )


def score_cohort(cohort: Cohort, rules: Rules) -> ScoredCohort:
    """Every pair of ``cohort`` under ``rules``: which are allowed and their weights.

    A pair is allowed when the two are different people, the pair is not
    forbidden and every hard rule allows it; its weight is the pair score in
    micro-points, ``round(score * 1_000_000)``, exactly as :func:`explain_pair`
    computes it.

    Raises:
        InvalidDataError: a locked pair breaks a hard rule; every such pair is
            listed at ``locked[mentor->mentee]`` with the rules and their reasons.
        TypeError: ``cohort`` or ``rules`` is of the wrong type, or a user's rule
            returned something other than a :class:`Verdict` or :class:`Score`.
    """
    if not isinstance(cohort, Cohort):
        raise TypeError(f"score_cohort needs a Cohort, not {cohort!r}")
    if not isinstance(rules, Rules):
        raise TypeError(f"score_cohort needs Rules, not {rules!r}")
    engine = _Engine(cohort, rules)
    allowed: list[tuple[int, ...]] = []
    weights: list[tuple[int, ...]] = []
    excluded: list[tuple[int, ...]] = []
    for i in range(len(cohort.requests)):
        mask, counts = engine.mask(i)
        excluded.append(counts)
        if not mask:
            allowed.append(())
            weights.append(())
            continue
        # The mask's bits, lowest first, as bytes that compress() reads as flags.
        bits = bin(mask)[:1:-1].encode().translate(_BITS)
        columns = tuple(compress(engine.indices, bits))
        allowed.append(columns)
        weights.append(engine.weights(i, bits, columns))
    return ScoredCohort(
        mentors=cohort.mentors,
        mentees=cohort.mentees,
        capacities=tuple(offer.capacity for offer in cohort.offers),
        allowed=tuple(allowed),
        weights=tuple(weights),
        exclusion_rules=(SELF, FORBIDDEN, *(rule.name for rule in rules.hard)),
        excluded=tuple(excluded),
        locked=_locked(cohort, rules, engine.features, allowed),
        total_weight=engine.total_weight,
    )


def _locked(
    cohort: Cohort, rules: Rules, f: _Features, allowed: list[tuple[int, ...]]
) -> tuple[tuple[int, int], ...]:
    found: list[tuple[int, int]] = []
    problems: list[Problem] = []
    for pair in cohort.locked:
        i, j = f.mentee_index[pair.mentee], f.mentor_index[pair.mentor]
        columns = allowed[i]
        at = bisect_left(columns, j)
        if at < len(columns) and columns[at] == j:
            found.append((i, j))
            continue
        explanation = explain_pair(cohort, rules, pair.mentor, pair.mentee)
        broken = "; ".join(
            f"{name}: {verdict.reason.render('en')}"
            for name, verdict in explanation.verdicts
            if not verdict.allowed
        )
        problems.append(Problem(f"locked[{pair}]", str(pair), f"breaks a hard rule ({broken})"))
    if problems:
        raise InvalidDataError(problems)
    return tuple(sorted(found))


def _people(cohort: Cohort, offer: MentorOffer, request: MenteeRequest) -> tuple[Person, Person]:
    return cohort.roster.person(offer.mentor), cohort.roster.person(request.mentee)


def explain_pair(cohort: Cohort, rules: Rules, mentor_id: str, mentee_id: str) -> PairExplanation:
    """Every rule's verdict and score part for one pair, through the rules' public protocol.

    Agrees exactly with the scoring the matchers use on whether the pair is allowed and
    on its points.

    Raises:
        UnknownIdError: ``mentor_id`` has no offer or ``mentee_id`` no request.
        TypeError: ``cohort`` or ``rules`` is of the wrong type, or a user's rule
            returned something other than a :class:`Verdict` or :class:`Score`.
    """
    if not isinstance(cohort, Cohort):
        raise TypeError(f"explain_pair needs a Cohort, not {cohort!r}")
    if not isinstance(rules, Rules):
        raise TypeError(f"explain_pair needs Rules, not {rules!r}")
    offer, request = cohort.offer(mentor_id), cohort.request(mentee_id)
    mentor, mentee = _people(cohort, offer, request)
    # Everything below was validated when the cohort and the rules were built (and
    # a user rule's Verdict and Score by their own constructors), so the results
    # are assembled without validating again: explanations are made by the thousand.
    if mentor_id == mentee_id:
        reason = make_reason("reason.self", {"mentor": mentor.name})
        return trusted(
            PairExplanation,
            mentor=mentor_id,
            mentee=mentee_id,
            allowed=False,
            verdicts=((SELF, Verdict(False, reason)),),
            parts=(),
            score=0.0,
            points=0,
        )
    verdicts: list[tuple[str, Verdict]] = []
    if cohort.is_forbidden(mentor_id, mentee_id):
        reason = make_reason("reason.forbidden", {"mentor": mentor.name, "mentee": mentee.name})
        verdicts.append((FORBIDDEN, Verdict(False, reason)))
    verdicts.extend((rule.name, _verdict(rule, cohort, offer, request)) for rule in rules.hard)
    parts: list[ScorePart] = []
    total = 0.0
    for soft_rule in rules.soft:
        score = _score(soft_rule, cohort, offer, request)
        weight = soft_rule.weight
        total += weight * score.value
        parts.append(
            trusted(
                ScorePart,
                rule=soft_rule.name,
                weight=weight,
                value=score.value,
                reason=score.reason,
            )
        )
    total_weight = rules.total_weight
    value = total / total_weight if total_weight > 0 else 0.0
    return trusted(
        PairExplanation,
        mentor=mentor_id,
        mentee=mentee_id,
        allowed=all(verdict.allowed for _, verdict in verdicts),
        verdicts=tuple(verdicts),
        parts=tuple(parts),
        score=min(value, 1.0),
        points=round(value * MICRO),
    )
