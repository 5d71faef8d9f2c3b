"""Choosing the pulse a report shows and the responses that count."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit.exceptions import InvalidDataError
from learnkit.safety import SafetyResponse, SafetySurvey, counted_responses, latest_pulse
from learnkit.time import Period

D = dt.date
QUARTER = Period(D(2026, 8, 25), D(2026, 11, 23))
SUBMITTED = D(2026, 11, 12)


def survey(id: str, first: dt.date, last: dt.date) -> SafetySurvey:
    return SafetySurvey(id=id, period=Period(first, last))


def response(
    answers: tuple[int | None, ...] = (4,) * 7,
    *,
    survey: str = "q4",
    submitted_on: dt.date = SUBMITTED,
) -> SafetyResponse:
    return SafetyResponse(survey=survey, team="t", submitted_on=submitted_on, answers=answers)


class TestLatestPulse:
    def test_the_pulse_that_closed_last_in_the_period(self) -> None:
        """Pulses closing before or after the period are not chosen."""
        surveys = [
            survey("q2", D(2026, 5, 11), D(2026, 5, 22)),
            survey("q3", D(2026, 8, 10), D(2026, 8, 21)),  # closed before the period
            survey("q4", D(2026, 11, 9), D(2026, 11, 20)),
            survey("q1-27", D(2026, 11, 20), D(2026, 11, 30)),  # closes after it
        ]
        chosen = latest_pulse(surveys, QUARTER)
        assert chosen is not None
        assert chosen.id == "q4"

    def test_none_when_no_pulse_closed_in_the_period(self) -> None:
        """A quarter without a pulse has none."""
        assert latest_pulse([survey("q3", D(2026, 8, 10), D(2026, 8, 21))], QUARTER) is None

    @settings(max_examples=20)
    @given(st.randoms(use_true_random=False))
    def test_ties_do_not_depend_on_order(self, rnd: random.Random) -> None:
        """Two pulses closing the same day: the later opening wins, then the greatest id."""
        surveys = [
            survey("a", D(2026, 11, 2), D(2026, 11, 20)),
            survey("b", D(2026, 11, 9), D(2026, 11, 20)),
            survey("c", D(2026, 11, 9), D(2026, 11, 20)),
        ]
        rnd.shuffle(surveys)
        chosen = latest_pulse(surveys, QUARTER)
        assert chosen is not None
        assert chosen.id == "c"

    def test_bad_arguments_are_named_together(self) -> None:
        """A non-survey item and a non-period are both reported."""
        with pytest.raises(InvalidDataError) as error:
            latest_pulse(["q4"], "Q4")  # type: ignore[arg-type, list-item]
        assert [p.path for p in error.value.problems] == ["surveys[0]", "period"]


class TestCountedResponses:
    def test_only_valid_responses_to_the_survey_known_on_as_of(self) -> None:
        """Another survey's, a later and an incomplete response are left out; order is kept."""
        pulse = survey("q4", D(2026, 11, 9), D(2026, 11, 20))
        kept_first = response((5,) * 7)
        kept_second = response((3,) * 7, submitted_on=D(2026, 11, 23))
        responses = [
            kept_first,
            response(survey="q3"),
            response(submitted_on=D(2026, 11, 24)),
            response((4, 4, None, 4, 4, 4, 4)),
            response((4, 4, 4, 4, 4, 4, 9)),
            kept_second,
        ]
        counted = counted_responses(pulse, responses, as_of=D(2026, 11, 23))
        assert counted == (kept_first, kept_second)

    @pytest.mark.parametrize("as_of", ["2026-11-23", dt.datetime(2026, 11, 23, tzinfo=dt.UTC)])
    def test_bad_arguments_are_named_together(self, as_of: object) -> None:
        """A non-survey, a non-response and an as_of that is not a date are all named."""
        with pytest.raises(InvalidDataError) as error:
            counted_responses("q4", [response(), "r"], as_of=as_of)  # type: ignore[arg-type, list-item]
        assert [p.path for p in error.value.problems] == ["responses[1]", "survey", "as_of"]
