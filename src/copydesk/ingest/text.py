"""Plain text and scraped page text -> ``Article``.

``Article.text`` is the input with ``\\r\\n`` turned into ``\\n`` and nothing else changed, so every
offset indexes the user's file. Structure is found line by line and recorded as regions:

1. Page furniture anywhere ("Skip to main content", "Share", "Advertisement", cookie banners,
   menus) -> ``furniture`` (not analysed).
2. At the top, before the headline: short lines (1-3 words, no final punctuation) -> the one just
   before the headline is the ``section``; datelines and bylines wherever they sit in the header.
3. The headline is the first substantial line without a final period; a kicker such as
   "BREAKING:" goes to ``article.meta["kicker"]``. A long line right after it is a ``standfirst``
   when it has no final punctuation or when the header goes on after it (a dateline follows).
4. Everything else is ``body``, one region per paragraph. A text with no structure is all body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from copydesk.ingest.datelines import DateLine, find_dates
from copydesk.ingest.decode import MOJIBAKE_TEXT_WARNING
from copydesk.ingest.furniture import (
    continued_code,
    find_byline,
    is_furniture,
    is_menu_like,
    is_navigation,
    not_copy,
    reference_entries,
    split_kicker,
)
from copydesk.model import Article, Region, has_mojibake

HEADER_LINES = 15
"""Non-blank lines at the top searched for a headline, section and datelines."""

DATEPARSER_CALLS = 6
"""dateparser calls allowed per article (each costs about 2 ms)."""

MAX_HEADLINE_WORDS = 25
MIN_STANDFIRST_WORDS = 8
MAX_HEADLINE_AFTER_MENU = 20
MAX_SECTION_WORDS = 3

_FINAL_PERIOD = re.compile(r"(?<![A-Z]\.[A-Z])(?<!\.)\.[\"”’')\]]*$")
_FINAL_PUNCT = re.compile(r"[.,;:!?…][\"”’')\]]*$")
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_]{2,}|\d+")
_LINK_WORDS = frozenset({"&", "and", "of", "the", "-", "–"})
_INNER_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!\bM[rs])(?<!\bMrs)(?<!\bDr)(?<!\bSt)[.!?][\"”’']?\s+[\"“‘]?[A-Z]")
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$")


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    text: str
    block: int


@dataclass(slots=True)
class _Structure:
    regions: list[Region] = field(default_factory=list)
    headline: str | None = None
    section: str | None = None
    byline: str | None = None
    kicker: str | None = None
    dates: list[DateLine] = field(default_factory=list)
    zones: list[str] = field(default_factory=list)
    budget: list[int] = field(default_factory=lambda: [DATEPARSER_CALLS])
    seen_dates: dict[str, list[DateLine]] = field(default_factory=dict)

    def dates_in(self, line: str) -> list[DateLine]:
        """``find_dates`` once per distinct line, within this article's dateparser budget."""
        if line not in self.seen_dates:
            self.seen_dates[line] = find_dates(line, budget=self.budget)
        return self.seen_dates[line]


def parse_text(text: str, *, source: str = "<text>") -> Article:
    """Parse plain or scraped page text into an ``Article`` with regions and header fields."""
    text = text.replace("\r\n", "\n")
    lines = _lines(text)
    found = _Structure()
    body_from = _read_header(lines, found)
    _read_body(lines[body_from:], found, one_per_line="\n\n" not in text)
    article = Article(
        text=text,
        source=source,
        headline=found.headline,
        section=found.section,
        byline=found.byline,
        regions=sorted(found.regions, key=lambda r: (r.start, r.end)),
    )
    published = [d for d in found.dates if not d.updated]
    updated = [d for d in found.dates if d.updated]
    article.published = published[0].value if published else None
    article.updated = updated[0].value if updated else None
    if found.kicker:
        article.meta["kicker"] = found.kicker
    if found.zones:
        article.meta["timezone"] = found.zones[0]
    # offsets index the user's text, so double-encoded text is reported, not repaired (the HTML
    # path repairs it: its offsets index the extracted text)
    warnings = ([MOJIBAKE_TEXT_WARNING] if has_mojibake(text) else []) + [d.warning for d in found.dates if d.warning]
    if warnings:
        article.meta.setdefault("warnings", []).extend(warnings)
    return article


def _lines(text: str) -> list[_Line]:
    """Non-blank lines with the offsets of their stripped content; ``block`` counts blank lines."""
    lines: list[_Line] = []
    pos = 0
    block = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip()))
            lines.append(_Line(start, start + len(stripped), stripped, block))
        else:
            block += 1
        pos += len(raw) + 1
    return lines


def _read_header(lines: list[_Line], found: _Structure) -> int:
    """Assign header roles from the top; return the index of the first body line."""
    shorts: list[int] = []
    headline: int | None = None
    previous_content = last_content = -1  # the content lines (not furniture or metadata) last seen
    meta_after_headline = False
    limit = min(len(lines), HEADER_LINES)
    index = 0
    while index < limit:
        line = lines[index]
        if _take_meta(line, found):
            meta_after_headline = meta_after_headline or headline is not None
            index += 1
            continue
        if is_furniture(line.text) or is_navigation(line.text):
            found.regions.append(Region(line.start, line.end, "furniture"))
            index += 1
            continue
        if headline is None:
            previous_content, last_content = last_content, index
            if _is_short(line.text):
                shorts.append(index)
            elif is_menu_like(line.text) and _headline_ahead(lines, index + 1, limit):
                found.regions.append(Region(line.start, line.end, "furniture"))
            elif _is_headline(line.text):
                headline = index
                _set_headline(line, found)
            elif len(line.text.split()) <= MAX_SECTION_WORDS and not _SENTENCE_END.search(line.text):
                # a fragment of page chrome above the headline ("Wednesday,", "Nov 20")
                found.regions.append(Region(line.start, line.end, "furniture"))
            else:
                break
        elif not meta_after_headline and _is_standfirst(lines, index, limit, found):
            found.regions.append(Region(line.start, line.end, "standfirst"))
            meta_after_headline = True  # whatever follows the standfirst is body
        else:
            break
        index += 1
    if index < limit:  # the body starts at ``index``
        before_body = previous_content
    else:  # the text ended inside the header, or the header window is used up
        before_body = last_content if index == len(lines) else -2
    if headline is None and shorts and shorts[-1] == before_body and _is_headline(lines[before_body].text):
        # "Ebbers denies fraud" then body: a short line right before the body is the headline
        headline = shorts.pop()
        _set_headline(lines[headline], found)
    if headline is None:  # short lines above an article without a headline are page chrome
        for other in shorts:
            found.regions.append(Region(lines[other].start, lines[other].end, "furniture"))
    elif shorts:
        section = lines[shorts[-1]]
        found.section = section.text
        found.regions.append(Region(section.start, section.end, "section"))
        for other in shorts[:-1]:
            found.regions.append(Region(lines[other].start, lines[other].end, "furniture"))
    return index


def _read_body(lines: list[_Line], found: _Structure, *, one_per_line: bool) -> None:
    """Body paragraphs, with furniture and stray datelines carved out."""
    paragraph: list[_Line] = []

    def close() -> None:
        if paragraph:
            found.regions.append(Region(paragraph[0].start, paragraph[-1].end, "body"))
            paragraph.clear()

    texts = [line.text for line in lines]
    references = reference_entries(texts) | continued_code(texts)
    for position, line in enumerate(lines):
        alone = one_per_line or _alone(lines, position)
        chrome = alone and (is_navigation(line.text) or _late_dateline(line, found))
        if is_furniture(line.text) or chrome or not_copy(line.text) or position in references:
            close()
            if not _covered(line, found):
                found.regions.append(Region(line.start, line.end, "furniture"))
            continue
        if paragraph and (one_per_line or paragraph[-1].block != line.block):
            close()
        paragraph.append(line)
    close()


def _take_meta(line: _Line, found: _Structure) -> bool:
    """Record datelines and a byline held by the line; True when the line is all metadata."""
    if len(line.text) > 180:
        return False
    dates = found.dates_in(line.text)
    byline = find_byline(line.text)
    if byline is None and dates:
        # "By Jane Smith | February 21, 2022": look for a byline in the part before the date
        byline = find_byline(line.text[: dates[0].start].rstrip(" |•·–—-"))
    if not dates and byline is None:
        return False
    for date in dates:
        role = "updated" if date.updated else "dateline"
        found.regions.append(Region(line.start + date.start, line.start + date.end, role))
        found.dates.append(date)
        if date.zone:
            found.zones.append(date.zone)
    if byline is not None:
        name, start, end = byline
        found.regions.append(Region(line.start + start, line.start + end, "byline"))
        found.byline = found.byline or name
    return True


def _late_dateline(line: _Line, found: _Structure) -> bool:
    """A standalone dateline below the header ("Published: 21 February 2022" at the foot)."""
    if len(line.text) > 90 or found.budget[0] <= 0 or not _DIGIT.search(line.text):
        return False
    dates = found.dates_in(line.text)
    if not dates:
        return False
    for date in dates:
        role = "updated" if date.updated else "dateline"
        found.regions.append(Region(line.start + date.start, line.start + date.end, role))
        found.dates.append(date)
    return True


def _covered(line: _Line, found: _Structure) -> bool:
    return any(r.start >= line.start and r.end <= line.end for r in found.regions[-3:])


def _alone(lines: list[_Line], position: int) -> bool:
    """The line is a paragraph of its own (blank lines, or other blocks, on both sides)."""
    block = lines[position].block
    before = position == 0 or lines[position - 1].block != block
    after = position == len(lines) - 1 or lines[position + 1].block != block
    return before and after


def _set_headline(line: _Line, found: _Structure) -> None:
    kicker, offset = split_kicker(line.text)
    if kicker is not None:
        found.kicker = kicker
        kicker_end = line.start + len(line.text[:offset].rstrip())
        found.regions.append(Region(line.start, kicker_end, "furniture"))
    found.headline = line.text[offset:]
    found.regions.append(Region(line.start + offset, line.end, "headline"))


def _is_short(text: str) -> bool:
    """A section label: 1-3 capitalised words, no final punctuation ("Politics", "US & Canada")."""
    if len(text) > 40:
        return False
    words = text.split()
    if len(words) > MAX_SECTION_WORDS or _FINAL_PUNCT.search(text):
        return False
    return all(word[0].isupper() or word[0].isdigit() or word.lower() in _LINK_WORDS for word in words)


def _is_headline(text: str) -> bool:
    """One sentence at most, no final period, not too long."""
    if len(text) > 300:
        return False
    words = len(text.split())
    if not 1 <= words <= MAX_HEADLINE_WORDS or _FINAL_PERIOD.search(text) or text[-1] in ",;:":
        return False
    if len(_WORD.findall(text)) < 2:  # "×", "Features": not a headline on their own
        return False
    return not _INNER_SENTENCE_END.search(text)


def _headline_ahead(lines: list[_Line], start: int, limit: int) -> bool:
    """A headline-sized line comes next (a long line without a period would be a standfirst)."""
    for line in lines[start:limit]:
        if is_furniture(line.text) or _is_short(line.text):
            continue
        return _is_headline(line.text) and len(line.text.split()) <= MAX_HEADLINE_AFTER_MENU
    return False


def _is_standfirst(lines: list[_Line], index: int, limit: int, found: _Structure) -> bool:
    """A long line after the headline with no final punctuation, or one the header goes on after."""
    text = lines[index].text
    if len(text.split()) < MIN_STANDFIRST_WORDS or len(text) > 600:
        return False
    if not _SENTENCE_END.search(text):
        return True
    for line in lines[index + 1 : limit]:
        if is_furniture(line.text):
            continue
        return bool(find_byline(line.text) or found.dates_in(line.text))
    return False
