"""The spelling lexicon: is a word English, and what was meant by a word that is not.

Known words come from the Hunspell dictionaries for American and British English (Debian's
``hunspell-en-us`` and ``hunspell-en-gb``, read through the ``hunspell`` bindings to libhunspell,
so affixes are handled the way every spell checker handles them) and from word frequencies
(``wordfreq``): a word common in English text is English whatever the dictionaries say.
WordNet (Debian ``wordnet-base``) says which words can be nouns, for the confusables check.
Suggestions are the known words within two edits (insertion, deletion, substitution,
transposition), ranked by frequency less a cost per edit; Hunspell's own suggestions fill in
when the frequency list has nothing close.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA
from wordfreq import top_n_list, zipf_frequency

from copydesk.errors import KnowledgeError

DICTIONARY_DIRS = (Path("/usr/share/hunspell"), Path("/usr/share/myspell/dicts"))
DICTIONARIES = ("en_US", "en_GB")
#: A word at least this frequent in English text (Zipf scale) is English.
COMMON_ZIPF = 3.0
#: How much one more edit weighs against word frequency (Zipf units) when ranking suggestions.
EDIT_COST = 1.5
#: Size of the frequency vocabulary that suggestions are drawn from.
VOCABULARY = 150_000


WORDNET_DIRS = (Path("/usr/share/wordnet"),)


def _load_wordnet_nouns() -> frozenset[str]:
    """Noun lemmas of WordNet 3.0 (Debian package wordnet-base), or an empty set."""
    for directory in WORDNET_DIRS:
        index = directory / "index.noun"
        if index.exists():
            with open(index, encoding="utf-8", errors="replace") as handle:
                return frozenset(
                    line.split(" ", 1)[0].replace("_", " ")
                    for line in handle
                    if line and not line.startswith(" ")
                )
    return frozenset()


@dataclass(frozen=True, slots=True)
class Suggestion:
    word: str
    distance: int
    zipf: float


class Lexicon:
    """Known words and spelling suggestions. Build with ``Lexicon.default()``."""

    def __init__(self, spellers: list[Any], names: list[str], vocabulary: list[str]):
        self._spellers = spellers
        self._names = names
        self._vocabulary = vocabulary
        self._by_length: dict[int, list[str]] = {}
        for word in vocabulary:
            self._by_length.setdefault(len(word), []).append(word)
        self._noun_set: frozenset[str] | None = None
        self.known = lru_cache(maxsize=200_000)(self._known)
        self.suggest = lru_cache(maxsize=20_000)(self._suggest)

    @classmethod
    def default(cls) -> Lexicon:
        try:
            import hunspell
        except ImportError as exc:
            raise KnowledgeError(
                "the hunspell bindings are missing: run `make install` (Debian package "
                "libhunspell-dev, then pip install hunspell)"
            ) from exc
        extra = os.environ.get("COPYDESK_HUNSPELL_DIR")
        dirs = ((Path(extra),) if extra else ()) + DICTIONARY_DIRS
        spellers, names = [], []
        for name in DICTIONARIES:
            for directory in dirs:
                dic, aff = directory / f"{name}.dic", directory / f"{name}.aff"
                if dic.exists() and aff.exists():
                    spellers.append(hunspell.HunSpell(str(dic), str(aff)))
                    names.append(str(dic))
                    break
        if not spellers:
            raise KnowledgeError(
                "no Hunspell English dictionary found in "
                + ", ".join(str(d) for d in dirs)
                + ": install the Debian packages hunspell-en-us and hunspell-en-gb (`make install`)"
            )
        vocabulary = [w for w in top_n_list("en", VOCABULARY) if w.isalpha() and w.islower()]
        return cls(spellers, names, vocabulary)

    def describe(self) -> list[dict[str, Any]]:
        out = [
            {"name": f"hunspell {Path(n).stem}", "origin": n, "size": f"{Path(n).stat().st_size // 1024} KB"}
            for n in self._names
        ]
        out.append(
            {"name": "wordfreq", "origin": "wordfreq 'en' frequency list",
             "size": f"{len(self._vocabulary)} words used for suggestions"}
        )
        return out

    def _known(self, word: str) -> bool:
        """Whether ``word`` is English (case as written: "paris" is not, "Paris" is)."""
        if zipf_frequency(word, "en") >= COMMON_ZIPF:
            return True
        return any(speller.spell(word) for speller in self._spellers)

    def _in_dictionary(self, word: str) -> bool:
        """In a Hunspell dictionary as written (frequency alone admits names: "harris")."""
        return any(speller.spell(word) for speller in self._spellers)

    def is_noun(self, word: str) -> bool | None:
        """Whether WordNet has a noun sense for ``word`` (or its singular); None without WordNet."""
        nouns = self._nouns
        if nouns is None:
            return None
        lower = word.lower()
        return lower in nouns or (lower.endswith("s") and lower[:-1] in nouns)

    @property
    def _nouns(self) -> frozenset[str] | None:
        if self._noun_set is None:
            self._noun_set = _load_wordnet_nouns()
        return self._noun_set or None

    def frequency(self, word: str) -> float:
        return zipf_frequency(word, "en")

    def _suggest(self, word: str, limit: int = 5) -> tuple[Suggestion, ...]:
        """Known words within two edits of ``word``, nearest and most frequent first."""
        lower = word.lower()
        pool: list[str] = []
        for length in range(len(lower) - 2, len(lower) + 3):
            pool.extend(self._by_length.get(length, ()))
        found: dict[str, Suggestion] = {}
        cutoff = 1 if len(lower) <= 4 else 2
        for candidate, distance, _ in process.extract(
            lower, pool, scorer=OSA.distance, score_cutoff=cutoff, limit=50
        ):
            if candidate != lower and self._in_dictionary(candidate):
                found[candidate] = Suggestion(candidate, int(distance), zipf_frequency(candidate, "en"))
        if not found:
            for speller in self._spellers:
                for candidate in speller.suggest(lower)[:5]:
                    distance = OSA.distance(lower, candidate)
                    if distance <= cutoff and candidate not in found:
                        found[candidate] = Suggestion(candidate, distance, zipf_frequency(candidate, "en"))
        # one edit more costs 1.5 on the Zipf scale: "tarrif" -> "tariff" (2 edits, common)
        # rather than "tarif" (1 edit, rare)
        ranked = sorted(found.values(), key=lambda s: (EDIT_COST * s.distance - s.zipf, s.distance))
        return tuple(ranked[:limit])
