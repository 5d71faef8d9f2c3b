"""Learning goals (*læringsmål*) and the yearly development review (MUS).

A :class:`LearningGoal` with its 70-20-10 :class:`Activity` list and dated
:class:`ProgressNote` values moves through a lifecycle (:func:`agree`,
:func:`start`, :func:`achieve`, :func:`drop`, :func:`carry_over`,
:func:`add_note`, guarded by :func:`can_move`); :func:`smart_check` says how a
goal falls short of SMART, in Danish and English. A :class:`DevelopmentReview`
records the MUS, its preparation answers, goals and follow-up rule;
:func:`follow_ups` gives the follow-up days on working days,
:func:`carry_over_into` carries unfinished goals into the next review, and
:func:`goal_health` reports active, overdue and stale goals and follow-ups due,
per person and per team; :func:`activity_mix` counts the planned activities by
the 70-20-10 model.
"""

from __future__ import annotations

from learnkit.goals._carry import GoalCarryOver, carry_over_into, continuation_id
from learnkit.goals._health import (
    DEFAULT_STALE_WEEKS,
    FOLLOW_UP_EARLY_DAYS,
    FollowUp,
    GoalHealth,
    GoalHealthReport,
    TeamGoalHealth,
    goal_health,
)
from learnkit.goals._lifecycle import (
    REFUSAL_REASONS,
    achieve,
    add_note,
    agree,
    can_move,
    carry_over,
    drop,
    start,
)
from learnkit.goals._mix import ActivityMix, activity_mix
from learnkit.goals._model import Activity, ActivityKind, GoalStatus, LearningGoal, ProgressNote
from learnkit.goals._review import (
    DEFAULT_FOLLOW_UP_RULE,
    MAX_REVIEW_GAP_MONTHS,
    PREPARATION_QUESTIONS,
    DevelopmentReview,
    DevelopmentReviewFinding,
    PreparationAnswer,
    ReviewFindingCode,
    check_review,
)
from learnkit.goals._schedule import follow_up_dates, follow_ups
from learnkit.goals._smart import (
    DEFAULT_ACTIVE_LIMIT,
    VAGUE_PHRASES,
    SmartCriterion,
    SmartFinding,
    smart_check,
    vague_phrases,
)

__all__ = [
    "DEFAULT_ACTIVE_LIMIT",
    "DEFAULT_FOLLOW_UP_RULE",
    "DEFAULT_STALE_WEEKS",
    "FOLLOW_UP_EARLY_DAYS",
    "MAX_REVIEW_GAP_MONTHS",
    "PREPARATION_QUESTIONS",
    "REFUSAL_REASONS",
    "VAGUE_PHRASES",
    "Activity",
    "ActivityKind",
    "ActivityMix",
    "DevelopmentReview",
    "DevelopmentReviewFinding",
    "FollowUp",
    "GoalCarryOver",
    "GoalHealth",
    "GoalHealthReport",
    "GoalStatus",
    "LearningGoal",
    "PreparationAnswer",
    "ProgressNote",
    "ReviewFindingCode",
    "SmartCriterion",
    "SmartFinding",
    "TeamGoalHealth",
    "achieve",
    "activity_mix",
    "add_note",
    "agree",
    "can_move",
    "carry_over",
    "carry_over_into",
    "check_review",
    "continuation_id",
    "drop",
    "follow_up_dates",
    "follow_ups",
    "goal_health",
    "smart_check",
    "start",
    "vague_phrases",
]
