"""Indicators of the climate learning needs: psychological safety and leadership.

* ``safety.team_score``: the psychological safety score of each team and of
  everyone, from the latest pulse that closed in the period, only where
  anonymity allows (the same release the demo shows);
* ``leadership.recognition``: the share of recognitions for effort, curiosity
  and experiments;
* ``leadership.development``: the development share of the hours allocated.

Each function is pure and does not depend on the order of the records.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping

from learnkit.culture._measure import Measure, Options, local_date, person_zones, ratio
from learnkit.leadership import LEARNING_KINDS, development_share
from learnkit.safety import (
    EVERYONE,
    SafetyGroup,
    TeamScore,
    counted_responses,
    latest_pulse,
    pulse_results,
)
from learnkit.time import Period
from learnkit.workspace import Workspace

SCALE_POINTS = 7
"""Safety scores are reported on a 7-point scale, whatever the survey's own points."""


def on_seven_points(score: float, points: int) -> float:
    """``score`` of a ``points``-point scale moved linearly onto 1..7 (``points`` becomes 7)."""
    return 1 + (score - 1) * (SCALE_POINTS - 1) / (points - 1)


def safety_scores(
    workspace: Workspace, days: Period, as_of: dt.date, options: Options
) -> Mapping[str | None, Measure]:
    """The safety score of everyone (scope ``None``) and of each team in the roster (by id).

    The pulse is :func:`~learnkit.safety.latest_pulse` of ``days`` and its
    responses :func:`~learnkit.safety.counted_responses` as of ``as_of``
    (submitted by then, every item answered), the same two choices the demo
    makes. :func:`~learnkit.safety.pulse_results` is asked about everyone and
    then every team, by id, of the roster *and* of the responses: exactly the
    first groups of :func:`~learnkit.safety.default_groups`, so that what it
    releases here is what the default release shows for these groups and the
    two can never be combined to reveal a smaller group. Only everyone and
    the roster's teams are reported. A released score is put on the 7-point
    scale (:func:`on_seven_points`); a withheld one, or no pulse, gives no
    value. Records: only the pulse's id, never anything about a response.
    """
    del options
    roster_teams = sorted(team.id for team in workspace.roster.teams)
    survey = latest_pulse(workspace.safety_surveys, days)
    if survey is None:
        return {scope: Measure(value=None) for scope in (None, *roster_teams)}
    responses = counted_responses(survey, workspace.safety_responses, as_of=as_of)
    asked = sorted(set(roster_teams) | {response.team for response in responses})
    results = pulse_results(
        survey, responses, [EVERYONE, *(SafetyGroup(team=team) for team in asked)]
    )
    scores: dict[str | None, Measure] = {}
    for scope in (None, *roster_teams):
        result = results.result(EVERYONE if scope is None else SafetyGroup(team=scope))
        value = (
            on_seven_points(result.score, survey.points) if isinstance(result, TeamScore) else None
        )
        scores[scope] = Measure(value=value, records=(survey.id,))
    return scores


def recognition_for_learning(
    workspace: Workspace, days: Period, as_of: dt.date, options: Options
) -> Measure:
    """The share of recognitions in ``days`` for effort, curiosity or an experiment.

    A recognition counts when its receiver is in the roster and the date of
    ``at`` in the receiver's time zone lies in ``days`` (as
    :func:`~learnkit.leadership.recognition_mix` counts). The rest (results,
    sharing, helping) make up the remainder. Records: the recognitions counted.
    """
    del as_of, options
    zones = person_zones(workspace.roster)
    counted = [
        item
        for item in workspace.recognitions
        if item.receiver in zones
        and days.first <= local_date(item.at, zones, item.receiver) <= days.last
    ]
    learning = sum(1 for item in counted if item.kind in LEARNING_KINDS)
    return ratio(learning, len(counted), (item.id for item in counted))


def development_time(
    workspace: Workspace, days: Period, as_of: dt.date, options: Options
) -> Measure:
    """The development share of all hours allocated in the weeks whose Monday lies in ``days``.

    ``development / (development + operations)`` over every allocation
    counted (as :func:`~learnkit.leadership.balance` counts weeks), or no value
    when no hours were allocated. Not a ratio of counts, so no numerator and
    denominator. Records: the allocations, as ``person/YYYY-MM-DD`` (the Monday).
    """
    del as_of, options
    counted = [item for item in workspace.allocations if days.first <= item.week <= days.last]
    # fsum is exact, so the share does not depend on the order of the allocations.
    development = math.fsum(item.development_hours for item in counted)
    operations = math.fsum(item.operations_hours for item in counted)
    return Measure(
        value=development_share(development, operations),
        records=tuple(f"{item.person}/{item.week.isoformat()}" for item in counted),
    )
