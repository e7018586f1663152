"""``grammar.double-auxiliary``: two finite auxiliaries in a row — "had has", "will can",
"would had" — of which a clause can hold one.

A finite auxiliary (a form of *be*, *have* or *do* that shows tense, or a modal) is the first
verb of its clause, so two in a row mean a slip. Left alone where the first ends one clause and
the second starts the next: a clause opened by a wh-word ("What he has is a contract",
"Whatever it was is gone") or a reduced relative ("The money he had was spent"), which the parse
marks as the first verb being a subject or a clause of its own. After a modal, *have* and *be*
take their base form ("would had" -> "would have"); otherwise one of the two goes, the one that
fits the verb after ("is has been" -> "has been"), or, of two forms of one verb, the one that
agrees with the subject ("Both parties has have" -> "have"). A modal that ends an elliptical
clause ("Those who can should stay", "Whether the firm can is …") is left alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from copydesk.analyse.document import AnalysedArticle
from copydesk.checks.grammar_words import (
    FINITE_AUX,
    FINITE_BE,
    FINITE_HAVE,
    WH_WORDS,
    finding,
    next_word,
    sentence_before,
)
from copydesk.checks.registry import register
from copydesk.knowledge import Knowledge
from copydesk.model import Finding

CHECK = "grammar.double-auxiliary"
FINITE_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD"})
MODAL_WORDS = frozenset({"will", "would", "can", "could", "shall", "should", "may", "might", "must"})


def _clause_boundary(article: AnalysedArticle, first) -> bool:
    """The first auxiliary closes a clause of its own (a free or reduced relative)."""
    if first.dep in ("csubj", "relcl", "ccomp", "advcl", "acl"):
        return True
    before = sentence_before(article, first)
    if any(t.lower in WH_WORDS for t in before):
        return True
    # "The money he had was spent": a reduced relative
    return len(before) >= 2 and before[-1].pos in ("PRON", "NOUN", "PROPN") and before[-2].pos in ("NOUN", "PROPN") \
        and before[-2].dep != "compound" and before[-2].head != before[-1].i  # not "internet business"


def _elliptical(article: AnalysedArticle, modal) -> bool:
    """The modal ends a clause whose verb is understood: right after "who", "that" or "which"
    ("Those who can should stay"), or after the subject of "whether" or "if" ("Whether the firm
    can is another matter")."""
    before = sentence_before(article, modal)
    if before and before[-1].lower in ("who", "that", "which"):
        return True
    k = len(before) - 1
    while k >= 0 and (before[k].pos in ("DET", "ADJ", "NOUN", "PROPN", "PRON") or before[k].tag == "PRP$") and len(before) - k <= 4:
        k -= 1
    return k >= 0 and k < len(before) - 1 and before[k].lower in ("whether", "if")


_PLURAL_FORMS = frozenset({"have", "are", "were", "do"})
_SINGULAR_FORMS = frozenset({"has", "is", "was", "does"})


def _same_verb(first, second) -> bool:
    """Two forms of one verb ("has have", "is are", "was were"): the writer changed number."""
    return {first.lower, second.lower} in ({"has", "have"}, {"is", "are"}, {"was", "were"}, {"does", "do"})


def _agreeing(article: AnalysedArticle, first, second):
    """Of two forms of one verb, the one that agrees with the subject before them: a plural noun
    or "they/we/you/I" takes the plural form."""
    subject = next((t for t in reversed(sentence_before(article, first)) if t.pos in ("NOUN", "PROPN", "PRON")), None)
    if subject is not None and subject.lower == "i":
        return second if second.lower in ("have", "was", "do") else first  # "I was were there" -> "was"
    plural = subject is not None and (subject.tag in ("NNS", "NNPS") or subject.lower in ("they", "we", "you"))
    wanted = _PLURAL_FORMS if plural else _SINGULAR_FORMS
    return second if second.lower in wanted else first


@register(CHECK, severity="warning")
def check(article: AnalysedArticle, knowledge: Knowledge) -> Iterator[Finding]:
    """Two finite auxiliaries in a row ("had has", "would had")."""
    tokens = article.tokens
    for first, second in pairwise(tokens):
        if first.sent != second.sent or article.text[first.end : second.start] != " ":
            continue
        if first.lower not in FINITE_AUX or second.lower not in FINITE_AUX:
            continue
        if first.text[:1].isupper() and (first.ent_type or first.pos == "PROPN" or first.lower in ("may", "will", "can")):
            continue  # "May has struggled": a name (a firm, a person called Will)
        if first.lower in FINITE_BE and second.lower in MODAL_WORDS:
            continue  # "The real question is would he…": a question after *be*
        if first.lower in MODAL_WORDS:
            if second.lower in ("have", "do"):
                continue  # "would have", "could do": the base form after a modal
        elif second.lower == "have" and first.lower in FINITE_HAVE | FINITE_BE:
            pass  # "has have", "had have": never a participle or a base form there
        elif first.tag not in FINITE_TAGS or second.tag not in FINITE_TAGS:
            continue  # "has had", "had had": the second is a participle
        if first.lower not in MODAL_WORDS and _clause_boundary(article, first) or first.lower in MODAL_WORDS and _elliptical(article, first):
            continue
        reason = f"'{first.text}' and '{second.text}' are both finite auxiliaries; a clause takes one"
        if first.lower in MODAL_WORDS:
            if second.lower in FINITE_HAVE:
                suggestion = f"{first.text} have"
            elif second.lower in FINITE_BE:
                suggestion = f"{first.text} be"
            else:
                suggestion = first.text
        else:
            after = next_word(article, second)
            keep = first
            if after is not None and after.tag == "VBN" and second.lower in FINITE_HAVE and first.lower not in FINITE_HAVE:
                keep = second  # "is has been" -> "has been"
            elif after is not None and after.tag == "VBG" and second.lower in FINITE_BE and first.lower not in FINITE_BE:
                keep = second
            elif _same_verb(first, second):
                keep = _agreeing(article, first, second)  # "Both parties has have agreed" -> "have"
            suggestion = keep.text
        yield finding(CHECK, article, first.start, second.end, suggestion, reason)
