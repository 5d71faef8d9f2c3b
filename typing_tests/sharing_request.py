"""A plan request as a bot writes it: build, plan, re-plan, serialize; checked, never run."""

from __future__ import annotations

import datetime as dt
from typing import assert_type

from learnkit import Roster
from learnkit.serialize import from_json, to_json
from learnkit.sharing import FRIDAY_STORY, Absence, Plan, PlanRequest, SessionSeries, Turn
from learnkit.time import Period


def weekly_plan(roster: Roster, history: list[Turn], ill: str, day: dt.date) -> Plan:
    """Plan a quarter, then again after ``ill`` falls ill on ``day``, keeping what holds."""
    series = SessionSeries(
        id="fredag",
        name="Fredagsfortællinger",
        format=FRIDAY_STORY,
        rule="FREQ=WEEKLY;BYDAY=FR",
        start_time=dt.time(14),
        first=dt.date(2027, 1, 1),
        last=dt.date(2027, 12, 31),
    )
    request = PlanRequest(series=series, roster=roster, history=history, seed=7, presenters=2)
    assert_type(request.eligible, tuple[str, ...] | None)
    quarter = Period(dt.date(2027, 1, 1), dt.date(2027, 3, 31))
    first = request.plan(quarter)
    again = PlanRequest(
        series=series,
        roster=roster,
        history=history,
        absences=[Absence(person=ill, period=Period(day, day))],
        seed=7,
        presenters=2,
    )
    stored = from_json(to_json(again), PlanRequest)
    assert_type(stored, PlanRequest)
    return stored.plan(quarter, keep=first)
