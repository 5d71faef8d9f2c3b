"""learnkit.safety scoring: validation of responses, reverse coding, means and the distribution."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit import strategies
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.safety import (
    EDMONDSON_ITEMS,
    EVERYONE,
    SafetyResponse,
    SafetySurvey,
    TeamScore,
    pulse_results,
    response_problems,
)
from learnkit.safety._scoring import own_mean_point, scored_answers
from learnkit.time import Period

NOV = Period(dt.date(2026, 11, 2), dt.date(2026, 11, 13))


def survey(points: int = 7, k: int = 1) -> SafetySurvey:
    """The November pulse with ``points`` points and threshold ``k``."""
    return SafetySurvey(id="q4", period=NOV, points=points, min_respondents=k)


def response(answers: tuple[int | None, ...], team: str = "data") -> SafetyResponse:
    """A response to the November pulse."""
    return SafetyResponse(
        survey="q4", team=team, submitted_on=dt.date(2026, 11, 3), answers=answers
    )


def everyone(points: int, responses: list[SafetyResponse]) -> TeamScore:
    """The released score of everyone (threshold 1)."""
    result = pulse_results(survey(points), responses, [EVERYONE]).result(EVERYONE)
    assert isinstance(result, TeamScore)
    return result


@st.composite
def scored_pulses(draw: st.DrawFn) -> tuple[int, list[SafetyResponse]]:
    """A scale size and 1..15 valid responses to it."""
    points = draw(st.integers(2, 11))
    responses = draw(
        st.lists(strategies.safety_responses(survey=survey(points)), min_size=1, max_size=15)
    )
    return points, responses


class TestReverseCoding:
    def test_items_1_3_5_are_reversed(self):
        """Only items 1, 3 and 5 are negatively worded."""
        assert [item.number for item in EDMONDSON_ITEMS if item.reverse_scored] == [1, 3, 5]

    def test_fully_safe_answers_score_top(self):
        """Disagreeing with the negative items and agreeing with the rest scores 7 of 7."""
        score = everyone(7, [response((1, 7, 1, 7, 1, 7, 7))] * 3)
        assert score.score == 7.0
        assert score.item_means == (7.0,) * 7
        assert score.distribution == (0, 0, 0, 0, 0, 0, 3)

    def test_hand_computed(self):
        """Two respondents by hand: reverse-coded rows (6,5,4,3,7,6,5) and (2,3,4,5,1,2,3)."""
        score = everyone(7, [response((2, 5, 4, 3, 1, 6, 5)), response((6, 3, 4, 5, 7, 2, 3))])
        assert score.item_means == (4.0, 4.0, 4.0, 4.0, 4.0, 4.0, 4.0)
        assert score.score == 4.0
        # own means 36/7 = 5.14 -> 5 and 20/7 = 2.86 -> 3
        assert score.distribution == (0, 0, 1, 0, 1, 0, 0)
        assert score.respondents == 2
        assert score.points == 7

    def test_scored_answers_refuses_unanswered(self):
        """An unanswered item cannot be scored."""
        with pytest.raises(InvalidDataError):
            scored_answers(response((None, 1, 1, 1, 1, 1, 1)), 7)


class TestScoreProperties:
    @settings(max_examples=30)
    @given(scored_pulses(), st.randoms(use_true_random=False))
    def test_against_exact_arithmetic(self, pulse, rng):
        """Score, item means and distribution equal exact fractions, whatever the order."""
        points, responses = pulse
        rows = [
            [points + 1 - a if n in (0, 2, 4) else a for n, a in enumerate(r.answers)]
            for r in responses
        ]
        count = len(rows)
        total = Fraction(sum(map(sum, rows)), 7 * count)
        shuffled = list(responses)
        rng.shuffle(shuffled)
        for given_order in (responses, shuffled):
            score = everyone(points, given_order)
            assert score.score == float(total)
            assert score.item_means == tuple(
                float(Fraction(sum(row[i] for row in rows), count)) for i in range(7)
            )
            expected = [0] * points
            for row in rows:
                mean = Fraction(sum(row), 7)
                expected[int(mean + Fraction(1, 2)) - 1] += 1  # half up
            assert score.distribution == tuple(expected)
            assert 1 <= score.score <= points

    @given(st.lists(st.integers(1, 11), min_size=1, max_size=20))
    def test_own_mean_point_rounds_half_up(self, answers):
        """The whole-number rule equals rounding the exact mean half up."""
        mean = Fraction(sum(answers), len(answers))
        assert own_mean_point(answers) == int(mean + Fraction(1, 2))

    def test_half_rounds_up(self):
        """4.5 counts as 5, 3.5 as 4."""
        assert own_mean_point([4, 5]) == 5
        assert own_mean_point([3, 4]) == 4


class TestResponseProblems:
    def test_valid(self):
        """Valid responses have no problems."""
        assert response_problems(survey(), [response((4,) * 7)]) == ()

    def test_every_problem_with_path_and_value(self):
        """Unanswered, out of range and another survey's responses are each named."""
        other = SafetyResponse(
            survey="q3", team="data", submitted_on=NOV.first, answers=(9, 4, 4, 4, 4, 4, None)
        )
        problems = response_problems(
            survey(),
            [response((4,) * 7), response((4, 4, 4, None, 4, 4, 4)), other, 17],
        )
        assert problems == (
            Problem("responses[1].answers[3]", None, "is unanswered: every item must be answered"),
            Problem("responses[2].survey", "q3", "must be the survey's id 'q4'"),
            Problem("responses[2].answers[0]", 9, "must be between 1 and 7"),
            Problem("responses[2].answers[6]", None, "is unanswered: every item must be answered"),
            Problem("responses[3]", 17, "must be a SafetyResponse"),
        )

    def test_range_follows_the_scale(self):
        """On a 5-point scale a 6 is out of range; on an 11-point scale it is not."""
        assert [p.path for p in response_problems(survey(5), [response((6,) * 7)])] == [
            f"responses[0].answers[{i}]" for i in range(7)
        ]
        assert response_problems(survey(11), [response((6,) * 7)]) == ()

    def test_not_a_collection(self):
        """A single value instead of a collection is one problem, not an exception."""
        problems = response_problems(survey(), "responses")  # type: ignore[arg-type]
        assert [p.path for p in problems] == ["responses"]

    def test_not_a_survey(self):
        """The survey must be a SafetySurvey."""
        with pytest.raises(InvalidDataError):
            response_problems(None, [])  # type: ignore[arg-type]
