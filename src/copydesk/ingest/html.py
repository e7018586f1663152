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
from bisect import bisect_right
from dataclasses import dataclass
from datetime import datetime

from copydesk.errors import IngestError
from copydesk.ingest.decode import MOJIBAKE_WARNING, repair_mojibake
from copydesk.ingest.extract_tree import cap_attributes, decode, parse_tree, truncate_text
from copydesk.ingest.extract_vote import LARGE_PAGE, PROSE_END, extract
from copydesk.ingest.furniture import continued_code, not_copy, reference_entries
from copydesk.ingest.metadata import comparable, extract_metadata
from copydesk.model import CODE_ROLE, DEFAULT_EXTRACTION, Article, Region, extraction_mode

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
    extraction: str = DEFAULT_EXTRACTION,
) -> Article:
    """Extract the article of one web page.

    ``use_htmldate=False`` skips htmldate's content heuristics when the markup gives no date;
    ``full_vote=True`` holds the extractors' vote on every page instead of only where the cheap
    first extractors are unsure (see ``extract_vote.extract``); ``shortcut`` trades a little of
    the vote's accuracy for speed (see ``extract_vote.vote``);
    ``reference_date`` is the latest plausible publication day but one (default: today);
    ``extraction`` is one of ``copydesk.model.EXTRACTIONS``: "cascade" (the default:
    trafilatura's two ends, four extractors vote where they leave doubt), "lean" (the cascade's
    questions without its vote: as accurate on the benchmarks, at about trafilatura's speed),
    "fast" (at about trafilatura's speed, a little less accurate) or "vote" (as
    ``full_vote=True``).
    Raises ``IngestError(source, "parse", ...)`` when the page cannot be parsed as HTML and
    ``IngestError(source, "no-article", ...)`` when it has no article text."""
    mode = extraction_mode(extraction)
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
    code, pre = inline_code(tree), Preformatted.of(tree)
    extracted = extract(tree, meta.url, full_vote=full_vote or mode == "vote", shortcut=shortcut,
                        fast=mode == "fast", lean=mode == "lean")
    winner, paragraphs = extracted.winner, rejoin_broken(extracted.paragraphs)
    # double-encoded text written in the markup as character references ("&acirc;&euro;&rdquo;"
    # for "—"), which the repair of the page above cannot see (paragraphs without the telltale
    # sequences come back untouched)
    fixed = [repair_mojibake(p)[0] for p in paragraphs]
    repaired = repaired or fixed != paragraphs
    paragraphs = fixed
    if sum(len(p.split()) for p in paragraphs) < MIN_ARTICLE_WORDS:
        raise IngestError(source, "no-article", "no article text found on the page")
    text, regions = assemble(paragraphs, meta.headline, pre.beside(paragraphs))
    regions = sorted(regions + code_regions(text, regions, code), key=lambda r: (r.start, r.end))
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


#: Inline elements whose text is program code, keyboard input, program output or a variable's
#: name (HTML's phrasing elements for code), not the writer's prose. (``<tt>``, typewriter type,
#: is left out: old pages set whole paragraphs of prose in it.)
CODE_ELEMENTS = ("code", "kbd", "samp", "var")
#: At most this many distinct pieces of inline code are looked for in the text (a page of
#: documentation can have thousands; each is one scan of the text).
MAX_CODE_PIECES = 500
#: At most this many places of inline code are marked in one article (each is a region that
#: reports and the web view lay out).
MAX_CODE_REGIONS = 2_000
#: Longer pieces are code blocks: their paragraphs are furniture already (``not_copy``,
#: ``Preformatted``) or, when the extractor re-wrapped them, no longer found as one run.
MAX_CODE_CHARS = 400
#: A piece of this many words or more, all of them words as prose writes them, reads as a
#: sentence, not code ("<code>The mayor said the plan was dead</code>").
PROSE_WORDS = 3


def outermost(tree, tags: tuple[str, ...]):
    """The elements of ``tags`` that are not inside another of them, in page order (the text of
    nested ones is read once, with the outermost)."""
    wanted = frozenset(tags)
    for element in tree.iter(*tags):
        if not any(ancestor.tag in wanted for ancestor in element.iterancestors()):
            yield element


def inline_code(tree) -> list[str]:
    """The distinct texts of the page's inline code elements (``CODE_ELEMENTS``), whitespace
    runs made single spaces, in page order. Left out: a plain word set as code ("bytes", "print",
    "it's"), which is still a word that prose elsewhere on the page may use; a piece that reads
    as a sentence (``PROSE_WORDS``); pieces of one character or of punctuation only (",", "=="),
    which prose uses everywhere; quotation marks count (``''`` is an empty string)."""
    seen: dict[str, None] = {}
    for element in outermost(tree, CODE_ELEMENTS):
        piece = " ".join(element.text_content().split())
        if 2 <= len(piece) <= MAX_CODE_CHARS and not _PLAIN_WORD.fullmatch(piece) \
                and any(ch.isalnum() or ch in QUOTE_CHARACTERS for ch in piece) and not _reads_as_prose(piece):
            seen.setdefault(piece, None)
            if len(seen) >= MAX_CODE_PIECES:
                break
    return list(seen)


def _reads_as_prose(piece: str) -> bool:
    words = piece.split()
    return len(words) >= PROSE_WORDS and all(_plain(w) for w in words)


def _plain(word: str) -> bool:
    """A word as prose writes it (``_PLAIN_WORD``), punctuation around it aside."""
    return bool(_PLAIN_WORD.fullmatch(word.strip(".,;:!?\"'()“”‘’")))


#: Characters of quotation marks and apostrophes, which code uses for strings.
QUOTE_CHARACTERS = frozenset("\"'`‘’“”")
#: A word as prose writes it: letters, capitalised or not, with an apostrophe inside ("bytes",
#: "Python", "it's"), not an identifier ("b''", "argv[1]", "snake_case", "camelCase", "x86").
_PLAIN_WORD = re.compile(r"[^\W\d_][^\W\d_A-Z]*(?:['’][^\W\d_]+)*")


def code_regions(text: str, regions: list[Region], pieces: list[str]) -> list[Region]:
    """A ``code`` region for each place in the analysed paragraphs where a piece of the page's
    inline code (``inline_code``) stands whole (not inside a longer word: ``x86`` is not found in
    "x8664"). The same characters elsewhere in the text are marked too: what the page sets as
    code once is code wherever it stands. At most ``MAX_CODE_REGIONS`` places."""
    analysed = sorted((r.start, r.end) for r in regions if r.role in ("body", "headline"))
    starts = [start for start, _ in analysed]
    found: list[Region] = []
    for piece in pieces:
        at = text.find(piece)
        while at >= 0:
            end = at + len(piece)
            whole = not (piece[0].isalnum() and at > 0 and text[at - 1].isalnum()) and not (
                piece[-1].isalnum() and end < len(text) and text[end].isalnum())
            k = bisect_right(starts, at) - 1
            if whole and k >= 0 and end <= analysed[k][1]:
                found.append(Region(at, end, CODE_ROLE))
                if len(found) >= MAX_CODE_REGIONS:
                    return found
            at = text.find(piece, end)
    return found


#: A paragraph of fewer words is preformatted only when it is a whole ``<pre>`` element or a line
#: of one with more than plain words (a heading of a word or two matches a line of code by chance).
PREFORMATTED_WORDS = 3


@dataclass(frozen=True, slots=True)
class Preformatted:
    """The page's preformatted text (its outermost ``<pre>`` elements: program code, terminal
    sessions, samples of files), as whole elements and as lines, whitespace runs made single
    spaces, and how many words it holds."""

    wholes: frozenset[str] = frozenset()
    lines: frozenset[str] = frozenset()
    words: int = 0

    @classmethod
    def of(cls, tree) -> Preformatted:
        wholes, lines, words = set(), set(), 0
        for element in outermost(tree, ("pre",)):
            raw = element.text_content()
            flat = " ".join(raw.split())
            if not flat:
                continue
            wholes.add(flat)
            words += flat.count(" ") + 1
            lines.update(" ".join(line.split()) for line in raw.splitlines() if line.strip())
        return cls(frozenset(wholes), frozenset(lines), words)

    def beside(self, paragraphs: list[str]) -> Preformatted:
        """This, or nothing when it holds half the extracted words or more: then the preformatted
        text is the article itself (a mailing-list archive, a plain-text release)."""
        if not self.wholes or self.words * 2 >= sum(len(p.split()) for p in paragraphs):
            return Preformatted()
        return self

    def holds(self, paragraph: str) -> bool:
        """The paragraph is one of the preformatted texts, or one or more of their lines: of at
        least ``PREFORMATTED_WORDS`` words, or shorter but not only plain words ("appId": "X",
        not "Properties", which a heading and a line of code may both be)."""
        if not self.wholes:
            return False
        flat = " ".join(paragraph.split())
        if not flat:
            return False
        if flat in self.wholes:
            return True
        words = flat.split()
        if len(words) < PREFORMATTED_WORDS:  # a line of code, not a heading of plain words
            # quotation marks and brackets count here: '"appId": "X",' is code
            return flat in self.lines and not all(_PLAIN_WORD.fullmatch(w.strip(".,;:!?")) for w in words)
        lines = [" ".join(line.split()) for line in paragraph.splitlines() if line.strip()]
        return all(line in self.lines for line in lines)


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
    extraction: str = DEFAULT_EXTRACTION,
) -> list[str]:
    """Only the main text's paragraphs (no metadata); ``[]`` when the page does not parse."""
    mode = extraction_mode(extraction)
    tree = parse_tree(decode(html))
    if tree is None:
        return []
    truncate_text(tree)
    return rejoin_broken(extract(tree, url, full_vote=full_vote or mode == "vote", shortcut=shortcut,
                                 fast=mode == "fast", lean=mode == "lean").paragraphs)


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


def assemble(paragraphs: list[str], headline: str | None,
             preformatted: Preformatted | None = None) -> tuple[str, list[Region]]:
    """Join paragraphs with blank lines; one region per paragraph (``headline`` for a leading
    paragraph that repeats the headline, ``furniture`` for program code and reference-list
    entries (``furniture.not_copy``, ``furniture.continued_code``,
    ``furniture.reference_entries``) and for text the page sets preformatted
    (``Preformatted.holds``), ``body`` otherwise)."""
    regions: list[Region] = []
    pieces: list[str] = []
    position = 0
    wanted = comparable(headline) if headline else None
    references = reference_entries(paragraphs) | continued_code(paragraphs)
    for index, paragraph in enumerate(paragraphs):
        if pieces:
            position += 2
        role = "headline" if index == 0 and wanted and comparable(paragraph) == wanted else "body"
        if role == "body" and (not_copy(paragraph) or index in references
                               or (preformatted is not None and preformatted.holds(paragraph))):
            role = "furniture"  # program code, a reference list's entry: not the writer's prose
        regions.append(Region(position, position + len(paragraph), role))
        pieces.append(paragraph)
        position += len(paragraph)
    return "\n\n".join(pieces), regions
