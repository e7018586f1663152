"""``names.unknown-variant``: a person's name that is close to a known person's name, in a context
that fits that person, but is not a known spelling ("Foreign Minister Anna Kowalcyzk" → Kowalczyk).

Evidence that the written name is the known person, strongest first:
- a title before the name that the known person held (checked against the KB's roles);
- the same given name (or a standard transliteration of it) and a surname one or two edits away,
  where the written surname is not an attested word or name (wordfreq) — a real namesake's
  surname usually is.
Every mention of the person (full name, surname only, and spelling variants of the surname
elsewhere in the article) gets the finding, with the known spelling as suggestion."""

from __future__ import annotations

import re
from collections.abc import Iterator

from copydesk.analyse.document import AnalysedArticle
from copydesk.analyse.kbnames import name_corrections
from copydesk.checks.registry import register
from copydesk.knowledge import Knowledge
from copydesk.model import Finding, Severity


@register("names.unknown-variant", severity="warning")
def check(article: AnalysedArticle, knowledge: Knowledge) -> Iterator[Finding]:
    """A name close to a known person's, in a context that fits them, but not a known spelling."""
    corrections = name_corrections(article, knowledge.kb)
    for start, end, written in _spans(article, corrections):
        right, resolution = corrections[written]
        known = resolution.match
        severity = Severity.ERROR if resolution.context else Severity.WARNING
        message = f"'{written}' is not a known spelling of {known.name}; the usual form is '{right}'"
        yield Finding(
            check="names.unknown-variant",
            severity=severity,
            start=start,
            end=end,
            text=written,
            message=message,
            suggestion=right,
            confidence=0.9 if resolution.context else 0.7,
            evidence=list(resolution.evidence),
        )




def _spans(article: AnalysedArticle, corrections: dict) -> list[tuple[int, int, str]]:
    """Where the written forms to correct are: the tokens that are one, and the places of one
    that the tokenizer splits ("Ki-mmoon" is three tokens)."""
    spans = {(t.start, t.end, t.text) for t in article.tokens if t.text in corrections}
    for written in corrections:
        if re.fullmatch(r"\w+", written):
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(written)}(?![\w-])", article.text):
            spans.add((m.start(), m.end(), written))
    return sorted(spans)
