r"""A review kept as Markdown: read it (with positions) and write it.

Teams keep postmortems in a repository next to their code. The layout is plain
Markdown with a fixed set of headings, in Danish or English (or mixed)::

    # Læringsgennemgang: Betalinger fejlede efter udrulning   <- title, free text

    - id: r-2026-07                  <- the review's keys, one "- key: value" each
    - hændelse: inc-2026-07
    - forfatter: p12
    - status: kladde

    ## Resumé                        <- a text section: every line up to the next
    Kort om hvad der skete.             heading is the field's text

    ## Medvirkende faktorer          <- a section of records, one "###" per record
    ### f1                           <- the record's id
    - kategori: proces               <- its keys
    - rolle: udløsende
    - belæg: e1, e3

    Beskrivelsen af faktoren.        <- its text (description, statement, title ...)

    ## Godkendelser
    - p03: 2026-11-20T10:00:00+01:00[Europe/Copenhagen]

The sections are listed in ``docs/incidents.md``. Rules that make the layout
unambiguous:

* ``#``, ``##`` and ``###`` followed by a space start a heading; inside a text
  section a ``###`` line is text. A text line that would read as a heading (or
  starts with ``\``) is written with a ``\`` in front, which is dropped on
  reading. Lines inside a fenced code block (```` ``` ```` or ``~~~``) are text.
* A record's keys are the ``- key: value`` lines right under its heading; a
  value may go on over lines indented by at least two spaces; the first line
  that is no known key ends them, and the rest is the record's text.
* Lists (evidence, tags) are separated by commas; dates are ``YYYY-MM-DD``;
  times are ISO 8601 with an offset (and optionally ``[Europe/Copenhagen]``).

:func:`parse_review_markdown` reports every problem at once, each with its line
and column, and otherwise gives a :class:`~learnkit.incidents.ReviewFile` whose
anchors locate every character of every text field. :func:`review_to_markdown`
writes a review in this layout; reading it back gives the same review whenever
the layout can hold it exactly: texts without blank lines around them, evidence
ids and tags without commas, override fields and phrases on one line, and
action-item reasons without blank lines or spaces around their lines (a
property test holds the two functions to this).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from learnkit.exceptions import InvalidDataError
from learnkit.incidents import _markdown_layout as layout
from learnkit.incidents._language import FindingKind
from learnkit.incidents._markdown_lines import (
    Heading,
    Line,
    Reader,
    Value,
    date_value,
    enum_value,
    get_value,
    heading_of,
    list_value,
    read_keys,
    read_lines,
    required_value,
    sections_of,
    split_keys,
    text_of,
    where,
)
from learnkit.incidents._markdown_write import review_to_markdown
from learnkit.incidents._review import (
    ActionItem,
    ActionStatus,
    ActionType,
    Approval,
    ContributingFactor,
    FactorCategory,
    FactorRole,
    IncidentReview,
    LanguageOverride,
    Learning,
    ReviewStatus,
)
from learnkit.incidents._review_file import (
    ReviewFile,
    ReviewFileError,
    ReviewFileFormat,
    require_text,
)
from learnkit.time import parse_datetime

__all__ = ["parse_review_markdown", "review_to_markdown"]


def parse_review_markdown(text: str) -> ReviewFile:
    """The review written in ``text`` in the Markdown layout, with the anchors of its texts.

    Guarantees: every character of every non-empty text field (the sections,
    the records' texts, the keys' text values) has an anchor that locates it
    in ``text``; the records keep the file's order, so ``factors[1]`` is the
    second ``###`` under the factors heading.

    Raises:
        ReviewFileError: ``text`` is not a review in this layout; every problem
            is listed with its line and column: headings nobody knows, a
            section given twice, text outside any section, keys that are
            missing, unknown or given twice, values that do not parse, and
            what the review's own validation refuses.
        InvalidDataError: ``text`` is not a string (bytes too: decode them
            as UTF-8 first).
    """
    text = require_text(text)
    reader = Reader()
    lines = read_lines(text)
    headings = [heading for line in lines if (heading := heading_of(line)) is not None]
    first_section = next((h.line.number for h in headings if h.level == 2), len(lines) + 1)
    titles = [heading for heading in headings if heading.level == 1]
    for heading in titles[1:]:
        reader.problem(
            f"line {heading.line.number}",
            heading.title,
            "is a second title; a review file has one '# ' title line",
            (heading.line.number, 1),
        )
    title_lines = {heading.line.number for heading in titles}
    head_lines = [line for line in lines[: first_section - 1] if line.number not in title_lines]
    review_keys = read_keys(head_lines, layout.REVIEW_KEYS, reader, "")
    sections = sections_of(lines, headings, reader)
    fields: dict[str, Any] = {}
    _review_fields(review_keys, reader, fields)
    for name in layout.TEXT_SECTIONS:
        if name in sections:
            heading, body = sections[name]
            value = text_of(body)
            reader.anchor_value(name, value)
            fields[name] = value.text
    builders: dict[str, Callable[[str, Heading, list[Line], Reader], Any]] = {
        "factors": _factor,
        "learnings": _learning,
        "action_items": _action_item,
        "overrides": _override,
    }
    for name, build in builders.items():
        if name in sections:
            heading, body = sections[name]
            reader.anchor(name, 0, heading.line.number, 1)
            records = []
            for index, (record_heading, record_body) in enumerate(_records(body, name, reader)):
                path = f"{name}[{index}]"
                reader.anchor(path, 0, record_heading.line.number, 1)
                record = build(path, record_heading, record_body, reader)
                if record is not None:
                    records.append(record)
            fields[name] = tuple(records)
    if "approvals" in sections:
        heading, body = sections["approvals"]
        reader.anchor("approvals", 0, heading.line.number, 1)
        fields["approvals"] = _approvals(body, reader)
    review = None
    if not reader.problems:
        try:
            review = IncidentReview(**fields)
        except InvalidDataError as error:
            reader.refused(error, "")
    if review is None:
        if not reader.problems:  # pragma: no cover - a refusal always records a problem
            raise AssertionError("unreachable")
        order = sorted(range(len(reader.problems)), key=lambda index: reader.locations[index])
        raise ReviewFileError(
            [reader.problems[index] for index in order],
            [reader.locations[index] for index in order],
        )
    return ReviewFile(
        review=review, format=ReviewFileFormat.MARKDOWN, anchors=reader.anchors.values()
    )


# --- the review's own keys ---------------------------------------------------------


def _review_fields(
    keys: dict[str, tuple[Value, tuple[int, int]]], reader: Reader, fields: dict[str, Any]
) -> None:
    start = (1, 1)
    for name, field in (("id", "id"), ("incident", "incident"), ("author", "author")):
        text = required_value(keys, name, reader, "", field, at=start)
        if text is not None:
            fields[field] = text.strip()
    status = get_value(keys, "status", reader, "", "status")
    member = enum_value(ReviewStatus, status, reader, "status", where(reader, "status", start))
    if member is not None:
        fields["status"] = member
    revision = get_value(keys, "revision", reader, "", "revision")
    if revision is not None:
        if revision.strip().isdigit():
            fields["revision"] = int(revision.strip())
        else:
            reader.problem(
                "revision", revision, "must be a whole number", where(reader, "revision", start)
            )
    published = get_value(keys, "published", reader, "", "published_at")
    if published is not None:
        try:
            fields["published_at"] = parse_datetime(published.strip(), field="published_at")
        except InvalidDataError as error:
            for problem in error.problems:
                reader.problem(
                    problem.path,
                    problem.value,
                    problem.message,
                    where(reader, "published_at", start),
                )


# --- records -----------------------------------------------------------------------


def _records(body: list[Line], section: str, reader: Reader) -> list[tuple[Heading, list[Line]]]:
    found: list[tuple[Heading, list[Line]]] = []
    for line in body:
        heading = heading_of(line)
        if heading is not None and heading.level == 3:
            found.append((heading, []))
        elif found:
            found[-1][1].append(line)
        elif line.text.strip():
            reader.problem(
                f"line {line.number}",
                line.text.strip(),
                f"is text outside a record; each record of {section} starts with '### '",
                (line.number, 1),
            )
    return found


def _record(
    path: str, heading: Heading, body: list[Line], known: tuple[str, ...], reader: Reader
) -> tuple[dict[str, tuple[Value, tuple[int, int]]], list[Line], tuple[int, int]]:
    key_lines, text_lines = split_keys(body, known)
    keys = read_keys(key_lines, known, reader, path)
    return keys, text_lines, (heading.line.number, heading.column)


def _record_id(path: str, heading: Heading, reader: Reader) -> str:
    reader.anchor(f"{path}.id", 0, heading.line.number, heading.column)
    return heading.title


def _body(path: str, field: str, lines: list[Line], reader: Reader) -> str:
    value = text_of(lines)
    reader.anchor_value(f"{path}.{field}", value)
    return value.text


def _build(reader: Reader, path: str, cls: type[Any], **fields: Any) -> Any:
    try:
        return cls(**fields)
    except InvalidDataError as error:
        reader.refused(error, path)
        return None


def _factor(path: str, heading: Heading, body: list[Line], reader: Reader) -> Any:
    keys, text_lines, at = _record(path, heading, body, layout.FACTOR_KEYS, reader)
    ident = _record_id(path, heading, reader)
    category = required_value(keys, "category", reader, path, "category", at=at)
    role = required_value(keys, "role", reader, path, "role", at=at)
    evidence = get_value(keys, "evidence", reader, path, "evidence")
    description = _body(path, "description", text_lines, reader)
    found_category = enum_value(FactorCategory, category, reader, f"{path}.category", at)
    found_role = enum_value(FactorRole, role, reader, f"{path}.role", at)
    if found_category is None or found_role is None:
        return None
    return _build(
        reader,
        path,
        ContributingFactor,
        id=ident,
        category=found_category,
        role=found_role,
        description=description,
        evidence=list_value(evidence),
    )


def _learning(path: str, heading: Heading, body: list[Line], reader: Reader) -> Any:
    keys, text_lines, _ = _record(path, heading, body, layout.LEARNING_KEYS, reader)
    ident = _record_id(path, heading, reader)
    tags = get_value(keys, "tags", reader, path, "tags")
    statement = _body(path, "statement", text_lines, reader)
    return _build(reader, path, Learning, id=ident, statement=statement, tags=list_value(tags))


def _action_item(path: str, heading: Heading, body: list[Line], reader: Reader) -> Any:
    keys, text_lines, at = _record(path, heading, body, layout.ACTION_KEYS, reader)
    ident = _record_id(path, heading, reader)
    status = enum_value(
        ActionStatus,
        required_value(keys, "status", reader, path, "status", at=at),
        reader,
        f"{path}.status",
        at,
    )
    created = required_value(keys, "created", reader, path, "created_on", at=at)
    kind = enum_value(
        ActionType, get_value(keys, "type", reader, path, "type"), reader, f"{path}.type", at
    )
    owner = get_value(keys, "owner", reader, path, "owner")
    due = date_value(get_value(keys, "due", reader, path, "due"), reader, f"{path}.due", at)
    done = date_value(
        get_value(keys, "done", reader, path, "done_on"), reader, f"{path}.done_on", at
    )
    reason = get_value(keys, "reason", reader, path, "reason") or ""
    created_on = date_value(created, reader, f"{path}.created_on", at)
    title = _body(path, "title", text_lines, reader)
    if status is None or created_on is None:
        return None
    return _build(
        reader,
        path,
        ActionItem,
        id=ident,
        title=title,
        status=status,
        created_on=created_on,
        type=kind,
        owner=owner.strip() if owner is not None else None,
        due=due,
        done_on=done,
        reason=reason,
    )


def _override(path: str, heading: Heading, body: list[Line], reader: Reader) -> Any:
    keys, text_lines, at = _record(path, heading, body, layout.OVERRIDE_KEYS, reader)
    reader.anchor(f"{path}.field", 0, heading.line.number, heading.column)
    phrase = required_value(keys, "phrase", reader, path, "phrase", at=at)
    kind = enum_value(
        FindingKind,
        required_value(keys, "kind", reader, path, "kind", at=at),
        reader,
        f"{path}.kind",
        at,
    )
    by = required_value(keys, "by", reader, path, "by", at=at)
    justification = _body(path, "justification", text_lines, reader)
    if phrase is None or kind is None or by is None:
        return None
    return _build(
        reader,
        path,
        LanguageOverride,
        field=heading.title,
        phrase=phrase,
        kind=kind,
        justification=justification,
        by=by.strip(),
    )


def _approvals(body: list[Line], reader: Reader) -> tuple[Approval, ...]:
    found: list[Approval] = []
    for line in body:
        if not line.text.strip():
            continue
        by, colon, when = line.text.rstrip().removeprefix("-").rpartition(": ")
        if not line.text.startswith("-") or not colon or not by.strip():
            reader.problem(
                f"line {line.number}",
                line.text.strip(),
                "is not an approval; write '- <person id>: <time>'",
                (line.number, 1),
            )
            continue
        index = len(found)
        path = f"approvals[{index}]"
        reader.anchor(path, 0, line.number, 1)
        column = len(by) + len(colon) + 2 + (len(when) - len(when.lstrip()))
        try:
            at = parse_datetime(when.strip(), field=f"{path}.at")
        except InvalidDataError as error:
            for problem in error.problems:
                reader.problem(problem.path, problem.value, problem.message, (line.number, column))
            continue
        approval = _build(reader, path, Approval, by=by.strip(), at=at)
        if approval is not None:
            found.append(approval)
    return tuple(found)
