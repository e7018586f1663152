"""Sources of reporting: named, anonymous and vague, on news-like sentences written for these tests."""

from __future__ import annotations

import pytest

from copydesk.analyse.sources import find_sources
from copydesk.model import Article, split_paragraphs

pytestmark = pytest.mark.model


@pytest.fixture
def sources_of(analyser):
    def run(text: str):
        article = Article(text=text, regions=split_paragraphs(text))
        return find_sources(analyser.analyse(article))

    return run


def only(found):
    assert len(found) == 1, [(s.text, s.kind) for s in found]
    return found[0]


def test_outlet_after_the_clause_is_named(sources_of):
    source = only(sources_of("The army has 5,000 soldiers in the region, the Daily Courier reported."))
    assert (source.kind, source.name) == ("named", "Daily Courier")


def test_according_to_an_agency_is_named(sources_of):
    source = only(sources_of("According to Reuters, 40 people died in the floods."))
    assert (source.kind, source.name, source.cue[2]) == ("named", "Reuters", "According to")


def test_one_official_is_anonymous(sources_of):
    source = only(sources_of("One senior diplomat warned that the talks had stalled."))
    assert (source.kind, source.text) == ("anonymous", "One senior diplomat")


def test_plural_officials_are_anonymous(sources_of):
    assert only(sources_of("Officials said the bridge would reopen in March.")).kind == "anonymous"


def test_people_familiar_with_the_matter_are_anonymous(sources_of):
    source = only(sources_of("People familiar with the matter said the deal was worth $3bn."))
    assert source.kind == "anonymous"


def test_reports_suggest_is_vague_and_spans_the_cue(sources_of):
    source = only(sources_of("Reports suggest that 300 homes were flooded overnight."))
    assert (source.kind, source.name, source.text) == ("vague", None, "Reports suggest")


def test_it_is_believed_is_vague(sources_of):
    assert only(sources_of("It is believed that 12 people were hurt in the blast.")).kind == "vague"


def test_some_have_speculated_is_vague(sources_of):
    assert only(sources_of("Some have speculated that the minister will resign.")).kind == "vague"


def test_reportedly_is_vague(sources_of):
    assert only(sources_of("The striker reportedly earns £200,000 a week.")).kind == "vague"


def test_he_resolves_to_the_person_before(sources_of):
    found = sources_of("Maria Lopez runs the clinic in Leeds. She said 40 patients were treated.")
    assert (only(found).kind, only(found).name) == ("named", "Maria Lopez")


def test_a_company_showing_a_profit_is_not_a_source(sources_of):
    assert sources_of("The company showed a profit for the third year running.") == []


def test_a_bare_reporting_sentence_supports_the_one_before(sources_of):
    source = only(sources_of("Turnout fell to 41 per cent. The Herald reported it.")) 
    assert source.supports == [0, 1]


def test_a_source_with_its_own_clause_supports_only_its_sentence(sources_of):
    found = sources_of("Turnout fell to 41 per cent. The Herald said the count was slow.")
    assert only(found).supports == [1]
