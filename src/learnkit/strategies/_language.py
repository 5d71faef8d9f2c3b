"""Strategies for this part of learnkit (filled in by the part's author)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

__all__: list[str] = []

FACTORIES: tuple[tuple[type, Callable[[], st.SearchStrategy[Any]]], ...] = ()
"""The default strategy of every public type of this part, for ``st.from_type``."""
