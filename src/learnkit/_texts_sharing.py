"""Texts of learnkit.sharing in Danish (``DA``) and English (``EN``): same keys, same placeholders."""

from typing import Final

DA: Final[dict[str, str]] = {
    "sharing.format.friday_story": "fredagsfortælling",
    "sharing.format.mini_workshop": "miniworkshop",
    "sharing.format.lightning_talk": "lynoplæg",
    "sharing.skip.exception": "aflyst",
    "sharing.skip.not_a_working_day": "ikke en arbejdsdag",
    "sharing.skip.no_earlier_working_day": "ingen ledig arbejdsdag tidligere samme uge",
    "sharing.topic_status.proposed": "foreslået",
    "sharing.topic_status.planned": "planlagt",
    "sharing.topic_status.held": "afholdt",
    "sharing.explain.turns.one": "{person} ({team}) har holdt {turns} oplæg før – færrest blandt {candidates} mulige",
    "sharing.explain.turns.other": "{person} ({team}) har holdt {turns} oplæg før – færrest blandt {candidates} mulige",
    "sharing.explain.last_presented": "sidste oplæg {date}",
    "sharing.explain.other_team": "fra et andet team end sidste gang",
    "sharing.explain.same_team": "samme team som sidste gang, fordi alle med færrest oplæg var derfra",
    "sharing.explain.pair_same_team": "parret er fra samme team: ingen fra et andet team kunne den dag",
    "sharing.explain.kept": "uændret fra den tidligere plan",
    "sharing.explain.open_topic": "emne: frit – oplægsholderen vælger",
    "sharing.explain.topic.one": "emne: {title} ({votes} stemme)",
    "sharing.explain.topic.other": "emne: {title} ({votes} stemmer)",
}

EN: Final[dict[str, str]] = {
    "sharing.format.friday_story": "Friday story",
    "sharing.format.mini_workshop": "mini-workshop",
    "sharing.format.lightning_talk": "lightning talk",
    "sharing.skip.exception": "cancelled",
    "sharing.skip.not_a_working_day": "not a working day",
    "sharing.skip.no_earlier_working_day": "no free working day earlier in the same week",
    "sharing.topic_status.proposed": "proposed",
    "sharing.topic_status.planned": "planned",
    "sharing.topic_status.held": "held",
    "sharing.explain.turns.one": "{person} ({team}) has presented {turns} time before, the fewest of {candidates} who could",
    "sharing.explain.turns.other": "{person} ({team}) has presented {turns} times before, the fewest of {candidates} who could",
    "sharing.explain.last_presented": "last presented on {date}",
    "sharing.explain.other_team": "from another team than last time",
    "sharing.explain.same_team": "the same team as last time, because everyone with the fewest turns was from there",
    "sharing.explain.pair_same_team": "the pair is from one team: nobody from another team could make it that day",
    "sharing.explain.kept": "unchanged from the earlier plan",
    "sharing.explain.open_topic": "topic: open, the presenter chooses",
    "sharing.explain.topic.one": "topic: {title} ({votes} vote)",
    "sharing.explain.topic.other": "topic: {title} ({votes} votes)",
}
