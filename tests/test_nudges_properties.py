"""learnkit.nudges: properties of ``due`` (stable ids, order, unrelated records), model, errors."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit import examples
from learnkit._texts_nudges import DA, EN
from learnkit.exceptions import InvalidDataError
from learnkit.goals import GoalStatus, LearningGoal
from learnkit.i18n import translate
from learnkit.incidents import check_text
from learnkit.leadership import Recognition, RecognitionKind, TimeAllocation
from learnkit.nudges import Nudge, NudgeReason, due, opener_seed
from learnkit.people import Roster
from learnkit.reflection import SubjectKind, TaskRef
from learnkit.serialize import from_json, to_json
from learnkit.sharing import expand
from learnkit.strategies import nudges
from learnkit.workspace import Workspace
from test_nudges_reasons import (
    CPH,
    EXPECTED_IDS,
    NOW,
    at,
    friday_series,
    reflection,
    world,
)

D = dt.date
RECORD_FIELDS = (
    "tasks",
    "reflections",
    "mentorships",
    "check_ins",
    "development_reviews",
    "goals",
    "allocations",
    "incident_reviews",
    "series",
    "plans",
    "team_meetings",
)

nows = st.builds(
    lambda minutes, zone: (at(D(2026, 10, 19), 0) + dt.timedelta(minutes=minutes)).astimezone(zone),
    st.integers(0, 60 * 24 * 84),
    st.sampled_from([CPH, ZoneInfo("UTC"), ZoneInfo("America/Nuuk"), ZoneInfo("Asia/Kolkata")]),
)
"""Moments from 19 October 2026 (across the end of summer time on 25 October) to
mid-January 2027, on clocks in several zones."""


def unrelated() -> dict[str, tuple[Any, ...]]:
    """Records about other people and other things, one pool per workspace field."""
    other_task = TaskRef(kind=SubjectKind.MEETING, id="M7", title="Planlægning")
    series = attrs.evolve(friday_series(), id="workshop", name="Miniworkshops")
    return {
        "reflections": (
            reflection("dea", other_task, "refl-x1"),
            reflection("cy", other_task, "refl-x2"),
        ),
        "recognitions": (
            Recognition(
                id="rec1",
                giver="dea",
                receiver="cy",
                at=at(D(2026, 11, 20), 15),
                kind=RecognitionKind.CURIOSITY,
                message="Tak for de gode spørgsmål",
            ),
        ),
        "goals": (LearningGoal(id="g9", owner="ana", title="Lære Rust", status=GoalStatus.DRAFT),),
        "series": (series,),
        "allocations": (
            TimeAllocation(
                person="ana", week=D(2026, 11, 16), development_hours=6.0, operations_hours=30.0
            ),
        ),
    }


class TestDueProperties:
    @settings(max_examples=25)
    @given(now=nows)
    def test_due_never_after_now_and_one_per_recipient_and_reason(self, now: dt.datetime) -> None:
        """Every nudge is due by now, sorted, ids unique, one per recipient and reason."""
        found = due(world(), now)
        assert all(n.due.astimezone(dt.UTC) <= now.astimezone(dt.UTC) for n in found)
        assert list(found) == sorted(found, key=lambda n: n.sort_key)
        assert len({n.id for n in found}) == len(found)
        assert len({(n.recipient, n.reason) for n in found}) == len(found)

    @settings(max_examples=25)
    @given(now=nows)
    def test_no_nudge_after_its_stop(self, now: dt.datetime) -> None:
        """No session nudge once the session started; none for a reflection already written."""
        starts = {s.id: s.start for s in expand(friday_series()).sessions}
        starts.update((s.id, s.start) for s in expand(world().team_meetings[0].series).sessions)
        for nudge in due(world(), now):
            if nudge.reason in (NudgeReason.PRESENTER_REMINDER, NudgeReason.MEETING_OPENER):
                assert all(
                    now.astimezone(dt.UTC) < starts[s].astimezone(dt.UTC) for s in nudge.subjects
                )
            assert (nudge.reason, nudge.recipient) != (NudgeReason.REFLECTION_DUE, "ana")

    @settings(max_examples=15)
    @given(seed=st.integers(0, 2**32), now=nows)
    def test_order_of_records_does_not_matter(self, seed: int, now: dt.datetime) -> None:
        """Shuffling every record list gives the same nudges."""
        rng = random.Random(seed)
        base = world()
        shuffled = {}
        for field in RECORD_FIELDS:
            records = list(getattr(base, field))
            rng.shuffle(records)
            shuffled[field] = tuple(records)
        assert due(attrs.evolve(base, **shuffled), now) == due(base, now)  # type: ignore[arg-type]

    @settings(max_examples=15)
    @given(
        picked=st.sets(st.sampled_from(sorted(unrelated()))),
        now=nows,
        locale=st.sampled_from(["da", "en"]),
    )
    def test_unrelated_records_change_nothing(
        self, picked: set[str], now: dt.datetime, locale: str
    ) -> None:
        """Others' reflections, recognitions, goals, allocations, more series: no nudge changes."""
        base = world()
        pool = unrelated()
        more = {field: (*getattr(base, field), *pool[field]) for field in picked}
        assert due(attrs.evolve(base, **more), now, locale) == due(base, now, locale)  # type: ignore[arg-type]

    def test_ids_are_the_same_on_every_run(self) -> None:
        """Ids are fixed strings of the facts: the same on every machine and run."""
        assert [n.id for n in due(world(), NOW)] == EXPECTED_IDS
        assert due(world(), NOW) == due(world(), NOW)
        assert opener_seed("drift-moede:2026-11-25") == int.from_bytes(
            bytes.fromhex(__import__("hashlib").sha256(b"drift-moede:2026-11-25").hexdigest()[:16]),
            "big",
        )

    def test_ids_survive_a_change_of_unrelated_facts(self) -> None:
        """A nudge keeps its id when another nudge's facts change (Bo writes his reflection)."""
        before = {n.id for n in due(world(), NOW)}
        after = {n.id for n in due(world(reflections=(reflection("ana"), reflection("bo"))), NOW)}
        assert after == before - {EXPECTED_IDS[4]}

    def test_text_is_the_rendered_key(self) -> None:
        """Every nudge's text is its key rendered with its parameters, in both locales."""
        for locale in ("da", "en"):
            for nudge in due(world(), NOW, locale):
                assert nudge.text == translate(nudge.key, locale, **dict(nudge.params))

    def test_recipients_who_left_get_nothing(self) -> None:
        """Ana has left: she gets nothing, and Bo no check-in with her (his goal's leader)."""
        base = world()
        roster = Roster(
            people=[
                attrs.evolve(p, manager=None) if p.id == "bo" else p
                for p in base.roster.people
                if p.id != "ana"
            ],
            teams=base.roster.teams,
        )
        workspace = attrs.evolve(base, roster=roster, tasks=())
        found = due(workspace, NOW)
        assert "ana" not in {n.recipient for n in found}
        assert not [n for n in found if n.reason is NudgeReason.CHECK_IN_DUE]
        assert {n.recipient for n in found} == {"cy", "dea", "drift"}


class TestTexts:
    def test_same_keys_in_both_languages(self) -> None:
        """Danish and English have the same nudges keys."""
        assert DA.keys() == EN.keys()
        assert all(key.startswith("nudges.") for key in DA)

    @pytest.mark.parametrize("text", [*DA.values(), *EN.values()])
    def test_never_blaming(self, text: str) -> None:
        """The blameless-language check finds nothing in any nudge text."""
        assert check_text(text) == ()


class TestErrors:
    def test_every_problem_at_once(self) -> None:
        """A wrong workspace, a naive now, an unknown locale and a bad N are named together."""
        with pytest.raises(InvalidDataError) as raised:
            due("ws", dt.datetime(2026, 11, 25, 9), "de", no_development_weeks=0)  # type: ignore[arg-type]
        assert [p.path for p in raised.value.problems] == [
            "workspace",
            "now",
            "locale",
            "no_development_weeks",
        ]

    @pytest.mark.parametrize("weeks", [True, 521, 2.0])
    def test_weeks_must_be_whole(self, weeks: object) -> None:
        """The number of weeks must be a whole number from 1 to 520."""
        with pytest.raises(InvalidDataError, match="no_development_weeks"):
            due(world(), NOW, no_development_weeks=weeks)  # type: ignore[arg-type]


def nudge(**changes: Any) -> Nudge:
    """A valid nudge, changed."""
    fields: dict[str, Any] = {
        "id": "reflection_due:x",
        "recipient": "bo",
        "to_team": False,
        "reason": NudgeReason.REFLECTION_DUE,
        "due": NOW,
        "key": "nudges.reflection_due",
        "params": {"name": "Bo"},
        "text": "Hej Bo!",
        "subjects": ("task:T1",),
    }
    fields.update(changes)
    return Nudge(**fields)


class TestNudge:
    @settings(max_examples=30)
    @given(nudges())
    def test_round_trip(self, value: Nudge) -> None:
        """A nudge survives JSON exactly."""
        assert from_json(to_json(value), Nudge) == value

    def test_round_trip_of_real_nudges(self) -> None:
        """The nudges ``due`` makes survive JSON exactly."""
        for value in due(world(), NOW):
            assert from_json(to_json(value), Nudge) == value

    def test_params_are_sorted_pairs(self) -> None:
        """A mapping or pairs in any order give the same sorted pairs."""
        assert nudge(params={"b": "2", "a": "1"}).params == (("a", "1"), ("b", "2"))
        assert nudge(params=[["b", "2"], ("a", "1")]) == nudge(params={"a": "1", "b": "2"})

    def test_every_invariant_at_once(self) -> None:
        """A wrong id prefix, a foreign key, a repeated parameter and a wrong to_team together."""
        with pytest.raises(InvalidDataError) as raised:
            nudge(
                id="other:x",
                key="reflection.due.due",
                params=[("a", "1"), ("a", "2")],
                to_team=True,
            )
        assert [p.path for p in raised.value.problems] == [
            "id",
            "key",
            "params",
            "occasions[0]",  # the id, as the one occasion
            "to_team",
        ]

    @pytest.mark.parametrize("params", ["name=Bo", [("name",)], [("1x", "y")], [("a", 1)], 5])
    def test_params_must_be_named_strings(self, params: object) -> None:
        """Parameters are (name, text) pairs with identifier names."""
        with pytest.raises(InvalidDataError, match="params"):
            nudge(params=params)

    def test_the_id_must_go_on_after_the_reason(self) -> None:
        """``reflection_due:`` alone is not an id."""
        with pytest.raises(InvalidDataError, match="id"):
            nudge(id="reflection_due:")

    def test_subjects_are_sorted_and_distinct(self) -> None:
        """Subjects in any order compare equal; none, or one twice, is refused."""
        assert nudge(subjects=["b", "a"]) == nudge(subjects=("a", "b"))
        for bad in ((), ("a", "a")):
            with pytest.raises(InvalidDataError, match="subjects"):
                nudge(subjects=bad)

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("text", "   "),
            ("text", "Hej\x00"),
            ("id", "reflection_due:x\x7f"),
            ("key", " x"),
            ("subjects", ("a\u200b",)),
        ],
    )
    def test_texts_and_ids_get_the_full_check(self, field: str, value: object) -> None:
        """What is not plain printable text gets learnkit's full check (and its refusal)."""
        with pytest.raises(InvalidDataError, match=field):
            nudge(**{field: value})

    def test_a_line_break_in_a_text_is_fine(self) -> None:
        """A text may have line breaks (the full check allows them)."""
        assert nudge(text="Hej Bo!\nHvordan går det?").text.count("\n") == 1

    def test_a_naive_due_is_refused(self) -> None:
        """``due`` must be aware."""
        with pytest.raises(InvalidDataError, match="due"):
            nudge(due=dt.datetime(2026, 11, 25, 9))


class TestExampleOrganisation:
    def test_the_example_speaks_in_its_first_week(self) -> None:
        """On the Tuesday after as_of at 09:00 the example has five kinds of nudges, few each."""
        workspace = examples.example_organisation().workspace
        now = dt.datetime(2026, 11, 24, 9, 0, tzinfo=CPH)
        found = due(workspace, now)
        reasons = Counter(n.reason for n in found)
        assert reasons[NudgeReason.GOAL_FOLLOW_UP_DUE] <= 12  # 8 reviews; 26 before grouping
        assert len({(n.recipient, n.reason) for n in found}) == len(found)
        assert {
            NudgeReason.REFLECTION_DUE,
            NudgeReason.CHECK_IN_DUE,
            NudgeReason.GOAL_FOLLOW_UP_DUE,
            NudgeReason.MEETING_OPENER,
            NudgeReason.NO_DEVELOPMENT_TIME,
        } <= set(reasons)
        assert all(n.due.astimezone(dt.UTC) <= now.astimezone(dt.UTC) for n in found)
        assert isinstance(workspace, Workspace)
