"""learnkit.culture model: targets and the status rule, trends, indicators, reports, overrides."""

from __future__ import annotations

import datetime as dt
import random

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit.culture import (
    DEFAULT_TARGETS,
    INDICATOR_KEYS,
    UNITS,
    CultureReport,
    Direction,
    Indicator,
    Status,
    Target,
    TargetKind,
    culture_report,
    trend,
)
from learnkit.exceptions import InvalidDataError, UnknownIdError
from learnkit.serialize import from_json, to_json
from learnkit.strategies._culture import culture_reports, indicators, targets
from learnkit.time import Period
from learnkit.workspace import Workspace
from test_culture_indicators import AS_OF, Q4, small_workspace

D = dt.date
_numbers = st.floats(-20.0, 20.0, allow_nan=False, allow_infinity=False)
_RANK = {Status.ACT: 0, Status.WATCH: 1, Status.GOOD: 2}


class TestTarget:
    def test_shapes_and_thresholds(self) -> None:
        """Each shape judges values as its docstring says, ends included."""
        higher = Target.higher(0.8, 0.6)
        assert [higher.status(v) for v in (0.8, 0.79, 0.6, 0.59)] == [
            Status.GOOD,
            Status.WATCH,
            Status.WATCH,
            Status.ACT,
        ]
        lower = Target.lower(0.1, 0.25)
        assert [lower.status(v) for v in (0.1, 0.11, 0.25, 0.26)] == [
            Status.GOOD,
            Status.WATCH,
            Status.WATCH,
            Status.ACT,
        ]
        band = Target.band(0.1, 0.2, watch_low=0.05, watch_high=0.3)
        assert [band.status(v) for v in (0.04, 0.05, 0.1, 0.2, 0.3, 0.31)] == [
            Status.ACT,
            Status.WATCH,
            Status.GOOD,
            Status.GOOD,
            Status.WATCH,
            Status.ACT,
        ]

    def test_no_value_is_no_data(self) -> None:
        """Every shape says no data for None."""
        assert {t.status(None) for t in DEFAULT_TARGETS.values()} == {Status.NO_DATA}

    def test_whole_numbers_are_kept_as_floats(self) -> None:
        """Target.higher(1, 0) equals Target.higher(1.0, 0.0)."""
        assert Target.higher(1, 0) == Target.higher(1.0, 0.0)
        assert isinstance(Target.higher(1, 0).good, float)

    def test_bad_targets_list_every_problem(self) -> None:
        """Out-of-order thresholds and misplaced band ends are refused, all at once."""
        with pytest.raises(InvalidDataError) as error:
            Target(kind=TargetKind.HIGHER, good=0.5, watch=0.7, good_high=1.0)
        assert {p.path for p in error.value.problems} == {"good_high", "watch"}
        with pytest.raises(InvalidDataError) as error:
            Target.lower(0.5, 0.2)
        assert error.value.problems[0].path == "watch"
        with pytest.raises(InvalidDataError) as error:
            Target(kind=TargetKind.BAND, good=0.1, watch=0.05)
        assert {p.path for p in error.value.problems} == {"good_high", "watch_high"}
        with pytest.raises(InvalidDataError, match="watch <= good <= good_high"):
            Target.band(0.1, 0.2, watch_low=0.15, watch_high=0.3)
        with pytest.raises(InvalidDataError, match="finite"):
            Target.higher(float("nan"), 0.0)
        with pytest.raises(InvalidDataError, match="finite"):
            Target.higher(True, 0.0)  # type: ignore[arg-type]

    @given(targets(), _numbers)
    def test_good_lies_inside_watch(self, target: Target, value: float) -> None:
        """A value in the good zone is never act, and every value gets one of three statuses."""
        status = target.status(value)
        assert status in _RANK
        if target.kind is TargetKind.HIGHER:
            assert (status is Status.GOOD) == (value >= target.good)
            assert (status is Status.ACT) == (value < target.watch)
        elif target.kind is TargetKind.LOWER:
            assert (status is Status.GOOD) == (value <= target.good)
            assert (status is Status.ACT) == (value > target.watch)
        else:
            assert target.good_high is not None
            assert target.watch_high is not None
            assert (status is Status.GOOD) == (target.good <= value <= target.good_high)
            assert (status is Status.ACT) == (not target.watch <= value <= target.watch_high)

    @given(targets(), _numbers, _numbers)
    def test_status_is_monotone_for_one_sided_targets(
        self, target: Target, low: float, high: float
    ) -> None:
        """For higher-is-better a larger value never has a worse status (mirrored for lower)."""
        low, high = sorted((low, high))
        if target.kind is TargetKind.HIGHER:
            assert _RANK[target.status(low)] <= _RANK[target.status(high)]
        elif target.kind is TargetKind.LOWER:
            assert _RANK[target.status(low)] >= _RANK[target.status(high)]


class TestTrend:
    def test_directions(self) -> None:
        """Up, down, flat, and None when a value is missing."""
        assert trend(0.5, 0.4) is Direction.UP
        assert trend(0.4, 0.5) is Direction.DOWN
        assert trend(0.4, 0.4 + 1e-12) is Direction.FLAT
        assert trend(None, 0.4) is None
        assert trend(0.4, None) is None
        assert [d.arrow for d in Direction] == ["▲", "▼", "►"]

    @given(_numbers, _numbers)
    def test_swapping_swaps_up_and_down(self, value: float, previous: float) -> None:
        """trend(a, b) is the mirror of trend(b, a); equal values are flat."""
        mirror = {Direction.UP: Direction.DOWN, Direction.DOWN: Direction.UP}
        forward, backward = trend(value, previous), trend(previous, value)
        assert forward is not None
        assert backward is mirror.get(forward, Direction.FLAT)
        assert trend(value, value) is Direction.FLAT


def indicator(**changes: object) -> Indicator:
    """A consistent indicator with ``changes``."""
    target = Target.higher(0.8, 0.6)
    fields: dict[str, object] = {
        "key": "goals.active",
        "value": 0.5,
        "target": target,
        "status": Status.ACT,
        "previous": 0.4,
        "trend": Direction.UP,
        "records": ("g2", "g1", "g2"),
        "numerator": 1,
        "denominator": 2,
    }
    fields.update(changes)
    return Indicator(**fields)  # type: ignore[arg-type]


class TestIndicator:
    def test_records_are_sorted_and_unique(self) -> None:
        """Records become a sorted tuple without repeats."""
        assert indicator().records == ("g1", "g2")

    def test_inconsistent_indicators_are_refused(self) -> None:
        """Status, trend and value must agree with the rules; every problem is named."""
        with pytest.raises(InvalidDataError) as error:
            indicator(status=Status.GOOD, trend=Direction.DOWN, value=0.6)
        assert {p.path for p in error.value.problems} == {"status", "trend", "value"}
        with pytest.raises(InvalidDataError, match="go together"):
            indicator(numerator=None)
        with pytest.raises(InvalidDataError, match="collection of ids"):
            indicator(records="g1")
        with pytest.raises(InvalidDataError):
            indicator(records=(1, 2))
        with pytest.raises(InvalidDataError):
            indicator(records=[["g1"]])
        with pytest.raises(InvalidDataError):
            indicator(records=5)

    def test_zero_denominator_means_no_value(self) -> None:
        """0 / 0 is no value and no data."""
        item = indicator(numerator=0, denominator=0, value=None, status=Status.NO_DATA, trend=None)
        assert item.value is None

    @given(indicators())
    def test_generated_indicators_round_trip(self, item: Indicator) -> None:
        """Every indicator survives serialization unchanged."""
        assert from_json(to_json(item), Indicator) == item


class TestCultureReport:
    def test_lookup_and_unknown_indicator(self) -> None:
        """indicator() finds by key and scope, and names what is missing."""
        report = CultureReport(
            as_of=AS_OF, period=Q4, indicators=(indicator(), indicator(scope="udv"))
        )
        assert report.indicator("goals.active", "udv").scope == "udv"
        with pytest.raises(UnknownIdError, match=r"goals\.active@stab"):
            report.indicator("goals.active", "stab")
        with pytest.raises(UnknownIdError, match=r"goals\.overdue"):
            report.indicator("goals.overdue")

    def test_invalid_reports_are_refused(self) -> None:
        """A period starting after as_of and a repeated indicator are both named."""
        with pytest.raises(InvalidDataError) as error:
            CultureReport(as_of=D(2026, 9, 1), period=Q4, indicators=(indicator(), indicator()))
        paths = {p.path for p in error.value.problems}
        assert paths == {"as_of", "indicators[key=goals.active,scope=None]"}

    def test_team_names_name_teams_and_fall_back_to_ids(self) -> None:
        """A team is named as the roster names it; an unnamed team by its id."""
        report = CultureReport(as_of=AS_OF, period=Q4, team_names=[("udv", "Udvikling")])
        assert report.team_names == (("udv", "Udvikling"),)
        assert report.team_name("udv") == "Udvikling"
        assert report.team_name("stab") == "stab"

    @pytest.mark.parametrize("pair", [("udv",), ("udv", ""), ("udv", 5), "udv"])
    def test_bad_team_names_are_named(self, pair: object) -> None:
        """Each team name must be a pair of two non-empty strings."""
        with pytest.raises(InvalidDataError) as error:
            CultureReport(as_of=AS_OF, period=Q4, team_names=(pair,))  # type: ignore[arg-type]
        assert [p.path for p in error.value.problems] == ["team_names[0]"]

    @settings(max_examples=25)
    @given(culture_reports())
    def test_generated_reports_round_trip(self, report: CultureReport) -> None:
        """Every report survives serialization unchanged."""
        assert from_json(to_json(report), CultureReport) == report

    def test_a_real_report_round_trips(self) -> None:
        """The small workspace's report survives serialization unchanged."""
        report = culture_report(small_workspace(), as_of=AS_OF, period=Q4)
        assert from_json(to_json(report), CultureReport) == report


class TestTargetsOverride:
    def test_an_override_replaces_the_default(self) -> None:
        """The overridden key uses the new target (and status); the others keep the defaults."""
        strict = Target.higher(0.9, 0.7)
        report = culture_report(
            small_workspace(), as_of=AS_OF, period=Q4, targets={"reflection.shared": strict}
        )
        shared = report.indicator("reflection.shared")
        assert shared.target == strict
        assert shared.status is Status.WATCH  # 0.75 is below 0.9 but above 0.7
        assert report.indicator("goals.active").target == DEFAULT_TARGETS["goals.active"]

    def test_unknown_keys_and_bad_targets_are_named(self) -> None:
        """Every unknown key and non-target is listed, with the key in the path."""
        with pytest.raises(InvalidDataError) as error:
            culture_report(
                small_workspace(),
                as_of=AS_OF,
                targets={"goals.activ": Target.higher(1, 0), "goals.active": 0.8},  # type: ignore[dict-item]
            )
        assert [p.path for p in error.value.problems] == [
            "targets['goals.activ']",
            "targets['goals.active']",
        ]
        with pytest.raises(InvalidDataError, match="mapping"):
            culture_report(small_workspace(), as_of=AS_OF, targets=[1])  # type: ignore[arg-type]

    def test_every_key_has_a_default_target_and_a_unit(self) -> None:
        """The defaults, the units and the key list agree."""
        assert set(DEFAULT_TARGETS) == set(UNITS) == set(INDICATOR_KEYS)

    def test_bad_arguments_are_all_named(self) -> None:
        """Wrong types and values of every argument are reported together."""
        with pytest.raises(InvalidDataError) as error:
            culture_report(
                "ws",  # type: ignore[arg-type]
                as_of=dt.datetime(2026, 1, 1),
                newcomer_days=-1,
                severity_scale="sev",  # type: ignore[arg-type]
            )
        paths = {p.path for p in error.value.problems}
        assert paths == {"workspace", "as_of", "newcomer_days", "severity_scale"}
        with pytest.raises(InvalidDataError, match="Period or None"):
            culture_report(small_workspace(), as_of=AS_OF, period="Q4")  # type: ignore[arg-type]
        with pytest.raises(InvalidDataError, match="on or before as_of"):
            culture_report(small_workspace(), as_of=D(2026, 9, 1), period=Q4)


def _shuffled(workspace: Workspace, seed: int) -> Workspace:
    rng = random.Random(seed)
    changes = {}
    for field in attrs.fields(Workspace):
        value = getattr(workspace, field.name)
        if isinstance(value, tuple):
            items = list(value)
            rng.shuffle(items)
            changes[field.name] = tuple(items)
    return attrs.evolve(workspace, **changes)


class TestPurity:
    @settings(max_examples=15)
    @given(st.integers(0, 2**32 - 1))
    def test_order_of_records_does_not_matter(self, seed: int) -> None:
        """Shuffling every record list of the workspace gives the same report."""
        workspace = small_workspace()
        expected = culture_report(workspace, as_of=AS_OF, period=Q4)
        assert culture_report(_shuffled(workspace, seed), as_of=AS_OF, period=Q4) == expected

    @settings(max_examples=10)
    @given(st.integers(1, 60))
    def test_later_records_do_not_count(self, days: int) -> None:
        """A report as of a day is the same once the workspace has records dated after it."""
        workspace = small_workspace()
        earlier = AS_OF - dt.timedelta(days=days)
        cut = attrs.evolve(
            workspace,
            reflections=tuple(r for r in workspace.reflections if r.recorded_at.date() <= earlier),
            turns=tuple(t for t in workspace.turns if t.on <= earlier),
        )
        period = Period(Q4.first - dt.timedelta(days=days), Q4.last)
        assert culture_report(cut, as_of=earlier, period=period) == culture_report(
            workspace, as_of=earlier, period=period
        )
