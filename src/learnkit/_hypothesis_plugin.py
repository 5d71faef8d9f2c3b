"""Hypothesis entry point: registers learnkit's strategies for ``st.from_type``.

pyproject.toml declares :func:`_hypothesis_setup_hook` in the ``hypothesis``
entry-point group. Hypothesis loads every entry point of that group at the end
of ``import hypothesis`` and calls it when it is callable (unless the
environment sets ``HYPOTHESIS_NO_PLUGINS``), so with learnkit installed
``st.from_type(learnkit.Roster)`` works without importing
:mod:`learnkit.strategies` first.

This module imports nothing at module level: Hypothesis imports it while it is
still starting up, and learnkit itself never imports it.
"""

from __future__ import annotations

import sys

_STRATEGIES = "learnkit.strategies"
_pending = False


def _hypothesis_setup_hook() -> None:
    """Register learnkit's strategies with Hypothesis (called by Hypothesis itself)."""
    global _pending  # noqa: PLW0603 - one flag shared with learnkit.strategies
    module = sys.modules.get(_STRATEGIES)
    if module is not None and not hasattr(module, "register_type_strategies"):
        # ``import learnkit.strategies`` came first and its own ``import hypothesis``
        # brought us here: importing it again now would fail on the half-built
        # module, so it registers itself when its import finishes.
        _pending = True
        return
    _register()


def _register_if_pending() -> None:
    """Finish a registration that had to wait for :mod:`learnkit.strategies` to load."""
    global _pending  # noqa: PLW0603 - one flag shared with learnkit.strategies
    if _pending:
        _pending = False
        _register()


def _register() -> None:
    from learnkit.strategies import register_type_strategies  # noqa: PLC0415 - on demand

    register_type_strategies()
