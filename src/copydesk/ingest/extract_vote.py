"""Main-text extraction by agreement between independent extractors (a medoid vote).

Each extractor makes its own kind of mistake: trafilatura sometimes keeps a comment thread or a
"related stories" list, readability sometimes keeps only the largest block, jusText drops short
paragraphs. Mistakes rarely coincide, while the true article text is what they share. So we run
several extractors on the same parsed tree and keep the candidate that is most similar, by word
4-gram shingles (:mod:`copydesk.ingest.extract_score`), to all the others: the medoid. Nothing is
tuned per page or per site; the only choice is the panel of voters:

- trafilatura with ``favor_precision`` and trafilatura with ``favor_recall`` (the two ends of its
  own precision/recall dial; the default setting sits between them and would give one library
  three votes of five),
- readability-lxml (Arc90's content-scoring algorithm),
- jusText (paragraph classification by stop-word density and link density).

Cost grows faster than page size (jusText's paragraph revision is quadratic: 14 s on a 2 MB
page, a minute on 4 MB; trafilatura-precision takes 22 s on 12 MB), so pages with more than
:data:`LARGE_PAGE` characters of text (far beyond any news article) are judged by the two
fastest voters only, trafilatura-recall and readability.

Every voter returns paragraphs (a list of strings), so the winner keeps its paragraph breaks.
Ties go to the earlier voter in :data:`VOTERS`. A voter that fails returns no paragraphs and
simply loses the vote.

The vote costs four extractors a page. :func:`extract` (the default path) first asks cheaper
questions and holds the vote only where they leave doubt (a cascade):

1. trafilatura's recall end *without its own fallback* (``fast=True``: no readability/jusText
   comparison inside trafilatura). When its text is short *and* covers little of the page
   (under :data:`SHORT_TEXT` characters and under :data:`PAGE_SHARE` of the page's text as
   trafilatura's ``html2txt`` reads it: the rule trafilatura itself uses to call its own
   extraction an under-extraction and retry), the page is unsure: vote.
2. When the recall end's text reads as plain prose (:func:`looks_like_prose`: no list items, no
   table rows, every paragraph but the first ending like a sentence), it is returned: the
   boilerplate the precision end would drop reaches trafilatura's text output as list items,
   table rows or unpunctuated lines (box headings, link lines), and there are none.
3. trafilatura's precision end, also without fallback. When the two ends of the dial disagree
   (shingle similarity under :data:`AGREEMENT`), one of them kept something the other dropped
   (a related-stories list, a comment box, a missed block): unsure, vote.
4. Otherwise the two ends agree on a text of reasonable size: the recall end's text is returned
   (when they agree, it is the one that loses less).

Pages over :data:`LARGE_PAGE` characters of text go straight to the (reduced) vote.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass

import justext
import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from readability import Document

from copydesk.ingest.extract_score import shingles, similarity

Voter = Callable[[HtmlElement, str | None], list[str]]

_SPACE = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLOCK_TAGS = frozenset(
    ["p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "th", "dt", "dd", "figcaption", "section", "article", "tr"]
)
_STOPLIST = frozenset(justext.get_stoplist("English"))

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("readability").setLevel(logging.CRITICAL)


def _lines(text: str | None) -> list[str]:
    """Non-empty, whitespace-normalised lines of ``text`` (one substitution over the whole text:
    ``_SPACE`` does not match a line break)."""
    return [line for line in (part.strip() for part in _SPACE.sub(" ", text or "").split("\n")) if line]


def _trafilatura(tree: HtmlElement, url: str | None, **options: bool) -> list[str]:
    text = trafilatura.extract(
        tree, url=url, include_comments=False, include_tables=True, **options
    )
    return _lines(text)


def trafilatura_precision(tree: HtmlElement, url: str | None) -> list[str]:
    """trafilatura, ``favor_precision=True``, comments excluded."""
    return _trafilatura(tree, url, favor_precision=True)


def trafilatura_recall(tree: HtmlElement, url: str | None) -> list[str]:
    """trafilatura, ``favor_recall=True``, comments excluded."""
    return _trafilatura(tree, url, favor_recall=True)


def trafilatura_recall_fast(tree: HtmlElement, url: str | None) -> list[str]:
    """trafilatura, ``favor_recall=True``, ``fast=True`` (no fallback extractors), comments
    excluded: the cascade's first, cheap extractor."""
    return _trafilatura(tree, url, favor_recall=True, fast=True)


def trafilatura_precision_fast(tree: HtmlElement, url: str | None) -> list[str]:
    """trafilatura, ``favor_precision=True``, ``fast=True``, comments excluded: the cascade's
    second opinion."""
    return _trafilatura(tree, url, favor_precision=True, fast=True)


def trafilatura_default(tree: HtmlElement, url: str | None) -> list[str]:
    """trafilatura's default settings, comments excluded (the baseline; not a voter)."""
    return _trafilatura(tree, url)


def readability_text(tree: HtmlElement, url: str | None) -> list[str]:
    """readability-lxml's summary, split into paragraphs at block elements."""
    summary = Document(deepcopy(tree), url=url).summary(html_partial=True)
    if not summary:
        return []
    from lxml import html as lxml_html

    fragment = lxml_html.fragment_fromstring(summary, create_parent="div")
    return block_paragraphs(fragment)


def block_paragraphs(root: HtmlElement) -> list[str]:
    """The text of ``root`` with a paragraph break at every block element boundary."""
    pieces: list[str] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _BLOCK_TAGS or tag == "br":
                pieces.append("\n")
            if element.text:
                pieces.append(element.text)
        else:
            if tag in _BLOCK_TAGS:
                pieces.append("\n")
            if element.tail and element is not root:
                pieces.append(element.tail)
    return _lines("".join(pieces))


def justext_text(tree: HtmlElement, url: str | None) -> list[str]:
    """jusText's non-boilerplate paragraphs (English stop list)."""
    dom = justext.core.preprocessor(deepcopy(tree))
    paragraphs = justext.core.ParagraphMaker.make_paragraphs(dom)
    justext.core.classify_paragraphs(paragraphs, _STOPLIST)
    justext.core.revise_paragraph_classification(paragraphs)
    return _lines("\n".join(p.text for p in paragraphs if not p.is_boilerplate))


VOTERS: tuple[tuple[str, Voter], ...] = (
    ("trafilatura-precision", trafilatura_precision),
    ("trafilatura-recall", trafilatura_recall),
    ("readability", readability_text),
    ("justext", justext_text),
)


LARGE_PAGE = 1_000_000
_SLOW_ON_LARGE = frozenset({"justext", "trafilatura-precision"})


def run_voter(voter: Voter, tree: HtmlElement, url: str | None) -> list[str]:
    """Run one extractor; any failure inside a third-party library counts as no text."""
    try:
        return voter(tree, url)
    except Exception:  # noqa: BLE001 -- a voter's crash must not sink the page
        return []


def medoid(candidates: list[list[str]]) -> int:
    """Index of the candidate with the highest summed shingle similarity to the others.

    Empty candidates never win unless every candidate is empty (then index 0)."""
    sets = [shingles("\n".join(c)) for c in candidates]
    best, best_score = 0, -1.0
    for i, own in enumerate(sets):
        if not own:
            continue
        score = sum(similarity(own, other) for j, other in enumerate(sets) if j != i)
        if score > best_score:
            best, best_score = i, score
    return best


def vote(
    tree: HtmlElement, url: str | None = None, *, shortcut: float | None = None
) -> tuple[str, list[str]]:
    """Run the voters on ``tree`` and return (winner's name, winner's paragraphs).

    With ``shortcut`` set (e.g. 0.99), when the first two voters (trafilatura's precision and
    recall ends) already agree at least that closely, the first one wins without running the
    others: about three times faster, slightly less accurate (see docs/BENCHMARKS.md)."""
    winner, paragraphs, _ran = _run_vote(tree, url, shortcut)
    return winner, paragraphs


def _run_vote(
    tree: HtmlElement, url: str | None, shortcut: float | None
) -> tuple[str, list[str], tuple[str, ...]]:
    """(winner's name, winner's paragraphs, names of the voters that ran)."""
    large = _text_size(tree) > LARGE_PAGE
    candidates: list[list[str]] = []
    ran: list[str] = []
    for index, (name, voter) in enumerate(VOTERS):
        if large and name in _SLOW_ON_LARGE:
            candidates.append([])
            continue
        candidates.append(run_voter(voter, tree, url))
        ran.append(name)
        if shortcut is not None and index == 1 and candidates[0]:
            agreement = similarity(
                shingles("\n".join(candidates[0])), shingles("\n".join(candidates[1]))
            )
            if agreement >= shortcut:
                return VOTERS[0][0], candidates[0], tuple(ran)
    winner = medoid(candidates)
    return VOTERS[winner][0], candidates[winner], tuple(ran)


#: trafilatura's own under-extraction rule (its ``ESCALATION_MAX_LENGTH`` and
#: ``ESCALATION_PAGE_SHARE``): an extraction shorter than this many characters ...
SHORT_TEXT = 3000
#: ... and covering less than this share of the page's text is suspect.
PAGE_SHARE = 0.2
#: The two ends of trafilatura's precision/recall dial agree when their texts' shingle
#: similarity is at least this.
AGREEMENT = 0.95

CASCADE: tuple[tuple[str, Voter], ...] = (
    ("trafilatura-recall-fast", trafilatura_recall_fast),
    ("trafilatura-precision-fast", trafilatura_precision_fast),
)


@dataclass(frozen=True)
class Extraction:
    """What :func:`extract` decided: the winning extractor and its paragraphs, every extractor
    that ran (in order), and why the cascade stopped where it did."""

    winner: str
    paragraphs: list[str]
    ran: tuple[str, ...]
    reason: str  # "prose", "agree", "short", "disagree", "large page", "full vote", "fast", "fast, short",
    # and the lean form's "lean", "lean, short", "lean, empty", "lean, one block", "lean, furniture"


def extract(
    tree: HtmlElement,
    url: str | None = None,
    *,
    full_vote: bool = False,
    shortcut: float | None = None,
    agreement: float = AGREEMENT,
    fast: bool = False,
    lean: bool = False,
) -> Extraction:
    """The page's main text: the cascade described in the module docstring, or with
    ``full_vote=True`` the vote of all voters on every page (``shortcut`` applies to the
    vote), or with ``fast=True`` the cascade's first extractor alone, and trafilatura's own
    extraction (with its fallbacks) where that one is short: about trafilatura's speed, a little
    less accurate than the cascade (docs/BENCHMARKS.md). Pages over LARGE_PAGE characters of text
    go to the two-voter vote whatever is asked (but ``full_vote``). With ``lean=True``, the lean
    form (:func:`extract_lean`; it removes the tree's scripts and style sheets first)."""
    if lean and not full_vote:
        return extract_lean(tree, url, shortcut=shortcut, agreement=agreement)
    if full_vote or _text_size(tree) > LARGE_PAGE:
        return _vote(tree, url, (), "full vote" if full_vote else "large page", shortcut)
    (recall_name, recall_voter), (precision_name, precision_voter) = CASCADE
    recall = run_voter(recall_voter, tree, url)
    if fast:
        if not is_short(recall, tree):
            return Extraction(recall_name, recall, (recall_name,), "fast")
        fallback = run_voter(trafilatura_default, tree, url)
        if not fallback:
            return Extraction(recall_name, recall, (recall_name, "trafilatura"), "fast, short")
        return Extraction("trafilatura", fallback, (recall_name, "trafilatura"), "fast, short")
    if is_short(recall, tree):
        return _vote(tree, url, (recall_name,), "short", shortcut)
    if looks_like_prose(recall):
        return Extraction(recall_name, recall, (recall_name,), "prose")
    precision = run_voter(precision_voter, tree, url)
    ran = (recall_name, precision_name)
    if similarity(shingles("\n".join(recall)), shingles("\n".join(precision))) < agreement:
        return _vote(tree, url, ran, "disagree", shortcut)
    return Extraction(recall_name, recall, ran, "agree")


#: How a paragraph of running text ends: sentence punctuation, possibly inside a closing quote
#: or bracket.
PROSE_END = (".", "!", "?", ":", ";", '"', "\u201d", "\u2019", "'", ")", "\u2026", "\u00bb", "\u201c")


def looks_like_prose(paragraphs: list[str]) -> bool:
    """Whether the recall end's text has none of the shapes in which the boilerplate that the
    precision end would drop reaches trafilatura's text output, so that no second opinion is
    needed: at least two paragraphs, no list item (trafilatura's ``- `` marker: related-stories
    lists, share and tag links, navigation), no table row (``|``: layout tables), and every
    paragraph after the first ends like a sentence (headings of boxes such as "Most read" or
    "Sign up for our newsletter", link-only lines, captions, buttons and bylines do not). The
    first paragraph is often the headline and is not judged. A single paragraph is not prose:
    it is how a page looks when trafilatura fell back to one undivided block."""
    if len(paragraphs) < 2:
        return False
    if any(p.startswith(("- ", "|")) for p in paragraphs):
        return False
    return all(p.endswith(PROSE_END) for p in paragraphs[1:])


def is_short(paragraphs: list[str], tree: HtmlElement) -> bool:
    """trafilatura's under-extraction test: under :data:`SHORT_TEXT` characters and under
    :data:`PAGE_SHARE` of the page's text (``trafilatura.html2txt``, only computed for short
    texts, and only when a cheap upper bound on it cannot settle the question: :class:`_PageText`).
    No text at all is short."""
    return _PageText(tree).is_short(paragraphs)


def _vote(
    tree: HtmlElement, url: str | None, ran: tuple[str, ...], reason: str,
    shortcut: float | None,
) -> Extraction:
    winner, paragraphs, voted = _run_vote(tree, url, shortcut)
    return Extraction(winner, paragraphs, ran + voted, reason)


_TEXT_LENGTH = etree.XPath("string-length(string())")


def _text_size(tree: HtmlElement) -> int:
    """Characters of text in the tree (all of ``itertext()``, counted inside libxml2)."""
    return int(_TEXT_LENGTH(tree))


def extract_lean(
    tree: HtmlElement,
    url: str | None = None,
    *,
    shortcut: float | None = None,
    agreement: float = AGREEMENT,
) -> Extraction:
    """The lean form (``extraction="lean"``): the cascade's questions, each answered by at most
    one more extractor and never by the four-extractor vote, so that a page costs about one plain
    trafilatura call on average (docs/html.md). Removes the tree's scripts and style sheets first
    (:func:`drop_scripts`), so the tree is changed.

    1. trafilatura's recall end without its fallback, as the cascade's first step.
    2. When its text is short (:func:`is_short`), trafilatura's own extraction with its fallbacks
       (as the fast form). When that finds nothing either, readability, then jusText (the
       independent extractors: trafilatura found no text at all). When it gives back the recall
       end's text (similarity at least ``agreement``) or nothing, the short text is all
       trafilatura sees: the precision end is asked, and its text is kept when it reads as plain
       prose (:func:`looks_like_prose`), as a short article does without the captions, links and
       boxes the recall end kept around it.
    3. When the recall end's text is one undivided block (how trafilatura's text looks when it
       fell back to a layout table or a whole container), readability's, unless that is short.
    4. When the text ends with furniture (:func:`ends_with_furniture`: a related-stories list, a
       box of links after the article), the precision end; its text is kept when the two ends
       disagree (similarity under ``agreement``) and it is not short, else the recall end's.
    5. Otherwise the recall end's text.

    Pages over :data:`LARGE_PAGE` characters of text (counted without scripts and style sheets)
    go to the two-voter vote, as in the cascade (``shortcut`` applies to that vote)."""
    drop_scripts(tree)
    if _text_size(tree) > LARGE_PAGE:
        return _vote(tree, url, (), "large page", shortcut)
    page = _PageText(tree)
    (recall_name, recall_voter), (precision_name, precision_voter) = CASCADE
    recall = run_voter(recall_voter, tree, url)
    ran: tuple[str, ...] = (recall_name,)
    if page.is_short(recall):
        fallback = run_voter(trafilatura_default, tree, url)
        ran += ("trafilatura",)
        if not recall and not fallback:
            for name, voter in (("readability", readability_text), ("justext", justext_text)):
                paragraphs = run_voter(voter, tree, url)
                ran += (name,)
                if paragraphs:
                    return Extraction(name, paragraphs, ran, "lean, empty")
            return Extraction(recall_name, recall, ran, "lean, empty")
        if not fallback or _agree(fallback, recall, agreement):
            precision = run_voter(precision_voter, tree, url)
            ran += (precision_name,)
            if looks_like_prose(precision):
                return Extraction(precision_name, precision, ran, "lean, short")
        if fallback:
            return Extraction("trafilatura", fallback, ran, "lean, short")
        return Extraction(recall_name, recall, ran, "lean, short")
    if len(recall) == 1:
        other = run_voter(readability_text, tree, url)
        ran += ("readability",)
        if other and not page.is_short(other):
            return Extraction("readability", other, ran, "lean, one block")
        return Extraction(recall_name, recall, ran, "lean, one block")
    if not ends_with_furniture(recall):
        return Extraction(recall_name, recall, ran, "lean")
    precision = run_voter(precision_voter, tree, url)
    ran += (precision_name,)
    if page.is_short(precision) or _agree(recall, precision, agreement):
        return Extraction(recall_name, recall, ran, "lean, furniture")
    return Extraction(precision_name, precision, ran, "lean, furniture")


def ends_with_furniture(paragraphs: list[str]) -> bool:
    """Whether the text ends with a run of lines that do not read as sentences (list items, table
    rows, lines without sentence punctuation) holding at least one list item: how a
    related-stories list, a box of links or a newsletter sign-up after the article reaches
    trafilatura's text output. A list inside the article is followed by more prose, and a text
    whose last line is a sentence does not end with furniture. A copyright notice is the page's
    own last line, not the article's ("Copyright © 2024 The Times. All rights reserved."): it is
    passed over, as it would be after a related-stories list."""
    for paragraph in reversed(paragraphs):
        if paragraph.startswith("- "):
            return True
        if _COPYRIGHT.search(paragraph) and len(paragraph) <= COPYRIGHT_LINE:
            continue
        if not paragraph.startswith("|") and paragraph.endswith(PROSE_END):
            return False
    return False


#: A copyright notice: "Copyright © 1999-2024 …", "© 2024 …", "(c) 2024 …", "… All rights reserved."
_COPYRIGHT = re.compile(r"^\s*(?:copyright\b|©|\(c\)\s*\d{4})|\ball rights reserved\b", re.IGNORECASE)
#: The longest line read as a copyright notice (a notice is a line, not a paragraph of the article).
COPYRIGHT_LINE = 200


def _agree(left: list[str], right: list[str], agreement: float) -> bool:
    """Whether the two texts' shingle similarity is at least ``agreement`` (the same texts agree
    without being compared shingle by shingle)."""
    if left == right and left:
        return True
    return similarity(shingles("\n".join(left)), shingles("\n".join(right))) >= agreement


def drop_scripts(tree: HtmlElement) -> None:
    """Remove ``<script>`` elements (but JSON-LD, which trafilatura reads) and ``<style>``
    elements from ``tree``, keeping the text that follows them. Every extractor removes them
    before it reads the page, and trafilatura copies the whole tree at least twice a pass, so
    doing it once beforehand saves that work without changing any extractor's text."""
    for element in list(tree.iter("script", "style")):
        if element.tag == "script" and (element.get("type") or "").strip().lower() == "application/ld+json":
            continue
        element.drop_tree()


_BODY_TEXT = etree.XPath("//body//text()[not(ancestor::script or ancestor::style)]")
_BODY_ELEMENTS = etree.XPath("count(//body//*)")


class _PageText:
    """:func:`is_short` for one page, with the page's ``html2txt`` length computed at most once,
    and only when a cheap upper bound on it cannot settle the question."""

    def __init__(self, tree: HtmlElement) -> None:
        self.tree = tree
        self.bound: int | None = None
        self.size: int | None = None
        self.measured = False

    def is_short(self, paragraphs: list[str]) -> bool:
        size = len("\n".join(paragraphs))
        if size >= SHORT_TEXT:
            return False
        if size == 0:
            return True
        if not self.measured:
            if self.bound is None:
                self.bound = page_text_bound(self.tree)
            if self.bound is not None and size >= PAGE_SHARE * self.bound:
                return False
            try:
                self.size = len(trafilatura.html2txt(self.tree))
            except Exception:  # noqa: BLE001 -- cannot measure the page: treat the text as short
                self.size = None
            self.measured = True
        return self.size is None or size < PAGE_SHARE * self.size


def page_text_bound(tree: HtmlElement) -> int | None:
    """An upper bound on ``len(trafilatura.html2txt(tree))``, at a fraction of its cost; None when
    the tree has no ``<body>`` (then html2txt reads the whole tree). html2txt takes the body's text
    without scripts and style sheets (and without a few other boxes), puts a space at both ends of
    every block element's text and collapses runs of white space into one space: so its length is
    at most that of the body's text nodes outside scripts and style sheets, joined by spaces and
    collapsed, plus two spaces for every element."""
    if tree.find(".//body") is None:
        return None
    text = " ".join(_BODY_TEXT(tree))
    return len(" ".join(text.split())) + 2 * int(_BODY_ELEMENTS(tree)) + 1
