"""Incident metrics, follow-ups, the published view and the learnings library as users write
them; ``mypy --strict``, never run."""

from __future__ import annotations

import datetime as dt
from typing import assert_type

from learnkit import Calendar, Roster
from learnkit.incidents import (
    ActionItemStats,
    DurationMetric,
    FollowUps,
    Incident,
    IncidentReview,
    LearningHit,
    PublishedReview,
    Reminder,
    RepeatReport,
    ReviewCoverage,
    action_item_stats,
    duration_summary,
    follow_ups,
    incident_duration,
    nearest_rank,
    published_view,
    redact_names,
    reminder_plan,
    repeat_incidents,
    review_coverage,
    search_learnings,
)


def dashboard(
    incidents: list[Incident], reviews: list[IncidentReview], as_of: dt.date, calendar: Calendar
) -> list[str]:
    summary = duration_summary(incidents, DurationMetric.TIME_TO_MITIGATE)
    assert_type(summary.median, float | None)
    assert_type(summary.as_timedelta("p90"), dt.timedelta | None)
    assert_type(
        incident_duration(incidents[0], DurationMetric.IMPACT_DURATION), dt.timedelta | None
    )
    assert_type(nearest_rank([3, 1, 2], 90), int)
    coverage = review_coverage(incidents, reviews, as_of=as_of, calendar=calendar)
    assert_type(coverage, ReviewCoverage)
    assert_type(coverage.coverage, float | None)
    stats = action_item_stats(reviews, as_of=as_of)
    assert_type(stats, ActionItemStats)
    report = repeat_incidents(incidents, reviews, window_days=60)
    assert_type(report, RepeatReport)
    return [*summary.counted, *coverage.overdue, *report.repeated]


def nudges(
    incidents: list[Incident], reviews: list[IncidentReview], now: dt.datetime, calendar: Calendar
) -> list[str]:
    today = follow_ups(incidents, reviews, now=now, calendar=calendar)
    assert_type(today, FollowUps)
    plan = reminder_plan(
        reviews[0], reviews[0].action_items[0], calendar=calendar, until=now.date()
    )
    assert_type(plan, tuple[Reminder, ...])
    return [reminder.message("da") for reminder in today.reminders]


def share(review: IncidentReview, incident: Incident, roster: Roster) -> list[LearningHit]:
    view = published_view(review, incident, roster, locale="en")
    assert_type(view, PublishedReview)
    assert_type(redact_names("Mette ringede", incident, roster, locale="da"), str)
    return list(search_learnings([view, review], tags=["deploy"], text="alarm"))
