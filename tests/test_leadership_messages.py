"""learnkit.leadership messages: the leadership texts in Danish and English, and the sentences."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest

from learnkit import _texts_leadership
from learnkit.exceptions import InvalidDataError
from learnkit.i18n import Locale, placeholders, translate
from learnkit.leadership import (
    BandPosition,
    DevelopmentBand,
    Recognition,
    RecognitionKind,
    TimeAllocation,
    balance,
    band_text,
    flag_message,
    mix_summary,
    never_recognised_message,
    no_development_message,
    percent,
    recognition_mix,
)
from learnkit.people import Person, Roster, Team
from learnkit.time import Period

D = dt.date
Q4 = Period(D(2026, 10, 1), D(2026, 12, 31))


def roster() -> Roster:
    """One team, hold, of Anne and Bo."""
    return Roster(
        people=[
            Person(id="anne", name="Anne", team="hold", start_date=D(2020, 1, 1)),
            Person(id="bo", name="Bo", team="hold", start_date=D(2020, 1, 1)),
        ],
        teams=[Team(id="hold", name="Hold")],
    )


class TestCatalogue:
    def test_same_keys_and_placeholders(self) -> None:
        """Danish and English have the same keys, each with the same placeholders."""
        assert _texts_leadership.DA.keys() == _texts_leadership.EN.keys()
        for key, danish in _texts_leadership.DA.items():
            assert key.startswith("leadership.")
            assert placeholders(danish) == placeholders(_texts_leadership.EN[key]), key

    def test_every_kind_and_position_has_a_name(self) -> None:
        """Each recognition kind and band position has a name in both languages."""
        for locale in ("da", "en"):
            for kind in RecognitionKind:
                assert translate(kind.text_key, locale)
            for position in BandPosition:
                assert translate(position.text_key, locale)
        assert translate(RecognitionKind.CURIOSITY.text_key, "da") == "nysgerrighed"
        assert translate(BandPosition.BELOW.text_key, "da") == "under målet"


class TestNumbers:
    @pytest.mark.parametrize(("locale", "expected"), [("da", "13 %"), ("en", "13%")])
    def test_percent(self, locale: Locale, expected: str) -> None:
        """Danish puts a space before the percent sign; English does not."""
        assert percent(0.126, locale) == expected

    def test_band_text(self) -> None:
        """The default band reads 10–20 %."""
        assert band_text(DevelopmentBand(), "da") == "10–20 %"
        assert band_text(DevelopmentBand(low=0.05, high=0.15), "en") == "5–15%"


class TestSentences:
    def recognition(self, id: str, kind: str) -> Recognition:
        """Anne recognises Bo."""
        return Recognition(
            id=id,
            giver="anne",
            receiver="bo",
            at=dt.datetime(2026, 11, 2, 10, tzinfo=ZoneInfo("Europe/Copenhagen")),
            kind=kind,
            message="Godt gået!",
        )

    def test_mix_summary(self) -> None:
        """The summary gives the count and both shares, singular and plural."""
        one = recognition_mix([self.recognition("r1", "effort")], roster(), team="hold", period=Q4)
        assert mix_summary(one, "da") == (
            "1 anerkendelse: 100 % for indsats og nysgerrighed, 0 % for resultater."
        )
        two = recognition_mix(
            [self.recognition("r1", "effort"), self.recognition("r2", "result")],
            roster(),
            team="hold",
            period=Q4,
        )
        assert mix_summary(two, "en") == (
            "2 recognitions: 50% for effort and curiosity, 50% for results."
        )
        empty = recognition_mix([], roster(), team="hold", period=Q4)
        assert mix_summary(empty, "da") == "Ingen anerkendelser i perioden."

    def test_never_recognised(self) -> None:
        """Names the unrecognised with the given names, or says everyone was recognised."""
        mix = recognition_mix([self.recognition("r1", "effort")], roster(), team="hold", period=Q4)
        assert never_recognised_message(mix, "da", names=str.title) == (
            "Har ikke fået anerkendelse i perioden: Anne."
        )
        full = recognition_mix(
            [
                self.recognition("r1", "effort"),
                Recognition(
                    id="r2",
                    giver="bo",
                    receiver="anne",
                    at=dt.datetime(2026, 11, 3, tzinfo=ZoneInfo("UTC")),
                    kind="helping",
                    message="Tak!",
                ),
            ],
            roster(),
            team="hold",
            period=Q4,
        )
        assert never_recognised_message(full, "en") == (
            "Everyone in the team was recognised in the period."
        )

    def test_flag_messages(self) -> None:
        """Below and above have a sentence with the ISO week; within and empty weeks have none."""
        monday = D(2026, 11, 2)
        report = balance(
            [
                TimeAllocation(
                    person="anne", week=monday, development_hours=1, operations_hours=36
                ),
                TimeAllocation(person="bo", week=monday, development_hours=12, operations_hours=25),
                TimeAllocation(
                    person="anne",
                    week=monday + dt.timedelta(weeks=1),
                    development_hours=5,
                    operations_hours=32,
                ),
                TimeAllocation(
                    person="bo",
                    week=monday + dt.timedelta(weeks=1),
                    development_hours=0,
                    operations_hours=0,
                ),
            ],
            roster(),
            period=Q4,
            team="hold",
        )
        messages = [flag_message(week, report.band, "da", name="Anne") for week in report.weeks]
        assert messages[0] == (
            "Anne brugte 3 % af tiden på udvikling i uge 45 – under målet på 10–20 %."
        )
        assert messages[1] is None
        assert flag_message(report.weeks[2], report.band, "en") == (
            "bo spent 32% of their time on development in week 45, above the target of 10–20%."
        )
        assert messages[3] is None

    @pytest.mark.parametrize(
        ("weeks", "locale", "expected"),
        [
            (1, "da", "Bo har ikke haft tid til udvikling den seneste uge."),
            (4, "da", "Bo har ikke haft tid til udvikling de seneste 4 uger."),
            (4, "en", "Bo has had no development time in the last 4 weeks."),
        ],
    )
    def test_no_development(self, weeks: int, locale: Locale, expected: str) -> None:
        """Singular and plural in both languages."""
        assert no_development_message("Bo", weeks, locale) == expected


class TestBadArguments:
    mix = recognition_mix([], roster(), team="hold", period=Q4)
    band = DevelopmentBand()
    week = balance(
        [TimeAllocation(person="bo", week=D(2026, 11, 2), development_hours=1, operations_hours=9)],
        roster(),
        period=Q4,
        team="hold",
    ).weeks[0]

    @pytest.mark.parametrize(
        ("call", "paths"),
        [
            (lambda: percent("x", "da"), ["share"]),  # type: ignore[arg-type]
            (lambda: percent(None, "da"), ["share"]),  # type: ignore[arg-type]
            (lambda: percent(True, "da"), ["share"]),
            (lambda: percent(float("nan"), "da"), ["share"]),
            (lambda: percent("x", "fr"), ["share", "locale"]),  # type: ignore[arg-type]
            (lambda: band_text(None, "da"), ["band"]),  # type: ignore[arg-type]
            (lambda: band_text((0.1, 0.2), "xx"), ["band", "locale"]),  # type: ignore[arg-type]
            (lambda: mix_summary(None, "da"), ["mix"]),  # type: ignore[arg-type]
            (lambda: mix_summary(None, None), ["mix", "locale"]),  # type: ignore[arg-type]
            (lambda: never_recognised_message(None, "da"), ["mix"]),  # type: ignore[arg-type]
            (
                lambda: never_recognised_message(TestBadArguments.mix, "da", names="Anne"),  # type: ignore[arg-type]
                ["names"],
            ),
            (
                lambda: flag_message(None, None, "da", name=3),  # type: ignore[arg-type]
                ["week", "band", "name"],
            ),
            (
                lambda: flag_message(TestBadArguments.week, TestBadArguments.band, "sv"),  # type: ignore[arg-type]
                ["locale"],
            ),
            (lambda: no_development_message(None, 0, "da"), ["person", "weeks"]),  # type: ignore[arg-type]
            (lambda: no_development_message("Bo", True, "da"), ["weeks"]),
        ],
    )
    def test_bad_data_naming_every_argument(
        self, call: Callable[[], object], paths: list[str]
    ) -> None:
        """Wrong types are InvalidDataError naming each bad argument, never a traceback."""
        with pytest.raises(InvalidDataError) as caught:
            call()
        assert [problem.path for problem in caught.value.problems] == paths
