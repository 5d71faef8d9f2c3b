"""Texts of this part in Danish (``DA``) and English (``EN``): same keys, same placeholders.

Keys start with ``nudges.``: one message per reason a bot nudges someone
(:mod:`learnkit.nudges`). For the reasons, ``.one`` and ``.other`` mean *one
record* and *several records* (not grammatical number): ``.one`` is the text
of a nudge about one record, ``.other`` the text of a nudge about several,
their ``{items}`` listed with ``nudges.list.*``, each written by the reason's
``.item`` text. Only ``nudges.no_development_time.*`` use ``.one``/``.other``
for grammatical number (one week or several). People are greeted by their
first name (``{name}``); others are named in full. Dates come as the
reflection texts write them, with the year (``nudges.date.year``) when it is
not the current year. The texts are warm and short, ask rather than tell, and
never blame; the one about development time is the gentlest.
"""

from typing import Final

DA: Final[dict[str, str]] = {
    "nudges.list.and": "{items} og {last}",
    "nudges.list.more": "{items} og {count} mere",
    "nudges.date.year": "{weekday} d. {day}.{month}.{year}",
    "nudges.time.zone": "{time} (din tid, {zone})",
    "nudges.reflection_due.due.one": (
        "Hej {name}! Har du fem minutter til at reflektere over »{title}« ({kind}) inden "
        "{deadline}? Hvad gik godt, hvad kan gøres bedre, og hvad lærte du?"
    ),
    "nudges.reflection_due.late.one": (
        "Hej {name}! Har du fem minutter til at reflektere over »{title}« ({kind})? "
        "Fristen var {deadline}, men det er aldrig for sent. Hvad gik godt, hvad kan gøres "
        "bedre, og hvad lærte du?"
    ),
    "nudges.reflection_due.other": (
        "Hej {name}! Der venter {count} refleksioner på dig: {items}. Har du fem minutter til "
        "en af dem? Hvad gik godt, hvad kan gøres bedre, og hvad lærte du?"
    ),
    "nudges.reflection_due.due.item": "»{title}« ({kind}, inden {deadline})",
    "nudges.reflection_due.late.item": "»{title}« ({kind}, fristen var {deadline})",
    "nudges.check_in_due.mentor.one": (
        "Hej {name}! Det er tid til en snak med {other}: jeres check-in var planlagt "
        "til {date}, og det behøver ikke tage lang tid."
    ),
    "nudges.check_in_due.mentor.other": (
        "Hej {name}! Det er tid til check-ins i {count} mentorforløb: {items}. "
        "En kort snak med hver er rigeligt."
    ),
    "nudges.check_in_due.mentee.one": (
        "Hej {name}! Det er tid til en snak med din mentor, {other}: jeres check-in var "
        "planlagt til {date}, og du er velkommen til selv at foreslå et tidspunkt."
    ),
    "nudges.check_in_due.mentee.other": (
        "Hej {name}! Det er tid til en snak med dine {count} mentorer: {items}. Du er "
        "velkommen til selv at foreslå tidspunkter."
    ),
    "nudges.check_in_due.item": "{other} (planlagt til {date})",
    "nudges.goal_follow_up_due.employee.one": (
        "Hej {name}! Det er tid til at følge op på de læringsmål, du aftalte med {other} "
        "til MUS. Skriv gerne et par ord om, hvordan det går – også hvis planerne har ændret sig."
    ),
    "nudges.goal_follow_up_due.employee_alone.one": (
        "Hej {name}! Det er tid til at følge op på de læringsmål, du aftalte til MUS. "
        "Skriv gerne et par ord om, hvordan det går – også hvis planerne har ændret sig."
    ),
    "nudges.goal_follow_up_due.leader.one": (
        "Hej {name}! Det er tid til at følge op på læringsmålene fra MUS med {other}. "
        "En kort snak om, hvad der er lært, og hvad der kunne hjælpe, er nok."
    ),
    "nudges.goal_follow_up_due.leader.other": (
        "Hej {name}! Det er tid til at følge op på læringsmålene fra {count} MUS-samtaler: "
        "{items}. En kort snak om, hvad der er lært, og hvad der kunne hjælpe, er nok."
    ),
    "nudges.goal_follow_up_due.own": "din egen med {other}",
    "nudges.goal_follow_up_due.own_alone": "din egen",
    "nudges.action_item_overdue.one": (
        "Hej {name}! Handlingspunktet »{title}« var planlagt til {date} – hvordan går det? "
        "Hvis planen har ændret sig, kan du sætte en ny dato eller bede om hjælp."
    ),
    "nudges.action_item_overdue.other": (
        "Hej {name}! {count} handlingspunkter har passeret deres planlagte dato: {items}. "
        "Hvordan går det? Hvis planerne har ændret sig, kan du sætte nye datoer eller bede "
        "om hjælp."
    ),
    "nudges.action_item_overdue.item": "»{title}« ({date})",
    "nudges.presenter_reminder.topic.one": (
        "Hej {name}! Du holder oplæg ved {series} {date} kl. {time} om »{topic}«. Vi glæder os!"
    ),
    "nudges.presenter_reminder.open_topic.one": (
        "Hej {name}! Det er din tur til at holde oplæg ved {series} {date} kl. {time}. "
        "Emnet vælger du selv – vi glæder os!"
    ),
    "nudges.presenter_reminder.other": (
        "Hej {name}! Du holder snart {count} oplæg: {items}. Vi glæder os!"
    ),
    "nudges.presenter_reminder.item": "{series} {date} kl. {time}",
    "nudges.meeting_opener.one": (
        "Hej {team}! {meeting} begynder kl. {time}. Et spørgsmål at åbne med: »{question}«"
    ),
    "nudges.meeting_opener.other": "Hej {team}! {count} møder begynder snart: {items}.",
    "nudges.meeting_opener.item": "{meeting} kl. {time}, åbn gerne med »{question}«",
    "nudges.no_development_time.one": (
        "Hej {name}. Der har vist ikke været tid til udvikling den seneste uge. Det sker – "
        "måske bliver der plads til lidt i denne uge? Tag endelig en snak med din leder, "
        "hvis driften fylder for meget."
    ),
    "nudges.no_development_time.other": (
        "Hej {name}. Der har vist ikke været tid til udvikling de seneste {weeks} uger. "
        "Det sker – måske bliver der plads til lidt i denne uge? Tag endelig en snak med "
        "din leder, hvis driften fylder for meget."
    ),
    "nudges.no_development_time.alone.one": (
        "Hej {name}. Der har vist ikke været tid til udvikling den seneste uge. Det sker – "
        "måske bliver der plads til lidt i denne uge?"
    ),
    "nudges.no_development_time.alone.other": (
        "Hej {name}. Der har vist ikke været tid til udvikling de seneste {weeks} uger. "
        "Det sker – måske bliver der plads til lidt i denne uge?"
    ),
}

EN: Final[dict[str, str]] = {
    "nudges.list.and": "{items} and {last}",
    "nudges.list.more": "{items} and {count} more",
    "nudges.date.year": "{weekday} {day}/{month}/{year}",
    "nudges.time.zone": "{time} (your time, {zone})",
    "nudges.reflection_due.due.one": (
        "Hi {name}! Have you got five minutes to reflect on “{title}” ({kind}) before "
        "{deadline}? What went well, what could be better, and what did you learn?"
    ),
    "nudges.reflection_due.late.one": (
        "Hi {name}! Have you got five minutes to reflect on “{title}” ({kind})? It was "
        "due {deadline}, but it’s never too late. What went well, what could be better, "
        "and what did you learn?"
    ),
    "nudges.reflection_due.other": (
        "Hi {name}! You have {count} reflections to write: {items}. Have you got five "
        "minutes for one of them? What went well, what could be better, and what did you learn?"
    ),
    "nudges.reflection_due.due.item": "“{title}” ({kind}, before {deadline})",
    "nudges.reflection_due.late.item": "“{title}” ({kind}, due {deadline})",
    "nudges.check_in_due.mentor.one": (
        "Hi {name}! It’s time for a chat with {other}: your check-in was planned for "
        "{date}, and a short one is plenty."
    ),
    "nudges.check_in_due.mentor.other": (
        "Hi {name}! It’s time for check-ins in {count} mentorships: {items}. "
        "A short chat with each is plenty."
    ),
    "nudges.check_in_due.mentee.one": (
        "Hi {name}! It’s time for a chat with your mentor, {other}: your check-in was "
        "planned for {date}, and you’re welcome to suggest a time yourself."
    ),
    "nudges.check_in_due.mentee.other": (
        "Hi {name}! It’s time for a chat with your {count} mentors: {items}. You’re "
        "welcome to suggest times yourself."
    ),
    "nudges.check_in_due.item": "{other} (planned for {date})",
    "nudges.goal_follow_up_due.employee.one": (
        "Hi {name}! It’s time to follow up on the learning goals you agreed with {other} "
        "in your development review. A few words on how it’s going are welcome, also if "
        "plans have changed."
    ),
    "nudges.goal_follow_up_due.employee_alone.one": (
        "Hi {name}! It’s time to follow up on the learning goals you agreed in your "
        "development review. A few words on how it’s going are welcome, also if plans "
        "have changed."
    ),
    "nudges.goal_follow_up_due.leader.one": (
        "Hi {name}! It’s time to follow up on the learning goals from the development "
        "review with {other}. A short chat about what has been learned and what would "
        "help is enough."
    ),
    "nudges.goal_follow_up_due.leader.other": (
        "Hi {name}! It’s time to follow up on the learning goals from {count} development "
        "reviews: {items}. A short chat about what has been learned and what would help "
        "is enough."
    ),
    "nudges.goal_follow_up_due.own": "your own with {other}",
    "nudges.goal_follow_up_due.own_alone": "your own",
    "nudges.action_item_overdue.one": (
        "Hi {name}! The action item “{title}” was planned for {date} – how is it going? "
        "If plans have changed, you can set a new date or ask for help."
    ),
    "nudges.action_item_overdue.other": (
        "Hi {name}! {count} action items have passed their planned dates: {items}. "
        "How is it going? If plans have changed, you can set new dates or ask for help."
    ),
    "nudges.action_item_overdue.item": "“{title}” ({date})",
    "nudges.presenter_reminder.topic.one": (
        "Hi {name}! You’re presenting “{topic}” at {series} on {date} at {time}. "
        "We’re looking forward to it!"
    ),
    "nudges.presenter_reminder.open_topic.one": (
        "Hi {name}! It’s your turn to present at {series} on {date} at {time}. "
        "The topic is yours to choose – we’re looking forward to it!"
    ),
    "nudges.presenter_reminder.other": (
        "Hi {name}! You’re presenting {count} times soon: {items}. We’re looking forward to it!"
    ),
    "nudges.presenter_reminder.item": "{series}, {date} at {time}",
    "nudges.meeting_opener.one": (
        "Hi {team}! {meeting} starts at {time}. A question to open with: “{question}”"
    ),
    "nudges.meeting_opener.other": "Hi {team}! {count} meetings start soon: {items}.",
    "nudges.meeting_opener.item": "{meeting} at {time}, perhaps opening with “{question}”",
    "nudges.no_development_time.one": (
        "Hi {name}. It looks like there hasn’t been time for development in the last week. "
        "That happens. Maybe there’s room for a little this week? Do talk to your leader "
        "if operations take up too much."
    ),
    "nudges.no_development_time.other": (
        "Hi {name}. It looks like there hasn’t been time for development in the last "
        "{weeks} weeks. That happens. Maybe there’s room for a little this week? Do talk "
        "to your leader if operations take up too much."
    ),
    "nudges.no_development_time.alone.one": (
        "Hi {name}. It looks like there hasn’t been time for development in the last week. "
        "That happens. Maybe there’s room for a little this week?"
    ),
    "nudges.no_development_time.alone.other": (
        "Hi {name}. It looks like there hasn’t been time for development in the last "
        "{weeks} weeks. That happens. Maybe there’s room for a little this week?"
    ),
}
