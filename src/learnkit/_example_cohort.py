"""The example organisation's mentor scheme: this round's requests, offers and history.

:func:`build_mentoring` adds to *Fjordlys A/S*'s roster (see
:mod:`learnkit.examples`, whose module documentation lists what every seed
guarantees) a :class:`~learnkit.mentoring.Cohort`, without reading files or the
clock, from a stream of its own, so the roster stays the same whatever this
draws; the same roster, date and seed always give an equal cohort.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Final

from learnkit._example_roster import DIRECTOR_ID, GENERAL_SKILLS, TEAM_PLANS, YEAR_DAYS
from learnkit.mentoring import Cohort, MenteeRequest, MentorOffer, Pair, Pairing, Want
from learnkit.people import Person, Roster

__all__ = ["build_mentoring"]


def build_mentoring(roster: Roster, as_of: dt.date, seed: int) -> Cohort:
    """The mentor scheme's round on ``roster`` as of ``as_of``, from a stream of its own.

    Requests from the newcomers, offers from experienced colleagues, the
    history and one forbidden pair, as :mod:`learnkit.examples` describes.
    """
    return _mentoring(random.Random(f"{seed}:mentoring"), roster, as_of)


_MENTOR_TOPICS: Final = ("onboarding", "karriere", "netværk i huset", "oplæg og formidling")
_MENTEE_TOPICS: Final = ("onboarding", "karriere")
# Three years' tenure: a two-year head start on newcomers.
_MIN_MENTOR_DAYS: Final = 3 * YEAR_DAYS + 1
_MENTORS: Final = (10, 15)
_CAPACITY: Final = (1, 3)


def _mentoring(rng: random.Random, roster: Roster, as_of: dt.date) -> Cohort:
    newcomers = roster.newcomers(as_of)
    newcomer_ids = {person.id for person in newcomers}
    seasoned = sorted(
        (p for p in roster if p.id != DIRECTOR_ID and p.id not in newcomer_ids),
        key=lambda p: (p.start_date, p.id),
    )
    eligible = [p for p in seasoned if (as_of - p.start_date).days >= _MIN_MENTOR_DAYS]
    # Every seed tried has far more than enough; the fallback keeps the count for any seed.
    pool = eligible if len(eligible) >= _MENTORS[1] else seasoned[: _MENTORS[1]]
    # A colleague from each newcomer's own team (not its manager, who is in the line of
    # management) offers, so wanted skills can be covered and cross-team has a price.
    leads = {team.manager for team in roster.teams}
    chosen: list[Person] = []
    for team in sorted({person.team for person in newcomers}):
        peers = [p for p in pool if p.team == team and p.id not in leads]
        if peers:
            chosen.append(rng.choice(peers))
    rest = [p for p in pool if p not in chosen]
    chosen += rng.sample(rest, rng.randint(*_MENTORS) - len(chosen))
    mentors = sorted(chosen, key=lambda p: p.id)
    offers = [_offer(rng, person) for person in mentors]
    mentor_ids = [person.id for person in mentors]
    ranking = set(rng.sample(sorted(newcomer_ids), min(2, len(newcomer_ids))))
    requests = [
        MenteeRequest(
            mentee=person.id,
            wants=_wants(rng, person, mentors),
            preferences=rng.sample(mentor_ids, rng.randint(2, 3)) if person.id in ranking else (),
        )
        for person in newcomers
    ]
    history: list[Pairing] = []
    forbidden: list[Pair] = []
    if newcomers:
        buddy, mentee = rng.choice(mentor_ids), rng.choice(newcomers)
        history.append(
            Pairing(
                mentor=buddy,
                mentee=mentee.id,
                started=mentee.start_date,
                ended=min(mentee.start_date + dt.timedelta(days=14), as_of),
            )
        )
        taken = (buddy, mentee.id)
        pair = taken
        while pair == taken:
            pair = (rng.choice(mentor_ids), rng.choice(newcomers).id)
        forbidden.append(Pair(*pair))
    history.append(_earlier_pairing(rng, roster, mentors, as_of))
    return Cohort(
        roster=roster,
        as_of=as_of,
        offers=offers,
        requests=requests,
        history=history,
        forbidden=forbidden,
    )


def _offer(rng: random.Random, person: Person) -> MentorOffer:
    skills: frozenset[str] = frozenset()
    if rng.random() < 0.3 and len(person.skills) > 1:
        chosen = rng.sample(person.skills, rng.randint(1, len(person.skills) - 1))
        skills = frozenset(skill.name for skill in chosen)
    languages: frozenset[str] = frozenset()
    if rng.random() < 0.2 and len(person.languages) > 1:
        languages = frozenset({rng.choice(sorted(person.languages))})
    return MentorOffer(
        mentor=person.id,
        capacity=rng.randint(*_CAPACITY),
        skills=skills,
        topics=frozenset(rng.sample(_MENTOR_TOPICS, rng.choice((0, 0, 1, 2)))),
        languages=languages,
    )


def _wants(rng: random.Random, person: Person, mentors: list[Person]) -> list[Want]:
    plan = next(plan for plan in TEAM_PLANS if plan.id == person.team)
    # First a skill a mentor from the team has, so some mentor can cover it; then maybe
    # another of the team's, a skill any team has and a topic, for knowledge across teams.
    known = sorted({s.name for m in mentors if m.team == person.team for s in m.skills})
    names = [rng.choice(sorted(set(known) & set(plan.skills)) or plan.skills)]
    if rng.random() < 0.5:
        names.append(rng.choice([name for name in plan.skills if name not in names]))
    general = sorted({s.name for m in mentors for s in m.skills} & set(GENERAL_SKILLS))
    candidates = [
        rng.choice(general) if general and rng.random() < 0.5 else None,
        rng.choice(_MENTEE_TOPICS) if rng.random() < 0.4 else None,
    ]
    # "onboarding" is a skill of Kundeservice as well as a topic: a want is listed once.
    names += [name for name in candidates if name is not None and name not in names]
    return [Want(name, rng.randint(1, 3)) for name in names]


def _earlier_pairing(
    rng: random.Random, roster: Roster, mentors: list[Person], as_of: dt.date
) -> Pairing:
    """A mentorship of half a year that ended more than a year before ``as_of``."""
    mentor = rng.choice(mentors)
    # The mentor has been here three years; the mentee joined later, at least 2 years ago.
    mentees = [
        p
        for p in roster
        if p.id != mentor.id and mentor.start_date < p.start_date <= as_of - dt.timedelta(days=730)
    ]
    if not mentees:  # only with the fallback pool; then an older colleague will do
        mentees = [p for p in roster if p.id != mentor.id and p.start_date <= mentor.start_date]
    mentee = rng.choice(sorted(mentees, key=lambda p: p.id))
    started = max(mentor.start_date, mentee.start_date) + dt.timedelta(days=30)
    return Pairing(
        mentor=mentor.id,
        mentee=mentee.id,
        started=started,
        ended=started + dt.timedelta(days=182),
    )
