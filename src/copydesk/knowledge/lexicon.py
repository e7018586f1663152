"""The spelling lexicon: is a word English, and what was meant by a word that is not.

Known words come from the Hunspell dictionaries for American and British English (Debian's
``hunspell-en-us`` and ``hunspell-en-gb``, read through the ``hunspell`` bindings to libhunspell,
so affixes are handled the way every spell checker handles them) and from word frequencies
(``wordfreq``): a word common in English text is English whatever the dictionaries say.
WordNet (Debian ``wordnet-base``) says which words can be nouns, for the confusables check.
Suggestions are the known words within two edits (insertion, deletion, substitution,
transposition), ranked by frequency less a cost per edit, plus splits of two words run
together; Hunspell's own suggestions fill in when the frequency list has nothing close.
``formation`` says how a word the dictionaries miss is regularly formed from known words
(prefix, suffix, closed compound, British/American ending), ``foreign`` how common it is in the
languages English news quotes most.

The Hunspell C library (through the ``hunspell`` bindings) is used rather than the pure-Python
``spylls``: measured here, a lookup costs 0.002 ms against spylls' 0.04 ms, loading 0.03 s
against 0.9 s, and a suggestion 35 ms against 260 ms (see docs/BENCHMARKS.md, "Spelling").
"""

from __future__ import annotations

import os
from bisect import bisect_right
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
#: Words at least this common (Zipf) make a one-edit neighbour a likely typo of them.
COMMON_NEIGHBOUR_ZIPF = 4.0
#: Size of the frequency vocabulary that suggestions are drawn from.
VOCABULARY = 150_000


WORDNET_DIRS = (Path("/usr/share/wordnet"),)

#: Prefixes that English adds freely to a word ("reinsurers", "unevidenced", "midcentury").
PREFIXES = (
    "anti", "bio", "co", "counter", "cross", "cyber", "de", "dis", "eco", "euro", "geo", "hyper",
    "inter", "intra", "macro", "mega", "micro", "mid", "mini", "mis", "multi", "nano", "neo",
    "non", "out", "over", "post", "pre", "pro", "pseudo", "quasi", "re", "semi", "sub", "super",
    "tele", "trans", "ultra", "un", "under",
)
#: Suffixes added freely to a known word: (suffix, what the base may end with instead).
SUFFIXES = (
    ("s", ""), ("es", ""), ("ly", ""), ("ally", ""), ("ness", ""), ("ism", ""), ("isms", ""),
    ("ist", ""), ("ists", ""), ("er", ""), ("ers", ""), ("r", ""), ("rs", ""), ("less", ""),
    ("ship", ""), ("like", ""), ("wise", ""), ("able", ""), ("ed", ""), ("d", ""), ("ing", ""),
    ("ation", "e"), ("ations", "e"), ("isation", "ise"), ("ization", "ize"), ("ised", "ise"),
    ("ized", "ize"),
)
#: Particles that close a phrasal-verb compound ("coverup", "shakeout").
PARTICLES = frozenset({"up", "out", "off", "down", "in", "on", "over", "back", "away"})
#: Parts of a closed compound must be at least this common (Zipf) and this long ...
PART_ZIPF = 2.5
PART_LENGTH = 4
#: ... or, for a part of three letters ("fansite", "intraday"), this common.
SHORT_PART_ZIPF = 4.0
#: Zipf discount on a two-word split ("the first" for "thefirst") when ranking suggestions.
RUN_ON_DISCOUNT = 1.0
#: Words that never make a closed compound: "thefirst", "ofthe" are two words run together.
FUNCTION_WORDS = frozenset(
    {
        "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "as",
        "and", "or", "but", "nor", "if", "so", "than", "that", "this", "these", "those",
        "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do",
        "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might",
        "must", "not", "no", "it", "its", "he", "she", "him", "her", "his", "they", "them",
        "their", "we", "us", "our", "you", "your", "i", "me", "my", "who", "whom", "whose",
        "which", "what", "there", "here", "all", "any", "each", "some"
    }
)
#: Languages whose words English news quotes most ("joie de vivre", "reais", "corso").
FOREIGN_LANGUAGES = ("fr", "es", "it", "pt", "de", "nl")
#: British spelling endings and their American counterparts (and back).
VARIANT_ENDINGS = (
    ("our", "or"), ("ours", "ors"), ("ise", "ize"), ("ised", "ized"), ("ises", "izes"),
    ("ising", "izing"), ("isation", "ization"), ("isations", "izations"), ("yse", "yze"),
    ("ysed", "yzed"), ("tre", "ter"), ("tres", "ters"), ("ogue", "og"), ("ogues", "ogs"),
    ("lled", "led"), ("lling", "ling"), ("ller", "ler"), ("llers", "lers"),
)


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
        self._common_by_length: dict[int, list[str]] = {}
        # the vocabulary comes most frequent first: the common words are a prefix of it
        common = bisect_right(
            vocabulary, -COMMON_NEIGHBOUR_ZIPF, key=lambda w: -zipf_frequency(w, "en")
        )
        for k, word in enumerate(vocabulary):
            self._by_length.setdefault(len(word), []).append(word)
            if k < common:
                self._common_by_length.setdefault(len(word), []).append(word)
        self._noun_set: frozenset[str] | None = None
        self.known = lru_cache(maxsize=200_000)(self._known)
        self.suggest = lru_cache(maxsize=20_000)(self._suggest)
        self._formation = lru_cache(maxsize=20_000)(self._formation)  # type: ignore[method-assign]
        self.common_neighbours = lru_cache(maxsize=20_000)(self._common_neighbours)

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

    def formation(self, word: str) -> str | None:
        """How a lower-case word missing from the dictionaries is regularly formed from known
        words, or None: ``"re + insurers"``, ``"crude + s"``, ``"smart + card"``, a British or
        American variant. Whether the formation is likelier than a typo is the caller's call."""
        return self._formation(word)

    def _formation(self, word: str) -> str | None:
        for british, american in VARIANT_ENDINGS:
            for have, other in ((british, american), (american, british)):
                if word.endswith(have) and self._in_dictionary(word[: -len(have)] + other):
                    return f"variant of {word[: -len(have)] + other}"
        for prefix in PREFIXES:
            rest = word[len(prefix):]
            if word.startswith(prefix) and (self._part(rest) or (len(rest) >= 4 and (
                self._in_dictionary(rest) or self._suffixed(rest)
            ))):
                return f"{prefix} + {rest}"
        suffixed = self._suffixed(word)
        if suffixed:
            return suffixed
        for k in range(PART_LENGTH - 1, len(word) - 1):
            head, tail = word[:k], word[k:]
            if not self._part(head):
                continue
            if tail in PARTICLES or self._part(tail) or (len(tail) >= PART_LENGTH and self._suffixed(tail)):
                return f"{head} + {tail}"
        return None

    def foreign(self, word: str) -> tuple[str, float]:
        """The language among FOREIGN_LANGUAGES where ``word`` is most frequent, and its Zipf."""
        return max(((lang, zipf_frequency(word, lang)) for lang in FOREIGN_LANGUAGES),
                   key=lambda pair: pair[1])

    def _suffixed(self, word: str) -> str | None:
        for suffix, restore in SUFFIXES:
            base = word[: -len(suffix)] + restore
            if word.endswith(suffix) and len(base) >= 4 and self._in_dictionary(base):
                return f"{base} + {suffix}"
        return None

    def _part(self, word: str) -> bool:
        """A word that can be one half of a closed compound."""
        if word in FUNCTION_WORDS or len(word) < PART_LENGTH - 1 or not self._in_dictionary(word):
            return False
        needed = PART_ZIPF if len(word) >= PART_LENGTH else SHORT_PART_ZIPF
        return zipf_frequency(word, "en") >= needed

    def _run_on(self, word: str) -> list[Suggestion]:
        """Two words run together, one of them a function word: "thefirst" -> "the first"."""
        out = []
        for k in range(1, len(word)):
            head, tail = word[:k], word[k:]
            if head not in FUNCTION_WORDS and tail not in FUNCTION_WORDS:
                continue
            if len(head) == 1 and head not in ("a", "i") or len(tail) == 1:
                continue
            if self._in_dictionary(head) and self._in_dictionary(tail):
                phrase = f"{head} {tail}"
                # the frequency of a two-word phrase is estimated from its words, generously:
                # discount it so that a real one-word correction ranks first ("hastag")
                out.append(Suggestion(phrase, 1, zipf_frequency(phrase, "en") - RUN_ON_DISCOUNT))
        return out

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

    def _common_neighbours(self, word: str) -> tuple[Suggestion, ...]:
        """Dictionary words one edit from ``word`` with a Zipf of at least
        COMMON_NEIGHBOUR_ZIPF: a cheap test for "is this a typo of a common word"."""
        lower = word.lower()
        pool: list[str] = []
        for length in range(len(lower) - 1, len(lower) + 2):
            pool.extend(self._common_by_length.get(length, ()))
        return tuple(
            Suggestion(candidate, 1, zipf_frequency(candidate, "en"))
            for candidate, _, _ in process.extract(
                lower, pool, scorer=OSA.distance, score_cutoff=1, limit=10
            )
            if candidate != lower and self._in_dictionary(candidate)
        )

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
        for split in self._run_on(lower):
            found.setdefault(split.word, split)
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
