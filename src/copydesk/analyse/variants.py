"""Spelling variants of proper names within one article.

A *name word* is a capitalised word in the article (``Kowalczyk``, ``Group``, ``Korea``). Two
name words are *spelling variants* when they are one edit apart (two for long words), the rarer
form is not itself a common word or well-known name, and nothing suggests two different things
(different given names before them, an inflection such as ``Korea``/``Korean``, a standard
transliteration pair such as ``Dmitry``/``Dmitri``).

``find_spelling_variants`` returns each such pair with the occurrences of both forms; the name
clusters (``copydesk.analyse.names``) merge them, and the ``names.inconsistent`` check decides
which form is wrong and how sure it is.

Transliteration equivalence is modelled by general romanisation rules (endings ``-y/-i/-iy/-yy``,
``kh``/``h``, ``ou``/``u``, ``j``/``y``/``dzh`` before a vowel, ``w``/``v``, diacritics), not by a
list of names.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import OSA

from copydesk.analyse.document import AnalysedArticle, Token
from copydesk.knowledge.normalize import strip_invisible

#: Titles and honorifics before a person's name ("Ms Banks", "Senator Roe").
HONORIFICS = frozenset(
    ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev", "reverend", "father", "sister", "president", "minister", "secretary", "senator", "sen", "rep", "governor", "gov", "judge", "justice", "general", "gen", "colonel", "col", "captain", "capt", "major", "chancellor", "king", "queen", "prince", "princess", "pope", "saint", "st", "chairman", "chairwoman", "chief", "mayor", "ambassador", "commissioner", "director", "spokesman", "spokeswoman"]
)
#: Words that precede a name without being part of it: honorifics and function words.
TITLES = HONORIFICS | frozenset(
    ["the", "a", "an", "of", "and", "in", "for", "on", "at", "to", "by", "with", "from"]
)

#: Endings that make a related word (plural, demonym, adjective), not a misspelling.
INFLECTIONS = ("s", "es", "'s", "’s", "n", "an", "ans", "ian", "ians", "i", "is", "ese", "ish", "ns")

#: A form more frequent than this (Zipf scale, wordfreq) is an ordinary word or a well-known name
#: in its own right, so it is never taken for a misspelling of a similar name.
COMMON_ZIPF = 2.5

#: Above this Zipf frequency a form is taken to be an English word, never a romanised name.
ENGLISH_WORD_ZIPF = 4.0

_WORD = re.compile(r"^[^\W\d_]+(?:['’-][^\W\d_]+)*$")
_TRANSLIT_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), repl)
    for pattern, repl in (
        (r"(?:ae)", "a"),
        (r"(?:oe)", "o"),
        (r"(?:ue)", "u"),
        (r"dzh|dj", "j"),
        (r"kh", "h"),
        (r"gh", "g"),
        (r"ph", "f"),
        (r"sch", "sh"),
        (r"tch", "ch"),
        (r"tz", "ts"),
        (r"ou", "u"),
        (r"w", "v"),
        (r"ks", "x"),
        (r"(?:iy|yy|ij|ii|yi|y|i)$", "i"),
        (r"ey(?=[^aeiou]|$)", "ei"),
        (r"ay(?=[^aeiou]|$)", "ai"),
        (r"[iyj](?=[aeiou])", "j"),
    )
)


@dataclass(slots=True)
class NameWord:
    """One occurrence of a capitalised word."""

    text: str
    start: int
    end: int
    token: int
    paragraph: int
    name_like: bool  # inside an entity, tagged PROPN, or capitalised mid-sentence
    before: str | None = None  # the capitalised word just before, within the same name
    after: str | None = None
    label: str = ""  # the entity type the tagger gave the word ("" when none)


@dataclass(slots=True)
class SpellingVariant:
    """Two spellings of what is probably one name: ``rare`` is the form written less often."""

    rare: str
    common: str
    distance: int
    rare_words: list[NameWord] = field(default_factory=list)
    common_words: list[NameWord] = field(default_factory=list)
    shared_context: bool = False  # the two forms share a neighbouring name word

    @property
    def rare_count(self) -> int:
        return len(self.rare_words)

    @property
    def common_count(self) -> int:
        return len(self.common_words)


@lru_cache(maxsize=65536)
def translit_key(word: str) -> str:
    """A key under which standard romanisation variants of a name coincide."""
    text = unicodedata.normalize("NFKD", strip_invisible(word).lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    for pattern, repl in _TRANSLIT_RULES:
        text = pattern.sub(repl, text)
    return text


def transliteration_equivalent(a: str, b: str) -> bool:
    """``Dmitry``/``Dmitri``, ``Sergey``/``Sergei``, ``Zelensky``/``Zelenskyy``: both standard.

    Ordinary English words are not romanised, so a pair in which one form is a common English
    word (``South``/``Suth``) is never a transliteration pair."""
    if translit_key(a) != translit_key(b):
        return False
    return max(word_frequency(a), word_frequency(b)) < ENGLISH_WORD_ZIPF


def is_inflection(a: str, b: str) -> bool:
    """``Korea``/``Korean``, ``Apple``/``Apple's``, ``Iraq``/``Iraqi``: related words."""
    short, long = sorted((a.lower(), b.lower()), key=len)
    return long.startswith(short) and long[len(short) :] in INFLECTIONS


@lru_cache(maxsize=65536)
def word_frequency(word: str) -> float:
    """Zipf frequency of a word in general English (0 for unknown words)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def max_distance(a: str, b: str) -> int:
    """One edit; two when both words are long and start alike."""
    if min(len(a), len(b)) >= 9 and a[0].lower() == b[0].lower():
        return 2
    return 1


def spelling_distance(a: str, b: str) -> int | None:
    """The edit distance between two name forms when they could be one name misspelt, else None."""
    if a.lower() == b.lower() or min(len(a), len(b)) < 4:
        return None
    limit = max_distance(a, b)
    if abs(len(a) - len(b)) > limit:
        return None
    distance = OSA.distance(a.lower(), b.lower(), score_cutoff=limit)
    if distance > limit:
        return None
    if transliteration_equivalent(a, b) or is_inflection(a, b):
        return None
    if sorted(a) != sorted(b) and _INITIALISM.fullmatch(a) and _INITIALISM.fullmatch(b):
        # each capital stands for a word, so one more or another is another thing: "MSSPs" and
        # "MSPs", "CEOs" and "CFOs" (the same letters swapped, "UNCHR" for "UNHCR", is a slip)
        return None
    return distance


#: An initialism, perhaps in the plural: two to five capitals, then an optional "s" ("MSPs",
#: "CISOs"); a longer word in capitals is a word shouted or set in capitals, not an initialism.
_INITIALISM = re.compile(r"[A-Z]{2,5}s?")


def is_name_shaped(text: str) -> bool:
    """Capitalised, with a lower-case letter, letters only (``O'Brien`` and ``Jean-Yves`` too)."""
    return (
        len(text) >= 3
        and text[0].isupper()
        and any(ch.islower() for ch in text)
        and _WORD.match(text) is not None
    )


def collect_name_words(analysed: AnalysedArticle) -> list[NameWord]:
    """Every capitalised word of the analysed text, with its neighbours inside the same name."""
    tokens = analysed.tokens
    sentences = analysed.sentences
    words: list[NameWord] = []
    for k, token in enumerate(tokens):
        if not is_name_shaped(strip_invisible(token.text)):
            continue
        sentence = sentences[token.sent] if token.sent < len(sentences) else None
        initial = sentence is not None and _is_sentence_initial(tokens, k, sentence.first)
        name_like = bool(token.ent_type and token.ent_type not in _NUMERIC_ENTS) or token.pos == "PROPN"
        if not initial and not name_like:
            name_like = True
        words.append(
            NameWord(
                text=token.text,
                start=token.start,
                end=token.end,
                token=k,
                paragraph=sentence.paragraph if sentence is not None else 0,
                name_like=name_like,
                before=_neighbour(tokens, k, -1),
                after=_neighbour(tokens, k, 1),
                label=token.ent_type or "",
            )
        )
    return words


_NUMERIC_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_OPENERS = frozenset({'"', "“", "‘", "'", "(", "[", "-", "—", "–", ":", "…"})


def _is_sentence_initial(tokens: list[Token], k: int, first: int) -> bool:
    j = k - 1
    while j >= first and tokens[j].text in _OPENERS:
        j -= 1
    return j < first


def _neighbour(tokens: list[Token], k: int, step: int) -> str | None:
    """The adjacent part of the same name in the sentence: a capitalised name word or an initial
    ("A Masi"), looking past particles ("David dal Maso" -> "David"); titles are not names."""
    j = k + step
    while (
        0 <= j < len(tokens)
        and tokens[j].sent == tokens[k].sent
        and tokens[j].text.lower() in _PARTICLES
    ):
        j += step
    if not 0 <= j < len(tokens) or tokens[j].sent != tokens[k].sent:
        return None
    other = tokens[j]
    text = strip_invisible(other.text)
    if _INITIAL.match(text):
        return text[0]
    if text.rstrip(".").lower() in TITLES or not is_name_shaped(text):
        return None
    if other.pos != "PROPN" and not (other.ent_type and other.ent_type not in _NUMERIC_ENTS):
        return None
    return text


_PARTICLES = frozenset({"de", "del", "della", "di", "da", "dal", "dos", "du", "van", "von", "der", "den", "le", "la", "bin", "ibn", "al", "el"})
_INITIAL = re.compile(r"^[A-Z]\.?$")


def find_spelling_variants(
    analysed: AnalysedArticle, words: list[NameWord] | None = None
) -> list[SpellingVariant]:
    """Pairs of name forms in the article that look like one name spelt two ways."""
    if words is None:
        words = collect_name_words(analysed)
    by_form: dict[str, list[NameWord]] = {}
    for word in words:
        # "Bi\u200dden" is "Biden" with an invisible character in it: one form, not two
        by_form.setdefault(strip_invisible(word.text), []).append(word)
    # Only a rare form can be the misspelling; any name-like form can be the right one.
    rare_forms = [f for f in by_form if word_frequency(f) < COMMON_ZIPF]
    named_forms = [f for f, ws in by_form.items() if any(w.name_like for w in ws)]
    variants: list[SpellingVariant] = []
    seen: set[frozenset[str]] = set()
    near = _NearForms(named_forms)
    for rare in rare_forms:
        for other in near.candidates(rare):
            pair = frozenset((rare, other))
            if other == rare or pair in seen:
                continue
            distance = spelling_distance(rare, other)
            if distance is None:
                continue
            seen.add(pair)
            variant = _judge(rare, other, distance, by_form)
            if variant is not None:
                variants.append(variant)
    return variants


#: A form longer than this is no name (the longest real ones have about 30 letters); it is not
#: compared with the others, which keeps the comparison index small on hostile text.
MAX_NAME_CHARS = 40


class _NearForms:
    """The forms that could be within ``spelling_distance`` of a given form, found through an
    index of deletions instead of comparing every pair (linear in the number of forms).

    Two words within restricted edit distance ``d`` (substitutions, insertions, deletions and
    adjacent transpositions) become equal after deleting at most ``d`` characters from each, so
    every pair ``spelling_distance`` accepts shares a key: the lower-cased form with up to one
    character deleted, or two when the form has nine or more characters (``max_distance``)."""

    def __init__(self, forms: list[str]):
        self.forms = forms
        self.index: dict[str, list[int]] = {}
        for position, form in enumerate(forms):
            for key in self.keys(form):
                self.index.setdefault(key, []).append(position)

    @staticmethod
    def keys(form: str) -> set[str]:
        if len(form) < 4 or len(form) > MAX_NAME_CHARS:  # spelling_distance: too short to judge
            return set()
        word = form.lower()
        keys = {word}
        keys.update(word[:k] + word[k + 1 :] for k in range(len(word)))
        if len(form) >= 9:
            keys.update(key[:k] + key[k + 1 :] for key in list(keys) if len(key) < len(word)
                        for k in range(len(key)))
        return keys

    def candidates(self, form: str) -> list[str]:
        """Forms sharing a key with ``form``, in the order they were given."""
        found: set[int] = set()
        for key in self.keys(form):
            found.update(self.index.get(key, ()))
        return [self.forms[k] for k in sorted(found)]


def _judge(
    form: str, other: str, distance: int, by_form: dict[str, list[NameWord]]
) -> SpellingVariant | None:
    """Order the pair (rarer in the text first) and reject it when context shows two names."""
    a, b = by_form[form], by_form[other]
    if len(a) > len(b) or (len(a) == len(b) and word_frequency(form) > word_frequency(other)):
        if word_frequency(other) >= COMMON_ZIPF:
            return None  # the rarer-in-text form is a common word: two different words
        form, other, a, b = other, form, b, a
    if not any(w.name_like for w in b):
        return None
    if word_frequency(form) >= COMMON_ZIPF:
        return None  # an ordinary English word ("Being" in a title) beside a similar name
    if _kind(a) == _kind(b) == "person" and _slot(a) and _slot(b) and _slot(a) != _slot(b):
        return None  # "Matt Dawson" and "Mike Catt": a given name is not a surname misspelt
    kinds = {_kind(a), _kind(b)}
    place = other if _kind(b) == "place" else form
    if kinds == {"person", "place"} and word_frequency(place) >= COMMON_ZIPF:
        # a person ("Nouha Saoudi") beside a well-known people or place ("Saudi"); a rare form
        # tagged as a place is more likely a misspelt name the tagger did not know
        return None
    before_a = {w.before for w in a if w.before}
    before_b = {w.before for w in b if w.before}
    after_a = {w.after for w in a if w.after}
    after_b = {w.after for w in b if w.after}
    if other in before_a | after_a or form in before_b | after_b:
        return None  # "Nighty Night": two words of one name, side by side
    shared = bool(before_a & before_b) or bool(after_a & after_b)
    if not shared and (_conflict(before_a, before_b) or _conflict(after_a, after_b)):
        # "Ed Miliband" and "David Milliband", "A Masi" and "D Maso", "Arjen Robben" and
        # "Arjan de Zeeuw": the neighbouring name words say these are two people.
        return None
    return SpellingVariant(form, other, distance, list(a), list(b), shared)


def _slot(words: list[NameWord]) -> str:
    """Where a form stands in its names: "given" when it always starts a longer name, "family"
    when it always follows another name word, "" when it varies or stands alone."""
    if all(w.after and not w.before for w in words):
        return "given"
    if all(w.before for w in words):
        return "family"
    return ""


_PERSON_LABELS = frozenset({"PERSON"})
_GROUP_LABELS = frozenset({"NORP", "GPE", "LOC"})


def _kind(words: list[NameWord]) -> str:
    """"person" or "place" when every tagged occurrence of the form agrees, else ""."""
    labels = {w.label for w in words if w.label}
    if labels and labels <= _PERSON_LABELS:
        return "person"
    if labels and labels <= _GROUP_LABELS:
        return "place"
    return ""


def _conflict(left: set[str], right: set[str]) -> bool:
    """Both forms have neighbouring name words and none of them is compatible."""
    return bool(left and right) and not any(_compatible(x, y) for x in left for y in right)


def _compatible(x: str, y: str) -> bool:
    """Same name, a variant of it, or an initial that fits ("A" and "Andrea")."""
    if min(len(x), len(y)) == 1:
        return x[0].upper() == y[0].upper()
    return x == y or transliteration_equivalent(x, y) or spelling_distance(x, y) is not None
