"""Which pulse a report or a demo shows, and which of its responses count.

The culture report and the demo print safety results side by side, so they must
show the same release of the same pulse: two releases of different responses or
different pulses could be read together. Both choose with these two functions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.safety._model import SafetyResponse, SafetySurvey
from learnkit.safety._scoring import response_problems
from learnkit.time import Period

__all__ = ["counted_responses", "latest_pulse"]


def latest_pulse(surveys: Iterable[SafetySurvey], period: Period) -> SafetySurvey | None:
    """The pulse that closed last within ``period``, or ``None`` when none closed in it.

    A pulse closes on the last day of its own period. Ties (two pulses closing
    the same day) go to the one that opened later, then to the greatest id, so
    the choice does not depend on the order of ``surveys``.

    Raises:
        InvalidDataError: ``period`` is not a Period, or an item of ``surveys``
            is not a SafetySurvey (every problem at once).
    """
    problems: list[Problem] = []
    found = _validate.items_of(surveys, SafetySurvey, "surveys", problems)
    given: object = period
    if not isinstance(given, Period):
        problems.append(Problem("period", period, "must be a Period"))
    if problems:
        raise InvalidDataError(problems)
    closed = [survey for survey in found if survey.period.last in period]
    return max(closed, key=lambda s: (s.period.last, s.period.first, s.id), default=None)


def counted_responses(
    survey: SafetySurvey, responses: Iterable[SafetyResponse], *, as_of: dt.date
) -> tuple[SafetyResponse, ...]:
    """The responses to ``survey`` that count as of ``as_of``, in their given order.

    A response counts when it answers ``survey``, was submitted on or before
    ``as_of`` (nothing later is known yet) and has no problem (see
    :func:`~learnkit.safety.response_problems`: every item answered, in range).
    The ones left out are exactly those :func:`response_problems` lists or
    those submitted later, so a caller can show them.

    Raises:
        InvalidDataError: ``survey`` is not a SafetySurvey, ``as_of`` is not a
            date, or an item of ``responses`` is not a SafetyResponse (every
            problem at once).
    """
    problems: list[Problem] = []
    found = _validate.items_of(responses, SafetyResponse, "responses", problems)
    given: tuple[object, object] = (survey, as_of)
    if not isinstance(given[0], SafetySurvey):
        problems.append(Problem("survey", survey, "must be a SafetySurvey"))
    if not isinstance(given[1], dt.date) or isinstance(given[1], dt.datetime):
        problems.append(Problem("as_of", as_of, "must be a date"))
    if problems:
        raise InvalidDataError(problems)
    return tuple(
        response
        for response in found
        if response.survey == survey.id
        and response.submitted_on <= as_of
        and not response_problems(survey, (response,))
    )
