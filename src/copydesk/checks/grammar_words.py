"""Closed word classes and token helpers shared by the ``grammar.*`` checks.

Not a check: the registry loads only the modules in ``BUILTIN_MODULES``. Every list here is a
closed class of English (forms of *be*, *have*, *do*, the modals, prepositions, wh-words) or a
small set of verbs defined by what they do in a clause (verbs that take a clause as object), so
the rules that read them follow from how the language works, not from a list of phrases.
"""

from __future__ import annotations

from copydesk.analyse.document import AnalysedArticle, Token
from copydesk.model import Evidence, Finding, Severity

QUOTE_MARKS = frozenset({'"', "“", "”", "‘", "’", "'", "``", "''"})
BE = frozenset({"be", "is", "are", "was", "were", "am", "been", "being", "'s", "’s", "'re", "’re", "'m", "’m"})
FINITE_BE = frozenset({"is", "are", "was", "were", "am"})
HAVE = frozenset({"have", "has", "had", "having", "'ve", "’ve"})
FINITE_HAVE = frozenset({"have", "has", "had"})
DO = frozenset({"do", "does", "did"})
MODALS = frozenset({"will", "would", "can", "could", "shall", "should", "may", "might", "must",
                    "'ll", "’ll", "'d", "’d", "ca", "wo"})
NEGATION = frozenset({"not", "n't", "n’t", "never"})
#: Finite auxiliaries: a clause has one of these at most before its verb.
FINITE_AUX = FINITE_BE | FINITE_HAVE | DO | (MODALS - {"'ll", "’ll", "'d", "’d", "ca", "wo"})
#: Prepositions proper: they take a noun phrase, never a clause, so "of it's" can only be "of
#: its". (Words that also join clauses — as, like, than, until, before, after, since — are not here.)
PREPOSITIONS = frozenset({
    "of", "in", "on", "at", "for", "with", "from", "by", "under", "over", "into", "onto",
    "through", "throughout", "about", "against", "during", "without", "within", "between",
    "among", "amongst", "across", "towards", "toward", "behind", "beyond", "despite", "upon",
    "beneath", "inside", "outside", "around", "near", "via", "per", "to", "above", "below",
})
WH_WORDS = frozenset({"what", "whatever", "where", "wherever", "who", "whoever", "whom", "which",
                      "whichever", "how", "why", "when", "all", "everything", "anything", "that"})
#: Verbs that take a clause as their object ("said it's", "think they're", "hope you're"):
#: after these a contraction starts a clause; after any other verb it is the verb's object.
CLAUSE_VERBS = frozenset({
    "say", "tell", "think", "know", "believe", "hope", "fear", "feel", "guess", "suppose",
    "suspect", "expect", "realise", "realize", "understand", "mean", "reckon", "wish", "bet",
    "doubt", "insist", "warn", "claim", "admit", "agree", "argue", "add", "seem", "appear",
    "hear", "see", "find", "show", "prove", "assume", "confirm", "deny", "explain",
    "promise", "reply", "report", "stress", "suggest", "worry", "predict", "announce", "decide",
    "imagine", "notice", "recall", "remember", "forget", "learn", "discover", "accept",
})


def next_word(article: AnalysedArticle, token: Token, k: int = 1) -> Token | None:
    """The k-th token after ``token`` in its sentence, quotation marks skipped."""
    sentence = article.sentences[token.sent]
    seen = 0
    for other in article.tokens[token.i + 1 : sentence.last]:
        if other.text in QUOTE_MARKS:
            continue
        seen += 1
        if seen == k:
            return other
    return None


def previous_word(article: AnalysedArticle, token: Token, k: int = 1) -> Token | None:
    """The k-th token before ``token`` in its sentence, quotation marks skipped."""
    sentence = article.sentences[token.sent]
    seen = 0
    for other in reversed(article.tokens[sentence.first : token.i]):
        if other.text in QUOTE_MARKS:
            continue
        seen += 1
        if seen == k:
            return other
    return None


def sentence_before(article: AnalysedArticle, token: Token) -> list[Token]:
    """The tokens of ``token``'s sentence before it."""
    return article.tokens[article.sentences[token.sent].first : token.i]


def apostrophe(article: AnalysedArticle) -> str:
    """The apostrophe the article itself uses (curly or straight)."""
    text = article.text
    return "’" if text.count("’") > text.count("'") else "'"


def is_finite_verb(token: Token | None) -> bool:
    return token is not None and (token.tag in ("VBD", "VBZ", "VBP", "MD") or token.lower in FINITE_AUX)


def finite_verb_ahead(article: AnalysedArticle, token: Token, *, stop_at: frozenset[str] = frozenset()) -> bool:
    """A finite verb follows ``token`` before the next punctuation (or a word of ``stop_at``, a
    relative word that opens a clause of its own): "coaches who past England captains had
    praised", "one voters in marginal seats care about", "what your signing means"."""
    for other in article.tokens[token.i + 1 : article.sentences[token.sent].last]:
        if other.pos == "PUNCT" or other.lower in stop_at:
            return False
        if is_finite_verb(other):
            return True
    return False


def is_noun(token: Token | None) -> bool:
    return token is not None and token.pos == "NOUN" and token.tag in ("NN", "NNS")


SUBJECT_DEPS = frozenset({"nsubj", "csubj", "nsubjpass"})


def gerund_as_subject(article: AnalysedArticle, word: Token) -> bool:
    """After a possessive, ``word`` heads a phrase that is the subject of its clause ("Your going
    out at night worried your mother", "Your leaving early upset the hosts"): the parse says so,
    or, for an "-ing" form, a finite verb follows — before any punctuation when the possessive
    opens the sentence, else one the gerund's phrase is the subject of by the parse."""
    if word.dep in SUBJECT_DEPS:
        return True
    if word.tag != "VBG":
        return False
    sentence = article.sentences[word.sent]
    later = article.tokens[word.i + 1 : sentence.last]
    negated = previous_word(article, word) is not None and previous_word(article, word).lower in NEGATION
    possessive_opens = previous_word(article, word, 3 if negated else 2) is None  # "Your (not) going"
    if possessive_opens:
        for other in later:
            if other.pos == "PUNCT":
                break
            if is_finite_verb(other) and other.lower not in ("'s", "’s", "'re", "’re"):
                return True
    if not any(is_finite_verb(t) for t in later):
        return False
    node = word
    for _ in range(4):  # the gerund's phrase, up its heads, is a subject
        if node.dep in SUBJECT_DEPS:
            return True
        if node.head == node.i:
            return False
        node = article.tokens[node.head]
    return False


def noun_after_modifiers(article: AnalysedArticle, token: Token, limit: int = 3, *,
                         participles: bool = False) -> Token | None:
    """The common noun that ends the adjectives after ``token`` ("it's new owners" -> owners),
    or None when something else ends them. With ``participles``, a participle the parse attaches
    to the noun as its modifier and the hyphen of a compound modifier are modifiers too ("it's
    ageing fleet", "it's waiting-time targets")."""
    for k in range(1, limit + 2):
        other = next_word(article, token, k)
        if other is None:
            return None
        if is_noun(other) and article.text[other.end : other.end + 1] != "-":
            return other
        if other.pos == "ADJ" and other.tag in ("JJ", "JJR", "JJS"):
            continue
        if participles and (other.tag in ("VBG", "VBN") and other.dep == "amod" or other.tag == "HYPH"
                            or (is_noun(other) or other.pos == "NUM") and article.text[other.end : other.end + 1] == "-"):
            continue
        return None
    return None


def word_past(article: AnalysedArticle, token: Token, skip: tuple[str, ...] = ("DET", "ADJ", "NUM"),
              reach: int = 3) -> Token | None:
    """The first word after ``token`` whose part of speech is not in ``skip``, looking at most
    ``reach`` words ahead past those ("to the next runner" -> runner, "passed few England
    captains" with PROPN skipped -> captains); None at the sentence's end."""
    word = next_word(article, token)
    while word is not None and word.pos in skip and word.i - token.i <= reach:
        word = next_word(article, word)
    return word


def match_case(written: str, suggestion: str) -> str:
    if written[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def finding(check: str, article: AnalysedArticle, start: int, end: int, suggestion: str,
            reason: str, *, severity: Severity = Severity.WARNING, confidence: float = 0.7) -> Finding:
    """A finding of a ``grammar.*`` check: ``suggestion`` replaces ``[start, end)``, with the
    capital of the written word kept."""
    text = article.text
    written = text[start:end]
    suggestion = match_case(written, suggestion)
    context = text[max(0, start - 30) : min(len(text), end + 30)].split("\n")
    shown = max(context, key=len).strip()
    return Finding(
        check=check, severity=severity, start=start, end=end, text=written,
        message=f"'{written}' should probably be '{suggestion}': {reason}",
        suggestion=suggestion, confidence=confidence,
        evidence=[Evidence("grammar", f"context: “…{shown}…”; {reason}")],
    )


def a_person(noun: Token, lexicon) -> bool:
    """A person: a personal pronoun, a name of a person, or a noun whose first sense is one."""
    if noun.lower in ("him", "her", "them", "me", "us", "you"):
        return True
    if noun.ent_type == "PERSON":
        return True
    return noun.pos == "NOUN" and noun.text.islower() and lexicon.animate(noun.lemma or noun.lower, first_sense=True) is True


def person_subject(article: AnalysedArticle, verb: Token, lexicon) -> bool:
    """The subject of ``verb`` is a person: "he", "she", "I", "we", "you", a name or a noun whose
    first WordNet sense is a person ("the manager")."""
    for child in article.children(verb):
        if child.dep in ("nsubj", "nsubjpass"):
            return child.lower in ("he", "she", "i", "we", "you") or child.ent_type == "PERSON" \
                or child.pos == "NOUN" and lexicon is not None and lexicon.person(child.lemma.lower()) is True
    return False


def shown_feeling(article: AnalysedArticle, token: Token, lexicon) -> bool:
    """The noun "affect" (WordNet: the feeling a person shows) as a person's: a person owns it
    ("the patient's blunted affect", "her affect") or a person shows, displays or has it as the
    subject of a verb other than "have", "take", "make" ("the defendant showed a flat affect"),
    and no "on" or "upon" follows, which an effect takes ("had a big affect on sales")."""
    for k in (1, 2, 3, 4):
        other = next_word(article, token, k)
        if other is None or other.text in (".", ";", "!", "?"):
            break
        if other.lower in ("on", "upon"):
            return False
    if any(c.dep == "poss" and (c.lower in ("his", "her", "their", "my", "your") or c.ent_type == "PERSON" or a_person(c, lexicon))
           for c in article.children(token)):
        return True
    if token.dep != "dobj" or token.head == token.i:
        return False
    verb = article.tokens[token.head]
    return verb.lemma.lower() not in ("have", "take", "make", "produce", "cause") and person_subject(article, verb, lexicon)
