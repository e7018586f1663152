"""The lean form of the extraction (``extract_vote.extract_lean``, ``extraction="lean"``): which
extractors run on which page and whose text is kept. Behaviour only; its speed and scores are
measured by ``bench/extraction.py``."""

from __future__ import annotations

from pathlib import Path

import pytest
import trafilatura

from copydesk.ingest import extract_vote
from copydesk.ingest.extract_tree import parse_tree
from copydesk.ingest.extract_vote import (
    drop_scripts,
    ends_with_furniture,
    extract,
    extract_lean,
    is_short,
    page_text_bound,
)
from copydesk.ingest.html import extract_text, parse_html
from copydesk.model import DEFAULT_EXTRACTION, EXTRACTIONS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"

ARTICLE = [
    f"Paragraph {n} of the story tells how the council voted on the budget for the "
    f"harbour district and what the {n} members said about the cost afterwards."
    for n in range(40)
]
ARTICLE.insert(1, "How the members voted")  # a subheading inside the article
RELATED = [f"- Another story number {n} about a different subject" for n in range(6)]
OTHER = [
    f"Reader comment {n}: a different subject entirely, which no reader would call part of this "
    f"particular article, number {n} of many."
    for n in range(40)
]
RECALL, PRECISION = "trafilatura-recall-fast", "trafilatura-precision-fast"


def page(paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head><title>t</title></head><body><div>{body}</div></body></html>"


@pytest.fixture
def calls(monkeypatch):
    """Spies for every extractor the lean form may call; returns (log, outputs): ``outputs[name]``
    is what the spy called ``name`` returns (default: the article)."""
    log: list[str] = []
    outputs: dict[str, list[str]] = {}

    def spy(name):
        def extractor(tree, url):
            log.append(name)
            return list(outputs.get(name, ARTICLE))
        return extractor

    monkeypatch.setattr(extract_vote, "CASCADE", ((RECALL, spy(RECALL)), (PRECISION, spy(PRECISION))))
    monkeypatch.setattr(
        extract_vote, "VOTERS", tuple((n, spy(n)) for n, _ in extract_vote.VOTERS)
    )
    for function, name in (
        ("trafilatura_default", "trafilatura"),
        ("readability_text", "readability"),
        ("justext_text", "justext"),
    ):
        monkeypatch.setattr(extract_vote, function, spy(name))
    return log, outputs


def test_a_text_that_ends_with_a_sentence_is_the_recall_end_alone(calls):
    log, _ = calls
    result = extract(parse_tree(page(ARTICLE)), lean=True)
    assert log == [RECALL]  # a subheading inside is no reason for a second opinion
    assert result.reason == "lean"
    assert result.winner == RECALL
    assert result.paragraphs == ARTICLE


def test_furniture_at_the_end_asks_the_precision_end_and_keeps_it_when_they_disagree(calls):
    log, outputs = calls
    teasers = [f"- {p}" for p in OTHER[:20]]  # a long related-stories list
    outputs[RECALL] = ARTICLE + ["Most read"] + teasers + ["Sign up for our newsletter"]
    result = extract(parse_tree(page(ARTICLE + OTHER[:20])), lean=True)
    assert log == [RECALL, PRECISION]  # never the vote
    assert result.reason == "lean, furniture"
    assert result.winner == PRECISION
    assert result.paragraphs == ARTICLE


def test_furniture_that_both_ends_keep_stays(calls):
    log, outputs = calls
    outputs[RECALL] = outputs[PRECISION] = ARTICLE + RELATED
    result = extract(parse_tree(page(ARTICLE + RELATED)), lean=True)
    assert log == [RECALL, PRECISION]
    assert result.winner == RECALL and result.paragraphs == ARTICLE + RELATED


def test_a_precision_end_that_lost_the_article_is_not_taken(calls):
    _log, outputs = calls
    outputs[RECALL] = ARTICLE + RELATED
    outputs[PRECISION] = ARTICLE[:1]  # short by trafilatura's under-extraction rule
    result = extract(parse_tree(page(ARTICLE + RELATED)), lean=True)
    assert result.winner == RECALL and result.paragraphs == ARTICLE + RELATED


def test_a_short_recall_end_asks_trafilatura_itself(calls):
    log, outputs = calls
    outputs[RECALL] = ARTICLE[:2]  # a sliver of a long page
    outputs["trafilatura"] = ARTICLE + OTHER[:2]  # trafilatura's fallbacks found more
    result = extract(parse_tree(page(ARTICLE + OTHER)), lean=True)
    assert log == [RECALL, "trafilatura"]
    assert result.reason == "lean, short"
    assert result.winner == "trafilatura"


def test_a_short_article_that_trafilatura_confirms_is_trimmed_by_the_precision_end(calls):
    log, outputs = calls
    story = [p for p in ARTICLE[:4] if p.endswith(".")]
    outputs[RECALL] = outputs["trafilatura"] = ["Photo: the harbour at dawn", *story]
    outputs[PRECISION] = story
    result = extract(parse_tree(page(story + OTHER)), lean=True)
    assert log == [RECALL, "trafilatura", PRECISION]
    assert result.winner == PRECISION and result.paragraphs == story


def test_a_precision_end_that_does_not_read_as_prose_is_not_taken_on_a_short_page(calls):
    log, outputs = calls
    outputs[RECALL] = outputs["trafilatura"] = ARTICLE[:3]
    outputs[PRECISION] = ARTICLE[:1]  # one paragraph is not prose
    result = extract(parse_tree(page(ARTICLE + OTHER)), lean=True)
    assert log == [RECALL, "trafilatura", PRECISION]
    assert result.winner == "trafilatura" and result.paragraphs == ARTICLE[:3]


def test_when_trafilatura_finds_nothing_the_independent_extractors_are_asked(calls):
    log, outputs = calls
    outputs[RECALL] = outputs["trafilatura"] = []
    result = extract(parse_tree(page(ARTICLE)), lean=True)
    assert log == [RECALL, "trafilatura", "readability"]
    assert result.reason == "lean, empty" and result.winner == "readability"
    log.clear()
    outputs["readability"] = []
    result = extract(parse_tree(page(ARTICLE)), lean=True)
    assert log == [RECALL, "trafilatura", "readability", "justext"]
    assert result.winner == "justext" and result.paragraphs == ARTICLE


def test_one_undivided_block_asks_readability(calls):
    log, outputs = calls
    outputs[RECALL] = [" ".join(ARTICLE)]
    result = extract(parse_tree(page(ARTICLE)), lean=True)
    assert log == [RECALL, "readability"]
    assert result.reason == "lean, one block"
    assert result.winner == "readability" and result.paragraphs == ARTICLE
    log.clear()
    outputs["readability"] = ARTICLE[:1]  # short: the block stays
    assert extract(parse_tree(page(ARTICLE)), lean=True).winner == RECALL


def test_scripts_do_not_make_a_page_large(calls, monkeypatch):
    log, _ = calls
    monkeypatch.setattr(extract_vote, "LARGE_PAGE", 20_000)
    script = "<script>" + "var x = 1;" * 5_000 + "</script>"
    html = page(ARTICLE).replace("<body>", f"<body>{script}")
    assert extract(parse_tree(html)).reason == "large page"  # the cascade counts the script
    log.clear()
    result = extract(parse_tree(html), lean=True)
    assert result.reason == "lean" and log == [RECALL]


def test_full_vote_overrides_lean(calls):
    log, _ = calls
    extract(parse_tree(page(ARTICLE)), full_vote=True, lean=True)
    assert log == [name for name, _ in extract_vote.VOTERS]
    assert extract(parse_tree(page(ARTICLE)), full_vote=True, lean=True).reason == "full vote"


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (ARTICLE + RELATED, True),
        (ARTICLE + RELATED + ["Advertisement"], True),  # a label after the list
        (ARTICLE + ["Most read", "Sign up for our newsletter"], False),  # no list item
        (ARTICLE[:3] + RELATED + ARTICLE[3:], False),  # a list inside the article
        (ARTICLE + ["| Name | Votes |"], False),
        ([], False),
        # a copyright notice is the page's last line, passed over
        (ARTICLE + RELATED + ["Copyright © 1999-2024 The Harbour Times. All rights reserved."], True),
        (RELATED + ["© 2024 Harbour Media Ltd"], True),
        (ARTICLE + ["Copyright © 2024 The Harbour Times. All rights reserved."], False),  # no list before it
        # a long sentence that mentions rights is the article's
        (ARTICLE + RELATED + [("The council said all rights reserved under the 1998 lease would pass to the"
                               " new owners, and that the harbour's fishing fleet would keep its moorings"
                               " for as long as the trust that runs the quay exists, whoever buys the land.")], False),
    ],
)
def test_ends_with_furniture(paragraphs, expected):
    assert ends_with_furniture(paragraphs) is expected


def test_drop_scripts_keeps_json_ld_and_the_text_after_a_script():
    tree = parse_tree(
        "<html><head><style>p {}</style><script type='application/ld+json'>{\"a\": 1}</script>"
        "</head><body><p>One <script>var x;</script>two</p><style>.a {}</style>three</body></html>"
    )
    drop_scripts(tree)
    assert [s.get("type") for s in tree.iter("script")] == ["application/ld+json"]
    assert not list(tree.iter("style"))
    assert tree.find(".//p").text_content() == "One two"
    assert tree.find(".//body").text_content().endswith("three")


@pytest.mark.parametrize("name", ["news_article.html", "no_article.html"])
def test_the_page_text_bound_is_above_html2txt(name):
    tree = parse_tree((FIXTURES / name).read_text(encoding="utf-8"))
    assert page_text_bound(tree) >= len(trafilatura.html2txt(tree))


def test_the_page_text_bound_leaves_a_page_without_body_to_html2txt():
    from lxml import html as lxml_html

    assert page_text_bound(lxml_html.fragment_fromstring("<div><p>text</p></div>")) is None


def test_lean_short_test_is_trafilaturas_rule():
    for paragraphs, body in (
        ([], ARTICLE),
        (ARTICLE[:2], ARTICLE + OTHER),
        (ARTICLE[:30], ARTICLE + OTHER),
        (ARTICLE[:2], ARTICLE[:2]),
        (["x" * extract_vote.SHORT_TEXT], ARTICLE),
    ):
        tree = parse_tree(page(body))
        size = len("\n".join(paragraphs))  # trafilatura's rule, written out: the bound must not change it
        expected = size == 0 or size < extract_vote.SHORT_TEXT and size < extract_vote.PAGE_SHARE * len(
            trafilatura.html2txt(tree))
        assert extract_vote._PageText(tree).is_short(paragraphs) is expected
        assert is_short(paragraphs, tree) is expected


def test_real_extractors_on_an_ordinary_article():
    html = (FIXTURES / "news_article.html").read_text(encoding="utf-8")
    result = extract_lean(parse_tree(html))
    assert result.ran[0] == RECALL
    assert "vote" not in result.reason
    assert any("council" in p.lower() for p in result.paragraphs)
    assert extract_text(html, extraction="lean") == extract_text(html, extraction="fast")
    article = parse_html(html, source="news_article.html", extraction="lean")
    assert "ferry terminal" in article.text


def test_the_cascade_is_the_default_and_lean_is_asked_for():
    assert DEFAULT_EXTRACTION == "cascade" == EXTRACTIONS[0]
    assert "lean" in EXTRACTIONS
