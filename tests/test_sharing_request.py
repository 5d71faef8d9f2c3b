"""Tests for learnkit.sharing.PlanRequest: the serializable input of a presenter rotation."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit.exceptions import InvalidDataError
from learnkit.people import Person, Roster, Team
from learnkit.serialize import from_json, to_json
from learnkit.sharing import (
    FRIDAY_STORY,
    Absence,
    PlanRequest,
    SessionSeries,
    Topic,
    Turn,
    plan,
)
from learnkit.strategies._sharing import plan_requests
from learnkit.time import Period

ROSTER = Roster(
    people=[
        Person(id="p1", name="Mette Hansen", team="data", start_date=dt.date(2020, 1, 1)),
        Person(id="p2", name="Jonas Berg", team="salg", start_date=dt.date(2021, 1, 1)),
        Person(id="p3", name="Sofie Lund", team="salg", start_date=dt.date(2027, 4, 20)),
    ],
    teams=[Team(id="data", name="Data"), Team(id="salg", name="Salg")],
)
SERIES = SessionSeries(
    id="fredag",
    name="Fredagsfortællinger",
    format=FRIDAY_STORY,
    rule="FREQ=WEEKLY;BYDAY=FR",
    start_time=dt.time(14),
    first=dt.date(2027, 1, 1),
    last=dt.date(2027, 12, 31),
)
MAY = Period(dt.date(2027, 5, 1), dt.date(2027, 5, 31))


def topic(topic_id: str, votes: tuple[str, ...] = ()) -> Topic:
    """A proposed topic with ``votes``."""
    return Topic(
        id=topic_id,
        title=f"Emne {topic_id}",
        proposed_by="p1",
        proposed_on=dt.date(2027, 1, 4),
        votes=votes,
    )


def away(person: str, first: dt.date, last: dt.date) -> Absence:
    """An absence of ``person``."""
    return Absence(person=person, period=Period(first, last))


class TestRoundTrip:
    @settings(max_examples=25)
    @given(plan_requests())
    def test_json_round_trip(self, request: PlanRequest) -> None:
        """from_json(to_json(r), PlanRequest) == r for any valid request."""
        assert from_json(to_json(request), PlanRequest) == request

    def test_unknown_keys_are_refused(self) -> None:
        """A typo in a document is an error, not silently dropped data."""
        document = json.loads(to_json(PlanRequest(series=SERIES, roster=ROSTER)))
        document["data"]["presenter"] = 2
        with pytest.raises(InvalidDataError):
            from_json(json.dumps(document), PlanRequest)

    def test_defaults(self) -> None:
        """By default: one presenter, cross-team pairs, eight newcomer weeks, all eligible."""
        request = PlanRequest(series=SERIES, roster=ROSTER)
        assert (request.presenters, request.cross_team_pairs, request.newcomer_weeks) == (
            1,
            True,
            8,
        )
        assert (request.seed, request.eligible, request.volunteers) == (0, None, ())


class TestCanonical:
    @given(st.randoms(use_true_random=False))
    def test_order_does_not_matter(self, rng: object) -> None:
        """Requests with the same content in another order are equal and serialize alike."""
        topics = [topic("a", ("p1",)), topic("b"), topic("c", ("p2", "p1"))]
        absences = [
            away("p2", dt.date(2027, 5, 3), dt.date(2027, 5, 9)),
            away("p1", dt.date(2027, 5, 10), dt.date(2027, 5, 12)),
            away("p1", dt.date(2027, 5, 1), dt.date(2027, 5, 2)),
        ]
        history = [
            Turn(person="p1", on=dt.date(2027, 4, 2)),
            Turn(person="p2", on=dt.date(2027, 4, 9)),
            Turn(person="p2", on=dt.date(2027, 4, 2), session="fredag:2027-04-02"),
        ]
        volunteers = ["p3", "p1"]
        shuffle = rng.shuffle  # type: ignore[attr-defined]
        for items in (topics, absences, history, volunteers):
            before = list(items)
            shuffle(items)
            assert sorted(map(repr, before)) == sorted(map(repr, items))
        one = PlanRequest(
            series=SERIES,
            roster=ROSTER,
            topics=topics,
            absences=absences,
            history=history,
            volunteers=volunteers,
            eligible=["p2", "p1", "p3"],
        )
        other = PlanRequest(
            series=SERIES,
            roster=ROSTER,
            topics=sorted(topics, key=lambda t: t.id),
            absences=reversed(absences),
            history=reversed(history),
            volunteers=("p1", "p3"),
            eligible=("p1", "p2", "p3"),
        )
        assert one == other
        assert to_json(one) == to_json(other)


class TestPlan:
    @settings(max_examples=20)
    @given(plan_requests())
    def test_is_plan_with_its_fields(self, request: PlanRequest) -> None:
        """request.plan(period) is plan() called with the request's fields."""
        period = request.series.period
        expected = plan(
            request.series,
            request.roster,
            period,
            topics=request.topics,
            absences=request.absences,
            history=request.history,
            seed=request.seed,
            presenters=request.presenters,
            cross_team_pairs=request.cross_team_pairs,
            newcomer_weeks=request.newcomer_weeks,
            volunteers=request.volunteers,
            eligible=request.eligible,
        )
        assert request.plan(period) == expected

    def test_replans_with_keep(self) -> None:
        """keep= keeps what still holds after someone falls ill."""
        request = PlanRequest(series=SERIES, roster=ROSTER, newcomer_weeks=0, seed=3)
        first = request.plan(MAY)
        ill_day = first.assignments[1].session.held_on
        ill = first.assignments[1].people[0]
        later = attrs.evolve(request, absences=[away(ill, ill_day, ill_day)])
        second = later.plan(MAY, keep=first)
        assert ill not in second.assignments[1].people
        assert all(a.kept for index, a in enumerate(second.assignments) if index < 1)

    def test_eligible_and_volunteers(self) -> None:
        """Only the eligible present; a newcomer presents early only as a volunteer."""
        only_p3 = PlanRequest(series=SERIES, roster=ROSTER, eligible=["p3"])
        assert only_p3.plan(MAY).assignments == ()
        volunteer = attrs.evolve(only_p3, volunteers=["p3"])
        made = volunteer.plan(MAY)
        assert {a.people for a in made.assignments} == {("p3",)}
        assert made.assignments[0].session.held_on == dt.date(2027, 5, 7)

    def test_history_may_name_people_who_left(self) -> None:
        """A turn of someone no longer on the roster is accepted and counts for nobody."""
        request = PlanRequest(
            series=SERIES, roster=ROSTER, history=[Turn(person="p99", on=dt.date(2026, 5, 1))]
        )
        assert request.plan(MAY).assignments


class TestInvalid:
    def test_every_problem_at_once(self) -> None:
        """Unknown people and repeated ids are all named at once, with paths."""
        with pytest.raises(InvalidDataError) as caught:
            PlanRequest(
                series=SERIES,
                roster=ROSTER,
                topics=[topic("a"), topic("a", ("p1",))],
                absences=[
                    away("p1", dt.date(2027, 5, 1), dt.date(2027, 5, 2)),
                    away("p7", dt.date(2027, 5, 1), dt.date(2027, 5, 2)),
                ],
                volunteers=["p8", "p1", "p1"],
                eligible=["p9"],
            )
        found = {(problem.path, str(problem.value)) for problem in caught.value.problems}
        assert found == {
            ("topics", "['a']"),
            ("absences[1].person", "p7"),
            ("volunteers", "['p8']"),
            ("volunteers", "('p1', 'p1', 'p8')"),
            ("eligible", "['p9']"),
        }

    @pytest.mark.parametrize(
        ("changes", "path"),
        [
            ({"presenters": 3}, "presenters"),
            ({"presenters": True}, "presenters"),
            ({"newcomer_weeks": -1}, "newcomer_weeks"),
            ({"cross_team_pairs": "ja"}, "cross_team_pairs"),
            ({"series": "fredag"}, "series"),
            ({"roster": []}, "roster"),
            ({"topics": ["a"]}, "topics"),
            ({"eligible": "p1"}, "eligible"),
            ({"seed": 1.5}, "seed"),
            ({"seed": True}, "seed"),
        ],
    )
    def test_a_bad_field_is_named(self, changes: dict[str, object], path: str) -> None:
        """A field of the wrong kind or out of range is refused, naming it."""
        fields: dict[str, object] = {"series": SERIES, "roster": ROSTER, **changes}
        with pytest.raises(InvalidDataError) as caught:
            PlanRequest(**fields)  # type: ignore[arg-type]
        assert caught.value.problems[0].path.startswith(path)
