"""``numbers.part-whole``: a part larger than its whole.

Explicit part-whole wording, compared on the numbers of ``analysed.quantities`` (errors):

1. "X of Y ..." / "X out of Y ..." with X > Y ("1,310 of its 1,200 members", "15 out of 12");
   for plain "of" the whole must count something (a noun after it) and the two counts must not
   count different nouns; a label before X ("Article 5 of ...") is not a count;
2. "Of/Among the Y ..., X ..." with X > Y ("Of the 40 passengers, 52 were injured");
3. "X of them/whom/which" and "Of them, X": the whole is the nearest count before it in the
   same sentence or the sentence before (a warning when it comes from the sentence before);
4. a percentage above 100 of a group of people or votes ("110% of voters").

Shares that sum past 100% (a warning): two or more percentages in one sentence, listed one after
the other without a change word ("rose", "points", "than", "from"...) and without anything that
would make them shares of different wholes (a place, a date, or different "of"/"among"/"in"
phrases); the sum must pass 100 by more than rounding can explain (0.5 per share).

See ``docs/checks/numbers.part-whole.md``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from copydesk.analyse.quantities import parse_number
from copydesk.checks.registry import register
from copydesk.model import Evidence, Finding, Quantity, Severity

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.analyse.document import AnalysedArticle, Sentence
    from copydesk.knowledge import Knowledge

CHECK = "numbers.part-whole"
_OF_BETWEEN = re.compile(r"^\s+(?P<out>out\s+)?of\s+(?:(?:the|its|their|his|her|our|all|those|these)\s+)?$", re.IGNORECASE)
_INSIDE_OF = re.compile(r"^(?P<part>.+?)\s+(?P<out>out\s+)?of\s+(?:the\s+|its\s+|their\s+)?(?P<whole>\S.*)$", re.IGNORECASE)
_LEAD_WHOLE = re.compile(r"(?:^|[,;:]\s+)(?:of|among)\s+(?:(?:the|its|their|all|those|these)\s+)?$", re.IGNORECASE)
_AFTER_WHOLE = re.compile(
    r"^[^,.;:]{0,60},\s*(?:(?:only|just|some|about|around|nearly|almost|more than|at least|"
    r"fewer than|less than|as many as)\s+)*$", re.IGNORECASE)
_OF_PRONOUN = re.compile(r"^\s+of\s+(?:them|whom|which|those|these)\b", re.IGNORECASE)
_LEAD_PRONOUN = re.compile(r"^(?:of|among)\s+(?:them|those|these|whom)\s*,?\s*(?:only\s+|just\s+)?$", re.IGNORECASE)
_PERCENT_OF = re.compile(r"^\s+of\s+(?:(?:the|all|its|their|registered|eligible)\s+)*(?P<noun>[A-Za-z-]+)", re.IGNORECASE)
_PREP_AFTER = re.compile(r"^\s+(?P<prep>of|among|in|for|at)\s+(?:the\s+)?(?P<noun>[\w-]+)", re.IGNORECASE)
SHARE_GROUPS = frozenset({
    "voters", "votes", "vote", "people", "respondents", "members", "residents", "adults",
    "children", "students", "workers", "employees", "households", "citizens", "participants",
    "patients", "users", "customers", "women", "men", "seats", "electorate", "population",
    "public", "workforce", "americans", "britons", "those", "delegates", "shareholders",
    "teachers", "doctors", "nurses", "pupils", "parents", "viewers", "readers", "staff",
})
CHANGE_WORDS = frozenset({
    "rise", "rose", "risen", "rises", "fall", "fell", "fallen", "falls", "up", "down", "increase",
    "increased", "decrease", "decreased", "from", "to", "than", "point", "points", "growth",
    "grew", "inflation", "rate", "rates", "interest", "tax", "margin", "compared", "jump",
    "jumped", "drop", "dropped", "cut", "higher", "lower", "more", "less", "gain", "gained",
    "lost", "year-on-year", "annual", "annually", "per", "respectively", "stake", "discount",
    "return", "yield", "likely", "chance", "probability", "odds", "accuracy", "capacity",
})
_LABEL_WORDS = frozenset({"article", "chapter", "section", "page", "no", "number", "game",
                          "round", "stage", "day", "week", "act", "part", "clause", "paragraph",
                          "rule", "item", "episode", "level", "phase", "volume", "book"})


@register("numbers.part-whole", severity="error")
def check(article: AnalysedArticle, knowledge: Knowledge) -> Iterator[Finding]:
    """A part larger than its whole, or shares of one whole that sum past 100%."""
    by_sentence: list[list[Quantity]] = [[] for _ in article.sentences]
    for quantity in article.quantities:
        index = article.sentence_index_of(quantity.start)
        if index is not None:
            by_sentence[index].append(quantity)
    for index, sentence in enumerate(article.sentences):
        found = by_sentence[index]
        previous = by_sentence[index - 1] if index and _same_paragraph(article, index) else []
        yield from _of_pairs(article, found)
        yield from _lead_whole(article, sentence, found)
        yield from _of_pronoun(article, sentence, found, previous)
        yield from _percent_over(article, found)
        yield from _sums(article, sentence, found)


def _same_paragraph(article: AnalysedArticle, index: int) -> bool:
    return article.sentences[index - 1].paragraph == article.sentences[index].paragraph


def _of_pairs(article: AnalysedArticle, found: list[Quantity]) -> Iterator[Finding]:
    text = article.text
    for part, whole in itertools.pairwise(found):
        between = _OF_BETWEEN.match(text[part.end : whole.start])
        if between is None or not _comparable(part, whole) or _labelled(article, part):
            continue
        explicit = bool(between.group("out"))
        if not explicit and (whole.unit is None or (part.unit and part.unit != whole.unit)):
            continue
        if part.value > whole.value:
            yield _finding(article, part.start, whole.end, part, whole, "part larger than its whole")
    for quantity in found:  # spaCy sometimes keeps "15 out of 12" as one number
        inside = _INSIDE_OF.match(quantity.text)
        if inside is None or not inside.group("out"):
            continue
        part_value, _ = parse_number(inside.group("part").split())
        whole_value, _ = parse_number(inside.group("whole").split())
        if part_value is not None and whole_value is not None and part_value > whole_value:
            yield _finding(article, quantity.start, quantity.end, None, None,
                           "part larger than its whole", values=(part_value, whole_value))


def _lead_whole(article: AnalysedArticle, sentence: Sentence, found: list[Quantity]) -> Iterator[Finding]:
    """"Of the 40 passengers, 52 were injured"."""
    text = article.text
    for whole, part in itertools.pairwise(found):
        if not _leads(text, sentence.start, whole.start):
            continue
        if not _AFTER_WHOLE.match(text[whole.end : part.start]) or not _comparable(part, whole):
            continue
        if whole.unit is None or part.value <= whole.value:
            continue
        yield _finding(article, whole.start, part.end, part, whole, "part larger than its whole")


#: How much of the sentence before a number the lead-in patterns read ("…, of the " and "Of
#: them, " are a few words; reading the whole sentence again for every number is quadratic).
_LEAD_WINDOW = 200


def _leads(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (a sentence up to a number) ends in "of the" or "among"."""
    if end - start <= _LEAD_WINDOW:
        return _LEAD_WHOLE.search(text[start:end]) is not None
    return _LEAD_WHOLE_TAIL.search(text[end - _LEAD_WINDOW : end]) is not None


_LEAD_WHOLE_TAIL = re.compile(_LEAD_WHOLE.pattern.replace("(?:^|[,;:]\\s+)", "[,;:]\\s+"), re.IGNORECASE)
assert _LEAD_WHOLE_TAIL.pattern != _LEAD_WHOLE.pattern


def _of_pronoun(article: AnalysedArticle, sentence: Sentence, found: list[Quantity],
                previous: list[Quantity]) -> Iterator[Finding]:
    """"8 of them", "Of them, 40": the whole is the nearest count before."""
    text = article.text
    for k, part in enumerate(found):
        same = _OF_PRONOUN.match(text[part.end : part.end + 20])
        lead = None
        if text[sentence.start : sentence.start + 5].lower().startswith(("of", "among")):
            lead = _LEAD_PRONOUN.match(text[sentence.start : part.start])
        if not (same or lead) or part.value is None or part.unit in ("%",) or _is_money(part):
            continue
        before = next((q for q in reversed(found[:k]) if q.end <= part.start), None)
        whole, severity = (before, Severity.ERROR) if before else (None, Severity.WARNING)
        if whole is None and previous:
            whole = previous[-1]
        if whole is None or not _is_count(whole) or whole.value < 2 or part.value <= whole.value:
            continue
        end = part.end + (same.end() if same else 0)
        yield _finding(article, part.start, end, part, whole, "part larger than its whole",
                       severity=severity)


def _percent_over(article: AnalysedArticle, found: list[Quantity]) -> Iterator[Finding]:
    """"110% of voters": a share above the whole."""
    for quantity in found:
        if quantity.unit != "%" or quantity.value is None or quantity.value <= 100:
            continue
        after = _PERCENT_OF.match(article.text[quantity.end : quantity.end + 40])
        if after is None or after.group("noun").lower() not in SHARE_GROUPS:
            continue
        end = quantity.end + after.end()
        yield Finding(
            check=CHECK, severity=Severity.ERROR, start=quantity.start, end=end,
            text=article.text[quantity.start : end],
            message=f"a share of {quantity.text} is more than the whole",
            suggestion=None, confidence=0.8,
            evidence=[Evidence("arithmetic", f"{_fmt(quantity.value)}% > 100%", quantity.start, quantity.end)],
        )


def _sums(article: AnalysedArticle, sentence: Sentence, found: list[Quantity]) -> Iterator[Finding]:
    shares = [q for q in found if q.unit == "%" and q.value is not None]
    if len(shares) < 2 or len(shares) != len([q for q in found if q.unit == "%"]):
        return
    total = sum(q.value for q in shares)
    if total <= 100 + 0.5 * len(shares) or any(q.value > 100 for q in shares):
        return
    tokens = article.sentence_tokens(sentence)
    if any(t.lower in CHANGE_WORDS for t in tokens):
        return
    first, last = shares[0].start, shares[-1].end
    if any(t.ent_type in ("GPE", "LOC", "DATE", "TIME") and first <= t.start < last for t in tokens):
        return
    objects = {_prep_object(article.text, q) for q in shares}
    if len(objects) > 1:
        return  # "40% of men and 70% of women": different wholes
    gaps = [article.text[a.end : b.start] for a, b in itertools.pairwise(shares)]
    if any(len(gap.split()) > 8 or not re.search(r",|;|\band\b|\bwith\b|\bwhile\b", gap) for gap in gaps):
        return
    listed = " + ".join(q.text for q in shares[:MAX_LISTED])
    if len(shares) > MAX_LISTED:
        listed += f" + … ({len(shares) - MAX_LISTED} more)"
    yield Finding(
        check=CHECK, severity=Severity.WARNING, start=first, end=last,
        text=article.text[first:last],
        message=f"shares that look like parts of one whole add up to {_fmt(total)}%",
        suggestion=None, confidence=0.6,
        evidence=[Evidence("arithmetic", f"{listed} = {_fmt(total)}%", first, last)],
    )


#: Shares written out in the evidence of one sum (the rest are counted).
MAX_LISTED = 12


def _prep_object(text: str, quantity: Quantity) -> str:
    after = _PREP_AFTER.match(text[quantity.end : quantity.end + 40])
    return f"{after.group('prep').lower()} {after.group('noun').lower()}" if after else ""


def _comparable(part: Quantity, whole: Quantity) -> bool:
    """Two plain counts, or two sums of money in one currency."""
    if part.value is None or whole.value is None or "%" in (part.unit, whole.unit):
        return False
    if _is_money(part) or _is_money(whole):
        return part.unit == whole.unit and _is_money(part) and _is_money(whole)
    return True


def _is_money(quantity: Quantity) -> bool:
    return bool(quantity.unit) and quantity.unit.isupper() and len(quantity.unit) == 3


def _is_count(quantity: Quantity) -> bool:
    return quantity.value is not None and quantity.unit not in ("%",) and not _is_money(quantity)


def _labelled(article: AnalysedArticle, part: Quantity) -> bool:
    """"Article 5 of the treaty": a number that names, not one that counts."""
    token = article.token_at(part.start)
    if token is None or token.i == 0:
        return False
    before = article.tokens[token.i - 1]
    return before.sent == token.sent and (before.lower.rstrip(".") in _LABEL_WORDS or before.pos == "PROPN")


def _finding(article: AnalysedArticle, start: int, end: int, part: Quantity | None,
             whole: Quantity | None, message: str, *, severity: Severity = Severity.ERROR,
             values: tuple[float, float] | None = None) -> Finding:
    part_value, whole_value = values or (part.value, whole.value)
    evidence = [Evidence("arithmetic", f"part {_fmt(part_value)} > whole {_fmt(whole_value)}")]
    if whole is not None:
        evidence.append(Evidence("whole", f"whole: '{whole.text}'", whole.start, whole.end))
    return Finding(
        check=CHECK, severity=severity, start=start, end=end, text=article.text[start:end],
        message=f"{message}: {_fmt(part_value)} of {_fmt(whole_value)}",
        suggestion=None, confidence=0.85 if severity is Severity.ERROR else 0.6,
        evidence=evidence,
    )


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
