"""Recognition (*anerkendelse*) of effort and curiosity, not only of results.

A :class:`Recognition` is one colleague saying thank you to another for
something specific, of a :class:`RecognitionKind`. :func:`recognition_mix`
looks at what one team received over a :class:`~learnkit.time.Period`: how
many recognitions of each kind, which share was about learning (effort,
curiosity, experiments) and which about results, and who in the team was
never recognised at all.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import Final, cast

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.people import Roster
from learnkit.time import Period

__all__ = [
    "LEARNING_KINDS",
    "Recognition",
    "RecognitionCount",
    "RecognitionKind",
    "RecognitionMix",
    "recognition_mix",
]


class RecognitionKind(enum.Enum):
    """What a recognition is for.

    The values are the lower-case names (``"curiosity"``), as documents store them.
    """

    EFFORT = "effort"
    CURIOSITY = "curiosity"
    SHARING = "sharing"
    HELPING = "helping"
    EXPERIMENT = "experiment"
    RESULT = "result"

    @property
    def is_learning(self) -> bool:
        """Whether the kind recognises learning itself (effort, curiosity or an experiment)."""
        return self in LEARNING_KINDS

    @property
    def text_key(self) -> str:
        """The i18n key of the kind's name (``translate(key, "da") == "nysgerrighed"``)."""
        return f"leadership.kind.{self.value}"


LEARNING_KINDS: Final[frozenset[RecognitionKind]] = frozenset(
    {RecognitionKind.EFFORT, RecognitionKind.CURIOSITY, RecognitionKind.EXPERIMENT}
)
"""The kinds that count as recognising effort and curiosity.

An experiment is curiosity acted upon, and recognising it whatever came of it
is the point, so it counts here. Sharing knowledge and helping others count as
neither learning nor results.
"""


def _kind(value: RecognitionKind | str) -> RecognitionKind:
    # "effort" is accepted for RecognitionKind.EFFORT; anything else is left to the validator.
    if isinstance(value, str):
        try:
            return RecognitionKind(value)
        except ValueError:
            pass
    return cast("RecognitionKind", value)


@attrs.frozen(kw_only=True)
class Recognition:
    """One colleague recognising another for something specific.

    Guarantees: the giver and the receiver are two different people, ``at`` is
    timezone-aware and the message has visible content.

    Attributes:
        id: Unique among the recognitions looked at together.
        giver: The id of the person who gives the recognition.
        receiver: The id of the person recognised.
        at: When it was given; the day it counts for is the date of ``at`` in
            the receiver's time zone.
        kind: What it recognises.
        message: What was said, in the giver's own words.
    """

    id: str = attrs.field(validator=_validate.identifier)
    giver: str = attrs.field(validator=_validate.identifier)
    receiver: str = attrs.field(validator=_validate.identifier)
    at: dt.datetime = attrs.field(validator=_validate.aware_datetime)
    kind: RecognitionKind = attrs.field(
        converter=_kind, validator=_validate.instance_of(RecognitionKind)
    )
    message: str = attrs.field(validator=_validate.text)

    def __attrs_post_init__(self) -> None:
        if self.giver == self.receiver:
            raise InvalidDataError.single(
                "receiver", self.receiver, "is the giver; nobody recognises themselves"
            )


@attrs.frozen
class RecognitionCount:
    """How many recognitions of one kind were counted.

    Attributes:
        kind: The kind.
        count: How many, zero or more.
    """

    kind: RecognitionKind = attrs.field(
        converter=_kind, validator=_validate.instance_of(RecognitionKind)
    )
    count: int = attrs.field(validator=_validate.count)


_KIND_ORDER: Final = {kind: index for index, kind in enumerate(RecognitionKind)}


def _counts(value: Iterable[RecognitionCount]) -> tuple[RecognitionCount, ...]:
    return cast(
        "tuple[RecognitionCount, ...]",
        _validate.canonical_tuple(value, key=lambda item: _KIND_ORDER[item.kind]),
    )


def _ids(value: Iterable[str]) -> tuple[str, ...]:
    return cast("tuple[str, ...]", _validate.canonical_tuple(value))


def _share(value: float | None) -> float | None:
    # A whole number (0 or 1) is stored as a float, so equal mixes compare alike.
    item: object = value
    if isinstance(item, int) and not isinstance(item, bool):
        return float(item)
    return value


@attrs.frozen(kw_only=True)
class RecognitionMix:
    """What one team received over a period, by kind, and who received nothing.

    Guarantees (checked when built): one count per kind, in the order of
    :class:`RecognitionKind`; ``total`` is their sum and the number of
    ``counted`` ids; both shares lie in [0, 1], add up to at most 1, and are
    ``None`` exactly when nothing was counted (an empty period has no mix to
    judge, rather than a share of 0).

    Attributes:
        team: The team's id.
        period: The days looked at.
        counts: One count per kind.
        total: How many recognitions were counted.
        learning_share: The share of effort, curiosity and experiments
            (``LEARNING_KINDS``), or ``None`` when nothing was counted.
        result_share: The share of results, or ``None`` when nothing was counted.
        never_recognised: The team members (who had started by the period's
            last day) who received no recognition in the period, sorted.
        counted: The ids of the recognitions counted, sorted.
    """

    team: str = attrs.field(validator=_validate.identifier)
    period: Period = attrs.field(validator=_validate.instance_of(Period))
    counts: tuple[RecognitionCount, ...] = attrs.field(
        converter=_counts, validator=_validate.each(_validate.instance_of(RecognitionCount))
    )
    total: int = attrs.field(validator=_validate.count)
    learning_share: float | None = attrs.field(
        converter=_share, validator=_validate.optional(_validate.number_between(0.0, 1.0))
    )
    result_share: float | None = attrs.field(
        converter=_share, validator=_validate.optional(_validate.number_between(0.0, 1.0))
    )
    never_recognised: tuple[str, ...] = attrs.field(
        default=(), converter=_ids, validator=_validate.each(_validate.identifier)
    )
    counted: tuple[str, ...] = attrs.field(
        default=(), converter=_ids, validator=_validate.each(_validate.identifier)
    )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        kinds = [item.kind for item in self.counts]
        if kinds != list(RecognitionKind):
            problems.append(
                Problem("counts", [kind.value for kind in kinds], "must hold one count per kind")
            )
        if sum(item.count for item in self.counts) != self.total:
            problems.append(Problem("total", self.total, "must be the sum of the counts"))
        if len(set(self.counted)) != len(self.counted) or len(self.counted) != self.total:
            problems.append(
                Problem("counted", self.counted, "must hold as many distinct ids as the total")
            )
        shares = (self.learning_share, self.result_share)
        if self.total == 0 and shares != (None, None):
            problems.append(
                Problem("learning_share", shares, "must be None when nothing was counted")
            )
        if self.total > 0 and None in shares:
            problems.append(Problem("learning_share", shares, "must be set when counted"))
        if (
            None not in shares
            and cast("float", self.learning_share) + cast("float", self.result_share) > 1.0 + 1e-9
        ):
            problems.append(Problem("result_share", shares, "the shares add up to more than 1"))
        if problems:
            raise InvalidDataError(problems)

    def count(self, kind: RecognitionKind) -> int:
        """How many recognitions of ``kind`` were counted."""
        for item in self.counts:
            if item.kind is kind:
                return item.count
        return 0  # pragma: no cover - every kind has a count (checked when built)


def _check_unique(recognitions: tuple[Recognition, ...]) -> None:
    problems: list[Problem] = []
    seen: set[str] = set()
    for recognition in sorted(recognitions, key=lambda item: item.id):
        if recognition.id in seen:
            problems.append(
                Problem(f"recognitions[id={recognition.id}]", recognition.id, "is used twice")
            )
        seen.add(recognition.id)
    if problems:
        raise InvalidDataError(problems)


def recognition_mix(
    recognitions: Iterable[Recognition], roster: Roster, *, team: str, period: Period
) -> RecognitionMix:
    """The mix of recognitions the members of ``team`` received within ``period``.

    A recognition counts when its receiver is a member of the team and the
    date of ``at`` in the receiver's time zone lies in the period (the day
    the receiver experienced it). Where the giver sits does not matter.
    Recognitions of people outside the roster are not counted.

    Guarantees: the result does not depend on the order of ``recognitions``;
    shares lie in [0, 1] and are ``None`` when nothing was counted;
    ``never_recognised`` is exactly the members who had started by the
    period's last day and received none of the counted recognitions.

    Raises:
        InvalidDataError: an argument has the wrong type (``recognitions`` not
            a collection of :class:`Recognition` values, ``roster`` not a
            Roster, ``team`` not a string, ``period`` not a Period; every such
            problem at once), or two recognitions share an id.
        UnknownIdError: ``team`` is not a team in the roster.
    """
    problems: list[Problem] = []
    items = _validate.items_of(recognitions, Recognition, "recognitions", problems)
    given: tuple[object, object, object] = (roster, team, period)
    if not isinstance(given[0], Roster):
        problems.append(Problem("roster", roster, "must be a Roster"))
    if not isinstance(given[1], str):
        problems.append(Problem("team", team, "must be a team id (a string)"))
    if not isinstance(given[2], Period):
        problems.append(Problem("period", period, "must be a Period"))
    if problems:
        raise InvalidDataError(problems)
    _check_unique(items)
    members = {person.id: person for person in roster.members(team)}
    counted = [
        item
        for item in items
        if item.receiver in members
        and item.at.astimezone(members[item.receiver].time_zone).date() in period
    ]
    counts = dict.fromkeys(RecognitionKind, 0)
    for item in counted:
        counts[item.kind] += 1
    total = len(counted)
    learning = sum(counts[kind] for kind in LEARNING_KINDS)
    recognised = {item.receiver for item in counted}
    return RecognitionMix(
        team=team,
        period=period,
        counts=tuple(RecognitionCount(kind, number) for kind, number in counts.items()),
        total=total,
        learning_share=learning / total if total else None,
        result_share=counts[RecognitionKind.RESULT] / total if total else None,
        never_recognised=tuple(
            person_id
            for person_id, person in members.items()
            if person_id not in recognised and person.has_started(period.last)
        ),
        counted=tuple(item.id for item in counted),
    )
