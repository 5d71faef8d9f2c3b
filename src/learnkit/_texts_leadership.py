"""Texts of this part in Danish (``DA``) and English (``EN``): same keys, same placeholders.

Keys start with ``leadership.``: the names of recognition kinds and band
positions, sentences a bot can say about a recognition mix or a balance, and
the lines of the demo step on goals and the operations/development balance.
"""

from typing import Final

DA: Final[dict[str, str]] = {
    # What a recognition is for.
    "leadership.kind.effort": "indsats",
    "leadership.kind.curiosity": "nysgerrighed",
    "leadership.kind.sharing": "vidensdeling",
    "leadership.kind.helping": "hjælpsomhed",
    "leadership.kind.experiment": "eksperiment",
    "leadership.kind.result": "resultat",
    # Where a week's development share lies against the target band.
    "leadership.position.below": "under målet",
    "leadership.position.within": "inden for målet",
    "leadership.position.above": "over målet",
    "leadership.percent": "{value} %",
    "leadership.band": "{low}–{high} %",
    # Sentences about a recognition mix.
    "leadership.mix.summary.one": (
        "{count} anerkendelse: {learning} for indsats og nysgerrighed, {result} for resultater."
    ),
    "leadership.mix.summary.other": (
        "{count} anerkendelser: {learning} for indsats og nysgerrighed, {result} for resultater."
    ),
    "leadership.mix.empty": "Ingen anerkendelser i perioden.",
    "leadership.mix.never_recognised": "Har ikke fået anerkendelse i perioden: {people}.",
    "leadership.mix.everyone_recognised": "Alle i teamet har fået anerkendelse i perioden.",
    # Sentences about the balance of operations and development.
    "leadership.flag.below": (
        "{person} brugte {share} af tiden på udvikling i uge {week} – under målet på {band}."
    ),
    "leadership.flag.above": (
        "{person} brugte {share} af tiden på udvikling i uge {week} – over målet på {band}."
    ),
    "leadership.no_development.one": "{person} har ikke haft tid til udvikling den seneste uge.",
    "leadership.no_development.other": (
        "{person} har ikke haft tid til udvikling de seneste {count} uger."
    ),
    # The demo step: goal health and the balance for one team.
    "leadership.demo.heading": "Læringsmål og balancen mellem drift og udvikling i {team}",
    "leadership.demo.goals": (
        "Læringsmål: {active} aktive, {overdue} over tid, {stale} uden fremskridt i {weeks} uger"
    ),
    "leadership.demo.goal_line": "{marker} {owner}: {title} ({state})",
    "leadership.demo.overdue": "over tid siden {date}",
    "leadership.demo.stale": "intet notat siden {date}",
    "leadership.demo.never_noted": "intet notat endnu",
    "leadership.demo.follow_ups": "Opfølgning efter MUS venter for: {people}",
    "leadership.demo.no_follow_ups": "Ingen opfølgning efter MUS venter.",
    "leadership.demo.balance": (
        "Udviklingstid de seneste {weeks} uger: {share} af timerne (mål {band})"
    ),
    "leadership.demo.balance_none": "Ingen timer registreret de seneste {weeks} uger.",
    "leadership.demo.outside": "Uger uden for målet: {below} under, {above} over",
    "leadership.demo.person_line": "{name}: {share} udvikling, {below} uger under målet",
    "leadership.demo.none": "ingen",
}

EN: Final[dict[str, str]] = {
    # What a recognition is for.
    "leadership.kind.effort": "effort",
    "leadership.kind.curiosity": "curiosity",
    "leadership.kind.sharing": "sharing knowledge",
    "leadership.kind.helping": "helping others",
    "leadership.kind.experiment": "experiment",
    "leadership.kind.result": "result",
    # Where a week's development share lies against the target band.
    "leadership.position.below": "below the target",
    "leadership.position.within": "within the target",
    "leadership.position.above": "above the target",
    "leadership.percent": "{value}%",
    "leadership.band": "{low}–{high}%",
    # Sentences about a recognition mix.
    "leadership.mix.summary.one": (
        "{count} recognition: {learning} for effort and curiosity, {result} for results."
    ),
    "leadership.mix.summary.other": (
        "{count} recognitions: {learning} for effort and curiosity, {result} for results."
    ),
    "leadership.mix.empty": "No recognitions in the period.",
    "leadership.mix.never_recognised": "Not recognised in the period: {people}.",
    "leadership.mix.everyone_recognised": "Everyone in the team was recognised in the period.",
    # Sentences about the balance of operations and development.
    "leadership.flag.below": (
        "{person} spent {share} of their time on development in week {week}, "
        "below the target of {band}."
    ),
    "leadership.flag.above": (
        "{person} spent {share} of their time on development in week {week}, "
        "above the target of {band}."
    ),
    "leadership.no_development.one": "{person} has had no development time in the last week.",
    "leadership.no_development.other": (
        "{person} has had no development time in the last {count} weeks."
    ),
    # The demo step: goal health and the balance for one team.
    "leadership.demo.heading": "Learning goals and the operations/development balance in {team}",
    "leadership.demo.goals": (
        "Learning goals: {active} active, {overdue} overdue, {stale} without progress "
        "for {weeks} weeks"
    ),
    "leadership.demo.goal_line": "{marker} {owner}: {title} ({state})",
    "leadership.demo.overdue": "overdue since {date}",
    "leadership.demo.stale": "no note since {date}",
    "leadership.demo.never_noted": "no note yet",
    "leadership.demo.follow_ups": "Development review follow-ups due: {people}",
    "leadership.demo.no_follow_ups": "No development review follow-ups due.",
    "leadership.demo.balance": (
        "Development time in the last {weeks} weeks: {share} of the hours (target {band})"
    ),
    "leadership.demo.balance_none": "No hours recorded in the last {weeks} weeks.",
    "leadership.demo.outside": "Weeks outside the target: {below} below, {above} above",
    "leadership.demo.person_line": "{name}: {share} development, {below} weeks below target",
    "leadership.demo.none": "none",
}
