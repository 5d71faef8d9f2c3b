"""The example organisation's prompt decks and team retrospectives (for the demo, docs and tests).

:func:`build_prompts` gives the built-in decks plus Fjordlys' own Friday deck,
and for every team with members two retrospectives a fortnight apart: the
earlier one (held two weeks before ``as_of``) agreed two or three action
points, some of which were done since; the latest (held on ``as_of``) gathers
the reflections of the fortnight before it, carries the open points forward,
counts the team's votes and agrees one new point.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from typing import Final

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError
from learnkit.mentoring import Mentorship
from learnkit.people import Roster
from learnkit.reflection import (
    ActionPoint,
    Prompt,
    PromptDeck,
    PromptDecks,
    Reflection,
    Retrospective,
    ThemeVote,
    add_action_point,
    builtin_decks,
    complete_action_point,
    record_votes,
    start_retrospective,
)
from learnkit.time import Period

__all__ = ["PromptExamples", "build_prompts"]

_ACTIONS: Final = (
    "Skriv en tjekliste til udrulning",
    "Book en miniworkshop om feature flags",
    "Del erfaringerne fra nedbruddet på fredagsmødet",
    "Aftal, hvem der tager imod nye kolleger",
    "Ryd op i alarmerne, så kun de vigtige larmer",
    "Prøv parprogrammering på den næste opgave",
    "Skriv kundesvarene ind i vidensbasen",
    "Inviter dataholdet til vores retrospektiv",
)
_FRIDAY: Final = PromptDeck(
    id="fjordlys.fredag",
    name_da="Fjordlys' fredagsrefleksion",
    name_en="Fjordlys' Friday reflection",
    prompts=(
        Prompt(
            id="fjordlys.fredag.skulle_vide",
            da="Hvad ville du ønske, du havde vidst i mandags?",
            en="What do you wish you had known on Monday?",
        ),
        Prompt(
            id="fjordlys.fredag.fortael",
            da="Hvilken historie fra ugen skal de andre teams høre?",
            en="Which story from this week should the other teams hear?",
        ),
        Prompt(
            id="fjordlys.fredag.tak",
            da="Hvem vil du takke for noget, du lærte i denne uge?",
            en="Whom would you like to thank for something you learned this week?",
        ),
    ),
)


@attrs.frozen(kw_only=True)
class PromptExamples:
    """The example organisation's decks and retrospectives.

    Attributes:
        decks: The built-in decks plus Fjordlys' own Friday deck.
        retrospectives: Two per team with members, sorted by team and date.
    """

    decks: PromptDecks = attrs.field(validator=_validate.instance_of(PromptDecks))
    retrospectives: tuple[Retrospective, ...] = attrs.field(
        validator=_validate.each(_validate.instance_of(Retrospective))
    )


def build_prompts(
    roster: Roster,
    as_of: dt.date,
    seed: int,
    reflections: Iterable[Reflection] = (),
    mentorships: Iterable[Mentorship] = (),
) -> PromptExamples:
    """The example decks and retrospectives as seen on ``as_of``.

    Guarantees, for every seed: every team with members has a retrospective
    held on ``as_of`` over the 14 days before it, whose ``previous`` is one held
    14 days earlier over the 14 days before that; at least one action point
    of every earlier retrospective is still open, and exactly the open ones
    are carried; votes come from the team's readers only; only reflections
    every reader may see are gathered. Equal arguments give equal results,
    whatever order the reflections come in.

    Raises:
        InvalidDataError: ``seed`` is not an ``int`` or ``as_of`` is not a date.
    """
    given: object = seed
    if isinstance(given, bool) or not isinstance(given, int):
        raise InvalidDataError.single("seed", seed, "must be a whole number")
    _validate.require_date(as_of, "as_of")
    notes = tuple(sorted(reflections, key=lambda reflection: reflection.id))
    mentoring = tuple(mentorships)
    rng = random.Random(f"{seed}:prompts")
    earlier_day = as_of - dt.timedelta(days=14)
    found: list[Retrospective] = []
    for team in roster.teams:
        if not roster.members(team.id):
            continue
        earlier = start_retrospective(
            id=f"retro-{team.id}-{earlier_day.isoformat()}",
            team=team.id,
            period=Period(earlier_day - dt.timedelta(days=14), earlier_day - dt.timedelta(days=1)),
            held_on=earlier_day,
            reflections=notes,
            roster=roster,
            mentorships=mentoring,
        )
        earlier = _agree(rng, earlier, roster, count=rng.randint(2, 3))
        done = rng.sample(
            earlier.action_points, k=len(earlier.action_points) - 1 - rng.randint(0, 1)
        )
        for point in done:
            finished = point.created_on + dt.timedelta(days=rng.randint(1, 12))
            earlier = complete_action_point(earlier, point.id, on=finished)
        latest = start_retrospective(
            id=f"retro-{team.id}-{as_of.isoformat()}",
            team=team.id,
            period=Period(earlier_day, as_of - dt.timedelta(days=1)),
            held_on=as_of,
            reflections=notes,
            roster=roster,
            mentorships=mentoring,
            previous=earlier,
        )
        latest = _vote(rng, latest)
        latest = _agree(rng, latest, roster, count=1)
        found.extend((earlier, latest))
    return PromptExamples(decks=builtin_decks().with_deck(_FRIDAY), retrospectives=tuple(found))


def _agree(
    rng: random.Random, retro: Retrospective, roster: Roster, *, count: int
) -> Retrospective:
    members = [person.id for person in roster.members(retro.team)]
    for number in range(count):
        owner = rng.choice([*members, None])
        retro = add_action_point(
            retro,
            ActionPoint(
                id=f"{retro.id}-ap{number + 1}",
                text=rng.choice(_ACTIONS),
                owner=owner,
                created_on=retro.held_on,
            ),
        )
    return retro


def _vote(rng: random.Random, retro: Retrospective) -> Retrospective:
    if not retro.themes:
        return retro
    keys = [theme.key for theme in retro.themes]
    votes = [
        ThemeVote(voter, key)
        for voter in retro.readers
        for key in rng.sample(keys, k=min(len(keys), 2))
    ]
    return record_votes(retro, votes)
