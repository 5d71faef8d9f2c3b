"""Session formats and recurring series: Friday stories and mini-workshops on a real calendar.

A :class:`SessionSeries` is a recurrence (an RFC 5545 ``RRULE`` such as
``FREQ=WEEKLY;BYDAY=FR``) of a local wall time in an IANA zone, on a working-day
:class:`~learnkit.time.Calendar`. :func:`expand` turns it into dated
:class:`Session` values with aware start and end times, and says for every
occurrence it did not keep why not.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterator
from typing import Final, cast
from zoneinfo import ZoneInfo

import attrs
from dateutil.rrule import rrule, rrulestr

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.i18n import Locale, translate
from learnkit.time import DEFAULT_ZONE, Calendar, Period, local_datetime, zone

__all__ = [
    "BUILTIN_FORMATS",
    "FRIDAY_STORY",
    "LIGHTNING_TALK",
    "MINI_WORKSHOP",
    "Expansion",
    "HolidayPolicy",
    "Session",
    "SessionFormat",
    "SessionSeries",
    "SkipReason",
    "SkippedSession",
    "expand",
]

_MAX_MINUTES: Final = 8 * 60


@attrs.frozen(kw_only=True)
class SessionFormat:
    """What kind of session it is and how long it lasts.

    The built-in formats (``FRIDAY_STORY``, ``MINI_WORKSHOP`` and
    ``LIGHTNING_TALK``) are named in every locale by the catalogue; a
    user-defined format carries its own ``name``, shown as written.

    Attributes:
        id: The format's id (``friday_story``, ``mini_workshop``, ``lightning_talk``
            or one of your own).
        minutes: How long a session lasts, 1 to 480 minutes.
        name: The name of a user-defined format; empty for a built-in one.
    """

    id: str = attrs.field(validator=_validate.identifier)
    minutes: int = attrs.field(validator=_validate.int_between(1, _MAX_MINUTES))
    name: str = attrs.field(default="", validator=_validate.instance_of(str))

    def __attrs_post_init__(self) -> None:
        if not self.name.strip() and self.id not in _BUILTIN_IDS:
            raise InvalidDataError.single(
                "name", self.name, f"a format of your own ({self.id!r}) needs a name"
            )

    def label(self, locale: Locale) -> str:
        """The format's name in ``locale`` (a user-defined name as written)."""
        if self.name.strip():
            return self.name
        return translate(f"sharing.format.{self.id}", locale)


_BUILTIN_IDS: Final = frozenset({"friday_story", "mini_workshop", "lightning_talk"})

FRIDAY_STORY: Final = SessionFormat(id="friday_story", minutes=15)
"""A fredagsfortælling: a short story from someone's work, about 10–15 minutes."""

MINI_WORKSHOP: Final = SessionFormat(id="mini_workshop", minutes=60)
"""An internal mini-workshop, 45–60 minutes, where people try something together."""

LIGHTNING_TALK: Final = SessionFormat(id="lightning_talk", minutes=5)
"""A five-minute lightning talk."""

BUILTIN_FORMATS: Final = (FRIDAY_STORY, MINI_WORKSHOP, LIGHTNING_TALK)
"""The formats learnkit knows by name."""


class HolidayPolicy(enum.Enum):
    """What happens to a session that falls on a day that is not a working day."""

    MOVE_EARLIER = "move_earlier"
    """Held on the nearest earlier working day of the same ISO week (Monday to
    Sunday) that has no other session of the series and lies within the series;
    skipped when there is none."""

    SKIP = "skip"
    """Not held."""


class SkipReason(enum.Enum):
    """Why an occurrence of the rule is not held."""

    EXCEPTION = "exception"
    """The date is one of the series' explicit exceptions."""

    NOT_A_WORKING_DAY = "not_a_working_day"
    """A holiday or weekend day, and the policy is to skip."""

    NO_EARLIER_WORKING_DAY = "no_earlier_working_day"
    """A holiday or weekend day, and the same week has no free earlier working day
    within the series to move to."""

    @property
    def key(self) -> str:
        """The i18n key of the reason (``sharing.skip.<value>``)."""
        return f"sharing.skip.{self.value}"


def _frequency_problem(rule: str) -> str | None:
    text = rule.strip().upper()
    if text.startswith("RRULE:"):
        text = text[len("RRULE:") :]
    if "\n" in text or "DTSTART" in text or ":" in text:
        return "must be a single RRULE (without DTSTART: the series' first date is its start)"
    found = re.search(r"(?:^|;)FREQ=([A-Z]+)(?:;|$)", text)
    if found is None:
        return "must have a FREQ"
    if found[1] not in {"YEARLY", "MONTHLY", "WEEKLY", "DAILY"}:
        return "must repeat at most daily (FREQ=DAILY, WEEKLY, MONTHLY or YEARLY)"
    timed = sorted(set(re.findall(r"(?:^|;)\s*(BYHOUR|BYMINUTE|BYSECOND)\s*=", text)))
    if timed:
        return f"must not have {', '.join(timed)} (the series' start_time sets the time)"
    for interval in re.findall(r"(?:^|;)\s*INTERVAL\s*=\s*([^;]*)", text):
        if not interval.strip().isdigit() or int(interval) < 1:
            return "must have an INTERVAL of at least 1"
    return None


def _parse_rule(rule: str, first: dt.date) -> rrule:
    parsed = rrulestr(rule, dtstart=dt.datetime.combine(first, dt.time()))
    if not isinstance(parsed, rrule):  # pragma: no cover - a single RRULE always parses to one
        raise TypeError(rule)
    return parsed


def _check_rule(instance: SessionSeries, attribute: attrs.Attribute[str], value: str) -> None:
    _validate.text(instance, attribute, value)
    problem = _frequency_problem(value)
    if problem is None:
        try:
            _parse_rule(value, dt.date(2000, 1, 1))
        except (ValueError, TypeError, KeyError, IndexError) as error:
            problem = f"is not an RFC 5545 RRULE ({error})"
    if problem is not None:
        raise _validate.fail(attribute, value, problem)


def _dates(value: object) -> tuple[dt.date, ...]:
    return cast("tuple[dt.date, ...]", _validate.canonical_tuple(value))


def _zone(key: str | ZoneInfo) -> ZoneInfo:
    return zone(key, field="time_zone")


@attrs.frozen(kw_only=True)
class SessionSeries:
    """Sessions of one format at a fixed local time on a recurrence, e.g. every Friday at 14:00.

    Guarantees: the series is valid when constructed (a parseable rule that
    repeats at most daily, ``first <= last``, a calendar that covers the whole
    span when it has bounds), and :func:`expand` gives the same sessions for
    equal series.

    Attributes:
        id: The series' id, part of every session's id.
        name: What people call it ("Fredagsfortællinger").
        format: The kind of session, which sets its length.
        rule: An RFC 5545 recurrence rule without ``DTSTART``, e.g.
            ``FREQ=WEEKLY;BYDAY=FR`` or ``FREQ=WEEKLY;INTERVAL=2;BYDAY=TH``; it
            starts on ``first``.
        start_time: The local wall time sessions start at (a whole minute), kept
            across daylight saving.
        time_zone: The IANA zone of ``start_time`` (Europe/Copenhagen by default).
        first: The first day a session may be held.
        last: The last day a session may be held.
        calendar: Which days are working days.
        holiday_policy: What happens to a session on a day off.
        exceptions: Dates of the rule on which no session is held.
    """

    id: str = attrs.field(validator=_validate.identifier)
    name: str = attrs.field(validator=_validate.text)
    format: SessionFormat = attrs.field(validator=_validate.instance_of(SessionFormat))
    rule: str = attrs.field(validator=_check_rule)
    start_time: dt.time = attrs.field(validator=_validate.instance_of(dt.time))
    time_zone: ZoneInfo = attrs.field(default=zone(DEFAULT_ZONE), converter=_zone)
    first: dt.date = attrs.field(validator=_validate.date)
    last: dt.date = attrs.field(validator=_validate.date)
    calendar: Calendar = attrs.field(factory=Calendar, validator=_validate.instance_of(Calendar))
    holiday_policy: HolidayPolicy = attrs.field(
        default=HolidayPolicy.MOVE_EARLIER, validator=_validate.instance_of(HolidayPolicy)
    )
    exceptions: tuple[dt.date, ...] = attrs.field(
        default=(), converter=_dates, validator=_validate.each(_validate.date)
    )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if self.start_time.tzinfo is not None:
            problems.append(
                Problem("start_time", self.start_time, "must be a local (naive) wall time")
            )
        if self.start_time.second or self.start_time.microsecond:
            # Calendars (RFC 5545) and people alike count sessions in whole minutes.
            problems.append(Problem("start_time", self.start_time, "must be a whole minute"))
        if self.last < self.first:
            problems.append(
                Problem("last", self.last, f"must not be before first ({self.first.isoformat()})")
            )
        covered_from, covered_to = self.calendar.first_day, self.calendar.last_day
        if (covered_from is not None and covered_from > self.first) or (
            covered_to is not None and covered_to < self.last
        ):
            problems.append(
                Problem(
                    "calendar",
                    f"{covered_from} .. {covered_to}",
                    f"must cover the series from {self.first} to {self.last}",
                )
            )
        if len(set(self.exceptions)) != len(self.exceptions):
            problems.append(Problem("exceptions", self.exceptions, "must not repeat a date"))
        if problems:
            raise InvalidDataError(problems)

    @property
    def period(self) -> Period:
        """The days from ``first`` to ``last``."""
        return Period(self.first, self.last)

    def occurrences(self, *, until: dt.date | None = None) -> Iterator[dt.date]:
        """The dates the rule gives from ``first`` to ``last`` (or ``until``, if earlier), in order.

        These are the dates before any holiday policy or exception applies; each
        date comes once.
        """
        end = self.last if until is None else min(self.last, until)
        previous: dt.date | None = None
        for occurrence in _parse_rule(self.rule, self.first):
            day = occurrence.date()
            if day > end:
                return
            if day != previous:  # occurrences come in order, so a repeat is the one before
                yield day
            previous = day


@attrs.frozen(kw_only=True)
class Session:
    """One session of a series, on the day it is held, with aware start and end.

    Attributes:
        id: Stable across re-planning and moves: ``<series id>:<scheduled date>``.
        series: The series' id.
        scheduled_on: The date the rule gave.
        held_on: The date it is held (earlier than ``scheduled_on`` when moved off a holiday).
        start: When it starts, at the series' wall time in its zone.
        end: When it ends, ``format.minutes`` of elapsed time after ``start``.
    """

    id: str = attrs.field(validator=_validate.text)
    series: str = attrs.field(validator=_validate.identifier)
    scheduled_on: dt.date = attrs.field(validator=_validate.date)
    held_on: dt.date = attrs.field(validator=_validate.date)
    start: dt.datetime = attrs.field(validator=_validate.aware_datetime)
    end: dt.datetime = attrs.field(validator=_validate.aware_datetime)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if self.held_on > self.scheduled_on:
            problems.append(
                Problem(
                    "held_on", self.held_on, "must not be after scheduled_on (moves go earlier)"
                )
            )
        # Compared in UTC: within one zone Python compares wall times and ignores
        # fold, so 02:30 (second time) would not count as after 02:30 (first time).
        if self.end.astimezone(dt.UTC) <= self.start.astimezone(dt.UTC):
            problems.append(Problem("end", self.end, "must be after start"))
        if problems:
            raise InvalidDataError(problems)

    @property
    def moved(self) -> bool:
        """Whether the session is held on another day than the rule gave."""
        return self.held_on != self.scheduled_on


@attrs.frozen(kw_only=True)
class SkippedSession:
    """An occurrence of the rule that is not held, and why.

    Attributes:
        series: The series' id.
        scheduled_on: The date the rule gave.
        reason: Why it is not held.
        holiday: The name of the holiday it fell on, if any.
    """

    series: str = attrs.field(validator=_validate.identifier)
    scheduled_on: dt.date = attrs.field(validator=_validate.date)
    reason: SkipReason = attrs.field(validator=_validate.instance_of(SkipReason))
    holiday: str = attrs.field(default="", validator=_validate.instance_of(str))

    def explain(self, locale: Locale) -> str:
        """Why the session is not held, in ``locale``."""
        reason = translate(self.reason.key, locale)
        if self.holiday:
            return f"{reason} ({self.holiday})"
        return reason


@attrs.frozen(kw_only=True)
class Expansion:
    """The sessions of a series in a period, and the occurrences it does not hold.

    Attributes:
        sessions: The sessions held, in order of start.
        skipped: The occurrences not held, in order of date.
    """

    sessions: tuple[Session, ...] = attrs.field(
        validator=_validate.each(_validate.instance_of(Session))
    )
    skipped: tuple[SkippedSession, ...] = attrs.field(
        validator=_validate.each(_validate.instance_of(SkippedSession))
    )


def expand(series: SessionSeries, period: Period | None = None) -> Expansion:
    """The sessions of ``series`` held within ``period`` (the whole series by default).

    Guarantees:

    * every session is held on a working day of the series' calendar, within
      ``series.first``..``series.last`` and within ``period``, at most one a day;
    * it starts at ``series.start_time`` in ``series.time_zone`` on that day (see
      :func:`~learnkit.time.local_datetime` for the two days a year with a
      daylight-saving change) and lasts ``series.format.minutes`` of elapsed time;
    * a session moved off a day off is held earlier in the same ISO week, never in
      another week; every occurrence of the rule in the period is either a
      session (by its ``scheduled_on``) or a :class:`SkippedSession`, never both;
    * a session's ``id`` depends only on the series and the scheduled date.

    Raises:
        InvalidDataError: ``period`` is not a :class:`~learnkit.time.Period`.
    """
    if period is not None and not isinstance(period, Period):
        raise InvalidDataError.single("period", period, "must be a Period")
    wanted = series.period if period is None else period
    # A session moves at most six days earlier, so occurrences more than six days
    # outside the window can neither be held in it nor collide with one that is.
    week = dt.timedelta(days=6)
    until = wanted.last + week if wanted.last <= dt.date.max - week else dt.date.max
    scheduled = list(series.occurrences(until=until))
    since = wanted.first - week if wanted.first >= dt.date.min + week else dt.date.min
    scheduled = [day for day in scheduled if day >= since]
    taken = set(scheduled)  # a move may not land on another occurrence
    exceptions = set(series.exceptions)
    sessions: list[Session] = []
    skipped: list[SkippedSession] = []
    for day in scheduled:
        held, reason = _held_on(series, day, taken, exceptions)
        if reason is not None:
            if day in wanted:
                holiday = series.calendar.holiday_name(day) or ""
                skipped.append(
                    SkippedSession(
                        series=series.id, scheduled_on=day, reason=reason, holiday=holiday
                    )
                )
            continue
        assert held is not None
        taken.add(held)
        if held in wanted:
            sessions.append(_session(series, day, held))
    return Expansion(sessions=tuple(sessions), skipped=tuple(skipped))


def _held_on(
    series: SessionSeries, day: dt.date, taken: set[dt.date], exceptions: set[dt.date]
) -> tuple[dt.date | None, SkipReason | None]:
    if day in exceptions:
        return None, SkipReason.EXCEPTION
    calendar = series.calendar
    if calendar.is_working_day(day):
        return day, None
    if series.holiday_policy is HolidayPolicy.SKIP:
        return None, SkipReason.NOT_A_WORKING_DAY
    monday = day - dt.timedelta(days=day.weekday())
    earlier = day - dt.timedelta(days=1)
    while earlier >= max(monday, series.first):
        if calendar.is_working_day(earlier) and earlier not in taken:
            return earlier, None
        earlier -= dt.timedelta(days=1)
    return None, SkipReason.NO_EARLIER_WORKING_DAY


def _session(series: SessionSeries, scheduled: dt.date, held: dt.date) -> Session:
    start = local_datetime(held, series.start_time, series.time_zone)
    end = (start.astimezone(dt.UTC) + dt.timedelta(minutes=series.format.minutes)).astimezone(
        series.time_zone
    )
    return Session(
        id=f"{series.id}:{scheduled.isoformat()}",
        series=series.id,
        scheduled_on=scheduled,
        held_on=held,
        start=start,
        end=end,
    )
