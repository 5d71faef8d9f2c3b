"""Time allocations per person and ISO week, and the target band for development time.

A :class:`TimeAllocation` says how many hours one person spent on development
(learning, improving how the team works) and on operations (*drift*) in one
ISO week, named by its Monday. A :class:`DevelopmentBand` is the share of
development time a team aims for (10–20 % by default); :class:`BandPosition`
says where a share lies against it.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any, Final, cast

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError
from learnkit.time import Period

__all__ = [
    "DEFAULT_BAND",
    "HOURS_IN_WEEK",
    "BandPosition",
    "DevelopmentBand",
    "TimeAllocation",
    "development_share",
    "monday_of",
    "weeks_before",
]

HOURS_IN_WEEK: Final = 168
"""No one can spend more hours than a week has."""


def _hours(value: float) -> float:
    # A whole number of hours is stored as a float, so 5 and 5.0 give equal values.
    item: object = value
    if isinstance(item, int) and not isinstance(item, bool):
        return float(item)
    return value


def _optional_share(value: float | None) -> float | None:
    return None if value is None else _hours(value)


def _require_whole(value: object, field: str, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidDataError.single(field, value, f"must be a whole number from {low} to {high}")


def _monday(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _validate.date(_, attribute, value)
    if cast("dt.date", value).weekday() != 0:
        raise _validate.fail(
            attribute, value, "must be the Monday that starts the ISO week (weekday 0)"
        )


def monday_of(day: dt.date) -> dt.date:
    """The Monday that starts the ISO week of ``day``.

    Raises:
        InvalidDataError: ``day`` is not a date.
    """
    _validate.require_date(day, "day")
    return day - dt.timedelta(days=day.weekday())


def weeks_before(as_of: dt.date, count: int) -> Period:
    """The ``count`` whole ISO weeks before the week of ``as_of``, Monday to Sunday.

    The week ``as_of`` falls in is not finished, so it is left out: on Monday
    2026-11-23, ``weeks_before(as_of, 12)`` runs from Monday 2026-08-31 to
    Sunday 2026-11-22.

    Raises:
        InvalidDataError: ``as_of`` is not a date or ``count`` is not a whole number from 1 to 520.
    """
    _validate.require_date(as_of, "as_of")
    _require_whole(count, "count", 1, 520)
    this_week = monday_of(as_of)
    return Period(first=this_week - dt.timedelta(weeks=count), last=this_week - dt.timedelta(1))


def development_share(development_hours: float, operations_hours: float) -> float | None:
    """``development / (development + operations)``, or ``None`` when no hours were spent.

    Guarantees: for non-negative hours the share lies in [0, 1].
    """
    total = development_hours + operations_hours
    if total <= 0:
        return None
    return min(1.0, development_hours / total)


@attrs.frozen(kw_only=True)
class TimeAllocation:
    """How one person's hours in one ISO week split between development and operations.

    Guarantees: ``week`` is a Monday; both hour counts are finite, zero or
    more, and add up to at most the 168 hours a week has.

    Attributes:
        person: The person's id.
        week: The Monday that starts the ISO week.
        development_hours: Hours spent on development: learning, experiments,
            improving how the team works.
        operations_hours: Hours spent on operations (*drift*): the daily work,
            support, incidents.
    """

    person: str = attrs.field(validator=_validate.identifier)
    week: dt.date = attrs.field(validator=_monday)
    development_hours: float = attrs.field(
        converter=_hours, validator=_validate.number_between(0.0, HOURS_IN_WEEK)
    )
    operations_hours: float = attrs.field(
        converter=_hours, validator=_validate.number_between(0.0, HOURS_IN_WEEK)
    )

    def __attrs_post_init__(self) -> None:
        if self.development_hours + self.operations_hours > HOURS_IN_WEEK:
            raise InvalidDataError.single(
                "operations_hours",
                self.operations_hours,
                f"with {self.development_hours} development hours, exceeds the "
                f"{HOURS_IN_WEEK} hours of a week",
            )

    @property
    def share(self) -> float | None:
        """The development share of the week's hours, or ``None`` when no hours were spent."""
        return development_share(self.development_hours, self.operations_hours)

    @property
    def key(self) -> str:
        """``person@week``: how errors and reports name this allocation."""
        return f"{self.person}@{self.week.isoformat()}"


class BandPosition(enum.Enum):
    """Where a development share lies against a :class:`DevelopmentBand`.

    The values are the lower-case names (``"below"``), as documents store them.
    """

    BELOW = "below"
    WITHIN = "within"
    ABOVE = "above"

    @property
    def text_key(self) -> str:
        """The i18n key of the position's name (``"under målet"`` in Danish when below)."""
        return f"leadership.position.{self.value}"


@attrs.frozen(kw_only=True)
class DevelopmentBand:
    """The target share of development time, both ends included.

    Guarantees: ``0 <= low <= high <= 1``.

    Attributes:
        low: The least share of development that is healthy (default 10 %).
        high: The most share of development that still leaves room for
            operations (default 20 %).
    """

    low: float = attrs.field(
        default=0.10, converter=_hours, validator=_validate.number_between(0.0, 1.0)
    )
    high: float = attrs.field(
        default=0.20, converter=_hours, validator=_validate.number_between(0.0, 1.0)
    )

    def __attrs_post_init__(self) -> None:
        if self.high < self.low:
            raise InvalidDataError.single("high", self.high, f"must not be below low ({self.low})")

    def position(self, share: float) -> BandPosition:
        """Whether ``share`` lies below, within or above the band (both ends are within)."""
        if share < self.low:
            return BandPosition.BELOW
        if share > self.high:
            return BandPosition.ABOVE
        return BandPosition.WITHIN


DEFAULT_BAND: Final = DevelopmentBand()
"""10–20 % development: the default target band."""
