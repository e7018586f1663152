"""``style.numerals``: numbers written against the house's numerals rule, ``[style]
spell_out_below = N`` (a preset's, or the house's): whole numbers under N in words ("three
ministers"), N and above in figures ("12 ministers").

Only plain counts are judged. Figures stay figures in what style guides write in figures
whatever their size: money, percentages, measures and units, ages, times and dates, scores and
ranges, decimals, numbered things ("Article 5", "Route 9"), list numbers, and headlines. A
number at the start of a sentence is spelt out whatever its size, so words there are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from copydesk.analyse.document import AnalysedArticle, Token
from copydesk.checks.registry import register
from copydesk.checks.style import house_of, style_finding
from copydesk.knowledge import Knowledge
from copydesk.model import Finding

CHECK = "style.numerals"
UNITS = frozenset([
    "per", "percent", "%", "million", "millions", "billion", "billions", "trillion", "bn", "m",
    "k", "km", "kg", "g", "mg", "cm", "mm", "ml", "l", "lb", "lbs", "oz", "ft", "in", "mph",
    "kph", "km/h", "mins", "min", "sec", "secs", "hrs", "hr", "am", "pm", "a.m.", "p.m.", "gmt",
    "bst", "utc", "degrees", "c", "f", "years-old", "year-old", "points", "pts", "goals-to",
    "p", "pence", "cents", "cent", "pounds", "dollars", "euros", "yen",
])
MONTHS = frozenset([
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
])
ONES = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
]
TENS = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
]
WORDS = {w: n for n, w in enumerate(ONES)}
WORDS.update({w: 20 + 10 * k for k, w in enumerate(TENS)})
_COMPOUND = re.compile(r"(" + "|".join(TENS) + r")-(" + "|".join(ONES[1:10]) + r")", re.IGNORECASE)
_SCALE = frozenset([
    "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion",
    "billions",
])
_AGE = ("year", "years")


def in_words(number: int) -> str:
    """1 -> "one", 42 -> "forty-two" (0-99)."""
    if number < 20:
        return ONES[number]
    tens, ones = divmod(number, 10)
    return TENS[tens - 2] + (f"-{ONES[ones]}" if ones else "")


@register(CHECK, severity="info")
def check(article: AnalysedArticle, knowledge: Knowledge) -> Iterator[Finding]:
    """A number written against the house's numerals rule (spell out under N, figures from N)."""
    house = house_of(knowledge)
    if house is None or not house.spell_out_below:
        return
    limit = house.spell_out_below
    origin = house.origins.get("spell_out_below", "copydesk.toml [style] spell_out_below")
    text = article.text
    headline = _headline_end(article)
    tokens = article.tokens
    for k, token in enumerate(tokens):
        if token.start < headline:
            continue
        before = tokens[k - 1] if k > 0 else None
        after = tokens[k + 1] if k + 1 < len(tokens) else None
        if token.text.isdigit() and not token.text.startswith("0"):
            value = int(token.text)
            if not 1 <= value < limit or not _plain_figure(article, text, token, before, after):
                continue
            word = in_words(value)
            if _first_word(article, token):
                word = word.capitalize()
            yield style_finding(
                CHECK, text, token.start, token.end,
                f"the house style spells out numbers under {limit}: '{word}'", word, origin,
                confidence=0.7,
            )
            continue
        value = _word_value(token.text)
        if value is None or value < limit or value >= 100 or _first_word(article, token):
            continue
        if after is not None and (after.lower in _SCALE or after.lower in ("of", "-")):
            continue  # "twenty million", "one of", "twenty-odd"
        yield style_finding(
            CHECK, text, token.start, token.end,
            f"the house style writes numbers from {limit} in figures: '{value}'", str(value),
            origin, confidence=0.7,
        )


def _word_value(word: str) -> int | None:
    lower = word.lower()
    if lower in WORDS:
        return WORDS[lower]
    compound = _COMPOUND.fullmatch(lower)
    if compound:
        return WORDS[compound.group(1)] + WORDS[compound.group(2)]
    return None


def _plain_figure(article: AnalysedArticle, text: str, token: Token, before: Token | None,
                  after: Token | None) -> bool:
    """A figure that is a plain count, not money, a measure, a date, a time, a score, a
    numbered thing, a list number, or one of a range or series of figures."""
    left = text[token.start - 1 : token.start] if token.start else ""
    right = text[token.end : token.end + 1]
    sentence_end = right in ".," and text[token.end + 1 : token.end + 2] in ("", " ", "\n")
    if left and left in "$£€¥#.,:/-–+=(":
        return False  # money, decimals and thousands, times, ranges, scores ("8-6", "6-4.")
    if right and right in "%:/-–°'’x+=)" or right in ".," and not sentence_end:
        return False  # percentages, decimals, times, dates, ranges, degrees, "(3)"
    if left == "\n" or token.start == 0 or text[max(0, token.start - 1)] == "\n" and right == ".":
        return False
    if after is not None and (after.lower in UNITS or after.lower in MONTHS
                              or after.lower.rstrip(".") in UNITS):
        return False
    if after is not None and after.lower in _AGE:
        return False  # "7 years old", "3 years" read as an age or a term: left alone
    if before is not None:
        if before.lower in MONTHS or before.lower in ("aged", "age", "no", "number", "page"):
            return False
        if before.is_title or before.text.isupper():
            return False  # "Article 5", "Route 9", "Radio 1", "RBS 6 Nations"
        if before.text.isdigit():
            return False
    tokens = article.tokens
    near = tokens[max(0, token.i - 2) : token.i] + tokens[token.i + 1 : token.i + 3]
    # a range or series with other figures ("6 or 7 January", "3 to 14", "9 and 10 July")
    return not any(t.text[:1].isdigit() for t in near)


def _first_word(article: AnalysedArticle, token: Token) -> bool:
    sentence = article.sentences[token.sent]
    first = next((t for t in article.tokens[sentence.first : sentence.last] if t.text.isalnum()),
                 None)
    return first is not None and first.i == token.i


def _headline_end(article: AnalysedArticle) -> int:
    """The end of the headline's line when the text opens with it (headlines take figures)."""
    headline = article.article.headline
    text = article.text
    if headline and text.lstrip().startswith(headline.strip()):
        end = text.find("\n", text.find(headline.strip()))
        return len(text) if end < 0 else end
    return 0
