"""learnkit.mentoring model: offers, requests, pairs and the Cohort, validated as a whole."""

from __future__ import annotations

import datetime as dt
import json
import random
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from learnkit import strategies
from learnkit.exceptions import InvalidDataError, UnknownIdError
from learnkit.mentoring import (
    Cohort,
    MenteeRequest,
    MentorOffer,
    Pair,
    Pairing,
    Rules,
    Want,
    default_rules,
    explain_pair,
)
from learnkit.mentoring._scoring import score_cohort
from learnkit.people import Person, Roster, Team
from learnkit.serialize import from_dict, from_json, to_dict, to_json

D = dt.date


def roster(*ids: str) -> Roster:
    """People with these ids in one team, nobody managing anybody."""
    return Roster(
        people=[Person(id=i, name=i.title(), team="t", start_date=D(2020, 1, 1)) for i in ids],
        teams=[Team(id="t", name="Team")],
    )


def paths(error: InvalidDataError) -> list[str]:
    """The path of every problem, in order."""
    return [problem.path for problem in error.problems]


def refused(**fields: Any) -> InvalidDataError:
    """The error building a cohort from ``fields`` raises."""
    with pytest.raises(InvalidDataError) as caught:
        Cohort(**fields)
    return caught.value


class TestWant:
    def test_defaults_to_high_priority(self) -> None:
        """A want without a priority is a priority-1 want."""
        assert Want("python") == Want("python", 1)

    @pytest.mark.parametrize(
        ("name", "priority", "path"), [("", 1, "name"), ("sql", 4, "priority")]
    )
    def test_bad_fields_are_named(self, name: str, priority: int, path: str) -> None:
        """An empty name or a priority outside 1..3 is refused, naming the field."""
        with pytest.raises(InvalidDataError) as caught:
            Want(name, priority)
        assert paths(caught.value) == [path]


class TestMentorOffer:
    def test_defaults(self) -> None:
        """Capacity 1, and empty skills and languages meaning 'what the person has'."""
        offer = MentorOffer(mentor="anne")
        assert (offer.capacity, offer.skills, offer.topics, offer.languages) == (
            1,
            frozenset(),
            frozenset(),
            frozenset(),
        )

    @pytest.mark.parametrize("capacity", [0, 6, 2.0, True])
    def test_capacity_is_one_to_five(self, capacity: object) -> None:
        """Capacity outside 1..5 (or not a whole number) is refused."""
        with pytest.raises(InvalidDataError) as caught:
            MentorOffer(mentor="anne", capacity=capacity)  # type: ignore[arg-type]
        assert paths(caught.value) == ["capacity"]

    def test_one_string_is_not_a_set(self) -> None:
        """languages='da' is refused instead of becoming {'d', 'a'}."""
        with pytest.raises(InvalidDataError) as caught:
            MentorOffer(mentor="anne", languages="da")  # type: ignore[arg-type]
        assert paths(caught.value) == ["languages"]

    def test_language_codes_are_checked(self) -> None:
        """A language that is not an ISO 639 code is reported with its value."""
        with pytest.raises(InvalidDataError) as caught:
            MentorOffer(mentor="anne", languages={"da", "Danish"})
        assert paths(caught.value) == ["languages['Danish']"]


class TestMenteeRequest:
    def test_wants_are_kept_sorted(self) -> None:
        """Wants listed in any order make the same request."""
        first = MenteeRequest(mentee="bo", wants=[Want("sql", 2), Want("python")])
        assert first.wants == (Want("python"), Want("sql", 2))
        assert first == MenteeRequest(mentee="bo", wants=[Want("python"), Want("sql", 2)])

    def test_preferences_keep_their_ranking(self) -> None:
        """Preferences are a ranking, so their order is kept."""
        assert MenteeRequest(mentee="bo", preferences=["c", "a", "b"]).preferences == (
            "c",
            "a",
            "b",
        )

    def test_every_problem_at_once(self) -> None:
        """A want twice, a mentor ranked twice and the mentee ranked, all named by key."""
        with pytest.raises(InvalidDataError) as caught:
            MenteeRequest(
                mentee="bo",
                wants=[Want("python"), Want("python", 3)],
                preferences=["anne", "anne", "bo"],
            )
        assert paths(caught.value) == [
            "wants[name=python]",
            "preferences[anne]",
            "preferences[bo]",
        ]


class TestPairs:
    def test_nobody_mentors_themselves(self) -> None:
        """A pair or pairing of one person is refused."""
        with pytest.raises(InvalidDataError):
            Pair("anne", "anne")
        with pytest.raises(InvalidDataError):
            Pairing(mentor="anne", mentee="anne", started=D(2024, 1, 1))

    def test_pairs_order_by_mentor_then_mentee(self) -> None:
        """Pairs sort by mentor id, then mentee id, and print as mentor->mentee."""
        assert sorted([Pair("b", "a"), Pair("a", "c"), Pair("a", "b")]) == [
            Pair("a", "b"),
            Pair("a", "c"),
            Pair("b", "a"),
        ]
        assert str(Pair("p07", "p41")) == "p07->p41"

    def test_a_pairing_does_not_end_before_it_starts(self) -> None:
        """ended before started is refused, naming ended."""
        with pytest.raises(InvalidDataError) as caught:
            Pairing(mentor="a", mentee="b", started=D(2024, 5, 1), ended=D(2024, 4, 30))
        assert paths(caught.value) == ["ended"]
        same_day = Pairing(mentor="a", mentee="b", started=D(2024, 5, 1), ended=D(2024, 5, 1))
        assert same_day.label == "a->b@2024-05-01"


class TestCohort:
    def test_a_person_may_offer_and_request(self) -> None:
        """Anne mentors and is mentored; the lookups find both, and nobody else."""
        cohort = Cohort(
            roster=roster("anne", "bo"),
            as_of=D(2026, 1, 1),
            offers=[MentorOffer(mentor="anne"), MentorOffer(mentor="bo")],
            requests=[MenteeRequest(mentee="anne")],
        )
        assert cohort.offer("anne").mentor == "anne"
        assert cohort.request("anne").mentee == "anne"
        assert cohort.mentors == ("anne", "bo")
        assert cohort.mentees == ("anne",)
        with pytest.raises(UnknownIdError) as caught:
            cohort.request("bo")
        assert (caught.value.kind, caught.value.id) == ("mentee request", "bo")
        with pytest.raises(UnknownIdError):
            cohort.offer("zoe")

    def test_every_problem_at_once_by_key(self) -> None:
        """Every kind of problem in one cohort, each at a path naming the record."""
        error = refused(
            roster=roster("a", "b", "c", "d"),
            as_of=D(2026, 1, 1),
            offers=[
                MentorOffer(mentor="a", capacity=1),
                MentorOffer(mentor="zoe"),
                MentorOffer(mentor="b"),
                MentorOffer(mentor="b", capacity=2),
            ],
            requests=[
                MenteeRequest(mentee="c", preferences=["a", "d", "yves"]),
                MenteeRequest(mentee="d"),
                MenteeRequest(mentee="d"),
                MenteeRequest(mentee="xena"),
            ],
            history=[Pairing(mentor="a", mentee="wim", started=D(2024, 3, 1))],
            locked=[Pair("a", "c"), Pair("a", "d"), Pair("c", "b"), Pair("b", "c")],
            forbidden=[Pair("a", "c"), Pair("b", "d"), Pair("b", "d"), Pair("a", "ulla")],
        )
        assert paths(error) == [
            "offers[mentor=b]",
            "offers[mentor=zoe].mentor",
            "requests[mentee=d]",
            "requests[mentee=xena].mentee",
            "requests[mentee=c].preferences[d]",
            "requests[mentee=c].preferences[yves]",
            "history[a->wim@2024-03-01].mentee",
            "locked[b->c].mentee",
            "locked[c->b].mentor",
            "locked[c->b].mentee",
            "offers[mentor=a].capacity",
            "forbidden[a->c]",
            "forbidden[a->ulla].mentee",
            "forbidden[b->d]",
        ]
        messages = {problem.path: problem.message for problem in error.problems}
        assert messages["offers[mentor=b]"] == "offers 2 times; one offer a person"
        assert messages["requests[mentee=c].preferences[d]"] == "has no mentor offer"
        assert messages["locked[b->c].mentee"] == "is locked twice (also with a)"
        assert messages["locked[c->b].mentor"] == "has no mentor offer"
        assert messages["locked[c->b].mentee"] == "has no mentee request"
        assert (
            messages["offers[mentor=a].capacity"]
            == "is less than the 2 pairs locked on this mentor"
        )
        assert messages["forbidden[a->c]"] == "is both locked and forbidden"
        assert messages["forbidden[b->d]"] == "is forbidden twice"

    def test_wrong_types_are_named(self) -> None:
        """A field of the wrong kind is refused with its name."""
        error = refused(roster=roster("a"), as_of=D(2026, 1, 1), offers=["a"], requests=[])
        assert paths(error) == ["offers[0]"]

    @given(strategies.cohorts(), st.randoms(use_true_random=False))
    def test_input_order_does_not_matter(self, cohort: Cohort, rng: random.Random) -> None:
        """A cohort built from its records in any order is equal and writes the same JSON."""
        fields = {
            name: list(getattr(cohort, name))
            for name in ("offers", "requests", "history", "locked", "forbidden")
        }
        for items in fields.values():
            rng.shuffle(items)
        again = Cohort(roster=cohort.roster, as_of=cohort.as_of, **fields)
        assert again == cohort
        assert to_json(again) == to_json(cohort)

    def test_history_is_found_in_either_role(self) -> None:
        """pairings_between finds pairings in either role; is_forbidden has a direction."""
        first = Pairing(mentor="a", mentee="b", started=D(2023, 1, 1), ended=D(2023, 6, 1))
        second = Pairing(mentor="b", mentee="a", started=D(2025, 1, 1))
        cohort = Cohort(
            roster=roster("a", "b", "c"),
            as_of=D(2026, 1, 1),
            offers=[MentorOffer(mentor="a")],
            requests=[MenteeRequest(mentee="b")],
            history=[second, first],
            forbidden=[Pair("a", "b")],
        )
        assert cohort.pairings_between("b", "a") == (first, second)
        assert cohort.pairings_between("a", "c") == ()
        assert cohort.is_forbidden("a", "b")
        assert not cohort.is_forbidden("b", "a")


class TestCohortsStrategy:
    @given(strategies.cohorts())
    def test_locked_pairs_respect_the_default_rules_and_capacity(self, cohort: Cohort) -> None:
        """Generated cohorts score under the default rules, locked pairs included."""
        scored = score_cohort(cohort, default_rules())
        assert len(scored.locked) == len(cohort.locked)
        for pair in cohort.locked:
            assert explain_pair(cohort, default_rules(), pair.mentor, pair.mentee).allowed
        for offer in cohort.offers:
            assert sum(pair.mentor == offer.mentor for pair in cohort.locked) <= offer.capacity

    @given(strategies.cohorts(rules=Rules(hard=(), soft=()), min_mentors=2, min_mentees=3))
    def test_minimums_and_other_rules(self, cohort: Cohort) -> None:
        """min_mentors and min_mentees are honoured; locked pairs follow the rules given."""
        assert len(cohort.offers) >= 2
        assert len(cohort.requests) >= 3
        score_cohort(cohort, Rules(hard=(), soft=()))
        assert all(pair.mentor != pair.mentee for pair in cohort.locked)

    @given(strategies.cohorts(max_history=0, max_locked=0, max_forbidden=0))
    def test_limits(self, cohort: Cohort) -> None:
        """The max_ arguments bound history, locked and forbidden pairs."""
        assert (cohort.history, cohort.locked, cohort.forbidden) == ((), (), ())

    def test_negative_counts_are_refused(self) -> None:
        """A negative bound is refused, naming it."""
        with pytest.raises(InvalidDataError) as caught:
            strategies.cohorts(max_locked=-1)
        assert paths(caught.value) == ["max_locked"]


MODEL_TYPES: dict[type, st.SearchStrategy[Any]] = {
    Want: strategies.wants(),
    MentorOffer: strategies.mentor_offers(),
    MenteeRequest: strategies.mentee_requests(mentors=["a", "b", "c"]),
    Pair: strategies.pairs(),
    Pairing: strategies.pairings(),
    Cohort: strategies.cohorts(),
}


class TestSerialization:
    @given(st.sampled_from(list(MODEL_TYPES)).flatmap(lambda cls: MODEL_TYPES[cls]))
    def test_round_trip(self, value: Any) -> None:
        """Every model value survives to_json/from_json exactly, and writing is stable."""
        text = to_json(value, indent=2)
        again = from_json(text, type(value))
        assert again == value
        assert to_json(again, indent=2) == text

    def test_cohort_problems_have_json_paths(self) -> None:
        """A cohort's own checks come back under $.data with the record's key."""
        cohort = Cohort(
            roster=roster("a", "b"),
            as_of=D(2026, 1, 1),
            offers=[MentorOffer(mentor="a")],
            requests=[MenteeRequest(mentee="b")],
        )
        document = to_dict(cohort)
        document["data"]["locked"] = [{"mentor": "b", "mentee": "a"}]
        document["data"]["offers"][0]["capacity"] = 9
        with pytest.raises(InvalidDataError) as caught:
            from_dict(document, Cohort)
        assert paths(caught.value) == ["$.data.offers[0].capacity"]
        document["data"]["offers"][0]["capacity"] = 1
        with pytest.raises(InvalidDataError) as caught:
            from_dict(document, Cohort)
        assert paths(caught.value) == ["$.data.locked[b->a].mentor", "$.data.locked[b->a].mentee"]

    @given(
        st.sampled_from(sorted(MODEL_TYPES, key=lambda cls: cls.__name__)),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
            lambda inner: (
                st.lists(inner, max_size=3)
                | st.dictionaries(
                    st.sampled_from(["mentor", "mentee", "wants", "capacity", "roster", "x"]),
                    inner,
                    max_size=4,
                )
            ),
            max_leaves=12,
        ),
    )
    def test_junk_is_only_ever_invalid_data(self, cls: type, data: object) -> None:
        """Reading arbitrary JSON data as a model type succeeds or raises InvalidDataError."""
        outcome: object
        try:
            outcome = from_json(json.dumps({"schema": 1, "type": cls.__name__, "data": data}), cls)
        except InvalidDataError as error:
            outcome = error
        assert isinstance(outcome, cls | InvalidDataError)

    @given(strategies.cohorts())
    def test_mangled_cohorts_are_only_ever_invalid_data(self, cohort: Cohort) -> None:
        """A real cohort document with a field swapped for junk fails cleanly, at that field."""
        document = to_dict(cohort)
        for key in document["data"]:
            mangled = json.loads(json.dumps(document))
            mangled["data"][key] = {"junk": [1, "x"]}
            with pytest.raises(InvalidDataError) as caught:
                from_dict(mangled, Cohort)
            assert all(
                problem.path.startswith(f"$.data.{key}") for problem in caught.value.problems
            )

    def test_private_lookups_are_not_written(self) -> None:
        """Only the constructor's fields are in the document."""
        cohort = Cohort(roster=roster("a"), as_of=D(2026, 1, 1), offers=[], requests=[])
        assert list(to_dict(cohort)["data"]) == [
            field.name for field in attrs.fields(Cohort) if field.init
        ]
