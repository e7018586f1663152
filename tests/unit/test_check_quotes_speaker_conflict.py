"""``quotes.speaker-conflict`` on hand-built analyses (quotes set directly, no model)."""

from __future__ import annotations

from copydesk.analyse.document import AnalysedArticle
from copydesk.checks.quotes_speaker_conflict import check
from copydesk.model import Article, Quote, Speaker, split_paragraphs

TEXT = (
    "“The bridge will not reopen before spring,” Mayor Ana Silva said.\n\n"
    "Engineers agreed.\n\n"
    "“The bridge will not reopen before spring!” Councillor Rui Costa said.\n\n"
    "“We need more time,” Ms Silva added."
)
SILVA = Speaker("Ana Silva", "e1", 0, 0)
COSTA = Speaker("Rui Costa", "e2", 0, 0)


def nth(words: str, n: int = 0) -> int:
    start = -1
    for _ in range(n + 1):
        start = TEXT.index(words, start + 1)
    return start


def quote(words: str, speaker: Speaker | None, n: int = 0) -> Quote:
    """A quote with its speaker's cue: the next "said" or "added" in its paragraph."""
    start = nth(words, n)
    end = start + len(words)
    paragraph_end = TEXT.find("\n", end) % (len(TEXT) + 1)
    cues = [k for k in (TEXT.find(" said", end, paragraph_end), TEXT.find(" added", end, paragraph_end)) if k >= 0]
    cue = (min(cues) + 1, min(cues) + 5, "said") if cues else None
    return Quote(start, end, words, "direct", speaker, cue)


def analysed_with(*quotes: Quote) -> AnalysedArticle:
    return AnalysedArticle(article=Article(text=TEXT, regions=split_paragraphs(TEXT)), quotes=list(quotes))


def test_same_words_two_speakers_is_a_warning_with_both_attributions():
    first = quote("The bridge will not reopen before spring,", SILVA)
    second = quote("The bridge will not reopen before spring!", COSTA)
    (finding,) = check(analysed_with(first, second), None)
    assert finding.start == second.start and TEXT[finding.start : finding.end] == finding.text
    assert [e.detail for e in finding.evidence] == ["attributed to Ana Silva", "attributed to Rui Costa"]


def test_same_speaker_is_silent():
    first = quote("The bridge will not reopen before spring,", SILVA)
    second = quote("The bridge will not reopen before spring!", Speaker("Silva", "e1", 0, 0))
    assert list(check(analysed_with(first, second), None)) == []


def test_different_words_are_silent():
    first = quote("The bridge will not reopen before spring,", SILVA)
    second = quote("We need more time,", COSTA)
    assert list(check(analysed_with(first, second), None)) == []


def test_unattributed_copy_is_silent():
    first = quote("The bridge will not reopen before spring,", SILVA)
    second = quote("The bridge will not reopen before spring!", None)
    assert list(check(analysed_with(first, second), None)) == []


def test_variant_spelling_of_one_name_is_left_to_names_checks():
    first = quote("The bridge will not reopen before spring,", SILVA)
    second = quote("The bridge will not reopen before spring!", Speaker("Ana Sliva", "e3", 0, 0))
    assert list(check(analysed_with(first, second), None)) == []


def test_unnamed_description_does_not_conflict_with_a_name():
    first = quote("The bridge will not reopen before spring,", Speaker("senior engineer", None, 0, 0))
    second = quote("The bridge will not reopen before spring!", COSTA)
    assert list(check(analysed_with(first, second), None)) == []


def test_speaker_taken_from_a_quote_nearby_cannot_conflict():
    first = quote("The bridge will not reopen before spring,", SILVA)
    second = quote("The bridge will not reopen before spring!", COSTA)
    second.cue = None  # inherited, not said beside it
    assert list(check(analysed_with(first, second), None)) == []
