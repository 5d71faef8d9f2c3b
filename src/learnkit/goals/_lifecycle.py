"""The life of a learning goal: agree, start, achieve, drop, carry over, and progress notes.

Each change of state is a pure function that returns a new
:class:`~learnkit.goals.LearningGoal` or raises
:class:`~learnkit.exceptions.TransitionError` listing *every* rule the move
breaks; :func:`can_move` returns the same rules without raising, so a bot can
grey out a button and say why.

The allowed moves::

    draft ──agree──▶ agreed ──start──▶ in_progress ──achieve──▶ achieved
      │                │                   │
      └────────────────┴───────────────────┴──▶ dropped | carried_over

Achieved, dropped and carried-over goals are final. The reasons are stable
i18n keys (``"goals.refused.final"``, ...), each a whole sentence in the
catalogues: ``translate(reason, locale)`` renders it.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Final

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, TransitionError
from learnkit.goals._model import GoalStatus, LearningGoal, ProgressNote

__all__ = [
    "REFUSAL_REASONS",
    "achieve",
    "add_note",
    "agree",
    "can_move",
    "carry_over",
    "drop",
    "start",
]

FINAL: Final = "goals.refused.final"
NO_WAY_BACK: Final = "goals.refused.no_way_back"
NOT_DRAFT: Final = "goals.refused.not_draft"
NOT_AGREED: Final = "goals.refused.not_agreed"
NOT_IN_PROGRESS: Final = "goals.refused.not_in_progress"
CRITERION_MISSING: Final = "goals.refused.criterion_missing"
TARGET_MISSING: Final = "goals.refused.target_missing"
TARGET_NOT_AFTER_AGREEMENT: Final = "goals.refused.target_not_after_agreement"
START_BEFORE_AGREEMENT: Final = "goals.refused.start_before_agreement"
CLOSE_BEFORE_AGREEMENT: Final = "goals.refused.close_before_agreement"
CLOSE_BEFORE_START: Final = "goals.refused.close_before_start"
REASON_MISSING: Final = "goals.refused.reason_missing"
NOTE_BEFORE_AGREEMENT: Final = "goals.refused.note_before_agreement"

REFUSAL_REASONS: Final[tuple[str, ...]] = (
    FINAL,
    NO_WAY_BACK,
    NOT_DRAFT,
    NOT_AGREED,
    NOT_IN_PROGRESS,
    CRITERION_MISSING,
    TARGET_MISSING,
    TARGET_NOT_AFTER_AGREEMENT,
    START_BEFORE_AGREEMENT,
    CLOSE_BEFORE_AGREEMENT,
    CLOSE_BEFORE_START,
    REASON_MISSING,
    NOTE_BEFORE_AGREEMENT,
)
"""Every reason :func:`can_move`, :func:`add_note` and the transitions may give.

Each is an i18n key of a whole sentence: ``translate(reason, "da")``.
"""

_CLOSING: Final = frozenset({GoalStatus.ACHIEVED, GoalStatus.DROPPED, GoalStatus.CARRIED_OVER})


def agree(goal: LearningGoal, *, on: dt.date) -> LearningGoal:
    """The draft ``goal`` agreed ``on`` that day (in the MUS or after it).

    An agreed goal is measurable and dated: agreeing needs a success
    criterion and a target date after ``on``. (Whether it is also specific
    and relevant is advice, not a rule: see :func:`~learnkit.goals.smart_check`.)

    Raises:
        TransitionError: listing every unmet rule: the goal is not a draft
            (``goals.refused.not_draft`` or ``goals.refused.final``), the
            success criterion is blank (``goals.refused.criterion_missing``),
            there is no target date (``goals.refused.target_missing``) or it is
            not after ``on`` (``goals.refused.target_not_after_agreement``).
        InvalidDataError: ``goal`` is not a LearningGoal or ``on`` is not a date.
    """
    _refuse(goal, GoalStatus.AGREED, on=on)
    return attrs.evolve(goal, status=GoalStatus.AGREED, agreed_on=on)


def start(goal: LearningGoal, *, on: dt.date) -> LearningGoal:
    """The agreed ``goal`` started ``on`` that day (the first activity began).

    Raises:
        TransitionError: listing every unmet rule: the goal is not agreed
            (``goals.refused.not_agreed`` or ``goals.refused.final``), ``on``
            is before the agreement (``goals.refused.start_before_agreement``).
        InvalidDataError: ``goal`` is not a LearningGoal or ``on`` is not a date.
    """
    _refuse(goal, GoalStatus.IN_PROGRESS, on=on)
    return attrs.evolve(goal, status=GoalStatus.IN_PROGRESS, started_on=on)


def achieve(goal: LearningGoal, *, on: dt.date) -> LearningGoal:
    """The ``goal`` in progress reached ``on`` that day.

    Raises:
        TransitionError: listing every unmet rule: the goal is not in progress
            (``goals.refused.not_in_progress`` or ``goals.refused.final``),
            ``on`` is before the start (``goals.refused.close_before_start``).
        InvalidDataError: ``goal`` is not a LearningGoal or ``on`` is not a date.
    """
    _refuse(goal, GoalStatus.ACHIEVED, on=on)
    return attrs.evolve(goal, status=GoalStatus.ACHIEVED, closed_on=on)


def drop(goal: LearningGoal, *, on: dt.date, reason: str) -> LearningGoal:
    """The ``goal`` (draft, agreed or in progress) dropped ``on`` that day, for ``reason``.

    A goal may be dropped because priorities changed; saying why keeps the
    next review honest. The goal keeps the dates it had.

    Raises:
        TransitionError: listing every unmet rule: the goal is final
            (``goals.refused.final``), ``on`` is before the agreement or the
            start (``goals.refused.close_before_agreement``,
            ``goals.refused.close_before_start``), the reason is blank
            (``goals.refused.reason_missing``).
        InvalidDataError: ``goal`` is not a LearningGoal, ``on`` is not a
            date, or ``reason`` is not a string or holds control characters.
    """
    text = _text("reason", reason)
    _refuse(goal, GoalStatus.DROPPED, on=on, reason=text)
    return attrs.evolve(goal, status=GoalStatus.DROPPED, closed_on=on, drop_reason=text)


def carry_over(goal: LearningGoal, *, on: dt.date) -> LearningGoal:
    """The unfinished ``goal`` closed ``on`` that day because it continues in the next review.

    Use :func:`~learnkit.goals.carry_over_into` to carry every unfinished goal
    of a review at once and open their continuations.

    Raises:
        TransitionError: listing every unmet rule: the goal is final
            (``goals.refused.final``), ``on`` is before the agreement or the
            start (``goals.refused.close_before_agreement``,
            ``goals.refused.close_before_start``).
        InvalidDataError: ``goal`` is not a LearningGoal or ``on`` is not a date.
    """
    _refuse(goal, GoalStatus.CARRIED_OVER, on=on)
    return attrs.evolve(goal, status=GoalStatus.CARRIED_OVER, closed_on=on)


def add_note(goal: LearningGoal, note: ProgressNote) -> LearningGoal:
    """The ``goal`` with the progress ``note`` added; its status does not change.

    Raises:
        TransitionError: listing every unmet rule: the goal is final
            (``goals.refused.final``), the note is dated before the agreement
            (``goals.refused.note_before_agreement``). Source and target are
            the goal's status.
        InvalidDataError: ``goal`` is not a LearningGoal or ``note`` not a ProgressNote.
    """
    _require_goal(goal)
    if not isinstance(note, ProgressNote):
        raise InvalidDataError.single("note", note, "must be a ProgressNote")
    reasons = []
    if goal.status.is_final:
        reasons.append(FINAL)
    if goal.agreed_on is not None and note.on < goal.agreed_on:
        reasons.append(NOTE_BEFORE_AGREEMENT)
    if reasons:
        raise TransitionError(f"goal {goal.id}", goal.status.value, goal.status.value, reasons)
    return attrs.evolve(goal, notes=(*goal.notes, note))


def can_move(
    goal: LearningGoal,
    target: GoalStatus | str,
    *,
    on: dt.date | None = None,
    reason: str | None = None,
) -> tuple[str, ...]:
    """Every rule a move of ``goal`` to ``target`` would break; empty when it is allowed.

    The guard behind the transitions: given the same arguments it returns
    exactly the reasons the transition's
    :class:`~learnkit.exceptions.TransitionError` would carry, and ``()``
    exactly when the transition succeeds. A rule about an argument left out
    (``None``) is not checked, so ``can_move(goal, "achieved")`` asks only
    whether the state allows it. ``reason`` concerns only ``dropped``.
    Moving back to ``draft`` is never allowed.

    Raises:
        InvalidDataError: ``target`` is not a status, or an argument has the wrong type.
    """
    _require_goal(goal)
    status = _target(target)
    if on is not None:
        _validate.require_date(on, "on")
    text = None if reason is None else _text("reason", reason)
    return _unmet(goal, status, on=on, reason=text)


def _target(value: object) -> GoalStatus:
    for status in GoalStatus:
        if value is status or value == status.value:
            return status
    choices = ", ".join(repr(status.value) for status in GoalStatus)
    raise InvalidDataError.single("target", value, f"must be a GoalStatus or one of {choices}")


def _require_goal(value: object) -> None:
    if not isinstance(value, LearningGoal):
        raise InvalidDataError.single("goal", value, "must be a LearningGoal")


def _text(field: str, value: object) -> str:
    """``value`` when it is a string; blank is left to the rules, control characters are refused."""
    if not isinstance(value, str):
        raise InvalidDataError.single(field, value, "must be a string")
    if any(unicodedata.category(ch) in ("Cc", "Cs") and ch not in "\n\t" for ch in value):
        raise InvalidDataError.single(field, value, "must not contain control characters")
    return value


def _refuse(
    goal: LearningGoal, target: GoalStatus, *, on: dt.date, reason: str | None = None
) -> None:
    _require_goal(goal)
    _validate.require_date(on, "on")
    reasons = _unmet(goal, target, on=on, reason=reason)
    if reasons:
        raise TransitionError(f"goal {goal.id}", goal.status.value, target.value, reasons)


def _state_reason(source: GoalStatus, target: GoalStatus) -> str | None:
    if source.is_final:
        return FINAL
    if target is GoalStatus.DRAFT:
        return NO_WAY_BACK
    if target is GoalStatus.AGREED and source is not GoalStatus.DRAFT:
        return NOT_DRAFT
    if target is GoalStatus.IN_PROGRESS and source is not GoalStatus.AGREED:
        return NOT_AGREED
    if target is GoalStatus.ACHIEVED and source is not GoalStatus.IN_PROGRESS:
        return NOT_IN_PROGRESS
    return None


def _unmet(
    goal: LearningGoal, target: GoalStatus, *, on: dt.date | None, reason: str | None
) -> tuple[str, ...]:
    # Every rule is checked on its own, so a refusal lists all of them at once.
    reasons: list[str] = []
    state = _state_reason(goal.status, target)
    if state is not None:
        reasons.append(state)
    if target is GoalStatus.AGREED:
        if not goal.success_criterion.strip():
            reasons.append(CRITERION_MISSING)
        if goal.target_date is None:
            reasons.append(TARGET_MISSING)
        elif on is not None and goal.target_date <= on:
            reasons.append(TARGET_NOT_AFTER_AGREEMENT)
    elif target is GoalStatus.IN_PROGRESS:
        if on is not None and goal.agreed_on is not None and on < goal.agreed_on:
            reasons.append(START_BEFORE_AGREEMENT)
    elif target in _CLOSING and on is not None:
        if goal.started_on is not None and on < goal.started_on:
            reasons.append(CLOSE_BEFORE_START)
        elif goal.agreed_on is not None and on < goal.agreed_on:
            reasons.append(CLOSE_BEFORE_AGREEMENT)
    if target is GoalStatus.DROPPED and reason is not None and not reason.strip():
        reasons.append(REASON_MISSING)
    return tuple(reasons)
