"""learnkit.strategies for leadership: every public type has a strategy, arguments are checked."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit import leadership, strategies
from learnkit.exceptions import InvalidDataError
from learnkit.serialize import from_json, to_json
from learnkit.strategies import _leadership

PUBLIC_TYPES = [
    value
    for name in leadership.__all__
    if attrs.has(value := getattr(leadership, name)) and isinstance(value, type)
]


class TestFactories:
    def test_every_public_type_has_a_factory(self) -> None:
        """FACTORIES lists exactly the public attrs types of learnkit.leadership."""
        assert {cls for cls, _ in _leadership.FACTORIES} == set(PUBLIC_TYPES)

    @pytest.mark.parametrize("cls", PUBLIC_TYPES, ids=lambda cls: cls.__name__)
    def test_from_type_gives_valid_values_that_round_trip(self, cls: type) -> None:
        """st.from_type(cls) yields values of the type that survive JSON."""

        @settings(max_examples=5)
        @given(st.from_type(cls))
        def check(value: Any) -> None:
            assert isinstance(value, cls)
            assert from_json(to_json(value), cls) == value

        check()


class TestArguments:
    def test_recognitions_need_two_people(self) -> None:
        """Recognitions need at least two distinct people."""
        with pytest.raises(InvalidDataError) as caught:
            strategies.recognitions(people=["p1", "p1"])
        assert caught.value.problems[0].path == "people"

    def test_time_allocations_need_people_and_a_monday(self) -> None:
        """An empty list of people, or dates without a Monday between them, are refused."""
        with pytest.raises(InvalidDataError) as caught:
            strategies.time_allocations(people=[])
        assert caught.value.problems[0].path == "people"
        with pytest.raises(InvalidDataError) as caught:
            strategies.time_allocations(
                min_date=dt.date(2026, 11, 3), max_date=dt.date(2026, 11, 8)
            )
        assert caught.value.problems[0].path == "max_date"

    @pytest.mark.parametrize(
        "make",
        [
            lambda: strategies.recognition_mixes(max_people=1),
            lambda: strategies.recognition_mixes(max_recognitions=-1),
            lambda: strategies.balance_reports(max_people=0),
            lambda: strategies.balance_reports(max_weeks=0),
        ],
    )
    def test_sizes_are_checked(self, make: Any) -> None:
        """Sizes below what a strategy needs are refused."""
        with pytest.raises(InvalidDataError):
            make()

    @settings(max_examples=20)
    @given(strategies.time_allocations(people=["ana", "bo"], min_date=dt.date(2026, 11, 3)))
    def test_time_allocations_within_the_arguments(self, value: leadership.TimeAllocation) -> None:
        """Allocations use the given people and a Monday on or after min_date."""
        assert value.person in {"ana", "bo"}
        assert value.week >= dt.date(2026, 11, 9)
