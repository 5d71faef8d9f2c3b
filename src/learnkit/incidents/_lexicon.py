"""The shape of a lexicon rule, and the fragments the Danish and English lexicons share.

A lexicon is data: a tuple of :class:`Rule` values, each a regular expression
(matched case-insensitively, one sentence at a time, so no match crosses a
sentence or a line break) with the kind of finding it reports and optional guards. Guards
look at the rest of the *sentence* around a match and drop it when it is a
neutral look-alike ("it was *not obvious*", "*git blame*", "*for en
sikkerheds skyld*").

Two placeholders stand for people: ``<P>`` is a reference to a person (a
pronoun, "the engineer", "udvikleren", or one of the names the caller passes),
``<PG>`` the same in the genitive ("Mette's", "Mettes", "his", "hans"). The
checker fills them in per set of names (see ``_matcher._rule_set``).
"""

from __future__ import annotations

from typing import Final, NamedTuple


class Rule(NamedTuple):
    r"""One pattern of a lexicon.

    Attributes:
        kind: The value of the ``FindingKind`` the rule reports.
        pattern: The expression; when it has a group named ``hit``, that group
            is the reported phrase, otherwise the whole match is.
        unless_before: Dropped when this expression is found (``search``) in
            the sentence text before the phrase; write it anchored with ``\Z``.
        unless_after: Dropped when this expression matches (``match``) the
            sentence text right after the phrase.
        question: The rule only applies to sentences that end with ``?``, and
            ``^`` in the pattern is the start of that sentence.
    """

    kind: str
    pattern: str
    unless_before: str | None = None
    unless_after: str | None = None
    question: bool = False


# Words that make what follows a mention of a phrase rather than a use of it
# ("the term human error", "ordet rodårsag"); applied to every rule.
MENTION_BEFORE: Final = (
    r"(?:\b(?:term|terms|word|words|phrase|phrases|label|labels|category|categories|option|"
    r"heading|tag|expression|ordet|ordene|begrebet|begreber|udtrykket|udtryk|kategorien|"
    r"betegnelsen|overskriften|mærkatet|valgmuligheden|punktet|termen)\s*[:\"“‘'«]?\s*)\Z"
)

# A few words of the same clause (no punctuation between them and the phrase).
CLAUSE_WORDS: Final = r"(?:[^\W\d_][\w'’-]*\s+){0,3}"

EN_PERSON_NOUNS: Final = (
    r"(?:engineer|developer|dev|operator|admin|administrator|sysadmin|employee|colleague|intern|"
    r"new\s+hire|newcomer|tester|consultant|person|guy|contractor|analyst|technician|"
    r"staff\s+member|team\s+member|manager|on-call|on-caller|responder|reviewer|junior|trainee)"
)
EN_PERSON: Final = (
    r"(?:\b(?:he|she|I|someone|somebody)\b|\b(?:the|a|an|our|one|that|this|their|some)\s+"
    r"(?:(?:new|junior|senior|on-call|responsible|same|other)\s+)*" + EN_PERSON_NOUNS + r"s?\b)"
)
EN_PERSON_GENITIVE: Final = (
    r"(?:\b(?:his|her)\b|\b(?:the|a|an|our|that|this)\s+(?:(?:new|junior|senior|on-call|"
    r"responsible|same|other)\s+)*" + EN_PERSON_NOUNS + r"['’]s\b)"
)

DA_PERSON_NOUNS: Final = (
    r"(?:udvikler(?:en|e|ne)?|medarbejder(?:en|e|ne)?|kollega(?:en|er|erne)?|"
    r"praktikant(?:en)?|konsulent(?:en)?|tekniker(?:en)?|operatør(?:en)?|"
    r"administrator(?:en)?|supporter(?:en)?|elev(?:en)?|nyansatte|vagthavende|"
    r"ansvarlige|juniorudvikler(?:en)?|vagten|kollegaen|testeren|lederen|chefen)"
)
DA_PERSON: Final = (
    r"(?:\b(?:han|hun|jeg|nogen|ham|hende)\b|\b(?:den|en|vores|denne|de)?\s*"
    r"(?:(?:nye|unge|nyansatte|nye|samme)\s+)*\b" + DA_PERSON_NOUNS + r"\b)"
)
DA_PERSON_GENITIVE: Final = (
    r"(?:\b(?:hans|hendes)\b|\b(?:udviklerens|medarbejderens|kollegaens|praktikantens|"
    r"konsulentens|teknikerens|operatørens|administratorens|vagthavendes|vagtens|"
    r"testerens|den\s+nyansattes|den\s+ansvarliges|den\s+vagthavendes)\b)"
)

# Subjects that are systems: "the job failed to start" is not a judgement of anyone.
EN_SYSTEM_SUBJECT: Final = (
    r"\b(?:job|jobs|service|services|script|build|pipeline|server|servers|check|test|tests|"
    r"backup|cron|migration|alert|alerting|monitor|monitoring|database|db|connection|request|"
    r"requests|process|node|nodes|pod|pods|container|certificate|replica|queue|worker|cluster|"
    r"balancer|dns|api|system|it|tool|tooling|bot|deploy|deployment|rollout|probe|validator|"
    r"linter|query|cache|client|library|sdk|automation|rule|integration|app|application|"
    r"release|update|patch|hook|webhook|proxy|gateway|firewall|scheduler|task|runner|"
    r"consumer|producer|sensor|device|disk|network|router|switch|agent|daemon|dashboard|"
    r"page|pager|alarm|form|upload|download|sync|import|export|report|index|loader|"
    r"health\s*check|failover|vendor|provider|supplier)\s+(?:" + CLAUSE_WORDS + r")\Z"
)
DA_SYSTEM_SUBJECT: Final = (
    r"\b(?:jobbet|tjenesten|scriptet|buildet|pipelinen|serveren|testen|testene|backuppen|"
    r"migreringen|alarmen|overvågningen|databasen|forbindelsen|processen|noden|containeren|"
    r"certifikatet|køen|klyngen|systemet|det|værktøjet|botten|udrulningen|deployet|"
    r"cachen|klienten|integrationen|appen|opdateringen|leverandøren|disken|netværket)\s+"
    r"(?:" + CLAUSE_WORDS + r")\Z"
)

EN_NEGATION_BEFORE: Final = (
    r"\b(?:no|not|never|without|nobody|avoid|avoids|avoiding|don['’]t|doesn['’]t|didn['’]t|"
    r"won['’]t|isn['’]t|wasn['’]t|aren['’]t|weren['’]t|rather\s+than|instead\s+of|"
    r"free\s+of|away\s+from|neither|nor|hardly|far\s+from)\s+" + CLAUSE_WORDS + r"\Z"
)
DA_NEGATION_BEFORE: Final = (
    r"\b(?:ikke|ingen|intet|aldrig|uden|undgå|undgår|undgik|hverken|frem\s+for|"
    r"i\s+stedet\s+for|snarere\s+end|fri\s+for|væk\s+fra)\s+" + CLAUSE_WORDS + r"\Z"
)

# Rules that belong to no language; a finding's locale is guessed from its sentence.
NEUTRAL_RULES: Final[tuple[Rule, ...]] = (Rule("animated_tone", r"(?:!{2,}|\?!+|!\?+)"),)

# Short words frequent in one language and rare in the other, to guess a sentence's language.
DA_MARKERS: Final = (
    r"[æøå]|\b(?:og|ikke|det|en|et|er|var|på|til|af|som|der|vi|har|blev|med|den|jeg|hun|"
    r"han|hvis|skal|kan|fra|efter|før|nu|også|alle|ingen|hvem|hvorfor)\b"
)
EN_MARKERS: Final = (
    r"\b(?:the|and|not|was|were|is|are|to|of|we|it|this|that|with|from|after|before|"
    r"has|have|had|who|why|what|no|all|on|in)\b"
)
