"""The errors learnkit raises.

Every error derives from :class:`LearnkitError` and also from the built-in it
resembles, so ``except ValueError`` keeps working for callers who do not know
learnkit. Each keeps its data on attributes, so a bot can say what went wrong
in its own words instead of parsing the message.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "InfeasibleError",
    "InvalidDataError",
    "LearnkitError",
    "OutOfRangeError",
    "Problem",
    "TransitionError",
    "UnknownIdError",
]


class LearnkitError(Exception):
    """The root of every error learnkit raises on purpose."""


@attrs.frozen
class Problem:
    """One thing wrong with some data: where it is, what it was and why it is wrong.

    Attributes:
        path: Where the value sits, e.g. ``"manager"`` or ``"$.people[3].team"``.
        value: The offending value, exactly as it was given.
        message: Why the value is not accepted, in plain English.
    """

    path: str
    value: object
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message} (got {self.value!r})"


class InvalidDataError(LearnkitError, ValueError):
    """Data that cannot exist: the value is refused and every problem is listed.

    Attributes:
        problems: Every problem found, never empty.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        if not self.problems:
            raise ValueError("InvalidDataError needs at least one problem")
        super().__init__(self._render())

    def __reduce__(self) -> tuple[type[InvalidDataError], tuple[tuple[Problem, ...]]]:
        # The default rebuilds from the message, which would be parsed as problems.
        return (type(self), (self.problems,))

    @classmethod
    def single(cls, path: str, value: object, message: str) -> InvalidDataError:
        """Build the error for one problem."""
        return cls([Problem(path, value, message)])

    def prefixed(self, prefix: str) -> InvalidDataError:
        """The same error with ``prefix`` put in front of every path."""
        return InvalidDataError(
            Problem(_join_path(prefix, problem.path), problem.value, problem.message)
            for problem in self.problems
        )

    def _render(self) -> str:
        if len(self.problems) == 1:
            return f"invalid data: {self.problems[0]}"
        lines = "\n".join(f"  - {problem}" for problem in self.problems)
        return f"invalid data ({len(self.problems)} problems):\n{lines}"


def _join_path(prefix: str, path: str) -> str:
    if not prefix:
        return path
    if not path or path == "$":
        return prefix
    if path.startswith("["):
        return prefix + path
    return f"{prefix}.{path.removeprefix('$.')}"


class UnknownIdError(LearnkitError, KeyError):
    """An id was looked up that is not there.

    Attributes:
        kind: What was looked for, e.g. ``"person"`` or ``"team"``.
        id: The id that was not found.
    """

    def __init__(self, kind: str, id: str) -> None:
        self.kind = kind
        self.id = id
        super().__init__(kind, id)

    def __str__(self) -> str:
        return f"unknown {self.kind} id {self.id!r}"


class OutOfRangeError(LearnkitError, ValueError):
    """A question was asked about a date outside what the data covers.

    Attributes:
        what: What was asked about.
        value: The value outside the range.
        first: The first value covered.
        last: The last value covered.
    """

    def __init__(self, what: str, value: object, first: object, last: object) -> None:
        self.what = what
        self.value = value
        self.first = first
        self.last = last
        super().__init__(f"{what} {value!s} is outside the covered range {first!s} to {last!s}")

    def __reduce__(self) -> tuple[type[OutOfRangeError], tuple[str, object, object, object]]:
        # Pickling (e.g. across processes) must rebuild from the data, not the message.
        return (type(self), (self.what, self.value, self.first, self.last))


class TransitionError(LearnkitError, ValueError):
    """A change of state that is not allowed, with every rule it breaks.

    Attributes:
        subject: What was to change, e.g. ``"goal g-17"``.
        source: The state it is in.
        target: The state that was asked for.
        reasons: Every unmet rule, never empty.
    """

    def __init__(self, subject: str, source: str, target: str, reasons: Iterable[str]) -> None:
        self.subject = subject
        self.source = source
        self.target = target
        self.reasons: tuple[str, ...] = tuple(reasons)
        if not self.reasons:
            raise ValueError("TransitionError needs at least one reason")
        super().__init__(
            f"{subject} cannot move from {source!r} to {target!r}: " + "; ".join(self.reasons)
        )

    def __reduce__(self) -> tuple[type[TransitionError], tuple[str, str, str, tuple[str, ...]]]:
        # Pickling (e.g. across processes) must rebuild from the data, not the message.
        return (type(self), (self.subject, self.source, self.target, self.reasons))


class InfeasibleError(LearnkitError, ValueError):
    """A problem that has no solution under its hard rules.

    Attributes:
        reasons: Why no solution exists, never empty.
    """

    def __init__(self, reasons: Iterable[str]) -> None:
        self.reasons: tuple[str, ...] = tuple(reasons)
        if not self.reasons:
            raise ValueError("InfeasibleError needs at least one reason")
        super().__init__("no solution: " + "; ".join(self.reasons))

    def __reduce__(self) -> tuple[type[InfeasibleError], tuple[tuple[str, ...]]]:
        # Pickling (e.g. across processes) must rebuild from the data, not the message.
        return (type(self), (self.reasons,))
