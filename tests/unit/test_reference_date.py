"""The reference date: checks judge an article as of its own date, else the date the caller gives
(``Desk(reference_date=...)``, ``--reference-date``), and never as of the day they run."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from copydesk.checks import roles_title
from copydesk.checks.registry import Registry, spec_of
from copydesk.errors import UsageError
from copydesk.ingest.extract_dates import plausible
from copydesk.ingest.metadata import url_date
from copydesk.knowledge import Knowledge
from copydesk.knowledge.records import EntityRecord, RoleRecord, TitleRecord
from copydesk.knowledge.store import KnowledgeBase

SRC = Path(__file__).resolve().parents[2] / "src" / "copydesk"
HTML = Path(__file__).resolve().parents[1] / "fixtures" / "html" / "news_article.html"
TEXT = "Swedish Foreign Minister Marta Lindqvist arrived in Oslo for talks.\n"


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    kb = KnowledgeBase(":memory:")
    kb.add_entities([
        EntityRecord(
            "marta-lindqvist", "person", "Marta Lindqvist",
            roles=[
                RoleRecord("foreign-minister", "SWE", "2015-02-01", "2019-06-30", "Minister for Foreign Affairs"),
                RoleRecord("head-of-government", "SWE", "2019-07-01", None, "Prime Minister"),
            ],
        ),
        EntityRecord("sweden", "place", "Sweden", country="SWE", subkind="country",
                     aliases=[("Swedish", "demonym")]),
    ])
    kb.add_titles([
        TitleRecord("Foreign Minister", "foreign-minister", "*"),
        TitleRecord("Prime Minister", "head-of-government", "*"),
    ])
    kb.finish()
    return Knowledge(kb=kb)


@pytest.fixture(scope="module")
def roles_desk(analyser, knowledge):
    from copydesk.desk import Desk

    return Desk(analyser=analyser, knowledge=knowledge,
                registry=Registry([spec_of(roles_title.check, "tests")]))


def with_reference(desk, value):
    import copy

    dated = copy.copy(desk)
    dated.reference_date = value
    return dated


def test_desk_takes_a_reference_date(roles_desk):
    from copydesk.desk import Desk

    desk = Desk(analyser=roles_desk.analyser, knowledge=roles_desk.knowledge,
                registry=roles_desk.registry, reference_date="2021-05-02")
    assert desk.reference_date == datetime(2021, 5, 2)
    assert desk.check_text(TEXT).analysed.reference_date == datetime(2021, 5, 2)


def test_a_bad_reference_date_is_a_usage_error(roles_desk):
    from copydesk.desk import Desk

    with pytest.raises(UsageError, match="reference date"):
        Desk(analyser=roles_desk.analyser, knowledge=roles_desk.knowledge,
             registry=roles_desk.registry, reference_date="last Tuesday")


def test_undated_article_without_reference_judges_only_never_held(roles_desk):
    assert roles_desk.check_text(TEXT).findings == []


def test_reference_date_dates_an_undated_article(roles_desk):
    [finding] = with_reference(roles_desk, datetime(2021, 5, 2)).check_text(TEXT).findings
    assert finding.check == "roles.title" and finding.suggestion == "Prime Minister"
    assert "article date: 2021-05-02 (reference date)" in [e.detail for e in finding.evidence]


def test_the_article_date_comes_before_the_reference_date(roles_desk):
    dated = with_reference(roles_desk, datetime(2021, 5, 2))
    assert dated.check_text(TEXT, published="2017-05-02").findings == []


def test_an_updated_article_is_judged_on_every_day_from_first_publication_to_its_update(roles_desk):
    """An explainer first published in 2017 and brought up to date in 2021 may hold text of
    either time: "Foreign Minister" fits its 2017 text, and "Prime Minister" its 2021 text."""
    from copydesk.ingest.text import parse_text

    def judged(text, published, updated):
        article = parse_text(text, source="explainer.txt")
        article.published, article.updated = published, updated
        return roles_desk.check_article(article).findings

    later = TEXT.replace("Foreign Minister", "Prime Minister")
    assert judged(TEXT, datetime(2017, 5, 2), datetime(2021, 5, 2)) == []
    assert judged(later, datetime(2017, 5, 2), datetime(2021, 5, 2)) == []
    # without the update, the 2017 article's "Prime Minister" is two years early
    [finding] = judged(later, datetime(2017, 5, 2), None)
    assert finding.check == "roles.title"
    # a date a site rewrites when it renders the page is no update of the text
    article = parse_text(later, source="page.html")
    article.published, article.updated = datetime(2017, 5, 2), datetime(2021, 5, 2)
    article.meta["sources"] = {"published": "jsonld", "updated": "lastmod"}
    assert [f.check for f in roles_desk.check_article(article).findings] == ["roles.title"]
    article.meta["sources"]["updated"] = "jsonld"
    assert roles_desk.check_article(article).findings == []
    # a title that fits no day of the span is still reported, with the span as evidence
    [early] = judged(later, datetime(2015, 3, 1), datetime(2016, 5, 2))
    assert "article date: 2015-03-01 to 2016-05-02 (published, and updated on the later date)" in [
        e.detail for e in early.evidence
    ]


def test_reference_date_resolves_times_of_an_undated_article(roles_desk):
    text = "Council vote delayed\n\nThe council met on Wednesday to discuss the budget.\n"
    undated = roles_desk.check_text(text).analysed.times
    dated = with_reference(roles_desk, datetime(2019, 5, 3)).check_text(text).analysed.times
    assert [t.value for t in undated if t.text.endswith("Wednesday")] == [None]
    assert [t.value for t in dated if t.text.endswith("Wednesday")] == ["2019-05-01"]


def test_open_tenures_end_where_the_knowledge_base_ends(knowledge):
    assert knowledge.kb.latest_role_date().isoformat() == "2019-07-01"


def test_no_check_or_analysis_reads_the_clock():
    clock = re.compile(r"\b(?:date|datetime)\.(?:today|now|utcnow)\(|\btime\.time\(")
    offenders = [
        f"{path.relative_to(SRC)}:{number}"
        for folder in ("checks", "analyse")
        for path in sorted((SRC / folder).glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if clock.search(line)
    ]
    assert not offenders, offenders


# ---------------------------------------------------------------- ingest: plausible dates


def test_plausible_dates_are_bounded_by_the_reference_date():
    later = datetime(2023, 4, 18)
    assert plausible(later)
    assert not plausible(later, now=datetime(2020, 1, 1))
    assert plausible(datetime(2020, 1, 2), now=datetime(2020, 1, 1))  # a day's grace


def test_url_date_after_the_reference_date_is_not_a_publication_date():
    url = "https://news.example/2023/04/18/story"
    assert url_date(url) == datetime(2023, 4, 18)
    assert url_date(url, reference_date=datetime(2020, 1, 1)) is None


def test_html_publication_date_after_the_reference_date_is_dropped():
    from copydesk.ingest.html import parse_html

    page = HTML.read_bytes()
    assert parse_html(page, source="page.html").published.date().isoformat() == "2023-04-18"
    bounded = parse_html(page, source="page.html", reference_date=datetime(2020, 1, 1),
                         use_htmldate=False)
    assert bounded.published is None or bounded.published < datetime(2020, 1, 2)


def _explainer_page(update_meta: str) -> str:
    """A page first published in 2017 whose text speaks of 2021: "Prime Minister" fits 2021 only."""
    body = " ".join([TEXT.replace("Foreign Minister", "Prime Minister").strip()] * 3)
    return (
        "<html><head><title>Who leads Sweden</title>"
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Who leads Sweden",'
        f' "datePublished": "2017-05-02T09:00:00Z"{update_meta}}}</script>'
        "</head><body><article><h1>Who leads Sweden</h1>"
        + "".join(f"<p>{body} The talks covered trade, energy and fishing rights in the north.</p>"
                  for _ in range(4))
        + "</article></body></html>"
    )


def test_an_update_stated_in_the_page_structured_data_widens_the_span(roles_desk):
    from copydesk.ingest.html import parse_html

    stated = parse_html(_explainer_page(', "dateModified": "2021-05-02T09:00:00Z"'), source="a.html")
    assert stated.meta["sources"]["updated"] == "jsonld"
    assert roles_desk.check_article(stated).findings == []
    # a date a site rewrites on every render is no update of the text
    rendered = parse_html(
        _explainer_page("").replace(
            "</head>", '<meta property="og:updated_time" content="2021-05-02T09:00:00Z"></head>'),
        source="b.html",
    )
    assert rendered.updated is not None and rendered.meta["sources"]["updated"] == "og:updated_time"
    judged = roles_desk.check_article(rendered).findings
    assert judged and {f.check for f in judged} == {"roles.title"}


def test_an_update_given_with_a_record_widens_the_span(roles_desk):
    from copydesk.ingest.sources import _from_record

    record = {"html": _explainer_page(""), "updated": "2021-05-02"}
    article = _from_record(record, "feed.jsonl:1")
    assert article.meta["sources"]["updated"] == "record"
    assert roles_desk.check_article(article).findings == []
