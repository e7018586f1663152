"""Check-worthy claims: scorer features, quantities, time and source, on news-like texts."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from copydesk.analyse.claims import ClaimModel, load_weights, sentence_features
from copydesk.model import Article, split_paragraphs

pytestmark = pytest.mark.model


@pytest.fixture
def analyse(analyser):
    def run(text: str, published: datetime | None = None):
        article = Article(text=text, regions=split_paragraphs(text), published=published)
        return analyser.analyse(article)

    return run


def claim_texts(analysed) -> list[str]:
    return [c.text for c in analysed.claims]


def test_a_sentence_with_a_figure_is_a_claim(analyse):
    analysed = analyse("The council spent £4.2m on road repairs last year.")
    assert claim_texts(analysed) == ["The council spent £4.2m on road repairs last year."]


def test_a_question_is_not_a_claim(analyse):
    assert claim_texts(analyse("How many more roads will the council repair next year?")) == []


def test_a_first_person_opinion_is_not_a_claim(analyse):
    assert claim_texts(analyse("I think we should all be a little kinder to each other.")) == []


def test_a_short_procedural_line_is_not_a_claim(analyse):
    assert claim_texts(analyse("Sign up for our newsletter.")) == []


def test_claim_carries_its_approximate_quantity(analyse):
    claim = analyse("Officials said an estimated 12,000 troops were massed near the border.").claims[0]
    figure = claim.quantities[0]
    assert (figure.value, figure.unit, figure.approximate) == (12000, "troops", True)


def test_claim_time_is_the_resolved_date(analyse):
    analysed = analyse("The factory cut 400 jobs on Friday, the company said.",
                       published=datetime(2023, 3, 6, 9, 0))
    assert analysed.claims[0].time == "2023-03-03"


def test_claim_source_comes_from_the_reporting_clause(analyse):
    claim = analyse("The army has 5,000 soldiers in the region, the Daily Courier reported.").claims[0]
    assert (claim.source, claim.source_kind) == ("Daily Courier", "named")


def test_claim_with_a_vague_source_has_no_source_name(analyse):
    claim = analyse("Reports suggest that 300 homes were flooded overnight.").claims[0]
    assert (claim.source, claim.source_kind) == (None, "vague")


def test_figure_inside_a_direct_quote_is_sourced_by_its_speaker(analyse):
    text = "“We counted 3,000 ballots by midnight,” said election officer Tom Reid."
    claim = analyse(text).claims[0]
    assert claim.quoted and claim.source_kind == "named" and "Reid" in (claim.source or "")


def test_to_dict_keeps_the_contract_keys_and_adds_source_kind(analyse):
    data = analyse("The council spent £4.2m on road repairs last year.").claims[0].to_dict()
    assert {"start", "end", "text", "quantities", "time", "source", "source_kind"} <= set(data)


def test_features_mark_a_question(analyse):
    analysed = analyse("Did the council spend £4.2m on repairs?")
    assert "question" in sentence_features(analysed, analysed.sentences[0])


def test_features_mark_first_person_opinion(analyse):
    analysed = analyse("We need to spend more on schools.")
    assert "opinion" in sentence_features(analysed, analysed.sentences[0])


def test_weights_file_replaces_the_hand_set_weights(tmp_path, analyse):
    path = tmp_path / "weights.json"
    path.write_text(json.dumps({"weights": {"question": 5.0}, "bias": 0.0, "threshold": 1.0}))
    model = load_weights(path)
    analysed = analyse("Did the council spend £4.2m on repairs?")
    features = sentence_features(analysed, analysed.sentences[0])
    assert model.is_claim(features) and not ClaimModel().is_claim(features)
