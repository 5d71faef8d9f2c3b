"""Follow-ups: reviews owed, action items due, and the reminder plan of each open item."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit._demo_incident_followups import _duration, demo_lines
from learnkit._example_incidents import build_incidents
from learnkit.examples import example_organisation
from learnkit.exceptions import InvalidDataError
from learnkit.incidents import (
    ActionItem,
    ActionStatus,
    ActionType,
    Incident,
    IncidentKind,
    IncidentReview,
    IncidentVisibility,
    Milestones,
    Participant,
    ParticipantRole,
    ReviewStatus,
)
from learnkit.incidents._followups import (
    DEFAULT_FOLLOW_UP_POLICY,
    ActionItemDue,
    DueState,
    FollowUpPolicy,
    FollowUps,
    Reminder,
    ReminderKind,
    ReviewDue,
    follow_ups,
    reminder_plan,
    stable_id,
)
from learnkit.incidents._metrics_reviews import ActionItemRef
from learnkit.people import Person, Roster, Team
from learnkit.serialize import from_json, to_json
from learnkit.strategies import _incident_followups as strategies_module
from learnkit.strategies._incident_followups import FACTORIES
from learnkit.time import Calendar, Holiday

D = dt.date
CPH = ZoneInfo("Europe/Copenhagen")
WEEK = Calendar()
DUE = D(2026, 11, 25)  # a Wednesday
CREATED = D(2026, 11, 9)
# Friday 6 November 2026, 16:00: when the example incidents were resolved.
RESOLVED = dt.datetime(2026, 11, 6, 16, 0, tzinfo=CPH)


def now(day: dt.date) -> dt.datetime:
    """10:00 in Copenhagen on ``day``."""
    return dt.datetime.combine(day, dt.time(10), tzinfo=CPH)


def incident(
    id: str,
    severity: str = "sev1",
    *,
    resolved: dt.datetime | None = RESOLVED,
    people: tuple[Participant, ...] = (),
) -> Incident:
    """A resolved incident of team platform."""
    return Incident(
        id=id,
        kind=IncidentKind.INCIDENT,
        title=f"Hændelse {id}",
        summary="",
        severity=severity,
        team="platform",
        reported_at=RESOLVED - dt.timedelta(hours=2),
        milestones=Milestones(resolved=resolved),
        participants=people,
    )


def open_item(
    id: str = "a1",
    *,
    due: dt.date = DUE,
    created_on: dt.date = CREATED,
    status: ActionStatus = ActionStatus.OPEN,
) -> ActionItem:
    """An open action item owned by p02."""
    return ActionItem(
        id=id,
        title="Tilføj en alarm på kø-længden",
        status=status,
        created_on=created_on,
        type=ActionType.DETECT,
        owner="p02",
        due=due,
        done_on=due if status is ActionStatus.DONE else None,
    )


def review(
    id: str = "r1",
    incident_id: str = "i1",
    *,
    status: ReviewStatus = ReviewStatus.DRAFT,
    items: tuple[ActionItem, ...] = (),
) -> IncidentReview:
    """A review by p01; published ones were published on the resolved day."""
    published = RESOLVED if status in (ReviewStatus.PUBLISHED, ReviewStatus.CLOSED) else None
    return IncidentReview(
        id=id,
        incident=incident_id,
        author="p01",
        status=status,
        action_items=items,
        published_at=published,
        reason="Ikke nødvendig" if status is ReviewStatus.SKIPPED else "",
    )


def roundtrip(value: object) -> None:
    """``value`` survives JSON."""
    assert from_json(to_json(value), type(value)) == value


class TestDueState:
    def test_states(self) -> None:
        """Before, on and after the due day."""
        due = D(2026, 11, 25)
        assert DueState.on(D(2026, 11, 24), due) is DueState.UPCOMING
        assert DueState.on(due, due) is DueState.DUE
        assert DueState.on(D(2026, 11, 26), due) is DueState.OVERDUE
        assert DueState.OVERDUE.text_key == "followups.state.overdue"


class TestStableId:
    def test_escapes_separators(self) -> None:
        """Parts with colons cannot collide with other parts."""
        assert stable_id("a:b", "c") != stable_id("a", "b:c")
        assert stable_id("a%3Ab") != stable_id("a:b")
        assert stable_id("x", "y") == "x:y"


class TestReminderPlan:
    def plan(self, item: ActionItem, until: dt.date, **kwargs: Any) -> list[tuple[dt.date, str]]:
        """(day, kind) of each reminder of ``item`` in review r1."""
        calendar = kwargs.pop("calendar", WEEK)
        found = reminder_plan(review(items=(item,)), item, calendar=calendar, until=until, **kwargs)
        return [(reminder.on, reminder.kind.value) for reminder in found]

    def test_default_plan(self) -> None:
        """Due Wednesday 25 Nov: Monday before, then Thursday 26, Tuesday 1, Friday 4 Dec."""
        assert self.plan(open_item(), D(2026, 12, 4)) == [
            (D(2026, 11, 23), "before_due"),
            (D(2026, 11, 26), "overdue"),
            (D(2026, 12, 1), "overdue"),
            (D(2026, 12, 4), "overdue"),
        ]

    def test_working_days_only(self) -> None:
        """Due on a Monday before a holiday: Thursday before, then Wednesday after."""
        calendar = Calendar(holidays=[Holiday(D(2026, 11, 24), "Firmadag")])
        assert self.plan(open_item(due=D(2026, 11, 23)), D(2026, 11, 25), calendar=calendar) == [
            (D(2026, 11, 19), "before_due"),
            (D(2026, 11, 25), "overdue"),
        ]

    def test_policy(self) -> None:
        """No reminder before with remind_before=0; daily once overdue with remind_every=1."""
        policy = FollowUpPolicy(remind_before=0, remind_every=1)
        assert self.plan(open_item(), D(2026, 11, 30), policy=policy) == [
            (D(2026, 11, 26), "overdue"),
            (D(2026, 11, 27), "overdue"),
            (D(2026, 11, 30), "overdue"),
        ]

    def test_no_reminder_before_the_item_existed(self) -> None:
        """An item created the day before it is due gets no before-due reminder."""
        item = open_item(created_on=D(2026, 11, 24))
        assert self.plan(item, D(2026, 11, 26)) == [(D(2026, 11, 26), "overdue")]

    @pytest.mark.parametrize("status", [ActionStatus.DONE, ActionStatus.PROPOSED])
    def test_only_active_items(self, status: ActionStatus) -> None:
        """Done and proposed items are not reminded about."""
        item = open_item(status=status)
        if status is ActionStatus.PROPOSED:
            item = ActionItem(
                id="a1", title="Idé", status=status, created_on=D(2026, 11, 9), due=D(2026, 11, 20)
            )
        assert self.plan(item, D(2027, 1, 1)) == []

    def test_reminder_fields_and_text(self) -> None:
        """A reminder names its item, owner, due date, and has a stable id and a text."""
        first = reminder_plan(
            review(items=(open_item(),)), open_item(), calendar=WEEK, until=D(2026, 11, 26)
        )
        assert [r.id for r in first] == [
            "reminder:r1:a1:2026-11-25:before_due:1",
            "reminder:r1:a1:2026-11-25:overdue:1",
        ]
        assert first[0].recipient == "p02"
        assert first[0].ref == ActionItemRef("r1", "a1")
        assert first[0].message("da") == (
            "Påmindelse: »Tilføj en alarm på kø-længden« skal være klar senest 2026-11-25."
        )
        assert "planned for 2026-11-25" in first[1].message("en")
        roundtrip(first[1])

    def test_refusals(self) -> None:
        """An item of another review and wrong types are refused."""
        with pytest.raises(InvalidDataError, match="not an action item"):
            reminder_plan(review(), open_item(), calendar=WEEK, until=D(2026, 12, 1))
        with pytest.raises(InvalidDataError, match="calendar"):
            reminder_plan(review(), open_item(), calendar=None, until=D(2026, 12, 1))  # type: ignore[arg-type]
        with pytest.raises(InvalidDataError, match="until"):
            reminder_plan(review(), open_item(), calendar=WEEK, until=None)  # type: ignore[arg-type]
        with pytest.raises(InvalidDataError, match="remind_every"):
            FollowUpPolicy(remind_every=0)

    def test_reminder_kind_matches_its_day(self) -> None:
        """An overdue reminder falls after the due date; a before-due one on or before it."""
        fields: dict[str, Any] = {
            "id": "x",
            "ref": ActionItemRef("r1", "a1"),
            "recipient": "p02",
            "title": "T",
            "due": D(2026, 11, 25),
            "number": 1,
        }
        with pytest.raises(InvalidDataError, match="after the due date"):
            Reminder(on=D(2026, 11, 25), kind=ReminderKind.OVERDUE, **fields)
        with pytest.raises(InvalidDataError, match="on or before"):
            Reminder(on=D(2026, 11, 26), kind=ReminderKind.BEFORE_DUE, **fields)

    @settings(max_examples=40)
    @given(
        st.integers(0, 40),
        st.integers(0, 30),
        st.integers(0, 60),
        st.integers(0, 5),
        st.integers(1, 5),
    )
    def test_plan_properties(
        self, created: int, lead: int, extra: int, before: int, every: int
    ) -> None:
        """Working days, strictly increasing, unique ids, and a prefix of any later plan."""
        start = D(2026, 11, 2)
        item = open_item(
            created_on=start + dt.timedelta(days=created),
            due=start + dt.timedelta(days=created + lead),
        )
        policy = FollowUpPolicy(remind_before=before, remind_every=every)
        until = start + dt.timedelta(days=created + lead + extra)
        plan = reminder_plan(review(items=(item,)), item, calendar=WEEK, until=until, policy=policy)
        days = [r.on for r in plan]
        assert all(WEEK.is_working_day(day) for day in days)
        assert days == sorted(set(days))
        assert len({r.id for r in plan}) == len(plan)
        assert all(item.created_on <= day <= until for day in days)
        shorter = reminder_plan(
            review(items=(item,)),
            item,
            calendar=WEEK,
            until=until - dt.timedelta(days=7),
            policy=policy,
        )
        assert plan[: len(shorter)] == shorter
        overdue = [r for r in plan if r.kind is ReminderKind.OVERDUE]
        assert [r.number for r in overdue] == list(range(1, len(overdue) + 1))
        for earlier, later in itertools.pairwise(overdue):
            assert WEEK.working_days_between(earlier.on, later.on) == every


class TestFollowUps:
    def test_reviews_owed_and_their_recipients(self) -> None:
        """Author of a draft, else facilitator, else owner, else team manager, else nobody."""
        facilitated = (
            Participant(person="p05", roles=(ParticipantRole.FACILITATOR,)),
            Participant(person="p04", roles=(ParticipantRole.OWNER,)),
        )
        owned = (Participant(person="p04", roles=(ParticipantRole.OWNER,)),)
        incidents = [
            incident("i1"),
            incident("i2", people=facilitated),
            incident("i3", people=owned),
            incident("i4"),
        ]
        roster = Roster(
            people=[Person(id="p09", name="Lene", team="platform", start_date=D(2020, 1, 1))],
            teams=[Team(id="platform", name="Platform", manager="p09")],
        )
        found = follow_ups(
            incidents, [review("r1", "i1")], now=now(D(2026, 11, 9)), calendar=WEEK, roster=roster
        )
        assert [(due.incident, due.recipient, due.review) for due in found.reviews] == [
            ("i1", "p01", "r1"),
            ("i2", "p05", None),
            ("i3", "p04", None),
            ("i4", "p09", None),
        ]
        alone = follow_ups([incident("i4")], [], now=now(D(2026, 11, 9)), calendar=WEEK)
        assert alone.reviews[0].recipient is None
        stranger = follow_ups(
            [incident("i4")],
            [],
            now=now(D(2026, 11, 9)),
            calendar=WEEK,
            roster=Roster(people=[], teams=[Team(id="data", name="Data")]),
        )
        assert stranger.reviews[0].recipient is None
        roundtrip(found)

    def test_review_states_and_ids(self) -> None:
        """A sev1 review resolved Friday is due Monday: upcoming, due, then overdue."""
        states = [
            follow_ups([incident("i1")], [], now=now(day), calendar=WEEK).reviews[0]
            for day in (D(2026, 11, 8), D(2026, 11, 9), D(2026, 11, 10))
        ]
        assert [due.state for due in states] == [DueState.UPCOMING, DueState.DUE, DueState.OVERDUE]
        assert {due.deadline for due in states} == {D(2026, 11, 9)}
        assert states[2].id == "review-due:i1:2026-11-09:overdue"
        assert states[2].message("en", title="Login") == (
            "The review of “Login” was due on 2026-11-09. What would help to finish it?"
        )
        assert "i dag" in states[1].message("da", title="Login")

    def test_what_settles_or_excuses_a_review(self) -> None:
        """Published, closed or skipped reviews settle; optional levels need a started review."""
        incidents = [
            incident("i1"),
            incident("i2"),
            incident("i3", "sev3"),
            incident("i4", "sev3"),
            incident("i5", "sev4"),
            incident("i6", resolved=None),
            incident("i7", "sev2"),
        ]
        reviews = [
            review("r1", "i1", status=ReviewStatus.PUBLISHED),
            review("r2", "i2", status=ReviewStatus.SKIPPED),
            review("r3", "i3", status=ReviewStatus.IN_REVIEW),
            review("r5", "i5"),
            review("r6", "i6"),
            review("r7", "i7", status=ReviewStatus.CLOSED),
        ]
        found = follow_ups(incidents, reviews, now=now(D(2026, 11, 9)), calendar=WEEK)
        assert [due.incident for due in found.reviews] == ["i3"]
        assert found.reviews[0].deadline == D(2026, 11, 20)

    def test_actions_and_reminders(self) -> None:
        """Items show from their first reminder on; the latest reminder is the one to send."""
        items = (
            open_item("a1"),
            open_item("a2", due=D(2026, 11, 30)),
            open_item("a3", due=D(2026, 11, 20), status=ActionStatus.IN_PROGRESS),
            open_item("a4", due=D(2026, 11, 10), status=ActionStatus.DONE),
        )
        found = follow_ups(
            [incident("i1")],
            [review("r1", "i1", status=ReviewStatus.PUBLISHED, items=items)],
            now=now(D(2026, 11, 25)),
            calendar=WEEK,
        )
        assert [(due.ref.item, due.state) for due in found.actions] == [
            ("a3", DueState.OVERDUE),
            ("a1", DueState.DUE),
        ]
        assert [(r.ref.item, r.kind, r.number, r.on) for r in found.reminders] == [
            ("a1", ReminderKind.BEFORE_DUE, 1, D(2026, 11, 23)),
            ("a3", ReminderKind.OVERDUE, 1, D(2026, 11, 23)),
        ]
        assert found.actions[0].id == "action-due:r1:a3:2026-11-20:overdue"
        assert found.recipients == ("p02",)
        thursday = follow_ups(
            [],
            [review("r1", "i1", status=ReviewStatus.PUBLISHED, items=items)],
            now=now(D(2026, 11, 26)),
            calendar=WEEK,
        )
        assert [(due.ref.item, due.state) for due in thursday.actions] == [
            ("a3", DueState.OVERDUE),
            ("a1", DueState.OVERDUE),
            ("a2", DueState.UPCOMING),
        ]

    def test_refusals(self) -> None:
        """Naive times, wrong types and duplicate ids are refused."""
        with pytest.raises(InvalidDataError, match="now"):
            follow_ups([], [], now=dt.datetime(2026, 11, 9), calendar=WEEK)
        for field, kwargs in (
            ("calendar", {"calendar": "DK"}),
            ("scale", {"calendar": WEEK, "scale": None}),
            ("policy", {"calendar": WEEK, "policy": {}}),
            ("roster", {"calendar": WEEK, "roster": []}),
        ):
            with pytest.raises(InvalidDataError, match=field):
                follow_ups([], [], now=now(D(2026, 11, 9)), **kwargs)
        due = ReviewDue(
            id="x",
            incident="i1",
            review=None,
            deadline=D(2026, 11, 9),
            state=DueState.DUE,
            recipient=None,
        )
        with pytest.raises(InvalidDataError, match="used twice"):
            FollowUps(on=D(2026, 11, 9), reviews=[due, due])

    @settings(max_examples=30)
    @given(
        st.lists(st.integers(0, 40), max_size=4),
        st.lists(st.sampled_from(("sev1", "sev2", "sev3", "sev4")), min_size=3, max_size=3),
        st.integers(0, 60),
    )
    def test_order_independent_and_unique(
        self, dues: list[int], severities: list[str], day: int
    ) -> None:
        """Same follow-ups whatever the input order; ids unique; defaults as documented."""
        start = D(2026, 11, 9)
        items = tuple(
            open_item(f"a{n}", due=start + dt.timedelta(days=offset))
            for n, offset in enumerate(dues)
        )
        incidents = [incident(f"i{n}", severity) for n, severity in enumerate(severities)]
        reviews = [
            review("r1", "i0", items=items),
            review("r2", "i1", status=ReviewStatus.PUBLISHED),
        ]
        when = now(start + dt.timedelta(days=day))
        found = follow_ups(incidents, reviews, now=when, calendar=WEEK)
        again = follow_ups(reversed(incidents), reversed(reviews), now=when, calendar=WEEK)
        assert found == again
        assert len(found.reminders) <= len(items)
        assert all(r.on <= found.on for r in found.reminders)
        assert FollowUpPolicy(remind_before=2, remind_every=3) == DEFAULT_FOLLOW_UP_POLICY
        assert all(isinstance(due, ActionItemDue) for due in found.actions)


class TestStrategies:
    @pytest.mark.parametrize(
        ("kind", "factory"), FACTORIES, ids=[kind.__name__ for kind, _ in FACTORIES]
    )
    def test_every_type_has_a_valid_strategy(self, kind: type, factory: Any) -> None:
        """Each strategy yields values of its type that survive JSON."""

        @settings(max_examples=5, deadline=None)
        @given(factory())
        def check(value: object) -> None:
            assert isinstance(value, kind)
            roundtrip(value)

        check()

    def test_public_names(self) -> None:
        """Every public strategy is listed, and every public strategy yields a value."""
        assert sorted(strategies_module.__all__) == strategies_module.__all__
        assert len(FACTORIES) == len(strategies_module.__all__)


class TestDemo:
    def test_example_organisation(self) -> None:
        """The demo step on Fjordlys A/S: heading, metrics, follow-ups, one shared sentence."""
        organisation = example_organisation()
        incidents, reviews = build_incidents(
            organisation.roster, organisation.as_of, organisation.seed
        )
        for locale in ("da", "en"):
            lines = demo_lines(
                incidents,
                reviews,
                organisation.roster,
                as_of=organisation.as_of,
                calendar=WEEK,
                locale=locale,
            )
            again = demo_lines(
                reversed(incidents),
                reversed(reviews),
                organisation.roster,
                as_of=organisation.as_of,
                calendar=WEEK,
                locale=locale,
            )
            assert lines == again
            assert 8 <= len(lines) <= 15
        assert lines[0] == "Incidents: metrics and follow-up"
        assert lines[1].startswith("Time to detect: median ")
        assert lines[-1].startswith("Shared with the organisation (rev-betaling): ")
        names = {person.name.split()[0] for person in organisation.roster}
        assert not names & set(lines[-1].replace(".", " ").replace(",", " ").split())

    def test_without_records(self) -> None:
        """No incidents: each metric says so, and nothing is shared."""
        lines = demo_lines(
            [], [], Roster(people=[], teams=[]), as_of=D(2026, 11, 23), calendar=WEEK, locale="da"
        )
        assert lines[1] == "Tid til opdagelse: ingen hændelser med begge tidspunkter"
        assert not lines[-1].startswith("Delt")

    def test_restricted_and_unpublished_are_not_shared(self) -> None:
        """Only a published review of a non-restricted incident gives the shared sentence."""
        hidden = attrs.evolve(incident("i1"), visibility=IncidentVisibility.RESTRICTED)
        shared = attrs.evolve(incident("i2"), visibility=IncidentVisibility.TEAM)
        reviews = [
            review("r1", "i1", status=ReviewStatus.PUBLISHED),
            review("r2", "i2", status=ReviewStatus.PUBLISHED),
            review("r3", "i9", status=ReviewStatus.PUBLISHED),
        ]
        lines = demo_lines(
            [hidden, shared],
            reviews,
            Roster(people=[], teams=[]),
            as_of=D(2026, 11, 23),
            calendar=WEEK,
            locale="en",
        )
        assert lines[-1] == "Shared with the organisation (r2): Hændelse i2."
        assert lines[3] == "Time to resolve: no incident has both milestones"

    @pytest.mark.parametrize(
        ("minutes", "da", "en"),
        [
            (59, "59 min", "59 min"),
            (60, "1 t 0 min", "1 h 0 min"),
            (25 * 60 + 5, "1 døgn 1 t", "1 d 1 h"),
        ],
    )
    def test_durations(self, minutes: int, da: str, en: str) -> None:
        """Durations read as minutes, hours and minutes, or days and hours."""
        assert _duration(minutes * 60, "da") == da
        assert _duration(minutes * 60, "en") == en
