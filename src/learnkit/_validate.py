"""attrs validators that raise :class:`~learnkit.exceptions.InvalidDataError`.

attrs' own validators raise bare ``TypeError``/``ValueError``; ours name the field
and the value in a :class:`~learnkit.exceptions.Problem`, so one ``except
LearnkitError`` catches every refusal and serialization can report its path.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable
from typing import Any, TypeVar, cast

import attrs

from learnkit.exceptions import InvalidDataError, Problem

T = TypeVar("T")

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def fail(attribute: attrs.Attribute[Any], value: object, message: str) -> InvalidDataError:
    """The error for one bad field."""
    return InvalidDataError.single(attribute.name, value, message)


def _type_name(kind: type | tuple[type, ...]) -> str:
    if isinstance(kind, tuple):
        return " or ".join(k.__name__ for k in kind)
    return kind.__name__


def instance_of(kind: type | tuple[type, ...]) -> Validator:
    """The value is an instance of ``kind``; ``bool`` never passes for ``int``."""
    kinds = kind if isinstance(kind, tuple) else (kind,)
    # A tuple such as (int, float) must refuse True as well; bool passes only when asked for.
    refuse_bool = int in kinds and bool not in kinds

    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind) or (isinstance(value, bool) and refuse_bool):
            raise fail(attribute, value, f"must be {_type_name(kind)}")

    return check


def optional(validator: Validator) -> Validator:
    """``None`` or whatever ``validator`` accepts."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            validator(instance, attribute, value)

    return check


def text(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A string with visible content, without control characters."""
    if not isinstance(value, str):
        raise fail(attribute, value, "must be a string")
    if not value.strip():
        raise fail(attribute, value, "must not be empty")
    # Lone surrogates (Cs) cannot be written as UTF-8, so they are refused with the rest.
    if any(unicodedata.category(ch) in ("Cc", "Cs") and ch not in "\n\t" for ch in value):
        raise fail(attribute, value, "must not contain control characters")


def identifier(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An id: a non-empty string without surrounding or inner line breaks and control characters.

    Ids come from HR systems (numbers, e-mail addresses, initials), so any printable
    text is accepted; only what cannot be an id is refused.
    """
    if not isinstance(value, str):
        raise fail(attribute, value, "must be a string id")
    if not value or value != value.strip():
        raise fail(attribute, value, "must be non-empty without surrounding spaces")
    # A printable string has no character of a "C" category (control, format,
    # surrogate, private use, unassigned): the common case skips the slow scan.
    if not value.isprintable() and any(unicodedata.category(ch).startswith("C") for ch in value):
        raise fail(attribute, value, "must not contain control characters")


def int_between(low: int, high: int) -> Validator:
    """An ``int`` (not a ``bool``) with ``low <= value <= high``."""

    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool):
            raise fail(attribute, value, "must be a whole number")
        if not low <= value <= high:
            raise fail(attribute, value, f"must be between {low} and {high}")

    return check


def count(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A whole number (an ``int``, not a ``bool``) that is zero or more."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise fail(attribute, value, "must be a whole number >= 0")


def number_between(low: float, high: float) -> Validator:
    """A finite ``int`` or ``float`` (not a ``bool``) with ``low <= value <= high``."""

    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise fail(attribute, value, "must be a number")
        if not low <= value <= high:  # also refuses NaN
            raise fail(attribute, value, f"must be between {low} and {high}")

    return check


def one_of(allowed: Collection[object]) -> Validator:
    """One of the ``allowed`` values."""

    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in allowed:
            choices = ", ".join(repr(a) for a in sorted(allowed, key=repr))
            raise fail(attribute, value, f"must be one of {choices}")

    return check


def matches(pattern: str, description: str) -> Validator:
    """A string that matches ``pattern`` in full; ``description`` says what is expected."""
    compiled = re.compile(pattern)

    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str) or compiled.fullmatch(value) is None:
            raise fail(attribute, value, f"must be {description}")

    return check


def date(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A calendar date (a ``datetime`` is refused: it would hide a time of day)."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise fail(attribute, value, "must be a date (not a datetime)")


def aware_datetime(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A timezone-aware ``datetime`` whose wall time exists in its zone."""
    problem = datetime_problem(value)
    if problem is not None:
        raise fail(attribute, value, problem)


def datetime_problem(value: object) -> str | None:
    """Why ``value`` is not an aware datetime that exists in its zone, or ``None`` when it is.

    A wall time in the gap when clocks spring forward (02:30 on the last Sunday
    of March in Copenhagen) never happened; a zone library quietly shifts it, so
    it is refused here rather than stored and misread later.
    """
    if not isinstance(value, dt.datetime):
        return "must be a datetime"
    if value.tzinfo is None or value.utcoffset() is None:
        return "must be timezone-aware (naive datetimes are ambiguous)"
    try:
        round_trip = value.astimezone(dt.UTC).astimezone(value.tzinfo)
    except OverflowError:  # e.g. 0001-01-01 00:00+01:00 is before the first UTC instant
        return "lies too near the ends of the calendar (years 1 to 9999) to compare in UTC"
    if round_trip.replace(tzinfo=None, fold=0) != value.replace(tzinfo=None, fold=0):
        return "is a local time that does not exist in its zone (clocks sprang forward)"
    return None


def each(validator: Validator, *, container: type = tuple) -> Validator:
    """A ``container`` whose every item passes ``validator``; paths say which item failed."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, container):
            raise fail(attribute, value, f"must be a {container.__name__}")
        problems: list[Problem] = []
        items = cast("Iterable[object]", value)
        if container is frozenset:
            items = sorted(items, key=repr)  # a stable order for the paths
        for index, item in enumerate(items):
            label = repr(item) if container is frozenset else str(index)
            try:
                validator(instance, attribute, item)
            except InvalidDataError as error:
                problems.extend(
                    Problem(f"{attribute.name}[{label}]", p.value, p.message)
                    for p in error.problems
                )
        if problems:
            raise InvalidDataError(problems)

    return check


def canonical_tuple(value: object, key: Callable[[Any], Any] | None = None) -> Any:
    """Converter: an iterable becomes a tuple sorted by ``key``.

    Anything else (a string, a number, items that cannot be sorted) passes
    through unchanged, so the field's validator can name the bad value instead
    of a ``TypeError`` escaping from ``sorted``.
    """
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        return value
    items = tuple(value)
    try:
        return tuple(sorted(items, key=key))
    except (TypeError, AttributeError):
        return items


def require_date(value: object, field: str) -> None:
    """Refuse anything but a calendar date, naming ``field``."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InvalidDataError.single(field, value, "must be a date (not a datetime)")


def require_count(value: object, field: str) -> None:
    """Refuse anything but a whole number >= 0, naming ``field``."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidDataError.single(field, value, "must be a whole number >= 0")


def require_instance(value: object, kind: type, field: str) -> None:
    """Refuse anything but an instance of ``kind``, naming ``field``."""
    if not isinstance(value, kind):
        raise InvalidDataError.single(field, value, f"must be a {kind.__name__}")


def items_of(values: object, kind: type[T], field: str, problems: list[Problem]) -> tuple[T, ...]:
    """The items of ``values`` that are ``kind``; each other item adds a problem.

    A string or a non-iterable is one problem naming ``field``; an item of
    another type is a problem naming ``field[index]``. Nothing raises, so a
    caller can report every problem of every argument at once.
    """
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        problems.append(Problem(field, values, f"must be a collection of {kind.__name__} values"))
        return ()
    found: list[T] = []
    for index, item in enumerate(cast("Iterable[object]", values)):
        if isinstance(item, kind):
            found.append(item)
        else:
            problems.append(Problem(f"{field}[{index}]", item, f"must be a {kind.__name__}"))
    return tuple(found)


def status_field_problems(
    instance: object,
    status: str,
    fields: Iterable[str],
    required: Collection[str],
    allowed: Collection[str],
) -> list[Problem]:
    """What a value in ``status`` gets wrong about its status-dependent ``fields``.

    A field in ``required`` must be set (not ``None``); a field outside ``allowed``
    must not be. One problem per field at fault, naming the field and the status.
    """
    problems = []
    for name in fields:
        value = getattr(instance, name)
        if value is None and name in required:
            problems.append(Problem(name, None, f"is required when the status is {status!r}"))
        elif value is not None and name not in allowed:
            problems.append(Problem(name, value, f"must not be set when the status is {status!r}"))
    return problems
