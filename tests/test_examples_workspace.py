"""Tests for the example workspace: mentorships, meetings, plans and safety pulses."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit import examples, mentoring, nudges, serialize
from learnkit._example_goals import build_goals
from learnkit._example_mentorships import build_mentorships
from learnkit.examples import (
    AARHUS,
    EXAMPLE_AS_OF,
    EXAMPLE_SEED,
    ExampleOrganisation,
    example_organisation,
    example_workspace,
)
from learnkit.exceptions import InvalidDataError
from learnkit.mentoring import MentorshipStatus, check_in_dates, check_ins_due
from learnkit.safety import (
    EDMONDSON_ITEMS,
    EVERYONE,
    SafetyGroup,
    WithheldReason,
    pulse_results,
    safety_trend,
)
from learnkit.sharing import expand
from learnkit.time import Calendar, Period
from learnkit.workspace import Workspace

_OTHER_SEEDS = (1, 7, 99)
_OTHER_DATE = dt.date(2027, 3, 10)
_SHORT_SEED = 33  # a roster with fewer free experienced colleagues than earlier starters


@pytest.fixture(name="organisation", scope="module")
def _organisation() -> ExampleOrganisation:
    return example_organisation()


@pytest.fixture(name="workspace", scope="module")
def _workspace() -> Workspace:
    return example_workspace()


def _latest(organisation: ExampleOrganisation) -> str:
    return organisation.safety_surveys[-1].id


def _covered(workspace: Workspace) -> Period:
    """The days the workspace calendar's holiday list covers."""
    first, last = workspace.calendar.first_day, workspace.calendar.last_day
    assert first is not None
    assert last is not None
    return Period(first, last)


def _record_dates(workspace: Workspace) -> list[dt.date]:
    """Every date and time (as its date) in the workspace's records, calendars left out."""
    found: list[dt.date] = []

    def walk(value: object) -> None:
        if isinstance(value, Calendar):
            return
        if isinstance(value, dt.datetime):
            found.append(value.date())
        elif isinstance(value, dt.date):
            found.append(value)
        elif attrs.has(type(value)):
            for field in attrs.fields(type(value)):
                walk(getattr(value, field.name))
        elif isinstance(value, tuple | frozenset):
            for item in value:
                walk(item)

    for field in attrs.fields(Workspace):
        if field.name not in {"roster", "calendar"}:
            walk(getattr(workspace, field.name))
    return found


class TestExampleWorkspace:
    def test_is_the_organisations_workspace(
        self, organisation: ExampleOrganisation, workspace: Workspace
    ) -> None:
        """example_workspace() is the default organisation's workspace, with every record."""
        assert workspace == organisation.workspace
        assert workspace.roster == organisation.roster
        assert workspace.name == "Fjordlys A/S"
        assert organisation.sharing is not None
        assert workspace.series == organisation.sharing.series
        assert workspace.turns == organisation.sharing.history
        assert workspace.buddy_rounds == organisation.sharing.buddy_history
        assert workspace.topics == organisation.sharing.topics
        assert workspace.absences == organisation.sharing.absences
        for field in ("mentorships", "check_ins", "team_meetings", "plans", "goals", "tasks"):
            assert getattr(workspace, field) == getattr(organisation, field)
            assert getattr(workspace, field), field

    def test_is_cached_and_deterministic(self) -> None:
        """The same arguments give the same (cached) workspace; a rebuild is equal."""
        assert example_workspace() is example_workspace(seed=EXAMPLE_SEED, as_of=EXAMPLE_AS_OF)
        fresh = examples._build.__wrapped__(EXAMPLE_SEED, EXAMPLE_AS_OF)  # past the cache
        assert fresh.workspace == example_workspace()

    @pytest.mark.parametrize("seed", _OTHER_SEEDS)
    def test_other_seeds_and_dates_build_valid_workspaces(self, seed: int) -> None:
        """Any seed and date give a valid workspace that survives JSON."""
        workspace = example_workspace(seed=seed, as_of=_OTHER_DATE)
        assert workspace.mentorships
        covered = _covered(workspace)
        assert all(day in covered for day in _record_dates(workspace))
        assert len(workspace.safety_surveys) == 3
        assert serialize.from_json(serialize.to_json(workspace), Workspace) == workspace

    def test_calendar_covers_the_years_around_as_of(self, workspace: Workspace) -> None:
        """The Danish calendar runs from the year before as_of to two years after it."""
        calendar = workspace.calendar
        assert calendar.first_day == dt.date(EXAMPLE_AS_OF.year - 1, 1, 1)
        assert calendar.last_day == dt.date(EXAMPLE_AS_OF.year + 2, 12, 31)
        assert not calendar.is_working_day(dt.date(2026, 12, 25))

    def test_calendar_covers_every_records_dates(self, workspace: Workspace) -> None:
        """Every date in every record (the roster's start dates aside) is in the calendar."""
        days = _record_dates(workspace)
        covered = _covered(workspace)
        assert days
        assert all(day in covered for day in days)
        assert max(days) == max(meeting.series.last for meeting in workspace.team_meetings)

    def test_nudges_work_on_every_day_the_series_run(self, workspace: Workspace) -> None:
        """nudges.due answers on sampled days from the series' first to their last day."""
        firsts = [
            s.first for s in (*workspace.series, *(m.series for m in workspace.team_meetings))
        ]
        lasts = [s.last for s in (*workspace.series, *(m.series for m in workspace.team_meetings))]
        last = max(day for day in lasts if day is not None)
        tuesday = last - dt.timedelta(days=(last.weekday() - 1) % 7)  # the last team meetings
        days = [min(firsts), EXAMPLE_AS_OF, tuesday, last - dt.timedelta(days=1), last]
        zone = ZoneInfo("Europe/Copenhagen")
        said = {
            day: nudges.due(workspace, dt.datetime.combine(day, dt.time(9), zone), "da")
            for day in days
        }
        assert said[EXAMPLE_AS_OF]
        assert any(n.reason is nudges.NudgeReason.MEETING_OPENER for n in said[tuesday])

    @pytest.mark.parametrize("seed", [True, 1.5, "2026"])
    def test_seed_must_be_a_whole_number(self, seed: object) -> None:
        """A seed that is not a whole number is refused, naming it."""
        with pytest.raises(InvalidDataError, match="seed"):
            example_workspace(seed=seed)  # type: ignore[arg-type]

    def test_as_of_must_be_a_date(self) -> None:
        """A date that is not a date is refused, naming it."""
        with pytest.raises(InvalidDataError, match="as_of"):
            example_workspace(as_of="2026-11-23")  # type: ignore[arg-type]

    def test_fields_default_to_none(self, organisation: ExampleOrganisation) -> None:
        """An organisation built by hand without the new records still builds."""
        bare = ExampleOrganisation(
            seed=1, as_of=organisation.as_of, roster=organisation.roster,
            mentoring=organisation.mentoring,
        )  # fmt: skip
        assert bare.mentorships == bare.safety_responses == bare.plans == ()
        assert bare.workspace.series == ()
        with pytest.raises(InvalidDataError, match="safety_surveys"):
            attrs.evolve(organisation, safety_surveys=("tryghed",))


class TestMentorships:
    def test_ids_are_unique_and_people_known(self, organisation: ExampleOrganisation) -> None:
        """One mentorship per mentee, both on the roster, the mentor not in the management line."""
        roster = organisation.roster
        ids = [m.id for m in organisation.mentorships]
        assert len(ids) == len(set(ids))
        assert len({m.mentee for m in organisation.mentorships}) == len(ids)
        for item in organisation.mentorships:
            assert item.mentor in roster
            assert not roster.is_in_line_of_management(item.mentor, item.mentee)
            assert roster.person(item.mentor).start_date < roster.person(item.mentee).start_date

    def test_mentees_started_in_the_last_year(self, organisation: ExampleOrganisation) -> None:
        """Every mentee started within 365 days before as_of."""
        for item in organisation.mentorships:
            days = (organisation.as_of - organisation.roster.person(item.mentee).start_date).days
            assert 0 <= days <= 365

    def test_most_started_within_30_days(self, organisation: ExampleOrganisation) -> None:
        """Of those here 30+ days, most got a mentor within 30 days, one after 45, one none yet."""
        roster, as_of = organisation.roster, organisation.as_of
        by_mentee = {m.mentee: m for m in organisation.mentorships}
        joined = [p for p in roster if 30 <= (as_of - p.start_date).days <= 365]
        waited: dict[str, int | None] = {}
        for person in joined:
            item = by_mentee.get(person.id)
            started = item.started_on if item is not None else None
            waited[person.id] = None if started is None else (started - person.start_date).days
        days = [d for d in waited.values() if d is not None]
        assert sum(d <= 30 for d in days) >= len(joined) - 2
        assert sum(d >= 45 for d in days) == 1
        assert list(waited.values()).count(None) == 1

    def test_every_state_but_cancelled(self, organisation: ExampleOrganisation) -> None:
        """Active ones, a couple or more ended ones with a reflection, and one proposed."""
        statuses = Counter(m.status for m in organisation.mentorships)
        assert statuses[MentorshipStatus.ACTIVE] >= 5
        assert statuses[MentorshipStatus.ENDED] >= 2
        assert statuses[MentorshipStatus.PROPOSED] == 1
        for item in organisation.mentorships:
            if item.status is MentorshipStatus.ENDED:
                assert item.ended_on is not None
                assert item.ended_on < organisation.as_of
                assert item.reflection

    def test_newcomers_have_the_matched_mentor(self, organisation: ExampleOrganisation) -> None:
        """A newcomer's mentorship is with the mentor the optimal matching gives them."""
        matched = {m.mentee: m.mentor for m in mentoring.optimal(organisation.mentoring).matches}
        newcomers = {p.id for p in organisation.newcomers}
        found = [m for m in organisation.mentorships if m.mentee in newcomers]
        assert found
        for item in found:
            assert matched[item.mentee] == item.mentor

    def test_check_ins_follow_the_schedule(self, organisation: ExampleOrganisation) -> None:
        """Check-ins are held before as_of, after the start, near a scheduled working day."""
        by_id = {m.id: m for m in organisation.mentorships}
        calendar = organisation.calendar
        for check_in in organisation.check_ins:
            item = by_id[check_in.mentorship]
            assert item.started_on is not None
            assert item.started_on < check_in.held_on < organisation.as_of
            assert calendar.is_working_day(check_in.held_on)
            nearest = min(
                abs((day - check_in.held_on).days) for day in check_in_dates(item, calendar)
            )
            assert nearest <= 4

    def test_exactly_one_check_in_is_overdue(self, organisation: ExampleOrganisation) -> None:
        """As of as_of one active mentorship has missed its check-in of the week before."""
        due = check_ins_due(
            organisation.mentorships,
            as_of=organisation.as_of,
            calendar=organisation.calendar,
            held=organisation.check_ins,
        )
        overdue = [item for item in due if item.days_overdue > 0]
        assert len({item.mentorship for item in overdue}) == 1
        assert organisation.as_of - overdue[0].scheduled <= dt.timedelta(days=7)

    @settings(max_examples=10, deadline=None)
    @given(seed=st.integers())
    def test_check_ins_are_plausible_for_any_seed(self, seed: int) -> None:
        """For any seed: check-ins on working days within each mentorship, at most one overdue."""
        organisation = example_organisation()
        calendar = organisation.calendar
        made = build_mentorships(organisation.mentoring, organisation.as_of, seed, calendar)
        by_id = {m.id: m for m in made.mentorships}
        for check_in in made.check_ins:
            item = by_id[check_in.mentorship]
            assert item.started_on is not None
            assert item.started_on < check_in.held_on < organisation.as_of
            assert item.ended_on is None or check_in.held_on <= item.ended_on
            assert calendar.is_working_day(check_in.held_on)
        due = check_ins_due(
            made.mentorships, as_of=organisation.as_of, calendar=calendar, held=made.check_ins
        )
        late = {item.mentorship for item in due if item.days_overdue > 0}
        assert late == ({made.overdue} if made.overdue is not None else set())

    def test_without_free_colleagues_some_go_without(self) -> None:
        """When the experienced colleagues run out, no one gets a mentor who already has one."""
        organisation = example_organisation(seed=_SHORT_SEED)
        newcomers = {p.id for p in organisation.newcomers}
        earlier = [m for m in organisation.mentorships if m.mentee not in newcomers]
        assert len({m.mentor for m in earlier}) == len(earlier)
        joined = [
            p
            for p in organisation.roster
            if p.id not in newcomers and 90 <= (organisation.as_of - p.start_date).days <= 365
        ]
        assert len(earlier) < len(joined)


class TestMeetingsAndPlans:
    def test_every_team_meets_weekly(self, organisation: ExampleOrganisation) -> None:
        """One weekly team meeting per team, Tuesdays 09:30 except one team on another day."""
        meetings = organisation.team_meetings
        assert sorted(m.team for m in meetings) == sorted(t.id for t in organisation.roster.teams)
        assert len({m.id for m in meetings}) == len(meetings)
        days = Counter(m.series.rule for m in meetings)
        assert days["FREQ=WEEKLY;BYDAY=TU"] == len(meetings) - 1
        for meeting in meetings:
            assert meeting.series.format.id == "team_meeting"
            assert meeting.series.time_zone.key == "Europe/Copenhagen"

    def test_meetings_skip_holidays_and_run_in_the_week_of_as_of(
        self, organisation: ExampleOrganisation
    ) -> None:
        """Meetings are held on working days, one in the week of as_of and none on Christmas."""
        monday = organisation.as_of - dt.timedelta(days=organisation.as_of.weekday())
        week = Period(monday, monday + dt.timedelta(days=6))
        for meeting in organisation.team_meetings:
            sessions = expand(meeting.series, Period(monday, dt.date(2027, 1, 31))).sessions
            assert sum(s.held_on in week for s in sessions) == 1
            assert all(organisation.calendar.is_working_day(s.held_on) for s in sessions)

    def test_the_plan_reminds_a_presenter_this_week(
        self, organisation: ExampleOrganisation
    ) -> None:
        """The published Friday-story plan starts on as_of with a session that same week."""
        (plan,) = organisation.plans
        assert plan.series == "fredag"
        assert plan.period.first == organisation.as_of
        first = plan.assignments[0].session.held_on
        assert first - organisation.as_of < dt.timedelta(days=7)
        assert plan.assignments[0].presenters


class TestSafety:
    def test_three_quarterly_pulses(self, organisation: ExampleOrganisation) -> None:
        """Three pulses 13 weeks apart, the latest closing in the week before as_of, k = 5."""
        surveys = organisation.safety_surveys
        assert len(surveys) == 3
        assert len({s.id for s in surveys}) == 3
        closes = [s.period.last for s in surveys]
        assert [b - a for a, b in itertools.pairwise(closes)] == [dt.timedelta(weeks=13)] * 2
        assert dt.timedelta(days=1) < organisation.as_of - closes[-1] <= dt.timedelta(days=7)
        assert all(s.min_respondents == 5 and s.points == 7 for s in surveys)

    def test_pulses_fall_in_the_story_period_and_the_one_before(
        self, organisation: ExampleOrganisation
    ) -> None:
        """One pulse in the 91 days ending on as_of, one in the 91 days before."""
        story = Period(organisation.as_of - dt.timedelta(days=90), organisation.as_of)
        assert [story.previous().first <= s.period.last for s in organisation.safety_surveys] == [
            False,
            True,
            True,
        ]
        assert sum(s.period.last in story for s in organisation.safety_surveys) == 1

    def test_responses_are_valid(self, organisation: ExampleOrganisation) -> None:
        """Every response answers all seven items in range, within its survey's period."""
        surveys = {s.id: s for s in organisation.safety_surveys}
        teams = {t.id for t in organisation.roster.teams}
        for response in organisation.safety_responses:
            survey = surveys[response.survey]
            assert response.team in teams
            assert response.submitted_on in survey.period
            assert organisation.calendar.is_working_day(response.submitted_on)
            assert all(a is not None and 1 <= a <= survey.points for a in response.answers)
            assert response.groups <= {"aarhus", "nyansat"}

    def test_no_person_id_anywhere(self, organisation: ExampleOrganisation) -> None:
        """No response nor survey holds a person id, even in its JSON."""
        ids = {person.id for person in organisation.roster}
        for record in (*organisation.safety_responses, *organisation.safety_surveys):
            text = serialize.to_json(record)
            assert not any(f'"{person_id}"' in text for person_id in ids)

    def test_respondents_fit_the_teams(self, organisation: ExampleOrganisation) -> None:
        """No team has more respondents, or more in Aarhus, than it has people."""
        for survey in organisation.safety_surveys:
            counts = Counter(r.team for r in organisation.safety_responses if r.survey == survey.id)
            aarhus = Counter(
                r.team
                for r in organisation.safety_responses
                if r.survey == survey.id and "aarhus" in r.groups
            )
            for team, count in counts.items():
                members = organisation.roster.members(team)
                assert count <= len(members)
                assert aarhus[team] <= sum(p.location == AARHUS for p in members)

    def test_exactly_one_team_below_five_in_the_latest_pulse(
        self, organisation: ExampleOrganisation
    ) -> None:
        """In the latest pulse only the smallest team has fewer than 5 respondents; earlier none."""
        for survey in organisation.safety_surveys:
            counts = Counter(r.team for r in organisation.safety_responses if r.survey == survey.id)
            assert set(counts) == {t.id for t in organisation.roster.teams}
            small = sorted(team for team, count in counts.items() if count < 5)
            assert small == (["stab"] if survey.id == _latest(organisation) else [])

    def test_one_team_answered_fully_only_in_aarhus(
        self, organisation: ExampleOrganisation
    ) -> None:
        """In the latest pulse one team and its Aarhus subgroup both reach 5 but differ by fewer."""
        latest = [r for r in organisation.safety_responses if r.survey == _latest(organisation)]
        revealing = []
        for team in {r.team for r in latest}:
            total = sum(r.team == team for r in latest)
            aarhus = sum(r.team == team and "aarhus" in r.groups for r in latest)
            if total >= 5 and aarhus >= 5 and 0 < total - aarhus < 5:
                revealing.append(team)
        assert revealing == ["salg"]

    def test_the_latest_pulse_shows_anonymity_at_work(
        self, organisation: ExampleOrganisation
    ) -> None:
        """What the demo shows: a team too few, one would reveal, two the same, the rest shown."""
        survey = organisation.safety_surveys[-1]
        results = pulse_results(
            survey, [r for r in organisation.safety_responses if r.survey == survey.id]
        )
        teams = ("data", "kundeservice", "platform", "produkt")
        assert [score.group for score in results.released] == [
            EVERYONE,
            *(SafetyGroup(team) for team in teams),
            SafetyGroup("salg", "aarhus"),
        ]
        withheld = {(w.group, w.reason, w.because_of) for w in results.withheld}
        team_level = {entry for entry in withheld if entry[0].label is None}
        assert team_level == {
            (SafetyGroup("stab"), WithheldReason.TOO_FEW, None),
            (SafetyGroup("salg"), WithheldReason.WOULD_REVEAL, EVERYONE),
        }
        same = {entry for entry in withheld if entry[1] is WithheldReason.SAME_AS}
        assert same == {
            (SafetyGroup(team, "aarhus"), WithheldReason.SAME_AS, SafetyGroup(team))
            for team in ("data", "kundeservice")
        }

    def test_the_trend_moves(self, organisation: ExampleOrganisation) -> None:
        """Everyone's result is shown in every pulse and changes each time, as the demo shows."""
        trend = safety_trend(organisation.safety_surveys, organisation.safety_responses, EVERYONE)
        assert len(trend) == 3
        assert all(point.result is not None for point in trend)
        assert trend[0].change is None
        assert all(point.change for point in trend[1:])

    def test_scores_differ_by_team_and_move(self, organisation: ExampleOrganisation) -> None:
        """Team means (reverse-coded) differ between teams and change between pulses."""
        means: dict[tuple[str, str], float] = {}
        for survey in organisation.safety_surveys:
            for team in {t.id for t in organisation.roster.teams}:
                scored = [
                    item.scored(answer, survey.points)
                    for r in organisation.safety_responses
                    if r.survey == survey.id and r.team == team
                    for item, answer in zip(EDMONDSON_ITEMS, r.answers, strict=True)
                    if answer is not None
                ]
                means[survey.id, team] = sum(scored) / len(scored)
        first, _, latest = (s.id for s in organisation.safety_surveys)
        assert means[latest, "data"] - means[latest, "salg"] > 0.7
        assert means[latest, "kundeservice"] - means[first, "kundeservice"] > 0.3
        assert means[first, "salg"] - means[latest, "salg"] > 0.3
        assert all(1 <= mean <= 7 for mean in means.values())

    def test_safe_teams_answer_the_negative_items_low(
        self, organisation: ExampleOrganisation
    ) -> None:
        """In the safest team, items 1, 3 and 5 are answered lower than the others."""
        answers = [r.answers for r in organisation.safety_responses if r.team == "data"]
        negative = [a[i] for a in answers for i in (0, 2, 4) if a[i] is not None]
        positive = [a[i] for a in answers for i in (1, 3, 5, 6) if a[i] is not None]
        assert sum(negative) / len(negative) < 3 < sum(positive) / len(positive)

    @pytest.mark.parametrize("seed", _OTHER_SEEDS)
    def test_the_small_team_holds_for_other_seeds(self, seed: int) -> None:
        """For any seed, exactly one team has fewer than 5 respondents in the latest pulse."""
        organisation = example_organisation(seed=seed, as_of=_OTHER_DATE)
        latest = _latest(organisation)
        counts = Counter(r.team for r in organisation.safety_responses if r.survey == latest)
        assert sorted(team for team, count in counts.items() if count < 5) == ["stab"]


class TestEarlierQuarter:
    def test_recognitions_cover_the_quarter_before(self, organisation: ExampleOrganisation) -> None:
        """Earlier recognitions lie in the 91 days before the story period, with their own ids."""
        story = Period(organisation.as_of - dt.timedelta(days=90), organisation.as_of)
        earlier = organisation.earlier_recognitions
        assert len(earlier) >= 30
        assert all(item.id.endswith("-forrige") for item in earlier)
        assert all(item.at.date() in story.previous() for item in earlier)
        assert not {item.id for item in earlier} & {item.id for item in organisation.recognitions}

    def test_allocations_join_without_gap_or_overlap(
        self, organisation: ExampleOrganisation
    ) -> None:
        """Earlier weeks end where the last twelve begin; nobody has a week twice."""
        earlier = {item.week for item in organisation.earlier_allocations}
        later = {item.week for item in organisation.allocations}
        assert len(earlier) == len(later) == 12
        assert max(earlier) + dt.timedelta(weeks=1) == min(later)

    def test_the_workspace_holds_both_quarters(
        self, organisation: ExampleOrganisation, workspace: Workspace
    ) -> None:
        """The workspace's recognitions and allocations are both quarters'."""
        assert len(workspace.recognitions) == len(organisation.earlier_recognitions) + len(
            organisation.recognitions
        )
        assert set(workspace.allocations) == {
            *organisation.earlier_allocations,
            *organisation.allocations,
        }

    def test_the_last_quarter_is_unchanged(self, organisation: ExampleOrganisation) -> None:
        """The last quarter's records are exactly what the goals example gives on its own."""
        alone = build_goals(organisation.roster, organisation.as_of, organisation.seed)
        assert organisation.recognitions == alone.recognitions
        assert organisation.allocations == alone.allocations
