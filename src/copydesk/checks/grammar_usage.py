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
    FINITE_HAVE,
    HAVE,
    MODALS,
    NEGATION,
    PREPOSITIONS,
    QUOTE_MARKS,
    a_person,
    apostrophe,
    finding,
    finite_verb_ahead,
    gerund_as_subject,
    is_finite_verb,
    is_noun,
    next_word,
    noun_after_modifiers,
    person_subject,
    previous_word,
    sentence_before,
    shown_feeling,
    word_past,
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


def _contraction_before_owned_noun(article: AnalysedArticle, token: Token, lexicon=None) -> Hit:
    """"Check whether you're child's school is open": "you're"/"they're" before a noun that owns
    the next (a lower-case noun and its "'s") is the possessive, "your"/"their"."""
    pair = _contraction(article, token)
    if pair is None or token.lower not in ("you", "they"):
        return None
    pronoun, verb = pair
    owner = next_word(article, verb)
    mark = next_word(article, owner) if owner is not None else None
    if owner is None or mark is None or owner.pos != "NOUN" or not owner.text.islower() or mark.tag != "POS" \
            or lexicon is not None and lexicon.time(owner.lemma.lower()) is not False:
        return None  # ("They're today's winners": a day's, a week's)
    wanted = CONTRACTIONS[token.lower]
    if pronoun.text[0].isupper():
        wanted = wanted.capitalize()
    return pronoun.start, verb.end, wanted, f"'{pronoun.text}{verb.text}' is '{pronoun.text} are'; the possessive '{wanted}' is meant"


def _plural_of_things(noun: Token, lexicon) -> bool:
    """A plural noun whose two commonest WordNet senses name no person, group or animal and no
    quality ("mirrors", "votes", "homes"; not "friends", "sheep", "rubbish")."""
    classes = lexicon.word_classes(noun.lemma.lower(), first=2)
    return bool(classes) and not any(c in ("noun.person", "noun.group", "noun.animal", "noun.attribute", "noun.state", "noun.feeling")
                                     for c in classes)


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
    if pronoun.lower == "they" and _sentence_ends(article, verb) and before is not None and before.pos in ("ADP", "VERB") \
            and before.lower not in ("where", "what", "who", "how"):
        return pronoun.start, verb.end, "there", f"'{article.text[pronoun.start:verb.end]}' (they are) cannot end a clause; 'there' (the place) is meant"
    if after is None:
        return None
    if after.lower == "own":
        return hit
    if pronoun.lower in ("you", "they") and before is None and after.tag == "VBG" and _finite_verb_in_clause(article, after):
        return hit  # "You're refusing to cooperate has made things worse": the "-ing" phrase is the
        # subject of the later verb, and "you are" before it leaves two verbs in one clause
    if pronoun.lower in ("it", "who") and pronoun.dep == "poss" and verb.tag == "POS" \
            and noun_after_modifiers(article, verb, participles=True) is not None:
        return hit  # the parser itself reads a possessive 's on a pronoun, which English never
        # writes so: "blamed it's ageing fleet", "pay it's share of the bill"
    if before is not None and before.lower in PREPOSITIONS and (before.lower != "to" or before.tag == "IN") \
            and (pronoun.lower != "who" or noun_after_modifiers(article, verb, participles=True) is not None):
        return hit  # "of it's", "under it's new owners", "apologised to it's passengers" (but "about
        # who's likely to win": "who" opens a question after a preposition)
    if before is not None and before.lower == "all" and previous_word(article, pronoun, 2) is not None \
            and previous_word(article, pronoun, 2).lower in PREPOSITIONS:
        return hit  # "for all it's faults"
    if pronoun.lower == "they" and is_finite_verb(after) and after.lower in FINITE_BE | FINITE_HAVE | MODALS:
        # "They're are plans": a second finite verb after "they are" — the existential "there"
        # before what exists; "they're are up again": a doubled verb, "they" is meant
        following = next_word(article, after)
        exists = following is not None and (following.pos in ("DET", "NUM", "NOUN") or following.lower in ("been", "no"))
        wanted = "there" if exists else "they"
        return pronoun.start, verb.end, wanted, f"'{article.text[pronoun.start:verb.end]}' means 'they are', and a verb follows; '{wanted}' is meant"
    noun = noun_after_modifiers(article, verb, participles=True)
    if noun is None and _only_a_noun(after, lexicon):
        noun = after  # "who's fault", "they're land": a word that cannot follow "is" or "are"
    if noun is None and pronoun.lower == "who" and after.pos == "PROPN" and len(after.text) > 1 and after.text.isupper() \
            and is_finite_verb(next_word(article, after)):
        return hit  # "establish who's DNA was found": an initialism owned, then its verb
    if noun is not None and before is not None and before.lower in ("whatever", "whichever") and _clause_ends(article, noun):
        return hit  # "Whatever you're politics, ...": "whatever" + a possessive and its noun
    if noun is None:
        if _object_verb(article, before, lexicon) and before.dep != "prt" \
                and lexicon is not None and after.tag in ("NN", "NNS", "RB") and after.text.isalpha() \
                and not after.lower.endswith(("ing", "ed", "ly")) and lexicon.is_noun(after.lower) \
                and after.ent_type not in ("DATE", "TIME"):
            nxt = next_word(article, after)
            if nxt is None and after.tag != "RB" or nxt is not None and (nxt.pos == "ADP" or nxt.pos == "PUNCT" and after.tag != "RB"):
                return hit  # "marked it's centenary with", "protect you're home from": a verb that
                # takes no clause takes an object (the tagger may read "home" as an adverb)
        if pronoun.lower == "it" and _coordinated_noun_phrase(article, before, verb):
            return hit  # "the comet and it's unusually long tail"
        return None
    if pronoun.lower == "you" and noun is after and before is not None and before.pos == "VERB" \
            and lexicon is not None and after.tag == "NNS" and after.text.islower() and _plural_of_things(after, lexicon):
        nxt = next_word(article, after)
        if nxt is not None and (nxt.pos == "ADP" and nxt.lower != "of" or nxt.text in (",", ".", ";")):
            return hit  # "check you're mirrors before", "we want you're votes, not": "you are" takes
            # a plural noun for what people are ("you're friends"); things may be what "they" are
            # ("they're matters of conviction")
    if pronoun.lower != "it" or noun.lower != "time":
        noun = _compound_head(article, noun)  # not "it's time evangelicals had"
    if _object_verb(article, before, lexicon) and noun.ent_type not in ("DATE", "TIME"):
        return hit  # "completed it's first full survey of", "hand down it's judgment": the object of a verb
    beyond = next_word(article, noun)
    if beyond is not None and beyond.lower == "of":
        return None  # "it's tens of thousands", "it's a matter of"
    opens_clause = pronoun.lower == "who" and beyond is not None and beyond.pos in ("PRON", "DET") and any(
        is_finite_verb(next_word(article, beyond, k)) for k in (1, 2, 3, 4))
    if pronoun.lower == "who" and before is None:
        # a question or a clause as subject: "Who's car was parked", "Who's side are you on" — the
        # noun is followed by a verb — or "Who's responsibility it is remains unclear"
        return hit if is_finite_verb(beyond) or opens_clause else None
    if is_finite_verb(beyond) and beyond.lower not in ("'s", "’s"):
        return hit  # the noun is the subject of the next verb: "who's home was flooded"
    if pronoun.lower == "who" and before is not None and before.text == "," and _verb_past_phrase(article, noun):
        return hit  # "The architect, who's plans for the tower were rejected, is appealing"
    if opens_clause:
        return hit  # the noun opens a clause with its own subject: "who's book this is", "who's fault the delay was"
    if before is not None and before.pos == "AUX" and (before.lower not in ("'s", "’s")
                                                       or before.tag == "VBZ" and pronoun.lower in ("you", "they")):
        return hit  # "Has you're bank raised"
    if pronoun.lower == "it" and noun is after and noun.tag == "NNS" and before is not None and before.pos == "CCONJ":
        return hit  # "the council and it's plans": "it is" takes no bare plural
    if before is not None and before.pos == "VERB" and before.lemma.lower() not in CLAUSE_VERBS and not is_cue(before) \
            and not (lexicon is not None and lexicon.takes_clause(before.lemma)):
        if noun.ent_type in ("DATE", "TIME"):
            return None
        return hit  # "published it's report", "lost they're way"
    return None


#: Prepositions that open a phrase after a noun ("plans for the tower", "home in the village").
NOUN_PHRASE_PREPOSITIONS = frozenset({"of", "for", "in", "on", "at", "from", "with", "about", "near", "by"})


def _finite_verb_in_clause(article: AnalysedArticle, word: Token) -> bool:
    """A finite verb follows ``word`` in the same clause with no subject of its own: nothing
    between opens another clause (no comma, conjunction, "that" or wh-word), and the word before
    the verb could not be its subject ("refusing to cooperate has"; not "hoping the deal will")."""
    sentence = article.sentences[word.sent]
    for other in article.tokens[word.i + 1 : sentence.last]:
        if other.tag == "VBD" and any(t is not None and t.lemma.lower() in ("be", "get")
                                      for t in (previous_word(article, other), previous_word(article, other, 2))):
            continue  # "going to be pretty interested": a past form after "be" is a participle
        if is_finite_verb(other) and previous_word(article, other) is not None and previous_word(article, other).lower == "to":
            continue  # "going to do that": after "to", an infinitive, whatever the tagger says
        if is_finite_verb(other):
            prior = previous_word(article, other)
            return other.lower not in ("'s", "’s") and prior is not None and (
                prior.pos not in ("NOUN", "PROPN", "PRON", "NUM")
                or prior.pos != "PRON" and _in_prepositional_phrase(article, prior))
            # ("shouting at staff has": a preposition's noun is no subject)
        if other.pos in ("PUNCT", "SCONJ", "CCONJ") or other.tag in ("WDT", "WP", "WP$", "WRB") or other.lower == "that":
            return False
    return False


#: Prepositions that are adjectives or nouns too after a possessive ("their like", "your past
#: mistakes", "their near neighbours", "your inside leg").
NOUN_LIKE_PREPOSITIONS = frozenset({"like", "past", "near", "inside", "outside", "out", "down", "up", "off", "round",
                                    "after", "before", "behind", "back"})


def _preposition_after_possessive(article: AnalysedArticle, after: Token) -> bool:
    """A preposition right after the possessive, then what a preposition takes: a number or a
    determiner, or for "whose" a noun ("your over 75", "their at the back", "whose in charge");
    not one joined by a hyphen or written apart ("their in-laws", "their at bats", "their in
    house team"), nor one that is a noun or an adjective too ("their like")."""
    possessive = article.tokens[after.i - 1]
    if possessive.lower not in POSSESSIVE_FOR or after.tag != "IN" or after.pos != "ADP" or after.lower in NOUN_LIKE_PREPOSITIONS \
            or after.lower == "of" or article.text[after.end : after.end + 1] in ("-", "‐"):
        return False  # (a quotation mark between them: "their" quoted as a word)
    taken = next_word(article, after)
    if taken is not None and taken.pos == "NUM" and is_noun(next_word(article, taken)):
        return False  # "their under 21 side": a compound written apart
    return taken is not None and (taken.pos in ("NUM", "DET") or taken.tag == "PRP$"
                                  or possessive.lower == "whose" and taken.pos == "NOUN" and taken.text.islower())


def _verb_in_ing(word: Token, lexicon) -> bool:
    """``word`` is a verb WordNet lists with -ing added: "joking" (joke), "kidding" (kid),
    "signing" (sign)."""
    lower = word.lower
    if lexicon is None or not lower.endswith("ing") or len(lower) < 6:
        return False
    verbs = lexicon.wordnet.get("verb", frozenset())
    stem = lower[:-3]
    return any(form in verbs for form in (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else None) if form)


def _no_verb_before_comma(article: AnalysedArticle, word: Token, *, own_subject: bool = False) -> bool:
    """From ``word`` to the next comma no verb stands, and the rest of the sentence has one verb
    only (a finite one, or an imperative), the main clause's: the clause ``word`` is in has none
    of its own ("if your approaching retirement, now is the time"; not "If your travelling
    companion, for example, falls ill, call a doctor", whose clause has its verb past an aside)."""
    sentence = article.sentences[word.sent]
    tokens = article.tokens[word.i : sentence.last]
    comma = next((k for k, other in enumerate(tokens) if other.text == ","), None)
    if comma is None or comma < 2 or any(is_finite_verb(t) or t.tag == "VB" for t in tokens[:comma]):
        return False
    verbs = [t for t in tokens[comma + 1:] if is_finite_verb(t) and t.tag != "MD" or t.tag == "VB"
             and (previous_word(article, t) is None or previous_word(article, t).tag not in ("TO", "MD"))
             and not any(c.tag == "MD" or c.dep == "aux" for c in article.children(t))]
    if len(verbs) != 1:
        return False
    prior = previous_word(article, verbs[0])
    # with ``own_subject``, the one verb has its subject right before it ("…," the candidate told):
    # not "Your waiting in line, not theirs, is what counts", whose verb is the gerund's
    return not own_subject or prior is not None and prior.pos in ("NOUN", "PROPN", "PRON")


def _noun_phrase_is_subject(article: AnalysedArticle, participle: Token) -> bool:
    """A noun phrase follows ``participle`` and a finite verb follows that phrase: the participle
    modifies the subject's noun ("whose reported 40 deaths shocked the nation"), not a verb of
    its own ("whose written eleven novels, has won")."""
    word, k = next_word(article, participle), 1
    if word is None or word.pos not in ("NUM", "NOUN", "PROPN", "DET", "ADJ"):
        return False
    while word is not None and word.pos in ("NUM", "NOUN", "PROPN", "DET", "ADJ") and k < 8:
        k += 1
        word = next_word(article, participle, k)
    return is_finite_verb(word)


def _verb_past_phrase(article: AnalysedArticle, noun: Token) -> bool:
    """A finite verb follows ``noun`` past one prepositional phrase ("plans for the riverside
    tower were"): the noun is that verb's subject."""
    word = next_word(article, noun)
    if word is None or word.lower not in NOUN_PHRASE_PREPOSITIONS:
        return False
    for k in range(2, 8):
        word = next_word(article, noun, k)
        if word is None:
            return False
        if is_finite_verb(word):
            return k > 2 and word.lower not in ("'s", "’s")
        if word.pos not in ("DET", "ADJ", "NOUN", "PROPN", "NUM") and word.tag not in ("HYPH", "PRP$", "POS"):
            return False
    return False


def _object_verb(article: AnalysedArticle, word: Token | None, lexicon=None) -> bool:
    """``word`` is a verb that takes an object and no clause ("published", "completed"), or the
    particle of one ("hand down"): what follows it is its object. A verb takes a clause when it is
    in ``CLAUSE_VERBS``, a verb of saying, or WordNet lists one of its commonest senses with a
    "that" clause ("sensed it's time", "pretend it's business as usual")."""
    if word is None:
        return False
    verb = word
    if word.dep == "prt" and word.tag == "RP" and 0 <= word.head < len(article.tokens):
        if word.lower in ("out", "on"):
            return False  # "it turns out it's", "it goes on": phrasal verbs that take a clause
        verb = article.tokens[word.head]
    return verb.pos == "VERB" and verb.tag not in ("VBG",) and verb.lemma.lower() not in CLAUSE_VERBS and not is_cue(verb) \
        and not (lexicon is not None and lexicon.takes_clause(verb.lemma))


def _only_a_noun(word: Token, lexicon) -> bool:
    """``word`` can only be a noun (WordNet knows it as a noun, and not as an adjective, an adverb
    or a verb's participle): nothing "it is" or "they are" can be followed by without a
    determiner, whatever the tagger made of it after the contraction ("who's fault", "they're
    land")."""
    if lexicon is None or not word.text.isalpha() or word.tag in ("VBN", "VBG", "VBD", "NNP", "NNPS") \
            or word.pos in ("DET", "PRON", "ADP", "CCONJ", "SCONJ", "PART", "NUM", "AUX"):
        return False
    if word.lower.endswith(("ing", "ed")) or word.ent_type:
        return False
    parts = lexicon.parts_of_speech(word.lower)
    return bool(parts) and "noun" in parts and not parts & {"adj", "adv"}


def _compound_head(article: AnalysedArticle, noun: Token) -> Token:
    """The last noun of a compound written open ("world record", "debut album")."""
    for _ in range(3):
        after = next_word(article, noun)
        if noun.dep != "compound" or after is None or not is_noun(after) or article.text[noun.end : after.start] != " ":
            break
        noun = after
    return noun


def _coordinated_noun_phrase(article: AnalysedArticle, before: Token | None, verb: Token) -> bool:
    """"the comet and it's unusually long tail": after "noun and", the contraction is followed by
    modifiers and a noun that ends the sentence or a clause — a noun phrase, not a clause."""
    if before is None or before.lower not in ("and", "or"):
        return False
    ahead = previous_word(article, before)
    if ahead is None or not is_noun(ahead):
        return False
    word = verb
    for _ in range(4):
        word = next_word(article, word)
        if word is None:
            return False
        if is_noun(word):
            following = next_word(article, word)
            return following is None or following.text in (".", ",", ";", "!", "?")
        if word.tag not in ("RB", "JJ", "JJR", "JJS"):
            return False
    return False


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


def _past_modifiers(article: AnalysedArticle, word: Token) -> Token | None:
    """The first word after the run of adjectives, adverbs, conjunctions and commas from ``word``."""
    current = next_word(article, word)
    while current is not None and (current.pos in ("ADJ", "ADV", "CCONJ") or current.text == ","):
        current = next_word(article, current)
    return current


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
    before = previous_word(article, token)
    if token.lower == "whose" and after.lower == "there" and _clause_ends(article, after):
        return hit  # "Whose there?": "who is there"
    if token.lower == "their" and before is not None and before.lower == "and" and previous_word(article, token, 2) is not None \
            and previous_word(article, token, 2).lower == "here" and (_sentence_ends(article, token) or after.pos == "ADP"):
        return token.start, token.end, "there", "'here and there': 'their' is possessive"
    if token.lower == "their" and _sentence_ends(article, token) and before is not None and before.pos in ("ADP", "VERB", "ADV", "PRON", "AUX") \
            and before.lower not in ("of",):
        if _auxiliary_before(article, token) is not None and _auxiliary_before(article, token).lower in BE:
            return token.start, token.end, "theirs", "'their' needs a noun; the possessive that stands alone is 'theirs'"  # "is ultimately their."
        return token.start, token.end, "there", "'their' is possessive and needs a noun; 'there' (the place) is meant"  # "over their."
    if before is not None and before.pos == "ADP" and before.lower in PREPOSITIONS and before.lower != "to" \
            or before is not None and before.lower == "to" and before.tag == "IN":
        return None  # "objected to their leaving early", "despite your being late": after a preposition, a possessive
    if token.lower == "their" and (_finite_verb_follows(article, after) or _used_to_be(article, after)):
        # "they are" takes no finite verb after it ("their still is", "their has not been"):
        # the existential "there" is meant
        return token.start, token.end, "there", "'their' is possessive; 'there' is meant"
    if after.lower in NEGATION or after.lower in ("being", "going", "getting"):
        gerund = next_word(article, after) if after.lower in NEGATION else after
        if token.lower != "whose" and gerund is not None and gerund_as_subject(article, gerund):
            return None  # "Your going out at night worried your mother", "Your not turning up
            # cost the team": a gerund (negated or not) as subject
        return hit
    if _about_to(article, after):
        return hit  # "your about to", "whose about to turn 38": "be about to" + a verb
    if _preposition_after_possessive(article, after) and (token.lower != "their" or _opens_clause(article, token)):
        return hit  # "If your over 75,", "whose in charge": a possessive needs its noun, and a
        # preposition cannot begin one
    if before is not None and before.lower in ("what", "where", "how", "why", "who", "when") and token.lower != "whose" \
            and _verb_in_ing(after, lexicon) and not finite_verb_ahead(article, after) \
            and next_word(article, after) is not None and next_word(article, after).pos in ("ADP", "PART", "DET", "PRON", "ADV"):
        return hit  # "Do you know what your signing up to?": the question's clause has no verb but the -ing
    if token.lower == "whose" and after.pos == "NUM" and after.text.isdigit() and article.text[after.end : after.end + 1] in (" ", ",", ";"):
        following = next_word(article, after)
        if following is not None and (following.text in (",", ".", ";") or following.lower in ("next", "this", "on")
                                      and next_word(article, following, 2) is not None
                                      and next_word(article, following, 2).text in (",", ".", ";")):
            return hit  # "The singer, whose 80 next month,": an age, "who is 80" ("whose 80 staff" owns
            # them; "whose 89 last week saved the Test", "whose 40 today was": a score)
    if token.lower == "whose" and after.lower == "who":
        return token.start, after.end, "who" + apostrophe(article) + "s who", "the directory of the famous is a 'who's who'"
    if after.lower == "all" and next_word(article, after) is not None and (
            next_word(article, after).tag in ("VBN", "JJ")
            or next_word(article, after).tag == "VBD" and next_word(article, after).lower.endswith("ed")) \
            and _clause_ends(article, next_word(article, after)):
        return hit  # "Your all invited,": "you are all" (a regular participle the tagger calls a past tense)
    if token.lower == "whose" and after.lower in ("best", "better", "well", "worst", "least", "most") \
            and next_word(article, after) is not None and next_word(article, after).tag == "VBN" \
            and article.text[after.end : after.end + 1] == " " and next_word(article, after, 2) is not None \
            and next_word(article, after, 2).lower in ("to", "for", "by", "in", "at", "as"):
        return hit  # "decide whose best placed to run": "who is best placed"
    if _opens_clause(article, token) and _hyphenated_predicate(article, after):
        return hit  # "If your self-employed,": a compound adjective that ends the clause has no noun
    if after.lower in ("a", "an", "the") and token.lower != "their":
        return hit
    if token.lower == "their" and before is not None and before.lower in FINITE_BE \
            and after.lower in ("a", "an", "any", "no", "the", "some", "enough", "plenty"):
        # "Is their any chance", "was their a vote": a determiner cannot follow a possessive
        return token.start, token.end, "there", "'their' is possessive; 'there' is meant"
    if token.lower == "their" and _their_for_place(article, token, before, after):
        return token.start, token.end, "there", "'their' is possessive and needs a noun; 'there' (the place) is meant"
    if token.lower == "whose" and after.tag in ("VBN", "VBD") and next_word(article, after) is not None \
            and (next_word(article, after).tag in ("DT", "PRP$")
                 or next_word(article, after).pos == "NUM" and not _noun_phrase_is_subject(article, after)):
        return hit  # "whose written the report", "whose written eleven novels,": a participle before a
        # determiner or a numeral is a verb with its object (an adjective comes after them), unless
        # the phrase is the subject of what follows ("whose reported 40 deaths shocked")
    if token.lower == "whose" and token.dep in ("nsubj", "nsubjpass") and token.head == after.i \
            and after.pos == "VERB" and after.tag in ("VBN", "VBD") and before is not None and before.pos in ("NOUN", "PROPN", "PUNCT") \
            and noun_after_modifiers(article, token, participles=True) is None \
            and not _noun_phrase_is_subject(article, after):
        return hit  # "a pensioner whose lived alone": the parser reads "whose" as the verb's subject, and a
        # possessive is never one; "who has" is meant
    if token.lower == "whose" and after.lower.endswith("ing") and after.tag in ("NN", "VBG") \
            and _clause_ends(article, after) and lexicon is not None and lexicon.is_noun(after.lower) is False \
            and (next_word(article, after) is None or next_word(article, after).text != ","
                 or _question_clause_closes(article, after)):
        return hit  # "I don't care whose watching.": an -ing verb, no noun, ends the clause (a comma
        # that opens an aside does not end it: "unclear whose policing, the Met's or the transport
        # police's, failed")
    if token.lower == "whose" and _verb_in_ing(after, lexicon) and token.head == after.i \
            and after.dep not in ("nsubj", "nsubjpass") and not lexicon.known(after.lower + "s") \
            and before is not None and before.pos in ("VERB", "AUX") and _question_clause_closes(article, after):
        return hit  # '"I don't care whose watching," the coach said': the question's clause, after
        # the verb that asks or knows, has no verb of its own before its comma; an -ing word with
        # a plural is a noun of its own ("never said whose building, and"), a gerund has none, and
        # one that is the subject of a verb past an aside is the possessive's ("would not say whose
        # funding, public or private, paid for the trip")
    if after.tag in ("VBN", "VBD") and _opens_clause(article, token) and _modifiers_end_without_noun(article, after):
        return hit  # "If their found guilty,": a participle and its complement, no noun
    if after.tag in ("VBG", "VBN", "VBD") and _ends_without_noun(article, after):
        if gerund_as_subject(article, after) and (token.lower != "whose" or _relative_has_its_verb(article, after)
                                                  or _finite_verbs_after(article, after) >= 2):
            return None  # "Your going out at night worried your mother", "A man whose lying to
            # police cost him dearly was jailed": a gerund as subject; after "whose", only of the
            # relative clause's own verb, or with two finite verbs after it, one for each ("The
            # author whose writing about the war earned her the Booker lives in Dublin"; "The
            # official whose leading the inquiry declined to comment" has one, the official's)
        return hit
    if after.pos in ("ADJ",) and (after.tag == "JJ" or _adjective(after, lexicon, only=True)) \
            and _modifiers_end_without_noun(article, after) \
            and not (lexicon is not None and lexicon.is_noun(after.lower)):
        return hit  # "their worried about" (but "their favourite", "their current 4.75%": nouns too)
    nxt = next_word(article, after)
    if (after.tag == "JJ" or _adjective(after, lexicon, only=True)
            or _adjective(after, lexicon) and nxt is not None and nxt.lower == "about") \
            and after.dep != "ROOT" and _predicate_adjective(article, after):
        return hit  # "your wrong about the budget", "we know your busy, but": a noun never takes "about" so
    if after.pos == "ADV" and after.lower in ("already", "still", "only", "also", "always", "just", "not", "probably", "clearly", "here"):
        return hit
    if token.lower == "whose" and after.lower == "now" and next_word(article, after) is not None \
            and (next_word(article, after).pos in ("DET", "ADP") or next_word(article, after).tag == "VBG"
                 or next_word(article, after).pos == "NUM" and not is_noun(next_word(article, after, 2))):
        return hit  # "whose now three,", "whose now in charge": "who is now" (not "whose now three children")
    if (after.tag == "VBG" or after.lower.endswith("ing") and lexicon is not None and lexicon.is_noun(after.lower) is False) \
            and before is not None and before.lower in ("if", "when", "while", "because", "unless", "once") \
            and _no_verb_before_comma(article, after):
        return hit  # "if your approaching retirement, now is the time": the clause "if" opens has no verb
    if before is None and token.lower != "whose" and after.lower.endswith("ing") and lexicon is not None \
            and lexicon.can_be(after.lower[:-3], "verb") and next_word(article, after) is not None \
            and next_word(article, after).pos in ("ADP", "PART", "PRON", "ADV") \
            and _no_verb_before_comma(article, after, own_subject=True):
        return hit  # '"Their lying to you," the candidate told the crowd': the quoted clause has no verb,
        # and the sentence's one verb is the attribution's
    if after.lower in ("more", "less") and (before is None or _opens_clause(article, token)) and token.lower != "their":
        following = next_word(article, after)
        if following is not None and following.lower == "of" and next_word(article, after, 2) is not None \
                and next_word(article, after, 2).lower in ("a", "an", "the"):
            return hit  # "whether your more of a morning person": a possessive never owns "more of a"
        beyond = next_word(article, after, 2)
        if following is not None and following.pos == "ADJ" and beyond is not None and beyond.lower in ("to", "than"):
            return hit  # "found that your more likely to be": a comparative predicate, no noun
    if after.lower in INTENSIFIERS:
        adjective = next_word(article, after)
        if adjective is not None and adjective.pos == "ADJ" and _modifiers_end_without_noun(article, adjective):
            return hit  # "your so right about", "your very kind": degree words modify adjectives
    if token.lower == "whose" and after.lower == "to":
        return hit
    if token.lower == "whose" and before is not None and before.pos in ("NOUN", "PRON", "PROPN", "PUNCT") \
            and after.tag == "JJ" and _modifiers_end_without_noun(article, after) \
            and not is_finite_verb(_past_modifiers(article, after)):
        return hit  # "someone whose willing to": a relative "whose" owns a noun, and none follows
        # (but "whose personal best is", "whose poor have suffered": an adjective used as a noun)
    if _before_a_preposition(article, token, after):
        return hit  # "your in trouble", "whose on call": a possessive needs its noun first
    if (after.tag == "JJ" or _adjective(after, lexicon, only=True)) and _opens_clause(article, token) \
            and _modifiers_end_without_noun(article, after) \
            and not is_finite_verb(next_word(article, after)) \
            and not (lexicon is not None and lexicon.is_noun(after.lower) and not _opens_clause(article, token, strict=True)):
        # "I hope your happy.", "she said their ready": the subject of a new clause. Not a word the
        # tagger reads as a noun ("announced their choice"), nor one that heads a subject ("I think
        # their favourite was"), nor, after a verb that also takes an object, an adjective that is
        # a noun too ("know their favourite by heart", "remember their dead")
        return hit
    if after.pos == "NOUN" and after.dep == "ROOT" and token.lower != "whose" and _adjective(after, lexicon):
        beyond = next_word(article, after)
        if beyond is not None and beyond.lower in ("that", "to", "about", "with"):
            return hit  # "Your right that the vote was close": no verb but the contraction
    return None


def _relative_has_its_verb(article: AnalysedArticle, subject: Token) -> bool:
    """``subject`` is the subject of a relative clause's verb, and the sentence has another verb,
    its root, for the noun the clause is on."""
    verb = article.tokens[subject.head]
    if subject.dep not in ("nsubj", "nsubjpass") or verb.dep != "relcl":
        return False
    sentence = article.sentences[subject.sent]
    return any(t.dep == "ROOT" and t.pos in ("VERB", "AUX") and t.i != verb.i
               for t in article.tokens[sentence.first : sentence.last])


def _finite_verbs_after(article: AnalysedArticle, word: Token) -> int:
    """How many finite verbs (auxiliaries included) follow ``word`` in its sentence (not the
    month "May")."""
    return sum(is_finite_verb(t) and t.pos != "PROPN"
               for t in article.tokens[word.i + 1 : article.sentences[word.sent].last])


def _question_clause_closes(article: AnalysedArticle, word: Token) -> bool:
    """The comma after ``word`` closes what it belongs to: a quotation ends there ('"I don't care
    whose watching," the coach said') or "and"/"but" begins a clause with its own subject ("I
    know whose lying, and it isn't me"). Not an aside, whose verb may be the phrase's own ("would
    not say whose funding, public or private, paid for the trip", "whose smoking, if anyone's,
    started the fire")."""
    comma = article.tokens[word.i + 1] if word.i + 1 < len(article.tokens) else None
    if comma is None or comma.text != ",":
        return False
    following = article.tokens[comma.i + 1] if comma.i + 1 < len(article.tokens) else None
    if following is None or following.sent != word.sent:
        return False
    if following.text in QUOTE_MARKS:
        return True
    subject = next_word(article, following)
    return following.lower in ("and", "but") and subject is not None and subject.tag == "PRP"


def _hyphenated_predicate(article: AnalysedArticle, word: Token) -> bool:
    """``word`` starts a hyphenated compound ("self-employed", "well-known") that ends in a
    participle or adjective and ends its clause: a predicate, owned by nothing."""
    text = article.text
    if text[word.end : word.end + 1] not in ("-", "‐"):
        return False
    hyphen, last = next_word(article, word), next_word(article, word, 2)
    if hyphen is None or last is None or hyphen.tag != "HYPH" or last.tag not in ("VBN", "JJ"):
        return False
    if not _clause_ends(article, last):
        return False
    comma, beyond = next_word(article, last), next_word(article, last, 2)
    # not "their long-awaited, much-delayed report": modifiers in a row before a noun
    return not (comma is not None and comma.text == "," and beyond is not None and (
        beyond.pos in ("ADJ", "ADV") or article.text[beyond.end : beyond.end + 1] in ("-", "‐")))


def _about_to(article: AnalysedArticle, word: Token) -> bool:
    """``word`` is the "about" of "about to" + a verb in its base form ("about to turn 38"): what
    a subject is, never what a possessive owns."""
    if word.lower != "about" or not word.text.islower():
        return False
    to, verb = next_word(article, word), next_word(article, word, 2)
    return to is not None and to.lower == "to" and verb is not None and verb.tag == "VB"


def _sentence_ends(article: AnalysedArticle, word: Token) -> bool:
    """Nothing follows ``word`` in its sentence but a closing stop (a comma or a dash may open an
    aside: "they're, in effect, powerless", "in their, and the public's, interest")."""
    after = next_word(article, word)
    return after is None or after.text in (".", "!", "?", ";")


def _clause_ends(article: AnalysedArticle, word: Token) -> bool:
    """Nothing follows ``word`` in its clause: the sentence ends, or a comma, semicolon, colon or
    dash does."""
    after = next_word(article, word)
    return after is None or after.text in (".", ",", ";", ":", "!", "?", "—", "–")


def _adjective(word: Token, lexicon, *, only: bool = False) -> bool:
    """WordNet knows ``word`` as an adjective (``only``: and as nothing else), whatever the tagger
    made of it after a possessive ("your wrong about", "your liable for")."""
    if lexicon is None or not word.text.isalpha() or not word.text.islower():
        return False
    parts = lexicon.parts_of_speech(word.lower)
    if not parts or "adj" not in parts:
        return False
    return parts == {"adj"} if only else True


#: Words that open a clause of place or time after "there" ("stay there until", "were there on").
_AFTER_PLACE = frozenset({"until", "till", "when", "while", "since", "before", "after", "because",
                          "on", "at", "for", "in", "with", "from"})


def _their_for_place(article: AnalysedArticle, token: Token, before: Token | None, after: Token) -> bool:
    """"who were their on the night", "stay their until": "their" after a verb of being or staying
    and before a preposition or a conjunction — a possessive needs its noun, the place adverb
    does not. After a verb that takes a clause ("said their on holiday") "they're" is meant and
    other rules judge it."""
    if before is None or after.lower not in _AFTER_PLACE or not after.text.islower():
        return False
    if article.text[token.end : after.start] != " " or article.text[after.end : after.end + 1] in ("-", "‐"):
        return False
    if not (before.lower in FINITE_BE | {"be", "been", "being"} or before.pos == "VERB" and before.tag in ("VB", "VBD", "VBZ", "VBP", "VBN")
            and before.lemma.lower() not in CLAUSE_VERBS and not is_cue(before)):
        return False
    return not _open_compound_after(article, after)


#: Prepositions that cannot also be adjectives or particles: a possessive determiner never stands
#: right before one ("your in trouble" is "you're in trouble"; "your down payment", "your
#: inside knowledge" are not caught because "down" and "inside" are not here).
PLAIN_PREPOSITIONS = frozenset({"in", "on", "at", "with", "from", "into", "onto", "without",
                                "against", "among", "amongst", "for"})
#: Words after which a clause begins, so that the next word is its subject: conjunctions that
#: join clauses ("because", "if"), "that", and verbs that take a clause (``CLAUSE_VERBS``).
CLAUSE_OPENERS = frozenset({"because", "if", "when", "since", "unless", "while", "although",
                            "though", "whether", "that", "so", "sure", "once"})


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
    if not after.text.islower():
        return False
    following = next_word(article, after)
    first = after
    if after.lower == "out" and following is not None and following.lower == "of" \
            and article.text[after.end : following.start] == " ":
        after = following  # "Your out of touch": the preposition "out of"
    elif (after.lower not in PLAIN_PREPOSITIONS or after.pos != "ADP") \
            and not (after.lower in PREPOSITIONS and following is not None and following.tag in ("DT", "PRP$")):
        return False  # any preposition before its own determiner: "your inside the stadium" (not
        # "your inside knowledge", "your down payment")
    text = article.text
    if text[after.end : after.end + 1] in ("-", "‐") or text[token.end : first.start].strip():
        return False  # "their in-laws"; a quotation mark or other sign between the two words
    before = previous_word(article, token)
    if not (token.lower == "whose" or before is None or before.text in (",", ";", ":", "—", "–")
            or _opens_clause(article, token)):
        return False  # "struggled in their at bats", "cut their in house team": an object
    return not _open_compound_after(article, after, past_determiner=after.lower not in PLAIN_PREPOSITIONS)


def _open_compound_after(article: AnalysedArticle, preposition: Token, *, past_determiner: bool = False) -> bool:
    """The preposition starts a compound modifier written open: its noun (with
    ``past_determiner``, past a determiner) is followed by another noun or a verb — "their on
    screen chemistry", "their over the top celebrations", "your behind the scenes work" — so the
    possessive owns what follows."""
    noun = next_word(article, preposition)
    if past_determiner and noun is not None and noun.pos == "DET":
        noun = next_word(article, noun)
    beyond = next_word(article, noun) if noun is not None else None
    return noun is not None and (noun.pos == "NOUN" or noun.pos == "ADJ" and noun.i > preposition.i + 1) \
        and beyond is not None and (beyond.pos in ("NOUN", "PROPN") or is_finite_verb(beyond))


#: Finite verbs (and "been") that can follow an existential "there" but never "they are".
_EXISTENTIAL_VERBS = frozenset({
    "is", "are", "was", "were", "'s", "’s", "has", "have", "had", "been", "will", "would",
    "can", "could", "may", "might", "must", "should", "seems", "seem", "seemed", "appears",
    "appear", "appeared", "remains", "remain", "remained", "exists", "exist", "existed",
})


def _used_to_be(article: AnalysedArticle, word: Token) -> bool:
    """"used to be" / "used to exist" from ``word``: after it, an existential "there" ("Their used
    to be a cinema" is "There used to be")."""
    if word.lower != "used":
        return False
    to, verb = next_word(article, word), next_word(article, word, 2)
    return to is not None and to.lower == "to" and verb is not None and verb.lower in ("be", "exist")


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


def _rule_its_contraction(article: AnalysedArticle, token: Token, lexicon=None) -> Hit:
    """"its" where only "it is" fits, in the positions ``grammar.confusables`` leaves alone: right
    before a preposition where a clause begins ("as if its above the law"), before "about to" and
    a verb ("its about to close"), and "its high time"/"its about time" before a clause or "to"."""
    if token.lower != "its" or not token.text.islower() and not token.text.istitle():
        return None
    after = next_word(article, token)
    if after is None:
        return None
    hit = (token.start, token.end, "it" + apostrophe(article) + "s",
           "'its' is possessive; 'it is' is meant here")
    if _about_to(article, after) or after.lower != "about" and _before_a_preposition(article, token, after) \
            and not (next_word(article, after) is not None and next_word(article, after).pos == "CCONJ") \
            and after.lower not in ("like", "near", "past", "inside", "outside", "over", "under", "up", "down", "out", "off"):
        return hit
    time, beyond = next_word(article, token, 2), next_word(article, token, 3)
    if after.lower in ("high", "about") and time is not None and time.lower == "time" and (
            beyond is None or beyond.text in (".", ",", "!", "?", ";") or beyond.lower in ("to", "for", "that", "we", "they", "you", "he", "she", "i")
            or beyond.pos in ("NOUN", "PROPN", "DET", "PRON") and any(is_finite_verb(next_word(article, beyond, k)) for k in (1, 2, 3))):
        return hit  # "its high time ministers returned": the idiom is "it is high time"
    return None


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


def _appositive_then_verb(article: AnalysedArticle, comma: Token) -> bool:
    """After ``comma``: a name or a short noun phrase, another comma, then a finite verb ("…, Tom
    Hale, said")."""
    for k in range(1, 6):
        word = next_word(article, comma, k)
        if word is None:
            return False
        if word.text == ",":
            return k > 1 and is_finite_verb(next_word(article, word))
        if word.pos not in ("PROPN", "NOUN", "DET", "ADJ"):
            return False
    return False


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
    if after is not None and beyond is not None and after.lower == "being" and (
        beyond.tag in ("VBN", "VBD") or any(t.dep == "agent" and t.head == beyond.i for t in article.tokens[beyond.i + 1 : beyond.i + 3])
    ) and not is_noun(next_word(article, beyond)) \
            and (before is None or before.pos in ("VERB", "SCONJ", "PUNCT")) and not (before is not None and before.lower in PREPOSITIONS):
        wanted = "they" + apostrophe(article) + "re"
        return token.start, token.end, wanted, f"'there being' takes a noun ('there being no candidates'); '{wanted} being' + participle is meant"
    if after is not None and after.tag == "VBG" and after.lower != "being" and article.text[token.end:after.start].strip() == "" \
            and (before is None or before.pos in ("PUNCT", "CCONJ", "SCONJ")):
        wanted = "they" + apostrophe(article) + "re"
        return token.start, token.end, wanted, f"'there' takes no '-ing' verb after it; '{wanted}' (they are) is meant"  # "There going to"
    if after is not None and beyond is not None and before is not None and before.pos == "VERB" \
            and before.lemma.lower() in SAYING_VERBS and after.tag in ("VBN", "VBD", "JJ") and after.pos in ("VERB", "ADJ") \
            and after.lower not in _EXISTENTIAL_VERBS and beyond.lower == "to" \
            and next_word(article, token, 3) is not None and next_word(article, token, 3).tag == "VB" \
            and next_word(article, token, 3).lower not in ("be", "exist", "remain", "emerge", "arise", "follow", "come", "appear", "have", "seem", "occur"):
        wanted = "they" + apostrophe(article) + "re"
        return token.start, token.end, wanted, f"'there' cannot be what is said to be {after.lower}; '{wanted}' (they are) is meant"  # "say there determined to"
    noun = noun_after_modifiers(article, token)
    if noun is None and before is None and after is not None and after.text.islower() and after.tag == "NNP" \
            and lexicon is not None and lexicon.is_noun(after.lower):
        noun = after  # "There captain, …": a common noun the tagger took for a name
    if noun is None or noun.ent_type in ("DATE", "TIME", "CARDINAL", "QUANTITY"):
        return None
    hit = (token.start, token.end, "their", "'there' is a place; the possessive is 'their'")
    beyond = next_word(article, noun)
    if before is None and beyond is not None and beyond.text == "," and _appositive_then_verb(article, beyond):
        return hit  # "There manager, Tom Hale, said": the owned noun, its apposition, its verb
    if before is not None and (before.lower in BE or before.lower in MODALS or before.lower in HAVE or before.lower in DO):
        return None  # "is there money", "will there be"
    if is_finite_verb(beyond) and (before is None or before.pos in ("VERB", "CCONJ", "ADP", "SCONJ")
                                   or before.lower == "," and _after_a_subordinate_clause(article, before)):
        return hit  # "Parents said there children had", "If the plant closes, there jobs will go"
    if before is not None and before.pos == "VERB" and before.tag != "VBG" and before.lemma.lower() not in CLAUSE_VERBS:
        return hit  # "left there seats"
    if before is not None and before.lower in PREPOSITIONS and before.lower not in ("in", "over", "from", "near", "around", "up", "down", "out", "to", "through", "inside", "outside"):
        return hit  # "with there constituents"
    if before is not None and before.lower in ("and", "or") and is_finite_verb(beyond):
        return hit
    return None


#: Words that open a clause of condition, time or reason before the main clause.
FRONT_CLAUSE_OPENERS = frozenset({"if", "when", "whenever", "unless", "because", "as", "once",
                                  "while", "although", "though", "since", "until", "after", "before"})


def _after_a_subordinate_clause(article: AnalysedArticle, comma: Token) -> bool:
    """``comma`` closes a clause that opens the sentence with a subordinator and has a finite
    verb ("If the plant closes,"): no place stands before it for a "there" to point back to, as
    one does after a phrase of place ("Inside the cathedral, there visitors can see", "Once over
    the border, there refugees must register")."""
    sentence = article.sentences[comma.sent]
    opening = [t for t in article.tokens[sentence.first : comma.i] if t.text not in QUOTE_MARKS]
    return bool(opening) and opening[0].lower in FRONT_CLAUSE_OPENERS and any(is_finite_verb(t) for t in opening[1:])


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
    if after.pos in ("PUNCT", "CCONJ") or after.lower in ("than", "on", "onwards"):
        return None  # "than" always takes what is compared: "better organised then and conceded"
    if after.pos in ("VERB", "AUX") and after.tag not in ("VBN",) and not (
        after.tag == "VBD" and (before.tag in ("JJR", "RBR") or before.lower in ("more", "less"))
    ):
        return None  # a verb after "then" is the next event, unless a comparative stands right
        # before ("earlier then planned", "more then doubled": the tagger reads a participle as past)
    if _no_sooner(article, token):
        return token.start, token.end, "than", "'no sooner' takes 'than'; 'then' is about time"
    if (before.tag in ("JJR", "RBR") or before.lower in ("later", "sooner", "earlier", "more", "less", "fewer", "longer", "further")) \
            and previous_word(article, before) is not None and previous_word(article, before).lower == "no":
        return token.start, token.end, "than", "a comparison takes 'than'; 'then' is about time"  # "no later then noon"
    if any(t.lower in ("if", "when", "once", "unless") for t in sentence_before(article, token)):
        return None  # "If labels were more willing … then the government": a condition and its result
    if before.tag in ("JJR", "RBR") or before.lower in COMPARATIVE_WORDS or _comparison_before(article, token, whole=False):
        return token.start, token.end, "than", "a comparison takes 'than'; 'then' is about time"
    return None


def _no_sooner(article: AnalysedArticle, token: Token) -> bool:
    """"No sooner had the polls closed than …": the comparison opens the sentence, and this
    "then" is the first word after it that could close it (not "… than it rained, and the match
    was then abandoned")."""
    before = sentence_before(article, token)
    for k, t in enumerate(before):
        if t.lower == "sooner" and k > 0 and before[k - 1].lower == "no":
            return not any(other.lower in ("than", "then") or other.pos == "CCONJ" for other in before[k + 1 :])
    return False


def _rule_than_then(article: AnalysedArticle, token: Token, lexicon=None) -> Hit:
    if token.lower != "than":
        return None
    if _comparison_before(article, token, whole=True):
        return None
    before = previous_word(article, token)
    after = next_word(article, token)
    if before is None or before.pos in ("PUNCT", "CCONJ", "DET") or before.tag == "DT" or before.lower in (
        "since", "until", "till", "by", "from", "just", "only", "even", "now", "back", "right", "and", "but"
    ) or (before.pos == "AUX" and after is not None and after.tag == "VBN") or (
        before.tag == "MD" and after is not None and after.tag == "VB"  # "will than consider"
    ) or (after is not None and is_finite_verb(after) and before.pos == "VERB") \
            or (before.lower in FINITE_BE and after is not None and after.tag in ("VBG", "VBN", "RB")):  # "What happens than is", "was than working"
        return token.start, token.end, "then", "'than' makes a comparison, and nothing is compared here; 'then' is meant"
    return None


#: Words that open an amount before its number ("more than a dozen", "up to 300", "about 12").
_AMOUNT_WORDS = frozenset({"as", "many", "much", "up", "to", "more", "fewer", "less", "than", "about",
                           "around", "nearly", "almost", "some", "over", "at", "least", "roughly",
                           "approximately", "an", "estimated", "under", "just"})


def _counted_noun(article: AnalysedArticle, token: Token) -> Token | None:
    """The noun counted by an amount after ``token`` ("more than a dozen reforms" -> reforms), or
    None."""
    for k in range(1, 8):
        word = next_word(article, token, k)
        if word is None:
            return None
        if word.pos in ("NOUN", "PROPN") and word.lower not in ("dozen", "dozens", "score", "hundreds", "thousands"):
            return word
        if word.pos != "NUM" and word.lower not in _AMOUNT_WORDS and word.lower not in ("a", "dozen", "dozens"):
            return None
    return None


def _brings_about_change(article: AnalysedArticle, token: Token) -> bool:
    """``token`` (a form of "affect") in an infinitive takes as object "change" itself, with no
    determiner ("campaigners hope to affect change in the law"): what is brought about is effected
    ("could affect change at the top" may be influence, and is left). With a determiner, or another
    noun of change, the change may be what is influenced ("the strike affected the reform"), so
    it is left."""
    if token.pos not in ("VERB", "AUX") and token.tag not in ("VB", "VBD", "VBN", "VBG", "VBP", "VBZ"):
        return False
    word, before = next_word(article, token), previous_word(article, token)
    infinitive_or_gerund = before is not None and before.lower == "to" or token.tag == "VBG" and token.dep in ("csubj", "nsubj", "csubjpass") \
        or token.tag == "VBG" and token.i == article.sentences[token.sent].first  # "Affecting change is harder"
    return word is not None and word.lower == "change" and word.tag == "NN" and infinitive_or_gerund \
        and not (next_word(article, word) is not None and next_word(article, word).lower in ("of", "made"))
    # "to affect change in the law": change itself, uncounted, is brought about; "affect reform",
    # "affected a major overhaul" may be influence on a change under way, and are left


_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me"})


def _effect_on_a_thing(article: AnalysedArticle, token: Token, before: Token | None, obj: Token | None,
                       lexicon) -> bool:
    """``token`` (effect, effects, effected, effecting) stands where a verb must, and its object
    is a person, a thing or a quantity — something WordNet never lists as what happens, is done
    or comes to hold (``Lexicon.happening``: "will effect low-paid workers", "Will the strike
    effect commuters"). One effects (brings about) "an arrest, a sale, a change, a lasting
    peace, an agreement"; an object that can be such is left alone."""
    if before is None or obj is None:
        return False
    if before.pos in ("DET", "ADJ", "NUM") or before.tag in ("PRP$", "POS") or article.text[token.start - 1 : token.start] in ("-", "‐"):
        return False  # "the effect", "side-effect", "its effect": the noun
    if before.lemma.lower() in ("take", "come", "put", "bring", "give") or before.lower in ("into", "in", "with", "of"):
        return False  # "take effect", "come into effect", "in effect", "with effect from": the noun
    sentence = article.sentences[token.sent]
    opener = article.tokens[sentence.first : sentence.first + 2]
    question = any(t.lower in MODALS or t.lower in DO for t in opener) and before.pos in ("NOUN", "PROPN", "VERB")
    prior, k = before, 1
    while prior is not None and prior.pos == "ADV" and prior.lower not in NEGATION and k < 3:
        k += 1
        prior = previous_word(article, token, k)
    sentence_words = article.tokens[sentence.first : sentence.last]
    only_verb = token.dep == "ROOT" and token.lower == "effects" and before.pos == "NOUN" \
        and not any(t.pos in ("VERB", "AUX") for t in sentence_words)  # "Smoking effects almost every organ"
    verb_slot = token.tag.startswith("VB") or question or only_verb or prior is not None and (
        prior.lower in MODALS or prior.lower in DO or prior.lower in HAVE and token.lower == "effected"
        or prior.lower in BE and token.lower == "effecting" or prior.tag == "TO"
        or prior.tag == "PRP" and prior.lower not in _OBJECT_PRONOUNS)
    if not verb_slot:
        return False
    if obj.lower in _OBJECT_PRONOUNS or obj.lower == "you" and obj.dep == "dobj":
        return True  # "it will effect them", "How will the strike effect you?": people are affected
    head, word = None, obj
    for _ in range(7):
        if word is None:
            return False
        if word.pos in ("DET", "ADJ", "ADV", "NUM") or word.tag in ("PRP$", "POS", "HYPH") or word.lower in ("every", "each") \
                or word.tag in ("VBN", "VBG") and word.dep == "amod":
            word = next_word(article, word)
            continue
        if word.pos == "NOUN":
            following = next_word(article, word)
            if following is not None and (following.pos == "NOUN" or following.tag in ("POS", "HYPH")):
                word = following  # a compound or a possessor: "shift workers", "the defendant's right"
                continue
            head = word
        break
    if head is None or not head.text.isalpha() or head.ent_type in ("DATE", "TIME"):
        return False
    happening = lexicon.happening(head.lemma.lower())
    return (lexicon.happening(head.lower) if happening is None else happening) is False




def _rule_affect(article: AnalysedArticle, token: Token, lexicon=None) -> Hit:
    """"affect" as a noun -> effect; "effect" as a verb on something -> affect."""
    before = previous_word(article, token)
    if token.lower in ("uneffected", "affectively"):
        wanted = {"uneffected": "unaffected", "affectively": "effectively"}[token.lower]
        after = next_word(article, token)
        if token.lower == "uneffected" or after is not None and after.tag in ("VBZ", "VBP", "MD"):
            return token.start, token.end, wanted, f"'{token.lower}' is '{wanted}' misspelt" if token.lower == "uneffected" \
                else "'affectively' is about feelings; 'effectively' (in effect) is meant"
        return None
    if token.lower == "affect" and before is not None and before.lower in ("that", "this") \
            and previous_word(article, before) is not None and previous_word(article, before).lower == "to":
        return token.start, token.end, "effect", "'to that effect' (with that meaning): the noun is 'effect'"
    if token.lower == "affective" and next_word(article, token) is not None and next_word(article, token).lower in ("against", "at"):
        return token.start, token.end, "effective", "'affective' is about feelings; what works 'against' something is 'effective'"
    if token.lower in ("affect", "affects", "affected", "affecting") and _brings_about_change(article, token):
        wanted = "effect" + token.lower[len("affect"):]
        return token.start, token.end, wanted, "one 'effects' (brings about) a change; 'affect' is to have an effect on"
    if token.lower == "affect" and before is not None and before.lower == "and" \
            and previous_word(article, token, 2) is not None and previous_word(article, token, 2).lower == "cause":
        return token.start, token.end, "effect", "'cause and effect': the noun is 'effect'"
    if token.lower in ("affect", "affects") and before is not None and before.lower in ("what", "which", "whatever") \
            and next_word(article, token) is not None and (next_word(article, token).lower in MODALS
                                                           or next_word(article, token).lower in DO | FINITE_HAVE | FINITE_BE):
        wanted = "effect" if token.lower == "affect" else "effects"
        return token.start, token.end, wanted, "the noun is 'effect'; 'affect' is the verb"  # "What affect will the cut have"
    if token.lower in ("affect", "affects"):
        noun_position = before is not None and (
            before.pos in ("DET", "ADJ", "NUM") or before.tag in ("PRP$", "POS") or before.lower in ("into", "in", "side", "-")
            or before.lemma.lower() == "take" or article.text[before.end : before.end + 1] == "-"
        )
        if before is not None and before.lower in ("to", "will", "would", "could", "may", "might", "can", "not", "n't"):
            noun_position = False
        if token.lower == "affect" and lexicon is not None and shown_feeling(article, token, lexicon):
            return None  # "the patient's blunted affect", "showed a flat affect": the psychologist's noun
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
    counted = _counted_noun(article, token)
    if counted is not None and (counted.lower in CHANGE_NOUNS or counted.lemma.lower() in CHANGE_NOUNS):
        return None  # "could effect more than a dozen reforms", "to effect 40 changes"
    head_noun = noun_after_modifiers(article, obj) if obj is not None and obj.pos == "ADJ" else None
    if head_noun is not None and head_noun.lower in CHANGE_NOUNS:
        return None  # "effecting sweeping reforms"
    if lexicon is not None and _effect_on_a_thing(article, token, before, obj, lexicon):
        return token.start, token.end, wanted, reason + ": what it acts on is nothing one brings about"
    if token.lower == "effected":
        if token.dep == "amod" and token.head != token.i and lexicon is not None \
                and article.tokens[token.head].pos == "NOUN" and lexicon.person(article.tokens[token.head].lemma.lower()) is True:
            return token.start, token.end, wanted, reason + ": people are 'affected'"  # "Effected passengers will be"
        if obj is not None and obj.lower == "by" and before is not None and (before.lower in BE or before.pos in ("NOUN", "ADV", "PROPN")) \
                and not (before.pos == "NOUN" and (before.lower in CHANGE_NOUNS or lexicon is not None
                                                   and lexicon.happening(before.lemma.lower()) is True)):
            return token.start, token.end, wanted, reason  # not "the changes effected by the board"
        if before is not None and before.pos == "ADV" and before.lower not in ("not", "n't") and obj is not None and obj.pos != "DET":
            return token.start, token.end, wanted, reason
        if before is not None and before.lower in HAVE and obj is not None and obj.pos == "NOUN" and obj.tag == "NNS":
            return token.start, token.end, wanted, reason  # "has effected crops": a change is not plural things
        return None
    if before is None or obj is None:
        return None
    prior, k = before, 1
    while prior is not None and prior.pos == "ADV" and prior.lower not in NEGATION and k < 3:
        k += 1
        prior = previous_word(article, token, k)  # "will inevitably effect", "would disproportionately effect"
    after_auxiliary = prior is not None and (prior.lower in MODALS or prior.lower in NEGATION or prior.lower in DO)
    object_like = obj.pos in ("DET", "NOUN", "PROPN", "PRON", "ADJ", "NUM") or obj.tag == "PRP$"
    if token.lower == "effect" and after_auxiliary and object_like:
        return token.start, token.end, wanted, reason
    if token.lower == "effecting" and before.lower in BE and object_like and obj.tag != "PRP":
        return token.start, token.end, wanted, reason  # "is effecting card payments"
    if token.lower == "effecting" and before.pos == "NOUN" and obj.pos == "DET" and obj.lower in ("the", "its", "their", "his", "her") \
            and is_noun(next_word(article, obj)):
        return token.start, token.end, wanted, reason  # "a condition effecting the nerves": a clause on the noun
    if token.lower == "effects" and token.pos == "VERB" and before.pos in ("NOUN", "PROPN", "PRON") and obj.pos in ("ADJ", "NOUN", "PRON", "PROPN", "DET"):
        return token.start, token.end, wanted, reason
    return None


#: Words that take an infinitive after them ("set to", "expected to"; not "due to", a preposition
#: too): the "to" that follows is the infinitive's, so a verb comes next.
_INFINITIVE_TAKERS = frozenset({"set", "likely", "unlikely", "expected", "going", "about", "want",
                                "wants", "wanted", "need", "needs", "plan", "plans", "planned", "poised",
                                "able", "bound", "sure", "certain", "try", "tries", "tried", "hope",
                                "hopes", "threaten", "threatens", "threatened", "stand", "stands", "fear",
                                "fears", "risk", "afford", "deserve", "deserves", "seem", "seems", "appear"})


def _infinitive_to(article: AnalysedArticle, to: Token) -> bool:
    """``to`` marks an infinitive: a word that takes one stands right before it ("set to",
    "expected to"). The tagger's TO says nothing (it tags the preposition so too: "objected to
    loose talk"), nor does a noun before it ("Warning to loose dog owners")."""
    before = previous_word(article, to)
    return before is not None and before.lower in _INFINITIVE_TAKERS


def _inverted_question(article: AnalysedArticle, token: Token) -> bool:
    """A modal or "do" among the sentence's first three words, and no verb between it and
    ``token``: its subject stands between them ("Why do so many start-ups loose money")."""
    sentence = article.sentences[token.sent]
    words = article.tokens[sentence.first : token.i]
    for k, word in enumerate(words[:3]):
        if word.lower in MODALS or word.lower in DO:
            return not any(other.pos in ("VERB", "AUX") for other in words[k + 1 :])
    return False


def _rule_lose(article: AnalysedArticle, token: Token, lexicon=None) -> Hit:
    before = previous_word(article, token)
    if token.lower in ("looses", "loosing"):
        if before is not None and before.lemma.lower() in RESULT_VERBS:
            return None
        wanted = "loses" if token.lower == "looses" else "losing"
        return token.start, token.end, wanted, "'loose' means not tight; the verb is 'lose'"
    if token.lower == "loosed":
        after = next_word(article, token)
        counted = next_word(article, after) if after is not None else None
        if after is not None and after.pos == "NUM" and not (counted is not None and is_noun(counted)):
            return token.start, token.end, "lost", "'loosed' is 'set free'; a score is 'lost'"  # "loosed 3-0"
        return None
    if token.lower == "loose":
        if before is None or before.lemma.lower() in RESULT_VERBS:
            return None
        subject = _auxiliary_before(article, token)
        after = next_word(article, token)
        if subject is not None and subject is not before and subject.tag == "PRP" and subject.dep == "nsubj" \
                and subject.lower in SUBJECT_PRONOUNS | {"you"}:
            return token.start, token.end, "lose", "'loose' means not tight; the verb is 'lose'"  # "I always loose at chess"
        if before.lower == "to" and _infinitive_to(article, before) and after is not None and after.pos in ("NOUN", "DET", "PRON") \
                and after.tag != "NNP":
            return token.start, token.end, "lose", "'loose' means not tight; the verb is 'lose'"  # "set to loose benefits"
        if before.pos in ("NOUN", "PROPN") and _inverted_question(article, token) and after is not None \
                and (after.pos in ("NOUN", "DET") or after.tag == "PRP$"):
            return token.start, token.end, "lose", "'loose' means not tight; the verb is 'lose'"  # "Why do so many firms loose money?"
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
    if token.lower == "loosers":
        return token.start, token.end, "losers", "'looser' is the comparative of 'loose', never a noun; those who lose are 'losers'"
    if token.lower == "lose" and before is not None:
        after = next_word(article, token)
        if article.text[token.end : token.end + 1] in ("-", "‐") and after is not None and after.tag == "HYPH":
            modifier = next_word(article, token, 2)
            if modifier is not None and modifier.lower != "lose" and modifier.text.islower() \
                    and (modifier.tag in ("VBG", "VBN") or modifier.lower.endswith(("ing", "ed"))):
                # "lose-fitting", "lose-knit": a compound modifier of a participle takes the adjective
                return token.start, token.end, "loose", "'lose' is the verb; 'loose' (not tight) is meant"
        if article.text[token.end : token.end + 1] in ("-", "‐") or article.text[token.start - 1 : token.start] in ("-", "‐"):
            return None  # "a lose-lose situation"
        if before.pos == "DET" or before.lower in FINITE_BE or before.lower in ("too", "so", "very") \
                or before.lemma.lower() in RESULT_VERBS and before.lower not in ("to",) and (after is None or after.pos in ("PUNCT", "ADP", "CCONJ")):
            return token.start, token.end, "loose", "'lose' is the verb; 'loose' (not tight, free) is meant"
        if before.lemma.lower() in ("set", "break", "cut", "let", "turn") and before.pos in ("VERB", "AUX") \
                and after is not None and (after.pos in ("DET", "NUM", "SCONJ", "ADV") or after.tag in ("NNS", "PRP$")):
            # "set lose hundreds of mink", "broke lose when": the state the verb leaves them in
            return token.start, token.end, "loose", "'lose' is the verb; 'loose' (not tight, free) is meant"
    if token.lower == "looser" and before is not None:
        after = next_word(article, token)
        ends = after is None or after.text in (".", "!", "?", ";")
        if before.lower in LOSER_WORDS and (after is None or after.lower not in ("than", "of") and not is_noun(after)) \
                or before.lower in ("a", "the") and ends \
                or (before.lower == "a" or before.tag == "JJS") and after is not None and after.pos == "ADP" \
                and after.lower not in ("than", "of", "to", "at", "in") or before.tag == "JJS" and ends:
            return token.start, token.end, "loser", "'looser' is the comparative of 'loose'; one who loses is a 'loser'"  # "a sore looser,"
    return None


def _rule_principal(article: AnalysedArticle, token: Token, lexicon=None) -> Hit:
    before = previous_word(article, token)
    after = next_word(article, token)
    text = article.text
    if token.lower in ("principle", "principles"):
        if text[token.start - 1 : token.start] in ("-", "‐") or text[token.end : token.end + 1] in ("-", "‐"):
            return None  # "an in-principle agreement"
        wanted = "principal" + token.lower[len("principle"):]
        if token.lower == "principle" and after is not None and after.lower not in ("that",) and (
            is_noun(after) or after.tag == "JJ" and is_noun(next_word(article, after))
            and (before is None or before.lower not in ("in", "on", "of"))  # "agreed in principle last week"
        ):
            return token.start, token.end, wanted, "'principle' is a rule or belief; 'principal' (main, chief) is meant"
        head = article.tokens[token.head] if token.head != token.i else None
        if head is not None and token.dep == "nsubj" and is_cue(head) and _past(article, head) \
                and _addressee(article, head, lexicon):
            # "The principle told parents", "The principles of five schools have written": an act
            # of speech done once is a person's ("the principle says" states a rule's content)
            return token.start, token.end, wanted, "a principle does not speak; the head of a school is its 'principal'"
        if head is not None and token.dep == "appos" and head.ent_type == "PERSON" \
                or any(child.dep == "appos" and child.ent_type == "PERSON" for child in article.children(token)):
            return token.start, token.end, wanted, "a person is not a principle: the head of a school is its 'principal'"
            # ("Ms Okafor, the principle of Greenhill College," and "The principle, Mrs Jones, said")
        if token.lower == "principle" and lexicon is not None:
            if _of_a_school(article, token, lexicon):
                return token.start, token.end, wanted, "a school or college has a head, its 'principal'; a 'principle' is a rule or belief"
            if _spoken_to(article, token, lexicon):
                return token.start, token.end, wanted, "one speaks to a person, the 'principal'; a 'principle' is a rule or belief"
            if _a_sum_lent(article, token, lexicon):
                return token.start, token.end, wanted, "the sum lent or invested is the 'principal'; a 'principle' is a rule or belief"
            if _in_a_crime(article, token, lexicon):
                return token.start, token.end, wanted, "the one who commits a crime is a 'principal' in it (beside an accessory); a 'principle' is a rule"
        return None
    if token.lower in ("principal", "principals") and before is not None:
        wanted = "principle" + token.lower[len("principal"):]
        reason = "'principal' means main or a head teacher; 'principle' (a rule or belief) is meant"
        ends = after is None or after.pos in ("PUNCT", "CCONJ", "ADP", "PART") and after.lower != "of"
        if token.lower == "principal" and ends and before.lower in ("in", "on", "of") \
                or before.lower == "about" and ends and lexicon is not None and not _money_in_sentence(article, token, lexicon):
            return token.start, token.end, wanted, reason  # "agreed in principal", "a matter of principal",
            # "they argued about principal" (but "about principal, not interest": the sum)
        ahead = previous_word(article, before)
        if token.lower == "principal" and ends and before.pos == "ADJ" and ahead is not None and ahead.lower in ("of", "on"):
            return token.start, token.end, wanted, reason  # "a man of firm principal": a bare noun after its adjective
        if after is not None and after.lower == "of" and lexicon is not None and _of_an_act_or_idea(article, after, lexicon) \
                and not (token.dep == "attr" and person_subject(article, article.tokens[token.head], lexicon)):
            # ("He is the principal of a large comprehensive": a person is a head)
            return token.start, token.end, wanted, reason  # "support the principal of a ceasefire"
        beyond = next_word(article, after) if after is not None else None
        if token.lower == "principals" and after is not None and after.lower == "for" and beyond is not None and beyond.tag == "VBG":
            return token.start, token.end, wanted, reason  # "basic principals for sharing the data": rules for doing
        if after is not None and after.lower == "of" and _bare_abstract(article, after, lexicon):
            return token.start, token.end, wanted, reason  # "the principal of equal pay", "principals of natural justice"
    return None


#: A school or college, whose head is its principal (WordNet's hypernym of "school", "college",
#: "academy", "university", read over their three most frequent senses).
SCHOOL = "educational institution"


def _complemented(article: AnalysedArticle, token: Token) -> bool:
    """Whether the noun ``token`` has what a rule has: an adjective ("the guiding principle"), a
    clause or a complement ("the principle of free speech", "the principle that …")."""
    return any(child.dep in ("amod", "relcl", "acl", "ccomp") or child.dep == "prep" and child.lower in ("of", "that")
               for child in article.children(token)) or (next_word(article, token) or token).lower == "that"


def _of_a_school(article: AnalysedArticle, token: Token, lexicon) -> bool:
    """"the school's principle", "the college principle", "the principle of Ashcroft Academy":
    the singular noun belongs to a school or college (its head noun, or the last word of its
    name), and no adjective says it is a rule ("the founding principle of the school")."""
    if any(child.dep == "amod" for child in article.children(token)) or (next_word(article, token) or token).text == ",":
        return False  # ("The school's principle, says its head, is that …": a parenthesis before what it states)
    owners = [child for child in article.children(token) if child.dep in ("poss", "compound") and child.i < token.i] \
        if not _complemented(article, token) else []  # "the school's principle of inclusion" is a rule
    for child in article.children(token):
        if child.dep == "prep" and child.lower == "of":  # a school's name; "the principle of a
            owners += [t for t in article.children(child) if t.dep == "pobj" and t.pos == "PROPN"]  # university in every county" is an idea
    head = article.tokens[token.head]
    if token.dep == "nsubj" and head.lemma.lower() == "be" and any(c.dep in ("ccomp", "attr", "acomp") and c.i > head.i
                                                                    and c.pos != "PROPN" for c in article.children(head)):
        return False  # "The university's principle is that research …": a rule stated
    return any(owner.pos in ("NOUN", "PROPN") and lexicon.is_a(owner.lower, SCHOOL, 3) for owner in owners)


def _spoken_to(article: AnalysedArticle, token: Token, lexicon) -> bool:
    """"demanded to speak to the principle": the noun is the one spoken to, after "to" on a verb
    of speech that WordNet frames with "to somebody" ("speak", "talk", "apologise", "reply");
    a rule is spoken of ("appealed to the principle of …"), not to."""
    head = article.tokens[token.head]
    if token.dep != "pobj" or head.lower != "to" or head.head == head.i or _complemented(article, token) \
            or any(child.dep == "prep" for child in article.children(token)):
        return False  # ("spoke to the principle behind the amendment": of a rule, in the Commons sense)
    verb = article.tokens[head.head]
    return verb.pos == "VERB" and lexicon.word_class(verb.lemma.lower(), "verb") == "verb.communication" \
        and "27" in lexicon.verb_frames(verb.lemma.lower())


def _a_sum_lent(article: AnalysedArticle, token: Token, lexicon) -> bool:
    """The sum lent: "repays its principle" (a way of paying), "the interest and the principle",
    "the principle on the loan" (a noun WordNet lists for a possession: "interest", "loan",
    "bond"); not "of" one, which is as often a rule about it ("the principle of the minimum
    wage")."""
    if any(child.dep in ("amod", "relcl", "acl") for child in article.children(token)) \
            or not any(child.dep in ("det", "poss") for child in article.children(token)):
        return False  # ("between principle and interest", "self-interest and principle": a bare noun is the idea)
    head = article.tokens[token.head]
    if token.dep == "dobj" and head.pos == "VERB" and lexicon.is_a(head.lemma.lower(), "pay", 3, "verb"):
        return True
    if token.dep == "conj" and head.pos == "NOUN" and _a_possession(head, lexicon) \
            or any(child.dep == "conj" and _a_possession(child, lexicon) for child in article.children(token)):
        return True
    # "on the loan" ("the principle of the minimum wage" is a rule about a sum)
    return any(child.dep == "prep" and child.lower == "on" and any(
        t.dep == "pobj" and _a_possession(t, lexicon) and any(d.dep == "det" or d.tag == "PRP$" for d in article.children(t))
        for t in article.children(child)) for child in article.children(token))


def _a_possession(noun: Token, lexicon) -> bool:
    """A common noun with a WordNet sense in noun.possession ("loan", "interest", "bond",
    "mortgage")."""
    return noun.pos == "NOUN" and lexicon.possession(noun.lemma.lower()) is True


def _addressee(article: AnalysedArticle, verb: Token, lexicon=None) -> bool:
    """The verb of saying has someone it is said to: an object or "to" + a person or group
    ("told parents", "wrote to the minister"). A document says or states things, but tells or
    writes to no one."""
    if lexicon is None:
        return False
    for child in article.children(verb):
        if child.dep in ("dobj", "dative") or child.dep == "prep" and child.lower == "to":
            noun = child if child.dep != "prep" else next((t for t in article.children(child) if t.dep == "pobj"), None)
            if noun is None:
                continue
            if noun.lower in ("us", "them", "him", "her", "me", "you") or noun.ent_type == "PERSON" \
                    or noun.pos == "NOUN" and lexicon.animate(noun.lemma.lower(), first_sense=True) is True:
                return True
    return False


def _past(article: AnalysedArticle, verb: Token) -> bool:
    """A verb in a past tense: "told", "has written"."""
    return verb.tag == "VBD" or verb.tag == "VBN" and any(
        child.dep == "aux" and child.lemma.lower() == "have" for child in article.children(verb))


#: WordNet's classes of nouns that a rule is about, not that a head or a sum belongs to: acts,
#: knowledge, attributes, states, communication ("the principle of a ceasefire", "of the
#: health service"); a school, a firm or a loan has a principal.
IDEA_CLASSES = frozenset({"noun.act", "noun.cognition", "noun.attribute", "noun.state", "noun.communication"})


def _of_an_act_or_idea(article: AnalysedArticle, of: Token, lexicon) -> bool:
    """After "of": "a", "an" or "the" (and adjectives) before a common noun whose commonest
    WordNet sense is an act, an idea, a quality, a state or a communication ("of a ceasefire",
    "of the health service"), and not a kind of "educational institution" or "organization"
    in any of its three commonest senses (a principal is the head of those) or a possession."""
    word = next_word(article, of)
    if word is None or word.lower not in ("a", "an", "the"):
        return False
    noun = word_past(article, word, ("ADJ",), reach=2)
    if noun is None or not is_noun(noun) or not noun.text.islower():
        return False
    if noun.dep == "compound":  # "of the health service": its head noun
        head = article.tokens[noun.head] if noun.head != noun.i else noun
        noun = head if head.i > noun.i else noun
    lemma = noun.lemma.lower()
    if lexicon.is_a(lemma, SCHOOL, 3) or lexicon.is_a(lemma, "organization", 3) or lexicon.possession(lemma):
        return False
    return lexicon.word_class(lemma) in IDEA_CLASSES


def _money_in_sentence(article: AnalysedArticle, token: Token, lexicon) -> bool:
    """Another noun of the sentence has a WordNet sense of possession ("interest", "loan",
    "money"): "principal" may be the sum."""
    sentence = article.sentences[token.sent]
    return any(t.i != token.i and _a_possession(t, lexicon) for t in article.tokens[sentence.first : sentence.last])


def _in_a_crime(article: AnalysedArticle, token: Token, lexicon) -> bool:
    """"the principle in the robbery": "in" and a noun for a crime (a kind of "crime" in
    WordNet's commonest sense), the principal (the one who did it) beside any accessories."""
    after = next_word(article, token)
    if after is None or after.lower != "in":
        return False
    noun = word_past(article, after, ("DET", "ADJ"))
    return noun is not None and is_noun(noun) and lexicon.is_a(noun.lemma.lower(), "crime") is True


def _bare_abstract(article: AnalysedArticle, of: Token, lexicon=None) -> bool:
    """After "of": a common noun with no determiner, only adjectives before it ("of equal pay",
    "of natural justice") — the content of a rule, not the school or loan a principal is of
    ("of the school", "of Harrow")."""
    for k in (1, 2, 3):
        word = next_word(article, of, k)
        if word is None or word.pos in ("DET", "PROPN", "PRON", "NUM") or word.tag == "PRP$":
            return False
        if is_noun(word) and word.text.islower():
            if lexicon is not None and lexicon.animate(word.lemma or word.lower, first_sense=True) is not False:
                return False  # "the principals of local schools": people or institutions
            following = next_word(article, word)
            return following is None or not is_noun(following) or following.text.islower()
        if word.pos != "ADJ":
            return False
    return False


#: Words that describe how someone loses: "a sore looser" is "a sore loser".
LOSER_WORDS = frozenset({"sore", "bad", "good", "poor", "gracious", "graceful", "born"})

#: Degree words: they grade an adjective, and "discrete" (separate) has no degrees.
DEGREE_WORDS = frozenset({"so", "very", "too", "utterly", "extremely",
                          "highly", "fairly", "quite", "rather", "incredibly", "remarkably", "suitably",
                          "especially", "particularly", "ultra", "super", "scrupulously"})

#: Pronouns that name a thing, never a person.
THING_PRONOUNS = frozenset({"it", "this", "that", "which"})


#: WordNet's classes of nouns for qualities and shapes: what goes together ("complementary
#: strengths", "angles"), not what praises or is given free (knowledge is not among them:
#: "complimentary samples" are free ones).
FITTING_CLASSES = frozenset({"noun.attribute", "noun.shape"})


def _parts_that_fit(article: AnalysedArticle, adjective: Token, lexicon) -> bool:
    """"complimentary" said of qualities or shapes (WordNet's first sense of the noun:
    "complimentary strengths", "the two angles are complimentary"): they complete one another.
    Attributive before the noun, or the complement of "be" whose subject is plural. Remarks,
    reviews, tickets and drinks can be complimentary."""
    noun = _modified_noun(article, adjective)
    if noun is None and adjective.dep == "acomp" and adjective.head != adjective.i:
        subjects = [t for t in article.children(article.tokens[adjective.head]) if t.dep == "nsubj"]
        noun = subjects[0] if subjects and subjects[0].tag == "NNS" else None
    if noun is None or noun.pos != "NOUN" or lexicon.animate(noun.lemma.lower(), first_sense=True) is not False:
        return False
    if _owned(article, noun):
        return False  # "the review's complimentary nature": a text's praise
    return lexicon.word_class(noun.lemma.lower()) in FITTING_CLASSES


def _praise_or_pass(article: AnalysedArticle, adjective: Token, lexicon) -> bool:
    """"complementary" before a plural noun of documents or statements (WordNet: "complementary
    letters", "complementary tickets", "complementary remarks") with no clause of its own, and
    nothing that counts or pairs them ("two complementary reports" complete each other, and
    so do "complementary reading lists for each course")."""
    noun = _modified_noun(article, adjective)
    if noun is None or noun.dep == "compound" or noun.tag != "NNS" or lexicon.word_class(noun.lemma.lower()) != "noun.communication":
        return False
    if any(t.dep in ("acl", "relcl") for t in article.children(noun)):
        return False  # "a complementary report covering the areas": what it completes is named
    if not (lexicon.is_a(noun.lemma.lower(), "document") or lexicon.is_a(noun.lemma.lower(), "statement")):
        return False  # a ticket, a letter, a remark; guidance, articles and lectures complete things
    before = previous_word(article, adjective)
    if before is not None and (before.tag == "CD" or before.lower in COUNTING or before.lower in ("two", "both")):
        return False
    after = next_word(article, noun)
    return (after is None or after.lower != "to") and not _sentence_has(article, adjective, PARTITION_WORDS)


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
                if t.head == token.i and t.dep in ("nsubj",)]
    if not subjects and token.dep == "acl" and token.head < token.i:
        subjects = [article.tokens[token.head]]  # "bus services, complimenting the new rail link"
    if not subjects and token.dep == "xcomp" and token.head != token.i:
        # an infinitive's understood subject: the subject of the verb it completes ("It is designed
        # to compliment the room"), or the noun a participle describes ("a tram line, designed to
        # compliment the metro")
        governor = article.tokens[token.head]
        subjects = [t for t in article.children(governor) if t.dep in ("nsubj", "nsubjpass")]
        if not subjects and governor.dep == "acl" and governor.tag == "VBN" and governor.head < governor.i:
            subjects = [article.tokens[governor.head]]
    if not subjects:  # "will compliment": the subject hangs on the auxiliary's verb, or is shared
        return False
    subject = subjects[-1]
    lemma = (subject.lemma or subject.lower).lower()
    classes = lexicon.word_classes(lemma, first=2) if subject.pos == "NOUN" else ()
    if "noun.communication" in classes:
        return False  # a text can praise: "the review complimented the cast", "the obituary"
    if _a_thing(subject, lexicon):
        return True
    # a thing in its two commonest senses, though a rarer sense may name people ("colours",
    # "services"; but "fans" and "the panel" are people in their second)
    if subject.pos != "NOUN" or subject.ent_type or not subject.text.islower():
        return False
    return bool(classes) and not any(c in ("noun.person", "noun.group", "noun.animal") for c in classes)


def _a_thing(noun: Token, lexicon) -> bool:
    """A common noun with no WordNet sense that is a person, a group or an animal, or "it"."""
    if noun.lower in THING_PRONOUNS:
        return True
    if noun.pos != "NOUN" or noun.ent_type or not noun.text.islower():
        return False  # a capitalised subject may be a name whatever the tagger says ("Trump has")
    return lexicon.animate(noun.lemma or noun.lower) is False




def _agent(article: AnalysedArticle, token: Token) -> Token | None:
    """The noun after "by" in a passive ("complemented by his manager")."""
    for k in (1, 2, 3):
        other = next_word(article, token, k)
        if other is None or other.pos in ("PUNCT", "VERB", "AUX"):
            return None
        if other.lower == "by":
            for j in (1, 2, 3, 4):
                noun = next_word(article, other, j)
                if noun is None or noun.pos in ("VERB", "AUX", "ADP") or noun.pos == "PUNCT" and noun.tag != "POS":
                    return None
                if noun.pos in ("NOUN", "PROPN", "PRON") and noun.tag != "PRP$":
                    owner = next_word(article, noun)
                    if owner is not None and owner.tag == "POS":
                        continue  # "by the coach's tactics": the possessor is not the agent
                    return _compound_head(article, noun) if noun.pos == "NOUN" else noun
            return None
    return None


def _completed_with(article: AnalysedArticle, token: Token, lexicon) -> bool:
    """"compliment the pension scheme with a top-up": a thing as object and "with" what is added
    (people are complimented "on" or "for" something)."""
    objects = [t for t in article.tokens[token.i + 1 : token.i + 8] if t.head == token.i and t.dep == "dobj"]
    if not objects or not _a_thing(objects[0], lexicon):
        return False
    return any(t.lower == "with" and t.head in (token.i, objects[0].i)
               for t in article.tokens[objects[0].i + 1 : objects[0].i + 6])


#: What is handed over free ("a complimentary bottle", "copy", "ticket", "spa session",
#: "parking"): WordNet's classes of things, foods, documents, places and amounts.
GIVEN_CLASSES = frozenset({"noun.artifact", "noun.food", "noun.communication", "noun.location", "noun.quantity"})


def _given_free(article: AnalysedArticle, adjective: Token, lexicon) -> bool:
    """"Guests receive a complementary bottle", "will be offered complementary parking", "the
    package includes a complementary spa session": the adjective's noun is a thing handed over,
    to the subject of "get" or a kind of receiving (WordNet) or of a passive verb of giving,
    or, with "a", listed by "include" or any verb of possession. Completing needs two things
    ("complementary to", "the firms offer complementary products", "receive complementary
    therapy" stay)."""
    if adjective.dep != "amod" or adjective.head == adjective.i:
        return False
    after = next_word(article, adjective)
    if after is None or after.lower in ("to", "and", "or", ","):
        return False
    noun = article.tokens[adjective.head]
    if noun.pos != "NOUN" or lexicon.word_class(noun.lemma.lower()) not in GIVEN_CLASSES:
        return False
    single = any(child.lower in ("a", "an") for child in article.children(noun))
    while noun.dep == "conj" and noun.head != noun.i:
        noun = article.tokens[noun.head]
    if noun.dep not in ("dobj", "nsubjpass") or noun.head == noun.i:
        return False
    verb = article.tokens[noun.head]
    if verb.pos != "VERB":
        return False
    lemma = verb.lemma.lower()
    passive = any(child.dep in ("auxpass", "nsubjpass") for child in article.children(verb))
    possession = lexicon.word_class(lemma, "verb") == "verb.possession"
    document = lexicon.word_class(noun.lemma.lower()) == "noun.communication" and noun.tag == "NNS"
    receiving = lemma == "get" or lexicon.is_a(lemma, "receive", 3, "verb") is True  # not "acquire", "buy"
    return noun.dep == "dobj" and not passive and receiving and not document \
        or passive and possession or single and (lemma == "include" or lexicon.is_a(lemma, "give", 3, "verb") is True)
    # ("acquired a complementary archive", "got complementary reading lists": completing sets)


def _to_a_thing(article: AnalysedArticle, to: Token, lexicon) -> bool:
    """"complimentary to his" (skills), "complimentary to the existing scheme": what follows "to" is
    a thing or a possessive pronoun standing for one, not someone praised."""
    noun = next((t for t in article.children(to) if t.dep == "pobj"), None)
    if noun is None:
        return False
    adjective = article.tokens[to.head]
    verb = article.tokens[adjective.head] if adjective.dep == "acomp" else None
    subject = next((t for t in article.children(verb) if t.dep == "nsubj"), None) if verb is not None else None
    if subject is not None and (subject.ent_type == "PERSON" or subject.lower in ("he", "she", "they", "we", "i", "you")
                                or subject.pos == "NOUN" and lexicon.animate(subject.lemma.lower(), first_sense=True) is not False):
        return False  # "Critics were complimentary to the production": people praise
    if noun.lower in ("his", "hers", "theirs", "ours", "mine", "yours"):
        return True
    return noun.pos == "NOUN" and noun.text.islower() and not noun.ent_type \
        and lexicon.animate(noun.lemma.lower(), first_sense=True) is False  # "the existing system"; not "the team"


def _rule_complement(article: AnalysedArticle, token: Token, lexicon=None) -> Hit:
    lower = token.lower
    if lower.startswith("compliment") and not lower.startswith("complimentar"):
        after = next_word(article, token)
        if lower == "compliment" and after is not None and after.lower == "of":
            return token.start, token.end, "complement", "'compliment' is praise; a full set is a 'complement'"
        wanted = "complement" + lower[len("compliment"):]
        if token.pos == "VERB" and lexicon is not None and _praiser_is_a_thing(article, token, lexicon):
            return token.start, token.end, wanted, "only people praise: a thing that goes well with another 'complements' it"
        if lower == "complimented" and lexicon is not None:
            agent = _agent(article, token)
            if agent is not None and agent.pos == "NOUN" and lexicon.animate(agent.lemma or agent.lower) is False:
                return token.start, token.end, wanted, "only people praise: completed or set off by a thing is 'complemented'"
        if token.pos == "VERB" and lexicon is not None and _completed_with(article, token, lexicon):
            return token.start, token.end, wanted, "a thing is completed 'with' something: 'complement … with'; praise is 'compliment … on'"
        return None
    if lower in ("complementary", "complimentary"):
        after = next_word(article, token)
        if lower == "complementary" and after is not None and after.lower == "about":
            return token.start, token.end, "complimentary", "praise 'about' someone or something is 'complimentary'"
        if lower == "complementary" and lexicon is not None and _given_free(article, token, lexicon):
            return token.start, token.end, "complimentary", "a thing given free is 'complimentary'; 'complementary' completes something"
        if lower == "complimentary" and after is not None and after.lower == "to" and lexicon is not None \
                and _to_a_thing(article, after, lexicon):
            return token.start, token.end, "complementary", "a thing that completes another is 'complementary' to it; praise is 'complimentary'"
        if lower == "complimentary" and lexicon is not None and _parts_that_fit(article, token, lexicon):
            return token.start, token.end, "complementary", "qualities or parts that go together are 'complementary'; 'complimentary' is praising or free"
        if lower == "complementary" and lexicon is not None and _praise_or_pass(article, token, lexicon):
            return token.start, token.end, "complimentary", "a letter, a remark or a ticket is 'complimentary' (praising, or free); 'complementary' completes something"
        if lower == "complementary" and after is not None and after.tag == "NN" and after.dep != "compound" \
                and lexicon is not None and lexicon.food(after.lemma.lower()) is True \
                and (next_word(article, after) is None or next_word(article, after).pos != "NOUN"):
            return token.start, token.end, "complimentary", "food or drink given free is 'complimentary'"
            # (one food or drink: "complementary flavours" and "complementary foods" go together)
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
    if lower == "complemented" and lexicon is not None:
        agent = _agent(article, token)
        if agent is not None and a_person(agent, lexicon):
            return token.start, token.end, wanted, "praised by a person is 'complimented'"
    # praise for someone: "nothing but complements for Maya Reid" (a "complement for Kane" is a partner)
    if token.pos == "NOUN" and token.tag == "NNS" and lexicon is not None:
        after = next_word(article, token)
        if after is not None and after.lower == "for":
            for k in (2, 3, 4):
                other = next_word(article, token, k)
                if other is None or other.pos in ("PUNCT", "VERB", "AUX", "ADP"):
                    break
                if other.pos in ("NOUN", "PROPN", "PRON") and other.tag != "PRP$":
                    owner = next_word(article, other)
                    if (other.ent_type == "PERSON" or other.lower in ("him", "her", "them", "me", "us")) \
                            and (owner is None or owner.tag != "POS"):
                        return token.start, token.end, wanted, "praise is given 'for' a person: a 'compliment'"
                    break
    # "with the compliments of the chef", "with our compliments"
    if lower == "complements" and token.pos == "NOUN":
        det, prep = previous_word(article, token), previous_word(article, token, 2)
        if det is not None and prep is not None and prep.lower == "with" and (det.lower == "the" or det.tag == "PRP$"):
            return token.start, token.end, wanted, reason
    # praise given, taken or returned: "paid a complement", "returned the complement"
    head = article.tokens[token.head] if token.head != token.i else None
    if token.pos == "NOUN" and head is not None and head.lower in ("for", "by") and head.head != head.i \
            and article.tokens[head.head].lemma.lower() in ("thank", "flatter", "fish"):
        return token.start, token.end, wanted, reason  # "thanked the crowd for their complements", "flattered by the complement"
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


PERSONAL_PRONOUNS = frozenset({"i", "we", "you", "he", "she"})


def _predicate_of_a_person(article: AnalysedArticle, adjective: Token, lexicon) -> bool:
    """``adjective`` is said of a person: the complement of "be" (or one of a list of them,
    "patient, reliable and discrete") whose subject is a personal pronoun, a person's name, a
    relative "who", or a noun whose first WordNet sense is a person ("aides")."""
    word = adjective
    while word.dep == "conj" and word.head != word.i:
        word = article.tokens[word.head]
    if word.dep != "acomp" or word.head == word.i:
        return False
    verb = article.tokens[word.head]
    if verb.lemma.lower() not in ("be", "remain", "stay", "seem"):
        return False
    subjects = [t for t in article.children(verb) if t.dep == "nsubj"]
    if not subjects:
        return False
    subject = subjects[0]
    if subject.lower == "who":
        return True
    if subject.lower in PERSONAL_PRONOUNS or subject.ent_type == "PERSON":
        return True
    return subject.pos == "NOUN" and lexicon.person(subject.lemma.lower()) is True


#: Where a thing is put or sent: after "tucked", "passed", "returned".
DESTINATIONS = frozenset({"away", "out", "off", "into", "inside", "behind", "beneath", "to", "back"})


def _moved_somewhere(article: AnalysedArticle, participle: Token, lexicon) -> bool:
    """A participle of putting or sending (WordNet's first sense a verb of motion, contact or
    possession) with where to ("tucked away", "passed to a journalist", "returned to the
    archive"): done out of sight, "discreetly"; a quantity is split "discretely" with no
    destination ("discretely sampled", "spaced at intervals")."""
    if lexicon is None or participle.tag != "VBN":
        return False
    after = next_word(article, participle)
    return after is not None and after.lower in DESTINATIONS \
        and lexicon.word_class(participle.lemma.lower(), "verb") in ("verb.motion", "verb.contact", "verb.possession")


def _rule_discreet(article: AnalysedArticle, token: Token, lexicon=None) -> Hit:
    before = previous_word(article, token)
    after = next_word(article, token)
    if token.lower == "discretely":
        if after is not None and after.tag in ("VBN", "JJ") and after.lower not in ("through",) \
                and not _moved_somewhere(article, after, lexicon):
            return None  # "discretely sampled" (but "discretely tucked away", "discretely passed to a journalist")
        return token.start, token.end, "discreetly", "'discrete' means separate; 'discreetly' (tactfully) is meant"
    if token.lower == "discrete":
        reason = "'discrete' means separate; 'discreet' (tactful, unobtrusive) is meant"
        if after is not None and after.lower in ("about", "with"):
            return token.start, token.end, "discreet", reason
        if before is not None and (before.lower in ("be", "is", "was", "being", "remain", "remained", "stay", "stayed")
                                   or before.lower in DEGREE_WORDS
                                   or before.lower == "always" and previous_word(article, before) is not None and previous_word(article, before).lower in BE):
            return token.start, token.end, "discreet", reason  # "utterly discrete": "separate" has no degrees
        if after is not None and after.lower == "enough":
            return token.start, token.end, "discreet", reason  # "small and discrete enough"
        if lexicon is not None and token.dep == "amod" and token.head != token.i:
            noun = article.tokens[token.head]
            if noun.pos == "NOUN" and noun.i > token.i and lexicon.person(noun.lemma.lower()) is True:
                return token.start, token.end, "discreet", "a person is 'discreet' (tactful); 'discrete' means separate"
        if lexicon is not None and _predicate_of_a_person(article, token, lexicon):
            return token.start, token.end, "discreet", "a person is 'discreet' (tactful); 'discrete' means separate"
        if lexicon is not None and _conduct_not_parts(article, token, lexicon):
            return token.start, token.end, "discreet", "said of what people do or say, 'discreet' (quiet, tactful); 'discrete' means separate"
        return None
    if token.lower == "discreteness" and before is not None and before.tag == "PRP$" and before.lower not in ("its",):
        return token.start, token.end, "discretion", "'discreteness' is being separate; a person's tact is 'discretion'"
    if token.lower == "discreet":
        reason = "'discreet' means tactful; 'discrete' (separate, distinct) is meant"
        if after is not None and after.lower == "from":
            return token.start, token.end, "discrete", reason
        if before is not None and (before.lower in COUNTING or before.tag == "CD") and after is not None and after.tag == "NNS":
            return token.start, token.end, "discrete", reason
        if before is not None and before.lower in ("are", "were") and after is not None and after.lower in ("and",):
            return token.start, token.end, "discrete", reason
        if before is not None and after is not None and after.tag == "NNS" and before.lower == "into":
            return token.start, token.end, "discrete", reason  # "divided into discreet zones"
        if lexicon is not None and _measured_parts(article, token, lexicon):
            return token.start, token.end, "discrete", reason
    return None


#: What "discrete" (separate) says of one thing among others: words that divide a whole or
#: take its parts one by one ("each episode tells a discrete story", "treated as a discrete
#: market"). A sentence with one of them keeps "discrete" whatever its noun.
PARTITION_WORDS = frozenset({"each", "every", "per", "separate", "separately", "distinct", "split",
                             "divided", "divides", "divide", "individual", "individually"})
#: WordNet's classes of nouns for what people do and say: acts, communication, events.
CONDUCT_CLASSES = frozenset({"noun.act", "noun.communication", "noun.event"})


def _owned(article: AnalysedArticle, noun: Token) -> bool:
    """``noun`` has a possessive before it ("the ambassador's diplomacy", "its handling")."""
    return any(t.dep == "poss" or t.tag == "POS" for t in article.children(noun))


def _sentence_has(article: AnalysedArticle, token: Token, words: frozenset[str]) -> bool:
    """A word of ``words`` is anywhere in ``token``'s sentence."""
    sentence = article.sentences[token.sent]
    return any(t.lower in words for t in article.tokens[sentence.first : sentence.last])


def _modified_noun(article: AnalysedArticle, adjective: Token) -> Token | None:
    """The noun ``adjective`` modifies, after it, also as the second of two adjectives ("small
    and discrete ceremony"); None when it modifies none."""
    if adjective.dep == "conj" and adjective.head < adjective.i:
        adjective = article.tokens[adjective.head]
    if adjective.dep != "amod" or adjective.head == adjective.i or adjective.head < adjective.i:
        return None
    noun = article.tokens[adjective.head]
    return noun if noun.pos == "NOUN" else None


def _conduct_not_parts(article: AnalysedArticle, adjective: Token, lexicon) -> bool:
    """"discrete" before one singular noun of something people do or say (WordNet's first
    sense an act, a communication or an event: "a discrete word with the referee", "a discrete
    wedding", "its discrete handling of the talks") where nothing in the sentence divides a
    whole into parts: "discrete" (separate) is said of one thing among others ("each
    assault as a discrete offence", "four discrete stages"), "discreet" of conduct. A noun
    that itself modifies another is a technical term ("discrete event simulation"), and only "a"
    or a possessive makes it one act ("four discrete stages", "the discrete signal" are left)."""
    noun = _modified_noun(article, adjective)
    if noun is None or noun.tag != "NN" or noun.dep == "compound":
        return False
    if not any(t.dep in ("det", "poss") and t.lower not in ("the", "this", "that", "no", "any")
               or t.tag == "POS" for t in article.children(noun)):
        return False  # one act of someone's ("a discrete word", "its discrete handling"), not a
        # kind or a mass ("in discrete time", "the discrete signal")
    if _sentence_has(article, adjective, PARTITION_WORDS):
        return False
    if lexicon.word_class(noun.lemma.lower()) not in CONDUCT_CLASSES:
        return False
    # what is said of it: "the leak was a discrete breach", "treated as a discrete incident" set
    # one act apart from others; someone's act done quietly is discreet
    head = article.tokens[noun.head] if noun.head != noun.i else None
    if noun.dep == "attr" or head is not None and head.lower == "as":
        return False
    return _someones_act(article, noun, lexicon)


def _someones_act(article: AnalysedArticle, noun: Token, lexicon) -> bool:
    """The act ``noun`` names is someone's conduct: it has a possessive ("the ambassador's
    diplomacy", "its handling") or is addressed to someone ("a word with the referee", "a call to
    the chief whip"). A person's verb is not enough ("imposed a discrete sentence", "lodged a
    discrete appeal" are acts set apart from others), nor is a device's "discrete signal"."""
    if _owned(article, noun):
        return True
    for prep in article.children(noun):
        if prep.dep == "prep" and prep.lower in ("with", "to"):
            target = next((t for t in article.children(prep) if t.dep == "pobj"), None)
            if target is not None and (target.ent_type == "PERSON" or a_person(target, lexicon)):
                return True
    return False


#: WordNet's classes of nouns a plural of which is a set of parts ("discreet units", "discreet
#: angles", "discreet levels", "discreet disorders"): nothing there is tactful or unobtrusive.
MEASURE_CLASSES = frozenset({"noun.quantity", "noun.shape"})
PARTS_CLASSES = frozenset({"noun.attribute", "noun.group", "noun.state"})


def _measured_parts(article: AnalysedArticle, adjective: Token, lexicon) -> bool:
    """"discreet" before a plural noun of measures, shapes, attributes named by a technical
    compound ("energy levels"), groups of things or states ("discreet units", "angles",
    "packets", "disorders"): "discrete" (separate) is meant. A singular can be unobtrusive ("a
    discreet volume", "a discreet distance"), and so can people, gatherings, colours and a graded
    adjective's noun ("discreet teams", "discreet meetings", "discreet shades", "a more discreet
    angle")."""
    noun = _modified_noun(article, adjective)
    if noun is None or lexicon.person(noun.lemma.lower()) is True:
        return False
    before = previous_word(article, adjective)
    if before is not None and before.lower in DEGREE_WORDS:
        return False  # "a more discreet angle": graded, so tactful or unobtrusive, not separate
    after = next_word(article, noun)
    if noun.tag != "NNS" or _owned(article, noun) \
            or after is not None and after.lower == "of":  # "discreet lines of credit": what they hold
        return False  # one thing can be unobtrusive, "at a discreet volume", and so can someone's
        # features, "the building's discreet curves"
    lemma = noun.lemma.lower()
    kind = lexicon.word_class(lemma)
    if kind == "noun.group" and (lexicon.is_a(lemma, "gathering") or lexicon.is_a(lemma, "social group")):
        return False  # "discreet meetings", "discreet teams of officers": people, quietly
    if kind == "noun.attribute" and not any(t.dep == "compound" for t in article.children(noun)):
        return False  # "discreet hues" (but "discreet energy levels": a physical term)
    if kind == "noun.state" and not lexicon.is_a(lemma, "condition"):
        return False  # "discreet shades of grey" (but "discreet disorders", "problems": conditions)
    return kind in PARTS_CLASSES | MEASURE_CLASSES


#: Words of a margin after "lead by" ("lead by a point", "lead by just six"): the present verb.
_MARGIN_WORDS = frozenset({"a", "an", "one", "just", "only", "about", "some", "around", "nearly",
                           "almost", "more", "less", "fewer", "over", "under", "at", "as", "up"})
#: What "led" goes on to as a verb of guiding ("led to", "led from the front", "led us astray").
_LEAD_ON = frozenset({"to", "from", "into", "astray", "away", "off", "out", "directly"})
#: After *have*, only these: "have lead from old pipes" holds the metal.
_LEAD_ON_AFTER_HAVE = frozenset({"to", "astray", "directly"})


def _perfect_question(article: AnalysedArticle, token: Token) -> bool:
    """``token`` ("lead") is the verb of a question that opens with "Has", "Have" or "Had" and
    its subject ("Has a newly promoted side ever lead the table?"): the perfect's participle."""
    sentence = article.sentences[token.sent]
    opener = article.tokens[sentence.first]
    if opener.lower not in ("has", "have", "had") or not _question(article, token):
        return False
    between = article.tokens[opener.i + 1 : token.i]
    before, after = previous_word(article, token), next_word(article, token)
    if before is None or before.tag in ("POS", "PRP$") or before.pos in ("DET", "ADJ", "NOUN", "PROPN") and before.dep in ("poss", "compound", "amod"):
        return False  # "Has Labour's lead in the polls narrowed?", "Have the city's lead pipes": the noun
    if after is None or not (after.pos in ("DET", "PROPN") or after.tag in ("PRP$", "PRP")):
        return False
    rest = article.tokens[token.i + 1 : sentence.last]
    return bool(between) and any(t.pos in ("NOUN", "PROPN", "PRON") for t in between) \
        and not any(t.pos == "AUX" or t.tag in ("VBD", "VBZ", "VBP", "MD") for t in between) \
        and not any(t.tag in ("VBN", "VBD", "VBZ", "VBP") for t in rest)


def _auxiliary_before(article: AnalysedArticle, token: Token) -> Token | None:
    """The word before ``token`` past up to two adverbs ("has always", "had not yet")."""
    prior, k = previous_word(article, token), 1
    while prior is not None and (prior.pos == "ADV" or prior.lower in NEGATION) and k < 3:
        k += 1
        prior = previous_word(article, token, k)
    return prior


def _rule_led(article: AnalysedArticle, token: Token, lexicon=None) -> Hit:
    before = previous_word(article, token)
    after = next_word(article, token)
    if token.lower == "mislead" and before is not None:
        reason = "the past tense and participle of 'mislead' is 'misled'"
        if before.lower in HAVE | BE or before.lower in NEGATION and previous_word(article, before) is not None \
                and previous_word(article, before).lower in HAVE | BE:
            return token.start, token.end, "misled", reason  # "were mislead about", "had not mislead parliament"
        if after is not None and is_noun(after) and (before.lower == "of" or before.pos in ("DET", "ADJ", "NUM")):
            return token.start, token.end, "misled", reason  # "thousands of mislead investors"
        return None
    if token.lower == "lead" and before is None and after is not None and after.lower == "by":
        beyond = next_word(article, after)
        if beyond is not None and (beyond.pos in ("DET", "PROPN") or beyond.tag == "PRP$") and beyond.lower != "example" \
                and any(t.text == "," for t in article.tokens[token.i : article.sentences[token.sent].last]):
            return token.start, token.end, "Led", "a phrase that opens the sentence with 'by' is a passive: 'Led by'"
    if token.lower == "lead" and before is not None:
        reason = "the past tense and participle of 'lead' is 'led'"
        if before.lower in BE - {"be", "'s", "’s", "'re", "’re"} and after is not None \
                and after.lower in ("to", "astray", "into", "away", "off", "out"):
            return token.start, token.end, "led", reason  # "were lead to believe", "was lead astray"
        joined = previous_word(article, before) if before.text in ("-", "‐") and before.start == token.start - 1 else None
        if joined is not None and joined.end == before.start and joined.pos in ("NOUN", "PROPN") and after is not None \
                and is_noun(after) and article.text[token.end : token.end + 1] != "-":
            return token.start, token.end, "led", reason  # "the Labour-lead council"
        if after is not None and after.lower == "by" and before.pos not in ("DET", "ADJ") and before.tag not in ("PRP$", "POS"):
            beyond = next_word(article, token, 2)  # ("England's lead by training", "her lead by one point": the noun)
            margin = beyond is not None and (beyond.pos == "NUM" or beyond.lower in _MARGIN_WORDS) and before.lower not in BE \
                and not (beyond.lower in ("a", "an") and _agent_after(article, beyond, lexicon))
            if beyond is not None and beyond.lower != "example" and not margin:
                return token.start, token.end, "led", reason
        auxiliary = _auxiliary_before(article, token)
        if auxiliary is not None and auxiliary.lower in HAVE and auxiliary.pos == "AUX" and after is not None and (
            after.pos in ("DET", "PROPN") or after.tag in ("PRP$", "PRP") or after.lower in _LEAD_ON_AFTER_HAVE
        ):
            return token.start, token.end, "led", reason  # "has lead the way", "have always lead us",
            # "had lead directly to": a perfect takes the participle
        if before.pos == "ADV" and before.lower not in NEGATION | {"only", "just", "mostly", "mainly", "largely"} \
                and auxiliary is not None and auxiliary.i < before.i and auxiliary.lower in ("has", "have", "had", "'ve", "’ve") \
                and after is not None and (after.pos in ("DET", "PROPN") or after.tag in ("PRP$", "PRP") or after.lower in ("from", "by")):
            return token.start, token.end, "led", reason  # "has often lead from the front", "had quietly
            # lead the talks": a perfect past an adverb ("has only lead and zinc" is the metal)
        if before.pos == "ADV" and before.lower.endswith("ly") and auxiliary is not None and auxiliary.lower in FINITE_BE \
                and (after is None or after.lower == "by" or after.text in (",", ".", ";")) \
                and lexicon is not None and (person_subject(article, token, lexicon) or token.dep in ("acomp", "attr")
                                             and person_subject(article, article.tokens[token.head], lexicon)):
            return token.start, token.end, "led", reason  # "voters are easily lead, the columnist claimed"
            # (people; "the bullets were mostly lead." is the metal)
        if _perfect_question(article, token):
            return token.start, token.end, "led", reason  # "Has a newly promoted side ever lead the table?"
        if token.tag in ("VBP", "VB", "VBD") and (before.tag == "NN" or before.lower in ("he", "she", "it")) \
                and before.dep == "nsubj" and after is not None \
                and not (before.tag == "NN" and lexicon is not None and lexicon.group(before.lemma.lower())) \
                and not any(t.lower == "that" for t in sentence_before(article, before)[-3:]) \
                and (after.pos in ("DET", "PROPN") or after.tag in ("PRP$", "PRP") or after.lower in _LEAD_ON):
            ahead = previous_word(article, before, 1)
            inverted = any(t.tag == "MD" or t.lower in DO for t in sentence_before(article, before))
            if (ahead is None or ahead.pos not in ("VERB", "AUX")) and not inverted:
                return token.start, token.end, "led", reason  # "The captain lead his team", "He lead the team": 'leads' or 'led'
        if token.tag in ("VBP", "VB") and not any(child.dep == "aux" or child.tag == "MD" for child in article.children(token)) \
                and _past_time_in_clause(article, token, lexicon) and not _question(article, token):
            return token.start, token.end, "led", reason  # "Volunteers lead the clean-up last weekend": a time gone by
        if (before.pos == "NOUN" and before.tag == "NN" or before.ent_type == "PERSON") and after is not None \
                and (after.pos == "DET" or after.tag == "PRP$" or after.lower == "to") and _only_verb_slot(article, token, before) \
                and not _in_prepositional_phrase(article, before):
            return token.start, token.end, "led", reason  # "A local vicar lead the service on Sunday.": the sentence's only verb
        if token.tag in ("VBP", "VB") and after is not None and (after.pos in ("DET", "PROPN") or after.tag in ("PRP$", "PRP")
                                                               or after.lower in _LEAD_ON) \
                and _singular_subject(article, token, before, lexicon):
            return token.start, token.end, "led", reason  # "a reporter who lead the coverage", "research in the 1990s lead to"
        return None
    if token.lower == "led" and before is not None and token.text != "LED":
        reason = "'led' is the past of 'lead'; the present, infinitive and noun are 'lead'"
        if token.text == "led" and article.text[before.end : token.start] == " " and article.text[token.end : token.end + 1] != "-" \
                and before.lower in PREPOSITIONS and (after is None or after.pos in ("PUNCT", "ADP", "SCONJ")):
            return token.start, token.end, "lead", "the metal is 'lead'"  # "tested the soil for led after"
        if before.lower in MODALS or before.lower in DO or (before.lower == "to" and before.tag == "TO"):
            return token.start, token.end, "lead", reason
        auxiliary = _auxiliary_before(article, token)
        governs = after is not None and (after.pos in ("DET", "PROPN") or after.tag in ("PRP$", "PRP"))
        if before.pos == "ADV" and auxiliary is not None and auxiliary.i < before.i and governs and before.tag != "RBR" \
                and (auxiliary.lower in MODALS or auxiliary.lower in DO or auxiliary.lower == "to" and auxiliary.tag == "TO"):
            return token.start, token.end, "lead", reason  # "will still led the team", "to quickly led the market"
        helper = previous_word(article, before)
        if before.lemma.lower() == "help" and before.pos == "VERB" and governs and helper is not None \
                and (helper.lower == "to" or helper.lower in MODALS):
            return token.start, token.end, "lead", reason  # "asked to help led the inquiry": help + the bare verb
        opener = article.tokens[article.sentences[token.sent].first]
        if opener.lower in MODALS | DO and opener.i < token.i - 1 and _question(article, token) \
                and (after is None or after.lower != "by") \
                and not any(t.pos in ("VERB", "AUX") for t in article.tokens[opener.i + 1 : token.i]) \
                and not any(t.pos == "VERB" and t.dep not in ("amod", "compound")
                            for t in article.tokens[token.i + 1 : article.sentences[token.sent].last]):
            return token.start, token.end, "lead", reason  # "Will the talks led anywhere?", "Does she still led"
            # (a participle that modifies a noun, "the party's negotiating team", is no verb of the clause)
        if before.pos == "DET" or before.tag in ("PRP$", "POS"):
            return token.start, token.end, "lead", reason
        if before.lower == "her" and _her_possessive(article, before) and (after is None or after.pos in ("ADP", "PUNCT", "AUX")) \
                and (after is None or after.lower not in _LEAD_ON | {"by"} or after.lower == "to" and _a_margin_after(article, after)):
            return token.start, token.end, "lead", reason  # "extended her led to three lengths", "Her led over
            # the others has narrowed" ("saw her led away": the object of seeing, and a participle)
        if lexicon is not None and _in_a_list_of_nouns(article, token, lexicon):
            return token.start, token.end, "lead", "the metal is 'lead'"  # "tested for asbestos, led and radon"
        if _modifiers_after_article(article, token, lexicon) and (after is None or after.pos in ("ADP", "PUNCT")):
            return token.start, token.end, "lead", reason  # "took a two-goal led into half-time", "a slender
            # led": "a" and its modifiers need a noun, and "led" is the only word left to be it
    return None


def _her_possessive(article: AnalysedArticle, her: Token) -> bool:
    """"her" is a possessive, not the object of a verb of seeing or causing before it ("saw her
    led away", "had her led out"): at a sentence's start, after a preposition, or after a verb
    that is not one of perceiving and not "have", "get", "let" or "watch"."""
    prior = previous_word(article, her)
    if prior is None or prior.pos in ("ADP", "PUNCT", "CCONJ"):
        return True
    return prior.pos == "VERB" and prior.lemma.lower() not in ("have", "get", "let", "watch", "see", "hear", "want", "need",
                                                               "feel", "notice", "find", "show", "photograph", "film")


def _a_margin_after(article: AnalysedArticle, to: Token) -> bool:
    """After "to": a number and its unit ("to three lengths", "to 12 points"), the size of a lead."""
    number = next_word(article, to)
    return number is not None and (number.pos == "NUM" or number.tag == "CD")


def _in_a_list_of_nouns(article: AnalysedArticle, token: Token, lexicon) -> bool:
    """"asbestos, led and radon": the word stands in a list between a noun and a singular noun
    (as tagged, or a word WordNet lists only as a noun), so it is the noun too (a list of verbs, "planned, led and won", is not)."""
    prior, after = previous_word(article, token), next_word(article, token)
    if prior is None or after is None or prior.text != "," or after.lower not in ("and", "or", ","):
        return False
    first, last = previous_word(article, prior), next_word(article, after)
    if first is None or last is None or first.pos != "NOUN" or not last.text.isalpha() or not last.text.islower():
        return False
    return last.pos == "NOUN" and last.tag == "NN" or lexicon.parts_of_speech(last.lower) == frozenset({"noun"})


def _modifiers_after_article(article: AnalysedArticle, word: Token, lexicon=None) -> bool:
    """Between "a"/"an" and ``word`` stand only modifiers — a measure joined to its number
    ("two-goal", "10-point") or words WordNet lists as adjectives and not as nouns ("slender") —
    so ``word`` must be the noun "a" counts. A hyphenated noun ("a flare-up led to") is a noun of
    its own, and "led" its verb."""
    if lexicon is None or article.text[word.start - 1 : word.start] in ("-", "‐"):
        return False  # "a well-led, lean firm", "a Labour-led council": a compound with the participle
    adjectives = lexicon.wordnet.get("adj", frozenset())
    sentence = article.sentences[word.sent]
    between = []
    for other in reversed(article.tokens[sentence.first : word.i]):
        if other.lower in ("a", "an"):
            break
        between.append(other)
    else:
        return False
    if not between or len(between) > 4:
        return False
    has_number = any(t.pos == "NUM" for t in between)
    for other in between:
        if other.pos == "NUM" or other.text in ("-", "‐") and has_number:
            continue
        if other.pos == "NOUN" and has_number and article.text[other.start - 1 : other.start] in ("-", "‐"):
            continue  # "two-goal": the measure of a number
        if other.pos in ("ADJ", "NOUN") and other.text.isalpha() and other.text.islower() \
                and other.lower in adjectives and lexicon.is_noun(other.lower) is False:
            continue
        return False
    return True


def _agent_after(article: AnalysedArticle, determiner: Token, lexicon) -> bool:
    """After "by a": a person or a group is the agent of a passive ("lead by a UN envoy"), not a
    margin ("lead by a point")."""
    for k in (1, 2, 3):
        word = next_word(article, determiner, k)
        if word is None or word.pos not in ("NOUN", "PROPN", "ADJ"):
            return False
        if word.pos == "NOUN" and (next_word(article, word) is None or next_word(article, word).pos != "NOUN"):
            return lexicon is not None and lexicon.animate(word.lemma.lower(), first_sense=True) is True
    return False


def _question(article: AnalysedArticle, token: Token) -> bool:
    sentence = article.sentences[token.sent]
    return any(t.text == "?" for t in article.tokens[sentence.first : sentence.last])


def _past_time_in_clause(article: AnalysedArticle, verb: Token, lexicon) -> bool:
    """The verb's clause says when, and it is over: "yesterday", "last weekend", "two years
    ago" — an adverbial the verb governs, so a bare present cannot stand."""
    for word in article.tokens[verb.i + 1 : article.sentences[verb.sent].last]:
        if word.text in (",", ";", ":") or word.pos in ("SCONJ", "CCONJ") or word.lower in ("after", "before", "until", "since"):
            return False  # the clause ends, or another begins
        if word.lower == "yesterday" or word.lower == "ago" and previous_word(article, word) is not None \
                and lexicon is not None and lexicon.time(previous_word(article, word).lemma.lower()):
            return True
        if word.lower == "last" and next_word(article, word) is not None and lexicon is not None \
                and lexicon.time(next_word(article, word).lemma.lower()) and next_word(article, word).tag == "NN" \
                and (next_word(article, word, 2) is None or next_word(article, word, 2).tag != "POS"):
            return True  # (not "last year's campaign": a noun phrase)
    return False


def _in_prepositional_phrase(article: AnalysedArticle, noun: Token) -> bool:
    """``noun`` and the determiner and modifiers before it follow a preposition ("through the
    village"): it is that preposition's object, whatever the parser made of it."""
    opener = noun
    while previous_word(article, opener) is not None and previous_word(article, opener).pos in ("DET", "ADJ", "NOUN", "NUM") \
            and previous_word(article, opener).tag != "PRP$":
        opener = previous_word(article, opener)
    prior = previous_word(article, opener)
    return prior is not None and prior.pos == "ADP"


def _singular_subject(article: AnalysedArticle, verb: Token, before: Token, lexicon=None) -> bool:
    """The verb's subject is one thing or person, away from it — past a phrase after the noun
    ("Her research in the 1990s lead to") or through a relative "who" ("a reporter who lead") — so
    a bare "lead" cannot be its present: the past "led" was meant. A group noun may take a plural
    verb in British English ("the side who lead the league"), and a question or a modal leaves
    the bare form right."""
    subjects = [t for t in article.children(verb) if t.dep == "nsubj"]
    if len(subjects) != 1 or subjects[0].i == before.i and before.lower not in ("who", "that"):
        return False
    subject = subjects[0]
    if subject.lower in ("who", "that") and verb.dep == "relcl" and verb.head != verb.i:
        subject = article.tokens[verb.head]
    if subject.tag != "NN" or subject.pos != "NOUN" or subject.i > verb.i:
        return False
    if _in_prepositional_phrase(article, subject):
        return False  # "The roads through the village lead": the parser's subject is a preposition's noun
    if lexicon is None or lexicon.group(subject.lemma.lower()) is not False:
        return False  # "the team who lead", and a word WordNet lacks
    if any(child.dep in ("aux", "neg") or child.tag == "MD" for child in article.children(verb)):
        return False
    return not any(t.tag == "MD" or t.lower in DO for t in article.tokens[subject.i : verb.i])


#: Nouns of a clock time before "past" ("ten minutes past", "a quarter past").
TIME_UNITS = frozenset({"minute", "minutes", "hour", "hours", "quarter", "half", "second", "seconds"})
#: Pronouns that can only be subjects: the word after one is its verb ("she past" is "she passed").
SUBJECT_PRONOUNS = frozenset({"i", "he", "she", "we", "they"})


def _only_verb_slot(article: AnalysedArticle, token: Token, before: Token) -> bool:
    """"past" stands where the sentence's only verb must be: a full sentence (it ends in a full
    stop) with no finite verb anywhere, a subject before "past" (a noun, a name or a pronoun, with
    at most an adverb between) — "The eye of the hurricane past directly over the island." A
    preposition "past" needs a verb elsewhere ("The road past the school is closed")."""
    sentence = article.sentences[token.sent]
    words = [t for t in article.tokens[sentence.first : sentence.last] if t.pos != "SPACE"]
    if not words or words[-1].text not in (".", "!") or words[0].i == token.i:
        return False
    if any(is_finite_verb(t) for t in words if t.i != token.i) or any(t.tag == "VB" for t in words):
        return False
    subject = before if before.pos != "ADV" else previous_word(article, before)
    if subject is None or subject.pos not in ("NOUN", "PROPN", "PRON") or subject.ent_type in ("TIME", "DATE"):
        return False
    # "Five minutes past midnight.", "A quarter past nine.": a time, not a verb
    return subject.lower not in TIME_UNITS and not any(
        t.pos == "NUM" for t in article.tokens[max(sentence.first, subject.i - 2) : subject.i])


def _rule_passed(article: AnalysedArticle, token: Token, lexicon=None) -> Hit:
    before = previous_word(article, token)
    after = next_word(article, token)
    if token.lower == "past" and before is not None:
        reason = "the past tense and participle of 'pass' is 'passed'"
        if before.pos == "DET" or before.tag in ("PRP$", "POS"):
            return None  # "Her past caught up with her": after a determiner or a possessive, the noun
        auxiliary = _auxiliary_before(article, token)
        if auxiliary is not None and auxiliary.lower in HAVE and auxiliary.pos in ("AUX", "VERB") and (
                after is None or after.pos in ("DET", "PUNCT", "PROPN", "ADP", "NUM") or after.tag == "PRP$"
                or after.lower in ("away", "through", "since")):
            return token.start, token.end, "passed", reason  # "has past its second reading", "had past the test"
        if after is not None and after.lower in ("away", "out") and before.pos in ("NOUN", "PROPN", "PRON") \
                and not (after.lower == "out" and next_word(article, after) is not None and next_word(article, after).lower == "of"):
            return token.start, token.end, "passed", reason  # "fans past out in the heat" (not "ran past out of")
        if after is not None and after.lower == "away" and before.pos in ("NOUN", "PROPN", "PRON", "ADV"):
            return token.start, token.end, "passed", reason
        if before.lower in FINITE_BE and after is not None and after.lower in ("by", "without", "unanimously"):
            return token.start, token.end, "passed", reason
        beyond = next_word(article, after) if after is not None else None
        if before.lower in FINITE_BE and after is not None and after.pos == "ADV" and after.lower.endswith("ly") \
                and beyond is not None and beyond.lower == "to" and lexicon is not None and _to_someone(article, beyond, lexicon):
            return token.start, token.end, "passed", reason  # "was past cleanly to the winger": handed on
            # to someone, a passive ("the danger was past along the river", "largely through luck")
        if before.pos == "NOUN" and after is not None and after.lower == "by" and not _in_prepositional_phrase(article, before):
            agent = next_word(article, after)
            if agent is not None and (agent.pos in ("DET", "PROPN", "ADJ") or agent.tag == "PRP$"):
                return token.start, token.end, "passed", reason  # "Bills past by the last parliament", "bill past
                # by narrow margin": a noun and its passive participle, then the agent or the margin
        if (before.lower in SUBJECT_PRONOUNS or before.lower in ("who", "which") and before.dep == "nsubj"
            and not finite_verb_ahead(article, token)) \
                and after is not None and (after.pos in ("DET", "PROPN") or after.tag == "PRP$"
                                           or after.lower in ("him", "them", "us", "me")):
            return token.start, token.end, "passed", reason  # "She past the exam", "the driver, who
            # past a cyclist": a subject wants a verb
        if before.lower in FINITE_BE and after is not None and after.lower == "to":
            beyond = next_word(article, after)
            recipient = beyond
            while recipient is not None and recipient.pos in ("DET", "ADJ", "NUM"):
                recipient = next_word(article, recipient)  # "to the next runner": its noun
            if recipient is not None and (recipient.pos == "PROPN" or recipient.tag in ("PRP$", "PRP")
                                          or lexicon is not None and lexicon.animate(recipient.lower, first_sense=True) is True):
                return token.start, token.end, "passed", reason  # "was past to the final runner":
                # a passive with its recipient ("past" takes no "to" before a noun phrase)
        if _only_verb_slot(article, token, before):
            return token.start, token.end, "passed", reason  # "The committee unanimously past both amendments."
        if _subordinate_subject_before(article, before) and (after is None or after.pos == "CCONJ" or after.text in (",", ".", ";", "!", "?")):
            return token.start, token.end, "passed", reason  # "as the bus past, the driver waved": the
            # clause a subordinator opens needs its verb, and nothing follows "past" to be beyond
        if before.tag == "NNS" and lexicon is not None and lexicon.time(before.lemma.lower()) \
                and after is not None and after.lower in ("before", "until", "without", "since") \
                and not any(t.pos == "NUM" or t.tag == "CD" for t in article.tokens[max(0, before.i - 2) : before.i]):
            return token.start, token.end, "passed", reason  # "Several minutes past before the alarm was
            # raised": time that goes by "passed" (but "ten minutes past before" is not written)
        opener = article.tokens[article.sentences[token.sent].first]
        subject = _auxiliary_before(article, token)  # "Has the deadline already past?": past the adverbs
        if opener.lower in ("has", "have", "had") and subject is not None and opener.i < subject.i and subject.pos in ("NOUN", "PROPN") \
                and after is not None and (after.pos == "DET" or after.tag == "PRP$" or after.text in (",", "?")) \
                and not any(t.tag in ("VBN", "VBD") for t in article.tokens[token.i + 1 : article.sentences[token.sent].last]):
            return token.start, token.end, "passed", reason  # "Has the bill past its third reading?"
        return None
    if token.lower == "passed" and before is not None:
        reason = "'passed' is the verb; 'past' (beyond, gone by, after the hour) is meant"
        if before.pos == "DET" or before.tag in ("PRP$", "POS"):
            return token.start, token.end, "past", reason
        if before.pos == "ADP" and before.dep != "prt" and after is not None and after.tag == "NNS" \
                and lexicon is not None and lexicon.time(after.lemma.lower()) is True:
            return token.start, token.end, "past", reason  # "in passed centuries": a time gone by is 'past'
        if lexicon is not None and (before.lower in ("of", "from", "in", "for", "with")
                                    or before.lower in QUANTIFIERS | {"these", "those"} and _verb_after_phrase(article, token)) \
                and _gone_by_noun(article, token, lexicon):
            return token.start, token.end, "past", reason  # "several passed England captains", "memories
            # of passed glories": no law, ball or exam, which are what is passed
        if before.dep == "relcl" or before.dep == "acl" and before.tag == "VBN":
            return None  # "The committee she chaired passed the bill", "those involved passed
            # details": the verb before closes the subject's clause, "passed" is the main verb
        if (before.tag == "CD" or before.lower in ("half", "quarter", "ten", "five", "twenty")) and after is not None \
                and (after.tag == "CD" or after.lower in ("midnight", "noon", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")):
            return token.start, token.end, "past", reason
        if before.lower in ("well", "long") and previous_word(article, before) is not None and previous_word(article, before).lower in FINITE_BE:
            return token.start, token.end, "past", reason
        be = before if before.lower in FINITE_BE else previous_word(article, before) if before.pos == "ADV" else None
        if lexicon is not None and be is not None and be.lower in FINITE_BE and after is not None \
                and after.tag == "PRP$" and _beyond_a_point(article, after, lexicon):
            return token.start, token.end, "past", reason  # "is passed its peak", "passed your bedtime":
            # no passive gives someone's time or peak ("was passed the ball" gives a thing)
        if before.lower == "yet" and previous_word(article, before, 2) is not None and previous_word(article, before, 2).lower in FINITE_BE:
            return token.start, token.end, "past", reason
        if before.lower in FINITE_BE and after is not None and after.tag == "VBG" and after.dep != "amod" \
                and person_subject(article, token, lexicon) and not _by_later(article, after):
            return token.start, token.end, "past", reason  # "He is passed caring": a person beyond doing it
            # ("A law was passed banning smoking" is a passive and its participle)
        if before.pos == "VERB" and before.tag in ("VB", "VBD", "VBN", "VBZ", "VBP", "VBG") and before.lemma.lower() not in ("get", "have", "be") \
                and after is not None and (after.pos in ("DET", "NUM") or after.tag == "PRP$"
                                           or _motion_past_a_crowd(before, after, lexicon)
                                           or after.lower in ("it", "them", "him", "her", "us", "me")
                                           or after.lower in ("that", "this") and _clause_ends(article, after)
                                           or after.tag == "NNS" and not is_cue(before)
                                           and before.lemma.lower() not in CLAUSE_VERBS | {"want", "need", "see", "have"}):
            return token.start, token.end, "past", reason  # "walked passed the town hall", "carried
            # passed crowds", "moved passed it", "moved passed that,": a verb with its own motion
            # goes past something
        if before.pos == "VERB" and before.tag in ("VB", "VBD", "VBZ", "VBP") and before.lemma.lower() not in ("get", "have", "be") \
                and not is_cue(before) and before.lemma.lower() not in CLAUSE_VERBS \
                and (after is None or after.pos in ("SCONJ", "CCONJ") or after.text in (".", ",", ";", "!", "?")):
            return token.start, token.end, "past", reason  # "lorries thunder passed even though": the
            # verb before is the clause's verb, "passed" the adverb of where it goes
    return None


#: WordNet's classes of nouns for what is gone by rather than passed: times ("years"), people
#: ("captains": former ones), states and feelings ("glories", "grievances").
GONE_BY_CLASSES = frozenset({"noun.time", "noun.person", "noun.state", "noun.feeling"})
#: ... and those for what is passed: laws and notes, votes, balls, tests, money.
PASSABLE_CLASSES = frozenset({"noun.communication", "noun.act", "noun.artifact", "noun.cognition", "noun.possession"})


def _verb_after_phrase(article: AnalysedArticle, participle: Token) -> bool:
    """A finite verb right after the noun phrase that "passed" opens ("Several passed winners
    attended"): the phrase is a subject. Without one "passed" is the verb ("several passed
    hours in darkness before engineers arrived")."""
    word = word_past(article, participle, ("ADJ", "NUM", "PROPN", "NOUN"), reach=5)
    return word is not None and is_finite_verb(word)


def _gone_by_noun(article: AnalysedArticle, participle: Token, lexicon) -> bool:
    """The noun "passed" modifies, past adjectives, numbers and names ("passed England
    captains", "passed few years", "passed glories") is a time, a person, a state or a feeling in
    its commonest WordNet sense, and nothing passable in its second: such things are "past" (gone
    by, former). What is passed is a law, a motion, a ball or an exam (communication, acts,
    artifacts, knowledge)."""
    noun = word_past(article, participle, ("ADJ", "NUM", "PROPN"))  # "few" is an adjective
    if noun is None or noun.pos != "NOUN" or noun.tag not in ("NN", "NNS"):
        return False
    classes = lexicon.word_classes(noun.lemma.lower(), first=2)
    return bool(classes) and classes[0] in GONE_BY_CLASSES and not any(c in PASSABLE_CLASSES for c in classes)


#: WordNet's classes of nouns one is beyond: times, places and points, amounts, states
#: (only after a possessive: "is passed its peak", "passed your bedtime"; "was passed the same
#: day", "were passed the details" are passives with a time or a thing).
BEYOND_CLASSES = frozenset({"noun.time", "noun.location", "noun.quantity", "noun.state", "noun.attribute"})


def _to_someone(article: AnalysedArticle, to: Token, lexicon) -> bool:
    """"to" and a person: a name, a pronoun, or a noun whose first WordNet sense is a person."""
    noun = word_past(article, to, ("DET", "ADJ"))
    return noun is not None and a_person(noun, lexicon)


def _beyond_a_point(article: AnalysedArticle, determiner: Token, lexicon) -> bool:
    """The noun after ``determiner`` (past adjectives) is a time, a place or point, an amount or a
    state in its commonest WordNet sense ("your bedtime", "its peak")."""
    noun = word_past(article, determiner, ("ADJ", "NUM"))
    if noun is None or noun.pos != "NOUN":
        return False
    return lexicon.word_class(noun.lemma.lower()) in BEYOND_CLASSES


def _by_later(article: AnalysedArticle, token: Token) -> bool:
    """"by" later in the clause: a passive's agent ("was passed going up the climb by two riders")."""
    sentence = article.sentences[token.sent]
    for other in article.tokens[token.i + 1 : sentence.last + 1]:
        if other.text in (",", ";", ":"):
            return False
        if other.lower == "by":
            return True
    return False




def _motion_past_a_crowd(verb: Token, after: Token, lexicon) -> bool:
    """"swept passed cheering crowds": a verb of motion (WordNet's first sense) and a plural
    noun phrase with a modifier before its noun; the motion goes past it."""
    if lexicon is None or lexicon.word_class(verb.lemma.lower(), "verb") != "verb.motion":
        return False
    return after.dep in ("amod", "compound") and after.head > after.i and after.tag != "NNS"


#: Conjunctions that open a clause of time or reason, whose subject and verb follow them.
SUBORDINATORS = frozenset({"as", "when", "after", "before", "until", "once", "while", "since", "because"})


def _subordinate_subject_before(article: AnalysedArticle, word: Token) -> bool:
    """``word`` is the noun of a subject that a subordinator opens: "as the bus", "when the
    deadline", "once the storm" — a determiner and adjectives at most between."""
    if word.pos not in ("NOUN", "PROPN") or word.ent_type in ("DATE", "TIME"):
        return False
    for k in range(1, 5):
        prior = previous_word(article, word, k)
        if prior is None:
            return False
        if prior.lower in SUBORDINATORS:
            return k > 1  # a determiner or modifier at least: "as the bus", not "as bus"
        if prior.pos not in ("DET", "ADJ", "NOUN", "PROPN") and prior.tag != "PRP$":
            return False
    return False


def _rule_whom(article: AnalysedArticle, token: Token, lexicon=None) -> Hit:
    after = next_word(article, token)
    before = previous_word(article, token)
    if token.lower == "whom" and after is not None:
        reason = "'whom' is an object; the subject of a verb is 'who'"
        question = before is None and after.lower in DO | MODALS and _inverted(article, after)  # "Whom did the committee"
        verb = next_word(article, after) if after.pos == "ADV" and after.lower not in NEGATION else after
        if is_finite_verb(verb) and verb.lower not in ("'s", "’s") and not question \
                and (before is None or before.lower not in PREPOSITIONS):
            return token.start, token.end, "who", reason  # "whom was pulled", "Whom exactly is"
        if _whom_subject_past_a_cue(article, token, after):
            return token.start, token.end, "who", reason  # "whom police said was armed", "Whom do you think will win"
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
    antecedent = previous_word(article, ahead) if ahead is not None else None
    subject_after = next_word(article, after)
    if ahead is not None and ahead.text == "," and after.lower in FINITE_BE and subject_after is not None \
            and subject_after.pos in ("DET", "NUM") and antecedent is not None and antecedent.pos in ("NOUN", "PROPN"):
        return token.start, token.end, "whom", reason  # "The victims, among who were two teenagers": a relative, not "who he is"
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


def _whom_subject_past_a_cue(article: AnalysedArticle, token: Token, after: Token) -> bool:
    """"whom" is the subject of a finite verb past a verb of saying or thinking and its subject:
    "whom police said was armed", "whom the polls suggest are ahead", "Whom do you think will
    win" (the subject of "will win", not the object of "think")."""
    k = 1
    if after.lower in DO and previous_word(article, token) is None:
        k = 2  # a question: "Whom do you think …"
    subject = next_word(article, token, k)
    if subject is not None and subject.pos == "DET":
        k += 1
        subject = next_word(article, token, k)
    if subject is None or subject.pos not in ("NOUN", "PROPN", "PRON"):
        return False
    cue, verb = next_word(article, token, k + 1), next_word(article, token, k + 2)
    return cue is not None and cue.pos == "VERB" and (is_cue(cue) or cue.lemma.lower() in CLAUSE_VERBS) \
        and is_finite_verb(verb)


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
    if any(t.head == token.i and t.dep == "nsubj" and not any(p.pos == "PUNCT" for p in article.tokens[t.i + 1 : token.i])
           for t in sentence_before(article, token)):
        return None  # "Officials at one stage even thought the virus had gone": the verb, with its subject
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


#: Sound-alikes whose other spelling may begin a term of the dictionary's: "complimentary
#: medicine" (complementary medicine), "principle investigator", "lose cannon", "passed tense".
TERM_PARTNERS = {
    "discreet": "discrete", "discrete": "discreet", "complementary": "complimentary",
    "complimentary": "complementary", "complement": "compliment", "compliment": "complement",
    "principal": "principle", "principle": "principal", "past": "passed", "passed": "past",
    "loose": "lose", "lose": "loose", "led": "lead", "affect": "effect", "affects": "effects",
}
#: Of them, the verbs whose terms are verbs too ("loose weight" for "lose weight").
TERM_VERBS = frozenset({"lose"})


def _rule_dictionary_term(article: AnalysedArticle, token: Token, lexicon=None) -> Hit:
    """The sound-alike begins, with the words after it, a term WordNet lists for its other
    spelling and none for the one written: "complimentary medicine", "principle investigator",
    "a lose cannon", "loose weight", "the passed tense", "led poisoning". A term the dictionary
    holds is evidence of which word was meant; both spellings' terms being listed is none."""
    partner = TERM_PARTNERS.get(token.lower)
    if partner is None or lexicon is None or not lexicon.wordnet:
        return None
    before = previous_word(article, token)
    if before is not None and (before.tag in ("TO", "MD") or before.lower in SUBJECT_PRONOUNS or before.pos == "NOUN" and token.pos == "VERB"):
        return None  # "to lose cannon", "The scandal led poisoning victims to": a verb, not a term's adjective
    singular = partner[:-1] if token.tag == "NNS" and partner.endswith("s") else partner  # "sound affects": "sound effect"
    if before is not None and before.text.isalpha() and before.text.islower() and before.pos in ("ADJ", "NOUN") \
            and token.pos == "NOUN" and not (token.lower.startswith("principle") and _complemented(article, token)) and _term(lexicon, f"{before.lower} {singular}", f"{before.lower} {token.lemma.lower()}", ("noun",)):
        suggestion = partner if token.text.islower() else partner.capitalize()
        return token.start, token.end, suggestion, f"the dictionary's term is '{before.lower} {singular}'"
        # "at full compliment": the term ends with the sound-alike
    words = []
    for k in (1, 2):
        after = next_word(article, token, k)
        if after is not None and k == 1 and after.lower in ("and", "or") and token.pos == "ADJ":
            other = next_word(article, after)  # "complimentary and alternative medicine": the
            if other is None or other.pos != "ADJ":  # adjective's noun is past the one it is paired with
                break
            after = next_word(article, other)
        if after is None or not after.text.isalpha():
            break
        words.append(after)
    if not words:
        return None
    kinds = ("noun", "verb") if partner in TERM_VERBS else ("noun",)
    for n in (2, 1):
        if len(words) < n:
            continue
        tail = " ".join(w.lower for w in words[:n - 1]) + (" " if n > 1 else "")
        last = words[n - 1]
        if last.pos != "NOUN":
            continue  # "led up to", "led off": a particle, not the noun of "lead-up"
        beyond = next_word(article, last)
        if beyond is not None and beyond.pos in ("NOUN", "PROPN"):
            continue  # "complimentary medicine samples": the term does not end its noun phrase
        endings = {last.lower, (last.lemma or last.lower).lower()}
        for ending in endings:
            if _term(lexicon, f"{partner} {tail}{ending}", f"{token.lower} {tail}{ending}", kinds):
                suggestion = partner if token.text.islower() else partner.capitalize()
                return token.start, token.end, suggestion, f"the dictionary's term is '{partner} {tail}{ending}'"
    return None


def _term(lexicon, wanted: str, written: str, kinds: tuple[str, ...]) -> bool:
    """WordNet lists ``wanted`` as one of ``kinds`` and ``written`` as nothing."""
    return any(wanted in lexicon.wordnet.get(kind, ()) for kind in kinds) and not any(
        written in lexicon.wordnet.get(kind, ()) for kind in ("noun", "verb", "adj", "adv"))


RULES: tuple[Callable[..., Hit], ...] = (
    _rule_dictionary_term, _contraction_before_owned_noun,
    _rule_contraction_possessive, _rule_possessive_contraction, _rule_its_contraction, _rule_their_there,
    _rule_there_their, _rule_then_than, _rule_than_then, _rule_affect, _rule_lose,
    _rule_principal, _rule_complement, _rule_discreet, _rule_led, _rule_passed, _rule_whom,
    _rule_thought,
)


#: The words some rule reads (every other token is skipped before any rule runs): the pronouns
#: of a contraction, the possessives, and the sound-alikes.
TRIGGERS = frozenset(CONTRACTIONS) | frozenset(POSSESSIVE_FOR) | {
    "its", "there", "then", "than", "affect", "affects", "effect", "effects", "effected", "effecting",
    "affected", "affecting", "uneffected", "affectively", "affective",
    "lose", "loose", "looses", "loosing", "looser", "loosers", "loosed", "principle", "principles", "principal", "principals", "discrete", "discretely",
    "discreet", "discreteness", "lead", "led", "mislead", "past", "passed", "who", "whom", "thought",
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
