"""Follow-up days between two reviews: working days, leap years, DST weekends, custom rules."""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrulestr
from hypothesis import example, given, settings
from hypothesis import strategies as st

from learnkit.exceptions import InvalidDataError, OutOfRangeError
from learnkit.goals import DevelopmentReview, follow_up_dates, follow_ups
from learnkit.goals._rrule import clamps_months, occurrences, parts, problem
from learnkit.strategies import _goals
from learnkit.time import Calendar, Holiday

D = dt.date
DAY = dt.timedelta(days=1)
WEEK = Calendar()


def review(
    held: dt.date, rule: str = "FREQ=MONTHLY;INTERVAL=3", **changes: object
) -> DevelopmentReview:
    """A review held on ``held`` with ``rule``."""
    return DevelopmentReview(
        id="mus", employee="p03", leader="p02", held_on=held, follow_up_rule=rule, **changes
    )  # type: ignore[arg-type]


def last_sunday(year: int, month: int) -> dt.date:
    """The last Sunday of a month: when Europe changes to and from summer time."""
    day = D(year, month, 1) + relativedelta(months=1, days=-1)
    return day - dt.timedelta(days=(day.weekday() + 1) % 7)


# Days a review is held on that have tripped schedules before: leap days, the
# 31st of months, the weekends clocks change in Europe, and the turn of the year.
TRICKY_DAYS = sorted(
    {
        D(2028, 2, 29),
        D(2024, 2, 29),
        D(2026, 8, 31),
        D(2026, 1, 31),
        D(2026, 5, 31),
        D(2026, 12, 31),
        *(last_sunday(year, month) for year in (2026, 2027, 2028) for month in (3, 10)),
        *(last_sunday(2026, month) - DAY for month in (3, 10)),
    }
)


@st.composite
def calendars_around(draw: st.DrawFn, held: dt.date) -> Calendar:
    """A calendar with a weekend and holidays in the review's year, bounded or not."""
    weekend = draw(st.sampled_from((frozenset({5, 6}), frozenset({6}), frozenset({4, 5, 6}))))
    offsets = draw(st.sets(st.integers(1, 1100), max_size=25))
    holidays = [Holiday(held + offset * DAY, f"Fridag {offset}") for offset in sorted(offsets)]
    return Calendar(weekend=weekend, holidays=holidays)


reviews = st.one_of(
    st.sampled_from(TRICKY_DAYS).flatmap(
        lambda held: st.builds(review, st.just(held), st.sampled_from(_goals.FOLLOW_UP_RULES))
    ),
    _goals.development_reviews(min_date=D(2020, 1, 1), max_date=D(2035, 12, 31)),
)


class TestProperties:
    @settings(max_examples=60)
    @given(reviews.flatmap(lambda r: st.tuples(st.just(r), calendars_around(r.held_on))))
    def test_every_follow_up_is_a_working_day_between_the_reviews(
        self, case: tuple[DevelopmentReview, Calendar]
    ) -> None:
        """Every follow-up falls strictly between the two reviews, on a working day, once."""
        item, calendar = case
        days = follow_ups(item, calendar=calendar)
        assert list(days) == sorted(set(days))
        for day in days:
            assert item.held_on < day < item.next_review_on
            assert calendar.is_working_day(day)
        nominal = follow_up_dates(item)
        assert list(nominal) == sorted(set(nominal))
        assert all(item.held_on < day < item.next_review_on for day in nominal)
        # Each follow-up stands for a nominal day: itself, or the nearest working day.
        for day in days:
            assert any(_stands_for(calendar, day, n, item) for n in nominal)
        # A working nominal day is always kept as it is.
        for day in nominal:
            if calendar.is_working_day(day):
                assert day in days

    @settings(max_examples=40)
    @given(
        st.sampled_from([r for r in _goals.FOLLOW_UP_RULES if not clamps_months(parts(r))]),
        st.dates(D(2020, 1, 1), D(2035, 12, 31)),
        st.integers(1, 800),
    )
    @example("FREQ=MONTHLY;BYDAY=-1FR", D(2026, 3, 29), 400)
    def test_expansion_agrees_with_dateutil(self, rule: str, held: dt.date, days: int) -> None:
        """Expanding far in the 400-year cycle gives exactly what dateutil gives in place."""
        end = held + days * DAY
        found = parts(rule)
        text = ";".join(f"{k}={v}" for k, v in found.items() if k != "UNTIL")
        if "UNTIL" in found:
            end = min(end, dt.datetime.strptime(found["UNTIL"], "%Y%m%d").date() + DAY)
        start = dt.datetime.combine(held, dt.time())
        direct = rrulestr(text, dtstart=start).between(
            start, dt.datetime.combine(end, dt.time()), inc=False
        )
        expected = tuple(sorted({moment.date() for moment in direct if held < moment.date() < end}))
        assert occurrences(rule, held, held + days * DAY) == expected

    @settings(max_examples=40)
    @given(st.dates(D(2000, 1, 1), D(2040, 12, 31)), st.integers(1, 12), st.integers(1, 40))
    def test_month_steps_clamp(self, held: dt.date, interval: int, months: int) -> None:
        """Month steps without BY parts count calendar months from the review and clamp."""
        end = held + relativedelta(months=months)
        expected = []
        step = 1
        while (day := held + relativedelta(months=interval * step)) < end:
            expected.append(day)
            step += 1
        assert occurrences(f"FREQ=MONTHLY;INTERVAL={interval}", held, end) == tuple(expected)
        yearly = [held + relativedelta(years=k) for k in range(1, months // 12 + 2)]
        assert occurrences("FREQ=YEARLY", held, end) == tuple(d for d in yearly if d < end)


def _stands_for(
    calendar: Calendar, day: dt.date, nominal: dt.date, item: DevelopmentReview
) -> bool:
    if day == nominal:
        return True
    if day > nominal:
        return all(
            not calendar.is_working_day(nominal + k * DAY) for k in range((day - nominal).days)
        )
    return all(
        not calendar.is_working_day(d)
        for d in (nominal + k * DAY for k in range((item.next_review_on - nominal).days))
    ) and all(
        not calendar.is_working_day(day + k * DAY) for k in range(1, (nominal - day).days + 1)
    )


class TestExamples:
    def test_the_31st_of_august(self) -> None:
        """31 August: 30 November, 28 February (a Sunday: Monday 1 March) and 31 May."""
        item = review(D(2026, 8, 31))
        assert follow_up_dates(item) == (D(2026, 11, 30), D(2027, 2, 28), D(2027, 5, 31))
        assert follow_ups(item, calendar=WEEK) == (D(2026, 11, 30), D(2027, 3, 1), D(2027, 5, 31))

    def test_leap_day(self) -> None:
        """A review on 29 February is followed up on the 29th and reviewed again on 28 February."""
        item = review(D(2028, 2, 29))
        assert item.next_review_on == D(2029, 2, 28)
        assert follow_ups(item, calendar=WEEK) == (D(2028, 5, 29), D(2028, 8, 29), D(2028, 11, 29))

    def test_dst_weekend(self) -> None:
        """A review on the Sunday clocks spring forward keeps whole-day follow-ups."""
        item = review(D(2026, 3, 29))
        assert follow_ups(item, calendar=WEEK) == (D(2026, 6, 29), D(2026, 9, 29), D(2026, 12, 29))

    def test_moves_back_before_the_next_review(self) -> None:
        """A follow-up on the Saturday before a Monday review moves to the Friday."""
        item = review(D(2026, 1, 4), next_review_on=D(2026, 4, 6))
        assert follow_up_dates(item) == (D(2026, 4, 4),)
        assert follow_ups(item, calendar=WEEK) == (D(2026, 4, 3),)

    def test_no_working_day_left(self) -> None:
        """Without a working day between the reviews there are no follow-ups."""
        sundays_only = Calendar(weekend=frozenset(range(6)))
        item = review(D(2026, 1, 5), rule="FREQ=DAILY", next_review_on=D(2026, 1, 10))
        assert follow_ups(item, calendar=sundays_only) == ()

    def test_holidays_merge(self) -> None:
        """Two follow-ups that land on the same working day after a closure are kept once."""
        closed = Calendar(
            holidays=[Holiday(D(2026, 7, 6) + k * DAY, "Sommerferie") for k in range(12)]
        )
        item = review(D(2026, 7, 1), rule="FREQ=WEEKLY", next_review_on=D(2026, 8, 31))
        days = follow_ups(item, calendar=closed)
        assert days[:3] == (D(2026, 7, 20), D(2026, 7, 22), D(2026, 7, 29))

    def test_custom_rules(self) -> None:
        """The last Friday of each month, COUNT and UNTIL are honoured."""
        easter = Calendar(holidays=[Holiday(D(2027, 3, 26), "Langfredag")])
        item = review(D(2026, 12, 1), rule="FREQ=MONTHLY;BYDAY=-1FR;COUNT=5")
        assert follow_ups(item, calendar=easter) == (
            D(2026, 12, 25),
            D(2027, 1, 29),
            D(2027, 2, 26),
            D(2027, 3, 29),
            D(2027, 4, 30),
        )
        until = review(D(2026, 1, 5), rule="FREQ=MONTHLY;UNTIL=20260405T000000Z")
        assert follow_up_dates(until) == (D(2026, 2, 5), D(2026, 3, 5), D(2026, 4, 5))

    def test_rule_that_never_matches_is_bounded(self) -> None:
        """A rule without any day (30 February) gives no follow-ups, and quickly."""
        item = review(D(2026, 1, 5), rule="FREQ=WEEKLY;BYMONTH=2;BYMONTHDAY=30")
        assert follow_up_dates(item) == ()

    def test_calendar_coverage(self) -> None:
        """A bounded calendar that ends too early is out of range, not silently wrong."""
        short = Calendar(first_day=D(2026, 1, 1), last_day=D(2026, 6, 30))
        with pytest.raises(OutOfRangeError):
            follow_ups(review(D(2026, 1, 5)), calendar=short)

    def test_bad_arguments(self) -> None:
        """Wrong types are bad data."""
        with pytest.raises(InvalidDataError):
            follow_ups("mus", calendar=WEEK)  # type: ignore[arg-type]
        with pytest.raises(InvalidDataError):
            follow_ups(review(D(2026, 1, 5)), calendar="dk")  # type: ignore[arg-type]
        assert problem(None) is not None
        assert occurrences("FREQ=DAILY", D(2026, 1, 5), D(2026, 1, 5)) == ()
