"""Checks that use the knowledge base, on texts and a small knowledge base written for the tests
(fictional people holding offices of real countries)."""

from __future__ import annotations

from datetime import datetime

import pytest

from copydesk.checks import (
    acronyms_expansion,
    acronyms_typo,
    names_inconsistent,
    names_unknown_variant,
    roles_title,
)
from copydesk.ingest.text import parse_text
from copydesk.knowledge import Knowledge
from copydesk.knowledge.records import AcronymRecord, EntityRecord, RoleRecord, TitleRecord
from copydesk.knowledge.store import KnowledgeBase


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    kb = KnowledgeBase(":memory:")
    kb.add_entities(
        [
            EntityRecord(
                "marta-lindqvist", "person", "Marta Lindqvist",
                roles=[
                    RoleRecord("foreign-minister", "SWE", "2015-02-01", "2019-06-30", "Minister for Foreign Affairs"),
                    RoleRecord("head-of-government", "SWE", "2019-07-01", "2023-03-31", "Prime Minister"),
                ],
            ),
            EntityRecord(
                "erik-sandgren", "person", "Erik Sandgren",
                roles=[RoleRecord("defence-minister", "SWE", "2014-10-03", "2022-10-18", "Minister for Defence")],
            ),
            EntityRecord(
                "harbour-authority", "organisation", "Harbour Management Authority",
                aliases=[("HMA", "acronym"), ("Harbour Maintenance Administration", "former")],
            ),
            EntityRecord("sweden", "place", "Sweden", country="SWE", subkind="country",
                         aliases=[("Swedish", "demonym")]),
        ]
    )
    kb.add_titles(
        [
            TitleRecord("Foreign Minister", "foreign-minister", "*"),
            TitleRecord("Defence Minister", "defence-minister", "*"),
            TitleRecord("Prime Minister", "head-of-government", "*"),
        ]
    )
    kb.add_acronyms(
        [
            AcronymRecord("HMA", "Harbour Management Authority", "harbour-authority"),
            AcronymRecord("RLO", "Regional Logistics Organization"),
            AcronymRecord("BBC", "British Broadcasting Corporation"),
        ]
    )
    kb.finish()
    return Knowledge(kb=kb)


def acronyms_only(*records: AcronymRecord) -> Knowledge:
    """A knowledge base that knows these acronyms and nothing else."""
    kb = KnowledgeBase(":memory:")
    kb.add_acronyms(list(records))
    kb.finish()
    return Knowledge(kb=kb)


def run(check, analyser, knowledge, text, published=None):
    article = parse_text(text)
    article.published = published
    return list(check.check(analyser.analyse(article), knowledge))


# ---------------------------------------------------------------- roles.title

def test_title_the_person_never_held(analyser, knowledge):
    text = "Swedish Defence Minister Marta Lindqvist arrived in Oslo on Monday for talks.\n"
    [finding] = run(roles_title, analyser, knowledge, text, datetime(2017, 5, 2))
    assert finding.text == "Defence Minister"
    assert finding.suggestion == "Foreign Minister"
    assert finding.severity.label == "error"
    assert any("Erik Sandgren" in e.detail for e in finding.evidence)


def test_title_held_but_not_on_the_date(analyser, knowledge):
    text = "Swedish Foreign Minister Marta Lindqvist arrived in Oslo on Monday for talks.\n"
    [finding] = run(roles_title, analyser, knowledge, text, datetime(2021, 5, 2))
    assert finding.severity.label == "warning"
    assert finding.suggestion == "Prime Minister"


def test_right_title_and_qualified_title_are_silent(analyser, knowledge):
    right = "Swedish Foreign Minister Marta Lindqvist arrived in Oslo on Monday for talks.\n"
    assert run(roles_title, analyser, knowledge, right, datetime(2017, 5, 2)) == []
    former = "Former Defence Minister Marta Lindqvist arrived in Oslo on Monday for talks.\n"
    assert run(roles_title, analyser, knowledge, former, datetime(2017, 5, 2)) == []


def test_title_without_a_date_uses_the_year_the_text_mentions(analyser, knowledge):
    text = (
        "Defence Minister Marta Lindqvist said the 2016 budget would be tight.\n\n"
        "The cuts planned for 2016 worried the navy.\n"
    )
    [finding] = run(roles_title, analyser, knowledge, text)
    assert finding.suggestion == "Foreign Minister"
    assert any("2016" in e.detail for e in finding.evidence)


def test_unknown_person_is_not_judged(analyser, knowledge):
    text = "Swedish Defence Minister Karin Holm arrived in Oslo on Monday for talks.\n"
    assert run(roles_title, analyser, knowledge, text, datetime(2017, 5, 2)) == []


# ---------------------------------------------------------------- acronyms.expansion

def test_wrong_expansion_in_parentheses(analyser, knowledge):
    text = "Dock fees were raised by the HMA (Harbour Maritime Authority) last week.\n"
    [finding] = run(acronyms_expansion, analyser, knowledge, text)
    assert finding.text == "Harbour Maritime Authority"
    assert finding.suggestion == "Harbour Management Authority"


def test_wrong_expansion_after_a_comma(analyser, knowledge):
    text = "Ships must register with the HMA, the Harbour Marine Authority, before docking.\n"
    [finding] = run(acronyms_expansion, analyser, knowledge, text)
    assert finding.text == "Harbour Marine Authority"


def test_right_expansion_and_spelling_variant_are_silent(analyser, knowledge):
    assert run(acronyms_expansion, analyser, knowledge,
               "Fees were raised by the HMA (Harbour Management Authority) last week.\n") == []
    assert run(acronyms_expansion, analyser, knowledge,
               "Depots are run by the RLO (Regional Logistics Organisation) in the north.\n") == []


def test_an_expansion_is_read_whole_where_its_initials_spell_the_acronym(analyser):
    from copydesk.analyse.acronyms import find_expansions
    text = "Britain joined the European Economic Community (EEC) in 1973 and the HMA (Harbour Authority) later.\n"
    analysed = analyser.analyse(parse_text(text))
    assert [(e.acronym, e.text) for e in find_expansions(analysed)] == [
        ("EEC", "European Economic Community"), ("HMA", "Harbour Authority")]


def test_former_name_is_a_warning(analyser, knowledge):
    text = "Fees were raised by the Harbour Maintenance Administration (HMA) last week.\n"
    [finding] = run(acronyms_expansion, analyser, knowledge, text)
    assert finding.severity.label == "warning" and "former name" in finding.message


def test_parenthesis_that_is_not_an_expansion_is_ignored(analyser, knowledge):
    assert run(acronyms_expansion, analyser, knowledge,
               "Fees were raised by the HMA (Stockholm) last week.\n") == []


# ---------------------------------------------------------------- acronyms.typo

def test_transposed_acronym_written_right_elsewhere(analyser, knowledge):
    text = "The HMA raised fees last week. Ship owners said the MHA had not consulted them.\n"
    [finding] = run(acronyms_typo, analyser, knowledge, text)
    assert (finding.text, finding.suggestion) == ("MHA", "HMA")


def test_transposed_well_known_acronym(analyser, knowledge):
    text = "The harbour master told the BCB on Monday that fees would rise.\n"
    [finding] = run(acronyms_typo, analyser, knowledge, text)
    assert (finding.text, finding.suggestion) == ("BCB", "BBC")


def test_unknown_acronym_used_repeatedly_is_the_articles_own(analyser, knowledge):
    text = "The CBB said fees would rise. Later the CBB said they would not.\n"
    assert run(acronyms_typo, analyser, knowledge, text) == []


def test_obscure_transposition_not_in_the_article_is_silent(analyser, knowledge):
    text = "Fees were raised by the MHA last week, the port said.\n"
    assert run(acronyms_typo, analyser, knowledge, text) == []


def test_known_acronym_and_capitalised_words_are_silent(analyser, knowledge):
    assert run(acronyms_typo, analyser, knowledge, "Fees were raised by the HMA last week.\n") == []
    assert run(acronyms_typo, analyser, knowledge, "The port said it was FREE to enter.\n") == []


def test_acronym_defined_in_the_article_is_silent(analyser, knowledge):
    text = "The Harbour Apprentice Movement (HAM) met on Monday. HAM wants more places.\n"
    assert run(acronyms_typo, analyser, knowledge, text) == []


def test_acronym_spelt_out_in_lower_case_before_it_is_silent(analyser, knowledge):
    text = "The HMA raised fees. Crews join the harbour mooring roster (HMR) online.\n"
    assert run(acronyms_typo, analyser, knowledge, text) == []
    # without its spelling-out the same acronym is read as a slip of HMA, written in the article
    [finding] = run(acronyms_typo, analyser, knowledge, "The HMA raised fees. Crews join the HMR online.\n")
    assert (finding.text, finding.suggestion) == ("HMR", "HMA")


def test_acronym_named_beside_the_one_it_resembles_is_silent(analyser, knowledge):
    text = "The HMA raised fees. Owners may pay by HMA/HMR vouchers, the port said.\n"
    assert run(acronyms_typo, analyser, knowledge, text) == []
    text = "The HMA raised fees. Both the HMA and the HMR must now agree, the port said.\n"
    assert run(acronyms_typo, analyser, knowledge, text) == []


def test_a_letter_more_than_a_two_letter_acronym_or_a_plural_is_no_slip(analyser):
    small = acronyms_only(AcronymRecord("AI", "artificial intelligence"),
                          AcronymRecord("URL", "uniform resource locator"))
    text = "The AI tools were shown. A PKM system keeps notes, and the page lists two URLS.\n"
    assert run(acronyms_typo, analyser, small, text) == []


def test_an_acronym_written_as_often_as_the_one_it_resembles_is_its_own(analyser):
    small = acronyms_only(AcronymRecord("AES", "Advanced Encryption Standard"))
    text = "Files use AES encryption at rest. The service can be self-hosted in AWS or Azure.\n"
    assert run(acronyms_typo, analyser, small, text) == []


def test_known_names_are_never_flagged_nor_suggested(analyser):
    # known names (known-names.tsv: companies' names, no expansion) are acronyms the KB knows, but
    # no typo is read as a slip for one: "CSV" is not a transposed CVS
    kb = KnowledgeBase(":memory:")
    kb.add_acronyms([AcronymRecord("BBC", "British Broadcasting Corporation"),
                     AcronymRecord("BCB", "", note="company"), AcronymRecord("CVS", "", note="company")])
    kb.finish()
    names = Knowledge(kb=kb)
    assert run(acronyms_typo, analyser, names, "The harbour master told the BCB on Monday.\n") == []
    assert run(acronyms_typo, analyser, names, "The figures came in a CSV on Monday.\n") == []
    assert run(acronyms_typo, analyser, names, "The CVS store closed. The CSV file was sent.\n") == []


# ---------------------------------------------------------------- names.unknown-variant

def test_misspelt_name_with_a_fitting_title(analyser, knowledge):
    text = (
        "Swedish Foreign Minister Marta Lindqvsit said on Monday that talks would go on.\n\n"
        "Lindqvsit added that she was hopeful.\n"
    )
    findings = run(names_unknown_variant, analyser, knowledge, text, datetime(2017, 5, 2))
    assert [f.text for f in findings] == ["Lindqvsit", "Lindqvsit"]
    assert {f.suggestion for f in findings} == {"Lindqvist"}
    assert findings[0].severity.label == "error"


def test_misspelt_surname_with_the_same_given_name(analyser, knowledge):
    text = "Erik Sandgern, who ran the ministry for years, visited the base on Monday.\n"
    [finding] = run(names_unknown_variant, analyser, knowledge, text)
    assert (finding.text, finding.suggestion) == ("Sandgern", "Sandgren")
    assert finding.severity.label == "warning"


def test_known_and_unrelated_names_are_silent(analyser, knowledge):
    text = (
        "Marta Lindqvist met Erik Sandgren and Johan Berg in Oslo on Monday.\n\n"
        "Lindqvist said the meeting went well.\n"
    )
    assert run(names_unknown_variant, analyser, knowledge, text) == []


def test_two_misspellings_of_a_known_name_both_get_the_known_spelling(analyser, knowledge):
    text = (
        "Swedish Foreign Minister Marta Lindqvsit said on Monday that talks would go on.\n\n"
        "“We are hopeful,” Lindqvits added.\n"
    )
    analysed = analyser.analyse(parse_text(text))
    variant = {f.text: f.suggestion for f in names_unknown_variant.check(analysed, knowledge)}
    assert variant == {"Lindqvsit": "Lindqvist", "Lindqvits": "Lindqvist"}
    inconsistent = list(names_inconsistent.check(analysed, knowledge))
    assert inconsistent and {f.suggestion for f in inconsistent} == {"Lindqvist"}
    assert "known spelling" in inconsistent[0].message


def test_office_named_elsewhere_in_the_article_is_suggested(analyser, knowledge):
    text = (
        "Defence Minister Marta Lindqvist opened the new harbour in Malmo.\n\n"
        "It was her first visit to the city since she became prime minister.\n"
    )
    [finding] = run(roles_title, analyser, knowledge, text)
    assert finding.suggestion == "Prime Minister"


def test_entities_are_linked_to_the_knowledge_base(analyser, knowledge):
    text = (
        "Swedish Foreign Minister Marta Lindqvsit met Erik Sandgren and Johan Berg in Oslo.\n\n"
        "The HMA welcomed the talks.\n"
    )
    analysed = analyser.analyse(parse_text(text), knowledge=knowledge)
    links = {e.name: e.kb_id for e in analysed.entities}
    assert links["Erik Sandgren"] == "kb:erik-sandgren"
    assert links["Marta Lindqvsit"] == "kb:marta-lindqvist"  # through the misspelling
    assert links.get("Johan Berg") is None


# ------------------------------------------------- roles.title: suppositions and namesakes

def test_title_after_an_indefinite_article_is_a_supposition(analyser, knowledge):
    text = "It is a plan a Prime Minister Lindqvist could carry out, Erik Sandgren said on Monday.\n"
    assert run(roles_title, analyser, knowledge, text, datetime(2017, 5, 2)) == []


@pytest.fixture(scope="module")
def namesakes() -> Knowledge:
    kb = KnowledgeBase(":memory:")
    kb.add_entities([
        EntityRecord("anna-berg", "person", "Anna Berg",
                     roles=[RoleRecord("foreign-minister", "SWE", "2010-01-01", "2014-01-01", "Minister for Foreign Affairs")]),
        EntityRecord("nils-berg", "person", "Nils Berg",
                     roles=[RoleRecord("head-of-government", "SWE", "1994-01-01", "2002-01-01", "Prime Minister")]),
    ])
    kb.add_titles([TitleRecord("Prime Minister", "head-of-government", "*"),
                   TitleRecord("Foreign Minister", "foreign-minister", "*")])
    kb.finish()
    return Knowledge(kb=kb)


def test_surname_alone_may_mean_a_namesake_who_held_the_title(analyser, namesakes):
    text = ("Foreign Minister Anna Berg met the press in Stockholm on Monday.\n\n"
            "She once worked as an adviser to Prime Minister Berg in the 1990s.\n")
    assert run(roles_title, analyser, namesakes, text, datetime(2012, 5, 2)) == []


def test_full_name_with_a_title_the_person_never_held_is_still_flagged(analyser, namesakes):
    text = "Prime Minister Anna Berg met the press in Stockholm on Monday.\n"
    [finding] = run(roles_title, analyser, namesakes, text, datetime(2012, 5, 2))
    assert finding.suggestion == "Foreign Minister"


# ------------------------------------------------- acronyms.typo: positive evidence

def test_acronym_the_article_spells_out_elsewhere_is_silent(analyser, knowledge):
    text = ("Fees at the Bergen Club of Boaters will rise, members heard.\n\n"
            "A spokesman for the BCB said the club had no choice.\n")
    assert run(acronyms_typo, analyser, knowledge, text) == []


def test_acronym_that_begins_a_longer_name_is_silent(analyser, knowledge):
    assert run(acronyms_typo, analyser, knowledge, "Shares in BCB Holdings rose on Monday.\n") == []
    assert run(acronyms_typo, analyser, knowledge, "The show aired on WBCB-TV last night.\n") == []


def test_transposition_without_the_right_acronym_in_the_article_is_a_warning(analyser, knowledge):
    text = "The harbour master told the BCB on Monday that fees would rise.\n"
    [finding] = run(acronyms_typo, analyser, knowledge, text)
    assert finding.severity.label == "warning"


def test_a_former_holders_title_is_a_note_not_an_error(analyser, knowledge):
    text = "Swedish Defence Minister Erik Sandgren said the old plan had worked well.\n"
    [finding] = run(roles_title, analyser, knowledge, text, datetime(2024, 5, 2))
    assert finding.severity.label == "info" and "former" in finding.message
    assert finding.suggestion is None


def test_a_title_held_only_later_names_its_tenure(analyser, knowledge):
    text = "Swedish Prime Minister Marta Lindqvist arrived in Oslo on Monday for talks.\n"
    [finding] = run(roles_title, analyser, knowledge, text, datetime(2014, 5, 2))
    assert finding.severity.label == "warning"
    assert "2019-07-01" in finding.message and finding.suggestion is None
