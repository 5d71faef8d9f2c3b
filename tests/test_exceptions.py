"""learnkit's errors: built-in bases, data on attributes, rendering, pickling."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from learnkit.exceptions import (
    InfeasibleError,
    InvalidDataError,
    LearnkitError,
    OutOfRangeError,
    Problem,
    TransitionError,
    UnknownIdError,
)


def _examples() -> list[LearnkitError]:
    return [
        InvalidDataError.single("level", 6, "must be between 1 and 5"),
        UnknownIdError("person", "p-404"),
        OutOfRangeError("day", "2101-01-01", "2000-01-01", "2100-12-31"),
        TransitionError("goal g-17", "draft", "done", ["it has no deadline"]),
        InfeasibleError(["mentor m-1 has no capacity left"]),
    ]


class TestHierarchy:
    @pytest.mark.parametrize(
        ("cls", "builtin"),
        [
            (InvalidDataError, ValueError),
            (UnknownIdError, KeyError),
            (OutOfRangeError, ValueError),
            (TransitionError, ValueError),
            (InfeasibleError, ValueError),
        ],
    )
    def test_each_error_is_a_learnkit_error_and_its_builtin(
        self, cls: type[Exception], builtin: type[Exception]
    ) -> None:
        """Every error derives from LearnkitError and from the built-in it resembles."""
        assert issubclass(cls, LearnkitError)
        assert issubclass(cls, builtin)

    def test_learnkit_error_is_an_exception(self) -> None:
        """The root is a plain Exception, so ``except Exception`` catches everything."""
        assert issubclass(LearnkitError, Exception)
        assert not issubclass(LearnkitError, ValueError)

    def test_unknown_id_is_caught_by_except_key_error(self) -> None:
        """Callers who only know dicts can catch a lookup failure as a KeyError."""
        with pytest.raises(KeyError):
            raise UnknownIdError("team", "t-9")


class TestProblem:
    def test_str_names_path_message_and_value(self) -> None:
        """A problem renders as ``path: message (got value)`` with the value's repr."""
        assert str(Problem("languages", "da", "must be a collection")) == (
            "languages: must be a collection (got 'da')"
        )

    def test_problem_is_frozen_and_comparable(self) -> None:
        """Problems are values: equal when their parts are, and immutable."""
        assert Problem("a", 1, "m") == Problem("a", 1, "m")
        assert Problem("a", 1, "m") != Problem("a", 2, "m")
        problem = Problem("a", 1, "m")
        with pytest.raises(AttributeError):
            problem.path = "b"  # type: ignore[misc]


class TestInvalidDataError:
    def test_single_keeps_the_problem_on_attributes(self) -> None:
        """``single`` builds an error whose only problem holds path, value and message."""
        error = InvalidDataError.single("level", 0, "must be between 1 and 5")
        assert error.problems == (Problem("level", 0, "must be between 1 and 5"),)

    def test_one_problem_renders_on_one_line(self) -> None:
        """One problem gives a one-line message naming the field and the value."""
        error = InvalidDataError.single("level", 0, "must be between 1 and 5")
        assert str(error) == "invalid data: level: must be between 1 and 5 (got 0)"

    def test_many_problems_render_as_a_list(self) -> None:
        """Several problems give a count and one indented line per problem, in order."""
        error = InvalidDataError([Problem("a", 1, "bad"), Problem("b", None, "missing")])
        assert str(error) == (
            "invalid data (2 problems):\n  - a: bad (got 1)\n  - b: missing (got None)"
        )

    def test_accepts_any_iterable_of_problems(self) -> None:
        """A generator of problems is kept as a tuple."""
        error = InvalidDataError(Problem(str(i), i, "bad") for i in range(3))
        assert [p.value for p in error.problems] == [0, 1, 2]

    def test_refuses_an_empty_problem_list(self) -> None:
        """An error with nothing wrong is a programming mistake, refused at once."""
        with pytest.raises(ValueError, match="at least one problem"):
            InvalidDataError([])

    @pytest.mark.parametrize(
        ("prefix", "path", "expected"),
        [
            ("$.data", "people[id=p1].team", "$.data.people[id=p1].team"),
            ("$.data", "$.level", "$.data.level"),
            ("$.data.skills", "[2]", "$.data.skills[2]"),
            ("$.data", "$", "$.data"),
            ("$.data", "", "$.data"),
            ("", "level", "level"),
        ],
    )
    def test_prefixed_joins_paths(self, prefix: str, path: str, expected: str) -> None:
        """``prefixed`` puts the prefix in front of every path with the right separator."""
        error = InvalidDataError.single(path, 1, "bad").prefixed(prefix)
        assert error.problems == (Problem(expected, 1, "bad"),)

    def test_prefixed_keeps_every_problem_and_leaves_the_original(self) -> None:
        """Prefixing returns a new error with all problems; the original is unchanged."""
        original = InvalidDataError([Problem("a", 1, "x"), Problem("b", 2, "y")])
        prefixed = original.prefixed("$.data")
        assert [p.path for p in prefixed.problems] == ["$.data.a", "$.data.b"]
        assert [p.path for p in original.problems] == ["a", "b"]
        assert "$.data.a" in str(prefixed)


class TestUnknownIdError:
    def test_keeps_kind_and_id(self) -> None:
        """The kind of thing and the id looked for are attributes."""
        error = UnknownIdError("person", "p-404")
        assert (error.kind, error.id) == ("person", "p-404")

    def test_str_is_readable_not_a_key_error_repr(self) -> None:
        """KeyError's str would be a tuple repr; ours is a sentence."""
        assert str(UnknownIdError("person", "p-404")) == "unknown person id 'p-404'"


class TestOutOfRangeError:
    def test_keeps_data_and_names_the_range(self) -> None:
        """What, value and both ends are attributes and appear in the message."""
        error = OutOfRangeError("day", "2101-01-01", "2000-01-01", "2100-12-31")
        assert (error.what, error.value, error.first, error.last) == (
            "day",
            "2101-01-01",
            "2000-01-01",
            "2100-12-31",
        )
        assert str(error) == "day 2101-01-01 is outside the covered range 2000-01-01 to 2100-12-31"


class TestTransitionError:
    def test_keeps_data_and_lists_every_reason(self) -> None:
        """Subject, states and every reason are attributes; the message lists them all."""
        error = TransitionError("goal g-17", "draft", "done", iter(["no deadline", "no owner"]))
        assert (error.subject, error.source, error.target) == ("goal g-17", "draft", "done")
        assert error.reasons == ("no deadline", "no owner")
        assert str(error) == "goal g-17 cannot move from 'draft' to 'done': no deadline; no owner"

    def test_refuses_an_empty_reason_list(self) -> None:
        """A refusal without a reason is a programming mistake."""
        with pytest.raises(ValueError, match="at least one reason"):
            TransitionError("goal g-17", "draft", "done", [])


class TestInfeasibleError:
    def test_keeps_and_lists_every_reason(self) -> None:
        """Reasons are a tuple attribute and appear in the message."""
        error = InfeasibleError(["a", "b"])
        assert error.reasons == ("a", "b")
        assert str(error) == "no solution: a; b"

    def test_refuses_an_empty_reason_list(self) -> None:
        """An infeasible problem must say why."""
        with pytest.raises(ValueError, match="at least one reason"):
            InfeasibleError([])


class TestPickling:
    @pytest.mark.parametrize("error", _examples(), ids=lambda e: type(e).__name__)
    def test_errors_survive_pickling(self, error: LearnkitError) -> None:
        """An error crossing a process boundary keeps its type, data and message."""
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error)
        assert str(copy) == str(error)
        assert vars(copy) == vars(error)

    @given(
        st.lists(
            st.builds(Problem, st.text(), st.integers() | st.text() | st.none(), st.text()),
            min_size=1,
            max_size=5,
        )
    )
    def test_invalid_data_error_pickles_any_problems(self, problems: list[Problem]) -> None:
        """Whatever the problems, pickling gives back the same problems and message."""
        error = InvalidDataError(problems)
        copy = pickle.loads(pickle.dumps(error))
        assert copy.problems == error.problems
        assert str(copy) == str(error)
