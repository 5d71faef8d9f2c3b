"""Reflections, what they are about, completed tasks: validation, tags, flags, round trips."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit import _texts_reflection
from learnkit.exceptions import InvalidDataError
from learnkit.i18n import placeholders, translate
from learnkit.reflection import (
    LONG_REFLECTION_MINUTES,
    CompletedTask,
    Reflection,
    SubjectKind,
    TaskRef,
    Visibility,
    normalise_tag,
    reflection_notes,
)
from learnkit.serialize import from_json, to_json
from learnkit.strategies import completed_tasks, due_reflections, reflections, task_refs

CPH = ZoneInfo("Europe/Copenhagen")
DONE = dt.datetime(2026, 11, 20, 16, 30, tzinfo=CPH)
TASK = TaskRef(kind=SubjectKind.TASK, id="T-17", title="Flyt kundedata", completed_at=DONE)


def reflection(**changes: Any) -> Reflection:
    """A small valid reflection by p01 about T-17, with ``changes`` applied."""
    fields: dict[str, Any] = {
        "id": "r-1",
        "author": "p01",
        "about": TASK,
        "recorded_at": DONE + dt.timedelta(minutes=10),
        "learned": "Små skridt gør det lettere at rulle tilbage.",
    }
    fields.update(changes)
    return Reflection(**fields)


def paths(error: pytest.ExceptionInfo[InvalidDataError]) -> list[str]:
    """The path of every problem, in order."""
    return [problem.path for problem in error.value.problems]


class TestEnums:
    def test_subject_kinds_are_the_five_of_the_issue(self) -> None:
        """A reflection is about a task, project, meeting, incident or mentorship."""
        assert [kind.value for kind in SubjectKind] == [
            "task",
            "project",
            "meeting",
            "incident",
            "mentorship",
        ]

    def test_visibilities_are_the_four_audiences(self) -> None:
        """Private, mentor, team and organisation, stored by lower-case name."""
        assert [item.value for item in Visibility] == ["private", "mentor", "team", "organisation"]

    def test_every_name_is_in_both_catalogues(self) -> None:
        """Kinds and visibilities are shown through the catalogues, in Danish and English."""
        assert translate(SubjectKind.MEETING.text_key, "da") == "møde"
        assert translate(Visibility.TEAM.text_key, "en") == "shared with the team"
        for item in (*SubjectKind, *Visibility):
            assert translate(item.text_key, "da")
            assert translate(item.text_key, "en")


class TestTaskRef:
    def test_kind_may_be_given_by_name(self) -> None:
        """``"incident"`` is read as SubjectKind.INCIDENT."""
        ref = TaskRef(kind="incident", id="INC-4", title="Nedbrud")  # type: ignore[arg-type]
        assert ref.kind is SubjectKind.INCIDENT
        assert ref.key == ("incident", "INC-4")

    def test_every_bad_field_is_named(self) -> None:
        """A bad kind is named; the first bad field stops attrs, so each is tried alone."""
        with pytest.raises(InvalidDataError) as error:
            TaskRef(kind="chore", id="x", title="y")  # type: ignore[arg-type]
        assert paths(error) == ["kind"]
        with pytest.raises(InvalidDataError) as error:
            TaskRef(kind=SubjectKind.TASK, id="x", title="  ")
        assert paths(error) == ["title"]
        with pytest.raises(InvalidDataError) as error:
            TaskRef(kind=SubjectKind.TASK, id="x", title="y", completed_at=dt.datetime(2026, 1, 1))
        assert paths(error) == ["completed_at"]


class TestReflection:
    def test_defaults_are_private_and_empty(self) -> None:
        """Unless shared, a reflection is private, untagged and without minutes."""
        made = reflection()
        assert made.visibility is Visibility.PRIVATE
        assert made.tags == ()
        assert made.minutes is None
        assert not made.is_long

    def test_visibility_may_be_given_by_name(self) -> None:
        """``"mentor"`` is read as Visibility.MENTOR."""
        assert reflection(visibility="mentor").visibility is Visibility.MENTOR

    def test_a_reflection_must_say_something(self) -> None:
        """All four answers empty or blank is refused, naming the first answer."""
        with pytest.raises(InvalidDataError) as error:
            reflection(learned="  \n", went_well="")
        assert paths(error) == ["went_well"]
        assert "at least one" in str(error.value)

    def test_any_one_answer_is_enough(self) -> None:
        """Each of the four answers alone makes a valid reflection."""
        for field in ("went_well", "to_improve", "learned", "next_steps"):
            made = reflection(**{"learned": "", field: "Noget"})
            assert [bool(text) for text in made.texts].count(True) == 1

    def test_control_characters_are_refused_but_line_breaks_kept(self) -> None:
        """Free text may hold line breaks and tabs, not other control characters."""
        assert reflection(went_well="Et\n\tTo").went_well == "Et\n\tTo"
        with pytest.raises(InvalidDataError) as error:
            reflection(went_well="bip\x07")
        assert paths(error) == ["went_well"]
        with pytest.raises(InvalidDataError) as error:
            reflection(next_steps=5)
        assert paths(error) == ["next_steps"]

    def test_tags_are_normalised_unique_and_sorted(self) -> None:
        """``#Python``, ``python`` and `` Code  Review`` become two canonical tags."""
        made = reflection(tags=["#Python", "python", " Code  Review"])
        assert made.tags == ("code review", "python")
        assert made == reflection(tags=("code review", "PYTHON"))

    def test_bad_tags_are_named(self) -> None:
        """One string, a tag that is only ``#`` and a number are refused by name."""
        with pytest.raises(InvalidDataError) as error:
            reflection(tags="python")
        assert paths(error) == ["tags"]
        with pytest.raises(InvalidDataError) as error:
            reflection(tags=["#", 3])
        assert sorted(paths(error)) == ["tags[0]", "tags[1]"]
        with pytest.raises(InvalidDataError) as error:
            reflection(tags=None)
        assert paths(error) == ["tags"]

    def test_minutes_range_from_zero_to_a_day(self) -> None:
        """0 and 1440 minutes are accepted; -1, 1441 and True are not."""
        assert reflection(minutes=0).minutes == 0
        assert reflection(minutes=1440).is_long
        for bad in (-1, 1441, True, 2.5):
            with pytest.raises(InvalidDataError) as error:
                reflection(minutes=bad)
            assert paths(error) == ["minutes"]

    def test_long_is_more_than_fifteen_minutes(self) -> None:
        """15 minutes is not long, 16 is: a flag, never a refusal."""
        assert LONG_REFLECTION_MINUTES == 15
        assert not reflection(minutes=15).is_long
        assert reflection(minutes=16).is_long

    def test_author_and_recorded_at_are_checked(self) -> None:
        """A blank author and a naive time are refused by name."""
        with pytest.raises(InvalidDataError) as error:
            reflection(author=" p01")
        assert paths(error) == ["author"]
        with pytest.raises(InvalidDataError) as error:
            reflection(recorded_at=dt.datetime(2026, 11, 20, 17))
        assert paths(error) == ["recorded_at"]

    @given(reflections())
    def test_generated_reflections_keep_their_guarantees(self, made: Reflection) -> None:
        """Every generated reflection says something and has canonical tags."""
        assert any(text.strip() for text in made.texts)
        assert made.tags == tuple(sorted(set(made.tags)))
        assert all(normalise_tag(tag) == tag for tag in made.tags)
        assert made.is_long == (made.minutes is not None and made.minutes > 15)


class TestNormaliseTag:
    def test_examples(self) -> None:
        """Leading hashes and spaces go, inner spaces shrink to one, letters go lower-case."""
        assert normalise_tag(" #Code  Review ") == "code review"
        assert normalise_tag("# #Ærlighed") == "ærlighed"
        assert normalise_tag("c#") == "c#"

    def test_non_strings_are_refused(self) -> None:
        """A number is not a tag."""
        with pytest.raises(InvalidDataError):
            normalise_tag(3)  # type: ignore[arg-type]

    @given(st.text())
    def test_normalising_twice_changes_nothing(self, tag: str) -> None:
        """normalise_tag is idempotent, so stored tags stay as they are."""
        once = normalise_tag(tag)
        assert normalise_tag(once) == once


class TestReflectionNotes:
    def test_a_long_reflection_is_flagged_in_both_languages(self) -> None:
        """Over the limit, one friendly note in the asked locale."""
        (danish,) = reflection_notes(reflection(minutes=40), "da")
        (english,) = reflection_notes(reflection(minutes=40), "en")
        assert "40 minutter" in danish
        assert "40 minutes" in english

    def test_short_or_unrecorded_reflections_get_no_note(self) -> None:
        """Five minutes, fifteen, or no minutes at all: nothing to say."""
        for minutes in (None, 5, 15):
            assert reflection_notes(reflection(minutes=minutes), "en") == ()

    def test_the_limit_can_be_chosen(self) -> None:
        """With a limit of 5, six minutes is flagged."""
        assert len(reflection_notes(reflection(minutes=6), "da", limit=5)) == 1

    def test_bad_arguments_are_refused(self) -> None:
        """Not a reflection, a negative limit, an unknown locale."""
        with pytest.raises(InvalidDataError):
            reflection_notes("r-1", "da")  # type: ignore[arg-type]
        with pytest.raises(InvalidDataError):
            reflection_notes(reflection(), "da", limit=-1)
        with pytest.raises(InvalidDataError):
            reflection_notes(reflection(minutes=30), "de")  # type: ignore[arg-type]

    def test_an_unknown_locale_is_refused_even_with_nothing_to_say(self) -> None:
        """A short reflection in "fr" is refused, naming the locale, not answered with ()."""
        with pytest.raises(InvalidDataError) as error:
            reflection_notes(reflection(minutes=2), "fr")  # type: ignore[arg-type]
        assert [(problem.path, problem.value) for problem in error.value.problems] == [
            ("locale", "fr")
        ]


class TestCompletedTask:
    def test_participants_are_sorted(self) -> None:
        """Equal tasks compare equal whatever order people were listed in."""
        one = CompletedTask(task=TASK, participants=["p02", "p01"])
        assert one.participants == ("p01", "p02")
        assert one == CompletedTask(task=TASK, participants=("p01", "p02"))
        assert one.completed_at == DONE

    def test_no_participants_is_allowed(self) -> None:
        """A task nobody is named on is valid; nobody owes a reflection on it."""
        assert CompletedTask(task=TASK).participants == ()

    def test_every_problem_at_once(self) -> None:
        """A missing completion time and a person listed twice are both named."""
        open_task = TaskRef(kind=SubjectKind.PROJECT, id="P-1", title="Projekt")
        with pytest.raises(InvalidDataError) as error:
            CompletedTask(task=open_task, participants=["p01", "p01"])
        assert paths(error) == ["task.completed_at", "participants[p01]"]

    def test_bad_participants_are_named(self) -> None:
        """One string instead of a list, or an id that is not an id."""
        with pytest.raises(InvalidDataError) as error:
            CompletedTask(task=TASK, participants="p01")
        assert paths(error) == ["participants"]
        with pytest.raises(InvalidDataError) as error:
            CompletedTask(task=TASK, participants=["p01", ""])
        assert paths(error) == ["participants[0]"]


class TestSerialization:
    @settings(max_examples=30)
    @given(st.one_of(task_refs(), reflections(), completed_tasks(), due_reflections()))
    def test_every_type_round_trips(self, value: object) -> None:
        """from_json(to_json(x)) == x for every type of this part."""
        assert from_json(to_json(value), type(value)) == value

    def test_enums_are_stored_by_value(self) -> None:
        """Documents hold ``"team"`` and ``"task"``, not enum reprs."""
        text = to_json(reflection(visibility=Visibility.TEAM))
        assert '"visibility": "team"' in text
        assert '"kind": "task"' in text

    def test_an_empty_reflection_in_a_document_is_refused(self) -> None:
        """The whole-object rule holds when reading JSON too."""
        text = to_json(reflection()).replace('"learned": "Små', '"learned": "", "x": "Små')
        with pytest.raises(InvalidDataError):
            from_json(text, Reflection)


class TestTexts:
    def test_both_languages_have_the_same_keys_and_placeholders(self) -> None:
        """Every reflection text exists in Danish and English with the same placeholders."""
        assert _texts_reflection.DA.keys() == _texts_reflection.EN.keys()
        for key, danish in _texts_reflection.DA.items():
            assert key.startswith("reflection.")
            assert placeholders(danish) == placeholders(_texts_reflection.EN[key]), key


class TestStrategies:
    def test_bad_arguments_are_refused(self) -> None:
        """Empty kinds or visibilities and negative sizes are named."""
        with pytest.raises(InvalidDataError):
            task_refs(kinds=())
        with pytest.raises(InvalidDataError):
            reflections(visibilities=["team"])  # type: ignore[list-item]
        with pytest.raises(InvalidDataError):
            completed_tasks(min_size=3, max_size=1)

    @settings(max_examples=10)
    @given(task_refs(completed=False, kinds=[SubjectKind.MEETING]))
    def test_open_references_have_no_completion(self, ref: TaskRef) -> None:
        """completed=False never gives a completion time."""
        assert ref.completed_at is None
        assert ref.kind is SubjectKind.MEETING
