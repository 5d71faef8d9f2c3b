"""learnkit.culture rendering: plain text and Markdown in Danish and English."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit.culture import (
    INDICATOR_KEYS,
    CultureReport,
    culture_report,
    format_value,
    render_markdown,
    render_text,
)
from learnkit.exceptions import InvalidDataError
from learnkit.i18n import LOCALES, Locale, translate
from learnkit.safety import SafetyResponse
from learnkit.strategies._culture import culture_reports
from test_culture_indicators import AS_OF, Q4, small_workspace


@pytest.fixture(name="report", scope="module")
def _report() -> CultureReport:
    return culture_report(small_workspace(), as_of=AS_OF, period=Q4)


class TestFormatValue:
    def test_danish_uses_a_decimal_comma(self) -> None:
        """Danish writes 1,50 and 42 %; English 1.50 and 42%."""
        assert format_value("reflection.per_task", 1.5, "da") == "1,50 pr. opgave"
        assert format_value("reflection.per_task", 1.5, "en") == "1.50 per task"
        assert format_value("goals.active", 0.424, "da") == "42 %"
        assert format_value("goals.active", 0.424, "en") == "42%"
        assert format_value("safety.team_score", 5.25, "da") == "5,2 af 7"
        assert format_value("incidents.language", 0.0, "en") == "0.00 per review"
        assert format_value("goals.achieved", -0.0001, "en") == "0.00 per person"

    def test_no_value_is_a_dash(self) -> None:
        """None is written as a dash in both locales."""
        assert format_value("goals.active", None, "da") == format_value("goals.active", None, "en")

    def test_unknown_keys_and_locales_are_refused(self) -> None:
        """A key that is not an indicator, and a locale learnkit does not speak, are named."""
        with pytest.raises(InvalidDataError, match="indicator key"):
            format_value("goals.activ", 0.5, "da")
        with pytest.raises(InvalidDataError, match="'da' or 'en'"):
            format_value("goals.active", 0.5, "sv")  # type: ignore[arg-type]


class TestRenderText:
    @pytest.mark.parametrize("locale", LOCALES)
    def test_every_indicator_has_a_line(self, report: CultureReport, locale: Locale) -> None:
        """One line per indicator after the heading, period and column names, aligned."""
        text = render_text(report, locale)
        lines = text.splitlines()
        assert lines[0] == translate("culture.heading.named", locale, name="Lille A/S")
        body = lines[3:]
        assert len(body) == 1 + len(report.indicators)
        for line, item in zip(body[1:], report.indicators, strict=True):
            name = (
                translate(f"culture.indicator.{item.key}", locale)
                if item.scope is None
                else translate(
                    f"culture.indicator.{item.key}.team", locale, team=report.team_name(item.scope)
                )
            )
            assert line.startswith(name)
            assert translate(item.status.text_key, locale) in line
        value_column = body[0].index(translate("culture.column.value", locale))
        assert all(line[value_column - 2 : value_column] == "  " for line in body)
        assert text.endswith("\n")
        assert all(line == line.rstrip() for line in lines)

    def test_danish_lines_read_as_danish(self, report: CultureReport) -> None:
        """The per-task line says 1,50 pr. opgave, its target and the trend from 2,00."""
        line = next(
            line for line in render_text(report, "da").splitlines() if "pr. afsluttet" in line
        )
        assert "1,50 pr. opgave" in line
        assert "mindst 1,00 pr. opgave" in line
        assert "godt" in line
        assert "▼ fra 2,00 pr. opgave" in line

    def test_english_trend_and_band(self, report: CultureReport) -> None:
        """English shows the band target and an up arrow from the previous value."""
        text = render_text(report, "en")
        line = next(line for line in text.splitlines() if line.startswith("Development time"))
        assert "15%" in line
        assert "10% – 20%" in line
        assert "▲ from 5%" in line
        withheld = next(line for line in text.splitlines() if "Udvikling" in line)
        assert "no data" in withheld
        assert "before 5.0 of 7" in withheld

    def test_bad_arguments_are_named_together(self) -> None:
        """A non-report and an unknown locale are both reported."""
        with pytest.raises(InvalidDataError) as error:
            render_text("report", "fr")  # type: ignore[arg-type]
        assert [p.path for p in error.value.problems] == ["report", "locale"]


class TestRenderMarkdown:
    @pytest.mark.parametrize("locale", LOCALES)
    def test_heading_table_and_footnotes(self, report: CultureReport, locale: Locale) -> None:
        """A heading, one table row and one numbered footnote per indicator."""
        text = render_markdown(report, locale)
        lines = text.splitlines()
        assert lines[0].startswith("# ")
        rows = [line for line in lines if line.startswith("| ")]
        assert len(rows) == 1 + len(report.indicators)
        notes = [line for line in lines if line[:1].isdigit()]
        assert len(notes) == len(report.indicators)
        assert f"## {translate('culture.counted.heading', locale)}" in lines
        for key in INDICATOR_KEYS:
            assert translate(f"culture.indicator.{key}", locale) in text or key.startswith("safety")

    def test_footnotes_say_what_counted(self, report: CultureReport) -> None:
        """The notes give the counts, the survey, and say when a result is withheld."""
        text = render_markdown(report, "da")
        assert "Refleksioner om opgaverne: 3; opgaver afsluttet i perioden: 2." in text
        assert "Fra målingen sv1." in text
        assert "af hensyn til de svarendes anonymitet" in text
        assert "Udviklingstimernes andel af alle timer i 2 ugeregistreringer." in text
        assert "Der var intet at tælle i perioden." not in text
        empty = culture_report(small_workspace(), as_of=AS_OF, period=Q4.previous().previous())
        assert "Ingen måling blev afsluttet i perioden." in render_markdown(empty, "da")
        assert "There was nothing to count in the period." in render_markdown(empty, "en")

    def test_pipes_in_names_are_escaped(self) -> None:
        """A | in the organisation's or a team's name does not break the table."""
        report = culture_report(small_workspace(), as_of=AS_OF, period=Q4)
        text = render_markdown(report, "en")
        for row in (line for line in text.splitlines() if line.startswith("| ")):
            assert row.replace("\\|", "").count("|") == 6

    @settings(max_examples=20)
    @given(culture_reports())
    def test_any_report_renders_in_both_locales(self, report: CultureReport) -> None:
        """Every valid report renders, with one table row per indicator."""
        for locale in LOCALES:
            assert render_text(report, locale).count("\n") == 4 + len(report.indicators)
            rows = [
                line
                for line in render_markdown(report, locale).splitlines()
                if line.startswith("| ")
            ]
            assert len(rows) == 1 + len(report.indicators)


class TestSafetyAnonymity:
    def test_safety_indicators_name_only_surveys(self, report: CultureReport) -> None:
        """Safety records are survey ids and nothing else; no counts are given for a team."""
        surveys = {survey.id for survey in small_workspace().safety_surveys}
        for item in report.indicators:
            if item.key == "safety.team_score":
                assert set(item.records) <= surveys
                assert (item.numerator, item.denominator) == (None, None)

    def test_no_person_id_appears_in_safety_lines(self, report: CultureReport) -> None:
        """The safety lines and notes mention teams and surveys, never a person."""
        people = [person.id for person in small_workspace().roster.people]
        for locale in LOCALES:
            for text in (render_text(report, locale), render_markdown(report, locale)):
                lines = [line for line in text.splitlines() if "sv1" in line or "7" in line]
                safety = [line for line in lines if "tryghed" in line or "safety" in line]
                assert safety
                assert not any(person in line for line in safety for person in people)


class TestSafetyAnonymityProperty:
    @settings(max_examples=30)
    @given(st.lists(st.integers(0, 9), min_size=3, max_size=3))
    def test_no_shown_score_covers_fewer_than_k(self, counts: list[int]) -> None:
        """Shown teams have >= 5 respondents, and everyone minus them is 0 or >= 5 people."""
        teams = ("drift", "stab", "udv")
        answers = (2, 6, 2, 6, 2, 6, 6)
        workspace = attrs.evolve(
            small_workspace(),
            safety_responses=tuple(
                SafetyResponse(
                    survey="sv1", team=team, submitted_on=dt.date(2026, 11, 3), answers=answers
                )
                for team, count in zip(teams, counts, strict=True)
                for _ in range(count)
            ),
        )
        report = culture_report(workspace, as_of=AS_OF, period=Q4)
        shown = {
            item.scope: counts[teams.index(item.scope)]
            for item in report.indicators
            if item.key == "safety.team_score" and item.scope is not None and item.value is not None
        }
        assert all(count >= 5 for count in shown.values())
        if report.indicator("safety.team_score").value is not None:
            rest = sum(counts) - sum(shown.values())
            assert rest == 0 or rest >= 5
