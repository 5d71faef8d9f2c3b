"""What a pulse shows: released scores, withheld results and the groups they are about.

A :class:`SafetyGroup` names whom a result is about (everyone, a team, a
subgroup label, or a team's subgroup). A released result is a
:class:`TeamScore`; a result anonymity does not allow is a :class:`Withheld`
that says why and never how many answered. :class:`PulseResults` holds both
for one pulse.
"""

from __future__ import annotations

import enum
from typing import Final

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem, UnknownIdError
from learnkit.safety._model import ITEM_COUNT

__all__ = [
    "EVERYONE",
    "PulseResults",
    "SafetyGroup",
    "TeamScore",
    "Withheld",
    "WithheldReason",
]

_MAX_POINTS: Final = 11
_MAX_COUNT: Final = 10_000_000


@attrs.frozen
class SafetyGroup:
    """Whom a result is about: the respondents matching ``team`` and ``label``.

    ``SafetyGroup()`` is everyone; ``SafetyGroup("platform")`` one team;
    ``SafetyGroup("platform", "newcomer")`` the newcomers of one team;
    ``SafetyGroup(label="newcomer")`` the newcomers of every team.

    Attributes:
        team: A team id, or ``None`` for every team.
        label: A subgroup label (see :attr:`SafetyResponse.groups
            <learnkit.safety.SafetyResponse.groups>`), or ``None`` for all.
    """

    team: str | None = attrs.field(default=None, validator=_validate.optional(_validate.identifier))
    label: str | None = attrs.field(
        default=None, validator=_validate.optional(_validate.identifier)
    )

    @property
    def key(self) -> str:
        """The short name of the group, e.g. ``"*"``, ``"platform/newcomer"``, ``"*/newcomer"``."""
        team = "*" if self.team is None else self.team
        return team if self.label is None else f"{team}/{self.label}"

    def sort_key(self) -> tuple[bool, str, bool, str]:
        """A total order for sorting groups: by team id (every team first), whole before labelled.

        Within one team, or across teams, the whole group comes before its
        labels, and labels sort by name. It is not the release priority (see
        :func:`~learnkit.safety.default_groups`).
        """
        return (self.team is not None, self.team or "", self.label is not None, self.label or "")


EVERYONE: Final = SafetyGroup()
"""The group of every respondent of a pulse."""


class WithheldReason(enum.Enum):
    """Why a result is not shown."""

    TOO_FEW = "too_few"
    """Fewer respondents than the threshold *k*."""
    WOULD_REVEAL = "would_reveal"
    """Read with the released results, it would reveal a group smaller than *k*."""
    SAME_AS = "same_as"
    """A label is involved and it has exactly the respondents of a released result."""


def _as_float(value: object) -> object:
    return float(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _float_tuple(value: object) -> object:
    # Whole numbers become floats, so 5 and 5.0 give equal values and the same JSON.
    if isinstance(value, list | tuple):
        return tuple(_as_float(item) for item in value)
    return value


def _int_tuple(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


@attrs.frozen(kw_only=True)
class TeamScore:
    """A released result: the psychological safety of one group in one pulse.

    Guarantees: ``respondents`` equals ``sum(distribution)``; ``score`` and
    every item mean lie in 1..``points`` where ``points == len(distribution)``.
    Nothing in it identifies a respondent.

    Attributes:
        survey: The survey's id.
        group: Whom it is about.
        respondents: How many answered (at least the threshold it was released under).
        score: The mean of every reverse-coded answer: 1 (unsafe) to ``points`` (safe).
        item_means: The mean reverse-coded answer per item, in item order (7).
        distribution: Respondents by their own mean score rounded half up:
            ``distribution[0]`` scored 1, ``distribution[-1]`` scored ``points``.
    """

    survey: str = attrs.field(validator=_validate.identifier)
    group: SafetyGroup = attrs.field(validator=_validate.instance_of(SafetyGroup))
    respondents: int = attrs.field(validator=_validate.int_between(1, _MAX_COUNT))
    score: float = attrs.field(
        converter=_as_float, validator=_validate.number_between(1.0, _MAX_POINTS)
    )
    item_means: tuple[float, ...] = attrs.field(
        converter=_float_tuple,
        validator=_validate.each(_validate.number_between(1.0, _MAX_POINTS)),
    )
    distribution: tuple[int, ...] = attrs.field(
        converter=_int_tuple, validator=_validate.each(_validate.count)
    )

    @property
    def points(self) -> int:
        """The Likert scale's points (the length of the distribution)."""
        return len(self.distribution)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if len(self.item_means) != ITEM_COUNT:
            problems.append(
                Problem(
                    "item_means", self.item_means, f"must hold {ITEM_COUNT} means, one per item"
                )
            )
        if not 2 <= self.points <= _MAX_POINTS:
            problems.append(
                Problem("distribution", self.distribution, "must have one count per point (2..11)")
            )
        elif sum(self.distribution) != self.respondents:
            problems.append(
                Problem(
                    "distribution",
                    self.distribution,
                    f"must count every respondent once ({self.respondents})",
                )
            )
        for name, value in (("score", self.score), *self._items()):
            if self.points >= 2 and value > self.points:
                problems.append(Problem(name, value, f"must not exceed the {self.points} points"))
        if problems:
            raise InvalidDataError(problems)

    def _items(self) -> tuple[tuple[str, float], ...]:
        return tuple((f"item_means[{i}]", mean) for i, mean in enumerate(self.item_means))


@attrs.frozen(kw_only=True)
class Withheld:
    """A result that is not shown, and why; it never says how many answered.

    Guarantees: ``because_of`` is set exactly when ``reason`` is
    :attr:`WithheldReason.WOULD_REVEAL` or :attr:`WithheldReason.SAME_AS`, and
    differs from ``group``.

    Attributes:
        survey: The survey's id.
        group: Whom it would have been about.
        reason: Why it is not shown.
        because_of: The released group it would reveal a small group with, or
            the released group it repeats; ``None`` when there were too few.
        k: The anonymity threshold it was withheld under.
    """

    survey: str = attrs.field(validator=_validate.identifier)
    group: SafetyGroup = attrs.field(validator=_validate.instance_of(SafetyGroup))
    reason: WithheldReason = attrs.field(validator=_validate.instance_of(WithheldReason))
    because_of: SafetyGroup | None = attrs.field(
        default=None, validator=_validate.optional(_validate.instance_of(SafetyGroup))
    )
    k: int = attrs.field(validator=_validate.int_between(1, _MAX_COUNT))

    def __attrs_post_init__(self) -> None:
        named = self.reason is not WithheldReason.TOO_FEW
        if named and self.because_of is None:
            raise InvalidDataError.single(
                "because_of",
                None,
                f"must name the released group when the reason is {self.reason.value}",
            )
        if not named and self.because_of is not None:
            raise InvalidDataError.single(
                "because_of", self.because_of, "must be null when the reason is too_few"
            )
        if self.because_of == self.group:
            raise InvalidDataError.single(
                "because_of", self.because_of, "must be another group than group"
            )


def _scores(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


@attrs.frozen(kw_only=True)
class PulseResults:
    """Everything one call to :func:`~learnkit.safety.pulse_results` shows about one pulse.

    Guarantees: every released result has at least ``k`` respondents; every
    result belongs to ``survey``; no group appears twice; every withheld
    result uses ``k``, and a ``because_of`` names a released group. Both tuples
    keep the order in which the groups were considered (their priority).

    Attributes:
        survey: The survey's id.
        k: The anonymity threshold used.
        released: The results shown, in priority order.
        withheld: The results not shown, in priority order.
    """

    survey: str = attrs.field(validator=_validate.identifier)
    k: int = attrs.field(validator=_validate.int_between(1, _MAX_COUNT))
    released: tuple[TeamScore, ...] = attrs.field(
        default=(), converter=_scores, validator=_validate.each(_validate.instance_of(TeamScore))
    )
    withheld: tuple[Withheld, ...] = attrs.field(
        default=(), converter=_scores, validator=_validate.each(_validate.instance_of(Withheld))
    )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        seen: set[SafetyGroup] = set()
        shown = {score.group for score in self.released}
        entries: tuple[tuple[str, TeamScore | Withheld], ...] = (
            *((f"released[{i}]", score) for i, score in enumerate(self.released)),
            *((f"withheld[{i}]", item) for i, item in enumerate(self.withheld)),
        )
        for path, entry in entries:
            if entry.survey != self.survey:
                problems.append(Problem(f"{path}.survey", entry.survey, f"must be {self.survey!r}"))
            if entry.group in seen:
                problems.append(Problem(f"{path}.group", entry.group.key, "appears twice"))
            seen.add(entry.group)
            if isinstance(entry, TeamScore) and entry.respondents < self.k:
                problems.append(
                    Problem(
                        f"{path}.respondents", entry.respondents, f"must be at least k ({self.k})"
                    )
                )
            if isinstance(entry, Withheld):
                if entry.k != self.k:
                    problems.append(Problem(f"{path}.k", entry.k, f"must be k ({self.k})"))
                if entry.because_of is not None and entry.because_of not in shown:
                    problems.append(
                        Problem(f"{path}.because_of", entry.because_of.key, "must be released")
                    )
        if problems:
            raise InvalidDataError(problems)

    @property
    def groups(self) -> tuple[SafetyGroup, ...]:
        """Every group asked about, the released ones first, then the withheld ones."""
        return (*(s.group for s in self.released), *(w.group for w in self.withheld))

    def result(self, group: SafetyGroup) -> TeamScore | Withheld:
        """The released or withheld result for ``group``.

        Raises:
            UnknownIdError: ``group`` was not asked about.
        """
        for score in self.released:
            if score.group == group:
                return score
        for item in self.withheld:
            if item.group == group:
                return item
        asked: object = group
        raise UnknownIdError(
            "safety group", asked.key if isinstance(asked, SafetyGroup) else str(asked)
        )
