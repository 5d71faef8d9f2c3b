"""English texts. Keys and placeholders match ``_catalogue_da`` exactly."""

from typing import Final

CATALOGUE: Final[dict[str, str]] = {
    "roster.headcount": "{count} people",
    # The command line: help texts.
    "cli.help.description": "learnkit – a model of a workplace learning culture.",
    "cli.help.help": "show this help and exit",
    "cli.help.version": "show the version and exit",
    "cli.help.commands": "commands",
    "cli.help.demo": "tell the story of the example organisation's quarter, from the newcomers to the learning-culture report",
    "cli.help.example": "write the example organisation's roster (or mentoring cohort, Friday-story plan request or whole Workspace) as JSON",
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
    # The command line: mentor matching (learnkit match, example --mentoring, demo).
    "cli.help.match": "match mentors and mentees in a cohort from a JSON file",
    "cli.help.cohort_file": "the cohort as JSON, as 'learnkit example --mentoring' writes it ('-' for standard input)",
    "cli.help.roster_csv": "read the roster from this CSV file (an HR export); the document must then have none",
    "cli.help.csv_metavar": "FILE.csv",
    "cli.help.method": "optimal (default) or stable",
    "cli.help.objective": "for optimal: participation (default: as many mentees matched as possible, then the highest score) or score (the highest total score)",
    "cli.help.json": "print the result as a JSON document instead of a table",
    "cli.help.mentoring": "write the example organisation's mentoring cohort instead of its roster",
    "cli.error.no_cohort_file": "missing the cohort file",
    "cli.error.bad_choice": "{option}: unknown value '{value}', choose {choices}",
    "cli.error.only_with": "{option} only applies with {other}",
    "cli.error.stdin_twice": "only one of FILE and --roster can be '-'",
    "cli.error.two_rosters": "{path}: the document has a roster and --roster gives one too; leave one out",
    "cli.error.not_text": "{path}: is neither UTF-8 nor Windows-1252 text (byte {position})",
    "cli.error.cannot_match": "{path}: cannot be matched: {reason}",
    "cli.title.match": "Mentor matching: {source}",
    "cli.match.method.optimal_participation": "Optimal: as many mentees matched as possible, then the highest total score",
    "cli.match.method.optimal_score": "Optimal: the highest total score",
    "cli.match.method.stable": "Stable: mentees propose in turn (deferred acceptance)",
    "cli.match.summary": "{matched} of {mentees} mentees have a mentor; total score {total}, average {average}",
    "cli.match.pairs": "Pairs",
    "cli.match.mentee": "Mentee",
    "cli.match.mentor": "Mentor",
    "cli.match.score": "Score",
    "cli.match.reasons": "Top reasons (share of the score)",
    "cli.match.locked": "locked",
    "cli.match.no_pairs": "No pairs.",
    "cli.match.unmatched": "Without a mentor ({count})",
    "cli.match.guarantee": "Guarantee: {text}",
    "cli.demo.mentoring": "Mentors for the newcomers (optimal matching)",
    # Mentor matching: guarantees, unmatched mentees and check_matching's findings.
    "match.guarantee.optimal_participation": "Optimal: as many mentees as possible have a mentor, and no matching of as many has a higher total score. The certificate (dual prices) proves it; locked pairs are fixed and the proof covers the rest.",
    "match.guarantee.optimal_score": "Optimal: no matching has a higher total score (ties go to matching more mentees). The certificate (dual prices) proves it; locked pairs are fixed and the proof covers the rest.",
    "match.guarantee.stable_mentee_optimal": "Stable: no mentee and mentor would both rather be together than keep what they have, and every mentee has the best mentor they can have in any stable matching. Locked pairs are fixed; the guarantee covers the rest.",
    "match.unmatched.no_allowed_mentor": "{mentee} has no allowed mentor ({exclusions})",
    "match.unmatched.mentors_full": "Every mentor allowed for {mentee} ({allowed}) is full; next in line: {next_best}",
    "match.unmatched.not_selected": "{mentee} was not matched, though {allowed} mentors are allowed",
    "match.exclusion": "{rule} excludes {count}",
    "check.unknown_mentor": "{mentor} -> {mentee}: {mentor} has no mentor offer in the cohort",
    "check.unknown_mentee": "{mentor} -> {mentee}: {mentee} has no mentee request in the cohort",
    "check.unknown_unmatched": "{mentee} is listed as unmatched but has no mentee request in the cohort",
    "check.hard_rule": "{mentor} -> {mentee} breaks {rule}: {details}",
    "check.forbidden": "{mentor} -> {mentee} is a forbidden pair",
    "check.capacity": "{mentor} has {load} mentees but room for {capacity}",
    "check.mentee_twice": "{mentee} appears {count} times in the result",
    "check.locked_missing": "The locked pair {mentor} -> {mentee} is missing",
    "check.score_mismatch": "{mentor} -> {mentee}: {field} is {given} in the result but {expected} by the rules",
    "check.total_mismatch": "The result's {field} is {given}, but its matches add up to {expected} by the rules",
    "check.unmatched_mismatch": "{mentee} (unmatched): {field} is {given} in the result but {expected} by the rules",
    "check.missing_mentee": "{mentee} is neither matched nor listed as unmatched",
    "check.marked_locked": "{mentor} -> {mentee} is marked as locked but is not a locked pair",
    "check.not_marked_locked": "{mentor} -> {mentee} is a locked pair but is not marked as locked",
    "check.field": "A {method} result has {field} {expected}, not {given}",
    "check.kept": "The kept pairs cannot be kept: {problem}",
    "check.entry": "{field} holds something that is not a {type}: {given}",
    "check.no_certificate": "The optimal result carries no certificate",
    "check.certificate": "The certificate does not prove the result optimal: {problems}",
    "check.improvement": "A better matching exists: add {add}; remove {remove} (mentees matched {matched}, points {points})",
    "check.blocking_pair": "{mentee} and {mentor} would both rather be together: {details}",
    "check.blocking.unmatched": "{mentee} has no mentor",
    "check.blocking.prefers": "{mentee} prefers {mentor} to {current}",
    "check.blocking.free_place": "{mentor} has a free place",
    "check.blocking.mentor_prefers": "{mentor} prefers {mentee} to {worst}",
    "check.not_mentee_optimal": "{mentee} has {given}, but the mentee-optimal stable matching gives {expected}",
}
