"""Matching rules as values: hard rules allow or refuse a pair, soft rules score it.

A rule is any object with the documented protocol (:class:`HardRule` or
:class:`SoftRule`), so users write their own next to the built-ins; every
verdict and score carries a :class:`Reason` that renders in Danish and English.
:class:`Rules` composes them, and weights are plain data on the rules.

The pair score is the weighted mean of the soft rules' scores,
``sum(w * s) / sum(w)`` in [0, 1] (0 when the weights sum to 0), summed in the
order the rules are listed; the solvers use it as whole micro-points,
``round(score * 1_000_000)``, and are exact for those integers.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final, Protocol, TypeAlias, TypeVar, runtime_checkable

import attrs
from dateutil.relativedelta import relativedelta

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem, UnknownIdError
from learnkit.i18n import Locale, catalogue, check_locale, translate

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from learnkit.mentoring._model import Cohort, MenteeRequest, MentorOffer, Pairing
    from learnkit.people import Person

__all__ = [
    "CrossTeam",
    "HardRule",
    "MinimumExperience",
    "NotInLineOfManagement",
    "NotPairedRecently",
    "PreferenceRank",
    "Reason",
    "Rules",
    "Score",
    "SharedLanguage",
    "SkillCoverage",
    "SoftRule",
    "TimeZoneOverlap",
    "Verdict",
    "default_rules",
]

_T = TypeVar("_T")

ParamValue: TypeAlias = str | int | float
"""What a reason's parameter may hold."""

ReasonParams: TypeAlias = tuple[tuple[str, ParamValue], ...]
"""A reason's parameters: ``(name, value)`` pairs sorted by name."""

CUSTOM_REASON: Final = "reason.custom"
"""The key of a reason written by a user rule in both languages (see :meth:`Reason.text`)."""

RESERVED_NAMES: Final = frozenset({"self", "forbidden"})
"""Names the scoring uses for its own exclusions; no rule may take them."""

PRIORITY_WEIGHTS: Final[Mapping[int, int]] = {1: 3, 2: 2, 3: 1}
"""How much a want of each priority counts in :class:`SkillCoverage`."""


# --- reasons, verdicts, scores -------------------------------------------------------


def _params(value: object) -> object:
    # A mapping or pairs become pairs sorted by name, so equal reasons compare equal.
    if isinstance(value, Mapping):
        value = list(value.items())
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        return value
    items = tuple(tuple(item) if isinstance(item, list | tuple) else item for item in value)
    try:
        return tuple(sorted(items, key=lambda item: item[0]))
    except (TypeError, IndexError, KeyError):
        return items


def _as_tuple(value: object) -> object:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        return value
    return tuple(value)


def _check_params(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple):
        raise _validate.fail(attribute, value, "must be pairs of a name and a value")
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, item in enumerate(value):
        if not (isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str)):
            problems.append(Problem(f"params[{index}]", item, "must be a (name, value) pair"))
            continue
        name, param = item
        path = f"params[{name}]"
        if not name.isidentifier():
            problems.append(Problem(path, name, "must be a name such as 'mentor'"))
        if name in seen:
            problems.append(Problem(path, name, "is given twice"))
        seen.add(name)
        if isinstance(param, bool) or not isinstance(param, str | int | float):
            problems.append(Problem(path, param, "must be a string or a number"))
        elif isinstance(param, float) and not math.isfinite(param):
            problems.append(Problem(path, param, "must be a finite number"))
    if problems:
        raise InvalidDataError(problems)


def _language_names(codes: str, locale: Locale) -> str:
    texts = catalogue(locale)
    names = [texts.get(f"language.{code}", code) for code in codes.split(",") if code]
    return ", ".join(names) if names else "–"


def _is_reason(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    # Reason is not defined yet where its own field is declared, so it is looked up here.
    if not isinstance(value, Reason):
        raise _validate.fail(attribute, value, "must be a Reason")


@attrs.frozen
class Reason:
    """Why a rule decided as it did, as a catalogue key and its parameters.

    A reason is data (it serializes, compares and sorts its parameters by name)
    and becomes text only when rendered, in Danish or English. Built-in rules
    name people by their display names. A parameter whose name ends in
    ``languages`` holds ISO 639 codes separated by commas and is rendered as
    the languages' names; ``details`` are further reasons rendered into the
    ``{details}`` placeholder, separated by commas.

    Attributes:
        key: A key of the learnkit catalogues, e.g. ``"reason.language.shared"``.
        params: The values the text needs, as ``(name, value)`` pairs.
        details: Reasons listed inside this one (e.g. each covered skill).
    """

    key: str = attrs.field(validator=_validate.text)
    params: ReasonParams = attrs.field(default=(), converter=_params, validator=_check_params)
    details: tuple[Reason, ...] = attrs.field(
        default=(),
        converter=_as_tuple,
        validator=_validate.each(_is_reason),
    )

    @classmethod
    def text(cls, *, da: str, en: str) -> Reason:
        """A reason written out in both languages, for user rules.

        Raises:
            InvalidDataError: either text is empty or not a string.
        """
        texts: tuple[tuple[str, object], ...] = (("da", da), ("en", en))
        problems = [
            Problem(locale, text, "must be a non-empty string")
            for locale, text in texts
            if not isinstance(text, str) or not text.strip()
        ]
        if problems:
            raise InvalidDataError(problems)
        return cls(CUSTOM_REASON, (("da", da), ("en", en)))

    def render(self, locale: Locale) -> str:
        """The reason as a sentence in ``locale`` (``"da"`` or ``"en"``).

        Raises:
            InvalidDataError: the locale is unknown, or the key needs a parameter
                the reason does not have.
            UnknownIdError: no catalogue text has this key.
        """
        locale = check_locale(locale)
        params: dict[str, object] = dict(self.params)
        if self.key == CUSTOM_REASON:
            return translate(CUSTOM_REASON, locale, text=params.get(locale, ""))
        for name, value in self.params:
            if name.endswith("languages") and isinstance(value, str):
                params[name] = _language_names(value, locale)
        if self.details:
            params["details"] = ", ".join(detail.render(locale) for detail in self.details)
        return translate(self.key, locale, **params)


def trusted(cls: type[_T], **values: object) -> _T:
    """An instance of the attrs class ``cls`` built from values known to be valid.

    Explanations build thousands of reasons from data that was validated when
    the cohort and the rules were built; running every validator again would
    cost more than the rules themselves.
    """
    instance = object.__new__(cls)
    for name, value in values.items():
        object.__setattr__(instance, name, value)
    return instance


_new = object.__new__
_set = object.__setattr__


def make_reason(
    key: str, params: dict[str, ParamValue], details: tuple[Reason, ...] = ()
) -> Reason:
    """A :class:`Reason` from a built-in rule, built without validating again.

    See :func:`trusted`: the parameters come from validated data.
    """
    reason: Reason = _new(Reason)
    _set(reason, "key", key)
    # Sorted by name, as the public constructor keeps them, so the two compare equal.
    _set(reason, "params", tuple(sorted(params.items())))
    _set(reason, "details", details)
    return reason


@attrs.frozen
class Verdict:
    """A hard rule's decision on one pair.

    Attributes:
        allowed: Whether the pair may be matched.
        reason: Why, whichever way it went.
    """

    allowed: bool = attrs.field(validator=_validate.instance_of(bool))
    reason: Reason = attrs.field(validator=_validate.instance_of(Reason))


@attrs.frozen
class Score:
    """A soft rule's score for one pair.

    Attributes:
        value: From 0 (no fit) to 1 (the best fit).
        reason: Why this value.
    """

    value: float = attrs.field(validator=_validate.number_between(0.0, 1.0))
    reason: Reason = attrs.field(validator=_validate.instance_of(Reason))


# --- the protocols -------------------------------------------------------------------


@runtime_checkable
class HardRule(Protocol):
    """The protocol of a hard rule: a pair is allowed only when every hard rule allows it.

    Any object with these members is a hard rule; it need not inherit from
    this class. ``check`` must be a pure function of its arguments (same pair,
    same verdict) and is only asked about two different people who both take
    part: one with an offer, one with a request.
    """

    @property
    def name(self) -> str:
        """A name unique within a :class:`Rules`, used in explanations and exclusion counts."""

    def check(self, cohort: Cohort, offer: MentorOffer, request: MenteeRequest) -> Verdict:
        """Whether ``offer``'s mentor may mentor ``request``'s mentee, and why."""


@runtime_checkable
class SoftRule(Protocol):
    """The protocol of a soft rule: a score in [0, 1] for a pair, counted with a weight.

    Any object with these members is a soft rule. ``score`` must be a pure
    function of its arguments and is only asked about pairs every hard rule
    allows (and when a pair is explained).
    """

    @property
    def name(self) -> str:
        """A name unique within a :class:`Rules`."""

    @property
    def weight(self) -> float:
        """How much the score counts, a finite number >= 0."""

    def score(self, cohort: Cohort, offer: MentorOffer, request: MenteeRequest) -> Score:
        """How well ``offer``'s mentor fits ``request``'s mentee, and why."""


# --- helpers shared by the rules and the bulk scoring -----------------------------------


def offered_levels(person: Person, offer: MentorOffer) -> dict[str, int]:
    """The skills ``offer`` offers, each at the person's level (0 when they lack it)."""
    if not offer.skills:
        return {skill.name: skill.level for skill in person.skills}
    return {name: person.skill_level(name) for name in offer.skills}


def offered_languages(person: Person, offer: MentorOffer) -> frozenset[str]:
    """The languages of the offer, or the person's own when the offer names none."""
    return offer.languages or person.languages


def anniversary(start: dt.date, years: int) -> dt.date | None:
    """``start`` plus ``years`` calendar years, as ``relativedelta(years=years)`` adds them.

    29 February becomes 28 February in a common year; ``None`` beyond year 9999.
    """
    year = start.year + years
    if year > dt.MAXYEAR:
        return None
    try:
        return start.replace(year=year)
    except ValueError:  # 29 February in a common year
        return start.replace(year=year, day=28)


def head_start(mentor_start: dt.date, mentee_start: dt.date) -> int:
    """Whole calendar years from ``mentor_start`` to a later ``mentee_start``.

    The same as ``relativedelta(mentee_start, mentor_start).years``, without
    building a relativedelta for every explained pair.
    """
    years = mentee_start.year - mentor_start.year
    reached = anniversary(mentor_start, years)
    return years if reached is not None and reached <= mentee_start else years - 1


def is_experienced(mentor_start: dt.date, mentee_start: dt.date, years: int) -> bool:
    """Whether the mentor started at least ``years`` calendar years before the mentee.

    The mentor's ``years``-th anniversary falls on or before the mentee's first
    day (a 29 February start has its anniversary on 28 February), which is
    exactly ``relativedelta(mentee_start, mentor_start).years >= years``.
    """
    reached = anniversary(mentor_start, years)
    return reached is not None and reached <= mentee_start


def recency_cutoff(as_of: dt.date, months: int) -> dt.date:
    """The first day that counts as recent: ``months`` calendar months before ``as_of``."""
    try:
        return as_of - relativedelta(months=months)
    except (OverflowError, ValueError):
        return dt.date.min


def is_recent(pairing: Pairing, cutoff: dt.date) -> bool:
    """Whether the pairing was still going on ``cutoff`` or later (ongoing ones are)."""
    return pairing.ended is None or pairing.ended >= cutoff


def _window(day: dt.date, start_hour: int, end_hour: int, zone: ZoneInfo) -> tuple[float, float]:
    midnight = dt.datetime(day.year, day.month, day.day, tzinfo=zone)
    # Wall-clock arithmetic: 09:00 local whatever the offset; 24 is the next midnight.
    start = midnight + dt.timedelta(hours=start_hour)
    end = midnight + dt.timedelta(hours=end_hour)
    return start.timestamp(), end.timestamp()


@functools.lru_cache(maxsize=4096)
def overlap_seconds(
    day: dt.date, start_hour: int, end_hour: int, first: ZoneInfo, second: ZoneInfo
) -> int:
    """Seconds both work on ``day``, each from ``start_hour`` to ``end_hour`` local time."""
    a_start, a_end = _window(day, start_hour, end_hour, first)
    b_start, b_end = _window(day, start_hour, end_hour, second)
    return max(0, round(min(a_end, b_end) - max(a_start, b_start)))


def overlap_value(
    day: dt.date, start_hour: int, end_hour: int, first: ZoneInfo, second: ZoneInfo
) -> float:
    """The shared working time as a share of the nominal working day, in [0, 1]."""
    length = (end_hour - start_hour) * 3600
    return min(1.0, overlap_seconds(day, start_hour, end_hour, first, second) / length)


def _hours(seconds: int) -> str:
    minutes = seconds // 60
    return f"{minutes // 60}:{minutes % 60:02d}"


def _weight(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _validate.fail(attribute, value, "must be a number")
    if not (math.isfinite(value) and value >= 0):
        raise _validate.fail(attribute, value, "must be a finite number >= 0")


def _people(cohort: Cohort, offer: MentorOffer, request: MenteeRequest) -> tuple[Person, Person]:
    return cohort.roster.person(offer.mentor), cohort.roster.person(request.mentee)


# --- the built-in rules ----------------------------------------------------------------


@attrs.frozen
class NotInLineOfManagement:
    """Hard: neither manages the other, directly or through other managers.

    A mentor should be someone the mentee can speak freely with, so nobody in
    the mentee's line of management, and nobody the mentee manages.
    """

    @property
    def name(self) -> str:
        """``"not_in_line_of_management"``."""
        return "not_in_line_of_management"

    def check(self, cohort: Cohort, offer: MentorOffer, request: MenteeRequest) -> Verdict:
        """Refused when one is in the other's reporting chain; the reason names who is between."""
        mentor, mentee = _people(cohort, offer, request)
        for manager, report in ((mentor, mentee), (mentee, mentor)):
            chain = cohort.roster.reporting_chain(report.id)
            for level, boss in enumerate(chain):
                if boss.id != manager.id:
                    continue
                names: dict[str, ParamValue] = {"manager": manager.name, "report": report.name}
                if level == 0:
                    return Verdict(False, make_reason("reason.management.direct", names))
                names["via"] = ", ".join(person.name for person in chain[:level])
                return Verdict(False, make_reason("reason.management.indirect", names))
        names = {"mentor": mentor.name, "mentee": mentee.name}
        return Verdict(True, make_reason("reason.management.none", names))


@attrs.frozen
class MinimumExperience:
    """Hard: the mentor started at least ``years`` calendar years before the mentee.

    Years are counted as :class:`dateutil.relativedelta.relativedelta` counts
    them between the two start dates, so exactly ``years`` years to the day is
    enough (and a 29 February start has its anniversaries on 28 February in
    common years).

    Attributes:
        years: The least head start, 0 to 100 (0: started the same day or earlier).
    """

    years: int = attrs.field(default=2, validator=_validate.int_between(0, 100))

    @property
    def name(self) -> str:
        """``"minimum_experience"``."""
        return "minimum_experience"

    def check(self, cohort: Cohort, offer: MentorOffer, request: MenteeRequest) -> Verdict:
        """Allowed with a head start of at least ``years``; the reason gives the start dates."""
        mentor, mentee = _people(cohort, offer, request)
        params: dict[str, ParamValue] = {
            "mentor": mentor.name,
            "mentor_start": mentor.start_date.isoformat(),
            "mentee": mentee.name,
            "required": self.years,
        }
        if mentor.start_date >= mentee.start_date:
            key = "reason.experience.not_before"
            params["mentee_start"] = mentee.start_date.isoformat()
        else:
            years = head_start(mentor.start_date, mentee.start_date)
            if years == 0:
                key = "reason.experience.under_a_year"
            elif years == 1:
                key = "reason.experience.one_year"
            else:
                key = "reason.experience.years"
                params["years"] = years
        allowed = is_experienced(mentor.start_date, mentee.start_date, self.years)
        return Verdict(allowed, make_reason(key, params))


@attrs.frozen
class SharedLanguage:
    """Hard: the offer's languages (or else the mentor's own) share one with the mentee's."""

    @property
    def name(self) -> str:
        """``"shared_language"``."""
        return "shared_language"

    def check(self, cohort: Cohort, offer: MentorOffer, request: MenteeRequest) -> Verdict:
        """Allowed when a language is shared; the reason names the shared ones or both sides'."""
        mentor, mentee = _people(cohort, offer, request)
        spoken = offered_languages(mentor, offer)
        shared = spoken & mentee.languages
        params: dict[str, ParamValue] = {"mentor": mentor.name, "mentee": mentee.name}
        if shared:
            params["languages"] = ",".join(sorted(shared))
            return Verdict(True, make_reason("reason.language.shared", params))
        params["mentor_languages"] = ",".join(sorted(spoken))
        params["mentee_languages"] = ",".join(sorted(mentee.languages))
        return Verdict(False, make_reason("reason.language.none", params))


@attrs.frozen(kw_only=True)
class CrossTeam:
    """Knowledge should cross teams: hard (different teams required) or soft (1 if different).

    Attributes:
        hard: ``True`` to refuse pairs from the same team (put it among the hard
            rules), ``False`` to score them (among the soft rules).
        weight: The weight as a soft rule.
    """

    hard: bool = attrs.field(default=False, validator=_validate.instance_of(bool))
    weight: float = attrs.field(default=1.0, validator=_weight)

    @property
    def name(self) -> str:
        """``"cross_team"``."""
        return "cross_team"

    def _decide(
        self, cohort: Cohort, offer: MentorOffer, request: MenteeRequest
    ) -> tuple[bool, Reason]:
        mentor, mentee = _people(cohort, offer, request)
        params: dict[str, ParamValue] = {"mentor": mentor.name, "mentee": mentee.name}
        if mentor.team == mentee.team:
            params["team"] = cohort.roster.team(mentor.team).name
            return False, make_reason("reason.team.same", params)
        params["mentor_team"] = cohort.roster.team(mentor.team).name
        params["mentee_team"] = cohort.roster.team(mentee.team).name
        return True, make_reason("reason.team.different", params)

    def check(self, cohort: Cohort, offer: MentorOffer, request: MenteeRequest) -> Verdict:
        """Allowed when the two are in different teams."""
        return Verdict(*self._decide(cohort, offer, request))

    def score(self, cohort: Cohort, offer: MentorOffer, request: MenteeRequest) -> Score:
        """1.0 for different teams, 0.0 for the same team."""
        different, reason = self._decide(cohort, offer, request)
        return Score(1.0 if different else 0.0, reason)


@attrs.frozen
class SkillCoverage:
    """Soft: how well the mentor covers what the mentee wants, weighted by priority.

    Each want counts 3, 2 or 1 for priority 1, 2 or 3. A want the offer names
    as a topic is covered in full (1.0); a skill the mentor offers at a level
    above the mentee's own level covers ``level / 5``; anything else 0. The
    score is the priority-weighted mean over the wants (0 without wants).

    Attributes:
        weight: How much the score counts.
    """

    weight: float = attrs.field(default=3.0, validator=_weight)

    @property
    def name(self) -> str:
        """``"skill_coverage"``."""
        return "skill_coverage"

    def score(self, cohort: Cohort, offer: MentorOffer, request: MenteeRequest) -> Score:
        """The coverage; the reason lists each covered want with the levels."""
        mentor, mentee = _people(cohort, offer, request)
        if not request.wants:
            return Score(0.0, make_reason("reason.skills.no_wants", {"mentee": mentee.name}))
        levels = offered_levels(mentor, offer)
        covered: list[Reason] = []
        total = 0.0
        weights = 0
        # The same sum in the same order as the bulk scoring, so the two agree exactly.
        for want in request.wants:
            priority = PRIORITY_WEIGHTS[want.priority]
            weights += priority
            if want.name in offer.topics:
                total += priority * 1.0
                covered.append(make_reason("reason.skills.topic", {"want": want.name}))
                continue
            level = levels.get(want.name, 0)
            own = mentee.skill_level(want.name)
            if level > own:
                total += priority * (level / 5)
                covered.append(
                    make_reason(
                        "reason.skills.level", {"want": want.name, "level": level, "own": own}
                    )
                )
        params: dict[str, ParamValue] = {"mentor": mentor.name}
        if not covered:
            return Score(0.0, make_reason("reason.skills.none", params))
        params["covered"] = len(covered)
        params["wanted"] = len(request.wants)
        return Score(total / weights, make_reason("reason.skills.covered", params, tuple(covered)))


@attrs.frozen(kw_only=True)
class TimeZoneOverlap:
    """Soft: the working hours the two share on the cohort's date, as a share of the day.

    Each works from ``start_hour`` to ``end_hour`` local time in their own zone
    on ``cohort.as_of``, so daylight saving is taken as it is on that date
    (Copenhagen and Kolkata share 3.5 of 8 hours in winter, 4.5 in summer).

    Attributes:
        weight: How much the score counts.
        start_hour: When the working day starts, 0 to 23.
        end_hour: When it ends, 1 to 24, after ``start_hour``.
    """

    weight: float = attrs.field(default=1.0, validator=_weight)
    start_hour: int = attrs.field(default=9, validator=_validate.int_between(0, 23))
    end_hour: int = attrs.field(default=17, validator=_validate.int_between(1, 24))

    def __attrs_post_init__(self) -> None:
        if self.end_hour <= self.start_hour:
            raise InvalidDataError.single(
                "end_hour", self.end_hour, f"must be after start_hour {self.start_hour}"
            )

    @property
    def name(self) -> str:
        """``"time_zone_overlap"``."""
        return "time_zone_overlap"

    def score(self, cohort: Cohort, offer: MentorOffer, request: MenteeRequest) -> Score:
        """The shared share of the working day; the reason gives the hours and zones."""
        mentor, mentee = _people(cohort, offer, request)
        args = (cohort.as_of, self.start_hour, self.end_hour, mentor.time_zone, mentee.time_zone)
        params: dict[str, ParamValue] = {
            "mentor": mentor.name,
            "mentor_zone": str(mentor.time_zone.key),
            "mentee": mentee.name,
            "mentee_zone": str(mentee.time_zone.key),
            "overlap": _hours(overlap_seconds(*args)),
            "length": _hours((self.end_hour - self.start_hour) * 3600),
        }
        return Score(overlap_value(*args), make_reason("reason.zones.overlap", params))


@attrs.frozen
class NotPairedRecently:
    """Hard: the two were not paired (in either role) within ``months`` before the cohort's date.

    A pairing counts as recent when it is ongoing or ended on or after the day
    ``months`` calendar months before ``cohort.as_of``.

    Attributes:
        months: How long the pause must be, 0 to 1200.
    """

    months: int = attrs.field(default=12, validator=_validate.int_between(0, 1200))

    @property
    def name(self) -> str:
        """``"not_paired_recently"``."""
        return "not_paired_recently"

    def check(self, cohort: Cohort, offer: MentorOffer, request: MenteeRequest) -> Verdict:
        """Refused after a recent pairing; the reason gives the latest one's dates."""
        mentor, mentee = _people(cohort, offer, request)
        params: dict[str, ParamValue] = {"mentor": mentor.name, "mentee": mentee.name}
        pairings = cohort.pairings_between(offer.mentor, request.mentee)
        if not pairings:
            return Verdict(True, make_reason("reason.history.never", params))
        latest = max(pairings, key=lambda p: (p.ended or dt.date.max, p.started))
        cutoff = recency_cutoff(cohort.as_of, self.months)
        recent = any(is_recent(pairing, cutoff) for pairing in pairings)
        if latest.ended is None:
            params["started"] = latest.started.isoformat()
            return Verdict(False, make_reason("reason.history.ongoing", params))
        params["ended"] = latest.ended.isoformat()
        params["months"] = self.months
        key = "reason.history.recent" if recent else "reason.history.earlier"
        return Verdict(not recent, make_reason(key, params))


@attrs.frozen
class PreferenceRank:
    """Soft: how high the mentee ranked the mentor: ``1 - r / n`` at rank ``r`` (0-based) of ``n``.

    A mentor the mentee did not list, or a mentee without preferences, scores 0.

    Attributes:
        weight: How much the score counts.
    """

    weight: float = attrs.field(default=2.0, validator=_weight)

    @property
    def name(self) -> str:
        """``"preference_rank"``."""
        return "preference_rank"

    def score(self, cohort: Cohort, offer: MentorOffer, request: MenteeRequest) -> Score:
        """The rank's score; the reason gives the rank (1-based) and the list's length."""
        mentor, mentee = _people(cohort, offer, request)
        ranked = request.preferences
        if not ranked:
            return Score(0.0, make_reason("reason.preference.none", {"mentee": mentee.name}))
        params: dict[str, ParamValue] = {"mentee": mentee.name, "mentor": mentor.name}
        if offer.mentor not in ranked:
            return Score(0.0, make_reason("reason.preference.unlisted", params))
        rank = ranked.index(offer.mentor)
        params["rank"] = rank + 1
        params["count"] = len(ranked)
        return Score(1 - rank / len(ranked), make_reason("reason.preference.rank", params))


BUILTIN_RULES: Final[Mapping[str, type]] = {
    cls().name: cls
    for cls in (
        NotInLineOfManagement,
        MinimumExperience,
        SharedLanguage,
        CrossTeam,
        SkillCoverage,
        TimeZoneOverlap,
        NotPairedRecently,
        PreferenceRank,
    )
}
"""Every built-in rule class by its name (which is also its ``kind`` in documents)."""

_DEFAULT_HARD: Final[tuple[HardRule, ...]] = (
    NotInLineOfManagement(),
    MinimumExperience(2),
    SharedLanguage(),
    NotPairedRecently(12),
)
_DEFAULT_SOFT: Final[tuple[SoftRule, ...]] = (
    SkillCoverage(3.0),
    CrossTeam(weight=1.0),
    TimeZoneOverlap(weight=1.0),
    PreferenceRank(2.0),
)


# --- composing rules ----------------------------------------------------------------


def _attribute(rule: object, name: str) -> tuple[bool, object]:
    # A user's property may raise anything; that is a problem to report, not to crash on.
    try:
        return True, getattr(rule, name)
    except Exception:  # any failure means "not usable"
        return False, None


def _rule_problems(group: str, rules: object, seen: set[str]) -> list[Problem]:
    if not isinstance(rules, tuple):
        return [Problem(group, rules, "must be a collection of rules")]
    method = "check" if group == "hard" else "score"
    problems: list[Problem] = []
    for index, rule in enumerate(rules):
        _, name = _attribute(rule, "name")
        if not isinstance(name, str) or not name.strip():
            problems.append(
                Problem(
                    f"{group}[{index}].name", name, "must be a non-empty string naming the rule"
                )
            )
            label = f"{group}[{index}]"
        else:
            label = f"{group}[name={name}]"
            if name in RESERVED_NAMES:
                problems.append(
                    Problem(f"{label}.name", name, "is reserved for the scoring itself")
                )
            elif name in seen:
                problems.append(Problem(label, name, "is used by two rules; names must be unique"))
            seen.add(name)
        found, action = _attribute(rule, method)
        if not found or not callable(action):
            problems.append(
                Problem(
                    label, rule, f"must have {method}(cohort, offer, request) as a {group} rule"
                )
            )
        if isinstance(rule, CrossTeam) and rule.hard != (group == "hard"):
            where = "soft" if rule.hard else "hard"
            problems.append(
                Problem(
                    f"{label}.hard", rule.hard, f"does not fit a {group} rule; put it in {where}"
                )
            )
        if group == "soft":
            _, weight = _attribute(rule, "weight")
            if (
                isinstance(weight, bool)
                or not isinstance(weight, int | float)
                or not (math.isfinite(weight) and weight >= 0)
            ):
                problems.append(Problem(f"{label}.weight", weight, "must be a finite number >= 0"))
    return problems


@attrs.frozen(kw_only=True)
class Rules:
    """The hard and soft rules of a matching, in order.

    Without arguments it holds the default rules (see :func:`default_rules`);
    give ``hard`` or ``soft`` to replace that group. Guarantees: every hard
    rule has ``check``, every soft rule ``score`` and a finite ``weight >= 0``,
    names are unique across both groups and never ``"self"`` or
    ``"forbidden"``, and a :class:`CrossTeam` sits in the group its ``hard``
    flag says. Every problem is reported at once.

    Attributes:
        hard: Rules a pair must pass, checked in this order.
        soft: Rules that score a pair, summed in this order.
    """

    hard: tuple[HardRule, ...] = attrs.field(default=_DEFAULT_HARD, converter=_as_tuple)
    soft: tuple[SoftRule, ...] = attrs.field(default=_DEFAULT_SOFT, converter=_as_tuple)

    def __attrs_post_init__(self) -> None:
        seen: set[str] = set()
        problems = _rule_problems("hard", self.hard, seen) + _rule_problems("soft", self.soft, seen)
        if not problems and not math.isfinite(self.total_weight):
            problems.append(
                Problem(
                    "soft", self.total_weight, "the weights must not sum to more than a float holds"
                )
            )
        if problems:
            raise InvalidDataError(problems)

    @property
    def names(self) -> tuple[str, ...]:
        """Every rule's name, the hard rules' first, then the soft rules'."""
        return tuple(rule.name for rule in self._all())

    def _all(self) -> tuple[HardRule | SoftRule, ...]:
        return (*self.hard, *self.soft)

    @property
    def total_weight(self) -> float:
        """The soft rules' weights summed in order (the denominator of the pair score)."""
        total = 0.0
        for rule in self.soft:
            total += rule.weight
        return total

    def rule(self, name: str) -> HardRule | SoftRule:
        """The rule called ``name``.

        Raises:
            UnknownIdError: no rule has this name.
        """
        for rule in self._all():
            if rule.name == name:
                return rule
        raise UnknownIdError("rule", name)

    def _with(self, group: str, rules: Iterable[Any]) -> Rules:
        hard: list[Any] = list(self.hard)
        soft: list[Any] = list(self.soft)
        target, other = (hard, soft) if group == "hard" else (soft, hard)
        for rule in rules:
            _, name = _attribute(rule, "name")
            other[:] = [old for old in other if old.name != name]
            at = next((i for i, old in enumerate(target) if old.name == name), None)
            if at is None:
                target.append(rule)
            else:
                target[at] = rule
        return Rules(hard=hard, soft=soft)

    def with_hard(self, *rules: HardRule) -> Rules:
        """These rules added as hard rules; one with an existing rule's name replaces it in place.

        Raises:
            InvalidDataError: the result is not a valid :class:`Rules`.
        """
        return self._with("hard", rules)

    def with_soft(self, *rules: SoftRule) -> Rules:
        """These rules added as soft rules; one with an existing rule's name replaces it in place.

        Raises:
            InvalidDataError: the result is not a valid :class:`Rules`.
        """
        return self._with("soft", rules)

    def without(self, *names: str) -> Rules:
        """The same rules without those called ``names``.

        Raises:
            UnknownIdError: a name is not a rule here (a typo would otherwise change nothing).
        """
        for name in names:
            self.rule(name)
        drop = set(names)
        return Rules(
            hard=[rule for rule in self.hard if rule.name not in drop],
            soft=[rule for rule in self.soft if rule.name not in drop],
        )

    def with_weights(self, weights: Mapping[str, float]) -> Rules:
        """The same rules with soft rules reweighted, e.g. ``{"skill_coverage": 5}``.

        Works for soft rules that are attrs classes with a ``weight`` field (every
        built-in is); weights are data, so tuning them needs no new rule.

        Raises:
            UnknownIdError: a name is not a soft rule here.
            TypeError: that rule cannot be copied with a new weight.
            InvalidDataError: a weight is not a finite number >= 0.
        """
        soft = list(self.soft)
        for name, weight in weights.items():
            at = next((i for i, rule in enumerate(soft) if rule.name == name), None)
            if at is None:
                raise UnknownIdError("soft rule", name)
            rule: Any = soft[at]
            if not (attrs.has(type(rule)) and "weight" in attrs.fields_dict(type(rule))):
                raise TypeError(f"soft rule {name!r} has no weight field to change")
            soft[at] = attrs.evolve(rule, weight=weight)
        return Rules(hard=self.hard, soft=soft)


def default_rules() -> Rules:
    """The rules learnkit matches by unless told otherwise.

    Hard: :class:`NotInLineOfManagement`, :class:`MinimumExperience` (2 years),
    :class:`SharedLanguage`, :class:`NotPairedRecently` (12 months). Soft:
    :class:`SkillCoverage` (weight 3), :class:`CrossTeam` (1),
    :class:`TimeZoneOverlap` (1), :class:`PreferenceRank` (2).
    """
    return Rules()
