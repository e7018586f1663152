"""``dates.weekday``: a weekday that contradicts the date written with it.

Three cases, all errors:

1. a weekday followed by a date that falls on another day ("Tuesday, March 1, 2022"; "Tue 1 Mar"
   in an article from 2022), anywhere in the text, datelines included. Without a year in the text
   the article's year is used (the date closest to the dateline; when that is more than 90 days
   off, before it for a date on a past-tense verb, after it on a future one); with neither,
   nothing is flagged;
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
    yield from _weekday_dates(article.text, base, lambda offset: _tense(article, offset),
                              lambda offset: _sentence_span(article, offset))
    yield from _relative_days(article.text, article.article.published)
    yield from _update_order(article)


#: Auxiliaries of the future: "will vote on Tuesday, May 5" ("won't" is "wo" + "n't" to the parser).
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "’ll", "shall", "wo"})


def _tense(article: AnalysedArticle, offset: int) -> str | None:
    """"past", "future" or None for a date at ``offset`` that hangs on its clause's verb itself
    or through "on" ("grabbed the girl on Saturday, May 18", "will vote on Tuesday, May 5"): the
    verb's own tense or its auxiliaries'. None for any other attachment — "adjourned until
    Thursday, March 12", "a trial date set for …", "the events of Monday, December 30" tell when
    something will be or was, whatever the tense of the clause — and for present tenses."""
    token = article.token_at(offset)
    if token is None:
        return None
    # up from the date's words to the first word outside the date (its head)
    while token.head != token.i and token.dep in ("compound", "nummod", "npadvmod", "appos", "nmod", "punct") \
            and article.tokens[token.head].ent_type == "DATE":
        token = article.tokens[token.head]
    head = article.tokens[token.head] if token.head != token.i else None
    future_only = False
    if head is not None and head.pos == "ADP":
        if head.lower not in ("on", *LATER_PREPOSITIONS):
            return None
        future_only = head.lower != "on"  # "won't meet until Monday, January 6": later still
        head = article.tokens[head.head] if head.head != head.i else None
    if head is None or head.pos not in ("VERB", "AUX"):
        return None
    auxiliaries = [c for c in article.children(head) if c.dep in ("aux", "auxpass")]
    if any(a.lower in FUTURE_AUXILIARIES for a in auxiliaries):
        return "future"
    if not future_only and (head.tag == "VBD" or any(a.tag == "VBD" for a in auxiliaries)):
        return "past"
    return None


#: Prepositions of a time that a future clause puts later still ("will not meet until …", "will
#: close from …"); a past clause may put it later than the article ("was adjourned until …"), so
#: with these only the future counts.
LATER_PREPOSITIONS = ("until", "till", "from", "by", "after")


def _sentence_span(article: AnalysedArticle, offset: int) -> tuple[int, int]:
    """(start, end) of the parsed sentence holding ``offset``; the line when it holds no token."""
    token = article.token_at(offset)
    if token is None:
        return _line_span(article.text, offset)
    sentence = article.sentences[token.sent]
    return sentence.start, sentence.end


def _line_span(text: str, offset: int) -> tuple[int, int]:
    end = text.find("\n", offset)
    return text.rfind("\n", 0, offset) + 1, len(text) if end == -1 else end


def _weekday_dates(text: str, base: datetime | None, tense=lambda offset: None,
                   sentence=None) -> Iterator[Finding]:
    """Weekdays against their dates; ``tense(offset)`` tells which way a date without a year
    lies from ``base`` ("past", "future" or None for the closest); ``sentence(offset)`` gives the
    (start, end) of the sentence around it (default: its line)."""
    if sentence is None:
        def sentence(offset: int) -> tuple[int, int]:
            return _line_span(text, offset)
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
        if inferred and _fits_a_year_in_its_sentence(text, found, sentence(found.start), base.year,
                                                      tense(found.start)):
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


#: A year written as one: not part of a season ("2024/25", "2024-25").
_YEAR = re.compile(r"(?<![\d/–-])\b(?:1[89]|20)\d\d\b(?![/–-]\d)")
#: Words before a year that make it a limit, not the date's year ("finished by 2030").
_LIMIT_BEFORE = re.compile(r"\b(?:by|until|till|before|after|since|from|to|through)\s+$", re.IGNORECASE)


def _fits_a_year_in_its_sentence(text: str, found, sentence: tuple[int, int], base_year: int,
                                 tense: str | None) -> bool:
    """A date without a year whose weekday fits a year written in its own sentence ("the 2026
    list will be revealed on Wednesday 25 March", "the 2016 referendum, held on Thursday 23
    June"): the writer may well mean that year, so the weekday is no proven slip. A year the
    clause's tense rules out (a past year for "will publish on Thursday 26 March", a count such
    as "employs 2000 people" in the same clause), a limit ("finished by 2030") and a year in
    another sentence say nothing about this date."""
    start, end = sentence
    for match in _YEAR.finditer(text, start, end):
        year = int(match.group())
        if (tense == "future" and year < base_year) or (tense == "past" and year > base_year):
            continue
        if _LIMIT_BEFORE.search(text, max(start, match.start() - 10), match.start()):
            continue
        try:
            if date(year, found.month, found.day).weekday() == found.weekday_index:
                return True
        except ValueError:
            continue
    return False


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
