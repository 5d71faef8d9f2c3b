"""Strategies for :mod:`learnkit.sharing`: formats, series, topics, absences, plans."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from learnkit import _validate
from learnkit.people import Roster
from learnkit.sharing import (
    BUILTIN_FORMATS,
    Absence,
    Assignment,
    BuddyRound,
    Expansion,
    HolidayPolicy,
    Plan,
    PlanRequest,
    PresenterChoice,
    Session,
    SessionFormat,
    SessionSeries,
    SkippedSession,
    Topic,
    TopicStatus,
    Turn,
    buddy_round,
    expand,
    plan,
)
from learnkit.strategies._foundation import _texts, calendars, periods, rosters
from learnkit.time import Calendar, Period, zone

__all__ = [
    "RULE_TEMPLATES",
    "absences",
    "buddy_rounds",
    "plan_requests",
    "plans",
    "session_formats",
    "session_series",
    "topics",
    "turns",
]

RULE_TEMPLATES: tuple[str, ...] = (
    "FREQ=WEEKLY;BYDAY=FR",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
    "FREQ=WEEKLY;BYDAY=MO,WE",
    "FREQ=MONTHLY;BYDAY=1FR",
    "FREQ=MONTHLY;BYDAY=-1FR",
    "FREQ=DAILY",
    "FREQ=WEEKLY;BYDAY=SU",
)
"""The recurrences :func:`session_series` picks from: every Friday first, then
every second Thursday, twice a week, the first and last Friday of a month, every
day, and a Sunday rule that falls on the weekend."""

_SERIES_ZONES = ("Europe/Copenhagen", "America/Nuuk", "Atlantic/Faroe", "UTC", "Australia/Sydney")
_WALL_TIMES = (dt.time(14), dt.time(8, 30), dt.time(2, 30), dt.time(23, 45), dt.time(0))
_MIN = dt.date(2024, 1, 1)
_MAX = dt.date(2031, 12, 31)
_ids = st.from_regex(r"[a-z][a-z0-9_-]{0,11}", fullmatch=True)


def session_formats() -> st.SearchStrategy[SessionFormat]:
    """Built-in formats, and formats of one's own with a name and 1 to 480 minutes."""
    own = st.builds(
        SessionFormat,
        id=_ids.filter(lambda text: text not in {f.id for f in BUILTIN_FORMATS}),
        minutes=st.integers(1, 480),
        name=_texts(("Bogklub", "Kodedojo", "Frokostforedrag")),
    )
    return st.sampled_from(BUILTIN_FORMATS) | own


def session_series(
    *,
    min_date: dt.date = _MIN,
    max_date: dt.date = _MAX,
    max_days: int = 400,
    rules: tuple[str, ...] = RULE_TEMPLATES,
) -> st.SearchStrategy[SessionSeries]:
    """Valid series around the awkward days: DST changes, holidays, wall times in the gap.

    The calendar (with up to 20 holidays) covers the series; wall times include
    02:30 (in the spring-forward gap in Europe) and midnight; zones include
    Sydney (daylight saving in the other hemisphere). Shrinks towards every Friday
    at 14:00 in Copenhagen.

    Args:
        min_date: The earliest first day.
        max_date: The latest last day.
        max_days: The longest series in days.
        rules: The recurrence rules to pick from.
    """
    _validate.require_count(max_days, "max_days")
    return st.builds(
        _series,
        period=periods(min_date=min_date, max_date=max_date, max_days=max(1, max_days)),
        format=session_formats(),
        rule=st.sampled_from(rules),
        start_time=st.sampled_from(_WALL_TIMES)
        | st.builds(dt.time, st.integers(0, 23), st.integers(0, 59)),
        key=st.sampled_from(_SERIES_ZONES),
        calendar=calendars(max_holidays=20, min_date=min_date, max_date=max_date).map(_unbounded),
        policy=st.sampled_from(HolidayPolicy),
        skip=st.integers(0, 3),
    )


def _unbounded(calendar: Calendar) -> Calendar:
    return Calendar(weekend=calendar.weekend, holidays=calendar.holidays)


def _series(  # noqa: PLR0917 - mirrors the fields it fills
    period: Period,
    format: SessionFormat,
    rule: str,
    start_time: dt.time,
    key: str,
    calendar: Calendar,
    policy: HolidayPolicy,
    skip: int,
) -> SessionSeries:
    series = SessionSeries(
        id="serie",
        name="Fredagsfortællinger",
        format=format,
        rule=rule,
        start_time=start_time,
        time_zone=zone(key),
        first=period.first,
        last=period.last,
        calendar=calendar,
        holiday_policy=policy,
    )
    occurrences = list(series.occurrences())
    exceptions = tuple(occurrences[index] for index in range(0, len(occurrences), 7)[:skip])
    return SessionSeries(
        id=series.id,
        name=series.name,
        format=format,
        rule=rule,
        start_time=start_time,
        time_zone=series.time_zone,
        first=series.first,
        last=series.last,
        calendar=calendar,
        holiday_policy=policy,
        exceptions=exceptions,
    )


def topics(
    *, voters: tuple[str, ...] = ("p01", "p02", "p03", "p04", "p05")
) -> st.SearchStrategy[Topic]:
    """Topics in every status with up to all of ``voters`` voting."""
    return st.builds(
        Topic,
        id=_ids,
        title=_texts(
            ("Sådan tester vi med Hypothesis", "Det lærte vi af nedbruddet", "Kundeinterviews")
        ),
        proposed_by=st.sampled_from(voters),
        proposed_on=st.dates(_MIN, _MAX),
        votes=st.sets(st.sampled_from(voters)).map(tuple),
        status=st.sampled_from(TopicStatus),
        tags=st.sets(st.sampled_from(("test", "drift", "kunder", "læring"))).map(tuple),
    )


def absences(*, people: tuple[str, ...] = ("p01", "p02", "p03")) -> st.SearchStrategy[Absence]:
    """Absences of up to four weeks by one of ``people``."""
    return st.builds(
        Absence,
        person=st.sampled_from(people),
        period=periods(min_date=_MIN, max_date=_MAX, max_days=28),
    )


def turns(*, people: tuple[str, ...] = ("p01", "p02", "p03")) -> st.SearchStrategy[Turn]:
    """Past turns of one of ``people``."""
    return st.builds(Turn, person=st.sampled_from(people), on=st.dates(_MIN, _MAX))


def plans(*, roster_source: st.SearchStrategy[Roster] | None = None) -> st.SearchStrategy[Plan]:
    """Genuine plans of a short generated series on a generated roster."""
    source = rosters(min_size=1, max_size=8, start_dates=st.dates(_MIN, dt.date(2025, 6, 1)))
    return st.builds(
        _plan,
        roster=source if roster_source is None else roster_source,
        series=session_series(min_date=dt.date(2025, 6, 1), max_date=_MAX, max_days=120),
        presenters=st.sampled_from((1, 2)),
        seed=st.integers(0, 2**16),
    ).filter(lambda made: bool(made.assignments))


def buddy_rounds(
    *, roster_source: st.SearchStrategy[Roster] | None = None
) -> st.SearchStrategy[BuddyRound]:
    """Genuine rounds of learning buddies for everyone on a generated roster."""
    source = rosters(min_size=2, max_size=12) if roster_source is None else roster_source
    return st.builds(
        lambda roster, on, seed: buddy_round(
            [person.id for person in roster], roster, on=on, seed=seed
        ),
        source,
        st.dates(_MIN, _MAX),
        st.integers(0, 2**16),
    )


def plan_requests(
    *, roster_source: st.SearchStrategy[Roster] | None = None
) -> st.SearchStrategy[PlanRequest]:
    """Valid plan requests on a small roster.

    A short series, and a backlog, absences, history, volunteers and eligible
    people drawn from that roster (eligible is ``None`` now and then).

    Args:
        roster_source: Where the roster comes from; small rosters by default.
    """
    source = rosters(min_size=1, max_size=6, start_dates=st.dates(_MIN, dt.date(2025, 6, 1)))
    return (source if roster_source is None else roster_source).flatmap(_request_for)


def _request_for(roster: Roster) -> st.SearchStrategy[PlanRequest]:
    ids = tuple(sorted(person.id for person in roster))
    people = st.sampled_from(ids)
    return st.builds(
        PlanRequest,
        series=session_series(min_date=dt.date(2025, 6, 1), max_date=_MAX, max_days=90),
        roster=st.just(roster),
        topics=st.lists(topics(voters=ids), max_size=4, unique_by=lambda topic: topic.id),
        absences=st.lists(absences(people=ids), max_size=4),
        history=st.lists(turns(people=ids), max_size=4),
        seed=st.integers(-(2**31), 2**31),
        presenters=st.sampled_from((1, 2)),
        cross_team_pairs=st.booleans(),
        newcomer_weeks=st.integers(0, 12),
        volunteers=st.sets(people, max_size=2).map(sorted),
        eligible=st.none() | st.sets(people, min_size=1).map(sorted),
    )


def _plan(roster: Roster, series: SessionSeries, presenters: int, seed: int) -> Plan:
    return plan(series, roster, series.period, presenters=presenters, seed=seed, newcomer_weeks=0)


def _expansions() -> st.SearchStrategy[Expansion]:
    return session_series(max_days=60).map(expand)


def _sessions() -> st.SearchStrategy[Session]:
    return (
        _expansions()
        .filter(lambda e: bool(e.sessions))
        .flatmap(lambda e: st.sampled_from(e.sessions))
    )


def _skipped() -> st.SearchStrategy[SkippedSession]:
    return (
        session_series(max_days=120, rules=("FREQ=DAILY",))
        .map(expand)
        .filter(lambda e: bool(e.skipped))
        .flatmap(lambda e: st.sampled_from(e.skipped))
    )


def _assignments() -> st.SearchStrategy[Assignment]:
    return plans().flatmap(lambda p: st.sampled_from(p.assignments))


def _presenter_choices() -> st.SearchStrategy[PresenterChoice]:
    return _assignments().flatmap(lambda a: st.sampled_from(a.presenters))


FACTORIES: tuple[tuple[type, Callable[[], st.SearchStrategy[Any]]], ...] = (
    (SessionFormat, session_formats),
    (SessionSeries, session_series),
    (Expansion, _expansions),
    (Session, _sessions),
    (SkippedSession, _skipped),
    (Topic, topics),
    (Absence, absences),
    (Turn, turns),
    (Plan, plans),
    (PlanRequest, plan_requests),
    (BuddyRound, buddy_rounds),
    (Assignment, _assignments),
    (PresenterChoice, _presenter_choices),
)
"""The default strategy of every public type of :mod:`learnkit.sharing`, for ``st.from_type``."""
