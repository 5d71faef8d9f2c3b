"""Incident metrics: durations, review coverage, action items, repeats and near misses."""

from __future__ import annotations

import datetime as dt
import math
import random
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit.exceptions import InvalidDataError
from learnkit.i18n import translate
from learnkit.incidents import (
    DEFAULT_SEVERITY_SCALE,
    ActionItem,
    ActionStatus,
    ActionType,
    ContributingFactor,
    FactorCategory,
    FactorRole,
    Incident,
    IncidentKind,
    IncidentLink,
    IncidentReview,
    LinkKind,
    Milestones,
    ReviewStatus,
)
from learnkit.incidents._metrics import (
    DurationMetric,
    DurationSummary,
    NearMissShare,
    duration_summaries,
    duration_summary,
    incident_duration,
    near_miss_share,
    near_miss_trend,
    nearest_rank,
)
from learnkit.incidents._metrics_reviews import (
    ActionItemRef,
    ActionItemStats,
    ReviewCoverage,
    action_item_stats,
    review_coverage,
)
from learnkit.incidents._repeats import (
    IncidentRepeat,
    RepeatKind,
    RepeatReport,
    repeat_incidents,
)
from learnkit.serialize import from_json, to_json
from learnkit.time import Calendar, Holiday, Period

D = dt.date
CPH = ZoneInfo("Europe/Copenhagen")
T0 = dt.datetime(2026, 11, 2, 9, 0, tzinfo=CPH)  # a Monday
WEEK = Calendar()


def at(minutes: float) -> dt.datetime:
    """``minutes`` after T0."""
    return T0 + dt.timedelta(minutes=minutes)


def incident(
    id: str,
    *,
    severity: str = "sev2",
    team: str = "platform",
    kind: IncidentKind = IncidentKind.INCIDENT,
    reported_at: dt.datetime = T0,
    links: tuple[IncidentLink, ...] = (),
    **milestones: dt.datetime | None,
) -> Incident:
    """A small incident with the given milestones."""
    return Incident(
        id=id,
        kind=kind,
        title=f"Hændelse {id}",
        summary="",
        severity=severity,
        team=team,
        reported_at=reported_at,
        milestones=Milestones(**milestones),
        links=links,
    )


def review(
    id: str,
    incident_id: str,
    *,
    status: ReviewStatus = ReviewStatus.PUBLISHED,
    published_at: dt.datetime | None = None,
    factors: tuple[ContributingFactor, ...] = (),
    items: tuple[ActionItem, ...] = (),
) -> IncidentReview:
    """A review; published ones default to publication at T0."""
    if published_at is None and status in (ReviewStatus.PUBLISHED, ReviewStatus.CLOSED):
        published_at = T0
    return IncidentReview(
        id=id,
        incident=incident_id,
        author="p01",
        status=status,
        published_at=published_at,
        factors=factors,
        action_items=items,
        reason="Ikke nødvendig" if status is ReviewStatus.SKIPPED else "",
    )


def factor(
    id: str, category: FactorCategory, role: FactorRole = FactorRole.CONTRIBUTING
) -> ContributingFactor:
    """A factor of ``category``."""
    return ContributingFactor(id=id, category=category, role=role, description="Noget i systemet")


def item(id: str, status: ActionStatus, **fields: Any) -> ActionItem:
    """An action item created 1 November 2026; committed ones are owned and due 20 November."""
    if status.is_committed:
        fields = {"owner": "p02", "due": D(2026, 11, 20), "type": ActionType.DETECT, **fields}
    if status in (ActionStatus.REJECTED, ActionStatus.WONT_DO):
        fields.setdefault("reason", "Dækket af en anden handling")
    fields.setdefault("created_on", D(2026, 11, 1))
    return ActionItem(id=id, title="Tilføj en alarm", status=status, **fields)


_CATEGORIES = tuple(FactorCategory)
_ROLES = tuple(FactorRole)


@st.composite
def lean_incidents(draw: st.DrawFn) -> Incident:
    """Cheap incidents: any kind, severity and team, milestones in order, maybe a link."""
    number = draw(st.integers(1, 20))
    start = at(draw(st.integers(0, 60 * 24 * 200)))
    offsets = sorted(draw(st.lists(st.integers(0, 3000), min_size=5, max_size=5)))
    present = draw(st.lists(st.booleans(), min_size=5, max_size=5))
    moments = [at(0) + (start - T0) + dt.timedelta(minutes=m) for m in offsets]
    names = ("started", "detected", "acknowledged", "mitigated", "resolved")
    linked = draw(st.none() | st.integers(1, 20).filter(lambda n: n != number))
    return incident(
        f"i{number}",
        kind=draw(st.sampled_from(IncidentKind)),
        severity=draw(st.sampled_from(("sev1", "sev2", "sev3", "sev4"))),
        team=draw(st.sampled_from(("platform", "data"))),
        reported_at=start,
        links=()
        if linked is None
        else (IncidentLink(kind=draw(st.sampled_from(LinkKind)), incident=f"i{linked}"),),
        **{
            name: moment for name, moment, keep in zip(names, moments, present, strict=True) if keep
        },
    )


@st.composite
def lean_reviews(draw: st.DrawFn) -> IncidentReview:
    """Cheap reviews of i1..i20 in any status, with factors and action items."""
    status = draw(st.sampled_from(ReviewStatus))
    published = None
    if status in (ReviewStatus.PUBLISHED, ReviewStatus.CLOSED) or draw(st.booleans()):
        published = at(draw(st.integers(0, 60 * 24 * 300)))
    if status is ReviewStatus.SKIPPED:
        published = None
    factors = tuple(
        factor(f"f{n}", draw(st.sampled_from(_CATEGORIES)), draw(st.sampled_from(_ROLES)))
        for n in range(draw(st.integers(0, 2)))
    )
    items = tuple(
        item(
            f"a{n}",
            item_status,
            **(
                {"done_on": D(2026, 11, 1) + dt.timedelta(days=draw(st.integers(0, 60)))}
                if item_status is ActionStatus.DONE
                else {}
            ),
            **(
                {"due": D(2026, 11, 1) + dt.timedelta(days=draw(st.integers(0, 60)))}
                if item_status.is_committed
                else {}
            ),
        )
        for n, item_status in enumerate(draw(st.lists(st.sampled_from(ActionStatus), max_size=3)))
    )
    return review(
        f"r{draw(st.integers(1, 20))}",
        f"i{draw(st.integers(1, 20))}",
        status=status,
        published_at=published,
        factors=factors,
        items=items,
    )


def roundtrip(value: object) -> None:
    """``value`` survives JSON."""
    assert from_json(to_json(value), type(value)) == value


class TestNearestRank:
    @pytest.mark.parametrize(
        ("values", "percent", "expected"),
        [
            ([5], 50, 5),
            ([5], 90, 5),
            ([1, 2, 3], 50, 2),
            ([4, 1, 3, 2], 50, 2),
            ([4, 1, 3, 2], 90, 4),
            (list(range(1, 11)), 90, 9),
            (list(range(1, 11)), 91, 10),
            (list(range(1, 21)), 90, 18),
            ([3, 1, 2], 100, 3),
            ([3, 1, 2], 1, 1),
        ],
    )
    def test_known_values(self, values: list[int], percent: int, expected: int) -> None:
        """The nearest-rank percentile of small lists, worked out by hand."""
        assert nearest_rank(values, percent) == expected

    @given(st.lists(st.integers(-1000, 1000), min_size=1, max_size=30), st.integers(1, 100))
    def test_matches_the_definition(self, values: list[int], percent: int) -> None:
        """It is the smallest value with at least ``percent`` % of the values at or below it."""
        brute = min(v for v in values if 100 * sum(x <= v for x in values) >= percent * len(values))
        assert nearest_rank(values, percent) == brute

    @given(st.lists(st.floats(0, 1e9), min_size=1, max_size=30))
    def test_ordered_and_a_member(self, values: list[float]) -> None:
        """min <= p50 <= p90 <= max, and both are values of the list."""
        p50, p90 = nearest_rank(values, 50), nearest_rank(values, 90)
        assert min(values) <= p50 <= p90 <= max(values)
        assert p50 in values
        assert p90 in values

    @pytest.mark.parametrize("percent", [0, 101, True, 50.0])
    def test_refuses_a_bad_percent(self, percent: Any) -> None:
        """The percent is a whole number from 1 to 100."""
        with pytest.raises(InvalidDataError, match="percent"):
            nearest_rank([1, 2], percent)

    def test_refuses_no_values(self) -> None:
        """There is no percentile of nothing."""
        with pytest.raises(InvalidDataError, match="values"):
            nearest_rank([], 50)


class TestIncidentDuration:
    FULL = incident(
        "i1",
        started=at(0),
        detected=at(10),
        acknowledged=at(15),
        mitigated=at(40),
        resolved=at(100),
    )

    @pytest.mark.parametrize(
        ("metric", "minutes"),
        [
            (DurationMetric.TIME_TO_DETECT, 10),
            (DurationMetric.TIME_TO_ACKNOWLEDGE, 5),
            (DurationMetric.TIME_TO_MITIGATE, 30),
            (DurationMetric.TIME_TO_RESOLVE, 90),
            (DurationMetric.IMPACT_DURATION, 40),
        ],
    )
    def test_each_metric_between_its_milestones(self, metric: DurationMetric, minutes: int) -> None:
        """Each metric runs from its start milestone to its end milestone."""
        assert incident_duration(self.FULL, metric) == dt.timedelta(minutes=minutes)
        start = getattr(self.FULL.milestones, metric.start)
        end = getattr(self.FULL.milestones, metric.end)
        assert end - start == dt.timedelta(minutes=minutes)

    def test_missing_milestone_gives_none(self) -> None:
        """Without the end milestone there is no duration."""
        partial = incident("i2", started=at(0), detected=at(5))
        assert incident_duration(partial, DurationMetric.TIME_TO_DETECT) == dt.timedelta(minutes=5)
        assert incident_duration(partial, DurationMetric.TIME_TO_MITIGATE) is None
        assert incident_duration(partial, DurationMetric.IMPACT_DURATION) is None

    def test_real_elapsed_time_across_spring_forward(self) -> None:
        """01:30 to 03:30 on the night clocks spring forward is one hour, not two."""
        night = incident(
            "i3",
            started=dt.datetime(2026, 3, 29, 1, 30, tzinfo=CPH),
            detected=dt.datetime(2026, 3, 29, 3, 30, tzinfo=CPH),
        )
        assert incident_duration(night, DurationMetric.TIME_TO_DETECT) == dt.timedelta(hours=1)

    def test_refuses_wrong_types(self) -> None:
        """The incident and the metric are checked."""
        with pytest.raises(InvalidDataError, match="incident"):
            incident_duration("i1", DurationMetric.TIME_TO_DETECT)  # type: ignore[arg-type]
        with pytest.raises(InvalidDataError, match="metric"):
            incident_duration(self.FULL, "time_to_detect")  # type: ignore[arg-type]

    def test_names_and_texts(self) -> None:
        """Every metric has a start, an end and a name in both languages."""
        for metric in DurationMetric:
            assert metric.start in ("started", "detected")
            assert translate(metric.text_key, "da")
            assert translate(metric.text_key, "en")
        assert translate(DurationMetric.TIME_TO_DETECT.text_key, "da") == "Tid til opdagelse"


class TestDurationSummary:
    def test_median_and_p90_of_known_data(self) -> None:
        """Ten incidents detected after 1..10 minutes: median 5, p90 9 minutes."""
        many = [incident(f"i{n:02d}", started=at(0), detected=at(n)) for n in range(1, 11)]
        summary = duration_summary(many, DurationMetric.TIME_TO_DETECT)
        assert (summary.minimum, summary.median, summary.p90, summary.maximum) == (
            60.0,
            300.0,
            540.0,
            600.0,
        )
        assert summary.count == 10
        assert summary.as_timedelta("median") == dt.timedelta(minutes=5)

    def test_one_incident_is_its_own_duration(self) -> None:
        """A single incident is reported as itself: every figure is its duration."""
        summary = duration_summary(
            [incident("i1", started=at(0), detected=at(7))], DurationMetric.TIME_TO_DETECT
        )
        assert {summary.minimum, summary.median, summary.p90, summary.maximum} == {420.0}

    def test_incidents_missing_a_milestone_are_left_out_and_listed(self) -> None:
        """Incidents without the milestones are counted in ``missing``, not in the figures."""
        summary = duration_summary(
            [
                incident("i2", started=at(0), detected=at(3)),
                incident("i1", detected=at(3)),
                incident("i3"),
            ],
            DurationMetric.TIME_TO_DETECT,
        )
        assert summary.counted == ("i2",)
        assert summary.missing == ("i1", "i3")
        assert summary.median == 180.0

    def test_nothing_counted_gives_no_figures(self) -> None:
        """With no incident counted every figure is None."""
        summary = duration_summary([incident("i1")], DurationMetric.TIME_TO_RESOLVE)
        assert summary.count == 0
        assert summary.median is None
        assert summary.as_timedelta("p90") is None

    def test_all_metrics(self) -> None:
        """duration_summaries gives one summary per metric, in enum order."""
        found = duration_summaries([TestIncidentDuration.FULL])
        assert [s.metric for s in found] == list(DurationMetric)
        assert [s.median for s in found] == [600.0, 300.0, 1800.0, 5400.0, 2400.0]

    @settings(max_examples=30)
    @given(st.lists(lean_incidents(), max_size=8, unique_by=lambda i: i.id))
    def test_properties(self, many: list[Incident]) -> None:
        """Non-negative, ordered, every incident counted or missing, independent of order."""
        for metric in DurationMetric:
            summary = duration_summary(many, metric)
            assert set(summary.counted) | set(summary.missing) == {i.id for i in many}
            seconds = [
                d.total_seconds()
                for d in (incident_duration(i, metric) for i in many)
                if d is not None
            ]
            if seconds:
                assert summary.minimum is not None
                assert summary.median is not None
                assert summary.p90 is not None
                assert 0 <= summary.minimum <= summary.median <= summary.p90
                assert summary.median in seconds
                assert summary.p90 in seconds
            shuffled = list(many)
            random.Random(len(many)).shuffle(shuffled)
            assert duration_summary(reversed(shuffled), metric) == summary
            roundtrip(summary)

    def test_refuses_repeated_ids_and_strangers(self) -> None:
        """Every bad item is named at once."""
        with pytest.raises(InvalidDataError) as caught:
            duration_summary(
                [incident("i1"), incident("i1"), "i2"],  # type: ignore[list-item]
                DurationMetric.TIME_TO_DETECT,
            )
        assert [p.path for p in caught.value.problems] == ["incidents[2]", "incidents[id=i1].id"]
        with pytest.raises(InvalidDataError, match="collection"):
            duration_summary("i1", DurationMetric.TIME_TO_DETECT)  # type: ignore[arg-type]
        with pytest.raises(InvalidDataError, match="metric"):
            duration_summary([], "x")  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("fields", "path"),
        [
            ({"counted": ["a"], "missing": ["a"]}, "missing"),
            ({"counted": ["a", "a"], "minimum": 1, "median": 1, "p90": 1, "maximum": 1}, "counted"),
            ({"median": 1.0}, "median"),
            ({"counted": ["a"], "minimum": 1.0}, "median"),
            ({"counted": ["a"], "minimum": 3, "median": 2, "p90": 4, "maximum": 5}, "median"),
            ({"counted": ["a"], "minimum": -1, "median": 2, "p90": 4, "maximum": 5}, "minimum"),
        ],
    )
    def test_invariants(self, fields: dict[str, Any], path: str) -> None:
        """A summary that cannot come from data is refused."""
        with pytest.raises(InvalidDataError) as caught:
            DurationSummary(metric=DurationMetric.TIME_TO_DETECT, **fields)
        assert path in [p.path for p in caught.value.problems]

    def test_as_timedelta_refuses_an_unknown_figure(self) -> None:
        """Only the four figures can be asked for."""
        summary = DurationSummary(metric=DurationMetric.TIME_TO_DETECT)
        with pytest.raises(InvalidDataError, match="figure"):
            summary.as_timedelta("mean")


class TestNearMisses:
    Q4 = Period(D(2026, 10, 1), D(2026, 12, 31))

    def reports(self) -> list[Incident]:
        """Two near misses and two incidents in Q4, one near miss in Q3."""
        return [
            incident("n1", kind=IncidentKind.NEAR_MISS, reported_at=at(0)),
            incident("n2", kind=IncidentKind.NEAR_MISS, reported_at=at(60 * 24 * 20)),
            incident("i1", reported_at=at(0)),
            incident("i2", kind=IncidentKind.MISTAKE, reported_at=at(60)),
            incident(
                "n0",
                kind=IncidentKind.NEAR_MISS,
                reported_at=dt.datetime(2026, 8, 1, 12, tzinfo=CPH),
            ),
        ]

    def test_share(self) -> None:
        """Two of four reports in Q4 are near misses."""
        share = near_miss_share(self.reports(), self.Q4)
        assert share.reported == ("i1", "i2", "n1", "n2")
        assert share.near_misses == ("n1", "n2")
        assert share.share == 0.5
        roundtrip(share)

    def test_local_date_decides_the_period(self) -> None:
        """00:30 on 1 October in Copenhagen is in Q4, although it is 30 September in UTC."""
        early = incident(
            "n9",
            kind=IncidentKind.NEAR_MISS,
            reported_at=dt.datetime(2026, 10, 1, 0, 30, tzinfo=CPH),
        )
        assert near_miss_share([early], self.Q4).near_misses == ("n9",)

    def test_no_reports_no_share(self) -> None:
        """An empty period has no share, not zero."""
        assert near_miss_share([], self.Q4).share is None

    def test_trend_oldest_first(self) -> None:
        """The trend ends with the period asked for; earlier periods come first."""
        trend = near_miss_trend(self.reports(), self.Q4, periods=2)
        assert [s.period for s in trend] == [self.Q4.previous(), self.Q4]
        assert [s.share for s in trend] == [1.0, 0.5]
        assert len(near_miss_trend([], self.Q4)) == 4

    def test_refusals(self) -> None:
        """Bad periods and counts are refused; a near miss must be among the reported."""
        with pytest.raises(InvalidDataError, match="period"):
            near_miss_share([], "Q4")  # type: ignore[arg-type]
        with pytest.raises(InvalidDataError, match="periods"):
            near_miss_trend([], self.Q4, periods=0)
        with pytest.raises(InvalidDataError, match="near_misses"):
            NearMissShare(period=self.Q4, reported=["a"], near_misses=["b"])


# --- reviews ------------------------------------------------------------------------

FRIDAY = dt.datetime(2026, 11, 6, 16, 0, tzinfo=CPH)


class TestReviewCoverage:
    def test_sev1_deadline_is_three_calendar_days(self) -> None:
        """Resolved on a Friday: a sev1 review is on time on Monday, late on Tuesday."""
        sev1 = incident("i1", severity="sev1", resolved=FRIDAY)
        on_monday = review("r1", "i1", published_at=FRIDAY + dt.timedelta(days=3))
        on_tuesday = review("r1", "i1", published_at=FRIDAY + dt.timedelta(days=4))
        monday = review_coverage([sev1], [on_monday], as_of=D(2026, 12, 1), calendar=WEEK)
        assert monday.on_time == ("i1",)
        tuesday = review_coverage([sev1], [on_tuesday], as_of=D(2026, 12, 1), calendar=WEEK)
        assert tuesday.late == ("i1",)
        assert tuesday.coverage == 1.0
        assert tuesday.on_time_rate == 0.0

    def test_sev2_deadline_is_five_working_days(self) -> None:
        """Resolved on a Friday with a holiday the next Wednesday: due the Monday after."""
        calendar = Calendar(holidays=[Holiday(D(2026, 11, 11), "Firmadag")])
        sev2 = incident("i2", severity="sev2", resolved=FRIDAY)
        due_day = dt.datetime(2026, 11, 16, 15, tzinfo=CPH)
        on_time = review("r2", "i2", published_at=due_day)
        late = review("r2", "i2", published_at=due_day + dt.timedelta(days=1))
        found = review_coverage([sev2], [on_time], as_of=D(2026, 12, 1), calendar=calendar)
        assert found.on_time == ("i2",)
        found = review_coverage([sev2], [late], as_of=D(2026, 12, 1), calendar=calendar)
        assert found.late == ("i2",)

    def test_overdue_pending_and_optional(self) -> None:
        """Unreviewed: overdue past the deadline, else pending; sev3 needs no review."""
        found = review_coverage(
            [
                incident("i1", severity="sev1", resolved=FRIDAY),
                incident("i2", severity="sev2", resolved=FRIDAY),
                incident("i3", severity="sev2"),
                incident("i4", severity="sev3", resolved=FRIDAY),
            ],
            [],
            as_of=D(2026, 11, 10),
            calendar=WEEK,
        )
        assert found.required == ("i1", "i2", "i3")
        assert found.overdue == ("i1",)
        assert found.pending == ("i2", "i3")
        assert found.coverage == 0.0
        assert found.on_time_rate is None
        roundtrip(found)

    def test_what_counts_as_reviewed(self) -> None:
        """First publication counts (also when amended later); skipped and future ones do not."""
        incidents = [incident(f"i{n}", severity="sev1", resolved=FRIDAY) for n in range(1, 5)]
        reviews = [
            review("r1", "i1", status=ReviewStatus.IN_REVIEW, published_at=FRIDAY),
            review("r2", "i2", status=ReviewStatus.CLOSED, published_at=FRIDAY),
            review("r3", "i3", published_at=dt.datetime(2027, 1, 1, tzinfo=CPH)),
            review("r4", "i4", status=ReviewStatus.SKIPPED),
            review("r5", "i9"),
            review("r6", "i2", published_at=FRIDAY + dt.timedelta(days=9)),
        ]
        found = review_coverage(incidents, reviews, as_of=D(2026, 12, 1), calendar=WEEK)
        assert found.reviewed == ("i1", "i2")
        assert found.on_time == ("i1", "i2")
        assert found.overdue == ("i3", "i4")

    def test_nothing_required(self) -> None:
        """Without required reviews there is no coverage figure."""
        found = review_coverage(
            [incident("i1", severity="sev4")], [], as_of=D(2026, 12, 1), calendar=WEEK
        )
        assert found.required == ()
        assert found.coverage is None

    def test_refusals(self) -> None:
        """Unknown levels are named by incident; wrong types are refused."""
        with pytest.raises(InvalidDataError) as caught:
            review_coverage(
                [incident("i1", severity="p1"), incident("i2", severity="p2")],
                [],
                as_of=D(2026, 12, 1),
                calendar=WEEK,
            )
        assert [p.path for p in caught.value.problems] == [
            "incidents[id=i1].severity",
            "incidents[id=i2].severity",
        ]
        with pytest.raises(InvalidDataError, match="reviews"):
            review_coverage([], ["r1"], as_of=D(2026, 12, 1), calendar=WEEK)  # type: ignore[list-item]
        with pytest.raises(InvalidDataError, match="calendar"):
            review_coverage([], [], as_of=D(2026, 12, 1), calendar=None)  # type: ignore[arg-type]
        with pytest.raises(InvalidDataError, match="scale"):
            review_coverage([], [], as_of=D(2026, 12, 1), calendar=WEEK, scale=[])  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("fields", "path"),
        [
            ({"required": ["a"]}, "required"),
            ({"reviewed": ["a"], "on_time": ["a"]}, "required"),
            ({"required": ["a"], "reviewed": ["a"], "pending": ["a"], "on_time": ["a"]}, "pending"),
            ({"required": ["a"], "overdue": ["a"], "late": ["a"]}, "reviewed"),
            ({"required": ["a", "a"], "pending": ["a", "a"]}, "required"),
        ],
    )
    def test_invariants(self, fields: dict[str, Any], path: str) -> None:
        """The lists must partition as documented."""
        with pytest.raises(InvalidDataError) as caught:
            ReviewCoverage(as_of=D(2026, 1, 1), **fields)
        assert path in [p.path for p in caught.value.problems]

    @settings(max_examples=25)
    @given(
        st.lists(lean_incidents(), max_size=6, unique_by=lambda i: i.id),
        st.lists(lean_reviews(), max_size=6),
        st.dates(D(2026, 10, 1), D(2027, 3, 1)),
    )
    def test_partitions_and_order(
        self, incidents: list[Incident], reviews: list[IncidentReview], as_of: dt.date
    ) -> None:
        """Every required incident is reviewed, overdue or pending; order does not matter."""
        found = review_coverage(incidents, reviews, as_of=as_of, calendar=WEEK)
        required = {
            i.id for i in incidents if DEFAULT_SEVERITY_SCALE.level(i.severity).review_required
        }
        assert set(found.required) == required
        again = review_coverage(reversed(incidents), reversed(reviews), as_of=as_of, calendar=WEEK)
        assert again == found
        for rate in (found.coverage, found.on_time_rate):
            assert rate is None or 0 <= rate <= 1


# --- action items -------------------------------------------------------------------


class TestActionItemStats:
    def test_known_items(self) -> None:
        """Committed items are counted; proposals and rejections are not."""
        reviews = [
            review(
                "r1",
                "i1",
                items=(
                    item("a1", ActionStatus.DONE, done_on=D(2026, 11, 15)),
                    item("a2", ActionStatus.DONE, done_on=D(2026, 11, 25)),
                    item("a3", ActionStatus.OPEN),
                    item("a4", ActionStatus.PROPOSED),
                    item("a5", ActionStatus.REJECTED),
                ),
            ),
            review(
                "r2",
                "i2",
                items=(
                    item("a1", ActionStatus.IN_PROGRESS, due=D(2026, 12, 24)),
                    item("a2", ActionStatus.WONT_DO),
                    item("a3", ActionStatus.OPEN, created_on=D(2026, 12, 24), due=D(2026, 12, 31)),
                ),
            ),
        ]
        stats = action_item_stats(reviews, as_of=D(2026, 12, 1))
        r1a3, r2a1 = ActionItemRef("r1", "a3"), ActionItemRef("r2", "a1")
        assert stats.committed == (
            ActionItemRef("r1", "a1"),
            ActionItemRef("r1", "a2"),
            r1a3,
            r2a1,
            ActionItemRef("r2", "a2"),
        )
        assert stats.done == (ActionItemRef("r1", "a1"), ActionItemRef("r1", "a2"))
        assert stats.on_time == (ActionItemRef("r1", "a1"),)
        assert stats.active == (r1a3, r2a1)
        assert stats.overdue == (r1a3,)
        assert stats.wont_do == (ActionItemRef("r2", "a2"),)
        assert stats.completion_rate == 2 / 5
        assert stats.on_time_rate == 0.5
        assert (stats.median_age, stats.p90_age, stats.oldest_age) == (30, 30, 30)
        assert str(r1a3) == "r1/a3"
        roundtrip(stats)

    def test_nothing_committed(self) -> None:
        """No commitments: no rates and no ages."""
        stats = action_item_stats([review("r1", "i1")], as_of=D(2026, 12, 1))
        assert stats.completion_rate is None
        assert stats.on_time_rate is None
        assert stats.median_age is None

    def test_refusals(self) -> None:
        """Repeated reviews and bad dates are refused."""
        with pytest.raises(InvalidDataError, match="listed twice"):
            action_item_stats([review("r1", "i1"), review("r1", "i2")], as_of=D(2026, 12, 1))
        with pytest.raises(InvalidDataError, match="as_of"):
            action_item_stats([], as_of="2026-12-01")  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("fields", "path"),
        [
            ({"done": [ActionItemRef("r", "a")]}, "committed"),
            ({"on_time": [ActionItemRef("r", "a")]}, "on_time"),
            ({"overdue": [ActionItemRef("r", "a")]}, "overdue"),
            (
                {"committed": [ActionItemRef("r", "a")], "active": [ActionItemRef("r", "a")]},
                "median_age",
            ),
            ({"median_age": 3}, "median_age"),
            (
                {
                    "committed": [ActionItemRef("r", "a")],
                    "active": [ActionItemRef("r", "a")],
                    "median_age": 5,
                    "p90_age": 4,
                    "oldest_age": 6,
                },
                "median_age",
            ),
        ],
    )
    def test_invariants(self, fields: dict[str, Any], path: str) -> None:
        """The lists and ages must fit together as documented."""
        with pytest.raises(InvalidDataError) as caught:
            ActionItemStats(as_of=D(2026, 1, 1), **fields)
        assert path in [p.path for p in caught.value.problems]

    @settings(max_examples=25)
    @given(
        st.lists(lean_reviews(), max_size=5, unique_by=lambda r: r.id),
        st.dates(D(2026, 10, 1), D(2027, 3, 1)),
    )
    def test_properties(self, reviews: list[IncidentReview], as_of: dt.date) -> None:
        """Rates within 0..1, ages ordered and non-negative, independent of order."""
        stats = action_item_stats(reviews, as_of=as_of)
        for rate in (stats.completion_rate, stats.on_time_rate):
            assert rate is None or 0 <= rate <= 1
        if stats.active:
            assert stats.median_age is not None
            assert stats.oldest_age is not None
            assert 0 <= stats.median_age <= stats.oldest_age
        assert action_item_stats(reversed(reviews), as_of=as_of) == stats


# --- repeats ------------------------------------------------------------------------


class TestRepeats:
    def test_recurrence_link(self) -> None:
        """A recurrence link makes a repeat, even when the earlier incident is not given."""
        later = incident("i2", links=(IncidentLink(kind=LinkKind.RECURRENCE_OF, incident="i0"),))
        related = incident("i3", links=(IncidentLink(kind=LinkKind.RELATED, incident="i2"),))
        report = repeat_incidents([later, related])
        assert report.repeats == (
            IncidentRepeat(incident="i2", earlier="i0", kind=RepeatKind.RECURRENCE_LINK),
        )
        assert report.repeated == ("i2",)
        assert report.repeat_rate == 0.5

    def test_same_team_and_category_within_the_window(self) -> None:
        """Same team, 30 days apart, both with a tooling factor: a repeat; other pairs are not."""
        first = incident("i1", reported_at=at(0))
        again = incident("i2", reported_at=at(60 * 24 * 30))
        elsewhere = incident("i3", team="data", reported_at=at(60 * 24 * 31))
        much_later = incident("i4", reported_at=at(60 * 24 * 200))
        reviews = [
            review("r1", "i1", factors=(factor("f1", FactorCategory.TOOLING),)),
            review(
                "r2",
                "i2",
                factors=(
                    factor("f1", FactorCategory.TOOLING, FactorRole.TRIGGER),
                    factor("f2", FactorCategory.DETECTION),
                ),
            ),
            review("r3", "i3", factors=(factor("f1", FactorCategory.TOOLING),)),
            review("r4", "i4", factors=(factor("f1", FactorCategory.TOOLING),)),
        ]
        report = repeat_incidents([much_later, elsewhere, again, first], reviews)
        assert report.repeats == (
            IncidentRepeat(
                incident="i2",
                earlier="i1",
                kind=RepeatKind.SAME_FACTOR_CATEGORY,
                categories=(FactorCategory.TOOLING,),
            ),
        )
        wide = repeat_incidents([much_later, first, again], reviews, window_days=365)
        assert [(r.incident, r.earlier) for r in wide.repeats] == [
            ("i2", "i1"),
            ("i4", "i1"),
            ("i4", "i2"),
        ]
        roundtrip(report)
        assert translate(RepeatKind.SAME_FACTOR_CATEGORY.text_key, "da")

    def test_mitigating_factors_and_skipped_reviews_do_not_count(self) -> None:
        """A shared mitigating factor, or one in a skipped review, is no repeat."""
        reviews = [
            review("r1", "i1", factors=(factor("f1", FactorCategory.TOOLING),)),
            review(
                "r2", "i2", factors=(factor("f1", FactorCategory.TOOLING, FactorRole.MITIGATING),)
            ),
            review("r3", "i3", status=ReviewStatus.SKIPPED),
        ]
        found = repeat_incidents(
            [incident("i1"), incident("i2", reported_at=at(1)), incident("i3", reported_at=at(2))],
            reviews,
        )
        assert found.repeats == ()
        assert repeat_incidents([]).repeat_rate is None

    def test_ties_broken_by_id(self) -> None:
        """Reported at the same moment, the lower id is the earlier one."""
        reviews = [
            review(f"r{n}", f"i{n}", factors=(factor("f", FactorCategory.PROCESS),)) for n in (1, 2)
        ]
        found = repeat_incidents([incident("i2"), incident("i1")], reviews)
        assert [(r.incident, r.earlier) for r in found.repeats] == [("i2", "i1")]

    def test_refusals(self) -> None:
        """Bad windows, and repeats that cannot be, are refused."""
        with pytest.raises(InvalidDataError, match="window_days"):
            repeat_incidents([], window_days=-1)
        with pytest.raises(InvalidDataError, match="earlier"):
            IncidentRepeat(incident="i1", earlier="i1", kind=RepeatKind.RECURRENCE_LINK)
        with pytest.raises(InvalidDataError, match="categories"):
            IncidentRepeat(incident="i2", earlier="i1", kind=RepeatKind.SAME_FACTOR_CATEGORY)
        with pytest.raises(InvalidDataError, match="categories"):
            IncidentRepeat(
                incident="i2",
                earlier="i1",
                kind=RepeatKind.RECURRENCE_LINK,
                categories=(FactorCategory.TOOLING,),
            )
        with pytest.raises(InvalidDataError, match="twice"):
            IncidentRepeat(
                incident="i2",
                earlier="i1",
                kind=RepeatKind.SAME_FACTOR_CATEGORY,
                categories=(FactorCategory.TOOLING, FactorCategory.TOOLING),
            )
        repeat = IncidentRepeat(incident="i2", earlier="i1", kind=RepeatKind.RECURRENCE_LINK)
        with pytest.raises(InvalidDataError) as caught:
            RepeatReport(window_days=90, incidents=["i1", "i1"], repeats=[repeat, repeat])
        assert len(caught.value.problems) == 3

    @settings(max_examples=25)
    @given(
        st.lists(lean_incidents(), max_size=6, unique_by=lambda i: i.id),
        st.lists(lean_reviews(), max_size=6, unique_by=lambda r: r.id),
    )
    def test_order_independent(
        self, incidents: list[Incident], reviews: list[IncidentReview]
    ) -> None:
        """The same report whatever order the records come in; later never before earlier."""
        report = repeat_incidents(incidents, reviews)
        assert repeat_incidents(reversed(incidents), reversed(reviews)) == report
        by_id = {i.id: i for i in incidents}
        for repeat in report.repeats:
            if repeat.kind is RepeatKind.SAME_FACTOR_CATEGORY:
                assert by_id[repeat.earlier].reported_at <= by_id[repeat.incident].reported_at
        assert report.repeat_rate is None or 0 <= report.repeat_rate <= 1
        assert math.isfinite(report.repeat_rate or 0.0)
        assert attrs.has(type(report))
