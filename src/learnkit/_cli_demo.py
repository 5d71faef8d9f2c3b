"""The demo and the roster summary: the steps that tell them, one section each.

``learnkit demo`` tells the story of the example organisation
(:mod:`learnkit.examples`) with :data:`DEMO_STEPS`; ``learnkit roster``
summarises a roster read from a file with :data:`ROSTER_STEPS`. A step takes a
:class:`View` and gives the lines of one section (none to leave it out);
:func:`render` joins the sections with one blank line between them.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Final

import attrs

from learnkit import (
    _demo_goals,
    _demo_incident_followups,
    _demo_incidents,
    _demo_prompts,
    _demo_reflection,
    _demo_sharing,
    _demo_story,
)
from learnkit._cli_example import organisation as example_organisation
from learnkit._cli_io import UsageError, invalid, plural, read_json, shown_as, table, text
from learnkit._cli_match import match_blocks
from learnkit._cli_options import as_of as option_as_of
from learnkit._cli_options import locale as option_locale
from learnkit.examples import ExampleOrganisation
from learnkit.exceptions import InvalidDataError
from learnkit.i18n import Locale, catalogue, translate
from learnkit.mentoring import optimal
from learnkit.people import DEFAULT_NEWCOMER_DAYS, Roster
from learnkit.serialize import from_json

__all__ = ["DEMO_STEPS", "ROSTER_STEPS", "Step", "View", "demo_command", "render", "roster_command"]

# Danish order puts æ, ø, å after z; these three ASCII characters follow "z" in that order.
_DANISH_ORDER: Final = str.maketrans({"æ": "{", "ø": "|", "å": "}"})


def demo_command(namespace: argparse.Namespace, prog: str) -> str:
    """What ``learnkit demo`` prints: the example organisation's quarter, as a story.

    Raises:
        UsageError: An option is wrong, or the organisation cannot be built for it.
    """
    locale = option_locale(namespace, prog)
    organisation = example_organisation(namespace, prog, locale)
    title = translate("cli.title.demo", locale, company=organisation.name, seed=organisation.seed)
    view = View(
        roster=organisation.roster,
        as_of=organisation.as_of,
        locale=locale,
        title=title,
        organisation=organisation,
    )
    return render(DEMO_STEPS, view)


def roster_command(namespace: argparse.Namespace, prog: str) -> str:
    """What ``learnkit roster`` prints: the summary of the roster in the FILE argument.

    Raises:
        UsageError: An option is wrong or no file is given.
        InputError: The file is missing or unreadable, or not a valid roster.
    """
    locale = option_locale(namespace, prog)
    # Without --as-of the roster is seen from today, which learnkit.cli read.
    as_of = option_as_of(namespace, prog, locale, namespace.today)
    source: str | None = namespace.file
    if source is None:
        raise UsageError(prog, translate("cli.error.no_file", locale))
    shown = shown_as(source, locale)
    read = _read_roster(source, shown, locale)
    title = translate("cli.title.roster", locale, source=shown)
    return render(ROSTER_STEPS, View(roster=read, as_of=as_of, locale=locale, title=title))


def _read_roster(source: str, shown: str, locale: Locale) -> Roster:
    document = read_json(source, shown, locale)
    try:
        return from_json(document, Roster)
    except InvalidDataError as error:
        raise invalid(shown, error, locale) from None


# The summary is a list of steps, each giving the lines of one section. Later parts
# of learnkit add their steps (reflections due, Friday stories, mentor matches,
# ...) to DEMO_STEPS; steps that need more than a roster read view.organisation.


@attrs.frozen(kw_only=True)
class View:
    """What a step may show: a roster on a date, in a locale."""

    roster: Roster
    as_of: dt.date
    locale: Locale
    title: str
    organisation: ExampleOrganisation | None = None  # the demo's, with every record


Step = Callable[[View], list[str]]
"""A step: the lines of one section for a view, or none to leave the section out."""


def render(steps: Iterable[Step], view: View) -> str:
    """The sections ``steps`` give for ``view``, one blank line apart, ending in a line break."""
    sections = ["\n".join(lines) for lines in (step(view) for step in steps) if lines]
    return "\n\n".join(sections) + "\n"


def _headline(view: View) -> list[str]:
    roster, locale = view.roster, view.locale
    headcount = translate(
        "cli.summary.headcount",
        locale,
        people=plural("cli.count.people", len(roster), locale),
        teams=plural("cli.count.teams", len(roster.teams), locale),
        date=view.as_of.isoformat(),
    )
    waiting = sum(1 for person in roster if not person.has_started(view.as_of))
    if waiting:
        headcount += ", " + translate("cli.summary.not_started", locale, count=waiting)
    places = Counter(
        person.location or translate("cli.summary.no_location", locale) for person in roster
    )
    locations = ", ".join(f"{place} ({count})" for place, count in _by_count(places))
    return [
        view.title,
        "=" * len(view.title),
        headcount,
        translate("cli.summary.locations", locale, locations=locations or text("cli.none", locale)),
    ]


def _teams(view: View) -> list[str]:
    roster, locale = view.roster, view.locale
    rows = []
    for team in sorted(roster.teams, key=lambda team: (_name_key(team.name), team.id)):
        members = roster.members(team.id)
        manager = roster.person(team.manager).name if team.manager is not None else "–"
        places = Counter(person.location for person in members if person.location is not None)
        locations = ", ".join(place for place, _ in _by_count(places)) or "–"
        rows.append([team.name, manager, str(len(members)), locations])
    if not rows:
        return [text("cli.teams.heading", locale), "  " + text("cli.teams.none", locale)]
    header = [
        text(f"cli.teams.{column}", locale)
        for column in ("team", "manager", "headcount", "locations")
    ]
    return [text("cli.teams.heading", locale), *table([header, *rows], right={2})]


def _newcomers(view: View) -> list[str]:
    roster, locale = view.roster, view.locale
    heading = translate("cli.newcomers.heading", locale, days=DEFAULT_NEWCOMER_DAYS)
    rows = [
        [
            person.name,
            roster.team(person.team).name,
            person.start_date.isoformat(),
            str((view.as_of - person.start_date).days),
        ]
        for person in roster.newcomers(view.as_of)
    ]
    if not rows:
        return [heading, "  " + text("cli.newcomers.none", locale)]
    header = [
        text(f"cli.newcomers.{column}", locale) for column in ("name", "team", "start", "days")
    ]
    return [heading, *table([header, *rows], right={3})]


def _languages(view: View) -> list[str]:
    texts = catalogue(view.locale)
    spoken = Counter(language for person in view.roster for language in person.languages)
    rows = [
        [f"{texts[f'language.{code}']} ({code})" if f"language.{code}" in texts else code, str(n)]
        for code, n in _by_count(spoken)
    ]
    return [
        text("cli.languages.heading", view.locale),
        *(table(rows, right={1}) or ["  " + text("cli.none", view.locale)]),
    ]


def _time_zones(view: View) -> list[str]:
    zones = Counter(person.time_zone.key for person in view.roster)
    rows = [[key, str(n)] for key, n in _by_count(zones)]
    return [
        text("cli.zones.heading", view.locale),
        *(table(rows, right={1}) or ["  " + text("cli.none", view.locale)]),
    ]


def _mentoring(view: View) -> list[str]:
    """The newcomers matched with mentors (optimal), with the top reason of each pair."""
    if view.organisation is None:
        return []
    cohort = view.organisation.mentoring
    result = optimal(cohort)
    blocks = match_blocks(cohort, result, view.locale, reasons=1)
    # One section: the heading and summary, then the rest, with blank lines inside
    # kept out so the demo's sections stay separated by exactly one blank line.
    lines = [text("cli.demo.mentoring", view.locale), *blocks[0]]
    for block in blocks[1:]:
        lines.extend(block)
    return lines


# The demo's later steps show the example organisation's records: each renders
# them for a locale, and shows nothing for a roster alone (``learnkit roster``).
_RecordsStep = Callable[[ExampleOrganisation, Locale], list[str]]


def _with_records(lines_of: _RecordsStep) -> Step:
    def step(view: View) -> list[str]:
        organisation = view.organisation
        return [] if organisation is None else lines_of(organisation, view.locale)

    return step


def _reflections_due(o: ExampleOrganisation, locale: Locale) -> list[str]:
    """The reflections still owed in the week of ``as_of``."""
    return _demo_reflection.demo_lines(
        o.roster, o.tasks, o.reflections, as_of=o.as_of, locale=locale
    )


def _meeting_opener(o: ExampleOrganisation, locale: Locale) -> list[str]:
    """The question a team's next meeting opens with, and the action points it asks about."""
    return _demo_prompts.demo_lines(
        o.roster, o.retrospectives, o.prompt_decks, seed=o.seed, locale=locale
    )


_DEMO_GOALS_TEAM = "platform"  # the example data gives this team every case to show


def _goals_and_balance(o: ExampleOrganisation, locale: Locale) -> list[str]:
    """Goal health and the operations/development balance of one team."""
    return _demo_goals.demo_lines(
        o.roster,
        o.goals,
        o.development_reviews,
        o.allocations,
        team=_DEMO_GOALS_TEAM,
        as_of=o.as_of,
        calendar=o.calendar,
        locale=locale,
    )


def _incidents(o: ExampleOrganisation, locale: Locale) -> list[str]:
    """The blameless-language check of one example review, with its findings."""
    return _demo_incidents.demo_lines(o.incidents, o.incident_reviews, o.roster, locale=locale)


def _incident_follow_ups(o: ExampleOrganisation, locale: Locale) -> list[str]:
    """Reviews and action items due, as a bot would remind people of them."""
    return _demo_incident_followups.demo_lines(
        o.incidents,
        o.incident_reviews,
        o.roster,
        as_of=o.as_of,
        calendar=o.calendar,
        locale=locale,
    )


def _sharing_plan(o: ExampleOrganisation, locale: Locale) -> list[str]:
    """Next quarter's Friday stories with presenters and topics, and this week's buddies."""
    if o.sharing is None:  # an organisation built by hand without sharing records
        return []
    return _demo_sharing.demo_lines(o.roster, o.sharing, as_of=o.as_of, seed=o.seed, locale=locale)


ROSTER_STEPS: tuple[Step, ...] = (_headline, _teams, _newcomers, _languages, _time_zones)
"""The sections of ``learnkit roster``: who is in the roster, in which teams and places."""

# The demo tells the quarter as a story (learnkit._demo_story): who we are, then each
# chapter after a connecting paragraph, in the order of issue 8.
DEMO_STEPS: tuple[Step, ...] = (
    _headline,
    _teams,
    _languages,
    _time_zones,
    *map(
        _with_records,
        (
            _demo_story.chapter("intro"),
            _demo_story.chapter("newcomers"),
        ),
    ),
    _newcomers,
    _mentoring,
    *map(
        _with_records,
        (
            _demo_story.mentorship_lines,
            _demo_story.chapter("sharing"),
            _demo_story.next_story_lines,
            _sharing_plan,
            _demo_story.chapter("reflection"),
            _reflections_due,
            _meeting_opener,
            _demo_story.chapter("goals"),
            _goals_and_balance,
            _demo_story.chapter("incidents"),
            _incidents,
            _incident_follow_ups,
            _demo_story.chapter("safety"),
            _demo_story.safety_lines,
            _demo_story.chapter("culture"),
            _demo_story.culture_lines,
            _demo_story.chapter("closing"),
        ),
    ),
)
"""The sections of ``learnkit demo``: the roster's, then the quarter's story in chapters."""


def _by_count(counts: Counter[str]) -> list[tuple[str, int]]:
    """Most common first, ties by name, so the output never depends on input order."""
    return sorted(counts.items(), key=lambda item: (-item[1], _name_key(item[0]), item[0]))


def _name_key(name: str) -> str:
    return name.casefold().translate(_DANISH_ORDER)
