"""The English lexicon of the blameless-language check (see ``_lexicon`` for the rule shape)."""

from __future__ import annotations

from typing import Final

from learnkit.incidents._lexicon import (
    CLAUSE_WORDS,
    EN_NEGATION_BEFORE,
    EN_SYSTEM_SUBJECT,
    Rule,
)

_W = CLAUSE_WORDS
_ADVERBS = r"(?:(?:had|has|have|then|just|accidentally|also|simply|probably|apparently|"
_ADVERBS += r"clearly|completely|totally|again|somehow|obviously|carelessly)\s+)*"

_DUTY_VERBS = (
    r"(?:follow|check|notice|verify|review|communicate|escalate|inform|read|ensure|report|"
    r"update|comply|consider|ask|tell|double-check|document|understand|realise|realize|"
    r"pay\s+attention|act|respond|test|warn|notify|look|see|spot|catch|confirm|validate|"
    r"coordinate|recognise|recognize|anticipate|foresee|apply|do|take|think|mention|"
    r"acknowledge|raise|flag|plan|prepare|react|investigate|write|run|use)"
)

RULES: Final[tuple[Rule, ...]] = (
    # --- human error -----------------------------------------------------------------
    Rule(
        "human_error",
        r"\b(?:human|operator|user|pilot|personnel|staff|people)[\s-]+(?:errors?|mistakes?)\b",
    ),
    Rule("human_error", r"\bthe\s+human\s+(?:factor|element)\b"),
    Rule("human_error", r"\b(?:pebkac|pebcak|id-?10-?t|layer[\s-]?8\s+(?:issue|problem|error))\b"),
    Rule("human_error", r"\bfat[\s-]?finger(?:ed|ing|s)?\b"),
    # --- person as cause ---------------------------------------------------------------
    Rule(
        "person_as_cause",
        r"<P>\s+" + _ADVERBS + r"(?:caused|broke|forgot|overlooked|missed|messed\s+up|"
        r"screwed\s+up|botched|took\s+down|brought\s+down|blew\s+up|"
        r"made\s+(?:a|an|the|another|this|that)\s+(?:\w+\s+)?(?:mistake|error|blunder|slip))\b",
    ),
    Rule(
        "person_as_cause",
        r"<PG>\s+(?:own\s+|\w+\s+)?(?:mistake|fault|error|blunder|carelessness|negligence|"
        r"oversight|screw-?up|slip-?up)s?\b",
    ),
    Rule(
        "person_as_cause",
        r"\b(?:mistake|error|blunder|oversight|slip)\s+(?:by|of|made\s+by|on\s+the\s+part\s+of)"
        r"\s+<P>",
    ),
    Rule(
        "person_as_cause",
        r"<P>\s+(?:was|is|were|are)\s+(?:(?:fully|solely|entirely|directly|personally)\s+)?"
        r"(?:at\s+fault|responsible\s+for\s+(?:the|this)\s+(?:outage|incident|failure|"
        r"mistake|error|problem|downtime|breach|data\s+loss))\b",
    ),
    Rule(
        "person_as_cause",
        r"\bblam(?:e|ed|es|ing)\b",
        unless_before=EN_NEGATION_BEFORE
        + r"|\b(?:git|of|the|a|who|whom)\s+\Z|\bwho\s+"
        + _W
        + r"\Z",
        unless_after=r"[\s-]*(?:free|field|column|view|annotations?|output|game|culture|"
        r"command|tool|less)\b",
    ),
    Rule("person_as_cause", r"\bscapegoat(?:s|ed|ing)?\b", unless_before=EN_NEGATION_BEFORE),
    Rule(
        "person_as_cause",
        r"\bdrop(?:ped|s|ping)?\s+the\s+ball\b",
        unless_before=EN_NEGATION_BEFORE,
    ),
    # "It was Jonas who broke it", "Kasper accidentally deleted the table".
    Rule(
        "person_as_cause",
        r"\bit\s+was\s+<P>\s*,?\s+(?:who|that)\s+(?:\w+\s+)?(?:caused|broke|forgot|missed|"
        r"overlooked|deleted|dropped|botched|messed\s+up|screwed\s+up|made\s+(?:the|a|an)\s+"
        r"(?:\w+\s+)?(?:mistake|error))\b",
    ),
    Rule(
        "person_as_cause",
        r"<P>\s+(?:accidentally|mistakenly|inadvertently|erroneously|wrongly)\s+\w+|"
        r"<P>\s+(?:(?!(?:was|were|is|are|got|gets|been|being)\b)[\w'-]+\s+){1,4}?"
        r"by\s+(?:mistake|accident)\b",
    ),
    Rule("person_as_cause", r"\bthe\s+culprit\s+(?:was|is)\s+<P>"),
    Rule(
        "person_as_cause",
        r"\b(?:caused|triggered|started)\s+by\s+<P>(?!['’]s\b)",
        unless_before=EN_NEGATION_BEFORE,
    ),
    Rule("person_as_cause", r"\b(?:his|her|their)\s+fault\b", unless_before=EN_NEGATION_BEFORE),
    # --- counterfactual ---------------------------------------------------------------
    Rule(
        "counterfactual",
        r"\bshould(?:n['’]t|\s+not)?(?:['’]ve\b|\s+have\b)",
        unless_after=r"\s+(?:a|an|the|its|their|his|her|our|one|two|three|some|any|no|enough|"
        r"more|fewer|less|access|at\s+least|only|exactly|both|all|[0-9])\b",
    ),
    Rule("counterfactual", r"\bshouldn['’]t['’]ve\b"),
    Rule("counterfactual", r"\bought\s+(?:not\s+)?to\s+have\b"),
    Rule(
        "counterfactual",
        r"\bcould\s+(?:easily\s+|simply\s+|so\s+easily\s+)?have\s+(?:been\s+)?(?:prevented|avoided|"
        r"caught|stopped|spotted|noticed|seen|fixed)\b",
    ),
    Rule(
        "counterfactual",
        r"\bcould['’]ve\s+(?:been\s+)?(?:prevented|avoided|caught|stopped|spotted|noticed)\b",
    ),
    Rule("counterfactual", r"\bif\s+only\b"),
    Rule(
        "counterfactual",
        r"\bhad\s+(?:he|she|they|we|I|someone|anyone|the\s+\w+)\s+(?:just|only|simply|bothered)\b",
    ),
    Rule(
        "counterfactual",
        r"\b(?:all\s+(?:he|she|they|you|we|it)\s+had\s+to\s+do|(?:just|only)\s+needed\s+to|"
        r"simply\s+had\s+to|simply\s+needed\s+to)\b",
    ),
    # --- hindsight --------------------------------------------------------------------
    Rule(
        "hindsight",
        r"\bobvious(?:ly)?\b",
        unless_before=EN_NEGATION_BEFORE + r"|\b(?:non|less|un)[\s-]*\Z",
    ),
    Rule(
        "hindsight",
        r"\bclearly\b(?=\s*(?:[,.;:!?)]|$))",
        unless_before=r"[^\s\"“'(*>-]\s*\Z",
    ),
    Rule(
        "hindsight",
        r"\bclearly\b(?!\s*(?:[,.;:!?)]|$))",
        unless_before=r"\b(?:communicat\w*|explain\w*|writ\w+|wrote|stat\w+|show\w*|describ\w+|"
        r"document\w*|speak\w*|spoke|see|saw|seen|label\w*|mark\w*|read|visible|more|less|"
        r"very|not|think|thought|hear|heard)\s+\Z",
        unless_after=r"\s+(?:label+ed|marked|documented|visible|written|stated|defined|described|"
        r"explained|communicated|shown|separated|identified|readable|audible|flagged|"
        r"signposted|structured|worded|displayed|agreed|assigned|owned)\b",
    ),
    Rule("hindsight", r"\bof\s+course\b"),
    Rule(
        "hindsight",
        r"\b(?:anyone|anybody|everyone|everybody)\s+(?:\w+\s+)?(?:could|would|should|can)\s+"
        r"(?:have\s+)?(?:seen|known|see|know|tell|told|spotted|noticed|predicted|guessed)\b",
    ),
    Rule(
        "hindsight",
        r"\bshould(?:['’]ve|\s+have)\s+(?:been\s+)?(?:known|seen|foreseen|expected|anticipated|"
        r"obvious|clear|predicted|realised|realized)\b",
    ),
    Rule("hindsight", r"\b(?:self-evident(?:ly)?|evidently|plainly|blatantly|glaringly)\b"),
    Rule("hindsight", r"\b(?:it|this|that)\s+was\s+(?:plain|evident)\s+that\b"),
    # --- character judgement ---------------------------------------------------------
    Rule(
        "character_judgement",
        r"\b(?:careless(?:ly|ness)?|sloppy|sloppiness|sloppily|lazy|laziness|negligent(?:ly)?|"
        r"negligence|incompetent|incompetence|reckless(?:ly|ness)?|stupid(?:ity|ly)?|dumb|"
        r"idiot(?:ic|s)?|clueless|inattentive|inattention|clumsy|clumsily|irresponsible|"
        r"irresponsibly|slapdash|thoughtless(?:ly|ness)?|unprofessional|amateurish|naive|"
        r"complacent|complacency|inexperienced|unqualified|lazily|foolish|sloppy|half-assed)\b",
        unless_before=EN_NEGATION_BEFORE,
        unless_after=r"[\s-]+(?:load\w*|evaluat\w*|initiali[sz]\w*|import\w*|iterat\w*|init|"
        r"fetch\w*|connection\w*|mode|instantiation|datetimes?|timestamps?|implementation|"
        r"algorithm|approach|bayes|strings?|time|dates?|retr(?:y|ies)|cache|solution|version|"
        r"terminals?|pipes?|proof|match\w*|parsing|copy|copies|regex)\b",
    ),
    Rule(
        "character_judgement",
        r"\black\s+of\s+(?:discipline|diligence|due\s+diligence|care|attention|rigou?r|ownership|"
        r"responsibility|accountability|professionalism|common\s+sense|competence)\b",
    ),
    # --- normative --------------------------------------------------------------------
    Rule(
        "normative",
        r"\bfail(?:ed|s|ing)?\s+to\s+(?:properly\s+|correctly\s+|even\s+|adequately\s+)?"
        + _DUTY_VERBS
        + r"\b",
        unless_before=EN_SYSTEM_SUBJECT,
    ),
    Rule("normative", r"<P>\s+(?:\w+\s+)?fail(?:ed|s)\s+to\b"),
    Rule("normative", r"\b(?:neglected|omitted)\s+to\b"),
    Rule(
        "normative",
        r"\b(?:did\s+not|didn['’]t|does\s+not|doesn['’]t|never|was\s+not|wasn['’]t)\s+"
        r"(?:properly\s+|correctly\s+)?(?:follow(?:ed|ing)?|comply\s+with|adhere\s+to|respect|"
        r"obey|complied\s+with|adhered\s+to)\s+(?:the\s+|our\s+|their\s+|his\s+|her\s+)?"
        r"(?:[\w-]+\s+){0,2}(?:procedure|process|runbook|checklist|policy|policies|guidelines?|rules?|"
        r"protocol|instructions?|playbook|standard|routine)s?\b",
    ),
    Rule(
        "normative",
        r"\b(?:violated|violating|violation\s+of|breach(?:ed)?|in\s+breach\s+of|contrary\s+to|"
        r"disregarded|disregarding|circumvented|bypassed)\s+(?:the\s+|our\s+|a\s+)?"
        r"(?:[\w-]+\s+){0,2}"
        r"(?:procedure|process|runbook|checklist|policy|guidelines?|rules?|protocol|"
        r"instructions?|playbook|change\s+process|standard)s?\b",
    ),
    Rule(
        "normative",
        r"<P>\s+(?:\w+\s+)?(?:ignored|disregarded|neglected)\b",
    ),
    Rule(
        "normative",
        r"\bignored\s+(?:the\s+|an?\s+|all\s+|several\s+)?(?:\w+\s+)?(?:alerts?|alarms?|warnings?|"
        r"pages?|procedure|runbook|checklist|advice|instructions?|policy|rules?|guidelines?)\b",
        unless_before=EN_SYSTEM_SUBJECT,
    ),
    Rule("normative", r"<P>\s+(?:was|were)\s+supposed\s+to\b"),
    Rule("normative", r"\b(?:didn['’]t|did\s+not|never)\s+(?:even\s+)?bother(?:ed)?\s+to\b"),
    # --- single root cause ------------------------------------------------------------
    Rule(
        "single_root_cause",
        r"\broot[\s-]+caus(?:e|es|ed|ing)\b",
        unless_before=EN_NEGATION_BEFORE + r"|\b(?:rarely|seldom)\s+" + _W + r"\Z",
        unless_after=r"[\s-]*(?:analys[ie]s|template|field|section|meeting|heading|form|"
        r"thinking|fallacy|myth|mindset)\b",
    ),
    Rule(
        "single_root_cause",
        r"\bthe\s+(?:one|single|only|real|true|sole|actual|ultimate)\s+(?:cause|reason|"
        r"culprit|trigger)\b",
        unless_before=EN_NEGATION_BEFORE,
    ),
    Rule(
        "single_root_cause",
        r"\b(?:was|is|were|are)\s+(?:solely|entirely|simply|only|purely|100\s*%)\s+"
        r"(?:due\s+to|caused\s+by|because\s+of|down\s+to|the\s+result\s+of)\b",
    ),
    Rule("single_root_cause", r"\b(?:all|everything|it\s+all)\s+(?:came|comes)\s+down\s+to\b"),
    Rule("single_root_cause", r"\bboil(?:s|ed)?\s+down\s+to\b"),
    Rule(
        "single_root_cause",
        r"\bthe\s+(?:primary|main|principal|chief|fundamental)\s+cause\b|\bthe\s+culprit\b",
        unless_before=EN_NEGATION_BEFORE,
    ),
    # --- who / why questions ------------------------------------------------------------
    Rule(
        "who_why_question", r"^[\s\"“'(*>-]*(?P<hit>(?:who|whom|whose)\b(?:\s+\w+)?)", question=True
    ),
    Rule(
        "who_why_question",
        r"\b(?P<hit>who\s+(?:deployed|approved|pushed|merged|changed|did|made|broke|caused|"
        r"forgot|was\s+responsible|is\s+responsible|signed\s+off|wrote|ran|touched|"
        r"is\s+to\s+blame|was\s+to\s+blame|let|allowed|decided))\b",
        question=True,
    ),
    Rule(
        "who_why_question",
        r"^[\s\"“'(*>-]*(?P<hit>why\s+(?:on\s+earth\s+)?(?:did|didn['’]t|do|don['’]t|does|"
        r"doesn['’]t|would|wouldn['’]t|was|wasn['’]t|were|weren['’]t|is|isn['’]t|has|hasn['’]t|"
        r"had|hadn['’]t|could|couldn['’]t)\s+(?:not\s+)?(?:you|he|she|they|we|I|nobody|no\s+one|"
        r"anyone|anybody|somebody|someone|<P>))",
        question=True,
    ),
    Rule(
        "who_why_question",
        r"\b(?P<hit>how\s+could\s+(?:you|he|she|they|anyone|anybody|someone|<P>))\b",
        question=True,
    ),
    # --- person-fix action items --------------------------------------------------------
    Rule(
        "person_fix_action",
        r"\b(?:be|being|are|is|been|become)\s+(?:more|extra|much\s+more|very|especially)\s+"
        r"(?:careful|attentive|vigilant|diligent|cautious|thorough|mindful|alert|disciplined|"
        r"focused|observant|conscientious)\b",
    ),
    Rule("person_fix_action", r"\bpay\s+(?:more|closer|better|extra)\s+attention\b"),
    Rule("person_fix_action", r"\btake\s+(?:more|extra|greater|better)\s+care\b"),
    Rule(
        "person_fix_action",
        r"\bremind(?:s|ed|ing)?\s+(?:all\s+|the\s+)?(?:everyone|everybody|people|engineers|"
        r"developers|staff|employees|team|the\s+team|team\s+members|colleagues|him|her|them|"
        r"us|on-call\s+engineers|operators|<P>)\s+(?:\w+\s+)?(?:to|that|about|of)\b",
        unless_before=r"\b(?:bot|job|tool|calendar|automation|alert|system|script|workflow|"
        r"integration|check|pipeline|hook)\s+(?:\w+\s+)?\Z",
    ),
    Rule(
        "person_fix_action",
        r"\b(?:re-?train|discipline|reprimand|warn|coach|talk\s+to|have\s+a\s+(?:word|talk|"
        r"conversation)\s+with|sit\s+down\s+with|retraining\s+for|training\s+for)\s+<P>",
    ),
    Rule(
        "person_fix_action",
        r"\b(?:disciplinary|written\s+warning|formal\s+warning|performance\s+improvement\s+plan|"
        r"reprimand(?:ed)?)\b",
        unless_before=EN_NEGATION_BEFORE,
    ),
    Rule(
        "person_fix_action",
        r"\b(?:must|should|will|to|always|needs?\s+to|have\s+to|has\s+to|please)\s+(?:always\s+)?"
        r"(?:double|triple)[\s-]check\b",
    ),
    Rule("person_fix_action", r"^[\s\"“'(*>-]*(?:always\s+)?(?:double|triple)[\s-]check\b"),
    Rule(
        "person_fix_action",
        r"\b(?:remember|don['’]t\s+forget|do\s+not\s+forget|never\s+forget)\s+to\b",
        unless_before=r"\b(?:have|has|had|need|needs|rely|relies|relying|depend\w*|having|"
        r"without|longer|nobody|no\s+one|anyone|someone|not)\s+(?:\w+\s+){0,2}\Z",
    ),
    Rule("person_fix_action", r"\b(?:try|tries|trying)\s+(?:\w+\s+)?harder\b"),
    Rule(
        "person_fix_action",
        r"\b(?:more|stricter|tighter|better)\s+(?:discipline|adherence|vigilance|diligence)\b",
    ),
    Rule("person_fix_action", r"\bbe\s+reminded\b"),
    # --- distancing -------------------------------------------------------------------
    Rule(
        "distancing",
        r"\b(?:an?\s+)?(?:isolated|one-off|one\s+off|freak|exceptional|one-time)\s+(?:incident|"
        r"event|case|accident|mistake|occurrence|error|glitch|thing)\b",
        unless_before=EN_NEGATION_BEFORE,
    ),
    Rule("distancing", r"\b(?:(?:just|simply|pure|plain|sheer)\s+)?bad\s+luck\b"),
    Rule("distancing", r"\b(?:a|just\s+a)\s+fluke\b", unless_before=EN_NEGATION_BEFORE),
    Rule(
        "distancing",
        r"\b(?:could|would|will|can|does|do)(?:n['’]t|\s+not|\s+never)\s+(?:\w+\s+)?happen\s+"
        r"(?:here|again|to\s+us|in\s+our\s+team)\b",
    ),
    Rule(
        "distancing",
        r"\bnot\s+(?:really\s+)?(?:our|my)\s+(?:problem|fault|responsibility|concern|issue)\b",
    ),
    Rule("distancing", r"\b(?:someone|somebody)\s+else['’]s\s+(?:problem|fault)\b"),
    Rule("distancing", r"\bact\s+of\s+god\b"),
    Rule(
        "distancing",
        r"\b(?:that|those|the\s+other)\s+(?:team|people|guys)['’]?s?\s+(?:problem|fault|mess)\b",
    ),
    # --- animated tone ----------------------------------------------------------------
    Rule(
        "animated_tone",
        r"\b(?:disaster(?:ous)?|catastroph(?:e|ic|ically)|fiasco|nightmare|chaos|chaotic|"
        r"horrible|horrendous|terrible|awful|insane|crazy|ridiculous|absurd|unacceptable|"
        r"unforgivable|inexcusable|shameful|embarrass(?:ing|ment)|wtf|omg|epic\s+fail|"
        r"total\s+failure|complete\s+failure|meltdown|train\s+wreck|dumpster\s+fire|"
        r"shit\w*|damn\w*|a\s+(?:complete\s+|total\s+|huge\s+)?mess|debacle|shambles|"
        r"unbelievabl[ey]|outrageous|pathetic|appalling)\b",
        unless_before=r"\b(?:spectre\s+and|spectre/)\s*\Z",
        unless_after=r"[\s-]+(?:recovery|recover|plan|drill|site|test\w*|exercise|scenario|"
        r"engineering|monkey|mesh|experiments?|days?|gamedays?|and\s+spectre|/spectre)\b",
    ),
)
"""The English rules, in the order of the finding kinds."""
