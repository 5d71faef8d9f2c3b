"""The Danish and English catalogues and :func:`translate`."""

from __future__ import annotations

import string

import pytest

from learnkit import _catalogue_da, _catalogue_en
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


class TestCatalogues:
    def test_locales(self) -> None:
        """learnkit speaks Danish first, then English."""
        assert LOCALES == ("da", "en")

    def test_both_catalogues_have_the_same_keys(self) -> None:
        """Every text exists in Danish and in English."""
        danish = set(_catalogue_da.CATALOGUE)
        english = set(_catalogue_en.CATALOGUE)
        assert sorted(danish - english) == [], "keys missing in English"
        assert sorted(english - danish) == [], "keys missing in Danish"

    def test_both_catalogues_have_the_same_placeholders(self) -> None:
        """Each text has the same fields in both languages, written the same way."""
        differing = {
            key: (sorted(fields(danish)), sorted(fields(_catalogue_en.CATALOGUE[key])))
            for key, danish in _catalogue_da.CATALOGUE.items()
            if key in _catalogue_en.CATALOGUE
            and fields(danish) != fields(_catalogue_en.CATALOGUE[key])
        }
        assert differing == {}

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

    def test_catalogue_matches_the_module(self) -> None:
        """``catalogue`` gives the texts of the locale's catalogue module."""
        assert dict(catalogue("da")) == _catalogue_da.CATALOGUE
        assert dict(catalogue("en")) == _catalogue_en.CATALOGUE

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
