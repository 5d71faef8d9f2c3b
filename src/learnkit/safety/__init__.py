"""Psychological safety (*psykologisk tryghed*): the ground learning stands on.

A pulse survey asks Amy C. Edmondson's seven items about the team
(``EDMONDSON_ITEMS``, items 1, 3 and 5 reverse-scored, on a 7-point Likert
scale by default). Responses carry no person id. Results are shown per group
only where anonymity allows: never for fewer than ``k`` respondents, and never
so that any combination of shown results reveals fewer than ``k`` people
(:func:`pulse_results`). A group's course over pulses is
:func:`safety_trend`; :func:`pulse_lines`, :func:`trend_lines` and
:func:`scale_lines` render for people.
"""

from __future__ import annotations

from learnkit.safety._anonymity import default_groups, pulse_results
from learnkit.safety._model import (
    DEFAULT_MIN_RESPONDENTS,
    DEFAULT_POINTS,
    EDMONDSON_ITEMS,
    ITEM_COUNT,
    SafetyItem,
    SafetyResponse,
    SafetySurvey,
)
from learnkit.safety._pulses import counted_responses, latest_pulse
from learnkit.safety._render import group_name, pulse_lines, scale_lines, trend_lines
from learnkit.safety._results import (
    EVERYONE,
    PulseResults,
    SafetyGroup,
    TeamScore,
    Withheld,
    WithheldReason,
)
from learnkit.safety._scoring import response_problems
from learnkit.safety._trend import TrendPoint, safety_trend

__all__ = [
    "DEFAULT_MIN_RESPONDENTS",
    "DEFAULT_POINTS",
    "EDMONDSON_ITEMS",
    "EVERYONE",
    "ITEM_COUNT",
    "PulseResults",
    "SafetyGroup",
    "SafetyItem",
    "SafetyResponse",
    "SafetySurvey",
    "TeamScore",
    "TrendPoint",
    "Withheld",
    "WithheldReason",
    "counted_responses",
    "default_groups",
    "group_name",
    "latest_pulse",
    "pulse_lines",
    "pulse_results",
    "response_problems",
    "safety_trend",
    "scale_lines",
    "trend_lines",
]
