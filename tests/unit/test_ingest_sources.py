"""read_inputs and byte decoding: files, directories, gzip, JSONL, stdin, and every error kind.

Inputs are built in tmp_path. The tests run as root, where chmod 000 does not stop reading, so
"unreadable" inputs are a named pipe (FIFO) and the not-found one a dangling symbolic link.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
import types
from datetime import datetime
from pathlib import Path

import pytest

from copydesk.errors import IngestError
from copydesk.ingest import sources
from copydesk.ingest.decode import decode_bytes, is_probably_html
from copydesk.ingest.sources import read_inputs
from copydesk.model import Article

STORY = "Council backs harbour plan\n\nThe council voted on Monday to back the plan.\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"


def one(paths: list[str], **options) -> Article | IngestError:
    (item,) = list(read_inputs(paths, **options))
    return item


def error(paths: list[str], **options) -> IngestError:
    item = one(paths, **options)
    assert isinstance(item, IngestError), item
    return item


def write(path: Path, data: bytes | str) -> str:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


# --- plain files and decoding ---


def test_text_file(tmp_path: Path) -> None:
    article = one([write(tmp_path / "story.txt", STORY)])
    assert isinstance(article, Article)
    assert (article.headline, article.source) == ("Council backs harbour plan", str(tmp_path / "story.txt"))


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    article = one([write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + STORY.encode())])
    assert article.text == STORY
    assert article.meta["encoding"] == "utf-8-sig"


def test_latin1_file_is_decoded_and_recorded(tmp_path: Path) -> None:
    raw = "Caf\xe9 prices rise\n\nA coffee now costs \xa33.20 in the caf\xe9 on the square.\n"
    article = one([write(tmp_path / "latin.txt", raw.encode("latin-1"))])
    assert article.text == raw
    assert article.meta["encoding"] == "cp1252"


def test_cp1252_smart_quotes(tmp_path: Path) -> None:
    raw = "Mayor speaks\n\n\u201cWe\u2019re ready,\u201d she said \u2013 twice.\n"
    assert one([write(tmp_path / "quotes.txt", raw.encode("cp1252"))]).text == raw


def test_utf16_with_bom(tmp_path: Path) -> None:
    article = one([write(tmp_path / "wide.txt", STORY.encode("utf-16"))])
    assert article.text == STORY
    assert article.headline == "Council backs harbour plan"


def test_utf16_without_bom_is_text_not_binary() -> None:
    text, encoding = decode_bytes(STORY.encode("utf-16-le"), source="x")
    assert (text, encoding) == (STORY, "utf-16-le")


def test_cyrillic_code_page_is_detected() -> None:
    raw = "Президент заявил, что переговоры продолжатся на уровне министров. " * 3
    text, encoding = decode_bytes(raw.encode("cp1251"), source="x")
    assert text == raw and encoding == "cp1251"


def test_png_is_binary(tmp_path: Path) -> None:
    problem = error([write(tmp_path / "photo.png", PNG)])
    assert problem.kind == "binary"
    assert str(problem) == f"{tmp_path / 'photo.png'}: binary file (PNG image), not an article"


@pytest.mark.parametrize(
    ("data", "name"),
    [(b"%PDF-1.7\n%\xe2\xe3", "PDF"), (b"PK\x03\x04\x14\x00", "ZIP"), (b"\x7fELF\x02\x01\x01", "ELF")],
)
def test_known_binary_formats_are_named(tmp_path: Path, data: bytes, name: str) -> None:
    problem = error([write(tmp_path / "file.txt", data + b"rest")])
    assert problem.kind == "binary" and name in problem.message


def test_nul_bytes_are_binary(tmp_path: Path) -> None:
    assert error([write(tmp_path / "blob.dat", b"ab\x00\x01\x02\x00\xff" * 40)]).kind == "binary"


def test_undecodable_bytes_are_an_encoding_error() -> None:
    data = bytes(range(0x80, 0x100)) * 20 + b" and some words"
    with pytest.raises(IngestError) as caught:
        decode_bytes(data, source="odd.txt")
    assert caught.value.kind in {"encoding", "binary"}


def test_empty_file(tmp_path: Path) -> None:
    problem = error([write(tmp_path / "empty.txt", b"")])
    assert problem.kind == "empty"


def test_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    assert error([write(tmp_path / "blank.txt", b"  \n\n\t \r\n")]).kind == "empty"


def test_missing_file(tmp_path: Path) -> None:
    problem = error([str(tmp_path / "nope.txt")])
    assert problem.kind == "not-found" and "no such file" in problem.message


def test_large_file_is_refused_by_size_without_reading(tmp_path: Path, monkeypatch) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.truncate(50_000_000)  # sparse: 50 MB on paper, nothing on disk

    def no_open(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(sources, "open", no_open, raising=False)
    problem = error([str(big)])
    assert problem.kind == "too-large"
    assert "50.0 MB" in problem.message and "20.0 MB" in problem.message


# --- gzip ---


def test_gzip_text(tmp_path: Path) -> None:
    article = one([write(tmp_path / "story.txt.gz", gzip.compress(STORY.encode()))])
    assert article.text == STORY


def test_gzip_bomb_is_too_large_and_never_fully_inflated(tmp_path: Path, monkeypatch) -> None:
    bomb = write(tmp_path / "bomb.txt.gz", gzip.compress(b"a" * 30_000_000))
    assert os.path.getsize(bomb) < 100_000
    inflated = []

    class CountingGzipFile(gzip.GzipFile):
        def read(self, size=-1):
            chunk = super().read(size)
            inflated.append(len(chunk))
            return chunk

    monkeypatch.setattr(sources.gzip, "GzipFile", CountingGzipFile)
    problem = error([bomb], max_bytes=1_000_000)
    assert problem.kind == "too-large"
    assert sum(inflated) <= 1_000_001


def test_damaged_gzip_is_a_parse_error(tmp_path: Path) -> None:
    data = gzip.compress(STORY.encode() * 50)[:-30]
    assert error([write(tmp_path / "cut.txt.gz", data)]).kind == "parse"


# --- directories ---


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    write(root / "a.txt", STORY)
    write(root / "sub" / "c.txt", "Second story here\n\nIt has a body.\n")
    write(root / ".hidden.txt", STORY)
    write(root / "copydesk.toml", '[words]\nhouse = ["wharfies"]\n')  # a house style, not an article
    (root / ".git").mkdir()
    write(root / ".git" / "x.txt", STORY)
    os.mkfifo(root / "b_pipe.txt")  # unreadable: a named pipe (chmod 000 would not stop root)
    os.symlink(root / "gone.txt", root / "d_link.txt")  # dangling symbolic link
    os.symlink(root, root / "sub" / "loop")  # a loop back to the top
    return root


def test_directory_order_and_errors(folder: Path) -> None:
    items = list(read_inputs([str(folder)]))
    got = [(Path(item.source).relative_to(folder).as_posix(), type(item).__name__) for item in items]
    assert got == [
        ("a.txt", "Article"),
        ("b_pipe.txt", "IngestError"),
        ("d_link.txt", "IngestError"),
        ("sub/c.txt", "Article"),
    ]


def test_a_directory_with_nothing_to_read_is_an_error(tmp_path: Path) -> None:
    (tmp_path / ".hidden.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "copydesk.toml").write_text('preset = "ap"\n', encoding="utf-8")
    problem = error([str(tmp_path)])
    assert problem.kind == "empty" and "no files to read" in problem.message


def test_a_toml_file_named_on_the_command_line_is_read(folder: Path) -> None:
    (item,) = read_inputs([str(folder / "copydesk.toml")])
    assert item.source.endswith("copydesk.toml")


def test_fifo_is_unreadable_not_opened(folder: Path) -> None:
    problem = error([str(folder / "b_pipe.txt")])
    assert problem.kind == "unreadable" and "named pipe" in problem.message


def test_dangling_link_is_not_found(folder: Path) -> None:
    problem = error([str(folder / "d_link.txt")])
    assert problem.kind == "not-found" and "broken symbolic link" in problem.message


def test_on_error_sees_each_error(folder: Path) -> None:
    seen: list[str] = []
    list(read_inputs([str(folder)], on_error=lambda e: seen.append(e.kind)))
    assert seen == ["unreadable", "not-found"]


def test_links_that_meet_again_read_each_file_once(tmp_path: Path) -> None:
    """Twelve levels of two links each to the level below: 4,096 paths to one file."""
    bottom = tmp_path / "level12"
    bottom.mkdir()
    write(bottom / "story.txt", STORY)
    for level in range(11, -1, -1):
        here = tmp_path / f"level{level}"
        here.mkdir()
        os.symlink(tmp_path / f"level{level + 1}", here / "left")
        os.symlink(tmp_path / f"level{level + 1}", here / "right")
    items = list(read_inputs([str(tmp_path / "level0")]))
    assert len(items) == 1 and type(items[0]).__name__ == "Article"


def test_inputs_keep_the_order_given(tmp_path: Path) -> None:
    first = write(tmp_path / "z.txt", STORY)
    second = write(tmp_path / "a.txt", STORY)
    assert [item.source for item in read_inputs([first, second])] == [first, second]


# --- JSONL ---


def test_jsonl_with_one_bad_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": STORY, "id": "n1", "url": "https://example.org/1", "section": "Local"}),
        "{not json",
        "",
        json.dumps({"text": "Second story\n\nBody.", "published": "2022-02-21T09:14:00"}),
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    items = list(read_inputs([path]))
    assert [item.source for item in items] == [f"{path}:1", f"{path}:2", f"{path}:4"]
    assert isinstance(items[1], IngestError) and items[1].kind == "parse"
    first, last = items[0], items[2]
    assert (first.url, first.section, first.meta["record_id"]) == ("https://example.org/1", "Local", "n1")
    assert last.published == datetime(2022, 2, 21, 9, 14)


def test_jsonl_record_without_text(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.ndjson", json.dumps({"url": "https://example.org"}) + "\n")
    problem = error([path])
    assert problem.kind == "parse" and '"text" or "html"' in problem.message


def test_jsonl_gz(tmp_path: Path) -> None:
    data = gzip.compress((json.dumps({"text": STORY, "headline": "Given headline"}) + "\n").encode())
    article = one([write(tmp_path / "feed.jsonl.gz", data)])
    assert article.headline == "Given headline"


def test_jsonl_record_over_the_limit_is_skipped(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "x " * 2000}), json.dumps({"text": STORY})]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    items = list(read_inputs([path], max_bytes=1000))
    assert [getattr(item, "kind", "ok") for item in items] == ["too-large", "ok"]


# --- stdin and options ---


def test_stdin_bytes() -> None:
    article = one(["-"], stdin=io.BytesIO(STORY.encode()))
    assert article.source == "<stdin>" and article.text == STORY


def test_published_overrides_every_article(tmp_path: Path) -> None:
    text = "Talks end\n\n21 February 2022\n\nNo deal.\n"
    when = datetime(2023, 1, 5, 8, 0)
    assert one([write(tmp_path / "dated.txt", text)], published=when).published == when


# --- HTML ---


PAGE = (
    "<!DOCTYPE html><html><head><title>Harbour</title></head><body><article><h1>Council backs "
    "harbour plan</h1><p>The council voted on Monday to back the plan for the harbour, ending a "
    "long dispute between the port and the city.</p></article></body></html>"
)


def test_is_probably_html() -> None:
    assert is_probably_html(PAGE.encode())
    assert is_probably_html("  <div><p>One</p><p>Two</p></div>")
    assert not is_probably_html(STORY.encode())
    assert not is_probably_html(b"Use <b> for bold, the style guide says.")


def test_html_is_routed_to_the_html_extractor(tmp_path: Path, monkeypatch) -> None:
    calls = []

    def parse_html(html, *, source, url=None, reference_date=None, extraction="unset"):
        calls.append((html[:15], source, url, extraction))
        return Article(text="extracted", source=source, url=url)

    fake = types.ModuleType("copydesk.ingest.html")
    fake.parse_html = parse_html
    monkeypatch.setitem(sys.modules, "copydesk.ingest.html", fake)
    path = write(tmp_path / "page.txt", PAGE)  # sniffed: the extension says nothing
    assert one([path]).text == "extracted"
    assert calls == [("<!DOCTYPE html>", path, None, "cascade")]  # the default extraction


def test_html_file_through_the_real_extractor(tmp_path: Path) -> None:
    article = one([write(tmp_path / "page.html", PAGE)])
    assert isinstance(article, Article)
    assert "council voted on Monday" in article.text


def test_html_page_without_article(tmp_path: Path) -> None:
    page = "<html><body><nav><a href='/'>Home</a></nav></body></html>"
    assert error([write(tmp_path / "menu.html", page)]).kind == "no-article"


def test_a_lone_surrogate_in_a_jsonl_record_is_replaced_with_a_warning(tmp_path):
    import json as _json

    from copydesk.ingest.sources import read_inputs

    path = tmp_path / "feed.jsonl"
    record = {"text": "The council met \ud800 today.", "headline": "Vote \udc00", "id": ["\ud800"]}
    path.write_text(_json.dumps(record) + "\n", encoding="utf-8")
    [article] = read_inputs([str(path)])
    assert article.headline == "Vote \ufffd" and "\ud800" not in article.text
    assert article.meta["record_id"] == ["\ufffd"]
    assert len(article.meta["warnings"]) == 3 and "U+FFFD" in article.meta["warnings"][0]


def test_a_dateline_offset_of_a_day_is_dropped_with_a_warning():
    from copydesk.ingest.text import parse_text

    article = parse_text("Council vote\n\nFebruary 21, 2022 10:00 +25:00\n\nThe council met.\n")
    assert article.published is not None and article.published.tzinfo is None
    assert (article.published.hour, article.published.minute) == (10, 0)
    assert "+25:00" in article.meta["warnings"][0]


def test_a_file_mixing_utf8_and_windows_1252_keeps_both_readable(tmp_path: Path) -> None:
    data = ("Port strike ends\n\nThe union said “enough” after talks at the café.\n".encode()
            + b"Its leader said \x93we won\x94 and the fare fell by \x805.\n")
    path = tmp_path / "mixed.txt"
    path.write_bytes(data)
    [article] = list(read_inputs([str(path)]))
    assert "“enough”" in article.text and "café" in article.text
    assert "“we won”" in article.text and "€5" in article.text
    assert "Ä" not in article.text and "mixed" in article.meta["encoding"]
    assert len(article.warnings) == 1 and "Windows-1252" in article.warnings[0]
    assert article.to_dict()["warnings"] == article.warnings


def test_a_plain_utf8_file_has_no_input_warning(tmp_path: Path) -> None:
    [article] = list(read_inputs([str(write(tmp_path / "plain.txt", "The café opened.\n".encode()))]))
    assert article.warnings == [] and article.to_dict()["encoding"] == "utf-8"
