"""``style.banned-term``: a term the house does not use, with its own wording, from
``copydesk.toml`` ``[banned]``. Inside quotations it is left alone unless the rule says
``quotes = "check"``: a speaker's words are theirs."""

from __future__ import annotations

from collections.abc import Iterator

from copydesk.analyse.document import AnalysedArticle
from copydesk.checks.registry import register
from copydesk.checks.style import Quotations, house_of, match_case, matches, style_finding
from copydesk.knowledge import Knowledge
from copydesk.model import Finding

CHECK = "style.banned-term"


@register(CHECK, severity="info")
def check(article: AnalysedArticle, knowledge: Knowledge) -> Iterator[Finding]:
    """A term the house style bans, with the house's wording (copydesk.toml [banned])."""
    house = house_of(knowledge)
    if house is None or not house.banned:
        return
    text = article.text
    quotations: Quotations | None = None
    for rule in house.banned:
        for match in matches(rule, text):
            start, end = match.span()
            if rule.quotes == "skip":
                quotations = quotations or Quotations(article)
                if quotations.inside(start, end):
                    continue
            written = match.group(0)
            suggestion = match_case(written, rule.use) if rule.use else None
            message = f"the house style does not use '{written}'"
            if suggestion:
                message += f"; write '{suggestion}'"
            if rule.note:
                message += f" ({rule.note})"
            yield style_finding(CHECK, text, start, end, message, suggestion, rule.origin)
