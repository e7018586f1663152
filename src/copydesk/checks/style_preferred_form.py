"""``style.preferred-form``: a form the house writes another way ("Kiev" -> "Kyiv", "percent" ->
"per cent"), from ``copydesk.toml`` ``[preferred]``, ``[style] percent`` or a preset."""

from __future__ import annotations

from collections.abc import Iterator

from copydesk.analyse.document import AnalysedArticle
from copydesk.checks.registry import register
from copydesk.checks.style import Quotations, house_of, match_case, matches, style_finding
from copydesk.knowledge import Knowledge
from copydesk.model import Finding

CHECK = "style.preferred-form"


@register(CHECK, severity="info")
def check(article: AnalysedArticle, knowledge: Knowledge) -> Iterator[Finding]:
    """A form the house style prefers written another way (copydesk.toml, a preset)."""
    house = house_of(knowledge)
    if house is None or not house.preferred:
        return
    text = article.text
    quotations: Quotations | None = None
    taken: list[tuple[int, int]] = []
    # the figure rules first ("5 per cent" -> "5%"), so that "per cent" alone does not flag
    # the same words again
    for rule in sorted(house.preferred, key=lambda r: not r.figure):
        for match in matches(rule, text):
            start, end = match.span()
            if any(start < high and low < end for low, high in taken):
                continue
            if rule.quotes == "skip":
                quotations = quotations or Quotations(article)
                if quotations.inside(start, end):
                    continue
            written = match.group(0)
            suggestion = match.group(1) + rule.use if rule.figure else match_case(written, rule.use)
            if suggestion == written:
                continue
            taken.append((start, end))
            why = f" ({rule.note})" if rule.note else ""
            yield style_finding(
                CHECK, text, start, end,
                f"the house style writes '{suggestion.strip()}', not '{written}'{why}",
                suggestion, rule.origin,
            )
