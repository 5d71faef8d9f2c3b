"""People, skills, teams and the Roster: validation, canonical order and queries."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from learnkit.exceptions import InvalidDataError, Problem, UnknownIdError
from learnkit.people import DEFAULT_NEWCOMER_DAYS, Person, Roster, Skill, Team, Tenure
from learnkit.strategies import rosters
from learnkit.time import zone

D = dt.date
START = D(2020, 1, 6)

# Small rosters find the same bugs as big ones and keep the suite fast.
ROSTERS = rosters(max_size=10)


def person(person_id: str, **changes: Any) -> Person:
    """A valid person in team ``t1``; ``changes`` override any field."""
    fields: dict[str, Any] = {
        "id": person_id,
        "name": f"Person {person_id}",
        "team": "t1",
        "start_date": START,
    }
    fields.update(changes)
    return Person(**fields)


def team(team_id: str, **changes: Any) -> Team:
    """A valid team; ``changes`` override any field."""
    fields: dict[str, Any] = {"id": team_id, "name": f"Team {team_id}"}
    fields.update(changes)
    return Team(**fields)


def refusal(build: Any, **kwargs: Any) -> list[Problem]:
    """The problems raised when building with ``kwargs``."""
    with pytest.raises(InvalidDataError) as caught:
        build(**kwargs)
    return list(caught.value.problems)


def org() -> Roster:
    """A small company.

    Mette (CEO) leads Anders and Birgitte; Anders leads Carsten and Dorthe;
    Carsten leads Emil. Frida has no manager. Team ``udv`` (led by Anders) has
    Anders, Carsten, Dorthe, Emil; ``ledelse`` has Mette and Birgitte;
    ``salg`` has Frida and is led by Birgitte; ``tom`` has no members.
    """
    return Roster(
        people=[
            person("mette", team="ledelse", start_date=D(2015, 3, 1)),
            person("anders", team="udv", manager="mette", start_date=D(2018, 8, 1)),
            person("birgitte", team="ledelse", manager="mette", start_date=D(2019, 2, 1)),
            person("carsten", team="udv", manager="anders", start_date=D(2026, 9, 1)),
            person("dorthe", team="udv", manager="anders", start_date=D(2026, 11, 23)),
            person("emil", team="udv", manager="carsten", start_date=D(2026, 9, 1)),
            person("frida", team="salg", start_date=D(2026, 12, 1)),
        ],
        teams=[
            team("udv", manager="anders"),
            team("ledelse"),
            team("salg", manager="birgitte"),
            team("tom"),
        ],
    )


def ids(people: tuple[Person, ...]) -> list[str]:
    """The ids of ``people``, in their order."""
    return [p.id for p in people]


def naive_chain(roster: Roster, person_id: str) -> list[str]:
    """The ids above ``person_id``, by walking ``manager`` fields one by one."""
    by_id = {p.id: p for p in roster.people}
    chain: list[str] = []
    current = by_id[person_id].manager
    while current is not None:
        assert len(chain) <= len(by_id), "management lines loop"
        chain.append(current)
        current = by_id[current].manager
    return chain


class TestSkill:
    @pytest.mark.parametrize("level", [1, 5])
    def test_levels_one_to_five(self, level: int) -> None:
        """Levels 1 and 5 are the ends of the scale."""
        assert Skill("python", level).level == level

    @pytest.mark.parametrize(
        ("level", "message"),
        [
            (0, "must be between 1 and 5"),
            (6, "must be between 1 and 5"),
            (True, "must be a whole number"),
            (3.0, "must be a whole number"),
            ("3", "must be a whole number"),
        ],
    )
    def test_bad_levels_are_named(self, level: object, message: str) -> None:
        """Out-of-range levels, bools, floats and strings are refused naming ``level``."""
        assert refusal(Skill, name="python", level=level) == [Problem("level", level, message)]

    @pytest.mark.parametrize("name", ["", "  ", 7, None])
    def test_bad_names_are_named(self, name: object) -> None:
        """A skill needs a visible name."""
        assert [p.path for p in refusal(Skill, name=name, level=3)] == ["name"]

    def test_skills_order_by_name_then_level(self) -> None:
        """Skills sort by name, then level."""
        assert sorted([Skill("b", 1), Skill("a", 5), Skill("a", 2)]) == [
            Skill("a", 2),
            Skill("a", 5),
            Skill("b", 1),
        ]


class TestPersonValidation:
    def test_defaults(self) -> None:
        """A person speaks Danish in Copenhagen by default, without manager or skills."""
        anne = person("anne")
        assert anne.languages == frozenset({"da"})
        assert anne.time_zone is zone("Europe/Copenhagen")
        assert (anne.manager, anne.role, anne.location, anne.skills) == (None, None, None, ())

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            ("id", "", "must be non-empty without surrounding spaces"),
            ("id", " anne", "must be non-empty without surrounding spaces"),
            ("id", "anne\n", "must be non-empty without surrounding spaces"),
            ("id", 17, "must be a string id"),
            ("id", None, "must be a string id"),
            ("name", "", "must not be empty"),
            ("name", 3, "must be a string"),
            ("team", " t1", "must be non-empty without surrounding spaces"),
            ("team", None, "must be a string id"),
            ("manager", "", "must be non-empty without surrounding spaces"),
            ("manager", 5, "must be a string id"),
            ("start_date", dt.datetime(2020, 1, 6, 9), "must be a date (not a datetime)"),
            ("start_date", "2020-01-06", "must be a date (not a datetime)"),
            ("role", "", "must not be empty"),
            ("location", "\x00", "must not contain control characters"),
        ],
    )
    def test_bad_fields_name_the_field_and_value(
        self, field: str, value: object, message: str
    ) -> None:
        """Every bad field is refused with its name, the value given and why."""
        assert refusal(person, person_id="anne", **{field: value}) == [
            Problem(field, value, message)
        ]

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            ("da", "must be a collection of language codes, not one string"),
            (None, "must be a collection of language codes"),
            (5, "must be a collection of language codes"),
            ([["da"]], "must be a collection of language codes"),
        ],
    )
    def test_languages_must_be_a_collection(self, value: object, message: str) -> None:
        """One string would become its letters; it and non-collections are refused by name."""
        assert refusal(person, person_id="anne", languages=value) == [
            Problem("languages", value, message)
        ]

    @pytest.mark.parametrize(
        ("languages", "bad"),
        [({"da", "DA"}, ["DA"]), ({"dansk"}, ["dansk"]), ({"d", "en"}, ["d"]), ({"", 1}, ["", 1])],
    )
    def test_bad_language_codes_are_each_named(
        self, languages: set[object], bad: list[object]
    ) -> None:
        """Every code that is not two or three lower-case letters is named in the path."""
        problems = refusal(person, person_id="anne", languages=languages)
        assert sorted(map(repr, (p.value for p in problems))) == sorted(map(repr, bad))
        assert all(p.path == f"languages[{p.value!r}]" for p in problems)

    def test_languages_from_any_collection(self) -> None:
        """A list or tuple of codes becomes a frozenset; repeats collapse."""
        assert person("anne", languages=["en", "da", "en"]).languages == frozenset({"da", "en"})
        assert person("anne", languages=()).languages == frozenset()

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            ("Europe/Atlantis", "is not a known IANA zone"),
            ("../etc/passwd", "is not an IANA zone name"),
            (3, "must be an IANA zone name"),
        ],
    )
    def test_bad_time_zones_are_named(self, value: object, message: str) -> None:
        """An unknown or path-like zone is refused naming ``time_zone``."""
        assert refusal(person, person_id="anne", time_zone=value) == [
            Problem("time_zone", value, message)
        ]

    def test_zone_keys_become_zoneinfo(self) -> None:
        """A zone name is stored as the cached ZoneInfo."""
        assert person("anne", time_zone="Asia/Kolkata").time_zone is zone("Asia/Kolkata")

    def test_duplicate_skill_is_refused(self) -> None:
        """A skill name appears once; the second one is named."""
        problems = refusal(
            person, person_id="anne", skills=[Skill("python", 4), Skill("python", 2)]
        )
        assert problems == [Problem("skills[name=python]", "python", "is listed twice")]

    @pytest.mark.parametrize("skills", [["python"], Skill("python", 3), None])
    def test_skills_must_be_skill_values(self, skills: object) -> None:
        """Text, a single Skill or None where skills go is refused by field."""
        problems = refusal(person, person_id="anne", skills=skills)
        assert problems[0].path.startswith("skills")

    def test_self_manager_is_refused(self) -> None:
        """Nobody manages themselves."""
        assert refusal(person, person_id="anne", manager="anne") == [
            Problem("manager", "anne", "a person cannot manage themselves")
        ]

    def test_self_manager_and_duplicate_skill_together(self) -> None:
        """Whole-person problems are reported together."""
        problems = refusal(
            person, person_id="anne", manager="anne", skills=[Skill("x", 1), Skill("x", 1)]
        )
        assert [p.path for p in problems] == ["manager", "skills[name=x]"]

    def test_skill_order_does_not_matter(self) -> None:
        """Skills listed in any order give equal people with equal hashes."""
        skills = [Skill("python", 4), Skill("facilitering", 2), Skill("sql", 3)]
        one = person("anne", skills=skills)
        other = person("anne", skills=reversed(skills))
        assert one == other
        assert hash(one) == hash(other)
        assert [s.name for s in one.skills] == ["facilitering", "python", "sql"]

    def test_skill_level(self) -> None:
        """A person's level in a skill, or 0 without it."""
        anne = person("anne", skills=[Skill("python", 4)])
        assert anne.skill_level("python") == 4
        assert anne.skill_level("cobol") == 0

    def test_is_frozen(self) -> None:
        """People are values; changes go through attrs.evolve."""
        anne = person("anne")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            anne.name = "Anna"  # type: ignore[misc]
        assert attrs.evolve(anne, name="Anna").name == "Anna"


class TestTeam:
    @pytest.mark.parametrize(
        ("field", "value"), [("id", ""), ("id", " x"), ("name", ""), ("manager", " m")]
    )
    def test_bad_fields_are_named(self, field: str, value: object) -> None:
        """A team's id, name and manager are validated by field."""
        fields: dict[str, Any] = {"id": "t1", "name": "Team", field: value}
        assert [(p.path, p.value) for p in refusal(Team, **fields)] == [(field, value)]

    def test_manager_is_optional(self) -> None:
        """A team may have no manager."""
        assert team("t1").manager is None


class TestRosterValidation:
    def test_a_valid_roster(self) -> None:
        """The example company builds, with everyone and every team."""
        roster = org()
        assert len(roster) == 7
        assert len(roster.teams) == 4

    def test_empty_roster(self) -> None:
        """A roster without people or teams is valid and empty."""
        roster = Roster(people=[], teams=[])
        assert len(roster) == 0
        assert list(roster) == []

    def test_people_and_teams_are_sorted_and_order_independent(self) -> None:
        """The same records in any order give equal rosters that iterate alike."""
        roster = org()
        people = list(roster.people)
        teams = list(roster.teams)
        random.Random(7).shuffle(people)
        random.Random(8).shuffle(teams)
        shuffled = Roster(people=people, teams=teams)
        assert shuffled == roster
        assert hash(shuffled) == hash(roster)
        assert ids(roster.people) == sorted(ids(roster.people))
        assert [t.id for t in roster.teams] == sorted(t.id for t in roster.teams)
        assert list(shuffled) == list(roster.people)

    def test_duplicate_person_id_is_named(self) -> None:
        """Two people with one id are refused, naming the id and the count."""
        problems = refusal(
            Roster,
            people=[person("anne"), person("bo"), person("anne", name="Anne 2"), person("anne")],
            teams=[team("t1")],
        )
        assert problems == [Problem("people[id=anne].id", "anne", "is used 3 times")]

    def test_duplicate_team_id_is_named(self) -> None:
        """Two teams with one id are refused."""
        problems = refusal(Roster, people=[], teams=[team("t1"), team("t1", name="Other")])
        assert problems == [Problem("teams[id=t1].id", "t1", "is used 2 times")]

    def test_unknown_team_is_named(self) -> None:
        """A person's team must exist."""
        problems = refusal(Roster, people=[person("anne", team="ghost")], teams=[team("t1")])
        assert problems == [Problem("people[id=anne].team", "ghost", "is not a team in the roster")]

    def test_unknown_manager_is_named(self) -> None:
        """A person's manager must be in the roster."""
        problems = refusal(Roster, people=[person("anne", manager="ghost")], teams=[team("t1")])
        assert problems == [
            Problem("people[id=anne].manager", "ghost", "is not a person in the roster")
        ]

    def test_unknown_team_manager_is_named(self) -> None:
        """A team's manager must be in the roster."""
        problems = refusal(Roster, people=[person("anne")], teams=[team("t1", manager="ghost")])
        assert problems == [
            Problem("teams[id=t1].manager", "ghost", "is not a person in the roster")
        ]

    def test_two_person_cycle_is_one_problem_naming_both(self) -> None:
        """a → b → a is one problem, told from the smallest id."""
        problems = refusal(
            Roster,
            people=[person("b", manager="a"), person("a", manager="b")],
            teams=[team("t1")],
        )
        assert problems == [
            Problem("people[id=a].manager", "b", "management lines loop: a → b → a")
        ]

    def test_three_person_cycle_is_one_problem_naming_all(self) -> None:
        """A loop of three is one problem naming all three in management order."""
        problems = refusal(
            Roster,
            people=[
                person("c", manager="a"),
                person("a", manager="b"),
                person("b", manager="c"),
                person("d", manager="a"),  # leads into the loop but is not part of it
            ],
            teams=[team("t1")],
        )
        assert problems == [
            Problem("people[id=a].manager", "b", "management lines loop: a → b → c → a")
        ]

    def test_two_separate_cycles_are_two_problems(self) -> None:
        """Each loop is reported once."""
        problems = refusal(
            Roster,
            people=[
                person("a", manager="b"),
                person("b", manager="a"),
                person("x", manager="z"),
                person("y", manager="x"),
                person("z", manager="y"),
            ],
            teams=[team("t1")],
        )
        assert [p.message for p in problems] == [
            "management lines loop: a → b → a",
            "management lines loop: x → z → y → x",
        ]

    def test_all_problems_are_listed_at_once(self) -> None:
        """Duplicates, unknown teams and managers and loops appear in one error."""
        with pytest.raises(InvalidDataError) as caught:
            Roster(
                people=[
                    person("anne"),
                    person("anne", name="Anne igen"),
                    person("bo", team="ghost-team"),
                    person("cai", manager="ghost"),
                    person("p", manager="q"),
                    person("q", manager="p"),
                ],
                teams=[team("t1", manager="nobody"), team("t1")],
            )
        assert [p.path for p in caught.value.problems] == [
            "people[id=anne].id",
            "teams[id=t1].id",
            "people[id=bo].team",
            "people[id=cai].manager",
            "teams[id=t1].manager",
            "people[id=p].manager",
        ]
        message = str(caught.value)
        assert message.startswith("invalid data (6 problems):")
        for name in ("anne", "ghost-team", "ghost", "nobody", "p → q → p"):
            assert name in message

    @pytest.mark.parametrize(
        ("people", "teams", "path"),
        [
            (["anne"], [team("t1")], "people[0]"),
            ([person("anne")], ["t1"], "teams[0]"),
            (person("anne"), [team("t1")], "people"),
            ([person("anne")], None, "teams"),
        ],
    )
    def test_items_must_be_people_and_teams(self, people: object, teams: object, path: str) -> None:
        """Anything but Person and Team values is refused by field."""
        problems = refusal(Roster, people=people, teams=teams)
        assert problems[0].path == path

    @given(rosters(min_size=2, max_size=10), st.data())
    def test_closing_a_line_into_a_loop_is_refused(
        self, roster: Roster, data: st.DataObject
    ) -> None:
        """Making the top of someone's chain report to them gives exactly one loop problem."""
        managed = [p for p in roster.people if p.manager is not None]
        if not managed:  # give the second person a manager, so there is a line to close
            second = attrs.evolve(roster.people[1], manager=roster.people[0].id)
            roster = Roster(
                people=[roster.people[0], second, *roster.people[2:]], teams=roster.teams
            )
            managed = [second]
        start = data.draw(st.sampled_from(managed))
        chain = naive_chain(roster, start.id)
        top = roster.person(chain[-1])
        people = [attrs.evolve(top, manager=start.id) if p.id == top.id else p for p in roster]
        with pytest.raises(InvalidDataError) as caught:
            Roster(people=people, teams=roster.teams)
        loop = [start.id, *chain]
        first = loop.index(min(loop))
        ordered = loop[first:] + loop[:first]
        (problem,) = caught.value.problems
        assert problem.message == "management lines loop: " + " → ".join([*ordered, ordered[0]])
        assert problem.path == f"people[id={ordered[0]}].manager"


class TestLookups:
    roster = org()

    def test_person_and_team(self) -> None:
        """Ids give the person and the team."""
        assert self.roster.person("anders").manager == "mette"
        assert self.roster.team("udv").manager == "anders"

    @pytest.mark.parametrize("unknown", ["ghost", "", ["anders"], None])
    def test_unknown_person(self, unknown: Any) -> None:
        """An unknown id raises UnknownIdError, which is also a KeyError."""
        with pytest.raises(UnknownIdError) as caught:
            self.roster.person(unknown)
        assert (caught.value.kind, caught.value.id) == ("person", unknown)
        with pytest.raises(KeyError):
            self.roster.person(unknown)

    @pytest.mark.parametrize("unknown", ["ghost", {"udv"}])
    def test_unknown_team(self, unknown: Any) -> None:
        """An unknown team id raises UnknownIdError naming the kind."""
        with pytest.raises(UnknownIdError) as caught:
            self.roster.team(unknown)
        assert str(caught.value) == f"unknown team id {unknown!r}"

    def test_contains(self) -> None:
        """``in`` asks about person ids."""
        assert "anders" in self.roster
        assert "udv" not in self.roster
        assert None not in self.roster

    def test_members(self) -> None:
        """A team's members, sorted by id; an empty team has none."""
        assert ids(self.roster.members("udv")) == ["anders", "carsten", "dorthe", "emil"]
        assert self.roster.members("tom") == ()

    @pytest.mark.parametrize(
        "query",
        ["members", "direct_reports", "all_reports", "reporting_chain", "tenure"],
    )
    def test_queries_refuse_unknown_ids(self, query: str) -> None:
        """Every query on an id raises UnknownIdError for an unknown one."""
        args: tuple[object, ...] = ("ghost",) if query != "tenure" else ("ghost", D(2026, 1, 1))
        with pytest.raises(UnknownIdError):
            getattr(self.roster, query)(*args)


class TestReportingLines:
    roster = org()

    def test_direct_reports(self) -> None:
        """Direct reports are sorted by id; someone without reports has none."""
        assert ids(self.roster.direct_reports("anders")) == ["carsten", "dorthe"]
        assert ids(self.roster.direct_reports("mette")) == ["anders", "birgitte"]
        assert self.roster.direct_reports("emil") == ()

    def test_all_reports(self) -> None:
        """Everyone below, at any depth, sorted by id."""
        assert ids(self.roster.all_reports("mette")) == [
            "anders",
            "birgitte",
            "carsten",
            "dorthe",
            "emil",
        ]
        assert ids(self.roster.all_reports("anders")) == ["carsten", "dorthe", "emil"]
        assert self.roster.all_reports("frida") == ()

    def test_reporting_chain(self) -> None:
        """From the nearest manager up to the top; empty at the top."""
        assert ids(self.roster.reporting_chain("emil")) == ["carsten", "anders", "mette"]
        assert self.roster.reporting_chain("mette") == ()
        assert self.roster.reporting_chain("frida") == ()

    @pytest.mark.parametrize(
        ("manager", "person", "expected"),
        [
            ("mette", "emil", True),
            ("anders", "emil", True),
            ("carsten", "emil", True),
            ("emil", "carsten", False),  # the other direction
            ("emil", "mette", False),
            ("birgitte", "emil", False),  # a sibling line
            ("birgitte", "frida", False),  # leads Frida's team, but is not her manager
            ("mette", "frida", False),  # a separate tree
        ],
    )
    def test_is_in_line_of_management(self, manager: str, person: str, expected: bool) -> None:
        """Managers above someone are in their line; people below or beside are not."""
        assert self.roster.is_in_line_of_management(manager, person) is expected

    @pytest.mark.parametrize("someone", ["mette", "anders", "emil", "frida"])
    def test_nobody_is_in_their_own_line(self, someone: str) -> None:
        """A person is not in their own line of management, in neither argument order."""
        assert not self.roster.is_in_line_of_management(someone, someone)

    @pytest.mark.parametrize(("manager", "person"), [("ghost", "emil"), ("mette", "ghost")])
    def test_line_of_management_refuses_unknown_ids(self, manager: str, person: str) -> None:
        """Either id being unknown raises UnknownIdError naming it."""
        with pytest.raises(UnknownIdError) as caught:
            self.roster.is_in_line_of_management(manager, person)
        assert caught.value.id == "ghost"


class TestTenure:
    roster = org()

    def test_calendar_parts_and_days(self) -> None:
        """Years, months and days as the calendar counts them, plus the day count."""
        tenure = self.roster.tenure("mette", D(2026, 11, 23))
        assert tenure == Tenure(years=11, months=8, days=22, total_days=4285)

    def test_month_ends(self) -> None:
        """31 January to 29 February is one month, not one month and some days."""
        assert Tenure.between(D(2024, 1, 31), D(2024, 2, 29)) == Tenure(
            years=0, months=1, days=0, total_days=29
        )

    def test_leap_day_start(self) -> None:
        """Someone who started on 29 February has a year on 28 February next year."""
        tenure = Tenure.between(D(2024, 2, 29), D(2025, 2, 28))
        assert (tenure.years, tenure.months, tenure.days, tenure.total_days) == (1, 0, 0, 365)

    def test_first_day_is_zero(self) -> None:
        """On the start date the tenure is zero."""
        assert self.roster.tenure("dorthe", D(2026, 11, 23)) == Tenure(
            years=0, months=0, days=0, total_days=0
        )

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("years", -1),
            ("years", True),
            ("months", 12),
            ("months", -1),
            ("days", 31),
            ("days", 1.0),
            ("total_days", -1),
            ("total_days", "30"),
        ],
    )
    def test_bad_parts_are_refused(self, field: str, value: object) -> None:
        """A tenure read from untrusted data cannot have negative or overflowing parts."""
        parts: dict[str, object] = {"years": 1, "months": 2, "days": 3, "total_days": 430}
        parts[field] = value
        assert [(p.path, p.value) for p in refusal(Tenure, **parts)] == [(field, value)]

    def test_between_refuses_an_end_before_the_start(self) -> None:
        """A negative length of employment does not exist."""
        with pytest.raises(InvalidDataError) as caught:
            Tenure.between(D(2026, 1, 2), D(2026, 1, 1))
        assert [(p.path, p.value) for p in caught.value.problems] == [("end", D(2026, 1, 1))]

    @pytest.mark.parametrize(
        ("start", "end", "path"),
        [
            (dt.datetime(2026, 1, 1), D(2026, 2, 1), "start"),
            (D(2026, 1, 1), "2026-02-01", "end"),
        ],
    )
    def test_between_refuses_non_dates(self, start: object, end: object, path: str) -> None:
        """Both ends are dates, named when they are not."""
        with pytest.raises(InvalidDataError) as caught:
            Tenure.between(start, end)  # type: ignore[arg-type]
        assert caught.value.problems[0].path == path

    def test_in_years(self) -> None:
        """The decimal years are total days over the mean Gregorian year."""
        tenure = Tenure.between(D(2000, 1, 1), D(2400, 1, 1))
        assert tenure.in_years == 400
        assert Tenure.between(D(2026, 1, 1), D(2026, 1, 1)).in_years == 0

    def test_before_start_raises(self) -> None:
        """Asking before someone started is an error naming ``as_of`` and the start date."""
        with pytest.raises(InvalidDataError) as caught:
            self.roster.tenure("dorthe", D(2026, 11, 22))
        (problem,) = caught.value.problems
        assert (problem.path, problem.value) == ("as_of", D(2026, 11, 22))
        assert "2026-11-23" in problem.message

    @pytest.mark.parametrize("as_of", [dt.datetime(2026, 11, 23, 9), "2026-11-23", None])
    def test_as_of_must_be_a_date(self, as_of: object) -> None:
        """A datetime or text as ``as_of`` is refused by name."""
        with pytest.raises(InvalidDataError) as caught:
            self.roster.tenure("mette", as_of)  # type: ignore[arg-type]
        assert caught.value.problems[0].path == "as_of"

    def test_has_started(self) -> None:
        """The start date itself counts as started."""
        dorthe = self.roster.person("dorthe")
        assert dorthe.has_started(D(2026, 11, 23))
        assert not dorthe.has_started(D(2026, 11, 22))

    @given(
        st.dates(min_value=D(1990, 1, 1), max_value=D(2040, 1, 1)),
        st.integers(0, 20_000),
    )
    def test_parts_add_back_up(self, start: dt.date, days: int) -> None:
        """The calendar parts added to the start give the end; the day count matches."""
        from dateutil.relativedelta import relativedelta

        end = start + dt.timedelta(days=days)
        tenure = Tenure.between(start, end)
        assert tenure.total_days == days
        assert (
            start + relativedelta(years=tenure.years, months=tenure.months, days=tenure.days) == end
        )
        assert 0 <= tenure.months < 12
        assert tenure.years >= 0
        assert tenure.days >= 0


class TestNewcomers:
    as_of = D(2026, 11, 23)

    def test_default_window(self) -> None:
        """Started on as_of or within 89 days before: newcomer; sorted by start date then id."""
        assert ids(org().newcomers(self.as_of)) == ["carsten", "emil", "dorthe"]

    def test_boundaries(self) -> None:
        """On as_of: yes; 89 days before: yes; exactly 90 days before: no; in future: no."""
        roster = Roster(
            people=[
                person("today", start_date=self.as_of),
                person("d89", start_date=self.as_of - dt.timedelta(days=89)),
                person("d90", start_date=self.as_of - dt.timedelta(days=DEFAULT_NEWCOMER_DAYS)),
                person("tomorrow", start_date=self.as_of + dt.timedelta(days=1)),
            ],
            teams=[team("t1")],
        )
        assert ids(roster.newcomers(self.as_of)) == ["d89", "today"]

    def test_custom_window(self) -> None:
        """A window of one day holds only who started on as_of; zero days holds nobody."""
        roster = org()
        assert ids(roster.newcomers(self.as_of, within_days=1)) == ["dorthe"]
        assert roster.newcomers(self.as_of, within_days=0) == ()
        assert len(roster.newcomers(self.as_of, within_days=100_000)) == 6

    @pytest.mark.parametrize("within_days", [-1, True, 1.5, "90", None])
    def test_within_days_is_validated(self, within_days: object) -> None:
        """The window is a whole number of days >= 0, named in the error."""
        with pytest.raises(InvalidDataError) as caught:
            org().newcomers(self.as_of, within_days=within_days)  # type: ignore[arg-type]
        assert caught.value.problems == (
            Problem("within_days", within_days, "must be a whole number >= 0"),
        )

    @pytest.mark.parametrize("as_of", [dt.datetime(2026, 11, 23), "2026-11-23"])
    def test_as_of_is_validated(self, as_of: object) -> None:
        """``as_of`` is a date."""
        with pytest.raises(InvalidDataError) as caught:
            org().newcomers(as_of)  # type: ignore[arg-type]
        assert caught.value.problems[0].path == "as_of"


class TestRosterProperties:
    @given(ROSTERS, st.data())
    def test_line_of_management_is_the_naive_chain(
        self, roster: Roster, data: st.DataObject
    ) -> None:
        """``is_in_line_of_management(a, b)`` is whether a is met walking up from b."""
        everyone = ids(roster.people)
        a = data.draw(st.sampled_from(everyone))
        b = data.draw(st.sampled_from(everyone))
        assert roster.is_in_line_of_management(a, b) == (a in naive_chain(roster, b))
        assert not roster.is_in_line_of_management(a, a)
        if a != b:
            assert not (
                roster.is_in_line_of_management(a, b) and roster.is_in_line_of_management(b, a)
            )

    @given(ROSTERS)
    def test_all_reports_are_those_with_the_manager_in_their_chain(self, roster: Roster) -> None:
        """``all_reports(m)`` is everyone whose chain contains m, sorted by id."""
        chains = {p.id: naive_chain(roster, p.id) for p in roster}
        for manager in roster:
            expected = sorted(p for p, chain in chains.items() if manager.id in chain)
            assert ids(roster.all_reports(manager.id)) == expected

    @given(ROSTERS)
    def test_chains_are_finite_and_end_at_the_top(self, roster: Roster) -> None:
        """Every chain starts at the manager, follows managers and ends with no manager."""
        for someone in roster:
            chain = roster.reporting_chain(someone.id)
            assert len(chain) < len(roster)
            assert ids(chain) == naive_chain(roster, someone.id)
            assert someone not in chain
            if chain:
                assert chain[0].id == someone.manager
                assert chain[-1].manager is None
                assert all(low.manager == high.id for low, high in itertools.pairwise(chain))
            else:
                assert someone.manager is None

    @given(ROSTERS)
    def test_direct_reports_and_members_match_the_fields(self, roster: Roster) -> None:
        """Direct reports and members are exactly who names the manager or team."""
        for manager in roster:
            assert roster.direct_reports(manager.id) == tuple(
                p for p in roster if p.manager == manager.id
            )
        for group in roster.teams:
            assert roster.members(group.id) == tuple(p for p in roster if p.team == group.id)

    @given(
        ROSTERS,
        st.dates(min_value=D(1995, 1, 1), max_value=D(2045, 1, 1)),
        st.integers(0, 4000),
    )
    def test_newcomers_match_brute_force(
        self, roster: Roster, as_of: dt.date, within_days: int
    ) -> None:
        """Newcomers are who started in (as_of - within_days, as_of], by start date then id."""
        expected = sorted(
            (p for p in roster if as_of - dt.timedelta(days=within_days) < p.start_date <= as_of),
            key=lambda p: (p.start_date, p.id),
        )
        assert list(roster.newcomers(as_of, within_days=within_days)) == expected

    @given(ROSTERS, st.randoms(use_true_random=False))
    def test_order_does_not_matter(self, roster: Roster, shuffler: random.Random) -> None:
        """Shuffled people and teams give an equal roster with equal answers."""
        people = list(roster.people)
        teams = list(roster.teams)
        shuffler.shuffle(people)
        shuffler.shuffle(teams)
        again = Roster(people=people, teams=teams)
        assert again == roster
        assert hash(again) == hash(roster)
        for someone in roster:
            assert again.all_reports(someone.id) == roster.all_reports(someone.id)
