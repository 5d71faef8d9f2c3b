"""Learning goals as data: statuses, activities, notes and the whole-goal rules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit import serialize
from learnkit.exceptions import InvalidDataError
from learnkit.goals import (
    Activity,
    ActivityKind,
    ActivityMix,
    GoalStatus,
    LearningGoal,
    ProgressNote,
    activity_mix,
)
from learnkit.i18n import translate
from learnkit.strategies import _goals

D = dt.date


def paths(error: pytest.ExceptionInfo[InvalidDataError]) -> list[str]:
    """The problem paths of a caught error, in order."""
    return [problem.path for problem in error.value.problems]


class TestEnums:
    def test_final_statuses(self) -> None:
        """Achieved, dropped and carried-over goals are final; the others are not."""
        final = {status for status in GoalStatus if status.is_final}
        assert final == {GoalStatus.ACHIEVED, GoalStatus.DROPPED, GoalStatus.CARRIED_OVER}

    def test_active_statuses(self) -> None:
        """Agreed and in-progress goals are active."""
        active = {status for status in GoalStatus if status.is_active}
        assert active == {GoalStatus.AGREED, GoalStatus.IN_PROGRESS}

    def test_status_names_translate(self) -> None:
        """Every status has a name in both languages."""
        assert translate(GoalStatus.AGREED.text_key, "da") == "aftalt"
        assert translate(GoalStatus.CARRIED_OVER.text_key, "en") == "carried over"

    def test_seventy_twenty_ten(self) -> None:
        """The three activity kinds add up to the 70-20-10 model."""
        assert [kind.share for kind in ActivityKind] == [70, 20, 10]
        assert translate(ActivityKind.FROM_OTHERS.text_key, "da") == "læring fra andre"

    def test_values_are_accepted_for_members(self) -> None:
        """A status or kind may be given by its value, as documents store it."""
        assert Activity("formal", "Kursus").kind is ActivityKind.FORMAL
        goal = LearningGoal(id="g", owner="p", title="t", status="agreed", agreed_on=D(2026, 1, 5))
        assert goal.status is GoalStatus.AGREED

    def test_unknown_value_is_refused(self) -> None:
        """An unknown kind or status names the field."""
        with pytest.raises(InvalidDataError) as caught:
            Activity("reading", "Bog")
        assert paths(caught) == ["kind"]
        with pytest.raises(InvalidDataError) as caught:
            LearningGoal(id="g", owner="p", title="t", status="finished")  # type: ignore[arg-type]
        assert paths(caught) == ["status"]


class TestLearningGoal:
    def test_a_draft_needs_only_the_basics(self) -> None:
        """A draft has an id, an owner and a title, and every default is empty."""
        goal = LearningGoal(id="g-1", owner="p01", title="Holde oplæg")
        assert goal.status is GoalStatus.DRAFT
        assert (goal.agreed_on, goal.target_date, goal.notes, goal.last_note_on) == (
            None,
            None,
            (),
            None,
        )

    @pytest.mark.parametrize(
        ("status", "missing"),
        [
            (GoalStatus.AGREED, ["agreed_on"]),
            (GoalStatus.IN_PROGRESS, ["agreed_on", "started_on"]),
            (GoalStatus.ACHIEVED, ["agreed_on", "started_on", "closed_on"]),
            (GoalStatus.DROPPED, ["closed_on", "drop_reason"]),
            (GoalStatus.CARRIED_OVER, ["closed_on"]),
        ],
    )
    def test_each_status_needs_its_dates(self, status: GoalStatus, missing: list[str]) -> None:
        """Every missing date of the status is reported at once."""
        with pytest.raises(InvalidDataError) as caught:
            LearningGoal(id="g", owner="p", title="t", status=status)
        assert paths(caught) == missing

    def test_a_draft_has_no_dates(self) -> None:
        """Dates that the status does not have are refused, each by name."""
        with pytest.raises(InvalidDataError) as caught:
            LearningGoal(
                id="g",
                owner="p",
                title="t",
                agreed_on=D(2026, 1, 1),
                closed_on=D(2026, 2, 1),
                drop_reason="x",
            )
        assert paths(caught) == ["agreed_on", "closed_on", "drop_reason"]

    def test_dropped_goal_keeps_its_dates(self) -> None:
        """A goal dropped after it started keeps agreed_on and started_on."""
        goal = LearningGoal(
            id="g",
            owner="p",
            title="t",
            status=GoalStatus.DROPPED,
            agreed_on=D(2026, 1, 1),
            started_on=D(2026, 1, 2),
            closed_on=D(2026, 3, 1),
            drop_reason="Nye prioriteter",
        )
        assert goal.started_on == D(2026, 1, 2)

    def test_started_only_with_agreed(self) -> None:
        """A carried-over goal with a start must also have been agreed."""
        with pytest.raises(InvalidDataError) as caught:
            LearningGoal(
                id="g",
                owner="p",
                title="t",
                status=GoalStatus.CARRIED_OVER,
                started_on=D(2026, 1, 2),
                closed_on=D(2026, 3, 1),
            )
        assert paths(caught) == ["started_on"]

    def test_dates_in_order(self) -> None:
        """Start before agreement and close before start are both reported."""
        with pytest.raises(InvalidDataError) as caught:
            LearningGoal(
                id="g",
                owner="p",
                title="t",
                status=GoalStatus.ACHIEVED,
                agreed_on=D(2026, 3, 1),
                started_on=D(2026, 2, 1),
                closed_on=D(2026, 1, 1),
            )
        assert paths(caught) == ["started_on", "closed_on"]

    def test_close_before_agreement(self) -> None:
        """A goal cannot close before it was agreed."""
        with pytest.raises(InvalidDataError) as caught:
            LearningGoal(
                id="g",
                owner="p",
                title="t",
                status=GoalStatus.CARRIED_OVER,
                agreed_on=D(2026, 3, 1),
                closed_on=D(2026, 1, 1),
            )
        assert paths(caught) == ["closed_on"]

    def test_not_carried_from_itself_and_unique_skills(self) -> None:
        """A goal does not continue itself, and a skill is listed once."""
        with pytest.raises(InvalidDataError) as caught:
            LearningGoal(id="g", owner="p", title="t", carried_from="g", skills=["sql", "sql"])
        assert paths(caught) == ["carried_from", "skills[sql]"]

    def test_free_text_refuses_control_characters(self) -> None:
        """Optional texts may be empty but not hold control characters."""
        assert LearningGoal(id="g", owner="p", title="t", why="").why == ""
        with pytest.raises(InvalidDataError) as caught:
            LearningGoal(id="g", owner="p", title="t", why="a\x00b")
        assert paths(caught) == ["why"]
        with pytest.raises(InvalidDataError) as caught:
            LearningGoal(id="g", owner="p", title="t", role=5)  # type: ignore[arg-type]
        assert paths(caught) == ["role"]

    def test_collections_are_canonical(self) -> None:
        """Activities, notes and skills in any order make equal goals."""
        notes = [ProgressNote(D(2026, 2, 1), "b", "p"), ProgressNote(D(2026, 1, 1), "a", "p")]
        acts = [Activity(ActivityKind.FORMAL, "Kursus"), Activity(ActivityKind.ON_THE_JOB, "Pair")]
        one = LearningGoal(
            id="g", owner="p", title="t", notes=notes, activities=acts, skills=["sql", "api"]
        )
        two = LearningGoal(
            id="g",
            owner="p",
            title="t",
            notes=notes[::-1],
            activities=acts[::-1],
            skills=["api", "sql"],
        )
        assert one == two
        assert one.last_note_on == D(2026, 2, 1)
        assert one.skills == ("api", "sql")

    @given(_goals.learning_goals())
    def test_generated_goals_validate_again(self, goal: LearningGoal) -> None:
        """Every generated goal passes its own checks once more."""
        assert attrs.evolve(goal) == goal


class TestSerialization:
    @pytest.mark.parametrize(
        ("kind", "factory"), _goals.FACTORIES, ids=[kind.__name__ for kind, _ in _goals.FACTORIES]
    )
    def test_every_type_round_trips(
        self, kind: type, factory: Callable[[], st.SearchStrategy[Any]]
    ) -> None:
        """Every public goals type survives JSON unchanged."""

        @settings(max_examples=4)
        @given(factory())
        def round_trip(value: object) -> None:
            assert type(value) is kind
            assert serialize.from_json(serialize.to_json(value), kind) == value

        round_trip()

    def test_status_is_stored_by_value(self) -> None:
        """A document stores the status and kinds by their lower-case values."""
        goal = LearningGoal(
            id="g",
            owner="p",
            title="t",
            status=GoalStatus.AGREED,
            agreed_on=D(2026, 1, 5),
            activities=[Activity(ActivityKind.ON_THE_JOB, "Pair")],
        )
        text = serialize.to_json(goal)
        assert '"agreed"' in text
        assert '"on_the_job"' in text


class TestActivityMix:
    def test_counts_active_goals(self) -> None:
        """Only active goals count by default; every kind is counted and shared."""
        acts = [
            Activity(ActivityKind.ON_THE_JOB, "Pair"),
            Activity(ActivityKind.ON_THE_JOB, "Mob"),
            Activity(ActivityKind.FORMAL, "Kursus"),
            Activity(ActivityKind.FROM_OTHERS, "Mentor"),
        ]
        agreed = LearningGoal(
            id="g-1",
            owner="p",
            title="t",
            status=GoalStatus.AGREED,
            agreed_on=D(2026, 1, 5),
            activities=acts,
        )
        draft = LearningGoal(id="g-2", owner="p", title="t", activities=acts[:1])
        mix = activity_mix([draft, agreed])
        assert (mix.on_the_job, mix.from_others, mix.formal, mix.goals) == (2, 1, 1, ("g-1",))
        assert mix.total == 4
        assert mix.share(ActivityKind.ON_THE_JOB) == 50.0
        assert mix.gap(ActivityKind.ON_THE_JOB) == -20.0
        assert mix.gap(ActivityKind.FORMAL) == 15.0
        everything = activity_mix([agreed, draft], active_only=False)
        assert (everything.on_the_job, everything.goals) == (3, ("g-1", "g-2"))

    def test_nothing_planned(self) -> None:
        """With nothing planned every share is 0 and every gap the model's share, negated."""
        mix = activity_mix([])
        assert mix == ActivityMix()
        assert [mix.gap(kind) for kind in ActivityKind] == [-70.0, -20.0, -10.0]

    def test_bad_input(self) -> None:
        """Anything but goals, or a goal given twice, is bad data."""
        goal = LearningGoal(id="g-1", owner="p", title="t")
        with pytest.raises(InvalidDataError) as caught:
            activity_mix(["g-1"])  # type: ignore[list-item]
        assert paths(caught) == ["goals[0]"]
        with pytest.raises(InvalidDataError) as caught:
            activity_mix([goal, goal])
        assert paths(caught) == ["goals[id=g-1].id"]
        for bad in (None, "g-1", 7):
            with pytest.raises(InvalidDataError) as caught:
                activity_mix(bad)  # type: ignore[arg-type]
            assert paths(caught) == ["goals"]
        with pytest.raises(InvalidDataError) as caught:
            activity_mix([goal, 3, goal], active_only="yes")  # type: ignore[list-item, arg-type]
        assert paths(caught) == ["goals[1]", "active_only", "goals[id=g-1].id"]

    @given(st.lists(_goals.learning_goals(max_notes=0), max_size=5, unique_by=lambda g: g.id))
    def test_counts_add_up(self, goals: list[LearningGoal]) -> None:
        """The kinds add up to every activity of the counted goals, in any order."""
        mix = activity_mix(goals, active_only=False)
        assert mix.total == sum(len(g.activities) for g in goals)
        assert activity_mix(goals[::-1], active_only=False) == mix
        if mix.total:
            assert sum(mix.share(kind) for kind in ActivityKind) == pytest.approx(100)
