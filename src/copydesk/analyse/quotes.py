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

from copydesk.analyse.attribution import (
    ACT_PREPOSITIONS,
    ACT_VERBS,
    COGNITION_VERBS,
    REPORT_VERBS,
    SPEECH_VERBS,
    Resolver,
    is_cue,
)
from copydesk.analyse.document import AnalysedArticle, Token
from copydesk.analyse.quotemarks import QuoteSpan, article_quote_spans
from copydesk.model import Quote, Speaker

#: A short quote that is not a sentence is a scare quote or a term, not speech needing a cue.
SHORT_WORDS = 3
#: Title Case quotes up to this many words are names of works or shows ("Face the Nation").
TITLE_WORDS = 6
_DASHES = "―—–-"


@dataclass(slots=True)
class _Found:
    """A quote being built: its span, kind, cue token and (once resolved) speaker."""

    start: int
    end: int
    kind: str
    cue: Token | None
    closed: bool = True
    span: QuoteSpan | None = None
    speaker: Speaker | None = None
    cue_span: tuple[int, int, str] | None = None


def extract_quotes(analysed: AnalysedArticle) -> list[Quote]:
    """Fill ``analysed.quotes`` with the direct, indirect and mixed quotes, in text order.

    Short scare quotes with no speaker (a “premature” label), titles of works in Title Case and
    quoted spans without a letter are not speech and are left out."""
    text = analysed.text
    spans = article_quote_spans(analysed)
    quoted = _quoted_tokens(analysed, spans)
    cues = [t for t in analysed.tokens if not quoted[t.i] and is_cue(t)]
    direct_cues = [t for t in analysed.tokens if not quoted[t.i] and is_cue(t, direct=True)]
    resolver = Resolver(analysed, quoted=quoted)
    direct = [
        _Found(span.start, span.end, "direct", _cue_for(analysed, span, direct_cues), span.closed, span)
        for span in spans
    ]
    reported = _indirect(analysed, cues, quoted)
    found = direct + reported
    speakers: dict[int, Speaker | None] = {}
    for cue in sorted({f.cue.i: f.cue for f in found if f.cue is not None}.values(), key=lambda t: t.i):
        speakers[cue.i] = resolver.speaker_of(cue)
    for item in found:
        if item.cue is not None:
            item.speaker = speakers[item.cue.i]
            item.cue_span = _cue_tuple(text, item.cue)
    for item in direct:
        if item.speaker is None and item.span is not None:
            item.speaker = _speaker_by_layout(analysed, item.span, resolver)
    _inherit(analysed, direct, reported)
    quotes = [
        Quote(f.start, f.end, text[f.start : f.end], f.kind, f.speaker, f.cue_span, f.closed)
        for f in found
        if f.kind != "direct" or _is_speech(analysed, f)
    ]
    quotes.sort(key=lambda q: (q.start, q.end))
    analysed.quotes = quotes
    return quotes


def _is_speech(analysed: AnalysedArticle, found: _Found) -> bool:
    content = analysed.text[found.start : found.end]
    if not any(c.isalpha() for c in content):
        return False  # "1474387200", "…"
    if found.speaker is None and is_short(content):
        return False
    if not is_title(content) or _role(analysed, found.start) == "headline":
        return True
    # A name in Title Case is speech only when someone says it of something ("called her “Miss
    # Piggy”"), not when it names where ("said on “Face the Nation”") or what ("the “X Act”").
    if found.speaker is None or found.span is None:
        return False
    before = analysed.token_at(found.span.mark - 1) or analysed.token_at(found.span.mark - 2)
    if before is not None and (before.pos == "ADP" or before.lower == "the"):
        return False  # "on “Face the Nation”", "the “Justice for All Act”"
    return _quote_root_dep(analysed, found) not in _NAME_DEPS


_NAME_DEPS = frozenset({"pobj", "compound", "appos", "nmod", "poss", "npadvmod", ""})


def _quote_root_dep(analysed: AnalysedArticle, found: _Found) -> str:
    """The dependency label of the quote's root: its token whose head lies outside the quote."""
    token = analysed.token_at(found.start)
    if token is None:
        return ""
    tokens = analysed.tokens
    k = token.i
    while k < len(tokens) and tokens[k].start < found.end:
        head = tokens[tokens[k].head]
        if not (found.start <= head.start < found.end) or head.i == k:
            return tokens[k].dep
        k += 1
    return ""


def is_title(text: str) -> bool:
    """Title Case of a few words: "Face the Nation", "Fox News Sunday" (names, not speech)."""
    words = [w for w in text.strip(" ,.!?;:").split() if w[:1].isalpha()]
    if not words or len(words) > TITLE_WORDS:
        return False
    long_words = [w for w in words if len(w) >= 4 or w is words[0]]
    return all(w[:1].isupper() for w in long_words)


def _role(analysed: AnalysedArticle, offset: int) -> str:
    for region in analysed.article.paragraphs:
        if region.start <= offset < region.end:
            return region.role
    return "body"


#: A signature after a dash is short: a name, a user name, "a reader in Leeds".
SIGNATURE_WORDS = 8
#: Tags of a finite verb or a modal: a line with one says something, it does not sign.
FINITE_TAGS = frozenset({"VBZ", "VBP", "VBD", "MD"})


def _signature(analysed: AnalysedArticle, start: int) -> Speaker | None:
    """What signs a quote on the line after it, after a dash, when it is no name the tagger knows
    ("— railfan_88 on a local forum", "– Man**", "— a reader in Leeds"): a short line that ends
    its paragraph, is no question or exclamation, and has no verb. A dash-led line that says
    something (a finite verb: "– Fees will rise in May", "— This article was amended on 3 May";
    a question: "– What about the budget?") or starts a run of dash-led lines (a list) signs
    nothing. A signature is taken only when nothing else names the quote's speaker."""
    text = analysed.text
    end = text.find("\n", start, start + 300)
    if end == -1:
        end = len(text)
        if end - start > 300:
            return None
    line = text[start:end].rstrip()
    if not line or not line[0].isalnum() or line[-1] in "?!“\"‘" \
            or len(line.split(maxsplit=SIGNATURE_WORDS)) > SIGNATURE_WORDS:
        return None
    following = text[end : end + 300].lstrip("\n \u00a0")[:1]
    if text[end : end + 2] != "\n\n" and following in _DASHES:
        return None  # a run of dash-led lines is a list
    first = analysed.token_at(start)
    if first is not None:
        tokens = analysed.tokens
        for k in range(first.i, len(tokens)):
            if tokens[k].start >= start + len(line):
                break
            if tokens[k].tag in FINITE_TAGS or (tokens[k].tag == "VB" and k and tokens[k - 1].lower == "to"):
                return None  # a clause ("Fees will rise", "What happens next", "jobs to go")
    return Speaker(line.rstrip(".,;"), None, start, start + len(line.rstrip(".,;")))


def _speaker_by_layout(analysed: AnalysedArticle, span: QuoteSpan, resolver: Resolver) -> Speaker | None:
    """A speaker set out by punctuation, not grammar: "Name: “…”" (headlines, transcripts) and
    "“…” — Name" (a quote signed after a dash)."""
    text = analysed.text
    signature = None  # a signature of any words: taken only when nothing else names a speaker
    if span.close_mark is not None:
        k = span.close_mark + 1
        while k < len(text) and text[k] in " \u00a0.":
            k += 1
        own_line = text[k : k + 1] == "\n"
        if own_line:  # a signature on the next line: ¶ "— Jane Roe"
            while k < len(text) and text[k] in " \u00a0\n":
                k += 1
        if k < len(text) and text[k] in _DASHES:
            k += 1
            while k < len(text) and text[k] in " \u00a0":
                k += 1
            person = resolver.person_starting(k)
            if person is not None:
                return person
            if own_line:
                signature = _signature(analysed, k)
    return _speaker_by_grammar_or_label(analysed, span, resolver) or signature


def _speaker_by_grammar_or_label(analysed: AnalysedArticle, span: QuoteSpan, resolver: Resolver) -> Speaker | None:
    """A speaker named after the quote ("…,” Silva said), announced in the sentence before, or
    labelled before a colon ("Name: “…”")."""
    text = analysed.text
    after = _speaker_after(analysed, span, resolver)
    if after is not None:
        return after
    token = analysed.token_at(span.mark)
    if token is None:
        return None
    sentence = analysed.sentences[token.sent]
    before = text[sentence.start : span.mark].rstrip()
    if not before and token.sent > 0:
        announced = _announced(analysed, token.sent - 1, sentence.paragraph, resolver)
        if announced is not None:
            return announced
    if not before and token.sent > 0:  # "Stated Stone:" ¶ "“…”"
        previous = analysed.sentences[token.sent - 1]
        if previous.paragraph >= sentence.paragraph - 1:
            sentence = previous
            before = text[previous.start : previous.end].rstrip()
    if not before.endswith(":"):
        return None
    colon = sentence.start + len(before) - 1
    # the label is what follows the last dash or bar before the colon: "… TRUMP - David
    # Wasserman: “…”" (a round-up), "Trump: ‘…’" (a headline)
    cuts = [before.rfind(sep) + len(sep) for sep in _LABEL_SEPARATORS if sep in before]
    label_start = sentence.start + max(cuts, default=0)
    if 0 < len(text[label_start:colon].split()) <= 6:
        found = resolver.person_within(label_start, colon)
        if found is not None:
            return found
        names = [t for t in analysed.sentence_tokens(sentence)
                 if label_start <= t.start and t.end <= colon and (t.pos == "PROPN" or t.is_title)]
        if names:  # "Stated Stone:" — a name the tagger did not mark as a person
            return resolver.resolve(names[-1])
    return _introducer(analysed, colon, resolver)


def _announced(analysed: AnalysedArticle, index: int, paragraph: int, resolver: Resolver) -> Speaker | None:
    """A quote that opens a sentence right after one announcing speech ("Dianne Bystrom
    agreed.", "Ted Cruz tweeted a warning.", "He added:") is that speaker's: the sentence before,
    in the same paragraph or closing the one before, has a speech cue with a speaker."""
    previous = analysed.sentences[index]
    if previous.paragraph < paragraph - 1:
        return None
    for token in reversed(analysed.sentence_tokens(previous)):
        if resolver.quoted is not None and resolver.quoted[token.i]:
            continue
        if is_cue(token, direct=True) or (token.pos == "NOUN" and is_cue(token)):
            speaker = resolver.speaker_of(token, remember=False)
            if speaker is not None:
                return speaker
    return None


#: What separates a speaker's label from text before it on the same line.
_LABEL_SEPARATORS = (" - ", " – ", " — ", " | ", "\n")


#: Parts of speech of a short noun phrase naming a speaker ("Virginia delegate Beau Correll").
_NP_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "PRON", "NUM"})
_NP_PUNCT = frozenset({".", "'s", "’s", "-", "‐"})


def _speaker_after(analysed: AnalysedArticle, span: QuoteSpan, resolver: Resolver) -> Speaker | None:
    """The attribution clause after a quote that ends inside its marks with a comma, "?" or "!"
    (“…,” Toomey fumed; “…?” asked Sen. Jane Roe; “…,” read the email). Such a quote cannot end
    its sentence, so the clause that follows says who spoke, whatever the verb."""
    text = analysed.text
    if span.close_mark is None:
        return None
    inner = text[span.start : span.close_mark].rstrip()
    if not inner.endswith((",", "?", "!", "—", "–")):
        return None
    tokens = analysed.tokens
    first = analysed.token_at(span.close_mark)
    if first is None:
        return None
    k = first.i + 1
    while k < len(tokens) and tokens[k].text in (",", "”", "’", '"'):
        k += 1
    window = tokens[k : k + 9]
    verb = next((j for j, t in enumerate(window) if t.pos in ("VERB", "AUX")), None)
    if verb is None:
        return None
    leading = window[:verb]
    if any(t.pos not in _NP_POS and t.text not in _NP_PUNCT for t in leading):
        return None
    if leading:  # “…,” Toomey fumed / “…,” it read / “…,” the group shouted
        head = leading[-1]
        if head.pos not in ("PROPN", "NOUN", "PRON"):
            return None
        return resolver.resolve(head)
    # “…,” said Virginia delegate Beau Correll / asked Sen. Jane Roe of Ohio / read the email
    phrase = []
    for t in window[verb + 1 :]:
        if t.pos not in _NP_POS and t.text not in _NP_PUNCT:
            break
        phrase.append(t)
    names = [t for t in phrase if t.pos == "PROPN"]
    nouns = [t for t in phrase if t.pos in ("NOUN", "PRON")]
    head = names[-1] if names else (nouns[0] if nouns else None)
    return resolver.resolve(head) if head is not None else None


def _introducer(analysed: AnalysedArticle, colon: int, resolver: Resolver) -> Speaker | None:
    """The subject of the clause a colon ends: "Trump leaned in and boomed: “…”", "The senator's
    answer was simple: “…”". A quote set out after a colon is given by that clause's subject."""
    last = analysed.token_at(colon - 1) or analysed.token_at(colon)
    if last is None:
        return None
    tokens = analysed.tokens
    node = last
    for _ in range(12):  # up to the clause's verb
        if node.pos in ("VERB", "AUX") or node.head == node.i:
            break
        node = tokens[node.head]
    for _ in range(4):
        source = resolver.source_token(node)
        if source is not None and source.pos in ("PROPN", "PRON", "NOUN"):
            speaker = resolver.resolve(source)
            if speaker.entity is not None or source.pos == "PROPN" or source.lower in _PERSONAL:
                return speaker
            return None
        if node.head == node.i or node.dep not in ("conj", "xcomp", "advcl", "ccomp", "dep", "parataxis"):
            return None
        node = tokens[node.head]
    return None


#: Pronouns that stand for a person or group that can be a speaker.
_PERSONAL = frozenset({"he", "she", "they", "we", "i"})


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


# -- cues of direct quotes ----------------------------------------------------------------------


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
        previous = analysed.sentences[open_tok.sent - 1]  # "He said:" ¶ "“…”"
        if previous.paragraph >= first_sentence.paragraph - 1 and text_endswith(analysed, previous, ":"):
            sentences.add(open_tok.sent - 1)
    inside = range(open_tok.i, close_tok.i + 1)
    by_sentence = _cues_by_sentence(analysed, cues)
    candidates = [c for k in sorted(sentences) for c in by_sentence.get(k, ()) if c.i not in inside]
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


def _cues_by_sentence(analysed: AnalysedArticle, cues: list[Token]) -> dict[int, list[Token]]:
    """``cues`` grouped by sentence, in order (kept per article for the list given: each quote
    looks at the cues of its own sentences only, not at every cue of the article)."""
    cached = analysed.derived.cues_by_sentence
    if cached is None or cached[0] is not cues:
        grouped: dict[int, list[Token]] = {}
        for cue in cues:
            grouped.setdefault(cue.sent, []).append(cue)
        cached = analysed.derived.cues_by_sentence = (cues, grouped)
    return cached[1]


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


def _inherit(analysed: AnalysedArticle, direct: list[_Found], reported: list[_Found]) -> None:
    """A direct quote with no speaker of its own takes the speaker of the speech just before it in
    its paragraph (a direct quote, or reported speech, that ends in that paragraph: the quote
    before may have begun a paragraph earlier), else of a direct quote after it in the paragraph;
    a paragraph that opens with a quote continues the last speaker of the paragraph before."""
    paragraph_of = [_paragraph(analysed, f.start) for f in direct]
    ends = {id(f): _paragraph(analysed, _last_char(analysed.text, f.start, f.end)) for f in direct + reported}
    for k, item in enumerate(direct):
        if item.speaker is not None or item.span is None or is_short(analysed.text[item.start : item.end]):
            continue
        here = paragraph_of[k]
        earlier = sorted(
            (f for f in direct[:k] + reported
             if f.speaker is not None and f.end <= item.start and ends[id(f)] == here),
            key=lambda f: f.end,
        )
        donor = earlier[-1] if earlier else None
        if donor is None:
            donor = next((f for j, f in enumerate(direct[k + 1 :], k + 1)
                          if paragraph_of[j] == here and f.speaker is not None), None)
        if donor is None and _opens_paragraph(analysed, item.span):
            # the speaker of the paragraph before, who may have inherited it in turn: a run of
            # quoted paragraphs (an interview set out as quotes) keeps its speaker
            earlier = sorted(
                (f for f in direct[:k] + reported
                 if f.speaker is not None and f.start < item.start and ends[id(f)] == here - 1),
                key=lambda f: f.end,
            )
            donor = earlier[-1] if earlier else None
        if donor is not None:
            item.speaker, item.cue_span = donor.speaker, donor.cue_span


def _last_char(text: str, start: int, end: int) -> int:
    """The offset of the last non-space character of ``[start, end)`` (``start`` when none)."""
    k = end - 1
    while k > start and text[k].isspace():
        k -= 1
    return max(start, k)


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
_CLAUSE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ", "PROPN"})


def _indirect(analysed: AnalysedArticle, cues: list[Token], quoted: list[bool]) -> list[_Found]:
    """Reported speech: what each cue reports, when it is not just a direct quote."""
    tokens = analysed.tokens
    out: list[_Found] = []
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
        out.append(_Found(start, end, kind, cue))
    return out


def _reported_clause(analysed: AnalysedArticle, cue: Token) -> tuple[int, int] | None:
    """Token bounds of what the cue reports, or None."""
    tokens = analysed.tokens
    lemma = cue.lemma.lower()
    if cue.lower == "according":
        return _according_clause(analysed, cue)
    if cue.pos not in ("VERB", "AUX") or lemma not in SPEECH_VERBS | COGNITION_VERBS | ACT_VERBS | REPORT_VERBS:
        if cue.pos == "NOUN":  # "a statement that …", "a statement saying …" is the verb's job
            for child in analysed.children(cue):
                clause = child.dep in ("acl", "ccomp") and child.pos in ("VERB", "AUX")
                if clause and not is_cue(child) and _has_that(analysed, child):
                    return _subtree(analysed, child)
        return None
    children = list(analysed.children(cue))
    clause = next((c for c in children if c.dep in _CLAUSES and c.pos in _CLAUSE_POS), None)
    if clause is None and cue.dep == "parataxis" and tokens[cue.head].pos in ("VERB", "AUX"):
        return _around(analysed, tokens[cue.head], cue)  # "Acts of protest, he said, are …"
    if clause is None and (lemma in ACT_VERBS or lemma in REPORT_VERBS):
        clause = next((c for c in children if c.dep in ("xcomp", "dobj")), None)
        if clause is None:
            prep = next((c for c in children if c.dep == "prep" and c.lower in ACT_PREPOSITIONS), None)
            if prep is not None:
                clause = next((g for g in analysed.children(prep) if g.dep in ("pobj", "pcomp")), None)
    if clause is None:
        return None
    first, last = _subtree(analysed, clause)
    if first <= cue.i <= last:
        return None
    if tokens[first].dep == "mark" and tokens[first].lower in ("that", "whether", "if"):
        first += 1
    return first, last


def _has_that(analysed: AnalysedArticle, token: Token) -> bool:
    return any(g.dep == "mark" and g.lower == "that" for g in analysed.children(token))


def _around(analysed: AnalysedArticle, head: Token, cue: Token) -> tuple[int, int] | None:
    """The clause a parenthetical cue sits in, from its first to its last word."""
    first, last = _subtree(analysed, head)
    cue_first, cue_last = _subtree(analysed, cue)
    if cue_first == first or cue_last >= last:
        return None  # the cue is not inside: "He said. Then …" parsed as parataxis
    while last > first and analysed.tokens[last].pos == "PUNCT":
        last -= 1
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
