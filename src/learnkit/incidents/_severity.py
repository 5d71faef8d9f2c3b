"""Severity levels and the review policy each one needs.

A :class:`SeverityScale` lists an organisation's levels, most severe first;
each :class:`SeverityLevel` says whether a review is required, by when, and
how many approvals publishing it needs. :data:`DEFAULT_SEVERITY_SCALE` is the
scale learnkit ships.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Final, cast

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem, UnknownIdError
from learnkit.time import Calendar

__all__ = ["DEFAULT_SEVERITY_SCALE", "SeverityLevel", "SeverityScale"]


@attrs.frozen(kw_only=True)
class SeverityLevel:
    """One level of a severity scale and the review policy that comes with it.

    Guarantees: a level that counts its deadline in working days has a deadline.

    Attributes:
        id: The level's id, e.g. ``"sev1"``.
        rank: 1 is the most severe; higher numbers are milder.
        review_required: Whether every incident at this level must be reviewed
            (such a review cannot be skipped).
        review_within_days: How many days after the incident is resolved the
            review should be published, or ``None`` for no deadline.
        working_days: Whether ``review_within_days`` counts working days
            (on a :class:`~learnkit.time.Calendar`) instead of calendar days.
        approvals: How many people other than the author must approve the
            review before it is published.
    """

    id: str = attrs.field(validator=_validate.identifier)
    rank: int = attrs.field(validator=_validate.int_between(1, 99))
    review_required: bool = attrs.field(validator=_validate.instance_of(bool))
    review_within_days: int | None = attrs.field(
        default=None, validator=_validate.optional(_validate.int_between(0, 365))
    )
    working_days: bool = attrs.field(default=False, validator=_validate.instance_of(bool))
    approvals: int = attrs.field(default=0, validator=_validate.int_between(0, 10))

    def __attrs_post_init__(self) -> None:
        if self.working_days and self.review_within_days is None:
            raise InvalidDataError.single(
                "working_days", True, "needs review_within_days (there is no deadline to count)"
            )

    def review_due(self, resolved_on: dt.date, calendar: Calendar | None = None) -> dt.date | None:
        """The last day the review should be published, or ``None`` without a deadline.

        Calendar days are added to ``resolved_on``; working days are added with
        :meth:`~learnkit.time.Calendar.add_working_days` on ``calendar`` (a
        Monday-to-Friday calendar when none is given), so "within 5 working
        days" of a Friday is the Friday after.

        Raises:
            InvalidDataError: ``resolved_on`` is not a date.
            OutOfRangeError: the deadline lies outside the calendar's span.
        """
        _validate.require_date(resolved_on, "resolved_on")
        if self.review_within_days is None:
            return None
        if not self.working_days:
            return resolved_on + dt.timedelta(days=self.review_within_days)
        return (calendar or Calendar()).add_working_days(resolved_on, self.review_within_days)


def _levels_by_rank(value: Iterable[SeverityLevel]) -> tuple[SeverityLevel, ...]:
    return cast(
        "tuple[SeverityLevel, ...]",
        _validate.canonical_tuple(value, key=lambda level: (level.rank, level.id)),
    )


@attrs.frozen
class SeverityScale:
    """The severity levels an organisation uses, most severe first.

    Guarantees: at least one level; ids and ranks are unique; levels are kept
    sorted by rank, so equal scales compare equal whatever order they were given in.

    Attributes:
        levels: The levels, most severe (rank 1) first.
    """

    levels: tuple[SeverityLevel, ...] = attrs.field(
        converter=_levels_by_rank, validator=_validate.each(_validate.instance_of(SeverityLevel))
    )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if not self.levels:
            problems.append(Problem("levels", self.levels, "must hold at least one level"))
        ids: set[str] = set()
        ranks: set[int] = set()
        for level in self.levels:
            if level.id in ids:
                problems.append(Problem(f"levels[id={level.id}]", level.id, "is listed twice"))
            if level.rank in ranks:
                problems.append(
                    Problem(f"levels[id={level.id}].rank", level.rank, "is used by another level")
                )
            ids.add(level.id)
            ranks.add(level.rank)
        if problems:
            raise InvalidDataError(problems)

    @property
    def ids(self) -> tuple[str, ...]:
        """The level ids, most severe first."""
        return tuple(level.id for level in self.levels)

    def level(self, level_id: str) -> SeverityLevel:
        """The level with id ``level_id``.

        Raises:
            UnknownIdError: no level has this id.
        """
        for level in self.levels:
            if level.id == level_id:
                return level
        raise UnknownIdError("severity level", level_id)


DEFAULT_SEVERITY_SCALE: Final = SeverityScale(
    (
        SeverityLevel(id="sev1", rank=1, review_required=True, review_within_days=3, approvals=2),
        SeverityLevel(
            id="sev2",
            rank=2,
            review_required=True,
            review_within_days=5,
            working_days=True,
            approvals=1,
        ),
        SeverityLevel(
            id="sev3",
            rank=3,
            review_required=False,
            review_within_days=10,
            working_days=True,
            approvals=1,
        ),
        SeverityLevel(id="sev4", rank=4, review_required=False, approvals=0),
    )
)
"""learnkit's default scale: sev1 (review required within 3 calendar days, 2 approvals),
sev2 (required, 5 working days, 1 approval), sev3 (optional, 10 working days, 1 approval)
and sev4 (optional, no deadline, no approval). A near miss is usually sev3 or sev4."""
