"""Quotes and their speakers: direct, indirect and mixed speech.

Direct quotes are found from the quotation marks, paragraph by paragraph (``find_quote_spans``);
indirect and mixed speech from the dependency parse: a speech or cognition verb with a clausal
complement ("said (that) …", "…, X said.", "told reporters …", "warned the UN that …") or
"according to X, …". Speakers come from ``copydesk.analyse.attribution``.

Spans (see docs/quotes.md):

- a direct quote's span is the quoted content *without* its marks: ``“It’s late,” she said`` gives
  ``It’s late,``. A quote that goes on into the next paragraph (the newspaper convention: no closing
  mark, the next paragraph opens with one) is one quote whose span runs from its first word to its
  last, paragraph break and inner opening mark included. A quote whose closing mark is missing runs
  to the end of its paragraph and has ``closed=False``.
- an indirect or mixed quote's span is the reported clause, without "that" and the final stop.
"""

from __future__ import annotations

from dataclasses import dataclass

from copydesk.analyse.attribution import COGNITION_VERBS, SPEECH_VERBS, Resolver, is_cue
from copydesk.analyse.document import AnalysedArticle, Token
from copydesk.model import Quote, Region, Speaker

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_OPEN_CONTEXT = " \t\n([{—–-/“‘:"
#: A short quote that is not a sentence is a scare quote or a term, not speech needing a cue.
SHORT_WORDS = 3


@dataclass(slots=True)
class QuoteSpan:
    """Quoted content ``[start, end)`` (marks excluded); ``mark`` is the opening mark's offset."""

    start: int
    end: int
    mark: int
    closed: bool = True
    close_mark: int | None = None


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
            if c in _DOUBLE_OPEN or (c == '"' and (before in _OPEN_CONTEXT or after.isalnum())):
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


def extract_quotes(analysed: AnalysedArticle) -> list[Quote]:
    """Fill ``analysed.quotes``: direct quotes, then indirect and mixed speech, in text order."""
    text = analysed.text
    spans = find_quote_spans(text, analysed.article.paragraphs)
    resolver = Resolver(analysed)
    quoted = _quoted_tokens(analysed, spans)
    cues = [t for t in analysed.tokens if not quoted[t.i] and is_cue(t)]
    quotes = _direct(analysed, spans, cues, quoted, resolver)
    quotes += _indirect(analysed, spans, cues, quoted, resolver, quotes)
    quotes.sort(key=lambda q: (q.start, q.end))
    analysed.quotes = quotes
    return quotes


def _quoted_tokens(analysed: AnalysedArticle, spans: list[QuoteSpan]) -> list[bool]:
    """For each token, whether it lies inside a quote (its marks included)."""
    flags = [False] * len(analysed.tokens)
    for span in spans:
        first = analysed.token_at(span.mark)
        k = first.i if first is not None else 0
        last = span.close_mark if span.close_mark is not None else span.end
        while k < len(flags) and analysed.tokens[k].start <= last:
            if analysed.tokens[k].end > span.mark:
                flags[k] = True
            k += 1
    return flags


def is_short(text: str) -> bool:
    """A scare quote or term ("premature", "so-called"): a few words, no sentence end."""
    words = text.split()
    return len(words) <= SHORT_WORDS and not text.rstrip(" ,”’\"'").endswith((".", "!", "?"))


# -- direct quotes -------------------------------------------------------------------------------


def _direct(
    analysed: AnalysedArticle, spans: list[QuoteSpan], cues: list[Token], quoted: list[bool], resolver: Resolver
) -> list[Quote]:
    text = analysed.text
    quotes: list[Quote] = []
    found: list[tuple[Token | None, Speaker | None]] = []
    for span in spans:
        cue = _cue_for(analysed, span, cues)
        speaker = resolver.speaker_of(cue) if cue is not None else None
        found.append((cue, speaker))
        quotes.append(Quote(span.start, span.end, text[span.start : span.end], "direct",
                            speaker, _cue_tuple(text, cue), span.closed))
    _inherit(analysed, spans, quotes, found)
    return quotes


def _cue_for(analysed: AnalysedArticle, span: QuoteSpan, cues: list[Token]) -> Token | None:
    """The cue of a direct quote: in the sentence where the quote opens or closes (or the one
    just before, when it ends with a colon), preferring a cue that governs the quote's words."""
    tokens = analysed.tokens
    open_tok = analysed.token_at(span.mark) or analysed.token_at(span.start)
    end_at = span.close_mark if span.close_mark is not None else max(span.start, span.end - 1)
    close_tok = analysed.token_at(end_at) or analysed.token_at(max(span.start, span.end - 1))
    if open_tok is None or close_tok is None:
        return None
    sentences = {open_tok.sent, close_tok.sent}
    first_sentence = analysed.sentences[open_tok.sent]
    if open_tok.i == first_sentence.first and open_tok.sent > 0:
        previous = analysed.sentences[open_tok.sent - 1]
        if previous.paragraph == first_sentence.paragraph and text_endswith(analysed, previous, ":"):
            sentences.add(open_tok.sent - 1)
    inside = range(open_tok.i, close_tok.i + 1)
    candidates = [c for c in cues if c.sent in sentences and c.i not in inside]
    if not candidates:
        return None
    quote_heads = {t.head for t in tokens[open_tok.i : close_tok.i + 1]}
    short = is_short(analysed.text[span.start : span.end])
    best: tuple[int, int] | None = None
    choice = None
    for cue in candidates:
        governs = _governs(analysed, cue, open_tok.i, close_tok.i, quote_heads)
        if short and not governs:
            continue
        distance = min(abs(cue.start - span.end), abs(span.start - cue.end))
        if cue.pos == "NOUN" or cue.lower == "according":
            distance += 40
        key = (0 if governs else 1, distance)
        if best is None or key < best:
            best, choice = key, cue
    return choice


def text_endswith(analysed: AnalysedArticle, sentence, suffix: str) -> bool:
    return analysed.text[sentence.start : sentence.end].rstrip().endswith(suffix)


def _governs(analysed: AnalysedArticle, cue: Token, first: int, last: int, heads: set[int]) -> bool:
    """Whether ``cue`` is an ancestor of a token of the quote (or the quote's head is the cue)."""
    tokens = analysed.tokens
    if cue.i in heads:
        return True
    if cue.pos == "NOUN" and cue.head != cue.i and tokens[cue.head].pos in ("VERB", "AUX"):
        cue = tokens[cue.head]  # "released a statement … that X had “…”": the verb governs
    for k in range(first, last + 1):
        node = tokens[k]
        for _ in range(12):
            if node.head == node.i:
                break
            node = tokens[node.head]
            if node.i == cue.i:
                return True
            if first <= node.i <= last:
                continue
    return False


def _inherit(
    analysed: AnalysedArticle, spans: list[QuoteSpan], quotes: list[Quote], found: list[tuple[Token | None, Speaker | None]]
) -> None:
    """A quote with no cue of its own takes the speaker of another quote in its paragraph (the one
    before, else the one after); a paragraph that opens with a quote continues the previous
    paragraph's last speaker."""
    paragraph_of = [_paragraph(analysed, s.mark) for s in spans]
    for k, quote in enumerate(quotes):
        if quote.speaker is not None or is_short(quote.text):
            continue
        donor = None
        for j in list(range(k - 1, -1, -1)) + list(range(k + 1, len(quotes))):
            if paragraph_of[j] == paragraph_of[k] and found[j][1] is not None:
                donor = quotes[j]
                break
        if donor is None and _opens_paragraph(analysed, spans[k]):
            earlier = [q for j, q in enumerate(quotes[:k]) if q.speaker is not None
                       and paragraph_of[j] == paragraph_of[k] - 1]
            donor = earlier[-1] if earlier else None
        if donor is not None:
            quote.speaker, quote.cue = donor.speaker, donor.cue


def _paragraph(analysed: AnalysedArticle, offset: int) -> int:
    token = analysed.token_at(offset)
    return analysed.sentences[token.sent].paragraph if token is not None else -1


def _opens_paragraph(analysed: AnalysedArticle, span: QuoteSpan) -> bool:
    token = analysed.token_at(span.mark)
    return token is not None and token.i == analysed.sentences[token.sent].first and (
        token.sent == 0 or analysed.sentences[token.sent - 1].paragraph != analysed.sentences[token.sent].paragraph
    )


def _cue_tuple(text: str, cue: Token | None) -> tuple[int, int, str] | None:
    if cue is None:
        return None
    end = cue.end
    if cue.lower == "according":
        rest = text[end : end + 3]
        if rest.lower() == " to":
            end += 3
    return cue.start, end, text[cue.start : end]


# -- indirect and mixed speech -------------------------------------------------------------------

_CLAUSES = frozenset({"ccomp", "parataxis"})


def _indirect(
    analysed: AnalysedArticle,
    spans: list[QuoteSpan],
    cues: list[Token],
    quoted: list[bool],
    resolver: Resolver,
    direct: list[Quote],
) -> list[Quote]:
    text = analysed.text
    tokens = analysed.tokens
    out: list[Quote] = []
    for cue in cues:
        bounds = _reported_clause(analysed, cue)
        if bounds is None:
            continue
        first, last = bounds
        outside = [t for t in tokens[first : last + 1] if not quoted[t.i] and t.pos != "PUNCT"]
        if len(outside) < 2:
            continue  # the clause is a direct quote, already found with this cue
        start, end = _trim(analysed, first, last)
        if end - start < 8:
            continue
        kind = "mixed" if any(quoted[t.i] for t in tokens[first : last + 1]) else "indirect"
        speaker = resolver.speaker_of(cue)
        out.append(Quote(start, end, text[start:end], kind, speaker, _cue_tuple(text, cue), True))
    return out


def _reported_clause(analysed: AnalysedArticle, cue: Token) -> tuple[int, int] | None:
    """Token bounds of what the cue reports, or None."""
    tokens = analysed.tokens
    lemma = cue.lemma.lower()
    if cue.lower == "according":
        return _according_clause(analysed, cue)
    if cue.pos not in ("VERB", "AUX") or lemma not in SPEECH_VERBS | COGNITION_VERBS:
        if cue.pos == "NOUN":  # "a statement that …", "a statement saying …" is the verb's job
            for child in analysed.children(cue):
                if child.dep in ("acl", "ccomp") and child.pos in ("VERB", "AUX") and not is_cue(child):
                    if any(g.dep == "mark" and g.lower == "that" for g in analysed.children(child)):
                        return _subtree(analysed, child)
        return None
    clause = None
    for child in analysed.children(cue):
        if child.dep in _CLAUSES and child.pos in ("VERB", "AUX", "NOUN", "ADJ", "PROPN"):
            clause = child
            break
    if clause is None:
        return None
    first, last = _subtree(analysed, clause)
    if first <= cue.i <= last:
        return None
    if tokens[first].dep == "mark" and tokens[first].lower in ("that", "whether", "if"):
        first += 1
    return first, last


def _according_clause(analysed: AnalysedArticle, cue: Token) -> tuple[int, int] | None:
    sentence = analysed.sentences[cue.sent]
    first, last = _subtree(analysed, cue)
    if cue.i + 1 < len(analysed.tokens):
        to = analysed.tokens[cue.i + 1]
        if to.lower == "to":
            last = max(last, _subtree(analysed, to)[1])
    before = (sentence.first, first - 1)
    after = (last + 1, sentence.last - 1)
    pick = after if (after[1] - after[0]) >= (before[1] - before[0]) else before
    if pick[1] - pick[0] < 2:
        return None
    return pick


def _subtree(analysed: AnalysedArticle, token: Token) -> tuple[int, int]:
    """First and last token index of ``token``'s subtree (projective parse: a contiguous span)."""
    sentence = analysed.sentences[token.sent]
    tokens = analysed.tokens
    first = last = token.i
    for k in range(sentence.first, sentence.last):
        node = tokens[k]
        for _ in range(40):
            if node.i == token.i:
                first, last = min(first, k), max(last, k)
                break
            if node.head == node.i:
                break
            node = tokens[node.head]
    return first, last


def _trim(analysed: AnalysedArticle, first: int, last: int) -> tuple[int, int]:
    tokens = analysed.tokens
    while first < last and (tokens[first].pos == "PUNCT" and tokens[first].text not in "“‘\"'"):
        first += 1
    while last > first and tokens[last].pos == "PUNCT" and tokens[last].text not in "”’\"'":
        last -= 1
    return tokens[first].start, tokens[last].end
