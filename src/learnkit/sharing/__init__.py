"""Knowledge sharing across teams at fixed times: Friday stories, mini-workshops, lightning talks.

* :class:`SessionSeries` and :func:`expand`: a recurrence of a local wall time on a
  working-day calendar, expanded into dated sessions that keep their wall time
  across daylight saving, moved off holidays or skipped by a stated policy.
* :class:`Topic` and :func:`choose_topics`: the backlog, chosen by votes.
* :func:`plan`: fair presenter rotation across teams, with an explanation of
  every assignment and stable re-planning.
* :func:`buddy_round`: learning buddies, random pairs across teams each round.
* :class:`PlanRequest`: the whole input of :func:`plan` as one serializable value.
"""

from __future__ import annotations

from learnkit.sharing._buddies import DEFAULT_AVOID_ROUNDS, BuddyRound, buddy_round
from learnkit.sharing._request import PlanRequest
from learnkit.sharing._rotation import (
    DEFAULT_NEWCOMER_WEEKS,
    Absence,
    Assignment,
    ChoiceBasis,
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
    "DEFAULT_AVOID_ROUNDS",
    "DEFAULT_NEWCOMER_WEEKS",
    "FRIDAY_STORY",
    "LIGHTNING_TALK",
    "MINI_WORKSHOP",
    "Absence",
    "Assignment",
    "BuddyRound",
    "ChoiceBasis",
    "Expansion",
    "HolidayPolicy",
    "Plan",
    "PlanRequest",
    "PresenterChoice",
    "Session",
    "SessionFormat",
    "SessionSeries",
    "SkipReason",
    "SkippedSession",
    "Topic",
    "TopicStatus",
    "Turn",
    "buddy_round",
    "choose_topics",
    "expand",
    "mark_held",
    "mark_planned",
    "plan",
    "vote",
]
