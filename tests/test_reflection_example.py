"""The example organisation's tasks and reflections, and the demo's reflection step."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from learnkit._demo_reflection import MAX_ITEMS, demo_lines
from learnkit._example_reflection import TASK_COUNT, ReflectionExamples, build_reflection
from learnkit.examples import EXAMPLE_AS_OF, EXAMPLE_SEED, example_organisation
from learnkit.exceptions import InvalidDataError
from learnkit.mentoring import activate, propose
from learnkit.people import Person, Roster, Team
from learnkit.reflection import Visibility, reflections_due
from learnkit.time import Calendar

ORG = example_organisation()
EXAMPLE = build_reflection(ORG.roster, ORG.as_of, ORG.seed)


class TestBuildReflection:
    def test_forty_tasks_and_about_sixty_reflections(self) -> None:
        """The counts the demo promises, for the default seed."""
        assert len(EXAMPLE.tasks) == TASK_COUNT
        assert 50 <= len(EXAMPLE.reflections) <= 80

    @pytest.mark.parametrize("seed", [EXAMPLE_SEED, 1, 7])
    def test_records_are_plausible(self, seed: int) -> None:
        """Weekday completions in the last three weeks; reflections by participants, in between."""
        example = build_reflection(ORG.roster, EXAMPLE_AS_OF, seed)
        tasks = {task.task.key: task for task in example.tasks}
        start = dt.datetime.combine(EXAMPLE_AS_OF - dt.timedelta(days=21), dt.time(), dt.UTC)
        end = dt.datetime.combine(EXAMPLE_AS_OF, dt.time(), dt.UTC) - dt.timedelta(hours=2)
        for task in example.tasks:
            assert task.participants
            assert start <= task.completed_at <= end
            assert task.completed_at.weekday() < 5
        for note in example.reflections:
            task = tasks[note.about.key]
            assert note.author in task.participants
            assert task.completed_at < note.recorded_at < end + dt.timedelta(hours=2)
            assert note.visibility is not Visibility.MENTOR  # nobody has an active mentor here

    def test_some_are_due_this_week(self) -> None:
        """Some reflections are missing on the Monday, most were written."""
        now = dt.datetime.combine(EXAMPLE_AS_OF, dt.time(9), dt.UTC)
        owed = reflections_due(
            EXAMPLE.tasks, EXAMPLE.reflections, roster=ORG.roster, now=now, calendar=Calendar()
        )
        assert 3 <= len(owed) <= 20
        assert any(not item.overdue for item in owed)

    def test_deterministic_from_the_seed(self) -> None:
        """The same arguments give equal records; another seed gives others."""
        assert build_reflection(ORG.roster, ORG.as_of, ORG.seed) == EXAMPLE
        assert build_reflection(ORG.roster, ORG.as_of, ORG.seed + 1) != EXAMPLE

    def test_mentor_sharing_needs_an_active_mentor(self) -> None:
        """With an active mentorship, its mentee may share with the mentor."""
        mentees = sorted({p for task in EXAMPLE.tasks for p in task.participants})
        ships = [
            activate(
                propose(f"m-{i}", mentor="p01", mentee=m, on=dt.date(2026, 1, 5)),
                on=dt.date(2026, 1, 5),
            )
            for i, m in enumerate(mentees)
            if m != "p01"
        ]
        example = build_reflection(ORG.roster, ORG.as_of, ORG.seed, ships)
        assert any(note.visibility is Visibility.MENTOR for note in example.reflections)

    def test_bad_arguments_are_refused(self) -> None:
        """A non-int seed, a datetime and a roster without members are named."""
        with pytest.raises(InvalidDataError):
            build_reflection(ORG.roster, ORG.as_of, "x")  # type: ignore[arg-type]
        with pytest.raises(InvalidDataError):
            build_reflection(ORG.roster, dt.datetime(2026, 1, 1), 1)  # type: ignore[arg-type]
        empty = Roster(people=[], teams=[Team(id="t", name="T")])
        with pytest.raises(InvalidDataError):
            build_reflection(empty, ORG.as_of, 1)

    def test_bundle_is_validated(self) -> None:
        """ReflectionExamples holds only tasks and reflections."""
        with pytest.raises(InvalidDataError):
            ReflectionExamples(tasks=("x",), reflections=())  # type: ignore[arg-type]


class TestDemoLines:
    def test_a_heading_and_a_short_section_in_both_languages(self) -> None:
        """Danish and English: heading with the week, summary, items, sharing, one reader."""
        for locale, heading in (("da", "uge 48"), ("en", "week 48")):
            lines = demo_lines(
                ORG.roster, EXAMPLE.tasks, EXAMPLE.reflections, as_of=ORG.as_of, locale=locale
            )
            assert heading in lines[0]
            assert 5 <= len(lines) <= 15
            assert all(line.startswith("  ") for line in lines[1:])

    def test_independent_of_input_order(self) -> None:
        """Shuffled tasks and reflections give the same lines."""
        tasks, notes = list(EXAMPLE.tasks), list(EXAMPLE.reflections)
        random.Random(3).shuffle(tasks)
        random.Random(4).shuffle(notes)
        assert demo_lines(ORG.roster, tasks, notes, as_of=ORG.as_of, locale="da") == demo_lines(
            ORG.roster, EXAMPLE.tasks, EXAMPLE.reflections, as_of=ORG.as_of, locale="da"
        )

    def test_nothing_due_and_too_many_items(self) -> None:
        """With no tasks it says so; with many, the rest are counted."""
        quiet = demo_lines(ORG.roster, (), (), as_of=ORG.as_of, locale="en")
        assert "No reflections are missing" in quiet[1]
        busy = demo_lines(ORG.roster, EXAMPLE.tasks, (), as_of=ORG.as_of, locale="en")
        assert busy[2 + MAX_ITEMS].strip().startswith("… and")

    def test_one_missing_and_a_mentor_as_reader(self) -> None:
        """The singular summary, and the active mentor as the reader shown."""
        task = next(
            t for t in EXAMPLE.tasks if len(t.participants) == 1 and t.completed_at.weekday() < 3
        )
        person = task.participants[0]
        others = [n for n in EXAMPLE.reflections if n.about.key != task.task.key]
        ship = activate(
            propose("m", mentor="p02", mentee=person, on=dt.date(2026, 1, 5)),
            on=dt.date(2026, 1, 5),
        )
        lines = demo_lines(
            ORG.roster,
            [task],
            others,
            [ship],
            as_of=task.completed_at.date(),
            locale="en",
            now=task.completed_at + dt.timedelta(hours=1),
        )
        assert lines[1] == "  1 reflection is missing (0 overdue)."
        assert ORG.roster.person("p02").name in lines[-1]
        assert "their mentees'" in lines[-1]

    def test_the_reader_line_names_mentees_only_for_a_mentor(self) -> None:
        """Without active mentorships the reader is a manager, and no mentees are promised."""
        for locale, mentees in (("da", "menteers"), ("en", "mentees")):
            lines = demo_lines(
                ORG.roster, EXAMPLE.tasks, EXAMPLE.reflections, as_of=ORG.as_of, locale=locale
            )
            assert mentees not in lines[-1]
            assert ("teamets og dem" if locale == "da" else "team's and those") in lines[-1]
        proposed = propose("m", mentor="p02", mentee="p03", on=dt.date(2026, 1, 5))
        lines = demo_lines(ORG.roster, (), (), [proposed], as_of=ORG.as_of, locale="da")
        assert "menteers" not in lines[-1]
        active = activate(proposed, on=dt.date(2026, 1, 5))
        lines = demo_lines(ORG.roster, (), (), [active], as_of=ORG.as_of, locale="da")
        assert lines[-1].startswith(f"  {ORG.roster.person('p02').name} kan læse 0 af dem")
        assert "sine menteers" in lines[-1]

    def test_a_roster_without_managers_shows_no_reader(self) -> None:
        """Without a mentor or a team manager, the reader line is left out."""
        roster = Roster(
            people=[Person(id="a", name="A", team="t", start_date=dt.date(2020, 1, 1))],
            teams=[Team(id="t", name="T")],
        )
        lines = demo_lines(roster, (), (), as_of=ORG.as_of, locale="da")
        assert len(lines) == 3
