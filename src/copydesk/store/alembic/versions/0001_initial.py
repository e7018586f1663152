"""The first schema: articles, versions, analyses with their findings, entities, quotes, claims
and events, the editor's decisions, and the full-text index (FTS5 on SQLite, a stored tsvector
column with a GIN index on PostgreSQL).

Revision ID: 0001
Revises:
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

WHEN = sa.DateTime(timezone=True)


def _id(table: str) -> list[sa.SchemaItem]:
    return [sa.Column("id", sa.Integer(), nullable=False), sa.PrimaryKeyConstraint("id", name=f"pk_{table}")]


def _analysis(table: str) -> list[sa.SchemaItem]:
    return [
        sa.Column("analysis_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["analysis_id"], ["analyses.id"], name=f"fk_{table}_analysis_id_analyses",
            ondelete="CASCADE",
        ),
    ]


def _span() -> list[sa.Column]:
    return [
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
    ]


def _decided() -> list[sa.Column]:
    return [
        sa.Column("decision", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.Text(), nullable=False),
        sa.Column("decided_at", WHEN, nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "articles",
        *_id("articles"),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("created_at", WHEN, nullable=False),
        sa.UniqueConstraint("url", name="uq_articles_url"),
    )
    op.create_table(
        "versions",
        *_id("versions"),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.Text(), nullable=False),
        sa.Column("previous_id", sa.Integer(), nullable=True),
        sa.Column("diff", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("headline", sa.Text(), nullable=True),
        sa.Column("section", sa.Text(), nullable=True),
        sa.Column("byline", sa.Text(), nullable=True),
        sa.Column("published", sa.Text(), nullable=True),
        sa.Column("updated", sa.Text(), nullable=True),
        sa.Column("language", sa.Text(), nullable=True),
        sa.Column("encoding", sa.Text(), nullable=True),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ingested_at", WHEN, nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name="fk_versions_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["previous_id"], ["versions.id"], name="fk_versions_previous_id_versions",
            ondelete="SET NULL",
        ),
        sa.UniqueConstraint("content_hash", name="uq_versions_content_hash"),
        sa.UniqueConstraint("article_id", "number", name="uq_versions_article_id"),
    )
    op.create_index("ix_versions_article_id", "versions", ["article_id"])
    op.create_index("ix_versions_published", "versions", ["published"])
    op.create_table(
        "analyses",
        *_id("analyses"),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("report_hash", sa.Text(), nullable=False),
        sa.Column("current", sa.Boolean(), nullable=False),
        sa.Column("made_by", sa.JSON(), nullable=False),
        sa.Column("report", sa.Text(), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.ForeignKeyConstraint(
            ["version_id"], ["versions.id"], name="fk_analyses_version_id_versions",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("version_id", "report_hash", name="uq_analyses_version_id"),
    )
    op.create_index("ix_analyses_version_id", "analyses", ["version_id"])
    op.create_index("ix_analyses_current", "analyses", ["current"])
    op.create_table(
        "findings",
        *_id("findings"),
        *_analysis("findings"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.Text(), nullable=False),
        sa.Column("check", sa.Text(), nullable=False),
        sa.Column("checks", sa.JSON(), nullable=False),
        sa.Column("severity", sa.Text(), nullable=False),
        sa.Column("severity_rank", sa.Integer(), nullable=False),
        sa.Column("rated", sa.Text(), nullable=True),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("suggestion", sa.Text(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
    )
    op.create_index("ix_findings_analysis_id", "findings", ["analysis_id"])
    op.create_index("ix_findings_fingerprint", "findings", ["fingerprint"])
    op.create_index("ix_findings_check", "findings", ["check"])
    op.create_table(
        "entities",
        *_id("entities"),
        *_analysis("entities"),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kb_id", sa.Text(), nullable=True),
        sa.Column("mentions", sa.JSON(), nullable=False),
    )
    op.create_index("ix_entities_analysis_id", "entities", ["analysis_id"])
    op.create_index("ix_entities_name", "entities", ["name"])
    op.create_index("ix_entities_kb_id", "entities", ["kb_id"])
    op.create_table(
        "quotes",
        *_id("quotes"),
        *_analysis("quotes"),
        *_span(),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("speaker", sa.Text(), nullable=True),
        sa.Column("speaker_entity", sa.Text(), nullable=True),
        sa.Column("speaker_kb_id", sa.Text(), nullable=True),
        sa.Column("speaker_start", sa.Integer(), nullable=True),
        sa.Column("speaker_end", sa.Integer(), nullable=True),
        sa.Column("cue_start", sa.Integer(), nullable=True),
        sa.Column("cue_end", sa.Integer(), nullable=True),
        sa.Column("cue", sa.Text(), nullable=True),
    )
    op.create_index("ix_quotes_analysis_id", "quotes", ["analysis_id"])
    op.create_index("ix_quotes_speaker", "quotes", ["speaker"])
    op.create_table(
        "claims",
        *_id("claims"),
        *_analysis("claims"),
        *_span(),
        sa.Column("time", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("source_kind", sa.Text(), nullable=False),
        sa.Column("source_start", sa.Integer(), nullable=True),
        sa.Column("source_end", sa.Integer(), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("quoted", sa.Boolean(), nullable=False),
        sa.Column("quantities", sa.JSON(), nullable=False),
    )
    op.create_index("ix_claims_analysis_id", "claims", ["analysis_id"])
    op.create_table(
        "events",
        *_id("events"),
        *_analysis("events"),
        *_span(),
        sa.Column("category", sa.Text(), nullable=False),
        sa.Column("mode", sa.Text(), nullable=True),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=True),
        sa.Column("target", sa.Text(), nullable=True),
        sa.Column("actor_code", sa.Text(), nullable=True),
        sa.Column("target_code", sa.Text(), nullable=True),
        sa.Column("actor_kind", sa.Text(), nullable=True),
        sa.Column("target_kind", sa.Text(), nullable=True),
        sa.Column("actor_span", sa.JSON(), nullable=True),
        sa.Column("target_span", sa.JSON(), nullable=True),
        sa.Column("time", sa.Text(), nullable=True),
    )
    op.create_index("ix_events_analysis_id", "events", ["analysis_id"])
    op.create_index("ix_events_category", "events", ["category"])
    op.create_table(
        "decisions",
        sa.Column("fingerprint", sa.Text(), nullable=False),
        *_decided(),
        sa.PrimaryKeyConstraint("fingerprint", name="pk_decisions"),
    )
    op.create_table(
        "decision_log",
        *_id("decision_log"),
        sa.Column("fingerprint", sa.Text(), nullable=False),
        *_decided(),
    )
    op.create_index("ix_decision_log_fingerprint", "decision_log", ["fingerprint"])
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_full_text()
    else:
        # A stored tsvector (ranking reads it instead of parsing the text again), over the first
        # 300,000 characters (a tsvector holds at most 1 MB), with a GIN index.
        op.execute(
            "ALTER TABLE versions ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
            "(to_tsvector('english'::regconfig, "
            "left(coalesce(headline, '') || ' ' || text, 300000))) STORED"
        )
        op.execute("CREATE INDEX ix_versions_search ON versions USING gin (search_vector)")


def _sqlite_full_text() -> None:
    # An external-content FTS5 table over versions(headline, text), kept in step by triggers.
    op.execute(
        "CREATE VIRTUAL TABLE versions_fts USING fts5(headline, text, content='versions', "
        "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER versions_fts_insert AFTER INSERT ON versions BEGIN "
        "INSERT INTO versions_fts(rowid, headline, text) VALUES (new.id, new.headline, new.text); "
        "END"
    )
    op.execute(
        "CREATE TRIGGER versions_fts_delete AFTER DELETE ON versions BEGIN "
        "INSERT INTO versions_fts(versions_fts, rowid, headline, text) "
        "VALUES ('delete', old.id, old.headline, old.text); END"
    )
    op.execute(
        "CREATE TRIGGER versions_fts_update AFTER UPDATE OF headline, text ON versions BEGIN "
        "INSERT INTO versions_fts(versions_fts, rowid, headline, text) "
        "VALUES ('delete', old.id, old.headline, old.text); "
        "INSERT INTO versions_fts(rowid, headline, text) VALUES (new.id, new.headline, new.text); "
        "END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("versions_fts_insert", "versions_fts_delete", "versions_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS versions_fts")
    for table in (
        "decision_log", "decisions", "events", "claims", "quotes", "entities", "findings",
        "analyses", "versions", "articles",
    ):
        op.drop_table(table)
