"""The REST API against a real server process (``copydesk serve`` on a free port, the real desk):
a check answers what ``copydesk check -f json`` writes, bad input is a 4xx naming the problem,
cross-site posts are refused, a server off loopback needs a token, and a schemathesis run over
``/openapi.json`` finds no server error. Unit tests of the same rules, without the model, are in
tests/unit/test_http_app.py."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from copydesk.report.schema import validate

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "harbour-strike.txt"
TOKEN = "integration-test-token-0123456789"
#: Seconds a server may take to load the desk and answer /api/v1/health.
STARTUP = 180


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, *options: str, env: dict[str, str] | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "copydesk", "serve", "--port", str(self.port), *options],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env={**os.environ, **(env or {})},
        )

    def wait_ready(self) -> dict:
        deadline = time.monotonic() + STARTUP
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"the server exited ({self.proc.returncode}):\n"
                                     f"{self.proc.stdout.read()}")
            try:
                response = httpx.get(f"{self.url}/api/v1/health", timeout=5)
                if response.status_code == 200:
                    return response.json()
            except httpx.HTTPError:
                pass
            time.sleep(0.25)
        raise AssertionError("the server did not answer /api/v1/health in time")

    def stop(self) -> str:
        self.proc.terminate()
        try:
            out, _ = self.proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            out, _ = self.proc.communicate()
        return out


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    running = Server()
    try:
        running.wait_ready()
        yield running
    finally:
        running.stop()


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


# ------------------------------------------------------------------ off loopback


def test_off_loopback_the_server_will_not_start_without_a_token():
    env = {k: v for k, v in os.environ.items() if k != "COPYDESK_TOKEN"}
    proc = subprocess.run([sys.executable, "-m", "copydesk", "serve", "--host", "0.0.0.0",
                           "--port", str(free_port())], capture_output=True, text=True,
                          timeout=120, env=env, check=False)
    assert proc.returncode == 2
    assert "needs a token" in proc.stderr and "COPYDESK_TOKEN" in proc.stderr


def test_off_loopback_with_a_token():
    running = Server("--host", "0.0.0.0", env={"COPYDESK_TOKEN": TOKEN})
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
    finally:
        running.stop()


# ------------------------------------------------------------------ schemathesis


def test_schemathesis_finds_no_server_error(server, tmp_path):
    """Every operation in /openapi.json, a few dozen generated requests each (valid and invalid
    bodies, wrong types, missing fields, unexpected methods), checked for 5xx answers, answers
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
    assert "generated" in proc.stdout and "Tested: 2" in proc.stdout, proc.stdout[-3000:]
