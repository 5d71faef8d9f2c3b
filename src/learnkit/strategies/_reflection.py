"""Strategies for reflections, what they are about, completed tasks and reflections due."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from hypothesis import strategies as st

from learnkit.exceptions import InvalidDataError
from learnkit.reflection._due import DueReflection
from learnkit.reflection._model import (
    MAX_MINUTES,
    CompletedTask,
    Reflection,
    SubjectKind,
    TaskRef,
    Visibility,
    normalise_tag,
)
from learnkit.strategies._foundation import (
    DEFAULT_MAX_DATE,
    DEFAULT_MIN_DATE,
    _ids,
    _require_sizes,
    _require_span,
    _texts,
    aware_datetimes,
)

__all__ = ["completed_tasks", "due_reflections", "reflections", "task_refs"]

_TITLES = (
    "Flyt kundedata til ny database",
    "Kvartalsmøde i salg",
    "Nedbrud i betalingsflowet",
    "Onboarding af ny kollega",
    "Release 4.2",
    "Migrate CI to the new runners",
)
_WENT_WELL = (
    "Vi hjalp hinanden på tværs af teams.",
    "Tidlig test fangede fejlen.",
    "Good handover between shifts.",
)
_TO_IMPROVE = (
    "Vi skal aftale ansvar tidligere.",
    "Kravene kom for sent.",
    "Write the runbook before the release.",
)
_LEARNED = (
    "Små skridt gør det lettere at rulle tilbage.",
    "At spørge tidligt sparer tid.",
    "Pairing speeds up onboarding.",
)
_NEXT_STEPS = (
    "Vi prøver parprogrammering næste sprint.",
    "Tjeklisten deles på fredag.",
    "Book a retro with the data team.",
)
_TAGS = ("python", "onboarding", "kodegennemgang", "kommunikation", "test", "drift")


def _answers(curated: tuple[str, ...]) -> st.SearchStrategy[str]:
    # Empty answers are common (a reflection need not fill in every field), and
    # free text may hold line breaks.
    return st.one_of(st.just(""), _texts(curated, max_size=80), st.just("Linje et\nLinje to"))


def _kinds(kinds: Iterable[SubjectKind]) -> st.SearchStrategy[SubjectKind]:
    chosen = tuple(kinds)
    if not chosen or not all(isinstance(kind, SubjectKind) for kind in chosen):
        raise InvalidDataError.single("kinds", kinds, "must name at least one SubjectKind")
    return st.sampled_from(chosen)


def task_refs(
    *,
    kinds: Iterable[SubjectKind] = tuple(SubjectKind),
    ids: st.SearchStrategy[str] | None = None,
    completed: bool | None = None,
    min_date: dt.date = DEFAULT_MIN_DATE,
    max_date: dt.date = DEFAULT_MAX_DATE,
) -> st.SearchStrategy[TaskRef]:
    """References to tasks, projects, meetings, incidents and mentorships.

    Args:
        kinds: The kinds to pick from, the first being where shrinking ends.
        ids: Where subject ids come from; any id by default.
        completed: ``True`` always gives a completion time, ``False`` never,
            ``None`` either.
        min_date: The earliest local date of the completion.
        max_date: The latest local date of the completion.

    Raises:
        InvalidDataError: ``kinds`` is empty or holds something else, or the
            dates are out of order.
    """
    _require_span(min_date, max_date)
    moments = aware_datetimes(min_date=min_date, max_date=max_date)
    if completed is None:
        completions: st.SearchStrategy[dt.datetime | None] = st.none() | moments
    elif completed:
        completions = moments
    else:
        completions = st.none()
    return st.builds(
        TaskRef,
        kind=_kinds(kinds),
        id=_ids if ids is None else ids,
        title=_texts(_TITLES, max_size=60),
        completed_at=completions,
    )


def reflections(
    *,
    ids: st.SearchStrategy[str] | None = None,
    authors: st.SearchStrategy[str] | None = None,
    subjects: st.SearchStrategy[TaskRef] | None = None,
    visibilities: Iterable[Visibility] = tuple(Visibility),
    min_date: dt.date = DEFAULT_MIN_DATE,
    max_date: dt.date = DEFAULT_MAX_DATE,
) -> st.SearchStrategy[Reflection]:
    """Valid reflections: at least one answer with text, tags normalised, maybe minutes.

    Answers mix Danish and English sentences, empty answers, line breaks and
    arbitrary text; minutes are missing, the five-minute habit, long ones or
    any count up to a day.

    Args:
        ids: Where reflection ids come from; any id by default.
        authors: Where author ids come from; any id by default (pass
            ``st.sampled_from(ids)`` for authors on a roster).
        subjects: What reflections are about; :func:`task_refs` by default.
        visibilities: The visibilities to pick from, the first being where
            shrinking ends; every one by default.
        min_date: The earliest local date of ``recorded_at``.
        max_date: The latest local date of ``recorded_at``.

    Raises:
        InvalidDataError: ``visibilities`` is empty or holds something else,
            or the dates are out of order.
    """
    _require_span(min_date, max_date)
    chosen = tuple(visibilities)
    if not chosen or not all(isinstance(item, Visibility) for item in chosen):
        raise InvalidDataError.single(
            "visibilities", visibilities, "must name at least one Visibility"
        )
    return st.builds(
        _reflection,
        id=_ids if ids is None else ids,
        author=_ids if authors is None else authors,
        about=task_refs() if subjects is None else subjects,
        recorded_at=aware_datetimes(min_date=min_date, max_date=max_date),
        answers=st.tuples(
            _answers(_WENT_WELL), _answers(_TO_IMPROVE), _answers(_LEARNED), _answers(_NEXT_STEPS)
        ),
        fallback=st.integers(0, 3),
        tags=st.lists(st.one_of(st.sampled_from(_TAGS), _texts(_TAGS, max_size=16)), max_size=4),
        minutes=st.none() | st.sampled_from((5, 3, 15, 16, 45)) | st.integers(0, MAX_MINUTES),
        visibility=st.sampled_from(chosen),
    )


def _reflection(
    *,
    answers: tuple[str, str, str, str],
    fallback: int,
    tags: list[str],
    **fields: Any,
) -> Reflection:
    texts = list(answers)
    if not any(text.strip() for text in texts):
        texts[fallback] = _LEARNED[0]  # at least one answer has text
    # A tag that is only "#" and spaces normalises to nothing; such tags are dropped.
    kept = [tag for tag in tags if normalise_tag(tag)]
    return Reflection(
        went_well=texts[0],
        to_improve=texts[1],
        learned=texts[2],
        next_steps=texts[3],
        tags=kept,
        **fields,
    )


def completed_tasks(
    *,
    subjects: st.SearchStrategy[TaskRef] | None = None,
    participants: st.SearchStrategy[str] | None = None,
    min_size: int = 0,
    max_size: int = 5,
) -> st.SearchStrategy[CompletedTask]:
    """Completed tasks with unique participants.

    Args:
        subjects: What was completed; :func:`task_refs` with a completion time
            by default (a given strategy's references without one are skipped).
        participants: Where participant ids come from; any id by default.
        min_size: The fewest participants.
        max_size: The most participants.

    Raises:
        InvalidDataError: a size is negative or ``max_size < min_size``.
    """
    _require_sizes(min_size, max_size)
    return st.builds(
        CompletedTask,
        task=(task_refs(completed=True) if subjects is None else subjects).filter(_is_completed),
        participants=st.lists(
            _ids if participants is None else participants,
            min_size=min_size,
            max_size=max_size,
            unique=True,
        ),
    )


def _is_completed(task: TaskRef) -> bool:
    return task.completed_at is not None


def due_reflections() -> st.SearchStrategy[DueReflection]:
    """Reflections due, as :func:`~learnkit.reflection.reflections_due` gives them (id included)."""
    return st.builds(
        DueReflection,
        person=_ids,
        task=task_refs(completed=True),
        due_at=aware_datetimes(),
        overdue=st.booleans(),
    )


FACTORIES: tuple[tuple[type, Callable[[], st.SearchStrategy[Any]]], ...] = (
    (TaskRef, task_refs),
    (Reflection, reflections),
    (CompletedTask, completed_tasks),
    (DueReflection, due_reflections),
)
"""The default strategy of every public type of this part, for ``st.from_type``."""
