"""Occasions of work owed: a reflection, a mentor check-in, a goal follow-up, an action item.

Each function reads one part's own rule (:func:`~learnkit.reflection.reflections_due`,
:func:`~learnkit.mentoring.check_ins_due`, :func:`~learnkit.goals.goal_health`,
:func:`~learnkit.incidents.reminder_plan`) and turns what it finds into
:class:`~learnkit.nudges._model.Occasion` values (one record, one recipient),
which ``_group`` puts together into one nudge per recipient and reason; the
rules themselves are not repeated here. Days are read on each recipient's own
clock: a part that answers "as of a day" is asked once per local date of
``now`` on the roster's clocks (see :func:`~learnkit.nudges._model.zones_by_day`)
and its answers are kept for the people whose day it is. Recipients who are
not on the roster (they have left) get nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Final

import attrs

from learnkit.exceptions import OutOfRangeError
from learnkit.goals import DevelopmentReview, follow_ups, goal_health
from learnkit.i18n import Locale, translate
from learnkit.incidents import DEFAULT_FOLLOW_UP_POLICY, ActionItemRef
from learnkit.mentoring import Mentorship, MentorshipStatus, check_in_dates, check_ins_due
from learnkit.nudges._model import (
    NudgeReason,
    Occasion,
    at_nudge_time,
    date_text,
    first_name,
    id_part,
    local_today,
    name_of,
    utc,
    zones_by_day,
)
from learnkit.reflection import reflections_due
from learnkit.workspace import Workspace

__all__ = [
    "ACTION_ITEM_MAX_AGE",
    "CHECK_IN_MAX_AGE",
    "FOLLOW_UP_MAX_AGE",
    "REFLECTION_MAX_AGE",
    "action_items_overdue",
    "check_ins",
    "goal_follow_ups",
    "reflections",
]

FOLLOW_UP_MAX_AGE: Final = dt.timedelta(days=30)
"""A goal follow-up dated longer ago than this (before the local day of ``now``) is not nudged."""

CHECK_IN_MAX_AGE: Final = dt.timedelta(days=30)
"""A mentor check-in scheduled longer ago than this (before the local day) is not nudged."""

REFLECTION_MAX_AGE: Final = dt.timedelta(days=30)
"""A reflection on work completed longer ago than this (before ``now``) is not nudged."""

ACTION_ITEM_MAX_AGE: Final = dt.timedelta(days=365)
"""An action item due longer ago than this (before the owner's local day) is not nudged:
a year-old item is the review's business, not a bot's, and the look-back stays short."""


def reflections(workspace: Workspace, now: dt.datetime, locale: Locale) -> Iterator[Occasion]:
    """One occasion per :class:`~learnkit.reflection.DueReflection` as of ``now``, to its person.

    Due when the work was completed ("five minutes after the work"); gone once
    the person's reflection on it is recorded (at or before ``now``), or once
    the work was completed more than :data:`REFLECTION_MAX_AGE` before
    ``now``. Only participants on the roster are asked (someone who has left
    owes nothing and does not stop the others' nudges). Past the deadline the
    text is the late one ("… det er aldrig for sent"). Occasion
    ``reflection_due:<DueReflection.id>``; subject ``<kind>:<task id>``.
    """
    people = workspace.roster
    oldest = utc(now) - REFLECTION_MAX_AGE
    recent = [
        done if len(staying) == len(done.participants) else attrs.evolve(done, participants=staying)
        for done in workspace.tasks
        if utc(done.completed_at) >= oldest
        and (staying := tuple(person for person in done.participants if person in people))
    ]
    completed = {done.task.key: done.completed_at for done in recent}
    for item in reflections_due(
        recent,
        workspace.reflections,
        roster=people,
        now=now,
        calendar=workspace.calendar,
    ):
        kind = translate(item.task.kind.text_key, locale)
        today = local_today(now, people.person(item.person).time_zone)
        deadline = date_text(item.due_on, locale, today)
        name = first_name(people, item.person)
        variant = "late" if item.overdue else "due"
        yield Occasion(
            reason=NudgeReason.REFLECTION_DUE,
            recipient=item.person,
            due=completed[item.task.key],
            occasion=f"{NudgeReason.REFLECTION_DUE.value}:{item.id}",
            subject=f"{item.task.kind.value}:{item.task.id}",
            key=f"nudges.reflection_due.{variant}.one",
            params={"name": name, "kind": kind, "title": item.task.title, "deadline": deadline},
            plural_key="nudges.reflection_due.other",
            greeting=("name", name),
            item=translate(
                f"nudges.reflection_due.{variant}.item",
                locale,
                title=item.task.title,
                kind=kind,
                deadline=deadline,
            ),
        )


def check_ins(workspace: Workspace, now: dt.datetime, locale: Locale) -> Iterator[Occasion]:
    """An occasion for the mentor and one for the mentee when a mentorship's check-in is due.

    Uses :func:`~learnkit.mentoring.check_ins_due` on the active mentorships
    with ``workspace.check_ins`` as held, as of each recipient's local date;
    only when both mentor and mentee are on the roster (a mentor who has
    left is nobody to book a chat with).
    Of the check-ins due for one mentorship the latest is named (missing two
    is one chat to book, not two); a check-in scheduled more than
    :data:`CHECK_IN_MAX_AGE` before the local date is left out (a mentorship
    that has gone quiet for so long is the mentoring report's, and the work
    stays bounded). Due at :data:`~learnkit.nudges.NUDGE_TIME`
    on the scheduled working day in the recipient's zone; gone once a held
    check-in settles it, or the mentorship is no longer active. Occasion
    ``check_in_due:<mentorship>:<scheduled day>:<recipient>``; subject the mentorship.
    """
    people = workspace.roster
    mentors = {m.id: m.mentor for m in workspace.mentorships}
    schedules: dict[str, tuple[dt.date, ...]] = {}
    for day, zones in sorted(zones_by_day(people, now).items()):
        where = {person: zone for zone, ids in zones.items() for person in ids}
        latest: dict[tuple[str, str], tuple[dt.date, str]] = {}
        oldest = day - CHECK_IN_MAX_AGE
        # Settling is a prefix of the schedule, so the latest check-in due is
        # in the window exactly when a scheduled day is: only those are asked.
        recent = [
            m
            for m in workspace.mentorships
            if _scheduled_between(m, oldest, day, workspace, schedules)
        ]
        for item in check_ins_due(
            recent,
            as_of=day,
            calendar=workspace.calendar,
            held=workspace.check_ins,
        ):
            for recipient, other in ((item.mentor, item.mentee), (item.mentee, item.mentor)):
                zone = where.get(recipient)
                if (
                    zone is not None
                    and other in people
                    and utc(at_nudge_time(item.scheduled, zone)) <= utc(now)
                ):
                    latest[(item.mentorship, recipient)] = (item.scheduled, other)
        for (mentorship, recipient), (scheduled, other) in sorted(latest.items()):
            role = "mentor" if mentors.get(mentorship) == recipient else "mentee"
            name, other_name = first_name(people, recipient), name_of(people, other)
            date = date_text(scheduled, locale, day)
            yield Occasion(
                reason=NudgeReason.CHECK_IN_DUE,
                recipient=recipient,
                due=at_nudge_time(scheduled, where[recipient]),
                occasion=":".join(
                    (
                        NudgeReason.CHECK_IN_DUE.value,
                        id_part(mentorship),
                        scheduled.isoformat(),
                        id_part(recipient),
                    )
                ),
                subject=mentorship,
                key=f"nudges.check_in_due.{role}.one",
                params={"name": name, "other": other_name, "date": date},
                plural_key=f"nudges.check_in_due.{role}.other",
                greeting=("name", name),
                item=translate("nudges.check_in_due.item", locale, other=other_name, date=date),
            )


def _scheduled_between(
    mentorship: Mentorship,
    oldest: dt.date,
    day: dt.date,
    workspace: Workspace,
    schedules: dict[str, tuple[dt.date, ...]],
) -> bool:
    """Whether active ``mentorship`` has a check-in scheduled from ``oldest`` to ``day``."""
    if mentorship.status is not MentorshipStatus.ACTIVE:
        return False
    if mentorship.id not in schedules:
        schedules[mentorship.id] = check_in_dates(mentorship, workspace.calendar)
    return any(oldest <= on <= day for on in schedules[mentorship.id])


def goal_follow_ups(workspace: Workspace, now: dt.datetime, locale: Locale) -> Iterator[Occasion]:
    """An occasion for the employee and one for the leader when a review's follow-up is due.

    Uses :func:`~learnkit.goals.goal_health` as of each recipient's local
    date, which gives only the latest unsettled follow-up day of each
    person's current review (so, as with check-ins, missing two is one
    follow-up, not two). A follow-up day more than :data:`FOLLOW_UP_MAX_AGE`
    before the local date is left out: a follow-up missed that long ago is
    the leader's report (:func:`~learnkit.goals.goal_health`), not a bot's
    message. Due at :data:`~learnkit.nudges.NUDGE_TIME` on the follow-up day
    in the recipient's zone; gone once a progress note on one of the
    review's goals is written (from 14 days before the day), the goals are
    closed, the next review has come, or the day is too old. The leader is
    asked only while the employee is on the roster; the employee's text
    leaves out the leader's name when the leader has left. Occasion
    ``goal_follow_up_due:<review>:<day>:<recipient>``; subject the review.
    """
    people = workspace.roster
    schedules: dict[str, tuple[dt.date, ...] | None] = {}
    for day, zones in sorted(zones_by_day(people, now).items()):
        where = {person: zone for zone, ids in zones.items() for person in ids}
        oldest = day - FOLLOW_UP_MAX_AGE
        employees = {
            r.employee
            for r in workspace.development_reviews
            if (r.employee in where or r.leader in where)
            and _may_follow_up(r, oldest, day, workspace, schedules)
        }
        # Every review of those employees, so that the current one is known.
        reviews = [r for r in workspace.development_reviews if r.employee in employees]
        wanted = {goal_id for r in reviews for goal_id in r.goals}
        report = goal_health(
            [g for g in workspace.goals if g.id in wanted],
            reviews,
            as_of=day,
            calendar=workspace.calendar,
        )
        for health in report.people:
            for follow_up in health.follow_ups_due:
                if follow_up.on < oldest:
                    continue
                for recipient, role, other in (
                    (follow_up.employee, "employee", follow_up.leader),
                    (follow_up.leader, "leader", follow_up.employee),
                ):
                    zone = where.get(recipient)
                    if zone is None or (role == "leader" and other not in people):
                        continue
                    due = at_nudge_time(follow_up.on, zone)
                    if utc(due) > utc(now):
                        continue
                    name, other_name = first_name(people, recipient), name_of(people, other)
                    alone = other not in people  # only the employee gets here without the other
                    variant = "employee_alone" if alone else role
                    yield Occasion(
                        reason=NudgeReason.GOAL_FOLLOW_UP_DUE,
                        recipient=recipient,
                        due=due,
                        occasion=":".join(
                            (
                                NudgeReason.GOAL_FOLLOW_UP_DUE.value,
                                id_part(follow_up.review),
                                follow_up.on.isoformat(),
                                id_part(recipient),
                            )
                        ),
                        subject=follow_up.review,
                        key=f"nudges.goal_follow_up_due.{variant}.one",
                        params={"name": name} if alone else {"name": name, "other": other_name},
                        plural_key="nudges.goal_follow_up_due.leader.other",
                        greeting=("name", name),
                        item=(
                            other_name
                            if role == "leader"
                            else translate("nudges.goal_follow_up_due.own_alone", locale)
                            if alone
                            else translate(
                                "nudges.goal_follow_up_due.own", locale, other=other_name
                            )
                        ),
                    )


def _may_follow_up(
    review: DevelopmentReview,
    oldest: dt.date,
    day: dt.date,
    workspace: Workspace,
    schedules: dict[str, tuple[dt.date, ...] | None],
) -> bool:
    """Whether ``review`` has a follow-up day from ``oldest`` to ``day`` (or it cannot be told).

    :func:`~learnkit.goals.goal_health` reports a day of
    :func:`~learnkit.goals.follow_ups`, so an employee none of whose reviews
    has one in the window can have no follow-up recent enough to nudge, and
    need not be asked about: this is only a shortcut (the rule stays
    ``goal_health``'s). Follow-up days lie strictly between a review and the
    next, and are looked up once per review (``schedules``); a calendar that
    does not cover them keeps the review in, so ``goal_health`` decides (and
    raises) as before.
    """
    if not (review.held_on < day and oldest < review.next_review_on):
        return False
    if review.id not in schedules:
        try:
            schedules[review.id] = follow_ups(review, calendar=workspace.calendar)
        except OutOfRangeError:
            schedules[review.id] = None
    days = schedules[review.id]
    return days is None or any(oldest <= on <= day for on in days)


def action_items_overdue(
    workspace: Workspace, now: dt.datetime, locale: Locale
) -> Iterator[Occasion]:
    """One reminder round at a time for each owner's open action items past their due dates.

    An open or in-progress item with an owner on the roster and a due date
    is *overdue* from :data:`~learnkit.nudges.NUDGE_TIME` on the first
    working day after its due date (the first overdue reminder of
    :func:`~learnkit.incidents.reminder_plan`), in the owner's zone, until
    it is done, rejected or won't be done, gets a new due date, or is due
    more than :data:`ACTION_ITEM_MAX_AGE` before the owner's local day. An
    owner's overdue items are reminded about together, in *rounds* counted
    from the earliest of them: the first working day after its due date,
    then every ``remind_every`` (3) working days of
    :data:`~learnkit.incidents.DEFAULT_FOLLOW_UP_POLICY`, on the workspace's
    calendar. The occasion is the latest round that has come, so three items
    due on different days give one round every third working day, not one a
    day; an item that becomes overdue joins the next round. Each item is
    one record of the round's occasion (its subject ``<review>/<item>``).
    Occasion ``action_item_overdue:<owner>:<day of the round>``; due at
    nine on that day. Closing the earliest item counts the rounds from the
    next one (which may bring a round sooner).
    """
    people = workspace.roster
    calendar = workspace.calendar
    every = DEFAULT_FOLLOW_UP_POLICY.remind_every
    mine: dict[str, list[tuple[dt.date, str, str]]] = {}
    for review in workspace.incident_reviews:
        for item in review.action_items:
            owner = item.owner
            if owner is None or item.due is None or not item.status.is_active:
                continue
            if owner not in people:
                continue
            zone = people.person(owner).time_zone
            today = local_today(now, zone)
            if item.due < today - ACTION_ITEM_MAX_AGE:
                continue
            first = calendar.next_working_day(item.due)
            if utc(at_nudge_time(first, zone)) <= utc(now):
                ref = str(ActionItemRef(review.id, item.id))
                mine.setdefault(owner, []).append((item.due, ref, item.title))
    for owner, items in sorted(mine.items()):
        zone = people.person(owner).time_zone
        today = local_today(now, zone)
        # The working days from the first round's day to today, once: round k
        # falls on the (k * every)-th of them, so the latest is counted, not stepped to.
        first = calendar.next_working_day(min(items)[0])
        days = list(calendar.working_days(first, today + dt.timedelta(days=1)))
        index = (len(days) - 1) // every * every
        if utc(at_nudge_time(days[index], zone)) > utc(now):
            index -= every  # today's round has not come yet (the first one has)
        day = days[index]
        name = first_name(people, owner)
        occasion = f"{NudgeReason.ACTION_ITEM_OVERDUE.value}:{id_part(owner)}:{day.isoformat()}"
        for due_on, ref, title in sorted(items):
            date = date_text(due_on, locale, today)
            yield Occasion(
                reason=NudgeReason.ACTION_ITEM_OVERDUE,
                recipient=owner,
                due=at_nudge_time(day, zone),
                occasion=occasion,
                subject=ref,
                key="nudges.action_item_overdue.one",
                params={"name": name, "title": title, "date": date},
                plural_key="nudges.action_item_overdue.other",
                greeting=("name", name),
                item=translate("nudges.action_item_overdue.item", locale, title=title, date=date),
            )
