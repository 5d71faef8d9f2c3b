"""Incident metrics: how fast we notice and recover, and whether we learn from it.

Every metric is a pure function of the records it is given and returns a frozen
value that lists the ids it counted (and the ids it left out), so a dashboard
can always show the incidents behind a number.

Durations are measured between two milestones of
:class:`~learnkit.incidents.Milestones`, in real elapsed time (both ends are
converted to UTC first, so a night with a daylight-saving change counts the hour
that really passed). Over many incidents they are summarised by the median and
the 90th percentile, both by the *nearest-rank* definition (see
:func:`nearest_rank`): every figure reported is a duration that really happened,
and no mean is ever computed. An incident without one of the two milestones is
left out of that metric and listed in ``missing``.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from typing import Final, TypeVar, cast

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.incidents._model import Incident, IncidentKind
from learnkit.time import Period

__all__ = [
    "DurationMetric",
    "DurationSummary",
    "NearMissShare",
    "duration_summaries",
    "duration_summary",
    "incident_duration",
    "near_miss_share",
    "near_miss_trend",
    "nearest_rank",
]

T = TypeVar("T")
V = TypeVar("V", int, float)


class DurationMetric(enum.Enum):
    """A duration between two milestones of an incident.

    ============================  ==================  ==============
    metric                        starts at           ends at
    ============================  ==================  ==============
    ``TIME_TO_DETECT``            ``started``         ``detected``
    ``TIME_TO_ACKNOWLEDGE``       ``detected``        ``acknowledged``
    ``TIME_TO_MITIGATE``          ``detected``        ``mitigated``
    ``TIME_TO_RESOLVE``           ``detected``        ``resolved``
    ``IMPACT_DURATION``           ``started``         ``mitigated``
    ============================  ==================  ==============

    Acknowledging, mitigating and resolving are measured from detection: until
    someone knows, nobody can respond. The impact lasts from the start until it
    is mitigated (the moment nobody is affected any more), whether or not the
    lasting repair (resolved) comes later.
    """

    TIME_TO_DETECT = "time_to_detect"
    TIME_TO_ACKNOWLEDGE = "time_to_acknowledge"
    TIME_TO_MITIGATE = "time_to_mitigate"
    TIME_TO_RESOLVE = "time_to_resolve"
    IMPACT_DURATION = "impact_duration"

    @property
    def start(self) -> str:
        """The name of the milestone the duration starts at (``"started"``, ``"detected"``)."""
        return _ENDS[self][0]

    @property
    def end(self) -> str:
        """The name of the milestone the duration ends at."""
        return _ENDS[self][1]

    @property
    def text_key(self) -> str:
        """The i18n key of the metric's name (``translate(key, "da")``)."""
        return f"metrics.duration.{self.value}"


_ENDS: Final[dict[DurationMetric, tuple[str, str]]] = {
    DurationMetric.TIME_TO_DETECT: ("started", "detected"),
    DurationMetric.TIME_TO_ACKNOWLEDGE: ("detected", "acknowledged"),
    DurationMetric.TIME_TO_MITIGATE: ("detected", "mitigated"),
    DurationMetric.TIME_TO_RESOLVE: ("detected", "resolved"),
    DurationMetric.IMPACT_DURATION: ("started", "mitigated"),
}


def nearest_rank(values: Sequence[V], percent: int) -> V:
    """The ``percent``-th percentile of ``values`` by the nearest-rank definition.

    With the values sorted as ``x[1] <= ... <= x[n]``, the result is
    ``x[ceil(percent * n / 100)]``: the smallest value such that at least
    ``percent`` per cent of the values are at most it. It is always one of the
    values (never an interpolation), the 100th percentile is the maximum, and
    the median (``percent=50``) of an even number of values is the lower of
    the two middle ones.

    >>> nearest_rank([4, 1, 3, 2], 50), nearest_rank([4, 1, 3, 2], 90)
    (2, 4)

    Raises:
        InvalidDataError: ``values`` is empty, or ``percent`` is not a whole
            number from 1 to 100.
    """
    require_whole(percent, "percent", 1, 100)
    if not values:
        raise InvalidDataError.single("values", values, "must not be empty")
    ordered = sorted(values)
    rank = -(-percent * len(ordered) // 100)  # ceil without floating point
    return ordered[rank - 1]


def _utc(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.UTC)


def incident_duration(incident: Incident, metric: DurationMetric) -> dt.timedelta | None:
    """How long ``metric`` took for ``incident``, or ``None`` when a milestone is missing.

    The real time that elapsed between the metric's start and end milestones
    (see :class:`DurationMetric`), measured in UTC; never negative, because
    the milestones of an incident are in order.

    Raises:
        InvalidDataError: ``incident`` is not an Incident or ``metric`` is not a
            DurationMetric.
    """
    _require(incident, Incident, "incident")
    _require(metric, DurationMetric, "metric")
    start = cast("dt.datetime | None", getattr(incident.milestones, metric.start))
    end = cast("dt.datetime | None", getattr(incident.milestones, metric.end))
    if start is None or end is None:
        return None
    return _utc(end) - _utc(start)


_require = _validate.require_instance


def _ids(value: Iterable[str]) -> tuple[str, ...]:
    return cast("tuple[str, ...]", _validate.canonical_tuple(value))


def ids(value: Iterable[str]) -> tuple[str, ...]:
    """Converter: ids as a sorted tuple, so equal results compare equal."""
    return _ids(value)


ID = _validate.each(_validate.identifier)


def require_whole(value: object, field: str, low: int, high: int) -> None:
    """Refuse anything but a whole number from ``low`` to ``high``, naming ``field``."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidDataError.single(field, value, f"must be a whole number from {low} to {high}")


_optional_seconds = _validate.optional(_validate.number_between(0.0, float("inf")))


@attrs.frozen(kw_only=True)
class DurationSummary:
    """A duration metric over many incidents: median and 90th percentile, by nearest rank.

    Guarantees, checked when the value is built:

    * ``counted`` and ``missing`` are sorted, without repeats, and disjoint;
    * with nothing counted every figure is ``None``; otherwise every figure is
      set, non-negative, and ``minimum <= median <= p90 <= maximum``;
    * every figure is the duration of one of the counted incidents (nearest
      rank never interpolates, and no mean is ever reported). With one counted
      incident all four figures are its own duration.

    Attributes:
        metric: Which duration (and so which milestones) was measured.
        counted: The ids of the incidents that had both milestones.
        missing: The ids of the incidents left out because a milestone was missing.
        minimum: The shortest duration, in seconds.
        median: The median (nearest-rank 50th percentile), in seconds.
        p90: The nearest-rank 90th percentile, in seconds.
        maximum: The longest duration, in seconds.
    """

    metric: DurationMetric = attrs.field(validator=_validate.instance_of(DurationMetric))
    counted: tuple[str, ...] = attrs.field(default=(), converter=ids, validator=ID)
    missing: tuple[str, ...] = attrs.field(default=(), converter=ids, validator=ID)
    minimum: float | None = attrs.field(default=None, validator=_optional_seconds)
    median: float | None = attrs.field(default=None, validator=_optional_seconds)
    p90: float | None = attrs.field(default=None, validator=_optional_seconds)
    maximum: float | None = attrs.field(default=None, validator=_optional_seconds)

    def __attrs_post_init__(self) -> None:
        problems = _repeats("counted", self.counted) + _repeats("missing", self.missing)
        problems.extend(
            Problem("missing", both, "is also counted")
            for both in sorted(set(self.counted) & set(self.missing))
        )
        figures = (self.minimum, self.median, self.p90, self.maximum)
        if not self.counted:
            problems.extend(
                Problem(name, value, "must be None when no incident is counted")
                for name, value in zip(_FIGURES, figures, strict=True)
                if value is not None
            )
        else:
            problems.extend(
                Problem(name, None, "is required when incidents are counted")
                for name, value in zip(_FIGURES, figures, strict=True)
                if value is None
            )
            present = [value for value in figures if value is not None]
            if len(present) == len(figures) and present != sorted(present):
                problems.append(
                    Problem("median", figures, "must keep minimum <= median <= p90 <= maximum")
                )
        if problems:
            raise InvalidDataError(problems)

    @property
    def count(self) -> int:
        """How many incidents were counted."""
        return len(self.counted)

    def as_timedelta(self, figure: str) -> dt.timedelta | None:
        """One figure (``"minimum"``, ``"median"``, ``"p90"``, ``"maximum"``) as a timedelta.

        Raises:
            InvalidDataError: ``figure`` is not one of the four.
        """
        if figure not in _FIGURES:
            raise InvalidDataError.single("figure", figure, f"must be one of {', '.join(_FIGURES)}")
        seconds = cast("float | None", getattr(self, figure))
        return None if seconds is None else dt.timedelta(seconds=seconds)


_FIGURES: Final = ("minimum", "median", "p90", "maximum")


def _repeats(field: str, ids: Sequence[str]) -> list[Problem]:
    return [
        Problem(field, ids[index], "is listed twice")
        for index in range(1, len(ids))
        if ids[index] == ids[index - 1]
    ]


def unique_incidents(
    incidents: Iterable[Incident], field: str = "incidents"
) -> tuple[Incident, ...]:
    """``incidents`` sorted by id; refuses non-incidents and ids given twice (every problem)."""
    problems: list[Problem] = []
    found = items(incidents, Incident, field, problems)
    seen: set[str] = set()
    for incident in found:
        if incident.id in seen:
            problems.append(
                Problem(f"{field}[id={incident.id}].id", incident.id, "is listed twice")
            )
        seen.add(incident.id)
    if problems:
        raise InvalidDataError(problems)
    return tuple(sorted(found, key=lambda incident: incident.id))


items = _validate.items_of


def duration_summary(incidents: Iterable[Incident], metric: DurationMetric) -> DurationSummary:
    """``metric`` over ``incidents``: minimum, median, 90th percentile and maximum.

    Incidents that lack the metric's start or end milestone are left out and
    listed in ``missing``. The result is the same whatever order the incidents
    come in.

    Raises:
        InvalidDataError: an item is not an Incident, an id is listed twice, or
            ``metric`` is not a DurationMetric.
    """
    _require(metric, DurationMetric, "metric")
    counted: list[str] = []
    missing: list[str] = []
    seconds: list[float] = []
    for incident in unique_incidents(incidents):
        duration = incident_duration(incident, metric)
        if duration is None:
            missing.append(incident.id)
        else:
            counted.append(incident.id)
            seconds.append(duration.total_seconds())
    if not seconds:
        return DurationSummary(metric=metric, missing=missing)
    return DurationSummary(
        metric=metric,
        counted=counted,
        missing=missing,
        minimum=min(seconds),
        median=nearest_rank(seconds, 50),
        p90=nearest_rank(seconds, 90),
        maximum=max(seconds),
    )


def duration_summaries(incidents: Iterable[Incident]) -> tuple[DurationSummary, ...]:
    """Every :class:`DurationMetric` over ``incidents``, in the order the enum lists them.

    Raises:
        InvalidDataError: an item is not an Incident, or an id is listed twice.
    """
    given = unique_incidents(incidents)
    return tuple(duration_summary(given, metric) for metric in DurationMetric)


@attrs.frozen(kw_only=True)
class NearMissShare:
    """How many of the reports in a period were near misses.

    A near miss is a report of something that *almost* went wrong. Nobody has
    to report one, so a rising share of near misses means people dare to speak
    up before harm is done: read it as a sign of psychological safety, not of
    risk. An incident belongs to the period when the local date of its
    ``reported_at`` (in its own zone) is in the period.

    Guarantees: ``near_misses`` is a subset of ``reported``; both are sorted.

    Attributes:
        period: The days looked at.
        reported: The ids of every incident reported in the period.
        near_misses: The ids of the near misses among them.
    """

    period: Period = attrs.field(validator=_validate.instance_of(Period))
    reported: tuple[str, ...] = attrs.field(default=(), converter=ids, validator=ID)
    near_misses: tuple[str, ...] = attrs.field(default=(), converter=ids, validator=ID)

    def __attrs_post_init__(self) -> None:
        problems = _repeats("reported", self.reported) + _repeats("near_misses", self.near_misses)
        problems.extend(
            Problem("near_misses", extra, "is not among the reported incidents")
            for extra in sorted(set(self.near_misses) - set(self.reported))
        )
        if problems:
            raise InvalidDataError(problems)

    @property
    def share(self) -> float | None:
        """Near misses as a fraction of all reports (0 to 1), or ``None`` with no reports."""
        if not self.reported:
            return None
        return len(self.near_misses) / len(self.reported)


def near_miss_share(incidents: Iterable[Incident], period: Period) -> NearMissShare:
    """The near misses among the incidents reported in ``period``.

    Raises:
        InvalidDataError: an item is not an Incident, an id is listed twice, or
            ``period`` is not a Period.
    """
    _require(period, Period, "period")
    reported = [
        incident
        for incident in unique_incidents(incidents)
        if incident.reported_at.date() in period
    ]
    return NearMissShare(
        period=period,
        reported=[incident.id for incident in reported],
        near_misses=[
            incident.id for incident in reported if incident.kind is IncidentKind.NEAR_MISS
        ],
    )


def near_miss_trend(
    incidents: Iterable[Incident], period: Period, *, periods: int = 4
) -> tuple[NearMissShare, ...]:
    """The near-miss share in ``period`` and the ``periods - 1`` equally long periods before it.

    Oldest first, so the last item is ``near_miss_share(incidents, period)``.

    Raises:
        InvalidDataError: as :func:`near_miss_share`, or ``periods`` is not a
            whole number from 1 to 100.
    """
    require_whole(periods, "periods", 1, 100)
    _require(period, Period, "period")
    given = unique_incidents(incidents)
    spans = [period]
    while len(spans) < periods:
        spans.append(spans[-1].previous())
    return tuple(near_miss_share(given, span) for span in reversed(spans))
