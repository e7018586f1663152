"""``acronyms.expansion``: an acronym with a spelled-out form beside it that is not its expansion."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz import fuzz

from copydesk.analyse.acronyms import find_expansions
from copydesk.analyse.document import AnalysedArticle
from copydesk.checks.registry import register
from copydesk.knowledge import Knowledge
from copydesk.knowledge.normalize import norm
from copydesk.model import Evidence, Finding, Severity

# British and American spellings of one expansion are both right.
_SPELLING_FOLDS = (
    (re.compile(r"isation"), "ization"),
    (re.compile(r"ise\b"), "ize"),
    (re.compile(r"defence"), "defense"),
    (re.compile(r"centre"), "center"),
    (re.compile(r"programme"), "program"),
    (re.compile(r"labour"), "labor"),
    (re.compile(r"co operation"), "cooperation"),
    (re.compile(r"\band\b"), "&"),
)


#: Below this similarity to every known expansion, a written form must share a word with one.
SIMILAR = 0.75
_FUNCTION_WORDS = frozenset({"of", "for", "the", "and", "&", "on", "in", "to", "de"})


def _shared_words(known: str, written: str) -> bool:
    return bool((set(known.split()) & set(written.split())) - _FUNCTION_WORDS)


def fold(text: str) -> str:
    out = norm(text).replace("-", " ")
    for pattern, replacement in _SPELLING_FOLDS:
        out = pattern.sub(replacement, out)
    return out


@register("acronyms.expansion", severity="error")
def check(article: AnalysedArticle, knowledge: Knowledge) -> Iterator[Finding]:
    """A spelled-out form beside an acronym that is not one of the acronym's expansions."""
    kb = knowledge.kb
    for expansion in find_expansions(article):
        known = kb.expansions(expansion.acronym)
        if not known:
            continue
        written = fold(expansion.text)
        if any(fold(row.expansion) == written for row in known):
            continue
        best = max(known, key=lambda row: fuzz.ratio(fold(row.expansion), written))
        similarity = fuzz.ratio(fold(best.expansion), written) / 100
        if similarity < SIMILAR and not _shared_words(fold(best.expansion), written):
            continue  # another body with the same initials, unknown to the KB
        former = []
        if best.entity_key:
            former = [f for f in kb.former_names(best.entity_key) if fold(f) == written]
        listed = "; ".join(sorted({row.expansion for row in known}))
        evidence = [Evidence("kb", f"{expansion.acronym} stands for: {listed}")]
        if former:
            message = f"'{expansion.text}' is a former name; {expansion.acronym} is now the {best.expansion}"
            evidence.append(Evidence("kb", f"former name of {best.expansion}: {former[0]}"))
            severity = Severity.WARNING
        else:
            message = f"{expansion.acronym} does not stand for '{expansion.text}'"
            severity = Severity.ERROR if similarity >= 0.6 else Severity.WARNING
        yield Finding(
            check="acronyms.expansion",
            severity=severity,
            start=expansion.start,
            end=expansion.end,
            text=expansion.text,
            message=message,
            suggestion=best.expansion,
            confidence=round(0.6 + 0.35 * similarity, 3),
            evidence=evidence,
        )
