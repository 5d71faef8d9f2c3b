"""A deterministic example organisation: a Danish company to try learnkit on.

:func:`example_organisation` builds *Fjordlys A/S*, a made-up Danish company of
exactly 60 people in 6 teams across the offices in København and Aarhus, from a
seed and a date, without reading files or the clock. The demo, the
documentation and many tests use it. The same seed and date always give an
equal organisation; another seed gives other names, skills, languages and
dates, but the same shape:

* 60 people in the teams ``stab``, ``platform``, ``data``, ``produkt``,
  ``kundeservice`` and ``salg``, with ids ``"p01"`` to ``"p60"``;
* ``"p01"`` is the managing director (*administrerende direktør*), who leads
  ``stab`` and whom every team manager (*teamleder*) reports to; everyone else
  reports to their team's manager, so the director tops every management line;
* 5 to 7 newcomers who started fewer than 90 days before ``as_of``, and people
  who have been here for up to 25 years;
* everyone works in Danish or English and most in both; a few speak German,
  Swedish, Polish, Ukrainian or Hindi too;
* everyone belongs to the København or Aarhus office (``Person.location``), and
  2 or 3 of them work remotely from another time zone (Warsaw, Kolkata,
  Stockholm or Berlin).

It also runs a mentor scheme (*mentorordning*): ``ExampleOrganisation.mentoring``
is a :class:`~learnkit.mentoring.Cohort` as of the same date, in which

* every newcomer requests a mentor, wanting one or two skills from their
  team's vocabulary (one that a mentor from the team has), often a skill of
  any team such as ``"præsentation"`` and now and then a topic
  (``"onboarding"``, ``"karriere"``), each with a priority; 2 of them rank 2
  or 3 mentors they would like;
* 10 to 15 experienced colleagues offer to mentor: people other than the
  director who started at least three years before ``as_of`` (so every one of
  them has the two years' head start the default rules ask for), among them
  a colleague from each newcomer's team who is not its manager, where the
  team has one; each with a capacity of 1 to 3, most offering all their
  skills and languages, some only a few skills or one language, some topics too;
* the history holds an earlier pairing that ended long ago and the short
  onboarding buddy pairing of one newcomer with one of the mentors, which
  ended within the last 12 months (so the default rules exclude that pair);
* one pair of a mentor and a newcomer is forbidden; nothing is locked.

Each later part adds its records (reflections, prompt decks and retrospectives,
learning goals and reviews, recognitions and time, incidents, Friday stories,
mentorships and check-ins, team meetings, the published Friday-story plan and
psychological safety pulses; see :class:`ExampleOrganisation`), and
:func:`example_workspace` gives all of it as one
:class:`~learnkit.workspace.Workspace` with the Danish calendar, for the culture
report, the nudges and the example chat bot. The demo's story period is the 91
days ending on ``as_of``; the records reach into the 91 days before where a
trend needs them.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Final

import attrs

from learnkit import _example_roster, _validate
from learnkit._example_cohort import build_mentoring
from learnkit._example_goals import build_goals
from learnkit._example_history import build_earlier
from learnkit._example_incidents import build_incidents
from learnkit._example_meetings import build_meetings, build_plans
from learnkit._example_mentorships import build_mentorships
from learnkit._example_prompts import build_prompts
from learnkit._example_reflection import build_reflection
from learnkit._example_roster import build_roster
from learnkit._example_safety import build_safety
from learnkit._example_sharing import SharingExamples, build_sharing, danish_calendar
from learnkit.exceptions import InvalidDataError
from learnkit.goals import DevelopmentReview, LearningGoal
from learnkit.incidents import Incident, IncidentReview
from learnkit.leadership import Recognition, TimeAllocation
from learnkit.mentoring import (
    CheckIn,
    Cohort,
    Mentorship,
)
from learnkit.people import Person, Roster
from learnkit.reflection import (
    CompletedTask,
    PromptDecks,
    Reflection,
    Retrospective,
    TeamMeeting,
    builtin_decks,
)
from learnkit.safety import SafetyResponse, SafetySurvey
from learnkit.sharing import Plan
from learnkit.time import Calendar
from learnkit.workspace import Workspace

__all__ = [
    "AARHUS",
    "COPENHAGEN",
    "EXAMPLE_AS_OF",
    "EXAMPLE_HEADCOUNT",
    "EXAMPLE_NAME",
    "EXAMPLE_SEED",
    "ExampleOrganisation",
    "example_organisation",
    "example_workspace",
]

EXAMPLE_AS_OF: Final = dt.date(2026, 11, 23)
"""The default date the example organisation is seen from (a Monday)."""

EXAMPLE_SEED: Final = 2026
"""The default seed."""

EXAMPLE_NAME: Final = "Fjordlys A/S"
"""The name of the made-up company."""

EXAMPLE_HEADCOUNT: Final = 60
"""How many people the example organisation has, whatever the seed."""

COPENHAGEN: Final = _example_roster.COPENHAGEN
"""The Copenhagen office, as it appears in ``Person.location`` (``"København"``)."""

AARHUS: Final = _example_roster.AARHUS
"""The Aarhus office, as it appears in ``Person.location`` (``"Aarhus"``)."""

_EARLIEST_AS_OF: Final = dt.date.min + dt.timedelta(days=_example_roster.MAX_HISTORY_DAYS + 7)
# The records run up to two years past as_of (the next Friday stories, the next
# development reviews), and dates end in the year 9999.
_LATEST_AS_OF: Final = dt.date(9997, 12, 31)


@attrs.frozen(kw_only=True)
class ExampleOrganisation:
    """The example company as seen on one date.

    Later parts of learnkit add their records to this class (reflections,
    Friday stories, mentorships, learning goals, incident reviews, ...) as
    further keyword-only fields, each built by :func:`example_organisation`
    from the same seed; code that reads the fields it knows keeps working.

    Attributes:
        seed: The seed it was built from.
        as_of: The date it is seen from: newcomers, tenure and every later
            record are relative to it.
        roster: Everyone and every team.
        mentoring: The mentor scheme's round as of ``as_of``: the newcomers'
            requests, the experienced colleagues' offers, a little history and
            one forbidden pair, on ``roster``.
        tasks: Tasks, projects and meetings completed in the three weeks before
            ``as_of``, with who took part (:mod:`learnkit.reflection`).
        reflections: The reflections written about them, some still missing so
            that reflections are due in the week of ``as_of``.
        prompt_decks: The built-in prompt decks and the company's own.
        retrospectives: Each team's retrospectives, with themes, votes and action
            points carried forward.
        development_reviews: The yearly development reviews (MUS) of the last
            year (:mod:`learnkit.goals`).
        goals: The learning goals agreed in them, in every state, with progress
            notes; some overdue, some gone quiet.
        recognitions: Recognitions given in the last quarter
            (:mod:`learnkit.leadership`).
        allocations: Weekly development and operations hours of the last twelve
            weeks, a few people below the band and one without development time.
        incidents: Incidents, a mistake, a near miss and a failed experiment
            (:mod:`learnkit.incidents`).
        incident_reviews: Their blameless reviews: one published, one in review,
            a draft that still has blaming language, one skipped.
        sharing: Knowledge sharing (:mod:`learnkit.sharing`): Friday stories
            and mini-workshops on the Danish calendar, the topic backlog,
            absences, who presented since August and past learning-buddy rounds.
        mentorships: A mentorship for most people who started in the last
            year: the newcomers with the mentor :func:`~learnkit.mentoring.optimal`
            matches them with in ``mentoring`` (most started within 30 days,
            one after 45 days, one has none yet, the newest only proposed),
            the others with an experienced colleague, ended after six months.
        check_ins: The check-ins held before ``as_of``; one active mentorship
            missed its latest one, which is overdue on ``as_of``.
        team_meetings: Every team's weekly meeting (Tuesdays 09:30, customer
            service Wednesdays 08:30), opening with a reflection prompt.
        plans: The Friday stories' published plan from ``as_of`` to the end of
            the next quarter, so a presenter is reminded in the week of ``as_of``.
        safety_surveys: Three quarterly psychological safety pulses, the latest
            closing in the week before ``as_of`` (:mod:`learnkit.safety`).
        earlier_recognitions: Recognitions of the quarter before the last one
            (ids ending in ``-forrige``), so trends have something to compare with.
        earlier_allocations: Weekly hours of the twelve weeks before those in
            ``allocations``.
        safety_responses: Their anonymous responses: exactly one team has fewer
            than 5 respondents in the latest pulse, and in one team (when the
            roster allows) everyone in Aarhus answered but only 1 to 3 in
            København, so the results show anonymity at work (see
            ``learnkit._example_safety`` for what the default seed shows).
        name: The company's name.
    """

    seed: int = attrs.field(validator=_validate.instance_of(int))
    as_of: dt.date = attrs.field(validator=_validate.date)
    roster: Roster = attrs.field(validator=_validate.instance_of(Roster))
    mentoring: Cohort = attrs.field(validator=_validate.instance_of(Cohort))
    # The records of the later parts default to none, so an organisation built by
    # hand from the fields of an earlier version still builds.
    tasks: tuple[CompletedTask, ...] = attrs.field(
        default=(), validator=_validate.each(_validate.instance_of(CompletedTask))
    )
    reflections: tuple[Reflection, ...] = attrs.field(
        default=(), validator=_validate.each(_validate.instance_of(Reflection))
    )
    prompt_decks: PromptDecks = attrs.field(
        factory=builtin_decks, validator=_validate.instance_of(PromptDecks)
    )
    retrospectives: tuple[Retrospective, ...] = attrs.field(
        default=(), validator=_validate.each(_validate.instance_of(Retrospective))
    )
    development_reviews: tuple[DevelopmentReview, ...] = attrs.field(
        default=(), validator=_validate.each(_validate.instance_of(DevelopmentReview))
    )
    goals: tuple[LearningGoal, ...] = attrs.field(
        default=(), validator=_validate.each(_validate.instance_of(LearningGoal))
    )
    recognitions: tuple[Recognition, ...] = attrs.field(
        default=(), validator=_validate.each(_validate.instance_of(Recognition))
    )
    allocations: tuple[TimeAllocation, ...] = attrs.field(
        default=(), validator=_validate.each(_validate.instance_of(TimeAllocation))
    )
    incidents: tuple[Incident, ...] = attrs.field(
        default=(), validator=_validate.each(_validate.instance_of(Incident))
    )
    incident_reviews: tuple[IncidentReview, ...] = attrs.field(
        default=(), validator=_validate.each(_validate.instance_of(IncidentReview))
    )
    sharing: SharingExamples | None = attrs.field(
        default=None, validator=_validate.optional(_validate.instance_of(SharingExamples))
    )
    mentorships: tuple[Mentorship, ...] = attrs.field(
        default=(), validator=_validate.each(_validate.instance_of(Mentorship))
    )
    check_ins: tuple[CheckIn, ...] = attrs.field(
        default=(), validator=_validate.each(_validate.instance_of(CheckIn))
    )
    team_meetings: tuple[TeamMeeting, ...] = attrs.field(
        default=(), validator=_validate.each(_validate.instance_of(TeamMeeting))
    )
    plans: tuple[Plan, ...] = attrs.field(
        default=(), validator=_validate.each(_validate.instance_of(Plan))
    )
    safety_surveys: tuple[SafetySurvey, ...] = attrs.field(
        default=(), validator=_validate.each(_validate.instance_of(SafetySurvey))
    )
    safety_responses: tuple[SafetyResponse, ...] = attrs.field(
        default=(), validator=_validate.each(_validate.instance_of(SafetyResponse))
    )
    earlier_recognitions: tuple[Recognition, ...] = attrs.field(
        default=(), validator=_validate.each(_validate.instance_of(Recognition))
    )
    earlier_allocations: tuple[TimeAllocation, ...] = attrs.field(
        default=(), validator=_validate.each(_validate.instance_of(TimeAllocation))
    )
    name: str = attrs.field(default=EXAMPLE_NAME, validator=_validate.text)

    @property
    def newcomers(self) -> tuple[Person, ...]:
        """Who started fewer than 90 days before ``as_of``, oldest start first."""
        return self.roster.newcomers(self.as_of)

    @property
    def director(self) -> Person:
        """The managing director, at the top of every management line."""
        return self.roster.person(_example_roster.DIRECTOR_ID)

    @property
    def calendar(self) -> Calendar:
        """The Danish calendar (holidays and the usual days off) of the years around ``as_of``.

        It covers the year before ``as_of`` to two years after it, so every
        record's dates (the team meetings and Friday stories run to the end of
        the next year) and what a bot looks ahead from them fall inside it.
        """
        return _calendar(self.as_of)

    @property
    def workspace(self) -> Workspace:
        """Everything above as one :class:`~learnkit.workspace.Workspace`.

        The roster, :attr:`calendar`, the name and every record: the Friday
        stories and mini-workshops with their backlog, absences, the turns
        presented before ``as_of`` and the past buddy rounds come from
        :attr:`sharing` (none when it is ``None``); the recognitions and
        allocations are the earlier quarter's followed by the last quarter's,
        so a report can compare the two. The mentor scheme's round
        (:attr:`mentoring`) is not a record and stays here.

        Raises:
            InvalidDataError: two records of a kind share an id (only for an
                organisation put together by hand).
        """
        sharing = self.sharing
        return Workspace(
            roster=self.roster,
            calendar=self.calendar,
            name=self.name,
            tasks=self.tasks,
            reflections=self.reflections,
            prompt_decks=self.prompt_decks,
            retrospectives=self.retrospectives,
            team_meetings=self.team_meetings,
            mentorships=self.mentorships,
            check_ins=self.check_ins,
            development_reviews=self.development_reviews,
            goals=self.goals,
            recognitions=(*self.earlier_recognitions, *self.recognitions),
            allocations=tuple(
                sorted(
                    (*self.earlier_allocations, *self.allocations),
                    key=lambda item: (item.person, item.week),
                )
            ),
            incidents=self.incidents,
            incident_reviews=self.incident_reviews,
            series=sharing.series if sharing is not None else (),
            topics=sharing.topics if sharing is not None else (),
            absences=sharing.absences if sharing is not None else (),
            turns=sharing.history if sharing is not None else (),
            plans=self.plans,
            buddy_rounds=sharing.buddy_history if sharing is not None else (),
            safety_surveys=self.safety_surveys,
            safety_responses=self.safety_responses,
        )


def example_organisation(
    *, seed: int = EXAMPLE_SEED, as_of: dt.date = EXAMPLE_AS_OF
) -> ExampleOrganisation:
    """Build the example organisation for ``seed``, as seen on ``as_of``.

    Pure and deterministic: only ``random.Random(seed)`` supplies chance, and
    every date is computed relative to ``as_of`` (start dates fall on weekdays,
    on or before ``as_of``), so equal arguments give equal organisations. The
    guarantees listed in the module documentation hold for every seed.

    Args:
        seed: Any whole number; it is given to ``random.Random``.
        as_of: The date the organisation is seen from.

    Raises:
        InvalidDataError: ``seed`` is not an ``int``, ``as_of`` is not a date, or
            ``as_of`` is too early in the calendar to fit 25 years of history or
            too late to fit the plans after it (after 9997-12-31).
    """
    given: object = seed  # typed callers cannot pass a wrong one; untyped ones can
    if not isinstance(given, int) or isinstance(given, bool):
        raise InvalidDataError.single("seed", seed, "must be a whole number")
    _validate.require_date(as_of, "as_of")
    if as_of < _EARLIEST_AS_OF:
        raise InvalidDataError.single(
            "as_of",
            as_of,
            f"must be on or after {_EARLIEST_AS_OF.isoformat()} to fit 25 years of history",
        )
    if as_of > _LATEST_AS_OF:
        raise InvalidDataError.single(
            "as_of",
            as_of,
            f"must be on or before {_LATEST_AS_OF.isoformat()} to fit the plans after it",
        )
    return _build(seed, as_of)


def example_workspace(*, seed: int = EXAMPLE_SEED, as_of: dt.date = EXAMPLE_AS_OF) -> Workspace:
    """The example organisation's :class:`~learnkit.workspace.Workspace`: everything in one value.

    It is ``example_organisation(seed, as_of).workspace``: the roster, the
    Danish calendar of the years around ``as_of`` and every record, ready for
    :func:`learnkit.serialize.to_json` (``learnkit example --workspace``), a
    culture report or a bot. Equal arguments give equal workspaces, and a few
    recent ones are kept, so asking again is cheap.

    Raises:
        InvalidDataError: as :func:`example_organisation`.
    """
    given: object = seed
    if not isinstance(given, int) or isinstance(given, bool):
        raise InvalidDataError.single("seed", seed, "must be a whole number")
    _validate.require_date(as_of, "as_of")
    return _workspace(seed, as_of)


@functools.lru_cache(maxsize=8)
def _workspace(seed: int, as_of: dt.date) -> Workspace:
    return example_organisation(seed=seed, as_of=as_of).workspace


# The organisation is immutable and depends only on (seed, as_of), so a few recent
# ones are kept: the demo, the docs and the tests ask for the same one many times.
@functools.lru_cache(maxsize=8)
def _build(seed: int, as_of: dt.date) -> ExampleOrganisation:
    roster = build_roster(seed, as_of)
    # Each later part draws from a stream of its own (seeded from the seed and the
    # part's name), so the roster stays the same whatever later parts draw.
    mentoring = build_mentoring(roster, as_of, seed)
    reflection = build_reflection(roster, as_of, seed)
    prompts = build_prompts(roster, as_of, seed, reflection.reflections)
    goals = build_goals(roster, as_of, seed)
    incidents, incident_reviews = build_incidents(roster, as_of, seed)
    sharing = build_sharing(roster, as_of, seed)
    calendar = _calendar(as_of)
    mentorships = build_mentorships(mentoring, as_of, seed, calendar)
    safety = build_safety(roster, as_of, seed, calendar)
    earlier = build_earlier(roster, as_of, seed)
    return ExampleOrganisation(
        seed=seed,
        as_of=as_of,
        roster=roster,
        mentoring=mentoring,
        tasks=reflection.tasks,
        reflections=reflection.reflections,
        prompt_decks=prompts.decks,
        retrospectives=prompts.retrospectives,
        development_reviews=goals.reviews,
        goals=goals.goals,
        recognitions=goals.recognitions,
        allocations=goals.allocations,
        incidents=incidents,
        incident_reviews=incident_reviews,
        sharing=sharing,
        mentorships=mentorships.mentorships,
        check_ins=mentorships.check_ins,
        team_meetings=build_meetings(roster, as_of, calendar),
        plans=build_plans(roster, sharing, as_of, seed),
        safety_surveys=safety.surveys,
        safety_responses=safety.responses,
        earlier_recognitions=earlier.recognitions,
        earlier_allocations=earlier.allocations,
    )


@functools.lru_cache(maxsize=8)
def _calendar(as_of: dt.date) -> Calendar:
    return danish_calendar(range(as_of.year - 1, as_of.year + 3))
