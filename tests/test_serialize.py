"""learnkit.serialize: exact round trips, strict reading, paths to every problem."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from learnkit import _errors, serialize, strategies
from learnkit.exceptions import InvalidDataError, LearnkitError
from learnkit.people import Person, Roster, Skill, Team, Tenure
from learnkit.serialize import (
    MIGRATIONS,
    SCHEMA_VERSION,
    from_dict,
    from_json,
    migrate,
    to_dict,
    to_json,
)
from learnkit.time import Calendar, Holiday

D = dt.date

PUBLIC_TYPES: dict[type, st.SearchStrategy[Any]] = {
    Calendar: strategies.calendars(),
    Holiday: strategies.holidays(),
    Person: strategies.people(),
    Roster: strategies.rosters(max_size=8),
    Skill: strategies.skills(),
    Team: strategies.teams(),
    Tenure: strategies.tenures(),
}
# Every other registered type (mentoring's model, rules, explanations and
# lifecycle) round-trips through the strategy registered for st.from_type.
PUBLIC_TYPES.update(
    {cls: st.from_type(cls) for cls in serialize._SERIALIZABLE if cls not in PUBLIC_TYPES}
)

# Any value of any public type, with its type, for properties that hold for all.
any_value = st.one_of(*PUBLIC_TYPES.values())
public_types = st.sampled_from(sorted(PUBLIC_TYPES, key=lambda cls: cls.__name__))

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
)
python_scalars = (
    json_scalars
    | st.floats()
    | st.binary(max_size=4)
    | st.dates()
    | st.datetimes()
    | st.frozensets(st.integers(), max_size=3)
)
# What a Python caller might put in a dict given to from_dict: JSON and then some.
python_values = st.recursive(
    python_scalars,
    lambda children: (
        st.lists(children, max_size=4).map(tuple)
        | st.lists(children, max_size=4)
        | st.dictionaries(st.text() | st.integers() | st.none(), children, max_size=4)
    ),
    max_leaves=15,
)
json_values = st.recursive(
    json_scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(), children),
    max_leaves=15,
)


def anna(**changes: Any) -> Person:
    """A valid person to start from."""
    fields: dict[str, Any] = {
        "id": "anna",
        "name": "Anna Østergaard",
        "team": "platform",
        "start_date": D(2021, 3, 1),
        "skills": [Skill("python", 4), Skill("facilitering", 2)],
        "languages": {"en", "da"},
    }
    fields.update(changes)
    return Person(**fields)


def small_roster() -> Roster:
    """Three people in one team, b and c reporting to a."""
    return Roster(
        people=[
            Person(id="a", name="Anne", team="t", start_date=D(2019, 1, 1)),
            Person(id="b", name="Bjørn", team="t", start_date=D(2020, 5, 1), manager="a"),
            Person(
                id="c",
                name="Cecilie",
                team="t",
                start_date=D(2024, 2, 1),
                manager="a",
                skills=[Skill("SQL", 2), Skill("python", 3)],
            ),
        ],
        teams=[Team(id="t", name="Platform", manager="a")],
    )


def refusal(data: object, cls: type) -> InvalidDataError:
    """The error from_dict raises for ``data``."""
    with pytest.raises(InvalidDataError) as caught:
        from_dict(data, cls)
    return caught.value


def paths(error: InvalidDataError) -> list[str]:
    """The path of every problem, in order."""
    return [problem.path for problem in error.problems]


def messages(error: InvalidDataError) -> dict[str, str]:
    """Every problem's message by its path."""
    return {problem.path: problem.message for problem in error.problems}


def init_keys(cls: type) -> set[str]:
    """The constructor's field names: what a document may contain."""
    return {field.name for field in attrs.fields(cls) if field.init}


class TestRoundTrip:
    """Every public type survives to_json/from_json and to_dict/from_dict exactly."""

    @given(public_types.flatmap(lambda cls: PUBLIC_TYPES[cls]))
    def test_json_round_trip(self, value: Any) -> None:
        """from_json(to_json(x), type(x)) == x for every public type."""
        assert from_json(to_json(value), type(value)) == value

    @given(any_value)
    def test_dict_round_trip(self, value: Any) -> None:
        """from_dict(to_dict(x), type(x)) == x, and to_dict is what to_json writes."""
        document = to_dict(value)
        assert from_dict(document, type(value)) == value
        assert json.loads(to_json(value)) == document

    @given(any_value)
    def test_output_is_stable(self, value: Any) -> None:
        """Writing what was read gives the same text: the output is a fixed point."""
        text = to_json(value, indent=2)
        assert to_json(from_json(text, type(value)), indent=2) == text

    @given(any_value)
    def test_from_dict_leaves_its_input_alone(self, value: Any) -> None:
        """Reading a document does not change it."""
        document = to_dict(value)
        before = copy.deepcopy(document)
        from_dict(document, type(value))
        assert document == before

    @given(strategies.rosters(max_size=8), st.randoms(use_true_random=False))
    def test_roster_text_is_independent_of_input_order(self, roster: Roster, rng: Any) -> None:
        """A roster built from its records in any order writes the same text."""
        people, teams = list(roster.people), list(roster.teams)
        rng.shuffle(people)
        rng.shuffle(teams)
        assert to_json(Roster(people=people, teams=teams)) == to_json(roster)

    def test_every_public_type_is_covered(self) -> None:
        """The round-trip properties cover every type the serializer knows."""
        assert {cls.__name__ for cls in PUBLIC_TYPES} == set(serialize._TYPES)
        assert len(serialize._TYPES) == len(serialize._SERIALIZABLE)  # no two share a name


class TestOutput:
    """What the documents look like."""

    def test_envelope(self) -> None:
        """A document is schema, type and data, in that order."""
        document = to_dict(Skill("python", 3))
        assert list(document) == ["schema", "type", "data"]
        assert document == {"schema": 1, "type": "Skill", "data": {"name": "python", "level": 3}}

    def test_fields_in_declared_order_and_all_written(self) -> None:
        """Fields come in the class's order, defaults included, so nothing is implied."""
        data = to_dict(anna())["data"]
        assert list(data) == [field.name for field in attrs.fields(Person)]
        assert data["manager"] is None
        assert data["time_zone"] == "Europe/Copenhagen"

    def test_sets_are_sorted_arrays(self) -> None:
        """Frozensets are written as sorted arrays, so equal values give equal text."""
        assert to_dict(anna(languages={"sv", "en", "da"}))["data"]["languages"] == [
            "da",
            "en",
            "sv",
        ]
        assert to_dict(Calendar(weekend={6, 0, 5}))["data"]["weekend"] == [0, 5, 6]

    def test_danish_letters_stay_readable(self) -> None:
        """Non-ASCII letters are written as themselves, not as escapes."""
        text = to_json(anna())
        assert "Anna Østergaard" in text
        assert "\\u" not in text

    def test_indent(self) -> None:
        """indent gives readable multi-line output with the same content."""
        text = to_json(anna(), indent=2)
        assert text.startswith('{\n  "schema": 1,')
        assert json.loads(text) == json.loads(to_json(anna()))

    def test_roster_lists_people_and_teams_sorted_by_id(self) -> None:
        """A roster's people and teams are written sorted by id, as the roster keeps them."""
        data = to_dict(small_roster())["data"]
        assert [person["id"] for person in data["people"]] == ["a", "b", "c"]
        assert list(data) == ["people", "teams"]

    def test_private_caches_are_not_written(self) -> None:
        """Fields declared init=False (the roster's and calendar's indexes) never appear."""
        assert set(to_dict(small_roster())["data"]) == init_keys(Roster) == {"people", "teams"}
        calendar = Calendar(holidays=[Holiday(D(2026, 6, 5), "Grundlovsdag")])
        assert set(to_dict(calendar)["data"]) == init_keys(Calendar)
        assert "by_date" not in to_json(calendar)

    def test_unknown_type_is_a_programming_error(self) -> None:
        """Writing or reading a type learnkit does not serialize is a TypeError."""
        with pytest.raises(TypeError, match="cannot handle"):
            to_dict({"a": 1})
        with pytest.raises(TypeError, match="cannot handle"):
            from_dict(to_dict(anna()), dict)
        with pytest.raises(TypeError, match="cannot handle"):
            from_json("{}", str)


class TestTimeZones:
    """Zones are kept by their IANA key, datetimes as RFC 9557 text with the zone."""

    def test_zone_key_survives(self) -> None:
        """Europe/Copenhagen stays that zone, not a fixed +01:00 offset."""
        person = anna(time_zone="Europe/Copenhagen")
        text = to_json(person)
        assert '"time_zone": "Europe/Copenhagen"' in text
        assert "+01:00" not in text
        back = from_json(text, Person)
        assert back.time_zone == ZoneInfo("Europe/Copenhagen")
        assert back.time_zone.key == "Europe/Copenhagen"

    @given(strategies.zones())
    def test_every_zone_survives(self, tz: ZoneInfo) -> None:
        """Any generated zone comes back as the same zone."""
        assert from_json(to_json(anna(time_zone=tz)), Person).time_zone.key == tz.key

    @pytest.mark.parametrize(
        ("key", "message"),
        [
            ("Mars/Olympus_Mons", "is not a known IANA zone"),
            ("../../etc/passwd", "is not an IANA zone name"),
            (1, "expected an IANA zone name"),
        ],
    )
    def test_bad_zone_is_a_problem_at_its_path(self, key: object, message: str) -> None:
        """An unknown or malformed zone key is one problem at $.data.time_zone."""
        document = to_dict(anna())
        document["data"]["time_zone"] = key
        error = refusal(document, Person)
        assert paths(error) == ["$.data.time_zone"]
        assert message in error.problems[0].message
        assert error.problems[0].value == key

    @given(strategies.aware_datetimes())
    def test_datetimes_round_trip_with_their_zone(self, moment: dt.datetime) -> None:
        """An aware datetime is written with its zone and read back equal, same zone."""
        text = serialize._converter.unstructure(moment, dt.datetime)
        back = serialize._converter.structure(text, dt.datetime)
        assert back == moment
        assert back.utcoffset() == moment.utcoffset()
        assert getattr(back.tzinfo, "key", None) == getattr(moment.tzinfo, "key", None)

    def test_datetime_text_names_the_zone(self) -> None:
        """A Copenhagen wall time is written with its offset and its zone."""
        moment = dt.datetime(2026, 3, 27, 14, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))
        text = serialize._converter.unstructure(moment, dt.datetime)
        assert text == "2026-03-27T14:00:00+01:00[Europe/Copenhagen]"

    @pytest.mark.parametrize(
        "text", ["2026-03-27T14:00:00", "2026-03-27T14:00:00[Europe/Copenhagen]", 1774616400]
    )
    def test_naive_or_non_text_datetime_is_refused(self, text: object) -> None:
        """A datetime without an offset, or not a string, is refused with learnkit's error."""
        with pytest.raises(InvalidDataError) as caught:
            serialize._converter.structure(text, dt.datetime)
        assert caught.value.problems[0].value == text

    def test_offset_must_match_zone(self) -> None:
        """An offset that the zone does not have at that time is refused."""
        with pytest.raises(InvalidDataError, match="does not match"):
            serialize._converter.structure(
                "2026-07-01T14:00:00+01:00[Europe/Copenhagen]", dt.datetime
            )


class TestStrictReading:
    """A value of the wrong JSON type is refused, never coerced."""

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            ("name", 5, "expected a string, not a number"),
            ("name", None, "expected a string, not null"),
            ("name", ["Anna"], "expected a string, not an array"),
            ("role", 5, "expected a string, not a number"),
            ("start_date", "2021-03-01T00:00:00", "must be a date written YYYY-MM-DD"),
            ("start_date", "20210301", "must be a date written YYYY-MM-DD"),
            ("start_date", "2021-02-30", "is not a day in the calendar"),
            ("start_date", 20210301, "expected a date string"),
            ("skills", "python", "expected an array, not a string"),
            ("skills", {"name": "python"}, "expected an array, not an object"),
            ("languages", "da", "expected an array, not a string"),
        ],
    )
    def test_person_field_of_wrong_kind(self, field: str, value: object, message: str) -> None:
        """The problem names the field's path, what was expected and what came."""
        document = to_dict(anna())
        document["data"][field] = value
        error = refusal(document, Person)
        assert paths(error) == [f"$.data.{field}"]
        assert message in error.problems[0].message
        assert error.problems[0].value == value

    @pytest.mark.parametrize(
        ("level", "message"),
        [
            (True, "expected a whole number, not a boolean"),
            (3.0, "expected a whole number, not a decimal number"),
            ("3", "expected a whole number, not a string"),
            (9, "must be between 1 and 5"),
        ],
    )
    def test_whole_numbers_are_whole_numbers(self, level: object, message: str) -> None:
        """An int field refuses booleans, floats and numeric strings."""
        error = refusal(
            {"schema": 1, "type": "Skill", "data": {"name": "x", "level": level}}, Skill
        )
        assert messages(error) == {"$.data.level": message}

    def test_booleans_are_booleans(self) -> None:
        """A bool takes only true or false, not 1 or "true"."""
        assert serialize._converter.structure(True, bool) is True
        for value in (1, "true", None):
            with pytest.raises(InvalidDataError, match="expected true or false"):
                serialize._converter.structure(value, bool)

    def test_numbers_are_finite_numbers(self) -> None:
        """A float takes ints and floats, but not booleans, strings or infinities."""
        assert serialize._converter.structure(2, float) == 2.0
        with pytest.raises(InvalidDataError, match="finite"):
            serialize._converter.structure(float("inf"), float)
        for value in (True, "1.5"):
            with pytest.raises(InvalidDataError, match="expected a number"):
                serialize._converter.structure(value, float)

    def test_python_objects_are_not_json(self) -> None:
        """from_dict reads JSON values only: a date object is not a date string."""
        document = to_dict(anna())
        document["data"]["start_date"] = D(2021, 3, 1)
        assert messages(refusal(document, Person)) == {
            "$.data.start_date": "expected a date string such as '2026-03-27', not a Python date"
        }

    def test_object_expected(self) -> None:
        """A skill that is not an object is a problem at its index."""
        document = to_dict(anna())
        document["data"]["skills"][1] = "python"
        assert messages(refusal(document, Person)) == {
            "$.data.skills[1]": "expected an object (a Skill), not a string"
        }

    def test_defaults_may_be_left_out(self) -> None:
        """Fields with defaults may be omitted by hand-written documents."""
        data = {"id": "anna", "name": "Anna", "team": "platform", "start_date": "2021-03-01"}
        person = from_dict({"schema": 1, "type": "Person", "data": data}, Person)
        assert person.languages == frozenset({"da"})
        assert person.time_zone.key == "Europe/Copenhagen"


class TestUnknownKeys:
    """A key nobody asked for is refused at every level."""

    def test_in_the_envelope(self) -> None:
        """An extra key next to schema, type and data is refused."""
        document = {**to_dict(anna()), "comment": "hej"}
        error = refusal(document, Person)
        assert paths(error) == ["$.comment"]
        assert error.problems[0].value == "hej"

    def test_in_the_data_with_a_suggestion(self) -> None:
        """A misspelt field is refused with the field it probably meant."""
        document = to_dict(anna())
        document["data"]["startdate"] = "2021-03-01"
        assert messages(refusal(document, Person)) == {
            "$.data.startdate": "is not a known key; did you mean 'start_date'?"
        }

    def test_deep_inside(self) -> None:
        """An extra key in a skill of a person of a roster is reported with its full path."""
        document = to_dict(small_roster())
        document["data"]["people"][2]["skills"][0]["niveau"] = 3
        assert paths(refusal(document, Roster)) == ["$.data.people[2].skills[0].niveau"]

    def test_odd_keys_are_quoted(self) -> None:
        """A key that is not a plain name is quoted in the path."""
        document = to_dict(anna())
        document["data"]["full name"] = "x"
        assert paths(refusal(document, Person)) == ['$.data["full name"]']

    def test_private_caches_are_not_accepted(self) -> None:
        """init=False fields cannot be smuggled in."""
        document = to_dict(small_roster())
        document["data"]["people_by_id"] = {}
        document["data"]["_people"] = {}
        assert set(paths(refusal(document, Roster))) == {"$.data.people_by_id", "$.data._people"}


class TestErrorPaths:
    """Every problem is reported, each with its full JSON path."""

    def test_bad_start_date_of_the_third_person(self) -> None:
        """A bad start date in the 3rd person is reported at people[2].start_date."""
        document = to_dict(small_roster())
        document["data"]["people"][2]["start_date"] = "1. marts 2024"
        error = refusal(document, Roster)
        assert paths(error) == ["$.data.people[2].start_date"]
        assert error.problems[0].value == "1. marts 2024"

    def test_validator_message_deep_inside(self) -> None:
        """A validator's message reaches the caller with the full path to the field."""
        document = to_dict(small_roster())
        document["data"]["people"][2]["skills"][1]["level"] = 7
        assert messages(refusal(document, Roster)) == {
            "$.data.people[2].skills[1].level": "must be between 1 and 5"
        }

    def test_two_bad_fields_in_one_object_give_two_problems(self) -> None:
        """Two fields refused by their validators are both reported, not just the first."""
        document = to_dict(anna())
        document["data"]["name"] = "   "
        document["data"]["team"] = " platform"
        assert paths(refusal(document, Person)) == ["$.data.name", "$.data.team"]

    def test_wrong_type_and_validator_refusal_in_one_object(self) -> None:
        """A field of the wrong type does not hide another field's validator message."""
        document = to_dict(anna())
        document["data"]["name"] = ""
        document["data"]["start_date"] = 5
        document["data"]["skills"][0]["level"] = 0
        document["data"]["extra"] = 1
        assert paths(refusal(document, Person)) == [
            "$.data.name",
            "$.data.start_date",
            "$.data.skills[0].level",
            "$.data.extra",
        ]

    def test_problems_of_every_kind_at_once(self) -> None:
        """Wrong types, missing keys, unknown keys and bad items are listed together."""
        document = to_dict(small_roster())
        people = document["data"]["people"]
        people[0]["name"] = 42
        del people[1]["team"]
        people[1]["teem"] = "t"
        people[2]["languages"] = ["da", 7]
        document["data"]["teams"][0]["manager"] = False
        error = refusal(document, Roster)
        assert messages(error) == {
            "$.data.people[0].name": "expected a string, not a number",
            "$.data.people[1].team": "is required but missing",
            "$.data.people[1].teem": "is not a known key; did you mean 'team'?",
            "$.data.people[2].languages[1]": "expected a string, not a number",
            "$.data.teams[0].manager": "expected a string, not a boolean",
        }

    def test_person_level_invariant(self) -> None:
        """A rule about the whole person (nobody manages themselves) is reported at its field."""
        document = to_dict(anna())
        document["data"]["manager"] = "anna"
        assert messages(refusal(document, Person)) == {
            "$.data.manager": "a person cannot manage themselves"
        }

    def test_management_cycle_via_json(self) -> None:
        """A roster whose managers loop gives the roster's own problem under $.data."""
        document = to_dict(small_roster())
        document["data"]["people"][0]["manager"] = "c"
        error = refusal(document, Roster)
        assert messages(error) == {
            "$.data.people[id=a].manager": "management lines loop: a → c → a"
        }
        assert error.problems[0].value == "c"

    def test_roster_references_are_reported_by_id(self) -> None:
        """Unknown teams and managers are reported at people[id=...], as the roster names them."""
        document = to_dict(small_roster())
        document["data"]["people"][1]["team"] = "data"
        document["data"]["people"][2]["manager"] = "zoe"
        document["data"]["teams"][0]["manager"] = "zoe"
        assert messages(refusal(document, Roster)) == {
            "$.data.people[id=b].team": "is not a team in the roster",
            "$.data.people[id=c].manager": "is not a person in the roster",
            "$.data.teams[id=t].manager": "is not a person in the roster",
        }

    def test_duplicate_ids(self) -> None:
        """Two people with one id are reported by that id."""
        document = to_dict(small_roster())
        document["data"]["people"][2]["id"] = "b"
        assert paths(refusal(document, Roster)) == ["$.data.people[id=b].id"]

    def test_calendar_invariants(self) -> None:
        """A calendar's own rules are reported under $.data, every one of them."""
        document = to_dict(Calendar())
        document["data"]["weekend"] = [0, 1, 2, 3, 4, 5, 6]
        document["data"]["last_day"] = "2026-12-31"
        assert paths(refusal(document, Calendar)) == ["$.data.weekend", "$.data.last_day"]

    def test_set_items_are_reported_at_their_index(self) -> None:
        """A bad item of a set-valued field is found by its index in the JSON array."""
        document = to_dict(Calendar())
        document["data"]["weekend"] = [5, "6"]
        assert paths(refusal(document, Calendar)) == ["$.data.weekend[1]"]

    def test_str_of_the_error_lists_every_problem(self) -> None:
        """The message itself lists every problem with path and value, one per line."""
        document = to_dict(anna())
        document["data"]["name"] = 5
        document["data"]["start_date"] = "i går"
        text = str(refusal(document, Person))
        assert text.splitlines() == [
            "invalid data (2 problems):",
            "  - $.data.name: expected a string, not a number (got 5)",
            "  - $.data.start_date: must be a date written YYYY-MM-DD (got 'i går')",
        ]


class TestEnvelope:
    """The document around the data: schema, type and nothing else."""

    def test_schema_too_new(self) -> None:
        """A document from a newer learnkit is refused with a clear problem."""
        document = {**to_dict(anna()), "schema": SCHEMA_VERSION + 1}
        error = refusal(document, Person)
        assert paths(error) == ["$.schema"]
        assert "written by a newer learnkit" in error.problems[0].message

    @pytest.mark.parametrize("schema", [0, -1, "1", True, 1.0, None])
    def test_schema_must_be_a_version(self, schema: object) -> None:
        """The schema is a whole number from 1."""
        error = refusal({**to_dict(anna()), "schema": schema}, Person)
        assert messages(error) == {"$.schema": "must be a schema version: 1 or more"}

    def test_missing_keys(self) -> None:
        """A document without schema, type or data says which is missing."""
        assert paths(refusal({"type": "Person", "data": {}}, Person)) == ["$.schema"]
        assert paths(refusal({"schema": 1}, Person)) == ["$.type", "$.data"]

    def test_type_must_match(self) -> None:
        """A Person document is not read as a Roster."""
        error = refusal(to_dict(anna()), Roster)
        assert messages(error) == {"$.type": "is a Person document; expected a Roster document"}

    def test_unknown_type(self) -> None:
        """A type learnkit does not know is refused by name."""
        error = refusal({**to_dict(anna()), "type": "person"}, Person)
        assert messages(error) == {"$.type": "must be 'Person'"}

    @pytest.mark.parametrize("data", [[], "Person", None, 1])
    def test_not_a_document(self, data: object) -> None:
        """Anything but an object is one problem at $."""
        error = refusal(data, Person)
        assert paths(error) == ["$"]
        assert "must be a learnkit document" in error.problems[0].message

    def test_data_not_an_object(self) -> None:
        """Data that is not an object is one problem at $.data."""
        assert messages(refusal({"schema": 1, "type": "Person", "data": []}, Person)) == {
            "$.data": "expected an object (a Person), not an array"
        }


def rename_field(document: dict[str, Any]) -> dict[str, Any]:
    """Schema 1 -> 2 in a made-up history: "navn" became "name"."""
    data = dict(document["data"])
    data["name"] = data.pop("navn")
    return {**document, "data": data}


def add_level(document: dict[str, Any]) -> dict[str, Any]:
    """Schema 2 -> 3 in a made-up history: "level" was added, default 1."""
    return {**document, "data": {"level": 1, **document["data"]}}


SYNTHETIC = {1: rename_field, 2: add_level}


class TestMigrate:
    """Older documents are brought up to date by a chain of pure migrations."""

    def test_shipped_table_is_empty_at_schema_1(self) -> None:
        """Schema 1 is the first, so there is nothing to migrate from yet."""
        assert SCHEMA_VERSION == 1
        assert dict(MIGRATIONS) == {}

    def test_current_document_is_unchanged(self) -> None:
        """A document at the current schema comes back equal."""
        document = to_dict(anna())
        assert migrate(document) == document

    def test_chain_runs_in_order_and_sets_the_schema(self) -> None:
        """Migrations run from the document's schema up to the target, each setting the next."""
        old = {"schema": 1, "type": "Skill", "data": {"navn": "python"}}
        assert migrate(old, SYNTHETIC, target=3) == {
            "schema": 3,
            "type": "Skill",
            "data": {"level": 1, "name": "python"},
        }
        middle = {"schema": 2, "type": "Skill", "data": {"name": "python", "level": 4}}
        assert migrate(middle, SYNTHETIC, target=3)["data"] == {"name": "python", "level": 4}

    def test_caller_document_is_not_changed(self) -> None:
        """Even a migration that mutates its argument leaves the caller's document alone."""

        def rude(document: dict[str, Any]) -> dict[str, Any]:
            document["data"]["touched"] = True
            return document

        old = {"schema": 1, "type": "Skill", "data": {"name": "x"}}
        before = copy.deepcopy(old)
        assert migrate(old, {1: rude}, target=2)["data"]["touched"] is True
        assert old == before

    def test_missing_step(self) -> None:
        """A gap in the table is refused, naming the schema it cannot leave."""
        with pytest.raises(InvalidDataError, match="no migration from schema 2 to 3"):
            migrate(
                {"schema": 1, "type": "Skill", "data": {"navn": "x"}}, {1: rename_field}, target=3
            )

    def test_failing_step_is_invalid_data(self) -> None:
        """A migration that cannot handle the old data ends as InvalidDataError."""
        with pytest.raises(InvalidDataError, match="cannot be migrated to schema 2") as caught:
            migrate({"schema": 1, "type": "Skill", "data": {}}, SYNTHETIC, target=3)
        assert paths(caught.value) == ["$"]

    def test_newer_than_target(self) -> None:
        """A document newer than the target is refused."""
        with pytest.raises(InvalidDataError, match="newer learnkit"):
            migrate({"schema": 3, "type": "Skill", "data": {}}, SYNTHETIC, target=2)

    def test_migration_must_return_a_document(self) -> None:
        """A migration that returns no dict is a bug in learnkit, not bad data."""
        with pytest.raises(TypeError, match="returned"):
            migrate({"schema": 1, "type": "Skill", "data": {}}, {1: lambda _: None}, target=2)  # type: ignore[dict-item,return-value]


def all_paths(value: object, prefix: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Every position inside a JSON value, as a tuple of keys and indexes."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(all_paths(item, (*prefix, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(all_paths(item, (*prefix, index)))
    return found


@st.composite
def near_valid_documents(draw: st.DrawFn) -> tuple[dict[str, Any], type]:
    """A valid document with one value replaced, deleted or added somewhere inside."""
    cls = draw(public_types)
    document = to_dict(draw(PUBLIC_TYPES[cls]))
    where = draw(st.sampled_from(all_paths(document)[1:]))
    *parents, last = where
    container: Any = document
    for key in parents:
        container = container[key]
    action = draw(st.sampled_from(["replace", "delete", "add"]))
    if action == "replace":
        container[last] = draw(json_values)
    elif action == "delete":
        del container[last]
    elif isinstance(container, dict):
        container[draw(st.text(max_size=8))] = draw(json_values)
    else:
        container.insert(draw(st.integers(0, len(container))), draw(json_values))
    return document, cls


def assert_only_learnkit_errors(read: Any, data: object, cls: type) -> None:
    """Reading ``data`` gives a ``cls`` or InvalidDataError with rooted paths, nothing else."""
    try:
        outcome = read(data, cls)
    except InvalidDataError as error:
        outcome = error
    if isinstance(outcome, InvalidDataError):
        assert outcome.problems
        assert all(problem.path.startswith("$") for problem in outcome.problems)
        assert str(outcome).startswith("invalid data")
    else:
        assert type(outcome) is cls
        assert from_json(to_json(outcome), cls) == outcome


class TestUntrustedInput:
    """Whatever comes in, the only error is InvalidDataError."""

    @given(public_types, json_values)
    def test_arbitrary_json_text(self, cls: type, value: object) -> None:
        """Any JSON text given to from_json raises nothing but InvalidDataError."""
        assert_only_learnkit_errors(from_json, json.dumps(value), cls)

    @given(public_types, json_values)
    def test_arbitrary_json_value_as_dict(self, cls: type, value: object) -> None:
        """Any JSON value given to from_dict raises nothing but InvalidDataError."""
        assert_only_learnkit_errors(from_dict, value, cls)

    @given(public_types, json_values)
    def test_arbitrary_json_as_data(self, cls: type, value: object) -> None:
        """Any JSON value inside a correct envelope raises nothing but InvalidDataError."""
        document = {"schema": 1, "type": cls.__name__, "data": value}
        assert_only_learnkit_errors(from_dict, document, cls)

    @given(public_types, python_values)
    def test_arbitrary_python_values_as_data(self, cls: type, value: object) -> None:
        """Non-JSON Python values (tuples, bytes, dates, NaN, odd keys) are refused cleanly."""
        document = {"schema": 1, "type": cls.__name__, "data": value}
        assert_only_learnkit_errors(from_dict, document, cls)

    @given(public_types.flatmap(lambda cls: st.tuples(st.just(cls), st.data())))
    def test_arbitrary_values_under_known_keys(self, case: tuple[type, Any]) -> None:
        """Objects with the type's own keys and arbitrary values are refused cleanly."""
        cls, data = case
        own = sorted(init_keys(cls))  # empty for a rule without parameters
        keys = (st.sampled_from(own) | st.text(max_size=5)) if own else st.text(max_size=5)
        value = data.draw(st.dictionaries(keys, json_values | python_values, max_size=6))
        assert_only_learnkit_errors(
            from_dict, {"schema": 1, "type": cls.__name__, "data": value}, cls
        )

    @given(near_valid_documents())
    def test_near_valid_documents(self, case: tuple[dict[str, Any], type]) -> None:
        """A valid document with one change deep inside reads or is refused cleanly."""
        document, cls = case
        assert_only_learnkit_errors(from_dict, document, cls)
        assert_only_learnkit_errors(from_json, json.dumps(document), cls)

    @given(public_types, st.text() | st.binary())
    def test_arbitrary_text_and_bytes(self, cls: type, text: str | bytes) -> None:
        """Any string or bytes given to from_json raises nothing but InvalidDataError."""
        assert_only_learnkit_errors(from_json, text, cls)

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("{", "is not valid JSON"),
            ("", "is not valid JSON"),
            (b"\xff\xfe\xfd", "is not valid JSON"),
            ('{"schema": 1, "schema": 1}', "appears twice"),
            ('{"schema": NaN}', "NaN is not a JSON number"),
            ("[" * 100_000 + "]" * 100_000, "nested"),
        ],
    )
    def test_bad_json_text_is_one_problem_at_the_root(
        self, text: str | bytes, message: str
    ) -> None:
        """Text that is not JSON is one problem at $."""
        with pytest.raises(InvalidDataError, match=message) as caught:
            from_json(text, Person)
        assert paths(caught.value) == ["$"]

    def test_long_text_is_shortened_in_the_problem(self) -> None:
        """The problem shows the start of a long text, not all of it."""
        with pytest.raises(InvalidDataError) as caught:
            from_json("x" * 10_000, Person)
        assert len(str(caught.value.problems[0].value)) == 200

    def test_text_must_be_text(self) -> None:
        """Something that is not str or bytes is refused as data, not with a TypeError."""
        with pytest.raises(InvalidDataError, match="expected JSON text"):
            from_json(None, Person)  # type: ignore[arg-type]

    def test_bytes_are_read(self) -> None:
        """UTF-8 bytes (as read from a file) are read like text."""
        assert from_json(to_json(anna()).encode(), Person) == anna()

    def test_deep_nesting_is_refused_up_front(self) -> None:
        """Data nested deeper than MAX_DEPTH is one problem, wherever it is."""
        deep: Any = "x"
        for _ in range(serialize.MAX_DEPTH + 10):
            deep = [deep]
        document = to_dict(anna())
        document["data"]["skills"] = deep
        error = refusal(document, Person)
        assert len(error.problems) == 1
        assert error.problems[0].path.startswith("$.data.skills[0][0]")
        assert "nested more than" in error.problems[0].message

    def test_self_containing_dict_ends(self) -> None:
        """A dict that contains itself is refused, not followed forever."""
        document: dict[str, Any] = {"schema": 1, "type": "Person"}
        document["data"] = document
        assert "nested more than" in refusal(document, Person).problems[0].message

    def test_error_is_a_learnkit_error(self) -> None:
        """Callers can catch LearnkitError or ValueError."""
        with pytest.raises(LearnkitError):
            from_json("[]", Person)
        with pytest.raises(ValueError, match="learnkit document"):
            from_json("[]", Person)


@attrs.frozen
class Legacy:
    """A class with attrs' own validators, which raise TypeError and ValueError."""

    count: int = attrs.field(validator=attrs.validators.gt(0))
    label: str = attrs.field(validator=attrs.validators.min_len(1))


class TestMachinery:
    """The parts that future types and odd failures rely on."""

    def test_attrs_validators_messages_are_kept(self) -> None:
        """attrs' own validators (TypeError/ValueError) become problems with their messages."""
        structure = serialize._class_structure_factory(Legacy, serialize._converter)
        with pytest.raises(InvalidDataError) as caught:
            structure({"count": 0, "label": ""}, Legacy)
        assert paths(caught.value) == ["count", "label"]
        assert "must be > 0" in caught.value.problems[0].message

    def test_sets_of_objects_are_sorted_by_their_json(self) -> None:
        """A set of values that do not order among themselves is written in a stable order."""
        written = serialize._converter.unstructure(
            frozenset({Skill("b", 1), Skill("a", 2)}), frozenset[Skill]
        )
        # In the order of their JSON text with sorted keys: "level" before "name".
        assert written == [{"name": "b", "level": 1}, {"name": "a", "level": 2}]

    def test_unexpected_failures_still_end_as_invalid_data(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Should a hook ever raise something else, from_dict still reports a problem."""
        from cattrs.errors import IterableValidationError, IterableValidationNote

        class Broken:
            def structure(self, data: object, cls: type) -> object:
                inner = KeyError("x")
                inner.__notes__ = [IterableValidationNote("item", "key", int)]
                raise IterableValidationError("items", [inner, RecursionError()], list)

        document = to_dict(anna())
        monkeypatch.setattr(serialize, "_converter", Broken())
        error = refusal(document, Person)
        assert paths(error) == ["$.data.key", "$.data"]
        assert error.problems[0].message == "is not a valid int (KeyError: 'x')"
        assert error.problems[1].message == "is nested too deeply"

    @pytest.mark.parametrize(
        ("path", "key", "expected"),
        [
            ("$", "name", "$.name"),
            ("", "name", "name"),
            ("$", "full name", '$["full name"]'),
            ("$", 3, "$[3]"),
            ("$", None, "$[None]"),
        ],
    )
    def test_key_paths(self, path: str, key: object, expected: str) -> None:
        """Plain keys are dotted, others quoted, indexes bracketed."""
        assert _errors.index_path(path, key) == expected

    def test_unknown_key_of_a_class_without_fields(self) -> None:
        """An unknown key is reported even when there are no known keys to suggest."""
        assert _errors.unknown_key("$", "x", 1, []).message == "is not a known key"

    def test_extra_keys_without_the_object_at_hand(self) -> None:
        """cattrs' extra-keys error becomes one problem per key, even without the object."""
        from cattrs.errors import ForbiddenExtraKeysError

        found = _errors.problems(ForbiddenExtraKeysError(None, dict, {"b", "a"}), "$", 5)
        assert [(p.path, p.value, p.message) for p in found] == [
            ("$.a", None, "is not a known key"),
            ("$.b", None, "is not a known key"),
        ]

    def test_walker_finds_values_in_lists(self) -> None:
        """The value shown for an item is taken from the array it came from."""
        from cattrs.errors import IterableValidationError, IterableValidationNote

        inner = ValueError("bad")
        inner.__notes__ = [IterableValidationNote("item", 1, int)]
        found = _errors.problems(IterableValidationError("x", [inner], list), "$", ["a", "b"])
        assert [(p.path, p.value) for p in found] == [("$[1]", "b")]

    def test_long_bytes_are_shortened(self) -> None:
        """A long undecodable byte string is shortened in the problem too."""
        with pytest.raises(InvalidDataError) as caught:
            from_json(b"\xff" * 1000, Person)
        assert caught.value.problems[0].value == b"\xff" * 197 + b"..."

    def test_a_migration_may_refuse_with_its_own_paths(self) -> None:
        """A migration's own InvalidDataError passes through unchanged."""

        def strict(document: dict[str, Any]) -> dict[str, Any]:
            raise InvalidDataError.single("$.data.navn", None, "is required in schema 1")

        with pytest.raises(InvalidDataError) as caught:
            migrate({"schema": 1, "type": "Skill", "data": {}}, {1: strict}, target=2)
        assert paths(caught.value) == ["$.data.navn"]
