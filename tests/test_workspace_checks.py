"""The Workspace's canonical order, its unique ids and the references it resolves."""

from __future__ import annotations

import random

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit.examples import example_workspace
from learnkit.exceptions import InvalidDataError
from learnkit.serialize import to_json
from learnkit.workspace import Workspace

RECORD_FIELDS = [
    field.name
    for field in attrs.fields(Workspace)
    if field.name not in {"roster", "calendar", "name", "prompt_decks"}
]


@pytest.fixture(scope="module")
def example() -> Workspace:
    return example_workspace()


class TestCanonicalOrder:
    @settings(max_examples=10, deadline=None)
    @given(rnd=st.randoms(use_true_random=False))
    def test_record_order_does_not_matter(self, rnd: random.Random) -> None:
        """Shuffled records give an equal workspace and the same JSON."""
        example = example_workspace()
        shuffled = {
            name: rnd.sample(list(getattr(example, name)), len(getattr(example, name)))
            for name in RECORD_FIELDS
        }
        again = attrs.evolve(example, **shuffled)
        assert again == example
        assert to_json(again) == to_json(example)

    def test_every_record_field_is_checked(self, example: Workspace) -> None:
        """The example has records of every kind, so the shuffle above covers each field."""
        assert all(getattr(example, name) for name in RECORD_FIELDS)

    def test_lists_are_accepted(self, example: Workspace) -> None:
        """A list of records becomes the same tuple."""
        again = Workspace(roster=example.roster, reflections=list(example.reflections))
        assert again.reflections == example.reflections


class TestIdsAndReferences:
    def test_a_repeated_id_is_named_once(self, example: Workspace) -> None:
        """The clashing id is named, not a position in the sorted records."""
        twice = example.goals[0]
        with pytest.raises(InvalidDataError) as error:
            attrs.evolve(example, goals=(*example.goals, twice))
        assert [(p.path, p.value) for p in error.value.problems] == [("goals", twice.id)]

    def test_dangling_references_are_named_together(self, example: Workspace) -> None:
        """A response to an unknown survey, a check-in of an unknown mentorship, a meeting
        of an unknown team and a plan of an unknown series are all named."""
        meeting = example.team_meetings[0]
        with pytest.raises(InvalidDataError) as error:
            attrs.evolve(
                example,
                safety_responses=(
                    *example.safety_responses,
                    attrs.evolve(example.safety_responses[0], survey="ukendt"),
                ),
                check_ins=(attrs.evolve(example.check_ins[0], mentorship="ingen"),),
                team_meetings=(
                    attrs.evolve(meeting, team="nope"),
                    *example.team_meetings[1:],
                ),
                plans=(attrs.evolve(example.plans[0], series="andet"),),
            )
        assert [(p.path, p.value) for p in error.value.problems] == [
            ("safety_responses.survey", "ukendt"),
            ("check_ins.mentorship", "ingen"),
            ("team_meetings.team", "nope"),
            ("plans.series", "andet"),
        ]

    def test_a_wrong_record_is_named_by_position(self, example: Workspace) -> None:
        """A value of the wrong type cannot be sorted, so its given position is kept."""
        with pytest.raises(InvalidDataError) as error:
            Workspace(roster=example.roster, goals=(example.goals[0], "goal"))  # type: ignore[arg-type]
        assert [p.path for p in error.value.problems] == ["goals[1]"]
