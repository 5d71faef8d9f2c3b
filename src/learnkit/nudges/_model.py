"""What a bot should say: :class:`Nudge` and :class:`NudgeReason`, and the occasions behind them.

A nudge is a value a bot can send as it is (``text``) or render itself
(``key`` and ``params`` name a text of the i18n catalogues), addressed to one
person (or, for a meeting opener, one team), due at an aware moment, under an
``id`` that depends only on the facts of the occasions it covers, and with
those ``occasions`` listed, so that a bot can tell what it already said. Each
reason's rule finds *occasions* (:class:`Occasion`: one record, one
recipient); the occasions of one recipient and reason become one nudge (see
``_group``).

**The bot rule**: send a nudge when one of its ``occasions`` has not been
sent before; remember the occasions you sent. (Remembering ids is not enough:
the id changes when one of several occasions is settled, and the rest must
not be said again.)
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from typing import Any, Final, cast
from zoneinfo import ZoneInfo

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.i18n import Locale, translate
from learnkit.people import Roster
from learnkit.time import local_datetime

__all__ = [
    "EARLIEST_NOW",
    "LATEST_NOW",
    "NUDGE_TIME",
    "Nudge",
    "NudgeReason",
    "Occasion",
    "first_name",
    "now_problem",
    "zones_by_day",
]

NUDGE_TIME: Final = dt.time(9, 0)
"""The local wall time a nudge about a day is due at, in the recipient's own zone."""

EARLIEST_NOW: Final = dt.datetime(1000, 1, 1, tzinfo=dt.UTC)
"""The earliest ``now`` :func:`~learnkit.nudges.due` accepts (inclusive)."""

LATEST_NOW: Final = dt.datetime(9000, 1, 1, tzinfo=dt.UTC)
"""The first ``now`` :func:`~learnkit.nudges.due` refuses: every span it looks at
(at most 520 weeks back, a few weeks ahead, a day either way for time zones)
is then a representable date, with centuries to spare."""


class NudgeReason(enum.Enum):
    """Why a bot says something; the value is the first part of every nudge id."""

    REFLECTION_DUE = "reflection_due"
    """Someone owes a reflection on work they took part in."""
    CHECK_IN_DUE = "check_in_due"
    """A mentorship's scheduled check-in has come and has not been held."""
    GOAL_FOLLOW_UP_DUE = "goal_follow_up_due"
    """A follow-up of a development review (MUS) has come and nobody wrote down how it went."""
    ACTION_ITEM_OVERDUE = "action_item_overdue"
    """An action item of an incident review is past its due date and still open."""
    PRESENTER_REMINDER = "presenter_reminder"
    """Someone presents at a knowledge-sharing session in two working days."""
    MEETING_OPENER = "meeting_opener"
    """A team meeting starts soon, with the question to open it."""
    NO_DEVELOPMENT_TIME = "no_development_time"
    """Someone has had no development time for some weeks."""


def _params(value: object) -> object:
    """Converter: parameters as ``(name, value)`` pairs sorted by name (a mapping works too)."""
    if isinstance(value, Mapping):
        value = cast("Mapping[object, object]", value).items()
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        return value
    pairs = tuple(
        tuple(cast("Iterable[object]", pair)) if isinstance(pair, tuple | list) else pair
        for pair in cast("Iterable[object]", value)
    )
    return _validate.canonical_tuple(pairs)


def _check_params(instance: object, attribute: attrs.Attribute[object], value: object) -> None:
    if not isinstance(value, tuple):
        raise _validate.fail(attribute, value, "must be (name, value) pairs")
    problems = [
        Problem(f"{attribute.name}[{index}]", pair, "must be a (name, value) pair of strings")
        for index, pair in enumerate(cast("tuple[object, ...]", value))
        if not (
            isinstance(pair, tuple)
            and len(pair) == 2
            and all(isinstance(part, str) for part in pair)
            and pair[0].isidentifier()
        )
    ]
    if problems:
        raise InvalidDataError(problems)


def _own_id(nudge: Nudge) -> tuple[str, ...]:
    """The default of ``occasions``: the nudge's id as its one occasion."""
    return (nudge.id,)


def _text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """:func:`learnkit._validate.text`, with a fast path for the usual printable text."""
    if not (isinstance(value, str) and value.isprintable() and value.strip()):
        _validate.text(instance, attribute, value)


def _identifier(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """:func:`learnkit._validate.identifier`, with a fast path for the usual printable id.

    A printable string has no character of a ``C*`` category, so the fast
    path accepts only what the full check accepts; anything else gets the
    full check and its message.
    """
    if not (isinstance(value, str) and value and value.isprintable() and value == value.strip()):
        _validate.identifier(instance, attribute, value)


@attrs.frozen(kw_only=True)
class Nudge:
    """One thing a bot should say, to whom, from when, and why.

    Guarantees (checked when built, every problem at once): ``id`` starts with
    the reason's value and a colon; ``key`` starts with ``"nudges."``;
    parameter names are unique and the pairs sorted by name; ``due`` is aware;
    ``subjects`` and ``occasions`` are sorted, distinct and at least one;
    every occasion id starts with the reason's value and a colon, like the
    id (so occasion ids of different reasons never clash). Nudges made by
    :func:`~learnkit.nudges.due` also have ``text == translate(key, locale,
    **dict(params))`` for the locale asked for, and are the only nudge of
    their recipient and reason.

    **The bot rule**: send a nudge when one of its ``occasions`` has not been
    sent before; remember the occasions you sent. A nudge whose occasions
    were all sent says nothing new (a settled reflection among three leaves
    the other two, already sent), however its id and text changed.

    Attributes:
        id: ``<reason>:<recipient>:<digest of the occasions covered>``.
            Stable: the same occasions give the same id, and records
            unrelated to them never change it (see
            :func:`~learnkit.nudges.due` for each reason's rule); it changes
            when one of several occasions is settled, so a bot decides by
            ``occasions``, not by ``id``.
        recipient: A person id; a team id when ``to_team`` is true.
        to_team: Whether the recipient is a team (a meeting opener for its channel).
        reason: Why it is said.
        due: When the bot should say it (aware).
        key: The i18n message key of ``text``.
        params: Sorted ``(name, value)`` pairs to fill in the key.
        text: The message, rendered in the locale asked for; it names every
            subject (up to three by name, then how many more).
        subjects: The sorted ids of the records it is about, at least one (a
            task as ``kind:id``, a mentorship, a review, an action item as
            ``review/item``, a session, or the person whose time it is).
        occasions: The sorted ids of the occasions it covers, at least one:
            what a bot remembers (see the bot rule above). Defaults to
            ``(id,)`` for a nudge built by hand.
    """

    id: str = attrs.field(validator=_identifier)
    recipient: str = attrs.field(validator=_identifier)
    to_team: bool = attrs.field(validator=_validate.instance_of(bool))
    reason: NudgeReason = attrs.field(validator=_validate.instance_of(NudgeReason))
    due: dt.datetime = attrs.field(validator=_validate.aware_datetime)
    key: str = attrs.field(validator=_identifier)
    params: tuple[tuple[str, str], ...] = attrs.field(converter=_params, validator=_check_params)
    text: str = attrs.field(validator=_text)
    subjects: tuple[str, ...] = attrs.field(
        converter=_validate.canonical_tuple, validator=_validate.each(_identifier)
    )
    occasions: tuple[str, ...] = attrs.field(
        default=attrs.Factory(_own_id, takes_self=True),
        converter=_validate.canonical_tuple,
        validator=_validate.each(_identifier),
    )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        prefix = f"{self.reason.value}:"
        if not self.id.startswith(prefix) or self.id == prefix:
            problems.append(Problem("id", self.id, f"must start with {prefix!r} and go on"))
        if not self.key.startswith("nudges."):
            problems.append(Problem("key", self.key, "must be a key of the nudges texts"))
        names = [name for name, _ in self.params]
        if len(set(names)) != len(names):
            problems.append(Problem("params", names, "must not name a parameter twice"))
        if not self.subjects:
            problems.append(Problem("subjects", self.subjects, "must name at least one record"))
        elif len(set(self.subjects)) != len(self.subjects):
            problems.append(Problem("subjects", self.subjects, "must not name a record twice"))
        if not self.occasions:
            problems.append(Problem("occasions", self.occasions, "must name at least one occasion"))
        elif len(set(self.occasions)) != len(self.occasions):
            problems.append(Problem("occasions", self.occasions, "must not name an occasion twice"))
        problems.extend(
            Problem(f"occasions[{index}]", occasion, f"must start with {prefix!r} and go on")
            for index, occasion in enumerate(self.occasions)
            if not occasion.startswith(prefix) or occasion == prefix
        )
        if self.to_team != (self.reason is NudgeReason.MEETING_OPENER):
            problems.append(
                Problem("to_team", self.to_team, "is true exactly for a meeting opener")
            )
        if problems:
            raise InvalidDataError(problems)

    @property
    def sort_key(self) -> tuple[dt.datetime, str, str]:
        """``(due in UTC, recipient, id)``: the order :func:`~learnkit.nudges.due` returns."""
        return (self.due.astimezone(dt.UTC), self.recipient, self.id)


def id_part(value: str) -> str:
    """``value`` with ``%`` and ``:`` escaped, so that the parts of an id can be told apart."""
    return value.replace("%", "%25").replace(":", "%3A")


@attrs.frozen(kw_only=True)
class Occasion:
    """One record a recipient should hear about: what a reason's rule finds, before grouping.

    Internal and trusted (built only by this package's rules, so not
    validated). A :class:`Nudge` covers every occasion of one recipient and
    reason: ``key`` and ``params`` are its text when it covers this occasion
    alone, ``plural_key`` (with ``greeting``, ``count`` and the ``item`` of
    each occasion as ``items``) when it covers several.

    Attributes:
        reason: Why it is said.
        recipient: A person id (a team id for a meeting opener).
        due: When it is due (aware).
        occasion: The occasion id: ``<reason>:`` and the facts that define
            it (what the nudge's ``occasions`` list and its digest is made of).
        subject: The id of the record it is about.
        key: The text when the nudge covers this occasion alone.
        params: The parameters of ``key``.
        plural_key: The text when the nudge covers several occasions.
        greeting: ``("name", <person's name>)`` or ``("team", <team's name>)``.
        item: This occasion in the list of a nudge that covers several.
    """

    reason: NudgeReason
    recipient: str
    due: dt.datetime
    occasion: str
    subject: str
    key: str
    params: Mapping[str, str]
    plural_key: str
    greeting: tuple[str, str]
    item: str


def at_nudge_time(day: dt.date, zone: ZoneInfo) -> dt.datetime:
    """:data:`NUDGE_TIME` on ``day`` in ``zone`` (moved past a daylight-saving gap)."""
    return local_datetime(day, NUDGE_TIME, zone)


def utc(moment: dt.datetime) -> dt.datetime:
    """``moment`` in UTC, to compare instants (within one zone Python compares wall times)."""
    return moment.astimezone(dt.UTC)


def local_today(now: dt.datetime, zone: ZoneInfo) -> dt.date:
    """The date of ``now`` on a clock in ``zone``."""
    return now.astimezone(zone).date()


def date_text(day: dt.date, locale: Locale, today: dt.date) -> str:
    """``day`` as the reflection texts write it ("tirsdag d. 24.11." / "Tuesday 24/11").

    With the year ("tirsdag d. 24.11.2026" / "Tuesday 24/11/2026") when it is
    not the year of ``today`` (the recipient's local date of ``now``).
    """
    weekday = translate(f"reflection.weekday.{day.weekday()}", locale)
    if day.year == today.year:
        return translate("reflection.date", locale, weekday=weekday, day=day.day, month=day.month)
    return translate(
        "nudges.date.year", locale, weekday=weekday, day=day.day, month=day.month, year=day.year
    )


def name_of(roster: Roster, person: str) -> str:
    """The display name of ``person``, or the id itself when they are not on the roster."""
    return roster.person(person).name if person in roster else person


def first_name(roster: Roster, person: str) -> str:
    """The first word of ``person``'s display name: how a nudge greets them."""
    return name_of(roster, person).split()[0]


def now_problem(now: dt.datetime) -> str | None:
    """Why an aware ``now`` is out of the supported range, or ``None`` when it is in it."""
    if EARLIEST_NOW <= now < LATEST_NOW:
        return None
    return f"must be from {EARLIEST_NOW.isoformat()} up to (not including) {LATEST_NOW.isoformat()}"


def zones_by_day(roster: Roster, now: dt.datetime) -> dict[dt.date, dict[ZoneInfo, set[str]]]:
    """The roster's people by the local date of ``now`` on their clock, then by zone.

    A rule that answers "as of a day" is asked once per local date (rarely
    more than two), not once per zone or person.
    """
    found: dict[dt.date, dict[ZoneInfo, set[str]]] = {}
    days: dict[ZoneInfo, dt.date] = {}
    for person in roster:
        zone = person.time_zone
        day = days.get(zone)
        if day is None:
            day = days[zone] = local_today(now, zone)
        found.setdefault(day, {}).setdefault(zone, set()).add(person.id)
    return found
