"""Goal health as of a day: active, overdue, stale, follow-ups due; per person and team."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit.exceptions import InvalidDataError, UnknownIdError
from learnkit.goals import (
    DevelopmentReview,
    FollowUp,
    GoalHealth,
    GoalStatus,
    LearningGoal,
    ProgressNote,
    goal_health,
)
from learnkit.people import Person, Roster, Team
from learnkit.strategies import _goals
from learnkit.time import Calendar

D = dt.date
WEEK = Calendar()
AS_OF = D(2026, 11, 23)  # a Monday

ROSTER = Roster(
    people=[
        Person(id="p01", name="Leder", team="data", start_date=D(2015, 1, 1)),
        Person(id="p02", name="Ane", team="data", start_date=D(2020, 1, 1), manager="p01"),
        Person(id="p03", name="Bo", team="data", start_date=D(2020, 1, 1), manager="p01"),
        Person(id="p04", name="Cia", team="salg", start_date=D(2020, 1, 1), manager="p01"),
    ],
    teams=[Team(id="data", name="Data"), Team(id="salg", name="Salg")],
)


def goal(goal_id: str, owner: str, status: GoalStatus, **changes: object) -> LearningGoal:
    """A goal agreed on 5 January 2026 (started on 12 January when in progress or later)."""
    values: dict[str, object] = {"id": goal_id, "owner": owner, "title": "t", "status": status}
    if status is not GoalStatus.DRAFT:
        values["agreed_on"] = D(2026, 1, 5)
    if status in (GoalStatus.IN_PROGRESS, GoalStatus.ACHIEVED):
        values["started_on"] = D(2026, 1, 12)
    if status.is_final:
        values["closed_on"] = D(2026, 6, 1)
    if status is GoalStatus.DROPPED:
        values["drop_reason"] = "Nye prioriteter"
    values.update(changes)
    return LearningGoal(**values)  # type: ignore[arg-type]


def note(day: dt.date) -> ProgressNote:
    """A progress note on ``day``."""
    return ProgressNote(day, "Status", "p01")


GOALS = [
    # p02: one fresh goal, one overdue and stale, one achieved (never counted).
    goal("g-1", "p02", GoalStatus.IN_PROGRESS, target_date=D(2027, 1, 1), notes=[note(AS_OF)]),
    goal("g-2", "p02", GoalStatus.AGREED, target_date=D(2026, 11, 22)),
    goal("g-3", "p02", GoalStatus.ACHIEVED, target_date=D(2026, 5, 1)),
    # p03: a goal due today is not overdue; a note after as_of is not known yet.
    goal(
        "g-4",
        "p03",
        GoalStatus.IN_PROGRESS,
        target_date=AS_OF,
        notes=[note(D(2026, 10, 1)), note(D(2026, 12, 1))],
    ),
    goal("g-5", "p03", GoalStatus.DRAFT),
    # p04 in sales: a dropped goal only.
    goal("g-6", "p04", GoalStatus.DROPPED),
]
REVIEWS = [
    # p02's current review: follow-ups 5 May, 5 Aug, 5 Nov; the note on g-1 on as_of settles it.
    DevelopmentReview(
        id="mus-p02", employee="p02", leader="p01", held_on=D(2026, 2, 5), goals=["g-1", "g-2"]
    ),
    # p03: the last note (1 October) is before the follow-up of 5 November.
    DevelopmentReview(
        id="mus-p03", employee="p03", leader="p01", held_on=D(2026, 2, 5), goals=["g-4", "g-5"]
    ),
    DevelopmentReview(id="mus-p03-old", employee="p03", leader="p01", held_on=D(2025, 2, 5)),
]


class TestExample:
    report = goal_health(GOALS, REVIEWS, as_of=AS_OF, calendar=WEEK, roster=ROSTER)

    def test_person(self) -> None:
        """Active, overdue and stale goals of each person, by id."""
        ane = self.report.person("p02")
        assert (ane.active, ane.overdue, ane.stale) == (("g-1", "g-2"), ("g-2",), ("g-2",))
        assert ane.follow_ups_due == ()
        bo = self.report.person("p03")
        assert (bo.active, bo.overdue, bo.stale) == (("g-4",), (), ("g-4",))
        assert not bo.is_healthy

    def test_follow_up_due(self) -> None:
        """The latest follow-up is due when no note came after the one before it."""
        (due,) = self.report.person("p03").follow_ups_due
        assert due == FollowUp(
            review="mus-p03",
            employee="p03",
            leader="p01",
            on=D(2026, 11, 5),
            goals=("g-4",),
            days_overdue=12,
        )

    def test_team(self) -> None:
        """A team puts its members together; people without records are healthy."""
        data = self.report.team("data")
        assert data.people == ("p01", "p02", "p03")
        assert data.overdue == ("g-2",)
        assert data.stale == ("g-2", "g-4")
        assert [f.review for f in data.follow_ups_due] == ["mus-p03"]
        sales = self.report.team("salg")
        assert (sales.active, sales.follow_ups_due) == ((), ())
        assert self.report.person("p01") == GoalHealth(person="p01")
        assert self.report.person("p01").is_healthy

    def test_unknown_team(self) -> None:
        """Asking for a team the report does not have is an unknown id."""
        with pytest.raises(UnknownIdError):
            self.report.team("hr")

    def test_without_roster(self) -> None:
        """Without a roster there are people but no teams."""
        report = goal_health(GOALS, REVIEWS, as_of=AS_OF, calendar=WEEK)
        assert report.teams == ()
        assert [p.person for p in report.people] == ["p02", "p03", "p04"]
        assert report.stale_weeks == 6

    def test_stale_weeks(self) -> None:
        """A longer stale period leaves the October note fresh enough."""
        report = goal_health(GOALS, REVIEWS, as_of=AS_OF, calendar=WEEK, stale_weeks=8)
        assert report.person("p03").stale == ()

    def test_before_the_first_follow_up(self) -> None:
        """Nothing is due before the first follow-up, nor once the next review has come."""
        early = goal_health(GOALS, REVIEWS, as_of=D(2026, 3, 1), calendar=WEEK)
        assert early.person("p03").follow_ups_due == ()
        late = goal_health(GOALS, REVIEWS, as_of=D(2027, 2, 5), calendar=WEEK)
        assert late.person("p03").follow_ups_due == ()

    def test_reviews_without_active_goals(self) -> None:
        """A review whose goals are all closed has nothing to follow up."""
        report = goal_health(GOALS, REVIEWS[2:], as_of=D(2025, 11, 23), calendar=WEEK)
        assert report.person("p03").follow_ups_due == ()


class TestBadInput:
    def test_duplicates(self) -> None:
        """A goal or review id given twice is reported, each by path."""
        with pytest.raises(InvalidDataError) as caught:
            goal_health([GOALS[0], GOALS[0]], [REVIEWS[0], REVIEWS[0]], as_of=AS_OF, calendar=WEEK)
        assert [p.path for p in caught.value.problems] == ["goals[id=g-1].id"]

    @pytest.mark.parametrize(
        "arguments",
        [
            {"goals": ["g-1"]},
            {"goals": "g-1"},
            {"reviews": [GOALS[0]]},
            {"calendar": "dk"},
            {"stale_weeks": 0},
            {"stale_weeks": True},
            {"roster": "roster"},
            {"as_of": dt.datetime(2026, 1, 1, tzinfo=dt.UTC)},
        ],
    )
    def test_wrong_types(self, arguments: dict[str, object]) -> None:
        """Wrong types are bad data naming the field."""
        values: dict[str, object] = {
            "goals": GOALS,
            "reviews": REVIEWS,
            "as_of": AS_OF,
            "calendar": WEEK,
        }
        values.update(arguments)
        with pytest.raises(InvalidDataError):
            goal_health(**values)  # type: ignore[arg-type]


_people_ids = st.sampled_from(("p01", "p02", "p03", "p04", "p99"))


@st.composite
def cases(draw: st.DrawFn) -> tuple[list[LearningGoal], list[DevelopmentReview], dt.date]:
    """Goals and reviews of the roster's people (and one stranger) around 2026."""
    goals = draw(
        st.lists(
            _goals.learning_goals(
                owners=_people_ids, min_date=D(2025, 6, 1), max_date=D(2026, 12, 31)
            ),
            max_size=6,
            unique_by=lambda g: g.id,
        )
    )
    reviews = draw(
        st.lists(
            _goals.development_reviews(min_date=D(2025, 1, 1), max_date=D(2026, 12, 31)),
            max_size=3,
            unique_by=lambda r: r.id,
        )
    )
    return goals, reviews, draw(st.dates(D(2025, 6, 1), D(2027, 6, 1)))


class TestProperties:
    @settings(max_examples=30)
    @given(cases(), st.randoms(use_true_random=False))
    def test_invariants(
        self, case: tuple[list[LearningGoal], list[DevelopmentReview], dt.date], rnd: object
    ) -> None:
        """Overdue and stale goals are active ones; teams add up; input order does not matter."""
        goals, reviews, as_of = case
        report = goal_health(goals, reviews, as_of=as_of, calendar=WEEK, roster=ROSTER)
        by_id = {g.id: g for g in goals}
        for health in report.people:
            assert set(health.overdue) <= set(health.active)
            assert set(health.stale) <= set(health.active)
            for goal_id in health.active:
                assert by_id[goal_id].owner == health.person
                assert by_id[goal_id].status.is_active
            for goal_id in health.overdue:
                target = by_id[goal_id].target_date
                assert target is not None
                assert target < as_of
            for due in health.follow_ups_due:
                assert due.employee == health.person
                assert due.on <= as_of
                assert WEEK.is_working_day(due.on)
        for team in report.teams:
            members = [report.person(p) for p in team.people]
            assert set(team.active) == {g for m in members for g in m.active}
            assert set(team.stale) == {g for m in members for g in m.stale}
        shuffled_goals = list(goals)
        shuffled_reviews = list(reviews)
        rnd.shuffle(shuffled_goals)  # type: ignore[attr-defined]
        rnd.shuffle(shuffled_reviews)  # type: ignore[attr-defined]
        again = goal_health(
            shuffled_goals, shuffled_reviews, as_of=as_of, calendar=WEEK, roster=ROSTER
        )
        assert again == report
