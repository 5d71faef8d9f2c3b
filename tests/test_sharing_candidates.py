"""Tests for the presenter rotation's fast path: who can present on a day, by lookup."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit.people import Person, Roster, Team
from learnkit.sharing import Absence
from learnkit.sharing._rotation import _absences_by_person, _Pool
from learnkit.strategies._foundation import rosters
from learnkit.time import Period

DAYS = st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31))


def pool_for(
    roster: Roster, absences: list[Absence], newcomer_days: int, volunteers: frozenset[str]
) -> _Pool:
    """The rotation's pool for ``roster``, as plan() builds it."""
    ids = sorted(person.id for person in roster)
    return _Pool(
        people={person: roster.person(person) for person in ids},
        absences=_absences_by_person(absences),
        newcomer_days=newcomer_days,
        volunteers=volunteers,
        rank={person: index for index, person in enumerate(ids)},
    )


class TestCandidates:
    @settings(max_examples=30)
    @given(
        rosters(min_size=1, max_size=8, start_dates=DAYS),
        st.data(),
        st.lists(DAYS, min_size=1, max_size=12, unique=True).map(sorted),
        st.integers(0, 120),
    )
    def test_same_as_asking_each_person(
        self, roster: Roster, data: st.DataObject, days: list[dt.date], newcomer_days: int
    ) -> None:
        """candidates(ids, day, away_on(days)[day]) is exactly who can_present that day."""
        ids = sorted(person.id for person in roster)
        absences = data.draw(
            st.lists(
                st.builds(
                    lambda person, first, length: Absence(
                        person=person, period=Period(first, first + dt.timedelta(days=length))
                    ),
                    st.sampled_from(ids),
                    DAYS,
                    st.integers(0, 60),
                ),
                max_size=8,
            )
        )
        volunteers = frozenset(data.draw(st.sets(st.sampled_from(ids))))
        pool = pool_for(roster, absences, newcomer_days, volunteers)
        away = pool.away_on(days)
        for day in days:
            expected = [person for person in ids if pool.can_present(person, day)]
            assert pool.candidates(ids, day, away.get(day, frozenset())) == expected

    def test_a_start_near_the_end_of_time(self) -> None:
        """A start date whose newcomer weeks end after date.max never makes a candidate."""
        late = Person(id="p1", name="Sen", team="t", start_date=dt.date(9999, 12, 1))
        roster = Roster(people=[late], teams=[Team(id="t", name="T")])
        pool = pool_for(roster, [], 56, frozenset())
        assert pool.earliest["p1"] == dt.date.max
        day = dt.date(9999, 12, 30)
        assert pool.candidates(["p1"], day, frozenset()) == []
        assert not pool.can_present("p1", day)
