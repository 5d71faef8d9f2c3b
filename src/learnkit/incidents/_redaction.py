"""Names become roles: the redaction behind the published view.

Each participant gets a label from their first role in the order facilitator,
owner, responder, reviewer, observer ("facilitatoren", "the owner"), numbered
when two people share it ("responder 1", "responder 2", by person id). The
review's author, approvers and owners who are not participants, and a name two
people share, become "a colleague" / "en kollega".

A name is found wherever it stands as a word of its own, in any case: the full
name (across line breaks), each part of it, each half of a double name, the
person's id (when it holds a letter), and the possessives "Mettes", "Mette's"
and "Lars'". A name inside another word is left alone. A label that starts a
sentence is capitalised.

Matching is by canonical equivalence: the text and the names are brought to
Unicode NFC first, so "Åse" written decomposed (``"A\u030ase"``, as some
editors and macOS file names give it) is found, and a typographic apostrophe
(’) matches a straight one (') both ways ("O’Neil" is "O'Neil"). The redacted
text is returned in NFC; apart from that, and the names replaced, it is the
text as given (its apostrophes included).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Final

import attrs

from learnkit.exceptions import InvalidDataError, Problem
from learnkit.i18n import Locale, check_locale, translate
from learnkit.incidents._model import Incident, ParticipantRole
from learnkit.incidents._review import IncidentReview
from learnkit.people import Roster

__all__ = ["redact_names"]

_ROLE_ORDER: Final = (
    ParticipantRole.FACILITATOR,
    ParticipantRole.OWNER,
    ParticipantRole.RESPONDER,
    ParticipantRole.REVIEWER,
    ParticipantRole.OBSERVER,
)
_COLLEAGUE: Final = "published.person.colleague"


@attrs.frozen
class _Label:
    """A text key and its parameters: how a person is named in the view."""

    key: str
    number: int | None = None

    def render(self, locale: Locale, *, possessive: bool) -> str:
        key = self.key + ("_possessive" if possessive else "")
        if self.number is None:
            return translate(key, locale)
        return translate(key, locale, number=self.number)


def _labels(incident: Incident) -> dict[str, _Label]:
    """Each participant's label: their first role by ``_ROLE_ORDER``, numbered when shared."""
    primary = {
        participant.person: next(role for role in _ROLE_ORDER if role in participant.roles)
        for participant in incident.participants
    }
    labels: dict[str, _Label] = {}
    for role in _ROLE_ORDER:
        people = sorted(person for person, first in primary.items() if first is role)
        for number, person in enumerate(people, start=1):
            if len(people) == 1:
                labels[person] = _Label(f"published.role.{role.value}")
            else:
                labels[person] = _Label(f"published.role_numbered.{role.value}", number)
    return labels


def _canonical(text: str) -> str:
    """``text`` in NFC with typographic apostrophes made straight: how names are compared."""
    return unicodedata.normalize("NFC", text).replace("’", "'")


def _forms(name: str, person_id: str) -> set[str]:
    """The ways a person may be written: full name, each part, each half of a double name, id.

    The id counts only when it holds a letter: an HR number such as ``"1042"``
    must not swallow the numbers in the text. Forms are canonical (see :func:`_canonical`).
    """
    name, person_id = _canonical(name), _canonical(person_id)
    words = name.split()
    forms = {" ".join(words)}
    if any(ch.isalpha() for ch in person_id):
        forms.add(person_id)
    for word in words:
        forms.add(word)
        forms.update(word.split("-"))
    return {form.strip(".,") for form in forms if sum(ch.isalnum() for ch in form) >= 2}


def _key(text: str) -> str:
    return " ".join(_canonical(text).split()).casefold()


def _pattern(form: str) -> str:
    # Either apostrophe stands for the form's straight one.
    return r"\s+".join(re.escape(word).replace("'", "['’]") for word in form.split())


_SENTENCE_END: Final = ".!?"


class Redactor:
    """Replaces the names of given people by their labels in any text."""

    def __init__(self, people: Mapping[str, tuple[str, _Label]], locale: Locale) -> None:
        """Prepare one pattern for every form of every name in ``people`` (id -> name, label)."""
        self._locale = locale
        by_form: dict[str, _Label] = {}
        originals: dict[str, str] = {}
        for person_id, (name, label) in sorted(people.items()):
            for form in _forms(name, person_id):
                key = _key(form)
                if key in by_form and by_form[key] != label:
                    by_form[key] = _Label(_COLLEAGUE)  # two people share it: say neither
                else:
                    by_form[key] = label
                originals.setdefault(key, form)
        self._labels = by_form
        forms = sorted(originals.values(), key=lambda form: (-len(form), form))
        self._regex = (
            re.compile(
                r"(?<!\w)(?P<name>"
                + "|".join(_pattern(form) for form in forms)
                + r")(?P<possessive>['’]s|['’]|s)?(?!\w)",
                re.IGNORECASE,
            )
            if forms
            else None
        )

    def __call__(self, text: str, *, sentences: bool = True) -> str:
        """``text`` in NFC, names replaced; a label opening a sentence is capitalised if asked."""
        text = unicodedata.normalize("NFC", text)
        if self._regex is None:
            return text
        return self._regex.sub(lambda found: self._replace(found, text, sentences), text)

    def _replace(self, found: re.Match[str], text: str, sentences: bool) -> str:
        name, suffix = found["name"], found["possessive"] or ""
        label = self._labels.get(_key(name), _Label(_COLLEAGUE))
        tail = ""
        if suffix in ("'", "’") and name[-1:].lower() not in "sxz":
            tail, suffix = suffix, ""  # a closing quote, not a possessive
        rendered = label.render(self._locale, possessive=bool(suffix)) + tail
        if not sentences:
            return rendered
        before = text[: found.start()]
        stripped = before.rstrip()
        if (
            not stripped
            or (stripped[-1] in _SENTENCE_END and len(before) > len(stripped))
            or ("\n" in before[len(stripped) :])
        ):
            rendered = rendered[:1].upper() + rendered[1:]
        return rendered


def people_to_redact(
    incident: Incident, roster: Roster, review: IncidentReview | None
) -> dict[str, tuple[str, _Label]]:
    """Everyone to redact, by id: participants with their role label, the rest as colleagues."""
    missing = [p.person for p in incident.participants if p.person not in roster]
    if missing:
        raise InvalidDataError(
            Problem(
                f"incident.participants[{person}]",
                person,
                "is not in the roster, so their name cannot be replaced",
            )
            for person in missing
        )
    people = {
        person: (roster.person(person).name, label) for person, label in _labels(incident).items()
    }
    others: set[str] = set()
    if review is not None:
        others.add(review.author)
        others.update(approval.by for approval in review.approvals)
        others.update(item.owner for item in review.action_items if item.owner is not None)
        others.update(override.by for override in review.overrides)
    for person in sorted(others - people.keys()):
        if person in roster:
            people[person] = (roster.person(person).name, _Label(_COLLEAGUE))
    return people


def redact_names(
    text: str,
    incident: Incident,
    roster: Roster,
    *,
    locale: Locale,
    review: IncidentReview | None = None,
) -> str:
    """``text`` with the names of the incident's participants replaced by their role labels.

    With ``review`` given, the names of its author, approvers, action-item
    owners and override authors who are not participants are replaced too
    (by "a colleague" / "en kollega"). See the module for which forms of a
    name are found. Names are matched in Unicode NFC with ’ and ' alike, so a
    decomposed "Åse" or "O’Neil" for "O'Neil" is found; the result is in NFC
    and otherwise keeps the text as given.

    Raises:
        InvalidDataError: an argument has the wrong type, the locale is
            unknown, or a participant is not in the roster.
    """
    if not isinstance(text, str):
        raise InvalidDataError.single("text", text, "must be a string")
    check_arguments(incident, roster, review)
    return Redactor(people_to_redact(incident, roster, review), check_locale(locale))(text)


def check_arguments(incident: object, roster: object, review: object) -> None:
    """Refuse arguments of the wrong type, naming each (``review`` may be ``None``)."""
    problems = [
        Problem(name, value, f"must be {kind}")
        for name, value, kind, ok in (
            ("incident", incident, "an Incident", isinstance(incident, Incident)),
            ("roster", roster, "a Roster", isinstance(roster, Roster)),
            ("review", review, "an IncidentReview", isinstance(review, IncidentReview | None)),
        )
        if not ok
    ]
    if problems:
        raise InvalidDataError(problems)


def participant_labels(incident: Incident, locale: Locale) -> tuple[str, ...]:
    """The participants' labels in ``locale``, in role order, numbered labels in number order."""
    labels = _labels(incident)
    order = {role: index for index, role in enumerate(_ROLE_ORDER)}
    ranked = sorted(
        labels.values(),
        key=lambda label: (order[ParticipantRole(label.key.rsplit(".", 1)[1])], label.number or 0),
    )
    return tuple(label.render(locale, possessive=False) for label in ranked)
