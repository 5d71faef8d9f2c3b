"""The learnings library: find what other teams learned, by tag and by words.

Every review ends with learnings, statements with tags. :func:`search_learnings`
searches them across reviews. Search the published views
(:class:`~learnkit.incidents.PublishedReview`) when the results are shown
outside the teams: their statements have names replaced by roles, and
restricted incidents show nothing but their learnings.

Text is compared in a normalised form: Unicode NFKC, case-folded, with every
run of characters that are not letters or digits read as one space. A query
word matches when it occurs anywhere in a word of the learning (its statement
or its tags), so "fejl" finds "sjuskefejl" and "deploy" finds "deployment":
Danish compounds are found by their parts.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import cast

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.incidents._published import PublishedReview
from learnkit.incidents._review import IncidentReview, Learning, ReviewStatus

__all__ = ["LearningHit", "normalise", "search_learnings"]


def normalise(text: str) -> str:
    """``text`` as the library compares it: NFKC, case-folded, punctuation and spaces as one space.

    >>> normalise("  Alarmer, der IKKE ringer!  ")
    'alarmer der ikke ringer'
    """
    if not isinstance(text, str):
        raise InvalidDataError.single("text", text, "must be a string")
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join("".join(ch if ch.isalnum() else " " for ch in folded).split())


def _tags(value: Iterable[str]) -> tuple[str, ...]:
    return cast("tuple[str, ...]", _validate.canonical_tuple(value))


@attrs.frozen(kw_only=True)
class LearningHit:
    """A learning found in the library, with where it comes from.

    Attributes:
        review: The id of the review it is in.
        incident: The id of the incident reviewed.
        learning: The learning itself (redacted when it came from a published view).
        matched_tags: The tags of the query it carries, sorted.
    """

    review: str = attrs.field(validator=_validate.identifier)
    incident: str = attrs.field(validator=_validate.identifier)
    learning: Learning = attrs.field(validator=_validate.instance_of(Learning))
    matched_tags: tuple[str, ...] = attrs.field(
        default=(), converter=_tags, validator=_validate.each(_validate.identifier)
    )


def _sources(values: object) -> list[IncidentReview | PublishedReview]:
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise InvalidDataError.single(
            "sources", values, "must be a collection of IncidentReview or PublishedReview values"
        )
    problems: list[Problem] = []
    found: list[IncidentReview | PublishedReview] = []
    seen: set[str] = set()
    for index, item in enumerate(cast("Iterable[object]", values)):
        if not isinstance(item, IncidentReview | PublishedReview):
            problems.append(
                Problem(f"sources[{index}]", item, "must be an IncidentReview or PublishedReview")
            )
            continue
        review_id = item.id if isinstance(item, IncidentReview) else item.review
        if review_id in seen:
            problems.append(Problem(f"sources[{index}]", review_id, "is a review listed twice"))
        seen.add(review_id)
        found.append(item)
    if problems:
        raise InvalidDataError(problems)
    return found


def search_learnings(
    sources: Iterable[IncidentReview | PublishedReview],
    *,
    text: str = "",
    tags: Iterable[str] = (),
    include_unpublished: bool = False,
) -> tuple[LearningHit, ...]:
    """The learnings that carry every tag in ``tags`` and contain every word of ``text``.

    Tags match when they are equal once normalised (Unicode NFKC, case-folded,
    every run of characters that are not letters or digits read as one
    space); each word of the normalised ``text`` must occur in the normalised
    statement or tags. With neither, every learning is a hit. Reviews count
    once published (also closed, or amended after publication) unless
    ``include_unpublished``; skipped reviews never count. Hits are sorted by
    review id, then learning id, whatever order the sources come in.

    Raises:
        InvalidDataError: a source is not a review or a published view, a
            review is given twice, ``text`` is not a string, or ``tags`` is
            not a collection of strings.
    """
    given = _sources(sources)
    words = normalise(text).split()
    if isinstance(tags, str) or not isinstance(tags, Iterable):
        raise InvalidDataError.single("tags", tags, "must be a collection of strings, not one")
    wanted: dict[str, str] = {}
    for tag in cast("Iterable[object]", tags):
        if not isinstance(tag, str):
            raise InvalidDataError.single("tags", tag, "must be a string")
        if normalise(tag):
            wanted.setdefault(normalise(tag), tag)
    hits: list[LearningHit] = []
    for source in given:
        if isinstance(source, IncidentReview):
            if source.status is ReviewStatus.SKIPPED or not (
                include_unpublished or source.published_at is not None
            ):
                continue
            review_id, incident = source.id, source.incident
        else:
            review_id, incident = source.review, source.incident
        for learning in source.learnings:
            carried = {normalise(tag) for tag in learning.tags}
            haystack = normalise(" ".join((learning.statement, *learning.tags)))
            if set(wanted) <= carried and all(word in haystack for word in words):
                hits.append(
                    LearningHit(
                        review=review_id,
                        incident=incident,
                        learning=learning,
                        matched_tags=[tag for tag in learning.tags if normalise(tag) in wanted],
                    )
                )
    return tuple(sorted(hits, key=lambda hit: (hit.review, hit.learning.id)))
