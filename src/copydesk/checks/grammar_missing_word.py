"""``grammar.missing-word``: a word a construction cannot do without — "according a message"
for "according to a message".

"according" as a preposition always goes on with "to" ("according to police"); the verb
"accord" ("according him every honour", "according equal status to both languages") takes a
person and then a noun, or a noun and "to" a person, and is left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from copydesk.analyse.document import AnalysedArticle
from copydesk.checks.grammar_words import finding, next_word
from copydesk.checks.registry import register
from copydesk.knowledge import Knowledge
from copydesk.model import Finding

CHECK = "grammar.missing-word"


def _accords(article: AnalysedArticle, token) -> bool:
    """The verb "accord" with what it gives and "to" whom: "according equal status to both
    languages" — a noun phrase, then "to" before the clause goes on."""
    sentence = article.sentences[token.sent]
    if not token.text.islower():
        return False  # "According a letter to parents, …": the preposition missing its "to"
    seen_noun = False
    for other in article.tokens[token.i + 1 : min(sentence.last, token.i + 7)]:
        if other.pos in ("NOUN", "PROPN"):
            seen_noun = True
        elif other.lower == "to" and seen_noun:
            return True
        elif other.pos in ("PUNCT", "VERB", "AUX", "SCONJ"):
            return False
    return False


@register(CHECK, severity="warning")
def check(article: AnalysedArticle, knowledge: Knowledge) -> Iterator[Finding]:
    """A word missing from a fixed construction ("according a message")."""
    for token in article.tokens:
        if token.lower != "according":
            continue
        after = next_word(article, token)
        if after is None or after.lower in ("to", "as", "unto"):
            continue
        if _accords(article, token):
            continue
        if after.pos in ("DET", "NOUN", "PROPN", "NUM", "ADJ", "PRON") and after.tag not in ("PRP",) or after.tag == "PRP$":
            yield finding(CHECK, article, token.start, token.end, f"{token.text} to",
                          "'according' goes on with 'to' ('according to the report')")
