"""Wrong input to the mentoring model and rules: each error names the field and the value."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from learnkit.exceptions import InvalidDataError
from learnkit.mentoring import (
    CrossTeam,
    MenteeRequest,
    MentorOffer,
    Reason,
    Rules,
    SkillCoverage,
    Verdict,
)
from learnkit.mentoring._rules import anniversary, recency_cutoff


def problem_fields(error: pytest.ExceptionInfo[InvalidDataError]) -> list[str]:
    return [problem.path for problem in error.value.problems]


class TestStringSets:
    def test_one_string_is_refused_by_name(self) -> None:
        """A single string is refused instead of becoming a set of its letters."""
        with pytest.raises(InvalidDataError) as error:
            MentorOffer(mentor="p01", skills="python")
        assert problem_fields(error) == ["skills"]
        assert error.value.problems[0].value == "python"

    def test_unhashable_items_are_refused(self) -> None:
        """Items that cannot be in a set give a clear error, not a TypeError."""
        with pytest.raises(InvalidDataError) as error:
            MentorOffer(mentor="p01", topics=[["onboarding"]])  # type: ignore[list-item]
        assert problem_fields(error) == ["topics"]

    def test_languages_that_are_not_a_collection_are_named(self) -> None:
        """A number where languages belong is named by the validator."""
        with pytest.raises(InvalidDataError) as error:
            MentorOffer(mentor="p01", languages=5)  # type: ignore[arg-type]
        assert "languages" in problem_fields(error)[0]

    def test_preferences_that_are_not_a_collection_are_named(self) -> None:
        """Preferences keep their order; a number is refused by name."""
        with pytest.raises(InvalidDataError) as error:
            MenteeRequest(mentee="p02", preferences=7)
        assert "preferences" in problem_fields(error)[0]


class TestReasons:
    def test_params_from_a_mapping_are_sorted_pairs(self) -> None:
        """A mapping of parameters becomes pairs sorted by name."""
        reason = Reason("reason.test", {"b": 2, "a": "x"})
        assert reason.params == (("a", "x"), ("b", 2))

    @pytest.mark.parametrize(
        ("params", "message"),
        [
            ("text", "must be pairs of a name and a value"),
            ([("a",)], "must be a (name, value) pair"),
            ([("not a name", 1)], "must be a name such as 'mentor'"),
            ([("a", 1), ("a", 2)], "is given twice"),
            ([("a", True)], "must be a string or a number"),
            ([("a", float("nan"))], "must be a finite number"),
        ],
    )
    def test_bad_params_are_named(self, params: Any, message: str) -> None:
        """Each kind of bad parameter is refused with its own message."""
        with pytest.raises(InvalidDataError) as error:
            Reason("reason.test", params)
        assert any(message in problem.message for problem in error.value.problems)

    def test_pairs_that_cannot_be_sorted_are_refused_not_crashed(self) -> None:
        """Pairs whose names cannot be compared reach the validator unsorted."""
        with pytest.raises(InvalidDataError) as error:
            Reason("reason.test", [(1, "x"), ("a", "y")])
        assert problem_fields(error) == ["params[0]"]

    def test_a_detail_that_is_not_a_reason_is_named(self) -> None:
        """Details must be reasons."""
        with pytest.raises(InvalidDataError) as error:
            Reason("reason.test", details=("not a reason",))
        assert problem_fields(error) == ["details[0]"]

    def test_a_verdict_needs_a_reason(self) -> None:
        """A verdict without a Reason is refused by name."""
        with pytest.raises(InvalidDataError) as error:
            Verdict(allowed=True, reason="fine")  # type: ignore[arg-type]
        assert problem_fields(error) == ["reason"]


class TestRuleParameters:
    @pytest.mark.parametrize("weight", [True, "3", float("inf"), -1.0])
    def test_bad_weights_are_refused(self, weight: Any) -> None:
        """A weight is a finite number >= 0, never a bool or a string."""
        with pytest.raises(InvalidDataError) as error:
            SkillCoverage(weight=weight)
        assert problem_fields(error) == ["weight"]

    def test_rules_that_are_not_a_collection_are_refused(self) -> None:
        """A single rule where a group belongs is named."""
        with pytest.raises(InvalidDataError) as error:
            Rules(hard=CrossTeam(hard=True))
        assert problem_fields(error) == ["hard"]

    def test_with_soft_adds_a_soft_rule(self) -> None:
        """with_soft replaces a rule of the same name in place."""
        rules = Rules().with_soft(SkillCoverage(weight=5.0))
        weights = {rule.name: rule.weight for rule in rules.soft}
        assert weights["skill_coverage"] == 5.0


class TestDates:
    def test_anniversary_beyond_year_9999_is_none(self) -> None:
        """An anniversary after the last representable year does not exist."""
        assert anniversary(dt.date(9990, 1, 1), 20) is None

    def test_anniversary_of_a_leap_day(self) -> None:
        """29 February becomes 28 February in a common year."""
        assert anniversary(dt.date(2024, 2, 29), 1) == dt.date(2025, 2, 28)

    def test_recency_cutoff_before_year_one_is_the_first_day(self) -> None:
        """A cutoff before the first representable day is that day."""
        assert recency_cutoff(dt.date(1, 3, 1), 12) == dt.date.min
