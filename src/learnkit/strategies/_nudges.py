"""Strategies for :mod:`learnkit.nudges`: nudges of every reason, valid by construction."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from learnkit.nudges import Nudge, NudgeReason
from learnkit.strategies._foundation import _ids, _texts, aware_datetimes

__all__ = ["nudge_reasons", "nudges"]

_PARAM_NAMES = st.sampled_from(("name", "other", "title", "date", "time", "question", "weeks"))
_KEYS = st.sampled_from(
    (
        "nudges.reflection_due.due.one",
        "nudges.check_in_due.mentor.other",
        "nudges.meeting_opener.one",
        "nudges.no_development_time.other",
    )
)


def nudge_reasons() -> st.SearchStrategy[NudgeReason]:
    """Any :class:`~learnkit.nudges.NudgeReason`."""
    return st.sampled_from(NudgeReason)


@st.composite
def _nudge(draw: st.DrawFn, reasons: st.SearchStrategy[NudgeReason]) -> Nudge:
    reason = draw(reasons)
    occasion = draw(_ids)
    others = draw(st.lists(_ids, max_size=2, unique=True))
    return Nudge(
        id=f"{reason.value}:{occasion}",
        recipient=draw(_ids),
        to_team=reason is NudgeReason.MEETING_OPENER,
        reason=reason,
        due=draw(aware_datetimes()),
        key=draw(_KEYS),
        params=draw(st.dictionaries(_PARAM_NAMES, _texts(("Anne", "Release 4.2")), max_size=3)),
        text=draw(_texts(("Hej Anne! Hvad har vi lært siden sidst?", "Hi Anne!"))),
        subjects=draw(st.lists(_ids, min_size=1, max_size=3, unique=True)),
        occasions=sorted({f"{reason.value}:{item}" for item in (occasion, *others)}),
    )


def nudges(*, reasons: st.SearchStrategy[NudgeReason] | None = None) -> st.SearchStrategy[Nudge]:
    """Valid :class:`~learnkit.nudges.Nudge` values, of any reason or of ``reasons``.

    Ids, recipients, subjects (one to three) and occasions (one to three,
    each ``<reason>:`` and an id) are any ids learnkit accepts (HR numbers,
    e-mail addresses, names with æøå), ``due`` any aware datetime, and the
    parameters up to three named texts; ``text`` is not rendered from
    ``key`` (a nudge read from a document need not be).
    """
    return _nudge(nudge_reasons() if reasons is None else reasons)


FACTORIES: tuple[tuple[type, Callable[[], st.SearchStrategy[Any]]], ...] = ((Nudge, nudges),)
"""The default strategy of every public nudges type, for ``st.from_type``."""
