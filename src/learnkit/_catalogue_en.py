"""English texts. Keys and placeholders match ``_catalogue_da`` exactly."""

from typing import Final

CATALOGUE: Final[dict[str, str]] = {
    "roster.headcount": "{count} people",
    # The command line: help texts.
    "cli.help.description": "learnkit – a model of a workplace learning culture.",
    "cli.help.help": "show this help and exit",
    "cli.help.version": "show the version and exit",
    "cli.help.commands": "commands",
    "cli.help.demo": "print a summary of the example organisation",
    "cli.help.example": "write the example organisation's roster as JSON",
    "cli.help.roster": "print a summary of a roster read from a JSON file",
    "cli.help.file": "the JSON file, as 'learnkit example' writes it ('-' for standard input)",
    "cli.help.locale": "language of the texts: da (default) or en",
    "cli.help.seed": "seed for the example organisation (default: {default})",
    "cli.help.as_of": "the date to look from, YYYY-MM-DD (default: {default})",
    "cli.help.date_metavar": "YYYY-MM-DD",
    "cli.help.file_metavar": "FILE",
    "cli.help.command_metavar": "COMMAND",
    "cli.help.today": "today",
    # The command line: the summary.
    "cli.title.demo": "{company} – example organisation (seed {seed})",
    "cli.title.roster": "Roster from {source}",
    "cli.stdin": "<standard input>",
    "cli.count.people.one": "{count} person",
    "cli.count.people.other": "{count} people",
    "cli.count.teams.one": "{count} team",
    "cli.count.teams.other": "{count} teams",
    "cli.summary.headcount": "{people} in {teams} as of {date}",
    "cli.summary.not_started": "{count} of whom have not started yet",
    "cli.summary.locations": "Locations: {locations}",
    "cli.summary.no_location": "no location",
    "cli.teams.heading": "Teams",
    "cli.teams.team": "Team",
    "cli.teams.manager": "Manager",
    "cli.teams.headcount": "People",
    "cli.teams.locations": "Location",
    "cli.teams.none": "No teams.",
    "cli.newcomers.heading": "Newcomers (started within {days} days)",
    "cli.newcomers.name": "Name",
    "cli.newcomers.team": "Team",
    "cli.newcomers.start": "Start date",
    "cli.newcomers.days": "Days here",
    "cli.newcomers.none": "No newcomers.",
    "cli.languages.heading": "Languages (number of people)",
    "cli.zones.heading": "Time zones (number of people)",
    "cli.none": "none",
    # The command line: errors, each printed as one line after "learnkit: ".
    "cli.error.usage": "{message} (see '{prog} --help')",
    "cli.error.no_command": "a command is missing: demo, example or roster",
    "cli.error.no_file": "the roster file is missing",
    "cli.error.unknown_arguments": "unrecognised arguments: {arguments}",
    "cli.error.bad_date": "{option}: invalid date '{value}', expected YYYY-MM-DD",
    "cli.error.bad_seed": "{option}: invalid seed '{value}', expected a whole number",
    "cli.error.bad_locale": "{option}: unknown locale '{value}', choose da or en",
    "cli.error.not_found": "{path}: no such file",
    "cli.error.unreadable": "{path}: cannot be read: {reason}",
    "cli.error.not_utf8": "{path}: is not UTF-8 text (byte {position})",
    "cli.error.bad_json": "{path}: invalid JSON at line {line}, column {column}: {reason}",
    "cli.error.json": "{path}: invalid JSON: {reason}",
    "cli.error.too_deep": "nested too deeply",
    "cli.error.invalid_data": "{path}: invalid data, {count}: {problems}",
    "cli.error.invalid_argument": "invalid argument, {count}: {problems}",
    "cli.error.problems.one": "{count} problem",
    "cli.error.problems.other": "{count} problems",
    "cli.error.more.one": "and {count} more problem",
    "cli.error.more.other": "and {count} more problems",
    "cli.error.interrupted": "interrupted",
    # Mentor matching: the reasons behind every verdict and score.
    "reason.custom": "{text}",
    "reason.self": "{mentor} cannot mentor themselves",
    "reason.forbidden": "{mentor} and {mentee} are a forbidden pair",
    "reason.management.none": "Neither {mentor} nor {mentee} manages the other",
    "reason.management.direct": "{manager} is the direct manager of {report}",
    "reason.management.indirect": "{manager} manages {report} via {via}",
    "reason.experience.years": (
        "{mentor} started {mentor_start}, {years} years before {mentee} "
        "(at least {required} required)"
    ),
    "reason.experience.one_year": (
        "{mentor} started {mentor_start}, 1 year before {mentee} (at least {required} required)"
    ),
    "reason.experience.under_a_year": (
        "{mentor} started {mentor_start}, less than a year before {mentee} "
        "(at least {required} required)"
    ),
    "reason.experience.not_before": (
        "{mentor} started {mentor_start}, not before {mentee} ({mentee_start}; "
        "at least {required} required)"
    ),
    "reason.language.shared": "{mentor} and {mentee} share {languages}",
    "reason.language.none": (
        "{mentor} ({mentor_languages}) and {mentee} ({mentee_languages}) share no language"
    ),
    "reason.team.different": (
        "{mentor} ({mentor_team}) and {mentee} ({mentee_team}) are in different teams"
    ),
    "reason.team.same": "{mentor} and {mentee} are both in {team}",
    "reason.skills.no_wants": "{mentee} has listed no wants",
    "reason.skills.none": "{mentor} covers none of the wants",
    "reason.skills.covered": "{mentor} covers {covered} of {wanted} wants: {details}",
    "reason.skills.topic": "{want} (topic)",
    "reason.skills.level": "{want} (level {level} > {own})",
    "reason.zones.overlap": (
        "{mentor} ({mentor_zone}) and {mentee} ({mentee_zone}) share {overlap} of {length} "
        "working hours"
    ),
    "reason.history.never": "{mentor} and {mentee} have not been paired before",
    "reason.history.ongoing": "{mentor} and {mentee} have been paired since {started}",
    "reason.history.recent": (
        "{mentor} and {mentee} were paired until {ended}, within the last {months} months"
    ),
    "reason.history.earlier": (
        "{mentor} and {mentee} were paired until {ended}, more than {months} months ago"
    ),
    "reason.preference.none": "{mentee} has ranked no mentors",
    "reason.preference.unlisted": "{mentee} did not rank {mentor}",
    "reason.preference.rank": "{mentee} ranked {mentor} number {rank} of {count}",
    # Languages by ISO 639 code; a code without a name here is shown as it is.
    "language.ar": "Arabic",
    "language.da": "Danish",
    "language.de": "German",
    "language.en": "English",
    "language.es": "Spanish",
    "language.fi": "Finnish",
    "language.fo": "Faroese",
    "language.fr": "French",
    "language.hi": "Hindi",
    "language.is": "Icelandic",
    "language.it": "Italian",
    "language.kl": "Greenlandic",
    "language.nl": "Dutch",
    "language.no": "Norwegian",
    "language.pl": "Polish",
    "language.pt": "Portuguese",
    "language.ro": "Romanian",
    "language.ru": "Russian",
    "language.sv": "Swedish",
    "language.tr": "Turkish",
    "language.uk": "Ukrainian",
    "language.zh": "Chinese",
    # Mentorships: status names and the reasons a move is refused (learnkit.mentoring).
    "mentorship.status.proposed": "proposed",
    "mentorship.status.active": "active",
    "mentorship.status.ended": "ended",
    "mentorship.status.cancelled": "cancelled",
    "mentorship.refused.final": (
        "The mentorship has ended or been cancelled and can no longer change."
    ),
    "mentorship.refused.not_proposed": (
        "Only a proposed mentorship can start; this one has already started."
    ),
    "mentorship.refused.not_active": (
        "Only an active mentorship can end; this one has not started yet."
    ),
    "mentorship.refused.no_way_back": "A mentorship cannot go back to being proposed.",
    "mentorship.refused.start_before_proposal": (
        "The start date is before the mentorship was proposed."
    ),
    "mentorship.refused.planned_end_not_after_start": (
        "The agreed end must be after the start date."
    ),
    "mentorship.refused.end_before_start": "The end date is before the mentorship started.",
    "mentorship.refused.reflection_missing": (
        "Write a closing reflection before ending the mentorship: what have you learned?"
    ),
    "mentorship.refused.cancel_before_proposal": (
        "The cancellation date is before the mentorship was proposed."
    ),
    "mentorship.refused.cancel_before_start": (
        "The cancellation date is before the mentorship started."
    ),
    "mentorship.refused.reason_missing": "Say why the mentorship is cancelled.",
}
