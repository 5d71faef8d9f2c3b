"""The demo step on learning goals and the balance of operations and development for one team.

:func:`demo_lines` gives a short section of ``learnkit demo``: a heading, the
team's goal health (active, overdue and stale goals, the goals that need
attention, the development-review follow-ups due), then the team's balance of
development and operations over the last weeks (the share against the band,
the weeks outside it, who has had no development time, who lies below the
band). Every text comes from the ``leadership.*`` catalogue; the output does
not depend on the order of the input.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Final

from learnkit.goals import DevelopmentReview, LearningGoal, TeamGoalHealth, goal_health
from learnkit.i18n import Locale, check_locale, translate
from learnkit.leadership import (
    DEFAULT_BAND,
    BandPosition,
    DevelopmentBand,
    TimeAllocation,
    balance,
    band_text,
    development_share,
    no_development_message,
    percent,
    weeks_before,
)
from learnkit.people import Roster
from learnkit.time import Calendar

__all__ = ["DEMO_GOAL_LINES", "DEMO_STALE_WEEKS", "DEMO_WEEKS", "demo_lines"]

DEMO_WEEKS: Final = 12
"""How many whole weeks before ``as_of`` the balance looks at."""

DEMO_STALE_WEEKS: Final = 6
"""After how many weeks without a progress note a goal in progress is stale."""

DEMO_GOAL_LINES: Final = 4
"""The most goals that need attention the step lists (overdue first)."""

_BELOW_LINES: Final = 3


def demo_lines(
    roster: Roster,
    goals: Iterable[LearningGoal],
    reviews: Iterable[DevelopmentReview],
    allocations: Iterable[TimeAllocation],
    *,
    team: str,
    as_of: dt.date,
    calendar: Calendar,
    locale: Locale,
    band: DevelopmentBand = DEFAULT_BAND,
) -> list[str]:
    """The demo section for ``team`` as of ``as_of``: goal health, then the balance.

    Goal health is :func:`~learnkit.goals.goal_health` with a stale period of
    :data:`DEMO_STALE_WEEKS` weeks; the balance is
    :func:`~learnkit.leadership.balance` over the :data:`DEMO_WEEKS` whole
    weeks before ``as_of``.

    Raises:
        UnknownIdError: ``team`` is not a team in the roster.
        InvalidDataError: the locale is unknown, or the records are invalid
            (see :func:`~learnkit.goals.goal_health` and
            :func:`~learnkit.leadership.balance`).
        OutOfRangeError: ``calendar`` does not cover a review's follow-ups.
    """
    locale = check_locale(locale)
    members = roster.members(team)
    names = {person.id: person.name for person in members}
    goal_list = [goal for goal in goals if goal.owner in names]
    health = goal_health(
        goal_list,
        [review for review in reviews if review.employee in names],
        as_of=as_of,
        calendar=calendar,
        stale_weeks=DEMO_STALE_WEEKS,
        roster=roster,
    ).team(team)
    return [
        translate("leadership.demo.heading", locale, team=roster.team(team).name),
        *_goal_lines(health, {goal.id: goal for goal in goal_list}, names, locale=locale),
        *_balance_lines(
            allocations, roster, names, team=team, as_of=as_of, band=band, locale=locale
        ),
    ]


def _goal_lines(
    health: TeamGoalHealth,
    goals: dict[str, LearningGoal],
    names: dict[str, str],
    *,
    locale: Locale,
) -> list[str]:
    overdue = sorted(
        (goals[goal_id] for goal_id in health.overdue),
        key=lambda goal: (goal.target_date or dt.date.min, goal.id),
    )
    stale = sorted(
        (goals[goal_id] for goal_id in health.stale if goal_id not in health.overdue),
        key=lambda goal: (goal.last_note_on or dt.date.min, goal.id),
    )
    lines = [
        "  "
        + translate(
            "leadership.demo.goals",
            locale,
            active=len(health.active),
            overdue=len(health.overdue),
            stale=len(health.stale),
            weeks=DEMO_STALE_WEEKS,
        )
    ]
    for goal in [*overdue, *stale][:DEMO_GOAL_LINES]:
        if goal.id in health.overdue:
            marker = "!"
            state = translate("leadership.demo.overdue", locale, date=_date(goal.target_date))
        else:
            marker = "·"
            state = (
                translate("leadership.demo.stale", locale, date=_date(goal.last_note_on))
                if goal.last_note_on is not None
                else translate("leadership.demo.never_noted", locale)
            )
        lines.append(
            "    "
            + translate(
                "leadership.demo.goal_line",
                locale,
                marker=marker,
                owner=names[goal.owner],
                title=goal.title,
                state=state,
            )
        )
    due = sorted({names[item.employee] for item in health.follow_ups_due})
    if due:
        lines.append("  " + translate("leadership.demo.follow_ups", locale, people=", ".join(due)))
    else:
        lines.append("  " + translate("leadership.demo.no_follow_ups", locale))
    return lines


def _date(day: dt.date | None) -> str:
    return "" if day is None else day.isoformat()


def _balance_lines(
    allocations: Iterable[TimeAllocation],
    roster: Roster,
    names: dict[str, str],
    *,
    team: str,
    as_of: dt.date,
    band: DevelopmentBand,
    locale: Locale,
) -> list[str]:
    report = balance(
        allocations, roster, team=team, period=weeks_before(as_of, DEMO_WEEKS), band=band
    )
    development = sum(total.development_hours for total in report.totals)
    operations = sum(total.operations_hours for total in report.totals)
    share = development_share(development, operations)
    if share is None:
        return ["  " + translate("leadership.demo.balance_none", locale, weeks=DEMO_WEEKS)]
    positions = [week.position for week in report.weeks]
    lines = [
        "  "
        + translate(
            "leadership.demo.balance",
            locale,
            weeks=DEMO_WEEKS,
            share=percent(share, locale),
            band=band_text(band, locale),
        ),
        "  "
        + translate(
            "leadership.demo.outside",
            locale,
            below=positions.count(BandPosition.BELOW),
            above=positions.count(BandPosition.ABOVE),
        ),
    ]
    for person in report.no_development:
        lines.append(
            "    ! " + no_development_message(names[person], report.no_development_weeks, locale)
        )
    below = sorted(
        (
            total
            for total in report.totals
            if total.share is not None
            and band.position(total.share) is BandPosition.BELOW
            and total.person not in report.no_development
        ),
        key=lambda total: (total.share, total.person),
    )
    for total in below[:_BELOW_LINES]:
        lines.append(
            "    · "
            + translate(
                "leadership.demo.person_line",
                locale,
                name=names[total.person],
                share=percent(total.share or 0.0, locale),
                below=total.weeks_below,
            )
        )
    return lines
