"""The quiet nudge: "you have not had development time in N weeks", once per streak.

Who has had no development time is :func:`~learnkit.leadership.balance`'s
rule (hours allocated in the last N whole weeks, and not one of them for
development); this module only decides when to say so and under which id, so
that a bot says it once per streak of such weeks and not every week.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from learnkit.i18n import Locale
from learnkit.leadership import TimeAllocation, balance, monday_of, weeks_before
from learnkit.nudges._model import (
    NudgeReason,
    Occasion,
    at_nudge_time,
    first_name,
    id_part,
    utc,
    zones_by_day,
)
from learnkit.workspace import Workspace

__all__ = ["no_development_time", "streak_start"]


def streak_start(allocations: list[TimeAllocation], last_week: dt.date) -> dt.date:
    """The Monday a streak without development time started, as of the week ``last_week``.

    The week after the latest week up to ``last_week`` with development
    hours; without any, the person's first allocated week up to
    ``last_week``; without an allocation up to then, the week after
    ``last_week`` (no streak yet). Allocations of later weeks (planned ahead)
    are not looked at.
    """
    known = [item for item in allocations if item.week <= last_week]
    developed = [item.week for item in known if item.development_hours > 0]
    if developed:
        return max(developed) + dt.timedelta(weeks=1)
    return min((item.week for item in known), default=last_week + dt.timedelta(weeks=1))


def no_development_time(
    workspace: Workspace, now: dt.datetime, locale: Locale, *, weeks: int
) -> Iterator[Occasion]:
    """A gentle occasion for each person :func:`~learnkit.leadership.balance` names.

    As of the person's local date, over the ``weeks`` whole ISO weeks before
    the current one (:func:`~learnkit.leadership.weeks_before`: the current
    week is not finished and does not count); ``balance`` is asked once per
    local date of ``now`` on the roster's clocks, one person at a time. The streak starts the week
    after the person's latest week with development hours (or at their first
    allocated week) and the occasion is due at :data:`~learnkit.nudges.NUDGE_TIME`
    on the Monday after its first ``weeks`` weeks, in the person's zone; so a
    streak younger than ``weeks`` weeks (someone who only just started) gives
    nothing yet. The occasion stays while the streak lasts, the same, and is
    gone once a week with development hours is recorded (a later streak is a
    new occasion). The text states the streak's length so far (whole weeks
    from its first Monday to the current week's), and suggests a talk with
    the leader only to someone who has one (a manager, or a team manager
    other than themselves). Occasion
    ``no_development_time:<person>:<first Monday of the streak>``; subject
    the person. A person has at most one.
    """
    people = workspace.roster
    by_person: dict[str, list[TimeAllocation]] = {}
    for item in workspace.allocations:
        if item.person in people:
            by_person.setdefault(item.person, []).append(item)
    teams = {team.id: team.manager for team in people.teams}
    for day, zones in sorted(zones_by_day(people, now).items()):
        where = {person: zone for zone, ids in zones.items() for person in ids}
        period = weeks_before(day, weeks)
        named: list[str] = []
        for person in sorted(by_person.keys() & where.keys()):
            # One person at a time: ``balance`` scans its allocations once per
            # person looked at, so one call for everyone would be quadratic.
            mine = [item for item in by_person[person] if item.week in period]
            # ``balance`` never names someone with development hours in the
            # weeks looked at (its guarantee), so they need not be asked.
            if mine and not any(item.development_hours > 0 for item in mine):
                report = balance(
                    mine, people, period=period, people=(person,), no_development_weeks=weeks
                )
                named.extend(report.no_development)
        for person in named:
            start = streak_start(by_person[person], monday_of(period.last))
            due = at_nudge_time(start + dt.timedelta(weeks=weeks), where[person])
            if utc(due) > utc(now):
                continue
            name = first_name(people, person)
            length = (monday_of(day) - start).days // 7
            someone = people.person(person)
            led = someone.manager is not None or teams.get(someone.team) not in (None, person)
            key = (
                "nudges.no_development_time."
                + ("" if led else "alone.")
                + ("one" if length == 1 else "other")
            )
            yield Occasion(
                reason=NudgeReason.NO_DEVELOPMENT_TIME,
                recipient=person,
                due=due,
                occasion=(
                    f"{NudgeReason.NO_DEVELOPMENT_TIME.value}:{id_part(person)}:{start.isoformat()}"
                ),
                subject=person,
                key=key,
                params={"name": name, "weeks": str(length)},
                plural_key=key,
                greeting=("name", name),
                item=name,
            )
