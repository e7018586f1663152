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
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from copy import deepcopy

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
    """Non-empty, whitespace-normalised lines of ``text``."""
    out = []
    for line in (text or "").split("\n"):
        line = _SPACE.sub(" ", line).strip()
        if line:
            out.append(line)
    return out


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
    large = _text_size(tree) > LARGE_PAGE
    candidates: list[list[str]] = []
    for index, (name, voter) in enumerate(VOTERS):
        if large and name in _SLOW_ON_LARGE:
            candidates.append([])
            continue
        candidates.append(run_voter(voter, tree, url))
        if shortcut is not None and index == 1 and candidates[0]:
            agreement = similarity(
                shingles("\n".join(candidates[0])), shingles("\n".join(candidates[1]))
            )
            if agreement >= shortcut:
                return VOTERS[0][0], candidates[0]
    winner = medoid(candidates)
    return VOTERS[winner][0], candidates[winner]


def _text_size(tree: HtmlElement) -> int:
    """Characters of text in the tree (stops counting past LARGE_PAGE)."""
    size = 0
    for text in tree.itertext():
        size += len(text)
        if size > LARGE_PAGE:
            break
    return size
