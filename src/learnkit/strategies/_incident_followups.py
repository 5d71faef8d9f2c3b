"""Strategies for incident metrics, follow-ups, the published view and the learnings library.

Results are made the way the library makes them (by running the metric, the
follow-up or the view on generated incidents and reviews), so every value is
one that real data can produce. The incidents and reviews behind them are
small and cheap: a few incidents ``i1``..``i12`` of teams ``platform`` and
``data`` around November 2026, and reviews of them with factors and action items.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from learnkit.incidents._followups import (
    ActionItemDue,
    DueState,
    FollowUpPolicy,
    FollowUps,
    Reminder,
    ReminderKind,
    ReviewDue,
    stable_id,
)
from learnkit.incidents._followups import (
    follow_ups as _follow_ups,
)
from learnkit.incidents._learnings import LearningHit
from learnkit.incidents._metrics import (
    DurationMetric,
    DurationSummary,
    NearMissShare,
    duration_summary,
    near_miss_share,
)
from learnkit.incidents._metrics_reviews import (
    ActionItemRef,
    ActionItemStats,
    ReviewCoverage,
    review_coverage,
)
from learnkit.incidents._metrics_reviews import (
    action_item_stats as _action_item_stats,
)
from learnkit.incidents._model import (
    Incident,
    IncidentKind,
    IncidentLink,
    IncidentVisibility,
    LinkKind,
    Milestones,
    Participant,
    ParticipantRole,
)
from learnkit.incidents._published import (
    PublishedAction,
    PublishedReview,
    published_view,
)
from learnkit.incidents._repeats import (
    IncidentRepeat,
    RepeatKind,
    RepeatReport,
    repeat_incidents,
)
from learnkit.incidents._review import (
    ActionItem,
    ActionStatus,
    ActionType,
    ContributingFactor,
    FactorCategory,
    FactorRole,
    IncidentReview,
    Learning,
    ReviewStatus,
)
from learnkit.people import Person, Roster, Team
from learnkit.strategies._foundation import periods
from learnkit.time import Calendar

__all__ = [
    "action_item_refs",
    "action_item_stats",
    "action_items_due",
    "duration_summaries",
    "follow_up_policies",
    "follow_ups",
    "incident_repeats",
    "learning_hits",
    "near_miss_shares",
    "published_actions",
    "published_reviews",
    "reminders",
    "repeat_reports",
    "review_coverages",
    "reviews_due",
]

_ZONE = ZoneInfo("Europe/Copenhagen")
_T0 = dt.datetime(2026, 11, 2, 9, 0, tzinfo=_ZONE)
_D0 = _T0.date()
_WEEK = Calendar()
_MILESTONES = ("started", "detected", "acknowledged", "mitigated", "resolved")
_STATEMENTS = (
    "Små udrulninger er lettere at rulle tilbage.",
    "Alarms without an owner go unnoticed at night.",
    "Runbooken skal følge med, når systemet ændrer sig.",
)
_NAMES = ("Mette Nørgaard", "Bo Ågård", "Lars Holm", "Anne-Mette Sørensen", "Priya Sharma")
_item_ids = st.integers(1, 12).map("a{}".format)
_review_ids = st.integers(1, 12).map("r{}".format)
_incident_ids = st.integers(1, 12).map("i{}".format)
_days = st.integers(0, 90).map(lambda days: _D0 + dt.timedelta(days=days))


def _at(minutes: int) -> dt.datetime:
    return _T0 + dt.timedelta(minutes=minutes)


@st.composite
def _incidents(draw: st.DrawFn, *, people: tuple[str, ...] = ()) -> Incident:
    number = draw(st.integers(1, 12))
    start = draw(st.integers(0, 60 * 24 * 60))
    offsets = sorted(draw(st.lists(st.integers(0, 3000), min_size=5, max_size=5)))
    present = draw(st.lists(st.booleans(), min_size=5, max_size=5))
    moments = {
        name: _at(start + offset)
        for name, offset, keep in zip(_MILESTONES, offsets, present, strict=True)
        if keep
    }
    linked = draw(st.none() | st.integers(1, 12).filter(lambda other: other != number))
    crew = draw(st.lists(st.sampled_from(people), unique=True, max_size=3)) if people else []
    return Incident(
        id=f"i{number}",
        kind=draw(st.sampled_from(IncidentKind)),
        title="Betalinger blev afvist",
        summary="",
        severity=draw(st.sampled_from(("sev1", "sev2", "sev3", "sev4"))),
        team=draw(st.sampled_from(("platform", "data"))),
        reported_at=_at(start),
        milestones=Milestones(**moments),
        links=()
        if linked is None
        else (IncidentLink(kind=draw(st.sampled_from(LinkKind)), incident=f"i{linked}"),),
        participants=[
            Participant(
                person=person,
                roles=draw(
                    st.lists(st.sampled_from(ParticipantRole), min_size=1, max_size=2, unique=True)
                ),
            )
            for person in crew
        ],
        visibility=draw(st.sampled_from(IncidentVisibility)),
    )


@st.composite
def _action_items(draw: st.DrawFn, *, item_id: str) -> ActionItem:
    status = draw(st.sampled_from(ActionStatus))
    created = draw(_days)
    committed = status.is_committed
    due = created + dt.timedelta(days=draw(st.integers(0, 40))) if committed else None
    return ActionItem(
        id=item_id,
        title="Tilføj en alarm på kø-længden",
        status=status,
        created_on=created,
        type=ActionType.DETECT if committed else None,
        owner=draw(st.sampled_from(("p01", "p02", "p03"))) if committed else None,
        due=due,
        done_on=created + dt.timedelta(days=draw(st.integers(0, 40)))
        if status is ActionStatus.DONE
        else None,
        reason="Dækket af en anden handling"
        if status in (ActionStatus.REJECTED, ActionStatus.WONT_DO)
        else "",
    )


@st.composite
def _reviews(
    draw: st.DrawFn, *, incident: str | None = None, published: bool = False
) -> IncidentReview:
    statuses = (ReviewStatus.PUBLISHED, ReviewStatus.CLOSED) if published else tuple(ReviewStatus)
    status = draw(st.sampled_from(statuses))
    published_at = None
    if status in (ReviewStatus.PUBLISHED, ReviewStatus.CLOSED) or (
        status is not ReviewStatus.SKIPPED and draw(st.booleans())
    ):
        published_at = _at(draw(st.integers(0, 60 * 24 * 90)))
    item_ids = draw(st.lists(_item_ids, unique=True, max_size=3))
    return IncidentReview(
        id=draw(_review_ids),
        incident=incident or draw(_incident_ids),
        author="p01",
        status=status,
        published_at=published_at,
        narrative="Lars så alarmen, og Mette rullede tilbage.",
        factors=[
            ContributingFactor(
                id=f"f{index}",
                category=draw(st.sampled_from(FactorCategory)),
                role=draw(st.sampled_from(FactorRole)),
                description="Alarmen gik til en kanal, som ingen fulgte om natten.",
            )
            for index in range(draw(st.integers(0, 2)))
        ],
        learnings=[
            Learning(
                id=f"l{index}",
                statement=draw(st.sampled_from(_STATEMENTS)),
                tags=draw(st.lists(st.sampled_from(("deploy", "alarmer", "runbook")), max_size=2)),
            )
            for index in range(draw(st.integers(0, 2)))
        ],
        action_items=[draw(_action_items(item_id=item_id)) for item_id in item_ids],
        reason="Dubletter" if status is ReviewStatus.SKIPPED else "",
    )


_incident_lists = st.lists(_incidents(), max_size=5, unique_by=lambda incident: incident.id)
_review_lists = st.lists(_reviews(), max_size=4, unique_by=lambda review: review.id)


def duration_summaries() -> st.SearchStrategy[DurationSummary]:
    """Duration summaries of any metric over a few incidents (some missing milestones)."""
    return st.builds(duration_summary, _incident_lists, st.sampled_from(DurationMetric))


def near_miss_shares() -> st.SearchStrategy[NearMissShare]:
    """Near-miss shares of a few incidents over a period around them."""
    return st.builds(
        near_miss_share,
        _incident_lists,
        periods(min_date=_D0 - dt.timedelta(days=30), max_date=_D0 + dt.timedelta(days=90)),
    )


def review_coverages() -> st.SearchStrategy[ReviewCoverage]:
    """Review coverage of a few incidents and reviews, on a Monday-to-Friday calendar."""
    return st.builds(
        lambda incidents, reviews, as_of: review_coverage(
            incidents, reviews, as_of=as_of, calendar=_WEEK
        ),
        _incident_lists,
        _review_lists,
        _days,
    )


def action_item_refs() -> st.SearchStrategy[ActionItemRef]:
    """References to action items ``a1``..``a12`` of reviews ``r1``..``r12``."""
    return st.builds(ActionItemRef, _review_ids, _item_ids)


def action_item_stats() -> st.SearchStrategy[ActionItemStats]:
    """Action-item statistics of a few reviews as of a day."""
    return st.builds(
        lambda reviews, as_of: _action_item_stats(reviews, as_of=as_of), _review_lists, _days
    )


def incident_repeats() -> st.SearchStrategy[IncidentRepeat]:
    """Repeats by recurrence link or by shared factor categories."""
    pairs = st.tuples(_incident_ids, _incident_ids).filter(lambda pair: pair[0] != pair[1])
    return st.one_of(
        pairs.map(
            lambda pair: IncidentRepeat(
                incident=pair[0], earlier=pair[1], kind=RepeatKind.RECURRENCE_LINK
            )
        ),
        st.builds(
            lambda pair, categories: IncidentRepeat(
                incident=pair[0],
                earlier=pair[1],
                kind=RepeatKind.SAME_FACTOR_CATEGORY,
                categories=categories,
            ),
            pairs,
            st.lists(st.sampled_from(FactorCategory), min_size=1, max_size=3, unique=True),
        ),
    )


def repeat_reports() -> st.SearchStrategy[RepeatReport]:
    """Repeat reports of a few incidents and reviews, with windows up to a year."""
    return st.builds(
        lambda incidents, reviews, window: repeat_incidents(incidents, reviews, window_days=window),
        _incident_lists,
        _review_lists,
        st.integers(0, 365),
    )


def follow_up_policies() -> st.SearchStrategy[FollowUpPolicy]:
    """Reminder policies: 0 to 10 working days before, every 1 to 10 once overdue."""
    return st.builds(
        FollowUpPolicy, remind_before=st.integers(0, 10), remind_every=st.integers(1, 10)
    )


def reviews_due() -> st.SearchStrategy[ReviewDue]:
    """Reviews owed, in every state, with or without a started review and a recipient."""
    return st.builds(
        lambda incident, review, deadline, state, recipient: ReviewDue(
            id=stable_id("review-due", incident, deadline.isoformat(), state.value),
            incident=incident,
            review=review,
            deadline=deadline,
            state=state,
            recipient=recipient,
        ),
        _incident_ids,
        st.none() | _review_ids,
        _days,
        st.sampled_from(DueState),
        st.none() | st.sampled_from(("p01", "p02")),
    )


def action_items_due() -> st.SearchStrategy[ActionItemDue]:
    """Action items due soon, today or overdue."""
    return st.builds(
        lambda ref, due, state: ActionItemDue(
            id=stable_id("action-due", ref.review, ref.item, due.isoformat(), state.value),
            ref=ref,
            incident="i1",
            title="Tilføj en alarm på kø-længden",
            owner="p02",
            due=due,
            state=state,
        ),
        action_item_refs(),
        _days,
        st.sampled_from(DueState),
    )


@st.composite
def _reminders(draw: st.DrawFn) -> Reminder:
    due = draw(_days)
    kind = draw(st.sampled_from(ReminderKind))
    offset = draw(st.integers(1, 30))
    on = (
        due + dt.timedelta(days=offset)
        if kind is ReminderKind.OVERDUE
        else due - dt.timedelta(days=offset - 1)
    )
    ref = draw(action_item_refs())
    number = draw(st.integers(1, 9)) if kind is ReminderKind.OVERDUE else 1
    return Reminder(
        id=stable_id("reminder", ref.review, ref.item, due.isoformat(), kind.value, str(number)),
        ref=ref,
        recipient="p02",
        title="Tilføj en alarm på kø-længden",
        due=due,
        on=on,
        kind=kind,
        number=number,
    )


def reminders() -> st.SearchStrategy[Reminder]:
    """Reminders before the due date or once overdue."""
    return _reminders()


def follow_ups() -> st.SearchStrategy[FollowUps]:
    """Follow-ups of a few incidents and reviews as of a moment in the weeks after them."""
    return st.builds(
        lambda incidents, reviews, day: _follow_ups(
            incidents,
            reviews,
            now=dt.datetime.combine(day, dt.time(10), tzinfo=_ZONE),
            calendar=_WEEK,
        ),
        _incident_lists,
        _review_lists,
        _days,
    )


def published_actions() -> st.SearchStrategy[PublishedAction]:
    """Action items as a published view shows them, without owners."""
    return _item_ids.flatmap(lambda item_id: _action_items(item_id=item_id)).map(_published_action)


def _published_action(item: ActionItem) -> PublishedAction:
    return PublishedAction(
        id=item.id,
        title=item.title,
        status=item.status,
        type=item.type,
        due=item.due,
        done_on=item.done_on,
    )


_ROSTER = Roster(
    people=[
        Person(id=f"p{n:02d}", name=name, team="platform", start_date=dt.date(2020, 1, 1))
        for n, name in enumerate(_NAMES, start=1)
    ],
    teams=[Team(id="platform", name="Platform"), Team(id="data", name="Data")],
)


@st.composite
def _published_reviews(draw: st.DrawFn) -> PublishedReview:
    incident = draw(_incidents(people=tuple(person.id for person in _ROSTER)))
    review = draw(_reviews(incident=incident.id, published=True))
    return published_view(review, incident, _ROSTER, locale=draw(st.sampled_from(("da", "en"))))


def published_reviews() -> st.SearchStrategy[PublishedReview]:
    """Published views of every scope, in Danish or English, names replaced by roles."""
    return _published_reviews()


def learning_hits() -> st.SearchStrategy[LearningHit]:
    """Hits of the learnings library, with the tags they matched."""
    return st.builds(
        lambda review, incident, statement, tags, matched: LearningHit(
            review=review,
            incident=incident,
            learning=Learning(id="l1", statement=statement, tags=tags),
            matched_tags=[tag for tag in tags if matched],
        ),
        _review_ids,
        _incident_ids,
        st.sampled_from(_STATEMENTS),
        st.lists(st.sampled_from(("deploy", "alarmer", "runbook")), max_size=2, unique=True),
        st.booleans(),
    )


FACTORIES: tuple[tuple[type, Callable[[], st.SearchStrategy[Any]]], ...] = (
    (DurationSummary, duration_summaries),
    (NearMissShare, near_miss_shares),
    (ReviewCoverage, review_coverages),
    (ActionItemRef, action_item_refs),
    (ActionItemStats, action_item_stats),
    (IncidentRepeat, incident_repeats),
    (RepeatReport, repeat_reports),
    (FollowUpPolicy, follow_up_policies),
    (ReviewDue, reviews_due),
    (ActionItemDue, action_items_due),
    (Reminder, reminders),
    (FollowUps, follow_ups),
    (PublishedAction, published_actions),
    (PublishedReview, published_reviews),
    (LearningHit, learning_hits),
)
"""The default strategy of every public attrs type of incident metrics, follow-ups and views."""
