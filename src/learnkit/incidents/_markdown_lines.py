"""The building blocks of reading a review kept as Markdown: lines, headings, text and keys.

:mod:`learnkit.incidents._markdown` reads a whole review with these; each
helper records what it finds (anchors) and what is wrong (problems, each with
a line and column) on a :class:`Reader`.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Sequence
from typing import Final, TypeVar

import attrs

from learnkit.exceptions import InvalidDataError, Problem
from learnkit.incidents import _markdown_layout as layout
from learnkit.incidents._review_file import FieldAnchor, locate

E = TypeVar("E", bound=enum.Enum)

HEADING: Final = re.compile(r"(#{1,3})(?:[ \t]+(.*?))?[ \t]*")
FENCE: Final = re.compile(r"[ ]{0,3}(```|~~~)")
KEY: Final = re.compile(r"-[ \t]+([^:\n]+?)[ \t]*:(?:[ \t]*)(.*?)[ \t]*")
CONTINUATION: Final = re.compile(r"(?:[ ]{2,}|\t)[ \t]*(\S.*?)[ \t]*")
_ISO_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@attrs.frozen
class Line:
    """One line of the file: its number (from 1), its text, and whether it is in a code block."""

    number: int  # from 1
    text: str
    fenced: bool  # inside (or opening/closing) a fenced code block


@attrs.frozen
class Heading:
    """A ``#``, ``##`` or ``###`` heading: its line, level, title and the title's column."""

    line: Line
    level: int
    title: str
    column: int  # where the title starts


@attrs.frozen
class Value:
    """A key's value (or a section's text) with the anchors of its characters."""

    text: str
    anchors: tuple[tuple[int, int, int], ...]  # (offset, line, column)


class Reader:
    """Collects problems and anchors while a file is read."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.locations: list[tuple[int, int]] = []
        self.anchors: dict[tuple[str, int], FieldAnchor] = {}

    def problem(self, path: str, value: object, message: str, at: tuple[int, int]) -> None:
        self.problems.append(Problem(path, value, message))
        self.locations.append(at)

    def anchor(self, field: str, offset: int, line: int, column: int) -> None:
        self.anchors.setdefault(
            (field, offset), FieldAnchor(field=field, offset=offset, line=line, column=column)
        )

    def anchor_value(self, field: str, value: Value) -> None:
        for offset, line, column in value.anchors:
            self.anchor(field, offset, line, column)

    def refused(self, error: InvalidDataError, prefix: str) -> None:
        """Record a constructor's refusal, each problem located by the anchors so far."""
        anchors = list(self.anchors.values())
        for problem in error.prefixed(prefix).problems:
            where = locate(anchors, problem.path)
            self.problem(problem.path, problem.value, problem.message, where)


# --- lines, headings and sections ------------------------------------------------------


def read_lines(text: str) -> list[Line]:
    """The lines of ``text``, code blocks marked (byte-order mark and carriage returns dropped)."""
    text = text.removeprefix("\ufeff")
    found: list[Line] = []
    fence: str | None = None
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.removesuffix("\r")
        if fence is None:
            opened = FENCE.match(line)
            fence = opened[1] if opened is not None else None
            found.append(Line(number, line, fenced=fence is not None))
            continue
        found.append(Line(number, line, fenced=True))
        stripped = line.strip()
        if stripped.startswith(fence) and not stripped.strip(fence[0]):
            fence = None  # the closing fence
    return found


def heading_of(line: Line) -> Heading | None:
    """The heading ``line`` is, or ``None`` (a line in a code block is never one)."""
    if line.fenced:
        return None
    found = HEADING.fullmatch(line.text)
    if found is None:
        return None
    title = found[2] or ""
    column = (found.start(2) + 1) if found[2] is not None else len(found[1]) + 1
    return Heading(line, len(found[1]), title, column)


def sections_of(
    lines: list[Line], headings: list[Heading], reader: Reader
) -> dict[str, tuple[Heading, list[Line]]]:
    """The ``##`` sections by field name; unknown and repeated headings are problems."""
    tops = [heading for heading in headings if heading.level <= 2]
    found: dict[str, tuple[Heading, list[Line]]] = {}
    for index, heading in enumerate(tops):
        if heading.level == 1:
            continue
        end = tops[index + 1].line.number - 1 if index + 1 < len(tops) else len(lines)
        body = lines[heading.line.number : end]
        name = layout.HEADINGS.get(layout.normalise(heading.title))
        at = (heading.line.number, heading.column)
        if name is None:
            reader.problem(
                f"line {heading.line.number}",
                heading.title,
                "is not a section of a review (see the layout in docs/incidents.md)",
                at,
            )
        elif name in found:
            reader.problem(name, heading.title, "is a section given twice", at)
        else:
            found[name] = (heading, body)
    return found


def unescape(line: Line) -> tuple[str, int]:
    """The text of a content line and the column its first character stands in."""
    text = line.text
    if not line.fenced and text.startswith("\\") and needs_escape(text[1:]):
        return text[1:], 2
    return text, 1


def needs_escape(text: str) -> bool:
    """Whether a text line must be written with a backslash in front to stay text."""
    return (
        text.startswith("\\")
        or HEADING.fullmatch(text) is not None
        or (FENCE.match(text) is not None)
    )


def text_of(lines: Sequence[Line]) -> Value:
    """The text of content lines, without the blank lines around it."""
    content = list(lines)
    while content and not content[0].text.strip():
        content.pop(0)
    while content and not content[-1].text.strip():
        content.pop()
    parts: list[str] = []
    anchors: list[tuple[int, int, int]] = []
    offset = 0
    for line in content:
        text, column = unescape(line)
        anchors.append((offset, line.number, column))
        parts.append(text)
        offset += len(text) + 1
    return Value("\n".join(parts), tuple(anchors))


# --- keys ----------------------------------------------------------------------------------


def read_keys(
    lines: Sequence[Line],
    known: tuple[str, ...],
    reader: Reader,
    path: str,
) -> dict[str, tuple[Value, tuple[int, int]]]:
    """The values of the ``- key: value`` lines, by key name, with where each key stands.

    Every non-blank line must be a known key or a continuation of one (a
    record's lines are split by :func:`_split_keys` first); any other line,
    and a key given twice, is a problem.
    """
    words = layout.KEYS[known]
    found: dict[str, tuple[Value, tuple[int, int]]] = {}
    current: str | None = None
    for line in lines:
        if not line.text.strip():
            current = None
            continue
        continued = CONTINUATION.fullmatch(line.text)
        if current is not None and continued is not None and not line.fenced:
            value, at = found[current]
            text = value.text + "\n" + continued[1]
            anchors = (*value.anchors, (len(value.text) + 1, line.number, continued.start(1) + 1))
            found[current] = (Value(text, anchors), at)
            continue
        current = None
        match = KEY.fullmatch(line.text) if not line.fenced else None
        name = words.get(layout.normalise(match[1])) if match is not None else None
        if match is None or name is None:
            reader.problem(
                f"line {line.number}",
                line.text.strip(),
                f"is not a '- key: value' line with a known key (expected {', '.join(known)})",
                (line.number, 1),
            )
            continue
        at = (line.number, match.start(1) + 1)
        field = key_path(path, name)
        if name in found:
            reader.problem(field, match[1], "is a key given twice", at)
            continue
        found[name] = (Value(match[2], ((0, line.number, match.start(2) + 1),)), at)
        current = name
    return found


def split_keys(lines: Sequence[Line], known: tuple[str, ...]) -> tuple[list[Line], list[Line]]:
    """A record's body split into its key lines and its text lines."""
    words = layout.KEYS[known]
    index = 0
    while index < len(lines) and not lines[index].text.strip():
        index += 1
    start = index
    in_key = False
    while index < len(lines):
        line = lines[index]
        if line.fenced:
            break
        match = KEY.fullmatch(line.text)
        if match is not None and layout.normalise(match[1]) in words:
            in_key = True
        elif not (in_key and CONTINUATION.fullmatch(line.text)):
            break
        index += 1
    if index == start:
        return [], list(lines)
    return list(lines[:index]), list(lines[index:])


def key_path(path: str, name: str) -> str:
    """The path of key ``name`` of the record at ``path`` (the review itself when empty)."""
    return f"{path}.{name}" if path else name


def get_value(
    keys: dict[str, tuple[Value, tuple[int, int]]],
    name: str,
    reader: Reader,
    path: str,
    field: str,
) -> str | None:
    """The value of key ``name`` anchored as ``field`` (None when absent or blank)."""
    if name not in keys:
        return None
    value, _ = keys[name]
    full = key_path(path, field)
    reader.anchor_value(full, value)
    return value.text if value.text.strip() else None


def required_value(
    keys: dict[str, tuple[Value, tuple[int, int]]],
    name: str,
    reader: Reader,
    path: str,
    field: str,
    *,
    at: tuple[int, int],
) -> str | None:
    """Like :func:`get_value`, and a problem at ``at`` when the key is missing or blank."""
    text = get_value(keys, name, reader, path, field)
    if text is None:
        reader.problem(key_path(path, field), None, f"is required: add a '- {name}: ...' line", at)
    return text


def enum_value(
    kind: type[E], text: str | None, reader: Reader, path: str, at_key: tuple[int, int]
) -> E | None:
    """The member of ``kind`` that ``text`` names; a problem listing the choices if none."""
    if text is None:
        return None
    member = layout.parse_value(kind, text)
    if member is None:
        choices = ", ".join(
            dict.fromkeys(layout.value_labels(kind, "en") + layout.value_labels(kind, "da"))
        )
        reader.problem(path, text, f"must be one of: {choices}", where(reader, path, at_key))
    return member


def date_value(text: str | None, reader: Reader, path: str, at: tuple[int, int]) -> dt.date | None:
    """The ``YYYY-MM-DD`` date in ``text``, or ``None`` and a problem."""
    if text is None:
        return None
    if _ISO_DATE.fullmatch(text.strip()):
        try:
            return dt.date.fromisoformat(text.strip())
        except ValueError:
            pass
    reader.problem(path, text, "must be a date written YYYY-MM-DD", where(reader, path, at))
    return None


def list_value(text: str | None) -> tuple[str, ...]:
    """The comma-separated items of ``text``, trimmed, empty ones left out."""
    if text is None:
        return ()
    return tuple(item.strip() for item in text.split(",") if item.strip())


def where(reader: Reader, path: str, fallback: tuple[int, int]) -> tuple[int, int]:
    """Where the value at ``path`` stands, or ``fallback`` when it has no anchor."""
    if any(field == path for field, _ in reader.anchors):
        return locate(reader.anchors.values(), path)
    return fallback
