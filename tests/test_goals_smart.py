"""The SMART check: a table of Danish and English goals, the limits, and properties."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from learnkit.exceptions import InvalidDataError
from learnkit.goals import (
    VAGUE_PHRASES,
    Activity,
    ActivityKind,
    DevelopmentReview,
    GoalStatus,
    LearningGoal,
    SmartCriterion,
    SmartFinding,
    smart_check,
    vague_phrases,
)
from learnkit.goals._smart import CODES
from learnkit.i18n import LOCALES, translate
from learnkit.strategies import _goals

D = dt.date
ON_THE_JOB = Activity(ActivityKind.ON_THE_JOB, "Parprogrammering med en kollega")
FORMAL = Activity(ActivityKind.FORMAL, "Kursus")


def goal(title: str, criterion: str = "Tre gennemførte forløb", **changes: object) -> LearningGoal:
    """A goal that is SMART but for what the test changes."""
    values: dict[str, object] = {
        "id": "g-1",
        "owner": "p01",
        "title": title,
        "success_criterion": criterion,
        "target_date": D(2026, 9, 1),
        "activities": (ON_THE_JOB,),
        "skills": ("kommunikation",),
    }
    values.update(changes)
    return LearningGoal(**values)  # type: ignore[arg-type]


def codes(item: LearningGoal, **arguments: object) -> set[str]:
    """The codes the check finds."""
    return {finding.code for finding in smart_check(item, **arguments)}  # type: ignore[arg-type]


UNLINKED: dict[str, object] = {"skills": ()}

DANISH = [
    ("Blive bedre til SQL", "Tre gennemførte forløb", {}, {"title_vague"}),
    ("Lære mere om Kubernetes", "Tre gennemførte forløb", {}, {"title_vague"}),
    ("Styrke mine præsentationsevner", "Tre gennemførte forløb", {}, {"title_vague"}),
    ("Udvikle mig som leder", "Tre gennemførte forløb", {}, {"title_vague"}),
    ("Holde en fredagsfortælling om deploy-pipelinen", "Har holdt oplægget", {}, set()),
    ("Python", "Tre gennemførte forløb", {}, {"title_too_short"}),
    ("Lære Kubernetes", "Tre gennemførte forløb", {}, {"title_too_short"}),
    ("Få styr på Terraform-modulerne", "Tre gennemførte forløb", {}, {"title_vague"}),
    ("Facilitere teamets retrospektiv alene", "", {}, {"criterion_missing"}),
    ("Skrive integrationstest til betalingen", "Føler mig mere sikker", {}, {"criterion_vague"}),
    ("Have fokus på kundedialogen generelt", "Tre samtaler", {}, {"title_vague"}),
    (
        "Blive dygtigere til at skrive",
        "Blive bedre til det",
        {},
        {"title_vague", "criterion_vague"},
    ),
    (
        "Opsætte overvågning af datapipelinen",
        "Alarmer i drift",
        {"activities": ()},
        {"no_activities"},
    ),
    (
        "Tage AWS-certificering som arkitekt",
        "Bestået eksamen",
        {"activities": (FORMAL,)},
        {"no_on_the_job"},
    ),
    ("Mentorere en ny kollega i tre måneder", "Seks møder holdt", UNLINKED, {"not_linked"}),
    ("Forbedre mine SQL-forespørgsler", "Halveret svartid", {}, {"title_vague"}),
    ("Kende mere til GDPR-reglerne", "Bestået quiz", {}, {"title_vague"}),
    ("STYRKE samarbejdet med salg", "To fælles møder", {}, {"title_vague"}),
    ("Styrketræning i frokostpausen hver uge", "Tolv gange", {}, set()),
    ("Holde oplæg på en miniworkshop", "Et oplæg holdt", {"target_date": None}, {"target_missing"}),
    ("Bliver bedre til SQL", "Tre gennemførte forløb", {}, {"title_vague"}),
    ("Blive klogere på Kafka", "Tre gennemførte forløb", {}, {"title_vague"}),
    ("Lære lidt om Kafka", "Tre gennemførte forløb", {}, {"title_vague"}),
    ("Øge min viden om Kafka", "Tre gennemførte forløb", {}, {"title_vague"}),
    ("Mere viden om Kafka", "Tre gennemførte forløb", {}, {"title_vague"}),
    ("Dygtiggøre mig i SQL", "Tre gennemførte forløb", {}, {"title_vague"}),
    ("Forstå vores betalingsflow bedre", "Tre gennemførte forløb", {}, {"title_vague"}),
    ("Dele viden om Kafka på et fredagsoplæg", "Et oplæg holdt", {}, set()),
    ("Skrive et klogt svar på hver kundehenvendelse", "Tre svar om ugen", {}, set()),
]

ENGLISH = [
    ("Get better at SQL", "Three reports shipped", {}, {"title_vague"}),
    ("Learn more about Kubernetes", "Three reports shipped", {}, {"title_vague"}),
    ("Improve my presentation skills", "Three talks given", {}, {"title_vague"}),
    ("Give a Friday story on our deploy pipeline", "Talk given to 20 people", {}, set()),
    ("Python", "Three reports shipped", {}, {"title_too_short"}),
    ("Strengthen stakeholder communication", "Monthly update sent", {}, {"title_vague"}),
    ("Develop myself as a leader", "Two 1:1s a month", {}, {"title_vague"}),
    ("Run the team retrospective without help", "", {}, {"criterion_missing"}),
    ("Write integration tests for checkout", "Feel more confident", {}, {"criterion_vague"}),
    ("Learn about Terraform etc", "Module merged", {}, {"title_vague"}),
    ("Brush up on statistics in general", "Course passed", {}, {"title_vague"}),
    ("Set up monitoring for the pipeline", "Alerts live", {"activities": ()}, {"no_activities"}),
    (
        "Pass the AWS solutions architect exam",
        "Exam passed",
        {"activities": (FORMAL,)},
        {"no_on_the_job"},
    ),
    ("Mentor a new colleague for three months", "Six meetings held", UNLINKED, {"not_linked"}),
    (
        "Lead a blameless incident review",
        "Review published",
        {"target_date": None},
        {"target_missing"},
    ),
    (
        "Become better at estimating stories",
        "Get better at estimates",
        {},
        {"title_vague", "criterion_vague"},
    ),
    ("Enhancement of the CI pipeline docs", "Docs merged", {}, set()),
    ("Focus on pairing with the data team", "Four sessions", {}, {"title_vague"}),
    ("Gain experience with on-call duty", "Two on-call weeks", {}, {"title_vague"}),
    ("Getting better at SQL", "Three reports shipped", {}, {"title_vague"}),
    ("Learning more about Kafka", "Three reports shipped", {}, {"title_vague"}),
    ("Improving my SQL", "Three reports shipped", {}, {"title_vague"}),
    ("Become a better presenter", "Three talks given", {}, {"title_vague"}),
    ("Understand Kafka better", "Three reports shipped", {}, {"title_vague"}),
    ("Write a better runbook for Kafka", "Runbook merged", {}, set()),
    ("Explain our Kafka setup to new hires", "Two sessions held", {}, set()),
]


class TestTable:
    @pytest.mark.parametrize(("title", "criterion", "changes", "expected"), DANISH)
    def test_danish(
        self, title: str, criterion: str, changes: dict[str, object], expected: set[str]
    ) -> None:
        """Danish goals get exactly the expected findings."""
        assert codes(goal(title, criterion, **changes)) == expected

    @pytest.mark.parametrize(("title", "criterion", "changes", "expected"), ENGLISH)
    def test_english(
        self, title: str, criterion: str, changes: dict[str, object], expected: set[str]
    ) -> None:
        """English goals get exactly the expected findings."""
        assert codes(goal(title, criterion, **changes)) == expected

    def test_table_sizes(self) -> None:
        """The table holds at least fifteen examples in each language."""
        assert len(DANISH) >= 15
        assert len(ENGLISH) >= 15


class TestPhrases:
    def test_longest_phrase_wins(self) -> None:
        """Overlapping phrases report the longest, each once, in text order."""
        assert vague_phrases("Blive bedre til at blive bedre til SQL generelt") == (
            "blive bedre til",
            "generelt",
        )

    def test_whole_words_only(self) -> None:
        """A phrase inside another word is not a match."""
        assert vague_phrases("Styrketræning og enhancement") == ()

    def test_whitespace_and_case(self) -> None:
        """Line breaks, double spaces and capitals do not hide a phrase."""
        assert vague_phrases("LÆRE\n  MERE om test") == ("lære mere om",)

    def test_every_listed_phrase_is_found(self) -> None:
        """Each listed phrase is recognised on its own."""
        for phrases in VAGUE_PHRASES.values():
            for phrase in phrases:
                assert vague_phrases(f"x {phrase} y"), phrase

    def test_gap_reports_the_words(self) -> None:
        """A phrase with a gap matches one to four words and reports them as written."""
        assert vague_phrases("Understand Kafka better") == ("understand kafka better",)
        assert vague_phrases("Forstå vores nye API endnu bedre") == (
            "forstå vores nye api endnu bedre",
        )
        assert vague_phrases("Understand the new event bus and its API better") == ()
        assert vague_phrases("Understand better") == ("understand better",)

    def test_finding_names_the_phrases(self) -> None:
        """The finding carries the phrases and the suggestion quotes them."""
        (finding,) = smart_check(goal("Lære mere om Kubernetes"))
        assert finding.phrases == ("lære mere om",)
        assert "“lære mere om”" in finding.suggestion("da")
        assert finding.suggestion("en").startswith("The title is vague")


class TestAchievable:
    def test_count_given_as_number(self) -> None:
        """A count above the limit is a finding naming both numbers."""
        (finding,) = smart_check(
            goal("Holde en fredagsfortælling om Kafka"), active_goals_of_owner=4
        )
        assert (finding.code, finding.count, finding.limit) == ("too_many_active", 4, 3)
        assert "4" in finding.suggestion("da")
        assert "3" in finding.suggestion("en")

    def test_count_from_goals(self) -> None:
        """Only the owner's other active goals count, plus this one."""
        item = goal("Holde en fredagsfortælling om Kafka")
        agreed = {"status": GoalStatus.AGREED, "agreed_on": D(2026, 1, 5)}
        others = [
            goal("a b c", id="g-2", **agreed),
            goal("a b c", id="g-3", **agreed),
            goal("a b c", id="g-4", **agreed),
            goal("a b c", id="g-5", owner="p02", **agreed),
            goal("a b c", id="g-6"),
            attrs.evolve(item, status=GoalStatus.AGREED, agreed_on=D(2026, 1, 5)),
        ]
        assert codes(item, active_goals_of_owner=others) == {"too_many_active"}
        assert codes(item, active_goals_of_owner=others, limit=4) == set()
        assert codes(item, active_goals_of_owner=others[:2]) == set()

    def test_bad_arguments(self) -> None:
        """Wrong argument types are bad data; the goal itself never is."""
        item = goal("Holde en fredagsfortælling om Kafka")
        for bad in ({"limit": 0}, {"limit": True}, {"active_goals_of_owner": -1}):
            with pytest.raises(InvalidDataError):
                smart_check(item, **bad)  # type: ignore[arg-type]
        for bad_goals in ("g-1", [1], True):
            with pytest.raises(InvalidDataError):
                smart_check(item, active_goals_of_owner=bad_goals)  # type: ignore[arg-type]
        with pytest.raises(InvalidDataError):
            smart_check("goal")  # type: ignore[arg-type]
        with pytest.raises(InvalidDataError):
            smart_check(item, review="mus-1")  # type: ignore[arg-type]


class TestTimeBound:
    REVIEW = DevelopmentReview(id="mus", employee="p01", leader="p02", held_on=D(2026, 1, 5))

    def test_target_not_after_agreement(self) -> None:
        """An agreed goal with a target on the day of agreement is flagged with the bound."""
        item = goal(
            "Holde en fredagsfortælling om Kafka",
            status=GoalStatus.AGREED,
            agreed_on=D(2026, 9, 1),
        )
        (finding,) = smart_check(item)
        assert (finding.code, finding.bound) == ("target_not_after_agreement", D(2026, 9, 1))
        assert "2026-09-01" in finding.suggestion("da")

    @pytest.mark.parametrize(
        ("target", "expected"),
        [
            (D(2026, 1, 5), {"target_before_review"}),
            (D(2026, 1, 6), set()),
            (D(2027, 1, 5), set()),
            (D(2027, 1, 6), {"target_after_next_review"}),
        ],
    )
    def test_within_the_review_period(self, target: dt.date, expected: set[str]) -> None:
        """The target lies after the review and not after the next one."""
        item = goal("Holde en fredagsfortælling om Kafka", target_date=target)
        assert codes(item, review=self.REVIEW) == expected


class TestFindings:
    def test_a_finding_matches_its_code(self) -> None:
        """A finding's criterion and field must be those of its code."""
        with pytest.raises(InvalidDataError) as caught:
            SmartFinding(goal="g", code="title_vague", criterion=SmartCriterion.RELEVANT, field="x")
        assert caught.value.problems[0].path == "criterion"

    def test_criteria(self) -> None:
        """The criteria have their letters and names."""
        assert "".join(c.letter for c in SmartCriterion) == "SMART"
        assert translate(SmartCriterion.TIME_BOUND.text_key, "da") == "tidsbestemt"

    def test_smart_order(self) -> None:
        """Findings come in SMART order."""
        item = LearningGoal(id="g", owner="p", title="Styrke")
        found = smart_check(item, active_goals_of_owner=9)
        order = list(SmartCriterion)
        assert [order.index(f.criterion) for f in found] == sorted(
            order.index(f.criterion) for f in found
        )
        assert [f.code for f in found] == [
            "title_vague",
            "title_too_short",
            "criterion_missing",
            "too_many_active",
            "no_activities",
            "not_linked",
            "target_missing",
        ]

    @given(_goals.learning_goals(), st.integers(0, 6), st.integers(1, 5))
    def test_never_raises_and_always_explains(
        self, item: LearningGoal, count: int, limit: int
    ) -> None:
        """Any goal gets findings consistent with CODES and suggestions in both languages."""
        found = smart_check(item, active_goals_of_owner=count, limit=limit)
        assert len({f.code for f in found}) == len(found)
        for finding in found:
            assert finding.goal == item.id
            assert (finding.criterion, finding.field) == CODES[finding.code]
            for locale in LOCALES:
                assert finding.suggestion(locale).strip()
        assert smart_check(item, active_goals_of_owner=count, limit=limit) == found
        assert ("too_many_active" in {f.code for f in found}) == (count > limit)
