"""``grammar.usage``: words that sound alike used for each other — in the positions
``grammar.confusables`` leaves alone, and the pairs it does not know.

``grammar.confusables`` reads a few sure patterns and ships at error; this check reads every
position where the parse makes the intended word clear, and starts at info until its precision
on real text is measured. Each rule reads what the word does in its clause:

- a contraction (it's, you're, they're, who's) where only a possessive fits: after a
  preposition ("of it's"), after an auxiliary ("has you're"), before a noun that is the subject
  of the next verb ("who's home was flooded"), before a noun that is the object of a verb that
  takes no clause ("published it's report"), before "own" or a plural noun ("it's new owners");
- a possessive (their, your, whose) where only "X is/are" fits: before a verb form, or an
  adjective that ends its phrase ("your unhappy with", "whose responsible for");
- "there" where a possessive is meant (before a noun that is the subject of the next verb or
  the object of a verb or a preposition);
- than/then by whether the sentence has a comparison before it;
- affect/effect, lose/loose, led/lead, passed/past, principal/principle,
  complement/compliment, discreet/discrete, who/whom, even thought/though by the part of
  speech and the words around them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from copydesk.analyse.attribution import is_cue
from copydesk.analyse.document import AnalysedArticle, Token
from copydesk.checks.grammar_words import (
    BE,
    CLAUSE_VERBS,
    DO,
    FINITE_BE,
    HAVE,
    MODALS,
    NEGATION,
    PREPOSITIONS,
    apostrophe,
    finding,
    is_finite_verb,
    is_noun,
    next_word,
    noun_after_modifiers,
    previous_word,
    sentence_before,
)
from copydesk.checks.registry import register
from copydesk.knowledge import Knowledge
from copydesk.model import Finding

CHECK = "grammar.usage"
#: rule -> (start, end, suggestion, reason) or None
Hit = "tuple[int, int, str, str] | None"
CONTRACTIONS = {"it": "its", "you": "your", "they": "their", "who": "whose"}
POSSESSIVE_FOR = {"your": "you're", "their": "they're", "whose": "who's"}
COMPARATIVE_WORDS = frozenset({"more", "less", "fewer", "rather", "other", "else", "sooner",
                               "different", "differently", "otherwise"})
#: Nouns for what "effect" (bring about) takes as object: a change of some kind.
CHANGE_NOUNS = frozenset({"change", "changes", "reform", "reforms", "transformation",
                          "improvement", "improvements", "repair", "repairs", "rescue",
                          "recovery", "cure", "escape", "compromise", "settlement", "transfer",
                          "transition", "turnaround", "shift", "entry", "withdrawal"})
#: Verbs that take "loose" as the state they leave something in ("break loose", "set loose").
RESULT_VERBS = frozenset({"break", "set", "let", "cut", "turn", "come", "shake", "work", "get",
                          "hang", "run", "tear", "pull", "cast", "wriggle", "slip", "burst"})
#: Words that count a noun: "three discrete modules", "several discrete groups".
COUNTING = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                      "several", "many", "various", "numerous", "multiple", "separate", "distinct"})
QUANTIFIERS = frozenset({"some", "many", "all", "none", "both", "several", "most", "each", "one",
                         "two", "three", "four", "five", "either", "neither", "few", "any", "half",
                         "majority", "minority", "number", "rest"})


def _contraction(article: AnalysedArticle, token: Token) -> tuple[Token, Token] | None:
    """(pronoun, contracted verb) when ``token`` is it/you/they/who followed by 's or 're."""
    if token.lower not in CONTRACTIONS:
        return None
    following = article.tokens[token.i + 1] if token.i + 1 < len(article.tokens) else None
    if following is None or following.start != token.end or following.sent != token.sent:
        return None
    if following.lower.replace("’", "'") not in ("'s", "'re"):
        return None
    if token.lower in ("it", "who") and following.lower.replace("’", "'") != "'s":
        return None
    if token.lower in ("you", "they") and following.lower.replace("’", "'") != "'re":
        return None
    return token, following


def _rule_contraction_possessive(article: AnalysedArticle, token: Token, lexicon=None) -> Hit:
    """it's/you're/they're/who's where only the possessive fits."""
    pair = _contraction(article, token)
    if pair is None:
        return None
    pronoun, verb = pair
    wanted = CONTRACTIONS[pronoun.lower]
    reason = f"'{article.text[pronoun.start:verb.end]}' means '{pronoun.lower} {'is' if verb.lower.endswith('s') else 'are'}'; the possessive is '{wanted}'"
    hit = (pronoun.start, verb.end, wanted, reason)
    before = previous_word(article, pronoun)
    after = next_word(article, verb)
    if after is None:
        return None
    if after.lower == "own":
        return hit
    if before is not None and before.lower in PREPOSITIONS and (before.lower != "to" or before.tag == "IN"):
        return hit  # "of it's", "under it's new owners", "apologised to it's passengers"
    if before is not None and before.lower == "all" and previous_word(article, pronoun, 2) is not None \
            and previous_word(article, pronoun, 2).lower in PREPOSITIONS:
        return hit  # "for all it's faults"
    noun = noun_after_modifiers(article, verb)
    if noun is None:
        return None
    beyond = next_word(article, noun)
    if beyond is not None and beyond.lower == "of":
        return None  # "it's tens of thousands", "it's a matter of"
    if pronoun.lower == "who" and before is None:
        # a question: "Who's car was parked", "Who's side are you on" — the noun is followed by a verb
        return hit if is_finite_verb(beyond) else None
    if is_finite_verb(beyond) and beyond.lower not in ("'s", "’s"):
        return hit  # the noun is the subject of the next verb: "who's home was flooded"
    if pronoun.lower == "who" and beyond is not None and beyond.pos in ("PRON", "DET") and any(
        is_finite_verb(next_word(article, beyond, k)) for k in (1, 2, 3)
    ):
        return hit  # the noun opens a clause with its own subject: "who's book this is", "who's fault the delay was"
    if before is not None and before.pos == "AUX" and before.lower not in ("'s", "’s"):
        return hit  # "Has you're bank raised"
    if pronoun.lower == "it" and noun is after and noun.tag == "NNS" and before is not None and before.pos == "CCONJ":
        return hit  # "the council and it's plans": "it is" takes no bare plural
    if before is not None and before.pos == "VERB" and before.lemma.lower() not in CLAUSE_VERBS and not is_cue(before):
        if noun.ent_type in ("DATE", "TIME"):
            return None
        return hit  # "published it's report", "check you're ticket"
    return None


#: Degree words that modify an adjective ("so", "very"): "your very kind" is "you're very kind"
#: unless a noun follows ("your very first car").
INTENSIFIERS = frozenset({"so", "very", "too", "really", "quite", "absolutely", "totally", "completely"})


def _predicate_adjective(article: AnalysedArticle, word: Token) -> bool:
    """Whether ``word``, an adjective by its tag, is used as a predicate: followed by the
    preposition "about" or the end of its clause (a comma before a conjunction, or the
    sentence's end) and nothing a noun could head. Adjectives that can also be nouns ("wrong",
    "busy") pass only here, where a noun after a possessive does not stand."""
    after = next_word(article, word)
    if after is None:
        return False  # the sentence ends: "It was your wrong" is rare, but "for your good" is not
    if after.lower == "about":
        return True
    if after.text == ",":
        beyond = next_word(article, after)
        if beyond is None or beyond.lower not in ("but", "and", "so"):
            return False
        # a new clause, not a list of modifiers before a noun ("their personal, and often
        # anonymous blogs")
        following = next_word(article, beyond)
        return following is not None and following.pos in ("PRON", "VERB", "AUX", "INTJ", "DET")
    return False


def _ends_without_noun(article: AnalysedArticle, word: Token) -> bool:
    """``word`` (a verb form, adjective or adverb) is not followed by a noun it modifies:
    "your going to", "whose responsible for", "their worried about"."""
    if article.text[word.end : word.end + 1] in ("-", "‐"):
        return False  # "their next-best thing", "their mangled-Spanish signs": a compound modifier
    after = next_word(article, word)
    return after is None or after.pos in ("ADP", "PART", "PUNCT", "DET", "PRON", "SCONJ", "ADV", "AUX", "CCONJ") \
        or after.lower in ("to", "that")


def _rule_possessive_contraction(article: AnalysedArticle, token: Token, lexicon=None) -> Hit:
    """your/their/whose where "you're/they're/who's" is meant."""
    if token.lower not in POSSESSIVE_FOR:
        return None
    wanted = POSSESSIVE_FOR[token.lower].replace("'", apostrophe(article))
    after = next_word(article, token)
    if after is None or after.lower in ("own", "own-"):
        return None
    reason = f"'{token.lower}' is possessive; '{wanted}' ({wanted.replace(apostrophe(article), ' ').replace(' s', ' is').replace(' re', ' are')}) is meant"
    hit = (token.start, token.end, wanted, reason)
    if token.lower == "their" and _finite_verb_follows(article, after):
        # "they are" takes no finite verb after it ("their still is", "their has not been"):
        # the existential "there" is meant
        return token.start, token.end, "there", "'their' is possessive; 'there' is meant"
    if after.lower in NEGATION or after.lower in ("being", "going", "getting"):
        return hit
    if after.lower in ("a", "an", "the") and token.lower != "their":
        return hit
    if after.tag in ("VBG", "VBN", "VBD") and _ends_without_noun(article, after):
        if token.lower != "whose" and (after.dep in ("nsubj", "csubj", "nsubjpass") or after.tag == "VBG" and any(
            is_finite_verb(t) for t in article.tokens[after.i + 1 : article.sentences[token.sent].last]
        ) and _gerund_subject(article, after)):
            return None  # "Your going out at night worried your mother": a gerund as subject
        return hit
    if after.pos in ("ADJ",) and after.tag == "JJ" and _modifiers_end_without_noun(article, after) \
            and not (lexicon is not None and lexicon.is_noun(after.lower)):
        return hit  # "their worried about" (but "their favourite", "their current 4.75%": nouns too)
    if after.tag == "JJ" and after.dep != "ROOT" and _predicate_adjective(article, after):
        return hit  # "your wrong about the budget", "we know your busy, but": a noun never takes "about" so
    if after.pos == "ADV" and after.lower in ("already", "still", "only", "also", "always", "just", "not", "probably", "clearly", "here"):
        return hit
    if after.lower in INTENSIFIERS:
        adjective = next_word(article, after)
        if adjective is not None and adjective.pos == "ADJ" and _modifiers_end_without_noun(article, adjective):
            return hit  # "your so right about", "your very kind": degree words modify adjectives
    if token.lower == "whose" and after.lower == "to":
        return hit
    if _before_a_preposition(article, token, after):
        return hit  # "your in trouble", "whose on call": a possessive needs its noun first
    if after.tag == "JJ" and _opens_clause(article, token) and _modifiers_end_without_noun(article, after) \
            and not is_finite_verb(next_word(article, after)) \
            and not (lexicon is not None and lexicon.is_noun(after.lower) and not _opens_clause(article, token, strict=True)):
        # "I hope your happy.", "she said their ready": the subject of a new clause. Not a word the
        # tagger reads as a noun ("announced their choice"), nor one that heads a subject ("I think
        # their favourite was"), nor, after a verb that also takes an object, an adjective that is
        # a noun too ("know their favourite by heart", "remember their dead")
        return hit
    if after.pos == "NOUN" and after.dep == "ROOT" and token.lower != "whose":
        beyond = next_word(article, after)
        if beyond is not None and beyond.lower in ("that", "to", "about", "with"):
            return hit  # "Your right that the vote was close": no verb but the contraction
    return None


#: Prepositions that cannot also be adjectives or particles: a possessive determiner never stands
#: right before one ("your in trouble" is "you're in trouble"; "your down payment", "your
#: inside knowledge" are not caught because "down" and "inside" are not here).
PLAIN_PREPOSITIONS = frozenset({"in", "on", "at", "with", "from", "into", "onto", "without",
                                "against", "among", "amongst", "for"})
#: Words after which a clause begins, so that the next word is its subject: conjunctions that
#: join clauses ("because", "if"), "that", and verbs that take a clause (``CLAUSE_VERBS``).
CLAUSE_OPENERS = frozenset({"because", "if", "when", "since", "unless", "while", "although",
                            "though", "whether", "that", "so", "sure"})


#: Verbs of saying and thinking that take a clause and hardly ever a noun object: after these a
#: possessive before an adjective that can be a noun ("said their ready", "hope their safe") is
#: still the contraction ("know their favourite", "remember their dead" are objects).
SAYING_VERBS = frozenset({"say", "think", "hope", "believe", "guess", "suppose", "reckon", "bet",
                          "insist", "argue", "add", "reply", "suggest", "assume", "suspect",
                          "realise", "realize", "tell"})


def _opens_clause(article: AnalysedArticle, token: Token, *, strict: bool = False) -> bool:
    """``token`` begins a clause after a conjunction that joins clauses ("because your wrong")
    or a verb that takes one ("I think your right"; with ``strict``, only a verb of saying or
    thinking). (At a sentence's start, "Your right to appeal" is the noun: other rules judge
    that position.)"""
    before = previous_word(article, token)
    if before is None:
        return False
    verbs = SAYING_VERBS if strict else CLAUSE_VERBS
    return before.lower in CLAUSE_OPENERS or (before.pos in ("VERB", "AUX")
                                              and before.lemma.lower() in verbs)


def _before_a_preposition(article: AnalysedArticle, token: Token, after: Token) -> bool:
    """your/their/whose right before a plain preposition, where the possessive is the subject of
    its clause: at the sentence's start, after a clause opener or a comma ("If your in trouble",
    "Your at risk", "said their at home"), or "whose" anywhere ("ask whose on call"). Not a
    title or quoted words ("their In Rainbows album", 'their "In Utero" album', '"their" in the
    clause'), not a hyphenated compound, and not a compound noun written open ("their on screen
    chemistry", "their at bats": the preposition's noun is followed by another noun or a verb)."""
    if after.lower not in PLAIN_PREPOSITIONS or after.pos != "ADP" or not after.text.islower():
        return False
    text = article.text
    if text[after.end : after.end + 1] in ("-", "‐") or text[token.end : after.start].strip():
        return False  # "their in-laws"; a quotation mark or other sign between the two words
    before = previous_word(article, token)
    if not (token.lower == "whose" or before is None or before.text in (",", ";", ":", "—", "–")
            or _opens_clause(article, token)):
        return False  # "struggled in their at bats", "cut their in house team": an object
    noun = next_word(article, after)
    beyond = next_word(article, noun) if noun is not None else None
    return not (noun is not None and noun.pos == "NOUN" and beyond is not None
                and (beyond.pos in ("NOUN", "PROPN") or is_finite_verb(beyond)))


#: Finite verbs (and "been") that can follow an existential "there" but never "they are".
_EXISTENTIAL_VERBS = frozenset({
    "is", "are", "was", "were", "'s", "’s", "has", "have", "had", "been", "will", "would",
    "can", "could", "may", "might", "must", "should", "seems", "seem", "seemed", "appears",
    "appear", "appeared", "remains", "remain", "remained", "exists", "exist", "existed",
})


def _finite_verb_follows(article: AnalysedArticle, word: Token | None) -> bool:
    """Whether ``word``, past any adverbs and negations, is a finite verb of being, having or a
    modal: what follows an existential "there" and cannot follow "they're"."""
    for _ in range(4):
        if word is None:
            return False
        if word.lower in _EXISTENTIAL_VERBS:
            return True
        if word.pos != "ADV" and word.lower not in NEGATION:
            return False
        word = next_word(article, word)
    return False


def _modifiers_end_without_noun(article: AnalysedArticle, word: Token) -> bool:
    """The modifiers from ``word`` on ("personal, and often anonymous") end in anything but a
    noun or a number."""
    current = word
    for _ in range(8):
        if article.text[current.end : current.end + 1] in ("-", "‐"):
            return False  # "big-money allies", "general-election fight"
        after = next_word(article, current)
        if after is None:
            return True
        if after.pos in ("NOUN", "PROPN", "NUM"):
            return False
        if after.pos in ("ADJ", "ADV", "CCONJ") or after.text == ",":
            current = after
            continue
        return _ends_without_noun(article, current)
    return False


def _gerund_subject(article: AnalysedArticle, gerund: Token) -> bool:
    """Whether ``gerund`` heads a phrase that is the subject of a later finite verb."""
    node = gerund
    for _ in range(4):
        if node.dep in ("nsubj", "csubj", "nsubjpass"):
            return True
        if node.head == node.i:
            return False
        node = article.tokens[node.head]
    return False


def _rule_their_there(article: AnalysedArticle, token: Token, lexicon=None) -> Hit:
    """"their will be", "their has been" -> there (``grammar.confusables`` reads "their is")."""
    if token.lower != "their":
        return None
    after = next_word(article, token)
    third = next_word(article, token, 2)
    if after is None or third is None:
        return None
    if after.lower in MODALS and third.lower == "be" or after.lower in ("has", "have", "had") and third.lower == "been":
        return token.start, token.end, "there", "'their' is possessive; 'there' is meant"
    return None


def _rule_there_their(article: AnalysedArticle, token: Token, lexicon=None) -> Hit:
    """"there" before a noun it would own: "left there seats", "there children had"."""
    if token.lower != "there" or token.tag != "EX" and token.pos not in ("ADV", "PRON"):
        return None
    before = previous_word(article, token)
    after, beyond = next_word(article, token), next_word(article, token, 2)
    if after is not None and beyond is not None and after.tag in ("VBP", "NN", "NNS") and beyond.lower in ("has", "have", "had", "is", "are", "was", "were") \
            and (before is None or before.pos in ("VERB",)) and before is not None and before.lemma.lower() in CLAUSE_VERBS | {"say"}:
        return token.start, token.end, "their", "'there' is a place; the possessive is 'their'"  # "say there pay has"
    if after is not None and after.tag == "JJS" and before is not None and before.pos == "VERB":
        return token.start, token.end, "their", "'there' is a place; the possessive is 'their'"  # "did there best"
    if after is not None and after.tag == "VBG" and after.lower != "being" and article.text[token.end:after.start].strip() == "" \
            and (before is None or before.pos in ("PUNCT", "CCONJ", "SCONJ")):
        wanted = "they" + apostrophe(article) + "re"
        return token.start, token.end, wanted, f"'there' takes no '-ing' verb after it; '{wanted}' (they are) is meant"  # "There going to"
    noun = noun_after_modifiers(article, token)
    if noun is None or noun.ent_type in ("DATE", "TIME", "CARDINAL", "QUANTITY"):
        return None
    hit = (token.start, token.end, "their", "'there' is a place; the possessive is 'their'")
    beyond = next_word(article, noun)
    if before is not None and (before.lower in BE or before.lower in MODALS or before.lower in HAVE or before.lower in DO):
        return None  # "is there money", "will there be"
    if is_finite_verb(beyond) and (before is None or before.pos in ("VERB", "CCONJ", "ADP", "SCONJ") or before.lower == ","):
        if before is not None and before.lower == ",":
            return None
        return hit  # "Parents said there children had"
    if before is not None and before.pos == "VERB" and before.tag != "VBG" and before.lemma.lower() not in CLAUSE_VERBS:
        return hit  # "left there seats"
    if before is not None and before.lower in PREPOSITIONS and before.lower not in ("in", "over", "from", "near", "around", "up", "down", "out", "to", "through", "inside", "outside"):
        return hit  # "with there constituents"
    if before is not None and before.lower in ("and", "or") and is_finite_verb(beyond):
        return hit
    return None


def _comparison_before(article: AnalysedArticle, token: Token, *, whole: bool) -> bool:
    """A comparative before ``token``: in its stretch of the clause (back to punctuation or a
    verb; ``whole``: anywhere before it in the sentence)."""
    for other in reversed(sentence_before(article, token)):
        if other.tag in ("JJR", "RBR") or other.lower in COMPARATIVE_WORDS:
            return True
        if other.lower in ("much", "many") and previous_word(article, other) is not None \
                and previous_word(article, other).lower == "as":
            return True
        if not whole and (other.pos in ("PUNCT", "VERB", "AUX", "SCONJ", "CCONJ") and other.tag not in ("VBN",)):
            return False
    return False


def _rule_then_than(article: AnalysedArticle, token: Token, lexicon=None) -> Hit:
    if token.lower != "then":
        return None
    before = previous_word(article, token)
    after = next_word(article, token)
    if before is None or after is None or before.pos == "PUNCT" or before.lower in ("and", "but", "or", "since", "until", "by", "from", "till"):
        return None
    if after.pos in ("PUNCT", "VERB", "AUX") and after.tag not in ("VBN",) or after.lower in ("than", "on", "onwards"):
        return None
    if any(t.lower in ("if", "when", "once", "unless") for t in sentence_before(article, token)):
        return None  # "If labels were more willing … then the government": a condition and its result
    if before.tag in ("JJR", "RBR") or before.lower in COMPARATIVE_WORDS or _comparison_before(article, token, whole=False):
        return token.start, token.end, "than", "a comparison takes 'than'; 'then' is about time"
    return None


def _rule_than_then(article: AnalysedArticle, token: Token, lexicon=None) -> Hit:
    if token.lower != "than":
        return None
    if _comparison_before(article, token, whole=True):
        return None
    before = previous_word(article, token)
    after = next_word(article, token)
    if before is None or before.pos in ("PUNCT", "CCONJ") or before.lower in (
        "since", "until", "till", "by", "from", "just", "only", "even", "now", "back", "right", "and", "but"
    ) or (before.pos == "AUX" and after is not None and after.tag == "VBN"):
        return token.start, token.end, "then", "'than' makes a comparison, and nothing is compared here; 'then' is meant"
    return None


def _rule_affect(article: AnalysedArticle, token: Token, lexicon=None) -> Hit:
    """"affect" as a noun -> effect; "effect" as a verb on something -> affect."""
    before = previous_word(article, token)
    if token.lower in ("affect", "affects"):
        noun_position = before is not None and (
            before.pos in ("DET", "ADJ", "NUM") or before.tag in ("PRP$", "POS") or before.lower in ("into", "in", "side", "-")
            or before.lemma.lower() == "take" or article.text[before.end : before.end + 1] == "-"
        )
        if before is not None and before.lower in ("to", "will", "would", "could", "may", "might", "can", "not", "n't"):
            noun_position = False
        if noun_position or (token.pos == "NOUN" and before is not None and before.pos != "PRON"):
            wanted = "effect" if token.lower == "affect" else "effects"
            return token.start, token.end, wanted, "the noun is 'effect'; 'affect' is the verb"
        return None
    if token.lower not in ("effect", "effects", "effected", "effecting"):
        return None
    wanted = "affect" + token.lower[len("effect"):]
    reason = "'effect' as a verb means 'bring about'; 'affect' (have an effect on) is meant"
    obj = next_word(article, token)
    if obj is not None and obj.lower in ("a", "an", "the"):
        obj = next_word(article, token, 2)
    if obj is not None and obj.lower in CHANGE_NOUNS:
        return None
    if token.lower == "effected":
        if obj is not None and obj.lower == "by" and before is not None and (before.lower in BE or before.pos in ("NOUN", "ADV", "PROPN")):
            return token.start, token.end, wanted, reason
        if before is not None and before.pos == "ADV" and before.lower not in ("not", "n't") and obj is not None and obj.pos != "DET":
            return token.start, token.end, wanted, reason
        if before is not None and before.lower in HAVE and obj is not None and obj.pos == "NOUN" and obj.tag == "NNS":
            return token.start, token.end, wanted, reason  # "has effected crops": a change is not plural things
        return None
    if before is None or obj is None:
        return None
    after_auxiliary = before.lower in MODALS or before.lower in NEGATION or before.lower in DO
    if token.lower == "effect" and after_auxiliary and (obj.pos in ("DET", "NOUN", "PROPN", "PRON", "ADJ", "NUM") or obj.tag == "PRP$"):
        return token.start, token.end, wanted, reason
    if token.lower == "effects" and token.pos == "VERB" and before.pos in ("NOUN", "PROPN", "PRON") and obj.pos in ("ADJ", "NOUN", "PRON", "PROPN", "DET"):
        return token.start, token.end, wanted, reason
    return None


def _rule_lose(article: AnalysedArticle, token: Token, lexicon=None) -> Hit:
    before = previous_word(article, token)
    if token.lower in ("looses", "loosing"):
        if before is not None and before.lemma.lower() in RESULT_VERBS:
            return None
        wanted = "loses" if token.lower == "looses" else "losing"
        return token.start, token.end, wanted, "'loose' means not tight; the verb is 'lose'"
    if token.lower == "loose":
        if before is None or before.lemma.lower() in RESULT_VERBS:
            return None
        if before.lower in MODALS or before.lower in NEGATION or before.lower in DO or before.lower == "to" and before.tag == "TO" \
                or before.tag == "PRP" and before.dep == "nsubj" or (before.lower == "all" and token.tag.startswith("VB")):
            after = next_word(article, token)
            if after is not None and after.pos == "NOUN" and before.lower in ("to",) and token.tag in ("JJ",):
                return None
            return token.start, token.end, "lose", "'loose' means not tight; the verb is 'lose'"
        after = next_word(article, token)
        if token.tag.startswith("VB") and after is not None and (after.pos in ("DET", "NOUN") or after.tag == "PRP$"):
            return token.start, token.end, "lose", "'loose' means not tight; the verb is 'lose'"  # "who loose their temper"
        return None
    if token.lower == "lose" and before is not None:
        after = next_word(article, token)
        if before.pos == "DET" or before.lower in FINITE_BE or before.lower in ("too", "so", "very") \
                or before.lemma.lower() in RESULT_VERBS and before.lower not in ("to",) and (after is None or after.pos in ("PUNCT", "ADP", "CCONJ")):
            return token.start, token.end, "loose", "'lose' is the verb; 'loose' (not tight, free) is meant"
    return None


def _rule_principal(article: AnalysedArticle, token: Token, lexicon=None) -> Hit:
    before = previous_word(article, token)
    after = next_word(article, token)
    if token.lower == "principle":
        if after is not None and is_noun(after) and article.text[token.end : token.end + 1] != "-" and after.lower not in ("that",):
            return token.start, token.end, "principal", "'principle' is a rule or belief; 'principal' (main, chief) is meant"
        if token.dep in ("nsubj",) and token.head != token.i and is_cue(article.tokens[token.head]):
            return token.start, token.end, "principal", "a principle does not speak; the head of a school is its 'principal'"
        return None
    if token.lower == "principal" and before is not None:
        ends = after is None or after.pos in ("PUNCT", "CCONJ", "ADP", "PART") and after.lower != "of"
        if ends and before.lower in ("in", "on", "of"):
            return token.start, token.end, "principle", "'principal' means main or a head teacher; 'principle' (a rule or belief) is meant"
    return None


#: Pronouns that name a thing, never a person.
THING_PRONOUNS = frozenset({"it", "this", "that", "which"})


def _praiser_is_a_thing(article: AnalysedArticle, token: Token, lexicon) -> bool:
    """Whether the subject of the verb ``token`` ("compliments") is a thing: a noun WordNet
    knows with no sense that is a person, a group or an animal ("the sauce", "the bus routes"),
    or "it"; not a name, not a pronoun for people, not a word WordNet lacks. Praise needs
    someone to give it ("the guests complimented the meal"), and "compliment ... on/for" is
    always praise."""
    for k in (1, 2, 3):
        other = next_word(article, token, k)
        if other is None or other.pos in ("PUNCT", "VERB", "AUX"):
            break
        if other.lower in ("on", "for"):
            return False
    subjects = [t for t in article.tokens[max(0, token.i - 12):token.i]
                if t.head == token.i and t.dep in ("nsubj", "nsubjpass")]
    if not subjects:  # "will compliment": the subject hangs on the auxiliary's verb, or is shared
        return False
    subject = subjects[-1]
    if subject.lower in THING_PRONOUNS:
        return True
    if subject.pos != "NOUN" or subject.ent_type or not subject.text.islower():
        return False  # a capitalised subject may be a name whatever the tagger says ("Trump has")
    return lexicon.animate(subject.lemma or subject.lower) is False


def _rule_complement(article: AnalysedArticle, token: Token, lexicon=None) -> Hit:
    lower = token.lower
    if lower.startswith("compliment") and not lower.startswith("complimentar"):
        after = next_word(article, token)
        if lower == "compliment" and after is not None and after.lower == "of":
            return token.start, token.end, "complement", "'compliment' is praise; a full set is a 'complement'"
        if token.pos == "VERB" and lexicon is not None and _praiser_is_a_thing(article, token, lexicon):
            return (token.start, token.end, "complement" + lower[len("compliment"):],
                    "only people praise: a thing that goes well with another 'complements' it")
        return None
    if not lower.startswith("complement") or lower.startswith("complementar"):
        return None
    wanted = "compliment" + lower[len("complement"):]
    reason = "'complement' completes or goes with something; praise is a 'compliment'"
    # praise for something: "complemented him on his speech", "was complemented for"
    for k in (1, 2, 3):
        other = next_word(article, token, k)
        if other is None or other.pos in ("PUNCT", "VERB", "AUX"):
            break
        if other.lower in ("on", "for") and (k > 1 or token.tag in ("VBN", "VBD")) and token.pos == "VERB":
            return token.start, token.end, wanted, reason
    # praise given, taken or returned: "paid a complement", "returned the complement"
    head = article.tokens[token.head] if token.head != token.i else None
    if token.pos == "NOUN" and head is not None and head.lemma.lower() in ("pay", "return", "accept", "take", "receive", "mean"):
        after = next_word(article, token)
        if after is None or after.lower != "to":
            return token.start, token.end, wanted, reason
    before = previous_word(article, token)
    if token.pos == "NOUN" and before is not None and before.lower in ("a", "the") and previous_word(article, token, 2) is not None \
            and previous_word(article, token, 2).lower == "as":
        after = next_word(article, token)
        if after is None or after.lower != "to":
            return token.start, token.end, wanted, reason
    return None


def _rule_discreet(article: AnalysedArticle, token: Token, lexicon=None) -> Hit:
    before = previous_word(article, token)
    after = next_word(article, token)
    if token.lower == "discretely":
        if after is not None and after.tag in ("VBN", "JJ") and after.lower not in ("through",):
            return None  # "discretely sampled"
        return token.start, token.end, "discreetly", "'discrete' means separate; 'discreetly' (tactfully) is meant"
    if token.lower == "discrete":
        reason = "'discrete' means separate; 'discreet' (tactful, unobtrusive) is meant"
        if after is not None and after.lower in ("about", "with"):
            return token.start, token.end, "discreet", reason
        if before is not None and (before.lower in ("be", "is", "was", "being", "remain", "remained", "stay", "stayed", "so", "very")
                                   or before.lower == "always" and previous_word(article, before) is not None and previous_word(article, before).lower in BE):
            return token.start, token.end, "discreet", reason
        return None
    if token.lower == "discreet":
        reason = "'discreet' means tactful; 'discrete' (separate, distinct) is meant"
        if after is not None and after.lower == "from":
            return token.start, token.end, "discrete", reason
        if before is not None and (before.lower in COUNTING or before.tag == "CD") and after is not None and after.tag == "NNS":
            return token.start, token.end, "discrete", reason
        if before is not None and before.lower in ("are", "were") and after is not None and after.lower in ("and",):
            return token.start, token.end, "discrete", reason
    return None


def _rule_led(article: AnalysedArticle, token: Token, lexicon=None) -> Hit:
    before = previous_word(article, token)
    after = next_word(article, token)
    if token.lower == "lead" and before is not None:
        reason = "the past tense and participle of 'lead' is 'led'"
        if after is not None and after.lower == "by" and before.pos not in ("DET", "ADJ") and before.tag not in ("PRP$", "POS"):
            beyond = next_word(article, token, 2)  # ("England's lead by training", "her lead by one point": the noun)
            if beyond is not None and beyond.lower != "example":
                return token.start, token.end, "led", reason
        if before.lower in HAVE and before.pos == "AUX" and after is not None and (
            after.pos in ("DET", "PROPN") or after.tag == "PRP$" or after.lower == "to"
        ):
            return token.start, token.end, "led", reason
        if token.tag in ("VBP", "VB", "VBD") and (before.tag in ("NN", "NNP") or before.lower in ("he", "she", "it")) \
                and before.dep == "nsubj" and after is not None \
                and (after.pos in ("DET", "PROPN") or after.tag == "PRP$"):
            ahead = previous_word(article, before, 1)
            if ahead is None or ahead.pos not in ("VERB", "AUX"):
                return token.start, token.end, "led", reason  # "The captain lead his team", "He lead the team": 'leads' or 'led'
        return None
    if token.lower == "led" and before is not None and token.text != "LED":
        reason = "'led' is the past of 'lead'; the present, infinitive and noun are 'lead'"
        if before.lower in MODALS or before.lower in DO or (before.lower == "to" and before.tag == "TO"):
            return token.start, token.end, "lead", reason
        if before.pos == "DET" or before.tag in ("PRP$", "POS"):
            return token.start, token.end, "lead", reason
    return None


#: Pronouns that can only be subjects: the word after one is its verb ("she past" is "she passed").
SUBJECT_PRONOUNS = frozenset({"i", "he", "she", "we", "they"})


def _rule_passed(article: AnalysedArticle, token: Token, lexicon=None) -> Hit:
    before = previous_word(article, token)
    after = next_word(article, token)
    if token.lower == "past" and before is not None:
        reason = "the past tense and participle of 'pass' is 'passed'"
        if before.lower in HAVE and (after is None or after.pos in ("DET", "PUNCT", "PROPN", "ADP", "NUM") or after.tag == "PRP$"
                                     or after.lower in ("away", "through")):
            return token.start, token.end, "passed", reason  # "has past its second reading", "had past the test"
        if after is not None and after.lower == "away" and before.pos in ("NOUN", "PROPN", "PRON", "ADV"):
            return token.start, token.end, "passed", reason
        if before.lower in FINITE_BE and after is not None and after.lower in ("by", "without", "unanimously"):
            return token.start, token.end, "passed", reason
        if before.lower in SUBJECT_PRONOUNS and after is not None and (after.pos in ("DET", "PROPN") or after.tag == "PRP$"):
            return token.start, token.end, "passed", reason  # "She past the exam": a subject wants a verb
        return None
    if token.lower == "passed" and before is not None:
        reason = "'passed' is the verb; 'past' (beyond, gone by, after the hour) is meant"
        if before.pos == "DET" or before.tag in ("PRP$", "POS"):
            return token.start, token.end, "past", reason
        if (before.tag == "CD" or before.lower in ("half", "quarter", "ten", "five", "twenty")) and after is not None \
                and (after.tag == "CD" or after.lower in ("midnight", "noon", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")):
            return token.start, token.end, "past", reason
        if before.lower in ("well", "long") and previous_word(article, before) is not None and previous_word(article, before).lower in FINITE_BE:
            return token.start, token.end, "past", reason
        if before.lower == "yet" and previous_word(article, before, 2) is not None and previous_word(article, before, 2).lower in FINITE_BE:
            return token.start, token.end, "past", reason
        if before.pos == "VERB" and before.tag in ("VBD", "VBN", "VBZ", "VBP", "VBG") and before.lemma.lower() not in ("get", "have", "be") \
                and after is not None and (after.pos in ("DET", "NUM") or after.tag == "PRP$"):
            return token.start, token.end, "past", reason  # "walked passed the town hall"
    return None


def _rule_whom(article: AnalysedArticle, token: Token, lexicon=None) -> Hit:
    after = next_word(article, token)
    before = previous_word(article, token)
    if token.lower == "whom" and after is not None:
        reason = "'whom' is an object; the subject of a verb is 'who'"
        question = before is None and after.lower in DO | MODALS and _inverted(article, after)  # "Whom did the committee"
        if is_finite_verb(after) and after.lower not in ("'s", "’s") and not question \
                and (before is None or before.lower not in PREPOSITIONS):
            return token.start, token.end, "who", reason
        third, fourth = next_word(article, token, 2), next_word(article, token, 3)
        if after.pos in ("NOUN", "PROPN", "PRON") and third is not None and is_cue(third) and third.pos == "VERB" and is_finite_verb(fourth):
            return token.start, token.end, "who", reason  # "whom police said was armed"
        return None
    if token.lower != "who" or before is None or after is None:
        return None
    if before.lower not in PREPOSITIONS or before.pos != "ADP":
        return None
    reason = "after a preposition, the object form is 'whom'"
    ahead = previous_word(article, before)
    clause = []
    for other in article.tokens[token.i + 1 : article.sentences[token.sent].last]:
        if other.pos == "PUNCT":
            break
        clause.append(other)
    copula = any(t.lower in BE and (k + 1 >= len(clause) or clause[k + 1].tag not in ("VBN", "VBG")) for k, t in enumerate(clause))
    if copula and not (before.lower == "of" and ahead is not None and (ahead.lower in QUANTIFIERS or ahead.tag == "CD")):
        return None  # "because of who he is", "a sense of who they were": 'who' is the complement of *be*
    if after.pos in ("PUNCT",):
        return token.start, token.end, "whom", reason
    if before.lower == "of" and ahead is not None and (ahead.lower in QUANTIFIERS or ahead.tag == "CD"):
        return token.start, token.end, "whom", reason  # "some of who are"
    if after.pos in ("DET", "NOUN", "PROPN") or after.tag in ("PRP", "PRP$") and after.lower not in ("it",):
        return token.start, token.end, "whom", reason  # "to who the award was given"
    if after.tag == "MD" or after.lower in DO:
        third = next_word(article, token, 2)
        if third is not None and (third.pos in ("DET", "NOUN", "PROPN") or third.tag == "PRP"):
            return token.start, token.end, "whom", reason  # "To who should the letter be sent"
    return None


def _inverted(article: AnalysedArticle, auxiliary: Token) -> bool:
    """"Whom did the committee interview": an auxiliary followed by its subject."""
    third = next_word(article, auxiliary)
    return third is not None and (third.pos in ("DET", "NOUN", "PROPN") or third.tag == "PRP")


def _rule_thought(article: AnalysedArticle, token: Token, lexicon=None) -> Hit:
    """"even thought it was raining" -> though: "even thought" opening a clause."""
    if token.lower != "thought":
        return None
    before = previous_word(article, token)
    after = next_word(article, token)
    if before is None or after is None:
        return None
    if after.pos not in ("PRON", "DET", "NOUN", "PROPN", "NUM", "ADJ") and after.tag != "PRP$":
        return None
    if after.lower in ("of", "about", "so"):
        return None
    reason = "'thought' is a verb or noun; 'though' joins the clause"
    ahead = previous_word(article, before)
    if before.lower == "even":
        if ahead is None:
            return None if token.tag == "NN" or token.dep == "compound" else (token.start, token.end, "though", reason)
        if ahead.dep in ("nsubj", "nsubjpass") or ahead.pos == "AUX" or ahead.lower in (
            "never", "not", "n't", "had", "also", "only", "just", "ever", "once", "all", "both"
        ):
            return None  # "She even thought", "had not even thought": the verb "think"
        return token.start, token.end, "though", reason
    if before.lower == "as" and ahead is not None and ahead.pos == "VERB" and after.pos in ("PRON", "DET", "NOUN", "PROPN"):
        return token.start, token.end, "though", reason  # "looked as thought the talks would"
    return None


RULES: tuple[Callable[..., Hit], ...] = (
    _rule_contraction_possessive, _rule_possessive_contraction, _rule_their_there,
    _rule_there_their, _rule_then_than, _rule_than_then, _rule_affect, _rule_lose,
    _rule_principal, _rule_complement, _rule_discreet, _rule_led, _rule_passed, _rule_whom,
    _rule_thought,
)


#: The words some rule reads (every other token is skipped before any rule runs): the pronouns
#: of a contraction, the possessives, and the sound-alikes.
TRIGGERS = frozenset(CONTRACTIONS) | frozenset(POSSESSIVE_FOR) | {
    "there", "then", "than", "affect", "affects", "effect", "effects", "effected", "effecting",
    "lose", "loose", "looses", "loosing", "principle", "principal", "discrete", "discretely",
    "discreet", "lead", "led", "past", "passed", "who", "whom", "thought",
}
TRIGGER_PREFIXES = ("complement", "compliment")


@register(CHECK, severity="warning")
def check(article: AnalysedArticle, knowledge: Knowledge) -> Iterator[Finding]:
    """Sound-alike words used for each other (it's/its, there/their, than/then, lead/led...)."""
    lexicon = knowledge.lexicon
    for token in article.tokens:
        if token.lower not in TRIGGERS and not token.lower.startswith(TRIGGER_PREFIXES):
            continue
        for rule in RULES:
            hit = rule(article, token, lexicon)
            if hit is None:
                continue
            start, end, suggestion, reason = hit
            yield finding(CHECK, article, start, end, suggestion, reason)
            break
