"""Tests for learnkit.rostercsv: rosters from CSV exports, and back."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from learnkit import InvalidDataError, Person, Roster, Skill, Team
from learnkit.examples import example_organisation
from learnkit.rostercsv import (
    COLUMNS,
    DELIMITERS,
    REQUIRED_COLUMNS,
    roster_from_csv,
    roster_to_csv,
)
from learnkit.strategies import rosters

HEADER = ",".join(COLUMNS)


def problems(text: str, **kwargs: str) -> dict[str, str]:
    """Every problem ``roster_from_csv(text)`` reports, as {path: message}."""
    with pytest.raises(InvalidDataError) as caught:
        roster_from_csv(text, **kwargs)
    found = {problem.path: problem.message for problem in caught.value.problems}
    assert len(found) == len(caught.value.problems), "two problems at one path"
    return found


def writable(roster: Roster) -> Roster:
    """``roster`` with what CSV cannot hold taken out: memberless teams, odd skill names."""
    people = []
    for person in roster:
        skills: dict[str, Skill] = {}
        for skill in person.skills:
            name = skill.name.replace(";", ",").strip() or "x"
            skills.setdefault(name, Skill(name, skill.level))
        people.append(
            Person(
                id=person.id,
                name=person.name,
                team=person.team,
                manager=person.manager,
                start_date=person.start_date,
                role=person.role,
                skills=tuple(skills.values()),
                languages=person.languages,
                time_zone=person.time_zone,
                location=person.location,
            )
        )
    teams = [team for team in roster.teams if roster.members(team.id)]
    return Roster(people=people, teams=teams)


class TestReading:
    def test_every_column(self) -> None:
        """Each documented column fills its field; teams come from the rows."""
        text = (
            f"{HEADER}\n"
            "p1,Anne Hansen,data,,2019-03-01,Dataanalytiker,python:4;sql:3,da;en,"
            "Europe/Copenhagen,Aarhus,Data og analyse,p1\n"
            "p2,Bo Jensen,data,p1,2026-10-01,,sql:1,da,Europe/Warsaw,,,\n"
        )
        roster = roster_from_csv(text)
        assert roster.person("p1") == Person(
            id="p1",
            name="Anne Hansen",
            team="data",
            start_date=dt.date(2019, 3, 1),
            role="Dataanalytiker",
            skills=(Skill("python", 4), Skill("sql", 3)),
            languages=frozenset({"da", "en"}),
            time_zone="Europe/Copenhagen",
            location="Aarhus",
        )
        assert roster.person("p2") == Person(
            id="p2",
            name="Bo Jensen",
            team="data",
            manager="p1",
            start_date=dt.date(2026, 10, 1),
            skills=(Skill("sql", 1),),
            languages=frozenset({"da"}),
            time_zone="Europe/Warsaw",
        )
        assert roster.teams == (Team(id="data", name="Data og analyse", manager="p1"),)

    def test_danish_excel(self) -> None:
        """Semicolons, a byte order mark, CRLF line ends and day-first dates are read."""
        text = (
            "\ufeffid;name;team;start_date\r\n"
            "p1;Søren Ørsted;salg;23-11-2026\r\n"
            "p2;Åse Æbelø;salg;1.2.2020\r\n"
        )
        roster = roster_from_csv(text)
        assert [person.name for person in roster] == ["Søren Ørsted", "Åse Æbelø"]
        assert [person.start_date for person in roster] == [
            dt.date(2026, 11, 23),
            dt.date(2020, 2, 1),
        ]

    @pytest.mark.parametrize("delimiter", DELIMITERS)
    def test_delimiter_is_sniffed_from_the_header(self, delimiter: str) -> None:
        """`,`, `;` and a tab are each told from the header row."""
        rows = [REQUIRED_COLUMNS, ("p1", "Anne, the first; really", "t", "2020-01-01")]
        text = "".join(
            delimiter.join(f'"{cell}"' if "," in cell else cell for cell in row) + "\n"
            for row in rows
        )
        assert roster_from_csv(text).person("p1").name == "Anne, the first; really"

    def test_delimiter_can_be_given(self) -> None:
        """A given delimiter is used as it is, even where sniffing would choose another."""
        text = "id;name;team;start_date\n"
        with pytest.raises(InvalidDataError) as caught:
            roster_from_csv(text, delimiter=",")
        assert {p.path for p in caught.value.problems} >= {"row 1, column id;name;team;start_date"}
        assert len(roster_from_csv(text, delimiter=";")) == 0

    def test_unknown_delimiter_is_refused(self) -> None:
        """Only the documented delimiters are accepted."""
        assert problems("id|name", delimiter="|") == {"delimiter": "must be ',', ';' or a tab"}

    def test_header_names_are_forgiving(self) -> None:
        """Case, surrounding spaces, and spaces or hyphens for underscores do not matter."""
        text = " ID ,Name,TEAM,Start date,Time-Zone,team name\np1,Anne,t,2020-01-01,UTC,Team T\n"
        roster = roster_from_csv(text)
        assert roster.person("p1").time_zone.key == "UTC"
        assert roster.team("t").name == "Team T"

    def test_left_out_columns_take_the_defaults(self) -> None:
        """Without a languages or time_zone column, a person speaks Danish in Copenhagen."""
        person = roster_from_csv("start_date,team,name,id\n2020-01-01,t,Anne,p1\n").person("p1")
        assert person.languages == frozenset({"da"})
        assert person.time_zone.key == "Europe/Copenhagen"
        assert (person.manager, person.role, person.skills, person.location) == (
            None,
            None,
            (),
            None,
        )

    def test_empty_cells_mean_not_given(self) -> None:
        """An empty languages cell means none, an empty zone the default zone."""
        text = "id,name,team,start_date,languages,time_zone,skills\np1,Anne,t,2020-01-01, , ,\n"
        person = roster_from_csv(text).person("p1")
        assert person.languages == frozenset()
        assert person.time_zone.key == "Europe/Copenhagen"
        assert person.skills == ()

    def test_cells_are_trimmed_except_free_text(self) -> None:
        """Ids, dates and lists lose surrounding spaces; names keep them."""
        text = (
            "id,name,team,start_date,skills,languages,role\n"
            " p1 , Anne ,  t ,  2020-01-01 , python : 4 ; sql:3 ; ,  DA  EN ,Udvikler \n"
        )
        person = roster_from_csv(text).person("p1")
        assert (person.id, person.name, person.team) == ("p1", " Anne ", "t")
        assert person.skills == (Skill("python", 4), Skill("sql", 3))
        assert person.languages == frozenset({"da", "en"})
        assert person.role == "Udvikler "

    def test_team_facts_may_come_from_any_row(self) -> None:
        """A team's name and manager given on one row hold for the whole team."""
        text = (
            "id,name,team,start_date,team_name,team_manager\n"
            "p1,Anne,t,2020-01-01,,\n"
            "p2,Bo,t,2020-01-01,Team T,p1\n"
            "p3,Cy,u,2020-01-01,,\n"
        )
        roster = roster_from_csv(text)
        assert roster.teams == (Team(id="t", name="Team T", manager="p1"), Team(id="u", name="u"))

    def test_blank_rows_and_trailing_cells_are_skipped(self) -> None:
        """Blank rows and empty cells past the header, as spreadsheets write them, are ignored."""
        text = "\nid;name;team;start_date;;\n\n;;;;;\np1;Anne;t;2020-01-01;;;\n"
        assert [person.id for person in roster_from_csv(text)] == ["p1"]

    def test_quoted_line_breaks_stay_in_the_cell(self) -> None:
        """A quoted cell may hold line breaks and the delimiter."""
        text = 'id,name,team,start_date,role\r\np1,"Anne\nHansen",t,2020-01-01,"a, b"\r\n'
        person = roster_from_csv(text).person("p1")
        assert (person.name, person.role) == ("Anne\nHansen", "a, b")

    def test_line_separator_characters_stay_in_names(self) -> None:
        """Only line feeds and carriage returns end a row; U+2028 is part of a name."""
        text = "id,name,team,start_date\np1,Anne\u2028Hansen,t,2020-01-01\n"
        assert roster_from_csv(text).person("p1").name == "Anne\u2028Hansen"

    def test_a_header_alone_is_an_empty_roster(self) -> None:
        """A header without rows is a roster of nobody."""
        assert roster_from_csv(",".join(REQUIRED_COLUMNS)) == Roster(people=(), teams=())


class TestProblems:
    def test_every_bad_cell_at_once(self) -> None:
        """Every bad cell of every row is reported, at `row N, column NAME`, sorted by row."""
        text = (
            "id;name;team;start_date;manager;skills;languages;time_zone\n"
            "p1;Anne;t;2026-02-30;p9;python:7;da;Mars/Base\n"
            "\n"
            "p2; ;t;tomorrow;;py;DK1;\n"
            "p2;Bo;t;2020-01-01;;;;\n"
        )
        with pytest.raises(InvalidDataError) as caught:
            roster_from_csv(text)
        found = [(p.path, p.value) for p in caught.value.problems]
        assert found == [
            ("row 2, column start_date", "2026-02-30"),
            ("row 2, column skills", "python:7"),
            ("row 2, column time_zone", "Mars/Base"),
            ("row 2, column manager", "p9"),
            ("row 4, column name", " "),
            ("row 4, column start_date", "tomorrow"),
            ("row 4, column skills", "py"),
            ("row 4, column languages", "DK1"),
            ("row 5, column id", "p2"),
        ]
        messages = {p.path: p.message for p in caught.value.problems}
        assert messages["row 2, column start_date"] == "is not a day in the calendar"
        assert messages["row 2, column manager"] == "is not the id of anyone in the text"
        assert messages["row 4, column name"] == "is empty"
        assert messages["row 5, column id"] == "is also the id in row 4"

    def test_header_problems(self) -> None:
        """Missing required, unknown and repeated columns are all named."""
        found = problems("ID,Name,Nickname,name\n")
        assert found == {
            "row 1, column Nickname": (
                "is not a roster column (expected some of: " + ", ".join(COLUMNS) + ")"
            ),
            "row 1, column name": "appears twice (columns 2 and 4)",
            "row 1, column team": (
                "is missing; a roster CSV needs the columns id, name, team, start_date"
            ),
            "row 1, column start_date": (
                "is missing; a roster CSV needs the columns id, name, team, start_date"
            ),
        }

    def test_header_problems_come_with_the_rows_problems(self) -> None:
        """A bad header does not hide the bad cells under the good columns."""
        found = problems("id,name,start_date,extra\np1,Anne,nope,x\n")
        assert set(found) == {
            "row 1, column extra",
            "row 1, column team",
            "row 2, column start_date",
        }

    def test_cells_beyond_the_header(self) -> None:
        """A row longer than the header, or a value under an unnamed column, is a problem."""
        found = problems(
            "id,name,team,start_date,\np1,Anne,t,2020-01-01,x\np2,Bo,t,2020-01-01,,y\n"
        )
        assert found == {
            "row 2, column 5": "has a value under a column without a name",
            "row 3": "has 6 cells but the header has 5",
        }

    @pytest.mark.parametrize(
        ("cell", "message"),
        [
            ("python", "has 'python'; write name:level, e.g. python:4"),
            (":4", "has ':4'; write name:level, e.g. python:4"),
            ("python:0", "has 'python:0'; a level is 1 to 5"),
            ("python:x", "has 'python:x'; a level is 1 to 5"),
            ("python:٣", "has 'python:٣'; a level is 1 to 5"),
            ("python:4;python:3", "lists the skill 'python' twice"),
        ],
    )
    def test_bad_skills(self, cell: str, message: str) -> None:
        """A skills cell must be name:level items with levels 1 to 5, each skill once."""
        found = problems(f'id,name,team,start_date,skills\np1,A,t,2020-01-01,"{cell}"\n')
        assert found == {"row 2, column skills": message}

    @pytest.mark.parametrize(
        ("cell", "message"),
        [
            ("dansk", "has 'dansk'; expected ISO 639 codes such as da;en"),
            ("da;e", "has 'e'; expected ISO 639 codes such as da;en"),
        ],
    )
    def test_bad_languages(self, cell: str, message: str) -> None:
        """Languages are ISO 639 codes."""
        found = problems(f"id,name,team,start_date,languages\np1,A,t,2020-01-01,{cell}\n")
        assert found == {"row 2, column languages": message}

    @pytest.mark.parametrize("cell", ["yesterday", "11/23/2026", "2026-1-5", "23.11.26"])
    def test_dates_in_other_formats(self, cell: str) -> None:
        """Only YYYY-MM-DD and day-first dates with a four-digit year are read."""
        found = problems(f"id,name,team,start_date\np1,A,t,{cell}\n")
        assert found == {
            "row 2, column start_date": (
                "must be a date written YYYY-MM-DD, DD-MM-YYYY or DD.MM.YYYY"
            )
        }

    def test_people_and_teams_that_do_not_fit_together(self) -> None:
        """Unknown managers, loops, managing oneself and disagreeing team rows are found."""
        text = (
            "id,name,team,start_date,manager,team_name,team_manager\n"
            "a,A,t,2020-01-01,b,Team T,x\n"
            "b,B,t,2020-01-01,a,Team Tee,\n"
            "c,C,u,2020-01-01,c,,\n"
        )
        assert problems(text) == {
            "row 2, column manager": "management lines loop: a → b → a",
            "row 2, column team_manager": "is not the id of anyone in the text (team 't')",
            "row 3, column team_name": (
                "gives team 't' the name 'Team Tee', but row 2 gives 'Team T'"
            ),
            "row 4, column manager": "a person cannot manage themselves",
        }

    def test_ids_with_control_characters(self) -> None:
        """A cell's own validation names the column."""
        found = problems("id,name,team,start_date\np\x011,A,t\x02,2020-01-01\n")
        assert found == {
            "row 2, column id": "must not contain control characters",
            "row 2, column team": "must not contain control characters",
        }

    def test_broken_quoting(self) -> None:
        """Where csv cannot read on, the row is named; the rows before are still checked."""
        found = problems('id,name,team,start_date\np1,A,t,nope\np2,"B,t,2020-01-01\n')
        assert found == {
            "row 2, column start_date": (
                "must be a date written YYYY-MM-DD, DD-MM-YYYY or DD.MM.YYYY"
            ),
            "row 3": "is not valid CSV: unexpected end of data",
        }

    @pytest.mark.parametrize("text", ["", "\ufeff", " \n\n;;;\n"])
    def test_no_header(self, text: str) -> None:
        """Text without a header row is refused."""
        assert problems(text) == {"row 1": "has no header row: the text is empty"}

    def test_not_text(self) -> None:
        """Bytes are refused: the caller decodes the file."""
        with pytest.raises(InvalidDataError) as caught:
            roster_from_csv(b"id,name")  # type: ignore[arg-type]
        assert caught.value.problems[0].path == "text"


class TestWriting:
    def test_writes_every_column(self) -> None:
        """The header lists every column; one row a person, sorted by id."""
        roster = example_organisation().roster
        lines = roster_to_csv(roster).splitlines()
        assert lines[0] == HEADER
        assert len(lines) == 1 + len(roster)
        assert lines[1].startswith("p01,Emma Mikkelsen,stab,,2005-05-20,Administrerende direktør,")

    @pytest.mark.parametrize("delimiter", DELIMITERS)
    def test_example_organisation_round_trips(self, delimiter: str) -> None:
        """The example roster survives CSV with each delimiter, sniffed back."""
        roster = example_organisation().roster
        text = roster_to_csv(roster, delimiter=delimiter)
        assert roster_from_csv(text) == roster
        assert roster_from_csv("\ufeff" + text.replace("\n", "\r\n")) == roster

    @given(roster=rosters(min_size=0, max_size=12), delimiter=st.sampled_from(DELIMITERS))
    def test_round_trip(self, roster: Roster, delimiter: str) -> None:
        """roster -> CSV -> roster gives an equal roster, whatever the names hold."""
        roster = writable(roster)
        assert roster_from_csv(roster_to_csv(roster, delimiter=delimiter)) == roster

    @given(roster=rosters(min_size=1, max_size=8))
    def test_round_trip_with_a_given_delimiter(self, roster: Roster) -> None:
        """Reading with the delimiter given gives the same roster as sniffing it."""
        roster = writable(roster)
        text = roster_to_csv(roster, delimiter=";")
        assert roster_from_csv(text, delimiter=";") == roster_from_csv(text) == roster

    def test_refuses_what_csv_cannot_hold(self) -> None:
        """A memberless team and unwritable skill names are refused, every one named."""
        roster = Roster(
            people=[
                Person(
                    id="p1",
                    name="Anne",
                    team="t",
                    start_date=dt.date(2020, 1, 1),
                    skills=(Skill("a;b", 2), Skill(" padded", 3), Skill("fine", 1)),
                )
            ],
            teams=[Team(id="t", name="T"), Team(id="empty", name="E")],
        )
        with pytest.raises(InvalidDataError) as caught:
            roster_to_csv(roster)
        assert [p.path for p in caught.value.problems] == [
            "teams[id=empty]",
            "people[id=p1].skills[name= padded]",
            "people[id=p1].skills[name=a;b]",
        ]

    def test_refuses_bad_arguments(self) -> None:
        """Only a Roster and a known delimiter are written."""
        with pytest.raises(InvalidDataError) as caught:
            roster_to_csv("roster")  # type: ignore[arg-type]
        assert caught.value.problems[0].path == "roster"
        with pytest.raises(InvalidDataError) as caught:
            roster_to_csv(example_organisation().roster, delimiter="|")
        assert caught.value.problems[0].path == "delimiter"
