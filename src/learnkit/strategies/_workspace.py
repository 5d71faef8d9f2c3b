"""Strategies for :mod:`learnkit.workspace` and the team meetings it holds."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import attrs
from hypothesis import strategies as st

from learnkit.mentoring import CheckIn
from learnkit.people import Roster
from learnkit.reflection import MEETING_OPENERS, TeamMeeting, builtin_decks
from learnkit.safety import SafetyResponse
from learnkit.sharing import SessionFormat, SessionSeries
from learnkit.strategies._foundation import _texts, calendars, rosters
from learnkit.strategies._goals import learning_goals
from learnkit.strategies._leadership import recognitions, time_allocations
from learnkit.strategies._mentoring import check_ins, mentorships
from learnkit.strategies._reflection import completed_tasks, reflections
from learnkit.strategies._retrospective import prompt_deck_registries
from learnkit.strategies._safety import safety_responses, safety_surveys
from learnkit.strategies._sharing import absences, session_series, topics, turns
from learnkit.time import Calendar
from learnkit.workspace import Workspace

__all__ = ["team_meetings", "workspaces"]

_TEAMS = ("platform", "data", "kundeservice", "økonomi")
_DECKS = (MEETING_OPENERS, "fjordlys.fredag", "team-egne")
_MEETING_FORMAT = SessionFormat(id="team_meeting", minutes=45, name="Teammøde")


def team_meetings(
    *, teams: Sequence[str] = _TEAMS, max_days: int = 120
) -> st.SearchStrategy[TeamMeeting]:
    """Team meetings: a team from ``teams`` meeting on a series of up to ``max_days`` days.

    The series comes from :func:`~learnkit.strategies.session_series` (any
    rule, wall time and zone, holidays included), half of the time with the
    user-defined format ``"team_meeting"``; the deck is the meeting openers or
    one of a team's own.
    """
    return st.builds(
        TeamMeeting,
        team=st.sampled_from(tuple(teams)),
        series=st.one_of(
            session_series(max_days=max_days),
            session_series(max_days=max_days).map(_as_meeting),
        ),
        deck=st.sampled_from(_DECKS),
    )


def _as_meeting(series: SessionSeries) -> SessionSeries:
    return attrs.evolve(series, format=_MEETING_FORMAT)


def _unique(
    elements: st.SearchStrategy[Any], key: Callable[[Any], object], max_size: int
) -> st.SearchStrategy[tuple[Any, ...]]:
    return st.lists(elements, min_size=1, max_size=max_size, unique_by=key).map(tuple)


def _same(record: object) -> object:
    return record


# What a strategy for a record field may depend on: the roster and the records of
# the fields drawn before it (a check-in needs a mentorship of the workspace).
_Drawn = tuple[Roster, dict[str, tuple[Any, ...]]]


def _ids(records: tuple[Any, ...]) -> st.SearchStrategy[str]:
    return st.sampled_from(sorted(record.id for record in records))


def _meetings(drawn: _Drawn) -> st.SearchStrategy[TeamMeeting]:
    roster, _ = drawn
    return team_meetings(teams=sorted(team.id for team in roster.teams), max_days=60)


def _check_ins(drawn: _Drawn) -> st.SearchStrategy[CheckIn]:
    return check_ins(mentorship_ids=_ids(drawn[1]["mentorships"]))


def _responses(drawn: _Drawn) -> st.SearchStrategy[SafetyResponse]:
    surveys = drawn[1]["safety_surveys"]
    return st.sampled_from(surveys).flatmap(lambda survey: safety_responses(survey=survey))


def _plain(
    strategy: Callable[[], st.SearchStrategy[Any]],
) -> Callable[[_Drawn], st.SearchStrategy[Any]]:
    return lambda _: strategy()


def _task_key(record: Any) -> object:
    return (record.task.kind, record.task.id)


# Each record field, the strategy of one record, what tells two records apart and
# the fields it refers to; a field comes after those it refers to.
_RECORDS: tuple[
    tuple[str, Callable[[_Drawn], st.SearchStrategy[Any]], Callable[[Any], object], str | None],
    ...,
] = (
    (
        "tasks",
        _plain(lambda: completed_tasks(max_size=2)),
        lambda r: (r.task.kind, r.task.id),
        None,
    ),
    ("reflections", _plain(reflections), lambda r: r.id, None),
    ("team_meetings", _meetings, lambda r: r.id, None),
    ("mentorships", _plain(mentorships), lambda r: r.id, None),
    ("check_ins", _check_ins, _same, "mentorships"),
    ("goals", _plain(lambda: learning_goals(max_notes=1)), lambda r: r.id, None),
    ("recognitions", _plain(recognitions), lambda r: r.id, None),
    ("allocations", _plain(time_allocations), lambda r: (r.person, r.week), None),
    ("topics", _plain(topics), lambda r: r.id, None),
    ("absences", _plain(absences), _same, None),
    ("turns", _plain(turns), _same, None),
    ("safety_surveys", _plain(safety_surveys), lambda r: r.id, None),
    ("safety_responses", _responses, _same, "safety_surveys"),
)
_FIELDS = tuple(name for name, _, _, _ in _RECORDS)
_NEEDS = {name: needs for name, _, _, needs in _RECORDS if needs is not None}


def workspaces(
    *, max_kinds: int = 3, max_records: int = 2, max_people: int = 3
) -> st.SearchStrategy[Workspace]:
    """Valid workspaces: a small roster and records of up to ``max_kinds`` kinds.

    The kinds are drawn from tasks, reflections, team meetings, mentorships,
    check-ins, learning goals, recognitions, time allocations, topics,
    absences, turns, safety surveys and responses; each kind drawn holds 1 to
    ``max_records`` records with unique ids. The references a workspace checks
    resolve: a team meeting is a roster team's, a check-in belongs to a drawn
    mentorship and a response answers a drawn survey (drawing check-ins or
    responses draws mentorships or surveys too, so a workspace may hold one
    kind more than ``max_kinds``). Other ids (authors, participants) are drawn
    independently of the roster, as a workspace does not check them. The
    prompt decks are the built-in ones, now and then with a team's own. Kept
    small so a property over it stays fast; shrinks towards a workspace with
    only a roster.
    """
    return _workspaces(max_kinds=max_kinds, max_records=max_records, max_people=max_people)


@st.composite
def _workspaces(draw: st.DrawFn, *, max_kinds: int, max_records: int, max_people: int) -> Workspace:
    kinds = set(draw(st.lists(st.sampled_from(_FIELDS), max_size=max_kinds, unique=True)))
    kinds |= {_NEEDS[name] for name in kinds if name in _NEEDS}
    roster = draw(rosters(max_size=max_people))
    records: dict[str, tuple[Any, ...]] = {}
    for name, strategy, key, _ in _RECORDS:
        if name in kinds:
            records[name] = draw(_unique(strategy((roster, records)), key, max_records))
    return Workspace(
        roster=roster,
        calendar=draw(st.one_of(st.just(Calendar()), calendars())),
        name=draw(st.one_of(st.just(""), _texts(("Fjordlys A/S", "Økonomi & Co", "Ærø IT")))),
        prompt_decks=draw(st.one_of(st.just(builtin_decks()), prompt_deck_registries(max_size=1))),
        **records,
    )


FACTORIES: tuple[tuple[type, Callable[[], st.SearchStrategy[Any]]], ...] = (
    (TeamMeeting, team_meetings),
    (Workspace, workspaces),
)
