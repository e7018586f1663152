"""Check-worthy claims: factual statements a fact-checker would verify.

Each sentence of the article is scored by a small linear model over features read from the parse
(``sentence_features``): numbers, percentages, money, numeric dates, comparisons, named actors
doing things, causal links and factual action verbs push the score up; questions, first-person
opinion, modal and future verbs, hedges, imperatives, second-person address and very short
sentences push it down. The weights are set by hand (``WEIGHTS``; each is explained in
docs/claims.md); a sentence whose score reaches ``THRESHOLD`` is a claim.

A claim carries the quantities inside it (from ``analysed.quantities``), the first resolved time
expression in it (ISO, from ``analysed.times``), and its source: the speaker of the quote it sits
in (``analysed.quotes``), else a source of reporting from ``copydesk.analyse.sources``.

A user may replace the hand-set weights with weights fitted on their own data
(``copydesk train claims``); ``load_weights`` reads such a file.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from copydesk.analyse.document import AnalysedArticle, Sentence, Token
from copydesk.analyse.sources import ReportingSource, find_sources, sources_by_sentence
from copydesk.model import Claim, Quantity, Quote, Speaker

#: Hand-set weights (see docs/claims.md for the reasoning behind each).
WEIGHTS: dict[str, float] = {
    "number": 1.2,
    "percent": 0.8,
    "money": 0.6,
    "numeric_date": 0.5,
    "comparison": 0.4,
    "measure_noun": 0.6,
    "change_verb": 0.6,
    "named_actor": 0.2,
    "entity": 0.3,
    "law": 0.4,
    "past_event": 0.5,
    "causal": 0.5,
    "factual_report": 0.2,
    "question": -3.0,
    "opinion": -1.2,
    "modal": -0.4,
    "hedge": -0.3,
    "imperative": -0.8,
    "second_person": -0.2,
    "first_person": -0.2,
    "subjective": -0.5,
    "short": -0.8,
    "interjection": -0.3,
}
BIAS = -0.7
THRESHOLD = 0.0

MEASURE_NOUNS = frozenset({
    "percent", "per", "rate", "average", "total", "majority", "number", "million", "billion",
    "trillion", "thousand", "hundred", "deficit", "debt", "tax", "unemployment", "job",
    "budget", "income", "wage", "salary", "price", "cost", "spending", "revenue", "profit",
    "loss", "growth", "inflation", "poll", "vote", "share", "record", "figure", "statistic",
    "death", "casualty", "toll", "population", "dollar", "pound", "euro", "fund", "funding",
    "emission", "sale", "export", "import", "gdp", "economy", "crime", "murder", "troop",
    "half", "third", "quarter", "double", "times", "fold",
})
CHANGE_VERBS = frozenset({
    "increase", "decrease", "rise", "fall", "cut", "raise", "double", "triple", "grow",
    "decline", "drop", "lose", "gain", "create", "spend", "cost", "vote", "pass", "sign", "kill",
    "die", "invade", "attack", "arrest", "charge", "convict", "ban", "approve", "reject",
    "borrow", "owe", "pay", "fund", "earn", "employ", "hire", "fire", "close", "open", "build",
    "destroy", "launch", "seize", "win", "defeat", "elect", "appoint", "resign", "sell", "buy",
    "invest", "reduce", "expand", "shrink", "add", "eliminate", "veto", "sue", "fine", "injure",
    "wound", "deploy", "withdraw", "sanction", "quadruple", "plunge", "soar", "surge", "jump",
})
CAUSAL = ("because of", "caused", "causes", "due to", "result of", "resulted in", "led to",
          "leads to", "responsible for", "blamed", "thanks to")
OPINION_VERBS = frozenset({"think", "believe", "feel", "hope", "want", "guess", "wish", "love",
                           "like", "suppose", "need", "intend", "plan", "promise"})
HEDGES = frozenset({"maybe", "perhaps", "probably", "possibly", "seem", "seemingly", "appear",
                    "apparently", "might", "somewhat", "kind", "sort"})
MODALS = frozenset({"will", "would", "should", "could", "might", "must", "can", "may", "shall",
                    "'ll", "wo", "ca", "'d"})
SUBJECTIVE = frozenset({
    "great", "terrible", "wonderful", "horrible", "awful", "tremendous", "amazing", "fantastic",
    "disaster", "disgrace", "shame", "incredible", "beautiful", "nice", "good", "bad", "wrong",
    "right", "important", "proud", "happy", "sad", "stupid", "ridiculous", "absolutely",
    "honestly", "frankly", "believe", "strong", "weak", "unfair", "fair", "crazy", "lucky",
})
REPORT_LEMMAS = frozenset({"say", "report", "announce", "confirm", "state", "tell", "show",
                           "estimate", "reveal", "find"})
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW"})
NUMBER_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})


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


def load_weights(path: str | Path) -> ClaimModel:
    """A ``ClaimModel`` from a JSON file ``{"weights": {...}, "bias": b, "threshold": t}``."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return ClaimModel(
        weights={str(k): float(v) for k, v in data["weights"].items()},
        bias=float(data.get("bias", 0.0)),
        threshold=float(data.get("threshold", 0.0)),
    )


def extract_claims(analysed: AnalysedArticle, model: ClaimModel | None = None) -> None:
    """Fill ``analysed.claims`` with the check-worthy sentences and their numbers, time and source."""
    model = model or ClaimModel()
    supports = sources_by_sentence(find_sources(analysed))
    claims: list[Claim] = []
    for index, sentence in enumerate(analysed.sentences):
        features = sentence_features(analysed, sentence)
        raw = model.score(features)
        if raw < model.threshold:
            continue
        claims.append(_claim(analysed, index, sentence, supports.get(index, []), raw))
    analysed.claims = claims


def sentence_features(analysed: AnalysedArticle, sentence: Sentence) -> dict[str, float]:
    """The feature values of one sentence (binary unless noted)."""
    tokens = analysed.sentence_tokens(sentence)
    words = [t for t in tokens if t.pos not in ("PUNCT", "SPACE")]
    lowers = [t.lower for t in tokens]
    lemmas = {t.lemma.lower() for t in tokens}
    text = analysed.text[sentence.start : sentence.end].lower()
    features: dict[str, float] = {}

    def mark(name: str, on: bool | float) -> None:
        if on:
            features[name] = float(on)

    numbers = [t for t in tokens if t.ent_type in NUMBER_LABELS and _is_significant(t)]
    mark("number", bool(numbers))
    mark("percent", any(t.ent_type == "PERCENT" for t in tokens) or "percent" in lowers)
    mark("money", any(t.ent_type == "MONEY" for t in tokens))
    mark("numeric_date", any(t.ent_type == "DATE" and t.text[:1].isdigit() for t in tokens))
    mark("comparison", any(t.tag in ("JJR", "RBR", "JJS", "RBS") for t in tokens) or "than" in lowers)
    mark("measure_noun", bool(lemmas & MEASURE_NOUNS))
    mark("change_verb", any(t.pos == "VERB" and t.lemma.lower() in CHANGE_VERBS for t in tokens))
    mark("named_actor", _named_actor(analysed, tokens))
    mark("entity", any(t.ent_type in NAME_LABELS for t in tokens))
    mark("law", any(t.ent_type == "LAW" for t in tokens))
    mark("past_event", any(t.tag in ("VBD", "VBN") and t.dep in ("ROOT", "ccomp", "conj") for t in tokens))
    mark("causal", any(marker in text for marker in CAUSAL))
    mark("factual_report", any(t.pos == "VERB" and t.lemma.lower() in REPORT_LEMMAS for t in tokens))
    mark("question", text.rstrip(" \"'”’").endswith("?"))
    mark("opinion", _opinion(analysed, tokens))
    mark("modal", any(t.tag == "MD" or t.lower in MODALS and t.dep == "aux" for t in tokens)
         or "going to" in text or "gonna" in text)
    mark("hedge", bool(set(lowers) & HEDGES))
    mark("imperative", _imperative(analysed, tokens))
    mark("second_person", any(t.lower in ("you", "your", "yourself") for t in tokens))
    mark("first_person", any(t.lower in ("i", "me", "my", "we", "our", "us") for t in tokens))
    mark("subjective", bool(set(lowers) & SUBJECTIVE))
    mark("short", len(words) < 7)
    mark("interjection", bool(words) and words[0].pos == "INTJ" or text.startswith("thank"))
    return features


def _is_significant(token: Token) -> bool:
    """A number that states an amount: digits, or a number word above one."""
    if any(ch.isdigit() for ch in token.text):
        return True
    return token.lower not in ("one", "a", "an", "single", "once", "first")


def _named_actor(analysed: AnalysedArticle, tokens: list[Token]) -> bool:
    """A named person, organisation or place is the subject of a verb that is not of saying."""
    for token in tokens:
        if token.dep in ("nsubj", "nsubjpass") and token.ent_type in NAME_LABELS:
            head = analysed.tokens[token.head]
            if head.pos in ("VERB", "AUX") and head.lemma.lower() not in REPORT_LEMMAS:
                return True
    return False


def _opinion(analysed: AnalysedArticle, tokens: list[Token]) -> bool:
    """First person with a verb of opinion or wish: "I think", "we need", "let's"."""
    for token in tokens:
        if token.lower in ("i", "we") and token.dep == "nsubj":
            head = analysed.tokens[token.head]
            if head.lemma.lower() in OPINION_VERBS:
                return True
        following = analysed.tokens[token.i + 1] if token.i + 1 < len(analysed.tokens) else None
        if token.lower == "let" and following is not None and following.lower in ("'s", "us", "me"):
            return True
    return False


def _imperative(analysed: AnalysedArticle, tokens: list[Token]) -> bool:
    root = next((t for t in tokens if t.dep == "ROOT"), None)
    if root is None or root.tag != "VB":
        return False
    return not any(c.dep in ("nsubj", "nsubjpass", "aux") for c in analysed.children(root))


def _claim(analysed: AnalysedArticle, index: int, sentence: Sentence,
           sources: list[ReportingSource], raw: float) -> Claim:
    start, end = _trim(analysed.text, sentence.start, sentence.end)
    quantities = [q for q in analysed.quantities if start <= q.start and q.end <= end]
    claim = Claim(start, end, analysed.text[start:end], quantities, _time(analysed, start, end))
    claim.score = round(1.0 / (1.0 + math.exp(-raw)), 3)
    quote = _quote_around(analysed.quotes, start, end)
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


def _quote_around(quotes: list[Quote], start: int, end: int) -> Quote | None:
    """A quote that holds most of the claim (a direct quote inside it, or it inside a quote)."""
    for quote in quotes:
        overlap = min(end, quote.end) - max(start, quote.start)
        if overlap > 0 and overlap >= 0.5 * min(end - start, quote.end - quote.start):
            return quote
    return None


def _time(analysed: AnalysedArticle, start: int, end: int) -> str | None:
    inside = [t for t in analysed.times if start <= t.start and t.end <= end and t.value]
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
        quantity.text.lower().split()
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
