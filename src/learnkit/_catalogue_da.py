"""Danish texts (dansk). Keys and placeholders match ``_catalogue_en`` exactly."""

from typing import Final

CATALOGUE: Final[dict[str, str]] = {
    "roster.headcount": "{count} personer",
    # The command line: help texts.
    "cli.help.description": "learnkit – en model af læringskulturen på en arbejdsplads.",
    "cli.help.help": "vis denne hjælp og afslut",
    "cli.help.version": "vis versionen og afslut",
    "cli.help.commands": "kommandoer",
    "cli.help.demo": "vis en opsummering af eksempelorganisationen",
    "cli.help.example": "skriv eksempelorganisationens medarbejderliste som JSON",
    "cli.help.roster": "vis en opsummering af en medarbejderliste fra en JSON-fil",
    "cli.help.file": "JSON-filen, som 'learnkit example' skriver den ('-' for standard input)",
    "cli.help.locale": "sproget i teksterne: da (standard) eller en",
    "cli.help.seed": "seed for eksempelorganisationen (standard: {default})",
    "cli.help.as_of": "datoen der ses fra, ÅÅÅÅ-MM-DD (standard: {default})",
    "cli.help.date_metavar": "ÅÅÅÅ-MM-DD",
    "cli.help.file_metavar": "FIL",
    "cli.help.command_metavar": "KOMMANDO",
    "cli.help.today": "i dag",
    # The command line: the summary.
    "cli.title.demo": "{company} – eksempelorganisation (seed {seed})",
    "cli.title.roster": "Medarbejderliste fra {source}",
    "cli.stdin": "<standard input>",
    "cli.count.people.one": "{count} person",
    "cli.count.people.other": "{count} personer",
    "cli.count.teams.one": "{count} team",
    "cli.count.teams.other": "{count} teams",
    "cli.summary.headcount": "{people} i {teams} pr. {date}",
    "cli.summary.not_started": "heraf {count} som endnu ikke er startet",
    "cli.summary.locations": "Lokationer: {locations}",
    "cli.summary.no_location": "uden lokation",
    "cli.teams.heading": "Teams",
    "cli.teams.team": "Team",
    "cli.teams.manager": "Leder",
    "cli.teams.headcount": "Antal",
    "cli.teams.locations": "Lokation",
    "cli.teams.none": "Ingen teams.",
    "cli.newcomers.heading": "Nye medarbejdere (startet inden for {days} dage)",
    "cli.newcomers.name": "Navn",
    "cli.newcomers.team": "Team",
    "cli.newcomers.start": "Startdato",
    "cli.newcomers.days": "Dage her",
    "cli.newcomers.none": "Ingen nye medarbejdere.",
    "cli.languages.heading": "Sprog (antal personer)",
    "cli.zones.heading": "Tidszoner (antal personer)",
    "cli.none": "ingen",
    # The command line: errors, each printed as one line after "learnkit: ".
    "cli.error.usage": "{message} (se '{prog} --help')",
    "cli.error.no_command": "mangler en kommando: demo, example eller roster",
    "cli.error.no_file": "mangler filen med medarbejderlisten",
    "cli.error.unknown_arguments": "ukendte argumenter: {arguments}",
    "cli.error.bad_date": "{option}: ugyldig dato '{value}', forventet ÅÅÅÅ-MM-DD",
    "cli.error.bad_seed": "{option}: ugyldigt seed '{value}', forventet et heltal",
    "cli.error.bad_locale": "{option}: ukendt sprog '{value}', vælg da eller en",
    "cli.error.not_found": "{path}: filen findes ikke",
    "cli.error.unreadable": "{path}: kan ikke læses: {reason}",
    "cli.error.not_utf8": "{path}: er ikke UTF-8-tekst (byte {position})",
    "cli.error.bad_json": "{path}: ugyldig JSON i linje {line}, kolonne {column}: {reason}",
    "cli.error.json": "{path}: ugyldig JSON: {reason}",
    "cli.error.too_deep": "for dybt indlejret",
    "cli.error.invalid_data": "{path}: ugyldige data, {count}: {problems}",
    "cli.error.invalid_argument": "ugyldigt argument, {count}: {problems}",
    "cli.error.problems.one": "{count} problem",
    "cli.error.problems.other": "{count} problemer",
    "cli.error.more.one": "og {count} problem mere",
    "cli.error.more.other": "og {count} problemer mere",
    "cli.error.interrupted": "afbrudt",
    # Mentormatchning: begrundelserne bag hver afgørelse og score.
    "reason.custom": "{text}",
    "reason.self": "{mentor} kan ikke være sin egen mentor",
    "reason.forbidden": "{mentor} og {mentee} må ikke sættes sammen",
    "reason.management.none": "Hverken {mentor} eller {mentee} er leder for den anden",
    "reason.management.direct": "{manager} er nærmeste leder for {report}",
    "reason.management.indirect": "{manager} er leder for {report} via {via}",
    "reason.experience.years": (
        "{mentor} startede {mentor_start}, {years} år før {mentee} (mindst {required} krævet)"
    ),
    "reason.experience.one_year": (
        "{mentor} startede {mentor_start}, 1 år før {mentee} (mindst {required} krævet)"
    ),
    "reason.experience.under_a_year": (
        "{mentor} startede {mentor_start}, under et år før {mentee} (mindst {required} krævet)"
    ),
    "reason.experience.not_before": (
        "{mentor} startede {mentor_start}, ikke før {mentee} ({mentee_start}; "
        "mindst {required} krævet)"
    ),
    "reason.language.shared": "{mentor} og {mentee} taler begge {languages}",
    "reason.language.none": (
        "{mentor} ({mentor_languages}) og {mentee} ({mentee_languages}) har intet fælles sprog"
    ),
    "reason.team.different": (
        "{mentor} ({mentor_team}) og {mentee} ({mentee_team}) er i forskellige teams"
    ),
    "reason.team.same": "{mentor} og {mentee} er begge i {team}",
    "reason.skills.no_wants": "{mentee} har ingen ønsker angivet",
    "reason.skills.none": "{mentor} dækker ingen af ønskerne",
    "reason.skills.covered": "{mentor} dækker {covered} af {wanted} ønsker: {details}",
    "reason.skills.topic": "{want} (emne)",
    "reason.skills.level": "{want} (niveau {level} > {own})",
    "reason.zones.overlap": (
        "{mentor} ({mentor_zone}) og {mentee} ({mentee_zone}) deler {overlap} af {length} "
        "arbejdstimer"
    ),
    "reason.history.never": "{mentor} og {mentee} har ikke været sat sammen før",
    "reason.history.ongoing": "{mentor} og {mentee} har været sat sammen siden {started}",
    "reason.history.recent": (
        "{mentor} og {mentee} var sat sammen til {ended}, inden for de seneste {months} måneder"
    ),
    "reason.history.earlier": (
        "{mentor} og {mentee} var sat sammen til {ended}, for mere end {months} måneder siden"
    ),
    "reason.preference.none": "{mentee} har ikke rangeret nogen mentorer",
    "reason.preference.unlisted": "{mentee} har ikke rangeret {mentor}",
    "reason.preference.rank": "{mentee} har {mentor} som nummer {rank} af {count}",
    # Languages by ISO 639 code; a code without a name here is shown as it is.
    "language.ar": "arabisk",
    "language.da": "dansk",
    "language.de": "tysk",
    "language.en": "engelsk",
    "language.es": "spansk",
    "language.fi": "finsk",
    "language.fo": "færøsk",
    "language.fr": "fransk",
    "language.hi": "hindi",
    "language.is": "islandsk",
    "language.it": "italiensk",
    "language.kl": "grønlandsk",
    "language.nl": "nederlandsk",
    "language.no": "norsk",
    "language.pl": "polsk",
    "language.pt": "portugisisk",
    "language.ro": "rumænsk",
    "language.ru": "russisk",
    "language.sv": "svensk",
    "language.tr": "tyrkisk",
    "language.uk": "ukrainsk",
    "language.zh": "kinesisk",
    # Mentorships: status names and the reasons a move is refused (learnkit.mentoring).
    "mentorship.status.proposed": "foreslået",
    "mentorship.status.active": "aktiv",
    "mentorship.status.ended": "afsluttet",
    "mentorship.status.cancelled": "aflyst",
    "mentorship.refused.final": "Mentorforløbet er afsluttet eller aflyst og kan ikke ændres mere.",
    "mentorship.refused.not_proposed": (
        "Kun et foreslået mentorforløb kan begynde; dette er allerede i gang."
    ),
    "mentorship.refused.not_active": (
        "Kun et aktivt mentorforløb kan afsluttes; dette er ikke begyndt endnu."
    ),
    "mentorship.refused.no_way_back": "Et mentorforløb kan ikke gå tilbage til at være foreslået.",
    "mentorship.refused.start_before_proposal": "Startdatoen ligger før forløbet blev foreslået.",
    "mentorship.refused.planned_end_not_after_start": (
        "Den aftalte slutdato skal ligge efter startdatoen."
    ),
    "mentorship.refused.end_before_start": "Slutdatoen ligger før forløbet begyndte.",
    "mentorship.refused.reflection_missing": (
        "Skriv en afsluttende refleksion, før forløbet afsluttes: Hvad har I lært?"
    ),
    "mentorship.refused.cancel_before_proposal": (
        "Datoen for aflysningen ligger før forløbet blev foreslået."
    ),
    "mentorship.refused.cancel_before_start": (
        "Datoen for aflysningen ligger før forløbet begyndte."
    ),
    "mentorship.refused.reason_missing": "Skriv, hvorfor forløbet aflyses.",
}
