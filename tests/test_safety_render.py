"""learnkit.safety rendering: pulse results and trends as Danish and English lines."""

from __future__ import annotations

import datetime as dt

import pytest

from learnkit.exceptions import InvalidDataError
from learnkit.i18n import catalogue
from learnkit.people import Person, Roster, Team
from learnkit.safety import (
    EDMONDSON_ITEMS,
    EVERYONE,
    SafetyGroup,
    SafetyResponse,
    SafetySurvey,
    group_name,
    pulse_lines,
    pulse_results,
    safety_trend,
    scale_lines,
    trend_lines,
)
from learnkit.time import Period

D = dt.date
ROSTER = Roster(
    people=[Person(id="ane", name="Ane", team="platform", start_date=D(2020, 1, 1))],
    teams=[Team(id="platform", name="Platform"), Team(id="data", name="Data & AI")],
)
Q3 = SafetySurvey(id="q3", period=Period(D(2026, 8, 3), D(2026, 8, 14)))
Q4 = SafetySurvey(id="q4", period=Period(D(2026, 11, 2), D(2026, 11, 13)), name="Puls Q4")


def answers(survey: str, team: str, level: int, count: int, labels=()) -> list[SafetyResponse]:
    """``count`` responses at safety ``level`` on every item."""
    reverse = 8 - level
    return [
        SafetyResponse(
            survey=survey,
            team=team,
            submitted_on=D(2026, 11, 3),
            answers=(reverse, level, reverse, level, reverse, level, level),
            groups=labels,
        )
        for _ in range(count)
    ]


PULSE = (
    answers("q4", "platform", 6, 5, ("newcomer",))
    + answers("q4", "platform", 5, 2)
    + answers("q4", "data", 7, 6)
)


class TestPulseLines:
    def test_danish(self):
        """Teams by roster name, a decimal comma, withheld results with their reason."""
        lines = pulse_lines(pulse_results(Q4, PULSE), ROSTER, "da", survey=Q4)
        assert lines == [
            "Psykologisk tryghed: Puls Q4 (2026-11-02 – 2026-11-13)",
            "Resultater vises kun for mindst 5 svar.",
            "Alle: 6,3 af 7 (13 svar)",
            "Data & AI: 7,0 af 7 (6 svar)",
            "Data & AI, newcomer: Vises ikke: færre end 5 svar",
            "Platform: 5,7 af 7 (7 svar)",
            "Platform, newcomer: Vises ikke: sammen med de viste resultater (bl.a. »Platform«) "
            "ville det afsløre "
            "en gruppe på færre end 5",
            "Alle, newcomer: Vises ikke: sammen med de viste resultater (bl.a. »Platform«) "
            "ville det afsløre "
            "en gruppe på færre end 5",
        ]

    def test_english_without_roster(self):
        """Without a roster teams are named by id; one response reads in the singular."""
        one = SafetySurvey(id="solo", period=Q4.period, min_respondents=1)
        results = pulse_results(one, answers("solo", "data", 4, 1))
        assert pulse_lines(results, None, "en") == [
            "Results are shown only for at least 1 response.",
            "Everyone: 4.0 of 7 (1 response)",
            "data: 4.0 of 7 (1 response)",
        ]

    def test_nothing(self):
        """No groups at all says so."""
        empty = pulse_results(Q4, [], [])
        assert pulse_lines(empty, ROSTER, "en") == [
            "Results are shown only for at least 5 responses.",
            "No groups to show.",
        ]

    def test_unknown_team_and_bad_locale(self):
        """A team the roster lacks is named by id; an unknown locale is refused."""
        assert group_name(SafetyGroup("salg", "remote"), ROSTER, "da") == "salg, remote"
        assert group_name(SafetyGroup(label="remote"), ROSTER, "en") == "Everyone, remote"
        with pytest.raises(InvalidDataError):
            pulse_lines(pulse_results(Q4, []), ROSTER, "sv")  # type: ignore[arg-type]


class TestTrendLines:
    def test_danish_and_english(self):
        """A first point, a change with its sign, and a withheld point with its reason."""
        responses = PULSE + answers("q3", "platform", 5, 7)
        platform = safety_trend([Q3, Q4], responses, SafetyGroup("platform"))
        assert trend_lines(platform, SafetyGroup("platform"), ROSTER, "da") == [
            "Udvikling for Platform",
            "q3 (2026-08-03 – 2026-08-14): 5,0",
            "q4 (2026-11-02 – 2026-11-13): 5,7 (+0,7)",
        ]
        newcomers = SafetyGroup("platform", "newcomer")
        trend = safety_trend([Q3, Q4], responses, newcomers)
        assert trend_lines(trend, newcomers, ROSTER, "en") == [
            "Trend for Platform, newcomer",
            "q3 (2026-08-03 – 2026-08-14): not shown, fewer than 5 responses",
            "q4 (2026-11-02 – 2026-11-13): not shown, would reveal a group when read with "
            "the results shown (such as 'Platform')",
        ]

    def test_change_is_between_the_scores_as_shown(self):
        """5,8 then 5,2 reads -0,6, though the unrounded scores (5.8, 5.25) differ by 0.55."""
        responses = (
            answers("q3", "data", 5, 1)
            + answers("q3", "data", 6, 4)
            + answers("q4", "data", 5, 6)
            + answers("q4", "data", 6, 2)
        )
        trend = safety_trend([Q3, Q4], responses, SafetyGroup("data"))
        assert [point.shown.score for point in trend] == [5.8, 5.25]
        assert trend_lines(trend, SafetyGroup("data"), ROSTER, "da")[1:] == [
            "q3 (2026-08-03 – 2026-08-14): 5,8",
            "q4 (2026-11-02 – 2026-11-13): 5,2 (-0,6)",
        ]

    def test_no_change(self):
        """An unchanged score reads ±0,0."""
        responses = answers("q3", "data", 7, 6) + answers("q4", "data", 7, 6)
        trend = safety_trend([Q3, Q4], responses, SafetyGroup("data"))
        assert trend_lines(trend, SafetyGroup("data"), ROSTER, "da")[-1].endswith("7,0 (±0,0)")


class TestTexts:
    def test_scale_in_both_languages(self):
        """Every item and every anchor of the 7-point scale has a Danish and an English text."""
        for locale in ("da", "en"):
            texts = catalogue(locale)
            for item in EDMONDSON_ITEMS:
                assert texts[item.text_key].endswith(".")
            for point in range(1, 8):
                assert texts[f"safety.anchor.{point}"]

    def test_edmondson_wording(self):
        """The English items are Edmondson's (1999) wording."""
        assert catalogue("en")["safety.item.1"] == (
            "If you make a mistake on this team, it is often held against you."
        )
        assert catalogue("en")["safety.item.7"] == (
            "Working with members of this team, my unique skills and talents are valued and "
            "utilized."
        )


class TestScaleLines:
    def test_danish_seven_points(self):
        """Seven numbered items, every anchor named, and the note that Danish is a translation."""
        lines = scale_lines("da")
        assert len(lines) == 9
        assert lines[0] == "1. Hvis man begår en fejl i dette team, bliver det ofte holdt imod én."
        assert lines[7].startswith("Svar fra 1 til 7: 1 = Passer slet ikke, 2 = Passer ikke")
        assert lines[8] == (
            "De danske formuleringer er learnkits egen oversættelse, "
            "ikke en valideret dansk udgave."
        )

    def test_english_five_points(self):
        """Another scale names only its ends; English has no translation note."""
        lines = scale_lines("en", 5)
        assert lines[-1] == "Answer from 1 to 5: 1 = Very inaccurate, 5 = Very accurate"
        assert len(lines) == 8

    @pytest.mark.parametrize("points", [1, 12, True, "7"])
    def test_bad_points(self, points):
        """Points outside 2..11 are refused by name."""
        with pytest.raises(InvalidDataError) as raised:
            scale_lines("en", points)
        assert raised.value.problems[0].path == "points"


class TestSameAs:
    def test_pulse_and_trend_lines(self):
        """A label with exactly a team's respondents says so, in both languages."""
        remote = SafetyGroup("data", "remote")
        responses = answers("q4", "data", 6, 6, ("remote",))
        results = pulse_results(Q4, responses, [SafetyGroup("data"), remote])
        assert pulse_lines(results, ROSTER, "da")[-1] == (
            "Data & AI, remote: Vises ikke: tilføjer intet til et resultat, der allerede vises"
        )
        assert pulse_lines(results, ROSTER, "en")[-1] == (
            "Data & AI, remote: Not shown: adds nothing to a result already shown"
        )
        trend = safety_trend([Q4], responses, remote, groups=[SafetyGroup("data")])
        assert trend_lines(trend, remote, ROSTER, "da")[-1] == (
            "q4 (2026-11-02 – 2026-11-13): vises ikke, tilføjer intet til et resultat, der "
            "allerede vises"
        )
        assert trend_lines(trend, remote, None, "en")[-1] == (
            "q4 (2026-11-02 – 2026-11-13): not shown, adds nothing to a result already shown"
        )


class TestBadArguments:
    def test_trend_lines(self):
        """Points that are not trend points, and a group that is not a group, are named."""
        with pytest.raises(InvalidDataError) as raised:
            trend_lines(None, EVERYONE)  # type: ignore[arg-type]
        assert [p.path for p in raised.value.problems] == ["points"]
        with pytest.raises(InvalidDataError) as raised:
            trend_lines([], None)  # type: ignore[arg-type]
        assert [p.path for p in raised.value.problems] == ["group"]
        with pytest.raises(InvalidDataError) as raised:
            trend_lines(["x"], "t", "roster", "sv")  # type: ignore[arg-type, list-item]
        assert [p.path for p in raised.value.problems] == ["points[0]", "group", "roster", "locale"]

    def test_group_name(self):
        """Every wrong argument of group_name is named at once."""
        with pytest.raises(InvalidDataError) as raised:
            group_name(None, None, "da")  # type: ignore[arg-type]
        assert [(p.path, p.value) for p in raised.value.problems] == [("group", None)]
        with pytest.raises(InvalidDataError) as raised:
            group_name(None, "roster", None)  # type: ignore[arg-type]
        assert [p.path for p in raised.value.problems] == ["group", "roster", "locale"]

    def test_pulse_lines(self):
        """Results, roster, locale and survey of the wrong type are named at once."""
        with pytest.raises(InvalidDataError) as raised:
            pulse_lines(None, "roster", "sv", survey="q4")  # type: ignore[arg-type]
        assert [p.path for p in raised.value.problems] == [
            "results",
            "roster",
            "locale",
            "survey",
        ]
