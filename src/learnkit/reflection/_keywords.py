"""Keywords of a reflection: case folding, Danish and English stop words, light stemming.

A retrospective groups reflections by the words they share, so "Deployet",
"deploy" and "deployments" must count as one word and "og", "the" and "vi"
as none. The rule, in order, for each run of letters in a text:

1. case-fold it (``"Kunderne"`` → ``"kunderne"``);
2. drop it when it is a stop word (:data:`STOP_WORDS`: common Danish and
   English words, and the words every reflection uses, such as *lært*,
   *godt*, *learned*, *well*);
3. strip the longest suffix of :data:`SUFFIXES` that leaves at least
   :data:`MIN_STEM` letters (``-ies`` becomes ``-y``; an ``-s`` after an ``s``
   stays: *process*), once;
4. keep the stem when it has at least :data:`MIN_STEM` letters.

So *kunderne*, *kunden* and *kunde* all become ``kund``; *tests*, *testen*,
*testene* and *testing* become ``test``; *stories* becomes ``story``. The
stemming is deliberately simple: it merges the common inflections and never
looks words up, so two unrelated words can share a stem (rarely, and
harmlessly for grouping). Digits and punctuation separate words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

__all__ = ["MIN_STEM", "STOP_WORDS", "SUFFIXES", "keyword_forms", "keywords", "stem"]

MIN_STEM: Final = 3
"""The fewest letters a stem keeps; shorter words are not keywords."""

SUFFIXES: Final[tuple[str, ...]] = (
    "ernes",
    "erne",
    "enes",
    "ende",
    "ings",
    "ene",
    "ens",
    "ets",
    "ing",
    "ies",
    "er",
    "en",
    "et",
    "es",
    "ed",
    "e",
    "s",
)
"""The inflections stripped, longest first: Danish plural and definite forms, English ones."""

_DANISH: Final = """
ad af alle alt anden andet andre at bare blev blive bliver blevet både da de dem den denne
der deres det dette dig din dine disse dit dog du efter eller en end er et for fordi fra
få får fik gik godt gøre gjorde gør hans har have havde hele helt hende hendes her hos
hun hvad hvem hver hvilke hvilken hvis hvor hvordan hvorfor i ikke ind ingen jeg jer jo
kan kunne lidt man mange med meget men mere mest mig min mine mit mod måske ned nej noget
nogen nogle nu når og også om op os over på sig sin sine sit skal skulle som så sådan
til ud under var ved vi vil ville vores være været
lære lærer lærte lært læring godt gik bedre dårligt næste gang sidst sidste gange forbedre
forbedres gøre anderledes fremover hvad næste skridt intet ingenting før flere mindre nok igen
altid aldrig lige stadig først
"""

_ENGLISH: Final = """
a about after again all also am an and any are as at be because been before being both
but by can could did do does doing done down during each few for from further get got
had has have having he her here hers him his how i if in into is it its itself just
me more most my no nor not now of off on once only or other our ours out over own same
she should so some such than that the their them then there these they this those
through to too under until up very was we were what when where which while who why
will with would you your yours
learn learned learning learnt well went better worse next time improve improved
improving step steps going lot lots really
"""

STOP_WORDS: Final[frozenset[str]] = frozenset((_DANISH + _ENGLISH).split())
"""Words that never make a keyword: common Danish and English words and reflection vocabulary."""

_WORD: Final = re.compile(r"[^\W\d_]+")


def stem(word: str) -> str:
    """``word`` without its inflection: the longest of :data:`SUFFIXES` that leaves a stem.

    ``stem("kunderne") == "kund"``, ``stem("stories") == "story"``,
    ``stem("process") == "process"``. The word is expected case-folded.
    """
    for suffix in SUFFIXES:
        if not word.endswith(suffix) or len(word) - len(suffix) < MIN_STEM:
            continue
        if suffix == "s" and word.endswith("ss"):
            continue
        base = word[: -len(suffix)]
        return base + "y" if suffix == "ies" else base
    return word


def keywords(texts: Iterable[str], *, stop_words: frozenset[str] = frozenset()) -> frozenset[str]:
    """The normalised keywords of ``texts`` (see the module for the rule).

    ``stop_words`` are dropped besides :data:`STOP_WORDS`; they are compared
    case-folded, both as written and as stems, so ``{"Kunde"}`` also drops
    *kunderne*. The result does not depend on the order of ``texts``.
    """
    return frozenset(keyword_forms(texts, stop_words=stop_words))


def keyword_forms(
    texts: Iterable[str], *, stop_words: frozenset[str] = frozenset()
) -> dict[str, frozenset[str]]:
    """Each keyword of ``texts`` (as :func:`keywords`) with the case-folded words it came from.

    ``keyword_forms(["Kunderne og kunden"])`` is
    ``{"kund": frozenset({"kunderne", "kunden"})}``: a label can show a word
    people wrote instead of a stem.
    """
    extra = frozenset(word.casefold() for word in stop_words)
    extra_stems = frozenset(stem(word) for word in extra)
    found: dict[str, set[str]] = {}
    for text in texts:
        for word in _WORD.findall(text.casefold()):
            if word in STOP_WORDS or word in extra:
                continue
            base = stem(word)
            if len(base) >= MIN_STEM and base not in extra_stems:
                found.setdefault(base, set()).add(word)
    return {base: frozenset(words) for base, words in found.items()}
