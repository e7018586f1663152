"""``grammar.confusables``: its/it's, their/there, whose/who's, than/then, your/you're,
lose/loose, affect/effect — only where the parse makes the intended word clear.

Each rule reads the word and the one or two tokens after it (quotation marks skipped), with
spaCy's part-of-speech tags. Precise rather than greedy: a rule that could fire on correct
English ("its spending plans", "to effect change", "it's time") is left out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from copydesk.analyse.attribution import is_cue
from copydesk.analyse.document import AnalysedArticle, Token
from copydesk.analyse.readings import AFTER_IT_IS, DETERMINER_LIKE, SENTENCE_ADVERBS
from copydesk.checks.grammar_words import CLAUSE_VERBS, gerund_as_subject, next_word, shown_feeling
from copydesk.checks.registry import register
from copydesk.knowledge import Knowledge
from copydesk.model import Evidence, Finding, Severity

BE_FORMS = frozenset({"is", "are", "was", "were", "'s", "’s", "'re", "’re"})
MODALS = frozenset({"to", "will", "would", "could", "might", "may", "can", "not", "'ll", "’ll"})
#: Words a phrase after "its" may run through before it shows what it is: modifiers and
#: their coordinations ("its small, light and", "its now famous", "its fixed/required").
MODIFIER_POS = frozenset({"ADV", "ADJ"})
MODIFIER_TEXT = frozenset({",", "-", "–", "and", "or", "but", "/"})


#: Particles and adverbs of completion that end "it is …" on their own ("it's over", "it's off").
PARTICLES_ALONE = frozenset({"over", "off", "through", "gone", "done"})  # not "its back", "its up"
#: Tags that follow "it is" but not a possessive: adjectives, participles, adverbs, determiners.
IT_IS_TAGS = frozenset({"JJ", "JJR", "JJS", "VBN", "VBG", "RB", "RBR", "DT", "PDT"})


def _its_for_it_is(article: AnalysedArticle, token: Token, lexicon) -> bool:
    """Whether "its" here stands for "it is" or "it has".

    A possessive "its" leads a noun phrase: modifiers, then a noun ("its now infamous poster",
    "its territorial or maritime claims"). "It's" leads a predicate: a determiner, "not",
    "been", or modifiers that end without a noun ("its small, sleek and looks", "its very
    clear from", "its premature to talk"). After a preposition only the possessive fits."""
    after = next_word(article, token)
    if after is None or after.lower in DETERMINER_LIKE:
        return False
    before = article.tokens[token.i - 1] if token.i > article.sentences[token.sent].first else None
    if before is not None and before.pos == "ADP":
        return False  # "in its teardown", "of its rivals"
    if before is not None and before.pos == "VERB" and before.tag != "VBG" and not is_cue(before) \
            and before.lemma.lower() not in CLAUSE_VERBS and after.lower not in AFTER_IT_IS \
            and (after.tag in ("NN", "NNS", "VBG") or lexicon is not None and lexicon.is_noun(after.lower)):
        return False  # "defended its charging for entry": a verb that takes an object, not a clause
        # (but "has finished its likely to": a word that cannot start a noun phrase)
    if _compound_before_noun(article, token, after):
        return False  # a compound modifying the possessed noun: "its no-logs policy", "its all-time high"
    if after.lower in ("a", "an") and not _written_as_article(article, token, after):
        return False  # "its A/D conversion", "its A-level results": a letter, not the article
    if after.lower in AFTER_IT_IS or after.lower in SENTENCE_ADVERBS:
        return True
    if after.tag == "JJS":
        # a superlative heads the possessive's noun phrase ("its lowest in 33 years", "doing
        # its damndest"); "it is" + superlative goes on to an infinitive or a clause ("its best
        # to wait", "its best that") and is never the object of a verb ("doing its best to")
        following = next_word(article, token, 2)
        if before is not None and before.pos == "VERB" and not is_cue(before):
            return False
        return following is not None and following.lower in ("to", "that")
    following = next_word(article, token, 2)
    if after.lower in PARTICLES_ALONE and after.text.islower() and (following is None or following.text in (",", ".", ";", "!", "?")):
        return True  # "now that its over,": a particle that ends the clause has no noun to own
    reread = article.derived.its_readings.get(token.i)
    if reread == "VBN" and before is None and following is not None and following.lower == "that":
        return True  # "Its thought that the fire started": a passive of saying or thinking
    if reread in IT_IS_TAGS and _not_a_noun(after, lexicon) and _phrase_ends_without_noun(article, token, 2):
        # read as "it is", the next word is no longer a noun, and it has no noun sense at
        # all: "its unwise to wait" (but "its rival," "its duty to" stay possessive)
        return True
    if after.pos in MODIFIER_POS or after.tag == "VBN":
        if _noun_head(article, token, after, lexicon):
            return False
        return _phrase_ends_without_noun(article, token)
    return False


def _written_as_article(article: AnalysedArticle, token: Token, after: Token) -> bool:
    """``after`` ("a", "an") is written as the article: a word of its own, followed by a space, and
    in lower case unless the words are all in capitals ("its A/D", "its A-grade", "Its A rating"
    hold a letter; "ITS A DISGRACE" is shouted)."""
    if not article.text[after.end : after.end + 1].isspace():
        return False
    return after.text.islower() or token.text.isupper()  # "ITS A DISGRACE": all in capitals


def _compound_before_noun(article: AnalysedArticle, token: Token, after: Token) -> bool:
    """The word after ``token`` starts a hyphenated compound ("no-logs", "all-time") and a noun
    follows the compound: a modifier of the possessed noun. A compound that ends the phrase or
    goes on to anything else ("its no-go for", "its never-ending and") says nothing."""
    text = article.text
    if text[after.end : after.end + 1] != "-" or not text[after.end + 1 : after.end + 2].isalpha():
        return False
    k = 2
    while True:
        other = next_word(article, token, k)
        if other is None:
            return False
        if other.text in ("-", "–", "‐") or text[other.end : other.end + 1] == "-" or text[other.start - 1 : other.start] == "-":
            k += 1  # still inside the compound
            continue
        return other.pos in ("NOUN", "PROPN")


def _noun_head(article: AnalysedArticle, token: Token, after: Token, lexicon) -> bool:
    """"its favourite, …", "its best in years": a word right after "its" that can be a noun and
    ends the phrase (punctuation or a preposition follows) may head the possessive's noun phrase,
    so "its" is not judged ("it's" goes on to a clause: "its clear that", "its best to")."""
    if lexicon is None or not lexicon.is_noun(after.lower):
        return False
    following = next_word(article, token, 2)
    if following is None:
        return True
    if following.text == ",":
        third = next_word(article, token, 3)
        if third is not None and third.pos in ("ADJ", "ADV", "CCONJ"):
            return False  # "its small, light, and looks": modifiers in a row, a predicate
    return following.pos == "PUNCT" or (following.pos == "ADP" and following.lower not in ("to", "that"))


def _phrase_ends_without_noun(article: AnalysedArticle, token: Token, k: int = 1) -> bool:
    """Walk the modifiers after ``token`` from the k-th word: True when they end in anything
    but a noun."""
    while True:
        other = next_word(article, token, k)
        if other is None:
            return True
        if other.tag in ("WP", "WRB") and k > 1:
            return True  # "its unclear who ordered", "its not known how": a clause follows the adjective
        if other.pos in ("NOUN", "PROPN", "NUM") or (other.pos == "PRON" and k > 1):
            return False
        if other.text in ("-", "–", "‐") or article.text[other.end : other.end + 1] == "-":
            return False  # a compound modifier: "its low-cost airlines"
        if other.pos in MODIFIER_POS or other.lower in MODIFIER_TEXT or other.tag in ("VBN", "VBG"):
            k += 1
            continue
        if other.lower == "to" and k > 1 and _range_of_modifiers(article, token, k):
            k += 1  # "its low to moderate activity level": a range of two modifiers
            continue
        return True


def _range_of_modifiers(article: AnalysedArticle, token: Token, k: int) -> bool:
    """The k-th word after ``token`` is the "to" of a range between two adjectives that go on
    to a noun: "low to moderate activity", "small to medium firms"."""
    first, second, third = (next_word(article, token, j) for j in (k - 1, k + 1, k + 2))
    return (first is not None and second is not None and third is not None
            and first.pos == "ADJ" and second.pos == "ADJ" and third.pos in ("NOUN", "PROPN", "ADJ"))


def _not_a_noun(token: Token, lexicon) -> bool:
    """True when WordNet (through the lexicon) has no noun sense for the word but knows it, its
    lemma or its stem ("unwise", "staying", "snowing", "trended"): a word it lacks altogether (a
    newer noun, "app", "smartphone") says nothing."""
    if lexicon is None or lexicon.is_noun(token.lower) is not False:
        return False
    forms = {token.lower, token.lemma.lower(), *_stems(token.lower)}
    return any(lexicon.parts_of_speech(form) for form in forms)


def _stems(word: str) -> list[str]:
    """What an -ing, -ed or -s form may be made from, as WordNet's morphology strips endings
    ("snowing" -> "snow", "trending" -> "trend", "shutting" -> "shut", "making" -> "make")."""
    out: list[str] = []
    for ending in ("ing", "ed", "s"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            out += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # "shutting" -> "shut"
    return out


#: After a word shouted in capitals, what shows "it is" or "you are" beyond doubt.
SHOUTED_BEFORE = frozenset({"a", "an", "the", "not", "been", "going"})


def _initialism(article: AnalysedArticle, token: Token) -> bool:
    """A word in capitals inside a lower-case sentence is read as an initialism ("an ITS
    typically comprises", "ITS tools") unless a determiner, "not", "been" or "going" follows it,
    which only the word shouted takes ("said ITS a disgrace", "YOUR an idiot")."""
    sentence = article.sentences[token.sent]
    if not any(other.text.islower() for other in article.tokens[sentence.first : sentence.last]):
        return False  # a headline in capitals
    after = next_word(article, token)
    return after is None or after.lower not in SHOUTED_BEFORE


def _apostrophe(article: AnalysedArticle) -> str:
    """The apostrophe the article itself uses (curly or straight)."""
    text = article.text
    return "’" if text.count("’") > text.count("'") else "'"


#: A rule: (article, token, lexicon) -> (start, end, suggestion, reason) or None.
Rule = Callable[..., "tuple[int, int, str, str] | None"]


def _rule_its(article: AnalysedArticle, token: Token, lexicon):
    if token.lower == "its" and _its_for_it_is(article, token, lexicon):
        return token.start, token.end, "it" + _apostrophe(article) + "s", "'its' is possessive; 'it is' or 'it has' is meant here"
    return None


def _rule_its_own(article: AnalysedArticle, token: Token, lexicon):
    """``it's own`` -> ``its own``."""
    if token.lower == "it":
        after = article.tokens[token.i + 1] if token.i + 1 < len(article.tokens) else None
        third = article.tokens[token.i + 2] if token.i + 2 < len(article.tokens) else None
        if after and third and after.text in ("'s", "’s") and third.lower == "own" and after.start == token.end:
            return token.start, after.end, "its", "'it's' means 'it is'; the possessive is 'its'"
    return None


def _rule_their_is(article: AnalysedArticle, token: Token, lexicon):
    after = next_word(article, token) if token.lower == "their" else None
    if after is not None and after.lower in BE_FORMS:
        return token.start, token.end, "there", "'their' is possessive; 'there is/are' is meant"
    return None


def _rule_there_own(article: AnalysedArticle, token: Token, lexicon):
    after = next_word(article, token) if token.lower == "there" else None
    if after is not None and after.lower == "own":
        return token.start, token.end, "their", "'there' is a place; the possessive is 'their'"
    return None


def _rule_then_than(article: AnalysedArticle, token: Token, lexicon):
    if token.lower != "then" or token.i == 0:
        return None
    before = article.tokens[token.i - 1]
    after = next_word(article, token)
    if after is not None and after.lower == "than":
        return None  # "larger then than it is now": "then" is the time of the comparison
    if after is None or after.pos in ("PUNCT", "CCONJ"):
        return None  # "much higher then, the governor recalled": "than" always takes what is compared
    if before.sent == token.sent and before.tag in ("JJR", "RBR") and before.lower not in ("more", "less", "earlier", "later", "longer", "further", "sooner"):
        return token.start, token.end, "than", "a comparison takes 'than'"
    if before.sent == token.sent and before.lower in ("rather", "other"):
        return token.start, token.end, "than", "a comparison takes 'than'"
    return None


def _rule_whose(article: AnalysedArticle, token: Token, lexicon):
    after = next_word(article, token) if token.lower == "whose" else None
    if after is not None and (after.lower in ("been", "going", "not") or after.lower in ("a", "an", "the")):
        return token.start, token.end, "who" + _apostrophe(article) + "s", "'whose' is possessive; 'who is' or 'who has' is meant"
    return None


def _rule_your(article: AnalysedArticle, token: Token, lexicon):
    after = next_word(article, token) if token.lower == "your" else None
    if after is not None and after.lower in ("a", "an") and not article.text[after.end : after.end + 1].isspace():
        return None  # "your a**", "your a—": a censored or cut-off word, not the article "a"
    if after is not None and after.lower == "going" and gerund_as_subject(article, after):
        return None  # "Your going out at night worried your mother": a gerund as subject
    if after is not None and after.lower == "not":
        gerund = next_word(article, after)
        if gerund is not None and gerund.tag == "VBG" and gerund_as_subject(article, gerund):
            return None  # "Your not turning up cost the team": a negated gerund as subject
    if after is not None and after.lower in ("a", "an", "the", "not", "going", "welcome"):
        return token.start, token.end, "you" + _apostrophe(article) + "re", "'your' is possessive; 'you are' is meant"
    return None


def _rule_loose(article: AnalysedArticle, token: Token, lexicon):
    """``could loose`` -> ``could lose``: "loose" tagged as a verb after a modal or "to"."""
    if token.lower != "loose" or not token.i or not token.tag.startswith("VB"):
        return None
    if article.tokens[token.i - 1].lower in MODALS:
        return token.start, token.end, "lose", "'loose' means not tight; the verb is 'lose'"
    return None


def _rule_affect(article: AnalysedArticle, token: Token, lexicon):
    if token.lower == "affect" and token.i and article.tokens[token.i - 1].lower in ("an", "the", "no", "any", "little") and token.pos == "NOUN" \
            and not (lexicon is not None and shown_feeling(article, token, lexicon)):
        # the psychologist's noun, a feeling a person shows, is left: "showed little affect"
        return token.start, token.end, "effect", "the noun is 'effect'; 'affect' is the verb"
    return None


RULES: tuple[Rule, ...] = (
    _rule_its, _rule_its_own, _rule_their_is, _rule_there_own, _rule_then_than,
    _rule_whose, _rule_your, _rule_loose, _rule_affect,
)


@register("grammar.confusables", severity="error")
def check(article: AnalysedArticle, knowledge: Knowledge) -> Iterator[Finding]:
    """Classic confusables (its/it's, their/there, than/then...) where the parse is clear."""
    text = article.text
    lexicon = knowledge.lexicon
    for token in article.tokens:
        if len(token.text) > 1 and token.text.isupper() and _initialism(article, token):
            continue  # "an ITS", "deploy ITS typically": an initialism, not the word
        for rule in RULES:
            hit = rule(article, token, lexicon)
            if hit is None:
                continue
            start, end, suggestion, reason = hit
            written = text[start:end]
            if written[:1].isupper():
                suggestion = suggestion[:1].upper() + suggestion[1:]
            context = text[start : min(len(text), end + 30)].split("\n")[0]
            yield Finding(
                check="grammar.confusables", severity=Severity.ERROR, start=start, end=end,
                text=written, message=f"'{written}' should probably be '{suggestion}': {reason}",
                suggestion=suggestion, confidence=0.85,
                evidence=[Evidence("grammar", f"context: “{context}…”; {reason}")],
            )
            break
