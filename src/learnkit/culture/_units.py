"""How each indicator's value is written, and the value as the report shows it.

Shares are shown as whole percentages, rates per task, person or review with
two decimals and safety scores with one. :func:`shown_digits` is the one
place that rounds: :func:`~learnkit.culture.format_value` writes its digits
and :func:`~learnkit.culture.trend` compares them, so the arrow never
disagrees with the numbers a reader sees.
"""

from __future__ import annotations

import decimal
import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

__all__ = ["DECIMALS", "UNITS", "Unit", "shown", "shown_digits"]


class Unit(enum.Enum):
    """How an indicator's value reads: a share, a rate per something, or a score."""

    PERCENT = "percent"
    PER_TASK = "per_task"
    PER_PERSON = "per_person"
    PER_REVIEW = "per_review"
    SCORE = "score"


UNITS: Final[Mapping[str, Unit]] = MappingProxyType(
    {
        "reflection.per_task": Unit.PER_TASK,
        "reflection.shared": Unit.PERCENT,
        "sharing.presenters": Unit.PERCENT,
        "sharing.teams": Unit.PERCENT,
        "sharing.sessions": Unit.PERCENT,
        "mentoring.newcomers": Unit.PERCENT,
        "goals.active": Unit.PERCENT,
        "goals.achieved": Unit.PER_PERSON,
        "goals.overdue": Unit.PERCENT,
        "incidents.reviews_on_time": Unit.PERCENT,
        "incidents.language": Unit.PER_REVIEW,
        "incidents.actions_on_time": Unit.PERCENT,
        "safety.team_score": Unit.SCORE,
        "leadership.recognition": Unit.PERCENT,
        "leadership.development": Unit.PERCENT,
    }
)
"""How each indicator's value is written."""

DECIMALS: Final[Mapping[Unit, int]] = MappingProxyType(
    {
        Unit.PERCENT: 0,
        Unit.PER_TASK: 2,
        Unit.PER_PERSON: 2,
        Unit.PER_REVIEW: 2,
        Unit.SCORE: 1,
    }
)
"""How many decimals each unit is shown with (a share in percent, the others as they are)."""


def shown_digits(unit: Unit, value: float) -> str:
    """``value`` rounded as the report shows it, as plain digits (``"42"``, ``"1.25"``, ``"5.2"``).

    A share is multiplied by 100 first. Rounding is Python's (the exact binary
    value, ties to even); a result that rounds to zero is written without a
    minus sign.
    """
    scaled = value * 100 if unit is Unit.PERCENT else value
    text = f"{scaled:.{DECIMALS[unit]}f}"
    if text.startswith("-") and not text.strip("-0."):
        text = text[1:]  # never "-0"
    return text


def shown(key: str, value: float) -> decimal.Decimal:
    """The value of indicator ``key`` exactly as the report shows it (``0.4249`` → ``42``)."""
    return decimal.Decimal(shown_digits(UNITS[key], value))
