"""The store's tables, as SQLAlchemy 2 ORM classes (the Alembic migrations in ``alembic/versions``
create them; ``tests/integration/test_store.py`` checks that the two agree).

An **article** is a story, known by its URL; each distinct text of it is a **version** (the
content hash of the text is the idempotency key, so the same text is stored once), linked to the
version before it with a unified diff. An **analysis** is one report on a version (the same
report twice is one analysis; a re-check that finds something else is a new one). Findings,
entities, quotes, claims and events belong to an analysis; the report's JSON (schema 1) is kept
whole on the analysis, so nothing in it is lost. ``analyses.current`` marks the latest analysis
of the latest version of each article: what the queries read by default.

**Decisions** (an editor accepting or dismissing a finding) are keyed by the finding's
fingerprint, not by a row, so they apply to the same finding in every later version and
re-check; ``decision_log`` keeps every decision ever made.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """A moment, stored in UTC and read back with its time zone on every backend (SQLite keeps
    no zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        value = value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dict[str, Any]: JSON, list[Any]: JSON, datetime: UTCDateTime,
    }


class ArticleRow(Base):
    """A story: every version with the same URL (an article without a URL has one version)."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str | None] = mapped_column(Text, unique=True)
    created_at: Mapped[datetime]

    versions: Mapped[list[VersionRow]] = relationship(
        back_populates="article", order_by="VersionRow.number", passive_deletes=True
    )


class VersionRow(Base):
    """One text of an article, stored once (``content_hash`` is unique)."""

    __tablename__ = "versions"
    __table_args__ = (UniqueConstraint("article_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(Text, unique=True)
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("versions.id", ondelete="SET NULL"))
    diff: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    headline: Mapped[str | None] = mapped_column(Text)
    section: Mapped[str | None] = mapped_column(Text)
    byline: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(Text, index=True)  # ISO 8601, as given
    updated: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(Text)
    encoding: Mapped[str | None] = mapped_column(Text)
    warnings: Mapped[list[Any]]
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[datetime]

    article: Mapped[ArticleRow] = relationship(back_populates="versions")


class AnalysisRow(Base):
    """One report on one version; ``report`` is its schema-1 JSON text."""

    __tablename__ = "analyses"
    __table_args__ = (UniqueConstraint("version_id", "report_hash"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("versions.id", ondelete="CASCADE"), index=True
    )
    report_hash: Mapped[str] = mapped_column(Text)
    current: Mapped[bool] = mapped_column(Boolean, index=True)
    made_by: Mapped[dict[str, Any]]  # the report's ``versions``: copydesk, knowledge, model
    report: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class _Part:
    """What every part of an analysis has: its analysis and its place in the text (``position``
    keeps the report's order)."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    analysis_id: Mapped[int] = mapped_column(
        ForeignKey("analyses.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class FindingRow(_Part, Base):
    __tablename__ = "findings"

    fingerprint: Mapped[str] = mapped_column(Text, index=True)
    check: Mapped[str] = mapped_column(Text, index=True)
    checks: Mapped[list[Any]]
    severity: Mapped[str] = mapped_column(Text)
    severity_rank: Mapped[int] = mapped_column(Integer)  # info 1, warning 2, error 3
    rated: Mapped[str | None] = mapped_column(Text)
    message: Mapped[str] = mapped_column(Text)
    suggestion: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float)
    evidence: Mapped[list[Any]]


class EntityRow(Base):
    __tablename__ = "entities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    analysis_id: Mapped[int] = mapped_column(
        ForeignKey("analyses.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(Text)  # the report's entity id ("e1")
    label: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text, index=True)
    kb_id: Mapped[str | None] = mapped_column(Text, index=True)
    mentions: Mapped[list[Any]]


class QuoteRow(_Part, Base):
    __tablename__ = "quotes"

    kind: Mapped[str] = mapped_column(Text)
    speaker: Mapped[str | None] = mapped_column(Text, index=True)
    speaker_entity: Mapped[str | None] = mapped_column(Text)
    speaker_kb_id: Mapped[str | None] = mapped_column(Text)
    speaker_start: Mapped[int | None] = mapped_column(Integer)
    speaker_end: Mapped[int | None] = mapped_column(Integer)
    cue_start: Mapped[int | None] = mapped_column(Integer)
    cue_end: Mapped[int | None] = mapped_column(Integer)
    cue: Mapped[str | None] = mapped_column(Text)


class ClaimRow(_Part, Base):
    __tablename__ = "claims"

    time: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    source_kind: Mapped[str] = mapped_column(Text)
    source_start: Mapped[int | None] = mapped_column(Integer)
    source_end: Mapped[int | None] = mapped_column(Integer)
    score: Mapped[float | None] = mapped_column(Float)
    quoted: Mapped[bool] = mapped_column(Boolean)
    quantities: Mapped[list[Any]]


class EventRow(_Part, Base):
    __tablename__ = "events"

    category: Mapped[str] = mapped_column(Text, index=True)
    mode: Mapped[str | None] = mapped_column(Text)
    negated: Mapped[bool] = mapped_column(Boolean)
    actor: Mapped[str | None] = mapped_column(Text)
    target: Mapped[str | None] = mapped_column(Text)
    actor_code: Mapped[str | None] = mapped_column(Text)
    target_code: Mapped[str | None] = mapped_column(Text)
    actor_kind: Mapped[str | None] = mapped_column(Text)
    target_kind: Mapped[str | None] = mapped_column(Text)
    actor_span: Mapped[list[Any] | None] = mapped_column(JSON(none_as_null=True))
    target_span: Mapped[list[Any] | None] = mapped_column(JSON(none_as_null=True))
    time: Mapped[str | None] = mapped_column(Text)


class _Decided:
    decision: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(Text)
    decided_at: Mapped[datetime]
    note: Mapped[str | None] = mapped_column(Text)


class DecisionRow(_Decided, Base):
    """The editor's current decision on a finding (``accepted`` or ``dismissed``), by
    fingerprint."""

    __tablename__ = "decisions"

    fingerprint: Mapped[str] = mapped_column(Text, primary_key=True)


class DecisionLogRow(_Decided, Base):
    """Every decision ever made, in order (``open`` when one was withdrawn)."""

    __tablename__ = "decision_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fingerprint: Mapped[str] = mapped_column(Text, index=True)


class BatchInputRow(Base):
    """One input of a ``copydesk batch`` run that is done: its report stored (``status``
    ``stored``, with the version's ``content_hash``) or its failure recorded (``failed``, with the
    failure record a ``--failures`` file holds). Written in the same transaction as the rows of
    the reports it covers, so ``--resume`` after a crash skips exactly what was committed.
    ``input_key`` is the hash of the input's name and its decoded content."""

    __tablename__ = "batch_inputs"

    input_key: Mapped[str] = mapped_column(Text, primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str | None] = mapped_column(Text)
    failure: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    done_at: Mapped[datetime]
