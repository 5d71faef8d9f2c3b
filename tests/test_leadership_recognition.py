"""learnkit.leadership recognition: the Recognition value and the recognition mix of a team."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit import strategies
from learnkit.exceptions import InvalidDataError, UnknownIdError
from learnkit.leadership import (
    LEARNING_KINDS,
    Recognition,
    RecognitionCount,
    RecognitionKind,
    RecognitionMix,
    recognition_mix,
)
from learnkit.people import Person, Roster, Team
from learnkit.serialize import from_json, to_json
from learnkit.time import Period

D = dt.date
CPH = ZoneInfo("Europe/Copenhagen")
KOLKATA = ZoneInfo("Asia/Kolkata")
Q4 = Period(D(2026, 10, 1), D(2026, 12, 31))


def roster() -> Roster:
    """Two teams: data (anne, bo, cai in Kolkata, and dea who starts in 2027) and salg (eva)."""
    return Roster(
        people=[
            Person(id="anne", name="Anne", team="data", start_date=D(2020, 1, 1)),
            Person(id="bo", name="Bo", team="data", start_date=D(2021, 1, 1), manager="anne"),
            Person(
                id="cai",
                name="Cai",
                team="data",
                start_date=D(2022, 1, 1),
                manager="anne",
                time_zone=KOLKATA,
            ),
            Person(id="dea", name="Dea", team="data", start_date=D(2027, 2, 1), manager="anne"),
            Person(id="eva", name="Eva", team="salg", start_date=D(2019, 1, 1)),
        ],
        teams=[Team(id="data", name="Data"), Team(id="salg", name="Salg")],
    )


def recognition(
    id: str,
    receiver: str,
    kind: RecognitionKind | str = RecognitionKind.EFFORT,
    at: dt.datetime | None = None,
    giver: str = "eva",
) -> Recognition:
    """A recognition with sensible defaults."""
    return Recognition(
        id=id,
        giver=giver,
        receiver=receiver,
        at=at or dt.datetime(2026, 11, 2, 10, tzinfo=CPH),
        kind=kind,
        message="Tak for indsatsen!",
    )


class TestRecognitionKind:
    def test_learning_kinds_are_effort_curiosity_and_experiment(self) -> None:
        """Effort, curiosity and experiments count as learning; the others do not."""
        assert {kind for kind in RecognitionKind if kind.is_learning} == {
            RecognitionKind.EFFORT,
            RecognitionKind.CURIOSITY,
            RecognitionKind.EXPERIMENT,
        }
        assert {kind for kind in RecognitionKind if kind.is_learning} == LEARNING_KINDS

    def test_text_keys(self) -> None:
        """Each kind names its text in the catalogue."""
        assert RecognitionKind.CURIOSITY.text_key == "leadership.kind.curiosity"


class TestRecognition:
    def test_accepts_the_kind_by_value(self) -> None:
        """'curiosity' is read as RecognitionKind.CURIOSITY."""
        assert recognition("r1", "bo", "curiosity").kind is RecognitionKind.CURIOSITY

    def test_refuses_recognising_oneself(self) -> None:
        """Giver and receiver must differ."""
        with pytest.raises(InvalidDataError) as caught:
            recognition("r1", "eva")
        assert caught.value.problems[0].path == "receiver"
        assert "themselves" in caught.value.problems[0].message

    def test_refuses_a_naive_time(self) -> None:
        """A naive datetime is refused naming the field."""
        with pytest.raises(InvalidDataError) as caught:
            recognition("r1", "bo", at=dt.datetime(2026, 11, 2, 10))
        assert caught.value.problems[0].path == "at"

    @pytest.mark.parametrize(
        ("field", "value"),
        [("kind", "praise"), ("message", "  "), ("id", ""), ("giver", 5)],
    )
    def test_refuses_bad_fields(self, field: str, value: Any) -> None:
        """A bad kind, an empty message or a bad id is refused by name."""
        with pytest.raises(InvalidDataError) as caught:
            attrs.evolve(recognition("r1", "bo"), **{field: value})
        assert caught.value.problems[0].path == field

    @given(strategies.recognitions())
    def test_round_trips(self, value: Recognition) -> None:
        """Every generated recognition survives JSON."""
        assert from_json(to_json(value), Recognition) == value


class TestRecognitionCount:
    def test_refuses_a_negative_count(self) -> None:
        """A count is a whole number >= 0."""
        with pytest.raises(InvalidDataError):
            RecognitionCount(RecognitionKind.EFFORT, -1)

    def test_accepts_the_kind_by_value(self) -> None:
        """'result' is read as RecognitionKind.RESULT."""
        assert RecognitionCount("result", 2).kind is RecognitionKind.RESULT


class TestRecognitionMixValue:
    def counts(self, **numbers: int) -> tuple[RecognitionCount, ...]:
        """One count per kind, zero unless given."""
        return tuple(RecognitionCount(kind, numbers.get(kind.value, 0)) for kind in RecognitionKind)

    def test_counts_are_kept_in_kind_order(self) -> None:
        """Counts given in any order are stored in the order of the kinds."""
        mix = RecognitionMix(
            team="data",
            period=Q4,
            counts=reversed(self.counts(effort=1)),
            total=1,
            learning_share=1,
            result_share=0,
            counted=["r1"],
        )
        assert [item.kind for item in mix.counts] == list(RecognitionKind)
        assert mix.learning_share == 1.0
        assert isinstance(mix.learning_share, float)

    def test_refuses_inconsistent_values_all_at_once(self) -> None:
        """Missing kinds, a wrong total, wrong ids and shares without counts are all named."""
        with pytest.raises(InvalidDataError) as caught:
            RecognitionMix(
                team="data",
                period=Q4,
                counts=self.counts(effort=2)[:5],
                total=3,
                learning_share=None,
                result_share=None,
                counted=["r1"],
            )
        assert [p.path for p in caught.value.problems] == [
            "counts",
            "total",
            "counted",
            "learning_share",
        ]

    def test_refuses_shares_without_recognitions(self) -> None:
        """An empty mix has no shares."""
        with pytest.raises(InvalidDataError) as caught:
            RecognitionMix(
                team="data",
                period=Q4,
                counts=self.counts(),
                total=0,
                learning_share=0.0,
                result_share=0.0,
            )
        assert "None" in caught.value.problems[0].message

    def test_refuses_shares_above_one_together(self) -> None:
        """The learning and result shares add up to at most 1."""
        with pytest.raises(InvalidDataError) as caught:
            RecognitionMix(
                team="data",
                period=Q4,
                counts=self.counts(effort=1),
                total=1,
                learning_share=0.7,
                result_share=0.7,
                counted=["r1"],
            )
        assert caught.value.problems[0].path == "result_share"

    def test_count_of_a_kind(self) -> None:
        """count(kind) reads the stored count."""
        mix = recognition_mix(
            [recognition("r1", "bo", "helping"), recognition("r2", "anne", "helping")],
            roster(),
            team="data",
            period=Q4,
        )
        assert mix.count(RecognitionKind.HELPING) == 2
        assert mix.count(RecognitionKind.RESULT) == 0


class TestRecognitionMix:
    def test_a_worked_example(self) -> None:
        """Two learning kinds, one result and one sharing: 50 % learning, 25 % results."""
        items = [
            recognition("r1", "bo", "effort"),
            recognition("r2", "bo", "experiment"),
            recognition("r3", "anne", "result"),
            recognition("r4", "anne", "sharing"),
            recognition("r5", "eva", "result", giver="bo"),  # salg, not counted for data
        ]
        mix = recognition_mix(items, roster(), team="data", period=Q4)
        assert mix.total == 4
        assert mix.learning_share == 0.5
        assert mix.result_share == 0.25
        assert mix.counted == ("r1", "r2", "r3", "r4")
        # cai was not recognised; dea starts after the period and is not named.
        assert mix.never_recognised == ("cai",)

    def test_no_recognitions_gives_no_shares(self) -> None:
        """An empty period has a defined mix: zero counts, shares None, everyone unrecognised."""
        mix = recognition_mix([], roster(), team="data", period=Q4)
        assert mix.total == 0
        assert mix.learning_share is None
        assert mix.result_share is None
        assert mix.never_recognised == ("anne", "bo", "cai")
        assert all(item.count == 0 for item in mix.counts)

    def test_the_day_is_the_receivers(self) -> None:
        """21:00 in Copenhagen on 31 December is already 1 January in Kolkata."""
        late = dt.datetime(2026, 12, 31, 21, tzinfo=CPH)
        items = [recognition("r1", "cai", at=late), recognition("r2", "bo", at=late)]
        mix = recognition_mix(items, roster(), team="data", period=Q4)
        assert mix.counted == ("r2",)
        next_year = Period(D(2027, 1, 1), D(2027, 1, 31))
        assert recognition_mix(items, roster(), team="data", period=next_year).counted == ("r1",)

    def test_receivers_outside_the_roster_are_not_counted(self) -> None:
        """A recognition of someone who left is ignored."""
        items = [recognition("r1", "gone")]
        assert recognition_mix(items, roster(), team="data", period=Q4).total == 0

    def test_refuses_duplicate_ids(self) -> None:
        """Two recognitions with one id are refused, naming the id."""
        items = [recognition("r1", "bo"), recognition("r1", "anne")]
        with pytest.raises(InvalidDataError) as caught:
            recognition_mix(items, roster(), team="data", period=Q4)
        assert caught.value.problems[0].path == "recognitions[id=r1]"

    def test_refuses_what_is_not_a_recognition(self) -> None:
        """Every item must be a Recognition, and the period a Period."""
        with pytest.raises(InvalidDataError) as caught:
            recognition_mix(["r1"], roster(), team="data", period=Q4)  # type: ignore[list-item]
        assert caught.value.problems[0].path == "recognitions[0]"
        with pytest.raises(InvalidDataError) as caught:
            recognition_mix([], roster(), team="data", period=(D(2026, 1, 1),))  # type: ignore[arg-type]
        assert caught.value.problems[0].path == "period"

    @pytest.mark.parametrize(
        ("overrides", "path"),
        [
            ({"recognitions": None}, "recognitions"),
            ({"recognitions": "r1"}, "recognitions"),
            ({"roster": "roster"}, "roster"),
            ({"roster": None}, "roster"),
            ({"team": None}, "team"),
            ({"period": None}, "period"),
        ],
    )
    def test_refuses_wrong_argument_types(self, overrides: dict[str, object], path: str) -> None:
        """Each argument of the wrong type is bad data naming it, not a traceback."""
        arguments: dict[str, object] = {
            "recognitions": [],
            "roster": roster(),
            "team": "data",
            "period": Q4,
            **overrides,
        }
        with pytest.raises(InvalidDataError) as caught:
            recognition_mix(**arguments)  # type: ignore[arg-type]
        assert [problem.path for problem in caught.value.problems] == [path]

    def test_names_every_bad_argument_at_once(self) -> None:
        """Wrong types in several arguments are reported together, in argument order."""
        with pytest.raises(InvalidDataError) as caught:
            recognition_mix(["r1", None], "roster", team=3, period="Q4")  # type: ignore[arg-type, list-item]
        assert [problem.path for problem in caught.value.problems] == [
            "recognitions[0]",
            "recognitions[1]",
            "roster",
            "team",
            "period",
        ]

    def test_refuses_an_unknown_team(self) -> None:
        """An unknown team is an UnknownIdError."""
        with pytest.raises(UnknownIdError):
            recognition_mix([], roster(), team="nope", period=Q4)


@st.composite
def team_recognitions(draw: st.DrawFn) -> tuple[Roster, str, list[Recognition], Period]:
    """A generated roster, one of its teams, recognitions among its people and a period."""
    value: tuple[Roster, str, list[Recognition], Period] = draw(
        strategies._leadership._team_recognitions(5, 10)
    )
    return value


def brute_force(
    roster: Roster, team: str, items: list[Recognition], period: Period
) -> tuple[dict[RecognitionKind, int], set[str], set[str]]:
    """Counts per kind, ids counted and members never recognised, by the plain definition."""
    counts = dict.fromkeys(RecognitionKind, 0)
    counted: set[str] = set()
    members = roster.members(team)
    for item in items:
        for person in members:
            if item.receiver == person.id and item.at.astimezone(person.time_zone).date() in period:
                counts[item.kind] += 1
                counted.add(item.id)
    receivers = {item.receiver for item in items if item.id in counted}
    never = {p.id for p in members if p.id not in receivers and p.start_date <= period.last}
    return counts, counted, never


class TestRecognitionMixProperties:
    @settings(max_examples=30)
    @given(team_recognitions(), st.randoms(use_true_random=False))
    def test_matches_the_plain_definition_in_any_order(
        self, drawn: tuple[Roster, str, list[Recognition], Period], rng: random.Random
    ) -> None:
        """Counts, ids and the unrecognised match brute force; shuffling changes nothing."""
        roster_, team, items, period = drawn
        mix = recognition_mix(items, roster_, team=team, period=period)
        counts, counted, never = brute_force(roster_, team, items, period)
        assert {item.kind: item.count for item in mix.counts} == counts
        assert set(mix.counted) == counted
        assert set(mix.never_recognised) == never
        shuffled = list(items)
        rng.shuffle(shuffled)
        assert recognition_mix(shuffled, roster_, team=team, period=period) == mix

    @settings(max_examples=25)
    @given(strategies.recognition_mixes(max_people=5, max_recognitions=10))
    def test_shares_are_defined_and_bounded(self, mix: RecognitionMix) -> None:
        """Shares lie in [0, 1] and add up to at most 1, or are None without recognitions."""
        if mix.total == 0:
            assert mix.learning_share is None
            assert mix.result_share is None
        else:
            assert mix.learning_share is not None
            assert mix.result_share is not None
            assert 0.0 <= mix.learning_share <= 1.0
            assert 0.0 <= mix.result_share <= 1.0
            assert mix.learning_share + mix.result_share <= 1.0 + 1e-9
            learning = sum(mix.count(kind) for kind in LEARNING_KINDS)
            assert mix.learning_share == learning / mix.total

    @settings(max_examples=15)
    @given(strategies.recognition_mixes(max_people=4, max_recognitions=6))
    def test_round_trips(self, mix: RecognitionMix) -> None:
        """Every computed mix survives JSON."""
        assert from_json(to_json(mix), RecognitionMix) == mix
