"""learnkit.nudges: each reason on a small hand-built workspace, with exact nudges in da and en."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import attrs

from learnkit.goals import DevelopmentReview, GoalStatus, LearningGoal, ProgressNote
from learnkit.incidents import ActionItem, ActionStatus, ActionType, IncidentReview, ReviewStatus
from learnkit.leadership import TimeAllocation
from learnkit.mentoring import CheckIn, Mentorship, MentorshipStatus
from learnkit.nudges import Nudge, NudgeReason, due
from learnkit.nudges._group import digest
from learnkit.people import Person, Roster, Team
from learnkit.reflection import CompletedTask, Reflection, SubjectKind, TaskRef, TeamMeeting
from learnkit.sharing import (
    FRIDAY_STORY,
    Assignment,
    ChoiceBasis,
    Plan,
    PresenterChoice,
    SessionFormat,
    SessionSeries,
    Topic,
    expand,
)
from learnkit.time import Calendar, Period
from learnkit.workspace import Workspace

D = dt.date
CPH = ZoneInfo("Europe/Copenhagen")
NOW = dt.datetime(2026, 11, 25, 9, 15, tzinfo=CPH)  # a Wednesday
MONDAY = D(2026, 11, 23)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """``hour:minute`` in Copenhagen on ``day``."""
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=CPH)


def roster() -> Roster:
    """Team drift (Ana, who mentors Bo) and team udvikling (Cy, led by Dea)."""
    start = D(2020, 1, 1)
    return Roster(
        people=[
            Person(id="ana", name="Ana", team="drift", start_date=start),
            Person(id="bo", name="Bo", team="drift", start_date=D(2026, 10, 1), manager="ana"),
            Person(id="cy", name="Cy", team="udv", start_date=start, manager="dea"),
            Person(id="dea", name="Dea", team="udv", start_date=start),
        ],
        teams=[Team(id="drift", name="Drift"), Team(id="udv", name="Udvikling")],
    )


TASK = TaskRef(kind=SubjectKind.TASK, id="T1", title="Release 4.2", completed_at=at(MONDAY, 10))


def tasks() -> list[CompletedTask]:
    """Release 4.2, completed Monday 10:00 by Ana and Bo."""
    return [CompletedTask(task=TASK, participants=("ana", "bo"))]


def reflection(author: str, about: TaskRef = TASK, id: str = "") -> Reflection:
    """``author``'s reflection on ``about``, written Monday noon."""
    return Reflection(
        id=id or f"refl-{author}-{about.id}",
        author=author,
        about=about,
        recorded_at=at(MONDAY, 12),
        learned="Noget nyt",
    )


def mentorship() -> Mentorship:
    """Ana mentors Bo since Wednesday 28 October: check-ins 11 and 25 November."""
    return Mentorship(
        id="m1",
        mentor="ana",
        mentee="bo",
        status=MentorshipStatus.ACTIVE,
        proposed_on=D(2026, 10, 20),
        started_on=D(2026, 10, 28),
        planned_end=D(2027, 4, 28),
    )


def goal(notes: tuple[ProgressNote, ...] = ()) -> LearningGoal:
    """Cy's goal from the review with Dea on 20 August, in progress."""
    return LearningGoal(
        id="g1",
        owner="cy",
        title="Holde oplæg for afdelingen",
        status=GoalStatus.IN_PROGRESS,
        agreed_on=D(2026, 8, 20),
        started_on=D(2026, 8, 21),
        review="r1",
        notes=notes,
    )


def review() -> DevelopmentReview:
    """Cy's MUS with Dea on 20 August: follow-ups every three months (20 November)."""
    return DevelopmentReview(
        id="r1", employee="cy", leader="dea", held_on=D(2026, 8, 20), goals=("g1",)
    )


def action_item(status: ActionStatus = ActionStatus.OPEN) -> ActionItem:
    """Dea's action item, due Friday 20 November."""
    return ActionItem(
        id="a1",
        title="Tilføj en alarm på kø-længden",
        status=status,
        created_on=D(2026, 11, 2),
        type=ActionType.DETECT,
        owner="dea",
        due=D(2026, 11, 20),
        done_on=D(2026, 11, 24) if status is ActionStatus.DONE else None,
    )


def incident_review(item: ActionItem) -> IncidentReview:
    """A draft review holding ``item``."""
    return IncidentReview(
        id="ir1", incident="i1", author="cy", status=ReviewStatus.DRAFT, action_items=(item,)
    )


def friday_series() -> SessionSeries:
    """Friday stories at 14:00 from 6 November to the end of the year."""
    return SessionSeries(
        id="fredag",
        name="Fredagsfortællinger",
        format=FRIDAY_STORY,
        rule="FREQ=WEEKLY;BYDAY=FR",
        start_time=dt.time(14),
        first=D(2026, 11, 6),
        last=D(2026, 12, 31),
    )


def friday_plan(presenter: str = "cy") -> Plan:
    """``presenter`` tells the Friday story of 27 November (open topic)."""
    series = friday_series()
    session = next(s for s in expand(series).sessions if s.held_on == D(2026, 11, 27))
    choice = PresenterChoice(
        person=presenter,
        team="udv",
        turns_before=0,
        last_presented=None,
        same_team_as_previous=False,
        basis=ChoiceBasis.FEWEST,
    )
    assignment = Assignment(
        session=session, presenters=(choice,), topic=None, candidates=4, fewest_turns=0
    )
    return Plan(
        series="fredag",
        period=Period(D(2026, 11, 27), D(2026, 11, 27)),
        seed=1,
        assignments=(assignment,),
    )


def team_meeting() -> TeamMeeting:
    """Drift meets every Wednesday at 09:30 from 4 November."""
    series = SessionSeries(
        id="drift-moede",
        name="Driftsmøde",
        format=SessionFormat(id="team_meeting", minutes=45, name="Teammøde"),
        rule="FREQ=WEEKLY;BYDAY=WE",
        start_time=dt.time(9, 30),
        first=D(2026, 11, 4),
        last=D(2027, 6, 30),
    )
    return TeamMeeting(team="drift", series=series)


LAST_DEVELOPMENT = D(2026, 10, 19)


def allocations(last_development: dt.date = LAST_DEVELOPMENT) -> list[TimeAllocation]:
    """Cy's weeks from 19 October: development only in the week of ``last_development``."""
    weeks = [D(2026, 10, 19) + dt.timedelta(weeks=k) for k in range(5)]
    return [
        TimeAllocation(
            person="cy",
            week=week,
            development_hours=4.0 if week == last_development else 0.0,
            operations_hours=33.0,
        )
        for week in weeks
    ]


def world(**changes: Any) -> Workspace:
    """The small workspace: one nudge of every reason is due at :data:`NOW`."""
    workspace = Workspace(
        roster=roster(),
        name="Lille A/S",
        tasks=tuple(tasks()),
        reflections=(reflection("ana"),),
        mentorships=(mentorship(),),
        check_ins=(CheckIn(mentorship="m1", held_on=D(2026, 11, 11)),),
        development_reviews=(review(),),
        goals=(goal(),),
        allocations=tuple(allocations()),
        incident_reviews=(incident_review(action_item()),),
        series=(friday_series(),),
        plans=(friday_plan(),),
        team_meetings=(team_meeting(),),
    )
    return attrs.evolve(workspace, **changes)


def by_reason(nudges: tuple[Nudge, ...], reason: NudgeReason) -> list[Nudge]:
    """The nudges of one reason."""
    return [nudge for nudge in nudges if nudge.reason is reason]


EXPECTED_IDS = [
    "goal_follow_up_due:cy:07c9187a3434",
    "goal_follow_up_due:dea:bb8ae42d3d86",
    "no_development_time:cy:784c61ea0f07",
    "action_item_overdue:dea:e690b73ae44f",
    "reflection_due:bo:4b8fb3ca793c",
    "meeting_opener:drift:eb619fe27e1b",
    "check_in_due:ana:2836cf8e6b5d",
    "check_in_due:bo:8e69589a529e",
    "presenter_reminder:cy:2016b24197d0",
]
"""The ids at NOW: fixed strings, so they are the same on every machine and run."""

EXPECTED_OCCASIONS = [
    "goal_follow_up_due:r1:2026-11-20:cy",
    "goal_follow_up_due:r1:2026-11-20:dea",
    "no_development_time:cy:2026-10-26",
    "action_item_overdue:dea:2026-11-23",
    "reflection_due:reflection-due:task:T1:bo",
    "meeting_opener:drift-moede:2026-11-25:drift",
    "check_in_due:m1:2026-11-25:ana",
    "check_in_due:m1:2026-11-25:bo",
    "presenter_reminder:fredag:2026-11-27:cy",
]
"""The one occasion behind each of EXPECTED_IDS, in the same order."""


class TestTheWholeWorld:
    def test_every_reason_once_in_order(self) -> None:
        """At NOW the small workspace gives these nine nudges, sorted by due, recipient, id."""
        nudges = due(world(), NOW)
        assert [n.id for n in nudges] == EXPECTED_IDS
        assert [n.id for n in nudges] == [
            f"{n.reason.value}:{n.recipient}:{digest([occasion])}"
            for n, occasion in zip(nudges, EXPECTED_OCCASIONS, strict=True)
        ]
        assert [n.occasions for n in nudges] == [(o,) for o in EXPECTED_OCCASIONS]
        assert [n.due for n in nudges] == [
            at(D(2026, 11, 20), 9),
            at(D(2026, 11, 20), 9),
            at(MONDAY, 9),
            at(MONDAY, 9),
            at(MONDAY, 10),
            at(NOW.date(), 8, 30),
            at(NOW.date(), 9),
            at(NOW.date(), 9),
            at(NOW.date(), 9),
        ]

    def test_default_locale_is_danish(self) -> None:
        """Without a locale the texts are Danish."""
        assert due(world(), NOW) == due(world(), NOW, "da")

    def test_locales_change_texts_not_ids(self) -> None:
        """Danish and English nudges differ only in their texts (and rendered parameters)."""
        da, en = due(world(), NOW, "da"), due(world(), NOW, "en")
        assert [(n.id, n.recipient, n.due, n.key, n.subjects) for n in da] == [
            (n.id, n.recipient, n.due, n.key, n.subjects) for n in en
        ]
        assert all(a.text != b.text for a, b in zip(da, en, strict=True))


class TestReflectionDue:
    def test_the_one_who_has_not_written(self) -> None:
        """Bo owes a reflection on the release; Ana has written hers."""
        (da,) = by_reason(due(world(), NOW, "da"), NudgeReason.REFLECTION_DUE)
        (en,) = by_reason(due(world(), NOW, "en"), NudgeReason.REFLECTION_DUE)
        assert (da.recipient, da.subjects, da.to_team) == ("bo", ("task:T1",), False)
        assert da.due == TASK.completed_at
        assert da.key == "nudges.reflection_due.due.one"
        assert da.text == (
            "Hej Bo! Har du fem minutter til at reflektere over »Release 4.2« (opgave) inden "
            "onsdag d. 25.11.? Hvad gik godt, hvad kan gøres bedre, og hvad lærte du?"
        )
        assert en.text == (
            "Hi Bo! Have you got five minutes to reflect on “Release 4.2” (task) before "
            "Wednesday 25/11? What went well, what could be better, and what did you learn?"
        )
        assert dict(en.params) == {
            "deadline": "Wednesday 25/11",
            "kind": "task",
            "name": "Bo",
            "title": "Release 4.2",
        }

    def test_gone_once_written(self) -> None:
        """Bo's reflection settles it."""
        workspace = world(reflections=(reflection("ana"), reflection("bo")))
        assert not by_reason(due(workspace, NOW), NudgeReason.REFLECTION_DUE)

    def test_not_before_the_work_is_done(self) -> None:
        """Before the task was completed nobody owes anything."""
        assert not by_reason(due(world(), at(MONDAY, 9)), NudgeReason.REFLECTION_DUE)


class TestCheckInDue:
    def test_to_mentor_and_mentee(self) -> None:
        """The check-in of 25 November is due for both, at nine."""
        da = by_reason(due(world(), NOW, "da"), NudgeReason.CHECK_IN_DUE)
        en = by_reason(due(world(), NOW, "en"), NudgeReason.CHECK_IN_DUE)
        assert [(n.recipient, n.subjects, n.key) for n in da] == [
            ("ana", ("m1",), "nudges.check_in_due.mentor.one"),
            ("bo", ("m1",), "nudges.check_in_due.mentee.one"),
        ]
        assert [n.text for n in da] == [
            "Hej Ana! Det er tid til en snak med Bo: jeres check-in var planlagt til "
            "onsdag d. 25.11., og det behøver ikke tage lang tid.",
            "Hej Bo! Det er tid til en snak med din mentor, Ana: jeres check-in var planlagt "
            "til onsdag d. 25.11., og du er velkommen til selv at foreslå et tidspunkt.",
        ]
        assert [n.text for n in en] == [
            "Hi Ana! It’s time for a chat with Bo: your check-in was planned for "
            "Wednesday 25/11, and a short one is plenty.",
            "Hi Bo! It’s time for a chat with your mentor, Ana: your check-in was planned for "
            "Wednesday 25/11, and you’re welcome to suggest a time yourself.",
        ]

    def test_not_before_nine(self) -> None:
        """At 08:00 the check-in of the day is not due yet, and the earlier one was held."""
        assert not by_reason(due(world(), at(NOW.date(), 8)), NudgeReason.CHECK_IN_DUE)

    def test_latest_of_several_missed(self) -> None:
        """Missing both check-ins gives one nudge each, about the latest."""
        nudges = by_reason(due(world(check_ins=()), NOW), NudgeReason.CHECK_IN_DUE)
        assert [n.id for n in nudges] == EXPECTED_IDS[6:8]

    def test_gone_once_held(self) -> None:
        """A check-in held today settles it."""
        held = (
            CheckIn(mentorship="m1", held_on=D(2026, 11, 11)),
            CheckIn(mentorship="m1", held_on=NOW.date()),
        )
        assert not by_reason(due(world(check_ins=held), NOW), NudgeReason.CHECK_IN_DUE)

    def test_gone_once_ended(self) -> None:
        """A cancelled mentorship has no check-ins due."""
        cancelled = attrs.evolve(
            mentorship(),
            status=MentorshipStatus.CANCELLED,
            cancelled_on=D(2026, 11, 20),
            cancel_reason="Bo har skiftet team",
        )
        assert not by_reason(due(world(mentorships=(cancelled,)), NOW), NudgeReason.CHECK_IN_DUE)


class TestGoalFollowUpDue:
    def test_to_employee_and_leader(self) -> None:
        """The follow-up of 20 November goes to Cy and to Dea."""
        da = by_reason(due(world(), NOW, "da"), NudgeReason.GOAL_FOLLOW_UP_DUE)
        en = by_reason(due(world(), NOW, "en"), NudgeReason.GOAL_FOLLOW_UP_DUE)
        assert [(n.recipient, n.subjects, n.key) for n in da] == [
            ("cy", ("r1",), "nudges.goal_follow_up_due.employee.one"),
            ("dea", ("r1",), "nudges.goal_follow_up_due.leader.one"),
        ]
        assert [n.text for n in da] == [
            "Hej Cy! Det er tid til at følge op på de læringsmål, du aftalte med Dea til MUS. "
            "Skriv gerne et par ord om, hvordan det går – også hvis planerne har ændret sig.",
            "Hej Dea! Det er tid til at følge op på læringsmålene fra MUS med Cy. En kort snak "
            "om, hvad der er lært, og hvad der kunne hjælpe, er nok.",
        ]
        assert [n.text for n in en] == [
            "Hi Cy! It’s time to follow up on the learning goals you agreed with Dea in your "
            "development review. A few words on how it’s going are welcome, also if plans "
            "have changed.",
            "Hi Dea! It’s time to follow up on the learning goals from the development review "
            "with Cy. A short chat about what has been learned and what would help is enough.",
        ]

    def test_gone_once_noted(self) -> None:
        """A progress note settles the follow-up."""
        note = ProgressNote(on=D(2026, 11, 24), text="Første oplæg holdt", author="cy")
        workspace = world(goals=(goal((note,)),))
        assert not by_reason(due(workspace, NOW), NudgeReason.GOAL_FOLLOW_UP_DUE)


class TestActionItemOverdue:
    def test_to_the_owner(self) -> None:
        """Dea's item, due Friday, is reminded about on Monday."""
        (da,) = by_reason(due(world(), NOW, "da"), NudgeReason.ACTION_ITEM_OVERDUE)
        (en,) = by_reason(due(world(), NOW, "en"), NudgeReason.ACTION_ITEM_OVERDUE)
        assert (da.recipient, da.subjects, da.due) == ("dea", ("ir1/a1",), at(MONDAY, 9))
        assert da.text == (
            "Hej Dea! Handlingspunktet »Tilføj en alarm på kø-længden« var planlagt til "
            "fredag d. 20.11. – hvordan går det? Hvis planen har ændret sig, kan du sætte en "
            "ny dato eller bede om hjælp."
        )
        assert en.text == (
            "Hi Dea! The action item “Tilføj en alarm på kø-længden” was planned for "
            "Friday 20/11 – how is it going? If plans have changed, you can set a new date "
            "or ask for help."
        )

    def test_reminded_again_every_third_working_day(self) -> None:
        """On Thursday the second round comes, a new occasion under a new id."""
        (nudge,) = by_reason(due(world(), at(D(2026, 11, 26), 9)), NudgeReason.ACTION_ITEM_OVERDUE)
        assert nudge.occasions == ("action_item_overdue:dea:2026-11-26",)
        assert nudge.id == "action_item_overdue:dea:" + digest(nudge.occasions)
        assert nudge.id != EXPECTED_IDS[3]

    def test_not_before_the_first_working_day_after(self) -> None:
        """On the due day itself nothing is overdue."""
        assert not by_reason(due(world(), at(D(2026, 11, 20), 17)), NudgeReason.ACTION_ITEM_OVERDUE)

    def test_gone_once_done(self) -> None:
        """A done item is not nudged about."""
        workspace = world(incident_reviews=(incident_review(action_item(ActionStatus.DONE)),))
        assert not by_reason(due(workspace, NOW), NudgeReason.ACTION_ITEM_OVERDUE)


class TestPresenterReminder:
    def test_two_working_days_before(self) -> None:
        """Cy tells the Friday story of 27 November; the reminder is due Wednesday at nine."""
        (da,) = by_reason(due(world(), NOW, "da"), NudgeReason.PRESENTER_REMINDER)
        (en,) = by_reason(due(world(), NOW, "en"), NudgeReason.PRESENTER_REMINDER)
        assert (da.recipient, da.subjects, da.due) == (
            "cy",
            ("fredag:2026-11-27",),
            at(NOW.date(), 9),
        )
        assert da.text == (
            "Hej Cy! Det er din tur til at holde oplæg ved Fredagsfortællinger fredag d. 27.11. "
            "kl. 14:00. Emnet vælger du selv – vi glæder os!"
        )
        assert en.text == (
            "Hi Cy! It’s your turn to present at Fredagsfortællinger on Friday 27/11 at 14:00. "
            "The topic is yours to choose – we’re looking forward to it!"
        )

    def test_not_before_the_reminder_day(self) -> None:
        """On Tuesday nothing is said yet."""
        assert not by_reason(due(world(), at(D(2026, 11, 24), 16)), NudgeReason.PRESENTER_REMINDER)

    def test_until_the_session_starts(self) -> None:
        """Shown on Friday at 13:59, gone at 14:00."""
        before = due(world(), at(D(2026, 11, 27), 13, 59))
        assert [n.id for n in by_reason(before, NudgeReason.PRESENTER_REMINDER)] == [
            EXPECTED_IDS[-1]
        ]
        assert not by_reason(due(world(), at(D(2026, 11, 27), 14)), NudgeReason.PRESENTER_REMINDER)

    def test_a_re_plan_replaces_the_presenter(self) -> None:
        """A later plan of the same session that names Dea reminds Dea, not Cy."""
        later = attrs.evolve(friday_plan("dea"), period=Period(D(2026, 11, 27), D(2026, 12, 31)))
        nudges = by_reason(
            due(world(plans=(friday_plan(), later)), NOW), NudgeReason.PRESENTER_REMINDER
        )
        assert [n.recipient for n in nudges] == ["dea"]


class TestMeetingOpener:
    def test_to_the_team_before_the_meeting(self) -> None:
        """From 08:30 the team gets the question to open its 09:30 meeting with."""
        (da,) = by_reason(due(world(), NOW, "da"), NudgeReason.MEETING_OPENER)
        (en,) = by_reason(due(world(), NOW, "en"), NudgeReason.MEETING_OPENER)
        assert (da.recipient, da.to_team, da.subjects) == (
            "drift",
            True,
            ("drift-moede:2026-11-25",),
        )
        assert da.text.startswith(
            "Hej Drift! Driftsmøde begynder kl. 09:30. Et spørgsmål at åbne med: »"
        )
        assert en.text.startswith(
            "Hi Drift! Driftsmøde starts at 09:30. A question to open with: “"
        )
        assert dict(da.params)["question"] in da.text

    def test_window(self) -> None:
        """Not at 08:29, and gone once the meeting starts at 09:30."""
        for moment in (at(NOW.date(), 8, 29), at(NOW.date(), 9, 30)):
            assert not by_reason(due(world(), moment), NudgeReason.MEETING_OPENER)
        assert by_reason(due(world(), at(NOW.date(), 8, 30)), NudgeReason.MEETING_OPENER)

    def test_same_meeting_same_question(self) -> None:
        """The question of a meeting does not depend on when in the window it is asked."""
        first = by_reason(due(world(), at(NOW.date(), 8, 30)), NudgeReason.MEETING_OPENER)
        last = by_reason(due(world(), at(NOW.date(), 9, 29)), NudgeReason.MEETING_OPENER)
        assert first == last

    def test_consecutive_meetings_never_repeat(self) -> None:
        """Twenty Wednesdays in a row, no question twice in four meetings (seven in the deck)."""
        questions = []
        day = D(2026, 11, 4)
        for _ in range(20):
            (nudge,) = by_reason(due(world(), at(day, 9)), NudgeReason.MEETING_OPENER)
            questions.append(dict(nudge.params)["question"])
            day += dt.timedelta(weeks=1)
        for index in range(len(questions) - 3):
            assert len(set(questions[index : index + 4])) == 4


class TestNoDevelopmentTime:
    def test_gently_to_the_person(self) -> None:
        """Cy last had development time in the week of 19 October: four weeks without by now."""
        (da,) = by_reason(due(world(), NOW, "da"), NudgeReason.NO_DEVELOPMENT_TIME)
        (en,) = by_reason(due(world(), NOW, "en"), NudgeReason.NO_DEVELOPMENT_TIME)
        assert (da.recipient, da.subjects, da.due) == ("cy", ("cy",), at(MONDAY, 9))
        assert da.key == "nudges.no_development_time.other"
        assert da.text == (
            "Hej Cy. Der har vist ikke været tid til udvikling de seneste 4 uger. Det sker – "
            "måske bliver der plads til lidt i denne uge? Tag endelig en snak med din leder, "
            "hvis driften fylder for meget."
        )
        assert en.text == (
            "Hi Cy. It looks like there hasn’t been time for development in the last 4 weeks. "
            "That happens. Maybe there’s room for a little this week? Do talk to your leader "
            "if operations take up too much."
        )

    def test_once_per_streak(self) -> None:
        """A week later the streak goes on under the same id."""
        longer = [
            *allocations(),
            TimeAllocation(person="cy", week=MONDAY, development_hours=0.0, operations_hours=30.0),
        ]
        later = by_reason(
            due(world(allocations=tuple(longer)), NOW + dt.timedelta(weeks=1)),
            NudgeReason.NO_DEVELOPMENT_TIME,
        )
        assert [n.id for n in later] == [EXPECTED_IDS[2]]

    def test_gone_once_development_is_recorded(self) -> None:
        """Development hours in the last week end the streak."""
        workspace = world(allocations=tuple(allocations(D(2026, 11, 16))))
        assert not by_reason(due(workspace, NOW), NudgeReason.NO_DEVELOPMENT_TIME)

    def test_one_week_reads_in_the_singular(self) -> None:
        """A streak of one week (N = 1) speaks of the last week."""
        workspace = world(allocations=tuple(allocations(D(2026, 11, 9))))
        (nudge,) = by_reason(
            due(workspace, NOW, "en", no_development_weeks=1), NudgeReason.NO_DEVELOPMENT_TIME
        )
        assert nudge.key == "nudges.no_development_time.one"
        assert "in the last week." in nudge.text

    def test_the_text_states_the_actual_streak(self) -> None:
        """With N = 1 a streak of four weeks is told as four weeks."""
        (nudge,) = by_reason(
            due(world(), NOW, "en", no_development_weeks=1), NudgeReason.NO_DEVELOPMENT_TIME
        )
        assert (nudge.key, dict(nudge.params)["weeks"]) == ("nudges.no_development_time.other", "4")

    def test_no_leader_is_not_mentioned_without_one(self) -> None:
        """Cy without a manager (and a team without one) is not told to talk to a leader."""
        people = [attrs.evolve(p, manager=None) if p.id == "cy" else p for p in roster().people]
        workspace = world(roster=Roster(people=people, teams=roster().teams))
        (da,) = by_reason(due(workspace, NOW, "da"), NudgeReason.NO_DEVELOPMENT_TIME)
        assert da.text == (
            "Hej Cy. Der har vist ikke været tid til udvikling de seneste 4 uger. Det sker – "
            "måske bliver der plads til lidt i denne uge?"
        )
        teams = [attrs.evolve(t, manager="cy") if t.id == "udv" else t for t in roster().teams]
        led_by_self = world(roster=Roster(people=people, teams=teams))
        (alone,) = by_reason(due(led_by_self, NOW, "en"), NudgeReason.NO_DEVELOPMENT_TIME)
        assert alone.key == "nudges.no_development_time.alone.other"
        managed = [attrs.evolve(t, manager="dea") if t.id == "udv" else t for t in roster().teams]
        by_team = world(roster=Roster(people=people, teams=managed))
        (led,) = by_reason(due(by_team, NOW, "en"), NudgeReason.NO_DEVELOPMENT_TIME)
        assert led.key == "nudges.no_development_time.other"

    def test_not_before_n_weeks_of_records(self) -> None:
        """Someone with only two recorded weeks, both without development, hears nothing yet."""
        short = [
            TimeAllocation(person="cy", week=week, development_hours=0.0, operations_hours=30.0)
            for week in (D(2026, 11, 9), D(2026, 11, 16))
        ]
        assert not by_reason(
            due(world(allocations=tuple(short)), NOW), NudgeReason.NO_DEVELOPMENT_TIME
        )


class TestCorners:
    def test_a_topic_is_named(self) -> None:
        """A planned topic is in the presenter's reminder."""
        plan = friday_plan()
        topic = Topic(
            id="t1", title="Hvordan et tilbud bliver til", proposed_by="dea", proposed_on=MONDAY
        )
        assignment = attrs.evolve(plan.assignments[0], topic=topic)
        workspace = world(plans=(attrs.evolve(plan, assignments=(assignment,)),))
        (da,) = by_reason(due(workspace, NOW, "da"), NudgeReason.PRESENTER_REMINDER)
        (en,) = by_reason(due(workspace, NOW, "en"), NudgeReason.PRESENTER_REMINDER)
        assert da.text == (
            "Hej Cy! Du holder oplæg ved Fredagsfortællinger fredag d. 27.11. kl. 14:00 om "
            "»Hvordan et tilbud bliver til«. Vi glæder os!"
        )
        assert en.text == (
            "Hi Cy! You’re presenting “Hvordan et tilbud bliver til” at Fredagsfortællinger "
            "on Friday 27/11 at 14:00. We’re looking forward to it!"
        )

    def test_a_re_plan_that_leaves_the_session_unfilled(self) -> None:
        """When the latest plan has nobody for the session, nobody is reminded."""
        plan = friday_plan()
        later = attrs.evolve(
            plan,
            period=Period(D(2026, 11, 27), D(2026, 12, 31)),
            assignments=(),
            unfilled=(plan.assignments[0].session,),
        )
        workspace = world(plans=(plan, later))
        assert not by_reason(due(workspace, NOW), NudgeReason.PRESENTER_REMINDER)

    def test_presenters_not_on_the_roster(self) -> None:
        """Someone who left is not reminded."""
        workspace = world(plans=(friday_plan("zed"),))
        assert not by_reason(due(workspace, NOW), NudgeReason.PRESENTER_REMINDER)

    def test_a_series_calendar_that_starts_late(self) -> None:
        """When the series' calendar does not reach the reminder day, the workspace's counts."""
        calendar = Calendar(first_day=D(2026, 11, 27), last_day=D(2026, 12, 31))
        series = attrs.evolve(friday_series(), first=D(2026, 11, 27), calendar=calendar)
        (nudge,) = by_reason(due(world(series=(series,)), NOW), NudgeReason.PRESENTER_REMINDER)
        assert nudge.due == at(NOW.date(), 9)

    def test_recipients_read_their_own_clock(self) -> None:
        """Dea in Nuuk is nudged at nine in Nuuk; at 09:15 in Copenhagen Cy already is."""
        nuuk = ZoneInfo("America/Nuuk")
        people = [attrs.evolve(p, time_zone=nuuk) if p.id == "dea" else p for p in roster().people]
        workspace = world(roster=Roster(people=people, teams=roster().teams))
        friday = at(D(2026, 11, 20), 9, 15)
        follow_ups = by_reason(due(workspace, friday), NudgeReason.GOAL_FOLLOW_UP_DUE)
        assert [n.recipient for n in follow_ups] == ["cy"]
        later = dt.datetime(2026, 11, 20, 9, 0, tzinfo=nuuk)
        follow_ups = by_reason(due(workspace, later), NudgeReason.GOAL_FOLLOW_UP_DUE)
        assert [(n.recipient, n.due) for n in follow_ups] == [
            ("cy", at(D(2026, 11, 20), 9)),
            ("dea", later),
        ]

    def test_not_before_nine_on_the_follow_up_day(self) -> None:
        """At 08:59 on the follow-up day nobody is nudged about it yet."""
        early = at(D(2026, 11, 20), 8, 59)
        assert not by_reason(due(world(), early), NudgeReason.GOAL_FOLLOW_UP_DUE)
