"""The snapshot a bot or a report hands in: the roster and the records of every part.

A :class:`Workspace` is immutable and round-trips through
:mod:`learnkit.serialize` (``to_json(workspace)`` and
``from_json(text, Workspace)``), so a bot can keep it in a file and a report can
be rebuilt from the same file later. Every record field defaults to none, so a
workspace with only a roster is valid; :mod:`learnkit.culture` and
:mod:`learnkit.nudges` read whatever is there.

Within one workspace the ids of each kind of record are unique (two
reflections never share an id), which is what lets a report list the ids it
counted and a bot tell one nudge from another. Records are kept in a canonical
order (by id, or by all their fields where they have none), so two workspaces
with the same records are equal, and write the same JSON, whatever order the
records came in; for safety responses this also forgets the order they were
submitted in.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.goals import DevelopmentReview, LearningGoal
from learnkit.incidents import Incident, IncidentReview
from learnkit.leadership import Recognition, TimeAllocation
from learnkit.mentoring import CheckIn, Mentorship
from learnkit.people import Roster
from learnkit.reflection import (
    CompletedTask,
    PromptDecks,
    Reflection,
    Retrospective,
    TeamMeeting,
    builtin_decks,
)
from learnkit.safety import SafetyResponse, SafetySurvey
from learnkit.sharing import Absence, BuddyRound, Plan, SessionSeries, Topic, Turn
from learnkit.time import Calendar

__all__ = ["Workspace"]


def _records(kind: type, key: Callable[[Any], Any]) -> Any:
    return attrs.field(
        default=(),
        converter=functools.partial(_validate.canonical_tuple, key=key),
        validator=_validate.each(_validate.instance_of(kind)),
    )


def _by_id(record: Any) -> Any:
    return record.id


def _response_key(response: SafetyResponse) -> Any:
    answers = tuple(-1 if answer is None else answer for answer in response.answers)
    return (response.survey, response.team, response.submitted_on, answers, sorted(response.groups))


@attrs.frozen(kw_only=True)
class Workspace:
    """The roster and every part's records, as one immutable value.

    Guarantees: every field holds values of its type, in a canonical order
    (lists and other iterables are accepted); within each field that holds
    records with an ``id``, the ids are unique (team meetings by their series'
    id, allocations by person and week, plans by series and period); and the
    references that would otherwise be silently ignored resolve: every safety
    response answers a survey of the workspace, every check-in belongs to one
    of its mentorships, every team meeting is a roster team's and every plan
    is of one of its series. Other references (a reflection's author, a task's
    participants) are checked by the part that reads them, with that part's
    error.

    Attributes:
        roster: Everyone and every team.
        calendar: Working days and holidays, for everything counted in working
            days (when a reflection is due, when to remind a presenter).
        name: The organisation's name, for headings.
        tasks: Completed tasks, projects and meetings (:mod:`learnkit.reflection`).
        reflections: The reflections written about them.
        prompt_decks: The prompt decks, built-in and the teams' own.
        retrospectives: Team retrospectives with their action points.
        team_meetings: When teams meet, for the meeting opener.
        mentorships: Mentorships in every state (:mod:`learnkit.mentoring`).
        check_ins: Mentor check-ins that were held.
        development_reviews: Development reviews (MUS) (:mod:`learnkit.goals`).
        goals: Learning goals.
        recognitions: Recognitions (:mod:`learnkit.leadership`).
        allocations: Weekly development and operations hours.
        incidents: Incidents, mistakes and near misses (:mod:`learnkit.incidents`).
        incident_reviews: Their learning reviews.
        series: Knowledge-sharing series, e.g. Friday stories (:mod:`learnkit.sharing`).
        topics: The topic backlog.
        absences: Who is away when.
        turns: Who presented at which session: the sessions held.
        plans: The published presenter plans, for reminders.
        buddy_rounds: Past rounds of learning buddies.
        safety_surveys: Psychological safety pulses (:mod:`learnkit.safety`).
        safety_responses: Their anonymous responses.
    """

    roster: Roster = attrs.field(validator=_validate.instance_of(Roster))
    calendar: Calendar = attrs.field(factory=Calendar, validator=_validate.instance_of(Calendar))
    name: str = attrs.field(default="", validator=_validate.instance_of(str))
    tasks: tuple[CompletedTask, ...] = _records(
        CompletedTask, lambda r: (r.task.kind.value, r.task.id)
    )
    reflections: tuple[Reflection, ...] = _records(Reflection, _by_id)
    prompt_decks: PromptDecks = attrs.field(
        factory=builtin_decks, validator=_validate.instance_of(PromptDecks)
    )
    retrospectives: tuple[Retrospective, ...] = _records(Retrospective, _by_id)
    team_meetings: tuple[TeamMeeting, ...] = _records(TeamMeeting, _by_id)
    mentorships: tuple[Mentorship, ...] = _records(Mentorship, _by_id)
    check_ins: tuple[CheckIn, ...] = _records(
        CheckIn, lambda r: (r.mentorship, r.held_on, r.note or "")
    )
    development_reviews: tuple[DevelopmentReview, ...] = _records(DevelopmentReview, _by_id)
    goals: tuple[LearningGoal, ...] = _records(LearningGoal, _by_id)
    recognitions: tuple[Recognition, ...] = _records(Recognition, _by_id)
    allocations: tuple[TimeAllocation, ...] = _records(TimeAllocation, lambda r: (r.person, r.week))
    incidents: tuple[Incident, ...] = _records(Incident, _by_id)
    incident_reviews: tuple[IncidentReview, ...] = _records(IncidentReview, _by_id)
    series: tuple[SessionSeries, ...] = _records(SessionSeries, _by_id)
    topics: tuple[Topic, ...] = _records(Topic, _by_id)
    absences: tuple[Absence, ...] = _records(
        Absence, lambda r: (r.person, r.period.first, r.period.last)
    )
    turns: tuple[Turn, ...] = _records(Turn, lambda r: (r.on, r.person, r.session))
    plans: tuple[Plan, ...] = _records(Plan, lambda r: (r.series, r.period.first, r.period.last))
    buddy_rounds: tuple[BuddyRound, ...] = _records(
        BuddyRound, lambda r: (r.on, r.groups, r.unpaired)
    )
    safety_surveys: tuple[SafetySurvey, ...] = _records(SafetySurvey, _by_id)
    safety_responses: tuple[SafetyResponse, ...] = _records(SafetyResponse, _response_key)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        for field, key in _UNIQUE:
            problems.extend(_duplicates(field, getattr(self, field), key))
        problems.extend(self._dangling())
        if problems:
            raise InvalidDataError(problems)

    def _dangling(self) -> list[Problem]:
        surveys = {survey.id for survey in self.safety_surveys}
        mentorships = {mentorship.id for mentorship in self.mentorships}
        teams = {team.id for team in self.roster.teams}
        series = {each.id for each in self.series}
        checks: tuple[tuple[str, tuple[Any, ...], Callable[[Any], str], set[str], str], ...] = (
            ("safety_responses", self.safety_responses, lambda r: r.survey, surveys, "survey"),
            ("check_ins", self.check_ins, lambda r: r.mentorship, mentorships, "mentorship"),
            ("team_meetings", self.team_meetings, lambda r: r.team, teams, "team"),
            ("plans", self.plans, lambda r: r.series, series, "series"),
        )
        problems: list[Problem] = []
        for field, records, reference, known, name in checks:
            kind = "roster team" if name == "team" else f"{name} of the workspace"
            missing = sorted({reference(record) for record in records} - known)
            problems.extend(
                Problem(f"{field}.{name}", value, f"is not a {kind}") for value in missing
            )
        return problems


# The fields whose records must be told apart, and what tells them apart.
_UNIQUE: tuple[tuple[str, Any], ...] = (
    ("tasks", lambda r: (r.task.kind, r.task.id)),
    ("reflections", lambda r: r.id),
    ("retrospectives", lambda r: r.id),
    ("team_meetings", lambda r: r.id),
    ("mentorships", lambda r: r.id),
    ("development_reviews", lambda r: r.id),
    ("goals", lambda r: r.id),
    ("recognitions", lambda r: r.id),
    ("allocations", lambda r: (r.person, r.week)),
    ("incidents", lambda r: r.id),
    ("incident_reviews", lambda r: r.id),
    ("series", lambda r: r.id),
    ("topics", lambda r: r.id),
    ("plans", lambda r: (r.series, r.period)),
    ("safety_surveys", lambda r: r.id),
)


def _duplicates(field: str, records: Iterable[Any], key: Any) -> list[Problem]:
    # Records are already in canonical order, so a position would not be the
    # caller's; the repeated id itself says which records clash.
    counts = Counter(key(record) for record in records)
    return [
        Problem(field, value, "is listed more than once; ids must be unique")
        for value, count in sorted(counts.items(), key=lambda item: repr(item[0]))
        if count > 1
    ]
