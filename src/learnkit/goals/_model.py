"""Learning goals (*læringsmål*) as data: the goal, its activities and its progress notes.

A :class:`LearningGoal` is agreed in the yearly development review (MUS) and
lives through a small lifecycle (see :mod:`learnkit.goals._lifecycle`):
draft → agreed → in progress → achieved, or dropped, or carried over to the
next review. The value itself checks that exactly the dates its status needs
are set and that they are in order; whether a goal is *good* (specific,
measurable, ...) is a question for :func:`~learnkit.goals.smart_check`, which
returns findings instead of refusing.
"""

from __future__ import annotations

import datetime as dt
import enum
import unicodedata
from collections.abc import Iterable
from typing import Any, Final, cast

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem

__all__ = ["Activity", "ActivityKind", "GoalStatus", "LearningGoal", "ProgressNote"]


class GoalStatus(enum.Enum):
    """Where a learning goal is in its life.

    ``draft → agreed → in_progress → achieved``; a goal that is not final may
    also be ``dropped`` or ``carried_over`` to the next review. The values are
    the lower-case names, as documents store them.
    """

    DRAFT = "draft"
    AGREED = "agreed"
    IN_PROGRESS = "in_progress"
    ACHIEVED = "achieved"
    DROPPED = "dropped"
    CARRIED_OVER = "carried_over"

    @property
    def is_final(self) -> bool:
        """Whether nothing can follow (achieved, dropped and carried-over goals never change)."""
        return self in _FINAL

    @property
    def is_active(self) -> bool:
        """Whether the goal is being worked on (agreed or in progress)."""
        return self in (GoalStatus.AGREED, GoalStatus.IN_PROGRESS)

    @property
    def text_key(self) -> str:
        """The i18n key of the status' name (``translate(key, "da") == "aftalt"`` when agreed)."""
        return f"goals.status.{self.value}"


_FINAL: Final = frozenset({GoalStatus.ACHIEVED, GoalStatus.DROPPED, GoalStatus.CARRIED_OVER})


class ActivityKind(enum.Enum):
    """How a learning activity happens, by the 70-20-10 model.

    About 70 % of learning happens on the job, 20 % from others (mentors,
    colleagues, feedback) and 10 % in formal courses; :attr:`share` gives the
    model's share of each kind.
    """

    ON_THE_JOB = "on_the_job"
    FROM_OTHERS = "from_others"
    FORMAL = "formal"

    @property
    def share(self) -> int:
        """The kind's share in the 70-20-10 model, in per cent (70, 20 or 10)."""
        return _SHARES[self]

    @property
    def text_key(self) -> str:
        """The i18n key of the kind's name."""
        return f"goals.activity.{self.value}"


_SHARES: Final = {
    ActivityKind.ON_THE_JOB: 70,
    ActivityKind.FROM_OTHERS: 20,
    ActivityKind.FORMAL: 10,
}


def _status(value: GoalStatus | str) -> GoalStatus:
    # "agreed" is accepted for GoalStatus.AGREED; anything else is left to the validator.
    if isinstance(value, str):
        try:
            return GoalStatus(value)
        except ValueError:
            pass
    return cast("GoalStatus", value)


def _kind(value: ActivityKind | str) -> ActivityKind:
    # "formal" is accepted for ActivityKind.FORMAL; anything else is left to the validator.
    if isinstance(value, str):
        try:
            return ActivityKind(value)
        except ValueError:
            pass
    return cast("ActivityKind", value)


def _free_text(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A string, possibly empty, without control characters (line breaks and tabs allowed)."""
    if not isinstance(value, str):
        raise _validate.fail(attribute, value, "must be a string")
    if any(unicodedata.category(ch) in ("Cc", "Cs") and ch not in "\n\t" for ch in value):
        raise _validate.fail(attribute, value, "must not contain control characters")


@attrs.frozen
class Activity:
    """Something the goal's owner will do to learn, of one of the 70-20-10 kinds.

    Attributes:
        kind: On the job, from others, or formal.
        description: What will be done, e.g. ``"Holde en fredagsfortælling om Kafka"``.
    """

    kind: ActivityKind = attrs.field(converter=_kind, validator=_validate.instance_of(ActivityKind))
    description: str = attrs.field(validator=_validate.text)


@attrs.frozen
class ProgressNote:
    """A dated note on how a goal is going (*statusnote*).

    Attributes:
        on: The day the note was written.
        text: What happened, in the author's words.
        author: The person id of whoever wrote it.
    """

    on: dt.date = attrs.field(validator=_validate.date)
    text: str = attrs.field(validator=_validate.text)
    author: str = attrs.field(validator=_validate.identifier)


def _activity_key(activity: Activity) -> tuple[str, str]:
    return (activity.kind.value, activity.description)


def _note_key(note: ProgressNote) -> tuple[dt.date, str, str]:
    return (note.on, note.author, note.text)


def _activities(value: Iterable[Activity]) -> tuple[Activity, ...]:
    return cast("tuple[Activity, ...]", _validate.canonical_tuple(value, key=_activity_key))


def _notes(value: Iterable[ProgressNote]) -> tuple[ProgressNote, ...]:
    return cast("tuple[ProgressNote, ...]", _validate.canonical_tuple(value, key=_note_key))


def _skills(value: Iterable[str]) -> tuple[str, ...]:
    return cast("tuple[str, ...]", _validate.canonical_tuple(value))


# Which dates (and the drop reason) each status needs, and which it may have.
_STATE_FIELDS: Final = ("agreed_on", "started_on", "closed_on", "drop_reason")
_REQUIRED: Final[dict[GoalStatus, frozenset[str]]] = {
    GoalStatus.DRAFT: frozenset(),
    GoalStatus.AGREED: frozenset({"agreed_on"}),
    GoalStatus.IN_PROGRESS: frozenset({"agreed_on", "started_on"}),
    GoalStatus.ACHIEVED: frozenset({"agreed_on", "started_on", "closed_on"}),
    GoalStatus.DROPPED: frozenset({"closed_on", "drop_reason"}),
    GoalStatus.CARRIED_OVER: frozenset({"closed_on"}),
}
# A goal may be dropped or carried over from any earlier state, keeping the dates it had.
_OPTIONAL: Final[dict[GoalStatus, frozenset[str]]] = {
    GoalStatus.DROPPED: frozenset({"agreed_on", "started_on"}),
    GoalStatus.CARRIED_OVER: frozenset({"agreed_on", "started_on"}),
}


@attrs.frozen(kw_only=True)
class LearningGoal:
    """A learning goal: what someone wants to learn, why, how success shows, and by when.

    Guarantees, checked when the value is built (every problem at once):

    * exactly the dates its status needs are set: a draft has none; an agreed
      goal has ``agreed_on``; one in progress also ``started_on``; an achieved
      one also ``closed_on``; a dropped one ``closed_on`` and ``drop_reason``;
      a carried-over one ``closed_on``; dropped and carried-over goals keep
      ``agreed_on``/``started_on`` when they had them (``started_on`` only
      with ``agreed_on``);
    * the dates are in order: ``agreed_on <= started_on <= closed_on`` and
      ``agreed_on <= closed_on``;
    * a goal is not carried over from itself; skills are unique.

    Activities, notes and skills are kept sorted, so equal goals compare equal
    whatever order they were listed in. Whether the goal is SMART is not a
    rule of the value: :func:`~learnkit.goals.smart_check` says so in findings.
    Change it with the lifecycle functions (:func:`~learnkit.goals.agree`, ...).

    Attributes:
        id: The goal's own id.
        owner: The person id of whoever the goal belongs to.
        title: What the owner wants to learn, e.g. ``"Holde oplæg for hele afdelingen"``.
        why: Why it matters, for the owner and the team (may be empty).
        success_criterion: How success will be seen (may be empty in a draft).
        target_date: When the goal should be reached, if agreed.
        activities: What the owner will do, by 70-20-10 kind.
        status: Where the goal is in its life.
        agreed_on: When it was agreed.
        started_on: When work on it started.
        closed_on: When it was achieved, dropped or carried over.
        drop_reason: Why it was dropped.
        notes: Dated progress notes.
        skills: Skill names the goal builds (as in the roster's skills).
        team_goal: The team goal it supports (may be empty).
        role: The role it prepares for or strengthens (may be empty).
        review: The id of the development review it was agreed in.
        carried_from: The id of the goal of an earlier review it continues.
    """

    id: str = attrs.field(validator=_validate.identifier)
    owner: str = attrs.field(validator=_validate.identifier)
    title: str = attrs.field(validator=_validate.text)
    why: str = attrs.field(default="", validator=_free_text)
    success_criterion: str = attrs.field(default="", validator=_free_text)
    target_date: dt.date | None = attrs.field(
        default=None, validator=_validate.optional(_validate.date)
    )
    activities: tuple[Activity, ...] = attrs.field(
        default=(), converter=_activities, validator=_validate.each(_validate.instance_of(Activity))
    )
    status: GoalStatus = attrs.field(
        default=GoalStatus.DRAFT,
        converter=_status,
        validator=_validate.instance_of(GoalStatus),
    )
    agreed_on: dt.date | None = attrs.field(
        default=None, validator=_validate.optional(_validate.date)
    )
    started_on: dt.date | None = attrs.field(
        default=None, validator=_validate.optional(_validate.date)
    )
    closed_on: dt.date | None = attrs.field(
        default=None, validator=_validate.optional(_validate.date)
    )
    drop_reason: str | None = attrs.field(
        default=None, validator=_validate.optional(_validate.text)
    )
    notes: tuple[ProgressNote, ...] = attrs.field(
        default=(), converter=_notes, validator=_validate.each(_validate.instance_of(ProgressNote))
    )
    skills: tuple[str, ...] = attrs.field(
        default=(), converter=_skills, validator=_validate.each(_validate.text)
    )
    team_goal: str = attrs.field(default="", validator=_free_text)
    role: str = attrs.field(default="", validator=_free_text)
    review: str | None = attrs.field(
        default=None, validator=_validate.optional(_validate.identifier)
    )
    carried_from: str | None = attrs.field(
        default=None, validator=_validate.optional(_validate.identifier)
    )

    def __attrs_post_init__(self) -> None:
        problems = [*self._state_problems(), *self._date_problems()]
        if self.carried_from is not None and self.carried_from == self.id:
            problems.append(
                Problem("carried_from", self.carried_from, "must not be the goal itself")
            )
        for index in range(1, len(self.skills)):
            if self.skills[index] == self.skills[index - 1]:
                problems.append(
                    Problem(f"skills[{self.skills[index]}]", self.skills[index], "is listed twice")
                )
        if problems:
            raise InvalidDataError(problems)

    def _state_problems(self) -> list[Problem]:
        required = _REQUIRED[self.status]
        allowed = required | _OPTIONAL.get(self.status, frozenset())
        problems = _validate.status_field_problems(
            self, self.status.value, _STATE_FIELDS, required, allowed
        )
        if self.status in _OPTIONAL and self.started_on is not None and self.agreed_on is None:
            problems.append(Problem("started_on", self.started_on, "is set only with agreed_on"))
        return problems

    def _date_problems(self) -> list[Problem]:
        problems = []
        agreed, started, closed = self.agreed_on, self.started_on, self.closed_on
        if agreed is not None and started is not None and started < agreed:
            problems.append(_before("started_on", started, "agreed_on", agreed))
        if closed is not None:
            if started is not None and closed < started:
                problems.append(_before("closed_on", closed, "started_on", started))
            elif agreed is not None and closed < agreed:
                problems.append(_before("closed_on", closed, "agreed_on", agreed))
        return problems

    def status_on(self, day: dt.date) -> GoalStatus:
        """The goal's status as it stood at the end of ``day``, read from its dates.

        A goal's dates are its history: it was a draft until ``agreed_on``,
        agreed from then, in progress from ``started_on`` and in its final
        status from ``closed_on`` (each day included). So the status on
        ``day`` is the current :attr:`status` once ``closed_on`` has come;
        otherwise in progress from ``started_on``, agreed from ``agreed_on``,
        and a draft before that (a goal has no creation date, so "draft"
        also stands for "not yet written"). In particular the goal is
        *active* on ``day`` exactly when ``agreed_on <= day`` and either
        ``closed_on`` is ``None`` or ``day < closed_on``; and on any day on or
        after its latest date the result is :attr:`status` itself.

        Raises:
            InvalidDataError: ``day`` is not a date.
        """
        _validate.require_date(day, "day")
        if self.closed_on is not None and self.closed_on <= day:
            return self.status
        if self.started_on is not None and self.started_on <= day:
            return GoalStatus.IN_PROGRESS
        if self.agreed_on is not None and self.agreed_on <= day:
            return GoalStatus.AGREED
        return GoalStatus.DRAFT

    @property
    def last_note_on(self) -> dt.date | None:
        """The day of the latest progress note, or ``None`` without notes."""
        return self.notes[-1].on if self.notes else None


def _before(name: str, value: dt.date, bound_name: str, bound: dt.date) -> Problem:
    return Problem(name, value, f"must not be before {bound_name} ({bound.isoformat()})")
