"""The engine of the blameless-language check: lexicon rules run over sentences.

A text is cut into sentences (at ``.``, ``!``, ``?`` followed by a space, and
at every line break). Each rule runs only on the sentences that contain one
of its literal triggers (see ``_prefilter``), its guards look at the rest of
the sentence, and a phrase in quotation marks or right after "the term",
"ordet" and the like is a mention and dropped. So a match depends on its own
sentence alone: text elsewhere never changes it.

Many texts are checked in one pass (joined by blank lines), which is how a
review with a hundred short fields costs about as much as one long text.

Rules run on a normalised copy of the text (see :class:`_Normal`): Unicode NFC,
so a decomposed "å" (common on macOS) matches like a composed one, and the
typographic apostrophe ``’`` read as ``'``. Every span is mapped back to the
text as given, so a phrase is always a slice of the caller's own text.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Collection, Iterable, Iterator
from typing import Any, Final, NamedTuple

import attrs

from learnkit.exceptions import InvalidDataError
from learnkit.i18n import Locale
from learnkit.incidents import _lexicon, _lexicon_da, _lexicon_en, _prefilter

_FLAGS: Final = re.IGNORECASE | re.UNICODE
_MENTION: Final = re.compile(_lexicon.MENTION_BEFORE, _FLAGS)
_DA_MARKERS: Final = re.compile(_lexicon.DA_MARKERS, _FLAGS)
_EN_MARKERS: Final = re.compile(_lexicon.EN_MARKERS, _FLAGS)
_SENTENCE_END: Final = re.compile(r"[.!?…]+[\"”’'»)]*(?=\s|$)|\n")
_QUOTED: Final = re.compile(
    r"\"[^\"\n]*\"|“[^”\n]*”|«[^»\n]*»|„[^“”\n]*[“”]|(?<!\w)'[^'\n]+'(?!\w)|‘[^’\n]*’"
)
_NAME_PART: Final = re.compile(r"[^\W\d_][\w'’-]+")
_PERSON: Final = ("<P>", "<PG>")
# A stretch that may change under NFC: non-ASCII characters and the character before them.
_UNSTABLE: Final = re.compile(r".?[^\x00-\x7f]+", re.DOTALL)
SEPARATOR: Final = "\n\n"
"""What joins the texts checked in one pass (a line break ends every sentence)."""


class Hit(NamedTuple):
    """A phrase a rule found: where, what kind (a ``FindingKind`` value) and the language."""

    start: int
    end: int
    kind: str
    locale: Locale


@attrs.frozen
class _Compiled:
    kind: str
    locale: Locale | None  # None: language-neutral, guessed from the sentence
    pattern: re.Pattern[str]
    hit: bool
    unless_before: re.Pattern[str] | None
    unless_after: re.Pattern[str] | None
    question: bool
    triggers: tuple[str, ...] | None


def _person_fragments(names: tuple[str, ...]) -> dict[str, str]:
    """The ``<P>``/``<PG>`` fragments of each language, with the names filled in."""
    alternation = "|".join(re.escape(name) for name in names)
    # Names are matched with their case: "Per" is a name, "per" a preposition.
    named = rf"\b(?-i:{alternation})\b" if names else None
    named_genitive = rf"\b(?-i:{alternation})(?:['’]s|s|')(?!\w)" if names else None

    def either(static: str, extra: str | None) -> str:
        return f"(?:{static}|{extra})" if extra else static

    return {
        "en:<P>": either(_lexicon.EN_PERSON, named),
        "en:<PG>": either(_lexicon.EN_PERSON_GENITIVE, named_genitive),
        "da:<P>": either(_lexicon.DA_PERSON, named),
        "da:<PG>": either(_lexicon.DA_PERSON_GENITIVE, named_genitive),
    }


def _compile(rule: _lexicon.Rule, locale: Locale | None, fragments: dict[str, str]) -> _Compiled:
    language = locale or "en"
    source = rule.pattern.replace("<PG>", fragments[f"{language}:<PG>"])
    source = source.replace("<P>", fragments[f"{language}:<P>"])
    pattern = re.compile(source, _FLAGS)
    return _Compiled(
        kind=rule.kind,
        locale=locale,
        pattern=pattern,
        hit="hit" in pattern.groupindex,
        unless_before=re.compile(rule.unless_before, _FLAGS) if rule.unless_before else None,
        unless_after=re.compile(rule.unless_after, _FLAGS) if rule.unless_after else None,
        question=rule.question,
        triggers=_prefilter.triggers(source, _FLAGS),
    )


def _rules(*, personal: bool) -> Iterator[tuple[_lexicon.Rule, Locale | None]]:
    lexicons: tuple[tuple[tuple[_lexicon.Rule, ...], Locale | None], ...] = (
        (_lexicon_en.RULES, "en"),
        (_lexicon_da.RULES, "da"),
        (_lexicon.NEUTRAL_RULES, None),
    )
    for rules, locale in lexicons:
        for rule in rules:
            if any(mark in rule.pattern for mark in _PERSON) is personal:
                yield rule, locale


@functools.cache
def _static() -> tuple[_Compiled, ...]:
    """The rules that do not refer to people, compiled once."""
    fragments = _person_fragments(())
    return tuple(_compile(rule, locale, fragments) for rule, locale in _rules(personal=False))


@attrs.frozen
class _RuleSet:
    """Every rule for some names, with one expression that finds all their triggers."""

    rules: tuple[_Compiled, ...]
    finder: re.Pattern[str]  # the longest trigger starting at each position
    rules_of: dict[str, tuple[int, ...]]  # a found trigger -> the rules it (or a prefix) starts
    unfiltered: tuple[int, ...]  # rules without triggers: run on every sentence


def _trie(words: Iterable[str]) -> str:
    """An expression matching the longest of ``words`` at a position, one character at a time."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + build(node[char]) for char in sorted(node) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


@functools.lru_cache(maxsize=64)
def _rule_set(names: tuple[str, ...]) -> _RuleSet:
    """The rules for these names (the people rules are compiled per names; the same recur)."""
    fragments = _person_fragments(names)
    personal = (_compile(rule, locale, fragments) for rule, locale in _rules(personal=True))
    rules = (*_static(), *personal)
    triggers = sorted({t for rule in rules for t in rule.triggers or ()})
    rules_of: dict[str, tuple[int, ...]] = {}
    for found in triggers:
        rules_of[found] = tuple(
            index
            for index, rule in enumerate(rules)
            if any(found.startswith(t) for t in rule.triggers or ())
        )
    return _RuleSet(
        rules=rules,
        finder=re.compile(f"(?=({_trie(triggers)}))"),
        rules_of=rules_of,
        unfiltered=tuple(i for i, rule in enumerate(rules) if rule.triggers is None),
    )


def name_key(names: Iterable[str]) -> tuple[str, ...]:
    """Each name in full and each capitalised part of two letters or more, longest first.

    Names are normalised like the texts they are looked for in (:func:`normalise`).

    Raises:
        InvalidDataError: ``names`` is one string, or holds something else than strings.
    """
    if isinstance(names, str):
        raise InvalidDataError.single("names", names, "must be a collection of names, not one name")
    found: set[str] = set()
    for index, name in enumerate(names):
        if not isinstance(name, str):
            raise InvalidDataError.single(f"names[{index}]", name, "must be a string")
        full = " ".join(normalise(name).split())
        if len(full) >= 2:
            found.add(full)
        found.update(part for part in _NAME_PART.findall(full) if part[:1].isupper())
    return tuple(sorted(found, key=lambda n: (-len(n), n)))


def normalise(text: str) -> str:
    """``text`` in Unicode NFC with ``’`` read as ``'``: the form names and texts are matched in."""
    return unicodedata.normalize("NFC", text).replace("’", "'")


class _Normal:
    """A text in the form the rules match (NFC, ``’`` as ``'``), and the way back to the original.

    NFC is applied per cluster (a character with the combining marks after it),
    so every position of the normalised text belongs to one cluster of the
    original; a span maps back to the clusters it touches. Typographic
    apostrophes are replaced one for one and need no mapping.
    """

    def __init__(self, text: str) -> None:
        self.original = text
        # Quotation marks are read before ’ becomes ' (’ also closes a ‘quote’).
        self.quoting = text
        self.starts: list[int] | None = None  # normalised position -> original cluster start
        self.ends: list[int] | None = None  # normalised end -> original cluster end
        if not unicodedata.is_normalized("NFC", text):
            self.quoting = self._compose(text)
        self.text = self.quoting.replace("’", "'")

    def _compose(self, text: str) -> str:
        pieces: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        done = 0

        def copy(upto: int) -> None:
            pieces.append(text[done:upto])
            starts.extend(range(done, upto))
            ends.extend(range(done + 1, upto + 1))

        for stretch in _UNSTABLE.finditer(text):
            copy(stretch.start())
            position = stretch.start()
            for cluster in _clusters(stretch.group()):
                composed = unicodedata.normalize("NFC", cluster)
                pieces.append(composed)
                starts.extend([position] * len(composed))
                ends.extend([position + len(cluster)] * len(composed))
                position += len(cluster)
            done = stretch.end()
        copy(len(text))
        self.starts, self.ends = starts, ends
        return "".join(pieces)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the normalised ``[start, end)`` (whole clusters, never empty)."""
        if self.starts is None or self.ends is None:
            return start, end
        return self.starts[start], self.ends[end - 1]


def _clusters(text: str) -> Iterator[str]:
    """``text`` cut before every character that does not combine with the one before it."""
    begin = 0
    for index in range(1, len(text)):
        if not unicodedata.combining(text[index]):
            yield text[begin:index]
            begin = index
    yield text[begin:]


class _Text:
    """A text with its sentences and quoted stretches, computed once."""

    def __init__(self, normal: _Normal, *, prefilter: bool) -> None:
        text = normal.text
        self.text = text
        bounds = [0]
        bounds.extend(match.end() for match in _SENTENCE_END.finditer(text))
        bounds.append(len(text))
        self.bounds = bounds
        self.quoted = [match.span() for match in _QUOTED.finditer(normal.quoting)]
        # Triggers are found in the case-folded text, which must keep every position.
        folded = text.casefold()
        self.folded = folded if prefilter and folded == text.lower() else None

    def sentence(self, position: int) -> tuple[int, int]:
        index = min(bisect_right(self.bounds, position) - 1, len(self.bounds) - 2)
        return self.bounds[index], self.bounds[index + 1]

    def candidates(self, rules: _RuleSet) -> dict[int, list[tuple[int, int]]]:
        """For each rule (by index), the sentences it may match in, in order."""
        every = list(itertools.pairwise(self.bounds))
        if self.folded is None:
            return dict.fromkeys(range(len(rules.rules)), every)
        found: dict[int, set[int]] = {}
        for match in rules.finder.finditer(self.folded):
            sentence = bisect_right(self.bounds, match.start()) - 1
            for index in rules.rules_of[match.group(1)]:
                found.setdefault(index, set()).add(sentence)
        result = {
            index: [(self.bounds[i], self.bounds[i + 1]) for i in sorted(sentences)]
            for index, sentences in found.items()
        }
        result.update((index, every) for index in rules.unfiltered)
        return result

    def is_quoted(self, start: int, end: int) -> bool:
        return any(q_start < start and end < q_end for q_start, q_end in self.quoted)

    def locale_at(self, position: int) -> Locale:
        start, end = self.sentence(position)
        sentence = self.text[start:end]
        danish = len(_DA_MARKERS.findall(sentence))
        english = len(_EN_MARKERS.findall(sentence))
        return "da" if danish > english else "en"


def _spans(
    rule: _Compiled, text: _Text, sentences: Iterable[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    for start, end in sentences:
        if rule.question:
            sentence = text.text[start:end]
            if not sentence.rstrip().rstrip("\"”’'»)").endswith("?"):
                continue
            # "^" is the start of the sentence: match on the sentence itself.
            for match in rule.pattern.finditer(sentence):
                span = match.span("hit") if rule.hit else match.span()
                yield start + span[0], start + span[1]
            continue
        for match in rule.pattern.finditer(text.text, start, end):
            yield match.span("hit") if rule.hit else match.span()


def _kept(rule: _Compiled, text: _Text, start: int, end: int) -> bool:
    sentence_start, sentence_end = text.sentence(start)
    before = text.text[sentence_start:start]
    after = text.text[end:sentence_end]
    if rule.unless_before is not None and rule.unless_before.search(before):
        return False
    if rule.unless_after is not None and rule.unless_after.match(after):
        return False
    return not (_MENTION.search(before) or text.is_quoted(start, end))


def hits(
    text: str, *, kinds: Collection[str], names: tuple[str, ...], prefilter: bool = True
) -> list[Hit]:
    """Every phrase of ``text`` a rule of one of ``kinds`` finds, unsorted, nested ones included.

    ``names`` must come from :func:`name_key`. ``prefilter=False`` runs every
    rule on every sentence (the result is the same; tests compare the two).
    The rules see the text normalised (:func:`normalise`); the spans are of
    ``text`` itself.
    """
    normal = _Normal(text)
    prepared = _Text(normal, prefilter=prefilter)
    rules = _rule_set(names)
    found: list[Hit] = []
    for index, sentences in prepared.candidates(rules).items():
        rule = rules.rules[index]
        if rule.kind not in kinds:
            continue
        for start, end in _spans(rule, prepared, sentences):
            if _kept(rule, prepared, start, end):
                locale = rule.locale or prepared.locale_at(start)
                found.append(Hit(*normal.span(start, end), rule.kind, locale))
    return found
