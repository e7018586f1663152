"""Quotation marks: the quoted spans of an article, paragraph by paragraph.

Double quotes (curly “ ”, low „, guillemets « », straight ") and single quotes (curly ‘ ’, straight
'), told from apostrophes ("Russia’s", "the players’ union", "’90s") by their neighbours: an
opening mark follows a space, a bracket, a dash or the paragraph start and is followed by a letter
or digit; a closing single mark is not followed by a letter. A quote nested in another stays part
of the outer quote. A double quote left open at the end of its paragraph goes on into the next
paragraph when that one opens with a mark (the newspaper convention); otherwise it runs to the end
of its paragraph and is not closed. A single quote left open is dropped: it was an apostrophe.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from copydesk.model import Region

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.analyse.document import AnalysedArticle

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_OPEN_CONTEXT = " \t\n([{—–-/“‘:"


@dataclass(slots=True)
class QuoteSpan:
    """Quoted content ``[start, end)`` (marks excluded); ``mark`` is the opening mark's offset."""

    start: int
    end: int
    mark: int
    closed: bool = True
    close_mark: int | None = None


def article_quote_spans(analysed: AnalysedArticle) -> list[QuoteSpan]:
    """``find_quote_spans`` of the article's paragraphs, found once per article and shared by the
    quotes stage and ``claims.unsourced`` (``analysed.derived.quote_spans``); not to be changed."""
    if analysed.derived.quote_spans is None:
        analysed.derived.quote_spans = find_quote_spans(analysed.text, analysed.article.paragraphs)
    return analysed.derived.quote_spans


def find_quote_spans(text: str, paragraphs: list[Region]) -> list[QuoteSpan]:
    """Top-level quoted spans, double quotes (curly or straight) and single quotes (curly or
    straight, told from apostrophes by their neighbours). Nested quotes stay inside their quote."""
    spans: list[QuoteSpan] = []
    pending: QuoteSpan | None = None  # a double quote carried into the next paragraph
    for number, region in enumerate(paragraphs):
        following = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
        pending = _scan_paragraph(text, region, following, pending, spans)
    return spans


def _scan_paragraph(
    text: str, region: Region, following: Region | None, carried: QuoteSpan | None, out: list[QuoteSpan]
) -> QuoteSpan | None:
    open_at: int | None = None
    kind = ""
    current = carried
    i = region.start
    if carried is not None:  # the carried quote re-opens with this paragraph's first mark
        open_at, kind = carried.mark, "double"
        i += 1
    while i < region.end:
        c = text[i]
        before = text[i - 1] if i > region.start else " "
        after = text[i + 1] if i + 1 < region.end else " "
        if open_at is None:
            turned = c == "”" and before in _OPEN_CONTEXT and after.isalnum()  # ”Misturned mark
            if c in _DOUBLE_OPEN or turned or (c == '"' and before != "=" and (before in _OPEN_CONTEXT or after.isalnum())):
                open_at, kind, current = i, "double", QuoteSpan(i + 1, i + 1, i)
            elif (c == "‘" or c == "'") and before in _OPEN_CONTEXT and after.isalnum():
                open_at, kind, current = i, "single", QuoteSpan(i + 1, i + 1, i)
        elif kind == "double":
            if c in _DOUBLE_CLOSE or c == '"':
                _close(current, i, out)
                open_at = current = None
            elif c in "“„" and after.isalnum() and before.isspace():
                _unclosed(text, current, i, out)  # a new quote opens: the earlier one never closed
                open_at, current = i, QuoteSpan(i + 1, i + 1, i)
        elif kind == "single":
            if c in "’'" and not before.isspace() and not after.isalnum():
                _close(current, i, out)
                open_at = current = None
            elif c in _DOUBLE_OPEN or c == '"':
                open_at = current = None  # it was an apostrophe; let the double quote open
                continue
        i += 1
    if open_at is None or current is None or kind != "double":
        return None
    if following is not None and text[following.start] in _DOUBLE_OPEN + '"':
        return current  # the quote goes on in the next paragraph
    _unclosed(text, current, region.end, out)
    return None


def _close(span: QuoteSpan, at: int, out: list[QuoteSpan]) -> None:
    span.end, span.close_mark = at, at
    if span.end > span.start:
        out.append(span)


def _unclosed(text: str, span: QuoteSpan, at: int, out: list[QuoteSpan]) -> None:
    end = at
    while end > span.start and text[end - 1].isspace():
        end -= 1
    span.end, span.closed = end, False
    if span.end > span.start:
        out.append(span)
