"""Check-worthy claims: factual statements a fact-checker would verify.

Each sentence of the article is scored by a small linear model over features read from the parse
(``sentence_features``, in ``copydesk.analyse.claim_features``): numbers, percentages, money,
dates, comparisons and rankings, records of votes and positions, trends, changes, causal links and
acts of a named or third party push the score up; questions, first-person opinion, modal and future
verbs, obligations, hedges, imperatives, second-person address, anecdotes and fragments push it
down. The weights are set by hand (``WEIGHTS``; each is explained in
docs/claims.md); a sentence whose score reaches ``THRESHOLD`` is a claim.

A claim carries the quantities inside it (from ``analysed.quantities``), the first resolved time
expression in it (ISO, from ``analysed.times``), and its source: the speaker of the quote it sits
in (``analysed.quotes``), else a source of reporting from ``copydesk.analyse.sources``.

A user may replace the hand-set weights with weights fitted on their own data; ``load_weights``
reads such a file. A model trained on labelled sentences (``copydesk train claims``) is read by
``copydesk.analyse.claim_model.load_model`` and passed the same way.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path

from copydesk.analyse.claim_features import sentence_features
from copydesk.analyse.document import AnalysedArticle, Sentence
from copydesk.analyse.sources import ReportingSource, find_sources, sources_by_sentence
from copydesk.model import Claim, Quantity, Quote, Speaker

#: Hand-set weights (see docs/claims.md for the reasoning behind each).
WEIGHTS: dict[str, float] = {
    "number": 1.2,
    "percent": 0.8,
    "money": 0.6,
    "numeric_date": 0.3,
    "date": 0.3,
    "comparison": 0.4,
    "superlative": 0.5,
    "record_frame": 0.6,
    "measure_noun": 0.6,
    "change_verb": 0.6,
    "change_noun": 0.4,
    "trend": 1.0,
    "record_verb": 0.6,
    "past_change": 0.3,
    "absolute": 0.2,
    "third_person_act": 0.4,
    "collective_act": 0.3,
    "named_actor": 0.2,
    "entity": 0.3,
    "law": 0.4,
    "past_event": 0.5,
    "causal": 0.5,
    "factual_report": 0.2,
    "question": -3.0,
    "opinion": -1.2,
    "modal": -0.5,
    "modal_clause": -0.2,
    "obligation": -0.5,
    "hedge": -0.3,
    "imperative": -0.8,
    "second_person": -0.2,
    "first_person": -0.3,
    "anecdote": -0.3,
    "subjective": -0.5,
    "short": -0.8,
    "interjection": -0.3,
}
BIAS = -1.1
THRESHOLD = 0.0

@dataclass(slots=True)
class ClaimModel:
    """A linear scorer: ``weights`` per feature name, a ``bias`` and a decision ``threshold``."""

    weights: dict[str, float] = field(default_factory=lambda: dict(WEIGHTS))
    bias: float = BIAS
    threshold: float = THRESHOLD

    def score(self, features: dict[str, float]) -> float:
        return self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())

    def is_claim(self, features: dict[str, float]) -> bool:
        return self.score(features) >= self.threshold

    def sentence_score(self, analysed: AnalysedArticle, sentence: Sentence,
                       features: dict[str, float]) -> float:
        """The hook ``extract_claims`` calls: a model may read the sentence as well as its
        features (``copydesk.analyse.claim_model.TrainedClaimModel`` reads its words)."""
        return self.score(features)


def load_weights(path: str | Path) -> ClaimModel:
    """A ``ClaimModel`` from a JSON file ``{"weights": {...}, "bias": b, "threshold": t}``."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return ClaimModel(
        weights={str(k): float(v) for k, v in data["weights"].items()},
        bias=float(data.get("bias", 0.0)),
        threshold=float(data.get("threshold", 0.0)),
    )


def extract_claims(analysed: AnalysedArticle, model: ClaimModel | None = None) -> None:
    """Fill ``analysed.claims`` with the check-worthy sentences and their numbers, time and source.
    ``model``: the hand-set ``ClaimModel`` unless given; anything with ``sentence_score`` and
    ``threshold`` will do (a trained ``copydesk.analyse.claim_model.TrainedClaimModel``)."""
    model = model or ClaimModel()
    supports = sources_by_sentence(find_sources(analysed))
    quote_index = _quote_index(analysed.quotes)
    spans = (_SpanIndex(analysed.quantities), _SpanIndex(analysed.times))
    claims: list[Claim] = []
    for index, sentence in enumerate(analysed.sentences):
        features = sentence_features(analysed, sentence)
        raw = model.sentence_score(analysed, sentence, features)
        if raw < model.threshold:
            continue
        claims.append(_claim(analysed, index, sentence, supports.get(index, []), raw, quote_index, spans))
    analysed.claims = claims


def _claim(analysed: AnalysedArticle, index: int, sentence: Sentence,
           sources: list[ReportingSource], raw: float,
           quote_index: tuple[list[int], list[int], int] | None = None,
           spans: tuple[_SpanIndex, _SpanIndex] | None = None) -> Claim:
    start, end = _trim(analysed.text, sentence.start, sentence.end)
    quantities_index, times_index = spans or (_SpanIndex(analysed.quantities), _SpanIndex(analysed.times))
    quantities = quantities_index.inside(start, end)
    claim = Claim(start, end, analysed.text[start:end], quantities, _time(times_index.inside(start, end)))
    claim.score = round(1.0 / (1.0 + math.exp(-raw)), 3)
    quote = _quote_around(analysed.quotes, start, end, quote_index)
    speaker = quote.speaker if quote is not None else None
    direct = quote is not None and quote.kind != "indirect"
    best = sources[0] if sources else None
    claim.quoted = direct
    speaks = speaker is not None and bool(speaker.name) and (direct or best is None)
    if speaks and (best is None or best.kind == "named" or not _overlaps(best, speaker)):
        claim.source, claim.source_kind = speaker.name, "named"
        if speaker.start is not None and speaker.end is not None:
            claim.source_span = (speaker.start, speaker.end)
        return claim
    if best is not None:  # the parse's classification wins for indirect speech
        claim.source = best.name if best.kind != "vague" else None
        claim.source_kind = best.kind
        claim.source_span = (best.start, best.end)
    return claim


def _overlaps(source: ReportingSource, speaker: Speaker) -> bool:
    if speaker.start is None or speaker.end is None:
        return False
    return source.start < speaker.end and speaker.start < source.end


def _quote_around(quotes: list[Quote], start: int, end: int,
                  index: tuple[list[int], list[int], int] | None = None) -> Quote | None:
    """A quote that holds most of the claim (a direct quote inside it, or it inside a quote): the
    first in ``quotes``' order. ``index`` (``_quote_index``) limits the search to the quotes that
    can overlap the claim, so a long article costs its length, not claims × quotes."""
    if index is None:
        candidates = range(len(quotes))
    else:
        starts, order, longest = index
        low, high = bisect_left(starts, start - longest), bisect_left(starts, end)
        candidates = sorted(order[low:high])
    for k in candidates:
        quote = quotes[k]
        overlap = min(end, quote.end) - max(start, quote.start)
        if overlap > 0 and overlap >= 0.5 * min(end - start, quote.end - quote.start):
            return quote
    return None


def _quote_index(quotes: list[Quote]) -> tuple[list[int], list[int], int]:
    """Quote starts in order, the quotes' positions in that order, and the longest quote's length."""
    order = sorted(range(len(quotes)), key=lambda k: quotes[k].start)
    longest = max((q.end - q.start for q in quotes), default=0)
    return [quotes[k].start for k in order], order, longest


class _SpanIndex:
    """Items with ``start``/``end`` (quantities, times), found inside a span by bisection and
    returned in their list's order: each claim reads its own sentence's, not the article's."""

    def __init__(self, items: list) -> None:
        self.items = items
        self.order = sorted(range(len(items)), key=lambda k: items[k].start)
        self.starts = [items[k].start for k in self.order]

    def inside(self, start: int, end: int) -> list:
        found = self.order[bisect_left(self.starts, start) : bisect_left(self.starts, end)]
        return [self.items[k] for k in sorted(found) if self.items[k].end <= end]


def _time(times: list) -> str | None:
    """The first resolved time of the claim (its times in text order), preferring dates to durations."""
    inside = [t for t in times if t.value]
    dated = [t for t in inside if t.kind != "duration"]
    return (dated or inside)[0].value if (dated or inside) else None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def significant_quantities(claim: Claim) -> list[Quantity]:
    """The quantities of a claim that state an amount: digits, a percentage, money, a vague amount
    ("thousands") or a number word of ten or more (not "one official", "the two sides")."""
    out = []
    for quantity in claim.quantities:
        if quantity.value is None and not quantity.approximate:
            continue
        digits = any(ch.isdigit() for ch in quantity.text)
        if not digits and quantity.unit not in ("%",) and not _money_unit(quantity.unit) and (
            quantity.value is not None and quantity.value < 10
        ):
            continue  # "the two countries", "number two": words for small counts are not statistics
        out.append(quantity)
    return out


def _money_unit(unit: str | None) -> bool:
    return bool(unit) and unit.isupper() and len(unit) == 3
