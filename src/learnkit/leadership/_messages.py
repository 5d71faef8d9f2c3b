"""What a bot can say about recognition and the balance, in Danish or English.

Every sentence comes from the ``leadership.*`` texts of the i18n catalogues;
numbers are written the way each language writes them (``12 %`` in Danish,
``12%`` in English). Names default to ids: pass ``name=`` (or ``names=``) to
show display names instead.
"""

from __future__ import annotations

from collections.abc import Callable

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


def percent(share: float, locale: Locale) -> str:
    """``share`` (0.125) as a whole percentage in ``locale`` (``"13 %"`` / ``"13%"``).

    Rounds half to even, as Python's :func:`~builtins.round` does.
    """
    return translate("leadership.percent", check_locale(locale), value=round(share * 100))


def band_text(band: DevelopmentBand, locale: Locale) -> str:
    """The band as a range of whole percentages (``"10–20 %"`` / ``"10–20%"``)."""
    return translate(
        "leadership.band",
        check_locale(locale),
        low=round(band.low * 100),
        high=round(band.high * 100),
    )


def _plural(key: str, count: int, locale: Locale, **params: object) -> str:
    return translate(f"{key}.{'one' if count == 1 else 'other'}", locale, count=count, **params)


def mix_summary(mix: RecognitionMix, locale: Locale) -> str:
    """One sentence on the mix: how many recognitions, the share for learning and for results.

    A mix without recognitions says so instead of showing shares.
    """
    locale = check_locale(locale)
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
    """
    locale = check_locale(locale)
    if not mix.never_recognised:
        return translate("leadership.mix.everyone_recognised", locale)
    people = ", ".join(names(person) for person in mix.never_recognised)
    return translate("leadership.mix.never_recognised", locale, people=people)


def flag_message(
    week: WeekBalance, band: DevelopmentBand, locale: Locale, *, name: str | None = None
) -> str | None:
    """The sentence about a week outside the band; ``None`` for a week within it or without hours.

    The week is named by its ISO week number.
    """
    locale = check_locale(locale)
    if week.share is None or week.position is BandPosition.WITHIN:
        return None
    key = "below" if week.position is BandPosition.BELOW else "above"
    return translate(
        f"leadership.flag.{key}",
        locale,
        person=name or week.person,
        share=percent(week.share, locale),
        week=week.week.isocalendar().week,
        band=band_text(band, locale),
    )


def no_development_message(person: str, weeks: int, locale: Locale) -> str:
    """The sentence that ``person`` (id or name) had no development time for ``weeks`` weeks."""
    return _plural("leadership.no_development", weeks, check_locale(locale), person=person)
