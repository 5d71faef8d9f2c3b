"""Tests for `learnkit nudges` and its pure logic in learnkit._cli_nudges."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import attrs
import pytest

from learnkit import Person, Roster, Team
from learnkit._cli_nudges import nudges_text, parse_now, recipient
from learnkit.cli import main
from learnkit.examples import example_organisation
from learnkit.exceptions import InvalidDataError
from learnkit.nudges import Nudge, NudgeReason, due
from learnkit.serialize import from_dict, to_json
from learnkit.time import Calendar
from learnkit.workspace import Workspace

NOW = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
NOW_TEXT = "2026-11-24T09:00+01:00"


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
    path = tmp_path_factory.mktemp("nudges") / "workspace.json"
    path.write_text(to_json(workspace), encoding="utf-8")
    return path


SMALL = Workspace(
    roster=Roster(
        people=[Person(id="p1", name="Ida Holm", team="t", start_date=dt.date(2020, 1, 6))],
        teams=[Team(id="t", name="Team T", manager="p1")],
    ),
)


def nudge(recipient: str, *, to_team: bool = False, text: str = "Hej") -> Nudge:
    """A hand-made nudge for ``recipient``, due an hour before NOW (in UTC)."""
    reason = NudgeReason.MEETING_OPENER if to_team else NudgeReason.REFLECTION_DUE
    return Nudge(
        id=f"{reason.value}:x",
        recipient=recipient,
        to_team=to_team,
        reason=reason,
        due=dt.datetime(2026, 11, 24, 7, 0, tzinfo=dt.UTC),
        key="nudges.x",
        params=(),
        text=text,
        subjects=("s",),
    )


class TestCommand:
    @pytest.mark.parametrize("lang", ["da", "en"])
    def test_text_lists_every_nudge(
        self,
        capsys: pytest.CaptureFixture[str],
        workspace: Workspace,
        workspace_file: Path,
        lang: str,
    ) -> None:
        """The text is a title, a count and one block per nudge: due time, recipient, text."""
        found = due(workspace, NOW, lang)  # type: ignore[arg-type]
        assert found  # the example has something to say on the Tuesday after as_of
        status, out, err = run(
            capsys, "nudges", str(workspace_file), "--now", NOW_TEXT, "--lang", lang
        )
        assert (status, err) == (0, "")
        assert out == nudges_text(workspace, found, NOW, lang)  # type: ignore[arg-type]
        blocks = out.rstrip("\n").split("\n\n")
        assert len(blocks) == 1 + len(found)
        assert NOW_TEXT in blocks[0].splitlines()[0]
        for block, item in zip(blocks[1:], found, strict=True):
            first, *text = block.splitlines()
            assert first.startswith(item.due.isoformat(timespec="minutes") + "  ")
            assert first.endswith(recipient(workspace, item, lang))  # type: ignore[arg-type]
            assert [line.removeprefix("  ") for line in text] == item.text.splitlines()

    def test_json_is_the_nudges_as_documents(
        self, capsys: pytest.CaptureFixture[str], workspace: Workspace, workspace_file: Path
    ) -> None:
        """--format json writes each nudge as a learnkit document, in due's order."""
        status, out, _ = run(
            capsys, "nudges", str(workspace_file), "--now", NOW_TEXT, "--format", "json"
        )
        assert status == 0
        documents = json.loads(out)
        assert [from_dict(item, Nudge) for item in documents] == list(due(workspace, NOW, "da"))

    def test_nothing_due(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A workspace with nothing due says so, in the chosen language."""
        path = tmp_path / "small.json"
        path.write_text(to_json(SMALL), encoding="utf-8")
        status, out, _ = run(capsys, "nudges", str(path), "--now", "2026-11-24T09:00Z", "--lang=en")
        assert status == 0
        assert out.splitlines()[2:] == ["0 nudges", "Nothing to say right now."]
        assert "the workspace" in out.splitlines()[0]

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (["--now", NOW_TEXT], "mangler filen med arbejdsområdet"),
            (["x.json"], "--now mangler"),
            (
                ["x.json", "--now", "2026-11-24T09:00"],
                "--now: ugyldigt tidspunkt '2026-11-24T09:00'",
            ),
            (["x.json", "--now", "2026-11-24"], "--now: ugyldigt tidspunkt '2026-11-24'"),
            (["x.json", "--now", "i morgen kl. 9"], "--now: ugyldigt tidspunkt 'i morgen kl. 9'"),
            (["x.json", "--now", NOW_TEXT, "--format", "xml"], "--format: ukendt værdi 'xml'"),
            (["x.json", "--now", NOW_TEXT, "--locale", "sv"], "--locale: ukendt sprog 'sv'"),
        ],
    )
    def test_usage_errors(
        self, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
    ) -> None:
        """Bad or missing options give one line naming them and status 2."""
        status, out, err = run(capsys, "nudges", *argv)
        assert (status, out) == (2, "")
        assert err.count("\n") == 1
        assert message in err
        assert err.endswith("(se 'learnkit nudges --help')\n")

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            (None, "no such file"),
            (b"[1, 2", "invalid JSON at line 1"),
            (b'{"schema": 1, "type": "Workspace", "data": {}}', "invalid data, 1 problem"),
        ],
    )
    def test_bad_files(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        content: bytes | None,
        message: str,
    ) -> None:
        """A missing or invalid file gives one line and status 1."""
        path = tmp_path / "workspace.json"
        if content is not None:
            path.write_bytes(content)
        status, out, err = run(capsys, "nudges", str(path), "--now", NOW_TEXT, "--lang", "en")
        assert (status, out) == (1, "")
        assert err.startswith(f"learnkit: {path}: ")
        assert message in err

    def test_what_the_library_refuses(
        self, capsys: pytest.CaptureFixture[str], workspace: Workspace, tmp_path: Path
    ) -> None:
        """A calendar too short for what is due is bad input (1); a --now at the end of time, 2."""
        short = attrs.evolve(
            workspace,
            calendar=Calendar(first_day=dt.date(2026, 1, 1), last_day=dt.date(2026, 11, 24)),
        )
        path = tmp_path / "short.json"
        path.write_text(to_json(short), encoding="utf-8")
        status, out, err = run(capsys, "nudges", str(path), "--now", NOW_TEXT)
        assert (status, out) == (1, "")
        assert err.startswith(f"learnkit: {path}: 2026-11-")
        assert "ligger uden for det tidsrum, dataene dækker (2026-01-01 til 2026-11-24)" in err
        assert "covered range" not in err
        status, out, err = run(capsys, "nudges", str(path), "--now", "9999-12-31T23:59+00:00")
        assert (status, out) == (2, "")
        assert "ugyldigt argument, 1 problem: now: " in err
        assert "(got 9999-12-31T23:59+00:00)" in err  # readable, not a repr


class TestParseNow:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (NOW_TEXT, NOW),
            (" 2026-11-24 08:00:00Z ", dt.datetime(2026, 11, 24, 8, tzinfo=dt.UTC)),
            ("2026-11-24T09:00", None),
            ("2026-11-24", None),
            ("2026-11-31T09:00+01:00", None),
            ("", None),
        ],
    )
    def test_only_aware_iso_datetimes(self, value: str, expected: dt.datetime | None) -> None:
        """An ISO datetime with an offset is read; naive, date-only and bad values are not."""
        assert parse_now(value) == expected


class TestText:
    def test_recipients_by_name_or_id(self) -> None:
        """A person and a team are shown by name with the id; an unknown one by its id."""
        assert recipient(SMALL, nudge("p1"), "da") == "Ida Holm (p1)"
        assert recipient(SMALL, nudge("t", to_team=True), "en") == "Team T (team t)"
        assert recipient(SMALL, nudge("p9"), "da") == "p9"
        assert recipient(SMALL, nudge("t9", to_team=True), "da") == "t9"

    def test_blocks(self) -> None:
        """A due time is shown in its own zone, and every line of a text is indented."""
        text = nudges_text(SMALL, [nudge("p1", text="Første\nAnden")], NOW, "da")
        assert text.split("\n\n")[1:] == [
            "2026-11-24T07:00+00:00  Ida Holm (p1)\n  Første\n  Anden\n"
        ]
        assert text.splitlines()[2] == "1 påmindelse"

    def test_unknown_locale(self) -> None:
        """An unknown locale is refused with InvalidDataError."""
        with pytest.raises(InvalidDataError):
            nudges_text(SMALL, [], NOW, "sv")  # type: ignore[arg-type]


class TestNudgesHelp:
    def test_usage_shows_now_as_required(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The usage line shows --now without brackets, in the chosen language."""
        status, out, _ = run(capsys, "nudges", "--help")
        assert status == 0
        usage = out.split("\n\n")[0]
        assert "learnkit nudges [-h] --now TIDSPUNKT" in usage
        assert "[--now" not in usage
        _, out, _ = run(capsys, "nudges", "--help", "--lang", "en")
        assert "--now DATETIME" in out.split("\n\n")[0]
