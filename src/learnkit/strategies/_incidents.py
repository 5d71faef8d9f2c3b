"""Strategies for :mod:`learnkit.incidents`: incidents, reviews, action items, blockers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from learnkit.incidents._language import FindingKind
from learnkit.incidents._model import (
    EventKind,
    Impact,
    ImpactAudience,
    Incident,
    IncidentKind,
    IncidentLink,
    IncidentVisibility,
    LinkKind,
    Milestones,
    Participant,
    ParticipantRole,
    SeverityLevel,
    SeverityScale,
    TimelineEvent,
)
from learnkit.incidents._publish import BLOCKER_CODES, Blocker
from learnkit.incidents._review import (
    ActionItem,
    ActionStatus,
    ActionType,
    Approval,
    ContributingFactor,
    FactorCategory,
    FactorRole,
    IncidentReview,
    LanguageOverride,
    Learning,
    ReviewStatus,
)
from learnkit.strategies._foundation import DEFAULT_MAX_DATE, DEFAULT_MIN_DATE, _texts

__all__ = [
    "action_items",
    "approvals",
    "blockers",
    "contributing_factors",
    "impacts",
    "incident_links",
    "incident_reviews",
    "incidents",
    "language_overrides",
    "learnings",
    "milestones",
    "participants",
    "severity_levels",
    "severity_scales",
    "timeline_events",
]

_TITLES = (
    "Betalinger blev afvist i webshoppen",
    "Nattens backup blev ikke taget",
    "Forkert prisfil sendt til kunderne",
    "Login var langsomt i to timer",
    "Near miss: test-data tæt på produktion",
    "Eksperiment med ny onboarding gav færre tilmeldinger",
)
# Neutral, blameless sentences: the language check finds nothing in them.
_SENTENCES = (
    "Alarmen for kø-længde gik i gang kl. 09.12.",
    "Konfigurationen blev rullet ud til alle servere på én gang.",
    "Dashboardet viste ikke fejlraten for betalinger.",
    "The deploy pipeline had no step that compared the two config files.",
    "Vi fandt ud af, at runbooken beskrev en ældre version af systemet.",
    "The alert went to a channel that nobody watched at night.",
    "Teamet kunne hurtigt rulle ændringen tilbage.",
    "Monitoring showed the queue growing for forty minutes.",
)
_ROLES = ("vagthavende", "on-call", "incident commander", "kundeservice", "")
_EVIDENCE = ("https://grafana.example/d/42", "TICKET-1234", "log: api-gw 09:12", "PR #881")
_TAGS = ("deploy", "alarmer", "backup", "config", "onboarding", "kommunikation", "runbook")
_small_ids = st.integers(1, 99)
_texts_curated = _texts(_SENTENCES, max_size=60)
_moments = st.datetimes(
    min_value=dt.datetime.combine(DEFAULT_MIN_DATE, dt.time.min),
    max_value=dt.datetime.combine(DEFAULT_MAX_DATE, dt.time.max),
    timezones=st.just(dt.UTC),
)


def severity_levels() -> st.SearchStrategy[SeverityLevel]:
    """Severity levels with any valid policy (a working-day deadline always has a number)."""
    return st.builds(
        _level,
        st.integers(1, 9),
        st.booleans(),
        st.none() | st.integers(0, 30),
        st.booleans(),
        st.integers(0, 3),
    )


def _level(
    rank: int, required: bool, days: int | None, working: bool, approvals: int
) -> SeverityLevel:
    return SeverityLevel(
        id=f"sev{rank}",
        rank=rank,
        review_required=required,
        review_within_days=days,
        working_days=working and days is not None,
        approvals=approvals,
    )


def severity_scales() -> st.SearchStrategy[SeverityScale]:
    """Scales of one to five levels, ids ``sev<rank>`` and ranks unique."""
    return st.lists(severity_levels(), min_size=1, max_size=5, unique_by=lambda lv: lv.rank).map(
        SeverityScale
    )


def milestones(
    *, base: st.SearchStrategy[dt.datetime] | None = None
) -> st.SearchStrategy[Milestones]:
    """Milestones in order, each present or not, up to three days after a moment from ``base``."""
    return st.builds(
        _milestones,
        base if base is not None else _moments,
        st.lists(st.integers(0, 3 * 24 * 60), min_size=5, max_size=5).map(sorted),
        st.lists(st.booleans(), min_size=5, max_size=5),
    )


def _milestones(start: dt.datetime, minutes: list[int], present: list[bool]) -> Milestones:
    moments = [
        start + dt.timedelta(minutes=m) if keep else None
        for m, keep in zip(minutes, present, strict=True)
    ]
    started, detected, acknowledged, mitigated, resolved = moments
    return Milestones(
        started=started,
        detected=detected,
        acknowledged=acknowledged,
        mitigated=mitigated,
        resolved=resolved,
    )


def impacts() -> st.SearchStrategy[Impact]:
    """Impacts inside or outside the organisation, with or without numbers."""
    return st.builds(
        Impact,
        description=_texts_curated,
        affected=_texts(("kunder i webshoppen", "support", "customers", "lagerteamet")),
        audience=st.sampled_from(ImpactAudience),
        people_affected=st.none() | st.integers(0, 100_000),
        amount=st.sampled_from(("", "ca. 40.000 kr.", "2 timers nedetid", "120 orders")),
    )


def timeline_events(
    *, ids: st.SearchStrategy[str] | None = None, at: st.SearchStrategy[dt.datetime] | None = None
) -> st.SearchStrategy[TimelineEvent]:
    """Timeline events with a role (never a name) and some evidence."""
    return st.builds(
        TimelineEvent,
        id=ids if ids is not None else _small_ids.map("e{}".format),
        at=at if at is not None else _moments,
        kind=st.sampled_from(EventKind),
        description=_texts_curated,
        actor_role=st.sampled_from(_ROLES),
        evidence=st.lists(st.sampled_from(_EVIDENCE), max_size=2, unique=True).map(tuple),
    )


def participants(*, people: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Participant]:
    """Participants with one to three roles."""
    return st.builds(
        Participant,
        person=people if people is not None else _small_ids.map("p{:02d}".format),
        roles=st.lists(st.sampled_from(ParticipantRole), min_size=1, max_size=3, unique=True).map(
            tuple
        ),
    )


def incident_links() -> st.SearchStrategy[IncidentLink]:
    """Links of every kind to incidents ``i1``..``i99``."""
    return st.builds(
        IncidentLink, kind=st.sampled_from(LinkKind), incident=_small_ids.map("i{}".format)
    )


def incidents(
    *,
    chronological: bool = False,
    max_events: int = 5,
    people: tuple[str, ...] = (),
) -> st.SearchStrategy[Incident]:
    """Incidents of every kind on the default severity scale (``sev1``..``sev4``).

    Args:
        chronological: When true, the timeline is always in chronological order.
        max_events: The most timeline events.
        people: Person ids participants are drawn from (ids ``p01``.. when empty).
    """
    return _incidents(chronological=chronological, max_events=max_events, people=people)


@st.composite
def _incidents(
    draw: st.DrawFn, *, chronological: bool, max_events: int, people: tuple[str, ...]
) -> Incident:
    incident_id = draw(st.integers(100, 199).map("i{}".format))
    start = draw(_moments)
    offsets = draw(st.lists(st.integers(-120, 3 * 24 * 60), max_size=max_events))
    if chronological:
        offsets.sort()
    kinds = draw(st.lists(st.sampled_from(EventKind), min_size=len(offsets), max_size=len(offsets)))
    timeline = tuple(
        TimelineEvent(
            id=f"e{index + 1}",
            at=start + dt.timedelta(minutes=offset),
            kind=kind,
            description=draw(_texts_curated),
            actor_role=draw(st.sampled_from(_ROLES)),
        )
        for index, (offset, kind) in enumerate(zip(offsets, kinds, strict=True))
    )
    who = st.sampled_from(people) if people else _small_ids.map("p{:02d}".format)
    crew = draw(st.lists(participants(people=who), max_size=5, unique_by=lambda p: p.person))
    links = draw(
        st.lists(incident_links(), max_size=2, unique_by=lambda link: link.incident).map(
            lambda found: [link for link in found if link.incident != incident_id]
        )
    )
    return Incident(
        id=incident_id,
        kind=draw(st.sampled_from(IncidentKind)),
        title=draw(_texts(_TITLES, max_size=40)),
        summary=draw(st.sampled_from(("", *_SENTENCES))),
        severity=draw(st.sampled_from(("sev1", "sev2", "sev3", "sev4"))),
        team=draw(st.sampled_from(("platform", "data", "kundeservice", "salg"))),
        reported_at=start + dt.timedelta(minutes=draw(st.integers(0, 600))),
        milestones=draw(milestones(base=st.just(start))),
        impacts=tuple(draw(st.lists(impacts(), max_size=2))),
        timeline=timeline,
        participants=tuple(crew),
        links=tuple(links),
        visibility=draw(st.sampled_from(IncidentVisibility)),
    )


def contributing_factors(
    *, event_ids: tuple[str, ...] = ("e1", "e2", "e3")
) -> st.SearchStrategy[ContributingFactor]:
    """Factors of every category and role, with evidence drawn from ``event_ids``."""
    evidence = (
        st.lists(st.sampled_from(event_ids), max_size=2, unique=True).map(tuple)
        if event_ids
        else st.just(())
    )
    return st.builds(
        ContributingFactor,
        id=_small_ids.map("f{}".format),
        category=st.sampled_from(FactorCategory),
        role=st.sampled_from(FactorRole),
        description=_texts_curated,
        evidence=evidence,
    )


def learnings() -> st.SearchStrategy[Learning]:
    """Learnings with up to three tags."""
    return st.builds(
        Learning,
        id=_small_ids.map("l{}".format),
        statement=_texts_curated,
        tags=st.lists(st.sampled_from(_TAGS), max_size=3).map(tuple),
    )


def action_items(
    *, statuses: tuple[ActionStatus, ...] = tuple(ActionStatus)
) -> st.SearchStrategy[ActionItem]:
    """Valid action items in one of ``statuses``, with what each status needs."""
    return _action_items(statuses=statuses)


@st.composite
def _action_items(draw: st.DrawFn, *, statuses: tuple[ActionStatus, ...]) -> ActionItem:
    status = draw(st.sampled_from(statuses))
    created = draw(
        st.dates(min_value=DEFAULT_MIN_DATE, max_value=DEFAULT_MAX_DATE - dt.timedelta(days=400))
    )
    committed = status.is_committed
    maybe = st.booleans() if not committed else st.just(True)
    owner = draw(_small_ids.map("p{:02d}".format)) if draw(maybe) else None
    due = created + dt.timedelta(days=draw(st.integers(0, 120))) if draw(maybe) else None
    kind = draw(st.sampled_from(ActionType)) if draw(maybe) else None
    done_on = (
        created + dt.timedelta(days=draw(st.integers(0, 200)))
        if status is ActionStatus.DONE
        else None
    )
    dropped = status in (ActionStatus.REJECTED, ActionStatus.WONT_DO)
    reason = draw(_texts(("Dækket af en anden handling", "Not worth the cost"))) if dropped else ""
    return ActionItem(
        id=draw(_small_ids.map("a{}".format)),
        title=draw(_texts(("Tilføj alarm på kø-længde", "Add a config diff step to the pipeline"))),
        status=status,
        created_on=created,
        type=kind,
        owner=owner,
        due=due,
        done_on=done_on,
        reason=reason,
    )


def approvals() -> st.SearchStrategy[Approval]:
    """Approvals by ``p01``..``p99``."""
    return st.builds(Approval, by=_small_ids.map("p{:02d}".format), at=_moments)


def language_overrides() -> st.SearchStrategy[LanguageOverride]:
    """Overrides of any finding kind, each with a justification."""
    return st.builds(
        LanguageOverride,
        field=st.sampled_from(("narrative", "summary", "factors[0].description")),
        phrase=_texts(("burde have", "should have", "menneskelig fejl")),
        kind=st.sampled_from(FindingKind),
        justification=_texts(("Citat fra kundens klage", "A quote from the customer's e-mail")),
        by=_small_ids.map("p{:02d}".format),
    )


def incident_reviews(*, incident_id: str | None = None) -> st.SearchStrategy[IncidentReview]:
    """Reviews in every status, each with what its status needs.

    Args:
        incident_id: The incident reviewed (``i100``..``i199`` when ``None``).
    """
    return _incident_reviews(incident_id=incident_id)


@st.composite
def _incident_reviews(draw: st.DrawFn, *, incident_id: str | None) -> IncidentReview:
    status = draw(st.sampled_from(ReviewStatus))
    published = draw(_moments) if status in (ReviewStatus.PUBLISHED, ReviewStatus.CLOSED) else None
    skipped = status is ReviewStatus.SKIPPED
    sections = st.sampled_from(("", *_SENTENCES))
    return IncidentReview(
        id=draw(_small_ids.map("r{}".format)),
        incident=incident_id or draw(st.integers(100, 199).map("i{}".format)),
        author=draw(_small_ids.map("p{:02d}".format)),
        status=status,
        revision=draw(st.integers(1, 3)),
        summary=draw(sections),
        narrative=draw(sections),
        surprises=draw(sections),
        went_well=draw(sections),
        difficult=draw(sections),
        lucky=draw(sections),
        factors=tuple(draw(st.lists(contributing_factors(), max_size=3, unique_by=lambda f: f.id))),
        learnings=tuple(draw(st.lists(learnings(), max_size=2, unique_by=lambda x: x.id))),
        action_items=tuple(draw(st.lists(action_items(), max_size=3, unique_by=lambda a: a.id))),
        approvals=tuple(draw(st.lists(approvals(), max_size=2, unique_by=lambda a: a.by))),
        overrides=tuple(draw(st.lists(language_overrides(), max_size=1))),
        published_at=published,
        reason=draw(_texts(("Kendt problem, dækket af i101",))) if skipped else "",
    )


def blockers() -> st.SearchStrategy[Blocker]:
    """Blockers of every code, with a field and a few parameters."""
    return st.builds(
        Blocker,
        code=st.sampled_from(BLOCKER_CODES),
        field=st.sampled_from(("narrative", "factors[0].description", "approvals")),
        params=st.dictionaries(
            st.sampled_from(("phrase", "needed", "have", "event")), st.sampled_from(("1", "e2"))
        ).map(lambda found: tuple(found.items())),
    )


FACTORIES: tuple[tuple[type, Callable[[], st.SearchStrategy[Any]]], ...] = (
    (SeverityLevel, severity_levels),
    (SeverityScale, severity_scales),
    (Milestones, milestones),
    (Impact, impacts),
    (TimelineEvent, timeline_events),
    (Participant, participants),
    (IncidentLink, incident_links),
    (Incident, incidents),
    (ContributingFactor, contributing_factors),
    (Learning, learnings),
    (ActionItem, action_items),
    (Approval, approvals),
    (LanguageOverride, language_overrides),
    (IncidentReview, incident_reviews),
    (Blocker, blockers),
)
"""The default strategy of every public attrs type of :mod:`learnkit.incidents` (I-a's part)."""
