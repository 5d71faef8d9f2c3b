r"""Literal triggers of a regular expression, so a rule only runs on sentences that can match.

Python's ``re`` tries a pattern such as ``\\b(?:careless|sloppy|lazy|...)`` at
every word of a text; with about 150 rules that costs far more than the
match itself. :func:`triggers` reads a pattern's parse tree and returns
lower-case strings of which every match contains at least one; the checker
finds them with ``str.find`` (fast, in C) and runs the rule only on the
sentences around them. A pattern without such strings gives ``None`` and is
run on every sentence, so the result never changes, only its speed.
"""

from __future__ import annotations

import re
from re import _parser  # type: ignore[attr-defined]  # the parse tree has no public API
from typing import Any, Final

_C: Final[Any] = _parser  # the opcodes are re-exported by the parser module

Triggers = frozenset[str]


def triggers(pattern: str, flags: int = re.IGNORECASE) -> tuple[str, ...] | None:
    r"""Case-folded strings at least one of which is in every match of ``pattern``, or ``None``.

    The strings are sorted; ``None`` means no such set was found (a pattern
    that can match without any literal text, e.g. ``\\w+``).
    """
    found = _sequence(list(_parser.parse(pattern, flags)))
    return None if found is None else tuple(sorted(found))


def _quality(found: Triggers) -> tuple[int, int]:
    # The shortest string decides how selective a set is; fewer strings is cheaper.
    return (min(len(text) for text in found), -len(found))


def _sequence(items: list[tuple[Any, Any]]) -> Triggers | None:
    candidates: list[Triggers] = []
    run = ""
    for op, arg in items:
        if op is _C.LITERAL:
            run += chr(arg).casefold()
            continue
        if run:
            candidates.append(frozenset({run}))
            run = ""
        found = _item(op, arg)
        if found:
            candidates.append(found)
    if run:
        candidates.append(frozenset({run}))
    if not candidates:
        return None
    return max(candidates, key=_quality)


def _item(op: Any, arg: Any) -> Triggers | None:
    if op is _C.SUBPATTERN:
        return _sequence(list(arg[-1]))
    if op is _C.BRANCH:
        union: set[str] = set()
        for branch in arg[1]:
            found = _sequence(list(branch))
            if found is None:
                return None
            union |= found
        return frozenset(union)
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None)):
        low, _, body = arg
        return _sequence(list(body)) if low >= 1 else None
    if op is _C.IN and all(code is _C.LITERAL for code, _ in arg):
        return frozenset(chr(value).casefold() for _, value in arg)
    return None
