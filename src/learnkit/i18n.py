"""Every user-facing text, in Danish and English.

Texts live in two catalogues, ``da`` and ``en``, with the same keys and the same
``{placeholders}``; a test holds them to that. The shared texts are in
``learnkit._catalogue_da`` and ``_catalogue_en``; each part of learnkit keeps
its own in ``learnkit._texts_<part>`` (dicts ``DA`` and ``EN``), merged here
(a key defined twice is an error at import). Code renders them with
:func:`translate`::

    >>> translate("roster.headcount", "da", count=3)
    '3 personer'
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, Literal, TypeAlias, get_args

from learnkit import (
    _texts_culture,
    _texts_goals,
    _texts_incident_followups,
    _texts_incidents,
    _texts_language,
    _texts_leadership,
    _texts_nudges,
    _texts_prompts,
    _texts_reflection,
    _texts_review_file,
    _texts_safety,
    _texts_sharing,
    _texts_story,
)
from learnkit._catalogue_da import CATALOGUE as _CORE_DA
from learnkit._catalogue_en import CATALOGUE as _CORE_EN
from learnkit.exceptions import InvalidDataError, UnknownIdError

__all__ = ["LOCALES", "Locale", "catalogue", "check_locale", "placeholders", "translate"]

Locale: TypeAlias = Literal["da", "en"]
"""A locale learnkit speaks (Danish first, English too)."""

LOCALES: Final[tuple[Locale, ...]] = get_args(Locale)

_PART_TEXTS: Final = (
    _texts_reflection,
    _texts_prompts,
    _texts_incidents,
    _texts_language,
    _texts_incident_followups,
    _texts_review_file,
    _texts_goals,
    _texts_leadership,
    _texts_sharing,
    _texts_safety,
    _texts_culture,
    _texts_nudges,
    _texts_story,
)


def _merged(core: Mapping[str, str], parts: tuple[Mapping[str, str], ...]) -> dict[str, str]:
    merged = dict(core)
    for texts in parts:
        twice = sorted(merged.keys() & texts.keys())
        if twice:  # a programming error in learnkit itself, caught by every test run
            raise RuntimeError(f"i18n keys defined twice: {', '.join(twice)}")
        merged.update(texts)
    return merged


_DA: Final = _merged(_CORE_DA, tuple(part.DA for part in _PART_TEXTS))
_EN: Final = _merged(_CORE_EN, tuple(part.EN for part in _PART_TEXTS))

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
