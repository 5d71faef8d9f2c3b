"""The demo step of the blameless-language check: one review checked, its findings shown."""

from __future__ import annotations

from collections.abc import Iterable

from learnkit.i18n import Locale, check_locale, translate
from learnkit.incidents import (
    DEFAULT_LANGUAGE_POLICY,
    FindingSeverity,
    Incident,
    IncidentReview,
    LanguagePolicy,
    check_review,
)

MAX_SHOWN = 6
"""The most findings listed; the summary line counts them all."""


def demo_lines(
    review: IncidentReview,
    *,
    incident: Incident | None = None,
    names: Iterable[str] = (),
    policy: LanguagePolicy = DEFAULT_LANGUAGE_POLICY,
    locale: Locale,
) -> list[str]:
    """A heading, then each finding (at most :data:`MAX_SHOWN`) with a suggestion, then a summary.

    Every text comes from the catalogue of ``locale``; the findings are in
    :func:`~learnkit.incidents.check_review`'s order, so the lines do not
    depend on the order of the review's items or of ``names``.
    """
    locale = check_locale(locale)
    findings = check_review(review, incident=incident, policy=policy, names=sorted(names))
    lines = [translate("language.demo.heading", locale, review=review.id)]
    if not findings:
        lines.append(translate("language.demo.clean", locale))
        return lines
    for finding in findings[:MAX_SHOWN]:
        lines.append(
            translate(
                "language.demo.finding",
                locale,
                field=finding.field,
                severity=translate(f"language.severity.{finding.severity.value}", locale),
                kind=finding.kind_name(locale),
                phrase=finding.phrase,
            )
        )
        lines.append(
            translate("language.demo.reframing", locale, reframing=finding.reframing(locale))
        )
    blocking = sum(1 for f in findings if f.severity is FindingSeverity.BLOCK)
    plural = "one" if len(findings) == 1 else "other"
    lines.append(
        translate(f"language.demo.summary.{plural}", locale, count=len(findings), blocking=blocking)
    )
    return lines
