"""Who is who: people, teams, skills and the :class:`Roster` that ties them together.

A :class:`Roster` is validated as a whole when it is built: ids are unique, every
team and manager it names exists, and management lines never loop. Once built it
answers the questions every other part asks: who reports to whom, whether one
person is in another's line of management, how long someone has been here and
who is new.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import cast
from zoneinfo import ZoneInfo

import attrs
from dateutil.relativedelta import relativedelta

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem, UnknownIdError
from learnkit.time import DEFAULT_ZONE, zone

__all__ = ["Person", "Roster", "Skill", "Team", "Tenure"]

DEFAULT_NEWCOMER_DAYS = 90
"""How many days someone counts as a newcomer, unless a caller says otherwise."""


@attrs.frozen(order=True)
class Skill:
    """A named skill at a level from 1 (beginner) to 5 (expert).

    Attributes:
        name: What the skill is, e.g. ``"python"`` or ``"facilitering"``.
        level: 1 beginner, 2 advanced beginner, 3 competent, 4 proficient, 5 expert.
    """

    name: str = attrs.field(validator=_validate.text)
    level: int = attrs.field(validator=_validate.int_between(1, 5))


def _sorted_skills(value: Iterable[Skill]) -> tuple[Skill, ...]:
    return cast("tuple[Skill, ...]", _validate.canonical_tuple(value))


def _zone(value: str | ZoneInfo) -> ZoneInfo:
    return zone(value, field="time_zone")


def _languages(value: Iterable[str]) -> frozenset[str]:
    if isinstance(value, str):
        # "da" would otherwise become {"d", "a"}: refuse it by name instead.
        raise InvalidDataError.single(
            "languages", value, "must be a collection of language codes, not one string"
        )
    try:
        return frozenset(value)
    except TypeError:  # not iterable (None, 5) or unhashable items ([["da"]])
        raise InvalidDataError.single(
            "languages", value, "must be a collection of language codes"
        ) from None


@attrs.frozen(kw_only=True)
class Person:
    """Someone in the organisation.

    Skills are kept sorted by name and each name appears once, so two equal
    people compare equal whatever order their skills were listed in.

    Attributes:
        id: Unique within a roster; any printable text (HR number, initials, e-mail).
        name: The display name.
        team: The id of the person's team.
        manager: The id of the person's manager, or ``None`` at the top.
        start_date: The first working day here.
        role: The job title, e.g. ``"Udvikler"``.
        skills: What the person can do and how well.
        languages: Working languages as ISO 639 codes (``"da"``, ``"en"``, ...).
        time_zone: Where the person's working day happens.
        location: The office or city, e.g. ``"København"``.
    """

    id: str = attrs.field(validator=_validate.identifier)
    name: str = attrs.field(validator=_validate.text)
    team: str = attrs.field(validator=_validate.identifier)
    start_date: dt.date = attrs.field(validator=_validate.date)
    manager: str | None = attrs.field(
        default=None, validator=_validate.optional(_validate.identifier)
    )
    role: str | None = attrs.field(default=None, validator=_validate.optional(_validate.text))
    skills: tuple[Skill, ...] = attrs.field(
        default=(),
        converter=_sorted_skills,
        validator=_validate.each(_validate.instance_of(Skill)),
    )
    languages: frozenset[str] = attrs.field(
        default=frozenset({"da"}),
        converter=_languages,
        validator=_validate.each(
            _validate.matches(r"[a-z]{2,3}", "a lower-case ISO 639 language code such as 'da'"),
            container=frozenset,
        ),
    )
    time_zone: ZoneInfo = attrs.field(
        default=attrs.Factory(lambda: zone(DEFAULT_ZONE)), converter=_zone
    )
    location: str | None = attrs.field(default=None, validator=_validate.optional(_validate.text))

    def __attrs_post_init__(self) -> None:
        problems = []
        if self.manager == self.id:
            problems.append(Problem("manager", self.manager, "a person cannot manage themselves"))
        seen: set[str] = set()
        for skill in self.skills:
            # Named by key: skills are sorted, so an index would not match the input's.
            if skill.name in seen:
                problems.append(
                    Problem(f"skills[name={skill.name}]", skill.name, "is listed twice")
                )
            seen.add(skill.name)
        if problems:
            raise InvalidDataError(problems)

    def skill_level(self, name: str) -> int:
        """The person's level in skill ``name``, or 0 when they do not have it."""
        for skill in self.skills:
            if skill.name == name:
                return skill.level
        return 0

    def has_started(self, as_of: dt.date) -> bool:
        """Whether the person has started by ``as_of`` (their start date included)."""
        return self.start_date <= as_of

    def tenure(self, as_of: dt.date) -> Tenure:
        """How long the person has been here on ``as_of``.

        Raises:
            InvalidDataError: the person has not started by ``as_of``.
        """
        _validate.require_date(as_of, "as_of")
        if not self.has_started(as_of):
            raise InvalidDataError.single(
                "as_of", as_of, f"is before {self.id}'s start date {self.start_date.isoformat()}"
            )
        return Tenure.between(self.start_date, as_of)


@attrs.frozen(kw_only=True)
class Tenure:
    """A length of employment, in calendar terms and in days.

    ``years``, ``months`` and ``days`` are the calendar difference (as
    :class:`dateutil.relativedelta.relativedelta` counts it, so 2024-01-31 to
    2024-02-29 is one month); ``total_days`` is the plain count. Every part is
    a whole number >= 0, with ``months`` at most 11 and ``days`` at most 30.
    """

    years: int = attrs.field(validator=_validate.count)
    months: int = attrs.field(validator=_validate.int_between(0, 11))
    days: int = attrs.field(validator=_validate.int_between(0, 30))
    total_days: int = attrs.field(validator=_validate.count)

    @classmethod
    def between(cls, start: dt.date, end: dt.date) -> Tenure:
        """The tenure from ``start`` to ``end``.

        Raises:
            InvalidDataError: either is not a date, or ``end`` is before ``start``.
        """
        _validate.require_date(start, "start")
        _validate.require_date(end, "end")
        if end < start:
            raise InvalidDataError.single(
                "end", end, f"must not be before the start {start.isoformat()}"
            )
        delta = relativedelta(end, start)
        return cls(
            years=delta.years,
            months=delta.months,
            days=delta.days,
            total_days=(end - start).days,
        )

    @property
    def in_years(self) -> float:
        """The tenure in years as a decimal, ``total_days / 365.2425``."""
        return self.total_days / 365.2425


@attrs.frozen(kw_only=True)
class Team:
    """A team.

    Attributes:
        id: Unique within a roster.
        name: The display name.
        manager: The id of the person who leads the team, if any; they need not
            be a member (a head of department may lead several teams).
    """

    id: str = attrs.field(validator=_validate.identifier)
    name: str = attrs.field(validator=_validate.text)
    manager: str | None = attrs.field(
        default=None, validator=_validate.optional(_validate.identifier)
    )


def _people_by_id(value: Iterable[Person]) -> tuple[Person, ...]:
    return cast("tuple[Person, ...]", _validate.canonical_tuple(value, key=_id))


def _teams_by_id(value: Iterable[Team]) -> tuple[Team, ...]:
    return cast("tuple[Team, ...]", _validate.canonical_tuple(value, key=_id))


def _id(item: Person | Team) -> str:
    return item.id


@attrs.frozen(kw_only=True)
class Roster:
    """Everyone and every team, validated as a whole.

    Guarantees, checked when the roster is built (all problems are reported at
    once, each naming the ids at fault):

    * person ids are unique, and team ids are unique;
    * every person's team and manager exist in the roster;
    * every team's manager exists in the roster;
    * nobody manages themselves, directly or through a chain of managers.

    People and teams are kept sorted by id, so rosters built from the same
    records in any order are equal and iterate alike.
    """

    people: tuple[Person, ...] = attrs.field(
        converter=_people_by_id,
        validator=_validate.each(_validate.instance_of(Person)),
    )
    teams: tuple[Team, ...] = attrs.field(
        converter=_teams_by_id,
        validator=_validate.each(_validate.instance_of(Team)),
    )
    _people: dict[str, Person] = attrs.field(init=False, repr=False, eq=False)
    _teams: dict[str, Team] = attrs.field(init=False, repr=False, eq=False)
    _members: dict[str, tuple[Person, ...]] = attrs.field(init=False, repr=False, eq=False)
    _reports: dict[str, tuple[Person, ...]] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        people = {person.id: person for person in self.people}
        teams = {team.id: team for team in self.teams}
        problems = [
            *_duplicates("people", [person.id for person in self.people]),
            *_duplicates("teams", [team.id for team in self.teams]),
        ]
        for person in self.people:
            if person.team not in teams:
                problems.append(
                    Problem(
                        f"people[id={person.id}].team", person.team, "is not a team in the roster"
                    )
                )
            if person.manager is not None and person.manager not in people:
                problems.append(
                    Problem(
                        f"people[id={person.id}].manager",
                        person.manager,
                        "is not a person in the roster",
                    )
                )
        for team in self.teams:
            if team.manager is not None and team.manager not in people:
                problems.append(
                    Problem(
                        f"teams[id={team.id}].manager",
                        team.manager,
                        "is not a person in the roster",
                    )
                )
        problems.extend(_management_cycles(people))
        if problems:
            raise InvalidDataError(problems)
        members: dict[str, list[Person]] = {team_id: [] for team_id in teams}
        reports: dict[str, list[Person]] = {}
        for person in self.people:
            members[person.team].append(person)
            if person.manager is not None:
                reports.setdefault(person.manager, []).append(person)
        object.__setattr__(self, "_people", people)
        object.__setattr__(self, "_teams", teams)
        object.__setattr__(self, "_members", {k: tuple(v) for k, v in members.items()})
        object.__setattr__(self, "_reports", {k: tuple(v) for k, v in reports.items()})

    def __len__(self) -> int:
        """The headcount."""
        return len(self.people)

    def __iter__(self) -> Iterator[Person]:
        """Everyone, sorted by id."""
        return iter(self.people)

    def __contains__(self, person_id: object) -> bool:
        """Whether a person with this id is in the roster."""
        return person_id in self._people

    def person(self, person_id: str) -> Person:
        """The person with this id.

        Raises:
            UnknownIdError: nobody in the roster has this id.
        """
        try:
            return self._people[person_id]
        except (KeyError, TypeError):
            raise UnknownIdError("person", person_id) from None

    def team(self, team_id: str) -> Team:
        """The team with this id.

        Raises:
            UnknownIdError: no team in the roster has this id.
        """
        try:
            return self._teams[team_id]
        except (KeyError, TypeError):
            raise UnknownIdError("team", team_id) from None

    def members(self, team_id: str) -> tuple[Person, ...]:
        """The team's members, sorted by id.

        Raises:
            UnknownIdError: no team in the roster has this id.
        """
        self.team(team_id)
        return self._members[team_id]

    def direct_reports(self, manager_id: str) -> tuple[Person, ...]:
        """The people whose manager is ``manager_id``, sorted by id.

        Raises:
            UnknownIdError: nobody in the roster has this id.
        """
        self.person(manager_id)
        return self._reports.get(manager_id, ())

    def all_reports(self, manager_id: str) -> tuple[Person, ...]:
        """Everyone below ``manager_id`` in the management lines, sorted by id.

        Raises:
            UnknownIdError: nobody in the roster has this id.
        """
        found: list[Person] = []
        pending = list(self.direct_reports(manager_id))
        while pending:
            person = pending.pop()
            found.append(person)
            pending.extend(self._reports.get(person.id, ()))
        return tuple(sorted(found, key=lambda person: person.id))

    def reporting_chain(self, person_id: str) -> tuple[Person, ...]:
        """The person's managers from the nearest up to the top (empty at the top).

        Raises:
            UnknownIdError: nobody in the roster has this id.
        """
        chain: list[Person] = []
        manager_id = self.person(person_id).manager
        while manager_id is not None:
            manager = self._people[manager_id]
            chain.append(manager)
            manager_id = manager.manager
        return tuple(chain)

    def is_in_line_of_management(self, manager_id: str, person_id: str) -> bool:
        """Whether ``manager_id`` manages ``person_id``, directly or through other managers.

        A person is not in their own line of management.

        Raises:
            UnknownIdError: either id is not in the roster.
        """
        self.person(manager_id)
        return any(manager.id == manager_id for manager in self.reporting_chain(person_id))

    def tenure(self, person_id: str, as_of: dt.date) -> Tenure:
        """How long the person has been here on ``as_of`` (see :meth:`Person.tenure`).

        Raises:
            UnknownIdError: nobody in the roster has this id.
            InvalidDataError: the person has not started by ``as_of``.
        """
        return self.person(person_id).tenure(as_of)

    def newcomers(
        self, as_of: dt.date, *, within_days: int = DEFAULT_NEWCOMER_DAYS
    ) -> tuple[Person, ...]:
        """Who started on or before ``as_of`` and fewer than ``within_days`` days before it.

        With the default of 90, someone who started on ``as_of`` is a newcomer
        and someone who started 90 days earlier no longer is. Sorted by start
        date, then id.
        """
        _validate.require_date(as_of, "as_of")
        _validate.require_count(within_days, "within_days")
        found = [
            person
            for person in self.people
            if person.has_started(as_of) and (as_of - person.start_date).days < within_days
        ]
        return tuple(sorted(found, key=lambda person: (person.start_date, person.id)))


def _duplicates(field: str, ids: list[str]) -> list[Problem]:
    seen: set[str] = set()
    reported: set[str] = set()
    problems = []
    for item_id in ids:
        if item_id in seen and item_id not in reported:
            count = ids.count(item_id)
            problems.append(Problem(f"{field}[id={item_id}].id", item_id, f"is used {count} times"))
            reported.add(item_id)
        seen.add(item_id)
    return problems


def _management_cycles(people: dict[str, Person]) -> list[Problem]:
    """One problem per management cycle, naming its members from the smallest id."""
    state: dict[str, int] = {}  # 1 while on the current path, 2 when known to reach the top
    problems = []
    for start in sorted(people):
        path: list[str] = []
        current: str | None = start
        while current is not None and current in people and current not in state:
            state[current] = 1
            path.append(current)
            current = people[current].manager
        if current is not None and state.get(current) == 1:
            cycle = path[path.index(current) :]
            first = cycle.index(min(cycle))
            ordered = cycle[first:] + cycle[:first]
            loop = " → ".join([*ordered, ordered[0]])
            problems.append(
                Problem(
                    f"people[id={ordered[0]}].manager",
                    people[ordered[0]].manager,
                    f"management lines loop: {loop}",
                )
            )
        for person_id in path:
            state[person_id] = 2
    return problems
