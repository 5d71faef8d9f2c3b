"""Mentor matching (mentorordning): the problem as data, rules as values, explanations.

The problem as data (:class:`Cohort` of offers and requests), rules as values
(:class:`Rules`, built-in hard and soft rules, or any object with the
:class:`HardRule`/:class:`SoftRule` protocol), exact and certified
:func:`optimal` matching, mentee-optimal :func:`stable` matching,
:func:`suggestions`, :func:`rematch`, explanations of every pair and every
unmatched mentee, the public checker :func:`check_matching`, and the
:class:`Mentorship` lifecycle with its check-ins.
"""

from __future__ import annotations

from learnkit.mentoring._check import Violation, check_matching
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
from learnkit.mentoring._match import (
    Certificate,
    Guarantee,
    Match,
    MatchResult,
    Objective,
    Suggestion,
    Unmatched,
    optimal,
    rematch,
    rematch_cohort,
    stable,
    suggestions,
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
    "Certificate",
    "CheckIn",
    "CheckInCadence",
    "Cohort",
    "CrossTeam",
    "DueCheckIn",
    "Guarantee",
    "HardRule",
    "Match",
    "MatchResult",
    "MenteeRequest",
    "MentorOffer",
    "Mentorship",
    "MentorshipStatus",
    "MinimumExperience",
    "NotInLineOfManagement",
    "NotPairedRecently",
    "Objective",
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
    "Suggestion",
    "TimeZoneOverlap",
    "Unmatched",
    "Verdict",
    "Violation",
    "Want",
    "activate",
    "can_move",
    "cancel",
    "check_in_dates",
    "check_ins_due",
    "check_matching",
    "default_rules",
    "end",
    "explain_pair",
    "optimal",
    "propose",
    "rematch",
    "rematch_cohort",
    "stable",
    "suggestions",
]
