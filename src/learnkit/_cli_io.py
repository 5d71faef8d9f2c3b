"""What comes in and goes out of the command line: files, standard streams, errors.

:mod:`learnkit.cli` and the command modules (``learnkit._cli_*``) read their
input and report their failures through this module, so every command reads a
file, names a problem and lays out a table the same way. The errors are
exceptions that :func:`learnkit.cli.main` turns into one line on standard
error and an exit status; nothing here exits or prints a traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from learnkit.exceptions import InvalidDataError, Problem
from learnkit.i18n import Locale, translate
from learnkit.time import Period

__all__ = [
    "Exit",
    "InputError",
    "UsageError",
    "check_json",
    "invalid",
    "plural",
    "problems",
    "read_bytes",
    "read_json",
    "read_raw",
    "read_text",
    "readable",
    "shown_as",
    "table",
    "text",
    "write",
    "write_error",
]

_PROBLEMS_SHOWN: Final = 3
_VALUE_CHARS: Final = 60


class UsageError(Exception):
    """The arguments are wrong: ``prog`` names the command, ``message`` says what is wrong."""

    def __init__(self, prog: str, message: str) -> None:
        super().__init__(message)
        self.prog = prog
        self.message = message


class InputError(Exception):
    """The input (a file, standard input, its data) is bad; ``message`` is the whole line."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Exit(Exception):
    """Stop now with exit ``status``; whatever should be shown has been written."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


# --- what goes out ------------------------------------------------------------------------


def write(output: str) -> None:
    """Write ``output`` to standard output and flush it."""
    sys.stdout.write(output)
    sys.stdout.flush()


def write_error(prog: str, message: str) -> None:
    """Write ``prog: message`` to standard error as exactly one line."""
    # One line whatever the message holds: a path or a value may contain line breaks.
    line = " ".join(f"{prog}: {message}".splitlines())
    sys.stderr.write(line + "\n")


def text(key: str, locale: Locale) -> str:
    """The catalogue text ``key`` in ``locale``, without parameters."""
    return translate(key, locale)


def plural(key: str, count: int, locale: Locale) -> str:
    """The text ``key.one`` or ``key.other`` for ``count``, with ``{count}`` filled in."""
    return translate(f"{key}.{'one' if count == 1 else 'other'}", locale, count=count)


def table(rows: Sequence[Sequence[str]], *, right: set[int]) -> list[str]:
    """Rows as aligned columns, indented by two spaces; columns in ``right`` align right.

    Trailing spaces are stripped from every line; no rows give no lines.
    """
    if not rows:
        return []
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [
            cell.rjust(width) if column in right else cell.ljust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append(("  " + "  ".join(cells)).rstrip())
    return lines


# --- what comes in ------------------------------------------------------------------------


def read_raw(source: str) -> bytes:
    """The bytes of file ``source``, or of standard input for ``-``; ``OSError`` as it comes."""
    return sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()


def read_bytes(source: str, shown: str, locale: Locale) -> bytes:
    """The bytes of file ``source``, or of standard input for ``-``.

    Raises:
        InputError: The file is missing or cannot be read; the message names ``shown``.
    """
    try:
        return read_raw(source)
    except FileNotFoundError:
        raise InputError(translate("cli.error.not_found", locale, path=shown)) from None
    except OSError as failure:
        reason = failure.strerror or str(failure)
        raise InputError(
            translate("cli.error.unreadable", locale, path=shown, reason=reason)
        ) from None


def read_text(source: str, shown: str, locale: Locale) -> str:
    """The UTF-8 text of ``source`` (see :func:`read_bytes`), without a byte order mark.

    Raises:
        InputError: As :func:`read_bytes`, or the bytes are not UTF-8.
    """
    data = read_bytes(source, shown, locale)
    try:
        return data.decode("utf-8-sig")  # tolerate the byte order mark some editors write
    except UnicodeDecodeError as failure:
        raise InputError(
            translate("cli.error.not_utf8", locale, path=shown, position=failure.start)
        ) from None


def check_json(text: str, shown: str, locale: Locale) -> None:
    """Check that ``text`` is JSON, so a syntax error can name its line and column.

    Raises:
        InputError: ``text`` is not JSON, is nested too deeply, or holds a number
            Python cannot convert.
    """
    try:
        json.loads(text)
    except json.JSONDecodeError as failure:
        message = translate(
            "cli.error.bad_json",
            locale,
            path=shown,
            line=failure.lineno,
            column=failure.colno,
            reason=failure.msg,
        )
        raise InputError(message) from None
    except RecursionError:
        reason = translate("cli.error.too_deep", locale)
        raise InputError(translate("cli.error.json", locale, path=shown, reason=reason)) from None
    except ValueError as failure:  # e.g. a number with more digits than Python converts
        raise InputError(
            translate("cli.error.json", locale, path=shown, reason=str(failure))
        ) from None


def shown_as(source: str, locale: Locale) -> str:
    """How messages name file ``source``: its path, or standard input for ``-``."""
    return translate("cli.stdin", locale) if source == "-" else source


def read_json(source: str, shown: str, locale: Locale) -> str:
    """The text of the JSON document in ``source``, checked to be JSON.

    It is checked here first, so that a syntax error can name its line and column.

    Raises:
        InputError: The file is missing, unreadable, not UTF-8 or not JSON.
    """
    text = read_text(source, shown, locale)
    check_json(text, shown, locale)
    return text


def invalid(shown: str, failure: InvalidDataError, locale: Locale) -> InputError:
    """The :class:`InputError` saying the data of ``shown`` is invalid, with its problems."""
    message = translate(
        "cli.error.invalid_data", locale, path=shown, **problems(failure.problems, locale)
    )
    return InputError(message)


# --- problems, compactly ------------------------------------------------------------------


def problems(found: Sequence[Problem], locale: Locale) -> dict[str, str]:
    """The ``count`` and the first ``problems`` of ``found``, compactly, for one line."""
    shown = [_problem(problem) for problem in found[:_PROBLEMS_SHOWN]]
    rest = len(found) - _PROBLEMS_SHOWN
    if rest > 0:
        shown.append(plural("cli.error.more", rest, locale))
    return {
        "count": plural("cli.error.problems", len(found), locale),
        "problems": "; ".join(shown),
    }


def readable(value: object) -> str:
    """A value as a person reads it: dates and moments in ISO form, periods as two dates."""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Period):
        return f"{value.first.isoformat()} – {value.last.isoformat()}"
    return repr(value)


def _problem(problem: Problem) -> str:
    value = readable(problem.value)
    if len(value) > _VALUE_CHARS:
        value = value[: _VALUE_CHARS - 1] + "…"
    return f"{problem.path}: {problem.message} (got {value})"
