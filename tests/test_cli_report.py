"""Tests for `learnkit report`, `learnkit example --workspace` and the `--lang` option."""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import pytest

from learnkit import Person, Roster, Team, _cli_commands, _cli_io
from learnkit.cli import main
from learnkit.culture import culture_report, render_markdown, render_text
from learnkit.examples import example_organisation
from learnkit.exceptions import TransitionError
from learnkit.serialize import from_json, to_json
from learnkit.time import Period
from learnkit.workspace import Workspace

AS_OF = dt.date(2026, 11, 23)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run main in-process; the exit status, standard output and standard error."""
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture(name="workspace", scope="module")
def _workspace() -> Workspace:
    return example_organisation().workspace


@pytest.fixture(name="workspace_file", scope="module")
def _workspace_file(workspace: Workspace, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "workspace.json"
    path.write_text(to_json(workspace), encoding="utf-8")
    return path


@pytest.fixture(name="small_file")
def _small_file(tmp_path: Path) -> Path:
    """A valid Workspace document with one person in one team and no records."""
    roster = Roster(
        people=[Person(id="p1", name="Ida Holm", team="t", start_date=dt.date(2020, 1, 6))],
        teams=[Team(id="t", name="Team T", manager="p1")],
    )
    path = tmp_path / "small.json"
    path.write_text(to_json(Workspace(roster=roster, name="Lille A/S")), encoding="utf-8")
    return path


def expected(text: str) -> str:
    """A rendered report as the command prints it: ending in one line break."""
    return text.rstrip("\n") + "\n"


class TestReport:
    def test_text_in_danish(
        self, capsys: pytest.CaptureFixture[str], workspace: Workspace, workspace_file: Path
    ) -> None:
        """The default output is the library's text rendering of the 91 days up to --as-of."""
        status, out, err = run(capsys, "report", str(workspace_file), "--as-of", "2026-11-23")
        assert (status, err) == (0, "")
        assert out == expected(render_text(culture_report(workspace, as_of=AS_OF), "da"))

    def test_markdown_in_english(
        self, capsys: pytest.CaptureFixture[str], workspace: Workspace, workspace_file: Path
    ) -> None:
        """--format markdown --lang en gives the library's Markdown in English."""
        status, out, _ = run(
            capsys,
            "report",
            str(workspace_file),
            "--as-of=2026-11-23",
            "--format",
            "markdown",
            "--lang",
            "en",
        )
        assert status == 0
        assert out == expected(render_markdown(culture_report(workspace, as_of=AS_OF), "en"))

    def test_a_given_period_is_seen_from_its_last_day(
        self, capsys: pytest.CaptureFixture[str], small_file: Path
    ) -> None:
        """--from and --to choose the period; without --as-of the report is made on --to."""
        workspace = from_json(small_file.read_text(encoding="utf-8"), Workspace)
        period = Period(dt.date(2026, 6, 1), dt.date(2026, 8, 31))
        status, out, _ = run(
            capsys, "report", str(small_file), "--from", "2026-06-01", "--to", "2026-08-31"
        )
        assert status == 0
        report = culture_report(workspace, as_of=period.last, period=period)
        assert out == expected(render_text(report, "da"))

    def test_today_by_default_and_standard_input(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, small_file: Path
    ) -> None:
        """Without --as-of the report is made today; `-` reads the document from standard input."""
        text = small_file.read_text(encoding="utf-8")
        workspace = from_json(text, Workspace)
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
        before = dt.date.today()
        status, out, _ = run(capsys, "report", "-", "--lang", "en")
        after = dt.date.today()
        assert status == 0
        assert out in {
            expected(render_text(culture_report(workspace, as_of=day), "en"))
            for day in (before, after)
        }

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            ([], "learnkit report: mangler filen med arbejdsområdet"),
            (["--format", "pdf"], "--format: ukendt værdi 'pdf', vælg text | markdown"),
            (["--from", "2026-01-01"], "angiv perioden med både --from og --to"),
            (["--from", "2026-03-01", "--to", "2026-01-01"], "--to (2026-01-01) ligger før"),
            (["--from", "2026-02-30", "--to", "2026-03-01"], "--from: ugyldig dato '2026-02-30'"),
            (["--as-of", "i går"], "--as-of: ugyldig dato 'i går'"),
            (["--lang", "de"], "--lang: ukendt sprog 'de'"),
            (["--lang", "en", "--locale", "da"], "--lang og --locale angiver hvert sit sprog"),
        ],
    )
    def test_usage_errors(
        self,
        capsys: pytest.CaptureFixture[str],
        small_file: Path,
        argv: list[str],
        message: str,
    ) -> None:
        """Bad options give one line naming the option and status 2, before any file is read."""
        file = [str(small_file)] if argv else []
        status, out, err = run(capsys, "report", *file, *argv)
        assert (status, out) == (2, "")
        assert err.count("\n") == 1
        assert message in err
        assert err.endswith("(se 'learnkit report --help')\n")

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            (None, "filen findes ikke"),
            (b"{", "ugyldig JSON"),
            (b"\xff", "er ikke UTF-8-tekst"),
            (b'{"schema": 1, "type": "Roster", "data": {}}', "ugyldige data, 1 problem: $.type"),
        ],
    )
    def test_bad_files(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        content: bytes | None,
        message: str,
    ) -> None:
        """A missing, unreadable or invalid file gives the other commands' one line and status 1."""
        path = tmp_path / "workspace.json"
        if content is not None:
            path.write_bytes(content)
        status, out, err = run(capsys, "report", str(path), "--as-of", "2026-11-23")
        assert (status, out) == (1, "")
        assert err.startswith(f"learnkit: {path}: ")
        assert err.count("\n") == 1
        assert message in err

    def test_what_the_library_refuses(
        self, capsys: pytest.CaptureFixture[str], small_file: Path
    ) -> None:
        """A period after --as-of and dates at the calendar's ends are usage errors (status 2)."""
        cases = [
            (
                ["--from", "2026-07-01", "--to", "2026-12-31", "--as-of", "2026-06-01"],
                "--as-of (2026-06-01) ligger før periodens første dag, --from (2026-07-01)",
                "rapporten kan ikke se en periode, der ikke er begyndt",
            ),
            (
                ["--as-of", "0001-01-05"],
                "ugyldigt argument, 1 problem: as_of: is too near the start of the calendar",
                "(got 0001-01-05)",
            ),
            (
                ["--from", "0001-01-01", "--to", "0001-02-01"],
                "period: is too near the start of the calendar",
                "(got 0001-01-01 – 0001-02-01)",
            ),
        ]
        for argv, *messages in cases:
            status, out, err = run(capsys, "report", str(small_file), *argv)
            assert (status, out) == (2, ""), argv
            assert err.count("\n") == 1
            assert all(message in err for message in messages), err
            assert "datetime" not in err

    def test_as_of_on_the_first_day_is_fine(
        self, capsys: pytest.CaptureFixture[str], small_file: Path
    ) -> None:
        """--as-of may be the period's first day: the check refuses only earlier days."""
        argv = ["--from", "2026-07-01", "--to", "2026-12-31", "--as-of", "2026-07-01"]
        status, out, err = run(capsys, "report", str(small_file), *argv)
        assert (status, err) == (0, "")
        assert "2026-07-01" in out


class TestExampleWorkspace:
    def test_writes_the_whole_example(
        self, capsys: pytest.CaptureFixture[str], workspace: Workspace
    ) -> None:
        """`learnkit example --workspace` writes the example Workspace, indented."""
        status, out, err = run(capsys, "example", "--workspace")
        assert (status, err) == (0, "")
        assert out.startswith('{\n  "schema": 1,\n  "type": "Workspace",')
        assert from_json(out, Workspace) == workspace

    @pytest.mark.parametrize("other", ["--mentoring", "--sharing"])
    def test_one_document_at_a_time(self, capsys: pytest.CaptureFixture[str], other: str) -> None:
        """--workspace with --mentoring or --sharing is a usage error."""
        status, out, err = run(capsys, "example", other, "--workspace", "--lang", "en")
        assert (status, out) == (2, "")
        assert "cannot be used together" in err
        assert "--workspace" in err


class TestLang:
    def test_lang_and_locale_are_the_same(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--lang is the option's name; --locale keeps working, and both may agree."""
        outputs = {
            run(capsys, "roster", "--help", *argv)[1]
            for argv in (["--lang", "en"], ["--locale=en"], ["--lang=en", "--locale", "en"])
        }
        assert len(outputs) == 1
        assert "language of the texts" in outputs.pop()

    @pytest.mark.parametrize(
        "argv",
        [
            ["match", "--lang", "en"],
            ["review", "check", "--lang", "en"],
            ["sharing", "plan", "--lang", "en"],
        ],
    )
    def test_every_command_takes_lang(
        self, capsys: pytest.CaptureFixture[str], argv: list[str]
    ) -> None:
        """Every command that took --locale takes --lang: its errors are then in English."""
        status, _, err = run(capsys, *argv)
        assert status == 2
        assert "see 'learnkit" in err

    def test_no_command_lists_the_new_ones(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Without a command, the message lists report and nudges too."""
        status, _, err = run(capsys)
        assert status == 2
        assert "demo, example, match, nudges, report, review, roster eller sharing" in err


class TestErrorHelpers:
    def test_other_refusals_are_bad_input(self) -> None:
        """A refusal other than bad data is one translated line (1)."""
        with (
            pytest.raises(_cli_io.InputError) as caught,
            _cli_commands.computing("p", "x.json", "en"),
        ):
            raise TransitionError("goal g1", "active", "achieved", ["needs a note"])
        assert caught.value.message.startswith("x.json: cannot be used: goal g1 cannot move")

    def test_values_are_readable(self) -> None:
        """Moments, dates and periods are shown in ISO form; anything else as its repr."""
        moment = dt.datetime(2026, 11, 24, 9, 0, 30, tzinfo=dt.UTC)
        assert _cli_io.readable(moment) == "2026-11-24T09:00+00:00"
        assert _cli_io.readable(AS_OF) == "2026-11-23"
        assert _cli_io.readable(Period(AS_OF, AS_OF)) == "2026-11-23 – 2026-11-23"
        assert _cli_io.readable("x") == "'x'"
