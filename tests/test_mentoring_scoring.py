"""learnkit.mentoring scoring: the bulk engine equals pair-by-pair evaluation, and explains it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from learnkit import strategies
from learnkit.exceptions import InvalidDataError, UnknownIdError
from learnkit.mentoring import (
    Cohort,
    CrossTeam,
    MenteeRequest,
    MentorOffer,
    MinimumExperience,
    Pair,
    PairExplanation,
    Reason,
    Rules,
    Score,
    ScorePart,
    SharedLanguage,
    SkillCoverage,
    Verdict,
    Want,
    default_rules,
    explain_pair,
)
from learnkit.mentoring._scoring import ScoredCohort, score_cohort
from learnkit.people import Person, Roster, Skill, Team
from learnkit.serialize import from_json, to_json

D = dt.date


class EvenLengths:
    """A user's hard rule: the two ids' lengths add up to an even number (arbitrary but pure)."""

    name = "even_lengths"

    def check(self, cohort: Cohort, offer: MentorOffer, request: MenteeRequest) -> Verdict:
        """Allowed when len(mentor id) + len(mentee id) is even."""
        even = (len(offer.mentor) + len(request.mentee)) % 2 == 0
        return Verdict(even, Reason.text(da="Lige længder", en="Even lengths"))


class Seniority:
    """A user's soft rule: the mentor's head start in days, up to ten years, as a share."""

    name = "seniority"
    weight = 1.25

    def score(self, cohort: Cohort, offer: MentorOffer, request: MenteeRequest) -> Score:
        """min(1, max(0, days between the start dates / 3650))."""
        mentor = cohort.roster.person(offer.mentor)
        mentee = cohort.roster.person(request.mentee)
        days = (mentee.start_date - mentor.start_date).days
        return Score(min(1.0, max(0.0, days / 3650)), Reason.text(da="Anciennitet", en="Seniority"))


class PickySharedLanguage(SharedLanguage):
    """A subclass of a built-in that changes check(): it must be asked pair by pair."""

    def check(self, cohort: Cohort, offer: MentorOffer, request: MenteeRequest) -> Verdict:
        """Shared language, and the mentor's id must sort before the mentee's."""
        verdict = super().check(cohort, offer, request)
        return Verdict(verdict.allowed and offer.mentor < request.mentee, verdict.reason)


def naive(cohort: Cohort, rules: Rules) -> dict[str, tuple[dict[int, int], dict[str, int]]]:
    """Every pair evaluated one call at a time through the public protocol methods.

    Per mentee: the allowed mentor indices with their micro-points, and how many
    mentors each exclusion rule excludes (each counted on its own, over the others).
    """
    total_weight = 0.0
    for rule in rules.soft:
        total_weight += rule.weight
    found = {}
    for request in cohort.requests:
        weights: dict[int, int] = {}
        counts = dict.fromkeys(("self", "forbidden", *(rule.name for rule in rules.hard)), 0)
        for j, offer in enumerate(cohort.offers):
            if offer.mentor == request.mentee:
                counts["self"] += 1
                continue
            allowed = True
            if Pair(offer.mentor, request.mentee) in cohort.forbidden:
                counts["forbidden"] += 1
                allowed = False
            for rule in rules.hard:
                if not rule.check(cohort, offer, request).allowed:
                    counts[rule.name] += 1
                    allowed = False
            if allowed:
                total = 0.0
                for soft in rules.soft:
                    total += soft.weight * soft.score(cohort, offer, request).value
                score = total / total_weight if total_weight > 0 else 0.0
                weights[j] = round(score * 1_000_000)
        found[request.mentee] = (weights, counts)
    return found


@st.composite
def rules_with_user_rules(draw: st.DrawFn) -> Rules:
    """Built-in rules with, maybe, user rules and a built-in's subclass put anywhere among them."""
    rules = draw(strategies.rules_sets())
    hard, soft = list(rules.hard), list(rules.soft)
    if draw(st.booleans()):
        hard.insert(draw(st.integers(0, len(hard))), EvenLengths())
    if draw(st.booleans()) and "shared_language" not in rules.names:
        hard.insert(draw(st.integers(0, len(hard))), PickySharedLanguage())
    if draw(st.booleans()):
        soft.insert(draw(st.integers(0, len(soft))), Seniority())
    return Rules(hard=hard, soft=soft)


# Small cohorts for the corners, larger ones for many pairs per example.
unlocked_cohorts = strategies.cohorts(max_locked=0) | strategies.cohorts(
    rosters=strategies.rosters(min_size=6, max_size=20, max_teams=3),
    min_mentors=3,
    min_mentees=3,
    max_locked=0,
)


def as_found(scored: ScoredCohort) -> dict[str, tuple[dict[int, int], dict[str, int]]]:
    """The engine's output in the shape naive() gives."""
    return {
        mentee: (
            dict(zip(scored.allowed[i], scored.weights[i], strict=True)),
            scored.exclusions(i),
        )
        for i, mentee in enumerate(scored.mentees)
    }


class TestBulkEqualsPairByPair:
    @given(unlocked_cohorts, rules_with_user_rules())
    def test_same_pairs_same_points_same_counts(self, cohort: Cohort, rules: Rules) -> None:
        """score_cohort gives exactly what evaluating every pair through the protocol gives."""
        scored = score_cohort(cohort, rules)
        assert as_found(scored) == naive(cohort, rules)
        for columns in scored.allowed:
            assert list(columns) == sorted(set(columns))

    @given(unlocked_cohorts)
    def test_default_rules(self, cohort: Cohort) -> None:
        """The default rules, all on the bulk path, agree with pair-by-pair evaluation."""
        assert as_found(score_cohort(cohort, default_rules())) == naive(cohort, default_rules())

    @given(unlocked_cohorts, rules_with_user_rules(), st.data())
    def test_explain_pair_agrees(self, cohort: Cohort, rules: Rules, data: st.DataObject) -> None:
        """explain_pair says allowed exactly for the allowed pairs, with the same points."""
        if not cohort.offers or not cohort.requests:
            return
        scored = score_cohort(cohort, rules)
        i = data.draw(st.integers(0, len(cohort.requests) - 1))
        j = data.draw(st.integers(0, len(cohort.offers) - 1))
        explanation = explain_pair(cohort, rules, scored.mentors[j], scored.mentees[i])
        weights = dict(zip(scored.allowed[i], scored.weights[i], strict=True))
        assert explanation.allowed == (j in weights)
        if explanation.allowed:
            assert explanation.points == weights[j]
        if scored.mentors[j] != scored.mentees[i]:
            names = [name for name, _ in explanation.verdicts if name != "forbidden"]
            assert names == [rule.name for rule in rules.hard]
            assert [part.rule for part in explanation.parts] == [rule.name for rule in rules.soft]

    @given(strategies.cohorts(min_mentors=1, min_mentees=1), strategies.rules_sets())
    def test_explanations_round_trip(self, cohort: Cohort, rules: Rules) -> None:
        """Explanations (verdicts, parts and reasons) survive JSON exactly."""
        explanation = explain_pair(cohort, rules, cohort.mentors[0], cohort.mentees[-1])
        assert from_json(to_json(explanation), PairExplanation) == explanation
        for part in explanation.parts:
            assert from_json(to_json(part), ScorePart) == part


def person(person_id: str, **fields: Any) -> Person:
    """A person named after their id, in team a, unless told otherwise."""
    values: dict[str, Any] = {"id": person_id, "name": person_id.title(), "team": "a"}
    values.update({"start_date": D(2020, 1, 1), **fields})
    return Person(**values)


def small(**changes: Any) -> Cohort:
    """Old hands Ann (team a) and Ole (team b) mentor; newcomers Bo, Cy (team a) and Di ask.

    Ann manages Cy; Di speaks only English; Bo and Di want python.
    """
    people = [
        person("ann", start_date=D(2010, 1, 1), skills=[Skill("python", 5)]),
        person("ole", team="b", start_date=D(2012, 1, 1), skills=[Skill("python", 3)]),
        person("bo", start_date=D(2024, 1, 1)),
        person("cy", manager="ann", start_date=D(2024, 2, 1)),
        person("di", team="b", start_date=D(2024, 3, 1), languages={"en"}),
    ]
    fields: dict[str, Any] = {
        "roster": Roster(people=people, teams=[Team(id="a", name="A"), Team(id="b", name="B")]),
        "as_of": D(2026, 1, 15),
        "offers": [MentorOffer(mentor="ann", capacity=2), MentorOffer(mentor="ole")],
        "requests": [
            MenteeRequest(mentee="bo", wants=[Want("python")], preferences=["ole"]),
            MenteeRequest(mentee="cy"),
            MenteeRequest(mentee="di", wants=[Want("python")]),
        ],
    }
    fields.update(changes)
    return Cohort(**fields)


class TestScoredCohort:
    def test_a_small_cohort_by_hand(self) -> None:
        """Indices, capacities, allowed pairs, points and exclusion counts of a known cohort."""
        scored = score_cohort(small(), default_rules())
        assert scored.mentors == ("ann", "ole")
        assert scored.mentees == ("bo", "cy", "di")
        assert scored.capacities == (2, 1)
        assert scored.allowed == ((0, 1), (1,), ())
        # Bo: Ann covers python at 5 (3 * 1.0 / 3 = 1) in Bo's team, same zone, unranked:
        # (3 * 1 + 1 * 0 + 1 * 1 + 2 * 0) / 7. Ole covers at 3, other team, ranked first:
        # (3 * 0.6 + 1 + 1 + 2 * 1) / 7.
        assert scored.weights[0] == (round(4 / 7 * 1e6), round((3 * 0.6 + 4) / 7 * 1e6))
        assert scored.exclusions(1) == {
            "self": 0,
            "forbidden": 0,
            "not_in_line_of_management": 1,
            "minimum_experience": 0,
            "shared_language": 0,
            "not_paired_recently": 0,
        }
        assert scored.exclusions(2)["shared_language"] == 2
        assert scored.mentor_index("ole") == 1
        assert scored.mentee_index("di") == 2
        with pytest.raises(UnknownIdError):
            scored.mentor_index("bo")
        with pytest.raises(UnknownIdError):
            scored.mentee_index("ann")
        assert scored.total_weight == 7.0

    def test_self_and_forbidden_are_counted(self) -> None:
        """A mentee who also mentors has 'self' 1; a forbidden pair counts under 'forbidden'."""
        cohort = small(
            requests=[MenteeRequest(mentee="ann"), MenteeRequest(mentee="bo")],
            forbidden=[Pair("ole", "bo")],
        )
        scored = score_cohort(cohort, Rules(hard=(), soft=()))
        assert scored.exclusion_rules == ("self", "forbidden")
        assert scored.excluded == ((1, 0), (0, 1))
        assert scored.allowed == ((1,), (0,))

    def test_locked_pairs_by_index(self) -> None:
        """Locked pairs come as (mentee index, mentor index), sorted."""
        scored = score_cohort(small(locked=[Pair("ole", "cy"), Pair("ann", "bo")]), default_rules())
        assert scored.locked == ((0, 0), (1, 1))

    def test_a_locked_pair_that_breaks_a_hard_rule(self) -> None:
        """Every locked pair a hard rule refuses is listed with the rules and their reasons."""
        cohort = small(locked=[Pair("ann", "cy"), Pair("ole", "di")])
        rules = default_rules().with_hard(MinimumExperience(20))
        with pytest.raises(InvalidDataError) as caught:
            score_cohort(cohort, rules)
        problems = {problem.path: problem.message for problem in caught.value.problems}
        assert list(problems) == ["locked[ann->cy]", "locked[ole->di]"]
        assert problems["locked[ann->cy]"] == (
            "breaks a hard rule (not_in_line_of_management: Ann is the direct manager of Cy; "
            "minimum_experience: Ann started 2010-01-01, 14 years before Cy (at least 20 required))"
        )
        assert (
            "shared_language: Ole (Danish) and Di (English) share no language"
            in (problems["locked[ole->di]"])
        )

    def test_zero_total_weight_scores_zero(self) -> None:
        """When the soft rules' weights sum to 0, every allowed pair weighs 0."""
        rules = Rules(soft=[SkillCoverage(0.0), CrossTeam(weight=0)])
        scored = score_cohort(small(), rules)
        assert scored.weights == ((0, 0), (0,), ())
        explanation = explain_pair(small(), rules, "ole", "bo")
        assert (explanation.score, explanation.points) == (0.0, 0)

    def test_user_rules_must_return_verdicts_and_scores(self) -> None:
        """A user rule returning something else is a TypeError naming the rule and the pair."""

        class Sloppy:
            name = "sloppy"
            weight = 1.0

            def check(self, *_: object) -> bool:
                return True

            def score(self, *_: object) -> float:
                return 0.5

        with pytest.raises(TypeError, match=r"hard rule 'sloppy' returned True for ann->bo"):
            score_cohort(small(), Rules(hard=[Sloppy()], soft=()))  # type: ignore[list-item]
        with pytest.raises(TypeError, match=r"soft rule 'sloppy' returned 0.5"):
            score_cohort(small(), Rules(hard=(), soft=[Sloppy()]))  # type: ignore[list-item]
        with pytest.raises(TypeError, match="Verdict"):
            explain_pair(small(), Rules(hard=[Sloppy()], soft=()), "ann", "bo")  # type: ignore[list-item]

    def test_wrong_argument_types(self) -> None:
        """A cohort and Rules are required."""
        with pytest.raises(TypeError):
            score_cohort("cohort", default_rules())  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            score_cohort(small(), [SharedLanguage()])  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            explain_pair(small(), None, "ann", "bo")  # type: ignore[arg-type]


class TestExplainPair:
    def test_parts_and_verdicts(self) -> None:
        """A pair's verdicts and parts come in rule order, each with its reason."""
        explanation = explain_pair(small(), default_rules(), "ole", "bo")
        assert explanation.allowed
        assert explanation.refused_by == ()
        assert [(p.rule, p.weight, p.value) for p in explanation.parts] == [
            ("skill_coverage", 3.0, 0.6),
            ("cross_team", 1.0, 1.0),
            ("time_zone_overlap", 1.0, 1.0),
            ("preference_rank", 2.0, 1.0),
        ]
        assert explanation.score == pytest.approx((3 * 0.6 + 4) / 7)
        assert explanation.parts[0].reason.render("en") == (
            "Ole covers 1 of 1 wants: python (level 3 > 0)"
        )
        assert explanation.parts[3].reason.render("da") == "Bo har Ole som nummer 1 af 1"

    def test_refused_pair_still_scores(self) -> None:
        """A refused pair says which rules refuse it and still shows what it would score."""
        explanation = explain_pair(small(), default_rules(), "ann", "cy")
        assert not explanation.allowed
        assert explanation.refused_by == ("not_in_line_of_management",)
        assert explanation.score > 0

    def test_forbidden_comes_first(self) -> None:
        """A forbidden pair's first verdict is the pseudo-rule 'forbidden'."""
        explanation = explain_pair(
            small(forbidden=[Pair("ole", "bo")]), default_rules(), "ole", "bo"
        )
        assert explanation.refused_by == ("forbidden",)
        name, verdict = explanation.verdicts[0]
        assert name == "forbidden"
        assert verdict.reason.render("da") == "Ole og Bo må ikke sættes sammen"

    def test_a_person_with_themselves(self) -> None:
        """Ann cannot mentor Ann: one 'self' verdict, no parts, score 0."""
        cohort = small(requests=[MenteeRequest(mentee="ann")])
        explanation = explain_pair(cohort, default_rules(), "ann", "ann")
        assert explanation.refused_by == ("self",)
        assert explanation.parts == ()
        assert (explanation.score, explanation.points) == (0.0, 0)
        assert explanation.verdicts[0][1].reason.render("en") == "Ann cannot mentor themselves"

    def test_unknown_people(self) -> None:
        """A mentor without an offer or a mentee without a request is an UnknownIdError."""
        with pytest.raises(UnknownIdError):
            explain_pair(small(), default_rules(), "bo", "cy")
        with pytest.raises(UnknownIdError):
            explain_pair(small(), default_rules(), "ann", "ole")

    def test_subclass_of_a_built_in_is_asked_itself(self) -> None:
        """A subclass overriding check() is honoured by the bulk scoring, not bypassed."""
        rules = Rules(hard=[PickySharedLanguage()], soft=())
        scored = score_cohort(small(), rules)
        # ole sorts after bo and cy, so only Ann (who sorts first) is left.
        assert scored.allowed == ((0,), (0,), ())
