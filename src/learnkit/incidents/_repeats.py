"""Repeat incidents: the same trouble again, by link or by what contributed to it.

An incident repeats an earlier one when it is linked to it as a recurrence, or
when the same team had an incident shortly before whose review names a
trigger or contributing factor of the same category. A repeat is a question to
the system of work ("why did our fix not hold?"), never to a person.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from typing import Final, cast

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.incidents._metrics import ID, ids, require_whole, unique_incidents
from learnkit.incidents._metrics_reviews import given_reviews
from learnkit.incidents._model import Incident, LinkKind
from learnkit.incidents._review import FactorCategory, FactorRole, IncidentReview, ReviewStatus

__all__ = [
    "DEFAULT_REPEAT_WINDOW_DAYS",
    "IncidentRepeat",
    "RepeatKind",
    "RepeatReport",
    "repeat_incidents",
]

DEFAULT_REPEAT_WINDOW_DAYS: Final = 90
"""How close (in days) two incidents of one team must be to count as a repeat."""


class RepeatKind(enum.Enum):
    """Why an incident counts as a repeat of an earlier one."""

    RECURRENCE_LINK = "recurrence_link"
    """The incident links to the earlier one as a recurrence."""
    SAME_FACTOR_CATEGORY = "same_factor_category"
    """Same team, within the window, with a trigger or contributing factor of the same category."""

    @property
    def text_key(self) -> str:
        """The i18n key of the reason (``translate(key, "da")``)."""
        return f"metrics.repeat.{self.value}"


def _categories(value: Iterable[FactorCategory]) -> tuple[FactorCategory, ...]:
    return cast(
        "tuple[FactorCategory, ...]",
        _validate.canonical_tuple(value, key=lambda category: category.value),
    )


@attrs.frozen(kw_only=True)
class IncidentRepeat:
    """An incident that repeats an earlier one, and why.

    Guarantees: the two incidents differ; ``categories`` is sorted, empty for
    a recurrence link and not empty for a shared factor category.

    Attributes:
        incident: The later incident.
        earlier: The incident it repeats.
        kind: A recurrence link, or a shared factor category in the same team.
        categories: The factor categories the two share (for a shared category).
    """

    incident: str = attrs.field(validator=_validate.identifier)
    earlier: str = attrs.field(validator=_validate.identifier)
    kind: RepeatKind = attrs.field(validator=_validate.instance_of(RepeatKind))
    categories: tuple[FactorCategory, ...] = attrs.field(
        default=(),
        converter=_categories,
        validator=_validate.each(_validate.instance_of(FactorCategory)),
    )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if self.incident == self.earlier:
            problems.append(Problem("earlier", self.earlier, "must not be the incident itself"))
        if (self.kind is RepeatKind.RECURRENCE_LINK) == bool(self.categories):
            message = (
                "must be empty for a recurrence link"
                if self.categories
                else "must name the shared categories"
            )
            problems.append(Problem("categories", self.categories, message))
        if len(set(self.categories)) != len(self.categories):
            problems.append(Problem("categories", self.categories, "lists a category twice"))
        if problems:
            raise InvalidDataError(problems)


def _repeat_key(repeat: IncidentRepeat) -> tuple[str, str, str]:
    return (repeat.incident, repeat.earlier, repeat.kind.value)


def _sorted_repeats(value: Iterable[IncidentRepeat]) -> tuple[IncidentRepeat, ...]:
    return cast("tuple[IncidentRepeat, ...]", _validate.canonical_tuple(value, key=_repeat_key))


@attrs.frozen(kw_only=True)
class RepeatReport:
    """The repeats among some incidents.

    Guarantees: repeats are sorted (later incident, earlier incident, kind)
    and each such triple appears once; every repeating incident is among
    ``incidents``.

    Attributes:
        window_days: How many days apart two incidents of one team may be to
            count as a repeat by factor category.
        incidents: The ids of every incident looked at.
        repeats: Each repeat found.
    """

    window_days: int = attrs.field(validator=_validate.int_between(0, 3650))
    incidents: tuple[str, ...] = attrs.field(default=(), converter=ids, validator=ID)
    repeats: tuple[IncidentRepeat, ...] = attrs.field(
        default=(),
        converter=_sorted_repeats,
        validator=_validate.each(_validate.instance_of(IncidentRepeat)),
    )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        keys = [_repeat_key(repeat) for repeat in self.repeats]
        if len(set(keys)) != len(keys):
            problems.append(Problem("repeats", self.repeats, "lists a repeat twice"))
        if len(set(self.incidents)) != len(self.incidents):
            problems.append(Problem("incidents", self.incidents, "lists an id twice"))
        problems.extend(
            Problem("repeats", stranger, "is not among the incidents")
            for stranger in sorted({r.incident for r in self.repeats} - set(self.incidents))
        )
        if problems:
            raise InvalidDataError(problems)

    @property
    def repeated(self) -> tuple[str, ...]:
        """The ids of the incidents that repeat an earlier one, sorted."""
        return tuple(sorted({repeat.incident for repeat in self.repeats}))

    @property
    def repeat_rate(self) -> float | None:
        """The share of incidents that are repeats (0 to 1), or ``None`` with no incidents."""
        return len(self.repeated) / len(self.incidents) if self.incidents else None


def _causal_categories(reviews: Iterable[IncidentReview]) -> dict[str, frozenset[FactorCategory]]:
    found: dict[str, set[FactorCategory]] = {}
    for review in reviews:
        if review.status is ReviewStatus.SKIPPED:
            continue
        found.setdefault(review.incident, set()).update(
            factor.category for factor in review.factors if factor.role is not FactorRole.MITIGATING
        )
    return {incident: frozenset(categories) for incident, categories in found.items()}


def repeat_incidents(
    incidents: Iterable[Incident],
    reviews: Iterable[IncidentReview] = (),
    *,
    window_days: int = DEFAULT_REPEAT_WINDOW_DAYS,
) -> RepeatReport:
    """The incidents that repeat earlier ones, by link and by shared factor category.

    An incident repeats another when it links to it as a recurrence (the
    earlier one need not be among ``incidents``), or when both belong to the
    same team, the later was reported at most ``window_days`` days after the
    earlier, and their reviews (any status but skipped) name a trigger or
    contributing factor of the same category. Mitigating factors do not make
    a repeat. "Earlier" is by ``reported_at``, ties broken by id. The result
    does not depend on the order of the inputs.

    Raises:
        InvalidDataError: an item is of the wrong type, an incident id is
            listed twice, or ``window_days`` is not a whole number from 0 to 3650.
    """
    require_whole(window_days, "window_days", 0, 3650)
    given = unique_incidents(incidents)
    categories = _causal_categories(given_reviews(reviews))
    repeats: list[IncidentRepeat] = [
        IncidentRepeat(incident=incident.id, earlier=link.incident, kind=RepeatKind.RECURRENCE_LINK)
        for incident in given
        for link in incident.links
        if link.kind is LinkKind.RECURRENCE_OF
    ]
    repeats.extend(_category_repeats(given, categories, dt.timedelta(days=window_days)))
    return RepeatReport(
        window_days=window_days,
        incidents=[incident.id for incident in given],
        repeats=repeats,
    )


def _category_repeats(
    given: tuple[Incident, ...],
    categories: Mapping[str, frozenset[FactorCategory]],
    window: dt.timedelta,
) -> list[IncidentRepeat]:
    ordered = sorted(
        given, key=lambda incident: (incident.reported_at.astimezone(dt.UTC), incident.id)
    )
    repeats: list[IncidentRepeat] = []
    for later_index, later in enumerate(ordered):
        mine = categories.get(later.id, frozenset())
        if not mine:
            continue
        for earlier in ordered[:later_index]:
            apart = later.reported_at.astimezone(dt.UTC) - earlier.reported_at.astimezone(dt.UTC)
            if earlier.team != later.team or apart > window:
                continue
            shared = mine & categories.get(earlier.id, frozenset())
            if shared:
                repeats.append(
                    IncidentRepeat(
                        incident=later.id,
                        earlier=earlier.id,
                        kind=RepeatKind.SAME_FACTOR_CATEGORY,
                        categories=shared,
                    )
                )
    return repeats
