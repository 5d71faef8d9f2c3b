"""learnkit values as JSON documents, and back: exactly, strictly and with every error at once.

A document is an envelope around one value::

    {"schema": 1, "type": "Roster", "data": {...}}

* :func:`to_dict` / :func:`to_json` write it; the output is deterministic (fields in
  the order the class declares them, sets as sorted arrays, every field written
  even when it has its default) and :func:`to_json` keeps Danish letters readable.
* :func:`from_dict` / :func:`from_json` read it back, and
  ``from_json(to_json(x), type(x)) == x`` for every public type.
* Reading is strict, because documents come from outside: unknown keys are
  refused at every level, a string field takes only a string (``5`` is not
  ``"5"``), a whole number only a whole number (not ``true``, not ``1.0``), a date
  only ``"YYYY-MM-DD"``. Whatever is wrong, the only error is
  :class:`~learnkit.exceptions.InvalidDataError`, listing every problem with its
  JSON path (``$.data.people[2].start_date``) and the reason, the classes' own
  validation messages included.
* Time zones are kept by their IANA key (``"Europe/Copenhagen"``), never as a
  fixed offset, and an aware datetime is written as RFC 9557 text with its zone
  (``"2026-03-27T14:00:00+01:00[Europe/Copenhagen]"``).
* ``schema`` is the version of the document format. A document written by an
  older learnkit is brought up to date by :func:`migrate`; one written by a newer
  learnkit is refused with a clear problem.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
import re
from collections.abc import Callable, Mapping
from types import GenericAlias, MappingProxyType
from typing import Any, Final, TypeAlias, TypeVar, get_args, get_origin
from zoneinfo import ZoneInfo

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory, list_structure_factory
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError
from cattrs.gen import make_dict_structure_fn
from cattrs.preconf.json import configure_converter

from learnkit import _errors
from learnkit.culture import CultureReport, Indicator, Target
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.goals import (
    Activity,
    ActivityMix,
    DevelopmentReview,
    DevelopmentReviewFinding,
    FollowUp,
    GoalCarryOver,
    GoalHealth,
    GoalHealthReport,
    LearningGoal,
    PreparationAnswer,
    ProgressNote,
    SmartFinding,
    TeamGoalHealth,
)
from learnkit.incidents import (
    ActionItem,
    Approval,
    Blocker,
    ContributingFactor,
    Impact,
    Incident,
    IncidentLink,
    IncidentReview,
    LanguageOverride,
    Learning,
    Milestones,
    Participant,
    SeverityLevel,
    SeverityScale,
    TimelineEvent,
)
from learnkit.incidents._followups import (
    ActionItemDue,
    FollowUpPolicy,
    FollowUps,
    Reminder,
    ReviewDue,
)
from learnkit.incidents._language import LanguageFinding, LanguagePolicy
from learnkit.incidents._learnings import LearningHit
from learnkit.incidents._metrics import DurationSummary, NearMissShare
from learnkit.incidents._metrics_reviews import (
    ActionItemRef,
    ActionItemStats,
    ReviewCoverage,
)
from learnkit.incidents._published import PublishedAction, PublishedReview
from learnkit.incidents._repeats import (
    IncidentRepeat,
    RepeatReport,
)
from learnkit.incidents._review_file import FieldAnchor, ReviewFile
from learnkit.leadership import (
    BalanceReport,
    DevelopmentBand,
    PersonBalance,
    Recognition,
    RecognitionCount,
    RecognitionMix,
    TimeAllocation,
    WeekBalance,
)
from learnkit.mentoring._check import Violation
from learnkit.mentoring._lifecycle import CheckIn, CheckInCadence, DueCheckIn, Mentorship
from learnkit.mentoring._match import Certificate, Match, MatchResult, Suggestion, Unmatched
from learnkit.mentoring._model import Cohort, MenteeRequest, MentorOffer, Pair, Pairing, Want
from learnkit.mentoring._rules import (
    BUILTIN_RULES,
    Reason,
    ReasonParams,
    Rules,
    Score,
    Verdict,
)
from learnkit.mentoring._scoring import PairExplanation, ScorePart
from learnkit.nudges import Nudge
from learnkit.people import Person, Roster, Skill, Team, Tenure
from learnkit.reflection import (
    ActionPoint,
    CompletedTask,
    DueReflection,
    Prompt,
    PromptChoice,
    PromptDeck,
    PromptDecks,
    Reflection,
    Retrospective,
    TaskRef,
    TeamMeeting,
    Theme,
    ThemeVote,
)
from learnkit.safety import (
    PulseResults,
    SafetyGroup,
    SafetyResponse,
    SafetySurvey,
    TeamScore,
    TrendPoint,
    Withheld,
)
from learnkit.sharing import (
    Absence,
    Assignment,
    BuddyRound,
    Expansion,
    Plan,
    PlanRequest,
    PresenterChoice,
    Session,
    SessionFormat,
    SessionSeries,
    SkippedSession,
    Topic,
    Turn,
)
from learnkit.time import Calendar, Holiday, Period, format_datetime, parse_datetime, zone
from learnkit.workspace import Workspace

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Migration",
    "from_dict",
    "from_json",
    "migrate",
    "to_dict",
    "to_json",
]

T = TypeVar("T")

SCHEMA_VERSION: Final[int] = 1
"""The document format this learnkit writes. Schema 1 is the first."""

Migration: TypeAlias = Callable[[dict[str, Any]], dict[str, Any]]
"""A pure function from a document at schema ``n`` to the same document at ``n + 1``."""

MIGRATIONS: Final[Mapping[int, Migration]] = MappingProxyType({})
"""The shipped migrations, keyed by the schema version each one migrates *from*.

Empty while schema 1 is the only format there has been.
"""

_SERIALIZABLE: Final[tuple[type, ...]] = (
    Calendar,
    Holiday,
    Period,
    Person,
    Roster,
    Skill,
    Team,
    Tenure,
    # learnkit.mentoring: the problem, the rules (each built-in on its own, too)
    # and the explanation of a pair.
    Cohort,
    MenteeRequest,
    MentorOffer,
    Pair,
    Pairing,
    Want,
    Reason,
    Verdict,
    Score,
    Rules,
    *BUILTIN_RULES.values(),
    ScorePart,
    PairExplanation,
    # learnkit.mentoring: the lifecycle of a mentorship and its check-ins.
    Mentorship,
    CheckInCadence,
    CheckIn,
    DueCheckIn,
    # learnkit.mentoring: results, suggestions and what check_matching finds.
    MatchResult,
    Match,
    Unmatched,
    Certificate,
    Suggestion,
    Violation,
    # learnkit.reflection: reflections
    TaskRef,
    Reflection,
    CompletedTask,
    DueReflection,
    # learnkit.reflection: prompts and retrospectives
    Prompt,
    PromptDeck,
    PromptDecks,
    PromptChoice,
    Theme,
    ThemeVote,
    ActionPoint,
    Retrospective,
    # learnkit.incidents: model, reviews, lifecycle
    SeverityLevel,
    SeverityScale,
    Milestones,
    Impact,
    TimelineEvent,
    Participant,
    IncidentLink,
    Incident,
    ContributingFactor,
    Learning,
    ActionItem,
    Approval,
    LanguageOverride,
    IncidentReview,
    Blocker,
    # learnkit.incidents: language check
    LanguagePolicy,
    LanguageFinding,
    # learnkit.incidents: metrics, follow-ups, published view
    DurationSummary,
    NearMissShare,
    ReviewCoverage,
    ActionItemRef,
    ActionItemStats,
    IncidentRepeat,
    RepeatReport,
    FollowUpPolicy,
    ReviewDue,
    ActionItemDue,
    Reminder,
    FollowUps,
    PublishedAction,
    PublishedReview,
    LearningHit,
    # learnkit.incidents: reviews kept as files
    FieldAnchor,
    ReviewFile,
    # learnkit.goals
    Activity,
    ActivityMix,
    ProgressNote,
    LearningGoal,
    PreparationAnswer,
    DevelopmentReview,
    DevelopmentReviewFinding,
    SmartFinding,
    GoalCarryOver,
    FollowUp,
    GoalHealth,
    TeamGoalHealth,
    GoalHealthReport,
    # learnkit.leadership
    # learnkit.sharing
    SessionFormat,
    SessionSeries,
    Session,
    SkippedSession,
    Expansion,
    Topic,
    Absence,
    Turn,
    PresenterChoice,
    Assignment,
    Plan,
    BuddyRound,
    PlanRequest,
    Recognition,
    RecognitionCount,
    RecognitionMix,
    TimeAllocation,
    DevelopmentBand,
    WeekBalance,
    PersonBalance,
    BalanceReport,
    # learnkit.reflection: team meetings (for nudges)
    TeamMeeting,
    # learnkit.safety
    SafetySurvey,
    SafetyResponse,
    # learnkit.safety: results (helper: safety)
    SafetyGroup,
    TeamScore,
    Withheld,
    PulseResults,
    TrendPoint,
    # learnkit.culture (helper: culture)
    Target,
    Indicator,
    CultureReport,
    # learnkit.nudges (helper: nudges)
    Nudge,
    # learnkit.workspace
    Workspace,
)
# A later part makes its types serializable by adding them to the tuple above.
_TYPES: Final[Mapping[str, type]] = MappingProxyType({cls.__name__: cls for cls in _SERIALIZABLE})

_ENVELOPE_KEYS: Final = ("schema", "type", "data")

MAX_DEPTH: Final[int] = 100
"""How deeply arrays and objects may nest in a document; far more than any learnkit type needs.

Deeper input is refused up front, so hostile input cannot exhaust the stack.
"""

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


# --- strict scalar hooks ---------------------------------------------------------
# cattrs' own hooks coerce (str(5) == "5", int("7") == 7, bool(1) is True); a
# document that says 5 where a name belongs is wrong, and saying so is kinder
# than storing "5".


def _structure_str(value: object, _: object) -> str:
    if isinstance(value, str):
        return value
    raise _errors.expected("a string", value)


def _structure_int(value: object, _: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise _errors.expected("a whole number", value)


def _structure_float(value: object, _: object) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        if math.isfinite(value):
            return float(value)
        raise InvalidDataError.single("", value, "must be a finite number")
    raise _errors.expected("a number", value)


def _structure_bool(value: object, _: object) -> bool:
    if isinstance(value, bool):
        return value
    raise _errors.expected("true or false", value)


def _structure_date(value: object, _: object) -> dt.date:
    if not isinstance(value, str):
        raise _errors.expected("a date string such as '2026-03-27'", value)
    if _ISO_DATE.fullmatch(value) is None:
        raise InvalidDataError.single("", value, "must be a date written YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidDataError.single("", value, "is not a day in the calendar") from None


_LOCAL_TIME = re.compile(r"[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?")


def _structure_time(value: object, _: object) -> dt.time:
    if not isinstance(value, str):
        raise _errors.expected("a local time string such as '14:00'", value)
    if _LOCAL_TIME.fullmatch(value) is None:
        raise InvalidDataError.single("", value, "must be a local time written HH:MM[:SS]")
    try:
        return dt.time.fromisoformat(value)
    except ValueError:
        raise InvalidDataError.single("", value, "is not a time of day") from None


def _unstructure_time(value: dt.time) -> str:
    return value.isoformat()


def _structure_datetime(value: object, _: object) -> dt.datetime:
    if not isinstance(value, str):
        raise _errors.expected(
            "a datetime string such as '2026-03-27T14:00:00+01:00[Europe/Copenhagen]'", value
        )
    return parse_datetime(value, field="")


def _unstructure_datetime(value: dt.datetime) -> str:
    return format_datetime(value)


def _structure_zone(value: object, _: object) -> ZoneInfo:
    if not isinstance(value, str):
        raise _errors.expected("an IANA zone name such as 'Europe/Copenhagen'", value)
    return zone(value, field="")


def _unstructure_zone(value: ZoneInfo) -> str:
    # zone() refuses key-less zones on the way in, so every stored zone has a key.
    return zone(value).key


# --- collections: only JSON arrays -------------------------------------------------


def _is_homogeneous_tuple(kind: Any) -> bool:
    args = get_args(kind)
    return get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_fixed_tuple(kind: Any) -> bool:
    args = get_args(kind)
    return get_origin(kind) is tuple and bool(args) and args[-1] is not Ellipsis


def _fixed_tuple_unstructure_factory(kind: Any, converter: cattrs.Converter) -> Any:
    # A pair such as ("self", 1) is a JSON array, not a Python tuple, so to_dict
    # gives exactly what json.loads(to_json(...)) gives.
    hooks = [converter.get_unstructure_hook(arg) for arg in get_args(kind)]

    def unstructure(value: tuple[Any, ...]) -> list[Any]:
        return [hook(item) for hook, item in zip(hooks, value, strict=True)]

    return unstructure


def _is_frozenset(kind: Any) -> bool:
    return get_origin(kind) is frozenset


def _require_array(value: object) -> list[Any]:
    # A string or an object is iterable too; cattrs would read "da" as ["d", "a"].
    if isinstance(value, list):
        return value
    raise _errors.expected("an array", value)


def _tuple_structure_factory(kind: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    items = homogenous_tuple_structure_factory(kind, converter)

    def structure(value: object, _: object) -> Any:
        return items(_require_array(value), kind)

    return structure


def _frozenset_structure_factory(
    kind: Any, converter: cattrs.Converter
) -> Callable[[Any, Any], Any]:
    # Read as a list first, so a bad item's path is its index in the array.
    as_list: Any = GenericAlias(list, get_args(kind))
    items = list_structure_factory(as_list, converter)

    def structure(value: object, _: object) -> Any:
        return frozenset(items(_require_array(value), as_list))

    return structure


def _frozenset_unstructure_factory(
    kind: Any, converter: cattrs.Converter
) -> Callable[[Any], list[Any]]:
    (item_kind,) = get_args(kind)

    def unstructure(value: frozenset[Any]) -> list[Any]:
        items = [converter.unstructure(item, item_kind) for item in value]
        try:
            return sorted(items)
        except TypeError:
            # Items that do not order among themselves (objects) sort by their JSON text.
            return sorted(items, key=lambda item: json.dumps(item, sort_keys=True))

    return unstructure


# --- learnkit's classes --------------------------------------------------------------


def _is_serializable(kind: Any) -> bool:
    return isinstance(kind, type) and _TYPES.get(kind.__name__) is kind


def _class_structure_factory(cls: type, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    attrs.resolve_types(cls)
    generated: Callable[[Any, Any], Any] = make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=True
    )
    fields = [field for field in attrs.fields(cls) if field.init]

    def structure(value: object, _: object) -> Any:
        if not isinstance(value, dict):
            raise _errors.expected(f"an object (a {cls.__name__})", value)
        try:
            return generated(value, cls)
        except ClassValidationError as error:
            raise InvalidDataError(_class_problems(error, value, fields, converter)) from None

    return structure


def _class_problems(
    error: ClassValidationError,
    value: dict[Any, Any],
    fields: list[attrs.Attribute[Any]],
    converter: cattrs.Converter,
) -> list[Problem]:
    with_notes, without = error.group_exceptions()
    found = _errors.problems(error, "", value)
    if not with_notes and len(without) == 1 and not isinstance(without[0], ForbiddenExtraKeysError):
        # Every field was read but the constructor refused. attrs stops at the first
        # validator that fails, so ask every field's validator, to hear them all;
        # when they all agree, the refusal came from a rule about the whole object.
        return _field_problems(value, fields, converter) or found
    # Some fields could not be read; the validators of the others still have a say.
    failed = {note.name for _, note in with_notes}
    readable = [field for field in fields if field.name not in failed]
    found += _field_problems(value, readable, converter)
    order = {field.name: index for index, field in enumerate(fields)}
    return sorted(found, key=lambda problem: order.get(_first_key(problem.path), len(order)))


def _first_key(path: str) -> str:
    return re.split(r"[.\[]", path, maxsplit=1)[0]


def _field_problems(
    value: dict[Any, Any], fields: list[attrs.Attribute[Any]], converter: cattrs.Converter
) -> list[Problem]:
    found: list[Problem] = []
    for field in fields:
        if field.name not in value:
            continue  # the default applies, and defaults are valid
        try:
            kind: Any = field.type  # resolved by attrs.resolve_types in the factory
            item = converter.structure(value[field.name], kind)
            convert: Any = field.converter
            if convert is not None and not isinstance(convert, attrs.Converter):
                item = convert(item)
            if field.validator is not None:
                field.validator(None, field, item)
        except InvalidDataError as refused:
            found.extend(refused.problems)
        except (TypeError, ValueError) as refused:
            found.append(Problem(field.name, value[field.name], str(refused)))
    return found


# --- mentoring: reason parameters, verdict lists and rules as a tagged union ---------------

_VERDICTS: Final = tuple[tuple[str, Verdict], ...]


def _unstructure_params(value: ReasonParams) -> dict[str, Any]:
    # An object reads better than pairs: {"mentor": "Anne", "years": 3}.
    return dict(value)


def _structure_params(value: object, _: object) -> ReasonParams:
    if not isinstance(value, dict):
        raise _errors.expected("an object of names and values", value)
    problems = []
    for name, item in value.items():
        if isinstance(item, bool) or not isinstance(item, str | int | float):
            problems.append(
                Problem(_errors.key_path("", name), item, "must be a string or a number")
            )
        elif isinstance(item, float) and not math.isfinite(item):
            problems.append(Problem(_errors.key_path("", name), item, "must be a finite number"))
    if problems:
        raise InvalidDataError(problems)
    return tuple(value.items())


def _unstructure_verdicts(value: tuple[tuple[str, Verdict], ...]) -> list[Any]:
    return [[name, _converter.unstructure(verdict, Verdict)] for name, verdict in value]


def _structure_verdicts(value: object, _: object) -> tuple[tuple[str, Verdict], ...]:
    found: list[tuple[str, Verdict]] = []
    problems: list[Problem] = []
    for index, item in enumerate(_require_array(value)):
        path = f"[{index}]"
        if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], str)):
            problems.append(Problem(path, item, "must be a [rule name, verdict] pair"))
            continue
        try:
            found.append((item[0], _converter.structure(item[1], Verdict)))
        except InvalidDataError as error:
            problems.extend(error.prefixed(f"{path}[1]").problems)
    if problems:
        raise InvalidDataError(problems)
    return tuple(found)


def _unstructure_rules(value: Rules) -> dict[str, Any]:
    return {
        "hard": [_unstructure_rule(rule) for rule in value.hard],
        "soft": [_unstructure_rule(rule) for rule in value.soft],
    }


def _unstructure_rule(rule: object) -> dict[str, Any]:
    cls = type(rule)
    name = getattr(rule, "name", None)
    if not isinstance(name, str) or BUILTIN_RULES.get(name) is not cls:
        raise TypeError(
            f"learnkit.serialize cannot write the user rule {rule!r}: only learnkit's built-in "
            f"rules ({', '.join(BUILTIN_RULES)}) are serializable; keep user rules in code"
        )
    return {"kind": name, **_converter.unstructure(rule, cls)}


def _structure_rules(value: object, _: object) -> Rules:
    if not isinstance(value, dict):
        raise _errors.expected("an object (a Rules)", value)
    groups = ("hard", "soft")
    problems = [
        _errors.unknown_key("", key, value[key], groups) for key in value if key not in groups
    ]
    read: dict[str, list[Any]] = {}
    for group in groups:
        if group not in value:
            continue  # the default rules of that group
        try:
            items = _require_array(value[group])
        except InvalidDataError as error:
            problems.extend(error.prefixed(group).problems)
            continue
        read[group] = []
        for index, item in enumerate(items):
            try:
                read[group].append(_structure_rule(item))
            except InvalidDataError as error:
                problems.extend(error.prefixed(f"{group}[{index}]").problems)
    if problems:
        raise InvalidDataError(problems)
    return Rules(**read)


def _structure_rule(value: object) -> object:
    if not isinstance(value, dict):
        raise _errors.expected("an object (a rule with its kind)", value)
    kind = value.get("kind", _errors.ABSENT)
    if kind is _errors.ABSENT:
        raise InvalidDataError.single("kind", None, _errors.MISSING_MESSAGE)
    cls = BUILTIN_RULES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise InvalidDataError.single(
            "kind", kind, f"is not a built-in rule (expected one of {', '.join(BUILTIN_RULES)})"
        )
    return _converter.structure({k: v for k, v in value.items() if k != "kind"}, cls)


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True)
    configure_converter(converter)
    # Registered after the preset, so these win over its lenient date and datetime hooks.
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(float, _structure_float)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_structure_hook(dt.datetime, _structure_datetime)
    converter.register_structure_hook(dt.time, _structure_time)
    converter.register_unstructure_hook(dt.time, _unstructure_time)
    converter.register_unstructure_hook(dt.datetime, _unstructure_datetime)
    converter.register_structure_hook(ZoneInfo, _structure_zone)
    converter.register_unstructure_hook(ZoneInfo, _unstructure_zone)
    converter.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_structure_factory)
    converter.register_structure_hook_factory(_is_frozenset, _frozenset_structure_factory)
    converter.register_unstructure_hook_factory(_is_frozenset, _frozenset_unstructure_factory)
    converter.register_unstructure_hook_factory(_is_fixed_tuple, _fixed_tuple_unstructure_factory)
    converter.register_structure_hook_factory(_is_serializable, _class_structure_factory)
    # Registered last, so they are asked before the general hooks above.
    converter.register_structure_hook_func(lambda kind: kind == ReasonParams, _structure_params)
    converter.register_unstructure_hook_func(lambda kind: kind == ReasonParams, _unstructure_params)
    converter.register_structure_hook_func(lambda kind: kind == _VERDICTS, _structure_verdicts)
    converter.register_unstructure_hook_func(lambda kind: kind == _VERDICTS, _unstructure_verdicts)
    converter.register_structure_hook(Rules, _structure_rules)
    converter.register_unstructure_hook(Rules, _unstructure_rules)
    return converter


_converter: Final = _make_converter()


# --- documents -------------------------------------------------------------------


def _name_of(cls: object) -> str:
    if isinstance(cls, type) and _is_serializable(cls):
        return cls.__name__
    known = ", ".join(sorted(_TYPES))
    raise TypeError(f"learnkit.serialize cannot handle {cls!r}; it knows {known}")


def to_dict(value: object) -> dict[str, Any]:
    """``value`` as a document of plain JSON values (dicts, lists, strings, numbers, ``None``).

    ``json.loads(to_json(value)) == to_dict(value)``, and
    ``from_dict(to_dict(value), type(value)) == value``.

    Raises:
        TypeError: ``value`` is not of a type learnkit serializes.
    """
    name = _name_of(type(value))
    return {"schema": SCHEMA_VERSION, "type": name, "data": _converter.unstructure(value)}


def to_json(value: object, *, indent: int | None = None) -> str:
    """``value`` as JSON text: the document of :func:`to_dict`, same input, same text.

    Non-ASCII letters (æ, ø, å) are written as themselves, not as escapes.

    Args:
        value: A value of a public learnkit type.
        indent: Spaces per level for readable output; ``None`` for one line.

    Raises:
        TypeError: ``value`` is not of a type learnkit serializes.
    """
    return json.dumps(to_dict(value), ensure_ascii=False, indent=indent, allow_nan=False)


def from_dict(data: object, cls: type[T]) -> T:
    """The ``cls`` value in the document ``data`` (as :func:`to_dict` writes it).

    The document is untrusted: it is checked in full, and anything wrong is
    reported with its JSON path. Only JSON values are read (a ``date`` object
    where a ``"YYYY-MM-DD"`` string belongs is refused). A document of an older
    schema is migrated first (see :func:`migrate`).

    Raises:
        InvalidDataError: the document is not a valid ``cls`` document; the
            error lists every problem found. Nothing else is raised for bad data.
        TypeError: ``cls`` is not a type learnkit serializes (a programming error).
    """
    name = _name_of(cls)
    document = migrate(data)
    problems = [
        _errors.unknown_key("$", key, document[key], _ENVELOPE_KEYS)
        for key in document
        if key not in _ENVELOPE_KEYS
    ]
    problems.extend(
        Problem(f"$.{key}", None, _errors.MISSING_MESSAGE)
        for key in ("type", "data")
        if key not in document
    )
    kind = document.get("type", _errors.ABSENT)
    if kind is not _errors.ABSENT and kind != name:
        if isinstance(kind, str) and kind in _TYPES:
            message = f"is a {kind} document; expected a {name} document"
        else:
            message = f"must be {name!r}"
        problems.append(Problem("$.type", kind, message))
    if problems:
        raise InvalidDataError(problems)
    try:
        return _converter.structure(document["data"], cls)
    except InvalidDataError as error:
        raise error.prefixed("$.data") from None
    except Exception as error:  # untrusted input must end as InvalidDataError
        raise InvalidDataError(_errors.problems(error, "$.data", document["data"], cls)) from None


def from_json(text: str | bytes, cls: type[T]) -> T:
    """The ``cls`` value in the JSON document ``text`` (as :func:`to_json` writes it).

    Text that is not JSON (or has duplicate keys, ``NaN``, or bytes that are not
    UTF-8/16/32) is one problem at ``$``; otherwise this is :func:`from_dict`.

    Raises:
        InvalidDataError: ``text`` is not a valid ``cls`` document; the error
            lists every problem found. Nothing else is raised for bad data.
        TypeError: ``cls`` is not a type learnkit serializes (a programming error).
    """
    _name_of(cls)
    if not isinstance(text, str | bytes | bytearray):
        raise _errors.expected("JSON text (str or bytes)", text)
    try:
        data = json.loads(text, parse_constant=_refuse_constant, object_pairs_hook=_unique_keys)
    except RecursionError:
        raise InvalidDataError.single("$", _excerpt(text), "is nested too deeply") from None
    except ValueError as error:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise InvalidDataError.single("$", _excerpt(text), f"is not valid JSON: {error}") from None
    return from_dict(data, cls)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            # json would keep the last silently, so a pasted-in duplicate would lose data.
            raise ValueError(f"the key {key!r} appears twice in one object")
        result[key] = value
    return result


def _excerpt(text: str | bytes | bytearray, limit: int = 200) -> str | bytes | bytearray:
    # The problem shows the text; a whole megabyte in an error message helps nobody.
    if len(text) <= limit:
        return text
    if isinstance(text, str):
        return text[: limit - 3] + "..."
    return bytes(text[: limit - 3]) + b"..."


def _check_depth(document: object, limit: int = MAX_DEPTH) -> None:
    # Iterative on purpose: the check exists because recursion is what deep input breaks.
    pending: list[tuple[object, int, str]] = [(document, 0, "$")]
    while pending:
        value, depth, path = pending.pop()
        if isinstance(value, dict | list) and depth >= limit:
            raise InvalidDataError.single(
                path,
                "{...}" if isinstance(value, dict) else "[...]",
                f"is nested more than {limit} levels deep",
            )
        if isinstance(value, dict):
            pending.extend(
                (item, depth + 1, _errors.key_path(path, key)) for key, item in value.items()
            )
        elif isinstance(value, list):
            pending.extend(
                (item, depth + 1, f"{path}[{index}]") for index, item in enumerate(value)
            )


def migrate(
    document: object,
    migrations: Mapping[int, Migration] = MIGRATIONS,
    *,
    target: int = SCHEMA_VERSION,
) -> dict[str, Any]:
    """``document`` brought up to schema ``target``, one migration at a time.

    ``migrations[n]`` turns a document at schema ``n`` into one at schema
    ``n + 1``; this function sets ``"schema"`` after each step, so a migration
    only changes ``"type"`` and ``"data"``. Migrations are pure dict-to-dict
    functions; each receives its own copy, so the caller's ``document`` is never
    changed. A document already at ``target`` is returned as a shallow copy.

    Args:
        document: A document, e.g. as :func:`json.loads` read it.
        migrations: The migration table; by default the one learnkit ships
            (:data:`MIGRATIONS`).
        target: The schema to reach; by default :data:`SCHEMA_VERSION`.

    Raises:
        InvalidDataError: ``document`` is not a document, its schema is missing,
            not a whole number >= 1, or newer than ``target`` (written by a newer
            learnkit), a migration on the way is missing, or one refuses the data.
    """
    _check_depth(document)
    if not isinstance(document, dict):
        raise InvalidDataError.single(
            "$",
            document,
            "must be a learnkit document: an object with schema, type and data, "
            f"not {_errors.json_kind(document)}",
        )
    schema = document.get("schema", _errors.ABSENT)
    if schema is _errors.ABSENT:
        raise InvalidDataError.single("$.schema", None, _errors.MISSING_MESSAGE)
    if isinstance(schema, bool) or not isinstance(schema, int) or schema < 1:
        raise InvalidDataError.single("$.schema", schema, "must be a schema version: 1 or more")
    if schema > target:
        raise InvalidDataError.single(
            "$.schema",
            schema,
            f"was written by a newer learnkit (schema {schema}); this learnkit reads "
            f"schema {target} and older, so upgrade learnkit to read it",
        )
    current = dict(document)
    for version in range(schema, target):
        step = migrations.get(version)
        if step is None:
            raise InvalidDataError.single(
                "$.schema", schema, f"has no migration from schema {version} to {version + 1}"
            )
        try:
            migrated = step(copy.deepcopy(current))
        except InvalidDataError:
            raise
        except Exception as error:  # a migration meets untrusted old data
            raise InvalidDataError.single(
                "$", f"schema {version}", f"cannot be migrated to schema {version + 1}: {error!r}"
            ) from None
        if not isinstance(migrated, dict):
            raise TypeError(f"the migration from schema {version} returned {migrated!r}")
        current = {**migrated, "schema": version + 1}
    return current
