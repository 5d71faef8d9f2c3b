"""The blameless-language check: phrases in a review that hinder learning, in Danish and English.

"What can we learn from it?" instead of "Who is to blame?" shows in the words a
review uses. :func:`check_text` finds the phrases that point at a person rather
than at the system they worked in ("human error", "Mette glemte", "sjusket"),
that judge with hindsight ("obviously", "burde have"), or that close the
inquiry early ("the root cause", "rodårsagen"), and says for each why it
hinders learning and how to say it instead. :func:`check_review` runs it over
every text field of an :class:`~learnkit.incidents.IncidentReview` (and of its
:class:`~learnkit.incidents.Incident`).

A check returns findings and never raises on what the text says. A team
decides with a :class:`LanguagePolicy` which kinds block publishing, which
warn, which are only information, and which it does not want checked.

Both lexicons are applied to every sentence (a Danish review often borrows
"root cause" or "human error"); a finding's ``locale`` is the language of the
rule that found it. A phrase inside quotation marks, or right after "the term",
"ordet" and the like, is a mention, not a use, and is not reported.
"""

from __future__ import annotations

import enum
import itertools
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.i18n import LOCALES, Locale, check_locale, translate
from learnkit.incidents import _matcher

if TYPE_CHECKING:
    from learnkit.incidents._model import Incident
    from learnkit.incidents._review import IncidentReview, LanguageOverride

__all__ = [
    "DEFAULT_BLOCKING",
    "DEFAULT_INFO",
    "DEFAULT_LANGUAGE_POLICY",
    "FindingKind",
    "FindingSeverity",
    "LanguageFinding",
    "LanguagePolicy",
    "check_review",
    "check_text",
    "is_overridden",
]


class FindingKind(enum.Enum):
    """What kind of phrase a finding is: each hinders learning in its own way.

    Each kind has a name, a reason and a reframing in the catalogues under
    ``language.<value>.name``, ``.why`` and ``.reframing``.
    """

    HUMAN_ERROR = "human_error"
    PERSON_AS_CAUSE = "person_as_cause"
    COUNTERFACTUAL = "counterfactual"
    HINDSIGHT = "hindsight"
    CHARACTER_JUDGEMENT = "character_judgement"
    NORMATIVE = "normative"
    SINGLE_ROOT_CAUSE = "single_root_cause"
    WHO_WHY_QUESTION = "who_why_question"
    PERSON_FIX_ACTION = "person_fix_action"
    DISTANCING = "distancing"
    ANIMATED_TONE = "animated_tone"


class FindingSeverity(enum.Enum):
    """How much a finding matters: it blocks publishing, warns, or is for information."""

    BLOCK = "block"
    WARN = "warn"
    INFO = "info"


_KIND_ORDER: Final = {kind: index for index, kind in enumerate(FindingKind)}
_SEVERITY_ORDER: Final = {severity: index for index, severity in enumerate(FindingSeverity)}

DEFAULT_BLOCKING: Final[frozenset[FindingKind]] = frozenset(
    {
        FindingKind.HUMAN_ERROR,
        FindingKind.PERSON_AS_CAUSE,
        FindingKind.CHARACTER_JUDGEMENT,
        FindingKind.PERSON_FIX_ACTION,
    }
)
"""The kinds that block publishing by default: those that put a person where a cause should be."""

DEFAULT_INFO: Final[frozenset[FindingKind]] = frozenset(
    {FindingKind.DISTANCING, FindingKind.ANIMATED_TONE}
)
"""The kinds reported only for information by default: tone, not substance."""


def _kinds(value: object) -> object:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        return value  # the validator names it
    try:
        return frozenset(value)
    except TypeError:  # unhashable items
        return value


_KIND_SET = _validate.each(_validate.instance_of(FindingKind), container=frozenset)


@attrs.frozen(kw_only=True)
class LanguagePolicy:
    """Which kinds of finding block publishing, which only inform, and which are not checked.

    Every kind that is neither blocking, informational nor disabled warns.

    Guarantees: the three sets are disjoint, so each kind has exactly one
    severity (or is not checked).

    Attributes:
        blocking: Kinds whose findings block publishing (:class:`FindingSeverity` ``BLOCK``).
        info: Kinds whose findings are for information only (:class:`FindingSeverity` ``INFO``).
        disabled: Kinds the team does not want checked at all; they are never reported.
    """

    blocking: frozenset[FindingKind] = attrs.field(
        default=DEFAULT_BLOCKING, converter=_kinds, validator=_KIND_SET
    )
    info: frozenset[FindingKind] = attrs.field(
        default=DEFAULT_INFO, converter=_kinds, validator=_KIND_SET
    )
    disabled: frozenset[FindingKind] = attrs.field(
        default=frozenset(), converter=_kinds, validator=_KIND_SET
    )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        pairs = (("blocking", "info"), ("blocking", "disabled"), ("info", "disabled"))
        for first, second in pairs:
            both = getattr(self, first) & getattr(self, second)
            for kind in sorted(both, key=_KIND_ORDER.__getitem__):
                problems.append(Problem(f"{second}[{kind.value}]", kind, f"is also in {first}"))
        if problems:
            raise InvalidDataError(problems)

    def severity(self, kind: FindingKind) -> FindingSeverity | None:
        """The severity of ``kind``'s findings, or ``None`` when the kind is disabled."""
        if kind in self.disabled:
            return None
        if kind in self.blocking:
            return FindingSeverity.BLOCK
        if kind in self.info:
            return FindingSeverity.INFO
        return FindingSeverity.WARN


DEFAULT_LANGUAGE_POLICY: Final = LanguagePolicy()
"""Blocks human error, person as cause, character judgement and person-fix actions;
distancing and animated tone are information; every other kind warns."""


@attrs.frozen(kw_only=True)
class LanguageFinding:
    """A phrase in a text field that hinders learning.

    Guarantees: ``0 <= start < end`` and ``len(phrase) == end - start``; a
    finding from :func:`check_text` has ``text[start:end] == phrase``.

    Attributes:
        field: The path of the text field, e.g. ``"narrative"`` or ``"factors[0].description"``.
        start: Where the phrase starts in the field's text (a character index).
        end: Where it ends (exclusive).
        phrase: The phrase exactly as it stands in the text.
        kind: What kind of phrase it is.
        severity: How much it matters, from the policy the check ran with.
        locale: The language of the rule that found it.
    """

    field: str = attrs.field(validator=_validate.text)
    start: int = attrs.field(validator=_validate.count)
    end: int = attrs.field(validator=_validate.count)
    phrase: str = attrs.field(validator=_validate.instance_of(str))
    kind: FindingKind = attrs.field(validator=_validate.instance_of(FindingKind))
    severity: FindingSeverity = attrs.field(validator=_validate.instance_of(FindingSeverity))
    locale: Locale = attrs.field(validator=_validate.one_of(LOCALES))

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if self.end <= self.start:
            problems.append(Problem("end", self.end, f"must be after start ({self.start})"))
        if len(self.phrase) != self.end - self.start:
            problems.append(
                Problem("phrase", self.phrase, f"must be {self.end - self.start} characters long")
            )
        if problems:
            raise InvalidDataError(problems)

    def kind_name(self, locale: Locale) -> str:
        """The name of the finding's kind in ``locale`` (e.g. "Menneskelig fejl")."""
        return translate(f"language.{self.kind.value}.name", check_locale(locale))

    def why(self, locale: Locale) -> str:
        """Why the phrase hinders learning, in ``locale``, quoting the phrase."""
        return translate(
            f"language.{self.kind.value}.why", check_locale(locale), phrase=self.phrase
        )

    def reframing(self, locale: Locale) -> str:
        """How to say it instead, in ``locale``, quoting the phrase."""
        return translate(
            f"language.{self.kind.value}.reframing", check_locale(locale), phrase=self.phrase
        )


def finding_key(finding: LanguageFinding) -> tuple[Any, ...]:
    """The order of findings: by field path (indices as numbers), then position, then kind."""
    return (
        _path_key(finding.field),
        finding.start,
        finding.end,
        _KIND_ORDER[finding.kind],
        _SEVERITY_ORDER[finding.severity],
        finding.locale,
        finding.phrase,
    )


_PATH_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]|\[([^\]]*)\]")


def _path_key(path: str) -> tuple[tuple[str, int], ...]:
    parts: list[tuple[str, int]] = []
    for name, index, other in _PATH_PART.findall(path):
        if index:
            parts.append(("[", int(index)))
        else:
            parts.append((name or other, -1))
    return tuple(parts)


def _check_many(
    texts: Sequence[tuple[str, str]], policy: LanguagePolicy, names: tuple[str, ...]
) -> tuple[LanguageFinding, ...]:
    """The findings of every ``(field, text)``, checked in one pass over the joined texts."""
    kinds = {kind.value for kind in FindingKind if policy.severity(kind) is not None}
    offsets: list[int] = []
    position = 0
    for _, text in texts:
        offsets.append(position)
        position += len(text) + len(_matcher.SEPARATOR)
    joined = _matcher.SEPARATOR.join(text for _, text in texts)
    found: list[LanguageFinding] = []
    for hit in _merged(_matcher.hits(joined, kinds=kinds, names=names)):
        index = bisect_right(offsets, hit.start) - 1
        field, _ = texts[index]
        kind = FindingKind(hit.kind)
        start, end = hit.start - offsets[index], hit.end - offsets[index]
        severity = policy.severity(kind)
        assert severity is not None  # disabled kinds were not asked for
        found.append(
            LanguageFinding(
                field=field,
                start=start,
                end=end,
                phrase=joined[hit.start : hit.end],
                kind=kind,
                severity=severity,
                locale=hit.locale,
            )
        )
    return tuple(sorted(found, key=finding_key))


def _merged(hits: list[_matcher.Hit]) -> list[_matcher.Hit]:
    """Hits of the same kind that overlap, merged into one spanning them all.

    "The engineer failed to check" is one normative phrase, not two ("The
    engineer failed to" and "failed to check"). The merged hit keeps the
    locale of the one that starts first (the longer one on a tie). Hits that
    only touch (one ends where the other starts) stay apart. No hit crosses a
    sentence, so a merged hit stays within one field.
    """
    kept: list[_matcher.Hit] = []
    ordered = sorted(hits, key=lambda h: (_KIND_ORDER[FindingKind(h.kind)], h.start, -h.end))
    for _, group in itertools.groupby(ordered, key=lambda h: h.kind):
        current, *rest = group
        for hit in rest:
            if hit.start < current.end:
                current = current._replace(end=max(current.end, hit.end))
            else:
                kept.append(current)
                current = hit
        kept.append(current)
    return kept


def _require_field(field: object) -> None:
    if not isinstance(field, str) or not field.strip():
        raise InvalidDataError.single("field", field, "must be a non-empty string")


def check_text(
    text: str,
    *,
    field: str = "text",
    policy: LanguagePolicy = DEFAULT_LANGUAGE_POLICY,
    names: Iterable[str] = (),
) -> tuple[LanguageFinding, ...]:
    """Every phrase in ``text`` that hinders a blameless review, sorted by position.

    Both lexicons (Danish and English) are applied; matching ignores case and
    copes with inflections and compounds. Guarantees:

    * every finding has ``text[f.start:f.end] == f.phrase`` and ``f.field == field``;
    * its severity is ``policy.severity(f.kind)``, and no disabled kind is reported;
    * the result is sorted by :func:`finding_key` and the same for the same input;
    * no two findings of the same kind overlap: overlapping phrases of one
      kind are reported once, as one finding spanning them all;
    * a finding depends only on its own sentence (and on ``names``), so text
      added in another paragraph never removes it.

    Args:
        text: The text to check (may be empty).
        field: The path reported in each finding.
        policy: Which kinds block, warn, inform or are not checked.
        names: People's names (e.g. the participants' full names); a name (or a
            part of it of two letters or more, matched with its case) as the
            one who "forgot" or whose "fault" it was is a person as cause.

    Raises:
        InvalidDataError: ``text`` is not a string, ``field`` is empty, ``policy``
            is not a :class:`LanguagePolicy`, or ``names`` is not a collection of strings.
    """
    if not isinstance(text, str):
        raise InvalidDataError.single("text", text, "must be a string")
    _require_field(field)
    if not isinstance(policy, LanguagePolicy):
        raise InvalidDataError.single("policy", policy, "must be a LanguagePolicy")
    key = _matcher.name_key(names)
    if not text.strip():
        return ()
    return _check_many(((field, text),), policy, key)


# --- reviews -----------------------------------------------------------------------------

_REVIEW_TEXTS: Final = (
    "summary",
    "narrative",
    "surprises",
    "went_well",
    "difficult",
    "lucky",
    "reason",
)
_REVIEW_ITEMS: Final = (
    ("factors", ("description",)),
    ("learnings", ("statement",)),
    ("action_items", ("title", "reason")),
)
_INCIDENT_TEXTS: Final = ("title", "summary")
_INCIDENT_ITEMS: Final = (
    ("impacts", ("description", "affected", "amount")),
    ("timeline", ("description", "actor_role", "evidence")),
)


def _text_fields(
    record: object,
    texts: tuple[str, ...],
    items: tuple[tuple[str, tuple[str, ...]], ...],
    prefix: str,
) -> Iterator[tuple[str, str]]:
    for name in texts:
        value = getattr(record, name, "")
        if isinstance(value, str) and value:
            yield prefix + name, value
    for collection, fields in items:
        for index, item in enumerate(getattr(record, collection, ())):
            for name in fields:
                path = f"{prefix}{collection}[{index}].{name}"
                value = getattr(item, name, "")
                if isinstance(value, str):
                    if value:
                        yield path, value
                    continue
                for position, text in enumerate(value):  # texts, each non-empty (evidence)
                    yield f"{path}[{position}]", text


def review_text_fields(
    review: IncidentReview, incident: Incident | None = None
) -> tuple[tuple[str, str], ...]:
    """Every non-empty text field of ``review`` (and ``incident``) as ``(path, text)`` pairs.

    The review's fields are named as in :class:`~learnkit.incidents.IncidentReview`
    (``narrative``, ``factors[0].description``, ``action_items[2].title``); the
    incident's are prefixed with ``incident.`` (``incident.timeline[3].description``,
    ``incident.impacts[0].amount``, ``incident.timeline[2].actor_role``); a field
    that holds several texts has one path per text (``incident.timeline[2].evidence[0]``).
    Overrides' justifications are not included: they discuss the flagged phrases.
    """
    fields = list(_text_fields(review, _REVIEW_TEXTS, _REVIEW_ITEMS, ""))
    if incident is not None:
        fields += _text_fields(incident, _INCIDENT_TEXTS, _INCIDENT_ITEMS, "incident.")
    return tuple(fields)


def check_review(
    review: IncidentReview,
    *,
    incident: Incident | None = None,
    policy: LanguagePolicy = DEFAULT_LANGUAGE_POLICY,
    names: Iterable[str] = (),
) -> tuple[LanguageFinding, ...]:
    """Every finding of :func:`check_text` over every text field of a review (and its incident).

    Fields are those of :func:`review_text_fields`, each checked on its own and
    named by its path. Guarantees: the result is exactly the union of
    :func:`check_text` over those fields, sorted by :func:`finding_key`, so it
    does not depend on the order fields or items are checked in.

    Raises:
        InvalidDataError: ``policy`` or ``names`` is not what :func:`check_text` accepts.
    """
    if not isinstance(policy, LanguagePolicy):
        raise InvalidDataError.single("policy", policy, "must be a LanguagePolicy")
    key = _matcher.name_key(names)
    return _check_many(review_text_fields(review, incident), policy, key)


def is_overridden(finding: LanguageFinding, overrides: Iterable[LanguageOverride]) -> bool:
    """Whether an override names the finding's field, phrase (exactly) and kind."""
    return any(
        override.field == finding.field
        and override.phrase == finding.phrase
        and override.kind is finding.kind
        for override in overrides
    )
