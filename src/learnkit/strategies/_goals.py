"""Strategies for learning goals, development reviews, SMART findings and goal health."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from hypothesis import strategies as st

from learnkit.goals import (
    DEFAULT_FOLLOW_UP_RULE,
    PREPARATION_QUESTIONS,
    Activity,
    ActivityKind,
    ActivityMix,
    DevelopmentReview,
    DevelopmentReviewFinding,
    FollowUp,
    GoalCarryOver,
    GoalHealth,
    GoalHealthReport,
    GoalStatus,
    LearningGoal,
    PreparationAnswer,
    ProgressNote,
    ReviewFindingCode,
    SmartFinding,
    TeamGoalHealth,
    carry_over_into,
)
from learnkit.goals._smart import CODES
from learnkit.strategies._foundation import (
    DEFAULT_MAX_DATE,
    DEFAULT_MIN_DATE,
    _ids,
    _require_sizes,
    _require_span,
    _skill_names,
    _texts,
)

__all__ = [
    "FOLLOW_UP_RULES",
    "activities",
    "activity_mixes",
    "development_review_findings",
    "development_reviews",
    "goal_carry_overs",
    "goal_follow_ups",
    "goal_health_reports",
    "goal_healths",
    "learning_goals",
    "preparation_answers",
    "progress_notes",
    "smart_findings",
    "team_goal_healths",
]

FOLLOW_UP_RULES: tuple[str, ...] = (
    DEFAULT_FOLLOW_UP_RULE,
    "FREQ=MONTHLY",
    "FREQ=MONTHLY;INTERVAL=2",
    "FREQ=WEEKLY;INTERVAL=6",
    "FREQ=MONTHLY;BYDAY=-1FR",
    "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1",
    "FREQ=MONTHLY;BYDAY=1MO;COUNT=5",
    "FREQ=WEEKLY;BYDAY=TU,TH;INTERVAL=8",
    "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=31",
    "FREQ=DAILY;INTERVAL=45",
    "RRULE:FREQ=MONTHLY;INTERVAL=4;UNTIL=20391231",
)
"""Follow-up rules :func:`development_reviews` picks from, the default first.

They cover the clamped month steps, last weekdays of a month, rules that skip
short months (``BYMONTHDAY=31``), ``COUNT`` and ``UNTIL``.
"""

_LATEST_REVIEW = dt.date(9000, 12, 31)  # leaves room for the next review

_TITLES = (
    "Holde en fredagsfortælling om vores deploy-pipeline",
    "Facilitere teamets retrospektiv på egen hånd",
    "Blive bedre til SQL",
    "Lære mere om Kubernetes",
    "Lead a blameless incident review",
    "Get better at giving feedback",
    "Skrive testbar Python med pytest",
)
_CRITERIA = (
    "",
    "Har holdt to oplæg for afdelingen",
    "Tre kodegennemgange uden hjælp",
    "Has run four retrospectives without help",
    "Føler mig mere sikker",
)
_ACTIVITY_TEXTS = (
    "Parprogrammering med en erfaren kollega",
    "Kursus i Kubernetes",
    "Holde oplæg på en miniworkshop",
    "Shadow the on-call engineer",
)
_NOTE_TEXTS = ("Godt i gang", "Holdt første oplæg", "Blocked by a release", "Ingen tid i sprinten")
_ANSWERS = ("Migreringen til skyen", "Mere tid til udvikling", "Feedback efter møder")
_LINKS = ("", "", "Stabil drift af platformen", "Udvikler")


def activities() -> st.SearchStrategy[Activity]:
    """Activities of every 70-20-10 kind with Danish and arbitrary descriptions."""
    return st.builds(Activity, st.sampled_from(ActivityKind), _texts(_ACTIVITY_TEXTS))


def activity_mixes() -> st.SearchStrategy[ActivityMix]:
    """70-20-10 mixes of activity counts, empty ones included."""
    counts = st.integers(0, 20)
    return st.builds(
        ActivityMix,
        on_the_job=counts,
        from_others=counts,
        formal=counts,
        goals=st.lists(_ids, max_size=3, unique=True),
    )


def progress_notes(
    *, min_date: dt.date = DEFAULT_MIN_DATE, max_date: dt.date = DEFAULT_MAX_DATE
) -> st.SearchStrategy[ProgressNote]:
    """Progress notes dated between ``min_date`` and ``max_date``."""
    _require_span(min_date, max_date)
    return st.builds(
        ProgressNote,
        st.dates(min_value=min_date, max_value=max_date),
        _texts(_NOTE_TEXTS),
        _ids,
    )


def learning_goals(
    *,
    statuses: Iterable[GoalStatus] = tuple(GoalStatus),
    owners: st.SearchStrategy[str] | None = None,
    min_date: dt.date = DEFAULT_MIN_DATE,
    max_date: dt.date = DEFAULT_MAX_DATE,
    max_notes: int = 3,
) -> st.SearchStrategy[LearningGoal]:
    """Valid learning goals in one of ``statuses``, with the dates each status needs.

    Dates lie between ``min_date`` and ``max_date`` (target dates up to a year
    later); notes are dated on or after the agreement when there is one.
    """
    _require_span(min_date, max_date)
    _require_sizes(0, max_notes)
    return _learning_goals(
        st.sampled_from(tuple(statuses)),
        owners if owners is not None else _ids,
        (st.dates(min_value=min_date, max_value=max_date), max_date),
        st.lists(_note_parts, max_size=max_notes),
    )


def _shift(day: dt.date, days: int, *, latest: dt.date = dt.date.max) -> dt.date:
    """``day`` moved by ``days``, kept between the first day of the calendar and ``latest``."""
    if days >= 0:
        return day + dt.timedelta(days=min(days, (latest - day).days))
    return day - dt.timedelta(days=min(-days, (day - dt.date.min).days))


# Built once: building strategies inside a draw costs more than drawing from them.
_steps = st.integers(0, 200)
_target_steps = st.none() | st.integers(-30, 400)
_note_parts = st.tuples(st.integers(0, 400), _texts(_NOTE_TEXTS), _ids)
_goal_titles = _texts(_TITLES, max_size=60)
_drop_reasons = _texts(("Nye prioriteter", "Skiftet team"))
_whys = st.sampled_from(("", "Teamet mangler det", "Needed for on-call"))
_criteria = st.sampled_from(_CRITERIA)
_links = st.sampled_from(_LINKS)
_activity_lists = st.lists(
    st.builds(Activity, st.sampled_from(ActivityKind), _texts(_ACTIVITY_TEXTS)), max_size=3
)
_skill_lists = st.lists(_skill_names, max_size=3, unique=True)
_optional_ids = st.none() | _ids


@st.composite
def _learning_goals(
    draw: st.DrawFn,
    statuses: st.SearchStrategy[GoalStatus],
    owners: st.SearchStrategy[str],
    span: tuple[st.SearchStrategy[dt.date], dt.date],
    note_lists: st.SearchStrategy[list[tuple[int, str, str]]],
) -> LearningGoal:
    days, max_date = span
    status = draw(statuses)
    day = draw(days)
    dates: dict[str, Any] = {}
    agreed = status in (GoalStatus.AGREED, GoalStatus.IN_PROGRESS, GoalStatus.ACHIEVED) or (
        status in (GoalStatus.DROPPED, GoalStatus.CARRIED_OVER) and draw(st.booleans())
    )
    started = status in (GoalStatus.IN_PROGRESS, GoalStatus.ACHIEVED) or (
        agreed and status in (GoalStatus.DROPPED, GoalStatus.CARRIED_OVER) and draw(st.booleans())
    )
    current = day
    if agreed:
        dates["agreed_on"] = current
    if started:
        current = _shift(current, draw(_steps), latest=max_date)
        dates["started_on"] = current
    if status.is_final:
        dates["closed_on"] = _shift(current, draw(_steps), latest=max_date)
    if status is GoalStatus.DROPPED:
        dates["drop_reason"] = draw(_drop_reasons)
    goal_id = draw(_ids)
    step = draw(_target_steps)
    notes = [
        ProgressNote(_shift(day, offset, latest=max_date), text, author)
        for offset, text, author in draw(note_lists)
    ]
    carried = draw(_optional_ids)
    return LearningGoal(
        id=goal_id,
        owner=draw(owners),
        title=draw(_goal_titles),
        why=draw(_whys),
        success_criterion=draw(_criteria),
        target_date=None if step is None else _shift(day, step),
        activities=draw(_activity_lists),
        status=status,
        notes=notes,
        skills=draw(_skill_lists),
        team_goal=draw(_links),
        role=draw(_links),
        review=draw(_optional_ids),
        carried_from=None if carried == goal_id else carried,
        **dates,
    )


def preparation_answers() -> st.SearchStrategy[PreparationAnswer]:
    """Answers to the built-in preparation questions and to questions of one's own."""
    questions = st.one_of(
        st.sampled_from(PREPARATION_QUESTIONS), _texts(("Hvad vil du gerne prøve?",))
    )
    return st.builds(PreparationAnswer, questions, _texts(_ANSWERS))


def development_reviews(
    *,
    min_date: dt.date = DEFAULT_MIN_DATE,
    max_date: dt.date = DEFAULT_MAX_DATE,
    rules: Iterable[str] = FOLLOW_UP_RULES,
    max_goals: int = 4,
) -> st.SearchStrategy[DevelopmentReview]:
    """Valid development reviews held between ``min_date`` and ``max_date``.

    The next review is the default twelve months later, or 1 to 1000 days
    later; the follow-up rule comes from ``rules``. Reviews are held no later
    than the year 9000, so the next review always fits in the calendar.
    """
    _require_span(min_date, max_date)
    _require_sizes(0, max_goals)
    return _development_reviews(min_date, max_date, tuple(rules), max_goals)


@st.composite
def _development_reviews(
    draw: st.DrawFn, min_date: dt.date, max_date: dt.date, rules: tuple[str, ...], max_goals: int
) -> DevelopmentReview:
    employee = draw(_ids)
    leader = draw(_ids.filter(lambda other: other != employee))
    held = draw(st.dates(min_value=min_date, max_value=min(max_date, _LATEST_REVIEW)))
    gap = draw(st.none() | st.integers(1, 1000))
    goals = draw(st.lists(_ids, max_size=max_goals, unique=True))
    carried = draw(st.lists(st.sampled_from(goals), unique=True) if goals else st.just([]))
    answers = draw(
        st.lists(preparation_answers(), max_size=3, unique_by=lambda answer: answer.question)
    )
    extra: dict[str, Any] = {}
    if gap is not None:
        extra["next_review_on"] = held + dt.timedelta(days=gap)
    return DevelopmentReview(
        id=draw(_ids),
        employee=employee,
        leader=leader,
        held_on=held,
        answers=answers,
        goals=goals,
        follow_up_rule=draw(st.sampled_from(rules)),
        carried_over=carried,
        **extra,
    )


def development_review_findings() -> st.SearchStrategy[DevelopmentReviewFinding]:
    """Findings of :func:`~learnkit.goals.check_review`, of every code."""
    return st.builds(
        DevelopmentReviewFinding,
        review=_ids,
        code=st.sampled_from(ReviewFindingCode),
        field=st.sampled_from(("employee", "leader", "goals[g-1]")),
        value=_ids,
    )


@st.composite
def _smart_findings(draw: st.DrawFn) -> SmartFinding:
    code = draw(st.sampled_from(tuple(CODES)))
    criterion, field = CODES[code]
    return SmartFinding(
        goal=draw(_ids),
        code=code,
        criterion=criterion,
        field=field,
        phrases=tuple(draw(st.lists(st.sampled_from(("styrke", "learn more")), max_size=2))),
        count=draw(st.none() | st.integers(0, 9)),
        limit=draw(st.none() | st.integers(1, 9)),
        bound=draw(st.none() | st.dates(DEFAULT_MIN_DATE, DEFAULT_MAX_DATE)),
    )


def smart_findings() -> st.SearchStrategy[SmartFinding]:
    """SMART findings of every code, each with its own criterion and field."""
    return _smart_findings()


@st.composite
def _goal_carry_overs(draw: st.DrawFn) -> GoalCarryOver:
    employee = draw(_ids)
    leader = draw(_ids.filter(lambda other: other != employee))
    held = draw(st.dates(dt.date(2010, 1, 1), dt.date(2035, 12, 31)))
    goals = draw(
        st.lists(
            learning_goals(
                owners=st.just(employee),
                min_date=held - dt.timedelta(days=300),
                max_date=held,
                max_notes=1,
            ),
            max_size=3,
            unique_by=lambda goal: goal.id,
        )
    )
    previous = DevelopmentReview(
        id="mus-1",
        employee=employee,
        leader=leader,
        held_on=held - dt.timedelta(days=365),
        goals=[goal.id for goal in goals],
    )
    following = DevelopmentReview(id="mus-2", employee=employee, leader=leader, held_on=held)
    return carry_over_into(previous, goals, following, agree_continuations=draw(st.booleans()))


def goal_carry_overs() -> st.SearchStrategy[GoalCarryOver]:
    """Results of :func:`~learnkit.goals.carry_over_into` on generated reviews and goals."""
    return _goal_carry_overs()


def goal_follow_ups() -> st.SearchStrategy[FollowUp]:
    """Follow-ups that are due, as :func:`~learnkit.goals.goal_health` reports them."""
    return st.builds(
        FollowUp,
        review=_ids,
        employee=_ids,
        leader=_ids,
        on=st.dates(DEFAULT_MIN_DATE, DEFAULT_MAX_DATE),
        goals=st.lists(_ids, max_size=3, unique=True),
        days_overdue=st.integers(0, 60),
    )


_goal_ids = st.lists(_ids, max_size=3, unique=True)


def goal_healths() -> st.SearchStrategy[GoalHealth]:
    """One person's goal health, with ids of goals and due follow-ups."""
    return st.builds(
        GoalHealth,
        person=_ids,
        active=_goal_ids,
        overdue=_goal_ids,
        stale=_goal_ids,
        follow_ups_due=st.lists(goal_follow_ups(), max_size=2),
    )


def team_goal_healths() -> st.SearchStrategy[TeamGoalHealth]:
    """A team's goal health."""
    return st.builds(
        TeamGoalHealth,
        team=_ids,
        people=_goal_ids,
        active=_goal_ids,
        overdue=_goal_ids,
        stale=_goal_ids,
        follow_ups_due=st.lists(goal_follow_ups(), max_size=2),
    )


def goal_health_reports() -> st.SearchStrategy[GoalHealthReport]:
    """Goal health reports with people and teams."""
    return st.builds(
        GoalHealthReport,
        as_of=st.dates(DEFAULT_MIN_DATE, DEFAULT_MAX_DATE),
        stale_weeks=st.integers(1, 52),
        people=st.lists(goal_healths(), max_size=2, unique_by=lambda h: h.person),
        teams=st.lists(team_goal_healths(), max_size=2, unique_by=lambda h: h.team),
    )


FACTORIES: tuple[tuple[type, Callable[[], st.SearchStrategy[Any]]], ...] = (
    (Activity, activities),
    (ActivityMix, activity_mixes),
    (ProgressNote, progress_notes),
    (LearningGoal, learning_goals),
    (PreparationAnswer, preparation_answers),
    (DevelopmentReview, development_reviews),
    (DevelopmentReviewFinding, development_review_findings),
    (SmartFinding, smart_findings),
    (GoalCarryOver, goal_carry_overs),
    (FollowUp, goal_follow_ups),
    (GoalHealth, goal_healths),
    (TeamGoalHealth, team_goal_healths),
    (GoalHealthReport, goal_health_reports),
)
"""The default strategy of every public type of this part, for ``st.from_type``."""
