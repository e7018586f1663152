"""What the ``style.*`` checks share: matching a house rule's form in the text (word boundaries,
capitalisation), quotations, and the finding they make.

The rules come from ``Knowledge.house`` (``copydesk.knowledge.house.HouseStyle``, built from a
``copydesk.toml`` by ``copydesk.config``); without one the ``style.*`` checks say nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING

from copydesk.analyse.quotemarks import article_quote_spans
from copydesk.knowledge.house import HouseStyle, StyleRule
from copydesk.model import Evidence, Finding, Severity

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.analyse.document import AnalysedArticle

#: Evidence kind of every style finding: its detail names the config rule or preset row.
EVIDENCE_KIND = "house-style"


def house_of(knowledge: object) -> HouseStyle | None:
    """The knowledge's house style, or None when there is none (or it is empty)."""
    house = getattr(knowledge, "house", None)
    return house if isinstance(house, HouseStyle) and not house.empty else None


@lru_cache(maxsize=1024)
def _compiled(form: str, exact_case: bool, pattern: str | None) -> re.Pattern[str]:
    flags = 0 if exact_case else re.IGNORECASE
    if pattern is not None:
        return re.compile(pattern, flags)
    body = r"\s+".join(re.escape(part) for part in form.split())
    left = r"(?<![\w])" if form[:1].isalnum() else ""
    return re.compile(left + body + r"(?!\w)", flags)


def matches(rule: StyleRule, text: str) -> list[re.Match[str]]:
    """Where ``rule``'s form is written in ``text``: whole words only (a hyphen or apostrophe
    ends a word: "Kiev-based", "Kiev's"), in any capitalisation unless the rule is exact."""
    return list(_compiled(rule.form, rule.exact_case, rule.pattern).finditer(text))


def match_case(written: str, use: str) -> str:
    """``use`` written with the capitalisation of ``written``: "Towards" -> "Toward",
    "KIEV" -> "KYIV"; a proper noun keeps its own capitals ("kiev" -> "Kyiv")."""
    if len(written) > 1 and written.isupper() and not use.isupper():
        return use.upper()
    if written[:1].isupper() and use[:1].islower():
        return use[:1].upper() + use[1:]
    return use


class Quotations:
    """The article's quoted spans, to ask whether an offset is inside one."""

    def __init__(self, article: AnalysedArticle):
        spans = sorted((q.start, q.end) for q in article_quote_spans(article))
        self.starts = [s for s, _ in spans]
        self.spans = spans

    def inside(self, start: int, end: int) -> bool:
        k = bisect_right(self.starts, start) - 1
        return k >= 0 and self.spans[k][0] <= start and end <= self.spans[k][1]


def style_finding(
    check: str, text: str, start: int, end: int, message: str, suggestion: str | None,
    origin: str, *, confidence: float = 0.9,
) -> Finding:
    """A ``style.*`` finding (info) whose evidence names the rule: its config line or preset row."""
    return Finding(
        check=check, severity=Severity.INFO, start=start, end=end, text=text[start:end],
        message=message, suggestion=suggestion, confidence=confidence,
        evidence=[Evidence(EVIDENCE_KIND, origin)],
    )
