"""learnkit.leadership balance: time allocations, the development band and the balance report."""

from __future__ import annotations

import datetime as dt
import math
import random
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit import strategies
from learnkit.exceptions import InvalidDataError, UnknownIdError
from learnkit.leadership import (
    DEFAULT_BAND,
    BalanceReport,
    BandPosition,
    DevelopmentBand,
    PersonBalance,
    TimeAllocation,
    WeekBalance,
    balance,
    development_share,
    monday_of,
    weeks_before,
)
from learnkit.people import Person, Roster, Team
from learnkit.serialize import from_json, to_json
from learnkit.time import Period

D = dt.date
MON = D(2026, 11, 2)  # a Monday
FOUR_WEEKS = Period(D(2026, 10, 26), D(2026, 11, 22))  # Mondays 26/10, 2/11, 9/11, 16/11


def roster() -> Roster:
    """Team drift (ana, ben, cia) and team udvikling (dan)."""
    return Roster(
        people=[
            Person(id="ana", name="Ana", team="drift", start_date=D(2020, 1, 1)),
            Person(id="ben", name="Ben", team="drift", start_date=D(2020, 1, 1)),
            Person(id="cia", name="Cia", team="drift", start_date=D(2020, 1, 1)),
            Person(id="dan", name="Dan", team="udvikling", start_date=D(2020, 1, 1)),
        ],
        teams=[Team(id="drift", name="Drift"), Team(id="udvikling", name="Udvikling")],
    )


def week(person: str, monday: dt.date, development: float, operations: float) -> TimeAllocation:
    """An allocation."""
    return TimeAllocation(
        person=person, week=monday, development_hours=development, operations_hours=operations
    )


class TestTimeAllocation:
    def test_whole_hours_are_stored_as_floats(self) -> None:
        """5 and 5.0 hours give equal allocations of floats."""
        allocation = week("ana", MON, 5, 32)
        assert allocation == week("ana", MON, 5.0, 32.0)
        assert isinstance(allocation.development_hours, float)

    def test_share_and_key(self) -> None:
        """The share is development over all hours; the key names person and week."""
        assert week("ana", MON, 4, 36).share == 0.1
        assert week("ana", MON, 0, 0).share is None
        assert week("ana", MON, 1, 0).share == 1.0
        assert week("ana", MON, 4, 36).key == "ana@2026-11-02"

    def test_refuses_a_day_other_than_monday(self) -> None:
        """The week is named by its Monday; a Tuesday is refused with the reason."""
        with pytest.raises(InvalidDataError) as caught:
            week("ana", D(2026, 11, 3), 1, 1)
        assert caught.value.problems[0].path == "week"
        assert "Monday" in caught.value.problems[0].message

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("development_hours", -1.0),
            ("development_hours", math.nan),
            ("operations_hours", math.inf),
            ("operations_hours", True),
            ("operations_hours", "8"),
            ("week", dt.datetime(2026, 11, 2, 9)),
            ("person", " ana"),
        ],
    )
    def test_refuses_bad_fields(self, field: str, value: Any) -> None:
        """Negative, non-finite or non-number hours and bad weeks or ids are refused by name."""
        with pytest.raises(InvalidDataError) as caught:
            attrs.evolve(week("ana", MON, 1, 1), **{field: value})
        assert caught.value.problems[0].path == field

    def test_refuses_more_hours_than_a_week_has(self) -> None:
        """Development and operations together fit in 168 hours."""
        with pytest.raises(InvalidDataError) as caught:
            week("ana", MON, 100, 100)
        assert caught.value.problems[0].path == "operations_hours"
        assert week("ana", MON, 100, 68).share is not None

    @given(strategies.time_allocations())
    def test_round_trips(self, value: TimeAllocation) -> None:
        """Every generated allocation survives JSON."""
        assert from_json(to_json(value), TimeAllocation) == value


class TestDevelopmentBand:
    def test_default_is_ten_to_twenty_percent(self) -> None:
        """The default band is 10-20 %."""
        assert (DEFAULT_BAND.low, DEFAULT_BAND.high) == (0.10, 0.20)

    @pytest.mark.parametrize(
        ("share", "position"),
        [
            (0.0, BandPosition.BELOW),
            (0.0999, BandPosition.BELOW),
            (0.1, BandPosition.WITHIN),
            (0.2, BandPosition.WITHIN),
            (0.2001, BandPosition.ABOVE),
            (1.0, BandPosition.ABOVE),
        ],
    )
    def test_both_ends_are_within(self, share: float, position: BandPosition) -> None:
        """Low and high are within the band; anything else is below or above."""
        assert DEFAULT_BAND.position(share) is position

    def test_refuses_high_below_low(self) -> None:
        """high must not be below low."""
        with pytest.raises(InvalidDataError) as caught:
            DevelopmentBand(low=0.3, high=0.2)
        assert caught.value.problems[0].path == "high"

    def test_refuses_bounds_outside_zero_to_one(self) -> None:
        """Bounds are shares, in [0, 1]."""
        with pytest.raises(InvalidDataError):
            DevelopmentBand(low=-0.1)
        with pytest.raises(InvalidDataError):
            DevelopmentBand(high=20)

    def test_position_text_keys(self) -> None:
        """Each position names its text."""
        assert BandPosition.BELOW.text_key == "leadership.position.below"


class TestWeeks:
    def test_monday_of(self) -> None:
        """Every day of an ISO week maps to its Monday, Sunday included."""
        assert {monday_of(MON + dt.timedelta(days=n)) for n in range(7)} == {MON}

    def test_weeks_before_leaves_out_the_current_week(self) -> None:
        """Twelve whole weeks before Monday 23 November 2026: 31 August to 22 November."""
        assert weeks_before(D(2026, 11, 23), 12) == Period(D(2026, 8, 31), D(2026, 11, 22))
        assert weeks_before(D(2026, 11, 29), 1) == Period(D(2026, 11, 16), D(2026, 11, 22))

    @pytest.mark.parametrize("count", [0, -1, True, 1.5, 521])
    def test_weeks_before_refuses_bad_counts(self, count: object) -> None:
        """The count is a whole number from 1 to 520."""
        with pytest.raises(InvalidDataError) as caught:
            weeks_before(D(2026, 11, 23), count)  # type: ignore[arg-type]
        assert caught.value.problems[0].path == "count"

    def test_development_share(self) -> None:
        """No hours, no share; otherwise development over the total."""
        assert development_share(0, 0) is None
        assert development_share(3, 9) == 0.25


class TestValues:
    def test_week_balance_needs_position_with_share(self) -> None:
        """A week with a share has a position, and one without has none."""
        with pytest.raises(InvalidDataError) as caught:
            WeekBalance(
                person="ana",
                week=MON,
                development_hours=1,
                operations_hours=1,
                share=0.5,
                position=None,
            )
        assert caught.value.problems[0].path == "position"

    def test_report_lookups(self) -> None:
        """total() finds a person's summary, or None for someone not looked at."""
        report = balance([week("ana", MON, 2, 30)], roster(), period=FOUR_WEEKS, team="drift")
        total = report.total("ana")
        assert isinstance(total, PersonBalance)
        assert total.weeks == 1
        assert report.total("dan") is None
        assert report.counted == ("ana@2026-11-02",)


class TestBalance:
    def test_a_worked_example(self) -> None:
        """Ana is below, Ben within, Cia above the band; Dan is another team's."""
        allocations = [
            week("ana", MON, 2, 35),  # 5 %
            week("ana", MON + dt.timedelta(weeks=1), 4, 33),  # 11 %
            week("ben", MON, 6, 31),  # 16 %
            week("cia", MON, 15, 22),  # 41 %
            week("dan", MON, 0, 37),
        ]
        report = balance(allocations, roster(), period=FOUR_WEEKS, team="drift")
        assert report.people == ("ana", "ben", "cia")
        assert [(w.person, w.position) for w in report.weeks] == [
            ("ana", BandPosition.BELOW),
            ("ana", BandPosition.WITHIN),
            ("ben", BandPosition.WITHIN),
            ("cia", BandPosition.ABOVE),
        ]
        assert [(w.person, w.week) for w in report.flags] == [("ana", MON), ("cia", MON)]
        ana = report.total("ana")
        assert ana is not None
        assert (ana.weeks, ana.development_hours, ana.weeks_below, ana.weeks_above) == (2, 6, 1, 0)
        assert ana.share == 6 / 74
        assert report.no_development == ()

    def test_no_development_in_the_last_weeks(self) -> None:
        """Operations only in the last four weeks names a person; a missing week counts as none."""
        allocations = [
            week("ana", D(2026, 10, 26), 0, 37),
            week("ana", D(2026, 11, 16), 0, 20),
            week("ben", D(2026, 10, 26), 0, 37),
            week("ben", D(2026, 11, 16), 3, 34),
            week("cia", D(2026, 11, 16), 0, 0),  # on holiday: nothing is known
        ]
        report = balance(allocations, roster(), period=FOUR_WEEKS, team="drift")
        assert report.no_development == ("ana",)
        shorter = balance(
            allocations, roster(), period=FOUR_WEEKS, team="drift", no_development_weeks=1
        )
        assert shorter.no_development == ("ana",)

    def test_a_period_shorter_than_the_window_names_nobody(self) -> None:
        """With fewer Mondays than no_development_weeks, nobody can have gone N weeks without."""
        allocations = [week("ana", MON, 0, 37)]
        two_weeks = Period(D(2026, 11, 1), D(2026, 11, 14))
        assert balance(allocations, roster(), period=two_weeks, team="drift").no_development == ()
        named = balance(
            allocations, roster(), period=two_weeks, team="drift", no_development_weeks=2
        )
        assert named.no_development == ("ana",)

    def test_a_week_counts_when_its_monday_is_in_the_period(self) -> None:
        """The week of Monday 19 October is outside a period from Tuesday 20 October."""
        allocations = [week("ana", D(2026, 10, 19), 1, 1), week("ana", D(2026, 10, 26), 1, 1)]
        period = Period(D(2026, 10, 20), D(2026, 10, 26))
        assert balance(allocations, roster(), period=period, team="drift").counted == (
            "ana@2026-10-26",
        )

    def test_weeks_without_hours_are_never_flagged(self) -> None:
        """A week of zero hours has no share and no position."""
        report = balance([week("ana", MON, 0, 0)], roster(), period=FOUR_WEEKS, team="drift")
        assert report.weeks[0].share is None
        assert report.flags == ()

    def test_scope_by_people_or_everyone(self) -> None:
        """people= picks ids; neither team nor people looks at the whole roster."""
        allocations = [week("ana", MON, 1, 9), week("dan", MON, 1, 9)]
        picked = balance(allocations, roster(), period=FOUR_WEEKS, people=["dan", "dan"])
        assert picked.people == ("dan",)
        everyone = balance(allocations, roster(), period=FOUR_WEEKS)
        assert everyone.people == ("ana", "ben", "cia", "dan")
        assert len(everyone.weeks) == 2

    def test_refuses_both_team_and_people(self) -> None:
        """Give a team or people, not both."""
        with pytest.raises(InvalidDataError) as caught:
            balance([], roster(), period=FOUR_WEEKS, team="drift", people=["ana"])
        assert caught.value.problems[0].path == "people"

    def test_refuses_one_string_as_people(self) -> None:
        """people='ana' would be read as letters; it is refused."""
        with pytest.raises(InvalidDataError):
            balance([], roster(), period=FOUR_WEEKS, people="ana")

    def test_unknown_ids(self) -> None:
        """An unknown team or person is an UnknownIdError."""
        with pytest.raises(UnknownIdError):
            balance([], roster(), period=FOUR_WEEKS, team="nope")
        with pytest.raises(UnknownIdError):
            balance([], roster(), period=FOUR_WEEKS, people=["nobody"])

    def test_refuses_duplicates_naming_both(self) -> None:
        """Two allocations for one person and week are refused; the error names both."""
        allocations = [week("ana", MON, 2, 35), week("ana", MON, 4, 33)]
        with pytest.raises(InvalidDataError) as caught:
            balance(allocations, roster(), period=FOUR_WEEKS, team="drift")
        (problem,) = caught.value.problems
        assert problem.path == "allocations[ana@2026-11-02]"
        assert "2 development + 35 operations" in problem.message
        assert "4 development + 33 operations" in problem.message

    def test_refuses_bad_arguments(self) -> None:
        """Not an allocation, not a period, not a band, a bad window: each named."""
        cases: list[tuple[dict[str, object], str]] = [
            ({"allocations": ["x"]}, "allocations[0]"),
            ({"period": "2026"}, "period"),
            ({"band": (0.1, 0.2)}, "band"),
            ({"no_development_weeks": 0}, "no_development_weeks"),
            ({"no_development_weeks": True}, "no_development_weeks"),
        ]
        cases += [
            ({"allocations": None}, "allocations"),
            ({"allocations": "ana"}, "allocations"),
            ({"roster": "roster"}, "roster"),
            ({"roster": None}, "roster"),
            ({"team": 7}, "team"),
            ({"people": None, "team": ["drift"]}, "team"),
            ({"people": 7}, "people"),
            ({"people": ["ana", 7]}, "people[1]"),
        ]
        for overrides, path in cases:
            arguments: dict[str, object] = {
                "allocations": [],
                "roster": roster(),
                "period": FOUR_WEEKS,
                **overrides,
            }
            with pytest.raises(InvalidDataError) as caught:
                balance(**arguments)  # type: ignore[arg-type]
            assert [problem.path for problem in caught.value.problems] == [path]

    def test_names_every_bad_argument_at_once(self) -> None:
        """Wrong types in several arguments are reported together, in argument order."""
        with pytest.raises(InvalidDataError) as caught:
            balance(
                None,  # type: ignore[arg-type]
                "roster",  # type: ignore[arg-type]
                period="2026",  # type: ignore[arg-type]
                team="drift",
                people=["ana"],
                band=None,  # type: ignore[arg-type]
                no_development_weeks=0,
            )
        assert [problem.path for problem in caught.value.problems] == [
            "allocations",
            "roster",
            "period",
            "people",
            "band",
            "no_development_weeks",
        ]
        with pytest.raises(InvalidDataError) as caught:
            balance([], "roster", period=FOUR_WEEKS)  # type: ignore[arg-type]
        assert [problem.path for problem in caught.value.problems] == ["roster"]


def plain_position(allocation: TimeAllocation, band: DevelopmentBand) -> BandPosition | None:
    """Where a week lies, by the definition: no hours, no position; else compare the share."""
    total = allocation.development_hours + allocation.operations_hours
    if total == 0:
        return None
    share = allocation.development_hours / total
    if share < band.low:
        return BandPosition.BELOW
    if share > band.high:
        return BandPosition.ABOVE
    return BandPosition.WITHIN


def plain_no_development(
    allocations: list[TimeAllocation], period: Period, person: str, weeks: int
) -> bool:
    """The definition: the period's last N Mondays, some hours, not one development hour."""
    mondays = [day for day in period.dates() if day.weekday() == 0]
    if len(mondays) < weeks:
        return False
    window = mondays[len(mondays) - weeks :]
    mine = [a for a in allocations if a.person == person and a.week in window]
    return sum(a.development_hours + a.operations_hours for a in mine) > 0 and not any(
        a.development_hours for a in mine
    )


Drawn = tuple[list[TimeAllocation], Roster, Period, DevelopmentBand, int]


class TestBalanceProperties:
    @settings(max_examples=40)
    @given(strategies._leadership._balance_inputs(5, 7), st.randoms(use_true_random=False))
    def test_matches_the_plain_definition_in_any_order(
        self, drawn: Drawn, rng: random.Random
    ) -> None:
        """Shares in [0, 1], flags exactly the weeks outside the band, and order does not matter."""
        allocations, roster_, period, band, window = drawn
        report = balance(
            allocations, roster_, period=period, band=band, no_development_weeks=window
        )
        expected = {
            (a.person, a.week): plain_position(a, band) for a in allocations if a.week in period
        }
        assert {(w.person, w.week): w.position for w in report.weeks} == expected
        assert {(w.person, w.week) for w in report.flags} == {
            key
            for key, position in expected.items()
            if position in (BandPosition.BELOW, BandPosition.ABOVE)
        }
        shares = [w.share for w in report.weeks] + [t.share for t in report.totals]
        assert all(share is None or 0.0 <= share <= 1.0 for share in shares)
        assert set(report.no_development) == {
            person.id
            for person in roster_
            if plain_no_development(allocations, period, person.id, window)
        }
        shuffled = list(allocations)
        rng.shuffle(shuffled)
        again = balance(shuffled, roster_, period=period, band=band, no_development_weeks=window)
        assert again == report

    @settings(max_examples=20)
    @given(strategies._leadership._balance_inputs(4, 5))
    def test_totals_add_up(self, drawn: Drawn) -> None:
        """Each person's totals are the sums of their counted weeks."""
        allocations, roster_, period, band, window = drawn
        report = balance(
            allocations, roster_, period=period, band=band, no_development_weeks=window
        )
        for total in report.totals:
            mine = [w for w in report.weeks if w.person == total.person]
            assert total.weeks == len(mine)
            assert math.isclose(
                total.development_hours, sum(w.development_hours for w in mine), abs_tol=1e-9
            )
            assert total.weeks_below == sum(w.position is BandPosition.BELOW for w in mine)
            assert total.weeks_above == sum(w.position is BandPosition.ABOVE for w in mine)

    @settings(max_examples=20)
    @given(strategies.rosters(max_size=4), strategies.periods(max_days=60))
    def test_empty_input_gives_an_empty_report(self, roster_: Roster, period: Period) -> None:
        """No allocations: no weeks, no flags, nobody without development, a total per person."""
        report = balance([], roster_, period=period)
        assert report.weeks == ()
        assert report.flags == ()
        assert report.no_development == ()
        assert [t.person for t in report.totals] == [p.id for p in roster_]
        assert all(t.weeks == 0 and t.share is None for t in report.totals)

    @settings(max_examples=15)
    @given(strategies.balance_reports(max_people=4, max_weeks=5))
    def test_round_trips(self, report: BalanceReport) -> None:
        """Every computed report survives JSON."""
        assert from_json(to_json(report), BalanceReport) == report

    @given(strategies.week_balances())
    def test_week_balances_round_trip(self, value: WeekBalance) -> None:
        """Every generated week survives JSON."""
        assert from_json(to_json(value), WeekBalance) == value
