"""The vocabulary of a review kept as Markdown: headings, keys and values, in Danish and English.

Every word a reader may write comes from the i18n catalogues (``reviewfile.*``
keys), in both languages, so one file may mix them. Words are compared without
regard to case, spaces, punctuation and underscores: ``In progress``,
``in_progress`` and ``IN-PROGRESS`` are the same value, and ``Hvad skete der?``
is the same heading as ``hvad skete der``. Enum values are also accepted as
they are stored (``wont_do``), and as the names the incidents catalogue gives
them.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, TypeVar

from learnkit.i18n import LOCALES, Locale, catalogue, translate
from learnkit.incidents._language import FindingKind
from learnkit.incidents._review import (
    ActionStatus,
    ActionType,
    FactorCategory,
    FactorRole,
    ReviewStatus,
)

E = TypeVar("E", bound=enum.Enum)

TEXT_SECTIONS: Final[tuple[str, ...]] = (
    "summary",
    "narrative",
    "surprises",
    "went_well",
    "difficult",
    "lucky",
    "reason",
)
"""The review's free-text fields, each a ``##`` section of its own, in the order written."""

ITEM_SECTIONS: Final[tuple[str, ...]] = ("factors", "learnings", "action_items", "overrides")
"""The sections made of ``###`` records."""

SECTIONS: Final[tuple[str, ...]] = (
    *TEXT_SECTIONS[:6],
    "factors",
    "learnings",
    "action_items",
    "approvals",
    "overrides",
    "reason",
)
"""Every ``##`` section in the order a rendered review shows them."""

_ALIASED: Final[tuple[str, ...]] = ("narrative", "learnings")

REVIEW_KEYS: Final[tuple[str, ...]] = (
    "id",
    "incident",
    "author",
    "status",
    "revision",
    "published",
)
FACTOR_KEYS: Final[tuple[str, ...]] = ("category", "role", "evidence")
LEARNING_KEYS: Final[tuple[str, ...]] = ("tags",)
ACTION_KEYS: Final[tuple[str, ...]] = (
    "status",
    "type",
    "owner",
    "due",
    "created",
    "done",
    "reason",
)
OVERRIDE_KEYS: Final[tuple[str, ...]] = ("phrase", "kind", "by")

ENUM_GROUPS: Final[Mapping[type[enum.Enum], str]] = MappingProxyType(
    {
        ReviewStatus: "review_status",
        FactorCategory: "category",
        FactorRole: "factor_role",
        ActionType: "action_type",
        ActionStatus: "action_status",
        FindingKind: "finding_kind",
    }
)


def normalise(word: str) -> str:
    """``word`` reduced to its letters and digits, case-folded (how words are compared)."""
    return "".join(ch for ch in word.casefold() if ch.isalnum())


def _words(key: str) -> set[str]:
    return {normalise(catalogue(locale)[key]) for locale in LOCALES}


def _heading_map() -> dict[str, str]:
    found: dict[str, str] = {}
    for section in SECTIONS:
        words = _words(f"reviewfile.heading.{section}") | {normalise(section)}
        if section in _ALIASED:
            words |= _words(f"reviewfile.alias.{section}")
        for word in words:
            found[word] = section
    return found


def _key_map(keys: tuple[str, ...]) -> dict[str, str]:
    return {
        word: key for key in keys for word in _words(f"reviewfile.key.{key}") | {normalise(key)}
    }


HEADINGS: Final[Mapping[str, str]] = MappingProxyType(_heading_map())
"""Normalised heading word → section name."""

KEYS: Final[Mapping[tuple[str, ...], Mapping[str, str]]] = MappingProxyType(
    {
        keys: MappingProxyType(_key_map(keys))
        for keys in (REVIEW_KEYS, FACTOR_KEYS, LEARNING_KEYS, ACTION_KEYS, OVERRIDE_KEYS)
    }
)
"""For each kind of record: normalised key word → key name."""


def _value_map(kind: type[enum.Enum]) -> dict[str, enum.Enum]:
    group = ENUM_GROUPS[kind]
    found: dict[str, enum.Enum] = {}
    for member in kind:
        words = _words(f"reviewfile.value.{group}.{member.value}") | {normalise(member.value)}
        text_key = getattr(member, "text_key", None)
        if isinstance(text_key, str):
            words |= {
                normalise(catalogue(locale)[text_key])
                for locale in LOCALES
                if text_key in catalogue(locale)
            }
        for word in words:
            found[word] = member
    return found


VALUES: Final[Mapping[type[enum.Enum], Mapping[str, enum.Enum]]] = MappingProxyType(
    {kind: MappingProxyType(_value_map(kind)) for kind in ENUM_GROUPS}
)
"""For each enum: normalised word → member."""


def value_label(member: enum.Enum, locale: Locale) -> str:
    """How a rendered file writes ``member`` in ``locale`` (``"i gang"``, ``"in progress"``)."""
    return translate(f"reviewfile.value.{ENUM_GROUPS[type(member)]}.{member.value}", locale)


def value_labels(kind: type[enum.Enum], locale: Locale) -> list[str]:
    """Every member of ``kind`` as ``locale`` writes it, in declaration order."""
    return [value_label(member, locale) for member in kind]


def parse_value(kind: type[E], word: str) -> E | None:
    """The member of ``kind`` that ``word`` names, or ``None``."""
    member = VALUES[kind].get(normalise(word))
    return member if isinstance(member, kind) else None
