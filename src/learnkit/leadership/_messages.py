"""What a bot can say about recognition and the balance, in Danish or English.

Every sentence comes from the ``leadership.*`` texts of the i18n catalogues;
numbers are written the way each language writes them (``12 %`` in Danish,
``12%`` in English). Names default to ids: pass ``name=`` (or ``names=``) to
show display names instead.

Every function checks its arguments and raises
:class:`~learnkit.exceptions.InvalidDataError` naming each one of the wrong
type (and an unknown locale) all at once, rather than failing half-way.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.i18n import Locale, check_locale, translate
from learnkit.leadership._allocation import BandPosition, DevelopmentBand
from learnkit.leadership._balance import WeekBalance
from learnkit.leadership._recognition import RecognitionMix

__all__ = [
    "band_text",
    "flag_message",
    "mix_summary",
    "never_recognised_message",
    "no_development_message",
    "percent",
]


def _instance(value: object, kind: type, field: str, problems: list[Problem]) -> None:
    """Add a problem naming ``field`` unless ``value`` is a ``kind``."""
    try:
        _validate.require_instance(value, kind, field)
    except InvalidDataError as error:
        problems.extend(error.problems)


def _locale(locale: object, problems: list[Problem]) -> Locale:
    """``locale`` when learnkit speaks it; otherwise a problem is added (and ``"en"`` returned)."""
    try:
        return check_locale(locale)
    except InvalidDataError as error:
        problems.extend(error.problems)
        return "en"


def _raise_any(problems: list[Problem]) -> None:
    if problems:
        raise InvalidDataError(problems)


def _share(value: object, problems: list[Problem]) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        problems.append(Problem("share", value, "must be a finite number"))
        return 0.0
    return float(value)


def percent(share: float, locale: Locale) -> str:
    """``share`` (0.125) as a whole percentage in ``locale`` (``"13 %"`` / ``"13%"``).

    Rounds half to even, as Python's :func:`~builtins.round` does.

    Raises:
        InvalidDataError: ``share`` is not a finite number, or ``locale`` is
            not ``"da"`` or ``"en"`` (both at once).
    """
    problems: list[Problem] = []
    value = _share(share, problems)
    checked = _locale(locale, problems)
    _raise_any(problems)
    return translate("leadership.percent", checked, value=round(value * 100))


def band_text(band: DevelopmentBand, locale: Locale) -> str:
    """The band as a range of whole percentages (``"10–20 %"`` / ``"10–20%"``).

    Raises:
        InvalidDataError: ``band`` is not a DevelopmentBand, or ``locale`` is
            not ``"da"`` or ``"en"`` (both at once).
    """
    problems: list[Problem] = []
    _instance(band, DevelopmentBand, "band", problems)
    checked = _locale(locale, problems)
    _raise_any(problems)
    return _band_text(band, checked)


def _band_text(band: DevelopmentBand, locale: Locale) -> str:
    return translate(
        "leadership.band", locale, low=round(band.low * 100), high=round(band.high * 100)
    )


def _plural(key: str, count: int, locale: Locale, **params: object) -> str:
    return translate(f"{key}.{'one' if count == 1 else 'other'}", locale, count=count, **params)


def mix_summary(mix: RecognitionMix, locale: Locale) -> str:
    """One sentence on the mix: how many recognitions, the share for learning and for results.

    A mix without recognitions says so instead of showing shares.

    Raises:
        InvalidDataError: ``mix`` is not a RecognitionMix, or ``locale`` is
            not ``"da"`` or ``"en"`` (both at once).
    """
    problems: list[Problem] = []
    _instance(mix, RecognitionMix, "mix", problems)
    locale = _locale(locale, problems)
    _raise_any(problems)
    if mix.learning_share is None or mix.result_share is None:
        return translate("leadership.mix.empty", locale)
    return _plural(
        "leadership.mix.summary",
        mix.total,
        locale,
        learning=percent(mix.learning_share, locale),
        result=percent(mix.result_share, locale),
    )


def never_recognised_message(
    mix: RecognitionMix, locale: Locale, *, names: Callable[[str], str] = str
) -> str:
    """Who in the team received no recognition in the period, or that everyone did.

    ``names`` turns an id into what is shown; the people appear in id order.

    Raises:
        InvalidDataError: ``mix`` is not a RecognitionMix, ``names`` is not
            callable, or ``locale`` is not ``"da"`` or ``"en"`` (every problem at once).
    """
    problems: list[Problem] = []
    _instance(mix, RecognitionMix, "mix", problems)
    function: object = names
    if not callable(function):
        problems.append(Problem("names", names, "must be a function from id to name"))
    locale = _locale(locale, problems)
    _raise_any(problems)
    if not mix.never_recognised:
        return translate("leadership.mix.everyone_recognised", locale)
    people = ", ".join(names(person) for person in mix.never_recognised)
    return translate("leadership.mix.never_recognised", locale, people=people)


def flag_message(
    week: WeekBalance, band: DevelopmentBand, locale: Locale, *, name: str | None = None
) -> str | None:
    """The sentence about a week outside the band; ``None`` for a week within it or without hours.

    The week is named by its ISO week number.

    Raises:
        InvalidDataError: ``week`` is not a WeekBalance, ``band`` not a
            DevelopmentBand, ``name`` neither a string nor ``None``, or
            ``locale`` not ``"da"`` or ``"en"`` (every problem at once).
    """
    problems: list[Problem] = []
    _instance(week, WeekBalance, "week", problems)
    _instance(band, DevelopmentBand, "band", problems)
    shown: object = name
    if shown is not None and not isinstance(shown, str):
        problems.append(Problem("name", name, "must be a string or None"))
    locale = _locale(locale, problems)
    _raise_any(problems)
    if week.share is None or week.position is BandPosition.WITHIN:
        return None
    key = "below" if week.position is BandPosition.BELOW else "above"
    return translate(
        f"leadership.flag.{key}",
        locale,
        person=name or week.person,
        share=percent(week.share, locale),
        week=week.week.isocalendar().week,
        band=_band_text(band, locale),
    )


def no_development_message(person: str, weeks: int, locale: Locale) -> str:
    """The sentence that ``person`` (id or name) had no development time for ``weeks`` weeks.

    Raises:
        InvalidDataError: ``person`` is not a string, ``weeks`` is not a whole
            number of at least 1, or ``locale`` is not ``"da"`` or ``"en"``
            (every problem at once).
    """
    problems: list[Problem] = []
    _instance(person, str, "person", problems)
    count: object = weeks
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        problems.append(Problem("weeks", weeks, "must be a whole number >= 1"))
    checked = _locale(locale, problems)
    _raise_any(problems)
    return _plural("leadership.no_development", weeks, checked, person=person)
