"""Follow-ups as of now: reviews still owed, action items due, and when to remind whom.

A bot calls :func:`follow_ups` with the records and the current time and gets
everything that needs a nudge, each item with a stable ``id`` (the same item
in the same situation always gets the same id, so the bot can remember what it
already sent) and the person id of its recipient.

Reminders for an action item follow a :class:`FollowUpPolicy`: one reminder a
few working days before the due date (2 by default), then, once the item is
overdue, one on the first working day after the due date and one every few
working days after that (3 by default) until it is done or dropped. A new due
date gives new reminder ids, so a re-planned item is reminded afresh.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Iterator
from typing import Final, cast

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.i18n import Locale, check_locale, translate
from learnkit.incidents._metrics import unique_incidents
from learnkit.incidents._metrics_reviews import (
    ActionItemRef,
    given_reviews,
    review_deadline,
    severity_levels,
)
from learnkit.incidents._model import (
    DEFAULT_SEVERITY_SCALE,
    Incident,
    ParticipantRole,
    SeverityScale,
)
from learnkit.incidents._review import ActionItem, IncidentReview, ReviewStatus
from learnkit.people import Roster
from learnkit.time import Calendar

__all__ = [
    "DEFAULT_FOLLOW_UP_POLICY",
    "ActionItemDue",
    "DueState",
    "FollowUpPolicy",
    "FollowUps",
    "Reminder",
    "ReminderKind",
    "ReviewDue",
    "follow_ups",
    "reminder_plan",
]


class DueState(enum.Enum):
    """Where something stands against its due date on a given day."""

    UPCOMING = "upcoming"
    """Not due yet."""
    DUE = "due"
    """Due today."""
    OVERDUE = "overdue"
    """The due date has passed."""

    @property
    def text_key(self) -> str:
        """The i18n key of the state's name (``translate(key, "da")``)."""
        return f"followups.state.{self.value}"

    @classmethod
    def on(cls, day: dt.date, due: dt.date) -> DueState:
        """The state on ``day`` of something due on ``due``."""
        if day < due:
            return cls.UPCOMING
        return cls.DUE if day == due else cls.OVERDUE


class ReminderKind(enum.Enum):
    """Why a reminder is sent."""

    BEFORE_DUE = "before_due"
    """The item is due soon."""
    OVERDUE = "overdue"
    """The item's due date has passed."""


@attrs.frozen(kw_only=True)
class FollowUpPolicy:
    """When to remind about action items.

    Attributes:
        remind_before: Working days before the due date to send the first
            reminder (0 for none before the due date).
        remind_every: Working days between reminders once an item is overdue
            (at least 1).
    """

    remind_before: int = attrs.field(default=2, validator=_validate.int_between(0, 60))
    remind_every: int = attrs.field(default=3, validator=_validate.int_between(1, 60))


DEFAULT_FOLLOW_UP_POLICY: Final = FollowUpPolicy()
"""Remind 2 working days before the due date, then every 3 working days once overdue."""


def stable_id(*parts: str) -> str:
    """An id made of ``parts`` joined by ``:``, each part's ``%`` and ``:`` escaped.

    Different parts always give different ids, whatever characters the parts hold.
    """
    return ":".join(part.replace("%", "%25").replace(":", "%3A") for part in parts)


_DATE = _validate.date


@attrs.frozen(kw_only=True)
class ReviewDue:
    """A review that is still owed for a resolved incident.

    Attributes:
        id: ``review-due:<incident>:<deadline>:<state>``: stable for the same
            incident, deadline and state.
        incident: The incident's id.
        review: The id of the review when one has been started, else ``None``.
        deadline: The last day to publish it, by the severity policy.
        state: Upcoming, due today, or overdue.
        recipient: Who is reminded: the review's author, else the incident's
            facilitator, else its owner, else the team's manager; ``None``
            when nobody can be named.
    """

    id: str = attrs.field(validator=_validate.identifier)
    incident: str = attrs.field(validator=_validate.identifier)
    review: str | None = attrs.field(validator=_validate.optional(_validate.identifier))
    deadline: dt.date = attrs.field(validator=_DATE)
    state: DueState = attrs.field(validator=_validate.instance_of(DueState))
    recipient: str | None = attrs.field(validator=_validate.optional(_validate.identifier))

    def message(self, locale: Locale, *, title: str) -> str:
        """The reminder text in ``locale``, naming the incident by ``title``."""
        return translate(
            f"followups.review.{self.state.value}",
            check_locale(locale),
            title=title,
            deadline=self.deadline.isoformat(),
        )


@attrs.frozen(kw_only=True)
class ActionItemDue:
    """An open or in-progress action item that is due soon, due today or overdue.

    Attributes:
        id: ``action-due:<review>:<item>:<due>:<state>``.
        ref: The item.
        incident: The id of the incident whose review holds it.
        title: What is to be done.
        owner: Who makes sure it happens (the recipient).
        due: The due date.
        state: Upcoming (within the reminder lead), due today, or overdue.
    """

    id: str = attrs.field(validator=_validate.identifier)
    ref: ActionItemRef = attrs.field(validator=_validate.instance_of(ActionItemRef))
    incident: str = attrs.field(validator=_validate.identifier)
    title: str = attrs.field(validator=_validate.text)
    owner: str = attrs.field(validator=_validate.identifier)
    due: dt.date = attrs.field(validator=_DATE)
    state: DueState = attrs.field(validator=_validate.instance_of(DueState))


@attrs.frozen(kw_only=True)
class Reminder:
    """One reminder about an action item, to send on a day.

    Attributes:
        id: ``reminder:<review>:<item>:<due>:<kind>:<number>``: stable, and new
            when the due date changes.
        ref: The item.
        recipient: The item's owner.
        title: What is to be done.
        due: The due date the reminder is about.
        on: The working day to send it.
        kind: Before the due date, or overdue.
        number: 1 for the first reminder of its kind, 2 for the next, ...
    """

    id: str = attrs.field(validator=_validate.identifier)
    ref: ActionItemRef = attrs.field(validator=_validate.instance_of(ActionItemRef))
    recipient: str = attrs.field(validator=_validate.identifier)
    title: str = attrs.field(validator=_validate.text)
    due: dt.date = attrs.field(validator=_DATE)
    on: dt.date = attrs.field(validator=_DATE)
    kind: ReminderKind = attrs.field(validator=_validate.instance_of(ReminderKind))
    number: int = attrs.field(validator=_validate.int_between(1, 100_000))

    def __attrs_post_init__(self) -> None:
        if (self.kind is ReminderKind.OVERDUE) != (self.on > self.due):
            side = "after" if self.kind is ReminderKind.OVERDUE else "on or before"
            raise InvalidDataError.single(
                "on", self.on, f"must be {side} the due date for a {self.kind.value} reminder"
            )

    def message(self, locale: Locale) -> str:
        """The reminder text in ``locale``."""
        return translate(
            f"followups.reminder.{self.kind.value}",
            check_locale(locale),
            title=self.title,
            due=self.due.isoformat(),
        )


def reminder_plan(
    review: IncidentReview,
    item: ActionItem,
    *,
    calendar: Calendar,
    until: dt.date,
    policy: FollowUpPolicy = DEFAULT_FOLLOW_UP_POLICY,
) -> tuple[Reminder, ...]:
    """Every reminder for ``item`` scheduled on or before ``until``, in order.

    Only open and in-progress items are reminded about (others give ``()``).
    The first reminder is ``policy.remind_before`` working days before the
    due date (left out when that is before the item was created, or when
    ``remind_before`` is 0); the overdue reminders fall on the first working
    day after the due date and then every ``policy.remind_every`` working
    days. Reminders always fall on working days, strictly increase, and the
    plan up to an earlier day is a prefix of the plan up to a later one.

    Raises:
        InvalidDataError: an argument has the wrong type, or ``item`` is not in
            ``review``.
        OutOfRangeError: ``calendar`` does not cover the days looked at.
    """
    _require(review, IncidentReview, "review")
    _require(item, ActionItem, "item")
    _require(calendar, Calendar, "calendar")
    _require(policy, FollowUpPolicy, "policy")
    _validate.require_date(until, "until")
    if item not in review.action_items:
        raise InvalidDataError.single("item", item.id, f"is not an action item of {review.id}")
    return tuple(_plan(review.id, item, calendar, until, policy))


def _plan(
    review: str, item: ActionItem, calendar: Calendar, until: dt.date, policy: FollowUpPolicy
) -> Iterator[Reminder]:
    if not item.status.is_active or item.due is None or item.owner is None:
        return
    ref = ActionItemRef(review, item.id)
    due, owner = item.due, item.owner

    def reminder(on: dt.date, kind: ReminderKind, number: int) -> Reminder:
        return Reminder(
            id=stable_id("reminder", review, item.id, due.isoformat(), kind.value, str(number)),
            ref=ref,
            recipient=owner,
            title=item.title,
            due=due,
            on=on,
            kind=kind,
            number=number,
        )

    if policy.remind_before:
        before = calendar.add_working_days(due, -policy.remind_before)
        if item.created_on <= before <= until:
            yield reminder(before, ReminderKind.BEFORE_DUE, 1)
    day = calendar.next_working_day(due)
    number = 1
    while day <= until:
        yield reminder(day, ReminderKind.OVERDUE, number)
        day = calendar.add_working_days(day, policy.remind_every)
        number += 1


def _sorted_reviews(value: Iterable[ReviewDue]) -> tuple[ReviewDue, ...]:
    return cast(
        "tuple[ReviewDue, ...]",
        _validate.canonical_tuple(value, key=lambda due: (due.deadline, due.incident)),
    )


def _sorted_actions(value: Iterable[ActionItemDue]) -> tuple[ActionItemDue, ...]:
    return cast(
        "tuple[ActionItemDue, ...]",
        _validate.canonical_tuple(value, key=lambda due: (due.due, due.ref)),
    )


def _sorted_reminders(value: Iterable[Reminder]) -> tuple[Reminder, ...]:
    return cast(
        "tuple[Reminder, ...]", _validate.canonical_tuple(value, key=lambda r: (r.on, r.ref))
    )


@attrs.frozen(kw_only=True)
class FollowUps:
    """Everything that needs following up on one day.

    Guarantees: each list is sorted (reviews by deadline then incident id,
    items by due date then ref, reminders by day then ref) and ids are unique.

    Attributes:
        on: The day looked from (the local date of ``now``).
        reviews: Reviews still owed for resolved incidents, each with its deadline.
        actions: Active action items that are due within the reminder lead,
            due today, or overdue.
        reminders: For each active item, its latest reminder scheduled on or
            before ``on`` (the one to send now, unless it was sent already).
    """

    on: dt.date = attrs.field(validator=_DATE)
    reviews: tuple[ReviewDue, ...] = attrs.field(
        default=(),
        converter=_sorted_reviews,
        validator=_validate.each(_validate.instance_of(ReviewDue)),
    )
    actions: tuple[ActionItemDue, ...] = attrs.field(
        default=(),
        converter=_sorted_actions,
        validator=_validate.each(_validate.instance_of(ActionItemDue)),
    )
    reminders: tuple[Reminder, ...] = attrs.field(
        default=(),
        converter=_sorted_reminders,
        validator=_validate.each(_validate.instance_of(Reminder)),
    )

    def __attrs_post_init__(self) -> None:
        entries: tuple[ReviewDue | ActionItemDue | Reminder, ...] = (
            *self.reviews,
            *self.actions,
            *self.reminders,
        )
        ids = [entry.id for entry in entries]
        repeated = sorted({entry for entry in ids if ids.count(entry) > 1})
        if repeated:
            raise InvalidDataError(Problem("id", entry, "is used twice") for entry in repeated)

    @property
    def recipients(self) -> tuple[str, ...]:
        """Everyone who has something to follow up, sorted."""
        found = {entry.recipient for entry in self.reviews}
        found.update(entry.recipient for entry in self.reminders)
        found.update(entry.owner for entry in self.actions)
        return tuple(sorted(person for person in found if person is not None))


_require = _validate.require_instance


def _review_recipient(
    incident: Incident, review: IncidentReview | None, roster: Roster | None
) -> str | None:
    if review is not None:
        return review.author
    for role in (ParticipantRole.FACILITATOR, ParticipantRole.OWNER):
        people = incident.people_with(role)
        if people:
            return people[0]
    if roster is not None and incident.team in {team.id for team in roster.teams}:
        return roster.team(incident.team).manager
    return None


_SETTLED: Final = (ReviewStatus.PUBLISHED, ReviewStatus.CLOSED, ReviewStatus.SKIPPED)


def follow_ups(
    incidents: Iterable[Incident],
    reviews: Iterable[IncidentReview],
    *,
    now: dt.datetime,
    calendar: Calendar,
    scale: SeverityScale = DEFAULT_SEVERITY_SCALE,
    policy: FollowUpPolicy = DEFAULT_FOLLOW_UP_POLICY,
    roster: Roster | None = None,
) -> FollowUps:
    """Reviews owed, action items due and the reminders to send, as of ``now``.

    The day is the local date of ``now`` in its own zone.

    * A review is owed for a resolved incident whose level requires one, or
      whose review has been started (draft or in review) at a level with a
      deadline; it is settled once a review of it has been published (or
      closed, or skipped). Its deadline is the level's (see
      :func:`~learnkit.incidents.review_coverage`).
    * An action item (of any review) is listed while it is open or in
      progress and the day is on or after its first reminder day or its due date.
    * Reminders follow ``policy`` (see :func:`reminder_plan`).

    The result does not depend on the order of the inputs.

    Raises:
        InvalidDataError: an argument has the wrong type, an incident id is
            listed twice, an incident names a level the scale lacks, or ``now``
            is not an aware datetime.
        OutOfRangeError: ``calendar`` does not cover the days looked at.
    """
    problem = _validate.datetime_problem(now)
    if problem is not None:
        raise InvalidDataError.single("now", now, problem)
    _require(calendar, Calendar, "calendar")
    _require(scale, SeverityScale, "scale")
    _require(policy, FollowUpPolicy, "policy")
    if roster is not None:
        _require(roster, Roster, "roster")
    today = now.date()
    given = unique_incidents(incidents)
    all_reviews = given_reviews(reviews)
    owed = _reviews_owed(given, all_reviews, today, calendar, scale, roster)
    actions: list[ActionItemDue] = []
    reminders: list[Reminder] = []
    for review in all_reviews:
        for item in review.action_items:
            plan = list(_plan(review.id, item, calendar, today, policy))
            if plan:
                reminders.append(plan[-1])
            due_item = _item_due(review, item, today, plan)
            if due_item is not None:
                actions.append(due_item)
    return FollowUps(on=today, reviews=owed, actions=actions, reminders=reminders)


def _item_due(
    review: IncidentReview,
    item: ActionItem,
    today: dt.date,
    plan: list[Reminder],
) -> ActionItemDue | None:
    if not item.status.is_active or item.due is None or item.owner is None:
        return None
    if today < item.due and not plan:
        return None
    state = DueState.on(today, item.due)
    return ActionItemDue(
        id=stable_id("action-due", review.id, item.id, item.due.isoformat(), state.value),
        ref=ActionItemRef(review.id, item.id),
        incident=review.incident,
        title=item.title,
        owner=item.owner,
        due=item.due,
        state=state,
    )


def _reviews_owed(  # noqa: PLR0917 - private, called once
    given: tuple[Incident, ...],
    reviews: tuple[IncidentReview, ...],
    today: dt.date,
    calendar: Calendar,
    scale: SeverityScale,
    roster: Roster | None,
) -> list[ReviewDue]:
    levels = severity_levels(given, scale)
    settled = {
        review.incident
        for review in reviews
        if review.status in _SETTLED or review.published_at is not None
    }
    started: dict[str, IncidentReview] = {}
    for review in reviews:  # sorted by id: the first started review of an incident is named
        if review.status not in _SETTLED:
            started.setdefault(review.incident, review)
    owed: list[ReviewDue] = []
    for incident in given:
        level = levels[incident.id]
        draft = started.get(incident.id)
        if incident.id in settled or not (level.review_required or draft is not None):
            continue
        deadline = review_deadline(incident, level, calendar)
        if deadline is None:
            continue
        state = DueState.on(today, deadline)
        owed.append(
            ReviewDue(
                id=stable_id("review-due", incident.id, deadline.isoformat(), state.value),
                incident=incident.id,
                review=None if draft is None else draft.id,
                deadline=deadline,
                state=state,
                recipient=_review_recipient(incident, draft, roster),
            )
        )
    return owed
