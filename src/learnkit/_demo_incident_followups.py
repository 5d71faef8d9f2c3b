"""The demo's step on incident metrics and follow-ups.

:func:`demo_lines` shows, as of a day: the median and 90th percentile of the
times to detect, mitigate and resolve; review coverage; how the action items
are doing; the near-miss share of the last 90 days; repeats; what needs a
follow-up that day; and one sentence of a published view, names replaced by roles.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Final
from zoneinfo import ZoneInfo

from learnkit.i18n import Locale, translate
from learnkit.incidents._followups import follow_ups
from learnkit.incidents._metrics import DurationMetric, duration_summary, near_miss_share
from learnkit.incidents._metrics_reviews import (
    action_item_stats,
    review_coverage,
)
from learnkit.incidents._model import Incident, IncidentVisibility
from learnkit.incidents._published import published_view
from learnkit.incidents._repeats import (
    repeat_incidents,
)
from learnkit.incidents._review import IncidentReview, ReviewStatus
from learnkit.people import Roster
from learnkit.time import DEFAULT_ZONE, Calendar, Period

__all__ = ["demo_lines"]

_SHOWN: Final = (
    DurationMetric.TIME_TO_DETECT,
    DurationMetric.TIME_TO_MITIGATE,
    DurationMetric.TIME_TO_RESOLVE,
)
_NEAR_MISS_DAYS: Final = 90
_MORNING: Final = dt.time(9, 0)


def _duration(seconds: float, locale: Locale) -> str:
    minutes = round(seconds / 60)
    if minutes < 60:
        return translate("metrics.demo.duration_minutes", locale, minutes=minutes)
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return translate("metrics.demo.duration_hours", locale, hours=hours, minutes=minutes)
    days, hours = divmod(hours, 24)
    return translate("metrics.demo.duration_days", locale, days=days, hours=hours)


def demo_lines(
    incidents: Iterable[Incident],
    reviews: Iterable[IncidentReview],
    roster: Roster,
    *,
    as_of: dt.date,
    calendar: Calendar,
    locale: Locale,
) -> list[str]:
    """The demo's section on incident metrics and follow-ups, in ``locale``.

    Follow-ups are as of 09:00 on ``as_of`` in Europe/Copenhagen. Guarantees:
    a heading line first; every text from the catalogue; the output depends
    on the records, not on their order.
    """
    given = sorted(incidents, key=lambda incident: incident.id)
    known = sorted(reviews, key=lambda review: review.id)
    lines = [translate("metrics.demo.heading", locale)]
    for metric in _SHOWN:
        summary = duration_summary(given, metric)
        name = translate(metric.text_key, locale)
        if summary.median is None or summary.p90 is None:
            lines.append(translate("metrics.demo.no_duration", locale, metric=name))
            continue
        lines.append(
            translate(
                "metrics.demo.duration",
                locale,
                metric=name,
                median=_duration(summary.median, locale),
                p90=_duration(summary.p90, locale),
                incidents=translate(
                    f"metrics.demo.incidents.{'one' if summary.count == 1 else 'other'}",
                    locale,
                    count=summary.count,
                ),
                missing=len(summary.missing),
            )
        )
    coverage = review_coverage(given, known, as_of=as_of, calendar=calendar)
    lines.append(
        translate(
            "metrics.demo.coverage",
            locale,
            reviewed=len(coverage.reviewed),
            required=len(coverage.required),
            on_time=len(coverage.on_time),
            overdue=len(coverage.overdue),
        )
    )
    stats = action_item_stats(known, as_of=as_of)
    lines.append(
        translate(
            "metrics.demo.actions",
            locale,
            done=len(stats.done),
            committed=len(stats.committed),
            on_time=len(stats.on_time),
            overdue=len(stats.overdue),
        )
    )
    period = Period(as_of - dt.timedelta(days=_NEAR_MISS_DAYS - 1), as_of)
    share = near_miss_share(given, period)
    lines.append(
        translate(
            "metrics.demo.near_misses",
            locale,
            near_misses=len(share.near_misses),
            reported=len(share.reported),
        )
    )
    lines.append(
        translate("metrics.demo.repeats", locale, count=len(repeat_incidents(given, known).repeats))
    )
    now = dt.datetime.combine(as_of, _MORNING, tzinfo=ZoneInfo(DEFAULT_ZONE))
    today = follow_ups(given, known, now=now, calendar=calendar, roster=roster)
    lines.append(
        translate(
            "metrics.demo.follow_ups",
            locale,
            reviews=len(today.reviews),
            actions=len(today.actions),
        )
    )
    lines.extend(_published_line(given, known, roster, locale))
    return lines


def _published_line(
    incidents: list[Incident], reviews: list[IncidentReview], roster: Roster, locale: Locale
) -> list[str]:
    """One sentence of the first published review's view, when there is one to share."""
    by_id = {incident.id: incident for incident in incidents}
    for review in reviews:
        incident = by_id.get(review.incident)
        if (
            incident is None
            or review.status not in (ReviewStatus.PUBLISHED, ReviewStatus.CLOSED)
            or incident.visibility is IncidentVisibility.RESTRICTED
        ):
            continue
        view = published_view(review, incident, roster, locale=locale)
        candidates = [view.narrative, view.summary, *(x.statement for x in view.learnings)]
        text = next((candidate for candidate in candidates if candidate), view.title)
        sentence = text.split(". ")[0].rstrip(".") + "."
        return [translate("metrics.demo.published", locale, review=review.id, text=sentence)]
    return []
