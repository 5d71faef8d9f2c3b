r"""A review kept as a learnkit JSON document, read with the position of every text.

:func:`parse_review_json` reads the document as :func:`learnkit.serialize.from_json`
does (strictly: unknown keys, wrong types and everything the review's own
validation refuses are problems), and also scans the JSON text, so that each
character of each string in the review can be traced to its line and column,
escape sequences (``\n``, ``\u00f8``) included.
"""

from __future__ import annotations

import bisect
import json
import re
from typing import Final

from learnkit import _errors
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.incidents._review import IncidentReview
from learnkit.incidents._review_file import (
    FieldAnchor,
    ReviewFile,
    ReviewFileError,
    ReviewFileFormat,
    locate,
    require_text,
)

__all__ = ["parse_review_json"]

_DATA: Final = "$.data"
_SCALAR: Final = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null")
_SPACE: Final = re.compile(r"[ \t\n\r]*")
_STRING: Final = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_EXCERPT: Final = 80


def parse_review_json(text: str) -> ReviewFile:
    """The review in the JSON document ``text``, with the anchors of its texts.

    ``text`` is a document as :func:`learnkit.serialize.to_json` writes it for
    an :class:`~learnkit.incidents.IncidentReview`. Guarantees: every character
    of every string of the review has an anchor that locates it in ``text``
    (field paths as the language check names them: ``narrative``,
    ``factors[0].description``).

    Raises:
        ReviewFileError: ``text`` is not JSON (located where the parser
            stopped), or not a valid review document (each problem located at
            the value it names, or at the nearest enclosing value).
        InvalidDataError: ``text`` is not a string (bytes too: decode them
            as UTF-8 first).
    """
    text = require_text(text)
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        problem = Problem("$", _excerpt(text), f"is not valid JSON: {error.msg}")
        raise ReviewFileError([problem], [(error.lineno, error.colno)]) from None
    except RecursionError:
        problem = Problem("$", _excerpt(text), "is nested too deeply")
        raise ReviewFileError([problem], [(1, 1)]) from None
    # learnkit.serialize imports every part to register its types, this one
    # included, so it is imported when first needed rather than with the part.
    from learnkit.serialize import from_json  # noqa: PLC0415

    positions = _Scanner(text).scan()
    try:
        review = from_json(text, IncidentReview)
    except InvalidDataError as error:
        locations = [locate(positions, problem.path) for problem in error.problems]
        raise ReviewFileError(error.problems, locations) from None
    anchors = [
        FieldAnchor(
            field=_field(anchor.field),
            offset=anchor.offset,
            line=anchor.line,
            column=anchor.column,
        )
        for anchor in positions
        if anchor.field.startswith(_DATA + ".") or anchor.field.startswith(_DATA + "[")
    ]
    return ReviewFile(review=review, format=ReviewFileFormat.JSON, anchors=anchors)


def _field(path: str) -> str:
    rest = path.removeprefix(_DATA)
    return rest.removeprefix(".")


def _excerpt(text: str) -> str:
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + "…"


class _Scanner:
    """Walks valid JSON text and anchors every value (and every character of a string)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = [0, *(match.end() for match in re.finditer("\n", text))]
        self.anchors: dict[tuple[str, int], FieldAnchor] = {}

    def scan(self) -> list[FieldAnchor]:
        """Every anchor (none when the text nests too deeply to walk)."""
        try:
            self._value(self._skip(0), "$")
        except RecursionError:
            return []
        return list(self.anchors.values())

    def _where(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, index)
        return line, index - self.line_starts[line - 1] + 1

    def _anchor(self, path: str, offset: int, index: int) -> None:
        line, column = self._where(index)
        self.anchors.setdefault(
            (path, offset), FieldAnchor(field=path, offset=offset, line=line, column=column)
        )

    def _skip(self, index: int) -> int:
        found = _SPACE.match(self.text, index)
        return found.end() if found is not None else index

    def _value(self, index: int, path: str) -> int:
        char = self.text[index]
        if char == "{":
            self._anchor(path, 0, index)
            return self._object(index + 1, path)
        if char == "[":
            self._anchor(path, 0, index)
            return self._array(index + 1, path)
        if char == '"':
            return self._string(index, path)
        found = _SCALAR.match(self.text, index)
        if found is None:  # pragma: no cover - the text was parsed as JSON before
            raise ValueError(f"unexpected {char!r} at {index}")
        self._anchor(path, 0, index)
        return found.end()

    def _object(self, index: int, path: str) -> int:
        index = self._skip(index)
        if self.text[index] == "}":
            return index + 1
        while True:
            found = _STRING.match(self.text, index)
            if found is None:  # pragma: no cover - the text was parsed as JSON before
                raise ValueError(f"expected a key at {index}")
            key, index = json.loads(found.group()), found.end()
            index = self._skip(self._skip(index) + 1)  # past the colon
            index = self._skip(self._value(index, _errors.key_path(path, key)))
            if self.text[index] == "}":
                return index + 1
            index = self._skip(index + 1)  # past the comma

    def _array(self, index: int, path: str) -> int:
        index = self._skip(index)
        if self.text[index] == "]":
            return index + 1
        position = 0
        while True:
            index = self._skip(self._value(index, f"{path}[{position}]"))
            position += 1
            if self.text[index] == "]":
                return index + 1
            index = self._skip(index + 1)

    def _string(self, index: int, path: str) -> int:
        """Anchor each decoded character of the string at ``index``; the index after it."""
        raw = index + 1
        offset = 0
        linear = False  # whether the previous character follows on from an anchor
        while True:
            char = self.text[raw]
            if char == '"':
                if offset == 0:
                    self._anchor(path, 0, raw)
                return raw + 1
            if char == "\\":
                self._anchor(path, offset, raw)
                width = 2
                if self.text[raw + 1] == "u":
                    width = 6
                    high = int(self.text[raw + 2 : raw + 6], 16)
                    follows = self.text[raw + 6 : raw + 8] == "\\u"
                    if 0xD800 <= high < 0xDC00 and follows:
                        low = int(self.text[raw + 8 : raw + 12], 16)
                        if 0xDC00 <= low < 0xE000:
                            width = 12
                raw += width
                offset += 1
                linear = False
                continue
            if not linear:
                self._anchor(path, offset, raw)
                linear = True
            raw += 1
            offset += 1
