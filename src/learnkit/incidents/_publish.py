"""What publishing a review requires: every rule, each unmet one a :class:`Blocker`.

:func:`publish_blockers` is the guard behind
:func:`~learnkit.incidents.publish`: it returns every unmet publish rule at
once (never only the first), each with a stable code, the field at fault and a
catalogue text, so a bot or an editor can point at each problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, Final

import attrs

from learnkit import _validate
from learnkit.exceptions import InvalidDataError
from learnkit.i18n import Locale, translate
from learnkit.incidents._language import (
    DEFAULT_LANGUAGE_POLICY,
    FindingKind,
    FindingSeverity,
    LanguageFinding,
    LanguagePolicy,
    check_review,
    check_text,
    is_overridden,
)
from learnkit.incidents._model import (
    DEFAULT_SEVERITY_SCALE,
    Incident,
    ParticipantRole,
    SeverityScale,
)
from learnkit.incidents._review import IncidentReview, ReviewStatus
from learnkit.people import Roster

__all__ = ["BLOCKER_CODES", "Blocker", "publish_blockers"]

BLOCKER_CODES: Final[tuple[str, ...]] = (
    "not_in_review",
    "section_missing",
    "no_factor",
    "no_learning",
    "factor_names_person",
    "factor_human_error",
    "factor_evidence_unknown",
    "timeline_out_of_order",
    "action_owner_unknown",
    "no_facilitator",
    "facilitator_only_responder",
    "language_finding",
    "approvals_missing",
)
"""Every code a :class:`Blocker` may have, in the order :func:`publish_blockers` checks them.

Each has a catalogue text under ``incidents.blocker.<code>``.
"""

# Findings the factor rules report themselves (and neither an override nor
# the team's policy can lift): the factor descriptions are checked for these
# two kinds with their own policy, whatever policy the team passes.
_FACTOR_KINDS: Final = {
    FindingKind.HUMAN_ERROR: "factor_human_error",
    FindingKind.PERSON_AS_CAUSE: "factor_names_person",
}
_FACTOR_POLICY: Final = LanguagePolicy(
    blocking=frozenset(_FACTOR_KINDS),
    info=frozenset(),
    disabled=frozenset(FindingKind) - frozenset(_FACTOR_KINDS),
)


def _params(value: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(tuple(pair) for pair in value))  # type: ignore[misc]


def _param_pairs(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not all(
        isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(part, str) for part in pair)
        for pair in value
    ):
        raise _validate.fail(attribute, value, "must be pairs of strings (name, value)")
    names = [pair[0] for pair in value]
    if len(set(names)) != len(names) or "field" in names:
        raise _validate.fail(attribute, value, "must name each parameter once, never 'field'")


@attrs.frozen(kw_only=True)
class Blocker:
    """One unmet publish rule: which rule, where, and the details the text needs.

    Attributes:
        code: One of ``BLOCKER_CODES``.
        field: The path of the field at fault (``"narrative"``,
            ``"factors[1].description"``, ``"approvals"``).
        params: The details, as sorted ``(name, value)`` pairs, e.g.
            ``(("have", "0"), ("needed", "2"))``.
    """

    code: str = attrs.field(validator=_validate.one_of(BLOCKER_CODES))
    field: str = attrs.field(validator=_validate.text)
    params: tuple[tuple[str, str], ...] = attrs.field(
        default=(), converter=_params, validator=_param_pairs
    )

    @property
    def key(self) -> str:
        """The i18n key of the rule's text, ``incidents.blocker.<code>``.

        ``approvals_missing`` counts, so its key ends in ``.one`` or ``.other``
        after the number of approvals needed.
        """
        if self.code == "approvals_missing":
            plural = "one" if dict(self.params).get("needed") == "1" else "other"
            return f"incidents.blocker.{self.code}.{plural}"
        return f"incidents.blocker.{self.code}"

    @property
    def reason(self) -> str:
        """How a :class:`~learnkit.exceptions.TransitionError` lists it: the key and the field."""
        return f"{self.key} ({self.field})"

    def text(self, locale: Locale) -> str:
        """The rule as a sentence in ``locale``, with the field and the details filled in.

        A finding kind (the ``kind`` parameter) is named as the language check names it.
        """
        params = dict(self.params)
        if "kind" in params:
            params["kind"] = translate(f"language.{params['kind']}.name", locale)
        return translate(self.key, locale, field=self.field, **params)


def _blocker(code: str, field: str, **params: object) -> Blocker:
    return Blocker(code=code, field=field, params=tuple((k, str(v)) for k, v in params.items()))


def publish_blockers(
    review: IncidentReview,
    incident: Incident,
    *,
    scale: SeverityScale = DEFAULT_SEVERITY_SCALE,
    policy: LanguagePolicy = DEFAULT_LANGUAGE_POLICY,
    roster: Roster | None = None,
) -> tuple[Blocker, ...]:
    """Every publish rule ``review`` of ``incident`` does not meet; empty when it may be published.

    The rules, each reported once per place it fails (codes in brackets):

    1. the review is in review (``not_in_review``);
    2. every required section (summary, narrative, went well, difficult) is
       filled (``section_missing``, one per section);
    3. at least one contributing factor (``no_factor``) and one learning
       (``no_learning``);
    4. no factor names a person as its cause (``factor_names_person``): the
       description holds the full name of someone in ``roster`` or the first
       name of a participant, or the language check finds a person as cause;
       no factor gives "human error" as its cause (``factor_human_error``);
       neither can be overridden, and neither depends on ``policy``: the
       factor descriptions are checked for these two kinds with both always
       enabled, even when the team's policy disables them or only warns;
    5. every factor's evidence names an event of the timeline (``factor_evidence_unknown``);
    6. the timeline is in chronological order (``timeline_out_of_order``, one
       per event earlier than one listed before it); the milestones are in
       order already, as :class:`~learnkit.incidents.Milestones` refuses
       anything else;
    7. every open or in-progress action item has an owner and a due date (an
       :class:`~learnkit.incidents.ActionItem` cannot be committed without
       them) and, when ``roster`` is given, the owner is in it
       (``action_owner_unknown``);
    8. some participant is a facilitator (``no_facilitator``) who is not the
       only responder (``facilitator_only_responder``);
    9. every finding of the language check (over the review and the
       incident) whose severity under ``policy`` is *block* is overridden by
       a :class:`~learnkit.incidents.LanguageOverride` with a written
       justification (``language_finding``, one per finding);
    10. the review has as many approvals from people other than the author as
        the incident's severity level asks for (``approvals_missing``).

    The result is sorted by the rule order above, then field: the same for
    the same review whatever order the records were given in.

    Raises:
        InvalidDataError: ``review`` does not review ``incident``.
        UnknownIdError: the incident's severity is not a level of ``scale``.
    """
    if review.incident != incident.id:
        raise InvalidDataError.single(
            "incident", incident.id, f"is not the incident the review is of ({review.incident!r})"
        )
    level = scale.level(incident.severity)
    names = _participant_names(incident, roster)
    findings = check_review(review, incident=incident, policy=policy, names=sorted(names))
    blockers: list[Blocker] = []
    if review.status is not ReviewStatus.IN_REVIEW:
        blockers.append(_blocker("not_in_review", "status", status=review.status.value))
    blockers += [_blocker("section_missing", name) for name in review.missing_sections]
    if not review.factors:
        blockers.append(_blocker("no_factor", "factors"))
    if not review.learnings:
        blockers.append(_blocker("no_learning", "learnings"))
    blockers += _factor_blockers(review, incident, roster, names)
    blockers += _timeline_blockers(incident)
    blockers += _action_blockers(review, roster)
    blockers += _facilitator_blockers(incident)
    for finding in findings:
        if finding.severity is not FindingSeverity.BLOCK:
            continue
        if finding.field.startswith("factors[") and finding.kind in _FACTOR_KINDS:
            continue  # reported by the factor rules, which no override lifts
        if not is_overridden(finding, review.overrides):
            blockers.append(
                _blocker(
                    "language_finding",
                    finding.field,
                    phrase=finding.phrase,
                    kind=finding.kind.value,
                )
            )
    have = len({approval.by for approval in review.approvals} - {review.author})
    if have < level.approvals:
        blockers.append(
            _blocker("approvals_missing", "approvals", needed=level.approvals, have=have)
        )
    order = {code: index for index, code in enumerate(BLOCKER_CODES)}
    return tuple(sorted(dict.fromkeys(blockers), key=lambda b: (order[b.code], b.field, b.params)))


def _participant_names(incident: Incident, roster: Roster | None) -> set[str]:
    if roster is None:
        return set()
    return {roster.person(p.person).name for p in incident.participants if p.person in roster}


def _name_pattern(name: str, *, ignore_case: bool) -> re.Pattern[str]:
    # Whole words only ("Bo" is not in "bord"), possessives included ("Mettes", "Mette's").
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(rf"(?<!\w){re.escape(name)}(?:s|'s|’s|')?(?!\w)", flags)


def _named_people(text: str, roster: Roster | None, names: set[str]) -> Iterator[str]:
    full = {person.name for person in roster} if roster is not None else set()
    first = {name.split()[0] for name in names if name.split()}
    for name in sorted(full):
        match = _name_pattern(name, ignore_case=True).search(text)
        if match is not None:
            yield match.group(0)
    for name in sorted(first - full):
        match = _name_pattern(name, ignore_case=False).search(text)
        if match is not None:
            yield match.group(0)


def _factor_blockers(
    review: IncidentReview,
    incident: Incident,
    roster: Roster | None,
    names: set[str],
) -> list[Blocker]:
    # One blocker per factor and rule, with every phrase that breaks it (the
    # longest of overlapping ones: "Emil Mikkelsen glemte" over "Emil").
    phrases: dict[tuple[str, str], list[str]] = {}
    for index, factor in enumerate(review.factors):
        field = f"factors[{index}].description"
        for phrase in _named_people(factor.description, roster, names):
            phrases.setdefault(("factor_names_person", field), []).append(phrase)
        for finding in _factor_findings(factor.description, field, names):
            phrases.setdefault((_FACTOR_KINDS[finding.kind], field), []).append(finding.phrase)
    blockers = [
        _blocker(code, field, phrase=", ".join(_outermost(found)))
        for (code, field), found in phrases.items()
    ]
    events = incident.event_ids
    for index, factor in enumerate(review.factors):
        blockers += [
            _blocker("factor_evidence_unknown", f"factors[{index}].evidence", event=event)
            for event in factor.evidence
            if event not in events
        ]
    return blockers


def _factor_findings(text: str, field: str, names: set[str]) -> tuple[LanguageFinding, ...]:
    """The human-error and person-as-cause findings in ``text``, whatever the team's policy."""
    return check_text(text, field=field, policy=_FACTOR_POLICY, names=sorted(names))


def _outermost(phrases: Iterable[str]) -> list[str]:
    """The distinct phrases that are not part of a longer one, sorted."""
    distinct = set(phrases)
    return sorted(
        phrase
        for phrase in distinct
        if not any(phrase != other and phrase.casefold() in other.casefold() for other in distinct)
    )


def _timeline_blockers(incident: Incident) -> list[Blocker]:
    late = set(incident.out_of_order_events())
    return [
        _blocker("timeline_out_of_order", f"timeline[{index}]", event=event.id)
        for index, event in enumerate(incident.timeline)
        if event.id in late
    ]


def _action_blockers(review: IncidentReview, roster: Roster | None) -> list[Blocker]:
    if roster is None:
        return []
    return [
        _blocker("action_owner_unknown", f"action_items[{index}].owner", owner=item.owner)
        for index, item in enumerate(review.action_items)
        if item.status.is_active and item.owner is not None and item.owner not in roster
    ]


def _facilitator_blockers(incident: Incident) -> list[Blocker]:
    facilitators = set(incident.people_with(ParticipantRole.FACILITATOR))
    responders = set(incident.people_with(ParticipantRole.RESPONDER))
    if not facilitators:
        return [_blocker("no_facilitator", "participants")]
    if len(responders) == 1 and facilitators <= responders:
        return [_blocker("facilitator_only_responder", "participants")]
    return []
