"""A report as the annotated-article page shows it, built from the JSON contract (schema 1).

The page reads the same dictionary the REST API returns (``Report.to_dict()``), so a report
loaded from a store renders like one just made. Every string here is plain text: the templates
escape it (autoescape); nothing in a view is markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from copydesk.report.locate import TextIndex
from copydesk.report.pieces import cut
from copydesk.report.summary import plural
from copydesk.report.visible import shown, visible

SEVERITIES = ("error", "warning", "info")
RANK = {severity: rank for rank, severity in enumerate(reversed(SEVERITIES))}


@dataclass(frozen=True)
class EvidenceView:
    kind: str
    detail: str
    where: str | None = None  # "line:col" of the evidence's own span


@dataclass(frozen=True)
class FindingView:
    """One finding; ``number`` is its 1-based place in the list and its id in the page."""

    number: int
    check: str
    checks: tuple[str, ...]
    severity: str
    where: str
    text: str
    message: str
    suggestion: str | None
    confidence: float
    evidence: tuple[EvidenceView, ...]
    fingerprint: str | None
    decision: str | None = None  # accepted or dismissed, when the store has the editor's
    decided_by: str | None = None


@dataclass(frozen=True)
class Segment:
    """A run of text covered by the same findings. ``findings``: their numbers, the most
    serious first (a click opens the first); ``severity``: the most serious one's, or None for
    plain text; ``markers``: ``(number, severity)`` of the findings that end just before it."""

    text: str
    findings: tuple[int, ...] = ()
    severity: str | None = None
    role: str | None = None
    markers: tuple[tuple[int, str], ...] = ()

    @property
    def ids(self) -> str:
        return " ".join(map(str, self.findings))


@dataclass
class ArticleView:
    source: str
    article_id: str | None = None
    headline: str | None = None
    facts: list[str] = field(default_factory=list)
    byline: str | None = None
    url: str | None = None
    link: str | None = None  # ``url`` when it is an http(s) URL, safe to put in an href
    warnings: list[str] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    findings: list[FindingView] = field(default_factory=list)
    error: str | None = None

    @property
    def counts(self) -> list[tuple[str, int]]:
        return [(s, sum(1 for f in self.findings if f.severity == s)) for s in SEVERITIES]

    @property
    def summary(self) -> str:
        if not self.findings:
            return "No findings"
        return ", ".join(plural(count, severity) for severity, count in self.counts)


def article_view(
    report: Mapping[str, Any],
    regions: Iterable[tuple[int, int, str]] = (),
    *,
    decisions: Mapping[str, tuple[str, str]] | None = None,
) -> ArticleView:
    """The view of one report dictionary. ``regions``: ``(start, end, role)`` of the article's
    regions when known (the JSON contract does not carry them): page furniture greyed out, the
    headline in bold. ``decisions``: the editor's ``(decision, by)`` by fingerprint."""
    view = ArticleView(source=visible(str(report.get("source") or "")))
    error = report.get("error")
    article = report.get("article")
    if error or not article:
        view.error = (
            f"{visible(error.get('kind', 'error'))}: {visible(error.get('message', ''))}"
            if error else "the report holds no article"
        )
        return view
    text = article.get("text") or ""
    view.article_id = article.get("id")
    view.headline = _field(article, "headline")
    view.byline = _field(article, "byline")
    view.url = _field(article, "url")
    view.link = safe_link(article.get("url"))
    view.facts = _facts(article, text)
    view.warnings = [visible(str(w)) for w in article.get("warnings") or []]
    findings = list(report.get("findings") or [])
    index = TextIndex(text)
    view.findings = [_finding(k, f, index, decisions or {}) for k, f in enumerate(findings, 1)]
    view.segments = _segments(text, view.findings, findings, regions)
    return view


def safe_link(url: object) -> str | None:
    """``url`` when it is an absolute http(s) URL with a host and no control or space
    characters (so ``javascript:``, ``data:`` and the like never become links), else None."""
    if not isinstance(url, str) or visible(url) != url or any(c.isspace() for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def _field(article: Mapping[str, Any], name: str) -> str | None:
    value = article.get(name)
    return visible(value) if isinstance(value, str) and value.strip() else None


def _facts(article: Mapping[str, Any], text: str) -> list[str]:
    facts = []
    for name in ("published", "updated"):
        if article.get(name):
            facts.append(f"{name} {str(article[name]).replace('T', ' ')[:16]}")
    if article.get("section"):
        facts.append(f"section {visible(article['section'])}")
    facts.append(plural(len(text.split()), "word"))
    return facts


def _finding(
    number: int,
    finding: Mapping[str, Any],
    index: TextIndex,
    decisions: Mapping[str, tuple[str, str]],
) -> FindingView:
    evidence = tuple(
        EvidenceView(
            visible(str(e.get("kind", ""))),
            shown(str(e.get("detail", ""))),
            index.label(e["start"]) if e.get("start") is not None else None,
        )
        for e in finding.get("evidence") or []
    )
    severity = finding.get("severity")
    suggestion = finding.get("suggestion")
    decision, by = decisions.get(finding.get("fingerprint") or "", (None, None))
    return FindingView(
        number=number,
        check=visible(str(finding.get("check", ""))),
        checks=tuple(visible(str(c)) for c in finding.get("checks") or [finding.get("check", "")]),
        severity=severity if severity in RANK else "info",
        where=index.label(int(finding.get("start", 0))),
        text=shown(str(finding.get("text", ""))),
        message=shown(str(finding.get("message", ""))),
        suggestion=shown(suggestion) if isinstance(suggestion, str) else None,
        confidence=float(finding.get("confidence") or 0),
        evidence=evidence,
        fingerprint=finding.get("fingerprint"),
        decision=decision,
        decided_by=visible(by) if by else None,
    )


def _segments(
    text: str,
    views: list[FindingView],
    findings: list[Mapping[str, Any]],
    regions: Iterable[tuple[int, int, str]],
) -> list[Segment]:
    spans = [(int(f.get("start", 0)), int(f.get("end", 0))) for f in findings]
    roles = [(start, end, role) for start, end, role in regions if role != "body"]
    segments = []
    for piece in cut(len(text), spans, roles):
        covering = sorted(
            (views[k] for k in piece.covering), key=lambda v: (-RANK[v.severity], v.number)
        )
        segments.append(
            Segment(
                text=visible(text[piece.start : piece.end], keep="\n\t"),
                findings=tuple(v.number for v in covering),
                severity=covering[0].severity if covering else None,
                role=piece.role,
                markers=tuple((views[k].number, views[k].severity) for k in piece.ending),
            )
        )
    return segments
