"""Strategies for :mod:`learnkit.mentoring`: cohorts, rules, results and mentorships."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any, cast

import attrs
from hypothesis import strategies as st

from learnkit import _validate
from learnkit.exceptions import InvalidDataError
from learnkit.i18n import catalogue, placeholders
from learnkit.mentoring._check import Violation
from learnkit.mentoring._check import check_matching as _check_matching
from learnkit.mentoring._lifecycle import (
    CheckIn,
    CheckInCadence,
    DueCheckIn,
    Mentorship,
    MentorshipStatus,
)
from learnkit.mentoring._match import Certificate, Match, MatchResult, Suggestion, Unmatched
from learnkit.mentoring._match import optimal as _optimal
from learnkit.mentoring._match import stable as _stable
from learnkit.mentoring._match import suggestions as _suggestions
from learnkit.mentoring._model import (
    MAX_CAPACITY,
    Cohort,
    MenteeRequest,
    MentorOffer,
    Pair,
    Pairing,
    Want,
)
from learnkit.mentoring._rules import (
    CrossTeam,
    HardRule,
    MinimumExperience,
    NotInLineOfManagement,
    NotPairedRecently,
    ParamValue,
    PreferenceRank,
    Reason,
    Rules,
    Score,
    SharedLanguage,
    SkillCoverage,
    SoftRule,
    TimeZoneOverlap,
    Verdict,
    default_rules,
)
from learnkit.mentoring._scoring import PairExplanation, ScorePart, explain_pair, score_cohort
from learnkit.people import Roster
from learnkit.strategies._foundation import (
    _FIRST_NAMES,
    _SKILL_NAMES,
    DEFAULT_MAX_DATE,
    DEFAULT_MIN_DATE,
    _dates,
    _default_dates,
    _ids,
    _languages,
    _require_span,
    _skill_names,
    _texts,
    rosters,
)

__all__ = [
    "certificates",
    "check_in_cadences",
    "check_ins",
    "cohorts",
    "due_check_ins",
    "hard_rules",
    "match_results",
    "matches",
    "mentee_requests",
    "mentor_offers",
    "mentorships",
    "pairings",
    "pairs",
    "reasons",
    "rules_sets",
    "soft_rules",
    "suggestions",
    "unmatched_mentees",
    "violations",
    "wants",
]


_TOPICS = ("onboarding", "karriere", "at holde oplæg", "kodegennemgang", "forhandling")
_wants_names = st.one_of(st.sampled_from(_SKILL_NAMES + _TOPICS), _skill_names)
_weights = st.one_of(st.sampled_from((1.0, 0.0, 2.0, 3.0)), st.floats(0.0, 10.0, allow_nan=False))


def wants(*, names: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Want]:
    """Wants with a priority from 1 to 3 and a skill or topic name.

    Args:
        names: Where names come from; common skills, topics and any text by default.
    """
    return st.builds(
        Want, name=_wants_names if names is None else names, priority=st.integers(1, 3)
    )


def mentor_offers(
    *, mentors: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[MentorOffer]:
    """Offers with a capacity from 1 to 5 and maybe skills, topics and languages.

    An offer alone names a mentor only a cohort can check; use :func:`cohorts`
    for offers by people in the roster.

    Args:
        mentors: Where mentor ids come from; any id by default.
    """
    return st.builds(
        MentorOffer,
        mentor=_ids if mentors is None else mentors,
        capacity=st.integers(1, MAX_CAPACITY),
        skills=st.frozensets(_skill_names, max_size=3),
        topics=st.frozensets(st.sampled_from(_TOPICS), max_size=2),
        languages=_languages,
    )


def mentee_requests(
    *,
    mentees: st.SearchStrategy[str] | None = None,
    mentors: Iterable[str] = (),
) -> st.SearchStrategy[MenteeRequest]:
    """Requests with up to four wants (unique names) and preferences among ``mentors``.

    Args:
        mentees: Where mentee ids come from; any id by default.
        mentors: The ids preferences are ranked from (the mentee itself is
            skipped); none by default, so no preferences.
    """
    return _mentee_requests(mentees=_ids if mentees is None else mentees, mentors=tuple(mentors))


def _want_name(want: Want) -> str:
    return want.name


@st.composite
def _mentee_requests(
    draw: st.DrawFn, *, mentees: st.SearchStrategy[str], mentors: tuple[str, ...]
) -> MenteeRequest:
    mentee = draw(mentees)
    candidates = [mentor for mentor in mentors if mentor != mentee]
    ranked: list[str] = []
    if candidates:
        ranked = draw(st.lists(st.sampled_from(candidates), unique=True, max_size=4))
    return MenteeRequest(
        mentee=mentee,
        wants=draw(st.lists(wants(), max_size=4, unique_by=_want_name)),
        preferences=ranked,
    )


def pairs(*, ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Pair]:
    """Pairs of two different ids.

    Args:
        ids: Where both ids come from; any id by default.
    """
    people = _ids if ids is None else ids
    return st.tuples(people, people).filter(_distinct).map(lambda two: Pair(*two))


def _distinct(two: tuple[str, str]) -> bool:
    return two[0] != two[1]


def pairings(
    *,
    ids: st.SearchStrategy[str] | None = None,
    min_date: dt.date = DEFAULT_MIN_DATE,
    max_date: dt.date = DEFAULT_MAX_DATE,
) -> st.SearchStrategy[Pairing]:
    """Earlier pairings of two different people, ongoing or ended within two years of starting.

    Args:
        ids: Where both ids come from; any id by default.
        min_date: The earliest start.
        max_date: The latest start.

    Raises:
        InvalidDataError: ``max_date`` is before ``min_date``.
    """
    _require_span(min_date, max_date)
    return st.builds(
        _pairing,
        pairs(ids=ids),
        _dates(min_date, max_date),
        st.none() | st.integers(0, 730),
    )


def _pairing(pair: Pair, started: dt.date, days: int | None) -> Pairing:
    ended = None
    if days is not None:
        ended = min(
            started + dt.timedelta(days=min(days, (dt.date.max - started).days)), dt.date.max
        )
    return Pairing(mentor=pair.mentor, mentee=pair.mentee, started=started, ended=ended)


_ROLES_IN_COHORT = ("mentee", "mentor", "both", "none")
_WITH_MENTOR = {"none": "mentor", "mentee": "both", "mentor": "mentor", "both": "both"}
_WITH_MENTEE = {"none": "mentee", "mentor": "both", "mentee": "mentee", "both": "both"}


def cohorts(
    *,
    rosters: st.SearchStrategy[Roster] | None = None,
    as_of: st.SearchStrategy[dt.date] | None = None,
    min_mentors: int = 0,
    min_mentees: int = 0,
    max_history: int = 4,
    max_locked: int = 2,
    max_forbidden: int = 2,
    rules: Rules | None = None,
) -> st.SearchStrategy[Cohort]:
    """Valid cohorts: offers and requests over a roster's people, history, locked and forbidden.

    Guarantees, beyond what :class:`~learnkit.mentoring.Cohort` itself checks:
    people who mentor, who ask, who do both and who do neither; wants named
    after the people's skills and common topics; preferences among the
    mentors; earlier pairings of people in the roster up to five years before
    ``as_of`` (some ongoing); forbidden pairs between mentors and mentees; and
    locked pairs that ``rules``' hard rules allow, within each mentor's
    capacity, so the matchers
    accept the cohort. Shrinks towards few people, no history and nothing
    locked or forbidden.

    Args:
        rosters: Where rosters come from; :func:`rosters` with 1 to 12 people by
            default (and at least ``min_mentors`` and ``min_mentees``); rosters
            with fewer people than either minimum are skipped.
        as_of: Where the cohort's date comes from; 2000 to 2039 by default.
        min_mentors: The fewest offers.
        min_mentees: The fewest requests.
        max_history: The most earlier pairings.
        max_locked: The most locked pairs.
        max_forbidden: The most forbidden pairs.
        rules: The rules locked pairs respect; :func:`~learnkit.mentoring.default_rules`
            by default (``Rules(hard=(), soft=())`` to lock any pair).

    Raises:
        InvalidDataError: a count is negative.
    """
    for name, value in (
        ("min_mentors", min_mentors),
        ("min_mentees", min_mentees),
        ("max_history", max_history),
        ("max_locked", max_locked),
        ("max_forbidden", max_forbidden),
    ):
        _validate.require_count(value, name)
    least = max(min_mentors, min_mentees, 1)
    if rosters is None:
        rosters = _default_cohort_rosters if least == 1 else _cohort_rosters(least)
    else:
        rosters = rosters.filter(lambda roster: len(roster) >= least)
    return _cohorts(
        rosters=rosters,
        as_of=_default_dates if as_of is None else as_of,
        least=(min_mentors, min_mentees),
        most=(max_history, max_locked, max_forbidden),
        rules=rules,
    )


def _cohort_rosters(least: int) -> st.SearchStrategy[Roster]:
    return rosters(min_size=least, max_size=max(12, least))


_default_cohort_rosters = st.deferred(lambda: _cohort_rosters(1))


@st.composite
def _cohorts(
    draw: st.DrawFn,
    *,
    rosters: st.SearchStrategy[Roster],
    as_of: st.SearchStrategy[dt.date],
    least: tuple[int, int],
    most: tuple[int, int, int],
    rules: Rules | None,
) -> Cohort:
    roster = draw(rosters)
    people = list(roster)
    day = draw(as_of)
    roles = draw(
        st.lists(st.sampled_from(_ROLES_IN_COHORT), min_size=len(people), max_size=len(people))
    )
    # Fill up to the minimums from the front (adding roles, never taking one away),
    # so shrinking still ends somewhere small.
    for index in range(len(roles)):
        if sum(role in ("mentor", "both") for role in roles) < least[0]:
            roles[index] = _WITH_MENTOR[roles[index]]
        if sum(role in ("mentee", "both") for role in roles) < least[1]:
            roles[index] = _WITH_MENTEE[roles[index]]
    mentor_ids = [p.id for p, role in zip(people, roles, strict=True) if role in ("mentor", "both")]
    mentee_ids = [p.id for p, role in zip(people, roles, strict=True) if role in ("mentee", "both")]
    topics = sorted({skill.name for person in people for skill in person.skills} | set(_TOPICS))
    offers = []
    for person in people:
        if person.id not in mentor_ids:
            continue
        own = sorted(skill.name for skill in person.skills)
        offered = draw(st.lists(st.sampled_from(own), unique=True, max_size=3)) if own else []
        offers.append(
            MentorOffer(
                mentor=person.id,
                capacity=draw(st.integers(1, MAX_CAPACITY)),
                skills=offered,
                topics=draw(st.frozensets(st.sampled_from(_TOPICS), max_size=2)),
                languages=draw(st.just(frozenset()) | _languages),
            )
        )
    requests = [
        draw(_cohort_requests(mentee=mentee, mentors=tuple(mentor_ids), names=tuple(topics)))
        for mentee in mentee_ids
    ]
    history: list[Pairing] = []
    if len(people) >= 2:
        ids = st.sampled_from([person.id for person in people])
        first = max(DEFAULT_MIN_DATE, day - dt.timedelta(days=5 * 365))
        history = draw(st.lists(pairings(ids=ids, min_date=first, max_date=day), max_size=most[0]))
    candidates = [Pair(m, e) for m in mentor_ids for e in mentee_ids if m != e]
    forbidden: list[Pair] = []
    if candidates:
        forbidden = draw(st.lists(st.sampled_from(candidates), unique=True, max_size=most[2]))
    cohort = Cohort(
        roster=roster,
        as_of=day,
        offers=offers,
        requests=requests,
        history=history,
        forbidden=forbidden,
    )
    return attrs.evolve(cohort, locked=draw(_locked_pairs(cohort, rules, most[1])))


@st.composite
def _cohort_requests(
    draw: st.DrawFn, *, mentee: str, mentors: tuple[str, ...], names: tuple[str, ...]
) -> MenteeRequest:
    candidates = [mentor for mentor in mentors if mentor != mentee]
    ranked = (
        draw(st.lists(st.sampled_from(candidates), unique=True, max_size=4)) if candidates else []
    )
    chosen = draw(st.lists(st.sampled_from(names), unique=True, max_size=3))
    return MenteeRequest(
        mentee=mentee,
        wants=[Want(name, draw(st.integers(1, 3))) for name in chosen],
        preferences=ranked,
    )


def _locked_pairs(cohort: Cohort, rules: Rules | None, most: int) -> st.SearchStrategy[list[Pair]]:
    if most == 0 or not cohort.offers or not cohort.requests:
        return st.just([])
    scored = score_cohort(cohort, default_rules() if rules is None else rules)
    allowed = [
        Pair(scored.mentors[j], mentee)
        for mentee, columns in zip(scored.mentees, scored.allowed, strict=True)
        for j in columns
    ]
    if not allowed:
        return st.just([])
    capacity = {offer.mentor: offer.capacity for offer in cohort.offers}

    def fitting(chosen: list[Pair]) -> list[Pair]:
        # Keep the first pair per mentee and at most capacity pairs per mentor.
        kept: list[Pair] = []
        used: dict[str, int] = {}
        placed: set[str] = set()
        for pair in chosen:
            if pair.mentee in placed or used.get(pair.mentor, 0) >= capacity[pair.mentor]:
                continue
            kept.append(pair)
            placed.add(pair.mentee)
            used[pair.mentor] = used.get(pair.mentor, 0) + 1
        return kept

    return st.lists(st.sampled_from(allowed), unique=True, max_size=most).map(fitting)


_hard_rule_strategies: Mapping[type, st.SearchStrategy[Any]] = {
    NotInLineOfManagement: st.just(NotInLineOfManagement()),
    MinimumExperience: st.builds(MinimumExperience, st.integers(0, 10)),
    SharedLanguage: st.just(SharedLanguage()),
    NotPairedRecently: st.builds(NotPairedRecently, st.integers(0, 36)),
}


def _zone_overlaps(weight: float, start: int, length: int) -> TimeZoneOverlap:
    return TimeZoneOverlap(weight=weight, start_hour=start, end_hour=min(24, start + length))


_soft_rule_strategies: Mapping[type, st.SearchStrategy[Any]] = {
    SkillCoverage: st.builds(SkillCoverage, _weights),
    CrossTeam: st.builds(CrossTeam, weight=_weights),
    TimeZoneOverlap: st.builds(_zone_overlaps, _weights, st.integers(0, 23), st.integers(1, 12)),
    PreferenceRank: st.builds(PreferenceRank, _weights),
}


def hard_rules() -> st.SearchStrategy[HardRule]:
    """The built-in hard rules with random parameters.

    :class:`~learnkit.mentoring.MinimumExperience` asks for 0 to 10 years,
    :class:`~learnkit.mentoring.NotPairedRecently` a pause of 0 to 36 months,
    and :class:`~learnkit.mentoring.CrossTeam` comes with ``hard=True``.
    """
    return st.one_of(*_hard_rule_strategies.values(), st.just(CrossTeam(hard=True)))


def soft_rules() -> st.SearchStrategy[SoftRule]:
    """The built-in soft rules with random weights (0 to 10, often whole) and hours."""
    return st.one_of(*_soft_rule_strategies.values())


def _rule_name(rule: HardRule | SoftRule) -> str:
    return rule.name


def rules_sets(*, max_hard: int = 5, max_soft: int = 4) -> st.SearchStrategy[Rules]:
    """Valid :class:`~learnkit.mentoring.Rules`: some built-in rules in any order, names unique.

    Includes no rules at all, soft rules whose weights sum to 0, and a hard
    :class:`~learnkit.mentoring.CrossTeam` (then no soft one). Shrinks towards
    no rules.

    Args:
        max_hard: The most hard rules.
        max_soft: The most soft rules.

    Raises:
        InvalidDataError: a count is negative.
    """
    _validate.require_count(max_hard, "max_hard")
    _validate.require_count(max_soft, "max_soft")
    return _rules_sets(max_hard=max_hard, max_soft=max_soft)


@st.composite
def _rules_sets(draw: st.DrawFn, *, max_hard: int, max_soft: int) -> Rules:
    hard = draw(st.lists(hard_rules(), max_size=max_hard, unique_by=_rule_name))
    taken = {rule.name for rule in hard}
    soft = draw(
        st.lists(
            soft_rules().filter(lambda rule: rule.name not in taken),
            max_size=max_soft,
            unique_by=_rule_name,
        )
    )
    return Rules(hard=hard, soft=soft)


_REASON_KEYS = tuple(
    sorted(key for key in catalogue("en") if key.startswith("reason.") and key != "reason.custom")
)
_param_texts = st.one_of(st.sampled_from(_FIRST_NAMES), _texts(_FIRST_NAMES, max_size=12))


def reasons() -> st.SearchStrategy[Reason]:
    """Reasons that render in both languages: a catalogue key with its parameters, or custom text.

    Parameters are filled with names, numbers and ISO dates as the rules use
    them; ``languages`` parameters hold language codes.
    """
    return st.one_of(
        _catalogue_reasons(),
        st.builds(lambda da, en: Reason.text(da=da, en=en), _param_texts, _param_texts),
    )


@st.composite
def _catalogue_reasons(draw: st.DrawFn) -> Reason:
    key = draw(st.sampled_from(_REASON_KEYS))
    params: dict[str, ParamValue] = {}
    details: list[Reason] = []
    for name in sorted(placeholders(catalogue("en")[key])):
        if name == "details":
            details = draw(st.lists(_detail_reasons, min_size=1, max_size=3))
        elif name.endswith("languages"):
            params[name] = ",".join(sorted(draw(_languages)))
        else:
            params[name] = draw(st.one_of(_param_texts, st.integers(0, 40)))
    return Reason(key, params, details)


_detail_reasons = st.one_of(
    st.builds(lambda want: Reason("reason.skills.topic", {"want": want}), _wants_names),
    st.builds(
        lambda want, level, own: Reason(
            "reason.skills.level", {"want": want, "level": level, "own": own}
        ),
        _wants_names,
        st.integers(1, 5),
        st.integers(0, 4),
    ),
)


def _verdicts() -> st.SearchStrategy[Verdict]:
    return st.builds(Verdict, st.booleans(), reasons())


def _scores() -> st.SearchStrategy[Score]:
    return st.builds(Score, st.floats(0.0, 1.0), reasons())


def _score_parts() -> st.SearchStrategy[ScorePart]:
    return st.builds(
        ScorePart,
        rule=_texts(_SKILL_NAMES),
        weight=_weights,
        value=st.floats(0.0, 1.0),
        reason=reasons(),
    )


@st.composite
def _pair_explanations(draw: st.DrawFn) -> PairExplanation:
    cohort = draw(cohorts(min_mentors=1, min_mentees=1, max_locked=0))
    rules = draw(rules_sets())
    mentor = draw(st.sampled_from(cohort.mentors))
    mentee = draw(st.sampled_from(cohort.mentees))
    return explain_pair(cohort, rules, mentor, mentee)


def _constant(strategy: st.SearchStrategy[Any]) -> Callable[[], st.SearchStrategy[Any]]:
    def factory() -> st.SearchStrategy[Any]:
        return strategy

    return factory


# --- mentorships (learnkit.mentoring._lifecycle) -------------------------------------

_REFLECTIONS = (
    "Jeg tør nu spørge i stedet for at gætte.",
    "Vi lærte at parprogrammere og skrev en tjekliste sammen.",
    "Tak for et godt forløb.",
)
_CANCEL_REASONS = ("Mentor på orlov", "Mentee skifter team", "Omstrukturering")
_CHECK_IN_NOTES = ("Onboarding", "Feedback og fejlkultur", "Første kodegennemgang")
_LATEST_PROPOSAL = dt.date(9990, 12, 31)


def mentorships(
    *,
    statuses: Iterable[MentorshipStatus] = tuple(MentorshipStatus),
    ids: st.SearchStrategy[str] | None = None,
    person_ids: st.SearchStrategy[str] | None = None,
    min_date: dt.date = DEFAULT_MIN_DATE,
    max_date: dt.date = DEFAULT_MAX_DATE,
) -> st.SearchStrategy[Mentorship]:
    """Valid mentorships in one of ``statuses``, their dates in order.

    Guarantees: mentor and mentee differ; exactly the fields the status needs
    are set; ``proposed_on`` lies in ``min_date..max_date`` and the later dates
    follow it (the start within 60 days of the proposal, the planned end 1 to
    730 days after the start, the end or the cancellation within 800 days of
    the start or the proposal), so they may lie after ``max_date``. A cancelled
    mentorship may have started or not. Shrinks towards a proposal.

    Args:
        statuses: The statuses to pick from, the first one being where
            shrinking ends; every status by default.
        ids: Where mentorship ids come from; any id by default.
        person_ids: Where the mentor's and mentee's ids come from; any id by default.
        min_date: The earliest ``proposed_on``.
        max_date: The latest ``proposed_on``; at most 9990-12-31, so the later
            dates still exist.

    Raises:
        InvalidDataError: ``statuses`` is empty or holds something else than a
            status, or the dates are out of order or too late.
    """
    chosen = tuple(statuses)
    if not chosen or not all(isinstance(status, MentorshipStatus) for status in chosen):
        raise InvalidDataError.single("statuses", statuses, "must name at least one status")
    _require_span(min_date, max_date)
    if max_date > _LATEST_PROPOSAL:
        raise InvalidDataError.single(
            "max_date", max_date, "must be at most 9990-12-31, so the later dates exist"
        )
    return _mentorships(
        statuses=st.sampled_from(chosen),
        ids=_ids if ids is None else ids,
        person_ids=_ids if person_ids is None else person_ids,
        proposed=_dates(min_date, max_date),
    )


def _days_after(day: dt.date, low: int, high: int) -> st.SearchStrategy[dt.date]:
    return st.integers(low, high).map(lambda days: day + dt.timedelta(days=days))


@st.composite
def _mentorships(
    draw: st.DrawFn,
    *,
    statuses: st.SearchStrategy[MentorshipStatus],
    ids: st.SearchStrategy[str],
    person_ids: st.SearchStrategy[str],
    proposed: st.SearchStrategy[dt.date],
) -> Mentorship:
    mentor = draw(person_ids)
    mentee = draw(person_ids.filter(lambda mentee: mentee != mentor))
    status = draw(statuses)
    proposed_on = draw(proposed)
    started_on = planned_end = ended_on = cancelled_on = None
    reflection = cancel_reason = None
    if status in (MentorshipStatus.ACTIVE, MentorshipStatus.ENDED) or (
        status is MentorshipStatus.CANCELLED and draw(st.booleans())
    ):
        started_on = draw(_days_after(proposed_on, 0, 60))
        planned_end = draw(_days_after(started_on, 1, 730))
    if status is MentorshipStatus.ENDED:
        ended_on = draw(_days_after(cast("dt.date", started_on), 0, 800))
        reflection = draw(_texts(_REFLECTIONS, max_size=200))
    if status is MentorshipStatus.CANCELLED:
        cancelled_on = draw(_days_after(started_on or proposed_on, 0, 800))
        cancel_reason = draw(_texts(_CANCEL_REASONS))
    return Mentorship(
        id=draw(ids),
        mentor=mentor,
        mentee=mentee,
        status=status,
        proposed_on=proposed_on,
        started_on=started_on,
        planned_end=planned_end,
        ended_on=ended_on,
        reflection=reflection,
        cancel_reason=cancel_reason,
        cancelled_on=cancelled_on,
    )


def check_in_cadences() -> st.SearchStrategy[CheckInCadence]:
    """Check-in cadences: the default, or any mix of realistic intervals.

    Every 1 to 62 days for 0 to 12 months, then every 1 to 12 months. Shrinks
    to the default (fortnightly for three months, then monthly).
    """
    return st.just(CheckInCadence()) | st.builds(
        CheckInCadence,
        early_interval_days=st.integers(1, 62),
        early_phase_months=st.integers(0, 12),
        later_interval_months=st.integers(1, 12),
    )


def check_ins(
    *,
    mentorship_ids: st.SearchStrategy[str] | None = None,
    min_date: dt.date = DEFAULT_MIN_DATE,
    max_date: dt.date = DEFAULT_MAX_DATE,
) -> st.SearchStrategy[CheckIn]:
    """Held check-ins on a day in ``min_date..max_date``, with or without a note.

    Args:
        mentorship_ids: Where the mentorship ids come from; any id by default.
        min_date: The earliest day.
        max_date: The latest day.

    Raises:
        InvalidDataError: ``max_date`` is before ``min_date``.
    """
    _require_span(min_date, max_date)
    return st.builds(
        CheckIn,
        mentorship=_ids if mentorship_ids is None else mentorship_ids,
        held_on=_dates(min_date, max_date),
        note=st.none() | _texts(_CHECK_IN_NOTES, max_size=200),
    )


def due_check_ins() -> st.SearchStrategy[DueCheckIn]:
    """Due check-ins as :func:`learnkit.mentoring.check_ins_due` reports them.

    Mentor and mentee differ; the day lies between ``DEFAULT_MIN_DATE``
    and ``DEFAULT_MAX_DATE``; 0 to 400 working days overdue.
    """
    return _due_check_ins()


@st.composite
def _due_check_ins(draw: st.DrawFn) -> DueCheckIn:
    mentor = draw(_ids)
    return DueCheckIn(
        mentorship=draw(_ids),
        mentor=mentor,
        mentee=draw(_ids.filter(lambda mentee: mentee != mentor)),
        scheduled=draw(_default_dates),
        days_overdue=draw(st.integers(0, 400)),
    )


# --- matching results (learnkit.mentoring._match and _check) -------------------------


def match_results(
    *, cohorts: st.SearchStrategy[Cohort] | None = None
) -> st.SearchStrategy[MatchResult]:
    """Genuine results of matching a generated cohort with the default rules.

    Each is what :func:`~learnkit.mentoring.optimal` (either objective) or
    :func:`~learnkit.mentoring.stable` returns, so it passes
    :func:`~learnkit.mentoring.check_matching`; change one with ``attrs.evolve``
    to test a checker. Shrinks towards a small cohort matched optimally.

    Args:
        cohorts: Where the cohorts come from; :func:`cohorts` with at least one
            mentor and one mentee by default.
    """
    return _cohorts_and_results(cohorts).map(lambda case: case[1])


def _cohorts_and_results(
    source: st.SearchStrategy[Cohort] | None = None,
) -> st.SearchStrategy[tuple[Cohort, MatchResult]]:
    chosen = cohorts(min_mentors=1, min_mentees=1) if source is None else source
    return st.tuples(chosen, st.sampled_from(("participation", "score", "stable"))).map(_solve)


def _solve(case: tuple[Cohort, str]) -> tuple[Cohort, MatchResult]:
    cohort, how = case
    if how == "stable":
        return cohort, _stable(cohort)
    return cohort, _optimal(cohort, objective="score" if how == "score" else "participation")


def matches() -> st.SearchStrategy[Match]:
    """Pairs taken from genuine results (see :func:`match_results`)."""
    return (
        match_results()
        .filter(lambda r: bool(r.matches))
        .flatmap(lambda r: st.sampled_from(r.matches))
    )


def unmatched_mentees() -> st.SearchStrategy[Unmatched]:
    """Unmatched mentees with their explanations, taken from genuine results."""
    return (
        match_results()
        .filter(lambda r: bool(r.unmatched))
        .flatmap(lambda r: st.sampled_from(r.unmatched))
    )


def certificates() -> st.SearchStrategy[Certificate]:
    """Optimality certificates of genuine optimal results."""
    return match_results().flatmap(
        lambda r: st.nothing() if r.certificate is None else st.just(r.certificate)
    )


def suggestions() -> st.SearchStrategy[Suggestion]:
    """Suggested mentors for the first mentee of a generated cohort, with their score parts."""
    return (
        cohorts(min_mentors=1, min_mentees=1)
        .map(lambda c: _suggestions(c, c.requests[0].mentee))
        .filter(bool)
        .flatmap(st.sampled_from)
    )


def violations() -> st.SearchStrategy[Violation]:
    """What :func:`~learnkit.mentoring.check_matching` finds when one pair is listed twice."""
    return (
        _cohorts_and_results()
        .filter(lambda case: bool(case[1].matches))
        .map(_doubled_pair_findings)
        .filter(bool)
        .flatmap(st.sampled_from)
    )


def _doubled_pair_findings(case: tuple[Cohort, MatchResult]) -> tuple[Violation, ...]:
    cohort, result = case
    flawed = attrs.evolve(result, matches=(*result.matches, result.matches[0]))
    return _check_matching(cohort, None, flawed)


FACTORIES: tuple[tuple[type, Callable[[], st.SearchStrategy[Any]]], ...] = (
    (Mentorship, mentorships),
    (CheckInCadence, check_in_cadences),
    (CheckIn, check_ins),
    (DueCheckIn, due_check_ins),
    (MatchResult, match_results),
    (Match, matches),
    (Unmatched, unmatched_mentees),
    (Certificate, certificates),
    (Suggestion, suggestions),
    (Violation, violations),
    (Want, wants),
    (MentorOffer, mentor_offers),
    (MenteeRequest, mentee_requests),
    (Pair, pairs),
    (Pairing, pairings),
    (Cohort, cohorts),
    (Reason, reasons),
    (Verdict, _verdicts),
    (Score, _scores),
    (ScorePart, _score_parts),
    (PairExplanation, _pair_explanations),
    (Rules, rules_sets),
    (HardRule, hard_rules),
    (SoftRule, soft_rules),
    *((cls, _constant(found)) for cls, found in _hard_rule_strategies.items()),
    *((cls, _constant(found)) for cls, found in _soft_rule_strategies.items()),
)
"""The default strategy of every public mentoring type, for ``st.from_type``."""
