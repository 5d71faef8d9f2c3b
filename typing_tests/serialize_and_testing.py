"""Serialization, strategies and the example organisation as users write them; never run."""

from __future__ import annotations

import datetime as dt
from typing import Any, assert_type

from hypothesis import given
from hypothesis.strategies import SearchStrategy

from learnkit import InvalidDataError, Person, Roster
from learnkit.examples import EXAMPLE_AS_OF, ExampleOrganisation, example_organisation
from learnkit.serialize import SCHEMA_VERSION, from_dict, from_json, migrate, to_dict, to_json
from learnkit.strategies import aware_datetimes, people, rosters


def round_trip(roster: Roster) -> Roster:
    text: str = to_json(roster, indent=2)
    document: dict[str, Any] = to_dict(roster)
    assert_type(from_dict(document, Roster), Roster)
    return from_json(text, Roster)


def read_untrusted(raw: bytes) -> Person | list[str]:
    try:
        return from_json(raw, Person)
    except InvalidDataError as error:
        return [problem.path for problem in error.problems]


def upgrade(document: dict[str, Any]) -> dict[str, Any]:
    version: int = SCHEMA_VERSION
    return migrate(document, target=version)


small_rosters: SearchStrategy[Roster] = rosters(min_size=2, max_size=5)
anyone: SearchStrategy[Person] = people()
moments: SearchStrategy[dt.datetime] = aware_datetimes()


@given(small_rosters)
def property_round_trip(roster: Roster) -> None:
    assert round_trip(roster) == roster


organisation: ExampleOrganisation = example_organisation(seed=7, as_of=EXAMPLE_AS_OF)
headcount: int = len(organisation.roster)
to_json(organisation.roster, indent="2")  # type: ignore[arg-type]
from_json(42, Roster)  # type: ignore[arg-type]
