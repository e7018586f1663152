"""The annotated article's side panels (quotes by speaker, entities with their knowledge-base
records, dated events in time order) through FastAPI's TestClient over a real SQLite store of
made-up reports (``copydesk.store.sample``); the last test serves them from ``create_app`` with
the real desk and its knowledge base."""

from __future__ import annotations

import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from copydesk.store import Store
from copydesk.store.sample import sample_report
from copydesk.web import web_router

RECORDS = {
    "Q1003": {"key": "maria-kowalska", "kind": "person", "name": "Maria <i>Kowalska</i>",
              "qid": "Q1003", "roles": [
                  {"role": "mayor", "of": "Southport", "title": "Mayor of <b>Southport</b>",
                   "start": "2019-05-01", "end": "2023-04-30", "acting": None},
                  {"role": "council-leader", "of": "Southport", "title": None,
                   "start": "2023-05-01", "end": None, "acting": "yes"},
              ]},
    "kb:bad-qid": {"key": "bad-qid", "kind": "org", "name": "Bad", "qid": "javascript:alert(1)",
                   "roles": []},
}


def _not_checking(article):
    raise AssertionError("no check expected")


def _app(store, lookup=RECORDS.get) -> FastAPI:
    app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)
    app.include_router(web_router(check=_not_checking, store_provider=lambda: store,
                                  review_url="/api/v1/findings/{fingerprint}",
                                  entity_record=lookup))
    return app


def _report(n: int = 3) -> dict:
    """A sample report (Maria Kowalska, Q1003) with more quotes and events: a second speaker,
    an unattributed quote, events dated out of order and one undated, hostile strings."""
    data = sample_report(n).to_dict()
    text = data["article"]["text"]
    quote = data["quotes"][0]
    data["quotes"] += [
        {**quote, "text": "<script>alert(1)</script>", "kind": "indirect",
         "speaker": {"name": "Tomasz <b>Wierzbicki</b>", "entity": None, "start": 0, "end": 1},
         "cue": None},
        {**quote, "text": "Nobody knows", "kind": "direct", "speaker": None, "cue": None},
        {**quote, "text": "Second from Maria", "start": quote["start"] + 3},
    ]
    event = data["events"][0]
    data["events"] = [
        {**event, "time": "2026-05-02", "text": "approved", "actor": "<img src=x onerror=y>"},
        {**event, "time": "2026-03-01", "text": "voted", "negated": True},
        {**event, "time": None, "text": "undated"},
    ]
    data["entities"].append({"id": "e3", "label": "ORG", "name": "Bad", "kb_id": "kb:bad-qid",
                             "mentions": []})
    data["entities"].append({"id": "e4", "label": "ORG", "name": "Gone", "kb_id": "Q999999",
                             "mentions": [{"start": 0, "end": 1, "text": text[0]}]})
    return data


@pytest.fixture
def page(tmp_path):
    with Store(tmp_path / "desk.sqlite") as store:
        article_id = store.ingest(_report()).article_id
        with TestClient(_app(store)) as client:
            response = client.get(f"/articles/{article_id}")
    assert response.status_code == 200
    return response


def panel(page: str, name: str) -> str:
    return re.search(rf'<section class="panel" id="panel-{name}">(.*?)</section>', page,
                     re.DOTALL).group(1)


def test_quotes_are_grouped_by_speaker_in_order_of_first_quote(page):
    quotes = panel(page.text, "quotes")
    speakers = re.findall(r"<h3>(.*?) <span", quotes)
    assert speakers == ["Maria Kowalska", "Tomasz &lt;b&gt;Wierzbicki&lt;/b&gt;",
                        '<span class="hint">No speaker found</span>']
    maria = quotes.split("<h3>")[1]
    assert "We have waited long enough for this harbour" in maria and "Second from Maria" in maria
    assert "“said”" in maria and "(2)" in maria
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in quotes
    assert "Nobody knows" in quotes.split("No speaker found")[1]


def test_entities_show_their_knowledge_base_records(page):
    entities = panel(page.text, "entities")
    maria = entities.split('<li class="entity')[1]
    assert "in-kb" in maria
    assert "Maria Kowalska</strong> <span class=\"label\">PERSON</span>" in maria
    assert "2 mentions" in maria
    assert "“Maria &lt;i&gt;Kowalska&lt;/i&gt;”" in maria  # the knowledge base's name
    assert 'href="https://www.wikidata.org/wiki/Q1003"' in maria
    assert "Mayor of &lt;b&gt;Southport&lt;/b&gt;</span> <span class=\"dates\">2019-05-01 – 2023-04-30" in maria
    assert "council-leader Southport</span> (acting) <span class=\"dates\">2023-05-01 – now" in maria
    assert "Not in the knowledge base" in entities  # Southport, without a kb_id
    assert "Q999999: not in this server's knowledge base" in entities
    # a record whose qid is not a Wikidata id is no link
    assert "javascript:" not in entities
    assert entities.count("wikidata.org") == 1


def test_dated_events_are_in_time_order(page):
    events = panel(page.text, "events")
    assert re.findall(r"<time>([^<]*)</time> <q>([^<]*)</q>", events) == [
        ("2026-03-01", "voted"), ("2026-05-02", "approved")]
    assert "(negated)" in events
    assert "&lt;img src=x onerror=y&gt;" in events
    assert "1 event without a date not shown" in events


def test_the_panels_run_no_script_and_keep_the_policy(page):
    policy = page.headers["content-security-policy"]
    nonce = re.search(r"'nonce-([A-Za-z0-9_-]+)'", policy).group(1)
    scripts = re.findall(r"<script\b[^>]*>", page.text)
    assert len(scripts) == 1 and f'nonce="{nonce}"' in scripts[0]
    assert "<img" not in page.text and "<b>" not in page.text and " style=" not in page.text


def test_without_a_knowledge_base_entities_have_no_records(tmp_path):
    def failing(kb_id):
        raise RuntimeError("the knowledge base is gone")

    with Store(tmp_path / "desk.sqlite") as store:
        article_id = store.ingest(_report()).article_id
        for lookup in (None, failing):
            with TestClient(_app(store, lookup)) as client:
                response = client.get(f"/articles/{article_id}")
            assert response.status_code == 200
            entities = panel(response.text, "entities")
            assert "in-kb" not in entities
            assert "Q1003: not in this server" in entities


@pytest.mark.model
def test_the_api_app_shows_records_from_the_desks_knowledge_base(desk, tmp_path):
    from copydesk.http import create_app
    from copydesk.http.settings import Settings

    data = sample_report(5).to_dict()
    data["entities"][0]["kb_id"] = "Q320"  # Michelle Bachelet in the shipped knowledge base
    with Store(tmp_path / "desk.sqlite") as store:
        article_id = store.ingest(data).article_id
        app = create_app(desk, store, Settings(isolation=False))
        with TestClient(app, base_url="http://127.0.0.1:8000") as client:
            page = client.get(f"/articles/{article_id}").text
            api = client.get(f"/api/v1/articles/{article_id}/entities").json()
    entities = panel(page, "entities")
    assert 'href="https://www.wikidata.org/wiki/Q320"' in entities
    assert "President of Chile" in entities and "2006-03-11 – 2010-03-11" in entities
    titles = {r["title"] for r in api["entities"][0]["kb"]["roles"]}
    assert all(title in entities for title in titles)  # what the API gives, the page shows
