"""Decode and parse a web page once, defensively, into an lxml tree every extractor can share.

Hostile pages this guards against:

- **deep nesting**: libxml2 stops building the tree at depth 256 (2048 with ``huge_tree``), so
  text below that depth silently vanishes. When the parsed tree is deeper than
  :data:`MAX_DEPTH`, the markup is re-emitted by a streaming tokenizer that leaves out tags
  nested deeper than the limit but keeps their text, and parsed again: the text survives and
  later recursive code (readability, jusText's SAX walk) stays shallow;
- **huge attributes** (inline images as data URIs, tracking blobs): attribute values longer than
  :data:`MAX_ATTRIBUTE` characters are dropped, they never carry article text;
- **very many attributes on one element**: libxml2 compares each new attribute of a start tag
  with all the earlier ones, and lxml reads an element's attributes the same way, so one element
  with 40,000 attributes costs minutes. Before parsing, a start tag with more than
  :data:`MAX_ATTRIBUTES` attributes keeps its first ones only (:func:`cap_attributes`, one linear
  pass that copies every other byte of the page unchanged);
- **undecodable bytes**: the encoding is guessed (``trafilatura.utils.decode_file``, which tries
  UTF-8 first); what still fails is replaced, never raised.

Size is capped by the caller (``copydesk.ingest`` rejects inputs over its limit before this).
"""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser

from lxml import etree, html
from lxml.html import HtmlElement
from trafilatura.utils import decode_file

MAX_DEPTH = 200
MAX_ATTRIBUTE = 65_536
#: Attributes kept on one start tag (real markup has a few dozen at most).
MAX_ATTRIBUTES = 256

# The start of what the HTML tokenizer reads as a tag or a comment, and one attribute of a start
# tag (separator, name, optional value) the way the tokenizer splits them: a quoted value runs to
# its closing quote, whatever it contains.
_TAG_OR_COMMENT = re.compile(r"<!--|<([A-Za-z][^\s/>]*)")
_ATTRIBUTE_PATTERN = r"""[\s/]*[^\s/>=][^\s/>=]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?"""
_ATTRIBUTE = re.compile(_ATTRIBUTE_PATTERN)
#: Elements whose content libxml2 reads as text, not markup, up to their end tag (``noscript``
#: is not one of them; ``plaintext`` has no end tag).
_RAW_TEXT = frozenset(
    ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"]
)

_PARSER = html.HTMLParser(
    collect_ids=False,
    default_doctype=False,
    encoding="utf-8",
    remove_comments=True,
    remove_pis=True,
    huge_tree=True,
)


def decode(page: str | bytes) -> str:
    """The page as text: ``str`` unchanged, bytes decoded with a guessed encoding."""
    if isinstance(page, str):
        return page
    return decode_file(page)


def parse_tree(page: str, *, capped: bool = False) -> HtmlElement | None:
    """Parse decoded HTML into a tree, or ``None`` when lxml finds nothing to build.

    The tree is cleaned of over-deep nesting and huge attributes (see the module docstring).
    ``capped=True``: the caller has already passed ``page`` through :func:`cap_attributes`."""
    if not page.strip():
        return None
    if not capped:
        page = cap_attributes(page)
    root = _parse(page)
    if root is None:
        return None
    if deeper_than(root, MAX_DEPTH):
        root = _parse(flatten_markup(page))
        if root is None:
            return None
    drop_huge_attributes(root)
    return root


def _parse(page: str) -> HtmlElement | None:
    # lxml refuses str input that carries an XML encoding declaration; bytes are fine.
    data = page.encode("utf-8", "surrogatepass")
    try:
        return html.fromstring(data, parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


def cap_attributes(page: str, limit: int = MAX_ATTRIBUTES) -> str:
    """``page`` with every start tag that has more than ``limit`` attributes cut after its
    first ``limit`` (the rest of the tag up to its ``>`` removed); the page itself when no tag
    has that many. Linear in the page: each character is read once, comments and the content of
    raw-text elements (``<script>``, ``<style>``, ...) are skipped the way the tokenizer skips
    them."""
    if len(page) <= limit:  # each attribute takes one character at least
        return page
    first_ones, the_rest, too_many = _attribute_runs(limit)
    # one regex pass in C first: a start tag followed by more than ``limit`` attributes anywhere
    # (in comments and raw text too, where the loop below does not look: a superset of what it
    # would cut), so a page without one is returned without the loop
    if too_many.search(page) is None:
        return page
    pieces: list[str] = []
    last = pos = 0
    while (found := _TAG_OR_COMMENT.search(page, pos)) is not None:
        name = found.group(1)
        if name is None:  # a comment: its text is not markup
            end = page.find("-->", found.end())
            pos = len(page) if end < 0 else end + 3
            continue
        # the tag's first ``limit`` attributes, then any further ones, each matched as
        # _ATTRIBUTE.match would match it in turn (one regex call for the run, not one per
        # attribute)
        pos = first_ones.match(page, found.end()).end()
        cut = None
        if _ATTRIBUTE.match(page, pos) is not None:
            cut = pos
            pos = the_rest.match(page, pos).end()
        if cut is not None:
            pieces.append(page[last:cut])
            last = pos
        if name.lower() in _RAW_TEXT:
            close = re.compile(rf"</{re.escape(name)}[\s/>]", re.IGNORECASE).search(page, pos)
            pos = len(page) if close is None else close.start()
    if not pieces:
        return page
    pieces.append(page[last:])
    return "".join(pieces)


@functools.lru_cache(maxsize=4)
def _attribute_runs(limit: int) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Up to ``limit`` attributes in a row, and any number: each attribute an atomic group, so
    the run is the sequence of greedy single matches (no backtracking into an attribute); and a
    start tag's name followed by ``limit + 1`` of them."""
    one = f"(?>{_ATTRIBUTE_PATTERN})"
    return (
        re.compile(f"{one}{{0,{limit}}}"),
        re.compile(f"{one}*"),
        re.compile(rf"<[A-Za-z](?>[^\s/>]*){one}{{{limit + 1}}}"),
    )


def drop_huge_attributes(root: HtmlElement, limit: int = MAX_ATTRIBUTE) -> int:
    """Remove attribute values longer than ``limit`` characters; return how many were removed.

    The long values are found by one XPath query in libxml2 (no Python loop over elements)."""
    removed = 0
    for value in root.xpath("descendant-or-self::*/@*[string-length(.) > $limit]", limit=limit):
        parent = value.getparent()
        if parent is not None and value.attrname in parent.attrib:
            del parent.attrib[value.attrname]
            removed += 1
    return removed


def max_depth(root: HtmlElement) -> int:
    """Depth of the deepest element (the root is depth 1), without recursion."""
    depth = deepest = 0
    for event, _element in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def deeper_than(root: HtmlElement, limit: int) -> bool:
    """Whether some element lies deeper than ``limit`` (the root is depth 1): one XPath query of
    ``limit`` child steps, evaluated in libxml2 (same answer as ``max_depth(root) > limit``)."""
    return bool(_deeper_than(limit)(root))


@functools.lru_cache(maxsize=4)
def _deeper_than(limit: int) -> etree.XPath:
    return etree.XPath("boolean(" + "/".join(["*"] * limit) + ")")


def flatten_markup(page: str, limit: int = MAX_DEPTH) -> str:
    """Rewrite ``page`` so no element is nested deeper than ``limit``.

    A streaming tokenizer (the standard library's, which has no depth limit) re-emits the page;
    start and end tags beyond the limit are left out while their text is kept, in order."""
    flattener = _Flattener(limit)
    flattener.feed(page)
    flattener.close()
    return "".join(flattener.out)


class _Flattener(HTMLParser):
    """Re-emits markup, dropping tags nested deeper than ``limit`` but keeping their text."""

    def __init__(self, limit: int):
        super().__init__(convert_charrefs=False)
        self.limit = limit
        self.stack: list[tuple[str, bool]] = []  # (tag, emitted)
        self.out: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = self.get_starttag_text() or f"<{tag}>"
        if tag in _VOID:
            self.out.append(raw)
            return
        emitted = len(self.stack) < self.limit
        self.stack.append((tag, emitted))
        if emitted:
            self.out.append(raw)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.get_starttag_text() or f"<{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                for name, emitted in reversed(self.stack[index:]):
                    if emitted:
                        self.out.append(f"</{name}>")
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")


_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
)


MAX_TEXT = 2_000_000
_all_text_length = etree.XPath("string-length(string())")
_NO_TEXT = frozenset({"script", "style", "noscript", "template"})


def truncate_text(root: HtmlElement, limit: int = MAX_TEXT) -> bool:
    """Cut the tree after its first ``limit`` characters of text (scripts and styles not
    counted): everything that follows in document order is removed. No article is that long;
    extractors slow down faster than linearly on huge pages. Returns whether anything was cut."""
    # all text, scripts included, is never less than the walk below counts: one libxml2 call
    # settles the usual case
    if _all_text_length(root) + len(root.tail or "") <= limit:
        return False
    size = 0
    cut = None
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in _NO_TEXT:
            continue
        size += len(element.text or "") + len(element.tail or "")
        if size > limit:
            cut = element
            break
    if cut is None:
        return False
    for child in list(cut):
        cut.remove(child)
    node = cut
    while (parent := node.getparent()) is not None:
        following = node.getnext()
        while following is not None:
            after = following.getnext()
            parent.remove(following)
            following = after
        node = parent
    return True
