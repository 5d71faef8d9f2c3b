"""cattrs' validation errors as learnkit :class:`~learnkit.exceptions.Problem` lists.

cattrs reports a failed structuring as a tree of exception groups: a
``ClassValidationError`` per object, an ``IterableValidationError`` per array,
each sub-error tagged with a note that says which field or index it came from.
:func:`problems` walks that tree the way ``cattrs.transform_error`` does, but
keeps what learnkit needs: a :class:`Problem` per leaf, with the offending value
and our own validators' messages and paths (``skills[1].name``,
``people[id=b].team``) joined onto the JSON path (``$.data.people[2]``).
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable
from typing import Any, Final

import attrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)

from learnkit.exceptions import InvalidDataError, Problem

ABSENT: Final[Any] = attrs.NOTHING
"""Marks "no value here": a missing key, or a value the walk could not find."""

MISSING_MESSAGE: Final = "is required but missing"

_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*", re.ASCII)


def key_path(path: str, key: object) -> str:
    """``path`` followed by an object key: ``.name``, or ``["odd key"]`` when it needs quoting."""
    if isinstance(key, str) and _PLAIN_KEY.fullmatch(key):
        return f"{path}.{key}" if path else key
    label = json.dumps(key, ensure_ascii=False) if isinstance(key, str) else repr(key)
    return f"{path}[{label}]"


def index_path(path: str, index: object) -> str:
    """``path`` followed by an array index (or, for a mapping, a quoted key)."""
    if isinstance(index, int):
        return f"{path}[{index}]"
    return key_path(path, index)


_JSON_KINDS: Final[tuple[tuple[type | tuple[type, ...], str], ...]] = (
    (type(None), "null"),
    (bool, "a boolean"),  # before int: True is an int to Python, not to JSON
    (int, "a number"),
    (float, "a decimal number"),
    (str, "a string"),
    (list, "an array"),
    (dict, "an object"),
)


def json_kind(value: object) -> str:
    """What ``value`` is in JSON's words (``"a number"``, ``"null"``), for messages."""
    for kind, name in _JSON_KINDS:
        if isinstance(value, kind):
            return name
    return f"a Python {type(value).__name__}"


def expected(what: str, value: object) -> InvalidDataError:
    """The error for a value of the wrong JSON type, at the path of the value itself."""
    return InvalidDataError.single("", value, f"expected {what}, not {json_kind(value)}")


def unknown_key(path: str, key: object, value: object, known: Iterable[str]) -> Problem:
    """The problem for a key nobody asked for, with a suggestion when it looks like a typo."""
    names = sorted(known)
    message = "is not a known key"
    close = difflib.get_close_matches(key, names, n=1) if isinstance(key, str) else []
    if close:
        message += f"; did you mean {close[0]!r}?"
    elif names:
        message += f" (expected {', '.join(names)})"
    return Problem(key_path(path, key), value, message)


def _child(source: object, key: object) -> Any:
    if isinstance(source, dict):
        return source.get(key, ABSENT)
    if isinstance(source, list) and isinstance(key, int) and 0 <= key < len(source):
        return source[key]
    return ABSENT


def _type_name(kind: object) -> str:
    return getattr(kind, "__name__", None) or repr(kind)


def _known_keys(cls: type) -> list[str]:
    if attrs.has(cls):
        return [field.name for field in attrs.fields(cls) if field.init]
    return []


def problems(
    error: BaseException, path: str, source: object = ABSENT, kind: object = None
) -> list[Problem]:
    """Every problem in ``error``, with paths below ``path``.

    Args:
        error: What structuring raised: a cattrs validation error tree, a
            learnkit :class:`~learnkit.exceptions.InvalidDataError` (whose
            relative paths are joined onto ``path``) or any other exception.
        path: Where the value that failed sits (``""`` for "here").
        source: The value that failed, as given, so problems can show it.
        kind: The type the value was to become, when known.
    """
    if isinstance(error, InvalidDataError):
        return list(error.prefixed(path).problems)
    if isinstance(error, ClassValidationError):
        found: list[Problem] = []
        with_notes, without = error.group_exceptions()
        for sub, note in with_notes:
            child = _child(source, note.name)
            if isinstance(sub, KeyError) and child is ABSENT:
                found.append(Problem(key_path(path, note.name), None, MISSING_MESSAGE))
            else:
                found.extend(problems(sub, key_path(path, note.name), child, note.type))
        for sub in without:
            found.extend(problems(sub, path, source, error.cl))
        return found
    if isinstance(error, IterableValidationError):
        found = []
        with_index, without = error.group_exceptions()
        for sub, index_note in with_index:
            child = _child(source, index_note.index)
            found.extend(problems(sub, index_path(path, index_note.index), child, index_note.type))
        for sub in without:
            found.extend(problems(sub, path, source, error.cl))
        return found
    if isinstance(error, ForbiddenExtraKeysError):
        known = _known_keys(error.cl)
        found = []
        for key in sorted(error.extra_fields, key=repr):
            child = _child(source, key)
            found.append(unknown_key(path, key, None if child is ABSENT else child, known))
        return found
    value = None if source is ABSENT else source
    if isinstance(error, RecursionError):
        return [Problem(path or "$", value, "is nested too deeply")]
    what = f"a valid {_type_name(kind)}" if kind is not None else "a valid value"
    return [Problem(path or "$", value, f"is not {what} ({type(error).__name__}: {error})")]
