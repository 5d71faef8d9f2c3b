"""Tests for the example organisation's incidents and reviews, and the demo's incident step."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit._demo_incidents import demo_lines
from learnkit._example_incidents import build_incidents
from learnkit.examples import ExampleOrganisation, example_organisation
from learnkit.exceptions import InvalidDataError
from learnkit.incidents import (
    DEFAULT_SEVERITY_SCALE,
    Incident,
    IncidentKind,
    IncidentReview,
    ReviewStatus,
    parse_review_markdown,
    publish_blockers,
    review_to_markdown,
)
from learnkit.incidents._language import FindingKind, check_review
from learnkit.people import Roster


@pytest.fixture(name="organisation", scope="module")
def _organisation() -> ExampleOrganisation:
    return example_organisation()


@pytest.fixture(name="built", scope="module")
def _built(
    organisation: ExampleOrganisation,
) -> tuple[tuple[Incident, ...], tuple[IncidentReview, ...]]:
    return build_incidents(organisation.roster, organisation.as_of, organisation.seed)


class TestBuildIncidents:
    def test_shape(self, built: tuple[tuple[Incident, ...], tuple[IncidentReview, ...]]) -> None:
        """Four incidents of every kind, sorted by id, each with one review."""
        incidents, reviews = built
        assert [i.id for i in incidents] == sorted(i.id for i in incidents)
        assert {i.kind for i in incidents} == set(IncidentKind)
        assert sorted(r.incident for r in reviews) == sorted(i.id for i in incidents)
        statuses = {r.id: r.status for r in reviews}
        assert statuses == {
            "rev-backup": ReviewStatus.IN_REVIEW,
            "rev-betaling": ReviewStatus.PUBLISHED,
            "rev-onboarding": ReviewStatus.SKIPPED,
            "rev-tilbud": ReviewStatus.DRAFT,
        }

    def test_deterministic(self, organisation: ExampleOrganisation) -> None:
        """The same roster, date and seed give equal incidents and reviews."""
        first = build_incidents(organisation.roster, organisation.as_of, 7)
        assert build_incidents(organisation.roster, organisation.as_of, 7) == first

    def test_published_review_meets_every_rule(
        self,
        organisation: ExampleOrganisation,
        built: tuple[tuple[Incident, ...], tuple[IncidentReview, ...]],
    ) -> None:
        """Put back in review, the published review has no publish blocker at all."""
        incidents, reviews = built
        review = next(r for r in reviews if r.status is ReviewStatus.PUBLISHED)
        incident = next(i for i in incidents if i.id == review.incident)
        in_review = attrs.evolve(review, status=ReviewStatus.IN_REVIEW, published_at=None)
        assert publish_blockers(in_review, incident, roster=organisation.roster) == ()

    def test_draft_has_blaming_language(
        self,
        organisation: ExampleOrganisation,
        built: tuple[tuple[Incident, ...], tuple[IncidentReview, ...]],
    ) -> None:
        """The draft names a person as the cause, says 'human error' and more, and is blocked."""
        incidents, reviews = built
        draft = next(r for r in reviews if r.status is ReviewStatus.DRAFT)
        incident = next(i for i in incidents if i.id == draft.incident)
        names = [organisation.roster.person(p.person).name for p in incident.participants]
        kinds = {f.kind for f in check_review(draft, names=names)}
        assert {
            FindingKind.PERSON_AS_CAUSE,
            FindingKind.HUMAN_ERROR,
            FindingKind.COUNTERFACTUAL,
            FindingKind.CHARACTER_JUDGEMENT,
            FindingKind.PERSON_FIX_ACTION,
        } <= kinds
        codes = {b.code for b in publish_blockers(draft, incident, roster=organisation.roster)}
        assert {"factor_human_error", "language_finding", "no_learning"} <= codes

    def test_other_reviews_are_blameless(
        self, built: tuple[tuple[Incident, ...], tuple[IncidentReview, ...]]
    ) -> None:
        """Every review but the draft has no finding at all."""
        _, reviews = built
        for review in reviews:
            if review.status is not ReviewStatus.DRAFT:
                assert check_review(review) == (), review.id

    def test_reviews_survive_markdown(
        self, built: tuple[tuple[Incident, ...], tuple[IncidentReview, ...]]
    ) -> None:
        """Every example review reads back equal from its Markdown, in both languages."""
        for review in built[1]:
            for locale in ("da", "en"):
                text = review_to_markdown(review, locale=locale)
                assert parse_review_markdown(text).review == review

    @settings(max_examples=8)
    @given(
        seed=st.integers(0, 10_000),
        as_of=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31)),
    )
    def test_valid_for_any_seed_and_date(self, seed: int, as_of: dt.date) -> None:
        """For any seed and date: people from the roster, times before as_of, levels known."""
        organisation = example_organisation(seed=seed, as_of=as_of)
        roster = organisation.roster
        incidents, reviews = build_incidents(roster, as_of, seed)
        for incident in incidents:
            DEFAULT_SEVERITY_SCALE.level(incident.severity)
            assert all(p.person in roster for p in incident.participants)
            assert incident.reported_at.date() < as_of
            assert incident.out_of_order_events() == ()
        for review in reviews:
            assert review.author in roster
            assert all(a.by in roster and a.by != review.author for a in review.approvals)
            assert all(i.owner is None or i.owner in roster for i in review.action_items)

    def test_teams_too_small(self, organisation: ExampleOrganisation) -> None:
        """A roster whose team is too small for the incidents is refused by name."""
        roster = organisation.roster
        keep = {p.id for p in roster.members("salg")[:2]}
        people = [p for p in roster if p.team != "salg" or p.id in keep]
        teams = [
            attrs.evolve(team, manager=None) if team.id == "salg" else team for team in roster.teams
        ]
        people = [attrs.evolve(p, manager=None) if p.team == "salg" else p for p in people]
        small = Roster(teams=teams, people=people)
        with pytest.raises(InvalidDataError, match=r"roster.teams\[salg\]"):
            build_incidents(small, organisation.as_of, 1)


class TestDemo:
    def test_danish(
        self,
        organisation: ExampleOrganisation,
        built: tuple[tuple[Incident, ...], tuple[IncidentReview, ...]],
    ) -> None:
        """A heading, the counts, the draft checked with its findings and a summary."""
        lines = demo_lines(*built, organisation.roster, locale="da")
        assert lines[0] == "Blameless-tjek af en læringsgennemgang"
        assert lines[1] == ("4 hændelser, heraf 1 nærved-hændelse; 1 offentliggjort, 1 i kladde")
        assert lines[2] == "Tjekket: rev-tilbud om »Tilbud sendt med forkert rabat« (kladde)"
        assert lines[-1].endswith("blokerer offentliggørelse")
        assert any("person som årsag" in line for line in lines)
        assert 5 <= len(lines) <= 15

    def test_english_and_order_independent(
        self,
        organisation: ExampleOrganisation,
        built: tuple[tuple[Incident, ...], tuple[IncidentReview, ...]],
    ) -> None:
        """English texts; the order of incidents and reviews changes nothing."""
        incidents, reviews = built
        lines = demo_lines(incidents, reviews, organisation.roster, locale="en")
        shuffled = demo_lines(
            reviews=reversed(reviews),
            incidents=reversed(incidents),
            roster=organisation.roster,
            locale="en",
        )
        assert lines == shuffled
        assert lines[0] == "Blameless check of a learning review"
        assert any(line.startswith("    Try: ") for line in lines)

    def test_clean_review_and_none(
        self,
        organisation: ExampleOrganisation,
        built: tuple[tuple[Incident, ...], tuple[IncidentReview, ...]],
    ) -> None:
        """Without a draft the first review is checked; without reviews that is said."""
        incidents, reviews = built
        clean = [r for r in reviews if r.status is not ReviewStatus.DRAFT]
        lines = demo_lines(incidents, clean, organisation.roster, locale="da")
        assert lines[-1] == "  Ingen fund: sproget er blameless."
        assert demo_lines(incidents, (), organisation.roster, locale="en")[-1] == (
            "No learning reviews to check."
        )

    def test_review_of_an_unknown_incident(self, organisation: ExampleOrganisation) -> None:
        """A review whose incident is not given is still checked, titled by its incident id."""
        review = IncidentReview(
            id="r1", incident="i9", author="p01", narrative="Vi burde have ventet."
        )
        lines = demo_lines((), (review,), organisation.roster, locale="da")
        assert lines[2] == "Tjekket: r1 om »i9« (kladde)"
        assert lines[-1] == "1 fund; 0 blokerer offentliggørelse"
        assert lines[3] == "  narrative: »burde have« – kontrafaktisk (advarsel)"
