"""How well a word fits the words beside it: word-pair counts for ranking spelling suggestions.

The counts are the ones the ``symspellpy`` package ships for its own compound correction
(``frequency_bigramdictionary_en_243_342.txt``: 242,342 English word pairs, and
``frequency_dictionary_en_82_765.txt``: 82,765 words, both counted in the Google Books Ngram
data, CC BY 3.0; the package is MIT-licensed). Nothing else of symspellpy is used: its lookup
ranks by edit distance and frequency alone, which is what ``Lexicon`` already does with the
Hunspell dictionaries; what no library offers is scoring a candidate against its neighbours in
the sentence, which is written here.

The score is pointwise mutual information on the log10 scale, ``log10 c(a b) N / (c(a) c(b))``:
how much more often the pair occurs than its words would by chance. "to write" scores about 1.5
and "to with" below zero, so "wirte" in "to wirte a letter" is "write", not the commoner "with".
The list keeps only pairs seen often, so a missing pair is estimated from that threshold; the two
sides add up.
"""

from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources

from copydesk.errors import KnowledgeError

PACKAGE = "symspellpy"
PAIRS_FILE = "frequency_bigramdictionary_en_243_342.txt"
WORDS_FILE = "frequency_dictionary_en_82_765.txt"
#: One pairing moves a score at most this far either way: a pair seen less often than chance
#: is weak evidence against a word (the counts come from books, not news), a strong pair strong
#: evidence for it.
PMI_FLOOR, PMI_CEILING = -1.0, 4.0
#: A pair the list lacks is counted this many powers of ten below its least pair.
MISSING_PAIR = -1.0


class Bigrams:
    """Word and word-pair counts; ``fit(before, word, after)`` scores a word in its place."""

    def __init__(self, words: dict[str, int], pairs: dict[str, int]):
        """``pairs`` is keyed by the two words joined by a space ("to write")."""
        self._words = words
        self._pairs = pairs
        self._log_total = math.log10(sum(words.values()) or 1)
        # the list keeps pairs seen at least this often: a missing pair was seen less
        self._log_least_pair = math.log10(min(pairs.values(), default=1))
        self.pmi = lru_cache(maxsize=100_000)(self._pmi)

    @classmethod
    def default(cls) -> Bigrams:
        try:
            root = resources.files(PACKAGE)
            words_text = (root / WORDS_FILE).read_text(encoding="utf-8")
            pairs_text = (root / PAIRS_FILE).read_text(encoding="utf-8")
        except (ModuleNotFoundError, FileNotFoundError) as exc:
            raise KnowledgeError(
                f"the word-pair counts of the {PACKAGE} package are missing ({exc}): "
                "run `make install`"
            ) from exc
        words: dict[str, int] = {}
        for line in words_text.splitlines():
            word, _, count = line.partition(" ")
            if count:
                words[word] = int(count)
        pairs: dict[str, int] = {}
        for line in pairs_text.splitlines():
            pair, _, count = line.rpartition(" ")
            if pair:
                pairs[pair] = int(count)
        return cls(words, pairs)

    def _pmi(self, first: str, second: str) -> float:
        """log10 of how much more often ``first second`` occurs than by chance; 0 when a word is
        unknown. A pair missing from the list was seen fewer times than the least pair listed:
        its count is taken to be a tenth of that (MISSING_PAIR), which counts against a missing pair
        of two common words and, capped at 0, never for a pair of rare ones."""
        a, b = self._words.get(first), self._words.get(second)
        if not a or not b:
            return 0.0
        pair = self._pairs.get(f"{first} {second}")
        if pair:
            return math.log10(pair) + self._log_total - math.log10(a) - math.log10(b)
        # missing: fewer than the least pair listed, never counted for the pair
        return min(0.0, self._log_least_pair + MISSING_PAIR + self._log_total - math.log10(a) - math.log10(b))

    def has_pair(self, first: str, second: str) -> bool:
        """Whether the list has the pair ``first second`` at all (it holds the pairs seen most)."""
        return f"{first} {second}" in self._pairs

    def pair_zipf(self, first: str, second: str) -> float:
        """How often ``first second`` occurs, on the Zipf scale (log10 per billion words); a
        pair the list lacks counts as MISSING_PAIR below its least pair."""
        pair = self._pairs.get(f"{first} {second}")
        count = math.log10(pair) if pair else self._log_least_pair + MISSING_PAIR
        return count + 9 - self._log_total

    def fit(self, before: str | None, word: str, after: str | None) -> float:
        """How well ``word`` fits between ``before`` and ``after`` (lower-case words or None):
        the sum of its two pairings, each held within [PMI_FLOOR, PMI_CEILING]. Both sides count:
        "with a" is a strong pair, but "to with" is not, so "to with a" scores below
        "to write a"."""
        score = 0.0
        if before:
            score += min(max(self.pmi(before, word), PMI_FLOOR), PMI_CEILING)
        if after:
            score += min(max(self.pmi(word, after), PMI_FLOOR), PMI_CEILING)
        return score
