"""The Danish and English catalogues and :func:`translate`."""

from __future__ import annotations

import string
from collections.abc import Mapping

import pytest

from learnkit import _catalogue_da, _catalogue_en, i18n
from learnkit.exceptions import InvalidDataError, Problem, UnknownIdError
from learnkit.i18n import LOCALES, catalogue, check_locale, placeholders, translate


def fields(template: str) -> frozenset[str]:
    """Every replacement field of ``template`` written out in full (``goal.title``, ``n``)."""
    return frozenset(
        name for _, name, _, _ in string.Formatter().parse(template) if name is not None
    )


class _Anything:
    """A parameter that survives any attribute access, index and format spec."""

    def __getattr__(self, _: str) -> _Anything:
        return self

    def __getitem__(self, _: object) -> _Anything:
        return self

    def __format__(self, _: str) -> str:
        return "x"


SOURCES: list[tuple[str, Mapping[str, str], Mapping[str, str]]] = [
    ("shared", _catalogue_da.CATALOGUE, _catalogue_en.CATALOGUE),
    *((part.__name__, part.DA, part.EN) for part in i18n._PART_TEXTS),
]


class TestCatalogues:
    def test_locales(self) -> None:
        """learnkit speaks Danish first, then English."""
        assert LOCALES == ("da", "en")

    @pytest.mark.parametrize("source", SOURCES, ids=lambda source: source[0])
    def test_both_catalogues_have_the_same_keys(
        self, source: tuple[str, Mapping[str, str], Mapping[str, str]]
    ) -> None:
        """Every text exists in Danish and in English, in the shared and every part's module."""
        _, danish, english = source
        assert sorted(set(danish) - set(english)) == [], "keys missing in English"
        assert sorted(set(english) - set(danish)) == [], "keys missing in Danish"

    @pytest.mark.parametrize("source", SOURCES, ids=lambda source: source[0])
    def test_both_catalogues_have_the_same_placeholders(
        self, source: tuple[str, Mapping[str, str], Mapping[str, str]]
    ) -> None:
        """Each text has the same fields in both languages, written the same way."""
        _, danish, english = source
        differing = {
            key: (sorted(fields(text)), sorted(fields(english[key])))
            for key, text in danish.items()
            if key in english and fields(text) != fields(english[key])
        }
        assert differing == {}

    def test_merged_catalogues_cover_every_source(self) -> None:
        """The catalogues are exactly the shared texts plus every part's texts."""
        for locale, index in (("da", 1), ("en", 2)):
            expected: dict[str, str] = {}
            for source in SOURCES:
                expected.update(source[index])
            assert dict(catalogue(locale)) == expected  # type: ignore[arg-type]

    def test_a_key_defined_twice_is_refused(self) -> None:
        """Two modules defining one key is caught when the catalogues are merged."""
        with pytest.raises(RuntimeError, match=r"twice: roster\.headcount"):
            i18n._merged({"roster.headcount": "a"}, ({"roster.headcount": "b"},))

    def test_placeholders_are_named(self) -> None:
        """translate takes keyword parameters only, so ``{}`` or ``{0}`` could never be filled."""
        for locale in LOCALES:
            for key, template in catalogue(locale).items():
                for name in placeholders(template):
                    assert name.isidentifier(), f"{locale} {key!r} has field {{{name}}}"

    def test_every_text_renders_in_both_locales(self) -> None:
        """Every template is well-formed and fills with its placeholders."""
        for locale in LOCALES:
            for key, template in catalogue(locale).items():
                assert template.strip(), f"{locale} {key!r} is blank"
                params = {name: _Anything() for name in placeholders(template)}
                assert isinstance(translate(key, locale, **params), str)

    def test_catalogue_is_read_only(self) -> None:
        """A caller cannot change the texts every other caller sees."""
        texts = catalogue("da")
        with pytest.raises(TypeError):
            texts["roster.headcount"] = "changed"  # type: ignore[index]
        assert translate("roster.headcount", "da", count=2) == "2 personer"

    def test_catalogue_refuses_unknown_locales(self) -> None:
        """An unknown locale is refused naming ``locale``."""
        with pytest.raises(InvalidDataError) as caught:
            catalogue("de")  # type: ignore[arg-type]
        assert caught.value.problems == (Problem("locale", "de", "must be 'da' or 'en'"),)


class TestPlaceholders:
    @pytest.mark.parametrize(
        ("template", "expected"),
        [
            ("no fields", set()),
            ("{count} personer", {"count"}),
            ("{a} and {b} and {a}", {"a", "b"}),
            ("{{literal}} {real}", {"real"}),
            ("{goal.title} due {goal.deadline:%Y-%m-%d}", {"goal"}),
            ("{items[0]} {value!r:>5}", {"items", "value"}),
        ],
    )
    def test_names_the_parameters(self, template: str, expected: set[str]) -> None:
        """Fields are named by the parameter they need; literal braces are not fields."""
        assert placeholders(template) == expected


class TestTranslate:
    @pytest.mark.parametrize(("locale", "expected"), [("da", "3 personer"), ("en", "3 people")])
    def test_fills_in_parameters(self, locale: str, expected: str) -> None:
        """The text in the locale with its placeholder filled."""
        assert translate("roster.headcount", locale, count=3) == expected  # type: ignore[arg-type]

    def test_extra_parameters_are_ignored(self) -> None:
        """A caller may pass more than a text needs (one dict for many texts)."""
        assert translate("roster.headcount", "en", count=2, unused="x") == "2 people"

    @pytest.mark.parametrize("key", ["no.such.key", "", ["roster.headcount"]])
    def test_unknown_key(self, key: object) -> None:
        """An unknown key raises UnknownIdError (a KeyError) naming it."""
        with pytest.raises(UnknownIdError) as caught:
            translate(key, "da")  # type: ignore[arg-type]
        assert (caught.value.kind, caught.value.id) == ("text", key)
        assert isinstance(caught.value, KeyError)

    def test_missing_parameter(self) -> None:
        """A placeholder without a parameter raises InvalidDataError naming what is missing."""
        with pytest.raises(InvalidDataError) as caught:
            translate("roster.headcount", "da", people=3)
        assert caught.value.problems == (
            Problem("params", ["people"], "text 'roster.headcount' needs count"),
        )

    @pytest.mark.parametrize("locale", ["de", "DA", "da_DK", "", None])
    def test_unknown_locale(self, locale: object) -> None:
        """Only 'da' and 'en' are spoken; others are refused naming ``locale``."""
        with pytest.raises(InvalidDataError) as caught:
            translate("roster.headcount", locale, count=1)  # type: ignore[arg-type]
        assert caught.value.problems == (Problem("locale", locale, "must be 'da' or 'en'"),)


class TestCheckLocale:
    @pytest.mark.parametrize("locale", ["da", "en"])
    def test_known_locales_pass(self, locale: str) -> None:
        """A known locale comes back as the canonical literal."""
        assert check_locale(locale) == locale

    @pytest.mark.parametrize("locale", ["DA", "en-GB", "", 1, None, ["da"]])
    def test_unknown_locales_name_the_field(self, locale: object) -> None:
        """Anything else is refused naming the field given."""
        with pytest.raises(InvalidDataError) as caught:
            check_locale(locale, field="language")
        assert caught.value.problems == (Problem("language", locale, "must be 'da' or 'en'"),)
