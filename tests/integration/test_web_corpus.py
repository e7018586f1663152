"""The corpus page (``/corpus``) through FastAPI's TestClient over a real SQLite store of
made-up reports (``copydesk.store.sample``): full-text search and the filters (check, severity,
outlet, date, decision), escaped, under the pages' security headers. No model is loaded."""

from __future__ import annotations

import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from copydesk.store import Store
from copydesk.store.sample import sample_report
from copydesk.web import web_router


def _not_checking(article):  # the corpus page never checks
    raise AssertionError("no check expected")


def _app(store) -> FastAPI:
    app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)
    app.include_router(web_router(check=_not_checking, store_provider=lambda: store,
                                  review_url="/api/v1/findings/{fingerprint}"))
    return app


def _dated(n: int, published: str, *, url: str | None = None, source: str | None = None,
           spelling: bool = True):
    data = sample_report(n, url=url, source=source).to_dict()
    data["article"]["published"] = published
    if not spelling:  # the sample findings' fingerprints are the same in every sample article
        data["findings"] = [f for f in data["findings"] if f["check"] != "spelling"]
    return data


@pytest.fixture
def corpus(tmp_path):
    with Store(tmp_path / "desk.sqlite") as store:
        ids = {}
        ids["west"] = store.ingest(_dated(0, "2026-03-01T09:00:00", source="wire-<b>x</b>.txt",
                                          url="https://news.example.org/a")).article_id
        ids["east"] = store.ingest(_dated(1, "2026-04-15T09:00:00",
                                          url="https://daily.example.com/b")).article_id
        ids["north"] = store.ingest(_dated(2, "2026-05-20T09:00:00", spelling=False)).article_id
        with TestClient(_app(store)) as client:
            client.store = store
            client.ids = ids
            yield client


def listed(page: str) -> list[int]:
    return [int(n) for n in re.findall(r'<li class="corpus-row" data-article="(\d+)">', page)]


def test_the_corpus_lists_every_article_newest_first_and_is_linked(corpus):
    response = corpus.get("/corpus")
    assert response.status_code == 200
    ids = corpus.ids
    assert listed(response.text) == [ids["north"], ids["east"], ids["west"]]
    assert f'href="/articles/{ids["west"]}"' in response.text
    assert 'href="/corpus"' in corpus.get("/").text  # the header links it
    assert "3 articles" in response.text


def test_search_finds_by_text_and_marks_the_words(corpus):
    page = corpus.get("/corpus", params={"q": "Eastbrook"}).text
    assert listed(page) == [corpus.ids["east"]]
    assert "<mark>Eastbrook</mark>" in page
    assert "U+000A" not in page  # the text's line breaks are spaces in the snippet
    assert set(listed(corpus.get("/corpus", params={"q": "harbour -Eastbrook"}).text)) == {
        corpus.ids["north"], corpus.ids["west"]}
    assert listed(corpus.get("/corpus", params={"q": "zeppelin"}).text) == []


def test_outlet_matches_the_source_or_the_site(corpus):
    assert listed(corpus.get("/corpus", params={"outlet": "daily.example"}).text) == [
        corpus.ids["east"]]
    assert listed(corpus.get("/corpus", params={"outlet": "WIRE-"}).text) == [corpus.ids["west"]]


def test_date_range_is_inclusive(corpus):
    page = corpus.get("/corpus", params={"since": "2026-04-15", "until": "2026-05-20"}).text
    assert listed(page) == [corpus.ids["north"], corpus.ids["east"]]
    page = corpus.get("/corpus", params={"until": "2026-03-01"}).text
    assert listed(page) == [corpus.ids["west"]]


def test_check_severity_and_decision_filter_by_findings(corpus):
    store = corpus.store
    ids = corpus.ids
    spelling = store.findings(article=ids["west"], check="spelling")[0]
    store.decide(spelling.fingerprint, "dismissed", by="ed")  # west's and east's
    everyone = {ids["west"], ids["east"], ids["north"]}
    assert listed(corpus.get("/corpus", params={"decision": "dismissed"}).text) == [
        ids["east"], ids["west"]]
    assert set(listed(corpus.get("/corpus", params={"decision": "undecided"}).text)) == everyone
    assert listed(corpus.get("/corpus", params={"decision": "dismissed",
                                                "check": "grammar"}).text) == []
    assert listed(corpus.get("/corpus", params={"decision": "accepted"}).text) == []
    assert set(listed(corpus.get("/corpus", params={"check": "spelling",
                                                    "severity": "error"}).text)) == {
        ids["west"], ids["east"]}
    assert set(listed(corpus.get("/corpus", params={"severity": "warning"}).text)) == everyone
    assert listed(corpus.get("/corpus", params={"check": "no-such-check"}).text) == []
    # filters combine with the search and with each other
    page = corpus.get("/corpus", params={"q": "harbour", "decision": "dismissed",
                                         "outlet": "news.example"}).text
    assert listed(page) == [ids["west"]]


def test_unreadable_filters_are_named_and_shown_escaped(corpus):
    response = corpus.get("/corpus", params={"since": "<script>x", "severity": "fatal",
                                             "decision": "maybe", "q": '"><script>'})
    assert response.status_code == 200
    page = response.text
    assert "is not a date" in page and "Unknown severity" in page and "Unknown decision" in page
    assert "<script>x" not in page and '"><script>' not in page
    assert "&lt;script&gt;" in page
    # the source is escaped too
    assert "wire-&lt;b&gt;x&lt;/b&gt;.txt" in corpus.get("/corpus").text


def test_the_page_has_the_policy_and_its_script_the_nonce(corpus):
    response = corpus.get("/corpus", params={"q": "harbour"})
    policy = response.headers["content-security-policy"]
    nonce = re.search(r"'nonce-([A-Za-z0-9_-]+)'", policy).group(1)
    assert "unsafe-inline" not in policy
    scripts = re.findall(r"<script\b[^>]*>", response.text)
    assert scripts and all(f'nonce="{nonce}"' in tag for tag in scripts)
    assert response.headers["cache-control"] == "no-store"
    assert " style=" not in response.text and " on" not in re.sub(r">[^<]*<", "><", response.text)


def test_without_a_store_the_page_says_so():
    with TestClient(_app(None)) as client:
        response = client.get("/corpus")
    assert response.status_code == 200
    assert "needs the store" in response.text
