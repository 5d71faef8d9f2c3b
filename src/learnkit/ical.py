"""iCalendar (RFC 5545) export of a planned session series: the ``ical`` extra.

Install with ``pip install learnkit[ical]``; this module is the only one that
imports the `icalendar <https://icalendar.readthedocs.io>`_ package, and
``import learnkit`` never imports it. The export is text: no file is written.

>>> import datetime as dt
>>> from learnkit.people import Person, Roster, Team
>>> from learnkit.sharing import FRIDAY_STORY, SessionSeries, plan
>>> roster = Roster(
...     people=[Person(id="p1", name="Mette Hansen", team="data", start_date=dt.date(2020, 1, 1))],
...     teams=[Team(id="data", name="Data")],
... )
>>> series = SessionSeries(
...     id="fredag", name="Fredagsfortælling", format=FRIDAY_STORY,
...     rule="FREQ=WEEKLY;BYDAY=FR", start_time=dt.time(14),
...     first=dt.date(2026, 12, 4), last=dt.date(2026, 12, 4),
... )
>>> text = to_ical(plan(series, roster, series.period), series, roster=roster,
...                stamp=dt.datetime(2026, 11, 26, tzinfo=dt.UTC))
>>> "UID:fredag:2026-12-04@learnkit" in text, "TZID=Europe/Copenhagen" in text
(True, True)
"""

from __future__ import annotations

import datetime as dt
import unicodedata

import attrs
import icalendar

from learnkit.exceptions import InvalidDataError, Problem
from learnkit.i18n import Locale, check_locale, translate
from learnkit.people import Roster
from learnkit.sharing import Assignment, Plan, SessionSeries
from learnkit.time import ensure_aware

__all__ = ["PRODID", "to_ical"]

PRODID = "-//learnkit//Knowledge sharing//EN"
"""The product identifier written into every calendar (RFC 5545, 3.7.3)."""


def to_ical(
    plan: Plan,
    series: SessionSeries,
    *,
    stamp: dt.datetime,
    roster: Roster | None = None,
    locale: Locale = "da",
    uid_domain: str = "learnkit",
) -> str:
    """The planned sessions as an RFC 5545 calendar: one ``VEVENT`` per session with a presenter.

    Sessions of ``plan.unfilled`` get no event: an invitation without a presenter
    would only be noise in people's calendars.

    Guarantees: every event has a stable ``UID`` (``<session id>@<uid_domain>``,
    unchanged by re-planning, so calendar clients update rather than duplicate),
    ``DTSTART``/``DTEND`` in the series' IANA zone with a matching ``VTIMEZONE``
    (in UTC for a wall time that happens twice at a fall-back, which a zone
    name alone cannot tell apart),
    a ``SUMMARY`` with the series' name, the topic and the presenters, and a
    ``DESCRIPTION`` with why they present (with a roster, presenters and their
    teams by name there too). Parsing the text with ``icalendar``
    gives back the sessions' start and end times exactly. The same arguments
    give the same text.

    Args:
        plan: The plan to export.
        series: The series it plans (for its name and zone).
        stamp: When the calendar is made (``DTSTAMP``), an aware datetime: the
            library never reads the clock, so the caller says.
        roster: To show presenters by name; ids are shown without it.
        locale: The language of the summaries and descriptions.
        uid_domain: The right-hand side of every ``UID``.

    Raises:
        InvalidDataError: naming the argument: ``plan`` is not a
            :class:`~learnkit.sharing.Plan` or is of another series, ``series``
            is not a :class:`~learnkit.sharing.SessionSeries`, ``roster`` is
            neither a :class:`~learnkit.people.Roster` nor ``None``,
            ``uid_domain`` is not non-empty text, ``stamp`` is naive, or the
            locale is unknown.
    """
    check_locale(locale)
    ensure_aware(stamp, field="stamp")
    problems = _argument_problems(plan, series, roster, uid_domain)
    if problems:
        raise InvalidDataError(problems)
    if plan.series != series.id:
        raise InvalidDataError.single("plan", plan.series, f"is not a plan of {series.id}")
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", series.name)
    for assignment in plan.assignments:
        calendar.add_component(_event(assignment, series, stamp, roster, locale, uid_domain))
    if plan.assignments:
        first = plan.assignments[0].session.start.date() - dt.timedelta(days=1)
        last = plan.assignments[-1].session.end.date() + dt.timedelta(days=1)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    text: bytes = calendar.to_ical()
    return text.decode("utf-8")


def _argument_problems(
    plan: object, series: object, roster: object, uid_domain: object
) -> list[Problem]:
    problems: list[Problem] = []
    if not isinstance(plan, Plan):
        problems.append(Problem("plan", plan, "must be a Plan"))
    if not isinstance(series, SessionSeries):
        problems.append(Problem("series", series, "must be a SessionSeries"))
    if roster is not None and not isinstance(roster, Roster):
        problems.append(Problem("roster", roster, "must be a Roster or None"))
    if not isinstance(uid_domain, str) or not uid_domain.strip():
        problems.append(Problem("uid_domain", uid_domain, "must be non-empty text"))
    return problems


def _event(  # noqa: PLR0917 - a private helper with one caller
    assignment: Assignment,
    series: SessionSeries,
    stamp: dt.datetime,
    roster: Roster | None,
    locale: Locale,
    uid_domain: str,
) -> icalendar.Event:
    session = assignment.session
    names = [
        roster.person(person).name if roster is not None and person in roster else person
        for person in assignment.people
    ]
    if assignment.topic is None:
        topic = translate("sharing.ical.open_topic", locale)
    else:
        topic = assignment.topic.title
    event = icalendar.Event()
    event.add("uid", f"{session.id}@{uid_domain}")
    event.add("dtstamp", stamp.astimezone(dt.UTC))
    event.add("dtstart", _unambiguous(session.start))
    event.add("dtend", _unambiguous(session.end))
    presenters = " & ".join(names)
    summary = translate(
        "sharing.ical.summary", locale, series=series.name, topic=topic, presenters=presenters
    )
    event.add("summary", summary)
    event.add("description", "\n".join(_described(assignment, roster, locale)))
    return event


def _described(assignment: Assignment, roster: Roster | None, locale: Locale) -> tuple[str, ...]:
    # With a roster, the explanation is written for the presenters under their
    # names and their teams' names instead of ids: the same text, whatever it says.
    if roster is None:
        return assignment.explain(locale)
    teams = {team.id: team.name for team in roster.teams}
    named = tuple(
        attrs.evolve(
            choice,
            person=_shown(
                roster.person(choice.person).name if choice.person in roster else "", choice.person
            ),
            team=_shown(teams.get(choice.team, ""), choice.team),
        )
        for choice in assignment.presenters
    )
    return attrs.evolve(assignment, presenters=named).explain(locale)


def _shown(name: str, fallback: str) -> str:
    # A name as an id can hold (one line, no format characters), else the id.
    visible = "".join(
        ch for ch in name if not unicodedata.category(ch).startswith("C") or ch in "\n\t"
    )
    return " ".join(visible.split()) or fallback


def _unambiguous(value: dt.datetime) -> dt.datetime:
    # A local time written with TZID cannot say which of two 02:30s at a
    # fall-back it means; such a time is written in UTC, which is exact.
    if value.replace(fold=1 - value.fold).utcoffset() != value.utcoffset():
        return value.astimezone(dt.UTC)
    return value
