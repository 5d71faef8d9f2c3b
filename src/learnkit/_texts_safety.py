"""Texts of this part in Danish (``DA``) and English (``EN``): same keys, same placeholders.

Keys start with ``safety.``. The English items are Amy C. Edmondson's wording
(Edmondson 1999, *Psychological Safety and Learning Behavior in Work Teams*,
Administrative Science Quarterly 44(2), 350–383). The Danish items are
learnkit's own translation, not a validated Danish version of the scale.
"""

from typing import Final

DA: Final[dict[str, str]] = {
    # The scale (learnkit's own translation; not a validated Danish version).
    "safety.item.1": "Hvis man begår en fejl i dette team, bliver det ofte holdt imod én.",
    "safety.item.2": "Medlemmerne af dette team kan tage problemer og svære emner op.",
    "safety.item.3": "Folk i dette team afviser nogle gange andre, fordi de er anderledes.",
    "safety.item.4": "Det er trygt at tage en risiko i dette team.",
    "safety.item.5": "Det er svært at bede andre i dette team om hjælp.",
    "safety.item.6": (
        "Ingen i dette team vil bevidst handle på en måde, der underminerer min indsats."
    ),
    "safety.item.7": (
        "Når jeg arbejder sammen med de andre i teamet, bliver mine særlige evner "
        "og talenter værdsat og brugt."
    ),
    "safety.anchor.1": "Passer slet ikke",
    "safety.anchor.2": "Passer ikke",
    "safety.anchor.3": "Passer kun lidt",
    "safety.anchor.4": "Hverken eller",
    "safety.anchor.5": "Passer nogenlunde",
    "safety.anchor.6": "Passer",
    "safety.anchor.7": "Passer helt",
    "safety.anchor.low": "Passer slet ikke",
    "safety.anchor.high": "Passer helt",
    "safety.translation_note": (
        "De danske formuleringer er learnkits egen oversættelse, ikke en valideret dansk udgave."
    ),
    "safety.scale.item": "{number}. {text}",
    "safety.scale.anchor": "{point} = {text}",
    "safety.scale.answer": "Svar fra 1 til {points}: {anchors}",
    # Whom a result is about.
    "safety.group.everyone": "Alle",
    "safety.group.team": "{team}",
    "safety.group.team_label": "{team}, {label}",
    "safety.group.label": "Alle, {label}",
    # A pulse's results.
    "safety.pulse.heading": "Psykologisk tryghed: {survey} ({first} – {last})",
    "safety.pulse.threshold.one": "Resultater vises kun for mindst {k} svar.",
    "safety.pulse.threshold.other": "Resultater vises kun for mindst {k} svar.",
    "safety.pulse.nothing": "Ingen grupper at vise.",
    "safety.result.released.one": "{group}: {score} af {points} ({respondents} svar)",
    "safety.result.released.other": "{group}: {score} af {points} ({respondents} svar)",
    "safety.result.too_few": "{group}: Vises ikke: færre end {k} svar",
    "safety.result.would_reveal": (
        "{group}: Vises ikke: sammen med de viste resultater (bl.a. »{other}«) ville det afsløre"
        " en gruppe på færre end {k}"
    ),
    "safety.result.same_as": "{group}: Vises ikke: tilføjer intet til et resultat, der allerede vises",
    # A trend across pulses.
    "safety.trend.heading": "Udvikling for {group}",
    "safety.trend.first": "{survey} ({first} – {last}): {score}",
    "safety.trend.change": "{survey} ({first} – {last}): {score} ({change})",
    "safety.trend.too_few": "{survey} ({first} – {last}): vises ikke, færre end {k} svar",
    "safety.trend.would_reveal": (
        "{survey} ({first} – {last}): vises ikke, ville sammen med de viste resultater"
        " (bl.a. »{other}«) afsløre en gruppe"
    ),
    "safety.trend.same_as": (
        "{survey} ({first} – {last}): vises ikke, tilføjer intet til et resultat, der allerede vises"
    ),
}

EN: Final[dict[str, str]] = {
    # The scale (Edmondson 1999, verbatim).
    "safety.item.1": "If you make a mistake on this team, it is often held against you.",
    "safety.item.2": "Members of this team are able to bring up problems and tough issues.",
    "safety.item.3": "People on this team sometimes reject others for being different.",
    "safety.item.4": "It is safe to take a risk on this team.",
    "safety.item.5": "It is difficult to ask other members of this team for help.",
    "safety.item.6": (
        "No one on this team would deliberately act in a way that undermines my efforts."
    ),
    "safety.item.7": (
        "Working with members of this team, my unique skills and talents are valued and utilized."
    ),
    "safety.anchor.1": "Very inaccurate",
    "safety.anchor.2": "Inaccurate",
    "safety.anchor.3": "Somewhat inaccurate",
    "safety.anchor.4": "Neither accurate nor inaccurate",
    "safety.anchor.5": "Somewhat accurate",
    "safety.anchor.6": "Accurate",
    "safety.anchor.7": "Very accurate",
    "safety.anchor.low": "Very inaccurate",
    "safety.anchor.high": "Very accurate",
    "safety.translation_note": (
        "The Danish wording is learnkit's own translation, not a validated Danish version."
    ),
    "safety.scale.item": "{number}. {text}",
    "safety.scale.anchor": "{point} = {text}",
    "safety.scale.answer": "Answer from 1 to {points}: {anchors}",
    "safety.group.everyone": "Everyone",
    "safety.group.team": "{team}",
    "safety.group.team_label": "{team}, {label}",
    "safety.group.label": "Everyone, {label}",
    "safety.pulse.heading": "Psychological safety: {survey} ({first} – {last})",
    "safety.pulse.threshold.one": "Results are shown only for at least {k} response.",
    "safety.pulse.threshold.other": "Results are shown only for at least {k} responses.",
    "safety.pulse.nothing": "No groups to show.",
    "safety.result.released.one": "{group}: {score} of {points} ({respondents} response)",
    "safety.result.released.other": "{group}: {score} of {points} ({respondents} responses)",
    "safety.result.too_few": "{group}: Not shown: fewer than {k} responses",
    "safety.result.would_reveal": (
        "{group}: Not shown: read with the results shown (such as '{other}') it would reveal"
        " a group smaller than {k}"
    ),
    "safety.result.same_as": "{group}: Not shown: adds nothing to a result already shown",
    "safety.trend.heading": "Trend for {group}",
    "safety.trend.first": "{survey} ({first} – {last}): {score}",
    "safety.trend.change": "{survey} ({first} – {last}): {score} ({change})",
    "safety.trend.too_few": "{survey} ({first} – {last}): not shown, fewer than {k} responses",
    "safety.trend.would_reveal": (
        "{survey} ({first} – {last}): not shown, would reveal a group when read with the"
        " results shown (such as '{other}')"
    ),
    "safety.trend.same_as": (
        "{survey} ({first} – {last}): not shown, adds nothing to a result already shown"
    ),
}
