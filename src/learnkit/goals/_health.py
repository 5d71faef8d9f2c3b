"""Goal health as of a day: active, overdue and stale goals, follow-ups due; per person and team.

``as_of`` is the day the question is asked, and every goal is read *as it
stood on that day*: its status on ``as_of`` comes from the dates it carries
(:meth:`~learnkit.goals.LearningGoal.status_on`), not from its current
status, and progress notes dated after ``as_of`` are not known yet and are not
counted. So asking about a past day gives the answer that day would have
given, and asking about today gives the answer for the goals as they stand.
Every count carries the ids behind it, so a bot can say *which* goals are
overdue, not only how many.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from typing import Final, TypeVar, cast

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem, UnknownIdError
from learnkit.goals._model import LearningGoal
from learnkit.goals._review import DevelopmentReview
from learnkit.goals._schedule import follow_ups
from learnkit.people import Roster
from learnkit.time import Calendar

__all__ = [
    "DEFAULT_STALE_WEEKS",
    "FOLLOW_UP_EARLY_DAYS",
    "FollowUp",
    "GoalHealth",
    "GoalHealthReport",
    "TeamGoalHealth",
    "goal_health",
]

T = TypeVar("T", LearningGoal, DevelopmentReview)

DEFAULT_STALE_WEEKS: Final = 6
"""How many weeks without a progress note make an active goal stale."""

FOLLOW_UP_EARLY_DAYS: Final = 14
"""How many days before a follow-up a progress note may be written and still settle it."""


def _ids(value: Iterable[str]) -> tuple[str, ...]:
    return cast("tuple[str, ...]", _validate.canonical_tuple(value))


def _follow_up_key(item: FollowUp) -> tuple[dt.date, str]:
    return (item.on, item.review)


def _follow_ups(value: Iterable[FollowUp]) -> tuple[FollowUp, ...]:
    return cast("tuple[FollowUp, ...]", _validate.canonical_tuple(value, key=_follow_up_key))


@attrs.frozen(kw_only=True)
class FollowUp:
    """A follow-up of a development review that is due and has not been settled.

    Attributes:
        review: The review's id.
        employee: The employee's person id.
        leader: The leader's person id.
        on: The working day it was scheduled for.
        goals: The ids of the review's active goals, the ones to follow up on.
        days_overdue: Working days from ``on`` to the day asked about (0 on the day).
    """

    review: str = attrs.field(validator=_validate.identifier)
    employee: str = attrs.field(validator=_validate.identifier)
    leader: str = attrs.field(validator=_validate.identifier)
    on: dt.date = attrs.field(validator=_validate.date)
    goals: tuple[str, ...] = attrs.field(
        default=(), converter=_ids, validator=_validate.each(_validate.identifier)
    )
    days_overdue: int = attrs.field(default=0, validator=_validate.count)


@attrs.frozen(kw_only=True)
class GoalHealth:
    """One person's goal health as of a day.

    Attributes:
        person: The person id.
        active: Ids of the person's goals that were agreed or in progress on the day.
        overdue: Ids of active goals whose target date has passed.
        stale: Ids of active goals without a progress note for the stale period.
        follow_ups_due: Follow-ups of the person's current review that are due.
    """

    person: str = attrs.field(validator=_validate.identifier)
    active: tuple[str, ...] = attrs.field(
        default=(), converter=_ids, validator=_validate.each(_validate.identifier)
    )
    overdue: tuple[str, ...] = attrs.field(
        default=(), converter=_ids, validator=_validate.each(_validate.identifier)
    )
    stale: tuple[str, ...] = attrs.field(
        default=(), converter=_ids, validator=_validate.each(_validate.identifier)
    )
    follow_ups_due: tuple[FollowUp, ...] = attrs.field(
        default=(), converter=_follow_ups, validator=_validate.each(_validate.instance_of(FollowUp))
    )

    @property
    def is_healthy(self) -> bool:
        """Whether nothing is overdue, stale or due."""
        return not (self.overdue or self.stale or self.follow_ups_due)


@attrs.frozen(kw_only=True)
class TeamGoalHealth:
    """A team's goal health as of a day: its members' health put together.

    Attributes:
        team: The team id.
        people: The ids of the team's members.
        active: Ids of the members' active goals.
        overdue: Ids of the members' overdue goals.
        stale: Ids of the members' stale goals.
        follow_ups_due: The members' follow-ups that are due.
    """

    team: str = attrs.field(validator=_validate.identifier)
    people: tuple[str, ...] = attrs.field(
        default=(), converter=_ids, validator=_validate.each(_validate.identifier)
    )
    active: tuple[str, ...] = attrs.field(
        default=(), converter=_ids, validator=_validate.each(_validate.identifier)
    )
    overdue: tuple[str, ...] = attrs.field(
        default=(), converter=_ids, validator=_validate.each(_validate.identifier)
    )
    stale: tuple[str, ...] = attrs.field(
        default=(), converter=_ids, validator=_validate.each(_validate.identifier)
    )
    follow_ups_due: tuple[FollowUp, ...] = attrs.field(
        default=(), converter=_follow_ups, validator=_validate.each(_validate.instance_of(FollowUp))
    )


def _people(value: Iterable[GoalHealth]) -> tuple[GoalHealth, ...]:
    return tuple(sorted(value, key=lambda item: item.person))


def _teams(value: Iterable[TeamGoalHealth]) -> tuple[TeamGoalHealth, ...]:
    return tuple(sorted(value, key=lambda item: item.team))


@attrs.frozen(kw_only=True)
class GoalHealthReport:
    """Goal health as of a day, per person and (with a roster) per team.

    Attributes:
        as_of: The day asked about.
        stale_weeks: How many weeks without a note made a goal stale.
        people: One entry per person with a goal or a review, sorted by id.
        teams: One entry per team of the roster, sorted by id (empty without a roster).
    """

    as_of: dt.date = attrs.field(validator=_validate.date)
    stale_weeks: int = attrs.field(validator=_validate.int_between(1, 520))
    people: tuple[GoalHealth, ...] = attrs.field(
        default=(), converter=_people, validator=_validate.each(_validate.instance_of(GoalHealth))
    )
    teams: tuple[TeamGoalHealth, ...] = attrs.field(
        default=(),
        converter=_teams,
        validator=_validate.each(_validate.instance_of(TeamGoalHealth)),
    )

    def person(self, person_id: str) -> GoalHealth:
        """The health of ``person_id``; someone without goals or reviews is healthy and empty."""
        for item in self.people:
            if item.person == person_id:
                return item
        return GoalHealth(person=person_id)

    def team(self, team_id: str) -> TeamGoalHealth:
        """The health of team ``team_id``.

        Raises:
            UnknownIdError: the report has no such team.
        """
        for item in self.teams:
            if item.team == team_id:
                return item
        raise UnknownIdError("team", team_id)


def goal_health(
    goals: Iterable[LearningGoal],
    reviews: Iterable[DevelopmentReview] = (),
    *,
    as_of: dt.date,
    calendar: Calendar,
    stale_weeks: int = DEFAULT_STALE_WEEKS,
    roster: Roster | None = None,
) -> GoalHealthReport:
    """Goal health as of ``as_of``, per person and, with ``roster``, per team.

    Each goal is taken as it stood on ``as_of``, from the dates it carries
    (see :meth:`~learnkit.goals.LearningGoal.status_on`), so a past day gets
    the answer it would have got then:

    * **active**: agreed on or before ``as_of`` and not closed then, i.e.
      ``agreed_on <= as_of`` and (``closed_on`` is ``None`` or
      ``as_of < closed_on``). A goal agreed later is not active yet; a goal
      achieved, dropped or carried over later is still active; a goal is no
      longer active on the day it closes. A goal never agreed never is.
    * **overdue**: active on ``as_of``, and the target date is before
      ``as_of`` (so a goal is not overdue on its target day, nor once it has
      closed).
    * **stale**: active on ``as_of``, and the latest sign of life known then
      (the latest progress note on or before ``as_of``, else the start when it
      is on or before ``as_of``, else the agreement) is ``stale_weeks`` weeks
      or more before ``as_of``.
    * **follow-ups due**: for each person's current review (the latest held on
      or before ``as_of``, while its next review has not come), the latest
      :func:`~learnkit.goals.follow_ups` day on or before ``as_of`` is due
      unless a progress note on one of the review's goals is dated from
      ``FOLLOW_UP_EARLY_DAYS`` (14) days before it up to ``as_of``: writing down how
      it went settles the follow-up, even two weeks early, and catching up
      settles the earlier ones too (only the latest is ever reported). Only
      reviews with a goal active on ``as_of`` are followed up, and the
      follow-up lists those goals.

    Everyone with a goal or a review gets an entry; with a roster every team
    gets one, its members' entries put together (people not in the roster
    count for no team). The result is the same whatever order the inputs come in.
    For goals none of whose dates lie after ``as_of`` (the usual case when
    ``as_of`` is today) the status on ``as_of`` is the current status, so
    active simply means agreed or in progress.

    Raises:
        InvalidDataError: an item has the wrong type, a goal or review id is
            given twice, or ``stale_weeks`` is not 1 to 520.
        OutOfRangeError: ``calendar`` does not cover a review's follow-ups.
    """
    _validate.require_date(as_of, "as_of")
    if not isinstance(calendar, Calendar):
        raise InvalidDataError.single("calendar", calendar, "must be a Calendar")
    weeks: object = stale_weeks
    if isinstance(weeks, bool) or not isinstance(weeks, int) or not 1 <= weeks <= 520:
        raise InvalidDataError.single("stale_weeks", stale_weeks, "must be a whole number 1 to 520")
    if roster is not None and not isinstance(roster, Roster):
        raise InvalidDataError.single("roster", roster, "must be a Roster or None")
    by_goal = _unique(goals, LearningGoal, "goals")
    by_review = _unique(reviews, DevelopmentReview, "reviews")
    horizon = as_of - dt.timedelta(weeks=stale_weeks)
    people: dict[str, dict[str, list[str]]] = {}
    dues: dict[str, list[FollowUp]] = {}
    for goal in by_goal.values():
        entry = people.setdefault(goal.owner, {"active": [], "overdue": [], "stale": []})
        if not goal.status_on(as_of).is_active:
            continue
        entry["active"].append(goal.id)
        if goal.target_date is not None and goal.target_date < as_of:
            entry["overdue"].append(goal.id)
        if _last_sign(goal, as_of) <= horizon:
            entry["stale"].append(goal.id)
    for review in _current_reviews(by_review.values(), as_of):
        people.setdefault(review.employee, {"active": [], "overdue": [], "stale": []})
        due = _follow_up_due(review, by_goal, as_of=as_of, calendar=calendar)
        if due is not None:
            dues.setdefault(review.employee, []).append(due)
    health = [
        GoalHealth(
            person=person,
            active=entry["active"],
            overdue=entry["overdue"],
            stale=entry["stale"],
            follow_ups_due=dues.get(person, ()),
        )
        for person, entry in people.items()
    ]
    teams = [] if roster is None else _team_health(roster, {h.person: h for h in health})
    return GoalHealthReport(as_of=as_of, stale_weeks=stale_weeks, people=health, teams=teams)


def _unique(values: Iterable[T], kind: type[T], field: str) -> dict[str, T]:
    found: dict[str, T] = {}
    problems: list[Problem] = []
    raw: object = values
    if isinstance(raw, str | bytes) or not isinstance(raw, Iterable):
        raise InvalidDataError.single(field, values, f"must be a collection of {kind.__name__}")
    for index, item in enumerate(values):
        if not isinstance(item, kind):
            problems.append(Problem(f"{field}[{index}]", item, f"must be a {kind.__name__}"))
            continue
        item_id = item.id
        if item_id in found:
            problems.append(Problem(f"{field}[id={item_id}].id", item_id, "is given twice"))
        found[item_id] = item
    if problems:
        raise InvalidDataError(problems)
    return found


def _last_sign(goal: LearningGoal, as_of: dt.date) -> dt.date:
    known = [note.on for note in goal.notes if note.on <= as_of]
    if known:
        return max(known)
    if goal.started_on is not None and goal.started_on <= as_of:
        return goal.started_on
    return cast("dt.date", goal.agreed_on)  # a goal active on as_of was agreed by then


def _current_reviews(
    reviews: Iterable[DevelopmentReview], as_of: dt.date
) -> list[DevelopmentReview]:
    latest: dict[str, DevelopmentReview] = {}
    for review in reviews:
        if review.held_on > as_of:
            continue
        known = latest.get(review.employee)
        if known is None or (review.held_on, review.id) > (known.held_on, known.id):
            latest[review.employee] = review
    return [review for review in latest.values() if as_of < review.next_review_on]


def _follow_up_due(
    review: DevelopmentReview,
    goals: dict[str, LearningGoal],
    *,
    as_of: dt.date,
    calendar: Calendar,
) -> FollowUp | None:
    own = [goals[goal_id] for goal_id in review.goals if goal_id in goals]
    active = [goal.id for goal in own if goal.status_on(as_of).is_active]
    if not active:
        return None
    days = follow_ups(review, calendar=calendar)
    index = bisect.bisect_right(days, as_of)
    if index == 0:
        return None
    scheduled = days[index - 1]
    since = scheduled - dt.timedelta(days=FOLLOW_UP_EARLY_DAYS)
    if any(since <= note.on <= as_of for goal in own for note in goal.notes):
        return None
    return FollowUp(
        review=review.id,
        employee=review.employee,
        leader=review.leader,
        on=scheduled,
        goals=active,
        days_overdue=calendar.working_days_between(scheduled, as_of),
    )


def _team_health(roster: Roster, health: dict[str, GoalHealth]) -> list[TeamGoalHealth]:
    teams = []
    for team in roster.teams:
        members = [person.id for person in roster.members(team.id)]
        parts = [health[m] for m in members if m in health]
        teams.append(
            TeamGoalHealth(
                team=team.id,
                people=members,
                active=[g for part in parts for g in part.active],
                overdue=[g for part in parts for g in part.overdue],
                stale=[g for part in parts for g in part.stale],
                follow_ups_due=[f for part in parts for f in part.follow_ups_due],
            )
        )
    return teams
