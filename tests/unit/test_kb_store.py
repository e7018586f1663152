"""The knowledge base store: exact, fuzzy, role-on-date and acronym lookups on a hand-made KB."""

from __future__ import annotations

from datetime import date

import pytest

from copydesk.errors import KnowledgeError
from copydesk.knowledge.normalize import deletes, initials, norm, skeleton
from copydesk.knowledge.records import AcronymRecord, EntityRecord, RoleRecord, TitleRecord
from copydesk.knowledge.store import KnowledgeBase


@pytest.fixture()
def kb() -> KnowledgeBase:
    kb = KnowledgeBase(":memory:")
    kb.add_entities(
        [
            EntityRecord(
                "anna-kowalczyk", "person", "Anna Kowalczyk",
                aliases=[("Anna Kovalchuk", "translit")],
                roles=[RoleRecord("foreign-minister", "POL", "2019-03-01", "2021-06-30",
                                  "Minister of Foreign Affairs")],
            ),
            EntityRecord(
                "piotr-nowak", "person", "Piotr Nowak",
                roles=[RoleRecord("foreign-minister", "POL", "2021-07-01", None)],
            ),
            EntityRecord("dmitri-volkov", "person", "Dmitry Volkov"),
            EntityRecord("nato", "organisation", "North Atlantic Treaty Organization",
                         aliases=[("NATO", "acronym")]),
        ]
    )
    kb.add_titles([TitleRecord("Foreign Minister", "foreign-minister", "*")])
    kb.add_acronyms([AcronymRecord("NATO", "North Atlantic Treaty Organization", "nato")])
    kb.finish()
    return kb


def test_norm_folds_case_accents_and_punctuation():
    assert norm("Jean-Yves  Le Drián") == "jean yves le drian"
    assert norm("U.S.") == "us"


def test_skeleton_joins_standard_transliterations():
    assert skeleton("Dmitry Peskov") == skeleton("Dmitri Peskov") == skeleton("Dmitriy Peskov")
    assert skeleton("Sergey") == skeleton("Sergei")
    assert skeleton("Kowalski") != skeleton("Kowalczyk")


def test_deletes_share_a_key_within_one_edit():
    assert deletes("blair") & deletes("blari")  # transposition
    assert deletes("kennedy") & deletes("kannedy")  # substitution
    assert not deletes("blair") & deletes("brown")


def test_initials_skip_function_words():
    assert initials("North Atlantic Treaty Organization") == "NATO"
    assert initials("Organisation for Economic Co-operation and Development") == "OECD"


def test_exact_lookup_by_alias(kb):
    [match] = kb.exact("anna kovalchuk")
    assert match.key == "anna-kowalczyk" and match.alias_kind == "translit"


def test_fuzzy_lookup_ranks_the_misspelt_name_first(kb):
    matches = kb.fuzzy("Anna Kowalcyzk")
    assert matches[0].key == "anna-kowalczyk"
    assert matches[0].score < 1.0


def test_fuzzy_lookup_finds_transliteration_variant(kb):
    [match, *_] = kb.fuzzy("Dmitri Volkov")
    assert match.key == "dmitri-volkov" and match.method == "skeleton"


def test_fuzzy_lookup_ignores_unrelated_names(kb):
    assert kb.fuzzy("Gordon Brown") == []


def test_holders_on_a_date(kb):
    [holder] = kb.holders("foreign-minister", "POL", date(2020, 5, 1))
    assert holder.name == "Anna Kowalczyk"
    [holder] = kb.holders("foreign-minister", "POL", date(2024, 1, 1))
    assert holder.name == "Piotr Nowak"
    assert len(kb.holders("foreign-minister", "POL")) == 2


def test_partial_dates_cover_their_whole_period():
    role = RoleRecord("x", "POL", "2019", "2020-02")
    assert role.covers(date(2019, 1, 1)) and role.covers(date(2020, 2, 29))
    assert not role.covers(date(2020, 3, 1))


def test_titles_and_acronyms(kb):
    [title] = kb.titles("foreign minister")
    assert title.role == "foreign-minister" and title.of == "*"
    [row] = kb.expansions("NATO")
    assert row.expansion == "North Atlantic Treaty Organization" and row.entity_key == "nato"
    assert [r.acronym for r in kb.acronyms_for("north atlantic treaty organization")] == ["NATO"]


def test_entity_round_trip(kb):
    record = kb.entity("anna-kowalczyk")
    assert record is not None
    assert ("Anna Kovalchuk", "translit") in record.aliases
    assert record.roles[0].title == "Minister of Foreign Affairs"


def test_opening_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(KnowledgeError, match="copydesk kb build"):
        KnowledgeBase(tmp_path / "nope.sqlite", create=False)


def test_opening_a_non_database_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(KnowledgeError, match="not a copydesk knowledge base"):
        KnowledgeBase(bad, create=False)


def test_open_current_rebuilds_a_knowledge_base_of_another_version(tmp_path):
    from copydesk.knowledge.build import build, open_current
    from copydesk.knowledge.store import SCHEMA_VERSION

    path = tmp_path / "kb.sqlite"
    build(path, sources=("shipped",)).set_meta(schema_version="0")
    kb = open_current(path)
    assert kb.meta()["schema_version"] == SCHEMA_VERSION
    kb.set_meta(schema_version="0", imports="1")
    with pytest.raises(KnowledgeError, match="another version"):
        open_current(path)


def test_coverage_counts_holders_years_and_gaps_per_office():
    from copydesk.knowledge.records import EntityRecord, RoleRecord

    kb = KnowledgeBase(":memory:")
    kb.add_entities([
        EntityRecord("ana-ruiz", "person", "Ana Ruiz", qid="Q1", roles=[
            RoleRecord("head-of-state", "ESP", "1996-05-01", "2003-04-30", "President")]),
        EntityRecord("luis-vega", "person", "Luis Vega", roles=[
            RoleRecord("head-of-state", "ESP", "2006-01-01", "2010", "President"),
            RoleRecord("head-of-state", "ESP", "2003-04-30", "2003-05-20", "President", acting="acting")]),
        EntityRecord("old-hand", "person", "Old Hand", roles=[
            RoleRecord("foreign-minister", "ESP", "1980", "1990", "Foreign Minister")]),
    ])
    coverage = kb.coverage(since=2000, until=2010)
    [office] = coverage["offices"]  # the minister left before 2000
    assert (office["role"], office["of"], office["holders"], office["acting"]) == ("head-of-state", "ESP", 2, 1)
    assert office["missing_years"] == [2004, 2005]
    assert coverage["roles"]["head-of-state"] == {"offices": 1, "holders": 2, "complete": 0}
    assert (coverage["people"], coverage["people_with_qid"]) == (3, 1)
