"""The topic backlog: what colleagues would like to hear about, chosen by votes."""

from __future__ import annotations

import datetime as dt
import enum
from collections import Counter
from collections.abc import Iterable
from typing import cast

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem, TransitionError

__all__ = ["Topic", "TopicStatus", "choose_topics", "mark_held", "mark_planned", "vote"]


class TopicStatus(enum.Enum):
    """Where a topic is: proposed → planned → held."""

    PROPOSED = "proposed"
    PLANNED = "planned"
    HELD = "held"

    @property
    def key(self) -> str:
        """The i18n key of the status' name."""
        return f"sharing.topic_status.{self.value}"


def _names(value: object) -> tuple[str, ...]:
    return cast("tuple[str, ...]", _validate.canonical_tuple(value))


@attrs.frozen(kw_only=True)
class Topic:
    """A topic someone proposed for a session, with the colleagues who voted for it.

    Votes are a set: each voter counts once, kept sorted so equal topics compare equal.

    Attributes:
        id: The topic's id.
        title: What it is about.
        proposed_by: Who proposed it (a person id).
        proposed_on: When it was proposed.
        votes: The person ids of those who want to hear it.
        status: Proposed, planned for a session, or held.
        tags: Free tags, lower-case.
    """

    id: str = attrs.field(validator=_validate.identifier)
    title: str = attrs.field(validator=_validate.text)
    proposed_by: str = attrs.field(validator=_validate.identifier)
    proposed_on: dt.date = attrs.field(validator=_validate.date)
    votes: tuple[str, ...] = attrs.field(
        default=(), converter=_names, validator=_validate.each(_validate.identifier)
    )
    status: TopicStatus = attrs.field(
        default=TopicStatus.PROPOSED, validator=_validate.instance_of(TopicStatus)
    )
    tags: tuple[str, ...] = attrs.field(
        default=(), converter=_names, validator=_validate.each(_validate.text)
    )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if len(set(self.votes)) != len(self.votes):
            problems.append(Problem("votes", self.votes, "must not count a voter twice"))
        if len(set(self.tags)) != len(self.tags):
            problems.append(Problem("tags", self.tags, "must not repeat a tag"))
        if any(tag != tag.lower() for tag in self.tags):
            problems.append(Problem("tags", self.tags, "must be lower-case"))
        if problems:
            raise InvalidDataError(problems)


def vote(topic: Topic, voter: str) -> Topic:
    """``topic`` with ``voter``'s vote; voting again changes nothing.

    Raises:
        InvalidDataError: ``topic`` is not a :class:`Topic`, or ``voter`` is not an id.
    """
    _validate.require_instance(topic, Topic, "topic")
    if voter in topic.votes:
        return topic
    return attrs.evolve(topic, votes=(*topic.votes, voter))


def mark_planned(topic: Topic) -> Topic:
    """``topic`` planned for a session.

    Raises:
        InvalidDataError: ``topic`` is not a :class:`Topic`.
        TransitionError: the topic is not proposed (a topic is never planned twice).
    """
    return _move(topic, TopicStatus.PROPOSED, TopicStatus.PLANNED)


def mark_held(topic: Topic) -> Topic:
    """``topic`` held.

    Raises:
        InvalidDataError: ``topic`` is not a :class:`Topic`.
        TransitionError: the topic was not planned.
    """
    return _move(topic, TopicStatus.PLANNED, TopicStatus.HELD)


def _move(topic: Topic, source: TopicStatus, target: TopicStatus) -> Topic:
    _validate.require_instance(topic, Topic, "topic")
    if topic.status is not source:
        raise TransitionError(
            f"topic {topic.id}",
            topic.status.value,
            target.value,
            [f"only a {source.value} topic can become {target.value}"],
        )
    return attrs.evolve(topic, status=target)


def choose_topics(topics: Iterable[Topic], count: int) -> tuple[Topic, ...]:
    """The ``count`` proposed topics to plan next, most votes first.

    Guarantees: only topics with status ``PROPOSED`` are chosen (a planned or
    held topic is never planned again), each at most once; ties in votes go to
    the topic proposed first, then to the smaller id, so the choice does not
    depend on the order of ``topics``.

    Raises:
        InvalidDataError: naming every problem at once: ``count`` is not a whole
            number >= 0, ``topics`` is not a collection of :class:`Topic`
            (``topics[<index>]`` names an item of another type), or two topics
            share an id.
    """
    problems: list[Problem] = []
    try:
        _validate.require_count(count, "count")
    except InvalidDataError as error:
        problems.extend(error.problems)
    listed = _validate.items_of(topics, Topic, "topics", problems)
    twice = sorted(
        topic_id for topic_id, seen in Counter(topic.id for topic in listed).items() if seen > 1
    )
    if twice:
        problems.append(Problem("topics", twice, "must not share an id"))
    if problems:
        raise InvalidDataError(problems)
    proposed = [topic for topic in listed if topic.status is TopicStatus.PROPOSED]
    proposed.sort(key=lambda topic: (-len(topic.votes), topic.proposed_on, topic.id))
    return tuple(proposed[:count])
