"""``due``: everything a bot should say as of ``now``, one nudge per recipient and reason."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.i18n import Locale, check_locale
from learnkit.leadership import DEFAULT_NO_DEVELOPMENT_WEEKS
from learnkit.nudges._balance import no_development_time
from learnkit.nudges._group import group
from learnkit.nudges._model import Nudge, Occasion, now_problem
from learnkit.nudges._sessions import meeting_openers, presenter_reminders
from learnkit.nudges._work import action_items_overdue, check_ins, goal_follow_ups, reflections
from learnkit.workspace import Workspace

__all__ = ["due", "occasions"]

_Source = Callable[[Workspace, dt.datetime, Locale], Iterator[Occasion]]


def due(
    workspace: Workspace,
    now: dt.datetime,
    locale: Locale = "da",
    *,
    no_development_weeks: int = DEFAULT_NO_DEVELOPMENT_WEEKS,
) -> tuple[Nudge, ...]:
    """Everything a bot should say as of ``now``, in ``locale``, sorted by (due, recipient, id).

    **One nudge per recipient and reason.** Each reason's rule below finds
    *occasions* (one record, one recipient: a reflection owed on a task, a
    check-in of one mentorship, ...); the occasions of one recipient and
    reason make exactly one nudge. Its text covers every one of them (the
    reason's singular text for one record; for several, the plural text
    naming up to three, in order of due moment, and counting the rest: "Der
    venter 5 refleksioner på dig: A, B, C og 2 mere"), its ``due`` is the
    earliest of their due moments, its ``subjects`` are the sorted ids of the
    records they are about, its ``occasions`` the sorted occasion ids listed
    below, and its id is ``<reason>:<recipient>:<digest>``, where the digest
    is the first 12 hex digits of the SHA-256 of those occasion ids. A nudge
    is there when its ``due`` moment has come (``due <= now`` always holds).
    "Nine o'clock" is :data:`~learnkit.nudges.NUDGE_TIME` on the recipient's
    own clock (their ``Person.time_zone``), and a day is always the
    recipient's local day. People are greeted by their first name (the first
    word of their display name), and a date carries its year when it is not
    the recipient's current year.

    **The bot rule**: send a nudge when one of its ``occasions`` has not been
    sent before; remember the occasions you sent. Settling an occasion (Bo
    writes one of his two reflections) changes the nudge's id and text but
    never brings an occasion id that was not in an earlier nudge of the same
    recipient and reason, so a bot following the rule does not repeat the
    other one; records unrelated to an occasion never change its id.

    * **reflection_due** (to the participant on the roster): from the moment
      the task was completed, for each
      :func:`~learnkit.reflection.reflections_due` item; the late text ("…
      det er aldrig for sent") once its deadline has passed; stops once the
      person's reflection on the task is recorded, or the task was completed
      more than 30 days (:data:`~learnkit.nudges.REFLECTION_MAX_AGE`) before
      ``now``. Participants who left are left out. Occasion
      ``reflection_due:<DueReflection.id>``.
    * **check_in_due** (to the mentor *and* the mentee, either may book it,
      while both are on the roster): at nine on the latest scheduled
      check-in day that :func:`~learnkit.mentoring.check_ins_due` reports for
      an active mentorship (``workspace.check_ins`` as held); stops once a
      held check-in settles it, the mentorship is no longer active, or the
      day is more than 30 days (:data:`~learnkit.nudges.CHECK_IN_MAX_AGE`)
      before the local date.
      Occasion ``check_in_due:<mentorship>:<scheduled day>:<recipient>``.
    * **goal_follow_up_due** (to the employee *and*, while the employee is on
      the roster, the leader): at nine on the follow-up day
      :func:`~learnkit.goals.goal_health` reports for the current development
      review (only its latest unsettled one); stops once a progress note on
      one of its goals is written, its goals close, the next review comes, or
      the day is more than 30 days (:data:`~learnkit.nudges.FOLLOW_UP_MAX_AGE`)
      before the local date. The employee's text leaves out a leader who
      has left. Occasion ``goal_follow_up_due:<review>:<day>:<recipient>``.
    * **action_item_overdue** (to the owner): one reminder *round* for all
      the owner's open overdue items (due at most a year before,
      :data:`~learnkit.nudges.ACTION_ITEM_MAX_AGE`), counted from the earliest
      of them: the first working day after its due date, then every third
      working day; at nine on the latest round day. Each round is a new
      occasion, however many items; an item stops counting once it is done,
      rejected or won't be done, or gets a new due date. Occasion
      ``action_item_overdue:<owner>:<round day>``.
    * **presenter_reminder** (to each presenter): at nine, two working days
      (of the series' calendar) before the session is held, per the latest plan
      that covers it, with the session's date and time on the presenter's
      clock (naming the zone when it is not the series'); stops when the
      session starts or a re-plan takes the person off it. Occasion
      ``presenter_reminder:<session id>:<person>``.
    * **meeting_opener** (to the team, ``to_team=True``): 60 minutes before a
      team meeting starts, with the deck's question for that session (see
      :data:`~learnkit.nudges.OPENER_BLOCK`); stops when the meeting starts.
      Occasion ``meeting_opener:<session id>:<team>``.
    * **no_development_time** (to the person, gently): at nine on the Monday
      after ``no_development_weeks`` whole weeks without development hours
      (the streak counted from the week after the last week with some), while
      :func:`~learnkit.leadership.balance` names the person; the text says
      how many weeks the streak has lasted, and suggests talking to the
      leader only to someone who has one; stops once a week with development
      hours is recorded. Occasion
      ``no_development_time:<person>:<first Monday of the streak>`` (one at
      most per person).

    Occasions are made of the facts that define them (person and team ids
    with ``%`` and ``:`` escaped), never of ``now``, the locale, list
    positions or records that are not about them; so records about other
    people never change an occasion id, and the result is the same whatever
    order the workspace's records are in. Recipients not on the roster
    (people who have left) get nothing. ``now`` must lie from
    :data:`~learnkit.nudges.EARLIEST_NOW` (year 1000) up to
    :data:`~learnkit.nudges.LATEST_NOW` (year 9000), so that every day looked
    at is a date; the work is bounded by the spans looked at (at most a year
    back for action items), not by how long ago anything was.

    Raises:
        InvalidDataError: ``workspace`` is not a Workspace, ``now`` is not an
            aware datetime in the supported range, ``locale`` is not ``"da"`` or ``"en"``, or
            ``no_development_weeks`` is not 1 to 520 (every problem at once);
            or a part's rule refuses the records.
        UnknownIdError: a team meeting names a deck the workspace lacks.
        OutOfRangeError: a calendar does not cover the days looked at.
    """
    problems: list[Problem] = []
    given: object = workspace
    if not isinstance(given, Workspace):
        problems.append(Problem("workspace", workspace, "must be a Workspace"))
    moment = _validate.datetime_problem(now)
    if moment is None:
        moment = now_problem(now)
    if moment is not None:
        problems.append(Problem("now", now, moment))
    try:
        checked = check_locale(locale)
    except InvalidDataError as error:
        problems.extend(error.problems)
    weeks: object = no_development_weeks
    if isinstance(weeks, bool) or not isinstance(weeks, int) or not 1 <= weeks <= 520:
        problems.append(
            Problem("no_development_weeks", no_development_weeks, "must be a whole number 1 to 520")
        )
    if problems:
        raise InvalidDataError(problems)
    found = group(
        occasions(workspace, now, checked, no_development_weeks=no_development_weeks), checked
    )
    return tuple(sorted(found, key=lambda nudge: nudge.sort_key))


def occasions(
    workspace: Workspace, now: dt.datetime, locale: Locale, *, no_development_weeks: int
) -> list[Occasion]:
    """Every occasion of every reason as of ``now`` (arguments already checked), before grouping."""
    sources: tuple[_Source, ...] = (
        reflections,
        check_ins,
        goal_follow_ups,
        action_items_overdue,
        presenter_reminders,
        meeting_openers,
    )
    found = [occasion for source in sources for occasion in source(workspace, now, locale)]
    found.extend(no_development_time(workspace, now, locale, weeks=no_development_weeks))
    return found
