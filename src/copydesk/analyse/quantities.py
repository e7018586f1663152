"""Quantities: numbers with units and approximation markers.

The spans are spaCy's CARDINAL, MONEY, PERCENT and QUANTITY entities (read back from the tokens),
widened to take in a currency sign before the number ("£" "50") and a scale after it ("50" "m").

- ``value``: "4,000" -> 4000, "1.2 million" -> 1200000, "£1.8bn" -> 1800000000, "two" -> 2,
  "twenty-five" -> 25; vague amounts ("thousands", "hundreds of millions") -> None.
- ``unit``: an ISO currency code for money (``GBP``, ``USD``, ``EUR`` …), ``%`` for percentages,
  the measure for quantities ("tonnes"), and for plain counts the noun counted ("troops").
- a number too large for a float ("1" followed by 310 digits, "a hundred hundred …" repeated)
  keeps its text with ``value=None``.
- ``approximate``: "an estimated", "about", "around", "nearly", "more than", "some", "up to"…
  before the number, or a vague amount.
"""

from __future__ import annotations

import math
import re

from copydesk.analyse.document import AnalysedArticle, Token
from copydesk.model import Quantity

LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})

CURRENCIES = {
    "$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "a$": "AUD", "c$": "CAD",
    "hk$": "HKD", "nz$": "NZD", "dollar": "USD", "dollars": "USD", "pound": "GBP", "pounds": "GBP",
    "sterling": "GBP", "euro": "EUR", "euros": "EUR", "yen": "JPY", "yuan": "CNY", "rupee": "INR",
    "rupees": "INR", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB",
    "hryvnia": "UAH", "hryvnias": "UAH", "francs": "CHF", "franc": "CHF", "won": "KRW",
}
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "m": 1e6,
    "mn": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}
UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "a": 1, "an": 1, "dozen": 12, "half": 0.5,
}
FRACTIONS = {"half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25}
VAGUE = frozenset({"dozens", "hundreds", "thousands", "millions", "billions", "tens", "scores"})

APPROXIMATE = re.compile(
    r"^(?:an?\s+)?(?:estimated|about|around|approximately|roughly|nearly|almost|some|over|"
    r"more than|less than|fewer than|up to|at least|at most|just under|just over|under|"
    r"close to|upwards of|as many as|as much as|as few as|around about|circa|c\.|"
    r"some\s+\w+\s+or\s+so)\b",
    re.IGNORECASE,
)
_ROUGH_TAIL = re.compile(r"(?:-odd|\bor so|\+|-plus)$", re.IGNORECASE)
_NUMERIC = re.compile(r"^(?P<num>\d[\d,]*(?:\.\d+)?|\.\d+)(?P<scale>k|m|mn|bn|b|tn|trn)?$", re.IGNORECASE)
_LEAD = re.compile(r"^(?:just|only|another|the|an?|estimated|extra|additional|some|over|about|"
                   r"around|nearly|almost|more|less|fewer|than|up|to|at|least|most|under|close|"
                   r"roughly|approximately|as|many|much|upwards|of|between|and)$", re.IGNORECASE)
_COUNTED_DEPS = frozenset({"nummod", "quantmod", "compound"})


def find_quantities(analysed: AnalysedArticle) -> None:
    """Fill ``analysed.quantities`` from the number entities of the tokens."""
    tokens = analysed.tokens
    found: list[Quantity] = []
    for first, last in _entity_spans(tokens):
        first, last = _widen(tokens, first, last)
        start, end = tokens[first].start, tokens[last].end
        text = analysed.text[start:end]
        label = tokens[last].ent_type or tokens[first].ent_type
        words = [t.text for t in tokens[first : last + 1]]
        value, vague = parse_number(words)
        unit = _unit(analysed, first, last, label, words)
        approximate = (
            vague
            or bool(APPROXIMATE.match(text) or _ROUGH_TAIL.search(text))
            or _approximate_before(tokens, first)
        )
        found.append(Quantity(start, end, text, value, unit, approximate))
    analysed.quantities = found


def parse_number(words: list[str]) -> tuple[float | None, bool]:
    """(value, vague) of the number in ``words``: ["1.2", "million"] -> (1200000.0, False)."""
    total = 0.0
    current: float | None = None
    seen = False
    article_only = False
    for raw in words:
        for word in re.split(r"[-\s]+", raw.lower()):
            if not word or word in CURRENCIES or word in ("%", "percent", "per", "cent"):
                continue
            numeric = _NUMERIC.match(word)
            if numeric:
                if article_only:  # "an estimated 4,000": the article is not a number
                    current, article_only = None, False
                current = (current or 0.0) + float(numeric.group("num").replace(",", ""))
                if numeric.group("scale"):
                    current *= SCALES[numeric.group("scale")]
                seen = True
            elif word in VAGUE:
                return None, True
            elif word in FRACTIONS and seen and current is not None:
                current *= FRACTIONS[word]
            elif word in UNITS and not (word in ("a", "an") and seen):
                current = (current or 0.0) + UNITS[word]
                article_only = word in ("a", "an") and not seen
                seen = True
            elif word == "hundred" and seen:
                current = (current or 1.0) * 100
            elif word in SCALES and seen:
                total += (current if current is not None else 1.0) * SCALES[word]
                current = None
            elif word == "and" or _LEAD.match(word):
                continue
            elif seen:
                break
    if not seen:
        return None, False
    value = total + (current or 0.0)
    if not math.isfinite(value):  # past the float range: the text stays, the value does not
        return None, False
    return (int(value) if value == int(value) else value), False


def _entity_spans(tokens: list[Token]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    current: int | None = None
    for k, token in enumerate(tokens):
        inside = token.ent_type in LABELS
        if current is not None and (
            not inside or token.ent_iob == "B" or token.ent_type != tokens[current].ent_type
        ):
            spans.append((current, k - 1))
            current = None
        if inside and current is None:
            current = k
    if current is not None:
        spans.append((current, len(tokens) - 1))
    return spans


def _widen(tokens: list[Token], first: int, last: int) -> tuple[int, int]:
    """Take in "£" before and "m"/"bn"/"%" after the number when spaCy left them out."""
    if first > 0 and tokens[first - 1].text.lower() in CURRENCIES and tokens[first - 1].sent == tokens[first].sent:
        first -= 1
    while (
        last + 1 < len(tokens)
        and tokens[last + 1].sent == tokens[last].sent
        and tokens[last + 1].text.lower() in {"m", "bn", "k", "tn", "%"}
        and not tokens[last].whitespace
    ):
        last += 1
    return first, last


def _unit(analysed: AnalysedArticle, first: int, last: int, label: str, words: list[str]) -> str | None:
    lowered = [w.lower() for w in words]
    if label == "PERCENT" or "%" in lowered or "percent" in lowered:
        return "%"
    for word in lowered:
        if word in CURRENCIES:
            return CURRENCIES[word]
    if label == "MONEY":
        return None
    if label == "QUANTITY":
        measures = [w for w in lowered if w.isalpha() and w not in SCALES and w not in UNITS and not _LEAD.match(w)]
        return measures[-1] if measures else None
    return _counted_noun(analysed, first, last)


def _counted_noun(analysed: AnalysedArticle, first: int, last: int) -> str | None:
    """The noun a count counts: "5,000 troops" -> "troops", "thousands of protesters" -> "protesters"."""
    tokens = analysed.tokens
    number = tokens[last]
    if number.dep in _COUNTED_DEPS and 0 <= number.head < len(tokens):
        head = tokens[number.head]
        if head.pos in ("NOUN", "PROPN") and head.i > last:
            return head.text.lower()
    following = last + 1
    if following < len(tokens) and tokens[following].text.lower() == "of":
        following += 1
        while following < len(tokens) and tokens[following].pos in ("ADJ", "DET", "NUM"):
            following += 1
    if following < len(tokens) and tokens[following].pos == "NOUN" and tokens[following].sent == number.sent:
        return tokens[following].text.lower()
    return None


def _approximate_before(tokens: list[Token], first: int) -> bool:
    """"an estimated 4,000": the marker may sit just outside the entity."""
    before = " ".join(t.text for t in tokens[max(0, first - 3) : first]).lower()
    return bool(re.search(
        r"(?:\bestimated|\babout|\baround|\bapproximately|\broughly|\bnearly|\balmost|\bsome|"
        r"\bover|\bmore than|\bless than|\bfewer than|\bup to|\bat least|\bclose to|\bupwards of|"
        r"\bas many as|\bjust under|\bjust over)$",
        before,
    ))
