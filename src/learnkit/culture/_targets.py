"""The indicators a culture report holds, their units and their default targets.

The defaults are starting points for a Danish knowledge workplace of some
dozens to some thousands of people over a quarter; an organisation overrides
any of them by key (``culture_report(..., targets={"goals.active": Target.higher(0.9, 0.7)})``).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from learnkit.culture._model import INDICATOR_KEYS, Target
from learnkit.culture._units import UNITS, Unit
from learnkit.exceptions import InvalidDataError, Problem

__all__ = ["DEFAULT_TARGETS", "INDICATOR_KEYS", "UNITS", "Unit", "resolve_targets"]


DEFAULT_TARGETS: Final[Mapping[str, Target]] = MappingProxyType(
    {
        # About one reflection for every finished task; half of that is a habit forming.
        "reflection.per_task": Target.higher(1.0, 0.5),
        "reflection.shared": Target.higher(0.5, 0.25),
        # A weekly session presented by one or two people reaches 15 % of 60 a quarter.
        "sharing.presenters": Target.higher(0.15, 0.08),
        "sharing.teams": Target.higher(0.75, 0.5),
        "sharing.sessions": Target.higher(0.9, 0.75),
        "mentoring.newcomers": Target.higher(0.9, 0.7),
        "goals.active": Target.higher(0.8, 0.6),
        "goals.achieved": Target.higher(0.25, 0.1),
        "goals.overdue": Target.lower(0.1, 0.25),
        "incidents.reviews_on_time": Target.higher(0.9, 0.7),
        "incidents.language": Target.lower(0.5, 2.0),
        "incidents.actions_on_time": Target.higher(0.8, 0.6),
        # On Edmondson's 7-point scale: 5.5 is agreeing, 4.5 is just above neutral.
        "safety.team_score": Target.higher(5.5, 4.5),
        "leadership.recognition": Target.higher(0.4, 0.25),
        "leadership.development": Target.band(0.10, 0.20, watch_low=0.05, watch_high=0.30),
    }
)
"""The target of every indicator unless the caller overrides it (read-only)."""


def resolve_targets(overrides: Mapping[str, Target] | None) -> dict[str, Target]:
    """:data:`DEFAULT_TARGETS` with ``overrides`` put in by key.

    Raises:
        InvalidDataError: a key is not an indicator key, or a value is not a
            :class:`Target` (every problem at once, each naming the key).
    """
    targets = dict(DEFAULT_TARGETS)
    if overrides is None:
        return targets
    given: object = overrides
    if not isinstance(given, Mapping):
        raise InvalidDataError.single("targets", overrides, "must be a mapping of key to Target")
    problems: list[Problem] = []
    pairs: list[tuple[object, object]] = sorted(given.items(), key=lambda item: repr(item[0]))
    for key, target in pairs:
        if not isinstance(key, str) or key not in DEFAULT_TARGETS:
            problems.append(
                Problem(f"targets[{key!r}]", key, "is not an indicator key of the culture report")
            )
        elif not isinstance(target, Target):
            problems.append(Problem(f"targets[{key!r}]", target, "must be a Target"))
        else:
            targets[key] = target
    if problems:
        raise InvalidDataError(problems)
    return targets
