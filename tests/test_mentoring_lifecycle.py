"""The mentorship lifecycle (proposed → active → ended or cancelled) and its check-ins."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable

import attrs
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, note
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    invariant,
    multiple,
    rule,
)

from learnkit import _catalogue_da, _catalogue_en
from learnkit.exceptions import InvalidDataError, OutOfRangeError, Problem, TransitionError
from learnkit.mentoring._lifecycle import (
    CANCEL_BEFORE_PROPOSAL,
    CANCEL_BEFORE_START,
    DEFAULT_PLANNED_MONTHS,
    END_BEFORE_START,
    FINAL,
    NO_WAY_BACK,
    NOT_ACTIVE,
    NOT_PROPOSED,
    PLANNED_END_NOT_AFTER_START,
    REASON_MISSING,
    REFLECTION_MISSING,
    REFUSAL_REASONS,
    START_BEFORE_PROPOSAL,
    CheckIn,
    CheckInCadence,
    DueCheckIn,
    Mentorship,
    MentorshipStatus,
    activate,
    can_move,
    cancel,
    check_in_dates,
    check_ins_due,
    end,
    propose,
)
from learnkit.time import Calendar, Holiday

D = dt.date
DAY = dt.timedelta(days=1)
PROPOSED = MentorshipStatus.PROPOSED
ACTIVE = MentorshipStatus.ACTIVE
ENDED = MentorshipStatus.ENDED
CANCELLED = MentorshipStatus.CANCELLED

WORKING_WEEK = Calendar()
# 2026: Skærtorsdag 2 April to 2. påskedag 6 April, and 2. pinsedag 25 May.
DANISH_SPRING_2026 = Calendar(
    holidays=[
        Holiday(D(2026, 4, 2), "Skærtorsdag"),
        Holiday(D(2026, 4, 3), "Langfredag"),
        Holiday(D(2026, 4, 5), "Påskedag"),
        Holiday(D(2026, 4, 6), "2. påskedag"),
        Holiday(D(2026, 5, 14), "Kristi himmelfartsdag"),
        Holiday(D(2026, 5, 24), "Pinsedag"),
        Holiday(D(2026, 5, 25), "2. pinsedag"),
    ]
)


PROPOSED_ON = D(2026, 3, 2)
STARTED_ON = D(2026, 3, 9)


def proposal(on: dt.date = PROPOSED_ON) -> Mentorship:
    """A proposed mentorship m-1 of p07 for p41."""
    return propose("m-1", mentor="p07", mentee="p41", on=on)


def active(start: dt.date = STARTED_ON, planned_end: dt.date | None = None) -> Mentorship:
    """m-1, proposed a week before ``start`` and active since."""
    return activate(proposal(start - 7 * DAY), on=start, planned_end=planned_end)


def refusal(move: Callable[[], object]) -> TransitionError:
    """The TransitionError ``move`` raises."""
    with pytest.raises(TransitionError) as caught:
        move()
    return caught.value


def paths(error: pytest.ExceptionInfo[InvalidDataError]) -> list[str]:
    """The path of every problem, in order."""
    return [problem.path for problem in error.value.problems]


class TestMentorshipStatus:
    def test_values_are_lower_case_names(self) -> None:
        """Documents store the status by its lower-case name."""
        assert [status.value for status in MentorshipStatus] == [
            "proposed",
            "active",
            "ended",
            "cancelled",
        ]

    def test_ended_and_cancelled_are_final(self) -> None:
        """Only ended and cancelled mentorships are final."""
        assert [status.is_final for status in MentorshipStatus] == [False, False, True, True]

    def test_each_status_has_a_text_key(self) -> None:
        """A status' name is shown through the catalogues, by key."""
        assert ACTIVE.text_key == "mentorship.status.active"


class TestMentorship:
    def test_a_proposal_needs_only_its_date(self) -> None:
        """A proposed mentorship is the default status and has no other dates."""
        mentorship = Mentorship(id="m", mentor="a", mentee="b", proposed_on=D(2026, 1, 5))
        assert mentorship.status is PROPOSED
        assert mentorship.started_on is None

    def test_status_may_be_given_by_name(self) -> None:
        """``"active"`` is read as MentorshipStatus.ACTIVE."""
        mentorship = Mentorship(
            id="m",
            mentor="a",
            mentee="b",
            status="active",
            proposed_on=D(2026, 1, 5),
            started_on=D(2026, 1, 5),
            planned_end=D(2026, 7, 5),
        )
        assert mentorship.status is ACTIVE

    def test_unknown_status_is_refused(self) -> None:
        """A status that does not exist is named."""
        with pytest.raises(InvalidDataError) as caught:
            Mentorship(id="m", mentor="a", mentee="b", status="paused", proposed_on=D(2026, 1, 5))
        assert caught.value.problems == (Problem("status", "paused", "must be MentorshipStatus"),)

    def test_nobody_mentors_themselves(self) -> None:
        """Mentor and mentee must be two people."""
        with pytest.raises(InvalidDataError) as caught:
            Mentorship(id="m", mentor="a", mentee="a", proposed_on=D(2026, 1, 5))
        assert caught.value.problems == (Problem("mentee", "a", "must not be the mentor"),)

    def test_missing_fields_of_a_state_are_all_named(self) -> None:
        """An ended mentorship without its dates and reflection lists each missing field."""
        with pytest.raises(InvalidDataError) as caught:
            Mentorship(id="m", mentor="a", mentee="b", status=ENDED, proposed_on=D(2026, 1, 5))
        assert paths(caught) == ["started_on", "planned_end", "ended_on", "reflection"]
        assert {p.message for p in caught.value.problems} == {
            "is required when the status is 'ended'"
        }

    def test_fields_of_other_states_are_refused(self) -> None:
        """A proposal may not carry an end, a reflection or a cancellation."""
        with pytest.raises(InvalidDataError) as caught:
            Mentorship(
                id="m",
                mentor="a",
                mentee="a",
                proposed_on=D(2026, 1, 5),
                ended_on=D(2026, 2, 1),
                reflection="Godt",
                cancelled_on=D(2026, 2, 1),
            )
        assert paths(caught) == ["mentee", "ended_on", "reflection", "cancelled_on"]

    def test_active_may_not_carry_a_reflection(self) -> None:
        """The reflection belongs to the end, not to an active mentorship."""
        with pytest.raises(InvalidDataError) as caught:
            attrs.evolve(active(), reflection="For tidligt")
        assert caught.value.problems == (
            Problem("reflection", "For tidligt", "must not be set when the status is 'active'"),
        )

    def test_cancelled_keeps_both_start_dates_or_neither(self) -> None:
        """A cancelled mentorship had started (start and planned end) or had not."""
        cancelled = cancel(active(), on=D(2026, 4, 1), reason="Flytter")
        with pytest.raises(InvalidDataError) as caught:
            attrs.evolve(cancelled, planned_end=None)
        assert paths(caught) == ["planned_end"]
        assert attrs.evolve(cancelled, started_on=None, planned_end=None).started_on is None

    def test_dates_out_of_order_are_all_named(self) -> None:
        """Start before proposal, planned end not after start and end before start at once."""
        with pytest.raises(InvalidDataError) as caught:
            Mentorship(
                id="m",
                mentor="a",
                mentee="b",
                status=ENDED,
                proposed_on=D(2026, 3, 1),
                started_on=D(2026, 2, 1),
                planned_end=D(2026, 2, 1),
                ended_on=D(2026, 1, 31),
                reflection="Vi lærte meget",
            )
        assert caught.value.problems == (
            Problem("started_on", D(2026, 2, 1), "must not be before proposed_on (2026-03-01)"),
            Problem("planned_end", D(2026, 2, 1), "must be after started_on (2026-02-01)"),
            Problem("ended_on", D(2026, 1, 31), "must not be before started_on (2026-02-01)"),
        )

    @pytest.mark.parametrize(
        ("started", "bound"),
        [(None, "proposed_on (2026-03-01)"), (D(2026, 3, 10), "started_on (2026-03-10)")],
    )
    def test_cancelled_not_before_proposal_or_start(
        self, started: dt.date | None, bound: str
    ) -> None:
        """A cancellation cannot predate the latest date on record."""
        with pytest.raises(InvalidDataError) as caught:
            Mentorship(
                id="m",
                mentor="a",
                mentee="b",
                status=CANCELLED,
                proposed_on=D(2026, 3, 1),
                started_on=started,
                planned_end=None if started is None else started + 90 * DAY,
                cancelled_on=D(2026, 2, 27),
                cancel_reason="Omstrukturering",
            )
        assert caught.value.problems == (
            Problem("cancelled_on", D(2026, 2, 27), f"must not be before {bound}"),
        )

    def test_blank_reflection_is_refused_by_the_value(self) -> None:
        """The value itself refuses a blank reflection."""
        ended = end(active(), on=D(2026, 6, 1), reflection="Tak")
        with pytest.raises(InvalidDataError) as caught:
            attrs.evolve(ended, reflection="  ")
        assert paths(caught) == ["reflection"]


class TestPropose:
    def test_proposes(self) -> None:
        """A proposal has the people, the date and nothing else."""
        mentorship = proposal()
        assert (mentorship.mentor, mentorship.mentee, mentorship.status) == ("p07", "p41", PROPOSED)
        assert mentorship.proposed_on == D(2026, 3, 2)

    def test_self_and_bad_date_are_refused(self) -> None:
        """Proposing builds a value, so bad input is InvalidDataError."""
        with pytest.raises(InvalidDataError) as caught:
            propose("m", mentor="a", mentee="a", on=D(2026, 1, 5))
        assert paths(caught) == ["mentee"]
        with pytest.raises(InvalidDataError) as caught:
            propose("m", mentor="a", mentee="b", on="2026-01-05")  # type: ignore[arg-type]
        assert paths(caught) == ["on"]


class TestActivate:
    def test_default_planned_end_is_six_months(self) -> None:
        """Without a planned end the mentorship is agreed for six calendar months."""
        assert DEFAULT_PLANNED_MONTHS == 6
        assert active(D(2026, 3, 9)).planned_end == D(2026, 9, 9)
        late_august = activate(proposal(D(2026, 8, 1)), on=D(2026, 8, 31))
        assert late_august.planned_end == D(2027, 2, 28)

    def test_explicit_planned_end(self) -> None:
        """The agreed end is kept as given."""
        mentorship = activate(proposal(), on=D(2026, 3, 2), planned_end=D(2026, 3, 3))
        assert (mentorship.status, mentorship.started_on, mentorship.planned_end) == (
            ACTIVE,
            D(2026, 3, 2),
            D(2026, 3, 3),
        )

    def test_every_unmet_rule_is_listed(self) -> None:
        """Starting before the proposal with a planned end before the start breaks two rules."""
        error = refusal(lambda: activate(proposal(), on=D(2026, 3, 1), planned_end=D(2026, 3, 1)))
        assert error.reasons == (START_BEFORE_PROPOSAL, PLANNED_END_NOT_AFTER_START)
        assert (error.subject, error.source, error.target) == (
            "mentorship m-1",
            "proposed",
            "active",
        )

    def test_only_a_proposal_starts(self) -> None:
        """An active mentorship cannot start again; a final one cannot change."""
        assert refusal(lambda: activate(active(), on=D(2026, 4, 1))).reasons == (NOT_PROPOSED,)
        cancelled = cancel(proposal(), on=D(2026, 3, 2), reason="Nej tak")
        assert refusal(lambda: activate(cancelled, on=D(2026, 4, 1))).reasons == (FINAL,)

    def test_bad_arguments_are_invalid_data(self) -> None:
        """A date that is not a date is bad data, not a refused move."""
        with pytest.raises(InvalidDataError) as caught:
            activate(proposal(), on=dt.datetime(2026, 3, 2, 9, 0))  # type: ignore[arg-type]
        assert paths(caught) == ["on"]
        with pytest.raises(InvalidDataError) as caught:
            activate(proposal(), on=D(2026, 3, 2), planned_end="2026-09-01")  # type: ignore[arg-type]
        assert paths(caught) == ["planned_end"]
        with pytest.raises(InvalidDataError) as caught:
            activate("m-1", on=D(2026, 3, 2))  # type: ignore[arg-type]
        assert paths(caught) == ["mentorship"]


class TestEnd:
    def test_ends_with_a_reflection(self) -> None:
        """Ending keeps the start and planned end and adds the day and the reflection."""
        ended = end(active(), on=D(2026, 9, 1), reflection="Jeg tør nu sige fra i møder.")
        assert ended.status is ENDED
        assert (ended.started_on, ended.planned_end, ended.ended_on) == (
            D(2026, 3, 9),
            D(2026, 9, 9),
            D(2026, 9, 1),
        )
        assert ended.reflection == "Jeg tør nu sige fra i møder."

    @pytest.mark.parametrize("day", [D(2026, 3, 9), D(2026, 4, 1), D(2027, 1, 15)])
    def test_may_end_early_or_late(self, day: dt.date) -> None:
        """The planned end is an agreement, not a deadline: any day from the start will do."""
        assert end(active(), on=day, reflection="Tak for nu").ended_on == day

    @pytest.mark.parametrize("reflection", ["", "   ", "\n\t", None])
    def test_reflection_is_required(self, reflection: str | None) -> None:
        """A blank or missing reflection is a refused move, listed with the other rules."""
        error = refusal(lambda: end(active(), on=D(2026, 3, 8), reflection=reflection))  # type: ignore[arg-type]
        assert error.reasons == (END_BEFORE_START, REFLECTION_MISSING)

    def test_only_an_active_mentorship_ends(self) -> None:
        """A proposal has not started; an ended one is final."""
        assert refusal(lambda: end(proposal(), on=D(2026, 4, 1), reflection="x")).reasons == (
            NOT_ACTIVE,
        )
        ended = end(active(), on=D(2026, 5, 1), reflection="Godt")
        assert refusal(lambda: end(ended, on=D(2026, 6, 1), reflection="Igen")).reasons == (FINAL,)

    @pytest.mark.parametrize(
        ("reflection", "message"),
        [(42, "must be a string"), ("Godt\x00", "must not contain control characters")],
    )
    def test_reflection_that_cannot_exist_is_invalid_data(
        self, reflection: object, message: str
    ) -> None:
        """Text that could never be stored is InvalidDataError naming the argument."""
        with pytest.raises(InvalidDataError) as caught:
            end(active(), on=D(2026, 5, 1), reflection=reflection)  # type: ignore[arg-type]
        assert caught.value.problems == (Problem("reflection", reflection, message),)


class TestCancel:
    def test_cancels_a_proposal(self) -> None:
        """A proposal can be cancelled, with its reason, on the day it was proposed."""
        cancelled = cancel(proposal(), on=D(2026, 3, 2), reason="Mentor på orlov")
        assert (cancelled.status, cancelled.cancelled_on, cancelled.cancel_reason) == (
            CANCELLED,
            D(2026, 3, 2),
            "Mentor på orlov",
        )
        assert cancelled.started_on is None

    def test_cancelling_an_active_mentorship_keeps_its_start(self) -> None:
        """The start and the agreed end stay on record."""
        cancelled = cancel(active(), on=D(2026, 4, 1), reason="Ny stilling")
        assert (cancelled.started_on, cancelled.planned_end) == (D(2026, 3, 9), D(2026, 9, 9))

    def test_not_before_the_proposal_or_the_start(self) -> None:
        """The day must not precede the proposal (or the start, once started)."""
        assert refusal(lambda: cancel(proposal(), on=D(2026, 3, 1), reason=" ")).reasons == (
            CANCEL_BEFORE_PROPOSAL,
            REASON_MISSING,
        )
        assert refusal(lambda: cancel(active(), on=D(2026, 3, 8), reason="x")).reasons == (
            CANCEL_BEFORE_START,
        )

    def test_final_mentorships_are_never_cancelled(self) -> None:
        """Ended and cancelled are final."""
        ended = end(active(), on=D(2026, 5, 1), reflection="Godt")
        cancelled = cancel(proposal(), on=D(2026, 3, 2), reason="Nej")
        for final in (ended, cancelled):
            error = refusal(lambda final=final: cancel(final, on=D(2026, 6, 1), reason="Igen"))
            assert error.reasons == (FINAL,)
            assert error.source == final.status.value

    def test_reason_that_cannot_exist_is_invalid_data(self) -> None:
        """A reason that is not text is named."""
        with pytest.raises(InvalidDataError) as caught:
            cancel(proposal(), on=D(2026, 3, 2), reason=["x"])  # type: ignore[arg-type]
        assert paths(caught) == ["reason"]


class TestCanMove:
    def test_omitted_arguments_are_not_checked(self) -> None:
        """Without arguments only the state is asked about: buttons before the form."""
        mentorship = active()
        assert can_move(mentorship, ENDED) == ()
        assert can_move(mentorship, CANCELLED) == ()
        assert can_move(mentorship, ACTIVE) == (NOT_PROPOSED,)
        assert can_move(mentorship, ENDED, reflection="") == (REFLECTION_MISSING,)

    def test_one_set_of_arguments_for_every_target(self) -> None:
        """Arguments that do not concern a target are ignored."""
        arguments = {"on": D(2026, 3, 20), "reflection": "", "reason": "Skifter job"}
        answers = {
            target.value: can_move(active(), target, **arguments) for target in MentorshipStatus
        }
        assert answers == {
            "proposed": (NO_WAY_BACK,),
            "active": (NOT_PROPOSED,),
            "ended": (REFLECTION_MISSING,),
            "cancelled": (),
        }

    def test_final_mentorships_refuse_every_target(self) -> None:
        """Nothing follows an end or a cancellation."""
        ended = end(active(), on=D(2026, 5, 1), reflection="Godt")
        assert {target: can_move(ended, target) for target in MentorshipStatus} == dict.fromkeys(
            MentorshipStatus, (FINAL,)
        )

    def test_default_planned_end_is_always_after_the_start(self) -> None:
        """Without a planned end, activation is checked against the six-month default."""
        assert can_move(proposal(), ACTIVE, on=D(2026, 3, 2)) == ()
        assert can_move(proposal(), "active", on=D(2026, 3, 2), planned_end=D(2026, 3, 2)) == (
            PLANNED_END_NOT_AFTER_START,
        )

    def test_target_must_be_a_status(self) -> None:
        """An unknown target is named, with the choices."""
        with pytest.raises(InvalidDataError) as caught:
            can_move(proposal(), "paused")
        assert caught.value.problems == (
            Problem(
                "target",
                "paused",
                "must be a MentorshipStatus or one of 'proposed', 'active', 'ended', 'cancelled'",
            ),
        )

    def test_bad_argument_types_raise_as_the_transition_does(self) -> None:
        """The guard refuses the same bad data as the move."""
        for kwargs in (
            {"on": "2026-03-20"},
            {"planned_end": 5},
            {"reason": 5},
            {"reflection": b"x"},
        ):
            with pytest.raises(InvalidDataError):
                can_move(active(), CANCELLED, **kwargs)  # type: ignore[arg-type]


class TestRefusalTexts:
    def test_reasons_and_statuses_are_catalogue_keys(self) -> None:
        """Every reason and status name is a key in both catalogues, without placeholders."""
        assert len(set(REFUSAL_REASONS)) == len(REFUSAL_REASONS) == 11
        for key in (*REFUSAL_REASONS, *(status.text_key for status in MentorshipStatus)):
            for catalogue in (_catalogue_da.CATALOGUE, _catalogue_en.CATALOGUE):
                assert key in catalogue, key
                assert "{" not in catalogue[key], key


# --- the lifecycle, stateful ---------------------------------------------------------

PEOPLE = ("p07", "p41", "Mette Sørensen")
BASE = D(2026, 1, 5)
texts = st.sampled_from(["", " ", "\n", "Vi lærte at parprogrammere.", "Flytter til Aarhus"]) | (
    st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=12)
)
offsets = st.integers(-20, 300)


def expected_activate(old: Mentorship, on: dt.date, planned_end: dt.date | None) -> set[str]:
    """The rules activation breaks, written out independently of the module."""
    broken = set()
    if old.status in (ENDED, CANCELLED):
        broken.add(FINAL)
    elif old.status is not PROPOSED:
        broken.add(NOT_PROPOSED)
    if on < old.proposed_on:
        broken.add(START_BEFORE_PROPOSAL)
    if (planned_end or on + relativedelta(months=6)) <= on:
        broken.add(PLANNED_END_NOT_AFTER_START)
    return broken


def expected_end(old: Mentorship, on: dt.date, reflection: str) -> set[str]:
    """The rules ending breaks."""
    broken = set()
    if old.status in (ENDED, CANCELLED):
        broken.add(FINAL)
    elif old.status is not ACTIVE:
        broken.add(NOT_ACTIVE)
    if old.started_on is not None and on < old.started_on:
        broken.add(END_BEFORE_START)
    if reflection.strip() == "":
        broken.add(REFLECTION_MISSING)
    return broken


def expected_cancel(old: Mentorship, on: dt.date, reason: str) -> set[str]:
    """The rules cancelling breaks."""
    broken = set()
    if old.status in (ENDED, CANCELLED):
        broken.add(FINAL)
    if old.started_on is not None:
        if on < old.started_on:
            broken.add(CANCEL_BEFORE_START)
    elif on < old.proposed_on:
        broken.add(CANCEL_BEFORE_PROPOSAL)
    if reason.strip() == "":
        broken.add(REASON_MISSING)
    return broken


class MentorshipLifecycle(RuleBasedStateMachine):
    """Random proposals and moves, valid and not, against an independent model of the rules."""

    ids = Bundle("ids")

    def __init__(self) -> None:
        super().__init__()
        self.current: dict[str, Mentorship] = {}
        self.finished: dict[str, Mentorship] = {}

    def reference(self, mentorship_id: str) -> dt.date:
        """The latest date on record, so offsets around it hit both sides of each rule."""
        old = self.current[mentorship_id]
        return old.started_on or old.proposed_on

    @rule(
        target=ids,
        mentor=st.sampled_from(PEOPLE),
        mentee=st.sampled_from(PEOPLE),
        day=st.integers(0, 400),
    )
    def propose(self, mentor: str, mentee: str, day: int) -> object:
        mentorship_id = f"m-{len(self.current)}"
        on = BASE + day * DAY
        if mentor == mentee:
            with pytest.raises(InvalidDataError) as caught:
                propose(mentorship_id, mentor=mentor, mentee=mentee, on=on)
            assert paths(caught) == ["mentee"]
            return multiple()
        mentorship = propose(mentorship_id, mentor=mentor, mentee=mentee, on=on)
        assert (mentorship.status, mentorship.proposed_on) == (PROPOSED, on)
        self.current[mentorship_id] = mentorship
        return mentorship_id

    def attempt(
        self,
        mentorship_id: str,
        target: MentorshipStatus,
        move: Callable[..., Mentorship],
        expected: set[str],
        **arguments: object,
    ) -> None:
        old = self.current[mentorship_id]
        before = attrs.evolve(old)
        guard = can_move(old, target, **arguments)  # type: ignore[arg-type]
        note(f"{target.value} {arguments}: {guard}")
        assert set(guard) == expected
        assert len(set(guard)) == len(guard)
        if guard:
            with pytest.raises(TransitionError) as caught:
                move(old, **arguments)
            assert caught.value.reasons == guard
            assert (caught.value.subject, caught.value.source, caught.value.target) == (
                f"mentorship {mentorship_id}",
                old.status.value,
                target.value,
            )
            assert old == before  # the old value is untouched and still usable
            assert can_move(old, target, **arguments) == guard  # type: ignore[arg-type]
        else:
            new = move(old, **arguments)  # can_move allowed it, so it must not raise
            assert not old.status.is_final
            assert new.status is target
            assert (new.id, new.mentor, new.mentee, new.proposed_on) == (
                old.id,
                old.mentor,
                old.mentee,
                old.proposed_on,
            )
            self.current[mentorship_id] = new
            if target.is_final:
                self.finished[mentorship_id] = new

    @rule(
        mentorship_id=ids,
        offset=offsets,
        length=st.none() | st.integers(-20, 400),
    )
    def activate(self, mentorship_id: str, offset: int, length: int | None) -> None:
        on = self.reference(mentorship_id) + offset * DAY
        planned_end = None if length is None else on + length * DAY
        old = self.current[mentorship_id]
        self.attempt(
            mentorship_id,
            ACTIVE,
            activate,
            expected_activate(old, on, planned_end),
            on=on,
            planned_end=planned_end,
        )

    @rule(mentorship_id=ids, offset=offsets, reflection=texts)
    def end(self, mentorship_id: str, offset: int, reflection: str) -> None:
        on = self.reference(mentorship_id) + offset * DAY
        old = self.current[mentorship_id]
        self.attempt(
            mentorship_id,
            ENDED,
            end,
            expected_end(old, on, reflection),
            on=on,
            reflection=reflection,
        )

    @rule(mentorship_id=ids, offset=offsets, reason=texts)
    def cancel(self, mentorship_id: str, offset: int, reason: str) -> None:
        on = self.reference(mentorship_id) + offset * DAY
        old = self.current[mentorship_id]
        self.attempt(
            mentorship_id,
            CANCELLED,
            cancel,
            expected_cancel(old, on, reason),
            on=on,
            reason=reason,
        )

    @rule(mentorship_id=ids)
    def ask_about_every_target(self, mentorship_id: str) -> None:
        """Without arguments the guard answers from the state alone."""
        status = self.current[mentorship_id].status
        answers = {t: can_move(self.current[mentorship_id], t) for t in MentorshipStatus}
        if status.is_final:
            assert set(answers.values()) == {(FINAL,)}
        else:
            assert answers[PROPOSED] == (NO_WAY_BACK,)
            assert answers[CANCELLED] == ()
            assert (answers[ACTIVE] == ()) == (status is PROPOSED)
            assert (answers[ENDED] == ()) == (status is ACTIVE)

    @invariant()
    def every_value_validates(self) -> None:
        for mentorship in self.current.values():
            assert attrs.evolve(mentorship) == mentorship  # evolve runs every check again

    @invariant()
    def final_states_never_change(self) -> None:
        for mentorship_id, finished in self.finished.items():
            assert self.current[mentorship_id] is finished
            assert finished.status.is_final


TestMentorshipLifecycle = MentorshipLifecycle.TestCase


# --- check-ins -----------------------------------------------------------------------


class TestCheckInCadence:
    def test_default_is_fortnightly_then_monthly(self) -> None:
        """Every 14 days for three months, then every month."""
        cadence = CheckInCadence()
        assert (
            cadence.early_interval_days,
            cadence.early_phase_months,
            cadence.later_interval_months,
        ) == (14, 3, 1)

    def test_nominal_dates_of_six_months(self) -> None:
        """Six fortnightly dates, then monthly from the last of them, up to the planned end."""
        start = D(2026, 3, 9)
        assert CheckInCadence().nominal_dates(start, D(2026, 9, 9)) == (
            D(2026, 3, 23),
            D(2026, 4, 6),
            D(2026, 4, 20),
            D(2026, 5, 4),
            D(2026, 5, 18),
            D(2026, 6, 1),
            D(2026, 7, 1),
            D(2026, 8, 1),
            D(2026, 9, 1),
        )

    def test_months_do_not_drift(self) -> None:
        """Months count from the anchor: 31 Jan, 28 Feb, 31 Mar, not 28 Mar."""
        cadence = CheckInCadence(early_phase_months=0)
        assert cadence.nominal_dates(D(2026, 12, 31), D(2027, 3, 31)) == (
            D(2027, 1, 31),
            D(2027, 2, 28),
            D(2027, 3, 31),
        )

    def test_planned_end_is_included(self) -> None:
        """A nominal date on the planned end counts; nothing after it."""
        cadence = CheckInCadence()
        assert cadence.nominal_dates(D(2026, 3, 9), D(2026, 3, 23)) == (D(2026, 3, 23),)
        assert cadence.nominal_dates(D(2026, 3, 9), D(2026, 3, 22)) == ()

    def test_out_of_range_values_are_named(self) -> None:
        """Intervals must be positive; the phase may be zero."""
        with pytest.raises(InvalidDataError) as caught:
            CheckInCadence(early_interval_days=0)
        assert paths(caught) == ["early_interval_days"]
        with pytest.raises(InvalidDataError) as caught:
            CheckInCadence(later_interval_months=0)
        assert paths(caught) == ["later_interval_months"]
        assert CheckInCadence(early_phase_months=0).early_phase_months == 0

    @given(
        start=st.dates(D(2020, 1, 1), D(2030, 12, 31)),
        length=st.integers(0, 800),
    )
    def test_default_nominal_spacing(self, start: dt.date, length: int) -> None:
        """14 days apart within three months of the start, then 28 to 31 days apart."""
        planned_end = start + length * DAY
        dates = CheckInCadence().nominal_dates(start, planned_end)
        phase_end = start + relativedelta(months=3)
        early = [day for day in dates if day <= phase_end]
        assert early == [start + 14 * k * DAY for k in range(1, len(early) + 1)]
        assert len(early) == min(6, length // 14)  # three months hold six fortnights
        later = dates[len(early) :]
        gaps = [(b - a).days for a, b in zip([*early[-1:], *later], later, strict=False)]
        assert all(28 <= gap <= 31 for gap in gaps)
        assert all(start < day <= planned_end for day in dates)
        longer = CheckInCadence().nominal_dates(start, planned_end + 400 * DAY)
        assert longer[: len(dates)] == dates  # nothing before the planned end is missing
        assert longer[len(dates)] > planned_end


def mentorship_between(
    start: dt.date, planned_end: dt.date, mentorship_id: str = "m"
) -> Mentorship:
    """An active mentorship from ``start`` to ``planned_end``."""
    return Mentorship(
        id=mentorship_id,
        mentor="a",
        mentee="b",
        status=ACTIVE,
        proposed_on=start,
        started_on=start,
        planned_end=planned_end,
    )


def longest_days_off(calendar: Calendar, start: dt.date, planned_end: dt.date) -> int:
    """g: the longest run of consecutive non-working days in (start, planned_end]."""
    longest = run = 0
    day = start + DAY
    while day <= planned_end:
        run = 0 if calendar.is_working_day(day) else run + 1
        longest = max(longest, run)
        day += DAY
    return longest


cadences = st.just(CheckInCadence()) | st.builds(
    CheckInCadence,
    early_interval_days=st.integers(1, 40),
    early_phase_months=st.integers(0, 6),
    later_interval_months=st.integers(1, 3),
)


@st.composite
def schedules(draw: st.DrawFn) -> tuple[Mentorship, Calendar, CheckInCadence]:
    """A mentorship, a calendar with weekends and runs of days off (shutdowns), a cadence."""
    start = BASE + draw(st.integers(0, 365)) * DAY
    length = draw(st.integers(1, 420))
    weekend = draw(
        st.sampled_from([frozenset({5, 6}), frozenset({4, 5}), frozenset()])
        | st.frozensets(st.integers(0, 6), max_size=6)
    )
    runs = draw(st.lists(st.tuples(st.integers(-5, length + 5), st.integers(1, 25)), max_size=5))
    days_off = sorted({start + (offset + i) * DAY for offset, size in runs for i in range(size)})
    calendar = Calendar(weekend=weekend, holidays=[Holiday(day, "Fri") for day in days_off])
    return mentorship_between(start, start + length * DAY), calendar, draw(cadences)


class TestCheckInDates:
    def test_holidays_move_to_the_next_working_day(self) -> None:
        """2. påskedag and 2. pinsedag move to Tuesday; a Saturday moves to Monday."""
        mentorship = active(D(2026, 3, 9))
        assert check_in_dates(mentorship, DANISH_SPRING_2026) == (
            D(2026, 3, 23),
            D(2026, 4, 7),  # 6 April is 2. påskedag
            D(2026, 4, 20),
            D(2026, 5, 4),
            D(2026, 5, 18),
            D(2026, 6, 1),
            D(2026, 7, 1),
            D(2026, 8, 3),  # 1 August is a Saturday
            D(2026, 9, 1),
        )

    def test_last_moves_back_rather_than_past_the_planned_end(self) -> None:
        """A check-in on a Saturday planned end moves back to Friday."""
        mentorship = active(D(2026, 3, 9), planned_end=D(2026, 4, 4))  # a Saturday
        calendar = Calendar(holidays=[Holiday(D(2026, 4, 3), "Langfredag")])
        cadence = CheckInCadence(early_interval_days=26)
        assert cadence.nominal_dates(D(2026, 3, 9), D(2026, 4, 4)) == (D(2026, 4, 4),)
        assert check_in_dates(mentorship, calendar, cadence) == (D(2026, 4, 2),)

    def test_a_shutdown_merges_check_ins(self) -> None:
        """Two fortnightly dates inside a three-week shutdown become one check-in after it."""
        shutdown = [Holiday(D(2026, 7, 6) + i * DAY, "Industriferie") for i in range(19)]
        mentorship = active(D(2026, 6, 22))
        dates = check_in_dates(mentorship, Calendar(holidays=shutdown))
        assert dates[:3] == (D(2026, 7, 27), D(2026, 8, 3), D(2026, 8, 17))

    def test_no_start_no_schedule(self) -> None:
        """A proposal, or one cancelled before it started, has no check-ins."""
        assert check_in_dates(proposal(), WORKING_WEEK) == ()
        cancelled = cancel(proposal(), on=D(2026, 3, 5), reason="Nej")
        assert check_in_dates(cancelled, WORKING_WEEK) == ()

    def test_the_agreed_schedule_whatever_the_status(self) -> None:
        """An ended mentorship keeps the schedule it agreed at the start."""
        mentorship = active()
        ended = end(mentorship, on=D(2026, 4, 1), reflection="Kort men godt")
        assert check_in_dates(ended, WORKING_WEEK) == check_in_dates(mentorship, WORKING_WEEK)

    def test_only_the_span_needs_covering(self) -> None:
        """A calendar ending on the planned end suffices; one ending earlier raises."""
        # From Sunday 8 March, the fortnights are Sundays; the fifth is the planned end.
        mentorship = active(D(2026, 3, 8), planned_end=D(2026, 5, 17))
        covering = Calendar(first_day=D(2026, 3, 8), last_day=D(2026, 5, 17))
        assert check_in_dates(mentorship, covering) == (
            D(2026, 3, 23),
            D(2026, 4, 6),
            D(2026, 4, 20),
            D(2026, 5, 4),
            D(2026, 5, 15),  # back to Friday: Monday would pass the planned end
        )
        short = Calendar(first_day=D(2026, 1, 1), last_day=D(2026, 4, 30))
        with pytest.raises(OutOfRangeError):
            check_in_dates(mentorship, short)

    def test_bad_arguments_are_named(self) -> None:
        """Each argument is checked for its type."""
        with pytest.raises(InvalidDataError) as caught:
            check_in_dates(active(), "DK")  # type: ignore[arg-type]
        assert paths(caught) == ["calendar"]
        with pytest.raises(InvalidDataError) as caught:
            check_in_dates(active(), WORKING_WEEK, 14)  # type: ignore[arg-type]
        assert paths(caught) == ["cadence"]

    def test_plain_weeks_keep_fortnights_exact(self) -> None:
        """Starting on a working day with no holidays, fortnightly check-ins are 14 days apart."""
        dates = check_in_dates(active(D(2026, 3, 11)), WORKING_WEEK)
        assert [(b - a).days for a, b in itertools.pairwise(dates[:6])] == [14] * 5

    @given(schedules())
    def test_working_days_in_span_strictly_increasing(
        self, schedule: tuple[Mentorship, Calendar, CheckInCadence]
    ) -> None:
        """Every check-in is a working day after the start, by the planned end, once."""
        mentorship, calendar, cadence = schedule
        dates = check_in_dates(mentorship, calendar, cadence)
        assert all(calendar.is_working_day(day) for day in dates)
        assert all(mentorship.started_on < day <= mentorship.planned_end for day in dates)  # type: ignore[operator]
        assert list(dates) == sorted(set(dates))

    @given(schedules())
    def test_close_to_the_nominal_dates(
        self, schedule: tuple[Mentorship, Calendar, CheckInCadence]
    ) -> None:
        """Each check-in is within g days of a nominal date, and only the last moves back."""
        mentorship, calendar, cadence = schedule
        start, planned_end = mentorship.started_on, mentorship.planned_end
        assert start is not None
        assert planned_end is not None
        dates = check_in_dates(mentorship, calendar, cadence)
        nominal = cadence.nominal_dates(start, planned_end)
        g = longest_days_off(calendar, start, planned_end)
        note(f"g={g} nominal={nominal} dates={dates}")
        for index, day in enumerate(dates):
            moved = [(day - n).days for n in nominal]
            forward = [m for m in moved if 0 <= m <= g]
            if index < len(dates) - 1:
                assert forward
            else:
                assert forward or any(-g <= m < 0 for m in moved)
        if any(calendar.is_working_day(day) for day in _span(start, planned_end)):
            for n in nominal:
                assert any(abs((day - n).days) <= g for day in dates)
        else:
            assert dates == ()

    @given(schedules())
    def test_spacing_when_days_off_are_short(
        self, schedule: tuple[Mentorship, Calendar, CheckInCadence]
    ) -> None:
        """With 2g below every nominal gap, one check-in per nominal date, gaps within ±g."""
        mentorship, calendar, cadence = schedule
        start, planned_end = mentorship.started_on, mentorship.planned_end
        assert start is not None
        assert planned_end is not None
        nominal = cadence.nominal_dates(start, planned_end)
        g = longest_days_off(calendar, start, planned_end)
        gaps = [(b - a).days for a, b in zip([start, *nominal], nominal, strict=False)]
        if not gaps or 2 * g >= min(gaps):
            return
        dates = check_in_dates(mentorship, calendar, cadence)
        assert len(dates) == len(nominal)
        shifts = [(day - n).days for day, n in zip(dates, nominal, strict=True)]
        assert all(0 <= shift <= g for shift in shifts[:-1])
        assert -g <= shifts[-1] <= g
        for index in range(1, len(dates)):
            gap = (dates[index] - dates[index - 1]).days
            low = gaps[index] - (2 * g if index == len(dates) - 1 else g)
            assert low <= gap <= gaps[index] + g
            if cadence == CheckInCadence() and index < 6:
                assert 14 - 2 * g <= gap <= 14 + g  # the fortnights of the first three months


def _span(start: dt.date, planned_end: dt.date) -> list[dt.date]:
    return [start + i * DAY for i in range(1, (planned_end - start).days + 1)]


# --- which check-ins are due ------------------------------------------------------


class TestCheckInsDue:
    mentorship = active(D(2026, 3, 9))  # check-ins 23 Mar, 7 Apr, 20 Apr, ... in DANISH_SPRING_2026

    def due(self, as_of: dt.date, *held: dt.date) -> list[tuple[dt.date, int]]:
        found = check_ins_due(
            [self.mentorship],
            as_of=as_of,
            calendar=DANISH_SPRING_2026,
            held=[CheckIn("m-1", day) for day in held],
        )
        return [(item.scheduled, item.days_overdue) for item in found]

    def test_nothing_held_everything_past_is_due(self) -> None:
        """Each scheduled day up to as_of is due, with working days overdue."""
        assert self.due(D(2026, 3, 20)) == []
        assert self.due(D(2026, 3, 23)) == [(D(2026, 3, 23), 0)]
        # 23 Mar to 8 Apr: the Easter days do not count.
        assert self.due(D(2026, 4, 8)) == [(D(2026, 3, 23), 9), (D(2026, 4, 7), 1)]

    def test_the_due_item_names_the_pair(self) -> None:
        """A due check-in says who should meet."""
        [item] = check_ins_due([self.mentorship], as_of=D(2026, 3, 24), calendar=DANISH_SPRING_2026)
        assert item == DueCheckIn(
            mentorship="m-1", mentor="p07", mentee="p41", scheduled=D(2026, 3, 23), days_overdue=1
        )

    def test_held_on_the_day_settles_it(self) -> None:
        """Meeting on the scheduled day settles that check-in."""
        assert self.due(D(2026, 4, 8), D(2026, 3, 23)) == [(D(2026, 4, 7), 1)]

    def test_held_a_little_early_counts_for_the_coming_one(self) -> None:
        """A meeting nearer the coming check-in than the last one settles it."""
        assert self.due(D(2026, 4, 8), D(2026, 3, 23), D(2026, 4, 1)) == []
        assert self.due(D(2026, 4, 8), D(2026, 3, 25)) == [(D(2026, 4, 7), 1)]

    def test_nearest_day_counts_and_ties_go_to_the_earlier(self) -> None:
        """A meeting counts for the nearest scheduled day; halfway, for the earlier one."""
        # 23 Mar and 7 Apr are 15 days apart: 30 Mar is nearer the first, 31 Mar the second.
        assert self.due(D(2026, 4, 8), D(2026, 3, 30)) == [(D(2026, 4, 7), 1)]
        assert self.due(D(2026, 4, 8), D(2026, 3, 31)) == []
        # In plain weeks 23 Mar and 6 Apr are 14 days apart; 30 Mar is halfway.
        held = [CheckIn("m-1", D(2026, 3, 30))]
        [item] = check_ins_due(
            [self.mentorship], as_of=D(2026, 4, 6), calendar=WORKING_WEEK, held=held
        )
        assert item.scheduled == D(2026, 4, 6)

    def test_catching_up_settles_the_missed(self) -> None:
        """One meeting after missing two leaves nothing to nag about."""
        assert self.due(D(2026, 4, 21), D(2026, 4, 20)) == []

    def test_held_after_as_of_or_before_start_is_ignored(self) -> None:
        """A future record is not known yet; one before the start settles nothing."""
        assert self.due(D(2026, 3, 24), D(2026, 3, 25)) == [(D(2026, 3, 23), 1)]
        assert self.due(D(2026, 3, 24), D(2026, 3, 1)) == [(D(2026, 3, 23), 1)]

    def test_only_active_mentorships(self) -> None:
        """Proposed, ended and cancelled mentorships have nothing due."""
        others = [
            proposal(),
            attrs.evolve(end(active(), on=D(2026, 4, 1), reflection="Godt"), id="m-2"),
            attrs.evolve(cancel(active(), on=D(2026, 4, 1), reason="Nej"), id="m-3"),
        ]
        assert check_ins_due(others, as_of=D(2026, 6, 1), calendar=WORKING_WEEK) == ()

    def test_sorted_by_day_then_id(self) -> None:
        """The most overdue first; the same day sorts by mentorship id."""
        first = mentorship_between(D(2026, 3, 9), D(2026, 9, 9), "b")
        second = mentorship_between(D(2026, 3, 9), D(2026, 9, 9), "a")
        later = mentorship_between(D(2026, 3, 2), D(2026, 9, 9), "c")
        due = check_ins_due([first, later, second], as_of=D(2026, 3, 24), calendar=WORKING_WEEK)
        assert [(item.scheduled, item.mentorship) for item in due] == [
            (D(2026, 3, 16), "c"),
            (D(2026, 3, 23), "a"),
            (D(2026, 3, 23), "b"),
        ]

    def test_bad_input_lists_every_problem(self) -> None:
        """Wrong items and a duplicate id are named together."""
        with pytest.raises(InvalidDataError) as caught:
            check_ins_due(
                [self.mentorship, "m-2", self.mentorship],  # type: ignore[list-item]
                as_of=D(2026, 4, 1),
                calendar=WORKING_WEEK,
                held=[CheckIn("m-1", D(2026, 3, 23)), D(2026, 3, 24)],  # type: ignore[list-item]
            )
        assert paths(caught) == ["mentorships[1]", "held[1]", "mentorships[id=m-1].id"]
        with pytest.raises(InvalidDataError) as caught:
            check_ins_due(None, as_of=D(2026, 4, 1), calendar=WORKING_WEEK)  # type: ignore[arg-type]
        assert paths(caught) == ["mentorships"]
        with pytest.raises(InvalidDataError) as caught:
            check_ins_due([], as_of="today", calendar=WORKING_WEEK)  # type: ignore[arg-type]
        assert paths(caught) == ["as_of"]

    def test_check_in_values(self) -> None:
        """A held check-in has an id, a date and an optional note."""
        assert CheckIn("m-1", D(2026, 3, 23), "Om at give feedback").note == "Om at give feedback"
        with pytest.raises(InvalidDataError) as caught:
            CheckIn("m-1", D(2026, 3, 23), " ")
        assert paths(caught) == ["note"]


def brute_due(
    mentorships: list[Mentorship], as_of: dt.date, calendar: Calendar, held: list[CheckIn]
) -> list[tuple[dt.date, str, str, str, int]]:
    """The definition, day by day: due unless a held check-in counts for it or a later day."""
    found = []
    for mentorship in mentorships:
        if mentorship.status is not ACTIVE:
            continue
        scheduled = check_in_dates(mentorship, calendar)
        anchors = [mentorship.started_on, *scheduled]
        counted = [
            min(anchors, key=lambda anchor: (abs((anchor - meeting.held_on).days), anchor))  # type: ignore[operator]
            for meeting in held
            if meeting.mentorship == mentorship.id and meeting.held_on <= as_of
        ]
        for day in scheduled:
            if day <= as_of and not any(anchor >= day for anchor in counted):  # type: ignore[operator]
                overdue = sum(
                    calendar.is_working_day(day + i * DAY) for i in range((as_of - day).days)
                )
                found.append((day, mentorship.id, mentorship.mentor, mentorship.mentee, overdue))
    return sorted(found)


@st.composite
def due_scenarios(draw: st.DrawFn) -> tuple[list[Mentorship], dt.date, Calendar, list[CheckIn]]:
    """A few mentorships in every state, check-ins held around their schedules, and a day."""
    statuses = st.sampled_from([ACTIVE, ACTIVE, ACTIVE, PROPOSED, ENDED, CANCELLED])
    mentorships = []
    for index in range(draw(st.integers(0, 4))):
        start = BASE + draw(st.integers(0, 60)) * DAY
        mentorship = mentorship_between(start, start + draw(st.integers(1, 300)) * DAY, f"m{index}")
        status = draw(statuses)
        if status is ENDED:
            mentorship = end(mentorship, on=mentorship.planned_end, reflection="Godt")  # type: ignore[arg-type]
        elif status is CANCELLED:
            mentorship = cancel(mentorship, on=start, reason="Nej")
        elif status is PROPOSED:
            mentorship = proposal(start)
            mentorship = attrs.evolve(mentorship, id=f"m{index}")
        mentorships.append(mentorship)
    ids = [m.id for m in mentorships] + ["elsewhere"]
    held = draw(
        st.lists(
            st.builds(
                CheckIn,
                st.sampled_from(ids),
                st.integers(-10, 380).map(lambda n: BASE + n * DAY),
            ),
            max_size=12,
        )
    )
    days_off = draw(st.lists(st.integers(0, 380).map(lambda n: BASE + n * DAY), max_size=15))
    calendar = Calendar(holidays=[Holiday(day, "Fri") for day in sorted(set(days_off))])
    as_of = BASE + draw(st.integers(0, 380)) * DAY
    return mentorships, as_of, calendar, held


class TestCheckInsDueProperties:
    @given(due_scenarios())
    def test_matches_the_definition(
        self, scenario: tuple[list[Mentorship], dt.date, Calendar, list[CheckIn]]
    ) -> None:
        """check_ins_due agrees with a day-by-day reading of the settlement rule."""
        mentorships, as_of, calendar, held = scenario
        due = check_ins_due(mentorships, as_of=as_of, calendar=calendar, held=held)
        assert [
            (item.scheduled, item.mentorship, item.mentor, item.mentee, item.days_overdue)
            for item in due
        ] == brute_due(mentorships, as_of, calendar, held)

    @given(due_scenarios(), st.randoms(use_true_random=False))
    def test_order_of_the_input_does_not_matter(
        self,
        scenario: tuple[list[Mentorship], dt.date, Calendar, list[CheckIn]],
        random: object,
    ) -> None:
        """Shuffled mentorships and check-ins give the same answer."""
        mentorships, as_of, calendar, held = scenario
        expected = check_ins_due(mentorships, as_of=as_of, calendar=calendar, held=held)
        shuffled_mentorships, shuffled_held = list(mentorships), list(held)
        random.shuffle(shuffled_mentorships)  # type: ignore[attr-defined]
        random.shuffle(shuffled_held)  # type: ignore[attr-defined]
        assert (
            check_ins_due(shuffled_mentorships, as_of=as_of, calendar=calendar, held=shuffled_held)
            == expected
        )
