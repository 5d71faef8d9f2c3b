"""Danish texts (dansk). Keys and placeholders match ``_catalogue_en`` exactly."""

from typing import Final

CATALOGUE: Final[dict[str, str]] = {
    "roster.headcount": "{count} personer",
    # The command line: help texts.
    "cli.help.description": "learnkit – en model af læringskulturen på en arbejdsplads.",
    "cli.help.help": "vis denne hjælp og afslut",
    "cli.help.version": "vis versionen og afslut",
    "cli.help.commands": "kommandoer",
    "cli.help.demo": "fortæl historien om eksempelorganisationens kvartal, fra de nye kolleger til rapporten om læringskulturen",
    "cli.help.example": "skriv eksempelorganisationens medarbejderliste (eller mentorkohorte, planforespørgsel for fredagsfortællinger eller hele arbejdsområdet) som JSON",
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
    # The command line: mentor matching (learnkit match, example --mentoring, demo).
    "cli.help.match": "find mentorer til mentees i en kohorte fra en JSON-fil",
    "cli.help.cohort_file": "kohorten som JSON, som 'learnkit example --mentoring' skriver den ('-' for standard input)",
    "cli.help.roster_csv": "læs medarbejderlisten fra denne CSV-fil (et HR-udtræk); dokumentet må så ikke have en",
    "cli.help.csv_metavar": "FIL.csv",
    "cli.help.method": "optimal (standard) eller stable",
    "cli.help.objective": "for optimal: participation (standard: flest mulige mentees med en mentor, derefter højeste score) eller score (højeste samlede score)",
    "cli.help.json": "skriv resultatet som et JSON-dokument i stedet for en tabel",
    "cli.help.mentoring": "skriv eksempelorganisationens mentorkohorte i stedet for medarbejderlisten",
    "cli.error.no_cohort_file": "mangler filen med kohorten",
    "cli.error.bad_choice": "{option}: ukendt værdi '{value}', vælg {choices}",
    "cli.error.only_with": "{option} gælder kun sammen med {other}",
    "cli.error.stdin_twice": "kun én af FIL og --roster kan være '-'",
    "cli.error.two_rosters": "{path}: dokumentet har en medarbejderliste, og --roster giver også en; udelad den ene",
    "cli.error.not_text": "{path}: er hverken UTF-8- eller Windows-1252-tekst (byte {position})",
    "cli.error.cannot_match": "{path}: kan ikke matches: {reason}",
    "cli.title.match": "Mentormatchning: {source}",
    "cli.match.method.optimal_participation": "Optimal: flest mulige mentees med en mentor, derefter den højeste samlede score",
    "cli.match.method.optimal_score": "Optimal: den højeste samlede score",
    "cli.match.method.stable": "Stabil: mentees frier efter tur (udskudt accept)",
    "cli.match.summary": "{matched} af {mentees} mentees har fået en mentor; samlet score {total}, gennemsnit {average}",
    "cli.match.pairs": "Par",
    "cli.match.mentee": "Mentee",
    "cli.match.mentor": "Mentor",
    "cli.match.score": "Score",
    "cli.match.reasons": "Vigtigste grunde (andel af scoren)",
    "cli.match.locked": "låst",
    "cli.match.no_pairs": "Ingen par.",
    "cli.match.unmatched": "Uden mentor ({count})",
    "cli.match.guarantee": "Garanti: {text}",
    "cli.demo.mentoring": "Mentorer til de nye medarbejdere (optimal matchning)",
    # Mentor matching: guarantees, unmatched mentees and check_matching's findings.
    "match.guarantee.optimal_participation": "Optimal: så mange mentees som muligt får en mentor, og ingen matchning med lige så mange har en højere samlet score. Certifikatet (dualpriserne) beviser det; låste par ligger fast, og beviset dækker resten.",
    "match.guarantee.optimal_score": "Optimal: ingen matchning har en højere samlet score (ved lighed vælges den, der matcher flest mentees). Certifikatet (dualpriserne) beviser det; låste par ligger fast, og beviset dækker resten.",
    "match.guarantee.stable_mentee_optimal": "Stabil: ingen mentee og mentor vil begge hellere være sammen end beholde det, de har, og hver mentee har den bedste mentor, de kan få i nogen stabil matchning. Låste par ligger fast; garantien dækker resten.",
    "match.unmatched.no_allowed_mentor": "{mentee} har ingen tilladt mentor ({exclusions})",
    "match.unmatched.mentors_full": "Alle mentorer, der er tilladt for {mentee} ({allowed}), er fyldt op; de næste i køen: {next_best}",
    "match.unmatched.not_selected": "{mentee} blev ikke matchet, selvom {allowed} mentorer er tilladt",
    "match.exclusion": "{rule} udelukker {count}",
    "check.unknown_mentor": "{mentor} -> {mentee}: {mentor} har intet mentortilbud i holdet",
    "check.unknown_mentee": "{mentor} -> {mentee}: {mentee} har ingen mentee-anmodning i holdet",
    "check.unknown_unmatched": "{mentee} står som uden mentor, men har ingen mentee-anmodning i holdet",
    "check.hard_rule": "{mentor} -> {mentee} bryder {rule}: {details}",
    "check.forbidden": "{mentor} -> {mentee} er et forbudt par",
    "check.capacity": "{mentor} har {load} mentees, men plads til {capacity}",
    "check.mentee_twice": "{mentee} optræder {count} gange i resultatet",
    "check.locked_missing": "Det låste par {mentor} -> {mentee} mangler",
    "check.score_mismatch": "{mentor} -> {mentee}: {field} er {given} i resultatet, men {expected} efter reglerne",
    "check.total_mismatch": "Resultatets {field} er {given}, men dets par giver {expected} efter reglerne",
    "check.unmatched_mismatch": "{mentee} (uden mentor): {field} er {given} i resultatet, men {expected} efter reglerne",
    "check.missing_mentee": "{mentee} er hverken matchet eller opført som uden mentor",
    "check.marked_locked": "{mentor} -> {mentee} er markeret som låst, men er ikke et låst par",
    "check.not_marked_locked": "{mentor} -> {mentee} er et låst par, men er ikke markeret som låst",
    "check.field": "Et {method}-resultat har {field} {expected}, ikke {given}",
    "check.kept": "De bevarede par kan ikke bevares: {problem}",
    "check.entry": "{field} indeholder noget, der ikke er en {type}: {given}",
    "check.no_certificate": "Det optimale resultat har intet certifikat",
    "check.certificate": "Certifikatet beviser ikke, at resultatet er optimalt: {problems}",
    "check.improvement": "Der findes en bedre matchning: tilføj {add}; fjern {remove} (matchede mentees {matched}, point {points})",
    "check.blocking_pair": "{mentee} og {mentor} vil begge hellere være sammen: {details}",
    "check.blocking.unmatched": "{mentee} har ingen mentor",
    "check.blocking.prefers": "{mentee} foretrækker {mentor} frem for {current}",
    "check.blocking.free_place": "{mentor} har en ledig plads",
    "check.blocking.mentor_prefers": "{mentor} foretrækker {mentee} frem for {worst}",
    "check.not_mentee_optimal": "{mentee} har {given}, men den mentee-optimale stabile matchning giver {expected}",
}
