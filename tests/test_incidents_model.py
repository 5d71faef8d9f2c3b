"""Tests of the incident and review model: what may exist, and what is refused (every problem)."""

from __future__ import annotations

import datetime as dt
import itertools
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit import incidents
from learnkit.exceptions import InvalidDataError, UnknownIdError
from learnkit.i18n import translate
from learnkit.incidents import (
    DEFAULT_SEVERITY_SCALE,
    MILESTONE_NAMES,
    REQUIRED_SECTIONS,
    ActionItem,
    ActionStatus,
    ActionType,
    Approval,
    ContributingFactor,
    EventKind,
    FactorCategory,
    FactorRole,
    Impact,
    ImpactAudience,
    Incident,
    IncidentKind,
    IncidentLink,
    IncidentReview,
    IncidentVisibility,
    LanguageOverride,
    Learning,
    LinkKind,
    Milestones,
    Participant,
    ParticipantRole,
    ReviewStatus,
    SeverityLevel,
    SeverityScale,
    TimelineEvent,
)
from learnkit.serialize import from_json, to_json
from learnkit.strategies import _TYPE_STRATEGIES
from learnkit.strategies import _incidents as strategies
from learnkit.time import Calendar

CPH = ZoneInfo("Europe/Copenhagen")
T0 = dt.datetime(2026, 11, 16, 9, 0, tzinfo=CPH)


def _paths(error: InvalidDataError) -> list[str]:
    return [problem.path for problem in error.problems]


def _event(event_id: str, minutes: int) -> TimelineEvent:
    return TimelineEvent(
        id=event_id,
        at=T0 + dt.timedelta(minutes=minutes),
        kind=EventKind.ALERT,
        description="Alarmen gik.",
    )


def _incident(**changes: object) -> Incident:
    fields: dict[str, object] = {
        "id": "i1",
        "kind": IncidentKind.INCIDENT,
        "title": "Betalinger blev afvist",
        "summary": "",
        "severity": "sev2",
        "team": "platform",
        "reported_at": T0,
    }
    fields.update(changes)
    return Incident(**fields)  # type: ignore[arg-type]


class TestSeverity:
    def test_default_scale_has_the_documented_policy(self) -> None:
        """The default scale is sev1..sev4 with the issue's deadlines and approvals."""
        scale = DEFAULT_SEVERITY_SCALE
        assert scale.ids == ("sev1", "sev2", "sev3", "sev4")
        sev1, sev2 = scale.level("sev1"), scale.level("sev2")
        assert (sev1.review_required, sev1.review_within_days, sev1.working_days) == (
            True,
            3,
            False,
        )
        assert (sev2.review_required, sev2.review_within_days, sev2.working_days) == (True, 5, True)
        assert [lv.approvals for lv in scale.levels] == [2, 1, 1, 0]
        assert not scale.level("sev3").review_required
        assert scale.level("sev4").review_within_days is None

    def test_unknown_level(self) -> None:
        """Looking up a level that is not there raises UnknownIdError naming it."""
        with pytest.raises(UnknownIdError) as caught:
            DEFAULT_SEVERITY_SCALE.level("sev9")
        assert caught.value.id == "sev9"

    def test_duplicates_are_all_listed(self) -> None:
        """A scale with a repeated id and a repeated rank lists both problems."""
        level = SeverityLevel(id="a", rank=1, review_required=True)
        with pytest.raises(InvalidDataError) as caught:
            SeverityScale((level, level, attrs.evolve(level, id="b")))
        assert _paths(caught.value) == ["levels[id=a]", "levels[id=a].rank", "levels[id=b].rank"]

    def test_empty_scale(self) -> None:
        """A scale needs at least one level."""
        with pytest.raises(InvalidDataError, match="at least one level"):
            SeverityScale(())

    def test_scale_is_canonical(self) -> None:
        """Levels are kept by rank, so the order given does not matter."""
        levels = DEFAULT_SEVERITY_SCALE.levels
        assert SeverityScale(tuple(reversed(levels))) == DEFAULT_SEVERITY_SCALE

    def test_working_days_need_a_deadline(self) -> None:
        """Counting working days without a number of days is refused."""
        with pytest.raises(InvalidDataError) as caught:
            SeverityLevel(id="x", rank=1, review_required=False, working_days=True)
        assert _paths(caught.value) == ["working_days"]

    def test_review_due(self) -> None:
        """Calendar days are added as days; working days skip weekends and holidays."""
        friday = dt.date(2026, 11, 20)
        scale = DEFAULT_SEVERITY_SCALE
        assert scale.level("sev1").review_due(friday) == dt.date(2026, 11, 23)
        assert scale.level("sev2").review_due(friday) == dt.date(2026, 11, 27)
        assert scale.level("sev4").review_due(friday) is None
        with_holiday = Calendar().with_holidays([])
        assert scale.level("sev2").review_due(friday, with_holiday) == dt.date(2026, 11, 27)

    def test_review_due_refuses_a_datetime(self) -> None:
        """The resolution day is a date; a datetime is refused by name."""
        with pytest.raises(InvalidDataError, match="resolved_on"):
            DEFAULT_SEVERITY_SCALE.level("sev1").review_due(T0)


class TestMilestones:
    def test_every_out_of_order_milestone_is_listed(self) -> None:
        """Each milestone before an earlier one is named, with the one it precedes."""
        with pytest.raises(InvalidDataError) as caught:
            Milestones(
                started=T0,
                detected=T0 - dt.timedelta(hours=1),
                resolved=T0 - dt.timedelta(hours=2),
            )
        assert _paths(caught.value) == ["detected", "resolved"]
        assert "started" in str(caught.value)

    def test_instants_are_compared_across_zones(self) -> None:
        """09:00 in Copenhagen is after 07:30 UTC, whatever the wall clocks say."""
        moments = Milestones(started=dt.datetime(2026, 11, 16, 7, 30, tzinfo=dt.UTC), detected=T0)
        assert [name for name, _ in moments.present()] == ["started", "detected"]

    def test_naive_is_refused(self) -> None:
        """A naive datetime is refused by name."""
        with pytest.raises(InvalidDataError) as caught:
            Milestones(detected=dt.datetime(2026, 1, 1, 9, 0))
        assert _paths(caught.value) == ["detected"]

    @given(strategies.milestones())
    def test_present_is_in_order(self, moments: Milestones) -> None:
        """Present milestones come in MILESTONE_NAMES order and never go back in time."""
        present = moments.present()
        names = [name for name, _ in present]
        assert names == [name for name in MILESTONE_NAMES if name in names]
        assert all(a[1] <= b[1] for a, b in itertools.pairwise(present))


class TestRecords:
    def test_impact(self) -> None:
        """An impact has a description, who was affected and an audience; numbers are optional."""
        impact = Impact(
            description="Betalinger blev afvist",
            affected="kunder",
            audience=ImpactAudience.EXTERNAL,
            people_affected=120,
        )
        assert impact.amount == ""
        with pytest.raises(InvalidDataError) as caught:
            Impact(description=" ", affected="x", audience="external", people_affected=-1)  # type: ignore[arg-type]
        assert _paths(caught.value) == ["description"]

    def test_evidence_is_canonical_and_unique(self) -> None:
        """Evidence is sorted; a repeated reference is refused."""
        event = TimelineEvent(
            id="e1",
            at=T0,
            kind=EventKind.ACTION,
            description="Rullede tilbage",
            evidence=("b", "a"),
        )
        assert event.evidence == ("a", "b")
        with pytest.raises(InvalidDataError) as caught:
            attrs.evolve(event, evidence=("a", "a"))
        assert _paths(caught.value) == ["evidence[a]"]

    def test_actor_role_refuses_control_characters(self) -> None:
        """A role may be empty but never hold control characters."""
        with pytest.raises(InvalidDataError) as caught:
            TimelineEvent(id="e1", at=T0, kind=EventKind.OTHER, description="x", actor_role="a\x00")
        assert _paths(caught.value) == ["actor_role"]

    def test_participant_roles(self) -> None:
        """Roles are kept sorted; none and a repeated role are refused together with the person."""
        person = Participant(
            person="p01", roles=(ParticipantRole.RESPONDER, ParticipantRole.FACILITATOR)
        )
        assert person.roles == (ParticipantRole.FACILITATOR, ParticipantRole.RESPONDER)
        with pytest.raises(InvalidDataError, match="at least one role"):
            Participant(person="p01", roles=())
        with pytest.raises(InvalidDataError) as caught:
            Participant(person="p01", roles=(ParticipantRole.OWNER, ParticipantRole.OWNER))
        assert _paths(caught.value) == ["roles[owner]"]

    def test_enum_names_are_in_both_catalogues(self) -> None:
        """Every enum member of the model has a name in Danish and English."""
        groups = (
            IncidentKind,
            ImpactAudience,
            EventKind,
            ParticipantRole,
            LinkKind,
            IncidentVisibility,
            FactorCategory,
            FactorRole,
            ActionType,
            ActionStatus,
            ReviewStatus,
        )
        for group in groups:
            for member in group:
                assert translate(member.text_key, "da").strip()
                assert translate(member.text_key, "en").strip()
        assert translate(IncidentKind.NEAR_MISS.text_key, "da") == "nærved-hændelse"


class TestIncident:
    def test_every_problem_at_once(self) -> None:
        """Repeated events, people and links and a link to itself are all listed."""
        person = Participant(person="p01", roles=(ParticipantRole.OWNER,))
        with pytest.raises(InvalidDataError) as caught:
            _incident(
                timeline=(_event("e1", 0), _event("e1", 5)),
                participants=(person, person),
                links=(
                    IncidentLink(kind=LinkKind.RELATED, incident="i1"),
                    IncidentLink(kind=LinkKind.DUPLICATE_OF, incident="i2"),
                    IncidentLink(kind=LinkKind.RELATED, incident="i2"),
                ),
            )
        assert _paths(caught.value) == [
            "timeline[e1]",
            "participants[p01]",
            "links[i2]",
            "links[i1]",
        ]

    def test_timeline_keeps_its_order(self) -> None:
        """The timeline is kept as written; out_of_order_events names the late entries."""
        incident = _incident(timeline=(_event("e2", 10), _event("e1", 0), _event("e3", 20)))
        assert [event.id for event in incident.timeline] == ["e2", "e1", "e3"]
        assert incident.out_of_order_events() == ("e1",)
        assert incident.event_ids == frozenset({"e1", "e2", "e3"})

    def test_people_with(self) -> None:
        """people_with lists the participants with a role, sorted by id."""
        incident = _incident(
            participants=(
                Participant(person="p09", roles=(ParticipantRole.RESPONDER,)),
                Participant(
                    person="p02", roles=(ParticipantRole.RESPONDER, ParticipantRole.FACILITATOR)
                ),
            )
        )
        assert incident.people_with(ParticipantRole.RESPONDER) == ("p02", "p09")
        assert incident.people_with(ParticipantRole.FACILITATOR) == ("p02",)
        assert incident.people_with(ParticipantRole.OBSERVER) == ()

    @settings(max_examples=25)
    @given(strategies.incidents(), st.randoms(use_true_random=False))
    def test_equal_whatever_order(self, incident: Incident, random: object) -> None:
        """Participants and links given in any order make an equal incident."""
        people, links = list(incident.participants), list(incident.links)
        random.shuffle(people)  # type: ignore[attr-defined]
        random.shuffle(links)  # type: ignore[attr-defined]
        assert attrs.evolve(incident, participants=people, links=links) == incident

    @settings(max_examples=25)
    @given(strategies.incidents())
    def test_out_of_order_matches_brute_force(self, incident: Incident) -> None:
        """An event is late exactly when it is before the latest time listed before it."""
        timeline = incident.timeline
        late = tuple(
            event.id
            for index, event in enumerate(timeline)
            if any(event.at < earlier.at for earlier in timeline[:index])
        )
        assert incident.out_of_order_events() == late

    @settings(max_examples=15)
    @given(strategies.incidents(chronological=True))
    def test_chronological_strategy(self, incident: Incident) -> None:
        """The chronological strategy never yields a late event."""
        assert incident.out_of_order_events() == ()


class TestActionItem:
    def test_committed_items_need_owner_due_and_type(self) -> None:
        """An open item without owner, due date and type lists all three."""
        with pytest.raises(InvalidDataError) as caught:
            ActionItem(
                id="a1", title="Tilføj alarm", status=ActionStatus.OPEN, created_on=T0.date()
            )
        assert _paths(caught.value) == ["owner", "due", "type"]

    def test_a_proposal_may_be_bare(self) -> None:
        """A proposed item is an idea: no owner, due date or type needed."""
        item = ActionItem(
            id="a1", title="Tilføj alarm", status=ActionStatus.PROPOSED, created_on=T0.date()
        )
        assert item.owner is None
        assert item.reason == ""

    def test_status_fields_and_dates(self) -> None:
        """done_on only when done, a reason when dropped, no date before creation."""
        day = T0.date()
        with pytest.raises(InvalidDataError) as caught:
            ActionItem(
                id="a1",
                title="x",
                status=ActionStatus.WONT_DO,
                created_on=day,
                due=day - dt.timedelta(days=1),
                done_on=day,
                reason=" ",
            )
        assert _paths(caught.value) == ["done_on", "reason", "due"]
        with pytest.raises(InvalidDataError) as caught:
            ActionItem(
                id="a1",
                title="x",
                status=ActionStatus.DONE,
                created_on=day,
                owner="p01",
                due=day,
                type=ActionType.REPAIR,
            )
        assert _paths(caught.value) == ["done_on"]

    def test_status_properties(self) -> None:
        """Committed statuses carry a commitment; active ones have work outstanding."""
        assert {s for s in ActionStatus if s.is_committed} == {
            ActionStatus.OPEN,
            ActionStatus.IN_PROGRESS,
            ActionStatus.DONE,
        }
        assert {s for s in ActionStatus if s.is_active} == {
            ActionStatus.OPEN,
            ActionStatus.IN_PROGRESS,
        }

    @settings(max_examples=30)
    @given(strategies.action_items())
    def test_strategy_items_keep_the_rules(self, item: ActionItem) -> None:
        """Every generated item that is committed has owner, due date and type."""
        if item.status.is_committed:
            assert None not in (item.owner, item.due, item.type)
        assert (item.done_on is not None) == (item.status is ActionStatus.DONE)


class TestReview:
    def test_defaults(self) -> None:
        """A new review is a first-revision draft with nothing filled in."""
        review = IncidentReview(id="r1", incident="i1", author="p01")
        assert (review.status, review.revision) == (ReviewStatus.DRAFT, 1)
        assert review.missing_sections == REQUIRED_SECTIONS

    def test_every_problem_at_once(self) -> None:
        """Repeated ids, a double approval and a skipped review without reason are all listed."""
        factor = ContributingFactor(
            id="f1", category=FactorCategory.TOOLING, role=FactorRole.TRIGGER, description="x"
        )
        learning = Learning(id="l1", statement="x")
        item = ActionItem(id="a1", title="x", status=ActionStatus.PROPOSED, created_on=T0.date())
        approval = Approval(by="p02", at=T0)
        with pytest.raises(InvalidDataError) as caught:
            IncidentReview(
                id="r1",
                incident="i1",
                author="p01",
                status=ReviewStatus.SKIPPED,
                factors=(factor, factor),
                learnings=(learning, learning),
                action_items=(item, item),
                approvals=(approval, approval),
                published_at=T0,
            )
        assert _paths(caught.value) == [
            "factors[f1]",
            "learnings[l1]",
            "action_items[a1]",
            "approvals[p02]",
            "published_at",
            "reason",
        ]

    def test_published_needs_a_moment(self) -> None:
        """A published or closed review says when it was published."""
        for status in (ReviewStatus.PUBLISHED, ReviewStatus.CLOSED):
            with pytest.raises(InvalidDataError) as caught:
                IncidentReview(id="r1", incident="i1", author="p01", status=status)
            assert _paths(caught.value) == ["published_at"]

    def test_sections(self) -> None:
        """section() reads a text section; a blank required section is missing."""
        review = IncidentReview(
            id="r1", incident="i1", author="p01", summary="Kort", narrative="  ", lucky="Heldigt"
        )
        assert review.section("lucky") == "Heldigt"
        assert review.missing_sections == ("narrative", "went_well", "difficult")
        with pytest.raises(InvalidDataError, match="name"):
            review.section("factors")

    def test_learning_tags_are_a_set(self) -> None:
        """Tags collapse and sort, so equal learnings compare equal."""
        first = Learning(id="l1", statement="x", tags=("deploy", "alarmer", "deploy"))
        assert first.tags == ("alarmer", "deploy")
        assert first == Learning(id="l1", statement="x", tags=["alarmer", "deploy"])

    def test_action_item_lookup(self) -> None:
        """action_item finds an item by id and raises UnknownIdError otherwise."""
        item = ActionItem(id="a1", title="x", status=ActionStatus.PROPOSED, created_on=T0.date())
        review = IncidentReview(id="r1", incident="i1", author="p01", action_items=[item])
        assert review.action_item("a1") is item
        with pytest.raises(UnknownIdError):
            review.action_item("a2")


class TestSerialization:
    @settings(max_examples=20)
    @given(st.data())
    def test_round_trip(self, data: st.DataObject) -> None:
        """Every public type of the model survives to_json and from_json unchanged."""
        for cls, factory in strategies.FACTORIES:
            value = data.draw(factory(), label=cls.__name__)
            assert from_json(to_json(value), cls) == value


class TestBadData:
    def test_wrong_containers_and_texts_are_named(self) -> None:
        """A string where a collection belongs, or a number where text belongs, is named."""
        with pytest.raises(InvalidDataError) as caught:
            _incident(summary=3)
        assert _paths(caught.value) == ["summary"]
        with pytest.raises(InvalidDataError) as caught:
            _incident(impacts="Betalinger")
        assert _paths(caught.value) == ["impacts"]
        with pytest.raises(InvalidDataError) as caught:
            IncidentReview(id="r1", incident="i1", author="p01", factors="f1")
        assert _paths(caught.value) == ["factors"]

    def test_factor_evidence_is_unique(self) -> None:
        """A factor points at each event once."""
        with pytest.raises(InvalidDataError) as caught:
            ContributingFactor(
                id="f1",
                category=FactorCategory.DETECTION,
                role=FactorRole.MITIGATING,
                description="Alarmen fangede fejlen tidligt.",
                evidence=("e2", "e2"),
            )
        assert _paths(caught.value) == ["evidence[e2]"]

    def test_tags_must_be_a_collection_of_ids(self) -> None:
        """One string, or unhashable tags, are refused by name."""
        for tags in ("deploy", [["deploy"]]):
            with pytest.raises(InvalidDataError) as caught:
                Learning(id="l1", statement="x", tags=tags)
            assert caught.value.problems[0].path.startswith("tags")

    def test_override_kind(self) -> None:
        """An override names a FindingKind, not its value."""
        with pytest.raises(InvalidDataError) as caught:
            LanguageOverride(
                field="narrative",
                phrase="burde have",
                kind="counterfactual",  # type: ignore[arg-type]
                justification="Citat",
                by="p01",
            )
        assert _paths(caught.value) == ["kind"]

    def test_every_public_type_has_a_registered_strategy(self) -> None:
        """Every public attrs type of the incident model is known to st.from_type."""
        mine = {cls for cls, _ in strategies.FACTORIES}
        assert mine <= set(_TYPE_STRATEGIES)
        own_modules = {"_model", "_severity", "_review", "_publish"}
        public = {
            getattr(incidents, name)
            for name in incidents.__all__
            if isinstance(getattr(incidents, name), type)
            and attrs.has(getattr(incidents, name))
            and getattr(incidents, name).__module__.rsplit(".", 1)[-1] in own_modules
        }
        assert public == mine
