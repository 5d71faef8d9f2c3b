"""The constants written out in docs/api.md say what the code holds."""

from __future__ import annotations

import datetime
import importlib
import re
from pathlib import Path

API = Path(__file__).resolve().parent.parent / "docs" / "api.md"
ENTRY = re.compile(r"^\.\. py:data:: (?P<name>[\w.]+)\n(?:   :value: (?P<value>.+)\n)?", re.M)


def documented() -> list[tuple[str, str | None]]:
    return [(m["name"], m["value"]) for m in ENTRY.finditer(API.read_text(encoding="utf-8"))]


def resolve(name: str) -> object:
    module, _, attribute = name.rpartition(".")
    return getattr(importlib.import_module(module), attribute)


class TestDocumentedConstants:
    def test_there_are_documented_constants(self) -> None:
        """The page lists the constants it links to, some with their values."""
        entries = documented()
        assert len(entries) >= 7
        assert any(value is not None for _, value in entries)

    def test_every_constant_exists_with_its_documented_value(self) -> None:
        """Each listed name is public in its package, and a written value equals the code's."""
        for name, value in documented():
            actual = resolve(name)
            assert (
                name.rpartition(".")[2] in importlib.import_module(name.rpartition(".")[0]).__all__
            )
            if value is not None:
                # The values are our own documentation, so evaluating them is safe.
                assert eval(value, {"datetime": datetime}) == actual, name
