"""Sources and claims read the parse through indexes (issue 8, "no quadratic paths"): the
answers are those of the scans they replaced."""

from __future__ import annotations

import pytest

from copydesk.analyse import claims as claims_module
from copydesk.analyse import sources as sources_module
from copydesk.model import Article, Quote, split_paragraphs

pytestmark = pytest.mark.model

TEXT = (
    "The Harbour Authority of Dunmore said on Monday that crossings fell to 1.2 million.\n\n"
    "“We expected a fall, but not this one,” its chairman, Ian Moss, told reporters, adding "
    "that the council's own report, published by the Dunmore Trust, showed a similar drop.\n\n"
    "According to officials familiar with the talks, the ferry company will cut 300 jobs, "
    "while a spokeswoman for the union, Ana Ruiz, said members would vote on Friday."
)


def _brute_subtree(analysed, head):
    sentence = analysed.sentences[head.sent]
    tokens = analysed.tokens
    inside = {head.i}
    for token in tokens[sentence.first : sentence.last]:
        k, seen = token.i, 0
        while k not in inside and tokens[k].head != k and seen < 64:
            k, seen = tokens[k].head, seen + 1
        if k in inside:
            inside.add(token.i)
    ordered = sorted(i for i in inside if tokens[i].pos != "PUNCT" or i == head.i)
    return tokens[ordered[0]], tokens[ordered[-1]]


def _brute_name_in(analysed, first, last, labels=sources_module.NAME_LABELS):
    inside = [m for m in analysed.mentions
              if first.start <= m.start and m.end <= last.end and m.label in labels]
    if not inside:
        return None
    inside.sort(key=lambda m: (m.label != "PERSON", -(m.end - m.start)))
    return inside[0].start, inside[0].end, inside[0].text


def test_subtrees_and_names_match_the_scans_they_replaced(analyser):
    analysed = analyser.analyse(Article(text=TEXT, regions=split_paragraphs(TEXT)))
    assert analysed.mentions, "the text names people and organisations"
    for head in analysed.tokens:
        first, last = sources_module._subtree(analysed, head)
        assert (first.i, last.i) == tuple(t.i for t in _brute_subtree(analysed, head))
        for labels in (sources_module.NAME_LABELS, ("PERSON",)):
            assert sources_module._name_in(analysed, first, last, labels) == _brute_name_in(
                analysed, first, last, labels)


def test_the_quote_index_finds_the_first_quote_a_scan_finds():
    quotes = [Quote(start, end, "x" * (end - start), "direct") for start, end in
              [(0, 40), (30, 200), (210, 220), (215, 400), (500, 510), (505, 900)]]
    index = claims_module._quote_index(quotes)
    for start in range(0, 950, 7):
        for length in (1, 5, 30, 120, 400):
            end = start + length
            assert claims_module._quote_around(quotes, start, end, index) is claims_module._quote_around(
                quotes, start, end)


def test_the_span_index_returns_what_a_scan_returns_in_list_order():
    import random

    from copydesk.model import Quantity

    rng = random.Random(5)
    items = []
    for _ in range(300):
        start = rng.randrange(0, 2000)
        items.append(Quantity(start, start + rng.randrange(1, 40), "1", 1.0))
    index = claims_module._SpanIndex(items)
    for start in range(0, 2100, 13):
        end = start + rng.randrange(1, 200)
        assert index.inside(start, end) == [q for q in items if start <= q.start and q.end <= end]
