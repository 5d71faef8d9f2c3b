"""The mentor-matching problem as data: offers, requests, history and the :class:`Cohort`.

Every value is frozen and validated when it is built. A :class:`Cohort` is
validated as a whole and reports every problem at once, each at a path that
names the record by its key (``offers[mentor=p07].capacity``,
``locked[p07->p41]``), because offers, requests and pairs are kept sorted and a
position in the caller's input would not point at the right record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import cast

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem, UnknownIdError
from learnkit.people import Roster

__all__ = ["Cohort", "MenteeRequest", "MentorOffer", "Pair", "Pairing", "Want"]

MAX_CAPACITY = 5
"""The most mentees one mentor takes on at a time."""

_LANGUAGE_CODE = _validate.matches(r"[a-z]{2,3}", "a lower-case ISO 639 language code such as 'da'")


def _string_set(value: object, field: str) -> object:
    """A collection of strings as a frozenset; one string is refused by name."""
    if isinstance(value, str):
        # "da" would otherwise become {"d", "a"}.
        raise InvalidDataError.single(
            field, value, "must be a collection of strings, not one string"
        )
    if not isinstance(value, Iterable):
        return value  # the validator names it
    try:
        return frozenset(value)
    except TypeError:  # unhashable items
        raise InvalidDataError.single(field, value, "must be a collection of strings") from None


def _skills(value: Iterable[str]) -> frozenset[str]:
    return cast("frozenset[str]", _string_set(value, "skills"))


def _topics(value: Iterable[str]) -> frozenset[str]:
    return cast("frozenset[str]", _string_set(value, "topics"))


def _languages(value: Iterable[str]) -> frozenset[str]:
    return cast("frozenset[str]", _string_set(value, "languages"))


def _ranked(value: object) -> object:
    # Preferences keep their order (it is the ranking); only the container changes.
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        return value
    return tuple(value)


@attrs.frozen(order=True)
class Want:
    """A skill or topic a mentee wants to learn, with a priority.

    Attributes:
        name: The skill or topic, e.g. ``"python"`` or ``"at holde oplæg"``; a
            skill is matched against the mentor's skill levels in the roster, a
            topic against what the mentor offers as topics.
        priority: 1 high, 2 medium, 3 low.
    """

    name: str = attrs.field(validator=_validate.text)
    priority: int = attrs.field(default=1, validator=_validate.int_between(1, 3))


@attrs.frozen(kw_only=True)
class MentorOffer:
    """Someone offering to mentor, and what they offer.

    Attributes:
        mentor: The person's id in the roster.
        capacity: How many mentees at once, 1 to 5.
        skills: The skills offered, at the levels the roster gives the person;
            empty means every skill the person has. A skill the person does not
            have in the roster counts as level 0 (offer it as a topic instead).
        topics: Topics offered beyond skills (``"onboarding"``, ``"karriere"``);
            a mentee's want with this name is fully covered.
        languages: The languages the mentoring can happen in, as ISO 639 codes;
            empty means the person's own languages.
    """

    mentor: str = attrs.field(validator=_validate.identifier)
    capacity: int = attrs.field(default=1, validator=_validate.int_between(1, MAX_CAPACITY))
    skills: frozenset[str] = attrs.field(
        default=frozenset(),
        converter=_skills,
        validator=_validate.each(_validate.text, container=frozenset),
    )
    topics: frozenset[str] = attrs.field(
        default=frozenset(),
        converter=_topics,
        validator=_validate.each(_validate.text, container=frozenset),
    )
    languages: frozenset[str] = attrs.field(
        default=frozenset(),
        converter=_languages,
        validator=_validate.each(_LANGUAGE_CODE, container=frozenset),
    )


def _sorted_wants(value: Iterable[Want]) -> tuple[Want, ...]:
    return cast("tuple[Want, ...]", _validate.canonical_tuple(value))


@attrs.frozen(kw_only=True)
class MenteeRequest:
    """Someone asking for a mentor, with what they want to learn and whom they would like.

    Guarantees: want names are unique and the wants are kept sorted by name, so
    equal requests compare equal whatever order the wants were listed in;
    preferences are unique and never name the mentee.

    Attributes:
        mentee: The person's id in the roster.
        wants: What the mentee wants to learn, each with a priority.
        preferences: Mentor ids, most wanted first (may be empty).
    """

    mentee: str = attrs.field(validator=_validate.identifier)
    wants: tuple[Want, ...] = attrs.field(
        default=(), converter=_sorted_wants, validator=_validate.each(_validate.instance_of(Want))
    )
    preferences: tuple[str, ...] = attrs.field(
        default=(),
        converter=_ranked,
        validator=_validate.each(_validate.identifier),
    )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        seen: set[str] = set()
        for want in self.wants:
            if want.name in seen:
                problems.append(Problem(f"wants[name={want.name}]", want.name, "is wanted twice"))
            seen.add(want.name)
        ranked: set[str] = set()
        for mentor in self.preferences:
            if mentor in ranked:
                problems.append(Problem(f"preferences[{mentor}]", mentor, "is listed twice"))
            ranked.add(mentor)
        if self.mentee in ranked:
            problems.append(
                Problem(
                    f"preferences[{self.mentee}]",
                    self.mentee,
                    "is the mentee; nobody mentors themselves",
                )
            )
        if problems:
            raise InvalidDataError(problems)


def _refuse_self(mentor: str, mentee: str) -> None:
    if mentor == mentee:
        raise InvalidDataError.single("mentee", mentee, "is the mentor; nobody mentors themselves")


@attrs.frozen(order=True)
class Pair:
    """A mentor and a mentee, e.g. a pair an administrator locked in or forbade.

    Pairs order by mentor id, then mentee id. A pair is always two different people.
    """

    mentor: str = attrs.field(validator=_validate.identifier)
    mentee: str = attrs.field(validator=_validate.identifier)

    def __attrs_post_init__(self) -> None:
        _refuse_self(self.mentor, self.mentee)

    def __str__(self) -> str:
        return f"{self.mentor}->{self.mentee}"


@attrs.frozen(kw_only=True)
class Pairing:
    """An earlier (or ongoing) mentorship, kept as history.

    Attributes:
        mentor: The mentor's id.
        mentee: The mentee's id, never the mentor's.
        started: The first day of the mentorship.
        ended: The last day, or ``None`` while it is ongoing; never before ``started``.
    """

    mentor: str = attrs.field(validator=_validate.identifier)
    mentee: str = attrs.field(validator=_validate.identifier)
    started: dt.date = attrs.field(validator=_validate.date)
    ended: dt.date | None = attrs.field(default=None, validator=_validate.optional(_validate.date))

    def __attrs_post_init__(self) -> None:
        _refuse_self(self.mentor, self.mentee)
        if self.ended is not None and self.ended < self.started:
            raise InvalidDataError.single(
                "ended", self.ended, f"must not be before started {self.started.isoformat()}"
            )

    @property
    def label(self) -> str:
        """``mentor->mentee@started``: how cohort errors name this pairing."""
        return f"{self.mentor}->{self.mentee}@{self.started.isoformat()}"


def _offer_key(offer: MentorOffer) -> str:
    return offer.mentor


def _request_key(request: MenteeRequest) -> str:
    return request.mentee


def _pairing_key(pairing: Pairing) -> tuple[str, str, dt.date, dt.date]:
    return (pairing.mentor, pairing.mentee, pairing.started, pairing.ended or dt.date.max)


def _sorted_offers(value: Iterable[MentorOffer]) -> tuple[MentorOffer, ...]:
    return cast("tuple[MentorOffer, ...]", _validate.canonical_tuple(value, key=_offer_key))


def _sorted_requests(value: Iterable[MenteeRequest]) -> tuple[MenteeRequest, ...]:
    return cast("tuple[MenteeRequest, ...]", _validate.canonical_tuple(value, key=_request_key))


def _sorted_history(value: Iterable[Pairing]) -> tuple[Pairing, ...]:
    return cast("tuple[Pairing, ...]", _validate.canonical_tuple(value, key=_pairing_key))


def _sorted_pairs(value: Iterable[Pair]) -> tuple[Pair, ...]:
    return cast("tuple[Pair, ...]", _validate.canonical_tuple(value))


@attrs.frozen(kw_only=True)
class Cohort:
    """One round of mentor matching: who offers, who asks, what happened before, what is fixed.

    Guarantees, checked when the cohort is built (every problem at once, each
    at a path naming the record by its key):

    * every person named anywhere (offers, requests, history, locked and
      forbidden pairs, preferences) is in the roster;
    * each person offers at most once and requests at most once (a person may
      do both: mentor to some, mentee of another);
    * every preference names someone with an offer;
    * every locked pair's mentor has an offer and its mentee a request, no
      mentee is locked twice, no mentor has more locked pairs than capacity,
      and no pair is both locked and forbidden; no pair is forbidden twice.

    Offers are kept sorted by mentor id, requests by mentee id, pairs and the
    history sorted, so cohorts built from the same records in any order are
    equal. Whether a locked pair also satisfies the hard rules depends on the
    rules, so scoring the cohort checks that.

    Attributes:
        roster: Everyone in the organisation.
        as_of: The day the matching is made for (history and time zones are read as of it).
        offers: One per mentor.
        requests: One per mentee.
        history: Earlier and ongoing pairings.
        locked: Pairs that must be part of the matching.
        forbidden: Pairs that must not be.
    """

    roster: Roster = attrs.field(validator=_validate.instance_of(Roster))
    as_of: dt.date = attrs.field(validator=_validate.date)
    offers: tuple[MentorOffer, ...] = attrs.field(
        converter=_sorted_offers, validator=_validate.each(_validate.instance_of(MentorOffer))
    )
    requests: tuple[MenteeRequest, ...] = attrs.field(
        converter=_sorted_requests,
        validator=_validate.each(_validate.instance_of(MenteeRequest)),
    )
    history: tuple[Pairing, ...] = attrs.field(
        default=(),
        converter=_sorted_history,
        validator=_validate.each(_validate.instance_of(Pairing)),
    )
    locked: tuple[Pair, ...] = attrs.field(
        default=(), converter=_sorted_pairs, validator=_validate.each(_validate.instance_of(Pair))
    )
    forbidden: tuple[Pair, ...] = attrs.field(
        default=(), converter=_sorted_pairs, validator=_validate.each(_validate.instance_of(Pair))
    )
    _offers: dict[str, MentorOffer] = attrs.field(init=False, repr=False, eq=False)
    _requests: dict[str, MenteeRequest] = attrs.field(init=False, repr=False, eq=False)
    _history: dict[frozenset[str], tuple[Pairing, ...]] = attrs.field(
        init=False, repr=False, eq=False
    )
    _forbidden: frozenset[tuple[str, str]] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        offers = {offer.mentor: offer for offer in self.offers}
        requests = {request.mentee: request for request in self.requests}
        problems = [
            *self._offer_problems(),
            *self._request_problems(offers),
            *self._history_problems(),
            *self._pair_problems(offers, requests),
        ]
        if problems:
            raise InvalidDataError(problems)
        history: dict[frozenset[str], list[Pairing]] = {}
        for pairing in self.history:
            history.setdefault(frozenset((pairing.mentor, pairing.mentee)), []).append(pairing)
        object.__setattr__(self, "_offers", offers)
        object.__setattr__(self, "_requests", requests)
        object.__setattr__(self, "_history", {k: tuple(v) for k, v in history.items()})
        object.__setattr__(
            self, "_forbidden", frozenset((pair.mentor, pair.mentee) for pair in self.forbidden)
        )

    def _unknown(self, path: str, person_id: str) -> list[Problem]:
        if person_id in self.roster:
            return []
        return [Problem(path, person_id, "is not a person in the roster")]

    def _offer_problems(self) -> list[Problem]:
        problems: list[Problem] = []
        counts = _counts(offer.mentor for offer in self.offers)
        for mentor, count in counts.items():
            path = f"offers[mentor={mentor}]"
            problems += self._unknown(f"{path}.mentor", mentor)
            if count > 1:
                problems.append(Problem(path, mentor, f"offers {count} times; one offer a person"))
        return problems

    def _request_problems(self, offers: dict[str, MentorOffer]) -> list[Problem]:
        problems: list[Problem] = []
        for mentee, count in _counts(request.mentee for request in self.requests).items():
            path = f"requests[mentee={mentee}]"
            problems += self._unknown(f"{path}.mentee", mentee)
            if count > 1:
                problems.append(
                    Problem(path, mentee, f"requests {count} times; one request a person")
                )
        for request in self.requests:
            path = f"requests[mentee={request.mentee}]"
            for mentor in request.preferences:
                where = f"{path}.preferences[{mentor}]"
                if mentor not in self.roster:
                    problems.append(Problem(where, mentor, "is not a person in the roster"))
                elif mentor not in offers:
                    problems.append(Problem(where, mentor, "has no mentor offer"))
        return problems

    def _history_problems(self) -> list[Problem]:
        problems: list[Problem] = []
        for pairing in self.history:
            path = f"history[{pairing.label}]"
            problems += self._unknown(f"{path}.mentor", pairing.mentor)
            problems += self._unknown(f"{path}.mentee", pairing.mentee)
        return problems

    def _pair_problems(
        self, offers: dict[str, MentorOffer], requests: dict[str, MenteeRequest]
    ) -> list[Problem]:
        problems: list[Problem] = []
        locked_on: dict[str, list[Pair]] = {}
        locked_mentor: dict[str, str] = {}
        for pair in self.locked:
            path = f"locked[{pair}]"
            for role, person_id, has in (
                ("mentor", pair.mentor, pair.mentor in offers),
                ("mentee", pair.mentee, pair.mentee in requests),
            ):
                if person_id not in self.roster:
                    problems.append(
                        Problem(f"{path}.{role}", person_id, "is not a person in the roster")
                    )
                elif not has:
                    what = "mentor offer" if role == "mentor" else "mentee request"
                    problems.append(Problem(f"{path}.{role}", person_id, f"has no {what}"))
            if pair.mentee in locked_mentor:
                problems.append(
                    Problem(
                        f"{path}.mentee",
                        pair.mentee,
                        f"is locked twice (also with {locked_mentor[pair.mentee]})",
                    )
                )
            else:
                locked_mentor[pair.mentee] = pair.mentor
            locked_on.setdefault(pair.mentor, []).append(pair)
        for mentor, pairs in locked_on.items():
            offer = offers.get(mentor)
            if offer is not None and len(pairs) > offer.capacity:
                problems.append(
                    Problem(
                        f"offers[mentor={mentor}].capacity",
                        offer.capacity,
                        f"is less than the {len(pairs)} pairs locked on this mentor",
                    )
                )
        locked = set(self.locked)
        seen: set[Pair] = set()
        for pair in self.forbidden:
            path = f"forbidden[{pair}]"
            problems += self._unknown(f"{path}.mentor", pair.mentor)
            problems += self._unknown(f"{path}.mentee", pair.mentee)
            if pair in locked:
                problems.append(Problem(path, str(pair), "is both locked and forbidden"))
            if pair in seen:
                problems.append(Problem(path, str(pair), "is forbidden twice"))
            seen.add(pair)
        return problems

    @property
    def mentors(self) -> tuple[str, ...]:
        """The ids of everyone with an offer, sorted."""
        return tuple(offer.mentor for offer in self.offers)

    @property
    def mentees(self) -> tuple[str, ...]:
        """The ids of everyone with a request, sorted."""
        return tuple(request.mentee for request in self.requests)

    def offer(self, mentor_id: str) -> MentorOffer:
        """The offer of ``mentor_id``.

        Raises:
            UnknownIdError: the person has no offer in this cohort.
        """
        try:
            return self._offers[mentor_id]
        except (KeyError, TypeError):
            raise UnknownIdError("mentor offer", mentor_id) from None

    def request(self, mentee_id: str) -> MenteeRequest:
        """The request of ``mentee_id``.

        Raises:
            UnknownIdError: the person has no request in this cohort.
        """
        try:
            return self._requests[mentee_id]
        except (KeyError, TypeError):
            raise UnknownIdError("mentee request", mentee_id) from None

    def is_forbidden(self, mentor_id: str, mentee_id: str) -> bool:
        """Whether the pair ``mentor_id -> mentee_id`` is forbidden (direction matters)."""
        return (mentor_id, mentee_id) in self._forbidden

    def pairings_between(self, first: str, second: str) -> tuple[Pairing, ...]:
        """Every pairing in the history of these two people, in either role, sorted."""
        try:
            return self._history.get(frozenset((first, second)), ())
        except TypeError:  # unhashable ids
            return ()


def _counts(ids: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in ids:
        counts[item] = counts.get(item, 0) + 1
    return counts
