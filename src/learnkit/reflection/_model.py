"""Reflections after work (*refleksion efter opgaver*): what they are about and what they say.

A :class:`Reflection` is a few honest lines written after a task, a project, a
meeting, an incident or a mentorship (a :class:`TaskRef`): what went well, what
to improve, what the author learned and what happens next. The practice is a
five-minute habit, so the time spent is recorded and a long one is *flagged*
(:attr:`Reflection.is_long`), never refused. A :class:`CompletedTask` says who
took part in a finished piece of work, and so who owes a reflection on it
(see :func:`~learnkit.reflection.reflections_due`).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
from collections.abc import Iterable
from typing import Any, Final, cast

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.i18n import Locale, check_locale, translate

__all__ = [
    "LONG_REFLECTION_MINUTES",
    "CompletedTask",
    "Reflection",
    "SubjectKind",
    "TaskRef",
    "Visibility",
    "normalise_tag",
    "reflection_notes",
]

LONG_REFLECTION_MINUTES: Final = 15
"""Above this many minutes a reflection is flagged as long (five minutes is the habit)."""

MAX_MINUTES: Final = 24 * 60
"""The most minutes a reflection can record: one day (more is a typo, not a reflection)."""


class SubjectKind(enum.Enum):
    """What a reflection is about. The values are the lower-case names, as documents store them."""

    TASK = "task"
    PROJECT = "project"
    MEETING = "meeting"
    INCIDENT = "incident"
    MENTORSHIP = "mentorship"

    @property
    def text_key(self) -> str:
        """The i18n key of the kind's name (``translate(key, "da") == "opgave"`` for a task)."""
        return f"reflection.kind.{self.value}"


class Visibility(enum.Enum):
    """Who may read a reflection; see :func:`~learnkit.reflection.can_view` for the exact rule.

    The audiences are separate, not a ladder: ``TEAM`` does not include the
    author's mentor in another team, and ``MENTOR`` does not include the team.
    """

    PRIVATE = "private"
    MENTOR = "mentor"
    TEAM = "team"
    ORGANISATION = "organisation"

    @property
    def text_key(self) -> str:
        """The i18n key of the audience's name (``"privat"`` in Danish when private)."""
        return f"reflection.visibility.{self.value}"


def _enum_value(kind: type[enum.Enum], value: object) -> object:
    # "team" is accepted for Visibility.TEAM; anything else is left to the validator.
    if isinstance(value, str):
        try:
            return kind(value)
        except ValueError:
            pass
    return value


def _subject_kind(value: SubjectKind | str) -> SubjectKind:
    return cast("SubjectKind", _enum_value(SubjectKind, value))


def _visibility(value: Visibility | str) -> Visibility:
    return cast("Visibility", _enum_value(Visibility, value))


@attrs.frozen(kw_only=True)
class TaskRef:
    """A reference to the thing a reflection is about: kind, id, title and when it was finished.

    Two references name the same subject when their ``kind`` and ``id`` are
    equal (:attr:`key`); the title and the completion time are what the
    source system said when the reference was taken.

    Attributes:
        kind: A task, project, meeting, incident or mentorship.
        id: The subject's id in its own system (a ticket number, a meeting id).
        title: A short human title, e.g. ``"Flyt kundedata til ny database"``.
        completed_at: When it was finished, or ``None`` when not known (yet).
    """

    kind: SubjectKind = attrs.field(
        converter=_subject_kind, validator=_validate.instance_of(SubjectKind)
    )
    id: str = attrs.field(validator=_validate.identifier)
    title: str = attrs.field(validator=_validate.text)
    completed_at: dt.datetime | None = attrs.field(
        default=None, validator=_validate.optional(_validate.aware_datetime)
    )

    @property
    def key(self) -> tuple[str, str]:
        """``(kind value, id)``: what identifies the subject across references."""
        return (self.kind.value, self.id)


def _free_text(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A string, possibly empty, without control characters other than line breaks and tabs."""
    if not isinstance(value, str):
        raise _validate.fail(attribute, value, "must be a string")
    if any(unicodedata.category(ch) in ("Cc", "Cs") and ch not in "\n\t\r" for ch in value):
        raise _validate.fail(attribute, value, "must not contain control characters")


def normalise_tag(tag: str) -> str:
    """A tag as reflections keep it: lower-case, without a leading ``#``, inner spaces single.

    ``normalise_tag(" #Code  Review ") == "code review"``; applying it twice
    changes nothing.

    Raises:
        InvalidDataError: ``tag`` is not a string.
    """
    given: object = tag  # typed callers cannot pass a wrong one; untyped ones can
    if not isinstance(given, str):
        raise InvalidDataError.single("tag", tag, "must be a string")
    return " ".join(_LEADING.sub("", tag).split()).lower()


_LEADING: Final = re.compile(r"^[\s#]+")


def _tags(value: object) -> object:
    if isinstance(value, str):
        # "python" would otherwise become ("h", "n", "o", ...).
        raise InvalidDataError.single("tags", value, "must be a collection of tags, not one string")
    if not isinstance(value, Iterable):
        return value  # the validator names it
    items = [normalise_tag(tag) if isinstance(tag, str) else tag for tag in value]
    if not all(isinstance(tag, str) for tag in items):
        return tuple(items)
    return tuple(sorted(set(items)))


@attrs.frozen(kw_only=True)
class Reflection:
    """One person's reflection after a piece of work.

    Guarantees, checked when it is built (every problem at once):

    * at least one of ``went_well``, ``to_improve``, ``learned`` and
      ``next_steps`` has visible text (the others may be empty);
    * tags are normalised (:func:`normalise_tag`), unique and sorted, so two
      reflections with the same tags in any spelling or order compare equal;
    * ``minutes``, when given, is a whole number from 0 to 1440. A long
      reflection is allowed and flagged (:attr:`is_long`), never refused.

    Attributes:
        id: The reflection's own id.
        author: The person id of who wrote it.
        about: What it is about.
        recorded_at: When it was written.
        went_well: What went well (*hvad gik godt*).
        to_improve: What could be better (*hvad kan forbedres*).
        learned: What the author (or the team) learned (*hvad lærte vi*).
        next_steps: What happens next (*næste skridt*).
        tags: Free keywords, normalised to lower case.
        minutes: Time spent reflecting, if recorded.
        visibility: Who may read it; private unless the author shares it.
    """

    id: str = attrs.field(validator=_validate.identifier)
    author: str = attrs.field(validator=_validate.identifier)
    about: TaskRef = attrs.field(validator=_validate.instance_of(TaskRef))
    recorded_at: dt.datetime = attrs.field(validator=_validate.aware_datetime)
    went_well: str = attrs.field(default="", validator=_free_text)
    to_improve: str = attrs.field(default="", validator=_free_text)
    learned: str = attrs.field(default="", validator=_free_text)
    next_steps: str = attrs.field(default="", validator=_free_text)
    tags: tuple[str, ...] = attrs.field(
        default=(), converter=_tags, validator=_validate.each(_validate.text)
    )
    minutes: int | None = attrs.field(
        default=None, validator=_validate.optional(_validate.int_between(0, MAX_MINUTES))
    )
    visibility: Visibility = attrs.field(
        default=Visibility.PRIVATE,
        converter=_visibility,
        validator=_validate.instance_of(Visibility),
    )

    def __attrs_post_init__(self) -> None:
        if not any(text.strip() for text in self.texts):
            raise InvalidDataError(
                [
                    Problem(
                        "went_well",
                        self.went_well,
                        "at least one of went_well, to_improve, learned and next_steps "
                        "must have text",
                    )
                ]
            )

    @property
    def texts(self) -> tuple[str, str, str, str]:
        """The four answers in order (went well, to improve, learned, next steps)."""
        return (self.went_well, self.to_improve, self.learned, self.next_steps)

    @property
    def is_long(self) -> bool:
        """Whether more than ``LONG_REFLECTION_MINUTES`` (15) minutes were recorded.

        A reflection without ``minutes`` is never long.
        """
        return self.minutes is not None and self.minutes > LONG_REFLECTION_MINUTES


def reflection_notes(
    reflection: Reflection, locale: Locale, *, limit: int = LONG_REFLECTION_MINUTES
) -> tuple[str, ...]:
    """Friendly notes on ``reflection`` in ``locale``; empty when there is nothing to say.

    Today the one note is that it took more than ``limit`` minutes (the habit
    is five): a flag for the author, never a refusal. Nothing is said when the
    minutes were not recorded.

    Raises:
        InvalidDataError: ``reflection`` is not a Reflection, ``limit`` is not a
            whole number >= 0, or the locale is unknown.
    """
    if not isinstance(reflection, Reflection):
        raise InvalidDataError.single("reflection", reflection, "must be a Reflection")
    check_locale(locale)
    _validate.require_count(limit, "limit")
    notes: list[str] = []
    if reflection.minutes is not None and reflection.minutes > limit:
        notes.append(
            translate("reflection.flag.long", locale, minutes=reflection.minutes, limit=limit)
        )
    return tuple(notes)


def _participants(value: object) -> object:
    if isinstance(value, str):
        raise InvalidDataError.single(
            "participants", value, "must be a collection of person ids, not one string"
        )
    return _validate.canonical_tuple(value)


@attrs.frozen(kw_only=True)
class CompletedTask:
    """A finished piece of work and who took part: each participant owes one reflection on it.

    Guarantees: the task has a completion time; participants are unique and
    kept sorted, so equal tasks compare equal whatever order people were
    listed in. A task may have no participants (nobody owes anything).

    Attributes:
        task: What was finished; ``task.completed_at`` is required.
        participants: The person ids of everyone who took part.
    """

    task: TaskRef = attrs.field(validator=_validate.instance_of(TaskRef))
    participants: tuple[str, ...] = attrs.field(
        default=(), converter=_participants, validator=_validate.each(_validate.identifier)
    )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if self.task.completed_at is None:
            problems.append(Problem("task.completed_at", None, "is required for a completed task"))
        seen: set[str] = set()
        for person in self.participants:
            if person in seen:
                problems.append(Problem(f"participants[{person}]", person, "is listed twice"))
            seen.add(person)
        if problems:
            raise InvalidDataError(problems)

    @property
    def completed_at(self) -> dt.datetime:
        """When the task was finished (never ``None``)."""
        return cast("dt.datetime", self.task.completed_at)
