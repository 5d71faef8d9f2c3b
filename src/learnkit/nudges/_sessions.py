"""Occasions about sessions: a presenter's reminder, and the question a team meeting opens with.

Both read the sessions of a :class:`~learnkit.sharing.SessionSeries` as
:func:`~learnkit.sharing.expand` gives them (local wall time kept across
daylight saving, holidays moved or skipped), and both stop when the session
starts.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
from collections.abc import Iterator, Sequence
from typing import Final
from zoneinfo import ZoneInfo

from learnkit.exceptions import OutOfRangeError
from learnkit.i18n import Locale, translate
from learnkit.nudges._model import (
    NudgeReason,
    Occasion,
    at_nudge_time,
    date_text,
    first_name,
    id_part,
    local_today,
    utc,
)
from learnkit.reflection import DEFAULT_AVOID_LAST, PromptDeck, TeamMeeting, next_prompt
from learnkit.sharing import Assignment, Session, SessionSeries, expand
from learnkit.time import Calendar, Period
from learnkit.workspace import Workspace

__all__ = [
    "OPENER_BLOCK",
    "OPENER_WINDOW",
    "REMINDER_WORKING_DAYS",
    "block_of",
    "meeting_openers",
    "opener_seed",
    "openers",
    "presenter_reminders",
    "upcoming_block",
]

REMINDER_WORKING_DAYS: Final = 2
"""How many working days before a session its presenters are reminded."""

OPENER_WINDOW: Final = dt.timedelta(minutes=60)
"""How long before a team meeting starts its opening question is due."""

OPENER_BLOCK: Final = 52
"""The rotation of a meeting's opening questions starts afresh every this many occurrences."""


def _clock(moment: dt.datetime, session: Session) -> str:
    return moment.astimezone(session.start.tzinfo).strftime("%H:%M")


def _their_time(session: Session, zone: ZoneInfo, locale: Locale) -> tuple[dt.date, str]:
    """The date and time ``session`` starts on a clock in ``zone`` (the recipient's).

    The time names the zone ("10:00 (din tid, Asia/Kolkata)") when it is not
    the series' zone, so that nobody mistakes it for the organiser's clock.
    """
    start = session.start.astimezone(zone)
    time = start.strftime("%H:%M")
    if zone.key != getattr(session.start.tzinfo, "key", None):
        time = translate("nudges.time.zone", locale, time=time, zone=zone.key)
    return start.date(), time


def _latest_assignments(workspace: Workspace) -> dict[str, tuple[Session, Assignment | None]]:
    """Each planned session by id, with its assignment in the latest plan that covers it.

    Plans are taken in order of series, then first and last day of their
    period; a later plan of the same series (a re-plan) replaces what an
    earlier one said about a session, also when it leaves the session unfilled.
    """
    found: dict[str, tuple[Session, Assignment | None]] = {}
    for plan in sorted(
        workspace.plans, key=lambda p: (p.series, p.period.first, p.period.last, p.seed)
    ):
        for session in plan.unfilled:
            found[session.id] = (session, None)
        for assignment in plan.assignments:
            found[assignment.session.id] = (assignment.session, assignment)
    return found


def _reminder_day(day: dt.date, calendars: tuple[Calendar, ...]) -> dt.date:
    """:data:`REMINDER_WORKING_DAYS` working days before ``day``, on the first calendar that can."""
    for calendar in calendars[:-1]:
        try:
            return calendar.add_working_days(day, -REMINDER_WORKING_DAYS)
        except OutOfRangeError:
            continue
    return calendars[-1].add_working_days(day, -REMINDER_WORKING_DAYS)


def presenter_reminders(
    workspace: Workspace, now: dt.datetime, locale: Locale
) -> Iterator[Occasion]:
    """A reminder to each presenter of a planned session, two working days before it.

    The plan of a session is the latest of ``workspace.plans`` that covers it
    (see :func:`_latest_assignments`). The reminder day is
    :data:`REMINDER_WORKING_DAYS` working days before the day the session is
    held, on the series' calendar (``workspace.series`` by id; the
    workspace's calendar when the series' calendar does not reach that far
    back). Due at :data:`~learnkit.nudges.NUDGE_TIME` on that
    day in the presenter's zone; shown from then until the session starts.
    The text gives the session's date and time on the presenter's own clock,
    naming their zone when it is not the series' zone.
    Occasion ``presenter_reminder:<session id>:<person>``; subject the session.
    """
    series_by_id = {series.id: series for series in workspace.series}
    people = workspace.roster
    for session_id, (session, assignment) in sorted(_latest_assignments(workspace).items()):
        if assignment is None or utc(now) >= utc(session.start):
            continue
        series = series_by_id[session.series]  # a Workspace holds every plan's series
        day = _reminder_day(session.held_on, (series.calendar, workspace.calendar))
        label = series.name
        for person in assignment.people:
            if person not in people:
                continue
            zone = people.person(person).time_zone
            due = at_nudge_time(day, zone)
            if utc(due) > utc(now):
                continue
            topic = assignment.topic
            name = first_name(people, person)
            day_there, time = _their_time(session, zone, locale)
            date = date_text(day_there, locale, local_today(now, zone))
            params = {"name": name, "series": label, "date": date, "time": time}
            if topic is not None:
                params["topic"] = topic.title
            yield Occasion(
                reason=NudgeReason.PRESENTER_REMINDER,
                recipient=person,
                due=due,
                occasion=f"{NudgeReason.PRESENTER_REMINDER.value}:{session_id}:{id_part(person)}",
                subject=session_id,
                key="nudges.presenter_reminder."
                + ("open_topic" if topic is None else "topic")
                + ".one",
                params=params,
                plural_key="nudges.presenter_reminder.other",
                greeting=("name", name),
                item=translate(
                    "nudges.presenter_reminder.item", locale, series=label, date=date, time=time
                ),
            )


def opener_seed(session_id: str) -> int:
    """The seed of a meeting's opener: the first 8 bytes of the SHA-256 of the session id.

    The same session always gets the same seed, on every machine and run.
    """
    return int.from_bytes(hashlib.sha256(session_id.encode()).digest()[:8], "big")


def openers(deck: PromptDeck, sessions: Sequence[Session]) -> list[str]:
    """The prompt id of each session, in order: each chosen after the ones before it.

    Session ``i`` gets :func:`~learnkit.reflection.next_prompt` with the seed
    :func:`opener_seed` of its id and, as ``recent``, the prompts of the
    ``len(deck) + DEFAULT_AVOID_LAST`` sessions before it, which is all the
    history the rotation's no-repeat and overdue rules look at. So (the
    rotation's guarantee) no two consecutive sessions get the same prompt
    when the deck has two or more, and none of the last
    :data:`~learnkit.reflection.DEFAULT_AVOID_LAST` when it has more.
    """
    window = len(deck.prompts) + DEFAULT_AVOID_LAST
    chosen: list[str] = []
    for session in sessions:
        choice = next_prompt(deck, seed=opener_seed(session.id), recent=chosen[-window:])
        chosen.append(choice.prompt.id)
    return chosen


def block_of(series: SessionSeries, session: Session) -> list[Session]:
    """The sessions of ``session``'s block up to and including it, in order.

    The occurrences of the series' rule (:meth:`~learnkit.sharing.SessionSeries.occurrences`,
    before holidays move or skip them) are numbered from 0; block ``k`` holds
    occurrences ``k * OPENER_BLOCK`` to ``(k + 1) * OPENER_BLOCK - 1``. The
    result is the held sessions scheduled in the block from its first
    occurrence up to ``session`` and starting no later than it, in order of
    start (``session`` last): at most :data:`OPENER_BLOCK` sessions, whatever
    the length of the series' history.
    """
    scheduled = list(series.occurrences(until=session.scheduled_on))
    index = len(scheduled) - 1
    first = scheduled[index - index % OPENER_BLOCK]
    # A session is held at most six days before it was scheduled.
    since = max(series.first, first - dt.timedelta(days=6))
    return [
        s
        for s in expand(series, Period(since, session.held_on)).sessions
        if first <= s.scheduled_on <= session.scheduled_on and utc(s.start) <= utc(session.start)
    ]


def upcoming_block(series: SessionSeries, now: dt.datetime) -> list[Session]:
    """:func:`block_of` the session whose opener window holds ``now`` (``[]`` when none does).

    The same as finding the session (held today or tomorrow on the series'
    clock, with ``now`` from :data:`OPENER_WINDOW` before its start up to
    it) and calling :func:`block_of`, with one expansion of the series for both.
    """
    today = local_today(now, series.time_zone)
    tomorrow = today + dt.timedelta(days=1)
    if not series.first <= tomorrow or today > series.last:
        return []
    # A session held today or tomorrow was scheduled at most six days later.
    scheduled = list(series.occurrences(until=tomorrow + dt.timedelta(days=6)))
    number = {day: index for index, day in enumerate(scheduled)}
    following = bisect.bisect_left(scheduled, today)
    if following == len(scheduled):
        return []
    since = max(
        series.first,
        scheduled[following - following % OPENER_BLOCK] - dt.timedelta(days=6),
    )
    # since <= until: the block starts by the following occurrence, which is
    # at most six days after tomorrow and never after the series' last day.
    sessions = expand(series, Period(since, min(tomorrow, series.last))).sessions
    upcoming = next(
        (
            s
            for s in sessions
            if s.held_on >= today and utc(s.start) - OPENER_WINDOW <= utc(now) < utc(s.start)
        ),
        None,
    )
    if upcoming is None:
        return []
    index = number[upcoming.scheduled_on]
    first = scheduled[index - index % OPENER_BLOCK]
    return [
        s
        for s in sessions
        if first <= s.scheduled_on <= upcoming.scheduled_on and utc(s.start) <= utc(upcoming.start)
    ]


def meeting_openers(workspace: Workspace, now: dt.datetime, locale: Locale) -> Iterator[Occasion]:
    """The question to open each team meeting with, to the team, shortly before it starts.

    For each of ``workspace.team_meetings``, the session whose window
    (:data:`OPENER_WINDOW` before its start, up to the start) holds ``now``.
    The question comes from the meeting's deck in ``workspace.prompt_decks``:
    the sessions of each block of :data:`OPENER_BLOCK` occurrences of the
    series' rule get one in turn from the block's first (see
    :func:`block_of` and :func:`openers`), so the same session always gets
    the same question, finding it replays at most :data:`OPENER_BLOCK`
    sessions, and consecutive sessions within a block never repeat one (with
    more prompts in the deck than :data:`~learnkit.reflection.DEFAULT_AVOID_LAST`,
    none of the last three). The first session of a block starts afresh and
    may repeat the question before it. Due when the window opens; gone once
    the meeting has started. Occasion ``meeting_opener:<session id>:<team>``;
    subject the session.

    Raises:
        UnknownIdError: a meeting names a deck ``workspace.prompt_decks`` lacks.
    """
    teams = {t.id: t.name for t in workspace.roster.teams}
    for meeting in sorted(workspace.team_meetings, key=lambda m: (m.id, m.team)):
        block = upcoming_block(meeting.series, now)
        if block:
            yield _opener(workspace, meeting, block, teams, locale)


def _opener(
    workspace: Workspace,
    meeting: TeamMeeting,
    block: list[Session],
    teams: dict[str, str],
    locale: Locale,
) -> Occasion:
    series = meeting.series
    deck = workspace.prompt_decks.deck(meeting.deck)
    session = block[-1]
    prompt_id = openers(deck, block)[-1]
    prompt = next(p for p in deck.prompts if p.id == prompt_id)
    team = meeting.team
    label = teams.get(team, team)
    time = _clock(session.start, session)
    question = prompt.render(locale)
    return Occasion(
        reason=NudgeReason.MEETING_OPENER,
        recipient=team,
        due=(utc(session.start) - OPENER_WINDOW).astimezone(session.start.tzinfo),
        occasion=f"{NudgeReason.MEETING_OPENER.value}:{session.id}:{id_part(team)}",
        subject=session.id,
        key="nudges.meeting_opener.one",
        params={"team": label, "meeting": series.name, "time": time, "question": question},
        plural_key="nudges.meeting_opener.other",
        greeting=("team", label),
        item=translate(
            "nudges.meeting_opener.item", locale, meeting=series.name, time=time, question=question
        ),
    )
