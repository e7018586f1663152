"""One input's failure is that input's error: the ``Desk`` reports an article whose analysis or
checks raise as an error report of its own (kind ``analysis`` / ``checks``), a check that raises
as one error finding, and goes on with every other input."""

from __future__ import annotations

import pytest

from copydesk.checks.registry import Registry, register, spec_of
from copydesk.ingest.text import parse_text
from copydesk.model import Finding, Severity
from copydesk.report.schema import validate

pytestmark = pytest.mark.model

GOOD = "Harbour talks resume\n\nTalks between the port and the union resume on Monday, officials said.\n"
POISON = "\u2063POISON\u2063"


class FlakyAnalyser:
    """The real analyser, except that an article holding ``POISON`` makes its batch raise."""

    def __init__(self, real):
        self.real = real

    def analyse_many(self, articles, **kw):
        for article in articles:
            if POISON in article.text:
                raise RuntimeError("parser blew up")
        yield from self.real.analyse_many(articles, **kw)


@register("test.boom", severity="warning")
def _boom(article, knowledge):
    """Raises on every article."""
    raise ValueError("bad state")
    yield  # pragma: no cover


@register("test.fine", severity="warning")
def _fine(article, knowledge):
    """One finding on the first word."""
    word = article.text.split()[0]
    yield Finding("test.fine", Severity.WARNING, 0, len(word), word, "first word")


def articles(*texts):
    return [parse_text(text, source=f"in-{k}.txt") for k, text in enumerate(texts)]


def test_an_article_whose_analysis_fails_is_its_own_error(analyser):
    from copydesk.desk import Desk

    desk = Desk(analyser=FlakyAnalyser(analyser))
    reports = list(desk.check_many(articles(GOOD, GOOD + POISON, GOOD)))
    assert [r.source for r in reports] == ["in-0.txt", "in-1.txt", "in-2.txt"]
    assert reports[0].ok and reports[2].ok
    assert reports[1].error.kind == "analysis" and "parser blew up" in reports[1].error.message
    assert reports[1].to_dict()["error"]["kind"] == "analysis"
    validate(reports[1].to_dict())


def test_a_check_that_raises_loses_only_its_own_findings(analyser):
    from copydesk.desk import Desk

    registry = Registry([spec_of(_boom, "test"), spec_of(_fine, "test")])
    desk = Desk(analyser=analyser, registry=registry, severity_policy=None)
    [report] = desk.check_many(articles(GOOD))
    assert report.ok
    by_check = {f.check: f for f in report.findings}
    assert by_check["test.fine"].text == "Harbour"
    failure = by_check["test.boom"]
    assert failure.severity is Severity.ERROR and "ValueError: bad state" in failure.message
    assert (failure.start, failure.end, failure.text) == (0, 0, "")
    validate(report.to_dict())  # the JSON contract holds for the failure finding too


@register("test.flood", severity="info")
def _flood(article, knowledge):
    """A finding on every character, for ever."""
    k = 0
    while True:
        yield Finding("test.flood", Severity.INFO, k % len(article.text), k % len(article.text) + 1,
                      article.text[k % len(article.text)], "flood")
        k += 1


def test_a_check_stops_at_the_cap_and_says_so(analyser):
    from copydesk.desk import Desk

    registry = Registry([spec_of(_flood, "test")])
    registry.max_findings = 50
    desk = Desk(analyser=analyser, registry=registry, severity_policy=None)
    [report] = desk.check_many(articles(GOOD))
    capped = [f for f in report.findings if "only the first 50" in f.message]
    assert len(capped) == 1 and capped[0].severity is Severity.WARNING
    assert len(report.findings) <= 51
