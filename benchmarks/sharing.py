"""Benchmark: presenter rotation and learning buddies at the scale of a large organisation.

Run from the repository root::

    .venv/bin/python benchmarks/sharing.py            # median of 5 runs
    .venv/bin/python benchmarks/sharing.py --quick    # median of 3 runs

The instance, seeded and synthetic: 2,000 people in 40 teams of 50 (everyone
eligible, start dates spread over 20 years, a few newcomers), a weekly series
of Friday stories at 14:00 in Europe/Copenhagen over two years (2027–2028) on
a working-day calendar with 30 holidays, 1,500 absences of 1 to 15 days and a
year of history (one turn a week in 2026). It measures

* ``plan``: :func:`learnkit.sharing.plan` for the two years: expanding the
  series, choosing presenters and topics, the explanations' facts;
* ``plan, pairs across teams``: the same with two presenters per session;
* ``re-plan after an illness``: ``plan(..., keep=...)`` after someone planned
  in the first month falls ill;
* ``buddy_round``: one round of learning buddies for all 2,000, with six past
  rounds to avoid.

Each figure is the median of several runs in one process, building the input
not timed. Issue 7's budget: planning two years for 2,000 eligible people with
absences "well under a second". The exit status is 1 when ``plan`` misses it.
Benchmarks are run on purpose, never as timed tests.
"""

from __future__ import annotations

import datetime as dt
import random
import sys

from _timing import median_of

from learnkit.people import Person, Roster, Team
from learnkit.sharing import (
    FRIDAY_STORY,
    Absence,
    BuddyRound,
    SessionSeries,
    Topic,
    Turn,
    buddy_round,
    plan,
)
from learnkit.time import Calendar, Holiday, Period

PEOPLE = 2_000
TEAMS = 40
ABSENCES = 1_500
BUDGET_SECONDS = 1.0
PERIOD = Period(dt.date(2027, 1, 1), dt.date(2028, 12, 31))


def synthetic_roster(*, seed: int = 7) -> Roster:
    """2,000 people in 40 teams of 50, started over the last 20 years (a few just now)."""
    rng = random.Random(seed)
    teams = [Team(id=f"t{t:02d}", name=f"Team {t}") for t in range(TEAMS)]
    people = [
        Person(
            id=f"p{index:04d}",
            name=f"Person {index}",
            team=f"t{index % TEAMS:02d}",
            start_date=dt.date(2026, 12, 1) - dt.timedelta(days=rng.randrange(20 * 365)),
        )
        for index in range(PEOPLE)
    ]
    return Roster(people=people, teams=teams)


def synthetic_series() -> SessionSeries:
    """Every Friday at 14:00 in 2027 and 2028, on a calendar with 15 holidays a year."""
    rng = random.Random(11)
    holidays = {
        dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
        for year in (2026, 2027, 2028)
        for _ in range(15)
    }
    calendar = Calendar(
        holidays=[Holiday(day, f"Fridag {day.isoformat()}") for day in sorted(holidays)],
        first_day=dt.date(2026, 1, 1),
        last_day=dt.date(2028, 12, 31),
    )
    return SessionSeries(
        id="fredag",
        name="Fredagsfortællinger",
        format=FRIDAY_STORY,
        rule="FREQ=WEEKLY;BYDAY=FR",
        start_time=dt.time(14),
        first=dt.date(2026, 1, 2),
        last=dt.date(2028, 12, 31),
        calendar=calendar,
    )


def synthetic_input(roster: Roster) -> tuple[list[Absence], list[Turn], list[Topic]]:
    """1,500 absences in the two years, a year of weekly turns in 2026, 150 topics."""
    rng = random.Random(13)
    ids = [person.id for person in roster]
    absences = []
    for _ in range(ABSENCES):
        first = PERIOD.first + dt.timedelta(days=rng.randrange(PERIOD.days))
        absences.append(
            Absence(
                person=rng.choice(ids),
                period=Period(first, first + dt.timedelta(days=rng.randrange(15))),
            )
        )
    history = [
        Turn(person=rng.choice(ids), on=dt.date(2026, 1, 2) + dt.timedelta(weeks=week))
        for week in range(52)
    ]
    topics = [
        Topic(
            id=f"emne{index:03d}",
            title=f"Emne {index}",
            proposed_by=rng.choice(ids),
            proposed_on=dt.date(2026, 6, 1),
            votes=rng.sample(ids, rng.randrange(12)),
        )
        for index in range(150)
    ]
    return absences, history, topics


def main(argv: list[str]) -> int:
    """Print one row per measurement; 1 when ``plan`` misses the budget."""
    runs = 3 if "--quick" in argv else 5
    roster = synthetic_roster()
    series = synthetic_series()
    absences, history, topics = synthetic_input(roster)

    def run(presenters: int = 1) -> object:
        return plan(
            series,
            roster,
            PERIOD,
            topics=topics,
            absences=absences,
            history=history,
            seed=1,
            presenters=presenters,
        )

    first = plan(series, roster, PERIOD, topics=topics, absences=absences, history=history, seed=1)
    ill = first.assignments[2].people[0]
    held = first.assignments[2].session.held_on
    illness = Absence(person=ill, period=Period(held, held + dt.timedelta(days=4)))

    def replan() -> object:
        return plan(
            series,
            roster,
            PERIOD,
            topics=topics,
            absences=[*absences, illness],
            history=history,
            seed=1,
            keep=first,
        )

    ids = [person.id for person in roster]
    monday = dt.date(2027, 1, 4)
    past: list[BuddyRound] = []
    for week in range(6, 0, -1):
        on = monday - dt.timedelta(weeks=week)
        past.append(buddy_round(ids, roster, on=on, seed=3, history=past))

    rows = [
        ("plan, 2 years of weekly sessions", len(first.assignments), median_of(run, runs)),
        ("plan, pairs across teams", len(first.assignments), median_of(lambda: run(2), runs)),
        ("re-plan after an illness (keep=)", len(first.assignments), median_of(replan, runs)),
        (
            "buddy_round, 2,000 people, 6 past rounds",
            PEOPLE,
            median_of(lambda: buddy_round(ids, roster, on=monday, seed=3, history=past), runs),
        ),
    ]
    width = max(len(name) for name, _, _ in rows)
    print(f"{PEOPLE} people in {TEAMS} teams, {ABSENCES} absences, {len(history)} past turns")
    print(f"{'measurement':<{width}}  {'size':>6}  {'seconds':>8}")
    for name, size, seconds in rows:
        print(f"{name:<{width}}  {size:>6}  {seconds:>8.3f}")
    return 0 if rows[0][2] < BUDGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
