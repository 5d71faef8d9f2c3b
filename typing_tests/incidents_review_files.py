"""Reviews kept as files, as a tool or bot uses them; ``mypy --strict``, never run."""

from __future__ import annotations

from typing import assert_type

from learnkit.incidents import (
    FieldAnchor,
    IncidentReview,
    ReviewFile,
    ReviewFileError,
    ReviewFileFormat,
    check_review,
    parse_review_json,
    parse_review_markdown,
    review_to_markdown,
)


def annotate(name: str, text: str) -> list[str]:
    """Findings as ``file:line:col`` lines, or the file's problems with their places."""
    try:
        found = parse_review_json(text) if name.endswith(".json") else parse_review_markdown(text)
    except ReviewFileError as error:
        return [
            f"{name}:{line}:{column}: {problem.path}: {problem.message}"
            for problem, (line, column) in zip(error.problems, error.locations, strict=True)
        ]
    assert_type(found, ReviewFile)
    assert_type(found.format, ReviewFileFormat)
    assert_type(found.anchors, tuple[FieldAnchor, ...])
    lines = []
    for finding in check_review(found.review):
        line, column = found.locate(finding.field, finding.start)
        lines.append(f"{name}:{line}:{column}: {finding.kind.value}")
    return lines


def as_markdown(review: IncidentReview) -> tuple[str, str]:
    """The review in both languages' layout."""
    return review_to_markdown(review), review_to_markdown(review, locale="en", title="Review")
