"""Time expressions resolved against the article's dateline.

The spans are spaCy's DATE and TIME entities (read back from ``Token.ent_type``/``ent_iob``). The
reference date is ``article.published``; when ingest found none, a date written alone on a line
near the top of the text (a scraped page's dateline) is used, and else the reference date the
caller gave (``--reference-date``). Without any, nothing is resolved.

Decisions (news is mostly written in the past tense about the days just before the dateline):

- a bare weekday ("on Sunday") is the most recent such day on or before the dateline, so "Sunday"
  in an article dated Monday 21 February 2022 is 2022-02-20 and "Monday" is the dateline's own day;
  in a sentence about the future ("will meet on Friday") it is the next such day on or after it;
- "last Sunday" is strictly before the dateline, "next Sunday"/"coming Sunday" strictly after;
- leading modifiers ("early", "late", "mid", "on", "by", "since", "until", "from", "this past")
  are stripped before parsing; "late on Sunday" resolves like "Sunday";
- a year alone gives ``"2004"``, a month ``"2022-01"``, a day ``"2022-02-20"``, a time of day a
  datetime; durations ("three years", "the past decade") and decades keep ``value=None``.

Other expressions go to dateparser (``RELATIVE_BASE`` = the dateline, ``PREFER_DATES_FROM`` =
``current_period``), cached per (text, base); expressions with no date word or digit are not parsed.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from copydesk.analyse.document import AnalysedArticle, Token
from copydesk.analyse.weekdays import WEEKDAYS, dateline_date, weekday_index
from copydesk.model import TimeExpression

_MODIFIERS = re.compile(
    r"^(?:(?:early|late|mid|later|earlier|on|by|since|until|till|from|before|after|around|"
    r"as of|the|this past|past the|just|over|about|around|nearly|almost|some|more than|"
    r"less than|at least)[\s-]+)+",
    re.IGNORECASE,
)
_WEEKDAY_EXPR = re.compile(
    rf"^(?:(?P<mod>last|this|next|coming|past)\s+)?(?P<day>{'|'.join(WEEKDAYS)})"
    r"(?:\s+(?P<part>morning|afternoon|evening|night|lunchtime))?$",
    re.IGNORECASE,
)
_YEAR_ONLY = re.compile(r"^(?:in\s+)?(?P<year>1[5-9]\d\d|20\d\d)$")
_NUMBER = (
    r"(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|sixty|hundred|several|few|many|couple of|half|a half|"
    r"a few|a couple of|dozens of|hundreds of)"
)
_DURATION = re.compile(
    r"^(?:(?:the|over|for|about|some|nearly|almost|more than|at least|up to|past|last|next|"
    r"coming|first|recent|previous|another|further)[\s-]+)*"
    rf"{_NUMBER}(?:[\s-]+(?:and a half|more|full|straight|consecutive))?[\s-]+"
    r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century)"
    r"(?:[\s-]+(?:old|long))?$",
    re.IGNORECASE,
)
_DECADE = re.compile(r"^(?:the\s+)?(?:early|mid|late)?[\s-]*(?:\d{2}|\d{4})'?s$", re.IGNORECASE)
_DATE_WORD = re.compile(
    r"\d|\b(?:yesterday|today|tomorrow|tonight|ago|later|earlier|last|next|this|week|month|year|"
    r"weekend|morning|afternoon|evening|night|noon|midnight|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
    r"mon|tue|wed|thu|fri|sat|sun)",
    re.IGNORECASE,
)
_FUTURE = frozenset({"will", "'ll", "shall", "wo"})
_PARTS = {"morning": 9, "afternoon": 15, "lunchtime": 12, "evening": 19, "night": 21}


def resolve_times(analysed: AnalysedArticle) -> None:
    """Fill ``analysed.times`` from the DATE/TIME entities of the tokens."""
    base = reference_date(analysed)
    times: list[TimeExpression] = []
    for first, last in _time_spans(analysed.tokens):
        start, end = analysed.tokens[first].start, analysed.tokens[last].end
        text = analysed.text[start:end]
        future = _future_context(analysed, first)
        value, kind = resolve(text, base, future=future)
        if analysed.tokens[first].ent_type == "TIME" and kind == "date" and value is None:
            kind = "time"
        times.append(TimeExpression(start, end, text, value, kind))
    analysed.times = times


def reference_date(analysed: AnalysedArticle) -> datetime | None:
    """``article.published``, else the dateline written at the top of the text, else the
    reference date the caller gave (``AnalysedArticle.reference_date``), else None."""
    if analysed.article.published is not None:
        return analysed.article.published
    return dateline_date(analysed.text) or analysed.reference_date


def resolve(text: str, base: datetime | None, *, future: bool = False) -> tuple[str | None, str]:
    """(ISO value or None, kind) of one time expression relative to ``base``."""
    cleaned = _MODIFIERS.sub("", " ".join(text.split())).strip(" ,.")
    if _DECADE.match(cleaned):
        return None, "year"
    if _DURATION.match(cleaned) and not re.search(r"\b(?:ago|later|earlier)\b", cleaned, re.IGNORECASE):
        return None, "duration"
    year = _YEAR_ONLY.match(cleaned)
    if year:
        return year.group("year"), "year"
    if base is None or not _DATE_WORD.search(cleaned):
        return None, "date"
    weekday = _WEEKDAY_EXPR.match(cleaned)
    if weekday:
        day = weekday_date(weekday_index(weekday.group("day")), base.date(), weekday.group("mod"), future)
        if day is None:
            return None, "date"
        part = weekday.group("part")
        if part:
            return datetime(day.year, day.month, day.day, _PARTS[part.lower()]).isoformat(timespec="minutes"), "datetime"
        return day.isoformat(), "date"
    return _parse_cached(cleaned, base.replace(tzinfo=None).isoformat())


def weekday_date(
    weekday: int, base: date, modifier: str | None = None, future: bool = False
) -> date | None:
    """The date of a weekday named relative to ``base`` (see the module docstring), or None when
    it falls outside the calendar (before 1 January 1 or after 31 December 9999)."""
    modifier = (modifier or "").lower()
    back = (base.weekday() - weekday) % 7  # days back to the most recent such day (0 = base)
    ahead = (weekday - base.weekday()) % 7
    if modifier in ("next", "coming"):
        days = ahead or 7
    elif modifier in ("last", "past"):
        days = -(back or 7)
    else:
        days = ahead if future else -back
    try:
        return base + timedelta(days=days)
    except OverflowError:
        return None


@lru_cache(maxsize=4096)
def _parse_cached(text: str, base_iso: str) -> tuple[str | None, str]:
    from dateparser.date import DateDataParser

    parser = DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime.fromisoformat(base_iso),
            "PREFER_DATES_FROM": "current_period",
            "RETURN_TIME_AS_PERIOD": True,
        },
    )
    try:
        data = parser.get_date_data(text)
    except (ValueError, OverflowError, TypeError):
        return None, "date"
    found, period = data.date_obj, data.period
    if found is None:
        return None, "relative" if re.search(r"\b(?:ago|later|earlier)\b", text, re.IGNORECASE) else "date"
    if period == "year":
        return f"{found.year:04d}", "year"
    if period == "month":
        return f"{found.year:04d}-{found.month:02d}", "date"
    if period in ("time", "part_of_day"):
        return found.replace(tzinfo=None).isoformat(timespec="minutes"), "datetime"
    return found.date().isoformat(), "date"


def _time_spans(tokens: list[Token]) -> list[tuple[int, int]]:
    """(first, last) token indices of each DATE/TIME entity."""
    spans: list[tuple[int, int]] = []
    current: int | None = None
    for k, token in enumerate(tokens):
        inside = token.ent_type in ("DATE", "TIME")
        if current is not None and (not inside or token.ent_iob == "B" or token.sent != tokens[current].sent):
            spans.append((current, k - 1))
            current = None
        if inside and current is None:
            current = k
    if current is not None:
        spans.append((current, len(tokens) - 1))
    return spans


def _future_context(analysed: AnalysedArticle, k: int) -> bool:
    """True when the sentence of token ``k`` speaks about the future ("will", "is due to")."""
    token = analysed.tokens[k]
    if token.sent >= len(analysed.sentences):
        return False
    sentence = analysed.sentences[token.sent]
    return any(t.lower in _FUTURE for t in analysed.tokens[sentence.first : sentence.last])
