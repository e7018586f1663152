"""The spelling lexicon (``copydesk.knowledge.lexicon``): known words, regular formations,
suggestions, and its failure when no dictionary is installed."""

from __future__ import annotations

import pytest

from copydesk.errors import KnowledgeError
from copydesk.knowledge import lexicon as lexicon_module
from copydesk.knowledge.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.default()


def test_british_and_american_spellings_are_both_known(lexicon):
    assert all(lexicon.known(w) for w in ("colour", "color", "defence", "defense", "analyse"))


def test_a_misspelt_common_word_is_not_known(lexicon):
    assert not lexicon.known("separatits")


def test_suggestion_for_a_doubled_letter_is_the_word(lexicon):
    assert lexicon.suggest("separattist")[0].word == "separatist"


def test_suggestion_for_a_transposition_is_one_edit(lexicon):
    [first, *_] = lexicon.suggest("recieve")
    assert (first.word, first.distance) == ("receive", 1)


def test_two_words_run_together_are_split(lexicon):
    assert lexicon.suggest("ofthe")[0].word == "of the"


def test_prefixed_word_is_a_regular_formation(lexicon):
    assert lexicon.formation("reinsurers") == "re + insurers"


def test_plural_of_a_known_word_is_a_regular_formation(lexicon):
    assert lexicon.formation("crudes") == "crude + s"


def test_closed_compound_of_two_common_words_is_a_regular_formation(lexicon):
    assert lexicon.formation("groundrules") == "ground + rules"


def test_function_word_run_on_is_not_a_compound(lexicon):
    assert lexicon.formation("thefirst") is None


def test_garbled_word_is_no_formation(lexicon):
    assert lexicon.formation("propostition") is None


def test_foreign_language_frequency(lexicon):
    language, zipf = lexicon.foreign("vivre")
    assert language == "fr" and zipf > 4


def test_describe_names_each_source_with_origin_and_size(lexicon):
    rows = lexicon.describe()
    assert {"name", "origin", "size"} <= set(rows[0])
    assert any("en_US" in row["origin"] for row in rows)
    [ranker] = [row for row in rows if row["name"] == "suggestion ranker"]
    assert ranker["origin"] == "copydesk/data/suggestion_ranker.json"
    assert ranker["size"].startswith("16 learned weights, trained ")


def test_missing_dictionary_raises_knowledge_error(tmp_path, monkeypatch):
    monkeypatch.setattr(lexicon_module, "DICTIONARY_DIRS", (tmp_path,))
    monkeypatch.delenv("COPYDESK_HUNSPELL_DIR", raising=False)
    with pytest.raises(KnowledgeError, match="hunspell-en-us"):
        Lexicon.default()


def test_word_pairs_score_a_word_between_its_neighbours():
    from copydesk.knowledge.bigrams import Bigrams

    pairs = Bigrams(
        {"to": 1000, "write": 50, "with": 800, "a": 2000},
        {"to write": 40, "write a": 20, "with a": 300, "to with": 1},
    )
    # "with a" is strong, but "to with" is rarer than chance: "write" fits "to _ a" better
    assert pairs.fit("to", "write", "a") > pairs.fit("to", "with", "a")
    assert pairs.fit(None, "write", None) == 0
    assert pairs.pmi("write", "unknown") == 0  # a word the counts lack is no evidence
    # a pair missing from the list counts against two common words, never for rare ones
    assert pairs.pmi("a", "to") < 0
    assert pairs.pmi("write", "write") <= 0


def test_shipped_word_pairs_load_and_rank_in_context(lexicon):
    assert lexicon.in_context("wirte", "to", "a")[0].word == "write"
    assert lexicon.in_context("sqare", "per", "metre")[0].word == "square"


def test_a_pair_is_as_common_as_its_count():
    from copydesk.knowledge.bigrams import Bigrams

    pairs = Bigrams({"the": 10**9, "first": 10**7, "in": 10**8, "dead": 10**6},
                    {"the first": 10**6, "in the": 10**5})
    assert pairs.pair_zipf("the", "first") > pairs.pair_zipf("in", "the") > pairs.pair_zipf("in", "dead")


def test_two_words_split_apart_rank_by_how_often_they_go_together(lexicon):
    # "in dead" is two common words that rarely meet: "indeed" is meant; "the first" is a pair
    assert lexicon.in_context("indead", "matter", None)[0].word == "indeed"
    assert lexicon.in_context("examin", "to", "the")[0].word == "examine"
    assert lexicon.in_context("thefirst", "was", "time")[0].word == "the first"


def test_a_word_spelt_as_it_sounds_reaches_a_longer_word(lexicon):
    # same Metaphone key, three letters left out: only sound brings it within reach
    assert lexicon.in_context("imidatly", "shares", None)[0].word == "immediately"
    # a shorter word of the same sound is not a reason to drop the letters written
    assert lexicon.in_context("coyright", "the", "law")[0].word == "copyright"


def test_animate_nouns_come_from_wordnet(lexicon):
    assert lexicon.animate("jury") and lexicon.animate("minister") and lexicon.animate("dog")
    assert lexicon.animate("sauce") is False and lexicon.animate("policy") is False
    assert lexicon.animate("flumbership") is None  # unknown to WordNet: no opinion


def test_what_happens_groups_and_clause_verbs_come_from_wordnet(lexicon):
    # what one can bring about (acts, events, states, agreements) against people and things
    assert lexicon.happening("arrest") and lexicon.happening("peace") and lexicon.happening("agreement")
    assert lexicon.happening("commuter") is False and lexicon.happening("nerve") is False
    assert lexicon.happening("flumbership") is None
    # groups, which British English may follow with a plural verb
    assert lexicon.group("team") and lexicon.group("council")
    assert lexicon.group("captain") is False
    # verbs whose commonest senses take a "that" clause; a deep rare sense does not count
    assert lexicon.takes_clause("sense") and lexicon.takes_clause("pretend") and lexicon.takes_clause("realise")
    assert not lexicon.takes_clause("publish") and not lexicon.takes_clause("make")


def test_first_senses_of_time_food_and_people_come_from_wordnet(lexicon):
    assert lexicon.time("century") and lexicon.time("week") and lexicon.time("biscuit") is False
    assert lexicon.food("champagne") and lexicon.food("breakfast") and lexicon.food("ingredient") is False
    assert lexicon.person("butler") and lexicon.person("team") is False and lexicon.person("lamb") is False
    assert lexicon.time("flumbership") is None


def test_noun_senses_are_wordnet_synsets(lexicon):
    # "common" and "commons" (a green) share a synset; "room" and "rooms" (lodgings) do not
    assert lexicon.noun_senses("commons") & lexicon.noun_senses("common")
    assert not lexicon.noun_senses("rooms") & lexicon.noun_senses("room")
    assert lexicon.noun_senses("flumbership") == frozenset()


def test_hunspell_fills_in_one_edit_further_when_nothing_is_close(lexicon):
    assert lexicon.suggest("folowwin")[0].word == "following"


def test_no_suggestion_leaves_a_letter_on_its_own(lexicon):
    # Hunspell offers "photoplethysmograph y" for the longer word it lacks
    assert all(" y" not in s.word for s in lexicon.suggest("photoplethysmography"))


def test_hypernyms_classes_and_frames_come_from_wordnet(lexicon):
    # a kind of thing, over a noun's most frequent senses ("college" is first a body of people)
    assert lexicon.is_a("academy", "educational institution") is True
    assert lexicon.is_a("college", "educational institution", 3) is True
    assert lexicon.is_a("college", "educational institution") is False
    assert lexicon.is_a("union", "educational institution", 3) is False
    assert lexicon.is_a("flumbership", "educational institution") is None
    assert lexicon.is_a("repay", "pay", 3, "verb") is True
    assert lexicon.is_a("abandon", "pay", 3, "verb") is False
    # the first sense's lexicographer file, any sense's possession, a verb's sentence frames
    assert lexicon.word_class("speak", "verb") == "verb.communication"
    assert lexicon.word_class("loan") == "noun.possession"
    assert lexicon.word_class("flumbership") is None
    assert lexicon.possession("interest") is True and lexicon.possession("fairness") is False
    assert "27" in lexicon.verb_frames("speak") and "27" not in lexicon.verb_frames("object")
    assert lexicon.senses("speak", "verb")[:1] and lexicon.senses("flumbership") == []
