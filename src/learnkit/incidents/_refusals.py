"""Why a move is refused: the reason keys both lifecycles share, and their small helpers.

Each reason is an i18n key of a whole sentence without placeholders
(``translate(reason, "da")``); bots compare them and render them. They are
part of the API.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Final

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, TransitionError

__all__ = ["REFUSAL_REASONS"]

_R: Final = "incidents.refused."
REVIEW_NOT_DRAFT: Final = _R + "review.not_draft"
REVIEW_NOT_IN_REVIEW: Final = _R + "review.not_in_review"
REVIEW_NOT_PUBLISHED: Final = _R + "review.not_published"
REVIEW_NOT_SKIPPABLE: Final = _R + "review.not_skippable"
REVIEW_REQUIRED: Final = _R + "review.required"
REVIEW_FINAL: Final = _R + "review.final"
REVIEW_UNSETTLED_ACTIONS: Final = _R + "review.unsettled_actions"
REVIEW_SELF_APPROVAL: Final = _R + "review.self_approval"
REVIEW_ALREADY_APPROVED: Final = _R + "review.already_approved"
ACTION_NOT_PROPOSED: Final = _R + "action.not_proposed"
ACTION_NOT_OPEN: Final = _R + "action.not_open"
ACTION_NOT_ACTIVE: Final = _R + "action.not_active"
ACTION_NOT_CLOSED: Final = _R + "action.not_closed"
ACTION_OWNER_MISSING: Final = _R + "action.owner_missing"
ACTION_DUE_MISSING: Final = _R + "action.due_missing"
ACTION_TYPE_MISSING: Final = _R + "action.type_missing"
ACTION_DUE_BEFORE_CREATED: Final = _R + "action.due_before_created"
ACTION_DONE_BEFORE_CREATED: Final = _R + "action.done_before_created"
REASON_MISSING: Final = _R + "reason_missing"

REFUSAL_REASONS: Final[tuple[str, ...]] = (
    REVIEW_NOT_DRAFT,
    REVIEW_NOT_IN_REVIEW,
    REVIEW_NOT_PUBLISHED,
    REVIEW_NOT_SKIPPABLE,
    REVIEW_REQUIRED,
    REVIEW_FINAL,
    REVIEW_UNSETTLED_ACTIONS,
    REVIEW_SELF_APPROVAL,
    REVIEW_ALREADY_APPROVED,
    ACTION_NOT_PROPOSED,
    ACTION_NOT_OPEN,
    ACTION_NOT_ACTIVE,
    ACTION_NOT_CLOSED,
    ACTION_OWNER_MISSING,
    ACTION_DUE_MISSING,
    ACTION_TYPE_MISSING,
    ACTION_DUE_BEFORE_CREATED,
    ACTION_DONE_BEFORE_CREATED,
    REASON_MISSING,
)
"""Every reason a refused move (other than publishing) may give: i18n keys of whole sentences."""


def _require(value: object, kind: type, field: str) -> None:
    if not isinstance(value, kind):
        raise InvalidDataError.single(field, value, f"must be {kind.__name__}")


def _reason_text(value: object, field: str = "reason") -> str:
    if not isinstance(value, str):
        raise InvalidDataError.single(field, value, "must be a string")
    return _validate_free(value, field)


def _validate_free(value: str, field: str) -> str:
    if any(unicodedata.category(ch) in ("Cc", "Cs") and ch not in "\n\t" for ch in value):
        raise InvalidDataError.single(field, value, "must not contain control characters")
    return value


def _moment(value: object, field: str) -> dt.datetime:
    problem = _validate.datetime_problem(value)
    if problem is not None:
        raise InvalidDataError.single(field, value, problem)
    return value  # type: ignore[return-value]


def _raise(subject: str, source: str, target: str, reasons: tuple[str, ...]) -> None:
    if reasons:
        raise TransitionError(subject, source, target, reasons)
