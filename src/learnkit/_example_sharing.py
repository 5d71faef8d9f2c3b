"""Knowledge sharing at the example organisation: Friday stories, mini-workshops, buddies.

:func:`build_sharing` adds to *Fjordlys A/S* (see :mod:`learnkit.examples`), from
its roster, a date and a seed, without reading files or the clock:

* *Fredagsfortællinger*: a Friday story every Friday at 14:00 in
  Europe/Copenhagen, from the first Friday 16 weeks before ``as_of`` to the end
  of the next year, on the Danish calendar with the days many workplaces give
  off (Juleaftensdag, Nytårsaften, Grundlovsdag, 1 May); sessions on a holiday
  are skipped (Juledag 2026-12-25 and Langfredag 2027-03-26 are Fridays);
* *Miniworkshops*: a mini-workshop every second Thursday at 13:00 over the same
  span, moved to the day before when the Thursday is a holiday (Kristi
  himmelfartsdag);
* a backlog of fourteen topics, each proposed by someone from the team it
  concerns, with votes from colleagues (some tied); three were held in the
  autumn, the rest are proposed;
* absences: winter holidays in February (week 7 in København, week 8 in
  Aarhus), Christmas holidays, a three-day course, a parental leave and
  someone ill in the week of ``as_of``;
* the history: the Friday stories since the series started, planned by the
  same rotation, up to the day before ``as_of``;
* four past weekly rounds of learning buddies, the Mondays before the week of
  ``as_of``.

The calendar comes from the ``holidays`` package when it is installed
(:meth:`~learnkit.time.Calendar.for_country`); without it, from the same days
computed here, so the demo runs without the extra and shows the same thing.

The same roster, date and seed always give equal records; every record is valid.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Final

import attrs
from dateutil.easter import easter

from learnkit.people import Person, Roster
from learnkit.sharing import (
    FRIDAY_STORY,
    MINI_WORKSHOP,
    Absence,
    BuddyRound,
    HolidayPolicy,
    PlanRequest,
    SessionSeries,
    Topic,
    TopicStatus,
    Turn,
    buddy_round,
    plan,
)
from learnkit.time import Calendar, Holiday, Period

__all__ = [
    "BUDDY_ROUNDS",
    "FRIDAY_SERIES",
    "WORKSHOP_SERIES",
    "SharingExamples",
    "build_sharing",
    "danish_calendar",
    "monday_of",
    "next_quarter",
]

FRIDAY_SERIES: Final = "fredag"
"""The id of the Friday stories."""

WORKSHOP_SERIES: Final = "miniworkshop"
"""The id of the mini-workshops."""

BUDDY_ROUNDS: Final = 4
"""How many weekly rounds of learning buddies the history holds."""

_HISTORY_WEEKS: Final = 16


@attrs.frozen(kw_only=True)
class SharingExamples:
    """The example organisation's sessions, backlog, absences and history.

    Attributes:
        series: The Friday stories, then the mini-workshops.
        topics: The topic backlog, sorted by id.
        absences: Who is away when, sorted by person and first day.
        history: The Friday stories' turns before ``as_of``, in order.
        buddy_history: Past rounds of learning buddies, oldest first.
    """

    series: tuple[SessionSeries, ...]
    topics: tuple[Topic, ...]
    absences: tuple[Absence, ...]
    history: tuple[Turn, ...]
    buddy_history: tuple[BuddyRound, ...]

    @property
    def friday_stories(self) -> SessionSeries:
        """The Friday stories (*fredagsfortællinger*)."""
        return self.series[0]

    @property
    def workshops(self) -> SessionSeries:
        """The mini-workshops."""
        return self.series[1]

    def request(self, roster: Roster, *, seed: int) -> PlanRequest:
        """The Friday stories' plan request: what ``learnkit example --sharing`` writes."""
        return PlanRequest(
            series=self.friday_stories,
            roster=roster,
            topics=self.topics,
            absences=self.absences,
            history=self.history,
            seed=seed,
        )


_MONTHS_PER_QUARTER: Final = 3


def monday_of(day: dt.date) -> dt.date:
    """The Monday of ``day``'s ISO week."""
    return day - dt.timedelta(days=day.weekday())


def next_quarter(as_of: dt.date) -> tuple[int, Period]:
    """The calendar quarter after the one ``as_of`` lies in: its number (1–4) and its days."""
    quarter = (as_of.month - 1) // _MONTHS_PER_QUARTER + 1
    year = as_of.year + quarter // 4
    number = quarter % 4 + 1
    first = dt.date(year, _MONTHS_PER_QUARTER * (number - 1) + 1, 1)
    after = dt.date(year + 1, 1, 1) if number == 4 else dt.date(year, 3 * number + 1, 1)
    return number, Period(first, after - dt.timedelta(days=1))


# --- the calendar ---------------------------------------------------------------------


def danish_calendar(years: range) -> Calendar:
    """Denmark's public holidays and the usual days off for ``years``.

    The ``holidays`` package's calendar (with ``include_optional``) when it is
    installed, else the same days with the same names, computed from Easter.
    """
    try:
        return Calendar.for_country("DK", years=years, include_optional=True)
    except ImportError:
        return _computed_calendar(years)


def _computed_calendar(years: range) -> Calendar:
    days: list[tuple[dt.date, str]] = []
    for year in years:
        sunday = easter(year)
        fixed = (
            (dt.date(year, 1, 1), "Nytårsdag"),
            (dt.date(year, 5, 1), "Arbejdernes kampdag"),
            (dt.date(year, 6, 5), "Grundlovsdag"),
            (dt.date(year, 12, 24), "Juleaftensdag"),
            (dt.date(year, 12, 25), "Juledag"),
            (dt.date(year, 12, 26), "Anden juledag"),
            (dt.date(year, 12, 31), "Nytårsaften"),
        )
        moving = [
            (-3, "Skærtorsdag"),
            (-2, "Langfredag"),
            (0, "Påskedag"),
            (1, "Anden påskedag"),
            (39, "Kristi himmelfartsdag"),
            (49, "Pinsedag"),
            (50, "Anden pinsedag"),
        ]
        if year < 2024:  # Store bededag was abolished from 2024
            moving.append((26, "Store bededag"))
        days += fixed
        days += [(sunday + dt.timedelta(days=offset), name) for offset, name in moving]
    names: dict[dt.date, set[str]] = {}
    for day, name in days:  # Pinsedag can fall on Grundlovsdag
        names.setdefault(day, set()).add(name)
    return Calendar(
        holidays=[Holiday(day, "; ".join(sorted(found))) for day, found in names.items()],
        first_day=dt.date(years[0], 1, 1),
        last_day=dt.date(years[-1], 12, 31),
    )


def _series(as_of: dt.date) -> tuple[SessionSeries, SessionSeries]:
    start = as_of - dt.timedelta(weeks=_HISTORY_WEEKS)
    friday = start + dt.timedelta(days=(4 - start.weekday()) % 7)
    thursday = start + dt.timedelta(days=(3 - start.weekday()) % 7)
    last = dt.date(as_of.year + 1, 12, 31)
    calendar = danish_calendar(range(start.year, last.year + 1))
    stories = SessionSeries(
        id=FRIDAY_SERIES,
        name="Fredagsfortællinger",
        format=FRIDAY_STORY,
        rule="FREQ=WEEKLY;BYDAY=FR",
        start_time=dt.time(14),
        first=friday,
        last=last,
        calendar=calendar,
        holiday_policy=HolidayPolicy.SKIP,
    )
    workshops = SessionSeries(
        id=WORKSHOP_SERIES,
        name="Miniworkshops",
        format=MINI_WORKSHOP,
        rule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
        start_time=dt.time(13),
        first=thursday,
        last=last,
        calendar=calendar,
        holiday_policy=HolidayPolicy.MOVE_EARLIER,
    )
    return stories, workshops


# --- topics ---------------------------------------------------------------------------

# (id, title, the team it concerns, tags)
_TOPICS: Final = (
    ("hypothesis", "Sådan tester vi med Hypothesis", "platform", ("test",)),
    ("nedbrud-oktober", "Det lærte vi af nedbruddet i oktober", "platform", ("drift", "læring")),
    ("feature-flags", "Feature flags i praksis", "platform", ("drift",)),
    ("terraform", "Infrastruktur som kode med Terraform", "platform", ("drift",)),
    ("datakvalitet", "Datakvalitet: når tallene lyver", "data", ("data",)),
    ("dashboards", "Fra Excel-ark til dashboards", "data", ("data", "værktøjer")),
    ("kundeinterviews", "Kundeinterviews på 30 minutter", "produkt", ("kunder",)),
    ("tilgaengelighed", "Tilgængelighed (WCAG) i vores produkt", "produkt", ("design",)),
    ("top-10-opkald", "Hvad kunderne ringer om – top 10", "kundeservice", ("kunder",)),
    ("svaere-samtaler", "Svære samtaler i telefonen", "kundeservice", ("kunder", "læring")),
    ("pipeline", "Salgets pipeline forklaret for udviklere", "salg", ("kunder", "salg")),
    ("tilbud", "Hvordan et tilbud bliver til", "salg", ("salg",)),
    ("gdpr", "GDPR i hverdagen", "stab", ("jura",)),
    ("onboarding", "God onboarding – hvad virker?", "stab", ("læring",)),
)
_HELD: Final = frozenset({"nedbrud-oktober", "dashboards", "onboarding"})


def _topics(rng: random.Random, roster: Roster, as_of: dt.date) -> list[Topic]:
    first = as_of - dt.timedelta(weeks=_HISTORY_WEEKS + 8)
    everyone = [person for person in roster if person.has_started(first)]
    topics = []
    for topic_id, title, team, tags in _TOPICS:
        proposed_on = first + dt.timedelta(days=rng.randrange(7 * _HISTORY_WEEKS))
        members = [p for p in everyone if p.team == team] or everyone
        proposer = rng.choice(members) if members else None
        voters = rng.sample(everyone, min(len(everyone), rng.choice((0, 2, 3, 5, 5, 7, 9, 12))))
        topics.append(
            Topic(
                id=topic_id,
                title=title,
                proposed_by=proposer.id if proposer is not None else "p01",
                proposed_on=proposed_on,
                votes=[voter.id for voter in voters],
                status=TopicStatus.HELD if topic_id in _HELD else TopicStatus.PROPOSED,
                tags=tags,
            )
        )
    return topics


# --- absences -------------------------------------------------------------------------


def _absences(rng: random.Random, roster: Roster, as_of: dt.date) -> list[Absence]:
    people = sorted(roster, key=lambda person: person.id)
    if not people:
        return []
    year = as_of.year if as_of.month < 2 else as_of.year + 1
    absences: list[Absence] = []
    # Winter holidays: week 7 in København, week 8 elsewhere (Aarhus), for families.
    for person in rng.sample(people, min(len(people), 9)):
        week = 7 if person.location == "København" else 8
        monday = dt.date.fromisocalendar(year, week, 1)
        absences.append(_away(person, monday, monday + dt.timedelta(days=4)))
    # Christmas holidays between Christmas and the New Year.
    christmas = dt.date(as_of.year, 12, 21)
    for person in rng.sample(people, min(len(people), 12)):
        absences.append(_away(person, christmas, dt.date(as_of.year + 1, 1, 3)))
    course, leave, ill = rng.sample(people, 3) if len(people) >= 3 else (people[0],) * 3
    # A three-day course (Tuesday to Thursday) some weeks ahead, a parental leave, an illness.
    tuesday = monday_of(as_of) + dt.timedelta(weeks=rng.randrange(3, 8), days=1)
    absences.append(_away(course, tuesday, tuesday + dt.timedelta(days=2)))
    leave_from = as_of + dt.timedelta(days=rng.randrange(20, 50))
    absences.append(_away(leave, leave_from, leave_from + dt.timedelta(weeks=14)))
    absences.append(_away(ill, as_of, monday_of(as_of) + dt.timedelta(days=4)))
    return sorted(absences, key=lambda a: (a.person, a.period.first, a.period.last))


def _away(person: Person, first: dt.date, last: dt.date) -> Absence:
    return Absence(person=person.id, period=Period(first, max(first, last)))


# --- history --------------------------------------------------------------------------


def _history(
    series: SessionSeries, roster: Roster, absences: list[Absence], as_of: dt.date, seed: int
) -> tuple[Turn, ...]:
    # The series starts at least 15 weeks before as_of, so the span is never empty.
    before = as_of - dt.timedelta(days=1)
    past = plan(series, roster, Period(series.first, before), absences=absences, seed=seed)
    return past.turns()


def _buddy_history(roster: Roster, as_of: dt.date, seed: int) -> tuple[BuddyRound, ...]:
    rounds: list[BuddyRound] = []
    this_week = monday_of(as_of)
    for weeks in range(BUDDY_ROUNDS, 0, -1):
        monday = this_week - dt.timedelta(weeks=weeks)
        people = [person.id for person in roster if person.has_started(monday)]
        rounds.append(buddy_round(people, roster, on=monday, seed=seed, history=rounds))
    return tuple(rounds)


def build_sharing(roster: Roster, as_of: dt.date, seed: int) -> SharingExamples:
    """The example organisation's Friday stories, workshops, backlog, absences and history.

    See the module's documentation for what it holds. Deterministic: the same
    roster, date and seed give equal examples.
    """
    rng = random.Random(f"{seed} sharing")
    stories, workshops = _series(as_of)
    absences = _absences(rng, roster, as_of)
    return SharingExamples(
        series=(stories, workshops),
        topics=tuple(sorted(_topics(rng, roster, as_of), key=lambda topic: topic.id)),
        absences=tuple(absences),
        history=_history(stories, roster, absences, as_of, seed),
        buddy_history=_buddy_history(roster, as_of, seed),
    )
