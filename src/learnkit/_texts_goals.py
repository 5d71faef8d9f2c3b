"""Texts of this part in Danish (``DA``) and English (``EN``): same keys, same placeholders."""

from typing import Final

DA: Final[dict[str, str]] = {
    # Læringsmålets status og aktiviteternes slags (70-20-10).
    "goals.status.draft": "kladde",
    "goals.status.agreed": "aftalt",
    "goals.status.in_progress": "i gang",
    "goals.status.achieved": "nået",
    "goals.status.dropped": "opgivet",
    "goals.status.carried_over": "videreført",
    "goals.activity.on_the_job": "læring i opgaverne",
    "goals.activity.from_others": "læring fra andre",
    "goals.activity.formal": "kurser og uddannelse",
    # Hvorfor et læringsmål ikke kan skifte status.
    "goals.refused.final": "Målet er afsluttet (nået, opgivet eller videreført) og kan ikke ændres.",
    "goals.refused.no_way_back": "Et mål kan ikke blive en kladde igen.",
    "goals.refused.not_draft": "Kun en kladde kan aftales.",
    "goals.refused.not_agreed": "Kun et aftalt mål kan sættes i gang.",
    "goals.refused.not_in_progress": "Kun et mål, der er i gang, kan nås.",
    "goals.refused.criterion_missing": (
        "Målet mangler et succeskriterium: hvordan kan I se, at det er nået?"
    ),
    "goals.refused.target_missing": "Målet mangler en dato for, hvornår det skal være nået.",
    "goals.refused.target_not_after_agreement": "Måldatoen skal ligge efter aftaledagen.",
    "goals.refused.start_before_agreement": "Målet kan ikke sættes i gang, før det er aftalt.",
    "goals.refused.close_before_agreement": "Målet kan ikke afsluttes, før det er aftalt.",
    "goals.refused.close_before_start": "Målet kan ikke afsluttes, før det er sat i gang.",
    "goals.refused.reason_missing": "Skriv, hvorfor målet opgives.",
    "goals.refused.note_before_agreement": "En statusnote kan ikke dateres før aftaledagen.",
    # Forberedelsesspørgsmål til MUS.
    "goals.question.proud": "Hvad er du mest stolt af fra det seneste år?",
    "goals.question.learned": "Hvad har du lært det seneste år, og hvordan lærte du det?",
    "goals.question.energy": "Hvilke opgaver giver dig energi, og hvilke dræner dig?",
    "goals.question.grow": "Hvad vil du gerne blive dygtigere til i det kommende år?",
    "goals.question.support": (
        "Hvad har du brug for fra din leder og dine kolleger for at lære det?"
    ),
    "goals.question.share": "Hvad kan du lære andre, og hvordan vil du dele det?",
    "goals.question.balance": "Hvordan er balancen mellem drift og udvikling i din hverdag?",
    "goals.question.feedback": "Hvilken feedback har du til mig som leder?",
    # Det, check_review finder ved en MUS.
    "goals.review_finding.employee_unknown": "Medarbejderen {value} findes ikke i medarbejderlisten.",
    "goals.review_finding.leader_unknown": "Lederen {value} findes ikke i medarbejderlisten.",
    "goals.review_finding.leader_not_in_line": (
        "{value} er ikke leder for medarbejderen (hverken direkte eller længere oppe);"
        " er det den rette til at holde samtalen?"
    ),
    "goals.review_finding.goal_missing": "Målet {value} er nævnt i samtalen, men findes ikke.",
    "goals.review_finding.goal_other_owner": "Målet tilhører {value}, ikke medarbejderen.",
    "goals.review_finding.goal_other_review": "Målet blev aftalt i en anden samtale ({value}).",
    # SMART-tjekket: kriterierne og forslagene.
    "goals.smart.criterion.specific": "specifikt",
    "goals.smart.criterion.measurable": "målbart",
    "goals.smart.criterion.achievable": "opnåeligt",
    "goals.smart.criterion.relevant": "relevant",
    "goals.smart.criterion.time_bound": "tidsbestemt",
    "goals.smart.title_vague": (
        "Titlen er vag ({phrases}). Skriv, hvad du kan gøre, når målet er nået,"
        " fx »Holde en fredagsfortælling om vores deploy-pipeline«."
    ),
    "goals.smart.title_too_short": (
        "Titlen er meget kort. Beskriv, hvad du vil kunne, og i hvilken sammenhæng."
    ),
    "goals.smart.criterion_missing": (
        "Tilføj et succeskriterium: hvad kan du og din leder se eller tælle, når målet er nået?"
    ),
    "goals.smart.criterion_vague": (
        "Succeskriteriet er vagt ({phrases}). Gør det til noget, der kan ses eller tælles,"
        " fx »har gennemført tre kodegennemgange uden hjælp«."
    ),
    "goals.smart.too_many_active": (
        "Du har {count} aktive mål, og grænsen er {limit}. Vælg de vigtigste,"
        " så der er tid til dem i hverdagen."
    ),
    "goals.smart.no_activities": (
        "Planlæg mindst én aktivitet: hvad vil du gøre i opgaverne, med andre eller på kursus?"
    ),
    "goals.smart.no_on_the_job": (
        "Det meste læring sker i opgaverne. Tilføj en aktivitet i det daglige arbejde,"
        " ikke kun kurser eller sparring."
    ),
    "goals.smart.not_linked": (
        "Knyt målet til en kompetence, din rolle eller et teammål, så det er tydeligt,"
        " hvorfor det er vigtigt."
    ),
    "goals.smart.target_missing": "Sæt en dato for, hvornår målet skal være nået.",
    "goals.smart.target_not_after_agreement": ("Måldatoen skal ligge efter aftaledagen ({bound})."),
    "goals.smart.target_before_review": (
        "Måldatoen ligger før samtalen ({bound}). Vælg en dato i perioden frem til næste MUS."
    ),
    "goals.smart.target_after_next_review": (
        "Måldatoen ligger efter næste MUS ({bound}). Del målet op, eller vælg en tidligere dato."
    ),
}

EN: Final[dict[str, str]] = {
    # The goal's status and the kinds of activity (70-20-10).
    "goals.status.draft": "draft",
    "goals.status.agreed": "agreed",
    "goals.status.in_progress": "in progress",
    "goals.status.achieved": "achieved",
    "goals.status.dropped": "dropped",
    "goals.status.carried_over": "carried over",
    "goals.activity.on_the_job": "learning on the job",
    "goals.activity.from_others": "learning from others",
    "goals.activity.formal": "courses and training",
    # Why a learning goal cannot change its status.
    "goals.refused.final": "The goal is closed (achieved, dropped or carried over) and cannot change.",
    "goals.refused.no_way_back": "A goal cannot become a draft again.",
    "goals.refused.not_draft": "Only a draft can be agreed.",
    "goals.refused.not_agreed": "Only an agreed goal can be started.",
    "goals.refused.not_in_progress": "Only a goal in progress can be achieved.",
    "goals.refused.criterion_missing": (
        "The goal has no success criterion: how will you both see that it is reached?"
    ),
    "goals.refused.target_missing": "The goal has no date by which it should be reached.",
    "goals.refused.target_not_after_agreement": "The target date must be after the day of agreement.",
    "goals.refused.start_before_agreement": "The goal cannot start before it was agreed.",
    "goals.refused.close_before_agreement": "The goal cannot be closed before it was agreed.",
    "goals.refused.close_before_start": "The goal cannot be closed before it started.",
    "goals.refused.reason_missing": "Say why the goal is dropped.",
    "goals.refused.note_before_agreement": "A progress note cannot be dated before the agreement.",
    # Preparation questions for the development review.
    "goals.question.proud": "What are you most proud of from the past year?",
    "goals.question.learned": "What have you learned in the past year, and how did you learn it?",
    "goals.question.energy": "Which tasks give you energy, and which drain you?",
    "goals.question.grow": "What would you like to get better at in the coming year?",
    "goals.question.support": "What do you need from your leader and colleagues to learn it?",
    "goals.question.share": "What can you teach others, and how will you share it?",
    "goals.question.balance": "How is the balance of operations and development in your week?",
    "goals.question.feedback": "What feedback do you have for me as your leader?",
    # What check_review finds about a review.
    "goals.review_finding.employee_unknown": "The employee {value} is not in the roster.",
    "goals.review_finding.leader_unknown": "The leader {value} is not in the roster.",
    "goals.review_finding.leader_not_in_line": (
        "{value} is not in the employee's line of management;"
        " is this the right person to hold the review?"
    ),
    "goals.review_finding.goal_missing": "The goal {value} is listed in the review but not found.",
    "goals.review_finding.goal_other_owner": "The goal belongs to {value}, not to the employee.",
    "goals.review_finding.goal_other_review": "The goal was agreed in another review ({value}).",
    # The SMART check: the criteria and the suggestions.
    "goals.smart.criterion.specific": "specific",
    "goals.smart.criterion.measurable": "measurable",
    "goals.smart.criterion.achievable": "achievable",
    "goals.smart.criterion.relevant": "relevant",
    "goals.smart.criterion.time_bound": "time-bound",
    "goals.smart.title_vague": (
        "The title is vague ({phrases}). Say what you will be able to do when the goal is"
        " reached, e.g. “Give a Friday story on our deploy pipeline”."
    ),
    "goals.smart.title_too_short": (
        "The title is very short. Describe what you will be able to do, and where."
    ),
    "goals.smart.criterion_missing": (
        "Add a success criterion: what will you and your leader see or count when it is reached?"
    ),
    "goals.smart.criterion_vague": (
        "The success criterion is vague ({phrases}). Make it something that can be seen or"
        " counted, e.g. “has done three code reviews without help”."
    ),
    "goals.smart.too_many_active": (
        "You have {count} active goals and the limit is {limit}. Pick the most important,"
        " so there is time for them in the working week."
    ),
    "goals.smart.no_activities": (
        "Plan at least one activity: what will you do on the job, with others or on a course?"
    ),
    "goals.smart.no_on_the_job": (
        "Most learning happens on the job. Add an activity in your daily work,"
        " not only courses or sparring."
    ),
    "goals.smart.not_linked": (
        "Link the goal to a skill, your role or a team goal, so it is clear why it matters."
    ),
    "goals.smart.target_missing": "Set a date by which the goal should be reached.",
    "goals.smart.target_not_after_agreement": (
        "The target date must be after the day of agreement ({bound})."
    ),
    "goals.smart.target_before_review": (
        "The target date is before the review ({bound}). Pick a date before the next review."
    ),
    "goals.smart.target_after_next_review": (
        "The target date is after the next review ({bound}). Split the goal, or pick an earlier date."
    ),
}
