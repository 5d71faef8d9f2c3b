"""A plan request: everything :func:`~learnkit.sharing.plan` needs, as one serializable value.

A bot or an intranet page keeps its series, roster, backlog, absences and
history somewhere; :class:`PlanRequest` is that input as one document (the
JSON ``learnkit sharing plan`` reads), and :meth:`PlanRequest.plan` runs it for
a period.
"""

from __future__ import annotations

from collections import Counter
from typing import cast

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.people import Roster
from learnkit.sharing._rotation import DEFAULT_NEWCOMER_WEEKS, Absence, Plan, Turn, plan
from learnkit.sharing._series import SessionSeries
from learnkit.sharing._topics import Topic
from learnkit.time import Period

__all__ = ["PlanRequest"]


def _ids(value: object) -> tuple[str, ...]:
    return cast("tuple[str, ...]", _validate.canonical_tuple(value))


def _optional_ids(value: object) -> tuple[str, ...] | None:
    return None if value is None else _ids(value)


def _absence_key(absence: Absence) -> tuple[str, str, str]:
    return (absence.person, absence.period.first.isoformat(), absence.period.last.isoformat())


def _turn_key(turn: Turn) -> tuple[str, str, str]:
    return (turn.on.isoformat(), turn.person, turn.session)


def _topics(value: object) -> tuple[Topic, ...]:
    return cast("tuple[Topic, ...]", _validate.canonical_tuple(value, lambda topic: topic.id))


def _absences(value: object) -> tuple[Absence, ...]:
    return cast("tuple[Absence, ...]", _validate.canonical_tuple(value, _absence_key))


def _history(value: object) -> tuple[Turn, ...]:
    return cast("tuple[Turn, ...]", _validate.canonical_tuple(value, _turn_key))


@attrs.frozen(kw_only=True)
class PlanRequest:
    """The input of a presenter rotation: a series, the people, the backlog and the past.

    Collections are kept sorted (topics by id, absences by person and dates,
    history by date and person, volunteers and eligible people by id), so two
    requests with the same content compare equal and serialize to the same
    document whatever order they were given in.

    Guarantees: a request is valid when constructed: every person it names in
    ``absences``, ``volunteers`` and ``eligible`` is on the roster, topic ids are
    unique, ``presenters`` is 1 or 2 and ``newcomer_weeks`` is a whole number
    >= 0, so :meth:`plan` raises for nothing but a bad ``period`` or ``keep``.
    ``history`` may name people who have left (their turns count for nobody).

    Attributes:
        series: The series to plan.
        roster: Who may present (and their teams).
        topics: The topic backlog.
        absences: Who is away when.
        history: Turns already presented, counted for fairness.
        seed: The seed that breaks ties.
        presenters: 1 or 2 presenters per session.
        cross_team_pairs: Whether a pair comes from two teams when possible.
        newcomer_weeks: Weeks after their start before a newcomer is asked.
        volunteers: Newcomers who volunteer before their weeks are up.
        eligible: The only people who may present, or ``None`` for everyone.
    """

    series: SessionSeries = attrs.field(validator=_validate.instance_of(SessionSeries))
    roster: Roster = attrs.field(validator=_validate.instance_of(Roster))
    topics: tuple[Topic, ...] = attrs.field(
        default=(),
        converter=_topics,
        validator=_validate.each(_validate.instance_of(Topic)),
    )
    absences: tuple[Absence, ...] = attrs.field(
        default=(),
        converter=_absences,
        validator=_validate.each(_validate.instance_of(Absence)),
    )
    history: tuple[Turn, ...] = attrs.field(
        default=(),
        converter=_history,
        validator=_validate.each(_validate.instance_of(Turn)),
    )
    seed: int = attrs.field(default=0, validator=_validate.instance_of(int))
    presenters: int = attrs.field(default=1, validator=_validate.int_between(1, 2))
    cross_team_pairs: bool = attrs.field(default=True, validator=_validate.instance_of(bool))
    newcomer_weeks: int = attrs.field(default=DEFAULT_NEWCOMER_WEEKS, validator=_validate.count)
    volunteers: tuple[str, ...] = attrs.field(
        default=(), converter=_ids, validator=_validate.each(_validate.identifier)
    )
    eligible: tuple[str, ...] | None = attrs.field(
        default=None,
        converter=_optional_ids,
        validator=_validate.optional(_validate.each(_validate.identifier)),
    )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        twice = sorted(key for key, seen in Counter(t.id for t in self.topics).items() if seen > 1)
        if twice:
            problems.append(Problem("topics", twice, "must not share an id"))
        problems += [
            Problem(f"absences[{index}].person", absence.person, "is not on the roster")
            for index, absence in enumerate(self.absences)
            if absence.person not in self.roster
        ]
        for name, given in (("volunteers", self.volunteers), ("eligible", self.eligible or ())):
            unknown = sorted(set(given) - {person.id for person in self.roster})
            if unknown:
                problems.append(Problem(name, unknown, "are not on the roster"))
            if len(set(given)) != len(given):
                problems.append(Problem(name, given, "must not list anyone twice"))
        if problems:
            raise InvalidDataError(problems)

    def plan(self, period: Period, *, keep: Plan | None = None) -> Plan:
        """The plan of :attr:`series` for ``period``: :func:`~learnkit.sharing.plan` of this input.

        It carries every guarantee of :func:`~learnkit.sharing.plan`, and equal
        requests give equal plans.

        Args:
            period: The days to plan.
            keep: An earlier plan of the series to keep what still holds of
                (re-planning after someone falls ill).

        Raises:
            InvalidDataError: ``period`` is not a :class:`~learnkit.time.Period`,
                or ``keep`` is not a plan of the series.
        """
        return plan(
            self.series,
            self.roster,
            period,
            topics=self.topics,
            absences=self.absences,
            history=self.history,
            seed=self.seed,
            presenters=self.presenters,
            cross_team_pairs=self.cross_team_pairs,
            newcomer_weeks=self.newcomer_weeks,
            volunteers=self.volunteers,
            eligible=self.eligible,
            keep=keep,
        )
