"""Aware time, IANA zones, RFC 9557 text and the working-day Calendar."""

from __future__ import annotations

import datetime as dt
import io
import struct
import zoneinfo
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from learnkit.exceptions import InvalidDataError, OutOfRangeError, Problem
from learnkit.strategies import calendars
from learnkit.time import (
    DEFAULT_ZONE,
    Calendar,
    Holiday,
    ensure_aware,
    format_datetime,
    parse_datetime,
    zone,
)

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
D = dt.date
DAY = dt.timedelta(days=1)

# 2026: Langfredag is Friday 3 April, Anden påskedag Monday 6 April.
EASTER_2026 = (
    Holiday(D(2026, 4, 2), "Skærtorsdag"),
    Holiday(D(2026, 4, 3), "Langfredag"),
    Holiday(D(2026, 4, 5), "Påskedag"),
    Holiday(D(2026, 4, 6), "Anden påskedag"),
)


# A TZif (RFC 8536) version 1 file with one type, UTC, and no transitions.
MINIMAL_TZIF = (
    b"TZif\x00"
    + bytes(15)
    + struct.pack(">6l", 0, 0, 0, 0, 1, 4)
    + struct.pack(">lBB", 0, 0, 0)
    + b"UTC\x00"
)


def problems_of(error: pytest.ExceptionInfo[InvalidDataError]) -> list[tuple[str, object]]:
    """The (path, value) of every problem, to compare with what a test expects."""
    return [(p.path, p.value) for p in error.value.problems]


# A window of dates small enough that holidays and weekends collide often.
WINDOW_START = D(2026, 1, 1)
window_dates = st.integers(0, 120).map(lambda n: WINDOW_START + n * DAY)


@st.composite
def unbounded_calendars(draw: st.DrawFn) -> Calendar:
    """Calendars without a span, with 0-6 weekend days and holidays inside the window."""
    weekend = draw(st.frozensets(st.integers(0, 6), max_size=6))
    days = draw(st.lists(window_dates, unique=True, max_size=25))
    names = st.sampled_from(["Fridag", "Helligdag", "Lukkedag"])
    return Calendar(weekend=weekend, holidays=[Holiday(d, draw(names)) for d in days])


def brute_working_days(calendar: Calendar, start: dt.date, end: dt.date) -> list[dt.date]:
    """Every working day in ``[start, end)``, by looking at each day."""
    days = []
    current = start
    while current < end:
        if current.weekday() not in calendar.weekend and all(
            h.date != current for h in calendar.holidays
        ):
            days.append(current)
        current += DAY
    return days


class TestZone:
    @pytest.mark.parametrize("key", ["Europe/Copenhagen", "UTC", "America/Port-au-Prince"])
    def test_known_keys(self, key: str) -> None:
        """A known IANA key gives that zone."""
        assert zone(key).key == key

    def test_every_available_zone_is_accepted(self) -> None:
        """The name check never refuses a zone the system knows."""
        for key in sorted(zoneinfo.available_timezones()):
            assert zone(key).key == key

    def test_returns_the_cached_instance(self) -> None:
        """Equal zones are the same object, so datetimes in them compare as local times."""
        assert zone("Europe/Copenhagen") is COPENHAGEN
        assert zone(ZoneInfo.no_cache("Europe/Copenhagen")) is COPENHAGEN

    def test_zoneinfo_passes_through(self) -> None:
        """A ZoneInfo with a key is accepted as itself."""
        assert zone(COPENHAGEN) is COPENHAGEN

    def test_zoneinfo_without_key_is_refused(self) -> None:
        """A zone read from a file has no key to store, so it is refused by name."""
        keyless = ZoneInfo.from_file(io.BytesIO(MINIMAL_TZIF))
        with pytest.raises(InvalidDataError) as caught:
            zone(keyless, field="tz")
        assert caught.value.problems == (Problem("tz", keyless, "must be a named IANA zone"),)

    @pytest.mark.parametrize(
        ("key", "message"),
        [
            ("Europe/Atlantis", "is not a known IANA zone"),
            ("Europe", "is not a known IANA zone"),
            ("europe/copenhagen", "is not a known IANA zone"),
            ("../etc/passwd", "is not an IANA zone name"),
            ("/etc/passwd", "is not an IANA zone name"),
            ("Europe/../Europe/Copenhagen", "is not an IANA zone name"),
            ("Europe/Copenhagen ", "is not an IANA zone name"),
            ("", "is not an IANA zone name"),
            ("Europe\x00", "is not an IANA zone name"),
        ],
    )
    def test_unknown_and_path_like_keys_are_refused(self, key: str, message: str) -> None:
        """Unknown names and anything that looks like a path give a clear error."""
        with pytest.raises(InvalidDataError) as caught:
            zone(key)
        assert caught.value.problems == (Problem("time_zone", key, message),)

    @pytest.mark.parametrize("key", [None, 1, b"UTC", dt.UTC])
    def test_non_strings_are_refused(self, key: object) -> None:
        """Only a string or a ZoneInfo names a zone."""
        with pytest.raises(InvalidDataError) as caught:
            zone(key, field="where")  # type: ignore[arg-type]
        assert caught.value.problems == (Problem("where", key, "must be an IANA zone name"),)

    def test_default_zone_is_known(self) -> None:
        """The default zone is Copenhagen and valid."""
        assert zone(DEFAULT_ZONE) is COPENHAGEN


class TestEnsureAware:
    def test_returns_aware_datetimes(self) -> None:
        """An aware datetime comes back as itself."""
        value = dt.datetime(2026, 3, 27, 14, tzinfo=COPENHAGEN)
        assert ensure_aware(value) is value

    def test_refuses_naive(self) -> None:
        """A naive datetime is refused, naming the field and the value."""
        naive = dt.datetime(2026, 3, 27, 14)
        with pytest.raises(InvalidDataError) as caught:
            ensure_aware(naive, field="now")
        assert problems_of(caught) == [("now", naive)]
        assert "timezone-aware" in str(caught.value)

    @pytest.mark.parametrize("value", [D(2026, 3, 27), "2026-03-27T14:00+01:00", None])
    def test_refuses_non_datetimes(self, value: object) -> None:
        """A date or text is not a datetime."""
        with pytest.raises(InvalidDataError) as caught:
            ensure_aware(value)
        assert caught.value.problems == (Problem("datetime", value, "must be a datetime"),)


class TestFormatAndParse:
    def test_format_writes_the_zone_in_brackets(self) -> None:
        """A ZoneInfo datetime is written as RFC 9557 text."""
        value = dt.datetime(2026, 3, 27, 14, tzinfo=COPENHAGEN)
        assert format_datetime(value) == "2026-03-27T14:00:00+01:00[Europe/Copenhagen]"

    def test_format_writes_fixed_offsets_without_brackets(self) -> None:
        """A fixed-offset datetime has no zone key to write."""
        value = dt.datetime(2026, 3, 27, 14, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30)))
        assert format_datetime(value) == "2026-03-27T14:00:00+05:30"

    def test_format_refuses_naive(self) -> None:
        """A naive datetime cannot be written with an offset."""
        with pytest.raises(InvalidDataError):
            format_datetime(dt.datetime(2026, 3, 27, 14))

    @pytest.mark.parametrize(("fold", "offset"), [(0, 2), (1, 1)])
    def test_both_folds_of_an_ambiguous_time_survive(self, fold: int, offset: int) -> None:
        """02:30 on 25 October 2026 happens twice in Copenhagen; the offset tells which."""
        value = dt.datetime(2026, 10, 25, 2, 30, tzinfo=COPENHAGEN, fold=fold)
        text = format_datetime(value)
        assert text == f"2026-10-25T02:30:00+0{offset}:00[Europe/Copenhagen]"
        parsed = parse_datetime(text)
        assert parsed.fold == fold
        assert parsed.tzinfo is COPENHAGEN
        assert parsed.utcoffset() == dt.timedelta(hours=offset)

    def test_the_two_folds_are_different_instants(self) -> None:
        """Both readings of the ambiguous time parse to instants an hour apart."""
        first = parse_datetime("2026-10-25T02:30:00+02:00[Europe/Copenhagen]")
        second = parse_datetime("2026-10-25T02:30:00+01:00[Europe/Copenhagen]")
        assert second.astimezone(dt.UTC) - first.astimezone(dt.UTC) == dt.timedelta(hours=1)

    @given(st.datetimes(timezones=st.timezones(), allow_imaginary=False))
    def test_round_trip(self, value: dt.datetime) -> None:
        """Parsing the formatted text gives the same wall time, offset, zone and instant."""
        text = format_datetime(value)
        parsed = parse_datetime(text)
        assert parsed == value
        assert parsed.tzinfo is value.tzinfo
        assert parsed.utcoffset() == value.utcoffset()
        assert parsed.astimezone(dt.UTC) == value.astimezone(dt.UTC)
        assert format_datetime(parsed) == text

    @given(
        st.datetimes(
            timezones=st.builds(
                dt.timezone, st.integers(-23 * 60, 23 * 60).map(lambda m: dt.timedelta(minutes=m))
            )
        )
    )
    def test_round_trip_with_fixed_offsets(self, value: dt.datetime) -> None:
        """A fixed offset survives as the same instant and offset."""
        parsed = parse_datetime(format_datetime(value))
        assert parsed == value
        assert parsed.utcoffset() == value.utcoffset()

    @pytest.mark.parametrize(
        "text",
        [
            "2026-07-01T12:00:00+01:00[Europe/Copenhagen]",  # summer time is +02:00
            "2026-10-25T02:30:00+03:00[Europe/Copenhagen]",  # neither fold
        ],
    )
    def test_offset_that_disagrees_with_the_zone_is_refused(self, text: str) -> None:
        """The offset must be the zone's offset at that wall time."""
        with pytest.raises(InvalidDataError) as caught:
            parse_datetime(text, field="starts_at")
        assert caught.value.problems == (
            Problem("starts_at", text, "offset does not match the zone Europe/Copenhagen"),
        )

    @pytest.mark.parametrize(
        ("text", "offset"),
        [
            ("2026-07-01T12:00:00+02:00", dt.timedelta(hours=2)),
            ("2026-07-01T12:00:00Z", dt.timedelta(0)),
            ("2026-07-01T12:00:00.250000-05:00", dt.timedelta(hours=-5)),
        ],
    )
    def test_plain_iso_with_an_offset_is_accepted(self, text: str, offset: dt.timedelta) -> None:
        """Text without a zone key parses to a fixed-offset datetime."""
        parsed = parse_datetime(text)
        assert parsed.utcoffset() == offset
        assert parsed.tzinfo is not None

    @pytest.mark.parametrize("text", ["2026-07-01T12:00:00", "2026-07-01"])
    def test_naive_text_is_refused(self, text: str) -> None:
        """Text without an offset is ambiguous; the problem quotes the text as given."""
        with pytest.raises(InvalidDataError) as caught:
            parse_datetime(text)
        assert problems_of(caught) == [("datetime", text)]
        assert "naive" in str(caught.value)

    def test_naive_text_with_a_zone_is_refused(self) -> None:
        """A zone key alone does not settle an ambiguous wall time, so an offset is required."""
        text = "2026-10-25T02:30:00[Europe/Copenhagen]"
        with pytest.raises(InvalidDataError) as caught:
            parse_datetime(text)
        assert problems_of(caught) == [("datetime", text)]

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("yesterday", "is not an ISO 8601 datetime"),
            ("", "is not an ISO 8601 datetime"),
            ("2026-02-30T12:00:00+01:00", "is not an ISO 8601 datetime"),
            ("2026-07-01T12:00+02:00[Europe/Copenhagen][x]", "is not an ISO 8601 datetime"),
            ("2026-07-01T12:00+02:00[Europe/Atlantis]", "is not a known IANA zone"),
            ("2026-07-01T12:00+02:00[../etc/passwd]", "is not an IANA zone name"),
        ],
    )
    def test_bad_text_is_refused_by_field(self, text: str, message: str) -> None:
        """Broken text, impossible dates and bad zones name the field."""
        with pytest.raises(InvalidDataError) as caught:
            parse_datetime(text, field="ends_at")
        (problem,) = caught.value.problems
        assert (problem.path, problem.message) == ("ends_at", message)

    @pytest.mark.parametrize("value", [None, 20260701, b"2026-07-01T12:00+02:00"])
    def test_non_strings_are_refused(self, value: object) -> None:
        """Only text is parsed."""
        with pytest.raises(InvalidDataError) as caught:
            parse_datetime(value)  # type: ignore[arg-type]
        assert caught.value.problems == (
            Problem("datetime", value, "must be an ISO 8601 datetime string"),
        )


class TestHoliday:
    def test_orders_by_date(self) -> None:
        """Holidays sort by date, then name."""
        shuffled = [EASTER_2026[2], EASTER_2026[0], EASTER_2026[3], EASTER_2026[1]]
        assert sorted(shuffled) == list(EASTER_2026)
        assert Holiday(D(2026, 4, 3), "A") < Holiday(D(2026, 4, 3), "B")

    @pytest.mark.parametrize(
        ("kwargs", "path"),
        [
            ({"date": dt.datetime(2026, 4, 3), "name": "Langfredag"}, "date"),
            ({"date": "2026-04-03", "name": "Langfredag"}, "date"),
            ({"date": D(2026, 4, 3), "name": " "}, "name"),
        ],
    )
    def test_refuses_bad_fields(self, kwargs: dict[str, object], path: str) -> None:
        """A datetime or text as the date, or a blank name, is refused by field."""
        with pytest.raises(InvalidDataError) as caught:
            Holiday(**kwargs)  # type: ignore[arg-type]
        assert problems_of(caught) == [(path, kwargs[path])]


class TestCalendarValidation:
    def test_defaults(self) -> None:
        """By default Saturday and Sunday are off, nothing else, with no span."""
        calendar = Calendar()
        assert calendar.weekend == frozenset({5, 6})
        assert calendar.holidays == ()
        assert (calendar.first_day, calendar.last_day) == (None, None)

    def test_holidays_are_sorted_and_order_independent(self) -> None:
        """The same holidays in any order make equal calendars with equal hashes."""
        forwards = Calendar(holidays=EASTER_2026)
        backwards = Calendar(holidays=list(reversed(EASTER_2026)))
        assert forwards == backwards
        assert hash(forwards) == hash(backwards)
        assert forwards.holidays == EASTER_2026

    def test_duplicate_holiday_date_is_refused(self) -> None:
        """Two holidays on one date are refused, naming the date."""
        with pytest.raises(InvalidDataError) as caught:
            Calendar(holidays=[Holiday(D(2026, 4, 3), "Langfredag"), Holiday(D(2026, 4, 3), "X")])
        assert problems_of(caught) == [("holidays[date=2026-04-03]", D(2026, 4, 3))]
        assert "listed twice" in str(caught.value)

    def test_holiday_outside_the_span_is_refused(self) -> None:
        """A span promises a complete list between its ends, so nothing may lie outside."""
        with pytest.raises(InvalidDataError) as caught:
            Calendar(
                holidays=[Holiday(D(2027, 1, 1), "Nytårsdag")],
                first_day=D(2026, 1, 1),
                last_day=D(2026, 12, 31),
            )
        assert problems_of(caught) == [("holidays[date=2027-01-01]", D(2027, 1, 1))]

    @pytest.mark.parametrize(("first", "last"), [(D(2026, 1, 1), None), (None, D(2026, 12, 31))])
    def test_half_set_span_is_refused(self, first: dt.date | None, last: dt.date | None) -> None:
        """first_day and last_day come together or not at all."""
        with pytest.raises(InvalidDataError) as caught:
            Calendar(first_day=first, last_day=last)
        assert problems_of(caught) == [("last_day", last)]

    def test_span_ending_before_it_starts_is_refused(self) -> None:
        """last_day before first_day is refused; a one-day span is fine."""
        with pytest.raises(InvalidDataError) as caught:
            Calendar(first_day=D(2026, 1, 2), last_day=D(2026, 1, 1))
        assert problems_of(caught) == [("last_day", D(2026, 1, 1))]
        assert Calendar(first_day=D(2026, 1, 2), last_day=D(2026, 1, 2)).last_day == D(2026, 1, 2)

    def test_seven_day_weekend_is_refused(self) -> None:
        """A week with no working day would make every search endless."""
        with pytest.raises(InvalidDataError) as caught:
            Calendar(weekend=range(7))
        assert problems_of(caught) == [("weekend", frozenset(range(7)))]

    def test_all_problems_at_once(self) -> None:
        """Weekend, span and holiday problems are reported together."""
        with pytest.raises(InvalidDataError) as caught:
            Calendar(
                weekend=range(7),
                holidays=[Holiday(D(2030, 1, 1), "x")],
                first_day=D(2026, 1, 2),
                last_day=D(2026, 1, 1),
            )
        assert [p.path for p in caught.value.problems] == [
            "weekend",
            "last_day",
            "holidays[date=2030-01-01]",
        ]

    @pytest.mark.parametrize(
        ("weekend", "path"),
        [
            ({7}, "weekend[7]"),
            ({-1}, "weekend[-1]"),
            ({True}, "weekend[True]"),
            ({"5"}, "weekend['5']"),
        ],
    )
    def test_bad_weekend_days_are_named(self, weekend: set[object], path: str) -> None:
        """Weekday numbers are ints 0-6; anything else is named in the path."""
        with pytest.raises(InvalidDataError) as caught:
            Calendar(weekend=weekend)  # type: ignore[arg-type]
        assert [p.path for p in caught.value.problems] == [path]

    @pytest.mark.parametrize("weekend", [5, None, "56", [[5]]])
    def test_weekend_that_is_not_a_collection_is_refused(self, weekend: object) -> None:
        """A single number, None, a string or unhashable items give learnkit's error."""
        with pytest.raises(InvalidDataError) as caught:
            Calendar(weekend=weekend)  # type: ignore[arg-type]
        assert caught.value.problems[0].path == "weekend"

    @pytest.mark.parametrize("holidays", [[D(2026, 4, 3)], Holiday(D(2026, 4, 3), "x")])
    def test_holidays_must_be_holiday_values(self, holidays: object) -> None:
        """Plain dates or a single Holiday are refused by field."""
        with pytest.raises(InvalidDataError) as caught:
            Calendar(holidays=holidays)  # type: ignore[arg-type]
        assert caught.value.problems[0].path.startswith("holidays")

    def test_span_ends_must_be_dates(self) -> None:
        """A datetime as first_day is refused."""
        with pytest.raises(InvalidDataError) as caught:
            Calendar(first_day=dt.datetime(2026, 1, 1), last_day=D(2026, 12, 31))
        assert problems_of(caught) == [("first_day", dt.datetime(2026, 1, 1))]


class TestCalendarQueries:
    calendar = Calendar(holidays=EASTER_2026)

    @pytest.mark.parametrize(
        ("day", "working"),
        [
            (D(2026, 4, 1), True),  # Wednesday
            (D(2026, 4, 2), False),  # Skærtorsdag
            (D(2026, 4, 4), False),  # Saturday
            (D(2026, 4, 5), False),  # Påskedag, a Sunday
            (D(2026, 4, 7), True),  # Tuesday after Easter
        ],
    )
    def test_is_working_day(self, day: dt.date, working: bool) -> None:
        """Weekend days and holidays are not working days; other days are."""
        assert self.calendar.is_working_day(day) is working

    def test_holiday_name(self) -> None:
        """A holiday's name is given; other days have none."""
        assert self.calendar.holiday_name(D(2026, 4, 3)) == "Langfredag"
        assert self.calendar.holiday_name(D(2026, 4, 4)) is None
        assert self.calendar.holiday_name(D(2026, 4, 1)) is None

    @pytest.mark.parametrize("day", [dt.datetime(2026, 4, 1), "2026-04-01", None])
    def test_queries_refuse_non_dates(self, day: object) -> None:
        """A datetime or text as the day is refused naming ``day``."""
        with pytest.raises(InvalidDataError) as caught:
            self.calendar.is_working_day(day)  # type: ignore[arg-type]
        assert problems_of(caught) == [("day", day)]

    def test_next_working_day_skips_easter(self) -> None:
        """From Wednesday before Easter the next working day is the Tuesday after."""
        assert self.calendar.next_working_day(D(2026, 4, 1)) == D(2026, 4, 7)

    def test_next_working_day_inclusive(self) -> None:
        """Inclusive gives the day itself when it is a working day, else the next one."""
        assert self.calendar.next_working_day(D(2026, 4, 1), inclusive=True) == D(2026, 4, 1)
        assert self.calendar.next_working_day(D(2026, 4, 3), inclusive=True) == D(2026, 4, 7)

    def test_previous_working_day(self) -> None:
        """Back from the Tuesday after Easter is the Wednesday before it."""
        assert self.calendar.previous_working_day(D(2026, 4, 7)) == D(2026, 4, 1)
        assert self.calendar.previous_working_day(D(2026, 4, 7), inclusive=True) == D(2026, 4, 7)
        assert self.calendar.previous_working_day(D(2026, 4, 6), inclusive=True) == D(2026, 4, 1)

    def test_add_working_days(self) -> None:
        """Counting working days across Easter and weekends."""
        assert self.calendar.add_working_days(D(2026, 4, 1), 1) == D(2026, 4, 7)
        assert self.calendar.add_working_days(D(2026, 4, 1), 2) == D(2026, 4, 8)
        assert self.calendar.add_working_days(D(2026, 4, 7), -1) == D(2026, 4, 1)
        assert self.calendar.add_working_days(D(2026, 4, 7), -3) == D(2026, 3, 30)

    def test_add_zero_rolls_forward(self) -> None:
        """Zero days from a working day is that day; from a day off, the next working day."""
        assert self.calendar.add_working_days(D(2026, 4, 1), 0) == D(2026, 4, 1)
        assert self.calendar.add_working_days(D(2026, 4, 3), 0) == D(2026, 4, 7)

    def test_add_from_a_day_off(self) -> None:
        """From Saturday, one working day on is Tuesday (Monday is day zero); one back is Friday."""
        calendar = Calendar()
        assert calendar.add_working_days(D(2026, 3, 28), 1) == D(2026, 3, 31)
        assert calendar.add_working_days(D(2026, 3, 28), -1) == D(2026, 3, 27)

    @pytest.mark.parametrize("count", [True, 1.0, "1", None])
    def test_add_refuses_non_integer_counts(self, count: object) -> None:
        """The count is a whole number, never a bool."""
        with pytest.raises(InvalidDataError) as caught:
            self.calendar.add_working_days(D(2026, 4, 1), count)  # type: ignore[arg-type]
        assert problems_of(caught) == [("count", count)]

    def test_working_days_is_half_open(self) -> None:
        """The start counts, the end does not."""
        assert list(self.calendar.working_days(D(2026, 3, 30), D(2026, 4, 8))) == [
            D(2026, 3, 30),
            D(2026, 3, 31),
            D(2026, 4, 1),
            D(2026, 4, 7),
        ]
        assert self.calendar.working_days_between(D(2026, 3, 30), D(2026, 4, 8)) == 4
        assert self.calendar.working_days_between(D(2026, 4, 8), D(2026, 3, 30)) == -4
        assert self.calendar.working_days_between(D(2026, 4, 1), D(2026, 4, 1)) == 0

    def test_working_days_with_end_before_start_is_empty(self) -> None:
        """An empty range yields nothing."""
        assert list(self.calendar.working_days(D(2026, 4, 8), D(2026, 4, 1))) == []

    @pytest.mark.parametrize(
        ("start", "end", "path"),
        [
            (D(2026, 4, 1), "2026-04-08", "end"),
            ("2026-04-01", D(2026, 4, 8), "start"),
            (D(2026, 4, 1), dt.datetime(2026, 4, 8), "end"),
        ],
    )
    def test_working_days_between_refuses_non_dates(
        self, start: object, end: object, path: str
    ) -> None:
        """Both ends must be dates; the error names the one that is not."""
        with pytest.raises(InvalidDataError) as caught:
            self.calendar.working_days_between(start, end)  # type: ignore[arg-type]
        assert [p.path for p in caught.value.problems] == [path]
        with pytest.raises(InvalidDataError):
            self.calendar.working_days(start, end)  # type: ignore[arg-type]

    def test_with_holidays_adds_days(self) -> None:
        """A company day off makes that day a non-working day; the original is unchanged."""
        extra = Holiday(D(2026, 4, 1), "Firmadag")
        calendar = self.calendar.with_holidays([extra])
        assert not calendar.is_working_day(D(2026, 4, 1))
        assert self.calendar.is_working_day(D(2026, 4, 1))
        assert calendar == Calendar(holidays=[*EASTER_2026, extra])

    def test_with_holidays_refuses_a_day_already_off(self) -> None:
        """Adding a holiday on an existing holiday's date is refused."""
        with pytest.raises(InvalidDataError) as caught:
            self.calendar.with_holidays([Holiday(D(2026, 4, 3), "Igen")])
        assert [p.value for p in caught.value.problems] == [D(2026, 4, 3)]

    def test_with_holidays_refuses_days_outside_the_span(self) -> None:
        """A bounded calendar keeps refusing holidays outside its span."""
        bounded = Calendar(first_day=D(2026, 1, 1), last_day=D(2026, 12, 31))
        with pytest.raises(InvalidDataError):
            bounded.with_holidays([Holiday(D(2027, 1, 4), "x")])

    def test_custom_weekend(self) -> None:
        """A Friday-Saturday weekend makes Sunday a working day."""
        calendar = Calendar(weekend={4, 5})
        assert calendar.is_working_day(D(2026, 4, 5))
        assert not calendar.is_working_day(D(2026, 4, 3))
        assert calendar.next_working_day(D(2026, 4, 2)) == D(2026, 4, 5)


class TestCalendarSpan:
    calendar = Calendar(
        holidays=[Holiday(D(2026, 12, 31), "Nytårsaften")],
        first_day=D(2026, 1, 1),
        last_day=D(2026, 12, 31),
    )

    @pytest.mark.parametrize("day", [D(2025, 12, 31), D(2027, 1, 1)])
    def test_questions_outside_the_span_raise(self, day: dt.date) -> None:
        """Outside the span the holidays are unknown, so the calendar refuses to guess."""
        with pytest.raises(OutOfRangeError) as caught:
            self.calendar.is_working_day(day)
        error = caught.value
        assert (error.what, error.value, error.first, error.last) == (
            "day",
            day,
            D(2026, 1, 1),
            D(2026, 12, 31),
        )
        with pytest.raises(OutOfRangeError):
            self.calendar.holiday_name(day)

    def test_both_ends_are_inside(self) -> None:
        """The first and last day are covered."""
        assert self.calendar.is_working_day(D(2026, 1, 1))
        assert not self.calendar.is_working_day(D(2026, 12, 31))

    def test_stepping_off_the_end_raises(self) -> None:
        """The last working day of 2026 is the 30th; there is no next one inside the span."""
        assert self.calendar.previous_working_day(D(2026, 12, 31)) == D(2026, 12, 30)
        with pytest.raises(OutOfRangeError) as caught:
            self.calendar.next_working_day(D(2026, 12, 30))
        assert caught.value.value == D(2027, 1, 1)
        with pytest.raises(OutOfRangeError):
            self.calendar.add_working_days(D(2026, 12, 30), 1)
        with pytest.raises(OutOfRangeError):
            self.calendar.add_working_days(D(2026, 1, 1), -1)

    def test_counting_up_to_the_day_after_the_span_is_allowed(self) -> None:
        """Half-open counting may name the day after the span as its end."""
        assert self.calendar.working_days_between(D(2026, 1, 1), D(2027, 1, 1)) == 260
        assert self.calendar.working_days_between(D(2027, 1, 1), D(2026, 1, 1)) == -260
        with pytest.raises(OutOfRangeError):
            self.calendar.working_days_between(D(2026, 1, 1), D(2027, 1, 2))
        with pytest.raises(OutOfRangeError):
            self.calendar.working_days_between(D(2025, 12, 31), D(2026, 1, 2))
        with pytest.raises(OutOfRangeError):
            self.calendar.working_days(D(2027, 1, 1), D(2027, 1, 5))  # fails at the call

    @pytest.mark.parametrize("day", [D(2027, 1, 1), D(2030, 6, 1), D(2020, 1, 1)])
    def test_an_empty_range_is_zero_anywhere(self, day: dt.date) -> None:
        """An empty range looks at no day, so it counts zero even outside the span."""
        assert self.calendar.working_days_between(day, day) == 0
        assert list(self.calendar.working_days(day, day - DAY)) == []


class TestCalendarProperties:
    @given(unbounded_calendars(), window_dates, st.integers(0, 30))
    def test_add_forwards_lands_on_a_working_day_n_days_on(
        self, calendar: Calendar, start: dt.date, count: int
    ) -> None:
        """The result is a working day, ``count`` working days after the first one from start."""
        result = calendar.add_working_days(start, count)
        assert calendar.is_working_day(result)
        rolled = calendar.next_working_day(start, inclusive=True)
        assert calendar.working_days_between(rolled, result) == count

    @given(unbounded_calendars(), window_dates, st.integers(-30, -1))
    def test_add_backwards_lands_on_a_working_day_n_days_before(
        self, calendar: Calendar, start: dt.date, count: int
    ) -> None:
        """Going back ``n`` days gives a working day with ``n`` working days up to start."""
        result = calendar.add_working_days(start, count)
        assert calendar.is_working_day(result)
        assert result < start
        assert calendar.working_days_between(result, start) == -count

    @given(unbounded_calendars(), window_dates, window_dates)
    def test_between_matches_brute_force_and_is_antisymmetric(
        self, calendar: Calendar, a: dt.date, b: dt.date
    ) -> None:
        """The count is the number of working days in [a, b), negated when b < a."""
        low, high = min(a, b), max(a, b)
        count = len(brute_working_days(calendar, low, high))
        assert calendar.working_days_between(low, high) == count
        assert calendar.working_days_between(a, b) == -calendar.working_days_between(b, a)
        assert list(calendar.working_days(low, high)) == brute_working_days(calendar, low, high)

    @given(unbounded_calendars(), window_dates, window_dates, window_dates)
    def test_between_adds_up(self, calendar: Calendar, a: dt.date, b: dt.date, c: dt.date) -> None:
        """between(a, b) + between(b, c) == between(a, c), in any order of a, b, c."""
        assert calendar.working_days_between(a, b) + calendar.working_days_between(
            b, c
        ) == calendar.working_days_between(a, c)

    @given(unbounded_calendars(), window_dates, st.booleans())
    def test_next_and_previous_are_the_nearest_working_days(
        self, calendar: Calendar, day: dt.date, inclusive: bool
    ) -> None:
        """No working day lies between the day and its next or previous working day."""
        after = calendar.next_working_day(day, inclusive=inclusive)
        before = calendar.previous_working_day(day, inclusive=inclusive)
        assert calendar.is_working_day(after)
        assert calendar.is_working_day(before)
        if inclusive and calendar.is_working_day(day):
            assert after == before == day
        else:
            assert before < day < after
            assert brute_working_days(calendar, before + DAY, day) == []
            assert brute_working_days(calendar, day + DAY, after) == []

    @given(calendars(), st.data())
    def test_counting_inside_a_span_adds_up(self, calendar: Calendar, data: st.DataObject) -> None:
        """Inside a bounded calendar's span (end day after it included) counts add up."""
        low = calendar.first_day or D(2026, 1, 1)
        high = (calendar.last_day or D(2026, 12, 31)) + DAY
        a, b, c = (data.draw(st.dates(low, high)) for _ in range(3))
        between = calendar.working_days_between
        assert between(a, b) + between(b, c) == between(a, c)
        assert between(a, b) == -between(b, a)
        lo, hi = min(a, b), max(a, b)
        assert between(lo, hi) == len(brute_working_days(calendar, lo, hi))

    @given(calendars(), st.data())
    def test_stepping_matches_brute_force_or_raises(
        self, calendar: Calendar, data: st.DataObject
    ) -> None:
        """next/previous/add give the brute-force answer inside the span, else OutOfRangeError."""
        low = calendar.first_day or D(2026, 1, 1)
        high = calendar.last_day or D(2026, 12, 31)
        assume(calendar.first_day is not None)  # unbounded ones are covered above
        day = data.draw(st.dates(low, high))
        count = data.draw(st.integers(-10, 10))
        working = brute_working_days(calendar, low, high + DAY)
        after = [w for w in working if w > day]
        before = [w for w in working if w < day]
        from_day = [w for w in working if w >= day]
        expected = {
            "next": after[0] if after else None,
            "previous": before[-1] if before else None,
            "add": (from_day[count] if count < len(from_day) else None)
            if count >= 0
            else (before[count] if -count <= len(before) else None),
        }
        steps: dict[str, Callable[[], dt.date]] = {
            "next": lambda: calendar.next_working_day(day),
            "previous": lambda: calendar.previous_working_day(day),
            "add": lambda: calendar.add_working_days(day, count),
        }
        for name, step in steps.items():
            if expected[name] is None:
                with pytest.raises(OutOfRangeError):
                    step()
            else:
                assert step() == expected[name], name

    @given(unbounded_calendars(), st.randoms(use_true_random=False))
    def test_holiday_order_does_not_matter(self, calendar: Calendar, random: object) -> None:
        """Shuffled holidays build an equal calendar."""
        shuffled = list(calendar.holidays)
        random.shuffle(shuffled)  # type: ignore[attr-defined]
        assert Calendar(weekend=calendar.weekend, holidays=shuffled) == calendar


class TestImaginaryWallTimes:
    """Wall times skipped when clocks spring forward never existed and are refused."""

    GAP = "2026-03-29T02:30:00+01:00[Europe/Copenhagen]"

    def test_parse_refuses_a_time_in_the_gap(self) -> None:
        """The text is named, with why it cannot be."""
        with pytest.raises(InvalidDataError) as caught:
            parse_datetime(self.GAP)
        (problem,) = caught.value.problems
        assert problem.value == self.GAP
        assert "does not exist" in problem.message

    def test_ensure_aware_refuses_a_time_in_the_gap(self) -> None:
        """A datetime built in the gap is refused, not shifted."""
        gap = dt.datetime(2026, 3, 29, 2, 30, tzinfo=zone("Europe/Copenhagen"))
        with pytest.raises(InvalidDataError, match="does not exist"):
            ensure_aware(gap, field="at")

    def test_both_sides_of_the_gap_exist(self) -> None:
        """01:59 and 03:00 on the day clocks spring forward are accepted."""
        cph = zone("Europe/Copenhagen")
        for wall in (dt.time(1, 59), dt.time(3, 0)):
            value = dt.datetime.combine(dt.date(2026, 3, 29), wall, tzinfo=cph)
            assert ensure_aware(value) is value

    @given(st.datetimes(timezones=st.timezones(), allow_imaginary=True))
    def test_format_accepts_exactly_the_times_that_exist(self, value: dt.datetime) -> None:
        """format_datetime refuses a wall time iff it does not survive a trip through UTC."""
        back = value.astimezone(dt.UTC).astimezone(value.tzinfo)
        exists = back.replace(tzinfo=None, fold=0) == value.replace(tzinfo=None, fold=0)
        if exists:
            assert parse_datetime(format_datetime(value)) == value
        else:
            with pytest.raises(InvalidDataError, match="does not exist"):
                format_datetime(value)
