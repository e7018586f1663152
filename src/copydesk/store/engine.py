"""Engines and migrations: SQLite (a file, the embedded default) or PostgreSQL (by URL).

``--db`` takes a path (``desk.sqlite``), an SQLAlchemy URL (``sqlite:///desk.sqlite``,
``postgresql://user@host/db``; plain ``postgresql://`` uses psycopg 3) or nothing: then
``$COPYDESK_DB`` (a path or a URL), else ``$XDG_DATA_HOME/copydesk/desk.sqlite``
(``~/.local/share``).

SQLite connections run in WAL mode with foreign keys on; write transactions start with
``BEGIN IMMEDIATE`` so that two processes writing one file wait for each other instead of
failing. Opening a store brings its schema to the newest Alembic revision (``upgrade head``)
first; the migrations ship inside the package (``copydesk/store/alembic``), no ``alembic.ini``
needed. A developer adding a revision::

    from alembic import command
    from copydesk.store.engine import alembic_config
    command.revision(alembic_config(), message="what changed")  # then edit versions/NNNN_*.py
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url

ALEMBIC_DIR = Path(__file__).resolve().parent / "alembic"
#: An arbitrary key for PostgreSQL's advisory lock held while migrating.
MIGRATION_LOCK = 0x636F7079  # "copy"
#: Execution option: how a SQLite transaction starts (``BEGIN`` or ``BEGIN IMMEDIATE``).
SQLITE_BEGIN = "copydesk_sqlite_begin"


def default_db_path() -> Path:
    """``$XDG_DATA_HOME/copydesk/desk.sqlite`` (``~/.local/share`` when it is unset)."""
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "copydesk" / "desk.sqlite"


def database_url(db: str | os.PathLike[str] | URL | None = None) -> URL:
    """The SQLAlchemy URL for ``db``: a path, a URL, or None for ``$COPYDESK_DB`` or else the
    default file."""
    if db is None or str(db) == "":
        db = os.environ.get("COPYDESK_DB") or default_db_path()
    if isinstance(db, URL):
        url = db
    elif isinstance(db, os.PathLike) or "://" not in str(db):
        if str(db) == ":memory:":
            return make_url("sqlite://")
        return URL.create("sqlite", database=str(Path(db).expanduser()))
    else:
        url = make_url(str(db))
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def create_store_engine(db: str | os.PathLike[str] | URL | None = None, **options: Any) -> Engine:
    """An engine for ``db`` with the store's connection settings (no schema work)."""
    url = database_url(db)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, **options)
        _sqlite_settings(engine)
        return engine
    options.setdefault("pool_pre_ping", True)
    return create_engine(url, **options)


def _sqlite_settings(engine: Engine) -> None:
    # pysqlite's own transaction handling breaks SAVEPOINTs; let SQLAlchemy's events begin them.
    @event.listens_for(engine, "connect")
    def connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout = 60000")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def begin(connection: Any) -> None:
        mode = connection.get_execution_options().get(SQLITE_BEGIN, "BEGIN")
        connection.exec_driver_sql(mode)


def writer(engine: Engine) -> Engine:
    """The same engine whose SQLite transactions take the write lock at once."""
    if engine.dialect.name == "sqlite":
        return engine.execution_options(**{SQLITE_BEGIN: "BEGIN IMMEDIATE"})
    return engine


#: Objects the migrations make outside the ORM's metadata: the full-text index of each backend
#: (SQLite's FTS5 table and its shadow tables; PostgreSQL's tsvector column and its index).
FULL_TEXT_OBJECTS = ("versions_fts", "ix_versions_search", "search_vector")


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
                   ) -> bool:
    """Alembic's filter for comparing the database with the models: the full-text objects are
    the migrations' own."""
    return not (name or "").startswith(FULL_TEXT_OBJECTS)


def alembic_config(connection: Any = None) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(ALEMBIC_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (skipped when it is there already). On PostgreSQL an
    advisory lock keeps two processes from migrating one database at once."""
    from alembic import command

    target = head_revision() if revision == "head" else revision
    if current_revision(engine) == target:
        return
    with writer(engine).begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        command.upgrade(alembic_config(connection), revision)
