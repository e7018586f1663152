"""``acronyms.typo``: an all-capitals token that is not a known acronym but is one edit or one
transposition away from a known one (``the WOT ruled`` → WTO)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from rapidfuzz.distance import OSA
from wordfreq import zipf_frequency

from copydesk.analyse.acronyms import find_expansions
from copydesk.analyse.document import AnalysedArticle, Token
from copydesk.checks.registry import register
from copydesk.knowledge import Knowledge
from copydesk.model import Evidence, Finding, Severity

MIN_LENGTH, MAX_LENGTH = 3, 6
#: An all-capitals word this common in English is a word written for emphasis ("FREE").
COMMON_WORD_ZIPF = 3.5
#: A known acronym this common in English text is well known enough to be the intended one.
WELL_KNOWN_ZIPF = 2.8


def _is_candidate_token(token: Token) -> bool:
    text = token.text
    return MIN_LENGTH <= len(text) <= MAX_LENGTH and text.isalpha() and text.isupper()


def _shouting(analysed: AnalysedArticle, token: Token, cache: dict[int, bool] | None = None) -> bool:
    """A sentence mostly in capitals (a headline, a kicker) says nothing about acronyms.
    ``cache`` keeps the answer per sentence (a sentence is read once, however long)."""
    if cache is not None and token.sent in cache:
        return cache[token.sent]
    words = [t for t in analysed.sentence_tokens(analysed.sentences[token.sent]) if t.text.isalpha()]
    shouting = len(words) >= 3 and sum(t.text.isupper() for t in words) > len(words) / 2
    if cache is not None:
        cache[token.sent] = shouting
    return shouting


@register("acronyms.typo", severity="error")
def check(article: AnalysedArticle, knowledge: Knowledge) -> Iterator[Finding]:
    """An unknown all-capitals word one edit or transposition away from a known acronym."""
    kb = knowledge.kb
    known = kb.all_acronyms()
    # a known name (a company's, without expansion) is never flagged, and never suggested either
    targets = kb.expanded_acronyms()
    defined = {e.acronym for e in find_expansions(article)}
    counts = Counter(t.text for t in article.tokens if t.text.isupper() and t.text.isalpha())
    cache: dict[str, Finding | None] = {}
    spelt_out: set[str] | None = None  # computed at the first candidate: most articles have none
    shouting: dict[int, bool] = {}
    for token in article.tokens:
        if not _is_candidate_token(token) or token.text in known or token.text in defined:
            continue
        if spelt_out is None:
            spelt_out = _initials_in(article)
        if (_shouting(article, token, shouting) or counts[token.text] > 1 or token.text in spelt_out
                or _defined_here(article, token)):
            continue  # an acronym the article uses again, or spells out, is its own
        if token.text not in cache:
            cache[token.text] = _judge(token.text, targets, counts)
        template = cache[token.text]
        if template is None or _paired_with(article, token, template.suggestion):
            continue  # "SMS/MMS": two things named side by side, not one mistyped
        if template.severity < Severity.ERROR and _part_of_name(article, token) and not _name_fits(
            article, token, template.suggestion, kb
        ):
            continue  # "CSP Business Media": the start of a name the knowledge base lacks
        yield Finding(
            check=template.check, severity=template.severity, start=token.start, end=token.end,
            text=token.text, message=template.message, suggestion=template.suggestion,
            confidence=template.confidence, evidence=list(template.evidence),
        )


def _part_of_name(analysed: AnalysedArticle, token: Token) -> bool:
    """Letters that begin a longer name: "CSP Business Media", "WNBC-TV", "CTV News"."""
    tokens = analysed.tokens
    if token.i + 1 >= len(tokens):
        return False
    after = tokens[token.i + 1]
    if after.start == token.end and after.text[:1] in "-–":
        return True
    return after.sent == token.sent and after.is_title and after.pos == "PROPN"


#: Words that go on the names of organisations of a kind ("BBC News", "the FIFA World Cup"): an
#: unknown acronym followed by one of these fits the famous organisation it resembles.
NAME_WORDS = {
    "media": {"news", "radio", "television", "tv", "online", "world", "worldwide", "sport",
              "one", "two", "three", "four", "america", "international", "channel", "website",
              "newsnight", "breakfast", "politics", "scotland", "wales", "london", "today"},
    "sport": {"cup", "league", "championship", "championships", "tournament", "finals",
              "council", "congress", "president", "rankings"},
    "party": {"leader", "conference", "candidate", "candidates", "manifesto", "members", "mp",
              "mps", "mep", "meps", "councillor", "councillors", "spokesman", "spokeswoman"},
}


def _name_fits(analysed: AnalysedArticle, token: Token, acronym: str | None, kb) -> bool:
    """Whether the name word after ``token`` fits the organisation ``acronym`` stands for:
    "BCB News" fits the BBC (a broadcaster), "CSP Business Media" fits no Crown Prosecution
    Service."""
    if acronym is None or token.i + 1 >= len(analysed.tokens):
        return False
    following = analysed.tokens[token.i + 1].lower
    for record in kb.expansions(acronym):
        entity = kb.entity(record.entity_key) if record.entity_key else None
        if entity is not None and following in NAME_WORDS.get(entity.subkind or "", ()):
            return True
    return False


def _defined_here(analysed: AnalysedArticle, token: Token) -> bool:
    """The acronym in brackets right after the words it stands for, in any case: "single
    sign-on (SSO)", "personal knowledge management (PKM)" (the parts of a hyphenated word count
    as words, small words may be skipped)."""
    tokens = analysed.tokens
    i = token.i
    if i < 2 or tokens[i - 1].text != "(":
        return False
    words = [t.lower for t in tokens[max(0, i - 2 - 2 * len(token.text)) : i - 1]
             if t.text.isalpha() and t.sent == token.sent]
    letters = token.text.lower()
    # the initials of the last words, small words allowed to be skipped
    initials = [w[0] for w in words if w not in SMALL_WORDS]
    return "".join(initials[-len(letters):]) == letters or "".join(w[0] for w in words[-len(letters):]) == letters


def _paired_with(analysed: AnalysedArticle, token: Token, acronym: str | None) -> bool:
    """The acronym it resembles stands next to it, joined by a slash, "and", "or", "&" or a
    comma, perhaps with "the" ("SMS/MMS", "the HMA and the HMR"): the two are named as different things."""
    if acronym is None:
        return False
    text, word = analysed.text, re.escape(token.text)
    window = text[max(0, token.start - len(acronym) - 12) : token.end + len(acronym) + 12]
    joint = r"\s*(?:/|,|&|\band\b|\bor\b|\bvs\.?)\s*(?:the\s+)?"
    other = re.escape(acronym)
    return bool(re.search(rf"\b{other}{joint}{word}\b|\b{word}{joint}{other}\b", window))


#: Small words an acronym's initials may skip ("Department of Justice" → DOJ or DJ).
SMALL_WORDS = frozenset({"of", "for", "and", "the", "on", "in", "to", "a", "an", "&"})


def _initials_in(analysed: AnalysedArticle) -> set[str]:
    """Acronyms the article spells out somewhere: the initials of each run of capitalised words
    ("the Scottish Football Association" gives SFA), small words such as "of" skipped."""
    found: set[str] = set()
    run: list[str] = []
    for token in list(analysed.tokens) + [None]:
        if token is not None and token.is_title and token.text.isalpha():
            run.append(token.text)
            continue
        if token is not None and run and token.lower in ("of", "for", "and", "the", "on", "&"):
            run.append(token.lower)
            continue
        words = [w for w in run if w[:1].isupper()]
        for i in range(len(words)):
            for j in range(i + 2, min(len(words), i + 6) + 1):
                found.add("".join(w[0] for w in words[i:j]))
        run = []
    return found


def _judge(word: str, known: frozenset[str], counts: Counter) -> Finding | None:
    """A finding template for ``word``, or None.

    The known acronym must fit the context: it is written elsewhere in the article, or the word
    is a transposition of a well-known acronym (common in English text) written only once — an
    unknown acronym used several times is the article's own, not a slip."""
    if zipf_frequency(word.lower(), "en") >= COMMON_WORD_ZIPF:
        return None  # a word in capitals for emphasis
    candidates = []
    own = zipf_frequency(word.lower(), "en")
    for acronym in known:
        if abs(len(acronym) - len(word)) > 1 or not acronym.isalpha():
            continue
        if len(acronym) != len(word) and (min(len(acronym), len(word)) < 3 or word == acronym + "S"):
            continue  # a letter more than a two-letter acronym (PKM, PM), or a plural (URLS)
        if OSA.distance(word, acronym, score_cutoff=1) > 1:
            continue
        transposed = sorted(acronym) == sorted(word)
        in_article = counts.get(acronym, 0) > 0
        prominence = zipf_frequency(acronym.lower(), "en")
        if own >= WELL_KNOWN_ZIPF and own >= prominence:
            continue  # well known itself, and as common as the acronym it resembles: its own
        if not in_article and not (transposed and counts[word] == 1 and prominence >= WELL_KNOWN_ZIPF):
            continue
        candidates.append((in_article, transposed, prominence, acronym))
    if not candidates:
        return None
    candidates.sort(reverse=True)
    best = candidates[0]
    runner_up = candidates[1] if len(candidates) > 1 else None
    clear = runner_up is None or best[:2] > runner_up[:2] or best[2] - runner_up[2] >= 1.0
    if not clear:
        return None
    in_article, transposed, prominence, acronym = best
    how = "its letters transposed" if transposed else "one letter different"
    evidence = [Evidence("kb", f"{acronym} is a known acronym; {word} is not ({how})")]
    if in_article:
        evidence.append(Evidence("article", f"{acronym} is written elsewhere in this article"))
    else:
        evidence.append(Evidence("frequency", f"{acronym} is a well-known acronym (Zipf {prominence:.1f})"))
    if runner_up is not None:
        others = ", ".join(c[3] for c in candidates[1:4])
        evidence.append(Evidence("kb", f"other known acronyms that would fit: {others}"))
    return Finding(
        # the intended acronym written elsewhere in the article is evidence; a transposition of
        # a famous acronym alone is a guess that real but unknown names also fit
        check="acronyms.typo", severity=Severity.ERROR if in_article else Severity.WARNING,
        start=0, end=0, text=word,
        message=f"'{word}' is not a known acronym; {acronym} has the same letters"
        if transposed else f"'{word}' is not a known acronym; did you mean {acronym}?",
        suggestion=acronym, confidence=0.9 if in_article or transposed else 0.6, evidence=evidence,
    )
