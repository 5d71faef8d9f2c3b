"""Strategies for :mod:`learnkit.culture`: targets, indicators and culture reports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from hypothesis import strategies as st

from learnkit.culture import (
    INDICATOR_KEYS,
    CultureReport,
    Indicator,
    Target,
    trend,
)
from learnkit.strategies._foundation import periods

__all__ = ["culture_reports", "indicators", "targets"]

_thresholds = st.floats(-10.0, 10.0, allow_nan=False, allow_infinity=False)
_values = st.floats(0.0, 10.0, allow_nan=False, allow_infinity=False)
_SCOPES = ("data", "platform", "salg", "stab")


def _band(ends: list[float]) -> Target:
    watch_low, low, high, watch_high = sorted(ends)
    return Target.band(low, high, watch_low=watch_low, watch_high=watch_high)


def targets() -> st.SearchStrategy[Target]:
    """Valid targets of every shape: higher, lower and band, with any finite thresholds."""
    pair = st.lists(_thresholds, min_size=2, max_size=2).map(sorted)
    return st.one_of(
        pair.map(lambda ends: Target.higher(ends[1], ends[0])),
        pair.map(lambda ends: Target.lower(ends[0], ends[1])),
        st.lists(_thresholds, min_size=4, max_size=4).map(_band),
    )


@st.composite
def _measured(draw: st.DrawFn) -> tuple[float | None, int | None, int | None]:
    if draw(st.booleans()):
        denominator = draw(st.integers(0, 50))
        numerator = draw(st.integers(0, 60))
        return (numerator / denominator if denominator else None, numerator, denominator)
    return (draw(st.none() | _values), None, None)


@st.composite
def _indicator(draw: st.DrawFn, keys: Sequence[str], scopes: Sequence[str | None]) -> Indicator:
    value, numerator, denominator = draw(_measured())
    previous = draw(st.none() | _values)
    target = draw(targets())
    key = draw(st.sampled_from(keys))
    return Indicator(
        key=key,
        scope=draw(st.sampled_from(scopes)),
        value=value,
        target=target,
        status=target.status(value),
        previous=previous,
        trend=trend(value, previous, key),
        records=draw(st.frozensets(st.sampled_from(("R-1", "R-2", "T-7", "task:T-9")))),
        numerator=numerator,
        denominator=denominator,
    )


def indicators(
    *, keys: Sequence[str] = INDICATOR_KEYS, scopes: Sequence[str | None] = (None, *_SCOPES)
) -> st.SearchStrategy[Indicator]:
    """Valid indicators: status and trend follow the rules, numerator and denominator agree.

    Args:
        keys: The keys to draw from (every indicator key by default).
        scopes: The scopes to draw from (the organisation and a few team ids by default).
    """
    return _indicator(tuple(keys), tuple(scopes))


@st.composite
def _report(draw: st.DrawFn, max_size: int) -> CultureReport:
    period = draw(periods(min_date=dt.date(2025, 1, 1), max_date=dt.date(2027, 12, 31)))
    as_of = period.first + dt.timedelta(days=draw(st.integers(0, period.days + 30)))
    items = draw(
        st.lists(indicators(), max_size=max_size, unique_by=lambda item: (item.key, item.scope))
    )
    name = draw(st.sampled_from(("", "Fjordlys A/S", "Kystlys | drift")))
    return CultureReport(as_of=as_of, period=period, indicators=tuple(items), name=name)


def culture_reports(*, max_size: int = 6) -> st.SearchStrategy[CultureReport]:
    """Valid culture reports of up to ``max_size`` indicators, each key and scope once."""
    return _report(max_size)


FACTORIES: tuple[tuple[type, Callable[[], st.SearchStrategy[Any]]], ...] = (
    (Target, targets),
    (Indicator, indicators),
    (CultureReport, culture_reports),
)
"""The default strategy of every public culture type, for ``st.from_type``."""
