"""Planted errors in real articles nobody tuned on: recall and suggestions per error type on the
tuning half and on the held-out half, and false alarms on clean copies.

    .venv/bin/python bench/planted.py [--per-type 60] [--seed 7] [--halves tune,heldout]
                                      [--types spelling confusable ...] [--show misses,wrong,false,controls]
                                      [--save out/planted] [--json]

The articles are the precision set's (``bench/precision.py``): BBC entertainment and sport
(``corpus/bbc-news-2225/bbc/{entertainment,sport}``; no dev or planted-error pool used these two
categories) and PolNeAR train and dev texts (``bench/quotes/polnear/{train,dev}/text``). They are
split by article with the precision set's rule (``precision.split_of``): an article is held out
when the first eight hex digits of sha256(article id) are odd, the id being
``bbc/sport/123.txt`` or ``polnear/train/<name>.txt``. Nothing here was used to change a check;
the tuning half is for looking at misses, the held-out half is for figures only.

Each copy of an article gets one planted error, deterministically (``--seed``; one random draw
per type and article, so a larger ``--per-type`` only adds copies after the first ones), following
the types and the method of the dev set (``../shared/eval/README.md``):

- ``name-variant``: a capitalised name the article spells the same way at least twice is misspelt
  once by one edit (deletion, adjacent transposition, doubled letter, vowel or keyboard-neighbour
  substitution; never the first letter);
- ``spelling``: one such edit in a common lowercase word (wordfreq Zipf >= 4, five letters or
  more); the result must not be a word (wordfreq Zipf < 1.5, i.e. rarer than any of wordfreq's
  150,000 commonest English words) nor appear elsewhere in the article;
- ``confusable``: "it's" written "its" (the dev set's only confusable);
  ``confusable-their``: "their" + a lowercase word written "there", or "there is/are/was/were/
  has/have/had/will/would" written "their" (both always wrong), kept apart so that
  ``confusable`` compares with the dev set;
- ``weekday-date``: a "Weekday, Month D, YYYY" or "Weekday D Month YYYY" date in the text whose
  weekday fits gets another weekday (``in-text``); where the text has none (most), a PolNeAR
  article gets a dateline line under its headline, as the dev set's Wikinews articles have, with
  the article's real publication date (from its file name) and a wrong weekday, in US or British
  order (``dateline``). BBC articles carry no date, so they get no dateline;
- ``acronym-typo``: two adjacent letters of a well-known acronym in the text transposed
  (BBC -> BCB), only where the result is neither an acronym the knowledge base knows, nor one of
  ``ACRONYMS`` here, nor anywhere in the article;
- ``acronym-expansion``: where the text has "ACRONYM (expansion)" or "expansion (ACRONYM)" whose
  initials fit, one word of the expansion is replaced by another word of organisation names with
  the same initial (``in-text``); elsewhere, as the dev set does, a wrong expansion is inserted in
  brackets after the first mention in the body of an acronym of ``EXPANSIONS`` (``inserted``);
- ``role-title``: a title before a person's name in the text (``PEOPLE``; a title the person
  held) is swapped for a national office of the same country the person never held
  ("Secretary of State John Kerry" -> "Treasury Secretary John Kerry"); abbreviated titles
  (Sen., Gov.) are left alone;
- ``name-kb``: the surname of a well-known politician (``PEOPLE``, whose full name the article
  writes at least once) misspelt the same way at every mention; each mention is a gold error.

Clean copies: unchanged articles (``clean``) and, for the first half of the acronym-expansion and
weekday-date copies, a control copy: the right expansion inserted or the dateline with the right
weekday (for ``in-text`` ones, the unchanged article), with the right form as a control that must
not be flagged. As in the dev set, control copies count as clean files for false alarms.

Scoring is ``copydesk.evaluate``'s (the project owners' way): a finding matches a gold error when
the spans overlap; a suggestion is right when it equals the gold ``right``; false alarms are
warning or error findings on clean copies per 1,000 words. Every copy goes through
``Desk().check_many`` after ``parse_text``. The generated texts stay in memory (``--save DIR``
writes them under ``out/``, which is not in the repository). Skips when ../shared is absent.
"""

from __future__ import annotations

import argparse
import calendar
import json
import random
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

from precision import SOURCES, shared_dir, split_of  # bench/precision.py

HALVES = ("tune", "heldout")
HALF_NAMES = {"tune": "tuning half", "heldout": "held-out half"}
TYPES = (
    "name-variant", "spelling", "confusable", "confusable-their", "weekday-date",
    "acronym-typo", "acronym-expansion", "role-title", "name-kb",
)
#: Types whose copies come with control copies (the dev set has controls for these two).
WITH_CONTROLS = ("acronym-expansion", "weekday-date")
#: A typo must be rarer than this in wordfreq's English list to count as a non-word.
NONWORD_ZIPF = 1.5
COMMON_ZIPF = 4.0

# ---------------------------------------------------------------------------------------------
# Hand-written reference lists (general knowledge), used only to plant errors.

#: Well-known acronyms and their expansions, for insertion after a mention ("EU (European Union)").
#: Only acronyms with one usual meaning in these articles (not ABC, ECB, SEC, ICC).
EXPANSIONS = {
    "BBC": "British Broadcasting Corporation", "FBI": "Federal Bureau of Investigation",
    "CIA": "Central Intelligence Agency", "NATO": "North Atlantic Treaty Organization",
    "EU": "European Union", "UN": "United Nations", "WTO": "World Trade Organization",
    "IMF": "International Monetary Fund", "NHS": "National Health Service",
    "DNC": "Democratic National Committee", "RNC": "Republican National Committee",
    "NRA": "National Rifle Association", "GOP": "Grand Old Party", "CNN": "Cable News Network",
    "IAAF": "International Association of Athletics Federations",
    "IOC": "International Olympic Committee", "WADA": "World Anti-Doping Agency",
    "UEFA": "Union of European Football Associations", "BPI": "British Phonographic Industry",
    "IRB": "International Rugby Board", "RFU": "Rugby Football Union", "WRU": "Welsh Rugby Union",
    "ITF": "International Tennis Federation", "ATP": "Association of Tennis Professionals",
    "WTA": "Women's Tennis Association", "LTA": "Lawn Tennis Association",
    "NFL": "National Football League", "NBA": "National Basketball Association",
    "FCC": "Federal Communications Commission", "FEC": "Federal Election Commission",
    "IRS": "Internal Revenue Service", "NSA": "National Security Agency",
    "EPA": "Environmental Protection Agency", "FEMA": "Federal Emergency Management Agency",
    "ACLU": "American Civil Liberties Union",
    "NAACP": "National Association for the Advancement of Colored People",
}
#: Well-known acronyms whose letters may be transposed (three letters or more, as in the dev set).
ACRONYMS = sorted(
    {a for a in EXPANSIONS if len(a) >= 3}
    | {"FIFA", "ITV", "MTV", "CBS", "NBC", "ABC", "HBO", "PBS", "NYPD", "ISIS", "MSNBC", "AFP", "CEO"}
)
#: Words of organisation names; a wrong expansion swaps one word for another with its initial.
ORG_WORDS = (
    "Academy", "Administration", "Affairs", "Agency", "Alliance", "American", "Arts", "Association",
    "Athletic", "Atlantic", "Authority", "Bank", "Board", "Broadcasting", "Bureau", "British",
    "Business", "Central", "Chamber", "Commission", "Committee", "Company", "Conference",
    "Congress", "Corporation", "Council", "Court", "Cultural", "Democratic", "Department",
    "Development", "Division", "Economic", "Education", "Emergency", "Enforcement", "Environmental",
    "European", "Executive", "Exchange", "Federal", "Federation", "Film", "Financial", "Football",
    "Forum", "Foundation", "Fund", "General", "Global", "Group", "Guild", "Grand", "Health",
    "Heritage", "Independent", "Industry", "Information", "Institute", "Intelligence",
    "International", "Investigation", "Investment", "Justice", "League", "Legal", "Labour",
    "Management", "Media", "Medical", "Monetary", "Movement", "Music", "Motion", "National",
    "Nations", "Network", "News", "North", "Northern", "Office", "Olympic", "Organization", "Order",
    "Party", "People", "Phonographic", "Picture", "Police", "Professional", "Protection", "Public",
    "Recording", "Republican", "Research", "Revenue", "Rifle", "Royal", "Rugby", "Rights", "Safety",
    "Science", "Securities", "Security", "Service", "Society", "Standards", "State", "Statistics",
    "Studies", "System", "Supreme", "Television", "Tennis", "Trade", "Transport", "Treaty", "Trust",
    "Union", "United", "Unity", "Universal", "University", "World", "Workers", "Welsh",
)
STOPWORDS = {"of", "and", "for", "the", "on", "de", "du", "des", "in", "to", "la", "&"}

#: National offices a title may be swapped to, as each country's press writes them.
OFFICES = {
    "USA": {"president": "President", "vice-president": "Vice President",
            "secretary-of-state": "Secretary of State", "defense-secretary": "Defense Secretary",
            "treasury-secretary": "Treasury Secretary", "attorney-general": "Attorney General"},
    "GBR": {"prime-minister": "Prime Minister", "chancellor": "Chancellor",
            "foreign-secretary": "Foreign Secretary", "home-secretary": "Home Secretary",
            "defence-secretary": "Defence Secretary", "health-secretary": "Health Secretary",
            "culture-secretary": "Culture Secretary"},
    "DEU": {"president": "President", "foreign-minister": "Foreign Minister"},
    "RUS": {"foreign-minister": "Foreign Minister"},
    "ISR": {"president": "President"},
}
#: Titles recognised before a name in the text (full words only), with their office.
TITLES = {
    "President": "president", "Vice President": "vice-president",
    "Secretary of State": "secretary-of-state", "Defense Secretary": "defense-secretary",
    "Treasury Secretary": "treasury-secretary", "Attorney General": "attorney-general",
    "Senator": "senator", "Governor": "governor", "Speaker": "speaker", "House Speaker": "speaker",
    "Prime Minister": "prime-minister", "Chancellor": "chancellor",
    "Foreign Secretary": "foreign-secretary", "Home Secretary": "home-secretary",
    "Culture Secretary": "culture-secretary", "Sports Minister": "sports-minister",
}


@dataclass(frozen=True)
class Person:
    surname: str
    first: tuple[str, ...]
    country: str
    #: Offices held at any time (national, and state ones that share a title), never swapped to;
    #: a few near misses are listed as held on purpose so that no swap is arguable: Bill Clinton
    #: (Arkansas attorney general), Christie (a US Attorney), Jowell (a junior health minister),
    #: Jeb Bush (a father and brother held the top offices).
    held: frozenset[str]


def _p(surname: str, first: str, country: str, held: str) -> Person:
    return Person(surname, tuple(first.split("|")), country, frozenset(held.split()))


#: Well-known politicians (hand-written from general knowledge, 2004-2016 news). ``held`` lists
#: every office of ``OFFICES`` or ``TITLES`` they held at any time, including later ones.
PEOPLE = [
    _p("Obama", "Barack", "USA", "president senator"),
    _p("Clinton", "Hillary", "USA", "secretary-of-state senator"),
    _p("Clinton", "Bill", "USA", "president governor attorney-general"),
    _p("Biden", "Joe|Joseph", "USA", "vice-president president senator"),
    _p("Kerry", "John", "USA", "secretary-of-state senator"),
    _p("Sanders", "Bernie", "USA", "senator"),
    _p("Cruz", "Ted", "USA", "senator"),
    _p("Rubio", "Marco", "USA", "senator secretary-of-state"),
    _p("Kasich", "John", "USA", "governor"),
    _p("Christie", "Chris", "USA", "governor attorney-general"),
    _p("Ryan", "Paul", "USA", "speaker"),
    _p("Bush", "Jeb", "USA", "governor president vice-president"),
    _p("Pence", "Mike", "USA", "governor vice-president"),
    _p("Trump", "Donald", "USA", "president"),
    _p("Lynch", "Loretta", "USA", "attorney-general"),
    _p("Carter", "Ash|Ashton", "USA", "defense-secretary"),
    _p("Holder", "Eric", "USA", "attorney-general"),
    _p("McCain", "John", "USA", "senator"),
    _p("Romney", "Mitt", "USA", "governor senator"),
    _p("Warren", "Elizabeth", "USA", "senator"),
    _p("Graham", "Lindsey", "USA", "senator"),
    _p("Schumer", "Chuck|Charles", "USA", "senator"),
    _p("McConnell", "Mitch", "USA", "senator"),
    _p("Pelosi", "Nancy", "USA", "speaker"),
    _p("Kaine", "Tim", "USA", "governor senator"),
    _p("Reagan", "Ronald", "USA", "president governor"),
    _p("Huckabee", "Mike", "USA", "governor"),
    _p("Fiorina", "Carly", "USA", ""),
    _p("Giuliani", "Rudy", "USA", ""),
    _p("Gingrich", "Newt", "USA", "speaker"),
    _p("Boehner", "John", "USA", "speaker"),
    _p("Putin", "Vladimir", "RUS", "president prime-minister"),
    _p("Merkel", "Angela", "DEU", "chancellor"),
    _p("Netanyahu", "Benjamin", "ISR", "prime-minister foreign-minister"),
    _p("Blair", "Tony", "GBR", "prime-minister"),
    _p("Jowell", "Tessa", "GBR", "culture-secretary health-secretary"),
    _p("Caborn", "Richard", "GBR", "sports-minister"),
    _p("Blunkett", "David", "GBR", "home-secretary"),
    _p("Prescott", "John", "GBR", "deputy-prime-minister"),
]
#: Surnames shared by several of ``PEOPLE``: every mention is still the same surname (name-kb),
#: but a title swap needs the first name.
SHARED_SURNAMES = {p.surname for p in PEOPLE if sum(q.surname == p.surname for q in PEOPLE) > 1}

WEEKDAYS = list(calendar.day_name)
MONTHS = list(calendar.month_name)[1:]
_WD = "|".join(WEEKDAYS)
_MO = "|".join(MONTHS)
US_DATE = re.compile(rf"\b({_WD}),? ({_MO}) (\d{{1,2}}),? (\d{{4}})\b")
UK_DATE = re.compile(rf"\b({_WD}),? (\d{{1,2}}) ({_MO}),? (\d{{4}})\b")
VOWELS = "aeiou"
KEYBOARD = {
    "q": "wa", "w": "qes", "e": "wrd", "r": "etf", "t": "ryg", "y": "tuh", "u": "yij", "i": "uok",
    "o": "ipl", "p": "ol", "a": "qsz", "s": "adwx", "d": "sfe", "f": "dgr", "g": "fht", "h": "gjy",
    "j": "hku", "k": "jli", "l": "ko", "z": "xa", "x": "zcs", "c": "xvd", "v": "cbf", "b": "vng",
    "n": "bmh", "m": "nj",
}


def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en")


def is_nonword(word: str) -> bool:
    return _zipf(word) < NONWORD_ZIPF


# ---------------------------------------------------------------------------------------------
# Edits


def one_edit_typos(word: str, rng: random.Random, *, keep_first: bool = True) -> list[str]:
    """One-edit variants of ``word``, one operation drawn at random among those that apply:
    deletion, transposition of two different adjacent letters, a doubled letter, a substitution
    (vowel for vowel, consonant for a keyboard neighbour). Case is kept."""
    start = 1 if keep_first else 0
    n = len(word)
    ops: dict[str, list[str]] = {"delete": [], "transpose": [], "double": [], "substitute": []}
    for i in range(start, n):
        ops["delete"].append(word[:i] + word[i + 1 :])
        ops["double"].append(word[: i + 1] + word[i] + word[i + 1 :])
        low = word[i].lower()
        if low in VOWELS:
            repl = [v for v in VOWELS if v != low]
        else:
            repl = list(KEYBOARD.get(low, ""))
            repl = [c for c in repl if c not in VOWELS] or repl
        for c in repl:
            c = c.upper() if word[i].isupper() else c
            ops["substitute"].append(word[:i] + c + word[i + 1 :])
        if i + 1 < n and word[i] != word[i + 1]:
            ops["transpose"].append(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
    names = [k for k, v in ops.items() if v]
    rng.shuffle(names)
    out = []
    for name in names:
        variants = ops[name][:]
        rng.shuffle(variants)
        out.extend(variants)
    return [v for v in out if v != word]


def pick_typo(word: str, text: str, rng: random.Random, *, keep_first: bool = True) -> str | None:
    """A one-edit typo of ``word`` that is no word and appears nowhere in ``text``."""
    lowered = text.lower()
    for typo in one_edit_typos(word, rng, keep_first=keep_first):
        if is_nonword(typo) and not re.search(rf"\b{re.escape(typo.lower())}\b", lowered):
            return typo
    return None


def _err(type_: str, start: int, wrong: str, right: str, how: str) -> dict:
    return {"type": type_, "start": start, "end": start + len(wrong), "wrong": wrong,
            "right": right, "how": how}


@dataclass
class Plant:
    """One copy with planted error(s), and optionally its control copy."""

    text: str
    errors: list[dict]
    how: str
    control_text: str | None = None
    controls: list[dict] = field(default_factory=list)


def _replace(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _body_start(text: str) -> int:
    """Offset just after the headline line (the first line)."""
    first = text.find("\n")
    return 0 if first < 0 else first + 1


# ---------------------------------------------------------------------------------------------
# Planters: (article id, text, rng, context) -> Plant or None


NAME_TOKEN = re.compile(r"(?<![\w'’.-])[A-Z][a-z]+(?:[A-Z][a-z]+)?(?![\w-])")


def plant_name_variant(aid, text, rng, ctx, how=None):
    counts: dict[str, list[int]] = {}
    for m in NAME_TOKEN.finditer(text):
        counts.setdefault(m.group(), []).append(m.start())
    lowered = text.lower()
    candidates = []
    for word, starts in sorted(counts.items()):
        if len(word) < 4 or len(starts) < 2 or word in WEEKDAYS or word in MONTHS:
            continue
        if re.search(rf"\b{word.lower()}\b", text):
            continue  # also written in lowercase: a common word, not a name
        mid = [s for s in starts if s > 1 and re.search(r"[a-z,;]\s$", text[max(0, s - 2) : s])]
        if not mid:
            continue  # only ever at the start of a sentence or line
        candidates.append((word, starts))
    rng.shuffle(candidates)
    for word, starts in candidates:
        typo = pick_typo(word, lowered, rng)
        if typo is None:
            continue
        start = rng.choice(starts)
        return Plant(_replace(text, start, start + len(word), typo),
                     [_err("name-variant", start, typo, word, "one of several")], "one of several")
    return None


WORD_TOKEN = re.compile(r"(?<![\w'’-])[a-z]{5,}(?![\w'’-])")


def plant_spelling(aid, text, rng, ctx, how=None):
    by_word: dict[str, list[int]] = {}
    for m in WORD_TOKEN.finditer(text):
        by_word.setdefault(m.group(), []).append(m.start())
    words = sorted(w for w in by_word if _zipf(w) >= COMMON_ZIPF)
    rng.shuffle(words)
    for word in words:
        typo = pick_typo(word, text, rng)
        if typo is None:
            continue
        start = rng.choice(by_word[word])
        return Plant(_replace(text, start, start + len(word), typo),
                     [_err("spelling", start, typo, word, "common word")], "common word")
    return None


ITS = re.compile(r"\b([Ii])t(['’])s\b")


def plant_confusable(aid, text, rng, ctx, how=None):
    hits = list(ITS.finditer(text))
    if not hits:
        return None
    m = rng.choice(hits)
    wrong = m.group(1) + "ts"
    return Plant(_replace(text, m.start(), m.end(), wrong),
                 [_err("confusable", m.start(), wrong, m.group(), "it's -> its")], "it's -> its")


THEIR = re.compile(r"\b([Tt])heir(?= [a-z])")
THERE = re.compile(r"\b([Tt])here(?= (?:is|are|was|were|has|have|had|will|would)\b)")


def plant_confusable_their(aid, text, rng, ctx, how=None):
    hits = [(m, "their -> there") for m in THEIR.finditer(text)]
    hits += [(m, "there -> their") for m in THERE.finditer(text)]
    if not hits:
        return None
    hits.sort(key=lambda h: h[0].start())
    m, how = rng.choice(hits)
    wrong = m.group(1) + ("here" if how == "their -> there" else "heir")
    return Plant(_replace(text, m.start(), m.end(), wrong),
                 [_err("confusable-their", m.start(), wrong, m.group(), how)], how)


def _other_weekday(right: str, rng: random.Random) -> str:
    return rng.choice([w for w in WEEKDAYS if w != right])


def plant_weekday_date(aid, text, rng, ctx, how):
    if how == "in-text":
        hits = []
        for m in US_DATE.finditer(text):
            hits.append((m, MONTHS.index(m.group(2)) + 1, int(m.group(3)), int(m.group(4))))
        for m in UK_DATE.finditer(text):
            hits.append((m, MONTHS.index(m.group(3)) + 1, int(m.group(2)), int(m.group(4))))
        good = []
        for m, month, day, year in sorted(hits, key=lambda h: h[0].start()):
            try:
                real = WEEKDAYS[date(year, month, day).weekday()]
            except ValueError:
                continue
            if real == m.group(1):
                good.append((m, real))
        if not good:
            return None
        m, real = rng.choice(good)
        wrong = _other_weekday(real, rng)
        return Plant(_replace(text, m.start(1), m.end(1), wrong),
                     [_err("weekday-date", m.start(1), wrong, real, how)], how,
                     control_text=text,
                     controls=[_err("weekday-date", m.start(1), real, real, how)])
    found = re.search(r"_(\d{4})-(\d{2})-(\d{2})_", aid)
    if not aid.startswith("polnear/") or not found or "\n\n" not in text[:400]:
        return None
    day = date(*(int(g) for g in found.groups()))
    real = WEEKDAYS[day.weekday()]
    wrong = _other_weekday(real, rng)
    if rng.random() < 0.5:
        rest = f", {MONTHS[day.month - 1]} {day.day}, {day.year}\n\n"
    else:
        rest = f" {day.day} {MONTHS[day.month - 1]} {day.year}\n\n"
    at = text.index("\n\n") + 2
    return Plant(text[:at] + wrong + rest + text[at:], [_err("weekday-date", at, wrong, real, how)],
                 how, control_text=text[:at] + real + rest + text[at:],
                 controls=[_err("weekday-date", at, real, real, how)])


def plant_acronym_typo(aid, text, rng, ctx, how=None):
    known = ctx["known_acronyms"]
    present = [a for a in ACRONYMS if re.search(rf"(?<![\w&-]){a}(?![\w&-])", text)]
    rng.shuffle(present)
    for acronym in present:
        swaps = [acronym[:i] + acronym[i + 1] + acronym[i] + acronym[i + 2 :]
                 for i in range(len(acronym) - 1) if acronym[i] != acronym[i + 1]]
        swaps = [s for s in swaps if s not in known and s not in ACRONYMS
                 and not re.search(rf"\b{s}\b", text, re.IGNORECASE)]
        if not swaps:
            continue
        wrong = rng.choice(swaps)
        starts = [m.start() for m in re.finditer(rf"(?<![\w&-]){acronym}(?![\w&-])", text)]
        start = rng.choice(starts)
        return Plant(_replace(text, start, start + len(acronym), wrong),
                     [_err("acronym-typo", start, wrong, acronym, "transposed")], "transposed")
    return None


def _initials(words: list[str]) -> str:
    letters = ""
    for word in words:
        if word in STOPWORDS:
            continue
        for part in word.split("-"):
            if not part[:1].isupper():
                return ""
            letters += part[0]
    return letters


def wrong_expansion(expansion: str, rng: random.Random) -> str | None:
    """``expansion`` with one content word replaced by an organisation-name word with the same
    initial (European Union -> European Unity); never a spelling variant of the word."""
    from rapidfuzz.distance import Levenshtein

    words = expansion.split(" ")
    slots = [i for i, w in enumerate(words) if w not in STOPWORDS and w.isalpha()]
    rng.shuffle(slots)
    for i in slots:
        word = words[i]
        options = [w for w in ORG_WORDS if w[0] == word[0] and w != word
                   and Levenshtein.distance(w.lower(), word.lower()) > 2 and w not in words]
        if options:
            words[i] = rng.choice(options)
            return " ".join(words)
    return None


AFTER_ACRONYM = re.compile(r"(?<![\w-])([A-Z]{2,6}) \(([^()\n]{4,90})\)")
BRACKETED_ACRONYM = re.compile(r" \(([A-Z]{2,6})\)")


def _expansion_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, acronym) of expansions written beside their acronym in the text."""
    spans = []
    for m in AFTER_ACRONYM.finditer(text):
        words = m.group(2).split(" ")
        if _initials(words) == m.group(1):
            spans.append((m.start(2), m.end(2), m.group(1)))
    for m in BRACKETED_ACRONYM.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[max(line_start, m.start() - 160) : m.start()]
        words = before.split(" ")
        for k in range(1, len(words) + 1):
            tail = words[-k:]
            if not tail[0] or tail[0] in STOPWORDS or not tail[0][:1].isupper():
                continue
            if _initials(tail) == m.group(1):
                spans.append((m.start() - len(" ".join(tail)), m.start(), m.group(1)))
                break
    return spans


def plant_acronym_expansion(aid, text, rng, ctx, how):
    if how == "in-text":
        spans = [s for s in _expansion_spans(text)
                 if all(_zipf(w) >= NONWORD_ZIPF for w in re.findall(r"[A-Za-z]+", text[s[0]:s[1]]))
                 and "'" not in text[s[0]:s[1]] and "’" not in text[s[0]:s[1]]]
        rng.shuffle(spans)
        for start, end, _acronym in spans:
            right = text[start:end]
            wrong = wrong_expansion(right, rng)
            if wrong:
                return Plant(_replace(text, start, end, wrong),
                             [_err("acronym-expansion", start, wrong, right, how)], how,
                             control_text=text,
                             controls=[_err("acronym-expansion", start, right, right, how)])
        return None
    body = _body_start(text)
    british = aid.startswith("bbc/")
    present = []
    for acronym, expansion in EXPANSIONS.items():
        m = re.search(rf"(?<![\w&(-]){acronym}(?![\w&-])(?! \()", text[body:])
        if m:
            present.append((acronym, expansion, body + m.end()))
    rng.shuffle(present)
    for acronym, right, at in present:
        if british:
            right = right.replace("Organization", "Organisation")
        wrong = wrong_expansion(right, rng)
        if wrong is None:
            continue
        wrong = wrong.replace("Organization", "Organisation") if british else wrong
        return Plant(text[:at] + f" ({wrong})" + text[at:],
                     [_err("acronym-expansion", at + 2, wrong, right, how)], how,
                     control_text=text[:at] + f" ({right})" + text[at:],
                     controls=[_err("acronym-expansion", at + 2, right, right, how)])
    return None


TITLE_PATTERN = "|".join(sorted((re.escape(t) for t in TITLES), key=len, reverse=True))
NOT_BEFORE_TITLE = {"Vice", "Deputy", "Assistant", "Under", "Shadow", "Lieutenant", "House", "Prime"}


def plant_role_title(aid, text, rng, ctx, how=None):
    hits = []
    for person in PEOPLE:
        first = "|".join(re.escape(f) for f in person.first)
        name = rf"(?:{first}) {person.surname}" if person.surname in SHARED_SURNAMES else \
            rf"(?:(?:{first}) )?{person.surname}"
        for m in re.finditer(rf"\b({TITLE_PATTERN}) {name}\b", text):
            before = text[max(0, m.start() - 12) : m.start()].split()
            if before and before[-1] in NOT_BEFORE_TITLE:
                continue
            title = m.group(1)
            if TITLES[title] not in person.held:
                continue  # the text's own title is not one we know the person held
            targets = [t for code, t in OFFICES[person.country].items()
                       if code not in person.held and t != title]
            if targets:
                hits.append((m.start(1), title, targets))
    if not hits:
        return None
    hits.sort()
    start, title, targets = rng.choice(hits)
    wrong = rng.choice(sorted(targets))
    return Plant(_replace(text, start, start + len(title), wrong),
                 [_err("role-title", start, wrong, title, "swapped")], "swapped")


def plant_name_kb(aid, text, rng, ctx, how=None):
    people = {}
    for person in PEOPLE:
        first = "|".join(re.escape(f) for f in person.first)
        if re.search(rf"\b(?:{first}) {person.surname}\b", text):
            people.setdefault(person.surname, person)
    surnames = sorted(people)
    rng.shuffle(surnames)
    for surname in surnames:
        typo = pick_typo(surname, text, rng)
        if typo is None:
            continue
        starts = [m.start() for m in re.finditer(rf"\b{surname}(?=s?\b)", text)]
        out, errors, shift = text, [], 0
        for s in starts:
            s += shift
            out = _replace(out, s, s + len(surname), typo)
            errors.append(_err("name-kb", s, typo, surname, "every mention"))
            shift += len(typo) - len(surname)
        return Plant(out, errors, "every mention")
    return None


#: type -> (planter, the ways it plants, in order of preference)
PLANTERS = {
    "name-variant": (plant_name_variant, (None,)),
    "spelling": (plant_spelling, (None,)),
    "confusable": (plant_confusable, (None,)),
    "confusable-their": (plant_confusable_their, (None,)),
    "weekday-date": (plant_weekday_date, ("in-text", "dateline")),
    "acronym-typo": (plant_acronym_typo, (None,)),
    "acronym-expansion": (plant_acronym_expansion, ("in-text", "inserted")),
    "role-title": (plant_role_title, (None,)),
    "name-kb": (plant_name_kb, (None,)),
}


# ---------------------------------------------------------------------------------------------
# The set


@dataclass
class Copy:
    file: str
    half: str
    kind: str  # mutated | clean
    text: str
    errors: list[dict]
    controls: list[dict]
    how: str
    #: The publication date the desk is given (``Article.published``); None: undated, as here.
    published: datetime | None = None


def read_article(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:  # bbc/sport/199.txt is cp1252
        return data.decode("cp1252")


def load_articles(shared: Path) -> list[tuple[str, str]]:
    articles = []
    for prefix, relative in SOURCES.items():
        folder = shared / relative
        if not folder.is_dir():
            raise FileNotFoundError(f"{folder} not found")
        articles.extend((f"{prefix}/{p.name}", read_article(p)) for p in sorted(folder.glob("*.txt")))
    return articles


def build(shared: Path, *, per_type: int = 60, seed: int = 7, halves=HALVES, types=TYPES,
          known_acronyms: frozenset[str] = frozenset()) -> list[Copy]:
    """The planted copies, clean copies and control copies, deterministically."""
    articles = load_articles(shared)
    by_half = {h: [(aid, text) for aid, text in articles if split_of(aid) == h] for h in halves}
    ctx = {"known_acronyms": known_acronyms}
    copies: list[Copy] = []
    for half in halves:
        pool = by_half[half]
        for type_ in types:
            planter, ways = PLANTERS[type_]
            order = pool[:]
            random.Random(f"{seed}|{type_}|{half}").shuffle(order)
            chosen: list[tuple[str, Plant]] = []
            used: set[str] = set()
            for how in ways:
                for aid, text in order:
                    if len(chosen) >= per_type:
                        break
                    if aid in used:
                        continue
                    plant = planter(aid, text, random.Random(f"{seed}|{type_}|{how}|{aid}"), ctx, how)
                    if plant is not None:
                        chosen.append((aid, plant))
                        used.add(aid)
            for i, (aid, plant) in enumerate(chosen):
                copies.append(Copy(f"{type_}/{aid}", half, "mutated", plant.text, plant.errors, [],
                                   plant.how))
                if type_ in WITH_CONTROLS and i % 2 == 0 and plant.control_text is not None:
                    copies.append(Copy(f"{type_}-control/{aid}", half, "clean", plant.control_text,
                                       [], plant.controls, plant.how))
        order = pool[:]
        random.Random(f"{seed}|clean|{half}").shuffle(order)
        for aid, text in order[:per_type]:
            copies.append(Copy(f"clean/{aid}", half, "clean", text, [], [], "unchanged"))
    return copies


def known_acronyms_of(desk) -> frozenset[str]:
    """Acronyms the knowledge base knows (a typo must not be one); empty if it cannot say."""
    try:
        return frozenset(desk.knowledge.kb.all_acronyms())
    except (AttributeError, TypeError) as exc:  # the bench still runs while the API changes
        print(f"warning: known acronyms not available ({exc})", file=sys.stderr)
        return frozenset()


#: Types reported also by the way they were planted.
BROKEN_DOWN = ("weekday-date", "acronym-expansion", "confusable-their")


def evaluate(copies: list[Copy], desk, *, broken_down=BROKEN_DOWN) -> dict:
    """Scores per half, and per half and (type, how) for the types of ``broken_down``."""
    from copydesk.evaluate import GoldFile, Score, score_file
    from copydesk.ingest.text import parse_text

    scores = {h: Score() for h in {c.half for c in copies}}
    by_how = {h: Score() for h in scores}
    articles = [parse_text(c.text, source=c.file) for c in copies]
    for copy, article in zip(copies, articles):
        if copy.published is not None:
            article.published = copy.published
    for copy, report in zip(copies, desk.check_many(articles)):
        gold = GoldFile(copy.file, copy.kind, copy.errors, copy.controls)
        score_file(scores[copy.half], gold, report.article.text, report.findings)
        if copy.errors and copy.errors[0]["type"] in broken_down:
            relabelled = [dict(e, type=f"{e['type']} ({e['how']})") for e in copy.errors]
            score_file(by_how[copy.half], GoldFile(copy.file, copy.kind, relabelled, []),
                       report.article.text, report.findings)
    return {"scores": scores, "by_how": by_how}


def measured_at() -> str:
    """The commit measured, and whether src/ had uncommitted changes."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "src"], cwd=ROOT, check=True,
                               capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown commit"
    return head + (" + uncommitted changes in src/" if dirty else " (src/ clean)")


def _cell(s) -> str:
    if s is None or not s.errors:
        return "— | — | —"
    return f"{s.errors} | {s.recall:.3f} | {s.suggestion_accuracy:.3f}"


def table(result: dict, copies: list[Copy], halves) -> str:
    """Markdown: per type (and per way of planting), both halves side by side."""
    scores, by_how = result["scores"], result["by_how"]
    counts: dict[tuple[str, str], int] = {}
    for c in copies:
        if c.kind == "mutated":
            type_ = c.errors[0]["type"]
            for key in (type_, f"{type_} ({c.how})"):
                counts[(c.half, key)] = counts.get((c.half, key), 0) + 1
    head = " | ".join(f"{HALF_NAMES[h]}: copies | errors | recall | suggestion right" for h in halves)
    lines = [f"| type | {head} |", "|---|" + "---|---|---|---|" * len(halves)]
    rows = [(t, scores) for t in TYPES if any(t in scores[h].by_type for h in halves)]
    rows += [(k, by_how) for k in sorted({k for h in halves for k in by_how[h].by_type})]
    for key, source in rows:
        cells = [f"{counts.get((h, key), 0)} | {_cell(source[h].by_type.get(key))}" for h in halves]
        label = key if source is scores else f"· {key}"
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    fa, ctl = [], []
    for h in halves:
        s = scores[h]
        n = sum(1 for c in copies if c.half == h and c.kind == "clean")
        fa.append(f"{len(s.false_alarms)} in {s.clean_words:,} words of {n} clean copies"
                  f" = **{s.false_alarms_per_1000_words:.2f}** per 1,000 words | | |")
        controls = sum(len(c.controls) for c in copies if c.half == h)
        ctl.append(f"{len(s.control_hits)} of {controls} | | |")
    lines.append("| false alarms (warning/error on clean copies) | " + " | ".join(fa) + " |")
    lines.append("| correct controls flagged | " + " | ".join(ctl) + " |")
    return "\n".join(lines)


def arguments(description: str, types, argv: list[str] | None, shows: str = "misses, wrong, false, controls"):
    """The command line of a planted-error bench: (options, ../shared or None when absent,
    halves, types)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--per-type", type=int, default=60,
                        help="copies per error type and half (default 60), and clean copies per half")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--halves", default="tune,heldout")
    parser.add_argument("--types", nargs="*", choices=types, help="error types (default: all)")
    parser.add_argument("--show", default="", help=f"comma list of: {shows}")
    parser.add_argument("--save", type=Path, help="write the copies and gold.jsonl to this folder")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    shared = shared_dir()
    if not shared.is_dir():
        print(f"skipped: evaluation data not found at {shared} (set COPYDESK_SHARED)")
        shared = None
    halves = tuple(h for h in args.halves.split(",") if h)
    return args, shared, halves, tuple(args.types or types)


def main(argv: list[str] | None = None) -> int:
    args, shared, halves, types = arguments(__doc__.splitlines()[0], TYPES, argv)
    if shared is None:
        return 0
    from copydesk.desk import Desk

    started = time.perf_counter()
    desk = Desk()
    copies = build(shared, per_type=args.per_type, seed=args.seed, halves=halves, types=types,
                   known_acronyms=known_acronyms_of(desk))
    if args.save:
        save(copies, args.save)
    result = evaluate(copies, desk)
    elapsed = time.perf_counter() - started
    if args.json:
        print(json.dumps({h: result["scores"][h].as_dict() for h in halves}, indent=2))
        return 0
    print("    .venv/bin/python bench/planted.py " + " ".join(sys.argv[1:] if argv is None else argv))
    print(f"measured at {measured_at()}; {len(copies)} copies, {elapsed:.0f} s\n")
    print(table(result, copies, halves))
    for line in details(result["scores"], halves, set(filter(None, args.show.split(",")))):
        print(line)
    return 0


def details(scores: dict, halves, show: set[str]) -> list[str]:
    """The misses, wrong suggestions, false alarms and control hits asked for, per half."""
    lines = []
    for h in halves:
        s = scores[h]
        for name, entry in sorted(s.by_type.items()):
            if "misses" in show:
                lines.extend(f"  [{h}] MISS {name}: {miss}" for miss in entry.misses)
            if "wrong" in show:
                lines.extend(f"  [{h}] WRONG {name}: {wrong}" for wrong in entry.wrong_suggestions)
        if "false" in show:
            lines.extend(f"  [{h}] FALSE {alarm}" for alarm in s.false_alarms)
        if "controls" in show:
            lines.extend(f"  [{h}] CONTROL {hit}" for hit in s.control_hits)
    return lines


def save(copies: list[Copy], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "gold.jsonl", "w", encoding="utf-8") as gold:
        for c in copies:
            path = folder / c.file
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(c.text, encoding="utf-8")
            row = {"file": c.file, "kind": c.kind, "half": c.half, "errors": c.errors,
                   "controls": c.controls}
            if c.published is not None:
                row["published"] = c.published.isoformat()
            gold.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    raise SystemExit(main())
