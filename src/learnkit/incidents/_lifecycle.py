"""The life of a review, as pure moves with guards.

A review goes draft → in review → published → closed. Changes can be
requested (in review → draft, with a reason), a published review can be
amended (→ in review, revision + 1), and a draft or a review in review can be
skipped (with a reason) unless its severity level requires a review.

Every move returns a new value or raises
:class:`~learnkit.exceptions.TransitionError` listing *every* rule it breaks;
the reasons are i18n keys of whole sentences (``incidents.refused.review.*``),
and :func:`review_refusals` returns them without raising. Publishing lists
:class:`~learnkit.incidents.Blocker` values instead (see
:func:`~learnkit.incidents.publish_blockers`), carried by :class:`PublishRefusedError`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Final

import attrs

from learnkit.exceptions import InvalidDataError, TransitionError
from learnkit.incidents._language import DEFAULT_LANGUAGE_POLICY, LanguagePolicy
from learnkit.incidents._model import DEFAULT_SEVERITY_SCALE, Incident, SeverityScale
from learnkit.incidents._publish import Blocker, publish_blockers
from learnkit.incidents._refusals import (
    REASON_MISSING,
    REVIEW_ALREADY_APPROVED,
    REVIEW_FINAL,
    REVIEW_NOT_DRAFT,
    REVIEW_NOT_IN_REVIEW,
    REVIEW_NOT_PUBLISHED,
    REVIEW_NOT_SKIPPABLE,
    REVIEW_REQUIRED,
    REVIEW_SELF_APPROVAL,
    REVIEW_UNSETTLED_ACTIONS,
    _moment,
    _raise,
    _reason_text,
    _require,
)
from learnkit.incidents._review import (
    ActionItem,
    ActionStatus,
    Approval,
    IncidentReview,
    ReviewStatus,
)
from learnkit.people import Roster

__all__ = [
    "PublishRefusedError",
    "amend",
    "approve",
    "close",
    "publish",
    "request_changes",
    "review_refusals",
    "skip",
    "submit",
    "with_action_item",
]


class PublishRefusedError(TransitionError):
    """Publishing was refused; :attr:`blockers` holds every unmet rule.

    ``reasons`` are the blockers' :attr:`~learnkit.incidents.Blocker.reason`
    strings, in the same order.

    Attributes:
        blockers: Every unmet publish rule, never empty.
    """

    def __init__(self, subject: str, source: str, blockers: Iterable[Blocker]) -> None:
        self.blockers: tuple[Blocker, ...] = tuple(blockers)
        super().__init__(subject, source, "published", [b.reason for b in self.blockers])

    def __reduce__(  # type: ignore[override]
        self,
    ) -> tuple[type[PublishRefusedError], tuple[str, str, tuple[Blocker, ...]]]:
        return (type(self), (self.subject, self.source, self.blockers))


# --- reviews ---------------------------------------------------------------------------

# Where each move may start, and the reason when it may not (in review is special: see below).
_REVIEW_SOURCES: Final = {
    ReviewStatus.DRAFT: ((ReviewStatus.IN_REVIEW,), REVIEW_NOT_IN_REVIEW),
    ReviewStatus.PUBLISHED: ((ReviewStatus.IN_REVIEW,), REVIEW_NOT_IN_REVIEW),
    ReviewStatus.CLOSED: ((ReviewStatus.PUBLISHED,), REVIEW_NOT_PUBLISHED),
    ReviewStatus.SKIPPED: ((ReviewStatus.DRAFT, ReviewStatus.IN_REVIEW), REVIEW_NOT_SKIPPABLE),
}


def review_refusals(
    review: IncidentReview,
    target: ReviewStatus,
    *,
    reason: str | None = None,
    incident: Incident | None = None,
    scale: SeverityScale = DEFAULT_SEVERITY_SCALE,
) -> tuple[str, ...]:
    """Every rule a move of ``review`` to ``target`` breaks, except the publish rules.

    The guard behind :func:`submit` and :func:`amend` (→ in review),
    :func:`request_changes` (→ draft), :func:`close` and :func:`skip`; for
    ``PUBLISHED`` it checks only the status (use
    :func:`~learnkit.incidents.publish_blockers` for the rest). A rule about an
    argument left out (``None``) is not checked, so ``review_refusals(r,
    ReviewStatus.SKIPPED)`` asks only whether the status allows it. Given the
    same arguments it returns exactly the reasons the move's error carries.

    Raises:
        InvalidDataError: ``review`` or ``target`` has the wrong type.
        UnknownIdError: ``incident``'s severity is not a level of ``scale``.
    """
    _require(review, IncidentReview, "review")
    _require(target, ReviewStatus, "target")
    reasons: list[str] = []
    if target is ReviewStatus.IN_REVIEW:
        # Submitted from a draft, amended from published: the source decides which.
        if review.status not in (ReviewStatus.DRAFT, ReviewStatus.PUBLISHED):
            reasons.append(REVIEW_NOT_DRAFT)
    else:
        sources, refusal = _REVIEW_SOURCES[target]
        if review.status not in sources:
            reasons.append(refusal)
    needs_reason = (
        target is ReviewStatus.SKIPPED
        or target is ReviewStatus.DRAFT
        or (target is ReviewStatus.IN_REVIEW and review.status is ReviewStatus.PUBLISHED)
    )
    if needs_reason and reason is not None and not _reason_text(reason).strip():
        reasons.append(REASON_MISSING)
    if target is ReviewStatus.SKIPPED and incident is not None:
        _require(incident, Incident, "incident")
        if scale.level(incident.severity).review_required:
            reasons.append(REVIEW_REQUIRED)
    if target is ReviewStatus.CLOSED and any(
        item.status is ActionStatus.PROPOSED or item.status.is_active
        for item in review.action_items
    ):
        reasons.append(REVIEW_UNSETTLED_ACTIONS)
    return tuple(reasons)


def _subject(review: IncidentReview) -> str:
    return f"review {review.id}"


def _move(review: IncidentReview, target: ReviewStatus, reasons: tuple[str, ...]) -> None:
    _raise(_subject(review), review.status.value, target.value, reasons)


def submit(review: IncidentReview) -> IncidentReview:
    """The draft ``review`` sent for review (draft → in review).

    Raises:
        TransitionError: the review is not a draft (``incidents.refused.review.not_draft``).
    """
    _require(review, IncidentReview, "review")
    reasons = () if review.status is ReviewStatus.DRAFT else (REVIEW_NOT_DRAFT,)
    _move(review, ReviewStatus.IN_REVIEW, reasons)
    return attrs.evolve(review, status=ReviewStatus.IN_REVIEW, reason="")


def request_changes(review: IncidentReview, *, reason: str) -> IncidentReview:
    """The review sent back to its author (in review → draft) with ``reason``; approvals lapse.

    Raises:
        TransitionError: listing every unmet rule: the review is not in review,
            the reason is blank.
        InvalidDataError: ``reason`` is not a string or holds control characters.
    """
    reasons = review_refusals(review, ReviewStatus.DRAFT, reason=reason)
    _move(review, ReviewStatus.DRAFT, reasons)
    return attrs.evolve(review, status=ReviewStatus.DRAFT, reason=reason, approvals=())


def approve(review: IncidentReview, *, by: str, at: dt.datetime) -> IncidentReview:
    """The review in review with an approval by ``by`` at ``at`` added.

    Raises:
        TransitionError: listing every unmet rule: the review is not in review
            (``incidents.refused.review.not_in_review``), ``by`` is the author
            (``...self_approval``) or has approved already (``...already_approved``).
        InvalidDataError: ``by`` is not an id or ``at`` is not an aware datetime.
    """
    _require(review, IncidentReview, "review")
    approval = Approval(by=by, at=at)
    reasons: list[str] = []
    if review.status is not ReviewStatus.IN_REVIEW:
        reasons.append(REVIEW_NOT_IN_REVIEW)
    if by == review.author:
        reasons.append(REVIEW_SELF_APPROVAL)
    if any(existing.by == by for existing in review.approvals):
        reasons.append(REVIEW_ALREADY_APPROVED)
    _move(review, review.status, tuple(reasons))
    return attrs.evolve(review, approvals=(*review.approvals, approval))


def publish(
    review: IncidentReview,
    *,
    at: dt.datetime,
    incident: Incident,
    scale: SeverityScale = DEFAULT_SEVERITY_SCALE,
    policy: LanguagePolicy = DEFAULT_LANGUAGE_POLICY,
    roster: Roster | None = None,
) -> IncidentReview:
    """The review published at ``at`` (in review → published).

    Raises:
        PublishRefusedError: a :class:`~learnkit.exceptions.TransitionError`
            whose ``blockers`` are every unmet rule of
            :func:`~learnkit.incidents.publish_blockers`.
        InvalidDataError: ``at`` is not an aware datetime, or the review is not of ``incident``.
        UnknownIdError: the incident's severity is not a level of ``scale``.
    """
    _require(review, IncidentReview, "review")
    _require(incident, Incident, "incident")
    moment = _moment(at, "at")
    blockers = publish_blockers(review, incident, scale=scale, policy=policy, roster=roster)
    if blockers:
        raise PublishRefusedError(_subject(review), review.status.value, blockers)
    return attrs.evolve(review, status=ReviewStatus.PUBLISHED, published_at=moment, reason="")


def close(review: IncidentReview) -> IncidentReview:
    """The published review closed (published → closed): every action item is settled.

    Raises:
        TransitionError: listing every unmet rule: the review is not published,
            an action item is still proposed, open or in progress
            (``incidents.refused.review.unsettled_actions``).
    """
    reasons = review_refusals(review, ReviewStatus.CLOSED)
    _move(review, ReviewStatus.CLOSED, reasons)
    return attrs.evolve(review, status=ReviewStatus.CLOSED)


def amend(review: IncidentReview, *, reason: str) -> IncidentReview:
    """The published review reopened for a new revision (published → in review, revision + 1).

    The approvals lapse (they were given to the earlier revision); ``published_at``
    keeps when that revision was published.

    Raises:
        TransitionError: listing every unmet rule: the review is not published
            (``incidents.refused.review.not_published``), the reason is blank.
        InvalidDataError: ``reason`` is not a string or holds control characters.
    """
    _require(review, IncidentReview, "review")
    reasons = [] if review.status is ReviewStatus.PUBLISHED else [REVIEW_NOT_PUBLISHED]
    if not _reason_text(reason).strip():
        reasons.append(REASON_MISSING)
    _move(review, ReviewStatus.IN_REVIEW, tuple(reasons))
    return attrs.evolve(
        review,
        status=ReviewStatus.IN_REVIEW,
        revision=review.revision + 1,
        approvals=(),
        reason=reason,
    )


def skip(
    review: IncidentReview,
    *,
    reason: str,
    incident: Incident,
    scale: SeverityScale = DEFAULT_SEVERITY_SCALE,
) -> IncidentReview:
    """The review skipped with ``reason`` (draft or in review → skipped).

    Raises:
        TransitionError: listing every unmet rule: the review is neither a
            draft nor in review, the reason is blank, the incident's severity
            level requires a review (``incidents.refused.review.required``).
        InvalidDataError: ``reason`` is not a string, or the review is not of ``incident``.
        UnknownIdError: the incident's severity is not a level of ``scale``.
    """
    _require(incident, Incident, "incident")
    _require(review, IncidentReview, "review")
    if review.incident != incident.id:
        raise InvalidDataError.single(
            "incident", incident.id, f"is not the incident the review is of ({review.incident!r})"
        )
    reasons = review_refusals(
        review, ReviewStatus.SKIPPED, reason=reason, incident=incident, scale=scale
    )
    _move(review, ReviewStatus.SKIPPED, reasons)
    return attrs.evolve(review, status=ReviewStatus.SKIPPED, reason=reason, published_at=None)


def with_action_item(review: IncidentReview, item: ActionItem) -> IncidentReview:
    """The review with ``item`` in place of the item with the same id, or added at the end.

    Action items change after publishing (they are done, dropped, reopened), so
    this works in every status but closed and skipped.

    Raises:
        TransitionError: the review is closed or skipped (``incidents.refused.review.final``).
        InvalidDataError: ``item`` is not an :class:`~learnkit.incidents.ActionItem`.
    """
    _require(review, IncidentReview, "review")
    _require(item, ActionItem, "item")
    final = review.status in (ReviewStatus.CLOSED, ReviewStatus.SKIPPED)
    _move(review, review.status, (REVIEW_FINAL,) if final else ())
    items = list(review.action_items)
    for index, existing in enumerate(items):
        if existing.id == item.id:
            items[index] = item
            break
    else:
        items.append(item)
    return attrs.evolve(review, action_items=tuple(items))
