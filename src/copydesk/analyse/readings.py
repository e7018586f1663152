"""Alternative readings of confusable words, for checks that must tell two words apart.

"its premature to talk": with "its" the tagger reads "premature" as a noun (a possessive needs
one). Reading the same sentence with "it is" in its place and tagging it again shows whether the
next word is then an adjective, a participle or an adverb — what "it's" would introduce. Only
sentences that contain "its" are tagged again, and only by the tagger, so the cost is small.

The result is ``analysed.derived.its_readings``: token index of "its" -> the tag of the word
after it (quotation marks skipped) when "it is" is read instead.
"""

from __future__ import annotations

from copydesk.analyse.document import AnalysedArticle

QUOTE_MARKS = frozenset({'"', "“", "”", "‘", "’", "'", "``", "''"})
#: Components the re-reading needs (the rest of the pipeline is switched off for it).
TAGGING = ("tok2vec", "tagger")


def reread_its(nlp, articles: list[AnalysedArticle]) -> None:
    jobs: list[tuple[AnalysedArticle, int, str, int]] = []
    for analysed in articles:
        text = analysed.text
        for token in analysed.tokens:
            if token.lower != "its":
                continue
            sentence = analysed.sentences[token.sent]
            following = next(
                (t for t in analysed.tokens[token.i + 1 : sentence.last] if t.text not in QUOTE_MARKS),
                None,
            )
            if following is None:
                continue
            replacement = "It is" if token.text[0].isupper() else "it is"
            before = text[sentence.start : token.start]
            after = text[token.end : sentence.end]
            shift = len(replacement) - (token.end - token.start)
            jobs.append((analysed, token.i, before + replacement + after,
                         following.start - sentence.start + shift))
    if not jobs:
        return
    from copydesk.analyse.pipeline import mask_for_parser

    disabled = [name for name in nlp.pipe_names if name not in TAGGING]
    docs = nlp.pipe((mask_for_parser(job[2]) for job in jobs), disable=disabled)
    for (analysed, index, _text, offset), doc in zip(jobs, docs):
        for tok in doc:
            if tok.idx == offset:
                analysed.derived.its_readings[index] = tok.tag_
                break
