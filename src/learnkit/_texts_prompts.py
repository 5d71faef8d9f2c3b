"""Texts of this part in Danish (``DA``) and English (``EN``): same keys, same placeholders.

Prompt decks (``prompt.*``), the reasons :func:`~learnkit.reflection.next_prompt`
gives, and team retrospectives (``retro.*``).
"""

from typing import Final

DA: Final[dict[str, str]] = {
    # Deck names.
    "prompt.deck.after_action_review": "Evaluering efter indsatsen (after action review)",
    "prompt.deck.start_stop_continue": "Start, stop, fortsæt",
    "prompt.deck.four_ls": "De fire L'er",
    "prompt.deck.meeting_openers": "Mødeåbnere",
    "prompt.deck.since_last_time": "Hvad har vi lært siden sidst?",
    # After-action review.
    "prompt.aar.intended": "Hvad skulle der ske?",
    "prompt.aar.happened": "Hvad skete der faktisk?",
    "prompt.aar.why": "Hvorfor var der forskel?",
    "prompt.aar.next_time": "Hvad gør vi næste gang?",
    # Start, stop, continue.
    "prompt.ssc.start": "Hvad skal vi begynde at gøre?",
    "prompt.ssc.stop": "Hvad skal vi holde op med?",
    "prompt.ssc.continue": "Hvad skal vi blive ved med?",
    # The four Ls.
    "prompt.4l.liked": "Hvad var du glad for?",
    "prompt.4l.learned": "Hvad lærte du?",
    "prompt.4l.lacked": "Hvad manglede du?",
    "prompt.4l.longed_for": "Hvad savnede du, som ville have gjort det bedre?",
    # Meeting openers.
    "prompt.opener.learned_since_last": "Hvad har vi lært siden sidst?",
    "prompt.opener.differently_next_time": "Hvad kunne vi gøre anderledes næste gang?",
    "prompt.opener.surprised": "Hvad har overrasket dig siden sidst?",
    "prompt.opener.mistake": "Hvilken fejl har lært dig noget for nylig?",
    "prompt.opener.helped": "Hvem har hjulpet dig med at lære noget nyt siden sidst?",
    "prompt.opener.first_time": "Hvad har du prøvet for første gang siden sidst?",
    "prompt.opener.proud": "Hvad er du stolt af, at vi fik lært i denne periode?",
    # What have we learned since last time?
    "prompt.since.learned": "Hvad har vi lært siden sidst?",
    "prompt.since.know_now": "Hvad ved vi nu, som vi ikke vidste sidst?",
    "prompt.since.tried": "Hvilket forsøg har vi lært mest af siden sidst?",
    "prompt.since.agreed": "Hvordan gik det med det, vi aftalte sidst?",
    "prompt.since.share": "Hvad har vi lært, som andre teams også kunne have glæde af?",
    "prompt.since.start_over": "Hvad ville vi gøre anderledes, hvis vi startede forfra i dag?",
    # Why next_prompt chose a prompt.
    "prompt.choice.seeded.one": "Det eneste spørgsmål, teamet ikke har haft for nylig.",
    "prompt.choice.seeded.other": (
        "Trukket med seed {seed} blandt {count} spørgsmål, teamet ikke har haft for nylig."
    ),
    "prompt.choice.overdue": "Valgt, fordi teamet ikke har haft det i {meetings} møder.",
    "prompt.choice.overdue_new": "Valgt, fordi teamet ikke har haft det endnu.",
    "prompt.choice.avoided.one": (
        "1 spørgsmål er sprunget over, fordi teamet havde det på et af de seneste {meetings} møder."
    ),
    "prompt.choice.avoided.other": (
        "{count} spørgsmål er sprunget over, fordi teamet havde dem på de seneste {meetings} møder."
    ),
    "prompt.choice.small_deck": (
        "Bunken har højst {meetings} spørgsmål, så kun de senest brugte kan springes over."
    ),
    # Retrospectives.
    "retro.since.question": (
        "Sidst aftalte vi: »{action}«. Hvordan er det gået, og hvad har vi lært siden?"
    ),
    "retro.since.question_owner": (
        "Sidst aftalte vi: »{action}« ({owner}). Hvordan er det gået, og hvad har vi lært siden?"
    ),
    "retro.refused.already_done": "Aftalen er allerede gennemført.",
    "retro.refused.done_before_created": "Aftalen kan ikke være gennemført, før den blev indgået.",
    # The demo section.
    "retro.demo.heading": "Mødeåbner for {team} (seed {seed})",
    "retro.demo.opener": "Åbningsspørgsmål: {question}",
    "retro.demo.open_points.one": "{count} åben aftale fra retrospektivet {date}:",
    "retro.demo.open_points.other": "{count} åbne aftaler fra retrospektivet {date}:",
    "retro.demo.none_open": "Ingen åbne aftaler fra sidste retrospektiv.",
    "retro.demo.question": "  – {question}",
    "retro.demo.themes": "Temaer sidst: {themes}",
    "retro.demo.theme.one": "{label} (1 stemme)",
    "retro.demo.theme.other": "{label} ({count} stemmer)",
    "retro.demo.why": "Hvorfor: {reason}",
}

EN: Final[dict[str, str]] = {
    # Deck names.
    "prompt.deck.after_action_review": "After-action review",
    "prompt.deck.start_stop_continue": "Start, stop, continue",
    "prompt.deck.four_ls": "The four Ls",
    "prompt.deck.meeting_openers": "Meeting openers",
    "prompt.deck.since_last_time": "What have we learned since last time?",
    # After-action review.
    "prompt.aar.intended": "What was supposed to happen?",
    "prompt.aar.happened": "What actually happened?",
    "prompt.aar.why": "Why was there a difference?",
    "prompt.aar.next_time": "What will we do next time?",
    # Start, stop, continue.
    "prompt.ssc.start": "What should we start doing?",
    "prompt.ssc.stop": "What should we stop doing?",
    "prompt.ssc.continue": "What should we continue doing?",
    # The four Ls.
    "prompt.4l.liked": "What did you like?",
    "prompt.4l.learned": "What did you learn?",
    "prompt.4l.lacked": "What did you lack?",
    "prompt.4l.longed_for": "What did you long for that would have made it better?",
    # Meeting openers.
    "prompt.opener.learned_since_last": "What have we learned since last time?",
    "prompt.opener.differently_next_time": "What could we do differently next time?",
    "prompt.opener.surprised": "What has surprised you since last time?",
    "prompt.opener.mistake": "Which mistake has taught you something lately?",
    "prompt.opener.helped": "Who has helped you learn something new since last time?",
    "prompt.opener.first_time": "What have you tried for the first time since last time?",
    "prompt.opener.proud": "What are you proud that we learned in this period?",
    # What have we learned since last time?
    "prompt.since.learned": "What have we learned since last time?",
    "prompt.since.know_now": "What do we know now that we did not know last time?",
    "prompt.since.tried": "Which experiment have we learned most from since last time?",
    "prompt.since.agreed": "How did it go with what we agreed last time?",
    "prompt.since.share": "What have we learned that other teams could use too?",
    "prompt.since.start_over": "What would we do differently if we started over today?",
    # Why next_prompt chose a prompt.
    "prompt.choice.seeded.one": "The only question the team has not had recently.",
    "prompt.choice.seeded.other": (
        "Drawn with seed {seed} from {count} questions the team has not had recently."
    ),
    "prompt.choice.overdue": "Chosen because the team has not had it in {meetings} meetings.",
    "prompt.choice.overdue_new": "Chosen because the team has not had it yet.",
    "prompt.choice.avoided.one": (
        "1 question was skipped because the team had it in one of the last {meetings} meetings."
    ),
    "prompt.choice.avoided.other": (
        "{count} questions were skipped because the team had them in the last {meetings} meetings."
    ),
    "prompt.choice.small_deck": (
        "The deck has at most {meetings} questions, so only the most recent ones can be skipped."
    ),
    # Retrospectives.
    "retro.since.question": (
        "Last time we agreed: “{action}”. How has it gone, and what have we learned since?"
    ),
    "retro.since.question_owner": (
        "Last time we agreed: “{action}” ({owner}). How has it gone, and what have we learned since?"
    ),
    "retro.refused.already_done": "The action point is already done.",
    "retro.refused.done_before_created": "An action point cannot be done before it was agreed.",
    # The demo section.
    "retro.demo.heading": "Meeting opener for {team} (seed {seed})",
    "retro.demo.opener": "Opening question: {question}",
    "retro.demo.open_points.one": "{count} open action point from the retrospective on {date}:",
    "retro.demo.open_points.other": "{count} open action points from the retrospective on {date}:",
    "retro.demo.none_open": "No open action points from the last retrospective.",
    "retro.demo.question": "  – {question}",
    "retro.demo.themes": "Themes last time: {themes}",
    "retro.demo.theme.one": "{label} (1 vote)",
    "retro.demo.theme.other": "{label} ({count} votes)",
    "retro.demo.why": "Why: {reason}",
}
