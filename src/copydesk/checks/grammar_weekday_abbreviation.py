"""``grammar.weekday-abbreviation``: a weekday cut to two letters ("Th 12 March") or abbreviated
beside a numeric date ("Tue 12/03/2024"), which news copy writes out in full.

Read from the text around the word, not from a list of phrases: a two-letter abbreviation counts
only when a date follows it (a day and a month, or a numeric date) — "We 12 survivors", "Fr John
Smith", "Th is the symbol for thorium" stay silent — and a longer abbreviation only before a date
(a numeric date, a day and a month, or an ordinal day: "Sat 14 September", "Fri 3rd"); "Sun 12
months ago", "Mon, Wed and Fri services", "Shops open Mon to Sat" stay silent: timetables and
lists may abbreviate; nor a date stamp: an abbreviated weekday and a date with its year followed on
its line by nothing, a separator, a clock time or the next item ("… in pictures Wed, November 30,
2016 Express Pictures looks …"), not by the rest of a sentence ("Polls close Wed 12 March 2025.").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from copydesk.analyse.document import AnalysedArticle
from copydesk.checks.grammar_words import finding
from copydesk.checks.registry import register
from copydesk.knowledge import Knowledge
from copydesk.model import Finding

CHECK = "grammar.weekday-abbreviation"
FULL = {"mo": "Monday", "tu": "Tuesday", "we": "Wednesday", "th": "Thursday", "fr": "Friday",
        "sa": "Saturday", "su": "Sunday"}
MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b")
NUMERIC = r"(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\d{1,2}\.\d{1,2}\.\d{2,4}\b|\d{4}-\d{2}-\d{2}\b)"
DAY_MONTH = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTHS}|{MONTHS}\s+\d{{1,2}}\b)"
TWO_LETTERS = re.compile(rf"\b(Mo|Tu|We|Th|Fr|Sa|Su)\b\.?(?=,?\s+(?:{DAY_MONTH}|{NUMERIC}))")
ORDINAL = r"(?:\d{1,2}(?:st|nd|rd|th)\b)"
LONGER = re.compile(rf"\b(Mon|Tues?|Wed|Weds|Thu|Thur|Thurs|Fri|Sat|Sun)\b\.?(?=,?\s+(?:{NUMERIC}|{DAY_MONTH}|{ORDINAL}))")
#: A date that carries its year ("November 30, 2016", "29th April 2020", "12/03/2024").
_WITH_YEAR = re.compile(rf"\.?,?\s+(?:{DAY_MONTH},?\s+\d{{4}}\b|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTHS}\s+\d{{4}}\b"
                        rf"|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b|\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}}\b|\d{{4}}-\d{{2}}-\d{{2}}\b)")
#: What follows a date stamp on its line: nothing, a separator, a clock time or a time zone (with or
#: without "at"), or a capitalised word that starts the page's next item with no punctuation between
#: ("… Wed, November 30, 2016 Express Pictures looks at …"); copy goes on with punctuation or a word
#: of its sentence ("Polls close Wed 12 March 2025.", "born Mon 12 March 1990 in Leeds").
_STAMP_END = re.compile(r"[ \t]*(?:$|[|•·]|(?:at[ \t]+|,[ \t]*)?\d{1,2}[:.]\d{2}\b|(?:GMT|BST|UTC|CET|EST|EDT|ET|PT)\b"
                        r"|[A-Z][a-z])", re.MULTILINE)


def _stamp(text: str, match: re.Match) -> bool:
    """A date stamp, not copy: an abbreviated weekday and a date with its year, followed on its
    line by what follows a stamp (``_STAMP_END``): "2 hours ago Wed 29th April 2020 | 03:32 PM",
    "First published on Wed 12 Mar 2025 10.05 GMT" — how sites print the time of a story or a
    gallery, which copy rules do not govern."""
    year = _WITH_YEAR.match(text, match.end())
    return year is not None and _STAMP_END.match(text, year.end()) is not None


@register(CHECK, severity="warning")
def check(article: AnalysedArticle, knowledge: Knowledge) -> Iterator[Finding]:
    """A weekday abbreviated to two letters, or abbreviated beside a numeric date."""
    text = article.text
    for pattern, reason in (
        (TWO_LETTERS, "a weekday cut to two letters; write it out"),
        (LONGER, "an abbreviated weekday before a date; write the weekday out"),
    ):
        for match in pattern.finditer(text):
            if text[max(0, match.start() - 4) : match.start()].lower() == "the ":
                continue  # "The Sun, 12 March": a newspaper's name, not a weekday
            if pattern is LONGER and _stamp(text, match):
                continue
            yield finding(CHECK, article, match.start(), match.end(), FULL[match.group(1)[:2].lower()], reason)
