"""Metrics of what follows an incident: reviews, action items, and incidents that repeat.

Each function is pure and returns a frozen value listing the ids it counted,
so every rate can be traced back to the records behind it.

Dates are the local dates of the datetimes involved, each in its own zone: a
review's deadline counts from the day the incident was resolved (see
:meth:`~learnkit.incidents.SeverityLevel.review_due`), and the review is on
time when it was published on or before that day.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable
from typing import Final, cast

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem, UnknownIdError
from learnkit.incidents._metrics import (
    ID,
    ids,
    items,
    nearest_rank,
    unique_incidents,
)
from learnkit.incidents._model import (
    DEFAULT_SEVERITY_SCALE,
    Incident,
    SeverityLevel,
    SeverityScale,
)
from learnkit.incidents._review import (
    ActionStatus,
    IncidentReview,
    ReviewStatus,
)
from learnkit.time import Calendar

__all__ = [
    "ActionItemRef",
    "ActionItemStats",
    "ReviewCoverage",
    "action_item_stats",
    "review_coverage",
]


_require = _validate.require_instance


def severity_levels(
    incidents: Iterable[Incident], scale: SeverityScale
) -> dict[str, SeverityLevel]:
    """The severity level of each incident, by incident id.

    Raises:
        InvalidDataError: an incident names a level the scale does not have
            (every such incident at once).
    """
    levels: dict[str, SeverityLevel] = {}
    problems: list[Problem] = []
    for incident in incidents:
        try:
            levels[incident.id] = scale.level(incident.severity)
        except UnknownIdError:
            problems.append(
                Problem(
                    f"incidents[id={incident.id}].severity",
                    incident.severity,
                    "is not a level of the severity scale",
                )
            )
    if problems:
        raise InvalidDataError(problems)
    return levels


def review_deadline(incident: Incident, level: SeverityLevel, calendar: Calendar) -> dt.date | None:
    """When the incident's review should be published, or ``None`` (not resolved, or no deadline).

    Counted by the level's policy from the local date of ``resolved``.
    """
    resolved = incident.milestones.resolved
    if resolved is None:
        return None
    return level.review_due(resolved.date(), calendar)


def given_reviews(reviews: Iterable[IncidentReview]) -> tuple[IncidentReview, ...]:
    """``reviews`` as a tuple sorted by id; refuses non-reviews (every problem at once)."""
    problems: list[Problem] = []
    found = items(reviews, IncidentReview, "reviews", problems)
    if problems:
        raise InvalidDataError(problems)
    return tuple(sorted(found, key=lambda review: review.id))


def first_publication(reviews: Iterable[IncidentReview], as_of: dt.date) -> dict[str, dt.date]:
    """The day each incident's review was first published, by incident id, up to ``as_of``.

    A review counts once it has been published (it may have been closed or
    amended since); skipped reviews and publications after ``as_of`` do not.
    """
    published: dict[str, dt.date] = {}
    for review in reviews:
        if review.published_at is None or review.status is ReviewStatus.SKIPPED:
            continue
        day = review.published_at.date()
        if day <= as_of and (review.incident not in published or day < published[review.incident]):
            published[review.incident] = day
    return published


@attrs.frozen(kw_only=True)
class ReviewCoverage:
    """How many of the incidents that need a review got one, and how many in time.

    ``required`` is split two ways: into ``reviewed`` (published by ``as_of``)
    and the rest, which is ``overdue`` (past its deadline) or ``pending``; and
    ``reviewed`` into ``on_time`` (published by the deadline, or with no
    deadline) and ``late``.

    Guarantees: every id list is sorted and without repeats;
    ``reviewed``, ``overdue`` and ``pending`` partition ``required``;
    ``on_time`` and ``late`` partition ``reviewed``.

    Attributes:
        as_of: The day the coverage was measured.
        required: Incidents whose severity level requires a review.
        reviewed: Those with a review published on or before ``as_of``.
        on_time: Reviewed by the deadline of their level (or without a deadline).
        late: Reviewed after the deadline.
        overdue: Not reviewed, and the deadline has passed.
        pending: Not reviewed, and the deadline has not passed (or the
            incident is not resolved yet, so the clock has not started).
    """

    as_of: dt.date = attrs.field(validator=_validate.date)
    required: tuple[str, ...] = attrs.field(default=(), converter=ids, validator=ID)
    reviewed: tuple[str, ...] = attrs.field(default=(), converter=ids, validator=ID)
    on_time: tuple[str, ...] = attrs.field(default=(), converter=ids, validator=ID)
    late: tuple[str, ...] = attrs.field(default=(), converter=ids, validator=ID)
    overdue: tuple[str, ...] = attrs.field(default=(), converter=ids, validator=ID)
    pending: tuple[str, ...] = attrs.field(default=(), converter=ids, validator=ID)

    def __attrs_post_init__(self) -> None:
        problems = [
            *_partition(
                "required",
                self.required,
                reviewed=self.reviewed,
                overdue=self.overdue,
                pending=self.pending,
            ),
            *_partition("reviewed", self.reviewed, on_time=self.on_time, late=self.late),
        ]
        if problems:
            raise InvalidDataError(problems)

    @property
    def coverage(self) -> float | None:
        """The reviewed share of the required (0 to 1), or ``None`` when none is required."""
        return len(self.reviewed) / len(self.required) if self.required else None

    @property
    def on_time_rate(self) -> float | None:
        """The share of the reviewed that were on time, or ``None`` when none was reviewed."""
        return len(self.on_time) / len(self.reviewed) if self.reviewed else None


def _partition(name: str, whole: tuple[str, ...], **parts: tuple[str, ...]) -> list[Problem]:
    """Problems unless ``parts`` are disjoint, without repeats, and together exactly ``whole``."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for part, listed in {name: whole, **parts}.items():
        if len(set(listed)) != len(listed):
            problems.append(Problem(part, listed, "lists an id twice"))
    for part, listed in parts.items():
        for item in listed:
            if item in seen:
                problems.append(Problem(part, item, f"is also in {seen[item]}"))
            seen[item] = part
    stray = sorted(set(seen) ^ set(whole))
    if stray:
        problems.append(Problem(name, stray, f"must be exactly {', '.join(parts)} together"))
    return problems


def review_coverage(
    incidents: Iterable[Incident],
    reviews: Iterable[IncidentReview],
    *,
    as_of: dt.date,
    calendar: Calendar,
    scale: SeverityScale = DEFAULT_SEVERITY_SCALE,
) -> ReviewCoverage:
    """Review coverage and timeliness of ``incidents`` against the policy of ``scale``.

    An incident needs a review when its level says ``review_required``
    (by default sev1 and sev2). Its deadline is the level's
    ``review_within_days`` after the local date it was resolved: 3 calendar
    days for sev1, 5 working days of ``calendar`` for sev2 by default. A
    review counts from the day it was first published, even if it was
    amended or closed later; reviews of incidents not given are ignored.
    Order of the inputs does not matter.

    Raises:
        InvalidDataError: an item is of the wrong type, an incident id is listed
            twice, an incident names a level the scale lacks, or ``as_of`` is
            not a date.
        OutOfRangeError: ``calendar`` does not cover a deadline.
    """
    _validate.require_date(as_of, "as_of")
    _require(calendar, Calendar, "calendar")
    _require(scale, SeverityScale, "scale")
    given = unique_incidents(incidents)
    levels = severity_levels(given, scale)
    published = first_publication(given_reviews(reviews), as_of)
    found: dict[str, list[str]] = {
        "required": [],
        "reviewed": [],
        "on_time": [],
        "late": [],
        "overdue": [],
        "pending": [],
    }
    for incident in given:
        level = levels[incident.id]
        if not level.review_required:
            continue
        found["required"].append(incident.id)
        deadline = review_deadline(incident, level, calendar)
        day = published.get(incident.id)
        if day is not None:
            found["reviewed"].append(incident.id)
            late = deadline is not None and day > deadline
            found["late" if late else "on_time"].append(incident.id)
        elif deadline is not None and deadline < as_of:
            found["overdue"].append(incident.id)
        else:
            found["pending"].append(incident.id)
    return ReviewCoverage(as_of=as_of, **found)


# --- action items -------------------------------------------------------------------


@attrs.frozen(order=True)
class ActionItemRef:
    """An action item, named by its review and its own id (item ids are unique per review).

    Refs order by review id, then item id.
    """

    review: str = attrs.field(validator=_validate.identifier)
    item: str = attrs.field(validator=_validate.identifier)

    def __str__(self) -> str:
        return f"{self.review}/{self.item}"


def _refs(value: Iterable[ActionItemRef]) -> tuple[ActionItemRef, ...]:
    return cast("tuple[ActionItemRef, ...]", _validate.canonical_tuple(value))


_REFS = _validate.each(_validate.instance_of(ActionItemRef))


_optional_days = _validate.optional(_validate.count)


@attrs.frozen(kw_only=True)
class ActionItemStats:
    """How the committed action items are doing as of a day.

    An item is *committed* once it has been opened (open, in progress, done,
    or won't do). Proposed items are ideas and rejected ones never became
    commitments, so neither counts.

    Guarantees: every list is sorted and without repeats; ``done``,
    ``active`` and ``wont_do`` partition ``committed``; ``on_time`` is part
    of ``done`` and ``overdue`` part of ``active``; the ages are set exactly
    when something is active, with ``median_age <= p90_age <= oldest_age``.

    Attributes:
        as_of: The day looked from.
        committed: Every committed item.
        done: The items done.
        on_time: The done items finished on or before their due date.
        active: The open and in-progress items.
        overdue: The active items whose due date is before ``as_of``.
        wont_do: The items the team decided not to do after all.
        median_age: Nearest-rank median age of the active items, in days since created.
        p90_age: Nearest-rank 90th percentile of those ages.
        oldest_age: The age of the oldest active item.
    """

    as_of: dt.date = attrs.field(validator=_validate.date)
    committed: tuple[ActionItemRef, ...] = attrs.field(default=(), converter=_refs, validator=_REFS)
    done: tuple[ActionItemRef, ...] = attrs.field(default=(), converter=_refs, validator=_REFS)
    on_time: tuple[ActionItemRef, ...] = attrs.field(default=(), converter=_refs, validator=_REFS)
    active: tuple[ActionItemRef, ...] = attrs.field(default=(), converter=_refs, validator=_REFS)
    overdue: tuple[ActionItemRef, ...] = attrs.field(default=(), converter=_refs, validator=_REFS)
    wont_do: tuple[ActionItemRef, ...] = attrs.field(default=(), converter=_refs, validator=_REFS)
    median_age: int | None = attrs.field(default=None, validator=_optional_days)
    p90_age: int | None = attrs.field(default=None, validator=_optional_days)
    oldest_age: int | None = attrs.field(default=None, validator=_optional_days)

    def __attrs_post_init__(self) -> None:
        as_text = {name: tuple(map(str, getattr(self, name))) for name in _REF_FIELDS}
        problems = _partition(
            "committed",
            as_text["committed"],
            done=as_text["done"],
            active=as_text["active"],
            wont_do=as_text["wont_do"],
        )
        for part, whole in (("on_time", "done"), ("overdue", "active")):
            problems.extend(
                Problem(part, item, f"is not in {whole}")
                for item in sorted(set(as_text[part]) - set(as_text[whole]))
            )
        ages = (self.median_age, self.p90_age, self.oldest_age)
        if self.active and None in ages:
            problems.append(Problem("median_age", ages, "ages are required when items are active"))
        elif not self.active and ages != (None, None, None):
            problems.append(Problem("median_age", ages, "ages must be None when nothing is active"))
        elif self.active and list(ages) != sorted(cast("list[int]", list(ages))):
            problems.append(Problem("median_age", ages, "must keep median <= p90 <= oldest"))
        if problems:
            raise InvalidDataError(problems)

    @property
    def completion_rate(self) -> float | None:
        """Done as a share of the committed items (0 to 1), or ``None`` with none committed."""
        return len(self.done) / len(self.committed) if self.committed else None

    @property
    def on_time_rate(self) -> float | None:
        """On time as a share of the done items (0 to 1), or ``None`` with none done."""
        return len(self.on_time) / len(self.done) if self.done else None


_REF_FIELDS: Final = ("committed", "done", "on_time", "active", "overdue", "wont_do")


def action_item_stats(reviews: Iterable[IncidentReview], *, as_of: dt.date) -> ActionItemStats:
    """Completion, on-time rate, overdue items and the age of active items as of ``as_of``.

    Every review's action items count, whatever the review's status. An
    item's age is the number of days from ``created_on`` to ``as_of``; items
    created after ``as_of`` did not exist yet and are left out. The result
    does not depend on the order of the reviews.

    Raises:
        InvalidDataError: an item is not an IncidentReview, a review id is
            listed twice, or ``as_of`` is not a date.
    """
    _validate.require_date(as_of, "as_of")
    given = given_reviews(reviews)
    problems = [
        Problem(f"reviews[id={later.id}].id", later.id, "is listed twice")
        for earlier, later in itertools.pairwise(given)
        if earlier.id == later.id
    ]
    if problems:
        raise InvalidDataError(problems)
    found: dict[str, list[ActionItemRef]] = {name: [] for name in _REF_FIELDS}
    ages: list[int] = []
    for review in given:
        for item in review.action_items:
            if item.created_on > as_of or not (
                item.status.is_committed or item.status is ActionStatus.WONT_DO
            ):
                continue
            ref = ActionItemRef(review.id, item.id)
            found["committed"].append(ref)
            if item.status is ActionStatus.DONE:
                found["done"].append(ref)
                if item.done_on is not None and item.due is not None and item.done_on <= item.due:
                    found["on_time"].append(ref)
            elif item.status is ActionStatus.WONT_DO:
                found["wont_do"].append(ref)
            else:
                found["active"].append(ref)
                ages.append((as_of - item.created_on).days)
                if item.due is not None and item.due < as_of:
                    found["overdue"].append(ref)
    return ActionItemStats(
        as_of=as_of,
        committed=found["committed"],
        done=found["done"],
        on_time=found["on_time"],
        active=found["active"],
        overdue=found["overdue"],
        wont_do=found["wont_do"],
        median_age=nearest_rank(ages, 50) if ages else None,
        p90_age=nearest_rank(ages, 90) if ages else None,
        oldest_age=max(ages) if ages else None,
    )
