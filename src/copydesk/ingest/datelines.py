"""Recognise page datelines ("February 21, 2022 9:14am", "Updated: ...") in scraped text.

Only short lines that are mostly a date qualify: a cheap regular-expression screen runs first and
dateparser (slow) is called only on the few lines that pass it. Times are kept as written (no
timezone conversion); a line that carries a numeric offset ("+02:00", "Z") gives an aware datetime
with that offset, a named zone ("EST", "GMT") is kept as a name in ``DateLine.zone``. An offset
of 24 hours or more ("+25:00") is no offset at all: the time is kept as written, without one, and
``DateLine.warning`` says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from functools import lru_cache
from typing import Any

MAX_LINE_CHARS = 90
"""A dateline is a short line; longer lines are sentences that happen to hold a date."""

MAX_OTHER_WORDS = 1
"""Words allowed in a dateline that are neither date words nor a known prefix ("Published")."""

#: The months' names, January first.
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december")
_MONTHS = "|".join(MONTH_NAMES) + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
_YEAR = r"(?:1[89]|20)\d\d"
_SCREEN = re.compile(
    rf"(?i)\b(?:{_MONTHS})\b.*\b{_YEAR}\b|\b{_YEAR}\b.*\b(?:{_MONTHS})\b"
    rf"|\b{_YEAR}-\d\d-\d\d|\b\d{{1,2}}[/.]\d{{1,2}}[/.]{_YEAR}\b|\b{_YEAR}/\d\d/\d\d\b"
)
_PREFIX = re.compile(
    r"(?i)^\s*(?:(?P<updated>(?:last\s+)?(?:updated|modified|edited|amended))|first\s+published|"
    r"published|posted|created|date(?:d)?)(?:\s+(?:on|at))?\s*[:\-–—]?\s*"
)
_DATE_WORD = re.compile(
    rf"(?i)^(?:{_MONTHS}|{_WEEKDAYS})\.?$|^\d+(?:st|nd|rd|th)?$|^\d[\d:./T+\-Z]*$"
    r"|^(?:a\.?m\.?|p\.?m\.?|\d{1,2}(?:[:.]\d\d)?(?:am|pm))$|^(?-i:[A-Z]{1,5})$|^(?:at|on|of|the|and)$"
)
_MONTH_NUMBER = {
    name: number
    for number, names in enumerate(
        ("jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
         "aug august", "sep sept september", "oct october", "nov november", "dec december"),
        start=1,
    )
    for name in names.split()
}
_COMMON = re.compile(
    rf"(?i)(?:(?:{_WEEKDAYS})\.?,?\s+)?"
    rf"(?:(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month1>{_MONTHS})\.?,?"
    rf"|(?P<month2>{_MONTHS})\.?\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?,?)"
    rf"\s+(?P<year>{_YEAR})"
    r"(?:,?\s+(?:at\s+)?(?P<hour>\d{1,2})[:.](?P<minute>\d\d)\s*(?P<half>[ap]\.?m\.?)?"
    r"(?:\s+(?-i:[A-Z]{2,5}))?)?"
)
_OFFSET = re.compile(r"(?:(?<=\d)Z|\b(?:UTC|GMT)?\s?([+-])(\d\d):?(\d\d))\s*$")
_DAY_MINUTES = 24 * 60
_ZONE = re.compile(r"\b(?!AM\b|PM\b)([A-Z]{2,5})\b")
_SEPARATORS = re.compile(r"\s+[|•·]\s+|\s+[–—]\s+")


@dataclass(frozen=True, slots=True)
class DateLine:
    """A date found in a line: ``start``/``end`` are offsets inside the line given."""

    start: int
    end: int
    value: datetime
    updated: bool
    zone: str | None = None
    warning: str | None = None


def find_dates(line: str, *, budget: list[int] | None = None) -> list[DateLine]:
    """The dates a short line consists of, or ``[]``.

    A line may hold more than one part separated by ``|``, ``•`` or a dash ("Published 9:14am |
    Updated 12:57pm"); each part must be mostly a date. ``budget`` is a one-item counter of
    dateparser calls still allowed; it is decremented in place.
    """
    if len(line) > MAX_LINE_CHARS * 2 or not _SCREEN.search(line):
        return []
    found: list[DateLine] = []
    for start, part in _parts(line):
        stripped = part.strip()
        if not stripped:
            continue
        lead = start + (len(part) - len(part.lstrip()))
        date = parse_date_part(stripped, budget=budget)
        if date is None:
            continue
        value, updated, zone = date
        bad = impossible_offset(stripped)
        warning = (
            f"dateline {stripped!r}: the offset {bad} is 24 hours or more; "
            "the time is kept as written, without an offset"
        ) if bad else None
        found.append(DateLine(lead, lead + len(stripped), value, updated, zone, warning))
    return found


def parse_date_part(part: str, *, budget: list[int] | None = None) -> tuple[datetime, bool, str | None] | None:
    """Parse one dateline part: ``(datetime, is_update, zone name)``, or ``None``."""
    if len(part) > MAX_LINE_CHARS or not _SCREEN.search(part):
        return None
    prefix = _PREFIX.match(part)
    updated = bool(prefix and prefix.group("updated"))
    rest = part[prefix.end():] if prefix else part
    rest = rest.strip(" \t,;:()[]")
    if not _mostly_date(rest):
        return None
    offset = _OFFSET.search(rest)
    tz: timezone | None = None
    if offset is not None:
        if offset.group(1):
            minutes = int(offset.group(2)) * 60 + int(offset.group(3))
            if minutes < _DAY_MINUTES:
                sign = 1 if offset.group(1) == "+" else -1
                tz = timezone(sign * timedelta(minutes=minutes))
            else:  # no timezone is a day or more off: read the time without it
                rest = rest[: offset.start()].rstrip()
        else:
            tz = UTC
    zone_match = _ZONE.search(rest) if offset is None else None
    zone = zone_match.group(1) if zone_match else None
    value = _iso(rest) or _common(rest) or _dateparser(rest, budget)
    if value is None:
        return None
    if tz is not None:
        value = value.replace(tzinfo=tz)
    elif value.tzinfo is not None:
        value = value.replace(tzinfo=None)
    return value, updated, zone


def impossible_offset(part: str) -> str | None:
    """The numeric offset written at the end of ``part`` ("+25:00") when it is 24 hours or more,
    which no timezone can have; else None."""
    offset = _OFFSET.search(part.strip(" \t,;:()[]"))
    if offset is None or not offset.group(1):
        return None
    if int(offset.group(2)) * 60 + int(offset.group(3)) < _DAY_MINUTES:
        return None
    return f"{offset.group(1)}{offset.group(2)}:{offset.group(3)}"


def _parts(line: str) -> list[tuple[int, str]]:
    parts: list[tuple[int, str]] = []
    pos = 0
    for sep in _SEPARATORS.finditer(line):
        parts.append((pos, line[pos:sep.start()]))
        pos = sep.end()
    parts.append((pos, line[pos:]))
    return parts


def _mostly_date(text: str) -> bool:
    words = [w.strip(",;()[]") for w in text.split()]
    words = [w for w in words if w]
    if not words or len(words) > 12:
        return False
    other = sum(1 for w in words if not _DATE_WORD.match(w))
    return other <= MAX_OTHER_WORDS and other < len(words) / 2


def _iso(text: str) -> datetime | None:
    if not re.fullmatch(r"\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?)?(?:Z|[+-]\d\d:?\d\d)?", text):
        return None
    try:
        return datetime.fromisoformat(text)  # Python 3.11 reads "Z"
    except ValueError:
        return None


def _common(text: str) -> datetime | None:
    """The usual English forms without dateparser: "[Monday,] 21 February 2022 [10.30 GMT]",
    "[Mon] February 21, 2022[,] [at] 9:14am"."""
    match = _COMMON.fullmatch(text)
    if match is None:
        return None
    month = _MONTH_NUMBER.get((match.group("month1") or match.group("month2") or "").lower(), 0)
    day = int(match.group("day1") or match.group("day2"))
    hour = int(match.group("hour") or 0)
    minute = int(match.group("minute") or 0)
    half = (match.group("half") or "").replace(".", "").lower()
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    try:
        return datetime(int(match.group("year")), month, day, hour, minute)
    except ValueError:
        return None


def _dateparser(text: str, budget: list[int] | None) -> datetime | None:
    if budget is not None:
        if budget[0] <= 0:
            return None
        budget[0] -= 1
    return _parser().get_date_data(text).date_obj


@lru_cache(maxsize=1)
def _parser() -> Any:
    """One strict English dateparser, built on first use (importing dateparser takes ~0.1 s)."""
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "STRICT_PARSING": True,
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
