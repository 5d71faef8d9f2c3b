"""learnkit.mentoring matching: optimal, stable, suggestions, rematch, explanations."""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Iterator, Mapping
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from learnkit import strategies
from learnkit.exceptions import InvalidDataError, UnknownIdError
from learnkit.i18n import LOCALES
from learnkit.mentoring import (
    Cohort,
    MenteeRequest,
    MentorOffer,
    NotPairedRecently,
    Pair,
    Pairing,
    Reason,
    Rules,
    Score,
    ScorePart,
    Want,
    default_rules,
    explain_pair,
)
from learnkit.mentoring._check import Violation, check_matching
from learnkit.mentoring._match import (
    Certificate,
    Match,
    MatchResult,
    Objective,
    Suggestion,
    Unmatched,
    optimal,
    rematch,
    rematch_cohort,
    stable,
    suggestions,
)
from learnkit.mentoring._scoring import score_cohort
from learnkit.people import Person, Roster, Skill, Team
from learnkit.serialize import from_json, to_json

D = dt.date
OBJECTIVES: tuple[Objective, ...] = ("participation", "score")


class Table:
    """A user's soft rule: a score per (mentor, mentee) from a table, 0 for any other pair."""

    name = "table"
    weight = 1.0

    def __init__(self, scores: Mapping[tuple[str, str], float]) -> None:
        self.scores = dict(scores)

    def score(self, cohort: Cohort, offer: MentorOffer, request: MenteeRequest) -> Score:
        """The table's value for the pair."""
        value = self.scores.get((offer.mentor, request.mentee), 0.0)
        return Score(value, Reason.text(da=f"Tabel: {value}", en=f"Table: {value}"))


def table_rules(scores: Mapping[tuple[str, str], float]) -> Rules:
    """No hard rules; one soft rule reading ``scores``."""
    return Rules(hard=(), soft=(Table(scores),))


def person(person_id: str, **fields: Any) -> Person:
    """A person named after their id, in team a, started 2020, unless told otherwise."""
    values: dict[str, Any] = {"id": person_id, "name": person_id.title(), "team": "a"}
    values.update({"start_date": D(2020, 1, 1), **fields})
    return Person(**values)


def flat_cohort(
    mentors: Mapping[str, int], mentees: Mapping[str, tuple[str, ...]], **changes: Any
) -> Cohort:
    """Mentors with capacities, mentees with ranked preferences, nobody managing anybody."""
    people = [person(p) for p in sorted({*mentors, *mentees})]
    fields: dict[str, Any] = {
        "roster": Roster(people=people, teams=[Team(id="a", name="A")]),
        "as_of": D(2026, 1, 15),
        "offers": [MentorOffer(mentor=m, capacity=c) for m, c in mentors.items()],
        "requests": [MenteeRequest(mentee=m, preferences=p) for m, p in mentees.items()],
    }
    fields.update(changes)
    return Cohort(**fields)


def office() -> Cohort:
    """Ann (capacity 2) and Ole (1) mentor; Bo, Cy and Di ask. Ann manages Cy; Di speaks English.

    Ole and Di are in team b; Bo and Di want python, which Ann has at 5 and Ole at 3.
    """
    people = [
        person("ann", start_date=D(2010, 1, 1), skills=[Skill("python", 5)]),
        person("ole", team="b", start_date=D(2012, 1, 1), skills=[Skill("python", 3)]),
        person("bo", start_date=D(2024, 1, 1)),
        person("cy", manager="ann", start_date=D(2024, 2, 1)),
        person("di", team="b", start_date=D(2024, 3, 1), languages={"en"}),
    ]
    return Cohort(
        roster=Roster(people=people, teams=[Team(id="a", name="A"), Team(id="b", name="B")]),
        as_of=D(2026, 1, 15),
        offers=[MentorOffer(mentor="ann", capacity=2), MentorOffer(mentor="ole")],
        requests=[
            MenteeRequest(mentee="bo", wants=[Want("python")], preferences=["ole"]),
            MenteeRequest(mentee="cy"),
            MenteeRequest(mentee="di", wants=[Want("python")]),
        ],
    )


@st.composite
def cases(draw: st.DrawFn, *, max_people: int = 6) -> tuple[Cohort, Rules]:
    """A small cohort and rules it can be matched under (its locked pairs obey them)."""
    rules = draw(st.just(default_rules()) | strategies.rules_sets())
    cohort = draw(
        strategies.cohorts(
            rosters=strategies.rosters(min_size=1, max_size=max_people, max_teams=3), rules=rules
        )
    )
    return cohort, rules


larger_cases = strategies.rules_sets().flatmap(
    lambda rules: st.tuples(
        strategies.cohorts(
            rosters=strategies.rosters(min_size=6, max_size=16, max_teams=3),
            min_mentors=2,
            min_mentees=3,
            max_history=6,
            rules=rules,
        ),
        st.just(rules),
    )
)
any_cases = cases() | larger_cases


# --- the problem spelled out from its definition, for brute force ----------------------------


class Spec:
    """The free part of a cohort, pair by pair through explain_pair (not the bulk engine)."""

    def __init__(self, cohort: Cohort, rules: Rules) -> None:
        self.locked = {pair.mentee: pair.mentor for pair in cohort.locked}
        self.caps = {offer.mentor: offer.capacity for offer in cohort.offers}
        for mentor in self.locked.values():
            self.caps[mentor] -= 1
        self.free = [m for m in cohort.mentees if m not in self.locked]
        self.points: dict[str, dict[str, int]] = {}
        for mentee in self.free:
            row = {}
            for mentor in cohort.mentors:
                explanation = explain_pair(cohort, rules, mentor, mentee)
                if explanation.allowed:
                    row[mentor] = explanation.points
            self.points[mentee] = row
        # Mentee preferences: ranked and allowed first, then by points (ties by id).
        self.prefs: dict[str, list[str]] = {}
        for mentee in self.free:
            row = self.points[mentee]
            listed = [m for m in cohort.request(mentee).preferences if m in row]
            rest = sorted((m for m in row if m not in listed), key=lambda m: (-row[m], m))
            self.prefs[mentee] = listed + rest

    def size(self) -> int:
        """How many assignments brute force looks at, at most."""
        return math.prod(len(row) + 1 for row in self.points.values())

    def assignments(self) -> Iterator[dict[str, str]]:
        """Every feasible assignment of the free mentees (mentee -> mentor)."""
        load = dict.fromkeys(self.caps, 0)
        chosen: dict[str, str] = {}

        def extend(at: int) -> Iterator[dict[str, str]]:
            if at == len(self.free):
                yield dict(chosen)
                return
            mentee = self.free[at]
            yield from extend(at + 1)
            for mentor in self.points[mentee]:
                if load[mentor] < self.caps[mentor]:
                    load[mentor] += 1
                    chosen[mentee] = mentor
                    yield from extend(at + 1)
                    del chosen[mentee]
                    load[mentor] -= 1

        yield from extend(0)

    def value(self, assignment: Mapping[str, str], objective: Objective) -> tuple[int, int]:
        """What the objective ranks by: (matched, points) or (points, matched)."""
        points = sum(self.points[e][m] for e, m in assignment.items())
        if objective == "participation":
            return (len(assignment), points)
        return (points, len(assignment))

    def rank(self, mentee: str, mentor: str | None) -> int:
        """Position of ``mentor`` in the mentee's list; unmatched is last."""
        prefs = self.prefs[mentee]
        return prefs.index(mentor) if mentor in prefs else len(prefs)

    def blocking(self, assignment: Mapping[str, str]) -> list[tuple[str, str]]:
        """Every blocking pair, straight from the definition."""
        found = []
        for mentee in self.free:
            current = assignment.get(mentee)
            for mentor in self.prefs[mentee][: self.rank(mentee, current)]:
                held = [e for e, m in assignment.items() if m == mentor]
                if len(held) < self.caps[mentor] or any(
                    # The mentor prefers more points, then the smaller id.
                    (self.points[e][mentor], mentee) < (self.points[mentee][mentor], e)
                    for e in held
                ):
                    found.append((mentor, mentee))
        return found


def free_pairs(result: MatchResult, cohort: Cohort) -> dict[str, str]:
    """The result's pairs of mentees without a locked pair (mentee -> mentor)."""
    locked = {pair.mentee for pair in cohort.locked}
    return {m.mentee: m.mentor for m in result.matches if m.mentee not in locked}


def assert_sound(cohort: Cohort, rules: Rules, result: MatchResult) -> None:
    """Hard rules, capacities, locked and forbidden pairs, and every mentee once."""
    load: dict[str, int] = {}
    for match in result.matches:
        assert match.mentor != match.mentee
        assert explain_pair(cohort, rules, match.mentor, match.mentee).allowed
        assert not cohort.is_forbidden(match.mentor, match.mentee)
        load[match.mentor] = load.get(match.mentor, 0) + 1
        assert match.locked == (Pair(match.mentor, match.mentee) in cohort.locked)
    for mentor, count in load.items():
        assert count <= cohort.offer(mentor).capacity
    pairs = {Pair(m.mentor, m.mentee) for m in result.matches}
    assert set(cohort.locked) <= pairs
    listed = [m.mentee for m in result.matches] + [u.mentee for u in result.unmatched]
    assert sorted(listed) == list(cohort.mentees)
    assert [m.mentee for m in result.matches] == sorted(m.mentee for m in result.matches)
    assert [u.mentee for u in result.unmatched] == sorted(u.mentee for u in result.unmatched)


def assert_explained(cohort: Cohort, rules: Rules, match: Match) -> None:
    """The match's score is the weighted mean of its parts, exactly as explain_pair has it."""
    explanation = explain_pair(cohort, rules, match.mentor, match.mentee)
    assert match.parts == explanation.parts
    assert (match.score, match.points) == (explanation.score, explanation.points)
    total = 0.0
    for part in match.parts:
        total += part.weight * part.value
    weights = rules.total_weight
    assert match.score == (min(1.0, total / weights) if weights > 0 else 0.0)
    assert [part.rule for part in match.parts] == [rule.name for rule in rules.soft]


def assert_why(cohort: Cohort, rules: Rules, entry: Unmatched, load: Mapping[str, int]) -> None:
    """Exclusion counts add up, the cause fits the loads, and next best are the full mentors."""
    verdicts = {
        mentor: explain_pair(cohort, rules, mentor, entry.mentee) for mentor in cohort.mentors
    }
    allowed = [m for m, e in verdicts.items() if e.allowed]
    assert entry.allowed == len(allowed)
    names = [name for name, _ in entry.exclusions]
    assert names == ["self", "forbidden", *(rule.name for rule in rules.hard)]
    counts = dict(entry.exclusions)
    for name, count in counts.items():
        assert count == sum(name in e.refused_by for e in verdicts.values())
    excluded = len(cohort.mentors) - len(allowed)
    assert max(counts.values(), default=0) <= excluded <= sum(counts.values())
    full = [m for m in allowed if load[m] >= cohort.offer(m).capacity]
    if not allowed:
        assert entry.cause == "no_allowed_mentor"
    else:
        assert entry.cause == "mentors_full"
        assert full == allowed
    assert entry.next_best == tuple(sorted(full, key=lambda m: (-verdicts[m].points, m))[:3])


class TestOptimal:
    @given(any_cases, st.sampled_from(OBJECTIVES))
    def test_keeps_every_rule_and_is_certified(
        self, case: tuple[Cohort, Rules], objective: Objective
    ) -> None:
        """Allowed pairs only, within capacity, locked kept, forbidden and self absent, proven."""
        cohort, rules = case
        result = optimal(cohort, rules, objective=objective)
        assert_sound(cohort, rules, result)
        assert result.method == "optimal"
        assert result.objective == objective
        assert result.guarantee == f"optimal_{objective}"
        certificate = result.certificate
        assert certificate is not None
        locked = {pair.mentee for pair in cohort.locked}
        assert [m for m, _ in certificate.mentee_prices] == [
            m for m in cohort.mentees if m not in locked
        ]
        assert [m for m, _ in certificate.mentor_prices] == list(cohort.mentors)
        assert check_matching(cohort, rules, result) == ()

    @given(cases(), st.sampled_from(OBJECTIVES))
    def test_beats_every_feasible_assignment(
        self, case: tuple[Cohort, Rules], objective: Objective
    ) -> None:
        """No feasible assignment ranks higher: most matched then most points, or the reverse."""
        cohort, rules = case
        spec = Spec(cohort, rules)
        assume(spec.size() <= 20_000)
        result = optimal(cohort, rules, objective=objective)
        best = max(spec.value(a, objective) for a in spec.assignments())
        assert spec.value(free_pairs(result, cohort), objective) == best

    def test_participation_matches_more_score_scores_more(self) -> None:
        """One excellent pair beats two fair ones on score; participation takes the two."""
        cohort = flat_cohort({"m": 1, "n": 1}, {"a": (), "b": ()}, forbidden=[Pair("n", "b")])
        rules = table_rules({("m", "a"): 1.0, ("n", "a"): 0.9, ("m", "b"): 0.05})
        by_participation = optimal(cohort, rules)
        assert {(m.mentor, m.mentee) for m in by_participation.matches} == {
            ("n", "a"),
            ("m", "b"),
        }
        assert by_participation.total_points == 950_000
        by_score = optimal(cohort, rules, objective="score")
        assert [(m.mentor, m.mentee) for m in by_score.matches] == [("m", "a")]
        assert by_score.total_points == 1_000_000
        assert by_score.certificate is not None
        assert by_score.certificate.bonus == 0
        assert by_participation.certificate is not None
        assert by_participation.certificate.bonus > 0

    def test_score_breaks_ties_by_participation(self) -> None:
        """Among equal totals, the score objective matches more mentees (a 0-point pair too)."""
        cohort = flat_cohort({"m": 1, "n": 1}, {"a": (), "b": ()})
        result = optimal(cohort, table_rules({("m", "a"): 1.0}), objective="score")
        assert {(m.mentor, m.mentee) for m in result.matches} == {("m", "a"), ("n", "b")}

    def test_ties_are_settled_by_ids_not_order(self) -> None:
        """Equally good mentors: the choice is the same whichever order they were offered in."""
        rules = table_rules({("x", "a"): 0.5, ("y", "a"): 0.5})
        chosen = {
            optimal(flat_cohort(dict(order), {"a": ()}), rules).mentor_of("a")
            for order in ((("x", 1), ("y", 1)), (("y", 1), ("x", 1)))
        }
        assert len(chosen) == 1
        assert chosen <= {"x", "y"}

    def test_a_locked_pair_breaking_a_rule_is_refused(self) -> None:
        """Every locked pair that breaks a hard rule is listed with the rule's reason."""
        cohort = attrs.evolve(office(), locked=(Pair("ann", "cy"), Pair("ole", "di")))
        with pytest.raises(InvalidDataError) as raised:
            optimal(cohort)
        paths = [problem.path for problem in raised.value.problems]
        assert paths == ["locked[ann->cy]", "locked[ole->di]"]
        assert "not_in_line_of_management" in raised.value.problems[0].message
        assert "shared_language" in raised.value.problems[1].message

    def test_locked_pairs_take_a_place(self) -> None:
        """A locked pair is kept, marked, and uses up the mentor's place."""
        cohort = attrs.evolve(office(), locked=(Pair("ole", "cy"),))
        result = optimal(cohort)
        assert result.mentor_of("cy") == "ole"
        assert [m.locked for m in result.matches] == [False, True]
        assert result.mentor_of("bo") == "ann"
        assert result.mentees_of("ole") == ("cy",)
        assert check_matching(cohort, None, result) == ()

    def test_the_office(self) -> None:
        """The default rules on a known cohort: Cy can only have Ole, so Bo gets Ann; Di none."""
        result = optimal(office())
        assert result.mentor_of("bo") == "ann"
        assert result.mentor_of("cy") == "ole"
        assert result.mentor_of("di") is None
        assert result.mentees_of("ann") == ("bo",)
        assert result.mentees_of("nobody") == ()
        (di,) = result.unmatched
        assert di.cause == "no_allowed_mentor"
        assert dict(di.exclusions)["shared_language"] == 2
        assert di.next_best == ()

    def test_empty_cohorts(self) -> None:
        """No offers: everyone unmatched; no requests: nothing to do."""
        nobody = flat_cohort({}, {"a": (), "b": ()})
        result = optimal(nobody)
        assert result.matches == ()
        assert [u.cause for u in result.unmatched] == ["no_allowed_mentor"] * 2
        assert result.total_score == 0.0
        empty = flat_cohort({"m": 2}, {})
        assert optimal(empty).unmatched == ()
        assert check_matching(empty, None, optimal(empty)) == ()

    @pytest.mark.parametrize("objective", ["best", None, "Score"])
    def test_unknown_objective(self, objective: Any) -> None:
        """An unknown objective is refused by name."""
        with pytest.raises(InvalidDataError) as raised:
            optimal(office(), objective=objective)
        assert raised.value.problems[0].path == "objective"

    def test_wrong_types(self) -> None:
        """A cohort or rules of the wrong type is a TypeError."""
        with pytest.raises(TypeError):
            optimal("cohort")  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            stable(office(), rules="default")  # type: ignore[arg-type]


class TestStable:
    @given(any_cases)
    def test_keeps_every_rule_and_has_no_blocking_pair(self, case: tuple[Cohort, Rules]) -> None:
        """Allowed pairs only, within capacity, locked kept; nobody would rather swap; checked."""
        cohort, rules = case
        result = stable(cohort, rules)
        assert_sound(cohort, rules, result)
        assert Spec(cohort, rules).blocking(free_pairs(result, cohort)) == []
        assert result.certificate is None
        assert result.objective is None
        assert result.guarantee == "stable_mentee_optimal"
        assert check_matching(cohort, rules, result) == ()

    @given(cases())
    def test_is_the_mentee_optimal_stable_matching(self, case: tuple[Cohort, Rules]) -> None:
        """Of all stable matchings (brute force), every mentee likes this one best."""
        cohort, rules = case
        spec = Spec(cohort, rules)
        assume(spec.size() <= 20_000)
        found = free_pairs(stable(cohort, rules), cohort)
        stable_ones = [a for a in spec.assignments() if not spec.blocking(a)]
        assert found in stable_ones
        for other in stable_ones:
            for mentee in spec.free:
                assert spec.rank(mentee, found.get(mentee)) <= spec.rank(mentee, other.get(mentee))

    def test_ranked_preferences_come_first(self) -> None:
        """A mentee who ranks a lower-scored mentor first gets them."""
        cohort = flat_cohort({"m": 1, "n": 1}, {"a": ("n",)})
        result = stable(cohort, table_rules({("m", "a"): 0.9, ("n", "a"): 0.1}))
        assert result.mentor_of("a") == "n"
        assert (
            optimal(cohort, table_rules({("m", "a"): 0.9, ("n", "a"): 0.1})).mentor_of("a") == "m"
        )

    def test_unlisted_allowed_mentors_follow_by_score(self) -> None:
        """When every ranked mentor is taken, the mentee goes on to the others by score."""
        cohort = flat_cohort({"m": 1, "n": 1, "o": 1}, {"a": ("m",), "b": ()})
        rules = table_rules({("m", "a"): 0.2, ("m", "b"): 0.9, ("n", "a"): 0.3, ("o", "a"): 0.4})
        result = stable(cohort, rules)
        assert result.mentor_of("b") == "m"
        assert result.mentor_of("a") == "o"

    def test_refused_preferences_are_skipped(self) -> None:
        """A ranked mentor the hard rules refuse is never proposed to."""
        cohort = attrs.evolve(
            office(), requests=(MenteeRequest(mentee="cy", preferences=("ann", "ole")),)
        )
        assert stable(cohort).mentor_of("cy") == "ole"

    def test_mentors_break_ties_by_id(self) -> None:
        """A mentor with one place and two equally scored mentees takes the smaller id."""
        cohort = flat_cohort({"m": 1}, {"b": (), "a": ()})
        result = stable(cohort, table_rules({}))
        assert result.mentor_of("a") == "m"
        assert result.unmatched[0].mentee == "b"
        assert result.unmatched[0].cause == "mentors_full"
        assert result.unmatched[0].next_best == ("m",)

    def test_the_mentee_optimal_one_of_two(self) -> None:
        """Two stable matchings exist; the mentees get their first choices."""
        cohort = flat_cohort({"x": 1, "y": 1}, {"a": ("x",), "b": ("y",)})
        rules = table_rules({("x", "a"): 0.1, ("y", "a"): 0.9, ("x", "b"): 0.9, ("y", "b"): 0.1})
        result = stable(cohort, rules)
        assert (result.mentor_of("a"), result.mentor_of("b")) == ("x", "y")


def shuffled(cohort: Cohort, rnd: random.Random) -> Cohort:
    """The same cohort with every collection given in another order."""

    def mixed(items: Any) -> list[Any]:
        items = list(items)
        rnd.shuffle(items)
        return items

    roster = Roster(people=mixed(cohort.roster.people), teams=mixed(cohort.roster.teams))
    return Cohort(
        roster=roster,
        as_of=cohort.as_of,
        offers=mixed(cohort.offers),
        requests=mixed(
            attrs.evolve(request, wants=mixed(request.wants)) for request in cohort.requests
        ),
        history=mixed(cohort.history),
        locked=mixed(cohort.locked),
        forbidden=mixed(cohort.forbidden),
    )


class TestDeterminism:
    @given(any_cases, st.randoms(use_true_random=False))
    def test_input_order_does_not_matter(
        self, case: tuple[Cohort, Rules], rnd: random.Random
    ) -> None:
        """Shuffled offers, requests, history, pairs and roster give equal results."""
        cohort, rules = case
        other = shuffled(cohort, rnd)
        assert optimal(other, rules) == optimal(cohort, rules)
        assert optimal(other, rules, objective="score") == optimal(cohort, rules, objective="score")
        assert stable(other, rules) == stable(cohort, rules)
        if cohort.requests:
            mentee = cohort.mentees[0]
            assert suggestions(other, mentee, rules) == suggestions(cohort, mentee, rules)


class TestExplanations:
    @given(any_cases, st.sampled_from(["optimal", "stable"]))
    def test_every_decision_is_explained(self, case: tuple[Cohort, Rules], method: str) -> None:
        """Matches carry their parts; unmatched mentees their exclusions, cause and next best."""
        cohort, rules = case
        result = optimal(cohort, rules) if method == "optimal" else stable(cohort, rules)
        for match in result.matches:
            assert_explained(cohort, rules, match)
        assert result.total_points == sum(m.points for m in result.matches)
        assert result.total_score == math.fsum(m.score for m in result.matches)
        load = {mentor: len(result.mentees_of(mentor)) for mentor in cohort.mentors}
        for entry in result.unmatched:
            assert_why(cohort, rules, entry, load)

    @pytest.mark.parametrize("locale", LOCALES)
    def test_unmatched_texts(self, locale: Any) -> None:
        """Each cause reads as a sentence naming the mentee and the numbers."""
        no_one = Unmatched(
            mentee="di",
            cause="no_allowed_mentor",
            allowed=0,
            exclusions=[("self", 0), ("shared_language", 2)],
            next_best=(),
        )
        text = no_one.explain(locale)
        assert "di" in text
        assert "shared_language" in text
        assert "self" not in text
        full = attrs.evolve(no_one, cause="mentors_full", allowed=2, next_best=("ann", "ole"))
        assert "ann, ole" in full.explain(locale)
        passed = attrs.evolve(no_one, cause="not_selected", allowed=4)
        assert "4" in passed.explain(locale)
        assert no_one.explain(locale) != full.explain(locale) != passed.explain(locale)

    @pytest.mark.parametrize("locale", LOCALES)
    def test_guarantee_texts(self, locale: Any) -> None:
        """Every guarantee has its own text in both languages."""
        cohort = flat_cohort({"m": 1}, {"a": ()})
        texts = {
            optimal(cohort).guarantee_text(locale),
            optimal(cohort, objective="score").guarantee_text(locale),
            stable(cohort).guarantee_text(locale),
        }
        assert len(texts) == 3
        assert all(text.strip() for text in texts)
        with pytest.raises(InvalidDataError):
            optimal(cohort).guarantee_text("de")  # type: ignore[arg-type]

    def test_results_are_validated_values(self) -> None:
        """Results are frozen and refuse bad fields by name."""
        result = optimal(office())
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            result.total_points = 1  # type: ignore[misc]
        for cls, field, value in (
            (Match, "score", 1.5),
            (Match, "points", -1),
            (Unmatched, "cause", "busy"),
            (Unmatched, "exclusions", (("self", -1),)),
            (Unmatched, "exclusions", 5),
            (Unmatched, "next_best", "ann"),
            (MatchResult, "method", "greedy"),
            (MatchResult, "matches", ("ann->bo",)),
            (Certificate, "mentor_prices", (("ann",),)),
            (Suggestion, "rank", 0),
        ):
            instance = {
                Match: result.matches[0],
                Unmatched: result.unmatched[0],
                MatchResult: result,
                Certificate: result.certificate,
                Suggestion: suggestions(office(), "bo")[0],
            }[cls]
            with pytest.raises(InvalidDataError) as raised:
                attrs.evolve(instance, **{field: value})
            assert raised.value.problems[0].path.startswith(field)

    def test_lists_become_tuples(self) -> None:
        """Pairs given as lists (as JSON has them) are kept as tuples."""
        entry = Unmatched(
            mentee="a", cause="mentors_full", allowed=1, exclusions=[["self", 0]], next_best=["m"]
        )
        assert entry.exclusions == (("self", 0),)
        assert entry.next_best == ("m",)


class TestSuggestions:
    @given(any_cases, st.integers(1, 6))
    def test_top_allowed_mentors_best_first(self, case: tuple[Cohort, Rules], top: int) -> None:
        """The best allowed mentors by points, ties by id, with parts and free places."""
        cohort, rules = case
        assume(cohort.requests)
        mentee = cohort.mentees[-1]
        alone = attrs.evolve(
            cohort,
            requests=(cohort.request(mentee),),
            locked=[p for p in cohort.locked if p.mentee == mentee],
        )
        found = suggestions(cohort, mentee, rules, top=top)
        allowed = {mentor: explain_pair(alone, rules, mentor, mentee) for mentor in cohort.mentors}
        ranked = sorted(
            (m for m, e in allowed.items() if e.allowed), key=lambda m: (-allowed[m].points, m)
        )
        assert [s.mentor for s in found] == ranked[:top]
        assert [s.rank for s in found] == list(range(1, len(found) + 1))
        for suggestion in found:
            explanation = allowed[suggestion.mentor]
            assert suggestion.parts == explanation.parts
            assert suggestion.points == explanation.points
            locked_on = sum(p.mentor == suggestion.mentor for p in cohort.locked)
            assert suggestion.free_places == cohort.offer(suggestion.mentor).capacity - locked_on

    def test_the_office(self) -> None:
        """Bo is offered Ole (ranked first, other team) before Ann."""
        found = suggestions(office(), "bo")
        assert [(s.rank, s.mentor) for s in found] == [(1, "ole"), (2, "ann")]
        assert found[0].score > found[1].score
        assert [s.free_places for s in found] == [1, 2]
        assert suggestions(office(), "bo", top=1) == found[:1]
        assert suggestions(office(), "di") == ()

    def test_refusals(self) -> None:
        """An unknown mentee, a bad top or a wrong cohort are refused."""
        with pytest.raises(UnknownIdError):
            suggestions(office(), "ann")
        for top in (0, -1, 2.5, True, "3"):
            with pytest.raises(InvalidDataError):
                suggestions(office(), "bo", top=top)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            suggestions(None, "bo")  # type: ignore[arg-type]


class TestRematch:
    @given(any_cases, st.data(), st.sampled_from(["optimal", "stable"]))
    def test_keeps_chosen_pairs_and_avoids_earlier_ones(
        self, case: tuple[Cohort, Rules], data: st.DataObject, method: Any
    ) -> None:
        """Kept pairs stay (as locked); no pair of two people paired before comes back."""
        cohort, rules = case
        first = optimal(cohort, rules)
        free = [m for m in first.matches if not m.locked]
        keep = [
            Pair(m.mentor, m.mentee)
            for m in data.draw(
                st.lists(st.sampled_from(free), unique=True) if free else st.just([])
            )
        ]
        # The first round's pairs become history: they started today and are ongoing.
        history = [
            Pairing(mentor=m.mentor, mentee=m.mentee, started=cohort.as_of) for m in first.matches
        ]
        next_round = attrs.evolve(cohort, history=(*cohort.history, *history))
        result = rematch(next_round, rules, keep=keep, method=method)
        fixed = set(cohort.locked) | set(keep)
        earlier = {frozenset((p.mentor, p.mentee)) for p in next_round.history}
        for match in result.matches:
            pair = Pair(match.mentor, match.mentee)
            assert pair in fixed or frozenset((match.mentor, match.mentee)) not in earlier
            assert match.locked == (pair in fixed)
        assert fixed <= {Pair(m.mentor, m.mentee) for m in result.matches}
        assert result.kept == tuple(sorted(set(keep)))
        assert result.rematch
        assert result.method == method
        assert check_matching(next_round, rules, result) == ()

    def test_a_kept_ongoing_pair_is_allowed(self) -> None:
        """Keeping a pair that is still going on passes the recency rule; the reverse is barred."""
        cohort = flat_cohort(
            {"m": 1, "a": 1},
            {"a": (), "m": (), "b": ()},
            history=[Pairing(mentor="m", mentee="a", started=D(2025, 9, 1))],
        )
        rules = Rules(hard=(NotPairedRecently(12),), soft=(Table({("a", "m"): 1.0}),))
        result = rematch(cohort, rules, keep=[Pair("m", "a")])
        assert result.mentor_of("a") == "m"
        assert result.matches[0].locked
        assert result.mentor_of("m") is None  # a -> m was paired before (the other way round)
        solved = rematch_cohort(cohort, [Pair("m", "a")])
        assert solved.history == ()
        assert Pair("a", "m") in solved.forbidden

    def test_refuses_pairs_it_cannot_keep(self) -> None:
        """Something other than pairs, or a pair without an offer, is refused as keep."""
        with pytest.raises(InvalidDataError) as raised:
            rematch(office(), keep=["ann->bo"])  # type: ignore[list-item]
        assert raised.value.problems[0].path == "keep[0]"
        with pytest.raises(InvalidDataError):
            rematch(office(), keep="ann->bo")  # type: ignore[arg-type]
        with pytest.raises(InvalidDataError) as raised:
            rematch(office(), keep=[Pair("bo", "cy")])
        assert raised.value.problems[0].path.startswith("keep[bo->cy]")
        with pytest.raises(InvalidDataError) as raised:
            rematch(office(), keep=[Pair("ann", "cy")])
        assert raised.value.problems[0].path == "keep[ann->cy]"
        with pytest.raises(InvalidDataError) as raised:
            rematch(office(), method="greedy")  # type: ignore[arg-type]
        assert raised.value.problems[0].path == "method"
        with pytest.raises(TypeError):
            rematch([], keep=())  # type: ignore[arg-type]

    def test_stable_rematch(self) -> None:
        """A stable rematch keeps the pair and matches the rest stably."""
        result = rematch(office(), keep=[Pair("ole", "bo")], method="stable")
        assert result.mentor_of("bo") == "ole"
        assert result.guarantee == "stable_mentee_optimal"
        assert result.kept == (Pair("ole", "bo"),)
        assert check_matching(office(), None, result) == ()


class TestSerialization:
    @given(cases(), st.sampled_from(["optimal", "score", "stable", "rematch"]))
    def test_results_round_trip(self, case: tuple[Cohort, Rules], method: str) -> None:
        """Results, suggestions and violations survive JSON exactly."""
        cohort, rules = case
        if method == "stable":
            result = stable(cohort, rules)
        elif method == "rematch":
            result = rematch(cohort, rules, keep=cohort.locked[:1], method="stable")
        else:
            result = optimal(
                cohort, rules, objective="score" if method == "score" else "participation"
            )
        assert from_json(to_json(result), MatchResult) == result
        for suggestion in suggestions(cohort, cohort.mentees[0], rules) if cohort.requests else ():
            assert from_json(to_json(suggestion), Suggestion) == suggestion
        broken = attrs.evolve(result, total_points=result.total_points + 1)
        for violation in check_matching(cohort, rules, broken):
            assert from_json(to_json(violation), Violation) == violation


class TestScorePartsAreShared:
    def test_parts_are_score_parts(self) -> None:
        """Parts are the scoring's ScorePart values (one type across the package)."""
        result = optimal(office())
        assert all(isinstance(part, ScorePart) for m in result.matches for part in m.parts)
        scored = score_cohort(office(), default_rules())
        bo = scored.mentee_index("bo")
        points = dict(zip(scored.allowed[bo], scored.weights[bo], strict=True))
        assert result.matches[0].points == points[scored.mentor_index("ann")]
