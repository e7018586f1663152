"""Which language an article is written in, from its own words: copydesk's checks read English,
so a text that plainly reads as another language is reported as such instead of being checked
(a French article would otherwise get English grammar and spelling findings on every line).

How: the most frequent words of a language (from wordfreq's lists, shipped as a small file) are its
function words — articles, prepositions, pronouns, auxiliaries — which make up about
half of any running text in it. The share of the text's words that are among English's 100
commonest is compared with each other language's. English news has 40–50 % of its words there; a
text in French or German has a few per cent (the words the two languages share: "a", "on", "in"),
and half in its own list. Only a text whose English share is low *and* far below another
language's is called foreign, so English with quoted foreign passages, names and lists stays
English. A text mostly in another alphabet (Cyrillic, Greek, Arabic, CJK...) is not English
either. Metadata (``<html lang>``, ``og:locale``) is not trusted for this: pages in English often
declare another language, and the other way round.

Why not a language-identification package: the ones on PyPI either ship models larger than
copydesk's whole knowledge base or guess from character n-grams, which misjudge short news
texts full of names; the question here is narrower (English or plainly not) and wordfreq already
holds what answers it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache

#: Languages compared with English: those wordfreq lists that write in the Latin alphabet.
LATIN_LANGUAGES = ("fr", "de", "es", "it", "pt", "nl", "sv", "da", "nb", "fi", "pl", "cs", "sk",
                   "sl", "ro", "hu", "tr", "ca", "id", "ms", "fil", "lv", "lt", "is", "vi", "sh")
#: How many of a language's commonest words count as its function words.
TOP_WORDS = 100
#: Words read (the first ones: a long text's opening says enough).
MAX_WORDS = 2000
#: A text needs this many words to be judged at all (a headline or a caption says too little).
MIN_WORDS = 40
#: It reads as another language when at most this share of its words are English function words ...
ENGLISH_AT_MOST = 0.15
#: ... and another language's function words are at least this share, and this many times the
#: English share (inflected languages, Polish, Finnish, Hungarian, spread their grammar over
#: endings and have fewer separate function words: 0.14-0.30 of their words are in their list).
OTHER_AT_LEAST = 0.12
OTHER_TIMES = 2.0
#: ... and the text must use this many different function words of that language: running text
#: uses many (le, la, de, et, les, des, que, qui...), a table or a calendar repeats two or three
#: ("Su Mo Tu We": "su" is a Serbo-Croatian word too).
OTHER_DISTINCT = 8
#: A text whose letters are at least this share outside the Latin alphabet is in another script.
OTHER_SCRIPT_SHARE = 0.5

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


#: The shipped lists (``scripts/data/build_function_words.py`` writes them from wordfreq): reading
#: wordfreq's full lists of 26 languages would hold about a gigabyte in every checking process.
FUNCTION_WORDS_FILE = "data/language/function-words.tsv"


@cache
def _all_function_words() -> dict[str, frozenset[str]]:
    from importlib.resources import files

    text = files("copydesk").joinpath(FUNCTION_WORDS_FILE).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {language: frozenset(words.split()) for language, words in rows[1:]}


def _function_words(language: str) -> frozenset[str]:
    return _all_function_words()[language]


def _script(text: str) -> tuple[str, float]:
    """The commonest script among the text's letters other than Latin, and the share of letters
    outside the Latin alphabet."""
    scripts: Counter = Counter()
    letters = 0
    for ch in text[: MAX_WORDS * 8]:
        if not ch.isalpha():
            continue
        letters += 1
        name = unicodedata.name(ch, "")
        if not name.startswith("LATIN"):
            scripts[name.split(" ")[0].title() if name else "Unknown"] += 1
    if not letters:
        return "", 0.0
    other = sum(scripts.values())
    return (scripts.most_common(1)[0][0] if scripts else ""), other / letters


def foreign_language(text: str) -> str | None:
    """What the text reads as when it is plainly not English ("French", "German", "Cyrillic
    script"), or None (English, or too short or too mixed to tell)."""
    script, outside = _script(text)
    if outside >= OTHER_SCRIPT_SHARE:
        return f"{script} script"
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text[: MAX_WORDS * 12])][:MAX_WORDS]
    if len(words) < MIN_WORDS:
        return None
    english = sum(w in _function_words("en") for w in words) / len(words)
    if english > ENGLISH_AT_MOST:
        return None
    best, share = max(((lang, sum(w in _function_words(lang) for w in words) / len(words))
                       for lang in LATIN_LANGUAGES), key=lambda pair: pair[1])
    distinct = len(set(words) & _function_words(best))
    if share >= OTHER_AT_LEAST and share >= OTHER_TIMES * english and distinct >= OTHER_DISTINCT \
            and not _english_content(text, best) and not _english_prose(text):
        return _NAMES.get(best, best)
    return None


def _english_prose(text: str) -> bool:
    """A third or more of the text's running prose — lines of PROSE_WORDS words or more that end
    like a sentence — is English: a review whose menu is Italian, a release given in French and
    then in English. Lists, menus, tables and programmes (items and prices, no sentences) do not
    count either way, and a text of nothing else is no text in another language."""
    prose = english = 0
    for line in text.splitlines():
        stripped = line.strip()
        words = [w.lower().replace("’", "'") for w in _WORD.findall(stripped)]
        if len(words) < PROSE_WORDS or not stripped.endswith((".", "!", "?", '"', "”", "’")):
            continue
        prose += len(words)
        if sum(w in _function_words("en") for w in words) >= ENGLISH_LINE_SHARE * len(words):
            english += len(words)
    # no prose at all: a list (a programme of titles, a menu, addresses), not a text in a language
    return prose == 0 or english * 3 >= prose


def _english_content(text: str, language: str) -> bool:
    """The text's own words — lower-case words of four letters or more, other than either
    language's function words — are English, or too few to call the text another language: a list of French wines, an
    Italian menu or a programme of opera titles with English notes between them ("Bone dry and
    salty, perfect with oysters") borrows the other language's function words in names, but its
    running words are English. A French or German article's running words are French or German
    (German capitalises its nouns, but not its verbs and adjectives)."""
    from wordfreq import zipf_frequency

    skip = _function_words("en") | _function_words(language)
    content = [w for w in _WORD.findall(text[: MAX_WORDS * 12])[:MAX_WORDS]
               if w.islower() and len(w) >= 4 and w not in skip]
    if len(content) < MIN_CONTENT:
        return True  # next to no running words: a list of names, titles or addresses, not a text in a language
    english = sum(zipf_frequency(w, "en") >= CONTENT_ZIPF for w in content)
    return english >= ENGLISH_CONTENT_SHARE * len(content)


#: Running words needed to judge them ...
MIN_CONTENT = 5
#: ... and fewer than this share of them English words of at least CONTENT_ZIPF (English knows a
#: few thousand French and German words too: "plan", "municipal", "hotel").
ENGLISH_CONTENT_SHARE = 0.5
CONTENT_ZIPF = 3.0
#: A line of prose has this many words or more and ends like a sentence; it is English when this
#: share of its words are English function words (English news lines have 0.35 or more).
PROSE_WORDS = 6
ENGLISH_LINE_SHARE = 0.2


_NAMES = {
    "fr": "French", "de": "German", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "sv": "Swedish", "da": "Danish", "nb": "Norwegian", "fi": "Finnish",
    "pl": "Polish", "cs": "Czech", "sk": "Slovak", "sl": "Slovene", "ro": "Romanian",
    "hu": "Hungarian", "tr": "Turkish", "ca": "Catalan", "id": "Indonesian", "ms": "Malay",
    "fil": "Filipino", "lv": "Latvian", "lt": "Lithuanian", "is": "Icelandic", "vi": "Vietnamese",
    "sh": "Serbo-Croatian",
}
