"""Checking responses against their survey, and scoring a group of them.

Scoring follows Edmondson (1999): the negatively worded items 1, 3 and 5 are
reverse-coded (``points + 1 - answer``), and a group's score is the mean of
every reverse-coded answer. All sums are of whole numbers and therefore exact,
so a score does not depend on the order of the responses, and a mean is the
one correctly rounded division of that exact sum.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import cast

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.safety._model import EDMONDSON_ITEMS, ITEM_COUNT, SafetyResponse, SafetySurvey
from learnkit.safety._results import SafetyGroup, TeamScore

__all__ = [
    "collect_problems",
    "own_mean_point",
    "response_problems",
    "scored_answers",
    "team_score",
]


def response_problems(
    survey: SafetySurvey, responses: Iterable[SafetyResponse]
) -> tuple[Problem, ...]:
    """Every reason a response cannot be counted for ``survey``, all at once.

    A response is counted only when it answers ``survey`` and every one of its
    seven items is answered with 1..``survey.points``. Each problem names its
    place, e.g. ``responses[3].answers[4]``, and the value found there; nothing
    is dropped or raised, so a caller can show the list.

    Raises:
        InvalidDataError: ``survey`` is not a :class:`SafetySurvey` (the one
            thing that is not about the responses).
    """
    _validate.require_instance(survey, SafetySurvey, "survey")
    problems: list[Problem] = []
    collect_problems(survey, responses, problems)
    return tuple(problems)


def collect_problems(survey: SafetySurvey, responses: object, problems: list[Problem]) -> None:
    """Add the problems of ``responses`` (anything a caller handed in) to ``problems``."""
    if isinstance(responses, str | bytes) or not isinstance(responses, Iterable):
        problems.append(
            Problem("responses", responses, "must be a collection of SafetyResponse values")
        )
        return
    for index, response in enumerate(cast("Iterable[object]", responses)):
        path = f"responses[{index}]"
        if not isinstance(response, SafetyResponse):
            problems.append(Problem(path, response, "must be a SafetyResponse"))
            continue
        problems.extend(_problems_of(survey, response, path))


def _problems_of(survey: SafetySurvey, response: SafetyResponse, path: str) -> list[Problem]:
    problems: list[Problem] = []
    if response.survey != survey.id:
        problems.append(
            Problem(f"{path}.survey", response.survey, f"must be the survey's id {survey.id!r}")
        )
    for index, answer in enumerate(response.answers):
        where = f"{path}.answers[{index}]"
        if answer is None:
            problems.append(Problem(where, None, "is unanswered: every item must be answered"))
        elif answer > survey.points:
            problems.append(Problem(where, answer, f"must be between 1 and {survey.points}"))
    return problems


def scored_answers(response: SafetyResponse, points: int) -> tuple[int, ...]:
    """The seven answers of a valid response, reverse-coded where the item is negative.

    Raises:
        InvalidDataError: an item is unanswered.
    """
    answers = response.answers
    if any(answer is None for answer in answers):
        raise InvalidDataError.single("answers", answers, "every item must be answered")
    return tuple(
        item.scored(answer, points)
        for item, answer in zip(EDMONDSON_ITEMS, answers, strict=True)
        if answer is not None
    )


def own_mean_point(scored: Sequence[int]) -> int:
    """A respondent's own mean score rounded half up to a whole point.

    The mean of seven answers is rounded half up, so 4.5 counts as 5 (it
    never is exactly half with seven items, but the rule holds for any
    count); the arithmetic is on whole numbers, so no rounding error can move
    a respondent to a neighbouring point.
    """
    total, count = sum(scored), len(scored)
    return (2 * total + count) // (2 * count)


def team_score(
    survey: SafetySurvey, group: SafetyGroup, responses: Sequence[SafetyResponse]
) -> TeamScore:
    """The score of ``group`` over valid, non-empty ``responses`` of ``survey``.

    Guarantees: independent of the order of ``responses``; the score is the
    mean of all ``7 * len(responses)`` reverse-coded answers, each item mean the
    mean of its column, and the distribution counts each respondent once, at
    their own mean rounded half up.
    """
    points = survey.points
    rows = [scored_answers(response, points) for response in responses]
    count = len(rows)
    distribution = [0] * points
    for row in rows:
        distribution[own_mean_point(row) - 1] += 1
    columns = [sum(row[item] for row in rows) for item in range(ITEM_COUNT)]
    return TeamScore(
        survey=survey.id,
        group=group,
        respondents=count,
        score=sum(columns) / (ITEM_COUNT * count),
        item_means=tuple(column / count for column in columns),
        distribution=tuple(distribution),
    )
