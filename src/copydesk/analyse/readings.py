"""Alternative readings of confusable words, for checks that must tell two words apart.

"its premature to talk": with "its" the tagger reads "premature" as a noun (a possessive needs
one). Reading the same sentence with "it is" in its place and tagging it again shows whether the
next word is then an adjective, a participle or an adverb — what "it's" would introduce. Only
sentences that contain "its" are tagged again, and only by the tagger, so the cost is small.
And only where ``grammar.confusables`` would read the result (``reading_matters``): not after a
preposition ("of its"), not before a word that settles the question by itself ("its own", "its
been", "its lowest"), and, when the analysis has the knowledge the checks use, not before a word
that WordNet knows as a noun ("its plans"), since the check then keeps the possessive whatever
the re-reading says. That skips nine in ten of the "its" in news text.

The result is ``analysed.derived.its_readings``: token index of "its" -> the tag of the word
after it (quotation marks skipped) when "it is" is read instead.
"""

from __future__ import annotations

from copydesk.analyse.document import AnalysedArticle, Token

QUOTE_MARKS = frozenset({'"', "“", "”", "‘", "’", "'", "``", "''"})
#: Words that never follow the possessive "its": "its been", "its not", "its a".
AFTER_IT_IS = frozenset({"a", "an", "the", "been", "not", "n't", "going", "gonna", "got",
                         "getting", "becoming", "coming", "because", "this", "that", "no"})
#: Sentence adverbs: they modify a clause, never a noun inside a possessive's noun phrase, so
#: "its probably", "its still raining" can only be "it's".
SENTENCE_ADVERBS = frozenset({"probably", "certainly", "clearly", "obviously", "definitely",
                              "actually", "still", "already", "also", "simply", "surely",
                              "perhaps", "maybe", "apparently", "absolutely", "basically",
                              "always", "never", "just", "really", "even"})
#: Adjectives that commonly start a noun phrase after a possessive ("its first team").
DETERMINER_LIKE = frozenset({"own", "first", "last", "next", "only", "main", "new", "former",
                             "latest", "other", "same", "whole", "entire", "previous"})
#: Components the re-reading needs (the rest of the pipeline is switched off for it).
TAGGING = ("tok2vec", "tagger")


def reading_matters(analysed: AnalysedArticle, token: Token, following: Token, knowledge=None) -> bool:
    """Whether ``grammar.confusables`` reads the re-reading of "its" (``token``, followed by
    ``following``): it decides without it after a preposition and before the words above, and
    keeps the possessive when the next word has a noun sense in ``knowledge.lexicon`` (the
    lexicon the checks are given; without ``knowledge`` every other "its" is re-read)."""
    if following.lower in DETERMINER_LIKE:
        return False
    if token.i > analysed.sentences[token.sent].first and analysed.tokens[token.i - 1].pos == "ADP":
        return False
    if following.lower in AFTER_IT_IS or following.lower in SENTENCE_ADVERBS or following.tag == "JJS":
        return False
    return knowledge is None or knowledge.lexicon.is_noun(following.lower) is False


def reread_its(nlp, articles: list[AnalysedArticle], knowledge=None) -> None:
    """Fill ``derived.its_readings`` of ``articles`` where the confusables check reads it
    (``reading_matters``, with ``knowledge.lexicon`` when ``knowledge`` is given)."""
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
            if following is None or not reading_matters(analysed, token, following, knowledge):
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
