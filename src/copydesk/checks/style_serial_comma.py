"""``style.serial-comma``: a simple series of three or more written against the house's serial
comma rule, ``[style] serial_comma`` (a preset's, or the house's): with ``false``, no comma
before the "and" or "or" that ends the series ("red, white and blue"); with ``true``, always one
("red, white, and blue").

A series is found from the parse: at least three items, each at most four words with no verb,
whose last words are the same part of speech (nouns, names, adjectives or numbers), the last
two joined by "and" or "or". Clauses joined by ", and" ("The union voted, and the company
walked out") are not series.
"""

from __future__ import annotations

from collections.abc import Iterator

from copydesk.analyse.document import AnalysedArticle, Token
from copydesk.checks.registry import register
from copydesk.checks.style import house_of, style_finding
from copydesk.knowledge import Knowledge
from copydesk.model import Finding

CHECK = "style.serial-comma"
CONJUNCTIONS = ("and", "or")
MAX_ITEM = 4
ITEM_HEADS = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})
NOT_IN_ITEM = frozenset({"VERB", "AUX", "ADP", "SCONJ", "PRON"})
BREAKS = frozenset(",;:()[]—–\"“”")


@register(CHECK, severity="info")
def check(article: AnalysedArticle, knowledge: Knowledge) -> Iterator[Finding]:
    """A series of three or more against the house's serial comma rule."""
    house = house_of(knowledge)
    if house is None or house.serial_comma is None:
        return
    origin = house.origins.get("serial_comma", "copydesk.toml [style] serial_comma")
    tokens = article.tokens
    text = article.text
    for k, token in enumerate(tokens):
        if token.lower not in CONJUNCTIONS or k < 3:
            continue
        comma = tokens[k - 1].text == ","
        last_item = _item_before(tokens, k - 1 if comma else k, token.sent)
        if last_item is None:
            continue
        first_end = last_item[0] - 1  # the comma before the middle item
        if first_end < 1 or tokens[first_end].text != ",":
            continue
        first_item = _item_before(tokens, first_end, token.sent, first=True)
        following = _item_after(tokens, k + 1, token.sent)
        if first_item is None or following is None:
            continue
        heads = {tokens[first_item[1] - 1].pos, tokens[last_item[1] - 1].pos, following}
        if len({_kind(p) for p in heads}) != 1:
            continue  # items that are not alike: not a series
        if comma and house.serial_comma is False:
            start, end = tokens[k - 1].start, token.end
            yield style_finding(
                CHECK, text, start, end,
                f"the house style puts no comma before '{token.text}' in a simple series",
                " " + token.text if text[tokens[k - 1].end : token.start] else token.text,
                origin, confidence=0.6,
            )
        elif not comma and house.serial_comma is True:
            before = tokens[k - 1]
            start, end = before.start, token.end
            yield style_finding(
                CHECK, text, start, end,
                f"the house style puts a comma before '{token.text}' in a series (serial comma)",
                before.text + "," + text[before.end : token.end], origin, confidence=0.6,
            )


def _kind(pos: str) -> str:
    return "NOUN" if pos in ("NOUN", "PROPN") else pos


def _item_before(tokens: list[Token], end: int, sent: int, *, first: bool = False
                 ) -> tuple[int, int] | None:
    """The item ``tokens[start:end]`` that ends before ``end``: 1-4 words, no verb, after a
    comma (or the start of a clause), or None. The ``first`` item of a series may follow a
    verb or a preposition ("to discuss berths, pilots and tugs")."""
    start = end
    while start > 0 and end - start < MAX_ITEM + 1:
        previous = tokens[start - 1]
        if previous.sent != sent or previous.text in BREAKS or previous.lower in CONJUNCTIONS:
            break
        if first and previous.pos in NOT_IN_ITEM:
            break
        start -= 1
    if start == end or end - start > MAX_ITEM:
        return None
    words = tokens[start:end]
    if any(t.pos in NOT_IN_ITEM for t in words):
        return None
    if tokens[end - 1].pos not in ITEM_HEADS:
        return None
    return start, end


def _item_after(tokens: list[Token], start: int, sent: int) -> str | None:
    """The part of speech of the head of the item after the conjunction (its last word before
    a break, at most four words), or None when it is not an item (a clause)."""
    end = start
    while end < len(tokens) and tokens[end].sent == sent and end - start < MAX_ITEM:
        t = tokens[end]
        if t.text in BREAKS or t.text in ".!?" or t.pos in ("VERB", "AUX", "ADP", "SCONJ",
                                                             "CCONJ", "PRON"):
            break
        end += 1
    if end == start:
        return None
    if end < len(tokens) and tokens[end].pos in ("VERB", "AUX"):
        return None  # "..., and the company walked out": a clause
    head = tokens[end - 1]
    return head.pos if head.pos in ITEM_HEADS else None
