"""Team meetings and the published Friday-story plan of the example organisation.

:func:`build_meetings` adds to *Fjordlys A/S* (see :mod:`learnkit.examples`),
without reading files or the clock:

* a weekly team meeting (*teammøde*) for every team, a user-defined
  :class:`~learnkit.sharing.SessionFormat` ``"team_meeting"`` of 45 minutes:
  Tuesdays at 09:30 in Europe/Copenhagen, except customer service, which meets
  on Wednesdays at 08:30 before the phones open; from 26 weeks before
  ``as_of`` to the end of the next year, on the Danish calendar, skipping
  holidays, each opening with a question from the meeting-opener deck;
* the Friday stories' published plan (:func:`build_plans`): the plan the demo
  shows, from ``as_of`` to the end of the next quarter, made from the sharing
  example's plan request, so the first presenter is reminded in the week of
  ``as_of``.

The same inputs always give equal records; every record is valid.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from learnkit._example_sharing import SharingExamples, next_quarter
from learnkit.people import Roster
from learnkit.reflection import TeamMeeting
from learnkit.sharing import HolidayPolicy, Plan, SessionFormat, SessionSeries
from learnkit.time import Calendar, Period

__all__ = ["MEETING_FORMAT", "build_meetings", "build_plans", "meeting_id"]

MEETING_FORMAT: Final = SessionFormat(id="team_meeting", minutes=45, name="Teammøde")
"""The team meetings' format, one of the organisation's own."""

_HISTORY_WEEKS: Final = 26
_DEFAULT_SLOT: Final = ("TU", dt.time(9, 30))
# A team whose meeting is not on Tuesday morning, and when it is instead.
_OTHER_SLOTS: Final = {"kundeservice": ("WE", dt.time(8, 30))}


def meeting_id(team: str) -> str:
    """The id of ``team``'s weekly meeting (``"teammøde-platform"``)."""
    return f"teammøde-{team}"


def build_meetings(roster: Roster, as_of: dt.date, calendar: Calendar) -> tuple[TeamMeeting, ...]:
    """Every team's weekly meeting, sorted by team id.

    ``calendar`` must cover 26 weeks before ``as_of`` to the end of the next
    year (the example's, ``as_of.year - 1`` to ``as_of.year + 2``, does).
    """
    first = as_of - dt.timedelta(weeks=_HISTORY_WEEKS)
    last = dt.date(as_of.year + 1, 12, 31)
    meetings = []
    for team in sorted(roster.teams, key=lambda team: team.id):
        day, start = _OTHER_SLOTS.get(team.id, _DEFAULT_SLOT)
        series = SessionSeries(
            id=meeting_id(team.id),
            name=f"Teammøde: {team.name}",
            format=MEETING_FORMAT,
            rule=f"FREQ=WEEKLY;BYDAY={day}",
            start_time=start,
            first=first,
            last=last,
            calendar=calendar,
            holiday_policy=HolidayPolicy.SKIP,
        )
        meetings.append(TeamMeeting(team=team.id, series=series))
    return tuple(meetings)


def build_plans(
    roster: Roster, sharing: SharingExamples, as_of: dt.date, seed: int
) -> tuple[Plan, ...]:
    """The Friday stories' published plan from ``as_of`` to the end of the next quarter.

    It is the plan ``learnkit demo`` shows: the sharing example's request
    (backlog, absences and history before ``as_of``) planned for that span.
    """
    _, quarter = next_quarter(as_of)
    request = sharing.request(roster, seed=seed)
    return (request.plan(Period(min(as_of, quarter.first), quarter.last)),)
