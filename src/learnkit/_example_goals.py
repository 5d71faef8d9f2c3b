"""Learning goals, development reviews, recognitions and time for the example organisation.

:func:`build_goals` adds to *Fjordlys A/S* (see :mod:`learnkit.examples`), from
its roster, a date and a seed, without reading files or the clock:

* a development review (MUS) within the last year for most people who have
  been here long enough to have had one, on a working day, with a few
  answers to the preparation questions, held by their manager (the managing
  director reviews the team managers); one in customer service is held by
  another team's manager, covering during a leave (not in the line of
  management, which :func:`~learnkit.goals.check_review` warns about);
* one to three learning goals agreed in each review, in every state: a vague
  draft not yet agreed, agreed and not yet started, in progress with progress
  notes, achieved, now and then dropped; in each team one goal runs past its
  target (overdue), and some have had no progress note for more than six
  weeks (stale);
* recognitions over the last quarter: mostly from the team's manager, some
  between colleagues, with a mix that leans towards results in sales and
  customer service and towards curiosity and experiments in platform and
  data; one or two people in each team receive none; messages in Danish, or
  in English for colleagues who do not work in Danish;
* weekly time allocations for the twelve whole weeks before ``as_of``: most
  people spend 10–20 % of their hours on development; three lie below the
  band, someone in data takes a course (weeks above it), and one platform
  developer has had no development time for the last five weeks; that
  developer's goals have gone quiet too, so a follow-up of their review is
  due. Now and then a week is missing (holiday).

The same roster, date and seed always give equal records; every record is valid.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
from typing import Final
from zoneinfo import ZoneInfo

import attrs

from learnkit.goals import (
    Activity,
    ActivityKind,
    DevelopmentReview,
    LearningGoal,
    PreparationAnswer,
    ProgressNote,
)
from learnkit.goals._lifecycle import achieve, add_note, agree, drop, start
from learnkit.leadership import (
    Recognition,
    RecognitionKind,
    TimeAllocation,
    monday_of,
    weeks_before,
)
from learnkit.people import Person, Roster

__all__ = ["ALLOCATION_WEEKS", "GoalExamples", "build_goals"]

ALLOCATION_WEEKS: Final = 12
"""How many whole weeks before ``as_of`` the example allocations cover."""

RECOGNITION_DAYS: Final = 91
"""How many days before ``as_of`` the example recognitions cover (a quarter)."""


@attrs.frozen(kw_only=True)
class GoalExamples:
    """The example organisation's goals, reviews, recognitions and time allocations.

    Attributes:
        reviews: Development reviews (MUS), sorted by id.
        goals: Learning goals, sorted by id.
        recognitions: Recognitions, sorted by id.
        allocations: Weekly time allocations, sorted by person, then week.
    """

    reviews: tuple[DevelopmentReview, ...]
    goals: tuple[LearningGoal, ...]
    recognitions: tuple[Recognition, ...]
    allocations: tuple[TimeAllocation, ...]


# --- recognitions -------------------------------------------------------------------

_MESSAGES_DA: Final[dict[RecognitionKind, tuple[str, ...]]] = {
    RecognitionKind.EFFORT: (
        "Tak for den store indsats med at få releasen ud til tiden.",
        "Du holdt fast i fejlsøgningen hele ugen – det har vi alle set.",
        "Flot indsats med at sætte dig ind i et helt nyt område på kort tid.",
    ),
    RecognitionKind.CURIOSITY: (
        "Tak for de gode spørgsmål på fredagsfortællingen.",
        "Fedt, at du gravede i, hvorfor alarmen blev ved med at gå.",
        "Din nysgerrighed på kundernes data gav os et helt nyt blik.",
    ),
    RecognitionKind.SHARING: (
        "Tak for miniworkshoppen – den har jeg brugt allerede.",
        "God gennemgang af den nye arkitektur for hele afdelingen.",
        "Tak for noterne fra konferencen; dem bruger vi i teamet.",
    ),
    RecognitionKind.HELPING: (
        "Tak, fordi du tog dig tid til at hjælpe mig i gang.",
        "Du sprang til, da det brændte på i supporten.",
        "Tak for hjælpen med mit første deploy.",
    ),
    RecognitionKind.EXPERIMENT: (
        "Modigt at prøve parprogrammering med kundeservice af.",
        "Godt eksperiment med det nye tavlemøde – vi lærte noget, også selv om vi droppede det.",
        "Tak, fordi du testede den nye tjekliste til onboarding.",
    ),
    RecognitionKind.RESULT: (
        "Flot, at kundetilfredsheden nåede over målet.",
        "Tillykke med aftalen med kommunen!",
        "Svartiderne er halveret – godt gået.",
    ),
}
_MESSAGES_EN: Final[dict[RecognitionKind, tuple[str, ...]]] = {
    RecognitionKind.EFFORT: (
        "Thank you for the huge effort getting the release out on time.",
        "You kept at the debugging all week, and we all noticed.",
    ),
    RecognitionKind.CURIOSITY: (
        "Thanks for the great questions at the Friday story.",
        "Great that you dug into why the alert kept firing.",
    ),
    RecognitionKind.SHARING: (
        "Thanks for the mini-workshop; I have used it already.",
        "Thanks for sharing your conference notes with the team.",
    ),
    RecognitionKind.HELPING: (
        "Thanks for taking the time to help me get started.",
        "You stepped in when support was on fire.",
    ),
    RecognitionKind.EXPERIMENT: (
        "Brave to try pair programming with customer service.",
        "Thanks for trying out the new onboarding checklist.",
    ),
    RecognitionKind.RESULT: (
        "Great to see customer satisfaction above target.",
        "Response times are halved, well done.",
    ),
}
# How often each kind is given, by team: sales and customer service lean to
# results and helping, platform and data to curiosity, experiments and sharing.
_KIND_WEIGHTS: Final[dict[str, tuple[int, int, int, int, int, int]]] = {
    # effort, curiosity, sharing, helping, experiment, result
    "stab": (3, 1, 2, 3, 1, 3),
    "platform": (2, 3, 3, 2, 3, 2),
    "data": (2, 4, 3, 1, 3, 2),
    "produkt": (2, 3, 2, 2, 3, 3),
    "kundeservice": (3, 1, 1, 4, 1, 5),
    "salg": (2, 1, 1, 1, 1, 7),
}


def _team_manager(roster: Roster, person: Person) -> str | None:
    return roster.team(person.team).manager


def _recognitions(
    rng: random.Random, roster: Roster, as_of: dt.date, *, id_suffix: str = ""
) -> list[Recognition]:
    drafts: list[tuple[dt.datetime, str, str, RecognitionKind, str]] = []
    for team in roster.teams:
        # Only those who have been here a week or more, so each has working days to pick.
        members = [p for p in roster.members(team.id) if p.start_date <= as_of - dt.timedelta(7)]
        if len(members) < 2:
            continue
        # A few members receive nothing this quarter; the rest one to three times.
        left_out = set(rng.sample([p.id for p in members], k=min(2, len(members) - 1)))
        weights = _KIND_WEIGHTS.get(team.id, (1, 1, 1, 1, 1, 1))
        for receiver in members:
            if receiver.id in left_out:
                continue
            for _ in range(rng.choice((1, 1, 2, 2, 3))):
                kind = rng.choices(tuple(RecognitionKind), weights=weights)[0]
                giver = _giver(rng, roster, receiver, members)
                at = _working_time(rng, roster.person(giver).time_zone, receiver, as_of)
                texts = _MESSAGES_DA if "da" in receiver.languages else _MESSAGES_EN
                drafts.append((at, receiver.id, giver, kind, rng.choice(texts[kind])))
    drafts.sort(key=lambda draft: (draft[0], draft[1], draft[2]))
    return [
        Recognition(
            id=f"a{index:03d}{id_suffix}",
            giver=giver,
            receiver=receiver,
            at=at,
            kind=kind,
            message=message,
        )
        for index, (at, receiver, giver, kind, message) in enumerate(drafts, start=1)
    ]


def _giver(rng: random.Random, roster: Roster, receiver: Person, members: list[Person]) -> str:
    manager = _team_manager(roster, receiver)
    if manager is not None and manager != receiver.id and rng.random() < 0.55:
        return manager
    peers = [p.id for p in members if p.id != receiver.id]
    return rng.choice(peers)


def _working_time(
    rng: random.Random, zone: ZoneInfo, receiver: Person, as_of: dt.date
) -> dt.datetime:
    earliest = max(as_of - dt.timedelta(days=RECOGNITION_DAYS), receiver.start_date)
    day = rng.choice(_weekdays(earliest, as_of))
    return dt.datetime.combine(day, dt.time(rng.randint(8, 16), rng.choice((0, 15, 30, 45))), zone)


@functools.lru_cache(maxsize=64)
def _weekdays(earliest: dt.date, as_of: dt.date) -> tuple[dt.date, ...]:
    """Monday to Friday from ``earliest`` up to the day before ``as_of``."""
    return tuple(
        earliest + dt.timedelta(days=n)
        for n in range((as_of - earliest).days)
        if (earliest + dt.timedelta(days=n)).weekday() < 5
    )


# --- time allocations ------------------------------------------------------------------


def _without_development(rng: random.Random, roster: Roster, as_of: dt.date) -> str | None:
    """The platform developer (not its manager) with no development time for five weeks.

    Chosen among those who have had a review, so their goals can go quiet too.
    """
    platform = [
        p.id
        for p in roster
        if p.team == "platform"
        and p.id != _team_manager(roster, p)
        and (as_of - p.start_date).days >= 365
    ]
    return rng.choice(sorted(platform)) if platform else None


def _allocations(
    rng: random.Random, roster: Roster, as_of: dt.date, without: str | None
) -> list[TimeAllocation]:
    period = weeks_before(as_of, ALLOCATION_WEEKS)
    mondays = [period.first + dt.timedelta(weeks=n) for n in range(ALLOCATION_WEEKS)]
    working = [p for p in roster if p.start_date <= period.last]
    data = [p.id for p in working if p.team == "data"]
    on_course = rng.choice(sorted(data)) if data else None
    candidates = sorted(p.id for p in working if p.id not in (without, on_course))
    below = set(rng.sample(candidates, k=min(3, len(candidates))))
    found: list[TimeAllocation] = []
    for person in working:
        hours = rng.choice((37.0, 37.0, 37.0, 37.0, 30.0, 32.0))
        base = rng.uniform(0.03, 0.07) if person.id in below else rng.uniform(0.125, 0.175)
        holiday = rng.randrange(ALLOCATION_WEEKS + 4)  # most take a week off; some do not
        course = rng.randrange(ALLOCATION_WEEKS - 4, ALLOCATION_WEEKS)
        for index, monday in enumerate(mondays):
            if monday < monday_of(person.start_date) or index == holiday:
                continue
            share = min(0.9, max(0.0, base + rng.uniform(-0.03, 0.03)))
            if person.id == without and index >= ALLOCATION_WEEKS - 5:
                share = 0.0
            elif person.id == on_course and index in (course, course - 1):
                share = rng.uniform(0.45, 0.6)
            development = round(hours * share * 2) / 2
            found.append(
                TimeAllocation(
                    person=person.id,
                    week=monday,
                    development_hours=development,
                    operations_hours=hours - development,
                )
            )
    return found


# --- learning goals ---------------------------------------------------------------------


@attrs.frozen
class _GoalPlan:
    title: str
    criterion: str
    why: str
    skill: str
    on_the_job: str
    from_others: str
    formal: str | None = None


_GOAL_PLANS: Final[dict[str, tuple[_GoalPlan, ...]]] = {
    "stab": (
        _GoalPlan(
            "Bygge næste års lønbudget i det nye økonomisystem",
            "Budgettet er godkendt af direktionen uden rettelser i regnearket ved siden af",
            "Vi skal kunne lægge budgettet uden den gamle makro",
            "budgettering",
            "Bygge budgettet for stab først og derefter for to andre teams",
            "Sidde med controlleren under kvartalsopfølgningen",
            "Leverandørens kursus i budgetmodulet",
        ),
        _GoalPlan(
            "Facilitere en retrospektiv for et andet team",
            "Har faciliteret to retrospektiver, og teamet har fulgt op på mindst ét tiltag",
            "Flere i stab skal kunne facilitere, så det ikke altid er de samme",
            "facilitering",
            "Facilitere retrospektiven for kundeservice i januar",
            "Være medfacilitator for en erfaren kollega først",
        ),
        _GoalPlan(
            "Gennemføre kurset i persondataret for HR",
            "Kursusbevis og en opdateret tjekliste for ansættelser",
            "Vores ansættelsesforløb skal overholde GDPR",
            "arbejdsret",
            "Gennemgå ansættelsesforløbet med tjeklisten",
            "Sparre med den juridiske rådgiver",
            "Kursus i persondataret (to dage)",
        ),
    ),
    "platform": (
        _GoalPlan(
            "Sætte observability op for betalingstjenesten",
            "Alarmer med runbooks for de fem vigtigste fejl, og tiden til at finde fejl halveret",
            "Vi opdager fejl i betalingerne for sent",
            "observability",
            "Instrumentere betalingstjenesten med traces",
            "Parprogrammere med en fra SRE-miljøet",
        ),
        _GoalPlan(
            "Holde en miniworkshop om Terraform for data-teamet",
            "Workshoppen er holdt, og data-teamet har selv lavet én ændring i infrastrukturen",
            "Data-teamet venter på os ved hver ændring",
            "terraform",
            "Skrive moduler, som data-teamet kan bruge",
            "Øve workshoppen på en fredagsfortælling",
        ),
        _GoalPlan(
            "Tage certificeringen i Kubernetes-drift (CKA)",
            "Bestået CKA-eksamen",
            "Vi skal kunne drive klyngen uden ekstern hjælp",
            "kubernetes",
            "Tage vagter med klyngedrift",
            "Læsegruppe med to kolleger",
            "Onlinekursus og eksamen",
        ),
        _GoalPlan(
            "Blive bedre til Go",
            "",
            "",
            "go",
            "Skrive den næste lille tjeneste i Go",
            "Kodegennemgang med en erfaren Go-udvikler",
        ),
    ),
    "data": (
        _GoalPlan(
            "Sætte den første dbt-model i produktion",
            "Churn-modellen kører dagligt i dbt med test og dokumentation",
            "Rapporterne skal bygge på samme definitioner",
            "dbt",
            "Flytte churn-beregningen til dbt",
            "Kodegennemgang med en dataingeniør",
        ),
        _GoalPlan(
            "Præsentere churn-analysen for ledergruppen",
            "Analysen er præsenteret, og ledergruppen har besluttet ét tiltag ud fra den",
            "Analyserne skal bruges til beslutninger, ikke kun ligge i et dashboard",
            "præsentation",
            "Skrive et notat på én side før præsentationen",
            "Øve præsentationen på en fredagsfortælling",
        ),
        _GoalPlan(
            "Gennemføre kurset i bayesiansk statistik",
            "Kurset er bestået, og én A/B-test er analyseret bayesiansk",
            "Vi har for få brugere til klassiske signifikanstest",
            "statistik",
            "Analysere den næste A/B-test med den nye metode",
            "Sparring med produktteamet om forsøgsdesign",
            "Universitetskursus (fem fredage)",
        ),
        _GoalPlan(
            "Lære mere om maskinlæring",
            "",
            "Det kunne være spændende",
            "maskinlæring",
            "Prøve en model på supportdata",
            "Følge med i data scientist-netværket",
        ),
    ),
    "produkt": (
        _GoalPlan(
            "Lede tre brugerinterview selv",
            "Tre interview gennemført og indsigterne delt med teamet",
            "Hele teamet skal tale med brugerne, ikke kun UX",
            "brugerresearch",
            "Interviewe tre kunder fra onboardingforløbet",
            "Være bisidder ved to interview først",
        ),
        _GoalPlan(
            "Gøre kundeportalen tilgængelig efter WCAG 2.1 AA",
            "Ingen fejl af niveau A eller AA i den eksterne test",
            "Det er et lovkrav, og flere kunder har spurgt",
            "tilgængelighed",
            "Rette fejlene i formularerne",
            "Test med en skærmlæserbruger",
            "Kursus i tilgængelighed for udviklere",
        ),
        _GoalPlan(
            "Holde en fredagsfortælling om discovery",
            "Fortællingen er holdt, og to andre teams har bedt om materialet",
            "Vi vil dele, hvordan vi arbejder med discovery",
            "præsentation",
            "Samle eksempler fra de seneste tre discovery-forløb",
            "Få feedback på oplægget fra en kollega",
        ),
    ),
    "kundeservice": (
        _GoalPlan(
            "Løse 90 % af de tekniske henvendelser uden at eskalere",
            "Højst 10 % eskaleringer i tre måneder i træk",
            "Kunderne skal have svar i første henvendelse",
            "fejlsøgning",
            "Tage de tekniske sager i køen i stedet for at sende dem videre",
            "Skygge en udvikler fra platform en dag om måneden",
        ),
        _GoalPlan(
            "Oplære to nye kolleger i det nye sagssystem",
            "Begge nye kolleger arbejder selvstændigt i systemet efter fire uger",
            "Vi vokser, og oplæringen må ikke hvile på teamlederen",
            "onboarding",
            "Lave en tjekliste til de første fire uger",
            "Være læringsmakker for de nye",
        ),
        _GoalPlan(
            "Gennemføre kurset i konfliktnedtrappende kommunikation",
            "Kurset er gennemført, og teknikkerne er delt på et teammøde",
            "Vi får flere svære samtaler med utilfredse kunder",
            "konflikthåndtering",
            "Bruge teknikkerne i de svære samtaler og notere, hvad der virkede",
            "Sparring med en erfaren kollega efter svære opkald",
            "Todageskursus",
        ),
    ),
    "salg": (
        _GoalPlan(
            "Gennemføre fem demoer af platformen på egen hånd",
            "Fem demoer uden en løsningskonsulent med, og kunden har bedt om et tilbud efter tre",
            "Vi mangler løsningskonsulenter i spidsbelastning",
            "præsentation",
            "Tage demoerne for de mindre kunder",
            "Se med ved to demoer fra produktteamet",
        ),
        _GoalPlan(
            "Forstå API'et godt nok til at svare på kundernes spørgsmål",
            "Kan svare på de ti hyppigste API-spørgsmål uden at spørge platform",
            "Kunderne spørger mere og mere om integrationer",
            "produktkendskab",
            "Skrive svar på de ti hyppigste spørgsmål",
            "Frokostmøde med platform hver anden uge",
        ),
        _GoalPlan(
            "Tage kurset i forhandlingsteknik",
            "Kurset er gennemført, og rabatten i nye aftaler er under 10 % i et kvartal",
            "Vi giver for store rabatter",
            "forhandling",
            "Forberede hver forhandling med et skema",
            "Gennemgå to forhandlinger med en key account manager",
            "Forhandlingskursus (tre dage)",
        ),
    ),
}

_NOTES: Final = (
    "Første skridt taget; aftalt næste skridt med teamlederen.",
    "Godt i gang – det tager længere tid end ventet, men det giver mening.",
    "Har prøvet det af i praksis, og det virkede over forventning.",
    "Lidt stille på grund af travlhed i driften; tager fat igen i næste uge.",
    "Fik god sparring med en kollega – har justeret planen.",
    "Halvvejs: det svære er tilbage, men nu ved jeg, hvad det kræver.",
)
# Answers to some of the built-in preparation questions, a few each review.
_ANSWERS: Final[dict[str, tuple[str, ...]]] = {
    "goals.question.proud": (
        "At vi fik den nye løsning i drift uden nedetid.",
        "At jeg tog ansvar for onboardingen af to nye kolleger.",
        "Kundeprojektet, hvor vi fandt en løsning sammen med kunden.",
    ),
    "goals.question.learned": (
        "Meget af det lærte jeg ved at sidde med en erfaren kollega.",
        "Jeg har lært at sige fra, når der er for meget drift.",
    ),
    "goals.question.grow": (
        "At formidle mit arbejde til andre end mit eget team.",
        "At blive mere sikker i det tekniske, så jeg ikke altid skal spørge.",
    ),
    "goals.question.balance": (
        "Driften fylder det meste; udviklingstiden forsvinder, når det brænder på.",
        "Fin balance, men fredagene bliver ofte spist af akutte opgaver.",
        "Jeg savner faste timer til at lære nyt.",
    ),
    "goals.question.support": (
        "Fast tid i kalenderen og en makker at sparre med.",
        "At du hjælper med at prioritere, når driften presser.",
    ),
}
_DROP_REASONS: Final = (
    "Teamet skiftede fokus til den nye kundeportal",
    "Ikke længere relevant efter omorganiseringen",
)


@attrs.frozen
class _ReviewPlan:
    id: str
    employee: str
    leader: str
    held_on: dt.date
    goals: tuple[str, ...]


def _goal(
    rng: random.Random,
    goal_id: str,
    owner: Person,
    review: _ReviewPlan,
    *,
    plan: _GoalPlan,
    as_of: dt.date,
    overdue: bool = False,
    quiet: bool = False,
) -> LearningGoal:
    """A goal agreed in ``review`` and lived until ``as_of``.

    An ``overdue`` goal runs past its target; a ``quiet`` one is started but has
    had no progress note for months, and neither is closed.
    """
    held_on = review.held_on
    activities = [
        Activity(kind=ActivityKind.ON_THE_JOB, description=plan.on_the_job),
        Activity(kind=ActivityKind.FROM_OTHERS, description=plan.from_others),
    ]
    if plan.formal is not None:
        activities.append(Activity(kind=ActivityKind.FORMAL, description=plan.formal))
    target = held_on + dt.timedelta(days=rng.randrange(120, 330))
    if overdue:
        target = max(
            held_on + dt.timedelta(days=60), as_of - dt.timedelta(days=rng.randrange(20, 60))
        )
    goal = LearningGoal(
        id=goal_id,
        owner=owner.id,
        title=plan.title,
        why=plan.why,
        success_criterion=plan.criterion,
        target_date=target,
        activities=activities,
        skills=(plan.skill,),
        review=review.id,
    )
    if not plan.criterion:
        return goal  # a vague wish stays a draft until it is made measurable
    goal = agree(goal, on=held_on)
    if not (overdue or quiet) and (rng.random() < 0.12 or held_on + dt.timedelta(days=14) >= as_of):
        return goal  # agreed, not started yet
    started = held_on + dt.timedelta(days=rng.randrange(3, min(30, (as_of - held_on).days)))
    goal = start(goal, on=started)
    stale = rng.random() < 0.15 or overdue or quiet  # an overdue goal has gone quiet too
    last = as_of - dt.timedelta(days=rng.randrange(50, 110) if stale else rng.randrange(2, 30))
    if quiet:  # notes stopped before the first follow-up, so follow-ups are due
        last = min(last, held_on + dt.timedelta(days=80))
    day = started + dt.timedelta(days=rng.randrange(14, 45))
    while day <= last:
        author = review.leader if rng.random() < 0.25 else owner.id
        goal = add_note(goal, ProgressNote(on=day, text=rng.choice(_NOTES), author=author))
        day += dt.timedelta(days=rng.randrange(21, 56))
    roll = rng.random()
    if overdue or quiet:
        return goal
    if roll < 0.06:
        closed = min(as_of, max(started, last)) - dt.timedelta(days=1)
        return drop(goal, on=max(closed, started), reason=rng.choice(_DROP_REASONS))
    if target < as_of and roll < 0.7:
        return achieve(goal, on=max(goal.last_note_on or started, started))
    return goal


def _plans(
    rng: random.Random, roster: Roster, as_of: dt.date, quiet: str | None
) -> tuple[list[_ReviewPlan], list[LearningGoal]]:
    reviews: list[_ReviewPlan] = []
    goals: list[LearningGoal] = []
    managers = sorted({team.manager for team in roster.teams if team.manager is not None})
    covered = False
    late_teams: set[str] = set()  # teams that already have a goal running past its target
    for person in roster:
        if person.manager is None or (as_of - person.start_date).days < 120:
            continue  # the director has no MUS here; newcomers have their first one later
        if rng.random() < 0.1 and person.id != quiet:
            continue  # this year's MUS is not held yet
        earliest = max(person.start_date + dt.timedelta(days=90), as_of - dt.timedelta(days=350))
        # The first one reviewed in each team had the MUS early in the year, and the first
        # measurable goal from it runs past its target.
        late = person.team not in late_teams and (as_of - earliest).days > 220
        latest = as_of - dt.timedelta(days=200 if late or person.id == quiet else 7)
        held_on = earliest + dt.timedelta(days=rng.randrange((latest - earliest).days))
        while held_on.weekday() >= 5:
            held_on -= dt.timedelta(days=1)
        leader = person.manager
        others = [m for m in managers if m not in (person.id, person.manager)]
        if not covered and others and person.team == "kundeservice":
            # One review is held by another team's manager, covering during a leave.
            leader, covered = rng.choice(others), True
        review_id = f"mus-{person.id}-{held_on.year}"
        plans = list(_GOAL_PLANS.get(person.team, _GOAL_PLANS["stab"]))
        chosen = rng.sample(plans, k=min(len(plans), rng.choice((1, 2, 2, 3))))
        ids = tuple(f"mål-{person.id}-{index}" for index in range(1, len(chosen) + 1))
        review = _ReviewPlan(review_id, person.id, leader, held_on, ids)
        for goal_id, plan in zip(ids, chosen, strict=True):
            overdue = late and bool(plan.criterion) and person.team not in late_teams
            if overdue:
                late_teams.add(person.team)
            goals.append(
                _goal(
                    rng,
                    goal_id,
                    person,
                    review,
                    plan=plan,
                    as_of=as_of,
                    overdue=overdue,
                    quiet=person.id == quiet,
                )
            )
        reviews.append(review)
    return reviews, goals


def _answers(rng: random.Random) -> list[PreparationAnswer]:
    questions = rng.sample(sorted(_ANSWERS), k=rng.randint(2, 4))
    return [PreparationAnswer(question, rng.choice(_ANSWERS[question])) for question in questions]


# --- the bundle --------------------------------------------------------------------------


def build_goals(roster: Roster, as_of: dt.date, seed: int) -> GoalExamples:
    """The example goals, reviews, recognitions and allocations for ``roster`` as of ``as_of``.

    Deterministic: the same roster, date and seed give an equal result.
    Written for the example organisation's roster (its teams and managers),
    but valid for any roster.
    """
    # Someone with no development time for weeks, whose goals have gone quiet too.
    without = _without_development(random.Random(f"{seed} without"), roster, as_of)
    review_plans, goals = _plans(random.Random(f"{seed} goals"), roster, as_of, without)
    recognitions = _recognitions(random.Random(f"{seed} recognitions"), roster, as_of)
    allocations = _allocations(random.Random(f"{seed} allocations"), roster, as_of, without)
    answers = random.Random(f"{seed} answers")
    reviews = [
        DevelopmentReview(
            id=plan.id,
            employee=plan.employee,
            leader=plan.leader,
            held_on=plan.held_on,
            answers=_answers(answers),
            goals=plan.goals,
        )
        for plan in review_plans
    ]
    return GoalExamples(
        reviews=tuple(sorted(reviews, key=lambda item: item.id)),
        goals=tuple(sorted(goals, key=lambda item: item.id)),
        recognitions=tuple(sorted(recognitions, key=lambda item: item.id)),
        allocations=tuple(sorted(allocations, key=lambda item: (item.person, item.week))),
    )
