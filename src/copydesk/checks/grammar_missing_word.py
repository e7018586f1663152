"""``grammar.missing-word``: a word a construction cannot do without — "according a message"
for "according to a message".

"according" as a preposition always goes on with "to" ("according to police"); the verb
"accord" ("according him every honour") takes a person and then a noun, and is left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from copydesk.analyse.document import AnalysedArticle
from copydesk.checks.grammar_words import finding, next_word
from copydesk.checks.registry import register
from copydesk.knowledge import Knowledge
from copydesk.model import Finding

CHECK = "grammar.missing-word"


@register(CHECK, severity="warning")
def check(article: AnalysedArticle, knowledge: Knowledge) -> Iterator[Finding]:
    """A word missing from a fixed construction ("according a message")."""
    for token in article.tokens:
        if token.lower != "according":
            continue
        after = next_word(article, token)
        if after is None or after.lower in ("to", "as", "unto"):
            continue
        if after.pos in ("DET", "NOUN", "PROPN", "NUM", "ADJ") or after.tag == "PRP$":
            yield finding(CHECK, article, token.start, token.end, f"{token.text} to",
                          "'according' goes on with 'to' ('according to the report')")
