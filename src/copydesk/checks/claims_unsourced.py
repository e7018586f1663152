"""``claims.unsourced``: a claim with a figure and no source (info).

A claim (``analysed.claims``) is flagged when it states an amount (a number other than "one"/"a",
a percentage, money, a vague amount such as "thousands") and has no named or anonymous source:
no reporting verb or "according to" supports its sentence and it is not inside an attributed
quote. A vague source ("reports suggest", "it is believed", "reportedly") counts as none and is
named in the evidence. Headlines and standfirsts are not flagged (their source is in the body);
years and dates alone are not figures ("In 2014 ..." stays silent).

See ``docs/checks/claims.unsourced.md``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from copydesk.analyse.claims import significant_quantities
from copydesk.checks.registry import register
from copydesk.model import Evidence, Finding, Severity

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.analyse.document import AnalysedArticle
    from copydesk.knowledge import Knowledge

SOURCED = frozenset({"named", "anonymous"})


@register("claims.unsourced", severity="info")
def check(article: AnalysedArticle, knowledge: Knowledge) -> Iterator[Finding]:
    """A claim with a figure and no named or anonymous source."""
    text = article.text
    for claim in article.claims:
        if claim.source_kind in SOURCED or claim.quoted or _in_display(article, claim.start):
            continue
        figures = [q for q in significant_quantities(claim) if not _in_date(article, q.start, q.end)]
        if not figures:
            continue
        first = figures[0]
        evidence = [Evidence("figure", f"figure '{first.text}'", first.start, first.end)]
        if claim.source_kind == "vague" and claim.source_span is not None:
            start, end = claim.source_span
            evidence.insert(0, Evidence("source", f"vague source: '{text[start:end]}'", start, end))
            message = f"the figure '{first.text}' rests on a vague source ('{text[start:end]}')"
        else:
            message = f"the figure '{first.text}' is given without a source"
        yield Finding(
            check="claims.unsourced",
            severity=Severity.INFO,
            start=first.start,
            end=first.end,
            text=first.text,
            message=message,
            suggestion=None,
            confidence=0.6 if claim.source_kind == "vague" else 0.4,
            evidence=evidence,
        )


def _in_date(article: AnalysedArticle, start: int, end: int) -> bool:
    """A number that is part of a date or a year ("March 2, 2023", "in 2019") is not a figure."""
    if any(t.start <= start and end <= t.end for t in article.times):
        return True
    written = article.text[start:end]
    return written.isdigit() and len(written) == 4 and 1800 <= int(written) <= 2100


def _in_display(article: AnalysedArticle, offset: int) -> bool:
    """Headline or standfirst: their claims are sourced in the body."""
    return any(
        region.start <= offset < region.end and region.role in ("headline", "standfirst")
        for region in article.article.regions
    )
