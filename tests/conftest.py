"""Shared fixtures. Add yours; do not remove others'.

- ``analyser``: the spaCy pipeline, loaded once per test session (about 2 s).
- ``desk``: a ``Desk`` with the built-in checks, sharing that analyser.
- ``make_report``: builds a ``Report`` by hand from a text and ``(word, check, severity)`` tuples,
  for report-rendering tests that need no model.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from copydesk.model import Article, Evidence, Finding, Severity, split_paragraphs


@pytest.fixture(scope="session")
def analyser():
    from copydesk.analyse.pipeline import Analyser

    return Analyser.load()


@pytest.fixture(scope="session")
def desk(analyser):
    from copydesk.serve.api import Desk

    return Desk(analyser=analyser)


def build_report(
    text: str,
    marks: list[tuple],
    *,
    source: str = "story.txt",
    headline: str | None = None,
    published: datetime | None = None,
):
    """A ``Report`` whose findings sit on the first occurrence of each word (or on the given
    ``(start, end)`` pair). Each mark is ``(word_or_span, check, severity[, suggestion[, evidence]])``."""
    from copydesk.serve.api import Report

    article = Article(
        text=text, source=source, headline=headline, published=published,
        regions=split_paragraphs(text),
    )
    findings = []
    for mark in marks:
        where, check, severity = mark[:3]
        suggestion = mark[3] if len(mark) > 3 else None
        evidence: list[Evidence] = list(mark[4]) if len(mark) > 4 else []
        if isinstance(where, tuple):
            start, end = where
        else:
            start = text.index(where)
            end = start + len(where)
        findings.append(
            Finding(
                check, Severity.parse(severity), start, end, text[start:end],
                f"“{text[start:end]}” looks wrong", suggestion, 0.8, evidence,
            )
        )
    findings.sort(key=lambda f: (f.start, f.end))
    return Report(source=source, article=article, findings=findings)


@pytest.fixture
def make_report() -> Callable[..., object]:
    return build_report
