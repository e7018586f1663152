"""``grammar.doubled-word``: a word written twice in a row ("the the", "to to").

Left alone where English repeats a word on purpose, read from the parse: "had had" (the
auxiliary and the verb), "that that" (a conjunction and a determiner), "her her" (object and
possessive), "is is" or "do do" closing a clause that a wh-word opens ("What it is is a tax"),
a phrasal verb's particle before a preposition of time ("moved in in 2019", "taken over over
the summer": the verb and particle are a WordNet verb, a date follows), names ("Duran Duran", "the band The The"),
and words split by punctuation ("very, very").
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from copydesk.analyse.document import AnalysedArticle
from copydesk.checks.grammar_words import FINITE_BE, WH_WORDS, finding, sentence_before
from copydesk.checks.registry import register
from copydesk.knowledge import Knowledge
from copydesk.model import Finding

CHECK = "grammar.doubled-word"


def _intended(article: AnalysedArticle, first, second, lexicon=None) -> bool:
    word = first.lower
    if lexicon is not None and first.pos in ("ADP", "ADV", "PART") and first.i > 0:
        verb = article.tokens[first.i - 1]
        phrasal = f"{verb.lemma.lower()} {word}"
        nxt = article.tokens[second.i + 1] if second.i + 1 < len(article.tokens) else None
        when = nxt is not None and nxt.sent == second.sent and (
            nxt.ent_type in ("DATE", "TIME") or nxt.text[:1].isdigit()
            or nxt.pos == "DET" and second.i + 2 < len(article.tokens) and article.tokens[second.i + 2].ent_type in ("DATE", "TIME"))
        if when and verb.pos == "VERB" and lexicon.wordnet and phrasal in lexicon.wordnet.get("verb", ()):
            return True  # "moved in in 2019", "taken over over the summer": a phrasal verb (WordNet), then a time
    if first.pos in ("INTJ", "X", "SYM") or first.tag == "UH" or word == "etc":
        return True  # "ha ha", "tsk tsk", "etc etc"
    if first.pos == "ADV" and second.pos == "ADV":
        return True  # "really really nervous": emphasis, mostly in quotes
    before = next((t for t in reversed(article.tokens[: first.i]) if t.text not in (",", "…")), None)
    after = next((t for t in article.tokens[second.i + 1 :] if t.text not in (",", "…")), None)
    if before is not None and before.lower == word or after is not None and after.lower == word:
        return True  # "blah, blah blah", "many, many many", "etc etc etc": a run of three is meant
    if word in ("had", "that", "this", "her"):
        return True  # "had had", "that that", "add to this this law", "gave her her passport"
    if first.text != second.text and first.text[:1].islower() and second.text[:1].isupper():
        return True  # "law lord Lord Bingham": a title, then a name or a title of one
    if word in FINITE_BE or word in ("do", "does", "did"):
        return any(t.lower in WH_WORDS for t in sentence_before(article, first))
    # "Duran Duran", "Bora Bora", "Talk Talk", the band The The: a name — both capitalised, and
    # not merely because the first opens the sentence
    if not (first.text[:1].isupper() and second.text[:1].isupper()):
        return False
    preceding = article.text[: first.start].rstrip()[-1:]  # the text's, not the parser's sentence
    opens = not preceding or preceding in ".!?\n\"“”'‘’:"
    if second.pos == "PROPN":
        return True
    # mid-sentence, unless the second word is a determiner of what follows ("said The The firm
    # would appeal"; but "the Talk Talk singer")
    after = article.tokens[second.i + 1] if second.i + 1 < len(article.tokens) else None
    return not opens and not (second.pos == "DET" and after is not None and after.text.islower()
                              and after.pos in ("NOUN", "ADJ"))


@register(CHECK, severity="warning")
def check(article: AnalysedArticle, knowledge: Knowledge) -> Iterator[Finding]:
    """A word written twice in a row."""
    tokens = article.tokens
    text = article.text
    for first, second in pairwise(tokens):
        if first.sent != second.sent or first.lower != second.lower or not first.text.isalpha():
            continue
        if text[first.end : second.start] != " " or text[second.end : second.end + 1] in ("-", "‐", "–"):
            continue  # "in in-fighting": the second word starts a compound
        if first.start > 0 and (text[first.start - 1].isalnum() or text[first.start - 1] in "-‐"):
            continue  # "8x10in in size", "a break-in in 1999": the first ends a word of its own
        if _intended(article, first, second, knowledge.lexicon):
            continue
        yield finding(CHECK, article, first.start, second.end, first.text,
                      f"'{first.text}' is written twice")
