"""Tests for the corners of `learnkit match` in learnkit._cli_match that test_cli.py leaves."""

from __future__ import annotations

from pathlib import Path

import pytest

from learnkit import _cli_match
from learnkit.cli import main
from learnkit.examples import example_organisation
from learnkit.exceptions import LearnkitError
from learnkit.mentoring import Cohort
from learnkit.rostercsv import roster_to_csv
from learnkit.serialize import to_json


@pytest.fixture(name="cohort", scope="module")
def _cohort() -> Cohort:
    return example_organisation().mentoring


class TestMatchCorners:
    def test_a_document_that_is_no_object_with_a_csv_roster(
        self, capsys: pytest.CaptureFixture[str], cohort: Cohort, tmp_path: Path
    ) -> None:
        """With --roster, a cohort document that is a JSON array is refused as invalid data (1)."""
        csv_path = tmp_path / "roster.csv"
        csv_path.write_text(roster_to_csv(cohort.roster), encoding="utf-8")
        document = tmp_path / "list.json"
        document.write_text("[]", encoding="utf-8")
        status = main(["match", str(document), "--roster", str(csv_path), "--lang", "en"])
        captured = capsys.readouterr()
        assert (status, captured.out) == (1, "")
        assert captured.err == (
            f"learnkit: {document}: invalid data, 1 problem: $: must be a learnkit document:"
            " an object with schema, type and data, not an array (got [])\n"
        )

    def test_a_refusal_of_the_matcher_is_one_line(
        self,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        cohort: Cohort,
        tmp_path: Path,
    ) -> None:
        """A refusal other than bad data names the file and the reason on one line (1)."""

        def refuse(*args: object, **kwargs: object) -> None:
            raise LearnkitError("no way\nto match")

        monkeypatch.setattr(_cli_match, "optimal", refuse)
        path = tmp_path / "cohort.json"
        path.write_text(to_json(cohort), encoding="utf-8")
        status = main(["match", str(path), "--lang", "en"])
        captured = capsys.readouterr()
        assert (status, captured.out) == (1, "")
        assert captured.err == f"learnkit: {path}: cannot be matched: no way to match\n"

    def test_no_weight_gives_no_reasons(self) -> None:
        """Score parts that weigh nothing in total give no reasons to show."""
        assert _cli_match._top_parts([], 2) == []
