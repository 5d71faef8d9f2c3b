"""Learning buddies: random pairs across teams for a coffee or a walk-and-talk, round by round."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Iterable
from typing import Final, cast

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.people import Roster

__all__ = ["DEFAULT_AVOID_ROUNDS", "BuddyRound", "buddy_round"]

DEFAULT_AVOID_ROUNDS: Final = 6
"""Pairs from the last six rounds are avoided when possible."""


def _groups(value: object) -> tuple[tuple[str, ...], ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        return cast("tuple[tuple[str, ...], ...]", value)
    groups = []
    for group in value:
        if isinstance(group, str | bytes) or not isinstance(group, Iterable):
            return cast("tuple[tuple[str, ...], ...]", value)
        groups.append(tuple(sorted(group)))
    return tuple(sorted(groups))


def _check_groups(_: object, attribute: attrs.Attribute[object], value: object) -> None:
    if not isinstance(value, tuple) or not all(isinstance(g, tuple) for g in value):
        raise _validate.fail(attribute, value, "must be a collection of groups of person ids")
    groups = cast("tuple[tuple[object, ...], ...]", value)
    problems: list[Problem] = []
    for index, group in enumerate(groups):
        if not 2 <= len(group) <= 3:
            problems.append(Problem(f"groups[{index}]", group, "must have two or three people"))
        if not all(isinstance(person, str) and person.strip() for person in group):
            problems.append(Problem(f"groups[{index}]", group, "must hold person ids"))
    seen = Counter(person for group in groups for person in group)
    twice = sorted(str(person) for person, count in seen.items() if count > 1)
    if twice:
        problems.append(Problem("groups", twice, "must not put anyone in two groups"))
    if problems:
        raise InvalidDataError(problems)


@attrs.frozen(kw_only=True)
class BuddyRound:
    """Who meets whom in one round of learning buddies.

    Groups are kept sorted (each group and the list of groups), so two rounds
    with the same groups compare equal.

    Attributes:
        on: The day the round starts (e.g. the Monday of its week).
        groups: Pairs, and one trio when the number of people is odd.
        unpaired: Someone left alone, only when a single person took part.
    """

    on: dt.date = attrs.field(validator=_validate.date)
    groups: tuple[tuple[str, ...], ...] = attrs.field(converter=_groups, validator=_check_groups)
    unpaired: tuple[str, ...] = attrs.field(
        default=(),
        converter=_validate.canonical_tuple,
        validator=_validate.each(_validate.identifier),
    )

    def pairs(self) -> frozenset[frozenset[str]]:
        """Every two people who met in this round (a trio counts as three pairs)."""
        return frozenset(
            frozenset((a, b))
            for group in self.groups
            for index, a in enumerate(group)
            for b in group[index + 1 :]
        )


def buddy_round(
    people: Iterable[str],
    roster: Roster,
    *,
    on: dt.date,
    seed: int,
    history: Iterable[BuddyRound] = (),
    avoid_rounds: int = DEFAULT_AVOID_ROUNDS,
) -> BuddyRound:
    """Random learning-buddy pairs across teams for the round starting ``on``.

    Guaranteed:

    * everyone in ``people`` is in exactly one group; groups are pairs, with one
      trio when the number of people is odd (a single person is ``unpaired``);
    * *across teams when possible*: if no team has more than half of the people,
      no group holds two people from the same team; in any case, the number of
      pairs of people in one group and one team is the smallest possible;
    * deterministic: the same people, roster, day, seed and history give the
      same round, whatever their order; another day gives another draw.

    Best effort: pairs that met in the last ``avoid_rounds`` rounds before ``on``
    are avoided whenever the guarantees above leave a choice. Each draw is
    greedy; up to twelve seeded draws are made and the one with the fewest
    repeats is kept, so a repeat can still happen when a round without one
    exists (see the docs for a measure).

    Raises:
        InvalidDataError: naming the argument, for someone not on the roster, a
            person listed twice, a ``seed`` that is not an int (a bool is not),
            or a negative ``avoid_rounds``.
    """
    listed = _check(people, roster, on, seed, avoid_rounds)
    recent = _recent_pairs(history, on, avoid_rounds)
    if len(listed) < 2:
        return BuddyRound(on=on, groups=(), unpaired=tuple(listed))
    team = {person: roster.person(person).team for person in listed}
    rng = random.Random(f"{seed}:{on.isoformat()}")
    best: BuddyRound | None = None
    best_repeats = 0
    # Greedy draws can corner themselves into a repeat at the end; a few more
    # shuffles from the same seeded generator usually find a round without one.
    for _ in range(_ATTEMPTS):
        order = sorted(listed)
        rng.shuffle(order)
        drawn = _draw(order, team, recent, on)
        repeats = len(drawn.pairs() & recent)
        if best is None or repeats < best_repeats:
            best, best_repeats = drawn, repeats
        if not repeats:
            break
    assert best is not None
    return best


_ATTEMPTS: Final = 12


def _draw(
    order: list[str], team: dict[str, str], recent: frozenset[frozenset[str]], on: dt.date
) -> BuddyRound:
    rank = {person: index for index, person in enumerate(order)}
    odd_one = _odd_one_out(order, team, rank) if len(order) % 2 else None
    remaining = [person for person in order if person != odd_one]
    groups = _swap_out_repeats(_pair_up(remaining, team, rank, recent), team, recent)
    if odd_one is not None:
        groups = _add_to_a_pair(groups, odd_one, team, rank, recent)
    return BuddyRound(on=on, groups=tuple(tuple(group) for group in groups))


def _check(
    people: Iterable[str], roster: Roster, on: dt.date, seed: int, avoid_rounds: int
) -> list[str]:
    problems: list[Problem] = []
    if isinstance(people, str):
        raise InvalidDataError.single("people", people, "must be a collection of person ids")
    listed = list(people)
    twice = sorted(str(p) for p, count in Counter(listed).items() if count > 1)
    if twice:
        problems.append(Problem("people", twice, "must not list anyone twice"))
    unknown = sorted(str(p) for p in set(listed) if p not in roster)
    if unknown:
        problems.append(Problem("people", unknown, "are not on the roster"))
    if isinstance(seed, bool) or not isinstance(seed, int):
        problems.append(Problem("seed", seed, "must be a whole number (an int)"))
    try:
        _validate.require_date(on, "on")
    except InvalidDataError as error:
        problems.extend(error.problems)
    try:
        _validate.require_count(avoid_rounds, "avoid_rounds")
    except InvalidDataError as error:
        problems.extend(error.problems)
    if problems:
        raise InvalidDataError(problems)
    return listed


def _recent_pairs(
    history: Iterable[BuddyRound], on: dt.date, avoid_rounds: int
) -> frozenset[frozenset[str]]:
    rounds = []
    for index, past in enumerate(history):
        if not isinstance(past, BuddyRound):
            raise InvalidDataError.single(f"history[{index}]", past, "must be a BuddyRound")
        if past.on < on:
            rounds.append(past)
    rounds.sort(key=lambda past: past.on)
    latest = rounds[max(0, len(rounds) - avoid_rounds) :] if avoid_rounds else []
    return frozenset(pair for past in latest for pair in past.pairs())


def _odd_one_out(order: list[str], team: dict[str, str], rank: dict[str, int]) -> str:
    # Someone from the smallest team sits out of the pairing and joins a pair as
    # the third: the rest then still has no team above half, and some pair has
    # nobody from their team (their team is the smallest of at least two).
    sizes = Counter(team.values())
    return min(order, key=lambda person: (sizes[team[person]], team[person], rank[person]))


def _pair_up(
    people: list[str],
    team: dict[str, str],
    rank: dict[str, int],
    recent: frozenset[frozenset[str]],
) -> list[list[str]]:
    # Someone from the team with the most people left pairs first, with the
    # partner from another team that keeps every team at most half of the rest:
    # then no team pairs within itself unless it started above half. Among the
    # partners allowed, one not met recently comes first, then the draw's order.
    by_team: dict[str, list[str]] = {}
    for person in sorted(people, key=rank.__getitem__):
        by_team.setdefault(team[person], []).append(person)
    sizes = Counter({name: len(members) for name, members in by_team.items()})
    left = len(people)
    groups: list[list[str]] = []
    while left:
        largest = max(sizes.values())
        first_team = min(
            (name for name, size in sizes.items() if size == largest),
            key=lambda name: rank[by_team[name][0]],
        )
        first = by_team[first_team][0]
        others = [name for name, size in sizes.items() if size and name != first_team]
        balanced = [name for name in others if _keeps_balance(sizes, first_team, name, left - 2)]
        partner = _partner(first, balanced or others or [first_team], by_team, rank, recent)
        groups.append([first, partner])
        for person in (first, partner):
            by_team[team[person]].remove(person)
            sizes[team[person]] -= 1
        left -= 2
    return groups


def _partner(
    first: str,
    teams: list[str],
    by_team: dict[str, list[str]],
    rank: dict[str, int],
    recent: frozenset[frozenset[str]],
) -> str:
    """The allowed partner not met recently with the best rank, else the best rank."""
    best: tuple[bool, int, str] | None = None
    for name in teams:
        for person in by_team[name]:  # in rank order: the first not met recently is enough
            if person == first:
                continue
            met = frozenset((first, person)) in recent
            option = (met, rank[person], person)
            if best is None or option < best:
                best = option
            if not met:
                break
    assert best is not None  # the caller leaves at least one other person
    return best[2]


def _swap_out_repeats(
    groups: list[list[str]], team: dict[str, str], recent: frozenset[frozenset[str]]
) -> list[list[str]]:
    """Exchange partners between two pairs while that removes repeats and adds no same-team pair."""

    def cost(pair: list[str]) -> tuple[int, int]:
        return (team[pair[0]] == team[pair[1]], frozenset(pair) in recent)

    improved = True
    while improved:  # each exchange removes a repeat, so this ends
        improved = False
        for i, one in enumerate(groups):
            if frozenset(one) not in recent:
                continue
            for j, other in enumerate(groups):
                if j == i:
                    continue
                before = [a + b for a, b in zip(cost(one), cost(other), strict=True)]
                for swapped in (
                    ([one[0], other[0]], [one[1], other[1]]),
                    ([one[0], other[1]], [one[1], other[0]]),
                ):
                    after = [a + b for a, b in zip(*map(cost, swapped), strict=True)]
                    if after[0] <= before[0] and after[1] < before[1]:
                        groups[i], groups[j] = swapped
                        improved = True
                        break
                if improved:
                    break
            if improved:
                break
    return groups


def _keeps_balance(sizes: Counter[str], one: str, other: str, remaining: int) -> bool:
    after = Counter(sizes)
    after[one] -= 1
    after[other] -= 1
    return max(after.values(), default=0) * 2 <= remaining


def _add_to_a_pair(
    groups: list[list[str]],
    person: str,
    team: dict[str, str],
    rank: dict[str, int],
    recent: frozenset[frozenset[str]],
) -> list[list[str]]:
    def cost(group: list[str]) -> tuple[int, int, int]:
        same_team = sum(team[member] == team[person] for member in group)
        repeats = sum(frozenset((member, person)) in recent for member in group)
        return (same_team, repeats, min(rank[member] for member in group))

    chosen = min(range(len(groups)), key=lambda index: cost(groups[index]))
    return [[*group, person] if index == chosen else group for index, group in enumerate(groups)]
