"""Aware time, IANA zones and the working-day :class:`Calendar`.

learnkit never reads the clock: time enters as an argument. Every datetime it
accepts is timezone-aware; a naive one is refused, because "14:00" means a
different instant in Copenhagen and in Aarhus' remote colleague's Bangalore.

A local wall time keeps its IANA zone (``Europe/Copenhagen``), never only a fixed
UTC offset, so a series at 14:00 every Friday stays at 14:00 across daylight
saving. :func:`format_datetime` writes such a datetime as RFC 9557 text
(``2026-03-27T14:00:00+01:00[Europe/Copenhagen]``) and :func:`parse_datetime`
reads it back with its zone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, OutOfRangeError, Problem

if TYPE_CHECKING:
    from collections.abc import Collection

__all__ = [
    "DEFAULT_ZONE",
    "Calendar",
    "Holiday",
    "Period",
    "ensure_aware",
    "format_datetime",
    "local_datetime",
    "parse_datetime",
    "zone",
]

DEFAULT_ZONE = "Europe/Copenhagen"
"""The zone learnkit assumes where a local time needs one and none is given."""

_ZONE_KEY = re.compile(r"[A-Za-z0-9_+\-]+(/[A-Za-z0-9_+\-]+)*")


def zone(key: str | ZoneInfo, *, field: str = "time_zone") -> ZoneInfo:
    """The IANA zone named ``key``, or a clear error naming ``field``.

    Accepts a :class:`~zoneinfo.ZoneInfo` that has a key (returned as the cached
    instance for that key, so equal zones are the same object).

    Raises:
        InvalidDataError: ``key`` is not the name of a known IANA zone.
    """
    if isinstance(key, ZoneInfo):
        if key.key is None:
            raise InvalidDataError.single(field, key, "must be a named IANA zone")
        key = key.key
    if not isinstance(key, str):
        raise InvalidDataError.single(field, key, "must be an IANA zone name")
    # Refuse paths and odd strings before zoneinfo looks for a file by that name.
    if _ZONE_KEY.fullmatch(key) is None or ".." in key:
        raise InvalidDataError.single(field, key, "is not an IANA zone name")
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise InvalidDataError.single(field, key, "is not a known IANA zone") from None


def ensure_aware(value: object, *, field: str = "datetime") -> dt.datetime:
    """``value`` itself when it is a timezone-aware datetime.

    Raises:
        InvalidDataError: ``value`` is not a datetime, it is naive, or its wall
            time does not exist in its zone (skipped when clocks sprang forward).
    """
    problem = _validate.datetime_problem(value)
    if problem is not None:
        raise InvalidDataError.single(field, value, problem)
    return cast("dt.datetime", value)


def format_datetime(value: dt.datetime) -> str:
    """ISO 8601 text for an aware datetime, with its IANA zone in brackets when it has one.

    ``parse_datetime(format_datetime(x))`` equals ``x`` and has the same zone.

    Raises:
        InvalidDataError: ``value`` is naive.
    """
    ensure_aware(value)
    text = value.isoformat()
    if isinstance(value.tzinfo, ZoneInfo) and value.tzinfo.key is not None:
        text += f"[{value.tzinfo.key}]"
    return text


def local_datetime(day: dt.date, wall_time: dt.time, tz: ZoneInfo) -> dt.datetime:
    """The aware datetime at ``wall_time`` on ``day`` in ``tz``, for every day of the year.

    A recurring local time (a talk at 14:00 every Friday) keeps its wall time
    across daylight saving. The two days a year that need a rule:

    * at a fall-back, a wall time that happens twice means its first occurrence
      (``fold=0``, still on summer time);
    * at a spring-forward, a wall time that never happens moves forward by the
      length of the gap (02:30 becomes 03:30 in Copenhagen), as
      :func:`dateutil.tz.resolve_imaginary` does.

    >>> cph = zone("Europe/Copenhagen")
    >>> local_datetime(dt.date(2026, 3, 29), dt.time(2, 30), cph).isoformat()
    '2026-03-29T03:30:00+02:00'

    Raises:
        InvalidDataError: ``wall_time`` carries a zone of its own.
    """
    if wall_time.tzinfo is not None:
        raise InvalidDataError.single("wall_time", wall_time, "must be a local (naive) time")
    local = dt.datetime.combine(day, wall_time, tzinfo=tz)
    if _validate.datetime_problem(local) is None:
        return local
    # In the gap: a round trip through UTC reads it with the offset before the
    # change, which lands the same distance after the gap.
    return local.astimezone(dt.UTC).astimezone(tz)


_BRACKETED = re.compile(r"(?P<iso>[^\[\]]+)(\[(?P<zone>[^\[\]]+)\])?")


def parse_datetime(text: str, *, field: str = "datetime") -> dt.datetime:
    """The aware datetime written by :func:`format_datetime` (or plain ISO 8601 with an offset).

    With a zone in brackets the result carries that :class:`~zoneinfo.ZoneInfo`;
    the offset in the text must agree with the zone at that wall time, which
    also settles which of two ambiguous wall times (at a fall-back) is meant.

    Raises:
        InvalidDataError: the text is not such a datetime, it has no offset, or
            the offset does not match the zone.
    """
    if not isinstance(text, str):
        raise InvalidDataError.single(field, text, "must be an ISO 8601 datetime string")
    found = _BRACKETED.fullmatch(text)
    if found is None:
        raise InvalidDataError.single(field, text, "is not an ISO 8601 datetime")
    try:
        parsed = dt.datetime.fromisoformat(found["iso"])
    except ValueError:
        raise InvalidDataError.single(field, text, "is not an ISO 8601 datetime") from None
    if parsed.tzinfo is None:
        # Name the text as given, not the naive datetime parsed from it.
        raise InvalidDataError.single(
            field, text, "has no UTC offset (naive datetimes are ambiguous)"
        )
    if found["zone"] is None:
        return parsed
    tz = zone(found["zone"], field=field)
    offset = parsed.utcoffset()
    for fold in (0, 1):
        local = parsed.replace(tzinfo=tz, fold=fold)
        if local.utcoffset() == offset:
            problem = _validate.datetime_problem(local)
            if problem is not None:
                raise InvalidDataError.single(field, text, problem)
            return local
    raise InvalidDataError.single(field, text, f"offset does not match the zone {tz.key}")


@attrs.frozen
class Period:
    """An inclusive range of dates: from ``first`` to ``last``, both included.

    A reporting period ("Q4 2026"), the span of a plan or of a retrospective.
    ``first <= last`` always holds, so a period has at least one day.

    >>> q4 = Period(dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    >>> dt.date(2026, 12, 31) in q4, q4.days
    (True, 92)
    >>> q4.previous()
    Period(first=datetime.date(2026, 7, 1), last=datetime.date(2026, 9, 30))

    Attributes:
        first: The first day of the period.
        last: The last day of the period (included).
    """

    first: dt.date = attrs.field(validator=_validate.date)
    last: dt.date = attrs.field(validator=_validate.date)

    def __attrs_post_init__(self) -> None:
        if self.last < self.first:
            raise InvalidDataError.single(
                "last", self.last, f"must not be before first ({self.first.isoformat()})"
            )

    def __contains__(self, day: object) -> bool:
        """Whether ``day`` (a date, not a datetime) falls within the period."""
        if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
            return False
        return self.first <= day <= self.last

    @property
    def days(self) -> int:
        """How many days the period has (at least 1)."""
        return (self.last - self.first).days + 1

    def dates(self) -> Iterator[dt.date]:
        """Every day of the period, in order."""
        for offset in range(self.days):
            yield self.first + dt.timedelta(days=offset)

    def previous(self) -> Period:
        """The period of the same length that ends the day before this one starts."""
        return Period(self.first - dt.timedelta(days=self.days), self.first - dt.timedelta(days=1))

    def overlaps(self, other: Period) -> bool:
        """Whether the two periods share at least one day."""
        return self.first <= other.last and other.first <= self.last


@attrs.frozen(order=True)
class Holiday:
    """A named day off besides the weekend (e.g. ``Kristi himmelfartsdag``).

    It may fall on a weekend day too (Påskedag is always a Sunday).
    """

    date: dt.date = attrs.field(validator=_validate.date)
    name: str = attrs.field(validator=_validate.text)


def _weekend(value: Iterable[int]) -> frozenset[int]:
    # Leave a non-collection as it is, so the validator names it instead of a TypeError.
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        return cast("frozenset[int]", value)
    try:
        return frozenset(value)
    except TypeError:  # unhashable items
        return cast("frozenset[int]", value)


def _holidays(value: Iterable[Holiday]) -> tuple[Holiday, ...]:
    return cast("tuple[Holiday, ...]", _validate.canonical_tuple(value))


@attrs.frozen(kw_only=True)
class Calendar:
    """Which days are working days: every day but weekend days and holidays.

    A calendar knows the holidays it was given. When ``first_day`` and
    ``last_day`` are set, the holiday list is complete between them and any
    question about a day outside that span raises
    :class:`~learnkit.exceptions.OutOfRangeError` instead of answering wrongly.

    Holidays are kept sorted by date, so two calendars with the same days are
    equal whatever order they were given in.

    Attributes:
        weekend: Weekday numbers that are never working days (Monday is 0).
        holidays: Days off besides the weekend, one per date.
        first_day: The first day the holiday list covers, or ``None`` for no limit.
        last_day: The last day the holiday list covers, or ``None`` for no limit.
    """

    weekend: frozenset[int] = attrs.field(
        default=frozenset({5, 6}),
        converter=_weekend,
        validator=_validate.each(_validate.int_between(0, 6), container=frozenset),
    )
    holidays: tuple[Holiday, ...] = attrs.field(
        default=(),
        converter=_holidays,
        validator=_validate.each(_validate.instance_of(Holiday)),
    )
    first_day: dt.date | None = attrs.field(
        default=None, validator=_validate.optional(_validate.date)
    )
    last_day: dt.date | None = attrs.field(
        default=None, validator=_validate.optional(_validate.date)
    )
    _by_date: dict[dt.date, str] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if len(self.weekend) == 7:
            problems.append(
                Problem("weekend", self.weekend, "must leave at least one working weekday")
            )
        if (self.first_day is None) != (self.last_day is None):
            problems.append(
                Problem(
                    "last_day",
                    self.last_day,
                    "first_day and last_day are set together or not at all",
                )
            )
        elif (
            self.first_day is not None
            and self.last_day is not None
            and self.last_day < self.first_day
        ):
            problems.append(Problem("last_day", self.last_day, "must not be before first_day"))
        by_date: dict[dt.date, str] = {}
        for holiday in self.holidays:
            # Named by key: holidays are sorted, so an index would not match the input's.
            path = f"holidays[date={holiday.date.isoformat()}]"
            if holiday.date in by_date:
                problems.append(Problem(path, holiday.date, "is listed twice"))
            elif not self._covers(holiday.date):
                problems.append(Problem(path, holiday.date, "is outside first_day..last_day"))
            by_date[holiday.date] = holiday.name
        if problems:
            raise InvalidDataError(problems)
        object.__setattr__(self, "_by_date", by_date)

    @classmethod
    def for_country(
        cls,
        country: str,
        *,
        years: Iterable[int] | None = None,
        subdivision: str | None = None,
        language: str | None = None,
        include_optional: bool = False,
    ) -> Calendar:
        """A calendar with a country's public holidays, from the optional ``holidays`` package.

        Needs ``pip install 'learnkit[holidays]'``. See
        :func:`learnkit.holidays.calendar_for_country` for the arguments and the
        guarantees.

        Raises:
            ImportError: the ``holidays`` package is not installed.
            InvalidDataError: the country, subdivision, language or years are unknown.
        """
        from learnkit.holidays import calendar_for_country  # noqa: PLC0415 - optional extra

        return calendar_for_country(
            country,
            years=years,
            subdivision=subdivision,
            language=language,
            include_optional=include_optional,
        )

    def _covers(self, day: dt.date) -> bool:
        if self.first_day is None or self.last_day is None:
            return True
        return self.first_day <= day <= self.last_day

    def _check(self, day: dt.date) -> None:
        _validate.require_date(day, "day")
        if not self._covers(day):
            raise OutOfRangeError("day", day, self.first_day, self.last_day)

    def is_working_day(self, day: dt.date) -> bool:
        """Whether ``day`` is neither a weekend day nor a holiday."""
        self._check(day)
        return day.weekday() not in self.weekend and day not in self._by_date

    def holiday_name(self, day: dt.date) -> str | None:
        """The holiday's name when ``day`` is a holiday, else ``None``."""
        self._check(day)
        return self._by_date.get(day)

    def next_working_day(self, day: dt.date, *, inclusive: bool = False) -> dt.date:
        """The first working day after ``day`` (or ``day`` itself when ``inclusive`` and working).

        Raises:
            OutOfRangeError: the answer would lie outside the covered span.
        """
        return self._step(day, 1, inclusive=inclusive)

    def previous_working_day(self, day: dt.date, *, inclusive: bool = False) -> dt.date:
        """The last working day before ``day`` (or ``day`` itself when ``inclusive`` and working).

        Raises:
            OutOfRangeError: the answer would lie outside the covered span.
        """
        return self._step(day, -1, inclusive=inclusive)

    def _step(self, day: dt.date, direction: int, *, inclusive: bool) -> dt.date:
        self._check(day)
        current = day if inclusive else day + dt.timedelta(days=direction)
        while not self.is_working_day(current):
            current += dt.timedelta(days=direction)
        return current

    def add_working_days(self, day: dt.date, count: int) -> dt.date:
        """The working day ``count`` working days after ``day`` (before it when negative).

        ``add_working_days(day, 0)`` is ``day`` when it is a working day, else the
        next working day, so "due within two working days" is
        ``add_working_days(day, 2)`` whatever day the task ended on.

        Raises:
            OutOfRangeError: the answer would lie outside the covered span.
        """
        if isinstance(count, bool) or not isinstance(count, int):
            raise InvalidDataError.single("count", count, "must be a whole number")
        current = self.next_working_day(day, inclusive=True) if count >= 0 else day
        for _ in range(abs(count)):
            current = self._step(current, 1 if count > 0 else -1, inclusive=False)
        return current

    def working_days(self, start: dt.date, end: dt.date) -> Iterator[dt.date]:
        """Every working day ``d`` with ``start <= d < end``, in order (half-open)."""
        _validate.require_date(start, "start")
        _validate.require_date(end, "end")
        if end > start:  # an empty range looks at no day, so it is never out of range
            self._check(start)
            self._check(end - dt.timedelta(days=1))
        # Checked above, not in the generator, so a bad call fails where it is made.
        return self._working_days(start, end)

    def _working_days(self, start: dt.date, end: dt.date) -> Iterator[dt.date]:
        current = start
        while current < end:
            if self.is_working_day(current):
                yield current
            current += dt.timedelta(days=1)

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """How many working days ``d`` have ``start <= d < end``; negative when ``end < start``.

        ``working_days_between(a, b) == -working_days_between(b, a)``, and it adds
        up: ``between(a, b) + between(b, c) == between(a, c)``.
        """
        _validate.require_date(start, "start")
        _validate.require_date(end, "end")
        if end < start:
            return -self.working_days_between(end, start)
        return sum(1 for _ in self.working_days(start, end))

    def with_holidays(self, extra: Collection[Holiday]) -> Calendar:
        """A copy with ``extra`` days off added (a company's own days, say).

        Raises:
            InvalidDataError: a day is already a holiday, or lies outside the covered span.
        """
        return attrs.evolve(self, holidays=(*self.holidays, *extra))
