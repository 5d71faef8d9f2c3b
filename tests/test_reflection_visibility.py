"""Visibility as a rule: can_view, visible_to and audience, by example and against brute force."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit.exceptions import InvalidDataError
from learnkit.mentoring import Mentorship, MentorshipStatus, activate, cancel, end, propose
from learnkit.people import Person, Roster, Team
from learnkit.reflection import (
    Reflection,
    SubjectKind,
    TaskRef,
    Visibility,
    audience,
    can_view,
    visible_to,
)
from learnkit.strategies import mentorships, reflections, rosters

CPH = ZoneInfo("Europe/Copenhagen")
D = dt.date
TASK = TaskRef(kind=SubjectKind.PROJECT, id="P-1", title="Ny kundeportal")

# Data: a01 (author), a02 (team mate); lead leads data from outside it;
# Platform: m01 (the author's mentor), m02 (a former mentor), x01.
ROSTER = Roster(
    people=[
        Person(id="boss", name="Direktør", team="stab", start_date=D(2010, 1, 1)),
        Person(id="lead", name="Lea Dahl", team="stab", start_date=D(2015, 1, 1), manager="boss"),
        Person(id="a01", name="Anna", team="data", start_date=D(2024, 1, 1), manager="lead"),
        Person(id="a02", name="Bo", team="data", start_date=D(2023, 1, 1), manager="lead"),
        Person(id="m01", name="Mette", team="platform", start_date=D(2012, 1, 1)),
        Person(id="m02", name="Mads", team="platform", start_date=D(2012, 1, 1)),
        Person(id="x01", name="Ib", team="platform", start_date=D(2019, 1, 1)),
    ],
    teams=[
        Team(id="stab", name="Stab", manager="boss"),
        Team(id="data", name="Data", manager="lead"),
        Team(id="platform", name="Platform"),
    ],
)
MENTORSHIPS = (
    activate(propose("mk-1", mentor="m01", mentee="a01", on=D(2026, 1, 5)), on=D(2026, 1, 12)),
    end(
        activate(propose("mk-0", mentor="m02", mentee="a01", on=D(2025, 1, 6)), on=D(2025, 1, 6)),
        on=D(2025, 6, 30),
        reflection="Tak for et godt forløb.",
    ),
    propose("mk-2", mentor="x01", mentee="a01", on=D(2026, 9, 1)),
    cancel(
        propose("mk-3", mentor="a02", mentee="a01", on=D(2026, 2, 1)),
        on=D(2026, 2, 2),
        reason="Nej",
    ),
)


def note(
    visibility: Visibility, *, author: str = "a01", id: str = "r-1", minute: int = 0
) -> Reflection:
    """A reflection by ``author`` with ``visibility``."""
    return Reflection(
        id=id,
        author=author,
        about=TASK,
        recorded_at=dt.datetime(2026, 11, 20, 15, minute, tzinfo=CPH),
        learned="Vi skulle have spurgt kunden tidligere.",
        visibility=visibility,
    )


def readers(reflection: Reflection) -> set[str]:
    """Everyone on ROSTER (and two outsiders) for whom can_view says yes."""
    everyone = [person.id for person in ROSTER] + ["ex-ansat", "ghost"]
    return {viewer for viewer in everyone if can_view(viewer, reflection, ROSTER, MENTORSHIPS)}


class TestRules:
    def test_private_is_for_the_author_alone(self) -> None:
        """Not the team, not the manager, not the mentor."""
        assert readers(note(Visibility.PRIVATE)) == {"a01"}

    def test_mentor_means_active_mentors_only(self) -> None:
        """The active mentor reads it; ended, proposed and cancelled mentorships give nothing."""
        assert readers(note(Visibility.MENTOR)) == {"a01", "m01"}

    def test_mentor_sharing_does_not_reach_the_team(self) -> None:
        """The audiences are separate: a team mate does not read mentor-shared reflections."""
        assert not can_view("a02", note(Visibility.MENTOR), ROSTER, MENTORSHIPS)

    def test_team_is_the_team_and_its_manager(self) -> None:
        """Team members and the team's manager (not a member), not higher managers or the mentor."""
        assert readers(note(Visibility.TEAM)) == {"a01", "a02", "lead"}

    def test_organisation_is_everyone_on_the_roster(self) -> None:
        """Everyone on the roster, nobody outside it."""
        assert readers(note(Visibility.ORGANISATION)) == {person.id for person in ROSTER}

    def test_an_author_who_left_keeps_only_organisation_sharing(self) -> None:
        """Without the author on the roster only organisation-wide reflections are seen."""
        for visibility in (Visibility.PRIVATE, Visibility.MENTOR, Visibility.TEAM):
            assert readers(note(visibility, author="ex-ansat")) == set()
        gone = note(Visibility.ORGANISATION, author="ex-ansat")
        assert readers(gone) == {person.id for person in ROSTER}

    def test_a_mentor_who_left_sees_nothing(self) -> None:
        """An active mentorship does not let someone off the roster read."""
        away = Roster(people=[p for p in ROSTER if p.id != "m01"], teams=ROSTER.teams)
        assert not can_view("m01", note(Visibility.MENTOR), away, MENTORSHIPS)
        assert audience(note(Visibility.MENTOR), away, MENTORSHIPS) == ("a01",)

    def test_audience_lists_the_readers(self) -> None:
        """audience gives the same people as can_view, sorted."""
        for visibility in Visibility:
            shared = note(visibility)
            assert audience(shared, ROSTER, MENTORSHIPS) == tuple(sorted(readers(shared)))


class TestVisibleTo:
    def test_filters_and_sorts_oldest_first(self) -> None:
        """The team mate sees the team and organisation reflections, oldest first."""
        given_ = [
            note(Visibility.ORGANISATION, id="r-3", minute=1),
            note(Visibility.PRIVATE, id="r-1", minute=0),
            note(Visibility.TEAM, id="r-2", minute=1),
            note(Visibility.MENTOR, id="r-0", minute=2),
        ]
        seen = visible_to("a02", given_, ROSTER, MENTORSHIPS)
        assert [r.id for r in seen] == ["r-2", "r-3"]

    def test_outsiders_see_nothing(self) -> None:
        """A viewer not on the roster gets an empty result, even for organisation sharing."""
        assert visible_to("ghost", [note(Visibility.ORGANISATION)], ROSTER, MENTORSHIPS) == ()

    def test_bad_input_is_listed_at_once(self) -> None:
        """A non-reflection, a duplicate id and a bad mentorship are all named."""
        with pytest.raises(InvalidDataError) as error:
            visible_to(
                "a01",
                [note(Visibility.TEAM), note(Visibility.TEAM), "r"],  # type: ignore[list-item]
                ROSTER,
                [MENTORSHIPS[0], 7],  # type: ignore[list-item]
            )
        assert [p.path for p in error.value.problems] == [
            "reflections[2]",
            "reflections[id=r-1].id",
            "mentorships[1]",
        ]

    def test_bad_viewer_roster_and_collections_are_refused(self) -> None:
        """can_view and audience name what is wrong."""
        with pytest.raises(InvalidDataError) as error:
            can_view(7, "r", "roster", "m")  # type: ignore[arg-type]
        assert [p.path for p in error.value.problems] == [
            "reflection",
            "viewer",
            "roster",
            "mentorships",
        ]
        with pytest.raises(InvalidDataError) as error:
            audience("r", ROSTER, ())  # type: ignore[arg-type]
        assert [p.path for p in error.value.problems] == ["reflection"]


# --- properties against a brute-force reading of the rule --------------------------


def brute_can_view(
    viewer: str, reflection: Reflection, roster: Roster, given: list[Mentorship]
) -> bool:
    """The rule as the issue states it, written out naively."""
    people = {person.id: person for person in roster.people}
    if viewer not in people:
        return False
    if reflection.visibility is Visibility.ORGANISATION or reflection.author == viewer:
        return True
    author = people.get(reflection.author)
    if author is None or reflection.visibility is Visibility.PRIVATE:
        return False
    if reflection.visibility is Visibility.MENTOR:
        return any(
            m.status is MentorshipStatus.ACTIVE and m.mentor == viewer and m.mentee == author.id
            for m in given
        )
    team = next(team for team in roster.teams if team.id == author.team)
    return people[viewer].team == author.team or team.manager == viewer


@st.composite
def worlds(draw: st.DrawFn) -> dict[str, Any]:
    """A roster, mentorships among its people (and a leaver), reflections and viewers."""
    roster = draw(rosters(max_size=6, max_teams=3))
    ids = [person.id for person in roster]
    known = st.sampled_from([*ids, "ex-ansat"])
    given_mentorships = draw(
        st.lists(
            mentorships(statuses=(MentorshipStatus.ACTIVE, *MentorshipStatus), person_ids=known),
            max_size=4,
        )
    )
    given_reflections = draw(
        st.lists(reflections(authors=known), max_size=6, unique_by=lambda r: r.id)
    )
    return {
        "roster": roster,
        "mentorships": given_mentorships,
        "reflections": given_reflections,
        "viewers": [*ids, "ex-ansat", "ghost"],
    }


def _oldest_first(reflection: Reflection) -> tuple[dt.datetime, str]:
    return (reflection.recorded_at, reflection.id)


class TestProperties:
    @settings(max_examples=25)  # a world is costly to draw; each checks every pair
    @given(worlds())
    def test_can_view_and_audience_are_the_rule(self, world: dict[str, Any]) -> None:
        """can_view and audience agree with the brute-force rule; sharing wider hides nothing."""
        roster, given_m = world["roster"], world["mentorships"]
        for reflection in world["reflections"]:
            for viewer in world["viewers"]:
                expected = brute_can_view(viewer, reflection, roster, given_m)
                assert can_view(viewer, reflection, roster, given_m) == expected
            readers = tuple(
                sorted(p.id for p in roster if brute_can_view(p.id, reflection, roster, given_m))
            )
            assert audience(reflection, roster, given_m) == readers
            wide = attrs.evolve(reflection, visibility=Visibility.ORGANISATION)
            assert set(readers) <= set(audience(wide, roster, given_m))

    @settings(max_examples=25)
    @given(worlds(), st.randoms(use_true_random=False))
    def test_no_view_holds_a_reflection_its_reader_may_not_see(
        self, world: dict[str, Any], random: Any
    ) -> None:
        """visible_to is exactly the readable reflections, sorted, whatever the input order."""
        roster, given_m, given_r = world["roster"], world["mentorships"], world["reflections"]
        shuffled = list(given_r)
        random.shuffle(shuffled)
        for viewer in world["viewers"]:
            seen = visible_to(viewer, shuffled, roster, reversed(given_m))
            expected = [r for r in given_r if brute_can_view(viewer, r, roster, given_m)]
            assert seen == tuple(sorted(expected, key=_oldest_first))
            assert seen == visible_to(viewer, given_r, roster, given_m)
