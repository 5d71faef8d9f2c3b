"""The SMART check of a learning goal: findings with suggestions in Danish and English.

:func:`smart_check` never refuses a goal: a goal that is not SMART is advice
to act on, not data that cannot exist. Each :class:`SmartFinding` names the
criterion (specific, measurable, achievable, relevant, time-bound), a stable
code, the goal's field at fault, and renders a suggestion in ``da`` or ``en``.

Vague phrasing is found by whole words, case-insensitively, in Danish and
English, in the usual inflected forms ("get better at", "getting better at",
"learn more", "understand … better", "blive bedre til", "bliver bedre til",
"lære mere om", "styrke", "udvikle mig", "dygtiggøre mig", ...): see
:data:`VAGUE_PHRASES`.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Final, cast

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError
from learnkit.goals._model import ActivityKind, LearningGoal
from learnkit.goals._review import DevelopmentReview
from learnkit.i18n import Locale, translate

__all__ = [
    "DEFAULT_ACTIVE_LIMIT",
    "MIN_TITLE_WORDS",
    "VAGUE_PHRASES",
    "SmartCriterion",
    "SmartFinding",
    "smart_check",
    "vague_phrases",
]

DEFAULT_ACTIVE_LIMIT: Final = 3
"""How many active goals one person can hold before the check says it is too many."""

MIN_TITLE_WORDS: Final = 3
"""A title with fewer words rarely says what will be different ("Python", "Lære Kubernetes")."""

VAGUE_PHRASES: Final[dict[str, tuple[str, ...]]] = {
    "en": (
        "get better at",
        "get better",
        "gets better at",
        "getting better at",
        "getting better",
        "become better at",
        "becoming better at",
        "become a better",
        "becoming a better",
        "be better at",
        "be a better",
        "get good at",
        "getting good at",
        "be good at",
        "improve my",
        "improve myself",
        "improving my",
        "improving myself",
        "learn more about",
        "learn more",
        "learning more about",
        "learning more",
        "learn about",
        "learning about",
        "learn a bit about",
        "learn something about",
        "know more about",
        "knowing more about",
        "develop my",
        "develop myself",
        "developing my",
        "developing myself",
        "strengthen",
        "strengthening",
        "enhance",
        "enhancing",
        "brush up on",
        "brushing up on",
        "become more",
        "becoming more",
        "more confident",
        "gain experience",
        "gain more experience",
        "gaining experience",
        "gaining more experience",
        "deepen my",
        "deepening my",
        "understand better",
        "understanding better",
        "understand … better",
        "know … better",
        "better understanding",
        "focus on",
        "focusing on",
        "in general",
        "generally",
        "etc",
        "and so on",
    ),
    "da": (
        "blive bedre til",
        "blive bedre",
        "bliver bedre til",
        "bliver bedre",
        "blive god til",
        "bliver god til",
        "blive dygtigere til",
        "blive dygtigere",
        "bliver dygtigere til",
        "bliver dygtigere",
        "blive klogere på",
        "blive klogere",
        "bliver klogere på",
        "bliver klogere",
        "dygtiggøre mig",
        "dygtiggøre sig",
        "dygtiggør mig",
        "lære mere om",
        "lære mere",
        "lærer mere om",
        "lærer mere",
        "lære lidt om",
        "lære lidt mere om",
        "lære noget om",
        "lære noget mere om",
        "lære om",
        "vide mere om",
        "kende mere til",
        "mere viden om",
        "mere viden",
        "mere kendskab til",
        "bedre kendskab til",
        "øge min viden",
        "øge min viden om",
        "øge mit kendskab til",
        "udvide min viden",
        "udbygge min viden",
        "forstå … bedre",
        "kende … bedre",
        "styrke",
        "styrke mig",
        "styrker",
        "styrket",
        "udvikle mig",
        "udvikle min",
        "udvikle mine",
        "forbedre mig",
        "forbedre min",
        "forbedre mine",
        "blive mere",
        "mere sikker",
        "mere erfaring",
        "få erfaring",
        "få mere styr på",
        "få styr på",
        "have fokus på",
        "fokus på",
        "fokusere på",
        "opkvalificere mig",
        "fordybe mig",
        "øge min forståelse",
        "bedre forståelse",
        "generelt",
        "osv",
        "og så videre",
    ),
}
"""Phrases that make a goal vague, by language, lower-case; matched as whole words.

Where phrases overlap the longest wins ("blive bedre til" rather than "blive bedre").
An ellipsis ``…`` stands for one to four words, so "understand … better" finds
"understand Kafka better" and "forstå … bedre" finds "forstå vores API bedre";
:func:`vague_phrases` then reports the words as written.
"""


def _normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


_ALL_PHRASES: Final = sorted(
    {_normalise(p) for phrases in VAGUE_PHRASES.values() for p in phrases},
    key=lambda p: (-len(p), p),
)
_GAP: Final = "…"
_GAP_WORDS: Final = r"(?: \S+){1,4} "


def _pattern(phrase: str) -> str:
    """The whole-word pattern of a normalised phrase; ``…`` matches one to four words."""
    parts = [re.escape(part.strip()) for part in phrase.split(_GAP)]
    return rf"(?<!\w){_GAP_WORDS.join(parts)}(?!\w)"


_VAGUE: Final = re.compile("|".join(_pattern(p) for p in _ALL_PHRASES))


def vague_phrases(text: str) -> tuple[str, ...]:
    """The vague phrases in ``text``, lower-case, in the order they occur (each once).

    A phrase with a gap (``"understand … better"``) is reported with the words
    that filled it (``"understand kafka better"``).
    """
    found: list[str] = []
    for match in _VAGUE.finditer(_normalise(text)):
        if match.group() not in found:
            found.append(match.group())
    return tuple(found)


class SmartCriterion(enum.Enum):
    """The five SMART criteria, in their order."""

    SPECIFIC = "specific"
    MEASURABLE = "measurable"
    ACHIEVABLE = "achievable"
    RELEVANT = "relevant"
    TIME_BOUND = "time_bound"

    @property
    def letter(self) -> str:
        """The criterion's letter (S, M, A, R or T)."""
        return self.value[0].upper()

    @property
    def text_key(self) -> str:
        """The i18n key of the criterion's name."""
        return f"goals.smart.criterion.{self.value}"


# code -> (criterion, field)
CODES: Final[dict[str, tuple[SmartCriterion, str]]] = {
    "title_vague": (SmartCriterion.SPECIFIC, "title"),
    "title_too_short": (SmartCriterion.SPECIFIC, "title"),
    "criterion_missing": (SmartCriterion.MEASURABLE, "success_criterion"),
    "criterion_vague": (SmartCriterion.MEASURABLE, "success_criterion"),
    "too_many_active": (SmartCriterion.ACHIEVABLE, "owner"),
    "no_activities": (SmartCriterion.ACHIEVABLE, "activities"),
    "no_on_the_job": (SmartCriterion.ACHIEVABLE, "activities"),
    "not_linked": (SmartCriterion.RELEVANT, "skills"),
    "target_missing": (SmartCriterion.TIME_BOUND, "target_date"),
    "target_not_after_agreement": (SmartCriterion.TIME_BOUND, "target_date"),
    "target_before_review": (SmartCriterion.TIME_BOUND, "target_date"),
    "target_after_next_review": (SmartCriterion.TIME_BOUND, "target_date"),
}
"""Every finding code, with its criterion and the goal's field it is about."""

_CODE_ORDER: Final = {code: index for index, code in enumerate(CODES)}


@attrs.frozen(kw_only=True)
class SmartFinding:
    """One way a goal falls short of SMART, with what to do about it.

    Attributes:
        goal: The goal's id.
        code: What was found (a key of ``CODES``, e.g. ``"title_vague"``).
        criterion: The SMART criterion it is about.
        field: The goal's field at fault (``"title"``, ``"target_date"``, ...).
        phrases: The vague phrases found (for the ``*_vague`` codes).
        count: How many active goals the owner holds (for ``too_many_active``).
        limit: The limit that was passed (for ``too_many_active``).
        bound: The date the target should be after or not after (for the
            ``target_*`` codes that compare dates).
    """

    goal: str = attrs.field(validator=_validate.identifier)
    code: str = attrs.field(validator=_validate.one_of(CODES))
    criterion: SmartCriterion = attrs.field(validator=_validate.instance_of(SmartCriterion))
    field: str = attrs.field(validator=_validate.text)
    phrases: tuple[str, ...] = attrs.field(default=(), validator=_validate.each(_validate.text))
    count: int | None = attrs.field(default=None, validator=_validate.optional(_validate.count))
    limit: int | None = attrs.field(default=None, validator=_validate.optional(_validate.count))
    bound: dt.date | None = attrs.field(default=None, validator=_validate.optional(_validate.date))

    def __attrs_post_init__(self) -> None:
        expected = CODES[self.code]
        if (self.criterion, self.field) != expected:
            raise InvalidDataError.single(
                "criterion",
                self.criterion,
                f"code {self.code!r} is about {expected[0].value} and field {expected[1]!r}",
            )

    def suggestion(self, locale: Locale) -> str:
        """What to do about the finding, as a sentence in ``locale``."""
        return translate(
            f"goals.smart.{self.code}",
            locale,
            phrases=", ".join(f"“{p}”" for p in self.phrases),
            count=self.count,
            limit=self.limit,
            bound=self.bound.isoformat() if self.bound is not None else "",
        )


def smart_check(
    goal: LearningGoal,
    *,
    active_goals_of_owner: int | Iterable[LearningGoal] = (),
    limit: int = DEFAULT_ACTIVE_LIMIT,
    review: DevelopmentReview | None = None,
) -> tuple[SmartFinding, ...]:
    """How ``goal`` falls short of SMART; empty when it does not. Never raises for a goal.

    * **Specific**: the title has no vague phrase (``title_vague``) and at
      least ``MIN_TITLE_WORDS`` words (``title_too_short``).
    * **Measurable**: there is a success criterion (``criterion_missing``)
      without vague phrases (``criterion_vague``).
    * **Achievable**: the owner holds at most ``limit`` active goals, this one
      counted (``too_many_active``); there is at least one activity
      (``no_activities``), and one of them is on the job, where most learning
      happens (``no_on_the_job``).
    * **Relevant**: the goal is linked to a skill, a role or a team goal (``not_linked``).
    * **Time-bound**: there is a target date (``target_missing``), after the
      agreement (``target_not_after_agreement``) and, with ``review``, after
      the review and not after the next one (``target_before_review``,
      ``target_after_next_review``).

    ``active_goals_of_owner`` is either the number of active goals the owner
    holds counting this one, or goals to count from: the owner's agreed and
    in-progress goals other than this one, plus this one. Findings come in
    SMART order, then the order above.

    Raises:
        InvalidDataError: only for arguments of the wrong type (not a goal, a
            negative count, a limit below 1).
    """
    if not isinstance(goal, LearningGoal):
        raise InvalidDataError.single("goal", goal, "must be a LearningGoal")
    given_limit: object = limit
    if isinstance(given_limit, bool) or not isinstance(given_limit, int) or given_limit < 1:
        raise InvalidDataError.single("limit", limit, "must be a whole number >= 1")
    if review is not None and not isinstance(review, DevelopmentReview):
        raise InvalidDataError.single("review", review, "must be a DevelopmentReview or None")
    count = _active_count(goal, active_goals_of_owner)
    found: list[SmartFinding] = []

    def add(
        code: str,
        *,
        phrases: tuple[str, ...] = (),
        count: int | None = None,
        limit: int | None = None,
        bound: dt.date | None = None,
    ) -> None:
        criterion, field = CODES[code]
        found.append(
            SmartFinding(
                goal=goal.id,
                code=code,
                criterion=criterion,
                field=field,
                phrases=phrases,
                count=count,
                limit=limit,
                bound=bound,
            )
        )

    title_phrases = vague_phrases(goal.title)
    if title_phrases:
        add("title_vague", phrases=title_phrases)
    if len(re.findall(r"\w+", goal.title)) < MIN_TITLE_WORDS:
        add("title_too_short")
    if not goal.success_criterion.strip():
        add("criterion_missing")
    elif criterion_phrases := vague_phrases(goal.success_criterion):
        add("criterion_vague", phrases=criterion_phrases)
    if count > limit:
        add("too_many_active", count=count, limit=limit)
    if not goal.activities:
        add("no_activities")
    elif all(activity.kind is not ActivityKind.ON_THE_JOB for activity in goal.activities):
        add("no_on_the_job")
    if not goal.skills and not goal.role.strip() and not goal.team_goal.strip():
        add("not_linked")
    _time_bound(goal, review, add)
    return tuple(sorted(found, key=lambda f: _CODE_ORDER[f.code]))


def _time_bound(
    goal: LearningGoal, review: DevelopmentReview | None, add: Callable[..., None]
) -> None:
    target = goal.target_date
    if target is None:
        add("target_missing")
        return
    if goal.agreed_on is not None and target <= goal.agreed_on:
        add("target_not_after_agreement", bound=goal.agreed_on)
    if review is not None:
        if target <= review.held_on:
            add("target_before_review", bound=review.held_on)
        elif target > review.next_review_on:
            add("target_after_next_review", bound=review.next_review_on)


def _active_count(goal: LearningGoal, given: int | Iterable[LearningGoal]) -> int:
    if isinstance(given, int) and not isinstance(given, bool):
        if given < 0:
            raise InvalidDataError.single("active_goals_of_owner", given, "must be >= 0")
        return given
    raw: object = given
    if isinstance(raw, str | bytes | bool) or not isinstance(raw, Iterable):
        raise InvalidDataError.single(
            "active_goals_of_owner", given, "must be a count or a collection of LearningGoal"
        )
    others: set[str] = set()
    for other in cast("Iterable[object]", raw):
        if not isinstance(other, LearningGoal):
            raise InvalidDataError.single("active_goals_of_owner", other, "must be a LearningGoal")
        if other.owner == goal.owner and other.id != goal.id and other.status.is_active:
            others.add(other.id)
    return len(others) + 1
