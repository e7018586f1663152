"""``quotes.speaker-conflict``: the same words put in two people's mouths.

Two direct quotes of one article with the same text (or nearly: case, punctuation and spacing
aside, a similarity of 90 or more, or one quote of six words or more inside the other) that are
attributed to two different named speakers (an unnamed "industry figure" may be the person named
later). One of the attributions is likely wrong. Speakers
whose names look like one name written two ways ("Silva"/"Sliva") are left to
``names.inconsistent``.

See ``docs/checks/quotes.speaker-conflict.md``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from copydesk.checks.registry import register
from copydesk.model import Evidence, Finding, Quote, Severity

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.analyse.document import AnalysedArticle
    from copydesk.knowledge import Knowledge

_NOT_WORD = re.compile(r"[^\w]+")
#: Quotes shorter than this (in words) are phrases many people use or echo (a slogan, a catch
#: phrase one speaker throws back at another); they never conflict.
MIN_WORDS = 7
SIMILAR = 90
CONTAINED_WORDS = 6


@register("quotes.speaker-conflict", severity="warning")
def check(article: AnalysedArticle, knowledge: Knowledge) -> Iterator[Finding]:
    """The same quote attributed to two different speakers."""
    layout = _Layout(article)
    quotes = [q for q in article.quotes if q.kind == "direct" and q.speaker is not None
              and _key(q) and len(q.text.split()) >= MIN_WORDS and _own_cue(article, q, layout)]
    normal = [_normalise(q.text) for q in quotes]
    conflicts: dict[tuple, bool] = {}  # _conflict reads only the two speakers' names and entities
    for k, later in enumerate(quotes):
        for j in range(k):
            earlier = quotes[j]
            pair = (earlier.speaker.name, earlier.speaker.entity,  # type: ignore[union-attr]
                    later.speaker.name, later.speaker.entity)  # type: ignore[union-attr]
            conflict = conflicts.get(pair)
            if conflict is None:
                conflict = conflicts[pair] = _conflict(earlier, later)
            if not conflict or not _same_words(normal[j], normal[k]):
                continue
            yield _finding(earlier, later)
            break  # one finding for each later quote


class _Layout:
    """The article's paragraphs and direct quotes sorted by start, read once per article."""

    def __init__(self, article: AnalysedArticle) -> None:
        self.paragraphs = list(article.article.paragraphs)
        self.paragraph_starts = [r.start for r in self.paragraphs]
        #: In order and apart: the paragraph covering an offset is found by bisection.
        self.disjoint = all(a.start <= a.end <= b.start
                            for a, b in zip(self.paragraphs, self.paragraphs[1:], strict=False))
        self.direct = sorted((q for q in article.quotes if q.kind == "direct"), key=lambda q: q.start)
        self.direct_starts = [q.start for q in self.direct]

    def paragraph_at(self, offset: int):
        if not self.disjoint:
            return next((r for r in self.paragraphs if r.start <= offset < r.end), None)
        k = bisect_right(self.paragraph_starts, offset) - 1  # no paragraph before it reaches it
        if k >= 0 and self.paragraphs[k].start <= offset < self.paragraphs[k].end:
            return self.paragraphs[k]
        return None

    def direct_within(self, low: int, high: int) -> Iterator[Quote]:
        """The direct quotes that lie inside ``[low, high]``."""
        first, last = bisect_left(self.direct_starts, low), bisect_right(self.direct_starts, high)
        return (q for q in self.direct[first:last] if q.end <= high)


def _own_cue(article: AnalysedArticle, quote: Quote, layout: _Layout | None = None) -> bool:
    """The quote's speaker comes from a cue beside it ("…,” Jones said), not from another quote
    nearby, a label or the page's layout: only such attributions can contradict. The cue is in
    the quote's paragraph with no other quote between the two."""
    if quote.cue is None:
        return False
    layout = layout or _Layout(article)
    cue = quote.cue[0]
    region = layout.paragraph_at(quote.start)
    if region is None or not region.start <= cue < region.end:
        return False
    low, high = min(cue, quote.start), max(cue, quote.end)
    return not any(other is not quote for other in layout.direct_within(low, high))


def _key(quote: Quote) -> str | None:
    speaker = quote.speaker
    if speaker is None:
        return None
    return speaker.entity or (speaker.name.lower() if speaker.name else None)


def _conflict(a: Quote, b: Quote) -> bool:
    if _key(a) == _key(b):
        return False
    name_a, name_b = (a.speaker.name or "") if a.speaker else "", (b.speaker.name or "") if b.speaker else ""
    if not _named(a) or not _named(b):
        return False  # "a leading industry figure" may well be the person named later
    if name_a.split()[-1].lower() == name_b.split()[-1].lower():
        return False  # one person, written with and without a first name
    return fuzz.ratio(name_a.lower(), name_b.lower()) < 80  # a variant spelling is another check's


def _named(quote: Quote) -> bool:
    speaker = quote.speaker
    if speaker is None or not speaker.name:
        return False
    return speaker.entity is not None or all(w[:1].isupper() for w in speaker.name.split())


def _normalise(text: str) -> str:
    return _NOT_WORD.sub(" ", text.lower()).strip()


def _same_words(a: str, b: str) -> bool:
    if a == b or fuzz.ratio(a, b) >= SIMILAR:
        return True
    shorter, longer = sorted((a, b), key=len)
    return len(shorter.split()) >= CONTAINED_WORDS and f" {shorter} " in f" {longer} "


def _finding(earlier: Quote, later: Quote) -> Finding:
    first = earlier.speaker.name if earlier.speaker else "?"
    second = later.speaker.name if later.speaker else "?"
    return Finding(
        "quotes.speaker-conflict",
        Severity.WARNING,
        later.start,
        later.end,
        later.text,
        f"this quote is attributed to {second}, but the same words were attributed to {first} earlier",
        None,
        0.6,
        [
            Evidence("attribution", f"attributed to {first}", earlier.start, earlier.end),
            Evidence("attribution", f"attributed to {second}", later.start, later.end),
        ],
    )
