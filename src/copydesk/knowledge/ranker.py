"""Ranking spelling suggestions in context with learned weights.

``Lexicon.in_context`` finds up to ten known words near a misspelt one and describes each with
the figures below (how common it is, what the slip would cost, how well it fits between the
neighbouring words, whether the article writes it, whether it sounds like the word typed...).
A hand-set sum of some of them (``score``) ranked the suggestions until weights learned from real
misspellings replaced it: a linear model over all of them, trained as a conditional choice (the
word meant against each other candidate) by ``bench/train_suggestions.py`` on real misspellings
planted into real news, and shipped as ``copydesk/data/suggestion_ranker.json`` with its
provenance. The hand-set score stays one of the figures, and still decides how sure the spelling
check is (``checks/spelling.py``); the learned weights only order the suggestions.

A slip rarely brings in a letter the word does not have or loses every copy of one it has
(letters swap, double or go missing beside their twins), so how many letters typed the candidate
lacks, and how many of its letters were not typed, are among the figures.

Hand-written rather than a library model because the model is sixteen weights: a dot product
needs no runtime dependency, and the training script uses scikit-learn's logistic regression.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

from jellyfish import metaphone

from copydesk.errors import KnowledgeError

RANKER_FILE = "data/suggestion_ranker.json"

#: What describes a candidate, in the order of the weights.
FEATURES = (
    "score",          # the hand-set score: frequency less the slip's cost, the context, the article
    "zipf",           # how common the candidate is (Zipf)
    "cost",           # typing_cost of the slip from the candidate to the word typed
    "distance",       # edits (OSA distance)
    "fit_before",     # fit with the word before (Bigrams.fit, one side)
    "fit_after",      # fit with the word after
    "in_article",     # 1 when the article writes the candidate elsewhere
    "ending_lost",    # 1 when the grammatical ending typed ("-ed", "-ing") is not in the candidate
    "sounds_alike",   # 1 when the two share a Metaphone key (a split, space and all, never does)
    "split",          # 1 for two words run together ("the first")
    "first_letter",   # 1 when the first letters agree
    "last_letter",    # 1 when the last letters agree
    "length_change",  # |len(candidate) - len(typed)| (a split's space counts)
    "shared_prefix",  # share of the typed word that the candidate begins with
    "letters_dropped",  # letters of the typed word that the candidate lacks (distinct letters)
    "letters_added",    # letters of the candidate that were not typed (distinct letters)
)


def features(
    typed: str, word: str, *, score: float, zipf: float, cost: float, distance: int,
    fit_before: float, fit_after: float, in_article: bool, ending_lost: bool,
) -> tuple[float, ...]:
    """The figures that describe ``word`` as the word meant by ``typed`` (``FEATURES``)."""
    prefix = 0
    for a, b in zip(typed, word, strict=False):
        if a != b:
            break
        prefix += 1
    typed_letters, word_letters = set(typed), set(word.replace(" ", ""))
    return (
        score, zipf, cost, float(distance), fit_before, fit_after, float(in_article),
        float(ending_lost), float(metaphone(typed) == metaphone(word)), float(" " in word),
        float(word[:1] == typed[:1]), float(word[-1:] == typed[-1:]),
        float(abs(len(word) - len(typed))), prefix / max(1, len(typed)),
        float(len(typed_letters - word_letters)), float(len(word_letters - typed_letters)),
    )


@dataclass(frozen=True)
class Ranker:
    """Learned weights over ``FEATURES``: a candidate's rank is their dot product with its
    figures (higher is likelier the word meant)."""

    weights: tuple[float, ...]
    origin: str = "<memory>"
    #: how the weights were made (training data, its licence, the figures measured)
    provenance: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def default(cls) -> Ranker:
        """The shipped weights, ``copydesk/data/suggestion_ranker.json``."""
        resource = files("copydesk").joinpath(RANKER_FILE)
        try:
            text = resource.read_text(encoding="utf-8")
        except OSError as exc:
            raise KnowledgeError(
                f"copydesk/{RANKER_FILE}: cannot read the suggestion ranker ({exc}); reinstall "
                "copydesk or re-create it with bench/train_suggestions.py"
            ) from exc
        return cls.from_text(text, origin=f"copydesk/{RANKER_FILE}")

    @classmethod
    def from_file(cls, path: str | Path) -> Ranker:
        return cls.from_text(Path(path).read_text(encoding="utf-8"), origin=str(path))

    @classmethod
    def from_text(cls, text: str, *, origin: str = "<text>") -> Ranker:
        try:
            data = json.loads(text)
            named = data["weights"]
        except (ValueError, KeyError, TypeError) as exc:
            raise KnowledgeError(f"{origin}: not a suggestion ranker (a JSON object with 'weights'): {exc}") from exc
        if not isinstance(named, dict) or set(named) != set(FEATURES):
            have = sorted(named) if isinstance(named, dict) else type(named).__name__
            raise KnowledgeError(f"{origin}: the weights must name exactly {list(FEATURES)}, not {have}")
        weights = []
        for name in FEATURES:
            value = named[name]
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
                raise KnowledgeError(f"{origin}: the weight of {name!r} is not a finite number: {value!r}")
            weights.append(float(value))
        return cls(tuple(weights), origin, dict(data.get("provenance") or {}))

    def to_dict(self) -> dict[str, Any]:
        return {"weights": dict(zip(FEATURES, self.weights, strict=True)), "provenance": self.provenance}

    def rank(self, values: tuple[float, ...]) -> float:
        return sum(w * v for w, v in zip(self.weights, values, strict=True))
