"""``claims.unsourced``: a claim with a figure and no source (info).

A claim (``analysed.claims``) is flagged when it states an amount (a number other than "one"/"a",
a percentage, money, a vague amount such as "thousands") and has no named or anonymous source:
no reporting verb or "according to" supports its sentence and it is not inside an attributed
quote. A vague source ("reports suggest", "it is believed", "reportedly") counts as none and is
named in the evidence. Headlines and standfirsts are not flagged (their source is in the body);
years and dates alone are not figures ("In 2014 ..." stays silent).

See ``docs/checks/claims.unsourced.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from copydesk.analyse.claims import significant_quantities
from copydesk.checks.registry import register
from copydesk.model import Evidence, Finding, Severity

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.analyse.document import AnalysedArticle
    from copydesk.knowledge import Knowledge

SOURCED = frozenset({"named", "anonymous"})
#: Documents and measurements that are sources in themselves: "the data show", "a poll found",
#: "in the Gallup poll", "figures from the ministry", "records indicate".
DOCUMENT_NOUNS = frozenset({
    "poll", "polls", "survey", "surveys", "data", "figure", "figures", "record", "records",
    "study", "studies", "report", "reports", "filing", "filings", "census", "estimate",
    "estimates", "statistic", "statistics", "analysis", "document", "documents", "research",
    "audit", "review", "index", "ranking", "rankings", "tally", "count", "forecast", "projection",
    "projections", "results", "result", "numbers", "disclosure", "disclosures", "returns",
})
#: Documents that, bare ("reports suggest", "estimates say"), name no document in particular.
UNSPECIFIED = frozenset({"report", "reports", "study", "studies", "estimate", "estimates",
                         "research", "analysis", "figures", "numbers"})
#: Verbs through which a document gives a figure ("shows", "found", "indicates", "puts").
DOCUMENT_VERBS = frozenset({
    "show", "find", "indicate", "reveal", "suggest", "put", "estimate", "place", "list", "give",
    "report", "say", "state", "conclude", "record", "count", "identify", "document", "project",
    "predict", "confirm",
})


@register("claims.unsourced", severity="info")
def check(article: AnalysedArticle, knowledge: Knowledge) -> Iterator[Finding]:
    """A claim with a figure and no named or anonymous source."""
    text = article.text
    sourced = _sourced_sentences(article)
    for claim in article.claims:
        if claim.source_kind in SOURCED or claim.quoted or _in_display(article, claim.start):
            continue
        token = article.token_at(claim.start)
        if token is not None and _carried(article, token.sent, sourced):
            continue
        figures = [q for q in significant_quantities(claim)
                   if not _in_date(article, q.start, q.end) and not _in_name(article, q.start)
                   and not _not_a_figure(text, q)]
        if not figures:
            continue
        first = figures[0]
        evidence = [Evidence("figure", f"figure '{first.text}'", first.start, first.end)]
        if claim.source_kind == "vague" and claim.source_span is not None:
            start, end = claim.source_span
            evidence.insert(0, Evidence("source", f"vague source: '{text[start:end]}'", start, end))
            message = f"the figure '{first.text}' rests on a vague source ('{text[start:end]}')"
        else:
            message = f"the figure '{first.text}' is given without a source"
        yield Finding(
            check="claims.unsourced",
            severity=Severity.INFO,
            start=first.start,
            end=first.end,
            text=first.text,
            message=message,
            suggestion=None,
            confidence=0.6 if claim.source_kind == "vague" else 0.4,
            evidence=evidence,
        )


def _sourced_sentences(article: AnalysedArticle) -> set[int]:
    """Sentences (by index) that give a source: a claim with a named or anonymous source, a
    quote or reported speech with a speaker, or a document that gives figures ("the data
    show", "a poll found", "according to the census", "in the Gallup poll")."""
    out: set[int] = set()
    for claim in article.claims:
        if claim.source_kind in SOURCED:
            token = article.token_at(claim.start)
            if token is not None:
                out.add(token.sent)
    for quote in article.quotes:
        # reported speech with no known speaker is judged by the claim's own source ("Reports
        # suggest that …" stays vague)
        if quote.speaker is not None and (quote.kind == "direct" or quote.speaker.entity is not None):
            token = article.token_at(quote.start)
            if token is not None:
                out.add(token.sent)
    tokens = article.tokens
    for token in tokens:
        if token.lower not in DOCUMENT_NOUNS:
            continue
        if token.lower in UNSPECIFIED and not any(
            child.dep in ("det", "poss", "compound", "amod", "nummod", "prep")
            for child in article.children(token)
        ):
            continue  # "reports suggest", "studies show": which reports is not said
        head = tokens[token.head]
        gives = token.dep in ("nsubj", "nsubjpass") and head.lemma.lower() in DOCUMENT_VERBS
        named = token.dep == "pobj" and head.lower in ("in", "from", "by", "to", "according")
        if gives or named:
            out.add(token.sent)
    return out


def _carried(article: AnalysedArticle, index: int, sourced: set[int]) -> bool:
    """The sentence, or the one before it in the same paragraph, gives a source: attribution
    carries on to the next sentence ("The census counted 8.3 million people. Of these, 40%
    …")."""
    if index in sourced:
        return True
    sentences = article.sentences
    if index > 0 and sentences[index - 1].paragraph == sentences[index].paragraph:
        return index - 1 in sourced
    return False


def _in_name(article: AnalysedArticle, start: int) -> bool:
    """A number that begins a name: "21 Grams", "Band Aid 20", "6 Music" (a capitalised word
    follows it in the same name, or it ends a run of capitalised words)."""
    token = article.token_at(start)
    if token is None:
        return False
    tokens = article.tokens
    after = tokens[token.i + 1] if token.i + 1 < len(tokens) else None
    before = tokens[token.i - 1] if token.i > 0 else None
    if after is not None and after.sent == token.sent and after.pos == "PROPN" and after.is_title:
        return True
    return before is not None and before.sent == token.sent and before.pos == "PROPN" and (
        after is None or after.pos in ("PUNCT",) or after.sent != token.sent)


#: Units of distance, size and clock time: "the 400m", "26.2 miles", "1400 GMT" describe an event
#: or a thing, they are not statistics that want a source.
MEASURES = frozenset({"m", "km", "metres", "meters", "miles", "mile", "yards", "yard", "feet",
                      "foot", "inches", "inch", "secs", "seconds", "mins", "minutes", "gmt", "bst",
                      "et", "pm", "am", "cm", "mm", "kg", "lb", "lbs"})
#: Words before a number that make it a rank, an index or a name: "No. 1", "world number 14",
#: "Group of 20".
RANK_WORDS = ("no.", "no", "number", "group of", "top", "version", "chapter", "page", "room")
#: Verbs whose object is a result of a contest: "won four gold medals", "scored 25 goals".
RESULT_VERBS = ("won", "win", "wins", "winning", "scored", "scoring", "beat", "beating")
_SCORE = re.compile(r"\s?[-–]\s?\d")


def _not_a_figure(text: str, quantity) -> bool:
    """A number that states no amount an editor would source: a score ("won 2-1", "a 3-1 win"),
    a hyphenated description ("a 25-yard free kick", "the 10,000-square-foot park"), a rank or
    index ("No. 1", "world number 14", "Group of 20"), a list marker ("3. EXPERTS DOWNPLAY …"),
    or a distance, size or clock time ("the 400m", "26.2 miles", "1400 GMT")."""
    written = quantity.text
    after = text[quantity.end : quantity.end + 3]
    if _SCORE.match(after) or re.search(r"\d[-–]\d", written):
        return True  # a score or a range of results
    if re.match(r"-[A-Za-z]", after) or re.search(r"\d-[a-z]", written):
        return True  # "25-yard", "10,000-square-foot", "25-man squad"
    before = text[max(0, quantity.start - 12) : quantity.start].lower().rstrip()
    if before.endswith(RANK_WORDS):
        return True
    if written.lower().startswith(RESULT_VERBS) or before.endswith(RESULT_VERBS):
        return True  # "won four", "scored 25": a result the reporter saw, not a claim to source
    line_start = text.rfind("\n", 0, quantity.start) + 1
    if not text[line_start : quantity.start].strip() and text[quantity.end : quantity.end + 1] == ".":
        return True  # a numbered list
    unit = (quantity.unit or "").lower()
    words = written.lower().split()
    if unit in MEASURES or (words and words[-1] in MEASURES):
        return True
    # "400m" with no currency sign: metres (a race, a height), not millions
    return written[-1:] == "m" and written[:-1].replace(".", "").isdigit() and not re.search(
        r"[£$€¥]", text[max(0, quantity.start - 2) : quantity.start])


def _in_date(article: AnalysedArticle, start: int, end: int) -> bool:
    """A number that is part of a date or a year ("March 2, 2023", "in 2019") is not a figure."""
    if any(t.start <= start and end <= t.end for t in article.times):
        return True
    written = article.text[start:end]
    return written.isdigit() and len(written) == 4 and 1800 <= int(written) <= 2100


def _in_display(article: AnalysedArticle, offset: int) -> bool:
    """Headline or standfirst: their claims are sourced in the body."""
    return any(
        region.start <= offset < region.end and region.role in ("headline", "standfirst")
        for region in article.article.regions
    )
