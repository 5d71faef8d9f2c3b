"""The incident model and both lifecycles as users write them; ``mypy --strict``, never run."""

from __future__ import annotations

import datetime as dt
from typing import assert_type

from learnkit import Roster, TransitionError
from learnkit.incidents import (
    DEFAULT_SEVERITY_SCALE,
    ActionItem,
    ActionStatus,
    ActionType,
    Blocker,
    Incident,
    IncidentReview,
    PublishRefusedError,
    ReviewStatus,
    SeverityLevel,
    action_refusals,
    commit,
    publish,
    publish_blockers,
    review_refusals,
    submit,
)


def publish_or_explain(
    review: IncidentReview, incident: Incident, roster: Roster, now: dt.datetime
) -> IncidentReview | list[str]:
    blockers = publish_blockers(review, incident, roster=roster)
    assert_type(blockers, tuple[Blocker, ...])
    if blockers:
        return [blocker.text("da") for blocker in blockers]
    try:
        return publish(review, at=now, incident=incident, roster=roster)
    except PublishRefusedError as error:
        assert_type(error.blockers, tuple[Blocker, ...])
        return list(error.reasons)


def start_review(review: IncidentReview) -> IncidentReview:
    if review_refusals(review, ReviewStatus.IN_REVIEW):
        return review
    return submit(review)


def commit_item(item: ActionItem, owner: str, due: dt.date) -> ActionItem:
    reasons: tuple[str, ...] = action_refusals(item, ActionStatus.OPEN, owner=owner, due=due)
    if reasons:
        raise TransitionError(f"action item {item.id}", item.status.value, "open", reasons)
    return commit(item, owner=owner, due=due, type=ActionType.PREVENT)


level: SeverityLevel = DEFAULT_SEVERITY_SCALE.level("sev2")
deadline: dt.date | None = level.review_due(dt.date(2026, 11, 20))
_idea = ActionItem(id="a1", title="x", status=ActionStatus.PROPOSED, created_on=dt.date(2026, 1, 1))
commit(_idea, type="prevent")  # type: ignore[arg-type]
