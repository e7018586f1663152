"""Inputs -> articles: files, directories, gzip, JSONL/NDJSON, WARC and standard input.

``read_inputs`` yields, in input order, one ``Article`` or one ``IngestError`` (yielded, not
raised) per article-sized input, so a batch run goes on past a bad file. ``str(error)`` reads
"photo.png: binary file (PNG image), not an article"; ``error.message`` is the part after the
input name.

Sizes are checked before reading: a file larger than ``max_bytes`` is never opened, and gzip
input is decompressed in a stream that stops as soon as the output passes ``max_bytes`` (a
small gzip that would expand to gigabytes costs at most ``max_bytes`` of memory). For JSONL the
limit applies to each record (line), so a large JSONL corpus streams.

JSON can spell a lone surrogate ("\\ud800"), which no UTF-8 text holds: in a record's string
fields each becomes U+FFFD, and ``article.meta["warnings"]`` says where.

A WARC file (``.warc``, ``.warc.gz``, read with warcio) gives one input per ``response`` or
``resource`` record, named ``FILE@OFFSET`` (the record's byte offset in the file) and carrying
the record's target URI as the article's URL. A record that is not an article page (another
content type, an HTTP status other than 2xx, a payload over ``max_bytes``) is an ``IngestError``
naming it, so it is reported, not passed over; ``request``, ``metadata``, ``revisit`` and
``warcinfo`` records are not content and are not inputs.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import stat
import sys
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import IO, Any, BinaryIO

from copydesk.errors import IngestError
from copydesk.ingest.decode import MIXED_ENCODING, decode_bytes, is_probably_html
from copydesk.ingest.text import parse_text
from copydesk.model import DEFAULT_EXTRACTION, Article, extraction_mode

DEFAULT_MAX_BYTES = 20_000_000
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
#: Files a directory walk passes over: configuration (``copydesk.toml``, the house style, lives
#: in the working directory, often beside the articles). Named on the command line, they are read.
SKIPPED_IN_DIRECTORIES = (".toml",)
#: WARC record types that hold a page (the others are requests, metadata, crawl information)
WARC_CONTENT = ("response", "resource")
GZIP_MAGIC = b"\x1f\x8b"
STDIN_NAME = "<stdin>"
_CHUNK = 1 << 20
_SURROGATE = re.compile("[\ud800-\udfff]")

Item = Article | IngestError


def read_inputs(
    paths: Sequence[str],
    *,
    published: datetime | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    on_error: Callable[[IngestError], None] | None = None,
    reference_date: datetime | None = None,
    defer: bool = False,
    extraction: str = DEFAULT_EXTRACTION,
) -> Iterator[Item | DeferredInput]:
    """One ``Article`` or ``IngestError`` per input, in input order.

    ``paths`` are files, directories (read recursively, sorted; hidden names and ``.toml`` files
    skipped), ``.gz``
    files, ``.jsonl``/``.ndjson`` files (one article per line) or ``-`` for standard input.
    ``published`` overrides every article's published date. ``on_error`` is called with each
    error as well as yielding it. ``reference_date`` bounds the publication dates read from
    HTML (none later than the day after it); without it the bound is the day after today.
    ``extraction`` is how an HTML page's main text is found (``copydesk.model.EXTRACTIONS``:
    "cascade", the default, "fast", "lean" or "vote").

    ``defer``: a text or HTML file is read, size-checked and decoded here (so an empty, binary or
    undecodable file is an error at once), but its parsing — the HTML extraction, the dateline
    reading — is left to whoever calls ``DeferredInput.load()``: a supervised worker
    (``copydesk.desk.supervise``) does it under the input's time and memory budget. A JSONL line is
    read as JSON here and made an article (its fields checked, its HTML extracted) there.
    """
    reader = _Reader(max_bytes=max_bytes, stdin=stdin, reference_date=reference_date, defer=defer,
                     extraction=extraction)
    for path in paths:
        for item in reader.read(path):
            if isinstance(item, IngestError):
                if on_error is not None:
                    on_error(item)
            elif published is not None:
                item.published = published
            yield item


@dataclass
class DeferredInput:
    """A decoded input whose parsing is still to do (``read_inputs(defer=True)``); ``load()``
    parses it into an ``Article`` (or an ``IngestError``), applying ``published`` when given."""

    source: str
    text: str
    html: bool
    encoding: str
    reference_date: datetime | None = None
    published: datetime | None = None
    #: A JSONL record (its ``text`` or ``html`` and metadata) instead of ``text``.
    record: dict[str, Any] | None = None
    #: The page's URL, when the input says it (a WARC record's target URI).
    url: str | None = None
    #: How an HTML page's main text is found ("cascade", "fast", "lean" or "vote").
    extraction: str = DEFAULT_EXTRACTION

    def load(self) -> Article | IngestError:
        try:
            article = self._parse()
        except IngestError as exc:
            return exc
        if self.published is not None:
            article.published = self.published
        return article

    def _parse(self) -> Article:
        if self.record is not None:
            return _from_record(self.record, self.source, self.reference_date, self.extraction)
        if self.html:
            article = _parse_html(self.text, source=self.source, url=self.url,
                                  reference_date=self.reference_date, extraction=self.extraction)
        else:
            article = parse_text(self.text, source=self.source)
            if self.url and not article.url:
                article.url = self.url
        article.meta["encoding"] = self.encoding
        if self.encoding.startswith(MIXED_ENCODING):
            article.meta.setdefault("warnings", []).append(
                "the file mixes UTF-8 with Windows-1252 bytes: the valid UTF-8 was kept and the other "
                "bytes were read as Windows-1252; check accented letters and quotation marks"
            )
        return article


class _Reader:
    """Reads one path argument into items; holds the options and the directories already seen."""

    def __init__(
        self, *, max_bytes: int, stdin: BinaryIO | None, reference_date: datetime | None = None,
        defer: bool = False, extraction: str = DEFAULT_EXTRACTION,
    ):
        if max_bytes <= 0:
            raise ValueError("max_bytes must be positive")
        extraction_mode(extraction)
        self.max_bytes = max_bytes
        self.defer = defer
        self.stdin = stdin
        self.reference_date = reference_date
        self.extraction = extraction
        #: (device, inode) of every directory and file read in this run: a tree whose symbolic
        #: links meet again is read once, each real file once, whatever its paths
        self._read: set[tuple[int, int]] = set()

    def read(self, path: str) -> Iterator[Item]:
        if path == "-":
            yield from self._stdin()
            return
        try:
            info = os.stat(path)
        except FileNotFoundError:
            yield _missing(path)
            return
        except PermissionError:
            yield IngestError(path, "unreadable", "permission denied")
            return
        except OSError as exc:
            yield IngestError(path, "unreadable", _os_reason(exc))
            return
        if stat.S_ISDIR(info.st_mode):
            read_before = (info.st_dev, info.st_ino) in self._read
            found = False
            for item in self._directory(path, seen=set()):
                found = True
                yield item
            if not found and not read_before:
                # a directory given that holds nothing to read is an error (a wrong path, files
                # not yet copied), not a silent run over no articles
                yield IngestError(path, "empty", "no files to read in this directory"
                                  " (hidden files and copydesk.toml are skipped)")
        else:
            yield from self._file(path, info)

    def _directory(self, path: str, seen: set[tuple[int, int]]) -> Iterator[Item]:
        info = os.stat(path)
        key = (info.st_dev, info.st_ino)
        if key in seen or key in self._read:  # a link back, or to a directory read already
            return
        seen = seen | {key}
        self._read.add(key)
        try:
            with os.scandir(path) as entries:
                names = sorted(entry.name for entry in entries if not entry.name.startswith("."))
        except OSError as exc:
            yield IngestError(path, "unreadable", f"cannot list directory ({_os_reason(exc)})")
            return
        for name in names:
            if name.lower().endswith(SKIPPED_IN_DIRECTORIES):
                continue  # a house-style file kept beside the articles is not one of them
            child = os.path.join(path, name)
            try:
                child_info = os.stat(child)
            except FileNotFoundError:
                yield _missing(child)
                continue
            except OSError as exc:
                yield IngestError(child, "unreadable", _os_reason(exc))
                continue
            if stat.S_ISDIR(child_info.st_mode):
                yield from self._directory(child, seen)
            else:
                yield from self._file(child, child_info)

    def _file(self, path: str, info: os.stat_result) -> Iterator[Item]:
        key = (info.st_dev, info.st_ino)
        if stat.S_ISREG(info.st_mode) and key in self._read:
            return  # the same file under another path (a symbolic or hard link): read once
        self._read.add(key)
        if not stat.S_ISREG(info.st_mode):
            yield IngestError(path, "unreadable", f"not a regular file ({_file_kind(info.st_mode)})")
            return
        name = path.lower()
        if name.endswith(JSONL_SUFFIXES):
            yield from self._jsonl(path, gz=name.endswith(".gz"))
            return
        if name.endswith(WARC_SUFFIXES):
            yield from self._warc(path)
            return
        if info.st_size > self.max_bytes:
            yield _too_large(path, info.st_size, self.max_bytes)
            return
        try:
            with open(path, "rb") as handle:
                data = handle.read(self.max_bytes + 1)
                if len(data) > self.max_bytes:
                    yield _too_large(path, len(data), self.max_bytes)
                    return
        except OSError as exc:
            yield IngestError(path, "unreadable", _os_reason(exc))
            return
        inner = name.removesuffix(".gz")
        yield self._article(data, path, html=inner.endswith(HTML_SUFFIXES))

    def _stdin(self) -> Iterator[Item]:
        stream = self.stdin if self.stdin is not None else sys.stdin.buffer
        try:
            data = stream.read(self.max_bytes + 1)
        except OSError as exc:
            yield IngestError(STDIN_NAME, "unreadable", _os_reason(exc))
            return
        if len(data) > self.max_bytes:
            yield _too_large(STDIN_NAME, len(data), self.max_bytes, approximate=True)
            return
        if data.startswith(GZIP_MAGIC):
            try:
                data = self._gunzip(data, STDIN_NAME)
            except IngestError as exc:
                yield exc
                return
        if _looks_like_jsonl(data):
            yield from self._records(io.BytesIO(data), STDIN_NAME)
            return
        yield self._article(data, STDIN_NAME, html=False)

    def _warc(self, path: str) -> Iterator[Item]:
        """One item per response or resource record of a WARC file (see the module doc)."""
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed

        try:
            handle = open(path, "rb")  # noqa: SIM115 - closed by the with below
        except OSError as exc:
            yield IngestError(path, "unreadable", _os_reason(exc))
            return
        count = 0
        with handle:
            if not _starts_as_warc(handle):
                yield IngestError(path, "parse", "not a WARC file (it does not begin with a "
                                  "WARC/1.x record header)")
                return
            records = ArchiveIterator(handle, check_digests=False)
            while True:
                try:
                    record = next(records)
                except StopIteration:
                    break
                except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError) as exc:
                    where = f"{path}@{records.get_record_offset() or 0}"
                    yield IngestError(where, "parse", f"damaged WARC data ({exc or 'truncated'})")
                    return
                if record.rec_type not in WARC_CONTENT:
                    continue
                count += 1
                try:
                    # the payload first: warcio knows the record's offset only once it is read
                    data = record.content_stream().read(self.max_bytes + 1)
                    short = len(data) <= self.max_bytes and getattr(record.raw_stream, "limit", 0)
                except (OSError, EOFError, zlib.error, ValueError) as exc:
                    where = f"{path}@{records.get_record_offset()}"
                    yield IngestError(where, "parse", f"damaged WARC record ({exc or 'truncated'})")
                    return
                if short:  # the file ends inside the record: warcio returns what there is
                    where = f"{path}@{records.get_record_offset()}"
                    yield IngestError(where, "parse", f"damaged WARC record (truncated: {short} "
                                      "bytes of it are missing)")
                    return
                yield self._warc_record(record, data, f"{path}@{records.get_record_offset()}")
        if count == 0:
            yield IngestError(path, "empty", "no response or resource record in the WARC file")

    def _warc_record(self, record: Any, data: bytes, source: str) -> Item | DeferredInput:
        url = record.rec_headers.get_header("WARC-Target-URI") or None
        kind = record.http_headers.get_header("Content-Type") if record.http_headers else None
        kind = kind or record.rec_headers.get_header("Content-Type") or ""
        if record.http_headers is not None:
            status = record.http_headers.get_statuscode() or ""
            if not status.startswith("2"):
                return IngestError(source, "no-article", f"HTTP status {status} for {url}",
                                   url=url)
        mime = kind.split(";")[0].strip().lower()
        if mime and mime not in ("text/html", "application/xhtml+xml", "text/plain"):
            return IngestError(source, "no-article", f"{mime} content, not a page ({url})",
                               url=url)
        if len(data) > self.max_bytes:
            error = _too_large(source, len(data), self.max_bytes, approximate=True)
            error.url = url
            return error
        return self._article(data, source, html=mime != "text/plain", url=url)

    def _article(
        self, data: bytes, source: str, *, html: bool, url: str | None = None
    ) -> Item | DeferredInput:
        """Bytes of one article (gzip, HTML or text) -> an Article or an error (with ``defer``,
        the decoded text waiting to be parsed: a ``DeferredInput``)."""
        try:
            if data.startswith(GZIP_MAGIC):
                data = self._gunzip(data, source)
            if not data.strip():
                return IngestError(source, "empty", "empty file (nothing but whitespace)")
            text, encoding = decode_bytes(data, source=source)
            if not text.strip():
                return IngestError(source, "empty", "empty file (nothing but whitespace)")
        except IngestError as exc:
            return exc
        pending = DeferredInput(source, text, html or is_probably_html(data), encoding,
                                self.reference_date, url=url, extraction=self.extraction)
        return pending if self.defer else pending.load()

    def _gunzip(self, data: bytes, source: str) -> bytes:
        """Decompress, stopping as soon as the output passes ``max_bytes``."""
        out = bytearray()
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
                while chunk := stream.read(min(_CHUNK, self.max_bytes + 1 - len(out))):
                    out += chunk
                    if len(out) > self.max_bytes:
                        raise IngestError(
                            source,
                            "too-large",
                            f"gzip data expands past the {_human(self.max_bytes)} limit "
                            "(stopped reading; raise --max-size to allow it)",
                        )
        except (OSError, EOFError, zlib.error) as exc:
            raise IngestError(source, "parse", f"damaged gzip data ({exc or 'truncated'})") from None
        return bytes(out)

    def _jsonl(self, path: str, *, gz: bool) -> Iterator[Item]:
        try:
            # opened here so that an open error is this input's error; closed by the with below
            handle: IO[bytes] = gzip.open(path, "rb") if gz else open(path, "rb")  # noqa: SIM115
        except OSError as exc:
            yield IngestError(path, "unreadable", _os_reason(exc))
            return
        with handle:
            count = 0
            for item in self._records(handle, path):
                count += 1
                yield item
        if count == 0:  # a feed with no record is reported, not passed over in silence
            yield IngestError(path, "empty", "no JSON record in the file")

    def _records(self, handle: IO[bytes], path: str) -> Iterator[Item]:
        """One item per non-blank line; a line longer than ``max_bytes`` is skipped unread."""
        number = 0
        while True:
            try:
                line = handle.readline(self.max_bytes + 1)
            except (OSError, EOFError, zlib.error) as exc:
                yield IngestError(f"{path}:{number + 1}", "parse", f"damaged file ({exc or 'truncated'})")
                return
            if not line:
                return
            number += 1
            source = f"{path}:{number}"
            if len(line) > self.max_bytes and not line.endswith(b"\n"):
                _skip_line(handle)
                yield IngestError(source, "too-large", f"record longer than {_human(self.max_bytes)}")
                continue
            if line.strip():
                yield self._record(line, source, first=number == 1)

    def _record(self, line: bytes, source: str, *, first: bool) -> Item:
        try:
            raw = line.decode("utf-8-sig" if first else "utf-8")
        except UnicodeDecodeError as exc:
            return IngestError(source, "encoding", f"JSONL line is not UTF-8 (byte {exc.start})")
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as exc:
            return IngestError(source, "parse", f"not valid JSON ({exc.msg} at column {exc.colno})")
        if not isinstance(record, dict):
            return IngestError(source, "parse", "JSONL line is not an object")
        pending = DeferredInput(source, "", False, "utf-8", self.reference_date, record=record,
                                extraction=self.extraction)
        return pending if self.defer else pending.load()


def _from_record(
    record: dict[str, Any], source: str, reference_date: datetime | None = None,
    extraction: str = DEFAULT_EXTRACTION,
) -> Article:
    """An article from one JSONL object with ``text`` or ``html`` and optional metadata."""
    warnings: list[str] = []
    record = {name: _replace_surrogates(value, name, warnings) for name, value in record.items()}
    url = _string(record, "url", source)
    html, text = _string(record, "html", source), _string(record, "text", source)
    if html is None and text is None:
        raise IngestError(source, "parse", 'record has no "text" or "html" field')
    body = html if html is not None else text
    if not (body or "").strip():
        raise IngestError(source, "empty", "record text is empty")
    if html is not None:
        article = _parse_html(html, source=source, url=url, reference_date=reference_date,
                              extraction=extraction)
    else:
        article = parse_text(text or "", source=source)
        article.url = url
    for name in ("headline", "section", "byline"):
        value = _string(record, name, source)
        if value:
            setattr(article, name, value)
    for name in ("published", "updated"):
        value = _string(record, name, source)
        if value:
            setattr(article, name, _record_date(value, name, source))
            if isinstance(article.meta.get("sources"), dict):
                article.meta["sources"][name] = "record"  # the record's date, not the page's
    for name in ("id", "source"):
        value = record.get(name)
        if value is not None:
            article.meta[f"record_{name}"] = value
    if warnings:
        article.meta.setdefault("warnings", []).extend(warnings)
    return article


def _replace_surrogates(value: Any, name: str, warnings: list[str]) -> Any:
    """``value`` with each lone surrogate in its strings replaced by U+FFFD (noted in
    ``warnings``); lists and objects are walked, since ``id`` and ``source`` go to ``meta``."""
    if isinstance(value, list):
        return [_replace_surrogates(item, name, warnings) for item in value]
    if isinstance(value, dict):
        return {key: _replace_surrogates(item, name, warnings) for key, item in value.items()}
    if not isinstance(value, str) or not _SURROGATE.search(value):
        return value
    replaced, count = _SURROGATE.subn("\ufffd", value)
    warnings.append(f'"{name}": {count} lone surrogate(s) (not text) replaced with U+FFFD')
    return replaced


def _record_date(value: str, name: str, source: str) -> datetime:
    try:
        return datetime.fromisoformat(value)  # Python 3.11 reads "Z"
    except ValueError:
        pass
    from copydesk.ingest.datelines import impossible_offset, parse_date_part

    bad = impossible_offset(value)
    if bad:
        raise IngestError(
            source, "parse",
            f'"{name}" has the timezone offset {bad}, 24 hours or more: {value[:40]!r}',
        )
    parsed = parse_date_part(value)
    if parsed is None:
        raise IngestError(source, "parse", f'"{name}" is not a date: {value[:40]!r}')
    return parsed[0]


def _string(record: dict[str, Any], name: str, source: str) -> str | None:
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value
    raise IngestError(source, "parse", f'"{name}" must be a string, not {type(value).__name__}')


def _parse_html(
    html: str, *, source: str, url: str | None, reference_date: datetime | None = None,
    extraction: str = DEFAULT_EXTRACTION,
) -> Article:
    """Delegate to the HTML extractor (imported here: it loads trafilatura)."""
    try:
        from copydesk.ingest.html import parse_html
    except ImportError:
        raise IngestError(source, "parse", "HTML input is not supported by this installation") from None
    try:
        return parse_html(html, source=source, url=url, reference_date=reference_date,
                          extraction=extraction)
    except IngestError:
        raise
    except Exception as exc:  # noqa: BLE001 - an extractor bug must not stop a batch
        raise IngestError(source, "parse", f"could not parse the HTML ({type(exc).__name__}: {exc})") from None


def _starts_as_warc(handle: BinaryIO) -> bool:
    """Whether the file (gzip-compressed or not) begins with a WARC record header; rewinds."""
    head = handle.read(2)
    handle.seek(0)
    try:
        if head == GZIP_MAGIC:
            with gzip.GzipFile(fileobj=handle) as stream:
                start = stream.read(6)
        else:
            start = handle.read(6)
    except (OSError, EOFError, zlib.error):
        start = b""
    handle.seek(0)
    return start.startswith(b"WARC/") or start == b""


def _looks_like_jsonl(data: bytes) -> bool:
    """Standard input holding JSONL: the first line is a JSON object with text or html."""
    first = data.lstrip()[:1]
    if first != b"{":
        return False
    line = data.lstrip().split(b"\n", 1)[0]
    try:
        record = json.loads(line)
    except (ValueError, UnicodeDecodeError):
        return False
    return isinstance(record, dict) and ("text" in record or "html" in record)


def _skip_line(handle: IO[bytes]) -> None:
    while True:
        rest = handle.readline(_CHUNK)
        if not rest or rest.endswith(b"\n"):
            return


def _missing(path: str) -> IngestError:
    if os.path.islink(path):
        return IngestError(path, "not-found", f"broken symbolic link (to {os.readlink(path)})")
    return IngestError(path, "not-found", "no such file or directory")


def _too_large(path: str, size: int, limit: int, *, approximate: bool = False) -> IngestError:
    what = "more than " + _human(limit) if approximate else _human(size)
    return IngestError(
        path, "too-large", f"file is {what}, over the {_human(limit)} limit (see --max-size)"
    )


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"


def _os_reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def _human(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1000  # type: ignore[assignment]
    return f"{size} bytes"
