"""HTML ingest: main text, boilerplate, paragraphs, metadata, hostile pages.

Pages under tests/fixtures/html/ were written for these tests."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from copydesk.errors import IngestError
from copydesk.ingest import extract_jsonld, extract_tree
from copydesk.ingest.extract_dates import parse_date, visible_dates
from copydesk.ingest.extract_score import shingle_match, shingles, similarity, summarise
from copydesk.ingest.extract_tree import (
    MAX_ATTRIBUTES,
    cap_attributes,
    drop_huge_attributes,
    max_depth,
    parse_tree,
)
from copydesk.ingest.extract_vote import medoid
from copydesk.ingest.html import parse_html
from copydesk.ingest.metadata import choose_headline, extract_metadata, url_date

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def news():
    return parse_html(fixture("news_article.html"), source="news_article.html")


@pytest.fixture(scope="module")
def blog():
    return parse_html(fixture("blog_post.html"), source="blog_post.html")


# --- main text ---------------------------------------------------------------------------


def test_boilerplate_is_removed(news):
    for chrome in ("Subscribe to our newsletter", "Related stories", "Privacy Policy",
                   "All rights reserved", "Reader99", "Fish market traders fear"):
        assert chrome not in news.text


def test_every_article_paragraph_is_kept(news):
    assert "The harbour council voted on Tuesday evening" in news.text
    assert "cutting waiting times for the thousands of commuters" in news.text
    assert "“This is the most important decision" in news.text


def test_paragraphs_are_separated_by_blank_lines(news):
    first = "The harbour council voted on Tuesday evening"
    second = "Councillors backed the plan by eleven votes"
    start = news.text.index(first)
    between = news.text[start : news.text.index(second)]
    assert between.endswith(".\n\n")


def test_regions_cover_each_paragraph_exactly(news):
    body = [r for r in news.regions if r.role == "body"]
    paragraphs = [p for p in news.text.split("\n\n")]
    texts = [news.text[r.start : r.end] for r in news.regions]
    assert texts == paragraphs
    assert len(body) >= 6


def test_headline_not_duplicated_into_body_regions(news):
    for region in news.regions:
        if news.text[region.start : region.end] == news.headline:
            assert region.role == "headline"


def test_page_without_article_raises_no_article():
    with pytest.raises(IngestError) as caught:
        parse_html(fixture("no_article.html"), source="login.html")
    assert caught.value.kind == "no-article"
    assert caught.value.source == "login.html"


def test_empty_page_raises_parse_error():
    with pytest.raises(IngestError) as caught:
        parse_html(b"   ", source="blank.html")
    assert caught.value.kind == "parse"


def test_bytes_in_latin1_are_decoded():
    page = fixture("news_article.html").replace('charset="utf-8"', 'charset="iso-8859-1"')
    page = page.replace("“", '"').replace("”", '"').replace("©", "(c)")
    raw = page.replace("island passengers", "island passengers, café owners").encode("latin-1")
    article = parse_html(raw, source="latin1.html")
    assert "café owners" in article.text


# --- hostile pages -------------------------------------------------------------------------


def deep_page(depth: int) -> str:
    paragraph = (
        "<p>The flood barrier was raised twice overnight as the river reached its highest level "
        "since records began, and engineers stayed on the embankment until dawn.</p>"
    )
    body = paragraph * 4
    return ("<html><head><title>Flood</title></head><body>" + "<div>" * depth + body
            + "</div>" * depth + "</body></html>")


@pytest.mark.parametrize("depth", [300, 3000])
def test_text_below_lxml_depth_limit_survives(depth):
    article = parse_html(deep_page(depth), source="deep.html")
    assert "flood barrier was raised twice" in article.text


def test_deep_tree_is_flattened_to_a_safe_depth():
    tree = parse_tree(deep_page(3000))
    assert tree is not None
    assert max_depth(tree) <= 210


def test_huge_attribute_is_dropped_and_text_kept():
    blob = "x" * 2_000_000
    page = fixture("news_article.html").replace(
        "<article>", f'<article data-tracking="{blob}">'
    )
    tree = parse_tree(page)
    assert all(len(v) < 100_000 for e in tree.iter() for v in e.attrib.values())
    assert "harbour council voted" in parse_html(page, source="big.html").text


def test_drop_huge_attributes_counts_removals():
    tree = parse_tree('<html><body><p title="' + "y" * 70_000 + '">text</p></body></html>')
    assert drop_huge_attributes(tree) == 0  # parse_tree already removed it
    assert tree.find(".//p").get("title") is None


def test_element_with_40000_attributes_is_parsed_once_with_its_first_attributes(monkeypatch):
    attributes = "".join(f' data-a{k}="v{k % 10}"' for k in range(40_000))
    page = fixture("news_article.html").replace("<article>", f"<article{attributes}>")
    parsed: list[str] = []
    parse = extract_tree._parse
    monkeypatch.setattr(extract_tree, "_parse", lambda markup: parsed.append(markup) or parse(markup))
    dated: list[str] = []
    import htmldate

    find_date = htmldate.find_date
    monkeypatch.setattr(htmldate, "find_date", lambda html, **kw: dated.append(html) or find_date(html, **kw))
    article = parse_html(page, source="attributes.html")
    assert "harbour council voted" in article.text
    assert len(parsed) == 1  # one parse by lxml, and the tree is shared by every extractor
    for markup in parsed + dated:  # what libxml2 reads (htmldate parses its own copy)
        assert markup.count("data-a") == MAX_ATTRIBUTES
    assert len(parse_tree(page).find(".//article").attrib) == MAX_ATTRIBUTES


def test_cap_attributes_leaves_ordinary_markup_untouched():
    page = fixture("news_article.html")
    assert cap_attributes(page) is page
    many = "".join(f" a{k}" for k in range(300))
    script = f"<script>if (a <b{many}) {{}}</script><!-- <i{many}> --><p{many}>text</p>"
    capped = cap_attributes(script)
    assert capped.startswith(f"<script>if (a <b{many}) {{}}</script><!-- <i{many}> -->")  # not markup
    kept = "".join(f" a{k}" for k in range(MAX_ATTRIBUTES))
    assert capped.endswith(f"<p{kept}>text</p>")


def test_cap_attributes_boundary_and_places_that_are_not_markup():
    many = "".join(f" a{k}" for k in range(MAX_ATTRIBUTES + 1))
    exactly = "".join(f" a{k}" for k in range(MAX_ATTRIBUTES))
    for page in (f"<p{exactly}>text</p>", f"<script>x = '<b{many}>'</script><!-- <i{many}> --><p>t</p>"):
        assert cap_attributes(page) is page
    quoted = "".join(f'a{k}="v"' for k in range(MAX_ATTRIBUTES + 1))  # no space between them
    assert cap_attributes(f"<p {quoted}>t</p>").count('="v"') == MAX_ATTRIBUTES
    assert cap_attributes(f"<p{many}>t</p>") == f"<p{exactly}>t</p>"


# --- metadata --------------------------------------------------------------------------------


def test_published_from_jsonld_graph_skips_website_object(news):
    assert news.published == datetime(2023, 4, 18, 9, 30)
    assert news.meta["sources"]["published"] == "jsonld"


def test_updated_from_jsonld(news):
    assert news.updated == datetime(2023, 4, 18, 16, 5)


def test_byline_section_language_url(news):
    assert news.byline == "Maria Okafor, Tom Reilly"
    assert news.section == "Local News"
    assert news.language == "en"
    assert news.url == "https://courier.example/news/2023/04/18/ferry-terminal"


def test_given_url_wins_over_canonical():
    article = parse_html(fixture("news_article.html"), source="x", url="https://given.example/a")
    assert article.url == "https://given.example/a"


def test_headline_without_site_suffix(news):
    assert news.headline == "Harbour council approves new ferry terminal"


def test_malformed_jsonld_falls_back_to_meta_dates(blog):
    # JSON-LD has a trailing comma (repaired) but "not a date"; the other block is garbage.
    assert blog.published == datetime(2022, 11, 3, 8, 0)
    assert blog.meta["sources"]["published"] == "parsely-pub-date"


def test_modified_time_from_open_graph(blog):
    assert blog.updated == datetime(2022, 11, 5, 10, 0)


def test_site_banner_h1_is_not_the_headline(blog):
    assert blog.headline == "Why the town library kept its Sunday hours"


def test_meta_name_dates_in_order_of_strength():
    page = ("<html><head><meta name='DC.date' content='2021-03-02'>"
            "<meta name='sailthru.date' content='2021-03-01 10:00:00'></head><body></body></html>")
    meta = extract_metadata(parse_tree(page))
    assert meta.published == datetime(2021, 3, 1, 10, 0)


def test_open_graph_published_time():
    page = ("<html><head><meta property='article:published_time' "
            "content='2020-06-07T23:30:00-04:00'></head><body><p>x</p></body></html>")
    # the page's own wall-clock day is kept (June 7), not shifted to UTC (June 8)
    assert extract_metadata(parse_tree(page)).published == datetime(2020, 6, 7, 23, 30)


def test_url_day_corrects_a_utc_shifted_timestamp():
    page = ("<html><head><meta property='article:published_time' "
            "content='2020-02-18T02:00:00Z'></head><body><p>x</p></body></html>")
    meta = extract_metadata(parse_tree(page), url="https://paper.example/2020/02/17/story")
    assert meta.published == datetime(2020, 2, 17)


def test_visible_date_under_headline_when_markup_has_none():
    page = ("<html><body><h1>Storm closes the coast road</h1><p>By Ann Lee</p>"
            "<p>Last updated: May 3, 2024</p><p>Published: April 29, 2024</p>"
            "<p>The coast road was closed on Monday.</p></body></html>")
    meta = extract_metadata(parse_tree(page))
    assert meta.published == datetime(2024, 4, 29)


def test_headline_agreement_strips_site_name():
    offered = {"og": "Mayor resigns | City Post", "title": "Mayor resigns - City Post"}
    assert choose_headline(offered, [], "City Post")[0] == "Mayor resigns"


def test_headline_prefers_matching_h1_over_seo_title():
    offered = {"og": "Best cheap laptops 2024: our picks", "title": "Best cheap laptops | Site"}
    headings = ["Site", "The best cheap laptops under $500"]
    assert choose_headline(offered, headings, "Site")[0] == "The best cheap laptops under $500"


def test_headline_keeps_metadata_when_h1_is_unrelated():
    offered = {"og": "Council approves ferry terminal", "jsonld": "Council approves ferry terminal"}
    assert choose_headline(offered, ["Newsletter sign-up"], None)[0] == (
        "Council approves ferry terminal"
    )


def test_jsonld_repair_and_lists():
    assert extract_jsonld.parse_json('{"a": 1,}') == {"a": 1}
    assert extract_jsonld.parse_json("<!-- {\"a\": 2} -->") == {"a": 2}
    assert extract_jsonld.parse_json("{oops") is None
    objs = extract_jsonld.article_objects([[{"@type": "Person"}, {"@type": "NewsArticle"}]])
    assert [o["@type"] for o in objs] == ["NewsArticle"]


def test_url_date_patterns():
    assert url_date("https://x.example/2020/06/07/story") == datetime(2020, 6, 7)
    assert url_date("https://x.example/news/20200413/second") == datetime(2020, 4, 13)
    assert url_date("https://x.example/story-123456") is None


def test_parse_date_forms():
    assert parse_date("2020-06-07T23:30:00Z") == datetime(2020, 6, 7, 23, 30)
    assert parse_date("Sun, 07 Jun 2020 10:00:00 GMT") == datetime(2020, 6, 7, 10, 0)
    assert parse_date("20200607") == datetime(2020, 6, 7)
    assert parse_date("not a date") is None


def test_visible_dates_mark_updates():
    found = visible_dates("Updated on November 20, 2025 By Ann. Posted 3 Sept 2024")
    assert found == [(datetime(2025, 11, 20), True), (datetime(2024, 9, 3), False)]


# --- scoring and vote -----------------------------------------------------------------------


def test_shingles_short_text_is_one_shingle():
    assert shingles("two words") == {("two", "words"): 1}
    assert shingles("") == {}


def test_shingle_match_identical_and_disjoint():
    same = shingle_match("a b c d e f", "a b c d e f")
    assert (same.precision, same.recall) == (1.0, 1.0)
    other = shingle_match("a b c d e f", "u v w x y z")
    assert (other.precision, other.recall) == (0.0, 0.0)


def test_empty_prediction_lowers_recall_only():
    scores = summarise([shingle_match("a b c d e", "a b c d e"), shingle_match("a b c d e", "")])
    assert scores.precision == 1.0
    assert scores.recall == 0.5


def test_similarity_is_symmetric_dice():
    left, right = shingles("a b c d e"), shingles("a b c d x")
    assert similarity(left, right) == similarity(right, left) == 0.5


def test_medoid_picks_the_candidate_others_agree_with():
    body = ["one two three four five six seven eight", "nine ten eleven twelve thirteen"]
    candidates = [
        body + ["comment section spam spam spam spam"],
        body,
        body[:1],
        [],
    ]
    assert medoid(candidates) == 1


def test_medoid_of_all_empty_is_first():
    assert medoid([[], []]) == 0


def test_large_page_skips_the_slow_voters(monkeypatch):
    from copydesk.ingest import extract_vote

    called: list[str] = []

    def spy(name):
        def voter(tree, url):
            called.append(name)
            return ["some text from " + name + " with enough words to count"]
        return voter

    monkeypatch.setattr(extract_vote, "VOTERS", tuple((n, spy(n)) for n, _ in extract_vote.VOTERS))
    monkeypatch.setattr(extract_vote, "LARGE_PAGE", 100)
    extract_vote.vote(parse_tree(fixture("news_article.html")))
    assert called == ["trafilatura-recall", "readability"]


def test_truncate_text_cuts_after_the_limit_in_document_order():
    from copydesk.ingest.extract_tree import truncate_text

    page = "<html><body><div><p>alpha beta</p><p>gamma delta</p></div><p>epsilon</p></body></html>"
    tree = parse_tree(page)
    assert truncate_text(tree, limit=15)
    text = tree.text_content()
    assert "alpha beta" in text and "epsilon" not in text


def test_truncate_text_leaves_small_pages_alone():
    from copydesk.ingest.extract_tree import truncate_text

    tree = parse_tree(fixture("news_article.html"))
    assert not truncate_text(tree)


def test_binary_bytes_raise_parse_error():
    noise = bytes((i * 37 + 11) % 256 for i in range(5000))
    with pytest.raises(IngestError) as caught:
        parse_html(noise, source="image.jpg")
    assert caught.value.kind == "parse"


def test_lines_cut_mid_sentence_by_the_markup_are_joined():
    from copydesk.ingest.html import rejoin_broken

    lines = [
        "Harbour man dies", "A man from the harbour district who had tested positive for", "Covid-19",
        "died on Monday, officials said.",
        "“He was admitted last week to the cardiac unit of", "City Hospital",
        "on 4 April. He had a history of", "heart disease", ". He died on 6 April,” the department said.",
        "Related stories", "Flood warnings issued for the coast", "- Storm closes ferry routes",
    ]
    assert rejoin_broken(lines) == [
        "Harbour man dies",
        "A man from the harbour district who had tested positive for Covid-19 died on Monday, officials said.",
        ("“He was admitted last week to the cardiac unit of City Hospital on 4 April. He had a history of"
         " heart disease. He died on 6 April,” the department said."),
        "Related stories", "Flood warnings issued for the coast", "- Storm closes ferry routes",
    ]


def test_headlines_lists_addresses_and_brands_are_not_joined():
    from copydesk.ingest.html import rejoin_broken

    for lines in (
        ["eBay to cut 1,000 jobs", "eBay said on Tuesday that it would cut jobs."],  # the headline
        ["Storm", "The president responded to the storm warnings on Twitter.", ".@POTUS signed it."],
        ["Storm", "Key pledges", "a cap on rents", "free school meals"],  # short items
        ["Storm", "The council posted the full list of road closures on", "www.example.org today"],
        ["Storm", "Most readers in the survey said they would choose the new", "iPhone 12 first."],
    ):
        assert rejoin_broken(lines) == lines


def test_fast_extraction_takes_the_recall_end_alone():
    from copydesk.ingest.html import extract_text

    page = fixture("news_article.html")
    article = parse_html(page, source="news_article.html", extraction="fast")
    assert article.meta["extractor"] == "trafilatura-recall-fast"
    assert "ferry terminal" in article.text
    assert all(p in article.text for p in extract_text(page, extraction="fast"))


def test_fast_extraction_asks_trafilatura_itself_when_the_recall_end_is_short():
    from copydesk.ingest.extract_tree import parse_tree
    from copydesk.ingest.extract_vote import extract

    # a short article under forty reader comments: the recall end (comments excluded) keeps a
    # sentence, a fifth of the page's text is far more, so trafilatura is asked with its fallbacks
    comments = "".join(f"<div class='comment'><p>Reader comment {k}: I have been coming to this harbour"
                       " for years and the office hours were always a problem.</p></div>" for k in range(40))
    page = ("<html><body><article><p>The harbour office is closed on Monday.</p></article>"
            f"<section id='comments'>{comments}</section></body></html>")
    result = extract(parse_tree(page), fast=True)
    assert result.reason == "fast, short"
    assert result.ran == ("trafilatura-recall-fast", "trafilatura")


def test_unknown_extraction_is_a_clear_error():
    with pytest.raises(ValueError, match="extraction must be one of cascade, fast, lean, vote"):
        parse_html(fixture("news_article.html"), source="news_article.html", extraction="quick")


def test_read_inputs_carries_the_extraction_to_deferred_pages(tmp_path):
    from copydesk.ingest.sources import read_inputs

    path = tmp_path / "page.html"
    path.write_text(fixture("news_article.html"), encoding="utf-8")
    [item] = read_inputs([str(path)], defer=True, extraction="fast")
    assert item.extraction == "fast"
    assert item.load().meta["extractor"] == "trafilatura-recall-fast"


def test_read_inputs_rejects_an_unknown_extraction_at_once(tmp_path):
    from copydesk.ingest.sources import read_inputs

    with pytest.raises(ValueError, match="extraction must be one of cascade, fast, lean, vote, not 'quick'"):
        list(read_inputs([str(tmp_path)], extraction="quick"))


def _page(body: str) -> bytes:
    return ("<html><head><meta charset='utf-8'><title>Desk converters tested</title></head><body>"
            "<article><h1>Desk converters tested</h1>" + body + "</article></body></html>").encode("utf-8")


def test_double_encoded_page_is_repaired_and_says_so() -> None:

    damaged = "itâ\x80\x99s"  # "it’s" encoded twice, as some sites publish it
    paragraphs = "".join(
        f"<p>The converter is sturdy and {damaged} quiet, the tester said after a week of use {n}.</p>"
        for n in range(4))
    article = parse_html(_page(paragraphs), source="page.html")
    assert "it’s quiet" in article.text and "â" not in article.text
    assert any("double-encoded" in w for w in article.warnings)


def test_double_encoded_text_written_as_character_references_is_repaired() -> None:
    # "—" as UTF-8 read as cp1252 ("â€”") and then written in the markup as references: the
    # page's own text has no mojibake to see until the references are read
    paragraphs = "".join(
        f"<p>Sales rose sharply&acirc;&euro;&rdquo;by a third, the company said of quarter {n}.</p>"
        for n in range(4))
    article = parse_html(_page(paragraphs), source="page.html")
    assert "sharply—by a third" in article.text and "â" not in article.text
    assert any("double-encoded" in w for w in article.warnings)


def test_code_paragraphs_on_a_page_are_furniture() -> None:

    prose = "".join(f"<p>The borrow checker reads every reference before the program runs {n}.</p>"
                    for n in range(4))
    article = parse_html(_page(prose + '<p>let mut greeting = String::from("Hello");</p>'), source="page.html")
    start = article.text.find("let mut")
    assert start != -1
    assert [r.role for r in article.regions if r.start <= start < r.end] == ["furniture"]
