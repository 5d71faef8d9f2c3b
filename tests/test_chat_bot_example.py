"""Tests for examples/chat_bot.py: the example bot prints what is due and never sends twice."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import attrs
import pytest

from learnkit import nudges, serialize
from learnkit.examples import example_workspace
from learnkit.mentoring import activate, propose
from learnkit.people import Person, Roster, Team
from learnkit.reflection import TeamMeeting
from learnkit.sharing import HolidayPolicy, SessionFormat, SessionSeries
from learnkit.time import Calendar
from learnkit.workspace import Workspace

_SCRIPT = Path(__file__).resolve().parent.parent / "examples" / "chat_bot.py"
_NOW = "2026-11-24T09:00+01:00"


@pytest.fixture(name="bot", scope="module")
def _bot() -> ModuleType:
    spec = importlib.util.spec_from_file_location("chat_bot_example", _SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _workspace() -> Workspace:
    roster = Roster(
        people=[
            Person(id="p1", name="Mette Holm", team="drift", start_date=dt.date(2015, 3, 2)),
            Person(
                id="p2",
                name="Jonas Bach",
                team="drift",
                manager="p1",
                start_date=dt.date(2026, 10, 1),
            ),
            Person(
                id="p3",
                name="Søren Dahl",
                team="drift",
                manager="p1",
                start_date=dt.date(2019, 1, 7),
            ),
        ],
        teams=[Team(id="drift", name="Drift", manager="p1")],
    )
    meeting = TeamMeeting(
        team="drift",
        series=SessionSeries(
            id="teammøde-drift",
            name="Teammøde",
            format=SessionFormat(id="team_meeting", minutes=45, name="Teammøde"),
            rule="FREQ=WEEKLY;BYDAY=TU",
            start_time=dt.time(9, 30),
            first=dt.date(2026, 11, 1),
            last=dt.date(2026, 12, 31),
            holiday_policy=HolidayPolicy.SKIP,
        ),
    )
    # Started four weeks ago without a check-in held: the fortnightly one is due.
    mentorship = activate(
        propose("mentorskab-p2", mentor="p3", mentee="p2", on=dt.date(2026, 10, 1)),
        on=dt.date(2026, 10, 26),
    )
    return Workspace(
        roster=roster, name="Lille Firma", team_meetings=(meeting,), mentorships=(mentorship,)
    )


@pytest.fixture(name="workspace_file")
def _workspace_file(tmp_path: Path) -> Path:
    path = tmp_path / "ws.json"
    path.write_text(serialize.to_json(_workspace()), encoding="utf-8")
    return path


def _expected() -> tuple[nudges.Nudge, ...]:
    return nudges.due(_workspace(), dt.datetime.fromisoformat(_NOW), "en")


class TestChatBot:
    def test_prints_one_block_per_nudge(
        self, bot: ModuleType, workspace_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Every nudge due is printed once, with the recipient's name and the text."""
        expected = _expected()
        assert {n.reason for n in expected} >= {
            nudges.NudgeReason.MEETING_OPENER,
            nudges.NudgeReason.CHECK_IN_DUE,
        }
        assert bot.main([str(workspace_file), "--now", _NOW, "--lang", "en"]) == 0
        out = capsys.readouterr().out
        assert out.count("→ ") == len(expected)
        for nudge in expected:
            assert nudge.text in out
        assert "→ Drift (team drift)" in out
        assert "→ Jonas Bach (p2)" in out
        assert "→ Søren Dahl (p3)" in out

    def test_danish_by_default(
        self, bot: ModuleType, workspace_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without --lang the messages are the Danish ones."""
        bot.main([str(workspace_file), "--now", _NOW])
        out = capsys.readouterr().out
        danish = nudges.due(_workspace(), dt.datetime.fromisoformat(_NOW), "da")
        assert all(nudge.text in out for nudge in danish)

    def test_never_sends_twice(
        self,
        bot: ModuleType,
        workspace_file: Path,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """The sent file gets every occasion sent; a second run sends nothing."""
        sent = tmp_path / "sent.txt"
        args = [str(workspace_file), "--now", _NOW, "--lang", "en", "--sent", str(sent)]
        bot.main(args)
        first = capsys.readouterr().out
        occasions = [o for n in _expected() for o in n.occasions]
        assert sent.read_text(encoding="utf-8").split() == occasions
        assert first.count("→ ") == len(_expected())
        bot.main(args)
        assert capsys.readouterr().out == "Nothing to send.\n"
        assert sent.read_text(encoding="utf-8").split() == occasions

    def test_sends_only_what_was_not_sent(
        self,
        bot: ModuleType,
        workspace_file: Path,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """Nudges whose occasions were all sent are left out; the others are sent and added."""
        expected = _expected()
        sent = tmp_path / "sent.txt"
        sent.write_text("\n".join(expected[0].occasions) + "\n\n", encoding="utf-8")
        bot.main([str(workspace_file), "--now", _NOW, "--lang", "en", "--sent", str(sent)])
        out = capsys.readouterr().out
        assert expected[0].text not in out
        assert out.count("→ ") == len(expected) - 1
        assert set(sent.read_text(encoding="utf-8").split()) == {
            o for n in expected for o in n.occasions
        }

    def test_a_nudge_about_what_is_left_is_not_sent_again(
        self,
        bot: ModuleType,
        workspace_file: Path,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """A nudge whose occasions were all sent before, under another id, says nothing new."""
        expected = _expected()
        sent = tmp_path / "sent.txt"
        # As if an earlier nudge had covered these occasions and one more, since settled.
        sent.write_text(
            "\n".join([*expected[0].occasions, f"{expected[0].reason.value}:settled"]) + "\n",
            encoding="utf-8",
        )
        bot.main([str(workspace_file), "--now", _NOW, "--lang", "en", "--sent", str(sent)])
        assert expected[0].text not in capsys.readouterr().out

    def test_nothing_due_says_so_in_danish(
        self, bot: ModuleType, workspace_file: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Before anything is due the bot says there is nothing to send."""
        bot.main([str(workspace_file), "--now", "2026-10-01T06:00+02:00"])
        assert capsys.readouterr().out == "Intet at sende.\n"

    @pytest.mark.parametrize("now", ["2026-11-24T09:00", "tirsdag"])
    def test_now_must_be_an_aware_time(
        self,
        bot: ModuleType,
        workspace_file: Path,
        now: str,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """A time without offset, or no time at all, is refused by the argument parser."""
        with pytest.raises(SystemExit) as exited:
            bot.main([str(workspace_file), "--now", now])
        assert exited.value.code == 2
        assert "--now" in capsys.readouterr().err

    def test_an_unknown_recipient_is_shown_by_id(self, bot: ModuleType) -> None:
        """A recipient who is not on the roster is shown by the id the nudge carries."""
        nudge = _expected()[0]
        other = Workspace(roster=Roster(people=[], teams=[]))
        name = bot.recipient_name(other, nudge)
        assert nudge.recipient in name

    def test_is_not_part_of_the_library(self) -> None:
        """learnkit never imports the example bot."""
        source_dir = _SCRIPT.parent.parent / "src"
        source = "\n".join(p.read_text(encoding="utf-8") for p in source_dir.rglob("*.py"))
        assert "chat_bot" not in source


class TestChatBotErrors:
    def _fails(self, bot: ModuleType, args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
        assert bot.main(args) == 1
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.count("\n") == 1
        assert "Traceback" not in captured.err
        assert captured.err.startswith("chat_bot: ")
        return captured.err

    def test_a_missing_file_is_one_line(
        self, bot: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A workspace file that does not exist gives status 1 and names the file."""
        missing = tmp_path / "nowhere.json"
        err = self._fails(bot, [str(missing), "--now", _NOW], capsys)
        assert str(missing) in err

    def test_a_directory_is_one_line(
        self, bot: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A directory given as the workspace gives status 1 and names it."""
        assert str(tmp_path) in self._fails(bot, [str(tmp_path), "--now", _NOW], capsys)

    @pytest.mark.parametrize(
        ("content", "expected"),
        [("{}", "schema"), ("not json", "ws.json"), ('{"schema": 1}', "ws.json")],
    )
    def test_a_file_that_is_not_a_workspace_is_one_line(
        self,
        bot: ModuleType,
        tmp_path: Path,
        content: str,
        expected: str,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """`{}`, text that is not JSON, or JSON of no workspace give status 1 and one line."""
        path = tmp_path / "ws.json"
        path.write_text(content, encoding="utf-8")
        assert expected in self._fails(bot, [str(path), "--now", _NOW], capsys)

    def test_a_binary_file_is_one_line(
        self, bot: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A file that is not UTF-8 text gives status 1 and says so."""
        path = tmp_path / "ws.json"
        path.write_bytes(b"\xff\xfe\x00binary")
        assert "not a text file" in self._fails(bot, [str(path), "--now", _NOW], capsys)

    def test_now_outside_the_calendar_is_one_line(
        self, bot: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A --now past the workspace calendar gives status 1 naming --now, not a traceback."""
        covered = Calendar(first_day=dt.date(2026, 1, 1), last_day=dt.date(2026, 12, 31))
        workspace = attrs.evolve(_workspace(), calendar=covered)
        path = tmp_path / "ws.json"
        path.write_text(serialize.to_json(workspace), encoding="utf-8")
        err = self._fails(bot, [str(path), "--now", "2027-06-01T09:00+02:00"], capsys)
        assert "--now 2027-06-01T09:00:00+02:00" in err
        assert "outside the covered range" in err

    def test_an_unwritable_sent_file_is_one_line(
        self,
        bot: ModuleType,
        workspace_file: Path,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """A --sent path that cannot be written gives status 1 and names it."""
        sent = tmp_path / "no-such-dir" / "sent.txt"
        assert bot.main([str(workspace_file), "--now", _NOW, "--sent", str(sent)]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert str(sent) in err

    def test_a_missing_argument_is_a_usage_error(
        self, bot: ModuleType, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without --now the argument parser exits with status 2."""
        with pytest.raises(SystemExit) as exited:
            bot.main(["ws.json"])
        assert exited.value.code == 2
        assert "--now" in capsys.readouterr().err


class TestReadme:
    def test_the_readme_sample_is_what_the_bot_prints(
        self, bot: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The message quoted in examples/README.md is the bot's output on the example."""
        readme = (Path(__file__).resolve().parent.parent / "examples" / "README.md").read_text(
            encoding="utf-8"
        )
        sample = readme.split("→ Anne Skov (p25)\n", 1)[1].split("\n\n", 1)[0].replace("\n", " ")
        path = tmp_path / "ws.json"
        path.write_text(serialize.to_json(example_workspace()), encoding="utf-8")
        assert bot.main([str(path), "--now", "2026-11-25T09:00+01:00"]) == 0
        out = capsys.readouterr().out
        assert f"→ Anne Skov (p25)\n{sample}\n" in out
