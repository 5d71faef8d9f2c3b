"""Seeded synthetic mentoring cohorts at programme scale, shared by the mentoring benchmarks.

A cohort of ``mentees`` newcomers and ``mentors`` experienced colleagues in an
organisation of teams of about a dozen under department heads and a CEO:
capacities 1 to 5, Danish and English speakers in Copenhagen, London, Kolkata
and New York, skills and topics to want and offer, some ranked preferences,
some earlier pairings and a few forbidden pairs. The default rules exclude
about 30 % of the pairs (mostly too little head start, then no shared language,
recent pairings and lines of management). Same arguments, same cohort.
"""

from __future__ import annotations

import datetime as dt
import random

from learnkit.mentoring import Cohort, MenteeRequest, MentorOffer, Pair, Pairing, Want
from learnkit.people import Person, Roster, Skill, Team

AS_OF = dt.date(2026, 11, 23)
SKILLS = tuple(f"skill{k:02d}" for k in range(40))
TOPICS = tuple(f"topic{k}" for k in range(10))
ZONES = (
    ("Europe/Copenhagen", 80),
    ("Europe/London", 8),
    ("Asia/Kolkata", 7),
    ("America/New_York", 5),
)
MENTOR_LANGUAGES = (({"da", "en"}, 70), ({"da"}, 20), ({"en"}, 10))
MENTEE_LANGUAGES = (({"da", "en"}, 60), ({"da"}, 25), ({"en"}, 15))


def _pick(rng: random.Random, weighted: tuple[tuple[object, int], ...]) -> object:
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights)[0]


def _day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randrange((last - first).days + 1))


def _skills(rng: random.Random, low: int, high: int) -> list[Skill]:
    return [Skill(name, rng.randint(low, high)) for name in rng.sample(SKILLS, rng.randint(3, 6))]


def synthetic_cohort(mentees: int, mentors: int, *, seed: int = 2026) -> Cohort:
    """A cohort of ``mentees`` requests and ``mentors`` offers, the same for the same arguments."""
    rng = random.Random(seed)
    team_count = max(2, (mentees + mentors) // 12)
    head_count = max(1, team_count // 6)
    people: list[Person] = [
        Person(id="ceo", name="CEO", team="t0000", start_date=dt.date(2001, 5, 1))
    ]
    teams = [
        Team(id=f"t{t:04d}", name=f"Team {t}", manager=f"lead{t:04d}") for t in range(team_count)
    ]
    for h in range(head_count):
        people.append(
            Person(
                id=f"head{h:03d}",
                name=f"Head {h}",
                team=f"t{h:04d}",
                manager="ceo",
                start_date=_day(rng, dt.date(2002, 1, 1), dt.date(2012, 1, 1)),
            )
        )
    seniors: list[Person] = []
    for t in range(team_count):
        lead = Person(
            id=f"lead{t:04d}",
            name=f"Lead {t}",
            team=f"t{t:04d}",
            manager=f"head{t % head_count:03d}",
            start_date=_day(rng, dt.date(2004, 1, 1), dt.date(2018, 1, 1)),
            skills=_skills(rng, 2, 5),
            languages=_pick(rng, MENTOR_LANGUAGES),  # type: ignore[arg-type]
            time_zone=_pick(rng, ZONES),  # type: ignore[arg-type]
        )
        people.append(lead)
        seniors.append(lead)

    def member(prefix: str, index: int, first: dt.date, last: dt.date, senior: bool) -> Person:
        team = rng.randrange(team_count)
        return Person(
            id=f"{prefix}{index:05d}",
            name=f"{prefix.title()} {index}",
            team=f"t{team:04d}",
            manager=f"lead{team:04d}",
            start_date=_day(rng, first, last),
            skills=_skills(rng, 2, 5) if senior else _skills(rng, 1, 3),
            languages=_pick(rng, MENTOR_LANGUAGES if senior else MENTEE_LANGUAGES),  # type: ignore[arg-type]
            time_zone=_pick(rng, ZONES),  # type: ignore[arg-type]
        )

    while len(seniors) < mentors:
        person = member("senior", len(seniors), dt.date(2007, 1, 1), dt.date(2025, 6, 1), True)
        people.append(person)
        seniors.append(person)
    juniors = [member("junior", k, dt.date(2014, 1, 1), AS_OF, False) for k in range(mentees)]
    people += juniors
    offering = rng.sample(seniors, mentors)
    offers = [
        MentorOffer(
            mentor=person.id,
            capacity=rng.randint(1, 5),
            skills=(
                frozenset()
                if rng.random() < 0.5
                else frozenset(s.name for s in person.skills[: rng.randint(1, len(person.skills))])
            ),
            topics=frozenset(rng.sample(TOPICS, rng.randint(0, 2))),
        )
        for person in offering
    ]
    mentor_ids = [person.id for person in offering]
    requests = []
    history = []
    forbidden = set()
    for person in juniors:
        wanted = rng.sample(SKILLS + TOPICS, rng.randint(1, 3))
        preferences = rng.sample(mentor_ids, rng.randint(3, 5)) if rng.random() < 0.3 else []
        requests.append(
            MenteeRequest(
                mentee=person.id,
                wants=[Want(name, rng.randint(1, 3)) for name in wanted],
                preferences=preferences,
            )
        )
        if rng.random() < 0.3:
            for mentor in rng.sample(mentor_ids, rng.randint(1, 2)):
                started = _day(rng, dt.date(2020, 1, 1), dt.date(2026, 6, 1))
                ended = None if rng.random() < 0.2 else started + dt.timedelta(days=180)
                history.append(
                    Pairing(mentor=mentor, mentee=person.id, started=started, ended=ended)
                )
        if rng.random() < 0.02:
            forbidden.add(Pair(rng.choice(mentor_ids), person.id))
    return Cohort(
        roster=Roster(people=people, teams=teams),
        as_of=AS_OF,
        offers=offers,
        requests=requests,
        history=history,
        forbidden=sorted(forbidden),
    )
