"""The published view: the only way a review leaves its team.

:func:`published_view` turns a published review and its incident into a
:class:`PublishedReview` that can be shown to the whole organisation. In every
text field the names of the people involved become their roles ("the
facilitator", "facilitatoren", "responder 2"), so readers learn what happened
without learning who; the view carries no person ids at all (no author,
approvers or action-item owners).

What leaves the team depends on the incident's visibility:

* ``ORGANISATION``: the whole review (scope ``FULL``);
* ``TEAM``: the title, kind, severity, team and learnings (scope
  ``TITLE_AND_LEARNINGS``): the details stay in the team, the learning does not;
* ``RESTRICTED``: only the kind and the learnings, under a neutral title
  (scope ``LEARNINGS``): even the title of a restricted incident may say too much.

A name is replaced wherever it stands as a word of its own, in any case: the
full name, each part of it (first names alone, last names alone, each half of
a double name such as "Anne-Mette"), the person's id (when it holds a letter),
and their possessive forms ("Mettes", "Mette's", "Lars'"). A name inside
another word is left alone: "Bo" becomes a role, "bord" stays a table.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import Final, cast

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.i18n import LOCALES, Locale, check_locale, translate
from learnkit.incidents._model import (
    Impact,
    Incident,
    IncidentKind,
    IncidentVisibility,
    TimelineEvent,
    free_text,
)
from learnkit.incidents._redaction import (
    Redactor,
    check_arguments,
    participant_labels,
    people_to_redact,
)
from learnkit.incidents._review import (
    ActionStatus,
    ActionType,
    ContributingFactor,
    IncidentReview,
    Learning,
    ReviewStatus,
)
from learnkit.people import Roster

__all__ = [
    "PublishedAction",
    "PublishedReview",
    "PublishedScope",
    "published_view",
]


class PublishedScope(enum.Enum):
    """How much of a review its published view shows, by the incident's visibility."""

    FULL = "full"
    """Everything, with names replaced by roles (visibility ``ORGANISATION``)."""
    TITLE_AND_LEARNINGS = "title_and_learnings"
    """Title, kind, severity, team and learnings (visibility ``TEAM``)."""
    LEARNINGS = "learnings"
    """Kind and learnings under a neutral title (visibility ``RESTRICTED``)."""

    @classmethod
    def for_visibility(cls, visibility: IncidentVisibility) -> PublishedScope:
        """The scope a review of an incident with ``visibility`` is published with."""
        return _SCOPES[visibility]


_SCOPES: Final = {
    IncidentVisibility.ORGANISATION: PublishedScope.FULL,
    IncidentVisibility.TEAM: PublishedScope.TITLE_AND_LEARNINGS,
    IncidentVisibility.RESTRICTED: PublishedScope.LEARNINGS,
}


@attrs.frozen(kw_only=True)
class PublishedAction:
    """An action item as the organisation sees it: what, what kind, how far, by when; not who.

    Attributes:
        id: The item's id within its review.
        title: What will be done, names replaced by roles.
        status: Where the item is.
        type: What kind of action it is, when set.
        due: When it should be done, when set.
        done_on: When it was done (done items only).
    """

    id: str = attrs.field(validator=_validate.identifier)
    title: str = attrs.field(validator=_validate.text)
    status: ActionStatus = attrs.field(validator=_validate.instance_of(ActionStatus))
    type: ActionType | None = attrs.field(
        default=None, validator=_validate.optional(_validate.instance_of(ActionType))
    )
    due: dt.date | None = attrs.field(default=None, validator=_validate.optional(_validate.date))
    done_on: dt.date | None = attrs.field(
        default=None, validator=_validate.optional(_validate.date)
    )


def _tuple(value: object) -> object:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        return value
    return tuple(value)


def _each(kind: type) -> _validate.Validator:
    return _validate.each(_validate.instance_of(kind))


_SECTIONS: Final = (
    "incident_summary",
    "summary",
    "narrative",
    "surprises",
    "went_well",
    "difficult",
    "lucky",
)
_DETAILS: Final = ("participants", "impacts", "timeline", "factors", "actions")


@attrs.frozen(kw_only=True)
class PublishedReview:
    """What the organisation may read of a review, with every name replaced by a role.

    Guarantees, checked when built: a view with scope other than ``FULL`` has
    no sections and no details (participants, impacts, timeline, factors,
    actions); a ``LEARNINGS`` view names no severity and no team. Values made
    by :func:`published_view` also hold no participant's name in any text
    field (see :meth:`texts`).

    Attributes:
        review: The review's id.
        incident: The incident's id.
        revision: The revision published.
        scope: How much is shown (by the incident's visibility).
        locale: The language of the role labels.
        kind: Incident, near miss, mistake or failed experiment.
        title: The incident's title (a neutral title for a restricted incident).
        published_at: When the revision was published.
        severity: The severity level's id (``None`` for a restricted incident).
        team: The team's id (``None`` for a restricted incident).
        participants: The role labels of the people who took part.
        incident_summary: The incident's own summary.
        summary: The review's summary.
        narrative: The story, as the team told it.
        surprises: What surprised the team.
        went_well: What went well.
        difficult: What was difficult.
        lucky: Where the team got lucky.
        impacts: What and who was affected.
        timeline: What happened when, by role.
        factors: The contributing factors.
        learnings: What the team learned.
        actions: What the team will do, without owners.
    """

    review: str = attrs.field(validator=_validate.identifier)
    incident: str = attrs.field(validator=_validate.identifier)
    revision: int = attrs.field(validator=_validate.int_between(1, 10_000))
    scope: PublishedScope = attrs.field(validator=_validate.instance_of(PublishedScope))
    locale: Locale = attrs.field(validator=_validate.one_of(LOCALES))
    kind: IncidentKind = attrs.field(validator=_validate.instance_of(IncidentKind))
    title: str = attrs.field(validator=_validate.text)
    published_at: dt.datetime = attrs.field(validator=_validate.aware_datetime)
    severity: str | None = attrs.field(
        default=None, validator=_validate.optional(_validate.identifier)
    )
    team: str | None = attrs.field(default=None, validator=_validate.optional(_validate.identifier))
    participants: tuple[str, ...] = attrs.field(
        default=(), converter=_tuple, validator=_validate.each(_validate.text)
    )
    incident_summary: str = attrs.field(default="", validator=free_text)
    summary: str = attrs.field(default="", validator=free_text)
    narrative: str = attrs.field(default="", validator=free_text)
    surprises: str = attrs.field(default="", validator=free_text)
    went_well: str = attrs.field(default="", validator=free_text)
    difficult: str = attrs.field(default="", validator=free_text)
    lucky: str = attrs.field(default="", validator=free_text)
    impacts: tuple[Impact, ...] = attrs.field(default=(), converter=_tuple, validator=_each(Impact))
    timeline: tuple[TimelineEvent, ...] = attrs.field(
        default=(), converter=_tuple, validator=_each(TimelineEvent)
    )
    factors: tuple[ContributingFactor, ...] = attrs.field(
        default=(), converter=_tuple, validator=_each(ContributingFactor)
    )
    learnings: tuple[Learning, ...] = attrs.field(
        default=(), converter=_tuple, validator=_each(Learning)
    )
    actions: tuple[PublishedAction, ...] = attrs.field(
        default=(), converter=_tuple, validator=_each(PublishedAction)
    )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if self.scope is not PublishedScope.FULL:
            problems.extend(
                Problem(name, getattr(self, name), f"must be empty in a {self.scope.value} view")
                for name in (*_SECTIONS, *_DETAILS)
                if getattr(self, name)
            )
        if self.scope is PublishedScope.LEARNINGS:
            problems.extend(
                Problem(name, getattr(self, name), "must be None in a learnings view")
                for name in ("severity", "team")
                if getattr(self, name) is not None
            )
        if problems:
            raise InvalidDataError(problems)

    def texts(self) -> tuple[tuple[str, str], ...]:
        """Every text field of the view as ``(path, text)``, e.g. ``("narrative", ...)``.

        Empty sections are left out. Paths follow the review's own
        (``factors[0].description``), so a language check can report on the view.
        """
        found: list[tuple[str, str]] = [("title", self.title)]
        found.extend((f"participants[{i}]", label) for i, label in enumerate(self.participants))
        found.extend((name, getattr(self, name)) for name in _SECTIONS if getattr(self, name))
        for i, impact in enumerate(self.impacts):
            found.append((f"impacts[{i}].description", impact.description))
            found.append((f"impacts[{i}].affected", impact.affected))
            if impact.amount:
                found.append((f"impacts[{i}].amount", impact.amount))
        for i, event in enumerate(self.timeline):
            found.append((f"timeline[{i}].description", event.description))
            if event.actor_role:
                found.append((f"timeline[{i}].actor_role", event.actor_role))
            found.extend((f"timeline[{i}].evidence[{j}]", e) for j, e in enumerate(event.evidence))
        found.extend(
            (f"factors[{i}].description", factor.description)
            for i, factor in enumerate(self.factors)
        )
        for i, learning in enumerate(self.learnings):
            found.append((f"learnings[{i}].statement", learning.statement))
            found.extend((f"learnings[{i}].tags[{j}]", tag) for j, tag in enumerate(learning.tags))
        found.extend((f"actions[{i}].title", action.title) for i, action in enumerate(self.actions))
        return tuple(found)


def published_view(
    review: IncidentReview, incident: Incident, roster: Roster, *, locale: Locale
) -> PublishedReview:
    """The view of a published review that may leave its team.

    The scope follows the incident's visibility (see :class:`PublishedScope`).
    Every text field is passed through :func:`redact_names` (with the review), so no
    participant's name survives in the view, and no person id is carried.

    Raises:
        InvalidDataError: the review is not published or closed (a draft, or
            an amendment still in review, does not leave its team), it is not
            a review of ``incident``, a participant is not in the roster, or
            an argument has the wrong type or the locale is unknown.
    """
    check_arguments(incident, roster, review)
    locale = check_locale(locale)
    problems: list[Problem] = []
    if review.status not in (ReviewStatus.PUBLISHED, ReviewStatus.CLOSED):
        problems.append(
            Problem(
                "review.status",
                review.status.value,
                "must be published or closed to leave its team",
            )
        )
    if review.incident != incident.id:
        problems.append(Problem("review.incident", review.incident, f"is not {incident.id}"))
    if problems:
        raise InvalidDataError(problems)
    published_at = cast("dt.datetime", review.published_at)  # a published review has it
    clean = Redactor(people_to_redact(incident, roster, review), locale)
    scope = PublishedScope.for_visibility(incident.visibility)
    learnings = tuple(
        attrs.evolve(
            learning,
            statement=clean(learning.statement),
            tags=[clean(tag, sentences=False) for tag in learning.tags],
        )
        for learning in review.learnings
    )
    if scope is not PublishedScope.FULL:
        restricted = scope is PublishedScope.LEARNINGS
        return PublishedReview(
            review=review.id,
            incident=incident.id,
            revision=review.revision,
            scope=scope,
            locale=locale,
            kind=incident.kind,
            published_at=published_at,
            learnings=learnings,
            title=(
                translate("published.restricted_title", locale)
                if restricted
                else clean(incident.title)
            ),
            severity=None if restricted else incident.severity,
            team=None if restricted else incident.team,
        )
    return PublishedReview(
        review=review.id,
        incident=incident.id,
        revision=review.revision,
        scope=scope,
        locale=locale,
        kind=incident.kind,
        published_at=published_at,
        learnings=learnings,
        title=clean(incident.title),
        severity=incident.severity,
        team=incident.team,
        participants=participant_labels(incident, locale),
        incident_summary=clean(incident.summary),
        summary=clean(review.summary),
        narrative=clean(review.narrative),
        surprises=clean(review.surprises),
        went_well=clean(review.went_well),
        difficult=clean(review.difficult),
        lucky=clean(review.lucky),
        impacts=[
            attrs.evolve(
                impact,
                description=clean(impact.description),
                affected=clean(impact.affected),
                amount=clean(impact.amount),
            )
            for impact in incident.impacts
        ],
        timeline=[
            attrs.evolve(
                event,
                description=clean(event.description),
                actor_role=clean(event.actor_role),
                evidence=sorted({clean(item) for item in event.evidence}),
            )
            for event in incident.timeline
        ],
        factors=[
            attrs.evolve(factor, description=clean(factor.description)) for factor in review.factors
        ],
        actions=[
            PublishedAction(
                id=item.id,
                title=clean(item.title),
                status=item.status,
                type=item.type,
                due=item.due,
                done_on=item.done_on,
            )
            for item in review.action_items
        ],
    )
