"""Quantities: numbers with units and approximation markers."""

from __future__ import annotations

from copydesk.analyse.document import AnalysedArticle


def find_quantities(analysed: AnalysedArticle) -> None:
    analysed.quantities = []
