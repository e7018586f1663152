"""The article a form gives: pasted text with its headline and metadata, or an uploaded file.

A pasted headline is put before the text (a blank line between) unless the text starts with
it, so the checks read it as an editor would; the headline, byline, URL and date typed into the form are the article's own,
whatever the text's first lines say. An uploaded file goes through the same ingest as the CLI's
standard input (text, HTML, gzip, or the first record of JSONL).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

from copydesk.errors import IngestError
from copydesk.ingest.sources import read_inputs
from copydesk.ingest.text import parse_text
from copydesk.model import Article

#: The largest upload or pasted text taken, in bytes (the CLI's default is larger: a web form
#: is for one article).
MAX_BYTES = 2_000_000


class FormError(ValueError):
    """The form cannot be checked as filled in; the message is for the person filling it."""


@dataclass
class Pasted:
    """The fields of the paste form, as typed (kept to fill the form again after an error)."""

    headline: str = ""
    text: str = ""
    published: str = ""
    byline: str = ""
    url: str = ""


def pasted_article(form: Pasted) -> Article:
    """The article of a filled-in paste form; ``FormError`` when it has no text or a bad date."""
    body = form.text.replace("\r\n", "\n")
    headline = " ".join(form.headline.split())
    if not body.strip():
        raise FormError("Paste the article's text (or choose a file).")
    if len(body.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise FormError(f"The text is longer than {MAX_BYTES // 1_000_000} MB.")
    published = _date(form.published)
    first_line = body.strip().split("\n", 1)[0]
    if headline and " ".join(first_line.split()) != headline:
        body = f"{headline}\n\n{body}"
    article = parse_text(body, source="<pasted>")
    if headline:
        article.headline = headline
    for name in ("byline", "url"):
        value = getattr(form, name).strip()
        if value:
            setattr(article, name, value)
    if published is not None:
        article.published = published
    return article


def uploaded_article(data: bytes, filename: str, published: str = "") -> Article:
    """The article of an uploaded file's bytes; ``FormError`` when it holds none."""
    when = _date(published)
    source = _name(filename)
    if len(data) > MAX_BYTES:
        raise FormError(f"{source} is larger than {MAX_BYTES // 1_000_000} MB.")
    items = read_inputs(["-"], stdin=io.BytesIO(data), max_bytes=MAX_BYTES, published=when)
    item = next(iter(items), None)
    if isinstance(item, IngestError):
        raise FormError(f"{source} could not be read: {item.message}.")
    if not isinstance(item, Article):
        raise FormError(f"{source} holds no article.")
    item.source = source
    return item


def _date(value: str) -> datetime | None:
    value = value.strip()
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise FormError(f"The date {value[:40]!r} is not a date like 2022-02-21.") from None


def _name(filename: str) -> str:
    """An upload's name as its source: the last path part, at most 200 characters."""
    name = filename.replace("\\", "/").rsplit("/", 1)[-1].strip()
    return name[:200] or "<upload>"
