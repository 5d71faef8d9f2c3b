"""Texts of this part in Danish (``DA``) and English (``EN``): same keys, same placeholders."""

from typing import Final

DA: Final[dict[str, str]] = {
    # What kind of event is reviewed.
    "incidents.kind.incident": "hændelse",
    "incidents.kind.near_miss": "nærved-hændelse",
    "incidents.kind.mistake": "fejl",
    "incidents.kind.failed_experiment": "mislykket eksperiment",
    "incidents.audience.internal": "intern",
    "incidents.audience.external": "ekstern",
    "incidents.event.observation": "observation",
    "incidents.event.alert": "alarm",
    "incidents.event.action": "handling",
    "incidents.event.decision": "beslutning",
    "incidents.event.communication": "kommunikation",
    "incidents.event.escalation": "eskalering",
    "incidents.event.other": "andet",
    "incidents.role.facilitator": "facilitator",
    "incidents.role.owner": "ejer",
    "incidents.role.responder": "indsatsdeltager",
    "incidents.role.reviewer": "gennemlæser",
    "incidents.role.observer": "observatør",
    "incidents.link.duplicate_of": "dublet af",
    "incidents.link.recurrence_of": "gentagelse af",
    "incidents.link.related": "relateret til",
    "incidents.visibility.team": "teamet",
    "incidents.visibility.organisation": "hele organisationen",
    "incidents.visibility.restricted": "begrænset",
    # The review.
    "incidents.category.process": "proces",
    "incidents.category.tooling": "værktøjer",
    "incidents.category.communication": "kommunikation",
    "incidents.category.knowledge": "viden",
    "incidents.category.organisation": "organisering",
    "incidents.category.environment": "omgivelser",
    "incidents.category.detection": "opdagelse",
    "incidents.factor_role.trigger": "udløsende",
    "incidents.factor_role.contributing": "medvirkende",
    "incidents.factor_role.mitigating": "afbødende",
    "incidents.action_type.investigate": "undersøge",
    "incidents.action_type.mitigate": "afbøde",
    "incidents.action_type.repair": "udbedre",
    "incidents.action_type.detect": "opdage",
    "incidents.action_type.prevent": "forebygge",
    "incidents.action_type.process": "proces",
    "incidents.action_type.learn": "lære",
    "incidents.action_status.proposed": "foreslået",
    "incidents.action_status.open": "åben",
    "incidents.action_status.in_progress": "i gang",
    "incidents.action_status.done": "udført",
    "incidents.action_status.rejected": "afvist",
    "incidents.action_status.wont_do": "bliver ikke gjort",
    "incidents.review_status.draft": "kladde",
    "incidents.review_status.in_review": "til gennemsyn",
    "incidents.review_status.published": "offentliggjort",
    "incidents.review_status.closed": "lukket",
    "incidents.review_status.skipped": "sprunget over",
    # Refused moves: whole sentences.
    "incidents.refused.review.not_draft": "Kun en kladde kan sendes til gennemsyn.",
    "incidents.refused.review.not_in_review": "Gennemgangen er ikke til gennemsyn.",
    "incidents.refused.review.not_published": "Gennemgangen er ikke offentliggjort.",
    "incidents.refused.review.not_skippable": (
        "Kun en kladde eller en gennemgang til gennemsyn kan springes over."
    ),
    "incidents.refused.review.required": (
        "Hændelsens alvorlighedsgrad kræver en gennemgang, så den kan ikke springes over."
    ),
    "incidents.refused.review.final": (
        "Gennemgangen er lukket eller sprunget over og kan ikke ændres mere."
    ),
    "incidents.refused.review.unsettled_actions": (
        "Alle handlinger skal være udført, afvist eller droppet, før gennemgangen lukkes."
    ),
    "incidents.refused.review.self_approval": "Forfatteren kan ikke godkende sin egen gennemgang.",
    "incidents.refused.review.already_approved": "Personen har allerede godkendt gennemgangen.",
    "incidents.refused.action.not_proposed": "Handlingen er ikke længere kun et forslag.",
    "incidents.refused.action.not_open": "Handlingen er ikke åben.",
    "incidents.refused.action.not_active": "Handlingen er hverken åben eller i gang.",
    "incidents.refused.action.not_closed": (
        "Kun en udført handling eller en, der ikke bliver gjort, kan genåbnes."
    ),
    "incidents.refused.action.owner_missing": "Handlingen mangler en ansvarlig.",
    "incidents.refused.action.due_missing": "Handlingen mangler en frist.",
    "incidents.refused.action.type_missing": "Handlingen mangler en type.",
    "incidents.refused.action.due_before_created": ("Fristen ligger før handlingen blev oprettet."),
    "incidents.refused.action.done_before_created": (
        "Handlingen kan ikke være udført, før den blev oprettet."
    ),
    "incidents.refused.reason_missing": "Skriv en begrundelse.",
    # What publishing requires: one text per rule.
    "incidents.blocker.not_in_review": (
        "Gennemgangen skal være til gennemsyn for at kunne offentliggøres (den er {status})."
    ),
    "incidents.blocker.section_missing": "Afsnittet {field} skal udfyldes.",
    "incidents.blocker.no_factor": "Angiv mindst én medvirkende faktor.",
    "incidents.blocker.no_learning": "Skriv mindst én læring.",
    "incidents.blocker.factor_names_person": (
        "{field} nævner en person (»{phrase}«): beskriv forholdet i systemet, ikke personen."
    ),
    "incidents.blocker.factor_human_error": (
        "{field} angiver menneskelig fejl som årsag (»{phrase}«): spørg i stedet, hvad der "
        "fik handlingen til at give mening i situationen."
    ),
    "incidents.blocker.factor_evidence_unknown": (
        "{field} henviser til {event}, som ikke findes i tidslinjen."
    ),
    "incidents.blocker.timeline_out_of_order": (
        "{field} ({event}) ligger tidligere end en hændelse før den i tidslinjen."
    ),
    "incidents.blocker.action_owner_unknown": (
        "{field}: den ansvarlige {owner} findes ikke i medarbejderlisten."
    ),
    "incidents.blocker.no_facilitator": "Gennemgangen skal have en facilitator.",
    "incidents.blocker.facilitator_only_responder": (
        "Facilitatoren må ikke være den eneste, der håndterede hændelsen."
    ),
    "incidents.blocker.language_finding": (
        "{field}: »{phrase}« ({kind}) skal omformuleres eller tilsidesættes med en skriftlig "
        "begrundelse."
    ),
    "incidents.blocker.approvals_missing.one": (
        "Gennemgangen skal godkendes af {needed} person ud over forfatteren og er godkendt af {have}."
    ),
    "incidents.blocker.approvals_missing.other": (
        "Gennemgangen skal godkendes af {needed} personer ud over forfatteren og er godkendt af {have}."
    ),
}

EN: Final[dict[str, str]] = {
    "incidents.kind.incident": "incident",
    "incidents.kind.near_miss": "near miss",
    "incidents.kind.mistake": "mistake",
    "incidents.kind.failed_experiment": "failed experiment",
    "incidents.audience.internal": "internal",
    "incidents.audience.external": "external",
    "incidents.event.observation": "observation",
    "incidents.event.alert": "alert",
    "incidents.event.action": "action",
    "incidents.event.decision": "decision",
    "incidents.event.communication": "communication",
    "incidents.event.escalation": "escalation",
    "incidents.event.other": "other",
    "incidents.role.facilitator": "facilitator",
    "incidents.role.owner": "owner",
    "incidents.role.responder": "responder",
    "incidents.role.reviewer": "reviewer",
    "incidents.role.observer": "observer",
    "incidents.link.duplicate_of": "duplicate of",
    "incidents.link.recurrence_of": "recurrence of",
    "incidents.link.related": "related to",
    "incidents.visibility.team": "the team",
    "incidents.visibility.organisation": "the whole organisation",
    "incidents.visibility.restricted": "restricted",
    "incidents.category.process": "process",
    "incidents.category.tooling": "tooling",
    "incidents.category.communication": "communication",
    "incidents.category.knowledge": "knowledge",
    "incidents.category.organisation": "organisation",
    "incidents.category.environment": "environment",
    "incidents.category.detection": "detection",
    "incidents.factor_role.trigger": "trigger",
    "incidents.factor_role.contributing": "contributing",
    "incidents.factor_role.mitigating": "mitigating",
    "incidents.action_type.investigate": "investigate",
    "incidents.action_type.mitigate": "mitigate",
    "incidents.action_type.repair": "repair",
    "incidents.action_type.detect": "detect",
    "incidents.action_type.prevent": "prevent",
    "incidents.action_type.process": "process",
    "incidents.action_type.learn": "learn",
    "incidents.action_status.proposed": "proposed",
    "incidents.action_status.open": "open",
    "incidents.action_status.in_progress": "in progress",
    "incidents.action_status.done": "done",
    "incidents.action_status.rejected": "rejected",
    "incidents.action_status.wont_do": "won't do",
    "incidents.review_status.draft": "draft",
    "incidents.review_status.in_review": "in review",
    "incidents.review_status.published": "published",
    "incidents.review_status.closed": "closed",
    "incidents.review_status.skipped": "skipped",
    "incidents.refused.review.not_draft": "Only a draft can be sent for review.",
    "incidents.refused.review.not_in_review": "The review is not in review.",
    "incidents.refused.review.not_published": "The review is not published.",
    "incidents.refused.review.not_skippable": "Only a draft or a review in review can be skipped.",
    "incidents.refused.review.required": (
        "The incident's severity level requires a review, so it cannot be skipped."
    ),
    "incidents.refused.review.final": "The review is closed or skipped and cannot change.",
    "incidents.refused.review.unsettled_actions": (
        "Every action item must be done, rejected or dropped before the review is closed."
    ),
    "incidents.refused.review.self_approval": "The author cannot approve their own review.",
    "incidents.refused.review.already_approved": "This person has already approved the review.",
    "incidents.refused.action.not_proposed": "The action item is no longer just a proposal.",
    "incidents.refused.action.not_open": "The action item is not open.",
    "incidents.refused.action.not_active": "The action item is neither open nor in progress.",
    "incidents.refused.action.not_closed": (
        "Only an action item that is done or won't be done can be reopened."
    ),
    "incidents.refused.action.owner_missing": "The action item has no owner.",
    "incidents.refused.action.due_missing": "The action item has no due date.",
    "incidents.refused.action.type_missing": "The action item has no type.",
    "incidents.refused.action.due_before_created": (
        "The due date is before the action item was created."
    ),
    "incidents.refused.action.done_before_created": (
        "The action item cannot be done before it was created."
    ),
    "incidents.refused.reason_missing": "Give a reason.",
    "incidents.blocker.not_in_review": (
        "The review must be in review to be published (it is {status})."
    ),
    "incidents.blocker.section_missing": "The section {field} must be filled in.",
    "incidents.blocker.no_factor": "Name at least one contributing factor.",
    "incidents.blocker.no_learning": "Write at least one learning.",
    "incidents.blocker.factor_names_person": (
        "{field} names a person (“{phrase}”): describe the condition in the system, not the person."
    ),
    "incidents.blocker.factor_human_error": (
        "{field} gives human error as the cause (“{phrase}”): ask instead what made the "
        "action make sense at the time."
    ),
    "incidents.blocker.factor_evidence_unknown": (
        "{field} points at {event}, which is not in the timeline."
    ),
    "incidents.blocker.timeline_out_of_order": (
        "{field} ({event}) is earlier than an event listed before it in the timeline."
    ),
    "incidents.blocker.action_owner_unknown": "{field}: the owner {owner} is not in the roster.",
    "incidents.blocker.no_facilitator": "The review needs a facilitator.",
    "incidents.blocker.facilitator_only_responder": (
        "The facilitator must not be the only one who responded to the incident."
    ),
    "incidents.blocker.language_finding": (
        "{field}: “{phrase}” ({kind}) must be reworded or overridden with a written justification."
    ),
    "incidents.blocker.approvals_missing.one": (
        "The review needs {needed} approval from someone other than the author and has {have}."
    ),
    "incidents.blocker.approvals_missing.other": (
        "The review needs {needed} approvals from people other than the author and has {have}."
    ),
}
