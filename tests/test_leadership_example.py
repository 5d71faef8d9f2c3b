"""The example organisation's goals, reviews, recognitions and time allocations (_example_goals)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit import strategies
from learnkit._example_goals import (
    _MESSAGES_DA,
    _MESSAGES_EN,
    ALLOCATION_WEEKS,
    RECOGNITION_DAYS,
    GoalExamples,
    build_goals,
)
from learnkit.examples import EXAMPLE_AS_OF, EXAMPLE_SEED, ExampleOrganisation, example_organisation
from learnkit.goals import GoalStatus, goal_health
from learnkit.leadership import (
    BandPosition,
    RecognitionKind,
    balance,
    recognition_mix,
    weeks_before,
)
from learnkit.people import Roster
from learnkit.time import Calendar, Period


@pytest.fixture(name="organisation", scope="module")
def _organisation() -> ExampleOrganisation:
    return example_organisation()


@pytest.fixture(name="examples", scope="module")
def _examples(organisation: ExampleOrganisation) -> GoalExamples:
    return build_goals(organisation.roster, EXAMPLE_AS_OF, EXAMPLE_SEED)


QUARTER = Period(EXAMPLE_AS_OF - dt.timedelta(days=RECOGNITION_DAYS), EXAMPLE_AS_OF)


class TestDeterminism:
    def test_same_inputs_same_records(self, organisation: ExampleOrganisation) -> None:
        """The same roster, date and seed give equal records."""
        first = build_goals(organisation.roster, EXAMPLE_AS_OF, EXAMPLE_SEED)
        assert build_goals(organisation.roster, EXAMPLE_AS_OF, EXAMPLE_SEED) == first

    def test_another_seed_other_records(self, organisation: ExampleOrganisation) -> None:
        """Another seed gives other recognitions and allocations."""
        first = build_goals(organisation.roster, EXAMPLE_AS_OF, EXAMPLE_SEED)
        other = build_goals(organisation.roster, EXAMPLE_AS_OF, EXAMPLE_SEED + 1)
        assert other.recognitions != first.recognitions
        assert other.allocations != first.allocations

    @pytest.mark.parametrize("seed", [1, 7, 2027])
    def test_other_seeds_and_dates_are_valid(self, seed: int) -> None:
        """Other seeds and dates build valid records of the same shape."""
        as_of = dt.date(2027, 3, 10)
        organisation = example_organisation(seed=seed, as_of=as_of)
        examples = build_goals(organisation.roster, as_of, seed)
        assert examples.recognitions
        assert examples.goals
        assert balance(examples.allocations, organisation.roster, period=weeks_before(as_of, 12))


class TestAnyRoster:
    @settings(max_examples=15)
    @given(strategies.rosters(max_size=8), st.integers(0, 10_000))
    def test_valid_and_deterministic_for_any_roster(self, roster: Roster, seed: int) -> None:
        """Any roster gives valid records (they were built), the same again for the same seed."""
        examples = build_goals(roster, EXAMPLE_AS_OF, seed)
        assert build_goals(roster, EXAMPLE_AS_OF, seed) == examples
        for goal in examples.goals:
            assert goal.owner in roster
            assert goal.agreed_on is None or goal.agreed_on < EXAMPLE_AS_OF
            assert goal.started_on is None or goal.started_on < EXAMPLE_AS_OF
        for recognition in examples.recognitions:
            assert recognition.at.date() < EXAMPLE_AS_OF
        balance(examples.allocations, roster, period=weeks_before(EXAMPLE_AS_OF, 12))


class TestRecognitions:
    def test_within_the_last_quarter_on_working_days(self, examples: GoalExamples) -> None:
        """Every recognition lies in the quarter before as_of, on a weekday, ids unique."""
        assert len({item.id for item in examples.recognitions}) == len(examples.recognitions)
        for item in examples.recognitions:
            assert item.at.date() in QUARTER
            assert item.at.weekday() < 5

    def test_a_realistic_mix(
        self, examples: GoalExamples, organisation: ExampleOrganisation
    ) -> None:
        """Every kind is used; sales leans to results, data to learning; some go unrecognised."""
        kinds = Counter(item.kind for item in examples.recognitions)
        assert set(kinds) == set(RecognitionKind)
        roster = organisation.roster
        salg = recognition_mix(examples.recognitions, roster, team="salg", period=QUARTER)
        data = recognition_mix(examples.recognitions, roster, team="data", period=QUARTER)
        assert salg.result_share is not None
        assert data.learning_share is not None
        assert salg.result_share > 0.4
        assert data.learning_share > 0.4
        for team in roster.teams:
            mix = recognition_mix(examples.recognitions, roster, team=team.id, period=QUARTER)
            assert mix.total > 0
            assert 1 <= len(mix.never_recognised) <= 3

    def test_english_for_those_who_do_not_work_in_danish(
        self, examples: GoalExamples, organisation: ExampleOrganisation
    ) -> None:
        """A receiver without Danish gets an English message; others a Danish one."""
        english = {text for texts in _MESSAGES_EN.values() for text in texts}
        danish = {text for texts in _MESSAGES_DA.values() for text in texts}
        receivers = set()
        for item in examples.recognitions:
            speaks_danish = "da" in organisation.roster.person(item.receiver).languages
            assert item.message in (danish if speaks_danish else english)
            receivers.add(speaks_danish)
        assert receivers == {True, False}


class TestAllocations:
    def test_twelve_whole_weeks(self, examples: GoalExamples) -> None:
        """Mondays of the twelve weeks before as_of's week, one per person and week at most."""
        period = weeks_before(EXAMPLE_AS_OF, ALLOCATION_WEEKS)
        keys = [(item.person, item.week) for item in examples.allocations]
        assert len(set(keys)) == len(keys)
        assert all(item.week in period for item in examples.allocations)

    def test_most_within_the_band_some_below_one_without(
        self, examples: GoalExamples, organisation: ExampleOrganisation
    ) -> None:
        """Most weeks in the band, some people below it, one platform person without development."""
        report = balance(
            examples.allocations,
            organisation.roster,
            period=weeks_before(EXAMPLE_AS_OF, ALLOCATION_WEEKS),
        )
        positions = Counter(week.position for week in report.weeks)
        assert positions[BandPosition.WITHIN] > 0.7 * len(report.weeks)
        assert positions[BandPosition.ABOVE] >= 2
        assert sum(1 for total in report.totals if total.weeks_below > ALLOCATION_WEEKS // 2) >= 3
        assert len(report.no_development) == 1
        assert organisation.roster.person(report.no_development[0]).team == "platform"


class TestGoalsAndReviews:
    def test_most_people_have_goals_in_varied_states(
        self, examples: GoalExamples, organisation: ExampleOrganisation
    ) -> None:
        """Most people have one to three goals; every state but carried over is present."""
        owners = Counter(goal.owner for goal in examples.goals)
        assert len(owners) >= 0.6 * len(organisation.roster)
        assert set(owners.values()) <= {1, 2, 3}
        statuses = {goal.status for goal in examples.goals}
        assert statuses >= {
            GoalStatus.DRAFT,
            GoalStatus.AGREED,
            GoalStatus.IN_PROGRESS,
            GoalStatus.ACHIEVED,
            GoalStatus.DROPPED,
        }

    def test_some_overdue_and_some_stale(self, examples: GoalExamples) -> None:
        """Some active goals are past their target; some in progress have no recent note."""
        overdue = [
            goal
            for goal in examples.goals
            if goal.status.is_active and goal.target_date is not None
            if goal.target_date < EXAMPLE_AS_OF
        ]
        stale = [
            goal
            for goal in examples.goals
            if goal.status is GoalStatus.IN_PROGRESS
            and (goal.last_note_on or goal.started_on or EXAMPLE_AS_OF)
            < EXAMPLE_AS_OF - dt.timedelta(weeks=6)
        ]
        assert len(overdue) >= 3
        assert len(stale) >= 3

    def test_reviews_within_the_last_year_by_the_line_manager(
        self, examples: GoalExamples, organisation: ExampleOrganisation
    ) -> None:
        """Reviews are held on weekdays in the last year, by the line manager but for one cover."""
        roster = organisation.roster
        assert len(examples.reviews) >= 0.6 * len(roster)
        outside_line = []
        for review in examples.reviews:
            assert EXAMPLE_AS_OF - dt.timedelta(days=365) < review.held_on < EXAMPLE_AS_OF
            assert review.held_on.weekday() < 5
            assert 2 <= len(review.answers) <= 4
            if not roster.is_in_line_of_management(review.leader, review.employee):
                outside_line.append(review.id)
        assert len(outside_line) == 1

    def test_the_developer_without_development_has_follow_ups_due(
        self, examples: GoalExamples, organisation: ExampleOrganisation
    ) -> None:
        """The platform person without development time has quiet goals and a follow-up due."""
        report = balance(
            examples.allocations, organisation.roster, period=weeks_before(EXAMPLE_AS_OF, 12)
        )
        (quiet,) = report.no_development
        health = goal_health(
            examples.goals, examples.reviews, as_of=EXAMPLE_AS_OF, calendar=Calendar()
        ).person(quiet)
        assert health.stale
        assert health.follow_ups_due

    def test_every_goal_belongs_to_a_review_of_its_owner(self, examples: GoalExamples) -> None:
        """Each goal names a review of its owner, and each review lists exactly its goals."""
        reviews = {review.id: review for review in examples.reviews}
        for goal in examples.goals:
            assert goal.review in reviews
            assert reviews[goal.review].employee == goal.owner
            assert goal.id in reviews[goal.review].goals
        assert sum(len(review.goals) for review in examples.reviews) == len(examples.goals)
