"""The options of the command line, checked in learnkit's own words.

The parser in :mod:`learnkit.cli` takes every option as text; the commands check
the values here, so an error names the option and the value in the chosen
locale rather than in argparse's English.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import re
from collections.abc import Sequence
from typing import Final

from learnkit._cli_io import UsageError
from learnkit.examples import EXAMPLE_SEED
from learnkit.i18n import LOCALES, Locale, translate

__all__ = [
    "DEFAULT_LOCALE",
    "LOCALE_OPTIONS",
    "as_of",
    "choice",
    "date_option",
    "locale",
    "locale_hint",
    "seed",
]

DEFAULT_LOCALE: Final[Locale] = "da"  # learnkit is Danish first
"""The locale of every text unless ``--lang`` says otherwise."""

LOCALE_OPTIONS: Final = ("--lang", "--locale")  # --lang is the name; --locale came first
"""The options naming the locale: ``--lang`` and its older name ``--locale``."""

_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SEED: Final = re.compile(r"-?[0-9]+")


def locale_hint(args: Sequence[str]) -> Locale:
    """The ``--lang`` or ``--locale`` among ``args``, known before parsing, for help and errors.

    The last one given wins; an unknown value or none gives :data:`DEFAULT_LOCALE`.
    """
    found: object = DEFAULT_LOCALE
    for index, arg in enumerate(args):
        if arg == "--":
            break
        for option in LOCALE_OPTIONS:
            if arg == option and index + 1 < len(args):
                found = args[index + 1]
            elif arg.startswith(f"{option}="):
                found = arg.removeprefix(f"{option}=")
    return next((known for known in LOCALES if known == found), DEFAULT_LOCALE)


def locale(namespace: argparse.Namespace, prog: str) -> Locale:
    """The locale ``--lang`` or ``--locale`` chose, or :data:`DEFAULT_LOCALE`.

    Raises:
        UsageError: A value is not a locale, or the two options name different ones.
    """
    given = [
        (option, value)
        for option in LOCALE_OPTIONS
        if (value := getattr(namespace, option.removeprefix("--"))) is not None
    ]
    for option, value in given:
        if value not in LOCALES:
            message = translate("cli.error.bad_locale", DEFAULT_LOCALE, option=option, value=value)
            raise UsageError(prog, message)
    values = {value for _, value in given}
    if len(values) > 1:
        message = translate("story.cli.error.two_locales", DEFAULT_LOCALE)
        raise UsageError(prog, message)
    return next((known for known in LOCALES if known in values), DEFAULT_LOCALE)


def as_of(namespace: argparse.Namespace, prog: str, locale: Locale, default: dt.date) -> dt.date:
    """The date of ``--as-of``, or ``default`` without it.

    Raises:
        UsageError: The value is not a date written YYYY-MM-DD.
    """
    value: str | None = namespace.as_of
    if value is None:
        return default
    return date_option(value, "--as-of", prog, locale)


def seed(namespace: argparse.Namespace, prog: str, locale: Locale) -> int:
    """The integer of ``--seed``, or the example organisation's seed without it.

    Raises:
        UsageError: The value is not an integer.
    """
    value: str | None = namespace.seed
    if value is None:
        return EXAMPLE_SEED
    if _SEED.fullmatch(value):
        with contextlib.suppress(ValueError):  # more digits than int() accepts
            return int(value)
    raise UsageError(prog, translate("cli.error.bad_seed", locale, option="--seed", value=value))


def date_option(value: str, option: str, prog: str, locale: Locale) -> dt.date:
    """The date ``value`` of ``option``, written YYYY-MM-DD.

    Raises:
        UsageError: ``value`` is not such a date.
    """
    if _DATE.fullmatch(value):
        with contextlib.suppress(ValueError):
            return dt.date.fromisoformat(value)
    raise UsageError(prog, translate("cli.error.bad_date", locale, option=option, value=value))


def choice(
    value: str | None, option: str, choices: Sequence[str], prog: str, locale: Locale
) -> str:
    """``value`` if it is one of ``choices``; the first of them if ``value`` is ``None``.

    Raises:
        UsageError: ``value`` is none of ``choices``.
    """
    if value is None:
        return choices[0]
    if value in choices:
        return value
    message = translate(
        "cli.error.bad_choice", locale, option=option, value=value, choices=" | ".join(choices)
    )
    raise UsageError(prog, message)
