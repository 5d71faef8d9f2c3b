"""The private validators: every refusal is an InvalidDataError naming the field and value."""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def build(validator: _validate.Validator) -> type[Any]:
    """A one-field attrs class whose field ``value`` is checked by ``validator``."""
    return attrs.make_class("Box", {"value": attrs.field(validator=validator)})


def refusal(validator: _validate.Validator, value: object) -> Problem:
    """The single problem ``validator`` reports for ``value``."""
    with pytest.raises(InvalidDataError) as caught:
        build(validator)(value)
    (problem,) = caught.value.problems
    return problem


class TestFail:
    def test_names_the_attribute_and_value(self) -> None:
        """``fail`` builds an error for the attribute's name with the value and message."""
        field = attrs.fields(build(_validate.text))[0]
        error = _validate.fail(field, 3, "bad")
        assert error.problems == (Problem("value", 3, "bad"),)


class TestInstanceOf:
    def test_accepts_instances(self) -> None:
        """An instance of the type passes."""
        assert build(_validate.instance_of(str))("x").value == "x"

    def test_names_the_type(self) -> None:
        """A wrong type is refused with the expected type's name."""
        assert refusal(_validate.instance_of(str), 3) == Problem("value", 3, "must be str")

    def test_names_every_type_of_a_tuple(self) -> None:
        """A tuple of types is named in full."""
        problem = refusal(_validate.instance_of((int, float)), "3")
        assert problem.message == "must be int or float"

    @pytest.mark.parametrize("kind", [int, (int, float), (float, int)])
    @pytest.mark.parametrize("value", [True, False])
    def test_bool_never_passes_for_int(self, kind: type | tuple[type, ...], value: bool) -> None:
        """``True`` is an int to Python, but not a number to learnkit."""
        assert refusal(_validate.instance_of(kind), value).value is value

    def test_bool_passes_when_bool_is_asked_for(self) -> None:
        """Asking for bool (alone or with int) accepts it."""
        assert build(_validate.instance_of(bool))(True).value is True
        assert build(_validate.instance_of((int, bool)))(False).value is False

    def test_ints_pass_for_int(self) -> None:
        """Plain ints pass for int and for (int, float)."""
        assert build(_validate.instance_of(int))(0).value == 0
        assert build(_validate.instance_of((int, float)))(2.5).value == 2.5


class TestOptional:
    def test_none_passes(self) -> None:
        """``None`` is accepted without asking the inner validator."""
        assert build(_validate.optional(_validate.text))(None).value is None

    def test_other_values_go_to_the_inner_validator(self) -> None:
        """Anything else must pass the inner validator."""
        assert build(_validate.optional(_validate.text))("ok").value == "ok"
        assert refusal(_validate.optional(_validate.text), "").message == "must not be empty"


class TestText:
    @pytest.mark.parametrize("value", ["x", "Søren Ærø", "line one\nline two", "a\tb"])
    def test_accepts_visible_text(self, value: str) -> None:
        """Non-empty text, Danish letters, newlines and tabs pass."""
        assert build(_validate.text)(value).value == value

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            (3, "must be a string"),
            (b"bytes", "must be a string"),
            (None, "must be a string"),
            ("", "must not be empty"),
            ("   \n", "must not be empty"),
            ("bell\x07", "must not contain control characters"),
            ("nul\x00", "must not contain control characters"),
        ],
    )
    def test_refuses(self, value: object, message: str) -> None:
        """Non-strings, blank strings and control characters are refused by name."""
        assert refusal(_validate.text, value) == Problem("value", value, message)


class TestIdentifier:
    @pytest.mark.parametrize("value", ["p1", "anne@example.dk", "1234", "Ærø-7", "a b"])
    def test_accepts_printable_ids(self, value: str) -> None:
        """HR numbers, e-mail addresses, initials and inner spaces are ids."""
        assert build(_validate.identifier)(value).value == value

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            (7, "must be a string id"),
            (None, "must be a string id"),
            ("", "must be non-empty without surrounding spaces"),
            (" p1", "must be non-empty without surrounding spaces"),
            ("p1 ", "must be non-empty without surrounding spaces"),
            ("p\n1", "must not contain control characters"),
            ("p\u200b1", "must not contain control characters"),
        ],
    )
    def test_refuses(self, value: object, message: str) -> None:
        """Non-strings, empty ids, surrounding spaces and control characters are refused."""
        assert refusal(_validate.identifier, value) == Problem("value", value, message)

    @given(st.text(min_size=1, max_size=6))
    def test_agrees_with_the_definition(self, value: str) -> None:
        """An id is refused exactly when it is blank-edged or has a character of a C category."""
        unicode_ok = not any(unicodedata.category(ch).startswith("C") for ch in value)
        expected = value == value.strip() and unicode_ok
        try:
            build(_validate.identifier)(value)
        except InvalidDataError:
            accepted = False
        else:
            accepted = True
        assert accepted is expected


class TestIntBetween:
    @pytest.mark.parametrize("value", [1, 3, 5])
    def test_accepts_the_closed_range(self, value: int) -> None:
        """Both ends are included."""
        assert build(_validate.int_between(1, 5))(value).value == value

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            (0, "must be between 1 and 5"),
            (6, "must be between 1 and 5"),
            (True, "must be a whole number"),
            (3.0, "must be a whole number"),
            ("3", "must be a whole number"),
        ],
    )
    def test_refuses(self, value: object, message: str) -> None:
        """Out of range, bools, floats and strings are refused."""
        assert refusal(_validate.int_between(1, 5), value) == Problem("value", value, message)


class TestNumberBetween:
    @pytest.mark.parametrize("value", [0, 0.5, 1, 1.0])
    def test_accepts_ints_and_floats_in_range(self, value: float) -> None:
        """Ints and floats inside the closed range pass."""
        assert build(_validate.number_between(0, 1))(value).value == value

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            (math.nan, "must be between 0 and 1"),
            (math.inf, "must be between 0 and 1"),
            (-0.01, "must be between 0 and 1"),
            (True, "must be a number"),
            ("0.5", "must be a number"),
            (None, "must be a number"),
        ],
    )
    def test_refuses(self, value: object, message: str) -> None:
        """NaN, infinities outside the range, bools and strings are refused."""
        problem = refusal(_validate.number_between(0, 1), value)
        assert (problem.path, problem.message) == ("value", message)
        assert problem.value is value

    @given(st.floats(allow_nan=False) | st.integers())
    def test_agrees_with_the_comparison(self, value: float) -> None:
        """A number passes exactly when ``low <= value <= high``."""
        box = build(_validate.number_between(-10, 10))
        if -10 <= value <= 10:
            assert box(value).value == value
        else:
            with pytest.raises(InvalidDataError):
                box(value)


class TestOneOf:
    def test_accepts_allowed_values(self) -> None:
        """A listed value passes."""
        assert build(_validate.one_of({"da", "en"}))("en").value == "en"

    def test_lists_the_choices_sorted(self) -> None:
        """The message lists every choice in a stable order."""
        problem = refusal(_validate.one_of({"en", "da"}), "de")
        assert problem == Problem("value", "de", "must be one of 'da', 'en'")


class TestMatches:
    def test_accepts_a_full_match(self) -> None:
        """The whole string must match."""
        assert build(_validate.matches(r"[a-z]{2}", "a code"))("da").value == "da"

    @pytest.mark.parametrize("value", ["dan", "DA", 12, None])
    def test_refuses_partial_matches_and_non_strings(self, value: object) -> None:
        """A prefix match or a non-string is refused with the description."""
        problem = refusal(_validate.matches(r"[a-z]{2}", "a two-letter code"), value)
        assert problem == Problem("value", value, "must be a two-letter code")


class TestDates:
    def test_date_accepts_dates(self) -> None:
        """A calendar date passes."""
        assert build(_validate.date)(dt.date(2026, 1, 1)).value == dt.date(2026, 1, 1)

    @pytest.mark.parametrize("value", [dt.datetime(2026, 1, 1), "2026-01-01", None])
    def test_date_refuses_datetimes_and_text(self, value: object) -> None:
        """A datetime would hide a time of day; text is not a date."""
        assert refusal(_validate.date, value).message == "must be a date (not a datetime)"

    def test_aware_datetime_accepts_aware(self) -> None:
        """A datetime with a zone passes."""
        value = dt.datetime(2026, 1, 1, 9, tzinfo=COPENHAGEN)
        assert build(_validate.aware_datetime)(value).value == value

    @pytest.mark.parametrize(
        "value",
        [
            dt.datetime(1, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=1))),
            dt.datetime(9999, 12, 31, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
        ],
    )
    def test_aware_datetime_refuses_instants_beyond_the_calendar(self, value: dt.datetime) -> None:
        """A local time whose UTC instant falls outside years 1 to 9999 is refused, not crashed."""
        problem = refusal(_validate.aware_datetime, value)
        assert problem.message.startswith("lies too near the ends of the calendar")

    def test_aware_datetime_refuses_naive(self) -> None:
        """A naive datetime is ambiguous and refused."""
        problem = refusal(_validate.aware_datetime, dt.datetime(2026, 1, 1, 9))
        assert "timezone-aware" in problem.message

    def test_aware_datetime_refuses_a_tzinfo_without_offset(self) -> None:
        """A tzinfo that gives no offset is as good as none."""

        class NoOffset(dt.tzinfo):
            def utcoffset(self, _: dt.datetime | None) -> None:
                return None

            def dst(self, _: dt.datetime | None) -> None:
                return None

            def tzname(self, _: dt.datetime | None) -> None:
                return None

        problem = refusal(_validate.aware_datetime, dt.datetime(2026, 1, 1, tzinfo=NoOffset()))
        assert "timezone-aware" in problem.message

    @pytest.mark.parametrize("value", [dt.date(2026, 1, 1), "2026-01-01T09:00+01:00"])
    def test_aware_datetime_refuses_non_datetimes(self, value: object) -> None:
        """A date or a string is not a datetime."""
        assert refusal(_validate.aware_datetime, value).message == "must be a datetime"

    def test_require_date(self) -> None:
        """``require_date`` names the field given and refuses datetimes."""
        _validate.require_date(dt.date(2026, 1, 1), "as_of")
        with pytest.raises(InvalidDataError) as caught:
            _validate.require_date(dt.datetime(2026, 1, 1), "as_of")
        assert caught.value.problems[0].path == "as_of"


class TestCount:
    @pytest.mark.parametrize("value", [0, 1, 10**12])
    def test_accepts_whole_numbers(self, value: int) -> None:
        """Zero and positive ints pass, however large."""
        assert build(_validate.count)(value).value == value

    @pytest.mark.parametrize("value", [-1, True, False, 1.0, "3", None])
    def test_refuses(self, value: object) -> None:
        """Negatives, bools, floats and strings are refused by field."""
        assert refusal(_validate.count, value) == Problem(
            "value", value, "must be a whole number >= 0"
        )


class TestRequireCount:
    @pytest.mark.parametrize("value", [0, 1, 90])
    def test_accepts_whole_numbers(self, value: int) -> None:
        """Zero and positive ints pass."""
        assert _validate.require_count(value, "within_days") is None  # type: ignore[func-returns-value]

    @pytest.mark.parametrize("value", [-1, True, 1.0, "3", None])
    def test_refuses(self, value: object) -> None:
        """Negatives, bools, floats and strings are refused naming the field."""
        with pytest.raises(InvalidDataError) as caught:
            _validate.require_count(value, "within_days")
        assert caught.value.problems == (
            Problem("within_days", value, "must be a whole number >= 0"),
        )


class TestEach:
    def test_accepts_a_container_of_good_items(self) -> None:
        """Every item passing means the container passes."""
        assert build(_validate.each(_validate.text))(("a", "b")).value == ("a", "b")

    def test_refuses_another_container_type(self) -> None:
        """A list where a tuple is expected is refused by name."""
        assert refusal(_validate.each(_validate.text), ["a"]).message == "must be a tuple"

    def test_lists_every_bad_item_with_its_index(self) -> None:
        """All bad items are reported at once, each with its index in the path."""
        with pytest.raises(InvalidDataError) as caught:
            build(_validate.each(_validate.text))(("ok", "", 3))
        assert caught.value.problems == (
            Problem("value[1]", "", "must not be empty"),
            Problem("value[2]", 3, "must be a string"),
        )

    def test_frozenset_items_are_labelled_by_repr_in_a_stable_order(self) -> None:
        """Sets have no index, so the item's repr labels it, sorted for a stable message."""
        validator = _validate.each(_validate.matches("[a-z]+", "lower-case"), container=frozenset)
        with pytest.raises(InvalidDataError) as caught:
            build(validator)(frozenset({"ok", "ZZ", "AA"}))
        assert [p.path for p in caught.value.problems] == ["value['AA']", "value['ZZ']"]


class TestCanonicalTuple:
    def test_sorts_an_iterable(self) -> None:
        """Any iterable becomes a sorted tuple."""
        assert _validate.canonical_tuple(iter([3, 1, 2])) == (1, 2, 3)

    def test_sorts_by_key(self) -> None:
        """A key decides the order."""
        assert _validate.canonical_tuple(["bb", "a", "ccc"], key=len) == ("a", "bb", "ccc")

    @pytest.mark.parametrize("value", ["abc", b"abc", 3, None])
    def test_passes_strings_and_non_iterables_through(self, value: object) -> None:
        """A string is one value, not a collection of letters; non-iterables pass unchanged."""
        assert _validate.canonical_tuple(value) is value

    def test_keeps_the_order_of_unsortable_items(self) -> None:
        """Items that cannot be compared come back as a tuple for the validator to judge."""
        assert _validate.canonical_tuple([2, "a", None]) == (2, "a", None)

    def test_a_key_that_fails_keeps_the_order(self) -> None:
        """A key that does not apply (an item without ``.id``) leaves the order alone."""
        assert _validate.canonical_tuple([3, 1], key=lambda item: item.id) == (3, 1)

    @given(st.lists(st.integers()))
    def test_is_order_independent(self, items: list[int]) -> None:
        """Any permutation gives the same tuple."""
        assert _validate.canonical_tuple(items) == _validate.canonical_tuple(reversed(items))
