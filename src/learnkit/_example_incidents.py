"""The example organisation's incidents and their blameless reviews.

:func:`build_incidents` gives *Fjordlys A/S* four things to learn from, as of
a date, the same for the same roster, date and seed:

* ``inc-betaling`` (platform, sev2): card payments failed for 34 minutes after
  a release; its review is **published**, with three contributing factors
  (a trigger, a contributing and a mitigating one), two learnings, action items
  in several states and the approval the level asks for;
* ``inc-backup`` (data, sev3): a **near miss**, a nightly clean-up job pointed
  at the production database and caught in code review; its review is in review;
* ``inc-tilbud`` (salg, sev3): a **mistake**, an offer sent with the wrong
  discount; its review is a **draft full of blaming language** (a person as
  the cause, "human error", "should have", "sloppy", "remind them to be more
  careful"), the kind the language check is there to catch;
* ``inc-onboarding`` (produkt, sev4): a **failed experiment**; its review was
  skipped, with the reason.

Who took part is drawn from each team with the seed; the texts are fixed.
Times are on working days, in Europe/Copenhagen, before ``as_of``.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Final
from zoneinfo import ZoneInfo

from learnkit.exceptions import InvalidDataError
from learnkit.incidents import (
    ActionItem,
    ActionStatus,
    ActionType,
    Approval,
    ContributingFactor,
    EventKind,
    FactorCategory,
    FactorRole,
    Impact,
    ImpactAudience,
    Incident,
    IncidentKind,
    IncidentReview,
    IncidentVisibility,
    Learning,
    Milestones,
    Participant,
    ParticipantRole,
    ReviewStatus,
    TimelineEvent,
)
from learnkit.people import Person, Roster
from learnkit.time import DEFAULT_ZONE

__all__ = ["build_incidents"]

_ZONE: Final = ZoneInfo(DEFAULT_ZONE)


def _day(as_of: dt.date, days_before: int) -> dt.date:
    """The working day ``days_before`` calendar days before ``as_of`` (moved back off weekends)."""
    day = as_of - dt.timedelta(days=days_before)
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def _at(day: dt.date, hour: int, minute: int) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=_ZONE)


def _pick(rng: random.Random, roster: Roster, team: str, count: int) -> list[Person]:
    """``count`` different members of ``team``, its manager only when there are too few others."""
    members = sorted(roster.members(team), key=lambda person: person.id)
    if len(members) < count:
        raise InvalidDataError.single(
            f"roster.teams[{team}]",
            len(members),
            f"needs at least {count} members for the example incidents",
        )
    manager = roster.team(team).manager
    others = [person for person in members if person.id != manager]
    return rng.sample(others if len(others) >= count else members, count)


def _first(person: Person) -> str:
    return person.name.split()[0]


def build_incidents(
    roster: Roster, as_of: dt.date, seed: int
) -> tuple[tuple[Incident, ...], tuple[IncidentReview, ...]]:
    """Fjordlys A/S's incidents and reviews as of ``as_of`` (see the module docstring).

    Guarantees: deterministic in ``roster``, ``as_of`` and ``seed``; every
    participant, author, approver and owner is in ``roster``; every time lies
    before ``as_of``; incidents and reviews are sorted by id, and each review
    reviews one of the incidents.

    Raises:
        UnknownIdError: ``roster`` has no team ``platform``, ``data``, ``salg``
            or ``produkt``.
        InvalidDataError: one of those teams has fewer than three members
            (two for ``produkt``).
    """
    rng = random.Random(seed)
    incidents = [
        _payment(rng, roster, as_of),
        _backup(rng, roster, as_of),
        _offer(rng, roster, as_of),
        _onboarding(rng, roster, as_of),
    ]
    return (
        tuple(sorted((incident for incident, _ in incidents), key=lambda i: i.id)),
        tuple(sorted((review for _, review in incidents), key=lambda r: r.id)),
    )


def _payment(rng: random.Random, roster: Roster, as_of: dt.date) -> tuple[Incident, IncidentReview]:
    day = _day(as_of, 22)
    responder, second, author = _pick(rng, roster, "platform", 3)
    facilitator, approver = _pick(rng, roster, "data", 2)
    incident = Incident(
        id="inc-betaling",
        kind=IncidentKind.INCIDENT,
        title="Kortbetalinger fejlede efter udrulning af ny betalingsklient",
        summary=(
            "En ny version af betalingsklienten afviste kort fra én udsteder. I 34 minutter "
            "fejlede omkring hver tiende kortbetaling, indtil udrulningen blev rullet tilbage."
        ),
        severity="sev2",
        team="platform",
        reported_at=_at(day, 14, 9),
        milestones=Milestones(
            started=_at(day, 14, 0),
            detected=_at(day, 14, 6),
            acknowledged=_at(day, 14, 9),
            mitigated=_at(day, 14, 34),
            resolved=_at(day, 16, 0),
        ),
        impacts=(
            Impact(
                description="Kortbetalinger fra én udsteder blev afvist",
                affected="kunder i webshoppen",
                audience=ImpactAudience.EXTERNAL,
                people_affected=312,
                amount="ca. 40.000 kr. i udskudt omsætning",
            ),
        ),
        timeline=(
            TimelineEvent(
                id="e1",
                at=_at(day, 13, 58),
                kind=EventKind.ACTION,
                description="Ny version af betalingsklienten udrullet med den sædvanlige pipeline.",
                actor_role="udrulningsansvarlig",
            ),
            TimelineEvent(
                id="e2",
                at=_at(day, 14, 6),
                kind=EventKind.ALERT,
                description="Alarmen for fejlrate på betalinger går i gang (over 5 %).",
            ),
            TimelineEvent(
                id="e3",
                at=_at(day, 14, 9),
                kind=EventKind.ACTION,
                description="Alarmen kvitteres, og dashboardet for betalinger åbnes.",
                actor_role="vagthavende",
                evidence=("dashboard: betalinger/fejlrate",),
            ),
            TimelineEvent(
                id="e4",
                at=_at(day, 14, 21),
                kind=EventKind.DECISION,
                description="Beslutning om at rulle udrulningen tilbage.",
                actor_role="hændelsesleder",
            ),
            TimelineEvent(
                id="e5",
                at=_at(day, 14, 34),
                kind=EventKind.OBSERVATION,
                description="Fejlraten er tilbage på normalt niveau.",
            ),
            TimelineEvent(
                id="e6",
                at=_at(day, 15, 10),
                kind=EventKind.COMMUNICATION,
                description="Kundeservice får besked og en tekst til kunderne.",
                actor_role="kommunikationsansvarlig",
            ),
        ),
        participants=(
            Participant(person=responder.id, roles=(ParticipantRole.RESPONDER,)),
            Participant(person=second.id, roles=(ParticipantRole.RESPONDER, ParticipantRole.OWNER)),
            Participant(person=author.id, roles=(ParticipantRole.OBSERVER,)),
            Participant(person=facilitator.id, roles=(ParticipantRole.FACILITATOR,)),
            Participant(person=approver.id, roles=(ParticipantRole.REVIEWER,)),
        ),
        visibility=IncidentVisibility.ORGANISATION,
    )
    created = day + dt.timedelta(days=2)
    review = IncidentReview(
        id="rev-betaling",
        incident=incident.id,
        author=author.id,
        status=ReviewStatus.PUBLISHED,
        summary=incident.summary,
        narrative=(
            "Udrulningen fulgte den sædvanlige pipeline, og alle automatiske tests var grønne. "
            "Testmiljøet har kun testkort fra to af de tre udstedere, vi tager imod, så "
            "ændringen i valideringen af kortnumre blev ikke afprøvet mod den tredje.\n"
            "Alarmen på fejlraten gik efter seks minutter. På dashboardet kunne vagthavende se, "
            "at fejlene begyndte samtidig med udrulningen, og det gjorde beslutningen om at "
            "rulle tilbage enkel."
        ),
        surprises="At testkortene i testmiljøet kun dækker to af de tre udstedere.",
        went_well=(
            "Alarmen gik hurtigt, og dashboardet viste tydeligt sammenhængen med udrulningen. "
            "Tilbagerulningen tog under et kvarter."
        ),
        difficult=(
            "Det tog tid at opgøre, hvilke kunder der var ramt, fordi betalingsloggen ikke "
            "gemmer udstederen."
        ),
        lucky="Udrulningen skete en hverdag midt på eftermiddagen og ikke op til en kampagne.",
        factors=(
            ContributingFactor(
                id="f1",
                category=FactorCategory.TOOLING,
                role=FactorRole.TRIGGER,
                description=(
                    "Testmiljøet har kun testkort fra to af tre udstedere, så den nye "
                    "validering blev ikke afprøvet mod alle kort."
                ),
                evidence=("e1",),
            ),
            ContributingFactor(
                id="f2",
                category=FactorCategory.DETECTION,
                role=FactorRole.CONTRIBUTING,
                description=(
                    "Betalingsloggen gemmer ikke udstederen, så omfanget tog tid at opgøre."
                ),
                evidence=("e5",),
            ),
            ContributingFactor(
                id="f3",
                category=FactorCategory.DETECTION,
                role=FactorRole.MITIGATING,
                description="Alarmen på fejlraten fangede problemet efter seks minutter.",
                evidence=("e2", "e3"),
            ),
        ),
        learnings=(
            Learning(
                id="l1",
                statement="Testdata skal dække alle de udstedere, vi tager imod.",
                tags=("betaling", "test"),
            ),
            Learning(
                id="l2",
                statement="En fejlrate pr. udsteder viser den slags mønstre med det samme.",
                tags=("alarmer", "betaling"),
            ),
        ),
        action_items=(
            ActionItem(
                id="a1",
                title="Tilføj testkort fra alle udstedere til testmiljøet",
                status=ActionStatus.OPEN,
                created_on=created,
                type=ActionType.PREVENT,
                owner=responder.id,
                due=as_of + dt.timedelta(days=10),
            ),
            ActionItem(
                id="a2",
                title="Gem udstederen i betalingsloggen",
                status=ActionStatus.DONE,
                created_on=created,
                type=ActionType.DETECT,
                owner=second.id,
                due=created + dt.timedelta(days=14),
                done_on=created + dt.timedelta(days=9),
            ),
            ActionItem(
                id="a3",
                title="Undersøg kanariudrulning af betalingsklienten",
                status=ActionStatus.PROPOSED,
                created_on=created,
                type=ActionType.INVESTIGATE,
            ),
        ),
        approvals=(Approval(by=approver.id, at=_at(day + dt.timedelta(days=4), 9, 30)),),
        published_at=_at(day + dt.timedelta(days=4), 10, 0),
    )
    return incident, review


def _backup(rng: random.Random, roster: Roster, as_of: dt.date) -> tuple[Incident, IncidentReview]:
    day = _day(as_of, 9)
    author, reviewer, facilitator = _pick(rng, roster, "data", 3)
    incident = Incident(
        id="inc-backup",
        kind=IncidentKind.NEAR_MISS,
        title="Natligt oprydningsjob pegede på produktionsdatabasen",
        summary=(
            "Et nyt oprydningsjob, der sletter gamle testdata, var konfigureret med "
            "forbindelsen til produktionsdatabasen. Det blev opdaget i kodegennemgangen, "
            "før jobbet nogensinde kørte."
        ),
        severity="sev3",
        team="data",
        reported_at=_at(day, 11, 15),
        milestones=Milestones(detected=_at(day, 11, 0), resolved=_at(day, 11, 40)),
        timeline=(
            TimelineEvent(
                id="e1",
                at=_at(day, 11, 0),
                kind=EventKind.OBSERVATION,
                description="I kodegennemgangen ses, at jobbet bruger produktionsforbindelsen.",
                actor_role="kodegennemgang",
            ),
            TimelineEvent(
                id="e2",
                at=_at(day, 11, 40),
                kind=EventKind.ACTION,
                description="Konfigurationen rettes, og jobbet får sin egen, begrænsede bruger.",
                actor_role="udvikler",
            ),
        ),
        participants=(
            Participant(person=author.id, roles=(ParticipantRole.OWNER,)),
            Participant(person=reviewer.id, roles=(ParticipantRole.RESPONDER,)),
            Participant(person=facilitator.id, roles=(ParticipantRole.FACILITATOR,)),
        ),
    )
    review = IncidentReview(
        id="rev-backup",
        incident=incident.id,
        author=author.id,
        status=ReviewStatus.IN_REVIEW,
        summary=incident.summary,
        narrative=(
            "Konfigurationen blev kopieret fra et eksisterende job, der læser fra "
            "produktionen. Navnene på forbindelserne ligner hinanden, og intet i opsætningen "
            "skelner mellem en bruger, der må læse, og en, der må slette."
        ),
        went_well="Kodegennemgangen fangede det, fordi tjeklisten spørger til forbindelser.",
        difficult="Det er svært at se i konfigurationen, hvilke rettigheder en forbindelse har.",
        factors=(
            ContributingFactor(
                id="f1",
                category=FactorCategory.TOOLING,
                role=FactorRole.CONTRIBUTING,
                description="Forbindelser til test og produktion har næsten ens navne.",
                evidence=("e1",),
            ),
            ContributingFactor(
                id="f2",
                category=FactorCategory.PROCESS,
                role=FactorRole.MITIGATING,
                description="Tjeklisten til kodegennemgang spørger til databaseforbindelser.",
                evidence=("e1",),
            ),
        ),
        learnings=(
            Learning(
                id="l1",
                statement="Job, der sletter, skal have en bruger, der kun kan slette testdata.",
                tags=("databaser", "rettigheder"),
            ),
        ),
    )
    return incident, review


def _offer(rng: random.Random, roster: Roster, as_of: dt.date) -> tuple[Incident, IncidentReview]:
    day = _day(as_of, 5)
    seller, author, manager = _pick(rng, roster, "salg", 3)
    name = _first(seller)
    incident = Incident(
        id="inc-tilbud",
        kind=IncidentKind.MISTAKE,
        title="Tilbud sendt med forkert rabat",
        summary="Et tilbud til en kunde gik ud med 25 % rabat i stedet for 15 %.",
        severity="sev3",
        team="salg",
        reported_at=_at(day, 15, 30),
        milestones=Milestones(
            detected=_at(day, 15, 20), resolved=_at(day + dt.timedelta(days=1), 10, 0)
        ),
        participants=(
            Participant(person=seller.id, roles=(ParticipantRole.RESPONDER,)),
            Participant(person=author.id, roles=(ParticipantRole.FACILITATOR,)),
            Participant(person=manager.id, roles=(ParticipantRole.OWNER,)),
        ),
    )
    review = IncidentReview(
        id="rev-tilbud",
        incident=incident.id,
        author=author.id,
        summary=incident.summary,
        narrative=(
            f"{name} glemte at opdatere prisarket, og det var en klassisk menneskelig fejl. "
            f"{name} burde have dobbelttjekket rabatten, før tilbuddet blev sendt. "
            "Det var tydeligvis sjusket arbejde."
        ),
        difficult="Hvem godkendte tilbuddet?",
        factors=(
            ContributingFactor(
                id="f1",
                category=FactorCategory.PROCESS,
                role=FactorRole.TRIGGER,
                description="Menneskelig fejl: sælgeren var ikke opmærksom.",
            ),
        ),
        action_items=(
            ActionItem(
                id="a1",
                title="Indskærp over for sælgerne, at de skal være mere omhyggelige",
                status=ActionStatus.PROPOSED,
                created_on=day + dt.timedelta(days=1),
            ),
        ),
    )
    return incident, review


def _onboarding(
    rng: random.Random, roster: Roster, as_of: dt.date
) -> tuple[Incident, IncidentReview]:
    day = _day(as_of, 30)
    owner, author = _pick(rng, roster, "produkt", 2)
    incident = Incident(
        id="inc-onboarding",
        kind=IncidentKind.FAILED_EXPERIMENT,
        title="Ny onboardingguide øgede ikke aktiveringen",
        summary=(
            "Et A/B-forsøg med en ny guide til nye brugere viste efter fire uger ingen "
            "forskel i aktivering."
        ),
        severity="sev4",
        team="produkt",
        reported_at=_at(day, 10, 0),
        participants=(
            Participant(person=owner.id, roles=(ParticipantRole.OWNER,)),
            Participant(person=author.id, roles=(ParticipantRole.FACILITATOR,)),
        ),
    )
    review = IncidentReview(
        id="rev-onboarding",
        incident=incident.id,
        author=author.id,
        status=ReviewStatus.SKIPPED,
        reason=(
            "Forsøget er beskrevet i produktteamets eksperimentlog, og læringen deles på "
            "næste fredagsfortælling."
        ),
    )
    return incident, review
