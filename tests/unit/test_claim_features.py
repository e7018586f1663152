"""Claim features for statements without figures: records, positions, trends, rankings, fragments."""

from __future__ import annotations

import pytest

from copydesk.analyse.claims import ClaimModel, sentence_features
from copydesk.model import Article, split_paragraphs

pytestmark = pytest.mark.model


@pytest.fixture
def features(analyser):
    def run(text: str) -> dict[str, float]:
        analysed = analyser.analyse(Article(text=text, regions=split_paragraphs(text)))
        return sentence_features(analysed, analysed.sentences[0])

    return run


def test_a_vote_against_a_bill_is_a_claim(features):
    assert ClaimModel().is_claim(features("The senator voted against the bill."))


def test_a_position_on_a_war_is_a_record(features):
    assert "record_verb" in features("She supported the war in Iraq.")


def test_a_measure_going_up_is_a_trend(features):
    assert "trend" in features("Unemployment is going up.")


def test_a_trend_without_a_figure_is_a_claim(features):
    assert ClaimModel().is_claim(features("Unemployment is going up."))


def test_a_short_clause_with_a_subject_is_not_a_fragment(features):
    assert "short" not in features("Crime is down.")


def test_a_greeting_is_a_fragment(features):
    assert "short" in features("Thank you very much.")


def test_have_got_to_is_an_obligation_not_a_past_event(features):
    found = features("We've got to do better on schools.")
    assert "obligation" in found and "past_event" not in found


def test_a_ranking_with_a_scope_is_a_claim(features):
    assert ClaimModel().is_claim(features("The region has the highest taxes in the world."))


def test_an_ordinal_record_is_a_ranking(features):
    assert "superlative" in features("It was the first time a woman led the party.")


def test_a_personal_anecdote_is_marked(features):
    assert "anecdote" in features("My mother worked nights at the hospital.")
