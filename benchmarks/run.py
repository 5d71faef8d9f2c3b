"""Benchmarks for the foundation: rosters, calendars and serialization at organisation scale.

Run with ``make bench`` (or ``python benchmarks/run.py``). Each figure is the best
of several runs in one process on one core; the table is what docs/benchmarks.md
quotes. Benchmarks are run on purpose, never as timed tests.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
from collections.abc import Callable

from learnkit import Calendar, Person, Roster, Skill, Team
from learnkit.serialize import from_json, to_json

SIZES = (1_000, 10_000)
REPEATS = 3


def synthetic_roster(size: int, *, seed: int = 7) -> tuple[list[Person], list[Team]]:
    """People in teams of about 10 under a management tree about five levels deep."""
    rng = random.Random(seed)
    team_count = max(1, size // 10)
    teams = [Team(id=f"t{t:05d}", name=f"Team {t}", manager=f"p{t:06d}") for t in range(team_count)]
    people = []
    for index in range(size):
        # Person i < team_count leads team i and reports up a tree four wide;
        # everyone else joins a random team and reports to its leader.
        if index < team_count:
            team = index
            manager = None if index == 0 else f"p{(index - 1) // 4:06d}"
        else:
            team = rng.randrange(team_count)
            manager = f"p{team:06d}"
        skills = [Skill(f"skill{rng.randrange(40)}", rng.randint(1, 5)) for _ in range(2)]
        people.append(
            Person(
                id=f"p{index:06d}",
                name=f"Person {index}",
                team=f"t{team:05d}",
                manager=manager,
                start_date=dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(9000)),
                skills=skills if skills[0].name != skills[1].name else skills[:1],
                languages=rng.choice([{"da"}, {"da", "en"}, {"en"}]),
            )
        )
    return people, teams


def best_of(action: Callable[[], object]) -> float:
    """The fastest of REPEATS runs, in seconds."""
    timings = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return min(timings)


def roster_rows(size: int) -> list[tuple[str, int, float]]:
    """Build, query and serialize a roster of ``size`` people."""
    people, teams = synthetic_roster(size)
    roster = Roster(people=people, teams=teams)
    ids = [person.id for person in roster]
    pairs = [(ids[i], ids[-1 - i]) for i in range(min(1000, size))]
    text = to_json(roster)
    return [
        (
            "Roster(...) builds and validates",
            size,
            best_of(lambda: Roster(people=people, teams=teams)),
        ),
        (
            "1,000 is_in_line_of_management queries",
            size,
            best_of(lambda: [roster.is_in_line_of_management(a, b) for a, b in pairs]),
        ),
        ("newcomers(as_of)", size, best_of(lambda: roster.newcomers(dt.date(2024, 6, 1)))),
        ("to_json(roster)", size, best_of(lambda: to_json(roster))),
        ("from_json(text, Roster)", size, best_of(lambda: from_json(text, Roster))),
    ]


def main() -> int:
    """Print one table row per measurement."""
    rows = [row for size in SIZES for row in roster_rows(size)]
    calendar = Calendar()
    rows.append(
        (
            "working_days_between over 10 years",
            1,
            best_of(
                lambda: calendar.working_days_between(dt.date(2020, 1, 1), dt.date(2030, 1, 1))
            ),
        )
    )
    try:
        rows.append(
            (
                "Calendar.for_country('DK'), 2000-2100",
                1,
                best_of(lambda: Calendar.for_country("DK")),
            )
        )
    except ImportError:
        print("(holidays extra not installed: Calendar.for_country skipped)", file=sys.stderr)
    width = max(len(name) for name, _, _ in rows)
    print(f"{'measurement':<{width}}  {'people':>7}  {'seconds':>8}")
    for name, size, seconds in rows:
        print(f"{name:<{width}}  {size:>7}  {seconds:>8.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
