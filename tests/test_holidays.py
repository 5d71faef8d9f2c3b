"""The ``holidays`` adapter: Danish public holidays as a Calendar, whatever the process locale."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from functools import cache

import pytest

from learnkit.exceptions import InvalidDataError, OutOfRangeError
from learnkit.holidays import DEFAULT_YEARS, calendar_for_country
from learnkit.time import Calendar

D = dt.date


@cache
def denmark(*, include_optional: bool = False, language: str | None = None) -> Calendar:
    """Denmark 2023-2027, built once per argument set."""
    return Calendar.for_country(
        "DK", years=range(2023, 2028), include_optional=include_optional, language=language
    )


def names(calendar: Calendar, year: int) -> dict[dt.date, str]:
    """The holidays of ``year`` by date."""
    return {h.date: h.name for h in calendar.holidays if h.date.year == year}


class TestDenmark:
    def test_default_coverage_is_2000_to_2100(self) -> None:
        """Without years the calendar covers 2000-01-01 to 2100-12-31 and refuses beyond."""
        calendar = Calendar.for_country("DK")
        assert (calendar.first_day, calendar.last_day) == (D(2000, 1, 1), D(2100, 12, 31))
        assert (DEFAULT_YEARS.start, DEFAULT_YEARS.stop) == (2000, 2101)
        assert calendar.holiday_name(D(2100, 12, 25)) == "Juledag"
        with pytest.raises(OutOfRangeError):
            calendar.is_working_day(D(1999, 12, 31))
        with pytest.raises(OutOfRangeError):
            calendar.is_working_day(D(2101, 1, 1))

    def test_public_holidays_2026(self) -> None:
        """2026's public holidays, by date and Danish name."""
        assert names(denmark(), 2026) == {
            D(2026, 1, 1): "Nytårsdag",
            D(2026, 4, 2): "Skærtorsdag",
            D(2026, 4, 3): "Langfredag",
            D(2026, 4, 5): "Påskedag",
            D(2026, 4, 6): "Anden påskedag",
            D(2026, 5, 14): "Kristi himmelfartsdag",
            D(2026, 5, 24): "Pinsedag",
            D(2026, 5, 25): "Anden pinsedag",
            D(2026, 12, 25): "Juledag",
            D(2026, 12, 26): "Anden juledag",
        }

    def test_langfredag_and_kristi_himmelfartsdag_are_days_off(self) -> None:
        """Langfredag 3 April and Kristi himmelfartsdag 14 May 2026 are not working days."""
        calendar = denmark()
        assert calendar.holiday_name(D(2026, 4, 3)) == "Langfredag"
        assert calendar.holiday_name(D(2026, 5, 14)) == "Kristi himmelfartsdag"
        assert not calendar.is_working_day(D(2026, 4, 3))
        assert not calendar.is_working_day(D(2026, 5, 14))
        assert calendar.next_working_day(D(2026, 4, 2)) == D(2026, 4, 7)

    def test_store_bededag_was_abolished_from_2024(self) -> None:
        """Store bededag was a holiday in 2023 (5 May) and is a working day since 2024."""
        calendar = denmark()
        assert calendar.holiday_name(D(2023, 5, 5)) == "Store bededag"
        assert "Store bededag" not in names(calendar, 2024).values()
        assert "Store bededag" not in names(calendar, 2026).values()
        assert calendar.is_working_day(D(2026, 5, 1))  # the Friday it would have been

    @pytest.mark.parametrize(
        ("day", "name"),
        [
            (D(2026, 6, 5), "Grundlovsdag"),
            (D(2026, 12, 24), "Juleaftensdag"),
            (D(2026, 12, 31), "Nytårsaften"),
            (D(2026, 5, 1), "Arbejdernes kampdag"),
        ],
    )
    def test_customary_days_off_only_when_asked(self, day: dt.date, name: str) -> None:
        """Grundlovsdag, Juleaftensdag and Nytårsaften are days off only with include_optional."""
        assert denmark().is_working_day(day)
        assert denmark().holiday_name(day) is None
        assert denmark(include_optional=True).holiday_name(day) == name
        assert not denmark(include_optional=True).is_working_day(day)

    def test_optional_days_add_to_the_public_ones(self) -> None:
        """Every public holiday is still there with include_optional."""
        public = set(denmark().holidays)
        assert public < set(denmark(include_optional=True).holidays)

    def test_english_names(self) -> None:
        """With language='en_US' the names are English."""
        english = names(denmark(language="en_US"), 2026)
        assert english[D(2026, 4, 3)] == "Good Friday"
        assert english[D(2026, 5, 14)] == "Ascension Day"
        assert english.keys() == names(denmark(), 2026).keys()

    def test_explicit_danish_equals_the_default(self) -> None:
        """language='da' gives the same calendar as no language."""
        assert denmark(language="da") == denmark()

    def test_for_country_is_the_adapter(self) -> None:
        """Calendar.for_country and calendar_for_country give equal calendars."""
        assert calendar_for_country("DK", years=[2026]) == Calendar.for_country("DK", years=[2026])

    def test_years_bound_the_span(self) -> None:
        """One year covers 1 January to 31 December of that year only."""
        calendar = Calendar.for_country("DK", years=[2026])
        assert (calendar.first_day, calendar.last_day) == (D(2026, 1, 1), D(2026, 12, 31))
        assert all(h.date.year == 2026 for h in calendar.holidays)
        with pytest.raises(OutOfRangeError):
            calendar.next_working_day(D(2026, 12, 31))

    def test_years_in_any_order_and_repeated(self) -> None:
        """Years are a set: order and repeats do not matter."""
        assert Calendar.for_country("DK", years=[2025, 2024, 2025]) == Calendar.for_country(
            "DK", years=range(2024, 2026)
        )

    def test_subdivision(self) -> None:
        """A known subdivision is accepted (German states differ)."""
        bavaria = Calendar.for_country("DE", years=[2026], subdivision="BY")
        berlin = Calendar.for_country("DE", years=[2026], subdivision="BE")
        assert bavaria.holiday_name(D(2026, 1, 6)) is not None  # Heilige Drei Könige
        assert berlin.holiday_name(D(2026, 1, 6)) is None

    def test_working_days_in_2026(self) -> None:
        """2026 has 261 weekdays and 7 public holidays on weekdays: 254 working days."""
        calendar = denmark()
        assert calendar.working_days_between(D(2026, 1, 1), D(2027, 1, 1)) == 254


class TestRefusals:
    @pytest.mark.parametrize("country", ["XX", "dk", "Denmark", "", 45, ["DK"], None])
    def test_unknown_country(self, country: object) -> None:
        """An unknown country is refused naming ``country``."""
        with pytest.raises(InvalidDataError) as caught:
            Calendar.for_country(country, years=[2026])  # type: ignore[arg-type]
        assert [(p.path, p.value) for p in caught.value.problems] == [("country", country)]

    @pytest.mark.parametrize("subdivision", ["XX", "by", 7, ["BY"]])
    def test_unknown_subdivision(self, subdivision: object) -> None:
        """An unknown subdivision is refused naming ``subdivision`` and the country."""
        with pytest.raises(InvalidDataError) as caught:
            Calendar.for_country("DE", years=[2026], subdivision=subdivision)  # type: ignore[arg-type]
        (problem,) = caught.value.problems
        assert (problem.path, problem.value) == ("subdivision", subdivision)
        assert "DE" in problem.message

    def test_denmark_has_no_subdivisions(self) -> None:
        """Any subdivision of Denmark is unknown."""
        with pytest.raises(InvalidDataError) as caught:
            Calendar.for_country("DK", years=[2026], subdivision="84")
        assert caught.value.problems[0].path == "subdivision"

    @pytest.mark.parametrize("language", ["xx", "en", "EN_US", ""])
    def test_unknown_language(self, language: str) -> None:
        """A language the country has no names in is refused, listing the known ones."""
        with pytest.raises(InvalidDataError) as caught:
            Calendar.for_country("DK", years=[2026], language=language)
        (problem,) = caught.value.problems
        assert (problem.path, problem.value) == ("language", language)
        assert "da" in problem.message
        assert "en_US" in problem.message

    @pytest.mark.parametrize(
        ("years", "message"),
        [
            ([2024, 2026], "must be an unbroken run of years"),
            ([2000, 2001, 2003], "must be an unbroken run of years"),
            ([], "must be whole years"),
            ([2026.0], "must be whole years"),
            ([True], "must be whole years"),
            ([2026, "2027"], "must be whole years"),
            (2026, "must be whole years"),
            ("2026", "must be whole years"),
        ],
    )
    def test_broken_years(self, years: object, message: str) -> None:
        """Gaps, no years, non-integers and a lone year are refused naming ``years``."""
        with pytest.raises(InvalidDataError) as caught:
            Calendar.for_country("DK", years=years)  # type: ignore[arg-type]
        assert [(p.path, p.value, p.message) for p in caught.value.problems] == [
            ("years", years, message)
        ]


_NAMES_IN_A_FRESH_PROCESS = """
import datetime, json
import holidays
from learnkit import Calendar
adapter = Calendar.for_country("DK", years=[2026])
raw = holidays.country_holidays("DK", years=[2026])
print(json.dumps({
    "adapter": [[h.date.isoformat(), h.name] for h in adapter.holidays],
    "raw": raw.get(datetime.date(2026, 4, 3)),
}))
"""


def _names_under_locale(locale: str) -> dict[str, object]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}
    }
    environment.update({"LANG": locale, "LC_ALL": locale, "LANGUAGE": locale.partition(".")[0]})
    result = subprocess.run(
        [sys.executable, "-c", _NAMES_IN_A_FRESH_PROCESS],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    loaded: dict[str, object] = json.loads(result.stdout)
    return loaded


class TestLocaleIndependence:
    def test_names_do_not_depend_on_the_process_locale(self) -> None:
        """English and Danish process locales give the same Danish names."""
        # The raw package does follow the locale: its answers differing shows that
        # the environment really reached the child, so the equality means something.
        english = _names_under_locale("en_US.UTF-8")
        danish = _names_under_locale("da_DK.UTF-8")
        assert english["adapter"] == danish["adapter"]
        assert ["2026-04-03", "Langfredag"] in english["adapter"]  # type: ignore[operator]
        assert (english["raw"], danish["raw"]) == ("Good Friday", "Langfredag")
