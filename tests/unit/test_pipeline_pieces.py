"""Long paragraphs parsed in pieces, and runs of punctuation masked for the parser
(``copydesk.analyse.pipeline``): offsets stay exact."""

from __future__ import annotations

from itertools import pairwise

import pytest

from copydesk.analyse.pipeline import (
    PUNCT_RUN_KEEP,
    WORD_RUN_KEEP,
    Analyser,
    mask_for_parser,
    split_for_parser,
)
from copydesk.ingest.text import parse_text

SENTENCES = (
    "The harbour board met on Tuesday. “We will not sign,” said Helena Marchetti! "
    "Was the offer (worth £1.8bn) ever real? Officials said talks would resume next month. "
)


def test_pieces_cover_the_text_and_stay_under_the_limit():
    text = "Title\n\n" + SENTENCES * 40 + "x" * 500 + " end."
    pieces = split_for_parser(text, 7, len(text), 300)
    assert pieces[0][0] == 7 and pieces[-1][1] == len(text)
    assert all(a < b <= a + 300 for a, b in pieces)
    assert all(left[1] == right[0] for left, right in pairwise(pieces))


def test_pieces_are_cut_after_a_sentence_end_when_there_is_one():
    text = SENTENCES * 40
    for _start, end in split_for_parser(text, 0, len(text), 300)[:-1]:
        assert text[:end].rstrip()[-1] in ".!?”)", text[end - 20 : end]


def test_a_text_with_no_space_is_cut_at_the_limit():
    assert split_for_parser("y" * 1000, 0, 1000, 300) == [(0, 300), (300, 600), (600, 900), (900, 1000)]


def test_masking_keeps_the_length_and_cuts_long_punctuation_runs():
    text = "The ban " + "—" * 5000 + " ended!!! " + "-=" * 40 + " fine."
    masked = mask_for_parser(text)
    assert len(masked) == len(text)
    assert "—" * PUNCT_RUN_KEEP + " " in masked and "—" * (PUNCT_RUN_KEEP + 1) not in masked
    assert "ended!!! " in masked and masked.endswith(" fine.")


@pytest.fixture(scope="module")
def long_article():
    return parse_text("Harbour talks\n\n" + SENTENCES * 60, source="long.txt")


def test_a_paragraph_parsed_in_pieces_keeps_exact_offsets(analyser, long_article):
    pieced = Analyser(nlp=analyser.nlp, max_parse_chars=700).analyse(long_article)
    text = long_article.text
    assert all(text[t.start : t.end] == t.text for t in pieced.tokens)
    assert [t.i for t in pieced.tokens] == list(range(len(pieced.tokens)))
    assert all(0 <= t.head < len(pieced.tokens) for t in pieced.tokens)
    for sentence in pieced.sentences:
        assert pieced.tokens[sentence.first].start == sentence.start
        assert pieced.tokens[sentence.last - 1].end <= sentence.end
    assert {s.paragraph for s in pieced.sentences} == {0, 1}  # the headline, one paragraph


def test_pieces_cut_at_sentence_ends_tokenise_as_the_whole(analyser, long_article):
    whole = Analyser(nlp=analyser.nlp).analyse(long_article)
    pieced = Analyser(nlp=analyser.nlp, max_parse_chars=700).analyse(long_article)
    assert [(t.start, t.end) for t in pieced.tokens] == [(t.start, t.end) for t in whole.tokens]


def test_a_paragraph_over_the_models_max_length_is_analysed(analyser, long_article, monkeypatch):
    monkeypatch.setattr(analyser.nlp, "max_length", 1000)
    analysed = Analyser(nlp=analyser.nlp).analyse(long_article)
    assert analysed.tokens[-1].end == len(long_article.text.rstrip())


def test_masked_punctuation_keeps_the_articles_text_in_tokens(analyser):
    article = parse_text("Title\n\nThe ban " + "—" * 3000 + " ended on Tuesday.\n")
    analysed = Analyser(nlp=analyser.nlp).analyse(article)
    text = article.text
    assert all(text[t.start : t.end] == t.text for t in analysed.tokens)
    assert any(t.text == "ended" for t in analysed.tokens)


def test_masking_cuts_runs_longer_than_any_word():
    text = "He said " + "’s" * 5000 + " then left. See https://example.org/a/b?c=d for more."
    masked = mask_for_parser(text)
    assert len(masked) == len(text)
    run = masked.split(" ")[2]
    assert len(run) == WORD_RUN_KEEP
    assert masked.endswith("See https://example.org/a/b?c=d for more.")


def test_a_long_run_without_spaces_is_analysed_in_linear_time(analyser):
    article = parse_text("Title\n\nHe said " + "’s" * 20000 + " and left on Tuesday.\n")
    analysed = Analyser(nlp=analyser.nlp).analyse(article)
    assert any(t.text == "Tuesday" for t in analysed.tokens)
    assert all(article.text[t.start : t.end] == t.text for t in analysed.tokens)


def test_a_sentence_with_no_end_is_analysed_in_bounded_pieces(analyser):
    """A paragraph of percentages joined by commas is one parsed "sentence" of thousands of
    tokens; it is analysed in pieces of at most MAX_SENTENCE_TOKENS, each a tree of its own, so
    every walk over one sentence's parse stays bounded."""
    from copydesk.analyse.pipeline import MAX_SENTENCE_TOKENS

    text = "The shares were " + ", ".join(f"{k % 97}.{k % 10}%" for k in range(1500)) + " and 1%."
    analysed = analyser.analyse(parse_text(text, source="percentages.txt"))
    assert len(analysed.sentences) > 1
    for sentence in analysed.sentences:
        assert sentence.last - sentence.first <= MAX_SENTENCE_TOKENS
        for token in analysed.tokens[sentence.first : sentence.last]:
            assert token.sent == analysed.sentences.index(sentence)
            assert sentence.first <= token.head < sentence.last
            assert text[token.start : token.end] == token.text
    assert analysed.tokens[-1].end == len(text) or text[analysed.tokens[-1].end :].strip() == ""


def test_real_sentences_are_not_cut(analyser):
    analysed = analyser.analyse(parse_text(SENTENCES * 3, source="s.txt"))
    assert [analysed.text[s.start : s.end].split()[0] for s in analysed.sentences[:4]] == [
        "The", "“We", "Was", "Officials"]
