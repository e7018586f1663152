"""``AnalysedArticle.derived``: analyses that several stages and checks read are computed once."""

from __future__ import annotations

from copydesk.analyse import roles
from copydesk.analyse.acronyms import find_expansions
from copydesk.analyse.document import Derived
from copydesk.analyse.kbnames import name_corrections
from copydesk.analyse.quotemarks import article_quote_spans
from copydesk.knowledge import Knowledge


def test_a_fresh_article_has_nothing_computed(handmade):
    analysed = handmade("Anna said it.")
    assert analysed.derived == Derived()
    assert analysed.derived.its_readings == {}


def test_quote_spans_found_once(handmade):
    analysed = handmade("“We will win,” Anna said. The World Health Organization (WHO) agreed.")
    spans = article_quote_spans(analysed)
    assert [analysed.text[s.start : s.end] for s in spans] == ["We will win,"]
    assert article_quote_spans(analysed) is spans
    assert find_expansions(analysed) == analysed.derived.acronym_expansions


def test_titled_mentions_shared_by_roles_title_and_name_corrections(handmade, monkeypatch):
    calls = []
    found = roles.titled_mentions

    def counted(analysed, kb):
        calls.append(1)
        return found(analysed, kb)

    monkeypatch.setattr(roles, "titled_mentions", counted)
    analysed = handmade("Foreign Minister Anna Kowalczyk spoke.", entities={"Anna Kowalczyk": "PERSON"})
    kb = Knowledge().kb
    titled = roles.article_titled_mentions(analysed, kb)
    name_corrections(analysed, kb)
    assert roles.article_titled_mentions(analysed, kb) is titled
    assert len(calls) == 1
