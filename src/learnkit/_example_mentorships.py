"""Mentorships and their check-ins at the example organisation.

:func:`build_mentorships` adds to *Fjordlys A/S* (see :mod:`learnkit.examples`),
from its roster, its mentor scheme's round, a date, a seed and a calendar,
without reading files or the clock, a mentorship for the people who started in
the last year:

* the newcomers of the round (fewer than 90 days here) are paired with the
  mentor :func:`~learnkit.mentoring.optimal` matches them with, so the demo's
  matches and the records agree: most started their mentorship within 30 days
  of their own start; one only after 45 days (the latest newcomer who has been
  here at least 47 days, when there is one); one who has been here at least 30
  days has none yet (the latest such newcomer); and the newest, when they
  started fewer than 30 days ago, has only a proposed mentorship;
* the others who started 90 to 365 days ago had an experienced colleague as
  mentor (three years here, not the director, not in their line of
  management, not one of the round's mentors, who are free to take someone
  new), each a mentor of their own; those whose six months are over have
  ended, with a closing reflection;
* check-ins on the default cadence (every two weeks, then monthly), held on
  the scheduled working day or a day or two off it, before ``as_of``; one
  active mentorship missed its latest check-in, which is overdue as of
  ``as_of`` (the one whose latest check-in lies in the week before
  ``as_of``, when there is one).

The same inputs always give equal records; every record is valid.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Final

import attrs

from learnkit.mentoring import (
    CheckIn,
    Cohort,
    Mentorship,
    MentorshipStatus,
    activate,
    check_in_dates,
    end,
    optimal,
    propose,
)
from learnkit.people import Person, Roster
from learnkit.time import Calendar

__all__ = ["MentorshipExamples", "build_mentorships"]

_YEAR: Final = 365
_NEWCOMER_DAYS: Final = 90
_PROMPT_DAYS: Final = 30  # "within 30 days of starting"
_LATE_DAYS: Final = 45  # the one who waited
_SEASONED_DAYS: Final = 3 * _YEAR
_NOTES: Final = (
    "Gennemgik den første uge og hvem man spørger om hvad.",
    "Talte om kodegennemgang og om at spørge tidligt.",
    "Aftalte at følge med til et kundemøde.",
    "Snakkede om fredagsfortællinger og et muligt første oplæg.",
    "Gik læringsmålene fra MUS igennem.",
)
_REFLECTIONS: Final = (
    "Vi lærte, at korte faste møder virker bedre end lange og sjældne.",
    "Det hjalp at have én at spørge uden at føle sig dum.",
    "Mentee har nu sit eget netværk i huset; vi fortsætter uformelt.",
)


@attrs.frozen(kw_only=True)
class MentorshipExamples:
    """The example organisation's mentorships and the check-ins held.

    Attributes:
        mentorships: One per person who started in the last year and has a
            mentor, sorted by id.
        check_ins: The check-ins held before ``as_of``, sorted by mentorship and day.
        overdue: The id of the active mentorship whose latest check-in was
            missed, or ``None`` when no mentorship has had a check-in yet.
    """

    mentorships: tuple[Mentorship, ...]
    check_ins: tuple[CheckIn, ...]
    overdue: str | None


def _mentorship_id(mentee: str) -> str:
    return f"mentorskab-{mentee}"


def _started(calendar: Calendar, day: dt.date, as_of: dt.date) -> dt.date:
    return min(calendar.next_working_day(day, inclusive=True), as_of)


def _newcomer_mentorships(
    rng: random.Random, cohort: Cohort, as_of: dt.date, calendar: Calendar
) -> list[Mentorship]:
    roster = cohort.roster
    matched = {match.mentee: match.mentor for match in optimal(cohort).matches}
    newcomers = sorted(
        (roster.person(request.mentee) for request in cohort.requests),
        key=lambda p: (p.start_date, p.id),
        reverse=True,
    )
    days = {p.id: (as_of - p.start_date).days for p in newcomers}
    none = next((p.id for p in newcomers if days[p.id] >= _PROMPT_DAYS), None)
    late = next(
        (p.id for p in newcomers if p.id != none and days[p.id] >= _LATE_DAYS + 2),
        None,
    )
    newest = newcomers[0].id if newcomers and days[newcomers[0].id] < _PROMPT_DAYS else None
    found: list[Mentorship] = []
    for person in newcomers:
        mentor = matched.get(person.id)
        if mentor is None or person.id == none:
            continue
        proposed = propose(
            _mentorship_id(person.id), mentor=mentor, mentee=person.id, on=person.start_date
        )
        if person.id == newest or days[person.id] < 3:
            found.append(proposed)
            continue
        if person.id == late:
            offset = _LATE_DAYS + rng.randint(0, min(5, days[person.id] - _LATE_DAYS - 2))
        else:
            offset = rng.randint(2, min(days[person.id], _PROMPT_DAYS - 5))
        start = _started(calendar, person.start_date + dt.timedelta(days=offset), as_of)
        found.append(activate(proposed, on=start))
    return found


def _earlier_mentorships(
    rng: random.Random, cohort: Cohort, as_of: dt.date, calendar: Calendar
) -> list[Mentorship]:
    roster = cohort.roster
    offering = {offer.mentor for offer in cohort.offers}
    requested = {request.mentee for request in cohort.requests}
    joiners = sorted(
        (
            p
            for p in roster
            if p.id not in requested and _NEWCOMER_DAYS <= (as_of - p.start_date).days <= _YEAR
        ),
        key=lambda p: (p.start_date, p.id),
    )
    director = next((p.id for p in roster if p.manager is None), None)
    pool = sorted(
        (
            p
            for p in roster
            if p.id not in offering
            and p.id != director
            and (as_of - p.start_date).days >= _SEASONED_DAYS
        ),
        key=lambda p: p.id,
    )
    found: list[Mentorship] = []
    for person in joiners:
        candidates = [p for p in pool if _may_mentor(roster, p, person)]
        if not candidates:
            continue
        mentor = rng.choice(candidates)
        pool.remove(mentor)
        proposed = propose(
            _mentorship_id(person.id), mentor=mentor.id, mentee=person.id, on=person.start_date
        )
        offset = rng.randint(2, _PROMPT_DAYS - 5)
        active = activate(
            proposed, on=_started(calendar, person.start_date + dt.timedelta(days=offset), as_of)
        )
        planned_end = active.planned_end
        if planned_end is not None and planned_end < as_of:
            ended_on = calendar.previous_working_day(planned_end, inclusive=True)
            active = end(active, on=ended_on, reflection=rng.choice(_REFLECTIONS))
        found.append(active)
    return found


def _may_mentor(roster: Roster, mentor: Person, mentee: Person) -> bool:
    return mentor.id != mentee.id and not roster.is_in_line_of_management(mentor.id, mentee.id)


def _check_ins(
    rng: random.Random, mentorships: list[Mentorship], as_of: dt.date, calendar: Calendar
) -> tuple[list[CheckIn], str | None]:
    schedules = {m.id: check_in_dates(m, calendar) for m in mentorships}
    # The active mentorship whose latest check-in before as_of is the most recent misses it.
    latest = sorted(
        (max(day for day in days if day < as_of), m.id)
        for m in mentorships
        if m.status is MentorshipStatus.ACTIVE
        for days in (schedules[m.id],)
        if any(day < as_of for day in days)
    )
    overdue = latest[-1] if latest else None
    held: list[CheckIn] = []
    for mentorship in mentorships:
        last = mentorship.ended_on or as_of - dt.timedelta(days=1)
        previous = mentorship.started_on
        for day in schedules[mentorship.id]:
            if day > last or (overdue is not None and (day, mentorship.id) == overdue):
                continue
            # Now and then a day or two off the schedule; never before the last one, nor late.
            shifted = day + dt.timedelta(days=rng.choice((0, 0, 0, 0, 1, -1, 2)))
            on = calendar.next_working_day(shifted, inclusive=True)
            if (previous is not None and on <= previous) or on > last:
                on = day
            note = rng.choice(_NOTES) if rng.random() < 0.3 else None
            held.append(CheckIn(mentorship=mentorship.id, held_on=on, note=note))
            previous = on
    return held, overdue[1] if overdue is not None else None


def build_mentorships(
    cohort: Cohort, as_of: dt.date, seed: int, calendar: Calendar
) -> MentorshipExamples:
    """The example organisation's mentorships and check-ins as of ``as_of``.

    See the module's documentation for what it holds. Deterministic: the same
    cohort, date, seed and calendar give equal examples. ``calendar`` must
    cover the year before ``as_of`` to six months after it.
    """
    rng = random.Random(f"{seed} mentorships")
    mentorships = _earlier_mentorships(rng, cohort, as_of, calendar)
    mentorships += _newcomer_mentorships(rng, cohort, as_of, calendar)
    mentorships.sort(key=lambda m: m.id)
    held, overdue = _check_ins(rng, mentorships, as_of, calendar)
    return MentorshipExamples(
        mentorships=tuple(mentorships),
        check_ins=tuple(sorted(held, key=lambda c: (c.mentorship, c.held_on))),
        overdue=overdue,
    )
