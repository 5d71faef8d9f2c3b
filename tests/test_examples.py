"""Tests for learnkit.examples: the deterministic example organisation."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit import InvalidDataError, Roster, examples
from learnkit._example_cohort import build_mentoring
from learnkit._example_roster import GENERAL_SKILLS, TEAM_PLANS, build_roster
from learnkit.examples import (
    AARHUS,
    COPENHAGEN,
    EXAMPLE_AS_OF,
    EXAMPLE_HEADCOUNT,
    EXAMPLE_NAME,
    EXAMPLE_SEED,
    ExampleOrganisation,
    example_organisation,
)
from learnkit.mentoring import Cohort, Pairing, default_rules, explain_pair
from learnkit.serialize import from_json, to_json

TEAM_IDS = {"stab", "platform", "data", "produkt", "kundeservice", "salg"}
seeds = st.integers(min_value=0, max_value=2**64)
# The properties of the roster and the mentor scheme are checked on what the
# organisation is built from (build_roster, build_mentoring: a twentieth of the
# cost of every part's records), so they try twenty seeds (twice as many as when
# each built the whole organisation); TestDeterminism proves the organisation
# holds exactly those. Whole builds and JSON round trips cost more: five.
people_seeds = settings(max_examples=20, deadline=None)
few_builds = settings(max_examples=5, deadline=None)
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))


def people(seed: int, as_of: dt.date = EXAMPLE_AS_OF) -> tuple[Roster, Cohort]:
    """The roster and cohort ``example_organisation(seed=seed, as_of=as_of)`` holds."""
    roster = build_roster(seed, as_of)
    return roster, build_mentoring(roster, as_of, seed)


@pytest.fixture(name="organisation", scope="module")
def _organisation() -> ExampleOrganisation:
    return example_organisation()


class TestDeterminism:
    @few_builds
    @given(seed=seeds, as_of=dates)
    def test_same_arguments_give_equal_organisations(self, seed: int, as_of: dt.date) -> None:
        """Building twice gives equal organisations, holding the builders' roster and cohort."""
        fresh = examples._build.__wrapped__(seed, as_of)  # past the cache
        assert fresh == example_organisation(seed=seed, as_of=as_of)
        assert (fresh.roster, fresh.mentoring) == people(seed, as_of)

    def test_defaults(self, organisation: ExampleOrganisation) -> None:
        """The defaults are the documented seed, date and company name."""
        assert organisation.seed == EXAMPLE_SEED == 2026
        assert organisation.as_of == EXAMPLE_AS_OF == dt.date(2026, 11, 23)
        assert organisation.name == EXAMPLE_NAME
        assert organisation == example_organisation(seed=2026, as_of=dt.date(2026, 11, 23))

    def test_known_output_for_the_default_seed(self, organisation: ExampleOrganisation) -> None:
        """The default organisation stays the same across releases, so docs can quote it."""
        director = organisation.director
        assert (director.id, director.name, director.start_date) == (
            "p01",
            "Emma Mikkelsen",
            dt.date(2005, 5, 20),
        )
        assert [person.id for person in organisation.newcomers] == [
            "p47",
            "p09",
            "p37",
            "p24",
            "p17",
        ]

    def test_different_seeds_vary_the_details(self) -> None:
        """Other seeds give other names, start dates and skills."""
        rosters = [people(seed)[0] for seed in range(5)]
        names = {tuple(person.name for person in roster) for roster in rosters}
        starts = {tuple(person.start_date for person in roster) for roster in rosters}
        skills = {tuple(person.skills for person in roster) for roster in rosters}
        assert len(names) == len(starts) == len(skills) == 5

    @people_seeds
    @given(seed=seeds, as_of=dates)
    def test_dates_move_with_as_of(self, seed: int, as_of: dt.date) -> None:
        """Start dates are relative to as_of: moving as_of moves them by the same days."""
        here, _ = people(seed, as_of)
        later, _ = people(seed, as_of + dt.timedelta(weeks=3))
        assert [p.start_date + dt.timedelta(weeks=3) for p in here] == [p.start_date for p in later]


class TestShape:
    @people_seeds
    @given(seed=seeds, as_of=dates)
    def test_people_and_teams(self, seed: int, as_of: dt.date) -> None:
        """Sixty people with readable ids in six teams, each team led by someone in the roster."""
        roster, _ = people(seed, as_of)
        assert len(roster) == EXAMPLE_HEADCOUNT == 60
        assert [person.id for person in roster] == [f"p{n:02d}" for n in range(1, 61)]
        assert {team.id for team in roster.teams} == TEAM_IDS
        for team in roster.teams:
            assert team.manager is not None
            assert team.manager in roster
            assert roster.person(team.manager).team == team.id
            assert len(roster.members(team.id)) >= 5
        assert len({person.name for person in roster}) == 60

    @people_seeds
    @given(seed=seeds)
    def test_line_of_management(self, seed: int) -> None:
        """The director tops every line; team managers report to them, members to their manager."""
        roster, _ = people(seed)
        director = roster.person("p01")
        assert director.manager is None
        assert director.role == "Administrerende direktør"
        assert roster.team("stab").manager == director.id
        managers = {team.manager for team in roster.teams}
        for person in roster:
            if person.id == director.id:
                continue
            chain = roster.reporting_chain(person.id)
            assert chain[-1] == director
            assert roster.is_in_line_of_management(director.id, person.id)
            team_manager = roster.team(person.team).manager
            if person.id in managers:
                assert person.manager == director.id
                assert person.role == "Teamleder"
            else:
                assert person.manager == team_manager
                assert person.role not in {"Teamleder", "Administrerende direktør"}

    @people_seeds
    @given(seed=seeds, as_of=dates)
    def test_newcomers_and_tenure(self, seed: int, as_of: dt.date) -> None:
        """Five to seven newcomers, nobody yet to start, and tenures of up to 25 years."""
        roster, _ = people(seed, as_of)
        newcomers = roster.newcomers(as_of)
        assert 5 <= len(newcomers) <= 7
        managers = {team.manager for team in roster.teams}
        assert not managers & {person.id for person in newcomers}
        for person in roster:
            assert person.start_date <= as_of
            assert person.start_date.weekday() < 5
            assert roster.tenure(person.id, as_of).years <= 25
        assert roster.tenure("p01", as_of).years >= 17

    @people_seeds
    @given(seed=seeds)
    def test_locations(self, seed: int) -> None:
        """Everyone belongs to the København or Aarhus office, and both have people."""
        roster, _ = people(seed)
        places = Counter(person.location for person in roster)
        assert set(places) == {COPENHAGEN, AARHUS}
        assert {p.location for p in roster.members("data")} == {AARHUS}
        assert {p.location for p in roster.members("stab")} == {COPENHAGEN}

    @people_seeds
    @given(seed=seeds)
    def test_languages(self, seed: int) -> None:
        """Everyone speaks Danish or English, most both, and a few speak other languages."""
        roster, _ = people(seed)
        assert all(person.languages & {"da", "en"} for person in roster)
        both = sum(1 for person in roster if {"da", "en"} <= person.languages)
        assert both >= 45
        assert sum(1 for person in roster if "da" in person.languages) >= 50
        others = {language for person in roster for language in person.languages} - {"da", "en"}
        assert others
        assert others <= {"de", "sv", "pl", "uk", "hi"}

    @people_seeds
    @given(seed=seeds)
    def test_time_zones(self, seed: int) -> None:
        """Two or three people work remotely from another zone; the rest in Copenhagen's."""
        roster, _ = people(seed)
        remote = [p for p in roster if p.time_zone.key != "Europe/Copenhagen"]
        assert 2 <= len(remote) <= 3
        assert len({p.time_zone.key for p in remote}) == len(remote)
        assert {p.time_zone.key for p in remote} <= {
            "Europe/Warsaw",
            "Asia/Kolkata",
            "Europe/Stockholm",
            "Europe/Berlin",
        }

    @people_seeds
    @given(seed=seeds)
    def test_skills(self, seed: int) -> None:
        """Everyone has skills from their team's vocabulary; managers also lead."""
        roster, _ = people(seed)
        managers = {team.manager for team in roster.teams}
        for person in roster:
            assert len(person.skills) >= 2
            assert all(skill.name == skill.name.lower() for skill in person.skills)
            assert (person.skill_level("ledelse") > 0) == (person.id in managers)
        for person in roster:
            if person.skill_level("kubernetes"):
                assert person.team == "platform"
            if person.skill_level("zendesk"):
                assert person.team == "kundeservice"

    @people_seeds
    @given(seed=seeds, as_of=dates)
    def test_skill_levels_grow_with_tenure(self, seed: int, as_of: dt.date) -> None:
        """Newcomers are at level 3 at most; people here ten years or more at 3 at least."""
        roster, _ = people(seed, as_of)
        newcomers = {person.id for person in roster.newcomers(as_of)}
        for person in roster:
            levels = [skill.level for skill in person.skills]
            if person.id in newcomers:
                assert max(levels) <= 3
            if roster.tenure(person.id, as_of).years >= 10:
                assert min(levels) >= 3

    @few_builds
    @given(seed=seeds)
    def test_roster_survives_json(self, seed: int) -> None:
        """The roster round-trips through JSON, as `learnkit example` writes it."""
        roster, _ = people(seed)
        assert from_json(to_json(roster), Roster) == roster


class TestArguments:
    @pytest.mark.parametrize("seed", [True, "7", 7.0, None])
    def test_seed_must_be_a_whole_number(self, seed: object) -> None:
        """A seed that is not an int is refused by name."""
        with pytest.raises(InvalidDataError) as caught:
            example_organisation(seed=seed)  # type: ignore[arg-type]
        assert caught.value.problems[0].path == "seed"

    @pytest.mark.parametrize(
        "as_of", [dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC), "2026-11-23", None]
    )
    def test_as_of_must_be_a_date(self, as_of: object) -> None:
        """as_of must be a plain date."""
        with pytest.raises(InvalidDataError) as caught:
            example_organisation(as_of=as_of)  # type: ignore[arg-type]
        assert caught.value.problems[0].path == "as_of"

    def test_as_of_needs_room_for_history(self) -> None:
        """A date too early for 25 years of history is refused; the earliest allowed works."""
        with pytest.raises(InvalidDataError, match="25 years of history"):
            example_organisation(as_of=dt.date(1, 1, 1))
        earliest = dt.date.min + dt.timedelta(days=25 * 365 + 7)
        assert len(example_organisation(as_of=earliest).roster) == 60
        with pytest.raises(InvalidDataError):
            example_organisation(as_of=earliest - dt.timedelta(days=1))

    def test_as_of_needs_room_for_the_plans_after_it(self) -> None:
        """The latest date allowed builds every record; a later one is refused, naming as_of."""
        latest = dt.date(9997, 12, 31)
        organisation = example_organisation(as_of=latest)
        assert organisation.goals
        assert organisation.sharing is not None
        with pytest.raises(InvalidDataError, match="plans after it") as caught:
            example_organisation(as_of=latest + dt.timedelta(days=1))
        assert caught.value.problems[0].path == "as_of"

    def test_negative_and_huge_seeds_work(self) -> None:
        """Any whole number is a seed."""
        assert len(example_organisation(seed=-5).roster) == 60
        assert len(example_organisation(seed=10**40).roster) == 60


class TestExampleOrganisation:
    def test_is_frozen(self, organisation: ExampleOrganisation) -> None:
        """The organisation cannot be changed in place."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            organisation.seed = 1  # type: ignore[misc]

    def test_validates_its_fields(self, organisation: ExampleOrganisation) -> None:
        """Building one by hand checks the field types."""
        with pytest.raises(InvalidDataError):
            ExampleOrganisation(
                seed=1,
                as_of=EXAMPLE_AS_OF,
                roster="nobody",  # type: ignore[arg-type]
                mentoring=organisation.mentoring,
            )
        with pytest.raises(InvalidDataError):
            attrs.evolve(organisation, mentoring=organisation.roster)
        with pytest.raises(InvalidDataError):
            attrs.evolve(organisation, name=" ")

    def test_evolves_to_another_date(self, organisation: ExampleOrganisation) -> None:
        """Newcomers follow the organisation's as_of."""
        much_later = attrs.evolve(organisation, as_of=EXAMPLE_AS_OF + dt.timedelta(days=400))
        assert much_later.newcomers == ()
        assert organisation.director is organisation.roster.person("p01")


TOPICS = {"onboarding", "karriere"}
THREE_YEARS = 3 * 365 + 1


def buddy_and_earlier(cohort: Cohort) -> tuple[Pairing, Pairing]:
    """The newcomer's onboarding buddy pairing and the earlier pairing, from the history."""
    mentees = set(cohort.mentees)
    (buddy,) = [pairing for pairing in cohort.history if pairing.mentee in mentees]
    (earlier,) = [pairing for pairing in cohort.history if pairing is not buddy]
    return buddy, earlier


class TestMentoring:
    def test_is_on_the_organisation_and_its_date(self, organisation: ExampleOrganisation) -> None:
        """The cohort uses the organisation's roster and date."""
        cohort = organisation.mentoring
        assert cohort.roster is organisation.roster
        assert cohort.as_of == organisation.as_of

    def test_known_cohort_for_the_default_seed(self, organisation: ExampleOrganisation) -> None:
        """The default cohort stays the same across releases, so docs can quote it."""
        cohort = organisation.mentoring
        assert cohort.mentees == ("p09", "p17", "p24", "p37", "p47")
        assert len(cohort.offers) == 10
        assert cohort.request("p37").preferences == ("p26", "p23", "p08")
        assert [str(pair) for pair in cohort.forbidden] == ["p26->p47"]
        buddy, earlier = buddy_and_earlier(cohort)
        assert (buddy.mentor, buddy.mentee, buddy.started) == ("p22", "p17", dt.date(2026, 11, 12))
        assert (earlier.mentor, earlier.mentee) == ("p56", "p08")

    @people_seeds
    @given(seed=seeds, as_of=dates)
    def test_newcomers_request(self, seed: int, as_of: dt.date) -> None:
        """Every newcomer wants 1 to 4 things: their team's skills, general skills, topics."""
        roster, cohort = people(seed, as_of)
        assert cohort.mentees == tuple(sorted(p.id for p in roster.newcomers(as_of)))
        vocabulary = {plan.id: set(plan.skills) for plan in TEAM_PLANS}
        for request in cohort.requests:
            team = roster.person(request.mentee).team
            names = {want.name for want in request.wants}
            assert 1 <= len(names) <= 4
            assert names <= vocabulary[team] | set(GENERAL_SKILLS) | TOPICS
            assert names & vocabulary[team]
        ranking = [request for request in cohort.requests if request.preferences]
        assert len(ranking) == 2
        assert all(2 <= len(request.preferences) <= 3 for request in ranking)

    @people_seeds
    @given(seed=seeds, as_of=dates)
    def test_experienced_colleagues_offer(self, seed: int, as_of: dt.date) -> None:
        """10 to 15 people with three years here offer 1 to 3 places in their own languages."""
        roster, cohort = people(seed, as_of)
        assert 10 <= len(cohort.offers) <= 15
        assert "p01" not in cohort.mentors
        assert not set(cohort.mentors) & set(cohort.mentees)
        for offer in cohort.offers:
            person = roster.person(offer.mentor)
            assert (as_of - person.start_date).days >= THREE_YEARS
            assert 1 <= offer.capacity <= 3
            assert offer.skills <= {skill.name for skill in person.skills}
            assert offer.languages <= person.languages
        assert sum(offer.capacity for offer in cohort.offers) >= len(cohort.requests)
        leads = {team.manager for team in roster.teams}
        for team in {roster.person(mentee).team for mentee in cohort.mentees}:
            peers = {
                p.id
                for p in roster.members(team)
                if p.id not in leads and (as_of - p.start_date).days >= THREE_YEARS
            }
            if peers:
                assert peers & set(cohort.mentors), f"nobody from {team} offers"

    @people_seeds
    @given(seed=seeds, as_of=dates)
    def test_history_and_forbidden(self, seed: int, as_of: dt.date) -> None:
        """A recent buddy pairing, an earlier one over a year ago, one forbidden pair, no locks."""
        _, cohort = people(seed, as_of)
        buddy, earlier = buddy_and_earlier(cohort)
        assert buddy.mentor in cohort.mentors
        assert buddy.started == cohort.roster.person(buddy.mentee).start_date
        assert buddy.ended is not None
        assert buddy.ended <= as_of
        assert earlier.ended is not None
        assert (as_of - earlier.ended).days > 365
        (forbidden,) = cohort.forbidden
        assert forbidden.mentor in cohort.mentors
        assert forbidden.mentee in cohort.mentees
        assert (forbidden.mentor, forbidden.mentee) != (buddy.mentor, buddy.mentee)
        assert cohort.locked == ()

    @people_seeds
    @given(seed=seeds)
    def test_default_rules_leave_choice(self, seed: int) -> None:
        """The default rules refuse the buddy pair yet allow every newcomer several mentors."""
        _, cohort = people(seed)
        rules = default_rules()
        buddy, _ = buddy_and_earlier(cohort)
        refused = explain_pair(cohort, rules, buddy.mentor, buddy.mentee).refused_by
        assert "not_paired_recently" in refused
        for mentee in cohort.mentees:
            allowed = [
                mentor
                for mentor in cohort.mentors
                if explain_pair(cohort, rules, mentor, mentee).allowed
            ]
            assert len(allowed) >= 3

    @few_builds
    @given(seed=seeds)
    def test_cohort_survives_json(self, seed: int) -> None:
        """The cohort round-trips through JSON, as `learnkit example --mentoring` writes it."""
        _, cohort = people(seed)
        assert from_json(to_json(cohort), Cohort) == cohort
