"""Prompt decks: the questions a team reflects on, in Danish and English.

A :class:`Prompt` is one question. A built-in prompt names a text of the
learnkit catalogues (``key="prompt.aar.intended"``); a prompt a team writes
itself carries its own text in both languages (``da=...``, ``en=...``). A
:class:`PromptDeck` is an ordered set of prompts (the order is the order to
ask them in), and :class:`PromptDecks` is a registry value: the built-in
decks (:func:`builtin_decks`) plus any a user adds with
:meth:`PromptDecks.with_deck`. Nothing is global: adding a deck returns a new
registry and leaves the old one as it was.

The built-in decks:

* ``after_action_review``: what was supposed to happen, what happened, why
  there was a difference, what we do next time;
* ``start_stop_continue``: start, stop, continue;
* ``four_ls``: liked, learned, lacked, longed for;
* ``meeting_openers``: "Hvad har vi lært siden sidst?", "Hvad kunne vi gøre
  anderledes næste gang?" and five more;
* ``since_last_time``: "what have we learned since last time?" questions.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, cast

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem, UnknownIdError
from learnkit.i18n import LOCALES, Locale, catalogue, check_locale, placeholders, translate

__all__ = [
    "AFTER_ACTION_REVIEW",
    "BUILTIN_DECK_IDS",
    "FOUR_LS",
    "MEETING_OPENERS",
    "SINCE_LAST_TIME",
    "START_STOP_CONTINUE",
    "Prompt",
    "PromptDeck",
    "PromptDecks",
    "builtin_decks",
]

AFTER_ACTION_REVIEW: Final = "after_action_review"
"""The id of the after-action review deck (four questions, asked in order)."""
START_STOP_CONTINUE: Final = "start_stop_continue"
"""The id of the start/stop/continue deck."""
FOUR_LS: Final = "four_ls"
"""The id of the 4Ls deck: liked, learned, lacked, longed for."""
MEETING_OPENERS: Final = "meeting_openers"
"""The id of the meeting-opener deck ("Hvad har vi lært siden sidst?", ...)."""
SINCE_LAST_TIME: Final = "since_last_time"
"""The id of the "what have we learned since last time?" deck."""

_BUILTIN: Final[dict[str, tuple[str, ...]]] = {
    AFTER_ACTION_REVIEW: ("aar.intended", "aar.happened", "aar.why", "aar.next_time"),
    START_STOP_CONTINUE: ("ssc.start", "ssc.stop", "ssc.continue"),
    FOUR_LS: ("4l.liked", "4l.learned", "4l.lacked", "4l.longed_for"),
    MEETING_OPENERS: (
        "opener.learned_since_last",
        "opener.differently_next_time",
        "opener.surprised",
        "opener.mistake",
        "opener.helped",
        "opener.first_time",
        "opener.proud",
    ),
    SINCE_LAST_TIME: (
        "since.learned",
        "since.know_now",
        "since.tried",
        "since.agreed",
        "since.share",
        "since.start_over",
    ),
}

BUILTIN_DECK_IDS: Final[tuple[str, ...]] = tuple(sorted(_BUILTIN))
"""The ids of the built-in decks, sorted."""


def _bilingual_problems(
    key: str | None, da: str | None, en: str | None, *, prefix: str = ""
) -> list[Problem]:
    """What is wrong with a text given as a catalogue key or as Danish and English text."""
    key_field, da_field, en_field = (f"{prefix}key", f"{prefix}da", f"{prefix}en")
    if key is not None:
        if da is not None or en is not None:
            return [
                Problem(key_field, key, "give a catalogue key or your own texts, not both"),
            ]
        if key not in catalogue("da"):
            return [Problem(key_field, key, "is not a text in the learnkit catalogues")]
        if any(placeholders(catalogue(locale)[key]) for locale in LOCALES):
            return [Problem(key_field, key, "must name a text without placeholders")]
        return []
    return [
        Problem(field, None, f"is needed when no catalogue key is given ({language} text)")
        for field, value, language in ((da_field, da, "Danish"), (en_field, en, "English"))
        if value is None
    ]


def _render(key: str | None, da: str | None, en: str | None, locale: Locale) -> str:
    known = check_locale(locale)
    if key is not None:
        return translate(key, known)
    return cast("str", da if known == "da" else en)


@attrs.frozen(kw_only=True)
class Prompt:
    """One question to reflect on, in Danish and in English.

    Guarantees: the prompt has exactly one source of text, either ``key`` (a
    catalogue text without placeholders) or both ``da`` and ``en``. A team
    that works in one language writes the same text in both fields; learnkit
    never translates a user's text.

    Attributes:
        id: Unique within a deck (and within a :class:`PromptDecks` registry,
            unless it is the same prompt), e.g. ``"aar.why"``.
        key: The catalogue key of a built-in text, e.g. ``"prompt.aar.why"``.
        da: The Danish text of a user's own prompt.
        en: The English text of a user's own prompt.
    """

    id: str = attrs.field(validator=_validate.identifier)
    key: str | None = attrs.field(default=None, validator=_validate.optional(_validate.text))
    da: str | None = attrs.field(default=None, validator=_validate.optional(_validate.text))
    en: str | None = attrs.field(default=None, validator=_validate.optional(_validate.text))

    def __attrs_post_init__(self) -> None:
        problems = _bilingual_problems(self.key, self.da, self.en)
        if problems:
            raise InvalidDataError(problems)

    @classmethod
    def builtin(cls, prompt_id: str) -> Prompt:
        """The built-in prompt ``prompt_id`` (its text is ``prompt.<id>`` in the catalogues).

        Raises:
            InvalidDataError: no built-in prompt has this id.
        """
        return cls(id=prompt_id, key=f"prompt.{prompt_id}")

    def render(self, locale: Locale) -> str:
        """The question in ``locale`` (``"da"`` or ``"en"``).

        Raises:
            InvalidDataError: the locale is unknown.
        """
        return _render(self.key, self.da, self.en, locale)


def _prompts(value: object) -> object:
    # The order is the order of asking, so it is kept; only the container changes.
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        return value
    return tuple(value)


@attrs.frozen(kw_only=True)
class PromptDeck:
    """A named set of prompts, in the order they are asked.

    Guarantees: the deck has at least one prompt; prompt ids are unique; the
    name has exactly one source of text, ``name_key`` or both ``name_da`` and
    ``name_en`` (as for :class:`Prompt`).

    Attributes:
        id: The deck's id, e.g. ``"four_ls"``.
        prompts: The questions, in the order to ask them.
        name_key: The catalogue key of a built-in deck's name.
        name_da: The Danish name of a user's own deck.
        name_en: The English name of a user's own deck.
    """

    id: str = attrs.field(validator=_validate.identifier)
    prompts: tuple[Prompt, ...] = attrs.field(
        converter=_prompts, validator=_validate.each(_validate.instance_of(Prompt))
    )
    name_key: str | None = attrs.field(default=None, validator=_validate.optional(_validate.text))
    name_da: str | None = attrs.field(default=None, validator=_validate.optional(_validate.text))
    name_en: str | None = attrs.field(default=None, validator=_validate.optional(_validate.text))

    def __attrs_post_init__(self) -> None:
        problems = _bilingual_problems(self.name_key, self.name_da, self.name_en, prefix="name_")
        if not self.prompts:
            problems.append(Problem("prompts", self.prompts, "a deck needs at least one prompt"))
        seen: set[str] = set()
        for prompt in self.prompts:
            if prompt.id in seen:
                problems.append(Problem(f"prompts[id={prompt.id}]", prompt.id, "is listed twice"))
            seen.add(prompt.id)
        if problems:
            raise InvalidDataError(problems)

    def __len__(self) -> int:
        """How many prompts the deck has (at least one)."""
        return len(self.prompts)

    @property
    def ids(self) -> tuple[str, ...]:
        """The prompt ids, in the order of asking."""
        return tuple(prompt.id for prompt in self.prompts)

    def name(self, locale: Locale) -> str:
        """The deck's name in ``locale``.

        Raises:
            InvalidDataError: the locale is unknown.
        """
        return _render(self.name_key, self.name_da, self.name_en, locale)

    def prompt(self, prompt_id: str) -> Prompt:
        """The prompt with this id.

        Raises:
            UnknownIdError: the deck has no prompt with this id.
        """
        for prompt in self.prompts:
            if prompt.id == prompt_id:
                return prompt
        raise UnknownIdError("prompt", prompt_id)

    def render(self, locale: Locale) -> tuple[str, ...]:
        """Every question in ``locale``, in the order of asking."""
        return tuple(prompt.render(locale) for prompt in self.prompts)


def _decks_by_id(value: object) -> object:
    return _validate.canonical_tuple(value, key=lambda deck: deck.id)


@attrs.frozen
class PromptDecks:
    """A registry of decks: the built-in ones and a team's own.

    A value like any other: :meth:`with_deck` returns a new registry. Decks
    are kept sorted by id, so registries with the same decks are equal.

    Guarantees: deck ids are unique, and a prompt id used in two decks
    names the same prompt in both (so a team's history of prompt ids is
    unambiguous across decks).

    Attributes:
        decks: Every deck, sorted by id.
    """

    decks: tuple[PromptDeck, ...] = attrs.field(
        converter=_decks_by_id, validator=_validate.each(_validate.instance_of(PromptDeck))
    )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        seen_decks: set[str] = set()
        prompts: dict[str, tuple[str, Prompt]] = {}
        for deck in self.decks:
            if deck.id in seen_decks:
                problems.append(Problem(f"decks[id={deck.id}].id", deck.id, "is listed twice"))
            seen_decks.add(deck.id)
            for prompt in deck.prompts:
                first = prompts.setdefault(prompt.id, (deck.id, prompt))
                if first[1] != prompt:
                    problems.append(
                        Problem(
                            f"decks[id={deck.id}].prompts[id={prompt.id}]",
                            prompt.id,
                            f"is a different prompt in deck {first[0]!r}",
                        )
                    )
        if problems:
            raise InvalidDataError(problems)

    @property
    def ids(self) -> tuple[str, ...]:
        """The deck ids, sorted."""
        return tuple(deck.id for deck in self.decks)

    def deck(self, deck_id: str) -> PromptDeck:
        """The deck with this id.

        Raises:
            UnknownIdError: no deck has this id.
        """
        for deck in self.decks:
            if deck.id == deck_id:
                return deck
        raise UnknownIdError("deck", deck_id)

    def with_deck(self, deck: PromptDeck, *, replace: bool = False) -> PromptDecks:
        """A registry with ``deck`` added (or, with ``replace=True``, put in place of its namesake).

        Raises:
            InvalidDataError: ``deck`` is not a PromptDeck; a deck with its id is
                already there and ``replace`` is false; or one of its prompt ids
                names a different prompt in another deck.
        """
        if not isinstance(deck, PromptDeck):
            raise InvalidDataError.single("deck", deck, "must be a PromptDeck")
        if deck.id in self.ids and not replace:
            raise InvalidDataError.single(
                "deck", deck.id, "a deck with this id exists; pass replace=True to replace it"
            )
        return PromptDecks((*(d for d in self.decks if d.id != deck.id), deck))


def builtin_decks() -> PromptDecks:
    """The built-in decks (see the module), every text in Danish and English."""
    return PromptDecks(
        PromptDeck(
            id=deck_id,
            prompts=tuple(Prompt.builtin(prompt_id) for prompt_id in prompt_ids),
            name_key=f"prompt.deck.{deck_id}",
        )
        for deck_id, prompt_ids in _BUILTIN.items()
    )
