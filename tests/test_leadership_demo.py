"""The demo step on goal health and the operations/development balance (_demo_goals)."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from learnkit._demo_goals import DEMO_GOAL_LINES, demo_lines
from learnkit._example_goals import GoalExamples, build_goals
from learnkit.examples import EXAMPLE_AS_OF, EXAMPLE_SEED, ExampleOrganisation, example_organisation
from learnkit.exceptions import InvalidDataError, UnknownIdError
from learnkit.goals import LearningGoal
from learnkit.i18n import Locale
from learnkit.leadership import TimeAllocation
from learnkit.people import Person, Roster, Team
from learnkit.time import Calendar


@pytest.fixture(name="organisation", scope="module")
def _organisation() -> ExampleOrganisation:
    return example_organisation()


@pytest.fixture(name="examples", scope="module")
def _examples(organisation: ExampleOrganisation) -> GoalExamples:
    return build_goals(organisation.roster, EXAMPLE_AS_OF, EXAMPLE_SEED)


def lines(
    organisation: ExampleOrganisation,
    examples: GoalExamples,
    locale: Locale,
    team: str = "platform",
    shuffle: int | None = None,
) -> list[str]:
    """The demo lines for a team, the records shuffled with a seed when asked."""
    goals, reviews, allocations = (
        list(examples.goals),
        list(examples.reviews),
        list(examples.allocations),
    )
    if shuffle is not None:
        rng = random.Random(shuffle)
        for records in (goals, reviews, allocations):
            rng.shuffle(records)  # type: ignore[arg-type]
    return demo_lines(
        organisation.roster,
        goals,
        reviews,
        allocations,
        team=team,
        as_of=EXAMPLE_AS_OF,
        calendar=Calendar(),
        locale=locale,
    )


class TestDemoLines:
    def test_danish(self, organisation: ExampleOrganisation, examples: GoalExamples) -> None:
        """A heading, goal health with an overdue goal, the balance, who has no development."""
        shown = lines(organisation, examples, "da")
        assert shown[0] == "Læringsmål og balancen mellem drift og udvikling i Platform"
        assert shown[1].startswith("  Læringsmål: ")
        assert "2 over tid" in shown[1]
        assert shown[2].startswith("    ! ")
        assert "(over tid siden 2026-" in shown[2]
        assert any(line.startswith("  Opfølgning efter MUS venter for: ") for line in shown)
        assert any(line.startswith("  Udviklingstid de seneste 12 uger: ") for line in shown)
        assert any("har ikke haft tid til udvikling de seneste 4 uger" in line for line in shown)
        assert 5 <= len(shown) <= 16

    def test_english(self, organisation: ExampleOrganisation, examples: GoalExamples) -> None:
        """The same section in English."""
        shown = lines(organisation, examples, "en")
        assert shown[0] == "Learning goals and the operations/development balance in Platform"
        assert any("has had no development time in the last 4 weeks" in line for line in shown)
        assert any("(target 10–20%)" in line for line in shown)

    @pytest.mark.parametrize("team", ["data", "salg", "kundeservice"])
    def test_independent_of_input_order(
        self, organisation: ExampleOrganisation, examples: GoalExamples, team: str
    ) -> None:
        """Shuffled records give the same lines."""
        assert lines(organisation, examples, "da", team, shuffle=1) == lines(
            organisation, examples, "da", team
        )

    def test_lists_at_most_a_few_goals(
        self, organisation: ExampleOrganisation, examples: GoalExamples
    ) -> None:
        """At most DEMO_GOAL_LINES goals are listed, overdue ones before stale ones."""
        for team in organisation.roster.teams:
            shown = lines(organisation, examples, "en", team.id)
            end = next(i for i, line in enumerate(shown) if "review follow-up" in line)
            goal_lines = shown[2:end]
            assert 1 <= len(goal_lines) <= DEMO_GOAL_LINES
            markers = [line[4] for line in goal_lines]
            assert markers == sorted(markers, key="!·".index)

    def test_a_team_without_records(self) -> None:
        """No goals and no hours: zero counts and a line saying no hours were recorded."""
        roster = Roster(
            people=[Person(id="x", name="X", team="t", start_date=dt.date(2020, 1, 1))],
            teams=[Team(id="t", name="Tomt team")],
        )
        shown = demo_lines(
            roster, [], [], [], team="t", as_of=EXAMPLE_AS_OF, calendar=Calendar(), locale="da"
        )
        assert shown == [
            "Læringsmål og balancen mellem drift og udvikling i Tomt team",
            "  Læringsmål: 0 aktive, 0 over tid, 0 uden fremskridt i 6 uger",
            "  Ingen opfølgning efter MUS venter.",
            "  Ingen timer registreret de seneste 12 uger.",
        ]

    def test_stale_goal_without_notes(self) -> None:
        """A goal in progress without any note says so."""
        roster = Roster(
            people=[Person(id="x", name="X", team="t", start_date=dt.date(2020, 1, 1))],
            teams=[Team(id="t", name="T")],
        )
        goal = LearningGoal(
            id="g",
            owner="x",
            title="Lære at holde oplæg",
            success_criterion="Har holdt to oplæg",
            target_date=EXAMPLE_AS_OF + dt.timedelta(days=30),
            status="in_progress",  # type: ignore[arg-type]
            agreed_on=dt.date(2026, 1, 5),
            started_on=dt.date(2026, 1, 12),
        )
        allocation = TimeAllocation(
            person="x", week=dt.date(2026, 11, 16), development_hours=2, operations_hours=35
        )
        shown = demo_lines(
            roster,
            [goal],
            [],
            [allocation],
            team="t",
            as_of=EXAMPLE_AS_OF,
            calendar=Calendar(),
            locale="en",
        )
        assert "    · X: Lære at holde oplæg (no note yet)" in shown
        assert any(line.startswith("    · X: 5% development") for line in shown)

    def test_refuses_unknown_team_and_locale(
        self, organisation: ExampleOrganisation, examples: GoalExamples
    ) -> None:
        """An unknown team or locale is refused."""
        with pytest.raises(UnknownIdError):
            lines(organisation, examples, "da", team="nope")
        with pytest.raises(InvalidDataError):
            lines(organisation, examples, "sv")  # type: ignore[arg-type]
