"""The values of a culture report: targets, the status rule, indicators and the report.

A :class:`Target` says what "good" means for one indicator in one of three
shapes: *higher is better* (a share of people with a learning goal), *lower is
better* (blaming phrases per review) and *within a band* (development time
between 10 and 20 %). Each shape has a good zone and a wider watch zone; the
status rule lives in one place, :meth:`Target.status`. An :class:`Indicator`
is one measured value with its target, status, trend against the previous
period and the ids of the records it counted. A :class:`CultureReport` holds
them all for one period.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Iterable
from typing import Any, Final, cast

import attrs

from learnkit import _validate
from learnkit.culture._units import shown
from learnkit.exceptions import InvalidDataError, Problem, UnknownIdError
from learnkit.time import Period

__all__ = [
    "FLAT_TOLERANCE",
    "INDICATOR_KEYS",
    "CultureReport",
    "Direction",
    "Indicator",
    "Status",
    "Target",
    "TargetKind",
    "trend",
]

INDICATOR_KEYS: Final[tuple[str, ...]] = (
    "reflection.per_task",
    "reflection.shared",
    "sharing.presenters",
    "sharing.teams",
    "sharing.sessions",
    "mentoring.newcomers",
    "goals.active",
    "goals.achieved",
    "goals.overdue",
    "incidents.reviews_on_time",
    "incidents.language",
    "incidents.actions_on_time",
    "safety.team_score",
    "leadership.recognition",
    "leadership.development",
)
"""Every indicator key, in the order a report lists them."""

FLAT_TOLERANCE: Final = 1e-9
"""Two values closer than this are the same for the trend (it only absorbs float noise)."""


class Status(enum.Enum):
    """How an indicator stands against its target. The values are the lower-case names."""

    GOOD = "good"
    WATCH = "watch"
    ACT = "act"
    NO_DATA = "no_data"

    @property
    def text_key(self) -> str:
        """The i18n key of the status word (``"godt"`` in Danish when good)."""
        return f"culture.status.{self.value}"


class Direction(enum.Enum):
    """Which way a value moved since the previous period (not whether that is good)."""

    UP = "up"
    DOWN = "down"
    FLAT = "flat"

    @property
    def arrow(self) -> str:
        """``▲`` up, ``▼`` down, ``►`` flat."""
        return _ARROWS[self]


_ARROWS: Final = {Direction.UP: "▲", Direction.DOWN: "▼", Direction.FLAT: "►"}


class TargetKind(enum.Enum):
    """The shape of a target: higher is better, lower is better, or within a band."""

    HIGHER = "higher"
    LOWER = "lower"
    BAND = "band"


def _finite(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise _validate.fail(attribute, value, "must be a finite number")


def _as_float(value: object) -> object:
    # 1 and 1.0 are the same threshold; keep floats so equal targets compare equal.
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def _optional_float(value: object) -> object:
    return None if value is None else _as_float(value)


@attrs.frozen(kw_only=True)
class Target:
    """What good looks like for one indicator, and when to watch or act.

    The status rule (:meth:`status`), for a value ``v``:

    * ``HIGHER``: good when ``v >= good``, watch when ``watch <= v < good``, else act;
    * ``LOWER``: good when ``v <= good``, watch when ``good < v <= watch``, else act;
    * ``BAND``: good when ``good <= v <= good_high``, watch when
      ``watch <= v <= watch_high`` but not good, else act;

    and ``NO_DATA`` whenever there is no value. Build one with
    :meth:`higher`, :meth:`lower` or :meth:`band`.

    Guarantees, checked when it is built (every problem at once): every
    threshold is finite; ``watch <= good`` for HIGHER, ``good <= watch`` for
    LOWER, and ``watch <= good <= good_high <= watch_high`` for BAND, so the
    good zone always lies inside the watch zone; ``good_high`` and
    ``watch_high`` are set exactly for BAND.

    Attributes:
        kind: The shape.
        good: The good threshold (the band's lower good end).
        watch: The watch threshold (the band's lower watch end).
        good_high: The band's upper good end.
        watch_high: The band's upper watch end.
    """

    kind: TargetKind = attrs.field(validator=_validate.instance_of(TargetKind))
    good: float = attrs.field(converter=_as_float, validator=_finite)
    watch: float = attrs.field(converter=_as_float, validator=_finite)
    good_high: float | None = attrs.field(
        default=None, converter=_optional_float, validator=_validate.optional(_finite)
    )
    watch_high: float | None = attrs.field(
        default=None, converter=_optional_float, validator=_validate.optional(_finite)
    )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        band = self.kind is TargetKind.BAND
        for name in ("good_high", "watch_high"):
            value = getattr(self, name)
            if band and value is None:
                problems.append(Problem(name, value, "is required for a band target"))
            elif not band and value is not None:
                problems.append(Problem(name, value, "is only for a band target"))
        if self.kind is TargetKind.HIGHER and self.watch > self.good:
            problems.append(Problem("watch", self.watch, f"must be <= good ({self.good})"))
        if self.kind is TargetKind.LOWER and self.watch < self.good:
            problems.append(Problem("watch", self.watch, f"must be >= good ({self.good})"))
        if band and not problems:
            ends = (self.watch, self.good, self.good_high, self.watch_high)
            if list(ends) != sorted(cast("list[float]", list(ends))):
                problems.append(
                    Problem("watch", ends, "must keep watch <= good <= good_high <= watch_high")
                )
        if problems:
            raise InvalidDataError(problems)

    @classmethod
    def higher(cls, good: float, watch: float) -> Target:
        """Higher is better: good from ``good`` up, watch from ``watch`` up to it."""
        return cls(kind=TargetKind.HIGHER, good=good, watch=watch)

    @classmethod
    def lower(cls, good: float, watch: float) -> Target:
        """Lower is better: good up to ``good``, watch up to ``watch``."""
        return cls(kind=TargetKind.LOWER, good=good, watch=watch)

    @classmethod
    def band(cls, low: float, high: float, *, watch_low: float, watch_high: float) -> Target:
        """Within a band: good in ``low..high``, watch in ``watch_low..watch_high``."""
        return cls(
            kind=TargetKind.BAND, good=low, watch=watch_low, good_high=high, watch_high=watch_high
        )

    def status(self, value: float | None) -> Status:
        """The status of ``value`` against this target (the one status rule of the report)."""
        if value is None:
            return Status.NO_DATA
        if self.kind is TargetKind.HIGHER:
            return _zone(value >= self.good, value >= self.watch)
        if self.kind is TargetKind.LOWER:
            return _zone(value <= self.good, value <= self.watch)
        good_high = cast("float", self.good_high)
        watch_high = cast("float", self.watch_high)
        return _zone(self.good <= value <= good_high, self.watch <= value <= watch_high)


def _zone(good: bool, watch: bool) -> Status:
    if good:
        return Status.GOOD
    return Status.WATCH if watch else Status.ACT


def trend(value: float | None, previous: float | None, key: str | None = None) -> Direction | None:
    """Which way ``value`` moved from ``previous``; ``None`` when either is missing.

    With an indicator ``key``, both are first rounded as the report shows
    them (:func:`~learnkit.culture.format_value`: whole percentages, rates
    with two decimals, scores with one), and the trend is decided on the
    shown numbers: two values shown alike are flat, so "15 % ► from 15 %"
    never reads "▼ from 15 %". Without a key, up when
    ``value > previous + FLAT_TOLERANCE``, down when
    ``value < previous - FLAT_TOLERANCE``, flat otherwise. Either way,
    swapping the two swaps up and down.

    Raises:
        KeyError: ``key`` is given but is not an indicator key.
    """
    if value is None or previous is None:
        return None
    if key is not None:
        now, before = shown(key, value), shown(key, previous)
        if now == before:
            return Direction.FLAT
        return Direction.UP if now > before else Direction.DOWN
    if value > previous + FLAT_TOLERANCE:
        return Direction.UP
    if value < previous - FLAT_TOLERANCE:
        return Direction.DOWN
    return Direction.FLAT


def _records(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise InvalidDataError.single("records", value, "must be a collection of ids, not one id")
    canonical = _validate.canonical_tuple(value)
    if isinstance(canonical, tuple):
        try:
            return tuple(sorted(set(canonical)))
        except TypeError:
            return canonical
    return cast("tuple[str, ...]", canonical)


def _record_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An id, as :func:`learnkit._validate.identifier` accepts; printable ids take a fast path."""
    # A printable string has no character of category C, which is all identifier checks
    # besides emptiness and surrounding spaces; anything else gets the full check.
    if isinstance(value, str) and value and value == value.strip() and value.isprintable():
        return
    _validate.identifier(instance, attribute, value)


def _optional_number(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _finite(_, attribute, value)


@attrs.frozen(kw_only=True)
class Indicator:
    """One measured value of the report, with everything needed to trust it.

    Guarantees, checked when it is built (every problem at once):
    ``status == target.status(value)`` and ``trend == trend(value, previous, key)``
    (decided on the values as the report shows them, so equal shown values
    are flat), so a stored indicator can never disagree with its own rule; ``records``
    is sorted and without repeats; ``numerator`` and ``denominator`` are
    given together or not at all, and when given ``value`` is their quotient
    (or ``None`` when the denominator is 0).

    Attributes:
        key: What is measured: one of :data:`INDICATOR_KEYS`, e.g. ``"reflection.per_task"``.
        scope: A team id for a per-team indicator, ``None`` for the organisation.
        value: The value, or ``None`` when there was nothing to count.
        target: The target it is judged against.
        status: Good, watch, act, or no data.
        previous: The value in the previous period (``Period.previous``).
        trend: Which way the shown value moved since then (``FLAT`` when the
            two round to the same shown number), or ``None``.
        records: The ids of the records counted (see the indicator's page).
        numerator: The count on top, for a ratio of counts.
        denominator: The count below, for a ratio of counts.
    """

    key: str = attrs.field(validator=_validate.one_of(INDICATOR_KEYS))
    scope: str | None = attrs.field(
        default=None, validator=_validate.optional(_validate.identifier)
    )
    value: float | None = attrs.field(
        default=None, converter=_optional_float, validator=_optional_number
    )
    target: Target = attrs.field(validator=_validate.instance_of(Target))
    status: Status = attrs.field(validator=_validate.instance_of(Status))
    previous: float | None = attrs.field(
        default=None, converter=_optional_float, validator=_optional_number
    )
    trend: Direction | None = attrs.field(
        default=None, validator=_validate.optional(_validate.instance_of(Direction))
    )
    records: tuple[str, ...] = attrs.field(
        default=(), converter=_records, validator=_validate.each(_record_id)
    )
    numerator: int | None = attrs.field(default=None, validator=_validate.optional(_validate.count))
    denominator: int | None = attrs.field(
        default=None, validator=_validate.optional(_validate.count)
    )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        expected = self.target.status(self.value)
        if self.status is not expected:
            problems.append(
                Problem("status", self.status, f"must be {expected.value!r} for the value")
            )
        direction = trend(self.value, self.previous, self.key)
        if self.trend is not direction:
            problems.append(
                Problem("trend", self.trend, f"must be {direction} for value and previous")
            )
        if (self.numerator is None) != (self.denominator is None):
            problems.append(
                Problem("denominator", self.denominator, "numerator and denominator go together")
            )
        elif self.numerator is not None and self.denominator is not None:
            quotient = self.numerator / self.denominator if self.denominator else None
            if not _same(quotient, self.value):
                problems.append(
                    Problem("value", self.value, f"must be numerator / denominator ({quotient})")
                )
        if problems:
            raise InvalidDataError(problems)


def _same(left: float | None, right: float | None) -> bool:
    if left is None or right is None:
        return left is right
    return math.isclose(left, right, rel_tol=1e-12, abs_tol=1e-12)


def _team_name(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not (
        isinstance(value, tuple)
        and len(value) == 2
        and all(isinstance(part, str) and part for part in value)
    ):
        raise _validate.fail(attribute, value, "must be a (team id, name) pair of strings")


@attrs.frozen(kw_only=True)
class CultureReport:
    """Every indicator of the learning culture for one period, as of one day.

    Guarantees: ``period`` starts on or before ``as_of`` (days after
    ``as_of`` are not counted yet); no two indicators share a key and scope.
    Indicators keep the report's order (see :data:`~learnkit.culture.INDICATOR_KEYS`).

    Attributes:
        as_of: The day the report looks from; nothing later counts.
        period: The days reported on; trends compare with ``period.previous()``.
        indicators: The indicators, in report order.
        name: The organisation's name, for headings.
        team_names: ``(team id, name)`` pairs sorted by id, so that a rendering
            names a team as people know it; a team without one is named by its id.
    """

    as_of: dt.date = attrs.field(validator=_validate.date)
    period: Period = attrs.field(validator=_validate.instance_of(Period))
    indicators: tuple[Indicator, ...] = attrs.field(
        default=(), validator=_validate.each(_validate.instance_of(Indicator))
    )
    name: str = attrs.field(default="", validator=_validate.instance_of(str))
    team_names: tuple[tuple[str, str], ...] = attrs.field(
        default=(), converter=_validate.canonical_tuple, validator=_validate.each(_team_name)
    )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if self.as_of < self.period.first:
            problems.append(
                Problem("as_of", self.as_of, f"must not be before the period ({self.period.first})")
            )
        seen: set[tuple[str, str | None]] = set()
        for item in self.indicators:
            if (item.key, item.scope) in seen:
                path = f"indicators[key={item.key},scope={item.scope}]"
                problems.append(Problem(path, item.key, "is listed twice"))
            seen.add((item.key, item.scope))
        if problems:
            raise InvalidDataError(problems)

    def team_name(self, team: str) -> str:
        """The name of ``team`` as the roster gave it, else ``team`` itself."""
        return dict(self.team_names).get(team, team)

    def indicator(self, key: str, scope: str | None = None) -> Indicator:
        """The indicator ``key`` for ``scope`` (``None``: the organisation).

        Raises:
            UnknownIdError: the report has no such indicator.
        """
        for item in self.indicators:
            if item.key == key and item.scope == scope:
                return item
        raise UnknownIdError("indicator", key if scope is None else f"{key}@{scope}")
