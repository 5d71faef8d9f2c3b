"""Reflection after work (*refleksion efter opgaver*), who may read it, and what is due.

:class:`Reflection` records what went well, what to improve, what was learned
and what happens next, about a :class:`TaskRef` (a task, project, meeting,
incident or mentorship), with a :class:`Visibility`. :func:`can_view`,
:func:`visible_to` and :func:`audience` make visibility a rule, and
:func:`reflections_due` says who still owes a reflection on a
:class:`CompletedTask`, in their own time zone and working days.
"""

from __future__ import annotations

from learnkit.reflection._due import DEFAULT_WINDOW_DAYS, DueReflection, due_id, reflections_due
from learnkit.reflection._meetings import TeamMeeting
from learnkit.reflection._model import (
    LONG_REFLECTION_MINUTES,
    CompletedTask,
    Reflection,
    SubjectKind,
    TaskRef,
    Visibility,
    normalise_tag,
    reflection_notes,
)
from learnkit.reflection._prompts import (
    AFTER_ACTION_REVIEW,
    BUILTIN_DECK_IDS,
    FOUR_LS,
    MEETING_OPENERS,
    SINCE_LAST_TIME,
    START_STOP_CONTINUE,
    Prompt,
    PromptDeck,
    PromptDecks,
    builtin_decks,
)
from learnkit.reflection._retrospective import (
    ActionPoint,
    Retrospective,
    ThemeVote,
    add_action_point,
    carried_forward,
    complete_action_point,
    gather_reflections,
    record_votes,
    retrospective_readers,
    since_last_time,
    start_retrospective,
)
from learnkit.reflection._rotation import (
    DEFAULT_AVOID_LAST,
    PromptChoice,
    next_prompt,
    overdue_after,
)
from learnkit.reflection._themes import Theme, group_themes
from learnkit.reflection._visibility import audience, can_view, visible_to

__all__ = [
    "AFTER_ACTION_REVIEW",
    "BUILTIN_DECK_IDS",
    "DEFAULT_AVOID_LAST",
    "DEFAULT_WINDOW_DAYS",
    "FOUR_LS",
    "LONG_REFLECTION_MINUTES",
    "MEETING_OPENERS",
    "SINCE_LAST_TIME",
    "START_STOP_CONTINUE",
    "ActionPoint",
    "CompletedTask",
    "DueReflection",
    "Prompt",
    "PromptChoice",
    "PromptDeck",
    "PromptDecks",
    "Reflection",
    "Retrospective",
    "SubjectKind",
    "TaskRef",
    "TeamMeeting",
    "Theme",
    "ThemeVote",
    "Visibility",
    "add_action_point",
    "audience",
    "builtin_decks",
    "can_view",
    "carried_forward",
    "complete_action_point",
    "due_id",
    "gather_reflections",
    "group_themes",
    "next_prompt",
    "normalise_tag",
    "overdue_after",
    "record_votes",
    "reflection_notes",
    "reflections_due",
    "retrospective_readers",
    "since_last_time",
    "start_retrospective",
    "visible_to",
]
