"""Fair presenter rotation: who presents at each session of a series, and why."""

from __future__ import annotations

import bisect
import datetime as dt
import enum
import itertools
import random
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Final, cast

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
    "ChoiceBasis",
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


class ChoiceBasis(enum.Enum):
    """Among whom a presenter had the fewest turns when chosen, or that they were kept."""

    FEWEST = "fewest"
    """The fewest turns of everyone who could present that day."""

    FEWEST_OF_THE_REST = "fewest_of_the_rest"
    """For the second of a pair, the fewest turns of everyone who could present
    that day except the first presenter."""

    FEWEST_IN_OTHER_TEAMS = "fewest_in_other_teams"
    """For the second of a cross-team pair, the fewest turns of those who could
    present that day from other teams than the first presenter's (someone on the
    first presenter's team may have fewer)."""

    KEPT = "kept"
    """Kept unchanged from an earlier plan; the turns were not compared."""


@attrs.frozen(kw_only=True)
class PresenterChoice:
    """Why one person presents at one session: the facts the rotation compared.

    Attributes:
        person: Who presents.
        team: Their team.
        turns_before: Their turns before this session, history included.
        last_presented: The day of their last turn, or ``None`` if they never presented.
        same_team_as_previous: Whether their team presented at the previous session.
        basis: Why they were chosen: among whom they had the fewest turns, or
            that they were kept from an earlier plan.
        kept_later: When re-planning, their kept turns later in the period,
            counted with ``turns_before`` when the turns were compared (0 for a
            kept choice).
    """

    person: str = attrs.field(validator=_validate.identifier)
    team: str = attrs.field(validator=_validate.identifier)
    turns_before: int = attrs.field(validator=_validate.count)
    last_presented: dt.date | None = attrs.field(validator=_validate.optional(_validate.date))
    same_team_as_previous: bool = attrs.field(validator=_validate.instance_of(bool))
    basis: ChoiceBasis = attrs.field(
        default=ChoiceBasis.FEWEST, validator=_validate.instance_of(ChoiceBasis)
    )
    kept_later: int = attrs.field(default=0, validator=_validate.count)


@attrs.frozen(kw_only=True)
class Assignment:
    """The presenters and the topic of one session, with what explains them.

    Attributes:
        session: The session.
        presenters: One or two presenters, in the order they were chosen.
        topic: The topic, or ``None`` when the backlog ran out (the presenter chooses).
        candidates: How many people could present that day.
        fewest_turns: The fewest turns any of them had (when re-planning,
            counting kept turns later in the period).
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


_TURNS_KEYS: Final = {
    ChoiceBasis.FEWEST: "turns",
    ChoiceBasis.FEWEST_OF_THE_REST: "turns_rest",
    ChoiceBasis.FEWEST_IN_OTHER_TEAMS: "turns_other_teams",
    ChoiceBasis.KEPT: "turns_kept",
}
"""The text of each basis, after ``sharing.explain.`` and ``sharing.cli.why.``."""


def turns_key(prefix: str, choice: PresenterChoice) -> str:
    """The catalogue key saying how many turns ``choice`` had and among whom that was fewest."""
    return _plural(f"{prefix}.{_TURNS_KEYS[choice.basis]}", choice.turns_before)


def team_key(prefix: str, choice: PresenterChoice) -> str:
    """The catalogue key saying whether ``choice``'s team presented at the previous session."""
    if not choice.same_team_as_previous:
        return f"{prefix}.other_team"
    return f"{prefix}.same_team_kept" if choice.basis is ChoiceBasis.KEPT else f"{prefix}.same_team"


def _explain_choice(assignment: Assignment, choice: PresenterChoice, locale: Locale) -> str:
    first = assignment.presenters[0]
    turns = translate(
        turns_key("sharing.explain", choice),
        locale,
        person=choice.person,
        team=choice.team,
        turns=choice.turns_before,
        candidates=assignment.candidates,
        first=first.person,
        first_team=first.team,
    )
    parts = [turns]
    if choice.kept_later:
        key = _plural("sharing.explain.kept_later", choice.kept_later)
        parts.append(translate(key, locale, count=choice.kept_later))
    if choice.last_presented is not None:
        date = choice.last_presented.isoformat()
        parts.append(translate("sharing.explain.last_presented", locale, date=date))
    parts.append(translate(team_key("sharing.explain", choice), locale))
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
    ago, then the first in a shuffle of the roster's ids by ``seed``. When
    re-planning, the kept turns of the period count from the start, and the
    nearest turn, last or kept to come, must be furthest away. A pair's
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
      topic; only the others are chosen anew. Each kept turn counts from the
      start of the plan (a person kept for a later session counts that turn
      when a replacement is chosen), and in the last tie-break a kept turn to
      come is as near as a past turn at the same distance, so a replacement
      presents next to one of their own turns only when everyone else with
      the fewest turns, from a team that did not present before, does too.
      Rules (b) to (d) then hold with these counts.

    * Explanations: each :class:`PresenterChoice` records its
      :class:`ChoiceBasis`, among whom the person had the fewest turns (all
      candidates, the rest after the first of a pair, or the other teams), or
      that the assignment was kept, and :meth:`Assignment.explain` says only that.

    Any iterable works for ``topics``, ``absences``, ``history``,
    ``volunteers`` and ``eligible``; each is read once.

    Raises:
        InvalidDataError: naming the argument, every problem at once: an
            argument of the wrong type (``topics``, ``absences`` or ``history``
            not a collection of :class:`Topic`, :class:`Absence` or
            :class:`Turn`, ``volunteers`` or ``eligible`` not a collection of
            ids, ``cross_team_pairs`` not a bool, ``seed`` not a whole number),
            an unknown person in ``absences``, ``volunteers`` or ``eligible``,
            ``presenters`` other than 1 or 2, a negative ``newcomer_weeks``,
            or a ``keep`` plan of another series.
    """
    given = _check_arguments(
        series,
        roster,
        period,
        _Given(
            topics=topics,
            absences=absences,
            history=history,
            seed=seed,
            presenters=presenters,
            cross_team_pairs=cross_team_pairs,
            newcomer_weeks=newcomer_weeks,
            volunteers=volunteers,
            eligible=eligible,
            keep=keep,
        ),
    )
    absence_list = list(given.absences)
    ids = sorted(given.pool)
    # The tie-break order depends on the roster's ids and the seed only.
    shuffled = sorted(person.id for person in roster)
    random.Random(seed).shuffle(shuffled)
    pool = _Pool(
        people={person: roster.person(person) for person in ids},
        absences=_absences_by_person(absence_list),
        newcomer_days=7 * newcomer_weeks,
        volunteers=given.volunteers,
        rank={person: index for index, person in enumerate(shuffled)},
    )
    ids.sort(key=pool.rank.__getitem__)  # candidates in rank order (see _State.best)
    expansion = expand(series, period)
    kept = {a.session.id: a for a in keep.assignments} if keep is not None else {}
    state = _State.from_history(given.history, roster)
    keepable = [
        kept[s.id] for s in expansion.sessions if s.id in kept and _keepable(kept[s.id], s, pool)
    ]
    kept_topics = {a.topic.id for a in keepable if a.topic is not None}
    for earlier in keepable:  # kept turns count from the start (see _State.ahead)
        for person in earlier.people:
            state.ahead.setdefault(person, []).append(earlier.session.held_on)
    keepable_ids = {a.session.id for a in keepable}
    fresh = [t for t in given.topics if t.id not in kept_topics]
    queue = list(choose_topics(fresh, len(expansion.sessions)))
    assignments: list[Assignment] = []
    unfilled: list[Session] = []
    away = pool.away_on(sorted({session.held_on for session in expansion.sessions}))
    for session in expansion.sessions:
        day = session.held_on
        candidates = pool.candidates(ids, day, away.get(day, frozenset()))
        if session.id in keepable_ids:
            previous = kept[session.id]
            state.arrive(previous.people)
            fewest = state.fewest(candidates)
            chosen = [(person, ChoiceBasis.KEPT) for person in previous.people]
            topic, was_kept = previous.topic, True
        elif candidates:
            fewest = state.fewest(candidates)
            chosen = _choose(candidates, fewest, day, pool, state, (presenters, cross_team_pairs))
            topic, was_kept = (queue.pop(0) if queue else None), False
        else:
            unfilled.append(session)
            continue
        assignments.append(
            _assignment(
                session, chosen, topic, (len(candidates), fewest), pool, state, was_kept, presenters
            )
        )
        state.record([person for person, _ in chosen], day, pool)
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
    """Turns so far and the teams of the previous session, updated session by session.

    ``ahead`` holds, per person, the days of their kept turns still to come
    (re-planning only): they count as turns from the start of the plan, so a
    replacement goes to someone without a kept turn later when counts allow.
    """

    turns: Counter[str]
    last: dict[str, dt.date]
    previous_teams: frozenset[str]
    ahead: dict[str, list[dt.date]] = attrs.field(factory=dict)

    @classmethod
    def from_history(cls, history: Iterable[Turn], roster: Roster) -> _State:
        turns: Counter[str] = Counter()
        last: dict[str, dt.date] = {}
        for turn in history:
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

    def count(self, person: str) -> int:
        """The turns that count for ``person``: so far, plus kept turns still to come."""
        return self.turns.get(person, 0) + len(self.ahead.get(person, ()))

    def fewest(self, people: list[str]) -> int:
        """The fewest turns that count of any of ``people`` (0 for nobody)."""
        if not self.ahead:
            return min(map(self.turns.get, people, itertools.repeat(0)), default=0)
        return min(map(self.count, people), default=0)

    def arrive(self, kept: tuple[str, ...]) -> None:
        """A kept session is reached: its turns are no longer still to come."""
        for person in kept:
            days = self.ahead[person]
            del days[0]
            if not days:
                del self.ahead[person]

    def best(self, people: list[str], day: dt.date, pool: _Pool, fewest: int | None = None) -> str:
        """The one of ``people`` (not empty) the rotation picks next on ``day``.

        First by fewest turns, then not from the previous session's teams, then
        the nearest turn (the last one, or a kept one still to come) furthest
        from ``day``, then rank, compared in that order.
        """
        if fewest is None:
            fewest = self.fewest(people)
        if self.ahead:
            tier = [person for person in people if self.count(person) == fewest]
        else:
            turns = self.turns
            tier = [person for person in people if turns.get(person, 0) == fewest]
        teams, previous = pool.teams, self.previous_teams
        tier = [person for person in tier if teams[person] not in previous] or tier
        last, rank, ahead = self.last, pool.rank, self.ahead
        if any(person in ahead for person in tier):
            return min(tier, key=lambda person: (-self._gap(person, day), rank[person]))
        # ``people`` come in rank order, so of those who never presented (all alike
        # by the last turn) only the first can win: the rest need not be compared.
        never = next((person for person in tier if person not in last), None)
        finalists = [person for person in tier if person in last]
        if never is not None:
            finalists.append(never)
        return min(finalists, key=lambda person: (last.get(person, dt.date.min), rank[person]))

    def _gap(self, person: str, day: dt.date) -> int:
        """Days from ``day`` to ``person``'s nearest turn, before or kept after."""
        gaps = [(day - self.last[person]).days] if person in self.last else []
        if person in self.ahead:
            gaps.append((self.ahead[person][0] - day).days)
        return min(gaps, default=(day - dt.date.min).days)

    def record(self, chosen: list[str], day: dt.date, pool: _Pool) -> None:
        for person in chosen:
            self.turns[person] += 1
            self.last[person] = day
        self.previous_teams = frozenset(pool.people[person].team for person in chosen)


def _choose(  # noqa: PLR0917 - a private helper with one caller
    candidates: list[str],
    fewest: int,
    day: dt.date,
    pool: _Pool,
    state: _State,
    rules: tuple[int, bool],
) -> list[tuple[str, ChoiceBasis]]:
    presenters, cross_team = rules
    first = state.best(candidates, day, pool, fewest)
    if presenters == 1 or len(candidates) == 1:
        return [(first, ChoiceBasis.FEWEST)]
    rest = [person for person in candidates if person != first]
    basis = ChoiceBasis.FEWEST_OF_THE_REST
    if cross_team:
        first_team = pool.teams[first]
        other_teams = [person for person in rest if pool.teams[person] != first_team]
        if other_teams:
            rest, basis = other_teams, ChoiceBasis.FEWEST_IN_OTHER_TEAMS
    return [(first, ChoiceBasis.FEWEST), (state.best(rest, day, pool), basis)]


def _assignment(  # noqa: PLR0917 - a private helper with one caller
    session: Session,
    chosen: list[tuple[str, ChoiceBasis]],
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
            kept_later=0 if basis is ChoiceBasis.KEPT else len(state.ahead.get(person, ())),
            last_presented=state.last.get(person),
            same_team_as_previous=pool.people[person].team in state.previous_teams,
            basis=basis,
        )
        for person, basis in chosen
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


@attrs.frozen(kw_only=True)
class _Given:
    """The arguments of :func:`plan` as given, before they are checked."""

    topics: object
    absences: object
    history: object
    seed: object
    presenters: object
    cross_team_pairs: object
    newcomer_weeks: object
    volunteers: object
    eligible: object
    keep: object


@attrs.frozen(kw_only=True)
class _Checked:
    """The arguments of :func:`plan`, checked and each iterable read once."""

    topics: tuple[Topic, ...]
    absences: tuple[Absence, ...]
    history: tuple[Turn, ...]
    volunteers: frozenset[str]
    pool: frozenset[str]


def _read(values: object, kind: type, field: str, problems: list[Problem]) -> tuple[object, ...]:
    """``values`` read once into a tuple; a string or a non-iterable adds a problem."""
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        problems.append(Problem(field, values, f"must be a collection of {kind.__name__} values"))
        return ()
    return tuple(cast("Iterable[object]", values))


def _check_arguments(series: object, roster: object, period: object, given: _Given) -> _Checked:
    problems: list[Problem] = []
    for name, value, kind in (
        ("series", series, SessionSeries),
        ("roster", roster, Roster),
        ("period", period, Period),
    ):
        if not isinstance(value, kind):
            problems.append(Problem(name, value, f"must be a {kind.__name__}"))
    if given.presenters not in (1, 2) or isinstance(given.presenters, bool):
        problems.append(Problem("presenters", given.presenters, "must be 1 or 2"))
    if not isinstance(given.cross_team_pairs, bool):
        problems.append(Problem("cross_team_pairs", given.cross_team_pairs, "must be a bool"))
    if not isinstance(given.seed, int) or isinstance(given.seed, bool):
        problems.append(Problem("seed", given.seed, "must be a whole number"))
    if isinstance(given.newcomer_weeks, bool) or not (
        isinstance(given.newcomer_weeks, int) and given.newcomer_weeks >= 0
    ):
        problems.append(
            Problem("newcomer_weeks", given.newcomer_weeks, "must be a whole number >= 0")
        )
    topics = _validate.items_of(
        _read(given.topics, Topic, "topics", problems), Topic, "topics", problems
    )
    history = _validate.items_of(
        _read(given.history, Turn, "history", problems), Turn, "history", problems
    )
    absences = _read(given.absences, Absence, "absences", problems)
    _validate.items_of(absences, Absence, "absences", problems)
    ids = {
        name: _validate.items_of(_read(value, str, name, problems), str, name, problems)
        for name, value in (("volunteers", given.volunteers), ("eligible", given.eligible))
        if value is not None
    }
    keep = given.keep
    if keep is not None and (
        not isinstance(keep, Plan)
        or not isinstance(series, SessionSeries)
        or keep.series != series.id
    ):
        shown = getattr(keep, "series", keep)
        series_id = getattr(series, "id", series)
        problems.append(Problem("keep", shown, f"must be a plan of the series {series_id}"))
    known: frozenset[str] = frozenset()
    if isinstance(roster, Roster):
        known = frozenset(person.id for person in roster)
        for name, found in ids.items():
            unknown = sorted(set(found) - known)
            if unknown:
                problems.append(Problem(name, unknown, "are not on the roster"))
        problems += [
            Problem(f"absences[{index}].person", absence.person, "is not on the roster")
            for index, absence in enumerate(absences)
            if isinstance(absence, Absence) and absence.person not in known
        ]
    if problems:
        raise InvalidDataError(problems)
    return _Checked(
        topics=topics,
        absences=cast("tuple[Absence, ...]", absences),
        history=history,
        volunteers=frozenset(ids.get("volunteers", ())),
        pool=frozenset(ids["eligible"]) if "eligible" in ids else known,
    )


def _absences_by_person(absences: list[Absence]) -> dict[str, tuple[Period, ...]]:
    found: dict[str, list[Period]] = {}
    for absence in absences:
        found.setdefault(absence.person, []).append(absence.period)
    return {person: tuple(periods) for person, periods in found.items()}
