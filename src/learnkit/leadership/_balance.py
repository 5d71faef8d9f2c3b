"""The balance of operations and development (*drift og udvikling*), week by week.

A :class:`TimeAllocation` says how many hours one person spent on development
(learning, improving how the team works) and on operations (*drift*) in one
ISO week. :func:`balance` holds those weeks against a :class:`DevelopmentBand`
(by default 10–20 % development): it gives each week's development share,
flags the weeks below or above the band, and names the people who have had no
development time at all in the last weeks, so learning does not quietly
become an extra burden on top of the operations.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Final, cast

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.leadership._allocation import (
    DEFAULT_BAND,
    HOURS_IN_WEEK,
    BandPosition,
    DevelopmentBand,
    TimeAllocation,
    _hours,
    _monday,
    _optional_share,
    _require_whole,
    development_share,
    monday_of,
)
from learnkit.people import Roster
from learnkit.time import Period

__all__ = [
    "DEFAULT_NO_DEVELOPMENT_WEEKS",
    "BalanceReport",
    "PersonBalance",
    "WeekBalance",
    "balance",
]

DEFAULT_NO_DEVELOPMENT_WEEKS: Final = 4
"""After how many weeks without development time :func:`balance` names a person."""


@attrs.frozen(kw_only=True)
class WeekBalance:
    """One counted allocation held against the band.

    Attributes:
        person: The person's id.
        week: The Monday of the week.
        development_hours: As allocated.
        operations_hours: As allocated.
        share: The development share, or ``None`` when no hours were spent
            (such a week is neither inside nor outside the band).
        position: Where the share lies against the band, or ``None`` with the share.
    """

    person: str = attrs.field(validator=_validate.identifier)
    week: dt.date = attrs.field(validator=_monday)
    development_hours: float = attrs.field(
        converter=_hours, validator=_validate.number_between(0.0, HOURS_IN_WEEK)
    )
    operations_hours: float = attrs.field(
        converter=_hours, validator=_validate.number_between(0.0, HOURS_IN_WEEK)
    )
    share: float | None = attrs.field(
        converter=_optional_share,
        validator=_validate.optional(_validate.number_between(0.0, 1.0)),
    )
    position: BandPosition | None = attrs.field(
        validator=_validate.optional(_validate.instance_of(BandPosition))
    )

    def __attrs_post_init__(self) -> None:
        if (self.share is None) != (self.position is None):
            raise InvalidDataError.single(
                "position", self.position, "is set exactly when the share is"
            )

    @property
    def is_flagged(self) -> bool:
        """Whether the week lies outside the band (below or above it)."""
        return self.position in (BandPosition.BELOW, BandPosition.ABOVE)


@attrs.frozen(kw_only=True)
class PersonBalance:
    """One person's counted weeks, summed up.

    Attributes:
        person: The person's id.
        weeks: How many of the person's allocations were counted.
        development_hours: The sum over those weeks.
        operations_hours: The sum over those weeks.
        share: The development share of the summed hours, or ``None`` without hours.
        weeks_below: How many weeks lay below the band.
        weeks_above: How many weeks lay above the band.
    """

    person: str = attrs.field(validator=_validate.identifier)
    weeks: int = attrs.field(validator=_validate.count)
    development_hours: float = attrs.field(
        converter=_hours, validator=_validate.number_between(0.0, float("inf"))
    )
    operations_hours: float = attrs.field(
        converter=_hours, validator=_validate.number_between(0.0, float("inf"))
    )
    share: float | None = attrs.field(
        converter=_optional_share,
        validator=_validate.optional(_validate.number_between(0.0, 1.0)),
    )
    weeks_below: int = attrs.field(validator=_validate.count)
    weeks_above: int = attrs.field(validator=_validate.count)


def _week_key(item: WeekBalance) -> tuple[str, dt.date]:
    return (item.person, item.week)


def _person_key(item: PersonBalance) -> str:
    return item.person


def _sorted_weeks(value: Iterable[WeekBalance]) -> tuple[WeekBalance, ...]:
    return cast("tuple[WeekBalance, ...]", _validate.canonical_tuple(value, key=_week_key))


def _sorted_totals(value: Iterable[PersonBalance]) -> tuple[PersonBalance, ...]:
    return cast("tuple[PersonBalance, ...]", _validate.canonical_tuple(value, key=_person_key))


def _ids(value: Iterable[str]) -> tuple[str, ...]:
    return cast("tuple[str, ...]", _validate.canonical_tuple(value))


@attrs.frozen(kw_only=True)
class BalanceReport:
    """The operations/development balance of a group of people over a period.

    Weeks are sorted by person, then week; totals and names by person id.

    Attributes:
        period: The days looked at; a week counts when its Monday lies in it.
        band: The target band.
        people: The ids of everyone looked at, sorted.
        weeks: Every counted allocation, one per person and week.
        totals: One summary per person looked at (people without any counted
            week have zero weeks and no share).
        no_development_weeks: How many weeks ``no_development`` looks back.
        no_development: The people with working hours but no development
            hours at all in the period's last ``no_development_weeks`` weeks.
    """

    period: Period = attrs.field(validator=_validate.instance_of(Period))
    band: DevelopmentBand = attrs.field(validator=_validate.instance_of(DevelopmentBand))
    people: tuple[str, ...] = attrs.field(
        converter=_ids, validator=_validate.each(_validate.identifier)
    )
    weeks: tuple[WeekBalance, ...] = attrs.field(
        converter=_sorted_weeks, validator=_validate.each(_validate.instance_of(WeekBalance))
    )
    totals: tuple[PersonBalance, ...] = attrs.field(
        converter=_sorted_totals, validator=_validate.each(_validate.instance_of(PersonBalance))
    )
    no_development_weeks: int = attrs.field(validator=_validate.int_between(1, 520))
    no_development: tuple[str, ...] = attrs.field(
        converter=_ids, validator=_validate.each(_validate.identifier)
    )

    @property
    def flags(self) -> tuple[WeekBalance, ...]:
        """The weeks outside the band (below or above), sorted by person, then week."""
        return tuple(week for week in self.weeks if week.is_flagged)

    @property
    def counted(self) -> tuple[str, ...]:
        """The allocations counted, as ``person@week`` keys, sorted by person, then week."""
        return tuple(f"{week.person}@{week.week.isoformat()}" for week in self.weeks)

    def total(self, person: str) -> PersonBalance | None:
        """The summary of ``person``, or ``None`` when they were not looked at."""
        for item in self.totals:
            if item.person == person:
                return item
        return None


def _check_allocations(allocations: tuple[TimeAllocation, ...]) -> tuple[TimeAllocation, ...]:
    problems: list[Problem] = []
    first_seen: dict[tuple[str, dt.date], TimeAllocation] = {}
    for allocation in sorted(allocations, key=_allocation_order):
        key = (allocation.person, allocation.week)
        if key in first_seen:
            other = first_seen[key]
            problems.append(
                Problem(
                    f"allocations[{allocation.key}]",
                    allocation.key,
                    f"is allocated twice: {_describe(other)} and {_describe(allocation)}",
                )
            )
        else:
            first_seen[key] = allocation
    if problems:
        raise InvalidDataError(problems)
    return allocations


def _allocation_order(item: TimeAllocation) -> tuple[str, dt.date, float, float]:
    return (item.person, item.week, item.development_hours, item.operations_hours)


def _describe(allocation: TimeAllocation) -> str:
    return (
        f"{allocation.development_hours:g} development + "
        f"{allocation.operations_hours:g} operations hours"
    )


def _check_arguments(
    allocations: object,
    roster: object,
    *,
    period: object,
    team: object,
    people: object,
    band: object,
    no_development_weeks: object,
) -> tuple[tuple[TimeAllocation, ...], tuple[str, ...] | None]:
    """The allocations and people ids, once every argument has the right type.

    Raises:
        InvalidDataError: naming every argument of the wrong type at once.
    """
    problems: list[Problem] = []
    items = _validate.items_of(allocations, TimeAllocation, "allocations", problems)
    for value, kind, field in (
        (roster, Roster, "roster"),
        (period, Period, "period"),
    ):
        if not isinstance(value, kind):
            problems.append(Problem(field, value, f"must be a {kind.__name__}"))
    if team is not None and not isinstance(team, str):
        problems.append(Problem("team", team, "must be a team id (a string) or None"))
    ids: tuple[str, ...] | None = None
    if isinstance(people, str):
        problems.append(Problem("people", people, "must be a collection of ids, not one id"))
    elif people is not None:
        ids = _validate.items_of(people, str, "people", problems)
    if team is not None and people is not None:
        problems.append(Problem("people", people, "give either team or people, not both"))
    if not isinstance(band, DevelopmentBand):
        problems.append(Problem("band", band, "must be a DevelopmentBand"))
    try:
        _require_whole(no_development_weeks, "no_development_weeks", 1, 520)
    except InvalidDataError as error:
        problems.extend(error.problems)
    if problems:
        raise InvalidDataError(problems)
    return items, ids


def _scope(roster: Roster, team: str | None, people: tuple[str, ...] | None) -> tuple[str, ...]:
    if team is not None:
        return tuple(person.id for person in roster.members(team))
    if people is None:
        return tuple(person.id for person in roster)
    ids = tuple(sorted(set(people)))
    for person_id in ids:
        roster.person(person_id)
    return ids


def _mondays(period: Period) -> list[dt.date]:
    first = monday_of(period.first)
    if first < period.first:
        first += dt.timedelta(weeks=1)
    mondays = []
    while first <= period.last:
        mondays.append(first)
        first += dt.timedelta(weeks=1)
    return mondays


def balance(
    allocations: Iterable[TimeAllocation],
    roster: Roster,
    *,
    period: Period,
    team: str | None = None,
    people: Iterable[str] | None = None,
    band: DevelopmentBand = DEFAULT_BAND,
    no_development_weeks: int = DEFAULT_NO_DEVELOPMENT_WEEKS,
) -> BalanceReport:
    """The operations/development balance of a team (or some people) over ``period``.

    Looks at the members of ``team``, or at ``people``, or, given neither, at
    everyone in the roster. An allocation counts when its person is looked at
    and its week's Monday lies in ``period``; others are ignored.

    Guarantees:

    * every share lies in [0, 1]; a week without any hours has no share and
      is never flagged;
    * a week is flagged exactly when its share is below ``band.low`` or above
      ``band.high`` (both ends lie within the band);
    * a person is in ``no_development`` exactly when the period holds at least
      ``no_development_weeks`` Mondays and, in the weeks of its last
      ``no_development_weeks`` Mondays, the person has some hours allocated
      and not one development hour (a week without an allocation counts as
      no development; a person with no hours at all there is not named, as
      nothing is known about them);
    * the result does not depend on the order of ``allocations`` or ``people``.

    Raises:
        InvalidDataError: an argument has the wrong type (``allocations`` not
            a collection of :class:`TimeAllocation` values, ``roster`` not a
            Roster, ``period`` not a Period, ``team`` not a string, ``people``
            one string or not a collection of ids, ``band`` not a
            DevelopmentBand, ``no_development_weeks`` not 1 to 520) or both
            ``team`` and ``people`` are given (every such problem at once);
            or two allocations share a person and week (the error names both).
        UnknownIdError: ``team`` or one of ``people`` is not in the roster.
    """
    items, ids = _check_arguments(
        allocations,
        roster,
        period=period,
        team=team,
        people=people,
        band=band,
        no_development_weeks=no_development_weeks,
    )
    checked = _check_allocations(items)
    looked_at = _scope(roster, team, ids)
    scope = set(looked_at)
    counted = [item for item in checked if item.person in scope and item.week in period]
    weeks = [_week(item, band) for item in counted]
    mondays = _mondays(period)
    window = set(mondays[-no_development_weeks:]) if len(mondays) >= no_development_weeks else set()
    return BalanceReport(
        period=period,
        band=band,
        people=looked_at,
        weeks=weeks,
        totals=[_total(person, weeks) for person in looked_at],
        no_development_weeks=no_development_weeks,
        no_development=[
            person for person in looked_at if _without_development(person, counted, window)
        ],
    )


def _week(allocation: TimeAllocation, band: DevelopmentBand) -> WeekBalance:
    share = allocation.share
    return WeekBalance(
        person=allocation.person,
        week=allocation.week,
        development_hours=allocation.development_hours,
        operations_hours=allocation.operations_hours,
        share=share,
        position=None if share is None else band.position(share),
    )


def _total(person: str, weeks: list[WeekBalance]) -> PersonBalance:
    mine = sorted((week for week in weeks if week.person == person), key=_week_key)
    development = sum(week.development_hours for week in mine)
    operations = sum(week.operations_hours for week in mine)
    return PersonBalance(
        person=person,
        weeks=len(mine),
        development_hours=development,
        operations_hours=operations,
        share=development_share(development, operations),
        weeks_below=sum(1 for week in mine if week.position is BandPosition.BELOW),
        weeks_above=sum(1 for week in mine if week.position is BandPosition.ABOVE),
    )


def _without_development(person: str, counted: list[TimeAllocation], window: set[dt.date]) -> bool:
    recent = [item for item in counted if item.person == person and item.week in window]
    worked = any(item.development_hours + item.operations_hours > 0 for item in recent)
    return worked and all(item.development_hours == 0 for item in recent)
