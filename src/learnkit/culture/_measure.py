"""What every indicator function shares: the days it counts, local dates, and its result.

An indicator function is pure: ``measure(workspace, days, as_of, options)``
returns a :class:`Measure` from the records of the workspace alone. ``days``
is the report period cut off at ``as_of`` (:func:`counted_days`), so nothing
after ``as_of`` is ever counted, and the same function measures the previous
period for the trend.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from zoneinfo import ZoneInfo

import attrs

from learnkit.exceptions import InvalidDataError
from learnkit.incidents import DEFAULT_SEVERITY_SCALE, SeverityScale
from learnkit.people import Roster
from learnkit.time import DEFAULT_ZONE, Period, zone

DEFAULT_NEWCOMER_DAYS = 30
"""Within how many days of starting a newcomer should have a mentor, by default."""


@attrs.frozen(kw_only=True)
class Options:
    """The report's settings besides targets, handed to every indicator function."""

    newcomer_days: int = DEFAULT_NEWCOMER_DAYS
    severity_scale: SeverityScale = DEFAULT_SEVERITY_SCALE


@attrs.frozen(kw_only=True)
class Measure:
    """One indicator's measurement in one period: a value, the counts and the records behind it."""

    value: float | None
    records: tuple[str, ...] = ()
    numerator: int | None = None
    denominator: int | None = None


def ratio(numerator: int, denominator: int, records: Iterable[str]) -> Measure:
    """``numerator / denominator`` (``None`` when 0 is below) with its records, in any order."""
    value = numerator / denominator if denominator else None
    return Measure(
        value=value,
        records=tuple(records),  # an Indicator sorts them and drops repeats
        numerator=numerator,
        denominator=denominator,
    )


def counted_days(period: Period, as_of: dt.date) -> Period:
    """The days of ``period`` on or before ``as_of`` (``period`` must start by ``as_of``)."""
    return Period(period.first, min(period.last, as_of))


def person_zones(roster: Roster) -> dict[str, ZoneInfo]:
    """Where everyone in ``roster`` works, by person id."""
    return {person.id: person.time_zone for person in roster.people}


def local_date(moment: dt.datetime, zones: Mapping[str, ZoneInfo], person: str | None) -> dt.date:
    """The date of ``moment`` where ``person`` works (Europe/Copenhagen when not in ``zones``).

    Raises:
        InvalidDataError: the local date would lie before year 1 or after
            year 9999 (a moment within a day of the calendar's ends), naming
            the person and the moment.
    """
    place = zones.get(person) if person is not None else None
    try:
        return moment.astimezone(place or zone(DEFAULT_ZONE)).date()
    except OverflowError:
        raise InvalidDataError.single(
            f"time of {person or 'nobody on the roster'}",
            moment,
            "cannot be placed in the time zone: its local date lies outside years 1 to 9999",
        ) from None


def task_person(participants: Iterable[str], zones: Mapping[str, ZoneInfo]) -> str | None:
    """The first of ``participants`` (by id) on the roster, whose zone dates a task, or ``None``."""
    return next((person for person in sorted(participants) if person in zones), None)


def headcount(roster: Roster, day: dt.date) -> tuple[str, ...]:
    """The ids of everyone who had started by ``day``, sorted."""
    return tuple(sorted(person.id for person in roster.people if person.start_date <= day))
