"""The demo step on knowledge sharing: next quarter's Friday stories and this week's buddies.

:func:`demo_lines` gives a short section of ``learnkit demo``: a heading naming
the next calendar quarter, a summary line, a line per Friday story in that
quarter (day, local time, presenter with their team, topic), the Fridays not
held with the holiday's name (Langfredag), then this week's learning buddies:
a few groups, how many more, and how many pairs are from one team or repeat a
recent pair. Every text comes from the ``sharing.*`` catalogue; the output does
not depend on the order of the input.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from learnkit._cli_sharing import session_lines, skipped_lines, summary_line
from learnkit._example_sharing import SharingExamples, monday_of, next_quarter
from learnkit.i18n import Locale, check_locale, translate
from learnkit.people import Roster
from learnkit.sharing import DEFAULT_AVOID_ROUNDS, BuddyRound, buddy_round
from learnkit.time import Period

__all__ = ["DEMO_BUDDY_GROUPS", "demo_lines", "next_quarter"]

DEMO_BUDDY_GROUPS: Final = 3
"""How many groups of learning buddies the step shows by name."""


def demo_lines(
    roster: Roster, examples: SharingExamples, *, as_of: dt.date, seed: int, locale: Locale
) -> list[str]:
    """The demo section as of ``as_of``: next quarter's Friday stories, then this week's buddies.

    The Friday stories are planned from ``as_of`` to the end of the next quarter
    (so the weeks before it count, as they would for a bot that plans as it
    goes), with the examples' backlog, absences and history; the quarter's
    sessions are shown. The buddies are :func:`~learnkit.sharing.buddy_round`
    for the Monday of ``as_of``'s week, among everyone who has started and is
    not away that day, avoiding the pairs of the examples' past rounds.

    Raises:
        InvalidDataError: the locale is unknown.
    """
    check_locale(locale)
    number, quarter = next_quarter(as_of)
    series = examples.friday_stories
    request = examples.request(roster, seed=seed)
    made = request.plan(Period(min(as_of, quarter.first), quarter.last))
    shown = [a for a in made.assignments if a.session.held_on in quarter]
    skipped = [item for item in made.skipped if item.scheduled_on in quarter]
    label = translate("sharing.demo.quarter", locale, number=number, year=quarter.first.year)
    lines = [
        translate("sharing.demo.heading", locale, quarter=label),
        summary_line(
            series,
            locale,
            sessions=len(shown),
            skipped=len(skipped),
            unfilled=sum(session.held_on in quarter for session in made.unfilled),
        ),
        *session_lines(shown, roster, locale, why=False),
        *skipped_lines(skipped, locale),
    ]
    return lines + _buddy_lines(roster, examples, as_of=as_of, seed=seed, locale=locale)


def _buddy_lines(
    roster: Roster, examples: SharingExamples, *, as_of: dt.date, seed: int, locale: Locale
) -> list[str]:
    monday = monday_of(as_of)
    away = {absence.person for absence in examples.absences if monday in absence.period}
    people = [p.id for p in roster if p.has_started(monday) and p.id not in away]
    history = [past for past in examples.buddy_history if past.on < monday]
    this_week = buddy_round(people, roster, on=monday, seed=seed, history=history)
    recent = _recent(history)
    same_team = sum(
        roster.person(a).team == roster.person(b).team
        for a, b in (tuple(pair) for pair in this_week.pairs())
    )
    heading = translate(
        "sharing.demo.buddies",
        locale,
        week=monday.isocalendar().week,
        groups=_plural("sharing.demo.groups", len(this_week.groups), locale),
        people=_plural("sharing.demo.people", len(people), locale),
    )
    join = translate("sharing.demo.group_join", locale)
    lines = [heading]
    for group in this_week.groups[:DEMO_BUDDY_GROUPS]:
        labels = [_label(roster, person, locale) for person in group]
        lines.append("  " + join.join(labels))
    rest = len(this_week.groups) - DEMO_BUDDY_GROUPS
    if rest > 0:
        lines.append("  " + _plural("sharing.demo.more_groups", rest, locale))
    facts = translate(
        "sharing.demo.buddy_facts",
        locale,
        same_team=same_team,
        rounds=DEFAULT_AVOID_ROUNDS,
        repeats=len(this_week.pairs() & recent),
    )
    return [*lines, "  " + facts]


def _recent(history: list[BuddyRound]) -> frozenset[frozenset[str]]:
    latest = sorted(history, key=lambda past: past.on)[-DEFAULT_AVOID_ROUNDS:]
    return frozenset(pair for past in latest for pair in past.pairs())


def _label(roster: Roster, person_id: str, locale: Locale) -> str:
    person = roster.person(person_id)
    return translate(
        "sharing.cli.presenter", locale, name=person.name, team=roster.team(person.team).name
    )


def _plural(key: str, count: int, locale: Locale) -> str:
    return translate(f"{key}.{'one' if count == 1 else 'other'}", locale, count=count)
