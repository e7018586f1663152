"""The REST API's rules, in process and without the model: a stand-in desk, the app checking in
its own thread (``isolation=False``). The same rules against a real server process, with the
real desk, are in tests/integration/test_http.py."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from copydesk.errors import UsageError
from copydesk.http import Settings, create_app, is_loopback
from copydesk.http.guard import token_refusal
from copydesk.ingest.sources import DeferredInput
from copydesk.model import Article, Finding, InputError, Severity

TOKEN = "t" * 32


class StandInDesk:
    """Reads each input like the real desk (``DeferredInput.load``) and finds nothing; an
    article whose text holds a marker fails the way the real desk reports it."""

    knowledge = None

    def __init__(self):
        self.seen: list[Article] = []

    def versions(self):
        return {"copydesk": "0", "knowledge": None, "model": None}

    def check_text(self, text, *, source="<text>", published=None):
        return None

    def check_many(self, items):
        from copydesk import Report
        from copydesk.errors import IngestError

        for item in items:
            if isinstance(item, IngestError):
                yield Report(item.source, error=InputError(item.kind, item.message))
            elif "ANALYSIS-FAILS" in item.text:
                yield Report(item.source, error=InputError("analysis", "the analysis failed"))
            elif "TOO-SLOW" in item.text:
                yield Report(item.source, error=InputError(
                    "budget", "stopped after 30 s (time budget --time-limit 30)"))
            else:
                self.seen.append(item)
                word = item.text.split()[0]
                start = item.text.index(word)
                finding = Finding("test.first", Severity.INFO, start, start + len(word), word,
                                  "the first word")
                yield Report(item.source, item, findings=[finding], versions=self.versions())


def client(settings: Settings | None = None, *, store=None,
           **kw) -> tuple[TestClient, StandInDesk]:
    desk = StandInDesk()
    settings = settings or Settings(isolation=False, **kw)
    app = create_app(desk, store, settings=settings)
    return TestClient(app, base_url="http://127.0.0.1:8000"), desk


@pytest.fixture
def api():
    test_client, desk = client()
    with test_client:
        yield test_client, desk


def post(api_client, body, **headers):
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return api_client.post("/api/v1/check", content=data,
                           headers={"content-type": "application/json", **headers})


def test_check_reads_text_and_metadata_like_a_jsonl_record(api):
    test_client, desk = api
    response = post(test_client, {"text": "Harbour talks\n\nTalks resume on Monday.",
                                  "headline": "Talks resume", "published": "2023-03-03T07:40",
                                  "url": "https://example.org/a", "source": "cms:42"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert body["schema"] == 1 and body["error"] is None and body["source"] == "cms:42"
    assert body["article"]["headline"] == "Talks resume"
    assert body["article"]["published"] == "2023-03-03T07:40:00"
    assert body["article"]["url"] == "https://example.org/a"
    assert desk.seen[0].text.endswith("Talks resume on Monday.")


def test_the_report_source_defaults_to_request(api):
    body = post(api[0], {"text": "Talks resume on Monday."}).json()
    assert body["source"] == "<request>"


@pytest.mark.parametrize("body, status, kind", [
    ({"text": "   \n"}, 400, "empty"),
    ({"html": ""}, 400, "empty"),
    ({}, 422, "validation"),
    ({"text": "a", "html": "<p>a</p>"}, 422, "validation"),
    ({"text": 5}, 422, "validation"),
    ({"text": "a", "colour": "red"}, 422, "validation"),
    ({"text": "a", "published": "not a date"}, 422, "validation"),
    ({"text": "a", "updated": "2022-13-01"}, 422, "validation"),
    ({"text": "a", "headline": "h" * 1001}, 422, "validation"),
    ([], 422, "validation"),
    ("just a string", 422, "validation"),
    (b"{not json", 400, "json"),
    (b"", 422, "validation"),
])
def test_bad_input_is_a_4xx_naming_the_problem(api, body, status, kind):
    response = post(api[0], body)
    assert response.status_code == status, response.text
    assert response.json()["error"]["kind"] == kind
    assert response.json()["error"]["message"]


def test_a_validation_error_lists_where_each_problem_is(api):
    error = post(api[0], {"text": 5, "published": "x"}).json()["error"]
    assert {tuple(item["loc"]) for item in error["detail"]} >= {("body", "text"),
                                                                ("body", "published")}
    assert all("input" not in item for item in error["detail"])  # what was sent is not echoed


def test_an_input_ingest_refuses_answers_with_its_report(api):
    response = post(api[0], {"html": "<html><body><nav>Home</nav></body></html>"})
    assert response.status_code == 422
    body = response.json()
    assert body["schema"] == 1 and body["article"] is None
    assert body["error"]["kind"] == "no-article" and body["error"]["message"]


@pytest.mark.parametrize("marker, status, kind", [
    ("ANALYSIS-FAILS", 422, "analysis"),
    ("TOO-SLOW", 504, "budget"),
])
def test_failed_checks_map_to_statuses(api, marker, status, kind):
    response = post(api[0], {"text": f"Talks resume. {marker}"})
    assert response.status_code == status
    assert response.json()["error"]["kind"] == kind


def test_lone_surrogates_in_json_do_not_break_the_response(api):
    response = post(api[0], b'{"text": "Talks \\ud800 resume.", "source": "cms\\udfff"}')
    assert response.status_code == 200
    body = response.json()
    assert body["source"] == "cms\ufffd"
    assert "\ufffd" in body["article"]["text"]


@pytest.mark.parametrize("content_type", [
    "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain",
    None, "application/json; charset=latin-1",
])
def test_only_json_bodies_are_read(api, content_type):
    headers = {"content-type": content_type} if content_type else {}
    response = api[0].post("/api/v1/check", content=b'{"text": "a"}', headers=headers)
    assert response.status_code == 415
    assert response.json()["error"]["kind"] == "content-type"


def test_json_with_a_charset_and_json_suffix_types_are_read(api):
    for content_type in ("application/json; charset=utf-8", "application/vnd.api+json"):
        response = api[0].post("/api/v1/check", content=b'{"text": "a b"}',
                               headers={"content-type": content_type})
        assert response.status_code == 200, content_type


def test_a_body_over_the_limit_is_413_before_or_while_it_is_read():
    test_client, _ = client(max_body=1000)
    with test_client:
        big = json.dumps({"text": "x" * 2000}).encode()
        assert post(test_client, big).status_code == 413

        def chunks():  # no Content-Length: counted as it arrives
            yield big[:600]
            yield big[600:]

        response = test_client.post("/api/v1/check", content=chunks(),
                                    headers={"content-type": "application/json"})
        assert response.status_code == 413
        assert response.json()["error"]["kind"] == "too-large"
        assert post(test_client, {"text": "x" * 900}).status_code == 200


@pytest.mark.parametrize("headers", [
    {"origin": "http://evil.example"},
    {"origin": "null"},
    {"origin": "https://127.0.0.1:8000"},  # another scheme is another origin
    {"sec-fetch-site": "cross-site"},
    {"sec-fetch-site": "same-site"},
])
def test_cross_site_requests_are_refused(api, headers):
    response = post(api[0], {"text": "a"}, **headers)
    assert response.status_code == 403
    assert response.json()["error"]["kind"] == "cross-site"


def test_same_origin_requests_pass(api):
    response = post(api[0], {"text": "a b"}, origin="http://127.0.0.1:8000",
                    **{"sec-fetch-site": "same-origin"})
    assert response.status_code == 200


def test_a_loopback_server_answers_only_for_local_names(api):
    assert post(api[0], {"text": "a"}, host="attacker.example").status_code == 421
    assert api[0].get("/api/v1/health", headers={"host": "attacker.example:8000"}).status_code == 421
    for host in ("localhost:8000", "127.0.0.1", "[::1]:8000"):
        assert api[0].get("/api/v1/health", headers={"host": host}).status_code == 200


def test_a_server_on_every_interface_answers_any_host_name():
    test_client, _ = client(host="0.0.0.0", token=TOKEN)
    with test_client:
        response = test_client.get("/api/v1/health", headers={"host": "desk.example:8000"})
        assert response.status_code == 200
        assert response.json()["writes_need_token"] is True


def test_off_loopback_the_server_needs_a_token():
    with pytest.raises(UsageError, match="token"):
        Settings(host="0.0.0.0")
    with pytest.raises(UsageError, match="token"):
        Settings(host="192.0.2.7", token="  ")
    with pytest.raises(UsageError, match="16"):
        Settings(host="0.0.0.0", token="short")
    assert Settings(host="127.0.0.1").token is None
    assert Settings(host="::1").loopback and Settings(host="localhost").loopback
    assert not Settings(host="::", token=TOKEN).loopback


@pytest.mark.parametrize("host, loopback", [
    ("127.0.0.1", True), ("127.1.2.3", True), ("::1", True), ("[::1]", True),
    ("localhost", True), ("0.0.0.0", False), ("::", False), ("10.0.0.1", False),
    ("example.org", False),
])
def test_is_loopback(host, loopback):
    assert is_loopback(host) is loopback


def test_writes_need_the_bearer_token_when_one_is_set():
    assert token_refusal(f"Bearer {TOKEN}", TOKEN) is None
    assert token_refusal(f"bearer  {TOKEN} ", TOKEN) is None
    for bad in (None, "", f"Basic {TOKEN}", "Bearer wrong", f"Bearer {TOKEN}x", "Bearer ü",
                TOKEN):
        refused = token_refusal(bad, TOKEN)
        assert refused is not None and refused[0] == 401 and refused[1] == "unauthorized"


def test_unknown_paths_and_methods_are_json_errors(api):
    response = api[0].get("/api/v1/nothing")
    assert response.status_code == 404 and response.json()["error"]["kind"] == "not-found"
    response = api[0].get("/api/v1/check")
    assert response.status_code == 405 and response.json()["error"]["kind"] == "method"


def test_health_names_versions_and_limits(api):
    body = api[0].get("/api/v1/health").json()
    assert body["status"] == "ok" and body["versions"]["copydesk"] == "0"
    assert body["limits"]["max_body"] == 2_000_000 and body["limits"]["isolation"] is False


def test_openapi_describes_the_report_with_the_shipped_schema(api):
    spec = api[0].get("/openapi.json").json()
    assert spec["openapi"].startswith("3.1")
    schemas = spec["components"]["schemas"]
    assert {"Report", "Report_article", "Report_finding", "Error", "ArticleIn"} <= set(schemas)
    text = json.dumps(spec)
    assert "#/$defs/" not in text and '"$id"' not in text
    check = spec["paths"]["/api/v1/check"]["post"]
    assert check["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Report"}
    assert {"400", "413", "415", "422", "503", "504"} <= set(check["responses"])


def test_a_queue_over_its_limit_is_refused_at_once():
    from copydesk.http.checker import Busy, Checker

    checker = Checker(StandInDesk(), isolation=False, queue_limit=1)
    checker.start().result()
    try:
        checker._pending = 1  # one request waiting
        with pytest.raises(Busy, match="waiting"):
            checker.submit(DeferredInput("x", "a", False, "utf-8"))
        checker._pending = 0
        report = checker.submit(DeferredInput("x", "a b", False, "utf-8")).result()
        assert report.ok
    finally:
        checker.close()


def test_allowed_hosts_add_names_a_loopback_server_answers_for():
    test_client, _ = client(allowed_hosts=("desk.example",))
    with test_client:
        assert test_client.get("/api/v1/health", headers={"host": "desk.example"}).status_code == 200
        assert test_client.get("/api/v1/health", headers={"host": "other.example"}).status_code == 421


def test_the_body_rules_are_for_the_json_endpoints_only(api):
    # a form post to a page beside the API (the web UI checks its own) is not refused here
    response = api[0].post("/elsewhere", content=b"a=b",
                           headers={"content-type": "application/x-www-form-urlencoded"})
    assert response.status_code == 404


def test_a_method_no_endpoint_takes_is_405_whatever_its_body(api):
    response = api[0].put("/api/v1/health")
    assert response.status_code == 405 and response.json()["error"]["kind"] == "method"


@pytest.mark.parametrize("published, stored", [
    ("2022-02-21", "2022-02-21T00:00:00"),
    ("2022-02-21T09:14", "2022-02-21T09:14:00"),
    ("2022-02-21T09:14:00Z", "2022-02-21T09:14:00+00:00"),
])
def test_dates_are_iso_8601(api, published, stored):
    body = post(api[0], {"text": "Talks resume.", "published": published}).json()
    assert body["article"]["published"] == stored


# ------------------------------------------------------------------ the store-backed endpoints


@pytest.fixture
def stored(tmp_path):
    from copydesk.store import Store

    with Store(tmp_path / "desk.sqlite") as store:
        test_client, _desk = client(store=store)
        with test_client:
            yield test_client, store


def test_without_a_store_there_are_no_store_endpoints(api):
    assert api[0].get("/api/v1/articles").status_code == 404
    assert "/api/v1/articles" not in api[0].get("/openapi.json").json()["paths"]


def test_store_an_article_then_read_it_back(stored):
    test_client, _ = stored
    body = {"text": "Harbour talks resume\n\nTalks resume on Monday.", "url": "https://e.org/1",
            "published": "2023-03-03"}
    first = post_to(test_client, "/api/v1/articles", body)
    assert first.status_code == 201, first.text
    assert first.json()["stored"]["status"] == "new"
    article_id = first.json()["stored"]["article_id"]
    assert first.json()["report"]["article"]["url"] == "https://e.org/1"
    again = post_to(test_client, "/api/v1/articles", body)
    assert again.status_code == 200 and again.json()["stored"]["status"] == "unchanged"
    edited = post_to(test_client, "/api/v1/articles", {**body, "text": body["text"] + " More."})
    assert edited.status_code == 201 and edited.json()["stored"]["status"] == "version"

    listing = test_client.get("/api/v1/articles", params={"headline": "harbour"}).json()
    assert [a["id"] for a in listing["articles"]] == [article_id]
    one = test_client.get(f"/api/v1/articles/{article_id}").json()
    assert [v["number"] for v in one["article"]["versions"]] == [1, 2]
    assert one["article"]["versions"][1]["diff"].startswith("--- v1")
    assert one["report"]["article"]["text"].endswith("More.")
    entities = test_client.get(f"/api/v1/articles/{article_id}/entities").json()
    assert entities == {"article_id": article_id, "entities": []}
    hits = test_client.get("/api/v1/search", params={"q": "talks monday"}).json()["hits"]
    assert [h["article_id"] for h in hits] == [article_id] and "«" in hits[0]["snippet"]
    assert test_client.get("/api/v1/quotes", params={"speaker": "x"}).json() == {"quotes": []}


def test_a_failed_input_is_not_stored(stored):
    test_client, store = stored
    response = post_to(test_client, "/api/v1/articles", {"text": "ANALYSIS-FAILS here"})
    assert response.status_code == 422 and response.json()["error"]["kind"] == "analysis"
    assert store.articles() == []
    assert post_to(test_client, "/api/v1/articles", {"text": " "}).status_code == 400


def test_decide_on_a_finding_and_filter_by_decision(stored):
    test_client, _ = stored
    post_to(test_client, "/api/v1/articles", {"text": "Talks resume on Monday."})
    (finding,) = test_client.get("/api/v1/findings").json()["findings"]
    assert finding["decision"] is None and finding["check"] == "test.first"
    path = f"/api/v1/findings/{finding['fingerprint']}"
    response = patch_to(test_client, path, {"decision": "dismissed", "by": "ana", "note": "ok"})
    assert response.status_code == 200, response.text
    assert response.json()["decision"]["decision"] == "dismissed"
    dismissed = test_client.get("/api/v1/findings", params={"decision": "dismissed"}).json()
    assert [f["fingerprint"] for f in dismissed["findings"]] == [finding["fingerprint"]]
    assert test_client.get("/api/v1/findings", params={"decision": "open"}).json() == {
        "findings": []}
    assert patch_to(test_client, "/api/v1/findings/nope",
                    {"decision": "accepted", "by": "ana"}).status_code == 404
    for bad in ({"decision": "maybe", "by": "ana"}, {"decision": "accepted"},
                {"decision": "accepted", "by": "  "}):
        assert patch_to(test_client, path, bad).status_code == 422


@pytest.mark.parametrize("path, params", [
    ("/api/v1/articles", {"limit": 0}),
    ("/api/v1/articles", {"offset": 2**63}),
    ("/api/v1/articles", {"published_after": "yesterday"}),
    ("/api/v1/articles", {"source": "a\x00b"}),
    ("/api/v1/articles/99999999999999999999", {}),
    ("/api/v1/search", {"q": "  "}),
    ("/api/v1/search", {}),
    ("/api/v1/findings", {"severity": "fatal"}),
    ("/api/v1/quotes", {"kind": "sung"}),
])
def test_bad_queries_are_422(stored, path, params):
    response = stored[0].get(path, params=params)
    assert response.status_code == 422, response.text
    assert response.json()["error"]["kind"] == "validation"


def test_unknown_article_is_404(stored):
    for path in ("/api/v1/articles/7", "/api/v1/articles/7/entities"):
        response = stored[0].get(path)
        assert response.status_code == 404 and response.json()["error"]["kind"] == "not-found"


def test_writes_need_the_token_and_reads_do_not(tmp_path):
    from copydesk.store import Store

    with Store(tmp_path / "desk.sqlite") as store:
        test_client, _ = client(store=store, host="0.0.0.0", token=TOKEN)
        with test_client:
            body = {"text": "Talks resume on Monday."}
            refused = post_to(test_client, "/api/v1/articles", body)
            assert refused.status_code == 401
            assert refused.headers["www-authenticate"] == "Bearer"
            assert refused.json()["error"]["kind"] == "unauthorized"
            wrong = post_to(test_client, "/api/v1/articles", body, authorization="Bearer nope")
            assert wrong.status_code == 401
            ok = post_to(test_client, "/api/v1/articles", body,
                         authorization=f"Bearer {TOKEN}")
            assert ok.status_code == 201
            fingerprint = ok.json()["report"]["findings"][0]["fingerprint"]
            decision = {"decision": "accepted", "by": "ana"}
            path = f"/api/v1/findings/{fingerprint}"
            assert patch_to(test_client, path, decision).status_code == 401
            assert patch_to(test_client, path, decision,
                            authorization=f"Bearer {TOKEN}").status_code == 200
            # checking stores nothing: no token; reading needs none either
            assert post(test_client, body).status_code == 200
            assert test_client.get("/api/v1/articles").status_code == 200
            spec = test_client.get("/openapi.json").json()
            assert spec["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
            assert spec["paths"]["/api/v1/articles"]["post"]["security"] == [{"bearer": []}]
            assert "security" not in spec["paths"]["/api/v1/check"]["post"]


def post_to(test_client, path, body, **headers):
    return test_client.post(path, content=json.dumps(body).encode(),
                            headers={"content-type": "application/json", **headers})


def patch_to(test_client, path, body, **headers):
    return test_client.patch(path, content=json.dumps(body).encode(),
                             headers={"content-type": "application/json", **headers})


def test_a_405_names_every_method_the_path_takes(stored):
    response = stored[0].request("OPTIONS", "/api/v1/articles")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, POST"
    assert response.json()["error"]["kind"] == "method"


def test_a_body_that_is_not_utf_8_is_a_json_error(stored):
    response = stored[0].patch("/api/v1/findings/x", content=b"\xff'",
                               headers={"content-type": "application/json"})
    assert response.status_code == 400 and response.json()["error"]["kind"] == "json"
