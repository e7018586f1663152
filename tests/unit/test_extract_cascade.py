"""The extraction cascade (``extract_vote.extract``): which extractors run on which page.

Behaviour only: a page the cheap extractors are sure of is settled by them alone, a page they are
unsure of goes to the vote. Speed is measured by ``bench/extraction.py``, not here."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.ingest import extract_vote
from copydesk.ingest.extract_tree import parse_tree
from copydesk.ingest.extract_vote import SHORT_TEXT, extract, is_short
from copydesk.ingest.html import extract_text, parse_html

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"

ARTICLE = [
    f"Paragraph {n} of the story tells how the council voted on the budget for the "
    f"harbour district and what the {n} members said about the cost afterwards."
    for n in range(40)
]
# a subheading (no sentence punctuation): the text is not plain prose, so the cascade asks the
# precision end for a second opinion
ARTICLE.insert(1, "How the members voted")
PROSE = [p for p in ARTICLE if p.endswith(".")]
OTHER = [
    f"Related: item {n} about a different subject entirely, a list of links and teasers "
    f"that a reader would never call part of this particular article number {n}."
    for n in range(40)
]


def page(paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head><title>t</title></head><body><div>{body}</div></body></html>"


@pytest.fixture
def calls(monkeypatch):
    """Replace the cascade's and the vote's extractors with spies; returns (log, outputs):
    ``outputs[name]`` is what the spy called ``name`` returns (default: the article)."""
    log: list[str] = []
    outputs: dict[str, list[str] | Exception] = {}

    def spy(name):
        def extractor(tree, url):
            log.append(name)
            out = outputs.get(name, ARTICLE)
            if isinstance(out, Exception):
                raise out
            return list(out)
        return extractor

    monkeypatch.setattr(
        extract_vote, "CASCADE", tuple((n, spy(n)) for n, _ in extract_vote.CASCADE)
    )
    monkeypatch.setattr(
        extract_vote, "VOTERS", tuple((n, spy(n)) for n, _ in extract_vote.VOTERS)
    )
    return log, outputs


CASCADE_NAMES = ["trafilatura-recall-fast", "trafilatura-precision-fast"]
VOTER_NAMES = ["trafilatura-precision", "trafilatura-recall", "readability", "justext"]


def test_confident_page_is_settled_by_the_two_cheap_extractors(calls):
    log, _ = calls
    result = extract(parse_tree(page(ARTICLE)))
    assert log == CASCADE_NAMES  # no vote
    assert result.reason == "agree"
    assert result.winner == "trafilatura-recall-fast"
    assert result.ran == tuple(CASCADE_NAMES)
    assert result.paragraphs == ARTICLE


def test_short_extraction_on_a_long_page_goes_to_the_vote(calls):
    log, outputs = calls
    outputs["trafilatura-recall-fast"] = ARTICLE[:2]  # a sliver of a long page
    result = extract(parse_tree(page(ARTICLE + OTHER)))
    assert result.reason == "short"
    assert log == ["trafilatura-recall-fast", *VOTER_NAMES]  # no precision pass first
    assert result.ran == tuple(log)
    assert result.winner in VOTER_NAMES


def test_short_page_whose_text_was_all_kept_is_not_unsure(calls):
    log, outputs = calls
    outputs["trafilatura-recall-fast"] = ARTICLE[:3]
    outputs["trafilatura-precision-fast"] = ARTICLE[:3]
    result = extract(parse_tree(page(ARTICLE[:3])))
    assert result.reason == "agree"
    assert log == CASCADE_NAMES


def test_empty_or_crashed_first_extractor_goes_to_the_vote(calls):
    log, outputs = calls
    outputs["trafilatura-recall-fast"] = RuntimeError("boom")
    result = extract(parse_tree(page(ARTICLE)))
    assert result.reason == "short"
    assert log == ["trafilatura-recall-fast", *VOTER_NAMES]
    assert result.paragraphs == ARTICLE  # the voters' shared text wins


def test_disagreeing_ends_of_the_dial_go_to_the_vote(calls):
    log, outputs = calls
    outputs["trafilatura-recall-fast"] = ARTICLE + OTHER  # kept a related-links block
    result = extract(parse_tree(page(ARTICLE + OTHER)))
    assert result.reason == "disagree"
    assert log == CASCADE_NAMES + VOTER_NAMES
    assert result.paragraphs == ARTICLE  # the medoid, not the recall end


def test_agreement_threshold_is_the_boundary(calls):
    _log, outputs = calls
    outputs["trafilatura-recall-fast"] = ARTICLE + OTHER[:1]  # one extra paragraph of 80
    tree = parse_tree(page(ARTICLE + OTHER))
    assert extract(tree, agreement=0.5).reason == "agree"
    assert extract(tree, agreement=1.0).reason == "disagree"


def test_full_vote_skips_the_cascade(calls):
    log, _ = calls
    result = extract(parse_tree(page(ARTICLE)), full_vote=True)
    assert result.reason == "full vote"
    assert log == VOTER_NAMES


def test_large_page_goes_to_the_reduced_vote(calls, monkeypatch):
    log, _ = calls
    monkeypatch.setattr(extract_vote, "LARGE_PAGE", 100)
    result = extract(parse_tree(page(ARTICLE)))
    assert result.reason == "large page"
    assert log == ["trafilatura-recall", "readability"]


def test_extract_text_and_parse_html_pass_full_vote_through(calls):
    log, _ = calls
    extract_text(page(ARTICLE), extraction="cascade")
    assert log == CASCADE_NAMES
    log.clear()
    article = parse_html(page(ARTICLE), source="p.html", full_vote=True, use_htmldate=False)
    assert log == VOTER_NAMES
    assert article.meta["extractor"] in VOTER_NAMES


def test_is_short_follows_trafilaturas_under_extraction_rule():
    long_page = parse_tree(page(ARTICLE + OTHER))
    assert is_short([], long_page)
    assert is_short(ARTICLE[:2], long_page)  # under SHORT_TEXT and under a fifth of the page
    assert not is_short(ARTICLE[:30], long_page)  # a fair share of the page
    assert not is_short(["x" * SHORT_TEXT], long_page)  # long enough whatever the page
    small_page = parse_tree(page(ARTICLE[:2]))
    assert not is_short(ARTICLE[:2], small_page)  # the page has little more than that


def test_plain_prose_from_the_recall_end_needs_no_second_opinion(calls):
    log, outputs = calls
    outputs["trafilatura-recall-fast"] = PROSE
    result = extract(parse_tree(page(PROSE)))
    assert log == ["trafilatura-recall-fast"]
    assert result.reason == "prose"
    assert result.winner == "trafilatura-recall-fast"
    assert result.ran == ("trafilatura-recall-fast",)
    assert result.paragraphs == PROSE


@pytest.mark.parametrize(
    "paragraphs",
    [
        PROSE[:5] + ["- Related: another story about the harbour district and its budget."],
        PROSE[:5] + ["| Name | Votes |"],
        PROSE[:5] + ["Sign up for our newsletter"],
        PROSE[:5] + ["MORE FROM THE COUNCIL ON THE BUDGET FOR THE HARBOUR DISTRICT"],
        [" ".join(PROSE[:5])],  # one undivided block
    ],
)
def test_what_is_not_plain_prose(paragraphs):
    assert not extract_vote.looks_like_prose(paragraphs)


def test_the_first_paragraph_of_prose_may_be_a_headline():
    assert extract_vote.looks_like_prose(["Council passes the harbour budget", *PROSE[:3]])
    assert extract_vote.looks_like_prose([*PROSE[:2], "“We will pay for it,” she said."])


def test_real_extractors_settle_an_ordinary_article_without_a_vote():
    tree = parse_tree((FIXTURES / "news_article.html").read_text(encoding="utf-8"))
    result = extract(tree)
    assert set(result.ran) <= set(CASCADE_NAMES)
    assert result.reason in {"prose", "agree"}
    assert any("council" in p.lower() for p in result.paragraphs)


def test_real_extractors_vote_on_a_page_without_an_article():
    tree = parse_tree((FIXTURES / "no_article.html").read_text(encoding="utf-8"))
    result = extract(tree)
    assert result.reason in {"short", "disagree"}
    assert set(VOTER_NAMES) <= set(result.ran)
