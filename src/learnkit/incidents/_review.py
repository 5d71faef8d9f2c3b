"""The blameless review of an incident: what happened, why it made sense, what we learn.

A review never has a "root cause" field: it has several
:class:`ContributingFactor` values, each with a category, a role (trigger,
contributing, mitigating) and evidence pointing at timeline events. What the
team takes away is a list of :class:`Learning` statements with tags, and what
it will do is a list of :class:`ActionItem` values with their own lifecycle.

Every value is frozen and validated when built. Which moves between statuses
are allowed, and what publishing requires, lives in
:mod:`learnkit.incidents._lifecycle`; here each status only gets the fields it
cannot do without.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Final, cast

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem, UnknownIdError
from learnkit.incidents._language import FindingKind
from learnkit.incidents._model import _Named, _unique, free_text

__all__ = [
    "REQUIRED_SECTIONS",
    "ActionItem",
    "ActionStatus",
    "ActionType",
    "Approval",
    "ContributingFactor",
    "FactorCategory",
    "FactorRole",
    "IncidentReview",
    "LanguageOverride",
    "Learning",
    "ReviewStatus",
]

REQUIRED_SECTIONS: Final[tuple[str, ...]] = ("summary", "narrative", "went_well", "difficult")
"""The text sections of a review that must be filled before it is published."""


class FactorCategory(_Named, group="category"):
    """Where a contributing factor sits in the system of work."""

    PROCESS = "process"
    TOOLING = "tooling"
    COMMUNICATION = "communication"
    KNOWLEDGE = "knowledge"
    ORGANISATION = "organisation"
    ENVIRONMENT = "environment"
    DETECTION = "detection"


class FactorRole(_Named, group="factor_role"):
    """What a factor did: set things off, made them worse, or made them better."""

    TRIGGER = "trigger"
    CONTRIBUTING = "contributing"
    MITIGATING = "mitigating"


class ActionType(_Named, group="action_type"):
    """What an action item does about the incident."""

    INVESTIGATE = "investigate"
    MITIGATE = "mitigate"
    REPAIR = "repair"
    DETECT = "detect"
    PREVENT = "prevent"
    PROCESS = "process"
    LEARN = "learn"


class ActionStatus(_Named, group="action_status"):
    """Where an action item is: an idea (proposed), a commitment (open onwards), or dropped."""

    PROPOSED = "proposed"
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    REJECTED = "rejected"
    WONT_DO = "wont_do"

    @property
    def is_committed(self) -> bool:
        """Whether the item is a commitment (open, in progress or done), with owner, due, type."""
        return self in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.DONE)

    @property
    def is_active(self) -> bool:
        """Whether work on the item is outstanding (open or in progress)."""
        return self in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


class ReviewStatus(_Named, group="review_status"):
    """Where a review is: draft → in review → published → closed, or skipped."""

    DRAFT = "draft"
    IN_REVIEW = "in_review"
    PUBLISHED = "published"
    CLOSED = "closed"
    SKIPPED = "skipped"


def _sorted_strings(value: Iterable[str]) -> tuple[str, ...]:
    return cast("tuple[str, ...]", _validate.canonical_tuple(value))


@attrs.frozen(kw_only=True)
class ContributingFactor:
    """One of the things that together made the incident possible (never "the root cause").

    Guarantees: evidence ids are unique and kept sorted. Whether they name
    events of the incident's timeline is a publish rule.

    Attributes:
        id: The factor's id, unique within its review.
        category: Process, tooling, communication, knowledge, organisation,
            environment or detection.
        role: Trigger, contributing or mitigating.
        description: The condition, described as a property of the system of
            work, not of a person.
        evidence: Ids of timeline events that show it.
    """

    id: str = attrs.field(validator=_validate.identifier)
    category: FactorCategory = attrs.field(validator=_validate.instance_of(FactorCategory))
    role: FactorRole = attrs.field(validator=_validate.instance_of(FactorRole))
    description: str = attrs.field(validator=_validate.text)
    evidence: tuple[str, ...] = attrs.field(
        default=(), converter=_sorted_strings, validator=_validate.each(_validate.identifier)
    )

    def __attrs_post_init__(self) -> None:
        problems = _unique("evidence", self.evidence)
        if problems:
            raise InvalidDataError(problems)


def _tag_set(value: object) -> object:
    # Tags are a set: duplicates collapse, order is canonical.
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        return value
    items = tuple(value)
    try:
        return tuple(sorted(set(items)))
    except TypeError:  # unhashable or unsortable items: the validator names them
        return items


@attrs.frozen(kw_only=True)
class Learning:
    """Something the team learned, as a statement with tags (the learnings library).

    Guarantees: tags are unique and sorted, so equal learnings compare equal.

    Attributes:
        id: The learning's id, unique within its review.
        statement: What was learned, as a sentence.
        tags: Words to find it by across reviews (``"deploy"``, ``"alarmer"``).
    """

    id: str = attrs.field(validator=_validate.identifier)
    statement: str = attrs.field(validator=_validate.text)
    tags: tuple[str, ...] = attrs.field(
        default=(), converter=_tag_set, validator=_validate.each(_validate.identifier)
    )


_COMMITTED_FIELDS: Final = ("owner", "due", "type")


@attrs.frozen(kw_only=True)
class ActionItem:
    """Something the team will do (or proposes to do) because of what it learned.

    Guarantees, checked when built (every problem at once):

    * open, in-progress and done items have an owner, a due date and a type
      (a proposed item may have any of them, as a suggestion);
    * a done item has ``done_on``, and no other item has;
    * a rejected or won't-do item has a non-blank ``reason``;
    * ``due`` and ``done_on`` are not before ``created_on``.

    Attributes:
        id: The item's id, unique within its review.
        title: What will be done, as an instruction to the system, not to a person.
        status: Proposed, open, in progress, done, rejected or won't do.
        created_on: When it was written down.
        type: Investigate, mitigate, repair, detect, prevent, process or learn.
        owner: The person id of who makes sure it happens.
        due: When it should be done.
        done_on: When it was done (done items only).
        reason: Why it was rejected or will not be done (required then); for
            other statuses an optional note on the last move (why it was reopened).
    """

    id: str = attrs.field(validator=_validate.identifier)
    title: str = attrs.field(validator=_validate.text)
    status: ActionStatus = attrs.field(validator=_validate.instance_of(ActionStatus))
    created_on: dt.date = attrs.field(validator=_validate.date)
    type: ActionType | None = attrs.field(
        default=None, validator=_validate.optional(_validate.instance_of(ActionType))
    )
    owner: str | None = attrs.field(
        default=None, validator=_validate.optional(_validate.identifier)
    )
    due: dt.date | None = attrs.field(default=None, validator=_validate.optional(_validate.date))
    done_on: dt.date | None = attrs.field(
        default=None, validator=_validate.optional(_validate.date)
    )
    reason: str = attrs.field(default="", validator=free_text)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        status = self.status.value
        if self.status.is_committed:
            problems.extend(
                Problem(name, None, f"is required when the status is {status!r}")
                for name in _COMMITTED_FIELDS
                if getattr(self, name) is None
            )
        if self.status is ActionStatus.DONE and self.done_on is None:
            problems.append(Problem("done_on", None, "is required when the status is 'done'"))
        if self.status is not ActionStatus.DONE and self.done_on is not None:
            problems.append(
                Problem("done_on", self.done_on, f"must not be set when the status is {status!r}")
            )
        if self.status in (ActionStatus.REJECTED, ActionStatus.WONT_DO) and not self.reason.strip():
            problems.append(
                Problem("reason", self.reason, f"is required when the status is {status!r}")
            )
        for name in ("due", "done_on"):
            day = getattr(self, name)
            if day is not None and day < self.created_on:
                problems.append(
                    Problem(
                        name, day, f"must not be before created_on ({self.created_on.isoformat()})"
                    )
                )
        if problems:
            raise InvalidDataError(problems)


@attrs.frozen(kw_only=True)
class Approval:
    """Someone approving a review for publication.

    Attributes:
        by: The approver's person id.
        at: When they approved (aware).
    """

    by: str = attrs.field(validator=_validate.identifier)
    at: dt.datetime = attrs.field(validator=_validate.aware_datetime)


def _finding_kind(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, FindingKind):
        raise _validate.fail(attribute, value, "must be FindingKind")


@attrs.frozen(kw_only=True)
class LanguageOverride:
    """A team's written decision to keep a phrase the language check flags.

    A finding is overridden when the override names the same field, phrase and kind.

    Attributes:
        field: The path of the text field, e.g. ``"narrative"`` or ``"factors[0].description"``.
        phrase: The flagged phrase, exactly as the finding reports it.
        kind: The kind of finding it overrides.
        justification: Why the phrase stays (required, non-blank).
        by: The person id of who decided.
    """

    field: str = attrs.field(validator=_validate.text)
    phrase: str = attrs.field(validator=_validate.text)
    kind: FindingKind = attrs.field(validator=_finding_kind)
    justification: str = attrs.field(validator=_validate.text)
    by: str = attrs.field(validator=_validate.identifier)


def _as_tuple(value: object) -> object:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        return value
    return tuple(value)


def _sorted_approvals(value: Iterable[Approval]) -> tuple[Approval, ...]:
    return cast(
        "tuple[Approval, ...]", _validate.canonical_tuple(value, key=lambda a: (a.by, a.at))
    )


_TEXT_SECTIONS: Final = ("summary", "narrative", "surprises", "went_well", "difficult", "lucky")


@attrs.frozen(kw_only=True)
class IncidentReview:
    """The blameless review of one incident.

    Guarantees, checked when built (every problem at once):

    * factor, learning and action-item ids are each unique within the review;
    * each person approves at most once (approvals kept sorted by person);
    * a published or closed review has ``published_at``; a skipped one has not,
      and has a non-blank ``reason``;
    * ``revision`` is 1 or more.

    Factors, learnings, action items and overrides keep the order given (the
    language check names them by position, e.g. ``factors[0].description``).
    Whether the review may be published is :func:`~learnkit.incidents.publish_blockers`.

    Attributes:
        id: The review's id.
        incident: The id of the incident reviewed.
        author: The person id of who wrote it (cannot approve it).
        status: Draft, in review, published, closed or skipped.
        revision: 1 for the first version; each amendment adds 1.
        summary: What happened, in short.
        narrative: The story, told from the inside: what people knew and why
            their actions made sense at the time.
        surprises: What surprised us.
        went_well: What went well.
        difficult: What was difficult.
        lucky: Where we got lucky.
        factors: The contributing factors (more than one is normal).
        learnings: What we learned.
        action_items: What we will do.
        approvals: Who approved this revision, and when.
        overrides: Language findings the team decided to keep, with a justification.
        published_at: When the current or last revision was published.
        reason: Why it was skipped; otherwise a note on the last move
            (changes requested, amended).
    """

    id: str = attrs.field(validator=_validate.identifier)
    incident: str = attrs.field(validator=_validate.identifier)
    author: str = attrs.field(validator=_validate.identifier)
    status: ReviewStatus = attrs.field(
        default=ReviewStatus.DRAFT, validator=_validate.instance_of(ReviewStatus)
    )
    revision: int = attrs.field(default=1, validator=_validate.int_between(1, 10_000))
    summary: str = attrs.field(default="", validator=free_text)
    narrative: str = attrs.field(default="", validator=free_text)
    surprises: str = attrs.field(default="", validator=free_text)
    went_well: str = attrs.field(default="", validator=free_text)
    difficult: str = attrs.field(default="", validator=free_text)
    lucky: str = attrs.field(default="", validator=free_text)
    factors: tuple[ContributingFactor, ...] = attrs.field(
        default=(),
        converter=_as_tuple,
        validator=_validate.each(_validate.instance_of(ContributingFactor)),
    )
    learnings: tuple[Learning, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_validate.each(_validate.instance_of(Learning))
    )
    action_items: tuple[ActionItem, ...] = attrs.field(
        default=(),
        converter=_as_tuple,
        validator=_validate.each(_validate.instance_of(ActionItem)),
    )
    approvals: tuple[Approval, ...] = attrs.field(
        default=(),
        converter=_sorted_approvals,
        validator=_validate.each(_validate.instance_of(Approval)),
    )
    overrides: tuple[LanguageOverride, ...] = attrs.field(
        default=(),
        converter=_as_tuple,
        validator=_validate.each(_validate.instance_of(LanguageOverride)),
    )
    published_at: dt.datetime | None = attrs.field(
        default=None, validator=_validate.optional(_validate.aware_datetime)
    )
    reason: str = attrs.field(default="", validator=free_text)

    def __attrs_post_init__(self) -> None:
        problems = [
            *_unique("factors", (factor.id for factor in self.factors)),
            *_unique("learnings", (learning.id for learning in self.learnings)),
            *_unique("action_items", (item.id for item in self.action_items)),
            *_unique("approvals", (approval.by for approval in self.approvals)),
        ]
        status = self.status.value
        if (
            self.status in (ReviewStatus.PUBLISHED, ReviewStatus.CLOSED)
            and self.published_at is None
        ):
            problems.append(
                Problem("published_at", None, f"is required when the status is {status!r}")
            )
        if self.status is ReviewStatus.SKIPPED:
            if self.published_at is not None:
                problems.append(
                    Problem("published_at", self.published_at, "must not be set when skipped")
                )
            if not self.reason.strip():
                problems.append(Problem("reason", self.reason, "is required when skipped"))
        if problems:
            raise InvalidDataError(problems)

    def section(self, name: str) -> str:
        """The text of section ``name`` (one of the six text sections, e.g. ``"went_well"``).

        Raises:
            InvalidDataError: ``name`` is not a text section.
        """
        if name not in _TEXT_SECTIONS:
            raise InvalidDataError.single(
                "name", name, f"must be one of {', '.join(_TEXT_SECTIONS)}"
            )
        return cast("str", getattr(self, name))

    @property
    def missing_sections(self) -> tuple[str, ...]:
        """The ``REQUIRED_SECTIONS`` that are empty or blank, in that order."""
        return tuple(name for name in REQUIRED_SECTIONS if not self.section(name).strip())

    def action_item(self, item_id: str) -> ActionItem:
        """The action item with id ``item_id``.

        Raises:
            UnknownIdError: the review has no such item.
        """
        for item in self.action_items:
            if item.id == item_id:
                return item
        raise UnknownIdError("action item", item_id)
