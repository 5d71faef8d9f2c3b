"""Pulse results and trends as lines of text for people, in Danish or English.

Pure functions: they return strings and print nothing. Teams are named by the
roster's team names; a released result shows its score with one decimal
(a decimal comma in Danish) and its number of respondents; a withheld result
says why, and never how many answered.
"""

from __future__ import annotations

from collections.abc import Iterable

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem, UnknownIdError
from learnkit.i18n import Locale, check_locale, translate
from learnkit.people import Roster
from learnkit.safety._model import DEFAULT_POINTS, EDMONDSON_ITEMS, SafetySurvey
from learnkit.safety._results import (
    PulseResults,
    SafetyGroup,
    TeamScore,
    Withheld,
    WithheldReason,
)
from learnkit.safety._trend import TrendPoint

__all__ = ["group_name", "pulse_lines", "scale_lines", "trend_lines"]


def _number(value: float, locale: Locale, *, signed: bool = False) -> str:
    text = f"{value:+.1f}" if signed else f"{value:.1f}"
    if text in ("+0.0", "-0.0"):
        text = "±0.0"
    return text.replace(".", ",") if locale == "da" else text


def _shown_change(score: float, change: float) -> float:
    # The change between the two scores as they are shown (one decimal), so that
    # "5.0, then 5.2" never reads "+0.3" because of the decimals not shown.
    return float(f"{score:.1f}") - float(f"{score - change:.1f}")


def _team_name(team: str, roster: Roster | None) -> str:
    if roster is None:
        return team
    try:
        return roster.team(team).name
    except UnknownIdError:
        return team


def group_name(group: SafetyGroup, roster: Roster | None, locale: Locale) -> str:
    """What ``group`` is called for people: "Alle", a team's name, "Platform, newcomer".

    Teams are named by ``roster`` (their id when the roster lacks them or is
    ``None``); labels are shown as they are.

    Raises:
        InvalidDataError: ``group`` is not a SafetyGroup, ``roster`` is not a
            Roster or ``None``, or ``locale`` is unknown (every problem at once).
    """
    problems: list[Problem] = []
    _check_group(group, "group", problems)
    locale = _check_common(roster, locale, problems)
    if problems:
        raise InvalidDataError(problems)
    return _group_name(group, roster, locale)


def _check_group(group: object, field: str, problems: list[Problem]) -> None:
    if not isinstance(group, SafetyGroup):
        problems.append(Problem(field, group, "must be a SafetyGroup"))


def _check_common(roster: object, locale: object, problems: list[Problem]) -> Locale:
    """``locale`` when it is known (else ``"da"``); problems of ``roster`` and ``locale`` added."""
    if roster is not None and not isinstance(roster, Roster):
        problems.append(Problem("roster", roster, "must be a Roster or null"))
    try:
        return check_locale(locale)
    except InvalidDataError as error:
        problems.extend(error.problems)
        return "da"


def _group_name(group: SafetyGroup, roster: Roster | None, locale: Locale) -> str:
    if group.team is None and group.label is None:
        return translate("safety.group.everyone", locale)
    if group.team is None:
        return translate("safety.group.label", locale, label=group.label)
    team = _team_name(group.team, roster)
    if group.label is None:
        return translate("safety.group.team", locale, team=team)
    return translate("safety.group.team_label", locale, team=team, label=group.label)


def _released_line(score: TeamScore, roster: Roster | None, locale: Locale) -> str:
    key = "safety.result.released." + ("one" if score.respondents == 1 else "other")
    return translate(
        key,
        locale,
        group=_group_name(score.group, roster, locale),
        score=_number(score.score, locale),
        points=score.points,
        respondents=score.respondents,
    )


def _withheld_line(item: Withheld, roster: Roster | None, locale: Locale) -> str:
    name = _group_name(item.group, roster, locale)
    if item.because_of is None:
        return translate("safety.result.too_few", locale, group=name, k=item.k)
    other = _group_name(item.because_of, roster, locale)
    key = f"safety.result.{item.reason.value}"
    return translate(key, locale, group=name, other=other, k=item.k)


def pulse_lines(
    results: PulseResults,
    roster: Roster | None = None,
    locale: Locale = "da",
    *,
    survey: SafetySurvey | None = None,
) -> list[str]:
    """One pulse for people: a heading (when ``survey`` is given), the threshold, every group.

    Groups come in reading order, released and withheld together: everyone,
    each team followed by its subgroups, then labels across teams, so a
    reader sees why a subgroup is missing right below its team. A withheld
    line states the reason and the threshold, never a respondent count.

    Raises:
        InvalidDataError: ``results`` is not a :class:`PulseResults`,
            ``roster`` not a Roster or ``None``, ``locale`` not ``"da"`` or
            ``"en"``, or ``survey`` not a SafetySurvey or ``None`` (every
            problem at once).
    """
    problems: list[Problem] = []
    given: tuple[object, object] = (results, survey)
    if not isinstance(given[0], PulseResults):
        problems.append(Problem("results", results, "must be a PulseResults"))
    locale = _check_common(roster, locale, problems)
    if given[1] is not None and not isinstance(given[1], SafetySurvey):
        problems.append(Problem("survey", survey, "must be a SafetySurvey or null"))
    if problems:
        raise InvalidDataError(problems)
    lines: list[str] = []
    if survey is not None:
        lines.append(
            translate(
                "safety.pulse.heading",
                locale,
                survey=survey.name or survey.id,
                first=survey.period.first.isoformat(),
                last=survey.period.last.isoformat(),
            )
        )
    plural = "one" if results.k == 1 else "other"
    lines.append(translate(f"safety.pulse.threshold.{plural}", locale, k=results.k))
    entries: dict[SafetyGroup, TeamScore | Withheld] = {s.group: s for s in results.released}
    entries.update((w.group, w) for w in results.withheld)
    if not entries:
        lines.append(translate("safety.pulse.nothing", locale))
    for group in sorted(entries, key=_reading_order):
        entry = entries[group]
        if isinstance(entry, TeamScore):
            lines.append(_released_line(entry, roster, locale))
        else:
            lines.append(_withheld_line(entry, roster, locale))
    return lines


def _reading_order(group: SafetyGroup) -> tuple[int, str, int, str]:
    # Everyone; each team followed by its subgroups; then labels across teams.
    if group.team is None:
        return (
            0 if group.label is None else 2,
            "",
            0 if group.label is None else 1,
            group.label or "",
        )
    return (1, group.team, 0 if group.label is None else 1, group.label or "")


def trend_lines(
    points: Iterable[TrendPoint],
    group: SafetyGroup,
    roster: Roster | None = None,
    locale: Locale = "da",
) -> list[str]:
    """A trend for people: a heading, then one line per pulse, oldest first.

    A released point shows its score and its change from the previous
    released point, both to one decimal, the change computed from the scores as
    shown (``±0,0`` when they read the same); a withheld point says why.

    Raises:
        InvalidDataError: ``points`` is not a collection of TrendPoint values,
            ``group`` not a SafetyGroup, ``roster`` not a Roster or ``None``,
            or ``locale`` not ``"da"`` or ``"en"`` (every problem at once).
    """
    problems: list[Problem] = []
    found = _validate.items_of(points, TrendPoint, "points", problems)
    _check_group(group, "group", problems)
    locale = _check_common(roster, locale, problems)
    if problems:
        raise InvalidDataError(problems)
    lines = [translate("safety.trend.heading", locale, group=_group_name(group, roster, locale))]
    for point in found:
        when = {
            "survey": point.survey,
            "first": point.period.first.isoformat(),
            "last": point.period.last.isoformat(),
        }
        shown = point.shown
        if isinstance(shown, TeamScore):
            score = _number(shown.score, locale)
            if point.change is None:
                lines.append(translate("safety.trend.first", locale, score=score, **when))
            else:
                change = _number(_shown_change(shown.score, point.change), locale, signed=True)
                lines.append(
                    translate("safety.trend.change", locale, score=score, change=change, **when)
                )
        else:
            lines.append(_withheld_point(shown, roster, locale, when))
    return lines


def _withheld_point(
    item: Withheld, roster: Roster | None, locale: Locale, when: dict[str, str]
) -> str:
    if item.because_of is None or item.reason is WithheldReason.TOO_FEW:
        return translate("safety.trend.too_few", locale, k=item.k, **when)
    other = _group_name(item.because_of, roster, locale)
    return translate(f"safety.trend.{item.reason.value}", locale, other=other, **when)


def scale_lines(locale: Locale = "da", points: int = 7) -> list[str]:
    """The questionnaire as a bot would ask it: the seven items, then how to answer.

    On the 7-point scale every point is named; on another scale only its ends.
    In Danish a last line says the wording is learnkit's own translation, not
    a validated Danish version.

    Raises:
        InvalidDataError: ``locale`` is unknown, or ``points`` is outside 2..11.
    """
    locale = check_locale(locale)
    given: object = points
    if isinstance(given, bool) or not isinstance(given, int) or not 2 <= given <= 11:
        raise InvalidDataError.single("points", given, "must be a whole number from 2 to 11")
    lines = [
        translate(
            "safety.scale.item", locale, number=item.number, text=translate(item.text_key, locale)
        )
        for item in EDMONDSON_ITEMS
    ]
    if points == DEFAULT_POINTS:
        named = [(point, f"safety.anchor.{point}") for point in range(1, points + 1)]
    else:
        named = [(1, "safety.anchor.low"), (points, "safety.anchor.high")]
    anchors = ", ".join(
        translate("safety.scale.anchor", locale, point=point, text=translate(key, locale))
        for point, key in named
    )
    lines.append(translate("safety.scale.answer", locale, points=points, anchors=anchors))
    if locale == "da":
        lines.append(translate("safety.translation_note", locale))
    return lines
