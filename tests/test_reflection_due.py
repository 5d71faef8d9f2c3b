"""Reflections due: windows of working days in each participant's zone, settling, edges."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit.exceptions import InvalidDataError, OutOfRangeError, UnknownIdError
from learnkit.people import Person, Roster, Team
from learnkit.reflection import (
    DEFAULT_WINDOW_DAYS,
    CompletedTask,
    DueReflection,
    Reflection,
    SubjectKind,
    TaskRef,
    due_id,
    reflections_due,
)
from learnkit.reflection._due import _due_moment
from learnkit.strategies import (
    aware_datetimes,
    calendars,
    completed_tasks,
    reflections,
    task_refs,
    zones,
)
from learnkit.time import Calendar, Holiday

D = dt.date
CPH = ZoneInfo("Europe/Copenhagen")
NYC = ZoneInfo("America/New_York")
KOL = ZoneInfo("Asia/Kolkata")
HAV = ZoneInfo("America/Havana")
WEEK = Calendar()
EASTER_2026 = Calendar(
    holidays=[
        Holiday(D(2026, 4, 2), "Skærtorsdag"),
        Holiday(D(2026, 4, 3), "Langfredag"),
        Holiday(D(2026, 4, 5), "Påskedag"),
        Holiday(D(2026, 4, 6), "2. påskedag"),
    ]
)
ROSTER = Roster(
    people=[
        Person(id="cph", name="Karen", team="t", start_date=D(2020, 1, 1), time_zone=CPH),
        Person(id="nyc", name="Nora", team="t", start_date=D(2020, 1, 1), time_zone=NYC),
        Person(id="kol", name="Kiran", team="t", start_date=D(2020, 1, 1), time_zone=KOL),
        Person(id="hav", name="Hugo", team="t", start_date=D(2020, 1, 1), time_zone=HAV),
    ],
    teams=[Team(id="t", name="Team")],
)


def at(*parts: int, zone: ZoneInfo = CPH) -> dt.datetime:
    """An aware datetime in ``zone`` (Copenhagen by default)."""
    return dt.datetime(*parts, tzinfo=zone)  # type: ignore[misc]


def done(when: dt.datetime, *people: str, id: str = "T-1") -> CompletedTask:
    """Task ``id`` completed ``when`` by ``people``."""
    task = TaskRef(kind=SubjectKind.TASK, id=id, title="Opgave", completed_at=when)
    return CompletedTask(task=task, participants=people)


def written(task: CompletedTask, author: str, when: dt.datetime, id: str = "r-1") -> Reflection:
    """``author``'s reflection on ``task`` recorded ``when``."""
    return Reflection(id=id, author=author, about=task.task, recorded_at=when, learned="Noget.")


def due(
    tasks: list[CompletedTask],
    now: dt.datetime,
    *,
    reflections_: tuple[Reflection, ...] = (),
    calendar: Calendar = WEEK,
    window_days: int = DEFAULT_WINDOW_DAYS,
) -> tuple[DueReflection, ...]:
    """reflections_due on ROSTER."""
    return reflections_due(
        tasks, reflections_, roster=ROSTER, now=now, calendar=calendar, window_days=window_days
    )


class TestWindow:
    def test_a_monday_task_is_due_by_the_end_of_wednesday(self) -> None:
        """Two working days after Monday: Tuesday and Wednesday; overdue at Thursday 00:00."""
        task = done(at(2026, 11, 16, 10), "cph")
        (item,) = due([task], at(2026, 11, 18, 23, 59))
        assert item.due_at == at(2026, 11, 19)
        assert item.due_on == D(2026, 11, 18)
        assert not item.overdue
        assert due([task], at(2026, 11, 19))[0].overdue

    def test_friday_evening_and_saturday_are_due_on_tuesday(self) -> None:
        """The weekend does not count: Friday 22:00 and Saturday both give Monday and Tuesday."""
        for when in (at(2026, 11, 20, 22), at(2026, 11, 21, 9), at(2026, 11, 22, 23, 59)):
            (item,) = due([done(when, "cph")], at(2026, 11, 23, 8))
            assert item.due_on == D(2026, 11, 24)

    def test_holidays_do_not_count(self) -> None:
        """Finished the day before Easter: due the Wednesday after 2. påskedag."""
        (item,) = due([done(at(2026, 4, 1, 15), "cph")], at(2026, 4, 7, 9), calendar=EASTER_2026)
        assert item.due_on == D(2026, 4, 8)

    def test_a_task_finished_on_a_holiday_counts_from_the_next_working_day(self) -> None:
        """Langfredag counts like a Saturday: due by the end of Wednesday 8 April."""
        (item,) = due([done(at(2026, 4, 3, 11), "cph")], at(2026, 4, 7, 9), calendar=EASTER_2026)
        assert item.due_on == D(2026, 4, 8)

    def test_a_minute_across_midnight(self) -> None:
        """23:59 Monday is due Wednesday; 00:01 Tuesday is due Thursday."""
        late = due([done(at(2026, 11, 16, 23, 59), "cph")], at(2026, 11, 17, 9))
        early = due([done(at(2026, 11, 17, 0, 1), "cph")], at(2026, 11, 17, 9))
        assert (late[0].due_on, early[0].due_on) == (D(2026, 11, 18), D(2026, 11, 19))

    def test_the_window_is_read_in_each_participants_zone(self) -> None:
        """Monday 23:30 in Copenhagen is Monday in New York and Tuesday in Kolkata."""
        task = done(at(2026, 11, 16, 23, 30), "cph", "kol", "nyc")
        found = {item.person: item for item in due([task], at(2026, 11, 17, 9))}
        assert found["cph"].due_at == at(2026, 11, 19)
        assert found["nyc"].due_at == at(2026, 11, 19, zone=NYC)
        assert found["kol"].due_at == at(2026, 11, 20, zone=KOL)
        assert {item.due_at.tzinfo for item in found.values()} == {CPH, NYC, KOL}

    def test_a_day_that_starts_after_a_dst_gap(self) -> None:
        """In Havana clocks jump from 00:00 to 01:00 on 8 March 2026; the day starts at 01:00."""
        every_day = Calendar(weekend=frozenset())
        (item,) = due(
            [done(at(2026, 3, 5, 12, zone=HAV), "hav")], at(2026, 3, 6, 9), calendar=every_day
        )
        assert item.due_at == at(2026, 3, 8, 1, zone=HAV)
        assert item.due_on == D(2026, 3, 7)

    def test_a_window_of_zero_days(self) -> None:
        """Zero days: by the end of the day itself, or of the next working day after a weekend."""
        monday = due([done(at(2026, 11, 16, 10), "cph")], at(2026, 11, 16, 12), window_days=0)
        saturday = due([done(at(2026, 11, 21, 10), "cph")], at(2026, 11, 21, 12), window_days=0)
        assert monday[0].due_on == D(2026, 11, 16)
        assert saturday[0].due_on == D(2026, 11, 23)

    def test_the_calendar_must_cover_the_window(self) -> None:
        """A calendar ending before the window does raises OutOfRangeError."""
        short = Calendar(first_day=D(2026, 11, 1), last_day=D(2026, 11, 17))
        with pytest.raises(OutOfRangeError):
            due([done(at(2026, 11, 16, 10), "cph")], at(2026, 11, 17, 9), calendar=short)


class TestSettling:
    def test_a_reflection_by_the_participant_settles_it(self) -> None:
        """Karen wrote hers; Nora still owes one."""
        task = done(at(2026, 11, 16, 10), "cph", "nyc")
        mine = written(task, "cph", at(2026, 11, 16, 11))
        assert [item.person for item in due([task], at(2026, 11, 17, 9), reflections_=(mine,))] == [
            "nyc"
        ]

    def test_a_reflection_written_before_completion_counts(self) -> None:
        """Written in the closing meeting, minutes before the ticket was closed: settled."""
        task = done(at(2026, 11, 16, 10), "cph")
        early = written(task, "cph", at(2026, 11, 16, 9, 50))
        assert due([task], at(2026, 11, 17, 9), reflections_=(early,)) == ()

    def test_a_reflection_after_now_is_not_known_yet(self) -> None:
        """A reflection recorded later than ``now`` settles nothing yet."""
        task = done(at(2026, 11, 16, 10), "cph")
        later = written(task, "cph", at(2026, 11, 18, 9))
        assert len(due([task], at(2026, 11, 17, 9), reflections_=(later,))) == 1

    def test_only_the_same_kind_and_id_by_the_same_person_settles(self) -> None:
        """Another author, another task or another kind with the same id do not count."""
        task = done(at(2026, 11, 16, 10), "cph")
        meeting = TaskRef(kind=SubjectKind.MEETING, id="T-1", title="Møde")
        others = (
            written(task, "nyc", at(2026, 11, 16, 11), id="r-1"),
            attrs.evolve(written(task, "cph", at(2026, 11, 16, 11), id="r-2"), about=meeting),
        )
        assert len(due([task], at(2026, 11, 17, 9), reflections_=others)) == 1

    def test_tasks_without_participants_or_not_finished_yet_owe_nothing(self) -> None:
        """No participants, or completed after ``now``: nothing is due."""
        tasks = [done(at(2026, 11, 16, 10), id="T-1"), done(at(2026, 11, 18, 10), "cph", id="T-2")]
        assert due(tasks, at(2026, 11, 17, 9)) == ()

    def test_sorted_by_due_moment_then_person(self) -> None:
        """Soonest first; the same moment is ordered by person id."""
        tasks = [
            done(at(2026, 11, 17, 10), "cph", "nyc", id="T-2"),
            done(at(2026, 11, 16, 10), "nyc", "cph", id="T-1"),
        ]
        found = due(tasks, at(2026, 11, 18, 9))
        assert [(item.task.id, item.person) for item in found] == [
            ("T-1", "cph"),
            ("T-1", "nyc"),
            ("T-2", "cph"),
            ("T-2", "nyc"),
        ]


class TestDueReflection:
    def test_the_id_is_stable_and_filled_in(self) -> None:
        """``reflection-due:{kind}:{task id}:{person}``, whatever else changes."""
        (item,) = due([done(at(2026, 11, 16, 10), "cph")], at(2026, 11, 17, 9))
        assert item.id == "reflection-due:task:T-1:cph" == due_id(item.task, "cph")
        assert attrs.evolve(item, overdue=True).id == item.id

    def test_a_wrong_id_is_refused(self) -> None:
        """An id that does not match the task and person is refused by name."""
        (item,) = due([done(at(2026, 11, 16, 10), "cph")], at(2026, 11, 17, 9))
        with pytest.raises(InvalidDataError) as error:
            attrs.evolve(item, id="reflection-due:task:T-2:cph")
        assert [p.path for p in error.value.problems] == ["id"]


class TestMessage:
    def test_due_in_both_languages(self) -> None:
        """Name, kind, title and the last day of the window, in Danish and English."""
        (item,) = due([done(at(2026, 11, 16, 10), "cph")], at(2026, 11, 17, 9))
        assert item.message("da", ROSTER) == "Karen – opgave: »Opgave« (frist onsdag d. 18.11.)"
        assert item.message("en", ROSTER) == "Karen – task: “Opgave” (due Wednesday 18/11)"

    def test_overdue_in_both_languages(self) -> None:
        """Once the moment has passed, the deadline is said in the past."""
        (item,) = due([done(at(2026, 11, 16, 10), "cph")], at(2026, 11, 19))
        assert item.message("da", ROSTER) == (
            "Karen – opgave: »Opgave« (fristen var onsdag d. 18.11.)"
        )
        assert item.message("en", ROSTER) == "Karen – task: “Opgave” (was due Wednesday 18/11)"

    def test_the_day_is_the_persons_own(self) -> None:
        """Late Monday in Copenhagen is Tuesday in Kolkata, so Kiran's day is a day later."""
        items = due([done(at(2026, 11, 16, 23, 30), "cph", "kol")], at(2026, 11, 17, 9))
        assert [item.message("en", ROSTER) for item in items] == [
            "Karen – task: “Opgave” (due Wednesday 18/11)",
            "Kiran – task: “Opgave” (due Thursday 19/11)",
        ]

    @settings(max_examples=20)
    @given(st.datetimes(dt.datetime(2026, 1, 1), dt.datetime(2026, 12, 20)), st.booleans())
    def test_every_message_names_the_person_title_and_day(
        self, moment: dt.datetime, late: bool
    ) -> None:
        """Whatever the completion, each line holds the name, the title and the due day."""
        task = done(moment.replace(tzinfo=CPH), "nyc", "hav")
        now = task.completed_at + dt.timedelta(days=10 if late else 0, minutes=1)
        for item in due([task], now):
            name = ROSTER.person(item.person).name
            danish, english = item.message("da", ROSTER), item.message("en", ROSTER)
            assert danish.startswith(f"{name} – opgave: »Opgave« (frist")
            assert english.startswith(f"{name} – task: “Opgave” (")
            assert f"{item.due_on.day}.{item.due_on.month}.)" in danish
            assert english.endswith(f"{item.due_on.day}/{item.due_on.month})")
            assert ("was due" in english) is item.overdue

    def test_bad_arguments_are_refused(self) -> None:
        """An unknown locale and a non-roster together; a person off the roster by id."""
        (item,) = due([done(at(2026, 11, 16, 10), "cph")], at(2026, 11, 17, 9))
        with pytest.raises(InvalidDataError) as error:
            item.message("fr", "roster")  # type: ignore[arg-type]
        assert [(p.path, p.value) for p in error.value.problems] == [
            ("locale", "fr"),
            ("roster", "roster"),
        ]
        with pytest.raises(UnknownIdError):
            attrs.evolve(item, person="gone", id=due_id(item.task, "gone")).message("da", ROSTER)


class TestBadInput:
    def test_every_problem_at_once(self) -> None:
        """Bad items, duplicates, an unknown participant, a naive now and a bad window."""
        task = done(at(2026, 11, 16, 10), "cph", "ghost")
        note = written(task, "cph", at(2026, 11, 16, 11))
        with pytest.raises(InvalidDataError) as error:
            reflections_due(
                [task, task, "x"],  # type: ignore[list-item]
                [note, note],
                roster=ROSTER,
                now=dt.datetime(2026, 11, 17, 9),
                calendar=WEEK,
                window_days=-1,
            )
        assert [p.path for p in error.value.problems] == [
            "tasks[2]",
            "now",
            "window_days",
            "tasks[task:T-1]",
            "reflections[id=r-1].id",
            "tasks[task:T-1].participants[ghost]",
            "tasks[task:T-1].participants[ghost]",
        ]

    def test_wrong_types_are_named(self) -> None:
        """A roster, calendar, window or collection of the wrong type is named."""
        with pytest.raises(InvalidDataError) as error:
            reflections_due(
                "tasks",  # type: ignore[arg-type]
                (),
                roster="roster",  # type: ignore[arg-type]
                now=at(2026, 11, 17, 9),
                calendar="calendar",  # type: ignore[arg-type]
                window_days=True,
            )
        assert [p.path for p in error.value.problems] == [
            "tasks",
            "roster",
            "calendar",
            "window_days",
        ]


# --- properties ----------------------------------------------------------------------

PEOPLE = ("cph", "nyc", "kol", "hav")


@st.composite
def cases(draw: st.DrawFn) -> dict[str, Any]:
    """Tasks among ROSTER's people, some reflections on them, and a ``now``."""
    refs = task_refs(
        completed=True,
        ids=st.sampled_from(("T-1", "T-2", "T-3", "T-4", "T-5")),
        min_date=D(2026, 3, 1),
        max_date=D(2026, 4, 15),
    )
    tasks = draw(
        st.lists(
            completed_tasks(subjects=refs, participants=st.sampled_from(PEOPLE)),
            max_size=5,
            unique_by=lambda task: task.task.key,
        )
    )
    subjects = [task.task for task in tasks] or [draw(refs)]
    notes = draw(
        st.lists(
            reflections(
                authors=st.sampled_from(PEOPLE),
                subjects=st.sampled_from(subjects),
                min_date=D(2026, 3, 1),
                max_date=D(2026, 4, 20),
            ),
            max_size=6,
            unique_by=lambda note: note.id,
        )
    )
    now = draw(aware_datetimes(min_date=D(2026, 3, 1), max_date=D(2026, 4, 30)))
    return {"tasks": tasks, "reflections": notes, "now": now}


def owed(case: dict[str, Any], **changes: Any) -> tuple[DueReflection, ...]:
    """reflections_due of a case on ROSTER with the Easter calendar."""
    arguments: dict[str, Any] = {"roster": ROSTER, "calendar": EASTER_2026, **case}
    arguments.update(changes)
    return reflections_due(arguments.pop("tasks"), arguments.pop("reflections"), **arguments)


def brute_due_on(local_day: dt.date, calendar: Calendar, window: int) -> dt.date:
    """The last day of the window by counting days one at a time."""
    if window == 0:
        day = local_day
        while not calendar.is_working_day(day):
            day += dt.timedelta(days=1)
        return day
    day, counted = local_day, 0
    while counted < window:
        day += dt.timedelta(days=1)
        counted += calendar.is_working_day(day)
    return day


class TestProperties:
    @settings(max_examples=30)
    @given(cases(), st.randoms(use_true_random=False))
    def test_order_of_the_inputs_does_not_matter(self, case: dict[str, Any], random: Any) -> None:
        """Shuffled tasks and reflections give the same result."""
        shuffled = {**case, "tasks": list(case["tasks"]), "reflections": list(case["reflections"])}
        random.shuffle(shuffled["tasks"])
        random.shuffle(shuffled["reflections"])
        assert owed(shuffled) == owed(case)

    @settings(max_examples=30)
    @given(cases())
    def test_exactly_the_unsettled_pairs_and_writing_them_settles_all(
        self, case: dict[str, Any]
    ) -> None:
        """One item per unsettled (task, participant); writing each empties the list."""
        found = owed(case)
        now = case["now"]
        settled = {
            (note.author, note.about.key) for note in case["reflections"] if note.recorded_at <= now
        }
        expected = {
            (person, task.task.key)
            for task in case["tasks"]
            if task.completed_at <= now
            for person in task.participants
            if (person, task.task.key) not in settled
        }
        assert {(item.person, item.task.key) for item in found} == expected
        assert len({item.id for item in found}) == len(found)
        assert [item.due_at for item in found] == sorted(item.due_at for item in found)
        catch_up = [
            Reflection(
                id=f"new-{i}", author=item.person, about=item.task, recorded_at=now, learned="Ja."
            )
            for i, item in enumerate(found)
        ]
        assert owed(case, reflections=[*case["reflections"], *catch_up]) == ()

    @settings(max_examples=40)
    @given(
        aware_datetimes(min_date=D(2026, 1, 5), max_date=D(2026, 11, 30)),
        zones(),
        calendars(max_holidays=20, min_date=D(2026, 1, 1), max_date=D(2026, 12, 31)),
        st.integers(0, 6),
    )
    def test_the_window_counts_working_days_in_the_persons_zone(
        self, completed: dt.datetime, zone: ZoneInfo, calendar: Calendar, window: int
    ) -> None:
        """The due moment starts the day after the window's last working day, in the zone."""
        try:
            due_at = _due_moment(completed, zone, calendar, window)
        except OutOfRangeError:
            return  # a calendar that ends inside the window says so
        local_day = completed.astimezone(zone).date()
        last = brute_due_on(local_day, calendar, window)
        assert due_at.tzinfo is zone
        assert due_at.date() == last + dt.timedelta(days=1)
        assert due_at.time() <= dt.time(1)  # midnight, or when a DST gap skips it
        assert (due_at - dt.timedelta(hours=2)).astimezone(zone).date() <= last
        assert calendar.is_working_day(last)
        assert due_at > completed

    @given(st.dates(D(2000, 1, 3), D(2040, 12, 28)), st.times(), zones())
    def test_friday_to_sunday_are_all_due_on_tuesday(
        self, day: dt.date, time: dt.time, zone: ZoneInfo
    ) -> None:
        """Without holidays, anything finished Friday to Sunday is due by the end of Tuesday."""
        friday = day + dt.timedelta(days=(4 - day.weekday()) % 7)
        results = set()
        for offset in range(3):
            local = dt.datetime.combine(friday + dt.timedelta(days=offset), time, tzinfo=zone)
            moment = local.astimezone(dt.UTC).astimezone(zone)  # a wall time in a gap moves on
            if moment.date() != local.date():
                continue
            results.add(_due_moment(moment, zone, WEEK, 2).date())
        assert results == {friday + dt.timedelta(days=5)}  # Wednesday 00:00
