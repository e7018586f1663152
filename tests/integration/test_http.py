"""The REST API against a real server process (``copydesk serve --db`` on a free port, the real
desk): a check answers what ``copydesk check -f json`` writes, bad input is a 4xx naming the
problem, cross-site posts are refused, articles are stored and reviewed, a server off loopback
needs a token for writes, and a schemathesis run over ``/openapi.json`` finds no server error. Unit tests of the same rules, without the model, are in
tests/unit/test_http_app.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from copydesk.http.process import ServerProcess as Server
from copydesk.http.process import free_port
from copydesk.report.schema import validate

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "harbour-strike.txt"
TOKEN = "integration-test-token-0123456789"


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    db = tmp_path_factory.mktemp("store") / "desk.sqlite"
    with Server("--db", str(db)) as running:
        yield running


def post(server: Server, body, **headers) -> httpx.Response:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return httpx.post(f"{server.url}/api/v1/check", content=data, timeout=120,
                      headers={"content-type": "application/json", **headers})


def cli_json(*args: str) -> object:
    proc = subprocess.run([sys.executable, "-m", "copydesk", "check", "-f", "json",
                           "--no-progress", *args], capture_output=True, text=True, timeout=300,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


# ------------------------------------------------------------------ the round trip


def test_a_check_answers_what_the_cli_writes_for_the_same_article(server, tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    record = {"text": text, "published": "2023-03-03T07:40:00", "url": "https://example.org/s"}
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps(record) + "\n", encoding="utf-8")
    plain = tmp_path / "story.txt"
    plain.write_text(text, encoding="utf-8")

    response = post(server, {**record, "source": "cms:1"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    api = response.json()
    validate(api)
    assert api["source"] == "cms:1" and api["findings"], api["findings"]

    from_feed, from_file = cli_json("--published", "2023-03-03T07:40:00", str(feed), str(plain))
    # a JSONL line with the same fields: the same object but for the source
    assert {**api, "source": None} == {**from_feed, "source": None}
    # the same text as a file: the file's encoding is known, and the URL is not
    from_file["article"] = {**from_file["article"], "encoding": None, "url": record["url"]}
    assert {**api, "source": None} == {**from_file, "source": None}


def test_html_is_extracted_like_the_cli_does(server, tmp_path):
    html = (ROOT / "tests" / "fixtures" / "html" / "news_article.html").read_text(encoding="utf-8")
    response = post(server, {"html": html, "published": "2024-01-10"})
    assert response.status_code == 200, response.text
    feed = tmp_path / "page.jsonl"
    feed.write_text(json.dumps({"html": html, "published": "2024-01-10"}) + "\n", encoding="utf-8")
    assert {**response.json(), "source": None} == {**cli_json(str(feed)), "source": None}


def test_requests_at_once_wait_their_turn_and_get_the_same_report(server):
    text = EXAMPLE.read_text(encoding="utf-8")
    results: list[httpx.Response] = []

    def one() -> None:
        results.append(post(server, {"text": text, "published": "2023-03-03"}))

    threads = [threading.Thread(target=one) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [r.status_code for r in results] == [200] * 6
    assert len({r.content for r in results}) == 1


# ------------------------------------------------------------------ bad input


@pytest.mark.parametrize("body, status, kind", [
    ({"text": "  \n "}, 400, "empty"),
    (b'{"text": "unfinished', 400, "json"),
    ({"text": "a", "html": "<p>a</p>"}, 422, "validation"),
    ({"text": ["a"]}, 422, "validation"),
    ({"text": "a", "published": "last Tuesday"}, 422, "validation"),
    ({"txet": "a"}, 422, "validation"),
])
def test_bad_input_is_a_4xx_naming_the_problem(server, body, status, kind):
    response = post(server, body)
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["kind"] == kind and error["message"]


def test_a_body_over_the_limit_is_413(server):
    response = post(server, {"text": "word " * 450_000})  # 2.25 MB
    assert response.status_code == 413
    assert response.json()["error"]["kind"] == "too-large"


def test_a_page_with_no_article_answers_with_its_failed_report(server):
    response = post(server, {"html": "<html><body><nav>Home | News</nav></body></html>"})
    assert response.status_code == 422
    body = response.json()
    validate(body)
    assert body["error"]["kind"] == "no-article" and body["article"] is None


@pytest.mark.parametrize("content_type", [
    "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=b",
])
def test_only_json_is_read(server, content_type):
    response = httpx.post(f"{server.url}/api/v1/check", content=b'{"text": "a"}', timeout=30,
                          headers={"content-type": content_type})
    assert response.status_code == 415
    assert response.json()["error"]["kind"] == "content-type"


# ------------------------------------------------------------------ cross-site and hosts


def test_a_cross_site_form_post_is_refused(server):
    # what a page on another site can make a browser send without a preflight
    response = httpx.post(f"{server.url}/api/v1/check", data={"text": "Its late."}, timeout=30,
                          headers={"origin": "https://attacker.example",
                                   "sec-fetch-site": "cross-site"})
    assert response.status_code == 403
    assert response.json()["error"]["kind"] == "cross-site"
    # the same form from a browser that sends no Sec-Fetch-Site, and no Origin at all
    response = httpx.post(f"{server.url}/api/v1/check", data={"text": "Its late."}, timeout=30)
    assert response.status_code == 415


def test_json_from_another_origin_is_refused(server):
    response = post(server, {"text": "Its late."}, origin="https://attacker.example")
    assert response.status_code == 403
    response = post(server, {"text": "Its late."}, origin=server.url)
    assert response.status_code == 200


def test_a_loopback_server_refuses_other_host_names(server):
    response = httpx.get(f"{server.url}/api/v1/health", headers={"host": "rebound.example"},
                         timeout=30)
    assert response.status_code == 421
    assert response.json()["error"]["kind"] == "host"


# ------------------------------------------------------------------ the store


def test_store_search_review(server):
    text = EXAMPLE.read_text(encoding="utf-8")
    response = httpx.post(f"{server.url}/api/v1/articles", timeout=120, json={
        "text": text, "published": "2023-03-03T07:40:00", "url": "https://example.org/strike"})
    assert response.status_code in (200, 201), response.text
    stored = response.json()["stored"]
    article_id = stored["article_id"]
    validate(response.json()["report"])

    one = httpx.get(f"{server.url}/api/v1/articles/{article_id}", timeout=30).json()
    assert one["article"]["url"] == "https://example.org/strike"
    assert one["report"]["findings"] == response.json()["report"]["findings"]
    hits = httpx.get(f"{server.url}/api/v1/search", params={"q": "dock workers strike"},
                     timeout=30).json()["hits"]
    assert article_id in [hit["article_id"] for hit in hits]
    quotes = httpx.get(f"{server.url}/api/v1/quotes", params={"speaker": "Wierzbicki"},
                       timeout=30).json()["quotes"]
    assert quotes and all("Wierzbicki" in q["speaker"] for q in quotes)
    entities = httpx.get(f"{server.url}/api/v1/articles/{article_id}/entities",
                         timeout=30).json()["entities"]
    assert {"Tomasz Wierzbicki", "Helena Marchetti"} <= {e["name"] for e in entities}
    assert all("kb" in e for e in entities)

    errors = httpx.get(f"{server.url}/api/v1/findings", timeout=30,
                       params={"article": article_id, "severity": "error"}).json()["findings"]
    typo = next(f for f in errors if f["check"] == "spelling")
    decided = httpx.patch(f"{server.url}/api/v1/findings/{typo['fingerprint']}", timeout=30,
                          json={"decision": "accepted", "by": "desk", "note": "fixed"})
    assert decided.status_code == 200, decided.text
    accepted = httpx.get(f"{server.url}/api/v1/findings", timeout=30,
                         params={"decision": "accepted"}).json()["findings"]
    assert typo["fingerprint"] in [f["fingerprint"] for f in accepted]


def test_entities_carry_their_knowledge_base_records(server):
    text = ("Kyiv talks\n\nForeign Minister Dmytro Kuleba met NATO officials in Kyiv on "
            "Monday, the ministry said.\n")
    response = httpx.post(f"{server.url}/api/v1/articles", timeout=120,
                          json={"text": text, "published": "2022-02-21"})
    assert response.status_code in (200, 201), response.text
    article_id = response.json()["stored"]["article_id"]
    entities = httpx.get(f"{server.url}/api/v1/articles/{article_id}/entities",
                         timeout=30).json()["entities"]
    kuleba = next(e for e in entities if e["name"] == "Dmytro Kuleba")
    assert kuleba["kb_id"] and kuleba["kb"]["kind"] == "person"
    assert any(role["role"] == "foreign-minister" and role["of"] == "UKR"
               for role in kuleba["kb"]["roles"])


# ------------------------------------------------------------------ off loopback


def test_off_loopback_the_server_will_not_start_without_a_token():
    env = {k: v for k, v in os.environ.items() if k != "COPYDESK_TOKEN"}
    proc = subprocess.run([sys.executable, "-m", "copydesk", "serve", "--host", "0.0.0.0",
                           "--port", str(free_port())], capture_output=True, text=True,
                          timeout=120, env=env, check=False)
    assert proc.returncode == 2
    assert "needs a token" in proc.stderr and "COPYDESK_TOKEN" in proc.stderr


def test_off_loopback_with_a_token(tmp_path):
    running = Server("--host", "0.0.0.0", "--db", str(tmp_path / "desk.sqlite"),
                     env={"COPYDESK_TOKEN": TOKEN})
    try:
        health = running.wait_ready()
        assert health["writes_need_token"] is True
        # any host name reaches a server on every interface
        response = httpx.get(f"{running.url}/api/v1/health", timeout=30,
                             headers={"host": f"desk.example:{running.port}"})
        assert response.status_code == 200
        # checking stores nothing: no token needed
        assert post(running, {"text": "Its late, the mayor said."}).status_code == 200
        # the guard holds off loopback too
        response = post(running, {"text": "a"}, origin="https://attacker.example")
        assert response.status_code == 403
        # writes need the token
        article = {"text": "Its late, the mayor said on Monday."}
        refused = httpx.post(f"{running.url}/api/v1/articles", json=article, timeout=60)
        assert refused.status_code == 401 and refused.headers["www-authenticate"] == "Bearer"
        wrong = httpx.post(f"{running.url}/api/v1/articles", json=article, timeout=60,
                           headers={"authorization": "Bearer not-the-token-at-all"})
        assert wrong.status_code == 401
        stored = httpx.post(f"{running.url}/api/v1/articles", json=article, timeout=60,
                            headers={"authorization": f"Bearer {TOKEN}"})
        assert stored.status_code == 201, stored.text
        finding = stored.json()["report"]["findings"][0]["fingerprint"]
        decision = {"decision": "dismissed", "by": "desk"}
        assert httpx.patch(f"{running.url}/api/v1/findings/{finding}", json=decision,
                           timeout=30).status_code == 401
        assert httpx.patch(f"{running.url}/api/v1/findings/{finding}", json=decision, timeout=30,
                           headers={"authorization": f"Bearer {TOKEN}"}).status_code == 200
        # reads need none
        assert httpx.get(f"{running.url}/api/v1/articles", timeout=30).status_code == 200
    finally:
        running.stop()


# ------------------------------------------------------------------ schemathesis


def test_schemathesis_finds_no_server_error(server, tmp_path):
    """Every operation in /openapi.json (the store's included: the server has --db), a few dozen
    generated requests each (valid and invalid bodies and query parameters, wrong types, missing
    fields, unexpected methods), checked for 5xx answers, answers
    that do not match the documented schema (the report's included), documented status codes
    and content types. ``positive_data_acceptance`` is left out: a schema-valid body can still
    hold no article (``{"html": "0"}`` is a page with no text, 422), which no schema can say."""
    report = tmp_path / "schemathesis.xml"
    proc = subprocess.run(
        [sys.executable, "-m", "schemathesis.cli", "run", f"{server.url}/openapi.json",
         "--checks", "all", "--exclude-checks", "positive_data_acceptance",
         "--max-examples", "30", "--seed", "20261205", "--request-timeout", "120",
         "--continue-on-failure", "--report", "junit", "--report-junit-path", str(report)],
        capture_output=True, text=True, timeout=900, cwd=tmp_path, check=False,
    )
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-2000:]
    spec = httpx.get(f"{server.url}/openapi.json", timeout=30).json()
    operations = sum(len(methods) for methods in spec["paths"].values())
    assert operations >= 10  # /check, /health and the store's eight
    assert f"Tested: {operations}" in proc.stdout, proc.stdout[-3000:]
