"""Indicators of people's own learning: mentors for newcomers and learning goals.

* ``mentoring.newcomers``: the newcomers whose first N days ended in the
  period, and the share of them who had a mentor by then;
* ``goals.active``: the share of people with an active learning goal;
* ``goals.achieved``: goals achieved in the period, per person;
* ``goals.overdue``: the share of active goals past their target date.

Goals are read as they stood on the period's last counted day
(:meth:`~learnkit.goals.LearningGoal.status_on`), so the previous period gets
the answer it would have got then. Each function is pure and does not depend
on the order of the records.
"""

from __future__ import annotations

import datetime as dt

from learnkit.culture._measure import Measure, Options, headcount, ratio
from learnkit.goals import GoalStatus
from learnkit.time import Period
from learnkit.workspace import Workspace


def newcomers_with_mentor(
    workspace: Workspace, days: Period, as_of: dt.date, options: Options
) -> Measure:
    """Of the newcomers whose first ``newcomer_days`` days ended in ``days``, those with a mentor.

    A person's window ends ``newcomer_days`` days after their start date; they
    count when that day lies in ``days`` (so the answer is settled). They had a
    mentor in time when a mentorship with them as mentee started (``started_on``,
    whatever its status now) on or before that day. Records: the newcomers'
    person ids and the mentorships that counted.
    """
    del as_of
    window = dt.timedelta(days=options.newcomer_days)
    deadlines = {
        person.id: person.start_date + window
        for person in workspace.roster.people
        # A window ending after 31 December 9999 ends after every period.
        if dt.date.max - person.start_date >= window and person.start_date + window in days
    }
    mentored: dict[str, list[str]] = {}
    for mentorship in workspace.mentorships:
        deadline = deadlines.get(mentorship.mentee)
        started = mentorship.started_on
        if started is not None and deadline is not None and started <= deadline:
            mentored.setdefault(mentorship.mentee, []).append(mentorship.id)
    counted = [mentorship for ids in mentored.values() for mentorship in ids]
    measured = ratio(len(mentored), len(deadlines), deadlines)
    return Measure(
        value=measured.value,
        records=(*measured.records, *counted),
        numerator=measured.numerator,
        denominator=measured.denominator,
    )


def _active_goals(workspace: Workspace, day: dt.date) -> list[tuple[str, str]]:
    """``(owner, goal id)`` of every goal active on ``day`` whose owner had started by then."""
    heads = set(headcount(workspace.roster, day))
    return [
        (goal.owner, goal.id)
        for goal in workspace.goals
        if goal.owner in heads and goal.status_on(day).is_active
    ]


def people_with_active_goal(
    workspace: Workspace, days: Period, as_of: dt.date, options: Options
) -> Measure:
    """The share of people (started by the last counted day) with a goal active on that day.

    Records: the active goals' ids.
    """
    del as_of, options
    active = _active_goals(workspace, days.last)
    owners = {owner for owner, _ in active}
    heads = headcount(workspace.roster, days.last)
    return ratio(len(owners), len(heads), (goal for _, goal in active))


def goals_achieved(workspace: Workspace, days: Period, as_of: dt.date, options: Options) -> Measure:
    """Goals achieved in ``days`` (``closed_on`` in it), per person started by its last day.

    Records: the achieved goals' ids.
    """
    del as_of, options
    achieved = [
        goal.id
        for goal in workspace.goals
        if goal.status is GoalStatus.ACHIEVED
        and goal.closed_on is not None
        and goal.closed_on in days
    ]
    heads = headcount(workspace.roster, days.last)
    return ratio(len(achieved), len(heads), achieved)


def goals_overdue(workspace: Workspace, days: Period, as_of: dt.date, options: Options) -> Measure:
    """The share of goals active on the last counted day whose target date is before it.

    Records: the active goals' ids.
    """
    del as_of, options
    day = days.last
    by_id = {goal.id: goal for goal in workspace.goals}
    active = [goal for _, goal in _active_goals(workspace, day)]
    overdue = [
        goal for goal in active if (target := by_id[goal].target_date) is not None and target < day
    ]
    return ratio(len(overdue), len(active), active)
