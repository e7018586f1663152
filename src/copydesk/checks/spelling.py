"""``spelling``: words that are not English, with suggestions, silent on proper names.

Silence on names comes from the analysis, not from a list: a capitalised word that is not the
first of its sentence, a capitalised word the article writes again, a word inside a name of
several words, and any name the knowledge base knows are never judged. A capitalised word that
only starts its sentence is a name only with evidence beyond the tagger (which calls most unknown
capitalised words proper nouns): written elsewhere, part of a longer name, known to the knowledge
base, or with no common word it could be a slip of; "Howewer," is judged. What is left is mostly
lower-case words, where real typos are. A sentence with several unknown words, most of them no
plain slips, is taken to be in another language and left alone.

Suggestions are ranked with their context (``Lexicon.in_context``): the likelihood of the slip
(``typing_cost``: swapped letters and doubled letters are likelier than other edits), the
word's frequency, how well it fits between the words around it, and whether the article writes
it elsewhere.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from copydesk.analyse.document import AnalysedArticle, Token
from copydesk.checks.registry import register
from copydesk.knowledge import Knowledge
from copydesk.knowledge.lexicon import DOUBLED, PREFIXES
from copydesk.model import REPLACEMENT_CHARACTER, Evidence, Finding, Severity, has_mojibake

MIN_LENGTH = 3
#: More unknown words than this in one sentence, most of them no plain slips: another language,
#: a list of names, code.
MAX_UNKNOWN_PER_SENTENCE = 2
#: An article where more than this share of the words judged are unknown (and at least
#: OTHER_LANGUAGE_MIN of them) is written in another language: English news, names aside,
#: has one or two unknown words in a hundred, a page in German or Spanish most of them. It is not
#: judged at all, which also spares the suggestions for each of its words (seconds a page).
OTHER_LANGUAGE_SHARE = 0.25
OTHER_LANGUAGE_MIN = 12
#: A one-edit neighbour this common makes a word a typo rather than a regular formation
#: ("occured" is "occurred" misspelt, not "occur" + "ed").
TYPO_OF_COMMON_ZIPF = 4.0
#: A word this common in a language English often quotes is a foreign word, not a typo ...
FOREIGN_ZIPF = 4.0
#: ... unless an English word one edit away is more common than it by this much.
FOREIGN_MARGIN = 1.0
#: An error needs a suggestion this common in English (Zipf) ...
CLEAR_ZIPF = 3.0
#: ... and a hand-set score (``Suggestion.score``) at least this far ahead of every other
#: suggestion's: the learned order (``Suggestion.rank``) and the hand-set one must agree.
CLEAR_MARGIN = 1.0
#: ... and the written word at least this long. English's short words lie close together, so a
#: short string one edit from a common word is as likely a word of its own the dictionaries lack
#: (an abbreviation, "tty", "gtin"; a brand made from a word, "goodr", "Wrike"; slang, "bleh") as
#: a slip: such a word is at most a warning.
ERROR_LENGTH = 6
#: A capitalised word at a sentence's start, a word quoted alone, or a word in a sentence with
#: more unknown words than MAX_UNKNOWN_PER_SENTENCE (most of them slips, or the sentence is
#: taken to be in another language) is judged a slip only when its likeliest reading costs at
#: most this: one ordinary edit.
SLIP_COST = 1.0
#: A word written at least RIVAL_ZIPF often in English text and within RIVAL_GAP (Zipf) of the
#: word it would be a slip of is a word of its own that the dictionaries lack ("backend", Zipf 2.9,
#: beside "backed", 4.3), not a slip. Misspellings of common words are written about one time in
#: forty as often as the word or less ("accomodate" 2.45, "embarassed" 2.45); those of rarer
#: words come closer ("millenium" 1.1 below "millennium") but are themselves rarer than
#: RIVAL_ZIPF, which is where the acronyms check draws "well known" too.
RIVAL_GAP = 1.5
RIVAL_ZIPF = 2.8
#: A suggestion further than this (``typing_cost``: two ordinary slips) is only a guess: the
#: word is noted at info ("bloviations" is no slip of "locations").
WARNING_COST = 2.0
#: A split into two words ("the first" for "thefirst") is an error only when this common.
CLEAR_RUN_ON_ZIPF = 4.5
#: A part of a hyphenated compound this long or longer is judged (as a plain slip only).
HYPHEN_PART_LENGTH = 5
#: A word alone in quotation marks with at most this many others is mentioned, not used: a
#: coinage or a term ("coined the phrase “glitterati”"), not a typo.
MENTION_WORDS = 3
OPENING_MARKS = "“‘\"'"
CLOSING_MARKS = "”’\"'"
QUOTE_MARKS = frozenset(OPENING_MARKS + CLOSING_MARKS)


@register("spelling", severity="error")
def check(article: AnalysedArticle, knowledge: Knowledge) -> Iterator[Finding]:
    """A word that is not English (Hunspell en_US/en_GB, word frequencies), with suggestions."""
    lexicon = knowledge.lexicon
    house = getattr(knowledge, "house", None)  # the newsroom's own words (copydesk.toml)
    text = article.text
    capitalised_mid_sentence = Counter(
        t.text for t in article.tokens if t.is_title and not _sentence_initial(article, t)
    )
    written = Counter(t.lower for t in article.tokens)
    article_words = frozenset(written)
    context: dict[int, tuple] = {}

    def ranked(token: Token) -> tuple:
        """``token``'s suggestions in context, computed once per token."""
        if token.i not in context:
            context[token.i] = lexicon.in_context(token.lower, *_neighbours(article, token), article_words)
        return context[token.i]

    damaged = has_mojibake(text)  # double-encoded words are damage, not slips (rare: tested once)
    judged = 0
    unknown: list[Token] = []
    parts: set[int] = set()  # halves of hyphenated compounds, judged as plain slips only
    for token in article.tokens:
        if _hyphen_part(text, token, lexicon):
            parts.add(token.i)
        elif not _judged(article, token, text, capitalised_mid_sentence, lexicon):
            continue
        if REPLACEMENT_CHARACTER in text[max(0, token.start - 1) : token.end + 1]:
            continue  # a word beside a character lost in decoding (U+FFFD) is cut: "wouldn�t"
        if damaged and has_mojibake(text[max(0, token.start - 1) : token.end + 2]):
            continue  # double-encoded text ("itâ€™s"): damage upstream, reported by ingest
        judged += 1
        if house is not None and house.is_house_word(token.text):
            continue
        if lexicon.known(token.text) or lexicon.known(token.text.lower()):
            continue
        if token.is_title and (knowledge.kb.is_alias(token.text) or _name_evidence(article, token, written)):
            continue
        if _formed(token.lower, lexicon) or _lengthened(token.lower, lexicon):
            continue
        if token.i in parts and text[token.start - 1 : token.start] == "-" and _inflected(token.lower, lexicon):
            continue
        unknown.append(token)
    if len(unknown) >= OTHER_LANGUAGE_MIN and len(unknown) > OTHER_LANGUAGE_SHARE * judged:
        return  # an article in another language (a crawl's German or Spanish page): not judged
    unknown_by_sentence: dict[int, list[Token]] = {}
    for token in unknown:
        if (token.i in parts or _mentioned(text, token)) and not _slip(ranked(token)):
            continue  # a word quoted alone is mentioned (a coinage, a term), a part of a compound
            # may be a combining form: either is judged only when plainly a slip
        unknown_by_sentence.setdefault(token.sent, []).append(token)
    mixed_sentences: set[int] = set()
    for sentence, tokens in unknown_by_sentence.items():
        language = lexicon.mixed_language([t.lower for t in tokens])
        if language is not None:
            # Taglish: none of the other language's words is an English slip, common or not, and
            # what is left is judged as in a crowded sentence (plain slips only)
            mixed_sentences.add(sentence)
            unknown_by_sentence[sentence] = [t for t in tokens if not lexicon.frequency(t.lower, language)]
    counts = Counter(t.lower for tokens in unknown_by_sentence.values() for t in tokens)
    for sentence, tokens in unknown_by_sentence.items():
        broken = [t for t in tokens if _broken_word(article, t, lexicon)]
        for token in broken:
            yield _broken_finding(article, token)
        tokens = [t for t in tokens if t not in broken]
        crowded = len(tokens) > MAX_UNKNOWN_PER_SENTENCE or sentence in mixed_sentences
        if crowded and 2 * sum(_slip(ranked(t)) for t in tokens) < len(tokens):
            continue  # mostly words that are no slips: another language, a list of names
        for token in tokens:
            suggestions = ranked(token)
            if (token.is_title or crowded) and not _slip(suggestions):
                continue  # a capitalised word at a sentence's start that is no slip: a name
            yield _finding(token, lexicon, counts[token.lower], suggestions)


def _broken_word(article: AnalysedArticle, token: Token, lexicon) -> bool:
    """The end of a word split by a line-break hyphen left in the text ("delib- erately"): the
    word before ends in "- " and the two halves joined are a known word."""
    first = _first_half(article, token)
    return first is not None and lexicon.known(first[1].lower() + token.lower)


def _first_half(article: AnalysedArticle, token: Token) -> tuple[int, str] | None:
    """(offset, letters) of the first half of a word broken as "delib- erately", or None."""
    text = article.text
    if token.start < 3 or text[token.start - 2 : token.start] != "- ":
        return None
    k = token.start - 2
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    letters = text[k : token.start - 2]
    if len(letters) < 2 or (k > 0 and not text[k - 1].isspace()):
        return None
    return k, letters


def _broken_finding(article: AnalysedArticle, token: Token) -> Finding:
    start, letters = _first_half(article, token)
    joined = letters + token.text
    written = article.text[start : token.end]
    return Finding(
        check="spelling", severity=Severity.ERROR, start=start, end=token.end, text=written,
        message=f"'{written}' is one word broken by a line-break hyphen; write '{joined}'",
        suggestion=joined, confidence=0.9,
        evidence=[Evidence("lexicon", f"'{token.text}' is not a word; '{joined}' is")],
    )


def _formed(word: str, lexicon) -> bool:
    """A regular formation from known words ("reinsurers", "smartcard", "crudes", a British or
    American variant): English, unless a common word is one edit away ("occured", "untill")."""
    formation = lexicon.formation(word)
    if formation is None:
        return False
    base, _, rest = formation.partition(" + ")
    if formation.endswith(DOUBLED):
        return True  # a British spelling ("benefitting"), however close the American one is
    if base in ("un", "non") and rest.endswith("ed") and len(rest) >= 5:
        return True  # "uncited", "unevidenced": a prefixed participle, however close "united" is
    # a prefix on a word in use is a slip only of a word commoner than that word: "untill" is
    # "until" (commoner than "till"), "defund" is no slip of "defend" (rarer than "fund")
    floor = lexicon.frequency(rest) if base in PREFIXES else 0.0
    if any(s.zipf >= TYPO_OF_COMMON_ZIPF and s.word != base and s.zipf > floor
           for s in lexicon.common_neighbours(word)):
        return False
    # one ordinary slip away from a word in use (not the formation's own parts): a new word
    # made of rare parts is rarer than a slip of a word in use ("comaprisons" is "comparisons"
    # mistyped, not "coma" + "prisons"; "persued" is "pursued", not "per" + "sued")
    return not any(
        s.cost <= SLIP_COST and s.zipf >= CLEAR_ZIPF and s.zipf > floor and s.word.isalpha()
        and s.word not in (base, rest) for s in lexicon.suggest(word)
    )


def _inflected(word: str, lexicon) -> bool:
    """The last part of a hyphenated compound is a word in use (Zipf ≥ CLEAR_ZIPF: "manegers" is
    no "manège" + ers) with an inflection of the whole compound (``Lexicon.compound_inflection``):
    "take-aways", "off-roading"."""
    return lexicon.compound_inflection(word, floor=CLEAR_ZIPF) is not None


#: A letter written four times or more: the lengthening writers use for emphasis or a sung note
#: ("allllll", "woooo"); a slip of the keys adds one letter ("killled", "committeee").
_LENGTHENED = re.compile(r"([a-z])\1{3,}")
#: A vowel three times at a word's end: lengthening too ("sooo", "meee") unless two of it make the
#: word ("agreee", "tooo" are slips of "agree", "too").
_LENGTHENED_END = re.compile(r"([aeiouy])\1{2}$")


def _lengthened(word: str, lexicon) -> bool:
    """A word lengthened for emphasis: its run cut to one or two letters is a known word (a vowel
    tripled at the end: cut to one, and not to two)."""
    if _LENGTHENED.search(word):
        return any(lexicon.known(re.sub(r"([a-z])\1{2,}", run, word)) for run in (r"\1", r"\1\1"))
    if _LENGTHENED_END.search(word):
        return lexicon.known(word[:-2]) and not lexicon.known(word[:-1])
    return False


def _surest(suggestions):
    """The suggestion the hand-set score puts first (None without suggestions). How sure the
    check is comes from it; the learned order (``Suggestion.rank``) only chooses what to suggest."""
    return max(suggestions, key=lambda s: (s.score, -s.distance), default=None)


def _slip(suggestions) -> bool:
    """Whether a word is plainly a slip of a word in use: its likeliest reading by the hand-set
    score is a slip costing at most SLIP_COST (one ordinary edit) from a word at least
    CLEAR_ZIPF common. Which word was meant may still be unclear; that it is a slip is not."""
    surest = _surest(suggestions)
    return surest is not None and surest.cost <= SLIP_COST and surest.zipf >= CLEAR_ZIPF


def _name_evidence(article: AnalysedArticle, token: Token, written: Counter) -> bool:
    """Evidence beyond the tagger that a capitalised word starting its sentence is a name: the
    article writes it again, it belongs to a longer name (a capitalised neighbour), or it signs
    in its writer ("Skander here." "Jo here, with the week's news": a name and "here" closing
    the phrase)."""
    if written[token.lower] > 1:
        return True
    tokens = article.tokens
    for k in (token.i - 1, token.i + 1):
        if 0 <= k < len(tokens) and tokens[k].sent == token.sent and tokens[k].is_title:
            return True
    here, after = token.i + 1, token.i + 2
    return (here < len(tokens) and tokens[here].lower == "here" and tokens[here].sent == token.sent
            and (after >= len(tokens) or tokens[after].sent != token.sent or tokens[after].text in SIGN_IN_ENDS))


#: What may close a writer's sign-in ("Skander here." "Jo here, with …" "Sam here — and …").
SIGN_IN_ENDS = frozenset({".", ",", "!", "—", "–", "-", ":", ";"})


def _neighbours(article: AnalysedArticle, token: Token) -> tuple[str | None, str | None]:
    """The lower-case words right before and after ``token`` in its sentence, looking past
    quotation marks (None at an edge or beside other punctuation)."""
    tokens = article.tokens
    out: list[str | None] = []
    for step in (-1, 1):
        k = token.i + step
        while 0 <= k < len(tokens) and tokens[k].sent == token.sent and tokens[k].text in QUOTE_MARKS:
            k += step
        near = tokens[k] if 0 <= k < len(tokens) else None
        out.append(near.lower if near is not None and near.sent == token.sent and near.text.isalpha() else None)
    return out[0], out[1]


def _mentioned(text: str, token: Token) -> bool:
    """Whether the word stands in a short quotation of its own: “liberati”, "control freakery"."""
    window = MENTION_WORDS * 15
    before = text[max(0, token.start - window) : token.start]
    after = text[token.end : token.end + window]
    opening = max(before.rfind(mark) for mark in OPENING_MARKS)
    closing = min((k for k in (after.find(mark) for mark in CLOSING_MARKS) if k >= 0), default=-1)
    if opening < 0 or closing < 0:
        return False
    inside = before[opening + 1 :] + token.text + after[:closing]
    if any(ch in inside for ch in ".!?;:\n") or (opening > 0 and before[opening - 1].isalnum()):
        return False
    return len(inside.split()) <= MENTION_WORDS


def _sentence_initial(article: AnalysedArticle, token: Token) -> bool:
    """No word or number comes before ``token`` in its sentence."""
    first_words = article.derived.sentence_first_words  # each sentence's, found once
    sentence = article.sentences[token.sent]
    if token.sent not in first_words:
        first_words[token.sent] = next(
            (t.i for t in article.tokens[sentence.first : sentence.last] if t.text.isalnum()),
            sentence.last,
        )
    return token.i <= first_words[token.sent]


#: Words in the Latin script (with the accented letters of loanwords and names: "café",
#: "Müller"): the English dictionaries judge nothing else. A word in Arabic, Persian, Cyrillic,
#: Greek or Chinese script is another language's, not a misspelling, and asking Hunspell for
#: suggestions on a page of them costs seconds.
_LATIN_WORD = re.compile(r"[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF]+")


#: The longest word read as an abbreviation before a full stop, and what follows such a stop when
#: it ends no sentence (a lower-case word, a figure, or a bracket before one: "(mg)", not "(AP)").
ABBREVIATION_LENGTH = 5
_ABBREVIATION_AFTER = re.compile(r" (?:[a-z0-9]|\([a-z0-9])")


def _judged(article: AnalysedArticle, token: Token, text: str, capitalised: Counter, lexicon) -> bool:
    word = token.text
    if len(word) < MIN_LENGTH or word.isupper() or not _LATIN_WORD.fullmatch(word):  # letters only
        return False
    if any(ch.isupper() for ch in word[1:]):
        return False  # camel case: a brand or product (eBay, iPhone, PlayStation)
    # a capitalised word is a name unless it merely starts the sentence (whatever the tagger
    # says: it calls unknown capitalised words proper nouns); the caller asks for more evidence
    if word[0].isupper() and (not _sentence_initial(article, token) or capitalised[word] > 0):
        return False
    # a lower-case word is judged whatever its tag: the parser calls unknown words proper nouns
    before = text[token.start - 1 : token.start] if token.start else ""
    after = text[token.end : token.end + 1]
    if before in "@#/\\._-*" and before or after in "@/\\_-*" and after:
        # handles, hashtags, paths, file names, parts of URLs; the parts of a hyphenated word
        # (but ``_hyphen_part``), often combining forms that are no words alone ("petro-",
        # "psy-ops", "-itis"); and what is left of a word censored with asterisks ("a**")
        return False
    # a domain name ("example.com") is not judged
    if after == "." and text[token.end + 1 : token.end + 2].isalpha():
        return False
    # nor a short word abbreviated with a full stop that ends no sentence ("chol. (mg) 259",
    # "carb. (g) 36", "approx. 5 km"): the start of a longer word (``Lexicon.abbreviates``)
    return not (after == "." and len(word) <= ABBREVIATION_LENGTH
                and _ABBREVIATION_AFTER.match(text, token.end + 1) is not None
                and lexicon.abbreviates(word.lower()))


def _hyphen_part(text: str, token: Token, lexicon) -> bool:
    """``token`` is a lower-case word of at least HYPHEN_PART_LENGTH letters joined by one hyphen
    to another word of letters ("cross-platfomr", "ex-maangers", "TV-enabed"): a part of a
    compound, judged like a quoted word (a plain slip only): most combining forms that are no
    words alone are shorter ("psy-ops", "-itis"), the longer ones are known to the dictionaries
    ("pseudo-", "socio-"), and a compound's halves are rarely a slip of a common word."""
    if len(token.text) < HYPHEN_PART_LENGTH or not token.text.islower() or not _LATIN_WORD.fullmatch(token.text):
        return False
    before = text[max(0, token.start - 2) : token.start]
    after = text[token.end : token.end + 2]
    joined_before = before[-1:] == "-" and before[:1].isalpha()
    joined_after = after[:1] == "-" and after[1:].isalpha()
    if joined_before == joined_after:
        return False  # not joined, or in the middle of a longer chain ("state-of-the-art")
    # the hyphen joins two words: nothing else touches the part's other edge
    edge = text[token.end : token.end + 1] if joined_before else text[token.start - 1 : token.start]
    if edge and (edge.isalnum() or edge in "@#/\\_*-"):
        return False
    # ... and the other word is a known word, with nothing joined to it either: not a chain
    # ("anger-in-here-is-palpa", a web address cut short) nor a sound ("tsk-tsking")
    if joined_before:
        stop = token.start - 1
        begin = stop
        while begin > 0 and text[begin - 1].isalpha():
            begin -= 1
        outer = text[begin - 1 : begin] if begin else ""
    else:
        begin = token.end + 1
        stop = begin
        while stop < len(text) and text[stop].isalpha():
            stop += 1
        outer = text[stop : stop + 1]
    other = text[begin:stop]
    if outer and (outer.isalnum() or outer in "@#/\\_*-."):
        return False
    if token.lower.startswith(other.lower()) or other.lower().startswith(token.lower):
        return False  # a word said twice, inflected the second time: "tsk-tsking", "tut-tutted"
    return lexicon.known(other) or lexicon.known(other.lower())


def _finding(token: Token, lexicon, repeats: int, suggestions) -> Finding:
    best = suggestions[0] if suggestions else None  # what is suggested: the learned order's first
    surest = _surest(suggestions)  # what decides the severity: the hand-set score's first
    own = lexicon.frequency(token.lower)
    clear = (
        best is not None
        and best.distance == 1
        and best.zipf >= (CLEAR_ZIPF if best.word.isalpha() else CLEAR_RUN_ON_ZIPF)
        # the hand-set score puts the learned order's first ahead of every other by a clear
        # margin, so the two orders agree (``best`` is ``surest``)
        and all(best.score - other.score >= CLEAR_MARGIN for other in suggestions[1:])
        # writers rarely get the first letter of a word wrong (studies of real misspellings put
        # it under a tenth of them): an edit there ("pled" -> "led", "tased" -> "based") more
        # often means a word the dictionaries lack than a typo, so it is not an error
        and best.word[:1] == token.lower[:1]
        and len(token.text) >= ERROR_LENGTH
        and not (own >= RIVAL_ZIPF and own >= best.zipf - RIVAL_GAP)
    )
    language, foreign_zipf = lexicon.foreign(token.lower)
    foreign = foreign_zipf >= FOREIGN_ZIPF and (
        surest is None or surest.zipf - foreign_zipf < FOREIGN_MARGIN
    )
    # a letter English is not typed with (æ, ṣ, ø) is put in on purpose, not slipped into: an
    # archaic, foreign or transliterated spelling ("hæmorrhage", "kṣa"), not a slip of an
    # English word written without it
    marked = not token.text.isascii() and best is not None and best.word.isascii()
    if foreign or marked:
        severity, confidence = Severity.INFO, 0.2  # a word of another language or another age
    elif clear and repeats == 1:
        severity, confidence = Severity.ERROR, 0.9
    elif surest is not None and repeats == 1 and surest.cost <= WARNING_COST:
        severity, confidence = Severity.WARNING, 0.6
    else:
        severity, confidence = Severity.INFO, 0.3  # no suggestion, or a term used repeatedly
    suggestion = None
    if best is not None:
        suggestion = best.word.capitalize() if token.is_title else best.word
    evidence = [Evidence("lexicon", f"'{token.text}' is not in the English dictionaries (en_US, en_GB)"
                         f" and is rare in English text (Zipf {own:.1f})")]
    if suggestions:
        listed = ", ".join(f"{s.word} ({s.distance} edit{'s' if s.distance > 1 else ''}, Zipf {s.zipf:.1f})"
                           for s in suggestions[:3])
        evidence.append(Evidence("lexicon", f"nearest known words: {listed}"))
    if foreign:
        evidence.append(Evidence("lexicon", f"common in another language ({language}, Zipf {foreign_zipf:.1f})"))
    elif marked:
        evidence.append(Evidence("lexicon", "written with a letter outside English's alphabet: a spelling of"
                                 " another language or another age, not a slip"))
    if repeats > 1:
        evidence.append(Evidence("article", f"written {repeats} times in this article: perhaps a term"))
    message = f"'{token.text}' is not an English word"
    if suggestion:
        message += f"; did you mean '{suggestion}'?"
    return Finding(
        check="spelling", severity=severity, start=token.start, end=token.end, text=token.text,
        message=message, suggestion=suggestion, confidence=confidence, evidence=evidence,
    )
