"""Text overlap by word 4-gram shingles: the Zyte article-extraction benchmark's measure.

The same measure serves twice: the extraction vote (``extract_vote``) uses :func:`similarity`
to find the candidate text that agrees most with the others, and the benchmarks score an
extraction against the gold text with :func:`shingle_match` and :func:`summarise`.

The method follows ``evaluate.py`` of scrapinghub/article-extraction-benchmark:

1. tokens are ``\\w+`` runs (Unicode), shingles are 4 consecutive tokens, counted as a multiset;
   a text with fewer than 4 tokens is one shingle of all its tokens, an empty text has none;
2. per page, TP/FP/FN are the multiset overlaps, normalised to sum to 1;
3. precision is the mean over pages with a non-empty prediction, recall the mean over pages with
   a non-empty truth (so an empty prediction lowers recall only);
4. F1 is the harmonic mean of the two means.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")
SHINGLE_SIZE = 4

Shingles = Counter[tuple[str, ...]]


def shingles(text: str | None, size: int = SHINGLE_SIZE) -> Shingles:
    """The multiset of ``size``-token shingles of ``text`` (tokens are ``\\w+`` runs)."""
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(zip(*(tokens[i:] for i in range(size)), strict=False))


def similarity(left: Shingles, right: Shingles) -> float:
    """Dice overlap of two shingle multisets, in [0, 1]; 0 when both are empty."""
    total = left.total() + right.total()
    if not total:
        return 0.0
    if len(left) > len(right):
        left, right = right, left
    common = sum(min(count, right[key]) for key, count in left.items() if key in right)
    return 2.0 * common / total


@dataclass(frozen=True, slots=True)
class Match:
    """Normalised true positives, false positives and false negatives of one page."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        if self.tp == self.fp == 0:
            return 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        if self.tp == self.fn == 0:
            return 0.0
        return self.tp / (self.tp + self.fn)


def shingle_match(true: str | None, predicted: str | None) -> Match:
    """Compare a predicted article body with the gold one."""
    gold, guess = shingles(true), shingles(predicted)
    tp = float((gold & guess).total())
    fp = guess.total() - tp
    fn = gold.total() - tp
    total = tp + fp + fn
    if total:
        return Match(tp / total, fp / total, fn / total)
    return Match(0.0, 0.0, 0.0)


@dataclass(frozen=True, slots=True)
class Scores:
    f1: float
    precision: float
    recall: float
    pages: int


def summarise(matches: Iterable[Match]) -> Scores:
    """Mean precision and recall over pages and the F1 of the two means (Zyte's method)."""
    rows = list(matches)
    precisions = [m.precision for m in rows if m.tp + m.fp > 0]
    recalls = [m.recall for m in rows if m.tp + m.fn > 0]
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(f1, precision, recall, len(rows))
