"""The quarter before: earlier recognitions and time allocations of the example organisation.

The culture report compares the 91 days ending on ``as_of`` with the 91 days
before. :func:`build_earlier` gives *Fjordlys A/S* (see :mod:`learnkit.examples`)
records for that earlier span, drawn the same way as the last quarter's (see
:mod:`learnkit._example_goals`) but from streams of their own, so the last
quarter's records stay exactly as they are:

* recognitions given in the 91 days before the last quarter, with ids ending
  in ``-forrige`` (``"a001-forrige"``) so they never clash with the last
  quarter's;
* weekly development and operations hours for the twelve whole weeks before
  those of the last quarter, so the two spans join without a gap; three people
  lie below the band there too, and the developer without development time
  lately still had some then.

The same roster, date and seed always give equal records; every record is valid.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Final

import attrs

from learnkit._example_goals import (
    ALLOCATION_WEEKS,
    RECOGNITION_DAYS,
    _allocations,
    _recognitions,
)
from learnkit.leadership import Recognition, TimeAllocation
from learnkit.people import Roster

__all__ = ["EARLIER_SUFFIX", "EarlierRecords", "build_earlier"]

EARLIER_SUFFIX: Final = "-forrige"
"""What the earlier recognitions' ids end with."""


@attrs.frozen(kw_only=True)
class EarlierRecords:
    """The quarter before the last one.

    Attributes:
        recognitions: Recognitions given then, sorted by id.
        allocations: Weekly hours then, sorted by person and week.
    """

    recognitions: tuple[Recognition, ...]
    allocations: tuple[TimeAllocation, ...]


def build_earlier(roster: Roster, as_of: dt.date, seed: int) -> EarlierRecords:
    """Recognitions and time allocations of the quarter before the one ending on ``as_of``.

    See the module's documentation. Deterministic: the same roster, date and
    seed give equal records.
    """
    before = as_of - dt.timedelta(days=RECOGNITION_DAYS)
    recognitions = _recognitions(
        random.Random(f"{seed} earlier recognitions"), roster, before, id_suffix=EARLIER_SUFFIX
    )
    allocations = _allocations(
        random.Random(f"{seed} earlier allocations"),
        roster,
        as_of - dt.timedelta(weeks=ALLOCATION_WEEKS),
        None,
    )
    return EarlierRecords(
        recognitions=tuple(sorted(recognitions, key=lambda item: item.id)),
        allocations=tuple(sorted(allocations, key=lambda item: (item.person, item.week))),
    )
