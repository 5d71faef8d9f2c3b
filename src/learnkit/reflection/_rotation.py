"""Which prompt a team gets next: seeded, without repeats, and fair.

:func:`next_prompt` takes a deck, a seed and the prompt ids the team has seen
(``recent``, one per meeting, newest last) and returns a :class:`PromptChoice`
that says which prompt and why. The rule, with ``k`` prompts in the deck and
``N = avoid_last``:

1. **Recent ones are avoided.** The deck's prompts seen in the last ``N``
   meetings are not eligible. When the deck has ``N`` prompts or fewer, that
   would rule out every one of them, so only the ``k - 1`` most recently seen
   are avoided (a one-prompt deck always gives its prompt; a larger one never
   repeats the previous meeting's prompt).
2. **Overdue ones come first.** A prompt not seen for ``k + N`` meetings or
   more is overdue (a prompt never seen counts as last seen just before the
   history starts). When some are, the one unseen longest is picked.
3. **Otherwise the seed decides**, uniformly among the eligible prompts (and
   among equally overdue ones), with :class:`random.Random` seeded by the seed
   and the number of meetings so far; so one fixed seed still varies from
   meeting to meeting.

Guarantees:

* deterministic: the same deck, seed, history and ``N`` give the same choice;
  the order of the deck's prompts does not matter (they are taken by id);
* no repeat within ``N``: when ``k > N``, the prompt was not among the last
  ``N`` meetings' prompts;
* fairness: when a team always uses the prompt it is given (``recent`` holds
  exactly the earlier choices), every prompt of the deck is given at least
  once in any ``2k + N - 1`` consecutive meetings. Proof: once a prompt is
  overdue (``k + N`` meetings after it was last given) it is eligible (it was
  not seen in the last ``N``), and each meeting gives an overdue prompt unseen
  at least as long as it; at most ``k - 1`` prompts are unseen longer, each is
  given once and is then younger, so it is given within ``k`` more meetings.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Final, cast

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.i18n import Locale, translate
from learnkit.reflection._prompts import Prompt, PromptDeck

__all__ = ["DEFAULT_AVOID_LAST", "PromptChoice", "next_prompt", "overdue_after"]

DEFAULT_AVOID_LAST: Final = 3
"""How many of the latest meetings' prompts :func:`next_prompt` avoids by default."""


def overdue_after(deck_size: int, avoid_last: int) -> int:
    """After how many meetings without it a prompt is overdue: ``deck_size + avoid_last``."""
    return deck_size + avoid_last


def _sorted_ids(value: object) -> object:
    return _validate.canonical_tuple(value)


@attrs.frozen(kw_only=True)
class PromptChoice:
    """The prompt a team gets next, and why.

    Guarantees: ``prompt`` is one of ``eligible``; ``eligible`` and
    ``avoided`` are sorted and disjoint; ``meetings_since`` is ``None`` when
    the prompt was not in the history, else at least 1.

    Attributes:
        deck: The id of the deck it came from.
        prompt: The chosen prompt.
        seed: The seed that was given.
        avoid_last: How many recent meetings' prompts were to be avoided.
        eligible: The ids the choice was made among (the overdue ones, when
            the prompt was overdue).
        avoided: The ids left out because the team saw them recently.
        overdue: Whether it was picked because it had not been seen for
            :func:`overdue_after` meetings.
        small_deck: Whether the deck has no more prompts than ``avoid_last``,
            so only the most recent ones could be avoided.
        meetings_since: How many meetings ago the team last saw it (1: the
            latest meeting), or ``None`` when it is not in the history.
    """

    deck: str = attrs.field(validator=_validate.identifier)
    prompt: Prompt = attrs.field(validator=_validate.instance_of(Prompt))
    seed: int = attrs.field(validator=_validate.instance_of(int))
    avoid_last: int = attrs.field(validator=_validate.count)
    eligible: tuple[str, ...] = attrs.field(
        converter=_sorted_ids, validator=_validate.each(_validate.identifier)
    )
    avoided: tuple[str, ...] = attrs.field(
        default=(), converter=_sorted_ids, validator=_validate.each(_validate.identifier)
    )
    overdue: bool = attrs.field(default=False, validator=_validate.instance_of(bool))
    small_deck: bool = attrs.field(default=False, validator=_validate.instance_of(bool))
    meetings_since: int | None = attrs.field(
        default=None, validator=_validate.optional(_validate.int_between(1, 2**63))
    )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if self.prompt.id not in self.eligible:
            problems.append(Problem("prompt", self.prompt.id, "must be one of the eligible ids"))
        both = sorted(set(self.eligible) & set(self.avoided))
        if both:
            problems.append(Problem("avoided", both, "must not also be eligible"))
        if problems:
            raise InvalidDataError(problems)

    def explain(self, locale: Locale) -> tuple[str, ...]:
        """Why this prompt, in ``locale``: one sentence per reason."""
        lines: list[str] = []
        if self.overdue and self.meetings_since is None:
            lines.append(translate("prompt.choice.overdue_new", locale))
        elif self.overdue:
            lines.append(translate("prompt.choice.overdue", locale, meetings=self.meetings_since))
        else:
            lines.append(
                translate(
                    _plural("prompt.choice.seeded", len(self.eligible)),
                    locale,
                    seed=self.seed,
                    count=len(self.eligible),
                )
            )
        if self.avoided:
            lines.append(
                translate(
                    _plural("prompt.choice.avoided", len(self.avoided)),
                    locale,
                    count=len(self.avoided),
                    meetings=self.avoid_last,
                )
            )
        if self.small_deck:
            lines.append(translate("prompt.choice.small_deck", locale, meetings=self.avoid_last))
        return tuple(lines)


def _plural(key: str, count: int) -> str:
    return f"{key}.one" if count == 1 else f"{key}.other"


def _check(deck: object, seed: object, recent: object, avoid_last: object) -> tuple[str, ...]:
    problems: list[Problem] = []
    if not isinstance(deck, PromptDeck):
        problems.append(Problem("deck", deck, "must be a PromptDeck"))
    if not isinstance(seed, int) or isinstance(seed, bool):
        problems.append(Problem("seed", seed, "must be a whole number"))
    if isinstance(avoid_last, bool) or not isinstance(avoid_last, int) or avoid_last < 0:
        problems.append(Problem("avoid_last", avoid_last, "must be a whole number >= 0"))
    history: tuple[object, ...] = ()
    if isinstance(recent, str) or not isinstance(recent, Sequence):
        problems.append(Problem("recent", recent, "must be a sequence of prompt ids, newest last"))
    else:
        history = tuple(recent)
        for index, item in enumerate(history):
            if not isinstance(item, str) or not item or item != item.strip():
                problems.append(Problem(f"recent[{index}]", item, "must be a prompt id"))
    if problems:
        raise InvalidDataError(problems)
    return cast("tuple[str, ...]", history)


def next_prompt(
    deck: PromptDeck,
    *,
    seed: int,
    recent: Sequence[str] = (),
    avoid_last: int = DEFAULT_AVOID_LAST,
) -> PromptChoice:
    """The prompt a team gets next from ``deck`` (see the module for the rule and guarantees).

    Args:
        deck: The deck to pick from.
        seed: Any whole number; the same seed and history give the same prompt.
        recent: The prompt ids the team saw, one per meeting, newest last.
            Ids from other decks count as meetings but are never picked.
        avoid_last: How many of the latest meetings' prompts to avoid.

    Raises:
        InvalidDataError: a bad deck, seed, history or ``avoid_last``, all named at once.
    """
    history = _check(deck, seed, recent, avoid_last)
    by_id = {prompt.id: prompt for prompt in deck.prompts}
    count = len(history)
    last_seen: dict[str, int] = {}
    for index, prompt_id in enumerate(history):
        if prompt_id in by_id:
            last_seen[prompt_id] = index
    window = history[max(0, count - avoid_last) :]
    recently = sorted(
        {prompt_id for prompt_id in window if prompt_id in by_id},
        key=lambda prompt_id: -last_seen[prompt_id],
    )
    small = len(by_id) <= avoid_last
    avoided = recently[: len(by_id) - 1]
    eligible = sorted(set(by_id) - set(avoided))

    def age(prompt_id: str) -> int:  # meetings since last seen; never seen: before the start
        return count - last_seen.get(prompt_id, -1)

    threshold = overdue_after(len(by_id), avoid_last)
    overdue = [prompt_id for prompt_id in eligible if age(prompt_id) >= threshold]
    if overdue:
        oldest = max(age(prompt_id) for prompt_id in overdue)
        pool = [prompt_id for prompt_id in overdue if age(prompt_id) == oldest]
    else:
        pool = eligible
    chosen = random.Random(f"learnkit.next_prompt:{seed}:{count}").choice(pool)
    return PromptChoice(
        deck=deck.id,
        prompt=by_id[chosen],
        seed=seed,
        avoid_last=avoid_last,
        eligible=pool,
        avoided=avoided,
        overdue=bool(overdue),
        small_deck=small,
        meetings_since=(count - last_seen[chosen]) if chosen in last_seen else None,
    )
