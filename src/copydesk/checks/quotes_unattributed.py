"""``quotes.unattributed``: a direct quote that nobody says.

A quotation of a full sentence (or more) with no speaker — no cue such as "said" or "according to"
in its sentence, no "Name:" before it or "― Name" after it, no other attributed quote in its
paragraph and no speaker in the paragraph before when it opens its paragraph — is a warning: a
reader cannot tell who is speaking. A longer fragment (four words or more, no sentence end) with
no speaker is an info note. Scare quotes (three words or fewer, not a sentence: a “premature”
label), titles of works and quotes in the headline are not flagged.

See ``docs/checks/quotes.unattributed.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from copydesk.analyse.quotes import is_short
from copydesk.checks.registry import register
from copydesk.model import Evidence, Finding, Severity

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.analyse.document import AnalysedArticle
    from copydesk.knowledge import Knowledge

_SENTENCE_END = re.compile(r"[.!?][”’\"')\]]*\s*(?:$|[A-Z“‘\"])")
#: A quote this long is a statement even without a full stop inside it.
SENTENCE_WORDS = 8


@register("quotes.unattributed", severity="warning")
def check(article: AnalysedArticle, knowledge: Knowledge) -> Iterator[Finding]:
    """A direct quote of a sentence or more with no speaker."""
    headline = [(r.start, r.end) for r in article.article.paragraphs if r.role == "headline"]
    for quote in article.quotes:
        if quote.kind != "direct" or quote.speaker is not None or is_short(quote.text):
            continue
        if any(s <= quote.start < e for s, e in headline):
            continue
        sentence = is_sentence(quote.text) and not woven(article.text, quote.start)
        yield Finding(
            "quotes.unattributed",
            Severity.WARNING if sentence else Severity.INFO,
            quote.start,
            quote.end,
            quote.text,
            "quotation with no speaker: no “said”, “according to” or name attributes it"
            if sentence else "quoted phrase with no speaker",
            None,
            0.7 if sentence else 0.4,
            [Evidence("quote", "no attribution in its sentence, its paragraph or the paragraph before",
                      quote.start, quote.end)],
        )


def woven(text: str, start: int) -> bool:
    """A fragment woven into the writer's own sentence: the quote opens mid-sentence, after a
    word rather than a colon, and starts in lower case ("he would be “dealing with the problems
    Obama leaves”"). The sentence around it frames whose words they are."""
    k = start
    while k > 0 and text[k - 1] in "“‘\"'«":
        k -= 1
    before = text[max(0, k - 40) : k].rstrip()
    first = text[start : start + 1]
    return bool(before) and before[-1] not in ".!?:;\n”’\"" and first.islower()


def is_sentence(text: str) -> bool:
    """A full sentence or more: it ends with . ! ? (or has one inside), or is long."""
    stripped = text.strip().rstrip(",;:—–- ")
    if len(stripped.split()) >= SENTENCE_WORDS:
        return True
    return bool(_SENTENCE_END.search(stripped)) and stripped[:1].isupper()
