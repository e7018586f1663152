"""Time expressions resolved against the article's dateline."""

from __future__ import annotations

from copydesk.analyse.document import AnalysedArticle


def resolve_times(analysed: AnalysedArticle) -> None:
    analysed.times = []
