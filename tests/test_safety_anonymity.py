"""learnkit.safety anonymity: which results of a pulse are released, and why others are withheld."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit.exceptions import InvalidDataError, UnknownIdError
from learnkit.safety import (
    EVERYONE,
    PulseResults,
    SafetyGroup,
    SafetyResponse,
    SafetySurvey,
    TeamScore,
    Withheld,
    WithheldReason,
    default_groups,
    pulse_results,
)
from learnkit.time import Period

NOV = Period(dt.date(2026, 11, 2), dt.date(2026, 11, 13))
SURVEY = SafetySurvey(id="q4", period=NOV)
TEAMS = ("data", "platform", "salg")
LABELS = ("newcomer", "remote")
ALL_GROUPS = tuple(SafetyGroup(team, label) for team in (None, *TEAMS) for label in (None, *LABELS))


def response(
    team: str, answers: tuple[int | None, ...] = (4,) * 7, groups: tuple[str, ...] = ()
) -> SafetyResponse:
    """A response to the November pulse."""
    return SafetyResponse(
        survey="q4", team=team, submitted_on=dt.date(2026, 11, 3), answers=answers, groups=groups
    )


def members(group: SafetyGroup, responses: list[SafetyResponse]) -> frozenset[int]:
    """The respondents of ``group``, by their place in ``responses`` (written out independently)."""
    found = set()
    for index, r in enumerate(responses):
        if group.team not in (None, r.team):
            continue
        if group.label is not None and group.label not in r.groups:
            continue
        found.add(index)
    return frozenset(found)


def atom_sizes(sets: list[frozenset[int]]) -> list[int]:
    """Sizes of the atoms of ``sets``, found by brute force over every subset of them.

    The atom of a non-empty subset ``inside`` holds those in every set of ``inside`` and
    in no other set; respondents in no set belong to no atom.
    """
    sizes = []
    for bits in itertools.product((True, False), repeat=len(sets)):
        inside = [x for x, keep in zip(sets, bits, strict=True) if keep]
        if not inside:
            continue
        outside = [x for x, keep in zip(sets, bits, strict=True) if not keep]
        sizes.append(len(frozenset.intersection(*inside) - frozenset().union(*outside)))
    return sizes


def same_with_a_label(chosen: list[tuple[SafetyGroup, frozenset[int]]]) -> bool:
    """Whether two chosen groups have the same respondents and one of them a label."""
    return any(
        a == b and (g.label is not None or h.label is not None)
        for (g, a), (h, b) in itertools.combinations(chosen, 2)
    )


def safe(chosen: list[tuple[SafetyGroup, frozenset[int]]], k: int) -> bool:
    """Whether groups may all be shown together (the definition, written out independently)."""
    if any(len(s) < k for _, s in chosen) or same_with_a_label(chosen):
        return False
    return all(size == 0 or size >= k for size in atom_sizes([s for _, s in chosen]))


def isolated_sizes(sets: list[frozenset[int]], population: int) -> list[int]:
    """Sizes of every set that a sum of ``sets`` with coefficients -1, 0, 1 is the indicator of."""
    # People in the same sets have the same value in every sum: count them once per kind.
    kinds = Counter(tuple(person in x for x in sets) for person in range(population))
    sizes = []
    for coefficients in itertools.product((-1, 0, 1), repeat=len(sets)):
        values = {
            kind: sum(c for c, inside in zip(coefficients, kind, strict=True) if inside)
            for kind in kinds
        }
        if all(value in (0, 1) for value in values.values()):
            sizes.append(sum(kinds[kind] * value for kind, value in values.items()))
    return sizes


# Who answered is what anonymity is about: a pulse is drawn as how many respondents each
# team and label set has (so near misses of the threshold are common); answers are cheap.
LABEL_SETS = ((), ("newcomer",), ("remote",), ("newcomer", "remote"))
CELLS = tuple(itertools.product(TEAMS, LABEL_SETS))


def _pulse(k: int, counts: list[int], answer: int) -> tuple[int, list[SafetyResponse]]:
    responses = [
        response(team, (answer,) * 7, labels)
        for (team, labels), count in zip(CELLS, counts, strict=True)
        for _ in range(count)
    ]
    return k, responses


pulses = st.builds(
    _pulse,
    st.integers(1, 5),
    st.lists(st.integers(0, 4), min_size=len(CELLS), max_size=len(CELLS)),
    st.integers(1, 7),
)
group_orders = st.lists(st.sampled_from(ALL_GROUPS), unique=True, max_size=7)


def _group(key: str) -> SafetyGroup:
    """The group named by ``key`` (``"*"`` for every team)."""
    team, _, label = key.partition("/")
    return SafetyGroup(None if team == "*" else team, label or None)


def survey_with(k: int) -> SafetySurvey:
    """The November pulse promising threshold ``k``."""
    return SafetySurvey(id="q4", period=NOV, min_respondents=k)


class TestGuarantees:
    @given(pulses, st.none() | group_orders)
    def test_no_release_covers_fewer_than_k(self, pulse, groups):
        """(a) Every released result has at least k respondents, counted independently."""
        k, responses = pulse
        results = pulse_results(survey_with(k), responses, groups)
        for score in results.released:
            assert score.respondents >= k
            assert score.respondents == len(members(score.group, responses))

    @given(pulses, st.none() | group_orders)
    def test_every_atom_is_empty_or_at_least_k(self, pulse, groups):
        """(b) Atoms of the released groups have 0 or >= k people; so do pairwise differences."""
        k, responses = pulse
        results = pulse_results(survey_with(k), responses, groups)
        sets = [members(score.group, responses) for score in results.released]
        assert all(size == 0 or size >= k for size in atom_sizes(sets))
        for a, b in itertools.combinations(sets, 2):
            assert len(a - b) == 0 or len(a - b) >= k
            assert len(b - a) == 0 or len(b - a) >= k
        assert not same_with_a_label(
            [(s.group, x) for s, x in zip(results.released, sets, strict=True)]
        )

    @settings(max_examples=30)
    @given(pulses, group_orders)
    def test_no_signed_combination_isolates_fewer_than_k(self, pulse, groups):
        """(c) No sum of released groups with coefficients -1, 0, 1 singles out 1..k-1 people."""
        k, responses = pulse
        results = pulse_results(survey_with(k), responses, groups[:6])
        sets = [members(score.group, responses) for score in results.released]
        for size in isolated_sizes(sets, len(responses)):
            assert size == 0 or size >= k

    @given(pulses, st.none() | group_orders)
    def test_prefix_consistency(self, pulse, groups):
        """(d) The release of a prefix of the groups is the full release cut to that prefix."""
        k, responses = pulse
        order = default_groups(responses) if groups is None else tuple(groups)
        full = pulse_results(survey_with(k), responses, order)
        for end in range(len(order) + 1):
            prefix = set(order[:end])
            part = pulse_results(survey_with(k), responses, order[:end])
            assert part.released == tuple(s for s in full.released if s.group in prefix)
            assert part.withheld == tuple(w for w in full.withheld if w.group in prefix)

    @given(pulses, st.none() | group_orders, st.randoms(use_true_random=False))
    def test_independent_of_response_order(self, pulse, groups, rng):
        """(e) Shuffling the responses changes nothing, and two calls agree."""
        k, responses = pulse
        shuffled = list(responses)
        rng.shuffle(shuffled)
        first = pulse_results(survey_with(k), responses, groups)
        assert pulse_results(survey_with(k), shuffled, groups) == first
        assert pulse_results(survey_with(k), iter(responses), groups) == first

    @settings(max_examples=40)
    @given(pulses, group_orders)
    def test_matches_brute_force(self, pulse, groups):
        """Released = the safe subset keeping the earliest groups, found over all subsets."""
        k, responses = pulse
        sets = [(group, members(group, responses)) for group in groups]
        best: tuple[bool, ...] = ()
        for bits in itertools.product((True, False), repeat=len(groups)):
            chosen = [s for s, keep in zip(sets, bits, strict=True) if keep]
            if safe(chosen, k):
                best = bits  # product() yields bit vectors from the largest down
                break
        expected = [g for g, keep in zip(groups, best, strict=True) if keep]
        results = pulse_results(survey_with(k), responses, groups)
        assert [score.group for score in results.released] == expected
        for withheld in results.withheld:
            self._check_reason(withheld, groups, expected, responses, k)

    @staticmethod
    def _check_reason(withheld, groups, expected, responses, k):
        """A withheld result's reason and ``because_of``, from the definition."""
        mine = members(withheld.group, responses)
        before = [g for g in expected if groups.index(g) < groups.index(withheld.group)]
        equal = [
            g
            for g in before
            if members(g, responses) == mine
            and (g.label is not None or withheld.group.label is not None)
        ]
        if len(mine) < k:
            assert (withheld.reason, withheld.because_of) == (WithheldReason.TOO_FEW, None)
        elif equal:
            assert (withheld.reason, withheld.because_of) == (WithheldReason.SAME_AS, equal[0])
        else:
            assert withheld.reason is WithheldReason.WOULD_REVEAL
            assert withheld.because_of in before
            # The named group holds a too-small atom (or, for an atom only in the refused
            # group, meets it), and no smaller or earlier released group does.
            named = [
                g for g in before if TestGuarantees._holds_small(g, before, mine, responses, k)
            ]
            assert withheld.because_of == min(
                named, key=lambda g: (len(members(g, responses)), before.index(g))
            )

    @staticmethod
    def _holds_small(group, before, mine, responses, k):
        """Whether ``group`` holds an atom of 1..k-1 people once ``mine`` is added to ``before``."""
        everyone = frozenset(range(len(responses)))
        sets = [members(g, responses) for g in before]
        own = members(group, responses)
        for person in everyone:
            inside = [person in x for x in sets]
            if not any(inside) and person not in mine:
                continue
            atom = frozenset(
                other
                for other in everyone
                if [other in x for x in sets] == inside and (other in mine) == (person in mine)
            )
            if len(atom) >= k:
                continue
            if person in own or (not any(inside) and own & mine):
                return True
        return False

    @given(pulses, st.none() | group_orders)
    def test_every_group_gets_one_answer(self, pulse, groups):
        """Every group asked about is either released or withheld, in priority order."""
        k, responses = pulse
        results = pulse_results(survey_with(k), responses, groups)
        asked = default_groups(responses) if groups is None else tuple(groups)
        assert sorted(results.groups, key=SafetyGroup.sort_key) == sorted(
            asked, key=SafetyGroup.sort_key
        )
        positions = {group: index for index, group in enumerate(asked)}
        for part in (results.released, results.withheld):
            places = [positions[entry.group] for entry in part]
            assert places == sorted(places)


class TestWorkedExample:
    def test_team_of_seven_and_subgroup_of_five(self):
        """A team of 7 is shown; its 5 newcomers are withheld: the other 2 would be revealed."""
        responses = [response("platform", groups=("newcomer",) if i < 5 else ()) for i in range(7)]
        results = pulse_results(
            SURVEY, responses, [SafetyGroup("platform"), SafetyGroup("platform", "newcomer")]
        )
        assert isinstance(results.result(SafetyGroup("platform")), TeamScore)
        withheld = results.result(SafetyGroup("platform", "newcomer"))
        assert withheld == Withheld(
            survey="q4",
            group=SafetyGroup("platform", "newcomer"),
            reason=WithheldReason.WOULD_REVEAL,
            because_of=SafetyGroup("platform"),
            k=5,
        )

    def test_fewer_than_k(self):
        """Four respondents are too few for k = 5; the withheld result does not say four."""
        results = pulse_results(SURVEY, [response("data")] * 4)
        assert results.released == ()
        assert results.withheld[0].reason is WithheldReason.TOO_FEW
        assert results.result(SafetyGroup("data")) == Withheld(
            survey="q4", group=SafetyGroup("data"), reason=WithheldReason.TOO_FEW, k=5
        )
        assert [f.name for f in attrs.fields(Withheld)] == [
            "survey",
            "group",
            "reason",
            "because_of",
            "k",
        ]

    def test_a_label_with_the_same_people_is_withheld(self):
        """A team whose every respondent is remote: team/remote would only say "all remote"."""
        responses = [response("data", groups=("remote",))] * 6
        results = pulse_results(
            SURVEY, responses, [SafetyGroup("data"), SafetyGroup("data", "remote")]
        )
        assert [s.group for s in results.released] == [SafetyGroup("data")]
        assert results.result(SafetyGroup("data", "remote")) == Withheld(
            survey="q4",
            group=SafetyGroup("data", "remote"),
            reason=WithheldReason.SAME_AS,
            because_of=SafetyGroup("data"),
            k=5,
        )
        flipped = pulse_results(
            SURVEY, responses, [SafetyGroup(label="remote"), SafetyGroup("data")]
        )
        assert flipped.result(SafetyGroup("data")).because_of == SafetyGroup(label="remote")

    def test_unlabelled_groups_with_the_same_people_are_both_shown(self):
        """Everyone and the one team that answered say the same, and both are shown."""
        results = pulse_results(SURVEY, [response("data")] * 6)
        assert [s.group for s in results.released] == [EVERYONE, SafetyGroup("data")]

    def test_three_results_cannot_single_out_two(self):
        """Team t of 5 newcomers, 5 seniors and 2 unlabelled: t/senior would give the 2 away."""
        responses = (
            [response("t", (4,) * 7, ("newcomer",))] * 5
            + [response("t", (4,) * 7, ("senior",))] * 5
            + [response("t", (1,) * 7)] * 2
            + [response("u", (5,) * 7, ("newcomer",))] * 5
            + [response("u", (5,) * 7, ("senior",))] * 5
        )
        results = pulse_results(SURVEY, responses)
        assert [s.group.key for s in results.released] == [
            "*",
            "t",
            "u",
            "t/newcomer",
            "u/newcomer",
            "u/senior",
            "*/newcomer",
        ]
        for key in ("t/senior", "*/senior"):
            withheld = results.result(_group(key))
            assert (withheld.reason, withheld.because_of) == (
                WithheldReason.WOULD_REVEAL,
                SafetyGroup("t"),
            )

    def test_everyone_minus_two_labels(self):
        """Everyone minus the newcomers minus the seniors would be the 2 unlabelled people."""
        responses = (
            [response("t", groups=("newcomer",))] * 10
            + [response("u", groups=("senior",))] * 10
            + [response("t")] * 2
        )
        order = [EVERYONE, SafetyGroup(label="newcomer"), SafetyGroup(label="senior")]
        results = pulse_results(SURVEY, responses, order)
        assert [s.group for s in results.released] == order[:2]
        assert results.result(order[2]) == Withheld(
            survey="q4",
            group=order[2],
            reason=WithheldReason.WOULD_REVEAL,
            because_of=EVERYONE,
            k=5,
        )

    def test_an_atom_only_in_the_refused_group(self):
        """Remote people outside data: 3 of them, cut out of */remote by the released data."""
        responses = [response("data", groups=("remote",))] * 6 + [
            response("salg", groups=("remote",))
        ] * 3
        order = [SafetyGroup("data"), SafetyGroup(label="remote")]
        results = pulse_results(SURVEY, responses, order)
        assert results.result(order[1]).because_of == SafetyGroup("data")

    def test_broad_group_wins_by_priority(self):
        """Everyone comes first, so a team that is everyone but 2 people is withheld."""
        responses = [response("data")] * 8 + [response("salg")] * 2
        results = pulse_results(SURVEY, responses)
        assert [s.group for s in results.released] == [EVERYONE]
        assert results.result(SafetyGroup("data")) == Withheld(
            survey="q4",
            group=SafetyGroup("data"),
            reason=WithheldReason.WOULD_REVEAL,
            because_of=EVERYONE,
            k=5,
        )

    def test_teams_cannot_be_subtracted_from_everyone(self):
        """Everyone and two teams of 6 are shown; the third team of 6 would leave 3 uncovered."""
        responses = (
            [response("data")] * 6
            + [response("platform")] * 6
            + [response("salg")] * 6
            + [response("stab")] * 3
        )
        results = pulse_results(SURVEY, responses)
        assert [s.group for s in results.released] == [
            EVERYONE,
            SafetyGroup("data"),
            SafetyGroup("platform"),
        ]
        assert results.result(SafetyGroup("salg")) == Withheld(
            survey="q4",
            group=SafetyGroup("salg"),
            reason=WithheldReason.WOULD_REVEAL,
            because_of=EVERYONE,
            k=5,
        )
        later = pulse_results(
            SURVEY,
            responses,
            [SafetyGroup("data"), SafetyGroup("platform"), SafetyGroup("salg"), EVERYONE],
        )
        assert later.result(EVERYONE) == Withheld(
            survey="q4",
            group=EVERYONE,
            reason=WithheldReason.WOULD_REVEAL,
            because_of=SafetyGroup("data"),
            k=5,
        )

    def test_higher_k_than_promised(self):
        """A caller may use a higher threshold than the survey's, never a lower one."""
        responses = [response("data")] * 6
        assert pulse_results(SURVEY, responses, k=7).released == ()
        with pytest.raises(InvalidDataError) as raised:
            pulse_results(SURVEY, responses, k=4)
        assert raised.value.problems[0].path == "k"


class TestDefaultGroups:
    def test_order(self):
        """Everyone, teams by id, every team with every label, then labels across teams."""
        responses = [response("salg", groups=("remote",)), response("data", groups=("newcomer",))]
        assert default_groups(responses) == (
            EVERYONE,
            SafetyGroup("data"),
            SafetyGroup("salg"),
            SafetyGroup("data", "newcomer"),
            SafetyGroup("data", "remote"),
            SafetyGroup("salg", "newcomer"),
            SafetyGroup("salg", "remote"),
            SafetyGroup(label="newcomer"),
            SafetyGroup(label="remote"),
        )

    def test_no_responses(self):
        """Without responses only everyone is asked about, and withheld as too few."""
        results = pulse_results(SURVEY, [])
        assert results == PulseResults(
            survey="q4",
            k=5,
            withheld=(Withheld(survey="q4", group=EVERYONE, reason=WithheldReason.TOO_FEW, k=5),),
        )


class TestBadInput:
    def test_every_problem_at_once(self):
        """Unanswered, out of range, another survey, bad k and duplicate groups are all listed."""
        bad = [
            response("data"),
            response("data", answers=(None, 4, 4, 4, 4, 8, 4)),
            SafetyResponse(survey="q3", team="data", submitted_on=NOV.first, answers=(4,) * 7),
            "not a response",
        ]
        with pytest.raises(InvalidDataError) as raised:
            pulse_results(SURVEY, bad, [EVERYONE, EVERYONE, "x"], k=True)  # type: ignore[list-item]
        assert [(p.path, p.value) for p in raised.value.problems] == [
            ("k", True),
            ("responses[1].answers[0]", None),
            ("responses[1].answers[5]", 8),
            ("responses[2].survey", "q3"),
            ("responses[3]", "not a response"),
            ("groups[2]", "x"),
            ("groups[1]", "*"),
        ]

    def test_not_a_collection(self):
        """A single response instead of a collection is refused by name."""
        with pytest.raises(InvalidDataError) as raised:
            pulse_results(SURVEY, response("data"))  # type: ignore[arg-type]
        assert raised.value.problems[0].path == "responses"

    def test_not_a_survey(self):
        """The survey must be a SafetySurvey."""
        with pytest.raises(InvalidDataError):
            pulse_results("q4", [])  # type: ignore[arg-type]

    def test_result_of_unknown_group(self):
        """Asking for a group that was not asked about names it."""
        with pytest.raises(UnknownIdError) as raised:
            pulse_results(SURVEY, []).result(SafetyGroup("data", "remote"))
        assert raised.value.id == "data/remote"
        with pytest.raises(UnknownIdError) as raised:
            pulse_results(SURVEY, []).result("t")  # type: ignore[arg-type]
        assert str(raised.value) == "unknown safety group id 't'"
