"""learnkit.mentoring check_matching: genuine results pass, every planted violation is found."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from learnkit import strategies
from learnkit.i18n import LOCALES
from learnkit.mentoring import (
    Cohort,
    MenteeRequest,
    MentorOffer,
    NotInLineOfManagement,
    Pair,
    PreferenceRank,
    Reason,
    Rules,
    Score,
    SkillCoverage,
    Want,
    default_rules,
    explain_pair,
)
from learnkit.mentoring._check import KINDS, Violation, _Checker, _simple_cycles, check_matching
from learnkit.mentoring._match import (
    Certificate,
    Match,
    MatchResult,
    Objective,
    Unmatched,
    _result,
    optimal,
    stable,
)
from learnkit.mentoring._rules import trusted
from learnkit.mentoring._scoring import score_cohort
from learnkit.people import Person, Roster, Skill, Team

D = dt.date


class Table:
    """A user's soft rule: a score per (mentor, mentee) from a table, 0 for any other pair."""

    name = "table"
    weight = 1.0

    def __init__(self, scores: Mapping[tuple[str, str], float]) -> None:
        self.scores = dict(scores)

    def score(self, cohort: Cohort, offer: MentorOffer, request: MenteeRequest) -> Score:
        """The table's value for the pair."""
        value = self.scores.get((offer.mentor, request.mentee), 0.0)
        return Score(value, Reason.text(da="Tabel", en="Table"))


def person(person_id: str, **fields: Any) -> Person:
    """A person named after their id, in team a, started 2020, unless told otherwise."""
    values: dict[str, Any] = {"id": person_id, "name": person_id.title(), "team": "a"}
    values.update({"start_date": D(2020, 1, 1), **fields})
    return Person(**values)


def office(**changes: Any) -> Cohort:
    """Ann (capacity 2), Ole (1) and Eva (1, also asking) mentor; Bo, Cy, Di and Eva ask.

    Ann manages Cy; Di speaks only English; Eva started in 2017.
    """
    people = [
        person("ann", start_date=D(2010, 1, 1), skills=[Skill("python", 5)]),
        person("ole", team="b", start_date=D(2012, 1, 1), skills=[Skill("python", 3)]),
        person("eva", team="b", start_date=D(2017, 1, 1), skills=[Skill("sql", 4)]),
        person("bo", start_date=D(2024, 1, 1)),
        person("cy", manager="ann", start_date=D(2024, 2, 1)),
        person("di", team="b", start_date=D(2024, 3, 1), languages={"en"}),
    ]
    fields: dict[str, Any] = {
        "roster": Roster(people=people, teams=[Team(id="a", name="A"), Team(id="b", name="B")]),
        "as_of": D(2026, 1, 15),
        "offers": [
            MentorOffer(mentor="ann", capacity=2),
            MentorOffer(mentor="ole"),
            MentorOffer(mentor="eva"),
        ],
        "requests": [
            MenteeRequest(mentee="bo", wants=[Want("python")], preferences=["ole"]),
            MenteeRequest(mentee="cy", wants=[Want("sql")]),
            MenteeRequest(mentee="di", wants=[Want("python")]),
            MenteeRequest(mentee="eva", wants=[Want("python")]),
        ],
    }
    fields.update(changes)
    return Cohort(**fields)


def honest(
    cohort: Cohort, rules: Rules, like: MatchResult, pairs: Mapping[str, str]
) -> MatchResult:
    """A result with exactly ``pairs`` (mentee -> mentor), every explanation true, the rest
    (method, guarantee, certificate) copied from ``like``."""
    scored = score_cohort(attrs.evolve(cohort, locked=()), rules)
    mentor_of = [None if e not in pairs else scored.mentor_index(pairs[e]) for e in scored.mentees]
    locked = [
        scored.mentee_index(p.mentee) for p in cohort.locked if pairs.get(p.mentee) == p.mentor
    ]
    return _result(
        cohort,
        rules,
        scored,
        mentor_of,
        locked,
        method=like.method,
        objective=like.objective,
        guarantee=like.guarantee,
        certificate=like.certificate,
        kept=like.kept,
        rematch=like.rematch,
    )


def pairs_of(result: MatchResult) -> dict[str, str]:
    """The result's pairs, mentee -> mentor."""
    return {m.mentee: m.mentor for m in result.matches}


def kinds(found: tuple[Violation, ...]) -> set[str]:
    """The kinds of violation found."""
    return {v.kind for v in found}


def one(found: tuple[Violation, ...], kind: str) -> Violation:
    """The only violation of ``kind``."""
    (violation,) = [v for v in found if v.kind == kind]
    return violation


class TestGenuineResults:
    def test_the_office_passes(self) -> None:
        """Optimal (both objectives) and stable results of a known cohort pass."""
        for result in (optimal(office()), optimal(office(), objective="score"), stable(office())):
            assert check_matching(office(), None, result) == ()
            assert check_matching(office(), default_rules(), result) == ()

    def test_refuses_the_wrong_types(self) -> None:
        """A cohort, rules or result of the wrong type is a TypeError, not a violation."""
        result = optimal(office())
        with pytest.raises(TypeError):
            check_matching("office", None, result)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            check_matching(office(), "rules", result)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            check_matching(office(), None, {"matches": []})  # type: ignore[arg-type]


class TestPlantedByHand:
    def test_unknown_people(self) -> None:
        """A mentor without an offer, a mentee without a request, an unknown unmatched mentee."""
        result = optimal(office())
        bad = attrs.evolve(
            result,
            matches=(
                *result.matches,
                attrs.evolve(result.matches[0], mentor="bo", mentee="ann"),
            ),
            unmatched=(*result.unmatched, attrs.evolve(result.unmatched[0], mentee="zz")),
        )
        found = check_matching(office(), None, bad)
        unknown = [v for v in found if v.kind == "unknown_pair"]
        assert [(v.mentor, v.mentee) for v in unknown] == [
            ("bo", "ann"),
            ("bo", "ann"),
            (None, "zz"),
        ]
        assert "no mentor offer" in unknown[0].message + unknown[1].message

    def test_hard_rule_and_self(self) -> None:
        """A pair a hard rule refuses names the rule and its reason; a self pair is rule 'self'."""
        base = optimal(office())
        result = honest(
            office(), default_rules(), base, {**pairs_of(base), "cy": "ann", "eva": "eva"}
        )
        found = check_matching(office(), None, result)
        broken = [v for v in found if v.kind == "hard_rule"]
        assert [(v.mentor, v.mentee, v.rule) for v in broken] == [
            ("ann", "cy", "not_in_line_of_management"),
            ("eva", "eva", "self"),
        ]
        assert "Ann is the direct manager of Cy" in broken[0].message
        assert "Eva cannot mentor themselves" in broken[1].message

    def test_capacity_and_mentee_twice(self) -> None:
        """Too many mentees on one mentor, and a mentee matched twice or also unmatched."""
        base = optimal(office())
        assert pairs_of(base)["bo"] == "ole"
        bo = next(m for m in base.matches if m.mentee == "bo")
        bad = attrs.evolve(base, matches=(*base.matches, attrs.evolve(bo, points=1)))
        found = check_matching(office(), None, bad)
        assert one(found, "mentee_twice").mentee == "bo"
        assert "2 times" in one(found, "mentee_twice").message
        over = one(found, "capacity")
        assert over.mentor == "ole"
        assert "2 mentees but room for 1" in over.message
        di = next(u for u in base.unmatched if u.mentee == "di")
        twice = attrs.evolve(base, unmatched=(*base.unmatched, di))
        assert [v.kind for v in check_matching(office(), None, twice)] == ["mentee_twice"]
        cy = next(m for m in base.matches if m.mentee == "cy")
        both = attrs.evolve(
            base, unmatched=(*base.unmatched, attrs.evolve(di, mentee="cy", cause="mentors_full"))
        )
        assert one(check_matching(office(), None, both), "mentee_twice").mentee == cy.mentee

    def test_locked_missing_and_forbidden_present(self) -> None:
        """A locked pair left out, a forbidden pair put in; a wrong locked mark is inconsistent."""
        cohort = office(locked=[Pair("ole", "cy")], forbidden=[Pair("ann", "bo")])
        base = optimal(cohort)
        assert check_matching(cohort, None, base) == ()
        pairs = {**pairs_of(base), "cy": "eva", "bo": "ann"}
        found = check_matching(cohort, None, honest(cohort, default_rules(), base, pairs))
        assert (one(found, "locked_missing").mentor, one(found, "locked_missing").mentee) == (
            "ole",
            "cy",
        )
        forbidden = one(found, "forbidden_present")
        assert (forbidden.mentor, forbidden.mentee, forbidden.rule) == ("ann", "bo", "forbidden")
        marks = attrs.evolve(
            base, matches=tuple(attrs.evolve(m, locked=not m.locked) for m in base.matches)
        )
        found = check_matching(cohort, None, marks)
        assert {(v.kind, v.mentee) for v in found if "locked" in v.message} == {
            ("inconsistent", m.mentee) for m in base.matches
        }

    def test_scores_that_do_not_match(self) -> None:
        """Points, score, parts, totals and unmatched explanations are compared with the rules."""
        base = optimal(office())
        first = base.matches[0]
        tampered = attrs.evolve(
            base,
            matches=(
                attrs.evolve(first, points=first.points + 1, score=0.0, parts=first.parts[:1]),
                *base.matches[1:],
            ),
            unmatched=tuple(
                attrs.evolve(u, cause="not_selected", allowed=9, next_best=("ann",))
                for u in base.unmatched
            ),
            total_points=base.total_points + 2,
            total_score=base.total_score + 1,
        )
        found = check_matching(office(), None, tampered)
        mismatches = [v for v in found if v.kind == "score_mismatch"]
        fields = [dict(v.reason.params)["field"] for v in mismatches if v.reason]
        assert sorted(fields) == sorted(
            [
                "score",
                "points",
                "parts",
                "cause",
                "allowed",
                "next_best",
                "total_points",
                "total_score",
            ]
        )
        assert all(v.kind != "not_optimal" for v in found)

    def test_missing_certificate_and_tampered_prices(self) -> None:
        """No certificate, or prices that prove nothing, and the result is still optimal."""
        base = optimal(office())
        assert base.certificate is not None
        found = check_matching(office(), None, attrs.evolve(base, certificate=None))
        assert [v.kind for v in found] == ["not_optimal"]
        assert "no certificate" in found[0].message
        prices = tuple((mentor, price + 7) for mentor, price in base.certificate.mentor_prices)
        bad = attrs.evolve(
            base,
            certificate=attrs.evolve(
                base.certificate,
                mentor_prices=(*prices[1:], ("zz", 1), prices[1]),
                bonus=base.certificate.bonus + 1,
                objective="score",
            ),
        )
        found = check_matching(office(), None, bad)
        (violation,) = found
        assert violation.kind == "not_optimal"
        for text in ("objective", "bonus", "'zz'", "given twice", "price"):
            assert text in violation.message
        assert "A better matching" not in violation.message

    def test_a_worse_matching_gets_a_concrete_improvement(self) -> None:
        """A result that can be improved is told how: which pairs to add and to remove."""
        people = [
            person("m", start_date=D(2010, 1, 1)),
            person("n", start_date=D(2010, 1, 1)),
            person("a1", start_date=D(2024, 1, 1)),
            person("a2", start_date=D(2024, 1, 1)),
        ]
        cohort = Cohort(
            roster=Roster(people=people, teams=[Team(id="a", name="A")]),
            as_of=D(2026, 1, 15),
            offers=[MentorOffer(mentor="m"), MentorOffer(mentor="n")],
            requests=[MenteeRequest(mentee="a1"), MenteeRequest(mentee="a2")],
            forbidden=[Pair("n", "a2")],
        )
        rules = Rules(hard=(), soft=(Table({("m", "a1"): 1.0, ("m", "a2"): 0.5}),))
        base = optimal(cohort, rules)
        assert pairs_of(base) == {"a1": "n", "a2": "m"}
        worse = honest(cohort, rules, base, {"a1": "m"})
        found = check_matching(cohort, rules, worse)
        assert [v.kind for v in found] == ["not_optimal", "not_optimal"]
        improvement = next(v for v in found if "better matching" in v.message)
        params = dict(improvement.reason.params) if improvement.reason else {}
        assert params["add"] == "m->a2, n->a1"
        assert params["remove"] == "m->a1"
        assert params["matched"] == "+1"
        assert params["points"] == "-500000"

    def test_blocking_pairs(self) -> None:
        """Every blocking pair, with both sides' reasons."""
        cohort = office()
        base = stable(cohort)
        assert pairs_of(base) == {"bo": "ole", "cy": "eva", "eva": "ann"}
        worse = honest(cohort, default_rules(), base, {"bo": "ann", "eva": "ann"})
        found = check_matching(cohort, None, worse)
        blocking = [(v.mentor, v.mentee) for v in found if v.kind == "blocking_pair"]
        assert blocking == [("ole", "bo"), ("eva", "cy"), ("ole", "cy")]
        texts = [v.message for v in found if v.kind == "blocking_pair"]
        assert "bo prefers ole to ann" in texts[0]
        assert "ole has a free place" in texts[0]
        assert "cy has no mentor" in texts[1]
        assert kinds(found) == {"blocking_pair"}
        full = honest(cohort, default_rules(), base, {"bo": "ann", "cy": "ole", "eva": "ann"})
        found = check_matching(cohort, None, full)
        bo_ole = next(v for v in found if v.kind == "blocking_pair" and v.mentee == "bo")
        assert "ole prefers bo to cy" in bo_ole.message

    def test_stable_but_not_mentee_optimal(self) -> None:
        """The mentor-optimal stable matching is stable, but not what the result promises."""
        people = [person(p, start_date=D(2010, 1, 1)) for p in ("x", "y")]
        people += [person(p, start_date=D(2024, 1, 1)) for p in ("a", "b")]
        cohort = Cohort(
            roster=Roster(people=people, teams=[Team(id="a", name="A")]),
            as_of=D(2026, 1, 15),
            offers=[MentorOffer(mentor="x"), MentorOffer(mentor="y")],
            requests=[
                MenteeRequest(mentee="a", preferences=["x"]),
                MenteeRequest(mentee="b", preferences=["y"]),
            ],
        )
        table = {("x", "a"): 0.1, ("y", "a"): 0.9, ("x", "b"): 0.9, ("y", "b"): 0.1}
        rules = Rules(hard=(), soft=(Table(table),))
        base = stable(cohort, rules)
        assert pairs_of(base) == {"a": "x", "b": "y"}
        swapped = honest(cohort, rules, base, {"a": "y", "b": "x"})
        found = check_matching(cohort, rules, swapped)
        assert [(v.kind, v.mentee, v.mentor) for v in found] == [
            ("not_optimal", "a", "y"),
            ("not_optimal", "b", "x"),
        ]
        assert "a has y, but the mentee-optimal stable matching gives x" in found[0].message

    def test_a_result_that_contradicts_itself(self) -> None:
        """A missing mentee, a wrong guarantee, objective or certificate for the method."""
        base = optimal(office())
        found = check_matching(
            office(), None, attrs.evolve(base, unmatched=(), guarantee="stable_mentee_optimal")
        )
        assert {(v.kind, v.mentee) for v in found} >= {("inconsistent", "di")}
        assert any("guarantee" in v.message for v in found)
        found = check_matching(office(), None, attrs.evolve(base, objective=None))
        assert [v.kind for v in found] == ["inconsistent"]
        stable_one = stable(office())
        found = check_matching(
            office(),
            None,
            attrs.evolve(stable_one, objective="score", certificate=base.certificate),
        )
        assert [v.kind for v in found] == ["inconsistent", "inconsistent"]

    def test_every_violation_at_once(self) -> None:
        """One result breaking many things gets every violation, sorted by kind."""
        cohort = office(locked=[Pair("ole", "cy")], forbidden=[Pair("eva", "bo")])
        base = optimal(cohort)
        pairs = {"bo": "eva", "di": "ann", "eva": "ann", "cy": "ann"}
        bad = honest(cohort, default_rules(), base, pairs)
        bad = attrs.evolve(bad, total_points=bad.total_points + 1)
        found = check_matching(cohort, None, bad)
        order = [KINDS.index(v.kind) for v in found]
        assert order == sorted(order)
        assert kinds(found) >= {
            "hard_rule",
            "capacity",
            "locked_missing",
            "forbidden_present",
            "score_mismatch",
            "not_optimal",
        }

    def test_a_result_built_by_hand(self) -> None:
        """Fields of the wrong shape, unkeepable kept pairs: violations, not exceptions."""
        base = optimal(office())
        first = base.matches[0]
        odd = trusted(
            Match,
            mentor=first.mentor,
            mentee=first.mentee,
            score=True,
            points=first.points,
            parts=list(first.parts),
            locked=False,
        )
        values = {field.name: getattr(base, field.name) for field in attrs.fields(MatchResult)}
        values.update(
            matches=(odd, *base.matches[1:]),
            unmatched="di",
            rematch=True,
            kept=(Pair("bo", "cy"), Pair("ole", "bo")),
        )
        found = check_matching(office(), None, trusted(MatchResult, **values))
        messages = [v.message for v in found if v.kind == "inconsistent"]
        assert any("cannot be kept" in m and "bo->cy" in m for m in messages)
        assert any("unmatched holds something that is not a tuple" in m for m in messages)
        fields = {dict(v.reason.params).get("field") for v in found if v.reason}
        assert {"score", "parts"} <= fields

    @pytest.mark.parametrize("locale", LOCALES)
    def test_violations_render_in_both_languages(self, locale: Any) -> None:
        """Every violation renders as a sentence in Danish and English."""
        base = optimal(office(locked=[Pair("ole", "cy")]))
        bad = honest(office(), default_rules(), base, {"cy": "ann", "bo": "ann", "di": "ann"})
        found = check_matching(office(locked=[Pair("ole", "cy")]), None, bad)
        assert found
        texts = [v.render(locale) for v in found]
        assert all(texts)
        if locale == "en":
            assert texts == [v.message for v in found]
        plain = Violation(kind="capacity", mentor="m", mentee=None, rule=None, message="full")
        assert plain.render(locale) == "full"


junk = st.one_of(
    st.none(),
    st.integers(-3, 3),
    st.floats(allow_nan=True),
    st.text(max_size=3),
    st.just(()),
    st.lists(st.integers(), max_size=2),
    st.tuples(st.text(max_size=2), st.integers()),
)


# Fixed rule sets with few hard rules leave pairs to tamper with; drawn ones vary the rest.
some_rules = (
    st.sampled_from(
        [
            default_rules(),
            Rules(hard=(), soft=default_rules().soft),
            Rules(hard=(NotInLineOfManagement(),), soft=(SkillCoverage(), PreferenceRank())),
        ]
    )
    | strategies.rules_sets()
)


def small_cases() -> st.SearchStrategy[tuple[Cohort, Rules]]:
    """Small cohorts with someone to match, and rules their locked pairs obey."""
    return some_rules.flatmap(
        lambda rules: st.tuples(
            strategies.cohorts(rules=rules, min_mentors=1, min_mentees=1), st.just(rules)
        )
    )


def cases() -> st.SearchStrategy[tuple[Cohort, Rules]]:
    """Cohorts, small and larger, with rules their locked pairs obey."""
    larger = some_rules.flatmap(
        lambda rules: st.tuples(
            strategies.cohorts(
                rosters=strategies.rosters(min_size=6, max_size=16, max_teams=3),
                min_mentors=2,
                min_mentees=3,
                rules=rules,
            ),
            st.just(rules),
        )
    )
    return small_cases() | larger


class TestPlantedInRandomCohorts:
    @given(cases(), st.sampled_from(["participation", "score"]), st.data())
    def test_a_dropped_pair_is_an_improvement(
        self, case: tuple[Cohort, Rules], objective: Objective, data: st.DataObject
    ) -> None:
        """Unmatching a free pair is caught, and the improvement offered is feasible and better."""
        cohort, rules = case
        base = optimal(cohort, rules, objective=objective)
        free = [m for m in base.matches if not m.locked]
        assume(free)
        dropped = data.draw(st.sampled_from(free))
        pairs = {e: m for e, m in pairs_of(base).items() if e != dropped.mentee}
        worse = honest(cohort, rules, base, pairs)
        found = check_matching(cohort, rules, worse)
        assert kinds(found) == {"not_optimal"}
        assert any("better matching" in v.message for v in found)
        checker = _Checker(cohort, rules, worse)
        checker.run()  # reads the result's pairs
        better = checker.optimality(objective).better()
        assert better is not None
        added, removed = better
        for mentor, mentee in removed:
            assert pairs.pop(mentee) == mentor
        for mentor, mentee in added:
            assert mentee not in pairs
            pairs[mentee] = mentor
        improved = honest(cohort, rules, base, pairs)
        assert kinds(check_matching(cohort, rules, improved)) <= {"not_optimal"}

        def value(result: MatchResult) -> tuple[int, int]:
            if objective == "participation":
                return (len(result.matches), result.total_points)
            return (result.total_points, len(result.matches))

        assert value(improved) > value(worse)

    @given(cases(), st.data())
    def test_a_dropped_stable_pair_blocks(
        self, case: tuple[Cohort, Rules], data: st.DataObject
    ) -> None:
        """Unmatching a free pair of a stable result makes that very pair block."""
        cohort, rules = case
        base = stable(cohort, rules)
        free = [m for m in base.matches if not m.locked]
        assume(free)
        dropped = data.draw(st.sampled_from(free))
        pairs = {e: m for e, m in pairs_of(base).items() if e != dropped.mentee}
        found = check_matching(cohort, rules, honest(cohort, rules, base, pairs))
        blocking = {(v.mentor, v.mentee) for v in found if v.kind == "blocking_pair"}
        assert (dropped.mentor, dropped.mentee) in blocking
        assert kinds(found) == {"blocking_pair"}

    @given(small_cases(), st.data())
    def test_a_refused_pair_breaks_its_rules(
        self, case: tuple[Cohort, Rules], data: st.DataObject
    ) -> None:
        """Putting in a pair the rules refuse names every rule that refuses it."""
        cohort, rules = case
        refused = [
            explain_pair(cohort, rules, mentor, mentee)
            for mentor in cohort.mentors
            for mentee in cohort.mentees
            if not explain_pair(cohort, rules, mentor, mentee).allowed
        ]
        assume(refused)
        explanation = data.draw(st.sampled_from(refused))
        base = optimal(cohort, rules)
        pairs = {**pairs_of(base), explanation.mentee: explanation.mentor}
        found = check_matching(cohort, rules, honest(cohort, rules, base, pairs))
        named = {
            v.rule
            for v in found
            if v.kind in ("hard_rule", "forbidden_present")
            and (v.mentor, v.mentee) == (explanation.mentor, explanation.mentee)
        }
        assert named == set(explanation.refused_by)

    @given(small_cases(), st.sampled_from(["optimal", "stable"]), st.data())
    def test_tampered_points_are_caught(
        self, case: tuple[Cohort, Rules], method: str, data: st.DataObject
    ) -> None:
        """A match with other points is a score mismatch for that pair (and the total)."""
        cohort, rules = case
        base = optimal(cohort, rules) if method == "optimal" else stable(cohort, rules)
        assume(base.matches)
        at = data.draw(st.integers(0, len(base.matches) - 1))
        match = base.matches[at]
        points = data.draw(st.integers(0, 1_000_000).filter(lambda p: p != match.points))
        matches = list(base.matches)
        matches[at] = attrs.evolve(match, points=points)
        found = check_matching(cohort, rules, attrs.evolve(base, matches=tuple(matches)))
        assert ("score_mismatch", match.mentor, match.mentee) in {
            (v.kind, v.mentor, v.mentee) for v in found
        }

    @given(small_cases(), st.sampled_from(["optimal", "stable"]), st.data())
    def test_never_raises_on_a_tampered_result(
        self, case: tuple[Cohort, Rules], method: str, data: st.DataObject
    ) -> None:
        """Fields replaced by anything at all give violations, never an exception."""
        cohort, rules = case
        base = optimal(cohort, rules) if method == "optimal" else stable(cohort, rules)
        values = {field.name: getattr(base, field.name) for field in attrs.fields(MatchResult)}
        for name in data.draw(st.lists(st.sampled_from(sorted(values)), unique=True, max_size=4)):
            values[name] = data.draw(junk)
        if data.draw(st.booleans()) and base.matches:
            values["matches"] = (
                *base.matches,
                trusted(Match, mentor=data.draw(junk), mentee="x", score=2.0, points=-1),
            )
        if data.draw(st.booleans()) and base.certificate is not None:
            values["certificate"] = trusted(
                Certificate,
                objective=data.draw(junk),
                bonus=data.draw(junk),
                mentee_prices=data.draw(junk),
                mentor_prices=(("x", data.draw(junk)), data.draw(junk)),
            )
        if data.draw(st.booleans()):
            values["unmatched"] = (trusted(Unmatched, mentee=data.draw(junk)), data.draw(junk))
        found = check_matching(cohort, rules, trusted(MatchResult, **values))
        assert all(isinstance(v, Violation) for v in found)


class TestSimpleCycles:
    @given(st.data(), st.randoms(use_true_random=False))
    def test_every_arc_in_one_simple_cycle(self, data: st.DataObject, rnd: random.Random) -> None:
        """Balanced arcs split into closed, simple cycles that use every arc exactly once."""
        arcs = []
        for number in range(data.draw(st.integers(0, 5))):
            nodes = data.draw(st.lists(st.integers(0, 6), min_size=2, max_size=6, unique=True))
            for at, node in enumerate(nodes):
                arcs.append((node, nodes[(at + 1) % len(nodes)], number, -1, -1))
        rnd.shuffle(arcs)
        cycles = _simple_cycles(list(arcs))
        assert sorted(arc for cycle in cycles for arc in cycle) == sorted(arcs)
        for cycle in cycles:
            starts = [arc[0] for arc in cycle]
            assert len(set(starts)) == len(starts)
            for arc, following in zip(cycle, cycle[1:] + cycle[:1], strict=True):
                assert arc[1] == following[0]
