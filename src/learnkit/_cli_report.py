"""The logic of ``learnkit report``, kept pure.

:mod:`learnkit.cli` parses the arguments, reads the Workspace file and (for the
default ``--as-of``) the clock; :func:`report_text` builds the
:class:`~learnkit.culture.CultureReport` and renders it with
:func:`learnkit.culture.render_text` or :func:`~learnkit.culture.render_markdown`,
so the command prints exactly what the library gives.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from learnkit.culture import culture_report, render_markdown, render_text
from learnkit.i18n import Locale
from learnkit.time import Period
from learnkit.workspace import Workspace

__all__ = ["FORMATS", "report_text"]

FORMATS: Final = ("text", "markdown")
"""The values of ``--format``; the first is the default."""


def report_text(
    workspace: Workspace,
    *,
    as_of: dt.date,
    period: Period | None,
    output_format: str,
    locale: Locale,
) -> str:
    """What ``learnkit report`` prints for ``workspace``: the rendered culture report.

    Args:
        workspace: The workspace read from the file.
        as_of: The date the report is made on.
        period: The period it covers; ``None`` for the 91 days ending on ``as_of``.
        output_format: ``"text"`` or ``"markdown"`` (:data:`FORMATS`).
        locale: The language of the report.

    Returns:
        :func:`~learnkit.culture.render_text` (or ``render_markdown``) of
        :func:`~learnkit.culture.culture_report`, ending in exactly one line break.

    Raises:
        InvalidDataError: as :func:`~learnkit.culture.culture_report` (e.g. a
            period that starts after ``as_of``).
        OutOfRangeError: the workspace's calendar does not cover the period.
    """
    report = culture_report(workspace, as_of=as_of, period=period)
    render = render_markdown if output_format == "markdown" else render_text
    return render(report, locale).rstrip("\n") + "\n"
