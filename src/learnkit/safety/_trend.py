"""A group's psychological safety across pulses, with anonymity kept at every point."""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.safety._anonymity import default_groups, pulse_results
from learnkit.safety._model import SafetyResponse, SafetySurvey
from learnkit.safety._results import SafetyGroup, TeamScore, Withheld
from learnkit.time import Period

__all__ = ["TrendPoint", "safety_trend"]


def _as_float(value: object) -> object:
    return float(value) if isinstance(value, int) and not isinstance(value, bool) else value


@attrs.frozen(kw_only=True)
class TrendPoint:
    """One pulse in a group's trend: its result, or why it is withheld.

    Guarantees: exactly one of ``result`` and ``withheld`` is set, both about
    ``survey``; ``change`` is ``None`` whenever ``result`` is.

    Attributes:
        survey: The survey's id.
        period: When the survey was open.
        result: The released result, or ``None``.
        withheld: Why the result is not shown, or ``None``.
        change: ``result.score`` minus the score of the previous released
            point, or ``None`` (withheld, or no earlier released point).
    """

    survey: str = attrs.field(validator=_validate.identifier)
    period: Period = attrs.field(validator=_validate.instance_of(Period))
    result: TeamScore | None = attrs.field(
        default=None, validator=_validate.optional(_validate.instance_of(TeamScore))
    )
    withheld: Withheld | None = attrs.field(
        default=None, validator=_validate.optional(_validate.instance_of(Withheld))
    )
    change: float | None = attrs.field(
        default=None,
        converter=_as_float,
        validator=_validate.optional(_validate.number_between(-10.0, 10.0)),
    )

    @property
    def shown(self) -> TeamScore | Withheld:
        """What the pulse shows for the group, the released result or the withheld one."""
        return self.result if self.result is not None else cast("Withheld", self.withheld)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if (self.result is None) == (self.withheld is None):
            problems.append(
                Problem("result", self.result, "exactly one of result and withheld must be set")
            )
        for name in ("result", "withheld"):
            entry: TeamScore | Withheld | None = getattr(self, name)
            if entry is not None and entry.survey != self.survey:
                problems.append(Problem(f"{name}.survey", entry.survey, f"must be {self.survey!r}"))
        if self.result is None and self.change is not None:
            problems.append(Problem("change", self.change, "must be null without a result"))
        if problems:
            raise InvalidDataError(problems)


def _survey_order(survey: SafetySurvey) -> tuple[object, ...]:
    return (survey.period.first, survey.period.last, survey.id)


def safety_trend(
    surveys: Iterable[SafetySurvey],
    responses: Iterable[SafetyResponse],
    group: SafetyGroup,
    *,
    k: int | None = None,
    groups: Iterable[SafetyGroup] | None = None,
) -> tuple[TrendPoint, ...]:
    """``group``'s result in every pulse, oldest first, and its change between released points.

    Each point is exactly what :func:`~learnkit.safety.pulse_results` shows
    for ``group`` in that pulse with the same ``groups`` and ``k`` (``group``
    is added last when ``groups`` lacks it), so a trend never shows what the
    pulse itself withholds. Surveys are ordered by period, then id; ``change``
    compares with the last *released* point before it, and withheld points
    stay withheld (with no change).

    Args:
        surveys: The pulses; ids must be unique.
        responses: Responses to any of them; each must answer one of them.
        group: Whom the trend is about.
        k: The anonymity threshold; ``None`` for each survey's own
            ``min_respondents``; never below any survey's.
        groups: The priority order used in each pulse; ``None`` for the
            default groups of that pulse.

    Raises:
        InvalidDataError: every problem at once: duplicate survey ids, a
            response to no given survey or invalid for its survey, a ``k``
            below a survey's threshold, a bad group.
    """
    problems: list[Problem] = []
    found = _validate.items_of(surveys, SafetySurvey, "surveys", problems)
    asked: object = group
    if not isinstance(asked, SafetyGroup):
        problems.append(Problem("group", group, "must be a SafetyGroup"))
    by_id: dict[str, SafetySurvey] = {}
    for index, survey in enumerate(found):
        if survey.id in by_id:
            problems.append(Problem(f"surveys[{index}].id", survey.id, "appears twice"))
        by_id[survey.id] = survey
    answers = _validate.items_of(responses, SafetyResponse, "responses", problems)
    per_survey: dict[str, list[tuple[int, SafetyResponse]]] = {id: [] for id in by_id}
    for index, response in enumerate(answers):
        if response.survey in per_survey:
            per_survey[response.survey].append((index, response))
        else:
            problems.append(
                Problem(
                    f"responses[{index}].survey", response.survey, "must be a given survey's id"
                )
            )
    order = None if groups is None else _validate.items_of(groups, SafetyGroup, "groups", problems)
    if problems:
        raise InvalidDataError(problems)
    return _points(sorted(by_id.values(), key=_survey_order), per_survey, group, k, order)


def _points(
    surveys: list[SafetySurvey],
    per_survey: dict[str, list[tuple[int, SafetyResponse]]],
    group: SafetyGroup,
    k: int | None,
    groups: tuple[SafetyGroup, ...] | None,
) -> tuple[TrendPoint, ...]:
    problems: list[Problem] = []
    points: list[TrendPoint] = []
    previous: float | None = None
    for survey in surveys:
        indexed = per_survey[survey.id]
        given = [response for _, response in indexed]
        asked = default_groups(given) if groups is None else groups
        if group not in asked:
            asked = (*asked, group)
        try:
            results = pulse_results(survey, given, asked, k=k)
        except InvalidDataError as error:
            problems.extend(_renumbered(error, indexed))
            continue
        shown = results.result(group)
        if isinstance(shown, TeamScore):
            change = None if previous is None else shown.score - previous
            points.append(
                TrendPoint(survey=survey.id, period=survey.period, result=shown, change=change)
            )
            previous = shown.score
        else:
            points.append(TrendPoint(survey=survey.id, period=survey.period, withheld=shown))
    if problems:
        # A bad k is the same problem in every pulse: say it once.
        unique = {(p.path, repr(p.value), p.message): p for p in problems}
        raise InvalidDataError(unique.values())
    return tuple(points)


def _renumbered(
    error: InvalidDataError, indexed: list[tuple[int, SafetyResponse]]
) -> list[Problem]:
    # pulse_results numbers a survey's own responses; the caller knows them by their place
    # in everything it handed in.
    renumbered = []
    for problem in error.problems:
        path = problem.path
        if path.startswith("responses["):
            local, rest = path.removeprefix("responses[").split("]", 1)
            path = f"responses[{indexed[int(local)][0]}]{rest}"
        renumbered.append(Problem(path, problem.value, problem.message))
    return renumbered
