"""Strategies for prompt decks, prompt choices and team retrospectives."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from learnkit import _validate
from learnkit.exceptions import InvalidDataError
from learnkit.reflection._prompts import _BUILTIN, Prompt, PromptDeck, PromptDecks, builtin_decks
from learnkit.reflection._retrospective import ActionPoint, Retrospective, ThemeVote
from learnkit.reflection._rotation import PromptChoice, next_prompt
from learnkit.reflection._themes import MAX_THEME_TERMS, Theme
from learnkit.strategies._foundation import (
    DEFAULT_MAX_DATE,
    DEFAULT_MIN_DATE,
    _ids,
    _require_sizes,
    _texts,
    periods,
)
from learnkit.time import Period

__all__ = [
    "action_points",
    "prompt_choices",
    "prompt_deck_registries",
    "prompt_decks",
    "prompts",
    "retrospectives",
    "theme_votes",
    "themes",
]

_BUILTIN_PROMPT_IDS = tuple(prompt_id for ids in _BUILTIN.values() for prompt_id in ids)
_OWN_DA = ("Hvad overraskede os?", "Hvem skal vi fortælle det til?", "Hvad tog længst tid?")
_OWN_EN = ("What surprised us?", "Whom should we tell?", "What took the longest?")
_DECK_NAMES_DA = ("Vores egne spørgsmål", "Fredagsrefleksion", "Efter udrulning")
_DECK_NAMES_EN = ("Our own questions", "Friday reflection", "After a release")
_TERMS = ("deploy", "test", "onboarding", "kund", "kodegennemgang", "dokumentation", "drift")
_ACTIONS = (
    "Skriv en tjekliste til udrulning",
    "Book en miniworkshop om test",
    "Share the runbook with support",
)


def prompts(*, ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Prompt]:
    """Prompts: built-in ones (a catalogue key) or a team's own (Danish and English text).

    Shrinks towards the first built-in prompt.

    Args:
        ids: Where the ids of a team's own prompts come from; any id by default.
    """
    return st.one_of(
        st.sampled_from(_BUILTIN_PROMPT_IDS).map(Prompt.builtin),
        st.builds(
            Prompt,
            id=_ids if ids is None else ids,
            da=_texts(_OWN_DA, max_size=60),
            en=_texts(_OWN_EN, max_size=60),
        ),
    )


def _prompt_id(prompt: Prompt) -> str:
    return prompt.id


def prompt_decks(
    *,
    ids: st.SearchStrategy[str] | None = None,
    min_size: int = 1,
    max_size: int = 8,
) -> st.SearchStrategy[PromptDeck]:
    """Decks of ``min_size`` to ``max_size`` prompts with unique ids, built-in or a team's own.

    Raises:
        InvalidDataError: a size is negative, below 1 or ``max_size < min_size``.
    """
    _require_sizes(min_size, max_size)
    if min_size < 1:
        raise InvalidDataError.single("min_size", min_size, "a deck needs a prompt")
    own = st.builds(
        PromptDeck,
        id=_ids if ids is None else ids,
        prompts=st.lists(prompts(), min_size=min_size, max_size=max_size, unique_by=_prompt_id),
        name_da=_texts(_DECK_NAMES_DA, max_size=40),
        name_en=_texts(_DECK_NAMES_EN, max_size=40),
    )
    builtin = [deck for deck in builtin_decks().decks if min_size <= len(deck) <= max_size]
    return st.sampled_from(builtin) | own if builtin else own


def prompt_deck_registries(*, max_size: int = 4) -> st.SearchStrategy[PromptDecks]:
    """Registries: the built-in decks plus up to ``max_size`` decks of a team's own.

    A team's decks get fresh ids (``"own-0"``, ...) and prompt ids prefixed by
    their deck's, so they never clash with the built-in ones.
    """
    return st.lists(prompt_decks(), max_size=max_size).map(_registry)


def _registry(decks: list[PromptDeck]) -> PromptDecks:
    registry = builtin_decks()
    for index, deck in enumerate(decks):
        name = f"own-{index}"
        renamed = tuple(
            Prompt(id=f"{name}/{prompt.id}", key=prompt.key, da=prompt.da, en=prompt.en)
            for prompt in deck.prompts
        )
        registry = registry.with_deck(
            PromptDeck(
                id=name,
                prompts=renamed,
                name_key=deck.name_key,
                name_da=deck.name_da,
                name_en=deck.name_en,
            )
        )
    return registry


def prompt_choices() -> st.SearchStrategy[PromptChoice]:
    """Choices as :func:`~learnkit.reflection.next_prompt` makes them, from varied histories."""
    return st.builds(
        _choice,
        deck=prompt_decks(),
        seed=st.integers(-(2**40), 2**40),
        picks=st.lists(st.integers(0, 30), max_size=12),
        avoid_last=st.integers(0, 6),
    )


def _choice(*, deck: PromptDeck, seed: int, picks: list[int], avoid_last: int) -> PromptChoice:
    ids = deck.ids
    # Indices past the deck stand for prompts of other decks the team also used.
    recent = [ids[pick] if pick < len(ids) else f"other-{pick}" for pick in picks]
    return next_prompt(deck, seed=seed, recent=recent, avoid_last=avoid_last)


def themes() -> st.SearchStrategy[Theme]:
    """Themes: one to five unique terms (the first is the key), reflections and votes."""
    return st.builds(
        _theme,
        terms=st.lists(
            st.one_of(st.sampled_from(_TERMS), _texts(_TERMS, max_size=16)),
            min_size=1,
            max_size=MAX_THEME_TERMS,
            unique=True,
        ),
        reflections=st.lists(_ids, min_size=1, max_size=6, unique=True),
        votes=st.integers(0, 12),
    )


def _theme(*, terms: list[str], reflections: list[str], votes: int) -> Theme:
    return Theme(key=terms[0], label=terms[0], terms=terms, reflections=reflections, votes=votes)


def theme_votes() -> st.SearchStrategy[ThemeVote]:
    """Votes: any voter id for any theme key."""
    return st.builds(
        ThemeVote, voter=_ids, theme=st.one_of(st.sampled_from(_TERMS), _texts(_TERMS))
    )


def action_points(
    *,
    ids: st.SearchStrategy[str] | None = None,
    min_date: dt.date = DEFAULT_MIN_DATE,
    max_date: dt.date = DEFAULT_MAX_DATE,
) -> st.SearchStrategy[ActionPoint]:
    """Action points agreed in ``min_date..max_date``, open or done up to a year later."""
    return st.builds(
        _action_point,
        id=_ids if ids is None else ids,
        text=_texts(_ACTIONS, max_size=60),
        owner=st.none() | _ids,
        created_on=st.dates(min_date, max_date),
        done_after=st.none() | st.integers(0, 366),
    )


def _action_point(*, created_on: dt.date, done_after: int | None, **fields: Any) -> ActionPoint:
    done_on = None
    if done_after is not None and created_on <= dt.date.max - dt.timedelta(days=done_after):
        done_on = created_on + dt.timedelta(days=done_after)
    return ActionPoint(created_on=created_on, done_on=done_on, **fields)


def retrospectives(*, max_reflections: int = 8) -> st.SearchStrategy[Retrospective]:
    """Consistent retrospectives: reflections split into themes and unthemed ones, votes in range.

    Raises:
        InvalidDataError: ``max_reflections`` is negative.
    """
    _validate.require_count(max_reflections, "max_reflections")
    return st.builds(
        _retrospective,
        id=_ids,
        team=_ids,
        period=periods(max_date=dt.date(9000, 12, 31), max_days=92),
        held_after=st.integers(0, 30),
        readers=st.lists(_ids, max_size=8, unique=True),
        reflections=st.lists(_ids, max_size=max_reflections, unique=True),
        groups=st.lists(st.integers(0, 3), min_size=max_reflections, max_size=max_reflections),
        keys=st.lists(_texts(_TERMS, max_size=16), min_size=4, max_size=4, unique=True),
        votes=st.lists(st.integers(0, 8), min_size=4, max_size=4),
        points=st.lists(action_points(), max_size=4, unique_by=lambda point: point.id),
        ignored_votes=st.lists(theme_votes(), max_size=3),
        previous=st.none() | _ids,
    )


def _retrospective(
    *,
    held_after: int,
    period: Period,
    readers: list[str],
    reflections: list[str],
    groups: list[int],
    keys: list[str],
    votes: list[int],
    points: list[ActionPoint],
    **fields: Any,
) -> Retrospective:
    # Group 0 is "unthemed"; groups 1 to 3 are themes keyed by keys[1..3].
    members: dict[int, list[str]] = {}
    for reflection_id, group in zip(reflections, groups, strict=False):
        members.setdefault(group, []).append(reflection_id)
    found = [
        Theme(
            key=keys[group],
            label=keys[group],
            terms=(keys[group],),
            reflections=ids,
            votes=min(votes[group], len(readers)),
        )
        for group, ids in sorted(members.items())
        if group
    ]
    return Retrospective(
        period=period,
        held_on=period.last + dt.timedelta(days=held_after),
        readers=readers,
        reflections=reflections,
        themes=found,
        unthemed=members.get(0, []),
        action_points=points,
        **fields,
    )


FACTORIES: tuple[tuple[type, Callable[[], st.SearchStrategy[Any]]], ...] = (
    (Prompt, prompts),
    (PromptDeck, prompt_decks),
    (PromptDecks, prompt_deck_registries),
    (PromptChoice, prompt_choices),
    (Theme, themes),
    (ThemeVote, theme_votes),
    (ActionPoint, action_points),
    (Retrospective, retrospectives),
)
"""The default strategy of every public type of this part, for ``st.from_type``."""
