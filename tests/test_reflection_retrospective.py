"""Team retrospectives: visible reflections only, themes, votes, action points carried forward."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit._demo_prompts import demo_lines
from learnkit._example_prompts import build_prompts
from learnkit._example_reflection import build_reflection
from learnkit.examples import example_organisation
from learnkit.exceptions import InvalidDataError, TransitionError, UnknownIdError
from learnkit.mentoring import Mentorship, MentorshipStatus
from learnkit.people import Person, Roster, Team
from learnkit.reflection import (
    ActionPoint,
    Reflection,
    Retrospective,
    SubjectKind,
    TaskRef,
    Theme,
    ThemeVote,
    Visibility,
    add_action_point,
    can_view,
    carried_forward,
    complete_action_point,
    gather_reflections,
    group_themes,
    record_votes,
    retrospective_readers,
    since_last_time,
    start_retrospective,
)
from learnkit.reflection._keywords import STOP_WORDS, keywords, stem
from learnkit.reflection._retrospective import ALREADY_DONE, DONE_BEFORE_CREATED
from learnkit.reflection._themes import reflection_terms, tag_term
from learnkit.strategies import (
    action_points,
    mentorships,
    reflections,
    retrospectives,
    rosters,
    theme_votes,
    themes,
)
from learnkit.time import Period

D = dt.date
CPH = ZoneInfo("Europe/Copenhagen")
START = D(2026, 1, 5)
ROSTER = Roster(
    people=[
        Person(id="m1", name="Mette Nørgaard", team="stab", start_date=START),
        Person(id="a1", name="Anne Hansen", team="platform", start_date=START, manager="m1"),
        Person(id="a2", name="Bjørn Ågård", team="platform", start_date=START, manager="m1"),
        Person(id="a3", name="Signe Olsen", team="platform", start_date=START, manager="m1"),
        Person(id="d1", name="Priya Sharma", team="data", start_date=START),
    ],
    teams=[
        Team(id="stab", name="Stab"),
        Team(id="platform", name="Platform", manager="m1"),
        Team(id="data", name="Data"),
    ],
)
MENTORING = (
    Mentorship(
        id="ms1",
        mentor="d1",
        mentee="a2",
        status=MentorshipStatus.ACTIVE,
        proposed_on=START,
        started_on=START,
        planned_end=D(2026, 12, 31),
    ),
)
PERIOD = Period(D(2026, 11, 2), D(2026, 11, 20))
TASK = TaskRef(kind=SubjectKind.TASK, id="T-1", title="Release 4.2")


def note(
    rid: str,
    author: str,
    text: str,
    *,
    tags: tuple[str, ...] = (),
    visibility: Visibility = Visibility.TEAM,
    day: int = 10,
) -> Reflection:
    """A reflection recorded at noon in Copenhagen on a day of November 2026."""
    return Reflection(
        id=rid,
        author=author,
        about=TASK,
        recorded_at=dt.datetime(2026, 11, day, 12, tzinfo=CPH),
        learned=text,
        tags=tags,
        visibility=visibility,
    )


NOTES = (
    note("r1", "a1", "Deployet med feature flags, og kunderne opdagede intet", tags=("deploy",)),
    note("r2", "a2", "Vi skal teste udrulningen, før kunden får den"),
    note(
        "r3",
        "a3",
        "Flere tests fangede fejlen",
        tags=("Tests",),
        visibility=Visibility.ORGANISATION,
    ),
    note("r4", "a1", "Privat note om deploy", visibility=Visibility.PRIVATE),
    note("r5", "a2", "Til min mentor: deploy", visibility=Visibility.MENTOR),
    note("r6", "d1", "Data-teamets deploy", visibility=Visibility.ORGANISATION),
    note("r7", "a3", "Deploy i oktober", day=1),
    note("r8", "m1", "Ledergruppens deploy", visibility=Visibility.TEAM),
    note("r9", "m1", "Det gik godt, og vi lærte meget", visibility=Visibility.ORGANISATION),
)


def retro(**changes: Any) -> Retrospective:
    """The platform team's retrospective on PERIOD, held the Monday after."""
    fields: dict[str, Any] = {
        "id": "retro-47",
        "team": "platform",
        "period": PERIOD,
        "held_on": D(2026, 11, 23),
        "reflections": NOTES,
        "roster": ROSTER,
        "mentorships": MENTORING,
    }
    fields.update(changes)
    return start_retrospective(**fields)


class TestKeywords:
    def test_stemming_merges_inflections(self) -> None:
        """Danish and English inflections share a stem, as documented."""
        assert {stem(w) for w in ("kunderne", "kunden", "kunde")} == {"kund"}
        assert {stem(w) for w in ("tests", "testen", "testene", "testing", "tester")} == {"test"}
        assert stem("stories") == "story"
        assert stem("process") == stem("processes") == "process"
        assert stem("deployet") == "deploy"
        assert stem("ing") == "ing"  # no stem shorter than three letters

    def test_stop_words_and_case_are_dropped(self) -> None:
        """Common words in both languages never become keywords."""
        assert keywords(["Vi lærte, at det gik godt", "We learned that it went well"]) == set()
        assert keywords(["Kunderne ELSKEDE det"]) == {"kund", "elsked"}
        assert {"og", "the", "lært", "well"} <= STOP_WORDS

    def test_extra_stop_words_drop_every_form(self) -> None:
        """A team's own stop word removes its inflections too."""
        assert keywords(["kunderne og sprintet"], stop_words=frozenset({"Kunde"})) == {"sprint"}

    def test_tags_become_terms(self) -> None:
        """A tag is case-folded and each word stemmed, so it meets the keyword."""
        assert tag_term("Deploy Tests") == "deploy test"
        tags, words = reflection_terms(NOTES[2])
        assert tags == {"test"}
        assert "test" in words
        assert "fejl" in words


class TestGather:
    def test_readers_are_members_and_manager(self) -> None:
        """The team's members and its manager read its retrospective."""
        assert retrospective_readers("platform", ROSTER) == ("a1", "a2", "a3", "m1")
        assert retrospective_readers("data", ROSTER) == ("d1",)
        with pytest.raises(UnknownIdError):
            retrospective_readers("nope", ROSTER)

    def test_only_what_every_reader_may_see(self) -> None:
        """Private, mentor-only, other teams', out-of-period and unseen reflections stay out."""
        found = gather_reflections("platform", PERIOD, NOTES, ROSTER, MENTORING)
        assert [r.id for r in found] == ["r1", "r2", "r3", "r9"]

    def test_period_uses_the_authors_clock(self) -> None:
        """A reflection at 00:30 Copenhagen time on the first day belongs to the period."""
        early = attrs.evolve(
            NOTES[0], id="early", recorded_at=dt.datetime(2026, 11, 2, 0, 30, tzinfo=CPH)
        )
        late = attrs.evolve(
            NOTES[0], id="late", recorded_at=dt.datetime(2026, 11, 21, 0, 30, tzinfo=CPH)
        )
        found = gather_reflections("platform", PERIOD, [early, late], ROSTER, MENTORING)
        assert [r.id for r in found] == ["early"]

    def test_bad_arguments_are_named(self) -> None:
        """A wrong roster, period or item is refused with its name."""
        with pytest.raises(InvalidDataError) as error:
            gather_reflections("platform", "nov", NOTES, "roster", ())  # type: ignore[arg-type]
        assert [p.path for p in error.value.problems] == ["roster", "period"]
        with pytest.raises(InvalidDataError, match="listed twice"):
            gather_reflections("platform", PERIOD, [NOTES[0], NOTES[0]], ROSTER, ())
        with pytest.raises(InvalidDataError, match=r"reflections\[1\]"):
            gather_reflections("platform", PERIOD, [NOTES[0], "r2"], ROSTER, ())  # type: ignore[list-item]
        with pytest.raises(InvalidDataError, match="collection"):
            group_themes(5)  # type: ignore[arg-type]


@st.composite
def worlds(draw: st.DrawFn) -> dict[str, Any]:
    """A roster, mentorships among its people, reflections by them and a team."""
    roster = draw(rosters(max_size=6, max_teams=3))
    ids = st.sampled_from([person.id for person in roster])
    return {
        "roster": roster,
        "mentorships": draw(st.lists(mentorships(person_ids=ids), max_size=3)),
        "reflections": draw(
            st.lists(
                reflections(authors=ids, min_date=D(2026, 1, 1), max_date=D(2026, 3, 31)),
                max_size=6,
                unique_by=lambda r: r.id,
            )
        ),
        "team": draw(st.sampled_from([team.id for team in roster.teams])),
        "period": Period(D(2026, 1, 1), draw(st.dates(D(2026, 1, 1), D(2026, 3, 31)))),
    }


class TestVisibilityProperty:
    @settings(max_examples=30)
    @given(worlds())
    def test_no_reader_meets_a_reflection_they_may_not_see(self, world: dict[str, Any]) -> None:
        """Every id in the retrospective is visible to every reader, and nothing visible is lost."""
        roster, given_m = world["roster"], world["mentorships"]
        made = start_retrospective(
            id="r",
            team=world["team"],
            period=world["period"],
            held_on=world["period"].last,
            reflections=world["reflections"],
            roster=roster,
            mentorships=given_m,
        )
        by_id = {r.id: r for r in world["reflections"]}
        shown = {*made.reflections, *made.unthemed}
        shown |= {rid for theme in made.themes for rid in theme.reflections}
        assert shown == set(made.reflections)
        for rid in shown:
            assert all(can_view(reader, by_id[rid], roster, given_m) for reader in made.readers)
        expected = {
            r.id
            for r in world["reflections"]
            if r.author in made.readers
            and r.recorded_at.date() in world["period"]
            and all(can_view(reader, r, roster, given_m) for reader in made.readers)
        }
        assert set(made.reflections) == expected
        allowed: set[str] = set()
        for rid in made.reflections:
            tags, words = reflection_terms(by_id[rid])
            allowed |= tags | words
        assert all(set(theme.terms) <= allowed for theme in made.themes)


VOCABULARY = ("deploy", "deployet", "kunden", "kunderne", "test", "testen", "og", "vi", "drift")


@st.composite
def small_notes(draw: st.DrawFn) -> list[Reflection]:
    """Up to six reflections over a tiny vocabulary, so they share words often."""
    count = draw(st.integers(0, 6))
    found = []
    for index in range(count):
        words = draw(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=3))
        tags = draw(st.lists(st.sampled_from(("deploy", "Tests", "onboarding")), max_size=2))
        found.append(note(f"n{index}", "a1", " ".join(words), tags=tuple(tags)))
    return found


def brute_terms(notes: list[Reflection]) -> dict[str, set[str]]:
    """Each reflection's terms, without keywords in more than half of four or more."""
    tags = {r.id: set(reflection_terms(r)[0]) for r in notes}
    words = {r.id: set(reflection_terms(r)[1]) for r in notes}
    all_tags = set().union(*tags.values()) if tags else set()
    common = (
        {
            word
            for word in set().union(*words.values())
            if len(notes) >= 4
            and word not in all_tags
            and sum(word in found for found in words.values()) > len(notes) / 2
        }
        if words
        else set()
    )
    return {rid: tags[rid] | (words[rid] - common) for rid in tags}


def brute_components(notes: list[Reflection]) -> set[frozenset[str]]:
    """Themes as connected components, by repeated pairwise merging."""
    terms = brute_terms(notes)
    groups = [{rid} for rid, found in terms.items() if found]
    merged = True
    while merged:
        merged = False
        for i in range(len(groups)):
            for j in range(i + 1, len(groups)):
                if any(terms[a] & terms[b] for a in groups[i] for b in groups[j]):
                    groups[i] |= groups.pop(j)
                    merged = True
                    break
            if merged:
                break
    return {frozenset(group) for group in groups}


class TestThemes:
    def test_example_grouping(self) -> None:
        """Shared keywords chain reflections into one theme; labels are words people wrote."""
        made = retro()
        assert made.reflections == ("r1", "r2", "r3", "r9")
        (theme,) = made.themes
        assert (theme.key, theme.label) == ("test", "teste")
        assert theme.terms == ("test", "kund")  # r2-r3 share "test", r1-r2 share "kund"
        assert theme.reflections == ("r1", "r2", "r3")
        assert made.unthemed == ("r9",)  # only stop words

    def test_separate_themes_and_tag_labels(self) -> None:
        """Reflections without a shared term form separate themes, keyed by their top term."""
        notes = [
            note("x1", "a1", "Onboarding tog tid", tags=("onboarding",)),
            note("x2", "a2", "Ny kollega startede", tags=("Onboarding",)),
            note("x3", "a3", "Alarmerne larmede om natten"),
        ]
        themes = group_themes(notes)
        assert [(t.key, t.label, t.reflections) for t in themes] == [
            ("alarm", "alarmerne", ("x3",)),
            ("onboard", "onboarding", ("x1", "x2")),
        ]

    @settings(max_examples=40)
    @given(small_notes(), st.randoms())
    def test_grouping_is_components_and_order_free(self, notes: list[Reflection], rnd: Any) -> None:
        """Themes are exactly the connected components, whatever the input order."""
        themes = group_themes(notes)
        assert {frozenset(t.reflections) for t in themes} == brute_components(notes)
        shuffled = list(notes)
        rnd.shuffle(shuffled)
        assert group_themes(shuffled) == themes
        keys = [theme.key for theme in themes]
        assert keys == sorted(set(keys))

    @settings(max_examples=40)
    @given(small_notes())
    def test_key_is_the_most_shared_term(self, notes: list[Reflection]) -> None:
        """The key is held by most reflections; ties go to tags, then to text."""
        tag_terms = {tag_term(tag) for r in notes for tag in r.tags}
        terms = brute_terms(notes)
        for theme in group_themes(notes):
            counts: dict[str, int] = {}
            for rid in theme.reflections:
                for term in terms[rid]:
                    counts[term] = counts.get(term, 0) + 1
            best = min(counts, key=lambda t: (-counts[t], t not in tag_terms, t))
            assert theme.key == best

    def test_too_common_keywords_do_not_join(self) -> None:
        """A keyword in more than half of four or more reflections links nothing."""
        notes = [
            note(f"c{i}", "a1", f"Kunden ringede om {word}")
            for i, word in enumerate(("fakturaen", "fakturaer", "adgangskoden", "adgangskoder"))
        ]
        themes = group_themes(notes)
        assert [(t.key, t.reflections) for t in themes] == [
            ("adgangskod", ("c2", "c3")),
            ("faktura", ("c0", "c1")),
        ]
        tagged = [attrs.evolve(n, tags=("kunde",)) for n in notes]
        assert [t.reflections for t in group_themes(tagged)] == [("c0", "c1", "c2", "c3")]

    @settings(max_examples=20)
    @given(themes(), theme_votes())
    def test_generated_themes_and_votes(self, theme: Theme, vote: ThemeVote) -> None:
        """Generated themes lead with their key; votes name a voter and a theme."""
        assert theme.terms[0] == theme.key
        assert vote.voter
        assert vote.theme.strip()

    def test_theme_invariants(self) -> None:
        """A theme's terms must be a collection."""
        with pytest.raises(InvalidDataError, match="terms"):
            Theme(key="a", label="a", terms=5, reflections=["x"])  # type: ignore[arg-type]

    def test_theme_problems_together(self) -> None:
        """A theme's key leads its terms; it has reflections and no repeats."""
        with pytest.raises(InvalidDataError) as error:
            Theme(key="a", label="a", terms=["b", "b"], reflections=[])
        assert len(error.value.problems) == 3
        with pytest.raises(InvalidDataError, match="repeat an id"):
            Theme(key="a", label="a", terms=["a"], reflections=["x", "x"])

    def test_extra_stop_words(self) -> None:
        """A word every reflection uses can be ignored so it stops joining themes."""
        made = retro(stop_words=["kunde"])
        assert "kund" not in {theme.key for theme in made.themes}
        with pytest.raises(InvalidDataError, match="one string"):
            retro(stop_words="kunde")
        with pytest.raises(InvalidDataError, match="strings"):
            retro(stop_words=[5])


class TestVotes:
    def test_one_vote_per_voter_per_theme(self) -> None:
        """Repeats count once; unknown themes and non-readers are set aside."""
        made = retro()
        key = made.themes[0].key
        votes = [
            ThemeVote("a1", key),
            ThemeVote("a1", key),
            ThemeVote("a2", key),
            ThemeVote("d1", key),
            ThemeVote("a3", "ukendt"),
        ]
        voted = record_votes(made, votes)
        assert voted.theme(key).votes == 2
        assert voted.ignored_votes == (ThemeVote("a3", "ukendt"), ThemeVote("d1", key))
        assert record_votes(voted, []).theme(key).votes == 0  # a new count replaces the old
        assert voted.ranked_themes()[0].key == key
        with pytest.raises(UnknownIdError):
            voted.theme("ukendt")

    @settings(max_examples=40)
    @given(st.lists(st.tuples(st.sampled_from(("a1", "a2", "m1", "d1", "x")), st.integers(0, 3))))
    def test_tally_matches_a_direct_count(self, raw: list[tuple[str, int]]) -> None:
        """Each theme's votes are its distinct reader voters; the rest are ignored."""
        made = retro()
        keys = [theme.key for theme in made.themes] + ["ukendt", "andet"]
        votes = [ThemeVote(voter, keys[index % len(keys)]) for voter, index in raw]
        voted = record_votes(made, reversed(votes))
        assert voted == record_votes(made, votes)
        for theme in voted.themes:
            voters = {v.voter for v in votes if v.theme == theme.key and v.voter in made.readers}
            assert theme.votes == len(voters)
        ignored = {v for v in votes if v.theme not in keys[:-2] or v.voter not in made.readers}
        assert set(voted.ignored_votes) == ignored

    def test_bad_votes_are_refused(self) -> None:
        """Votes must be ThemeVote values."""
        with pytest.raises(InvalidDataError, match=r"votes\[0\]"):
            record_votes(retro(), [("a1", "kund")])  # type: ignore[list-item]
        with pytest.raises(InvalidDataError, match="collection"):
            record_votes(retro(), "a1")  # type: ignore[arg-type]


POINT = ActionPoint(
    id="ap1", text="Skriv en tjekliste til udrulning", owner="a1", created_on=D(2026, 10, 26)
)
TEAM_POINT = ActionPoint(id="ap2", text="Book en miniworkshop om test", created_on=D(2026, 10, 26))
DONE_POINT = ActionPoint(
    id="ap0", text="Ryd op i alarmer", created_on=D(2026, 10, 1), done_on=D(2026, 10, 20)
)


class TestActionPoints:
    def test_points_are_carried_until_done(self) -> None:
        """Open points move to the next retrospective; done ones stay behind."""
        first = retro(
            id="retro-46", held_on=D(2026, 10, 26), period=Period(D(2026, 10, 5), D(2026, 10, 23))
        )
        for point in (POINT, TEAM_POINT, DONE_POINT):
            first = add_action_point(first, point)
        second = retro(previous=first)
        assert second.previous == "retro-46"
        assert second.action_points == (POINT, TEAM_POINT)
        second = complete_action_point(second, "ap1", on=D(2026, 11, 23))
        third = retro(
            id="retro-48",
            held_on=D(2026, 12, 7),
            period=Period(D(2026, 11, 23), D(2026, 12, 4)),
            previous=second,
        )
        assert third.action_points == (TEAM_POINT,)

    @settings(max_examples=40)
    @given(st.lists(action_points(max_date=D(2026, 11, 1)), max_size=5, unique_by=lambda p: p.id))
    def test_carried_points_are_exactly_the_open_ones(self, points: list[ActionPoint]) -> None:
        """Whatever the points, exactly the open ones are carried, unchanged, oldest first."""
        first = retro(
            id="prev", held_on=D(2026, 11, 1), period=Period(D(2026, 10, 1), D(2026, 10, 30))
        )
        for point in points:
            first = add_action_point(first, point)
        carried = carried_forward(first)
        assert set(carried) == {p for p in points if p.done_on is None}
        assert list(carried) == sorted(carried, key=lambda p: (p.created_on, p.id))
        assert set(retro(previous=first).action_points) == set(carried)

    def test_completing_refuses_every_unmet_rule(self) -> None:
        """Done twice or before it was agreed: both reasons at once."""
        made = add_action_point(retro(), DONE_POINT)
        with pytest.raises(TransitionError) as error:
            complete_action_point(made, "ap0", on=D(2026, 9, 1))
        assert error.value.reasons == (ALREADY_DONE, DONE_BEFORE_CREATED)
        assert (error.value.source, error.value.target) == ("done", "done")
        with pytest.raises(UnknownIdError):
            complete_action_point(made, "nope", on=D(2026, 11, 23))
        with pytest.raises(InvalidDataError):
            complete_action_point(made, "ap0", on="2026-11-23")  # type: ignore[arg-type]

    def test_adding_refuses_twins_and_non_points(self) -> None:
        """An action point id is used once per retrospective."""
        made = add_action_point(retro(), POINT)
        with pytest.raises(InvalidDataError, match="already"):
            add_action_point(made, POINT)
        with pytest.raises(InvalidDataError, match="ActionPoint"):
            add_action_point(made, "ap9")  # type: ignore[arg-type]

    def test_done_before_created_cannot_exist(self) -> None:
        """An action point is not done before it was agreed."""
        with pytest.raises(InvalidDataError, match="done_on"):
            attrs.evolve(POINT, done_on=D(2026, 1, 1))

    def test_previous_must_be_the_same_team_and_earlier(self) -> None:
        """Carrying from another team's or a later retrospective is refused."""
        other = retro(team="data", id="d")
        with pytest.raises(InvalidDataError) as error:
            retro(previous=other)
        assert [p.path for p in error.value.problems] == ["previous.team", "previous.held_on"]
        with pytest.raises(InvalidDataError, match="Retrospective"):
            retro(previous="retro-46")
        with pytest.raises(InvalidDataError, match="Retrospective"):
            carried_forward("retro-46")  # type: ignore[arg-type]


class TestSinceLastTime:
    def test_one_question_per_open_point(self) -> None:
        """Each open point becomes a question, owners by name; done points ask nothing."""
        made = retro()
        for point in (TEAM_POINT, POINT, DONE_POINT):
            made = add_action_point(made, point)
        assert since_last_time(made, locale="da", roster=ROSTER) == (
            "Sidst aftalte vi: »Skriv en tjekliste til udrulning« (Anne Hansen). "
            "Hvordan er det gået, og hvad har vi lært siden?",
            "Sidst aftalte vi: »Book en miniworkshop om test«. "
            "Hvordan er det gået, og hvad har vi lært siden?",
        )
        english = since_last_time(made, locale="en")
        assert english[0] == (
            "Last time we agreed: “Skriv en tjekliste til udrulning” (a1). "
            "How has it gone, and what have we learned since?"
        )

    def test_nothing_open_asks_nothing(self) -> None:
        """Without open points there is no question, and a bad locale is refused."""
        assert since_last_time(retro(), locale="en") == ()
        with pytest.raises(InvalidDataError):
            since_last_time(retro(), locale="de")  # type: ignore[arg-type]


def refused(call: Any, *args: Any, **kwargs: Any) -> list[tuple[str, object]]:
    """The (path, value) of every problem ``call(*args, **kwargs)`` is refused with."""
    with pytest.raises(InvalidDataError) as error:
        call(*args, **kwargs)
    return [(problem.path, problem.value) for problem in error.value.problems]


class TestWrongArgumentTypes:
    def test_record_votes_names_the_retrospective_and_every_bad_vote(self) -> None:
        """A non-retrospective and bad votes are refused together, by name and value."""
        assert refused(record_votes, "retro", []) == [("retrospective", "retro")]
        assert refused(record_votes, "retro", [ThemeVote("a1", "x"), 5]) == [
            ("retrospective", "retro"),
            ("votes[1]", 5),
        ]
        assert refused(record_votes, retro(), None) == [("votes", None)]

    def test_add_action_point_names_both_arguments(self) -> None:
        """Neither a retrospective nor a point: both problems at once."""
        assert refused(add_action_point, None, POINT) == [("retrospective", None)]
        assert refused(add_action_point, None, "ap9") == [("retrospective", None), ("point", "ap9")]

    def test_complete_action_point_names_every_argument(self) -> None:
        """A bad retrospective, point id and day are refused together."""
        assert refused(complete_action_point, None, "p", on=D(2026, 11, 23)) == [
            ("retrospective", None)
        ]
        moment = dt.datetime(2026, 11, 23, tzinfo=CPH)
        assert refused(complete_action_point, None, 7, on=moment) == [
            ("retrospective", None),
            ("point_id", 7),
            ("on", moment),
        ]

    def test_retrospective_readers_needs_a_roster(self) -> None:
        """A string where the roster belongs is named, not an AttributeError."""
        assert refused(retrospective_readers, "t", "roster") == [("roster", "roster")]

    def test_mentorships_must_be_mentorships(self) -> None:
        """None or a stray item where mentorships belong is named, with the other problems."""
        assert refused(retro, mentorships=None) == [("mentorships", None)]
        assert refused(gather_reflections, "platform", PERIOD, NOTES, ROSTER, None) == [
            ("mentorships", None)
        ]
        assert refused(gather_reflections, "platform", "nov", ["r"], ROSTER, [MENTORING[0], 3]) == [
            ("period", "nov"),
            ("reflections[0]", "r"),
            ("mentorships[1]", 3),
        ]

    def test_since_last_time_names_every_bad_argument(self) -> None:
        """A list or a string is not a roster; all problems are reported at once."""
        made = add_action_point(retro(), POINT)
        assert refused(since_last_time, made, locale="da", roster=["a"]) == [("roster", ["a"])]
        assert refused(since_last_time, made, locale="da", roster="x") == [("roster", "x")]
        assert refused(since_last_time, None, locale="fr", roster="x") == [
            ("previous", None),
            ("locale", "fr"),
            ("roster", "x"),
        ]


class TestRetrospective:
    @settings(max_examples=30)
    @given(retrospectives())
    def test_generated_retrospectives_are_consistent(self, made: Retrospective) -> None:
        """Themes and unthemed split the gathered reflections; open points are the open ones."""
        placed = [rid for theme in made.themes for rid in theme.reflections]
        assert sorted([*placed, *made.unthemed]) == sorted(made.reflections)
        assert set(made.open_points) == {p for p in made.action_points if p.is_open}

    def test_every_problem_at_once(self) -> None:
        """Held too early, bad themes, wrong unthemed, twin points and too many votes."""
        theme = Theme(key="a", label="a", terms=["a"], reflections=["x", "y"], votes=3)
        with pytest.raises(InvalidDataError) as error:
            Retrospective(
                id="r",
                team="t",
                period=PERIOD,
                held_on=D(2026, 11, 19),
                readers=["p1"],
                reflections=["x"],
                themes=[theme, attrs.evolve(theme, votes=0, reflections=["x"])],
                unthemed=["x"],
                action_points=[POINT, POINT],
            )
        assert [p.path for p in error.value.problems] == [
            "held_on",
            "themes[key=a].reflections",
            "themes[key=a].votes",
            "themes[key=a].key",
            "themes[key=a].reflections",
            "unthemed",
            "action_points[id=ap1].id",
        ]

    def test_lookup_of_points(self) -> None:
        """Points are found by id."""
        made = add_action_point(retro(), POINT)
        assert made.action_point("ap1") == POINT
        with pytest.raises(UnknownIdError):
            made.action_point("ap9")


@pytest.fixture(name="example", scope="module")
def _example() -> tuple[Any, Any, Any]:
    """The example organisation with its reflections, decks and retrospectives."""
    org = example_organisation()
    written = build_reflection(org.roster, org.as_of, org.seed).reflections
    built = build_prompts(org.roster, org.as_of, org.seed, reversed(written))
    assert built == build_prompts(org.roster, org.as_of, org.seed, written)
    return org, written, built


class TestExampleAndDemo:
    def test_example_retrospectives_hold_their_guarantees(self, example: Any) -> None:
        """Two per team a fortnight apart; open points carried; only visible reflections."""
        org, written, built = example
        by_id = {r.id: r for r in written}
        teams = [t.id for t in org.roster.teams if org.roster.members(t.id)]
        assert len(built.retrospectives) == 2 * len(teams)
        assert "fjordlys.fredag" in built.decks.ids
        for earlier, latest in zip(
            built.retrospectives[::2], built.retrospectives[1::2], strict=True
        ):
            assert latest.previous == earlier.id
            assert latest.held_on == org.as_of
            assert earlier.open_points
            assert set(carried_forward(earlier)) <= set(latest.action_points)
            for rid in latest.reflections:
                assert all(can_view(p, by_id[rid], org.roster, ()) for p in latest.readers)
        with pytest.raises(InvalidDataError, match="seed"):
            build_prompts(org.roster, org.as_of, True)

    def test_demo_lines(self, example: Any) -> None:
        """A heading, the opener in the locale, and one question per open point."""
        org, _, built = example
        danish = demo_lines(
            org.roster, built.retrospectives, built.decks, seed=org.seed, locale="da"
        )
        assert danish[0].startswith("Mødeåbner for ")
        assert danish[1].startswith("Åbningsspørgsmål: Hv")
        assert any(line.startswith("  – Sidst aftalte vi: »") for line in danish)
        english = demo_lines(org.roster, reversed(built.retrospectives), seed=org.seed, locale="en")
        assert english[0].startswith("Meeting opener for ")
        assert len(english) == len(danish)
        assert demo_lines(org.roster, [], seed=1, locale="da") == []

    def test_example_skips_empty_teams_and_works_without_reflections(self) -> None:
        """A team without members gets no retrospective; no reflections, no themes, no votes."""
        roster = attrs.evolve(ROSTER, teams=[*ROSTER.teams, Team(id="tom", name="Tomt team")])
        built = build_prompts(roster, D(2026, 11, 23), 1)
        assert {r.team for r in built.retrospectives} == {"stab", "platform", "data"}
        assert all(not r.themes and not r.ignored_votes for r in built.retrospectives)

    def test_demo_without_open_points_or_votes(self) -> None:
        """A team with nothing open says so, and shows no themes without votes."""
        lines = demo_lines(ROSTER, [retro()], seed=3, locale="da")
        assert lines[-1] == "Ingen åbne aftaler fra sidste retrospektiv."
        voted = record_votes(retro(), [ThemeVote("a1", "test")])
        lines = demo_lines(ROSTER, [voted], seed=3, locale="en")
        assert lines[-1] == "Themes last time: teste (1 vote)"
