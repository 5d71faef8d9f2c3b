"""The logic of ``learnkit review check``, kept pure: files come in as bytes, text goes out.

:mod:`learnkit.cli` parses the arguments and hands :func:`check_files` a function
that reads a file; everything else (decoding, telling Markdown from JSON,
parsing, the blameless-language check, the output and the exit status) is here,
so it can be tested without a file system.

Output, one line per finding, in the form editors and CI annotate::

    postmortems/2026-11-tilbud.md:15:80: counterfactual: [advarsel] »burde have« beskriver ...

then one summary line. The exit status is 0 when no finding is at or above
the ``fail_on`` severity, 1 when one is, and 2 when a file could not be read
as a review (missing, a directory, not UTF-8, not valid JSON, not a valid
review); a file that cannot be read does not stop the others from being checked.

The language policy is the default one unless ``--block``, ``--warn``,
``--info`` or ``--disable`` move kinds of finding (see :func:`language_policy`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Final

import attrs

from learnkit.exceptions import Problem
from learnkit.i18n import Locale, translate
from learnkit.incidents._language import (
    DEFAULT_LANGUAGE_POLICY,
    FindingKind,
    FindingSeverity,
    LanguageFinding,
    LanguagePolicy,
    check_review,
    is_overridden,
)
from learnkit.incidents._markdown import parse_review_markdown
from learnkit.incidents._review_file import ReviewFile, ReviewFileError
from learnkit.incidents._review_json import parse_review_json

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_UNREADABLE",
    "FORMATS",
    "KINDS",
    "POLICY_OPTIONS",
    "SEVERITIES",
    "PolicyOptionError",
    "ReviewCheck",
    "check_files",
    "language_policy",
]

SEVERITIES: Final[tuple[str, ...]] = ("block", "warn", "info")
"""The ``--fail-on`` choices, most severe first (``block`` is the default)."""

FORMATS: Final[tuple[str, ...]] = ("markdown", "json")
"""The ``--format`` choices."""

KINDS: Final[tuple[str, ...]] = tuple(kind.value for kind in FindingKind)
"""The kinds of finding the policy options name, as the output names them."""

POLICY_OPTIONS: Final[tuple[str, ...]] = ("block", "warn", "info", "disable")
"""The policy options (``--block KIND`` ...), each repeatable."""

EXIT_FINDINGS: Final = 1
EXIT_UNREADABLE: Final = 2

_RANK: Final = {FindingSeverity.BLOCK: 3, FindingSeverity.WARN: 2, FindingSeverity.INFO: 1}
_THRESHOLD: Final = {"block": 3, "warn": 2, "info": 1}
_JSON_SUFFIXES: Final = (".json",)
_MARKDOWN_SUFFIXES: Final = (".md", ".markdown", ".mdown", ".mkd")
_VALUE_CHARS: Final = 60

Reader = Callable[[str], bytes]
"""Reads a file's bytes by its name (``"-"``: standard input); raises ``OSError``."""


@attrs.frozen(kw_only=True)
class ReviewCheck:
    """What ``learnkit review check`` prints and the status it exits with.

    Attributes:
        output: Standard output: a line per finding or per problem of a file
            that is not a valid review, then the summary line.
        errors: Lines for standard error: files that could not be read at all.
        status: 0, :data:`EXIT_FINDINGS` or :data:`EXIT_UNREADABLE`.
    """

    output: str
    errors: tuple[str, ...]
    status: int


class PolicyOptionError(ValueError):
    """A policy option names an unknown kind, or two options name the same kind.

    Attributes:
        message: What is wrong, in the locale asked for, naming the option and the kind.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def language_policy(options: Mapping[str, Sequence[str]], *, locale: Locale) -> LanguagePolicy:
    """The default language policy with the kinds the options name moved.

    Args:
        options: The kinds given to each of :data:`POLICY_OPTIONS` (``"block"``
            makes them block, ``"warn"`` warn, ``"info"`` inform, ``"disable"``
            not checked); options not given are missing or empty. A kind may be
            repeated within one option.
        locale: The language of the error message.

    Guarantees: every kind not named keeps its default severity, every kind
    named gets exactly the severity of its option; with no options the result
    is :data:`~learnkit.incidents.DEFAULT_LANGUAGE_POLICY`.

    Raises:
        PolicyOptionError: a kind is not one of :data:`KINDS`, or two options
            name the same kind (the first such problem in option order).
    """
    chosen: dict[FindingKind, str] = {}
    for option in POLICY_OPTIONS:
        for value in options.get(option, ()):
            if value not in KINDS:
                raise PolicyOptionError(
                    translate(
                        "cli.error.bad_choice",
                        locale,
                        option=f"--{option}",
                        value=value,
                        choices=" | ".join(KINDS),
                    )
                )
            kind = FindingKind(value)
            earlier = chosen.setdefault(kind, option)
            if earlier != option:
                raise PolicyOptionError(
                    translate(
                        "cli.review.error.kind_twice",
                        locale,
                        kind=value,
                        first=f"--{earlier}",
                        second=f"--{option}",
                    )
                )
    if not chosen:
        return DEFAULT_LANGUAGE_POLICY
    moved = set(chosen)

    def kinds(option: str, default: frozenset[FindingKind]) -> frozenset[FindingKind]:
        return (default - moved) | {kind for kind, given in chosen.items() if given == option}

    default = DEFAULT_LANGUAGE_POLICY
    return LanguagePolicy(
        blocking=kinds("block", default.blocking),
        info=kinds("info", default.info),
        disabled=kinds("disable", default.disabled),
    )


def check_files(
    sources: Sequence[str],
    *,
    read: Reader,
    locale: Locale,
    fail_on: str = "block",
    file_format: str | None = None,
    policy: LanguagePolicy = DEFAULT_LANGUAGE_POLICY,
) -> ReviewCheck:
    """Check the reviews in ``sources`` for blaming language, as ``learnkit review check`` does.

    Args:
        sources: File names, in the order given (``"-"`` is standard input).
        read: Reads a file's bytes; an ``OSError`` makes the file unreadable.
        locale: The language of every message.
        fail_on: ``"block"``, ``"warn"`` or ``"info"``: the least severe
            finding that makes the status :data:`EXIT_FINDINGS`.
        file_format: ``"markdown"`` or ``"json"`` for every file; by default
            each file's extension decides (``.json`` is JSON, ``.md`` Markdown,
            anything else is JSON when it starts with ``{``).
        policy: Which kinds of finding block, warn or inform (the command
            builds it with :func:`language_policy`).

    Guarantees: the same files give the same output; findings of a file are
    listed by line and column; overridden findings are not listed, only
    counted; the summary counts as checked only the files that were read as
    reviews, and the others apart.
    """
    lines: list[str] = []
    errors: list[str] = []
    counts = [0, 0, 0]
    unreadable = 0
    overridden = 0
    for source in sources:
        shown = translate("cli.stdin", locale) if source == "-" else source
        text = _read(source, shown, read, locale, errors)
        if text is None:
            unreadable += 1
            continue
        try:
            parsed = _parse(text, source, file_format)
        except ReviewFileError as error:
            unreadable += 1
            lines.extend(_invalid(shown, error, locale))
            continue
        findings = check_review(parsed.review, policy=policy)
        kept = [f for f in findings if not is_overridden(f, parsed.review.overrides)]
        overridden += len(findings) - len(kept)
        for finding in kept:
            counts[3 - _RANK[finding.severity]] += 1
        lines.extend(_finding_lines(shown, parsed, kept, locale))
    total = sum(counts)
    lines.append(_summary(len(sources) - unreadable, total, counts, unreadable, locale))
    if overridden:
        lines.append(_plural("cli.review.overridden", overridden, locale))
    threshold = _THRESHOLD[fail_on]
    failing = sum(counts[: 4 - threshold])
    status = EXIT_UNREADABLE if unreadable else (EXIT_FINDINGS if failing else 0)
    return ReviewCheck(output="\n".join(lines) + "\n", errors=tuple(errors), status=status)


def _read(source: str, shown: str, read: Reader, locale: Locale, errors: list[str]) -> str | None:
    try:
        data = read(source)
    except FileNotFoundError:
        errors.append(translate("cli.review.error.not_found", locale, path=shown))
        return None
    except IsADirectoryError:
        errors.append(translate("cli.review.error.directory", locale, path=shown))
        return None
    except PermissionError:
        errors.append(translate("cli.review.error.permission", locale, path=shown))
        return None
    except OSError as error:
        reason = error.strerror or str(error)
        errors.append(translate("cli.review.error.unreadable", locale, path=shown, reason=reason))
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        errors.append(
            translate("cli.review.error.not_utf8", locale, path=shown, position=error.start)
        )
        return None


def _parse(text: str, source: str, file_format: str | None) -> ReviewFile:
    kind = file_format
    if kind is None:
        lowered = source.lower()
        if lowered.endswith(_JSON_SUFFIXES):
            kind = "json"
        elif lowered.endswith(_MARKDOWN_SUFFIXES):
            kind = "markdown"
        else:
            kind = "json" if text.lstrip().startswith("{") else "markdown"
    return parse_review_json(text) if kind == "json" else parse_review_markdown(text)


def _invalid(shown: str, error: ReviewFileError, locale: Locale) -> list[str]:
    found = sorted(zip(error.locations, error.problems, strict=True), key=lambda item: item[0])
    return [
        _one_line(
            translate(
                "cli.review.error.problem",
                locale,
                path=shown,
                line=line,
                column=column,
                problem=_problem(problem),
            )
        )
        for (line, column), problem in found
    ]


def _problem(problem: Problem) -> str:
    if problem.value is None:
        return f"{problem.path}: {problem.message}"
    value = repr(problem.value)
    if len(value) > _VALUE_CHARS:
        value = value[: _VALUE_CHARS - 1] + "…"
    return f"{problem.path}: {problem.message} (got {value})"


def _finding_lines(
    shown: str, parsed: ReviewFile, findings: Sequence[LanguageFinding], locale: Locale
) -> list[str]:
    located = [
        (
            (
                *parsed.locate(finding.field, finding.start),
                finding.kind.value,
                finding.phrase,
                finding.field,
                finding.start,
            ),
            finding,
        )
        for finding in findings
    ]
    located.sort(key=lambda item: item[0])
    return [
        _one_line(
            translate(
                "cli.review.finding",
                locale,
                path=shown,
                line=key[0],
                column=key[1],
                kind=finding.kind.value,
                severity=translate(f"reviewfile.severity.{finding.severity.value}", locale),
                why=finding.why(locale),
                reframing=finding.reframing(locale),
            )
        )
        for key, finding in located
    ]


def _summary(files: int, total: int, counts: list[int], unreadable: int, locale: Locale) -> str:
    # ``files`` counts only the files that were read and checked.
    if files == 0:
        line = translate("cli.review.summary.none", locale)
    elif total == 0:
        line = _plural("cli.review.summary.clean", files, locale)
    else:
        line = translate(
            "cli.review.summary.found",
            locale,
            findings=_plural("cli.review.count.findings", total, locale),
            files=_plural("cli.review.count.files", files, locale),
            blocking=counts[0],
            warnings=counts[1],
            infos=counts[2],
        )
    if unreadable:
        line += " " + translate(
            "cli.review.summary.unreadable",
            locale,
            count=_plural("cli.review.count.files", unreadable, locale),
        )
    return line


def _plural(key: str, count: int, locale: Locale) -> str:
    return translate(f"{key}.{'one' if count == 1 else 'other'}", locale, count=count)


def _one_line(text: str) -> str:
    return " ".join(text.splitlines())
