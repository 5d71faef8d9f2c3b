"""A deterministic example organisation: a Danish company to try learnkit on.

:func:`example_organisation` builds *Fjordlys A/S*, a made-up Danish company of
exactly 60 people in 6 teams across the offices in København and Aarhus, from a
seed and a date, without reading files or the clock. The demo, the
documentation and many tests use it. The same seed and date always give an
equal organisation; another seed gives other names, skills, languages and
dates, but the same shape:

* 60 people in the teams ``stab``, ``platform``, ``data``, ``produkt``,
  ``kundeservice`` and ``salg``, with ids ``"p01"`` to ``"p60"``;
* ``"p01"`` is the managing director (*administrerende direktør*), who leads
  ``stab`` and whom every team manager (*teamleder*) reports to; everyone else
  reports to their team's manager, so the director tops every management line;
* 5 to 7 newcomers who started fewer than 90 days before ``as_of``, and people
  who have been here for up to 25 years;
* everyone works in Danish or English and most in both; a few speak German,
  Swedish, Polish, Ukrainian or Hindi too;
* everyone belongs to the København or Aarhus office (``Person.location``), and
  2 or 3 of them work remotely from another time zone (Warsaw, Kolkata,
  Stockholm or Berlin).

It also runs a mentor scheme (*mentorordning*): ``ExampleOrganisation.mentoring``
is a :class:`~learnkit.mentoring.Cohort` as of the same date, in which

* every newcomer requests a mentor, wanting one or two skills from their
  team's vocabulary (one that a mentor from the team has), often a skill of
  any team such as ``"præsentation"`` and now and then a topic
  (``"onboarding"``, ``"karriere"``), each with a priority; 2 of them rank 2
  or 3 mentors they would like;
* 10 to 15 experienced colleagues offer to mentor: people other than the
  director who started at least three years before ``as_of`` (so every one of
  them has the two years' head start the default rules ask for), among them
  a colleague from each newcomer's team who is not its manager, where the
  team has one; each with a capacity of 1 to 3, most offering all their
  skills and languages, some only a few skills or one language, some topics too;
* the history holds an earlier pairing that ended long ago and the short
  onboarding buddy pairing of one newcomer with one of the mentors, which
  ended within the last 12 months (so the default rules exclude that pair);
* one pair of a mentor and a newcomer is forbidden; nothing is locked.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
from typing import Final

import attrs

from learnkit import _validate
from learnkit._example_goals import build_goals
from learnkit._example_incidents import build_incidents
from learnkit._example_prompts import build_prompts
from learnkit._example_reflection import build_reflection
from learnkit._example_sharing import SharingExamples, build_sharing
from learnkit.exceptions import InvalidDataError
from learnkit.goals import DevelopmentReview, LearningGoal
from learnkit.incidents import Incident, IncidentReview
from learnkit.leadership import Recognition, TimeAllocation
from learnkit.mentoring import Cohort, MenteeRequest, MentorOffer, Pair, Pairing, Want
from learnkit.people import Person, Roster, Skill, Team
from learnkit.reflection import (
    CompletedTask,
    PromptDecks,
    Reflection,
    Retrospective,
    builtin_decks,
)
from learnkit.time import DEFAULT_ZONE

__all__ = [
    "AARHUS",
    "COPENHAGEN",
    "EXAMPLE_AS_OF",
    "EXAMPLE_HEADCOUNT",
    "EXAMPLE_NAME",
    "EXAMPLE_SEED",
    "ExampleOrganisation",
    "example_organisation",
]

EXAMPLE_AS_OF: Final = dt.date(2026, 11, 23)
"""The default date the example organisation is seen from (a Monday)."""

EXAMPLE_SEED: Final = 2026
"""The default seed."""

EXAMPLE_NAME: Final = "Fjordlys A/S"
"""The name of the made-up company."""

EXAMPLE_HEADCOUNT: Final = 60
"""How many people the example organisation has, whatever the seed."""

COPENHAGEN: Final = "København"
"""The Copenhagen office, as it appears in ``Person.location``."""

AARHUS: Final = "Aarhus"
"""The Aarhus office, as it appears in ``Person.location``."""

_YEAR: Final = 365
_MAX_HISTORY_DAYS: Final = 25 * _YEAR
_EARLIEST_AS_OF: Final = dt.date.min + dt.timedelta(days=_MAX_HISTORY_DAYS + 7)
# The records run up to two years past as_of (the next Friday stories, the next
# development reviews), and dates end in the year 9999.
_LATEST_AS_OF: Final = dt.date(9997, 12, 31)
_NEWCOMER_MAX_DAYS: Final = 85  # below learnkit's 90-day newcomer window, after weekend shifts


@attrs.frozen(kw_only=True)
class ExampleOrganisation:
    """The example company as seen on one date.

    Later parts of learnkit add their records to this class (reflections,
    Friday stories, mentorships, learning goals, incident reviews, ...) as
    further keyword-only fields, each built by :func:`example_organisation`
    from the same seed; code that reads the fields it knows keeps working.

    Attributes:
        seed: The seed it was built from.
        as_of: The date it is seen from: newcomers, tenure and every later
            record are relative to it.
        roster: Everyone and every team.
        mentoring: The mentor scheme's round as of ``as_of``: the newcomers'
            requests, the experienced colleagues' offers, a little history and
            one forbidden pair, on ``roster``.
        tasks: Tasks, projects and meetings completed in the three weeks before
            ``as_of``, with who took part (:mod:`learnkit.reflection`).
        reflections: The reflections written about them, some still missing so
            that reflections are due in the week of ``as_of``.
        prompt_decks: The built-in prompt decks and the company's own.
        retrospectives: Each team's retrospectives, with themes, votes and action
            points carried forward.
        development_reviews: The yearly development reviews (MUS) of the last
            year (:mod:`learnkit.goals`).
        goals: The learning goals agreed in them, in every state, with progress
            notes; some overdue, some gone quiet.
        recognitions: Recognitions given in the last quarter
            (:mod:`learnkit.leadership`).
        allocations: Weekly development and operations hours of the last twelve
            weeks, a few people below the band and one without development time.
        incidents: Incidents, a mistake, a near miss and a failed experiment
            (:mod:`learnkit.incidents`).
        incident_reviews: Their blameless reviews: one published, one in review,
            a draft that still has blaming language, one skipped.
        sharing: Knowledge sharing (:mod:`learnkit.sharing`): Friday stories
            and mini-workshops on the Danish calendar, the topic backlog,
            absences, who presented since August and past learning-buddy rounds.
        name: The company's name.
    """

    seed: int = attrs.field(validator=_validate.instance_of(int))
    as_of: dt.date = attrs.field(validator=_validate.date)
    roster: Roster = attrs.field(validator=_validate.instance_of(Roster))
    mentoring: Cohort = attrs.field(validator=_validate.instance_of(Cohort))
    # The records of the later parts default to none, so an organisation built by
    # hand from the fields of an earlier version still builds.
    tasks: tuple[CompletedTask, ...] = attrs.field(
        default=(), validator=_validate.each(_validate.instance_of(CompletedTask))
    )
    reflections: tuple[Reflection, ...] = attrs.field(
        default=(), validator=_validate.each(_validate.instance_of(Reflection))
    )
    prompt_decks: PromptDecks = attrs.field(
        factory=builtin_decks, validator=_validate.instance_of(PromptDecks)
    )
    retrospectives: tuple[Retrospective, ...] = attrs.field(
        default=(), validator=_validate.each(_validate.instance_of(Retrospective))
    )
    development_reviews: tuple[DevelopmentReview, ...] = attrs.field(
        default=(), validator=_validate.each(_validate.instance_of(DevelopmentReview))
    )
    goals: tuple[LearningGoal, ...] = attrs.field(
        default=(), validator=_validate.each(_validate.instance_of(LearningGoal))
    )
    recognitions: tuple[Recognition, ...] = attrs.field(
        default=(), validator=_validate.each(_validate.instance_of(Recognition))
    )
    allocations: tuple[TimeAllocation, ...] = attrs.field(
        default=(), validator=_validate.each(_validate.instance_of(TimeAllocation))
    )
    incidents: tuple[Incident, ...] = attrs.field(
        default=(), validator=_validate.each(_validate.instance_of(Incident))
    )
    incident_reviews: tuple[IncidentReview, ...] = attrs.field(
        default=(), validator=_validate.each(_validate.instance_of(IncidentReview))
    )
    sharing: SharingExamples | None = attrs.field(
        default=None, validator=_validate.optional(_validate.instance_of(SharingExamples))
    )
    name: str = attrs.field(default=EXAMPLE_NAME, validator=_validate.text)

    @property
    def newcomers(self) -> tuple[Person, ...]:
        """Who started fewer than 90 days before ``as_of``, oldest start first."""
        return self.roster.newcomers(self.as_of)

    @property
    def director(self) -> Person:
        """The managing director, at the top of every management line."""
        return self.roster.person(_DIRECTOR_ID)


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


_DIRECTOR_ID: Final = "p01"
_DIRECTOR_ROLE: Final = "Administrerende direktør"
_MANAGER_ROLE: Final = "Teamleder"

# Sizes add up to EXAMPLE_HEADCOUNT; "stab" is led by the director.
_TEAMS: Final = (
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

_GENERAL_SKILLS: Final = (
    "facilitering",
    "præsentation",
    "projektledelse",
    "skriftlig formidling",
    "coaching",
)

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


def example_organisation(
    *, seed: int = EXAMPLE_SEED, as_of: dt.date = EXAMPLE_AS_OF
) -> ExampleOrganisation:
    """Build the example organisation for ``seed``, as seen on ``as_of``.

    Pure and deterministic: only ``random.Random(seed)`` supplies chance, and
    every date is computed relative to ``as_of`` (start dates fall on weekdays,
    on or before ``as_of``), so equal arguments give equal organisations. The
    guarantees listed in the module documentation hold for every seed.

    Args:
        seed: Any whole number; it is given to ``random.Random``.
        as_of: The date the organisation is seen from.

    Raises:
        InvalidDataError: ``seed`` is not an ``int``, ``as_of`` is not a date, or
            ``as_of`` is too early in the calendar to fit 25 years of history or
            too late to fit the plans after it (after 9997-12-31).
    """
    given: object = seed  # typed callers cannot pass a wrong one; untyped ones can
    if not isinstance(given, int) or isinstance(given, bool):
        raise InvalidDataError.single("seed", seed, "must be a whole number")
    _validate.require_date(as_of, "as_of")
    if as_of < _EARLIEST_AS_OF:
        raise InvalidDataError.single(
            "as_of",
            as_of,
            f"must be on or after {_EARLIEST_AS_OF.isoformat()} to fit 25 years of history",
        )
    if as_of > _LATEST_AS_OF:
        raise InvalidDataError.single(
            "as_of",
            as_of,
            f"must be on or before {_LATEST_AS_OF.isoformat()} to fit the plans after it",
        )
    return _build(seed, as_of)


# The organisation is immutable and depends only on (seed, as_of), so a few recent
# ones are kept: the demo, the docs and the tests ask for the same one many times.
@functools.lru_cache(maxsize=8)
def _build(seed: int, as_of: dt.date) -> ExampleOrganisation:
    rng = random.Random(seed)
    roster = _roster(rng, as_of)
    # A stream of its own, so the roster stays the same whatever later parts draw.
    mentoring = _mentoring(random.Random(f"{seed}:mentoring"), roster, as_of)
    # Each later part draws from a stream of its own (seeded from the seed and the
    # part's name) for the same reason.
    reflection = build_reflection(roster, as_of, seed)
    prompts = build_prompts(roster, as_of, seed, reflection.reflections)
    goals = build_goals(roster, as_of, seed)
    incidents, incident_reviews = build_incidents(roster, as_of, seed)
    sharing = build_sharing(roster, as_of, seed)
    return ExampleOrganisation(
        seed=seed,
        as_of=as_of,
        roster=roster,
        mentoring=mentoring,
        tasks=reflection.tasks,
        reflections=reflection.reflections,
        prompt_decks=prompts.decks,
        retrospectives=prompts.retrospectives,
        development_reviews=goals.reviews,
        goals=goals.goals,
        recognitions=goals.recognitions,
        allocations=goals.allocations,
        incidents=incidents,
        incident_reviews=incident_reviews,
        sharing=sharing,
    )


def _slots() -> list[_Slot]:
    """Everyone's id, team and manager: the shape, which no seed changes."""
    slots: list[_Slot] = []
    for plan in _TEAMS:
        for position in range(plan.size):
            person_id = f"p{len(slots) + 1:02d}"
            if not slots:
                slots.append(_Slot(id=person_id, team=plan, kind="director", manager=None))
                team_manager = person_id
            elif position == 0:
                slots.append(_Slot(id=person_id, team=plan, kind="manager", manager=_DIRECTOR_ID))
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
        for plan in _TEAMS
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
    years = (draw.as_of - start).days / _YEAR
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
        days = rng.randint(18 * _YEAR, _MAX_HISTORY_DAYS)
    elif slot.kind == "manager":
        days = rng.randint(3 * _YEAR, 20 * _YEAR)
    elif newcomer:
        days = rng.randint(0, _NEWCOMER_MAX_DAYS)
    else:
        # Most have been here a few years; a long tail has been here for decades.
        days = min(_MAX_HISTORY_DAYS, 90 + int(rng.expovariate(1 / (4 * _YEAR))))
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
        general = rng.choice(_GENERAL_SKILLS)
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


# --- the mentor scheme ------------------------------------------------------------------

_MENTOR_TOPICS: Final = ("onboarding", "karriere", "netværk i huset", "oplæg og formidling")
_MENTEE_TOPICS: Final = ("onboarding", "karriere")
_MIN_MENTOR_DAYS: Final = 3 * _YEAR + 1  # three years' tenure: a two-year head start on newcomers
_MENTORS: Final = (10, 15)
_CAPACITY: Final = (1, 3)


def _mentoring(rng: random.Random, roster: Roster, as_of: dt.date) -> Cohort:
    newcomers = roster.newcomers(as_of)
    newcomer_ids = {person.id for person in newcomers}
    seasoned = sorted(
        (p for p in roster if p.id != _DIRECTOR_ID and p.id not in newcomer_ids),
        key=lambda p: (p.start_date, p.id),
    )
    eligible = [p for p in seasoned if (as_of - p.start_date).days >= _MIN_MENTOR_DAYS]
    # Every seed tried has far more than enough; the fallback keeps the count for any seed.
    pool = eligible if len(eligible) >= _MENTORS[1] else seasoned[: _MENTORS[1]]
    # A colleague from each newcomer's own team (not its manager, who is in the line of
    # management) offers, so wanted skills can be covered and cross-team has a price.
    leads = {team.manager for team in roster.teams}
    chosen: list[Person] = []
    for team in sorted({person.team for person in newcomers}):
        peers = [p for p in pool if p.team == team and p.id not in leads]
        if peers:
            chosen.append(rng.choice(peers))
    rest = [p for p in pool if p not in chosen]
    chosen += rng.sample(rest, rng.randint(*_MENTORS) - len(chosen))
    mentors = sorted(chosen, key=lambda p: p.id)
    offers = [_offer(rng, person) for person in mentors]
    mentor_ids = [person.id for person in mentors]
    ranking = set(rng.sample(sorted(newcomer_ids), min(2, len(newcomer_ids))))
    requests = [
        MenteeRequest(
            mentee=person.id,
            wants=_wants(rng, person, mentors),
            preferences=rng.sample(mentor_ids, rng.randint(2, 3)) if person.id in ranking else (),
        )
        for person in newcomers
    ]
    history: list[Pairing] = []
    forbidden: list[Pair] = []
    if newcomers:
        buddy, mentee = rng.choice(mentor_ids), rng.choice(newcomers)
        history.append(
            Pairing(
                mentor=buddy,
                mentee=mentee.id,
                started=mentee.start_date,
                ended=min(mentee.start_date + dt.timedelta(days=14), as_of),
            )
        )
        taken = (buddy, mentee.id)
        pair = taken
        while pair == taken:
            pair = (rng.choice(mentor_ids), rng.choice(newcomers).id)
        forbidden.append(Pair(*pair))
    history.append(_earlier_pairing(rng, roster, mentors, as_of))
    return Cohort(
        roster=roster,
        as_of=as_of,
        offers=offers,
        requests=requests,
        history=history,
        forbidden=forbidden,
    )


def _offer(rng: random.Random, person: Person) -> MentorOffer:
    skills: frozenset[str] = frozenset()
    if rng.random() < 0.3 and len(person.skills) > 1:
        chosen = rng.sample(person.skills, rng.randint(1, len(person.skills) - 1))
        skills = frozenset(skill.name for skill in chosen)
    languages: frozenset[str] = frozenset()
    if rng.random() < 0.2 and len(person.languages) > 1:
        languages = frozenset({rng.choice(sorted(person.languages))})
    return MentorOffer(
        mentor=person.id,
        capacity=rng.randint(*_CAPACITY),
        skills=skills,
        topics=frozenset(rng.sample(_MENTOR_TOPICS, rng.choice((0, 0, 1, 2)))),
        languages=languages,
    )


def _wants(rng: random.Random, person: Person, mentors: list[Person]) -> list[Want]:
    plan = next(plan for plan in _TEAMS if plan.id == person.team)
    # First a skill a mentor from the team has, so some mentor can cover it; then maybe
    # another of the team's, a skill any team has and a topic, for knowledge across teams.
    known = sorted({s.name for m in mentors if m.team == person.team for s in m.skills})
    names = [rng.choice(sorted(set(known) & set(plan.skills)) or plan.skills)]
    if rng.random() < 0.5:
        names.append(rng.choice([name for name in plan.skills if name not in names]))
    general = sorted({s.name for m in mentors for s in m.skills} & set(_GENERAL_SKILLS))
    candidates = [
        rng.choice(general) if general and rng.random() < 0.5 else None,
        rng.choice(_MENTEE_TOPICS) if rng.random() < 0.4 else None,
    ]
    # "onboarding" is a skill of Kundeservice as well as a topic: a want is listed once.
    names += [name for name in candidates if name is not None and name not in names]
    return [Want(name, rng.randint(1, 3)) for name in names]


def _earlier_pairing(
    rng: random.Random, roster: Roster, mentors: list[Person], as_of: dt.date
) -> Pairing:
    """A mentorship of half a year that ended more than a year before ``as_of``."""
    mentor = rng.choice(mentors)
    # The mentor has been here three years; the mentee joined later, at least 2 years ago.
    mentees = [
        p
        for p in roster
        if p.id != mentor.id and mentor.start_date < p.start_date <= as_of - dt.timedelta(days=730)
    ]
    if not mentees:  # only with the fallback pool; then an older colleague will do
        mentees = [p for p in roster if p.id != mentor.id and p.start_date <= mentor.start_date]
    mentee = rng.choice(sorted(mentees, key=lambda p: p.id))
    started = max(mentor.start_date, mentee.start_date) + dt.timedelta(days=30)
    return Pairing(
        mentor=mentor.id,
        mentee=mentee.id,
        started=started,
        ended=started + dt.timedelta(days=182),
    )
