"""``grammar.article``: "a" or "an" by the sound of the next word ("an hour", "a university",
"an MP", "a one-off", "an 8% rise"), and "a"/"an" before a plural noun ("a tops on the list").

The sound is read from spelling by the rules of English pronunciation, not from a word list:
vowel letters sound as vowels except "u" and "eu" read as "you" (a union, a European) and "one"
read as "won"; "h" is silent only in hour, honest, honour and heir and their derivatives;
initialisms are read letter by letter (an MP, an SNP, a UN official), acronyms that are read as
words as words (a NATO summit); numbers by how they are said (an 8, an 11, an 18, an 80,000).
"an historic", "an hotel" (older British usage before an unstressed "h") are left alone: house
style decides. A word that counts one ("a", "an", "one", "each", "every", "another") before a
plural noun it heads is flagged ("a threatening messages", "a men", "one councillors"), unless
the plural is a singular of its own (WordNet, word frequency, a shared synset, the word-pair
list), a quantity ("a few weeks"), a compound's modifier ("a sports centre") or read as singular
by its verb when it may be one ("A barracks was evacuated"). "This" before a plural subject of a
plural verb or a plural of time is "these" ("This results are", "This days,"), and a number
joined by a hyphen to a plural before a noun makes a singular modifier ("a two-hours delay").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from copydesk.analyse.document import AnalysedArticle, Token
from copydesk.checks.grammar_words import finding, finite_verb_ahead, next_word, previous_word
from copydesk.checks.registry import register
from copydesk.knowledge import Knowledge
from copydesk.model import Finding

CHECK = "grammar.article"
#: Letters whose names start with a vowel sound: "an F", "an MP", "an SNP".
VOWEL_LETTERS = frozenset("AEFHILMNORSX")
SILENT_H = ("hour", "honest", "honour", "honor", "heir")
#: Words with an unstressed first syllable in "h", which older British usage writes "an" before.
UNSTRESSED_H = ("histor", "hotel", "habitual", "heroic", "hypothe", "hereditar")
VOWELS = "aeiou"


def _number_sound(text: str) -> bool | None:
    digits = re.match(r"\d[\d,]*", text)
    if digits is None:
        return None
    grouped = "," in digits.group()
    whole = digits.group().replace(",", "")
    if whole.startswith("8"):
        return True
    # eleven, eighteen, eleven thousand, 1800 (eighteen hundred)
    return whole[:2] in ("11", "18") and (len(whole) % 3 == 2 or len(whole) == 4 and not grouped)


def _initialism(word: str) -> bool:
    """Read letter by letter: short, or without a vowel, or with a run of three consonants."""
    letters = word.lower()
    if len(letters) <= 3 or not any(c in VOWELS for c in letters):
        return True
    return re.search(r"[^aeiouy]{3}", letters) is not None


def vowel_sound(word: str) -> bool | None:
    """Whether ``word`` starts with a vowel sound (None when unsure)."""
    if not word:
        return None
    if word[0].isdigit():
        return _number_sound(word)
    if not word[0].isalpha():
        return None
    if "." in word.strip("."):
        head = word.split(".")[0]
        if head.isalpha() and len(head) <= 3:
            return head[0].upper() in VOWEL_LETTERS  # "an fbi.gov address": read letter by letter
        word = head
    core = re.sub(r"s$", "", word) if len(word) > 2 and word[:-1].isupper() else word
    if core.isupper() and not core.isalpha():
        letters = re.match(r"[^\W\d_]+", core)  # "MP3", "M&S": the letters before the figure or sign
        if letters is None:
            return None
        core = letters.group()
        if len(core) <= 3 or _initialism(core):
            return None if core[0] == "H" else core[0] in VOWEL_LETTERS
    if len(core) == 1:
        return None if core.upper() == "H" else core.upper() in VOWEL_LETTERS
    if len(core) == 3 and core.isalpha() and core[0].isupper() and core[2].isupper() and core[1].islower():
        # "MoD", "DfE", "BoE": an initialism in mixed case, read letter by letter
        return None if core[0] == "H" else core[0] in VOWEL_LETTERS
    if core.isupper() and core.isalpha():
        if _initialism(core):
            # "H" is "aitch" or "haitch" by region: "an HD" and "a HD" are both written
            return None if core[0] == "H" else core[0] in VOWEL_LETTERS
        word = core.lower()  # an acronym read as a word: NATO, UEFA
    lower = word.lower()
    if lower[0] == "h":
        if lower.startswith(SILENT_H):
            return True
        if lower.startswith(UNSTRESSED_H):
            return None
        return False
    if lower in ("one", "once") or lower.startswith(("one-", "once-")) or lower.startswith("one") and lower[3:4] not in ("r", "s"):
        return False  # "won": a one-off, a onetime rival
    if lower.startswith(("eu", "ewe")):
        return False
    if lower[0] == "u":
        if lower.startswith("unanim") or re.match(r"uni(?![nmd])", lower):
            return False
        if lower.startswith("un"):
            return True
        # "you" before one consonant and a vowel (usual, utility, Uganda), and in "Ukr-"
        # and before a vowel (UEFA, Uighur)
        return not (lower.startswith("ukr") or lower[1:2] in tuple(VOWELS)
                    or re.match(r"u[^aeiou][aeiou]", lower) and not lower.startswith(("upo", "uber")))
    if lower[0] == "y":
        return False
    if lower[0] == "x":
        return lower[1:2] not in tuple(VOWELS) + ("y",)  # "an Xbox" (ex-), "a xenophobe" (z-)
    return lower[0] in VOWELS


def _capital_letter(article: AnalysedArticle, token: Token) -> bool:
    """"A N Other", "It Says A LOT": a capital "A" inside a sentence is a letter or a headline's."""
    return token.text[:1] == "A" and token.i != article.sentences[token.sent].first


def _rule_sound(article: AnalysedArticle, token: Token):
    if token.lower not in ("a", "an") or token.tag != "DT" or _capital_letter(article, token):
        return None
    after = next_word(article, token)
    if after is None or after.pos == "PUNCT" or after.text in ("-", "–") or after.tag in ("PRP$", "DT"):
        return None  # "a our nation": a word too many, not the wrong article
    word = after.text
    if word.isdigit() or word[0].isdigit():
        word = article.text[after.start : after.start + 20].split()[0]
    vowel = vowel_sound(word)
    if vowel is None:
        return None
    if vowel and token.lower == "a":
        return token.start, token.end, "an", f"'{after.text}' starts with a vowel sound"
    if not vowel and token.lower == "an":
        return token.start, token.end, "a", f"'{after.text}' starts with a consonant sound"
    return None


#: Determiners that count one: "a tops", "one councillors", "each players", "another suppliers".
ONE_WORDS = frozenset({"a", "an", "one", "each", "every", "another"})
#: Parts of speech the tagger is sure of: a word after the plural so tagged is not a noun the
#: plural modifies, whatever else WordNet lists it as ("a ministers who", "a jobs for").
NOT_A_MODIFIED_NOUN = frozenset({"PRON", "DET", "ADP", "AUX", "PART", "SCONJ", "CCONJ", "NUM"})
#: Relative words that open a clause of their own after the plural.
RELATIVE_WORDS = frozenset({"that", "which", "who", "whom"})
#: Adjectives that make "a" part of a quantity of many: "a few weeks", "a great many people".
QUANTIFYING = frozenset({"few", "many", "fewer", "several", "lot", "couple", "number", "host"})


def _plural(token: Token, lexicon) -> bool:
    """A plural noun: the regular plural of a noun ("tops", "witnesses", "inquiries"; not
    "allows", the tagger's noun of a verb WordNet lists only as one), or an irregular plural —
    one WordNet's exception list gives ("men", "children", "criteria") or one WordNet lacks while
    it lists the lemma ("women") — that is not a singular noun of its own ("data" beside "datum";
    "omen" is no plural of "Oman")."""
    lemma, word = token.lemma.lower(), token.lower
    if word == lemma:
        return False
    nouns = lexicon.wordnet.get("noun") if lexicon is not None else None
    if word in (lemma + "s", lemma + "es", lemma[:-1] + "ies"):
        return not nouns or lemma in nouns
    if not nouns or lemma not in nouns:
        return False
    listed = lemma in lexicon.singulars(word) or word not in nouns
    return listed and not _singular_of_its_own(word, lemma, lexicon)


def _singular_of_its_own(word: str, lemma: str, lexicon) -> bool:
    """Whether a form WordNet lists as a noun is a singular of its own ("a series", "a species",
    "a crossroads", "a summons", "a means", "a commons", "a works"): the form without its plural
    ending is no noun ("summon"), is rarer than it ("crossroad", "specie"), or is the same noun
    (WordNet puts "common" and "commons" in one synset); or, for a form in -s, English writes it
    after "a" often enough for the word-pair list to hold the pair ("a means"), or WordNet's
    first sense of it is not a person or a group ("a works", "a links"; and so "a rooms", "a
    talks" pass too, the price of not flagging those). An irregular plural ("men") must share a
    synset with its singular or be rarer ("data" beside "datum") to count as one."""
    nouns = lexicon.wordnet.get("noun") if lexicon is not None else None
    if not nouns or word not in nouns:
        return False
    if lemma not in nouns or lexicon.frequency(lemma) < lexicon.frequency(word):
        return True
    if lexicon.noun_senses(word) & lexicon.noun_senses(lemma):
        return True
    if not word.endswith("s"):
        return False  # an irregular plural ("men") that is no singular of its own
    # the pair list counts "a men's" as "a men": only a word in -s is judged by it; and a word in
    # -s WordNet lists for a sense of its own may be a singular ("a works", "a links", "a
    # stables") unless that sense is first a person or a group ("a parks", "a peoples")
    return lexicon.bigrams.has_pair("an" if vowel_sound(word) else "a", word) \
        or lexicon.animate(word, first_sense=True) is not True


def _singular_verb(article: AnalysedArticle, verb: Token) -> bool:
    forms = [verb] + [child for child in article.children(verb) if child.dep in ("aux", "auxpass")]
    return any(t.tag == "VBZ" or t.lower in ("was", "is", "has") for t in forms)


def _counted_noun(article: AnalysedArticle, token: Token) -> tuple[Token, list[Token]] | None:
    """The noun a determiner counts, and the modifiers between them: the next word, or the
    determiner's head past adjectives and participles ("a threatening messages", "a new
    directors", "not a single votes")."""
    after = next_word(article, token)
    if after is None or after.pos != "ADJ" and not (after.pos == "VERB" and after.dep == "amod") and after.pos != "ADV":
        return (after, []) if after is not None else None
    if token.head == token.i or article.tokens[token.head].i <= after.i:
        return None
    noun = article.tokens[token.head]
    between = list(article.tokens[token.i + 1 : noun.i])
    if len(between) > 3 or not all(t.pos == "ADJ" and t.dep == "amod" and t.tag in ("JJ", "JJR", "JJS")
                                    or t.pos == "VERB" and t.dep == "amod" and t.tag in ("VBN", "VBG")
                                    or t.pos == "ADV" and t.dep == "advmod" and t.head > t.i for t in between):
        return None
    if not any(t.head == noun.i for t in between) or any(t.lower in QUANTIFYING for t in between):
        return None  # "a few weeks", "a great many people": a quantity, not one
    prior = previous_word(article, token)
    if noun.dep in ("nsubj", "nsubjpass") and noun.head > noun.i and prior is not None and prior.pos in ("VERB", "AUX"):
        return None  # "was a sign small companies had": after a verb, "a" opens the verb's object, and
        # the plural, subject of a verb of its own, begins another clause (a noun the tagger called
        # an adjective, "sign", ended the object)
    return noun, between


#: How much more common (Zipf) a plural is than its singular when English uses it as a singular
#: of its own: three times ("barracks" beside "barrack", "headquarters").
MOSTLY_PLURAL = 0.5


def _may_be_singular(noun: Token, lexicon) -> bool:
    """Whether a plural the verb reads as singular may be one: WordNet lists the form as a noun
    of its own ("gasworks"); or the singular is not first a person or a group and either English
    writes the form far more often ("barracks", "headquarters") or the singular is first a thing
    or a place (businesses named in -s: "A kennels", "A racing stables", "A brickworks"). People
    are counted one by one: "A teenagers … has been charged", "A protesters was arrested"."""
    if lexicon is None:
        return True
    word, lemma = noun.lower, noun.lemma.lower()
    if word in lexicon.wordnet.get("noun", ()):
        return True
    if lexicon.animate(lemma, first_sense=True) is not False:
        return False
    return lexicon.frequency(word) >= lexicon.frequency(lemma) + MOSTLY_PLURAL \
        or lexicon.word_class(lemma) in ("noun.artifact", "noun.location")


def _relative_clause_after(article: AnalysedArticle, one: Token) -> bool:
    """Whether the plural after the pronoun "one" opens a clause: a verb follows it ("one
    ministers avoid", "one startups should focus on")."""
    plural = next_word(article, one)
    beyond = next_word(article, plural) if plural is not None else None
    if beyond is not None and beyond.pos == "ADP":
        further = next_word(article, beyond)
        if further is None or further.pos == "PUNCT":
            return True  # "one voters like.": a preposition with no object is a verb the tagger
            # misread, or one left at the clause's end ("one people talk about")
        return finite_verb_ahead(article, beyond, stop_at=RELATIVE_WORDS)  # "one voters in marginal seats
        # care about" (not "one tools among many that the police can use")
    return beyond is None or beyond.pos in ("VERB", "AUX") or beyond.tag == "MD" or beyond.pos == "ADV"


def _verb_follows(beyond: Token | None) -> bool:
    """A finite verb or a participle right after a plural the parser made the sentence's root:
    the plural is a noun, the verb's subject or the noun the participle describes ("An
    eyewitnesses described seeing …"), not a verb the tagger misread."""
    return beyond is not None and beyond.pos in ("VERB", "AUX") and beyond.tag in ("VBD", "VBN", "VBZ", "VBP", "MD")


def _verb_of(noun: Token, beyond: Token) -> bool:
    """Whether the parse makes ``noun`` the subject of the finite verb ``beyond`` right after it
    ("Another studies found"): then ``beyond`` is no noun the plural modifies, whatever else
    WordNet lists it as ("found"). A participle the parser hangs on the plural is not enough: "a
    ratings hit" is a noun compound the tagger reads as "hit" done to ratings."""
    return beyond.pos in ("VERB", "AUX") and beyond.tag in ("VBD", "VBZ") \
        and noun.head == beyond.i and noun.dep in ("nsubj", "nsubjpass")  # (a plural present, "A jobs
    # guarantee", may be a noun the tagger made a verb)


def _rule_plural(article: AnalysedArticle, token: Token, lexicon=None):
    """"a tops", "a players", "one councillors": the determiner counts one, and the noun it heads
    is plural."""
    if token.lower not in ONE_WORDS or _capital_letter(article, token):
        return None
    if token.lower == "one":
        prior = previous_word(article, token)
        if token.tag != "CD" or token.dep != "nummod" or article.text[token.end : token.end + 1] in ("-", "‐") \
                or token.text[0].isupper() and token.i != article.sentences[token.sent].first \
                or prior is not None and prior.pos in ("NOUN", "PROPN"):
            return None  # "one-day", "one or two", "Objective One areas", "Phase one trials" (a label)
        if prior is not None and (prior.pos in ("AUX", "CCONJ", "DET") or prior.lemma.lower() == "be" or prior.text == ",") \
                and _relative_clause_after(article, token):
            return None  # "is one ministers avoid", "and one unions oppose", "the one startups should
            # focus on": the pronoun before a relative clause ("is one tools among many" is not)
    elif token.tag != "DT" or token.dep != "det":
        return None  # "'Legends don't,' another replies": the parser reads a pronoun
    raw = article.tokens[token.i + 1] if token.i + 1 < len(article.tokens) else None
    if raw is None or raw.text in ("'", "‘", '"', "“"):
        return None  # "a 'horses for courses' selection": a quoted phrase used as a modifier
    counted = _counted_noun(article, token)
    if counted is None:
        return None
    after, between = counted
    if between and between[0].lower in ("other", "second"):
        return None  # "each other sentences" (a lost possessive), "one gigabit a second systems" (a rate)
    if after.tag != "NNS" or after.pos != "NOUN" or not _plural(after, lexicon):
        return None
    beyond = next_word(article, after)
    if after.dep == "ROOT" and lexicon is not None and lexicon.can_be(after.lemma.lower(), "verb") \
            and not _verb_follows(beyond):
        return None  # '"Legends don't," another replies.': the sentence's only verb, read as a noun
        # (not when a verb follows: "An eyewitnesses described …" is a subject and its verb)
    if _singular_of_its_own(after.lower, after.lemma.lower(), lexicon):
        return None  # "a shambles", "a series", "a species", "a crossroads"
    if after.dep == "compound" or after.head != after.i and article.tokens[after.head].i > after.i \
            and article.tokens[after.head].pos == "NOUN":
        return None  # "a sports centre", "a savings scheme": the plural modifies the next noun
    if beyond is not None and (beyond.pos in ("NOUN", "PROPN") or beyond.text in ("-", "–") or beyond.tag == "RP"
                               or lexicon is not None and lexicon.is_noun(beyond.lower)
                               and beyond.pos not in NOT_A_MODIFIED_NOUN and beyond.tag != "MD"
                               and not _verb_of(after, beyond)):
        return None  # "a veterans charity" (however the tagger reads "charity"), "a heads up"
    if after.dep in ("nsubj", "nsubjpass") and after.head != after.i and _singular_verb(article, article.tokens[after.head]) \
            and _may_be_singular(after, lexicon):
        return None  # "A barracks was evacuated": the verb reads the noun as singular
    words = [token.text] if token.lower not in ("a", "an") else \
        ["an" if vowel_sound(between[0].text if between else after.lemma) else "a"]
    if token.text[:1].isupper():
        words[0] = words[0].capitalize()
    suggestion = " ".join(words + [t.text for t in between] + [after.lemma])
    return token.start, after.end, suggestion, f"'{token.text}' counts one, and '{after.text}' is plural"


#: Plurals a number joins with a hyphen that are no unit: "two-thirds", "three-quarters" (fractions
#: count in the plural), "two-times champion" (British sports writing's "two-times").
NOT_UNITS = frozenset({"half", "third", "quarter", "time"})
#: Ordinals, whose plurals count fractions ("two-fifths", "three-tenths"); not "month", "length".
ORDINAL = re.compile(r"(fif|six|seven|eigh|nin|ten|eleven|twelf|\w+teen|\w+tie|hundred|thousand|million|billion)th")


def _rule_measure_plural(article: AnalysedArticle, token: Token, lexicon=None):
    """"a two-hours delay", "a 10-years-old boy": a number joined by a hyphen to a noun makes a
    modifier, and English puts the noun of such a modifier in the singular ("a two-hour
    delay"), whatever the number (but zero: "a zero-hours contract"). Only a regular plural (not "a two-pence coin"), not a fraction
    ("a two-thirds majority"), and only before the noun it modifies or a further hyphen."""
    if token.pos != "NUM" or token.tag != "CD" or token.i + 3 > len(article.tokens) or token.lower in ("zero", "0"):
        return None  # "a zero-hours contract", "zero-emissions homes": zero counts in the plural
    hyphen, unit = article.tokens[token.i + 1], article.tokens[token.i + 2]
    if hyphen.text not in ("-", "‐") or hyphen.start != token.end or unit.start != hyphen.end:
        return None
    if token.i > 0 and article.tokens[token.i - 1].end == token.start and article.tokens[token.i - 1].text in ("-", "‐"):
        return None  # "twenty-two-hours": part of a longer chain read another way
    lemma, word = unit.lemma.lower(), unit.lower
    if unit.tag != "NNS" or not unit.text.islower() or word not in (lemma + "s", lemma + "es", lemma[:-1] + "ies") \
            or lemma in NOT_UNITS or ORDINAL.fullmatch(lemma) or lexicon is not None and not lexicon.is_noun(lemma):
        return None
    beyond = article.tokens[unit.i + 1] if unit.i + 1 < len(article.tokens) else None
    if beyond is None:
        return None
    chained = beyond.text in ("-", "‐") and beyond.start == unit.end
    modifies = unit.head != unit.i and article.tokens[unit.head].i > unit.i and article.tokens[unit.head].pos == "NOUN" \
        and beyond.pos in ("NOUN", "ADJ") and unit.dep in ("compound", "amod", "nmod")
    if not (chained or modifies):
        return None
    singular = article.text[token.start : unit.start] + lemma
    return token.start, unit.end, singular, f"a number joined to a noun by a hyphen makes a modifier, and its noun is singular ('{singular}')"


#: Demonstratives that point at one, and their plurals: "This results are", "This days,".
DEMONSTRATIVES = {"this": "these"}


def _rule_demonstrative(article: AnalysedArticle, token: Token, lexicon=None):
    """"This results are disappointing", "This rules apply", "This days, few carry cash": "this"
    before a plural noun that a plural verb takes as its subject, or a plural of time, is "these"
    ("This changes everything": the parser reads "changes" as the verb, and it is left)."""
    if token.lower not in DEMONSTRATIVES or token.tag != "DT" or token.dep != "det" or lexicon is None:
        return None
    noun = next_word(article, token)
    if noun is None or noun.tag != "NNS" or noun.pos != "NOUN" or token.head != noun.i or not _plural(noun, lexicon):
        return None
    verb = article.tokens[noun.head] if noun.head != noun.i else None
    plural_verb = noun.dep in ("nsubj", "nsubjpass") and verb is not None and noun.head > noun.i and (
        verb.tag == "VBP" or any(t.lower in ("are", "were", "have", "do") for t in [verb, *article.children(verb)]
                                 if t.i < verb.i or t is verb)) \
        and not _singular_of_its_own(noun.lower, noun.lemma.lower(), lexicon)
    # a span of time counted in the plural ("This days,"), whatever the dictionary lists for "days"
    time = noun.dep == "npadvmod" and lexicon.time(noun.lemma.lower()) is True and noun.lower == noun.lemma.lower() + "s"
    if not (plural_verb or time):
        return None
    wanted = DEMONSTRATIVES[token.lower]
    if token.text[0].isupper():
        wanted = wanted.capitalize()
    return token.start, token.end, wanted, f"'{token.text}' points at one, and '{noun.text}' is plural"


@register(CHECK, severity="warning")
def check(article: AnalysedArticle, knowledge: Knowledge) -> Iterator[Finding]:
    """"a" or "an" against the sound of the next word; "a" before a plural noun."""
    for token in article.tokens:
        hit = _rule_plural(article, token, knowledge.lexicon) or _rule_sound(article, token) \
            or _rule_measure_plural(article, token, knowledge.lexicon) or _rule_demonstrative(article, token, knowledge.lexicon)
        if hit is not None:
            yield finding(CHECK, article, *hit)
