"""learnkit.culture after review: one safety release, the calendar's ends, trends as shown.

Each class pins down one finding of the issue-8 review: the report's safety
rows are part of the release the demo shows; a period too near year 1 is
refused by name; an unnamed talk holds one session; a task is dated in its
participant's zone; the trend reads the numbers as they are shown; the
Markdown heading stays one line.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from learnkit.culture import (
    INDICATOR_KEYS,
    CultureReport,
    Direction,
    Indicator,
    Status,
    Target,
    culture_report,
    format_value,
    render_markdown,
    render_text,
    trend,
)
from learnkit.culture._units import shown
from learnkit.examples import EXAMPLE_AS_OF, example_workspace
from learnkit.exceptions import InvalidDataError
from learnkit.incidents import Incident, IncidentKind, Milestones
from learnkit.people import Person, Roster, Team
from learnkit.reflection import CompletedTask, SubjectKind, TaskRef, Visibility
from learnkit.safety import (
    EVERYONE,
    SafetyGroup,
    SafetyResponse,
    SafetySurvey,
    TeamScore,
    counted_responses,
    default_groups,
    latest_pulse,
    pulse_results,
)
from learnkit.sharing import Turn, expand
from learnkit.time import Period
from learnkit.workspace import Workspace
from test_culture_indicators import AS_OF, Q4, fridays, reflection, roster

D = dt.date
UTC = dt.UTC


def _safety_rows(report: CultureReport) -> dict[str | None, float | None]:
    return {item.scope: item.value for item in report.indicators if item.key == "safety.team_score"}


class TestOneSafetyRelease:
    def test_example_report_shows_part_of_the_default_release(self) -> None:
        """On the example organisation, the report's released groups are in the default release."""
        workspace = example_workspace()
        report = culture_report(workspace, as_of=EXAMPLE_AS_OF)
        survey = latest_pulse(workspace.safety_surveys, report.period)
        assert survey is not None
        counted = counted_responses(survey, workspace.safety_responses, as_of=EXAMPLE_AS_OF)
        release = pulse_results(survey, counted, default_groups(counted))
        shown_groups = {
            EVERYONE if scope is None else SafetyGroup(team=scope)
            for scope, value in _safety_rows(report).items()
            if value is not None
        }
        assert shown_groups
        assert shown_groups <= {score.group for score in release.released}

    def test_a_team_only_in_the_responses_is_asked_about(self) -> None:
        """A response team missing from the roster takes part in the release, as in the demo."""
        people = [
            Person(id=f"p{n}", name=f"P{n}", team=team, start_date=D(2020, 1, 1))
            for n, team in enumerate(["a", "c", "d"])
        ]
        teams = [Team(id=team, name=team.upper()) for team in ("a", "c", "d")]
        survey = SafetySurvey(id="s", period=Period(D(2026, 11, 9), D(2026, 11, 20)))

        def answers(team: str, answer: int, count: int) -> list[SafetyResponse]:
            return [
                SafetyResponse(
                    survey="s", team=team, submitted_on=D(2026, 11, 10), answers=(answer,) * 7
                )
                for _ in range(count)
            ]

        given_responses = [
            *answers("a", 4, 5),
            *answers("b", 4, 5),
            *answers("c", 6, 5),
            *answers("d", 1, 3),
        ]
        workspace = Workspace(
            roster=Roster(people=people, teams=teams),
            safety_surveys=(survey,),
            safety_responses=tuple(given_responses),
        )
        rows = _safety_rows(culture_report(workspace, as_of=AS_OF))
        # Everyone (18) and a (5) are released; b (5) is not reported; c would
        # reveal d's three together with everyone, a and b, so it is withheld.
        assert set(rows) == {None, "a", "c", "d"}
        assert rows["a"] is not None
        assert rows[None] is not None
        assert rows["c"] is None
        assert rows["d"] is None
        default = pulse_results(survey, given_responses)
        assert not isinstance(default.result(SafetyGroup(team="c")), TeamScore)

    def test_responses_after_as_of_do_not_count(self) -> None:
        """Answers submitted after the report's day are not yet known."""
        survey = SafetySurvey(id="s", period=Period(D(2026, 11, 9), D(2026, 11, 20)))
        late = tuple(
            SafetyResponse(survey="s", team="drift", submitted_on=D(2027, 1, 5), answers=(7,) * 7)
            for _ in range(5)
        )
        workspace = Workspace(roster=roster(), safety_surveys=(survey,), safety_responses=late)
        report = culture_report(workspace, as_of=AS_OF, period=Q4)
        assert set(_safety_rows(report).values()) == {None}
        assert report.indicator("safety.team_score").records == ("s",)


class TestCalendarEnds:
    EMPTY = Workspace(roster=Roster(people=(), teams=()))

    @pytest.mark.parametrize("as_of", [D(1, 1, 1), D(1, 3, 1), D(1, 6, 1)])
    def test_as_of_too_near_year_one(self, as_of: dt.date) -> None:
        """The default period, or the one before it, would start before year 1: as_of is named."""
        with pytest.raises(InvalidDataError) as raised:
            culture_report(self.EMPTY, as_of=as_of)
        (problem,) = raised.value.problems
        assert (problem.path, problem.value) == ("as_of", as_of)
        assert "too near the start of the calendar" in problem.message

    def test_period_too_near_year_one(self) -> None:
        """A given period whose previous period would start before year 1 is named."""
        period = Period(D(1, 1, 3), D(1, 1, 5))
        with pytest.raises(InvalidDataError) as raised:
            culture_report(self.EMPTY, as_of=D(1, 1, 5), period=period)
        (problem,) = raised.value.problems
        assert (problem.path, problem.value) == ("period", period)

    def test_earliest_period_that_fits(self) -> None:
        """A period whose previous one starts on 1 January of year 1 is fine."""
        report = culture_report(
            self.EMPTY, as_of=D(1, 1, 10), period=Period(D(1, 1, 4), D(1, 1, 6))
        )
        assert report.period.previous().first == D(1, 1, 1)

    def test_last_day_of_the_calendar(self) -> None:
        """At 31 December 9999, deadlines beyond the calendar lie after every period."""
        late = attrs.evolve(
            roster(),
            people=(
                *roster().people,
                Person(id="gry", name="Gry", team="drift", start_date=D(9999, 12, 20)),
            ),
        )
        resolved = dt.datetime(9999, 12, 30, 12, tzinfo=UTC)
        incidents = tuple(
            Incident(
                id=f"i-{severity}",
                kind=IncidentKind.INCIDENT,
                title="Sent",
                summary="",
                severity=severity,
                team="drift",
                reported_at=resolved - dt.timedelta(hours=1),
                milestones=Milestones(resolved=resolved),
            )
            for severity in ("sev1", "sev2")
        )
        workspace = Workspace(roster=late, incidents=incidents)
        report = culture_report(workspace, as_of=dt.date.max)
        assert report.indicator("mentoring.newcomers").value is None
        assert report.indicator("incidents.reviews_on_time").value is None

    def test_a_time_that_leaves_the_calendar_in_a_zone(self) -> None:
        """A moment whose local date falls after year 9999 is refused, naming it."""
        moment = dt.datetime(9999, 12, 31, 23, 30, tzinfo=UTC)
        ref = TaskRef(kind=SubjectKind.TASK, id="T", title="Sidst", completed_at=moment)
        workspace = Workspace(
            roster=roster(), tasks=(CompletedTask(task=ref, participants=("ana",)),)
        )
        with pytest.raises(InvalidDataError) as raised:
            culture_report(workspace, as_of=dt.date.max)
        (problem,) = raised.value.problems
        assert problem.value == moment
        assert "ana" in problem.path

    def test_as_of_of_the_wrong_type(self) -> None:
        """A string is "not a date"; only a datetime is told it is a datetime."""
        for value, message in (
            ("2026-01-01", "must be a date"),
            (dt.datetime(2026, 1, 1), "must be a date (not a datetime)"),
        ):
            with pytest.raises(InvalidDataError) as raised:
                culture_report(self.EMPTY, as_of=value)  # type: ignore[arg-type]
            assert raised.value.problems[0].message == message


class TestUnnamedTurns:
    def test_one_talk_holds_one_session(self) -> None:
        """A turn without a session id on a day with two series marks one session held."""
        other = attrs.evolve(fridays(), id="lyn", name="Lyn", start_time=dt.time(9))
        workspace = Workspace(
            roster=roster(),
            series=(fridays(), other),
            turns=(Turn(person="ana", on=D(2026, 10, 2)),),
        )
        sessions = culture_report(workspace, as_of=AS_OF, period=Q4).indicator("sharing.sessions")
        assert (sessions.numerator, sessions.denominator) == (1, 16)

    @pytest.mark.parametrize(("hour", "first"), [(9, "lyn"), (14, "fredag"), (15, "fredag")])
    def test_the_first_session_of_the_day_is_held(self, hour: int, first: str) -> None:
        """The earlier session takes the talk; at the same time, the smaller series id."""
        other = attrs.evolve(fridays(), id="lyn", name="Lyn", start_time=dt.time(hour))
        day = D(2026, 10, 2)
        period = Period(day, day)
        (chosen,) = expand(fridays() if first == "fredag" else other, period).sessions
        # A named turn for the chosen session: if the unnamed talk went to the
        # other series, two sessions would be held.
        turns = (Turn(person="ana", on=day), Turn(person="ben", on=day, session=chosen.id))
        workspace = Workspace(roster=roster(), series=(other, fridays()), turns=turns)
        sessions = culture_report(workspace, as_of=day, period=period).indicator("sharing.sessions")
        assert (sessions.numerator, sessions.denominator) == (1, 2)


class TestTaskDates:
    LATE = dt.datetime(2026, 9, 30, 22, 30, tzinfo=UTC)  # 1 October, 00:30 in Copenhagen

    def _per_task(self, participants: tuple[str, ...], people: Roster) -> Indicator:
        ref = TaskRef(kind=SubjectKind.TASK, id="T1", title="x", completed_at=self.LATE)
        workspace = Workspace(
            roster=people,
            tasks=(CompletedTask(task=ref, participants=participants),),
            reflections=(reflection("r1", "ana", "T1", D(2026, 10, 1), Visibility.TEAM),),
        )
        return culture_report(workspace, as_of=AS_OF, period=Q4).indicator("reflection.per_task")

    def test_dated_in_the_first_participants_zone(self) -> None:
        """Completed 00:30 on 1 October in Copenhagen: the task is in Q4 with its reflection."""
        item = self._per_task(("ana",), roster())
        assert (item.value, item.previous) == (1.0, None)

    def test_first_participant_on_the_roster_decides(self) -> None:
        """Participants off the roster are skipped; the first one on it (by id) decides."""
        people = attrs.evolve(
            roster(),
            people=tuple(
                attrs.evolve(person, time_zone=ZoneInfo("America/New_York"))
                if person.id == "ben"
                else person
                for person in roster().people
            ),
        )
        item = self._per_task(("aaa-guest", "ben", "cia"), people)
        assert (item.value, item.previous) == (None, 1.0)  # 30 September in New York

    def test_nobody_on_the_roster_means_copenhagen(self) -> None:
        """Without a participant on the roster the task is dated in Europe/Copenhagen."""
        item = self._per_task(("guest",), roster())
        assert item.value == 1.0


class TestTrendAsShown:
    def test_equal_shown_values_are_flat(self) -> None:
        """15.4 % after 14.6 % reads "15 % ► from 15 %", not ▼."""
        assert trend(0.154, 0.146, "leadership.development") is Direction.FLAT
        assert trend(0.154, 0.146) is Direction.UP
        assert trend(5.26, 5.24, "safety.team_score") is Direction.UP
        assert trend(0.1549, 0.1551, "leadership.development") is Direction.DOWN

    @given(
        st.sampled_from(INDICATOR_KEYS),
        st.floats(0.0, 10.0, allow_nan=False),
        st.floats(0.0, 10.0, allow_nan=False),
    )
    def test_arrow_agrees_with_the_shown_numbers(
        self, key: str, value: float, previous: float
    ) -> None:
        """Flat exactly when both are written alike; up exactly when the shown value is larger."""
        direction = trend(value, previous, key)
        written_alike = format_value(key, value, "en") == format_value(key, previous, "en")
        assert (direction is Direction.FLAT) == written_alike
        assert (direction is Direction.UP) == (shown(key, value) > shown(key, previous))
        mirror = {Direction.UP: Direction.DOWN, Direction.DOWN: Direction.UP}
        assert trend(previous, value, key) is mirror.get(direction, Direction.FLAT)  # type: ignore[arg-type]

    def test_an_indicator_keeps_the_shown_trend(self) -> None:
        """An Indicator's trend must be the trend of its shown values."""
        target = Target.band(0.1, 0.2, watch_low=0.05, watch_high=0.3)
        fields = {
            "key": "leadership.development",
            "value": 0.154,
            "target": target,
            "status": Status.GOOD,
            "previous": 0.146,
        }
        assert Indicator(**fields, trend=Direction.FLAT).trend is Direction.FLAT  # type: ignore[arg-type]
        with pytest.raises(InvalidDataError):
            Indicator(**fields, trend=Direction.UP)  # type: ignore[arg-type]


class TestRenderingFixes:
    def test_danish_status_words_read_naturally(self) -> None:
        """Act is "skal handles" in Danish."""
        report = culture_report(Workspace(roster=roster()), as_of=AS_OF, period=Q4)
        text = render_text(report, "da")
        assert "skal handles" in text
        assert " handl " not in text

    def test_markdown_heading_is_one_escaped_line(self) -> None:
        """A name with a line break and a pipe stays one heading line, escaped like a cell."""
        report = CultureReport(as_of=AS_OF, period=Q4, name="Fjord | lys\n# A/S")
        markdown = render_markdown(report, "en")
        assert markdown.splitlines()[0] == "# Learning culture at Fjord \\| lys # A/S"
        assert render_text(report, "en").splitlines()[0] == "Learning culture at Fjord | lys # A/S"
