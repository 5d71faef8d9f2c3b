"""Indicators of learning in the daily work: reflections and knowledge sharing.

* ``reflection.per_task``: reflections written about the tasks completed in
  the period, per task;
* ``reflection.shared``: the share of the period's reflections shared beyond
  their author;
* ``sharing.presenters``: distinct presenters in the period per headcount;
* ``sharing.teams``: the share of teams with a presenter in the period;
* ``sharing.sessions``: the sessions held of those the series planned.

Each function is pure and does not depend on the order of the records.
"""

from __future__ import annotations

import datetime as dt

from learnkit.culture._measure import (
    Measure,
    Options,
    headcount,
    local_date,
    person_zones,
    ratio,
    task_person,
)
from learnkit.reflection import Visibility
from learnkit.sharing import Session, expand
from learnkit.time import Period
from learnkit.workspace import Workspace


def task_key(kind: str, task_id: str) -> str:
    """How a task is named among the records: ``"task:T-17"`` (its kind, then its id)."""
    return f"{kind}:{task_id}"


def reflections_per_task(
    workspace: Workspace, days: Period, as_of: dt.date, options: Options
) -> Measure:
    """Reflections about the tasks completed in ``days``, per such task.

    A task counts when the date of its completion lies in ``days``, in the
    time zone of its first participant (by id) on the roster
    (:func:`~learnkit.culture._measure.task_person`), Europe/Copenhagen when
    none is, just as a reflection is dated in its author's zone; a
    reflection counts when it is about one of those tasks (same kind and id)
    and was written by ``as_of`` (its author's local date), whoever wrote it.
    Records: the tasks (``kind:id``) and the reflections.
    """
    del options
    zones = person_zones(workspace.roster)
    tasks = {
        record.task.key
        for record in workspace.tasks
        if local_date(record.completed_at, zones, task_person(record.participants, zones)) in days
    }
    written = [
        reflection.id
        for reflection in workspace.reflections
        if reflection.about.key in tasks
        and local_date(reflection.recorded_at, zones, reflection.author) <= as_of
    ]
    measured = ratio(len(written), len(tasks), written)
    keys = [task_key(kind, task_id) for kind, task_id in tasks]
    return Measure(
        value=measured.value,
        records=(*measured.records, *keys),
        numerator=measured.numerator,
        denominator=measured.denominator,
    )


def reflections_shared(
    workspace: Workspace, days: Period, as_of: dt.date, options: Options
) -> Measure:
    """The share of reflections written in ``days`` whose visibility is not private.

    A reflection counts on its author's local date of ``recorded_at``.
    Records: every reflection counted (shared or not).
    """
    del as_of, options
    zones = person_zones(workspace.roster)
    counted = [
        reflection
        for reflection in workspace.reflections
        if days.first <= local_date(reflection.recorded_at, zones, reflection.author) <= days.last
    ]
    shared = sum(1 for item in counted if item.visibility is not Visibility.PRIVATE)
    return ratio(shared, len(counted), (item.id for item in counted))


def _presenters(workspace: Workspace, days: Period) -> set[str]:
    """Everyone in the roster who presented on a day of ``days``."""
    return {
        turn.person
        for turn in workspace.turns
        if turn.on in days and turn.person in workspace.roster
    }


def presenters_per_head(
    workspace: Workspace, days: Period, as_of: dt.date, options: Options
) -> Measure:
    """Distinct presenters in ``days`` per person who had started by its last day.

    A presenter is a person in the roster with a turn on a day of ``days``.
    Records: the presenters' person ids.
    """
    del as_of, options
    presenters = _presenters(workspace, days)
    heads = headcount(workspace.roster, days.last)
    return ratio(len(presenters), len(heads), presenters)


def teams_represented(
    workspace: Workspace, days: Period, as_of: dt.date, options: Options
) -> Measure:
    """The share of teams with at least one presenter in ``days``.

    A team counts when someone in it had started by the last day of ``days``;
    it is represented when one of its members presented. Records: the ids of
    the teams counted.
    """
    del as_of, options
    roster = workspace.roster
    staffed = {roster.person(person).team for person in headcount(roster, days.last)}
    represented = {roster.person(person).team for person in _presenters(workspace, days)}
    return ratio(len(represented & staffed), len(staffed), staffed)


def sessions_held(workspace: Workspace, days: Period, as_of: dt.date, options: Options) -> Measure:
    """The share of planned sessions in ``days`` that were held.

    Planned: every session of every series expanded over ``days``
    (:func:`~learnkit.sharing.expand`: holidays and exceptions already moved
    or skipped). Held: a planned session with a turn naming its id, or the
    one session a turn without a session id belongs to: of the sessions held
    on the turn's day, the one that starts first (ties: the smaller series
    id). So one talk never marks two sessions held. Records: the planned
    sessions' ids.
    """
    del as_of, options
    named = {turn.session for turn in workspace.turns if turn.session}
    planned = [session for series in workspace.series for session in expand(series, days).sessions]
    first_of_day: dict[dt.date, Session] = {}
    for session in planned:
        known = first_of_day.get(session.held_on)
        if known is None or _starts_before(session, known):
            first_of_day[session.held_on] = session
    for turn in workspace.turns:
        if not turn.session and turn.on in first_of_day:
            named.add(first_of_day[turn.on].id)
    held = sum(1 for session in planned if session.id in named)
    return ratio(held, len(planned), (session.id for session in planned))


def _starts_before(session: Session, other: Session) -> bool:
    """Whether ``session`` starts before ``other`` (in UTC), ties by series id, then id."""
    return (session.start.astimezone(dt.UTC), session.series, session.id) < (
        other.start.astimezone(dt.UTC),
        other.series,
        other.id,
    )
