"""Texts of this part in Danish (``DA``) and English (``EN``): same keys, same placeholders."""

from typing import Final

DA: Final[dict[str, str]] = {
    "reflection.kind.task": "opgave",
    "reflection.kind.project": "projekt",
    "reflection.kind.meeting": "møde",
    "reflection.kind.incident": "hændelse",
    "reflection.kind.mentorship": "mentorforløb",
    "reflection.visibility.private": "privat",
    "reflection.visibility.mentor": "delt med min mentor",
    "reflection.visibility.team": "delt med teamet",
    "reflection.visibility.organisation": "delt med hele organisationen",
    "reflection.flag.long": (
        "Refleksionen tog {minutes} minutter. Vanen er fem minutter lige efter opgaven; "
        "over {limit} minutter fortjener emnet måske et møde for sig."
    ),
    "reflection.weekday.0": "mandag",
    "reflection.weekday.1": "tirsdag",
    "reflection.weekday.2": "onsdag",
    "reflection.weekday.3": "torsdag",
    "reflection.weekday.4": "fredag",
    "reflection.weekday.5": "lørdag",
    "reflection.weekday.6": "søndag",
    "reflection.date": "{weekday} d. {day}.{month}.",
    "reflection.due.due": "{name} – {kind}: »{title}« (frist {due})",
    "reflection.due.overdue": "{name} – {kind}: »{title}« (fristen var {due})",
    "reflection.demo.heading": "Refleksioner, der mangler i uge {week}",
    "reflection.demo.summary.one": "1 refleksion mangler ({overdue} over fristen).",
    "reflection.demo.summary.other": "{count} refleksioner mangler ({overdue} over fristen).",
    "reflection.demo.none": "Ingen refleksioner mangler i denne uge.",
    "reflection.demo.more.one": "… og 1 mere.",
    "reflection.demo.more.other": "… og {count} mere.",
    "reflection.demo.sharing": (
        "Deling af {total} refleksioner: {private} private, {mentor} med mentor, "
        "{team} med teamet og {organisation} med alle."
    ),
    "reflection.demo.viewer": (
        "{name} kan læse {visible} af dem: sine egne, teamets og dem, der er delt med alle."
    ),
    "reflection.demo.viewer_mentor": (
        "{name} kan læse {visible} af dem: sine egne, teamets, sine menteers og dem, "
        "der er delt med alle."
    ),
}

EN: Final[dict[str, str]] = {
    "reflection.kind.task": "task",
    "reflection.kind.project": "project",
    "reflection.kind.meeting": "meeting",
    "reflection.kind.incident": "incident",
    "reflection.kind.mentorship": "mentorship",
    "reflection.visibility.private": "private",
    "reflection.visibility.mentor": "shared with my mentor",
    "reflection.visibility.team": "shared with the team",
    "reflection.visibility.organisation": "shared with the whole organisation",
    "reflection.flag.long": (
        "This reflection took {minutes} minutes. The habit is five minutes right after "
        "the work; beyond {limit} minutes the topic may deserve a meeting of its own."
    ),
    "reflection.weekday.0": "Monday",
    "reflection.weekday.1": "Tuesday",
    "reflection.weekday.2": "Wednesday",
    "reflection.weekday.3": "Thursday",
    "reflection.weekday.4": "Friday",
    "reflection.weekday.5": "Saturday",
    "reflection.weekday.6": "Sunday",
    "reflection.date": "{weekday} {day}/{month}",
    "reflection.due.due": "{name} – {kind}: “{title}” (due {due})",
    "reflection.due.overdue": "{name} – {kind}: “{title}” (was due {due})",
    "reflection.demo.heading": "Reflections still to write in week {week}",
    "reflection.demo.summary.one": "1 reflection is missing ({overdue} overdue).",
    "reflection.demo.summary.other": "{count} reflections are missing ({overdue} overdue).",
    "reflection.demo.none": "No reflections are missing this week.",
    "reflection.demo.more.one": "… and 1 more.",
    "reflection.demo.more.other": "… and {count} more.",
    "reflection.demo.sharing": (
        "Sharing of {total} reflections: {private} private, {mentor} with a mentor, "
        "{team} with the team and {organisation} with everyone."
    ),
    "reflection.demo.viewer": (
        "{name} can read {visible} of them: their own, their team's and those shared with everyone."
    ),
    "reflection.demo.viewer_mentor": (
        "{name} can read {visible} of them: their own, their team's, their mentees' and "
        "those shared with everyone."
    ),
}
