"""The logic of ``learnkit nudges``, kept pure.

:mod:`learnkit.cli` parses the arguments and reads the Workspace file;
:func:`parse_now` checks ``--now``, and :func:`nudges_output` gives what the
command prints: the nudges of :func:`learnkit.nudges.due`, either as
text (a title, then one block per nudge: when it is due, to whom, and what to
say) or as a JSON array of :mod:`learnkit.serialize` documents, one per
:class:`~learnkit.nudges.Nudge`, which ``from_dict(item, Nudge)`` reads back.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Final

from learnkit.i18n import Locale, check_locale, translate
from learnkit.nudges import Nudge, due
from learnkit.serialize import to_dict
from learnkit.workspace import Workspace

__all__ = ["FORMATS", "nudges_json", "nudges_output", "nudges_text", "parse_now", "recipient"]

FORMATS: Final = ("text", "json")
"""The values of ``--format``; the first is the default."""

_INDENT: Final = "  "


def parse_now(value: str) -> dt.datetime | None:
    """``value`` as an aware datetime, or ``None`` if it is not ISO 8601 with an offset.

    ``2026-11-24T09:00+01:00`` and ``2026-11-24 09:00:00Z`` are read; a date alone,
    a time without an offset (naive) or anything else gives ``None``.
    """
    try:
        moment = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if moment.tzinfo is None or moment.utcoffset() is None:
        return None
    return moment


def recipient(workspace: Workspace, nudge: Nudge, locale: Locale) -> str:
    """Whom ``nudge`` is for, by name with the id: a person, or a team for a team's nudge.

    A recipient the roster does not know is shown by its id alone.
    """
    roster = workspace.roster
    if nudge.to_team:
        known = {team.id: team.name for team in roster.teams}
        if nudge.recipient not in known:
            return nudge.recipient
        return translate(
            "story.nudges.team", locale, name=known[nudge.recipient], id=nudge.recipient
        )
    if nudge.recipient not in roster:
        return nudge.recipient
    return f"{roster.person(nudge.recipient).name} ({nudge.recipient})"


def nudges_text(
    workspace: Workspace, nudges: Sequence[Nudge], now: dt.datetime, locale: Locale
) -> str:
    """The nudges as text: a title with ``now``, a count, then one block per nudge.

    Each block is the due time (ISO 8601 to the minute, in the nudge's own
    zone: the recipient's local time), the recipient's name and id, then the
    nudge's text indented by two spaces, in the order given.

    Raises:
        InvalidDataError: the locale is unknown.
    """
    check_locale(locale)
    title = translate(
        "story.nudges.title",
        locale,
        now=now.isoformat(timespec="minutes"),
        name=workspace.name or translate("story.nudges.unnamed", locale),
    )
    count = len(nudges)
    key = "story.nudges.count." + ("one" if count == 1 else "other")
    head = [title, "=" * len(title), translate(key, locale, count=count)]
    if not nudges:
        head.append(translate("story.nudges.none", locale))
    blocks = [head]
    for nudge in nudges:
        line = f"{nudge.due.isoformat(timespec='minutes')}  {recipient(workspace, nudge, locale)}"
        blocks.append([line, *(_INDENT + text for text in nudge.text.splitlines())])
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


def nudges_json(nudges: Sequence[Nudge]) -> str:
    """The nudges as an indented JSON array of :func:`learnkit.serialize.to_dict` documents."""
    documents = [to_dict(nudge) for nudge in nudges]
    return json.dumps(documents, ensure_ascii=False, indent=2) + "\n"


def nudges_output(
    workspace: Workspace, now: dt.datetime, *, output_format: str, locale: Locale
) -> str:
    """What ``learnkit nudges`` prints for ``workspace`` as of ``now``.

    Args:
        workspace: The workspace read from the file.
        now: The aware moment to look from.
        output_format: ``"text"`` or ``"json"`` (:data:`FORMATS`).
        locale: The language of the nudges' texts and of the text output.

    Raises:
        InvalidDataError: as :func:`learnkit.nudges.due`.
    """
    found = due(workspace, now, locale)
    if output_format == "json":
        return nudges_json(found)
    return nudges_text(workspace, found, now, locale)
