"""The Danish lexicon of the blameless-language check (see ``_lexicon`` for the rule shape).

Danish writes compounds as one word ("menneskefejl", "sjuskefejlen",
"rodårsagen"), so the patterns match stems with their inflections and stop at
the word's end where a longer compound means something else
("brugerfejlmeddelelse", "rodårsagsanalyse", "katastrofeberedskab").
"""

from __future__ import annotations

from typing import Final

from learnkit.incidents._lexicon import (
    CLAUSE_WORDS,
    DA_NEGATION_BEFORE,
    DA_SYSTEM_SUBJECT,
    Rule,
)

_W = CLAUSE_WORDS
_FEJL = r"fejl(?:en|ene|s|ens)?\b"
_ADVERBS = r"(?:(?:havde|har|så|bare|lige|også|helt|simpelthen|tilsyneladende|igen|"
_ADVERBS += r"desværre|åbenbart|faktisk|jo|nok|vist|ved\s+et\s+uheld)\s+)*"

_BLAME_VERBS = (
    r"forårsagede|ødelagde|væltede|smadrede|glemte|overså|missede|kvajede|dummede|rodede|"
    r"sjuskede|slettede|(?:lavede|begik)\s+(?:en\s+|den\s+)?(?:\w+\s+)?(?:fejl(?:en)?|brøler(?:en)?)"
)

RULES: Final[tuple[Rule, ...]] = (
    # --- menneskelig fejl ----------------------------------------------------------------
    Rule(
        "human_error",
        r"\bmenneske(?:" + _FEJL + r"|lig(?:e|t)?\s+(?:" + _FEJL + r"|svigt\w*|faktor\w*|"
        r"element\w*|brøler\w*|forglemmelse\w*))",
    ),
    Rule("human_error", r"\b(?:bruger|operatør|personale|medarbejder)" + _FEJL),
    Rule("human_error", r"\b(?:den|det)\s+menneskelige\s+(?:faktor|element)\b"),
    Rule("human_error", r"\bfejl\s*40\b"),
    Rule(
        "human_error",
        r"\bfejl\s+(?:hos|fra)\s+(?:brugeren|medarbejderen|operatøren|personalet|den\s+ansatte)\b",
    ),
    Rule("human_error", r"\bfedtefinger\w*|\bfat[\s-]?finger\w*"),
    # --- person som årsag ---------------------------------------------------------------
    Rule(
        "person_as_cause",
        r"<P>\s+" + _ADVERBS + r"(?:forårsagede|forårsaget|ødelagde|ødelagt|væltede|væltet|"
        r"smadrede|smadret|glemte|glemt|overså|overset|missede|misset|kvajede|kvajet|dummede|"
        r"dummet|rodede|rodet|fejlede|sjuskede|"
        r"(?:lavede|lavet|begik|begået)\s+(?:en|den|endnu\s+en|denne|sådan\s+en)\s+(?:\w+\s+)?"
        r"(?:fejl|brøler|bommert|kvajebajer)|lavede\s+fejlen|begik\s+fejlen|tog\s+\w+\s+ned)\b",
    ),
    Rule(
        "person_as_cause",
        r"<PG>\s+(?:egen\s+|\w+\s+)?(?:fejl|skyld|brøler|bommert|kvajebajer|forglemmelse|sjusk|"
        r"fejltagelse|uagtsomhed|smutter)\b",
        unless_before=r"\bfor\s+(?:\w+\s+)?\Z|" + DA_NEGATION_BEFORE,
    ),
    Rule(
        "person_as_cause",
        r"\b(?:har|havde|fik|får|bærer|bar|giver|gav|give|lægger|lagde|placere|placerede|"
        r"placerer|pålægge|tage|tog|tager)\s+(?:\w+\s+){0,2}skylden\b",
        unless_before=DA_NEGATION_BEFORE,
    ),
    Rule("person_as_cause", r"\bskylden\s+(?:ligger|lå|er|var|må\s+ligge)\b"),
    Rule(
        "person_as_cause",
        r"\b(?:er|var|blev|bliver|være)\s+(?:\w+\s+)?skyld\s+i\b",
        unless_before=DA_NEGATION_BEFORE,
    ),
    Rule(
        "person_as_cause",
        r"\b(?:den|de)\s+skyldige\b|\bsyndebuk\w*",
        unless_before=DA_NEGATION_BEFORE,
    ),
    Rule(
        "person_as_cause",
        r"\b(?:fejl|brøler|bommert|fejltagelse)\s+(?:begået\s+)?(?:af|fra)\s+<P>",
    ),
    # "Fejlen skyldtes Peter": a person where "skyldes" wants a cause ("en udløbet nøgle").
    Rule(
        "person_as_cause",
        r"\bskyld(?:es|tes)\s+(?:(?:alene|udelukkende|kun)\s+)?<P>|\bforårsaget\s+af\s+<P>",
        unless_before=DA_NEGATION_BEFORE,
    ),
    # "Det var Jonas, der lavede fejlen": a cleft that points at the one who did it.
    Rule(
        "person_as_cause",
        r"\bdet\s+var\s+<P>\s*,?\s+(?:der|som)\s+(?:\w+\s+)?(?:" + _BLAME_VERBS + r")\b",
    ),
    # "Kasper slettede tabellen ved en fejl": a person's action "by mistake".
    Rule(
        "person_as_cause",
        r"<P>\s+(?:(?!(?:blev|bliver|fik|får|er|var)\b)[\w'-]+\s+){1,4}?"
        r"(?:ved\s+en\s+(?:fejl|fejltagelse)|ved\s+et\s+uheld|uforvarende)\b|"
        r"\bved\s+(?:en\s+fejl|et\s+uheld)\s+\w+\s+<P>",
    ),
    Rule("person_as_cause", r"\bsynderen\s+(?:var|er|viste\s+sig\s+at\s+være)\s+<P>"),
    Rule("person_as_cause", r"\btab(?:te|er|t)?\s+bolden\b", unless_before=DA_NEGATION_BEFORE),
    # --- kontrafaktisk -------------------------------------------------------------------
    Rule("counterfactual", r"\bburde\s+(?:\w+\s+){0,3}?(?:have|ha['’]?)(?=\s|$|[.,;:!?])"),
    Rule(
        "counterfactual",
        r"\bskulle\s+(?:\w+\s+){0,3}?(?:have|ha['’]?)(?=\s)",
        unless_after=r"\s+(?:en|et|den|det|de|sin|sit|sine|nogle|flere|adgang|ny|nye|mere|"
        r"mindre|to|tre|fri|ferie|møde|haft)\b",
    ),
    Rule("counterfactual", r"\bhvis\s+(?:bare|blot|nu\s+bare|nu\s+blot)\b"),
    Rule(
        "counterfactual",
        r"\bhavde\s+(?:han|hun|vi|de|man|jeg|nogen|du|\w+en)\s+(?:bare|blot|dog|bare\s+lige)\b",
    ),
    Rule(
        "counterfactual",
        r"\bkunne\s+(?:\w+\s+)?(?:let|nemt|sagtens|fint)?\s*(?:have|ha['’]?)\s+(?:været\s+)?"
        r"(?:undgået|forhindret|opdaget|stoppet|fanget|afværget)\b",
    ),
    Rule(
        "counterfactual",
        r"\bkunne\s+(?:\w+\s+)?(?:let|nemt|sagtens|fint)?\s*(?:være|været)\s+"
        r"(?:undgået|forhindret|opdaget|stoppet|fanget|afværget)\b",
    ),
    Rule(
        "counterfactual",
        r"\b(?:det\s+var\s+bare\s+at|man\s+skulle\s+bare|skulle\s+(?:bare|blot)|"
        r"behøvede\s+(?:bare|blot|kun))\b",
    ),
    # --- bagklogskab --------------------------------------------------------------------
    Rule(
        "hindsight",
        r"\b(?:åbenlys[et]?|åbenlyst|tydeligvis|selvfølgelig|selvsagt|naturligvis|"
        r"indlysende)\b",
        unless_before=DA_NEGATION_BEFORE + r"|\bmindre\s+\Z",
        unless_after=r"\s+(?:ikke|aldrig)\b",
    ),
    Rule(
        "hindsight",
        r"\b(?:var|er|burde\s+være|være|været)\s+(?:helt\s+|jo\s+|ret\s+)?(?:oplagt|tydeligt|"
        r"klart|soleklart|let\s+at\s+se)\b",
        unless_after=r"\s+(?:defineret|beskrevet|markeret|formuleret|kommunikeret|angivet|"
        r"aftalt|placeret|adskilt|dokumenteret|synlig\w*|mærket)\b",
    ),
    Rule("hindsight", r"\bsoleklar\w*|\bsagde\s+sig\s+selv\b|\bsiger\s+sig\s+selv\b"),
    Rule(
        "hindsight",
        r"\benhver\s+(?:\w+\s+)?(?:kunne|burde|ville|kan)\s+(?:have\s+)?(?:set|se|vide|vidst|"
        r"opdage|opdaget|regne\s+ud|forudse|forudset|gætte)\b",
    ),
    Rule(
        "hindsight",
        r"\bburde\s+(?:\w+\s+){0,2}?have\s+(?:været\s+)?(?:vidst|set|forudset|kunnet\s+se|regnet\s+ud|"
        r"forventet|indset)\b",
    ),
    # --- karakterdom --------------------------------------------------------------------
    Rule(
        "character_judgement",
        r"\b(?:sjusk\w*|uforsigtig\w*|skødesløs\w*|doven|dovne|dovent|dovenskab|dum|dumme|dumt|"
        r"dumhed\w*|inkompetent\w*|uansvarlig\w*|ligeglad\w*|tankeløs\w*|uopmærksom\w*|"
        r"klodset\w*|klodsede|hovedløs\w*|naiv(?:e|t|itet)?|uprofessionel\w*|sløset\w*|"
        r"sløseri|slendrian|fjumre\w*|fjumset\w*|tåbelig\w*|idiot(?!sikker)\w*|"
        r"amatøragtig\w*|uerfaren\w*|letsindig\w*|forsømmelig\w*|glemsom\w*|distræt\w*|"
        r"ubetænksom\w*|uduelig\w*|slap(?:pe)?\s+(?:holdning|disciplin))",
        unless_before=DA_NEGATION_BEFORE,
        unless_after=r"\s+(?:tidsstempl\w*|implementering\w*|algoritme\w*|terminal\w*|"
        r"datetime\w*|tilgang)\b",
    ),
    Rule(
        "character_judgement",
        r"\b(?:manglende|mangel\s+på)\s+(?:disciplin|omhu|påpasselighed|ansvarlighed|ansvarsfølelse|"
        r"dømmekraft|sund\s+fornuft|professionalisme|omtanke|kompetence\w*)\b",
    ),
    # --- normativt ----------------------------------------------------------------------
    Rule("normative", r"\bundl(?:od|ader|ade|adt|adte|adelse\w*)\b"),
    Rule("normative", r"\bforsøm(?:te|mer|me|t|melse\w*)\b"),
    Rule(
        "normative",
        r"\b(?:overholdt|overholder|overholde|fulgte|følger|fulgt|følge|respekterede)\s+"
        r"(?:\w+\s+)?ikke\s+(?:[\w-]+\s+)?\w*(?:proceduren|processen|runbooken|tjeklisten|"
        r"checklisten|retningslinjerne|reglerne|reglen|instruksen|politikken|vejledningen|"
        r"forskrifterne|rutinen|aftalen|procedurerne|instrukserne|drejebogen|princippet)\b",
    ),
    Rule(
        "normative",
        r"\b(?:proceduren|processen|runbooken|tjeklisten|checklisten|retningslinjerne|reglerne|"
        r"instruksen|politikken|vejledningen|rutinen|procedurerne|drejebogen)\s+"
        r"(?:blev|var|er|havde)\s+ikke\s+(?:blevet\s+)?(?:overholdt|fulgt|respekteret)\b",
    ),
    Rule("normative", r"\bi\s+strid\s+med\b|\bpå\s+tværs\s+af\s+(?:reglerne|proceduren)\b"),
    Rule(
        "normative",
        r"\b(?:brud\s+på|brød|overtrådte|overtrådt|omgik|omgået|tilsidesatte|tilsidesat)\s+"
        r"(?:\w+\s+)?(?:proceduren|reglerne|politikken|retningslinjerne|processen|aftalen|"
        r"instruksen|ændringsprocessen|procedurerne|forretningsgangen)\b",
    ),
    Rule("normative", r"<P>\s+(?:\w+\s+)?(?:ignorerede|ignoreret|tilsidesatte|svigtede)\b"),
    Rule(
        "normative",
        r"\bignorerede\s+(?:\w+\s+)?(?:alarmen|alarmerne|advarslen|advarslerne|proceduren|"
        r"runbooken|tjeklisten|rådet|reglerne|instruksen)\b",
        unless_before=DA_SYSTEM_SUBJECT,
    ),
    Rule("normative", r"\bfejlede\s+i\s+at\b"),
    Rule("normative", r"\bgad\s+ikke\b|\bgjorde\s+sig\s+ikke\s+(?:den\s+)?ulejlighed"),
    Rule(
        "normative",
        r"<P>\s+(?:\w+\s+)?(?:var|skulle)\s+(?:forpligtet\s+til|ansvarlig\s+for\s+at)\b",
    ),
    # --- én rodårsag --------------------------------------------------------------------
    Rule(
        "single_root_cause",
        r"\b(?:rod|grund)[\s-]?årsag(?:en|er|erne|ens)?\b",
        unless_before=DA_NEGATION_BEFORE + r"|\b(?:sjældent|sjældnere)\s+" + _W + r"\Z",
    ),
    Rule(
        "single_root_cause",
        r"\b(?:den\s+)?(?:eneste|egentlige|virkelige|reelle|sande|ene|ultimative)\s+"
        r"(?:årsag(?:en)?|grund(?:en)?|synder(?:en)?)\b",
        unless_before=DA_NEGATION_BEFORE,
    ),
    Rule("single_root_cause", r"\bhovedårsag(?:en)?\b", unless_before=DA_NEGATION_BEFORE),
    Rule(
        "single_root_cause",
        r"\b(?:den\s+)?(?:primære|grundlæggende)\s+årsag(?:en)?\b|\bsynder(?:en|ne)?\b",
        unless_before=DA_NEGATION_BEFORE,
    ),
    Rule(
        "single_root_cause",
        r"\bskyld(?:es|tes)\s+(?:udelukkende|alene|kun|ene\s+og\s+alene|hundrede\s+procent)\b|"
        r"\b(?:udelukkende|alene|ene\s+og\s+alene)\s+(?:skyld(?:es|tes)|på\s+grund\s+af|"
        r"fordi)\b",
        unless_before=DA_NEGATION_BEFORE,
    ),
    Rule("single_root_cause", r"\bkoger\s+ned\s+til\b|\bkogte\s+ned\s+til\b"),
    # --- hvem/hvorfor-spørgsmål ----------------------------------------------------------
    Rule("who_why_question", r"^[\s\"“'(*>-]*(?P<hit>hvem\b(?:\s+\w+)?)", question=True),
    Rule(
        "who_why_question",
        r"\b(?P<hit>hvem\s+(?:der\s+\w+|har|havde|var|er|gjorde|lavede|godkendte|deployede|ændrede|glemte|"
        r"slettede|skrev|kørte|rørte|står\s+for|stod\s+for|besluttede|tillod|udrullede))\b",
        question=True,
    ),
    Rule("who_why_question", r"\b(?P<hit>hvis\s+(?:skyld|fejl|ansvar))\b", question=True),
    Rule(
        "who_why_question",
        r"^[\s\"“'(*>-]*(?P<hit>hvorfor\s+(?:i\s+alverden\s+|dog\s+)?\w+\s+(?:du|han|hun|de|vi|"
        r"jeg|I|ingen|nogen|man|<P>))",
        question=True,
    ),
    Rule(
        "who_why_question",
        r"\b(?P<hit>hvordan\s+kunne\s+(?:du|han|hun|de|I|nogen|man|<P>))\b",
        question=True,
    ),
    # --- handlinger, der retter på mennesker -----------------------------------------------
    Rule("person_fix_action", r"\bindskærp\w*"),
    Rule(
        "person_fix_action",
        r"\b(?:være|vær|blive|bliver|er|vise\s+sig)\s+(?:mere|ekstra|meget\s+mere|endnu\s+mere|"
        r"bedre\s+til\s+at\s+være)\s+(?:opmærksom\w*|omhyggelig\w*|forsigtig\w*|påpasselig\w*|"
        r"grundig\w*|agtpågivende|skarp\w*|disciplineret|fokuseret|årvågen\w*|vågen|"
        r"omhyggelige)\b",
    ),
    Rule("person_fix_action", r"\bskærpe[tr]?\s+(?:\w+\s+)?(?:fokus|opmærksomhed\w*|disciplin\w*)"),
    Rule(
        "person_fix_action",
        r"\bhusk(?:e|er)?\s+at\b",
        unless_before=r"\b(?:ikke|ingen|nogen|behøver|skulle|afhæng\w*|uden|kræver|krævede|"
        r"længere|man)\s+(?:\w+\s+){0,2}\Z",
    ),
    Rule(
        "person_fix_action",
        r"\bpåmind(?:e|er|es|ede)\s+(?:alle|holdet|teamet|udviklerne|medarbejderne|kollegerne|"
        r"folk|ham|hende|dem|vagten|vagterne|<P>)\b",
        unless_before=r"\b(?:botten|jobbet|værktøjet|kalenderen|systemet|automatikken|"
        r"scriptet|alarmen)\s+(?:\w+\s+)?\Z",
    ),
    Rule(
        "person_fix_action",
        r"\b(?:irettesæt\w*|påtale|skriftlig\s+advarsel|advarsel\s+til|tjenstlig\s+samtale|"
        r"personalesamtale|tage\s+en\s+(?:alvorlig\s+)?(?:snak|samtale)\s+med|"
        r"tage\s+sig\s+sammen|genoptræne|omskole|sendes\s+på\s+kursus|sende\s+\w+\s+på\s+kursus)",
        unless_before=DA_NEGATION_BEFORE,
    ),
    Rule(
        "person_fix_action",
        r"\bdobbelt(?:tjek|check)\w*",
        unless_before=r"\b(?:automatisk\w*|maskinel\w*|et|en|systemets|indbygget)\s+\Z",
    ),
    Rule("person_fix_action", r"\bgøre\s+sig\s+(?:mere\s+)?umage\b|\bgive\s+sig\s+mere\s+tid\b"),
    # --- distancering -------------------------------------------------------------------
    Rule(
        "distancing",
        r"\b(?:isoleret|isolerede|enkeltstående|engangs)\s*(?:tilfælde|hændelse|uheld|episode|"
        r"fejl|foreteelse)\w*|\bengangsforeteelse\w*|\bengangshændelse\w*",
        unless_before=DA_NEGATION_BEFORE,
    ),
    Rule(
        "distancing",
        r"\b(?:rent|rene|bare\s+et|blot\s+et|et\s+hændeligt|hændeligt)\s+uheld\b|"
        r"\buheldigt\s+sammentræf\w*|\bskæbnens\s+ugunst\b|\ben\s+enlig\s+svale\b|"
        r"\bham\s+den\s+gamle\b",
    ),
    Rule(
        "distancing",
        r"\b(?:kan|kunne|vil|ville|sker)\s+(?:\w+\s+)?(?:ikke|aldrig)\s+(?:\w+\s+)?ske\s+"
        r"(?:her|igen|for\s+os|hos\s+os)\b",
    ),
    Rule(
        "distancing",
        r"\bikke\s+(?:vores|mit|min|vort)\s+(?:problem|skyld|ansvar|bord|hovedpine)\b|"
        r"\bde\s+andres\s+(?:problem|skyld|ansvar|rod)\b|\bikke\s+noget\s+vi\s+kunne\s+gøre\b",
    ),
    # --- ophidset tone ------------------------------------------------------------------
    Rule(
        "animated_tone",
        r"\b(?:katastrof(?!e(?:beredskab|plan|gendannelse|øvelse|scenari|site|sikring|"
        r"håndtering|styring|test))\w*|fiasko\w*|kaos(?!test|engineering|eksperiment|"
        r"-engineering|-test)\w*|kaotisk\w*|mareridt\w*|pinlig(?:e|t)?|uacceptabel\w*|"
        r"utilgivelig\w*|skandal\w*|latterlig\w*|vanvittig\w*|sindssyg\w*|elendig\w*|"
        r"forfærdelig\w*|rædsom\w*|møgsag|lort\w*|for\s+(?:fanden|helvede|pokker|søren)|"
        r"helt\s+vildt|groteske?|grotesk\w*|totalt\s+rod|et\s+(?:stort\s+|totalt\s+)?rod|"
        r"kæmpe\s*(?:brøler|fiasko|rod|fejl)|horribel\w*|absurd\w*|hjernedød\w*)",
        unless_after=r"\s+(?:nøjagtig\w*|præcis\w*|ren\w*|omhyggelig\w*|korrekt\w*|"
        r"engineering|test\w*)\b",
    ),
)
"""The Danish rules, in the order of the finding kinds."""
