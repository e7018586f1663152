"""Name clusters and spelling variants (``copydesk.analyse.names``, ``copydesk.analyse.variants``)."""

from __future__ import annotations

import pytest

from copydesk.analyse.names import build_entities, canonical_form, name_words
from copydesk.analyse.variants import (
    find_spelling_variants,
    is_inflection,
    spelling_distance,
    transliteration_equivalent,
)
from copydesk.model import Mention


@pytest.mark.parametrize(
    "a, b",
    [("Dmitry", "Dmitri"), ("Sergey", "Sergei"), ("Zelensky", "Zelenskyy"), ("Kharkiv", "Harkiv"),
     ("Mykhailo", "Mykhaylo"), ("Vladimir", "Wladimir"), ("Müller", "Mueller")],
)
def test_standard_transliterations_are_equivalent(a, b):
    assert transliteration_equivalent(a, b)


@pytest.mark.parametrize("a, b", [("Yushchenko", "Yushchinko"), ("Mallya", "Malla"), ("South", "Suth")])
def test_misspellings_are_not_transliterations(a, b):
    assert not transliteration_equivalent(a, b)


def test_demonym_is_an_inflection_not_a_variant():
    assert is_inflection("Korea", "Korean")
    assert spelling_distance("Korea", "Korean") is None


def test_one_transposition_is_distance_one():
    assert spelling_distance("Rimmer", "Rimemr") == 1


def test_short_words_are_never_variants():
    assert spelling_distance("Ali", "Alo") is None


def test_name_words_drop_titles_and_possessive():
    assert name_words("Mr Peskov's") == ["Peskov"]


def test_canonical_form_prefers_the_full_name():
    mentions = [Mention(0, 6, "Peskov", "PERSON"), Mention(10, 16, "Peskov", "PERSON"),
                Mention(20, 33, "Dmitry Peskov", "PERSON")]
    assert canonical_form(mentions) == "Dmitry Peskov"


KOWALCZYK = (
    "Minister Anna Kowalczyk spoke in Warsaw. Reporters asked Mr Kowalczyk about it.\n\n"
    "Later Kowalcyk said the talks had failed. The opposition blamed Kowalczyk."
)


def test_surname_and_variant_join_the_full_name(handmade):
    analysed = handmade(KOWALCZYK, entities={"Anna Kowalczyk": "PERSON", "Warsaw": "GPE",
                                             "Kowalczyk": "PERSON"})
    build_entities(analysed)
    person = next(c for c in analysed.clusters if c.canonical == "Anna Kowalczyk")
    assert "Kowalcyk" in person.forms


def test_variant_labelled_as_a_place_joins_the_person(handmade):
    analysed = handmade(KOWALCZYK, entities={"Anna Kowalczyk": "PERSON", "Kowalczyk": "PERSON",
                                             "Kowalcyk": "GPE"})
    build_entities(analysed)
    person = next(c for c in analysed.clusters if c.canonical == "Anna Kowalczyk")
    assert "Kowalcyk" in person.forms


def test_unlabelled_variant_becomes_a_mention(handmade):
    analysed = handmade(KOWALCZYK, entities={"Anna Kowalczyk": "PERSON", "Kowalczyk": "PERSON"})
    build_entities(analysed)
    variant = next(m for m in analysed.mentions if m.text == "Kowalcyk")
    assert analysed.entity_by_id(variant.entity).name == "Anna Kowalczyk"


def test_entity_ids_follow_text_order(handmade):
    analysed = handmade(KOWALCZYK, entities={"Anna Kowalczyk": "PERSON", "Warsaw": "GPE"})
    build_entities(analysed)
    assert [e.id for e in analysed.entities][:2] == ["e1", "e2"]
    assert analysed.entities[1].name == "Warsaw"


BROTHERS = (
    "Ed Miliband met voters in Leeds. His brother David Miliband stayed in London. "
    "Miliband later said the campaign was going well."
)


def test_same_surname_different_given_names_are_two_people(handmade):
    analysed = handmade(BROTHERS, entities={"Ed Miliband": "PERSON", "David Miliband": "PERSON",
                                            "Miliband": "PERSON"})
    build_entities(analysed)
    people = [c for c in analysed.clusters if c.label == "PERSON"]
    assert len(people) == 2


def test_surname_alone_goes_to_the_nearest_earlier_full_name(handmade):
    analysed = handmade(BROTHERS, entities={"Ed Miliband": "PERSON", "David Miliband": "PERSON",
                                            "Miliband": "PERSON"})
    build_entities(analysed)
    david = next(c for c in analysed.clusters if c.canonical == "David Miliband")
    assert david.forms.get("Miliband") == 1


def test_transliteration_variants_are_one_person(handmade):
    text = ("Dmitry Peskov spoke on Monday. Dmitri Peskov later added more. "
            "Mr Peskov's remarks were brief.")
    analysed = handmade(text, entities={"Dmitry Peskov": "PERSON", "Dmitri Peskov": "PERSON",
                                        "Peskov": "PERSON"})
    build_entities(analysed)
    assert len([c for c in analysed.clusters if c.label == "PERSON"]) == 1


def test_variant_with_different_given_name_is_not_paired(handmade):
    text = ("Karen Walborn won the race. Walborn was delighted. Fans cheered Walborn. "
            "Steve Walbern finished third.")
    analysed = handmade(text, entities={"Karen Walborn": "PERSON", "Steve Walbern": "PERSON"})
    assert find_spelling_variants(analysed) == []


def test_neighbouring_words_of_one_name_are_not_variants(handmade):
    text = "The sitcom Nighty Night won. Fans of Nighty Night cheered."
    analysed = handmade(text, entities={"Nighty Night": "WORK_OF_ART"})
    assert find_spelling_variants(analysed) == []


def test_capitalised_particle_is_not_a_given_name(handmade):
    text = "Replacements: Perugini, Del Fava, Dal Maso, Griffen. Starting: Canale, Masi."
    analysed = handmade(text, entities={})
    (variant,) = find_spelling_variants(analysed)
    assert not any(w.before for w in variant.rare_words + variant.common_words)


def test_common_word_is_never_taken_for_a_misspelling(handmade):
    text = "Hillary Clinton spoke. Clinton smiled. Clinton left for Clifton by train."
    analysed = handmade(text, entities={"Hillary Clinton": "PERSON", "Clifton": "GPE"})
    assert find_spelling_variants(analysed) == []


def test_ordinary_words_make_no_clusters(handmade):
    analysed = handmade("The board met on Tuesday. Nothing was decided.", entities={})
    build_entities(analysed)
    assert analysed.clusters == []
