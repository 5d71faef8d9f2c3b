"""The demo's story of the example organisation over one quarter: its thread and last chapters.

``learnkit demo`` tells what happened at *Fjordlys A/S* in the 91 days ending
on ``as_of`` (:func:`story_period`), in this order: the newcomers and their
mentors, the Friday stories, the reflections due and a meeting opener, goal
health and the operations/development balance, an incident review checked for
blaming language, the psychological safety pulse with anonymity at work, and
the learning-culture report. The earlier chapters are the demo steps the parts
of learnkit already have (:mod:`learnkit.cli`); this module adds

* :func:`chapter_lines`: the short connecting sentences in front of each
  chapter, with the facts they mention (how many started in the quarter, the
  anonymity threshold, the period);
* :func:`mentorship_lines`: where each of the quarter's newcomers stands with
  a mentor today, so the proposals and the report's "mentor in time" agree;
* :func:`next_story_lines`: the published plan's next Friday story, whose
  presenter a bot reminds;
* :func:`safety_lines`: the pulse the culture report shows, rendered by
  :func:`learnkit.safety.pulse_lines` and :func:`learnkit.safety.trend_lines`;
* :func:`culture_lines`: the learning-culture report of the quarter, as
  :func:`learnkit.culture.render_text` writes it.

Every text comes from the ``story.*`` catalogue (and the parts' own); nothing
here reads a file or the clock, and the output does not depend on the order of
the records.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from collections.abc import Callable
from typing import Final

from learnkit.culture import DEFAULT_NEWCOMER_DAYS, culture_report, render_text
from learnkit.examples import ExampleOrganisation
from learnkit.i18n import Locale, check_locale, translate
from learnkit.mentoring import Mentorship, MentorshipStatus
from learnkit.people import Person
from learnkit.safety import (
    DEFAULT_MIN_RESPONDENTS,
    EVERYONE,
    PulseResults,
    SafetySurvey,
    Withheld,
    counted_responses,
    latest_pulse,
    pulse_lines,
    pulse_results,
    safety_trend,
    trend_lines,
)
from learnkit.time import Period

__all__ = [
    "CHAPTERS",
    "SHOWN_WITHHELD",
    "STORY_DAYS",
    "WIDTH",
    "chapter",
    "chapter_lines",
    "culture_lines",
    "mentorship_lines",
    "next_story_lines",
    "quarter_starters",
    "safety_lines",
    "safety_release",
    "story_period",
]

STORY_DAYS: Final = 91
"""How many days the story covers: 13 weeks, ending on ``as_of``."""

CHAPTERS: Final = (
    "intro",
    "newcomers",
    "sharing",
    "reflection",
    "goals",
    "incidents",
    "safety",
    "culture",
    "closing",
)
"""The story's connecting paragraphs, in the order they are told."""

WIDTH: Final = 88
"""The width the connecting paragraphs are wrapped to."""

_QUOTED: Final = re.compile(r"'[^']*'")
_NO_BREAK: Final = "\u00a0"
_INDENT: Final = "  "

SHOWN_WITHHELD: Final = 5
"""How many withheld safety results the story shows; the rest are counted."""


def story_period(as_of: dt.date) -> Period:
    """The 91 days (13 weeks) ending on ``as_of``, which the story is about."""
    return Period(as_of - dt.timedelta(days=STORY_DAYS - 1), as_of)


def _plural(key: str, count: int) -> str:
    return f"{key}.{'one' if count == 1 else 'other'}"


def chapter_lines(chapter: str, locale: Locale, **facts: object) -> list[str]:
    """The connecting paragraph of ``chapter`` (one of :data:`CHAPTERS`), wrapped to :data:`WIDTH`.

    Args:
        chapter: Which paragraph.
        locale: Its language.
        **facts: The facts it mentions: ``company``, ``first``, ``last`` and
            ``days`` for ``intro``, ``count`` for ``newcomers``, ``k`` for
            ``safety``; the others take none.

    Raises:
        InvalidDataError: the locale is unknown.
        UnknownIdError: ``chapter`` is not one of :data:`CHAPTERS`.
    """
    check_locale(locale)
    key = f"story.chapter.{chapter}"
    if chapter == "newcomers":
        count = facts.get("count")
        key = _plural(key, 1 if count == 1 else 2)
    # A command in quotes stays on one line: its spaces are not places to break.
    text = _QUOTED.sub(
        lambda m: m.group(0).replace(" ", _NO_BREAK), translate(key, locale, **facts)
    )
    lines = textwrap.wrap(text, WIDTH, break_on_hyphens=False)
    return [line.replace(_NO_BREAK, " ") for line in lines]


def quarter_starters(organisation: ExampleOrganisation) -> list[Person]:
    """The people who started within the story's quarter (by start date, then id)."""
    period = story_period(organisation.as_of)
    started = [person for person in organisation.roster if person.start_date in period]
    return sorted(started, key=lambda person: (person.start_date, person.id))


def _pulse(organisation: ExampleOrganisation) -> SafetySurvey | None:
    return latest_pulse(organisation.safety_surveys, story_period(organisation.as_of))


def chapter(name: str) -> Callable[[ExampleOrganisation, Locale], list[str]]:
    """The demo step that tells the connecting paragraph ``name`` about an organisation.

    Raises:
        UnknownIdError: ``name`` is not one of :data:`CHAPTERS` (when the step runs).
    """

    def step(organisation: ExampleOrganisation, locale: Locale) -> list[str]:
        period = story_period(organisation.as_of)
        pulse = _pulse(organisation)
        return chapter_lines(
            name,
            locale,
            company=organisation.name,
            days=STORY_DAYS,
            first=period.first.isoformat(),
            last=period.last.isoformat(),
            count=len(quarter_starters(organisation)),
            k=DEFAULT_MIN_RESPONDENTS if pulse is None else pulse.min_respondents,
        )

    step.__name__ = f"chapter_{name}"
    return step


def _first_mentor(mentorships: list[Mentorship]) -> Mentorship | None:
    """The mentorship that started first (ties by id), else the latest proposal, else none."""
    started = [m for m in mentorships if m.started_on is not None]
    if started:
        return min(started, key=lambda m: (m.started_on, m.id))
    proposed = [m for m in mentorships if m.status is MentorshipStatus.PROPOSED]
    return max(proposed, key=lambda m: (m.proposed_on, m.id), default=None)


def mentorship_lines(organisation: ExampleOrganisation, locale: Locale) -> list[str]:
    """Where the newcomers stand with a mentor on ``as_of``, grouped as the report counts them.

    A heading naming the report's limit for a mentor in time
    (:data:`learnkit.culture.DEFAULT_NEWCOMER_DAYS` days after the start date);
    then the people the report's "newcomers with a mentor in time" counts (their
    first days ended within the quarter), with how many of them had a mentor in
    time, so the line adds up to the report's share; then the quarter's starters
    whose first days are still running, whom the report does not count yet.
    Each person's line: the mentor they got and how many days after their
    start (in time or late), or the mentor only proposed, or that they still
    wait. Nothing when there is nobody in either group.
    """
    check_locale(locale)
    as_of = organisation.as_of
    period = story_period(as_of)
    window = dt.timedelta(days=DEFAULT_NEWCOMER_DAYS)
    people = sorted(organisation.roster, key=lambda person: (person.start_date, person.id))
    counted = [
        p
        for p in people
        if dt.date.max - p.start_date >= window and p.start_date + window in period
    ]
    pending = [
        p
        for p in people
        if p.start_date in period and p.start_date <= as_of < p.start_date + window
    ]
    if not counted and not pending:
        return []
    heading = translate("story.mentorships.heading", locale, days=DEFAULT_NEWCOMER_DAYS)
    lines = textwrap.wrap(heading, WIDTH, break_on_hyphens=False)
    if counted:
        in_time = sum(_in_time(organisation, person) for person in counted)
        key = _plural("story.mentorships.counted", len(counted))
        text = translate(key, locale, count=len(counted), in_time=in_time)
        lines.extend(textwrap.wrap(text, WIDTH, break_on_hyphens=False))
        lines.extend(_INDENT + _standing(organisation, person, locale) for person in counted)
    if pending:
        text = translate("story.mentorships.pending", locale, days=DEFAULT_NEWCOMER_DAYS)
        lines.extend(textwrap.wrap(text, WIDTH, break_on_hyphens=False))
        lines.extend(_INDENT + _standing(organisation, person, locale) for person in pending)
    return lines


def _in_time(organisation: ExampleOrganisation, person: Person) -> bool:
    # As the report counts: a mentorship that started by the last of the first days.
    deadline = person.start_date + dt.timedelta(days=DEFAULT_NEWCOMER_DAYS)
    return any(
        m.mentee == person.id and m.started_on is not None and m.started_on <= deadline
        for m in organisation.mentorships
    )


def _standing(organisation: ExampleOrganisation, person: Person, locale: Locale) -> str:
    as_of = organisation.as_of
    found = _first_mentor([m for m in organisation.mentorships if m.mentee == person.id])
    mentor = "" if found is None else _person_name(organisation, found.mentor)
    if found is None:
        days = (as_of - person.start_date).days
        key, date = _plural("story.mentorships.waiting", days), ""
    elif found.started_on is None:
        days = (as_of - found.proposed_on).days
        key, date = _plural("story.mentorships.proposed", days), found.proposed_on.isoformat()
    else:
        days = (found.started_on - person.start_date).days
        late = days > DEFAULT_NEWCOMER_DAYS
        key = _plural("story.mentorships." + ("late" if late else "in_time"), days)
        date = found.started_on.isoformat()
    return translate(key, locale, name=person.name, mentor=mentor, date=date, days=days)


def _person_name(organisation: ExampleOrganisation, person_id: str) -> str:
    return (
        organisation.roster.person(person_id).name
        if person_id in organisation.roster
        else person_id
    )


def next_story_lines(organisation: ExampleOrganisation, locale: Locale) -> list[str]:
    """The published plan's next Friday story on or after ``as_of``: when, who and about what.

    It is the session whose presenters a bot reminds two working days before.
    Nothing when no published plan has a session left.
    """
    check_locale(locale)
    upcoming = [
        assignment
        for plan in organisation.plans
        for assignment in plan.assignments
        if assignment.session.held_on >= organisation.as_of and assignment.presenters
    ]
    if not upcoming:
        return []
    nxt = min(upcoming, key=lambda a: (a.session.start.astimezone(dt.UTC), a.session.id))
    names = " + ".join(
        f"{_person_name(organisation, choice.person)} ({_team_name(organisation, choice.team)})"
        for choice in nxt.presenters
    )
    start = nxt.session.start
    clock = f"{start.hour:02d}.{start.minute:02d}" if locale == "da" else f"{start:%H:%M}"
    key = "story.sharing.next" if nxt.topic is not None else "story.sharing.next_free"
    text = translate(
        key,
        locale,
        date=nxt.session.held_on.isoformat(),
        time=clock,
        presenters=names,
        topic="" if nxt.topic is None else nxt.topic.title,
    )
    return textwrap.wrap(text, WIDTH, break_on_hyphens=False)


def _team_name(organisation: ExampleOrganisation, team: str) -> str:
    return next((t.name for t in organisation.roster.teams if t.id == team), team)


def culture_lines(organisation: ExampleOrganisation, locale: Locale) -> list[str]:
    """The learning-culture report of the story's quarter, as the library renders it as text."""
    report = culture_report(
        organisation.workspace,
        as_of=organisation.as_of,
        period=story_period(organisation.as_of),
    )
    return render_text(report, locale).strip("\n").splitlines()


def safety_release(organisation: ExampleOrganisation) -> tuple[SafetySurvey, PulseResults] | None:
    """The pulse the story and the culture report show, and its release with the default groups.

    The pulse is :func:`~learnkit.safety.latest_pulse` of the story's quarter
    and its responses :func:`~learnkit.safety.counted_responses` as of
    ``as_of``: the same choice the culture report makes, so the report's safety
    rows are results of this very release. ``None`` when no pulse closed in
    the quarter.
    """
    pulse = _pulse(organisation)
    if pulse is None:
        return None
    responses = counted_responses(pulse, organisation.safety_responses, as_of=organisation.as_of)
    return pulse, pulse_results(pulse, responses)


def _selection(results: PulseResults) -> PulseResults:
    """Every released result and the first :data:`SHOWN_WITHHELD` withheld ones.

    Whole teams come first among the withheld, then the others in the release's
    priority order. A subset of one release reveals no more than the release.
    """
    ranked = sorted(
        enumerate(results.withheld), key=lambda pair: (pair[1].group.label is not None, pair[0])
    )
    kept: set[Withheld] = {item for _, item in ranked[:SHOWN_WITHHELD]}
    withheld = tuple(item for item in results.withheld if item in kept)
    return PulseResults(
        survey=results.survey, k=results.k, released=results.released, withheld=withheld
    )


def safety_lines(organisation: ExampleOrganisation, locale: Locale) -> list[str]:
    """The quarter's pulse with anonymity at work, and the whole organisation's trend.

    A heading, the pulse's name and dates, then the lines of
    :func:`learnkit.safety.pulse_lines` for every released result and the
    first :data:`SHOWN_WITHHELD` withheld ones (each saying why, in the
    safety part's own words), a count of the withheld results left out, and
    last :func:`learnkit.safety.trend_lines` for everyone over every pulse
    closed by ``as_of``. Without a pulse in the quarter, the heading and a
    line saying so.

    Raises:
        InvalidDataError: the locale is unknown.
    """
    check_locale(locale)
    heading = translate("story.safety.heading", locale)
    release = safety_release(organisation)
    if release is None:
        return [heading, _INDENT + translate("story.safety.no_pulse", locale)]
    pulse, results = release
    roster = organisation.roster
    lines = [
        heading,
        _INDENT
        + translate(
            "story.safety.pulse",
            locale,
            survey=pulse.name or pulse.id,
            first=pulse.period.first.isoformat(),
            last=pulse.period.last.isoformat(),
        ),
    ]
    selection = _selection(results)
    lines.extend(_INDENT + line for line in pulse_lines(selection, roster, locale))
    rest = len(results.withheld) - len(selection.withheld)
    if rest > 0:
        lines.append(_INDENT + translate(_plural("story.safety.more", rest), locale, count=rest))
    closed = [s for s in organisation.safety_surveys if s.period.last <= organisation.as_of]
    counted = [
        response
        for survey in closed
        for response in counted_responses(
            survey, organisation.safety_responses, as_of=organisation.as_of
        )
    ]
    points = safety_trend(closed, counted, EVERYONE)
    trend = trend_lines(points, EVERYONE, roster, locale)
    lines.append(_INDENT + trend[0])
    lines.extend(_INDENT * 2 + line for line in trend[1:])
    return lines
