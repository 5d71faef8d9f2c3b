"""Who may read a reflection: visibility as a rule, not a convention.

:func:`can_view` is the rule, :func:`visible_to` filters a collection with it,
and :func:`audience` lists everyone the rule lets in. Every view, digest or
aggregate of reflections in learnkit is built on :func:`visible_to`, so none
can hold a reflection its reader may not see.

The rule, for a ``viewer`` and a reflection by ``author``:

* nobody outside the roster sees anything (a former colleague, a typo, a bot
  account): the roster is the organisation;
* the author sees their own reflection whatever its visibility;
* ``PRIVATE``: the author alone;
* ``MENTOR``: the author and the mentor of every *active*
  :class:`~learnkit.mentoring.Mentorship` in which the author is the mentee
  (proposed, ended and cancelled mentorships give no access);
* ``TEAM``: the members of the author's team and the team's manager (who
  need not be a member); not the author's other managers higher up;
* ``ORGANISATION``: everyone on the roster.

A reflection whose author is no longer on the roster keeps only its
organisation-wide sharing: without the author there is no team or mentor to
share with, so it is seen by nobody unless it was shared with everyone.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.mentoring import Mentorship, MentorshipStatus
from learnkit.people import Roster
from learnkit.reflection._model import Reflection, Visibility

__all__ = ["audience", "can_view", "visible_to"]

T = TypeVar("T")


def can_view(
    viewer: str, reflection: Reflection, roster: Roster, mentorships: Iterable[Mentorship]
) -> bool:
    """Whether ``viewer`` may read ``reflection`` (see the module for the rule).

    Raises:
        InvalidDataError: ``viewer`` is not a string id, ``reflection`` is not a
            Reflection, ``roster`` is not a Roster, or an item of
            ``mentorships`` is not a Mentorship (every problem at once).
    """
    problems: list[Problem] = []
    _require(reflection, Reflection, "reflection", problems)
    sees = _viewer(viewer, roster, mentorships, problems)
    if problems:
        raise InvalidDataError(problems)
    return sees(reflection)


def visible_to(
    viewer: str,
    reflections: Iterable[Reflection],
    roster: Roster,
    mentorships: Iterable[Mentorship],
) -> tuple[Reflection, ...]:
    """The reflections ``viewer`` may read, oldest first.

    Exactly the ``r`` with ``can_view(viewer, r, roster, mentorships)``,
    sorted by ``recorded_at`` (the instant, whatever the zone) and then by id,
    so the result is the same whatever order the inputs come in.

    Raises:
        InvalidDataError: as :func:`can_view`, or an item of ``reflections``
            is not a Reflection, or a reflection id is listed twice.
    """
    problems: list[Problem] = []
    given = _items(reflections, Reflection, "reflections", problems)
    seen: set[str] = set()
    for reflection in given:
        if reflection.id in seen:
            problems.append(
                Problem(f"reflections[id={reflection.id}].id", reflection.id, "is listed twice")
            )
        seen.add(reflection.id)
    sees = _viewer(viewer, roster, mentorships, problems)
    if problems:
        raise InvalidDataError(problems)
    return tuple(sorted(filter(sees, given), key=_oldest_first))


def audience(
    reflection: Reflection, roster: Roster, mentorships: Iterable[Mentorship]
) -> tuple[str, ...]:
    """Everyone on the roster who may read ``reflection``, as sorted person ids.

    ``viewer in audience(r, roster, m)`` exactly when ``can_view(viewer, r, roster, m)``.

    Raises:
        InvalidDataError: ``reflection`` is not a Reflection, ``roster`` is not
            a Roster, or an item of ``mentorships`` is not a Mentorship.
    """
    problems: list[Problem] = []
    _require(reflection, Reflection, "reflection", problems)
    _require(roster, Roster, "roster", problems)
    active = _items(mentorships, Mentorship, "mentorships", problems)
    if problems:
        raise InvalidDataError(problems)
    author = reflection.author
    if reflection.visibility is Visibility.ORGANISATION:
        return tuple(person.id for person in roster)
    if author not in roster:
        return ()
    readers = {author}
    if reflection.visibility is Visibility.MENTOR:
        readers |= {
            m.mentor
            for m in active
            if m.status is MentorshipStatus.ACTIVE and m.mentee == author and m.mentor in roster
        }
    elif reflection.visibility is Visibility.TEAM:
        team = roster.team(roster.person(author).team)
        readers |= {person.id for person in roster.members(team.id)}
        if team.manager is not None:
            readers.add(team.manager)
    return tuple(sorted(readers))


def _oldest_first(reflection: Reflection) -> tuple[object, str]:
    return (reflection.recorded_at, reflection.id)


def _viewer(viewer: object, roster: object, mentorships: object, problems: list[Problem]) -> _Sees:
    """The rule for one viewer, with what it needs looked up once."""
    if not isinstance(viewer, str):
        problems.append(Problem("viewer", viewer, "must be a string id"))
    _require(roster, Roster, "roster", problems)
    given = _items(mentorships, Mentorship, "mentorships", problems)
    if problems or not isinstance(viewer, str) or not isinstance(roster, Roster):
        return _Sees(None, roster=None, mentees=frozenset(), teams=frozenset())
    if viewer not in roster:
        return _Sees(None, roster=roster, mentees=frozenset(), teams=frozenset())
    mentees = frozenset(
        m.mentee for m in given if m.status is MentorshipStatus.ACTIVE and m.mentor == viewer
    )
    teams = {roster.person(viewer).team}
    teams |= {team.id for team in roster.teams if team.manager == viewer}
    return _Sees(viewer, roster=roster, mentees=mentees, teams=frozenset(teams))


class _Sees:
    """``can_view`` for one viewer: a predicate on reflections."""

    __slots__ = ("_mentees", "_roster", "_teams", "_viewer")

    def __init__(
        self,
        viewer: str | None,
        *,
        roster: Roster | None,
        mentees: frozenset[str],
        teams: frozenset[str],
    ) -> None:
        self._viewer = viewer  # None: on no roster, so sees nothing
        self._roster = roster
        self._mentees = mentees
        self._teams = teams

    def __call__(self, reflection: Reflection) -> bool:
        roster = self._roster
        if self._viewer is None or roster is None:
            return False
        author = reflection.author
        visibility = reflection.visibility
        if visibility is Visibility.ORGANISATION or author == self._viewer:
            return True
        if author not in roster:
            return False
        if visibility is Visibility.MENTOR:
            return author in self._mentees
        if visibility is Visibility.TEAM:
            return roster.person(author).team in self._teams
        return False  # private


def _require(value: object, kind: type, field: str, problems: list[Problem]) -> None:
    if not isinstance(value, kind):
        problems.append(Problem(field, value, f"must be a {kind.__name__}"))


_items = _validate.items_of
