"""Benchmark: what a bot should say, for the example organisation and for 2,000 people.

Run from the repository root::

    .venv/bin/python benchmarks/nudges.py            # median of 5 runs
    .venv/bin/python benchmarks/nudges.py --quick    # median of 3 runs

It measures :func:`learnkit.nudges.due` on Tuesday 24 November 2026 at 09:00
in Copenhagen, first for the example organisation *Fjordlys A/S* (60 people),
then for a seeded synthetic workspace of 2,000 people in 100 teams, in three
time zones (Copenhagen, London, Nuuk): 1,500 tasks of the last 20 days with
three participants each (two of whom reflected), twelve weeks of time
allocations for everyone, 200 active mentorships, a development review with a
goal in progress for everyone, 100 weekly team meetings that all start at
09:30 on Tuesdays (a worst case for the meeting openers: every team's window
is open at once, each in its 47th session), 100 incident reviews with 500 open
action items due from 1 to 360 days ago (about 400 owners, some with several
items), and a plan of a daily talk series from November to January with two
presenters per session (a re-plan of December on top). Besides the total, one row per
reason's rule (the occasions it finds, before they are grouped into one nudge
per recipient and reason).

Each figure is the median of several runs in one process, building the input
not timed. Issue 8's budget (set by the lead): under 2 s for 2,000 people. The
exit status is 1 when the 2,000-person total misses it. Benchmarks are run on
purpose, never as timed tests.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from collections.abc import Callable
from zoneinfo import ZoneInfo

from _timing import median_of

from learnkit.examples import example_workspace
from learnkit.goals import DevelopmentReview, GoalStatus, LearningGoal
from learnkit.incidents import ActionItem, ActionStatus, ActionType, IncidentReview, ReviewStatus
from learnkit.leadership import DEFAULT_NO_DEVELOPMENT_WEEKS, TimeAllocation
from learnkit.mentoring import Mentorship, MentorshipStatus
from learnkit.nudges import due
from learnkit.nudges._balance import no_development_time
from learnkit.nudges._sessions import meeting_openers, presenter_reminders
from learnkit.nudges._work import action_items_overdue, check_ins, goal_follow_ups, reflections
from learnkit.people import Person, Roster, Team
from learnkit.reflection import CompletedTask, Reflection, SubjectKind, TaskRef, TeamMeeting
from learnkit.sharing import (
    FRIDAY_STORY,
    Assignment,
    ChoiceBasis,
    Plan,
    PresenterChoice,
    SessionFormat,
    SessionSeries,
    expand,
)
from learnkit.time import Period
from learnkit.workspace import Workspace

PEOPLE = 2_000
TEAMS = 100
BUDGET_SECONDS = 2.0
CPH = ZoneInfo("Europe/Copenhagen")
NOW = dt.datetime(2026, 11, 24, 9, 0, tzinfo=CPH)


def synthetic_workspace(*, seed: int = 1) -> Workspace:
    """2,000 people with tasks, allocations, mentorships, reviews and team meetings (see above)."""
    rng = random.Random(seed)
    zones = (CPH, ZoneInfo("Europe/London"), ZoneInfo("America/Nuuk"))
    teams = [Team(id=f"t{k}", name=f"Team {k}") for k in range(TEAMS)]
    people = [
        Person(
            id=f"p{i}",
            name=f"Person {i}",
            team=f"t{i % TEAMS}",
            start_date=dt.date(2020, 1, 1),
            time_zone=rng.choice(zones),
        )
        for i in range(PEOPLE)
    ]
    tasks, written = [], []
    for k in range(1_500):
        done = NOW - dt.timedelta(hours=rng.randint(1, 24 * 20))
        ref = TaskRef(kind=SubjectKind.TASK, id=f"T{k}", title=f"Opgave {k}", completed_at=done)
        crew = rng.sample(range(PEOPLE), 3)
        tasks.append(CompletedTask(task=ref, participants=[f"p{i}" for i in crew]))
        written.extend(
            Reflection(
                id=f"r{k}-{i}",
                author=f"p{i}",
                about=ref,
                recorded_at=done + dt.timedelta(hours=1),
                learned="Noget nyt",
            )
            for i in crew[:2]
        )
    monday = dt.date(2026, 8, 31)
    allocations = [
        TimeAllocation(
            person=f"p{i}",
            week=monday + dt.timedelta(weeks=w),
            development_hours=float(rng.choice([0, 0, 2, 4, 6])),
            operations_hours=30.0,
        )
        for i in range(PEOPLE)
        for w in range(12)
    ]
    mentorships = [
        Mentorship(
            id=f"m{k}",
            mentor=f"p{k}",
            mentee=f"p{k + 1000}",
            status=MentorshipStatus.ACTIVE,
            proposed_on=dt.date(2026, 8, 1),
            started_on=dt.date(2026, 8, 3),
            planned_end=dt.date(2027, 2, 3),
        )
        for k in range(200)
    ]
    reviews, goals = [], []
    for i in range(PEOPLE):
        held = dt.date(2026, 3, 1) + dt.timedelta(days=i % 200)
        reviews.append(
            DevelopmentReview(
                id=f"mus{i}",
                employee=f"p{i}",
                leader=f"p{(i + 1) % PEOPLE}",
                held_on=held,
                goals=(f"g{i}",),
            )
        )
        goals.append(
            LearningGoal(
                id=f"g{i}",
                owner=f"p{i}",
                title="Lære noget nyt",
                status=GoalStatus.IN_PROGRESS,
                agreed_on=held,
                started_on=held,
                review=f"mus{i}",
            )
        )
    meeting = SessionFormat(id="team_meeting", minutes=45, name="Teammøde")
    meetings = [
        TeamMeeting(
            team=f"t{k}",
            series=SessionSeries(
                id=f"tm{k}",
                name=f"Teammøde {k}",
                format=meeting,
                rule="FREQ=WEEKLY;BYDAY=TU",
                start_time=dt.time(9, 30),
                first=dt.date(2026, 1, 6),
                last=dt.date(2027, 6, 30),
            ),
        )
        for k in range(TEAMS)
    ]
    reviews_of_incidents = [
        IncidentReview(
            id=f"ir{k}",
            incident=f"i{k}",
            author=f"p{k}",
            status=ReviewStatus.DRAFT,
            action_items=tuple(
                ActionItem(
                    id=f"a{j}",
                    title=f"Handling {k}.{j}",
                    status=ActionStatus.OPEN,
                    created_on=dt.date(2025, 11, 1),
                    type=ActionType.DETECT,
                    owner=f"p{rng.randrange(400)}",
                    due=NOW.date() - dt.timedelta(days=rng.randint(1, 360)),
                )
                for j in range(5)
            ),
        )
        for k in range(100)
    ]
    talks = SessionSeries(
        id="talks",
        name="Daglige oplæg",
        format=FRIDAY_STORY,
        rule="FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        start_time=dt.time(14),
        first=dt.date(2026, 11, 2),
        last=dt.date(2027, 1, 29),
    )
    plans = [
        _plan(talks, Period(talks.first, talks.last), rng, seed=1),
        _plan(talks, Period(dt.date(2026, 12, 1), dt.date(2026, 12, 31)), rng, seed=2),
    ]
    return Workspace(
        roster=Roster(people=people, teams=teams),
        name="Syntetisk A/S",
        tasks=tuple(tasks),
        reflections=tuple(written),
        allocations=tuple(allocations),
        mentorships=tuple(mentorships),
        development_reviews=tuple(reviews),
        goals=tuple(goals),
        team_meetings=tuple(meetings),
        incident_reviews=tuple(reviews_of_incidents),
        series=(talks,),
        plans=tuple(plans),
    )


def _plan(series: SessionSeries, period: Period, rng: random.Random, *, seed: int) -> Plan:
    """A plan of ``series`` over ``period`` with two people picked by ``rng`` per session."""
    assignments = []
    for session in expand(series, period).sessions:
        picked = rng.sample(range(PEOPLE), 2)
        choices = tuple(
            PresenterChoice(
                person=f"p{i}",
                team=f"t{i % TEAMS}",
                turns_before=0,
                last_presented=None,
                same_team_as_previous=False,
                basis=ChoiceBasis.FEWEST,
            )
            for i in picked
        )
        assignments.append(
            Assignment(
                session=session, presenters=choices, topic=None, candidates=10, fewest_turns=0
            )
        )
    return Plan(series=series.id, period=period, seed=seed, assignments=tuple(assignments))


def main(argv: list[str]) -> int:
    """Print one row per measurement; 1 when ``due`` for 2,000 people misses the budget."""
    runs = 3 if "--quick" in argv else 5
    example = example_workspace()
    big = synthetic_workspace()
    weeks = DEFAULT_NO_DEVELOPMENT_WEEKS
    rules: list[tuple[str, Callable[[], list[object]]]] = [
        ("  reflection_due", lambda: list(reflections(big, NOW, "da"))),
        ("  check_in_due", lambda: list(check_ins(big, NOW, "da"))),
        ("  goal_follow_up_due", lambda: list(goal_follow_ups(big, NOW, "da"))),
        ("  action_item_overdue", lambda: list(action_items_overdue(big, NOW, "da"))),
        ("  presenter_reminder", lambda: list(presenter_reminders(big, NOW, "da"))),
        ("  meeting_opener", lambda: list(meeting_openers(big, NOW, "da"))),
        (
            "  no_development_time",
            lambda: list(no_development_time(big, NOW, "da", weeks=weeks)),
        ),
    ]
    rows = [
        (
            "due, example (60 people)",
            len(due(example, NOW)),
            median_of(lambda: due(example, NOW), runs),
        ),
        ("due, 2,000 people", len(due(big, NOW)), median_of(lambda: due(big, NOW), runs)),
    ]
    rows.extend((name, len(rule()), median_of(rule, runs)) for name, rule in rules)
    width = max(len(name) for name, _, _ in rows)
    print(f"as of {NOW.isoformat()}; rows indented: one reason's occasions, 2,000 people")
    print(f"{'measurement':<{width}}  {'count':>6}  {'seconds':>8}")
    for name, size, seconds in rows:
        print(f"{name:<{width}}  {size:>6}  {seconds:>8.3f}")
    return 0 if rows[1][2] < BUDGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
