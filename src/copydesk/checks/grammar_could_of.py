"""``grammar.could-of``: "could of", "should of", "would of", "must of" for "could have"...

"of" after a modal is "have" heard as "'ve" when a past participle follows ("could of been",
"shouldn't of said"); "of" that starts a phrase ("would of course fall", "must of necessity")
is followed by a noun, not a participle, and is left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from copydesk.analyse.document import AnalysedArticle
from copydesk.checks.grammar_words import NEGATION, finding, next_word, previous_word
from copydesk.checks.registry import register
from copydesk.knowledge import Knowledge
from copydesk.model import Finding

CHECK = "grammar.could-of"
MODALS = frozenset({"could", "would", "should", "must", "might", "may", "will", "shall", "ca", "wo"})


@register(CHECK, severity="warning")
def check(article: AnalysedArticle, knowledge: Knowledge) -> Iterator[Finding]:
    """"could of" (and the other modals) for "could have"."""
    for token in article.tokens:
        if token.lower != "of":
            continue
        after = next_word(article, token)
        if after is not None and after.pos == "ADV" and after.lower not in ("course",):
            after = next_word(article, token, 2)
        if after is None or not (after.tag in ("VBN", "VBD", "VB") or after.lower in ("been", "had", "done", "gone")):
            continue
        before = previous_word(article, token)
        steps = 1
        while before is not None and (before.lower in NEGATION or before.lower in ("also", "all", "both", "easily", "never", "really", "well")) and steps < 3:
            steps += 1
            before = previous_word(article, token, steps)
        if before is None or before.lower not in MODALS or article.text[before.end : token.start].count(",") :
            continue
        reason = f"after '{before.text}', 'of' is 'have' ('{before.text} have' said as '{before.text}'ve')"
        if steps == 1:
            yield finding(CHECK, article, before.start, token.end, f"{before.text} have", reason)
        else:
            yield finding(CHECK, article, token.start, token.end, "have", reason)
