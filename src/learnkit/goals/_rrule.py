"""RFC 5545 recurrence rules for follow-ups: strict checking and bounded expansion by date.

A follow-up schedule is a rule such as ``FREQ=MONTHLY;INTERVAL=3`` counted from
the day of the review. Only date-level parts are accepted (no ``BYHOUR``,
``BYMINUTE``, ``BYSECOND``, no ``DTSTART``: the review's day is the start), each
part is checked strictly (``dateutil`` quietly accepts ``BYMONTHDAY=0`` and
loops forever on ``INTERVAL=0``), and expansion is bounded (see :func:`occurrences`).
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re
from typing import Final

from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrulestr

_FREQS: Final = ("YEARLY", "MONTHLY", "WEEKLY", "DAILY")
_DAY: Final = r"(MO|TU|WE|TH|FR|SA|SU)"


def _int_list(*, signed: bool) -> re.Pattern[str]:
    # The ranges are checked after the syntax (see _RANGES).
    sign = "[+-]?" if signed else ""
    return re.compile(rf"{sign}[0-9]{{1,3}}(,{sign}[0-9]{{1,3}})*")


_SYNTAX: Final[dict[str, tuple[re.Pattern[str], str]]] = {
    "FREQ": (re.compile("|".join(_FREQS)), "one of YEARLY, MONTHLY, WEEKLY, DAILY"),
    "INTERVAL": (re.compile(r"[0-9]{1,3}"), "a whole number from 1 to 120"),
    "COUNT": (re.compile(r"[0-9]{1,4}"), "a whole number from 1 to 1000"),
    "UNTIL": (re.compile(r"[0-9]{8}(T[0-9]{6}Z?)?"), "a date such as 20271231"),
    "BYMONTH": (_int_list(signed=False), "months 1 to 12"),
    "BYMONTHDAY": (_int_list(signed=True), "days of the month 1 to 31 or -31 to -1"),
    "BYYEARDAY": (_int_list(signed=True), "days of the year 1 to 366 or -366 to -1"),
    "BYWEEKNO": (_int_list(signed=True), "weeks 1 to 53 or -53 to -1"),
    "BYSETPOS": (_int_list(signed=True), "positions 1 to 366 or -366 to -1"),
    "BYDAY": (
        re.compile(rf"([+-]?[0-9]{{1,2}})?{_DAY}(,([+-]?[0-9]{{1,2}})?{_DAY})*"),
        "weekdays such as MO or 1MO,-1FR",
    ),
    "WKST": (re.compile(_DAY), "a weekday such as MO"),
}
_RANGES: Final[dict[str, int]] = {
    "INTERVAL": 120,
    "COUNT": 1000,
    "BYMONTH": 12,
    "BYMONTHDAY": 31,
    "BYYEARDAY": 366,
    "BYWEEKNO": 53,
    "BYSETPOS": 366,
    "BYDAY": 53,
}
_REFUSED: Final = {
    "DTSTART": "the review's day is the start; leave DTSTART out",
    "BYHOUR": "follow-ups are days; times of day are not part of the rule",
    "BYMINUTE": "follow-ups are days; times of day are not part of the rule",
    "BYSECOND": "follow-ups are days; times of day are not part of the rule",
}
# The Gregorian calendar repeats every 400 years, weekdays and leap days included.
_CYCLE_YEARS: Final = 400
_LATEST_YEAR: Final = dt.MAXYEAR - 5


def parts(rule: str) -> dict[str, str]:
    """The ``NAME=value`` parts of ``rule`` (an optional ``RRULE:`` prefix is dropped).

    Raises:
        ValueError: with a message saying what is wrong, when ``rule`` is not a
            rule this module accepts.
    """
    if not isinstance(rule, str):
        raise ValueError("must be a string such as 'FREQ=MONTHLY;INTERVAL=3'")
    body = rule.removeprefix("RRULE:")
    found: dict[str, str] = {}
    for part in body.split(";"):
        name, sep, value = part.partition("=")
        if not sep or not name:
            raise ValueError(f"part {part!r} is not NAME=value")
        if name in _REFUSED:
            raise ValueError(f"{name} is not allowed: {_REFUSED[name]}")
        if name not in _SYNTAX:
            raise ValueError(f"{name} is not a recurrence part learnkit knows")
        if name in found:
            raise ValueError(f"{name} is given twice")
        pattern, expected = _SYNTAX[name]
        if pattern.fullmatch(value) is None or not _in_range(name, value):
            raise ValueError(f"{name} must be {expected}")
        found[name] = value
    if "FREQ" not in found:
        raise ValueError("FREQ is required")
    if "COUNT" in found and "UNTIL" in found:
        raise ValueError("COUNT and UNTIL cannot both be given")
    if "UNTIL" in found:
        _until(found["UNTIL"])
    return found


def _in_range(name: str, value: str) -> bool:
    if name not in _RANGES:
        return True
    high = _RANGES[name]
    numbers = [re.sub(r"[A-Z]", "", item) for item in value.split(",")]
    return all(
        (not number and name == "BYDAY") or (number and 1 <= abs(int(number)) <= high)
        for number in numbers
    )


def _until(value: str) -> dt.date:
    try:
        return dt.datetime.strptime(value[:8], "%Y%m%d").date()
    except ValueError:
        raise ValueError("UNTIL must be a date such as 20271231") from None


def problem(rule: object) -> str | None:
    """Why ``rule`` is not an accepted follow-up rule, or ``None`` when it is."""
    try:
        found = parts(rule)  # type: ignore[arg-type]
        # dateutil must read it too (it parses, it does not expand, so this is quick).
        rrulestr(_text(found, drop_until=True), dtstart=dt.datetime(2000, 1, 1))
    except (ValueError, TypeError, KeyError, IndexError, OverflowError) as error:
        return str(error) or "is not a recurrence rule"
    return None


def _text(found: dict[str, str], *, drop_until: bool) -> str:
    return ";".join(f"{k}={v}" for k, v in found.items() if not (drop_until and k == "UNTIL"))


def clamps_months(found: dict[str, str]) -> bool:
    """Whether the rule steps whole months or years from the start without any ``BY`` part."""
    return found["FREQ"] in ("MONTHLY", "YEARLY") and not any(k.startswith("BY") for k in found)


def occurrences(rule: str, start: dt.date, end: dt.date) -> tuple[dt.date, ...]:
    """The days ``d`` of ``rule`` counted from ``start`` with ``start < d < end``, ascending.

    ``start`` is the rule's ``DTSTART``; as in ``dateutil`` it counts towards
    ``COUNT`` only when it matches the rule (it always does for the month steps
    below, so ``FREQ=MONTHLY;COUNT=4`` gives three days after it). A monthly or yearly rule
    without ``BY`` parts counts calendar months from ``start`` and clamps to the
    end of a short month (31 August + 3 months is 30 November; 29 February
    + 12 months is 28 February), where RFC 5545 would skip the month.

    Bounded: the rule is expanded in the same place of the 400-year Gregorian
    cycle near year 9999, so a rule that never matches (``BYMONTH=2;BYMONTHDAY=30``)
    stops at the end of the calendar within a few hundred years instead of
    scanning eight thousand.

    Raises:
        ValueError: ``rule`` is not accepted (see :func:`problem`).
    """
    found = parts(rule)
    if "UNTIL" in found:
        end = min(end, _until(found["UNTIL"]) + dt.timedelta(days=1))
    if end <= start:
        return ()
    shift = _CYCLE_YEARS * ((_LATEST_YEAR - end.year) // _CYCLE_YEARS)
    clamp = clamps_months(found)
    anchor = start.replace(day=1) if clamp else start
    first = dt.datetime.combine(anchor + relativedelta(years=shift), dt.time())
    last = dt.datetime.combine(end + relativedelta(years=shift), dt.time())
    expanded = rrulestr(_text(found, drop_until=True), dtstart=first)
    days: list[dt.date] = []
    for moment in expanded:
        if moment >= last:
            break
        year = moment.year - shift
        if clamp:
            last_day = _calendar.monthrange(year, moment.month)[1]
            day = dt.date(year, moment.month, min(start.day, last_day))
        else:
            day = moment.date().replace(year=year)
        if start < day < end and (not days or day != days[-1]):
            days.append(day)
    return tuple(days)
