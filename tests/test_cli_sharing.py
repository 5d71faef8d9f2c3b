"""Tests for `learnkit sharing plan` and `learnkit example --sharing`."""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import attrs
import icalendar
import pytest

from learnkit import _cli_sharing
from learnkit._example_sharing import build_sharing
from learnkit.cli import main
from learnkit.examples import example_organisation
from learnkit.exceptions import LearnkitError
from learnkit.people import Person, Roster, Team
from learnkit.serialize import from_json, to_json
from learnkit.sharing import (
    FRIDAY_STORY,
    Absence,
    HolidayPolicy,
    PlanRequest,
    SessionSeries,
    Turn,
    plan,
)
from learnkit.time import Calendar, Holiday, Period


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run main in-process; the exit status, standard output and standard error."""
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture(name="request_value", scope="module")
def _request_value() -> PlanRequest:
    organisation = example_organisation()
    examples = build_sharing(organisation.roster, organisation.as_of, organisation.seed)
    return examples.request(organisation.roster, seed=organisation.seed)


@pytest.fixture(name="request_file")
def _request_file(tmp_path: Path, request_value: PlanRequest) -> Path:
    path = tmp_path / "request.json"
    path.write_text(to_json(request_value), encoding="utf-8")
    return path


def small_request(**changes: object) -> PlanRequest:
    """Two people in two teams, Fridays in May 2027, Kristi himmelfartsdag on Thursday 6 May."""
    roster = Roster(
        people=[
            Person(id="p1", name="Mette Hansen", team="data", start_date=dt.date(2020, 1, 1)),
            Person(id="p2", name="Jonas Berg", team="salg", start_date=dt.date(2021, 1, 1)),
        ],
        teams=[Team(id="data", name="Data"), Team(id="salg", name="Salg")],
    )
    series = SessionSeries(
        id="torsdag",
        name="Torsdagsoplæg",
        format=FRIDAY_STORY,
        rule="FREQ=WEEKLY;BYDAY=TH",
        start_time=dt.time(14),
        first=dt.date(2027, 5, 1),
        last=dt.date(2027, 5, 31),
        calendar=Calendar(holidays=[Holiday(dt.date(2027, 5, 6), "Kristi himmelfartsdag")]),
        holiday_policy=HolidayPolicy.MOVE_EARLIER,
    )
    return attrs.evolve(PlanRequest(series=series, roster=roster), **changes)


def write(path: Path, request: PlanRequest) -> str:
    """Write ``request`` as a document to ``path``; the path as text."""
    path.write_text(to_json(request), encoding="utf-8")
    return str(path)


class TestExampleSharing:
    def test_writes_the_example_request(
        self, capsys: pytest.CaptureFixture[str], request_value: PlanRequest
    ) -> None:
        """`example --sharing` writes the example organisation's Friday-story plan request."""
        status, out, err = run(capsys, "example", "--sharing")
        assert (status, err) == (0, "")
        assert from_json(out, PlanRequest) == request_value
        assert out.endswith("}\n")

    def test_seed_and_date(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--seed and --as-of reach the example request."""
        status, out, _ = run(capsys, "example", "--sharing", "--seed", "7", "--as-of", "2027-03-01")
        assert status == 0
        request = from_json(out, PlanRequest)
        assert request.seed == 7
        assert request.history[-1].on < dt.date(2027, 3, 1)

    def test_not_with_mentoring(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--sharing and --mentoring together are a usage error."""
        status, out, err = run(capsys, "example", "--sharing", "--mentoring", "--locale", "en")
        assert (status, out) == (2, "")
        assert err == (
            "learnkit example: --sharing and --mentoring cannot be used together"
            " (see 'learnkit example --help')\n"
        )


class TestPlan:
    def test_danish_plan(self, capsys: pytest.CaptureFixture[str], request_file: Path) -> None:
        """The plan in Danish: title, summary, a line per session with why, Langfredag skipped."""
        status, out, err = run(
            capsys,
            "sharing",
            "plan",
            str(request_file),
            "--from",
            "2027-01-01",
            "--to",
            "2027-03-31",
        )
        assert (status, err) == (0, "")
        lines = out.splitlines()
        assert lines[0] == "Fredagsfortællinger: 2027-01-01 – 2027-03-31"
        assert lines[1] == "=" * len(lines[0])
        assert lines[2] == (
            "Fredagsfortælling på 15 min. kl. 14.00 (Europe/Copenhagen):"
            " 11 sessioner, 2 aflyst, 0 uden oplægsholder"
        )
        sessions = [line for line in lines if line.startswith("  fre. ") and " kl. " in line]
        assert len(sessions) == 11
        assert all(" kl. 14.00  " in line for line in sessions)
        assert sum(line.startswith("    hvorfor: ") for line in lines) == 11
        assert "Aflyst:" in lines
        assert "  fre. 2027-03-26: ikke en arbejdsdag (Langfredag)" in lines
        assert "  fre. 2027-01-01: ikke en arbejdsdag (Nytårsdag)" in lines

    def test_english_plan_shows_names_and_teams(
        self, capsys: pytest.CaptureFixture[str], request_file: Path, request_value: PlanRequest
    ) -> None:
        """In English; every presenter by name with their team's name, and the topic."""
        status, out, _ = run(
            capsys,
            "sharing",
            "plan",
            str(request_file),
            "--from",
            "2027-01-01",
            "--to",
            "2027-03-31",
            "--locale",
            "en",
        )
        assert status == 0
        made = request_value.plan(Period(dt.date(2027, 1, 1), dt.date(2027, 3, 31)))
        roster = request_value.roster
        for assignment in made.assignments:
            person = roster.person(assignment.people[0])
            topic = assignment.topic.title if assignment.topic is not None else "open topic"
            day = assignment.session.held_on.isoformat()
            line = f"  Fri {day} 14:00  {person.name} ({roster.team(person.team).name}): {topic}"
            assert line in out.splitlines()
        assert "  Fri 2027-03-26: not a working day (Langfredag)" in out.splitlines()

    def test_reads_standard_input(
        self,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        request_file: Path,
    ) -> None:
        """`-` reads the request from standard input, as piped from `learnkit example --sharing`."""
        data = request_file.read_bytes()
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
        status, out, _ = run(
            capsys, "sharing", "plan", "-", "--from", "2027-03-20", "--to", "2027-03-31"
        )
        assert status == 0
        assert "Langfredag" in out

    def test_seed_overrides_the_request(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """--seed replaces the request's seed: the same as a request with that seed."""
        request = small_request(seed=1)
        path = write(tmp_path / "r.json", request)
        args = ("sharing", "plan", path, "--from", "2027-05-01", "--to", "2027-05-31")
        _, with_option, _ = run(capsys, *args, "--seed", "5")
        _, written, _ = run(
            capsys, "sharing", "plan", write(tmp_path / "s.json", small_request(seed=5)), *args[3:]
        )
        assert with_option == written

    def test_moved_session_and_pairs(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A session moved off a holiday says from where; a pair is joined with 'og'."""
        path = write(tmp_path / "r.json", small_request(presenters=2))
        status, out, _ = run(
            capsys, "sharing", "plan", path, "--from", "2027-05-01", "--to", "2027-05-10"
        )
        assert status == 0
        moved = next(line for line in out.splitlines() if "onsdag" in line or "ons." in line)
        assert moved.startswith("  ons. 2027-05-05 kl. 14.00  ")
        assert moved.endswith("(flyttet fra tors. 2027-05-06)")
        assert " og " in moved
        assert "Mette Hansen (Data)" in moved
        assert "Jonas Berg (Salg)" in moved

    def test_unfilled_sessions(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """Sessions nobody can present at are listed on their own."""
        away = [
            Absence(person=p, period=Period(dt.date(2027, 5, 1), dt.date(2027, 5, 31)))
            for p in ("p1", "p2")
        ]
        path = write(tmp_path / "r.json", small_request(absences=away))
        status, out, _ = run(
            capsys,
            "sharing",
            "plan",
            path,
            "--from",
            "2027-05-12",
            "--to",
            "2027-05-21",
            "--locale",
            "en",
        )
        assert status == 0
        assert out.splitlines()[2].endswith("0 sessions, 0 not held, 2 without a presenter")
        assert out.endswith(
            "Nobody could present:\n  Thu 2027-05-13 14:00\n  Thu 2027-05-20 14:00\n"
        )

    def test_no_sessions(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A period without sessions says so."""
        path = write(tmp_path / "r.json", small_request())
        status, out, _ = run(
            capsys, "sharing", "plan", path, "--from", "2027-05-14", "--to", "2027-05-16"
        )
        assert status == 0
        assert out.endswith("\n\n  ingen sessioner i perioden\n")


class TestDocs:
    def test_the_docs_show_what_the_command_prints(
        self, capsys: pytest.CaptureFixture[str], request_file: Path
    ) -> None:
        """The output shown in docs/sharing.md is what `learnkit sharing plan` prints."""
        page = (Path(__file__).parent.parent / "docs" / "sharing.md").read_text(encoding="utf-8")
        shown = page.split("```text\n", 1)[1].split("```", 1)[0]
        status, out, _ = run(
            capsys,
            "sharing",
            "plan",
            str(request_file),
            "--from",
            "2027-03-01",
            "--to",
            "2027-03-31",
        )
        assert (status, out) == (0, shown)


class TestIcs:
    def test_writes_icalendar(
        self, capsys: pytest.CaptureFixture[str], request_file: Path, request_value: PlanRequest
    ) -> None:
        """--ics writes a calendar that parses back with one event per session, stamped now."""
        before = dt.datetime.now(dt.UTC).replace(microsecond=0)
        status, out, err = run(
            capsys,
            "sharing",
            "plan",
            str(request_file),
            "--from",
            "2027-01-01",
            "--to",
            "2027-03-31",
            "--ics",
        )
        after = dt.datetime.now(dt.UTC)
        assert (status, err) == (0, "")
        calendar = icalendar.Calendar.from_ical(out)
        events = list(calendar.walk("VEVENT"))
        made = request_value.plan(Period(dt.date(2027, 1, 1), dt.date(2027, 3, 31)))
        assert [str(e["UID"]) for e in events] == [
            f"{a.session.id}@learnkit" for a in made.assignments
        ]
        assert [e.decoded("DTSTART") for e in events] == [a.session.start for a in made.assignments]
        stamps = {e.decoded("DTSTAMP") for e in events}
        assert len(stamps) == 1
        assert before <= stamps.pop() <= after

    def test_without_the_extra(
        self,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        request_file: Path,
    ) -> None:
        """Without the icalendar package, --ics is one line naming pip install learnkit[ical]."""
        monkeypatch.setitem(sys.modules, "icalendar", None)
        monkeypatch.delitem(sys.modules, "learnkit.ical", raising=False)
        status, out, err = run(
            capsys,
            "sharing",
            "plan",
            str(request_file),
            "--from",
            "2027-01-01",
            "--to",
            "2027-01-31",
            "--ics",
            "--locale",
            "en",
        )
        assert (status, out) == (1, "")
        assert err == ("learnkit: --ics needs the icalendar package: pip install learnkit[ical]\n")


PLAN_JAN = ["sharing", "plan", "r.json", "--from", "2027-01-01", "--to", "2027-01-02"]


class TestErrors:
    @pytest.mark.parametrize(
        "case",
        [
            (["sharing"], 2, "learnkit sharing: mangler en underkommando: plan"),
            (["sharing", "plan", "r.json"], 2, "angiv perioden med både --from og --to"),
            (["sharing", "plan", "r.json", "--from", "2027-01-01"], 2, "både --from og --to"),
            (
                ["sharing", "plan", "r.json", "--from", "2027-02-30", "--to", "2027-03-01"],
                2,
                "learnkit sharing plan: --from: ugyldig dato '2027-02-30'",
            ),
            (
                ["sharing", "plan", "r.json", "--from", "2027-01-01", "--to", "1.3.2027"],
                2,
                "--to: ugyldig dato '1.3.2027'",
            ),
            (
                ["sharing", "plan", "r.json", "--from", "2027-03-01", "--to", "2027-01-01"],
                2,
                "--to (2027-01-01) ligger før --from (2027-03-01)",
            ),
            (
                ["sharing", "plan", "--from", "2027-01-01", "--to", "2027-01-02"],
                2,
                "learnkit sharing plan: mangler filen med planforespørgslen",
            ),
            (
                [*PLAN_JAN, "--seed", "x"],
                2,
                "--seed: ugyldigt seed 'x'",
            ),
            (
                [*PLAN_JAN, "--locale", "fr"],
                2,
                "--locale: ukendt sprog 'fr'",
            ),
            (
                ["sharing", "plan", "missing.json", "--from", "2027-01-01", "--to", "2027-01-02"],
                1,
                "learnkit: missing.json: filen findes ikke",
            ),
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
        (tmp_path / "r.json").write_text(to_json(small_request()), encoding="utf-8")
        code, out, err = run(capsys, *argv)
        assert (code, out) == (status, "")
        assert err.count("\n") == 1
        assert expected in err
        if status == 2:
            assert "--help')" in err

    @pytest.mark.parametrize(
        ("content", "expected"),
        [
            (b'{"schema": 1, "type": ', "invalid JSON at line 1"),
            (b'{"schema": 1, "type": "Roster", "data": {}}', "invalid data, "),
            (b'{"schema": 1, "type": "PlanRequest", "data": {"seed": 1}}', "invalid data, "),
        ],
    )
    def test_bad_documents(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, expected: str
    ) -> None:
        """A file that is not a plan request gives one line naming the file and the reason."""
        path = tmp_path / "bad.json"
        path.write_bytes(content)
        code, out, err = run(
            capsys,
            "sharing",
            "plan",
            str(path),
            "--from",
            "2027-01-01",
            "--to",
            "2027-01-31",
            "--locale",
            "en",
        )
        assert (code, out) == (1, "")
        assert err.count("\n") == 1
        assert err.startswith(f"learnkit: {path}: ")
        assert expected in err

    def test_invalid_request_names_the_field(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """An absence of someone not on the roster is named with its path."""
        document = to_json(small_request()).replace('"absences": []', '"absences": [X]')
        absence = '{"person": "p9", "period": {"first": "2027-05-01", "last": "2027-05-02"}}'
        path = tmp_path / "r.json"
        path.write_text(document.replace("X", absence), encoding="utf-8")
        code, _, err = run(
            capsys, "sharing", "plan", str(path), "--from", "2027-05-01", "--to", "2027-05-31"
        )
        assert code == 1
        assert "absences[0].person: is not on the roster" in err

    def test_any_other_refusal_is_one_line(
        self,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path,
    ) -> None:
        """Any other learnkit error while planning is one line naming the file."""

        def refuse(*_: object, **__: object) -> str:
            raise LearnkitError("kan ikke\nlige nu")

        monkeypatch.setattr(_cli_sharing, "plan_command", refuse)
        path = write(tmp_path / "r.json", small_request())
        code, out, err = run(
            capsys, "sharing", "plan", path, "--from", "2027-05-01", "--to", "2027-05-31"
        )
        assert (code, out) == (1, "")
        assert err == f"learnkit: {path}: kan ikke planlægges: kan ikke lige nu\n"

    def test_help_in_english(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`sharing plan --help` explains the options in the chosen locale."""
        status, out, _ = run(capsys, "sharing", "plan", "--help", "--locale", "en")
        assert status == 0
        assert "the first day of the period, YYYY-MM-DD" in out
        assert "needs learnkit[ical]" in out


class TestRendering:
    def test_kept_and_unknown_people(self) -> None:
        """A kept assignment says so; someone the roster does not know is shown by id."""
        request = small_request()
        period = Period(dt.date(2027, 5, 1), dt.date(2027, 5, 31))
        first = request.plan(period)
        kept = plan(request.series, request.roster, period, keep=first)
        stranger = Roster(people=[], teams=[])
        lines = _cli_sharing.session_lines(kept.assignments, stranger, "en", why=True)
        assert lines[0].startswith("  Wed 2027-05-05 14:00  p")
        assert "(–)" in lines[0]
        assert lines[1].endswith("; unchanged from the earlier plan")

    def test_why_says_only_what_is_true(self) -> None:
        """Kept choices are not called the fewest; a cross-team second is fewest of the others."""
        request = small_request()
        period = Period(dt.date(2027, 5, 1), dt.date(2027, 5, 31))
        kept = plan(request.series, request.roster, period, keep=request.plan(period))
        en = _cli_sharing.session_lines(kept.assignments, request.roster, "en", why=True)
        da = _cli_sharing.session_lines(kept.assignments, request.roster, "da", why=True)
        assert en[1] == (
            "    why: Mette Hansen has presented 0 times, another team than last time;"
            " unchanged from the earlier plan"
        )
        assert da[1] == (
            "    hvorfor: Mette Hansen har holdt 0 oplæg, andet team end sidst;"
            " uændret fra den tidligere plan"
        )
        pair = plan(
            request.series,
            request.roster,
            period,
            presenters=2,
            history=[Turn(person="p2", on=dt.date(2027, 4, 1))],
        )
        en = _cli_sharing.session_lines(pair.assignments, request.roster, "en", why=True)
        da = _cli_sharing.session_lines(pair.assignments, request.roster, "da", why=True)
        assert (
            "; Jonas Berg has presented 1 time,"
            " the fewest of those from teams other than Data who could," in en[1]
        )
        assert (
            "; Jonas Berg har holdt 1 oplæg, færrest blandt de mulige fra andre teams end Data,"
            in da[1]
        )

    def test_why_counts_kept_turns_to_come(self) -> None:
        """A replacement's why says it counted the kept turns later in the plan."""
        request = small_request()
        period = Period(dt.date(2027, 5, 1), dt.date(2027, 5, 31))
        ill = Absence(person="p1", period=Period(dt.date(2027, 5, 5), dt.date(2027, 5, 5)))
        again = plan(
            request.series, request.roster, period, absences=[ill], keep=request.plan(period)
        )
        en = _cli_sharing.session_lines(again.assignments, request.roster, "en", why=True)
        da = _cli_sharing.session_lines(again.assignments, request.roster, "da", why=True)
        assert ", counting 2 kept later, " in en[1]
        assert ", medregnet 2 senere i den beholdte plan, " in da[1]

    def test_day_text(self) -> None:
        """Weekdays are abbreviated the Danish way and the English way."""
        day = dt.date(2027, 3, 26)
        assert _cli_sharing.day_text(day, "da") == "fre. 2027-03-26"
        assert _cli_sharing.day_text(day, "en") == "Fri 2027-03-26"
