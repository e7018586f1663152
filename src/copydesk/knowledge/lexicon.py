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
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from jellyfish import metaphone
from rapidfuzz import process
from rapidfuzz.distance import OSA
from wordfreq import top_n_list, zipf_frequency

from copydesk.errors import KnowledgeError
from copydesk.knowledge.bigrams import Bigrams
from copydesk.knowledge.ranker import Ranker, features

DICTIONARY_DIRS = (Path("/usr/share/hunspell"), Path("/usr/share/myspell/dicts"))
DICTIONARIES = ("en_US", "en_GB")
#: A word at least this frequent in English text (Zipf scale) is English.
COMMON_ZIPF = 3.0
#: How much a slip of ``typing_cost`` 1 weighs against word frequency (Zipf units) when
#: ranking suggestions.
EDIT_COST = 2.5
#: Endings that carry grammar ("-ed", "-ing", "-s"): a writer who typed one meant a word with
#: it, so a suggestion without it ("anmed" -> "and", "reachs" -> "reach") costs this much more.
ENDINGS = ("ing", "ed", "ly", "s", "er", "est", "tion")
ENDING_COST = 2.5
#: How much the fit with the neighbouring words (``Bigrams.fit``, log10 units) and being a word
#: the article writes elsewhere add to a suggestion's score in ``Lexicon.in_context``.
CONTEXT_WEIGHT = 0.3
ARTICLE_WORD_BONUS = 1.0
#: How many of the nearest suggestions ``in_context`` ranks again.
CONTEXT_CANDIDATES = 10
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
#: Suffixes added freely to a known word: (suffix, what the base may end with instead, the
#: parts of speech the base must have for the suffix to attach). English attaches a suffix to
#: some kinds of word only: "-ness" to adjectives ("sadness"), "-s" to nouns and verbs, "-ly" to
#: adjectives, "-s" to nouns, verbs and adjectives used as nouns ("the deplorables"); "across" +
#: "s" or "off" + "est" are not formations but slips.
SUFFIXES = (
    ("s", "", "noun verb adj"), ("es", "", "noun verb"), ("ly", "", "adj noun"),
    ("ally", "", "adj"), ("ness", "", "adj noun"), ("ism", "", "noun adj"),
    ("isms", "", "noun adj"), ("ist", "", "noun adj"), ("ists", "", "noun adj"),
    ("er", "", "verb noun adj"), ("ers", "", "verb noun"), ("r", "", "verb noun adj"),
    ("rs", "", "verb noun"), ("less", "", "noun verb"), ("ship", "", "noun"),
    ("like", "", "noun"), ("wise", "", "noun"), ("able", "", "verb noun"),
    ("ed", "", "verb noun"), ("d", "", "verb noun"), ("ing", "", "verb noun"),
    ("ation", "e", "verb"), ("ations", "e", "verb"), ("isation", "ise", "verb noun adj"),
    ("ization", "ize", "verb noun adj"), ("ised", "ise", "verb noun adj"),
    ("ized", "ize", "verb noun adj"),
)
#: A word ending in one of these takes "-es", not "-s", for its plural or third person
#: ("reaches", "taxes"): "reachs" is no formation.
SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh")
#: Inflections English puts on a hyphenated compound as a whole, so on its last part: plurals
#: ("take-aways", "dine-arounds"), agent nouns ("off-roaders"), participles ("off-roading").
COMPOUND_INFLECTIONS = ("s", "ers", "er", "ing")
#: A final e that stays before -ed and -ing ("freeing", "dyeing", "hoeing"); any other drops.
KEPT_E = ("ee", "ye", "oe")
#: A word this frequent (Zipf) is attested: written by many, not a slip of one writer.
ATTESTED_ZIPF = 1.0
#: How ``formation`` marks a British doubled consonant ("benefit + ing (final consonant doubled)").
DOUBLED = "(final consonant doubled)"
#: Endings that are suffixes, never the second word of a closed compound ("off" + "est").
SUFFIX_STRINGS = frozenset(suffix for suffix, _, _ in SUFFIXES) | {"est", "ful", "ment", "ity", "ion"}
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
#: A word this common (Zipf) in a mixed language is one of its words.
MIXED_ZIPF = 4.0
#: Languages the English-language press mixes with English inside one sentence (Filipino in the
#: Philippines' "Taglish": "hindi ko naman alam kung paano"). Their common words are short and
#: near English ones ("puting", "ako", "paano"), so a word counts as theirs only in a sentence that
#: has others (``Lexicon.mixed_language``), never alone. Not Malay or Indonesian: they spell English
#: loanwords as English writers misspell them ("analisis", "disiplin").
MIXED_LANGUAGES = ("fil",)
#: British spelling endings and their American counterparts (and back).
VARIANT_ENDINGS = (
    ("our", "or"), ("ours", "ors"), ("ise", "ize"), ("ised", "ized"), ("ises", "izes"),
    ("ising", "izing"), ("isation", "ization"), ("isations", "izations"), ("yse", "yze"),
    ("ysed", "yzed"), ("tre", "ter"), ("tres", "ters"), ("ogue", "og"), ("ogues", "ogs"),
    ("lled", "led"), ("lling", "ling"), ("ller", "ler"), ("llers", "lers"),
)


#: Letters beside each other on a QWERTY keyboard (rows and the keys above and below).
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
VOWELS = frozenset("aeiouy")
#: What each kind of slip costs in ``typing_cost`` (a plain edit costs 1). The cheap ones are the
#: slips people make most in typing and spelling: two letters swapped, a doubled letter written
#: single or a single one doubled, a vowel for another vowel, a key's neighbour for the key.
SWAP_COST = 0.6
DOUBLING_COST = 0.5
VOWEL_COST = 0.7
NEIGHBOUR_KEY_COST = 0.7
#: The end of a word is seen as clearly as its start: an edit in the last letter costs this more.
LAST_LETTER_COST = 0.3
#: A word spelt as it sounds: a suggestion with the same Metaphone key as the word written
#: ("imidatly", "immediately") costs at most this, however many letters differ. It is high
#: (one and a half ordinary slips) because keys are coarse: near words are ranked by their
#: letters, and sound only brings far ones within reach.
PHONETIC_COST = 1.5
#: Words shorter than this are not matched by sound, and at most PHONETIC_CANDIDATES words
#: (the commonest) of one sound are suggested.
PHONETIC_LENGTH = 5
PHONETIC_CANDIDATES = 10
PHONETIC_EDITS = 3  # (2 for words shorter than LONG_WORD, 4 towards a longer word)
#: Words longer than this get suggestions up to three edits away ("speficifcation").
LONG_WORD = 8
#: The cheapest an edit can be in ``typing_cost`` (a doubled letter).
CHEAPEST_EDIT = 0.5
#: Two words typed without the space between them.
SPACE_COST = 0.6
#: Writers rarely get the first letter of a word wrong: an edit there costs this much more.
FIRST_LETTER_COST = 0.5


def _keyboard() -> dict[str, frozenset[str]]:
    near: dict[str, set[str]] = {}
    for r, row in enumerate(_ROWS):
        for c, ch in enumerate(row):
            around = {row[k] for k in (c - 1, c + 1) if 0 <= k < len(row)}
            for other in (r - 1, r + 1):
                if 0 <= other < len(_ROWS):
                    around.update(_ROWS[other][k] for k in (c - 1, c, c + 1) if 0 <= k < len(_ROWS[other]))
            near[ch] = around
    return {ch: frozenset(v) for ch, v in near.items()}


KEY_NEIGHBOURS = _keyboard()


def typing_cost(typed: str, meant: str) -> float:
    """The cost of the slips that turn ``meant`` into ``typed``: an edit distance (insertion,
    deletion, substitution, swap of two neighbouring letters) whose edits cost less the likelier
    they are as slips. Hand-written because the weighted edit distances on PyPI price a letter
    alone, and a slip's likelihood depends on its neighbours (a doubled letter, a key beside the
    one meant)."""
    n, m = len(meant), len(typed)
    prev2: list[float] = []
    prev = [float(j) for j in range(m + 1)]
    for j in range(1, m + 1):  # meant is empty: everything typed was inserted
        prev[j] = prev[j - 1] + _insert_cost(typed, j - 1)
    for i in range(1, n + 1):
        row = [prev[0] + _delete_cost(meant, i - 1)] + [0.0] * m
        for j in range(1, m + 1):
            a, b = meant[i - 1], typed[j - 1]
            last = LAST_LETTER_COST if (i == n or j == m) else 0.0
            if a == b:
                best = prev[j - 1]
            else:
                best = prev[j - 1] + _substitute_cost(a, b, i - 1) + last
            best = min(best, prev[j] + _delete_cost(meant, i - 1) + (LAST_LETTER_COST if i == n else 0.0),
                       row[j - 1] + _insert_cost(typed, j - 1) + (LAST_LETTER_COST if j == m else 0.0))
            if i > 1 and j > 1 and a == typed[j - 2] and meant[i - 2] == b and a != b:
                best = min(best, prev2[j - 2] + SWAP_COST + (FIRST_LETTER_COST if i == 2 else 0.0))
            row[j] = best
        prev2, prev = prev, row
    return prev[m]


def _substitute_cost(meant: str, typed: str, position: int) -> float:
    if meant in VOWELS and typed in VOWELS:
        cost = VOWEL_COST
    elif typed in KEY_NEIGHBOURS.get(meant, ()):
        cost = NEIGHBOUR_KEY_COST
    else:
        cost = 1.0
    return cost + (FIRST_LETTER_COST if position == 0 else 0.0)


def _delete_cost(meant: str, position: int) -> float:
    """``meant[position]`` left out: cheap when it is one of a doubled pair ("ocurred")."""
    ch = meant[position]
    if ch == " ":
        return SPACE_COST  # two words run together ("thefirst")
    doubled = (position > 0 and meant[position - 1] == ch) or (
        position + 1 < len(meant) and meant[position + 1] == ch
    )
    return (DOUBLING_COST if doubled else 1.0) + (FIRST_LETTER_COST if position == 0 else 0.0)


def _insert_cost(typed: str, position: int) -> float:
    """``typed[position]`` typed in addition: cheap when it doubles a neighbour ("untill") or
    is a key beside one ("acrosss" is doubling, "thje" a neighbour key)."""
    ch = typed[position]
    neighbours = [typed[k] for k in (position - 1, position + 1) if 0 <= k < len(typed)]
    if ch in neighbours:
        cost = DOUBLING_COST
    elif any(ch in KEY_NEIGHBOURS.get(other, ()) for other in neighbours):
        cost = NEIGHBOUR_KEY_COST
    else:
        cost = 1.0
    return cost + (FIRST_LETTER_COST if position == 0 else 0.0)


def _load_wordnet() -> dict[str, frozenset[str]]:
    """Lemmas of WordNet 3.0 (Debian package wordnet-base) by part of speech ("noun", "verb",
    "adj", "adv"), or an empty dict."""
    for directory in WORDNET_DIRS:
        if (directory / "index.noun").exists():
            out = {}
            for pos in ("noun", "verb", "adj", "adv"):
                with open(directory / f"index.{pos}", encoding="utf-8", errors="replace") as handle:
                    out[pos] = frozenset(
                        line.split(" ", 1)[0].replace("_", " ")
                        for line in handle
                        if line and not line.startswith(" ")
                    )
            return out
    return {}


def _index_entry(line: str) -> tuple[str, list[str]]:
    """(lemma, synset offsets, most frequent sense first) of one line of a WordNet index file."""
    fields = line.split()
    return fields[0].replace("_", " "), fields[6 + int(fields[3]):]


#: The letter WordNet's index files give each part of speech.
WORDNET_POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
#: WordNet's lexicographer files of nouns and verbs, by number (lexnames(5WN)).
LEXNAMES = dict(zip((f"{n:02d}" for n in range(3, 44)), [
    "noun.Tops", "noun.act", "noun.animal", "noun.artifact", "noun.attribute", "noun.body",
    "noun.cognition", "noun.communication", "noun.event", "noun.feeling", "noun.food",
    "noun.group", "noun.location", "noun.motive", "noun.object", "noun.person", "noun.phenomenon",
    "noun.plant", "noun.possession", "noun.process", "noun.quantity", "noun.relation",
    "noun.shape", "noun.state", "noun.substance", "noun.time", "verb.body", "verb.change",
    "verb.cognition", "verb.communication", "verb.competition", "verb.consumption", "verb.contact",
    "verb.creation", "verb.emotion", "verb.motion", "verb.perception", "verb.possession",
    "verb.social", "verb.stative", "verb.weather",
], strict=True))


@lru_cache(maxsize=50_000)
def _synset(offset: str, pos: str) -> tuple[frozenset[str], str, tuple[tuple[str, str], ...], frozenset[str]]:
    """(words, lexicographer file number, (pointer symbol, target offset) pairs of the same part
    of speech, verb frame numbers) of the synset at byte ``offset`` of WordNet's data file for
    ``pos``: a synset's offset is where its line starts, so one seek reads it."""
    for directory in WORDNET_DIRS:
        path = directory / f"data.{pos}"
        if path.exists():
            with open(path, "rb") as handle:
                handle.seek(int(offset))
                fields = handle.readline().decode("utf-8", errors="replace").split()
            count = int(fields[3], 16)
            words = frozenset(fields[4 + 2 * k].lower() for k in range(count))
            at = 4 + 2 * count
            pointers = []
            for k in range(int(fields[at])):
                symbol, target, kind = fields[at + 1 + 4 * k : at + 4 + 4 * k]
                if kind == WORDNET_POS[pos]:
                    pointers.append((symbol, target))
            at += 1 + 4 * int(fields[at])
            frames = frozenset(fields[at + 2 + 3 * k] for k in range(int(fields[at]))) if pos == "verb" else frozenset()
            return words, fields[1], tuple(pointers), frames
    return frozenset(), "", (), frozenset()


def _index_senses(index: Path) -> Iterator[tuple[str, list[str]]]:
    """``_index_entry`` for each entry of a WordNet index file (index.noun, index.verb); the
    licence lines at the top are indented and skipped."""
    with open(index, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if not line.startswith(" "):
                yield _index_entry(line)


#: WordNet's verb frame "Somebody ----s that CLAUSE": verbs that take a clause as object.
CLAUSE_FRAME = "26"


#: How many of a verb's most frequent senses are read for the clause frame: a clause sense deep
#: in a long list ("make", "mark") says little about the verb in running text.
CLAUSE_SENSES = 3


def _load_clause_verbs() -> frozenset[str]:
    """Verbs one of whose most frequent senses (WordNet's index.verb orders them) WordNet lists
    with the frame "Somebody ----s that CLAUSE" ("sense", "pretend", "imply"), from data.verb;
    empty without WordNet."""
    for directory in WORDNET_DIRS:
        data, index = directory / "data.verb", directory / "index.verb"
        if data.exists() and index.exists():
            with_frame: set[str] = set()
            with open(data, encoding="utf-8", errors="replace") as handle:
                for line in handle:
                    if line.startswith(" ") or "|" not in line:
                        continue
                    head = line.split("|", 1)[0]
                    if f"+ {CLAUSE_FRAME} 00" in head:
                        with_frame.add(head.split(" ", 1)[0])
            return frozenset(lemma for lemma, senses in _index_senses(index)
                             if any(offset in with_frame for offset in senses[:CLAUSE_SENSES]))
    return frozenset()


#: WordNet's lexicographer files of beings that can act: noun.animal, noun.group, noun.person.
ANIMATE_LEXNAMES = frozenset({"05", "14", "18"})
#: WordNet's lexicographer files of what happens or comes to hold: noun.act, noun.cognition,
#: noun.communication, noun.event, noun.phenomenon, noun.process, noun.state (what one can bring
#: about: "effect an arrest, a sale, a change, a lasting peace, an agreement, a consensus").
HAPPENING_LEXNAMES = frozenset({"04", "09", "10", "11", "19", "22", "26"})
#: WordNet's lexicographer file of groups (noun.group): "team", "council", "side".
GROUP_LEXNAMES = frozenset({"14"})
#: WordNet's lexicographer files of times (noun.time: "century", "week") and of foods and drinks
#: (noun.food: "champagne", "biscuit"), read for a noun's first sense.
TIME_LEXNAMES = frozenset({"28"})
FOOD_LEXNAMES = frozenset({"13"})
#: WordNet's lexicographer file of people (noun.person: "aide", "butler", "goalkeeper").
PERSON_LEXNAMES = frozenset({"18"})


#: WordNet's lexicographer file of possessions (noun.possession: "loan", "fund", "interest").
POSSESSION_LEXNAMES = frozenset({"21"})


#: The positions of ``_load_animate``'s sets of nouns.
(NOUNS_ANIMATE, NOUNS_EVERY, NOUNS_FIRST_ANIMATE, NOUNS_HAPPENING, NOUNS_GROUP, NOUNS_FIRST_TIME, NOUNS_FIRST_FOOD,
 NOUNS_FIRST_PERSON, NOUNS_POSSESSION) = range(9)


def _load_animate() -> tuple[frozenset[str], ...] | tuple[()]:
    """(nouns with any WordNet sense in ANIMATE_LEXNAMES, every WordNet noun, nouns whose first
    — most frequent — sense is there, nouns with any sense in HAPPENING_LEXNAMES, nouns with any
    sense in GROUP_LEXNAMES, nouns whose first sense is in TIME_LEXNAMES, in FOOD_LEXNAMES and in
    PERSON_LEXNAMES, nouns with any sense in POSSESSION_LEXNAMES)
    from WordNet's index.noun and data.noun, or () without WordNet. Any sense counts for the first set, so that
    a word that can name people ("fan", "colour" as in a team's colours) is never taken for a
    thing."""
    for directory in WORDNET_DIRS:
        index, data = directory / "index.noun", directory / "data.noun"
        if index.exists() and data.exists():
            lexname: dict[str, str] = {}
            with open(data, encoding="utf-8", errors="replace") as handle:
                for line in handle:
                    if not line.startswith(" "):  # the licence at the top is indented
                        offset, name, _ = line.split(" ", 2)
                        lexname[offset] = name
            animate: set[str] = set()
            every: set[str] = set()
            first: set[str] = set()
            happening: set[str] = set()
            group: set[str] = set()
            time: set[str] = set()
            food: set[str] = set()
            person: set[str] = set()
            possession: set[str] = set()
            for lemma, senses in _index_senses(index):
                every.add(lemma)
                if lexname.get(senses[0]) in TIME_LEXNAMES:
                    time.add(lemma)
                elif lexname.get(senses[0]) in FOOD_LEXNAMES:
                    food.add(lemma)
                elif lexname.get(senses[0]) in PERSON_LEXNAMES:
                    person.add(lemma)
                if any(lexname.get(offset) in ANIMATE_LEXNAMES for offset in senses):
                    animate.add(lemma)
                    if lexname.get(senses[0]) in ANIMATE_LEXNAMES:
                        first.add(lemma)
                if any(lexname.get(offset) in HAPPENING_LEXNAMES for offset in senses):
                    happening.add(lemma)
                if any(lexname.get(offset) in GROUP_LEXNAMES for offset in senses):
                    group.add(lemma)
                if any(lexname.get(offset) in POSSESSION_LEXNAMES for offset in senses):
                    possession.add(lemma)
            return (frozenset(animate), frozenset(every), frozenset(first), frozenset(happening),
                    frozenset(group), frozenset(time), frozenset(food), frozenset(person), frozenset(possession))
    return ()


def _phonetic_edits(typed: str, word: str) -> int:
    """How many edits a sound-alike may be from the word written (``Lexicon._sounds_like``)."""
    if len(typed) < LONG_WORD:
        return 2
    return PHONETIC_EDITS + 1 if len(word) > len(typed) else PHONETIC_EDITS


@dataclass(frozen=True, slots=True)
class Suggestion:
    word: str
    distance: int
    zipf: float
    #: ``typing_cost`` of the slip from this word to the one written
    cost: float = 0.0
    #: how likely this word was meant (higher is likelier): frequency less the slip's cost, and
    #: in ``Lexicon.in_context`` the fit with the neighbouring words
    score: float = 0.0
    #: in ``Lexicon.in_context``: the learned rank (``copydesk.knowledge.ranker``), which orders
    #: the suggestions; ``score`` still says how far ahead of the others the first one is
    rank: float = 0.0


def _ending_lost(typed: str, word: str) -> bool:
    """Whether ``typed`` has a grammatical ending (``ENDINGS``) that ``word`` lacks."""
    return any(typed.endswith(e) and len(typed) > len(e) + 2 and not word.endswith(e) for e in ENDINGS)


def _stray_letter(phrase: str) -> bool:
    """A split that leaves a letter on its own ("photoplethysmograph y"): no two words English
    writes, except with "a" or "I"."""
    parts = phrase.split()
    return len(parts) > 1 and any(len(p) == 1 and p.lower() not in ("a", "i") for p in parts)


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
        self._wordnet: dict[str, frozenset[str]] | None = None
        self._clause_verbs: frozenset[str] | None = None
        self._indexes: dict[str, str] = {}  # WordNet's index files by part of speech, as text
        self.is_a = lru_cache(maxsize=20_000)(self._is_a)
        self.word_class = lru_cache(maxsize=20_000)(self._word_class)
        self.word_classes = lru_cache(maxsize=20_000)(self._word_classes)
        self._noun_exceptions: dict[str, frozenset[str]] | None = None
        self._bigrams: Bigrams | None = None
        self._animate: tuple[frozenset[str], ...] | None = None
        self._by_sound: dict[str, list[str]] | None = None
        self._ranker: Ranker | None = None
        self._in_order: list[str] | None = None  # the vocabulary in alphabetical order
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
        ranker = self.ranker
        out.append(
            {"name": "suggestion ranker", "origin": ranker.origin,
             "size": f"{len(ranker.weights)} learned weights"
                     + (f", trained {ranker.provenance['trained']}" if ranker.provenance.get("trained") else "")}
        )
        return out

    def _known(self, word: str) -> bool:
        """Whether ``word`` is English (case as written: "paris" is not, "Paris" is)."""
        if zipf_frequency(word, "en") >= COMMON_ZIPF:
            return True
        return any(speller.spell(word) for speller in self._spellers)

    def abbreviates(self, word: str) -> bool:
        """``word`` is how a longer English word starts, as a word cut short with a full stop is
        ("chol" of "cholesterol", "approx" of "approximately"): a word of the vocabulary that is
        in a dictionary, of English text's usual words (Zipf ≥ COMMON_ZIPF), two letters longer
        or more."""
        if self._in_order is None:
            self._in_order = sorted(self._vocabulary)
        k = bisect_left(self._in_order, word)
        while k < len(self._in_order) and self._in_order[k].startswith(word):
            longer = self._in_order[k]
            if (len(longer) >= len(word) + 2 and zipf_frequency(longer, "en") >= COMMON_ZIPF
                    and self._in_dictionary(longer)):
                return True
            k += 1
        return False

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

    def mixed_language(self, words: list[str], least: int = 3) -> str | None:
        """The language of MIXED_LANGUAGES in which at least ``least`` of ``words`` (one
        sentence's words that English lacks) are common: a sentence that mixes it into English
        ("Before naman ako nag-artista, hindi ko naman alam kung paano umarte"); else None."""
        for language in MIXED_LANGUAGES:
            if sum(zipf_frequency(w, language) >= MIXED_ZIPF for w in words) >= least:
                return language
        return None

    def foreign(self, word: str) -> tuple[str, float]:
        """The language among FOREIGN_LANGUAGES where ``word`` is most frequent, and its Zipf."""
        return max(((lang, zipf_frequency(word, lang)) for lang in FOREIGN_LANGUAGES),
                   key=lambda pair: pair[1])

    def compound_inflection(self, word: str, floor: float = 0.0) -> str | None:
        """The known word of four letters or more, at least ``floor`` common (Zipf), that
        ``word``, the last part of a hyphenated
        compound, inflects for the whole compound ("take-away" + s, "off-road" + ing), or None.
        Unlike ``formation`` it does not ask whether the part alone can take the ending ("away"
        has no plural; "take-away" has), but it keeps English's spelling rules, which keep slips
        out: -s is not added to a word that takes -es or is plural already ("ratess"); before
        -ing and -er a final e drops ("makeing" is a slip, "hiking" is "hike" + ing); a consonant
        doubles after a single short vowel, never w, x or y ("growwing"), and must ("cuting" is
        "cutting" misspelt, not "cute" + ing)."""
        for ending in COMPOUND_INFLECTIONS:
            stem = word[: -len(ending)]
            if not word.endswith(ending) or len(stem) < 3:
                continue
            if ending == "s":
                if len(stem) >= 4 and not stem.endswith(SIBILANT_ENDINGS) and self._in_use(stem, floor):
                    return stem
                continue
            if stem.endswith("e") and not stem.endswith(KEPT_E):
                continue  # "makeing", "rideer": the final e drops before the ending
            if _short_vowel_end(stem) and self.known(stem + stem[-1] + ending):
                continue  # "cuting", "winer", "siters": the doubled consonant is missing ("cutting")
            bases = []
            if len(stem) >= 4 and stem[-1] == stem[-2] and _short_vowel_end(stem[:-1]):
                bases.append(stem[:-1])  # "shopp" + ing: one short vowel, then the doubled consonant
            elif stem[-1] != stem[-2]:
                bases.append(stem)
            bases.append(stem + "e")  # "hik" + e + ing
            for base in bases:
                if len(base) >= 4 and self._in_use(base, floor):
                    return base
        return None

    def _in_use(self, word: str, floor: float) -> bool:
        return self.known(word) and self.frequency(word) >= floor

    def _suffixed(self, word: str) -> str | None:
        for suffix, restore, parts in SUFFIXES:
            base = word[: -len(suffix)] + restore
            shortest = 3 if len(suffix) >= 3 else 4  # "winless", "kinship"; not "ons" + "s"
            if not word.endswith(suffix) or len(base) < shortest or not self._in_dictionary(base):
                continue
            if not self.can_be(base, parts):
                continue
            if suffix == "s" and base.endswith(SIBILANT_ENDINGS):
                continue  # "reachs": the plural and third person of "reach" are "reaches"
            if suffix in ("d", "r", "rs") and not base.endswith("e"):
                continue  # "alignd": "-d" and "-r" follow a final "e" ("freed", "baker")
            if suffix in ("ed", "ing") and base.endswith("e") and not base.endswith(KEPT_E):
                continue  # "liveed", "makeing": the base's final "e" goes before the suffix
            return f"{base} + {suffix}"
        for suffix in ("ed", "ing", "er"):
            # British English may double a final t or s before a suffix where American does not
            # ("benefitting", "focussed", "biassed"), as it always doubles a final l; word by
            # word ("limitted" is a slip), so the doubled form must be found in use
            stem = word[: -len(suffix)]
            if (word.endswith(suffix) and len(stem) >= 5 and stem[-1] == stem[-2] and stem[-1] in "ts"
                    and stem[-3] in VOWELS and self._in_dictionary(stem[:-1])
                    and self.can_be(stem[:-1], "verb")
                    and zipf_frequency(word, "en") >= ATTESTED_ZIPF):
                return f"{stem[:-1]} + {suffix} {DOUBLED}"
        return None

    def _part(self, word: str) -> bool:
        """A word that can be one half of a closed compound."""
        if word in FUNCTION_WORDS or len(word) < PART_LENGTH - 1 or not self._in_dictionary(word):
            return False
        if word in SUFFIX_STRINGS:
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
        nouns = self.wordnet.get("noun")
        if nouns is None:
            return None
        lower = word.lower()
        return lower in nouns or (lower.endswith("s") and lower[:-1] in nouns)

    def parts_of_speech(self, word: str) -> frozenset[str] | None:
        """WordNet's parts of speech ("noun", "verb", "adj", "adv") for the lemma ``word``: empty
        when WordNet lacks it, None without WordNet."""
        wordnet = self.wordnet
        if not wordnet:
            return None
        lower = word.lower()
        return frozenset(pos for pos, lemmas in wordnet.items() if lower in lemmas)

    @property
    def wordnet(self) -> dict[str, frozenset[str]]:
        """WordNet's lemmas by part of speech (empty without WordNet), loaded on first use."""
        if self._wordnet is None:
            self._wordnet = _load_wordnet()
        return self._wordnet

    def animate(self, noun: str, *, first_sense: bool = False) -> bool | None:
        """Whether ``noun`` (a lemma) can be a person, a group of people or an animal (a WordNet
        sense in noun.person, noun.group, noun.animal): something that can act, speak or praise.
        With ``first_sense``, only the noun's first (most frequent) sense counts ("style" is a
        thing, though a rare sense of it names a person). None when WordNet lacks the noun (or is
        missing)."""
        return self._noun_sense(noun, NOUNS_FIRST_ANIMATE if first_sense else NOUNS_ANIMATE)

    def _noun_sense(self, noun: str, which: int) -> bool | None:
        """Whether ``noun`` is in the ``which``-th set of nouns ``_load_animate`` reads from
        WordNet; False when WordNet knows the noun but not in that set; None when WordNet lacks
        the noun or is missing."""
        if self._animate is None:
            self._animate = _load_animate()
        if not self._animate:
            return None
        lower = noun.lower()
        if lower in self._animate[which]:
            return True
        return False if lower in self._animate[NOUNS_EVERY] else None

    def happening(self, noun: str) -> bool | None:
        """Whether ``noun`` (a lemma) can name something that happens, is done or comes to hold (a
        WordNet sense in ``HAPPENING_LEXNAMES``): what one can bring about ("an arrest", "a sale",
        "a change", "a lasting peace", "an agreement"), as against a person, a thing, a quantity
        or a possession. None when WordNet lacks the noun (or is missing)."""
        return self._noun_sense(noun, NOUNS_HAPPENING)

    def time(self, noun: str) -> bool | None:
        """Whether the first (most frequent) WordNet sense of ``noun`` (a lemma) is a time or a
        span of it (noun.time: "century", "week", "season"). None when WordNet lacks the noun."""
        return self._noun_sense(noun, NOUNS_FIRST_TIME)

    def person(self, noun: str) -> bool | None:
        """Whether the first WordNet sense of ``noun`` (a lemma) is a person (noun.person: "aide",
        "butler"; not a group or an animal). None when WordNet lacks the noun."""
        return self._noun_sense(noun, NOUNS_FIRST_PERSON)

    def food(self, noun: str) -> bool | None:
        """Whether the first WordNet sense of ``noun`` (a lemma) is a food or drink (noun.food:
        "champagne", "biscuit", "breakfast"). None when WordNet lacks the noun."""
        return self._noun_sense(noun, NOUNS_FIRST_FOOD)

    def takes_clause(self, verb: str) -> bool:
        """Whether WordNet lists the verb (a lemma) with a sense that takes a "that" clause as its
        object ("sense", "pretend", "imply", "know"): after it "it's" may begin that clause. False
        for a verb it does not list so, or without WordNet."""
        if self._clause_verbs is None:
            self._clause_verbs = _load_clause_verbs()
        lower = verb.lower()
        return lower in self._clause_verbs or lower.endswith("ise") and lower[:-3] + "ize" in self._clause_verbs

    def possession(self, noun: str) -> bool | None:
        """Whether ``noun`` (a lemma) has a WordNet sense in noun.possession ("loan", "interest",
        "bond", "mortgage"). None when WordNet lacks the noun."""
        return self._noun_sense(noun, NOUNS_POSSESSION)

    def group(self, noun: str) -> bool | None:
        """Whether ``noun`` (a lemma) can name a group (a WordNet sense in noun.group: "team",
        "side", "council"), which British English may follow with a plural verb ("the side lead
        2-1"). None when WordNet lacks the noun (or is missing)."""
        return self._noun_sense(noun, NOUNS_GROUP)

    def can_be(self, word: str, parts: str) -> bool:
        """Whether ``word`` can be one of ``parts`` ("noun verb"): False only when WordNet knows
        the word and lists none of them ("across" is only an adverb). A word WordNet lacks
        ("bloviate"), or no WordNet at all, never turns a formation into a typo."""
        wordnet = self.wordnet
        if not wordnet or not any(word in lemmas for lemmas in wordnet.values()):
            return True
        return any(word in wordnet[pos] for pos in parts.split())

    def frequency(self, word: str, language: str = "en") -> float:
        """How common ``word`` is in ``language`` (Zipf; 0 when wordfreq's list lacks it)."""
        return zipf_frequency(word, language)

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
        """Known words within two edits of ``word``, likeliest first: frequency less the cost of
        the slip (``typing_cost``)."""
        lower = word.lower()
        pool: list[str] = []
        for length in range(len(lower) - 2, len(lower) + 3):
            pool.extend(self._by_length.get(length, ()))
        found: dict[str, Suggestion] = {}
        cutoff = 1 if len(lower) <= 4 else 2 if len(lower) <= LONG_WORD else 3
        if cutoff > 2:
            pool.extend(self._by_length.get(len(lower) - 3, ()))
            pool.extend(self._by_length.get(len(lower) + 3, ()))
        for candidate, distance, _ in process.extract(
            lower, pool, scorer=OSA.distance, score_cutoff=cutoff, limit=50
        ):
            if candidate != lower and self._in_dictionary(candidate):
                found[candidate] = Suggestion(candidate, int(distance), zipf_frequency(candidate, "en"))
        # words that sound the same however they are spelt ("imidatly", "immediately")
        for candidate in self._sounding(lower):
            if candidate not in found and self._sounds_like(lower, candidate) and self._in_dictionary(candidate):
                found[candidate] = Suggestion(
                    candidate, int(OSA.distance(lower, candidate)), zipf_frequency(candidate, "en")
                )
        for split in self._run_on(lower):
            found.setdefault(split.word, split)
        if not found:
            for speller in self._spellers:
                for candidate in speller.suggest(lower)[:5]:
                    distance = OSA.distance(lower, candidate)
                    # one edit further than our own candidates: Hunspell's replacement tables
                    # know misspellings by sound ("folowwin" -> "following")
                    if distance <= cutoff + 1 and candidate not in found and not _stray_letter(candidate):
                        found[candidate] = Suggestion(candidate, distance, zipf_frequency(candidate, "en"))
        # score exactly only the candidates that can still make the list: a slip costs at least
        # CHEAPEST_EDIT an edit (and a sound-alike at most PHONETIC_COST), so frequency less that
        # bounds a candidate's score from above
        def bound(s: Suggestion) -> float:
            return s.zipf - EDIT_COST * min(CHEAPEST_EDIT * s.distance, PHONETIC_COST)

        scored: list[Suggestion] = []
        for candidate in sorted(found.values(), key=bound, reverse=True):
            if len(scored) >= limit and bound(candidate) < scored[limit - 1].score:
                break
            scored.append(self._scored(lower, candidate))
            scored.sort(key=lambda s: (-s.score, s.distance))
        return tuple(scored[:limit])

    def _sounding(self, word: str) -> list[str]:
        """Vocabulary words with the Metaphone key of ``word`` (words of PHONETIC_LENGTH letters
        or more; shorter keys match too much)."""
        if len(word) < PHONETIC_LENGTH:
            return []
        if self._by_sound is None:
            by_sound: dict[str, list[str]] = {}
            for candidate in self._vocabulary:
                if len(candidate) >= PHONETIC_LENGTH - 1:
                    by_sound.setdefault(metaphone(candidate), []).append(candidate)
            self._by_sound = by_sound
        return self._by_sound.get(metaphone(word), [])[:PHONETIC_CANDIDATES]

    @staticmethod
    def _sounds_like(typed: str, word: str) -> bool:
        """Same Metaphone key, same first letter, lengths at most two apart and at most
        PHONETIC_EDITS edits apart (2 for a word shorter than LONG_WORD); a word of LONG_WORD
        letters or more may also reach a word up to three letters longer and one edit further
        (letters left out: "imidatly", "immediately"), never a shorter one so far: keys alone
        are coarse ("vistor" and "faster" share one, and "coyright" and "court")."""
        return (
            typed != word and len(typed) >= PHONETIC_LENGTH and typed[0] == word[0]
            and -2 <= len(word) - len(typed) <= (3 if len(typed) >= LONG_WORD else 2)
            and OSA.distance(typed, word) <= _phonetic_edits(typed, word)
            and metaphone(typed) == metaphone(word)
        )

    def _scored(self, typed: str, suggestion: Suggestion) -> Suggestion:
        """``suggestion`` with its typing cost and score (frequency less the slip's cost, less
        ENDING_COST when the written word's grammatical ending is lost)."""
        cost = typing_cost(typed, suggestion.word)
        if cost > PHONETIC_COST and self._sounds_like(typed, suggestion.word):
            cost = PHONETIC_COST
        score = suggestion.zipf - EDIT_COST * cost
        if _ending_lost(typed, suggestion.word):
            score -= ENDING_COST
        return Suggestion(suggestion.word, suggestion.distance, suggestion.zipf, cost, score)

    def in_context(
        self, word: str, before: str | None, after: str | None, article_words: frozenset[str] = frozenset()
    ) -> tuple[Suggestion, ...]:
        """``suggest(word)`` ranked again with the words around it (lower-case neighbours, or
        None at a sentence's edge) and the article's own words, by the learned weights of
        ``copydesk.knowledge.ranker``; each suggestion's ``score`` is the hand-set one (frequency
        less the slip's cost, plus the fit with the neighbours and a bonus for a word the
        article writes elsewhere)."""
        candidates = self.candidates_in_context(word, before, after, article_words)
        ranker = self.ranker
        ranked = [replace(s, rank=ranker.rank(values)) for s, values in candidates]
        return tuple(sorted(ranked, key=lambda s: (-s.rank, s.distance, s.word)))

    def candidates_in_context(
        self, word: str, before: str | None, after: str | None, article_words: frozenset[str] = frozenset()
    ) -> list[tuple[Suggestion, tuple[float, ...]]]:
        """The suggestions for ``word`` with their hand-set score in context and the figures
        the ranker weighs (``ranker.FEATURES``), in ``suggest``'s order. Shared by
        ``in_context`` and the script that trains the ranker, so both see the same figures."""
        suggestions = self.suggest(word, CONTEXT_CANDIDATES)
        if not suggestions:
            return []
        lower = word.lower()
        bigrams = self.bigrams
        out = []
        for s in suggestions:
            words = s.word.split(" ")  # a split ("the first") pairs by its outer words
            fit_before = bigrams.fit(before, words[0], None)
            fit_after = bigrams.fit(None, words[-1], after)
            in_article = s.word in article_words
            score = s.score
            if len(words) == 2:
                # a split is as common as its pair, which the counts know better than the
                # estimate from its words: "the first" is common, "win do" and "in dead" are not
                estimate = zipf_frequency(s.word, "en")
                score -= max(0.0, estimate - bigrams.pair_zipf(words[0], words[1]))
            score += CONTEXT_WEIGHT * (fit_before + fit_after) + (ARTICLE_WORD_BONUS if in_article else 0.0)
            scored = replace(s, score=score)
            out.append((scored, features(
                lower, s.word, score=score, zipf=s.zipf, cost=s.cost, distance=s.distance,
                fit_before=fit_before, fit_after=fit_after, in_article=in_article,
                ending_lost=_ending_lost(lower, s.word),
            )))
        return out

    @property
    def ranker(self) -> Ranker:
        """The learned weights that order suggestions in context, loaded on first use."""
        if self._ranker is None:
            self._ranker = Ranker.default()
        return self._ranker

    def singulars(self, plural: str) -> frozenset[str]:
        """The singulars WordNet's exception list (noun.exc) gives for an irregular plural ("men"
        → "man", "criteria" → "criterion", "media" → "medium"); empty for any other word."""
        if self._noun_exceptions is None:
            self._noun_exceptions = {}
            for directory in WORDNET_DIRS:
                path = directory / "noun.exc"
                if path.exists():
                    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                        fields = line.split()
                        if len(fields) >= 2:
                            self._noun_exceptions[fields[0].replace("_", " ")] = frozenset(
                                field.replace("_", " ") for field in fields[1:])
                    break
        return self._noun_exceptions.get(plural.lower(), frozenset())

    def noun_senses(self, noun: str) -> frozenset[str]:
        """The WordNet synsets (offsets) of ``noun`` as a noun; empty when WordNet lacks it."""
        return frozenset(self.senses(noun))

    def senses(self, word: str, pos: str = "noun") -> list[str]:
        """The WordNet synsets (offsets) of ``word`` as a ``pos`` ("noun", "verb", "adj", "adv"),
        most frequent first; empty when WordNet lacks it."""
        if pos not in self._indexes:  # the index file, kept as text and searched, read on first use
            self._indexes[pos] = ""
            for directory in WORDNET_DIRS:
                if (directory / f"index.{pos}").exists():
                    self._indexes[pos] = "\n" + (directory / f"index.{pos}").read_text(encoding="utf-8", errors="replace")
                    break
        text = self._indexes[pos]
        key = "\n" + word.lower().replace(" ", "_") + f" {WORDNET_POS[pos]} "
        at = text.find(key)
        if at < 0:
            return []
        return _index_entry(text[at + 1 : text.find("\n", at + 1)])[1]

    def _is_a(self, noun: str, kind: str, first: int = 1, pos: str = "noun") -> bool | None:
        """Whether one of the ``first`` most frequent WordNet senses of ``noun`` is a kind of
        ``kind`` (a lemma, "educational institution"; with ``pos="verb"`` a way of doing it:
        "repay" is a way to "pay"), following hypernyms (and instance hypernyms) in WordNet's
        data file; None when WordNet lacks the word."""
        offsets = self.senses(noun, pos)[:first]
        if not offsets:
            return None
        wanted = kind.replace(" ", "_")
        seen: set[str] = set()
        while offsets:
            offset = offsets.pop()
            if offset in seen:
                continue
            seen.add(offset)
            words, _, pointers, _ = _synset(offset, pos)
            if wanted in words:
                return True
            offsets.extend(target for symbol, target in pointers if symbol in ("@", "@i"))
        return False

    def _word_class(self, word: str, pos: str = "noun") -> str | None:
        """The WordNet lexicographer file of the first (most frequent) sense of ``word`` as a
        ``pos`` ("verb.communication" for "speak", "verb.possession" for "repay",
        "noun.possession" for "loan"); None when WordNet lacks it."""
        classes = self.word_classes(word, pos, 1)
        return classes[0] or None if classes else None

    def _word_classes(self, word: str, pos: str = "noun", first: int = 2) -> tuple[str, ...]:
        """The WordNet lexicographer files of the ``first`` most frequent senses of ``word`` as a
        ``pos``, most frequent first ("noun.artifact", "noun.person" for "fan": a device, then an
        enthusiast); empty when WordNet lacks it."""
        return tuple(LEXNAMES.get(_synset(offset, pos)[1], "") for offset in self.senses(word, pos)[:first])

    def verb_frames(self, verb: str, first: int = CLAUSE_SENSES) -> frozenset[str]:
        """WordNet's sentence frames (numbers, lexnames(5WN): "27" is "Somebody ----s to
        somebody") of the ``first`` most frequent senses of ``verb``; empty when WordNet lacks it."""
        return frozenset().union(*(_synset(offset, "verb")[3] for offset in self.senses(verb, "verb")[:first]))

    @property
    def bigrams(self) -> Bigrams:
        """Word-pair counts (``copydesk.knowledge.bigrams``), loaded on first use."""
        if self._bigrams is None:
            self._bigrams = Bigrams.default()
        return self._bigrams


def _short_vowel_end(stem: str) -> bool:
    """``stem`` ends in one vowel and one consonant that doubles before -ing and -er ("shop",
    "cut", "win"; never w, x or y)."""
    return (len(stem) >= 3 and stem[-1] not in VOWELS and stem[-1] not in "wx" and stem[-2] in VOWELS
            and stem[-3] not in VOWELS)
