"""Mentor matching (mentorordning): the problem as data, rules as values, explanations.

Placeholder re-exports of the model, the rules and the pair explanation; the
package's final public API is assembled when the matching algorithms land.
"""

from __future__ import annotations

from learnkit.mentoring._lifecycle import (
    DEFAULT_PLANNED_MONTHS,
    REFUSAL_REASONS,
    CheckIn,
    CheckInCadence,
    DueCheckIn,
    Mentorship,
    MentorshipStatus,
    activate,
    can_move,
    cancel,
    check_in_dates,
    check_ins_due,
    end,
    propose,
)
from learnkit.mentoring._model import Cohort, MenteeRequest, MentorOffer, Pair, Pairing, Want
from learnkit.mentoring._rules import (
    CrossTeam,
    HardRule,
    MinimumExperience,
    NotInLineOfManagement,
    NotPairedRecently,
    PreferenceRank,
    Reason,
    Rules,
    Score,
    SharedLanguage,
    SkillCoverage,
    SoftRule,
    TimeZoneOverlap,
    Verdict,
    default_rules,
)
from learnkit.mentoring._scoring import PairExplanation, ScorePart, explain_pair

__all__ = [
    "DEFAULT_PLANNED_MONTHS",
    "REFUSAL_REASONS",
    "CheckIn",
    "CheckInCadence",
    "Cohort",
    "CrossTeam",
    "DueCheckIn",
    "HardRule",
    "MenteeRequest",
    "MentorOffer",
    "Mentorship",
    "MentorshipStatus",
    "MinimumExperience",
    "NotInLineOfManagement",
    "NotPairedRecently",
    "Pair",
    "PairExplanation",
    "Pairing",
    "PreferenceRank",
    "Reason",
    "Rules",
    "Score",
    "ScorePart",
    "SharedLanguage",
    "SkillCoverage",
    "SoftRule",
    "TimeZoneOverlap",
    "Verdict",
    "Want",
    "activate",
    "can_move",
    "cancel",
    "check_in_dates",
    "check_ins_due",
    "default_rules",
    "end",
    "explain_pair",
    "propose",
]
