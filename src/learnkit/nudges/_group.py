"""One nudge per recipient and reason: the occasions of one recipient and reason, put together.

A reason's rule finds occasions (:class:`~learnkit.nudges._model.Occasion`:
one record, one recipient); :func:`group` turns the occasions of each
``(recipient, reason)`` into exactly one :class:`~learnkit.nudges.Nudge`. Its
text covers every occasion (the singular text of the one, or the plural text
listing up to :data:`LISTED` of them by name and then how many more), it is
due at the earliest of them, it lists their ids as ``occasions``, and its id
is made of the reason, the recipient and a digest of those.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from typing import Final

from learnkit.i18n import Locale, translate
from learnkit.nudges._model import Nudge, NudgeReason, Occasion, id_part, utc

__all__ = ["DIGEST_LENGTH", "LISTED", "digest", "group", "listing"]

LISTED: Final = 3
"""How many of a nudge's records its text names; the rest are counted ("and 2 more")."""

DIGEST_LENGTH: Final = 12
"""Hex digits of the SHA-256 digest of the occasions in a nudge's id (48 bits)."""


def digest(occasions: Iterable[str]) -> str:
    """The first :data:`DIGEST_LENGTH` hex digits of the SHA-256 of the sorted occasions.

    The occasions are joined by line breaks (an occasion has none: it is made
    of ids), so the same set of occasions gives the same digest, in any order,
    on every machine and run, and different sets give different digests
    (but for a SHA-256 collision in 48 bits).
    """
    text = "\n".join(sorted(set(occasions)))
    return hashlib.sha256(text.encode()).hexdigest()[:DIGEST_LENGTH]


def listing(items: Sequence[str], locale: Locale) -> str:
    """``items`` as a list in running text: "A", "A og B", "A, B og C", "A, B, C og 2 mere".

    At most :data:`LISTED` items are named; the rest are counted.
    """
    if len(items) == 1:
        return items[0]
    if len(items) <= LISTED:
        return translate("nudges.list.and", locale, items=", ".join(items[:-1]), last=items[-1])
    return translate(
        "nudges.list.more", locale, items=", ".join(items[:LISTED]), count=len(items) - LISTED
    )


def _order(occasion: Occasion) -> tuple[dt.datetime, str, str]:
    return (utc(occasion.due), occasion.subject, occasion.occasion)


def group(occasions: Iterable[Occasion], locale: Locale) -> list[Nudge]:
    """Exactly one nudge per ``(recipient, reason)`` of ``occasions``, covering all of them.

    Guarantees: every occasion is covered by exactly one nudge (its
    recipient's and reason's, whose ``subjects`` hold its subject); ``due``
    is the earliest of the occasions' due moments (in that occasion's zone);
    ``subjects`` are the sorted distinct subjects; ``occasions`` the sorted
    distinct occasion ids; the id is
    ``<reason>:<recipient>:<digest>`` (recipient with ``%`` and ``:``
    escaped, :func:`digest` of the occasions), so it changes exactly when
    the set of occasions it covers does. The text lists the occasions in
    order of due moment, then subject. The result does not depend on the
    order of ``occasions``.
    """
    by_key: dict[tuple[str, NudgeReason], list[Occasion]] = {}
    # One occasion can stand for several records (a round of overdue action
    # items): each record is an Occasion value with the same occasion id.
    for occasion in occasions:
        by_key.setdefault((occasion.recipient, occasion.reason), []).append(occasion)
    return [_nudge(sorted(found, key=_order), locale) for found in by_key.values()]


def _nudge(found: list[Occasion], locale: Locale) -> Nudge:
    first = found[0]
    reason, recipient = first.reason, first.recipient
    if len(found) == 1:  # one record (an occasion of several records counts each)
        key, params = first.key, dict(first.params)
    else:
        # Several texts can apply (a mentor who is also a mentee): the last key
        # in sorted order is the rule's choice ("mentor" after "mentee").
        key = max(occasion.plural_key for occasion in found)
        name, value = first.greeting
        params = {
            name: value,
            "count": str(len(found)),
            "items": listing([occasion.item for occasion in found], locale),
        }
    return Nudge(
        id=f"{reason.value}:{id_part(recipient)}:{digest(o.occasion for o in found)}",
        recipient=recipient,
        to_team=reason is NudgeReason.MEETING_OPENER,
        reason=reason,
        due=first.due,
        key=key,
        params=params,
        text=translate(key, locale, **params),
        subjects=tuple(sorted({occasion.subject for occasion in found})),
        occasions=tuple(sorted({occasion.occasion for occasion in found})),
    )
