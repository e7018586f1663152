"""``Store``: articles, their versions and analyses, and the editor's decisions, in SQLite or
PostgreSQL (see ``copydesk.store.models`` for the tables, ``copydesk.store.engine`` for ``db``).

    from copydesk import Desk
    from copydesk.store import Store

    store = Store("desk.sqlite")                 # or "postgresql://user@host/db"; None: default
    result = store.ingest(Desk().check_text(text, source="story.txt"))
    store.search("harbour strike")
    store.quotes(speaker="Wierzbicki")
    store.decide(fingerprint, "dismissed", by="ana", note="house spelling")
    store.findings(decision="open", severity="warning")

Ingest is idempotent: the key is the content hash of the article text, so the same article
twice is one record and writes nothing the second time; a report on a stored text that differs
(a re-check that found something else) is a new analysis of that version; a new text with the
URL of a stored article is its next version, linked to the one before with a unified diff.
Queries read each article's current state: its latest version's latest analysis.
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any, Self, TextIO

from sqlalchemy import ColumnElement, Engine, func, insert, inspect, or_, select, text, update
from sqlalchemy.engine import URL
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from copydesk.errors import CopydeskError, UsageError
from copydesk.model import Finding, Severity, content_id
from copydesk.store.engine import create_store_engine, database_url, upgrade, writer
from copydesk.store.models import (
    AnalysisRow,
    ArticleRow,
    Base,
    BatchInputRow,
    ClaimRow,
    DecisionLogRow,
    DecisionRow,
    EntityRow,
    EventRow,
    FindingRow,
    QuoteRow,
    VersionRow,
)
from copydesk.store.records import (
    ArticleRecord,
    ArticleSummary,
    DecisionRecord,
    FindingRecord,
    IngestResult,
    QuoteRecord,
    SearchHit,
    VersionRecord,
)
from copydesk.store.search import fts5_query

DECISIONS = ("accepted", "dismissed", "open")
#: Tables ``export`` writes, besides ``reports`` (the stored schema-1 objects, JSONL only).
EXPORT_TABLES = {
    "articles": None,
    "findings": FindingRow,
    "entities": EntityRow,
    "quotes": QuoteRow,
    "claims": ClaimRow,
    "events": EventRow,
    "decisions": DecisionLogRow,
}
#: The document PostgreSQL searches: a stored tsvector with a GIN index (migration 0001).
PG_DOCUMENT = "v.search_vector"
MARK_START, MARK_END = "«", "»"


class StoreError(CopydeskError):
    """The store cannot do what was asked (a report without an article, an unknown finding)."""


class Store:
    """A store of articles, analyses and decisions. Opening it migrates its schema to the
    newest revision. Use as a context manager, or call ``close()``."""

    def __init__(self, db: str | os.PathLike[str] | URL | None = None, *, echo: bool = False):
        self.url = database_url(db)
        self.engine: Engine = create_store_engine(self.url, echo=echo)
        upgrade(self.engine)
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(writer(self.engine), expire_on_commit=False)

    @property
    def backend(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    def describe(self) -> str:
        """The database, password hidden."""
        return self.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- ingest ----------------------------------------------------------------------------

    def ingest(self, report: Any) -> IngestResult:
        """Store one report (a ``copydesk.Report`` or its schema-1 dict); see the module doc."""
        data = report_dict(report)
        with self._writer() as session, session.begin():
            return self._ingest(session, data)

    def ingest_many(self, reports: Iterable[Any], *, batch: int = 200) -> Iterator[IngestResult]:
        """Store reports in transactions of ``batch``; yields each result once it is committed.
        A report without an article raises ``StoreError`` (the reports before it in its batch
        are committed first)."""
        pending: list[dict[str, Any]] = []
        for report in reports:
            try:
                pending.append(report_dict(report))
            except StoreError:
                yield from self._ingest_batch(pending)
                pending = []
                raise
            if len(pending) >= batch:
                yield from self._ingest_batch(pending)
                pending = []
        yield from self._ingest_batch(pending)

    def _ingest_batch(self, reports: list[dict[str, Any]]) -> list[IngestResult]:
        if not reports:
            return []
        with self._writer() as session, session.begin():
            return [self._ingest(session, data) for data in reports]

    def commit_batch(
        self, done: Iterable[tuple[str, str, Any, dict[str, Any] | None]]
    ) -> list[IngestResult | dict[str, Any]]:
        """Store a batch partition in one transaction: for each ``(input_key, source, report,
        failure)`` the report (when not None) and the input's checkpoint row (``batch_inputs``:
        ``stored`` with the content hash, or ``failed`` with the failure record), so a crash
        leaves either all of it or none. A report that cannot be stored becomes a failure of
        kind ``store`` instead of ending the batch. Returns, per input, the ``IngestResult`` or
        the failure record."""
        out: list[IngestResult | dict[str, Any]] = []
        now = datetime.now(UTC)
        with self._writer() as session, session.begin():
            for key, source, report, failed in done:
                result: IngestResult | dict[str, Any]
                if report is not None:
                    try:
                        result = self._ingest(session, report_dict(report))
                    except Exception as exc:  # noqa: BLE001 - this input's failure, not the batch's
                        failed = {"source": source, "kind": "store",
                                  "reason": f"{type(exc).__name__}: {exc}"[:500]}
                        result = failed
                else:
                    result = failed or {"source": source, "kind": "unknown", "reason": ""}
                row = BatchInputRow(
                    input_key=key, source=source,
                    status="failed" if isinstance(result, dict) else "stored",
                    content_hash=None if isinstance(result, dict) else result.content_hash,
                    failure=result if isinstance(result, dict) else None, done_at=now,
                )
                session.merge(row)
                out.append(result)
        return out

    def batch_done(self, keys: Iterable[str]) -> dict[str, dict[str, Any] | None]:
        """Which of these batch input keys are done: key -> None when stored, the failure
        record when failed; keys not done are absent."""
        wanted = list(dict.fromkeys(keys))
        found: dict[str, dict[str, Any] | None] = {}
        with self._reader() as session:
            for start in range(0, len(wanted), 500):
                rows = session.execute(
                    select(BatchInputRow.input_key, BatchInputRow.status, BatchInputRow.failure)
                    .where(BatchInputRow.input_key.in_(wanted[start:start + 500]))
                ).all()
                for key, status, failed in rows:
                    found[key] = failed if status == "failed" else None
        return found

    def _ingest(self, session: Session, data: dict[str, Any]) -> IngestResult:
        try:
            with session.begin_nested():
                return self._ingest_in(session, data)
        except IntegrityError:
            # another writer stored the same text or URL at the same moment: read it now
            with session.begin_nested():
                return self._ingest_in(session, data)

    def _ingest_in(self, session: Session, original: dict[str, Any]) -> IngestResult:
        chash = content_id(original["article"]["text"])
        rhash = report_hash(original)
        # PostgreSQL's text holds no NUL: the columns get U+FFFD in its place (offsets keep),
        # the stored report JSON keeps the exact text (escaped), and the keys are the original's
        data = without_nul(original) if self.backend == "postgresql" else original
        article = data["article"]
        text_ = article["text"]
        now = datetime.now(UTC)
        version = session.scalar(select(VersionRow).where(VersionRow.content_hash == chash))
        if version is not None:
            known = session.scalar(
                select(AnalysisRow.id).where(
                    AnalysisRow.version_id == version.id, AnalysisRow.report_hash == rhash
                )
            )
            result = IngestResult("unchanged", version.article_id, version.number, chash,
                                  version.source)
            if known is not None:
                return result
            latest = session.scalar(
                select(func.max(VersionRow.number)).where(
                    VersionRow.article_id == version.article_id
                )
            )
            current = version.number == latest
            if current:
                session.execute(
                    update(AnalysisRow)
                    .where(AnalysisRow.version_id == version.id, AnalysisRow.current.is_(True))
                    .values(current=False)
                )
            self._add_analysis(session, version.id, data, rhash, current, now, original)
            return IngestResult("analysis", version.article_id, version.number, chash,
                                version.source)

        url = article.get("url") or None
        story = None
        if url is not None:
            story = session.scalar(select(ArticleRow).where(ArticleRow.url == url))
        previous = None
        if story is not None:
            previous = session.scalar(
                select(VersionRow)
                .where(VersionRow.article_id == story.id)
                .order_by(VersionRow.number.desc())
                .limit(1)
            )
            session.execute(
                update(AnalysisRow)
                .where(
                    AnalysisRow.current.is_(True),
                    AnalysisRow.version_id.in_(
                        select(VersionRow.id).where(VersionRow.article_id == story.id)
                    ),
                )
                .values(current=False)
            )
            status = "version"
        else:
            story = ArticleRow(url=url, created_at=now)
            session.add(story)
            session.flush()
            status = "new"
        number = previous.number + 1 if previous is not None else 1
        version = VersionRow(
            article_id=story.id,
            number=number,
            content_hash=chash,
            previous_id=previous.id if previous is not None else None,
            diff=unified_diff(previous.text, text_, previous.number, number) if previous else None,
            source=str(data.get("source") or ""),
            url=url,
            headline=article.get("headline"),
            section=article.get("section"),
            byline=article.get("byline"),
            published=article.get("published"),
            updated=article.get("updated"),
            language=article.get("language"),
            encoding=article.get("encoding"),
            warnings=list(article.get("warnings") or []),
            text=text_,
            ingested_at=now,
        )
        session.add(version)
        session.flush()
        self._add_analysis(session, version.id, data, rhash, True, now, original)
        return IngestResult(status, story.id, number, chash, version.source)

    def _add_analysis(
        self, session: Session, version_id: int, data: dict[str, Any], rhash: str,
        current: bool, now: datetime, original: dict[str, Any],
    ) -> None:
        analysis = AnalysisRow(
            version_id=version_id,
            report_hash=rhash,
            current=current,
            made_by=dict(data.get("versions") or {}),
            report=json.dumps(original, ensure_ascii=False),
            created_at=now,
        )
        session.add(analysis)
        session.flush()
        # Core inserts of the table (one executemany a table), not the ORM's bulk insert, which
        # builds a mapped state per row: 0.60x the store's CPU per report (docs/BENCHMARKS.md,
        # "The store's cost per article")
        connection = session.connection()
        for model, rows in child_rows(data, analysis.id):
            if rows:
                connection.execute(insert(model.__table__), rows)

    # -- reading ---------------------------------------------------------------------------

    def article(self, key: int | str) -> ArticleRecord | None:
        """An article with all its versions, by id, by the content hash of any of its versions
        (``sha256:…``) or by URL."""
        with self._reader() as session:
            story: ArticleRow | None
            if isinstance(key, int) or (isinstance(key, str) and key.isdigit()):
                story = session.get(ArticleRow, int(key))
            elif key.startswith("sha256:"):
                story = session.scalar(
                    select(ArticleRow)
                    .join(VersionRow, VersionRow.article_id == ArticleRow.id)
                    .where(VersionRow.content_hash == key)
                )
            else:
                story = session.scalar(select(ArticleRow).where(ArticleRow.url == key))
            if story is None:
                return None
            numbers = {v.id: v.number for v in story.versions}
            return ArticleRecord(
                story.id, story.url, [_version_record(v, numbers) for v in story.versions]
            )

    def has_content(self, content_hash: str) -> bool:
        """Whether a version with this content hash (``model.content_id``) is stored."""
        with self._reader() as session:
            found = session.scalar(
                select(VersionRow.id).where(VersionRow.content_hash == content_hash).limit(1)
            )
        return found is not None

    def report(self, key: int | str) -> dict[str, Any] | None:
        """The stored schema-1 report of an article's current state (see ``article`` for
        ``key``)."""
        record = self.article(key)
        if record is None:
            return None
        with self._reader() as session:
            stored = session.scalar(
                select(AnalysisRow.report)
                .join(VersionRow, VersionRow.id == AnalysisRow.version_id)
                .where(VersionRow.article_id == record.id, AnalysisRow.current.is_(True))
            )
        return json.loads(stored) if stored is not None else None

    def articles(
        self,
        *,
        url: str | None = None,
        source: str | None = None,
        headline: str | None = None,
        published_after: str | None = None,
        published_before: str | None = None,
        check: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[ArticleSummary]:
        """Articles, oldest first, described by their latest version. ``source`` and
        ``headline`` match a part (any case); ``published_*`` compare ISO dates (inclusive);
        ``check``: articles with a finding of that check (an id or an area such as
        ``names``)."""
        findings = (
            select(func.count(FindingRow.id))
            .where(FindingRow.analysis_id == AnalysisRow.id)
            .scalar_subquery()
        )
        stmt = (
            select(ArticleRow.id, ArticleRow.url, VersionRow, findings)
            .join(VersionRow, VersionRow.article_id == ArticleRow.id)
            .join(AnalysisRow, AnalysisRow.version_id == VersionRow.id)
            .where(AnalysisRow.current.is_(True))
            .order_by(ArticleRow.id)
            .offset(offset)
        )
        if url is not None:
            stmt = stmt.where(ArticleRow.url == url)
        if source:
            stmt = stmt.where(_contains(VersionRow.source, source))
        if headline:
            stmt = stmt.where(_contains(VersionRow.headline, headline))
        if published_after:
            stmt = stmt.where(VersionRow.published >= published_after)
        if published_before:
            stmt = stmt.where(VersionRow.published < _day_after(published_before))
        if check:
            stmt = stmt.where(
                select(FindingRow.id)
                .where(FindingRow.analysis_id == AnalysisRow.id, _check_is(FindingRow.check, check))
                .exists()
            )
        if limit is not None:
            stmt = stmt.limit(limit)
        with self._reader() as session:
            return [
                ArticleSummary(
                    id_, url_, v.number, v.content_hash, v.source, v.headline, v.published, count
                )
                for id_, url_, v, count in session.execute(stmt)
            ]

    def search(self, query: str, *, limit: int = 20, all_versions: bool = False) -> list[SearchHit]:
        """Full-text search of headlines and texts, best match first. The query reads like a
        web search: words (all must match, stemmed), ``"a phrase"``, ``OR``, ``-word`` (not).
        Only each article's latest version unless ``all_versions``."""
        if not query.strip():
            raise UsageError("an empty search")
        current = (
            "" if all_versions else
            "AND EXISTS (SELECT 1 FROM analyses a WHERE a.version_id = v.id AND a.current)"
        )
        if self.backend == "sqlite":
            match = fts5_query(query)
            if not match:
                return []
            sql = text(
                "SELECT v.article_id, v.number, v.url, v.source, v.headline, v.published, "
                f"snippet(versions_fts, -1, '{MARK_START}', '{MARK_END}', '…', 16), "
                "-bm25(versions_fts) AS rank "
                "FROM versions_fts JOIN versions v ON v.id = versions_fts.rowid "
                f"WHERE versions_fts MATCH :q {current} ORDER BY rank DESC, v.id LIMIT :n"
            )
            params: dict[str, Any] = {"q": match, "n": limit}
        else:
            options = (f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=24, MinWords=10, "
                       "MaxFragments=1, FragmentDelimiter=\" … \"")
            sql = text(
                "SELECT v.article_id, v.number, v.url, v.source, v.headline, v.published, "
                "ts_headline('english', v.text, hit.q, :options), hit.rank FROM ("
                f"  SELECT v.id, ts_rank({PG_DOCUMENT}, q) AS rank, q "
                "  FROM versions v, websearch_to_tsquery('english', :q) q "
                f"  WHERE {PG_DOCUMENT} @@ q {current} ORDER BY rank DESC, v.id LIMIT :n"
                ") hit JOIN versions v ON v.id = hit.id ORDER BY hit.rank DESC, v.id"
            )
            params = {"q": query, "n": limit, "options": options}
        with self._reader() as session:
            rows = session.execute(sql, params).all()
        return [
            SearchHit(a, n, u, s, h, p, snippet or "", float(rank))
            for a, n, u, s, h, p, snippet, rank in rows
        ]

    def quotes(
        self,
        speaker: str | None = None,
        *,
        article: int | None = None,
        kind: str | None = None,
        limit: int | None = None,
    ) -> list[QuoteRecord]:
        """Quotes in each article's current state, in article and text order. ``speaker``
        matches a part of the speaker's name, any case ("Peskov" finds "Dmitry Peskov"), or
        the speaker's knowledge-base id exactly."""
        stmt = (
            select(QuoteRow, VersionRow.article_id, VersionRow.number, VersionRow.url,
                   VersionRow.source, VersionRow.headline, VersionRow.published)
            .join(AnalysisRow, AnalysisRow.id == QuoteRow.analysis_id)
            .join(VersionRow, VersionRow.id == AnalysisRow.version_id)
            .where(AnalysisRow.current.is_(True))
            .order_by(VersionRow.article_id, QuoteRow.position)
        )
        if speaker:
            stmt = stmt.where(
                or_(_contains(QuoteRow.speaker, speaker), QuoteRow.speaker_kb_id == speaker)
            )
        if article is not None:
            stmt = stmt.where(VersionRow.article_id == article)
        if kind:
            stmt = stmt.where(QuoteRow.kind == kind)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self._reader() as session:
            return [
                QuoteRecord(a, n, u, s, h, p, q.start, q.end, q.text, q.kind, q.speaker,
                            q.speaker_kb_id, q.cue)
                for q, a, n, u, s, h, p in session.execute(stmt)
            ]

    def findings(
        self,
        *,
        check: str | None = None,
        severity: str | Severity | None = None,
        decision: str | None = None,
        article: int | None = None,
        fingerprint: str | None = None,
        limit: int | None = None,
    ) -> list[FindingRecord]:
        """Findings in each article's current state, in article and text order, with the
        editor's decision on each. ``check``: an id or an area (``names``); ``severity``: the
        lowest to keep; ``decision``: ``accepted``, ``dismissed`` or ``open`` (none yet)."""
        stmt = (
            select(FindingRow, DecisionRow, VersionRow.article_id, VersionRow.number,
                   VersionRow.url, VersionRow.source, VersionRow.headline)
            .join(AnalysisRow, AnalysisRow.id == FindingRow.analysis_id)
            .join(VersionRow, VersionRow.id == AnalysisRow.version_id)
            .outerjoin(DecisionRow, DecisionRow.fingerprint == FindingRow.fingerprint)
            .where(AnalysisRow.current.is_(True))
            .order_by(VersionRow.article_id, FindingRow.position)
        )
        if check:
            stmt = stmt.where(_check_is(FindingRow.check, check))
        if severity is not None:
            stmt = stmt.where(FindingRow.severity_rank >= int(_severity(severity)))
        if decision is not None:
            if decision not in DECISIONS:
                raise UsageError(f"unknown decision {decision!r}; choose one of "
                                 + ", ".join(DECISIONS))
            if decision == "open":
                stmt = stmt.where(DecisionRow.fingerprint.is_(None))
            else:
                stmt = stmt.where(DecisionRow.decision == decision)
        if article is not None:
            stmt = stmt.where(VersionRow.article_id == article)
        if fingerprint is not None:
            stmt = stmt.where(FindingRow.fingerprint == fingerprint)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self._reader() as session:
            return [
                FindingRecord(
                    a, n, u, s, h, f.fingerprint, f.check, list(f.checks), f.severity, f.start,
                    f.end, f.text, f.message, f.suggestion, f.confidence, list(f.evidence),
                    _decision_record(d) if d is not None else None,
                )
                for f, d, a, n, u, s, h in session.execute(stmt)
            ]

    # -- decisions -------------------------------------------------------------------------

    def decide(
        self,
        fingerprint: str,
        decision: str,
        *,
        by: str,
        note: str | None = None,
        at: datetime | None = None,
    ) -> DecisionRecord:
        """Record an editor's decision on the finding with this fingerprint: ``accepted``,
        ``dismissed``, or ``open`` to withdraw one. It holds for that finding in every version
        and re-check of the article (the fingerprint survives edits elsewhere) and is logged."""
        if decision not in DECISIONS:
            raise UsageError(f"unknown decision {decision!r}; choose one of " + ", ".join(DECISIONS))
        if not by or not by.strip():
            raise UsageError("a decision needs the name of who made it")
        at = at or datetime.now(UTC)
        with self._writer() as session, session.begin():
            known = session.scalar(
                select(FindingRow.id).where(FindingRow.fingerprint == fingerprint).limit(1)
            )
            if known is None:
                raise StoreError(f"no stored finding has the fingerprint {fingerprint!r}")
            session.add(DecisionLogRow(fingerprint=fingerprint, decision=decision, decided_by=by,
                                       decided_at=at, note=note))
            row = session.get(DecisionRow, fingerprint)
            if decision == "open":
                if row is not None:
                    session.delete(row)
            elif row is None:
                session.add(DecisionRow(fingerprint=fingerprint, decision=decision,
                                        decided_by=by, decided_at=at, note=note))
            else:
                row.decision, row.decided_by, row.decided_at, row.note = decision, by, at, note
        return DecisionRecord(fingerprint, decision, by, at, note)

    def decision(self, fingerprint: str) -> DecisionRecord | None:
        with self._reader() as session:
            row = session.get(DecisionRow, fingerprint)
            return _decision_record(row) if row is not None else None

    def decision_log(self, fingerprint: str | None = None) -> list[DecisionRecord]:
        stmt = select(DecisionLogRow).order_by(DecisionLogRow.id)
        if fingerprint is not None:
            stmt = stmt.where(DecisionLogRow.fingerprint == fingerprint)
        with self._reader() as session:
            return [
                DecisionRecord(r.fingerprint, r.decision, r.decided_by, r.decided_at, r.note)
                for r in session.scalars(stmt)
            ]

    # -- export ----------------------------------------------------------------------------

    def export(self, out: TextIO, format: str = "jsonl", *, table: str | None = None) -> int:
        """Write each article's current state to ``out``; returns the number of records.

        ``jsonl``: by default the stored schema-1 reports, one a line, each with a ``store``
        object (article id, version number, previous version, diff, ingest time, and the
        decisions on its findings by fingerprint). ``csv``: one row per finding by default.
        ``table`` picks another record: articles, findings, entities, quotes, claims, events,
        or decisions (every decision ever made)."""
        if format not in ("jsonl", "csv"):
            raise UsageError(f"unknown export format {format!r}; choose jsonl or csv")
        table = table or ("reports" if format == "jsonl" else "findings")
        if table == "reports":
            if format != "jsonl":
                raise UsageError("reports export as jsonl only; pick a table for csv")
            return self._write_jsonl(out, self._reports())
        if table not in EXPORT_TABLES:
            raise UsageError(f"unknown table {table!r}; choose one of reports, "
                             + ", ".join(EXPORT_TABLES))
        records = self._table_records(table)
        if format == "jsonl":
            return self._write_jsonl(out, records)
        return _write_csv(out, records, self._columns(table))

    @staticmethod
    def _write_jsonl(out: TextIO, records: Iterable[dict[str, Any]]) -> int:
        count = 0
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False, default=_json_default) + "\n")
            count += 1
        return count

    def _reports(self) -> Iterator[dict[str, Any]]:
        stmt = (
            select(AnalysisRow.report, AnalysisRow.created_at, VersionRow)
            .join(VersionRow, VersionRow.id == AnalysisRow.version_id)
            .where(AnalysisRow.current.is_(True))
            .order_by(VersionRow.article_id)
            .execution_options(yield_per=200)
        )
        with self._reader() as session:
            decided = {r.fingerprint: _decision_record(r).to_dict()
                       for r in session.scalars(select(DecisionRow))}
            for stored, analysed_at, version in session.execute(stmt):
                data = json.loads(stored)
                prints = [f.get("fingerprint") for f in data.get("findings", [])]
                data["store"] = {
                    "article_id": version.article_id,
                    "version": version.number,
                    "content_hash": version.content_hash,
                    "previous": version.number - 1 if version.previous_id is not None else None,
                    "diff": version.diff,
                    "ingested_at": version.ingested_at.isoformat(),
                    "analysed_at": analysed_at.isoformat(),
                    "decisions": {p: decided[p] for p in prints if p in decided},
                }
                yield data

    def _columns(self, table: str) -> list[str]:
        if table == "articles":
            return list(ArticleSummary.__dataclass_fields__)
        if table == "decisions":
            return list(DecisionRecord.__dataclass_fields__)
        model = EXPORT_TABLES[table]
        assert model is not None
        own = [c.key for c in model.__mapper__.column_attrs if c.key not in ("id", "analysis_id")]
        columns = ["article_id", "version", "url", "source", *own]
        if table == "findings":
            columns += ["decision", "decided_by", "decided_at", "note"]
        return columns

    def _table_records(self, table: str) -> Iterator[dict[str, Any]]:
        if table == "articles":
            for summary in self.articles():
                yield summary.to_dict()
            return
        if table == "decisions":
            for record in self.decision_log():
                yield record.to_dict()
            return
        model = EXPORT_TABLES[table]
        assert model is not None
        own = [c.key for c in model.__mapper__.column_attrs if c.key not in ("id", "analysis_id")]
        stmt = (
            select(model, VersionRow.article_id, VersionRow.number, VersionRow.url,
                   VersionRow.source)
            .join(AnalysisRow, AnalysisRow.id == model.analysis_id)
            .join(VersionRow, VersionRow.id == AnalysisRow.version_id)
            .where(AnalysisRow.current.is_(True))
            .order_by(VersionRow.article_id, model.id)
        )
        with self._reader() as session:
            decided = {}
            if table == "findings":
                decided = {r.fingerprint: r for r in session.scalars(select(DecisionRow))}
            for row, article_id, number, url, source in session.execute(
                stmt.execution_options(yield_per=500)
            ):
                record = {"article_id": article_id, "version": number, "url": url,
                          "source": source}
                record.update({key: getattr(row, key) for key in own})
                if table == "findings":
                    d = decided.get(row.fingerprint)
                    record.update({
                        "decision": d.decision if d else None,
                        "decided_by": d.decided_by if d else None,
                        "decided_at": d.decided_at.isoformat() if d else None,
                        "note": d.note if d else None,
                    })
                yield record

    # -- maintenance -----------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per table of the store's schema."""
        with self._reader() as session:
            return {
                name: session.scalar(select(func.count()).select_from(table)) or 0
                for name, table in Base.metadata.tables.items()
            }

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of every table in the database (the full-text index's own tables too),
        in a stable order: two equal dumps mean nothing was written in between."""
        names = sorted(inspect(self.engine).get_table_names())
        out: dict[str, list[tuple[Any, ...]]] = {}
        with self.engine.connect() as connection:
            for name in names:
                rows = connection.exec_driver_sql(f'SELECT * FROM "{name}"').all()
                out[name] = sorted((tuple(r) for r in rows), key=repr)
        return out


# -- report to rows ----------------------------------------------------------------------------

SEVERITY_RANK = {s.label: int(s) for s in Severity}


def report_dict(report: Any) -> dict[str, Any]:
    """The schema-1 dict of a ``Report`` (or the dict itself), checked to hold an article."""
    if isinstance(report, Mapping):
        data = dict(report)
    elif hasattr(report, "to_dict"):
        data = report.to_dict()
    else:
        raise TypeError(f"not a report: {type(report).__name__}")
    source = data.get("source") or "<memory>"
    if data.get("schema") != 1:
        raise StoreError(f"{source}: not a schema-1 report (schema {data.get('schema')!r})")
    if data.get("error") or not data.get("article"):
        error = data.get("error") or {}
        why = f"{error.get('kind')}: {error.get('message')}" if error else "no article"
        raise StoreError(f"{source}: the report has no article ({why})")
    findings = data.get("findings") or []
    if any(not f.get("fingerprint") for f in findings):
        data["findings"] = _with_fingerprints(findings, data["article"]["text"])
    return data


def _with_fingerprints(findings: list[dict[str, Any]], text_: str) -> list[dict[str, Any]]:
    from copydesk.checks.findings import assign_fingerprints

    made = [
        Finding(f["check"], Severity.parse(f["severity"]), f["start"], f["end"], f["text"],
                f.get("message", ""), checks=list(f.get("checks") or []))
        for f in findings
    ]
    assign_fingerprints(made, text_)
    return [{**f, "fingerprint": m.fingerprint} for f, m in zip(findings, made, strict=True)]


def without_nul(value: Any) -> Any:
    """``value`` with every NUL in its strings replaced by U+FFFD (one character for one, so
    offsets still hold)."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd") if "\x00" in value else value
    if isinstance(value, dict):
        return {k: without_nul(v) for k, v in value.items()}
    if isinstance(value, list):
        return [without_nul(v) for v in value]
    return value


def report_hash(data: Mapping[str, Any]) -> str:
    """What identifies an analysis: the report without ``source``, ``versions`` and the
    article's URL (the same findings on the same text from another path, another address or
    another build are the same analysis)."""
    key = {k: v for k, v in data.items() if k not in ("source", "versions")}
    if isinstance(key.get("article"), Mapping):
        key["article"] = {k: v for k, v in key["article"].items() if k != "url"}
    canonical = json.dumps(key, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def unified_diff(old: str, new: str, old_number: int, new_number: int) -> str:
    lines = difflib.unified_diff(
        old.splitlines(), new.splitlines(), f"v{old_number}", f"v{new_number}", lineterm=""
    )
    return "\n".join(lines) + "\n"


def child_rows(data: Mapping[str, Any], analysis_id: int) -> list[tuple[type[Base], list[dict]]]:
    """The rows of the findings, entities, quotes, claims and events of one report."""
    entities = data.get("entities") or []
    kb_of = {e.get("id"): e.get("kb_id") for e in entities}
    findings = [
        {
            "analysis_id": analysis_id, "position": k, "fingerprint": f["fingerprint"],
            "check": f["check"], "checks": list(f.get("checks") or [f["check"]]),
            "severity": f["severity"], "severity_rank": SEVERITY_RANK.get(f["severity"], 0),
            "rated": f.get("rated"), "start": f["start"], "end": f["end"], "text": f["text"],
            "message": f.get("message") or "", "suggestion": f.get("suggestion"),
            "confidence": float(f.get("confidence") or 0.0),
            "evidence": list(f.get("evidence") or []),
        }
        for k, f in enumerate(data.get("findings") or [])
    ]
    entity_rows = [
        {
            "analysis_id": analysis_id, "key": str(e.get("id")), "label": e.get("label") or "",
            "name": e.get("name") or "", "kb_id": e.get("kb_id"),
            "mentions": list(e.get("mentions") or []),
        }
        for e in entities
    ]
    quotes = []
    for k, q in enumerate(data.get("quotes") or []):
        speaker = q.get("speaker") or {}
        cue = q.get("cue") or {}
        quotes.append({
            "analysis_id": analysis_id, "position": k, "start": q["start"], "end": q["end"],
            "text": q["text"], "kind": q.get("kind") or "direct",
            "speaker": speaker.get("name"), "speaker_entity": speaker.get("entity"),
            "speaker_kb_id": kb_of.get(speaker.get("entity")) if speaker.get("entity") else None,
            "speaker_start": speaker.get("start"), "speaker_end": speaker.get("end"),
            "cue_start": cue.get("start"), "cue_end": cue.get("end"), "cue": cue.get("text"),
        })
    claims = []
    for k, c in enumerate(data.get("claims") or []):
        span = c.get("source_span") or {}
        claims.append({
            "analysis_id": analysis_id, "position": k, "start": c["start"], "end": c["end"],
            "text": c["text"], "time": c.get("time"), "source": c.get("source"),
            "source_kind": c.get("source_kind") or "none", "source_start": span.get("start"),
            "source_end": span.get("end"), "score": c.get("score"),
            "quoted": bool(c.get("quoted")), "quantities": list(c.get("quantities") or []),
        })
    events = [
        {
            "analysis_id": analysis_id, "position": k, "start": e["start"], "end": e["end"],
            "text": e.get("text") or "", "category": e.get("category") or "",
            "mode": e.get("mode"), "negated": bool(e.get("negated")), "actor": e.get("actor"),
            "target": e.get("target"), "actor_code": e.get("actor_code"),
            "target_code": e.get("target_code"), "actor_kind": e.get("actor_kind"),
            "target_kind": e.get("target_kind"), "actor_span": e.get("actor_span"),
            "target_span": e.get("target_span"), "time": e.get("time"),
        }
        for k, e in enumerate(data.get("events") or [])
    ]
    return [(FindingRow, findings), (EntityRow, entity_rows), (QuoteRow, quotes),
            (ClaimRow, claims), (EventRow, events)]


# -- helpers -----------------------------------------------------------------------------------


def _version_record(v: VersionRow, numbers: dict[int, int]) -> VersionRecord:
    return VersionRecord(
        v.article_id, v.number, v.content_hash, v.source, v.url, v.headline, v.section,
        v.byline, v.published, v.updated, v.language, v.ingested_at,
        numbers.get(v.previous_id) if v.previous_id is not None else None, v.diff, v.text,
    )


def _decision_record(row: DecisionRow) -> DecisionRecord:
    return DecisionRecord(row.fingerprint, row.decision, row.decided_by, row.decided_at, row.note)


def _severity(value: str | Severity) -> Severity:
    try:
        return Severity.parse(value)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _contains(column: Any, part: str) -> ColumnElement[bool]:
    return func.lower(column).contains(part.lower(), autoescape=True)


def _check_is(column: Any, check: str) -> ColumnElement[bool]:
    """A check id, or every check of an area (``names`` is ``names`` and ``names.*``)."""
    return or_(column == check, column.startswith(check + ".", autoescape=True))


def _day_after(day: str) -> str:
    """The smallest ISO string after every time on ``day`` (a date, or any ISO prefix)."""
    return day + "\uffff"


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def _write_csv(out: TextIO, records: Iterable[dict[str, Any]], columns: list[str]) -> int:
    writer_ = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer_.writeheader()
    count = 0
    for record in records:
        writer_.writerow({
            k: json.dumps(v, ensure_ascii=False, default=_json_default)
            if isinstance(v, list | dict) else v.isoformat() if isinstance(v, datetime) else v
            for k, v in record.items()
        })
        count += 1
    return count


