"""A bot and a report on a Workspace, as a user writes them; checked by mypy, never run."""

from __future__ import annotations

import datetime as dt
from typing import assert_type

from learnkit.culture import CultureReport, Indicator, Status, Target, culture_report, render_text
from learnkit.nudges import Nudge, NudgeReason, due
from learnkit.safety import (
    PulseResults,
    SafetySurvey,
    TeamScore,
    Withheld,
    counted_responses,
    latest_pulse,
    pulse_results,
)
from learnkit.serialize import from_json, to_json
from learnkit.time import Period
from learnkit.workspace import Workspace


def messages(text: str, now: dt.datetime, sent: set[str]) -> list[tuple[str, str]]:
    """What a bot says now: (recipient, text) for every nudge with an occasion not sent yet."""
    workspace = from_json(text, Workspace)
    assert_type(workspace, Workspace)
    nudges = due(workspace, now, "en")
    assert_type(nudges, tuple[Nudge, ...])
    fresh = [n for n in nudges if not set(n.occasions) <= sent]
    assert_type(fresh[0].reason, NudgeReason)
    assert_type(fresh[0].due, dt.datetime)
    return [(n.recipient, n.text) for n in fresh]


def quarter_report(workspace: Workspace, as_of: dt.date) -> str:
    """The culture report with one target raised, as plain Danish text."""
    report = culture_report(
        workspace,
        as_of=as_of,
        period=Period(as_of - dt.timedelta(days=90), as_of),
        targets={"reflection.shared": Target.higher(0.6, 0.4)},
    )
    assert_type(report, CultureReport)
    shared = report.indicator("reflection.shared")
    assert_type(shared, Indicator)
    assert_type(shared.status, Status)
    assert_type(shared.value, float | None)
    assert_type(shared.records, tuple[str, ...])
    return render_text(report, "da") + to_json(report)


def latest_scores(workspace: Workspace, period: Period, as_of: dt.date) -> dict[str, float]:
    """Each shown group's score in the pulse that closed last in ``period``."""
    survey = latest_pulse(workspace.safety_surveys, period)
    assert_type(survey, SafetySurvey | None)
    if survey is None:
        return {}
    responses = counted_responses(survey, workspace.safety_responses, as_of=as_of)
    results = pulse_results(survey, responses)
    assert_type(results, PulseResults)
    assert_type(results.released, tuple[TeamScore, ...])
    assert_type(results.withheld, tuple[Withheld, ...])
    return {score.group.key: score.score for score in results.released}
