"""The ``learnkit`` command line: the only part of learnkit that does I/O.

Commands (``learnkit --help`` lists them, ``learnkit COMMAND --help`` explains one):

* ``learnkit demo [--lang da|en] [--seed N] [--as-of YYYY-MM-DD]`` tells the
  story of the example organisation (:mod:`learnkit.examples`) over the quarter
  ending on ``--as-of`` (``learnkit._demo_story``);
* ``learnkit example [--mentoring | --sharing | --workspace] [--seed N]
  [--as-of YYYY-MM-DD]`` writes the example organisation's roster (or its
  mentoring cohort, Friday-story plan request, or whole Workspace) as a JSON
  document, to try the other commands on;
* ``learnkit roster FILE [--locale da|en] [--as-of YYYY-MM-DD]`` prints the same
  summary for a roster document read from ``FILE`` (``-`` reads standard input);
* ``learnkit match FILE [--roster ROSTER.csv] [--method optimal|stable]
  [--objective participation|score] [--json] [--locale da|en]`` matches the
  mentors and mentees of a cohort document and prints the pairs with their
  reasons, the unmatched with why, and the guarantee of the result (or the
  result as a JSON document); ``--roster`` reads the roster from a CSV export
  (:mod:`learnkit.rostercsv`) instead of the document;
* ``learnkit sharing plan FILE --from YYYY-MM-DD --to YYYY-MM-DD [--ics] [--seed N]
  [--locale da|en]`` plans who presents at the sessions of a series in a period
  from a plan request (``learnkit example --sharing`` writes one) and prints the
  plan, or with ``--ics`` the plan as iCalendar text (the ``ical`` extra);
* ``learnkit report FILE [--as-of D] [--from D --to D] [--format text|markdown]``
  prints the learning-culture report of a Workspace document
  (``learnkit._cli_report``);
* ``learnkit nudges FILE --now DATETIME [--format text|json]`` lists what a bot
  should say as of ``--now`` (``learnkit._cli_nudges``);
* ``learnkit --version`` prints ``learnkit <version>``.

Texts are Danish unless ``--lang en`` is given (``--locale`` is its earlier
name and still works). The exit status is 0 on
success, 1 for bad input (a file that is missing or unreadable, invalid JSON,
invalid data), 2 for a usage error and 130 when interrupted. Every error is one
line on standard error, never a traceback.

The rest of learnkit is pure: this module is where arguments, files, standard
input, and the clock (``roster`` and ``report`` look from today unless given
``--as-of``) come in, and where text goes out.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import NoReturn

import attrs

import learnkit
from learnkit import (
    _cli_nudges,
    _cli_report,
    _cli_review,
    _cli_sharing,
    _demo_goals,
    _demo_incident_followups,
    _demo_incidents,
    _demo_prompts,
    _demo_reflection,
    _demo_sharing,
    _demo_story,
)
from learnkit.examples import (
    EXAMPLE_AS_OF,
    EXAMPLE_SEED,
    ExampleOrganisation,
    example_organisation,
)
from learnkit.exceptions import InvalidDataError, LearnkitError, OutOfRangeError, Problem
from learnkit.i18n import LOCALES, Locale, catalogue, translate
from learnkit.mentoring import Cohort, MatchResult, ScorePart, optimal, stable
from learnkit.people import DEFAULT_NEWCOMER_DAYS, Roster
from learnkit.rostercsv import roster_from_csv
from learnkit.serialize import from_dict, from_json, to_dict, to_json
from learnkit.time import Period
from learnkit.workspace import Workspace

__all__ = ["main"]

_PROG = "learnkit"
_DEFAULT_LOCALE: Locale = "da"  # learnkit is Danish first
_EXIT_INPUT = 1
_EXIT_USAGE = 2
_EXIT_INTERRUPTED = 130
_PROBLEMS_SHOWN = 3
_VALUE_CHARS = 60
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SEED = re.compile(r"-?[0-9]+")
# Danish order puts æ, ø, å after z; these three ASCII characters follow "z" in that order.
_DANISH_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}"})


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and return the exit status.

    Output goes to standard output; an error is one line on standard error, and
    the function returns instead of raising (or exiting) for bad arguments and
    bad input.

    Returns:
        0 on success, 1 for bad input, 2 for a usage error, 130 when interrupted.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    locale = _locale_hint(args)
    try:
        _write(_run(args, locale))
    except _Exit as done:
        return done.status
    except _UsageError as error:
        hint = translate("cli.error.usage", locale, message=error.message, prog=error.prog)
        _error(error.prog, hint)
        return _EXIT_USAGE
    except _InputError as error:
        _error(_PROG, error.message)
        return _EXIT_INPUT
    except KeyboardInterrupt:
        _error(_PROG, translate("cli.error.interrupted", locale))
        return _EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`learnkit example | head`). Python flushes standard
        # output again on exit; pointing it at devnull keeps that flush quiet too.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return _EXIT_INPUT
    return 0


class _UsageError(Exception):
    def __init__(self, prog: str, message: str) -> None:
        super().__init__(message)
        self.prog = prog
        self.message = message


class _InputError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class _Exit(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class _Parser(argparse.ArgumentParser):
    """An argument parser that raises instead of printing its usage and exiting."""

    def error(self, message: str) -> NoReturn:
        """Refuse the arguments with one line, not argparse's usage block."""
        raise _UsageError(self.prog, message)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        """Stop after ``--help`` or ``--version`` without leaving :func:`main`."""
        del message  # only argparse's error() passes one, and that is overridden above
        raise _Exit(status)


def _write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _error(prog: str, message: str) -> None:
    # One line whatever the message holds: a path or a value may contain line breaks.
    line = " ".join(f"{prog}: {message}".splitlines())
    sys.stderr.write(line + "\n")


def _locale_hint(args: Sequence[str]) -> Locale:
    """The ``--lang`` or ``--locale`` among ``args``, known before parsing, for help and errors."""
    found: object = _DEFAULT_LOCALE
    for index, arg in enumerate(args):
        if arg == "--":
            break
        for option in _LOCALE_OPTIONS:
            if arg == option and index + 1 < len(args):
                found = args[index + 1]
            elif arg.startswith(f"{option}="):
                found = arg.removeprefix(f"{option}=")
    return next((known for known in LOCALES if known == found), _DEFAULT_LOCALE)


def _run(args: Sequence[str], locale: Locale) -> str:
    parser = _parser(locale)
    namespace, unknown = parser.parse_known_args(args)
    prog = _PROG if namespace.command is None else f"{_PROG} {namespace.command}"
    if unknown:
        message = translate("cli.error.unknown_arguments", locale, arguments=" ".join(unknown))
        raise _UsageError(prog, message)
    if namespace.command is None:
        *commands, last = sorted(_commands(parser))
        message = translate(
            "story.cli.error.no_command", locale, commands=", ".join(commands), last=last
        )
        raise _UsageError(prog, message)
    command: Callable[[argparse.Namespace, str], str] = namespace.run
    return command(namespace, prog)


def _commands(parser: argparse.ArgumentParser) -> list[str]:
    """The names of the commands ``parser`` knows, as its subparsers hold them."""
    return [
        name
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    ]


def _parser(locale: Locale) -> _Parser:
    def text(key: str, **params: object) -> str:
        return translate(key, locale, **params)

    parser = _Parser(
        prog=_PROG, description=text("cli.help.description"), add_help=False, allow_abbrev=False
    )
    parser.add_argument("-h", "--help", action="help", help=text("cli.help.help"))
    parser.add_argument(
        "--version",
        action="version",
        version=f"{_PROG} {learnkit.__version__}",
        help=text("cli.help.version"),
    )
    commands = parser.add_subparsers(
        dest="command",
        metavar=text("cli.help.command_metavar"),
        title=text("cli.help.commands"),
    )

    def command(
        name: str, run: Callable[[argparse.Namespace, str], str], help_key: str = ""
    ) -> _Parser:
        help_text = text(help_key or f"cli.help.{name}")
        sub: _Parser = commands.add_parser(
            name, help=help_text, description=help_text, add_help=False, allow_abbrev=False
        )
        sub.add_argument("-h", "--help", action="help", help=text("cli.help.help"))
        sub.set_defaults(run=run)
        return sub

    date_metavar = text("cli.help.date_metavar")
    file_metavar = text("cli.help.file_metavar")
    demo = command("demo", _demo)
    example = command("example", _example)
    match = command("match", _match)
    roster = command("roster", _roster)
    _add_review(command("review", _review), text, file_metavar)
    _add_sharing(commands, example, text, file_metavar)
    _add_report(command("report", _report, "story.cli.help.report"), text, file_metavar)
    _add_nudges(command("nudges", _nudges, "story.cli.help.nudges"), text, file_metavar)
    roster.add_argument("file", nargs="?", metavar=file_metavar, help=text("cli.help.file"))
    for sub in (demo, example, roster):
        _add_locale(sub, text)
        default = text("cli.help.today") if sub is roster else EXAMPLE_AS_OF.isoformat()
        sub.add_argument(
            "--as-of", metavar=date_metavar, help=text("cli.help.as_of", default=default)
        )
    for sub in (demo, example):
        sub.add_argument("--seed", metavar="N", help=text("cli.help.seed", default=EXAMPLE_SEED))
    example.add_argument("--mentoring", action="store_true", help=text("cli.help.mentoring"))
    example.add_argument(
        "--workspace", action="store_true", help=text("story.cli.help.example_workspace")
    )
    match.add_argument("file", nargs="?", metavar=file_metavar, help=text("cli.help.cohort_file"))
    match.add_argument(
        "--roster", metavar=text("cli.help.csv_metavar"), help=text("cli.help.roster_csv")
    )
    match.add_argument("--method", metavar="optimal|stable", help=text("cli.help.method"))
    match.add_argument(
        "--objective", metavar="participation|score", help=text("cli.help.objective")
    )
    match.add_argument("--json", action="store_true", help=text("cli.help.json"))
    _add_locale(match, text)
    return parser


_LOCALE_OPTIONS = ("--lang", "--locale")  # --lang is the name; --locale came first


def _add_locale(sub: _Parser, text: Callable[..., str]) -> None:
    """``--lang`` and its older name ``--locale``, kept apart to name the one that was given."""
    sub.add_argument("--lang", metavar="da|en", help=text("cli.help.locale"))
    sub.add_argument("--locale", metavar="da|en", help=text("story.cli.help.locale_alias"))


# Options are parsed as text and checked here, so their errors are learnkit's own
# words in the chosen locale rather than argparse's.


def _locale(namespace: argparse.Namespace, prog: str) -> Locale:
    given = [
        (option, value)
        for option in _LOCALE_OPTIONS
        if (value := getattr(namespace, option.removeprefix("--"))) is not None
    ]
    for option, value in given:
        if value not in LOCALES:
            message = translate("cli.error.bad_locale", _DEFAULT_LOCALE, option=option, value=value)
            raise _UsageError(prog, message)
    values = {value for _, value in given}
    if len(values) > 1:
        message = translate("story.cli.error.two_locales", _DEFAULT_LOCALE)
        raise _UsageError(prog, message)
    return next((known for known in LOCALES if known in values), _DEFAULT_LOCALE)


def _as_of(namespace: argparse.Namespace, prog: str, locale: Locale, default: dt.date) -> dt.date:
    value: str | None = namespace.as_of
    if value is None:
        return default
    if _DATE.fullmatch(value):
        with contextlib.suppress(ValueError):
            return dt.date.fromisoformat(value)
    raise _UsageError(prog, translate("cli.error.bad_date", locale, option="--as-of", value=value))


def _seed(namespace: argparse.Namespace, prog: str, locale: Locale) -> int:
    value: str | None = namespace.seed
    if value is None:
        return EXAMPLE_SEED
    if _SEED.fullmatch(value):
        with contextlib.suppress(ValueError):  # more digits than int() accepts
            return int(value)
    raise _UsageError(prog, translate("cli.error.bad_seed", locale, option="--seed", value=value))


def _organisation(namespace: argparse.Namespace, prog: str, locale: Locale) -> ExampleOrganisation:
    seed = _seed(namespace, prog, locale)
    as_of = _as_of(namespace, prog, locale, EXAMPLE_AS_OF)
    try:
        return example_organisation(seed=seed, as_of=as_of)
    except InvalidDataError as error:
        message = translate(
            "cli.error.invalid_argument", locale, **_problems(error.problems, locale)
        )
        raise _UsageError(prog, message) from None


def _demo(namespace: argparse.Namespace, prog: str) -> str:
    locale = _locale(namespace, prog)
    organisation = _organisation(namespace, prog, locale)
    title = translate("cli.title.demo", locale, company=organisation.name, seed=organisation.seed)
    view = _View(
        roster=organisation.roster,
        as_of=organisation.as_of,
        locale=locale,
        title=title,
        organisation=organisation,
    )
    return _render(_DEMO_STEPS, view)


def _example(namespace: argparse.Namespace, prog: str) -> str:
    locale = _locale(namespace, prog)
    organisation = _organisation(namespace, prog, locale)
    chosen = [
        f"--{name}" for name in ("sharing", "workspace", "mentoring") if getattr(namespace, name)
    ]
    if len(chosen) > 1:
        message = translate(
            "sharing.cli.error.two_exclusive", locale, option=chosen[0], other=chosen[1]
        )
        raise _UsageError(prog, message)
    if namespace.sharing:
        return _sharing_example(namespace, prog, organisation)
    if namespace.workspace:
        return to_json(organisation.workspace, indent=2) + "\n"
    value = organisation.mentoring if namespace.mentoring else organisation.roster
    return to_json(value, indent=2) + "\n"


def _roster(namespace: argparse.Namespace, prog: str) -> str:
    locale = _locale(namespace, prog)
    # Reading the clock is this module's privilege; the summary itself stays pure.
    as_of = _as_of(namespace, prog, locale, dt.date.today())
    source: str | None = namespace.file
    if source is None:
        raise _UsageError(prog, translate("cli.error.no_file", locale))
    shown = translate("cli.stdin", locale) if source == "-" else source
    roster = _read_roster(source, shown, locale)
    title = translate("cli.title.roster", locale, source=shown)
    return _render(_ROSTER_STEPS, _View(roster=roster, as_of=as_of, locale=locale, title=title))


def _read_roster(source: str, shown: str, locale: Locale) -> Roster:
    text = _read_text(source, shown, locale)
    # Checked here first, so a syntax error can name its line and column.
    _check_json(text, shown, locale)
    try:
        return from_json(text, Roster)
    except InvalidDataError as error:
        raise _invalid(shown, error, locale) from None


def _read_bytes(source: str, shown: str, locale: Locale) -> bytes:
    try:
        return sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except FileNotFoundError:
        raise _InputError(translate("cli.error.not_found", locale, path=shown)) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise _InputError(
            translate("cli.error.unreadable", locale, path=shown, reason=reason)
        ) from None


def _read_text(source: str, shown: str, locale: Locale) -> str:
    data = _read_bytes(source, shown, locale)
    try:
        return data.decode("utf-8-sig")  # tolerate the byte order mark some editors write
    except UnicodeDecodeError as error:
        raise _InputError(
            translate("cli.error.not_utf8", locale, path=shown, position=error.start)
        ) from None


def _invalid(shown: str, error: InvalidDataError, locale: Locale) -> _InputError:
    message = translate(
        "cli.error.invalid_data", locale, path=shown, **_problems(error.problems, locale)
    )
    return _InputError(message)


def _check_json(text: str, shown: str, locale: Locale) -> None:
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        message = translate(
            "cli.error.bad_json",
            locale,
            path=shown,
            line=error.lineno,
            column=error.colno,
            reason=error.msg,
        )
        raise _InputError(message) from None
    except RecursionError:
        reason = translate("cli.error.too_deep", locale)
        raise _InputError(translate("cli.error.json", locale, path=shown, reason=reason)) from None
    except ValueError as error:  # e.g. a number with more digits than Python converts
        raise _InputError(
            translate("cli.error.json", locale, path=shown, reason=str(error))
        ) from None


# --- learnkit review check ---------------------------------------------------------------
# The command's logic is pure and lives in learnkit._cli_review; here are its
# arguments, the reading of files, and the exit status.


def _add_review(review: _Parser, text: Callable[..., str], file_metavar: str) -> None:
    actions = review.add_subparsers(dest="action", metavar="check", title=text("cli.help.commands"))
    help_text = text("cli.help.review_check")
    check: _Parser = actions.add_parser(
        "check", help=help_text, description=help_text, add_help=False, allow_abbrev=False
    )
    check.add_argument("-h", "--help", action="help", help=text("cli.help.help"))
    check.add_argument("files", nargs="*", metavar=file_metavar, help=text("cli.help.review_files"))
    check.add_argument("--fail-on", metavar="block|warn|info", help=text("cli.help.fail_on"))
    check.add_argument("--format", metavar="markdown|json", help=text("cli.help.format"))
    for option in _cli_review.POLICY_OPTIONS:
        check.add_argument(
            f"--{option}",
            action="append",
            default=[],
            metavar=text("cli.help.kind_metavar"),
            help=text(f"cli.help.{option}"),
        )
    _add_locale(check, text)


def _review(namespace: argparse.Namespace, prog: str) -> str:
    if namespace.action is None:
        raise _UsageError(prog, translate("cli.review.error.no_action", _DEFAULT_LOCALE))
    prog = f"{prog} {namespace.action}"
    locale = _locale(namespace, prog)
    fail_on = _choice(namespace.fail_on, "--fail-on", _cli_review.SEVERITIES, prog, locale)
    file_format = None
    if namespace.format is not None:
        file_format = _choice(namespace.format, "--format", _cli_review.FORMATS, prog, locale)
    try:
        policy = _cli_review.language_policy(
            {option: getattr(namespace, option) for option in _cli_review.POLICY_OPTIONS},
            locale=locale,
        )
    except _cli_review.PolicyOptionError as error:
        raise _UsageError(prog, error.message) from None
    if not namespace.files:
        raise _UsageError(prog, translate("cli.review.error.no_files", locale))

    def read(source: str) -> bytes:
        return sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()

    result = _cli_review.check_files(
        namespace.files,
        read=read,
        locale=locale,
        fail_on=fail_on,
        file_format=file_format,
        policy=policy,
    )
    if result.status:
        _write(result.output)
        for line in result.errors:
            _error(prog, line)
        raise _Exit(result.status)
    return result.output


# --- learnkit sharing plan, learnkit example --sharing -----------------------------------
# The rendering is pure and lives in learnkit._cli_sharing; here are the arguments,
# the reading of the request, and the clock (the DTSTAMP of --ics).


def _add_sharing(
    commands: argparse._SubParsersAction[_Parser],
    example: _Parser,
    text: Callable[..., str],
    file_metavar: str,
) -> None:
    help_text = text("sharing.cli.help.sharing")
    sharing: _Parser = commands.add_parser(
        "sharing", help=help_text, description=help_text, add_help=False, allow_abbrev=False
    )
    sharing.add_argument("-h", "--help", action="help", help=text("cli.help.help"))
    sharing.set_defaults(run=_sharing)
    actions = sharing.add_subparsers(dest="action", metavar="plan", title=text("cli.help.commands"))
    help_text = text("sharing.cli.help.plan")
    plan: _Parser = actions.add_parser(
        "plan", help=help_text, description=help_text, add_help=False, allow_abbrev=False
    )
    plan.add_argument("-h", "--help", action="help", help=text("cli.help.help"))
    plan.add_argument(
        "file", nargs="?", metavar=file_metavar, help=text("sharing.cli.help.request_file")
    )
    date_metavar = text("cli.help.date_metavar")
    plan.add_argument(
        "--from", dest="first", metavar=date_metavar, help=text("sharing.cli.help.from")
    )
    plan.add_argument("--to", dest="last", metavar=date_metavar, help=text("sharing.cli.help.to"))
    plan.add_argument("--ics", action="store_true", help=text("sharing.cli.help.ics"))
    plan.add_argument("--seed", metavar="N", help=text("sharing.cli.help.seed"))
    _add_locale(plan, text)
    example.add_argument("--sharing", action="store_true", help=text("sharing.cli.help.example"))


def _sharing(namespace: argparse.Namespace, prog: str) -> str:
    if namespace.action is None:
        raise _UsageError(prog, translate("sharing.cli.error.no_action", _DEFAULT_LOCALE))
    prog = f"{prog} {namespace.action}"
    locale = _locale(namespace, prog)
    seed = None if namespace.seed is None else _seed(namespace, prog, locale)
    if namespace.first is None or namespace.last is None:
        raise _UsageError(prog, translate("sharing.cli.error.no_period", locale))
    first = _date_option(namespace.first, "--from", prog, locale)
    last = _date_option(namespace.last, "--to", prog, locale)
    if last < first:
        message = translate(
            "sharing.cli.error.period_order", locale, first=first.isoformat(), last=last.isoformat()
        )
        raise _UsageError(prog, message)
    source: str | None = namespace.file
    if source is None:
        raise _UsageError(prog, translate("sharing.cli.error.no_file", locale))
    shown = translate("cli.stdin", locale) if source == "-" else source
    text = _read_text(source, shown, locale)
    _check_json(text, shown, locale)
    try:
        return _cli_sharing.plan_command(
            text,
            first,
            last,
            seed=seed,
            ics=namespace.ics,
            locale=locale,
            # Reading the clock is this module's privilege: the calendar's DTSTAMP.
            clock=lambda: dt.datetime.now(dt.UTC).replace(microsecond=0),
        )
    except _cli_sharing.MissingExtraError:
        raise _InputError(translate("sharing.cli.error.no_ical", locale)) from None
    except InvalidDataError as error:
        raise _invalid(shown, error, locale) from None
    except LearnkitError as error:
        reason = " ".join(str(error).split())
        message = translate("sharing.cli.error.cannot_plan", locale, path=shown, reason=reason)
        raise _InputError(message) from None


def _date_option(value: str, option: str, prog: str, locale: Locale) -> dt.date:
    if _DATE.fullmatch(value):
        with contextlib.suppress(ValueError):
            return dt.date.fromisoformat(value)
    raise _UsageError(prog, translate("cli.error.bad_date", locale, option=option, value=value))


def _sharing_example(
    namespace: argparse.Namespace, prog: str, organisation: ExampleOrganisation
) -> str:
    del namespace, prog  # the options were checked by _example
    return _cli_sharing.example_request_json(
        organisation.roster, organisation.as_of, organisation.seed
    )


# --- learnkit report, learnkit nudges ----------------------------------------------------
# Both read a Workspace document; the logic is pure and lives in learnkit._cli_report
# and learnkit._cli_nudges. Here are the arguments, the file, and the clock (the
# report's default --as-of).


def _add_report(report: _Parser, text: Callable[..., str], file_metavar: str) -> None:
    date_metavar = text("cli.help.date_metavar")
    report.add_argument(
        "file", nargs="?", metavar=file_metavar, help=text("story.cli.help.workspace_file")
    )
    report.add_argument("--as-of", metavar=date_metavar, help=text("story.cli.help.report_as_of"))
    report.add_argument(
        "--from", dest="first", metavar=date_metavar, help=text("story.cli.help.report_from")
    )
    report.add_argument(
        "--to", dest="last", metavar=date_metavar, help=text("story.cli.help.report_to")
    )
    report.add_argument(
        "--format", metavar="text|markdown", help=text("story.cli.help.report_format")
    )
    _add_locale(report, text)


def _report(namespace: argparse.Namespace, prog: str) -> str:
    locale = _locale(namespace, prog)
    output_format = _choice(namespace.format, "--format", _cli_report.FORMATS, prog, locale)
    period = None
    if (namespace.first is None) != (namespace.last is None):
        raise _UsageError(prog, translate("sharing.cli.error.no_period", locale))
    if namespace.first is not None:
        first = _date_option(namespace.first, "--from", prog, locale)
        last = _date_option(namespace.last, "--to", prog, locale)
        if last < first:
            message = translate(
                "sharing.cli.error.period_order",
                locale,
                first=first.isoformat(),
                last=last.isoformat(),
            )
            raise _UsageError(prog, message)
        period = Period(first, last)
    # Reading the clock is this module's privilege. A report of a given period is
    # seen from its last day, so the same command prints the same report tomorrow.
    as_of = _as_of(namespace, prog, locale, dt.date.today() if period is None else period.last)
    if period is not None and as_of < period.first:
        message = translate(
            "story.cli.error.as_of_before_from",
            locale,
            as_of=as_of.isoformat(),
            first=period.first.isoformat(),
        )
        raise _UsageError(prog, message)
    workspace, shown = _read_workspace(namespace, prog, locale)
    with _computing(prog, shown, locale, "--as-of" if period is None else "--from/--to"):
        return _cli_report.report_text(
            workspace, as_of=as_of, period=period, output_format=output_format, locale=locale
        )


def _add_nudges(nudges: _Parser, text: Callable[..., str], file_metavar: str) -> None:
    nudges.add_argument(
        "file", nargs="?", metavar=file_metavar, help=text("story.cli.help.workspace_file")
    )
    now = nudges.add_argument(
        "--now", metavar=text("story.cli.help.now_metavar"), help=text("story.cli.help.now")
    )
    nudges.add_argument("--format", metavar="text|json", help=text("story.cli.help.nudges_format"))
    _add_locale(nudges, text)
    # --now is required, and the usage line says so; argparse would refuse a missing
    # --now in its own English words, so _nudges checks it and it is marked here only.
    now.required = True
    usage = nudges.format_usage()
    now.required = False
    nudges.usage = usage.split(" ", 1)[1].strip().replace(nudges.prog, "%(prog)s", 1)


def _nudges(namespace: argparse.Namespace, prog: str) -> str:
    locale = _locale(namespace, prog)
    output_format = _choice(namespace.format, "--format", _cli_nudges.FORMATS, prog, locale)
    value: str | None = namespace.now
    if value is None:
        raise _UsageError(prog, translate("story.cli.error.no_now", locale))
    now = _cli_nudges.parse_now(value)
    if now is None:
        raise _UsageError(prog, translate("story.cli.error.bad_now", locale, value=value))
    workspace, shown = _read_workspace(namespace, prog, locale)
    with _computing(prog, shown, locale, "--now"):
        return _cli_nudges.nudges_output(workspace, now, output_format=output_format, locale=locale)


def _read_workspace(
    namespace: argparse.Namespace, prog: str, locale: Locale
) -> tuple[Workspace, str]:
    """The Workspace in the FILE argument, and how messages show the file."""
    source: str | None = namespace.file
    if source is None:
        raise _UsageError(prog, translate("story.cli.error.no_workspace_file", locale))
    shown = translate("cli.stdin", locale) if source == "-" else source
    text = _read_text(source, shown, locale)
    _check_json(text, shown, locale)
    try:
        return from_json(text, Workspace), shown
    except InvalidDataError as error:
        raise _invalid(shown, error, locale) from None


@contextlib.contextmanager
def _computing(prog: str, shown: str, locale: Locale, option: str) -> Iterator[None]:
    """Turn what the library refuses about a valid file into one line and a status.

    The arguments it refuses (a period after --as-of) are usage errors, as is a
    date so near the ends of the calendar that the days around it do not exist;
    anything else it refuses (a calendar that does not cover the period) is bad
    input.
    """
    try:
        yield
    except InvalidDataError as error:
        message = translate(
            "cli.error.invalid_argument", locale, **_problems(error.problems, locale)
        )
        raise _UsageError(prog, message) from None
    except OverflowError:
        raise _UsageError(
            prog, translate("story.cli.error.out_of_range", locale, option=option)
        ) from None
    except OutOfRangeError as error:
        message = translate(
            "story.cli.error.outside_data",
            locale,
            path=shown,
            value=_readable(error.value),
            first=_readable(error.first),
            last=_readable(error.last),
        )
        raise _InputError(message) from None
    except LearnkitError as error:
        reason = " ".join(str(error).split())
        message = translate("story.cli.error.cannot_compute", locale, path=shown, reason=reason)
        raise _InputError(message) from None


# --- learnkit match ---------------------------------------------------------------------

_METHODS = ("optimal", "stable")
_OBJECTIVES = ("participation", "score")
_MATCH_REASONS = 2  # score parts shown a pair in `match`; the demo shows one


def _match(namespace: argparse.Namespace, prog: str) -> str:
    locale = _locale(namespace, prog)
    method = _choice(namespace.method, "--method", _METHODS, prog, locale)
    objective = _choice(namespace.objective, "--objective", _OBJECTIVES, prog, locale)
    if namespace.objective is not None and method != "optimal":
        message = translate(
            "cli.error.only_with", locale, option="--objective", other="--method optimal"
        )
        raise _UsageError(prog, message)
    source: str | None = namespace.file
    if source is None:
        raise _UsageError(prog, translate("cli.error.no_cohort_file", locale))
    csv_source: str | None = namespace.roster
    if source == "-" and csv_source == "-":
        raise _UsageError(prog, translate("cli.error.stdin_twice", locale))
    shown = translate("cli.stdin", locale) if source == "-" else source
    roster = None
    if csv_source is not None:
        csv_shown = translate("cli.stdin", locale) if csv_source == "-" else csv_source
        roster = _read_csv_roster(csv_source, csv_shown, locale)
    cohort = _read_cohort(source, shown, roster, locale)
    try:
        if method == "stable":
            result = stable(cohort)
        else:
            result = optimal(cohort, objective="score" if objective == "score" else "participation")
    except InvalidDataError as error:  # e.g. a locked pair that breaks a hard rule
        raise _invalid(shown, error, locale) from None
    except LearnkitError as error:
        reason = " ".join(str(error).split())
        raise _InputError(
            translate("cli.error.cannot_match", locale, path=shown, reason=reason)
        ) from None
    if namespace.json:
        return to_json(result, indent=2) + "\n"
    title = translate("cli.title.match", locale, source=shown)
    lines = [title, "=" * len(title), _method_line(result, locale)]
    return (
        "\n\n".join(
            "\n".join(block)
            for block in (lines, *_match_blocks(cohort, result, locale, _MATCH_REASONS))
        )
        + "\n"
    )


def _choice(
    value: str | None, option: str, choices: Sequence[str], prog: str, locale: Locale
) -> str:
    if value is None:
        return choices[0]
    if value in choices:
        return value
    message = translate(
        "cli.error.bad_choice", locale, option=option, value=value, choices=" | ".join(choices)
    )
    raise _UsageError(prog, message)


def _read_csv_roster(source: str, shown: str, locale: Locale) -> Roster:
    data = _read_bytes(source, shown, locale)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        # Danish Excel's "CSV (semikolonsepareret)" writes Windows-1252, not UTF-8.
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as error:
            raise _InputError(
                translate("cli.error.not_text", locale, path=shown, position=error.start)
            ) from None
    try:
        return roster_from_csv(text)
    except InvalidDataError as error:
        raise _invalid(shown, error, locale) from None


def _read_cohort(source: str, shown: str, roster: Roster | None, locale: Locale) -> Cohort:
    text = _read_text(source, shown, locale)
    _check_json(text, shown, locale)
    document = json.loads(text)
    if roster is not None:
        data = document.get("data") if isinstance(document, dict) else None
        if isinstance(data, dict):
            if "roster" in data:
                raise _InputError(translate("cli.error.two_rosters", locale, path=shown))
            # The CSV roster takes the document's place, so every later check
            # (unknown people, paths in errors) works as for one document.
            data["roster"] = to_dict(roster)["data"]
    try:
        return from_dict(document, Cohort)
    except InvalidDataError as error:
        raise _invalid(shown, error, locale) from None


def _method_line(result: MatchResult, locale: Locale) -> str:
    key = result.method if result.method == "stable" else f"optimal_{result.objective}"
    return translate(f"cli.match.method.{key}", locale)


def _match_blocks(
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
    heading = _text("cli.match.pairs", locale)
    if not result.matches:
        return [heading, "  " + _text("cli.match.no_pairs", locale)]
    header = [
        _text(f"cli.match.{column}", locale) for column in ("mentee", "mentor", "score", "reasons")
    ]
    rows = [header]
    locked = _text("cli.match.locked", locale)
    for match in result.matches:
        score = _decimal(match.score, locale)
        shown = _top_parts(match.parts, reasons)
        texts = [
            f"{_decimal(share, locale)}  {part.reason.render(locale)}" for part, share in shown
        ] or ["–"]
        if match.locked:
            texts[0] = f"({locked}) {texts[0]}"
        mentee, mentor = _label(cohort.roster, match.mentee), _label(cohort.roster, match.mentor)
        rows.append([mentee, mentor, score, texts[0]])
        rows.extend(["", "", "", text] for text in texts[1:])
    return [heading, *_table(rows, right={2})]


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


def _problems(problems: Sequence[Problem], locale: Locale) -> dict[str, str]:
    """The ``count`` and the first ``problems``, compactly, for one line."""
    shown = [_problem(problem) for problem in problems[:_PROBLEMS_SHOWN]]
    rest = len(problems) - _PROBLEMS_SHOWN
    if rest > 0:
        shown.append(_plural("cli.error.more", rest, locale))
    return {
        "count": _plural("cli.error.problems", len(problems), locale),
        "problems": "; ".join(shown),
    }


def _readable(value: object) -> str:
    """A value as a person reads it: dates and moments in ISO form, periods as two dates."""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Period):
        return f"{value.first.isoformat()} – {value.last.isoformat()}"
    return repr(value)


def _problem(problem: Problem) -> str:
    value = _readable(problem.value)
    if len(value) > _VALUE_CHARS:
        value = value[: _VALUE_CHARS - 1] + "…"
    return f"{problem.path}: {problem.message} (got {value})"


def _plural(key: str, count: int, locale: Locale) -> str:
    return translate(f"{key}.{'one' if count == 1 else 'other'}", locale, count=count)


# The summary is a list of steps, each giving the lines of one section. Later parts
# of learnkit add their steps (reflections due, Friday stories, mentor matches,
# ...) to _DEMO_STEPS; steps that need more than a roster read view.organisation.


@attrs.frozen(kw_only=True)
class _View:
    """What a step may show: a roster on a date, in a locale."""

    roster: Roster
    as_of: dt.date
    locale: Locale
    title: str
    organisation: ExampleOrganisation | None = None  # the demo's, with every record


_Step = Callable[[_View], list[str]]


def _render(steps: Iterable[_Step], view: _View) -> str:
    sections = ["\n".join(lines) for lines in (step(view) for step in steps) if lines]
    return "\n\n".join(sections) + "\n"


def _headline(view: _View) -> list[str]:
    roster, locale = view.roster, view.locale
    headcount = translate(
        "cli.summary.headcount",
        locale,
        people=_plural("cli.count.people", len(roster), locale),
        teams=_plural("cli.count.teams", len(roster.teams), locale),
        date=view.as_of.isoformat(),
    )
    waiting = sum(1 for person in roster if not person.has_started(view.as_of))
    if waiting:
        headcount += ", " + translate("cli.summary.not_started", locale, count=waiting)
    places = Counter(
        person.location or translate("cli.summary.no_location", locale) for person in roster
    )
    locations = ", ".join(f"{place} ({count})" for place, count in _by_count(places))
    return [
        view.title,
        "=" * len(view.title),
        headcount,
        translate(
            "cli.summary.locations", locale, locations=locations or _text("cli.none", locale)
        ),
    ]


def _teams(view: _View) -> list[str]:
    roster, locale = view.roster, view.locale
    rows = []
    for team in sorted(roster.teams, key=lambda team: (_name_key(team.name), team.id)):
        members = roster.members(team.id)
        manager = roster.person(team.manager).name if team.manager is not None else "–"
        places = Counter(person.location for person in members if person.location is not None)
        locations = ", ".join(place for place, _ in _by_count(places)) or "–"
        rows.append([team.name, manager, str(len(members)), locations])
    if not rows:
        return [_text("cli.teams.heading", locale), "  " + _text("cli.teams.none", locale)]
    header = [
        _text(f"cli.teams.{column}", locale)
        for column in ("team", "manager", "headcount", "locations")
    ]
    return [_text("cli.teams.heading", locale), *_table([header, *rows], right={2})]


def _newcomers(view: _View) -> list[str]:
    roster, locale = view.roster, view.locale
    heading = translate("cli.newcomers.heading", locale, days=DEFAULT_NEWCOMER_DAYS)
    rows = [
        [
            person.name,
            roster.team(person.team).name,
            person.start_date.isoformat(),
            str((view.as_of - person.start_date).days),
        ]
        for person in roster.newcomers(view.as_of)
    ]
    if not rows:
        return [heading, "  " + _text("cli.newcomers.none", locale)]
    header = [
        _text(f"cli.newcomers.{column}", locale) for column in ("name", "team", "start", "days")
    ]
    return [heading, *_table([header, *rows], right={3})]


def _languages(view: _View) -> list[str]:
    texts = catalogue(view.locale)
    spoken = Counter(language for person in view.roster for language in person.languages)
    rows = [
        [f"{texts[f'language.{code}']} ({code})" if f"language.{code}" in texts else code, str(n)]
        for code, n in _by_count(spoken)
    ]
    return [
        _text("cli.languages.heading", view.locale),
        *(_table(rows, right={1}) or ["  " + _text("cli.none", view.locale)]),
    ]


def _time_zones(view: _View) -> list[str]:
    zones = Counter(person.time_zone.key for person in view.roster)
    rows = [[key, str(n)] for key, n in _by_count(zones)]
    return [
        _text("cli.zones.heading", view.locale),
        *(_table(rows, right={1}) or ["  " + _text("cli.none", view.locale)]),
    ]


def _mentoring(view: _View) -> list[str]:
    """The newcomers matched with mentors (optimal), with the top reason of each pair."""
    if view.organisation is None:
        return []
    cohort = view.organisation.mentoring
    result = optimal(cohort)
    blocks = _match_blocks(cohort, result, view.locale, reasons=1)
    # One section: the heading and summary, then the rest, with blank lines inside
    # kept out so the demo's sections stay separated by exactly one blank line.
    lines = [_text("cli.demo.mentoring", view.locale), *blocks[0]]
    for block in blocks[1:]:
        lines.extend(block)
    return lines


# The demo's later steps show the example organisation's records: each renders
# them for a locale, and shows nothing for a roster alone (``learnkit roster``).
_RecordsStep = Callable[[ExampleOrganisation, Locale], list[str]]


def _with_records(render: _RecordsStep) -> _Step:
    def step(view: _View) -> list[str]:
        organisation = view.organisation
        return [] if organisation is None else render(organisation, view.locale)

    return step


def _reflections_due(o: ExampleOrganisation, locale: Locale) -> list[str]:
    """The reflections still owed in the week of ``as_of``."""
    return _demo_reflection.demo_lines(
        o.roster, o.tasks, o.reflections, as_of=o.as_of, locale=locale
    )


def _meeting_opener(o: ExampleOrganisation, locale: Locale) -> list[str]:
    """The question a team's next meeting opens with, and the action points it asks about."""
    return _demo_prompts.demo_lines(
        o.roster, o.retrospectives, o.prompt_decks, seed=o.seed, locale=locale
    )


_DEMO_GOALS_TEAM = "platform"  # the example data gives this team every case to show


def _goals_and_balance(o: ExampleOrganisation, locale: Locale) -> list[str]:
    """Goal health and the operations/development balance of one team."""
    return _demo_goals.demo_lines(
        o.roster,
        o.goals,
        o.development_reviews,
        o.allocations,
        team=_DEMO_GOALS_TEAM,
        as_of=o.as_of,
        calendar=o.calendar,
        locale=locale,
    )


def _incidents(o: ExampleOrganisation, locale: Locale) -> list[str]:
    """The blameless-language check of one example review, with its findings."""
    return _demo_incidents.demo_lines(o.incidents, o.incident_reviews, o.roster, locale=locale)


def _incident_follow_ups(o: ExampleOrganisation, locale: Locale) -> list[str]:
    """Reviews and action items due, as a bot would remind people of them."""
    return _demo_incident_followups.demo_lines(
        o.incidents,
        o.incident_reviews,
        o.roster,
        as_of=o.as_of,
        calendar=o.calendar,
        locale=locale,
    )


def _sharing_plan(o: ExampleOrganisation, locale: Locale) -> list[str]:
    """Next quarter's Friday stories with presenters and topics, and this week's buddies."""
    if o.sharing is None:  # an organisation built by hand without sharing records
        return []
    return _demo_sharing.demo_lines(o.roster, o.sharing, as_of=o.as_of, seed=o.seed, locale=locale)


_ROSTER_STEPS: tuple[_Step, ...] = (_headline, _teams, _newcomers, _languages, _time_zones)
# The demo tells the quarter as a story (learnkit._demo_story): who we are, then each
# chapter after a connecting paragraph, in the order of issue 8.
_DEMO_STEPS: tuple[_Step, ...] = (
    _headline,
    _teams,
    _languages,
    _time_zones,
    *map(
        _with_records,
        (
            _demo_story.chapter("intro"),
            _demo_story.chapter("newcomers"),
        ),
    ),
    _newcomers,
    _mentoring,
    *map(
        _with_records,
        (
            _demo_story.mentorship_lines,
            _demo_story.chapter("sharing"),
            _demo_story.next_story_lines,
            _sharing_plan,
            _demo_story.chapter("reflection"),
            _reflections_due,
            _meeting_opener,
            _demo_story.chapter("goals"),
            _goals_and_balance,
            _demo_story.chapter("incidents"),
            _incidents,
            _incident_follow_ups,
            _demo_story.chapter("safety"),
            _demo_story.safety_lines,
            _demo_story.chapter("culture"),
            _demo_story.culture_lines,
            _demo_story.chapter("closing"),
        ),
    ),
)


def _text(key: str, locale: Locale) -> str:
    return translate(key, locale)


def _by_count(counts: Counter[str]) -> list[tuple[str, int]]:
    """Most common first, ties by name, so the output never depends on input order."""
    return sorted(counts.items(), key=lambda item: (-item[1], _name_key(item[0]), item[0]))


def _name_key(name: str) -> str:
    return name.casefold().translate(_DANISH_ORDER)


def _table(rows: Sequence[Sequence[str]], *, right: set[int]) -> list[str]:
    """Rows as aligned columns, indented by two spaces; columns in ``right`` align right."""
    if not rows:
        return []
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [
            cell.rjust(width) if column in right else cell.ljust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append(("  " + "  ".join(cells)).rstrip())
    return lines
