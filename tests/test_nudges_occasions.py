"""learnkit.nudges: occasions and the bot rule, rounds of overdue items, time zones, corners."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit.exceptions import InvalidDataError
from learnkit.goals import ProgressNote
from learnkit.incidents import ActionStatus
from learnkit.mentoring import CheckIn
from learnkit.nudges import (
    ACTION_ITEM_MAX_AGE,
    CHECK_IN_MAX_AGE,
    EARLIEST_NOW,
    LATEST_NOW,
    REFLECTION_MAX_AGE,
    Nudge,
    NudgeReason,
    due,
)
from learnkit.people import Person, Roster, Team
from learnkit.reflection import CompletedTask, TeamMeeting
from learnkit.sharing import (
    FRIDAY_STORY,
    Assignment,
    ChoiceBasis,
    Plan,
    PresenterChoice,
    SessionFormat,
    SessionSeries,
    expand,
)
from learnkit.time import Calendar, Holiday, Period
from learnkit.workspace import Workspace
from test_nudges_grouping import task, with_tasks
from test_nudges_properties import nows, unrelated
from test_nudges_reasons import (
    CPH,
    MONDAY,
    NOW,
    action_item,
    at,
    by_reason,
    goal,
    incident_review,
    reflection,
    roster,
    world,
)

D = dt.date
UTC = dt.UTC
KOL = ZoneInfo("Asia/Kolkata")


def sent(nudges: tuple[Nudge, ...]) -> dict[tuple[str, NudgeReason], set[str]]:
    """The occasions of each recipient and reason."""
    return {(n.recipient, n.reason): set(n.occasions) for n in nudges}


def items(*days: int, owner: str = "dea") -> Workspace:
    """The small world with ``owner``'s open items ``a0``, ``a1``, ... due those November days."""
    found = tuple(
        attrs.evolve(action_item(), id=f"a{k}", owner=owner, due=D(2026, 11, day))
        for k, day in enumerate(days)
    )
    return world(
        incident_reviews=(attrs.evolve(incident_review(action_item()), action_items=found),)
    )


def busy() -> Workspace:
    """Several occasions per recipient: four reflections of Bo's, both check-ins, three items."""
    base = with_tasks(world(check_ins=()), 2, 3, 4)
    return attrs.evolve(base, incident_reviews=items(16, 18, 19).incident_reviews)


SETTLEMENTS: dict[str, Any] = {
    "bo writes on T1": lambda w: attrs.evolve(w, reflections=(*w.reflections, reflection("bo"))),
    "bo writes on T3": lambda w: attrs.evolve(
        w, reflections=(*w.reflections, reflection("bo", task(3).task))
    ),
    "check-in held": lambda w: attrs.evolve(
        w, check_ins=(*w.check_ins, CheckIn(mentorship="m1", held_on=D(2026, 11, 12)))
    ),
    "note written": lambda w: attrs.evolve(
        w, goals=(goal((ProgressNote(on=D(2026, 11, 19), text="Godt i gang", author="cy"),)),)
    ),
    "a later item done": lambda w: attrs.evolve(
        w,
        incident_reviews=tuple(
            attrs.evolve(
                r,
                action_items=tuple(
                    attrs.evolve(i, status=ActionStatus.DONE, done_on=D(2026, 11, 19))
                    if i.id == "a2"
                    else i
                    for i in r.action_items
                ),
            )
            for r in w.incident_reviews
        ),
    ),
}


class TestTheBotRule:
    @settings(max_examples=20, deadline=None)
    @given(now=nows, picked=st.sets(st.sampled_from(sorted(SETTLEMENTS)), min_size=1))
    def test_settling_brings_no_new_occasion(self, now: dt.datetime, picked: set[str]) -> None:
        """Settling occasions never adds an occasion id a recipient's nudge did not have."""
        before = busy()
        after = before
        for name in sorted(picked):
            after = SETTLEMENTS[name](after)
        earlier = sent(due(before, now))
        for key, occasions in sent(due(after, now)).items():
            assert occasions <= earlier.get(key, set())

    @settings(max_examples=15, deadline=None)
    @given(now=nows, picked=st.sets(st.sampled_from(sorted(unrelated()))))
    def test_unrelated_records_change_no_occasion(self, now: dt.datetime, picked: set[str]) -> None:
        """Records about other people and things leave every occasion id as it was."""
        base = busy()
        pool = unrelated()
        more: dict[str, Any] = {field: (*getattr(base, field), *pool[field]) for field in picked}
        changed = with_tasks(attrs.evolve(base, **more), 10, people=("ana",))
        after = sent(due(changed, now))
        for (recipient, reason), occasions in sent(due(base, now)).items():
            if (recipient, reason) != ("ana", NudgeReason.REFLECTION_DUE):
                assert after[(recipient, reason)] == occasions

    def test_bo_is_not_told_twice(self) -> None:
        """Bo writes one of two reflections: the id changes, but no occasion is new."""
        workspace = with_tasks(world(), 2)
        (first,) = by_reason(due(workspace, NOW), NudgeReason.REFLECTION_DUE)
        written = attrs.evolve(workspace, reflections=(*workspace.reflections, reflection("bo")))
        (second,) = by_reason(due(written, NOW), NudgeReason.REFLECTION_DUE)
        assert first.id != second.id
        assert second.occasions == ("reflection_due:reflection-due:task:T2:bo",)
        assert set(second.occasions) < set(first.occasions)

    def test_a_nudge_built_by_hand_has_its_id_as_occasion(self) -> None:
        """A nudge built without occasions has its id as one; none or a repeat is refused."""
        nudge = Nudge(
            id="reflection_due:x",
            recipient="bo",
            to_team=False,
            reason=NudgeReason.REFLECTION_DUE,
            due=NOW,
            key="nudges.reflection_due.due.one",
            params={},
            text="Hej",
            subjects=("s",),
        )
        assert nudge.occasions == ("reflection_due:x",)
        with pytest.raises(InvalidDataError, match="occasions: must name at least one"):
            attrs.evolve(nudge, occasions=())
        with pytest.raises(InvalidDataError, match="occasions: must not name an occasion twice"):
            attrs.evolve(nudge, occasions=("reflection_due:a", "reflection_due:a"))
        with pytest.raises(InvalidDataError) as caught:
            attrs.evolve(nudge, occasions=("check_in_due:a", "reflection_due:", "reflection_due:b"))
        assert [p.path for p in caught.value.problems] == ["occasions[0]", "occasions[1]"]

    def test_params_errors_name_the_index(self) -> None:
        """Each bad parameter pair is named by its index, all at once."""
        with pytest.raises(InvalidDataError) as caught:
            Nudge(
                id="reflection_due:x",
                recipient="bo",
                to_team=False,
                reason=NudgeReason.REFLECTION_DUE,
                due=NOW,
                key="nudges.reflection_due.due.one",
                params=[("a", 1), ("b", "ok"), ("c",)],
                text="Hej",
                subjects=("s",),
            )
        assert [p.path for p in caught.value.problems] == ["params[0]", "params[2]"]


class TestOverdueRounds:
    def test_three_items_one_round_every_third_working_day(self) -> None:
        """Items due 16, 17 and 18 November: new occasions only on 17, 20, 25 and 30 November."""
        workspace = items(16, 17, 18)
        seen: set[str] = set()
        new_on = []
        for day in (D(2026, 11, 17) + dt.timedelta(days=k) for k in range(15)):
            for nudge in by_reason(due(workspace, at(day, 10)), NudgeReason.ACTION_ITEM_OVERDUE):
                if not set(nudge.occasions) <= seen:
                    new_on.append(day.day)
                seen |= set(nudge.occasions)
        assert new_on == [17, 20, 25, 30]
        (early,) = by_reason(
            due(workspace, at(D(2026, 11, 25), 8)), NudgeReason.ACTION_ITEM_OVERDUE
        )
        assert early.occasions == ("action_item_overdue:dea:2026-11-20",)  # not before nine

    def test_one_nudge_names_every_item(self) -> None:
        """The round's nudge lists the items, earliest first, due at nine on the round's day."""
        (nudge,) = by_reason(due(items(16, 18), NOW, "da"), NudgeReason.ACTION_ITEM_OVERDUE)
        assert nudge.occasions == ("action_item_overdue:dea:2026-11-25",)  # 17, 20, 25 November
        assert nudge.subjects == ("ir1/a0", "ir1/a1")
        assert nudge.due == at(NOW.date(), 9)
        assert nudge.text == (
            "Hej Dea! 2 handlingspunkter har passeret deres planlagte dato: »Tilføj en alarm på "
            "kø-længden« (mandag d. 16.11.) og »Tilføj en alarm på kø-længden« (onsdag d. 18.11.). "
            "Hvordan går det? Hvis planerne har ændret sig, kan du sætte nye datoer eller bede "
            "om hjælp."
        )

    def test_look_back_is_one_year(self) -> None:
        """An item overdue for more than a year is no longer nudged; within the year it is."""
        assert dt.timedelta(days=365) == ACTION_ITEM_MAX_AGE
        later = at(D(2027, 11, 19), 10)
        (nudge,) = by_reason(due(world(), later), NudgeReason.ACTION_ITEM_OVERDUE)
        assert nudge.text.endswith(
            "planlagt til fredag d. 20.11.2026 – hvordan går det? "
            "Hvis planen har ændret sig, kan du sætte en ny dato eller "
            "bede om hjælp."
        )
        assert not by_reason(due(world(), at(D(2027, 11, 22), 10)), NudgeReason.ACTION_ITEM_OVERDUE)

    def test_an_owner_who_left(self) -> None:
        """An item whose owner has left is nobody's nudge."""
        assert not by_reason(due(items(16, owner="zed"), NOW), NudgeReason.ACTION_ITEM_OVERDUE)


class TestNow:
    @pytest.mark.parametrize(
        "now",
        [
            dt.datetime(1, 1, 1, tzinfo=UTC),
            dt.datetime(9999, 12, 31, 23, 59, tzinfo=UTC),
            dt.datetime(9999, 12, 31, 12, tzinfo=CPH),
            LATEST_NOW,
            EARLIEST_NOW - dt.timedelta(microseconds=1),
        ],
    )
    def test_outside_the_supported_range(self, now: dt.datetime) -> None:
        """A ``now`` outside the years 1000 to 9000 is refused, naming it and the range."""
        with pytest.raises(InvalidDataError) as caught:
            due(world(), now)
        (problem,) = caught.value.problems
        assert (problem.path, problem.value) == ("now", now)
        assert "1000-01-01T00:00:00+00:00" in str(caught.value)
        assert "9000-01-01T00:00:00+00:00" in str(caught.value)

    def test_the_ends_of_the_range(self) -> None:
        """The first and last moments of the range are fine, and far from the records."""
        for now in (EARLIEST_NOW, LATEST_NOW - dt.timedelta(microseconds=1)):
            assert due(world(team_meetings=()), now) == ()

    def test_far_future_stays_quiet(self) -> None:
        """In 2500 nothing of 2026 is nudged any more (every look-back is bounded)."""
        assert dt.timedelta(days=30) == CHECK_IN_MAX_AGE
        assert due(world(), dt.datetime(2500, 6, 3, 12, tzinfo=CPH)) == ()


def zones_roster() -> Roster:
    """Ana in Copenhagen and Raj in Kolkata, team Drift."""
    start = D(2020, 1, 1)
    return Roster(
        people=[
            Person(id="ana", name="Ana Berg", team="drift", start_date=start),
            Person(id="raj", name="Raj Mehta", team="drift", start_date=start, time_zone=KOL),
        ],
        teams=[Team(id="drift", name="Drift")],
    )


def tuesdays(first: dt.date, last: dt.date, calendar: Calendar | None = None) -> SessionSeries:
    """Tuesday talks at 14:00 Copenhagen time."""
    return SessionSeries(
        id="tirsdag",
        name="Tirsdagsoplæg",
        format=FRIDAY_STORY,
        rule="FREQ=WEEKLY;BYDAY=TU",
        start_time=dt.time(14),
        first=first,
        last=last,
        calendar=calendar or Calendar(),
    )


def talk(series: SessionSeries, day: dt.date, *who: str) -> Workspace:
    """A workspace where ``who`` present at ``series``' session on ``day``."""
    session = next(s for s in expand(series).sessions if s.held_on == day)
    choices = tuple(
        PresenterChoice(
            person=person,
            team="drift",
            turns_before=0,
            last_presented=None,
            same_team_as_previous=False,
            basis=ChoiceBasis.FEWEST,
        )
        for person in who
    )
    plan = Plan(
        series=series.id,
        period=Period(day, day),
        seed=1,
        assignments=(
            Assignment(
                session=session, presenters=choices, topic=None, candidates=2, fewest_turns=0
            ),
        ),
    )
    return Workspace(roster=zones_roster(), name="x", series=(series,), plans=(plan,))


def reminders(workspace: Workspace, now: dt.datetime, locale: str = "da") -> list[tuple[str, Any]]:
    """``(recipient, due in UTC)`` of the presenter reminders at ``now``."""
    return [
        (n.recipient, n.due.astimezone(UTC))
        for n in by_reason(due(workspace, now, locale), NudgeReason.PRESENTER_REMINDER)  # type: ignore[arg-type]
    ]


class TestZonesAndDaylightSaving:
    def test_a_presenter_in_kolkata(self) -> None:
        """Tuesday 27 October 14:00 CET: Raj hears it on Friday at 03:30 UTC, with his own time."""
        workspace = talk(tuesdays(D(2026, 10, 1), D(2026, 12, 31)), D(2026, 10, 27), "ana", "raj")
        friday = dt.datetime(2026, 10, 23, 3, 30, tzinfo=UTC)
        assert reminders(workspace, friday - dt.timedelta(minutes=1)) == []
        assert reminders(workspace, friday) == [("raj", friday)]
        at_seven = dt.datetime(2026, 10, 23, 7, tzinfo=UTC)
        assert reminders(workspace, at_seven) == [("raj", friday), ("ana", at_seven)]
        raj, ana = (
            n.text
            for n in by_reason(due(workspace, at_seven, "en"), NudgeReason.PRESENTER_REMINDER)
        )
        assert raj == (
            "Hi Raj! It’s your turn to present at Tirsdagsoplæg on Tuesday 27/10 at 18:30 "
            "(your time, Asia/Kolkata). The topic is yours to choose – we’re looking forward to it!"
        )
        assert ana == (
            "Hi Ana! It’s your turn to present at Tirsdagsoplæg on Tuesday 27/10 at 14:00. "
            "The topic is yours to choose – we’re looking forward to it!"
        )
        (da,) = [n.text for n in due(workspace, at_seven, "da") if n.recipient == "raj"]
        assert "tirsdag d. 27.10. kl. 18:30 (din tid, Asia/Kolkata)" in da
        start = dt.datetime(2026, 10, 27, 13, tzinfo=UTC)
        assert len(reminders(workspace, start - dt.timedelta(seconds=1))) == 2
        assert reminders(workspace, start) == []

    def test_holidays_move_the_reminder(self) -> None:
        """With holidays on 22 and 26 October the reminder comes on Wednesday 21 October."""
        holidays = [Holiday(D(2026, 10, 26), "Fri"), Holiday(D(2026, 10, 22), "Fri igen")]
        series = tuesdays(D(2026, 10, 1), D(2026, 12, 31), Calendar(holidays=holidays))
        workspace = talk(series, D(2026, 10, 27), "ana")
        wednesday = dt.datetime(2026, 10, 21, 7, tzinfo=UTC)
        assert reminders(workspace, wednesday - dt.timedelta(minutes=1)) == []
        assert reminders(workspace, wednesday) == [("ana", wednesday)]

    def test_after_spring_forward(self) -> None:
        """Tuesday 30 March 2027 (summer time): on 26 March, 08:00 UTC for Ana, 03:30 for Raj."""
        workspace = talk(tuesdays(D(2027, 3, 1), D(2027, 4, 30)), D(2027, 3, 30), "ana", "raj")
        friday = dt.datetime(2027, 3, 26, 8, tzinfo=UTC)
        assert reminders(workspace, friday) == [
            ("raj", dt.datetime(2027, 3, 26, 3, 30, tzinfo=UTC)),
            ("ana", friday),
        ]
        (raj,) = [n.text for n in due(workspace, friday, "da") if n.recipient == "raj"]
        assert "tirsdag d. 30.3. kl. 17:30 (din tid, Asia/Kolkata)" in raj

    @pytest.mark.parametrize(
        ("opens", "starts"),
        [
            (
                dt.datetime(2026, 10, 26, 7, 30, tzinfo=UTC),
                dt.datetime(2026, 10, 26, 8, 30, tzinfo=UTC),
            ),
            (
                dt.datetime(2027, 3, 29, 6, 30, tzinfo=UTC),
                dt.datetime(2027, 3, 29, 7, 30, tzinfo=UTC),
            ),
        ],
    )
    def test_openers_across_daylight_saving(self, opens: dt.datetime, starts: dt.datetime) -> None:
        """A Monday 09:30 meeting's opener comes an hour before, in winter and in summer time."""
        series = SessionSeries(
            id="drift-moede",
            name="Driftsmøde",
            format=SessionFormat(id="team_meeting", minutes=45, name="Teammøde"),
            rule="FREQ=WEEKLY;BYDAY=MO",
            start_time=dt.time(9, 30),
            first=D(2026, 10, 1),
            last=D(2027, 6, 30),
        )
        workspace = Workspace(
            roster=zones_roster(),
            name="x",
            team_meetings=(TeamMeeting(team="drift", series=series),),
        )

        def openers(now: dt.datetime) -> list[dt.datetime]:
            found = by_reason(due(workspace, now), NudgeReason.MEETING_OPENER)
            return [n.due.astimezone(UTC) for n in found]

        assert openers(opens - dt.timedelta(minutes=1)) == []
        assert openers(opens) == [opens]
        assert openers(starts - dt.timedelta(seconds=1)) == [opens]
        assert openers(starts) == []


class TestPeopleWhoLeft:
    def test_a_participant_who_left_does_not_stop_the_others(self) -> None:
        """A task with someone not on the roster: the others are still asked, nobody raises."""
        gone = CompletedTask(task=task(2).task, participants=("bo", "gone"))
        alone = CompletedTask(task=task(3).task, participants=("gone",))
        workspace = attrs.evolve(world(), tasks=(*world().tasks, gone, alone))
        (nudge,) = by_reason(due(workspace, NOW), NudgeReason.REFLECTION_DUE)
        assert (nudge.recipient, nudge.subjects) == ("bo", ("task:T1", "task:T2"))

    def test_a_mentor_who_left(self) -> None:
        """Ana has left: Bo is not asked to book a check-in with her."""
        people = [p for p in roster().people if p.id != "ana"]
        people = [attrs.evolve(p, manager=None) if p.id == "bo" else p for p in people]
        workspace = world(roster=Roster(people=people, teams=roster().teams))
        assert not by_reason(due(workspace, NOW), NudgeReason.CHECK_IN_DUE)

    def test_a_leader_who_left(self) -> None:
        """Dea has left: Cy is asked to follow up without her name."""
        people = [p for p in roster().people if p.id != "dea"]
        people = [attrs.evolve(p, manager=None) if p.id == "cy" else p for p in people]
        workspace = world(roster=Roster(people=people, teams=roster().teams))
        (da,) = by_reason(due(workspace, NOW, "da"), NudgeReason.GOAL_FOLLOW_UP_DUE)
        (en,) = by_reason(due(workspace, NOW, "en"), NudgeReason.GOAL_FOLLOW_UP_DUE)
        assert da.text == (
            "Hej Cy! Det er tid til at følge op på de læringsmål, du aftalte til MUS. "
            "Skriv gerne et par ord om, hvordan det går – også hvis planerne har ændret sig."
        )
        assert en.text.startswith(
            "Hi Cy! It’s time to follow up on the learning goals you agreed in your development"
        )
        assert "dea" not in dict(da.params).values()

    def test_an_employee_who_left(self) -> None:
        """Cy has left: Dea is not asked to follow up with someone who is gone."""
        people = [p for p in roster().people if p.id != "cy"]
        workspace = world(roster=Roster(people=people, teams=roster().teams))
        assert not by_reason(due(workspace, NOW), NudgeReason.GOAL_FOLLOW_UP_DUE)


class TestTexts:
    def test_late_reflections(self) -> None:
        """After the deadline the text says it is never too late, and it stops after 30 days."""
        assert dt.timedelta(days=30) == REFLECTION_MAX_AGE
        thursday = at(D(2026, 11, 26), 9)
        (da,) = by_reason(due(world(), thursday, "da"), NudgeReason.REFLECTION_DUE)
        (en,) = by_reason(due(world(), thursday, "en"), NudgeReason.REFLECTION_DUE)
        assert da.key == "nudges.reflection_due.late.one"
        assert da.text == (
            "Hej Bo! Har du fem minutter til at reflektere over »Release 4.2« (opgave)? Fristen "
            "var onsdag d. 25.11., men det er aldrig for sent. Hvad gik godt, hvad kan gøres "
            "bedre, og hvad lærte du?"
        )
        assert en.text.startswith(
            "Hi Bo! Have you got five minutes to reflect on “Release 4.2” (task)? It was due "
            "Wednesday 25/11, but it’s never too late."
        )
        last = TASK_DONE + REFLECTION_MAX_AGE
        assert by_reason(due(world(), last), NudgeReason.REFLECTION_DUE)
        later = last + dt.timedelta(microseconds=1)
        assert not by_reason(due(world(), later), NudgeReason.REFLECTION_DUE)

    def test_late_and_due_in_one_list(self) -> None:
        """Several reflections, one late: the list says which deadline has passed."""
        workspace = attrs.evolve(
            world(),
            tasks=(*world().tasks, task(2, hour=11)),
        )
        moved = attrs.evolve(
            workspace,
            tasks=tuple(
                CompletedTask(
                    task=attrs.evolve(t.task, completed_at=at(D(2026, 11, 26), 8)),
                    participants=t.participants,
                )
                if t.task.id == "T2"
                else t
                for t in workspace.tasks
            ),
        )
        (nudge,) = by_reason(due(moved, at(D(2026, 11, 26), 9)), NudgeReason.REFLECTION_DUE)
        assert nudge.text == (
            "Hej Bo! Der venter 2 refleksioner på dig: »Release 4.2« (opgave, fristen var "
            "onsdag d. 25.11.) og »Opgave 2« (opgave, inden mandag d. 30.11.). Har du fem "
            "minutter til en af dem? Hvad gik godt, hvad kan gøres bedre, og hvad lærte du?"
        )

    def test_greeting_by_first_name(self) -> None:
        """A person called "Bo Holm Jensen" is greeted as Bo, in both languages."""
        people = [
            attrs.evolve(p, name="Bo Holm Jensen") if p.id == "bo" else p for p in roster().people
        ]
        workspace = world(roster=Roster(people=people, teams=roster().teams))
        for locale, hello in (("da", "Hej Bo!"), ("en", "Hi Bo!")):
            found = [n for n in due(workspace, NOW, locale) if n.recipient == "bo"]  # type: ignore[arg-type]
            assert found
            assert all(n.text.startswith(hello) for n in found)
        (ana,) = [n for n in due(workspace, NOW) if n.recipient == "ana"]
        assert "en snak med Bo Holm Jensen:" in ana.text

    def test_a_date_of_another_year_has_its_year(self) -> None:
        """In January a check-in of December is written with its year."""
        january = at(D(2027, 1, 4), 10)
        (nudge,) = [
            n for n in due(world(), january, "en") if n.reason is NudgeReason.ACTION_ITEM_OVERDUE
        ]
        assert "Friday 20/11/2026" in nudge.text
        (da,) = [
            n for n in due(world(), january, "da") if n.reason is NudgeReason.ACTION_ITEM_OVERDUE
        ]
        assert "fredag d. 20.11.2026" in da.text


TASK_DONE = at(MONDAY, 10)
