"""learnkit.safety result types: their invariants, serialization and strategies."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit import strategies
from learnkit.exceptions import InvalidDataError
from learnkit.safety import (
    EVERYONE,
    PulseResults,
    SafetyGroup,
    SafetyResponse,
    SafetySurvey,
    TeamScore,
    Withheld,
    WithheldReason,
    response_problems,
)
from learnkit.serialize import from_json, to_json
from learnkit.strategies import _safety

PLATFORM = SafetyGroup("platform")


def score(**changes: Any) -> TeamScore:
    """A valid released score of everyone, with ``changes``."""
    fields: dict[str, Any] = {
        "survey": "q4",
        "group": EVERYONE,
        "respondents": 5,
        "score": 5,
        "item_means": [5] * 7,
        "distribution": [0, 0, 0, 0, 5, 0, 0],
    }
    fields.update(changes)
    return TeamScore(**fields)


def withheld(**changes: Any) -> Withheld:
    """A withheld result for platform, with ``changes``."""
    fields: dict[str, Any] = {
        "survey": "q4",
        "group": PLATFORM,
        "reason": WithheldReason.TOO_FEW,
        "k": 5,
    }
    fields.update(changes)
    return Withheld(**fields)


class TestSafetyGroup:
    def test_keys(self):
        """Keys name everyone, a team, a team's subgroup and a subgroup across teams."""
        assert [g.key for g in (EVERYONE, PLATFORM, SafetyGroup("platform", "new"))] == [
            "*",
            "platform",
            "platform/new",
        ]
        assert SafetyGroup(label="new").key == "*/new"

    def test_refuses_bad_ids(self):
        """Team and label are ids."""
        with pytest.raises(InvalidDataError):
            SafetyGroup(" platform")


class TestTeamScore:
    def test_whole_numbers_become_floats(self):
        """5 and 5.0 give equal scores and the same JSON."""
        assert score() == score(score=5.0, item_means=(5.0,) * 7)
        assert isinstance(score().score, float)

    def test_every_problem(self):
        """Wrong item count, a distribution that miscounts and a score above the scale."""
        with pytest.raises(InvalidDataError) as raised:
            score(score=7.5, item_means=[5] * 6, distribution=[0, 0, 0, 0, 4, 0, 0])
        assert [p.path for p in raised.value.problems] == ["item_means", "distribution", "score"]

    def test_scale_bounds(self):
        """A distribution has one count per point of a 2..11 point scale."""
        with pytest.raises(InvalidDataError) as raised:
            score(distribution=[5])
        assert [p.path for p in raised.value.problems] == ["distribution"]
        with pytest.raises(InvalidDataError) as raised:
            score(score=4, item_means=[1, 1, 1, 1, 1, 1, 3], distribution=[5, 0])
        assert [p.path for p in raised.value.problems] == ["score", "item_means[6]"]


class TestWithheld:
    def test_because_of_goes_with_would_reveal_and_same_as(self):
        """A would-reveal or same-as names another group; a too-few names none."""
        with pytest.raises(InvalidDataError):
            withheld(reason=WithheldReason.WOULD_REVEAL)
        with pytest.raises(InvalidDataError):
            withheld(because_of=EVERYONE)
        with pytest.raises(InvalidDataError):
            withheld(reason=WithheldReason.WOULD_REVEAL, because_of=PLATFORM)
        assert withheld(reason=WithheldReason.WOULD_REVEAL, because_of=EVERYONE).k == 5
        with pytest.raises(InvalidDataError) as raised:
            withheld(reason=WithheldReason.SAME_AS)
        assert "same_as" in raised.value.problems[0].message
        assert withheld(reason=WithheldReason.SAME_AS, because_of=EVERYONE).because_of == EVERYONE


class TestPulseResults:
    def test_every_problem(self):
        """Another survey, a group twice, too few released, another k, an unreleased reference."""
        with pytest.raises(InvalidDataError) as raised:
            PulseResults(
                survey="q4",
                k=6,
                released=[score(), score(survey="q3")],
                withheld=[
                    withheld(group=EVERYONE),
                    withheld(reason=WithheldReason.WOULD_REVEAL, because_of=SafetyGroup("x")),
                ],
            )
        assert [p.path for p in raised.value.problems] == [
            "released[0].respondents",
            "released[1].survey",
            "released[1].group",
            "released[1].respondents",
            "withheld[0].group",
            "withheld[0].k",
            "withheld[1].k",
            "withheld[1].because_of",
        ]

    def test_groups_and_result(self):
        """``groups`` lists released then withheld; ``result`` finds either."""
        results = PulseResults(survey="q4", k=5, released=[score()], withheld=[withheld()])
        assert results.groups == (EVERYONE, PLATFORM)
        assert results.result(PLATFORM) == withheld()
        assert results.result(EVERYONE) == score()


class TestSerializationAndStrategies:
    @settings(max_examples=10)
    @given(st.data())
    def test_round_trip(self, data):
        """Every public safety type survives JSON exactly."""
        for kind, factory in _safety.FACTORIES:
            value = data.draw(factory(), label=kind.__name__)
            assert isinstance(value, kind)
            assert from_json(to_json(value), kind) == value

    @settings(max_examples=15)
    @given(st.data())
    def test_responses_are_valid_for_their_survey(self, data):
        """``safety_responses(survey=...)`` yields responses the survey accepts, from ``teams``."""
        survey = data.draw(strategies.safety_surveys())
        responses = data.draw(
            st.lists(strategies.safety_responses(survey=survey, teams=["a", "b"]), max_size=5)
        )
        assert response_problems(survey, responses) == ()
        assert {r.team for r in responses} <= {"a", "b"}
        assert all(r.submitted_on in survey.period for r in responses)

    def test_strategy_arguments(self):
        """Impossible arguments are refused when the strategy is built."""
        with pytest.raises(InvalidDataError):
            strategies.safety_surveys(min_points=5, max_points=3)
        with pytest.raises(InvalidDataError):
            strategies.safety_surveys(max_min_respondents=0)
        with pytest.raises(InvalidDataError):
            strategies.safety_responses(teams=[])
        with pytest.raises(InvalidDataError):
            strategies.safety_responses(survey="q4")  # type: ignore[arg-type]
        with pytest.raises(InvalidDataError):
            strategies.pulse_results_sets(max_responses=-1)

    @settings(max_examples=5)
    @given(strategies.safety_groups(teams=[], labels=[]))
    def test_groups_without_teams_or_labels(self, group):
        """Without teams or labels the only group is everyone."""
        assert group == EVERYONE

    @settings(max_examples=5)
    @given(strategies.safety_responses(labels=[]))
    def test_default_response_survey(self, example):
        """Without a survey, responses answer a 7-point November pulse."""
        survey = SafetySurvey(
            id="pulse", period=_safety._NOVEMBER, points=7, min_respondents=5, name="Pulse"
        )
        assert response_problems(survey, [example]) == ()
        assert example.groups == frozenset()
        assert example.submitted_on >= dt.date(2026, 11, 2)


class TestModel:
    def test_answers_every_problem(self):
        """Too few answers, a bool, a zero and a string are all named; None stays (unanswered)."""
        with pytest.raises(InvalidDataError) as raised:
            SafetyResponse(
                survey="q4",
                team="data",
                submitted_on=dt.date(2026, 11, 3),
                answers=[True, 0, "3", None, 4, 4],
            )
        assert [p.path for p in raised.value.problems] == [
            "answers",
            "answers[0]",
            "answers[1]",
            "answers[2]",
        ]

    def test_answers_must_be_a_sequence(self):
        """A string of answers is not a tuple of answers."""
        with pytest.raises(InvalidDataError):
            SafetyResponse(
                survey="q4", team="data", submitted_on=dt.date(2026, 11, 3), answers="4444444"
            )

    def test_labels_become_a_frozenset(self):
        """Labels given as a list, tuple or set compare equal; a string is refused."""
        made = [
            SafetyResponse(
                survey="q4",
                team="data",
                submitted_on=dt.date(2026, 11, 3),
                answers=(4,) * 7,
                groups=labels,
            )
            for labels in (["a", "b"], ("b", "a"), {"a", "b"})
        ]
        assert made[0] == made[1] == made[2]
        with pytest.raises(InvalidDataError):
            SafetyResponse(
                survey="q4",
                team="data",
                submitted_on=dt.date(2026, 11, 3),
                answers=(4,) * 7,
                groups="ab",
            )

    def test_item_means_must_be_a_sequence(self):
        """Item means given as one number are refused by name."""
        with pytest.raises(InvalidDataError) as raised:
            score(item_means=5)
        assert raised.value.problems[0].path == "item_means"
