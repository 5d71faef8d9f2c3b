"""Knowledge sharing across teams at fixed times: Friday stories, mini-workshops, lightning talks.

* :class:`SessionSeries` and :func:`expand`: a recurrence of a local wall time on a
  working-day calendar, expanded into dated sessions that keep their wall time
  across daylight saving, moved off holidays or skipped by a stated policy.
* :class:`Topic` and :func:`choose_topics`: the backlog, chosen by votes.
* :func:`plan`: fair presenter rotation across teams, with an explanation of
  every assignment and stable re-planning.
"""

from __future__ import annotations

from learnkit.sharing._rotation import (
    DEFAULT_NEWCOMER_WEEKS,
    Absence,
    Assignment,
    Plan,
    PresenterChoice,
    Turn,
    plan,
)
from learnkit.sharing._series import (
    BUILTIN_FORMATS,
    FRIDAY_STORY,
    LIGHTNING_TALK,
    MINI_WORKSHOP,
    Expansion,
    HolidayPolicy,
    Session,
    SessionFormat,
    SessionSeries,
    SkippedSession,
    SkipReason,
    expand,
)
from learnkit.sharing._topics import (
    Topic,
    TopicStatus,
    choose_topics,
    mark_held,
    mark_planned,
    vote,
)

__all__ = [
    "BUILTIN_FORMATS",
    "DEFAULT_NEWCOMER_WEEKS",
    "FRIDAY_STORY",
    "LIGHTNING_TALK",
    "MINI_WORKSHOP",
    "Absence",
    "Assignment",
    "Expansion",
    "HolidayPolicy",
    "Plan",
    "PresenterChoice",
    "Session",
    "SessionFormat",
    "SessionSeries",
    "SkipReason",
    "SkippedSession",
    "Topic",
    "TopicStatus",
    "Turn",
    "choose_topics",
    "expand",
    "mark_held",
    "mark_planned",
    "plan",
    "vote",
]
