"""WARC input: one input per response/resource record, named FILE@OFFSET, with its URL;
records that are not pages are reported, not dropped; damaged files are an error, not a crash."""

from __future__ import annotations

import gzip
import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from copydesk.errors import IngestError
from copydesk.ingest.sources import DeferredInput, read_inputs

PAGE = """<html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>{town}, 3 March 2023 - The {town} council voted on Tuesday to approve a budget of four
million pounds for the coming year, its leader said after a long meeting.</p>
<p>The budget pays for two new schools and the repair of the old bridge over the river, which
has been closed to lorries since the winter floods damaged its supports.</p></article></body></html>
"""


def write_warc(path, records, *, gz=True):
    """``records``: (type, url, status, content type, body bytes) tuples."""
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gz)
        for rec_type, url, status, kind, body in records:
            if rec_type == "response":
                headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
                record = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                   http_headers=headers)
            else:
                record = writer.create_warc_record(url, rec_type, payload=io.BytesIO(body),
                                                   warc_content_type=kind)
            writer.write_record(record)


def _page(town):
    return PAGE.format(title=f"{town} approves its budget", town=town).encode("utf-8")


@pytest.mark.parametrize("gz", [True, False])
def test_response_records_become_articles_with_their_urls(tmp_path, gz):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    write_warc(path, [
        ("response", "https://news.example/westhaven", "200 OK", "text/html; charset=utf-8",
         _page("Westhaven")),
        ("request", "https://news.example/westhaven", None, "application/http", b"GET / HTTP/1.1\r\n\r\n"),
        ("response", "https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n"),
        ("response", "https://news.example/moved", "301 Moved Permanently", "text/html", b"<p>x</p>"),
        ("resource", "https://news.example/northgate", None, "text/html", _page("Northgate")),
    ], gz=gz)
    items = list(read_inputs([str(path)]))
    assert len(items) == 4  # the request record is not an input
    first, png, moved, resource = items
    assert first.url == "https://news.example/westhaven"
    assert "Westhaven council voted" in first.text
    assert first.source.startswith(f"{path}@") and first.source != resource.source
    assert isinstance(png, IngestError) and png.kind == "no-article"
    assert "image/png" in png.message and png.url == "https://news.example/logo.png"
    assert isinstance(moved, IngestError) and "301" in moved.message
    assert resource.url == "https://news.example/northgate"
    assert "Northgate council" in resource.text


def test_deferred_warc_records_parse_later_with_their_url(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [("response", "https://news.example/a", "200 OK", "text/html", _page("Ashby"))])
    (item,) = read_inputs([str(path)], defer=True)
    assert isinstance(item, DeferredInput) and item.html and item.url == "https://news.example/a"
    article = item.load()
    assert article.url == "https://news.example/a" and "Ashby council" in article.text


def test_oversized_record_is_reported(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [("response", "https://news.example/big", "200 OK", "text/html",
                       _page("Bramley") * 20)])
    (item,) = read_inputs([str(path)], max_bytes=2_000)
    assert isinstance(item, IngestError) and item.kind == "too-large"
    assert item.url == "https://news.example/big"


def test_damaged_and_empty_warc_files_are_errors(tmp_path):
    good = tmp_path / "good.warc.gz"
    write_warc(good, [("response", "https://news.example/c", "200 OK", "text/html", _page("Colworth"))] * 2)
    data = good.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 40])
    items = list(read_inputs([str(cut)]))
    assert isinstance(items[-1], IngestError) and items[-1].kind == "parse"
    assert not any(isinstance(i, IngestError) for i in items[:-1])

    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"this is not a WARC file at all\n" * 4)
    (error,) = read_inputs([str(junk)])
    assert isinstance(error, IngestError) and error.kind == "parse" and "WARC" in error.message

    empty = tmp_path / "empty.warc.gz"
    empty.write_bytes(gzip.compress(b""))
    (error,) = read_inputs([str(empty)])
    assert isinstance(error, IngestError) and error.kind == "empty"
