"""Carrying unfinished goals from one development review into the next."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.goals._lifecycle import agree, carry_over
from learnkit.goals._model import LearningGoal
from learnkit.goals._review import DevelopmentReview

__all__ = ["GoalCarryOver", "carry_over_into", "continuation_id"]


def continuation_id(goal_id: str, review_id: str) -> str:
    """The id :func:`carry_over_into` gives the continuation of ``goal_id`` in review ``review_id``.

    ``"g-7@mus-2027"``: the old id, ``@``, the new review's id.
    """
    return f"{goal_id}@{review_id}"


def _goals(value: Iterable[LearningGoal]) -> tuple[LearningGoal, ...]:
    return tuple(sorted(value, key=lambda goal: goal.id))


@attrs.frozen(kw_only=True)
class GoalCarryOver:
    """The result of :func:`carry_over_into`: both reviews and the goals on either side.

    Attributes:
        previous: The earlier review, its ``carried_over`` listing the goals carried.
        next_review: The later review, with the continuations' ids among its goals.
        closed: The earlier review's unfinished goals, now carried over (sorted by id).
        opened: Their continuations in the later review (sorted by id).
    """

    previous: DevelopmentReview = attrs.field(validator=_validate.instance_of(DevelopmentReview))
    next_review: DevelopmentReview = attrs.field(validator=_validate.instance_of(DevelopmentReview))
    closed: tuple[LearningGoal, ...] = attrs.field(
        default=(), converter=_goals, validator=_validate.each(_validate.instance_of(LearningGoal))
    )
    opened: tuple[LearningGoal, ...] = attrs.field(
        default=(), converter=_goals, validator=_validate.each(_validate.instance_of(LearningGoal))
    )


def carry_over_into(
    previous: DevelopmentReview,
    goals: Iterable[LearningGoal],
    next_review: DevelopmentReview,
    *,
    agree_continuations: bool = False,
) -> GoalCarryOver:
    """Carry the unfinished goals of ``previous`` into ``next_review``.

    Every goal of ``previous`` that is not final (a draft, agreed, or in
    progress) becomes ``carried_over``, closed on the day of ``next_review``,
    and gets a continuation in ``next_review``: a new goal with id
    :func:`continuation_id`, ``carried_from`` the old id, the same owner,
    title, reasons, criterion, activities, skills and links, no notes, and a
    target date that is the old one when it falls in the new period
    (after the new review, not after the one after it), else the day of the
    review after ``next_review``. Continuations are drafts to agree in the new
    review; with ``agree_continuations`` they are agreed on the day of the new
    review, when they have a success criterion (the others stay drafts).
    Achieved, dropped and already carried-over goals stay as they are.
    ``goals`` may hold other goals too; they are ignored.

    Guarantees: ``previous.carried_over`` lists exactly the goals carried;
    ``next_review.goals`` gains exactly the continuations' ids; running it
    again on its own result carries nothing more.

    Raises:
        InvalidDataError: an argument has the wrong type (``previous`` or
            ``next_review`` not a DevelopmentReview, ``goals`` not a
            collection of LearningGoal, ``agree_continuations`` not a bool) or
            a goal id is given twice (these are reported together, on their
            own), or the reviews are not of the same employee, the next
            is not after the previous, a goal id of ``previous`` has no goal
            in ``goals``, or a continuation id is already a goal of
            ``next_review`` (every problem at once).
        TransitionError: a goal cannot be closed on the new review's day
            (it was agreed or started after it).
    """
    problems: list[Problem] = []
    reviews: tuple[tuple[str, object], ...] = (("previous", previous), ("next_review", next_review))
    for name, value in reviews:
        if not isinstance(value, DevelopmentReview):
            problems.append(Problem(name, value, "must be a DevelopmentReview"))
    flag: object = agree_continuations
    if not isinstance(flag, bool):
        problems.append(
            Problem("agree_continuations", agree_continuations, "must be True or False")
        )
    by_id: dict[str, LearningGoal] = {}
    for goal in _validate.items_of(goals, LearningGoal, "goals", problems):
        if goal.id in by_id:
            problems.append(Problem(f"goals[id={goal.id}].id", goal.id, "is given twice"))
        by_id[goal.id] = goal
    if problems:
        raise InvalidDataError(problems)
    if next_review.employee != previous.employee:
        problems.append(
            Problem("next_review.employee", next_review.employee, "is not the previous employee")
        )
    if next_review.held_on <= previous.held_on:
        problems.append(
            Problem("next_review.held_on", next_review.held_on, "is not after the previous review")
        )
    missing = [goal_id for goal_id in previous.goals if goal_id not in by_id]
    problems.extend(
        Problem(f"goals[{g}]", g, "is a goal of previous but not given") for g in missing
    )
    unfinished = [
        by_id[goal_id]
        for goal_id in previous.goals
        if goal_id in by_id and not by_id[goal_id].status.is_final
    ]
    taken = set(next_review.goals)
    for goal in unfinished:
        new_id = continuation_id(goal.id, next_review.id)
        if new_id in taken:
            problems.append(Problem(f"next_review.goals[{new_id}]", new_id, "is already a goal"))
    if problems:
        raise InvalidDataError(problems)
    day = next_review.held_on
    closed = [carry_over(goal, on=day) for goal in unfinished]
    opened = [_continuation(goal, next_review, agree_it=agree_continuations) for goal in unfinished]
    return GoalCarryOver(
        previous=attrs.evolve(
            previous, carried_over=(*previous.carried_over, *(g.id for g in closed))
        ),
        next_review=attrs.evolve(next_review, goals=(*next_review.goals, *(g.id for g in opened))),
        closed=closed,
        opened=opened,
    )


def _continuation(goal: LearningGoal, review: DevelopmentReview, *, agree_it: bool) -> LearningGoal:
    target = goal.target_date
    if target is None or not review.held_on < target <= review.next_review_on:
        target = review.next_review_on
    new = LearningGoal(
        id=continuation_id(goal.id, review.id),
        owner=goal.owner,
        title=goal.title,
        why=goal.why,
        success_criterion=goal.success_criterion,
        target_date=target,
        activities=goal.activities,
        skills=goal.skills,
        team_goal=goal.team_goal,
        role=goal.role,
        review=review.id,
        carried_from=goal.id,
    )
    if agree_it and new.success_criterion.strip():
        return agree(new, on=review.held_on)
    return new
