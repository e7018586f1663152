"""Article facts from JSON-LD (``<script type="application/ld+json">``), parsed defensively.

Real pages put the article object at the top level, inside a list, inside ``@graph``, or nested
under ``mainEntity``; they also ship trailing commas, HTML comments, CDATA wrappers, raw control
characters and plain garbage. We read what parses, skip what does not, and never raise.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from lxml.html import HtmlElement

ARTICLE_TYPES = frozenset(
    {
        "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
        "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "blogposting",
        "liveblogposting", "socialmediaposting", "techarticle", "scholarlyarticle", "report",
        "posting", "medicalwebpage", "review", "howto", "recipe",
    }
)
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_WRAPPERS = re.compile(r"^\s*(?:<!--|<!\[CDATA\[|//\s*<!\[CDATA\[)|(?:-->|\]\]>|//\s*\]\]>)\s*$")
_MAX_NODES = 5_000


def load_blocks(tree: HtmlElement) -> list[Any]:
    """Every JSON-LD block of the page that parses (after light repair), in page order."""
    blocks = []
    for script in tree.iter("script"):
        kind = (script.get("type") or "").lower()
        if "ld+json" not in kind or not script.text:
            continue
        data = parse_json(script.text)
        if data is not None:
            blocks.append(data)
    return blocks


def parse_json(raw: str) -> Any:
    """``json.loads`` with repairs for comment wrappers and trailing commas; ``None`` if hopeless."""
    text = _WRAPPERS.sub("", raw.strip())
    for attempt in (text, _TRAILING_COMMA.sub(r"\1", text)):
        try:
            return json.loads(attempt, strict=False)
        except (ValueError, RecursionError):
            continue
    return None


def iter_objects(data: Any) -> Iterator[dict[str, Any]]:
    """Every dict in a JSON-LD structure, breadth first, without recursion (bounded)."""
    queue = [data]
    seen = 0
    while queue and seen < _MAX_NODES:
        item = queue.pop(0)
        seen += 1
        if isinstance(item, dict):
            yield item
            queue.extend(v for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            queue.extend(v for v in item if isinstance(v, (dict, list)))


def types_of(obj: dict[str, Any]) -> set[str]:
    raw = obj.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    return {v.rsplit("/", 1)[-1].lower() for v in values if isinstance(v, str)}


def article_objects(blocks: list[Any]) -> list[dict[str, Any]]:
    """The objects typed as an article (NewsArticle, BlogPosting, ...), in page order."""
    return [obj for block in blocks for obj in iter_objects(block) if types_of(obj) & ARTICLE_TYPES]


def text_value(value: Any) -> str | None:
    """A plain string from a JSON-LD value (string, list of strings, or {"name"/"@value": ...})."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list):
        for item in value:
            found = text_value(item)
            if found:
                return found
        return None
    if isinstance(value, dict):
        return text_value(value.get("name") or value.get("@value"))
    return None


def names(value: Any) -> list[str]:
    """Author-like values as a list of names."""
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        name = text_value(item)
        if name and name not in out:
            out.append(name)
    return out
