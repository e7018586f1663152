"""``dates.weekday``: a weekday that contradicts the date written with it.

Three cases, all errors:

1. a weekday followed by a date that falls on another day ("Tuesday, March 1, 2022"; "Tue 1 Mar"
   in an article from 2022), anywhere in the text, datelines included. Without a year in the text
   the article's year is used (the date closest to the dateline, before it when the clause is in
   the past tense, after it when in the future); with neither, nothing is flagged;
2. "yesterday (Sunday)", "today (Monday)", "tomorrow (Tuesday)" that do not fit the dateline;
3. an update time earlier than the publication time.

See ``docs/checks/dates.weekday.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from copydesk.analyse.times import reference_date
from copydesk.analyse.weekdays import (
    WEEKDAY_NAMES,
    WEEKDAYS,
    find_weekday_dates,
    resolve_year,
    weekday_index,
    weekday_like,
)
from copydesk.checks.registry import register
from copydesk.model import Evidence, Finding, Severity

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.analyse.document import AnalysedArticle
    from copydesk.knowledge import Knowledge

_RELATIVE_DAY = re.compile(
    rf"\b(?P<rel>yesterday|today|tomorrow)\s*[(,]\s*(?P<weekday>{'|'.join(WEEKDAYS)})\b",
    re.IGNORECASE,
)
_OFFSETS = {"yesterday": -1, "today": 0, "tomorrow": 1}


@register("dates.weekday", severity="error")
def check(article: AnalysedArticle, knowledge: Knowledge) -> Iterator[Finding]:
    """A weekday that contradicts its date, or an update time before the publication time."""
    base = reference_date(article)
    yield from _weekday_dates(article.text, base, lambda offset: _tense(article, offset))
    yield from _relative_days(article.text, article.article.published)
    yield from _update_order(article)


#: Auxiliaries of the future: "will vote on Tuesday, May 5".
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "’ll", "shall"})


def _tense(article: AnalysedArticle, offset: int, depth: int = 6) -> str | None:
    """"past", "future" or None (present, or no verb found) for the clause of the words at
    ``offset``: the first verb above them in the parse, its own tense or its auxiliaries'."""
    token = article.token_at(offset)
    for _ in range(depth):
        if token is None:
            return None
        if token.pos in ("VERB", "AUX"):
            auxiliaries = [c for c in article.children(token) if c.dep in ("aux", "auxpass")]
            if any(a.lower in FUTURE_AUXILIARIES for a in auxiliaries):
                return "future"
            if token.tag == "VBD" or any(a.tag == "VBD" for a in auxiliaries):
                return "past"
            return None
        if token.head == token.i:
            return None
        token = article.tokens[token.head]
    return None


def _weekday_dates(text: str, base: datetime | None, tense=lambda offset: None) -> Iterator[Finding]:
    """Weekdays against their dates; ``tense(offset)`` tells which way a date without a year
    lies from ``base`` ("past", "future" or None for the closest)."""
    for found in find_weekday_dates(text):
        inferred = found.year is None
        if inferred:
            if base is None:
                continue
            day = resolve_year(found.month, found.day, base.date(), tense(found.start))
            if day is None:
                continue
        else:
            try:
                day = date(found.year, found.month, found.day)
            except ValueError:
                continue  # "30 February": not a weekday problem
        if day.weekday() == found.weekday_index:
            continue
        right = weekday_like(found.weekday, day.weekday())
        date_start = found.date_start + _leading_separators(text[found.date_start : found.date_end])
        detail = f"{_long(day)} is a {WEEKDAY_NAMES[day.weekday()]}"
        if inferred:
            detail += f" (the text gives no year; {day.year} is taken from the article's date)"
        yield Finding(
            check="dates.weekday",
            severity=Severity.ERROR,
            start=found.start,
            end=found.end,
            text=found.weekday,
            message=f"'{found.weekday}' does not match the date: {_long(day)} is a "
            f"{WEEKDAY_NAMES[day.weekday()]}",
            suggestion=right,
            confidence=0.8 if inferred else 0.95,
            evidence=[Evidence("calendar", detail, date_start, found.date_end)],
        )


def _relative_days(text: str, published: datetime | None) -> Iterator[Finding]:
    """"yesterday (Sunday)" against the publication date from the article's metadata."""
    if published is None:
        return
    for match in _RELATIVE_DAY.finditer(text):
        day = published.date() + timedelta(days=_OFFSETS[match.group("rel").lower()])
        written = match.group("weekday")
        if weekday_index(written) == day.weekday():
            continue
        yield Finding(
            check="dates.weekday",
            severity=Severity.ERROR,
            start=match.start("weekday"),
            end=match.end("weekday"),
            text=written,
            message=f"'{match.group('rel')}' in an article published on {_long(published.date())} "
            f"is {WEEKDAY_NAMES[day.weekday()]}, not {written}",
            suggestion=weekday_like(written, day.weekday()),
            confidence=0.8,
            evidence=[Evidence("dateline", f"published {published.isoformat(timespec='minutes')}")],
        )


def _update_order(article: AnalysedArticle) -> Iterator[Finding]:
    published, updated = article.article.published, article.article.updated
    if published is None or updated is None:
        return
    try:
        earlier = updated < published
    except TypeError:  # one aware, one naive: compare wall-clock times
        earlier = updated.replace(tzinfo=None) < published.replace(tzinfo=None)
    if not earlier:
        return
    region = next((r for r in article.article.regions if r.role == "updated"), None)
    if region is None:
        return
    text = article.text[region.start : region.end]
    yield Finding(
        check="dates.weekday",
        severity=Severity.ERROR,
        start=region.start,
        end=region.end,
        text=text,
        message=f"the update time ({updated.isoformat(timespec='minutes')}) is earlier than the "
        f"publication time ({published.isoformat(timespec='minutes')})",
        suggestion=None,
        confidence=0.9,
        evidence=[Evidence("dateline", f"published {published.isoformat(timespec='minutes')}")],
    )


def _leading_separators(text: str) -> int:
    return len(text) - len(text.lstrip(" \t,("))


def _long(day: date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"
