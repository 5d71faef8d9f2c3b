"""learnkit.mentoring rules: each built-in on small cases, reasons in both languages, Rules."""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any

import attrs
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from learnkit import strategies
from learnkit.exceptions import InvalidDataError, UnknownIdError
from learnkit.i18n import LOCALES
from learnkit.mentoring import (
    Cohort,
    CrossTeam,
    HardRule,
    MenteeRequest,
    MentorOffer,
    MinimumExperience,
    NotInLineOfManagement,
    NotPairedRecently,
    Pairing,
    PreferenceRank,
    Reason,
    Rules,
    Score,
    SharedLanguage,
    SkillCoverage,
    SoftRule,
    TimeZoneOverlap,
    Verdict,
    Want,
    default_rules,
)
from learnkit.mentoring._rules import BUILTIN_RULES, anniversary, head_start, is_experienced
from learnkit.people import Person, Roster, Skill, Team
from learnkit.serialize import from_dict, from_json, to_dict, to_json

D = dt.date
WINTER = D(2026, 1, 15)
SUMMER = D(2026, 7, 15)


def person(person_id: str, **fields: Any) -> Person:
    """A person named after their id, in team platform, unless told otherwise."""
    values: dict[str, Any] = {
        "id": person_id,
        "name": person_id.title(),
        "team": "platform",
        "start_date": D(2020, 1, 1),
    }
    values.update(fields)
    return Person(**values)


def org() -> list[Person]:
    """Anne leads Platform and manages Carl, who manages Bo; Priya leads Data & AI."""
    return [
        person(
            "anne",
            start_date=D(2015, 3, 1),
            languages={"da", "en"},
            skills=[Skill("python", 4), Skill("sql", 2)],
        ),
        person("carl", manager="anne", start_date=D(2018, 6, 1)),
        person(
            "bo",
            team="data",
            manager="carl",
            start_date=D(2021, 3, 1),
            skills=[Skill("python", 2), Skill("sql", 3)],
        ),
        person(
            "priya",
            team="data",
            start_date=D(2017, 1, 10),
            languages={"en", "hi"},
            time_zone="Asia/Kolkata",
            skills=[Skill("python", 5)],
        ),
        person("dorte", team="data", manager="priya", start_date=D(2023, 2, 28)),
    ]


TEAMS = [Team(id="platform", name="Platform"), Team(id="data", name="Data & AI")]


def cohort(
    people: list[Person] | None = None,
    *,
    offers: list[MentorOffer] | None = None,
    requests: list[MenteeRequest] | None = None,
    as_of: dt.date = WINTER,
    history: list[Pairing] | None = None,
) -> Cohort:
    """Everyone offers (capacity 2) and everyone asks, unless told otherwise."""
    people = org() if people is None else people
    return Cohort(
        roster=Roster(people=people, teams=TEAMS),
        as_of=as_of,
        offers=[MentorOffer(mentor=p.id, capacity=2) for p in people] if offers is None else offers,
        requests=[MenteeRequest(mentee=p.id) for p in people] if requests is None else requests,
        history=history or [],
    )


def check(rule: HardRule, c: Cohort, mentor: str, mentee: str) -> Verdict:
    """The rule's verdict on mentor -> mentee."""
    return rule.check(c, c.offer(mentor), c.request(mentee))


def score(rule: SoftRule, c: Cohort, mentor: str, mentee: str) -> Score:
    """The rule's score for mentor -> mentee."""
    return rule.score(c, c.offer(mentor), c.request(mentee))


def texts(reason: Reason) -> tuple[str, str]:
    """The reason in English and Danish."""
    return reason.render("en"), reason.render("da")


class TestNotInLineOfManagement:
    def test_direct_manager_is_refused(self) -> None:
        """Carl manages Bo directly, so Carl cannot mentor Bo."""
        verdict = check(NotInLineOfManagement(), cohort(), "carl", "bo")
        assert not verdict.allowed
        assert texts(verdict.reason) == (
            "Carl is the direct manager of Bo",
            "Carl er nærmeste leder for Bo",
        )

    def test_manager_of_the_manager_is_refused_and_named(self) -> None:
        """Anne is Bo's manager's manager; the reason names Carl in between."""
        verdict = check(NotInLineOfManagement(), cohort(), "anne", "bo")
        assert not verdict.allowed
        assert texts(verdict.reason) == (
            "Anne manages Bo via Carl",
            "Anne er leder for Bo via Carl",
        )

    def test_the_other_direction_is_refused_too(self) -> None:
        """A mentee cannot be mentored by someone they manage, directly or not."""
        rule = NotInLineOfManagement()
        c = cohort()
        assert not check(rule, c, "bo", "carl").allowed
        assert not check(rule, c, "bo", "anne").allowed
        assert check(rule, c, "bo", "anne").reason.render("en") == "Anne manages Bo via Carl"

    def test_people_in_other_lines_are_allowed(self) -> None:
        """Priya and Bo are in different lines of management."""
        verdict = check(NotInLineOfManagement(), cohort(), "priya", "bo")
        assert verdict.allowed
        assert texts(verdict.reason) == (
            "Neither Priya nor Bo manages the other",
            "Hverken Priya eller Bo er leder for den anden",
        )

    def test_colleagues_under_one_manager_are_allowed(self) -> None:
        """Two reports of the same manager are not in each other's line."""
        people = [person("m"), person("a", manager="m"), person("b", manager="m")]
        assert check(NotInLineOfManagement(), cohort(people), "a", "b").allowed


def two(mentor_start: dt.date, mentee_start: dt.date) -> Cohort:
    """A cohort of Anne (mentor) and Bo (mentee) with these start dates."""
    return cohort([person("anne", start_date=mentor_start), person("bo", start_date=mentee_start)])


class TestMinimumExperience:
    def test_exactly_n_years_to_the_day_is_enough(self) -> None:
        """Anne started exactly two years before Bo: allowed, and the reason says so."""
        verdict = check(MinimumExperience(2), two(D(2019, 3, 1), D(2021, 3, 1)), "anne", "bo")
        assert verdict.allowed
        assert texts(verdict.reason) == (
            "Anne started 2019-03-01, 2 years before Bo (at least 2 required)",
            "Anne startede 2019-03-01, 2 år før Bo (mindst 2 krævet)",
        )

    def test_one_day_short_is_refused(self) -> None:
        """Starting one day too late for a two-year head start is refused."""
        verdict = check(MinimumExperience(2), two(D(2019, 3, 2), D(2021, 3, 1)), "anne", "bo")
        assert not verdict.allowed
        assert verdict.reason.render("en") == (
            "Anne started 2019-03-02, 1 year before Bo (at least 2 required)"
        )

    def test_three_years_ahead(self) -> None:
        """The example from the issue: three years' head start where two are required."""
        verdict = check(MinimumExperience(2), two(D(2019, 3, 1), D(2022, 6, 1)), "anne", "bo")
        assert verdict.allowed
        assert verdict.reason.render("en") == (
            "Anne started 2019-03-01, 3 years before Bo (at least 2 required)"
        )

    def test_less_than_a_year_ahead(self) -> None:
        """A few months' head start is called what it is."""
        verdict = check(MinimumExperience(1), two(D(2021, 1, 1), D(2021, 3, 1)), "anne", "bo")
        assert not verdict.allowed
        assert texts(verdict.reason) == (
            "Anne started 2021-01-01, less than a year before Bo (at least 1 required)",
            "Anne startede 2021-01-01, under et år før Bo (mindst 1 krævet)",
        )

    def test_mentor_who_started_later_is_refused(self) -> None:
        """A mentor who started after the mentee has no head start."""
        verdict = check(MinimumExperience(0), two(D(2022, 1, 1), D(2021, 3, 1)), "anne", "bo")
        assert not verdict.allowed
        assert verdict.reason.render("en") == (
            "Anne started 2022-01-01, not before Bo (2021-03-01; at least 0 required)"
        )

    def test_zero_years_allows_the_same_day(self) -> None:
        """With years=0 a mentor who started the same day is allowed (any later one is not)."""
        assert check(MinimumExperience(0), two(D(2021, 3, 1), D(2021, 3, 1)), "anne", "bo").allowed

    def test_leap_day_start(self) -> None:
        """A 29 February start has its anniversary on 28 February, as relativedelta counts."""
        rule = MinimumExperience(2)
        assert check(rule, two(D(2020, 2, 29), D(2022, 2, 28)), "anne", "bo").allowed
        assert not check(rule, two(D(2020, 2, 29), D(2022, 2, 27)), "anne", "bo").allowed

    @given(st.dates(), st.dates(), st.integers(0, 100))
    def test_agrees_with_relativedelta(self, start: dt.date, end: dt.date, years: int) -> None:
        """is_experienced and head_start count years exactly as dateutil's relativedelta does."""
        expected = start <= end and relativedelta(end, start).years >= years
        assert is_experienced(start, end, years) == expected
        if start < end:
            assert head_start(start, end) == relativedelta(end, start).years
        try:
            added: dt.date | None = start + relativedelta(years=years)
        except (ValueError, OverflowError):
            added = None
        assert anniversary(start, years) == added

    @pytest.mark.parametrize("years", [-1, 101, 1.5, True, "2"])
    def test_years_out_of_range_are_refused(self, years: object) -> None:
        """years is a whole number from 0 to 100."""
        with pytest.raises(InvalidDataError) as caught:
            MinimumExperience(years)  # type: ignore[arg-type]
        assert caught.value.problems[0].path == "years"


class TestSharedLanguage:
    def test_shared_language_is_named(self) -> None:
        """Anne and Bo share Danish, in the words of each locale."""
        people = [
            person("anne", languages={"da", "en"}),
            person("bo", languages={"da", "de"}),
        ]
        verdict = check(SharedLanguage(), cohort(people), "anne", "bo")
        assert verdict.allowed
        assert texts(verdict.reason) == ("Anne and Bo share Danish", "Anne og Bo taler begge dansk")

    def test_no_shared_language_is_refused_with_both_sides(self) -> None:
        """Without a shared language the reason lists what each speaks."""
        people = [person("anne", languages={"en"}), person("bo", languages={"da", "kl"})]
        verdict = check(SharedLanguage(), cohort(people), "anne", "bo")
        assert not verdict.allowed
        assert texts(verdict.reason) == (
            "Anne (English) and Bo (Danish, Greenlandic) share no language",
            "Anne (engelsk) og Bo (dansk, grønlandsk) har intet fælles sprog",
        )

    def test_the_offer_languages_replace_the_persons(self) -> None:
        """An offer in English only does not count Anne's Danish."""
        people = [person("anne", languages={"da", "en"}), person("bo", languages={"da"})]
        offers = [MentorOffer(mentor="anne", languages={"en"})]
        requests = [MenteeRequest(mentee="bo")]
        assert not check(
            SharedLanguage(), cohort(people, offers=offers, requests=requests), "anne", "bo"
        ).allowed
        offers = [MentorOffer(mentor="anne")]
        assert check(
            SharedLanguage(), cohort(people, offers=offers, requests=requests), "anne", "bo"
        ).allowed

    def test_a_language_without_a_name_is_shown_as_its_code(self) -> None:
        """A code the catalogues do not name (Filipino) is written as the code."""
        people = [person("anne", languages={"fil"}), person("bo", languages={"fil"})]
        verdict = check(SharedLanguage(), cohort(people), "anne", "bo")
        assert verdict.reason.render("da") == "Anne og Bo taler begge fil"


class TestCrossTeam:
    def test_hard_refuses_the_same_team(self) -> None:
        """Hard cross-team refuses Anne for Carl (both Platform) and allows Priya (Data & AI)."""
        c = cohort()
        rule = CrossTeam(hard=True)
        same = check(rule, c, "anne", "carl")
        assert not same.allowed
        assert texts(same.reason) == (
            "Anne and Carl are both in Platform",
            "Anne og Carl er begge i Platform",
        )
        other = check(rule, c, "priya", "carl")
        assert other.allowed
        assert other.reason.render("en") == (
            "Priya (Data & AI) and Carl (Platform) are in different teams"
        )

    def test_soft_scores_one_or_zero(self) -> None:
        """Soft cross-team scores 1.0 for different teams and 0.0 for the same team."""
        c = cohort()
        assert score(CrossTeam(), c, "priya", "carl").value == 1.0
        assert score(CrossTeam(), c, "anne", "carl").value == 0.0

    def test_must_sit_in_its_group(self) -> None:
        """A soft CrossTeam among the hard rules (or a hard one among the soft) is refused."""
        with pytest.raises(InvalidDataError) as caught:
            Rules(hard=[CrossTeam()], soft=[CrossTeam(hard=True)])
        assert [p.path for p in caught.value.problems] == [
            "hard[name=cross_team].hard",
            "soft[name=cross_team]",
            "soft[name=cross_team].hard",
        ]


class TestSkillCoverage:
    def test_coverage_arithmetic(self) -> None:
        """Priority weights 3/2/1, level/5 above the mentee's level, topics in full."""
        people = org()
        offers = [MentorOffer(mentor="anne", topics={"onboarding"})]
        wants = [Want("python", 1), Want("sql", 2), Want("onboarding", 3)]
        requests = [MenteeRequest(mentee="bo", wants=wants)]
        c = cohort(people, offers=offers, requests=requests)
        result = score(SkillCoverage(), c, "anne", "bo")
        # python: Anne 4 > Bo 2 -> 4/5 at weight 3; sql: Anne 2 <= Bo 3 -> 0 at weight 2;
        # onboarding: a topic -> 1 at weight 1. (3 * 0.8 + 0 + 1) / 6.
        assert result.value == pytest.approx((3 * 0.8 + 1) / 6)
        assert texts(result.reason) == (
            "Anne covers 2 of 3 wants: onboarding (topic), python (level 4 > 2)",
            "Anne dækker 2 af 3 ønsker: onboarding (emne), python (niveau 4 > 2)",
        )

    def test_offered_skills_restrict_the_persons(self) -> None:
        """An offer naming only sql does not offer Anne's python."""
        offers = [MentorOffer(mentor="anne", skills={"sql"})]
        requests = [MenteeRequest(mentee="dorte", wants=[Want("python"), Want("sql")])]
        result = score(SkillCoverage(), cohort(offers=offers, requests=requests), "anne", "dorte")
        assert result.value == pytest.approx((3 * 2 / 5) / 6)
        assert result.reason.render("en") == "Anne covers 1 of 2 wants: sql (level 2 > 0)"

    def test_a_skill_the_mentor_lacks_counts_as_level_zero(self) -> None:
        """Offering a skill the roster does not give the person covers nothing."""
        offers = [MentorOffer(mentor="carl", skills={"python"})]
        requests = [MenteeRequest(mentee="dorte", wants=[Want("python")])]
        result = score(SkillCoverage(), cohort(offers=offers, requests=requests), "carl", "dorte")
        assert result.value == 0.0
        assert texts(result.reason) == (
            "Carl covers none of the wants",
            "Carl dækker ingen af ønskerne",
        )

    def test_no_wants_scores_zero(self) -> None:
        """A mentee without wants gets 0 from every mentor."""
        result = score(SkillCoverage(), cohort(), "anne", "bo")
        assert result.value == 0.0
        assert texts(result.reason) == ("Bo has listed no wants", "Bo har ingen ønsker angivet")

    def test_full_coverage_is_one(self) -> None:
        """Every want covered as a topic scores exactly 1."""
        offers = [MentorOffer(mentor="anne", topics={"onboarding", "karriere"})]
        requests = [MenteeRequest(mentee="bo", wants=[Want("onboarding", 3), Want("karriere")])]
        assert (
            score(SkillCoverage(), cohort(offers=offers, requests=requests), "anne", "bo").value
            == 1.0
        )


class TestTimeZoneOverlap:
    def pair(self, day: dt.date) -> Cohort:
        """Anne in Copenhagen, Priya in Kolkata, on ``day``."""
        people = [person("anne"), person("priya", time_zone="Asia/Kolkata")]
        return cohort(people, as_of=day)

    def test_copenhagen_and_kolkata_in_winter(self) -> None:
        """In winter (CET, UTC+1) Kolkata (UTC+5:30) is 4:30 ahead: 3.5 of 8 hours shared."""
        result = score(TimeZoneOverlap(), self.pair(WINTER), "anne", "priya")
        assert result.value == 3.5 / 8
        assert texts(result.reason) == (
            "Anne (Europe/Copenhagen) and Priya (Asia/Kolkata) share 3:30 of 8:00 working hours",
            "Anne (Europe/Copenhagen) og Priya (Asia/Kolkata) deler 3:30 af 8:00 arbejdstimer",
        )

    def test_copenhagen_and_kolkata_in_summer(self) -> None:
        """In summer (CEST, UTC+2) the gap is 3:30: 4.5 of 8 hours shared."""
        assert score(TimeZoneOverlap(), self.pair(SUMMER), "anne", "priya").value == 4.5 / 8

    def test_the_day_clocks_change(self) -> None:
        """On 29 March 2026 Copenhagen is already on summer time during the working day."""
        assert score(TimeZoneOverlap(), self.pair(D(2026, 3, 29)), "anne", "priya").value == 4.5 / 8

    def test_same_zone_is_one_and_opposite_sides_of_the_world_zero(self) -> None:
        """Two people in one zone share the whole day; Copenhagen and Sydney share none of it."""
        people = [person("anne"), person("bo"), person("zoe", time_zone="Australia/Sydney")]
        c = cohort(people)
        assert score(TimeZoneOverlap(), c, "anne", "bo").value == 1.0
        assert score(TimeZoneOverlap(), c, "anne", "zoe").value == 0.0

    def test_custom_hours(self) -> None:
        """A 6-to-14 day in Copenhagen meets Kolkata's 6-to-14 for 3.5 of 8 hours in winter."""
        rule = TimeZoneOverlap(start_hour=6, end_hour=14)
        assert score(rule, self.pair(WINTER), "anne", "priya").value == 3.5 / 8

    def test_end_must_follow_start(self) -> None:
        """end_hour after start_hour, both within the day."""
        with pytest.raises(InvalidDataError) as caught:
            TimeZoneOverlap(start_hour=17, end_hour=9)
        assert caught.value.problems[0].path == "end_hour"
        with pytest.raises(InvalidDataError):
            TimeZoneOverlap(end_hour=25)


class TestNotPairedRecently:
    AS_OF = D(2026, 6, 15)
    CUTOFF = D(2025, 6, 15)  # twelve months before

    def with_history(self, *pairings: Pairing) -> Cohort:
        """The org as of AS_OF with this history."""
        return cohort(as_of=self.AS_OF, history=list(pairings))

    def test_never_paired(self) -> None:
        """No history, no objection."""
        verdict = check(NotPairedRecently(), self.with_history(), "priya", "bo")
        assert verdict.allowed
        assert texts(verdict.reason) == (
            "Priya and Bo have not been paired before",
            "Priya og Bo har ikke været sat sammen før",
        )

    def test_ended_on_the_cutoff_is_recent(self) -> None:
        """A pairing that ended exactly twelve months before as_of is still recent."""
        pairing = Pairing(mentor="priya", mentee="bo", started=D(2024, 6, 1), ended=self.CUTOFF)
        verdict = check(NotPairedRecently(12), self.with_history(pairing), "priya", "bo")
        assert not verdict.allowed
        assert texts(verdict.reason) == (
            "Priya and Bo were paired until 2025-06-15, within the last 12 months",
            "Priya og Bo var sat sammen til 2025-06-15, inden for de seneste 12 måneder",
        )

    def test_ended_the_day_before_the_cutoff_is_not(self) -> None:
        """One day earlier and the pause is long enough."""
        ended = self.CUTOFF - dt.timedelta(days=1)
        pairing = Pairing(mentor="priya", mentee="bo", started=D(2024, 6, 1), ended=ended)
        verdict = check(NotPairedRecently(12), self.with_history(pairing), "priya", "bo")
        assert verdict.allowed
        assert verdict.reason.render("en") == (
            "Priya and Bo were paired until 2025-06-14, more than 12 months ago"
        )

    def test_ongoing_pairing_is_recent(self) -> None:
        """A pairing without an end is going on now."""
        pairing = Pairing(mentor="priya", mentee="bo", started=D(2020, 1, 1))
        verdict = check(NotPairedRecently(), self.with_history(pairing), "priya", "bo")
        assert not verdict.allowed
        assert verdict.reason.render("da") == "Priya og Bo har været sat sammen siden 2020-01-01"

    def test_roles_reversed_count_too(self) -> None:
        """Bo mentored Priya last month: Priya cannot now mentor Bo."""
        pairing = Pairing(mentor="bo", mentee="priya", started=D(2026, 1, 1), ended=D(2026, 5, 1))
        assert not check(NotPairedRecently(), self.with_history(pairing), "priya", "bo").allowed

    def test_other_pairs_do_not_count(self) -> None:
        """Priya's pairing with Dorte says nothing about Priya and Bo."""
        pairing = Pairing(mentor="priya", mentee="dorte", started=D(2026, 1, 1))
        assert check(NotPairedRecently(), self.with_history(pairing), "priya", "bo").allowed


class TestPreferenceRank:
    def test_rank_scores(self) -> None:
        """Ranked 1st of 3 scores 1, 2nd 2/3, 3rd 1/3; unlisted 0."""
        requests = [MenteeRequest(mentee="bo", preferences=["priya", "anne", "dorte"])]
        c = cohort(requests=requests)
        rule = PreferenceRank()
        assert [score(rule, c, m, "bo").value for m in ("priya", "anne", "dorte", "carl")] == [
            1.0,
            1 - 1 / 3,
            1 - 2 / 3,
            0.0,
        ]
        assert texts(score(rule, c, "anne", "bo").reason) == (
            "Bo ranked Anne number 2 of 3",
            "Bo har Anne som nummer 2 af 3",
        )
        assert score(rule, c, "carl", "bo").reason.render("en") == "Bo did not rank Carl"

    def test_no_preferences_scores_zero(self) -> None:
        """A mentee who ranked nobody gives every mentor 0."""
        result = score(PreferenceRank(), cohort(), "anne", "bo")
        assert result.value == 0.0
        assert result.reason.render("da") == "Bo har ikke rangeret nogen mentorer"


class TestReason:
    def test_params_are_kept_sorted(self) -> None:
        """A reason from a dict or from pairs in any order is one value."""
        assert Reason("k.x", {"b": 1, "a": "x"}) == Reason("k.x", (("a", "x"), ("b", 1)))

    def test_bad_params_are_listed(self) -> None:
        """Every bad parameter is reported by name."""
        with pytest.raises(InvalidDataError) as caught:
            Reason("k", {"ok": 1, "flag": True, "nan": math.nan, "bad name": "x"})
        assert {p.path for p in caught.value.problems} == {
            "params[flag]",
            "params[nan]",
            "params[bad name]",
        }

    def test_text_for_user_rules(self) -> None:
        """Reason.text carries both languages and renders each."""
        reason = Reason.text(da="Samme kontor", en="Same office")
        assert texts(reason) == ("Same office", "Samme kontor")
        with pytest.raises(InvalidDataError) as caught:
            Reason.text(da="", en=" ")
        assert [p.path for p in caught.value.problems] == ["da", "en"]

    def test_unknown_locale_and_key(self) -> None:
        """Rendering names a bad locale; an unknown key is an UnknownIdError."""
        with pytest.raises(InvalidDataError):
            Reason("reason.self", {"mentor": "A"}).render("sv")  # type: ignore[arg-type]
        with pytest.raises(UnknownIdError):
            Reason("reason.nope").render("en")

    @given(strategies.reasons())
    def test_generated_reasons_render_in_both_languages(self, reason: Reason) -> None:
        """Every reason the strategy makes renders in Danish and English."""
        for locale in LOCALES:
            assert reason.render(locale).strip()


class CountryOfficeRule:
    """A user's hard rule: mentor and mentee work at the same location (a plain class)."""

    name = "same_location"

    def check(self, cohort: Cohort, offer: MentorOffer, request: MenteeRequest) -> Verdict:
        """Allowed when both have the same location."""
        here = cohort.roster.person(offer.mentor).location
        there = cohort.roster.person(request.mentee).location
        return Verdict(here == there, Reason.text(da="Samme sted", en="Same place"))


class TestRules:
    def test_default_rules(self) -> None:
        """The defaults are the documented rules, weights and order; Rules() is the same."""
        rules = default_rules()
        assert rules == Rules()
        assert rules.names == (
            "not_in_line_of_management",
            "minimum_experience",
            "shared_language",
            "not_paired_recently",
            "skill_coverage",
            "cross_team",
            "time_zone_overlap",
            "preference_rank",
        )
        assert [r.weight for r in rules.soft] == [3.0, 1.0, 1.0, 2.0]
        assert rules.total_weight == 7.0
        assert rules.rule("minimum_experience") == MinimumExperience(2)

    def test_every_problem_at_once(self) -> None:
        """Duplicate names, empty names and missing methods are reported together."""

        class NoScore:
            name = "odd"
            weight = 1.0

        class Nameless:
            name = ""

            def check(self, *_: object) -> Verdict:
                raise AssertionError

        with pytest.raises(InvalidDataError) as caught:
            Rules(
                hard=[SharedLanguage(), SharedLanguage(), Nameless()],  # type: ignore[list-item]
                soft=[SkillCoverage(1), NoScore(), attrs.evolve(PreferenceRank(), weight=1)],  # type: ignore[list-item]
            )
        assert [p.path for p in caught.value.problems] == [
            "hard[name=shared_language]",
            "hard[2].name",
            "soft[name=odd]",
        ]
        with pytest.raises(InvalidDataError) as caught:
            SkillCoverage(-1.0)
        assert caught.value.problems[0].path == "weight"

    def test_weights_of_user_rules_are_checked(self) -> None:
        """A user's soft rule with a negative, infinite or missing weight is refused by name."""

        class Bad:
            name = "bad"

            def __init__(self, weight: object) -> None:
                self.weight = weight

            def score(self, *_: object) -> Score:
                raise AssertionError

        for weight in (-0.5, math.inf, math.nan, "1", None):
            with pytest.raises(InvalidDataError) as caught:
                Rules(soft=[Bad(weight)])  # type: ignore[list-item]
            assert caught.value.problems[0].path == "soft[name=bad].weight"

    def test_weights_must_sum_to_a_number(self) -> None:
        """Two huge but finite weights whose sum overflows are refused."""
        with pytest.raises(InvalidDataError) as caught:
            Rules(soft=[SkillCoverage(1e308), PreferenceRank(1e308)])
        assert caught.value.problems[0].path == "soft"

    def test_reserved_names(self) -> None:
        """'self' and 'forbidden' belong to the scoring."""
        rule = CountryOfficeRule()
        rule.name = "self"
        with pytest.raises(InvalidDataError) as caught:
            Rules(hard=[rule])
        assert caught.value.problems[0].path == "hard[name=self].name"

    def test_user_rule_satisfies_the_protocol(self) -> None:
        """A plain class with name and check is a HardRule, and Rules takes it."""
        rule = CountryOfficeRule()
        assert isinstance(rule, HardRule)
        assert not isinstance(rule, SoftRule)
        rules = default_rules().with_hard(rule)
        assert rules.names[:5] == (*default_rules().names[:4], "same_location")
        people = [person("anne", location="Aarhus"), person("bo", location="Odense")]
        verdict = check(rule, cohort(people), "anne", "bo")
        assert not verdict.allowed
        assert verdict.reason.render("da") == "Samme sted"

    def test_composing(self) -> None:
        """with_hard/with_soft append or replace by name; without drops; with_weights reweights."""
        rules = default_rules()
        harder = rules.with_hard(CrossTeam(hard=True))
        assert "cross_team" in [r.name for r in harder.hard]
        assert "cross_team" not in [r.name for r in harder.soft]
        assert rules.with_hard(MinimumExperience(5)).rule(
            "minimum_experience"
        ) == MinimumExperience(5)
        assert rules.with_hard(MinimumExperience(5)).names == rules.names
        assert rules.without("preference_rank", "shared_language").names == (
            "not_in_line_of_management",
            "minimum_experience",
            "not_paired_recently",
            "skill_coverage",
            "cross_team",
            "time_zone_overlap",
        )
        reweighted = rules.with_weights({"skill_coverage": 5, "cross_team": 0})
        assert reweighted.rule("skill_coverage") == SkillCoverage(5)
        assert reweighted.total_weight == 8.0
        with pytest.raises(UnknownIdError):
            rules.without("typo")
        with pytest.raises(UnknownIdError):
            rules.with_weights({"minimum_experience": 1})
        with pytest.raises(InvalidDataError):
            rules.with_weights({"cross_team": -1})

    def test_with_weights_needs_a_weight_field(self) -> None:
        """A user's soft rule that is not an attrs class cannot be reweighted by copy."""

        class Plain:
            name = "plain"
            weight = 1.0

            def score(self, *_: object) -> Score:
                raise AssertionError

        with pytest.raises(TypeError, match="plain"):
            Rules(soft=[Plain()]).with_weights({"plain": 2.0})


class TestSerialization:
    @given(strategies.rules_sets())
    def test_rule_sets_round_trip(self, rules: Rules) -> None:
        """Every rule set of built-ins survives JSON exactly, with each rule's kind."""
        text = to_json(rules)
        assert from_json(text, Rules) == rules
        kinds = [
            item["kind"] for group in ("hard", "soft") for item in json.loads(text)["data"][group]
        ]
        assert kinds == list(rules.names)

    @given(st.one_of(strategies.hard_rules(), strategies.soft_rules()))
    def test_each_rule_round_trips_on_its_own(self, rule: Any) -> None:
        """A built-in rule is a document of its own too."""
        assert from_json(to_json(rule), type(rule)) == rule

    @given(strategies.reasons(), st.booleans(), st.floats(0, 1))
    def test_reasons_verdicts_and_scores_round_trip(
        self, reason: Reason, allowed: bool, value: float
    ) -> None:
        """Reasons (with details), verdicts and scores survive JSON exactly."""
        assert from_json(to_json(reason), Reason) == reason
        assert from_json(to_json(Verdict(allowed, reason)), Verdict) == Verdict(allowed, reason)
        assert from_json(to_json(Score(value, reason)), Score) == Score(value, reason)

    def test_a_user_rule_cannot_be_written(self) -> None:
        """to_json of Rules with a user rule is a TypeError that says only built-ins serialize."""
        with pytest.raises(TypeError, match="only learnkit's built-in rules"):
            to_json(default_rules().with_hard(CountryOfficeRule()))

    def test_missing_groups_take_the_defaults(self) -> None:
        """A document without hard or soft reads the default rules of that group."""
        assert from_dict({"schema": 1, "type": "Rules", "data": {}}, Rules) == default_rules()

    def test_every_problem_with_its_path(self) -> None:
        """Unknown kinds, bad parameters, unknown keys and Rules' own checks, all reported."""
        document = to_dict(default_rules())
        document["data"]["hard"][1]["years"] = "two"
        document["data"]["hard"][2] = {"kind": "telepathy"}
        document["data"]["soft"][0]["wieght"] = 1
        document["data"]["soft"].append({"weight": 1})
        document["data"]["soft"].append("cross_team")
        document["data"]["extra"] = True
        with pytest.raises(InvalidDataError) as caught:
            from_dict(document, Rules)
        assert [p.path for p in caught.value.problems] == [
            "$.data.extra",
            "$.data.hard[1].years",
            "$.data.hard[2].kind",
            "$.data.soft[0].wieght",
            "$.data.soft[4].kind",
            "$.data.soft[5]",
        ]
        document = to_dict(default_rules())
        document["data"]["soft"].append({"kind": "preference_rank", "weight": 1})
        with pytest.raises(InvalidDataError) as caught:
            from_dict(document, Rules)
        assert [p.path for p in caught.value.problems] == ["$.data.soft[name=preference_rank]"]

    @given(
        st.sampled_from(
            ["Rules", "Reason", "Verdict", "Score", *(c.__name__ for c in BUILTIN_RULES.values())]
        ),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
            lambda inner: (
                st.lists(inner, max_size=3)
                | st.dictionaries(st.text(max_size=8), inner, max_size=3)
            ),
            max_leaves=10,
        ),
    )
    def test_junk_is_only_ever_invalid_data(self, name: str, data: object) -> None:
        """Whatever the data, reading it raises InvalidDataError or succeeds; nothing else."""
        classes = {
            cls.__name__: cls for cls in (Rules, Reason, Verdict, Score, *BUILTIN_RULES.values())
        }
        document = {"schema": 1, "type": name, "data": data}
        outcome: object
        try:
            outcome = from_json(json.dumps(document), classes[name])
        except InvalidDataError as error:
            outcome = error
        assert isinstance(outcome, classes[name] | InvalidDataError)
        if isinstance(outcome, InvalidDataError):
            assert all(problem.path.startswith("$") for problem in outcome.problems)
