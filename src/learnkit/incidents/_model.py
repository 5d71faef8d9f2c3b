"""An incident, a mistake, a near miss or a failed experiment, as data.

Everything here is frozen and validated when it is built; an :class:`Incident`
is checked as a whole and reports every problem at once. What happened is
recorded without blame: the timeline names the *role* of whoever acted
(``"vagthavende"``, ``"on-call"``), never a person, and the people involved are
listed once, as :class:`Participant` values with their roles in the review.

The review policy lives in a :class:`SeverityScale`: each :class:`SeverityLevel`
says whether a review is required, by when, and how many approvals publishing
it needs. :data:`DEFAULT_SEVERITY_SCALE` is the scale learnkit ships.
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

# The severity scale lives in its own module; callers may import it from here too.
from learnkit.incidents._severity import DEFAULT_SEVERITY_SCALE, SeverityLevel, SeverityScale

__all__ = [
    "DEFAULT_SEVERITY_SCALE",
    "MILESTONE_NAMES",
    "EventKind",
    "Impact",
    "ImpactAudience",
    "Incident",
    "IncidentKind",
    "IncidentLink",
    "IncidentVisibility",
    "LinkKind",
    "Milestones",
    "Participant",
    "ParticipantRole",
    "SeverityLevel",
    "SeverityScale",
    "TimelineEvent",
]


def free_text(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A string that may be empty, without control characters (line breaks and tabs allowed)."""
    if not isinstance(value, str):
        raise _validate.fail(attribute, value, "must be a string")
    if any(unicodedata.category(ch) in ("Cc", "Cs") and ch not in "\n\t" for ch in value):
        raise _validate.fail(attribute, value, "must not contain control characters")


def enum_key(item: enum.Enum) -> str:
    """Sort key of an enum member: its value."""
    return str(item.value)


class _Named(enum.Enum):
    """An enum whose members have a catalogue name under ``incidents.<group>.<value>``.

    A subclass names its group where it is declared: ``class X(_Named, group="kind")``.
    """

    _text_group: str

    def __init_subclass__(cls, *, group: str, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        cls._text_group = group

    @property
    def text_key(self) -> str:
        """The i18n key of the member's name (``translate(member.text_key, "da")``)."""
        return f"incidents.{self._text_group}.{self.value}"


class IncidentKind(_Named, group="kind"):
    """What kind of event is reviewed: all deserve the same blameless review."""

    INCIDENT = "incident"
    NEAR_MISS = "near_miss"
    MISTAKE = "mistake"
    FAILED_EXPERIMENT = "failed_experiment"


class ImpactAudience(_Named, group="audience"):
    """Whom an impact reached: people inside the organisation or outside it."""

    INTERNAL = "internal"
    EXTERNAL = "external"


class EventKind(_Named, group="event"):
    """What sort of thing a timeline entry records."""

    OBSERVATION = "observation"
    ALERT = "alert"
    ACTION = "action"
    DECISION = "decision"
    COMMUNICATION = "communication"
    ESCALATION = "escalation"
    OTHER = "other"


class ParticipantRole(_Named, group="role"):
    """The part someone plays in the incident and its review."""

    FACILITATOR = "facilitator"
    OWNER = "owner"
    RESPONDER = "responder"
    REVIEWER = "reviewer"
    OBSERVER = "observer"


class LinkKind(_Named, group="link"):
    """How an incident relates to another one."""

    DUPLICATE_OF = "duplicate_of"
    RECURRENCE_OF = "recurrence_of"
    RELATED = "related"


class IncidentVisibility(_Named, group="visibility"):
    """Who may read the incident and its review: the team, everyone, or a named few."""

    TEAM = "team"
    ORGANISATION = "organisation"
    RESTRICTED = "restricted"


# --- milestones and impact --------------------------------------------------------------

MILESTONE_NAMES: Final[tuple[str, ...]] = (
    "started",
    "detected",
    "acknowledged",
    "mitigated",
    "resolved",
)
"""The milestones in the order they happen."""


@attrs.frozen(kw_only=True)
class Milestones:
    """The moments that matter, each optional, in order when present.

    Guarantees: every present milestone is aware and not before any present
    earlier one (``started <= detected <= acknowledged <= mitigated <=
    resolved``); a milestone that is left out (``None``) is simply unknown.
    Moments are compared as instants, so different zones may be mixed.

    Attributes:
        started: When the impact began (or the mistake was made).
        detected: When someone or something noticed.
        acknowledged: When someone took it on.
        mitigated: When the impact stopped growing or was worked around.
        resolved: When it was over.
    """

    started: dt.datetime | None = attrs.field(
        default=None, validator=_validate.optional(_validate.aware_datetime)
    )
    detected: dt.datetime | None = attrs.field(
        default=None, validator=_validate.optional(_validate.aware_datetime)
    )
    acknowledged: dt.datetime | None = attrs.field(
        default=None, validator=_validate.optional(_validate.aware_datetime)
    )
    mitigated: dt.datetime | None = attrs.field(
        default=None, validator=_validate.optional(_validate.aware_datetime)
    )
    resolved: dt.datetime | None = attrs.field(
        default=None, validator=_validate.optional(_validate.aware_datetime)
    )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        latest: tuple[str, dt.datetime] | None = None
        for name, moment in self.present():
            if latest is not None and moment < latest[1]:
                problems.append(
                    Problem(
                        name,
                        moment,
                        f"must not be before {latest[0]} ({latest[1].isoformat()})",
                    )
                )
            if latest is None or moment >= latest[1]:
                latest = (name, moment)
        if problems:
            raise InvalidDataError(problems)

    def present(self) -> tuple[tuple[str, dt.datetime], ...]:
        """The milestones that are set, as ``(name, moment)`` in ``MILESTONE_NAMES`` order."""
        pairs = ((name, getattr(self, name)) for name in MILESTONE_NAMES)
        return tuple((name, moment) for name, moment in pairs if moment is not None)


@attrs.frozen(kw_only=True)
class Impact:
    """What was affected, and for whom.

    Attributes:
        description: What happened to them, e.g. ``"Betalinger blev afvist"``.
        affected: Who or what was affected, e.g. ``"kunder i webshoppen"``.
        audience: Whether the affected are inside or outside the organisation.
        people_affected: How many people, when known.
        amount: How much, in the unit that fits (``"ca. 40.000 kr."``,
            ``"2 timers nedetid"``); empty when not known.
    """

    description: str = attrs.field(validator=_validate.text)
    affected: str = attrs.field(validator=_validate.text)
    audience: ImpactAudience = attrs.field(validator=_validate.instance_of(ImpactAudience))
    people_affected: int | None = attrs.field(
        default=None, validator=_validate.optional(_validate.count)
    )
    amount: str = attrs.field(default="", validator=free_text)


# --- timeline and people ----------------------------------------------------------------


def _sorted_strings(value: Iterable[str]) -> tuple[str, ...]:
    return cast("tuple[str, ...]", _validate.canonical_tuple(value))


def _unique(path: str, values: Iterable[str]) -> list[Problem]:
    seen: set[str] = set()
    problems: list[Problem] = []
    for value in values:
        if value in seen:
            problems.append(Problem(f"{path}[{value}]", value, "is listed twice"))
        seen.add(value)
    return problems


@attrs.frozen(kw_only=True)
class TimelineEvent:
    """One entry of the timeline: when, what kind, what happened, by which role.

    Guarantees: evidence references are unique and kept sorted.

    Attributes:
        id: The event's id, unique within its incident; factors point at it.
        at: When it happened (aware).
        kind: Observation, alert, action, decision, communication, escalation or other.
        description: What happened, told without blame.
        actor_role: The role of who acted (``"vagthavende"``, ``"on-call"``),
            never a name; empty when nobody acted (an alert fired).
        evidence: References that back the entry (log links, ticket numbers, graphs).
    """

    id: str = attrs.field(validator=_validate.identifier)
    at: dt.datetime = attrs.field(validator=_validate.aware_datetime)
    kind: EventKind = attrs.field(validator=_validate.instance_of(EventKind))
    description: str = attrs.field(validator=_validate.text)
    actor_role: str = attrs.field(default="", validator=free_text)
    evidence: tuple[str, ...] = attrs.field(
        default=(), converter=_sorted_strings, validator=_validate.each(_validate.text)
    )

    def __attrs_post_init__(self) -> None:
        problems = _unique("evidence", self.evidence)
        if problems:
            raise InvalidDataError(problems)


def _sorted_roles(value: Iterable[ParticipantRole]) -> tuple[ParticipantRole, ...]:
    return cast("tuple[ParticipantRole, ...]", _validate.canonical_tuple(value, key=enum_key))


@attrs.frozen(kw_only=True)
class Participant:
    """A person taking part in the incident or its review, with their roles.

    Guarantees: at least one role, each once, kept sorted by value.

    Attributes:
        person: The person's id in the roster.
        roles: What the person does: facilitator, owner, responder, reviewer, observer.
    """

    person: str = attrs.field(validator=_validate.identifier)
    roles: tuple[ParticipantRole, ...] = attrs.field(
        converter=_sorted_roles, validator=_validate.each(_validate.instance_of(ParticipantRole))
    )

    def __attrs_post_init__(self) -> None:
        problems = _unique("roles", (role.value for role in self.roles))
        if not self.roles:
            problems.append(Problem("roles", self.roles, "must hold at least one role"))
        if problems:
            raise InvalidDataError(problems)


@attrs.frozen(kw_only=True)
class IncidentLink:
    """A link from one incident to another.

    Attributes:
        kind: Duplicate of, recurrence of, or related to.
        incident: The id of the other incident.
    """

    kind: LinkKind = attrs.field(validator=_validate.instance_of(LinkKind))
    incident: str = attrs.field(validator=_validate.identifier)


# --- the incident -----------------------------------------------------------------------


def _sorted_participants(value: Iterable[Participant]) -> tuple[Participant, ...]:
    return cast("tuple[Participant, ...]", _validate.canonical_tuple(value, key=lambda p: p.person))


def _sorted_links(value: Iterable[IncidentLink]) -> tuple[IncidentLink, ...]:
    return cast(
        "tuple[IncidentLink, ...]",
        _validate.canonical_tuple(value, key=lambda link: (link.incident, link.kind.value)),
    )


def _as_tuple(value: object) -> object:
    # Kept in the given order (it matters); only the container changes.
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        return value
    return tuple(value)


@attrs.frozen(kw_only=True)
class Incident:
    """Something that went wrong (or nearly did), ready to learn from.

    Guarantees, checked when it is built (every problem at once):

    * timeline event ids are unique (factors point at them);
    * each person takes part once (with all their roles);
    * no link points at the incident itself, and no incident is linked twice.

    Participants are kept sorted by person and links by incident id, so equal
    incidents compare equal; impacts and the timeline keep the order given
    (a timeline out of chronological order is a publish blocker, not bad data,
    so a half-written timeline can be saved).

    Attributes:
        id: The incident's id.
        kind: Incident, near miss, mistake or failed experiment.
        title: A short, neutral title.
        summary: What happened in a few sentences (may be empty while it is fresh).
        severity: The id of a level in the organisation's :class:`SeverityScale`.
        team: The id of the team that owns the incident and its review.
        reported_at: When it was reported (aware).
        milestones: Started, detected, acknowledged, mitigated, resolved.
        impacts: What and who was affected.
        timeline: What happened when, in the order written.
        participants: Who took part, with their roles.
        links: Links to other incidents.
        visibility: Who may read it.
    """

    id: str = attrs.field(validator=_validate.identifier)
    kind: IncidentKind = attrs.field(validator=_validate.instance_of(IncidentKind))
    title: str = attrs.field(validator=_validate.text)
    summary: str = attrs.field(validator=free_text)
    severity: str = attrs.field(validator=_validate.identifier)
    team: str = attrs.field(validator=_validate.identifier)
    reported_at: dt.datetime = attrs.field(validator=_validate.aware_datetime)
    milestones: Milestones = attrs.field(
        factory=Milestones, validator=_validate.instance_of(Milestones)
    )
    impacts: tuple[Impact, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_validate.each(_validate.instance_of(Impact))
    )
    timeline: tuple[TimelineEvent, ...] = attrs.field(
        default=(),
        converter=_as_tuple,
        validator=_validate.each(_validate.instance_of(TimelineEvent)),
    )
    participants: tuple[Participant, ...] = attrs.field(
        default=(),
        converter=_sorted_participants,
        validator=_validate.each(_validate.instance_of(Participant)),
    )
    links: tuple[IncidentLink, ...] = attrs.field(
        default=(),
        converter=_sorted_links,
        validator=_validate.each(_validate.instance_of(IncidentLink)),
    )
    visibility: IncidentVisibility = attrs.field(
        default=IncidentVisibility.TEAM, validator=_validate.instance_of(IncidentVisibility)
    )

    def __attrs_post_init__(self) -> None:
        problems = [
            *_unique("timeline", (event.id for event in self.timeline)),
            *_unique("participants", (p.person for p in self.participants)),
            *_unique("links", (link.incident for link in self.links)),
        ]
        for link in self.links:
            if link.incident == self.id:
                problems.append(
                    Problem(f"links[{link.incident}]", link.incident, "is the incident itself")
                )
        if problems:
            raise InvalidDataError(problems)

    @property
    def event_ids(self) -> frozenset[str]:
        """The ids of the timeline's events."""
        return frozenset(event.id for event in self.timeline)

    def people_with(self, role: ParticipantRole) -> tuple[str, ...]:
        """The ids of the participants who have ``role``, sorted."""
        return tuple(p.person for p in self.participants if role in p.roles)

    def out_of_order_events(self) -> tuple[str, ...]:
        """The ids of timeline events that come before an earlier-listed event's time.

        Empty exactly when the timeline is in chronological order (equal times
        may follow each other in any order).
        """
        late: list[str] = []
        latest: dt.datetime | None = None
        for event in self.timeline:
            if latest is not None and event.at < latest:
                late.append(event.id)
            else:
                latest = event.at
        return tuple(late)
