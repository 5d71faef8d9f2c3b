"""The culture report: every indicator for a period, with its target, status and trend."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Final, cast

from learnkit.culture._indicators_climate import (
    development_time,
    recognition_for_learning,
    safety_scores,
)
from learnkit.culture._indicators_incidents import (
    actions_on_time,
    language_findings,
    reviews_on_time,
)
from learnkit.culture._indicators_people import (
    goals_achieved,
    goals_overdue,
    newcomers_with_mentor,
    people_with_active_goal,
)
from learnkit.culture._indicators_work import (
    presenters_per_head,
    reflections_per_task,
    reflections_shared,
    sessions_held,
    teams_represented,
)
from learnkit.culture._measure import DEFAULT_NEWCOMER_DAYS, Measure, Options, counted_days
from learnkit.culture._model import CultureReport, Indicator, Target, trend
from learnkit.culture._targets import INDICATOR_KEYS, resolve_targets
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.incidents import DEFAULT_SEVERITY_SCALE, SeverityScale
from learnkit.time import Period
from learnkit.workspace import Workspace

__all__ = ["DEFAULT_PERIOD_DAYS", "culture_report"]

DEFAULT_PERIOD_DAYS: Final = 91
"""The report period by default: the 13 weeks ending on ``as_of``."""

_DAY: Final = dt.timedelta(days=1)
_TOO_EARLY: Final = "is too near the start of the calendar to compare with the period before"

_Measure = Callable[[Workspace, Period, dt.date, Options], Measure]

_ORGANISATION: Final[Mapping[str, _Measure]] = {
    "reflection.per_task": reflections_per_task,
    "reflection.shared": reflections_shared,
    "sharing.presenters": presenters_per_head,
    "sharing.teams": teams_represented,
    "sharing.sessions": sessions_held,
    "mentoring.newcomers": newcomers_with_mentor,
    "goals.active": people_with_active_goal,
    "goals.achieved": goals_achieved,
    "goals.overdue": goals_overdue,
    "incidents.reviews_on_time": reviews_on_time,
    "incidents.language": language_findings,
    "incidents.actions_on_time": actions_on_time,
    "leadership.recognition": recognition_for_learning,
    "leadership.development": development_time,
}


def culture_report(
    workspace: Workspace,
    *,
    as_of: dt.date,
    period: Period | None = None,
    targets: Mapping[str, Target] | None = None,
    newcomer_days: int = DEFAULT_NEWCOMER_DAYS,
    severity_scale: SeverityScale = DEFAULT_SEVERITY_SCALE,
) -> CultureReport:
    """Every indicator of :data:`~learnkit.culture.INDICATOR_KEYS` for ``period``, as of ``as_of``.

    Guarantees:

    * each indicator is a pure function of (workspace, period, as_of): nothing
      dated after ``as_of`` counts, and the same workspace, period and day
      give the same report whatever order the records are in;
    * each value is measured on the days of ``period`` up to ``as_of``, and
      ``previous`` on the days of ``period.previous()`` (all before
      ``as_of``); status and trend follow :meth:`Target.status` and
      :func:`trend`;
    * ``safety.team_score`` comes once for everyone (scope ``None``) and once
      per roster team (scope the team id), the others once for the
      organisation; records never name anything about a safety response.

    Args:
        workspace: The roster and every part's records.
        as_of: The day to look from.
        period: The days to report on; ``None`` for the 91 days ending on ``as_of``.
        targets: Targets by indicator key, replacing the defaults
            (:data:`~learnkit.culture.DEFAULT_TARGETS`) for those keys.
        newcomer_days: Within how many days of starting a newcomer should
            have a mentor (``mentoring.newcomers``).
        severity_scale: The levels that say which incidents need a review and by when.

    Raises:
        InvalidDataError: an argument has the wrong type, ``period`` starts
            after ``as_of``, the period (or the previous one it is compared
            with) would start before 1 January of year 1, ``newcomer_days`` is
            not 0 to 365, or a target key is unknown (every problem at once,
            naming the key or the argument and its value).
        OutOfRangeError: the workspace's calendar does not cover a day it is asked about.
    """
    problems: list[Problem] = []
    args: tuple[object, object, object, object, object] = (
        workspace,
        as_of,
        period,
        newcomer_days,
        severity_scale,
    )
    if not isinstance(args[0], Workspace):
        problems.append(Problem("workspace", workspace, "must be a Workspace"))
    chosen_period = _checked_period(args[1], args[2], problems)
    days = args[3]
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= 365:
        problems.append(Problem("newcomer_days", newcomer_days, "must be a whole number 0 to 365"))
    if not isinstance(args[4], SeverityScale):
        problems.append(Problem("severity_scale", severity_scale, "must be a SeverityScale"))
    try:
        chosen = resolve_targets(targets)
    except InvalidDataError as error:
        problems.extend(error.problems)
    if problems:
        raise InvalidDataError(problems)
    period = cast("Period", chosen_period)  # set above whenever there was no problem
    options = Options(newcomer_days=newcomer_days, severity_scale=severity_scale)
    now = counted_days(period, as_of)
    before = period.previous()
    indicators: list[Indicator] = []
    for key in INDICATOR_KEYS:
        if key == "safety.team_score":
            current = safety_scores(workspace, now, as_of, options)
            earlier = safety_scores(workspace, before, as_of, options)
            indicators.extend(
                _indicator(key, scope, current[scope], earlier[scope], chosen[key])
                for scope in sorted(current, key=lambda scope: (scope is not None, scope or ""))
            )
            continue
        measure = _ORGANISATION[key]
        indicators.append(
            _indicator(
                key,
                None,
                measure(workspace, now, as_of, options),
                measure(workspace, before, as_of, options),
                chosen[key],
            )
        )
    return CultureReport(
        as_of=as_of,
        period=period,
        indicators=tuple(indicators),
        name=workspace.name,
        team_names=tuple((team.id, team.name) for team in workspace.roster.teams),
    )


def _indicator(
    key: str, scope: str | None, current: Measure, earlier: Measure, target: Target
) -> Indicator:
    return Indicator(
        key=key,
        scope=scope,
        value=current.value,
        target=target,
        status=target.status(current.value),
        previous=earlier.value,
        trend=trend(current.value, earlier.value, key),
        records=current.records,
        numerator=current.numerator,
        denominator=current.denominator,
    )


def _checked_period(as_of: object, period: object, problems: list[Problem]) -> Period | None:
    """The period to report on, or ``None`` after adding to ``problems`` why there is none."""
    chosen: Period | None = None
    if not isinstance(as_of, dt.date) or isinstance(as_of, dt.datetime):
        kind = (
            "must be a date (not a datetime)"
            if isinstance(as_of, dt.datetime)
            else "must be a date"
        )
        problems.append(Problem("as_of", as_of, kind))
        return None
    if period is None:
        try:
            chosen = Period(as_of - dt.timedelta(days=DEFAULT_PERIOD_DAYS - 1), as_of)
        except OverflowError:
            problems.append(Problem("as_of", as_of, _TOO_EARLY))
            return None
    elif not isinstance(period, Period):
        problems.append(Problem("period", period, "must be a Period or None"))
        return None
    elif period.first > as_of:
        problems.append(Problem("period", period, f"must start on or before as_of ({as_of})"))
        return None
    else:
        chosen = period
    if chosen.first - dt.date.min < chosen.days * _DAY:
        # Period.previous() would start before 1 January of year 1.
        path, value = ("as_of", as_of) if period is None else ("period", period)
        problems.append(Problem(path, value, _TOO_EARLY))
        return None
    return chosen
