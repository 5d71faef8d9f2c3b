"""The logic of ``learnkit sharing plan`` and ``learnkit example --sharing``, kept pure.

:mod:`learnkit.cli` parses the arguments, reads the file and the clock, and
hands a :class:`~learnkit.sharing.PlanRequest` and a period to
:func:`plan_text` or :func:`ical_text`; the rendering is here, so it can be
tested without a file system, and the demo step (:mod:`learnkit._demo_sharing`)
shows sessions the same way.

The text output, in the chosen locale, is a title, a summary line with the
number of sessions, skipped and unfilled ones, then one line per session (day,
local time, presenters with their teams, topic) followed by one line of why,
and last the occurrences not held with their reason, for example
``fre. 2027-03-26: ikke en arbejdsdag (Langfredag)``. docs/sharing.md shows a
whole plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence

import attrs

from learnkit._example_sharing import build_sharing
from learnkit.i18n import Locale, check_locale, translate
from learnkit.people import Roster
from learnkit.serialize import from_json, to_json
from learnkit.sharing import (
    Assignment,
    PlanRequest,
    PresenterChoice,
    Session,
    SessionSeries,
    SkippedSession,
)
from learnkit.sharing._rotation import team_key, turns_key
from learnkit.time import Period

__all__ = [
    "MissingExtraError",
    "day_text",
    "example_request_json",
    "ical_text",
    "plan_command",
    "plan_text",
    "session_lines",
    "skipped_lines",
    "summary_line",
    "with_seed",
]


class MissingExtraError(ImportError):
    """An optional extra that a command needs is not installed (its name on ``extra``)."""

    def __init__(self, extra: str) -> None:
        super().__init__(f"learnkit[{extra}] is not installed")
        self.extra = extra


def _plural(key: str, count: int, locale: Locale) -> str:
    return translate(f"{key}.{'one' if count == 1 else 'other'}", locale, count=count)


def day_text(day: dt.date, locale: Locale) -> str:
    """A day with its weekday, e.g. ``fre. 2027-03-26`` or ``Fri 2027-03-26``."""
    weekday = translate(f"sharing.cli.weekday.{day.weekday()}", locale)
    return translate("sharing.cli.day", locale, weekday=weekday, date=day.isoformat())


def _clock(moment: dt.datetime | dt.time, locale: Locale) -> str:
    return translate("sharing.cli.clock", locale, hour=moment.hour, minute=moment.minute)


def _person(roster: Roster, person_id: str) -> tuple[str, str]:
    """A person's name and team name (their ids when the roster does not know them)."""
    if person_id not in roster:
        return person_id, ""
    person = roster.person(person_id)
    return person.name, roster.team(person.team).name


def _presenters(assignment: Assignment, roster: Roster, locale: Locale) -> str:
    labels = []
    for person_id in assignment.people:
        name, team = _person(roster, person_id)
        labels.append(translate("sharing.cli.presenter", locale, name=name, team=team or "–"))
    return translate("sharing.cli.and", locale).join(labels)


def summary_line(
    series: SessionSeries, locale: Locale, *, sessions: int, skipped: int, unfilled: int
) -> str:
    """The series' format, length and time, with how many sessions are filled, skipped, unfilled."""
    label = series.format.label(locale)
    return translate(
        "sharing.cli.summary",
        locale,
        format=label[:1].upper() + label[1:],
        minutes=series.format.minutes,
        clock=_clock(series.start_time, locale),
        zone=series.time_zone.key,
        sessions=_plural("sharing.cli.sessions", sessions, locale),
        skipped=_plural("sharing.cli.skipped_count", skipped, locale),
        unfilled=_plural("sharing.cli.unfilled_count", unfilled, locale),
    )


def _why(assignment: Assignment, roster: Roster, locale: Locale) -> str:
    reasons = [_why_choice(assignment, choice, roster, locale) for choice in assignment.presenters]
    if assignment.kept:
        reasons.append(translate("sharing.cli.why.kept", locale))
    return translate("sharing.cli.why", locale, reasons="; ".join(reasons))


def _why_choice(
    assignment: Assignment, choice: PresenterChoice, roster: Roster, locale: Locale
) -> str:
    name, _ = _person(roster, choice.person)
    first = assignment.presenters[0]
    first_name, first_team = _person(roster, first.person)
    parts = [
        translate(
            turns_key("sharing.cli.why", choice),
            locale,
            name=name,
            turns=choice.turns_before,
            candidates=assignment.candidates,
            first=first_name,
            first_team=first_team or first.team,
        )
    ]
    if choice.kept_later:
        key = "sharing.cli.why.kept_later." + ("one" if choice.kept_later == 1 else "other")
        parts.append(translate(key, locale, count=choice.kept_later))
    if choice.last_presented is not None:
        parts.append(
            translate("sharing.cli.why.last", locale, date=choice.last_presented.isoformat())
        )
    parts.append(translate(team_key("sharing.cli.why", choice), locale))
    return ", ".join(parts)


def session_lines(
    assignments: Iterable[Assignment], roster: Roster, locale: Locale, *, why: bool
) -> list[str]:
    """A line per session (day, local time, presenters with their teams, topic), in order.

    A session moved off a holiday says from which day; with ``why``, each is
    followed by one line saying why those people present that day.
    """
    lines = []
    for assignment in sorted(assignments, key=lambda a: a.session.start.astimezone(dt.UTC)):
        session = assignment.session
        if assignment.topic is None:
            topic = translate("sharing.ical.open_topic", locale)
        else:
            topic = assignment.topic.title
        line = translate(
            "sharing.cli.session",
            locale,
            day=day_text(session.held_on, locale),
            clock=_clock(session.start, locale),
            presenters=_presenters(assignment, roster, locale),
            topic=topic,
        )
        if session.moved:
            moved = translate(
                "sharing.cli.moved", locale, day=day_text(session.scheduled_on, locale)
            )
            line += f" ({moved})"
        lines.append("  " + line)
        if why:
            lines.append("    " + _why(assignment, roster, locale))
    return lines


def skipped_lines(skipped: Iterable[SkippedSession], locale: Locale) -> list[str]:
    """The heading and a line per occurrence not held, with the reason and the holiday's name."""
    shown = sorted(skipped, key=lambda item: (item.scheduled_on, item.series))
    if not shown:
        return []
    return [
        translate("sharing.cli.skipped", locale),
        *(
            "  "
            + translate(
                "sharing.cli.skipped_line",
                locale,
                day=day_text(item.scheduled_on, locale),
                reason=item.explain(locale),
            )
            for item in shown
        ),
    ]


def _unfilled_lines(unfilled: Sequence[Session], locale: Locale) -> list[str]:
    if not unfilled:
        return []
    return [
        translate("sharing.cli.unfilled", locale),
        *(
            f"  {day_text(session.held_on, locale)} {_clock(session.start, locale)}"
            for session in unfilled
        ),
    ]


def plan_text(request: PlanRequest, period: Period, *, locale: Locale) -> str:
    """The plan of ``request`` for ``period`` as text: what ``learnkit sharing plan`` prints.

    A title, a summary line, a line per session with one line of why, then
    the occurrences not held (with the holiday's name) and the sessions nobody
    could present at. The same request and period give the same text.

    Raises:
        InvalidDataError: the locale is unknown.
    """
    check_locale(locale)
    series = request.series
    made = request.plan(period)
    title = translate(
        "sharing.cli.title",
        locale,
        series=series.name,
        first=period.first.isoformat(),
        last=period.last.isoformat(),
    )
    summary = summary_line(
        series,
        locale,
        sessions=len(made.assignments),
        skipped=len(made.skipped),
        unfilled=len(made.unfilled),
    )
    blocks = [[title, "=" * len(title), summary]]
    if made.assignments:
        blocks.append(session_lines(made.assignments, request.roster, locale, why=True))
    elif not made.unfilled:
        blocks.append(["  " + translate("sharing.cli.no_sessions", locale)])
    blocks += [skipped_lines(made.skipped, locale), _unfilled_lines(made.unfilled, locale)]
    return "\n\n".join("\n".join(block) for block in blocks if block) + "\n"


def ical_text(request: PlanRequest, period: Period, *, locale: Locale, stamp: dt.datetime) -> str:
    """The plan of ``request`` for ``period`` as iCalendar text (:func:`learnkit.ical.to_ical`).

    Raises:
        MissingExtraError: the ``ical`` extra (the ``icalendar`` package) is not installed.
        InvalidDataError: the locale is unknown or ``stamp`` is naive.
    """
    try:
        from learnkit.ical import to_ical  # noqa: PLC0415 - the optional ical extra
    except ImportError:
        raise MissingExtraError("ical") from None
    made = request.plan(period)
    return to_ical(made, request.series, stamp=stamp, roster=request.roster, locale=locale)


def with_seed(request: PlanRequest, seed: int | None) -> PlanRequest:
    """``request`` with another seed, or itself when ``seed`` is ``None``."""
    return request if seed is None else attrs.evolve(request, seed=seed)


def plan_command(
    text: str,
    first: dt.date,
    last: dt.date,
    *,
    seed: int | None,
    ics: bool,
    locale: Locale,
    clock: Callable[[], dt.datetime],
) -> str:
    """What ``learnkit sharing plan`` prints for the request document ``text``.

    Args:
        text: A :class:`~learnkit.sharing.PlanRequest` as a JSON document.
        first: The first day of the period.
        last: The last day of the period.
        seed: A seed to use instead of the request's, if any.
        ics: Whether to give iCalendar text instead of the plan as text.
        locale: The language of the output.
        clock: Gives the calendar's ``DTSTAMP`` (called only with ``ics``).

    Raises:
        InvalidDataError: the document is not a valid request, or the period is invalid.
        MissingExtraError: ``ics`` without the ``ical`` extra installed.
    """
    request = with_seed(from_json(text, PlanRequest), seed)
    period = Period(first, last)
    if ics:
        return ical_text(request, period, locale=locale, stamp=clock())
    return plan_text(request, period, locale=locale)


def example_request_json(roster: Roster, as_of: dt.date, seed: int) -> str:
    """The example organisation's Friday-story plan request as an indented JSON document."""
    request = build_sharing(roster, as_of, seed).request(roster, seed=seed)
    return to_json(request, indent=2) + "\n"
