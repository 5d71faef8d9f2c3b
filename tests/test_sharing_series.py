"""Tests for learnkit.sharing series: formats, recurrence, DST, holidays, exceptions."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit import serialize
from learnkit.exceptions import InvalidDataError
from learnkit.sharing import (
    FRIDAY_STORY,
    MINI_WORKSHOP,
    HolidayPolicy,
    SessionFormat,
    SessionSeries,
    SkipReason,
    expand,
)
from learnkit.strategies import periods, session_series
from learnkit.time import Calendar, Holiday, Period, local_datetime

CPH = ZoneInfo("Europe/Copenhagen")
# Danish public holidays around Easter 2027: Skærtorsdag 25 March, Langfredag 26 March.
EASTER_2027 = Calendar(
    holidays=[
        Holiday(dt.date(2027, 3, 25), "Skærtorsdag"),
        Holiday(dt.date(2027, 3, 26), "Langfredag"),
        Holiday(dt.date(2027, 3, 29), "2. påskedag"),
    ]
)


def fridays(**changes: object) -> SessionSeries:
    fields: dict[str, object] = {
        "id": "fredag",
        "name": "Fredagsfortællinger",
        "format": FRIDAY_STORY,
        "rule": "FREQ=WEEKLY;BYDAY=FR",
        "start_time": dt.time(14),
        "first": dt.date(2027, 3, 1),
        "last": dt.date(2027, 4, 30),
        "calendar": EASTER_2027,
    }
    fields.update(changes)
    return SessionSeries(**fields)  # type: ignore[arg-type]


class TestSessionFormat:
    def test_builtin_formats_are_named_by_the_catalogue(self) -> None:
        """A built-in format has a Danish and an English name."""
        assert FRIDAY_STORY.label("da") == "fredagsfortælling"
        assert MINI_WORKSHOP.label("en") == "mini-workshop"

    def test_a_format_of_ones_own_keeps_its_name(self) -> None:
        """A user-defined format is shown as written in every locale."""
        club = SessionFormat(id="bogklub", minutes=30, name="Bogklub")
        assert club.label("da") == club.label("en") == "Bogklub"

    def test_a_format_of_ones_own_needs_a_name(self) -> None:
        """Without a name nobody could tell what it is."""
        with pytest.raises(InvalidDataError, match="needs a name") as caught:
            SessionFormat(id="bogklub", minutes=30)
        assert caught.value.problems[0].path == "name"

    @pytest.mark.parametrize("minutes", [0, 481, -5])
    def test_length_is_bounded(self, minutes: int) -> None:
        """A session lasts from 1 minute to 8 hours."""
        with pytest.raises(InvalidDataError, match="minutes"):
            SessionFormat(id="friday_story", minutes=minutes)


class TestSessionSeriesValidation:
    @pytest.mark.parametrize(
        ("rule", "message"),
        [
            ("FREQ=HOURLY", "at most daily"),
            ("BYDAY=FR", "must have a FREQ"),
            ("DTSTART:20270101T000000\nRRULE:FREQ=WEEKLY", "single RRULE"),
            ("FREQ=WEEKLY;BYDAY=XX", "not an RFC 5545 RRULE"),
            ("FREQ=WEEKLY;INTERVAL=0", "INTERVAL of at least 1"),
            ("FREQ=DAILY;INTERVAL=-2", "INTERVAL of at least 1"),
            ("FREQ=DAILY;BYHOUR=1,2", "must not have BYHOUR"),
            ("FREQ=DAILY;BYMINUTE=0,30", "must not have BYMINUTE"),
            ("FREQ=DAILY;BYSECOND=5", "must not have BYSECOND"),
            ("", "must not be empty"),
        ],
    )
    def test_a_bad_rule_is_refused_naming_it(self, rule: str, message: str) -> None:
        """The error names the field and says what is wrong with the rule."""
        with pytest.raises(InvalidDataError, match=message) as caught:
            fridays(rule=rule)
        assert caught.value.problems[0].path == "rule"

    def test_occurrences_give_each_date_once(self) -> None:
        """Even a rule with several times a day (refused when made) gives every date once."""
        series = fridays(rule="FREQ=DAILY")
        object.__setattr__(series, "rule", "FREQ=DAILY;BYHOUR=1,2")
        days = list(series.occurrences(until=dt.date(2027, 3, 5)))
        assert days == [dt.date(2027, 3, day) for day in range(1, 6)]

    def test_a_series_ending_in_the_last_year_expands(self) -> None:
        """Expanding up to December 9999 does not overflow the date range."""
        series = fridays(
            first=dt.date(9999, 12, 1), last=dt.date(9999, 12, 31), calendar=Calendar()
        )
        held = [session.held_on for session in expand(series).sessions]
        assert held == [dt.date(9999, 12, day) for day in (3, 10, 17, 24, 31)]

    def test_a_series_starting_in_the_first_year_expands(self) -> None:
        """Expanding from 1 January of year 1 does not overflow the date range."""
        series = fridays(first=dt.date(1, 1, 1), last=dt.date(1, 1, 31), calendar=Calendar())
        held = [session.held_on for session in expand(series).sessions]
        assert held == [dt.date(1, 1, day) for day in (5, 12, 19, 26)]

    def test_rrule_prefix_is_accepted(self) -> None:
        """``RRULE:FREQ=...`` as in an .ics file is the same rule."""
        assert expand(fridays(rule="RRULE:FREQ=WEEKLY;BYDAY=FR")) == expand(fridays())

    def test_every_problem_is_reported(self) -> None:
        """A wall time with a zone, reversed dates and a repeated exception, all at once."""
        with pytest.raises(InvalidDataError) as caught:
            fridays(
                start_time=dt.time(14, tzinfo=dt.UTC),
                first=dt.date(2027, 5, 1),
                exceptions=[dt.date(2027, 3, 5), dt.date(2027, 3, 5)],
            )
        assert {p.path for p in caught.value.problems} == {"start_time", "last", "exceptions"}

    def test_the_calendar_must_cover_the_series(self) -> None:
        """A bounded calendar that ends before the series would answer wrongly."""
        short = Calendar(first_day=dt.date(2027, 1, 1), last_day=dt.date(2027, 3, 31))
        with pytest.raises(InvalidDataError, match="must cover") as caught:
            fridays(calendar=short)
        assert caught.value.problems[0].path == "calendar"

    def test_an_unknown_zone_is_refused(self) -> None:
        """The zone is named by its IANA key."""
        with pytest.raises(InvalidDataError, match="time_zone"):
            fridays(time_zone="Europe/Atlantis")

    def test_period_must_be_a_period(self) -> None:
        """expand names a period of the wrong type."""
        with pytest.raises(InvalidDataError, match="period"):
            expand(fridays(), (dt.date(2027, 3, 1), dt.date(2027, 3, 31)))  # type: ignore[arg-type]

    def test_round_trips_through_json_with_its_zone(self) -> None:
        """The zone survives as its key, the wall time as a local time."""
        series = fridays(time_zone="America/Nuuk", exceptions=[dt.date(2027, 4, 9)])
        back = serialize.from_json(serialize.to_json(series), SessionSeries)
        assert back == series
        assert back.time_zone.key == "America/Nuuk"


class TestHolidays:
    def test_langfredag_moves_to_the_nearest_earlier_working_day(self) -> None:
        """Thursday is Skærtorsdag, so Langfredag's session is held on Wednesday."""
        moved = [s for s in expand(fridays()).sessions if s.moved]
        assert [(s.scheduled_on, s.held_on) for s in moved] == [
            (dt.date(2027, 3, 26), dt.date(2027, 3, 24))
        ]
        assert moved[0].id == "fredag:2027-03-26"
        assert moved[0].start == dt.datetime(2027, 3, 24, 14, tzinfo=CPH)

    def test_skip_policy_skips_and_says_which_holiday(self) -> None:
        """With the skip policy the session is not held, and the reason names the day."""
        expansion = expand(fridays(holiday_policy=HolidayPolicy.SKIP))
        (skipped,) = expansion.skipped
        assert skipped.scheduled_on == dt.date(2027, 3, 26)
        assert skipped.reason is SkipReason.NOT_A_WORKING_DAY
        assert skipped.explain("da") == "ikke en arbejdsdag (Langfredag)"
        assert skipped.explain("en") == "not a working day (Langfredag)"

    def test_a_week_without_a_free_earlier_day_is_skipped(self) -> None:
        """Monday to Thursday off too: nothing earlier in the week, so it is skipped."""
        days = [dt.date(2027, 3, 22) + dt.timedelta(days=i) for i in range(5)]
        calendar = Calendar(holidays=[Holiday(day, "Lukket") for day in days])
        (skipped,) = expand(fridays(calendar=calendar)).skipped
        assert skipped.reason is SkipReason.NO_EARLIER_WORKING_DAY
        assert skipped.explain("en").endswith("(Lukket)")

    def test_a_move_never_goes_before_the_first_day(self) -> None:
        """A series that starts on a holiday Friday cannot move into the days before it."""
        series = fridays(first=dt.date(2027, 3, 26))
        expansion = expand(series)
        assert expansion.skipped[0].scheduled_on == dt.date(2027, 3, 26)
        assert all(s.held_on >= series.first for s in expansion.sessions)

    def test_exceptions_are_skipped(self) -> None:
        """An explicit exception is not held, whatever the calendar says."""
        expansion = expand(fridays(exceptions=[dt.date(2027, 4, 9)]))
        assert dt.date(2027, 4, 9) not in {s.held_on for s in expansion.sessions}
        assert [(k.scheduled_on, k.reason) for k in expansion.skipped] == [
            (dt.date(2027, 4, 9), SkipReason.EXCEPTION)
        ]


class TestDaylightSaving:
    def test_fridays_keep_14_00_across_the_march_change(self) -> None:
        """The Friday before the last Sunday of March is +01:00, the one after is +02:00."""
        sessions = {s.held_on: s for s in expand(fridays(calendar=Calendar())).sessions}
        before, after = sessions[dt.date(2027, 3, 26)], sessions[dt.date(2027, 4, 2)]
        assert before.start.isoformat() == "2027-03-26T14:00:00+01:00"
        assert after.start.isoformat() == "2027-04-02T14:00:00+02:00"

    def test_sundays_at_02_30_on_the_change_days(self) -> None:
        """02:30 does not exist on 28 March 2027 (03:30 instead) and is taken once on 31 October."""
        series = fridays(
            rule="FREQ=WEEKLY;BYDAY=SU",
            start_time=dt.time(2, 30),
            first=dt.date(2027, 3, 1),
            last=dt.date(2027, 11, 30),
            calendar=Calendar(weekend=[5]),
        )
        sessions = {s.held_on: s for s in expand(series).sessions}
        assert sessions[dt.date(2027, 3, 28)].start.isoformat() == "2027-03-28T03:30:00+02:00"
        assert sessions[dt.date(2027, 10, 31)].start.isoformat() == "2027-10-31T02:30:00+02:00"
        assert sessions[dt.date(2027, 11, 7)].start.isoformat() == "2027-11-07T02:30:00+01:00"

    def test_a_workshop_across_the_october_change_lasts_its_minutes(self) -> None:
        """A 60-minute session starting 02:30 on the fall-back day ends an hour later in UTC."""
        series = fridays(
            format=MINI_WORKSHOP,
            rule="FREQ=WEEKLY;BYDAY=SU",
            start_time=dt.time(2, 30),
            first=dt.date(2027, 10, 31),
            last=dt.date(2027, 10, 31),
            calendar=Calendar(weekend=[5]),
        )
        (session,) = expand(series).sessions
        assert session.end.astimezone(dt.UTC) - session.start == dt.timedelta(hours=1)
        assert session.end.isoformat() == "2027-10-31T02:30:00+01:00"


class TestExpandProperties:
    @settings(max_examples=40)
    @given(session_series())
    def test_sessions_keep_their_promises(self, series: SessionSeries) -> None:
        """Working day, within the series and the ISO week, local wall time, length, ids."""
        expansion = expand(series)
        held = [s.held_on for s in expansion.sessions]
        assert len(set(held)) == len(held)
        assert held == sorted(held)
        for session in expansion.sessions:
            assert series.calendar.is_working_day(session.held_on)
            assert series.first <= session.held_on <= session.scheduled_on <= series.last
            assert session.held_on.isocalendar()[:2] == session.scheduled_on.isocalendar()[:2]
            expected = local_datetime(session.held_on, series.start_time, series.time_zone)
            assert session.start == expected
            assert session.start.tzinfo is series.time_zone
            elapsed = session.end.astimezone(dt.UTC) - session.start.astimezone(dt.UTC)
            assert elapsed == dt.timedelta(minutes=series.format.minutes)
            assert session.id == f"{series.id}:{session.scheduled_on.isoformat()}"

    @settings(max_examples=40)
    @given(session_series())
    def test_every_occurrence_is_held_or_skipped_once(self, series: SessionSeries) -> None:
        """The rule's dates split exactly into sessions and skipped occurrences."""
        expansion = expand(series)
        held = [s.scheduled_on for s in expansion.sessions]
        skipped = [k.scheduled_on for k in expansion.skipped]
        assert sorted(held + skipped) == list(series.occurrences())
        if series.holiday_policy is HolidayPolicy.SKIP:
            assert not any(s.moved for s in expansion.sessions)

    @settings(max_examples=30)
    @given(session_series(), st.data())
    def test_a_period_is_a_window_on_the_whole(
        self, series: SessionSeries, data: st.DataObject
    ) -> None:
        """Expanding a period gives the whole series' sessions held in it, nothing else."""
        window: Period = data.draw(periods(min_date=series.first, max_date=series.last))
        whole, part = expand(series), expand(series, window)
        assert part.sessions == tuple(s for s in whole.sessions if s.held_on in window)
        assert part.skipped == tuple(k for k in whole.skipped if k.scheduled_on in window)

    @settings(max_examples=20)
    @given(session_series())
    def test_round_trips_through_json(self, series: SessionSeries) -> None:
        """A series and its expansion survive JSON unchanged."""
        assert serialize.from_json(serialize.to_json(series), SessionSeries) == series
        expansion = expand(series)
        assert serialize.from_json(serialize.to_json(expansion), type(expansion)) == expansion

    def test_equal_series_expand_alike(self) -> None:
        """Exceptions given in another order make an equal series."""
        one = fridays(exceptions=[dt.date(2027, 4, 9), dt.date(2027, 3, 5)])
        other = attrs.evolve(one, exceptions=[dt.date(2027, 3, 5), dt.date(2027, 4, 9)])
        assert one == other
        assert expand(one) == expand(other)
