"""Hypothesis strategies for every public learnkit type, valid by construction.

Use them to property-test code that works with learnkit values::

    from hypothesis import given
    from learnkit.strategies import rosters

    @given(rosters(max_size=8))
    def test_everyone_has_a_team(roster):
        assert all(roster.team(person.team) for person in roster)

Every strategy yields values that the type's own validation accepts, and aims
at the corners real data has: Danish letters (æøå) and arbitrary Unicode in
names, ids that are HR numbers, e-mail addresses or names with spaces, time
zones with half-hour offsets and daylight saving on either hemisphere, people
without a manager, long management chains, teams without members. Each
strategy shrinks towards a plain value (Europe/Copenhagen, no manager, one team).

With learnkit installed, :func:`register_type_strategies` runs when Hypothesis
is imported (through Hypothesis' entry points), so ``st.from_type(Roster)`` and
``st.builds`` of your own classes with learnkit fields work without importing
this module. This is the only learnkit module that imports Hypothesis.
"""

# One module per part of learnkit; each lists its public strategies in ``__all__``
# and the default strategy of each public type in ``FACTORIES``.

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from hypothesis import strategies as st

from learnkit import _hypothesis_plugin
from learnkit.strategies import (
    _culture,
    _foundation,
    _goals,
    _incident_followups,
    _incidents,
    _language,
    _leadership,
    _mentoring,
    _nudges,
    _reflection,
    _retrospective,
    _review_file,
    _safety,
    _sharing,
    _workspace,
)
from learnkit.strategies._culture import *  # noqa: F403
from learnkit.strategies._foundation import *  # noqa: F403
from learnkit.strategies._goals import *  # noqa: F403
from learnkit.strategies._incident_followups import *  # noqa: F403
from learnkit.strategies._incidents import *  # noqa: F403
from learnkit.strategies._language import *  # noqa: F403
from learnkit.strategies._leadership import *  # noqa: F403
from learnkit.strategies._mentoring import *  # noqa: F403
from learnkit.strategies._nudges import *  # noqa: F403
from learnkit.strategies._reflection import *  # noqa: F403
from learnkit.strategies._retrospective import *  # noqa: F403
from learnkit.strategies._review_file import *  # noqa: F403
from learnkit.strategies._safety import *  # noqa: F403
from learnkit.strategies._sharing import *  # noqa: F403
from learnkit.strategies._workspace import *  # noqa: F403

__all__ = ["register_type_strategies"]
__all__ += _foundation.__all__
__all__ += _mentoring.__all__
__all__ += _reflection.__all__
__all__ += _retrospective.__all__
__all__ += _review_file.__all__
__all__ += _sharing.__all__
__all__ += _incidents.__all__
__all__ += _language.__all__
__all__ += _incident_followups.__all__
__all__ += _goals.__all__
__all__ += _leadership.__all__
__all__ += _safety.__all__
__all__ += _culture.__all__
__all__ += _nudges.__all__
__all__ += _workspace.__all__


def _for_type(factory: Callable[[], st.SearchStrategy[Any]]) -> Callable[[type], Any]:
    # Hypothesis calls a registered function with the type it resolves; the
    # strategy is built then, not when Hypothesis is still being imported.
    def resolve(_: type) -> st.SearchStrategy[Any]:
        return factory()

    return resolve


_FACTORIES: tuple[tuple[type, Callable[[], st.SearchStrategy[Any]]], ...] = (
    *_foundation.FACTORIES,
    *_mentoring.FACTORIES,
    *_reflection.FACTORIES,
    *_retrospective.FACTORIES,
    *_review_file.FACTORIES,
    *_sharing.FACTORIES,
    *_incidents.FACTORIES,
    *_language.FACTORIES,
    *_incident_followups.FACTORIES,
    *_goals.FACTORIES,
    *_leadership.FACTORIES,
    *_safety.FACTORIES,
    *_culture.FACTORIES,
    *_nudges.FACTORIES,
    *_workspace.FACTORIES,
)
_TYPE_STRATEGIES: Mapping[type, Callable[[type], st.SearchStrategy[Any]]] = {
    cls: _for_type(factory) for cls, factory in _FACTORIES
}


def register_type_strategies() -> None:
    """Make ``st.from_type`` (and ``st.builds``) use these strategies for learnkit's types.

    Registers the default strategy of this package for every public attrs type
    of learnkit (people and time, and every part: mentoring, reflection,
    incidents, goals, leadership, ...), and for the rule protocols
    ``HardRule``/``SoftRule`` of :mod:`learnkit.mentoring`. Hypothesis calls it
    on import when learnkit is installed; calling it again changes nothing.
    """
    for cls, resolve in _TYPE_STRATEGIES.items():
        st.register_type_strategy(cls, resolve)


# When this package was imported before Hypothesis, the entry point could not
# register yet (see learnkit._hypothesis_plugin); it does so now.
_hypothesis_plugin._register_if_pending()
