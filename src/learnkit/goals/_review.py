"""The yearly development review (MUS, *medarbejderudviklingssamtale*).

A :class:`DevelopmentReview` records who met (an employee and a leader, never
the same person), when, the answers to the preparation questions, the goals
agreed, when the next review is (by default twelve months later) and the
follow-up rule between the two (by default every three months). Whether the
leader is in the employee's line of management is a question for
:func:`check_review`, which warns instead of refusing: a project lead or an
acting manager may hold the review.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import Final, cast

import attrs
from dateutil.relativedelta import relativedelta

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.goals import _rrule
from learnkit.goals._model import LearningGoal
from learnkit.i18n import Locale, translate
from learnkit.people import Roster

__all__ = [
    "DEFAULT_FOLLOW_UP_RULE",
    "MAX_REVIEW_GAP_MONTHS",
    "PREPARATION_QUESTIONS",
    "DevelopmentReview",
    "DevelopmentReviewFinding",
    "PreparationAnswer",
    "ReviewFindingCode",
    "check_review",
]

DEFAULT_FOLLOW_UP_RULE: Final = "FREQ=MONTHLY;INTERVAL=3"
"""A short follow-up every three months between two reviews."""

DEFAULT_REVIEW_MONTHS: Final = 12
"""How many months after a review the next one is, unless agreed otherwise."""

MAX_REVIEW_GAP_MONTHS: Final = 36
"""The longest time between two reviews learnkit accepts (a review is yearly, give or take)."""

PREPARATION_QUESTIONS: Final[tuple[str, ...]] = (
    "goals.question.proud",
    "goals.question.learned",
    "goals.question.energy",
    "goals.question.grow",
    "goals.question.support",
    "goals.question.share",
    "goals.question.balance",
    "goals.question.feedback",
)
"""The built-in preparation questions, as i18n keys: ``translate(key, "da")`` asks them.

Both sides prepare the same questions before the review; an answer names the
question by its key, or carries a question of the organisation's own as text.
"""

_QUESTION_ORDER: Final = {key: index for index, key in enumerate(PREPARATION_QUESTIONS)}


@attrs.frozen
class PreparationAnswer:
    """An answer to one preparation question.

    Attributes:
        question: A key of ``PREPARATION_QUESTIONS`` (``"goals.question.proud"``)
            or the text of a question of the organisation's own.
        answer: What was answered.
    """

    question: str = attrs.field(validator=_validate.text)
    answer: str = attrs.field(validator=_validate.text)

    @property
    def is_builtin(self) -> bool:
        """Whether the question is one of the built-in ``PREPARATION_QUESTIONS``."""
        return self.question in _QUESTION_ORDER

    def question_text(self, locale: Locale) -> str:
        """The question in ``locale`` (a question of the organisation's own as it was written)."""
        return translate(self.question, locale) if self.is_builtin else self.question


def _answer_key(answer: PreparationAnswer) -> tuple[int, str, str]:
    return (
        _QUESTION_ORDER.get(answer.question, len(_QUESTION_ORDER)),
        answer.question,
        answer.answer,
    )


def _answers(value: Iterable[PreparationAnswer]) -> tuple[PreparationAnswer, ...]:
    return cast("tuple[PreparationAnswer, ...]", _validate.canonical_tuple(value, key=_answer_key))


def _ids(value: Iterable[str]) -> tuple[str, ...]:
    return cast("tuple[str, ...]", _validate.canonical_tuple(value))


def _next_review(self: DevelopmentReview) -> dt.date | None:
    held: object = self.held_on
    if not isinstance(held, dt.date):
        return None  # the validator of held_on names it; this one stays quiet
    try:
        return held + relativedelta(months=DEFAULT_REVIEW_MONTHS)
    except (OverflowError, ValueError):
        raise InvalidDataError.single(
            "held_on", held, "leaves no room for the next review in the calendar"
        ) from None


def _rule(_: object, attribute: attrs.Attribute[str], value: object) -> None:
    problem = _rrule.problem(value)
    if problem is not None:
        raise _validate.fail(attribute, value, f"is not a follow-up rule: {problem}")


@attrs.frozen(kw_only=True)
class DevelopmentReview:
    """One development review (MUS) between an employee and a leader.

    Guarantees, checked when the value is built (every problem at once):

    * the leader is not the employee;
    * ``next_review_on`` is after ``held_on`` and at most
      ``MAX_REVIEW_GAP_MONTHS`` months later; by default it is twelve
      calendar months later (a review on 29 February is followed on 28 February);
    * ``follow_up_rule`` is an RFC 5545 recurrence rule of whole days
      (``FREQ`` yearly, monthly, weekly or daily; no times of day, no ``DTSTART``:
      the review's day is the start), checked strictly and kept as text so it
      serializes as written;
    * goal ids are unique, and every carried-over id is one of the goals;
      each preparation question is answered at most once.

    Goals and carried-over ids are kept sorted, answers in the order of the
    built-in questions (then the organisation's own, by text), so equal
    reviews compare equal. The follow-up days are :func:`~learnkit.goals.follow_ups`.

    Attributes:
        id: The review's own id.
        employee: The person id of the employee.
        leader: The person id of whoever held the review with them.
        held_on: The day of the review.
        answers: The answers to the preparation questions.
        goals: The ids of the learning goals agreed (or continued) in the review.
        next_review_on: The day of the next review.
        follow_up_rule: When to follow up between the reviews (default every
            three months, counted from ``held_on``).
        carried_over: The ids of this review's goals that were unfinished and
            continue in the next review (see :func:`~learnkit.goals.carry_over_into`).
    """

    id: str = attrs.field(validator=_validate.identifier)
    employee: str = attrs.field(validator=_validate.identifier)
    leader: str = attrs.field(validator=_validate.identifier)
    held_on: dt.date = attrs.field(validator=_validate.date)
    answers: tuple[PreparationAnswer, ...] = attrs.field(
        default=(),
        converter=_answers,
        validator=_validate.each(_validate.instance_of(PreparationAnswer)),
    )
    goals: tuple[str, ...] = attrs.field(
        default=(), converter=_ids, validator=_validate.each(_validate.identifier)
    )
    next_review_on: dt.date = attrs.field(
        default=attrs.Factory(_next_review, takes_self=True), validator=_validate.date
    )
    follow_up_rule: str = attrs.field(default=DEFAULT_FOLLOW_UP_RULE, validator=_rule)
    carried_over: tuple[str, ...] = attrs.field(
        default=(), converter=_ids, validator=_validate.each(_validate.identifier)
    )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if self.leader == self.employee:
            problems.append(Problem("leader", self.leader, "must not be the employee"))
        try:
            latest = self.held_on + relativedelta(months=MAX_REVIEW_GAP_MONTHS)
        except (OverflowError, ValueError):
            latest = dt.date.max
        if self.next_review_on <= self.held_on:
            problems.append(
                Problem(
                    "next_review_on",
                    self.next_review_on,
                    f"must be after held_on ({self.held_on.isoformat()})",
                )
            )
        elif self.next_review_on > latest:
            problems.append(
                Problem(
                    "next_review_on",
                    self.next_review_on,
                    f"must be at most {MAX_REVIEW_GAP_MONTHS} months after held_on"
                    f" ({latest.isoformat()})",
                )
            )
        problems.extend(_repeats("goals", self.goals))
        problems.extend(_repeats("carried_over", self.carried_over))
        goals = set(self.goals)
        problems.extend(
            Problem(f"carried_over[{goal}]", goal, "is not one of the review's goals")
            for goal in self.carried_over
            if goal not in goals
        )
        problems.extend(_repeats("answers", [answer.question for answer in self.answers]))
        if problems:
            raise InvalidDataError(problems)


def _repeats(field: str, values: Iterable[str]) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for value in values:
        if value in seen:
            problems.append(Problem(f"{field}[{value}]", value, "is listed twice"))
        seen.add(value)
    return problems


class ReviewFindingCode(enum.Enum):
    """What :func:`check_review` can find about a review (each a warning, never an error)."""

    EMPLOYEE_UNKNOWN = "employee_unknown"
    LEADER_UNKNOWN = "leader_unknown"
    LEADER_NOT_IN_LINE = "leader_not_in_line"
    GOAL_MISSING = "goal_missing"
    GOAL_OTHER_OWNER = "goal_other_owner"
    GOAL_OTHER_REVIEW = "goal_other_review"


@attrs.frozen(kw_only=True)
class DevelopmentReviewFinding:
    """Something about a review worth a second look; a warning, never a refusal.

    Attributes:
        review: The review's id.
        code: What was found.
        field: The review's field it is about (``"leader"``, ``"goals[g-7]"``, ...).
        value: The id at fault.
    """

    review: str = attrs.field(validator=_validate.identifier)
    code: ReviewFindingCode = attrs.field(validator=_validate.instance_of(ReviewFindingCode))
    field: str = attrs.field(validator=_validate.text)
    value: str = attrs.field(validator=_validate.text)

    def message(self, locale: Locale) -> str:
        """The finding as a sentence in ``locale``."""
        return translate(f"goals.review_finding.{self.code.value}", locale, value=self.value)


def check_review(
    review: DevelopmentReview,
    roster: Roster,
    *,
    goals: Iterable[LearningGoal] | None = None,
) -> tuple[DevelopmentReviewFinding, ...]:
    """What is worth a second look about ``review``; never raises for a valid review.

    Finds: the employee or the leader is not in ``roster``; the leader is not
    in the employee's line of management (a project lead or an acting manager
    may hold a review, so this is a warning). With ``goals``: a goal id of the
    review has no goal among them, a goal belongs to someone else than the
    employee, or was agreed in another review.

    Sorted by field, then code; the same whatever order ``goals`` come in.

    Raises:
        InvalidDataError: the arguments are not a review, a roster and goals,
            or a goal id is given twice.
    """
    if not isinstance(review, DevelopmentReview):
        raise InvalidDataError.single("review", review, "must be a DevelopmentReview")
    if not isinstance(roster, Roster):
        raise InvalidDataError.single("roster", roster, "must be a Roster")
    found: list[tuple[ReviewFindingCode, str, str]] = []
    known = {who: who in roster for who in (review.employee, review.leader)}
    if not known[review.employee]:
        found.append((ReviewFindingCode.EMPLOYEE_UNKNOWN, "employee", review.employee))
    if not known[review.leader]:
        found.append((ReviewFindingCode.LEADER_UNKNOWN, "leader", review.leader))
    if all(known.values()) and not roster.is_in_line_of_management(review.leader, review.employee):
        found.append((ReviewFindingCode.LEADER_NOT_IN_LINE, "leader", review.leader))
    if goals is not None:
        found.extend(_goal_findings(review, goals))
    findings = [
        DevelopmentReviewFinding(review=review.id, code=code, field=field, value=value)
        for code, field, value in found
    ]
    return tuple(sorted(findings, key=lambda f: (f.field, f.code.value, f.value)))


def _goal_findings(
    review: DevelopmentReview, goals: Iterable[LearningGoal]
) -> list[tuple[ReviewFindingCode, str, str]]:
    by_id: dict[str, LearningGoal] = {}
    for goal in goals:
        if not isinstance(goal, LearningGoal):
            raise InvalidDataError.single("goals", goal, "must be a LearningGoal")
        if goal.id in by_id:
            raise InvalidDataError.single(f"goals[id={goal.id}].id", goal.id, "is given twice")
        by_id[goal.id] = goal
    found = []
    for goal_id in review.goals:
        listed = by_id.get(goal_id)
        field = f"goals[{goal_id}]"
        if listed is None:
            found.append((ReviewFindingCode.GOAL_MISSING, field, goal_id))
            continue
        if listed.owner != review.employee:
            found.append((ReviewFindingCode.GOAL_OTHER_OWNER, field, listed.owner))
        if listed.review is not None and listed.review != review.id:
            found.append((ReviewFindingCode.GOAL_OTHER_REVIEW, field, listed.review))
    return found
