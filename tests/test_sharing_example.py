"""Tests for the example organisation's knowledge sharing and the demo step that shows it."""

from __future__ import annotations

import datetime as dt
import itertools

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit import _demo_sharing, _example_sharing
from learnkit._demo_sharing import demo_lines, next_quarter
from learnkit._example_sharing import (
    BUDDY_ROUNDS,
    FRIDAY_SERIES,
    WORKSHOP_SERIES,
    SharingExamples,
    build_sharing,
    danish_calendar,
)
from learnkit.examples import ExampleOrganisation, example_organisation
from learnkit.exceptions import InvalidDataError
from learnkit.people import Roster
from learnkit.serialize import from_json, to_json
from learnkit.sharing import HolidayPolicy, PlanRequest, TopicStatus, expand
from learnkit.time import Calendar, Period

AS_OF = dt.date(2026, 11, 23)


@pytest.fixture(name="organisation", scope="module")
def _organisation() -> ExampleOrganisation:
    return example_organisation()


@pytest.fixture(name="examples", scope="module")
def _examples(organisation: ExampleOrganisation) -> SharingExamples:
    return build_sharing(organisation.roster, organisation.as_of, organisation.seed)


class TestSeries:
    def test_friday_stories(self, examples: SharingExamples) -> None:
        """Every Friday at 14:00 in Copenhagen from August 2026, holidays skipped."""
        stories = examples.friday_stories
        assert stories.id == FRIDAY_SERIES
        assert (stories.first, stories.last) == (dt.date(2026, 8, 7), dt.date(2027, 12, 31))
        assert stories.start_time == dt.time(14)
        assert stories.time_zone.key == "Europe/Copenhagen"
        assert stories.holiday_policy is HolidayPolicy.SKIP

    def test_juledag_and_langfredag_are_skipped(self, examples: SharingExamples) -> None:
        """Juledag 2026-12-25 and Langfredag 2027-03-26 fall on Fridays and are not held."""
        expansion = expand(examples.friday_stories)
        skipped = {item.scheduled_on: item.holiday for item in expansion.skipped}
        assert skipped[dt.date(2026, 12, 25)] == "Juledag"
        assert skipped[dt.date(2027, 3, 26)] == "Langfredag"
        assert skipped[dt.date(2027, 1, 1)] == "Nytårsdag"
        assert all(session.start.hour == 14 for session in expansion.sessions)

    def test_workshops_move_off_juleaftensdag(self, examples: SharingExamples) -> None:
        """Every second Thursday at 13:00; Juleaftensdag moves the workshop to the Wednesday."""
        workshops = examples.workshops
        assert workshops.id == WORKSHOP_SERIES
        assert workshops.holiday_policy is HolidayPolicy.MOVE_EARLIER
        sessions = expand(workshops).sessions
        moved = [s for s in sessions if s.moved]
        assert (moved[0].scheduled_on, moved[0].held_on) == (
            dt.date(2026, 12, 24),
            dt.date(2026, 12, 23),
        )
        days = [s.scheduled_on for s in sessions]
        assert all((later - earlier).days == 14 for earlier, later in itertools.pairwise(days))


class TestCalendar:
    def test_computed_days_equal_the_holidays_package(self) -> None:
        """Without the holidays extra, the computed calendar has the same days and names."""
        years = range(2020, 2031)
        assert _example_sharing._computed_calendar(years) == Calendar.for_country(
            "DK", years=years, include_optional=True
        )

    def test_store_bededag_before_2024(self) -> None:
        """Store bededag was a holiday until 2023."""
        years = range(2022, 2025)
        computed = _example_sharing._computed_calendar(years)
        assert computed == Calendar.for_country("DK", years=years, include_optional=True)
        assert computed.holiday_name(dt.date(2023, 5, 5)) == "Store bededag"
        assert computed.holiday_name(dt.date(2024, 4, 26)) is None

    def test_without_the_extra(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """When the holidays package is missing, the computed calendar is used."""

        def missing(*_: object, **__: object) -> Calendar:
            raise ImportError("holidays")

        monkeypatch.setattr(Calendar, "for_country", missing)
        assert danish_calendar(range(2026, 2028)).holiday_name(dt.date(2027, 3, 26)) == "Langfredag"


class TestRecords:
    def test_deterministic(self, organisation: ExampleOrganisation) -> None:
        """The same roster, date and seed give equal examples; another seed other ones."""
        roster, as_of = organisation.roster, organisation.as_of
        assert build_sharing(roster, as_of, 2026) == build_sharing(roster, as_of, 2026)
        assert build_sharing(roster, as_of, 2026) != build_sharing(roster, as_of, 2027)

    def test_topics(self, examples: SharingExamples, organisation: ExampleOrganisation) -> None:
        """Fourteen topics from the team they concern, three held, with votes from colleagues."""
        roster = organisation.roster
        assert len(examples.topics) == 14
        assert [t.id for t in examples.topics] == sorted(t.id for t in examples.topics)
        held = {t.id for t in examples.topics if t.status is TopicStatus.HELD}
        assert held == {"nedbrud-oktober", "dashboards", "onboarding"}
        for topic in examples.topics:
            assert topic.proposed_by in roster
            assert topic.proposed_on < AS_OF
            assert set(topic.votes) <= {person.id for person in roster}
        teams = {topic_id: team for topic_id, _, team, _ in _example_sharing._TOPICS}
        assert all(roster.person(t.proposed_by).team == teams[t.id] for t in examples.topics)
        assert len({len(t.votes) for t in examples.topics}) < len(examples.topics)  # ties

    def test_absences(self, examples: SharingExamples, organisation: ExampleOrganisation) -> None:
        """Winter and Christmas holidays, a course, a leave and an illness this week."""
        absences = examples.absences
        assert all(a.person in organisation.roster for a in absences)
        winter = [a for a in absences if a.period.first.month == 2]
        assert {a.period.first.isocalendar().week for a in winter} <= {7, 8}
        assert len(winter) == 9
        assert sum(a.period.first == dt.date(2026, 12, 21) for a in absences) == 12
        assert any(AS_OF in a.period for a in absences)  # someone is ill
        assert any(a.period.days > 90 for a in absences)  # a parental leave

    def test_history(self, examples: SharingExamples, organisation: ExampleOrganisation) -> None:
        """The Friday stories since August, one turn each, before as_of, nobody twice."""
        history = examples.history
        assert history
        assert all(turn.on < AS_OF for turn in history)
        assert all(turn.session.startswith(f"{FRIDAY_SERIES}:") for turn in history)
        assert len({turn.person for turn in history}) == len(history)
        assert history[0].on == examples.friday_stories.first

    def test_buddy_history(
        self, examples: SharingExamples, organisation: ExampleOrganisation
    ) -> None:
        """Four weekly rounds on the Mondays before as_of's week, everyone who had started."""
        rounds = examples.buddy_history
        assert [r.on for r in rounds] == [
            AS_OF - dt.timedelta(weeks=weeks) for weeks in range(BUDDY_ROUNDS, 0, -1)
        ]
        for past in rounds:
            started = {p.id for p in organisation.roster if p.has_started(past.on)}
            assert {person for group in past.groups for person in group} == started

    def test_request_round_trips(
        self, examples: SharingExamples, organisation: ExampleOrganisation
    ) -> None:
        """The Friday stories' plan request is valid and survives JSON."""
        request = examples.request(organisation.roster, seed=organisation.seed)
        assert from_json(to_json(request), PlanRequest) == request
        assert request.series == examples.friday_stories

    def test_no_one_started_yet(self) -> None:
        """A roster seen before anyone started still gives valid (emptier) examples."""
        organisation = example_organisation()
        early = build_sharing(organisation.roster, dt.date(2005, 1, 10), 1)
        assert early.buddy_history[0].groups == ()
        assert build_sharing(Roster(people=[], teams=[]), AS_OF, 1).absences == ()

    @settings(max_examples=5, deadline=None)
    @given(st.dates(dt.date(2020, 1, 1), dt.date(2035, 12, 31)), st.integers(0, 2**16))
    def test_valid_for_any_date_and_seed(self, as_of: dt.date, seed: int) -> None:
        """Any date and seed give valid examples whose history lies before as_of."""
        organisation = example_organisation(as_of=as_of, seed=seed)
        examples = build_sharing(organisation.roster, as_of, seed)
        assert all(turn.on < as_of for turn in examples.history)
        request = examples.request(organisation.roster, seed=seed)
        assert from_json(to_json(request), PlanRequest) == request


class TestNextQuarter:
    @pytest.mark.parametrize(
        ("as_of", "number", "first", "last"),
        [
            (dt.date(2026, 11, 23), 1, dt.date(2027, 1, 1), dt.date(2027, 3, 31)),
            (dt.date(2027, 1, 1), 2, dt.date(2027, 4, 1), dt.date(2027, 6, 30)),
            (dt.date(2027, 6, 30), 3, dt.date(2027, 7, 1), dt.date(2027, 9, 30)),
            (dt.date(2027, 8, 15), 4, dt.date(2027, 10, 1), dt.date(2027, 12, 31)),
        ],
    )
    def test_quarters(self, as_of: dt.date, number: int, first: dt.date, last: dt.date) -> None:
        """The calendar quarter after the one as_of lies in."""
        assert next_quarter(as_of) == (number, Period(first, last))


class TestDemo:
    def test_danish(self, examples: SharingExamples, organisation: ExampleOrganisation) -> None:
        """Q1 2027 in Danish: eleven Friday stories, Nytårsdag and Langfredag not held, buddies."""
        lines = demo_lines(
            organisation.roster, examples, as_of=AS_OF, seed=organisation.seed, locale="da"
        )
        assert lines[0] == "Vidensdeling: fredagsfortællinger i 1. kvartal 2027"
        assert lines[1].endswith(": 11 sessioner, 2 aflyst, 0 uden oplægsholder")
        sessions = [line for line in lines if " kl. 14.00  " in line]
        assert len(sessions) == 11
        assert all(line.startswith("  fre. 2027-0") for line in sessions)
        assert "  fre. 2027-03-26: ikke en arbejdsdag (Langfredag)" in lines
        buddies = next(i for i, line in enumerate(lines) if line.startswith("Læringsmakkere"))
        assert lines[buddies].startswith("Læringsmakkere i uge 48 (")
        assert lines[buddies + 4].startswith("  … og ")
        assert lines[-1] == "  par fra samme team: 0; par gentaget fra de seneste 6 runder: 0"
        assert "" not in lines

    def test_english(self, examples: SharingExamples, organisation: ExampleOrganisation) -> None:
        """The same in English, with the same presenters and topics."""
        da = demo_lines(organisation.roster, examples, as_of=AS_OF, seed=2026, locale="da")
        en = demo_lines(organisation.roster, examples, as_of=AS_OF, seed=2026, locale="en")
        assert en[0] == "Knowledge sharing: Friday stories in Q1 2027"
        assert "  Fri 2027-03-26: not a working day (Langfredag)" in en
        assert en[-1].startswith("  pairs from one team: 0; pairs repeated")
        assert len(en) == len(da)
        topics = [line.rsplit(": ", 1)[1] for line in da if " kl. 14.00  " in line]
        assert [line.rsplit(": ", 1)[1] for line in en if " 14:00  " in line] == [
            "open topic" if topic == "frit emne" else topic for topic in topics
        ]

    def test_independent_of_input_order(
        self, examples: SharingExamples, organisation: ExampleOrganisation
    ) -> None:
        """Records given in another order give the same lines."""
        shuffled = attrs.evolve(
            examples,
            topics=tuple(reversed(examples.topics)),
            absences=tuple(reversed(examples.absences)),
            history=tuple(reversed(examples.history)),
            buddy_history=tuple(reversed(examples.buddy_history)),
        )
        roster = organisation.roster
        reordered = Roster(people=list(reversed(list(roster))), teams=reversed(roster.teams))
        assert demo_lines(reordered, shuffled, as_of=AS_OF, seed=3, locale="en") == demo_lines(
            roster, examples, as_of=AS_OF, seed=3, locale="en"
        )

    def test_few_people(self) -> None:
        """With one group the step names it and no more; unfilled sessions are counted."""
        organisation = example_organisation()
        roster = organisation.roster
        few = Roster(
            people=[attrs.evolve(p, manager=None) for p in roster if p.team == "data"][:3],
            teams=[attrs.evolve(team, manager=None) for team in roster.teams],
        )
        lines = demo_lines(few, build_sharing(few, AS_OF, 1), as_of=AS_OF, seed=1, locale="en")
        assert not any(line.startswith("  … ") for line in lines)
        assert "Learning buddies in week 48 (1 group, 2 colleagues):" in lines  # one is ill
        assert lines[1].endswith(", 1 without a presenter")

    def test_unknown_locale(
        self, examples: SharingExamples, organisation: ExampleOrganisation
    ) -> None:
        """An unknown locale is refused."""
        with pytest.raises(InvalidDataError):
            demo_lines(organisation.roster, examples, as_of=AS_OF, seed=1, locale="fr")  # type: ignore[arg-type]

    def test_shows_a_few_groups(self) -> None:
        """The number of groups shown is a small constant."""
        assert _demo_sharing.DEMO_BUDDY_GROUPS == 3
