"""Recognition and the operations/development balance as users write them; checked, never run."""

from __future__ import annotations

import datetime as dt
from typing import assert_type
from zoneinfo import ZoneInfo

from learnkit import Roster
from learnkit.i18n import Locale
from learnkit.leadership import (
    DEFAULT_BAND,
    BalanceReport,
    BandPosition,
    DevelopmentBand,
    PersonBalance,
    Recognition,
    RecognitionKind,
    RecognitionMix,
    TimeAllocation,
    WeekBalance,
    balance,
    flag_message,
    mix_summary,
    no_development_message,
    recognition_mix,
    weeks_before,
)
from learnkit.time import Period


def thank(giver: str, receiver: str) -> Recognition:
    return Recognition(
        id=f"{giver}-{receiver}",
        giver=giver,
        receiver=receiver,
        at=dt.datetime(2026, 11, 2, 10, tzinfo=ZoneInfo("Europe/Copenhagen")),
        kind=RecognitionKind.CURIOSITY,
        message="Godt spurgt!",
    )


def learning_share(roster: Roster, items: list[Recognition]) -> float | None:
    mix = recognition_mix(
        items, roster, team="data", period=Period(dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    )
    assert_type(mix, RecognitionMix)
    assert_type(mix.count(RecognitionKind.RESULT), int)
    return mix.learning_share


def what_to_say(roster: Roster, allocations: list[TimeAllocation], locale: Locale) -> list[str]:
    report = balance(
        allocations,
        roster,
        team="platform",
        period=weeks_before(dt.date(2026, 11, 23), 12),
        band=DevelopmentBand(low=0.05, high=0.15),
    )
    assert_type(report, BalanceReport)
    said: list[str] = []
    for week in report.flags:
        assert_type(week, WeekBalance)
        assert_type(week.position, BandPosition | None)
        message = flag_message(week, report.band, locale)
        if message is not None:
            said.append(message)
    said.extend(
        no_development_message(p, report.no_development_weeks, locale)
        for p in report.no_development
    )
    total = report.total("p07")
    assert_type(total, PersonBalance | None)
    return said


def default_band_share(allocation: TimeAllocation) -> BandPosition | None:
    share = allocation.share
    return None if share is None else DEFAULT_BAND.position(share)


def summary(mix: RecognitionMix) -> str:
    return mix_summary(mix, "da")
