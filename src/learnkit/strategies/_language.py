"""Strategies for the blameless-language check: policies, findings and texts to check."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from learnkit.i18n import LOCALES
from learnkit.incidents._language import (
    FindingKind,
    FindingSeverity,
    LanguageFinding,
    LanguagePolicy,
)

__all__ = ["blameless_sentences", "language_findings", "language_policies"]

# What a policy may do with a kind: warn (none of the sets), block, inform, or not check it.
# "warn" comes first: sampled_from shrinks to its first element.
_CHOICES = ("warn", "blocking", "info", "disabled")

_FIELDS = (
    "summary",
    "narrative",
    "went_well",
    "difficult",
    "factors[0].description",
    "learnings[1].statement",
    "action_items[2].title",
    "incident.timeline[10].description",
)

_BLAMELESS = (
    "Alarmen for kø-længde gik i gang kl. 09.12.",
    "Konfigurationen blev rullet ud til alle servere på én gang.",
    "Dashboardet viste ikke fejlraten for betalinger.",
    "Vi fandt ud af, at runbooken beskrev en ældre version af systemet.",
    "Teamet kunne hurtigt rulle ændringen tilbage.",
    "Nedbruddet skyldes en udløbet nøgle i betalingsgatewayen.",
    "For en sikkerheds skyld genstartede vi også den anden node.",
    "Der var ingen enkelt rodårsag; tre faktorer spillede sammen.",
    "The deploy pipeline had no step that compared the two config files.",
    "The alert went to a channel that nobody watched at night.",
    "Monitoring showed the queue growing for forty minutes.",
    "We removed the blame field from the incident template.",
    "git blame shows the threshold was changed in March.",
    "It was not obvious from the dashboard that the replica was lagging.",
    "The disaster recovery plan was tested in May.",
    "What made the alert hard to distinguish from the routine ones?",
)


def language_policies() -> st.SearchStrategy[LanguagePolicy]:
    """Policies that give every kind one of block, warn, info or not checked.

    Shrinks towards a policy that warns on every kind.
    """
    return _language_policies()


@st.composite
def _language_policies(draw: st.DrawFn) -> LanguagePolicy:
    choice = {kind: draw(st.sampled_from(_CHOICES)) for kind in FindingKind}
    return LanguagePolicy(
        blocking=frozenset(k for k, c in choice.items() if c == "blocking"),
        info=frozenset(k for k, c in choice.items() if c == "info"),
        disabled=frozenset(k for k, c in choice.items() if c == "disabled"),
    )


def language_findings(
    *,
    fields: st.SearchStrategy[str] | None = None,
    max_start: int = 10_000,
) -> st.SearchStrategy[LanguageFinding]:
    """Findings with a consistent span (``end - start == len(phrase)``) in any field.

    Args:
        fields: The field paths to draw from (review paths by default).
        max_start: The largest start offset.
    """
    return _language_findings(
        fields=fields if fields is not None else st.sampled_from(_FIELDS), max_start=max_start
    )


@st.composite
def _language_findings(
    draw: st.DrawFn, *, fields: st.SearchStrategy[str], max_start: int
) -> LanguageFinding:
    field = draw(fields)
    phrase = draw(st.text(min_size=1, max_size=40))
    start = draw(st.integers(min_value=0, max_value=max_start))
    return LanguageFinding(
        field=field,
        start=start,
        end=start + len(phrase),
        phrase=phrase,
        kind=draw(st.sampled_from(FindingKind)),
        severity=draw(st.sampled_from(FindingSeverity)),
        locale=draw(st.sampled_from(LOCALES)),
    )


def blameless_sentences() -> st.SearchStrategy[str]:
    """Danish and English review sentences the language check finds nothing in.

    Many are look-alikes of flagged phrases ("skyldes", "git blame", "not
    obvious", "disaster recovery"), so they are good neutral padding in tests.
    """
    return st.sampled_from(_BLAMELESS)


FACTORIES: tuple[tuple[type, Callable[[], st.SearchStrategy[Any]]], ...] = (
    (LanguagePolicy, language_policies),
    (LanguageFinding, language_findings),
)
"""The default strategy of every public type of this part, for ``st.from_type``."""
