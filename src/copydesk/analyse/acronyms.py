"""Acronyms and the spelled-out forms written beside them.

Patterns: ``ACR (Spelled Out Form)``, ``Spelled Out Form (ACR)`` and ``ACR, the Spelled Out Form``.
Only a phrase whose significant words' initials could spell the acronym counts as a spelled-out
form (``the BBC (Scotland)`` is not one)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from copydesk.analyse.document import AnalysedArticle
from copydesk.knowledge.normalize import initials

_ACRONYM = re.compile(r"\b[A-Z][A-Z&]{1,7}\b")
_WORD = r"[A-Z][\w'’\-]*"
_LINK = r"(?:of|for|and|the|on|in|de|du|des|la|le|to|&)"
_PHRASE = rf"{_WORD}(?:\s+(?:{_LINK}\s+)*{_WORD})*"
_AFTER_PAREN = re.compile(rf"\s*\(\s*({_PHRASE})\s*\)")
_AFTER_COMMA = re.compile(rf",\s+(?:the\s+)?({_PHRASE})")
_BEFORE_PAREN = re.compile(rf"({_PHRASE})\s*\(\s*$")


@dataclass(frozen=True, slots=True)
class Expansion:
    acronym: str
    acronym_start: int
    start: int
    end: int
    text: str


def could_spell(acronym: str, phrase: str) -> bool:
    """Whether the phrase's initials could be the acronym (allowing one letter of slack)."""
    letters = initials(phrase)
    target = acronym.replace("&", "")
    if letters == target:
        return True
    if len(letters) < 2 or letters[0] != target[0]:
        return False
    # one missing or extra word
    if abs(len(letters) - len(target)) > 1:
        return False
    return _subsequence(target, letters) or _subsequence(letters, target)


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short) and len(long) - len(short) <= 1


#: How far before ``(ACR)`` a spelled-out form is looked for: about four times the longest real
#: one ("International Bank for Reconstruction and Development" is 53 characters). Without a
#: bound, each acronym would read its whole paragraph again.
LOOKBACK_CHARS = 250


def find_expansions(analysed: AnalysedArticle) -> list[Expansion]:
    """Every acronym written with its spelled-out form, in text order (computed once per
    article and shared by the checks that need it)."""
    if analysed.derived.acronym_expansions is None:
        analysed.derived.acronym_expansions = _find_expansions(analysed)
    return list(analysed.derived.acronym_expansions)


def _find_expansions(analysed: AnalysedArticle) -> list[Expansion]:
    text = analysed.text
    found: list[Expansion] = []
    for region in analysed.article.paragraphs:
        segment = text[region.start : region.end]
        for match in _ACRONYM.finditer(segment):
            acronym = match.group()
            start = region.start + match.start()
            for pattern in (_AFTER_PAREN, _AFTER_COMMA):
                after = pattern.match(segment, match.end())
                if after and could_spell(acronym, after.group(1)):
                    s = region.start + after.start(1)
                    found.append(Expansion(acronym, start, s, s + len(after.group(1)), after.group(1)))
                    break
            else:
                if segment[match.end() : match.end() + 1] != ")":
                    continue
                window = max(0, match.start() - LOOKBACK_CHARS)
                before = _BEFORE_PAREN.search(segment, window, match.start())
                if before:
                    phrase = _trim_to_acronym(before.group(1), acronym)
                    if phrase:
                        s = region.start + before.end(1) - len(phrase)
                        found.append(Expansion(acronym, start, s, s + len(phrase), phrase))
    return found


def _trim_to_acronym(phrase: str, acronym: str) -> str | None:
    """The tail of ``phrase`` whose initials spell the acronym exactly ("European Economic
    Community (EEC)", not its tail "Economic Community", which spells it with a letter of
    slack); failing that, the shortest tail whose initials could spell it."""
    words = phrase.split()
    tails = [(" ".join(words[k:]), words[k]) for k in range(len(words) - 1, -1, -1)]
    target = acronym.replace("&", "")
    exact = next((tail for tail, first in tails if first[0].isupper() and initials(tail) == target), None)
    if exact is not None:
        return exact
    return next((tail for tail, first in tails if first[0].isupper() and could_spell(acronym, tail)), None)
