"""The demo's incident step: the example incidents in one line, then one review checked.

:func:`demo_lines` counts the incidents (and the near misses among them), then
runs the blameless-language check on one review (the first draft by id, or
else the first review) and shows the first findings with the way to say it
instead (a suggestion once, under the first finding it helps with), how many
more there are, and a summary.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from learnkit.i18n import Locale, translate
from learnkit.incidents import (
    Incident,
    IncidentKind,
    IncidentReview,
    ReviewStatus,
)
from learnkit.incidents._language import FindingSeverity, check_review, is_overridden
from learnkit.incidents._markdown_layout import value_label
from learnkit.people import Roster

__all__ = ["demo_lines"]

_SHOWN: Final = 5  # findings shown; the summary line counts them all


def demo_lines(
    incidents: Iterable[Incident],
    reviews: Iterable[IncidentReview],
    roster: Roster,
    *,
    locale: Locale,
) -> list[str]:
    """The demo's section on incidents, every text from the catalogue in ``locale``.

    Guarantees: the output depends on the incidents and reviews, not on their
    order; a heading line comes first; no more than five findings are shown,
    followed by how many more there are; no suggestion is shown twice.
    The participants' names (looked up in ``roster``) are given to the check,
    so a person named as the cause is found.
    """
    by_id = {incident.id: incident for incident in incidents}
    ordered = sorted(reviews, key=lambda review: review.id)
    lines = [translate("reviewfile.demo.heading", locale)]
    near = sum(1 for incident in by_id.values() if incident.kind is IncidentKind.NEAR_MISS)
    published = sum(1 for r in ordered if r.status in (ReviewStatus.PUBLISHED, ReviewStatus.CLOSED))
    drafts = sum(1 for r in ordered if r.status is ReviewStatus.DRAFT)
    lines.append(
        translate(
            "reviewfile.demo.incidents",
            locale,
            incidents=_plural("reviewfile.demo.incidents_count", len(by_id), locale),
            near_misses=_plural("story.incidents.near_misses", near, locale),
            published=published,
            drafts=drafts,
        )
    )
    if not ordered:
        lines.append(translate("reviewfile.demo.none", locale))
        return lines
    review = next((r for r in ordered if r.status is ReviewStatus.DRAFT), ordered[0])
    incident = by_id.get(review.incident)
    names = sorted(
        roster.person(p.person).name
        for p in (incident.participants if incident is not None else ())
        if p.person in roster
    )
    title = incident.title if incident is not None else review.incident
    lines.append(
        translate(
            "reviewfile.demo.checked",
            locale,
            review=review.id,
            title=title,
            status=value_label(review.status, locale),
        )
    )
    findings = [
        finding
        for finding in check_review(review, names=names)
        if not is_overridden(finding, review.overrides)
    ]
    findings.sort(key=lambda f: (f.field, f.start, f.end, f.kind.value))
    suggested: set[str] = set()
    for finding in findings[:_SHOWN]:
        lines.append(
            translate(
                "reviewfile.demo.finding",
                locale,
                field=finding.field,
                phrase=finding.phrase,
                kind=value_label(finding.kind, locale),
                severity=translate(f"reviewfile.severity.{finding.severity.value}", locale),
            )
        )
        reframing = finding.reframing(locale)
        if reframing not in suggested:
            suggested.add(reframing)
            lines.append(translate("reviewfile.demo.reframing", locale, reframing=reframing))
    rest = len(findings) - _SHOWN
    if rest > 0:
        lines.append("  " + _plural("story.incidents.more", rest, locale))
    if not findings:
        lines.append(translate("reviewfile.demo.clean", locale))
    else:
        blocking = sum(1 for f in findings if f.severity is FindingSeverity.BLOCK)
        lines.append(
            translate(
                f"reviewfile.demo.summary.{'one' if len(findings) == 1 else 'other'}",
                locale,
                count=len(findings),
                blocking=blocking,
            )
        )
    return lines


def _plural(key: str, count: int, locale: Locale) -> str:
    return translate(f"{key}.{'one' if count == 1 else 'other'}", locale, count=count)
