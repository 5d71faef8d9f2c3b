"""Strategies for reviews kept as files: anchors, review files, reviews Markdown can hold."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
from hypothesis import strategies as st

from learnkit.incidents import (
    FieldAnchor,
    IncidentReview,
    ReviewFile,
    ReviewFileFormat,
    parse_review_json,
    parse_review_markdown,
    review_to_markdown,
)
from learnkit.serialize import to_json
from learnkit.strategies._incidents import incident_reviews

__all__ = ["field_anchors", "markdown_reviews", "review_files"]

_FIELDS = ("narrative", "summary", "factors[0].description", "action_items[1].title", "lucky")


def field_anchors() -> st.SearchStrategy[FieldAnchor]:
    """Anchors of the review's text fields at any offset, line and column."""
    return st.builds(
        FieldAnchor,
        field=st.sampled_from(_FIELDS),
        offset=st.integers(0, 2_000),
        line=st.integers(1, 500),
        column=st.integers(1, 200),
    )


def _text(value: str) -> str:
    """Free text as a Markdown section holds it: no blank lines around it."""
    lines = value.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


def _required_text(value: str) -> str:
    return _text(value) or "x"


def _one_line(value: str) -> str:
    return " ".join(value.split()) or "x"


def _value_lines(value: str) -> str:
    """A key's value over several lines: each line trimmed, none blank."""
    return "\n".join(line.strip() for line in value.split("\n") if line.strip())


def _items(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(value.replace(",", ";") for value in values)


def representable(review: IncidentReview) -> IncidentReview:
    """``review`` changed only where the Markdown layout cannot hold it exactly.

    Texts lose the blank lines around them, one-line values (override fields
    and phrases) become one line, a key's value loses the blank lines inside
    and the spaces around its lines, and commas in evidence ids and tags
    become semicolons.
    """
    return attrs.evolve(
        review,
        summary=_text(review.summary),
        narrative=_text(review.narrative),
        surprises=_text(review.surprises),
        went_well=_text(review.went_well),
        difficult=_text(review.difficult),
        lucky=_text(review.lucky),
        reason=_text(review.reason),
        factors=tuple(
            attrs.evolve(
                factor,
                description=_required_text(factor.description),
                evidence=_items(factor.evidence),
            )
            for factor in review.factors
        ),
        learnings=tuple(
            attrs.evolve(
                learning, statement=_required_text(learning.statement), tags=_items(learning.tags)
            )
            for learning in review.learnings
        ),
        action_items=tuple(
            attrs.evolve(
                item,
                title=_required_text(item.title),
                reason=_value_lines(item.reason),
            )
            for item in review.action_items
        ),
        overrides=tuple(
            attrs.evolve(
                override,
                field=_one_line(override.field),
                phrase=_one_line(override.phrase),
                justification=_required_text(override.justification),
            )
            for override in review.overrides
        ),
    )


def markdown_reviews() -> st.SearchStrategy[IncidentReview]:
    """Reviews of every status that the Markdown layout holds exactly (see ``representable``)."""
    return incident_reviews().map(representable)


def review_files(
    *, formats: tuple[ReviewFileFormat, ...] = tuple(ReviewFileFormat)
) -> st.SearchStrategy[ReviewFile]:
    """Review files as read from Markdown (Danish or English layout) or from JSON.

    Args:
        formats: The formats to draw from.
    """
    return st.builds(
        _read,
        markdown_reviews(),
        st.sampled_from(formats),
        st.sampled_from(("da", "en")),
    )


def _read(review: IncidentReview, file_format: ReviewFileFormat, locale: str) -> ReviewFile:
    if file_format is ReviewFileFormat.JSON:
        return parse_review_json(to_json(review, indent=2))
    return parse_review_markdown(
        review_to_markdown(review, locale="da" if locale == "da" else "en")
    )


FACTORIES: tuple[tuple[type, Callable[[], st.SearchStrategy[Any]]], ...] = (
    (FieldAnchor, field_anchors),
    (ReviewFile, review_files),
)
"""The default strategy of every public type of this part, for ``st.from_type``."""
