"""Tests for learnkit.sharing.plan: rotation guarantees (a)-(e), topics, re-planning."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit import serialize
from learnkit.exceptions import InvalidDataError
from learnkit.people import Person, Roster, Team
from learnkit.sharing import (
    FRIDAY_STORY,
    Absence,
    ChoiceBasis,
    Plan,
    SessionSeries,
    Topic,
    TopicStatus,
    Turn,
    plan,
)
from learnkit.time import Calendar, Holiday, Period

START = dt.date(2026, 1, 5)
SERIES = SessionSeries(
    id="fredag",
    name="Fredagsfortællinger",
    format=FRIDAY_STORY,
    rule="FREQ=WEEKLY;BYDAY=FR",
    start_time=dt.time(14),
    first=START,
    last=dt.date(2027, 12, 31),
    calendar=Calendar(holidays=[Holiday(dt.date(2026, 4, 3), "Langfredag")]),
)


def roster_of(teams: list[int], *, started: dt.date = dt.date(2020, 1, 1)) -> Roster:
    """A roster with ``teams[i]`` people in team ``t{i}``, ids p00, p01, ..."""
    people, number = [], 0
    for index, size in enumerate(teams):
        for _ in range(size):
            people.append(
                Person(
                    id=f"p{number:02d}",
                    name=f"Person {number}",
                    team=f"t{index}",
                    start_date=started,
                )
            )
            number += 1
    return Roster(
        people=people, teams=[Team(id=f"t{i}", name=f"Team {i}") for i in range(len(teams))]
    )


@st.composite
def cases(draw: st.DrawFn, *, pairs: bool = False) -> dict[str, object]:
    """A roster, a period of up to 30 weeks, absences, history, volunteers and a seed."""
    roster = roster_of(draw(st.lists(st.integers(1, 4), min_size=1, max_size=4)))
    ids = [p.id for p in roster]
    weeks = draw(st.integers(1, 30))
    period = Period(START, START + dt.timedelta(weeks=weeks))
    absences = draw(
        st.lists(
            st.builds(
                lambda person, offset, days: Absence(
                    person=person,
                    period=Period(
                        START + dt.timedelta(days=offset), START + dt.timedelta(days=offset + days)
                    ),
                ),
                st.sampled_from(ids),
                st.integers(0, 7 * weeks),
                st.integers(0, 30),
            ),
            max_size=6,
        )
    )
    history = draw(
        st.lists(
            st.builds(
                lambda person, days: Turn(person=person, on=START - dt.timedelta(days=days)),
                st.sampled_from(ids),
                st.integers(1, 400),
            ),
            max_size=6,
        )
    )
    # A newcomer or two, some of whom volunteer.
    newcomers = draw(st.lists(st.sampled_from(ids), max_size=2, unique=True))
    people = [
        attrs.evolve(p, start_date=START + dt.timedelta(days=10)) if p.id in newcomers else p
        for p in roster
    ]
    roster = Roster(people=people, teams=roster.teams)
    volunteers = draw(st.lists(st.sampled_from(ids), max_size=2, unique=True))
    return {
        "roster": roster,
        "period": period,
        "absences": absences,
        "history": history,
        "volunteers": volunteers,
        "seed": draw(st.integers(0, 2**16)),
        "presenters": 2 if pairs else 1,
    }


def run(case: dict[str, object], **changes: object) -> Plan:
    arguments = {**case, **changes}
    roster, period = arguments.pop("roster"), arguments.pop("period")
    return plan(SERIES, roster, period, **arguments)  # type: ignore[arg-type]


def can_present(case: dict[str, object], person: Person, day: dt.date, weeks: int = 8) -> bool:
    absent = any(a.person == person.id and day in a.period for a in case["absences"])  # type: ignore[attr-defined]
    new = (day - person.start_date).days < 7 * weeks and person.id not in case["volunteers"]  # type: ignore[operator]
    return person.start_date <= day and not absent and not new


def replay(case: dict[str, object], result: Plan):  # type: ignore[no-untyped-def]
    """Yield, per assignment, the candidates and the turns and last days before it."""
    roster: Roster = case["roster"]  # type: ignore[assignment]
    turns = Counter(t.person for t in case["history"])  # type: ignore[attr-defined]
    last: dict[str, dt.date] = {}
    for t in case["history"]:  # type: ignore[attr-defined]
        last[t.person] = max(last.get(t.person, dt.date.min), t.on)
    previous = frozenset()
    if last:
        latest = max(last.values())
        previous = frozenset(roster.person(p).team for p, d in last.items() if d == latest)
    for assignment in result.assignments:
        day = assignment.session.held_on
        candidates = [p.id for p in roster if can_present(case, p, day)]
        yield assignment, candidates, Counter(turns), dict(last), previous
        for person in assignment.people:
            turns[person] += 1
            last[person] = day
        previous = frozenset(roster.person(p).team for p in assignment.people)


class TestGuarantees:
    @settings(max_examples=30)
    @given(cases())
    def test_a_e_nobody_absent_unstarted_or_new_presents(self, case: dict[str, object]) -> None:
        """(a) and (e): every presenter can present that day; unfilled sessions had nobody."""
        result = run(case)
        roster: Roster = case["roster"]  # type: ignore[assignment]
        for assignment in result.assignments:
            for person in assignment.people:
                assert can_present(case, roster.person(person), assignment.session.held_on)
        for session in result.unfilled:
            assert not any(can_present(case, p, session.held_on) for p in roster)

    @settings(max_examples=30)
    @given(cases())
    def test_b_d_c_each_choice_follows_the_rules(self, case: dict[str, object]) -> None:
        """(b) fewest turns, (d) another team when possible, (c) longest ago, in that order."""
        roster: Roster = case["roster"]  # type: ignore[assignment]
        for assignment, candidates, turns, last, previous in replay(case, run(case)):
            (person,) = assignment.people
            fewest = min(turns[c] for c in candidates)
            assert turns[person] == fewest == assignment.fewest_turns
            best = [c for c in candidates if turns[c] == fewest]
            other_team = [c for c in best if roster.person(c).team not in previous]
            if other_team:
                assert person in other_team
                best = other_team
            oldest = min(last.get(c, dt.date.min) for c in best)
            assert last.get(person, dt.date.min) == oldest
            assert assignment.candidates == len(candidates)

    @settings(max_examples=30)
    @given(cases())
    def test_b_spread_among_the_always_available(self, case: dict[str, object]) -> None:
        """Among those who could present at every session, max - min turns <= max(1, before)."""
        roster: Roster = case["roster"]  # type: ignore[assignment]
        result = run(case)
        sessions = [a.session.held_on for a in result.assignments] + [
            s.held_on for s in result.unfilled
        ]
        steady = [p.id for p in roster if all(can_present(case, p, day) for day in sessions)]
        if not steady:
            return
        before = Counter(t.person for t in case["history"])  # type: ignore[attr-defined]
        after = before + Counter(result.turn_counts())
        spread_before = max(before[p] for p in steady) - min(before[p] for p in steady)
        spread_after = max(after[p] for p in steady) - min(after[p] for p in steady)
        assert spread_after <= max(1, spread_before)

    @given(st.lists(st.integers(1, 5), min_size=1, max_size=4), st.integers(0, 1000))
    def test_c_everyone_once_in_every_block(self, teams: list[int], seed: int) -> None:
        """Always available, no history: each block of n sessions has each person exactly once."""
        roster = roster_of(teams)
        n = len(roster)
        result = plan(SERIES, roster, Period(START, START + dt.timedelta(weeks=3 * n)), seed=seed)
        order = [a.people[0] for a in result.assignments]
        for block in range(len(order) // n):
            assert sorted(order[block * n : (block + 1) * n]) == sorted(p.id for p in roster)

    @given(st.lists(st.integers(1, 5), min_size=2, max_size=4), st.integers(0, 1000))
    def test_d_teams_rotate_in_the_first_round(self, teams: list[int], seed: int) -> None:
        """Two sessions in a row share a team only when everyone not yet presenting is in it."""
        roster = roster_of(teams)
        n = len(roster)
        result = plan(SERIES, roster, Period(START, START + dt.timedelta(weeks=n - 1)), seed=seed)
        order = [roster.person(a.people[0]) for a in result.assignments]
        for index in range(1, len(order)):
            if order[index].team == order[index - 1].team:
                remaining = {p.team for p in order[index:]}
                assert remaining == {order[index].team}

    @settings(max_examples=25)
    @given(cases(pairs=True))
    def test_pairs_are_two_people_from_two_teams_when_possible(
        self, case: dict[str, object]
    ) -> None:
        """A pair's second presenter comes from another team whenever one can present."""
        roster: Roster = case["roster"]  # type: ignore[assignment]
        for assignment, candidates, _, _, _ in replay(case, run(case)):
            people = assignment.people
            assert len(set(people)) == len(people) == min(2, len(candidates))
            if len(people) == 2:
                first = roster.person(people[0]).team
                others = [c for c in candidates if roster.person(c).team != first]
                assert assignment.cross_team == (roster.person(people[1]).team != first)
                assert assignment.cross_team or not others

    @settings(max_examples=25)
    @given(cases(pairs=True))
    def test_each_basis_is_true(self, case: dict[str, object]) -> None:
        """Each presenter has the fewest turns among the people their basis names."""
        roster: Roster = case["roster"]  # type: ignore[assignment]
        for assignment, candidates, turns, _, _ in replay(case, run(case)):
            first, *second = assignment.presenters
            assert first.basis is ChoiceBasis.FEWEST
            assert first.turns_before == min(turns[c] for c in candidates)
            for choice in second:
                rest = [c for c in candidates if c != first.person]
                others = [c for c in rest if roster.person(c).team != first.team]
                pool = others or rest
                assert choice.basis is (
                    ChoiceBasis.FEWEST_IN_OTHER_TEAMS if others else ChoiceBasis.FEWEST_OF_THE_REST
                )
                assert choice.turns_before == turns[choice.person] == min(turns[c] for c in pool)


class TestDeterminism:
    @settings(max_examples=30)
    @given(cases(), st.randoms(use_true_random=False))
    def test_same_inputs_same_plan_whatever_the_order(
        self, case: dict[str, object], rnd: random.Random
    ) -> None:
        """Shuffled absences, history and volunteers give the same plan."""
        shuffled = dict(case)
        for key in ("absences", "history", "volunteers"):
            items = list(case[key])  # type: ignore[call-overload]
            rnd.shuffle(items)
            shuffled[key] = items
        assert run(case) == run(shuffled)

    def test_the_seed_changes_only_ties(self) -> None:
        """Two seeds give different orders of presenters, but equally even turns."""
        roster = roster_of([3, 3])
        period = Period(START, START + dt.timedelta(weeks=11))
        one, other = plan(SERIES, roster, period, seed=1), plan(SERIES, roster, period, seed=2)
        assert one != other
        assert sorted(one.turn_counts().values()) == sorted(other.turn_counts().values())


class TestIterables:
    def test_generators_are_read_once(self) -> None:
        """Generators give the same plan as lists: nothing is lost by checking them."""
        roster = roster_of([2, 1], started=START)
        period = Period(START, START + dt.timedelta(weeks=3))
        topic = Topic(id="a", title="A", proposed_by="p00", proposed_on=START)
        absence = Absence(person="p01", period=Period(START, START + dt.timedelta(days=6)))
        turn = Turn(person="p02", on=dt.date(2025, 12, 5))
        lists = plan(
            SERIES,
            roster,
            period,
            topics=[topic],
            absences=[absence],
            history=[turn],
            volunteers=["p01", "p02"],
            eligible=["p01", "p02"],
        )
        generators = plan(
            SERIES,
            roster,
            period,
            topics=(t for t in [topic]),
            absences=(a for a in [absence]),
            history=(t for t in [turn]),
            volunteers=(p for p in ["p01", "p02"]),
            eligible=(p for p in ["p01", "p02"]),
        )
        assert generators == lists
        assert [a.people for a in lists.assignments] == [("p02",), ("p01",), ("p01",)]
        assert lists.assignments[0].topic == topic


class TestTopics:
    def test_topics_go_by_votes_and_are_never_planned_twice(self) -> None:
        """Most votes first; planned or held topics are left out; the backlog runs out."""
        topics = [
            Topic(id="a", title="A", proposed_by="p00", proposed_on=START, votes=["p01"]),
            Topic(id="b", title="B", proposed_by="p00", proposed_on=START, votes=["p01", "p02"]),
            Topic(
                id="c",
                title="C",
                proposed_by="p00",
                proposed_on=START,
                votes=["p01", "p02", "p03"],
                status=TopicStatus.HELD,
            ),
        ]
        result = plan(
            SERIES, roster_of([2, 2]), Period(START, START + dt.timedelta(weeks=3)), topics=topics
        )
        assert [a.topic.id if a.topic else None for a in result.assignments] == ["b", "a", None]
        assert result.assignments[0].explain("da")[-1] == "emne: B (2 stemmer)"
        assert result.assignments[1].explain("en")[-1] == "topic: A (1 vote)"
        assert result.assignments[2].explain("en")[-1] == "topic: open, the presenter chooses"


class TestReplanning:
    @settings(max_examples=25)
    @given(cases(), st.data())
    def test_someone_falls_ill_and_the_rest_stays(
        self, case: dict[str, object], data: st.DataObject
    ) -> None:
        """After a new absence, every session whose presenters can still present is unchanged."""
        first = run(case)
        if not first.assignments:
            return
        ill = data.draw(st.sampled_from(first.assignments))
        person = ill.people[0]
        absence = Absence(person=person, period=Period(ill.session.held_on, ill.session.held_on))
        changed = {**case, "absences": [*case["absences"], absence]}  # type: ignore[misc]
        second = run(changed, keep=first)
        by_id = {a.session.id: a for a in second.assignments}
        for before in first.assignments:
            after = by_id.get(before.session.id)
            if before.session.id == ill.session.id:
                assert after is None or person not in after.people
            else:
                assert after is not None
                assert (after.people, after.topic, after.kept) == (
                    before.people,
                    before.topic,
                    True,
                )

    @settings(max_examples=25)
    @given(cases(), st.data())
    def test_a_replacement_avoids_neighbouring_turns(
        self, case: dict[str, object], data: st.DataObject
    ) -> None:
        """A replacement presents next to a turn of theirs only when every equal candidate would."""
        first = run(case)
        if not first.assignments:
            return
        ill = data.draw(st.sampled_from(first.assignments))
        absence = Absence(
            person=ill.people[0], period=Period(ill.session.held_on, ill.session.held_on)
        )
        changed = {**case, "absences": [*case["absences"], absence]}  # type: ignore[misc]
        second = run(changed, keep=first)
        roster: Roster = case["roster"]  # type: ignore[assignment]
        made = second.assignments
        later = Counter(person for a in made if a.kept for person in a.people)
        for index, (assignment, candidates, turns, _, previous) in enumerate(
            replay(changed, second)
        ):
            if assignment.kept:
                later.subtract(assignment.people)
                continue
            (person,) = assignment.people
            assert assignment.presenters[0].kept_later == later[person]
            near = {
                p
                for a in made[max(0, index - 1) : index + 2]
                if a is not assignment
                for p in a.people
            }
            if person not in near:
                continue
            count = turns[person] + later[person]
            tier = [c for c in candidates if turns[c] + later[c] == count]
            tier = [c for c in tier if roster.person(c).team not in previous] or tier
            assert all(c in near for c in tier)

    def test_a_replacement_counts_kept_turns_to_come(self) -> None:
        """The replacement is the one whose kept turn is furthest away, and says it counted it."""
        roster, period = roster_of([1, 1, 1]), Period(START, START + dt.timedelta(weeks=3))
        first = plan(SERIES, roster, period)
        order = [a.people[0] for a in first.assignments]
        ill = Absence(person=order[0], period=Period(START, START + dt.timedelta(days=6)))
        second = plan(SERIES, roster, period, absences=[ill], keep=first)
        replacement = second.assignments[0]
        assert replacement.people == (order[2],)
        assert [a.people[0] for a in second.assignments[1:]] == order[1:]
        who = f"{order[2]} ({replacement.presenters[0].team})"
        assert replacement.explain("en")[0].startswith(
            f"{who} has presented 0 times before, the fewest of 2 who could;"
            " counting 1 turn kept later in the plan;"
        )
        assert replacement.explain("da")[0].startswith(
            f"{who} har holdt 0 oplæg før – færrest blandt 2 mulige;"
            " medregnet 1 oplæg senere i den beholdte plan;"
        )

    def test_explanations_say_kept(self) -> None:
        """A kept assignment says so in both languages."""
        roster, period = roster_of([2, 2]), Period(START, START + dt.timedelta(weeks=1))
        again = plan(SERIES, roster, period, keep=plan(SERIES, roster, period))
        assert "uændret fra den tidligere plan" in again.assignments[0].explain("da")
        assert "unchanged from the earlier plan" in again.assignments[0].explain("en")

    def test_a_kept_presenter_is_not_said_to_have_the_fewest(self) -> None:
        """A kept choice states its turns and team, not that they were the fewest."""
        roster, period = roster_of([2]), Period(START, START + dt.timedelta(weeks=2))
        first = plan(SERIES, roster, period)
        again = plan(SERIES, roster, period, keep=first)
        kept = again.assignments[1]
        (choice,) = kept.presenters
        assert choice.basis is ChoiceBasis.KEPT
        who = f"{choice.person} (t0)"
        assert (
            kept.explain("en")[0]
            == f"{who} has presented 0 times before; the same team as last time"
        )
        assert kept.explain("da")[0] == f"{who} har holdt 0 oplæg før; samme team som sidste gang"


class TestExplanations:
    def test_first_session_in_danish_and_english(self) -> None:
        """Why that person, that day: turns, candidates, team."""
        roster = roster_of([1, 1])
        result = plan(SERIES, roster, Period(START, START + dt.timedelta(weeks=2)), seed=3)
        first, second = result.assignments
        who = f"{first.people[0]} ({first.presenters[0].team})"
        assert first.explain("da")[0] == (
            f"{who} har holdt 0 oplæg før – færrest blandt 2 mulige;"
            " fra et andet team end sidste gang"
        )
        assert second.explain("en")[0].startswith(
            f"{second.people[0]} ({second.presenters[0].team}) has presented 0 times"
        )

    def test_second_of_a_cross_team_pair(self) -> None:
        """The second of a cross-team pair has the fewest turns only among the other teams."""
        roster = roster_of([2, 1])
        history = [Turn(person="p02", on=dt.date(2025, 12, 5))]
        result = plan(
            SERIES,
            roster,
            Period(START, START + dt.timedelta(days=6)),
            history=history,
            presenters=2,
        )
        (assignment,) = result.assignments
        second = assignment.presenters[1]
        assert (second.person, second.basis) == ("p02", ChoiceBasis.FEWEST_IN_OTHER_TEAMS)
        assert assignment.explain("en")[1] == (
            "p02 (t1) has presented 1 time before, the fewest of those from teams other than t0"
            " who could; last presented on 2025-12-05;"
            " the same team as last time, because everyone with the fewest turns was from there"
        )
        assert assignment.explain("da")[1].startswith(
            "p02 (t1) har holdt 1 oplæg før – færrest blandt dem fra andre teams end t0, der kunne"
        )

    def test_second_of_a_pair_from_anyone(self) -> None:
        """Without the cross-team rule the second has the fewest turns among the rest."""
        roster = roster_of([2])
        result = plan(
            SERIES,
            roster,
            Period(START, START + dt.timedelta(days=6)),
            history=[Turn(person="p00", on=dt.date(2025, 12, 5))],
            presenters=2,
            cross_team_pairs=False,
        )
        (assignment,) = result.assignments
        assert assignment.people == ("p01", "p00")
        assert assignment.presenters[1].basis is ChoiceBasis.FEWEST_OF_THE_REST
        assert assignment.explain("en")[1].startswith(
            "p00 (t0) has presented 1 time before, the fewest of those who could besides p01;"
        )
        assert assignment.explain("da")[1].startswith(
            "p00 (t0) har holdt 1 oplæg før – færrest blandt dem, der kunne, ud over p01;"
        )

    def test_history_shows_the_last_turn(self) -> None:
        """Someone who presented before is told when."""
        roster = roster_of([1])
        history = [Turn(person="p00", on=dt.date(2025, 12, 5))]
        result = plan(SERIES, roster, Period(START, START + dt.timedelta(days=6)), history=history)
        (line, *_rest) = result.assignments[0].explain("en")
        assert "has presented 1 time before" in line
        assert "last presented on 2025-12-05" in line
        assert "the same team as last time" in line


class TestBadInput:
    def test_unknown_people_and_bad_numbers_are_named(self) -> None:
        """Every problem at once, each naming its argument."""
        roster = roster_of([2])
        with pytest.raises(InvalidDataError) as caught:
            plan(
                SERIES,
                roster,
                SERIES.period,
                presenters=3,
                newcomer_weeks=-1,
                volunteers=["nobody"],
                eligible="p00",
            )
        assert {p.path for p in caught.value.problems} == {
            "presenters",
            "newcomer_weeks",
            "volunteers",
            "eligible",
        }

    def test_absence_of_someone_unknown(self) -> None:
        """An absence names its index and the person."""
        absence = Absence(person="zz", period=Period(START, START))
        with pytest.raises(InvalidDataError) as caught:
            plan(SERIES, roster_of([1]), SERIES.period, absences=[absence])
        assert caught.value.problems[0].path == "absences[0].person"

    def test_wrong_types_are_named(self) -> None:
        """A series, roster or period of the wrong type is named, not a traceback."""
        with pytest.raises(InvalidDataError) as caught:
            plan("fredag", [], (START, START))  # type: ignore[arg-type]
        assert {p.path for p in caught.value.problems} == {"series", "roster", "period"}

    def test_arguments_of_the_wrong_type_are_named_all_at_once(self) -> None:
        """Collections, flags and seeds of the wrong type are named, not a traceback."""
        with pytest.raises(InvalidDataError) as caught:
            plan(
                SERIES,
                roster_of([1]),
                SERIES.period,
                topics="abc",  # type: ignore[arg-type]
                absences=None,  # type: ignore[arg-type]
                history=5,  # type: ignore[arg-type]
                cross_team_pairs="no",  # type: ignore[arg-type]
                seed="x",  # type: ignore[arg-type]
                volunteers=[3],  # type: ignore[list-item]
            )
        assert {p.path for p in caught.value.problems} == {
            "topics",
            "absences",
            "history",
            "cross_team_pairs",
            "seed",
            "volunteers[0]",
        }

    def test_items_of_the_wrong_type_are_named_by_index(self) -> None:
        """A topic or an absence of another type is named with its index."""
        with pytest.raises(InvalidDataError) as caught:
            plan(
                SERIES,
                roster_of([1]),
                SERIES.period,
                topics=[1],  # type: ignore[list-item]
                absences=[Absence(person="zz", period=Period(START, START)), "ill"],  # type: ignore[list-item]
            )
        assert {p.path for p in caught.value.problems} == {
            "topics[0]",
            "absences[0].person",
            "absences[1]",
        }

    def test_keep_from_another_series(self) -> None:
        """A plan of another series cannot be kept."""
        other = attrs.evolve(SERIES, id="workshop")
        earlier = plan(other, roster_of([1]), Period(START, START + dt.timedelta(days=6)))
        with pytest.raises(InvalidDataError, match="keep"):
            plan(SERIES, roster_of([1]), SERIES.period, keep=earlier)

    def test_history_must_hold_turns(self) -> None:
        """A history entry of another type is named."""
        with pytest.raises(InvalidDataError, match="history"):
            plan(SERIES, roster_of([1]), SERIES.period, history=[("p00", START)])  # type: ignore[list-item]


class TestSerialization:
    @settings(max_examples=15)
    @given(cases(pairs=True))
    def test_a_plan_round_trips(self, case: dict[str, object]) -> None:
        """A plan survives JSON unchanged."""
        result = run(
            case, topics=[Topic(id="t", title="Test", proposed_by="p00", proposed_on=START)]
        )
        assert serialize.from_json(serialize.to_json(result), Plan) == result
