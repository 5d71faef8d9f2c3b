"""The review and action-item lifecycles, and the publish rules, against independent models."""

from __future__ import annotations

import datetime as dt
import functools
import pickle
from collections.abc import Callable
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, note, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from learnkit.examples import example_organisation
from learnkit.exceptions import InvalidDataError, TransitionError, UnknownIdError
from learnkit.i18n import translate
from learnkit.incidents import (
    BLOCKER_CODES,
    DEFAULT_SEVERITY_SCALE,
    REFUSAL_REASONS,
    REQUIRED_SECTIONS,
    ActionItem,
    ActionStatus,
    ActionType,
    Approval,
    Blocker,
    ContributingFactor,
    EventKind,
    FactorCategory,
    FactorRole,
    Incident,
    IncidentKind,
    IncidentReview,
    LanguageOverride,
    Learning,
    Milestones,
    Participant,
    ParticipantRole,
    PublishRefusedError,
    ReviewStatus,
    TimelineEvent,
    action_refusals,
    amend,
    approve,
    close,
    commit,
    complete,
    publish,
    publish_blockers,
    reject,
    reopen,
    request_changes,
    review_refusals,
    skip,
    start,
    submit,
    with_action_item,
    wont_do,
)
from learnkit.incidents import _refusals as lc
from learnkit.incidents._language import FindingKind, LanguagePolicy
from learnkit.people import Roster
from learnkit.strategies import _incidents as strategies
from learnkit.strategies._language import language_policies

CPH = ZoneInfo("Europe/Copenhagen")
T0 = dt.datetime(2026, 11, 16, 9, 0, tzinfo=CPH)
DAY0 = T0.date()
DAY = dt.timedelta(days=1)


@functools.cache
def roster() -> Roster:
    """Fjordlys A/S: p07 Jens Møller facilitates, p12 Emil Mikkelsen responded and writes."""
    return example_organisation().roster


def at(minutes: int) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


FACILITATOR = Participant(person="p07", roles=(ParticipantRole.FACILITATOR,))
RESPONDER = Participant(person="p12", roles=(ParticipantRole.RESPONDER, ParticipantRole.OWNER))
TIMELINE = (
    TimelineEvent(
        id="e1",
        at=at(0),
        kind=EventKind.ACTION,
        description="Ny konfiguration af betalingsgatewayen blev rullet ud.",
        actor_role="deploy-pipeline",
    ),
    TimelineEvent(
        id="e2", at=at(12), kind=EventKind.ALERT, description="Alarmen for afviste betalinger gik."
    ),
    TimelineEvent(
        id="e3",
        at=at(40),
        kind=EventKind.ACTION,
        description="Konfigurationen blev rullet tilbage.",
        actor_role="vagthavende",
    ),
)
INCIDENT = Incident(
    id="i1",
    kind=IncidentKind.INCIDENT,
    title="Betalinger blev afvist i webshoppen",
    summary="I 40 minutter blev kortbetalinger afvist.",
    severity="sev2",
    team="platform",
    reported_at=at(15),
    milestones=Milestones(
        started=at(0), detected=at(12), acknowledged=at(15), mitigated=at(40), resolved=at(90)
    ),
    timeline=TIMELINE,
    participants=(FACILITATOR, RESPONDER),
)
CLEAN_FACTOR = ContributingFactor(
    id="f1",
    category=FactorCategory.TOOLING,
    role=FactorRole.TRIGGER,
    description="Pipelinen sammenligner ikke konfigurationen for test og produktion.",
    evidence=("e1",),
)
LEARNING = Learning(
    id="l1",
    statement="Konfiguration skal testes som det færdige resultat, ikke som skabelon.",
    tags=("config", "deploy"),
)
READY = IncidentReview(
    id="r1",
    incident="i1",
    author="p12",
    status=ReviewStatus.IN_REVIEW,
    summary="En konfigurationsændring fik betalinger til at blive afvist i 40 minutter.",
    narrative="Ændringen så ens ud i test og produktion, fordi miljøerne deler skabelon.",
    went_well="Alarmen gik hurtigt, og tilbagerulningen virkede første gang.",
    difficult="Det var svært at se, hvilken af tre ændringer der gav fejlen.",
    factors=(CLEAN_FACTOR,),
    learnings=(LEARNING,),
    approvals=(Approval(by="p07", at=at(3000)),),
)
BLAMING = "Det hele skyldtes en menneskelig fejl i opsætningen."
BLAMING_OVERRIDE = LanguageOverride(
    field="narrative",
    phrase="menneskelig fejl",
    kind=FindingKind.HUMAN_ERROR,
    justification="Citat fra kundens klage; vi gengiver den ordret.",
    by="p07",
)


def codes(review: IncidentReview, incident: Incident = INCIDENT, **kwargs: object) -> list[str]:
    return [b.code for b in publish_blockers(review, incident, roster=roster(), **kwargs)]  # type: ignore[arg-type]


def item(status: ActionStatus = ActionStatus.PROPOSED, **changes: object) -> ActionItem:
    fields: dict[str, object] = {
        "id": "a1",
        "title": "Sammenlign de færdige konfigurationsfiler i pipelinen",
        "status": status,
        "created_on": DAY0,
    }
    if status.is_committed or status is ActionStatus.WONT_DO:
        fields.update(owner="p12", due=DAY0 + 14 * DAY, type=ActionType.PREVENT)
    if status is ActionStatus.DONE:
        fields["done_on"] = DAY0 + 7 * DAY
    if status in (ActionStatus.REJECTED, ActionStatus.WONT_DO):
        fields["reason"] = "Dækket af en anden handling"
    fields.update(changes)
    return ActionItem(**fields)  # type: ignore[arg-type]


class TestPublishRules:
    def test_a_ready_review_publishes(self) -> None:
        """A review meeting every rule has no blockers and publishes at the given moment."""
        assert publish_blockers(READY, INCIDENT, roster=roster()) == ()
        published = publish(READY, at=at(4000), incident=INCIDENT, roster=roster())
        assert published.status is ReviewStatus.PUBLISHED
        assert published.published_at == at(4000)

    def test_an_empty_draft_lists_every_rule_at_once(self) -> None:
        """An empty draft of an incident without participants breaks every rule it can."""
        draft = IncidentReview(id="r1", incident="i1", author="p12")
        bare = attrs.evolve(INCIDENT, participants=())
        blockers = publish_blockers(draft, bare)
        assert [b.code for b in blockers] == [
            "not_in_review",
            *["section_missing"] * 4,
            "no_factor",
            "no_learning",
            "no_facilitator",
            "approvals_missing",
        ]
        assert [b.field for b in blockers if b.code == "section_missing"] == sorted(
            REQUIRED_SECTIONS
        )
        assert blockers[0].params == (("status", "draft"),)
        assert blockers[-1].params == (("have", "0"), ("needed", "1"))

    def test_a_factor_naming_a_person_or_human_error(self) -> None:
        """Factors naming a person or human error are blocked, overrides or not."""
        factors = (
            attrs.evolve(CLEAN_FACTOR, id="f2", description="Emil Mikkelsen glemte at teste."),
            attrs.evolve(CLEAN_FACTOR, id="f3", description="Årsagen var en menneskelig fejl."),
            attrs.evolve(CLEAN_FACTOR, id="f4", description="Emils ændring blev ikke testet."),
            attrs.evolve(
                CLEAN_FACTOR, id="f5", description="Ida Rasmussen godkendte uden testdata."
            ),
        )
        override = LanguageOverride(
            field="factors[1].description",
            phrase="menneskelig fejl",
            kind=FindingKind.HUMAN_ERROR,
            justification="Vi vil gerne beholde det.",
            by="p07",
        )
        review = attrs.evolve(READY, factors=factors, overrides=(override,))
        blockers = publish_blockers(review, INCIDENT, roster=roster())
        found = [(b.code, b.field, dict(b.params)["phrase"]) for b in blockers]
        assert found == [
            ("factor_names_person", "factors[0].description", "Emil Mikkelsen glemte"),
            ("factor_names_person", "factors[2].description", "Emils"),
            ("factor_names_person", "factors[3].description", "Ida Rasmussen"),
            ("factor_human_error", "factors[1].description", "menneskelig fejl"),
        ]

    def test_the_team_policy_cannot_lift_the_factor_rules(self) -> None:
        """Disabling human error and person as cause does not let such a factor publish."""
        factors = (
            attrs.evolve(CLEAN_FACTOR, id="f2", description="Årsagen var en menneskelig fejl."),
            attrs.evolve(CLEAN_FACTOR, id="f3", description="Root cause: human error."),
        )
        review = attrs.evolve(READY, factors=factors)
        off = frozenset({FindingKind.HUMAN_ERROR, FindingKind.PERSON_AS_CAUSE})
        for policy in (
            LanguagePolicy(blocking=frozenset(), disabled=off),
            LanguagePolicy(blocking=frozenset(), info=off),
            LanguagePolicy(blocking=frozenset()),
        ):
            blockers = publish_blockers(review, INCIDENT, roster=roster(), policy=policy)
            assert [(b.code, b.field) for b in blockers] == [
                ("factor_human_error", "factors[0].description"),
                ("factor_human_error", "factors[1].description"),
            ]
            with pytest.raises(PublishRefusedError):
                publish(review, at=at(4000), incident=INCIDENT, roster=roster(), policy=policy)
        # The same phrase elsewhere follows the team's policy.
        narrative = attrs.evolve(READY, narrative=BLAMING)
        assert codes(narrative, policy=LanguagePolicy(blocking=frozenset(), disabled=off)) == []

    @settings(max_examples=25)
    @given(
        policy=language_policies(),
        phrase=st.sampled_from(
            (
                "Årsagen var en menneskelig fejl.",
                "Det skyldtes menneskelig fejl i opsætningen.",
                "The cause was human error.",
                "Human error in the rollout.",
            )
        ),
    )
    def test_human_error_in_a_factor_never_publishes(
        self, policy: LanguagePolicy, phrase: str
    ) -> None:
        """Whatever the team's policy, a factor giving human error as its cause never publishes."""
        review = attrs.evolve(READY, factors=(attrs.evolve(CLEAN_FACTOR, description=phrase),))
        blockers = publish_blockers(review, INCIDENT, roster=roster(), policy=policy)
        assert ("factor_human_error", "factors[0].description") in [
            (b.code, b.field) for b in blockers
        ]
        with pytest.raises(PublishRefusedError):
            publish(review, at=at(4000), incident=INCIDENT, roster=roster(), policy=policy)

    def test_first_names_are_whole_words_of_participants_only(self) -> None:
        """A participant's first name inside a word, or a non-participant's, is not a name."""
        factor = attrs.evolve(
            CLEAN_FACTOR, description="Jensen-skabelonen og Idas gamle script blev brugt."
        )
        assert codes(attrs.evolve(READY, factors=(factor,))) == []

    def test_without_a_roster_only_the_language_check_finds_names(self) -> None:
        """Without a roster, full names are not known, so only the checker's findings count."""
        factor = attrs.evolve(CLEAN_FACTOR, description="Ida Rasmussen godkendte uden testdata.")
        review = attrs.evolve(READY, factors=(factor,))
        assert publish_blockers(review, INCIDENT) == ()

    def test_evidence_and_timeline(self) -> None:
        """Evidence must point at timeline events, and the timeline must be in order."""
        factor = attrs.evolve(CLEAN_FACTOR, evidence=("e1", "e9", "e8"))
        shuffled = attrs.evolve(INCIDENT, timeline=(TIMELINE[1], TIMELINE[0], TIMELINE[2]))
        blockers = publish_blockers(attrs.evolve(READY, factors=(factor,)), shuffled)
        assert [(b.code, b.field, b.params) for b in blockers] == [
            ("factor_evidence_unknown", "factors[0].evidence", (("event", "e8"),)),
            ("factor_evidence_unknown", "factors[0].evidence", (("event", "e9"),)),
            ("timeline_out_of_order", "timeline[1]", (("event", "e1"),)),
        ]

    def test_action_owners_must_be_in_the_roster(self) -> None:
        """An open item owned by someone outside the roster blocks; a proposal does not."""
        items = (
            item(ActionStatus.OPEN, id="a1", owner="x99"),
            item(ActionStatus.PROPOSED, id="a2", owner="x98"),
            item(ActionStatus.IN_PROGRESS, id="a3"),
        )
        review = attrs.evolve(READY, action_items=items)
        assert [(b.code, b.field) for b in publish_blockers(review, INCIDENT, roster=roster())] == [
            ("action_owner_unknown", "action_items[0].owner")
        ]
        assert publish_blockers(review, INCIDENT) == ()

    @pytest.mark.parametrize(
        ("crew", "expected"),
        [
            ((FACILITATOR, RESPONDER), []),
            (
                (
                    Participant(
                        person="p12", roles=(ParticipantRole.FACILITATOR, ParticipantRole.RESPONDER)
                    ),
                    Participant(person="p07", roles=(ParticipantRole.OBSERVER,)),
                ),
                ["facilitator_only_responder"],
            ),
            (
                (Participant(person="p07", roles=(ParticipantRole.OBSERVER,)), RESPONDER),
                ["no_facilitator"],
            ),
            ((FACILITATOR,), []),
            (
                (
                    Participant(
                        person="p12", roles=(ParticipantRole.FACILITATOR, ParticipantRole.RESPONDER)
                    ),
                    FACILITATOR,
                ),
                [],
            ),
            (
                (
                    Participant(
                        person="p07", roles=(ParticipantRole.FACILITATOR, ParticipantRole.RESPONDER)
                    ),
                    RESPONDER,
                ),
                [],
            ),
        ],
    )
    def test_facilitator(self, crew: tuple[Participant, ...], expected: list[str]) -> None:
        """Some facilitator must not be the only responder."""
        assert codes(READY, attrs.evolve(INCIDENT, participants=crew)) == expected

    def test_language_findings_block_unless_overridden(self) -> None:
        """A blocking finding blocks until an override with a justification names it."""
        blaming = attrs.evolve(READY, narrative=BLAMING)
        blockers = publish_blockers(blaming, INCIDENT, roster=roster())
        assert [(b.code, b.field) for b in blockers] == [("language_finding", "narrative")]
        assert dict(blockers[0].params) == {"kind": "human_error", "phrase": "menneskelig fejl"}
        assert "Menneskelig fejl" in blockers[0].text("da")
        assert codes(attrs.evolve(blaming, overrides=(BLAMING_OVERRIDE,))) == []
        lenient = LanguagePolicy(blocking=frozenset())
        assert codes(blaming, policy=lenient) == []

    def test_warnings_do_not_block(self) -> None:
        """A counterfactual is a warning by default, not a blocker."""
        review = attrs.evolve(READY, difficult="Vi burde have opdaget det tidligere.")
        assert codes(review) == []

    def test_approvals_from_others_than_the_author(self) -> None:
        """The author's own approval does not count; sev1 needs two."""
        own = attrs.evolve(READY, approvals=(Approval(by="p12", at=at(10)),))
        assert codes(own) == ["approvals_missing"]
        sev1 = attrs.evolve(INCIDENT, severity="sev1")
        blockers = publish_blockers(READY, sev1, roster=roster())
        assert [(b.code, b.params) for b in blockers] == [
            ("approvals_missing", (("have", "1"), ("needed", "2")))
        ]

    def test_bad_arguments(self) -> None:
        """Another incident's review is bad data; an unknown severity an unknown id."""
        with pytest.raises(InvalidDataError, match="incident"):
            publish_blockers(READY, attrs.evolve(INCIDENT, id="i2"))
        with pytest.raises(UnknownIdError):
            publish_blockers(READY, attrs.evolve(INCIDENT, severity="p1"))

    def test_publish_refusal_carries_every_blocker(self) -> None:
        """publish raises PublishRefusedError with every blocker, one reason each."""
        draft = attrs.evolve(READY, status=ReviewStatus.DRAFT, narrative="", learnings=())
        with pytest.raises(PublishRefusedError) as caught:
            publish(draft, at=at(4000), incident=INCIDENT, roster=roster())
        error = caught.value
        assert error.blockers == publish_blockers(draft, INCIDENT, roster=roster())
        assert [b.code for b in error.blockers] == [
            "not_in_review",
            "section_missing",
            "no_learning",
        ]
        assert error.reasons == tuple(b.reason for b in error.blockers)
        assert error.reasons[1] == "incidents.blocker.section_missing (narrative)"
        assert (error.source, error.target) == ("draft", "published")
        again = pickle.loads(pickle.dumps(error))
        assert (again.blockers, again.reasons) == (error.blockers, error.reasons)

    def test_publish_refuses_a_naive_moment(self) -> None:
        """The moment of publication is aware."""
        with pytest.raises(InvalidDataError, match="at"):
            publish(READY, at=dt.datetime(2026, 11, 20, 9, 0), incident=INCIDENT)

    def test_every_blocker_has_texts(self) -> None:
        """Every code renders in Danish and English with its parameters."""
        params = {"status": "draft", "phrase": "x", "event": "e1", "owner": "p1"}
        params |= {"kind": "human_error", "needed": "2", "have": "0"}
        for code in BLOCKER_CODES:
            blocker = Blocker(code=code, field="narrative", params=tuple(params.items()))
            assert blocker.text("da") != blocker.text("en")
            assert blocker.key.startswith(f"incidents.blocker.{code}")
        one = Blocker(
            code="approvals_missing", field="approvals", params=(("needed", "1"), ("have", "0"))
        )
        assert one.key == "incidents.blocker.approvals_missing.one"
        assert one.text("da") == (
            "Gennemgangen skal godkendes af 1 person ud over forfatteren og er godkendt af 0."
        )
        bare = Blocker(code="no_factor", field="factors")
        assert bare.text("en") == "Name at least one contributing factor."

    def test_blocker_validation(self) -> None:
        """A blocker has a known code and named string parameters, never 'field'."""
        with pytest.raises(InvalidDataError) as caught:
            Blocker(code="nope", field="x")
        assert caught.value.problems[0].path == "code"
        for params in ((("field", "x"),), (("a", 1),), (("a", "1"), ("a", "2"))):
            with pytest.raises(InvalidDataError):
                Blocker(code="no_factor", field="x", params=params)  # type: ignore[arg-type]

    @settings(max_examples=20)
    @given(st.permutations((*READY.factors, attrs.evolve(CLEAN_FACTOR, id="f2", evidence=("e7",)))))
    def test_blockers_are_sorted_and_stable(self, factors: list[ContributingFactor]) -> None:
        """Blockers come in rule order, then field, and the same review gives the same list."""
        review = attrs.evolve(READY, factors=factors, narrative="")
        first = publish_blockers(review, INCIDENT, roster=roster())
        order = [BLOCKER_CODES.index(b.code) for b in first]
        assert order == sorted(order)
        assert first == publish_blockers(review, INCIDENT, roster=roster())


class TestPublishProperty:
    @settings(max_examples=15)
    @given(
        incident=strategies.incidents(people=("p07", "p12", "p20")),
        data=st.data(),
    )
    def test_publish_succeeds_exactly_without_blockers(
        self, incident: Incident, data: st.DataObject
    ) -> None:
        """publish raises with exactly publish_blockers, and succeeds when there are none."""
        review = data.draw(strategies.incident_reviews(incident_id=incident.id))
        blockers = publish_blockers(review, incident, roster=roster())
        assert blockers == publish_blockers(review, incident, roster=roster())
        order = [(BLOCKER_CODES.index(b.code), b.field, b.params) for b in blockers]
        assert order == sorted(order)
        if blockers:
            with pytest.raises(PublishRefusedError) as caught:
                publish(review, at=T0, incident=incident, roster=roster())
            assert caught.value.blockers == blockers
        else:
            assert publish(review, at=T0, incident=incident).status is ReviewStatus.PUBLISHED


class TestReviewMoves:
    def test_the_happy_path(self) -> None:
        """Draft → in review → published → closed, amended on the way."""
        draft = attrs.evolve(READY, status=ReviewStatus.DRAFT, approvals=())
        in_review = approve(submit(draft), by="p07", at=at(2000))
        published = publish(in_review, at=at(3000), incident=INCIDENT, roster=roster())
        amended = amend(published, reason="Ny viden om alarmen")
        assert (amended.status, amended.revision, amended.approvals) == (
            ReviewStatus.IN_REVIEW,
            2,
            (),
        )
        assert amended.published_at == at(3000)
        again = publish(approve(amended, by="p07", at=at(5000)), at=at(6000), incident=INCIDENT)
        assert close(again).status is ReviewStatus.CLOSED

    def test_request_changes_lists_every_reason(self) -> None:
        """A draft with a blank reason: not in review and no reason, together."""
        draft = attrs.evolve(READY, status=ReviewStatus.DRAFT)
        with pytest.raises(TransitionError) as caught:
            request_changes(draft, reason="  ")
        assert caught.value.reasons == (lc.REVIEW_NOT_IN_REVIEW, lc.REASON_MISSING)
        back = request_changes(READY, reason="Fortællingen mangler nattevagtens perspektiv")
        assert (back.status, back.approvals) == (ReviewStatus.DRAFT, ())

    def test_approve_lists_every_reason(self) -> None:
        """The author approving a draft twice over breaks three rules at once."""
        draft = attrs.evolve(
            READY, status=ReviewStatus.DRAFT, approvals=(Approval(by="p12", at=T0),)
        )
        with pytest.raises(TransitionError) as caught:
            approve(draft, by="p12", at=at(1))
        assert caught.value.reasons == (
            lc.REVIEW_NOT_IN_REVIEW,
            lc.REVIEW_SELF_APPROVAL,
            lc.REVIEW_ALREADY_APPROVED,
        )

    def test_amend_and_close_refusals(self) -> None:
        """Amending a draft needs publishing first and a reason; closing needs settled items."""
        with pytest.raises(TransitionError) as caught:
            amend(attrs.evolve(READY, status=ReviewStatus.DRAFT), reason="")
        assert caught.value.reasons == (lc.REVIEW_NOT_PUBLISHED, lc.REASON_MISSING)
        busy = attrs.evolve(READY, action_items=(item(ActionStatus.OPEN),))
        with pytest.raises(TransitionError) as caught:
            close(busy)
        assert caught.value.reasons == (lc.REVIEW_NOT_PUBLISHED, lc.REVIEW_UNSETTLED_ACTIONS)

    def test_skip(self) -> None:
        """A required review cannot be skipped; an optional one can, with a reason."""
        published = attrs.evolve(READY, status=ReviewStatus.PUBLISHED, published_at=T0)
        with pytest.raises(TransitionError) as caught:
            skip(published, reason=" ", incident=INCIDENT)
        assert caught.value.reasons == (
            lc.REVIEW_NOT_SKIPPABLE,
            lc.REASON_MISSING,
            lc.REVIEW_REQUIRED,
        )
        near_miss = attrs.evolve(INCIDENT, kind=IncidentKind.NEAR_MISS, severity="sev4")
        skipped = skip(READY, reason="Kendt og dækket af i0", incident=near_miss)
        assert (skipped.status, skipped.reason) == (ReviewStatus.SKIPPED, "Kendt og dækket af i0")
        with pytest.raises(InvalidDataError):
            skip(READY, reason="x", incident=attrs.evolve(INCIDENT, id="i2"))

    def test_review_refusals_without_arguments(self) -> None:
        """Without arguments the guard answers from the status alone."""
        draft = attrs.evolve(READY, status=ReviewStatus.DRAFT)
        answers = {target: review_refusals(draft, target) for target in ReviewStatus}
        assert answers == {
            ReviewStatus.DRAFT: (lc.REVIEW_NOT_IN_REVIEW,),
            ReviewStatus.IN_REVIEW: (),
            ReviewStatus.PUBLISHED: (lc.REVIEW_NOT_IN_REVIEW,),
            ReviewStatus.CLOSED: (lc.REVIEW_NOT_PUBLISHED,),
            ReviewStatus.SKIPPED: (),
        }
        assert review_refusals(READY, ReviewStatus.IN_REVIEW) == (lc.REVIEW_NOT_DRAFT,)
        with pytest.raises(InvalidDataError):
            review_refusals(draft, "draft")  # type: ignore[arg-type]

    def test_with_action_item(self) -> None:
        """An item replaces the one with its id or is added; a closed review refuses."""
        review = attrs.evolve(READY, action_items=(item(),))
        changed = with_action_item(review, item(ActionStatus.OPEN))
        assert [i.status for i in changed.action_items] == [ActionStatus.OPEN]
        added = with_action_item(review, item(id="a2"))
        assert [i.id for i in added.action_items] == ["a1", "a2"]
        closed = attrs.evolve(review, status=ReviewStatus.CLOSED, published_at=T0)
        with pytest.raises(TransitionError) as caught:
            with_action_item(closed, item())
        assert caught.value.reasons == (lc.REVIEW_FINAL,)

    def test_wrong_types(self) -> None:
        """Moves refuse what is not a review, reason or moment, by name."""
        with pytest.raises(InvalidDataError, match="review"):
            submit("r1")  # type: ignore[arg-type]
        with pytest.raises(InvalidDataError, match="reason"):
            request_changes(READY, reason=3)  # type: ignore[arg-type]
        with pytest.raises(InvalidDataError, match="reason"):
            request_changes(READY, reason="a\x00b")
        with pytest.raises(InvalidDataError, match="item"):
            with_action_item(READY, "a1")  # type: ignore[arg-type]

    def test_every_reason_has_texts(self) -> None:
        """Every refusal reason is a whole sentence in Danish and English."""
        for reason in REFUSAL_REASONS:
            assert translate(reason, "da").endswith(".")
            assert translate(reason, "en").endswith(".")
            assert translate(reason, "da") != translate(reason, "en")


class TestActionMoves:
    def test_the_happy_path(self) -> None:
        """Proposed → open → in progress → done → reopened → won't do."""
        opened = commit(item(), owner="p12", due=DAY0 + 10 * DAY, type=ActionType.DETECT)
        assert (opened.status, opened.owner, opened.type) == (
            ActionStatus.OPEN,
            "p12",
            ActionType.DETECT,
        )
        done = complete(start(opened), on=DAY0 + 3 * DAY)
        assert (done.status, done.done_on) == (ActionStatus.DONE, DAY0 + 3 * DAY)
        again = reopen(done, due=DAY0 + 30 * DAY, reason="Alarmen var for følsom")
        assert (again.status, again.done_on, again.due) == (
            ActionStatus.OPEN,
            None,
            DAY0 + 30 * DAY,
        )
        dropped = wont_do(again, reason="Erstattet af ny overvågning")
        assert dropped.status is ActionStatus.WONT_DO
        assert reopen(dropped).status is ActionStatus.OPEN
        assert reject(item(), reason="Dækket af a2").status is ActionStatus.REJECTED

    def test_commit_lists_every_missing_part(self) -> None:
        """Committing a bare proposal names owner, due date and type at once."""
        with pytest.raises(TransitionError) as caught:
            commit(item())
        assert caught.value.reasons == (
            lc.ACTION_OWNER_MISSING,
            lc.ACTION_DUE_MISSING,
            lc.ACTION_TYPE_MISSING,
        )
        with pytest.raises(TransitionError) as caught:
            commit(item(ActionStatus.OPEN), due=DAY0 - DAY)
        assert caught.value.reasons == (lc.ACTION_NOT_PROPOSED, lc.ACTION_DUE_BEFORE_CREATED)

    def test_commit_falls_back_to_the_suggestion(self) -> None:
        """What the proposal suggested is used when the commitment leaves it out."""
        suggested = item(owner="p07", type=ActionType.LEARN)
        opened = commit(suggested, due=DAY0 + DAY)
        assert (opened.owner, opened.type, opened.due) == ("p07", ActionType.LEARN, DAY0 + DAY)

    def test_other_refusals(self) -> None:
        """Each move names the state it needs, and a blank reason, together."""
        cases: list[tuple[Callable[[], object], tuple[str, ...]]] = [
            (lambda: start(item()), (lc.ACTION_NOT_OPEN,)),
            (
                lambda: complete(item(), on=DAY0 - DAY),
                (lc.ACTION_NOT_ACTIVE, lc.ACTION_DONE_BEFORE_CREATED),
            ),
            (
                lambda: reject(item(ActionStatus.OPEN), reason=""),
                (lc.ACTION_NOT_PROPOSED, lc.REASON_MISSING),
            ),
            (lambda: wont_do(item(), reason="\n"), (lc.ACTION_NOT_ACTIVE, lc.REASON_MISSING)),
            (lambda: reopen(item(ActionStatus.OPEN)), (lc.ACTION_NOT_CLOSED,)),
            (
                lambda: reopen(item(ActionStatus.REJECTED), due=DAY0 - DAY),
                (
                    lc.ACTION_NOT_CLOSED,
                    lc.ACTION_OWNER_MISSING,
                    lc.ACTION_DUE_BEFORE_CREATED,
                    lc.ACTION_TYPE_MISSING,
                ),
            ),
        ]
        for move, expected in cases:
            with pytest.raises(TransitionError) as caught:
                move()
            assert caught.value.reasons == expected

    def test_guard_answers(self) -> None:
        """action_refusals answers from the state; nothing returns to an idea."""
        proposed = item()
        assert action_refusals(proposed, ActionStatus.PROPOSED) == (lc.ACTION_NOT_CLOSED,)
        assert action_refusals(proposed, ActionStatus.REJECTED) == ()
        assert (
            action_refusals(
                proposed, ActionStatus.OPEN, owner="p1", due=DAY0, type=ActionType.LEARN
            )
            == ()
        )

    def test_wrong_types(self) -> None:
        """Bad owners, dates and types are bad data, not refused moves."""
        with pytest.raises(InvalidDataError, match="owner"):
            commit(item(), owner=" p1")
        with pytest.raises(InvalidDataError, match="due"):
            commit(item(), due=T0)
        with pytest.raises(InvalidDataError, match="type"):
            commit(item(), type="learn")  # type: ignore[arg-type]
        with pytest.raises(InvalidDataError, match="on"):
            complete(item(ActionStatus.OPEN), on="2026-01-01")  # type: ignore[arg-type]
        with pytest.raises(InvalidDataError, match="target"):
            action_refusals(item(), "open")  # type: ignore[arg-type]


# --- stateful: the review lifecycle ---------------------------------------------------------

SECTIONS = {
    "summary": READY.summary,
    "narrative": READY.narrative,
    "went_well": READY.went_well,
    "difficult": READY.difficult,
}
# Factors with what the rules must say about them.
FACTOR_CHOICES: dict[str, tuple[ContributingFactor, str | None]] = {
    "clean": (CLEAN_FACTOR, None),
    "names": (
        attrs.evolve(CLEAN_FACTOR, description="Emil Mikkelsen glemte at teste ændringen."),
        "factor_names_person",
    ),
    "human": (
        attrs.evolve(CLEAN_FACTOR, description="Årsagen var en menneskelig fejl."),
        "factor_human_error",
    ),
    "evidence": (attrs.evolve(CLEAN_FACTOR, evidence=("e9",)), "factor_evidence_unknown"),
}
CREWS: dict[str, tuple[tuple[Participant, ...], str | None]] = {
    "good": ((FACILITATOR, RESPONDER), None),
    "alone": (
        (
            Participant(
                person="p12", roles=(ParticipantRole.FACILITATOR, ParticipantRole.RESPONDER)
            ),
        ),
        "facilitator_only_responder",
    ),
    "none": ((RESPONDER,), "no_facilitator"),
}
INCIDENTS: dict[str, tuple[Incident, set[str]]] = {}
for _crew, (_people, _code) in CREWS.items():
    for _severity in ("sev1", "sev2", "sev3", "sev4"):
        for _ordered in (True, False):
            _timeline = TIMELINE if _ordered else (TIMELINE[2], *TIMELINE[:2])
            _expected = {_code} if _code else set()
            if not _ordered:
                _expected.add("timeline_out_of_order")
            INCIDENTS[f"{_crew}-{_severity}-{_ordered}"] = (
                attrs.evolve(
                    INCIDENT, participants=_people, severity=_severity, timeline=_timeline
                ),
                _expected,
            )


def expected_blockers(review: IncidentReview, incident: Incident, static: set[str]) -> set[str]:
    """The publish rules, written again from the labelled parts of the machine."""
    expected = set(static)
    if review.status is not ReviewStatus.IN_REVIEW:
        expected.add("not_in_review")
    if any(not getattr(review, name).strip() for name in REQUIRED_SECTIONS):
        expected.add("section_missing")
    if not review.factors:
        expected.add("no_factor")
    if not review.learnings:
        expected.add("no_learning")
    for factor in review.factors:
        for choice, code in FACTOR_CHOICES.values():
            if factor == attrs.evolve(choice, id=factor.id) and code:
                expected.add(code)
    if review.narrative == BLAMING and BLAMING_OVERRIDE not in review.overrides:
        expected.add("language_finding")
    needed = DEFAULT_SEVERITY_SCALE.level(incident.severity).approvals
    if len({a.by for a in review.approvals} - {review.author}) < needed:
        expected.add("approvals_missing")
    return expected


class ReviewLifecycle(RuleBasedStateMachine):
    """Random edits and moves of one review against an independent model of every rule."""

    def __init__(self) -> None:
        super().__init__()
        self.review = attrs.evolve(READY, status=ReviewStatus.DRAFT, approvals=())
        self.incident = INCIDENT
        self.static: set[str] = set()
        self.revision = 1

    @initialize(which=st.sampled_from(sorted(INCIDENTS)))
    def choose_incident(self, which: str) -> None:
        self.incident, self.static = INCIDENTS[which]
        note(f"incident {which}")

    def attempt(self, move: Callable[[], IncidentReview], expected: tuple[str, ...]) -> None:
        before = self.review
        if expected:
            with pytest.raises(TransitionError) as caught:
                move()
            assert caught.value.reasons == expected
            assert self.review is before
        else:
            self.review = move()

    # edits (only while the review can change)
    @rule(name=st.sampled_from(sorted(SECTIONS)), filled=st.booleans())
    def edit_section(self, name: str, filled: bool) -> None:
        if self.review.status in (ReviewStatus.DRAFT, ReviewStatus.IN_REVIEW):
            text = SECTIONS[name] if filled else " "
            self.review = attrs.evolve(self.review, **{name: text})  # type: ignore[arg-type]

    @rule(choices=st.lists(st.sampled_from(sorted(FACTOR_CHOICES)), max_size=2))
    def set_factors(self, choices: list[str]) -> None:
        if self.review.status in (ReviewStatus.DRAFT, ReviewStatus.IN_REVIEW):
            factors = [
                attrs.evolve(FACTOR_CHOICES[c][0], id=f"f{i}") for i, c in enumerate(choices)
            ]
            self.review = attrs.evolve(self.review, factors=factors)

    @rule(present=st.booleans())
    def set_learning(self, present: bool) -> None:
        if self.review.status in (ReviewStatus.DRAFT, ReviewStatus.IN_REVIEW):
            self.review = attrs.evolve(self.review, learnings=(LEARNING,) if present else ())

    @rule(blaming=st.booleans(), overridden=st.booleans())
    def set_narrative(self, blaming: bool, overridden: bool) -> None:
        if self.review.status in (ReviewStatus.DRAFT, ReviewStatus.IN_REVIEW):
            self.review = attrs.evolve(
                self.review,
                narrative=BLAMING if blaming else SECTIONS["narrative"],
                overrides=(BLAMING_OVERRIDE,) if overridden else (),
            )

    # moves
    @rule()
    def submit(self) -> None:
        expected = () if self.review.status is ReviewStatus.DRAFT else (lc.REVIEW_NOT_DRAFT,)
        self.attempt(lambda: submit(self.review), expected)

    @rule(by=st.sampled_from(("p07", "p12", "p20", "p31")), minutes=st.integers(0, 9000))
    def approve(self, by: str, minutes: int) -> None:
        expected = []
        if self.review.status is not ReviewStatus.IN_REVIEW:
            expected.append(lc.REVIEW_NOT_IN_REVIEW)
        if by == self.review.author:
            expected.append(lc.REVIEW_SELF_APPROVAL)
        if by in {a.by for a in self.review.approvals}:
            expected.append(lc.REVIEW_ALREADY_APPROVED)
        self.attempt(lambda: approve(self.review, by=by, at=at(minutes)), tuple(expected))

    @rule(reason=st.sampled_from(("", "Mangler tidslinje for natten")))
    def request_changes(self, reason: str) -> None:
        expected = [] if self.review.status is ReviewStatus.IN_REVIEW else [lc.REVIEW_NOT_IN_REVIEW]
        if not reason:
            expected.append(lc.REASON_MISSING)
        self.attempt(lambda: request_changes(self.review, reason=reason), tuple(expected))
        if not expected:
            assert self.review.approvals == ()

    @rule(minutes=st.integers(0, 9000))
    def publish(self, minutes: int) -> None:
        expected = expected_blockers(self.review, self.incident, self.static)
        blockers = publish_blockers(self.review, self.incident, roster=roster())
        assert {b.code for b in blockers} == expected
        if expected:
            with pytest.raises(PublishRefusedError) as caught:
                publish(self.review, at=at(minutes), incident=self.incident, roster=roster())
            assert caught.value.blockers == blockers
        else:
            self.review = publish(
                self.review, at=at(minutes), incident=self.incident, roster=roster()
            )
            assert self.review.status is ReviewStatus.PUBLISHED
            assert self.review.published_at == at(minutes)

    @rule(reason=st.sampled_from(("", "Ny viden om alarmen")))
    def amend(self, reason: str) -> None:
        expected = [] if self.review.status is ReviewStatus.PUBLISHED else [lc.REVIEW_NOT_PUBLISHED]
        if not reason:
            expected.append(lc.REASON_MISSING)
        self.attempt(lambda: amend(self.review, reason=reason), tuple(expected))
        if not expected:
            self.revision += 1
            assert self.review.approvals == ()

    @rule()
    def close(self) -> None:
        expected = (
            () if self.review.status is ReviewStatus.PUBLISHED else (lc.REVIEW_NOT_PUBLISHED,)
        )
        self.attempt(lambda: close(self.review), expected)

    @rule(reason=st.sampled_from(("", "Dækket af gennemgangen af i0")))
    def skip(self, reason: str) -> None:
        expected = []
        if self.review.status not in (ReviewStatus.DRAFT, ReviewStatus.IN_REVIEW):
            expected.append(lc.REVIEW_NOT_SKIPPABLE)
        if not reason:
            expected.append(lc.REASON_MISSING)
        if DEFAULT_SEVERITY_SCALE.level(self.incident.severity).review_required:
            expected.append(lc.REVIEW_REQUIRED)
        self.attempt(
            lambda: skip(self.review, reason=reason, incident=self.incident), tuple(expected)
        )

    @invariant()
    def published_reviews_meet_every_rule(self) -> None:
        if self.review.status is ReviewStatus.PUBLISHED:
            # Publishing left the content as it was, so the rules (but the status) still hold.
            as_in_review = attrs.evolve(self.review, status=ReviewStatus.IN_REVIEW)
            assert publish_blockers(as_in_review, self.incident, roster=roster()) == ()
            assert self.review.published_at is not None

    @invariant()
    def revision_counts_amendments(self) -> None:
        assert self.review.revision == self.revision


TestReviewLifecycle = ReviewLifecycle.TestCase
TestReviewLifecycle.settings = settings(max_examples=30, stateful_step_count=20, deadline=None)


# --- stateful: the action-item lifecycle ----------------------------------------------------


def expected_open(
    old: ActionItem, *, via_commit: bool, owner: str | None, due: dt.date | None, kind: object
) -> list[str]:
    reasons = []
    if via_commit and old.status is not ActionStatus.PROPOSED:
        reasons.append(lc.ACTION_NOT_PROPOSED)
    if not via_commit and old.status not in (ActionStatus.DONE, ActionStatus.WONT_DO):
        reasons.append(lc.ACTION_NOT_CLOSED)
    if (owner or old.owner) is None:
        reasons.append(lc.ACTION_OWNER_MISSING)
    effective_due = due or old.due
    if effective_due is None:
        reasons.append(lc.ACTION_DUE_MISSING)
    elif effective_due < old.created_on:
        reasons.append(lc.ACTION_DUE_BEFORE_CREATED)
    if (kind or old.type) is None:
        reasons.append(lc.ACTION_TYPE_MISSING)
    return reasons


class ActionItemLifecycle(RuleBasedStateMachine):
    """Random moves of one action item; it is never open without owner, due date and type."""

    def __init__(self) -> None:
        super().__init__()
        self.item = item()

    def attempt(
        self,
        target: ActionStatus,
        move: Callable[[], ActionItem],
        expected: list[str],
        **args: object,
    ) -> None:
        guard = action_refusals(self.item, target, **args)  # type: ignore[arg-type]
        before = self.item
        if expected:
            with pytest.raises(TransitionError) as caught:
                move()
            assert caught.value.reasons == tuple(expected)
            if target is not ActionStatus.OPEN:
                assert guard == tuple(expected)
            assert self.item is before
        else:
            self.item = move()
            assert self.item.status is target

    @rule(
        owner=st.none() | st.sampled_from(("p07", "p12")),
        days=st.none() | st.integers(-3, 30),
        kind=st.none() | st.sampled_from(ActionType),
    )
    def commit(self, owner: str | None, days: int | None, kind: ActionType | None) -> None:
        due = None if days is None else DAY0 + days * DAY
        expected = expected_open(self.item, via_commit=True, owner=owner, due=due, kind=kind)
        if self.item.status is ActionStatus.PROPOSED:
            assert action_refusals(
                self.item, ActionStatus.OPEN, owner=owner, due=due, type=kind
            ) == tuple(expected)
        self.attempt(
            ActionStatus.OPEN,
            lambda: commit(self.item, owner=owner, due=due, type=kind),
            expected,
        )

    @rule()
    def start(self) -> None:
        expected = [] if self.item.status is ActionStatus.OPEN else [lc.ACTION_NOT_OPEN]
        self.attempt(ActionStatus.IN_PROGRESS, lambda: start(self.item), expected)

    @rule(days=st.integers(-2, 20))
    def complete(self, days: int) -> None:
        on = DAY0 + days * DAY
        expected = [] if self.item.status.is_active else [lc.ACTION_NOT_ACTIVE]
        if days < 0:
            expected.append(lc.ACTION_DONE_BEFORE_CREATED)
        self.attempt(ActionStatus.DONE, lambda: complete(self.item, on=on), expected, on=on)

    @rule(reason=st.sampled_from(("", "Dækket af a2")))
    def reject(self, reason: str) -> None:
        expected = [] if self.item.status is ActionStatus.PROPOSED else [lc.ACTION_NOT_PROPOSED]
        if not reason:
            expected.append(lc.REASON_MISSING)
        self.attempt(
            ActionStatus.REJECTED, lambda: reject(self.item, reason=reason), expected, reason=reason
        )

    @rule(reason=st.sampled_from(("", "Ikke længere relevant")))
    def wont_do(self, reason: str) -> None:
        expected = [] if self.item.status.is_active else [lc.ACTION_NOT_ACTIVE]
        if not reason:
            expected.append(lc.REASON_MISSING)
        self.attempt(
            ActionStatus.WONT_DO, lambda: wont_do(self.item, reason=reason), expected, reason=reason
        )

    @rule(days=st.none() | st.integers(-3, 60))
    def reopen(self, days: int | None) -> None:
        due = None if days is None else DAY0 + days * DAY
        expected = expected_open(self.item, via_commit=False, owner=None, due=due, kind=None)
        self.attempt(ActionStatus.OPEN, lambda: reopen(self.item, due=due), expected)

    @invariant()
    def committed_items_are_owned_and_dated(self) -> None:
        if self.item.status.is_committed:
            assert self.item.owner is not None
            assert self.item.due is not None
            assert self.item.type is not None
        assert attrs.evolve(self.item) == self.item


TestActionItemLifecycle = ActionItemLifecycle.TestCase
TestActionItemLifecycle.settings = settings(max_examples=30, stateful_step_count=20, deadline=None)
