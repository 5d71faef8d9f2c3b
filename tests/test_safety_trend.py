"""learnkit.safety trend: a group's results across pulses, with anonymity kept at every point."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit.exceptions import InvalidDataError
from learnkit.safety import (
    EVERYONE,
    SafetyGroup,
    SafetyResponse,
    SafetySurvey,
    TrendPoint,
    Withheld,
    WithheldReason,
    pulse_results,
    safety_trend,
)
from learnkit.time import Period

D = dt.date
PLATFORM = SafetyGroup("platform")
NEWCOMERS = SafetyGroup("platform", "newcomer")


def survey(id: str, month: int, k: int = 5) -> SafetySurvey:
    """A two-week pulse starting on the first Monday-ish of ``month`` 2026."""
    return SafetySurvey(
        id=id, period=Period(D(2026, month, 2), D(2026, month, 13)), min_respondents=k
    )


Q1, Q2, Q3 = survey("q1", 2), survey("q2", 5), survey("q3", 8)


def answers(survey_id: str, level: int, count: int, **kwargs: object) -> list[SafetyResponse]:
    """``count`` responses to ``survey_id`` from platform, every item answered safe at ``level``."""
    reverse = 8 - level
    return [
        SafetyResponse(
            survey=survey_id,
            team=str(kwargs.get("team", "platform")),
            submitted_on=D(2026, 1, 1),
            answers=(reverse, level, reverse, level, reverse, level, level),
            groups=kwargs.get("groups", ()),  # type: ignore[arg-type]
        )
        for _ in range(count)
    ]


class TestTrend:
    def test_sorted_by_period_with_changes(self):
        """Points come oldest first; the change is against the last released point."""
        responses = answers("q3", 6, 6) + answers("q1", 4, 6) + answers("q2", 2, 3)
        points = safety_trend([Q3, Q1, Q2], responses, PLATFORM)
        assert [p.survey for p in points] == ["q1", "q2", "q3"]
        assert points[0].result is not None
        assert points[0].result.score == 4.0
        assert points[0].change is None
        assert points[1].result is None
        assert points[1].withheld == Withheld(
            survey="q2", group=PLATFORM, reason=WithheldReason.TOO_FEW, k=5
        )
        assert points[1].change is None
        assert points[2].change == 2.0  # 6 against q1's 4: q2 is skipped, not zero

    def test_same_as_the_pulse_shows(self):
        """A subgroup the pulse withholds stays withheld in the trend, with the same reason."""
        responses = answers("q1", 5, 5, groups=("newcomer",)) + answers("q1", 5, 2)
        (point,) = safety_trend([Q1], responses, NEWCOMERS)
        assert point.withheld == pulse_results(Q1, responses).result(NEWCOMERS)
        assert point.withheld is not None
        assert point.withheld.because_of == EVERYONE  # the first released conflict

    def test_group_missing_from_given_groups_is_added_last(self):
        """A group not among ``groups`` is considered after them."""
        responses = answers("q1", 5, 7, groups=("newcomer",))
        (point,) = safety_trend([Q1], responses, NEWCOMERS, groups=[PLATFORM])
        # The same seven people as the released platform, so the label would add nothing.
        assert point.withheld == Withheld(
            survey="q1",
            group=NEWCOMERS,
            reason=WithheldReason.SAME_AS,
            because_of=PLATFORM,
            k=5,
        )
        (alone,) = safety_trend([Q1], responses, SafetyGroup("data"), groups=[EVERYONE])
        assert alone.withheld is not None
        assert alone.withheld.reason is WithheldReason.TOO_FEW

    def test_higher_k(self):
        """A higher threshold applies to every pulse."""
        (point,) = safety_trend([Q1], answers("q1", 5, 6), PLATFORM, k=7)
        assert point.withheld is not None

    def test_no_surveys(self):
        """No pulses, no points."""
        assert safety_trend([], [], PLATFORM) == ()

    @settings(max_examples=25)
    @given(
        st.lists(
            st.tuples(st.sampled_from(("q1", "q2", "q3")), st.integers(1, 7), st.integers(0, 7)),
            max_size=6,
        )
    )
    def test_points_are_the_pulses_results(self, draws):
        """Every point equals the pulse's own result; changes link consecutive released points."""
        responses = [r for sid, level, count in draws for r in answers(sid, level, count)]
        points = safety_trend([Q2, Q3, Q1], responses, PLATFORM)
        previous = None
        for point, pulse in zip(points, (Q1, Q2, Q3), strict=True):
            mine = [r for r in responses if r.survey == pulse.id]
            expected = pulse_results(pulse, mine).result(PLATFORM) if mine else None
            shown = point.result if point.result is not None else point.withheld
            if expected is not None:
                assert shown == expected
            if point.result is not None:
                assert point.change == (None if previous is None else point.result.score - previous)
                previous = point.result.score
            else:
                assert point.change is None


class TestBadInput:
    def test_every_problem_at_once(self):
        """Duplicate surveys, unknown surveys and bad groups are listed together."""
        with pytest.raises(InvalidDataError) as raised:
            safety_trend(
                [Q1, Q1, "q9"],  # type: ignore[list-item]
                [*answers("q1", 4, 1), *answers("q9", 4, 1), 3],
                "platform",  # type: ignore[arg-type]
                groups=["platform"],  # type: ignore[list-item]
            )
        assert [p.path for p in raised.value.problems] == [
            "surveys[2]",
            "group",
            "surveys[1].id",
            "responses[2]",
            "responses[1].survey",
            "groups[0]",
        ]

    def test_paths_name_the_place_in_all_responses(self):
        """A bad answer is named by its place among all responses; a bad k is said once."""
        good = answers("q1", 4, 1)[0]
        bad = SafetyResponse(
            survey="q2", team="platform", submitted_on=D(2026, 5, 3), answers=(4,) * 6 + (None,)
        )
        with pytest.raises(InvalidDataError) as raised:
            safety_trend([Q1, Q2], [good, good, bad], PLATFORM, k=3)
        assert [(p.path, p.value) for p in raised.value.problems] == [
            ("k", 3),
            ("responses[2].answers[6]", None),
        ]


class TestTrendPoint:
    def test_exactly_one_of_result_and_withheld(self):
        """A point is released or withheld, never both or neither."""
        with pytest.raises(InvalidDataError):
            TrendPoint(survey="q1", period=Q1.period)

    def test_change_needs_a_result(self):
        """A withheld point has no change, and results must belong to its survey."""
        withheld = Withheld(survey="q2", group=PLATFORM, reason=WithheldReason.TOO_FEW, k=5)
        with pytest.raises(InvalidDataError) as raised:
            TrendPoint(survey="q1", period=Q1.period, withheld=withheld, change=1)
        assert [p.path for p in raised.value.problems] == ["withheld.survey", "change"]
