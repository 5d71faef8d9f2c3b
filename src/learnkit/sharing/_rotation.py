"""Fair presenter rotation: who presents at each session of a series, and why."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Final

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.i18n import Locale, translate
from learnkit.people import Person, Roster
from learnkit.sharing._series import Session, SessionSeries, SkippedSession, expand
from learnkit.sharing._topics import Topic, choose_topics
from learnkit.time import Period

__all__ = [
    "DEFAULT_NEWCOMER_WEEKS",
    "Absence",
    "Assignment",
    "Plan",
    "PresenterChoice",
    "Turn",
    "plan",
]

DEFAULT_NEWCOMER_WEEKS: Final = 8
"""A newcomer is not asked to present in their first eight weeks unless they volunteer."""


@attrs.frozen(kw_only=True)
class Absence:
    """Someone away for a span of days (holiday, leave, illness, a course).

    Attributes:
        person: Who is away.
        period: The days they are away, both ends included.
    """

    person: str = attrs.field(validator=_validate.identifier)
    period: Period = attrs.field(validator=_validate.instance_of(Period))


@attrs.frozen(kw_only=True)
class Turn:
    """A session someone presented at: the history a plan counts.

    Attributes:
        person: Who presented.
        on: The day they presented.
        session: The session's id, when known.
    """

    person: str = attrs.field(validator=_validate.identifier)
    on: dt.date = attrs.field(validator=_validate.date)
    session: str = attrs.field(default="", validator=_validate.instance_of(str))


@attrs.frozen(kw_only=True)
class PresenterChoice:
    """Why one person presents at one session: the facts the rotation compared.

    Attributes:
        person: Who presents.
        team: Their team.
        turns_before: Their turns before this session, history included.
        last_presented: The day of their last turn, or ``None`` if they never presented.
        same_team_as_previous: Whether their team presented at the previous session.
    """

    person: str = attrs.field(validator=_validate.identifier)
    team: str = attrs.field(validator=_validate.identifier)
    turns_before: int = attrs.field(validator=_validate.count)
    last_presented: dt.date | None = attrs.field(validator=_validate.optional(_validate.date))
    same_team_as_previous: bool = attrs.field(validator=_validate.instance_of(bool))


@attrs.frozen(kw_only=True)
class Assignment:
    """The presenters and the topic of one session, with what explains them.

    Attributes:
        session: The session.
        presenters: One or two presenters, in the order they were chosen.
        topic: The topic, or ``None`` when the backlog ran out (the presenter chooses).
        candidates: How many people could present that day.
        fewest_turns: The fewest turns any of them had.
        kept: Whether the assignment was kept unchanged from a previous plan.
        cross_team: For a pair, whether its two presenters come from two teams;
            ``None`` for a single presenter.
    """

    session: Session = attrs.field(validator=_validate.instance_of(Session))
    presenters: tuple[PresenterChoice, ...] = attrs.field(
        validator=_validate.each(_validate.instance_of(PresenterChoice))
    )
    topic: Topic | None = attrs.field(validator=_validate.optional(_validate.instance_of(Topic)))
    candidates: int = attrs.field(validator=_validate.count)
    fewest_turns: int = attrs.field(validator=_validate.count)
    kept: bool = attrs.field(default=False, validator=_validate.instance_of(bool))
    cross_team: bool | None = attrs.field(
        default=None, validator=_validate.optional(_validate.instance_of(bool))
    )

    def __attrs_post_init__(self) -> None:
        if not 1 <= len(self.presenters) <= 2:
            raise InvalidDataError.single(
                "presenters", self.presenters, "must be one or two presenters"
            )

    @property
    def people(self) -> tuple[str, ...]:
        """The presenters' person ids."""
        return tuple(choice.person for choice in self.presenters)

    def explain(self, locale: Locale) -> tuple[str, ...]:
        """Why these people present on this day, one line per presenter plus the topic."""
        lines = [_explain_choice(self, choice, locale) for choice in self.presenters]
        if self.cross_team is False:
            lines.append(translate("sharing.explain.pair_same_team", locale))
        if self.kept:
            lines.append(translate("sharing.explain.kept", locale))
        if self.topic is None:
            lines.append(translate("sharing.explain.open_topic", locale))
        else:
            lines.append(
                translate(
                    _plural("sharing.explain.topic", len(self.topic.votes)),
                    locale,
                    title=self.topic.title,
                    votes=len(self.topic.votes),
                )
            )
        return tuple(lines)


def _plural(key: str, count: int) -> str:
    return f"{key}.one" if count == 1 else f"{key}.other"


def _explain_choice(assignment: Assignment, choice: PresenterChoice, locale: Locale) -> str:
    turns = translate(
        _plural("sharing.explain.turns", choice.turns_before),
        locale,
        person=choice.person,
        team=choice.team,
        turns=choice.turns_before,
        candidates=assignment.candidates,
    )
    parts = [turns]
    if choice.last_presented is not None:
        date = choice.last_presented.isoformat()
        parts.append(translate("sharing.explain.last_presented", locale, date=date))
    team_key = "same_team" if choice.same_team_as_previous else "other_team"
    parts.append(translate(f"sharing.explain.{team_key}", locale))
    return "; ".join(parts)


@attrs.frozen(kw_only=True)
class Plan:
    """Who presents at every session of a series in a period.

    Attributes:
        series: The series' id.
        period: The days planned.
        seed: The seed that broke the ties.
        assignments: One per session that has a presenter, in order of start.
        unfilled: Sessions nobody could present at.
        skipped: Occurrences of the series not held in the period (holidays, exceptions).
    """

    series: str = attrs.field(validator=_validate.identifier)
    period: Period = attrs.field(validator=_validate.instance_of(Period))
    seed: int = attrs.field(validator=_validate.instance_of(int))
    assignments: tuple[Assignment, ...] = attrs.field(
        validator=_validate.each(_validate.instance_of(Assignment))
    )
    unfilled: tuple[Session, ...] = attrs.field(
        default=(), validator=_validate.each(_validate.instance_of(Session))
    )
    skipped: tuple[SkippedSession, ...] = attrs.field(
        default=(), validator=_validate.each(_validate.instance_of(SkippedSession))
    )

    def turns(self) -> tuple[Turn, ...]:
        """The plan as history, to count in the next plan."""
        return tuple(
            Turn(person=person, on=a.session.held_on, session=a.session.id)
            for a in self.assignments
            for person in a.people
        )

    def turn_counts(self) -> Mapping[str, int]:
        """How many turns each presenter has in this plan."""
        return Counter(person for a in self.assignments for person in a.people)


@attrs.frozen(kw_only=True)
class _Pool:
    """Who may present on which day, and the state the rotation carries."""

    people: Mapping[str, Person]
    absences: Mapping[str, tuple[Period, ...]]
    newcomer_days: int
    volunteers: frozenset[str]
    rank: Mapping[str, int]
    teams: Mapping[str, str] = attrs.field(init=False)
    earliest: Mapping[str, dt.date] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        # Per person once, so finding a day's candidates is a lookup per person.
        object.__setattr__(self, "teams", {p: who.team for p, who in self.people.items()})
        object.__setattr__(
            self, "earliest", {person: self._earliest(person) for person in self.people}
        )

    def _earliest(self, person: str) -> dt.date:
        start = self.people[person].start_date
        if person in self.volunteers:
            return start
        try:
            return start + dt.timedelta(days=self.newcomer_days)
        except OverflowError:
            return dt.date.max

    def can_present(self, person: str, day: dt.date) -> bool:
        who = self.people[person]
        if not who.has_started(day):
            return False
        if (day - who.start_date).days < self.newcomer_days and person not in self.volunteers:
            return False
        return not any(day in away for away in self.absences.get(person, ()))

    def candidates(self, ids: list[str], day: dt.date, away: frozenset[str]) -> list[str]:
        """The people of ``ids`` who can present on ``day``, given who is ``away`` that day.

        The same as ``[p for p in ids if self.can_present(p, day)]``, faster.
        """
        earliest = self.earliest
        return [person for person in ids if earliest[person] <= day and person not in away]

    def away_on(self, days: list[dt.date]) -> dict[dt.date, frozenset[str]]:
        """Who is absent on each of ``days`` (sorted), for the days someone is."""
        found: dict[dt.date, set[str]] = {}
        for person, periods in self.absences.items():
            for away in periods:
                index = bisect.bisect_left(days, away.first)
                while index < len(days) and days[index] <= away.last:
                    found.setdefault(days[index], set()).add(person)
                    index += 1
        return {day: frozenset(people) for day, people in found.items()}


def plan(
    series: SessionSeries,
    roster: Roster,
    period: Period,
    *,
    topics: Iterable[Topic] = (),
    absences: Iterable[Absence] = (),
    history: Iterable[Turn] = (),
    seed: int = 0,
    presenters: int = 1,
    cross_team_pairs: bool = True,
    newcomer_weeks: int = DEFAULT_NEWCOMER_WEEKS,
    volunteers: Iterable[str] = (),
    eligible: Iterable[str] | None = None,
    keep: Plan | None = None,
) -> Plan:
    """Assign presenters and topics to the sessions of ``series`` held in ``period``.

    Sessions are filled in order of start. For each, the *candidates* are the
    people who can present that day (rule a/e below); the presenter is the
    candidate with the fewest turns so far, then one from a team that did not
    present at the previous session, then the one whose last turn is longest
    ago, then the first in a shuffle of the roster's ids by ``seed``. A pair's
    second presenter is chosen the same way among the rest, from another team
    than the first when ``cross_team_pairs`` and anyone there can present.

    Guarantees:

    * (a) Nobody presents on a day they are absent, before their start date, or
      outside ``eligible`` (everyone on the roster by default).
    * (e) Nobody presents within ``newcomer_weeks`` weeks of their start date
      unless they are in ``volunteers``.
    * (b) Every presenter chosen (not kept) has the fewest turns, ``history``
      included, among the candidates of that day (for the second of a
      cross-team pair: among the candidates from other teams). Hence, with
      single presenters or pairs without the cross-team rule, among the people
      who are candidates at every session of the plan, max − min turns after
      the plan is at most max(1, max − min before it).
    * (d) Among the candidates with the fewest turns, someone from a team that
      did not present at the previous session is chosen whenever there is one.
    * (c) Among those, the one whose last turn is longest ago presents (never
      having presented counts as longest ago). With everyone always a
      candidate and single presenters, each person presents exactly once in
      every block of ``n`` consecutive sessions (``n`` people), so two turns
      of the same person are at most ``2n − 1`` sessions apart.
    * Topics: the proposed topics with the most votes (:func:`choose_topics`)
      go to the sessions in order; none is planned twice; a session gets
      ``None`` when the backlog runs out.
    * Deterministic: the same inputs and seed give the same plan, whatever the
      order of ``topics``, ``absences``, ``history`` and the roster.
    * Re-planning: with ``keep`` (an earlier plan of the same series), every
      session whose kept presenters can all still present keeps them and its
      topic; only the others are chosen anew, counting the kept turns in order.

    Raises:
        InvalidDataError: naming the argument, for an unknown person in
            ``absences``, ``volunteers`` or ``eligible``, ``presenters`` other
            than 1 or 2, a negative ``newcomer_weeks``, or a ``keep`` plan of
            another series.
    """
    pool_ids = _check_arguments(
        series, roster, period, presenters, newcomer_weeks, volunteers, eligible, keep
    )
    absence_list = list(absences)
    _check_absences(list(absence_list), roster)
    ids = sorted(pool_ids)
    # The tie-break order depends on the roster's ids and the seed only.
    shuffled = sorted(person.id for person in roster)
    random.Random(seed).shuffle(shuffled)
    pool = _Pool(
        people={person: roster.person(person) for person in ids},
        absences=_absences_by_person(absence_list),
        newcomer_days=7 * newcomer_weeks,
        volunteers=frozenset(volunteers),
        rank={person: index for index, person in enumerate(shuffled)},
    )
    ids.sort(key=pool.rank.__getitem__)  # candidates in rank order (see _State.best)
    expansion = expand(series, period)
    kept = {a.session.id: a for a in keep.assignments} if keep is not None else {}
    state = _State.from_history(history, roster)
    kept_topics = {
        kept[s.id].topic.id  # type: ignore[union-attr]
        for s in expansion.sessions
        if s.id in kept and kept[s.id].topic is not None and _keepable(kept[s.id], s, pool)
    }
    fresh = [t for t in topics if t.id not in kept_topics]
    queue = list(choose_topics(fresh, len(expansion.sessions)))
    assignments: list[Assignment] = []
    unfilled: list[Session] = []
    away = pool.away_on(sorted({session.held_on for session in expansion.sessions}))
    for session in expansion.sessions:
        day = session.held_on
        candidates = pool.candidates(ids, day, away.get(day, frozenset()))
        fewest = min(map(state.turns.get, candidates, itertools.repeat(0)), default=0)
        previous = kept.get(session.id)
        if previous is not None and _keepable(previous, session, pool):
            chosen, topic, was_kept = list(previous.people), previous.topic, True
        elif candidates:
            chosen = _choose(candidates, fewest, pool, state, presenters, cross_team_pairs)
            topic, was_kept = (queue.pop(0) if queue else None), False
        else:
            unfilled.append(session)
            continue
        assignments.append(
            _assignment(
                session, chosen, topic, (len(candidates), fewest), pool, state, was_kept, presenters
            )
        )
        state.record(chosen, day, pool)
    return Plan(
        series=series.id,
        period=period,
        seed=seed,
        assignments=tuple(assignments),
        unfilled=tuple(unfilled),
        skipped=expansion.skipped,
    )


def _keepable(previous: Assignment, session: Session, pool: _Pool) -> bool:
    return previous.session.held_on == session.held_on and all(
        person in pool.people and pool.can_present(person, session.held_on)
        for person in previous.people
    )


@attrs.define
class _State:
    """Turns so far and the teams of the previous session, updated session by session."""

    turns: Counter[str]
    last: dict[str, dt.date]
    previous_teams: frozenset[str]

    @classmethod
    def from_history(cls, history: Iterable[Turn], roster: Roster) -> _State:
        turns: Counter[str] = Counter()
        last: dict[str, dt.date] = {}
        for turn in history:
            if not isinstance(turn, Turn):
                raise InvalidDataError.single("history", turn, "must hold Turn values")
            turns[turn.person] += 1
            if turn.person not in last or turn.on > last[turn.person]:
                last[turn.person] = turn.on
        previous_teams: frozenset[str] = frozenset()
        if last:
            latest = max(last.values())
            previous_teams = frozenset(
                roster.person(person).team
                for person, day in last.items()
                if day == latest and person in roster
            )
        return cls(turns=turns, last=last, previous_teams=previous_teams)

    def best(self, people: list[str], pool: _Pool, fewest: int | None = None) -> str:
        """The one of ``people`` (not empty) the rotation picks next.

        First by fewest turns, then not from the previous session's teams, then
        the last turn longest ago, then rank, compared in that order.
        """
        turns = self.turns
        if fewest is None:
            fewest = min(map(turns.get, people, itertools.repeat(0)))
        tier = [person for person in people if turns.get(person, 0) == fewest]
        teams, previous = pool.teams, self.previous_teams
        tier = [person for person in tier if teams[person] not in previous] or tier
        last, rank = self.last, pool.rank
        # ``people`` come in rank order, so of those who never presented (all alike
        # by the last turn) only the first can win: the rest need not be compared.
        never = next((person for person in tier if person not in last), None)
        finalists = [person for person in tier if person in last]
        if never is not None:
            finalists.append(never)
        return min(finalists, key=lambda person: (last.get(person, dt.date.min), rank[person]))

    def record(self, chosen: list[str], day: dt.date, pool: _Pool) -> None:
        for person in chosen:
            self.turns[person] += 1
            self.last[person] = day
        self.previous_teams = frozenset(pool.people[person].team for person in chosen)


def _choose(  # noqa: PLR0917 - a private helper with one caller
    candidates: list[str],
    fewest: int,
    pool: _Pool,
    state: _State,
    presenters: int,
    cross_team: bool,
) -> list[str]:
    first = state.best(candidates, pool, fewest)
    if presenters == 1 or len(candidates) == 1:
        return [first]
    rest = [person for person in candidates if person != first]
    if cross_team:
        first_team = pool.teams[first]
        other_teams = [person for person in rest if pool.teams[person] != first_team]
        rest = other_teams or rest
    return [first, state.best(rest, pool)]


def _assignment(  # noqa: PLR0917 - a private helper with one caller
    session: Session,
    chosen: list[str],
    topic: Topic | None,
    candidates: tuple[int, int],
    pool: _Pool,
    state: _State,
    kept: bool,
    presenters: int,
) -> Assignment:
    choices = tuple(
        PresenterChoice(
            person=person,
            team=pool.people[person].team,
            turns_before=state.turns[person],
            last_presented=state.last.get(person),
            same_team_as_previous=pool.people[person].team in state.previous_teams,
        )
        for person in chosen
    )
    cross_team = None
    if presenters == 2 and len(choices) == 2:
        cross_team = choices[0].team != choices[1].team
    return Assignment(
        session=session,
        presenters=choices,
        topic=topic,
        candidates=candidates[0],
        fewest_turns=candidates[1],
        kept=kept,
        cross_team=cross_team,
    )


def _check_arguments(  # noqa: PLR0917 - a private helper with one caller
    series: SessionSeries,
    roster: Roster,
    period: Period,
    presenters: int,
    newcomer_weeks: int,
    volunteers: Iterable[str],
    eligible: Iterable[str] | None,
    keep: Plan | None,
) -> set[str]:
    problems: list[Problem] = []
    for name, value, kind in (
        ("series", series, SessionSeries),
        ("roster", roster, Roster),
        ("period", period, Period),
    ):
        if not isinstance(value, kind):
            problems.append(Problem(name, value, f"must be a {kind.__name__}"))
    if problems:
        raise InvalidDataError(problems)
    if presenters not in (1, 2) or isinstance(presenters, bool):
        problems.append(Problem("presenters", presenters, "must be 1 or 2"))
    try:
        _validate.require_count(newcomer_weeks, "newcomer_weeks")
    except InvalidDataError as error:
        problems.extend(error.problems)
    known = {person.id for person in roster}
    for name, given in (("volunteers", volunteers), ("eligible", eligible)):
        if given is None:
            continue
        if isinstance(given, str):
            problems.append(Problem(name, given, "must be a collection of person ids"))
            continue
        unknown = sorted(set(given) - known, key=str)
        if unknown:
            problems.append(Problem(name, unknown, "are not on the roster"))
    given_keep: object = keep
    if given_keep is not None and (
        not isinstance(given_keep, Plan) or given_keep.series != series.id
    ):
        shown = getattr(given_keep, "series", given_keep)
        problems.append(Problem("keep", shown, f"must be a plan of the series {series.id}"))
    if problems:
        raise InvalidDataError(problems)
    return known if eligible is None else set(eligible)


def _check_absences(absences: list[object], roster: Roster) -> None:
    problems = [
        Problem(f"absences[{index}]", absence, "must be an Absence")
        for index, absence in enumerate(absences)
        if not isinstance(absence, Absence)
    ]
    problems += [
        Problem(f"absences[{index}].person", absence.person, "is not on the roster")
        for index, absence in enumerate(absences)
        if isinstance(absence, Absence) and absence.person not in roster
    ]
    if problems:
        raise InvalidDataError(problems)


def _absences_by_person(absences: list[Absence]) -> dict[str, tuple[Period, ...]]:
    found: dict[str, list[Period]] = {}
    for absence in absences:
        found.setdefault(absence.person, []).append(absence.period)
    return {person: tuple(periods) for person, periods in found.items()}
