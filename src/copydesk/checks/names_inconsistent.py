"""``names.inconsistent``: one name spelt two ways in one article.

The spelling written less often is flagged at each of its occurrences, with the other spelling as
the suggestion and, as evidence, how often and where each spelling is written. When both are
written equally often, the spelling that general English text knows better wins if the difference
is clear, else the spelling written in a full name ("Lydia Buchtmann" against "Ms Bauchtman");
otherwise the pair is left alone. Standard transliteration pairs (``Dmitry``/``Dmitri``)
are never flagged. See ``docs/checks/names.inconsistent.md``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from copydesk.analyse.kbnames import name_corrections
from copydesk.analyse.variants import (
    HONORIFICS,
    NameWord,
    SpellingVariant,
    find_spelling_variants,
    word_frequency,
)
from copydesk.checks.registry import register
from copydesk.model import Evidence, Finding, Severity

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.analyse.document import AnalysedArticle
    from copydesk.knowledge import Knowledge

#: With equal counts, one spelling must be this much more frequent in general English (Zipf)...
TIE_MARGIN = 1.0
#: ...and the other this rare, for the rarer one to be called wrong.
TIE_RARE_ZIPF = 1.5
#: A word this common in English (Zipf) is everyday vocabulary ("Institute", "Hall").
EVERYDAY_ZIPF = 4.0
#: Below this length a one-edit variant can easily be another real name: never an error.
SHORT_NAME = 5


@register("names.inconsistent", severity="error")
def check(article: AnalysedArticle, knowledge: Knowledge) -> Iterator[Finding]:
    """A name spelt two ways in one article: the less frequent spelling is probably wrong."""
    variants = article.derived.spelling_variants
    if variants is None:  # an article not built by the entities stage (made by hand)
        variants = find_spelling_variants(article)
    known = name_corrections(article, knowledge.kb) if variants else {}
    for variant in variants:
        kb = known.get(variant.rare) or known.get(variant.common)
        if kb is not None:
            spelling, resolution = kb
            yield from _against_knowledge(variant, spelling, resolution.match.name, list(resolution.evidence))
            continue
        confirmed = _confirmed_in_full(variant, knowledge.kb) if knowledge is not None else None
        if confirmed is not None:
            yield from _against_knowledge(variant, *confirmed)
            continue
        decided = _decide(variant)
        if decided is None:
            continue
        wrong, right, wrong_words, right_words = decided
        severity, confidence = _severity(variant, wrong, wrong_words, right_words)
        if severity is Severity.ERROR and _written_as_a_word(article, right, right_words):
            # "Slido" beside "Slide" in an article that also writes "slides": the right form is an
            # ordinary word capitalised (a feature's name, a heading), no evidence of a name, and
            # a brand made from it is as likely as a slip
            severity, confidence = Severity.WARNING, min(confidence, 0.6)
        # the evidence points at the nearest occurrence of the right spelling: named last, so
        # that the location shown after the detail reads as its own
        detail = (
            f"'{wrong}' is written {_times(len(wrong_words))}; "
            f"'{right}' {_times(len(right_words))} ({_lines(article.text, right_words)})"
        )
        message = (
            f"'{wrong}' is probably a misspelling of '{right}', "
            "the spelling used elsewhere in this article"
        )
        for word in wrong_words:
            other = _nearest(right_words, word.start)
            yield _finding(word, severity, message, right, confidence,
                           [Evidence("spelling", detail, other.start, other.end)])


def _confirmed_in_full(variant: SpellingVariant, kb) -> tuple[str, str, list[Evidence]] | None:
    """The form the article writes in a full name that the knowledge base knows as a person
    ("Keir Starmer" beside "Mr Starmar"), when the other form is written in no known full name:
    (that form, the person's name, evidence)."""
    if kb is None:
        return None
    found = {}
    for form, words in ((variant.rare, variant.rare_words), (variant.common, variant.common_words)):
        for word in words:
            if not word.before:
                continue
            match = next((m for m in kb.exact(f"{word.before} {form}", kind="person")), None)
            if match is not None:
                found[form] = match
                break
    if len(found) != 1:
        return None
    (form, match), = found.items()
    return form, match.name, [Evidence("kb", f"{match.name} is a person the knowledge base knows")]


def _against_knowledge(variant: SpellingVariant, spelling: str, person: str,
                       evidence: list[Evidence]) -> Iterator[Finding]:
    """Both forms are written for a person the knowledge base knows: every occurrence written
    otherwise than the known spelling is wrong, whichever form the article writes more (or in
    the full name), and none of the known spelling is flagged."""
    words = [*variant.rare_words, *variant.common_words]
    counts = {variant.rare: len(variant.rare_words), variant.common: len(variant.common_words)}
    detail = "; ".join(f"'{form}' is written {_times(count)}" for form, count in counts.items())
    message = (
        f"'{variant.rare}' and '{variant.common}' are both written for {person}; "
        f"the known spelling is '{spelling}'"
    )
    confidence = 0.95 if variant.shared_context else 0.9
    for word in words:
        if word.text == spelling:
            continue
        other = _nearest([w for w in words if w.text != word.text], word.start)
        yield _finding(word, Severity.ERROR, message, spelling, confidence,
                       [Evidence("spelling", detail, other.start, other.end), *evidence])


def _finding(word: NameWord, severity: Severity, message: str, suggestion: str, confidence: float,
             evidence: list[Evidence]) -> Finding:
    return Finding(check="names.inconsistent", severity=severity, start=word.start, end=word.end,
                   text=word.text, message=message, suggestion=suggestion, confidence=confidence,
                   evidence=evidence)


def _decide(
    variant: SpellingVariant,
) -> tuple[str, str, list[NameWord], list[NameWord]] | None:
    """(wrong, right, wrong occurrences, right occurrences), or None when it cannot be told."""
    decided = _decide_by_evidence(variant)
    if decided is not None and (_deliberate(decided[0], decided[1]) or _derived(decided[0], decided[1])):
        return None
    return decided


def _derived(wrong: str, right: str) -> bool:
    """``wrong`` is a name made from ``right``, not a slip of it: ``right`` with one or two letters
    added at its end that do not repeat its last one ("Googler", "Rustc", "DashboardTM" beside
    "Google", "Rust", "Dashboard": an agent noun, a tool named after its language, a mark), or
    a capital set before a name that is written with its own capital next ("CPython" beside
    "Python", "RPython" beside "CPython": a coined name in mixed case). Slips of the keys drop,
    swap, double or change letters inside a name; they do not build a new word on its end (a
    doubled last letter, "Bidenn", stays a slip, and so does a name cut short, "Clinto")."""
    extra = len(wrong) - len(right)
    if 1 <= extra <= 2 and wrong.lower().startswith(right.lower()) \
            and wrong[len(right)].lower() != right[-1:].lower():
        return True
    if extra == 1 and wrong[1:] == right and right[:1].isupper():
        return True
    if extra == -1 and right[1:] == wrong and wrong[:1].isupper() and right[:1].isupper():
        return True  # "Python" beside "CPython": the name the other is made from
    return extra == 0 and len(wrong) >= 3 and wrong[1:] == right[1:] and wrong[1:2].isupper()


def _deliberate(wrong: str, right: str) -> bool:
    """``wrong`` has a letter outside English's alphabet that ``right`` lacks ("Hallé" against
    "Hall"): no slip of the keys adds an accented letter, so the writer meant it."""
    return any(not ch.isascii() and ch.isalpha() and ch not in right for ch in wrong)


def _decide_by_evidence(
    variant: SpellingVariant,
) -> tuple[str, str, list[NameWord], list[NameWord]] | None:
    if variant.rare_count < variant.common_count:
        return variant.rare, variant.common, variant.rare_words, variant.common_words
    rare_zipf, common_zipf = word_frequency(variant.rare), word_frequency(variant.common)
    if common_zipf - rare_zipf >= TIE_MARGIN and rare_zipf < TIE_RARE_ZIPF:
        return variant.rare, variant.common, variant.rare_words, variant.common_words
    if rare_zipf - common_zipf >= TIE_MARGIN and common_zipf < TIE_RARE_ZIPF:
        return variant.common, variant.rare, variant.common_words, variant.rare_words
    # Still a tie: the spelling written in the full name ("Lydia Buchtmann") is taken as right
    # against a bare or titled one ("Ms Bauchtman")
    rare_full = any(w.before for w in variant.rare_words)
    common_full = any(w.before for w in variant.common_words)
    decided = None
    if common_full and not rare_full:
        decided = variant.rare, variant.common, variant.rare_words, variant.common_words
    elif rare_full and not common_full:
        decided = variant.common, variant.rare, variant.common_words, variant.rare_words
    if decided is not None and _everyday_against_rare(decided[0], decided[1]):
        # ... unless that calls a word of English's everyday vocabulary a slip of a rarer one:
        # "the Institute of …" is no slip of "Karolinska Institutet" but another name holding an
        # English word (while "Ms Bankes" beside "Helen Banks" is still a slip of "Banks")
        return None
    return decided


def _everyday_against_rare(wrong: str, right: str) -> bool:
    zipf = word_frequency(wrong)
    return zipf >= EVERYDAY_ZIPF and zipf - word_frequency(right) >= TIE_MARGIN


def _severity(
    variant: SpellingVariant, wrong: str, wrong_words: list[NameWord], right_words: list[NameWord]
) -> tuple[Severity, float]:
    """Error when the evidence is strong: one edit, written once against at least twice, not a
    short name and not a word general English knows; a warning otherwise."""
    strong = (
        variant.distance == 1
        and len(wrong_words) == 1
        and len(right_words) >= 2
        and len(wrong) >= SHORT_NAME
        and word_frequency(wrong) < TIE_RARE_ZIPF
    )
    confidence = 0.9 if strong else 0.6
    if variant.shared_context:
        confidence += 0.05
    return (Severity.ERROR if strong else Severity.WARNING), confidence


def _written_as_a_word(article: AnalysedArticle, form: str, words: list[NameWord]) -> bool:
    """The article writes ``form`` in lower case too, or its plural, and never as a person's
    name (after a given name or a title: "Lisa Banks", "Ms Banks" beside "other banks"): an
    ordinary word capitalised."""
    lower = form.lower()
    if lower == form or any(w.before and w.label == "PERSON" for w in words):
        return False
    tokens = article.tokens
    if any(w.token > 0 and tokens[w.token - 1].text.rstrip(".").lower() in HONORIFICS for w in words):
        return False
    return any(t.text in (lower, lower + "s", lower + "es") for t in tokens)


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def _lines(text: str, words: list[NameWord]) -> str:
    """The lines of the text the words stand on ("line 17", "lines 5, 17"), as the reports count
    them."""
    numbers = sorted({text.count("\n", 0, w.start) + 1 for w in words})
    label = "line" if len(numbers) == 1 else "lines"
    return f"{label} {', '.join(str(n) for n in numbers)}"


def _nearest(words: list[NameWord], offset: int) -> NameWord:
    return min(words, key=lambda w: abs(w.start - offset))
