"""learnkit.nudges: one nudge per recipient and reason, stale follow-ups, opener blocks."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from typing import Any
from zoneinfo import ZoneInfo

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit.goals import DevelopmentReview, LearningGoal
from learnkit.incidents import ActionItem
from learnkit.leadership import TimeAllocation
from learnkit.nudges import FOLLOW_UP_MAX_AGE, OPENER_BLOCK, NudgeReason, due
from learnkit.nudges._due import occasions
from learnkit.nudges._group import digest, group, listing
from learnkit.nudges._model import Occasion
from learnkit.nudges._sessions import block_of, openers, upcoming_block
from learnkit.people import Roster
from learnkit.reflection import CompletedTask, Prompt, PromptDeck, SubjectKind, TaskRef
from learnkit.sharing import Plan, Session, SessionFormat, SessionSeries, expand
from learnkit.time import Calendar, Holiday
from learnkit.workspace import Workspace
from test_nudges_properties import nows, unrelated
from test_nudges_reasons import (
    EXPECTED_IDS,
    MONDAY,
    NOW,
    action_item,
    at,
    by_reason,
    friday_plan,
    friday_series,
    goal,
    incident_review,
    mentorship,
    review,
    team_meeting,
    world,
)

D = dt.date
REASONS = list(NudgeReason)


def task(number: int, people: tuple[str, ...] = ("bo",), hour: int = 11) -> CompletedTask:
    """Task ``T<number>``, completed on Monday at ``hour`` plus ``number`` minutes."""
    ref = TaskRef(
        kind=SubjectKind.TASK,
        id=f"T{number}",
        title=f"Opgave {number}",
        completed_at=at(MONDAY, hour, number),
    )
    return CompletedTask(task=ref, participants=people)


def with_tasks(base: Workspace, *numbers: int, people: tuple[str, ...] = ("bo",)) -> Workspace:
    """``base`` with more tasks done by ``people``."""
    return attrs.evolve(base, tasks=(*base.tasks, *(task(n, people) for n in numbers)))


def occasion(reason: NudgeReason, recipient: str, number: int, minutes: int) -> Occasion:
    """A made-up occasion about record ``s<number>``, due ``minutes`` after NOW."""
    return Occasion(
        reason=reason,
        recipient=recipient,
        due=NOW + dt.timedelta(minutes=minutes),
        occasion=f"{reason.value}:o{number}",
        subject=f"s{number}",
        key="nudges.reflection_due.due.one",
        params={"name": recipient, "kind": "opgave", "title": f"T{number}", "deadline": "snart"},
        plural_key="nudges.reflection_due.other",
        greeting=("name", recipient),
        item=f"T{number}",
    )


made_up = st.lists(
    st.tuples(st.sampled_from(REASONS), st.sampled_from(["ana", "bo", "cy"]), st.integers(0, 40)),
    max_size=25,
    unique_by=lambda drawn: (drawn[0], drawn[2]),  # an occasion is unique per reason
).map(
    lambda drawn: [
        occasion(reason, recipient, number, (number * 37) % 90 - 45)
        for reason, recipient, number in drawn
    ]
)
"""Occasions of any reasons and recipients, each about its own record."""


class TestGroup:
    @settings(max_examples=50)
    @given(found=made_up, seed=st.integers(0, 2**16))
    def test_exactly_one_nudge_covers_each_occasion(self, found: list[Occasion], seed: int) -> None:
        """One nudge per (recipient, reason), covering each occasion once, in any order."""
        nudges = group(found, "da")
        keys = [(n.recipient, n.reason) for n in nudges]
        assert len(set(keys)) == len(keys) == len({(o.recipient, o.reason) for o in found})
        for item in found:
            (covering,) = [
                n for n in nudges if (n.recipient, n.reason) == (item.recipient, item.reason)
            ]
            assert item.subject in covering.subjects
        for nudge in nudges:
            mine = [o for o in found if (o.recipient, o.reason) == (nudge.recipient, nudge.reason)]
            assert nudge.due == min((o.due for o in mine), key=lambda d: d.astimezone(dt.UTC))
            assert nudge.subjects == tuple(sorted(o.subject for o in mine))
            assert nudge.id.endswith(":" + digest(o.occasion for o in mine))
            assert dict(nudge.params).get("count", "1") == str(len(mine))
        shuffled = list(found)
        random.Random(seed).shuffle(shuffled)
        assert sorted(group(shuffled, "da"), key=lambda n: n.id) == sorted(
            nudges, key=lambda n: n.id
        )

    @settings(max_examples=30)
    @given(found=made_up, more=made_up)
    def test_others_occasions_change_no_id(
        self, found: list[Occasion], more: list[Occasion]
    ) -> None:
        """Occasions for other recipients (or reasons) leave a nudge's id as it was."""
        ana = [o for o in found if o.recipient == "ana"]
        others = [o for o in more if o.recipient != "ana"]
        alone = {n.id for n in group(ana, "en")}
        together = {n.id for n in group([*ana, *others], "en") if n.recipient == "ana"}
        assert together == alone

    def test_digest_is_a_fixed_string_of_the_set(self) -> None:
        """The digest is the same for the same set in any order, and changes with the set."""
        assert digest(["b", "a", "a"]) == digest(["a", "b"]) == "7e18f737311b"
        assert digest(["a"]) != digest(["a", "b"])

    def test_listing(self) -> None:
        """Up to three are named, the rest counted, in both languages."""
        names = ["A", "B", "C", "D", "E"]
        assert [listing(names[:n], "da") for n in range(1, 6)] == [
            "A",
            "A og B",
            "A, B og C",
            "A, B, C og 1 mere",
            "A, B, C og 2 mere",
        ]
        assert listing(names, "en") == "A, B, C and 2 more"
        assert listing(names[:3], "en") == "A, B and C"


class TestOneNudgePerRecipientAndReason:
    def test_several_reflections_are_one_nudge(self) -> None:
        """Bo owes four reflections: one nudge naming three and counting the fourth."""
        workspace = with_tasks(world(), 2, 3, 4)
        (da,) = by_reason(due(workspace, NOW, "da"), NudgeReason.REFLECTION_DUE)
        (en,) = by_reason(due(workspace, NOW, "en"), NudgeReason.REFLECTION_DUE)
        assert da.subjects == ("task:T1", "task:T2", "task:T3", "task:T4")
        assert da.due == at(MONDAY, 10)  # the release, the earliest
        assert da.key == "nudges.reflection_due.other"
        assert da.text == (
            "Hej Bo! Der venter 4 refleksioner på dig: »Release 4.2« (opgave, inden onsdag "
            "d. 25.11.), »Opgave 2« (opgave, inden onsdag d. 25.11.), »Opgave 3« (opgave, "
            "inden onsdag d. 25.11.) og 1 mere. Har du fem minutter til en af dem? Hvad gik "
            "godt, hvad kan gøres bedre, og hvad lærte du?"
        )
        assert en.text.startswith(
            "Hi Bo! You have 4 reflections to write: “Release 4.2” (task, before Wednesday "
            "25/11), “Opgave 2” (task, before Wednesday 25/11), “Opgave 3” (task, before "
            "Wednesday 25/11) and 1 more. Have you got five minutes for one of them?"
        )

    def test_a_new_occasion_gives_a_new_id_and_others_keep_theirs(self) -> None:
        """A new task of Bo's changes his reflection nudge's id; other people's work does not."""
        before = {n.id for n in due(world(), NOW)}
        bo = {n.id for n in due(with_tasks(world(), 2), NOW)}
        both = digest(
            [
                "reflection_due:reflection-due:task:T1:bo",
                "reflection_due:reflection-due:task:T2:bo",
            ]
        )
        assert bo - before == {f"reflection_due:bo:{both}"}
        assert before - bo == {EXPECTED_IDS[4]}
        others = {n.id for n in due(with_tasks(world(), 5, 6, people=("dea",)), NOW)}
        assert before <= others
        assert len(others - before) == 1  # Dea's own reflection nudge

    @settings(max_examples=10)
    @given(picked=st.sets(st.sampled_from(sorted(unrelated()))), tasks=st.integers(0, 3))
    def test_other_peoples_records_change_no_id(self, picked: set[str], tasks: int) -> None:
        """Others' tasks, reflections, goals, allocations and series leave every id as it was."""
        base = world()
        pool = unrelated()
        more: dict[str, Any] = {field: (*getattr(base, field), *pool[field]) for field in picked}
        changed = with_tasks(attrs.evolve(base, **more), *range(10, 10 + tasks), people=("dea",))
        before = {n.id for n in due(base, NOW)}
        after = {n.id for n in due(changed, NOW) if n.recipient != "dea"}
        assert after == {i for i in before if ":dea:" not in i}

    @settings(max_examples=15)
    @given(now=nows)
    def test_every_occasion_is_covered_once(self, now: dt.datetime) -> None:
        """Each occasion of the per-record rules is covered by exactly one nudge, at any moment."""
        workspace = with_tasks(world(), 2, 3, people=("bo", "ana"))
        found = occasions(workspace, now, "da", no_development_weeks=4)
        nudges = due(workspace, now)
        assert len(nudges) == len({(o.recipient, o.reason) for o in found})
        for item in found:
            covering = [
                n
                for n in nudges
                if (n.recipient, n.reason) == (item.recipient, item.reason)
                and item.subject in n.subjects
            ]
            assert len(covering) == 1

    def test_a_mentor_of_two(self) -> None:
        """Ana mentors Bo and Cy: one check-in nudge names both."""
        second = attrs.evolve(mentorship(), id="m2", mentee="cy")
        workspace = world(mentorships=(mentorship(), second), check_ins=())
        nudges = by_reason(due(workspace, NOW, "da"), NudgeReason.CHECK_IN_DUE)
        (ana,) = [n for n in nudges if n.recipient == "ana"]
        assert ana.subjects == ("m1", "m2")
        assert ana.text == (
            "Hej Ana! Det er tid til check-ins i 2 mentorforløb: Bo (planlagt til onsdag "
            "d. 25.11.) og Cy (planlagt til onsdag d. 25.11.). En kort snak med hver er rigeligt."
        )
        (en,) = [
            n
            for n in by_reason(due(workspace, NOW, "en"), NudgeReason.CHECK_IN_DUE)
            if n.recipient == "ana"
        ]
        assert en.key == "nudges.check_in_due.mentor.other"

    def test_a_mentee_of_two(self) -> None:
        """Bo with two mentors gets the mentee's plural text."""
        second = attrs.evolve(mentorship(), id="m2", mentor="dea")
        workspace = world(mentorships=(mentorship(), second), check_ins=())
        (bo,) = [
            n
            for n in by_reason(due(workspace, NOW, "en"), NudgeReason.CHECK_IN_DUE)
            if n.recipient == "bo"
        ]
        assert bo.text == (
            "Hi Bo! It’s time for a chat with your 2 mentors: Ana (planned for Wednesday "
            "25/11) and Dea (planned for Wednesday 25/11). You’re welcome to suggest times "
            "yourself."
        )

    def test_two_action_items(self) -> None:
        """Dea's two overdue items are one nudge."""
        second = attrs.evolve(action_item(), id="a2", title="Skriv en runbook")
        item: ActionItem = action_item()
        workspace = world(
            incident_reviews=(attrs.evolve(incident_review(item), action_items=(item, second)),)
        )
        (da,) = by_reason(due(workspace, NOW, "da"), NudgeReason.ACTION_ITEM_OVERDUE)
        assert da.subjects == ("ir1/a1", "ir1/a2")
        assert da.text == (
            "Hej Dea! 2 handlingspunkter har passeret deres planlagte dato: »Tilføj en alarm "
            "på kø-længden« (fredag d. 20.11.) og »Skriv en runbook« (fredag d. 20.11.). "
            "Hvordan går det? Hvis planerne har ændret sig, kan du sætte nye datoer eller bede "
            "om hjælp."
        )

    def test_two_sessions_to_present_at(self) -> None:
        """Cy presents at two series on Friday: one reminder names both."""
        workshop = attrs.evolve(friday_series(), id="workshop", name="Miniworkshops")
        plan = friday_plan()
        assignment = plan.assignments[0]
        session = next(s for s in expand(workshop).sessions if s.held_on == D(2026, 11, 27))
        other: Plan = attrs.evolve(
            plan, series="workshop", assignments=(attrs.evolve(assignment, session=session),)
        )
        workspace = world(series=(friday_series(), workshop), plans=(plan, other))
        (en,) = by_reason(due(workspace, NOW, "en"), NudgeReason.PRESENTER_REMINDER)
        assert en.subjects == ("fredag:2026-11-27", "workshop:2026-11-27")
        assert en.text == (
            "Hi Cy! You’re presenting 2 times soon: Fredagsfortællinger, Friday 27/11 at "
            "14:00 and Miniworkshops, Friday 27/11 at 14:00. We’re looking forward to it!"
        )

    def test_two_meetings_of_one_team(self) -> None:
        """Drift meets at 09:30 and at 10:00: at 09:15 one opener names both meetings."""
        first = team_meeting()
        later = attrs.evolve(
            first,
            series=attrs.evolve(
                first.series, id="drift-kaffe", name="Kaffemøde", start_time=dt.time(10)
            ),
        )
        workspace = world(team_meetings=(first, later))
        (da,) = by_reason(due(workspace, NOW, "da"), NudgeReason.MEETING_OPENER)
        assert da.subjects == ("drift-kaffe:2026-11-25", "drift-moede:2026-11-25")
        assert da.due == at(NOW.date(), 8, 30)
        assert da.text.startswith("Hej Drift! 2 møder begynder snart: Driftsmøde kl. 09:30, ")
        assert " og Kaffemøde kl. 10:00, åbn gerne med »" in da.text


class TestGoalFollowUps:
    def leader_of_two(self) -> Workspace:
        """Dea leads Cy's and Ana's reviews on 20 August; Dea's own is with Ana."""
        ana_goal = attrs.evolve(goal(), id="g2", owner="ana", review="r2")
        dea_goal = attrs.evolve(goal(), id="g3", owner="dea", review="r3")
        reviews: list[DevelopmentReview] = [
            review(),
            attrs.evolve(review(), id="r2", employee="ana", goals=("g2",)),
            attrs.evolve(review(), id="r3", employee="dea", leader="ana", goals=("g3",)),
        ]
        goals: list[LearningGoal] = [goal(), ana_goal, dea_goal]
        return world(development_reviews=tuple(reviews), goals=tuple(goals))

    def test_a_leader_of_two_with_her_own(self) -> None:
        """Dea hears once about her own review and the two she leads."""
        nudges = by_reason(due(self.leader_of_two(), NOW, "da"), NudgeReason.GOAL_FOLLOW_UP_DUE)
        (dea,) = [n for n in nudges if n.recipient == "dea"]
        assert dea.subjects == ("r1", "r2", "r3")
        assert dea.key == "nudges.goal_follow_up_due.leader.other"
        assert dea.text == (
            "Hej Dea! Det er tid til at følge op på læringsmålene fra 3 MUS-samtaler: Cy, Ana "
            "og din egen med Ana. En kort snak om, hvad der er lært, og hvad der kunne hjælpe, "
            "er nok."
        )
        assert len({n.recipient for n in nudges}) == len(nudges)

    @settings(max_examples=12)
    @given(days=st.integers(0, 70))
    def test_not_when_more_than_30_days_old(self, days: int) -> None:
        """The follow-up of 20 November is nudged up to 30 days later, and not after."""
        now = at(D(2026, 11, 20) + dt.timedelta(days=days), 9)
        # Every three months: 20 November stays the latest follow-up day until 20 February.
        latest = by_reason(due(world(), now), NudgeReason.GOAL_FOLLOW_UP_DUE)
        assert dt.timedelta(days=30) == FOLLOW_UP_MAX_AGE
        assert bool(latest) == (days <= 30)


class TestOpenerBlocks:
    @settings(max_examples=8)
    @given(prompts=st.integers(2, 7), seed=st.integers(0, 10))
    def test_within_a_block_no_consecutive_repeat(self, prompts: int, seed: int) -> None:
        """Per block of 52 occurrences, consecutive meetings never repeat; blocks restart."""
        deck = PromptDeck(
            id=f"deck{seed}",
            prompts=[
                Prompt(id=f"q{k}", da=f"Spørgsmål {k}?", en=f"Question {k}?")
                for k in range(prompts)
            ],
            name_da="Egne",
            name_en="Own",
        )
        series = weekly(D(2025, 1, 6) + dt.timedelta(days=seed))  # some on weekends, moved
        number = {day: index for index, day in enumerate(series.occurrences())}
        blocks: dict[int, list[Session]] = {}
        for session in expand(series).sessions:
            blocks.setdefault(number[session.scheduled_on] // OPENER_BLOCK, []).append(session)
        assert len(blocks) == 3
        for sessions in blocks.values():
            chain = openers(deck, sessions)  # brute force: the whole block from its start
            assert all(a != b for a, b in itertools.pairwise(chain))
            if prompts > 3:
                assert all(
                    len(set(chain[i : i + 4])) == len(chain[i : i + 4]) for i in range(len(chain))
                )
            for index in {0, 1, len(sessions) // 2, len(sessions) - 1}:
                found = block_of(series, sessions[index])
                assert found == sessions[: index + 1]
                assert len(found) <= OPENER_BLOCK
                assert openers(deck, found)[-1] == chain[index]

    def test_moved_sessions_stay_in_their_block(self) -> None:
        """A block's first session, moved a day earlier by a holiday, still opens its block."""
        series = weekly(D(2025, 1, 7))  # Tuesdays
        first_of_block = list(expand(series).sessions)[OPENER_BLOCK]
        calendar = Calendar(
            holidays=[Holiday(first_of_block.scheduled_on, "Fridag")],
            first_day=D(2025, 1, 1),
            last_day=D(2028, 12, 31),
        )
        moved = attrs.evolve(series, calendar=calendar)
        sessions = list(expand(moved).sessions)
        assert sessions[OPENER_BLOCK].held_on == first_of_block.scheduled_on - dt.timedelta(days=1)
        found = block_of(moved, sessions[OPENER_BLOCK + 2])
        assert [s.id for s in found] == [s.id for s in sessions[OPENER_BLOCK : OPENER_BLOCK + 3]]

    @settings(max_examples=20)
    @given(offset=st.integers(0, 20), minutes=st.integers(-24 * 60, 120))
    def test_the_upcoming_block_is_block_of_the_upcoming_session(
        self, offset: int, minutes: int
    ) -> None:
        """One expansion finds the same block as :func:`block_of` of the session in the window."""
        series = attrs.evolve(weekly(D(2025, 1, 7)), calendar=moving_calendar(), rule=DAILY_ISH)
        sessions = list(expand(series).sessions)
        session = sessions[(offset * 7) % len(sessions) if offset else OPENER_BLOCK]
        now = session.start + dt.timedelta(minutes=minutes)
        found = upcoming_block(series, now)
        in_window = [s for s in sessions if s.start - dt.timedelta(minutes=60) <= now < s.start]
        if in_window:
            assert found == block_of(series, in_window[0])
        else:
            assert found == []

    def test_no_upcoming_block_outside_the_series(self) -> None:
        """Before, after and between a series' sessions there is no block."""
        series = weekly(D(2025, 1, 7))
        last = list(expand(series).sessions)[-1]
        assert upcoming_block(series, at(D(2024, 12, 1), 9)) == []
        assert upcoming_block(series, last.start + dt.timedelta(minutes=5)) == []
        assert upcoming_block(series, at(series.last + dt.timedelta(days=3), 9)) == []
        short = attrs.evolve(series, last=D(2025, 1, 20))  # Tuesdays until 14 January
        assert upcoming_block(short, at(D(2025, 1, 20), 9)) == []


DAILY_ISH = "FREQ=WEEKLY;BYDAY=MO,TU,TH"
"""Three meetings a week, so that a moved one can land beside another."""


def moving_calendar() -> Calendar:
    """Holidays on a Tuesday and a Thursday now and then, so some meetings move or are skipped."""
    days = [D(2025, 1, 7) + dt.timedelta(weeks=w, days=d) for w in range(0, 130, 5) for d in (0, 2)]
    return Calendar(
        holidays=[Holiday(day, "Fridag") for day in days],
        first_day=D(2024, 1, 1),
        last_day=D(2028, 12, 31),
    )


def weekly(first: dt.date) -> SessionSeries:
    """A weekly meeting at 09:30 for two and a half years from ``first``."""
    return SessionSeries(
        id="uge",
        name="Ugemøde",
        format=SessionFormat(id="team_meeting", minutes=30, name="Teammøde"),
        rule="FREQ=WEEKLY",
        start_time=dt.time(9, 30),
        first=first,
        last=first + dt.timedelta(weeks=130),
    )


class TestCorners:
    def test_a_leader_who_left(self) -> None:
        """A review whose leader has left nudges only the employee."""
        gone = attrs.evolve(review(), leader="zed")
        nudges = by_reason(
            due(world(development_reviews=(gone,)), NOW), NudgeReason.GOAL_FOLLOW_UP_DUE
        )
        assert [n.recipient for n in nudges] == ["cy"]

    def test_allocations_only_long_ago(self) -> None:
        """Someone whose only allocations are older than the weeks looked at hears nothing."""
        old = TimeAllocation(
            person="ana", week=D(2026, 1, 5), development_hours=0.0, operations_hours=37.0
        )
        workspace = world(allocations=(*world().allocations, old))
        nudges = by_reason(due(workspace, NOW), NudgeReason.NO_DEVELOPMENT_TIME)
        assert [n.recipient for n in nudges] == ["cy"]

    def test_allocations_of_someone_not_on_the_roster(self) -> None:
        """Allocations of someone who has left are ignored."""
        gone = TimeAllocation(
            person="zed", week=D(2026, 11, 16), development_hours=0.0, operations_hours=37.0
        )
        workspace = world(allocations=(*world().allocations, gone))
        assert due(workspace, NOW) == due(world(), NOW)

    def test_an_old_review_the_calendar_does_not_cover(self) -> None:
        """An earlier review outside the calendar is left to goal_health, which uses the current."""
        calendar = Calendar(first_day=D(2026, 6, 1), last_day=D(2027, 12, 31))
        earlier = attrs.evolve(review(), id="r0", held_on=D(2025, 12, 1), goals=())
        workspace = world(calendar=calendar, development_reviews=(earlier, review()))
        for day, expected in ((D(2026, 12, 18), ["cy", "dea"]), (D(2026, 12, 21), [])):
            nudges = by_reason(due(workspace, at(day, 9)), NudgeReason.GOAL_FOLLOW_UP_DUE)
            assert [n.recipient for n in nudges] == expected

    def test_two_local_days_and_a_review_to_come(self) -> None:
        """Dea in Honolulu is still on Tuesday; a review planned for January changes nothing."""
        honolulu = ZoneInfo("Pacific/Honolulu")
        people = [
            attrs.evolve(p, time_zone=honolulu) if p.id == "dea" else p
            for p in world().roster.people
        ]
        planned = attrs.evolve(review(), id="r2", held_on=D(2027, 1, 11), goals=())
        workspace = world(
            roster=Roster(people=people, teams=world().roster.teams),
            development_reviews=(review(), planned),
        )
        nudges = by_reason(due(workspace, NOW), NudgeReason.GOAL_FOLLOW_UP_DUE)
        assert [(n.recipient, n.due) for n in nudges] == [
            ("cy", at(D(2026, 11, 20), 9)),
            ("dea", dt.datetime(2026, 11, 20, 9, tzinfo=honolulu)),
        ]
