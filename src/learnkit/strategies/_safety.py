"""Strategies for :mod:`learnkit.safety`: surveys, valid responses and the results of a pulse."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from hypothesis import strategies as st

from learnkit import _validate
from learnkit.exceptions import InvalidDataError
from learnkit.safety._anonymity import pulse_results
from learnkit.safety._model import ITEM_COUNT, SafetyResponse, SafetySurvey
from learnkit.safety._results import (
    PulseResults,
    SafetyGroup,
    TeamScore,
    Withheld,
    WithheldReason,
)
from learnkit.safety._scoring import team_score
from learnkit.safety._trend import TrendPoint
from learnkit.strategies._foundation import _ids, periods
from learnkit.time import Period

__all__ = [
    "pulse_results_sets",
    "safety_groups",
    "safety_responses",
    "safety_surveys",
    "team_scores",
    "trend_points",
    "withheld_results",
]

_TEAMS = ("platform", "data", "kundeservice", "økonomi")
_LABELS = ("newcomer", "aarhus", "remote", "leder")
_NAMES = ("Tryghedsmåling", "Pulsmåling Q4", "Psykologisk tryghed 2026", "Safety pulse")
_MIN_DATE = dt.date(2024, 1, 1)
_MAX_DATE = dt.date(2028, 12, 31)
_NOVEMBER = Period(dt.date(2026, 11, 2), dt.date(2026, 11, 13))


def safety_surveys(
    *,
    ids: st.SearchStrategy[str] | None = None,
    min_points: int = 2,
    max_points: int = 11,
    max_min_respondents: int = 10,
) -> st.SearchStrategy[SafetySurvey]:
    """Valid surveys: periods of up to four weeks, ``min_points..max_points`` points.

    Shrinks towards a 2-point scale with a threshold of 1.

    Raises:
        InvalidDataError: the bounds are outside 2..11 or reversed, or
            ``max_min_respondents`` is below 1.
    """
    if not 2 <= min_points <= max_points <= 11:
        raise InvalidDataError.single(
            "max_points",
            (min_points, max_points),
            "must satisfy 2 <= min_points <= max_points <= 11",
        )
    _validate.require_count(max_min_respondents, "max_min_respondents")
    if max_min_respondents < 1:
        raise InvalidDataError.single("max_min_respondents", max_min_respondents, "must be >= 1")
    return st.builds(
        SafetySurvey,
        id=_ids if ids is None else ids,
        period=periods(min_date=_MIN_DATE, max_date=_MAX_DATE, max_days=28),
        points=st.integers(min_points, max_points),
        min_respondents=st.integers(1, max_min_respondents),
        name=st.sampled_from(("", *_NAMES)),
    )


def _label_sets(labels: Sequence[str]) -> st.SearchStrategy[frozenset[str]]:
    if not labels:
        return st.just(frozenset())
    return st.frozensets(st.sampled_from(tuple(labels)), max_size=len(labels))


def safety_responses(
    *,
    survey: SafetySurvey | None = None,
    teams: Sequence[str] = _TEAMS,
    labels: Sequence[str] = _LABELS,
) -> st.SearchStrategy[SafetyResponse]:
    """Responses that are valid for ``survey``: every item answered with 1..points.

    Args:
        survey: The survey they answer; a 7-point survey ``"pulse"`` in
            November 2026 by default.
        teams: The teams respondents answer for (at least one).
        labels: The subgroup labels a respondent may carry (any subset of them).

    Raises:
        InvalidDataError: ``teams`` is empty, or ``survey`` is not a survey.
    """
    if survey is None:
        survey = SafetySurvey(
            id="pulse", period=_NOVEMBER, points=7, min_respondents=5, name="Pulse"
        )
    _validate.require_instance(survey, SafetySurvey, "survey")
    if not teams:
        raise InvalidDataError.single("teams", teams, "must name at least one team")
    return st.builds(
        SafetyResponse,
        survey=st.just(survey.id),
        team=st.sampled_from(tuple(teams)),
        submitted_on=st.dates(survey.period.first, survey.period.last),
        answers=st.tuples(*[st.integers(1, survey.points)] * ITEM_COUNT),
        groups=_label_sets(labels),
    )


def safety_groups(
    *, teams: Sequence[str] = _TEAMS, labels: Sequence[str] = _LABELS
) -> st.SearchStrategy[SafetyGroup]:
    """Groups over ``teams`` and ``labels``, each optional; shrinks towards everyone."""
    team = st.none() | st.sampled_from(tuple(teams)) if teams else st.none()
    label = st.none() | st.sampled_from(tuple(labels)) if labels else st.none()
    return st.builds(SafetyGroup, team=team, label=label)


@st.composite
def _pulse(
    draw: st.DrawFn, min_size: int, max_size: int
) -> tuple[SafetySurvey, list[SafetyResponse]]:
    survey = draw(safety_surveys(max_min_respondents=4))
    responses = draw(
        st.lists(
            safety_responses(survey=survey, teams=_TEAMS[:2], labels=_LABELS[:2]),
            min_size=min_size,
            max_size=max_size,
        )
    )
    return survey, responses


def team_scores() -> st.SearchStrategy[TeamScore]:
    """Scores computed from valid pulses of 1 to 12 responses (so they are consistent)."""
    return st.builds(
        lambda pulse, group: team_score(pulse[0], group, pulse[1]),
        _pulse(1, 12),
        safety_groups(),
    )


@st.composite
def _withheld(draw: st.DrawFn) -> Withheld:
    group = draw(safety_groups())
    reason = draw(st.sampled_from(tuple(WithheldReason)))
    because_of = None
    if reason is not WithheldReason.TOO_FEW:
        because_of = draw(safety_groups().filter(lambda other: other != group))
    return Withheld(
        survey=draw(_ids),
        group=group,
        reason=reason,
        because_of=because_of,
        k=draw(st.integers(1, 10)),
    )


def withheld_results() -> st.SearchStrategy[Withheld]:
    """Withheld results of every reason; ``because_of`` unless there were too few."""
    return _withheld()


def pulse_results_sets(*, max_responses: int = 20) -> st.SearchStrategy[PulseResults]:
    """What :func:`~learnkit.safety.pulse_results` returns for valid pulses (default groups).

    Raises:
        InvalidDataError: ``max_responses`` is negative.
    """
    _validate.require_count(max_responses, "max_responses")
    return _pulse(0, max_responses).map(lambda pulse: pulse_results(*pulse))


@st.composite
def _trend_point(draw: st.DrawFn) -> TrendPoint:
    survey, responses = draw(_pulse(0, 10))
    shown = pulse_results(survey, responses).result(SafetyGroup())
    if isinstance(shown, TeamScore):
        change = draw(st.none() | st.floats(1 - survey.points, survey.points - 1))
        return TrendPoint(survey=survey.id, period=survey.period, result=shown, change=change)
    return TrendPoint(survey=survey.id, period=survey.period, withheld=shown)


def trend_points() -> st.SearchStrategy[TrendPoint]:
    """Trend points for everyone in a valid pulse, released or withheld."""
    return _trend_point()


FACTORIES: tuple[tuple[type, Callable[[], st.SearchStrategy[Any]]], ...] = (
    (SafetySurvey, safety_surveys),
    (SafetyResponse, safety_responses),
    (SafetyGroup, safety_groups),
    (TeamScore, team_scores),
    (Withheld, withheld_results),
    (PulseResults, pulse_results_sets),
    (TrendPoint, trend_points),
)
"""The default strategy of every public safety type, for ``st.from_type``."""
