"""Benchmark: the learning-culture report over the example organisation and at 2,000 people.

Run from the repository root::

    .venv/bin/python benchmarks/culture.py            # median of 5 runs
    .venv/bin/python benchmarks/culture.py --quick    # median of 3 runs

It measures :func:`learnkit.culture.culture_report` (the period and the
previous one, every indicator) and both renderings, over

* the example organisation *Fjordlys A/S* (60 people, ``example_workspace()``);
* a seeded synthetic workspace of 2,000 people in 40 teams over half a year:
  5,000 completed tasks with 9,000 reflections, a weekly Friday story with a
  turn most weeks, 700 mentorships, 3,000 goals, 6,000 recognitions, 26 weeks of
  time allocations for everyone (52,000), 200 incidents with reviews and action
  items, and two safety pulses with 1,600 responses each.

Each figure is the median of several runs in one process; building the input is
not timed. Issue 8's budget: a report over the example organisation "well under
a second". The exit status is 1 when it misses the budget. Benchmarks are run
on purpose, never as timed tests.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from zoneinfo import ZoneInfo

from _timing import median_of

from learnkit.culture import culture_report, render_markdown, render_text
from learnkit.examples import EXAMPLE_AS_OF, example_workspace
from learnkit.goals import GoalStatus, LearningGoal
from learnkit.incidents import (
    ActionItem,
    ActionStatus,
    ActionType,
    Incident,
    IncidentKind,
    IncidentReview,
    Milestones,
    ReviewStatus,
)
from learnkit.leadership import Recognition, RecognitionKind, TimeAllocation
from learnkit.mentoring import Mentorship, MentorshipStatus
from learnkit.people import Person, Roster, Team
from learnkit.reflection import CompletedTask, Reflection, SubjectKind, TaskRef, Visibility
from learnkit.safety import SafetyResponse, SafetySurvey
from learnkit.sharing import FRIDAY_STORY, SessionSeries, Turn, expand
from learnkit.time import Period
from learnkit.workspace import Workspace

PEOPLE = 2_000
TEAMS = 40
AS_OF = dt.date(2026, 11, 23)
BUDGET_SECONDS = 0.5
CPH = ZoneInfo("Europe/Copenhagen")
FIRST = AS_OF - dt.timedelta(days=181)


def _day(rng: random.Random) -> dt.date:
    return FIRST + dt.timedelta(days=rng.randrange((AS_OF - FIRST).days + 1))


def _noon(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(12), tzinfo=CPH)


def synthetic_workspace(*, seed: int = 8) -> Workspace:
    """A workspace of 2,000 people with half a year of every kind of record."""
    rng = random.Random(seed)
    teams = [Team(id=f"t{t:02d}", name=f"Team {t}") for t in range(TEAMS)]
    people = [
        Person(
            id=f"p{i:04d}",
            name=f"Person {i}",
            team=f"t{i % TEAMS:02d}",
            start_date=FIRST + dt.timedelta(days=rng.randrange(200))
            if i % 20 == 0
            else dt.date(2020, 1, 1),
        )
        for i in range(PEOPLE)
    ]
    ids = [person.id for person in people]
    tasks, reflections = [], []
    for t in range(5_000):
        ref = TaskRef(
            kind=SubjectKind.TASK, id=f"T{t}", title="Opgave", completed_at=_noon(_day(rng))
        )
        crew = rng.sample(ids, 2)
        tasks.append(CompletedTask(task=ref, participants=crew))
        for author in crew[: rng.choice((0, 1, 2, 2))]:
            reflections.append(
                Reflection(
                    id=f"r{len(reflections)}",
                    author=author,
                    about=ref,
                    recorded_at=ref.completed_at + dt.timedelta(hours=20),  # type: ignore[operator]
                    learned="Noget",
                    visibility=rng.choice(tuple(Visibility)),
                )
            )
    series = SessionSeries(
        id="fredag",
        name="Fredagsfortællinger",
        format=FRIDAY_STORY,
        rule="FREQ=WEEKLY;BYDAY=FR",
        start_time=dt.time(14),
        first=FIRST,
        last=AS_OF,
    )
    turns = [
        Turn(person=rng.choice(ids), on=session.held_on, session=session.id)
        for session in expand(series).sessions
        if rng.random() < 0.8
    ]
    mentorships = [
        Mentorship(
            id=f"m{m}",
            mentor=ids[m],
            mentee=ids[-1 - m],
            status=MentorshipStatus.ACTIVE,
            proposed_on=(start := _day(rng)),
            started_on=start,
            planned_end=start + dt.timedelta(days=180),
        )
        for m in range(700)
    ]
    goals = []
    for g in range(3_000):
        agreed = _day(rng)
        achieved = rng.random() < 0.3
        goals.append(
            LearningGoal(
                id=f"g{g}",
                owner=rng.choice(ids),
                title="Lære noget",
                status=GoalStatus.ACHIEVED if achieved else GoalStatus.AGREED,
                agreed_on=agreed,
                started_on=agreed if achieved else None,
                closed_on=agreed + dt.timedelta(days=30) if achieved else None,
                target_date=agreed + dt.timedelta(days=rng.randrange(30, 200)),
            )
        )
    recognitions = []
    for k in range(6_000):
        giver, receiver = rng.sample(ids, 2)
        recognitions.append(
            Recognition(
                id=f"k{k}",
                giver=giver,
                receiver=receiver,
                at=_noon(_day(rng)),
                kind=rng.choice(tuple(RecognitionKind)),
                message="Tak",
            )
        )
    monday = FIRST - dt.timedelta(days=FIRST.weekday())
    allocations = [
        TimeAllocation(
            person=person,
            week=monday + dt.timedelta(weeks=w),
            development_hours=rng.choice((0, 2, 4, 6, 8)),
            operations_hours=30,
        )
        for person in ids
        for w in range(26)
    ]
    incidents, reviews = [], []
    for i in range(200):
        resolved = _day(rng)
        incidents.append(
            Incident(
                id=f"i{i}",
                kind=IncidentKind.INCIDENT,
                title="Hændelse",
                summary="",
                severity=rng.choice(("sev1", "sev2", "sev3")),
                team=f"t{i % TEAMS:02d}",
                reported_at=_noon(resolved) - dt.timedelta(hours=3),
                milestones=Milestones(resolved=_noon(resolved)),
            )
        )
        items = [
            ActionItem(
                id=f"a{a}",
                title="Tilføj en alarm",
                status=ActionStatus.DONE,
                created_on=resolved,
                owner=rng.choice(ids),
                due=resolved + dt.timedelta(days=14),
                type=ActionType.DETECT,
                done_on=resolved + dt.timedelta(days=rng.randrange(20)),
            )
            for a in range(3)
        ]
        reviews.append(
            IncidentReview(
                id=f"rv{i}",
                incident=f"i{i}",
                author=rng.choice(ids),
                status=ReviewStatus.PUBLISHED,
                published_at=_noon(resolved + dt.timedelta(days=rng.randrange(8))),
                narrative="Alarmen manglede, så vi opdagede det sent. Det var menneskelige fejl.",
                action_items=items,
            )
        )
    surveys = [
        SafetySurvey(
            id="pulse-1",
            period=Period(FIRST + dt.timedelta(days=20), FIRST + dt.timedelta(days=31)),
        ),
        SafetySurvey(
            id="pulse-2", period=Period(AS_OF - dt.timedelta(days=20), AS_OF - dt.timedelta(days=9))
        ),
    ]
    responses = [
        SafetyResponse(
            survey=survey.id,
            team=f"t{rng.randrange(TEAMS):02d}",
            submitted_on=survey.period.first,
            answers=tuple(rng.randint(1, 7) for _ in range(7)),
        )
        for survey in surveys
        for _ in range(1_600)
    ]
    return Workspace(
        roster=Roster(people=people, teams=teams),
        name="Syntetisk A/S",
        tasks=tuple(tasks),
        reflections=tuple(reflections),
        series=(series,),
        turns=tuple(turns),
        mentorships=tuple(mentorships),
        goals=tuple(goals),
        recognitions=tuple(recognitions),
        allocations=tuple(allocations),
        incidents=tuple(incidents),
        incident_reviews=tuple(reviews),
        safety_surveys=tuple(surveys),
        safety_responses=tuple(responses),
    )


def main(argv: list[str]) -> int:
    """Print one row per measurement; 1 when the example's report misses the budget."""
    runs = 3 if "--quick" in argv else 5
    example = example_workspace()
    synthetic = synthetic_workspace()
    example_report = culture_report(example, as_of=EXAMPLE_AS_OF)
    synthetic_report = culture_report(synthetic, as_of=AS_OF)
    rows = [
        (
            "culture_report, example (60 people)",
            len(example.roster),
            median_of(lambda: culture_report(example, as_of=EXAMPLE_AS_OF), runs),
        ),
        (
            "render_text + render_markdown, example",
            len(example_report.indicators),
            median_of(
                lambda: (render_text(example_report, "da"), render_markdown(example_report, "en")),
                runs,
            ),
        ),
        (
            "culture_report, synthetic (2,000 people)",
            len(synthetic.roster),
            median_of(lambda: culture_report(synthetic, as_of=AS_OF), runs),
        ),
        (
            "render_text + render_markdown, synthetic",
            len(synthetic_report.indicators),
            median_of(
                lambda: (
                    render_text(synthetic_report, "da"),
                    render_markdown(synthetic_report, "en"),
                ),
                runs,
            ),
        ),
    ]
    width = max(len(name) for name, _, _ in rows)
    print(f"{'measurement':<{width}}  {'size':>6}  {'seconds':>8}")
    for name, size, seconds in rows:
        print(f"{name:<{width}}  {size:>6}  {seconds:>8.3f}")
    return 0 if rows[0][2] < BUDGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
