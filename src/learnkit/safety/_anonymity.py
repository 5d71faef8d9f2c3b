"""Which results of a pulse may be shown: the anonymity rule, applied greedily.

A group's respondents are the responses that match its team and label. The
released groups split the respondents into *atoms*: the respondents with the
same in/out signature over every released group (those in no released group
are left out: nothing released is about them). Every released total, mean,
item mean or distribution count is a sum over whole atoms, and so is anything
computed from several of them. A group is *released* only when it has at
least ``k`` respondents, does not repeat a released group's respondents with a
label, and keeps every atom at ``k`` respondents or more. Groups are
considered in priority order, so a broader group (everyone, a whole team) is
shown in preference to a narrower one that would give it away.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import cast

from learnkit import _validate
from learnkit.exceptions import InvalidDataError, Problem
from learnkit.safety._model import SafetyResponse, SafetySurvey
from learnkit.safety._results import (
    EVERYONE,
    PulseResults,
    SafetyGroup,
    TeamScore,
    Withheld,
    WithheldReason,
)
from learnkit.safety._scoring import collect_problems, team_score

__all__ = ["atoms", "default_groups", "matches", "pulse_results"]

_MAX_K = 10_000_000


def matches(group: SafetyGroup, response: SafetyResponse) -> bool:
    """Whether ``response`` counts towards ``group`` (its team and label, where set)."""
    return (group.team is None or group.team == response.team) and (
        group.label is None or group.label in response.groups
    )


def default_groups(responses: Iterable[SafetyResponse]) -> tuple[SafetyGroup, ...]:
    """The groups a pulse reports on by default, in priority order.

    Everyone; then each team by id; then each team with each subgroup label
    (every label seen in any response, for every team, so that which
    team/label pairs appear says nothing about who answered); then each label
    across teams.
    """
    found = tuple(responses)
    teams = sorted({response.team for response in found})
    labels = sorted({label for response in found for label in response.groups})
    return (
        EVERYONE,
        *(SafetyGroup(team) for team in teams),
        *(SafetyGroup(team, label) for team in teams for label in labels),
        *(SafetyGroup(label=label) for label in labels),
    )


def pulse_results(
    survey: SafetySurvey,
    responses: Iterable[SafetyResponse],
    groups: Iterable[SafetyGroup] | None = None,
    *,
    k: int | None = None,
) -> PulseResults:
    """The results of one pulse that anonymity allows, and why the others are withheld.

    Groups are considered in the given priority order (by default
    :func:`default_groups`: everyone, each team by id, each team with each
    label, each label across teams). A group is released when

    * it has at least ``k`` respondents (else :attr:`WithheldReason.TOO_FEW`);
    * it does not have exactly the respondents of a released group when
      either of the two carries a label (else :attr:`WithheldReason.SAME_AS`,
      naming the first such group): it would add nothing and would disclose
      that everyone in it has that label;
    * with it added, every atom of the released groups (the respondents with
      the same in/out signature over all of them, leaving out those in none)
      has at least ``k`` respondents (else :attr:`WithheldReason.WOULD_REVEAL`,
      naming the smallest released group, ties by release order, that holds a
      too-small atom, or for an atom only in the refused group, the smallest
      released group that meets it).

    A withheld result never states how many answered.

    Guarantees:
        * No released result covers fewer than ``k`` respondents.
        * No combination of released results reveals fewer than ``k`` people:
          every atom of the released groups has none or at least ``k``
          respondents, and every total, mean, item mean or distribution count
          that can be computed from released results, by any number of
          additions and subtractions, is a sum over whole atoms. In
          particular no two released results differ by fewer than ``k``
          respondents on either side, and released teams never leave fewer
          than ``k`` of a released whole uncovered.
        * No released labelled group has the same respondents as another
          released group.
        * Prefix consistency: a group's fate depends only on the groups before
          it, so the release for a prefix of ``groups`` is the full release
          restricted to that prefix (the culture report's everyone and teams
          are a prefix of the default order, and show the same).
        * The release is the greedy one: of every set of groups that obeys
          the rules, it keeps the earliest groups in priority order (each
          group is released whenever it can be).
        * The result does not depend on the order of ``responses``.

    Not guaranteed: two calls (with different groups or responses) are not
    checked against each other. Make one release per audience.

    Args:
        survey: The pulse.
        responses: Its responses; every one must be valid for ``survey``.
        groups: The groups to report on, highest priority first; ``None`` for
            :func:`default_groups`.
        k: The anonymity threshold; ``None`` for ``survey.min_respondents``.

    Raises:
        InvalidDataError: every problem at once: a response that answers
            another survey, leaves an item unanswered or is out of range
            (paths like ``responses[3].answers[4]``); ``k`` below the survey's
            ``min_respondents``; a group that is not a :class:`SafetyGroup` or
            appears twice.
    """
    _validate.require_instance(survey, SafetySurvey, "survey")
    problems: list[Problem] = []
    threshold = _threshold(survey, k, problems)
    given: object = responses
    if isinstance(given, Iterable) and not isinstance(given, str | bytes):
        given = tuple(cast("Iterable[object]", given))  # read a generator only once
    collect_problems(survey, given, problems)
    found = (
        tuple(r for r in cast("tuple[object, ...]", given) if isinstance(r, SafetyResponse))
        if isinstance(given, tuple)
        else ()
    )
    order = _groups(found, groups, problems)
    if problems:
        raise InvalidDataError(problems)
    return _release(survey, found, order, threshold)


def _threshold(survey: SafetySurvey, k: object, problems: list[Problem]) -> int:
    if k is None:
        return survey.min_respondents
    if isinstance(k, bool) or not isinstance(k, int):
        problems.append(Problem("k", k, "must be a whole number"))
    elif not survey.min_respondents <= k <= _MAX_K:
        problems.append(
            Problem(
                "k",
                k,
                f"must be at least the survey's min_respondents ({survey.min_respondents})",
            )
        )
    else:
        return k
    return survey.min_respondents


def _groups(
    responses: tuple[SafetyResponse, ...],
    groups: Iterable[SafetyGroup] | None,
    problems: list[Problem],
) -> tuple[SafetyGroup, ...]:
    if groups is None:
        return default_groups(responses)
    order = _validate.items_of(groups, SafetyGroup, "groups", problems)
    seen: set[SafetyGroup] = set()
    for index, group in enumerate(order):
        if group in seen:
            problems.append(Problem(f"groups[{index}]", group.key, "appears twice"))
        seen.add(group)
    return order


def _release(
    survey: SafetySurvey,
    responses: Sequence[SafetyResponse],
    order: Sequence[SafetyGroup],
    k: int,
) -> PulseResults:
    released: list[tuple[SafetyGroup, frozenset[int]]] = []
    scores: list[TeamScore] = []
    withheld: list[Withheld] = []
    # signatures[i]: bit j is set when respondent i belongs to the j-th released group.
    signatures = [0] * len(responses)
    for group in order:
        members = frozenset(i for i, response in enumerate(responses) if matches(group, response))
        if len(members) < k:
            withheld.append(_withheld(survey, group, WithheldReason.TOO_FEW, None, k))
            continue
        same = _same_as(group, members, released)
        if same is not None:
            withheld.append(_withheld(survey, group, WithheldReason.SAME_AS, same, k))
            continue
        bit = 1 << len(released)
        candidate = [s | bit if i in members else s for i, s in enumerate(signatures)]
        small = _small_atoms(candidate, k)
        if small:
            blame = _blame(small, members, released, bit)
            withheld.append(_withheld(survey, group, WithheldReason.WOULD_REVEAL, blame, k))
            continue
        signatures = candidate
        released.append((group, members))
        scores.append(team_score(survey, group, [responses[i] for i in sorted(members)]))
    return PulseResults(survey=survey.id, k=k, released=tuple(scores), withheld=tuple(withheld))


def atoms(signatures: Iterable[int]) -> Counter[int]:
    """How many respondents share each non-zero signature (bit ``j``: in released group ``j``).

    Respondents in no released group (signature 0) are left out: no released
    result says anything about them.
    """
    return Counter(signature for signature in signatures if signature)


def _small_atoms(signatures: Sequence[int], k: int) -> tuple[int, ...]:
    """The signatures of the atoms with fewer than ``k`` (but some) respondents, ascending."""
    return tuple(sorted(sig for sig, count in atoms(signatures).items() if count < k))


def _same_as(
    group: SafetyGroup,
    members: frozenset[int],
    released: Sequence[tuple[SafetyGroup, frozenset[int]]],
) -> SafetyGroup | None:
    """The first released group with exactly ``group``'s respondents, where a label is involved.

    Two unlabelled groups (everyone and a team) may say the same; a labelled
    one that equals another released group adds nothing and would disclose
    that everyone in one of them has (or lacks) that label.
    """
    for other, seen in released:
        if seen == members and (group.label is not None or other.label is not None):
            return other
    return None


def _blame(
    small: Sequence[int],
    members: frozenset[int],
    released: Sequence[tuple[SafetyGroup, frozenset[int]]],
    bit: int,
) -> SafetyGroup:
    """The released group to name for a refused ``group`` (its bit is ``bit``).

    For each small atom: the released groups that contain it; for an atom that
    lies only in the refused group, the released groups that meet the refused
    group (they cut the atom out of it). Of all these, the smallest, ties by
    release order: the result a reader would subtract from.
    """
    chosen: set[int] = set()
    for signature in small:
        inside = {j for j in range(len(released)) if signature >> j & 1}
        if signature == bit:  # only in the refused group: cut out by the groups it meets
            inside = {j for j, (_, seen) in enumerate(released) if seen & members}
        chosen |= inside
    best = min(chosen, key=lambda j: (len(released[j][1]), j))
    return released[best][0]


def _withheld(
    survey: SafetySurvey,
    group: SafetyGroup,
    reason: WithheldReason,
    because_of: SafetyGroup | None,
    k: int,
) -> Withheld:
    return Withheld(survey=survey.id, group=group, reason=reason, because_of=because_of, k=k)
