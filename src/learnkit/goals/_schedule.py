"""The follow-up days between two development reviews.

Follow-ups are whole days, not times: a short check-in is put in the calendar
by the two people, at a time that suits them. A day has no daylight saving,
so a schedule of days cannot drift by an hour when clocks change; the only
calendar traps are short months and leap days, and :func:`follow_ups` states
what it does with them.
"""

from __future__ import annotations

import datetime as dt

from learnkit.exceptions import InvalidDataError
from learnkit.goals import _rrule
from learnkit.goals._review import DevelopmentReview
from learnkit.time import Calendar

__all__ = ["follow_up_dates", "follow_ups"]


def follow_up_dates(review: DevelopmentReview) -> tuple[dt.date, ...]:
    """The nominal follow-up days of ``review``, before any moving to working days.

    The days ``d`` of the review's ``follow_up_rule``, counted from ``held_on``,
    with ``held_on < d < next_review_on``, ascending. A monthly or yearly rule
    without ``BY`` parts (such as the default ``FREQ=MONTHLY;INTERVAL=3``)
    counts calendar months and clamps to the end of a short month: a review on
    31 August is followed up on 30 November, 28 (or 29) February and 31 May,
    where RFC 5545 would skip the months without a 31st. Any other rule is
    expanded as RFC 5545 says (``FREQ=MONTHLY;BYDAY=-1FR``: the last Friday
    of every month).

    Raises:
        InvalidDataError: ``review`` is not a DevelopmentReview.
    """
    _require_review(review)
    return _rrule.occurrences(review.follow_up_rule, review.held_on, review.next_review_on)


def follow_ups(review: DevelopmentReview, *, calendar: Calendar) -> tuple[dt.date, ...]:
    """The follow-up days of ``review``: working days strictly between the two reviews.

    Each nominal day of :func:`follow_up_dates` that is not a working day of
    ``calendar`` moves to the next working day; when that would reach the next
    review, it moves to the previous working day instead (a follow-up just
    before the next review is better than none); when that would reach back to
    the review itself it is dropped. Days that coincide after moving are kept
    once.

    Guarantees: every day ``d`` is a working day with
    ``held_on < d < next_review_on``; the days are distinct and ascending;
    each is the nominal day it stands for when that is a working day, else
    the nearest working day after it (or, only near the next review, before
    it). A nominal day is left out only when its working day would be the one
    already kept for an earlier nominal day (or earlier still), or when no
    working day lies between the two reviews.

    Raises:
        InvalidDataError: the arguments are not a review and a calendar.
        OutOfRangeError: ``calendar`` does not cover a day it had to look at
            (a calendar covering the review to the next review suffices).
    """
    _require_review(review)
    if not isinstance(calendar, Calendar):
        raise InvalidDataError.single("calendar", calendar, "must be a Calendar")
    held, following = review.held_on, review.next_review_on
    days: list[dt.date] = []
    for nominal in follow_up_dates(review):
        day = _working_day_near(calendar, nominal, after=held, before=following)
        if day is not None and (not days or day > days[-1]):
            days.append(day)
    return tuple(days)


def _working_day_near(
    calendar: Calendar, nominal: dt.date, *, after: dt.date, before: dt.date
) -> dt.date | None:
    """The first working day from ``nominal`` before ``before``, else the last after ``after``."""
    one = dt.timedelta(days=1)
    day = nominal
    while day < before:
        if calendar.is_working_day(day):
            return day
        day += one
    day = nominal - one
    while day > after:
        if calendar.is_working_day(day):
            return day
        day -= one
    return None


def _require_review(value: object) -> None:
    if not isinstance(value, DevelopmentReview):
        raise InvalidDataError.single("review", value, "must be a DevelopmentReview")
