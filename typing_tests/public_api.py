"""The public API as users write it, checked by ``mypy --strict``; never run.

Annotated assignments state the types users rely on; ``assert_type`` pins the
exact inferred type; each ``# type: ignore[code]`` marks a misuse mypy must keep
refusing (strict mode reports an ignore that is no longer needed).
"""

from __future__ import annotations

import datetime as dt
from typing import assert_type
from zoneinfo import ZoneInfo

import attrs

import learnkit
from learnkit import (
    Calendar,
    Holiday,
    InfeasibleError,
    InvalidDataError,
    LearnkitError,
    Locale,
    OutOfRangeError,
    Person,
    Problem,
    Roster,
    Skill,
    Team,
    Tenure,
    TransitionError,
    UnknownIdError,
    format_datetime,
    parse_datetime,
    translate,
    zone,
)
from learnkit.i18n import LOCALES, catalogue, check_locale, placeholders
from learnkit.people import DEFAULT_NEWCOMER_DAYS
from learnkit.time import DEFAULT_ZONE, ensure_aware

AS_OF = dt.date(2026, 11, 23)

# --- people -----------------------------------------------------------------

anne = Person(
    id="anne",
    name="Anne Sørensen",
    team="platform",
    start_date=dt.date(2019, 8, 1),
    role="Udvikler",
    skills=[Skill("python", 4), Skill(name="facilitering", level=2)],
    languages={"da", "en"},
    time_zone="Europe/Copenhagen",
    location="København",
)
bo = Person(id="bo", name="Bo", team="platform", manager="anne", start_date=dt.date(2026, 10, 1))
platform = Team(id="platform", name="Platform", manager="anne")
roster = Roster(people=[anne, bo], teams=(platform,))

skills: tuple[Skill, ...] = anne.skills
languages: frozenset[str] = anne.languages
where: ZoneInfo = anne.time_zone
manager: str | None = bo.manager
level: int = anne.skill_level("python")
started: bool = bo.has_started(AS_OF)

person: Person = roster.person("anne")
team: Team = roster.team("platform")
members: tuple[Person, ...] = roster.members("platform")
reports: tuple[Person, ...] = roster.direct_reports("anne")
everyone_below: tuple[Person, ...] = roster.all_reports("anne")
chain: tuple[Person, ...] = roster.reporting_chain("bo")
in_line: bool = roster.is_in_line_of_management("anne", "bo")
newcomers: tuple[Person, ...] = roster.newcomers(AS_OF, within_days=DEFAULT_NEWCOMER_DAYS)
headcount: int = len(roster)
present: bool = "anne" in roster
ids: list[str] = [p.id for p in roster]

tenure = roster.tenure("anne", AS_OF)
assert_type(tenure, Tenure)
years: int = tenure.years
total_days: int = tenure.total_days
decimal_years: float = tenure.in_years
assert_type(Tenure.between(dt.date(2020, 1, 1), AS_OF), Tenure)

promoted = attrs.evolve(bo, role="Teamleder")
assert_type(promoted, Person)

Skill("python", "4")  # type: ignore[arg-type]
roster.newcomers("2026-11-23")  # type: ignore[arg-type]
anne.name = "Anna"  # type: ignore[misc]

# --- time -------------------------------------------------------------------

copenhagen: ZoneInfo = zone(DEFAULT_ZONE)
assert_type(zone(copenhagen), ZoneInfo)
meeting = dt.datetime(2026, 3, 27, 14, tzinfo=copenhagen)
text: str = format_datetime(meeting)
again: dt.datetime = parse_datetime(text, field="starts_at")
aware: dt.datetime = ensure_aware(again, field="now")

easter = [
    Holiday(dt.date(2026, 4, 3), "Langfredag"),
    Holiday(dt.date(2026, 4, 6), "Anden påskedag"),
]
calendar = Calendar(weekend={5, 6}, holidays=easter)
bounded = Calendar(holidays=easter, first_day=dt.date(2026, 1, 1), last_day=dt.date(2026, 12, 31))
company = calendar.with_holidays([Holiday(dt.date(2026, 12, 24), "Juleaftensdag")])
assert_type(company, Calendar)

working: bool = calendar.is_working_day(AS_OF)
holiday_name: str | None = calendar.holiday_name(dt.date(2026, 4, 3))
next_day: dt.date = calendar.next_working_day(AS_OF, inclusive=True)
previous_day: dt.date = calendar.previous_working_day(AS_OF)
due: dt.date = calendar.add_working_days(AS_OF, 2)
between: int = calendar.working_days_between(dt.date(2026, 1, 1), AS_OF)
days: list[dt.date] = list(calendar.working_days(dt.date(2026, 1, 1), AS_OF))
weekend: frozenset[int] = calendar.weekend
first_day: dt.date | None = bounded.first_day

denmark = Calendar.for_country("DK", years=range(2026, 2028), include_optional=True)
assert_type(denmark, Calendar)
english = Calendar.for_country("DK", language="en_US")

calendar.add_working_days(AS_OF, 1.5)  # type: ignore[arg-type]
Calendar(weekend={5, 6}, holidays=[dt.date(2026, 4, 3)])  # type: ignore[list-item]

# --- texts ------------------------------------------------------------------

locale: Locale = "da"
headline: str = translate("roster.headcount", locale, count=headcount)
for each in LOCALES:
    assert_type(each, Locale)
    texts = catalogue(each)
    keys: list[str] = sorted(texts)
checked: Locale = check_locale("en", field="language")
names: frozenset[str] = placeholders("{count} personer")

translate("roster.headcount", "de", count=1)  # type: ignore[arg-type]
catalogue("da")["roster.headcount"] = "x"  # type: ignore[index]

# --- errors -----------------------------------------------------------------


def describe(error: LearnkitError) -> str:
    """How a bot might put an error in its own words, from the attributes."""
    if isinstance(error, InvalidDataError):
        problems: tuple[Problem, ...] = error.problems
        return "; ".join(f"{p.path}={p.value!r}: {p.message}" for p in problems)
    if isinstance(error, UnknownIdError):
        kind: str = error.kind
        return f"no {kind} {error.id}"
    if isinstance(error, OutOfRangeError):
        return f"{error.what} {error.value} not in {error.first}..{error.last}"
    if isinstance(error, TransitionError):
        reasons: tuple[str, ...] = error.reasons
        return f"{error.subject}: {error.source} -> {error.target}: {reasons}"
    if isinstance(error, InfeasibleError):
        return "; ".join(error.reasons)
    return str(error)


try:
    roster.person("ghost")
except LearnkitError as error:
    message: str = describe(error)

try:
    Roster(people=[anne, anne], teams=[platform])
except InvalidDataError as error:
    first_problem: Problem = error.problems[0]
    moved: InvalidDataError = error.prefixed("$.data")
    as_value_error: ValueError = error

try:
    roster.team("ghost")
except KeyError as missing:  # an UnknownIdError is also a KeyError
    missing_args: tuple[object, ...] = missing.args

single: InvalidDataError = InvalidDataError.single("level", 6, "must be between 1 and 5")
lookup: KeyError = UnknownIdError("person", "ghost")
version: str = learnkit.__version__
