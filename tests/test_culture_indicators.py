"""learnkit.culture indicators against hand-computed values on a small workspace.

The workspace (``small_workspace``) is built by hand so every expected number
can be worked out on paper; the arithmetic is written next to each assertion.
The report period is Q4 2026 (1 October to 31 December), looked at on
23 November 2026, so only 1 October .. 23 November counts; the previous period
is the 92 days before: 1 July .. 30 September 2026.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import attrs
import pytest

from learnkit.culture import CultureReport, Direction, Status, culture_report
from learnkit.culture._indicators_climate import on_seven_points
from learnkit.goals import GoalStatus, LearningGoal
from learnkit.incidents import (
    ActionItem,
    ActionStatus,
    ActionType,
    FindingKind,
    Incident,
    IncidentKind,
    IncidentReview,
    LanguageOverride,
    Milestones,
    ReviewStatus,
)
from learnkit.leadership import Recognition, RecognitionKind, TimeAllocation
from learnkit.mentoring import Mentorship, MentorshipStatus
from learnkit.people import Person, Roster, Team
from learnkit.reflection import CompletedTask, Reflection, SubjectKind, TaskRef, Visibility
from learnkit.safety import SafetyResponse, SafetySurvey
from learnkit.sharing import FRIDAY_STORY, SessionSeries, Turn, expand
from learnkit.time import Period
from learnkit.workspace import Workspace

D = dt.date
CPH = ZoneInfo("Europe/Copenhagen")
AS_OF = D(2026, 11, 23)
Q4 = Period(D(2026, 10, 1), D(2026, 12, 31))


def noon(day: dt.date) -> dt.datetime:
    """Noon in Copenhagen on ``day``."""
    return dt.datetime.combine(day, dt.time(12), tzinfo=CPH)


def roster() -> Roster:
    """ana, ben (drift), cia, dan (udv), eva (stab); fie starts after the report's day."""
    start = D(2020, 1, 1)
    return Roster(
        people=[
            Person(id="ana", name="Ana", team="drift", start_date=start),
            Person(id="ben", name="Ben", team="drift", start_date=start),
            Person(id="cia", name="Cia", team="udv", start_date=start),
            Person(id="dan", name="Dan", team="udv", start_date=D(2026, 9, 1)),
            Person(id="eva", name="Eva", team="stab", start_date=D(2026, 8, 10)),
            Person(id="fie", name="Fie", team="stab", start_date=D(2026, 12, 1)),
        ],
        teams=[
            Team(id="drift", name="Drift"),
            Team(id="udv", name="Udvikling"),
            Team(id="stab", name="Stab"),
        ],
    )


def task(task_id: str, day: dt.date, *people: str) -> CompletedTask:
    """A task completed at noon on ``day``."""
    ref = TaskRef(
        kind=SubjectKind.TASK, id=task_id, title=f"Opgave {task_id}", completed_at=noon(day)
    )
    return CompletedTask(task=ref, participants=people)


def reflection(
    rid: str, author: str, task_id: str, day: dt.date, visibility: Visibility
) -> Reflection:
    """A reflection about task ``task_id`` written at noon on ``day``."""
    ref = TaskRef(kind=SubjectKind.TASK, id=task_id, title=f"Opgave {task_id}")
    return Reflection(
        id=rid,
        author=author,
        about=ref,
        recorded_at=noon(day),
        learned="Noget",
        visibility=visibility,
    )


def fridays() -> SessionSeries:
    """Friday stories at 14:00 from 1 October 2026."""
    return SessionSeries(
        id="fredag",
        name="Fredagsfortællinger",
        format=FRIDAY_STORY,
        rule="FREQ=WEEKLY;BYDAY=FR",
        start_time=dt.time(14),
        first=D(2026, 10, 1),
        last=D(2026, 12, 31),
    )


def session_id(day: dt.date) -> str:
    """The id of the Friday session held on ``day``."""
    (session,) = expand(fridays(), Period(day, day)).sessions
    return session.id


def goal(gid: str, owner: str, status: GoalStatus, **dates: dt.date | None) -> LearningGoal:
    """A goal with the given status and dates."""
    extra = {"drop_reason": "x"} if status is GoalStatus.DROPPED else {}
    return LearningGoal(id=gid, owner=owner, title=f"Mål {gid}", status=status, **dates, **extra)  # type: ignore[arg-type]


def incident(iid: str, severity: str, resolved: dt.date) -> Incident:
    """An incident resolved at noon on ``resolved``."""
    return Incident(
        id=iid,
        kind=IncidentKind.INCIDENT,
        title=f"Hændelse {iid}",
        summary="",
        severity=severity,
        team="drift",
        reported_at=noon(resolved) - dt.timedelta(hours=2),
        milestones=Milestones(resolved=noon(resolved)),
    )


def action(
    aid: str, status: ActionStatus, due: dt.date | None, done: dt.date | None = None
) -> ActionItem:
    """An action item created 1 October 2026."""
    fields: dict[str, object] = {"created_on": D(2026, 10, 1)}
    if status.is_committed:
        fields.update(owner="ben", due=due, type=ActionType.DETECT)
    if status is ActionStatus.DONE:
        fields["done_on"] = done
    if status is ActionStatus.WONT_DO:
        fields.update(reason="Dækket af en anden handling", due=due)
    return ActionItem(id=aid, title="Tilføj en alarm", status=status, **fields)  # type: ignore[arg-type]


def responses(survey: str, team: str, count: int, answer: int) -> list[SafetyResponse]:
    """``count`` responses whose items all score ``answer`` once reverse-coded (mean ``answer``)."""
    answers = (8 - answer, answer, 8 - answer, answer, 8 - answer, answer, answer)
    return [
        SafetyResponse(survey=survey, team=team, submitted_on=D(2026, 8, 5), answers=answers)
        for _ in range(count)
    ]


def small_workspace() -> Workspace:
    """The hand-built workspace every expected number below is worked out from."""
    return Workspace(
        roster=roster(),
        name="Lille A/S",
        tasks=(
            task("T1", D(2026, 10, 5), "ana", "ben"),
            task("T2", D(2026, 11, 10), "cia"),
            task("T3", D(2026, 11, 30), "cia"),  # after as_of: not yet
            task("P1", D(2026, 9, 15), "ana"),  # previous period
        ),
        reflections=(
            reflection("r1", "ana", "T1", D(2026, 10, 6), Visibility.TEAM),
            reflection("r2", "ben", "T1", D(2026, 10, 7), Visibility.PRIVATE),
            reflection("r3", "cia", "T2", D(2026, 11, 24), Visibility.TEAM),  # after as_of
            reflection("r4", "cia", "T2", D(2026, 11, 11), Visibility.ORGANISATION),
            reflection("r5", "ana", "P1", D(2026, 9, 16), Visibility.PRIVATE),
            reflection("r6", "dan", "P1", D(2026, 10, 2), Visibility.MENTOR),
        ),
        series=(fridays(),),
        turns=(
            Turn(person="ana", on=D(2026, 10, 2), session=session_id(D(2026, 10, 2))),
            Turn(person="cia", on=D(2026, 10, 9), session=session_id(D(2026, 10, 9))),
            Turn(person="ben", on=D(2026, 10, 16)),  # no session id: matched by the day
            Turn(person="ghost", on=D(2026, 10, 23)),  # not in the roster
            Turn(person="cia", on=D(2026, 11, 20), session=session_id(D(2026, 11, 20))),
            Turn(person="ana", on=D(2026, 9, 4)),  # previous period
        ),
        mentorships=(
            Mentorship(
                id="m1",
                mentor="ana",
                mentee="dan",
                status=MentorshipStatus.ACTIVE,
                proposed_on=D(2026, 9, 1),
                started_on=D(2026, 9, 20),
                planned_end=D(2027, 3, 1),
            ),
            Mentorship(
                id="m2",
                mentor="cia",
                mentee="eva",
                status=MentorshipStatus.ACTIVE,
                proposed_on=D(2026, 9, 1),
                started_on=D(2026, 9, 15),
                planned_end=D(2027, 3, 1),
            ),
        ),
        goals=(
            goal(
                "g1",
                "ana",
                GoalStatus.IN_PROGRESS,
                agreed_on=D(2026, 6, 1),
                started_on=D(2026, 6, 15),
                target_date=D(2026, 11, 1),
            ),
            goal(
                "g2",
                "ben",
                GoalStatus.ACHIEVED,
                agreed_on=D(2026, 6, 1),
                started_on=D(2026, 6, 2),
                closed_on=D(2026, 10, 20),
                target_date=D(2026, 12, 1),
            ),
            goal(
                "g3", "cia", GoalStatus.AGREED, agreed_on=D(2026, 10, 10), target_date=D(2027, 3, 1)
            ),
            goal("g4", "dan", GoalStatus.DRAFT),
            goal("g5", "fie", GoalStatus.AGREED, agreed_on=D(2026, 11, 1)),  # fie has not started
            goal(
                "g6",
                "ana",
                GoalStatus.ACHIEVED,
                agreed_on=D(2026, 3, 1),
                started_on=D(2026, 3, 2),
                closed_on=D(2026, 8, 15),
            ),
        ),
        incidents=(
            incident("i1", "sev2", D(2026, 10, 5)),  # due 5 working days later: 12 October
            incident("i2", "sev1", D(2026, 11, 2)),  # due 3 days later: 5 November
            incident("i3", "sev1", D(2026, 11, 22)),  # due 25 November: after as_of
            incident("i4", "sev3", D(2026, 10, 1)),  # no review required
            incident("i5", "sev2", D(2026, 9, 1)),  # due 8 September: previous period
        ),
        incident_reviews=(
            IncidentReview(
                id="rv1",
                incident="i1",
                author="ana",
                status=ReviewStatus.PUBLISHED,
                published_at=noon(D(2026, 10, 9)),
                narrative="Vi skrev først menneskelige fejl, men det var alarmen, der manglede.",
                overrides=(
                    LanguageOverride(
                        field="narrative",
                        phrase="menneskelige fejl",
                        kind=FindingKind.HUMAN_ERROR,
                        justification="Citeret for at vise, hvad vi gik væk fra",
                        by="ben",
                    ),
                ),
                action_items=(
                    action("a1", ActionStatus.OPEN, D(2026, 10, 20)),
                    action("a2", ActionStatus.DONE, D(2026, 10, 30), D(2026, 10, 25)),
                    action("a3", ActionStatus.WONT_DO, D(2026, 10, 15)),
                    action("a4", ActionStatus.PROPOSED, None),
                    action("a5", ActionStatus.DONE, D(2026, 12, 15), D(2026, 11, 1)),
                ),
            ),
            IncidentReview(
                id="rv2",
                incident="i2",
                author="cia",
                status=ReviewStatus.PUBLISHED,
                published_at=noon(D(2026, 11, 10)),
                narrative="Det var menneskelige fejl.",
                action_items=(action("b1", ActionStatus.DONE, D(2026, 11, 15), D(2026, 11, 18)),),
            ),
        ),
        safety_surveys=(
            SafetySurvey(id="sv0", period=Period(D(2026, 8, 3), D(2026, 8, 14))),
            SafetySurvey(id="sv1", period=Period(D(2026, 11, 2), D(2026, 11, 13))),
            SafetySurvey(id="sv2", period=Period(D(2026, 11, 16), D(2026, 11, 27))),  # still open
        ),
        safety_responses=(
            *responses("sv0", "drift", 5, 5),
            *responses("sv0", "udv", 5, 5),
            *responses("sv0", "stab", 5, 5),
            *responses("sv1", "drift", 5, 6),
            *responses("sv1", "udv", 5, 4),
            *responses("sv1", "stab", 2, 7),
            *responses("sv2", "drift", 5, 1),
        ),
        recognitions=(
            Recognition(
                id="k1",
                giver="ben",
                receiver="ana",
                at=noon(D(2026, 10, 5)),
                kind=RecognitionKind.EFFORT,
                message="Flot",
            ),
            Recognition(
                id="k2",
                giver="ana",
                receiver="ben",
                at=noon(D(2026, 10, 6)),
                kind=RecognitionKind.RESULT,
                message="Flot",
            ),
            Recognition(
                id="k3",
                giver="ana",
                receiver="cia",
                at=noon(D(2026, 11, 1)),
                kind=RecognitionKind.CURIOSITY,
                message="Flot",
            ),
            Recognition(
                id="k4",
                giver="ana",
                receiver="dan",
                at=noon(D(2026, 11, 2)),
                kind=RecognitionKind.HELPING,
                message="Flot",
            ),
            Recognition(
                id="k5",
                giver="ana",
                receiver="ghost",
                at=noon(D(2026, 11, 2)),
                kind=RecognitionKind.EFFORT,
                message="Flot",
            ),
            Recognition(
                id="k6",
                giver="ben",
                receiver="ana",
                at=noon(D(2026, 8, 1)),
                kind=RecognitionKind.EXPERIMENT,
                message="Flot",
            ),
        ),
        allocations=(
            TimeAllocation(
                person="ana", week=D(2026, 10, 5), development_hours=4, operations_hours=36
            ),
            TimeAllocation(
                person="ben", week=D(2026, 10, 12), development_hours=8, operations_hours=32
            ),
            TimeAllocation(
                person="cia", week=D(2026, 11, 30), development_hours=10, operations_hours=30
            ),
            TimeAllocation(
                person="ana", week=D(2026, 9, 28), development_hours=2, operations_hours=38
            ),
        ),
    )


@pytest.fixture(name="report", scope="module")
def _report() -> CultureReport:
    return culture_report(small_workspace(), as_of=AS_OF, period=Q4)


class TestReflectionIndicators:
    def test_reflections_per_task(self, report: CultureReport) -> None:
        """Reflections about the tasks completed in the period, per task; and before."""
        item = report.indicator("reflection.per_task")
        # T1 and T2 completed by 23 Nov (T3 is later); r1, r2 about T1 and r4 about T2
        # (r3 is written after as_of): 3 / 2.
        assert (item.numerator, item.denominator, item.value) == (3, 2, 1.5)
        assert item.records == ("r1", "r2", "r4", "task:T1", "task:T2")
        # Previous: P1, with r5 and r6 (written in October, still about P1): 2 / 1.
        assert item.previous == 2.0
        assert item.trend is Direction.DOWN
        assert item.status is Status.GOOD  # 1.5 >= 1.0

    def test_reflections_shared(self, report: CultureReport) -> None:
        """The share of the period's reflections that are not private."""
        item = report.indicator("reflection.shared")
        # Written 1 Oct .. 23 Nov: r1 team, r2 private, r4 organisation, r6 mentor -> 3 of 4.
        assert (item.numerator, item.denominator, item.value) == (3, 4, 0.75)
        assert item.records == ("r1", "r2", "r4", "r6")
        assert item.previous == 0.0  # r5 only, private: 0 / 1
        assert (item.trend, item.status) == (Direction.UP, Status.GOOD)


class TestSharingIndicators:
    def test_presenters_per_head(self, report: CultureReport) -> None:
        """Distinct presenters in the roster per person who had started."""
        item = report.indicator("sharing.presenters")
        # ana, cia, ben presented (ghost is not in the roster); 5 had started by 23 Nov (not fie).
        assert (item.numerator, item.denominator, item.value) == (3, 5, 0.6)
        assert item.records == ("ana", "ben", "cia")
        assert item.previous == 1 / 5  # ana on 4 Sep; ana, ben, cia, dan, eva had started
        assert item.trend is Direction.UP

    def test_teams_represented(self, report: CultureReport) -> None:
        """The share of staffed teams with a presenter."""
        item = report.indicator("sharing.teams")
        # drift (ana, ben) and udv (cia) of drift, udv, stab.
        assert (item.numerator, item.denominator) == (2, 3)
        assert item.records == ("drift", "stab", "udv")
        assert item.previous == 1 / 3  # drift only
        assert item.status is Status.WATCH  # 0.67 is between 0.5 and 0.75

    def test_sessions_held_of_planned(self, report: CultureReport) -> None:
        """Held: a turn naming the session, or a turn without a session on its day."""
        item = report.indicator("sharing.sessions")
        # Fridays 2, 9, 16, 23, 30 Oct, 6, 13, 20 Nov: 8 planned; held 2, 9 (named), 16, 23
        # (by day, even ghost's), 20 Nov (named): 5.
        assert (item.numerator, item.denominator, item.value) == (5, 8, 0.625)
        assert len(item.records) == 8
        # The series starts in October: nothing was planned before, so no previous value.
        assert (item.previous, item.trend) == (None, None)
        assert item.status is Status.ACT  # 0.625 < 0.75


class TestPeopleIndicators:
    def test_newcomers_with_mentor(self, report: CultureReport) -> None:
        """Newcomers whose 30 days ended in the period, with a mentorship started by then."""
        item = report.indicator("mentoring.newcomers")
        # dan started 1 Sep: 30 days end 1 Oct (in Q4); m1 started 20 Sep -> in time.
        # fie's 30 days end 31 Dec, after as_of; eva's ended 9 Sep (previous period).
        assert (item.numerator, item.denominator, item.value) == (1, 1, 1.0)
        assert item.records == ("dan", "m1")
        assert item.previous == 0.0  # eva: m2 started 15 Sep, after her 9 Sep
        assert item.trend is Direction.UP

    def test_newcomer_days_is_a_setting(self) -> None:
        """With 20 days dan's window ends 21 Sep (previous period) and eva's 30 Aug."""
        item = culture_report(
            small_workspace(), as_of=AS_OF, period=Q4, newcomer_days=20
        ).indicator("mentoring.newcomers")
        assert (item.value, item.previous) == (None, 0.5)  # previous: dan in time, eva not

    def test_active_goals(self, report: CultureReport) -> None:
        """People with a goal active on 23 Nov, of those who had started."""
        item = report.indicator("goals.active")
        # g1 (ana) and g3 (cia) are active; g2 closed 20 Oct, g4 a draft, g5's owner not started.
        assert (item.numerator, item.denominator, item.value) == (2, 5, 0.4)
        assert item.records == ("g1", "g3")
        # On 30 Sep: g1 (ana) and g2 (ben) -> 2 of 5: flat.
        assert (item.previous, item.trend) == (0.4, Direction.FLAT)
        assert item.status is Status.ACT  # 0.4 < 0.6

    def test_goals_achieved(self, report: CultureReport) -> None:
        """Goals closed as achieved in the period, per person."""
        item = report.indicator("goals.achieved")
        assert (item.numerator, item.denominator, item.value) == (1, 5, 0.2)  # g2
        assert item.records == ("g2",)
        assert item.previous == 0.2  # g6 on 15 Aug; 5 people had started by 30 Sep

    def test_goals_overdue(self, report: CultureReport) -> None:
        """Active goals past their target date on the last counted day."""
        item = report.indicator("goals.overdue")
        # g1 (target 1 Nov) of g1, g3.
        assert (item.numerator, item.denominator, item.value) == (1, 2, 0.5)
        assert item.records == ("g1", "g3")
        assert item.previous == 0.0  # on 30 Sep g1 and g2 were not yet due
        assert (item.trend, item.status) == (Direction.UP, Status.ACT)  # lower is better


class TestIncidentIndicators:
    def test_reviews_on_time(self, report: CultureReport) -> None:
        """Incidents whose review deadline fell in the period, reviewed by then."""
        item = report.indicator("incidents.reviews_on_time")
        # i1 due 12 Oct, published 9 Oct (on time); i2 due 5 Nov, published 10 Nov (late).
        assert (item.numerator, item.denominator, item.value) == (1, 2, 0.5)
        assert item.records == ("i1", "i2")
        assert item.previous == 0.0  # i5, due 8 Sep, never reviewed

    def test_language_findings_per_review(self, report: CultureReport) -> None:
        """Blaming-language findings per review published, overridden ones left out."""
        item = report.indicator("incidents.language")
        # rv1: "menneskelige fejl" is overridden -> 0; rv2: "menneskelige fejl" -> 1. 1 / 2.
        assert (item.numerator, item.denominator, item.value) == (1, 2, 0.5)
        assert item.records == ("rv1", "rv2")
        assert (item.previous, item.status) == (None, Status.GOOD)  # 0.5 <= 0.5

    def test_action_items_on_time(self, report: CultureReport) -> None:
        """Committed items due in the period, done by their due date."""
        item = report.indicator("incidents.actions_on_time")
        # a1 open (due 20 Oct), a2 done 25 Oct (due 30 Oct), b1 done 18 Nov (due 15 Nov);
        # a3 won't do, a4 proposed, a5 due in December: not counted. 1 of 3.
        assert (item.numerator, item.denominator) == (1, 3)
        assert item.records == ("rv1/a1", "rv1/a2", "rv2/b1")


class TestIncidentEdges:
    def test_skipped_reviews_and_unknown_levels_do_not_count(self) -> None:
        """A skipped review is no publication; an incident at an unknown level is left out."""
        workspace = small_workspace()
        skipped = IncidentReview(
            id="rv0",
            incident="i5",
            author="ana",
            status=ReviewStatus.SKIPPED,
            reason="Ikke nødvendig",
        )
        workspace = attrs.evolve(
            workspace,
            incidents=(*workspace.incidents, incident("i9", "sev9", D(2026, 10, 5))),
            incident_reviews=(*workspace.incident_reviews, skipped),
        )
        report = culture_report(workspace, as_of=AS_OF, period=Q4)
        assert report.indicator("incidents.reviews_on_time").records == ("i1", "i2")
        assert (
            report.indicator("incidents.reviews_on_time").previous == 0.0
        )  # i5 still not reviewed
        assert report.indicator("incidents.language").records == ("rv1", "rv2")


class TestSafetyIndicators:
    def test_a_pulse_with_too_few_answers_withholds_everyone(self) -> None:
        """With 4 answers in all, nothing is released: every safety indicator has no value."""
        workspace = attrs.evolve(
            small_workspace(),
            safety_responses=tuple(responses("sv1", "drift", 4, 6)),
        )
        report = culture_report(workspace, as_of=AS_OF, period=Q4)
        safety = [item for item in report.indicators if item.key == "safety.team_score"]
        assert {(item.value, item.records) for item in safety} == {(None, ("sv1",))}
        assert {item.previous for item in safety} == {None}  # sv0 now has no answers

    def test_responses_with_unanswered_items_are_left_out(self) -> None:
        """A response with an unanswered item does not count (and does not stop the report)."""
        workspace = small_workspace()
        blank = SafetyResponse(
            survey="sv1",
            team="drift",
            submitted_on=D(2026, 11, 3),
            answers=(None, 6, 2, 6, 2, 6, 6),
        )
        report = culture_report(
            attrs.evolve(workspace, safety_responses=(*workspace.safety_responses, blank)),
            as_of=AS_OF,
            period=Q4,
        )
        assert report == culture_report(workspace, as_of=AS_OF, period=Q4)

    def test_team_scores_from_the_latest_closed_pulse(self, report: CultureReport) -> None:
        """sv1 (closed 13 Nov) counts, not sv2 (closes 27 Nov); scores per team and trend vs sv0."""
        drift = report.indicator("safety.team_score", "drift")
        assert (drift.value, drift.previous, drift.trend, drift.status) == (
            6.0,
            5.0,
            Direction.UP,
            Status.GOOD,
        )
        assert drift.records == ("sv1",)

    def test_everyone_is_released(self, report: CultureReport) -> None:
        """Everyone: 12 respondents, (5 x 6 + 5 x 4 + 2 x 7) / 12 = 64 / 12."""
        everyone = report.indicator("safety.team_score")
        assert everyone.value == pytest.approx(64 / 12)
        assert (everyone.status, everyone.trend) == (Status.WATCH, Direction.UP)
        assert everyone.previous == 5.0  # sv0: every team 5 respondents at 5.0

    def test_a_small_team_is_withheld(self, report: CultureReport) -> None:
        """stab had 2 respondents (< 5): no value, only the survey id as its record."""
        stab = report.indicator("safety.team_score", "stab")
        assert (stab.value, stab.status, stab.records) == (None, Status.NO_DATA, ("sv1",))
        assert stab.numerator is None
        assert stab.denominator is None
        assert stab.previous == 5.0

    def test_a_team_that_would_reveal_the_small_one_is_withheld(
        self, report: CultureReport
    ) -> None:
        """Everyone (12) minus drift (5) and udv (5) would be stab's 2, so udv is withheld."""
        udv = report.indicator("safety.team_score", "udv")
        assert (udv.value, udv.status, udv.records) == (None, Status.NO_DATA, ("sv1",))
        assert (udv.previous, udv.trend) == (5.0, None)

    def test_scores_are_put_on_seven_points(self) -> None:
        """A 5-point score of 3 (the middle) is 4 of 7; the ends stay the ends."""
        assert on_seven_points(3, 5) == 4.0
        assert (on_seven_points(1, 5), on_seven_points(5, 5)) == (1.0, 7.0)

    def test_every_roster_team_has_one_safety_indicator(self, report: CultureReport) -> None:
        """One per team (by id) and one for everyone, in that order."""
        scopes = [item.scope for item in report.indicators if item.key == "safety.team_score"]
        assert scopes == [None, "drift", "stab", "udv"]


class TestLeadershipIndicators:
    def test_recognition_mix(self, report: CultureReport) -> None:
        """Effort, curiosity and experiments as a share of the recognitions of roster people."""
        item = report.indicator("leadership.recognition")
        # k1 effort, k2 result, k3 curiosity, k4 helping (k5's receiver is not in the
        # roster): 2 / 4.
        assert (item.numerator, item.denominator, item.value) == (2, 4, 0.5)
        assert item.records == ("k1", "k2", "k3", "k4")
        assert (item.previous, item.trend) == (1.0, Direction.DOWN)  # k6, an experiment

    def test_development_share_against_the_band(self, report: CultureReport) -> None:
        """Development hours over all hours in the weeks whose Monday is counted."""
        item = report.indicator("leadership.development")
        # ana 5 Oct 4 + 36, ben 12 Oct 8 + 32 (cia's 30 Nov is after as_of): 12 / 80.
        assert item.value == pytest.approx(0.15)
        assert (item.numerator, item.denominator) == (None, None)
        assert item.records == ("ana/2026-10-05", "ben/2026-10-12")
        assert item.status is Status.GOOD  # inside 10-20 %
        # Previous: ana 28 Sep, 2 of 40 = 5 %: the lower end of the watch band.
        assert item.previous == pytest.approx(0.05)
        assert item.target.status(item.previous) is Status.WATCH


class TestReportShape:
    def test_every_key_is_reported_in_order(self, report: CultureReport) -> None:
        """The report lists every indicator key once (safety once per scope), in report order."""
        from learnkit.culture import INDICATOR_KEYS

        keys = list(dict.fromkeys(item.key for item in report.indicators))
        assert keys == list(INDICATOR_KEYS)
        assert report.name == "Lille A/S"

    def test_the_default_period_is_91_days(self) -> None:
        """Without a period the report covers the 91 days ending on as_of."""
        report = culture_report(small_workspace(), as_of=AS_OF)
        assert report.period == Period(D(2026, 8, 25), AS_OF)

    def test_an_empty_workspace_has_no_data(self) -> None:
        """With only a roster, what is counted per person or newcomer is 0; all else has no data."""
        report = culture_report(Workspace(roster=roster()), as_of=AS_OF)
        # 26 Aug .. 23 Nov: dan's and eva's 30 days end in it, and nobody had a mentor.
        zero = {"sharing.presenters", "sharing.teams", "goals.active", "goals.achieved"}
        looked_at = {
            "sharing.teams": ("drift", "stab", "udv"),
            "mentoring.newcomers": ("dan", "eva"),
        }
        for item in report.indicators:
            expected = (
                (0.0, Status.ACT) if item.key in zero | set(looked_at) else (None, Status.NO_DATA)
            )
            assert (item.value, item.status) == expected, item.key
            assert item.records == looked_at.get(item.key, ())
