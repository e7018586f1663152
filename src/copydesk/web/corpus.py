"""The corpus page: the stored articles, searched and filtered.

``corpus_query(params)`` reads the page's query string into a ``CorpusQuery`` (with the problems
of fields it could not read); ``corpus_rows(store, query)`` lists the articles that match it, as
plain text for the template to escape. Full-text search is the store's ``search`` (its hits
come best first); the finding filters (check, severity, decision) keep the articles with at
least one finding that matches all three; outlet matches a part of the source or the URL's host;
the dates compare the article's published date (inclusive).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, cast
from urllib.parse import urlsplit

from copydesk.report.visible import visible
from copydesk.store.store import MARK_END, MARK_START

#: The decision filter's choices: the page's word, and the store's.
DECISIONS = {"accepted": "accepted", "dismissed": "dismissed", "undecided": "open"}
SEVERITIES = ("error", "warning", "info")
#: At most this many articles on the page (and search hits read).
LIMIT = 200


@dataclass
class CorpusQuery:
    """The page's fields as read; ``problems``: what could not be read (left out)."""

    q: str = ""
    check: str = ""
    outlet: str = ""
    severity: Literal["", "error", "warning", "info"] = ""
    decision: Literal["", "accepted", "dismissed", "undecided"] = ""
    since: date | None = None
    until: date | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def finding_filter(self) -> bool:
        return bool(self.check or self.severity or self.decision)

    @property
    def active(self) -> bool:
        return bool(self.q or self.finding_filter or self.outlet or self.since or self.until)


@dataclass(frozen=True)
class CorpusRow:
    article_id: int
    headline: str
    source: str
    site: str | None
    published: str | None
    versions: int
    findings: int
    snippet: tuple[tuple[str, bool], ...] = ()  # (text, matched)


def corpus_query(params: Mapping[str, str]) -> CorpusQuery:
    def get(name: str, limit: int = 200) -> str:
        return str(params.get(name) or "").strip()[:limit]

    query = CorpusQuery(q=get("q", 500), check=get("check"), outlet=get("outlet"))
    severity, decision = get("severity"), get("decision")
    if severity in SEVERITIES:
        query.severity = cast(Any, severity)
    elif severity:
        query.problems.append("Unknown severity: choose error, warning or info.")
    if decision in DECISIONS:
        query.decision = cast(Any, decision)
    elif decision:
        query.problems.append("Unknown decision: choose accepted, dismissed or undecided.")
    for name in ("since", "until"):
        value = get(name, 40)
        try:
            setattr(query, name, date.fromisoformat(value) if value else None)
        except ValueError:
            query.problems.append(f"The date {visible(value)!r} is not a date (YYYY-MM-DD).")
    return query


def corpus_rows(store: Any, query: CorpusQuery) -> list[CorpusRow]:
    """The stored articles that match ``query``: best match first with a search, else the
    newest first; at most ``LIMIT``."""
    articles = store.articles(
        published_after=query.since.isoformat() if query.since else None,
        published_before=query.until.isoformat() if query.until else None,
    )
    by_id = {a.id: a for a in articles}
    snippets: dict[int, str] = {}
    if query.q:
        hits = store.search(query.q, limit=LIMIT * 5)
        order = []
        for hit in hits:
            if hit.article_id not in snippets:
                snippets[hit.article_id] = hit.snippet
                order.append(hit.article_id)
    else:
        order = sorted(by_id, reverse=True)
    if query.finding_filter:
        findings = store.findings(check=query.check or None, severity=query.severity or None,
                                  decision=DECISIONS.get(query.decision))
        having = {f.article_id for f in findings}
        order = [a for a in order if a in having]
    outlet = query.outlet.casefold()
    rows = []
    for article_id in order:
        summary = by_id.get(article_id)
        if summary is None:
            continue
        site = _site(summary.url)
        if outlet and outlet not in summary.source.casefold() and outlet not in (site or ""):
            continue
        rows.append(CorpusRow(
            article_id=summary.id,
            headline=visible(summary.headline or "") or "(no headline)",
            source=visible(summary.source),
            site=visible(site) if site else None,
            published=(summary.published or "").replace("T", " ")[:16] or None,
            versions=summary.versions,
            findings=summary.findings,
            snippet=_marked(snippets.get(article_id, "")),
        ))
        if len(rows) >= LIMIT:
            break
    return rows


def _site(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.casefold() if host else None


def _marked(snippet: str) -> tuple[tuple[str, bool], ...]:
    """The snippet's pieces, each with whether it is a matched word (between the store's
    marks)."""
    pieces: list[tuple[str, bool]] = []
    rest = visible(" ".join(snippet.split()))  # the text's line breaks as spaces
    while rest:
        start = rest.find(MARK_START)
        end = rest.find(MARK_END, start + 1) if start >= 0 else -1
        if start < 0 or end < 0:
            pieces.append((rest, False))
            break
        if start:
            pieces.append((rest[:start], False))
        pieces.append((rest[start + 1 : end], True))
        rest = rest[end + 1 :]
    return tuple(pieces)
