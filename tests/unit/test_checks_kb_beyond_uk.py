"""roles.title and names.unknown-variant on the causes of misses found with
``bench/kb_planted.py`` (non-UK offices), on a small knowledge base of fictional people holding
offices of real countries: the suggested title is a shortening of the official title of the time,
written in the case of the title it replaces; a doubled-letter typo of a name that is not
romanised is corrected; a hyphenated given name is found; a word the parser takes into the name
is read without; a name the parser takes for a place is read as a person's when its given name is
the known one; the suggestion keeps the writer's accents or their absence."""

from __future__ import annotations

from datetime import datetime

import pytest

from copydesk.analyse.kbnames import _resolve
from copydesk.checks import names_unknown_variant, roles_title
from copydesk.ingest.text import parse_text
from copydesk.knowledge import Knowledge
from copydesk.knowledge.records import EntityRecord, RoleRecord, TitleRecord
from copydesk.knowledge.store import KnowledgeBase
from copydesk.model import Entity, Mention


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    kb = KnowledgeBase(":memory:")
    kb.add_entities(
        [
            EntityRecord(
                "walter-brennick", "person", "Walter Brennick",
                roles=[RoleRecord("defence-minister", "USA", "2014-03-01", "2017-01-20", "Secretary of Defense")],
            ),
            EntityRecord(
                "nora-feld", "person", "Nora Feld",
                roles=[RoleRecord("presidential-spokesperson", "USA", "2014-06-01", "2017-01-20",
                                  "White House Press Secretary")],
            ),
            EntityRecord(
                "carl-osgood", "person", "Carl Osgood",
                roles=[RoleRecord("finance-minister", "USA", "2013-02-28", "2017-01-20", "Secretary of the Treasury")],
            ),
            EntityRecord(
                "ines-moradi", "person", "Ines Moradi",
                roles=[RoleRecord("foreign-minister", "FRA", "2015-01-01", "2019-01-01", "Minister of Foreign Affairs")],
            ),
            EntityRecord(
                "dmytro-kovalskyi", "person", "Dmytro Kovalskyi",
                aliases=[("Dmytro Kovalsky", "translit")],
                roles=[RoleRecord("foreign-minister", "UKR", "2015-01-01", "2019-01-01", "Minister of Foreign Affairs")],
            ),
            EntityRecord(
                "tayfun-ozgur", "person", "Tayfun Özgür",
                aliases=[("Tayfun Ozgur", "translit")],
                roles=[RoleRecord("foreign-minister", "TUR", "2015-01-01", "2019-01-01", "Minister of Foreign Affairs")],
            ),
            EntityRecord(
                "park-ji-woon", "person", "Park Ji-woon",
                roles=[RoleRecord("foreign-minister", "KOR", "2015-01-01", "2019-01-01", "Minister of Foreign Affairs")],
            ),
        ]
    )
    kb.add_titles(
        [
            TitleRecord("War Secretary", "defence-minister", "USA", "from September 2025"),
            TitleRecord("Defense Secretary", "defence-minister", "USA"),
            TitleRecord("Secretary of Defense", "defence-minister", "USA"),
            TitleRecord("White House spokesman", "presidential-spokesperson", "USA"),
            TitleRecord("White House press secretary", "presidential-spokesperson", "USA"),
            TitleRecord("Foreign Minister", "foreign-minister", "*"),
            TitleRecord("Treasury Secretary", "finance-minister", "USA"),
        ]
    )
    kb.finish()
    return Knowledge(kb=kb)


def run(check, analyser, knowledge, text, published=datetime(2016, 5, 2)):
    article = parse_text(text)
    article.published = published
    return list(check.check(analyser.analyse(article), knowledge))


def test_suggested_title_shortens_the_official_title_of_the_time(analyser, knowledge):
    text = "Treasury Secretary Walter Brennick visited the base in Texas on Monday.\n"
    [finding] = run(roles_title, analyser, knowledge, text)
    assert finding.suggestion == "Defense Secretary"  # not "War Secretary", the shortest


def test_suggested_title_takes_the_case_of_the_title_it_replaces(analyser, knowledge):
    text = "Treasury Secretary Nora Feld told reporters on Monday that the trip would go ahead.\n"
    [finding] = run(roles_title, analyser, knowledge, text)
    assert finding.suggestion == "White House Press Secretary"


def test_doubled_letter_in_a_name_that_is_not_romanised_is_a_typo(analyser, knowledge):
    text = "Foreign Minister Ines Moradii arrived in Rome on Monday.\n\nMoradii met her Italian counterpart.\n"
    findings = run(names_unknown_variant, analyser, knowledge, text)
    assert [(f.text, f.suggestion) for f in findings] == [("Moradii", "Moradi"), ("Moradii", "Moradi")]


def test_another_romanisation_of_a_romanised_name_is_silent(analyser, knowledge):
    text = "Foreign Minister Dmytro Kovalskiy arrived in Rome on Monday.\n"
    assert run(names_unknown_variant, analyser, knowledge, text) == []


def test_misspelt_hyphenated_name_is_found_though_the_tokenizer_splits_it(analyser, knowledge):
    text = "Foreign Minister Park Ji-wwoon arrived in Rome on Monday.\n"
    findings = run(names_unknown_variant, analyser, knowledge, text)
    assert [(f.text, f.suggestion) for f in findings] == [("Ji-wwoon", "Ji-woon")]
    assert text[findings[0].start : findings[0].end] == "Ji-wwoon"


def test_a_word_taken_into_the_name_is_read_without(knowledge):
    kb = knowledge.kb
    entity = Entity("e1", "PERSON", "Cheeto Walter Brenick", [Mention(0, 21, "Cheeto Walter Brenick", "PERSON", "e1")])
    resolution = _resolve(entity, kb, [], set())
    assert resolution is not None and resolution.corrections == {"Brenick": "Brennick"}
    initial = Entity("e2", "PERSON", "Wilma J. Brennick", [Mention(0, 17, "Wilma J. Brennick", "PERSON", "e2")])
    assert _resolve(initial, kb, [], set()) is None  # "J." is no given name to start from


def _entity(text: str, label: str = "PERSON") -> Entity:
    return Entity("e1", label, text, [Mention(0, len(text), text, label, "e1")])


def test_a_name_taken_for_a_place_is_read_strictly(knowledge):
    kb = knowledge.kb
    resolution = _resolve(_entity("Ines Moradii", "LOC"), kb, [], set(), strict=True)
    assert resolution is not None and resolution.corrections == {"Moradii": "Moradi"}
    assert _resolve(_entity("Inez Moradii", "LOC"), kb, [], set(), strict=True) is None
    assert _resolve(_entity("Inez Moradii"), kb, [], set()) is not None  # a person: one edit is enough


def test_the_suggestion_keeps_the_writers_accents(knowledge):
    kb = knowledge.kb
    accented = _resolve(_entity("Tayfun Özgürr"), kb, [], set())
    plain = _resolve(_entity("Tayfun Ozgurr"), kb, [], set())
    assert accented.corrections == {"Özgürr": "Özgür"}
    assert plain.corrections == {"Ozgurr": "Ozgur"}


def test_a_country_before_and_belongs_to_the_name_before_it(analyser):
    kb = KnowledgeBase(":memory:")
    kb.add_entities([
        EntityRecord("ines-moradi", "person", "Ines Moradi",
                     roles=[RoleRecord("head-of-state", "FRA", "2015-01-01", "2019-01-01", "President")]),
        EntityRecord("walt-hardy", "person", "Walt Hardy",
                     roles=[RoleRecord("head-of-state", "USA", "2015-01-01", "2019-01-01", "President")]),
        EntityRecord("france", "place", "France", country="FRA", subkind="country",
                     aliases=[("French", "demonym")]),
    ])
    kb.add_titles([TitleRecord("President", "head-of-state", "*")])
    kb.finish()
    text = "President Ines Moradi of France and President Walt Hardy met in Nice on Monday.\n"
    assert run(roles_title, analyser, Knowledge(kb=kb), text) == []  # France is Moradi's
    alone = "French President Walt Hardy met the press in Nice on Monday.\n"
    assert [f.text for f in run(roles_title, analyser, Knowledge(kb=kb), alone)] == ["President"]
