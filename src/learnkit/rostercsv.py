"""A roster from a CSV export, as HR systems and spreadsheets write it, and back.

:func:`roster_from_csv` reads the text of a CSV file (the caller reads the
file; this module does no I/O) with one row per person:

=================  ========  ==============================================================
column             required  what a cell holds
=================  ========  ==============================================================
``id``             yes       the person's id (HR number, initials, e-mail address)
``name``           yes       the display name
``team``           yes       the team's id; every team named here becomes a team
``start_date``     yes       ``YYYY-MM-DD``, or day first as ``DD-MM-YYYY`` or ``DD.MM.YYYY``
``manager``        no        the manager's id; empty for the top of a line
``role``           no        the job title
``skills``         no        ``name:level`` items separated by ``;``: ``python:4;sql:3``
``languages``      no        ISO 639 codes separated by ``;``, ``,`` or spaces: ``da;en``
``time_zone``      no        an IANA zone such as ``Europe/Copenhagen`` (empty: that zone)
``location``       no        the office or city
``team_name``      no        the team's display name (default: the team's id)
``team_manager``   no        the id of the team's manager
=================  ========  ==============================================================

The format is forgiving where exports differ and strict where data would be lost:

* the delimiter is ``,``, ``;`` (Danish Excel writes ``;``) or a tab, told
  from the header row unless given; a UTF-8 byte order mark is skipped;
* header names are matched without regard to case, surrounding spaces, or
  spaces and hyphens for underscores (``Start date`` is ``start_date``); an
  unknown or repeated column is a problem, never silently dropped; columns
  may come in any order;
* blank rows are skipped, and so are extra empty cells at the end of a row;
* ids, dates, skills, languages and zones are read without surrounding
  spaces; names, roles, locations and team names are kept exactly as written;
  an empty optional cell means "not given": no manager, no role, no skills,
  no languages, the default zone;
* a column left out altogether takes :class:`~learnkit.Person`'s default (no
  ``languages`` column: Danish), while an empty ``languages`` cell means none;
* a team's name and manager may be given on one row of the team or on all;
  rows that give different values are a problem.

Every problem is reported at once in one
:class:`~learnkit.exceptions.InvalidDataError`, each at a path that names the
row and the column, ``row 7, column start_date``. Rows are numbered as a
spreadsheet shows them: the first row of the text (the header) is row 1, and a
blank row still counts. A problem with the header is at ``row 1, column X``;
one with a whole row at ``row 7``.

:func:`roster_to_csv` writes a roster in the same format, so
``roster_from_csv(roster_to_csv(roster)) == roster`` for every roster the
format can hold (see there for the two things it cannot).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final

import attrs

from learnkit.exceptions import InvalidDataError, Problem
from learnkit.people import Person, Roster, Skill, Team
from learnkit.time import zone

__all__ = ["COLUMNS", "DELIMITERS", "REQUIRED_COLUMNS", "roster_from_csv", "roster_to_csv"]

COLUMNS: Final[tuple[str, ...]] = (
    "id",
    "name",
    "team",
    "manager",
    "start_date",
    "role",
    "skills",
    "languages",
    "time_zone",
    "location",
    "team_name",
    "team_manager",
)
"""Every column a roster CSV may have, in the order :func:`roster_to_csv` writes them."""

REQUIRED_COLUMNS: Final[tuple[str, ...]] = ("id", "name", "team", "start_date")
"""The columns every roster CSV must have."""

DELIMITERS: Final[tuple[str, ...]] = (",", ";", "\t")
"""The delimiters read and written; the first is the default, and wins a tie when sniffing."""

_EXACT: Final = frozenset({"name", "role", "location", "team_name"})  # free text, kept as written
_DAY_FIRST = re.compile(r"([0-9]{1,2})([.-])([0-9]{1,2})\2([0-9]{4})")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_LANGUAGE_SPLIT = re.compile(r"[;,\s]+")
_DATE_MESSAGE = "must be a date written YYYY-MM-DD, DD-MM-YYYY or DD.MM.YYYY"


def _where(row: int, column: str | None = None) -> str:
    return f"row {row}" if column is None else f"row {row}, column {column}"


def _column_key(raw: str) -> str:
    return "_".join(raw.strip().casefold().replace("-", " ").split())


class _Reading:
    """What is learnt row by row, and every problem found on the way."""

    def __init__(self, columns: dict[str, int], unnamed: list[bool]) -> None:
        self.columns = columns
        self.unnamed = unnamed  # per column: whether its heading is empty
        self.problems: list[Problem] = []
        self.people: list[Person] = []
        self.person_rows: dict[str, int] = {}  # id -> the first row that has it
        self.managers: dict[str, tuple[str, int]] = {}  # id -> (manager id, row)
        self.teams: dict[str, int] = {}  # team id -> the first row naming it
        self.team_names: dict[str, tuple[str, int]] = {}
        self.team_managers: dict[str, tuple[str, int]] = {}

    def problem(self, row: int, column: str | None, value: object, message: str) -> None:
        self.problems.append(Problem(_where(row, column), value, message))


def roster_from_csv(text: str, *, delimiter: str | None = None) -> Roster:
    r"""The roster in ``text``, a CSV export with one row per person (see the module docs).

    Args:
        text: The whole CSV text, already decoded (a leading byte order mark is skipped).
        delimiter: ``","``, ``";"`` or ``"\t"``; by default the one that splits
            the header row into the most cells.

    Returns:
        A valid :class:`~learnkit.Roster` with every person in the text and
        every team they name.

    Raises:
        InvalidDataError: listing every problem, each at ``row N, column NAME``
            (or ``row N`` for a whole row): a missing, unknown or repeated
            column, an empty required cell, a value that is not a date, skill
            level, language code or zone, an id used twice, a manager or team
            manager who is not in the text, a management line that loops,
            rows that disagree on a team's name or manager.
    """
    if not isinstance(text, str):
        raise InvalidDataError.single("text", text, "must be a string (decode the file first)")
    if delimiter is not None and delimiter not in DELIMITERS:
        raise InvalidDataError.single("delimiter", delimiter, "must be ',', ';' or a tab")
    lines = _lines(text.removeprefix("\ufeff"))
    records, broken = _records(lines, delimiter or _sniff(lines))
    filled = [(row, cells) for row, cells in records if any(cell.strip() for cell in cells)]
    if not filled:
        problem = broken or Problem("row 1", text, "has no header row: the text is empty")
        raise InvalidDataError([problem])
    (header_row, header), *rows = filled
    columns, problems = _header(header_row, header)
    reading = _Reading(columns, [not _column_key(raw) for raw in header])
    reading.problems.extend(problems)
    for row, cells in rows:
        _row(reading, row, cells)
    if broken is not None:
        reading.problems.append(broken)
    teams = _teams(reading)
    _references(reading)
    if reading.problems:
        raise InvalidDataError(sorted(reading.problems, key=_row_number))
    return Roster(people=reading.people, teams=teams)


def _row_number(problem: Problem) -> int:
    # Sorted by row and stable, so a row's problems stay in column order.
    return int(problem.path.split(",")[0].removeprefix("row "))


def _lines(text: str) -> list[str]:
    # Split on line breaks only: str.splitlines() would also split on characters
    # such as U+2028 that may stand inside a name.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return [line for line in lines if line]


def _sniff(lines: list[str]) -> str:
    """The delimiter that splits the header row into the most cells (``,`` on a tie)."""
    header = next((line for line in lines if line.strip()), "")
    counts = {delimiter: _cell_count(header, delimiter) for delimiter in DELIMITERS}
    return max(DELIMITERS, key=lambda delimiter: (counts[delimiter], -DELIMITERS.index(delimiter)))


def _cell_count(line: str, delimiter: str) -> int:
    try:
        return len(next(csv.reader([line], delimiter=delimiter), []))
    except csv.Error:  # a quote left open; the real reading reports it
        return 0


def _records(
    lines: list[str], delimiter: str
) -> tuple[list[tuple[int, list[str]]], Problem | None]:
    """``(row number, cells)`` for every record, and the problem where csv gave up, if it did."""
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    records: list[tuple[int, list[str]]] = []
    while True:
        row = len(records) + 1
        try:
            cells = next(reader)
        except StopIteration:
            return records, None
        except csv.Error as error:
            return records, Problem(_where(row), None, f"is not valid CSV: {error}")
        records.append((row, cells))


def _header(row: int, header: list[str]) -> tuple[dict[str, int], list[Problem]]:
    """The index of each known column by name, and the problems with the header."""
    columns: dict[str, int] = {}
    problems: list[Problem] = []
    for index, raw in enumerate(header):
        key = _column_key(raw)
        if not key:
            continue  # an empty heading, as spreadsheets add at the end; its cells are checked
        if key not in COLUMNS:
            problems.append(
                Problem(
                    _where(row, raw.strip()),
                    raw,
                    f"is not a roster column (expected some of: {', '.join(COLUMNS)})",
                )
            )
        elif key in columns:
            problems.append(
                Problem(
                    _where(row, key),
                    raw,
                    f"appears twice (columns {columns[key] + 1} and {index + 1})",
                )
            )
        else:
            columns[key] = index
    problems.extend(
        Problem(
            _where(row, key),
            None,
            f"is missing; a roster CSV needs the columns {', '.join(REQUIRED_COLUMNS)}",
        )
        for key in REQUIRED_COLUMNS
        if key not in columns
    )
    return columns, problems


def _row(reading: _Reading, row: int, cells: list[str]) -> None:
    width = len(reading.unnamed)
    if any(cell.strip() for cell in cells[width:]):
        reading.problem(row, None, cells, f"has {len(cells)} cells but the header has {width}")
    for index, (cell, unnamed) in enumerate(zip(cells, reading.unnamed, strict=False)):
        if unnamed and cell.strip():
            reading.problem(row, f"{index + 1}", cell, "has a value under a column without a name")
    values: dict[str, Any] = {}
    for key, index in reading.columns.items():
        cell = cells[index] if index < len(cells) else ""
        try:
            _cell(values, key, cell)
        except InvalidDataError as error:
            for problem in error.problems:
                reading.problem(row, key, cell, problem.message)
    person_id = values.get("id")
    if isinstance(person_id, str):
        first = reading.person_rows.setdefault(person_id, row)
        if first != row:
            reading.problem(row, "id", person_id, f"is also the id in row {first}")
            return
        if isinstance(values.get("manager"), str):
            reading.managers[person_id] = (values["manager"], row)
    _team_facts(reading, row, values)
    fields = {key: value for key, value in values.items() if key in _PERSON_FIELDS}
    if all(key in fields for key in REQUIRED_COLUMNS):
        try:
            reading.people.append(Person(**fields))
        except InvalidDataError as error:  # what involves two cells: managing oneself
            for problem in error.problems:
                reading.problem(row, problem.path, problem.value, problem.message)


def _cell(values: dict[str, Any], key: str, cell: str) -> None:
    """Read one cell into ``values`` (nothing for a cell that is not valid), or raise why not."""
    text = cell if key in _EXACT else cell.strip()
    if not text.strip():
        if key in REQUIRED_COLUMNS:
            raise InvalidDataError.single(key, cell, "is empty")
        values[key] = _EMPTY.get(key)
        if key in ("time_zone", "team_name", "team_manager"):
            del values[key]  # the default zone; the team's name and manager may come from elsewhere
        return
    value: object
    if key == "start_date":
        value = _date(text)
    elif key == "skills":
        value = _skills(text)
    elif key == "languages":
        value = _languages(text)
    elif key == "time_zone":
        value = zone(text, field=key)
    else:
        value = text
    attribute = _ATTRIBUTES.get(key)
    if attribute is not None and attribute.validator is not None:
        attribute.validator(None, attribute, value)
    values[key] = value


_PERSON_FIELDS: Final = frozenset(attrs.fields_dict(Person))
# Each cell is checked on its own by the validator of the field it fills, so a row
# with several bad cells reports every one (a class reports only its first).
_ATTRIBUTES: Final[Mapping[str, attrs.Attribute[Any]]] = {
    **attrs.fields_dict(Person),
    "team_name": attrs.fields(Team).name,
    "team_manager": attrs.fields(Team).manager,
}
_EMPTY: Final[Mapping[str, object]] = {"skills": (), "languages": frozenset()}


def _date(text: str) -> dt.date:
    day_first = _DAY_FIRST.fullmatch(text)
    try:
        if day_first is not None:
            day, _, month, year = day_first.groups()
            return dt.date(int(year), int(month), int(day))
        if _ISO_DATE.fullmatch(text):
            return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidDataError.single("start_date", text, "is not a day in the calendar") from None
    raise InvalidDataError.single("start_date", text, _DATE_MESSAGE)


def _skills(text: str) -> tuple[Skill, ...]:
    found: list[Skill] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for item in (part.strip() for part in text.split(";")):
        if not item:
            continue  # "python:4;" or "python:4;;sql:3"
        name, colon, level = item.rpartition(":")
        name, level = name.strip(), level.strip()
        if not colon or not name:
            problems.append(
                Problem("skills", item, f"has {item!r}; write name:level, e.g. python:4")
            )
        elif not (level.isascii() and level.isdigit() and 1 <= int(level) <= 5):
            problems.append(Problem("skills", item, f"has {item!r}; a level is 1 to 5"))
        elif name in seen:
            problems.append(Problem("skills", item, f"lists the skill {name!r} twice"))
        else:
            try:
                found.append(Skill(name=name, level=int(level)))
            except InvalidDataError as error:
                problems.extend(Problem("skills", item, p.message) for p in error.problems)
            seen.add(name)
    if problems:
        raise InvalidDataError(problems)
    return tuple(found)


def _languages(text: str) -> frozenset[str]:
    codes = [code.casefold() for code in _LANGUAGE_SPLIT.split(text) if code]
    bad = [code for code in codes if not re.fullmatch(r"[a-z]{2,3}", code)]
    if bad:
        raise InvalidDataError.single(
            "languages",
            text,
            f"has {', '.join(repr(code) for code in bad)}; expected ISO 639 codes such as da;en",
        )
    return frozenset(codes)


def _team_facts(reading: _Reading, row: int, values: dict[str, Any]) -> None:
    team = values.get("team")
    if not isinstance(team, str):
        return
    reading.teams.setdefault(team, row)
    for key, known in (("team_name", reading.team_names), ("team_manager", reading.team_managers)):
        value = values.get(key)
        if not isinstance(value, str):
            continue
        earlier = known.setdefault(team, (value, row))
        if earlier[0] != value:
            reading.problem(
                row,
                key,
                value,
                f"gives team {team!r} the {key.removeprefix('team_')} {value!r}, "
                f"but row {earlier[1]} gives {earlier[0]!r}",
            )


def _teams(reading: _Reading) -> list[Team]:
    # Every value was checked cell by cell, so building the teams cannot fail.
    return [
        Team(
            id=team_id,
            name=reading.team_names.get(team_id, (team_id, 0))[0],
            manager=reading.team_managers[team_id][0] if team_id in reading.team_managers else None,
        )
        for team_id in reading.teams
    ]


def _references(reading: _Reading) -> None:
    """Managers and team managers who are not in the text, and loops in management lines."""
    known = reading.person_rows
    for person_id, (manager, row) in reading.managers.items():
        if manager != person_id and manager not in known:  # oneself: Person says so
            reading.problem(row, "manager", manager, "is not the id of anyone in the text")
    for team, (manager, row) in reading.team_managers.items():
        if manager not in known:
            reading.problem(
                row, "team_manager", manager, f"is not the id of anyone in the text (team {team!r})"
            )
    for loop in _loops({person: manager for person, (manager, _) in reading.managers.items()}):
        manager, row = reading.managers[loop[0]]
        reading.problem(
            row, "manager", manager, f"management lines loop: {' → '.join([*loop, loop[0]])}"
        )


def _loops(managers: Mapping[str, str]) -> Iterator[list[str]]:
    """Each management loop of two or more people once, starting from its smallest id."""
    state: dict[str, int] = {}  # 1 while on the current path, 2 when done
    for start in sorted(managers):
        path: list[str] = []
        current: str | None = start
        while current is not None and current not in state:
            state[current] = 1
            path.append(current)
            current = managers.get(current)
        if current is not None and state[current] == 1:
            loop = path[path.index(current) :]
            if len(loop) > 1:  # a person managing themselves is reported by Person
                at = loop.index(min(loop))
                yield loop[at:] + loop[:at]
        for person in path:
            state[person] = 2


# --- writing ----------------------------------------------------------------------------


def roster_to_csv(roster: Roster, *, delimiter: str = ",") -> str:
    r"""``roster`` as CSV text in the format :func:`roster_from_csv` reads.

    Writes the header and one row per person, sorted by id, with every column
    of :data:`COLUMNS`; dates as ``YYYY-MM-DD``, skills as ``name:level`` items
    joined by ``;``, languages sorted and joined by ``;``, lines ending in
    ``\n``. Cells are quoted only where the delimiter, a quote or a line
    break requires it. To open the file in Excel, write ``"\ufeff"`` (a byte
    order mark) before the text and use ``delimiter=";"`` for a Danish Excel.

    Guarantees ``roster_from_csv(roster_to_csv(roster)) == roster`` (for any
    delimiter), and refuses the two things the format cannot hold rather than
    losing them.

    Raises:
        InvalidDataError: a team has no members (a CSV roster has one row per
            person), or a skill name contains ``;`` or starts or ends with a
            space; every such problem is listed, at ``teams[id=T]`` or
            ``people[id=P].skills[name=S]``.
    """
    if not isinstance(roster, Roster):
        raise InvalidDataError.single("roster", roster, "must be a Roster")
    if delimiter not in DELIMITERS:
        raise InvalidDataError.single("delimiter", delimiter, "must be ',', ';' or a tab")
    problems = [
        Problem(f"teams[id={team.id}]", team.id, "has no members; a CSV roster has a row a person")
        for team in roster.teams
        if not roster.members(team.id)
    ]
    problems.extend(
        Problem(
            f"people[id={person.id}].skills[name={skill.name}]",
            skill.name,
            "cannot be written in a skills cell (no ';', no surrounding spaces)",
        )
        for person in roster
        for skill in person.skills
        if ";" in skill.name or skill.name != skill.name.strip()
    )
    if problems:
        raise InvalidDataError(problems)
    lines = _Lines()
    writer = csv.writer(lines, delimiter=delimiter, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(_cells(roster, person) for person in roster)
    return "".join(lines)


class _Lines(list[str]):
    """A list that csv.writer can write to."""

    def write(self, text: str) -> int:
        self.append(text)
        return len(text)


def _cells(roster: Roster, person: Person) -> Iterable[str]:
    team = roster.team(person.team)
    return (
        person.id,
        person.name,
        person.team,
        person.manager or "",
        person.start_date.isoformat(),
        person.role or "",
        ";".join(f"{skill.name}:{skill.level}" for skill in person.skills),
        ";".join(sorted(person.languages)),
        str(person.time_zone.key),
        person.location or "",
        team.name,
        team.manager or "",
    )
