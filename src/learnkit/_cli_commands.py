"""The input and output of the commands whose logic lives in a pure module of its own.

``learnkit review check`` (:mod:`learnkit._cli_review`), ``learnkit sharing
plan`` (:mod:`learnkit._cli_sharing`), ``learnkit report``
(:mod:`learnkit._cli_report`) and ``learnkit nudges``
(:mod:`learnkit._cli_nudges`): here are their options checked, their files
read, the clock read where a command needs it, and what the library refuses
turned into one line and an exit status.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator

from learnkit import _cli_nudges, _cli_report, _cli_review, _cli_sharing
from learnkit._cli_io import (
    Exit,
    InputError,
    UsageError,
    invalid,
    problems,
    read_json,
    read_raw,
    readable,
    shown_as,
    write,
    write_error,
)
from learnkit._cli_options import (
    DEFAULT_LOCALE,
    choice,
    date_option,
)
from learnkit._cli_options import (
    as_of as option_as_of,
)
from learnkit._cli_options import (
    locale as option_locale,
)
from learnkit._cli_options import (
    seed as option_seed,
)
from learnkit.exceptions import InvalidDataError, LearnkitError, OutOfRangeError
from learnkit.i18n import Locale, translate
from learnkit.serialize import from_json
from learnkit.time import Period
from learnkit.workspace import Workspace

__all__ = ["computing", "nudges_command", "report_command", "review_command", "sharing_command"]


# --- learnkit review check ---------------------------------------------------------------


def review_command(namespace: argparse.Namespace, prog: str) -> str:
    """What ``learnkit review check`` prints for the review files it is given.

    Raises:
        UsageError: The action, an option or the files are missing or wrong.
        Exit: A file failed the check (or could not be read); its output and
            one error line per problem have been written.
    """
    if namespace.action is None:
        raise UsageError(prog, translate("cli.review.error.no_action", DEFAULT_LOCALE))
    prog = f"{prog} {namespace.action}"
    locale = option_locale(namespace, prog)
    fail_on = choice(namespace.fail_on, "--fail-on", _cli_review.SEVERITIES, prog, locale)
    file_format = None
    if namespace.format is not None:
        file_format = choice(namespace.format, "--format", _cli_review.FORMATS, prog, locale)
    try:
        policy = _cli_review.language_policy(
            {option: getattr(namespace, option) for option in _cli_review.POLICY_OPTIONS},
            locale=locale,
        )
    except _cli_review.PolicyOptionError as error:
        raise UsageError(prog, error.message) from None
    if not namespace.files:
        raise UsageError(prog, translate("cli.review.error.no_files", locale))

    result = _cli_review.check_files(
        namespace.files,
        read=read_raw,
        locale=locale,
        fail_on=fail_on,
        file_format=file_format,
        policy=policy,
    )
    if result.status:
        write(result.output)
        for line in result.errors:
            write_error(prog, line)
        raise Exit(result.status)
    return result.output


# --- learnkit sharing plan ---------------------------------------------------------------


def sharing_command(namespace: argparse.Namespace, prog: str) -> str:
    """What ``learnkit sharing plan`` prints: the plan of a request file for a period.

    Raises:
        UsageError: The action, an option, the period or the file is missing or wrong.
        InputError: The file is bad, the plan cannot be made, or ``--ics`` lacks
            the ``ical`` extra.
    """
    if namespace.action is None:
        raise UsageError(prog, translate("sharing.cli.error.no_action", DEFAULT_LOCALE))
    prog = f"{prog} {namespace.action}"
    locale = option_locale(namespace, prog)
    seed = None if namespace.seed is None else option_seed(namespace, prog, locale)
    if namespace.first is None or namespace.last is None:
        raise UsageError(prog, translate("sharing.cli.error.no_period", locale))
    first = date_option(namespace.first, "--from", prog, locale)
    last = date_option(namespace.last, "--to", prog, locale)
    if last < first:
        message = translate(
            "sharing.cli.error.period_order", locale, first=first.isoformat(), last=last.isoformat()
        )
        raise UsageError(prog, message)
    source: str | None = namespace.file
    if source is None:
        raise UsageError(prog, translate("sharing.cli.error.no_file", locale))
    shown = shown_as(source, locale)
    text = read_json(source, shown, locale)
    try:
        return _cli_sharing.plan_command(
            text,
            first,
            last,
            seed=seed,
            ics=namespace.ics,
            locale=locale,
            # The calendar's DTSTAMP: the time learnkit.cli read when it started.
            clock=lambda: namespace.stamp,
        )
    except _cli_sharing.MissingExtraError:
        raise InputError(translate("sharing.cli.error.no_ical", locale)) from None
    except InvalidDataError as error:
        raise invalid(shown, error, locale) from None
    except LearnkitError as error:
        reason = " ".join(str(error).split())
        message = translate("sharing.cli.error.cannot_plan", locale, path=shown, reason=reason)
        raise InputError(message) from None


# --- learnkit report, learnkit nudges ----------------------------------------------------


def report_command(namespace: argparse.Namespace, prog: str) -> str:
    """What ``learnkit report`` prints: the culture report of a Workspace file.

    Raises:
        UsageError: An option, the period or the file is missing or wrong.
        InputError: The file is bad, or its data cannot give the report.
    """
    locale = option_locale(namespace, prog)
    output_format = choice(namespace.format, "--format", _cli_report.FORMATS, prog, locale)
    period = None
    if (namespace.first is None) != (namespace.last is None):
        raise UsageError(prog, translate("sharing.cli.error.no_period", locale))
    if namespace.first is not None:
        first = date_option(namespace.first, "--from", prog, locale)
        last = date_option(namespace.last, "--to", prog, locale)
        if last < first:
            message = translate(
                "sharing.cli.error.period_order",
                locale,
                first=first.isoformat(),
                last=last.isoformat(),
            )
            raise UsageError(prog, message)
        period = Period(first, last)
    # Without --as-of: today (as learnkit.cli read it), or for a given period its
    # last day, so the same command prints the same report tomorrow.
    as_of = option_as_of(
        namespace, prog, locale, namespace.today if period is None else period.last
    )
    if period is not None and as_of < period.first:
        message = translate(
            "story.cli.error.as_of_before_from",
            locale,
            as_of=as_of.isoformat(),
            first=period.first.isoformat(),
        )
        raise UsageError(prog, message)
    workspace, shown = _read_workspace(namespace, prog, locale)
    with computing(prog, shown, locale):
        return _cli_report.report_text(
            workspace, as_of=as_of, period=period, output_format=output_format, locale=locale
        )


def nudges_command(namespace: argparse.Namespace, prog: str) -> str:
    """What ``learnkit nudges`` prints: the nudges due at ``--now`` in a Workspace file.

    Raises:
        UsageError: An option or the file is missing or wrong.
        InputError: The file is bad, or its data cannot give the nudges.
    """
    locale = option_locale(namespace, prog)
    output_format = choice(namespace.format, "--format", _cli_nudges.FORMATS, prog, locale)
    value: str | None = namespace.now
    if value is None:
        raise UsageError(prog, translate("story.cli.error.no_now", locale))
    now = _cli_nudges.parse_now(value)
    if now is None:
        raise UsageError(prog, translate("story.cli.error.bad_now", locale, value=value))
    workspace, shown = _read_workspace(namespace, prog, locale)
    with computing(prog, shown, locale):
        return _cli_nudges.nudges_output(workspace, now, output_format=output_format, locale=locale)


def _read_workspace(
    namespace: argparse.Namespace, prog: str, locale: Locale
) -> tuple[Workspace, str]:
    """The Workspace in the FILE argument, and how messages show the file."""
    source: str | None = namespace.file
    if source is None:
        raise UsageError(prog, translate("story.cli.error.no_workspace_file", locale))
    shown = shown_as(source, locale)
    text = read_json(source, shown, locale)
    try:
        return from_json(text, Workspace), shown
    except InvalidDataError as error:
        raise invalid(shown, error, locale) from None


@contextlib.contextmanager
def computing(prog: str, shown: str, locale: Locale) -> Iterator[None]:
    """Turn what the library refuses about a valid file into one line and a status.

    The arguments it refuses (a period after --as-of, a date too near the ends
    of the calendar) are usage errors; anything else it refuses (a calendar
    that does not cover the period) is bad input.
    """
    try:
        yield
    except InvalidDataError as error:
        message = translate(
            "cli.error.invalid_argument", locale, **problems(error.problems, locale)
        )
        raise UsageError(prog, message) from None
    except OutOfRangeError as error:
        message = translate(
            "story.cli.error.outside_data",
            locale,
            path=shown,
            value=readable(error.value),
            first=readable(error.first),
            last=readable(error.last),
        )
        raise InputError(message) from None
    except LearnkitError as error:
        reason = " ".join(str(error).split())
        message = translate("story.cli.error.cannot_compute", locale, path=shown, reason=reason)
        raise InputError(message) from None
