"""The life of an action item, as pure moves with guards.

An action item is proposed (an idea, not yet a commitment), becomes open when
someone commits to it (owner, due date, type), is started and done; a
proposed item can be rejected, and an open or in-progress one dropped as
won't do, each with a reason; a done or won't-do item can be reopened.

Every move returns a new value or raises
:class:`~learnkit.exceptions.TransitionError` listing *every* rule it breaks;
the reasons are i18n keys of whole sentences (``incidents.refused.action.*``),
and :func:`action_refusals` returns them without raising. No sequence of
moves opens an item without an owner, a due date and a type.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

import attrs

from learnkit import _validate
from learnkit.incidents._refusals import (
    ACTION_DONE_BEFORE_CREATED,
    ACTION_DUE_BEFORE_CREATED,
    ACTION_DUE_MISSING,
    ACTION_NOT_ACTIVE,
    ACTION_NOT_CLOSED,
    ACTION_NOT_OPEN,
    ACTION_NOT_PROPOSED,
    ACTION_OWNER_MISSING,
    ACTION_TYPE_MISSING,
    REASON_MISSING,
    _raise,
    _reason_text,
    _require,
)
from learnkit.incidents._review import ActionItem, ActionStatus, ActionType

__all__ = [
    "action_refusals",
    "commit",
    "complete",
    "reject",
    "reopen",
    "start",
    "wont_do",
]

_ACTION_SOURCES: Final = {
    ActionStatus.IN_PROGRESS: ((ActionStatus.OPEN,), ACTION_NOT_OPEN),
    ActionStatus.DONE: ((ActionStatus.OPEN, ActionStatus.IN_PROGRESS), ACTION_NOT_ACTIVE),
    ActionStatus.REJECTED: ((ActionStatus.PROPOSED,), ACTION_NOT_PROPOSED),
    ActionStatus.WONT_DO: ((ActionStatus.OPEN, ActionStatus.IN_PROGRESS), ACTION_NOT_ACTIVE),
}


def action_refusals(
    item: ActionItem,
    target: ActionStatus,
    *,
    owner: str | None = None,
    due: dt.date | None = None,
    type: ActionType | None = None,
    on: dt.date | None = None,
    reason: str | None = None,
) -> tuple[str, ...]:
    """Every rule a move of ``item`` to ``target`` breaks; empty when it is allowed.

    ``OPEN`` means :func:`commit` when the item is proposed and :func:`reopen`
    otherwise; an owner, due date or type left out falls back to the item's
    own, and is a reason when neither is there. ``on`` is the day of
    completion (for ``DONE``); ``reason`` is checked only when given (a blank
    one is a reason for ``REJECTED`` and ``WONT_DO``). Given the same
    arguments it returns exactly the reasons the move's error carries.
    Nothing moves back to ``PROPOSED``.

    Raises:
        InvalidDataError: an argument has the wrong type.
    """
    _require(item, ActionItem, "item")
    _require(target, ActionStatus, "target")
    _check_commitment(owner, due, type)
    if target is ActionStatus.OPEN:
        via_commit = item.status is ActionStatus.PROPOSED
        return _open_reasons(item, via_commit=via_commit, owner=owner, due=due, type=type)
    if target is ActionStatus.PROPOSED:
        return (ACTION_NOT_CLOSED,)
    reasons: list[str] = []
    sources, refusal = _ACTION_SOURCES[target]
    if item.status not in sources:
        reasons.append(refusal)
    if target is ActionStatus.DONE and on is not None:
        _validate.require_date(on, "on")
        if on < item.created_on:
            reasons.append(ACTION_DONE_BEFORE_CREATED)
    dropping = target in (ActionStatus.REJECTED, ActionStatus.WONT_DO)
    if dropping and reason is not None and not _reason_text(reason).strip():
        reasons.append(REASON_MISSING)
    return tuple(reasons)


def _open_reasons(
    item: ActionItem,
    *,
    via_commit: bool,
    owner: str | None,
    due: dt.date | None,
    type: ActionType | None,
) -> tuple[str, ...]:
    reasons: list[str] = []
    if via_commit and item.status is not ActionStatus.PROPOSED:
        reasons.append(ACTION_NOT_PROPOSED)
    if not via_commit and item.status not in (ActionStatus.DONE, ActionStatus.WONT_DO):
        reasons.append(ACTION_NOT_CLOSED)
    due = due if due is not None else item.due
    if (owner if owner is not None else item.owner) is None:
        reasons.append(ACTION_OWNER_MISSING)
    if due is None:
        reasons.append(ACTION_DUE_MISSING)
    elif due < item.created_on:
        reasons.append(ACTION_DUE_BEFORE_CREATED)
    if (type if type is not None else item.type) is None:
        reasons.append(ACTION_TYPE_MISSING)
    return tuple(reasons)


def _act(item: ActionItem, target: ActionStatus, reasons: tuple[str, ...]) -> None:
    _raise(f"action item {item.id}", item.status.value, target.value, reasons)


def _check_commitment(owner: object, due: object, type: object) -> None:
    if owner is not None:
        _validate.identifier(None, attrs.fields(ActionItem).owner, owner)
    if due is not None:
        _validate.require_date(due, "due")
    if type is not None:
        _require(type, ActionType, "type")


def commit(
    item: ActionItem,
    *,
    owner: str | None = None,
    due: dt.date | None = None,
    type: ActionType | None = None,
) -> ActionItem:
    """The proposed ``item`` made a commitment (proposed → open) with an owner, due date and type.

    Each left out falls back to what the proposal suggested.

    Raises:
        TransitionError: listing every unmet rule: the item is not proposed
            (``incidents.refused.action.not_proposed``), the owner, due date or
            type is missing, the due date is before the item was created.
        InvalidDataError: an argument has the wrong type.
    """
    _require(item, ActionItem, "item")
    _check_commitment(owner, due, type)
    reasons = _open_reasons(item, via_commit=True, owner=owner, due=due, type=type)
    _act(item, ActionStatus.OPEN, reasons)
    return attrs.evolve(
        item,
        status=ActionStatus.OPEN,
        owner=owner if owner is not None else item.owner,
        due=due if due is not None else item.due,
        type=type if type is not None else item.type,
        reason="",
    )


def start(item: ActionItem) -> ActionItem:
    """Work on the open ``item`` started (open → in progress).

    Raises:
        TransitionError: the item is not open (``incidents.refused.action.not_open``).
    """
    _act(item, ActionStatus.IN_PROGRESS, action_refusals(item, ActionStatus.IN_PROGRESS))
    return attrs.evolve(item, status=ActionStatus.IN_PROGRESS, reason="")


def complete(item: ActionItem, *, on: dt.date) -> ActionItem:
    """The open or in-progress ``item`` done ``on`` that day.

    Raises:
        TransitionError: listing every unmet rule: the item is neither open nor
            in progress, ``on`` is before the item was created.
        InvalidDataError: ``on`` is not a date.
    """
    _require(item, ActionItem, "item")
    _validate.require_date(on, "on")
    _act(item, ActionStatus.DONE, action_refusals(item, ActionStatus.DONE, on=on))
    return attrs.evolve(item, status=ActionStatus.DONE, done_on=on, reason="")


def reject(item: ActionItem, *, reason: str) -> ActionItem:
    """The proposed ``item`` rejected for ``reason`` (proposed → rejected).

    Raises:
        TransitionError: listing every unmet rule: the item is not proposed, the reason is blank.
        InvalidDataError: ``reason`` is not a string or holds control characters.
    """
    _act(item, ActionStatus.REJECTED, action_refusals(item, ActionStatus.REJECTED, reason=reason))
    return attrs.evolve(item, status=ActionStatus.REJECTED, reason=reason)


def wont_do(item: ActionItem, *, reason: str) -> ActionItem:
    """The open or in-progress ``item`` dropped for ``reason`` (→ won't do).

    Raises:
        TransitionError: listing every unmet rule: the item is neither open nor
            in progress, the reason is blank.
        InvalidDataError: ``reason`` is not a string or holds control characters.
    """
    _act(item, ActionStatus.WONT_DO, action_refusals(item, ActionStatus.WONT_DO, reason=reason))
    return attrs.evolve(item, status=ActionStatus.WONT_DO, reason=reason)


def reopen(item: ActionItem, *, due: dt.date | None = None, reason: str = "") -> ActionItem:
    """The done or won't-do ``item`` open again, optionally with a new ``due`` date and a note.

    Raises:
        TransitionError: listing every unmet rule: the item is neither done
            nor won't do (``incidents.refused.action.not_closed``), the owner,
            due date or type is missing, the due date is before the item was created.
        InvalidDataError: ``due`` is not a date, or ``reason`` is not a string.
    """
    _require(item, ActionItem, "item")
    _check_commitment(None, due, None)
    note = _reason_text(reason)
    reasons = _open_reasons(item, via_commit=False, owner=None, due=due, type=None)
    _act(item, ActionStatus.OPEN, reasons)
    return attrs.evolve(
        item,
        status=ActionStatus.OPEN,
        due=due if due is not None else item.due,
        done_on=None,
        reason=note,
    )
