"""Themes of a retrospective: reflections grouped by the tags and keywords they share.

The grouping rule, stated exactly so a team can predict it:

1. The *terms* of a reflection are its tags and its keywords. A tag is
   case-folded and each of its words stemmed (``"Tests"`` → ``"test"``,
   ``"deploy tests"`` → ``"deploy test"``); keywords come from its four
   answers by :func:`~learnkit.reflection._keywords.keywords` (stop words in
   Danish and English dropped, inflections stripped). A tag and a keyword
   with the same text are the same term.
2. A keyword (not a tag) found in more than half of the reflections, when
   there are at least :data:`COMMON_FROM` (4), is too common to tell themes
   apart and is dropped (a tag always counts: someone chose it).
3. Two reflections are linked when they have a term in common. A *theme* is
   a connected component of that relation: the reflections reachable from
   one another through shared terms.
4. A theme's terms are the ones at least two of its reflections share (for a
   theme of one reflection: all its terms), ordered by how many of its
   reflections have them (most first), then tags before keywords, then by
   text; at most :data:`MAX_THEME_TERMS` are kept. The first is the theme's
   key (the key votes name). Keys are unique: a term in two reflections
   always links them, so no two themes share a term.
   The theme's *label* is the word people wrote for the key: of the tags or
   case-folded words that gave the key, the one most of its reflections use,
   then the shortest, then by text (``"kunderne"`` for the key ``"kund"``).
5. A reflection without any term left (every word a stop word or too
   common, no tags) belongs to no theme.

Themes are sorted by key. The result depends only on the set of reflections,
never on their order.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, cast

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.reflection._keywords import keyword_forms, keywords, stem
from learnkit.reflection._model import Reflection

__all__ = ["MAX_THEME_TERMS", "Theme", "group_themes", "reflection_terms", "tag_term"]

MAX_THEME_TERMS: Final = 5
"""The most terms a theme lists."""

COMMON_FROM: Final = 4
"""From this many reflections on, a keyword in more than half of them is too common to group by."""


def _sorted(value: object) -> object:
    return _validate.canonical_tuple(value)


def _ordered(value: object) -> object:
    # Terms keep their order (it is the ranking); only the container changes.
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        return value
    return tuple(cast("Iterable[object]", value))


@attrs.frozen(kw_only=True)
class Theme:
    """What several reflections of a retrospective have in common, and its votes.

    Guarantees: ``key`` is the first of ``terms``; terms are unique;
    ``reflections`` is a non-empty sorted tuple of unique ids.

    Attributes:
        key: The term most of its reflections share, e.g. ``"kund"`` (a stem);
            votes name a theme by it.
        label: The word to show for the key, e.g. ``"kunderne"``.
        terms: The shared terms, most shared first (at most five).
        reflections: The ids of the reflections in the theme, sorted.
        votes: How many readers voted for the theme (each at most once).
    """

    key: str = attrs.field(validator=_validate.text)
    label: str = attrs.field(validator=_validate.text)
    terms: tuple[str, ...] = attrs.field(
        converter=_ordered, validator=_validate.each(_validate.text)
    )
    reflections: tuple[str, ...] = attrs.field(
        converter=_sorted, validator=_validate.each(_validate.identifier)
    )
    votes: int = attrs.field(default=0, validator=_validate.count)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if not self.terms or self.terms[0] != self.key:
            problems.append(Problem("terms", self.terms, f"must start with the key {self.key!r}"))
        if len(set(self.terms)) != len(self.terms):
            problems.append(Problem("terms", self.terms, "must not repeat a term"))
        if not self.reflections:
            problems.append(Problem("reflections", self.reflections, "a theme needs a reflection"))
        if len(set(self.reflections)) != len(self.reflections):
            problems.append(Problem("reflections", self.reflections, "must not repeat an id"))
        if problems:
            raise InvalidDataError(problems)


def tag_term(tag: str) -> str:
    """A tag as a term: case-folded, each word stemmed (``"Deploy Tests"`` → ``"deploy test"``)."""
    return " ".join(stem(word) for word in tag.casefold().split())


def reflection_terms(
    reflection: Reflection, *, stop_words: frozenset[str] = frozenset()
) -> tuple[frozenset[str], frozenset[str]]:
    """The tag terms and the keyword terms of ``reflection`` (see the module), in that order."""
    tags = frozenset(tag_term(tag) for tag in reflection.tags)
    return tags, keywords(reflection.texts, stop_words=stop_words)


def _forms(reflection: Reflection, stop_words: frozenset[str]) -> dict[str, frozenset[str]]:
    """Each term of ``reflection`` with the tags and words it came from."""
    forms = {
        term: set(words)
        for term, words in keyword_forms(reflection.texts, stop_words=stop_words).items()
    }
    for tag in reflection.tags:
        forms.setdefault(tag_term(tag), set()).add(tag)
    return {term: frozenset(words) for term, words in forms.items()}


def group_themes(
    reflections: Iterable[Reflection], *, stop_words: Iterable[str] = ()
) -> tuple[Theme, ...]:
    """The themes of ``reflections`` by the rule of the module, sorted by key, without votes.

    Args:
        reflections: The reflections to group; ids must be unique.
        stop_words: Words to ignore besides the built-in Danish and English ones
            (a word every reflection of this team uses, say).

    Raises:
        InvalidDataError: an item is not a Reflection, an id is listed twice, or
            ``stop_words`` is not a collection of strings.
    """
    given = _reflections(reflections)
    extra = _stop_words(stop_words)
    tag_terms: set[str] = set()
    terms_of: dict[str, dict[str, frozenset[str]]] = {}  # id -> term -> the words it came from
    holders: dict[str, list[str]] = {}
    for reflection in sorted(given, key=lambda r: r.id):
        tag_terms |= {tag_term(tag) for tag in reflection.tags}
        terms_of[reflection.id] = _forms(reflection, extra)
        for term in terms_of[reflection.id]:
            holders.setdefault(term, []).append(reflection.id)
    parent = {reflection_id: reflection_id for reflection_id in terms_of}

    def root(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    common = {
        term
        for term, ids in holders.items()
        if term not in tag_terms and len(given) >= COMMON_FROM and 2 * len(ids) > len(given)
    }
    for term in common:
        del holders[term]
        for forms in terms_of.values():
            forms.pop(term, None)
    for ids in holders.values():
        for other in ids[1:]:
            a, b = root(ids[0]), root(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    components: dict[str, list[str]] = {}
    for reflection_id in sorted(terms_of):
        if terms_of[reflection_id]:
            components.setdefault(root(reflection_id), []).append(reflection_id)
    themes = [_theme(ids, terms_of, tag_terms) for ids in components.values()]
    return tuple(sorted(themes, key=lambda theme: theme.key))


def _theme(
    ids: list[str], terms_of: dict[str, dict[str, frozenset[str]]], tag_terms: set[str]
) -> Theme:
    counts: dict[str, int] = {}
    for reflection_id in ids:
        for term in terms_of[reflection_id]:
            counts[term] = counts.get(term, 0) + 1
    shared = [term for term, count in counts.items() if count >= 2] or list(counts)
    ranked = sorted(shared, key=lambda term: (-counts[term], term not in tag_terms, term))
    kept = ranked[:MAX_THEME_TERMS]
    uses: dict[str, int] = {}
    for reflection_id in ids:
        for form in terms_of[reflection_id].get(kept[0], frozenset()):
            uses[form] = uses.get(form, 0) + 1
    label = min(uses, key=lambda form: (-uses[form], len(form), form))
    return Theme(key=kept[0], label=label, terms=kept, reflections=ids)


def _reflections(reflections: object) -> tuple[Reflection, ...]:
    if isinstance(reflections, str | bytes) or not isinstance(reflections, Iterable):
        raise InvalidDataError.single(
            "reflections", reflections, "must be a collection of Reflection values"
        )
    problems: list[Problem] = []
    found: list[Reflection] = []
    seen: set[str] = set()
    for index, item in enumerate(cast("Iterable[object]", reflections)):
        if not isinstance(item, Reflection):
            problems.append(Problem(f"reflections[{index}]", item, "must be a Reflection"))
            continue
        if item.id in seen:
            problems.append(Problem(f"reflections[id={item.id}].id", item.id, "is listed twice"))
        seen.add(item.id)
        found.append(item)
    if problems:
        raise InvalidDataError(problems)
    return tuple(found)


def _stop_words(stop_words: object) -> frozenset[str]:
    if isinstance(stop_words, str) or not isinstance(stop_words, Iterable):
        raise InvalidDataError.single(
            "stop_words", stop_words, "must be a collection of words, not one string"
        )
    words = tuple(cast("Iterable[object]", stop_words))
    bad = [word for word in words if not isinstance(word, str)]
    if bad:
        raise InvalidDataError.single("stop_words", bad, "must be strings")
    return frozenset(cast("tuple[str, ...]", words))
