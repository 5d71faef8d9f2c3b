"""The team psychological safety scale, a pulse survey and its anonymous responses.

Amy C. Edmondson's seven items (Edmondson 1999, *Psychological Safety and
Learning Behavior in Work Teams*, Administrative Science Quarterly 44(2),
350–383) are :data:`EDMONDSON_ITEMS`; items 1, 3 and 5 are negatively worded
and reverse-scored. A :class:`SafetySurvey` is one pulse: when it ran, how many
points its Likert scale has (7 by default) and the anonymity threshold promised
to the people who answered. A :class:`SafetyResponse` is one person's answers,
and carries no person id: only the team they answered for and the survey's
optional subgroup labels.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.time import Period

__all__ = [
    "DEFAULT_MIN_RESPONDENTS",
    "DEFAULT_POINTS",
    "EDMONDSON_ITEMS",
    "ITEM_COUNT",
    "SafetyItem",
    "SafetyResponse",
    "SafetySurvey",
]

DEFAULT_POINTS: Final = 7
"""The Likert scale's points by default: 1 (very inaccurate) to 7 (very accurate)."""

DEFAULT_MIN_RESPONDENTS: Final = 5
"""The anonymity threshold *k* by default: no result for fewer respondents."""

ITEM_COUNT: Final = 7
"""How many items the scale has."""

_MIN_POINTS: Final = 2
_MAX_POINTS: Final = 11


@attrs.frozen(kw_only=True)
class SafetyItem:
    """One item of the scale.

    Attributes:
        number: 1 to 7, its place in the scale.
        reverse_scored: Whether it is negatively worded, so that agreeing means
            less safety and the answer is reversed (``points + 1 - answer``).
    """

    number: int = attrs.field(validator=_validate.int_between(1, ITEM_COUNT))
    reverse_scored: bool = attrs.field(validator=_validate.instance_of(bool))

    @property
    def text_key(self) -> str:
        """The i18n key of its wording (``"safety.item.1"``); the Danish one is a translation."""
        return f"safety.item.{self.number}"

    def scored(self, answer: int, points: int) -> int:
        """``answer`` as it counts towards safety: reversed when the item is negatively worded."""
        return points + 1 - answer if self.reverse_scored else answer


EDMONDSON_ITEMS: Final[tuple[SafetyItem, ...]] = tuple(
    SafetyItem(number=number, reverse_scored=number in {1, 3, 5})
    for number in range(1, ITEM_COUNT + 1)
)
"""Edmondson's seven items in order; 1, 3 and 5 are reverse-scored."""


@attrs.frozen(kw_only=True)
class SafetySurvey:
    """One pulse of the psychological safety scale.

    Guarantees: ``points`` lies in 2..11 and ``min_respondents`` is at least 1;
    ``period`` is an inclusive :class:`~learnkit.time.Period`.

    Attributes:
        id: Unique among the surveys looked at together.
        period: The days it was open for answers.
        points: The Likert scale's points; answers are 1..``points``.
        min_respondents: The anonymity threshold *k* promised to those who
            answered: no result covers fewer respondents, and no two results
            differ by fewer. Results may use a higher threshold, never a lower.
        name: What it is called, for people.
    """

    id: str = attrs.field(validator=_validate.identifier)
    period: Period = attrs.field(validator=_validate.instance_of(Period))
    points: int = attrs.field(
        default=DEFAULT_POINTS, validator=_validate.int_between(_MIN_POINTS, _MAX_POINTS)
    )
    min_respondents: int = attrs.field(
        default=DEFAULT_MIN_RESPONDENTS, validator=_validate.int_between(1, 1_000_000)
    )
    name: str = attrs.field(default="", validator=_validate.instance_of(str))


def _answers(value: object) -> object:
    # A list from a document or a caller becomes a tuple; anything else is left to the validator.
    return tuple(value) if isinstance(value, list) else value


def _check_answers(_: object, attribute: attrs.Attribute[object], value: object) -> None:
    if not isinstance(value, tuple):
        raise _validate.fail(attribute, value, "must be a tuple of 7 answers")
    problems: list[Problem] = []
    if len(value) != ITEM_COUNT:
        problems.append(
            Problem(attribute.name, value, f"must hold {ITEM_COUNT} answers, one per item")
        )
    for index, answer in enumerate(value):
        if answer is None:
            continue
        if isinstance(answer, bool) or not isinstance(answer, int) or answer < 1:
            problems.append(
                Problem(f"{attribute.name}[{index}]", answer, "must be a whole number >= 1 or null")
            )
    if problems:
        raise InvalidDataError(problems)


def _labels(value: object) -> object:
    if isinstance(value, list | tuple | set):
        return frozenset(value)
    return value


@attrs.frozen(kw_only=True)
class SafetyResponse:
    """One person's answers to one pulse, without anything that says who they are.

    An answer is ``None`` when the item was left unanswered; such a response is
    kept as given, and refused by the survey's validation (see
    :func:`~learnkit.safety.response_problems`), so nothing is lost silently.

    Attributes:
        survey: The survey's id.
        team: The team the person answered about (their own team).
        submitted_on: The day it was submitted.
        answers: Seven answers in item order: 1..``points`` of the survey, or
            ``None`` for an unanswered item.
        groups: Subgroup labels the survey asked for, e.g. ``"newcomer"`` or
            ``"aarhus"``; results for a subgroup are shown only where anonymity
            allows.
    """

    survey: str = attrs.field(validator=_validate.identifier)
    team: str = attrs.field(validator=_validate.identifier)
    submitted_on: dt.date = attrs.field(validator=_validate.date)
    answers: tuple[int | None, ...] = attrs.field(converter=_answers, validator=_check_answers)
    groups: frozenset[str] = attrs.field(
        default=frozenset(),
        converter=_labels,
        validator=_validate.each(_validate.identifier, container=frozenset),
    )
