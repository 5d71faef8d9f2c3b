"""Tests for the demo's story of the example organisation over a quarter (_demo_story)."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re
import subprocess
import sys
import zoneinfo
from pathlib import Path

import attrs
import pytest

from learnkit import _demo_story, cli
from learnkit.culture import culture_report, render_text
from learnkit.examples import ExampleOrganisation, example_organisation
from learnkit.exceptions import UnknownIdError
from learnkit.i18n import LOCALES, translate
from learnkit.mentoring import MentorshipStatus
from learnkit.safety import (
    EVERYONE,
    SafetyGroup,
    TeamScore,
    Withheld,
    group_name,
    pulse_lines,
    pulse_results,
)

# The first words of each chapter's own section, in the order the story tells them.
SECTIONS = {
    "da": (
        "Nye medarbejdere",
        "Mentorer til de nye medarbejdere",
        "Vidensdeling: fredagsfortællinger",
        "Refleksioner, der mangler",
        "Mødeåbner for",
        "Læringsmål og balancen",
        "Blameless-tjek",
        "Hændelser: nøgletal",
        "Psykologisk tryghed",
        "Læringskultur",
    ),
    "en": (
        "Newcomers",
        "Mentors for the newcomers",
        "Knowledge sharing: Friday stories",
        "Reflections still to write",
        "Meeting opener for",
        "Learning goals and the operations",
        "Blameless check",
        "Incidents: metrics",
        "Psychological safety",
        "Learning culture",
    ),
}


@pytest.fixture(name="organisation", scope="module")
def _organisation() -> ExampleOrganisation:
    return example_organisation()


@pytest.fixture(name="demo", scope="module")
def _demo() -> dict[str, str]:
    """The demo's output in each language (run once each: a run takes about two seconds)."""
    outputs = {}
    for locale in ("da", "en"):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert cli.main(["demo", "--lang", locale]) == 0
        outputs[locale] = out.getvalue()
    return outputs


def chapter_text(locale: str, name: str, organisation: ExampleOrganisation) -> str:
    """The first line of a chapter's connecting paragraph, as the demo prints it."""
    step = _demo_story.chapter(name)
    return step(organisation, locale)[0]  # type: ignore[arg-type]


class TestStory:
    @pytest.mark.parametrize("locale", ["da", "en"])
    def test_every_chapter_in_order(
        self, demo: dict[str, str], organisation: ExampleOrganisation, locale: str
    ) -> None:
        """Each connecting paragraph and each section appears once, in the story's order."""
        out = demo[locale]
        blocks = out.rstrip("\n").split("\n\n")
        firsts = [block.splitlines()[0] for block in blocks]
        paragraphs = [chapter_text(locale, name, organisation) for name in _demo_story.CHAPTERS]
        order = [firsts.index(paragraph) for paragraph in paragraphs]
        assert order == sorted(order)
        sections = [
            next(i for i, first in enumerate(firsts) if first.startswith(heading))
            for heading in SECTIONS[locale]
        ]
        assert sections == sorted(sections)
        # newcomers and mentors come after their paragraph, the report before the closing one
        assert order[1] < sections[0] < sections[1] < order[2]
        assert order[-2] < sections[-1] < order[-1]
        assert all(line == line.rstrip() for line in out.splitlines())

    def test_the_quarter_is_named(self, demo: dict[str, str]) -> None:
        """The story opens with the company and the 91 days ending on as_of."""
        assert "Kvartalet hos Fjordlys A/S: de 91 dage fra 2026-08-25 til 2026-11-23." in demo["da"]
        assert "The quarter at Fjordlys A/S: the 91 days from 2026-08-25 to" in demo["en"]

    def test_the_report_is_the_librarys(
        self, demo: dict[str, str], organisation: ExampleOrganisation
    ) -> None:
        """The culture chapter is render_text of the quarter's report, line for line."""
        period = _demo_story.story_period(organisation.as_of)
        for locale in LOCALES:
            report = culture_report(organisation.workspace, as_of=organisation.as_of, period=period)
            assert render_text(report, locale).strip("\n") in demo[locale]

    def test_reads_no_files(self, tmp_path: Path) -> None:
        """The demo opens no file of its own: only Python's (modules, package data, time zones)."""
        script = (
            "import contextlib, io, json, sys\n"
            "opened = []\n"
            "def hook(event, args):\n"
            "    if event == 'open' and isinstance(args[0], str):\n"
            "        opened.append(args[0])\n"
            "sys.addaudithook(hook)\n"
            "from learnkit.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    status = main(['demo', '--lang', 'en'])\n"
            "print(json.dumps([status, opened]))\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            cwd=tmp_path,
        )
        status, opened = json.loads(result.stdout)
        assert status == 0
        roots = {sys.prefix, sys.base_prefix, *zoneinfo.TZPATH}
        others = [
            path
            for path in opened
            if not path.endswith((".py", ".pyc"))
            and not any(Path(path).is_relative_to(root) for root in roots)
        ]
        assert others == []
        assert not any(Path(path).is_relative_to(tmp_path) for path in opened)
        assert all(Path(path).is_absolute() for path in opened)


class TestChapters:
    def test_story_period(self) -> None:
        """The story covers the 91 days ending on as_of, both ends included."""
        period = _demo_story.story_period(dt.date(2026, 11, 23))
        assert (period.first, period.last) == (dt.date(2026, 8, 25), dt.date(2026, 11, 23))

    def test_one_newcomer_is_singular(self) -> None:
        """The newcomers' paragraph says one newcomer in the singular."""
        (line, *_) = _demo_story.chapter_lines("newcomers", "en", count=1)
        assert line.startswith("1 newcomer started")

    def test_paragraphs_are_wrapped(self, organisation: ExampleOrganisation) -> None:
        """Every connecting paragraph is wrapped to the demo's width, in both languages."""
        for locale in LOCALES:
            for name in _demo_story.CHAPTERS:
                lines = _demo_story.chapter(name)(organisation, locale)
                assert lines
                assert all(len(line) <= _demo_story.WIDTH for line in lines)

    def test_unknown_chapter(self) -> None:
        """A chapter that does not exist is an UnknownIdError."""
        with pytest.raises(UnknownIdError):
            _demo_story.chapter_lines("epilogue", "da")

    def test_newcomers_are_those_who_started_in_the_quarter(
        self, organisation: ExampleOrganisation
    ) -> None:
        """The newcomers' paragraph counts the starts within the story period, not 90 days."""
        later = attrs.evolve(organisation, as_of=organisation.as_of + dt.timedelta(days=40))
        period = _demo_story.story_period(later.as_of)
        starters = _demo_story.quarter_starters(later)
        assert all(person.start_date in period for person in starters)
        expected = sum(1 for person in later.roster if person.start_date in period)
        assert len(starters) == expected < len(_demo_story.quarter_starters(organisation))
        line = " ".join(_demo_story.chapter("newcomers")(later, "da"))
        assert f"I kvartalet er {expected} " in line


class TestMentorships:
    def test_the_lines_add_up_to_the_report(self, organisation: ExampleOrganisation) -> None:
        """The counted newcomers and those in time are exactly the report's; the rest wait apart."""
        period = _demo_story.story_period(organisation.as_of)
        report = culture_report(organisation.workspace, as_of=organisation.as_of, period=period)
        indicator = report.indicator("mentoring.newcomers")
        lines = _demo_story.mentorship_lines(organisation, "en")
        counted_at = next(i for i, line in enumerate(lines) if line.startswith("Counted"))
        pending_at = next(i for i, line in enumerate(lines) if line.startswith("Still within"))
        counted = [
            line.split(":")[0].strip() for line in lines[counted_at:pending_at] if line[:2] == "  "
        ]
        pending = [line.split(":")[0].strip() for line in lines[pending_at:] if line[:2] == "  "]
        names = {p.id: p.name for p in organisation.roster}
        assert indicator.denominator is not None
        assert indicator.numerator is not None
        counted_ids = [r for r in indicator.records if r in names]
        assert sorted(counted) == sorted(names[r] for r in counted_ids)
        assert len(counted) == indicator.denominator
        summary = " ".join(lines[counted_at:pending_at])
        assert f"{indicator.numerator} of {indicator.denominator} newcomers" in summary
        starters = _demo_story.quarter_starters(organisation)
        assert set(pending) <= {p.name for p in starters}
        assert not set(pending) & set(counted)
        text = "\n".join(lines)
        assert "30 days" in text
        assert "but only" in text  # the example has one late mentor
        assert "still waiting for a mentor" in text  # and one newcomer without any
        assert "was proposed as mentor" in text  # and the newest only proposed

    def test_cases_by_hand(self, organisation: ExampleOrganisation) -> None:
        """Started within the limit is in time; a later start is late; none means waiting."""
        period = _demo_story.story_period(organisation.as_of)
        limit = dt.timedelta(days=30)
        person = next(
            p
            for p in sorted(organisation.roster, key=lambda p: p.start_date)
            if p.start_date + limit in period
            and any(
                m.mentee == p.id and m.status is MentorshipStatus.ACTIVE
                for m in organisation.mentorships
            )
        )
        own = [m for m in organisation.mentorships if m.mentee == person.id]
        active = next(m for m in own if m.status is MentorshipStatus.ACTIVE)
        on_day = attrs.evolve(active, started_on=person.start_date + limit)
        late = attrs.evolve(active, started_on=person.start_date + dt.timedelta(days=31))
        others = [m for m in organisation.mentorships if m.mentee != person.id]
        for mentorship, words in ((on_day, "30 dage efter"), (late, "men først 31 dage")):
            o = attrs.evolve(organisation, mentorships=(*others, mentorship))
            line = next(
                line
                for line in _demo_story.mentorship_lines(o, "da")
                if line.strip().startswith(person.name + ":")
            )
            assert words in line
        none = attrs.evolve(organisation, mentorships=())
        lines = [line for line in _demo_story.mentorship_lines(none, "da") if line[:2] == "  "]
        assert lines
        assert all("venter stadig på en mentor" in line for line in lines)
        assert any("0 af" in line for line in _demo_story.mentorship_lines(none, "da"))

    def test_only_counted_newcomers(self, organisation: ExampleOrganisation) -> None:
        """Forty days on, nobody is still within their first days: one group only."""
        later = attrs.evolve(organisation, as_of=organisation.as_of + dt.timedelta(days=40))
        lines = _demo_story.mentorship_lines(later, "en")
        assert any(line.startswith("Counted") for line in lines)
        assert not any(line.startswith("Still within") for line in lines)

    def test_only_newcomers_within_their_first_days(
        self, organisation: ExampleOrganisation
    ) -> None:
        """When only the newest started recently, nobody is counted yet: the other group only."""
        newest = max(organisation.roster, key=lambda p: (p.start_date, p.id))
        long_ago = dt.date(2010, 1, 4)
        people = [
            p if p.id == newest.id else attrs.evolve(p, start_date=long_ago)
            for p in organisation.roster
        ]
        roster = attrs.evolve(organisation.roster, people=people)
        lines = _demo_story.mentorship_lines(attrs.evolve(organisation, roster=roster), "en")
        assert not any(line.startswith("Counted") for line in lines)
        assert [line.split(":")[0].strip() for line in lines if line[:2] == "  "] == [newest.name]

    def test_nobody_started(self, organisation: ExampleOrganisation) -> None:
        """Without starts in or just before the quarter the section is empty."""
        later = attrs.evolve(organisation, as_of=organisation.as_of + dt.timedelta(days=800))
        assert _demo_story.mentorship_lines(later, "en") == []


class TestNextStory:
    def test_the_published_plans_next_presenter(self, organisation: ExampleOrganisation) -> None:
        """The line names the first planned session on or after as_of and its presenter."""
        sessions = [
            a
            for plan in organisation.plans
            for a in plan.assignments
            if a.session.held_on >= organisation.as_of and a.presenters
        ]
        first = min(sessions, key=lambda a: a.session.start)
        name = organisation.roster.person(first.presenters[0].person).name
        text = " ".join(_demo_story.next_story_lines(organisation, "da"))
        assert name in text
        assert first.session.held_on.isoformat() in text
        assert "to arbejdsdage før" in text

    def test_free_topic_and_no_plan(self, organisation: ExampleOrganisation) -> None:
        """A session without a topic says so; without a published plan there is no line."""
        plan = organisation.plans[0]
        free = attrs.evolve(
            plan, assignments=tuple(attrs.evolve(a, topic=None) for a in plan.assignments)
        )
        text = " ".join(
            _demo_story.next_story_lines(attrs.evolve(organisation, plans=(free,)), "en")
        )
        assert "on a topic of their choice" in text
        assert _demo_story.next_story_lines(attrs.evolve(organisation, plans=()), "en") == []


class TestSafety:
    def test_the_release_is_the_reports(self, organisation: ExampleOrganisation) -> None:
        """The report's released safety groups are a subset of what the story's release shows."""
        release = _demo_story.safety_release(organisation)
        assert release is not None
        pulse, results = release
        released = {score.group: score for score in results.released}
        period = _demo_story.story_period(organisation.as_of)
        report = culture_report(organisation.workspace, as_of=organisation.as_of, period=period)
        rows = [i for i in report.indicators if i.key == "safety.team_score"]
        assert rows
        for row in rows:
            group = EVERYONE if row.scope is None else SafetyGroup(team=row.scope)
            assert row.records == (pulse.id,)
            if row.value is not None:
                assert group in released
            else:
                assert group not in released

    @pytest.mark.parametrize("locale", ["da", "en"])
    def test_lines_are_the_safety_parts(
        self, organisation: ExampleOrganisation, locale: str
    ) -> None:
        """Every result line is a line of pulse_lines of the whole release; none is reworded."""
        release = _demo_story.safety_release(organisation)
        assert release is not None
        _, results = release
        roster = organisation.roster
        full = set(pulse_lines(results, roster, locale))  # type: ignore[arg-type]
        lines = _demo_story.safety_lines(organisation, locale)  # type: ignore[arg-type]
        start = lines.index("  " + next(iter(pulse_lines(results, roster, locale))))  # type: ignore[arg-type]
        more = next(i for i, line in enumerate(lines) if line.startswith("  …"))
        shown = [line.removeprefix("  ") for line in lines[start:more]]
        assert set(shown) <= full
        withheld = list(results.withheld)
        assert len(withheld) > _demo_story.SHOWN_WITHHELD
        count = len(withheld) - _demo_story.SHOWN_WITHHELD
        assert str(count) in lines[more]
        for item in withheld:
            name = group_name(item.group, roster, locale)  # type: ignore[arg-type]
            line = next((s for s in shown if s.split(":")[0] == name), None)
            if line is None:
                continue
            assert _matches_reason(line, item, roster, locale)
            assert set(re.findall(r"[0-9]+", line)) <= {str(item.k)} | set(
                re.findall(r"[0-9]+", name)
            )

    def test_whole_teams_first_among_the_withheld(self, organisation: ExampleOrganisation) -> None:
        """Every withheld whole team is shown before any withheld subgroup is."""
        release = _demo_story.safety_release(organisation)
        assert release is not None
        selection = _demo_story._selection(release[1])
        teams = [w for w in release[1].withheld if w.group.label is None]
        assert all(item in selection.withheld for item in teams)
        assert set(selection.released) == set(release[1].released)

    def test_without_a_pulse_the_chapter_says_so(self, organisation: ExampleOrganisation) -> None:
        """An organisation without a pulse in the quarter says so, and the default k."""
        quiet = attrs.evolve(organisation, safety_surveys=(), safety_responses=())
        lines = _demo_story.safety_lines(quiet, "en")
        assert lines == [
            translate("story.safety.heading", "en"),
            "  " + translate("story.safety.no_pulse", "en"),
        ]
        assert "at least 5" in " ".join(_demo_story.chapter("safety")(quiet, "en"))

    def test_a_pulse_with_nothing_withheld(self, organisation: ExampleOrganisation) -> None:
        """One team without subgroups: no count of left-out results; the trend has every pulse."""
        surveys = sorted(organisation.safety_surveys, key=lambda survey: survey.period.last)
        last = surveys[-1].id
        team = [
            attrs.evolve(response, groups=frozenset())
            for response in organisation.safety_responses
            if response.team == "kundeservice" and response.survey == last
        ]
        quiet = attrs.evolve(organisation, safety_responses=tuple(team))
        lines = _demo_story.safety_lines(quiet, "en")
        survey = surveys[-1]
        score = pulse_results(survey, team, [EVERYONE]).result(EVERYONE)
        assert isinstance(score, TeamScore)
        assert lines[0] == "Psychological safety in the teams"
        assert (
            lines[1]
            == f"  {survey.name or survey.id} ({survey.period.first} – {survey.period.last})"
        )
        assert f"  Everyone: {score.score:.1f} of {score.points} ({len(team)} responses)" in lines
        assert not any(line.startswith("  …") for line in lines)
        assert sum(1 for line in lines if line.startswith("    ")) == len(surveys)

    def test_heading_is_not_doubled(self, demo: dict[str, str]) -> None:
        """The section names psychological safety once in its heading, then the pulse."""
        assert "Psykologisk tryghed: Pulsmåling" not in demo["da"]
        assert "Psykologisk tryghed i teamene\n  Pulsmåling: psykologisk tryghed" in demo["da"]


def _matches_reason(line: str, item: Withheld, roster: object, locale: str) -> bool:
    """Whether ``line`` is the safety part's wording of ``item``'s own reason."""
    name = group_name(item.group, roster, locale)  # type: ignore[arg-type]
    params: dict[str, object] = {"group": name, "k": item.k}
    if item.because_of is not None:
        params["other"] = group_name(item.because_of, roster, locale)  # type: ignore[arg-type]
    return line == translate(f"safety.result.{item.reason.value}", locale, **params)  # type: ignore[arg-type]


class TestIncidentChapter:
    @pytest.mark.parametrize("locale", ["da", "en"])
    def test_more_findings_and_no_repeated_suggestion(
        self, demo: dict[str, str], locale: str
    ) -> None:
        """Beyond five findings a line says how many more; no suggestion is printed twice."""
        block = next(b for b in demo[locale].split("\n\n") if b.startswith(SECTIONS[locale][6]))
        lines = block.splitlines()
        suggestions = [line for line in lines if line.startswith("    ")]
        assert len(suggestions) == len(set(suggestions))
        more = "  … og 5 fund mere" if locale == "da" else "  … and 5 more findings"
        assert more in lines
        if locale == "da":
            assert "nærved-hændelse" in block
