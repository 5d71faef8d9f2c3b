"""Tests for reviews kept as files: the Markdown layout, the JSON reader, anchors and errors."""

from __future__ import annotations

import datetime as dt
import enum
import json
import pickle
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit.exceptions import InvalidDataError
from learnkit.i18n import LOCALES, catalogue
from learnkit.incidents import (
    ActionItem,
    ActionStatus,
    ActionType,
    FactorCategory,
    FieldAnchor,
    IncidentReview,
    ReviewFile,
    ReviewFileError,
    ReviewFileFormat,
    ReviewStatus,
    parse_review_json,
    parse_review_markdown,
    review_to_markdown,
)
from learnkit.incidents import _markdown_layout as layout
from learnkit.incidents._language import FindingKind, review_text_fields
from learnkit.serialize import from_json, to_json
from learnkit.strategies._review_file import (
    field_anchors,
    markdown_reviews,
    representable,
    review_files,
)

DOCS = Path(__file__).parent.parent / "docs"
CPH = ZoneInfo("Europe/Copenhagen")


def at(text: str, line: int, column: int, length: int) -> str:
    """The ``length`` characters of ``text`` from ``line``:``column`` (both from 1)."""
    return text.split("\n")[line - 1][column - 1 : column - 1 + length]


def problems(text: str) -> list[tuple[str, tuple[int, int]]]:
    """Each problem's path with its location, for a file that must be refused."""
    with pytest.raises(ReviewFileError) as refused:
        parse_review_markdown(text)
    return [
        (problem.path, location)
        for problem, location in zip(refused.value.problems, refused.value.locations, strict=True)
    ]


HEAD = "# Titel\n\n- id: r1\n- hændelse: i1\n- forfatter: p01\n"


class TestVocabulary:
    def test_headings_are_unambiguous(self) -> None:
        """No heading word of either language names two sections."""
        seen: dict[str, str] = {}
        for section in layout.SECTIONS:
            keys = [f"reviewfile.heading.{section}"]
            if section in ("narrative", "learnings"):
                keys.append(f"reviewfile.alias.{section}")
            for key in keys:
                for locale in LOCALES:
                    word = layout.normalise(catalogue(locale)[key])
                    assert seen.setdefault(word, section) == section
        expected = {**seen, **{layout.normalise(name): name for name in layout.SECTIONS}}
        assert dict(layout.HEADINGS) == expected

    @pytest.mark.parametrize("kind", list(layout.ENUM_GROUPS))
    def test_values_are_unambiguous(self, kind: type[enum.Enum]) -> None:
        """Every word an enum accepts names exactly one member, in both languages."""
        seen: dict[str, object] = {}
        for member in kind:
            words = {layout.normalise(member.value)}
            words |= {layout.normalise(layout.value_label(member, locale)) for locale in LOCALES}
            text_key = str(getattr(member, "text_key", ""))
            for locale in LOCALES:
                if text_key in catalogue(locale):
                    words.add(layout.normalise(catalogue(locale)[text_key]))
            for word in words:
                assert seen.setdefault(word, member) is member, word
                assert layout.parse_value(kind, word) is member

    def test_keys_are_unambiguous(self) -> None:
        """Within each kind of record, no key word names two keys."""
        for keys in layout.KEYS:
            seen: dict[str, str] = {}
            for key in keys:
                for locale in LOCALES:
                    word = layout.normalise(catalogue(locale)[f"reviewfile.key.{key}"])
                    assert seen.setdefault(word, key) == key

    def test_words_ignore_case_and_punctuation(self) -> None:
        """``In-Progress``, ``in_progress`` and ``I GANG`` are the same value."""
        for word in ("In-Progress", "in_progress", "I GANG", "i gang"):
            assert layout.parse_value(ActionStatus, word) is ActionStatus.IN_PROGRESS
        assert layout.parse_value(ActionStatus, "maybe") is None


class TestRoundTrip:
    @settings(max_examples=25)
    @given(markdown_reviews(), st.sampled_from(LOCALES))
    def test_markdown_round_trip(self, review: IncidentReview, locale: str) -> None:
        """A review written as Markdown (either language) reads back equal."""
        text = review_to_markdown(review, locale="da" if locale == "da" else "en")
        parsed = parse_review_markdown(text)
        assert parsed.review == review
        assert parsed.format is ReviewFileFormat.MARKDOWN

    @settings(max_examples=25)
    @given(markdown_reviews())
    def test_json_round_trip(self, review: IncidentReview) -> None:
        """A review written as a JSON document reads back equal."""
        parsed = parse_review_json(to_json(review, indent=2))
        assert parsed.review == review
        assert parsed.format is ReviewFileFormat.JSON

    @settings(max_examples=25)
    @given(markdown_reviews())
    def test_anchors_locate_every_markdown_character(self, review: IncidentReview) -> None:
        """Every character of every text field stands where its anchors say."""
        text = review_to_markdown(review, locale="en")
        parsed = parse_review_markdown(text)
        for field, value in review_text_fields(parsed.review):
            for offset, char in enumerate(value):
                if char != "\n":
                    line, column = parsed.locate(field, offset)
                    assert at(text, line, column, 1) == char, (field, offset)

    @settings(max_examples=25)
    @given(markdown_reviews(), st.sampled_from((None, 2)))
    def test_anchors_locate_every_json_character(
        self, review: IncidentReview, indent: int | None
    ) -> None:
        """In JSON a character stands where anchored, or its escape sequence starts there."""
        text = to_json(review, indent=indent)
        parsed = parse_review_json(text)
        for field, value in review_text_fields(parsed.review):
            for offset, char in enumerate(value):
                line, column = parsed.locate(field, offset)
                assert at(text, line, column, 1) in (char, "\\"), (field, offset)

    def test_escaped_json_characters(self) -> None:
        """After an escape sequence the following characters are located exactly."""
        review = IncidentReview(id="r1", incident="i1", author="p1", narrative='a\n"b" \u0001c'[:6])
        text = to_json(review)
        parsed = parse_review_json(text)
        line, column = parsed.locate("narrative", 2)  # the '"' after the line break
        assert at(text, line, column, 2) == '\\"'
        line, column = parsed.locate("narrative", 3)
        assert at(text, line, column, 1) == "b"

    def test_surrogate_pairs_in_json(self) -> None:
        """An escaped character outside the BMP counts as one character."""
        document = json.loads(to_json(IncidentReview(id="r1", incident="i1", author="p1")))
        document["data"]["lucky"] = "x😀y"
        text = json.dumps(document, ensure_ascii=True)
        parsed = parse_review_json(text)
        line, column = parsed.locate("lucky", 2)
        assert at(text, line, column, 1) == "y"

    def test_example_postmortems_are_the_same_review(self) -> None:
        """The Danish and English example postmortems hold the same review."""
        danish = parse_review_markdown((DOCS / "examples" / "postmortem-da.md").read_text("utf-8"))
        english = parse_review_markdown((DOCS / "examples" / "postmortem-en.md").read_text("utf-8"))
        assert danish.review.id == english.review.id == "rev-2026-031"
        assert [f.category for f in danish.review.factors] == [
            FactorCategory.TOOLING,
            FactorCategory.PROCESS,
        ]
        assert [f.category for f in english.review.factors] == [
            f.category for f in danish.review.factors
        ]
        assert danish.review.action_items[0].type is ActionType.PREVENT
        assert english.review.overrides[0].kind is FindingKind.ANIMATED_TONE

    def test_representable_keeps_what_markdown_holds(self) -> None:
        """``representable`` leaves a review Markdown already holds unchanged."""
        review = IncidentReview(id="r1", incident="i1", author="p1", narrative="A\n\nB")
        assert representable(review) == review
        padded = attrs.evolve(review, narrative="\n A \n\n")
        assert representable(padded).narrative == " A "


class TestReadingWrittenByHand:
    def test_mixed_languages_and_aliases(self) -> None:
        """Danish and English headings and keys mix; aliases and a trailing '?' are fine."""
        text = (
            "# Hvad skete der med backuppen\n\n- ID: r1\n- incident: i1\n- Forfatter: p01\n"
            "- status: In Review\n\n## Hvad skete der?\n\nJobbet kørte.\n\n## What went well:\n"
            "Alarmen.\n\n## Læringer\n### l1\n- tags: a, b, a\nVi lærte noget.\n"
        )
        review = parse_review_markdown(text).review
        assert review.status is ReviewStatus.IN_REVIEW
        assert review.narrative == "Jobbet kørte."
        assert review.went_well == "Alarmen."
        assert review.learnings[0].tags == ("a", "b")
        assert review.learnings[0].statement == "Vi lærte noget."

    def test_code_blocks_escapes_and_subheadings_are_text(self) -> None:
        """A fenced '# comment', a '###' line and an escaped '## line' stay in the text."""
        text = (
            HEAD + "\n## Forløb\n\n```bash\n# genstart\n## ikke en overskrift\n```\n### Kl. 9.00\n"
            "\\## med skråstreg\n\\\\ to\n\n## Resumé\nKort.\n"
        )
        parsed = parse_review_markdown(text)
        assert parsed.review.narrative == (
            "```bash\n# genstart\n## ikke en overskrift\n```\n### Kl. 9.00\n## med skråstreg\n\\ to"
        )
        offset = parsed.review.narrative.index("## med")
        assert parsed.locate("narrative", offset) == (14, 2)
        assert parsed.review.summary == "Kort."

    def test_crlf_bom_and_continued_values(self) -> None:
        """Windows line endings, a byte-order mark and a value over two lines are read."""
        text = (
            "\ufeff# T\r\n\r\n- id: r1\r\n- incident: i1\r\n- author: p01\r\n\r\n"
            "## Action items\r\n### a1\r\n- status: rejected\r\n- created: 2026-11-02\r\n"
            "- reason: Dækket af\r\n    en anden handling\r\nRyd op i cron-job\r\n"
        )
        parsed = parse_review_markdown(text)
        item = parsed.review.action_items[0]
        assert item.reason == "Dækket af\nen anden handling"
        assert item.title == "Ryd op i cron-job"
        assert parsed.locate("action_items[0].reason", len("Dækket af\nen")) == (12, 7)
        assert parsed.locate("action_items[0].title", 0) == (13, 1)

    def test_published_review_with_approvals(self) -> None:
        """Times in the head and in approvals keep their zone; approvals are sorted."""
        text = (
            HEAD + "- status: offentliggjort\n- offentliggjort: 2026-11-20T10:00:00+01:00"
            "[Europe/Copenhagen]\n- revision: 2\n\n## Godkendelser\n"
            "- p09: 2026-11-20T09:00:00+01:00\n"
            "- p03: 2026-11-19T16:00:00+01:00[Europe/Copenhagen]\n"
        )
        review = parse_review_markdown(text).review
        assert review.published_at == dt.datetime(2026, 11, 20, 10, tzinfo=CPH)
        assert review.revision == 2
        assert [approval.by for approval in review.approvals] == ["p03", "p09"]

    def test_written_review_reads_as_a_person_would_write_it(self) -> None:
        """Rendering leaves out empty optional keys and sections, and uses the locale's words."""
        review = IncidentReview(
            id="r1",
            incident="i1",
            author="p1",
            action_items=(
                ActionItem(
                    id="a1",
                    title="Ryd op",
                    status=ActionStatus.IN_PROGRESS,
                    created_on=dt.date(2026, 11, 2),
                    type=ActionType.REPAIR,
                    owner="p2",
                    due=dt.date(2026, 12, 1),
                ),
            ),
        )
        text = review_to_markdown(review, title="Oprydning")
        assert text.startswith("# Oprydning\n\n- id: r1\n- hændelse: i1\n- forfatter: p1\n")
        assert "## Handlinger\n\n### a1\n- status: i gang\n- oprettet: 2026-11-02\n" in text
        assert "- udført:" not in text
        assert "## Resumé" not in text
        english = review_to_markdown(review, locale="en")
        assert english.startswith("# Learning review of i1\n")
        assert "- status: in progress\n" in english

    def test_unknown_locale_is_refused(self) -> None:
        """Writing in a locale learnkit does not speak is refused by name."""
        review = IncidentReview(id="r1", incident="i1", author="p1")
        with pytest.raises(InvalidDataError, match="locale"):
            review_to_markdown(review, locale="sv")  # type: ignore[arg-type]

    def test_record_bodies_without_keys_or_with_code(self) -> None:
        """A body that starts with a code block, and a record without keys, are text."""
        text = (
            HEAD + "\n## Det har vi lært\n### l1\n```\n- tags: ikke en nøgle\n```\n"
            "### l2\nUden nøgler.\n"
        )
        review = parse_review_markdown(text).review
        assert review.learnings[0].statement == "```\n- tags: ikke en nøgle\n```"
        assert review.learnings[0].tags == ()
        assert review.learnings[1].statement == "Uden nøgler."

    def test_blank_line_before_keys(self) -> None:
        """A record's keys may follow its heading after a blank line."""
        text = HEAD + "\n## Læringer\n### l1\n\n- emner: alarmer\n\nAlarmer skal have en ejer.\n"
        assert parse_review_markdown(text).review.learnings[0].tags == ("alarmer",)


class TestProblems:
    def test_every_problem_at_once_with_its_place(self) -> None:
        """Unknown headings and keys, stray text, bad values and missing keys: all reported."""
        text = (
            "# T\n\n- id: r1\n- forfatter: p01\nløs tekst\n- status: måske\n\n"
            "## Resumé\nKort.\n## Resumé\nIgen.\n## Konklusion\nx\n"
            "## Medvirkende faktorer\nfør første\n### f1\n- kategori: vejret\nTekst.\n"
            "## Handlinger\n### a1\n- status: åben\n- oprettet: 2026-13-01\nGør noget.\n"
            "## Godkendelser\n- p03 i går\n- p04: i går\n"
        )
        found = problems(text)
        assert found == [
            ("incident", (1, 1)),
            ("line 5", (5, 1)),
            ("status", (6, 11)),
            ("summary", (10, 4)),
            ("line 12", (12, 4)),
            ("line 15", (15, 1)),
            ("factors[0].role", (16, 5)),
            ("factors[0].category", (17, 13)),
            ("action_items[0].created_on", (22, 13)),
            ("line 25", (25, 1)),
            ("approvals[0].at", (26, 8)),
        ]

    def test_a_refusal_of_the_record_is_located(self) -> None:
        """An open item without owner is refused by ActionItem, located at its heading."""
        text = HEAD + "\n## Handlinger\n\n### a1\n- status: åben\n- oprettet: 2026-11-02\n\nGør.\n"
        assert problems(text) == [
            ("action_items[0].owner", (9, 1)),
            ("action_items[0].due", (9, 1)),
            ("action_items[0].type", (9, 1)),
        ]

    def test_a_refusal_of_the_review_is_located(self) -> None:
        """Duplicate factor ids are refused by the review, located at the section."""
        factor = "### f1\n- kategori: proces\n- rolle: udløsende\n\nNoget.\n"
        text = HEAD + "\n## Medvirkende faktorer\n\n" + factor + factor
        assert problems(text) == [("factors[f1]", (7, 1))]

    def test_second_title_and_bad_revision(self) -> None:
        """A second '# ' line and a revision that is no number are problems."""
        text = HEAD + "- revision: to\n\n## Resumé\nx\n# Igen\n"
        assert problems(text) == [("revision", (6, 13)), ("line 10", (10, 1))]

    def test_missing_and_repeated_keys(self) -> None:
        """A record's key given twice, and a required key missing, are named."""
        text = (
            HEAD + "\n## Sproglige undtagelser\n### narrative\n- udtryk: x\n- udtryk: y\n\nFordi.\n"
        )
        assert problems(text) == [
            ("overrides[0].kind", (8, 5)),
            ("overrides[0].by", (8, 5)),
            ("overrides[0].phrase", (10, 3)),
        ]

    def test_bad_dates_and_approvers(self) -> None:
        """A date that is no date, and an approver id that cannot be an id, are refused."""
        text = (
            HEAD + "\n## Handlinger\n### a1\n- status: foreslået\n- oprettet: i morgen\n\nGør.\n"
            "\n## Godkendelser\n- p0\u200b3: 2026-11-19T16:00:00+01:00\n"
        )
        assert problems(text) == [
            ("action_items[0].created_on", (10, 13)),
            ("approvals[0].by", (15, 1)),
        ]

    def test_record_without_text(self) -> None:
        """A learning with keys but no statement is refused at its record."""
        text = HEAD + "\n## Læringer\n### l1\n- emner: alarmer\n"
        assert problems(text) == [("learnings[0].statement", (8, 1))]

    def test_bad_time_in_the_head(self) -> None:
        """A naive publication time is refused where it is written."""
        text = HEAD + "- offentliggjort: 2026-11-20T10:00:00\n"
        assert problems(text) == [("published_at", (6, 19))]

    def test_error_pickles(self) -> None:
        """A ReviewFileError survives pickling with its problems and locations."""
        with pytest.raises(ReviewFileError) as refused:
            parse_review_markdown("# T\n")
        copy = pickle.loads(pickle.dumps(refused.value))
        assert copy.problems == refused.value.problems
        assert copy.locations == refused.value.locations == ((1, 1), (1, 1), (1, 1))

    def test_error_needs_a_location_per_problem(self) -> None:
        """Building a ReviewFileError with too few locations is a programming error."""
        with pytest.raises(ValueError, match="one location per problem"):
            ReviewFileError(InvalidDataError.single("x", 1, "bad").problems, [])


class TestJsonProblems:
    def test_syntax_error_is_located(self) -> None:
        """Invalid JSON is one problem where the parser stopped."""
        with pytest.raises(ReviewFileError) as refused:
            parse_review_json('{\n  "schema": 1,\n  "type": }')
        assert refused.value.locations == ((3, 11),)
        assert "not valid JSON" in refused.value.problems[0].message

    def test_invalid_data_is_located_at_the_value(self) -> None:
        """Each problem of a valid JSON document is located at the value it names."""
        document = json.loads(to_json(IncidentReview(id="r1", incident="i1", author="p1")))
        document["data"]["status"] = "lost"
        document["data"]["revision"] = 0
        text = json.dumps(document, indent=2)
        with pytest.raises(ReviewFileError) as refused:
            parse_review_json(text)
        lines = text.split("\n")
        for problem, (line, column) in zip(
            refused.value.problems, refused.value.locations, strict=True
        ):
            name = problem.path.rsplit(".", 1)[-1]
            assert lines[line - 1].lstrip().startswith(f'"{name}"')
            assert column > lines[line - 1].index(f'"{name}"')

    def test_deep_but_valid_json(self) -> None:
        """JSON too deep to walk for positions is still refused with a location."""
        with pytest.raises(ReviewFileError) as refused:
            parse_review_json("[" * 600 + "]" * 600)
        assert refused.value.locations == ((1, 1),)

    def test_lone_surrogates(self) -> None:
        """Escaped surrogates that form no pair are walked over and refused by the review."""
        document = json.loads(to_json(IncidentReview(id="r1", incident="i1", author="p1")))
        document["data"]["lucky"] = "a\ud83db\ud83d\u00e6"
        text = json.dumps(document, ensure_ascii=True)
        with pytest.raises(ReviewFileError) as refused:
            parse_review_json(text)
        assert refused.value.problems[0].path == "$.data.lucky"

    def test_too_deep(self) -> None:
        """Input nested deeper than Python's parser goes is refused, not crashed on."""
        with pytest.raises(ReviewFileError) as refused:
            parse_review_json("[" * 100_000 + "]" * 100_000)
        assert refused.value.locations == ((1, 1),)

    def test_another_type_of_document(self) -> None:
        """A document of another type is refused at its type."""
        with pytest.raises(ReviewFileError) as refused:
            parse_review_json('{"schema": 1, "type": "Roster", "data": {}}')
        assert refused.value.problems[0].path == "$.type"
        assert refused.value.locations[0] == (1, 24)


class TestWrongArgumentTypes:
    @pytest.mark.parametrize("parse", [parse_review_markdown, parse_review_json])
    @pytest.mark.parametrize("value", [3, None, ["# Review"], 2.5])
    def test_not_a_string(self, parse: object, value: object) -> None:
        """Anything but a string is refused as bad data naming the argument, not a crash."""
        with pytest.raises(InvalidDataError) as refused:
            parse(value)  # type: ignore[operator]
        assert not isinstance(refused.value, ReviewFileError)
        assert [(p.path, p.value, p.message) for p in refused.value.problems] == [
            ("text", value, "must be a string")
        ]

    @pytest.mark.parametrize("parse", [parse_review_markdown, parse_review_json])
    @pytest.mark.parametrize("value", [b"{}", b"# Review", bytearray(b"{}")])
    def test_bytes_must_be_decoded_first(self, parse: object, value: object) -> None:
        """Bytes are refused with a hint to decode them, never guessed at."""
        with pytest.raises(InvalidDataError) as refused:
            parse(value)  # type: ignore[operator]
        problem = refused.value.problems[0]
        assert (problem.path, problem.value) == ("text", value)
        assert "decode" in problem.message
        assert "not bytes" in str(refused.value)


class TestReviewFile:
    def test_locate_falls_back_to_the_enclosing_record(self) -> None:
        """A field without anchors is located at its record, then its section, then 1:1."""
        review = IncidentReview(id="r1", incident="i1", author="p1")
        anchors = [
            FieldAnchor(field="action_items", offset=0, line=4, column=1),
            FieldAnchor(field="action_items[0]", offset=0, line=5, column=1),
            FieldAnchor(field="narrative", offset=0, line=2, column=1),
            FieldAnchor(field="narrative", offset=10, line=3, column=3),
        ]
        found = ReviewFile(review=review, format=ReviewFileFormat.MARKDOWN, anchors=anchors)
        assert found.locate("action_items[0].reason", 7) == (5, 1)
        assert found.locate("action_items[3].title") == (4, 1)
        assert found.locate("narrative", 4) == (2, 5)
        assert found.locate("narrative", 12) == (3, 5)
        assert found.locate("lucky", 3) == (1, 1)
        late = ReviewFile(
            review=review,
            format=ReviewFileFormat.JSON,
            anchors=[FieldAnchor(field="summary", offset=5, line=9, column=4)],
        )
        assert late.locate("summary", 2) == (9, 4)

    def test_anchors_are_canonical_and_unique(self) -> None:
        """Anchors are kept sorted, and one field and offset is anchored once."""
        review = IncidentReview(id="r1", incident="i1", author="p1")
        one = FieldAnchor(field="summary", offset=0, line=2, column=1)
        two = FieldAnchor(field="narrative", offset=0, line=5, column=1)
        found = ReviewFile(review=review, format=ReviewFileFormat.JSON, anchors=[one, two])
        assert found.anchors == (two, one)
        with pytest.raises(InvalidDataError, match="twice"):
            ReviewFile(
                review=review,
                format=ReviewFileFormat.JSON,
                anchors=[one, attrs.evolve(one, line=3)],
            )

    @settings(max_examples=10)
    @given(field_anchors())
    def test_an_anchor_locates_itself(self, anchor: FieldAnchor) -> None:
        """A field's only anchor locates its own offset at its own line and column."""
        review = IncidentReview(id="r1", incident="i1", author="p1")
        found = ReviewFile(review=review, format=ReviewFileFormat.JSON, anchors=[anchor])
        assert found.locate(anchor.field, anchor.offset) == (anchor.line, anchor.column)
        assert found.locate(anchor.field, anchor.offset + 3) == (anchor.line, anchor.column + 3)

    @settings(max_examples=10)
    @given(review_files())
    def test_serialize_round_trip(self, found: ReviewFile) -> None:
        """A review file round-trips through learnkit.serialize."""
        assert from_json(to_json(found), ReviewFile) == found
