"""Every user-facing text, in Danish and English.

Texts live in two catalogues, ``da`` and ``en``, with the same keys and the same
``{placeholders}``; a test holds them to that. Parts of learnkit add their keys
to the catalogue modules (``learnkit._catalogue_da`` and ``_catalogue_en``), and
code renders them with :func:`translate`::

    >>> translate("roster.headcount", "da", count=3)
    '3 personer'
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, Literal, TypeAlias, get_args

from learnkit._catalogue_da import CATALOGUE as _DA
from learnkit._catalogue_en import CATALOGUE as _EN
from learnkit.exceptions import InvalidDataError, UnknownIdError

__all__ = ["LOCALES", "Locale", "catalogue", "check_locale", "placeholders", "translate"]

Locale: TypeAlias = Literal["da", "en"]
"""A locale learnkit speaks (Danish first, English too)."""

LOCALES: Final[tuple[Locale, ...]] = get_args(Locale)

# Read-only views: a caller's change to a catalogue must not change every later text.
_CATALOGUES: Final[Mapping[Locale, Mapping[str, str]]] = {
    "da": MappingProxyType(_DA),
    "en": MappingProxyType(_EN),
}


def check_locale(locale: object, *, field: str = "locale") -> Locale:
    """``locale`` itself when learnkit speaks it.

    Raises:
        InvalidDataError: naming ``field``, when the locale is not ``"da"`` or ``"en"``.
    """
    for known in LOCALES:
        if locale == known:
            return known
    raise InvalidDataError.single(field, locale, "must be 'da' or 'en'")


def catalogue(locale: Locale) -> Mapping[str, str]:
    """Every text for ``locale``, by key (read-only)."""
    return _CATALOGUES[check_locale(locale)]


_FIELD_ROOT = re.compile(r"[.\[]")


def placeholders(template: str) -> frozenset[str]:
    """The ``{names}`` a template expects, as parameter names.

    ``{goal.title}`` and ``{items[0]}`` expect the parameters ``goal`` and ``items``.
    """
    return frozenset(
        _FIELD_ROOT.split(name, maxsplit=1)[0]
        for _, name, _, _ in string.Formatter().parse(template)
        if name is not None
    )


def translate(key: str, locale: Locale, /, **params: object) -> str:
    """The text ``key`` in ``locale`` with ``params`` filled in.

    Raises:
        UnknownIdError: no text has this key.
        InvalidDataError: the locale is unknown, or a placeholder has no parameter.
    """
    texts = catalogue(locale)
    try:
        template = texts[key]
    except (KeyError, TypeError):  # TypeError: an unhashable key
        raise UnknownIdError("text", key) from None
    missing = placeholders(template) - params.keys()
    if missing:
        raise InvalidDataError.single(
            "params", sorted(params), f"text {key!r} needs {', '.join(sorted(missing))}"
        )
    return template.format(**params)
