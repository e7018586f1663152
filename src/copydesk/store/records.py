"""What the store's queries return: plain frozen dataclasses, detached from any session, each
with ``to_dict()`` (the shape ``copydesk export`` writes)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


class _Record:
    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return _plain(asdict(self))  # type: ignore[call-overload]


@dataclass(frozen=True, slots=True)
class IngestResult(_Record):
    """What ``Store.ingest`` did with one report.

    ``status``: ``new`` (a new article), ``version`` (a new text of a known URL), ``analysis``
    (a new report on a stored text: a re-check that found something else) or ``unchanged``
    (stored already: nothing was written)."""

    status: str
    article_id: int
    version: int
    content_hash: str
    source: str

    @property
    def changed(self) -> bool:
        return self.status != "unchanged"


@dataclass(frozen=True, slots=True)
class VersionRecord(_Record):
    article_id: int
    number: int
    content_hash: str
    source: str
    url: str | None
    headline: str | None
    section: str | None
    byline: str | None
    published: str | None
    updated: str | None
    language: str | None
    ingested_at: datetime
    previous: int | None  # the number of the version before, or None
    diff: str | None  # unified diff from the version before
    text: str


@dataclass(frozen=True, slots=True)
class ArticleRecord(_Record):
    id: int
    url: str | None
    versions: list[VersionRecord] = field(default_factory=list)

    @property
    def latest(self) -> VersionRecord:
        return self.versions[-1]


@dataclass(frozen=True, slots=True)
class ArticleSummary(_Record):
    """One article in a listing: its latest version, without the text."""

    id: int
    url: str | None
    versions: int
    content_hash: str
    source: str
    headline: str | None
    published: str | None
    findings: int


@dataclass(frozen=True, slots=True)
class _InArticle(_Record):
    """Where a record is: the article, the version number, and that version's URL, source
    and headline."""

    article_id: int
    version: int
    url: str | None
    source: str
    headline: str | None


@dataclass(frozen=True, slots=True)
class SearchHit(_InArticle):
    published: str | None
    snippet: str  # matched words between « and »
    rank: float  # higher is better


@dataclass(frozen=True, slots=True)
class QuoteRecord(_InArticle):
    published: str | None
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    speaker_kb_id: str | None
    cue: str | None


@dataclass(frozen=True, slots=True)
class DecisionRecord(_Record):
    fingerprint: str
    decision: str  # accepted | dismissed (| open in the log: a decision withdrawn)
    by: str
    at: datetime
    note: str | None


@dataclass(frozen=True, slots=True)
class FindingRecord(_InArticle):
    fingerprint: str
    check: str
    checks: list[str]
    severity: str
    start: int
    end: int
    text: str
    message: str
    suggestion: str | None
    confidence: float
    evidence: list[dict[str, Any]]
    decision: DecisionRecord | None
