"""Texts of this part in Danish (``DA``) and English (``EN``): same keys, same placeholders.

Keys start with ``story.``: the demo's story of the example organisation over a
quarter (:mod:`learnkit._demo_story`), and the commands around it (``learnkit
report``, ``learnkit nudges``, ``learnkit example --workspace``, ``--lang``).
"""

from typing import Final

DA: Final[dict[str, str]] = {
    # The command line: help texts.
    "story.cli.help.locale_alias": "det samme som --lang (det tidligere navn)",
    "story.cli.help.example_workspace": "skriv hele eksempelorganisationen som et arbejdsområde (Workspace) i stedet for medarbejderlisten",
    "story.cli.help.report": "lav rapporten om læringskulturen ud fra et arbejdsområde i en JSON-fil",
    "story.cli.help.nudges": "vis, hvad en bot skal sige nu, ud fra et arbejdsområde i en JSON-fil",
    "story.cli.help.workspace_file": "arbejdsområdet som JSON, som 'learnkit example --workspace' skriver det ('-' for standard input)",
    "story.cli.help.report_as_of": "datoen rapporten laves pr., ÅÅÅÅ-MM-DD (standard: i dag, eller --to når perioden er givet)",
    "story.cli.help.report_from": "periodens første dag, ÅÅÅÅ-MM-DD (standard: 91 dage til og med --as-of)",
    "story.cli.help.report_to": "periodens sidste dag (medregnet), ÅÅÅÅ-MM-DD",
    "story.cli.help.report_format": "text (standard) eller markdown",
    "story.cli.help.now": "tidspunktet der ses fra, med UTC-forskydning, fx 2026-11-24T09:00+01:00 (skal angives)",
    "story.cli.help.now_metavar": "TIDSPUNKT",
    "story.cli.help.nudges_format": "text (standard) eller json (påmindelserne som learnkit-dokumenter)",
    # The command line: errors.
    "story.cli.error.no_command": "mangler en kommando: {commands} eller {last}",
    "story.cli.error.two_locales": "--lang og --locale angiver hvert sit sprog; brug kun --lang",
    "story.cli.error.no_workspace_file": "mangler filen med arbejdsområdet",
    "story.cli.error.no_now": "--now mangler: angiv tidspunktet med UTC-forskydning, fx 2026-11-24T09:00+01:00",
    "story.cli.error.bad_now": "--now: ugyldigt tidspunkt '{value}', forventet ÅÅÅÅ-MM-DDTtt:mm med UTC-forskydning, fx 2026-11-24T09:00+01:00",
    "story.cli.error.cannot_compute": "{path}: kan ikke bruges: {reason}",
    "story.cli.error.outside_data": "{path}: {value} ligger uden for det tidsrum, dataene dækker ({first} til {last})",
    "story.cli.error.as_of_before_from": "--as-of ({as_of}) ligger før periodens første dag, --from ({first}): rapporten kan ikke se en periode, der ikke er begyndt",
    # learnkit nudges
    "story.nudges.title": "Påmindelser pr. {now} – {name}",
    "story.nudges.unnamed": "arbejdsområdet",
    "story.nudges.count.one": "{count} påmindelse",
    "story.nudges.count.other": "{count} påmindelser",
    "story.nudges.none": "Der er ikke noget at sige lige nu.",
    "story.nudges.team": "{name} (team {id})",
    # learnkit demo: the story's connecting paragraphs.
    "story.chapter.intro": "Kvartalet hos {company}: de {days} dage fra {first} til {last}. Vi følger de nye kolleger og deres mentorer, fredagsfortællingerne, refleksionerne efter opgaverne, læringsmålene, en hændelse, den psykologiske tryghed i teamene og til sidst rapporten om læringskulturen.",
    "story.chapter.newcomers.one": "I kvartalet er {count} ny kollega startet. Mentorordningen foreslår en erfaren kollega til at tage imod; ved forslaget står den vigtigste grund. Et forslag er dog ikke et mentorskab: nedenfor står, hvordan det faktisk er gået.",
    "story.chapter.newcomers.other": "I kvartalet er {count} nye kolleger startet. Mentorordningen foreslår en erfaren kollega til at tage imod hver af dem; ved hvert forslag står den vigtigste grund. Et forslag er dog ikke et mentorskab: nedenfor står, hvem der har fået en mentor i tide, hvem der ventede længe, og hvem der stadig venter.",
    "story.chapter.sharing": "Viden skal deles på tværs af teamene. Hver fredag fortæller en kollega om noget, vedkommende har lært, og planen for næste kvartal fordeler oplægsholderne retfærdigt mellem teamene og springer helligdagene over.",
    "story.chapter.reflection": "Læring sker i hverdagen: fem minutters refleksion efter en opgave, og møder, der åbner med »Hvad har vi lært siden sidst?«.",
    "story.chapter.goals": "Der skal følges op på læringsmålene fra MUS-samtalerne, og udviklingen skal have sin tid ved siden af driften.",
    "story.chapter.incidents": "Når noget går galt, spørger vi »Hvad kan vi lære af det?« og ikke »Hvem har skylden?«. Læringsgennemgangen tjekkes for skyldsprog, før den offentliggøres, og vi holder øje med opfølgningen.",
    "story.chapter.safety": "Læring kræver mod, og psykologisk tryghed er forudsætningen. Teamene svarer anonymt på Amy Edmondsons syv spørgsmål; et resultat vises kun, når mindst {k} har svaret, og aldrig så resultater lagt sammen eller trukket fra hinanden afslører en mindre gruppe.",
    "story.chapter.culture": "Til sidst samler rapporten det hele: Er læring en naturlig del af arbejdsdagen her? Hvert nøgletal har et mål, en status og udviklingen siden kvartalet før.",
    "story.chapter.closing": "Det samme kan I gøre med jeres egne data: 'learnkit example --workspace' skriver eksemplet som JSON, 'learnkit report FIL' laver rapporten, og 'learnkit nudges FIL --now TIDSPUNKT' viser, hvad en bot skal sige.",
    # learnkit demo: the newcomers' mentors today.
    "story.mentorships.heading": "Mentorerne i dag (som i rapporten kommer en mentor i tide, når mentorskabet starter senest {days} dage efter startdatoen):",
    "story.mentorships.counted.one": "Tæller med i rapporten, fordi de første dage sluttede i kvartalet: {in_time} af {count} nyansat fik en mentor i tide.",
    "story.mentorships.counted.other": "Tæller med i rapporten, fordi de første dage sluttede i kvartalet: {in_time} af {count} nyansatte fik en mentor i tide.",
    "story.mentorships.pending": "Stadig inden for de første {days} dage (tæller med i rapporten, når de er gået):",
    "story.mentorships.in_time.one": "{name}: {mentor} blev mentor {date}, {days} dag efter starten",
    "story.mentorships.in_time.other": "{name}: {mentor} blev mentor {date}, {days} dage efter starten",
    "story.mentorships.late.one": "{name}: {mentor} blev mentor {date}, men først {days} dag efter starten",
    "story.mentorships.late.other": "{name}: {mentor} blev mentor {date}, men først {days} dage efter starten",
    "story.mentorships.proposed.one": "{name}: {mentor} er foreslået som mentor ({date}), men de er ikke gået i gang endnu ({days} dag siden)",
    "story.mentorships.proposed.other": "{name}: {mentor} er foreslået som mentor ({date}), men de er ikke gået i gang endnu ({days} dage siden)",
    "story.mentorships.waiting.one": "{name}: venter stadig på en mentor, {days} dag efter starten",
    "story.mentorships.waiting.other": "{name}: venter stadig på en mentor, {days} dage efter starten",
    # learnkit demo: the next Friday story.
    "story.sharing.next": "Efter den offentliggjorte plan fortæller {presenters} næste gang, {date} kl. {time}, om »{topic}«; botten minder om det to arbejdsdage før.",
    "story.sharing.next_free": "Efter den offentliggjorte plan fortæller {presenters} næste gang, {date} kl. {time}, om et frit emne; botten minder om det to arbejdsdage før.",
    # learnkit demo: the incident review.
    "story.incidents.near_misses.one": "{count} nærved-hændelse",
    "story.incidents.near_misses.other": "{count} nærved-hændelser",
    "story.incidents.more.one": "… og {count} fund mere",
    "story.incidents.more.other": "… og {count} fund mere",
    # learnkit demo: the safety pulse.
    "story.safety.heading": "Psykologisk tryghed i teamene",
    "story.safety.pulse": "{survey} ({first} – {last})",
    "story.safety.no_pulse": "Der er ikke afsluttet nogen pulsmåling i kvartalet.",
    "story.safety.more.one": "… og {count} resultat mere, der heller ikke vises",
    "story.safety.more.other": "… og {count} resultater mere, der heller ikke vises",
}

EN: Final[dict[str, str]] = {
    # The command line: help texts.
    "story.cli.help.locale_alias": "the same as --lang (its earlier name)",
    "story.cli.help.example_workspace": "write the whole example organisation as a Workspace instead of its roster",
    "story.cli.help.report": "build the learning-culture report from a Workspace in a JSON file",
    "story.cli.help.nudges": "list what a bot should say now, from a Workspace in a JSON file",
    "story.cli.help.workspace_file": "the Workspace as JSON, as 'learnkit example --workspace' writes it ('-' for standard input)",
    "story.cli.help.report_as_of": "the date the report is made on, YYYY-MM-DD (default: today, or --to when a period is given)",
    "story.cli.help.report_from": "the first day of the period, YYYY-MM-DD (default: the 91 days up to and including --as-of)",
    "story.cli.help.report_to": "the last day of the period (included), YYYY-MM-DD",
    "story.cli.help.report_format": "text (default) or markdown",
    "story.cli.help.now": "the moment to look from, with its UTC offset, e.g. 2026-11-24T09:00+01:00 (required)",
    "story.cli.help.now_metavar": "DATETIME",
    "story.cli.help.nudges_format": "text (default) or json (the nudges as learnkit documents)",
    # The command line: errors.
    "story.cli.error.no_command": "missing a command: {commands} or {last}",
    "story.cli.error.two_locales": "--lang and --locale name different languages; use --lang alone",
    "story.cli.error.no_workspace_file": "the Workspace file is missing",
    "story.cli.error.no_now": "--now is missing: give the moment with its UTC offset, e.g. 2026-11-24T09:00+01:00",
    "story.cli.error.bad_now": "--now: invalid moment '{value}', expected YYYY-MM-DDThh:mm with a UTC offset, e.g. 2026-11-24T09:00+01:00",
    "story.cli.error.cannot_compute": "{path}: cannot be used: {reason}",
    "story.cli.error.outside_data": "{path}: {value} is outside what the data covers ({first} to {last})",
    "story.cli.error.as_of_before_from": "--as-of ({as_of}) is before the first day of the period, --from ({first}): a report cannot look at a period that has not begun",
    # learnkit nudges
    "story.nudges.title": "Nudges as of {now} – {name}",
    "story.nudges.unnamed": "the workspace",
    "story.nudges.count.one": "{count} nudge",
    "story.nudges.count.other": "{count} nudges",
    "story.nudges.none": "Nothing to say right now.",
    "story.nudges.team": "{name} (team {id})",
    # learnkit demo: the story's connecting paragraphs.
    "story.chapter.intro": "The quarter at {company}: the {days} days from {first} to {last}. We follow the newcomers and their mentors, the Friday stories, the reflections after tasks, the learning goals, an incident, psychological safety in the teams and, last, the learning-culture report.",
    "story.chapter.newcomers.one": "{count} newcomer started this quarter. The mentor scheme proposes an experienced colleague to welcome them, with the main reason. A proposal is not yet a mentorship, though: below is how it actually went.",
    "story.chapter.newcomers.other": "{count} newcomers started this quarter. The mentor scheme proposes an experienced colleague to welcome each of them, with the main reason. A proposal is not yet a mentorship, though: below is who got a mentor in time, who waited long, and who is still waiting.",
    "story.chapter.sharing": "Knowledge is shared across teams. Every Friday a colleague talks about something they have learned, and next quarter's plan spreads the presenters fairly across the teams and skips the holidays.",
    "story.chapter.reflection": 'Learning happens in the working day: five minutes of reflection after a task, and meetings that open with "What have we learned since last time?".',
    "story.chapter.goals": "The learning goals agreed in the development reviews (MUS) need their follow-up, and development needs its time next to operations.",
    "story.chapter.incidents": 'When something goes wrong, we ask "What can we learn?", not "Who is to blame?". The learning review is checked for blaming language before it is published, and we keep an eye on the follow-up.',
    "story.chapter.safety": "Learning takes courage, and psychological safety comes first. The teams answer Amy Edmondson's seven questions anonymously; a result is shown only when at least {k} have answered, and never so that results added to or subtracted from each other reveal a smaller group.",
    "story.chapter.culture": "Finally, the report brings it all together: is learning a natural part of the working day here? Every indicator has a target, a status and its trend since the quarter before.",
    "story.chapter.closing": "You can do the same with your own data: 'learnkit example --workspace' writes the example as JSON, 'learnkit report FILE' builds the report, and 'learnkit nudges FILE --now DATETIME' lists what a bot should say.",
    # learnkit demo: the newcomers' mentors today.
    "story.mentorships.heading": "The mentors today (as in the report, a mentor comes in time when the mentorship starts at most {days} days after the start date):",
    "story.mentorships.counted.one": "Counted in the report, because their first days ended in the quarter: {in_time} of {count} newcomer had a mentor in time.",
    "story.mentorships.counted.other": "Counted in the report, because their first days ended in the quarter: {in_time} of {count} newcomers had a mentor in time.",
    "story.mentorships.pending": "Still within their first {days} days (counted in the report once those are over):",
    "story.mentorships.in_time.one": "{name}: {mentor} became their mentor on {date}, {days} day after the start",
    "story.mentorships.in_time.other": "{name}: {mentor} became their mentor on {date}, {days} days after the start",
    "story.mentorships.late.one": "{name}: {mentor} became their mentor on {date}, but only {days} day after the start",
    "story.mentorships.late.other": "{name}: {mentor} became their mentor on {date}, but only {days} days after the start",
    "story.mentorships.proposed.one": "{name}: {mentor} was proposed as mentor ({date}), but they have not started yet ({days} day ago)",
    "story.mentorships.proposed.other": "{name}: {mentor} was proposed as mentor ({date}), but they have not started yet ({days} days ago)",
    "story.mentorships.waiting.one": "{name}: still waiting for a mentor, {days} day after the start",
    "story.mentorships.waiting.other": "{name}: still waiting for a mentor, {days} days after the start",
    # learnkit demo: the next Friday story.
    "story.sharing.next": 'In the published plan, {presenters} tells the next story on {date} at {time}, about "{topic}"; the bot reminds them two working days before.',
    "story.sharing.next_free": "In the published plan, {presenters} tells the next story on {date} at {time}, on a topic of their choice; the bot reminds them two working days before.",
    # learnkit demo: the incident review.
    "story.incidents.near_misses.one": "{count} near miss",
    "story.incidents.near_misses.other": "{count} near misses",
    "story.incidents.more.one": "… and {count} more finding",
    "story.incidents.more.other": "… and {count} more findings",
    # learnkit demo: the safety pulse.
    "story.safety.heading": "Psychological safety in the teams",
    "story.safety.pulse": "{survey} ({first} – {last})",
    "story.safety.no_pulse": "No pulse survey closed in the quarter.",
    "story.safety.more.one": "… and {count} more result not shown",
    "story.safety.more.other": "… and {count} more results not shown",
}
