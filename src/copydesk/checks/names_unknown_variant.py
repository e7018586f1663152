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
    for token in article.tokens:
        if token.text not in corrections:
            continue
        right, resolution = corrections[token.text]
        known = resolution.match
        severity = Severity.ERROR if resolution.context else Severity.WARNING
        message = f"'{token.text}' is not a known spelling of {known.name}; the usual form is '{right}'"
        yield Finding(
            check="names.unknown-variant",
            severity=severity,
            start=token.start,
            end=token.end,
            text=token.text,
            message=message,
            suggestion=right,
            confidence=0.9 if resolution.context else 0.7,
            evidence=list(resolution.evidence),
        )


