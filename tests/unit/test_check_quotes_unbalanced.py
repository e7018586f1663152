"""``quotes.unbalanced`` on hand-built paragraphs (no model needed)."""

from __future__ import annotations

from copydesk.analyse.document import AnalysedArticle
from copydesk.checks import quotes_unbalanced
from copydesk.knowledge import Knowledge
from copydesk.knowledge.store import KnowledgeBase
from copydesk.model import Article, split_paragraphs

NO_KNOWLEDGE = Knowledge(kb=KnowledgeBase(":memory:"))


def found(text):
    article = Article(text=text, regions=split_paragraphs(text))
    return list(quotes_unbalanced.check(AnalysedArticle(article=article), NO_KNOWLEDGE))


def test_unclosed_curly_quote_is_flagged_to_the_end_of_its_paragraph():
    text = "The port warned that “ships may be delayed for days.\n\nTalks resume on Monday."
    [finding] = found(text)
    assert finding.text == "“ships may be delayed for days."
    assert finding.suggestion == "“ships may be delayed for days.”"
    assert text[finding.start : finding.end] == finding.text


def test_quote_continued_in_the_next_paragraph_is_fine():
    text = "“We will not give in,” she said. “The offer is too low.\n\n“We will strike,” she added."
    assert found(text) == []


def test_paragraph_break_inside_a_quote_closed_without_reopening_is_fine():
    text = 'He said: "We have waited long enough.\n\nNow we act," the union leader said.'
    assert found(text) == []


def test_closing_mark_without_opening():
    text = "The mayor said the plan was dead” and left.\n\nNobody else spoke."
    [finding] = found(text)
    assert finding.text == "”" and "no opening mark" in finding.message


def test_straight_quotes_odd_count():
    text = 'The coach said "we played well and the result is fair.\n\nThe next match is on Sunday.'
    [finding] = found(text)
    assert finding.text.startswith('"we played well')


def test_apostrophes_are_not_single_quotes():
    text = "The club’s chairman said the players’ wages would rise. ‘It is fair,’ he said."
    assert found(text) == []


def test_unclosed_single_quote():
    text = "The sign said ‘no entry after dark and nobody argued.\n\nThe gate was locked."
    [finding] = found(text)
    assert finding.text.startswith("‘no entry")


def test_one_paragraph_quote_of_several_sentences_reopened_is_fine():
    text = '"We tried everything. "Nothing worked and we are tired," she said.'
    assert found(text) == []
