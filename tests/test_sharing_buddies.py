"""Tests for learning buddies: what is guaranteed, exactly, and what is best effort."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections import Counter
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit import serialize
from learnkit.exceptions import InvalidDataError
from learnkit.people import Person, Roster, Team
from learnkit.sharing import BuddyRound, buddy_round

MONDAY = dt.date(2026, 11, 23)


def roster_of(teams: list[int]) -> Roster:
    people, number = [], 0
    for index, size in enumerate(teams):
        for _ in range(size):
            people.append(
                Person(
                    id=f"p{number:02d}",
                    name=f"P {number}",
                    team=f"t{index}",
                    start_date=dt.date(2020, 1, 1),
                )
            )
            number += 1
    return Roster(people=people, teams=[Team(id=f"t{i}", name=f"T{i}") for i in range(len(teams))])


def same_team_pairs(
    groups: tuple[tuple[str, ...], ...] | list[tuple[str, ...]], roster: Roster
) -> int:
    return sum(
        roster.person(a).team == roster.person(b).team
        for group in groups
        for a, b in itertools.combinations(group, 2)
    )


def partitions(people: list[str]) -> Iterator[list[tuple[str, ...]]]:
    """Every split into pairs, with one trio when the number is odd (brute force)."""
    if not people:
        yield []
        return
    first, rest = people[0], people[1:]
    if len(people) == 3:
        yield [tuple(people)]
    for index, partner in enumerate(rest):
        others = rest[:index] + rest[index + 1 :]
        for split in partitions(others):
            yield [(first, partner), *split]
        if len(people) % 2 and len(people) > 3:
            for second in others:
                remaining = [p for p in others if p != second]
                if len(remaining) % 2 == 0:
                    for split in partitions(remaining):
                        yield [(first, partner, second), *split]


teams_strategy = st.lists(st.integers(1, 5), min_size=1, max_size=5).filter(lambda t: sum(t) <= 14)


class TestGuarantees:
    @given(teams_strategy, st.integers(0, 10_000))
    def test_everyone_in_exactly_one_pair_or_the_trio(self, teams: list[int], seed: int) -> None:
        """Groups of two, one trio iff the number is odd, nobody twice, nobody left out."""
        roster = roster_of(teams)
        ids = [p.id for p in roster]
        result = buddy_round(ids, roster, on=MONDAY, seed=seed)
        members = [person for group in result.groups for person in group] + list(result.unpaired)
        assert sorted(members) == sorted(ids)
        sizes = Counter(len(group) for group in result.groups)
        if len(ids) == 1:
            assert result.unpaired == tuple(ids)
        else:
            assert sizes[3] == len(ids) % 2
            assert set(sizes) <= {2, 3}

    @given(teams_strategy, st.integers(0, 10_000))
    def test_across_teams_when_no_team_is_above_half(self, teams: list[int], seed: int) -> None:
        """With no team above half the people, no group has two people from one team."""
        roster = roster_of(teams)
        result = buddy_round([p.id for p in roster], roster, on=MONDAY, seed=seed)
        if max(teams) * 2 <= sum(teams):
            assert same_team_pairs(result.groups, roster) == 0

    @settings(max_examples=40)
    @given(
        st.lists(st.integers(1, 4), min_size=1, max_size=3).filter(lambda t: 2 <= sum(t) <= 7),
        st.integers(0, 99),
    )
    def test_fewest_same_team_pairs_against_brute_force(self, teams: list[int], seed: int) -> None:
        """No split of the people has fewer pairs within a team than the round drawn."""
        roster = roster_of(teams)
        ids = [p.id for p in roster]
        result = buddy_round(ids, roster, on=MONDAY, seed=seed)
        best = min(same_team_pairs(split, roster) for split in partitions(ids))
        assert same_team_pairs(result.groups, roster) == best

    @given(teams_strategy, st.integers(0, 10_000), st.randoms(use_true_random=False))
    def test_deterministic_whatever_the_order(
        self, teams: list[int], seed: int, rnd: random.Random
    ) -> None:
        """Same inputs, same round; the order people are listed in does not matter."""
        roster = roster_of(teams)
        ids = [p.id for p in roster]
        shuffled = list(ids)
        rnd.shuffle(shuffled)
        assert buddy_round(ids, roster, on=MONDAY, seed=seed) == buddy_round(
            shuffled, roster, on=MONDAY, seed=seed
        )

    def test_another_week_another_draw(self) -> None:
        """The day is part of the draw, so the same seed pairs differently next week."""
        roster = roster_of([4, 4, 4])
        ids = [p.id for p in roster]
        weeks = {
            buddy_round(ids, roster, on=MONDAY + dt.timedelta(weeks=w), seed=1).groups
            for w in range(4)
        }
        assert len(weeks) > 1


class TestBestEffort:
    def test_no_repeat_when_an_easy_choice_exists(self) -> None:
        """Four people from four teams: the second round never repeats the first."""
        roster = roster_of([1, 1, 1, 1])
        ids = [p.id for p in roster]
        for seed in range(20):
            first = buddy_round(ids, roster, on=MONDAY, seed=seed)
            second = buddy_round(
                ids, roster, on=MONDAY + dt.timedelta(weeks=1), seed=seed, history=[first]
            )
            assert not first.pairs() & second.pairs()

    def test_only_the_last_rounds_count(self) -> None:
        """A pair older than avoid_rounds or from a later round may meet again; a recent one not."""
        roster = roster_of([1, 1, 1, 1])
        ids = [p.id for p in roster]
        # The three ways to pair four people, one per round: two weeks ago, last
        # week and next week.
        old = BuddyRound(on=MONDAY - dt.timedelta(weeks=2), groups=[("p00", "p01"), ("p02", "p03")])
        recent = BuddyRound(
            on=MONDAY - dt.timedelta(weeks=1), groups=[("p00", "p02"), ("p01", "p03")]
        )
        later = BuddyRound(
            on=MONDAY + dt.timedelta(weeks=1), groups=[("p00", "p03"), ("p01", "p02")]
        )
        history = [later, recent, old]
        last_one = {
            buddy_round(ids, roster, on=MONDAY, seed=seed, history=history, avoid_rounds=1).groups
            for seed in range(20)
        }
        assert last_one == {old.groups, later.groups}
        last_two = {
            buddy_round(ids, roster, on=MONDAY, seed=seed, history=history, avoid_rounds=2).groups
            for seed in range(20)
        }
        assert last_two == {later.groups}
        none = {
            buddy_round(ids, roster, on=MONDAY, seed=seed, history=history, avoid_rounds=0).groups
            for seed in range(20)
        }
        assert recent.groups in none

    def test_repeat_rate_over_many_rounds_is_low(self) -> None:
        """30 people in 5 teams over 10 weekly rounds avoiding 6: few repeats (best effort)."""
        roster = roster_of([6, 6, 6, 6, 6])
        ids = [p.id for p in roster]
        history: list[BuddyRound] = []
        repeats = 0
        for week in range(10):
            result = buddy_round(
                ids, roster, on=MONDAY + dt.timedelta(weeks=week), seed=7, history=history
            )
            recent = frozenset(pair for past in history[-6:] for pair in past.pairs())
            repeats += len(result.pairs() & recent)
            history.append(result)
        assert repeats == 0


class TestBuddyRound:
    def test_groups_are_canonical(self) -> None:
        """Equal groups in another order make an equal round."""
        one = BuddyRound(on=MONDAY, groups=[("b", "a"), ("d", "c", "e")])
        other = BuddyRound(on=MONDAY, groups=[("c", "d", "e"), ("a", "b")])
        assert one == other
        assert one.pairs() == {
            frozenset(p) for p in [("a", "b"), ("c", "d"), ("c", "e"), ("d", "e")]
        }

    @pytest.mark.parametrize(
        ("groups", "message"),
        [
            ([("a",)], "two or three"),
            ([("a", "b"), ("b", "c")], "two groups"),
            ([("a", "")], "person ids"),
            ("ab", "groups of person ids"),
        ],
    )
    def test_bad_groups_are_refused(self, groups: object, message: str) -> None:
        """Each problem names the group."""
        with pytest.raises(InvalidDataError, match=message):
            BuddyRound(on=MONDAY, groups=groups)  # type: ignore[arg-type]

    def test_round_trips(self) -> None:
        """A round survives JSON."""
        value = buddy_round(["p00", "p01", "p02"], roster_of([2, 1]), on=MONDAY, seed=3)
        assert serialize.from_json(serialize.to_json(value), BuddyRound) == value


class TestBadInput:
    def test_problems_are_named(self) -> None:
        """Unknown people, people listed twice and a negative window, all at once."""
        with pytest.raises(InvalidDataError) as caught:
            buddy_round(["p00", "p00", "zz"], roster_of([1]), on=MONDAY, seed=0, avoid_rounds=-1)
        assert [p.path for p in caught.value.problems] == ["people", "people", "avoid_rounds"]

    def test_a_string_is_not_a_list_of_people(self) -> None:
        """A single id given as people is named, not split into letters."""
        with pytest.raises(InvalidDataError, match="collection"):
            buddy_round("p00", roster_of([1]), on=MONDAY, seed=0)

    @pytest.mark.parametrize("seed", ["x", None, True, 1.5])
    def test_the_seed_must_be_an_int(self, seed: object) -> None:
        """A seed of another type (a bool too) is refused naming it, not drawn from."""
        with pytest.raises(InvalidDataError) as caught:
            buddy_round(["p00", "p01"], roster_of([1, 1]), on=MONDAY, seed=seed)  # type: ignore[arg-type]
        assert [p.path for p in caught.value.problems] == ["seed"]

    def test_a_bad_day_and_window_are_both_named(self) -> None:
        """A datetime as the day and a negative window are reported together."""
        with pytest.raises(InvalidDataError) as caught:
            buddy_round(
                ["p00"],
                roster_of([1]),
                on=dt.datetime(2026, 11, 23),
                seed=0,
                avoid_rounds=-1,
            )
        assert [p.path for p in caught.value.problems] == ["on", "avoid_rounds"]

    def test_history_must_hold_rounds(self) -> None:
        """A history entry of another type is named by its index."""
        with pytest.raises(InvalidDataError, match=r"history\[0\]"):
            buddy_round(["p00"], roster_of([1]), on=MONDAY, seed=0, history=["x"])  # type: ignore[list-item]
