"""The web UI's pages through FastAPI's TestClient on an app that mounts the router over a real
desk: the form, the annotated article, the security headers, CSRF and cross-site refusals."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from webapp import create

from copydesk.web.security import CSRF_COOKIE

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = (ROOT / "examples" / "harbour-strike.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def client(desk):
    with TestClient(create(desk), base_url="http://testserver") as client:
        yield client


def form_token(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


@pytest.fixture
def token(client) -> str:
    return form_token(client.get("/").text)


def test_form_page_carries_the_token_of_its_cookie(client):
    response = client.get("/")
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in response.text
    assert form_token(response.text) == client.cookies[CSRF_COOKIE]
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie


def test_findings_highlighted_by_severity(client, token):
    response = client.post("/check", data={"csrf_token": token, "text": ARTICLE})
    assert response.status_code == 200
    page = response.text
    highlighted = {
        text: severity
        for severity, text in re.findall(r'<a class="hl (error|warning|info)"[^>]*>([^<]*)</a>', page)
    }
    assert highlighted["goverment"] == "error"
    assert highlighted["Wierzbiki"] == "error"
    assert any(s == "warning" for s in highlighted.values())  # the quotation never closed
    # each finding in the list below, with its message and suggestion
    assert re.search(r'<li id="f-\d+" class="finding error"', page)
    assert "Suggestion: <strong>government</strong>" in page


def test_every_page_has_the_policy_and_its_scripts_the_nonce(client, token):
    responses = [
        client.get("/"),
        client.post("/check", data={"csrf_token": token, "text": ARTICLE}),
        client.post("/check", data={"text": ARTICLE}),  # refused
    ]
    for response in responses:
        policy = response.headers["content-security-policy"]
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
        nonce = re.fullmatch(r"'self' 'nonce-([A-Za-z0-9_-]{22,})'", directives["script-src"]).group(1)
        assert directives["object-src"] == "'none'"
        assert directives["base-uri"] == "'none'"
        assert directives["frame-ancestors"] == "'none'"
        assert "unsafe-inline" not in policy
        assert response.headers["x-content-type-options"] == "nosniff"
        scripts = re.findall(r"<script\b[^>]*>", response.text)
        assert scripts, "each page loads its script"
        assert all(f'nonce="{nonce}"' in tag for tag in scripts)
    nonces = {re.search(r"nonce-([^']+)", r.headers["content-security-policy"]).group(1)
              for r in responses}
    assert len(nonces) == len(responses), "a fresh nonce per response"


def test_static_files_are_served_with_the_headers(client):
    response = client.get("/web/static/web.js")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert client.get("/web/static/../routes.py").status_code == 404


def test_post_without_the_token_is_refused(client, token):
    response = client.post("/check", data={"text": ARTICLE})
    assert response.status_code == 403
    assert "token" in response.text
    assert 'class="hl' not in response.text


def test_post_with_another_token_is_refused(client, token):
    response = client.post("/check", data={"csrf_token": "x" * 43, "text": ARTICLE})
    assert response.status_code == 403


def test_cross_site_origin_is_refused(client, token):
    data = {"csrf_token": token, "text": ARTICLE}
    response = client.post("/check", data=data, headers={"Origin": "https://evil.example"})
    assert response.status_code == 403
    assert "Cross-site post refused" in response.text
    response = client.post("/check", data=data, headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403
    response = client.post("/check", data=data, headers={"Origin": "null"})
    assert response.status_code == 403
    # the server's own origin is taken
    response = client.post("/check", data=data, headers={
        "Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"})
    assert response.status_code == 200


def test_untrusted_fields_are_escaped(client, token):
    payload = '"><script>document.title="pwned"</script><img src=x onerror=alert(1)>'
    response = client.post("/check", data={
        "csrf_token": token, "headline": payload, "byline": payload,
        "url": "javascript:alert(1)", "text": f"The council met on Monday. {payload}\n",
    })
    assert response.status_code == 200
    page = response.text
    assert "<script>document" not in page and "<img src=x" not in page
    assert "&lt;script&gt;document.title=&#34;pwned&#34;&lt;/script&gt;" in page
    assert 'href="javascript:' not in page
    assert "(not an http(s) link)" in page


def test_a_safe_url_is_a_link(client, token):
    response = client.post("/check", data={
        "csrf_token": token, "text": "The council met on Monday.\n",
        "url": "https://news.example/story?a=1&b=2",
    })
    assert 'href="https://news.example/story?a=1&amp;b=2"' in response.text


def test_form_errors_show_the_form_again_with_the_fields(client, token):
    response = client.post("/check", data={
        "csrf_token": token, "text": "The council met.", "published": "yesterday-ish",
        "headline": "A </textarea> headline",
    })
    assert response.status_code == 400
    assert "is not a date" in response.text
    assert 'value="A &lt;/textarea&gt; headline"' in response.text
    response = client.post("/check", data={"csrf_token": token, "text": "  "})
    assert response.status_code == 400 and "Paste the article" in response.text


def test_an_uploaded_file_is_checked(client, token):
    files = {"file": ("../../story.txt", ARTICLE.encode("utf-8"), "text/plain")}
    response = client.post("/check", data={"csrf_token": token}, files=files)
    assert response.status_code == 200
    assert '<code class="source">story.txt</code>' in response.text
    assert ">goverment</a>" in response.text


def test_an_unreadable_upload_is_a_form_error(client, token):
    files = {"file": ("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")}
    response = client.post("/check", data={"csrf_token": token}, files=files)
    assert response.status_code == 400
    assert "could not be read" in response.text


def test_review_buttons_are_off_without_a_store(client, token):
    page = client.post("/check", data={"csrf_token": token, "text": ARTICLE}).text
    buttons = re.findall(r"<button [^>]*data-review[^>]*>", page)
    assert buttons and all("disabled" in b for b in buttons)
    assert "need the store" in page


@pytest.fixture
def stored_client(desk, tmp_path):
    from copydesk.store import Store

    with Store(tmp_path / "desk.sqlite") as store, TestClient(create(desk, store)) as client:
        client.store = store
        yield client


def test_with_a_store_the_article_is_stored_and_shown_with_its_decisions(stored_client):
    client = stored_client
    token = form_token(client.get("/").text)
    response = client.post("/check", data={"csrf_token": token, "text": ARTICLE},
                           follow_redirects=False)
    assert response.status_code == 303
    where = response.headers["location"]
    assert re.fullmatch(r"/articles/\d+", where)
    page = client.get(where)
    assert page.status_code == 200
    assert ">goverment</a>" in page.text
    assert 'data-review-url="/api/v1/findings/{fingerprint}"' in page.text
    buttons = re.findall(r"<button [^>]*data-review[^>]*>", page.text)
    assert buttons and not any("disabled" in b for b in buttons)
    assert 'id="reviewer"' in page.text
    fingerprint = re.search(
        r'<li id="f-\d+" class="finding error" data-f="\d+" data-fingerprint="([0-9a-f]{16})">'
        r'(?:(?!</li>).)*goverment', page.text, re.DOTALL).group(1)
    client.store.decide(fingerprint, "dismissed", by="<b>Ed</b>")
    page = client.get(where).text
    assert 'class="finding error dismissed" data-f' in page
    assert "dismissed by &lt;b&gt;Ed&lt;/b&gt;" in page


def test_an_article_the_store_lacks_is_a_404_page(stored_client):
    for path in ("/articles/999", "/articles/x", "/articles/" + "9" * 40):
        response = stored_client.get(path)
        assert response.status_code == 404
        assert "content-security-policy" in response.headers


def test_with_a_write_token_only_a_form_that_carries_it_stores(desk, tmp_path):
    from copydesk.store import Store

    secret = "s3cret-token-0123456789"
    with Store(tmp_path / "desk.sqlite") as store, \
            TestClient(create(desk, store, write_token=secret)) as client:
        form = client.get("/").text
        assert 'name="write_token" type="password"' in form
        data = {"csrf_token": form_token(form), "text": ARTICLE}
        shown = client.post("/check", data={**data, "write_token": "wrong"},
                            follow_redirects=False)
        assert shown.status_code == 200 and "was not stored" in shown.text
        assert ">goverment</a>" in shown.text
        assert store.articles() == []
        stored = client.post("/check", data={**data, "write_token": secret},
                             follow_redirects=False)
        assert stored.status_code == 303
        assert len(store.articles()) == 1


def test_the_api_serves_the_pages_and_takes_their_decisions(desk, tmp_path):
    from copydesk.http import create_app
    from copydesk.http.settings import Settings
    from copydesk.store import Store

    with Store(tmp_path / "desk.sqlite") as store:
        app = create_app(desk, store, Settings(isolation=False))
        with TestClient(app, base_url="http://127.0.0.1:8000") as client:
            token = form_token(client.get("/").text)
            response = client.post("/check", data={"csrf_token": token, "text": ARTICLE},
                                   follow_redirects=False)
            assert response.status_code == 303
            page = client.get(response.headers["location"]).text
            fingerprint = re.search(r'data-fingerprint="([0-9a-f]{16})"', page).group(1)
            decided = client.patch(f"/api/v1/findings/{fingerprint}",
                                   json={"decision": "accepted", "by": "Ed"},
                                   headers={"Origin": "http://127.0.0.1:8000"})
            assert decided.status_code == 200
            page = client.get(response.headers["location"]).text
            assert "accepted by Ed" in page
            refused = client.post("/check", data={"csrf_token": token, "text": ARTICLE},
                                  headers={"Origin": "https://evil.example"})
            assert refused.status_code == 403
