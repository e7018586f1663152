"""The store: articles, their versions, analyses (findings, entities, quotes, claims, events)
and the editor's decisions on findings, in SQLite (embedded default) or PostgreSQL (by URL).

    from copydesk.store import Store
    with Store("desk.sqlite") as store:        # "postgresql://…"; None: the default file
        store.ingest(report)

See ``copydesk.store.store`` for the API, ``copydesk.store.models`` for the schema.
"""

from copydesk.store.engine import database_url, default_db_path
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
from copydesk.store.store import DECISIONS, Store, StoreError

__all__ = [
    "DECISIONS",
    "ArticleRecord",
    "ArticleSummary",
    "DecisionRecord",
    "FindingRecord",
    "IngestResult",
    "QuoteRecord",
    "SearchHit",
    "Store",
    "StoreError",
    "VersionRecord",
    "database_url",
    "default_db_path",
]
