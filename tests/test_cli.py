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

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import learnkit
from learnkit import Person, Roster, Team, _cli_demo
from learnkit.cli import main
from learnkit.examples import example_organisation
from learnkit.mentoring import Cohort, Pair
from learnkit.mentoring._match import MatchResult, optimal, stable
from learnkit.rostercsv import roster_to_csv
from learnkit.serialize import from_json, to_dict, to_json

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


@pytest.fixture(name="cohort", scope="module")
def _cohort() -> Cohort:
    return example_organisation().mentoring


@pytest.fixture(name="cohort_file")
def _cohort_file(tmp_path: Path, cohort: Cohort) -> Path:
    path = tmp_path / "cohort.json"
    path.write_text(to_json(cohort, indent=2), encoding="utf-8")
    return path


def write_cohort(path: Path, cohort: Cohort) -> str:
    """Write ``cohort`` as a document to ``path``; the path as text."""
    path.write_text(to_json(cohort), encoding="utf-8")
    return str(path)


def label(cohort: Cohort, person_id: str) -> str:
    """How the match table shows a person."""
    return f"{cohort.roster.person(person_id).name} ({person_id})"


def decimal(value: float, locale: str = "da") -> str:
    """A score as the match table shows it."""
    text = f"{value:.2f}"
    return text.replace(".", ",") if locale == "da" else text


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
        assert "fortæl historien om eksempelorganisationens kvartal" in out
        assert "opsummering af eksempelorganisationen" not in out
        assert all(command in out for command in ("demo", "example", "match", "roster"))

    def test_help_names_what_the_commands_do(self, capsys: pytest.CaptureFixture[str]) -> None:
        """demo --help tells a story, not a summary; example --help mentions the Workspace."""
        _, demo, _ = run(capsys, "demo", "--help", "--lang", "en")
        assert "tell the story of the example organisation's quarter" in demo
        assert "print a summary" not in demo
        _, example, _ = run(capsys, "--help", "--lang", "en")
        assert "Friday-story plan request or whole Workspace) as JSON" in example

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

    @settings(max_examples=8)
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
        # The demo tells its story around the same sections: every section of the
        # summary is in the demo too, and the headline matches below the title.
        head, *sections = out.rstrip("\n").split("\n\n")
        demo_head, *demo_sections = demo.split("\n\n")
        assert head.splitlines()[2:] == demo_head.splitlines()[2:]
        assert all(section in demo_sections for section in sections)

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


class TestMatch:
    def test_table_in_danish(
        self, capsys: pytest.CaptureFixture[str], cohort: Cohort, cohort_file: Path
    ) -> None:
        """The optimum: every pair with its score and top reasons, then the guarantee."""
        result = optimal(cohort)
        status, out, err = run(capsys, "match", str(cohort_file))
        assert (status, err) == (0, "")
        lines = out.splitlines()
        assert lines[0] == f"Mentormatchning: {cohort_file}"
        assert lines[1] == "=" * len(lines[0])
        assert lines[2].startswith("Optimal: flest mulige mentees med en mentor")
        summary = section(out, f"{len(result.matches)} af {len(cohort.requests)} mentees")
        assert decimal(result.total_score) in summary[0]
        pairs = section(out, "Par")
        assert pairs[1].split() == ["Mentee", "Mentor", "Score", "Vigtigste", "grunde", "(andel",
                                    "af", "scoren)"]  # fmt: skip
        # A pair's first line starts with the mentee; its second reason stands on a line of its own.
        first_lines = [line for line in pairs[2:] if not line.startswith("      ")]
        assert len(first_lines) == len(result.matches)
        assert len(pairs) - 2 <= 2 * len(result.matches)
        for line, match in zip(first_lines, result.matches, strict=True):
            assert line.startswith(f"  {label(cohort, match.mentee)} ")
            assert f" {label(cohort, match.mentor)} " in line
            assert f" {decimal(match.score)}  " in line
        assert lines[-1] == f"Garanti: {result.guarantee_text('da')}"
        assert all(line == line.rstrip() for line in lines)

    def test_reasons_are_the_largest_parts(
        self, capsys: pytest.CaptureFixture[str], cohort: Cohort, cohort_file: Path
    ) -> None:
        """Each pair shows its two largest score parts, with their share of the score."""
        result = optimal(cohort)
        _, out, _ = run(capsys, "match", str(cohort_file), "--locale", "en")
        for match in result.matches:
            total = sum(part.weight for part in match.parts)
            shares = sorted(
                (
                    (part.weight * part.value / total, -k, part)
                    for k, part in enumerate(match.parts)
                ),
                key=lambda item: (item[0], item[1]),
                reverse=True,
            )
            for share, _, part in shares[:2]:
                if share > 0:
                    text = f"{decimal(share, 'en')}  {part.reason.render('en')}"
                    assert text in out

    def test_stable_in_english(
        self, capsys: pytest.CaptureFixture[str], cohort: Cohort, cohort_file: Path
    ) -> None:
        """--method stable prints the stable matching and its guarantee."""
        result = stable(cohort)
        status, out, _ = run(capsys, "match", str(cohort_file), "--method", "stable", "--locale=en")
        assert status == 0
        assert out.splitlines()[2] == "Stable: mentees propose in turn (deferred acceptance)"
        for match in result.matches:
            assert f"  {label(cohort, match.mentee)} " in out
        assert out.splitlines()[-1] == f"Guarantee: {result.guarantee_text('en')}"

    def test_objective_score(
        self, capsys: pytest.CaptureFixture[str], cohort: Cohort, cohort_file: Path
    ) -> None:
        """--objective score asks for the highest total score alone."""
        result = optimal(cohort, objective="score")
        status, out, _ = run(capsys, "match", str(cohort_file), "--objective", "score")
        assert status == 0
        assert out.splitlines()[2] == "Optimal: den højeste samlede score"
        assert out.splitlines()[-1] == f"Garanti: {result.guarantee_text('da')}"

    def test_unmatched_and_locked(
        self, capsys: pytest.CaptureFixture[str], cohort: Cohort, tmp_path: Path
    ) -> None:
        """Unmatched mentees are listed with why; locked pairs are marked."""
        lonely = cohort.mentees[0]
        fixed = optimal(cohort).matches[-1]
        changed = attrs.evolve(
            cohort,
            forbidden=[Pair(mentor, lonely) for mentor in cohort.mentors if mentor != lonely],
            locked=[Pair(fixed.mentor, fixed.mentee)],
        )
        result = optimal(changed)
        (unmatched,) = result.unmatched
        status, out, _ = run(capsys, "match", write_cohort(tmp_path / "c.json", changed))
        assert status == 0
        assert section(out, "Uden mentor (1)") == [
            "Uden mentor (1)",
            f"  {label(cohort, lonely)}: {unmatched.explain('da')}",
        ]
        (row,) = [
            line for line in out.splitlines() if line.startswith(f"  {label(cohort, fixed.mentee)}")
        ]
        assert "(låst) " in row

    def test_no_pairs(
        self, capsys: pytest.CaptureFixture[str], cohort: Cohort, tmp_path: Path
    ) -> None:
        """A cohort without requests prints that there are no pairs."""
        empty = attrs.evolve(cohort, requests=(), forbidden=(), history=())
        status, out, _ = run(
            capsys, "match", write_cohort(tmp_path / "c.json", empty), "--locale", "en"
        )
        assert status == 0
        assert section(out, "Pairs") == ["Pairs", "  No pairs."]
        assert "0 of 0 mentees have a mentor; total score 0.00, average 0.00" in out

    def test_json(
        self, capsys: pytest.CaptureFixture[str], cohort: Cohort, cohort_file: Path
    ) -> None:
        """--json prints the MatchResult as a learnkit document."""
        status, out, err = run(capsys, "match", str(cohort_file), "--json", "--method", "stable")
        assert (status, err) == (0, "")
        assert json.loads(out)["type"] == "MatchResult"
        assert from_json(out, MatchResult) == stable(cohort)

    def test_reads_standard_input(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, cohort: Cohort
    ) -> None:
        """`-` reads the cohort from standard input, as from `learnkit example --mentoring`."""
        text = to_json(cohort).encode()
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text)))
        status, out, _ = run(capsys, "match", "-", "--locale", "en")
        assert status == 0
        assert out.startswith("Mentor matching: <standard input>\n")


def cohort_without_roster(path: Path, cohort: Cohort) -> str:
    """Write ``cohort`` as a document whose data leaves out the roster."""
    document = to_dict(cohort)
    del document["data"]["roster"]
    path.write_text(json.dumps(document), encoding="utf-8")
    return str(path)


class TestMatchWithCsvRoster:
    def test_csv_supplies_the_roster(
        self, capsys: pytest.CaptureFixture[str], cohort: Cohort, cohort_file: Path, tmp_path: Path
    ) -> None:
        """A Danish Excel export (`;`, byte order mark) gives the same matching as the document."""
        csv_path = tmp_path / "roster.csv"
        csv_path.write_text(
            "\ufeff" + roster_to_csv(cohort.roster, delimiter=";"), encoding="utf-8"
        )
        document = cohort_without_roster(tmp_path / "no-roster.json", cohort)
        status, out, err = run(capsys, "match", document, "--roster", str(csv_path))
        assert (status, err) == (0, "")
        _, whole, _ = run(capsys, "match", str(cohort_file))
        assert out.splitlines()[2:] == whole.splitlines()[2:]

    def test_windows_1252(
        self, capsys: pytest.CaptureFixture[str], cohort: Cohort, tmp_path: Path
    ) -> None:
        """A CSV file in Windows-1252, as Danish Excel saves it, is read with its æ, ø and å."""
        # Windows-1252 has no ł (as in Paweł): such names are written as Excel would, with "?".
        people = [
            attrs.evolve(p, name=p.name.encode("cp1252", "replace").decode("cp1252"))
            for p in cohort.roster
        ]
        western = attrs.evolve(cohort, roster=Roster(people=people, teams=cohort.roster.teams))
        csv_path = tmp_path / "roster.csv"
        text = roster_to_csv(western.roster, delimiter=";")
        assert "ø" in text
        csv_path.write_bytes(text.encode("cp1252"))
        document = cohort_without_roster(tmp_path / "cohort.json", western)
        status, out, _ = run(capsys, "match", document, "--roster", str(csv_path), "--json")
        assert status == 0
        assert from_json(out, MatchResult) == optimal(western)

    def test_csv_from_standard_input(
        self,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        cohort: Cohort,
        tmp_path: Path,
    ) -> None:
        """`--roster -` reads the CSV from standard input."""
        text = roster_to_csv(cohort.roster).encode()
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text)))
        document = cohort_without_roster(tmp_path / "cohort.json", cohort)
        status, _, err = run(capsys, "match", document, "--roster", "-")
        assert (status, err) == (0, "")

    def test_two_rosters_are_refused(
        self, capsys: pytest.CaptureFixture[str], cohort: Cohort, cohort_file: Path, tmp_path: Path
    ) -> None:
        """A document with a roster and --roster as well is refused, not silently merged."""
        csv_path = tmp_path / "roster.csv"
        csv_path.write_text(roster_to_csv(cohort.roster), encoding="utf-8")
        status, out, err = run(capsys, "match", str(cohort_file), "--roster", str(csv_path))
        assert (status, out) == (1, "")
        assert err == (
            f"learnkit: {cohort_file}: dokumentet har en medarbejderliste, og --roster giver også"
            " en; udelad den ene\n"
        )

    def test_csv_problems_name_row_and_column(
        self, capsys: pytest.CaptureFixture[str], cohort: Cohort, tmp_path: Path
    ) -> None:
        """A bad CSV gives one line with its problems at `row N, column NAME`."""
        csv_path = tmp_path / "roster.csv"
        csv_path.write_text("id,name,team,start_date\np1,A,t,soon\np2,B,t,2020-13-01\n")
        document = cohort_without_roster(tmp_path / "cohort.json", cohort)
        status, out, err = run(
            capsys, "match", document, "--roster", str(csv_path), "--locale", "en"
        )
        assert (status, out) == (1, "")
        assert err.count("\n") == 1
        assert err.startswith(
            f"learnkit: {csv_path}: invalid data, 2 problems: row 2, column start_date: must be a"
            " date written YYYY-MM-DD, DD-MM-YYYY or DD.MM.YYYY (got 'soon'); row 3, column"
            " start_date: is not a day in the calendar (got '2020-13-01')"
        )

    def test_csv_that_is_no_text(
        self, capsys: pytest.CaptureFixture[str], cohort: Cohort, tmp_path: Path
    ) -> None:
        """Bytes that are neither UTF-8 nor Windows-1252 are refused with their position."""
        csv_path = tmp_path / "roster.csv"
        csv_path.write_bytes(b"id,name\n\x81")
        document = cohort_without_roster(tmp_path / "cohort.json", cohort)
        status, _, err = run(capsys, "match", document, "--roster", str(csv_path), "--locale", "en")
        assert status == 1
        assert err == f"learnkit: {csv_path}: is neither UTF-8 nor Windows-1252 text (byte 8)\n"


class TestMatchErrors:
    @pytest.mark.parametrize(
        ("argv", "expected"),
        [
            ([], "learnkit match: mangler filen med kohorten"),
            (
                ["c.json", "--method", "greedy"],
                "--method: ukendt værdi 'greedy', vælg optimal | stable",
            ),
            (
                ["c.json", "--objective", "fun"],
                "--objective: ukendt værdi 'fun', vælg participation",
            ),
            (
                ["c.json", "--method", "stable", "--objective", "score"],
                "--objective gælder kun sammen med --method optimal",
            ),
            (["-", "--roster", "-"], "kun én af FIL og --roster kan være '-'"),
            (["c.json", "--locale", "de"], "--locale: ukendt sprog 'de'"),
        ],
    )
    def test_usage(
        self, capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
    ) -> None:
        """Bad options are usage errors: one line and status 2."""
        status, out, err = run(capsys, "match", *argv)
        assert (status, out) == (2, "")
        assert err.count("\n") == 1
        assert expected in err
        assert err.startswith("learnkit match: ")

    def test_bad_input(
        self, capsys: pytest.CaptureFixture[str], cohort: Cohort, tmp_path: Path
    ) -> None:
        """Missing files, other documents and invalid cohorts are input errors: status 1."""
        roster_doc = tmp_path / "roster.json"
        roster_doc.write_text(to_json(cohort.roster), encoding="utf-8")
        no_roster = cohort_without_roster(tmp_path / "c.json", cohort)
        broken = tmp_path / "broken.json"
        broken.write_text('{"schema": 1, "type": "Cohort", "data": ', encoding="utf-8")
        cases = [
            (["nowhere.json"], "learnkit: nowhere.json: no such file"),
            ([str(broken)], f"learnkit: {broken}: invalid JSON at line 1"),
            ([str(roster_doc)], f"learnkit: {roster_doc}: invalid data, 1 problem: $.type:"),
            ([no_roster], f"learnkit: {no_roster}: invalid data, 1 problem: $.data.roster"),
            (
                [str(roster_doc), "--roster", str(tmp_path / "none.csv")],
                f"learnkit: {tmp_path / 'none.csv'}: no such file",
            ),
        ]
        for argv, expected in cases:
            status, out, err = run(capsys, "match", *argv, "--locale", "en")
            assert (status, out) == (1, ""), argv
            assert err.count("\n") == 1
            assert err.startswith(expected), err

    def test_locked_pair_breaking_a_rule(
        self, capsys: pytest.CaptureFixture[str], cohort: Cohort, tmp_path: Path
    ) -> None:
        """A locked pair the hard rules refuse is reported as invalid data, naming the pair."""
        buddy = next(p for p in cohort.history if p.mentee in cohort.mentees)
        locked = attrs.evolve(cohort, locked=[Pair(buddy.mentor, buddy.mentee)])
        path = write_cohort(tmp_path / "c.json", locked)
        status, _, err = run(capsys, "match", path, "--locale", "en")
        assert status == 1
        assert err.startswith(
            f"learnkit: {path}: invalid data, 1 problem: locked[{buddy.mentor}->{buddy.mentee}]:"
            " breaks a hard rule (not_paired_recently:"
        )


class TestExampleCohort:
    def test_writes_the_cohort(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`learnkit example --mentoring` writes the example cohort document."""
        status, out, err = run(
            capsys, "example", "--mentoring", "--seed", "3", "--as-of", "2025-06-02"
        )
        assert (status, err) == (0, "")
        assert json.loads(out)["type"] == "Cohort"
        expected = example_organisation(seed=3, as_of=dt.date(2025, 6, 2)).mentoring
        assert from_json(out, Cohort) == expected

    def test_match_reads_what_example_writes(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """The example cohort is ready for `learnkit match`."""
        _, out, _ = run(capsys, "example", "--mentoring")
        path = tmp_path / "cohort.json"
        path.write_text(out, encoding="utf-8")
        status, table, _ = run(capsys, "match", str(path))
        assert status == 0
        assert "5 af 5 mentees har fået en mentor" in table


class TestDemoMentoring:
    def test_danish(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The demo ends with the newcomers' optimal matching, one reason a pair, in Danish."""
        organisation = example_organisation()
        result = optimal(organisation.mentoring)
        _, out, _ = run(capsys, "demo")
        block = section(out, "Mentorer til de nye medarbejdere (optimal matchning)")
        assert block[1].startswith(
            f"{len(result.matches)} af {len(organisation.newcomers)} mentees"
        )
        assert block[2] == "Par"
        rows = block[4 : 4 + len(result.matches)]
        for line, match in zip(rows, result.matches, strict=True):
            assert line.startswith(f"  {label(organisation.mentoring, match.mentee)} ")
        assert block[-1] == f"Garanti: {result.guarantee_text('da')}"
        assert out == out.rstrip("\n") + "\n"

    def test_english(self, capsys: pytest.CaptureFixture[str]) -> None:
        """With --locale en the step is in English."""
        _, out, _ = run(capsys, "demo", "--locale", "en")
        block = section(out, "Mentors for the newcomers (optimal matching)")
        assert block[2] == "Pairs"
        assert block[-1].startswith("Guarantee: Optimal")


class TestDemoSteps:
    def test_steps_beyond_the_roster_need_the_organisation(self) -> None:
        """Without the demo's organisation (as for `roster`), the later steps show nothing."""
        organisation = example_organisation()
        view = _cli_demo.View(
            roster=organisation.roster, as_of=organisation.as_of, locale="en", title="t"
        )
        later = [step for step in _cli_demo.DEMO_STEPS if step not in _cli_demo.ROSTER_STEPS]
        assert len(later) == 20
        assert [step(view) for step in later] == [[] for _ in later]

    def test_every_step_shows_something_for_the_example(self) -> None:
        """With the example organisation, every step has a section, in each locale."""
        organisation = example_organisation()
        for locale in ("da", "en"):
            view = _cli_demo.View(
                roster=organisation.roster,
                as_of=organisation.as_of,
                locale=locale,
                title="t",
                organisation=organisation,
            )
            assert all(step(view) for step in _cli_demo.DEMO_STEPS)

    def test_an_organisation_without_sharing_records_skips_that_step(self) -> None:
        """An organisation built by hand without sharing records shows no sharing section."""
        organisation = attrs.evolve(example_organisation(), sharing=None)
        assert _cli_demo._sharing_plan(organisation, "da") == []
