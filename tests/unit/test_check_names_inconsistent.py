"""The ``names.inconsistent`` check."""

from __future__ import annotations

import pytest

from copydesk.checks.names_inconsistent import check
from copydesk.knowledge import Knowledge
from copydesk.knowledge.store import KnowledgeBase
from copydesk.model import Severity

STORY = (
    "Foreign Minister Anna Kowalczyk arrived in Brussels on Monday.\n\n"
    "Officials said Kowalczyk would meet her counterparts. Mrs Kowalczyk declined to comment.\n\n"
    "Later Kowalcyk told reporters the talks had been useful.\n\n"
    "Kowalczyk returns to Warsaw on Wednesday."
)
PEOPLE = {"Anna Kowalczyk": "PERSON", "Kowalczyk": "PERSON", "Brussels": "GPE", "Warsaw": "GPE"}
#: An empty knowledge base: these tests are about the article alone.
NO_KNOWLEDGE = Knowledge(kb=KnowledgeBase(":memory:"))


def findings(handmade, text, entities):
    return list(check(handmade(text, entities=entities), NO_KNOWLEDGE))


def test_minority_spelling_is_flagged_once(handmade):
    found = findings(handmade, STORY, PEOPLE)
    assert [f.text for f in found] == ["Kowalcyk"]


def test_suggestion_is_the_majority_spelling(handmade):
    (finding,) = findings(handmade, STORY, PEOPLE)
    assert finding.suggestion == "Kowalczyk"


def test_one_edit_against_several_is_an_error(handmade):
    (finding,) = findings(handmade, STORY, PEOPLE)
    assert finding.severity == Severity.ERROR


def test_evidence_counts_both_spellings_with_paragraphs(handmade):
    (finding,) = findings(handmade, STORY, PEOPLE)
    evidence = finding.evidence[0]
    assert evidence.kind == "spelling"
    assert evidence.detail == "'Kowalcyk' is written once; 'Kowalczyk' 4 times (lines 1, 3, 7)"


def test_evidence_points_at_another_occurrence(handmade):
    text = STORY
    (finding,) = findings(handmade, text, PEOPLE)
    evidence = finding.evidence[0]
    assert text[evidence.start : evidence.end] == "Kowalczyk"


def test_finding_span_is_the_misspelt_word(handmade):
    (finding,) = findings(handmade, STORY, PEOPLE)
    assert STORY[finding.start : finding.end] == "Kowalcyk"


def test_short_name_variant_is_only_a_warning(handmade):
    text = ("Ms Lomax said growth was strong. Lomax expects more. Analysts agreed with Lomax. "
            "Ms Lmax added that risks remain.")
    found = findings(handmade, text, {"Lomax": "PERSON"})
    assert [(f.text, f.severity) for f in found] == [("Lmax", Severity.WARNING)]


def test_org_word_variant_is_flagged(handmade):
    text = ("The Vestey Group owns the land. The Vestey Group said it would appeal.\n\n"
            "A spokesman for the Vestey Gruop said the ruling was unfair.")
    found = findings(handmade, text, {"Vestey Group": "ORG", "Vestey Gruop": "PERSON"})
    assert [(f.text, f.suggestion) for f in found] == [("Gruop", "Group")]


def test_transliteration_pair_is_silent(handmade):
    text = ("Dmitry Peskov said on Monday that talks would go on. Dmitry Peskov repeated it. "
            "Dmitri Peskov, the Kremlin spokesman, added nothing.")
    assert findings(handmade, text, {"Dmitry Peskov": "PERSON", "Dmitri Peskov": "PERSON"}) == []


def test_two_people_with_similar_surnames_are_silent(handmade):
    text = ("Karen Walborn won the race. Karen Walborn was delighted. "
            "Steve Walbern finished third.")
    entities = {"Karen Walborn": "PERSON", "Steve Walbern": "PERSON"}
    assert findings(handmade, text, entities) == []


def test_equal_counts_of_two_unknown_spellings_are_silent(handmade):
    text = "Mr Tarvosk spoke first. Then Mr Tarvask replied."
    assert findings(handmade, text, {"Tarvosk": "PERSON", "Tarvask": "PERSON"}) == []


def test_equal_counts_resolved_by_the_full_name(handmade):
    text = "Lydia Tarvosk spoke first. The minister, Ms Tarvask, then left."
    found = findings(handmade, text, {"Lydia Tarvosk": "PERSON", "Tarvask": "PERSON"})
    assert [(f.text, f.suggestion, f.severity) for f in found] == [
        ("Tarvask", "Tarvosk", Severity.WARNING)
    ]


def test_equal_counts_resolved_by_general_frequency(handmade):
    text = "Shares in Microsoft rose. Analysts said Micrisoft had done well."
    found = findings(handmade, text, {"Microsoft": "ORG", "Micrisoft": "ORG"})
    assert [(f.text, f.suggestion, f.severity) for f in found] == [
        ("Micrisoft", "Microsoft", Severity.WARNING)
    ]


def test_clean_story_is_silent(handmade):
    text = ("Hillary Clinton visited Clifton on Tuesday. Clinton met the mayor of Clifton. "
            "Ms Clinton said Korea and Korean firms mattered.")
    entities = {"Hillary Clinton": "PERSON", "Clinton": "PERSON", "Clifton": "GPE",
                "Korea": "GPE", "Korean": "NORP"}
    assert findings(handmade, text, entities) == []


@pytest.mark.model
def test_with_the_model_the_misspelt_surname_is_flagged(analyser):
    from copydesk.ingest.text import parse_text

    found = list(check(analyser.analyse(parse_text(STORY)), NO_KNOWLEDGE))
    assert [(f.text, f.suggestion) for f in found] == [("Kowalcyk", "Kowalczyk")]


def test_a_name_beside_a_word_the_article_also_writes_in_lower_case_is_no_error(handmade):
    text = ("Open the app and tap Slide to share your slides. Tap Slide again to stop.\n\n"
            "Hosts may also use Slido for polls during the meeting.")
    found = findings(handmade, text, {"Slido": "ORG"})
    assert [(f.text, f.severity) for f in found] == [("Slido", Severity.WARNING)]


def test_a_surname_that_is_also_an_ordinary_word_stays_an_error(handmade):
    text = ("Lisa Banks chairs the committee. Ms Banks said rates would hold.\n\n"
            "Ms Bnaks warned other banks to lend more.")
    found = findings(handmade, text, {"Lisa Banks": "PERSON", "Banks": "PERSON", "Bnaks": "PERSON"})
    assert [(f.text, f.severity) for f in found] == [("Bnaks", Severity.ERROR)]


def test_a_tool_named_after_a_word_stays_a_warning_after_a_determiner_or_a_brand(handmade):
    text = ("Open the Slide tool to share your slides. Google Slide works the same way.\n\n"
            "Hosts may also use Slido for polls during the meeting.")
    found = findings(handmade, text, {"Slido": "ORG", "Google Slide": "ORG"})
    assert [(f.text, f.severity) for f in found] == [("Slido", Severity.WARNING)]


def test_a_slip_of_an_ordinary_word_inside_a_name_stays_an_error(handmade):
    text = ("The Vestey Group owns the land. The Vestey Group said it would appeal.\n\n"
            "A spokesman for the Vestey Gruop said the ruling was unfair.")
    found = findings(handmade, text, {"Vestey Group": "ORG", "Vestey Gruop": "PERSON"})
    assert [(f.text, f.severity) for f in found] == [("Gruop", Severity.ERROR)]


def test_two_initialisms_one_letter_apart_are_two_things(handmade):
    # "MSP" (a managed service provider) and "MSSP" (a managed security service provider)
    text = ("The fair is built for MSPs and their partners. MSPs attend for free. "
            "Some MSSPs will exhibit too.")
    assert findings(handmade, text, {"MSPs": "ORG", "MSSPs": "ORG"}) == []


def test_a_transposition_inside_an_initialism_is_still_a_variant():
    from copydesk.analyse.variants import spelling_distance

    assert spelling_distance("MSSPs", "MSPs") is None  # one more capital: another initialism
    assert spelling_distance("CFOs", "CEOs") is None  # another capital: another initialism
    assert spelling_distance("UNCHR", "UNHCR") == 1  # the same letters swapped: a slip
    assert spelling_distance("KOWALCYZK", "KOWALCZYK") is not None  # a name in capitals


def test_the_known_spelling_is_never_the_one_flagged(desk):
    # a tie (once each) that the full-name rule alone would settle the wrong way: the knowledge
    # base knows the person, so the form written otherwise is the wrong one, whatever the counts
    text = ("Kyiv talks\n\nForeign Minister Dmytro Kulbea arrived in Warsaw on Monday for talks. "
            "Kuleba met the Polish foreign minister in the afternoon, officials said.")
    report = desk.check_text(text, source="kuleba.txt")
    found = [f for f in report.findings if "names.inconsistent" in (f.checks or [f.check])]
    assert [f.text for f in found] == ["Kulbea"]
    assert found[0].suggestion == "Kuleba" and found[0].severity == Severity.ERROR
    assert all(f.suggestion != f.text for f in report.findings)


def test_an_accented_letter_is_no_slip(handmade):
    text = ("The Hallé has appointed a new principal conductor, the orchestra said.\n\n"
            "The first concert will be at Bridgewater Hall in October.")
    entities = {"The Hallé": "ORG", "Hallé": "ORG", "Bridgewater Hall": "FAC"}
    assert findings(handmade, text, entities) == []


def test_an_everyday_word_in_another_name_is_no_slip_of_a_rare_one(handmade):
    text = ("The study was led by researchers at the Karolinska Institutet in Stockholm.\n\n"
            "Dr Tanaka did the work at the Institute of Molecular Biotechnology in Vienna.")
    entities = {"Karolinska Institutet": "ORG", "the Institute of Molecular Biotechnology": "ORG",
                "Institute of Molecular Biotechnology": "ORG", "Stockholm": "GPE", "Vienna": "GPE"}
    assert findings(handmade, text, entities) == []


def test_a_full_name_the_knowledge_base_knows_outweighs_a_majority(desk):
    text = ("Prime Minister Keir Starmer said on Monday the plan would go ahead. Mr Starmar told "
            "MPs the plan was fair. Mr Starmar had been under pressure. Mr Starmar will visit Leeds.")
    found = [f for f in desk.check_text(text).findings if "names.inconsistent" in (f.checks or [f.check])]
    assert [(f.text, f.suggestion) for f in found] == [("Starmar", "Starmer")] * 3


def test_a_slip_beside_an_everyday_surname_in_a_full_name_is_still_a_slip(handmade):
    text = ("Chief executive Helen Banks said profits rose.\n\n"
            "Ms Bankes told staff the bonus would be paid in May.")
    entities = {"Helen Banks": "PERSON", "Banks": "PERSON", "Bankes": "PERSON"}
    assert [(f.text, f.suggestion) for f in findings(handmade, text, entities)] == [("Bankes", "Banks")]


def test_a_name_built_on_the_end_of_another_is_not_a_slip_of_it(handmade):
    # a compiler named after its language, an agent noun made from a company's name
    text = ("Rust has grown fast. Rust programs are safe by default, and Rust is now taught widely.\n\n"
            "Rustc, the compiler, turns the code into machine code. Google hires engineers; "
            "Google staff call themselves a Googler when they join Google.")
    found = findings(handmade, text, {"Rust": "ORG", "Rustc": "ORG", "Google": "ORG", "Googler": "ORG"})
    assert found == []


def test_a_capital_set_before_a_mixed_case_name_makes_another_name(handmade):
    text = ("Python is the language. Python runs on CPython, and Python code is portable.\n\n"
            "PyPy is written in RPython, a subset of Python.")
    found = findings(handmade, text, {"Python": "ORG", "CPython": "ORG", "RPython": "ORG", "PyPy": "ORG"})
    assert found == []


def test_a_doubled_last_letter_or_a_name_cut_short_is_still_a_slip(handmade):
    text = ("Mr Kowalczyk spoke first. Kowalczyk said the plan was sound.\n\n"
            "Later Kowalczykk repeated it, and Kowalczy agreed.")
    found = findings(handmade, text, {"Kowalczyk": "PERSON", "Kowalczykk": "PERSON", "Kowalczy": "PERSON"})
    assert sorted(f.text for f in found) == ["Kowalczy", "Kowalczykk"]
