"""The demo's reflection step: the reflections still to write this week, and who may read what."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Final

from learnkit.i18n import Locale, translate
from learnkit.mentoring import Mentorship, MentorshipStatus
from learnkit.people import Roster
from learnkit.reflection import (
    CompletedTask,
    Reflection,
    Visibility,
    reflections_due,
    visible_to,
)
from learnkit.time import DEFAULT_ZONE, Calendar, zone

__all__ = ["demo_lines"]

MAX_ITEMS: Final = 8
"""The most reflections listed one by one; the rest are counted."""


def demo_lines(
    roster: Roster,
    tasks: Iterable[CompletedTask],
    reflections: Iterable[Reflection],
    mentorships: Iterable[Mentorship] = (),
    *,
    as_of: dt.date,
    locale: Locale,
    now: dt.datetime | None = None,
    calendar: Calendar | None = None,
) -> list[str]:
    """A heading and a few lines: the reflections due by the end of ``as_of``'s week.

    Lists the reflections still owed (:func:`~learnkit.reflection.reflections_due`
    as of ``now``, by default 09:00 in Copenhagen on ``as_of``) whose window
    ends this week (Monday to Sunday) or has already ended, soonest first, at
    most :data:`MAX_ITEMS` of them, each as
    :meth:`~learnkit.reflection.DueReflection.message` says it; then how all
    the reflections are shared (an administrator's count by visibility level,
    not any reader's view: numbers only, no text or author), and how many of
    them one reader may see (the mentor of the first active mentorship, else
    the manager of the first team with one), naming mentees' reflections only
    when that reader mentors someone. The same whatever order the inputs come in.

    Raises:
        InvalidDataError: as :func:`~learnkit.reflection.reflections_due`.
    """
    tasks = tuple(tasks)
    reflections = tuple(reflections)
    mentorships = tuple(mentorships)
    if now is None:
        now = dt.datetime.combine(as_of, dt.time(9), tzinfo=zone(DEFAULT_ZONE))
    owed = reflections_due(
        tasks, reflections, roster=roster, now=now, calendar=calendar or Calendar()
    )
    week_end = as_of + dt.timedelta(days=6 - as_of.weekday())
    this_week = [item for item in owed if item.due_on <= week_end]
    lines = [translate("reflection.demo.heading", locale, week=as_of.isocalendar().week)]
    if not this_week:
        lines.append("  " + translate("reflection.demo.none", locale))
    else:
        overdue = sum(item.overdue for item in this_week)
        lines.append("  " + _plural("reflection.demo.summary", locale, len(this_week), overdue))
        lines.extend("  • " + item.message(locale, roster) for item in this_week[:MAX_ITEMS])
        if len(this_week) > MAX_ITEMS:
            lines.append("  " + _plural("reflection.demo.more", locale, len(this_week) - MAX_ITEMS))
    counts = dict.fromkeys(Visibility, 0)
    for reflection in reflections:
        counts[reflection.visibility] += 1
    lines.append(
        "  "
        + translate(
            "reflection.demo.sharing",
            locale,
            total=len(reflections),
            **{visibility.value: count for visibility, count in counts.items()},
        )
    )
    reader = _reader(roster, mentorships)
    if reader is not None:
        visible = visible_to(reader, reflections, roster, mentorships)
        mentors = any(
            m.mentor == reader and m.status is MentorshipStatus.ACTIVE and m.mentee in roster
            for m in mentorships
        )
        lines.append(
            "  "
            + translate(
                "reflection.demo.viewer_mentor" if mentors else "reflection.demo.viewer",
                locale,
                name=roster.person(reader).name,
                visible=len(visible),
            )
        )
    return lines


def _plural(key: str, locale: Locale, count: int, overdue: int = 0) -> str:
    form = "one" if count == 1 else "other"
    return translate(f"{key}.{form}", locale, count=count, overdue=overdue)


def _reader(roster: Roster, mentorships: tuple[Mentorship, ...]) -> str | None:
    mentors = sorted(
        m.mentor for m in mentorships if m.status is MentorshipStatus.ACTIVE and m.mentor in roster
    )
    if mentors:
        return mentors[0]
    managers = [team.manager for team in roster.teams if team.manager is not None]
    return managers[0] if managers else None
