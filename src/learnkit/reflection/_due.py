"""Which reflections are due: five minutes after the work, within a few working days.

Everyone who took part in a :class:`~learnkit.reflection.CompletedTask` owes
one reflection on it. :func:`reflections_due` lists the ones not yet written
as of ``now``, each with the moment it is due in the participant's own time
zone and whether that moment has passed, under an id a bot can remember so it
never nags twice about the same thing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any, Final

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.i18n import Locale, check_locale, translate
from learnkit.people import Roster
from learnkit.reflection._model import CompletedTask, Reflection, TaskRef
from learnkit.reflection._visibility import _items
from learnkit.time import Calendar, ensure_aware

__all__ = ["DEFAULT_WINDOW_DAYS", "DueReflection", "due_id", "reflections_due"]

DEFAULT_WINDOW_DAYS: Final = 2
"""Working days after the day of completion that a reflection may take."""

MAX_WINDOW_DAYS: Final = 260
"""The longest window accepted: about a year of working days."""


def due_id(task: TaskRef, person: str) -> str:
    """The stable id of ``person``'s reflection owed on ``task``.

    ``"reflection-due:{kind}:{task id}:{person}"``: the same task and person
    always give the same id, and different ones never do (the kind has no
    colon, and the task id and person id are read from the left and right).
    """
    return f"reflection-due:{task.kind.value}:{task.id}:{person}"


def _default_id(instance: DueReflection) -> str:
    return due_id(instance.task, instance.person)


@attrs.frozen(kw_only=True)
class DueReflection:
    """A reflection someone owes on a completed task and has not written yet.

    Guarantees: ``id`` is :func:`due_id` of the task and the person (it is
    filled in when left out and checked when given); ``due_at`` is in the
    person's own time zone.

    Attributes:
        person: Who owes it.
        task: What it is about.
        due_at: The moment it becomes overdue: the start of the day after the
            last day of the window, in the person's zone.
        overdue: Whether ``due_at`` had passed at the ``now`` asked about.
        id: ``"reflection-due:{kind}:{task id}:{person}"``, for a bot's memory.
    """

    person: str = attrs.field(validator=_validate.identifier)
    task: TaskRef = attrs.field(validator=_validate.instance_of(TaskRef))
    due_at: dt.datetime = attrs.field(validator=_validate.aware_datetime)
    overdue: bool = attrs.field(validator=_validate.instance_of(bool))
    id: str = attrs.field(
        default=attrs.Factory(_default_id, takes_self=True), validator=_validate.identifier
    )

    def __attrs_post_init__(self) -> None:
        expected = due_id(self.task, self.person)
        if self.id != expected:
            raise InvalidDataError.single("id", self.id, f"must be {expected!r}")

    @property
    def due_on(self) -> dt.date:
        """The last local day of the window (the day before ``due_at``'s date)."""
        return _last_day(self.due_at)

    def message(self, locale: Locale, roster: Roster) -> str:
        """The line a bot sends about this reflection, in ``locale``.

        Guarantees: one line from the catalogues (``reflection.due.due``, or
        ``reflection.due.overdue`` when :attr:`overdue`) naming the person by
        their display name on ``roster``, the kind of work, its title and
        :attr:`due_on` (the last day of the window on the person's own clock)
        as weekday, day and month. It depends only on this value, ``locale``
        and the person's name, so the same reminder always reads the same,
        e.g. ``"Anne Hansen – opgave: »Release 4.2« (frist tirsdag d. 24.11.)"``.

        Raises:
            InvalidDataError: the locale is unknown or ``roster`` is not a
                Roster (both at once).
            UnknownIdError: the person is not on the roster.
        """
        problems: list[Problem] = []
        checks: tuple[Callable[[], object], ...] = (
            lambda: check_locale(locale),
            lambda: _validate.require_instance(roster, Roster, "roster"),
        )
        for check in checks:
            try:
                check()
            except InvalidDataError as error:
                problems.extend(error.problems)
        if problems:
            raise InvalidDataError(problems)
        day = self.due_on
        due = translate(
            "reflection.date",
            locale,
            weekday=translate(f"reflection.weekday.{day.weekday()}", locale),
            day=day.day,
            month=day.month,
        )
        return translate(
            "reflection.due.overdue" if self.overdue else "reflection.due.due",
            locale,
            name=roster.person(self.person).name,
            kind=translate(self.task.kind.text_key, locale),
            title=self.task.title,
            due=due,
        )


def _last_day(due_at: dt.datetime) -> dt.date:
    # due_at is the first instant of the following day; a day that starts after
    # a DST gap at midnight (01:00) still belongs to the following day.
    return due_at.date() - dt.timedelta(days=1)


def reflections_due(
    tasks: Iterable[CompletedTask],
    reflections: Iterable[Reflection],
    *,
    roster: Roster,
    now: dt.datetime,
    calendar: Calendar,
    window_days: int = DEFAULT_WINDOW_DAYS,
) -> tuple[DueReflection, ...]:
    """Every reflection owed as of ``now`` and not yet written, due soonest first.

    Rules:

    * every participant of a completed task owes one reflection on it; a
      reflection by that person whose ``about`` has the same kind and id
      settles it, whatever its visibility and whenever it was recorded, also
      before the completion (written in the closing meeting, a minute before
      the ticket was closed); reflections recorded after ``now`` are not known
      yet and settle nothing;
    * a task completed after ``now`` is not known yet and owes nothing; a task
      without participants owes nothing;
    * the window is read in the participant's own zone (``Person.time_zone``):
      the completion instant gives a local day there, and the reflection is
      due by the end of the ``window_days``-th working day *after* that day.
      A task finished on Friday evening, on Saturday or on a holiday before
      Monday is due by the end of Tuesday with the default two days. A
      minute across local midnight (23:59 or 00:01) moves the due day by one
      working day only when the new day is itself a working day. With ``window_days=0``
      it is due by the end of the day of completion, or of the next working
      day when that day is not one;
    * ``overdue`` is ``now >= due_at``.

    Guarantees: one item per (task, participant) owing a reflection, the
    same whatever order the inputs come in, sorted by ``due_at`` (the
    instant), then person id, kind and task id; calling it again with the
    reflections it asked for written gives nothing for them.

    Raises:
        InvalidDataError: listing every problem at once: an item is not a
            CompletedTask or a Reflection, a task (kind and id) or a
            reflection id is listed twice, a participant is not on the
            roster, ``now`` is naive, or ``window_days`` is not a whole number
            from 0 to 260.
        OutOfRangeError: ``calendar`` does not cover a day the windows need.
    """
    problems: list[Problem] = []
    given = _items(tasks, CompletedTask, "tasks", problems)
    written = _items(reflections, Reflection, "reflections", problems)
    try:
        ensure_aware(now, field="now")
    except InvalidDataError as error:
        problems.extend(error.problems)
    given_roster: object = roster  # typed callers cannot pass a wrong one; untyped ones can
    if not isinstance(given_roster, Roster):
        problems.append(Problem("roster", roster, "must be a Roster"))
    given_calendar: object = calendar
    if not isinstance(given_calendar, Calendar):
        problems.append(Problem("calendar", calendar, "must be a Calendar"))
    if isinstance(window_days, bool) or not isinstance(window_days, int):
        problems.append(Problem("window_days", window_days, "must be a whole number"))
    elif not 0 <= window_days <= MAX_WINDOW_DAYS:
        problems.append(
            Problem("window_days", window_days, f"must be between 0 and {MAX_WINDOW_DAYS}")
        )
    problems.extend(_duplicates(given, written))
    if isinstance(given_roster, Roster):
        problems.extend(
            Problem(
                f"tasks[{done.task.kind.value}:{done.task.id}].participants[{person}]",
                person,
                "is not a person in the roster",
            )
            for done in given
            for person in done.participants
            if person not in roster
        )
    if problems:
        raise InvalidDataError(problems)
    settled = {
        (reflection.author, *reflection.about.key)
        for reflection in written
        if reflection.recorded_at <= now
    }
    due: list[DueReflection] = []
    for done in given:
        if done.completed_at > now:
            continue
        for person in done.participants:
            if (person, *done.task.key) in settled:
                continue
            due_at = _due_moment(
                done.completed_at, roster.person(person).time_zone, calendar, window_days
            )
            due.append(
                DueReflection(person=person, task=done.task, due_at=due_at, overdue=now >= due_at)
            )
    return tuple(sorted(due, key=_soonest_first))


def _due_moment(
    completed_at: dt.datetime, zone: dt.tzinfo, calendar: Calendar, window_days: int
) -> dt.datetime:
    """When a reflection on work completed at ``completed_at`` becomes overdue, in ``zone``.

    The start of the day after the ``window_days``-th working day after the
    local day of completion in ``zone`` (see :func:`reflections_due`).
    """
    day = completed_at.astimezone(zone).date()
    if window_days == 0:
        last = calendar.next_working_day(day, inclusive=True)
    else:
        last = day
        for _ in range(window_days):
            last = calendar.next_working_day(last)
    return _start_of(last + dt.timedelta(days=1), zone)


def _start_of(day: dt.date, zone: dt.tzinfo) -> dt.datetime:
    """The first instant of ``day`` in ``zone``, also where midnight falls in a DST gap."""
    midnight = dt.datetime.combine(day, dt.time.min, tzinfo=zone)
    # A wall time in a gap is read with the offset before it; the round trip
    # through UTC lands on the first wall time that exists (01:00).
    return midnight.astimezone(dt.UTC).astimezone(zone)


def _soonest_first(item: DueReflection) -> tuple[Any, ...]:
    return (item.due_at, item.person, item.task.kind.value, item.task.id)


def _duplicates(given: tuple[CompletedTask, ...], written: tuple[Reflection, ...]) -> list[Problem]:
    problems: list[Problem] = []
    keys: set[tuple[str, str]] = set()
    for done in given:
        if done.task.key in keys:
            label = f"{done.task.kind.value}:{done.task.id}"
            problems.append(Problem(f"tasks[{label}]", label, "is listed twice"))
        keys.add(done.task.key)
    ids: set[str] = set()
    for reflection in written:
        if reflection.id in ids:
            problems.append(
                Problem(f"reflections[id={reflection.id}].id", reflection.id, "is listed twice")
            )
        ids.add(reflection.id)
    return problems
