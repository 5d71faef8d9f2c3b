"""Tests for `learnkit review check`, its pure logic, and the pre-commit hook definition."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import attrs
import pytest

from learnkit import _cli_review
from learnkit.cli import main
from learnkit.examples import example_organisation
from learnkit.incidents import IncidentReview, LanguageOverride, review_to_markdown
from learnkit.incidents._language import (
    DEFAULT_LANGUAGE_POLICY,
    FindingKind,
    FindingSeverity,
    check_review,
)
from learnkit.serialize import to_json

ROOT = Path(__file__).parent.parent
EXAMPLE_DA = ROOT / "docs" / "examples" / "postmortem-da.md"
EXAMPLE_EN = ROOT / "docs" / "examples" / "postmortem-en.md"
FINDING = re.compile(
    r"(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<kind>[a-z_]+): (?P<rest>.*)"
)

CLEAN = IncidentReview(
    id="r1",
    incident="i1",
    author="p01",
    summary="Alarmen for køen gik i gang kl. 9.12.",
    narrative="Konfigurationen blev rullet ud til alle servere på én gang.",
)
# Only warnings: a counterfactual and a who-question.
WARNING = IncidentReview(
    id="r2",
    incident="i2",
    author="p01",
    narrative="Vi burde have ventet på opdateringen.",
    difficult="Hvem godkendte tilbuddet?",
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run main in-process; the exit status, standard output and standard error."""
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def write(path: Path, text: str) -> str:
    """Write ``text`` to ``path``; the path as text."""
    path.write_text(text, encoding="utf-8")
    return str(path)


def findings(out: str) -> list[re.Match[str]]:
    """The finding lines of the output, parsed."""
    return [found for line in out.splitlines() if (found := FINDING.fullmatch(line))]


class TestCheck:
    def test_clean_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A review without findings passes with one summary line."""
        path = write(tmp_path / "ok.md", review_to_markdown(CLEAN))
        assert run(capsys, "review", "check", path) == (0, "Ingen fund i 1 fil.\n", "")

    def test_findings_point_at_the_phrase(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Every finding's file:line:col is where its phrase starts in the file."""
        text = EXAMPLE_DA.read_text("utf-8")
        status, out, err = run(capsys, "review", "check", str(EXAMPLE_DA))
        assert (status, err) == (1, "")
        found = findings(out)
        assert [match["kind"] for match in found] == [
            "counterfactual",
            "human_error",
            "person_fix_action",
        ]
        lines = text.split("\n")
        for match in found:
            assert match["path"] == str(EXAMPLE_DA)
            phrase = re.search(r"»(.+?)«", match["rest"])
            assert phrase is not None
            line, column = int(match["line"]), int(match["column"])
            assert lines[line - 1][column - 1 :].startswith(phrase[1])
        assert out.splitlines()[-2:] == [
            "3 fund i 1 fil – blokerer: 2, advarsel: 1, info: 0.",
            "1 fund er undtaget med en begrundelse.",
        ]
        del tmp_path

    def test_english(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--locale en writes the messages in English."""
        status, out, _ = run(capsys, "review", "check", str(EXAMPLE_EN), "--locale", "en")
        assert status == 1
        assert "[blocks]" in out
        assert " Try: " in out
        assert out.splitlines()[-1] == "1 finding is overridden with a justification."

    @pytest.mark.parametrize(
        ("fail_on", "expected"), [(None, 0), ("block", 0), ("warn", 1), ("info", 1)]
    )
    def test_fail_on(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        fail_on: str | None,
        expected: int,
    ) -> None:
        """Warnings fail the check only with --fail-on warn or info; they are always listed."""
        path = write(tmp_path / "warn.md", review_to_markdown(WARNING))
        options = [] if fail_on is None else ["--fail-on", fail_on]
        status, out, _ = run(capsys, "review", "check", path, *options)
        assert status == expected
        assert len(findings(out)) == 2

    def test_json_and_sniffing(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """JSON is read by extension, by --format, or by its first character."""
        document = to_json(WARNING, indent=2)
        named = write(tmp_path / "r.json", document)
        plain = write(tmp_path / "r.txt", document)
        status, out, _ = run(capsys, "review", "check", named, plain, "--fail-on", "warn")
        assert status == 1
        assert len(findings(out)) == 4
        status, out, _ = run(capsys, "review", "check", plain, "--format", "json")
        assert (status, len(findings(out))) == (0, 2)
        markdown = write(tmp_path / "r", review_to_markdown(WARNING))
        status, out, _ = run(capsys, "review", "check", markdown)
        assert (status, len(findings(out))) == (0, 2)

    def test_unreadable_files_do_not_stop_the_others(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A missing file, bytes that are not UTF-8 and a broken review: exit 2, others checked."""
        missing = str(tmp_path / "missing.md")
        binary = tmp_path / "binary.md"
        binary.write_bytes(b"# T\n\xff\xfe")
        broken = write(tmp_path / "broken.md", "# T\n\n- id: r1\n\n## Konklusion\nx\n")
        status, out, err = run(
            capsys, "review", "check", missing, str(binary), broken, str(EXAMPLE_DA)
        )
        assert status == 2
        assert err.splitlines() == [
            f"learnkit review check: {missing}: filen findes ikke",
            f"learnkit review check: {binary}: er ikke UTF-8-tekst (byte 4)",
        ]
        assert f"{broken}:1:1: ugyldig: incident: is required: add a '- incident: ...' line" in out
        assert f"{broken}:5:4: ugyldig: line 5: is not a section of a review" in out
        assert len(findings(out)) >= 3  # the example was still checked
        assert "3 filer kunne ikke læses." in out

    def test_broken_json(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Invalid JSON is reported at the line and column where it breaks."""
        path = write(tmp_path / "bad.json", '{\n  "schema": 1,\n  "type": }\n')
        status, out, _ = run(capsys, "review", "check", path, "--locale", "en")
        assert status == 2
        assert out.splitlines()[0].startswith(f"{path}:3:11: invalid: $: is not valid JSON")

    def test_long_values_are_cut(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A problem quotes at most 60 characters of the value it names."""
        path = write(tmp_path / "long.md", "# T\n\n" + "x" * 200 + "\n")
        _, out, _ = run(capsys, "review", "check", path)
        line = next(line for line in out.splitlines() if ":3:1:" in line)
        assert line.endswith("…)")
        assert "x" * 60 not in line

    def test_standard_input(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """'-' reads standard input, shown by name in the findings."""
        stdin = io.TextIOWrapper(io.BytesIO(EXAMPLE_DA.read_bytes()), encoding="utf-8")
        monkeypatch.setattr(sys, "stdin", stdin)
        status, out, _ = run(capsys, "review", "check", "-")
        assert status == 1
        assert out.startswith("<standard input>:18:1: counterfactual: ")
        assert all(match["path"] == "<standard input>" for match in findings(out))

    def test_a_directory(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A directory is named as one, in the chosen language; no file was checked."""
        status, out, err = run(capsys, "review", "check", str(tmp_path))
        assert (status, out) == (2, "Ingen filer blev tjekket. 1 fil kunne ikke læses.\n")
        assert err == f"learnkit review check: {tmp_path}: er en mappe, ikke en fil\n"
        status, out, err = run(capsys, "review", "check", str(tmp_path), "--locale", "en")
        assert out == "No files were checked. 1 file could not be read.\n"
        assert err == f"learnkit review check: {tmp_path}: is a directory, not a file\n"

    def test_only_files_read_are_counted(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A missing file is not counted as checked: the summary counts the files read."""
        missing = str(tmp_path / "missing.md")
        status, out, _ = run(capsys, "review", "check", missing)
        assert (status, out) == (2, "Ingen filer blev tjekket. 1 fil kunne ikke læses.\n")
        clean = write(tmp_path / "ok.md", review_to_markdown(CLEAN))
        status, out, _ = run(capsys, "review", "check", missing, clean)
        assert (status, out) == (2, "Ingen fund i 1 fil. 1 fil kunne ikke læses.\n")

    @pytest.mark.parametrize(
        ("error", "da", "en"),
        [
            (PermissionError(13, "Permission denied"), "du har ikke adgang", "permission denied"),
            (IsADirectoryError(21, "Is a directory"), "er en mappe", "is a directory"),
            (OSError(5, "Input/output error"), "kan ikke læses: Input/output", "cannot be read"),
        ],
    )
    def test_read_errors_are_named(self, error: OSError, da: str, en: str) -> None:
        """Each kind of read error gets its own line in the chosen language."""

        def read(_: str) -> bytes:
            raise error

        for locale, expected in (("da", da), ("en", en)):
            result = _cli_review.check_files(["a.md"], read=read, locale=locale)  # type: ignore[arg-type]
            assert result.status == 2
            assert len(result.errors) == 1
            assert result.errors[0].startswith("a.md: ")
            assert expected in result.errors[0]


class TestUsage:
    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (["review"], "learnkit review: mangler en handling: check"),
            (["review", "check"], "learnkit review check: mangler mindst én fil at tjekke"),
            (["review", "check", "x.md", "--fail-on", "all"], "--fail-on: ukendt værdi 'all'"),
            (["review", "check", "x.md", "--format", "yaml"], "--format: ukendt værdi 'yaml'"),
            (["review", "check", "x.md", "--locale", "sv"], "--locale: ukendt sprog 'sv'"),
            (["review", "check", "x.md", "--block", "blame"], "--block: ukendt værdi 'blame'"),
            (
                ["review", "check", "x.md", "--warn", "hindsight", "--disable", "hindsight"],
                "--warn og --disable nævner begge hindsight; vælg én",
            ),
        ],
    )
    def test_usage_errors(
        self, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
    ) -> None:
        """Usage errors exit 2 with one line naming what is wrong."""
        status, out, err = run(capsys, *argv)
        assert (status, out) == (2, "")
        assert message in err
        assert err.count("\n") == 1

    def test_help(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`review check --help` explains the files and options, in the chosen language."""
        status, out, _ = run(capsys, "review", "check", "--help", "--locale", "en")
        assert status == 0
        assert "--fail-on" in out
        assert "--disable KIND" in out
        assert "files holding learning reviews" in out
        status, out, _ = run(capsys, "--help")
        assert "review" in out
        assert "arbejd med læringsgennemgange gemt som filer" in out


class TestPolicyOptions:
    def test_options_move_kinds(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--block, --warn, --info and --disable change the severity the command reports."""
        path = write(tmp_path / "warn.md", review_to_markdown(WARNING))
        status, out, _ = run(capsys, "review", "check", path, "--block", "counterfactual")
        assert status == 1
        assert "counterfactual: [blokerer]" in out
        status, out, _ = run(
            capsys,
            "review",
            "check",
            path,
            "--disable",
            "counterfactual",
            "--info",
            "who_why_question",
            "--fail-on",
            "warn",
        )
        assert status == 0
        assert [match["kind"] for match in findings(out)] == ["who_why_question"]
        assert "who_why_question: [info]" in out
        status, out, _ = run(capsys, "review", "check", str(EXAMPLE_DA), "--warn", "human_error")
        assert "human_error: [advarsel]" in out

    def test_language_policy(self) -> None:
        """No options give the default policy; each named kind gets its option's severity."""
        assert _cli_review.language_policy({}, locale="da") is DEFAULT_LANGUAGE_POLICY
        assert _cli_review.language_policy({"block": []}, locale="da") is DEFAULT_LANGUAGE_POLICY
        policy = _cli_review.language_policy(
            {
                "block": ["hindsight", "hindsight"],
                "warn": ["human_error"],
                "info": ["counterfactual"],
                "disable": ["animated_tone"],
            },
            locale="en",
        )
        expected = {
            FindingKind.HINDSIGHT: FindingSeverity.BLOCK,
            FindingKind.HUMAN_ERROR: FindingSeverity.WARN,
            FindingKind.COUNTERFACTUAL: FindingSeverity.INFO,
            FindingKind.ANIMATED_TONE: None,
        }
        for kind in FindingKind:
            default = DEFAULT_LANGUAGE_POLICY.severity(kind)
            assert policy.severity(kind) == expected.get(kind, default), kind
        assert set(_cli_review.KINDS) == {kind.value for kind in FindingKind}

    def test_language_policy_refusals(self) -> None:
        """An unknown kind, or one kind under two options, is refused in the chosen language."""
        with pytest.raises(_cli_review.PolicyOptionError) as refused:
            _cli_review.language_policy({"info": ["tone"]}, locale="en")
        assert refused.value.message.startswith("--info: unknown value 'tone', choose human_error")
        with pytest.raises(_cli_review.PolicyOptionError) as refused:
            _cli_review.language_policy(
                {"block": ["normative"], "disable": ["normative"]}, locale="en"
            )
        assert str(refused.value) == "--block and --disable both name normative; choose one"


class TestCheckFiles:
    def test_order_and_overrides(self) -> None:
        """Findings come by line and column; an override hides its finding but is counted."""
        review = IncidentReview(
            id="r3",
            incident="i3",
            author="p01",
            narrative="Det var tydeligvis sjusket.",
            summary="Vi burde have ventet.",
        )
        found = check_review(review)
        hidden = next(f for f in found if f.kind is FindingKind.HINDSIGHT)
        override = LanguageOverride(
            field=hidden.field,
            phrase=hidden.phrase,
            kind=hidden.kind,
            justification="Citat.",
            by="p02",
        )
        text = review_to_markdown(attrs.evolve(review, overrides=(override,))).encode()
        result = _cli_review.check_files(["a.md"], read=lambda _: text, locale="en")
        lines = result.output.splitlines()
        kinds = [FINDING.fullmatch(line)["kind"] for line in lines[:-2]]  # type: ignore[index]
        assert kinds == ["counterfactual", "character_judgement"]
        assert lines[-1] == "1 finding is overridden with a justification."
        assert result.status == 1
        assert result.errors == ()

    def test_same_input_same_output(self) -> None:
        """Checking the same files twice gives the same result."""
        data = EXAMPLE_EN.read_bytes()
        first = _cli_review.check_files(["x.md", "y.md"], read=lambda _: data, locale="da")
        second = _cli_review.check_files(["x.md", "y.md"], read=lambda _: data, locale="da")
        assert first == second
        assert "8 fund i 2 filer" in first.output


class TestPreCommitHook:
    def test_hook_definition(self) -> None:
        """The hook runs `learnkit review check` on Markdown in postmortem folders."""
        text = (ROOT / ".pre-commit-hooks.yaml").read_text("utf-8")
        assert "- id: learnkit-review-check" in text
        assert "entry: learnkit review check" in text
        assert "language: python" in text
        pattern = re.search(r"files: '(.+)'", text)
        assert pattern is not None
        files = re.compile(pattern[1])
        for path in (
            "postmortems/2026-11-betaling.md",
            "docs/postmortem/x.md",
            "team/reviews/q4.md",
            "hændelser/tilbud.md",
            "reviews/r1.json",
        ):
            assert files.search(path), path
        for path in ("README.md", "src/postmortems.py", "reviewsx/a.md"):
            assert not files.search(path), path

    def test_readme_shows_real_output(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The console block in README.md is what the command prints."""
        readme = (ROOT / "README.md").read_text("utf-8")
        section = readme.split("## Checking a postmortem", 1)[1]
        block = section.split("```console\n", 1)[1].split("```", 1)[0]
        command, *expected = block.splitlines()
        assert command.startswith("$ learnkit review check ")
        monkeypatch.chdir(ROOT)
        status, out, _ = run(capsys, *command.removeprefix("$ learnkit ").split())
        assert status == 1
        assert out.splitlines() == expected


def test_example_organisation_reviews_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The example organisation's draft review fails the check; the published one passes."""
    from learnkit._example_incidents import build_incidents

    organisation = example_organisation()
    _, reviews = build_incidents(organisation.roster, organisation.as_of, organisation.seed)
    by_id = {review.id: review for review in reviews}
    draft = write(tmp_path / "draft.md", review_to_markdown(by_id["rev-tilbud"]))
    published = write(tmp_path / "published.json", to_json(by_id["rev-betaling"]))
    assert run(capsys, "review", "check", published)[0] == 0
    assert run(capsys, "review", "check", draft)[0] == 1
