"""The culture report as plain text and as Markdown, in Danish or English.

Both are pure functions returning a string. Numbers follow the locale: a
decimal comma and ``42 %`` in Danish, a decimal point and ``42%`` in English.
Shares are written as whole percentages, rates per task, person or review with
two decimals and safety scores with one (Python's rounding, half to even);
the trend arrow is decided on these shown numbers.
"""

from __future__ import annotations

from learnkit.culture._model import CultureReport, Indicator, Target, TargetKind
from learnkit.culture._units import UNITS, Unit, shown_digits
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.i18n import Locale, check_locale, translate

__all__ = ["format_value", "render_markdown", "render_text"]


def _number(unit: Unit, value: float, locale: Locale) -> str:
    text = shown_digits(unit, value)
    return text.replace(".", ",") if locale == "da" else text


def format_value(key: str, value: float | None, locale: Locale) -> str:
    """``value`` of indicator ``key`` as the report writes it (``"42 %"``, ``"1,25 pr. opgave"``).

    ``None`` is written ``"–"``.

    Raises:
        InvalidDataError: ``key`` is not an indicator key, or the locale is unknown.
    """
    checked = check_locale(locale)
    given: object = key
    unit = UNITS.get(given) if isinstance(given, str) else None
    if unit is None:
        raise InvalidDataError.single("key", key, "is not an indicator key of the culture report")
    if value is None:
        return translate("culture.value.none", checked)
    return translate(f"culture.unit.{unit.value}", checked, value=_number(unit, value, checked))


def _target(key: str, target: Target, locale: Locale) -> str:
    if target.kind is TargetKind.BAND:
        return translate(
            "culture.target.band",
            locale,
            low=format_value(key, target.good, locale),
            high=format_value(key, target.good_high, locale),
        )
    return translate(
        f"culture.target.{target.kind.value}", locale, value=format_value(key, target.good, locale)
    )


def _name(report: CultureReport, item: Indicator, locale: Locale) -> str:
    if item.scope is None:
        return translate(f"culture.indicator.{item.key}", locale)
    team = report.team_name(item.scope)
    if item.key == "safety.team_score":
        return translate("culture.indicator.safety.team_score.team", locale, team=team)
    name = translate(f"culture.indicator.{item.key}", locale)
    return translate("culture.indicator.scoped", locale, name=name, team=team)


def _trend(item: Indicator, locale: Locale) -> str:
    if item.previous is None:
        return translate("culture.trend.none", locale)
    previous = format_value(item.key, item.previous, locale)
    if item.trend is None:
        return translate("culture.trend.previous_only", locale, previous=previous)
    return translate("culture.trend.change", locale, arrow=item.trend.arrow, previous=previous)


def _row(report: CultureReport, item: Indicator, locale: Locale) -> tuple[str, str, str, str, str]:
    return (
        _name(report, item, locale),
        format_value(item.key, item.value, locale),
        _target(item.key, item.target, locale),
        translate(item.status.text_key, locale),
        _trend(item, locale),
    )


def counted_note(item: Indicator, locale: Locale) -> str:
    """The "what counted" sentence for one indicator."""
    if item.key == "safety.team_score":
        if not item.records:
            return translate("culture.counted.safety.none", locale)
        state = "released" if item.value is not None else "withheld"
        return translate(f"culture.counted.safety.{state}", locale, survey=item.records[0])
    if item.key == "leadership.development":
        if not item.records:
            return translate("culture.counted.nothing", locale)
        return translate("culture.counted.leadership.development", locale, count=len(item.records))
    if not item.denominator:
        return translate("culture.counted.nothing", locale)
    return translate(
        f"culture.counted.{item.key}",
        locale,
        numerator=item.numerator,
        denominator=item.denominator,
    )


def _check(report: object, locale: object) -> Locale:
    problems: list[Problem] = []
    if not isinstance(report, CultureReport):
        problems.append(Problem("report", report, "must be a CultureReport"))
    try:
        checked = check_locale(locale)
    except InvalidDataError as error:
        problems.extend(error.problems)
    if problems:
        raise InvalidDataError(problems)
    return checked


def _heading(report: CultureReport, locale: Locale) -> str:
    if report.name:
        name = " ".join(report.name.split())  # one line, whatever breaks the name holds
        return translate("culture.heading.named", locale, name=name)
    return translate("culture.heading", locale)


def _period(report: CultureReport, locale: Locale) -> str:
    previous = report.period.previous()
    return translate(
        "culture.period",
        locale,
        first=report.period.first.isoformat(),
        last=report.period.last.isoformat(),
        as_of=report.as_of.isoformat(),
        previous_first=previous.first.isoformat(),
        previous_last=previous.last.isoformat(),
    )


def _columns(locale: Locale) -> tuple[str, str, str, str, str]:
    names = ("indicator", "value", "target", "status", "trend")
    a, b, c, d, e = (translate(f"culture.column.{name}", locale) for name in names)
    return (a, b, c, d, e)


def render_text(report: CultureReport, locale: Locale) -> str:
    """The report as aligned plain text: a heading, the period, then one line per indicator.

    Each line holds the indicator's name, its value, its target, the status
    word and the trend arrow (▲ ▼ ►) with the previous value; columns are
    padded with spaces to line up. Ends with a newline; no line has trailing
    spaces.

    Raises:
        InvalidDataError: ``report`` is not a CultureReport, or the locale is
            unknown (both at once).
    """
    checked = _check(report, locale)
    rows = [_columns(checked), *(_row(report, item, checked) for item in report.indicators)]
    widths = [max(len(row[column]) for row in rows) for column in range(5)]
    lines = [_heading(report, checked), _period(report, checked), ""]
    for row in rows:
        cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """``text`` on one Markdown line: line breaks become spaces, backslash and pipe are escaped."""
    one_line = " ".join(text.splitlines())
    return one_line.replace("\\", "\\\\").replace("|", "\\|")


def render_markdown(report: CultureReport, locale: Locale) -> str:
    """The report as Markdown: a heading, the period, a table, and what each indicator counted.

    The table has one row per indicator (name, value, target, status, trend);
    below it a numbered list says, per indicator in the same order, what was
    counted (or that a safety result is withheld for anonymity). A ``|`` in
    a name is escaped, so the table keeps its columns, and a line break in
    the organisation's or a team's name becomes a space, so the heading
    and each row stay on one line.

    Raises:
        InvalidDataError: ``report`` is not a CultureReport, or the locale is
            unknown (both at once).
    """
    checked = _check(report, locale)
    lines = [f"# {_cell(_heading(report, checked))}", "", _period(report, checked), ""]
    lines.append("| " + " | ".join(_columns(checked)) + " |")
    lines.append("|---|---:|---|---|---|")
    for number, item in enumerate(report.indicators, start=1):
        name, value, target, status, change = _row(report, item, checked)
        cells = (f"{name} ({number})", value, target, status, change)
        lines.append("| " + " | ".join(_cell(cell) for cell in cells) + " |")
    lines.extend(["", f"## {translate('culture.counted.heading', checked)}", ""])
    for number, item in enumerate(report.indicators, start=1):
        lines.append(
            f"{number}. **{_cell(_name(report, item, checked))}**: {counted_note(item, checked)}"
        )
    return "\n".join(lines) + "\n"
