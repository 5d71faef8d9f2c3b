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
    achieve,
    add_note,
    agree,
    can_move,
    carry_over,
    drop,
    goal_health,
    start,
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


class TestPastDays:
    """A past day is answered with the goals as they stood on that day."""

    agreed_in_june = agree(
        LearningGoal(
            id="g-june",
            owner="p02",
            title="Holde oplæg om Kafka for afdelingen",
            success_criterion="Oplægget er holdt",
            target_date=D(2026, 12, 1),
        ),
        on=D(2026, 6, 1),
    )
    achieved = achieve(start(agreed_in_june, on=D(2026, 6, 2)), on=D(2026, 6, 10))

    def test_not_active_before_agreement(self) -> None:
        """A goal agreed on 1 June is not active on 1 January, and active from 1 June."""
        early = goal_health([self.agreed_in_june], as_of=D(2026, 1, 1), calendar=WEEK)
        assert early.person("p02").active == ()
        on_the_day = goal_health([self.agreed_in_june], as_of=D(2026, 6, 1), calendar=WEEK)
        assert on_the_day.person("p02").active == ("g-june",)

    def test_active_before_it_closed(self) -> None:
        """A goal achieved on 10 June was active on 5 June and is not from 10 June."""
        before = goal_health([self.achieved], as_of=D(2026, 6, 5), calendar=WEEK)
        assert before.person("p02").active == ("g-june",)
        after = goal_health([self.achieved], as_of=D(2026, 6, 10), calendar=WEEK)
        assert after.person("p02").active == ()

    def test_overdue_and_stale_as_of_the_day(self) -> None:
        """Overdue and stale are judged on the day: a later closing does not hide them."""
        dropped = drop(self.agreed_in_june, on=D(2027, 3, 1), reason="Nye prioriteter")
        report = goal_health([dropped], as_of=D(2027, 2, 1), calendar=WEEK)
        assert report.person("p02").overdue == ("g-june",)
        assert report.person("p02").stale == ("g-june",)
        assert goal_health([dropped], as_of=D(2027, 3, 1), calendar=WEEK).person("p02").is_healthy

    def test_start_after_the_day_is_not_a_sign_of_life(self) -> None:
        """Staleness counts from the agreement while the start still lies ahead."""
        started = start(self.agreed_in_june, on=D(2026, 9, 1))
        report = goal_health([started], as_of=D(2026, 8, 1), calendar=WEEK)
        assert report.person("p02").stale == ("g-june",)
        assert goal_health([started], as_of=D(2026, 9, 1), calendar=WEEK).person("p02").stale == ()

    def test_follow_up_only_for_goals_active_then(self) -> None:
        """A follow-up lists the review's goals active on the day, and none before agreement."""
        review = DevelopmentReview(
            id="mus-p02", employee="p02", leader="p01", held_on=D(2026, 2, 5), goals=["g-june"]
        )
        may = goal_health([self.agreed_in_june], [review], as_of=D(2026, 5, 20), calendar=WEEK)
        assert may.person("p02").follow_ups_due == ()  # agreed only on 1 June
        october = achieve(start(self.agreed_in_june, on=D(2026, 6, 2)), on=D(2026, 10, 1))
        august = goal_health([october], [review], as_of=D(2026, 8, 20), calendar=WEEK)
        assert [f.goals for f in august.person("p02").follow_ups_due] == [("g-june",)]

    def test_status_on(self) -> None:
        """The status on a day is read from the goal's dates."""
        goal = self.achieved
        assert goal.status_on(D(2026, 5, 31)) is GoalStatus.DRAFT
        assert goal.status_on(D(2026, 6, 1)) is GoalStatus.AGREED
        assert goal.status_on(D(2026, 6, 9)) is GoalStatus.IN_PROGRESS
        assert goal.status_on(D(2026, 6, 10)) is GoalStatus.ACHIEVED
        with pytest.raises(InvalidDataError):
            goal.status_on(dt.datetime(2026, 6, 10, tzinfo=dt.UTC))  # type: ignore[arg-type]


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
        """Overdue/stale are active; teams add up; order is irrelevant; past goals keep status."""
        goals, reviews, as_of = case
        report = goal_health(goals, reviews, as_of=as_of, calendar=WEEK, roster=ROSTER)
        by_id = {g.id: g for g in goals}
        for health in report.people:
            assert set(health.overdue) <= set(health.active)
            assert set(health.stale) <= set(health.active)
            for goal_id in health.active:
                assert by_id[goal_id].owner == health.person
                assert by_id[goal_id].status_on(as_of).is_active
            for goal_id in health.overdue:
                target = by_id[goal_id].target_date
                assert target is not None
                assert target < as_of
            for due in health.follow_ups_due:
                assert due.employee == health.person
                assert due.on <= as_of
                assert WEEK.is_working_day(due.on)
        for item in goals:
            dates = [d for d in (item.agreed_on, item.started_on, item.closed_on) if d is not None]
            if all(day <= as_of for day in dates):  # nothing after as_of: the current status
                active = item.id in report.person(item.owner).active
                assert active == item.status.is_active
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


START = D(2026, 1, 5)
_OWNERS = ("p02", "p03")
# Moves forward are listed more often, so histories reach every status.
_MOVES = ("agree",) * 4 + ("start",) * 4 + ("achieve",) * 2 + ("note",) * 2 + ("drop", "carry")
History = list[tuple[dt.date, LearningGoal]]


def _move(goal: LearningGoal, move: str, day: dt.date) -> LearningGoal | None:
    """``goal`` after ``move`` on ``day`` through the lifecycle, or ``None`` when refused."""
    if move == "note":
        if goal.status.is_final:
            return None
        return add_note(goal, ProgressNote(day, "Status", goal.owner))
    target, apply = {
        "agree": (GoalStatus.AGREED, agree),
        "start": (GoalStatus.IN_PROGRESS, start),
        "achieve": (GoalStatus.ACHIEVED, achieve),
        "carry": (GoalStatus.CARRIED_OVER, carry_over),
        "drop": (GoalStatus.DROPPED, None),
    }[move]
    if can_move(goal, target, on=day):
        return None
    if apply is None:
        return drop(goal, on=day, reason="Nye prioriteter")
    return apply(goal, on=day)


@st.composite
def histories(draw: st.DrawFn, index: int) -> tuple[LearningGoal, History]:
    """A draft goal and its history: each change made by a lifecycle function on a known day."""
    draft = LearningGoal(
        id=f"g-{index}",
        owner=draw(st.sampled_from(_OWNERS)),
        title="Holde oplæg om Kafka",
        success_criterion="Oplægget er holdt",
        target_date=START + dt.timedelta(days=draw(st.integers(1, 400))),
    )
    day, goal, history = START, draft, []
    for _ in range(draw(st.integers(1, 6))):
        day += dt.timedelta(days=draw(st.integers(0, 90)))
        allowed = [moved for move in _MOVES if (moved := _move(goal, move, day)) is not None]
        if not allowed:
            break
        goal = draw(st.sampled_from(allowed))
        history.append((day, goal))
    return draft, history


@st.composite
def replays(draw: st.DrawFn) -> tuple[tuple[tuple[LearningGoal, History], ...], dt.date]:
    """A few goals' histories and a day to ask about, often close to a change."""
    goals = tuple(draw(histories(index)) for index in range(draw(st.integers(1, 4))))
    days = [changed_on for _, history in goals for changed_on, _ in history]
    if days and draw(st.booleans()):
        as_of = draw(st.sampled_from(days)) + dt.timedelta(days=draw(st.integers(-1, 1)))
    else:
        as_of = draw(st.dates(START - dt.timedelta(days=30), START + dt.timedelta(days=600)))
    return goals, as_of


def _as_it_stood(draft: LearningGoal, history: History, day: dt.date) -> LearningGoal:
    """The goal as the history had left it at the end of ``day``."""
    known = [goal for changed_on, goal in history if changed_on <= day]
    return known[-1] if known else draft


class TestReplay:
    @settings(max_examples=40)
    @given(replays())
    def test_past_days_match_the_replayed_history(
        self, replay: tuple[tuple[tuple[LearningGoal, History], ...], dt.date]
    ) -> None:
        """Asked about a past day, goal health equals health of the goals as they stood then."""
        goals, as_of = replay
        final = [history[-1][1] if history else draft for draft, history in goals]
        then = [_as_it_stood(draft, history, as_of) for draft, history in goals]
        reviews = [
            DevelopmentReview(
                id=f"mus-{owner}",
                employee=owner,
                leader="p01",
                held_on=START,
                goals=[g.id for g in final if g.owner == owner],
            )
            for owner in _OWNERS
        ]
        for now, old in zip(final, then, strict=True):
            assert now.status_on(as_of) is old.status
        report = goal_health(final, reviews, as_of=as_of, calendar=WEEK)
        assert report == goal_health(then, reviews, as_of=as_of, calendar=WEEK)
        for owner in _OWNERS:
            health = report.person(owner)
            mine = [g for g in then if g.owner == owner]
            active = sorted(g.id for g in mine if g.status.is_active)
            assert list(health.active) == active
            overdue = sorted(
                g.id
                for g in mine
                if g.status.is_active and g.target_date is not None and g.target_date < as_of
            )
            assert list(health.overdue) == overdue
            for due in health.follow_ups_due:
                assert list(due.goals) == active
