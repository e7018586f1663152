"""Inline program code on a web page (``<code>``, ``<kbd>``, …) is no prose: its quotation marks
and words are not judged, while the prose around it still is."""

from __future__ import annotations

from copydesk.ingest.extract_tree import parse_tree
from copydesk.ingest.html import code_regions, inline_code, parse_html
from copydesk.model import CODE_ROLE, Article, Region, code_spans, mask_spans

PROSE = (
    "The port to the new version of the language took the team most of last year, and the "
    "maintainers wrote at length about what it cost them and their users along the way."
)


def page(paragraph: str) -> str:
    return (
        "<html><head><title>Porting a large program</title></head><body><article>"
        "<h1>Porting a large program</h1>"
        f"<p>{PROSE}</p><p>{paragraph}</p><p>{PROSE}</p>"
        "</article></body></html>"
    )


CODE_PARAGRAPH = (
    "A mass insertion of {b} prefixes everywhere was not desirable, as it would make every "
    "developer think about whether a value was bytes or text, which they never had to do before."
)


def shipped(desk, html: str):
    article = parse_html(html, source="port.html")
    return [f for f in desk.check_article(article).findings if f.check == "quotes.unbalanced"]


def test_a_quotation_mark_inside_code_is_no_quotation(desk):
    with_code = page(CODE_PARAGRAPH.format(b="<code>b''</code>"))
    without = page(CODE_PARAGRAPH.format(b="b''"))
    assert shipped(desk, without), "the bare '' is read as a closing mark that never opened"
    assert shipped(desk, with_code) == []


def test_code_regions_lie_where_the_code_stands():
    article = parse_html(page(CODE_PARAGRAPH.format(b="<code>b''</code>")), source="port.html")
    spans = code_spans(article)
    assert [article.text[s:e] for s, e in spans] == ["b''"]
    assert all(r.role != CODE_ROLE or r.end - r.start == 3 for r in article.regions)


def test_the_prose_around_code_is_still_checked(desk):
    paragraph = CODE_PARAGRAPH.format(b="<code>b''</code>") + ' He said: "It was worth it.'
    found = shipped(desk, page(paragraph))
    assert [f.text[:1] for f in found] == ['"']


def test_plain_words_punctuation_and_single_characters_are_not_code():
    tree = parse_tree(
        "<p><code>bytes</code> <code>Python</code> <code>,</code> <code>==</code> <code>x</code>"
        " <code>argv[1]</code> <code>snake_case</code> <code>''</code> <code>argv[1]</code></p>")
    assert inline_code(tree) == ["argv[1]", "snake_case", "''"]


def test_code_is_found_whole_and_only_in_analysed_paragraphs():
    text = "use x86 here\n\nx8664 and x86\n\nmenu x86"
    regions = [Region(0, 12, "body"), Region(14, 27, "body"), Region(29, 37, "furniture")]
    found = code_regions(text, regions, ["x86"])
    assert [(r.start, r.end) for r in found] == [(4, 7), (24, 27)]


def test_overlapping_code_is_merged_and_masked_without_moving_offsets():
    text = "from os import path is fine"
    article = Article(text=text, regions=[Region(0, len(text), "body"), Region(0, 7, CODE_ROLE),
                                          Region(0, 19, CODE_ROLE)])
    spans = code_spans(article)
    assert spans == [(0, 19)]
    masked = mask_spans(text, spans)
    assert len(masked) == len(text) and masked.endswith(" is fine") and '"' not in masked


def test_paragraphs_the_page_sets_preformatted_are_not_prose():
    sample = ("Welcome to the docs! The init command has created a basic file struture in your"
              " project to help you get started.")
    html = page("Run the command below, and it writes a first page for you.").replace(
        "</article>", f"<pre><code>// index.mdx\ntitle: Welcome\n\n{sample}</code></pre></article>")
    article = parse_html(html, source="docs.html")
    roles = {article.text[r.start:r.end]: r.role for r in article.regions}
    assert roles.get(sample) == "furniture"
    assert roles.get(PROSE) == "body"


def test_a_page_that_is_all_preformatted_is_read_as_prose():
    from copydesk.ingest.html import Preformatted
    tree = parse_tree(f"<html><body><pre>{PROSE}</pre><pre>x = 1\ny = 2</pre></body></html>")
    pre = Preformatted.of(tree)
    assert pre.wholes == {PROSE, "x = 1 y = 2"} and "y = 2" in pre.lines
    assert not pre.beside([PROSE, PROSE]).wholes  # half the words or more: the article
    assert pre.beside([PROSE] * 4).holds("x = 1")
    assert not pre.beside([PROSE] * 4).holds("y")  # short plain words: a heading may be that
    assert pre.beside([PROSE] * 4).holds("y = 2")
    json = Preformatted.of(parse_tree('<pre>{\n"appId": "X",\n}</pre>')).beside([PROSE] * 4)
    assert json.holds('"appId": "X",')


def test_nested_code_is_read_once():
    nested = "<code>" * 50 + "b''" + "</code>" * 50
    assert inline_code(parse_tree(f"<p>{nested} and <kbd>ctrl+c</kbd></p>")) == ["b''", "ctrl+c"]


def test_code_that_reads_as_prose_or_a_word_is_not_code():
    tree = parse_tree("<p><code>it's</code> <tt>The mayor said the the plan was dead.</tt>"
                      " <code>The council will recieve it</code> <code>x = f(a)</code></p>")
    assert inline_code(tree) == ["x = f(a)"]


def test_the_places_of_code_are_capped():
    from copydesk.ingest.html import MAX_CODE_REGIONS
    text = " ".join(["x=1"] * (MAX_CODE_REGIONS + 500))
    found = code_regions(text, [Region(0, len(text), "body")], ["x=1"])
    assert len(found) == MAX_CODE_REGIONS
