"""Tests for learnkit.time.Period, the inclusive date range."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from learnkit import _validate
from learnkit.exceptions import InvalidDataError
from learnkit.strategies import periods
from learnkit.time import Period, ensure_aware, local_datetime

Q4 = Period(dt.date(2026, 10, 1), dt.date(2026, 12, 31))


class TestPeriod:
    def test_both_ends_are_included(self) -> None:
        """first and last belong to the period, the days around them do not."""
        assert Q4.first in Q4
        assert Q4.last in Q4
        assert dt.date(2026, 9, 30) not in Q4
        assert dt.date(2027, 1, 1) not in Q4

    def test_only_dates_are_contained(self) -> None:
        """A datetime or another object is never in a period, even on one of its days."""
        assert dt.datetime(2026, 10, 2, 12, 0, tzinfo=dt.UTC) not in Q4
        assert "2026-10-02" not in Q4

    def test_one_day_period(self) -> None:
        """first == last is a one-day period."""
        day = Period(dt.date(2028, 2, 29), dt.date(2028, 2, 29))
        assert day.days == 1
        assert list(day.dates()) == [dt.date(2028, 2, 29)]

    def test_last_before_first_is_refused(self) -> None:
        """The error names the field and the value."""
        with pytest.raises(InvalidDataError) as caught:
            Period(dt.date(2026, 3, 2), dt.date(2026, 3, 1))
        (problem,) = caught.value.problems
        assert (problem.path, problem.value) == ("last", dt.date(2026, 3, 1))
        assert "2026-03-02" in problem.message

    def test_a_datetime_is_refused(self) -> None:
        """Periods are made of dates; a datetime would hide a time of day."""
        with pytest.raises(InvalidDataError, match="first"):
            Period(dt.datetime(2026, 1, 1, tzinfo=dt.UTC), dt.date(2026, 1, 2))

    def test_previous_quarter(self) -> None:
        """The previous period has the same length and ends the day before."""
        assert Q4.previous() == Period(dt.date(2026, 7, 1), dt.date(2026, 9, 30))

    @given(periods(), periods())
    def test_overlap_is_sharing_a_day(self, one: Period, other: Period) -> None:
        """overlaps() is true exactly when some day is in both (brute force on small spans)."""
        shared = set(one.dates()) & set(other.dates())
        assert one.overlaps(other) == bool(shared) == other.overlaps(one)

    @given(periods())
    def test_days_dates_and_previous_agree(self, period: Period) -> None:
        """dates() lists days consecutive days; previous() touches and does not overlap."""
        days = list(period.dates())
        assert len(days) == period.days >= 1
        assert days[0] == period.first
        assert days[-1] == period.last
        before = period.previous()
        assert before.days == period.days
        assert before.last + dt.timedelta(days=1) == period.first
        assert not before.overlaps(period)


class TestPeriods:
    @given(periods(min_date=dt.date(2026, 1, 1), max_date=dt.date(2026, 2, 1), max_days=10))
    def test_bounds_are_kept(self, period: Period) -> None:
        """Generated periods lie within the bounds and are at most max_days long."""
        assert dt.date(2026, 1, 1) <= period.first <= period.last <= dt.date(2026, 2, 1)
        assert period.days <= 10

    @pytest.mark.parametrize(
        ("kwargs", "path"),
        [
            ({"max_days": 0}, "max_days"),
            ({"min_date": dt.date(2026, 2, 1), "max_date": dt.date(2026, 1, 1)}, "max_date"),
        ],
    )
    def test_bad_arguments_are_refused(self, kwargs: dict[str, object], path: str) -> None:
        """Bad bounds name the argument at fault."""
        with pytest.raises(InvalidDataError) as caught:
            periods(**kwargs)  # type: ignore[arg-type]
        assert caught.value.problems[0].path == path

    @given(st.data())
    def test_from_type_yields_periods(self, data: st.DataObject) -> None:
        """st.from_type(Period) uses the registered strategy."""
        assert isinstance(data.draw(st.from_type(Period)), Period)


class TestLocalDatetime:
    CPH = ZoneInfo("Europe/Copenhagen")

    def test_an_ordinary_day_keeps_the_wall_time(self) -> None:
        """Summer and winter alike, 14:00 stays 14:00 with the right offset."""
        winter = local_datetime(dt.date(2026, 1, 9), dt.time(14), self.CPH)
        summer = local_datetime(dt.date(2026, 7, 10), dt.time(14), self.CPH)
        assert (winter.hour, winter.utcoffset()) == (14, dt.timedelta(hours=1))
        assert (summer.hour, summer.utcoffset()) == (14, dt.timedelta(hours=2))

    def test_the_gap_moves_forward(self) -> None:
        """02:30 on the last Sunday of March does not exist and becomes 03:30 summer time."""
        moved = local_datetime(dt.date(2026, 3, 29), dt.time(2, 30), self.CPH)
        assert moved == dt.datetime(2026, 3, 29, 3, 30, tzinfo=self.CPH)
        assert moved.utcoffset() == dt.timedelta(hours=2)

    def test_the_repeated_hour_is_its_first_occurrence(self) -> None:
        """02:30 on the last Sunday of October is taken on summer time (fold 0)."""
        first = local_datetime(dt.date(2026, 10, 25), dt.time(2, 30), self.CPH)
        assert first.utcoffset() == dt.timedelta(hours=2)

    def test_an_aware_wall_time_is_refused(self) -> None:
        """A wall time with its own zone is ambiguous about which zone wins."""
        with pytest.raises(InvalidDataError, match="wall_time"):
            local_datetime(dt.date(2026, 1, 1), dt.time(9, tzinfo=dt.UTC), self.CPH)

    @given(st.dates(), st.times(), st.sampled_from(["Europe/Copenhagen", "America/Nuuk", "UTC"]))
    def test_always_an_existing_time_on_that_day_or_just_after(
        self, day: dt.date, wall: dt.time, key: str
    ) -> None:
        """The result exists in its zone and is the wall time itself unless it was in a gap."""
        tz = ZoneInfo(key)
        value = local_datetime(day, wall, tz)
        assert ensure_aware(value) is value
        naive = dt.datetime.combine(day, wall)
        shift = value.replace(tzinfo=None) - naive
        assert dt.timedelta(0) <= shift <= dt.timedelta(hours=2)
        if shift:
            assert _validate.datetime_problem(naive.replace(tzinfo=tz)) is not None
