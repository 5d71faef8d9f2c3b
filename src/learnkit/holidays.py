"""Public holidays from the optional ``holidays`` package, as a :class:`~learnkit.time.Calendar`.

Install with ``pip install 'learnkit[holidays]'``. learnkit itself never imports
this module; :meth:`learnkit.Calendar.for_country` does, when asked.

The ``holidays`` package chooses its language from the process' locale when it
is not given one, which would make a pure function depend on the environment;
this adapter always passes a language (the country's default one).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable

import holidays as _holidays

from learnkit.exceptions import InvalidDataError
from learnkit.time import Calendar, Holiday

__all__ = ["DEFAULT_YEARS", "calendar_for_country"]

DEFAULT_YEARS = range(2000, 2101)
"""The years a country calendar covers when no years are given."""


def calendar_for_country(
    country: str,
    *,
    years: Iterable[int] | None = None,
    subdivision: str | None = None,
    language: str | None = None,
    include_optional: bool = False,
) -> Calendar:
    """A calendar with a country's public holidays for whole years.

    The calendar covers 1 January of the first year to 31 December of the last
    (``first_day``/``last_day``), so a question about a day outside those years
    raises instead of answering without the holidays. The years must form an
    unbroken run.

    Args:
        country: An ISO 3166-1 alpha-2 code such as ``"DK"``.
        years: The years to cover; 2000 to 2100 when not given.
        subdivision: A region where holidays differ within the country.
        language: The language of holiday names; the country's own by default
            (Danish for ``"DK"``), never the process' locale.
        include_optional: Also give the days many workplaces give off though the
            law does not (the package's ``optional`` category). For Denmark these
            are Grundlovsdag, Juleaftensdag and Nytårsaften, and Arbejdernes
            kampdag (1 May).

    Raises:
        InvalidDataError: an unknown country, subdivision, language or category,
            or years that are not an unbroken run of whole numbers.
    """
    given = list(DEFAULT_YEARS if years is None else _iterable_or_empty(years))
    whole = [y for y in given if isinstance(y, int) and not isinstance(y, bool)]
    if not given or len(whole) != len(given):
        raise InvalidDataError.single("years", years, "must be whole years")
    chosen = sorted(set(whole))
    if chosen != list(range(chosen[0], chosen[-1] + 1)):
        raise InvalidDataError.single("years", years, "must be an unbroken run of years")
    supported = _holidays.list_supported_countries()
    if not _is_one_of(country, supported):
        raise InvalidDataError.single(
            "country", country, "is not a country code the holidays package knows"
        )
    if subdivision is not None and not _is_one_of(subdivision, supported[country]):
        raise InvalidDataError.single(
            "subdivision", subdivision, f"is not a subdivision of {country}"
        )
    template = _holidays.country_holidays(country, years=[])
    if language is not None and language not in template.supported_languages:
        known = ", ".join(sorted(template.supported_languages))
        raise InvalidDataError.single("language", language, f"must be one of {known}")
    categories = ("public", "optional") if include_optional else ("public",)
    found = _holidays.country_holidays(
        country,
        subdiv=subdivision,
        years=chosen,
        language=language or template.default_language,
        categories=tuple(c for c in categories if c in template.supported_categories),
    )
    days = [
        Holiday(day, "; ".join(sorted(set(found.get_list(day)))))
        for day in sorted(found)
        if chosen[0] <= day.year <= chosen[-1]
    ]
    return Calendar(
        holidays=days,
        first_day=dt.date(chosen[0], 1, 1),
        last_day=dt.date(chosen[-1], 12, 31),
    )


def _iterable_or_empty(years: object) -> Iterable[object]:
    # A lone year (2026) or a string would otherwise fail deep inside with a TypeError.
    if isinstance(years, str | bytes) or not isinstance(years, Iterable):
        return ()
    return years


def _is_one_of(value: object, known: Collection[str]) -> bool:
    # An unhashable value (a list) must not reach ``in`` on a dict and raise TypeError.
    return isinstance(value, str) and value in known
