"""HTML page -> ``Article``: main text by extractor agreement, metadata from markup.

    article = parse_html(page_bytes, source="page.html")

The page is decoded and parsed once (:mod:`copydesk.ingest.extract_tree`, which defends against
over-deep nesting and huge attributes); the main text is trafilatura's where the two ends of
its precision/recall dial agree, and the medoid of several extractors where they do not
(:mod:`copydesk.ingest.extract_vote`); the headline, byline, section, dates, language and URL come
from JSON-LD, Open Graph and meta tags (:mod:`copydesk.ingest.metadata`). See ``docs/html.md``.

``Article.text`` holds the extracted body paragraphs separated by a blank line; each paragraph is
one ``body`` region. The headline stays in ``Article.headline`` and is put into the text only when
the extractor kept it as the first paragraph (then that region is marked ``headline``).
"""

from __future__ import annotations

import re
from datetime import datetime

from copydesk.errors import IngestError
from copydesk.ingest.decode import MOJIBAKE_WARNING, repair_mojibake
from copydesk.ingest.extract_tree import cap_attributes, decode, parse_tree, truncate_text
from copydesk.ingest.extract_vote import LARGE_PAGE, PROSE_END, extract
from copydesk.ingest.furniture import not_copy
from copydesk.ingest.metadata import comparable, extract_metadata
from copydesk.model import EXTRACTIONS, Article, Region

MIN_ARTICLE_WORDS = 10


def parse_html(
    html: str | bytes,
    *,
    source: str,
    url: str | None = None,
    use_htmldate: bool = True,
    shortcut: float | None = None,
    reference_date: datetime | None = None,
    full_vote: bool = False,
    extraction: str = "cascade",
) -> Article:
    """Extract the article of one web page.

    ``use_htmldate=False`` skips htmldate's content heuristics when the markup gives no date;
    ``full_vote=True`` holds the extractors' vote on every page instead of only where the cheap
    first extractors are unsure (see ``extract_vote.extract``); ``shortcut`` trades a little of
    the vote's accuracy for speed (see ``extract_vote.vote``);
    ``reference_date`` is the latest plausible publication day but one (default: today);
    ``extraction`` is one of ``copydesk.model.EXTRACTIONS``: "cascade" (the default), "fast"
    (at about trafilatura's speed, a little less accurate) or "vote" (as ``full_vote=True``).
    Raises ``IngestError(source, "parse", ...)`` when the page cannot be parsed as HTML and
    ``IngestError(source, "no-article", ...)`` when it has no article text."""
    mode = _mode(extraction)
    try:
        page = decode(html)
    except (UnicodeError, LookupError) as err:
        raise IngestError(source, "parse", f"cannot decode the page: {err}") from err
    if looks_binary(page):
        raise IngestError(source, "parse", "the page is binary data, not HTML")
    page, repaired = repair_mojibake(page)
    page = cap_attributes(page)  # htmldate parses the page again: the same bounded markup
    tree = parse_tree(page, capped=True)
    if tree is None:
        raise IngestError(source, "parse", "the page is not parseable HTML")
    if len(page) > LARGE_PAGE:  # htmldate's content scan is slow on huge pages
        use_htmldate = False
    meta = extract_metadata(
        tree, url=url, page=page if use_htmldate else None, reference_date=reference_date
    )
    truncated = truncate_text(tree)
    extracted = extract(tree, meta.url, full_vote=full_vote or mode == "vote", shortcut=shortcut,
                        fast=mode == "fast")
    winner, paragraphs = extracted.winner, rejoin_broken(extracted.paragraphs)
    if sum(len(p.split()) for p in paragraphs) < MIN_ARTICLE_WORDS:
        raise IngestError(source, "no-article", "no article text found on the page")
    text, regions = assemble(paragraphs, meta.headline)
    article = Article(
        text=text,
        source=source,
        url=meta.url,
        headline=meta.headline,
        section=meta.section,
        byline=meta.byline,
        published=meta.published,
        updated=meta.updated,
        regions=regions,
    )
    if meta.language:
        article.language = meta.language
    article.meta.update(
        {
            "extractor": winner,
            "sources": dict(meta.sources),
            "site_name": meta.site_name,
            "truncated": truncated,
        }
    )
    if repaired:
        article.meta.setdefault("warnings", []).append(MOJIBAKE_WARNING)
    return article


def looks_binary(page: str, sample: int = 65_536) -> bool:
    """More than a tenth of the first ``sample`` characters are replacement or control
    characters: the bytes were not text in any encoding."""
    head = page[:sample]
    if not head:
        return False
    bad = sum(1 for ch in head if ch == "\ufffd" or (ch < " " and ch not in "\t\n\r\f"))
    return bad > len(head) / 10


def extract_text(
    html: str | bytes,
    *,
    url: str | None = None,
    shortcut: float | None = None,
    full_vote: bool = False,
    extraction: str = "cascade",
) -> list[str]:
    """Only the main text's paragraphs (no metadata); ``[]`` when the page does not parse."""
    mode = _mode(extraction)
    tree = parse_tree(decode(html))
    if tree is None:
        return []
    truncate_text(tree)
    return rejoin_broken(extract(tree, url, full_vote=full_vote or mode == "vote", shortcut=shortcut,
                                 fast=mode == "fast").paragraphs)


def _mode(extraction: str) -> str:
    """``extraction`` when it is one of ``EXTRACTIONS``, else a ValueError that names them."""
    if extraction not in EXTRACTIONS:
        raise ValueError(f"extraction must be one of {', '.join(EXTRACTIONS)}, not {extraction!r}")
    return extraction


#: Punctuation that continues the sentence before it, followed by a space: a line that starts so
#: was cut from the end of the line above (not ".@POTUS", ". . .", ":)").
_CONTINUING = re.compile(r"[,.;:)!?](?=\s+\w)")
#: A line that starts with a web address, an e-mail address or a brand written in mixed case
#: ("iPhone", "eBay", "my6sense") is no continuation even in lower case.
_NOT_CONTINUING = re.compile(r"(?:https?://|www\.|\S+@\S+\.|[a-z]+[A-Z0-9])")
#: A line of at most this many words, without an end of sentence of its own, between a line cut
#: mid-sentence and that sentence's continuation, is a link or a bold phrase the page set apart;
#: and a line cut mid-sentence must be longer than this for a lower-case line to continue it
#: (short lines without punctuation are list items, headings or labels).
FRAGMENT_WORDS = 6


def _cut(paragraph: str) -> bool:
    """The paragraph stops mid-sentence: no sentence punctuation at its end."""
    return not paragraph.rstrip().endswith(PROSE_END)


def _continues(paragraph: str) -> bool:
    """The paragraph carries on a sentence: it starts in lower case (not with an address or a
    mixed-case brand) or with a comma, full stop or the like and a space."""
    if _NOT_CONTINUING.match(paragraph):
        return False
    return paragraph[:1].islower() or bool(_CONTINUING.match(paragraph))


def rejoin_broken(paragraphs: list[str]) -> list[str]:
    """Paragraphs that the page's markup cut mid-sentence, put back together.

    Some pages set the links or bold phrases of a sentence in elements of their own, and the
    extractor gives each its own line: "admitted to" / "AIIMS Bhubaneswar" / "on 4th April with
    complaint of" / "chronic hypertension" / ". He expired". A line of more than
    ``FRAGMENT_WORDS`` words cut mid-sentence is joined to the next when that continues the
    sentence (lower case, or punctuation: joined without a space), and through a short fragment
    between them when the line after the fragment continues it. The first line (a headline
    the extractor kept) is never joined to, and short lines without punctuation — list items,
    headings, labels — are not joined either."""
    out: list[str] = []
    k = 0
    while k < len(paragraphs):
        paragraph = paragraphs[k]
        previous = out[-1] if len(out) > 1 else None  # never into the first line
        if previous is not None and _cut(previous) and len(previous.split()) > FRAGMENT_WORDS:
            following = paragraphs[k + 1] if k + 1 < len(paragraphs) else ""
            if _continues(paragraph):
                out[-1] = previous + ("" if _CONTINUING.match(paragraph) else " ") + paragraph
                k += 1
                continue
            if 0 < len(paragraph.split()) <= FRAGMENT_WORDS and _cut(paragraph) and _continues(following):
                out[-1] = previous + " " + paragraph
                k += 1
                continue
        out.append(paragraph)
        k += 1
    return out


def assemble(paragraphs: list[str], headline: str | None) -> tuple[str, list[Region]]:
    """Join paragraphs with blank lines; one region per paragraph (``headline`` for a leading
    paragraph that repeats the headline, ``furniture`` for program code and reference-list
    entries (``furniture.not_copy``), ``body`` otherwise)."""
    regions: list[Region] = []
    pieces: list[str] = []
    position = 0
    wanted = comparable(headline) if headline else None
    for index, paragraph in enumerate(paragraphs):
        if pieces:
            position += 2
        role = "headline" if index == 0 and wanted and comparable(paragraph) == wanted else "body"
        if role == "body" and not_copy(paragraph):
            role = "furniture"  # program code, a reference list's entry: not the writer's prose
        regions.append(Region(position, position + len(paragraph), role))
        pieces.append(paragraph)
        position += len(paragraph)
    return "\n\n".join(pieces), regions
