"""Is learning actually part of the working day here? The learning-culture report.

:func:`culture_report` reads a :class:`~learnkit.workspace.Workspace` and
measures each indicator of :data:`INDICATOR_KEYS` for a period: reflections
per task, shared reflections, knowledge-sharing breadth, mentors for
newcomers, learning goals, incident reviews and their language, action items,
psychological safety per team (anonymity respected), the recognition mix and
the operations/development balance. Each :class:`Indicator` has a value, a
:class:`Target` (defaults in :data:`DEFAULT_TARGETS`, overridable by key), a
:class:`Status`, a trend against the previous period and the ids of the records
it counted. :func:`render_text` and :func:`render_markdown` write the report in
Danish or English.
"""

from __future__ import annotations

from learnkit.culture._measure import DEFAULT_NEWCOMER_DAYS
from learnkit.culture._model import (
    FLAT_TOLERANCE,
    CultureReport,
    Direction,
    Indicator,
    Status,
    Target,
    TargetKind,
    trend,
)
from learnkit.culture._render import format_value, render_markdown, render_text
from learnkit.culture._report import DEFAULT_PERIOD_DAYS, culture_report
from learnkit.culture._targets import DEFAULT_TARGETS, INDICATOR_KEYS, UNITS, Unit

__all__ = [
    "DEFAULT_NEWCOMER_DAYS",
    "DEFAULT_PERIOD_DAYS",
    "DEFAULT_TARGETS",
    "FLAT_TOLERANCE",
    "INDICATOR_KEYS",
    "UNITS",
    "CultureReport",
    "Direction",
    "Indicator",
    "Status",
    "Target",
    "TargetKind",
    "Unit",
    "culture_report",
    "format_value",
    "render_markdown",
    "render_text",
    "trend",
]
