"""Texts of this part in Danish (``DA``) and English (``EN``): same keys, same placeholders.

Keys start with ``culture.``: the report's headings and columns, each
indicator's name and its "what counted" footnote, units, targets, status
words and trends.
"""

from typing import Final

DA: Final[dict[str, str]] = {
    "culture.heading": "Læringskultur",
    "culture.heading.named": "Læringskultur i {name}",
    "culture.period": (
        "Perioden {first} – {last}, opgjort pr. {as_of}. "
        "Udviklingen sammenlignes med perioden {previous_first} – {previous_last}."
    ),
    "culture.column.indicator": "Indikator",
    "culture.column.value": "Værdi",
    "culture.column.target": "Mål",
    "culture.column.status": "Status",
    "culture.column.trend": "Udvikling",
    "culture.counted.heading": "Det er talt med",
    # The indicators' names.
    "culture.indicator.reflection.per_task": "Refleksioner pr. afsluttet opgave",
    "culture.indicator.reflection.shared": "Refleksioner delt med andre",
    "culture.indicator.sharing.presenters": "Oplægsholdere i forhold til antallet af ansatte",
    "culture.indicator.sharing.teams": "Teams med en oplægsholder",
    "culture.indicator.sharing.sessions": "Afholdte sessioner ud af de planlagte",
    "culture.indicator.mentoring.newcomers": "Nyansatte, der fik en mentor i tide",
    "culture.indicator.goals.active": "Medarbejdere med et aktivt læringsmål",
    "culture.indicator.goals.achieved": "Opnåede læringsmål pr. medarbejder",
    "culture.indicator.goals.overdue": "Aktive læringsmål med overskredet måldato",
    "culture.indicator.incidents.reviews_on_time": "Hændelsesgennemgange offentliggjort til tiden",
    "culture.indicator.incidents.language": "Fund af skyldsprog pr. gennemgang",
    "culture.indicator.incidents.actions_on_time": "Handlingspunkter lukket til tiden",
    "culture.indicator.safety.team_score": "Psykologisk tryghed, hele organisationen",
    "culture.indicator.safety.team_score.team": "Psykologisk tryghed, {team}",
    "culture.indicator.scoped": "{name}, {team}",
    "culture.indicator.leadership.recognition": "Anerkendelse af indsats og nysgerrighed",
    "culture.indicator.leadership.development": "Tid til udvikling",
    # What each indicator counted, for the footnotes.
    "culture.counted.reflection.per_task": (
        "Refleksioner om opgaverne: {numerator}; opgaver afsluttet i perioden: {denominator}."
    ),
    "culture.counted.reflection.shared": (
        "Delt med andre end forfatteren: {numerator}; refleksioner skrevet i perioden: "
        "{denominator}."
    ),
    "culture.counted.sharing.presenters": (
        "Forskellige oplægsholdere: {numerator}; ansatte: {denominator}."
    ),
    "culture.counted.sharing.teams": (
        "Teams med en oplægsholder: {numerator}; teams i alt: {denominator}."
    ),
    "culture.counted.sharing.sessions": (
        "Afholdte sessioner: {numerator}; planlagte sessioner: {denominator}."
    ),
    "culture.counted.mentoring.newcomers": (
        "Nyansatte, der fik en mentor i tide: {numerator}; nyansatte, hvis frist faldt i "
        "perioden: {denominator}."
    ),
    "culture.counted.goals.active": (
        "Medarbejdere med et aktivt læringsmål: {numerator}; ansatte: {denominator}."
    ),
    "culture.counted.goals.achieved": (
        "Læringsmål opnået i perioden: {numerator}; ansatte: {denominator}."
    ),
    "culture.counted.goals.overdue": (
        "Med overskredet måldato: {numerator}; aktive læringsmål: {denominator}."
    ),
    "culture.counted.incidents.reviews_on_time": (
        "Offentliggjort til tiden: {numerator}; hændelser, hvis gennemgang havde frist i perioden: "
        "{denominator}."
    ),
    "culture.counted.incidents.language": (
        "Fund af skyldsprog: {numerator}; gennemgange offentliggjort i perioden: {denominator}."
    ),
    "culture.counted.incidents.actions_on_time": (
        "Lukket til tiden: {numerator}; handlingspunkter med frist i perioden: {denominator}."
    ),
    "culture.counted.leadership.recognition": (
        "For indsats, nysgerrighed og eksperimenter: {numerator}; anerkendelser i perioden: "
        "{denominator}."
    ),
    "culture.counted.leadership.development": (
        "Udviklingstimernes andel af alle timer i {count} ugeregistreringer."
    ),
    "culture.counted.safety.released": "Fra målingen {survey}.",
    "culture.counted.safety.withheld": (
        "Målingen {survey}: resultatet vises ikke af hensyn til de svarendes anonymitet."
    ),
    "culture.counted.safety.none": "Ingen måling blev afsluttet i perioden.",
    "culture.counted.nothing": "Der var intet at tælle i perioden.",
    # Values, targets, status and trend.
    "culture.unit.percent": "{value} %",
    "culture.unit.per_task": "{value} pr. opgave",
    "culture.unit.per_person": "{value} pr. medarbejder",
    "culture.unit.per_review": "{value} pr. gennemgang",
    "culture.unit.score": "{value} af 7",
    "culture.value.none": "–",
    "culture.target.higher": "mindst {value}",
    "culture.target.lower": "højst {value}",
    "culture.target.band": "{low} – {high}",
    "culture.status.good": "godt",
    "culture.status.watch": "hold øje",
    "culture.status.act": "skal handles",
    "culture.status.no_data": "ingen data",
    "culture.trend.change": "{arrow} fra {previous}",
    "culture.trend.previous_only": "tidligere {previous}",
    "culture.trend.none": "–",
}

EN: Final[dict[str, str]] = {
    "culture.heading": "Learning culture",
    "culture.heading.named": "Learning culture at {name}",
    "culture.period": (
        "The period {first} to {last}, as of {as_of}. "
        "Trends compare with {previous_first} to {previous_last}."
    ),
    "culture.column.indicator": "Indicator",
    "culture.column.value": "Value",
    "culture.column.target": "Target",
    "culture.column.status": "Status",
    "culture.column.trend": "Trend",
    "culture.counted.heading": "What counted",
    "culture.indicator.reflection.per_task": "Reflections per completed task",
    "culture.indicator.reflection.shared": "Reflections shared beyond the author",
    "culture.indicator.sharing.presenters": "Distinct presenters per headcount",
    "culture.indicator.sharing.teams": "Teams with a presenter",
    "culture.indicator.sharing.sessions": "Sessions held of those planned",
    "culture.indicator.mentoring.newcomers": "Newcomers with a mentor in time",
    "culture.indicator.goals.active": "People with an active learning goal",
    "culture.indicator.goals.achieved": "Learning goals achieved per person",
    "culture.indicator.goals.overdue": "Active learning goals past their target date",
    "culture.indicator.incidents.reviews_on_time": "Incident reviews published on time",
    "culture.indicator.incidents.language": "Blaming language per review",
    "culture.indicator.incidents.actions_on_time": "Action items closed on time",
    "culture.indicator.safety.team_score": "Psychological safety, everyone",
    "culture.indicator.safety.team_score.team": "Psychological safety, {team}",
    "culture.indicator.scoped": "{name}, {team}",
    "culture.indicator.leadership.recognition": "Recognition of effort and curiosity",
    "culture.indicator.leadership.development": "Development time",
    "culture.counted.reflection.per_task": (
        "Reflections about the tasks: {numerator}; tasks completed in the period: {denominator}."
    ),
    "culture.counted.reflection.shared": (
        "Shared beyond the author: {numerator}; reflections written in the period: {denominator}."
    ),
    "culture.counted.sharing.presenters": (
        "Distinct presenters: {numerator}; headcount: {denominator}."
    ),
    "culture.counted.sharing.teams": ("Teams with a presenter: {numerator}; teams: {denominator}."),
    "culture.counted.sharing.sessions": (
        "Sessions held: {numerator}; sessions planned: {denominator}."
    ),
    "culture.counted.mentoring.newcomers": (
        "Newcomers with a mentor in time: {numerator}; newcomers whose deadline fell in the "
        "period: {denominator}."
    ),
    "culture.counted.goals.active": (
        "People with an active learning goal: {numerator}; headcount: {denominator}."
    ),
    "culture.counted.goals.achieved": (
        "Learning goals achieved in the period: {numerator}; headcount: {denominator}."
    ),
    "culture.counted.goals.overdue": (
        "Past their target date: {numerator}; active learning goals: {denominator}."
    ),
    "culture.counted.incidents.reviews_on_time": (
        "Published on time: {numerator}; incidents whose review was due in the period: "
        "{denominator}."
    ),
    "culture.counted.incidents.language": (
        "Blaming-language findings: {numerator}; reviews published in the period: {denominator}."
    ),
    "culture.counted.incidents.actions_on_time": (
        "Closed on time: {numerator}; action items due in the period: {denominator}."
    ),
    "culture.counted.leadership.recognition": (
        "For effort, curiosity and experiments: {numerator}; recognitions in the period: "
        "{denominator}."
    ),
    "culture.counted.leadership.development": (
        "Development hours as a share of all hours in {count} weekly allocations."
    ),
    "culture.counted.safety.released": "From the pulse {survey}.",
    "culture.counted.safety.withheld": (
        "The pulse {survey}: the result is withheld to protect the respondents' anonymity."
    ),
    "culture.counted.safety.none": "No pulse closed in the period.",
    "culture.counted.nothing": "There was nothing to count in the period.",
    "culture.unit.percent": "{value}%",
    "culture.unit.per_task": "{value} per task",
    "culture.unit.per_person": "{value} per person",
    "culture.unit.per_review": "{value} per review",
    "culture.unit.score": "{value} of 7",
    "culture.value.none": "–",
    "culture.target.higher": "at least {value}",
    "culture.target.lower": "at most {value}",
    "culture.target.band": "{low} – {high}",
    "culture.status.good": "good",
    "culture.status.watch": "watch",
    "culture.status.act": "act",
    "culture.status.no_data": "no data",
    "culture.trend.change": "{arrow} from {previous}",
    "culture.trend.previous_only": "before {previous}",
    "culture.trend.none": "–",
}
