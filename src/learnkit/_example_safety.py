"""Psychological safety pulses at the example organisation, with anonymity at work.

:func:`build_safety` adds to *Fjordlys A/S* (see :mod:`learnkit.examples`),
from its roster, a date and a seed, without reading files or the clock:

* three quarterly pulses of Edmondson's seven items on the 7-point scale with
  the anonymity threshold ``min_respondents=5``, each open for two weeks from
  a Monday to a Friday, 13 weeks apart, the latest closing on the Friday of
  the week before ``as_of`` (so one pulse falls in the 91 days ending on
  ``as_of``, one in the 91 days before, and one before that);
* responses from each team's members who had started three days before the
  pulse closed, 70–90 % of them, submitted on a working day while it was
  open, labelled ``"aarhus"`` for the Aarhus office and ``"nyansat"``
  (newcomer) for those who had been here fewer than 90 days when it closed;
  no response says who gave it, and they are sorted by content, not by person;
* answers that tell a story: teams differ (data and platform feel safest,
  sales and customer service least), customer service improves from pulse
  to pulse and sales declines; the negatively worded items 1, 3 and 5 are
  answered low by people who feel safe;
* anonymity to show: in the latest pulse the smallest team (``stab``) has
  only 4 respondents, and every other team at least 5; and in one team with
  both offices (the one with the most people in Aarhus, ``salg`` for the
  default seed, when it has at least 5 there) everyone in Aarhus answered but
  only 1 to 3 colleagues in København, so its Aarhus subgroup reaches 5.

With :func:`~learnkit.safety.pulse_results` and its default groups, the
default seed's latest pulse shows (as ``learnkit demo`` does) everyone and
four teams; ``stab`` withheld for too few respondents; ``salg`` as a whole
withheld because, read with everyone and the four teams shown, it would reveal
the 4 respondents of ``stab``; the Aarhus subgroup of ``salg`` (5 respondents)
shown; the Aarhus subgroups of ``data`` and ``kundeservice``, whose people all
sit in Aarhus, withheld as the same respondents as their team; and scores that
move from pulse to pulse.

The same roster, date and seed always give equal records; every record is valid.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Final

import attrs

from learnkit._example_roster import AARHUS
from learnkit.people import Person, Roster
from learnkit.safety import EDMONDSON_ITEMS, SafetyResponse, SafetySurvey
from learnkit.time import Calendar, Period

__all__ = [
    "AARHUS_LABEL",
    "NEWCOMER_LABEL",
    "PULSES",
    "SafetyExamples",
    "build_safety",
]

AARHUS_LABEL: Final = "aarhus"
"""The subgroup label of the Aarhus office."""

NEWCOMER_LABEL: Final = "nyansat"
"""The subgroup label of those who had been here fewer than 90 days when a pulse closed."""

PULSES: Final = 3
"""How many pulses the example holds."""

_POINTS: Final = 7
_K: Final = 5
_SMALL: Final = 4  # respondents of the smallest team in the latest pulse
_NEWCOMER_DAYS: Final = 90
_QUARTER: Final = dt.timedelta(weeks=13)
_DAY: Final = dt.timedelta(days=1)
# Each team's level of agreement with the positively worded items in the latest
# pulse, and its change from one pulse to the next.
_LEVELS: Final = {
    "data": (5.9, -0.05),
    "platform": (5.7, 0.1),
    "stab": (5.5, 0.0),
    "produkt": (5.3, 0.2),
    "kundeservice": (4.6, 0.4),
    "salg": (4.4, -0.4),
}
_DEFAULT_LEVEL: Final = (5.0, 0.0)


@attrs.frozen(kw_only=True)
class SafetyExamples:
    """The pulses, their responses, and which teams show anonymity at work.

    Attributes:
        surveys: The pulses, oldest first.
        responses: Their responses, sorted by survey, team and content.
        small_team: The team with fewer than 5 respondents in the latest pulse.
        revealing_team: The team in which everyone in Aarhus (at least 5)
            but only 1 to 3 in København answered the latest pulse, so its
            Aarhus subgroup and the team differ by fewer than 5, or ``None``
            when no team has at least 5 people in Aarhus and someone in København.
    """

    surveys: tuple[SafetySurvey, ...]
    responses: tuple[SafetyResponse, ...]
    small_team: str
    revealing_team: str | None


def _surveys(as_of: dt.date) -> list[SafetySurvey]:
    monday = as_of - dt.timedelta(days=as_of.weekday())
    close = monday - dt.timedelta(days=3)  # the Friday of the week before as_of
    surveys = []
    for back in range(PULSES - 1, -1, -1):
        last = close - back * _QUARTER
        first = last - dt.timedelta(days=11)
        year, week, _ = first.isocalendar()
        surveys.append(
            SafetySurvey(
                id=f"tryghed-{last.isoformat()}",
                period=Period(first, last),
                points=_POINTS,
                min_respondents=_K,
                name=f"Pulsmåling: psykologisk tryghed, uge {week} {year}",
            )
        )
    return surveys


def _labels(person: Person, survey: SafetySurvey) -> frozenset[str]:
    labels = set()
    if person.location == AARHUS:
        labels.add(AARHUS_LABEL)
    if (survey.period.last - person.start_date).days < _NEWCOMER_DAYS:
        labels.add(NEWCOMER_LABEL)
    return frozenset(labels)


def _answers(rng: random.Random, level: float) -> tuple[int, ...]:
    own = level + rng.gauss(0, 0.5)
    answers = []
    for item in EDMONDSON_ITEMS:
        agree = min(_POINTS, max(1, round(own + rng.gauss(0, 0.8))))
        # A negatively worded item is agreed with by someone who does not feel safe.
        answers.append(item.scored(agree, _POINTS))
    return tuple(answers)


def _respondents(
    rng: random.Random,
    eligible: list[Person],
    *,
    small: bool,
    revealing: bool,
) -> list[Person]:
    if small:
        return rng.sample(eligible, min(_SMALL, len(eligible)))
    if revealing:
        aarhus = [p for p in eligible if p.location == AARHUS]
        others = [p for p in eligible if p.location != AARHUS]
        return aarhus + rng.sample(others, min(len(others), rng.randint(1, 3)))
    count = max(_K, round(len(eligible) * rng.uniform(0.7, 0.9)))
    return rng.sample(eligible, min(count, len(eligible)))


def _revealing_team(
    roster: Roster, eligible: dict[str, list[Person]], small_team: str
) -> str | None:
    options = []
    for team in roster.teams:
        if team.id == small_team:
            continue
        aarhus = sum(p.location == AARHUS for p in eligible[team.id])
        if aarhus >= _K and aarhus < len(eligible[team.id]):
            options.append((-aarhus, team.id))
    return min(options)[1] if options else None


def build_safety(roster: Roster, as_of: dt.date, seed: int, calendar: Calendar) -> SafetyExamples:
    """The example organisation's safety pulses and their anonymous responses.

    See the module's documentation for what it holds. Deterministic: the same
    roster, date and seed give equal examples. ``calendar`` must cover the
    seven months before ``as_of``.
    """
    rng = random.Random(f"{seed} safety")
    surveys = _surveys(as_of)
    teams = sorted(roster.teams, key=lambda team: team.id)
    small_team = min(teams, key=lambda team: (len(roster.members(team.id)), team.id)).id
    responses: list[SafetyResponse] = []
    revealing: str | None = None
    for index, survey in enumerate(surveys):
        latest = index == len(surveys) - 1
        cutoff = survey.period.last - dt.timedelta(days=3)
        eligible = {
            team.id: [p for p in roster.members(team.id) if p.start_date <= cutoff]
            for team in teams
        }
        if latest:
            revealing = _revealing_team(roster, eligible, small_team)
        open_days = list(calendar.working_days(survey.period.first, survey.period.last + _DAY))
        for team in teams:
            level, change = _LEVELS.get(team.id, _DEFAULT_LEVEL)
            level -= change * (len(surveys) - 1 - index)
            chosen = _respondents(
                rng,
                eligible[team.id],
                small=latest and team.id == small_team,
                revealing=latest and team.id == revealing,
            )
            for person in chosen:
                days = [day for day in open_days if day >= person.start_date] or [cutoff]
                responses.append(
                    SafetyResponse(
                        survey=survey.id,
                        team=team.id,
                        submitted_on=rng.choice(days),
                        answers=_answers(rng, level),
                        groups=_labels(person, survey),
                    )
                )
    responses.sort(key=lambda r: (r.survey, r.team, r.submitted_on, r.answers, sorted(r.groups)))
    return SafetyExamples(
        surveys=tuple(surveys),
        responses=tuple(responses),
        small_team=small_team,
        revealing_team=revealing,
    )
