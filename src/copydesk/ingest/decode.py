"""Bytes -> text: byte-order marks, UTF-8, UTF-16 without a mark, Western single-byte texts, and
the refusal of binary files.

Order of decisions:

1. A byte-order mark (UTF-32, UTF-8, UTF-16) decides; the mark is dropped.
2. A known binary signature (PNG, PDF, ZIP, ELF, ...) is refused as ``binary``.
3. NUL bytes: UTF-16 without a mark when the NULs fall on every other byte and the result is
   text; otherwise ``binary``.
4. Strict UTF-8.
5. Western single-byte text (few high bytes, all of them accented letters or typographic
   punctuation in cp1252) is decoded as cp1252, or latin-1 when cp1252 cannot.
6. charset-normalizer for the rest (Cyrillic, Greek, CJK code pages); an untrusted guess is an
   ``encoding`` error. (charset-normalizer alone takes short Western texts for cp1250 or cp932.)
"""

from __future__ import annotations

import codecs
import re

from copydesk.errors import IngestError
from copydesk.model import has_mojibake

MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\x1f\x8b", "gzip archive (name it .gz to read it)"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"fLaC", "FLAC audio"),
    (b"\x00asm", "WebAssembly module"),
    (b"\xca\xfe\xba\xbe", "Java class or Mach-O binary"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)
"""Signatures at offset 0 (RIFF/WebP, MP4 and TAR are checked separately)."""

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

MAX_HIGH_RATIO = 0.15
"""Bytes above 0x7F allowed in a text taken for Western single-byte (accents, quotes, currency)."""

_WESTERN_CHARS = frozenset(
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ"
    "ŠšŽžŒœŸƒ‘’‚“”„–—…•€£¥¢©®™°±²³¹´µ·º»«¼½¾¿¡§¶ª†‡‰‹›ˆ˜\xa0\xad"
)

MAX_CHAOS = 0.2
"""charset-normalizer's "mess" ratio above which a guess is not trusted."""

_SAMPLE = 64 * 1024
_CONTROL_BYTES = re.compile(rb"[\x01-\x08\x0b\x0e-\x1a\x1c-\x1f]")
MAX_CONTROL_RATIO = 0.01
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_HTML_START = re.compile(
    rb"(?is)^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])"
)
_HTML_TAG = re.compile(
    rb"(?i)<(?:/?(?:html|head|body|div|p|span|article|section|main|header|footer|nav|h[1-6]|"
    rb"a|ul|li|table|br|img|meta|title|script|style|link)\b[^>]*|!doctype\s+html)>"
)


def decode_bytes(data: bytes, *, source: str) -> tuple[str, str]:
    """``(text, encoding name)`` for the bytes of one input, or raise ``IngestError``."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], encoding, source), encoding + "-sig"
    kind = binary_kind(data)
    if kind is not None:
        raise IngestError(source, "binary", f"binary file ({kind}), not an article")
    if b"\x00" in data[:_SAMPLE]:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise IngestError(source, "binary", "binary file (it contains NUL bytes), not an article")
        return _strict(data, encoding, source), encoding
    sample = data[:_SAMPLE]
    if len(_CONTROL_BYTES.findall(sample)) > MAX_CONTROL_RATIO * len(sample):
        raise IngestError(source, "binary", "binary file (control bytes), not an article")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mixed = _mixed(data)
    if mixed is not None:
        return mixed
    return _detect(data, source)


_ESCAPED = re.compile("[\udc80-\udcff]+")
#: The encoding name of a file decoded as UTF-8 with Windows-1252 runs (``_mixed``).
MIXED_ENCODING = "utf-8+cp1252"


def _mixed(data: bytes) -> tuple[str, str] | None:
    """Text that is mostly UTF-8 with some Windows-1252 bytes in it (a file pasted together from
    two sources): the valid UTF-8 is kept as it is and each run of bytes that is not UTF-8 is
    read as cp1252, instead of guessing one code page for the whole file and garbling the UTF-8
    ("“" read as "‚Äú"). None when the bytes hold no valid multi-byte UTF-8 at all."""
    text = data.decode("utf-8", errors="surrogateescape")
    if not any(ord(ch) >= 0x80 and not 0xDC80 <= ord(ch) <= 0xDCFF for ch in text):
        return None

    def western(match: re.Match) -> str:
        raw = bytes(ord(ch) - 0xDC00 for ch in match.group())
        return raw.decode("cp1252", errors="replace")

    return _ESCAPED.sub(western, text), f"{MIXED_ENCODING} (mixed: the bytes that are not UTF-8 read as cp1252)"


def binary_kind(data: bytes) -> str | None:
    """A name for the binary format the bytes start with, or ``None``."""
    head = data[:32]
    for magic, name in MAGIC_NUMBERS:
        if head.startswith(magic):
            return name
    if head[:2] == b"MZ" and b"\x00" in head:
        return "Windows executable"
    if head[:4] == b"RIFF" and head[8:12] in {b"WEBP", b"WAVE", b"AVI "}:
        return {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}[head[8:12]]
    if head[4:8] == b"ftyp":
        return "MP4/QuickTime media"
    if data[257:262] == b"ustar":
        return "tar archive"
    return None


def is_probably_html(data: bytes | str) -> bool:
    """Whether an input looks like an HTML page rather than text (checks the first 4 KB)."""
    head = data[:4096]
    if isinstance(head, str):
        head = head.encode("utf-8", "replace")
    head = head.lstrip(codecs.BOM_UTF8)
    if b"\x00" in head[:200]:  # UTF-16: look at the ASCII bytes only
        head = head.replace(b"\x00", b"")
    if _HTML_START.match(head):
        return True
    stripped = head.lstrip()
    return stripped.startswith(b"<") and len(_HTML_TAG.findall(head)) >= 3


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise IngestError(
            source, "encoding", f"not valid {encoding} text (bad bytes at offset {exc.start})"
        ) from None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text with no byte-order mark: the NULs sit on even (BE) or odd (LE) bytes."""
    sample = data[: _SAMPLE - (_SAMPLE % 2)]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nuls, odd_nuls = even.count(0), odd.count(0)
    half = len(sample) // 2
    if odd_nuls >= 0.5 * half and even_nuls <= 0.02 * half:
        encoding = "utf-16-le"
    elif even_nuls >= 0.5 * half and odd_nuls <= 0.02 * half:
        encoding = "utf-16-be"
    else:
        return None
    if len(data) % 2:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    controls = len(_CONTROL.findall(text[:_SAMPLE]))
    return encoding if controls <= 0.01 * min(len(text), _SAMPLE) else None


def _detect(data: bytes, source: str) -> tuple[str, str]:
    western = _western(data)
    if western is not None:
        return western
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 4 * _SAMPLE]).best()
    if best is None or best.chaos > MAX_CHAOS:
        raise IngestError(
            source, "encoding", "text encoding not recognised (not UTF-8, UTF-16 or a Western code page)"
        )
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        raise IngestError(
            source, "encoding", f"text looks like {best.encoding} but does not decode"
        ) from None


def _western(data: bytes) -> tuple[str, str] | None:
    """cp1252 (or latin-1) text when it is confidently Western: few bytes above 0x7F, and those
    decode to accented letters and typographic punctuation rather than stray symbols."""
    high = sum(1 for byte in data[:_SAMPLE] if byte >= 0x80)
    if high == 0 or high > MAX_HIGH_RATIO * min(len(data), _SAMPLE):
        return None
    for encoding in ("cp1252", "latin_1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        odd = [ch for ch in text[:_SAMPLE] if ord(ch) >= 0x80 and ch not in _WESTERN_CHARS]
        if len(odd) <= 0.05 * high:
            return text, encoding
        return None
    return None


def repair_mojibake(text: str) -> tuple[str, bool]:
    """Text that was double-encoded before it reached the desk, repaired; and whether it was.

    Pages and feeds are often published with UTF-8 read as a single-byte code page somewhere
    upstream, so a reader sees "itâ€™s" for "it’s". The checks would judge the damage as
    misspelt words, so the text is repaired first with ftfy's encoding fixer (which undoes
    only sequences that are far likelier mojibake than real text) and the article says so in
    its warnings. Text without the telltale sequences is returned untouched without calling ftfy."""
    if not has_mojibake(text):
        return text, False
    import ftfy

    fixed = ftfy.fix_encoding(text)
    return fixed, fixed != text


MOJIBAKE_WARNING = ("encoding: the text was double-encoded before it was published (mojibake such"
                    " as 'itâ€™s' for 'it’s') and was repaired before checking")
MOJIBAKE_TEXT_WARNING = ("encoding: the text looks double-encoded (mojibake such as 'itâ€™s' for"
                         " 'it’s'); the damaged words are not checked for spelling")
