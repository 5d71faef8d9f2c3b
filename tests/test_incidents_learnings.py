"""The learnings library: search learnings across reviews by tag and by normalised words."""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit.exceptions import InvalidDataError
from learnkit.incidents import (
    Incident,
    IncidentKind,
    IncidentReview,
    IncidentVisibility,
    Learning,
    LearningHit,
    Participant,
    ParticipantRole,
    ReviewStatus,
    published_view,
    search_learnings,
)
from learnkit.incidents._learnings import normalise
from learnkit.people import Person, Roster, Team
from learnkit.serialize import from_json, to_json

T0 = dt.datetime(2026, 11, 2, 9, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))


def review(
    id: str,
    *learnings: Learning,
    status: ReviewStatus = ReviewStatus.PUBLISHED,
    incident: str | None = None,
) -> IncidentReview:
    """A review of ``incident`` (``i`` + the review's number) with ``learnings``."""
    published = T0 if status in (ReviewStatus.PUBLISHED, ReviewStatus.CLOSED) else None
    return IncidentReview(
        id=id,
        incident=incident or "i" + id[1:],
        author="p01",
        status=status,
        published_at=published,
        learnings=learnings,
        reason="Dubletter" if status is ReviewStatus.SKIPPED else "",
    )


DEPLOY = Learning(
    id="l1", statement="Små udrulninger er lettere at rulle tilbage.", tags=("deploy", "Risiko")
)
ALARMS = Learning(
    id="l2", statement="Alarmer uden ejer bliver overset om natten.", tags=("alarmer",)
)
SLOPPY = Learning(id="l1", statement="Ordet »sjuskefejl« skjuler systemet.", tags=("sprog",))
LIBRARY = [
    review("r1", DEPLOY, ALARMS),
    review("r2", SLOPPY, status=ReviewStatus.CLOSED),
    review(
        "r3",
        Learning(id="l9", statement="Kladde om deploy.", tags=("deploy",)),
        status=ReviewStatus.DRAFT,
    ),
    review(
        "r4",
        Learning(id="l1", statement="Sprunget over, deploy.", tags=("deploy",)),
        status=ReviewStatus.SKIPPED,
    ),
]


class TestNormalise:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("  Alarmer, der IKKE ringer!  ", "alarmer der ikke ringer"),
            ("ÆØÅ-fejl", "æøå fejl"),
            ("ﬁle", "file"),
            ("", ""),
        ],
    )
    def test_normalise(self, text: str, expected: str) -> None:
        """NFKC, case-folded, punctuation read as spaces; Danish letters kept."""
        assert normalise(text) == expected

    def test_refuses_non_text(self) -> None:
        """Only strings are normalised."""
        with pytest.raises(InvalidDataError, match="text"):
            normalise(3)  # type: ignore[arg-type]


class TestSearchLearnings:
    def test_everything_published(self) -> None:
        """Without a query every learning of a published or closed review is a hit."""
        hits = search_learnings(LIBRARY)
        assert [(h.review, h.learning.id) for h in hits] == [
            ("r1", "l1"),
            ("r1", "l2"),
            ("r2", "l1"),
        ]
        assert hits[0].incident == "i1"

    def test_by_tag(self) -> None:
        """Tags match after normalisation, and every tag asked for must be there."""
        hits = search_learnings(LIBRARY, tags=["DEPLOY"])
        assert [h.learning for h in hits] == [DEPLOY]
        assert hits[0].matched_tags == ("deploy",)
        assert search_learnings(LIBRARY, tags=["deploy", "risiko"])[0].matched_tags == (
            "Risiko",
            "deploy",
        )
        assert search_learnings(LIBRARY, tags=["deploy", "alarmer"]) == ()
        assert len(search_learnings(LIBRARY, tags=["", "  "])) == 3

    def test_by_words_inside_compounds(self) -> None:
        """Each word of the query must occur; parts of compounds are found."""
        assert [h.learning for h in search_learnings(LIBRARY, text="FEJL")] == [SLOPPY]
        assert [h.learning for h in search_learnings(LIBRARY, text="natten alarm")] == [ALARMS]
        assert search_learnings(LIBRARY, text="natten deploy") == ()
        assert [h.learning for h in search_learnings(LIBRARY, text="risiko")] == [DEPLOY]

    def test_unpublished_on_request(self) -> None:
        """Drafts count when asked for; skipped reviews never do."""
        hits = search_learnings(LIBRARY, tags=["deploy"], include_unpublished=True)
        assert [h.review for h in hits] == ["r1", "r3"]

    def test_published_views(self) -> None:
        """A published view is searched with its names already replaced."""
        roster = Roster(
            people=[Person(id="p01", name="Mette Holm", team="t", start_date=dt.date(2020, 1, 1))],
            teams=[Team(id="t", name="T")],
        )
        incident = Incident(
            id="i5",
            kind=IncidentKind.NEAR_MISS,
            title="Næsten sendt",
            summary="",
            severity="sev3",
            team="t",
            reported_at=T0,
            participants=(Participant(person="p01", roles=(ParticipantRole.FACILITATOR,)),),
            visibility=IncidentVisibility.RESTRICTED,
        )
        learned = Learning(id="l1", statement="Mette så, at deploy-listen hjalp.", tags=("deploy",))
        view = published_view(review("r5", learned), incident, roster, locale="da")
        hits = search_learnings([view, LIBRARY[1]], tags=["deploy"])
        assert [(h.review, h.incident) for h in hits] == [("r5", "i5")]
        assert hits[0].learning.statement == "Facilitatoren så, at deploy-listen hjalp."
        assert search_learnings([view], text="mette") == ()
        assert from_json(to_json(hits[0]), LearningHit) == hits[0]

    def test_refusals(self) -> None:
        """Bad sources, repeated reviews, and bad tags are refused."""
        with pytest.raises(InvalidDataError, match="sources"):
            search_learnings("r1")  # type: ignore[arg-type]
        with pytest.raises(InvalidDataError) as caught:
            search_learnings([LIBRARY[0], "x", LIBRARY[0]])  # type: ignore[list-item]
        assert [p.path for p in caught.value.problems] == ["sources[1]", "sources[2]"]
        with pytest.raises(InvalidDataError, match="tags"):
            search_learnings(LIBRARY, tags="deploy")
        with pytest.raises(InvalidDataError, match="tags"):
            search_learnings(LIBRARY, tags=[3])  # type: ignore[list-item]
        with pytest.raises(InvalidDataError, match="text"):
            search_learnings(LIBRARY, text=None)  # type: ignore[arg-type]

    @settings(max_examples=30)
    @given(st.randoms(use_true_random=False), st.sampled_from(("", "deploy", "alarm", "ø")))
    def test_order_independent_and_narrowing(self, rnd: random.Random, text: str) -> None:
        """The hits do not depend on the order of the reviews, and a tag only narrows them."""
        shuffled = list(LIBRARY)
        rnd.shuffle(shuffled)
        hits = search_learnings(shuffled, text=text)
        assert hits == search_learnings(LIBRARY, text=text)
        narrowed = search_learnings(shuffled, text=text, tags=["deploy"])
        assert {(h.review, h.learning) for h in narrowed} <= {(h.review, h.learning) for h in hits}
