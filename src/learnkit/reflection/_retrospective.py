"""Team retrospectives: the reflections of a period, their themes, votes and action points.

:func:`start_retrospective` gathers the reflections of a period that every
reader of the retrospective may see, groups them into themes
(:func:`~learnkit.reflection.group_themes`) and carries the open action points
of the previous retrospective forward. :func:`record_votes` counts the votes,
:func:`add_action_point` and :func:`complete_action_point` keep the list of
agreements, and :func:`since_last_time` asks, for each open point, "what have
we learned since last time?".

The readers of a team's retrospective are the team's members and its manager.
A reflection is gathered when all of these hold:

* its author is a reader (it is this team's work);
* the date of ``recorded_at``, on the author's own clock (its zone), is in the
  period;
* every reader may see it (:func:`~learnkit.reflection.can_view`); so a
  private or mentor-only reflection is never gathered, and a team-wide one
  only when the manager may see it too.

Nothing else enters: every count, theme and question is built from the
gathered reflections alone, so none holds a reflection one of its readers
may not see.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Final

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem, TransitionError, UnknownIdError
from learnkit.i18n import Locale, check_locale, translate
from learnkit.mentoring import Mentorship
from learnkit.people import Roster
from learnkit.reflection._model import Reflection
from learnkit.reflection._themes import Theme, _reflections, group_themes
from learnkit.reflection._visibility import audience
from learnkit.time import Period

__all__ = [
    "REFUSAL_REASONS",
    "ActionPoint",
    "Retrospective",
    "ThemeVote",
    "add_action_point",
    "carried_forward",
    "complete_action_point",
    "gather_reflections",
    "record_votes",
    "retrospective_readers",
    "since_last_time",
    "start_retrospective",
]

ALREADY_DONE: Final = "retro.refused.already_done"
DONE_BEFORE_CREATED: Final = "retro.refused.done_before_created"
REFUSAL_REASONS: Final[tuple[str, ...]] = (ALREADY_DONE, DONE_BEFORE_CREATED)
"""Every reason :func:`complete_action_point` may refuse with; each an i18n key of a sentence."""


@attrs.frozen(kw_only=True)
class ActionPoint:
    """Something a team agreed to do, open until it is done.

    Guarantees: ``done_on``, when set, is not before ``created_on``.

    Attributes:
        id: Unique within a retrospective; kept when the point is carried forward.
        text: What was agreed, e.g. ``"Skriv en tjekliste til udrulning"``.
        owner: The person id of who takes it on, or ``None`` for the team; not
            checked against the readers (work may go to someone outside the team).
        created_on: The day it was agreed.
        done_on: The day it was done, or ``None`` while it is open.
    """

    id: str = attrs.field(validator=_validate.identifier)
    text: str = attrs.field(validator=_validate.text)
    owner: str | None = attrs.field(
        default=None, validator=_validate.optional(_validate.identifier)
    )
    created_on: dt.date = attrs.field(validator=_validate.date)
    done_on: dt.date | None = attrs.field(
        default=None, validator=_validate.optional(_validate.date)
    )

    def __attrs_post_init__(self) -> None:
        if self.done_on is not None and self.done_on < self.created_on:
            raise InvalidDataError.single(
                "done_on",
                self.done_on,
                f"must not be before created_on ({self.created_on.isoformat()})",
            )

    @property
    def is_open(self) -> bool:
        """Whether the point is not done yet."""
        return self.done_on is None


@attrs.frozen(order=True)
class ThemeVote:
    """One reader's vote for a theme of a retrospective.

    Attributes:
        voter: The person id of who voted.
        theme: The key of the theme voted for.
    """

    voter: str = attrs.field(validator=_validate.identifier)
    theme: str = attrs.field(validator=_validate.text)


def _sorted(value: object) -> object:
    return _validate.canonical_tuple(value)


def _by_key(value: object) -> object:
    return _validate.canonical_tuple(value, key=lambda theme: theme.key)


def _by_id(value: object) -> object:
    return _validate.canonical_tuple(value, key=lambda point: point.id)


@attrs.frozen(kw_only=True)
class Retrospective:
    """A team's look back at a period: themes, votes and the action points still open.

    Guarantees, checked when it is built (every problem at once):

    * it is held on or after the last day of its period;
    * themes have unique keys, their reflections are gathered ones and no
      reflection is in two themes; ``unthemed`` holds the gathered
      reflections in no theme, so themes and ``unthemed`` split
      ``reflections`` exactly;
    * no theme has more votes than there are readers;
    * action point ids are unique.

    Every collection is kept sorted (ids, theme keys, votes), so equal
    retrospectives compare equal whatever order they were built from.

    Attributes:
        id: The retrospective's id.
        team: The id of the team.
        period: The days looked back on.
        held_on: The day of the meeting.
        readers: Who may read it: the team's members and its manager, sorted.
        reflections: The ids of the gathered reflections, sorted.
        themes: The themes, sorted by key, with their votes.
        unthemed: Gathered reflections in no theme (no tags, only stop words).
        action_points: The points agreed here and the open ones carried forward.
        ignored_votes: Votes not counted: for an unknown theme or by someone
            who is not a reader.
        previous: The id of the retrospective before, when there was one.
    """

    id: str = attrs.field(validator=_validate.identifier)
    team: str = attrs.field(validator=_validate.identifier)
    period: Period = attrs.field(validator=_validate.instance_of(Period))
    held_on: dt.date = attrs.field(validator=_validate.date)
    readers: tuple[str, ...] = attrs.field(
        default=(), converter=_sorted, validator=_validate.each(_validate.identifier)
    )
    reflections: tuple[str, ...] = attrs.field(
        default=(), converter=_sorted, validator=_validate.each(_validate.identifier)
    )
    themes: tuple[Theme, ...] = attrs.field(
        default=(), converter=_by_key, validator=_validate.each(_validate.instance_of(Theme))
    )
    unthemed: tuple[str, ...] = attrs.field(
        default=(), converter=_sorted, validator=_validate.each(_validate.identifier)
    )
    action_points: tuple[ActionPoint, ...] = attrs.field(
        default=(), converter=_by_id, validator=_validate.each(_validate.instance_of(ActionPoint))
    )
    ignored_votes: tuple[ThemeVote, ...] = attrs.field(
        default=(), converter=_sorted, validator=_validate.each(_validate.instance_of(ThemeVote))
    )
    previous: str | None = attrs.field(
        default=None, validator=_validate.optional(_validate.identifier)
    )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if self.held_on < self.period.last:
            problems.append(
                Problem(
                    "held_on",
                    self.held_on,
                    f"must not be before the period's last day ({self.period.last.isoformat()})",
                )
            )
        gathered = set(self.reflections)
        placed: set[str] = set()
        keys: set[str] = set()
        for theme in self.themes:
            path = f"themes[key={theme.key}]"
            if theme.key in keys:
                problems.append(Problem(f"{path}.key", theme.key, "is used twice"))
            keys.add(theme.key)
            for reflection_id in theme.reflections:
                if reflection_id not in gathered:
                    problems.append(
                        Problem(
                            f"{path}.reflections", reflection_id, "is not a gathered reflection"
                        )
                    )
                elif reflection_id in placed:
                    problems.append(
                        Problem(f"{path}.reflections", reflection_id, "is in another theme too")
                    )
                placed.add(reflection_id)
            if theme.votes > len(self.readers):
                problems.append(
                    Problem(f"{path}.votes", theme.votes, "must not exceed the number of readers")
                )
        if set(self.unthemed) != gathered - placed:
            problems.append(
                Problem(
                    "unthemed",
                    self.unthemed,
                    f"must be the gathered reflections in no theme: {sorted(gathered - placed)}",
                )
            )
        seen: set[str] = set()
        for point in self.action_points:
            if point.id in seen:
                problems.append(
                    Problem(f"action_points[id={point.id}].id", point.id, "is listed twice")
                )
            seen.add(point.id)
        if problems:
            raise InvalidDataError(problems)

    @property
    def open_points(self) -> tuple[ActionPoint, ...]:
        """The action points not done yet, oldest first (by ``created_on``, then id)."""
        return tuple(
            sorted(
                (point for point in self.action_points if point.is_open),
                key=lambda point: (point.created_on, point.id),
            )
        )

    def ranked_themes(self) -> tuple[Theme, ...]:
        """The themes by votes (most first), then by size (largest first), then by key."""
        return tuple(sorted(self.themes, key=lambda t: (-t.votes, -len(t.reflections), t.key)))

    def theme(self, key: str) -> Theme:
        """The theme with this key.

        Raises:
            UnknownIdError: no theme has this key.
        """
        for theme in self.themes:
            if theme.key == key:
                return theme
        raise UnknownIdError("theme", key)

    def action_point(self, point_id: str) -> ActionPoint:
        """The action point with this id.

        Raises:
            UnknownIdError: no action point has this id.
        """
        for point in self.action_points:
            if point.id == point_id:
                return point
        raise UnknownIdError("action point", point_id)


def retrospective_readers(team: str, roster: Roster) -> tuple[str, ...]:
    """Who reads ``team``'s retrospective: its members and its manager, as sorted ids.

    Raises:
        InvalidDataError: ``roster`` is not a Roster.
        UnknownIdError: the team is not on the roster.
    """
    _validate.require_instance(roster, Roster, "roster")
    found = {person.id for person in roster.members(team)}
    manager = roster.team(team).manager
    if manager is not None:
        found.add(manager)
    return tuple(sorted(found))


def gather_reflections(
    team: str,
    period: Period,
    reflections: Iterable[Reflection],
    roster: Roster,
    mentorships: Iterable[Mentorship],
) -> tuple[Reflection, ...]:
    """The reflections a retrospective of ``team`` over ``period`` gathers, sorted by id.

    Exactly the reflections by a reader, recorded (on the author's clock) in
    the period, that every reader may see (see the module).

    Raises:
        InvalidDataError: a bad argument (not a Roster or Period, an item not a
            Reflection or Mentorship, an id listed twice, ...), every problem at once.
        UnknownIdError: the team is not on the roster.
    """
    problems = _type_problems(roster, period)
    try:
        given = _reflections(reflections)
    except InvalidDataError as error:
        problems.extend(error.problems)
    active = _validate.items_of(mentorships, Mentorship, "mentorships", problems)
    if problems:
        raise InvalidDataError(problems)
    who = retrospective_readers(team, roster)
    in_team = set(who)
    found = [
        reflection
        for reflection in given
        if reflection.author in in_team
        and reflection.recorded_at.date() in period
        and in_team <= set(audience(reflection, roster, active))
    ]
    return tuple(sorted(found, key=lambda reflection: reflection.id))


def _collect(
    problems: list[Problem], check: Callable[..., object], value: object, *args: object
) -> None:
    """Run ``check(value, *args)``; what it refuses is added to ``problems``, not raised."""
    try:
        check(value, *args)
    except InvalidDataError as error:
        problems.extend(error.problems)


def _instance(problems: list[Problem], value: object, kind: type, field: str) -> None:
    """Add a problem naming ``field`` and ``value`` unless ``value`` is a ``kind``."""
    _collect(problems, _validate.require_instance, value, kind, field)


def _type_problems(roster: object, period: object) -> list[Problem]:
    problems: list[Problem] = []
    _instance(problems, roster, Roster, "roster")
    _instance(problems, period, Period, "period")
    return problems


def start_retrospective(
    *,
    id: str,
    team: str,
    period: Period,
    held_on: dt.date,
    reflections: Iterable[Reflection],
    roster: Roster,
    mentorships: Iterable[Mentorship] = (),
    previous: Retrospective | None = None,
    stop_words: Iterable[str] = (),
) -> Retrospective:
    """A new retrospective: the gathered reflections in themes, and the open points carried.

    The action points are exactly the open points of ``previous``
    (:func:`carried_forward`), unchanged; no votes are counted yet.

    Raises:
        InvalidDataError: a bad argument, or ``previous`` is of another team or
            not held before ``held_on``.
        UnknownIdError: the team is not on the roster.
    """
    if previous is not None:
        _check_previous(previous, team, held_on)
    gathered = gather_reflections(team, period, reflections, roster, mentorships)
    themes = group_themes(gathered, stop_words=stop_words)
    placed = {reflection_id for theme in themes for reflection_id in theme.reflections}
    return Retrospective(
        id=id,
        team=team,
        period=period,
        held_on=held_on,
        readers=retrospective_readers(team, roster),
        reflections=tuple(reflection.id for reflection in gathered),
        themes=themes,
        unthemed=tuple(r.id for r in gathered if r.id not in placed),
        action_points=carried_forward(previous) if previous is not None else (),
        previous=previous.id if previous is not None else None,
    )


def _check_previous(previous: object, team: str, held_on: object) -> None:
    if not isinstance(previous, Retrospective):
        raise InvalidDataError.single("previous", previous, "must be a Retrospective")
    problems: list[Problem] = []
    if previous.team != team:
        problems.append(Problem("previous.team", previous.team, f"is not the team {team!r}"))
    if isinstance(held_on, dt.date) and previous.held_on >= held_on:
        problems.append(
            Problem("previous.held_on", previous.held_on, "must be before this one's held_on")
        )
    if problems:
        raise InvalidDataError(problems)


def carried_forward(previous: Retrospective) -> tuple[ActionPoint, ...]:
    """The action points of ``previous`` that are still open, oldest first, unchanged."""
    if not isinstance(previous, Retrospective):
        raise InvalidDataError.single("previous", previous, "must be a Retrospective")
    return previous.open_points


def record_votes(retrospective: Retrospective, votes: Iterable[ThemeVote]) -> Retrospective:
    """The retrospective with ``votes`` counted (replacing any earlier count).

    One vote per voter per theme: a repeated vote counts once. A vote for a
    key no theme has, or by someone who is not a reader, is not counted and
    is kept in ``ignored_votes`` instead (once each), so a bot can say why.
    A voter may vote for several themes.

    Raises:
        InvalidDataError: ``retrospective`` is not a Retrospective, or ``votes``
            is not a collection of ThemeVote values (every problem at once).
    """
    problems: list[Problem] = []
    _instance(problems, retrospective, Retrospective, "retrospective")
    given = _validate.items_of(votes, ThemeVote, "votes", problems)
    if problems:
        raise InvalidDataError(problems)
    keys = {theme.key for theme in retrospective.themes}
    allowed = set(retrospective.readers)
    counted = {vote for vote in given if vote.theme in keys and vote.voter in allowed}
    ignored = set(given) - counted
    tally: dict[str, int] = {}
    for vote in counted:
        tally[vote.theme] = tally.get(vote.theme, 0) + 1
    return attrs.evolve(
        retrospective,
        themes=tuple(attrs.evolve(t, votes=tally.get(t.key, 0)) for t in retrospective.themes),
        ignored_votes=tuple(ignored),
    )


def add_action_point(retrospective: Retrospective, point: ActionPoint) -> Retrospective:
    """The retrospective with ``point`` agreed.

    Raises:
        InvalidDataError: ``retrospective`` is not a Retrospective or ``point`` is
            not an ActionPoint (both at once), or the point's id is taken.
    """
    problems: list[Problem] = []
    _instance(problems, retrospective, Retrospective, "retrospective")
    _instance(problems, point, ActionPoint, "point")
    if problems:
        raise InvalidDataError(problems)
    if any(existing.id == point.id for existing in retrospective.action_points):
        raise InvalidDataError.single("point.id", point.id, "is already an action point here")
    return attrs.evolve(retrospective, action_points=(*retrospective.action_points, point))


def complete_action_point(
    retrospective: Retrospective, point_id: str, *, on: dt.date
) -> Retrospective:
    """The retrospective with the point ``point_id`` done on ``on``.

    Raises:
        InvalidDataError: ``retrospective`` is not a Retrospective, ``point_id``
            is not a string or ``on`` is not a date (every problem at once).
        UnknownIdError: no action point has this id.
        TransitionError: the point is done already, or ``on`` is before it was
            agreed (every unmet rule at once; see ``REFUSAL_REASONS``).
    """
    problems: list[Problem] = []
    _instance(problems, retrospective, Retrospective, "retrospective")
    _instance(problems, point_id, str, "point_id")
    _collect(problems, _validate.require_date, on, "on")
    if problems:
        raise InvalidDataError(problems)
    point = retrospective.action_point(point_id)
    reasons = []
    if point.done_on is not None:
        reasons.append(ALREADY_DONE)
    if on < point.created_on:
        reasons.append(DONE_BEFORE_CREATED)
    if reasons:
        source = "open" if point.is_open else "done"
        raise TransitionError(f"action point {point.id}", source, "done", reasons)
    done = attrs.evolve(point, done_on=on)
    return attrs.evolve(
        retrospective,
        action_points=tuple(done if p.id == point_id else p for p in retrospective.action_points),
    )


def since_last_time(
    previous: Retrospective, *, locale: Locale, roster: Roster | None = None
) -> tuple[str, ...]:
    """What "what have we learned since last time?" asks: one question per open action point.

    The questions follow :attr:`Retrospective.open_points` (oldest first);
    with a ``roster``, an owner is named by their display name, else by id.
    Empty when nothing is open.

    Raises:
        InvalidDataError: ``previous`` is not a Retrospective, the locale is
            unknown, or ``roster`` is given but not a Roster (every problem at once).
    """
    problems: list[Problem] = []
    _instance(problems, previous, Retrospective, "previous")
    _collect(problems, check_locale, locale)
    if roster is not None:
        _instance(problems, roster, Roster, "roster")
    if problems:
        raise InvalidDataError(problems)
    questions = []
    for point in carried_forward(previous):
        if point.owner is None:
            questions.append(translate("retro.since.question", locale, action=point.text))
        else:
            owner = point.owner
            if roster is not None and owner in roster:
                owner = roster.person(owner).name
            questions.append(
                translate("retro.since.question_owner", locale, action=point.text, owner=owner)
            )
    return tuple(questions)
