"""Strategies for :mod:`learnkit.leadership`: recognitions, time allocations and their reports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from hypothesis import strategies as st

from learnkit import _validate
from learnkit.exceptions import InvalidDataError
from learnkit.leadership._allocation import DevelopmentBand, TimeAllocation, monday_of
from learnkit.leadership._balance import (
    BalanceReport,
    PersonBalance,
    WeekBalance,
    _week,
    balance,
)
from learnkit.leadership._recognition import (
    Recognition,
    RecognitionCount,
    RecognitionKind,
    RecognitionMix,
    recognition_mix,
)
from learnkit.people import Roster
from learnkit.strategies._foundation import (
    _ids,
    _require_sizes,
    _require_span,
    _texts,
    aware_datetimes,
    periods,
    rosters,
)
from learnkit.time import Period

__all__ = [
    "balance_reports",
    "development_bands",
    "person_balances",
    "recognition_counts",
    "recognition_mixes",
    "recognitions",
    "time_allocations",
    "week_balances",
]

_MIN_DATE = dt.date(2024, 1, 1)
_MAX_DATE = dt.date(2028, 12, 31)
_MESSAGES = (
    "Tak for hjælpen med deployet i går!",
    "Godt spurgt på fredagsfortællingen – det fik os alle til at tænke.",
    "Modigt at prøve den nye testopsætning af, selv om den ikke holdt.",
    "Thanks for sharing the notes from the workshop.",
    "Great effort on the migration, even with the late changes.",
    "Flot resultat på kundetilfredsheden i kvartalet.",
)
_kinds = st.sampled_from(tuple(RecognitionKind))
# Hours as timesheets have them (whole and half hours) and, now and then, any
# fraction; two of them (at most 2 x 60) always fit in a week.
_hours = st.one_of(
    st.integers(0, 50).map(lambda half_hours: half_hours / 2),
    st.floats(0.0, 60.0, allow_nan=False, allow_infinity=False),
)


def recognitions(
    *,
    people: Sequence[str] | None = None,
    min_date: dt.date = _MIN_DATE,
    max_date: dt.date = _MAX_DATE,
) -> st.SearchStrategy[Recognition]:
    """Valid recognitions between two different people, at aware times in many zones.

    Args:
        people: The ids givers and receivers come from (at least two); any ids by default.
        min_date: The earliest local date of ``at``.
        max_date: The latest local date of ``at``.

    Raises:
        InvalidDataError: fewer than two distinct ``people`` or ``max_date < min_date``.
    """
    _require_span(min_date, max_date)
    if people is None:
        pairs = st.lists(_ids, min_size=2, max_size=2, unique=True)
    else:
        chosen = sorted(set(people))
        if len(chosen) < 2:
            raise InvalidDataError.single("people", people, "must hold at least two ids")
        pairs = st.lists(st.sampled_from(chosen), min_size=2, max_size=2, unique=True)
    return st.builds(
        _recognition,
        id=st.integers(1, 9999).map("a{}".format) | _ids,
        pair=pairs,
        at=aware_datetimes(min_date=min_date, max_date=max_date),
        kind=_kinds,
        message=_texts(_MESSAGES, max_size=60),
    )


def _recognition(
    *, id: str, pair: list[str], at: dt.datetime, kind: RecognitionKind, message: str
) -> Recognition:
    return Recognition(id=id, giver=pair[0], receiver=pair[1], at=at, kind=kind, message=message)


def recognition_counts() -> st.SearchStrategy[RecognitionCount]:
    """A count of recognitions of one kind."""
    return st.builds(RecognitionCount, _kinds, st.integers(0, 1000))


@st.composite
def _team_recognitions(
    draw: st.DrawFn, max_people: int, max_recognitions: int
) -> tuple[Roster, str, list[Recognition], Period]:
    roster = draw(rosters(min_size=2, max_size=max_people, max_teams=3))
    team = draw(st.sampled_from([team.id for team in roster.teams]))
    period = draw(periods(min_date=_MIN_DATE, max_date=_MAX_DATE, max_days=120))
    ids = [person.id for person in roster]
    window_first = period.first - dt.timedelta(days=2)
    window_last = period.last + dt.timedelta(days=2)
    items = draw(
        st.lists(
            recognitions(people=ids, min_date=window_first, max_date=window_last),
            max_size=max_recognitions,
            unique_by=lambda item: item.id,
        )
    )
    return roster, team, items, period


def recognition_mixes(
    *, max_people: int = 8, max_recognitions: int = 20
) -> st.SearchStrategy[RecognitionMix]:
    """Mixes computed by :func:`~learnkit.leadership.recognition_mix` from generated rosters.

    Raises:
        InvalidDataError: a size is negative or ``max_people`` is below 2.
    """
    _require_sizes(2, max_people)
    _validate.require_count(max_recognitions, "max_recognitions")
    return _team_recognitions(max_people, max_recognitions).map(
        lambda drawn: recognition_mix(drawn[2], drawn[0], team=drawn[1], period=drawn[3])
    )


def time_allocations(
    *,
    people: Sequence[str] | None = None,
    min_date: dt.date = _MIN_DATE,
    max_date: dt.date = _MAX_DATE,
) -> st.SearchStrategy[TimeAllocation]:
    """Valid allocations: a Monday between the dates, whole, half or any fraction of hours.

    Args:
        people: The ids to pick from; any ids by default.
        min_date: The earliest day the Monday may fall on (moved on to a Monday).
        max_date: The latest day the Monday may fall on.

    Raises:
        InvalidDataError: ``people`` is empty, or no Monday lies between the dates.
    """
    _require_span(min_date, max_date)
    first = monday_of(min_date)
    if first < min_date:
        first += dt.timedelta(weeks=1)
    if first > max_date:
        raise InvalidDataError.single("max_date", max_date, "leaves no Monday after min_date")
    weeks = (max_date - first).days // 7
    if people is None:
        persons: st.SearchStrategy[str] = _ids
    else:
        chosen = sorted(set(people))
        if not chosen:
            raise InvalidDataError.single("people", people, "must hold at least one id")
        persons = st.sampled_from(chosen)
    return st.builds(
        TimeAllocation,
        person=persons,
        week=st.integers(0, weeks).map(lambda n: first + dt.timedelta(weeks=n)),
        development_hours=_hours,
        operations_hours=_hours,
    )


def development_bands() -> st.SearchStrategy[DevelopmentBand]:
    """Valid bands, from the default 10–20 % to empty-width and full-range ones."""
    bound = st.one_of(
        st.sampled_from((0.0, 0.1, 0.15, 0.2, 0.25, 1.0)), st.floats(0.0, 1.0, allow_nan=False)
    )
    return st.one_of(
        st.just(DevelopmentBand()),
        st.lists(bound, min_size=2, max_size=2).map(
            lambda pair: DevelopmentBand(low=min(pair), high=max(pair))
        ),
    )


@st.composite
def _balance_inputs(
    draw: st.DrawFn, max_people: int, max_weeks: int
) -> tuple[list[TimeAllocation], Roster, Period, DevelopmentBand, int]:
    roster = draw(rosters(min_size=1, max_size=max_people, max_teams=2))
    ids = [person.id for person in roster]
    first = monday_of(draw(st.dates(_MIN_DATE, _MAX_DATE)))
    weeks = draw(st.integers(1, max_weeks))
    period = Period(first=first, last=first + dt.timedelta(weeks=weeks, days=-1))
    drawn = draw(
        st.lists(
            time_allocations(
                people=ids, min_date=first - dt.timedelta(weeks=1), max_date=period.last
            ),
            max_size=max_people * (weeks + 1),
            unique_by=lambda item: (item.person, item.week),
        )
    )
    band = draw(development_bands())
    return drawn, roster, period, band, draw(st.integers(1, max_weeks))


def balance_reports(*, max_people: int = 6, max_weeks: int = 8) -> st.SearchStrategy[BalanceReport]:
    """Reports computed by :func:`~learnkit.leadership.balance` over everyone in generated rosters.

    Raises:
        InvalidDataError: ``max_people`` or ``max_weeks`` is below 1.
    """
    _require_sizes(1, max_people)
    _require_sizes(1, max_weeks)
    return _balance_inputs(max_people, max_weeks).map(
        lambda drawn: balance(
            drawn[0], drawn[1], period=drawn[2], band=drawn[3], no_development_weeks=drawn[4]
        )
    )


def week_balances() -> st.SearchStrategy[WeekBalance]:
    """Generated allocations held against generated bands.

    The allocations are held against the bands as
    :func:`~learnkit.leadership.balance` does.
    """
    return st.builds(_week, time_allocations(), development_bands())


def person_balances() -> st.SearchStrategy[PersonBalance]:
    """Per-person summaries of generated balance reports."""
    return balance_reports().flatmap(lambda report: st.sampled_from(report.totals))


FACTORIES: tuple[tuple[type, Callable[[], st.SearchStrategy[Any]]], ...] = (
    (Recognition, recognitions),
    (RecognitionCount, recognition_counts),
    (RecognitionMix, recognition_mixes),
    (TimeAllocation, time_allocations),
    (DevelopmentBand, development_bands),
    (WeekBalance, week_balances),
    (PersonBalance, person_balances),
    (BalanceReport, balance_reports),
)
"""The default strategy of every public leadership type, for ``st.from_type``."""
