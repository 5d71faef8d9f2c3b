"""Writing a review in the Markdown layout (see :mod:`learnkit.incidents._markdown`)."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Final

from learnkit.i18n import Locale, check_locale, translate
from learnkit.incidents import _markdown_layout as layout
from learnkit.incidents._markdown_lines import needs_escape
from learnkit.incidents._review import IncidentReview
from learnkit.time import format_datetime

__all__ = ["review_to_markdown"]


def review_to_markdown(
    review: IncidentReview, *, locale: Locale = "da", title: str | None = None
) -> str:
    """``review`` in the Markdown layout, with headings, keys and values in ``locale``.

    Empty text sections and empty lists are left out; a record is written with
    its required keys and those that have a value (a learning always with its
    tags). ``title`` is the ``#`` line's text (by default "Læringsgennemgang af
    <incident>" / "Learning review of <incident>"); it is not part of the review.

    Guarantees: :func:`parse_review_markdown` reads the text back to ``review``
    when the review's texts fit the layout (see the module's documentation).

    Raises:
        InvalidDataError: ``locale`` is not ``"da"`` or ``"en"``.
    """
    locale = check_locale(locale)
    shown = (
        title
        if title is not None
        else translate("reviewfile.title", locale, incident=review.incident)
    )
    out: list[str] = [f"# {shown}", ""]

    def key(name: str, value: str) -> str:
        label = translate(f"reviewfile.key.{name}", locale)
        lines = value.split("\n")
        first = f"- {label}: {lines[0]}".rstrip()
        return "\n".join([first, *(f"  {line}" for line in lines[1:])])

    def label(member: enum.Enum) -> str:
        return layout.value_label(member, locale)

    out.append(key("id", review.id))
    out.append(key("incident", review.incident))
    out.append(key("author", review.author))
    out.append(key("status", label(review.status)))
    out.append(key("revision", str(review.revision)))
    if review.published_at is not None:
        out.append(key("published", format_datetime(review.published_at)))
    for section in layout.SECTIONS:
        block = _section_lines(review, section, key, label)
        if block:
            heading = translate(f"reviewfile.heading.{section}", locale)
            out.extend(["", f"## {heading}", "", *block])
    return "\n".join(out) + "\n"


def _escaped(text: str) -> list[str]:
    return [f"\\{line}" if needs_escape(line) else line for line in text.split("\n")]


def _section_lines(
    review: IncidentReview,
    section: str,
    key: Callable[[str, str], str],
    label: Callable[[enum.Enum], str],
) -> list[str]:
    if section in layout.TEXT_SECTIONS:
        text: str = getattr(review, section)
        return _escaped(text) if text else []
    if section == "approvals":
        return [f"- {approval.by}: {format_datetime(approval.at)}" for approval in review.approvals]
    records = _RECORD_WRITERS[section](review, key, label)
    lines: list[str] = []
    for heading, keys, body in records:
        if lines:
            lines.append("")
        lines.extend([f"### {heading}", *keys, "", *_escaped(body)])
    return lines


_Record = tuple[str, list[str], str]  # heading, key lines, text
_Key = Callable[[str, str], str]
_Label = Callable[[enum.Enum], str]


def _factor_records(review: IncidentReview, key: _Key, label: _Label) -> list[_Record]:
    records = []
    for factor in review.factors:
        keys = [key("category", label(factor.category)), key("role", label(factor.role))]
        if factor.evidence:
            keys.append(key("evidence", ", ".join(factor.evidence)))
        records.append((factor.id, keys, factor.description))
    return records


def _learning_records(review: IncidentReview, key: _Key, label: _Label) -> list[_Record]:
    del label  # a learning has no enum values
    # Tags are written even when empty: a record needs a key line before its text.
    return [
        (learning.id, [key("tags", ", ".join(learning.tags))], learning.statement)
        for learning in review.learnings
    ]


def _action_records(review: IncidentReview, key: _Key, label: _Label) -> list[_Record]:
    records = []
    for item in review.action_items:
        optional = (
            ("type", label(item.type) if item.type is not None else ""),
            ("owner", item.owner or ""),
            ("due", item.due.isoformat() if item.due is not None else ""),
            ("done", item.done_on.isoformat() if item.done_on is not None else ""),
            ("reason", item.reason),
        )
        keys = [key("status", label(item.status)), key("created", item.created_on.isoformat())]
        keys += [key(name, value) for name, value in optional if value]
        records.append((item.id, keys, item.title))
    return records


def _override_records(review: IncidentReview, key: _Key, label: _Label) -> list[_Record]:
    return [
        (
            override.field,
            [
                key("phrase", override.phrase),
                key("kind", label(override.kind)),
                key("by", override.by),
            ],
            override.justification,
        )
        for override in review.overrides
    ]


_RECORD_WRITERS: Final[dict[str, Callable[[IncidentReview, _Key, _Label], list[_Record]]]] = {
    "factors": _factor_records,
    "learnings": _learning_records,
    "action_items": _action_records,
    "overrides": _override_records,
}
