"""learnkit.strategies: every strategy yields valid values, and st.from_type knows learnkit."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
import types
from collections.abc import Callable
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

import learnkit
from learnkit import (
    Calendar,
    Holiday,
    InvalidDataError,
    Person,
    Roster,
    Skill,
    Team,
    Tenure,
    _hypothesis_plugin,
)
from learnkit import strategies as ls
from learnkit.strategies import (
    DEFAULT_MAX_DATE,
    DEFAULT_MIN_DATE,
    LANGUAGE_CODES,
    ZONE_KEYS,
    aware_datetimes,
    calendars,
    holidays,
    people,
    register_type_strategies,
    rosters,
    skills,
    teams,
    tenures,
    zones,
)

# find() without shrinking: the first value that fits is proof enough that it can occur.
FIRST_FIT = settings(database=None, phases=[Phase.generate], max_examples=2000)
# find() with shrinking but without the explain phase, after which find() returns
# some explained variant instead of the shrunk value (and takes seconds longer).
SHRUNK = settings(database=None, phases=[Phase.generate, Phase.shrink])


def longest_chain(roster: Roster) -> int:
    """The most managers above anyone, found without trusting Roster's own methods."""
    by_id = {person.id: person for person in roster}
    longest = 0
    for person in roster:
        seen = {person.id}
        manager = person.manager
        while manager is not None:
            assert manager not in seen, f"management loop through {manager!r}"
            seen.add(manager)
            manager = by_id[manager].manager
        longest = max(longest, len(seen) - 1)
    return longest


class TestZones:
    @given(zones())
    def test_yields_curated_iana_zones(self, value: ZoneInfo) -> None:
        """Every zone is a ZoneInfo named by one of ZONE_KEYS."""
        assert isinstance(value, ZoneInfo)
        assert value.key in ZONE_KEYS

    @given(zones(keys=["Asia/Kolkata", "UTC"]))
    def test_keys_restrict_the_choice(self, value: ZoneInfo) -> None:
        """Given keys, only those zones come out."""
        assert value.key in {"Asia/Kolkata", "UTC"}

    def test_curated_set_covers_the_promised_zones(self) -> None:
        """Copenhagen, other European zones, Kolkata, New York and UTC are all there."""
        assert {"Europe/Copenhagen", "Asia/Kolkata", "America/New_York", "UTC"} <= set(ZONE_KEYS)
        assert sum(key.startswith("Europe/") for key in ZONE_KEYS) >= 5

    def test_shrinks_to_copenhagen(self) -> None:
        """The simplest zone is learnkit's default one."""
        assert find(zones(), lambda _: True).key == "Europe/Copenhagen"

    def test_unknown_key_is_refused(self) -> None:
        """A key that is no IANA zone is refused, naming the argument."""
        with pytest.raises(InvalidDataError) as caught:
            zones(keys=["Europe/Copenhagen", "Mars/Olympus_Mons"])
        assert caught.value.problems[0].path == "keys"
        assert caught.value.problems[0].value == "Mars/Olympus_Mons"

    def test_no_keys_is_refused(self) -> None:
        """An empty choice is refused rather than failing later inside Hypothesis."""
        with pytest.raises(InvalidDataError, match="at least one zone"):
            zones(keys=[])


class TestAwareDatetimes:
    @given(aware_datetimes())
    def test_yields_existing_aware_datetimes_in_range(self, value: dt.datetime) -> None:
        """Aware, with a curated ZoneInfo, in the default range, and a wall time that exists."""
        assert isinstance(value.tzinfo, ZoneInfo)
        assert value.tzinfo.key in ZONE_KEYS
        assert value.utcoffset() is not None
        assert DEFAULT_MIN_DATE <= value.date() <= DEFAULT_MAX_DATE
        # A wall time from a spring-forward gap would come back an hour off.
        assert value.astimezone(dt.UTC).astimezone(value.tzinfo) == value

    @given(
        aware_datetimes(
            zones=zones(keys=["Asia/Kolkata"]),
            min_date=dt.date(2026, 3, 1),
            max_date=dt.date(2026, 3, 31),
        )
    )
    def test_arguments_restrict_zone_and_dates(self, value: dt.datetime) -> None:
        """zones, min_date and max_date bound what comes out."""
        assert value.tzinfo == ZoneInfo("Asia/Kolkata")
        assert dt.date(2026, 3, 1) <= value.date() <= dt.date(2026, 3, 31)

    def test_reversed_dates_are_refused(self) -> None:
        """max_date before min_date is refused, naming max_date."""
        with pytest.raises(InvalidDataError) as caught:
            aware_datetimes(min_date=dt.date(2026, 1, 2), max_date=dt.date(2026, 1, 1))
        assert caught.value.problems[0].path == "max_date"


class TestSkills:
    @given(skills())
    def test_yields_valid_skills(self, value: Skill) -> None:
        """A skill with visible name and a level from 1 to 5, which Skill accepts again."""
        assert isinstance(value, Skill)
        assert 1 <= value.level <= 5
        assert value.name.strip()
        assert Skill(value.name, value.level) == value

    @given(skills(names=st.just("facilitering")))
    def test_names_restrict_the_name(self, value: Skill) -> None:
        """Given names, only those come out."""
        assert value.name == "facilitering"


class TestPeople:
    @given(people())
    def test_yields_valid_people(self, value: Person) -> None:
        """Valid fields: a rebuilt person is equal, skills unique, codes and zone curated."""
        assert isinstance(value, Person)
        assert attrs.evolve(value) == value
        assert value.manager != value.id
        names = [skill.name for skill in value.skills]
        assert len(names) == len(set(names))
        assert value.languages <= set(LANGUAGE_CODES)
        assert value.time_zone.key in ZONE_KEYS
        assert DEFAULT_MIN_DATE <= value.start_date <= DEFAULT_MAX_DATE

    @given(
        people(
            team_ids=st.just("drift"),
            manager_ids=st.none(),
            start_dates=st.just(dt.date(2026, 11, 23)),
        )
    )
    def test_arguments_fix_team_manager_and_start(self, value: Person) -> None:
        """team_ids, manager_ids and start_dates decide those fields."""
        assert value.team == "drift"
        assert value.manager is None
        assert value.start_date == dt.date(2026, 11, 23)

    @given(people(ids=st.sampled_from(["ane", "bo"]), manager_ids=st.just("ane")))
    def test_never_their_own_manager(self, value: Person) -> None:
        """A drawn manager equal to the person's id is skipped, so only Bo can report to Ane."""
        assert (value.id, value.manager) == ("bo", "ane")

    @pytest.mark.parametrize(
        ("what", "condition"),
        [
            ("a name with æ, ø or å", lambda p: any(ch in p.name for ch in "æøåÆØÅ")),
            ("an e-mail id", lambda p: "@" in p.id),
            ("an id with a space", lambda p: " " in p.id),
            ("an all-digit id", lambda p: p.id.isdigit()),
            ("a non-Latin name", lambda p: any(ord(ch) > 0x2FF for ch in p.name)),
            ("several languages", lambda p: len(p.languages) >= 2),
            ("a three-letter language", lambda p: any(len(code) == 3 for code in p.languages)),
            ("skills", lambda p: len(p.skills) >= 2),
            ("a zone other than Copenhagen", lambda p: p.time_zone.key != "Europe/Copenhagen"),
            ("a manager", lambda p: p.manager is not None),
        ],
    )
    def test_generates_the_awkward_cases(
        self, what: str, condition: Callable[[Person], bool]
    ) -> None:
        """Awkward but valid values occur: Danish letters, odd ids, many languages and zones."""
        person = find(people(), condition, settings=FIRST_FIT)
        assert condition(person), what


class TestTeams:
    @given(teams())
    def test_yields_valid_teams(self, value: Team) -> None:
        """A team that Team accepts again."""
        assert isinstance(value, Team)
        assert attrs.evolve(value) == value

    @given(teams(ids=st.just("drift"), manager_ids=st.just("ane")))
    def test_arguments_fix_id_and_manager(self, value: Team) -> None:
        """ids and manager_ids decide those fields."""
        assert (value.id, value.manager) == ("drift", "ane")


class TestRosters:
    @given(rosters())
    def test_yields_valid_rosters(self, roster: Roster) -> None:
        """Default bounds hold, references resolve, and no management line loops."""
        assert isinstance(roster, Roster)
        assert 1 <= len(roster) <= 20
        assert 1 <= len(roster.teams) <= 5
        team_ids = {team.id for team in roster.teams}
        assert all(person.team in team_ids for person in roster)
        assert all(team.manager is None or team.manager in roster for team in roster.teams)
        longest_chain(roster)
        assert Roster(people=reversed(roster.people), teams=roster.teams) == roster

    @given(
        data=st.data(),
        min_size=st.integers(0, 6),
        extra=st.integers(0, 6),
        max_teams=st.integers(1, 4),
    )
    def test_respects_size_bounds(
        self, data: st.DataObject, min_size: int, extra: int, max_teams: int
    ) -> None:
        """Headcount stays within min_size..max_size and teams within 1..max_teams."""
        roster = data.draw(
            rosters(min_size=min_size, max_size=min_size + extra, max_teams=max_teams)
        )
        assert min_size <= len(roster) <= min_size + extra
        assert 1 <= len(roster.teams) <= max_teams

    @given(rosters(max_size=5, start_dates=st.just(dt.date(2026, 1, 5))))
    def test_start_dates_decide_start_dates(self, roster: Roster) -> None:
        """start_dates is used for everyone."""
        assert {person.start_date for person in roster} <= {dt.date(2026, 1, 5)}

    @pytest.mark.parametrize(
        ("what", "condition"),
        [
            ("a chain of three managers", lambda r: longest_chain(r) >= 3),
            ("two people at the top", lambda r: sum(p.manager is None for p in r) >= 2),
            (
                "people with and without a manager",
                lambda r: {p.manager is None for p in r} == {True, False},
            ),
            ("a team without members", lambda r: any(not r.members(t.id) for t in r.teams)),
            (
                "a team led from outside",
                lambda r: any(
                    t.manager is not None and r.person(t.manager).team != t.id for t in r.teams
                ),
            ),
            ("ten people", lambda r: len(r) >= 10),
            (
                "a manager with two reports",
                lambda r: any(len(r.direct_reports(p.id)) >= 2 for p in r),
            ),
        ],
    )
    def test_generates_varied_structure(
        self, what: str, condition: Callable[[Roster], bool]
    ) -> None:
        """Deep and flat lines, several tops, empty teams and outside leaders all occur."""
        roster = find(rosters(), condition, settings=FIRST_FIT)
        assert condition(roster), what

    def test_can_be_empty(self) -> None:
        """With min_size=0 an empty roster (with one team) occurs."""
        roster = find(rosters(min_size=0), lambda r: len(r) == 0, settings=FIRST_FIT)
        assert len(roster) == 0
        assert len(roster.teams) >= 1

    def test_shrinks_to_plain_people(self) -> None:
        """A property that needs three people shrinks to three people, no managers, one team."""
        roster = find(rosters(), lambda r: len(r) >= 3, settings=SHRUNK)
        assert len(roster) == 3
        assert all(person.manager is None for person in roster)
        assert len(roster.teams) == 1
        assert roster.teams[0].manager is None

    @pytest.mark.parametrize(
        ("kwargs", "path"),
        [
            ({"min_size": -1}, "min_size"),
            ({"min_size": 3, "max_size": 2}, "max_size"),
            ({"max_teams": 0}, "max_teams"),
            ({"max_size": True}, "max_size"),
        ],
    )
    def test_bad_arguments_are_refused(self, kwargs: dict[str, int], path: str) -> None:
        """Impossible sizes are refused at once, naming the argument."""
        with pytest.raises(InvalidDataError) as caught:
            rosters(**kwargs)
        assert caught.value.problems[0].path == path


class TestHolidays:
    @given(holidays(min_date=dt.date(2026, 1, 1), max_date=dt.date(2026, 12, 31)))
    def test_yields_valid_holidays_in_range(self, value: Holiday) -> None:
        """A holiday Holiday accepts again, dated within the range."""
        assert isinstance(value, Holiday)
        assert Holiday(value.date, value.name) == value
        assert value.date.year == 2026

    def test_reversed_dates_are_refused(self) -> None:
        """max_date before min_date is refused."""
        with pytest.raises(InvalidDataError):
            holidays(min_date=dt.date(2026, 1, 2), max_date=dt.date(2026, 1, 1))


class TestCalendars:
    @given(calendars())
    def test_yields_valid_calendars(self, calendar: Calendar) -> None:
        """A working weekday exists, holiday dates are unique and inside the covered span."""
        assert isinstance(calendar, Calendar)
        assert len(calendar.weekend) < 7
        dates = [holiday.date for holiday in calendar.holidays]
        assert len(dates) == len(set(dates))
        assert (calendar.first_day is None) == (calendar.last_day is None)
        if calendar.first_day is not None and calendar.last_day is not None:
            assert calendar.first_day <= calendar.last_day
            assert all(calendar.first_day <= day <= calendar.last_day for day in dates)
        assert all(DEFAULT_MIN_DATE <= day <= DEFAULT_MAX_DATE for day in dates)
        assert attrs.evolve(calendar) == calendar

    @given(
        calendars(max_holidays=2, min_date=dt.date(2026, 12, 24), max_date=dt.date(2026, 12, 31))
    )
    def test_arguments_bound_holidays(self, calendar: Calendar) -> None:
        """max_holidays, min_date and max_date bound the holidays and the span."""
        assert len(calendar.holidays) <= 2
        assert all(holiday.date.month == 12 for holiday in calendar.holidays)
        if calendar.first_day is not None:
            assert calendar.first_day >= dt.date(2026, 12, 24)
            assert calendar.last_day is not None
            assert calendar.last_day <= dt.date(2026, 12, 31)

    @pytest.mark.parametrize(
        ("what", "condition"),
        [
            (
                "a bounded calendar with holidays",
                lambda c: c.first_day is not None and len(c.holidays) >= 2,
            ),
            ("an unusual weekend", lambda c: c.weekend != frozenset({5, 6})),
            ("a six-day weekend", lambda c: len(c.weekend) == 6),
        ],
    )
    def test_generates_varied_calendars(
        self, what: str, condition: Callable[[Calendar], bool]
    ) -> None:
        """Bounded calendars with holidays and odd weekends occur."""
        assert condition(find(calendars(), condition, settings=FIRST_FIT)), what

    def test_shrinks_to_the_default_calendar(self) -> None:
        """The simplest calendar is Calendar(): Saturday-Sunday, no holidays, unbounded."""
        assert find(calendars(), lambda _: True, settings=SHRUNK) == Calendar()

    def test_negative_max_holidays_is_refused(self) -> None:
        """A negative max_holidays is refused, naming it."""
        with pytest.raises(InvalidDataError) as caught:
            calendars(max_holidays=-1)
        assert caught.value.problems[0].path == "max_holidays"


class TestTenures:
    @given(tenures(max_days=800))
    def test_yields_consistent_tenures(self, value: Tenure) -> None:
        """The parts agree as Tenure.between computes them, and total_days is bounded."""
        assert isinstance(value, Tenure)
        assert 0 <= value.total_days <= 800
        assert 0 <= value.years <= 2
        assert 0 <= value.months < 12
        assert 0 <= value.days < 31

    def test_shrinks_to_zero(self) -> None:
        """The simplest tenure is a first day."""
        assert find(tenures(), lambda _: True, settings=SHRUNK).total_days == 0


PUBLIC_TYPES = [Calendar, Holiday, Person, Roster, Skill, Team, Tenure]


class TestRegistration:
    @pytest.mark.parametrize("cls", PUBLIC_TYPES, ids=lambda cls: cls.__name__)
    def test_from_type_yields_valid_values(self, cls: type) -> None:
        """st.from_type(cls) uses learnkit's strategy for every public type."""
        register_type_strategies()

        @settings(max_examples=10, database=None)
        @given(st.from_type(cls))
        def check(value: object) -> None:
            assert isinstance(value, cls)

        check()

    def test_is_idempotent(self) -> None:
        """Registering again changes nothing: from_type still yields valid rosters."""
        assert register_type_strategies() is None
        assert register_type_strategies() is None
        roster = find(st.from_type(Roster), lambda r: len(r) >= 2, settings=FIRST_FIT)
        assert isinstance(roster, Roster)
        assert len(roster) >= 2

    def test_builds_fills_learnkit_fields(self) -> None:
        """st.builds of a user's function finds learnkit's strategies through its annotations."""

        def plan_offsite(roster: Roster, calendar: Calendar) -> tuple[Roster, Calendar]:
            return roster, calendar

        roster, calendar = find(st.builds(plan_offsite), lambda _: True, settings=FIRST_FIT)
        assert isinstance(roster, Roster)
        assert isinstance(calendar, Calendar)

    def test_every_public_domain_type_has_a_strategy(self) -> None:
        """Each attrs class learnkit exports (errors aside) is registered."""
        exported = {
            getattr(learnkit, name)
            for name in learnkit.__all__
            if attrs.has(getattr(learnkit, name))
            and getattr(learnkit, name).__module__ != "learnkit.exceptions"
        }
        assert exported
        assert exported <= set(ls._TYPE_STRATEGIES)

    def test_hook_waits_for_a_half_imported_module(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """When learnkit.strategies is mid-import, the hook defers and registers once it is done."""
        monkeypatch.setattr(_hypothesis_plugin, "_pending", False)
        with monkeypatch.context() as patched:
            patched.setitem(sys.modules, "learnkit.strategies", types.ModuleType("half"))
            _hypothesis_plugin._hypothesis_setup_hook()
        assert _hypothesis_plugin._pending
        _hypothesis_plugin._register_if_pending()
        assert not _hypothesis_plugin._pending
        _hypothesis_plugin._register_if_pending()  # nothing left to do
        assert isinstance(find(st.from_type(Person), lambda _: True, settings=FIRST_FIT), Person)


def run_fresh(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter of this environment, with plugins on unless env says."""
    environment = {k: v for k, v in os.environ.items() if k != "HYPOTHESIS_NO_PLUGINS"}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-W", "error", "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
        timeout=300,
    )


class TestFreshInterpreter:
    def test_from_type_works_without_importing_strategies(self) -> None:
        """With learnkit installed, the entry point registers on `import hypothesis`."""
        result = run_fresh(
            """
            import sys
            import learnkit
            assert "hypothesis" not in sys.modules, "importing learnkit loaded hypothesis"
            from hypothesis import HealthCheck, Phase, find, given, settings, strategies as st
            assert "learnkit.strategies" in sys.modules, "the entry point did not run"

            # A fresh interpreter has no test profile; on a busy machine the
            # "too slow" health check would fail it for reasons that are not ours.
            @settings(max_examples=5, database=None, deadline=None,
                      suppress_health_check=[HealthCheck.too_slow])
            @given(st.from_type(learnkit.Roster), st.from_type(learnkit.Person))
            def check(roster, person):
                assert isinstance(roster, learnkit.Roster)
                assert isinstance(person, learnkit.Person)

            check()
            deep = find(
                st.from_type(learnkit.Roster),
                lambda r: any(len(r.reporting_chain(p.id)) >= 2 for p in r),
                # The first roster with a chain will do: shrinking one costs seconds.
                settings=settings(max_examples=200, database=None, deadline=None,
                                  phases=[Phase.generate],
                                  suppress_health_check=[HealthCheck.too_slow]),
            )
            assert isinstance(deep, learnkit.Roster)
            print("ok")
            """
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == "ok"

    def test_strategies_imported_before_hypothesis(self) -> None:
        """Importing learnkit.strategies first still registers (its own import of hypothesis)."""
        result = run_fresh(
            """
            import learnkit.strategies
            import learnkit
            from hypothesis import find, strategies as st
            assert isinstance(find(st.from_type(learnkit.Person), lambda _: True), learnkit.Person)
            print("ok")
            """
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == "ok"

    def test_plugins_can_be_turned_off(self) -> None:
        """HYPOTHESIS_NO_PLUGINS keeps learnkit out of `import hypothesis`."""
        result = run_fresh(
            """
            import sys
            import hypothesis
            assert "learnkit" not in sys.modules
            print("ok")
            """,
            HYPOTHESIS_NO_PLUGINS="1",
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == "ok"
