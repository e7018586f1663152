"""A WARC file of real pages (the Zyte benchmark's HTML, written here with warcio) processed end
to end by ``copydesk batch``: every page becomes the same article ``copydesk check`` reads from
the HTML file, with the record's URL, and a non-page record is reported, not dropped."""

from __future__ import annotations

import gzip
import io
import json

import pytest

from copydesk.cli.main import main
from copydesk.ingest.language import foreign_language
from copydesk.ingest.sources import read_inputs

pytestmark = pytest.mark.model

PAGES = 24


def test_warc_of_real_pages_end_to_end(shared_dir, load_bench, tmp_path, capsys):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    bench = load_bench("batch")
    pages = [(path, url) for path, url in bench.html_pages(shared_dir) if url][:PAGES]
    assert len(pages) == PAGES
    warc = tmp_path / "pages.warc.gz"
    with open(warc, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for path, url in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(gzip.decompress(path.read_bytes())),
                http_headers=headers))
        headers = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://images.invalid/a.jpg", "response", payload=io.BytesIO(b"\xff\xd8\xff"),
            http_headers=headers))
    out_dir = tmp_path / "out"
    failures = tmp_path / "failures.jsonl"
    status = main(["batch", str(warc), "--out", str(out_dir), "--workers", "2",
                   "--partition-size", "6", "--failures", str(failures), "--time-limit", "0"])
    out, _err = capsys.readouterr()
    assert status == 2, out  # the JPEG record, and the pages in other languages
    # a page in another language is reported as such (kind "language"), not checked as English
    articles = {url: next(iter(read_inputs([str(path)]))) for path, url in pages}
    foreign = {url for url, article in articles.items() if foreign_language(article.text)}
    assert 0 < len(foreign) < PAGES // 2  # Zyte's pages include Korean and Portuguese ones
    failed = [json.loads(line) for line in failures.read_text(encoding="utf-8").splitlines()]
    assert sorted(f["kind"] for f in failed) == ["language"] * len(foreign) + ["no-article"], failed
    assert any("image/jpeg" in f["reason"] for f in failed if f["kind"] == "no-article")
    reports = {r["article"]["url"]: r for part in sorted(out_dir.glob("part-*.jsonl"))
               for r in map(json.loads, part.read_text(encoding="utf-8").splitlines()) if r["article"]}
    assert set(reports) == {url for _path, url in pages} - foreign
    for url in reports:  # the same article as reading the page's file
        article = articles[url]
        assert reports[url]["article"]["text"] == article.text, url
        assert reports[url]["article"]["headline"] == article.headline, url
