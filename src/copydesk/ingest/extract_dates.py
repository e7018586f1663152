"""Timestamps as pages write them (ISO 8601 and its relatives, RFC 2822, "June 7, 2020") ->
naive ``datetime`` in the page's own wall-clock time.

The offset is dropped, not applied: "2020-06-07T23:30:00-04:00" is June 7 where it was
published, and that local date is what a dateline says and what readers and gold data mean.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

_ISO_DAY = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:\D|$)")
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")
EARLIEST = datetime(1995, 1, 1)


def parse_date(raw: str | None) -> datetime | None:
    """Parse one timestamp string; ``None`` when it is not a date."""
    if not raw:
        return None
    text = raw.strip()[:80]
    if not text:
        return None
    iso = text if "T" in text else text.replace(" ", "T", 1)
    try:
        return _naive(datetime.fromisoformat(iso))
    except ValueError:
        pass
    match = _ISO_DAY.search(text) or _COMPACT.match(text)
    if match:
        try:
            return datetime(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            pass
    if _EPOCH.match(text):
        seconds = int(text[:10])
        return datetime(1970, 1, 1) + timedelta(seconds=seconds)
    try:
        return _naive(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        pass
    return _dateparser(text)


def plausible(value: datetime, *, now: datetime | None = None) -> bool:
    """A publication time between 1995 and the day after ``now``: the reference date when the
    caller gives one (``--reference-date``), else the clock (a page cannot have been published
    tomorrow; only this bound ever reads the clock, and only when no reference date is given)."""
    latest = (now or datetime.now()).replace(tzinfo=None) + timedelta(days=1)
    return EARLIEST <= value <= latest


def _naive(value: datetime) -> datetime:
    return value.replace(tzinfo=None)


def _dateparser(text: str) -> datetime | None:
    if not re.search(r"\d", text) or len(text) > 40:
        return None
    import dateparser

    try:
        parsed = dateparser.parse(
            text, settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year", "month"]}
        )
    except Exception:  # noqa: BLE001 -- dateparser raises assorted errors on junk
        return None
    return _naive(parsed) if parsed else None


_MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
)
_VISIBLE_DATE = re.compile(
    r"(?P<label>(?:published|posted|updated|modified|last updated|originally published)"
    r"(?:\s+on)?\s*:?\s*)?"
    r"(?P<date>"
    rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}"  # February 9th, 2024
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?:19|20)\d{{2}}"  # 12 Jan 2026
    r"|(?:19|20)\d{2}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?"  # 2024-01-12T00:30
    r"|\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d{2}"  # 3/4/2025, 12.16.2025 (month first)
    rf"|{_MONTH}\s+(?:19|20)\d{{2}}"  # November 2015
    r")\b",
    re.IGNORECASE,
)
_UPDATE_LABEL = re.compile(r"updated|modified", re.IGNORECASE)


def visible_dates(text: str, *, now: datetime | None = None) -> list[tuple[datetime, bool]]:
    """Dates written in running text, in order, each with whether it is labelled as an update
    (only ``plausible`` ones, relative to ``now``).

    Numeric day/month dates are read month first (3/4/2025 is March 4), as US pages write them."""
    found: list[tuple[datetime, bool]] = []
    for match in _VISIBLE_DATE.finditer(text):
        raw = match["date"]
        value = _numeric_month_first(raw) or parse_date(raw)
        if value is not None and plausible(value, now=now):
            found.append((value, bool(match["label"] and _UPDATE_LABEL.search(match["label"]))))
    return found


def _numeric_month_first(raw: str) -> datetime | None:
    match = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", raw)
    if not match:
        return None
    first, second, year = int(match[1]), int(match[2]), int(match[3])
    month, day = (first, second) if first <= 12 else (second, first)
    try:
        return datetime(year, month, day)
    except ValueError:
        return None
