"""The demo's meeting-opener step: the question a team opens with, and what it agreed last time."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from learnkit.i18n import Locale, translate
from learnkit.people import Roster
from learnkit.reflection import (
    MEETING_OPENERS,
    PromptDecks,
    Retrospective,
    builtin_decks,
    next_prompt,
    since_last_time,
)

__all__ = ["demo_lines"]

EARLIER_MEETINGS: Final = 4
"""How many earlier meetings the demo assumes opened with a prompt from the same deck."""

MAX_THEMES: Final = 3
"""The most themes of the latest retrospective shown."""


def demo_lines(
    roster: Roster,
    retrospectives: Iterable[Retrospective],
    decks: PromptDecks | None = None,
    *,
    seed: int,
    locale: Locale,
) -> list[str]:
    """A heading and a few lines: one team's meeting opener and the open points it asks about.

    The team is the one whose latest retrospective has the most open action
    points (ties by team id). Its opener comes from the meeting-opener deck
    by :func:`~learnkit.reflection.next_prompt` with ``seed``, after
    :data:`EARLIER_MEETINGS` meetings that used the same rule; then one
    "since last time" question per open action point, and the latest
    retrospective's most voted themes. Empty when there is no retrospective.
    The same whatever order the retrospectives come in.
    """
    latest: dict[str, Retrospective] = {}
    for retro in sorted(retrospectives, key=lambda r: (r.team, r.held_on, r.id)):
        latest[retro.team] = retro
    if not latest:
        return []
    chosen = min(latest.values(), key=lambda r: (-len(r.open_points), r.team))
    deck = (decks or builtin_decks()).deck(MEETING_OPENERS)
    recent: list[str] = []
    for _ in range(EARLIER_MEETINGS):
        recent.append(next_prompt(deck, seed=seed, recent=recent).prompt.id)
    choice = next_prompt(deck, seed=seed, recent=recent)
    team = (
        roster.team(chosen.team).name
        if chosen.team in {t.id for t in roster.teams}
        else chosen.team
    )
    lines = [
        translate("retro.demo.heading", locale, team=team, seed=seed),
        translate("retro.demo.opener", locale, question=choice.prompt.render(locale)),
        translate("retro.demo.why", locale, reason=" ".join(choice.explain(locale))),
    ]
    questions = since_last_time(chosen, locale=locale, roster=roster)
    if questions:
        count = len(questions)
        key = "retro.demo.open_points.one" if count == 1 else "retro.demo.open_points.other"
        lines.append(translate(key, locale, count=count, date=chosen.held_on.isoformat()))
        lines.extend(translate("retro.demo.question", locale, question=q) for q in questions)
    else:
        lines.append(translate("retro.demo.none_open", locale))
    ranked = [theme for theme in chosen.ranked_themes() if theme.votes][:MAX_THEMES]
    if ranked:
        shown = ", ".join(
            translate(
                "retro.demo.theme.one" if theme.votes == 1 else "retro.demo.theme.other",
                locale,
                label=theme.label,
                count=theme.votes,
            )
            for theme in ranked
        )
        lines.append(translate("retro.demo.themes", locale, themes=shown))
    return lines
