"""Tests for the topic backlog of learnkit.sharing."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from learnkit import serialize
from learnkit.exceptions import InvalidDataError, TransitionError
from learnkit.sharing import Topic, TopicStatus, choose_topics, mark_held, mark_planned, vote
from learnkit.strategies import topics

DAY = dt.date(2026, 11, 2)


def topic(
    topic_id: str, votes: int = 0, *, on: dt.date = DAY, status: TopicStatus = TopicStatus.PROPOSED
) -> Topic:
    return Topic(
        id=topic_id,
        title=f"Emne {topic_id}",
        proposed_by="p01",
        proposed_on=on,
        votes=[f"v{i}" for i in range(votes)],
        status=status,
    )


class TestTopic:
    def test_votes_are_a_set(self) -> None:
        """Equal votes in another order make an equal topic; a second vote is refused."""
        assert topic("a", 2) == Topic(
            id="a", title="Emne a", proposed_by="p01", proposed_on=DAY, votes=["v1", "v0"]
        )
        with pytest.raises(InvalidDataError, match="voter twice") as caught:
            Topic(id="a", title="A", proposed_by="p01", proposed_on=DAY, votes=["v1", "v1"])
        assert caught.value.problems[0].path == "votes"

    def test_tags_are_lower_case_and_distinct(self) -> None:
        """Both problems are reported at once."""
        with pytest.raises(InvalidDataError) as caught:
            Topic(id="a", title="A", proposed_by="p01", proposed_on=DAY, tags=["Drift", "Drift"])
        assert len(caught.value.problems) == 2

    def test_voting_again_changes_nothing(self) -> None:
        """vote() adds a voter once."""
        once = vote(topic("a"), "p02")
        assert once.votes == ("p02",)
        assert vote(once, "p02") is once

    def test_lifecycle(self) -> None:
        """proposed -> planned -> held, and never planned twice."""
        planned = mark_planned(topic("a"))
        assert mark_held(planned).status is TopicStatus.HELD
        with pytest.raises(TransitionError, match="only a proposed topic"):
            mark_planned(planned)
        with pytest.raises(TransitionError):
            mark_held(topic("a"))

    @given(topics())
    def test_round_trips(self, value: Topic) -> None:
        """Every generated topic survives JSON."""
        assert serialize.from_json(serialize.to_json(value), Topic) == value


class TestNotATopic:
    @pytest.mark.parametrize("move", [mark_planned, mark_held])
    def test_a_move_names_the_topic(self, move: object) -> None:
        """Moving something that is not a topic is bad input, not a crash."""
        with pytest.raises(InvalidDataError) as caught:
            move("x")  # type: ignore[operator]
        assert caught.value.problems[0].path == "topic"

    def test_a_vote_names_the_topic(self) -> None:
        """Voting on something that is not a topic is bad input, not a crash."""
        with pytest.raises(InvalidDataError) as caught:
            vote("x", "p01")  # type: ignore[arg-type]
        assert caught.value.problems[0].path == "topic"


class TestChooseTopics:
    def test_most_votes_then_oldest_then_id(self) -> None:
        """Ties in votes go to the topic proposed first, then to the smaller id."""
        backlog = [
            topic("c", 1),
            topic("b", 1, on=DAY - dt.timedelta(days=1)),
            topic("a", 1),
            topic("d", 3),
            topic("e", 5, status=TopicStatus.PLANNED),
        ]
        assert [t.id for t in choose_topics(backlog, 10)] == ["d", "b", "a", "c"]
        assert [t.id for t in choose_topics(backlog, 2)] == ["d", "b"]
        assert choose_topics(backlog, 0) == ()

    def test_shared_ids_and_negative_counts_are_refused(self) -> None:
        """Two topics with one id would be planned twice; the error names them."""
        with pytest.raises(InvalidDataError, match="share an id"):
            choose_topics([topic("a"), topic("a", 1)], 1)
        with pytest.raises(InvalidDataError, match="count"):
            choose_topics([], -1)

    def test_every_item_must_be_a_topic(self) -> None:
        """An item of another type is named by its index, with a bad count, all at once."""
        with pytest.raises(InvalidDataError) as caught:
            choose_topics([topic("a"), 1], -1)  # type: ignore[list-item]
        assert [p.path for p in caught.value.problems] == ["count", "topics[1]"]
        with pytest.raises(InvalidDataError) as caught:
            choose_topics("ab", 1)  # type: ignore[arg-type]
        assert [p.path for p in caught.value.problems] == ["topics"]

    @given(
        st.lists(topics(), unique_by=lambda t: t.id),
        st.integers(0, 6),
        st.randoms(use_true_random=False),
    )
    def test_only_proposed_once_each_whatever_the_order(
        self, backlog: list[Topic], count: int, rnd: random.Random
    ) -> None:
        """Chosen topics are proposed, distinct, by votes, and independent of input order."""
        chosen = choose_topics(backlog, count)
        assert all(t.status is TopicStatus.PROPOSED for t in chosen)
        assert len({t.id for t in chosen}) == len(chosen) <= count
        votes = [len(t.votes) for t in chosen]
        assert votes == sorted(votes, reverse=True)
        shuffled = list(backlog)
        rnd.shuffle(shuffled)
        assert choose_topics(shuffled, count) == chosen
        left_out = [t for t in backlog if t.status is TopicStatus.PROPOSED and t not in chosen]
        if left_out and chosen:
            assert max(len(t.votes) for t in left_out) <= min(votes)
