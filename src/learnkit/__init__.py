"""learnkit: a pure, typed model of a workplace learning culture (læringskultur).

The public API is re-exported here; see the documentation for a tour. Importing
learnkit changes no global state and performs no I/O.
"""

from __future__ import annotations

from learnkit.exceptions import (
    InfeasibleError,
    InvalidDataError,
    LearnkitError,
    OutOfRangeError,
    Problem,
    TransitionError,
    UnknownIdError,
)
from learnkit.i18n import Locale, translate
from learnkit.people import Person, Roster, Skill, Team, Tenure
from learnkit.time import Calendar, Holiday, Period, format_datetime, parse_datetime, zone

__all__ = [
    "Calendar",
    "Holiday",
    "InfeasibleError",
    "InvalidDataError",
    "LearnkitError",
    "Locale",
    "OutOfRangeError",
    "Period",
    "Person",
    "Problem",
    "Roster",
    "Skill",
    "Team",
    "Tenure",
    "TransitionError",
    "UnknownIdError",
    "format_datetime",
    "parse_datetime",
    "translate",
    "zone",
]


def __getattr__(name: str) -> str:
    # The version comes from the installed metadata, read only when asked for.
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415 - lazy on purpose

        return version("learnkit")
    raise AttributeError(f"module 'learnkit' has no attribute {name!r}")
