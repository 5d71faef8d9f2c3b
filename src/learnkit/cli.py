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
import os
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

import learnkit
from learnkit import _cli_review
from learnkit._cli_commands import (
    nudges_command,
    report_command,
    review_command,
    sharing_command,
)
from learnkit._cli_demo import demo_command, roster_command
from learnkit._cli_example import example_command
from learnkit._cli_io import Exit, InputError, UsageError, write, write_error
from learnkit._cli_match import match_command
from learnkit._cli_options import locale_hint
from learnkit.examples import EXAMPLE_AS_OF, EXAMPLE_SEED
from learnkit.i18n import Locale, translate

__all__ = ["main"]

_PROG = "learnkit"
_EXIT_INPUT = 1
_EXIT_USAGE = 2
_EXIT_INTERRUPTED = 130


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and return the exit status.

    Output goes to standard output; an error is one line on standard error, and
    the function returns instead of raising (or exiting) for bad arguments and
    bad input.

    Returns:
        0 on success, 1 for bad input, 2 for a usage error, 130 when interrupted.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    locale = locale_hint(args)
    try:
        write(_run(args, locale))
    except Exit as done:
        return done.status
    except UsageError as error:
        hint = translate("cli.error.usage", locale, message=error.message, prog=error.prog)
        write_error(error.prog, hint)
        return _EXIT_USAGE
    except InputError as error:
        write_error(_PROG, error.message)
        return _EXIT_INPUT
    except KeyboardInterrupt:
        write_error(_PROG, translate("cli.error.interrupted", locale))
        return _EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`learnkit example | head`). Python flushes standard
        # output again on exit; pointing it at devnull keeps that flush quiet too.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return _EXIT_INPUT
    return 0


class _Parser(argparse.ArgumentParser):
    """An argument parser that raises instead of printing its usage and exiting."""

    def error(self, message: str) -> NoReturn:
        """Refuse the arguments with one line, not argparse's usage block."""
        raise UsageError(self.prog, message)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        """Stop after ``--help`` or ``--version`` without leaving :func:`main`."""
        del message  # only argparse's error() passes one, and that is overridden above
        raise Exit(status)


def _run(args: Sequence[str], locale: Locale) -> str:
    parser = _parser(locale)
    namespace, unknown = parser.parse_known_args(args)
    prog = _PROG if namespace.command is None else f"{_PROG} {namespace.command}"
    if unknown:
        message = translate("cli.error.unknown_arguments", locale, arguments=" ".join(unknown))
        raise UsageError(prog, message)
    if namespace.command is None:
        *commands, last = sorted(_commands(parser))
        message = translate(
            "story.cli.error.no_command", locale, commands=", ".join(commands), last=last
        )
        raise UsageError(prog, message)
    # The clock is read here and nowhere else: the commands get today's date and
    # the time (for a calendar's DTSTAMP) as values, like the rest of learnkit.
    namespace.today = dt.date.today()
    namespace.stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
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
    demo = command("demo", demo_command)
    example = command("example", example_command)
    match = command("match", match_command)
    roster = command("roster", roster_command)
    _add_review(command("review", review_command), text, file_metavar)
    _add_sharing(commands, example, text, file_metavar)
    _add_report(command("report", report_command, "story.cli.help.report"), text, file_metavar)
    _add_nudges(command("nudges", nudges_command, "story.cli.help.nudges"), text, file_metavar)
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


def _add_locale(sub: _Parser, text: Callable[..., str]) -> None:
    """``--lang`` and its older name ``--locale``, kept apart to name the one that was given."""
    sub.add_argument("--lang", metavar="da|en", help=text("cli.help.locale"))
    sub.add_argument("--locale", metavar="da|en", help=text("story.cli.help.locale_alias"))


# --- the commands' own options ----------------------------------------------------------
# Each command's logic is in its module (learnkit._cli_*); its options are here, so
# this module reads as the table of contents of the command line.


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
    sharing.set_defaults(run=sharing_command)
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
