"""The example organisation's completed tasks and reflections (for the demo, docs and tests).

:func:`build_reflection` makes about forty tasks, projects, meetings and
incidents finished in the three weeks before ``as_of``, and about sixty
reflections on them: most participants reflected within a day or two, the
most recent work is still waiting for some, and a few older reflections were
never written, so some are due and a few are overdue in the week of ``as_of``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from typing import Final

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError
from learnkit.mentoring import Mentorship, MentorshipStatus
from learnkit.people import Person, Roster
from learnkit.reflection import CompletedTask, Reflection, SubjectKind, TaskRef, Visibility

__all__ = ["ReflectionExamples", "build_reflection"]

TASK_COUNT: Final = 40
"""How many completed tasks the example has, whatever the seed."""

_DAYS_BACK: Final = 21
# The chance a reflection was written, by working days since the work was finished.
_WRITTEN: Final = (0.35, 0.45, 0.85, 0.9, 0.95, 0.97)
_TITLES: Final[dict[SubjectKind, tuple[str, ...]]] = {
    SubjectKind.TASK: (
        "Opdater onboarding-tjeklisten",
        "Ryd op i gamle feature flags",
        "Ny skabelon til kundesvar",
        "Automatisér den ugentlige rapport",
        "Flyt dashboards til nyt BI-værktøj",
        "Opgrader Python til 3.13",
        "Gennemgå adgangsrettigheder",
        "Skriv FAQ om fakturering",
        "Ret fejl i CSV-eksporten",
        "Forbered kampagne til julesalget",
    ),
    SubjectKind.PROJECT: (
        "Ny kundeportal, fase 1",
        "Datavarehus i skyen",
        "Fælles designsystem",
        "Selvbetjening af returvarer",
    ),
    SubjectKind.MEETING: (
        "Sprintdemo",
        "Kvartalsplanlægning",
        "Fredagsfortælling om test",
        "Kundeworkshop hos Nordlys Energi",
    ),
    SubjectKind.INCIDENT: (
        "Nedbrud i betalingsflowet",
        "Forsinkede ordrebekræftelser",
        "Login fejlede for mobilbrugere",
    ),
}
_KINDS: Final = (
    (SubjectKind.TASK,) * 6 + (SubjectKind.PROJECT, SubjectKind.MEETING, SubjectKind.MEETING)
) + (SubjectKind.INCIDENT,)
_WENT_WELL: Final = (
    "Vi fik hurtigt hjælp fra et andet team.",
    "Små skridt gjorde det nemt at teste undervejs.",
    "Kunden var med hele vejen og gav feedback tidligt.",
    "Vi holdt os til planen og dokumenterede løbende.",
    "Parprogrammering fik os forbi den svære del.",
)
_TO_IMPROVE: Final = (
    "Vi skulle have afklaret ansvaret fra start.",
    "Kravene ændrede sig sent; næste gang laver vi en kort afstemning først.",
    "Testdata var svære at få fat i.",
    "Vi ventede for længe med at spørge om hjælp.",
)
_LEARNED: Final = (
    "At spørge tidligt sparer tid for alle.",
    "En fælles tjekliste fjerner mange misforståelser.",
    "Overvågning skal på før lanceringen, ikke efter.",
    "Kunderne læser faktisk vores hjælpetekster.",
    "Det betaler sig at skrive beslutninger ned.",
)
_NEXT_STEPS: Final = (
    "Jeg deler tjeklisten på næste fredagsfortælling.",
    "Vi tager emnet op på retrospektivet.",
    "Jeg booker en halv time med data-teamet.",
    "Vi prøver parprogrammering i næste sprint.",
)
_TAGS: Final[dict[str, tuple[str, ...]]] = {
    "stab": ("ledelse", "kommunikation", "planlægning"),
    "platform": ("drift", "test", "automatisering", "overvågning"),
    "data": ("data", "dashboards", "kvalitet"),
    "produkt": ("design", "brugerindsigt", "kommunikation"),
    "kundeservice": ("kundeservice", "skabeloner", "kommunikation"),
    "salg": ("kampagner", "kundeindsigt", "planlægning"),
}


@attrs.frozen(kw_only=True)
class ReflectionExamples:
    """The example organisation's completed tasks and the reflections already written.

    Attributes:
        tasks: Completed tasks, sorted by kind and id.
        reflections: Reflections on them, sorted by id.
    """

    tasks: tuple[CompletedTask, ...] = attrs.field(
        validator=_validate.each(_validate.instance_of(CompletedTask))
    )
    reflections: tuple[Reflection, ...] = attrs.field(
        validator=_validate.each(_validate.instance_of(Reflection))
    )


def build_reflection(
    roster: Roster,
    as_of: dt.date,
    seed: int,
    mentorships: Iterable[Mentorship] = (),
) -> ReflectionExamples:
    """The example organisation's tasks and reflections as seen on ``as_of``.

    Guarantees, for every seed: :data:`TASK_COUNT` tasks finished on weekdays
    within the three weeks before ``as_of`` (never on it), by one to four
    people of one team each, sometimes with a colleague from another team;
    every reflection is about one of them, by one of its participants, recorded
    after it was finished and before ``as_of``; reflections shared with a
    mentor are only written by someone with an active mentorship in
    ``mentorships`` (otherwise they go to the team). Equal arguments give
    equal results.

    Raises:
        InvalidDataError: ``seed`` is not an ``int``, ``as_of`` is not a date,
            or the roster has no team with members.
    """
    given: object = seed
    if isinstance(given, bool) or not isinstance(given, int):
        raise InvalidDataError.single("seed", seed, "must be a whole number")
    _validate.require_date(as_of, "as_of")
    rng = random.Random(f"{seed}:reflection")
    teams = [team.id for team in roster.teams if roster.members(team.id)]
    if not teams:
        raise InvalidDataError.single("roster", roster, "must have a team with members")
    mentored = {
        m.mentee for m in mentorships if m.status is MentorshipStatus.ACTIVE and m.mentee in roster
    }
    days = [
        as_of - dt.timedelta(days=back)
        for back in range(_DAYS_BACK, 0, -1)
        if (as_of - dt.timedelta(days=back)).weekday() < 5
    ]
    tasks: list[CompletedTask] = []
    notes: list[Reflection] = []
    for number in range(TASK_COUNT):
        team = teams[number % len(teams)]
        day = days[(number * len(days)) // TASK_COUNT]
        task = _task(rng, roster, team, day, number)
        tasks.append(task)
        age = len([d for d in days if d > day])  # working days since it was finished
        for person_id in task.participants:
            if rng.random() < _WRITTEN[min(age, len(_WRITTEN) - 1)]:
                notes.append(
                    _note(
                        rng,
                        roster.person(person_id),
                        task=task,
                        as_of=as_of,
                        mentored=mentored,
                        number=len(notes),
                    )
                )
    return ReflectionExamples(
        tasks=tuple(sorted(tasks, key=lambda t: t.task.key)),
        reflections=tuple(sorted(notes, key=lambda r: r.id)),
    )


def _task(
    rng: random.Random, roster: Roster, team: str, day: dt.date, number: int
) -> CompletedTask:
    kind = rng.choice(_KINDS)
    members = [person.id for person in roster.members(team)]
    crew = rng.sample(members, min(len(members), rng.choice((1, 1, 2, 2, 3))))
    if rng.random() < 0.2:
        crew.append(rng.choice([person.id for person in roster]))
    lead = roster.person(crew[0])
    minute = rng.choice(range(9 * 60, 17 * 60 + 30, 5))
    completed = dt.datetime.combine(day, dt.time(minute // 60, minute % 60), tzinfo=lead.time_zone)
    prefix = {
        SubjectKind.TASK: "FJ",
        SubjectKind.PROJECT: "PRJ",
        SubjectKind.MEETING: "MØDE",
        SubjectKind.INCIDENT: "INC",
    }[kind]
    ref = TaskRef(
        kind=kind,
        id=f"{prefix}-{1200 + number}",
        title=rng.choice(_TITLES[kind]),
        completed_at=completed,
    )
    return CompletedTask(task=ref, participants=set(crew))


def _note(
    rng: random.Random,
    author: Person,
    *,
    task: CompletedTask,
    as_of: dt.date,
    mentored: set[str],
    number: int,
) -> Reflection:
    local = task.completed_at.astimezone(author.time_zone)
    latest = dt.datetime.combine(as_of, dt.time(0), tzinfo=author.time_zone)
    later = local + dt.timedelta(minutes=rng.choice((10, 25, 60, 180, 1200, 1500)))
    # Through UTC, so a wall time in a DST gap becomes one that exists.
    recorded = min(later, latest - dt.timedelta(minutes=1)).astimezone(dt.UTC)
    recorded = recorded.astimezone(author.time_zone)
    answers = [
        rng.choice(_WENT_WELL),
        rng.choice(_TO_IMPROVE),
        rng.choice(_LEARNED),
        rng.choice(_NEXT_STEPS),
    ]
    for index in rng.sample(range(4), rng.choice((0, 1, 1, 2))):
        answers[index] = ""
    visibility = rng.choice(
        (Visibility.PRIVATE, Visibility.MENTOR)
        + (Visibility.TEAM,) * 3
        + (Visibility.ORGANISATION,) * 2
    )
    if visibility is Visibility.MENTOR and author.id not in mentored:
        visibility = Visibility.TEAM
    return Reflection(
        id=f"refl-{number + 1:03d}",
        author=author.id,
        about=task.task,
        recorded_at=recorded,
        went_well=answers[0],
        to_improve=answers[1],
        learned=answers[2] or rng.choice(_LEARNED),
        next_steps=answers[3],
        tags=rng.sample(_TAGS.get(author.team, ("læring",)), rng.choice((0, 1, 2))),
        minutes=rng.choice((3, 4, 5, 5, 5, 6, 8, 10, 12, 25, None)),
        visibility=visibility,
    )
