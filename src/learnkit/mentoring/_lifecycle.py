"""The life of a mentorship (*mentorordning*) and its check-ins (*opfølgning*).

A :class:`Mentorship` is proposed, becomes active when the two start, and then
either ends with a closing reflection or is cancelled; ended and cancelled are
final. Each change of state is a pure function (:func:`propose`,
:func:`activate`, :func:`end`, :func:`cancel`) that returns a new value or
raises :class:`~learnkit.exceptions.TransitionError` listing every rule the
move breaks; :func:`can_move` returns the same rules without raising, so a bot
can grey out a button and say why.

The reasons are stable i18n keys (``"mentorship.refused.final"``, ...), each a
whole sentence in the catalogues: ``translate(reason, locale)`` renders it.

An active mentorship meets on a cadence (:class:`CheckInCadence`, by default
every two weeks for the first three months, then monthly) on working days of
a :class:`~learnkit.time.Calendar` until the agreed end
(:func:`check_in_dates`); :func:`check_ins_due` says which check-ins are due
as of a date, given the check-ins that were held.
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
import unicodedata
from collections.abc import Iterable
from typing import Final, TypeVar, cast

import attrs
from dateutil.relativedelta import relativedelta

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem, TransitionError
from learnkit.time import Calendar

T = TypeVar("T")

__all__ = [
    "DEFAULT_PLANNED_MONTHS",
    "REFUSAL_REASONS",
    "CheckIn",
    "CheckInCadence",
    "DueCheckIn",
    "Mentorship",
    "MentorshipStatus",
    "activate",
    "can_move",
    "cancel",
    "check_in_dates",
    "check_ins_due",
    "end",
    "propose",
]

DEFAULT_PLANNED_MONTHS: Final = 6
"""How long a mentorship is planned to run when :func:`activate` is given no end."""

# The refusal reasons: i18n keys, each a whole sentence without placeholders.
# They are part of the API: bots compare them and translate them.
FINAL: Final = "mentorship.refused.final"
NOT_PROPOSED: Final = "mentorship.refused.not_proposed"
NOT_ACTIVE: Final = "mentorship.refused.not_active"
NO_WAY_BACK: Final = "mentorship.refused.no_way_back"
START_BEFORE_PROPOSAL: Final = "mentorship.refused.start_before_proposal"
PLANNED_END_NOT_AFTER_START: Final = "mentorship.refused.planned_end_not_after_start"
END_BEFORE_START: Final = "mentorship.refused.end_before_start"
REFLECTION_MISSING: Final = "mentorship.refused.reflection_missing"
CANCEL_BEFORE_PROPOSAL: Final = "mentorship.refused.cancel_before_proposal"
CANCEL_BEFORE_START: Final = "mentorship.refused.cancel_before_start"
REASON_MISSING: Final = "mentorship.refused.reason_missing"

REFUSAL_REASONS: Final[tuple[str, ...]] = (
    FINAL,
    NOT_PROPOSED,
    NOT_ACTIVE,
    NO_WAY_BACK,
    START_BEFORE_PROPOSAL,
    PLANNED_END_NOT_AFTER_START,
    END_BEFORE_START,
    REFLECTION_MISSING,
    CANCEL_BEFORE_PROPOSAL,
    CANCEL_BEFORE_START,
    REASON_MISSING,
)
"""Every reason :func:`can_move` and :class:`~learnkit.exceptions.TransitionError` may give.

Each is an i18n key of a whole sentence: ``translate(reason, "da")``.
"""


class MentorshipStatus(enum.Enum):
    """Where a mentorship is in its life: proposed → active → ended, or cancelled.

    The values are the lower-case names (``"active"``), as documents store them.
    """

    PROPOSED = "proposed"
    ACTIVE = "active"
    ENDED = "ended"
    CANCELLED = "cancelled"

    @property
    def is_final(self) -> bool:
        """Whether nothing can follow (ended and cancelled mentorships never change)."""
        return self in (MentorshipStatus.ENDED, MentorshipStatus.CANCELLED)

    @property
    def text_key(self) -> str:
        """The i18n key of the status' name (``translate(key, "da") == "aktiv"`` when active)."""
        return f"mentorship.status.{self.value}"


def _status(value: MentorshipStatus | str) -> MentorshipStatus:
    # "active" is accepted for MentorshipStatus.ACTIVE; anything else is left to the validator.
    if isinstance(value, str):
        try:
            return MentorshipStatus(value)
        except ValueError:
            pass
    return cast("MentorshipStatus", value)


# Which of the optional fields each status needs, and which it may have.
_DATED_FIELDS: Final = (
    "started_on",
    "planned_end",
    "ended_on",
    "reflection",
    "cancelled_on",
    "cancel_reason",
)
_REQUIRED: Final[dict[MentorshipStatus, frozenset[str]]] = {
    MentorshipStatus.PROPOSED: frozenset(),
    MentorshipStatus.ACTIVE: frozenset({"started_on", "planned_end"}),
    MentorshipStatus.ENDED: frozenset({"started_on", "planned_end", "ended_on", "reflection"}),
    MentorshipStatus.CANCELLED: frozenset({"cancelled_on", "cancel_reason"}),
}
# A cancelled mentorship keeps its start and planned end when it had started.
_OPTIONAL: Final[dict[MentorshipStatus, frozenset[str]]] = {
    MentorshipStatus.CANCELLED: frozenset({"started_on", "planned_end"}),
}


@attrs.frozen(kw_only=True)
class Mentorship:
    """A mentor and a mentee working together, from proposal to end or cancellation.

    Guarantees, checked when the value is built (every problem at once):

    * the mentor and the mentee are two different people;
    * exactly the fields its status needs are set: a proposed mentorship has
      only ``proposed_on``; an active one also ``started_on`` and
      ``planned_end``; an ended one also ``ended_on`` and ``reflection``; a
      cancelled one ``cancelled_on`` and ``cancel_reason``, and ``started_on``
      with ``planned_end`` if (and only if) it had started;
    * the dates are in order: ``proposed_on <= started_on < planned_end``,
      ``started_on <= ended_on``, and ``cancelled_on`` is not before the
      proposal nor before the start. A mentorship may end before or after its
      planned end: the planned end is what was agreed, not a deadline.

    Change it with :func:`activate`, :func:`end` and :func:`cancel`.

    Attributes:
        id: The mentorship's own id.
        mentor: The mentor's person id.
        mentee: The mentee's person id.
        status: Where the mentorship is in its life.
        proposed_on: When the pairing was proposed.
        started_on: When the two started (active, ended, and cancelled after starting).
        planned_end: The agreed end, after ``started_on``.
        ended_on: When it ended, with its closing reflection.
        reflection: The closing reflection: what the two learned.
        cancel_reason: Why it was cancelled.
        cancelled_on: When it was cancelled.
    """

    id: str = attrs.field(validator=_validate.identifier)
    mentor: str = attrs.field(validator=_validate.identifier)
    mentee: str = attrs.field(validator=_validate.identifier)
    status: MentorshipStatus = attrs.field(
        default=MentorshipStatus.PROPOSED,
        converter=_status,
        validator=_validate.instance_of(MentorshipStatus),
    )
    proposed_on: dt.date = attrs.field(validator=_validate.date)
    started_on: dt.date | None = attrs.field(
        default=None, validator=_validate.optional(_validate.date)
    )
    planned_end: dt.date | None = attrs.field(
        default=None, validator=_validate.optional(_validate.date)
    )
    ended_on: dt.date | None = attrs.field(
        default=None, validator=_validate.optional(_validate.date)
    )
    reflection: str | None = attrs.field(default=None, validator=_validate.optional(_validate.text))
    cancel_reason: str | None = attrs.field(
        default=None, validator=_validate.optional(_validate.text)
    )
    cancelled_on: dt.date | None = attrs.field(
        default=None, validator=_validate.optional(_validate.date)
    )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if self.mentee == self.mentor:
            problems.append(Problem("mentee", self.mentee, "must not be the mentor"))
        problems.extend(self._state_problems())
        problems.extend(self._date_problems())
        if problems:
            raise InvalidDataError(problems)

    def _state_problems(self) -> list[Problem]:
        required = _REQUIRED[self.status]
        allowed = required | _OPTIONAL.get(self.status, frozenset())
        problems = _validate.status_field_problems(
            self, self.status.value, _DATED_FIELDS, required, allowed
        )
        if self.status is MentorshipStatus.CANCELLED and (self.started_on is None) != (
            self.planned_end is None
        ):
            # A cancelled mentorship had started (both dates) or had not (neither).
            problems.append(
                Problem(
                    "planned_end", self.planned_end, "is set together with started_on or not at all"
                )
            )
        return problems

    def _date_problems(self) -> list[Problem]:
        problems = []
        start, proposed = self.started_on, self.proposed_on
        if start is not None and start < proposed:
            problems.append(_before("started_on", start, "proposed_on", proposed))
        if start is not None and self.planned_end is not None and self.planned_end <= start:
            problems.append(
                Problem(
                    "planned_end",
                    self.planned_end,
                    f"must be after started_on ({start.isoformat()})",
                )
            )
        if start is not None and self.ended_on is not None and self.ended_on < start:
            problems.append(_before("ended_on", self.ended_on, "started_on", start))
        if self.cancelled_on is not None:
            if start is not None and self.cancelled_on < start:
                problems.append(_before("cancelled_on", self.cancelled_on, "started_on", start))
            elif self.cancelled_on < proposed:
                problems.append(_before("cancelled_on", self.cancelled_on, "proposed_on", proposed))
        return problems


def _before(name: str, value: dt.date, bound_name: str, bound: dt.date) -> Problem:
    return Problem(name, value, f"must not be before {bound_name} ({bound.isoformat()})")


# --- transitions -------------------------------------------------------------------


def propose(id: str, *, mentor: str, mentee: str, on: dt.date) -> Mentorship:
    """A new mentorship between ``mentor`` and ``mentee``, proposed ``on`` that day.

    Proposing builds a value rather than changing one, so bad input is
    :class:`~learnkit.exceptions.InvalidDataError`, not a refused move.

    Raises:
        InvalidDataError: an id is not an id, ``on`` is not a date, or the
            mentor and the mentee are the same person (every problem at once).
    """
    _validate.require_date(on, "on")
    return Mentorship(id=id, mentor=mentor, mentee=mentee, proposed_on=on)


def activate(
    mentorship: Mentorship, *, on: dt.date, planned_end: dt.date | None = None
) -> Mentorship:
    """The proposed ``mentorship`` started ``on`` that day, agreed to run until ``planned_end``.

    Without ``planned_end`` the agreed end is ``DEFAULT_PLANNED_MONTHS``
    (six) calendar months after ``on`` (31 August + six months is the last
    day of February).

    Raises:
        TransitionError: listing every unmet rule: the mentorship is not
            proposed (``mentorship.refused.not_proposed``, or
            ``mentorship.refused.final``), ``on`` is before the proposal
            (``mentorship.refused.start_before_proposal``), ``planned_end`` is
            not after ``on`` (``mentorship.refused.planned_end_not_after_start``).
        InvalidDataError: ``mentorship`` is not a :class:`Mentorship`, or a
            date is not a date.
    """
    _require_mentorship(mentorship)
    _validate.require_date(on, "on")
    end_date = _planned_end(on, planned_end)
    _refuse(mentorship, MentorshipStatus.ACTIVE, on=on, planned_end=end_date)
    return attrs.evolve(
        mentorship, status=MentorshipStatus.ACTIVE, started_on=on, planned_end=end_date
    )


def end(mentorship: Mentorship, *, on: dt.date, reflection: str) -> Mentorship:
    """The active ``mentorship`` ended ``on`` that day, closed with ``reflection``.

    It may end before or after its planned end.

    Raises:
        TransitionError: listing every unmet rule: the mentorship is not
            active (``mentorship.refused.not_active``, or
            ``mentorship.refused.final``), ``on`` is before the start
            (``mentorship.refused.end_before_start``), the reflection is
            missing or blank (``mentorship.refused.reflection_missing``).
        InvalidDataError: ``mentorship`` is not a :class:`Mentorship`, ``on``
            is not a date, or ``reflection`` is not text or holds control characters.
    """
    _require_mentorship(mentorship)
    _validate.require_date(on, "on")
    given: object = reflection
    text = _text("reflection", "" if given is None else given)
    _refuse(mentorship, MentorshipStatus.ENDED, on=on, reflection=text)
    return attrs.evolve(mentorship, status=MentorshipStatus.ENDED, ended_on=on, reflection=text)


def cancel(mentorship: Mentorship, *, on: dt.date, reason: str) -> Mentorship:
    """The proposed or active ``mentorship`` cancelled ``on`` that day, for ``reason``.

    A mentorship that had started keeps its start and planned end.

    Raises:
        TransitionError: listing every unmet rule: the mentorship has ended or
            was cancelled (``mentorship.refused.final``), ``on`` is before the
            proposal or the start (``mentorship.refused.cancel_before_proposal``,
            ``mentorship.refused.cancel_before_start``), the reason is missing
            or blank (``mentorship.refused.reason_missing``).
        InvalidDataError: ``mentorship`` is not a :class:`Mentorship`, ``on``
            is not a date, or ``reason`` is not text or holds control characters.
    """
    _require_mentorship(mentorship)
    _validate.require_date(on, "on")
    given: object = reason
    text = _text("reason", "" if given is None else given)
    _refuse(mentorship, MentorshipStatus.CANCELLED, on=on, reason=text)
    return attrs.evolve(
        mentorship, status=MentorshipStatus.CANCELLED, cancelled_on=on, cancel_reason=text
    )


def can_move(
    mentorship: Mentorship,
    target: MentorshipStatus | str,
    *,
    on: dt.date | None = None,
    planned_end: dt.date | None = None,
    reflection: str | None = None,
    reason: str | None = None,
) -> tuple[str, ...]:
    """Every rule a move of ``mentorship`` to ``target`` would break; empty when it is allowed.

    The guard behind :func:`activate`, :func:`end` and :func:`cancel`: given
    the same arguments, it returns exactly the reasons the transition's
    :class:`~learnkit.exceptions.TransitionError` would carry, and ``()``
    exactly when the transition succeeds. A rule about an argument that is
    left out (``None``) is not checked, so ``can_move(m, "ended")`` asks only
    whether the state allows it, and a bot can grey out buttons before anyone
    has typed a reflection. Arguments that do not concern ``target`` are
    ignored, so one set of arguments can be asked about every target. Moving
    to ``proposed`` is never allowed.

    Raises:
        InvalidDataError: ``target`` is not a status, or a given argument has
            the wrong type (as the transition would raise).
    """
    _require_mentorship(mentorship)
    status = _target(target)
    if on is not None:
        _validate.require_date(on, "on")
    if status is MentorshipStatus.ACTIVE and on is not None:
        planned_end = _planned_end(on, planned_end)
    elif planned_end is not None:
        _validate.require_date(planned_end, "planned_end")
    reflection_text = None if reflection is None else _text("reflection", reflection)
    reason_text = None if reason is None else _text("reason", reason)
    return _unmet(
        mentorship,
        status,
        on=on,
        planned_end=planned_end,
        reflection=reflection_text,
        reason=reason_text,
    )


def _target(value: object) -> MentorshipStatus:
    for status in MentorshipStatus:
        if value is status or value == status.value:
            return status
    choices = ", ".join(repr(status.value) for status in MentorshipStatus)
    raise InvalidDataError.single(
        "target", value, f"must be a MentorshipStatus or one of {choices}"
    )


def _require_mentorship(value: object) -> None:
    if not isinstance(value, Mentorship):
        raise InvalidDataError.single("mentorship", value, "must be a Mentorship")


def _planned_end(on: dt.date, planned_end: dt.date | None) -> dt.date:
    if planned_end is None:
        return on + relativedelta(months=DEFAULT_PLANNED_MONTHS)
    _validate.require_date(planned_end, "planned_end")
    return planned_end


def _text(field: str, value: object) -> str:
    """``value`` when it is a string; blank is left to the rules, control characters are refused."""
    if not isinstance(value, str):
        raise InvalidDataError.single(field, value, "must be a string")
    if any(unicodedata.category(ch) in ("Cc", "Cs") and ch not in "\n\t" for ch in value):
        raise InvalidDataError.single(field, value, "must not contain control characters")
    return value


def _refuse(
    mentorship: Mentorship,
    target: MentorshipStatus,
    *,
    on: dt.date,
    planned_end: dt.date | None = None,
    reflection: str | None = None,
    reason: str | None = None,
) -> None:
    reasons = _unmet(
        mentorship, target, on=on, planned_end=planned_end, reflection=reflection, reason=reason
    )
    if reasons:
        raise TransitionError(
            f"mentorship {mentorship.id}", mentorship.status.value, target.value, reasons
        )


def _state_reason(source: MentorshipStatus, target: MentorshipStatus) -> str | None:
    if source.is_final:
        return FINAL
    if target is MentorshipStatus.PROPOSED:
        return NO_WAY_BACK
    if target is MentorshipStatus.ACTIVE and source is not MentorshipStatus.PROPOSED:
        return NOT_PROPOSED
    if target is MentorshipStatus.ENDED and source is not MentorshipStatus.ACTIVE:
        return NOT_ACTIVE
    return None


def _unmet(
    mentorship: Mentorship,
    target: MentorshipStatus,
    *,
    on: dt.date | None,
    planned_end: dt.date | None,
    reflection: str | None,
    reason: str | None,
) -> tuple[str, ...]:
    # Every rule is checked on its own, so a refusal lists all of them at once;
    # a rule whose argument is None is not asked (see can_move).
    reasons: list[str] = []
    state = _state_reason(mentorship.status, target)
    if state is not None:
        reasons.append(state)
    start = mentorship.started_on
    if target is MentorshipStatus.ACTIVE and on is not None:
        if on < mentorship.proposed_on:
            reasons.append(START_BEFORE_PROPOSAL)
        if planned_end is not None and planned_end <= on:
            reasons.append(PLANNED_END_NOT_AFTER_START)
    elif target is MentorshipStatus.ENDED:
        if on is not None and start is not None and on < start:
            reasons.append(END_BEFORE_START)
        if reflection is not None and not reflection.strip():
            reasons.append(REFLECTION_MISSING)
    elif target is MentorshipStatus.CANCELLED:
        if on is not None and start is not None and on < start:
            reasons.append(CANCEL_BEFORE_START)
        elif on is not None and on < mentorship.proposed_on:
            reasons.append(CANCEL_BEFORE_PROPOSAL)
        if reason is not None and not reason.strip():
            reasons.append(REASON_MISSING)
    return tuple(reasons)


# --- check-ins ---------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class CheckInCadence:
    """How often a mentor and a mentee meet to follow up (*opfølgning*).

    The default is every two weeks for the first three months, then monthly.
    See :meth:`nominal_dates` for exactly which days that gives.

    Attributes:
        early_interval_days: Days between check-ins early on (1 to 366).
        early_phase_months: How many calendar months "early on" lasts from the
            start (0 to 120; 0 goes straight to the later interval).
        later_interval_months: Calendar months between check-ins after that (1 to 24).
    """

    early_interval_days: int = attrs.field(default=14, validator=_validate.int_between(1, 366))
    early_phase_months: int = attrs.field(default=3, validator=_validate.int_between(0, 120))
    later_interval_months: int = attrs.field(default=1, validator=_validate.int_between(1, 24))

    def nominal_dates(self, start: dt.date, planned_end: dt.date) -> tuple[dt.date, ...]:
        """The check-in days before any moving to working days, ascending.

        Early on they are ``start + k * early_interval_days`` for ``k = 1, 2, ...``
        up to ``start + early_phase_months`` months; after that they are
        ``last + j * later_interval_months`` months for ``j = 1, 2, ...``,
        counted from the last early check-in (from ``start`` when there was
        none), so the change of pace never puts two check-ins a few days apart.
        Months are calendar months (31 January + one month is 28 or 29
        February; later months count from the anchor again, so the day of the
        month does not drift). Nothing after ``planned_end``; the start itself
        is not a check-in (it is the first meeting).

        Raises:
            InvalidDataError: either is not a date.
        """
        _validate.require_date(start, "start")
        _validate.require_date(planned_end, "planned_end")
        dates: list[dt.date] = []
        phase_end = min(start + relativedelta(months=self.early_phase_months), planned_end)
        step = dt.timedelta(days=self.early_interval_days)
        day = start + step
        while day <= phase_end:
            dates.append(day)
            day += step
        anchor = dates[-1] if dates else start
        later = 1
        # Each month counted from the anchor, not from the previous check-in, so
        # 31 January, 28 February, 31 March rather than drifting to the 28th.
        day = anchor + relativedelta(months=self.later_interval_months)
        while day <= planned_end:
            dates.append(day)
            later += 1
            day = anchor + relativedelta(months=self.later_interval_months * later)
        return tuple(dates)


DEFAULT_CADENCE: Final = CheckInCadence()


def check_in_dates(
    mentorship: Mentorship, calendar: Calendar, cadence: CheckInCadence = DEFAULT_CADENCE
) -> tuple[dt.date, ...]:
    """The agreed check-in days of ``mentorship``: working days, strictly increasing.

    Each of ``cadence``'s :meth:`~CheckInCadence.nominal_dates` between the
    start and the planned end that falls on a weekend day or holiday moves to
    the next working day, as a meeting would; when the next working day would
    pass the planned end it moves to the previous working day instead, so the
    last check-in before the agreed end is kept rather than lost. A date that
    then coincides with (or falls before) the previous check-in is dropped, so
    the result is unique and strictly increasing: after a three-week summer
    shutdown there is one check-in, not two on consecutive days.

    Guarantees: every date is a working day of ``calendar``, after
    ``started_on`` and on or before ``planned_end``. With ``g`` the longest run
    of days off between the start and the planned end, each date is at most
    ``g`` days after the nominal date it stands for, or (only the last one) at
    most ``g`` days before it, and every nominal date has a check-in within
    ``g`` days of it. Nothing is dropped while ``2g`` is less than every
    nominal gap (``g <= 6`` for the default cadence); then consecutive
    check-ins are their nominal gap ``± g`` days apart (down to ``gap - 2g``
    for the last pair): the fortnights of the first three months 14 ± g.

    The schedule is the one agreed at the start, whatever the status; a
    mentorship that never started (proposed, or cancelled before it
    started) has none.

    Raises:
        OutOfRangeError: ``calendar`` does not cover a day it had to look at
            (a calendar covering the start to the planned end always suffices).
        InvalidDataError: the arguments are not a Mentorship, a Calendar and a
            CheckInCadence.
    """
    _require_mentorship(mentorship)
    _require(calendar, Calendar, "calendar")
    _require(cadence, CheckInCadence, "cadence")
    start, planned_end = mentorship.started_on, mentorship.planned_end
    if start is None or planned_end is None:
        return ()
    dates: list[dt.date] = []
    for nominal in cadence.nominal_dates(start, planned_end):
        floor = dates[-1] if dates else start
        day = _working_day_near(calendar, nominal, after=floor, until=planned_end)
        if day is not None:
            dates.append(day)
    return tuple(dates)


def _working_day_near(
    calendar: Calendar, nominal: dt.date, *, after: dt.date, until: dt.date
) -> dt.date | None:
    """The next working day from ``nominal`` up to ``until``, else the previous one after ``after``.

    ``None`` when the working day found is not after ``after`` (it would repeat
    or precede the previous check-in) or there is none.
    """
    one = dt.timedelta(days=1)
    day = nominal
    while day <= until:
        if calendar.is_working_day(day):
            return day if day > after else None
        day += one
    day = nominal - one
    while day > after:
        if calendar.is_working_day(day):
            return day
        day -= one
    return None


_require = _validate.require_instance


@attrs.frozen
class CheckIn:
    """A check-in that was held: the mentorship it belongs to, the day and an optional note.

    Attributes:
        mentorship: The id of the mentorship.
        held_on: The day the two met.
        note: What they talked about, if anyone wrote it down.
    """

    mentorship: str = attrs.field(validator=_validate.identifier)
    held_on: dt.date = attrs.field(validator=_validate.date)
    note: str | None = attrs.field(default=None, validator=_validate.optional(_validate.text))


@attrs.frozen(kw_only=True)
class DueCheckIn:
    """A scheduled check-in that is due and has not been settled by one that was held.

    Attributes:
        mentorship: The id of the mentorship.
        mentor: The mentor's person id.
        mentee: The mentee's person id.
        scheduled: The working day it was scheduled for.
        days_overdue: Working days from ``scheduled`` to the day asked about
            (0 on the day itself, 1 on the next working day).
    """

    mentorship: str = attrs.field(validator=_validate.identifier)
    mentor: str = attrs.field(validator=_validate.identifier)
    mentee: str = attrs.field(validator=_validate.identifier)
    scheduled: dt.date = attrs.field(validator=_validate.date)
    days_overdue: int = attrs.field(validator=_validate.count)


def check_ins_due(
    mentorships: Iterable[Mentorship],
    *,
    as_of: dt.date,
    calendar: Calendar,
    held: Iterable[CheckIn] = (),
    cadence: CheckInCadence = DEFAULT_CADENCE,
) -> tuple[DueCheckIn, ...]:
    """The scheduled check-ins of the active mentorships that are due on ``as_of``.

    A scheduled check-in (from :func:`check_in_dates`) is due when it is on or
    before ``as_of`` and no held check-in settles it. A held check-in counts
    for the scheduled day nearest to it (the start counting as day zero; on
    a tie, the earlier day), and settles that day and every scheduled day
    before it: meeting a few days early counts for the coming check-in,
    meeting late counts for the missed one, and catching up after missing
    two leaves nothing to nag about. Check-ins held after ``as_of`` are not
    known on ``as_of`` and are ignored, as are check-ins of mentorships not
    given. Only active mentorships are looked at.

    Sorted by scheduled day, then mentorship id (the most overdue first), the
    same whatever order the inputs come in.

    Raises:
        InvalidDataError: an item is not a Mentorship or a CheckIn, a
            mentorship id is listed twice, or ``as_of`` is not a date.
        OutOfRangeError: ``calendar`` does not cover the days looked at.
    """
    _validate.require_date(as_of, "as_of")
    _require(calendar, Calendar, "calendar")
    _require(cadence, CheckInCadence, "cadence")
    problems: list[Problem] = []
    given = _items(mentorships, Mentorship, "mentorships", problems)
    meetings = _items(held, CheckIn, "held", problems)
    seen: set[str] = set()
    for mentorship in given:
        if mentorship.id in seen:
            problems.append(
                Problem(f"mentorships[id={mentorship.id}].id", mentorship.id, "is listed twice")
            )
        seen.add(mentorship.id)
    if problems:
        raise InvalidDataError(problems)
    held_on: dict[str, list[dt.date]] = {}
    for meeting in meetings:
        if meeting.held_on <= as_of:
            held_on.setdefault(meeting.mentorship, []).append(meeting.held_on)
    due: list[DueCheckIn] = []
    for mentorship in given:
        if mentorship.status is not MentorshipStatus.ACTIVE:
            continue
        scheduled = check_in_dates(mentorship, calendar, cadence)
        start = cast("dt.date", mentorship.started_on)  # every active mentorship has started
        settled = _settled((start, *scheduled), held_on.get(mentorship.id, ()))
        due.extend(
            DueCheckIn(
                mentorship=mentorship.id,
                mentor=mentorship.mentor,
                mentee=mentorship.mentee,
                scheduled=day,
                days_overdue=calendar.working_days_between(day, as_of),
            )
            for day in scheduled[settled:]
            if day <= as_of
        )
    return tuple(sorted(due, key=lambda item: (item.scheduled, item.mentorship)))


_items = _validate.items_of


def _settled(anchors: tuple[dt.date, ...], held: Iterable[dt.date]) -> int:
    """How many scheduled days (a prefix) the held check-ins settle.

    ``anchors`` is the start followed by the scheduled days.
    """
    settled = 0
    for day in held:
        index = bisect.bisect_right(anchors, day)  # anchors[index - 1] <= day < anchors[index]
        if index == 0:
            continue  # before the start: it settles nothing
        if index < len(anchors) and anchors[index] - day < day - anchors[index - 1]:
            nearest = index
        else:
            nearest = index - 1
        settled = max(settled, nearest)
    return settled
