"""Tests for learnkit.cli: the `learnkit` command line."""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import io
import json
import os
import runpy
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import learnkit
from learnkit import Person, Roster, Team
from learnkit.cli import main
from learnkit.examples import example_organisation
from learnkit.serialize import from_json, to_json

BIN = Path(sys.executable).parent


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run main in-process; the exit status, standard output and standard error."""
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def section(output: str, heading: str) -> list[str]:
    """The lines of the section that starts with ``heading`` (up to the next blank line)."""
    blocks = [block.splitlines() for block in output.split("\n\n")]
    return next(block for block in blocks if block[0].startswith(heading))


@pytest.fixture(name="roster_file")
def _roster_file(tmp_path: Path) -> Path:
    path = tmp_path / "roster.json"
    path.write_text(to_json(example_organisation().roster, indent=2), encoding="utf-8")
    return path


class TestVersion:
    def test_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--version prints `learnkit <version>` and succeeds."""
        status, out, err = run(capsys, "--version")
        assert (status, out, err) == (0, f"learnkit {learnkit.__version__}\n", "")

    def test_python_dash_m(self) -> None:
        """`python -m learnkit --version` runs the same command line."""
        result = subprocess.run(
            [sys.executable, "-m", "learnkit", "--version"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0
        assert result.stdout == f"learnkit {learnkit.__version__}\n"
        assert result.stderr == ""

    def test_main_module_exits_with_the_status(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """learnkit.__main__ exits with main's status, read from sys.argv."""
        monkeypatch.setattr(sys, "argv", ["learnkit", "demo", "--seed", "nope"])
        with pytest.raises(SystemExit) as exited:
            runpy.run_module("learnkit", run_name="__main__")
        assert exited.value.code == 2
        assert "--seed" in capsys.readouterr().err

    def test_importing_the_main_module_runs_nothing(self) -> None:
        """Importing learnkit.__main__ (as documentation tools do) does not run the CLI."""
        module = importlib.import_module("learnkit.__main__")
        assert module.main is main


class TestHelp:
    def test_help_is_danish_by_default(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--help lists the commands in Danish and succeeds."""
        status, out, err = run(capsys, "--help")
        assert status == 0
        assert err == ""
        assert "vis en opsummering af eksempelorganisationen" in out
        assert all(command in out for command in ("demo", "example", "roster"))

    def test_command_help_in_english(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A command's --help follows --locale, wherever it stands."""
        status, out, _ = run(capsys, "roster", "--help", "--locale=en")
        assert status == 0
        assert "the JSON file, as 'learnkit example' writes it" in out
        assert "(default: today)" in out


class TestDemo:
    def test_danish_summary(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The demo prints the company, teams, newcomers, languages and zones in Danish."""
        organisation = example_organisation()
        roster = organisation.roster
        status, out, err = run(capsys, "demo")
        assert (status, err) == (0, "")
        lines = out.splitlines()
        assert lines[0] == "Fjordlys A/S – eksempelorganisation (seed 2026)"
        assert lines[1] == "=" * len(lines[0])
        assert lines[2] == "60 personer i 6 teams pr. 2026-11-23"
        assert lines[3].startswith("Lokationer: ")
        teams = section(out, "Teams")
        assert teams[1].split() == ["Team", "Leder", "Antal", "Lokation"]
        width = max(len(team.name) for team in roster.teams)
        for team in roster.teams:
            assert team.manager is not None
            manager = roster.person(team.manager).name
            assert any(line.startswith(f"  {team.name.ljust(width)}  {manager} ") for line in teams)
        newcomers = section(out, "Nye medarbejdere")
        assert len(newcomers) == 2 + len(organisation.newcomers)
        for line, person in zip(newcomers[2:], organisation.newcomers, strict=True):
            days = (organisation.as_of - person.start_date).days
            assert line.startswith(f"  {person.name} ")
            assert line.endswith(f"{person.start_date.isoformat()}  {days:>8}")
        assert any(line.startswith("  dansk (da)  ") for line in section(out, "Sprog"))
        assert section(out, "Tidszoner")[1].startswith("  Europe/Copenhagen")
        assert all(line == line.rstrip() for line in lines)
        assert "\x1b" not in out

    def test_english_summary(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--locale en prints the same summary in English."""
        status, out, _ = run(capsys, "demo", "--locale", "en")
        assert status == 0
        assert out.startswith("Fjordlys A/S – example organisation (seed 2026)\n")
        assert "60 people in 6 teams as of 2026-11-23" in out
        assert "Newcomers (started within 90 days)" in out
        assert "  Danish (da)" in out
        assert "Time zones (number of people)" in out

    def test_seed_and_date(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--seed and --as-of choose the organisation and the date it is seen from."""
        organisation = example_organisation(seed=7, as_of=dt.date(2027, 3, 1))
        status, out, _ = run(capsys, "demo", "--seed", "7", "--as-of", "2027-03-01")
        assert status == 0
        assert "(seed 7)" in out.splitlines()[0]
        assert "pr. 2027-03-01" in out
        assert all(person.name in out for person in organisation.newcomers)

    @settings(max_examples=20)
    @given(seed=st.integers(min_value=0, max_value=10**6), locale=st.sampled_from(["da", "en"]))
    def test_any_seed_prints_every_team(self, seed: int, locale: str) -> None:
        """For any seed the demo succeeds and names every team and newcomer."""
        organisation = example_organisation(seed=seed)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            status = main(["demo", "--seed", str(seed), "--locale", locale])
        assert status == 0
        assert all(team.name in out.getvalue() for team in organisation.roster.teams)
        assert all(person.name in out.getvalue() for person in organisation.newcomers)

    def test_console_script(self) -> None:
        """The installed `learnkit demo` script prints the summary."""
        script = shutil.which("learnkit", path=str(BIN))
        assert script is not None
        result = subprocess.run(
            [script, "demo", "--locale", "en"], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0
        assert result.stdout.startswith("Fjordlys A/S – example organisation")
        assert result.stderr == ""


class TestExample:
    def test_writes_the_roster_as_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`learnkit example` writes the example roster document, indented."""
        status, out, err = run(capsys, "example", "--seed", "3", "--as-of", "2025-06-02")
        assert (status, err) == (0, "")
        document = json.loads(out)
        assert (document["schema"], document["type"]) == (1, "Roster")
        assert out.startswith('{\n  "schema": 1,')
        expected = example_organisation(seed=3, as_of=dt.date(2025, 6, 2)).roster
        assert from_json(out, Roster) == expected

    def test_defaults(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Without options it writes the default organisation's roster."""
        _, out, _ = run(capsys, "example")
        assert from_json(out, Roster) == example_organisation().roster


class TestRoster:
    def test_summary_matches_the_demo(
        self, capsys: pytest.CaptureFixture[str], roster_file: Path
    ) -> None:
        """A roster file gets the demo's summary, under its own title."""
        _, demo, _ = run(capsys, "demo", "--locale", "en")
        status, out, err = run(
            capsys, "roster", str(roster_file), "--as-of", "2026-11-23", "--locale", "en"
        )
        assert (status, err) == (0, "")
        assert out.splitlines()[0] == f"Roster from {roster_file}"
        assert out.splitlines()[2:] == demo.splitlines()[2:]

    def test_reads_standard_input(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """`-` reads the document from standard input, as piped from `learnkit example`."""
        text = "\ufeff" + to_json(example_organisation(seed=5).roster)  # with a byte order mark
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
        status, out, _ = run(capsys, "roster", "-", "--as-of", "2026-11-23")
        assert status == 0
        assert out.startswith("Medarbejderliste fra <standard input>\n")

    def test_looks_from_today_by_default(
        self, capsys: pytest.CaptureFixture[str], roster_file: Path
    ) -> None:
        """Without --as-of the roster is seen from today's date."""
        before = dt.date.today()
        status, out, _ = run(capsys, "roster", str(roster_file))
        after = dt.date.today()
        assert status == 0
        assert f"pr. {before.isoformat()}" in out or f"pr. {after.isoformat()}" in out

    def test_gaps_in_a_roster(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """No manager, no location, an unnamed language and a later start are all shown."""
        roster = Roster(
            people=[
                Person(
                    id="a",
                    name="Åse Ørum",
                    team="t",
                    start_date=dt.date(2026, 1, 5),
                    languages={"da", "eo"},
                ),
                Person(id="b", name="Bo Berg", team="t", start_date=dt.date(2027, 1, 4)),
            ],
            teams=[Team(id="t", name="Tværgående"), Team(id="e", name="Ældre team")],
        )
        path = tmp_path / "small.json"
        path.write_text(to_json(roster), encoding="utf-8")
        status, out, _ = run(capsys, "roster", str(path), "--as-of", "2026-02-02")
        assert status == 0
        assert "2 personer i 2 teams pr. 2026-02-02, heraf 1 som endnu ikke er startet" in out
        assert "Lokationer: uden lokation (2)" in out
        teams = section(out, "Teams")
        assert teams[2].split() == ["Tværgående", "–", "2", "–"]
        assert teams[3].split() == ["Ældre", "team", "–", "0", "–"]  # æ sorts after t
        assert "  Åse Ørum  Tværgående  2026-01-05        28" in out
        assert section(out, "Sprog")[2:] == ["  eo          1"]

    def test_empty_roster(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """An empty roster gets a summary that says there is nothing."""
        path = tmp_path / "empty.json"
        path.write_text(to_json(Roster(people=[], teams=[])), encoding="utf-8")
        status, out, _ = run(capsys, "roster", str(path), "--as-of", "2026-02-02", "--locale", "en")
        assert status == 0
        assert "0 people in 0 teams as of 2026-02-02" in out
        assert "Locations: none" in out
        assert section(out, "Teams") == ["Teams", "  No teams."]
        assert section(out, "Newcomers")[1] == "  No newcomers."
        assert section(out, "Languages") == ["Languages (number of people)", "  none"]
        assert section(out, "Time zones") == ["Time zones (number of people)", "  none"]

    def test_one_person_one_team(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """Counts of one are singular."""
        roster = Roster(
            people=[Person(id="a", name="Al", team="t", start_date=dt.date(2020, 1, 1))],
            teams=[Team(id="t", name="T", manager="a")],
        )
        path = tmp_path / "one.json"
        path.write_text(to_json(roster), encoding="utf-8")
        _, da, _ = run(capsys, "roster", str(path), "--as-of", "2026-02-02")
        _, en, _ = run(capsys, "roster", str(path), "--as-of", "2026-02-02", "--locale", "en")
        assert "1 person i 1 team pr. 2026-02-02" in da
        assert "1 person in 1 team as of 2026-02-02" in en


def invalid_roster_text() -> str:
    """A roster document with four bad fields."""
    document = json.loads(to_json(example_organisation().roster))
    document["data"]["people"][2]["team"] = 7
    document["data"]["people"][3]["start_date"] = "yesterday"
    document["data"]["people"][4]["skills"][0]["level"] = "x" * 500
    document["data"]["people"][5]["languages"] = "da"
    return json.dumps(document)


class TestErrors:
    @pytest.mark.parametrize(
        "case",
        [
            ([], 2, "learnkit: mangler en kommando"),
            (["fly"], 2, "learnkit: argument KOMMANDO: invalid choice: 'fly'"),
            (["--bogus"], 2, "learnkit: ukendte argumenter: --bogus"),
            (["demo", "--bogus", "x"], 2, "learnkit demo: ukendte argumenter: --bogus x"),
            (["demo", "--as-of", "2026-13-01"], 2, "--as-of: ugyldig dato '2026-13-01'"),
            (["demo", "--as-of", "23-11-2026"], 2, "forventet ÅÅÅÅ-MM-DD"),
            (["demo", "--as-of"], 2, "argument --as-of: expected one argument"),
            (["demo", "--seed", "1.5"], 2, "learnkit demo: --seed: ugyldigt seed '1.5'"),
            (["example", "--seed", "9" * 5000], 2, "learnkit example: --seed: ugyldigt seed"),
            (["demo", "--locale", "fr"], 2, "--locale: ukendt sprog 'fr', vælg da eller en"),
            (["demo", "--as-of", "0001-01-01"], 2, "ugyldigt argument, 1 problem: as_of: must"),
            (["demo", "--", "--locale", "en"], 2, "--locale en (se"),
            (["roster"], 2, "learnkit roster: mangler filen med medarbejderlisten"),
            (["roster", "a.json", "b.json"], 2, "learnkit roster: ukendte argumenter: b.json"),
            (["roster", "missing.json"], 1, "learnkit: missing.json: filen findes ikke"),
            (["roster", "."], 1, "learnkit: .: kan ikke læses: "),
        ],
    )
    def test_one_line_and_a_status(
        self,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path,
        case: tuple[list[str], int, str],
    ) -> None:
        """A bad argument or file gives one line on stderr, nothing on stdout, and a status."""
        argv, status, expected = case
        monkeypatch.chdir(tmp_path)
        code, out, err = run(capsys, *argv)
        assert code == status
        assert out == ""
        assert err.count("\n") == 1
        assert err.endswith("\n")
        assert expected in err
        assert err.startswith("learnkit")
        assert "Traceback" not in err
        if status == 2:
            assert "--help')" in err

    @pytest.mark.parametrize(
        ("content", "expected"),
        [
            (b'{"schema": 1,\n  "type": }', "invalid JSON at line 2, column 11: Expecting value"),
            (b"", "invalid JSON at line 1, column 1"),
            (b"\xff\xfe{}", "is not UTF-8 text (byte 0)"),
            (b"[" * 100_000, "invalid JSON: nested too deeply"),
            (b"1" * 5000, "invalid JSON: Exceeds the limit"),
            (b'{"schema": 1, "type": "Team", "data": {}}', "invalid data, "),
            (
                b'{"schema": 1, "type": "Roster", "data": {"people": NaN}}',
                "invalid data, 1 problem",
            ),
        ],
    )
    def test_bad_documents(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        content: bytes,
        expected: str,
    ) -> None:
        """A file that is not a roster document gives one line naming the file and the reason."""
        path = tmp_path / "bad.json"
        path.write_bytes(content)
        code, out, err = run(capsys, "roster", str(path), "--locale", "en")
        assert (code, out) == (1, "")
        assert err.count("\n") == 1
        assert err.startswith(f"learnkit: {path}: ")
        assert expected in err

    def test_invalid_data_is_summarised(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """Invalid data gives the problem count, the first three problems and how many more."""
        path = tmp_path / "roster.json"
        path.write_text(invalid_roster_text(), encoding="utf-8")
        code, _, err = run(capsys, "roster", str(path), "--locale", "en")
        assert code == 1
        assert err.count("\n") == 1
        assert err.startswith(f"learnkit: {path}: invalid data, 4 problems: $.data.people[2].team")
        assert err.count("$.data.people") == 3
        assert err.rstrip().endswith("; and 1 more problem")
        assert "x" * 60 not in err  # long values are cut short
        _, _, danish = run(capsys, "roster", str(path))
        assert "ugyldige data, 4 problemer: " in danish
        assert danish.rstrip().endswith("; og 1 problem mere")

    def test_line_breaks_in_a_path_stay_on_one_line(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """Even a file name with a line break gives one line."""
        code, _, err = run(capsys, "roster", str(tmp_path / "two\nlines.json"))
        assert code == 1
        assert err.count("\n") == 1
        assert "two lines.json: filen findes ikke" in err

    def test_errors_in_english(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--locale en gives learnkit's own error messages in English."""
        _, _, err = run(capsys, "demo", "--as-of", "tomorrow", "--locale", "en")
        assert err == (
            "learnkit demo: --as-of: invalid date 'tomorrow', expected YYYY-MM-DD"
            " (see 'learnkit demo --help')\n"
        )
        _, _, err = run(capsys, "roster", "nowhere.json", "--locale", "en")
        assert err == "learnkit: nowhere.json: no such file\n"

    def test_interrupted(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Ctrl-C while reading standard input gives one line and status 130."""

        class Interrupting:
            def read(self) -> bytes:
                raise KeyboardInterrupt

        class Stdin:
            buffer = Interrupting()

        monkeypatch.setattr(sys, "stdin", Stdin())
        assert run(capsys, "roster", "-") == (130, "", "learnkit: afbrudt\n")

    def test_closed_output(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """When the reader of the output goes away, learnkit stops quietly with status 1."""
        read_end, write_end = os.pipe()
        os.close(read_end)
        with open(write_end, "w", encoding="utf-8") as closed:
            monkeypatch.setattr(sys, "stdout", closed)
            assert main(["example"]) == 1
            closed.write("later writes go nowhere")

    def test_closed_output_of_the_console_script(self) -> None:
        """The script prints no traceback when its output pipe closes early."""
        script = shutil.which("learnkit", path=str(BIN))
        assert script is not None
        process = subprocess.Popen(
            [script, "example"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.close()
        err = process.stderr.read()
        process.stderr.close()
        assert process.wait() == 1
        assert err == b""
