"""The goal lifecycle: draft → agreed → in progress → achieved, dropped or carried over."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import attrs
import pytest
from hypothesis import note, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, rule

from learnkit.exceptions import InvalidDataError, TransitionError
from learnkit.goals import (
    REFUSAL_REASONS,
    GoalStatus,
    LearningGoal,
    ProgressNote,
    achieve,
    add_note,
    agree,
    can_move,
    carry_over,
    drop,
    start,
)
from learnkit.goals._lifecycle import (
    CLOSE_BEFORE_AGREEMENT,
    CLOSE_BEFORE_START,
    CRITERION_MISSING,
    FINAL,
    NO_WAY_BACK,
    NOT_AGREED,
    NOT_DRAFT,
    NOT_IN_PROGRESS,
    NOTE_BEFORE_AGREEMENT,
    REASON_MISSING,
    START_BEFORE_AGREEMENT,
    TARGET_MISSING,
    TARGET_NOT_AFTER_AGREEMENT,
)
from learnkit.i18n import LOCALES, translate

D = dt.date
DAY = dt.timedelta(days=1)
BASE = D(2026, 1, 5)
S = GoalStatus


def draft(**changes: object) -> LearningGoal:
    """A SMART-enough draft due on 1 June 2026."""
    values: dict[str, object] = {
        "id": "g-1",
        "owner": "p01",
        "title": "Holde en fredagsfortælling om Kafka",
        "success_criterion": "Har holdt oplægget for mindst 20 kolleger",
        "target_date": D(2026, 6, 1),
    }
    values.update(changes)
    return LearningGoal(**values)  # type: ignore[arg-type]


def in_progress() -> LearningGoal:
    """The draft agreed on 5 January and started on 12 January."""
    return start(agree(draft(), on=BASE), on=BASE + 7 * DAY)


class TestTransitions:
    def test_the_happy_path(self) -> None:
        """A goal can be agreed, started and achieved, each date recorded."""
        goal = achieve(in_progress(), on=D(2026, 5, 20))
        assert goal.status is S.ACHIEVED
        assert (goal.agreed_on, goal.started_on, goal.closed_on) == (
            BASE,
            BASE + 7 * DAY,
            D(2026, 5, 20),
        )

    def test_agree_lists_every_unmet_rule(self) -> None:
        """Without criterion and target date, both reasons come at once."""
        with pytest.raises(TransitionError) as caught:
            agree(draft(success_criterion=" ", target_date=None), on=BASE)
        assert caught.value.reasons == (CRITERION_MISSING, TARGET_MISSING)
        assert (caught.value.subject, caught.value.source, caught.value.target) == (
            "goal g-1",
            "draft",
            "agreed",
        )

    def test_agree_needs_a_later_target(self) -> None:
        """The target date must be after the day of agreement."""
        with pytest.raises(TransitionError) as caught:
            agree(draft(target_date=BASE), on=BASE)
        assert caught.value.reasons == (TARGET_NOT_AFTER_AGREEMENT,)

    def test_only_drafts_are_agreed(self) -> None:
        """Agreeing twice is refused."""
        with pytest.raises(TransitionError) as caught:
            agree(agree(draft(), on=BASE), on=BASE)
        assert caught.value.reasons == (NOT_DRAFT,)

    def test_start_rules(self) -> None:
        """A draft cannot start, and an agreed goal not before its agreement."""
        assert can_move(draft(), S.IN_PROGRESS) == (NOT_AGREED,)
        with pytest.raises(TransitionError) as caught:
            start(agree(draft(), on=BASE), on=BASE - DAY)
        assert caught.value.reasons == (START_BEFORE_AGREEMENT,)

    def test_achieve_rules(self) -> None:
        """Only a goal in progress is achieved, not before its start."""
        assert can_move(agree(draft(), on=BASE), "achieved") == (NOT_IN_PROGRESS,)
        with pytest.raises(TransitionError) as caught:
            achieve(in_progress(), on=BASE)
        assert caught.value.reasons == (CLOSE_BEFORE_START,)

    def test_drop_needs_a_reason(self) -> None:
        """A blank reason and a date before the agreement are both reported."""
        with pytest.raises(TransitionError) as caught:
            drop(agree(draft(), on=BASE), on=BASE - DAY, reason="  ")
        assert caught.value.reasons == (CLOSE_BEFORE_AGREEMENT, REASON_MISSING)

    def test_drop_a_draft(self) -> None:
        """A draft may be dropped on any day; the reason is kept."""
        goal = drop(draft(), on=D(2020, 1, 1), reason="Skiftet team")
        assert (goal.status, goal.drop_reason, goal.agreed_on) == (S.DROPPED, "Skiftet team", None)

    def test_carry_over(self) -> None:
        """An unfinished goal is carried over and keeps its dates; then it is final."""
        goal = carry_over(in_progress(), on=D(2027, 1, 4))
        assert (goal.status, goal.started_on) == (S.CARRIED_OVER, BASE + 7 * DAY)
        assert can_move(goal, S.ACHIEVED) == (FINAL,)

    def test_no_way_back_to_draft(self) -> None:
        """Nothing returns to draft."""
        assert can_move(in_progress(), "draft") == (NO_WAY_BACK,)

    def test_bad_arguments_are_invalid_data(self) -> None:
        """Wrong types are bad data, not refused moves."""
        with pytest.raises(InvalidDataError):
            agree("g-1", on=BASE)  # type: ignore[arg-type]
        with pytest.raises(InvalidDataError):
            start(draft(), on=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
        with pytest.raises(InvalidDataError):
            can_move(draft(), "finished")
        with pytest.raises(InvalidDataError):
            drop(draft(), on=BASE, reason=None)  # type: ignore[arg-type]
        with pytest.raises(InvalidDataError):
            drop(draft(), on=BASE, reason="a\x07")


class TestNotes:
    def test_add_note(self) -> None:
        """A note is added and kept in date order; the status does not change."""
        goal = add_note(in_progress(), ProgressNote(D(2026, 2, 1), "Første udkast", "p01"))
        goal = add_note(goal, ProgressNote(D(2026, 1, 20), "Emne valgt", "p02"))
        assert [n.on for n in goal.notes] == [D(2026, 1, 20), D(2026, 2, 1)]
        assert goal.status is S.IN_PROGRESS

    def test_refused_notes(self) -> None:
        """A note on a final goal dated before its agreement gives both reasons."""
        final = carry_over(agree(draft(), on=BASE), on=BASE + DAY)
        with pytest.raises(TransitionError) as caught:
            add_note(final, ProgressNote(BASE - DAY, "x", "p01"))
        assert caught.value.reasons == (FINAL, NOTE_BEFORE_AGREEMENT)
        assert caught.value.source == caught.value.target == "carried_over"

    def test_a_note_must_be_a_note(self) -> None:
        """Anything but a ProgressNote is bad data."""
        with pytest.raises(InvalidDataError):
            add_note(draft(), "note")  # type: ignore[arg-type]


class TestRefusalTexts:
    @pytest.mark.parametrize("reason", REFUSAL_REASONS)
    def test_every_reason_is_a_sentence(self, reason: str) -> None:
        """Every refusal reason reads as a sentence in both languages."""
        for locale in LOCALES:
            text = translate(reason, locale)
            assert text[0].isupper()
            assert text.endswith((".", "?"))


# --- the stateful test ----------------------------------------------------------------

IDS = ("g-a", "g-b", "g-c")
offsets = st.integers(-5, 40)
texts = st.sampled_from(("", "  ", "Nye prioriteter", "Skiftet team"))


def expected_state(source: GoalStatus, target: GoalStatus) -> set[str]:
    """The state rule alone: which status may move where."""
    if source in (S.ACHIEVED, S.DROPPED, S.CARRIED_OVER):
        return {FINAL}
    needed = {S.AGREED: (S.DRAFT, NOT_DRAFT), S.IN_PROGRESS: (S.AGREED, NOT_AGREED)}
    needed[S.ACHIEVED] = (S.IN_PROGRESS, NOT_IN_PROGRESS)
    if target in needed and source is not needed[target][0]:
        return {needed[target][1]}
    return set()


def expected(goal: LearningGoal, target: GoalStatus, on: dt.date, reason: str | None) -> set[str]:
    """An independent model of the rules: every reason a move should be refused for."""
    reasons = expected_state(goal.status, target)
    if target is S.AGREED:
        if not goal.success_criterion.strip():
            reasons.add(CRITERION_MISSING)
        if goal.target_date is None:
            reasons.add(TARGET_MISSING)
        elif goal.target_date <= on:
            reasons.add(TARGET_NOT_AFTER_AGREEMENT)
    if target is S.IN_PROGRESS and goal.agreed_on is not None and on < goal.agreed_on:
        reasons.add(START_BEFORE_AGREEMENT)
    if target in (S.ACHIEVED, S.DROPPED, S.CARRIED_OVER):
        if goal.started_on is not None and on < goal.started_on:
            reasons.add(CLOSE_BEFORE_START)
        elif goal.agreed_on is not None and on < goal.agreed_on:
            reasons.add(CLOSE_BEFORE_AGREEMENT)
    if target is S.DROPPED and reason is not None and not reason.strip():
        reasons.add(REASON_MISSING)
    return reasons


MOVES: dict[GoalStatus, Callable[..., LearningGoal]] = {
    S.AGREED: agree,
    S.IN_PROGRESS: start,
    S.ACHIEVED: achieve,
    S.CARRIED_OVER: carry_over,
}


class GoalLifecycle(RuleBasedStateMachine):
    """Random goals and moves, valid and not, against an independent model of the rules."""

    goal_ids = Bundle("goal_ids")

    def __init__(self) -> None:
        super().__init__()
        self.goals: dict[str, LearningGoal] = {}
        self.finished: dict[str, LearningGoal] = {}

    @rule(
        target=goal_ids,
        index=st.integers(0, len(IDS) - 1),
        criterion=st.sampled_from(("", "Tre oplæg holdt")),
        target_day=st.none() | st.integers(-3, 30),
    )
    def create(self, index: int, criterion: str, target_day: int | None) -> str:
        goal_id = IDS[index]
        target = None if target_day is None else BASE + target_day * DAY
        self.goals[goal_id] = draft(id=goal_id, success_criterion=criterion, target_date=target)
        self.finished.pop(goal_id, None)
        return goal_id

    def reference(self, goal_id: str) -> dt.date:
        """The latest date on record, so offsets hit both sides of each rule."""
        goal = self.goals[goal_id]
        return goal.started_on or goal.agreed_on or BASE

    def attempt(self, goal_id: str, target: GoalStatus, on: dt.date, reason: str | None) -> None:
        old = self.goals[goal_id]
        before = attrs.evolve(old)
        arguments: dict[str, object] = {"on": on}
        if reason is not None:
            arguments["reason"] = reason
        guard = can_move(old, target, **arguments)  # type: ignore[arg-type]
        note(f"{goal_id} {old.status.value} -> {target.value} {arguments}: {guard}")
        assert set(guard) == expected(old, target, on, reason)
        assert len(set(guard)) == len(guard)
        move = drop if target is S.DROPPED else MOVES[target]
        if guard:
            with pytest.raises(TransitionError) as caught:
                move(old, **arguments)
            assert caught.value.reasons == guard
            assert (caught.value.source, caught.value.target) == (old.status.value, target.value)
            assert old == before
        else:
            new = move(old, **arguments)
            assert new.status is target
            assert (new.id, new.owner, new.title, new.notes) == (
                old.id,
                old.owner,
                old.title,
                old.notes,
            )
            self.goals[goal_id] = new
            if target.is_final:
                self.finished[goal_id] = new

    @rule(goal_id=goal_ids, offset=offsets)
    def agree(self, goal_id: str, offset: int) -> None:
        self.attempt(goal_id, S.AGREED, self.reference(goal_id) + offset * DAY, None)

    @rule(goal_id=goal_ids, offset=offsets)
    def start(self, goal_id: str, offset: int) -> None:
        self.attempt(goal_id, S.IN_PROGRESS, self.reference(goal_id) + offset * DAY, None)

    @rule(goal_id=goal_ids, offset=offsets)
    def achieve(self, goal_id: str, offset: int) -> None:
        self.attempt(goal_id, S.ACHIEVED, self.reference(goal_id) + offset * DAY, None)

    @rule(goal_id=goal_ids, offset=offsets, reason=texts)
    def drop(self, goal_id: str, offset: int, reason: str) -> None:
        self.attempt(goal_id, S.DROPPED, self.reference(goal_id) + offset * DAY, reason)

    @rule(goal_id=goal_ids, offset=offsets)
    def carry_over(self, goal_id: str, offset: int) -> None:
        self.attempt(goal_id, S.CARRIED_OVER, self.reference(goal_id) + offset * DAY, None)

    @rule(goal_id=goal_ids, offset=offsets)
    def add_note(self, goal_id: str, offset: int) -> None:
        old = self.goals[goal_id]
        progress = ProgressNote(self.reference(goal_id) + offset * DAY, "Status", "p01")
        refused = old.status.is_final or (old.agreed_on is not None and progress.on < old.agreed_on)
        if refused:
            with pytest.raises(TransitionError):
                add_note(old, progress)
        else:
            new = add_note(old, progress)
            assert progress in new.notes
            assert len(new.notes) == len(old.notes) + 1
            self.goals[goal_id] = new

    @rule(goal_id=goal_ids)
    def ask_about_every_target(self, goal_id: str) -> None:
        """Without arguments the guard answers from the state (and the goal's own fields)."""
        goal = self.goals[goal_id]
        answers = {target: can_move(goal, target) for target in GoalStatus}
        if goal.status.is_final:
            assert all(FINAL in reasons for reasons in answers.values())
        else:
            assert answers[S.DRAFT] == (NO_WAY_BACK,)
            assert answers[S.CARRIED_OVER] == ()
            assert (answers[S.IN_PROGRESS] == ()) == (goal.status is S.AGREED)
            assert (answers[S.ACHIEVED] == ()) == (goal.status is S.IN_PROGRESS)

    @invariant()
    def every_goal_validates(self) -> None:
        for goal in self.goals.values():
            assert attrs.evolve(goal) == goal

    @invariant()
    def final_goals_never_change(self) -> None:
        for goal_id, finished in self.finished.items():
            assert self.goals[goal_id] is finished


GoalLifecycle.TestCase.settings = settings(
    GoalLifecycle.TestCase.settings, stateful_step_count=25, max_examples=40
)
TestGoalLifecycle = GoalLifecycle.TestCase
