"""When a team meets, so that a bot can offer the meeting's opening question in time."""

from __future__ import annotations

import attrs

from learnkit import _validate
from learnkit.reflection._prompts import MEETING_OPENERS
from learnkit.sharing import SessionSeries

__all__ = ["TeamMeeting"]


@attrs.frozen(kw_only=True)
class TeamMeeting:
    """A team's recurring meeting that opens with a reflection prompt.

    The schedule is a :class:`~learnkit.sharing.SessionSeries` (its rule, wall
    time, zone, calendar and exceptions), so meetings keep their local time
    across daylight-saving changes and skip or move off holidays like any
    other session; give it a user-defined format such as
    ``SessionFormat(id="team_meeting", minutes=45, name="Teammøde")``.

    Attributes:
        team: The team's id.
        series: When the team meets.
        deck: The id of the prompt deck its openers come from.
    """

    team: str = attrs.field(validator=_validate.identifier)
    series: SessionSeries = attrs.field(validator=_validate.instance_of(SessionSeries))
    deck: str = attrs.field(default=MEETING_OPENERS, validator=_validate.identifier)

    @property
    def id(self) -> str:
        """The series' id, which names the meeting."""
        return self.series.id
