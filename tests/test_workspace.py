"""Tests for learnkit.workspace: the Workspace value, its validation and its round trip."""

from __future__ import annotations

import json
import random

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit import serialize
from learnkit.examples import example_workspace
from learnkit.exceptions import InvalidDataError
from learnkit.reflection import builtin_decks
from learnkit.strategies import team_meetings, workspaces
from learnkit.time import Calendar
from learnkit.workspace import Workspace

# The record fields whose records must be told apart (Workspace's own list).
_UNIQUE_FIELDS = (
    "tasks",
    "reflections",
    "retrospectives",
    "team_meetings",
    "mentorships",
    "development_reviews",
    "goals",
    "recognitions",
    "allocations",
    "incidents",
    "incident_reviews",
    "series",
    "topics",
    "plans",
    "safety_surveys",
)

# Every field that holds records.
_RECORD_FIELDS = tuple(
    field.name
    for field in attrs.fields(Workspace)
    if field.name not in {"roster", "calendar", "name", "prompt_decks"}
)


@pytest.fixture(name="workspace", scope="module")
def _workspace() -> Workspace:
    return example_workspace()


class TestRoundTrip:
    @settings(max_examples=25, deadline=None)
    @given(workspaces())
    def test_generated_workspaces_survive_json_and_dicts(self, workspace: Workspace) -> None:
        """Any generated workspace, its references resolved, comes back equal from JSON."""
        assert serialize.from_json(serialize.to_json(workspace), Workspace) == workspace
        assert serialize.from_dict(serialize.to_dict(workspace), Workspace) == workspace
        mentorships = {m.id for m in workspace.mentorships}
        surveys = {s.id for s in workspace.safety_surveys}
        teams = {t.id for t in workspace.roster.teams}
        assert all(c.mentorship in mentorships for c in workspace.check_ins)
        assert all(r.survey in surveys for r in workspace.safety_responses)
        assert all(m.team in teams for m in workspace.team_meetings)

    @settings(max_examples=15, deadline=None)
    @given(team_meetings())
    def test_team_meetings_survive_json(self, meeting: object) -> None:
        """A generated team meeting comes back equal from JSON, its id the series' id."""
        assert serialize.from_json(serialize.to_json(meeting), type(meeting)) == meeting
        assert meeting.id == meeting.series.id  # type: ignore[attr-defined]

    def test_the_example_workspace_survives_json(self, workspace: Workspace) -> None:
        """The whole example workspace comes back equal from JSON and from a dict."""
        text = serialize.to_json(workspace)
        assert serialize.from_json(text, Workspace) == workspace
        assert serialize.from_dict(serialize.to_dict(workspace), Workspace) == workspace
        document = json.loads(text)
        assert document["type"] == "Workspace"
        assert document["data"]["safety_responses"]
        assert document["data"]["calendar"]["holidays"]

    def test_unknown_keys_are_refused(self, workspace: Workspace) -> None:
        """A typo in a document is an error, not silently dropped data."""
        document = serialize.to_dict(Workspace(roster=workspace.roster))
        document["data"]["reflectoins"] = []
        with pytest.raises(InvalidDataError):
            serialize.from_dict(document, Workspace)


class TestDefaults:
    def test_only_a_roster_is_needed(self, workspace: Workspace) -> None:
        """A workspace of only a roster has the built-in decks, an open calendar, no records."""
        bare = Workspace(roster=workspace.roster)
        assert bare.prompt_decks == builtin_decks()
        assert bare.calendar == Calendar()
        assert bare.name == ""
        assert bare.reflections == ()
        assert bare.safety_responses == ()


class TestValidation:
    @pytest.mark.parametrize("field", _UNIQUE_FIELDS)
    def test_duplicate_ids_are_refused_naming_field_and_value(
        self, workspace: Workspace, field: str
    ) -> None:
        """A record listed twice is refused with one problem naming the field and the id."""
        records = getattr(workspace, field)
        assert records, f"the example has {field}"
        doubled = (*records, records[0])
        with pytest.raises(InvalidDataError) as caught:
            attrs.evolve(workspace, **{field: doubled})
        (problem,) = caught.value.problems
        assert problem.path == field
        assert "unique" in problem.message

    def test_the_duplicate_value_is_the_id(self, workspace: Workspace) -> None:
        """The problem's value is the id shared, so a user can find the records."""
        first = workspace.reflections[0]
        with pytest.raises(InvalidDataError) as caught:
            attrs.evolve(workspace, reflections=(first, first))
        assert {problem.value for problem in caught.value.problems} == {first.id}
        assert first.id in str(caught.value)

    def test_every_duplicate_is_reported_at_once(self, workspace: Workspace) -> None:
        """Duplicates in two fields are all listed in one error."""
        with pytest.raises(InvalidDataError) as caught:
            attrs.evolve(
                workspace,
                goals=(workspace.goals[0],) * 2,
                recognitions=(workspace.recognitions[0],) * 2,
            )
        found = {(problem.path, problem.value) for problem in caught.value.problems}
        assert found == {
            ("goals", workspace.goals[0].id),
            ("recognitions", workspace.recognitions[0].id),
        }

    def test_records_without_ids_may_repeat(self, workspace: Workspace) -> None:
        """Check-ins and responses carry no id: two equal ones are two events."""
        response = workspace.safety_responses[0]
        check_in = workspace.check_ins[0]
        again = attrs.evolve(
            workspace,
            safety_responses=(response, response),
            check_ins=(check_in, check_in),
        )
        assert len(again.safety_responses) == 2
        assert len(again.check_ins) == 2

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("roster", "p01"),
            ("calendar", None),
            ("name", 3),
            ("reflections", ("refl-001",)),
            ("safety_responses", (None,)),
            ("prompt_decks", ()),
        ],
    )
    def test_wrong_types_are_named(self, workspace: Workspace, field: str, value: object) -> None:
        """A value of the wrong type is refused, naming the field."""
        with pytest.raises(InvalidDataError) as caught:
            attrs.evolve(workspace, **{field: value})
        assert any(problem.path.startswith(field) for problem in caught.value.problems)

    def test_a_bad_document_names_the_path(self, workspace: Workspace) -> None:
        """Structuring a document with a wrong value names where it sits."""
        document = serialize.to_dict(Workspace(roster=workspace.roster))
        document["data"]["name"] = 3
        with pytest.raises(InvalidDataError) as caught:
            serialize.from_dict(document, Workspace)
        assert "name" in str(caught.value)


class TestCanonicalOrder:
    def test_order_and_lists_do_not_matter(self, workspace: Workspace) -> None:
        """Records in reverse order, or as lists, give an equal workspace and the same JSON."""
        fields = ("reflections", "goals", "check_ins", "safety_responses", "allocations")
        reversed_ = attrs.evolve(
            workspace, **{field: tuple(reversed(getattr(workspace, field))) for field in fields}
        )
        listed = attrs.evolve(
            workspace, **{field: list(getattr(workspace, field)) for field in fields}
        )
        assert reversed_ == listed == workspace
        assert serialize.to_json(reversed_) == serialize.to_json(workspace)
        assert isinstance(listed.goals, tuple)

    @settings(max_examples=10, deadline=None)
    @given(workspaces(), st.randoms(use_true_random=False))
    def test_shuffled_records_give_an_equal_workspace(
        self, workspace: Workspace, rng: random.Random
    ) -> None:
        """Any order of a generated workspace's records gives the same workspace."""
        shuffled = {}
        for field in _RECORD_FIELDS:
            records = list(getattr(workspace, field))
            rng.shuffle(records)
            shuffled[field] = records
        assert attrs.evolve(workspace, **shuffled) == workspace


class TestReferences:
    def test_unknown_references_are_all_refused_at_once(self, workspace: Workspace) -> None:
        """A response's survey, a check-in's mentorship, a meeting's team, a plan's series."""
        assert workspace.plans, "the example has a plan; without its series it dangles"
        response = attrs.evolve(workspace.safety_responses[0], survey="ukendt-måling")
        check_in = attrs.evolve(workspace.check_ins[0], mentorship="ukendt-mentorskab")
        first = workspace.team_meetings[0]
        meeting = attrs.evolve(
            first, team="ukendt-team", series=attrs.evolve(first.series, id="teammøde-ukendt")
        )
        with pytest.raises(InvalidDataError) as caught:
            attrs.evolve(
                workspace,
                safety_responses=(*workspace.safety_responses, response),
                check_ins=(*workspace.check_ins, check_in),
                team_meetings=(*workspace.team_meetings, meeting),
                series=(),
            )
        found = {(problem.path, problem.value) for problem in caught.value.problems}
        assert found == {
            ("safety_responses.survey", "ukendt-måling"),
            ("check_ins.mentorship", "ukendt-mentorskab"),
            ("team_meetings.team", "ukendt-team"),
            *{("plans.series", p.series) for p in workspace.plans},
        }
