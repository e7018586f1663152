"""``grammar.doubled-word``: a word written twice in a row ("the the", "to to").

Left alone where English repeats a word on purpose, read from the parse: "had had" (the
auxiliary and the verb), "that that" (a conjunction and a determiner), "her her" (object and
possessive), "is is" or "do do" closing a clause that a wh-word opens ("What it is is a tax"),
names ("Duran Duran"), and words split by punctuation ("very, very").
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


def _intended(article: AnalysedArticle, first, second) -> bool:
    word = first.lower
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
    # "Duran Duran", "Bora Bora": a name
    return first.text[:1].isupper() and second.text[:1].isupper() and second.pos == "PROPN"


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
        if _intended(article, first, second):
            continue
        yield finding(CHECK, article, first.start, second.end, first.text,
                      f"'{first.text}' is written twice")
