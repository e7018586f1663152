"""Plain text and scraped page text -> ``Article``."""

from __future__ import annotations

from copydesk.model import Article, split_paragraphs


def parse_text(text: str, *, source: str = "<text>") -> Article:
    text = text.replace("\r\n", "\n")
    return Article(text=text, source=source, regions=split_paragraphs(text))
