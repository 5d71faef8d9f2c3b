"""The 70-20-10 mix of planned learning activities.

About 70 % of learning happens on the job, 20 % from others and 10 % in formal
courses. :func:`activity_mix` counts the activities planned for a set of goals
(one person's, a team's) so a leader can see whether development is planned
into the working day or only sent off to courses.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.goals._model import ActivityKind, LearningGoal

__all__ = ["ActivityMix", "activity_mix"]


def _ids(value: Iterable[str]) -> tuple[str, ...]:
    return cast("tuple[str, ...]", _validate.canonical_tuple(value))


@attrs.frozen(kw_only=True)
class ActivityMix:
    """How many planned activities are of each 70-20-10 kind, and for which goals.

    Attributes:
        on_the_job: Activities learning on the job.
        from_others: Activities learning from others.
        formal: Formal courses and training.
        goals: The ids of the goals counted (sorted).
    """

    on_the_job: int = attrs.field(default=0, validator=_validate.count)
    from_others: int = attrs.field(default=0, validator=_validate.count)
    formal: int = attrs.field(default=0, validator=_validate.count)
    goals: tuple[str, ...] = attrs.field(
        default=(), converter=_ids, validator=_validate.each(_validate.identifier)
    )

    @property
    def total(self) -> int:
        """All activities counted."""
        return self.on_the_job + self.from_others + self.formal

    def count(self, kind: ActivityKind) -> int:
        """The number of activities of ``kind``."""
        return cast("int", getattr(self, kind.value))

    def share(self, kind: ActivityKind) -> float:
        """The share of ``kind`` in per cent (0 to 100); 0 when nothing is planned."""
        return 100 * self.count(kind) / self.total if self.total else 0.0

    def gap(self, kind: ActivityKind) -> float:
        """The share of ``kind`` minus the model's share (70, 20 or 10), in percentage points.

        Positive when there is more of the kind than the model suggests; with
        nothing planned, every gap is the model's share with a minus.
        """
        return self.share(kind) - kind.share


def activity_mix(goals: Iterable[LearningGoal], *, active_only: bool = True) -> ActivityMix:
    """The 70-20-10 mix of the activities planned for ``goals``.

    By default only active goals (agreed or in progress) count: what is being
    worked on. The result is the same whatever order the goals come in.

    Raises:
        InvalidDataError: ``goals`` is not a collection (``None``, a string, ...),
            an item is not a LearningGoal, a goal id is given twice, or
            ``active_only`` is not a bool (every problem at once).
    """
    problems: list[Problem] = []
    items = _validate.items_of(goals, LearningGoal, "goals", problems)
    flag: object = active_only
    if not isinstance(flag, bool):
        problems.append(Problem("active_only", active_only, "must be True or False"))
    counted: dict[str, LearningGoal] = {}
    seen: set[str] = set()
    for goal in items:
        if goal.id in seen:
            problems.append(Problem(f"goals[id={goal.id}].id", goal.id, "is given twice"))
        seen.add(goal.id)
        if goal.status.is_active or not active_only:
            counted[goal.id] = goal
    if problems:
        raise InvalidDataError(problems)
    counts = dict.fromkeys(ActivityKind, 0)
    for goal in counted.values():
        for activity in goal.activities:
            counts[activity.kind] += 1
    return ActivityMix(
        on_the_job=counts[ActivityKind.ON_THE_JOB],
        from_others=counts[ActivityKind.FROM_OTHERS],
        formal=counts[ActivityKind.FORMAL],
        goals=counted,
    )
