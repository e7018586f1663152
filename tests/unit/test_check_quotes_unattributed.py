"""``quotes.unattributed`` on hand-built analyses (quotes set directly, no model)."""

from __future__ import annotations

from copydesk.analyse.document import AnalysedArticle
from copydesk.checks.quotes_unattributed import check, is_sentence
from copydesk.model import Article, Quote, Severity, Speaker, split_paragraphs

TEXT = (
    "Water rationing begins on Monday.\n\n"
    "“Every household must cut its use by a third.” The order covers the whole valley.\n\n"
    "“We are doing what we can,” Mayor Ana Silva said.\n\n"
    "Critics called the plan “too little, too late for the farmers”."
)


def analysed_with(*quotes: Quote) -> AnalysedArticle:
    article = Article(text=TEXT, regions=split_paragraphs(TEXT))
    return AnalysedArticle(article=article, quotes=list(quotes))


def quote(words: str, speaker: Speaker | None = None) -> Quote:
    start = TEXT.index(words)
    return Quote(start, start + len(words), words, "direct", speaker)


def test_sentence_quote_without_speaker_is_a_warning():
    findings = list(check(analysed_with(quote("Every household must cut its use by a third.")), None))
    assert [(f.text, f.severity) for f in findings] == [
        ("Every household must cut its use by a third.", Severity.WARNING)
    ]


def test_finding_text_is_at_its_offsets():
    (finding,) = check(analysed_with(quote("Every household must cut its use by a third.")), None)
    assert TEXT[finding.start : finding.end] == finding.text


def test_attributed_quote_is_silent():
    silva = Speaker("Ana Silva", "e1", TEXT.index("Ana Silva"), TEXT.index("Ana Silva") + 9)
    assert list(check(analysed_with(quote("We are doing what we can,", silva)), None)) == []


def test_fragment_without_speaker_is_info():
    (finding,) = check(analysed_with(quote("too little, too late for the farmers")), None)
    assert finding.severity == Severity.INFO


def test_scare_quote_is_skipped():
    assert list(check(analysed_with(quote("too little,")), None)) == []


def test_indirect_speech_is_not_checked():
    words = "The order covers the whole valley."
    start = TEXT.index(words)
    reported = Quote(start, start + len(words), words, "indirect", None)
    assert list(check(analysed_with(reported), None)) == []


def test_is_sentence():
    assert is_sentence("We will not stop.")
    assert is_sentence("this is a fragment that is long enough to be a statement")
    assert not is_sentence("a painful step")


def test_fragment_woven_into_the_writers_sentence_is_a_note():
    text = ("Water rationing begins on Monday.\n\n"
            "He warned that the valley would be “facing the driest summer anyone here can remember”.")
    words = "facing the driest summer anyone here can remember"
    start = text.index(words)
    article = Article(text=text, regions=split_paragraphs(text))
    analysed = AnalysedArticle(article=article, quotes=[Quote(start, start + len(words), words, "direct", None)])
    [finding] = check(analysed, None)
    assert finding.severity == Severity.INFO
