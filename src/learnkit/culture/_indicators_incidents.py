"""Indicators of learning from incidents: reviews on time, blameless language, action items.

* ``incidents.reviews_on_time``: of the incidents whose review deadline fell
  in the period, the share with a review published by the deadline;
* ``incidents.language``: blaming-language findings per review published in
  the period;
* ``incidents.actions_on_time``: of the committed action items due in the
  period, the share done by their due date.

Each function is pure and does not depend on the order of the records.
"""

from __future__ import annotations

import datetime as dt

from learnkit.culture._measure import Measure, Options, ratio
from learnkit.exceptions import UnknownIdError
from learnkit.incidents import (
    ActionStatus,
    IncidentReview,
    ReviewStatus,
    check_review,
    is_overridden,
)
from learnkit.time import Period
from learnkit.workspace import Workspace


def _published_on(review: IncidentReview, as_of: dt.date) -> dt.date | None:
    """The local date a review was published, when it was by ``as_of`` and not skipped."""
    if review.published_at is None or review.status is ReviewStatus.SKIPPED:
        return None
    day = review.published_at.date()
    return day if day <= as_of else None


def reviews_on_time(
    workspace: Workspace, days: Period, as_of: dt.date, options: Options
) -> Measure:
    """Of the incidents whose review deadline lies in ``days``, those reviewed by the deadline.

    An incident counts when its level in ``options.severity_scale`` requires
    a review and it was resolved; its deadline is
    :meth:`~learnkit.incidents.SeverityLevel.review_due` from the local date
    it was resolved, on the workspace's calendar (so the deadline has passed
    and the answer is settled). It was on time when a review of it was first
    published (and not skipped) on or before the deadline. Incidents at a
    level the scale does not know are left out. Records: the incidents counted.
    """
    published: dict[str, dt.date] = {}
    for review in workspace.incident_reviews:
        day = _published_on(review, as_of)
        if day is not None and (
            review.incident not in published or day < published[review.incident]
        ):
            published[review.incident] = day
    counted: list[str] = []
    on_time = 0
    for incident in workspace.incidents:
        try:
            level = options.severity_scale.level(incident.severity)
        except UnknownIdError:
            continue
        resolved = incident.milestones.resolved
        if not level.review_required or resolved is None:
            continue
        try:
            deadline = level.review_due(resolved.date(), workspace.calendar)
        except OverflowError:  # due after 31 December 9999: after every period
            continue
        if deadline is None or deadline not in days:
            continue
        counted.append(incident.id)
        day = published.get(incident.id)
        if day is not None and day <= deadline:
            on_time += 1
    return ratio(on_time, len(counted), counted)


def language_findings(
    workspace: Workspace, days: Period, as_of: dt.date, options: Options
) -> Measure:
    """Blaming-language findings per review published in ``days``.

    A review counts when it was published (not skipped) on a day of
    ``days``; its findings are those of :func:`~learnkit.incidents.check_review`
    on the review and its incident, less the ones the review overrides.
    Records: the reviews counted.
    """
    del options
    incidents = {incident.id: incident for incident in workspace.incidents}
    counted: list[str] = []
    findings = 0
    for review in workspace.incident_reviews:
        day = _published_on(review, as_of)
        if day is None or day not in days:
            continue
        counted.append(review.id)
        found = check_review(review, incident=incidents.get(review.incident))
        findings += sum(1 for item in found if not is_overridden(item, review.overrides))
    return ratio(findings, len(counted), counted)


def actions_on_time(
    workspace: Workspace, days: Period, as_of: dt.date, options: Options
) -> Measure:
    """Of the committed action items due in ``days``, those done by their due date.

    An item counts when it is open, in progress or done and its due date lies
    in ``days``; it is on time when it is done with ``done_on <= due``.
    Items the team decided not to do and proposals do not count. Records:
    the items counted, as ``review/item``.
    """
    del as_of, options
    counted: list[str] = []
    on_time = 0
    for review in workspace.incident_reviews:
        for item in review.action_items:
            if not item.status.is_committed or item.due is None or item.due not in days:
                continue
            counted.append(f"{review.id}/{item.id}")
            if (
                item.status is ActionStatus.DONE
                and item.done_on is not None
                and item.done_on <= item.due
            ):
                on_time += 1
    return ratio(on_time, len(counted), counted)
