"""Prompt decks in Danish and English, and next_prompt: seeded, no repeats, fair."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learnkit import _texts_prompts
from learnkit.exceptions import InvalidDataError, UnknownIdError
from learnkit.i18n import LOCALES, translate
from learnkit.reflection import (
    AFTER_ACTION_REVIEW,
    BUILTIN_DECK_IDS,
    FOUR_LS,
    MEETING_OPENERS,
    SINCE_LAST_TIME,
    START_STOP_CONTINUE,
    Prompt,
    PromptChoice,
    PromptDeck,
    PromptDecks,
    builtin_decks,
    next_prompt,
    overdue_after,
)
from learnkit.serialize import from_json, to_json
from learnkit.strategies import prompt_choices, prompt_deck_registries, prompt_decks

BUILTIN = builtin_decks()


def own(prompt_id: str) -> Prompt:
    """A team's own prompt with the id as its text."""
    return Prompt(id=prompt_id, da=f"Spørgsmål {prompt_id}?", en=f"Question {prompt_id}?")


def deck_of(size: int, deck_id: str = "own") -> PromptDeck:
    """A deck of ``size`` own prompts p0, p1, ..."""
    return PromptDeck(
        id=deck_id,
        prompts=[own(f"p{i}") for i in range(size)],
        name_da="Vores spørgsmål",
        name_en="Our questions",
    )


class TestPrompt:
    def test_builtin_prompt_renders_in_both_languages(self) -> None:
        """A built-in prompt takes its text from the catalogues."""
        prompt = Prompt.builtin("opener.learned_since_last")
        assert prompt.key == "prompt.opener.learned_since_last"
        assert prompt.render("da") == "Hvad har vi lært siden sidst?"
        assert prompt.render("en") == "What have we learned since last time?"

    def test_own_prompt_renders_its_own_texts(self) -> None:
        """A team's own prompt says what the team wrote, in each language."""
        prompt = Prompt(id="x", da="Hvad tog længst tid?", en="What took the longest?")
        assert (prompt.render("da"), prompt.render("en")) == (
            "Hvad tog længst tid?",
            "What took the longest?",
        )

    @pytest.mark.parametrize("locale", ["fr", "DA", "", None])
    def test_an_unknown_locale_is_refused(self, locale: object) -> None:
        """Built-in and own prompts refuse a locale learnkit does not speak, naming it."""
        for prompt in (Prompt.builtin("aar.why"), own("x")):
            with pytest.raises(InvalidDataError) as error:
                prompt.render(locale)  # type: ignore[arg-type]
            assert [(p.path, p.value) for p in error.value.problems] == [("locale", locale)]

    def test_own_prompt_needs_both_languages(self) -> None:
        """A one-language prompt is refused, naming the missing language."""
        with pytest.raises(InvalidDataError) as error:
            Prompt(id="x", da="Hvad nu?")
        assert [problem.path for problem in error.value.problems] == ["en"]
        with pytest.raises(InvalidDataError) as error:
            Prompt(id="x")
        assert [problem.path for problem in error.value.problems] == ["da", "en"]

    def test_key_and_texts_together_are_refused(self) -> None:
        """A prompt has one source of text, not two."""
        with pytest.raises(InvalidDataError, match="not both"):
            Prompt(id="x", key="prompt.aar.why", da="Hvorfor?", en="Why?")

    def test_unknown_or_parametrised_keys_are_refused(self) -> None:
        """The key must name a catalogue text without placeholders."""
        with pytest.raises(InvalidDataError, match="not a text"):
            Prompt.builtin("no.such.prompt")
        with pytest.raises(InvalidDataError, match="without placeholders"):
            Prompt(id="x", key="prompt.choice.overdue")

    def test_bad_field_values_are_named(self) -> None:
        """An empty id or text is refused by field."""
        with pytest.raises(InvalidDataError) as error:
            Prompt(id="", da=" ", en="ok")
        assert {problem.path for problem in error.value.problems} == {"id"}
        with pytest.raises(InvalidDataError, match="da"):
            Prompt(id="x", da=" ", en="ok")


class TestPromptDeck:
    def test_deck_keeps_the_order_of_asking(self) -> None:
        """The after-action review asks its four questions in order."""
        deck = BUILTIN.deck(AFTER_ACTION_REVIEW)
        assert deck.render("da") == (
            "Hvad skulle der ske?",
            "Hvad skete der faktisk?",
            "Hvorfor var der forskel?",
            "Hvad gør vi næste gang?",
        )
        assert deck.render("en")[2] == "Why was there a difference?"
        assert deck.ids == ("aar.intended", "aar.happened", "aar.why", "aar.next_time")
        assert len(deck) == 4

    def test_deck_names(self) -> None:
        """Built-in and own decks have names in both languages."""
        assert BUILTIN.deck(START_STOP_CONTINUE).name("da") == "Start, stop, fortsæt"
        assert BUILTIN.deck(FOUR_LS).name("en") == "The four Ls"
        assert deck_of(1).name("da") == "Vores spørgsmål"
        assert deck_of(1).name("en") == "Our questions"

    def test_an_unknown_locale_is_refused(self) -> None:
        """Neither a deck's name nor its questions fall back to English for "fr"."""
        for deck in (BUILTIN.deck(FOUR_LS), deck_of(2)):
            with pytest.raises(InvalidDataError, match="locale"):
                deck.name("fr")  # type: ignore[arg-type]
            with pytest.raises(InvalidDataError, match="locale"):
                deck.render("fr")  # type: ignore[arg-type]

    def test_empty_deck_and_repeated_ids_are_refused_together(self) -> None:
        """Every problem of a deck is reported at once."""
        with pytest.raises(InvalidDataError) as error:
            PromptDeck(id="d", prompts=[], name_da="D")
        assert {problem.path for problem in error.value.problems} == {"prompts", "name_en"}
        with pytest.raises(InvalidDataError, match="listed twice"):
            PromptDeck(id="d", prompts=[own("a"), own("a")], name_key="prompt.deck.four_ls")

    def test_prompts_must_be_a_collection(self) -> None:
        """A single value where the prompts belong is named, as is a too-small strategy."""
        with pytest.raises(InvalidDataError, match="prompts"):
            PromptDeck(id="d", prompts=5, name_key="prompt.deck.four_ls")  # type: ignore[arg-type]
        with pytest.raises(InvalidDataError, match="min_size"):
            prompt_decks(min_size=0)

    def test_prompt_lookup(self) -> None:
        """A prompt is found by id; an unknown id says so."""
        deck = BUILTIN.deck(FOUR_LS)
        assert deck.prompt("4l.lacked").render("da") == "Hvad manglede du?"
        with pytest.raises(UnknownIdError):
            deck.prompt("nope")


class TestBuiltinDecks:
    def test_the_five_decks(self) -> None:
        """The issue's decks are all there."""
        assert set(BUILTIN_DECK_IDS) == {
            AFTER_ACTION_REVIEW,
            START_STOP_CONTINUE,
            FOUR_LS,
            MEETING_OPENERS,
            SINCE_LAST_TIME,
        }
        assert BUILTIN.ids == BUILTIN_DECK_IDS

    def test_meeting_openers_ask_the_article_questions(self) -> None:
        """The two openers from the article, word for word."""
        texts = BUILTIN.deck(MEETING_OPENERS).render("da")
        assert "Hvad har vi lært siden sidst?" in texts
        assert "Hvad kunne vi gøre anderledes næste gang?" in texts
        assert len(texts) >= 5

    def test_every_builtin_text_is_in_both_catalogues(self) -> None:
        """Each deck's name and prompts exist in Danish and English, and differ."""
        for deck in BUILTIN.decks:
            for prompt in deck.prompts:
                assert prompt.key in _texts_prompts.DA
                assert prompt.key in _texts_prompts.EN
                assert prompt.render("da") != prompt.render("en")
            assert deck.name("da")
            assert deck.name("en")

    def test_part_catalogue_keys(self) -> None:
        """This part's keys start with prompt. or retro. and match across languages."""
        assert set(_texts_prompts.DA) == set(_texts_prompts.EN)
        assert all(key.startswith(("prompt.", "retro.")) for key in _texts_prompts.DA)


class TestPromptDecks:
    def test_with_deck_returns_a_new_registry(self) -> None:
        """Adding a deck leaves the original registry unchanged."""
        added = BUILTIN.with_deck(deck_of(2))
        assert "own" in added.ids
        assert "own" not in BUILTIN.ids
        assert added.deck("own") == deck_of(2)

    def test_with_deck_refuses_a_taken_id_unless_replacing(self) -> None:
        """A namesake is refused, or replaced when asked."""
        added = BUILTIN.with_deck(deck_of(2))
        with pytest.raises(InvalidDataError, match="replace=True"):
            added.with_deck(deck_of(3))
        assert len(added.with_deck(deck_of(3), replace=True).deck("own")) == 3
        with pytest.raises(InvalidDataError, match="PromptDeck"):
            added.with_deck("own")  # type: ignore[arg-type]

    def test_same_prompt_id_must_be_the_same_prompt(self) -> None:
        """A prompt id names one prompt across the registry."""
        clash = PromptDeck(
            id="clash", prompts=[own("aar.why")], name_da="Sammenstød", name_en="Clash"
        )
        with pytest.raises(InvalidDataError, match="different prompt"):
            BUILTIN.with_deck(clash)
        shared = PromptDeck(
            id="shared",
            prompts=[Prompt.builtin("aar.why")],
            name_da="Delt",
            name_en="Shared",
        )
        assert BUILTIN.with_deck(shared).deck("shared").prompts == (Prompt.builtin("aar.why"),)

    def test_registry_is_order_independent_and_refuses_twins(self) -> None:
        """Equal decks in any order make equal registries; a deck id is used once."""
        decks = BUILTIN.decks
        assert PromptDecks(reversed(decks)) == BUILTIN
        with pytest.raises(InvalidDataError, match="listed twice"):
            PromptDecks((*decks, decks[0]))
        with pytest.raises(UnknownIdError):
            BUILTIN.deck("nope")

    @settings(max_examples=20)
    @given(prompt_deck_registries())
    def test_registries_round_trip(self, registry: PromptDecks) -> None:
        """Every registry survives JSON."""
        assert from_json(to_json(registry), PromptDecks) == registry


def reference_avoided(deck: PromptDeck, recent: list[str], avoid_last: int) -> set[str]:
    """The avoided ids by a direct reading of the rule."""
    in_window = [p for p in (recent[-avoid_last:] if avoid_last else []) if p in deck.ids]
    newest_first = list(dict.fromkeys(reversed(in_window)))
    return set(newest_first[: len(deck) - 1])


histories = st.lists(st.integers(0, 9), max_size=14)


def as_history(deck: PromptDeck, picks: list[int]) -> list[str]:
    """Picks as prompt ids; an index past the deck is a prompt of another deck."""
    return [deck.ids[pick] if pick < len(deck) else f"other-{pick}" for pick in picks]


class TestNextPrompt:
    @given(prompt_decks(), st.integers(), histories, st.integers(0, 5), st.randoms())
    def test_deterministic_and_independent_of_deck_order(
        self, deck: PromptDeck, seed: int, picks: list[int], avoid_last: int, rnd: object
    ) -> None:
        """Same inputs, same choice; shuffling the deck's prompts changes nothing."""
        recent = as_history(deck, picks)
        first = next_prompt(deck, seed=seed, recent=recent, avoid_last=avoid_last)
        assert next_prompt(deck, seed=seed, recent=recent, avoid_last=avoid_last) == first
        shuffled = list(deck.prompts)
        rnd.shuffle(shuffled)  # type: ignore[attr-defined]
        other = PromptDeck(
            id=deck.id,
            prompts=shuffled,
            name_key=deck.name_key,
            name_da=deck.name_da,
            name_en=deck.name_en,
        )
        assert next_prompt(other, seed=seed, recent=recent, avoid_last=avoid_last) == first

    @given(prompt_decks(), st.integers(), histories, st.integers(0, 5))
    def test_no_repeat_within_the_window(
        self, deck: PromptDeck, seed: int, picks: list[int], avoid_last: int
    ) -> None:
        """With more prompts than N, none of the last N meetings' prompts comes back."""
        recent = as_history(deck, picks)
        choice = next_prompt(deck, seed=seed, recent=recent, avoid_last=avoid_last)
        assert set(choice.avoided) == reference_avoided(deck, recent, avoid_last)
        assert choice.prompt in deck.prompts
        assert choice.small_deck == (len(deck) <= avoid_last)
        if len(deck) > avoid_last:
            assert choice.prompt.id not in (recent[-avoid_last:] if avoid_last else [])
        elif len(deck) > 1 and recent and recent[-1] in deck.ids:
            assert choice.prompt.id != recent[-1]  # a small deck never repeats back to back

    def test_one_prompt_deck_always_gives_it(self) -> None:
        """With one prompt there is nothing to avoid."""
        choice = next_prompt(deck_of(1), seed=3, recent=["p0", "p0"], avoid_last=2)
        assert choice.prompt.id == "p0"
        assert choice.avoided == ()
        assert choice.small_deck

    @settings(max_examples=25)
    @given(st.integers(1, 7), st.integers(0, 4), st.integers(), st.integers(0, 3))
    def test_every_prompt_within_2k_plus_n_minus_1_meetings(
        self, size: int, avoid_last: int, seed: int, step: int
    ) -> None:
        """A team that always uses its prompt sees each one in any 2k + N - 1 meetings."""
        deck = deck_of(size)
        recent: list[str] = []
        for meeting in range(6 * size + 3 * avoid_last + 4):
            choice = next_prompt(
                deck, seed=seed + step * meeting, recent=recent, avoid_last=avoid_last
            )
            recent.append(choice.prompt.id)
        window = 2 * size + avoid_last - 1
        for start in range(len(recent) - window + 1):
            assert set(recent[start : start + window]) == set(deck.ids)

    def test_every_eligible_prompt_is_reachable_by_some_seed(self) -> None:
        """Small cases, brute force: each eligible prompt is chosen by a seed below 200."""
        deck = deck_of(5)
        for recent in ([], ["p0"], ["p3", "p1", "p4"], ["p0", "p1", "p2", "p3"]):
            eligible = next_prompt(deck, seed=0, recent=recent, avoid_last=3).eligible
            reached = {
                next_prompt(deck, seed=seed, recent=recent, avoid_last=3).prompt.id
                for seed in range(200)
            }
            assert reached == set(eligible)

    def test_the_seed_matters(self) -> None:
        """Different seeds give different prompts from a fresh deck (not always the first)."""
        deck = BUILTIN.deck(MEETING_OPENERS)
        chosen = {next_prompt(deck, seed=seed).prompt.id for seed in range(30)}
        assert len(chosen) >= 4

    def test_overdue_prompt_comes_first(self) -> None:
        """A prompt unseen for k + N meetings is picked before any other."""
        deck = deck_of(3)
        recent = ["p0", "p1"] * 5  # p2 never seen in ten meetings
        choice = next_prompt(deck, seed=1, recent=recent, avoid_last=1)
        assert choice.prompt.id == "p2"
        assert choice.overdue
        assert choice.meetings_since is None
        assert choice.explain("da")[0] == "Valgt, fordi teamet ikke har haft det endnu."
        recent = ["p2", *(["p0", "p1"] * 3)]
        choice = next_prompt(deck, seed=1, recent=recent, avoid_last=1)
        assert (choice.prompt.id, choice.meetings_since) == ("p2", 7)
        assert overdue_after(3, 1) == 4
        assert choice.explain("en")[0] == "Chosen because the team has not had it in 7 meetings."

    def test_other_decks_prompts_count_as_meetings(self) -> None:
        """An id from another deck fills a meeting of the window but is never picked."""
        deck = deck_of(4)
        choice = next_prompt(deck, seed=5, recent=["p0", "x", "y"], avoid_last=2)
        assert choice.avoided == ()
        assert choice.prompt.id in deck.ids

    def test_explanations_in_both_languages(self) -> None:
        """The reasons are catalogue sentences with the numbers filled in."""
        deck = deck_of(5)
        choice = next_prompt(deck, seed=11, recent=["p0", "p1"], avoid_last=3)
        assert choice.explain("da") == (
            translate("prompt.choice.seeded.other", "da", seed=11, count=3),
            translate("prompt.choice.avoided.other", "da", count=2, meetings=3),
        )
        assert choice.explain("en")[1] == (
            "2 questions were skipped because the team had them in the last 3 meetings."
        )
        small = next_prompt(deck_of(2), seed=0, recent=["p1"], avoid_last=3)
        assert small.explain("da") == (
            "Det eneste spørgsmål, teamet ikke har haft for nylig.",
            "1 spørgsmål er sprunget over, fordi teamet havde det på et af de seneste 3 møder.",
            "Bunken har højst 3 spørgsmål, så kun de senest brugte kan springes over.",
        )

    def test_bad_input_is_named_all_at_once(self) -> None:
        """Deck, seed, window and history problems come together."""
        with pytest.raises(InvalidDataError) as error:
            next_prompt("deck", seed=True, recent=["ok", 5, " x"], avoid_last=-1)  # type: ignore[arg-type,list-item]
        paths = [problem.path for problem in error.value.problems]
        assert paths == ["deck", "seed", "avoid_last", "recent[1]", "recent[2]"]
        with pytest.raises(InvalidDataError, match="sequence"):
            next_prompt(deck_of(2), seed=1, recent="p0")


class TestPromptChoice:
    @given(prompt_choices())
    def test_choices_hold_their_guarantees(self, choice: PromptChoice) -> None:
        """The prompt is eligible, eligible and avoided are disjoint, and JSON keeps it."""
        assert choice.prompt.id in choice.eligible
        assert not set(choice.eligible) & set(choice.avoided)
        assert from_json(to_json(choice), PromptChoice) == choice
        for locale in LOCALES:
            assert all(line.strip() for line in choice.explain(locale))

    def test_inconsistent_choice_is_refused(self) -> None:
        """A choice whose prompt was not eligible cannot exist."""
        with pytest.raises(InvalidDataError) as error:
            PromptChoice(
                deck="d",
                prompt=own("p0"),
                seed=1,
                avoid_last=1,
                eligible=["p1"],
                avoided=["p1"],
            )
        assert [problem.path for problem in error.value.problems] == ["prompt", "avoided"]


def test_small_cases_against_brute_force() -> None:
    """For every history of up to 4 meetings over 3 prompts, the choice follows the rule."""
    deck = deck_of(3)
    for length in range(5):
        for recent in itertools.product(deck.ids, repeat=length):
            for avoid_last in range(4):
                choice = next_prompt(deck, seed=length, recent=list(recent), avoid_last=avoid_last)
                avoided = reference_avoided(deck, list(recent), avoid_last)
                assert set(choice.avoided) == avoided
                assert set(choice.eligible) <= set(deck.ids) - avoided
                if not choice.overdue:
                    assert set(choice.eligible) == set(deck.ids) - avoided
