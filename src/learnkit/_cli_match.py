"""``learnkit match``: read a cohort, match its mentors and mentees, show the result.

The matching is :func:`learnkit.mentoring.optimal` or
:func:`~learnkit.mentoring.stable`; this module reads the cohort document (and
``--roster``'s CSV export, which takes the place of the document's roster) and
lays out the pairs with the reasons that add most to their score, the
unmatched with why, and the guarantee of the result. :func:`match_blocks` is
shared with the demo's mentoring step.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import Final

from learnkit._cli_io import (
    InputError,
    UsageError,
    invalid,
    read_bytes,
    read_json,
    shown_as,
    table,
)
from learnkit._cli_options import choice
from learnkit._cli_options import locale as option_locale
from learnkit.exceptions import InvalidDataError, LearnkitError
from learnkit.i18n import Locale, translate
from learnkit.mentoring import Cohort, MatchResult, ScorePart, optimal, stable
from learnkit.people import Roster
from learnkit.rostercsv import roster_from_csv
from learnkit.serialize import from_dict, to_dict, to_json

__all__ = ["match_blocks", "match_command"]

_METHODS: Final = ("optimal", "stable")
_OBJECTIVES: Final = ("participation", "score")
_MATCH_REASONS: Final = 2  # score parts shown a pair in `match`; the demo shows one


def match_command(namespace: argparse.Namespace, prog: str) -> str:
    """What ``learnkit match`` prints for the parsed ``namespace``.

    Raises:
        UsageError: The options are wrong or no cohort file is given.
        InputError: A file is missing or unreadable, or its data is invalid or
            cannot be matched.
    """
    locale = option_locale(namespace, prog)
    method = choice(namespace.method, "--method", _METHODS, prog, locale)
    objective = choice(namespace.objective, "--objective", _OBJECTIVES, prog, locale)
    if namespace.objective is not None and method != "optimal":
        message = translate(
            "cli.error.only_with", locale, option="--objective", other="--method optimal"
        )
        raise UsageError(prog, message)
    source: str | None = namespace.file
    if source is None:
        raise UsageError(prog, translate("cli.error.no_cohort_file", locale))
    csv_source: str | None = namespace.roster
    if source == "-" and csv_source == "-":
        raise UsageError(prog, translate("cli.error.stdin_twice", locale))
    shown = shown_as(source, locale)
    roster = None
    if csv_source is not None:
        csv_shown = shown_as(csv_source, locale)
        roster = _read_csv_roster(csv_source, csv_shown, locale)
    cohort = _read_cohort(source, shown, roster, locale)
    try:
        if method == "stable":
            result = stable(cohort)
        else:
            result = optimal(cohort, objective="score" if objective == "score" else "participation")
    except InvalidDataError as error:  # e.g. a locked pair that breaks a hard rule
        raise invalid(shown, error, locale) from None
    except LearnkitError as error:
        reason = " ".join(str(error).split())
        raise InputError(
            translate("cli.error.cannot_match", locale, path=shown, reason=reason)
        ) from None
    if namespace.json:
        return to_json(result, indent=2) + "\n"
    title = translate("cli.title.match", locale, source=shown)
    lines = [title, "=" * len(title), _method_line(result, locale)]
    return (
        "\n\n".join(
            "\n".join(block)
            for block in (lines, *match_blocks(cohort, result, locale, _MATCH_REASONS))
        )
        + "\n"
    )


def _read_csv_roster(source: str, shown: str, locale: Locale) -> Roster:
    data = read_bytes(source, shown, locale)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        # Danish Excel's "CSV (semikolonsepareret)" writes Windows-1252, not UTF-8.
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as error:
            raise InputError(
                translate("cli.error.not_text", locale, path=shown, position=error.start)
            ) from None
    try:
        return roster_from_csv(text)
    except InvalidDataError as error:
        raise invalid(shown, error, locale) from None


def _read_cohort(source: str, shown: str, roster: Roster | None, locale: Locale) -> Cohort:
    text = read_json(source, shown, locale)
    document = json.loads(text)
    if roster is not None:
        data = document.get("data") if isinstance(document, dict) else None
        if isinstance(data, dict):
            if "roster" in data:
                raise InputError(translate("cli.error.two_rosters", locale, path=shown))
            # The CSV roster takes the document's place, so every later check
            # (unknown people, paths in errors) works as for one document.
            data["roster"] = to_dict(roster)["data"]
    try:
        return from_dict(document, Cohort)
    except InvalidDataError as error:
        raise invalid(shown, error, locale) from None


def _method_line(result: MatchResult, locale: Locale) -> str:
    key = result.method if result.method == "stable" else f"optimal_{result.objective}"
    return translate(f"cli.match.method.{key}", locale)


def match_blocks(
    cohort: Cohort, result: MatchResult, locale: Locale, reasons: int
) -> list[list[str]]:
    """The summary, the pairs with their top reasons, the unmatched, and the guarantee."""
    roster = cohort.roster
    total = len(result.matches) + len(result.unmatched)
    average = result.total_score / len(result.matches) if result.matches else 0.0
    summary = translate(
        "cli.match.summary",
        locale,
        matched=len(result.matches),
        mentees=total,
        total=_decimal(result.total_score, locale),
        average=_decimal(average, locale),
    )
    blocks = [[summary], _pairs(cohort, result, locale, reasons)]
    if result.unmatched:
        unmatched = [translate("cli.match.unmatched", locale, count=len(result.unmatched))]
        unmatched += [
            f"  {_label(roster, item.mentee)}: {item.explain(locale)}" for item in result.unmatched
        ]
        blocks.append(unmatched)
    blocks.append([translate("cli.match.guarantee", locale, text=result.guarantee_text(locale))])
    return blocks


def _pairs(cohort: Cohort, result: MatchResult, locale: Locale, reasons: int) -> list[str]:
    heading = translate("cli.match.pairs", locale)
    if not result.matches:
        return [heading, "  " + translate("cli.match.no_pairs", locale)]
    header = [
        translate(f"cli.match.{column}", locale)
        for column in ("mentee", "mentor", "score", "reasons")
    ]
    rows = [header]
    locked = translate("cli.match.locked", locale)
    for pair in result.matches:
        score = _decimal(pair.score, locale)
        shown = _top_parts(pair.parts, reasons)
        texts = [
            f"{_decimal(share, locale)}  {part.reason.render(locale)}" for part, share in shown
        ] or ["–"]
        if pair.locked:
            texts[0] = f"({locked}) {texts[0]}"
        mentee, mentor = _label(cohort.roster, pair.mentee), _label(cohort.roster, pair.mentor)
        rows.append([mentee, mentor, score, texts[0]])
        rows.extend(["", "", "", text] for text in texts[1:])
    return [heading, *table(rows, right={2})]


def _top_parts(parts: Sequence[ScorePart], count: int) -> list[tuple[ScorePart, float]]:
    """The ``count`` parts adding most to the score, with their share of it; ties by rule order."""
    total = sum(part.weight for part in parts)
    if total <= 0:
        return []
    shares = [(part, part.weight * part.value / total) for part in parts]
    ranked = sorted(
        (item for item in enumerate(shares) if item[1][1] > 0),
        key=lambda item: (-item[1][1], item[0]),
    )
    return [share for _, share in ranked[:count]]


def _label(roster: Roster, person_id: str) -> str:
    name = roster.person(person_id).name if person_id in roster else person_id
    return f"{name} ({person_id})"


def _decimal(value: float, locale: Locale) -> str:
    text = f"{value:.2f}"
    return text.replace(".", ",") if locale == "da" else text
