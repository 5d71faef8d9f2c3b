"""A review read from a file, with where each of its texts stands in that file.

A team keeps its postmortems in a repository, as Markdown (see
:mod:`learnkit.incidents._markdown`) or as a learnkit JSON document (see
:mod:`learnkit.incidents._review_json`). Reading such a file gives a
:class:`ReviewFile`: the :class:`~learnkit.incidents.IncidentReview` and a
list of :class:`FieldAnchor` values that map a character of a text field
(``narrative``, ``factors[0].description``) back to a line and column of the
file, so a finding of the blameless-language check can be reported as
``file:line:col``. A file that cannot be read as a review raises
:class:`ReviewFileError`, which locates every problem the same way.

Lines and columns count from 1; a column counts characters (code points), not
bytes, so an ``ø`` is one column.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.incidents._review import IncidentReview

__all__ = ["FieldAnchor", "ReviewFile", "ReviewFileError", "ReviewFileFormat"]

_PARENT = re.compile(r"^(?P<parent>.*?)(?:\.[^.\[\]]+|\[[^\[\]]*\])$")


class ReviewFileFormat(enum.Enum):
    """How a review is kept in a file."""

    MARKDOWN = "markdown"
    JSON = "json"


@attrs.frozen(kw_only=True, order=True)
class FieldAnchor:
    """Character ``offset`` of the text at ``field`` stands at ``line``:``column`` of the file.

    The characters after the offset follow on the same line, one column each,
    up to the next anchor of the same field (a new line of a Markdown section,
    or an escape sequence in a JSON string). An anchor at offset 0 of a
    container path (``factors[1]``, ``action_items``) marks where that record
    or section starts.

    Attributes:
        field: The path of the field, as the language check names it
            (``"narrative"``, ``"factors[0].description"``, ``"action_items[2]"``).
        offset: A character offset into the field's text, 0 or more.
        line: The file's line, counting from 1.
        column: The file's column, counting characters from 1.
    """

    field: str = attrs.field(validator=_validate.identifier)
    offset: int = attrs.field(validator=_validate.count)
    line: int = attrs.field(validator=_validate.int_between(1, 2**31))
    column: int = attrs.field(validator=_validate.int_between(1, 2**31))


def _anchor_key(anchor: FieldAnchor) -> tuple[str, int, int, int]:
    return (anchor.field, anchor.offset, anchor.line, anchor.column)


def _anchors(value: Iterable[FieldAnchor]) -> tuple[FieldAnchor, ...]:
    # A key function: attrs' generated ordering is many times slower on thousands of anchors.
    return tuple(_validate.canonical_tuple(value, key=_anchor_key))


@attrs.frozen(kw_only=True)
class ReviewFile:
    """A review as read from a file, with the anchors that locate its texts.

    Attributes:
        review: The review.
        format: Whether it was read from Markdown or from JSON.
        anchors: Where the texts stand in the file, sorted; at most one anchor
            per field and offset.
    """

    review: IncidentReview = attrs.field(validator=_validate.instance_of(IncidentReview))
    format: ReviewFileFormat = attrs.field(validator=_validate.instance_of(ReviewFileFormat))
    anchors: tuple[FieldAnchor, ...] = attrs.field(
        converter=_anchors, validator=_validate.each(_validate.instance_of(FieldAnchor))
    )

    def __attrs_post_init__(self) -> None:
        seen: set[tuple[str, int]] = set()
        problems = []
        for index, anchor in enumerate(self.anchors):
            key = (anchor.field, anchor.offset)
            if key in seen:
                problems.append(
                    Problem(f"anchors[{index}]", anchor, "anchors the same field and offset twice")
                )
            seen.add(key)
        if problems:
            raise InvalidDataError(problems)

    def locate(self, field: str, offset: int = 0) -> tuple[int, int]:
        """The ``(line, column)`` of character ``offset`` of the text at ``field``.

        A field without an anchor of its own is located at the start of the
        nearest enclosing record or section that has one (``action_items[2].reason``
        falls back to ``action_items[2]``, then ``action_items``); a field with
        none at all is located at line 1, column 1. The result never lies
        before the field's first anchor.
        """
        return locate(self.anchors, field, offset)


def locate(anchors: Iterable[FieldAnchor], field: str, offset: int = 0) -> tuple[int, int]:
    """Where character ``offset`` of ``field`` stands, given ``anchors`` (see ReviewFile.locate)."""
    by_field: dict[str, list[FieldAnchor]] = {}
    for anchor in anchors:
        by_field.setdefault(anchor.field, []).append(anchor)
    path = field
    while path not in by_field:
        parent = _parent(path)
        if parent is None:
            return 1, 1
        path = parent
    wanted = offset if path == field else 0
    own = by_field[path]
    before = [anchor for anchor in own if anchor.offset <= wanted]
    if not before:
        first = min(own, key=lambda anchor: anchor.offset)
        return first.line, first.column
    best = max(before, key=lambda anchor: anchor.offset)
    return best.line, best.column + wanted - best.offset


def require_text(text: object) -> str:
    """``text`` itself when it is a string: what both parsers are given.

    Bytes are refused rather than guessed at: the caller knows the file's
    encoding (a review file is UTF-8) and decodes it first.

    Raises:
        InvalidDataError: ``text`` is not a ``str`` (path ``text``), bytes included.
    """
    if isinstance(text, bytes | bytearray | memoryview):
        raise InvalidDataError.single(
            "text", text, "must be a string, not bytes; decode the file first (it is UTF-8)"
        )
    if not isinstance(text, str):
        raise InvalidDataError.single("text", text, "must be a string")
    return text


def _parent(path: str) -> str | None:
    found = _PARENT.match(path)
    if found is None or not found["parent"]:
        return None
    return found["parent"]


class ReviewFileError(InvalidDataError):
    """A file that cannot be read as a review: every problem, each with where it is.

    Attributes:
        problems: Every problem found, never empty; a path names the review's
            field (``factors[0].category``) or, for text that belongs nowhere,
            the file position (``line 7``).
        locations: The ``(line, column)`` of each problem, in the same order.
    """

    def __init__(self, problems: Iterable[Problem], locations: Iterable[tuple[int, int]]) -> None:
        super().__init__(problems)
        self.locations: tuple[tuple[int, int], ...] = tuple(locations)
        if len(self.locations) != len(self.problems):
            raise ValueError("ReviewFileError needs one location per problem")

    def __reduce__(  # type: ignore[override]
        self,
    ) -> tuple[type[ReviewFileError], tuple[tuple[Problem, ...], tuple[tuple[int, int], ...]]]:
        # Pickling must rebuild from the data, not the message.
        return (type(self), (self.problems, self.locations))
