"""The people of the example organisation: its teams and its roster.

:func:`build_roster` draws *Fjordlys A/S*'s 60 people in 6 teams (see
:mod:`learnkit.examples`, whose module documentation lists what every seed
guarantees), without reading files or the clock, from ``random.Random(seed)``
alone: the same seed and date always give an equal roster.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Final

import attrs

from learnkit.people import Person, Roster, Skill, Team
from learnkit.time import DEFAULT_ZONE

__all__ = [
    "AARHUS",
    "COPENHAGEN",
    "DIRECTOR_ID",
    "GENERAL_SKILLS",
    "MAX_HISTORY_DAYS",
    "TEAM_PLANS",
    "YEAR_DAYS",
    "build_roster",
]

COPENHAGEN: Final = "København"
"""The Copenhagen office, as it appears in ``Person.location``."""

AARHUS: Final = "Aarhus"
"""The Aarhus office, as it appears in ``Person.location``."""

DIRECTOR_ID: Final = "p01"
"""The managing director's id, at the top of every management line."""

YEAR_DAYS: Final = 365
"""Days in a year, for tenure."""

MAX_HISTORY_DAYS: Final = 25 * YEAR_DAYS
"""How long before ``as_of`` the earliest start date can be."""

_NEWCOMER_MAX_DAYS: Final = 85  # below learnkit's 90-day newcomer window, after weekend shifts


def build_roster(seed: int, as_of: dt.date) -> Roster:
    """The 60 people and 6 teams for ``seed``, as seen on ``as_of``.

    Only ``random.Random(seed)`` supplies chance and every start date is
    relative to ``as_of``, so equal arguments give equal rosters.
    """
    return _roster(random.Random(seed), as_of)


@attrs.frozen(kw_only=True)
class _TeamPlan:
    id: str
    name: str
    size: int  # the manager included
    locations: tuple[tuple[str, float], ...]  # the first is where the manager sits
    roles: tuple[str, ...]
    senior_roles: frozenset[str]
    skills: tuple[str, ...]
    remote_friendly: bool = False
    extra_language_chance: float = 0.08


_DIRECTOR_ROLE: Final = "Administrerende direktør"
_MANAGER_ROLE: Final = "Teamleder"

# Sizes add up to learnkit.examples.EXAMPLE_HEADCOUNT; "stab" is led by the director.
TEAM_PLANS: Final = (
    _TeamPlan(
        id="stab",
        name="Ledelse og stab",
        size=6,
        locations=((COPENHAGEN, 1.0),),
        roles=(
            "HR-partner",
            "Controller",
            "Bogholder",
            "Office manager",
            "Kommunikationskonsulent",
        ),
        senior_roles=frozenset({"Controller"}),
        skills=(
            "rekruttering",
            "økonomistyring",
            "arbejdsret",
            "lønadministration",
            "intern kommunikation",
            "budgettering",
        ),
    ),
    _TeamPlan(
        id="platform",
        name="Platform",
        size=11,
        locations=((COPENHAGEN, 0.8), (AARHUS, 0.2)),
        roles=("Udvikler", "Udvikler", "Seniorudvikler", "DevOps-ingeniør", "Softwarearkitekt"),
        senior_roles=frozenset({"Seniorudvikler", "Softwarearkitekt"}),
        skills=(
            "python",
            "go",
            "kubernetes",
            "postgresql",
            "terraform",
            "observability",
            "it-sikkerhed",
        ),
        remote_friendly=True,
    ),
    _TeamPlan(
        id="data",
        name="Data og analyse",
        size=9,
        locations=((AARHUS, 1.0),),
        roles=("Dataanalytiker", "Dataingeniør", "Data scientist", "Senior dataanalytiker"),
        senior_roles=frozenset({"Senior dataanalytiker"}),
        skills=(
            "sql",
            "python",
            "statistik",
            "dbt",
            "power-bi",
            "maskinlæring",
            "datamodellering",
        ),
        remote_friendly=True,
    ),
    _TeamPlan(
        id="produkt",
        name="Produkt og design",
        size=11,
        locations=((COPENHAGEN, 0.6), (AARHUS, 0.4)),
        roles=("Produktejer", "UX-designer", "Frontendudvikler", "Udvikler", "Seniorudvikler"),
        senior_roles=frozenset({"Seniorudvikler"}),
        skills=(
            "brugerresearch",
            "figma",
            "typescript",
            "react",
            "produktledelse",
            "tilgængelighed",
        ),
        remote_friendly=True,
    ),
    _TeamPlan(
        id="kundeservice",
        name="Kundeservice",
        size=13,
        locations=((AARHUS, 1.0),),
        roles=(
            "Kundekonsulent",
            "Kundekonsulent",
            "Supportspecialist",
            "Onboardingkonsulent",
            "Seniorkundekonsulent",
        ),
        senior_roles=frozenset({"Seniorkundekonsulent"}),
        skills=(
            "kundedialog",
            "fejlsøgning",
            "zendesk",
            "konflikthåndtering",
            "onboarding",
            "produktkendskab",
        ),
        extra_language_chance=0.25,
    ),
    _TeamPlan(
        id="salg",
        name="Salg og marketing",
        size=10,
        locations=((COPENHAGEN, 0.5), (AARHUS, 0.5)),
        roles=("Sælger", "Key account manager", "Marketingkonsulent", "Salgskoordinator"),
        senior_roles=frozenset({"Key account manager"}),
        skills=(
            "forhandling",
            "crm",
            "tekstforfatning",
            "kampagner",
            "markedsanalyse",
            "præsentation",
        ),
        extra_language_chance=0.25,
    ),
)
"""The six teams: size, offices, roles and skill vocabulary, in roster order."""

GENERAL_SKILLS: Final = (
    "facilitering",
    "præsentation",
    "projektledelse",
    "skriftlig formidling",
    "coaching",
)
"""Skills of any team, which some people have besides their team's."""

_DANISH_WOMEN: Final = (
    "Anne", "Mette", "Louise", "Camilla", "Maria", "Sofie", "Julie", "Ida", "Emma", "Freja",
    "Line", "Signe", "Katrine", "Helle", "Susanne", "Hanne", "Lene", "Maja", "Cecilie", "Karina",
    "Stine", "Trine", "Pernille", "Birgitte", "Nanna", "Marianne", "Rikke", "Sara", "Laura",
    "Amalie",
)  # fmt: skip
_DANISH_MEN: Final = (
    "Lars", "Jens", "Peter", "Michael", "Søren", "Henrik", "Thomas", "Martin", "Anders", "Rasmus",
    "Mads", "Jesper", "Christian", "Frederik", "Mikkel", "Jonas", "Kasper", "Niels", "Morten",
    "Jakob", "Emil", "Magnus", "Oliver", "Simon", "Troels", "Bo", "Kim", "Ole", "Torben", "Casper",
)  # fmt: skip
_DANISH_SURNAMES: Final = (
    "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
    "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen",
    "Christiansen", "Poulsen", "Johansen", "Møller", "Mortensen", "Knudsen", "Jakobsen",
    "Mikkelsen", "Frederiksen", "Lund", "Holm", "Schmidt", "Eriksen", "Simonsen", "Clausen",
    "Svendsen", "Andreasen", "Iversen", "Østergaard", "Jeppesen", "Vestergaard", "Nissen",
    "Lauridsen", "Kjær", "Dahl", "Bach", "Krogh", "Skov", "Winther", "Bruun",
)  # fmt: skip


@attrs.frozen(kw_only=True)
class _Origin:
    language: str
    first_names: tuple[str, ...]
    surnames: tuple[str, ...]


_ORIGINS: Final = {
    "pl": _Origin(
        language="pl",
        first_names=("Agnieszka", "Katarzyna", "Marta", "Tomasz", "Piotr", "Paweł"),
        surnames=("Nowak", "Wójcik", "Kaczmarek", "Mazur", "Krawczyk"),
    ),
    "hi": _Origin(
        language="hi",
        first_names=("Priya", "Ananya", "Neha", "Arjun", "Rohan", "Vikram"),
        surnames=("Sharma", "Iyer", "Mehta", "Patel", "Reddy", "Gupta"),
    ),
    "sv": _Origin(
        language="sv",
        first_names=("Elin", "Karin", "Linnea", "Johan", "Erik", "Oskar"),
        surnames=("Lindqvist", "Bergström", "Nyberg", "Holmberg", "Sjöberg"),
    ),
    "de": _Origin(
        language="de",
        first_names=("Anna", "Katharina", "Lena", "Lukas", "Felix", "Jonas"),
        surnames=("Becker", "Schneider", "Fischer", "Weber", "Wagner", "Hoffmann"),
    ),
    "uk": _Origin(
        language="uk",
        first_names=("Olena", "Iryna", "Kateryna", "Dmytro", "Oleksandr", "Andrii"),
        surnames=("Kovalenko", "Bondarenko", "Shevchuk", "Tkachenko", "Kravchenko"),
    ),
}
# Where colleagues who work remotely from their home country are.
_REMOTE_ZONES: Final = {
    "pl": "Europe/Warsaw",
    "hi": "Asia/Kolkata",
    "sv": "Europe/Stockholm",
    "de": "Europe/Berlin",
}
_LOCAL_ORIGINS: Final = ("de", "uk", "pl", "hi", "sv")


@attrs.frozen(kw_only=True)
class _Slot:
    id: str
    team: _TeamPlan
    kind: str  # "director", "manager" or "member"
    manager: str | None


def _slots() -> list[_Slot]:
    """Everyone's id, team and manager: the shape, which no seed changes."""
    slots: list[_Slot] = []
    for plan in TEAM_PLANS:
        for position in range(plan.size):
            person_id = f"p{len(slots) + 1:02d}"
            if not slots:
                slots.append(_Slot(id=person_id, team=plan, kind="director", manager=None))
                team_manager = person_id
            elif position == 0:
                slots.append(_Slot(id=person_id, team=plan, kind="manager", manager=DIRECTOR_ID))
                team_manager = person_id
            else:
                slots.append(_Slot(id=person_id, team=plan, kind="member", manager=team_manager))
    return slots


def _roster(rng: random.Random, as_of: dt.date) -> Roster:
    slots = _slots()
    members = [slot.id for slot in slots if slot.kind == "member"]
    newcomers = set(rng.sample(members, rng.randint(5, 7)))
    remote_candidates = [
        slot.id for slot in slots if slot.kind == "member" and slot.team.remote_friendly
    ]
    remote_count = rng.randint(2, 3)
    remote = dict(
        zip(
            rng.sample(remote_candidates, remote_count),
            rng.sample(sorted(_REMOTE_ZONES), remote_count),
            strict=True,
        )
    )
    others = [person_id for person_id in members if person_id not in remote]
    local = {
        person_id: rng.choice(_LOCAL_ORIGINS) for person_id in rng.sample(others, rng.randint(3, 4))
    }
    danes = [person_id for person_id in others if person_id not in local]
    # A fixed few work in Danish only, so "most speak both" holds for every seed.
    danish_only = set(rng.sample(danes, rng.randint(2, 4)))

    draw = _Draw(
        as_of=as_of, newcomers=newcomers, remote=remote, local=local, danish_only=danish_only
    )
    people = [_person(rng, slot, draw) for slot in slots]
    teams = [
        Team(
            id=plan.id,
            name=plan.name,
            manager=next(slot.id for slot in slots if slot.team is plan and slot.kind != "member"),
        )
        for plan in TEAM_PLANS
    ]
    return Roster(people=people, teams=teams)


@attrs.define(kw_only=True)
class _Draw:
    """What was drawn for the whole organisation before drawing each person."""

    as_of: dt.date
    newcomers: set[str]
    remote: dict[str, str]  # person id -> origin key, for who works from abroad
    local: dict[str, str]  # person id -> origin key, for who moved to Denmark
    danish_only: set[str]  # who works in Danish only
    names: set[str] = attrs.Factory(set)  # taken so far, to keep names unique


def _person(rng: random.Random, slot: _Slot, draw: _Draw) -> Person:
    newcomer = slot.id in draw.newcomers
    start = _start_date(rng, slot, draw.as_of, newcomer=newcomer)
    years = (draw.as_of - start).days / YEAR_DAYS
    remote, local, names = draw.remote, draw.local, draw.names
    origin_key = remote.get(slot.id) or local.get(slot.id)
    if origin_key is None:
        name = _unique_name(rng, names, None)
        languages = _danish_languages(rng, slot, english=slot.id not in draw.danish_only)
    else:
        origin = _ORIGINS[origin_key]
        name = _unique_name(rng, names, origin)
        languages = {origin.language, "en"}
        # Colleagues who live in Denmark pick up Danish, the longer they stay the likelier.
        if slot.id in local and rng.random() < min(0.9, 0.3 + years / 5):
            languages.add("da")
    return Person(
        id=slot.id,
        name=name,
        team=slot.team.id,
        manager=slot.manager,
        start_date=start,
        role=_role(rng, slot, newcomer=newcomer),
        skills=_skills(rng, slot, years),
        languages=frozenset(languages),
        time_zone=_REMOTE_ZONES[remote[slot.id]] if slot.id in remote else DEFAULT_ZONE,
        location=_location(rng, slot),
    )


def _start_date(rng: random.Random, slot: _Slot, as_of: dt.date, *, newcomer: bool) -> dt.date:
    if slot.kind == "director":
        days = rng.randint(18 * YEAR_DAYS, MAX_HISTORY_DAYS)
    elif slot.kind == "manager":
        days = rng.randint(3 * YEAR_DAYS, 20 * YEAR_DAYS)
    elif newcomer:
        days = rng.randint(0, _NEWCOMER_MAX_DAYS)
    else:
        # Most have been here a few years; a long tail has been here for decades.
        days = min(MAX_HISTORY_DAYS, 90 + int(rng.expovariate(1 / (4 * YEAR_DAYS))))
    start = as_of - dt.timedelta(days=days)
    # Nobody starts on a weekend; stepping back keeps newcomers new and others not.
    while start.weekday() >= 5:
        start -= dt.timedelta(days=1)
    return start


def _unique_name(rng: random.Random, taken: set[str], origin: _Origin | None) -> str:
    while True:
        if origin is None:
            first = rng.choice(_DANISH_WOMEN if rng.random() < 0.5 else _DANISH_MEN)
            last = rng.choice(_DANISH_SURNAMES)
        else:
            first = rng.choice(origin.first_names)
            last = rng.choice(origin.surnames)
        name = f"{first} {last}"
        if name not in taken:
            taken.add(name)
            return name


def _danish_languages(rng: random.Random, slot: _Slot, *, english: bool) -> set[str]:
    languages = {"da", "en"} if english else {"da"}
    if rng.random() < slot.team.extra_language_chance:
        languages.add(rng.choice(("de", "sv")))
    return languages


def _role(rng: random.Random, slot: _Slot, *, newcomer: bool) -> str:
    if slot.kind == "director":
        return _DIRECTOR_ROLE
    if slot.kind == "manager":
        return _MANAGER_ROLE
    roles = slot.team.roles
    if newcomer:
        roles = tuple(role for role in roles if role not in slot.team.senior_roles)
    return rng.choice(roles)


def _skills(rng: random.Random, slot: _Slot, years: float) -> tuple[Skill, ...]:
    names = rng.sample(slot.team.skills, rng.randint(2, 4))
    if slot.kind != "member":
        names.append("ledelse")
    if rng.random() < 0.4:
        general = rng.choice(GENERAL_SKILLS)
        if general not in names:
            names.append(general)
    # Levels grow with the years here, with room for what people brought along.
    base = 1 + (years >= 3) + (years >= 10)
    return tuple(Skill(name=name, level=min(5, base + rng.randint(0, 2))) for name in names)


def _location(rng: random.Random, slot: _Slot) -> str:
    locations = slot.team.locations
    if slot.kind != "member" or len(locations) == 1:
        return locations[0][0]
    return rng.choices(
        [place for place, _ in locations], weights=[weight for _, weight in locations]
    )[0]
