"""The development review (MUS): its rules, check_review and carrying goals over."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit.exceptions import InvalidDataError, TransitionError
from learnkit.goals import (
    DEFAULT_FOLLOW_UP_RULE,
    PREPARATION_QUESTIONS,
    DevelopmentReview,
    DevelopmentReviewFinding,
    GoalCarryOver,
    GoalStatus,
    LearningGoal,
    PreparationAnswer,
    ReviewFindingCode,
    agree,
    carry_over_into,
    check_review,
    continuation_id,
    follow_up_dates,
    start,
)
from learnkit.goals._rrule import problem
from learnkit.i18n import LOCALES, translate
from learnkit.people import Person, Roster, Team
from learnkit.strategies import _goals

D = dt.date


def review(**changes: object) -> DevelopmentReview:
    """A review of p03 with p02 on 5 January 2026."""
    values: dict[str, object] = {
        "id": "mus-2026",
        "employee": "p03",
        "leader": "p02",
        "held_on": D(2026, 1, 5),
    }
    values.update(changes)
    return DevelopmentReview(**values)  # type: ignore[arg-type]


def paths(error: pytest.ExceptionInfo[InvalidDataError]) -> list[str]:
    """The problem paths of a caught error."""
    return [problem.path for problem in error.value.problems]


class TestDevelopmentReview:
    def test_defaults(self) -> None:
        """The next review is twelve months later, with follow-ups every three months."""
        item = review()
        assert item.next_review_on == D(2027, 1, 5)
        assert item.follow_up_rule == DEFAULT_FOLLOW_UP_RULE == "FREQ=MONTHLY;INTERVAL=3"
        assert (item.answers, item.goals, item.carried_over) == ((), (), ())

    def test_leap_day_is_clamped(self) -> None:
        """A review on 29 February is followed on 28 February."""
        assert review(held_on=D(2028, 2, 29)).next_review_on == D(2029, 2, 28)

    def test_leader_is_not_the_employee(self) -> None:
        """Nobody holds their own review."""
        with pytest.raises(InvalidDataError) as caught:
            review(leader="p03")
        assert paths(caught) == ["leader"]

    @pytest.mark.parametrize("next_day", [D(2026, 1, 5), D(2025, 12, 1), D(2029, 1, 6)])
    def test_next_review_window(self, next_day: dt.date) -> None:
        """The next review is after this one and at most three years later."""
        with pytest.raises(InvalidDataError) as caught:
            review(next_review_on=next_day)
        assert paths(caught) == ["next_review_on"]

    def test_every_problem_at_once(self) -> None:
        """Repeated goals, stray carried-over ids and repeated questions are all reported."""
        answer = PreparationAnswer("goals.question.proud", "Migreringen")
        with pytest.raises(InvalidDataError) as caught:
            review(
                goals=["g-1", "g-1"],
                carried_over=["g-9"],
                answers=[answer, attrs.evolve(answer, answer="Andet")],
            )
        assert paths(caught) == [
            "goals[g-1]",
            "carried_over[g-9]",
            "answers[goals.question.proud]",
        ]

    def test_canonical_order(self) -> None:
        """Answers follow the built-in questions, then questions of one's own."""
        own = PreparationAnswer("Hvad vil du prøve?", "Mob-programmering")
        proud = PreparationAnswer("goals.question.proud", "Migreringen")
        feedback = PreparationAnswer("goals.question.feedback", "Mere sparring")
        one = review(answers=[own, feedback, proud], goals=["b", "a"])
        two = review(answers=[proud, own, feedback], goals=["a", "b"])
        assert one == two
        assert [a.question for a in one.answers] == [
            proud.question,
            feedback.question,
            own.question,
        ]

    def test_question_texts(self) -> None:
        """Built-in questions are translated; one's own are kept as written."""
        assert len(PREPARATION_QUESTIONS) == 8
        proud = PreparationAnswer("goals.question.proud", "x")
        assert proud.is_builtin
        assert proud.question_text("da") == "Hvad er du mest stolt af fra det seneste år?"
        assert proud.question_text("en").startswith("What are you most proud")
        own = PreparationAnswer("Hvad vil du prøve?", "x")
        assert own.question_text("en") == "Hvad vil du prøve?"

    @pytest.mark.parametrize(
        "rule",
        [
            "FREQ=MONTHLY;INTERVAL=0",
            "FREQ=HOURLY",
            "FREQ=MONTHLY;BYHOUR=9",
            "DTSTART=20260101;FREQ=MONTHLY",
            "FREQ=MONTHLY;BYMONTHDAY=0",
            "FREQ=MONTHLY;BYMONTHDAY=32",
            "FREQ=MONTHLY;BYDAY=0MO",
            "FREQ=MONTHLY;COUNT=2;UNTIL=20270101",
            "FREQ=MONTHLY;FREQ=WEEKLY",
            "INTERVAL=3",
            "FREQ=MONTHLY;UNTIL=20271340",
            "FREQ=MONTHLY;X-NAME=1",
            "FREQ=MONTHLY;",
            "",
        ],
    )
    def test_bad_rules_are_refused(self, rule: str) -> None:
        """A rule learnkit cannot follow is refused at construction, naming the field."""
        with pytest.raises(InvalidDataError) as caught:
            review(follow_up_rule=rule)
        assert paths(caught) == ["follow_up_rule"]

    def test_rule_must_be_text(self) -> None:
        """A rule is a string."""
        with pytest.raises(InvalidDataError):
            review(follow_up_rule=3)

    def test_held_on_must_be_a_date(self) -> None:
        """A review day that is not a date is named, not a crash in the default."""
        with pytest.raises(InvalidDataError) as caught:
            review(held_on="2026-01-05")
        assert paths(caught) == ["held_on"]

    def test_held_on_at_the_end_of_time(self) -> None:
        """A review with no room for a next one names held_on."""
        with pytest.raises(InvalidDataError) as caught:
            review(held_on=D(9999, 6, 1))
        assert paths(caught) == ["held_on"]
        assert review(held_on=D(9998, 6, 1), next_review_on=D(9999, 1, 1)).held_on.year == 9998

    @settings(max_examples=60)
    @given(
        st.lists(
            st.sampled_from(
                [
                    "FREQ=",
                    "MONTHLY",
                    "WEEKLY",
                    "DAILY",
                    "YEARLY",
                    ";",
                    "INTERVAL=",
                    "COUNT=",
                    "UNTIL=",
                    "BYDAY=",
                    "BYMONTHDAY=",
                    "BYSETPOS=",
                    "BYWEEKNO=",
                    "BYYEARDAY=",
                    "BYMONTH=",
                    "WKST=",
                    "MO",
                    "-1FR",
                    ",",
                    "0",
                    "1",
                    "3",
                    "-",
                    "31",
                    "367",
                    "20270101",
                    "T000000Z",
                    "RRULE:",
                    "=",
                    "x",
                ]
            ),
            max_size=8,
        ).map("".join)
    )
    def test_any_rule_text_is_accepted_or_refused_cleanly(self, rule: str) -> None:
        """Whatever the rule text, the review is built or refused with InvalidDataError."""
        if problem(rule) is not None:
            with pytest.raises(InvalidDataError) as caught:
                review(follow_up_rule=rule)
            assert paths(caught) == ["follow_up_rule"]
        else:
            item = review(follow_up_rule=rule)
            days = follow_up_dates(item)
            assert all(item.held_on < day < item.next_review_on for day in days)

    @given(_goals.development_reviews())
    def test_generated_reviews_validate_again(self, item: DevelopmentReview) -> None:
        """Every generated review passes its own checks once more."""
        assert attrs.evolve(item) == item


# --- check_review -------------------------------------------------------------------

ROSTER = Roster(
    people=[
        Person(id="p01", name="Direktør", team="stab", start_date=D(2015, 1, 1)),
        Person(id="p02", name="Leder", team="data", start_date=D(2018, 1, 1), manager="p01"),
        Person(id="p03", name="Udvikler", team="data", start_date=D(2022, 1, 1), manager="p02"),
        Person(id="p04", name="Kollega", team="data", start_date=D(2022, 1, 1), manager="p02"),
    ],
    teams=[Team(id="stab", name="Stab"), Team(id="data", name="Data", manager="p02")],
)


class TestCheckReview:
    def test_the_manager_is_fine(self) -> None:
        """The nearest manager and one further up raise nothing."""
        assert check_review(review(), ROSTER) == ()
        assert check_review(review(leader="p01"), ROSTER) == ()

    def test_a_colleague_is_a_warning(self) -> None:
        """A leader outside the line of management is a finding with a message."""
        (finding,) = check_review(review(leader="p04"), ROSTER)
        assert (finding.code, finding.field, finding.value) == (
            ReviewFindingCode.LEADER_NOT_IN_LINE,
            "leader",
            "p04",
        )
        assert finding.message("da").startswith("p04 er ikke leder for medarbejderen")

    def test_unknown_people(self) -> None:
        """Unknown employee and leader are both found; the line is not asked then."""
        found = check_review(review(employee="x1", leader="x2"), ROSTER)
        assert [f.code for f in found] == [
            ReviewFindingCode.EMPLOYEE_UNKNOWN,
            ReviewFindingCode.LEADER_UNKNOWN,
        ]

    def test_goals(self) -> None:
        """Missing goals, goals of others and of other reviews are found."""
        goals = [
            LearningGoal(id="g-2", owner="p04", title="t", review="mus-2026"),
            LearningGoal(id="g-3", owner="p03", title="t", review="mus-2025"),
            LearningGoal(id="g-4", owner="p03", title="t"),
        ]
        found = check_review(review(goals=["g-1", "g-2", "g-3", "g-4"]), ROSTER, goals=goals)
        assert [(f.field, f.code.value, f.value) for f in found] == [
            ("goals[g-1]", "goal_missing", "g-1"),
            ("goals[g-2]", "goal_other_owner", "p04"),
            ("goals[g-3]", "goal_other_review", "mus-2025"),
        ]

    def test_bad_arguments(self) -> None:
        """Wrong types are bad data."""
        with pytest.raises(InvalidDataError):
            check_review("mus", ROSTER)  # type: ignore[arg-type]
        with pytest.raises(InvalidDataError):
            check_review(review(), "roster")  # type: ignore[arg-type]
        with pytest.raises(InvalidDataError):
            check_review(review(), ROSTER, goals=["g-1"])  # type: ignore[list-item]
        twice = LearningGoal(id="g-1", owner="p03", title="t")
        with pytest.raises(InvalidDataError) as caught:
            check_review(review(), ROSTER, goals=[twice, twice])
        assert paths(caught) == ["goals[id=g-1].id"]

    @pytest.mark.parametrize("code", list(ReviewFindingCode))
    def test_every_code_has_a_message(self, code: ReviewFindingCode) -> None:
        """Every finding reads as a sentence in both languages, naming the value."""
        finding = DevelopmentReviewFinding(review="m", code=code, field="leader", value="p99")
        for locale in LOCALES:
            assert "p99" in finding.message(locale)


# --- carry-over ---------------------------------------------------------------------


def goals_of_2026() -> list[LearningGoal]:
    """One goal in progress, one agreed, one draft, one achieved."""
    base = {"owner": "p03", "review": "mus-2026", "success_criterion": "To oplæg"}
    agreed = agree(
        LearningGoal(id="g-1", title="Holde oplæg", target_date=D(2026, 6, 1), **base),
        on=D(2026, 1, 5),
    )
    later = agree(
        LearningGoal(id="g-2", title="Skrive testplan", target_date=D(2027, 3, 1), **base),
        on=D(2026, 1, 5),
    )
    done = LearningGoal(
        id="g-4",
        title="Lære SQL",
        status=GoalStatus.ACHIEVED,
        agreed_on=D(2026, 1, 5),
        started_on=D(2026, 1, 5),
        closed_on=D(2026, 5, 1),
        **base,
    )
    draft = LearningGoal(id="g-3", owner="p03", title="Kladde", review="mus-2026")
    return [start(agreed, on=D(2026, 2, 1)), later, draft, done]


class TestCarryOver:
    def test_unfinished_goals_continue(self) -> None:
        """Every unfinished goal is closed and continued, and both reviews say so."""
        previous = review(goals=["g-1", "g-2", "g-3", "g-4"])
        following = review(id="mus-2027", held_on=D(2027, 1, 11))
        result = carry_over_into(previous, goals_of_2026(), following)
        assert result.previous.carried_over == ("g-1", "g-2", "g-3")
        assert [g.status for g in result.closed] == [GoalStatus.CARRIED_OVER] * 3
        assert {g.closed_on for g in result.closed} == {D(2027, 1, 11)}
        assert result.next_review.goals == ("g-1@mus-2027", "g-2@mus-2027", "g-3@mus-2027")
        new = {g.carried_from: g for g in result.opened}
        assert {g.status for g in new.values()} == {GoalStatus.DRAFT}
        assert new["g-1"].target_date == D(2028, 1, 11)  # the old target had passed
        assert new["g-2"].target_date == D(2027, 3, 1)  # still ahead: kept
        assert new["g-1"].title == "Holde oplæg"
        assert new["g-1"].review == "mus-2027"
        assert new["g-1"].notes == ()

    def test_agreed_continuations(self) -> None:
        """With agree_continuations the continuations with a criterion are agreed."""
        previous = review(goals=["g-1", "g-2", "g-3", "g-4"])
        following = review(id="mus-2027", held_on=D(2027, 1, 11))
        result = carry_over_into(previous, goals_of_2026(), following, agree_continuations=True)
        statuses = {g.carried_from: g.status for g in result.opened}
        assert statuses == {
            "g-1": GoalStatus.AGREED,
            "g-2": GoalStatus.AGREED,
            "g-3": GoalStatus.DRAFT,
        }

    def test_again_carries_nothing(self) -> None:
        """Carrying over the result again changes nothing more."""
        previous = review(goals=["g-1", "g-2", "g-3", "g-4"])
        following = review(id="mus-2027", held_on=D(2027, 1, 11))
        first = carry_over_into(previous, goals_of_2026(), following)
        others = [g for g in goals_of_2026() if g.status.is_final]
        again = carry_over_into(first.previous, [*first.closed, *others], first.next_review)
        assert (again.closed, again.opened) == ((), ())
        assert again.previous == first.previous
        assert again.next_review == first.next_review

    def test_continuation_id(self) -> None:
        """Continuations are named by the old id and the new review."""
        assert continuation_id("g-7", "mus-2027") == "g-7@mus-2027"

    def test_every_problem_at_once(self) -> None:
        """Another employee, an earlier date, a missing goal and a taken id are all reported."""
        previous = review(goals=["g-1", "g-9"])
        following = review(
            id="mus-2027", employee="p04", held_on=D(2025, 1, 1), goals=["g-1@mus-2027"]
        )
        with pytest.raises(InvalidDataError) as caught:
            carry_over_into(previous, goals_of_2026(), following)
        assert paths(caught) == [
            "next_review.employee",
            "next_review.held_on",
            "goals[g-9]",
            "next_review.goals[g-1@mus-2027]",
        ]

    def test_a_goal_started_after_the_next_review(self) -> None:
        """A goal that cannot close on the new review's day is a refused move."""
        goal = start(
            agree(
                LearningGoal(
                    id="g-1",
                    owner="p03",
                    title="t",
                    success_criterion="c",
                    target_date=D(2028, 1, 1),
                ),
                on=D(2026, 1, 5),
            ),
            on=D(2027, 6, 1),
        )
        with pytest.raises(TransitionError):
            carry_over_into(
                review(goals=["g-1"]), [goal], review(id="mus-2027", held_on=D(2027, 1, 11))
            )

    def test_bad_arguments(self) -> None:
        """Wrong types are bad data."""
        with pytest.raises(InvalidDataError):
            carry_over_into("mus", [], review())  # type: ignore[arg-type]
        with pytest.raises(InvalidDataError):
            carry_over_into(review(), ["g"], review(id="x", held_on=D(2027, 1, 1)))  # type: ignore[list-item]
        twice = LearningGoal(id="g-1", owner="p03", title="t")
        with pytest.raises(InvalidDataError) as caught:
            carry_over_into(review(), [twice, twice], review(id="x", held_on=D(2027, 1, 1)))
        assert paths(caught) == ["goals[id=g-1].id"]
        for bad in (None, "g-1", 7):
            with pytest.raises(InvalidDataError) as caught:
                carry_over_into(review(), bad, review())  # type: ignore[arg-type]
            assert paths(caught) == ["goals"]

    def test_every_wrong_argument_at_once(self) -> None:
        """Every argument of the wrong type is named in one error."""
        with pytest.raises(InvalidDataError) as caught:
            carry_over_into(
                "mus",  # type: ignore[arg-type]
                [None],  # type: ignore[list-item]
                None,  # type: ignore[arg-type]
                agree_continuations="no",  # type: ignore[arg-type]
            )
        assert paths(caught) == ["previous", "next_review", "agree_continuations", "goals[0]"]

    @settings(max_examples=20)
    @given(_goals.goal_carry_overs())
    def test_carry_over_properties(self, result: GoalCarryOver) -> None:
        """Carried ids match closed goals, continuations point back, the new review lists them."""
        closed = {g.id for g in result.closed}
        assert set(result.previous.carried_over) == closed
        assert {g.carried_from for g in result.opened} == closed
        assert {g.id for g in result.opened} <= set(result.next_review.goals)
        assert all(g.status is GoalStatus.CARRIED_OVER for g in result.closed)
        assert all(g.status in (GoalStatus.DRAFT, GoalStatus.AGREED) for g in result.opened)
        for goal in result.opened:
            assert goal.target_date is not None
            assert result.next_review.held_on < goal.target_date
            assert goal.target_date <= result.next_review.next_review_on


def test_review_texts_exist() -> None:
    """Every preparation question is a question in both languages."""
    for key in PREPARATION_QUESTIONS:
        for locale in LOCALES:
            assert translate(key, locale).endswith("?")
