"""What a bot should say now: :func:`due` gives every :class:`Nudge` as of a moment.

A bot hands in a :class:`~learnkit.workspace.Workspace` (the immutable
snapshot of the roster and every part's records) and the current time, and
gets back, in Danish or English, the reflections owed, the mentor check-ins
and goal follow-ups due, the overdue action items of incident reviews, the
presenters to remind, the questions to open team meetings with, and a quiet
word to people who have had no development time for weeks. Each nudge has a
stable ``id`` and lists its ``occasions``; the bot rule is: send a nudge when
one of its occasions has not been sent before, and remember the occasions you
sent. There is one nudge per recipient and reason, whatever the number of
records behind it.
"""

from __future__ import annotations

from learnkit.nudges._due import due
from learnkit.nudges._model import EARLIEST_NOW, LATEST_NOW, NUDGE_TIME, Nudge, NudgeReason
from learnkit.nudges._sessions import (
    OPENER_BLOCK,
    OPENER_WINDOW,
    REMINDER_WORKING_DAYS,
    opener_seed,
)
from learnkit.nudges._work import (
    ACTION_ITEM_MAX_AGE,
    CHECK_IN_MAX_AGE,
    FOLLOW_UP_MAX_AGE,
    REFLECTION_MAX_AGE,
)

__all__ = [
    "ACTION_ITEM_MAX_AGE",
    "CHECK_IN_MAX_AGE",
    "EARLIEST_NOW",
    "FOLLOW_UP_MAX_AGE",
    "LATEST_NOW",
    "NUDGE_TIME",
    "OPENER_BLOCK",
    "OPENER_WINDOW",
    "REFLECTION_MAX_AGE",
    "REMINDER_WORKING_DAYS",
    "Nudge",
    "NudgeReason",
    "due",
    "opener_seed",
]
