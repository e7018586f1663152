"""Weekdays written with an explicit date ("Tuesday, March 1, 2022", "Tue 1 Mar"), found by regular
expressions over the whole article text, datelines included, and the article's reference date.

Used by ``copydesk.analyse.times`` (the dateline as a fallback base date) and by the
``dates.weekday`` check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_NAMES = tuple(w.capitalize() for w in WEEKDAYS)
MONTHS = (
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
)

_WEEKDAY_ALT = r"(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)\.?|" + "|".join(WEEKDAYS)
_MONTH_ALT = r"(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?|" + "|".join(MONTHS)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|2\d\d\d)"

_SP = r"[ \t\u00a0]+"  # spaces within one line: a date never runs across a line break
_NOT_TIME = r"(?![ \t]*(?:GMT|BST|UTC|CET|EST|EDT|PST|ET|hrs|am|pm|a\.m\.|p\.m\.)\b|[:.]\d)"

#: Weekday, then a date: "Tuesday, March 1, 2022", "Tuesday 1 March 2022", "Tue, 1 Mar",
#: "Tuesday, the 1st of March", "Tuesday (March 1)", "Tuesday, 2022-03-01".
WEEKDAY_DATE = re.compile(
    rf"""\b(?P<weekday>{_WEEKDAY_ALT})(?![\w])[, \t\u00a0(]*
    (?:
        (?P<month1>{_MONTH_ALT}){_SP}(?P<day1>{_DAY})\b(?:,?{_SP}(?P<year1>{_YEAR})\b{_NOT_TIME})?
      | (?:the{_SP})?(?P<day2>{_DAY})(?:{_SP}of)?{_SP}(?P<month2>{_MONTH_ALT})(?![\w])
        (?:,?{_SP}(?P<year2>{_YEAR})\b{_NOT_TIME})?
      | (?P<iso>(?P<year3>{_YEAR})-(?P<month3>[01]\d)-(?P<day3>[0-3]\d))\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)

#: A date with a year standing alone on a line near the top: the dateline of scraped pages.
DATELINE_DATE = re.compile(
    rf"""^[ \t]*(?:(?:{_WEEKDAY_ALT})[, \t]+)?
    (?:(?P<month1>{_MONTH_ALT}){_SP}(?P<day1>{_DAY}),?{_SP}(?P<year1>{_YEAR})
      |(?P<day2>{_DAY}){_SP}(?P<month2>{_MONTH_ALT}),?{_SP}(?P<year2>{_YEAR}))\b{_NOT_TIME}""",
    re.IGNORECASE | re.VERBOSE | re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class WeekdayDate:
    """A weekday word and the date written next to it."""

    start: int  # span of the weekday word
    end: int
    weekday: str  # as written
    month: int
    day: int
    year: int | None  # None when the text gives no year
    date_start: int
    date_end: int

    @property
    def weekday_index(self) -> int:
        return weekday_index(self.weekday)


def weekday_index(word: str) -> int:
    """0 for Monday … 6 for Sunday; accepts "Tue", "Tues.", "THURSDAY"."""
    key = word.rstrip(".").lower()[:3]
    return [w[:3] for w in WEEKDAYS].index(key)


def month_index(word: str) -> int:
    """1 for January … 12 for December; accepts "Sept.", "mar"."""
    key = word.rstrip(".").lower()[:3]
    return [m[:3] for m in MONTHS].index(key) + 1


def find_weekday_dates(text: str) -> list[WeekdayDate]:
    """Every weekday immediately followed by a date, in text order."""
    found = []
    for match in WEEKDAY_DATE.finditer(text):
        groups = match.groupdict()
        if groups["weekday"][0].islower() and groups["weekday"].lower() not in WEEKDAYS:
            continue  # "sat 1 March": a verb, not an abbreviated weekday
        if groups["weekday"].rstrip(".").lower() not in WEEKDAYS and _after_article(text, match.start("weekday")):
            continue  # "The Sun, March 3, 2005": a newspaper in a list of sources, not Sunday
        if groups["iso"]:
            month, day, year = int(groups["month3"]), int(groups["day3"]), int(groups["year3"])
        else:
            month = month_index(groups["month1"] or groups["month2"])
            day = int(re.sub(r"\D", "", groups["day1"] or groups["day2"]))
            written_year = groups["year1"] or groups["year2"]
            year = int(written_year) if written_year else None
        found.append(
            WeekdayDate(
                start=match.start("weekday"),
                end=match.start("weekday") + len(groups["weekday"]),
                weekday=groups["weekday"],
                month=month,
                day=day,
                year=year,
                date_start=match.end("weekday"),
                date_end=match.end(),
            )
        )
    return found


def _after_article(text: str, offset: int) -> bool:
    """Whether the word at ``offset`` follows "the" (a name such as a newspaper's)."""
    return text[max(0, offset - 4) : offset].lower() in ("the ", "\nthe") or text[max(0, offset - 4) : offset] == "The "


def dateline_date(text: str, *, within: int = 600) -> datetime | None:
    """The first date with a year written alone at the start of a line in the first ``within``
    characters (the dateline of a scraped page), or None."""
    for match in DATELINE_DATE.finditer(text, 0, min(len(text), within)):
        groups = match.groupdict()
        try:
            month = month_index(groups["month1"] or groups["month2"])
            day = int(re.sub(r"\D", "", groups["day1"] or groups["day2"]))
            year = int(groups["year1"] or groups["year2"])
            return datetime(year, month, day)
        except ValueError:
            continue
    return None


#: A date without a year this near the article's date is read as that one, whatever the tense:
#: news speaks of the weeks around it ("the match was moved to Saturday, January 4" in late
#: December).
NEAR_DAYS = 90


def resolve_year(month: int, day: int, base: date, tense: str | None = None) -> date | None:
    """The date with this month and day closest to ``base`` (previous, same or next year). When
    that is more than NEAR_DAYS away, ``tense`` "past" takes the closest on or before ``base`` (a
    day's grace for time zones) and "future" the closest on or after it: "grabbed the girl on
    Saturday, May 18" in a story of January is last May, "will vote on Tuesday, May 5" in
    October next May."""
    candidates = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    nearest = min(candidates, key=lambda d: abs((d - base).days))
    if abs((nearest - base).days) <= NEAR_DAYS or tense is None:
        return nearest
    if tense == "past":
        candidates = [d for d in candidates if (d - base).days <= 1] or candidates
    elif tense == "future":
        candidates = [d for d in candidates if (base - d).days <= 1] or candidates
    return min(candidates, key=lambda d: abs((d - base).days))


def weekday_like(written: str, weekday: int) -> str:
    """The name of ``weekday`` in the style of ``written`` ("Tue" -> "Wed", "FRIDAY" -> "MONDAY")."""
    name = WEEKDAY_NAMES[weekday]
    bare = written.rstrip(".")
    if len(bare) < len(WEEKDAYS[weekday_index(written)]):
        name = name[:3] + written[len(bare) :]
    if written.isupper():
        return name.upper()
    if written.islower():
        return name.lower()
    return name
