"""Tests for learnkit.ical: RFC 5545 export of a plan that round-trips through icalendar."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from hypothesis import given, settings

from learnkit.exceptions import InvalidDataError
from learnkit.ical import PRODID, to_ical
from learnkit.people import Person, Roster, Team
from learnkit.sharing import FRIDAY_STORY, MINI_WORKSHOP, Plan, SessionSeries, Topic, plan
from learnkit.strategies import plans
from learnkit.time import Calendar

STAMP = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)
ROSTER = Roster(
    people=[
        Person(id="p1", name="Mette Sørensen", team="data", start_date=dt.date(2020, 1, 1)),
        Person(id="p2", name="Jens Ågård", team="drift", start_date=dt.date(2020, 1, 1)),
    ],
    teams=[Team(id="data", name="Data"), Team(id="drift", name="Drift")],
)
SERIES = SessionSeries(
    id="fredag",
    name="Fredagsfortælling",
    format=FRIDAY_STORY,
    rule="FREQ=WEEKLY;BYDAY=FR",
    start_time=dt.time(14),
    first=dt.date(2027, 3, 19),
    last=dt.date(2027, 4, 9),
)


def events(text: str) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(text).walk("VEVENT"))


class TestToIcal:
    def test_one_event_per_session_with_stable_uids(self) -> None:
        """UIDs are the session ids; re-planning keeps them."""
        topics = [
            Topic(
                id="t1",
                title="Hypothesis i praksis",
                proposed_by="p1",
                proposed_on=dt.date(2027, 1, 4),
            )
        ]
        made = plan(SERIES, ROSTER, SERIES.period, topics=topics)
        found = events(to_ical(made, SERIES, stamp=STAMP, roster=ROSTER))
        assert [str(e["UID"]) for e in found] == [
            f"{a.session.id}@learnkit" for a in made.assignments
        ]
        assert str(found[0]["SUMMARY"]).startswith("Fredagsfortælling: Hypothesis i praksis – ")
        assert str(found[1]["SUMMARY"]).startswith("Fredagsfortælling: frit emne – ")
        assert "færrest blandt" in str(found[0]["DESCRIPTION"])

    def test_times_round_trip_across_the_march_change(self) -> None:
        """14:00 is +01:00 before 28 March 2027 and +02:00 after, and both come back exactly."""
        made = plan(SERIES, ROSTER, SERIES.period)
        text = to_ical(made, SERIES, stamp=STAMP, roster=ROSTER, locale="en")
        assert "BEGIN:VTIMEZONE" in text
        assert "TZID:Europe/Copenhagen" in text
        for event, assignment in zip(events(text), made.assignments, strict=True):
            assert event.decoded("DTSTART") == assignment.session.start
            assert event.decoded("DTEND") == assignment.session.end
            assert event.decoded("DTSTART").tzinfo.key == "Europe/Copenhagen"
            assert event.decoded("DTSTART").utcoffset() == assignment.session.start.utcoffset()
        assert "Fredagsfortælling: open topic – Mette Sørensen" in text.replace("\r\n ", "")

    def test_the_repeated_hour_is_written_exactly(self) -> None:
        """A workshop at 02:30 on the October change day keeps its length in UTC."""
        series = SessionSeries(
            id="nat",
            name="Natværksted",
            format=MINI_WORKSHOP,
            rule="FREQ=WEEKLY;BYDAY=SU",
            start_time=dt.time(2, 30),
            first=dt.date(2027, 10, 31),
            last=dt.date(2027, 10, 31),
            calendar=Calendar(weekend=[5]),
        )
        made = plan(series, ROSTER, series.period)
        (event,) = events(to_ical(made, series, stamp=STAMP))
        (assignment,) = made.assignments
        # Compared in UTC: Python never calls a time in the repeated hour equal to
        # one in another zone (PEP 495), however the two instants compare.
        assert event.decoded("DTSTART") == assignment.session.start.astimezone(dt.UTC)
        assert event.decoded("DTEND") == assignment.session.end.astimezone(dt.UTC)
        assert event.decoded("DTEND") - event.decoded("DTSTART") == dt.timedelta(hours=1)

    def test_same_arguments_same_text(self) -> None:
        """No clock, no randomness: the export is a pure function."""
        made = plan(SERIES, ROSTER, SERIES.period)
        assert to_ical(made, SERIES, stamp=STAMP) == to_ical(made, SERIES, stamp=STAMP)
        assert f"PRODID:{PRODID}" in to_ical(made, SERIES, stamp=STAMP)

    def test_bad_arguments_are_named(self) -> None:
        """Another series' plan, a naive stamp and an unknown locale are refused."""
        made = plan(SERIES, ROSTER, SERIES.period)
        other = SessionSeries(
            id="workshop",
            name="W",
            format=FRIDAY_STORY,
            rule="FREQ=DAILY",
            start_time=dt.time(9),
            first=SERIES.first,
            last=SERIES.last,
        )
        with pytest.raises(InvalidDataError, match="plan"):
            to_ical(made, other, stamp=STAMP)
        with pytest.raises(InvalidDataError, match="stamp"):
            to_ical(made, SERIES, stamp=dt.datetime(2026, 11, 26))
        with pytest.raises(InvalidDataError, match="locale"):
            to_ical(made, SERIES, stamp=STAMP, locale="de")  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("changes", "path"),
        [
            ({"plan": "x"}, "plan"),
            ({"series": "x"}, "series"),
            ({"roster": []}, "roster"),
            ({"uid_domain": ""}, "uid_domain"),
            ({"uid_domain": "  "}, "uid_domain"),
            ({"uid_domain": 7}, "uid_domain"),
        ],
    )
    def test_arguments_of_another_type_are_named(
        self, changes: dict[str, object], path: str
    ) -> None:
        """Not a plan, series or roster, or an empty UID domain: the error names the argument."""
        arguments: dict[str, object] = {
            "plan": plan(SERIES, ROSTER, SERIES.period),
            "series": SERIES,
            "stamp": STAMP,
            "roster": ROSTER,
        }
        arguments.update(changes)
        with pytest.raises(InvalidDataError) as caught:
            to_ical(**arguments)  # type: ignore[arg-type]
        assert [p.path for p in caught.value.problems] == [path]

    def test_unfilled_sessions_get_no_event(self) -> None:
        """Only sessions with a presenter are invitations; an unfilled one is left out."""
        made = plan(SERIES, ROSTER, SERIES.period)
        first, *rest = made.assignments
        partly = Plan(
            series=made.series,
            period=made.period,
            seed=made.seed,
            assignments=tuple(rest),
            unfilled=(first.session,),
        )
        found = events(to_ical(partly, SERIES, stamp=STAMP, roster=ROSTER))
        assert [str(e["UID"]) for e in found] == [f"{a.session.id}@learnkit" for a in rest]

    def test_the_description_names_presenters_with_a_roster(self) -> None:
        """With a roster the description shows names and team names; without it, ids."""
        made = plan(SERIES, ROSTER, SERIES.period)
        named = events(to_ical(made, SERIES, stamp=STAMP, roster=ROSTER, locale="en"))
        bare = events(to_ical(made, SERIES, stamp=STAMP, locale="en"))
        for with_names, with_ids, assignment in zip(named, bare, made.assignments, strict=True):
            (choice,) = assignment.presenters
            person = ROSTER.person(choice.person)
            team = ROSTER.team(choice.team).name
            lines = str(with_names["DESCRIPTION"]).split("\n")
            assert lines[0].startswith(f"{person.name} ({team}) has presented ")
            assert str(with_ids["DESCRIPTION"]).startswith(f"{choice.person} ({choice.team}) ")
            assert lines[1:] == list(assignment.explain("en"))[1:]
        again = to_ical(made, SERIES, stamp=STAMP, roster=ROSTER, locale="en")
        assert again == to_ical(made, SERIES, stamp=STAMP, roster=ROSTER, locale="en")

    def test_someone_not_on_the_roster_keeps_their_id(self) -> None:
        """A presenter or team the roster does not know is shown by id; names lose format marks."""
        made = plan(SERIES, ROSTER, SERIES.period)
        partial = Roster(
            people=[
                Person(
                    id="p1",
                    name="Mette\u200b Sørensen",
                    team="data",
                    start_date=dt.date(2020, 1, 1),
                )
            ],
            teams=[Team(id="data", name="Data")],
        )
        found = events(to_ical(made, SERIES, stamp=STAMP, roster=partial, locale="en"))
        shown = {str(event["DESCRIPTION"]).split(" has presented")[0] for event in found}
        assert shown == {"Mette Sørensen (Data)", "p2 (drift)"}

    def test_an_empty_plan_is_an_empty_calendar(self) -> None:
        """No sessions, no events and no time zones, but a valid calendar."""
        empty = Plan(series="fredag", period=SERIES.period, seed=0, assignments=())
        assert events(to_ical(empty, SERIES, stamp=STAMP)) == []

    @settings(max_examples=15)
    @given(plans())
    def test_every_generated_plan_round_trips(self, made: Plan) -> None:
        """Whatever the zone, rule and wall time, start and end times come back exactly."""
        series = SessionSeries(
            id=made.series,
            name="Serie",
            format=FRIDAY_STORY,
            rule="FREQ=DAILY",
            start_time=dt.time(14),
            first=made.period.first,
            last=made.period.last,
            time_zone=made.assignments[0].session.start.tzinfo,  # type: ignore[arg-type]
        )
        found = events(to_ical(made, series, stamp=STAMP))
        assert len(found) == len(made.assignments)
        for event, assignment in zip(found, made.assignments, strict=True):
            assert event.decoded("DTSTART").astimezone(
                dt.UTC
            ) == assignment.session.start.astimezone(dt.UTC)
            assert event.decoded("DTEND").astimezone(dt.UTC) == assignment.session.end.astimezone(
                dt.UTC
            )
