"""Strategies for the foundation: people, teams, rosters, time zones, calendars, tenure."""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Callable, Iterable
from typing import Any
from zoneinfo import ZoneInfo

import attrs
from hypothesis import strategies as st

from learnkit import _validate
from learnkit.exceptions import InvalidDataError
from learnkit.people import Person, Roster, Skill, Team, Tenure
from learnkit.time import Calendar, Holiday, Period, zone

__all__ = [
    "DEFAULT_MAX_DATE",
    "DEFAULT_MIN_DATE",
    "LANGUAGE_CODES",
    "ZONE_KEYS",
    "aware_datetimes",
    "calendars",
    "holidays",
    "people",
    "periods",
    "rosters",
    "skills",
    "teams",
    "tenures",
    "zones",
]

ZONE_KEYS: tuple[str, ...] = (
    "Europe/Copenhagen",
    "UTC",
    "Europe/London",
    "Europe/Berlin",
    "Europe/Stockholm",
    "Europe/Oslo",
    "Europe/Helsinki",
    "Europe/Lisbon",
    "Europe/Warsaw",
    "Atlantic/Faroe",
    "America/Nuuk",
    "America/New_York",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Australia/Sydney",
)
"""The IANA zones :func:`zones` picks from, Europe/Copenhagen first.

A fixed list rather than :func:`zoneinfo.available_timezones`, which reads the
disk and differs between machines. It covers the Danish realm (Copenhagen, the
Faroe Islands, Greenland, whose rules changed in 2023), European neighbours,
zones without daylight saving (UTC, Kolkata at +05:30, Kathmandu at +05:45) and
daylight saving in the other hemisphere (Sydney).
"""

LANGUAGE_CODES: tuple[str, ...] = (
    "da",
    "en",
    "sv",
    "nb",
    "nn",
    "de",
    "fo",
    "kl",
    "fr",
    "es",
    "pl",
    "uk",
    "hi",
    "ta",
    "ar",
    "fil",
)
"""The ISO 639 language codes generated people speak (two- and three-letter)."""

DEFAULT_MIN_DATE = dt.date(2000, 1, 1)
"""The earliest date the strategies generate unless told otherwise."""

DEFAULT_MAX_DATE = dt.date(2039, 12, 31)
"""The latest date the strategies generate unless told otherwise."""

_FIRST_NAMES = (
    "Anne",
    "Søren",
    "Mette",
    "Jørgen",
    "Åse",
    "Bjørn",
    "Signe",
    "Æbbe",
    "Mads",
    "Sofie",
    "Priya",
    "Ahmed",
    "Karen",
    "Lars",
)
_LAST_NAMES = (
    "Hansen",
    "Sørensen",
    "Nørgaard",
    "Østergaard",
    "Kjærgaard",
    "Ågård",
    "Brøndum",
    "Kierkegaard",
    "Nielsen",
    "Sharma",
    "Olsen",
    "Jensen",
)
_TEAM_NAMES = (
    "Platform",
    "Data & AI",
    "Kundeservice",
    "Økonomi",
    "Læring og udvikling",
    "Design",
    "Drift",
)
_TEAM_IDS = ("platform", "data", "kundeservice", "økonomi", "hr", "design", "drift")
_SKILL_NAMES = (
    "python",
    "facilitering",
    "kommunikation",
    "SQL",
    "sikkerhed",
    "test",
    "økonomi",
    "ledelse",
    "mentoring",
    "Kubernetes",
    "brugerresearch",
    "præsentationsteknik",
)
_ROLES = ("Udvikler", "Teamleder", "Designer", "Produktejer", "Konsulent", "Data scientist")
_LOCATIONS = ("København", "Aarhus", "Odense", "Aalborg", "Tórshavn", "Nuuk", "Bangalore")
_HOLIDAY_NAMES = (
    "Nytårsdag",
    "Skærtorsdag",
    "Langfredag",
    "2. påskedag",
    "Kristi himmelfartsdag",
    "2. pinsedag",
    "Grundlovsdag",
    "Juleaftensdag",
    "1. juledag",
    "Nytårsaften",
    "Company day",
)
_DANISH_LETTERS = string.ascii_letters + "æøåÆØÅéü"


def _has_content(value: str) -> bool:
    return bool(value.strip())


def _texts(curated: Iterable[str], *, max_size: int = 24) -> st.SearchStrategy[str]:
    """Curated text first (it shrinks there), then Danish-looking text, then any Unicode.

    Every value passes :func:`learnkit._validate.text`: visible content and no
    control characters.
    """
    return st.one_of(
        st.sampled_from(tuple(curated)),
        st.text(_DANISH_LETTERS + " -'.&", min_size=1, max_size=max_size).filter(_has_content),
        st.text(
            st.characters(exclude_categories=("Cc", "Cs")), min_size=1, max_size=max_size
        ).filter(_has_content),
    )


_full_names = st.builds("{} {}".format, st.sampled_from(_FIRST_NAMES), st.sampled_from(_LAST_NAMES))
_names = st.one_of(_full_names, _texts(_FIRST_NAMES))
_initials = st.text("abcdefghijklmnopqrstuvwxyzæøå", min_size=2, max_size=4)
# Ids as HR systems have them: numbers, initials, e-mail addresses, names with
# spaces, and now and then any printable text.
_ids = st.one_of(
    st.integers(1, 999).map("p{}".format),
    st.integers(0, 999_999).map(str),
    _initials,
    st.builds("{}@{}".format, _initials, st.sampled_from(("firma.dk", "example.com"))),
    _full_names,
    st.text(st.characters(exclude_categories=["C"]), min_size=1, max_size=16)
    .map(str.strip)
    .filter(bool),
)
_team_ids = st.one_of(st.sampled_from(_TEAM_IDS), _ids)
_team_names = _texts(_TEAM_NAMES)
_skill_names = _texts(_SKILL_NAMES)
_holiday_names = _texts(_HOLIDAY_NAMES)
_roles = st.none() | st.sampled_from(_ROLES)
_locations = st.none() | st.sampled_from(_LOCATIONS)
_languages = st.frozensets(st.sampled_from(LANGUAGE_CODES), max_size=4)
_default_dates = st.dates(min_value=DEFAULT_MIN_DATE, max_value=DEFAULT_MAX_DATE)


def _require_span(min_date: dt.date, max_date: dt.date) -> None:
    _validate.require_date(min_date, "min_date")
    _validate.require_date(max_date, "max_date")
    if max_date < min_date:
        raise InvalidDataError.single("max_date", max_date, "must not be before min_date")


def _require_sizes(min_size: int, max_size: int) -> None:
    _validate.require_count(min_size, "min_size")
    _validate.require_count(max_size, "max_size")
    if max_size < min_size:
        raise InvalidDataError.single("max_size", max_size, "must not be less than min_size")


def _dates(min_date: dt.date, max_date: dt.date) -> st.SearchStrategy[dt.date]:
    return st.dates(min_value=min_date, max_value=max_date)


def zones(*, keys: Iterable[str] = ZONE_KEYS) -> st.SearchStrategy[ZoneInfo]:
    """IANA zones as :class:`~zoneinfo.ZoneInfo`, picked from ``keys``.

    Args:
        keys: The zone names to pick from, the first one being where shrinking
            ends; by default ``ZONE_KEYS``.

    Raises:
        InvalidDataError: ``keys`` is empty or names a zone that does not exist.
    """
    chosen = tuple(zone(key, field="keys") for key in keys)
    if not chosen:
        raise InvalidDataError.single("keys", keys, "must name at least one zone")
    return st.sampled_from(chosen)


# Deferred: the zones are looked up on first use, not while Hypothesis imports this module.
_default_zones = st.deferred(zones)


def aware_datetimes(
    *,
    zones: st.SearchStrategy[ZoneInfo] | None = None,
    min_date: dt.date = DEFAULT_MIN_DATE,
    max_date: dt.date = DEFAULT_MAX_DATE,
) -> st.SearchStrategy[dt.datetime]:
    """Timezone-aware datetimes whose ``tzinfo`` is an IANA :class:`~zoneinfo.ZoneInfo`.

    Every value is a wall time that exists in its zone (none from the gap when
    clocks spring forward); ambiguous wall times at a fall-back come with
    either ``fold``. The local date lies in ``min_date..max_date``.

    Args:
        zones: Where the zones come from; :func:`zones` by default.
        min_date: The earliest local date.
        max_date: The latest local date.

    Raises:
        InvalidDataError: ``max_date`` is before ``min_date``.
    """
    _require_span(min_date, max_date)
    return st.datetimes(
        min_value=dt.datetime.combine(min_date, dt.time.min),
        max_value=dt.datetime.combine(max_date, dt.time.max),
        timezones=_default_zones if zones is None else zones,
        allow_imaginary=False,
    )


def skills(*, names: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Skill]:
    """Skills with a level from 1 to 5 and a name (``"python"``, ``"facilitering"``, any text).

    Args:
        names: Where skill names come from; a mix of common skills and
            arbitrary text by default.
    """
    return st.builds(
        Skill,
        name=_skill_names if names is None else names,
        level=st.integers(1, 5),
    )


def _skill_name(skill: Skill) -> str:
    return skill.name


_skill_lists = st.lists(skills(), max_size=5, unique_by=_skill_name)


def _holiday_date(holiday: Holiday) -> dt.date:
    return holiday.date


def people(
    *,
    ids: st.SearchStrategy[str] | None = None,
    team_ids: st.SearchStrategy[str] | None = None,
    manager_ids: st.SearchStrategy[str | None] | None = None,
    start_dates: st.SearchStrategy[dt.date] | None = None,
) -> st.SearchStrategy[Person]:
    """People with every field filled in plausibly, one at a time.

    A single person names a team and maybe a manager that only a roster could
    check; use :func:`rosters` for people whose teams and managers exist.

    Guarantees: skills are unique by name, languages are codes from
    ``LANGUAGE_CODES`` (possibly none), the zone comes from :func:`zones`,
    and the manager is never the person themselves.

    Args:
        ids: Where ids come from; numbers, initials, e-mail addresses, names
            with spaces and any printable text by default.
        team_ids: Where team ids come from; any id by default.
        manager_ids: Where managers come from (``None`` for no manager); no
            manager or any id by default. A drawn manager equal to the person's
            own id is skipped.
        start_dates: Where start dates come from; between
            ``DEFAULT_MIN_DATE`` and ``DEFAULT_MAX_DATE`` by default.
    """
    return _people(
        ids=_ids if ids is None else ids,
        team_ids=_team_ids if team_ids is None else team_ids,
        manager_ids=st.none() | _ids if manager_ids is None else manager_ids,
        start_dates=_default_dates if start_dates is None else start_dates,
    )


@st.composite
def _people(
    draw: st.DrawFn,
    *,
    ids: st.SearchStrategy[str],
    team_ids: st.SearchStrategy[str],
    manager_ids: st.SearchStrategy[str | None] | None,
    start_dates: st.SearchStrategy[dt.date],
) -> Person:
    person_id = draw(ids)
    manager = None
    if manager_ids is not None:
        manager = draw(manager_ids.filter(lambda manager: manager != person_id))
    return Person(
        id=person_id,
        name=draw(_names),
        team=draw(team_ids),
        manager=manager,
        start_date=draw(start_dates),
        role=draw(_roles),
        skills=draw(_skill_lists),
        languages=draw(_languages),
        time_zone=draw(_default_zones),
        location=draw(_locations),
    )


def teams(
    *,
    ids: st.SearchStrategy[str] | None = None,
    manager_ids: st.SearchStrategy[str | None] | None = None,
) -> st.SearchStrategy[Team]:
    """Teams with a name (``"Kundeservice"``, ``"Data & AI"``, any text) and maybe a manager.

    Args:
        ids: Where team ids come from; team-like ids or any id by default.
        manager_ids: Where managers come from (``None`` for no manager); no
            manager or any id by default.
    """
    return st.builds(
        Team,
        id=_team_ids if ids is None else ids,
        name=_team_names,
        manager=st.none() | _ids if manager_ids is None else manager_ids,
    )


def rosters(
    *,
    min_size: int = 1,
    max_size: int = 20,
    max_teams: int = 5,
    start_dates: st.SearchStrategy[dt.date] | None = None,
) -> st.SearchStrategy[Roster]:
    """Valid rosters: from ``min_size`` to ``max_size`` people in 1 to ``max_teams`` teams.

    Guarantees, beyond what :class:`~learnkit.Roster` itself checks (unique
    ids, known teams and managers, no management cycle): management lines of
    every depth from none (everyone at the top) to one long chain, several
    people at the top, teams without members and teams led by someone outside
    them, and everything :func:`people` generates (Danish letters, odd ids,
    many zones and languages).

    Managers are chosen among the people generated before, so the lines form a
    forest by construction. Shrinking ends at a few people without managers in
    one team.

    Args:
        min_size: The fewest people.
        max_size: The most people.
        max_teams: The most teams; there is always at least one.
        start_dates: Where start dates come from; between
            ``DEFAULT_MIN_DATE`` and ``DEFAULT_MAX_DATE`` by default.

    Raises:
        InvalidDataError: a size is negative, ``max_size < min_size``, or
            ``max_teams < 1``.
    """
    _require_sizes(min_size, max_size)
    _validate.require_count(max_teams, "max_teams")
    if max_teams < 1:
        raise InvalidDataError.single("max_teams", max_teams, "must be at least 1")
    # Team and manager are picked by position once the teams and the earlier
    # people are known; keeping each choice inside its person's entry lets the
    # shrinker delete a person without reshuffling everyone else's choices.
    entry = st.tuples(
        _people(
            ids=_ids,
            team_ids=st.just(_UNKNOWN_TEAM),
            manager_ids=None,
            start_dates=_default_dates if start_dates is None else start_dates,
        ),
        st.integers(0, max_teams - 1),
        st.none() | st.integers(0, max(max_size - 1, 0)),
    )
    return _rosters(
        entry=entry,
        sizes=st.integers(min_size, max_size),
        team_lists=st.lists(_team_entries, min_size=1, max_size=max_teams, unique_by=_entry_id),
    )


_UNKNOWN_TEAM = "?"
_team_entries = st.tuples(teams(manager_ids=st.none()), st.none() | st.integers(0, 1_000))


def _entry_id(entry: tuple[Person | Team, object, *tuple[object, ...]]) -> str:
    return entry[0].id


@st.composite
def _rosters(
    draw: st.DrawFn,
    *,
    entry: st.SearchStrategy[tuple[Person, int, int | None]],
    sizes: st.SearchStrategy[int],
    team_lists: st.SearchStrategy[list[tuple[Team, int | None]]],
) -> Roster:
    team_entries = draw(team_lists)
    # Drawing the headcount first spreads it over the whole range (a plain
    # st.lists stays small) and still shrinks to min_size.
    size = draw(sizes)
    entries = draw(st.lists(entry, min_size=size, max_size=size, unique_by=_entry_id))
    team_ids = [team.id for team, _ in team_entries]
    staff: list[Person] = []
    for index, (person, team_choice, back) in enumerate(entries):
        # The manager is ``back`` places before this person (0: the one just before),
        # always someone generated earlier, so no management line can loop.
        manager = None
        if back is not None and index > 0:
            manager = staff[index - 1 - back % index].id
        team = team_ids[team_choice % len(team_ids)]
        staff.append(attrs.evolve(person, team=team, manager=manager))
    leaders = [person.id for person in staff]
    led = [
        team
        if leader is None or not leaders
        else attrs.evolve(team, manager=leaders[leader % len(leaders)])
        for team, leader in team_entries
    ]
    return Roster(people=staff, teams=led)


def holidays(
    *, min_date: dt.date = DEFAULT_MIN_DATE, max_date: dt.date = DEFAULT_MAX_DATE
) -> st.SearchStrategy[Holiday]:
    """Holidays between ``min_date`` and ``max_date``, named like Danish ones (or any text).

    A holiday may fall on a weekend day, as Pinsedag always does.

    Raises:
        InvalidDataError: ``max_date`` is before ``min_date``.
    """
    _require_span(min_date, max_date)
    return st.builds(Holiday, date=_dates(min_date, max_date), name=_holiday_names)


def calendars(
    *,
    max_holidays: int = 10,
    min_date: dt.date = DEFAULT_MIN_DATE,
    max_date: dt.date = DEFAULT_MAX_DATE,
) -> st.SearchStrategy[Calendar]:
    """Valid working-day calendars, bounded or not.

    Guarantees: at least one weekday is a working day (the weekend is
    Saturday and Sunday or any set of up to six days), holidays have distinct
    dates within ``min_date..max_date``, and a bounded calendar
    (``first_day``/``last_day`` set) has every holiday inside its span.
    Shrinking ends at an unbounded Saturday-Sunday calendar without holidays.

    Args:
        max_holidays: The most holidays.
        min_date: The earliest holiday and ``first_day``.
        max_date: The latest holiday and ``last_day``.

    Raises:
        InvalidDataError: ``max_holidays`` is negative or ``max_date`` is before ``min_date``.
    """
    _validate.require_count(max_holidays, "max_holidays")
    _require_span(min_date, max_date)
    return _calendars(max_holidays=max_holidays, min_date=min_date, max_date=max_date)


_weekends = st.just(frozenset({5, 6})) | st.frozensets(st.integers(0, 6), max_size=6)


@st.composite
def _calendars(
    draw: st.DrawFn, *, max_holidays: int, min_date: dt.date, max_date: dt.date
) -> Calendar:
    weekend = draw(_weekends)
    first_day: dt.date | None = None
    last_day: dt.date | None = None
    if draw(st.booleans()):
        first_day = draw(_dates(min_date, max_date))
        length = draw(st.integers(0, (max_date - first_day).days))
        last_day = first_day + dt.timedelta(days=length)
    days_off = draw(
        st.lists(
            holidays(min_date=first_day or min_date, max_date=last_day or max_date),
            max_size=max_holidays,
            unique_by=_holiday_date,
        )
    )
    return Calendar(weekend=weekend, holidays=days_off, first_day=first_day, last_day=last_day)


def _tenure(start: dt.date, days: int) -> Tenure:
    return Tenure.between(start, start + dt.timedelta(days=days))


def tenures(*, max_days: int = 40 * 366) -> st.SearchStrategy[Tenure]:
    """Tenures as :meth:`Tenure.between <learnkit.Tenure.between>` computes them.

    Each is the tenure from a start date between ``DEFAULT_MIN_DATE`` and
    ``DEFAULT_MAX_DATE`` to a day at most ``max_days`` later, so its parts
    agree with each other (months below 12, days below 31). Shrinks to zero.

    Raises:
        InvalidDataError: ``max_days`` is negative.
    """
    _validate.require_count(max_days, "max_days")
    return st.builds(_tenure, _default_dates, st.integers(0, max_days))


def periods(
    *,
    min_date: dt.date = DEFAULT_MIN_DATE,
    max_date: dt.date = DEFAULT_MAX_DATE,
    max_days: int = 2 * 366,
) -> st.SearchStrategy[Period]:
    """Periods within ``[min_date, max_date]`` of at most ``max_days`` days.

    Shrinks towards a one-day period at ``min_date``.

    Raises:
        InvalidDataError: ``min_date`` is after ``max_date`` or ``max_days`` is below 1.
    """
    _require_span(min_date, max_date)
    _validate.require_count(max_days, "max_days")
    if max_days < 1:
        raise InvalidDataError.single("max_days", max_days, "must be at least 1")
    return st.builds(_period, _dates(min_date, max_date), st.integers(0, max_days - 1)).map(
        lambda period: _clamp(period, max_date)
    )


def _period(first: dt.date, extra_days: int) -> Period:
    return Period(first, first + dt.timedelta(days=extra_days))


def _clamp(period: Period, max_date: dt.date) -> Period:
    return period if period.last <= max_date else Period(period.first, max_date)


FACTORIES: tuple[tuple[type, Callable[[], st.SearchStrategy[Any]]], ...] = (
    (Period, periods),
    (Skill, skills),
    (Person, people),
    (Team, teams),
    (Roster, rosters),
    (Holiday, holidays),
    (Calendar, calendars),
    (Tenure, tenures),
)
"""The default strategy of every public foundation type, for ``st.from_type``."""
