"""The web UI's model-free parts: cutting text into pieces, the page view of a report
dictionary, safe links, the paste form's article, and the cross-site judgement."""

from __future__ import annotations

import pytest
from starlette.requests import Request

from copydesk.report.pieces import Piece, cut
from copydesk.web.intake import FormError, Pasted, pasted_article
from copydesk.web.security import cross_site
from copydesk.web.view import article_view, safe_link


def test_cut_overlapping_spans_into_pieces():
    pieces = cut(10, [(2, 6), (4, 8)])
    assert [(p.start, p.end, p.covering) for p in pieces] == [
        (0, 2, ()), (2, 4, (0,)), (4, 6, (0, 1)), (6, 8, (1,)), (8, 10, ()), (10, 10, ()),
    ]
    assert next(p for p in pieces if p.start == 6).ending == (0,)
    assert next(p for p in pieces if p.start == 8).ending == (1,)


def test_cut_clamps_and_keeps_empty_spans_markers():
    pieces = cut(5, [(3, 3), (-4, 99)], [(0, 2, "headline")])
    assert pieces[0] == Piece(0, 2, (1,), (), "headline")
    assert next(p for p in pieces if p.start == 3).ending == (0,)  # empty: a marker only
    assert pieces[-1] == Piece(5, 5, (), (1,), None)


def report(text, findings, **article):
    return {"source": "s.txt", "error": None, "findings": findings,
            "article": {"id": "sha256:" + "0" * 64, "text": text, **article}}


def finding(text, word, severity, **extra):
    start = text.index(word)
    return {"check": "spelling", "severity": severity, "start": start,
            "end": start + len(word), "text": word, "message": f"{word}?", **extra}


def test_view_segments_carry_the_most_serious_finding_first():
    text = "The goverment said its late."
    view = article_view(report(text, [
        finding(text, "goverment said", "info"), finding(text, "goverment", "error"),
    ]))
    marked = [(s.text, s.severity, s.findings) for s in view.segments if s.findings]
    assert marked == [("goverment", "error", (2, 1)), (" said", "info", (1,))]
    assert "".join(s.text for s in view.segments) == text
    assert view.summary == "1 error, 0 warnings, 1 info"


def test_view_shows_controls_and_keeps_links_http():
    text = "Bad\u202etext."
    view = article_view(report(text, [], headline="A\x1b[2Jheadline",
                               url="javascript:alert(1)"))
    assert view.headline == "A⟨U+001B⟩[2Jheadline"
    assert view.segments[0].text == "Bad⟨U+202E⟩text."
    assert view.link is None and view.url == "javascript:alert(1)"


@pytest.mark.parametrize("url, ok", [
    ("https://news.example/a?b=1", True), ("http://news.example", True),
    ("javascript:alert(1)", False), ("JAVASCRIPT:alert(1)", False), ("data:text/html,x", False),
    ("//evil.example/x", False), ("https:///nohost", False), ("https://a.example/\nx", False),
    (" https://a.example", False), ("vbscript:x", False), (None, False),
])
def test_safe_link(url, ok):
    assert safe_link(url) == (url if ok else None)


def test_view_of_a_failed_input():
    view = article_view({"source": "x.png", "error": {"kind": "binary", "message": "a PNG"},
                         "article": None, "findings": []})
    assert view.error == "binary: a PNG" and view.segments == []


def test_pasted_headline_goes_before_the_text_once():
    article = pasted_article(Pasted(headline="Port  talks fail", text="Talks failed.\n"))
    assert article.text.startswith("Port talks fail\n\nTalks failed.")
    assert article.headline == "Port talks fail"
    again = pasted_article(Pasted(headline="Port talks fail", text="Port talks fail\n\nTalks.\n"))
    assert again.text == "Port talks fail\n\nTalks.\n"


def test_pasted_form_errors():
    with pytest.raises(FormError, match="Paste"):
        pasted_article(Pasted(text=" \n"))
    with pytest.raises(FormError, match="not a date"):
        pasted_article(Pasted(text="Talks.", published="Tuesday"))
    assert pasted_article(Pasted(text="Talks.", published="2022-02-21")).published.day == 21


def request(**headers):
    raw = [(k.lower().replace("_", "-").encode(), v.encode()) for k, v in headers.items()]
    raw.append((b"host", b"desk.example:8000"))
    return Request({"type": "http", "method": "POST", "scheme": "http", "path": "/check",
                    "headers": raw, "server": ("desk.example", 8000), "query_string": b""})


@pytest.mark.parametrize("headers, refused", [
    ({}, False),
    ({"Origin": "http://desk.example:8000"}, False),
    ({"Origin": "https://desk.example:8000", "Sec_Fetch_Site": "same-origin"}, False),
    ({"Sec_Fetch_Site": "none"}, False),
    ({"Referer": "http://desk.example:8000/"}, False),
    ({"Origin": "http://desk.example:8001"}, True),
    ({"Origin": "http://evil.example:8000"}, True),
    ({"Origin": "null"}, True),
    ({"Sec_Fetch_Site": "same-site"}, True),
    ({"Sec_Fetch_Site": "cross-site", "Origin": "http://desk.example:8000"}, True),
    ({"Referer": "https://evil.example/page"}, True),
    ({"Origin": "http://desk.example:notaport"}, True),
])
def test_cross_site(headers, refused):
    assert (cross_site(request(**headers)) is not None) is refused


def test_trusted_origin():
    assert cross_site(request(Origin="https://desk.example"), ["https://desk.example"]) is None


def test_a_check_that_fails_gives_a_page_with_the_headers():
    import re

    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    from copydesk.web import web_router

    def broken(article):
        raise RuntimeError("12 requests are waiting")

    app = FastAPI()
    app.include_router(web_router(check=broken))
    with TestClient(app) as client:
        token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/").text).group(1)
        response = client.post("/check", data={"csrf_token": token, "text": "Talks failed."})
    assert response.status_code == 503
    assert "12 requests are waiting" in response.text
    assert "script-src 'self' 'nonce-" in response.headers["content-security-policy"]


def test_an_upload_that_is_no_article_is_named_in_the_message():
    from copydesk.web.intake import uploaded_article

    png = b"\x89PNG\r\n\x1a\n" + bytes(64)
    with pytest.raises(FormError, match=r"^photo\.png could not be read: binary file"):
        uploaded_article(png, "C:\\Users\\ed\\photo.png")
