"""The knowledge base: people, organisations, places and acronyms with roles over time, in SQLite.

Lookups:
- ``exact(name)``: an alias equal after normalisation (case, accents, punctuation);
- ``fuzzy(name)``: ranked candidates from a SymSpell deletion index over name tokens (one edit:
  insert, delete, substitute, adjacent transposition), a transliteration skeleton and a phonetic
  code, scored with rapidfuzz; all index work is indexed SQL, so it scales to millions of aliases
  without loading them into memory;
- ``holders(role, of, on)``: who held a role of a country or organisation on a date;
- ``roles_of(key)``; ``titles(title)``: which roles a press title names;
- ``expansions(acronym)`` and ``acronyms_for(expansion)``.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Self

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from copydesk.errors import KnowledgeError
from copydesk.knowledge.normalize import deletes, norm, phonetic, skeleton
from copydesk.knowledge.records import (
    AcronymRecord,
    EntityRecord,
    RoleRecord,
    TitleRecord,
    parse_partial,
)

#: Raised when the tables change; a knowledge base of another version is rebuilt.
SCHEMA_VERSION = "3"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS entity (
    id INTEGER PRIMARY KEY, key TEXT UNIQUE NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL,
    qid TEXT, enwiki TEXT, country TEXT, subkind TEXT, source TEXT);
CREATE TABLE IF NOT EXISTS alias (
    id INTEGER PRIMARY KEY, entity INTEGER NOT NULL REFERENCES entity(id), alias TEXT NOT NULL,
    norm TEXT NOT NULL, skeleton TEXT NOT NULL, phonetic TEXT NOT NULL, kind TEXT NOT NULL,
    UNIQUE (entity, norm, kind));
CREATE TABLE IF NOT EXISTS alias_token (
    token TEXT NOT NULL, alias INTEGER NOT NULL, kind TEXT NOT NULL, norm TEXT NOT NULL,
    skeleton TEXT NOT NULL, phonetic TEXT NOT NULL, PRIMARY KEY (token, alias)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS token_delete (del TEXT NOT NULL, token TEXT NOT NULL,
    PRIMARY KEY (del, token)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS role (
    entity INTEGER NOT NULL REFERENCES entity(id), role TEXT NOT NULL, of TEXT NOT NULL,
    start TEXT, "end" TEXT, title TEXT, note TEXT, acting TEXT, source TEXT);
CREATE TABLE IF NOT EXISTS title (title TEXT NOT NULL, norm TEXT NOT NULL, role TEXT NOT NULL,
    of TEXT NOT NULL, note TEXT, UNIQUE (norm, role, of));
CREATE TABLE IF NOT EXISTS acronym (acronym TEXT NOT NULL, expansion TEXT NOT NULL,
    norm_expansion TEXT NOT NULL, entity INTEGER REFERENCES entity(id), note TEXT, source TEXT,
    UNIQUE (acronym, norm_expansion));
"""

INDEXES = """
CREATE INDEX IF NOT EXISTS alias_norm ON alias(norm);
CREATE INDEX IF NOT EXISTS alias_skeleton ON alias(skeleton);
CREATE INDEX IF NOT EXISTS alias_phonetic ON alias(phonetic);
CREATE INDEX IF NOT EXISTS alias_entity ON alias(entity);
CREATE INDEX IF NOT EXISTS entity_qid ON entity(qid);
CREATE INDEX IF NOT EXISTS entity_enwiki ON entity(enwiki);
CREATE INDEX IF NOT EXISTS role_lookup ON role(role, of);
CREATE INDEX IF NOT EXISTS role_entity ON role(entity);
CREATE INDEX IF NOT EXISTS title_norm ON title(norm);
CREATE INDEX IF NOT EXISTS acronym_acronym ON acronym(acronym);
CREATE INDEX IF NOT EXISTS acronym_expansion ON acronym(norm_expansion);
"""

#: Memory-mapped I/O and page cache for the database file (read-mostly workload).
MMAP_BYTES = 1 << 30
CACHE_KIB = 128 * 1024
#: Tokens shorter than this are not put in the deletion index (initials, particles).
MIN_FUZZY_TOKEN = 3
#: A query token matching more aliases than this is too common to seed candidates on its own.
COMMON_TOKEN_LIMIT = 200
#: Tokens this short are matched exactly in fuzzy lookups, not through their neighbourhood.
SHORT_TOKEN = 3
#: A second query token's neighbourhood is read only when it is at most this large.
SECOND_TOKEN_LIMIT = 50


def short_hash(text: str) -> str:
    """16 hex digits of the SHA-256 of ``text``: the form of the KB's data fingerprints."""
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Match:
    key: str
    kind: str
    name: str
    qid: str | None
    alias: str
    alias_kind: str
    score: float
    method: str  # exact | skeleton | phonetic | edit


@dataclass(frozen=True, slots=True)
class Holding:
    key: str
    name: str
    qid: str | None
    role: str
    of: str
    start: str | None
    end: str | None
    title: str | None
    note: str | None
    acting: str | None = None
    source: str | None = None

    @property
    def record(self) -> RoleRecord:
        return RoleRecord(self.role, self.of, self.start, self.end, self.title, self.note, self.acting, self.source)


class KnowledgeBase:
    """A knowledge base in one SQLite file (or in memory with ``":memory:"``).

    Each thread reads through a connection of its own, opened on its first lookup (an SQLite
    connection must not be used by two threads at once); the token cache is per thread too. An
    in-memory knowledge base has one connection, as its data lives in it: use it from one thread."""

    def __init__(self, path: str | Path = ":memory:", *, create: bool = True):
        self.path = str(path)
        if self.path != ":memory:" and not create and not Path(self.path).exists():
            raise KnowledgeError(f"no knowledge base at {self.path}; run `copydesk kb build`")
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._connections_lock = threading.Lock()
        self._memory = self._connect() if self.path == ":memory:" else None
        try:
            self.db.executescript(SCHEMA)
        except sqlite3.DatabaseError as exc:
            self.close()
            raise KnowledgeError(f"{self.path} is not a copydesk knowledge base: {exc}") from exc
        self._acronyms: frozenset[str] | None = None
        self._expanded: frozenset[str] | None = None

    def _connect(self) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(self.path, check_same_thread=False)  # one per thread, by `db`
            # lookups read many small rows at random: map the file and keep a large page cache
            db.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        except sqlite3.DatabaseError as exc:
            raise KnowledgeError(f"{self.path} is not a copydesk knowledge base: {exc}") from exc
        with self._connections_lock:
            self._connections.append(db)
        return db

    @property
    def db(self) -> sqlite3.Connection:
        """This thread's connection."""
        if self._memory is not None:
            return self._memory
        db = getattr(self._local, "db", None)
        if db is None:
            db = self._local.db = self._connect()
        return db

    @property
    def _token_cache(self) -> dict[str, set[str]]:
        cache = getattr(self._local, "tokens", None)
        if cache is None:
            cache = self._local.tokens = {}
        return cache

    def close(self) -> None:
        """Close every thread's connection."""
        with self._connections_lock:
            connections, self._connections = self._connections, []
        for db in connections:
            db.close()
        self._local = threading.local()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ writing

    def add_entities(self, records: Iterable[EntityRecord]) -> int:
        """Insert or merge entities (same key: aliases and roles are added). Returns the count."""
        count = 0
        with self.db:
            for record in records:
                self._add_entity(record)
                count += 1
        return count

    def merged(self, records: Iterable[EntityRecord]) -> list[EntityRecord]:
        """``records`` with the key of an entity already here when it is the same one: same
        Wikidata id, else same English Wikipedia article (an import's holders then add to the
        shipped person's aliases and roles instead of making a second person)."""
        out = []
        for record in records:
            row = None
            if record.qid:
                row = self.db.execute("SELECT key FROM entity WHERE qid = ? LIMIT 1", (record.qid,)).fetchone()
            if row is None and record.enwiki:
                row = self.db.execute(
                    "SELECT key FROM entity WHERE enwiki = ? AND kind = ? LIMIT 1",
                    (record.enwiki.replace(" ", "_"), record.kind),
                ).fetchone()
            if row is not None and row[0] != record.key:
                record.key = row[0]
            out.append(record)
        return out

    def _add_entity(self, record: EntityRecord) -> int:
        cur = self.db.execute("SELECT id FROM entity WHERE key = ?", (record.key,))
        row = cur.fetchone()
        if row is None:
            cur = self.db.execute(
                "INSERT INTO entity (key, kind, name, qid, enwiki, country, subkind, source)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    record.key, record.kind, record.name, record.qid or None,
                    record.enwiki or None, record.country or None, record.subkind or None,
                    record.source,
                ),
            )
            entity_id = int(cur.lastrowid)
        else:
            entity_id = int(row[0])
            if record.qid:
                self.db.execute(
                    "UPDATE entity SET qid = coalesce(qid, ?) WHERE id = ?", (record.qid, entity_id)
                )
        entity_kind = record.kind
        if row is not None:
            entity_kind = self.db.execute("SELECT kind FROM entity WHERE id = ?", (entity_id,)).fetchone()[0]
        for alias, kind in [(record.name, "name"), *record.aliases]:
            self._add_alias(entity_id, entity_kind, alias, kind)
        for role in record.roles:
            exists = self.db.execute(
                'SELECT 1 FROM role WHERE entity=? AND role=? AND of=? AND coalesce(start,"")=?',
                (entity_id, role.role, role.of, role.start or ""),
            ).fetchone()
            if not exists:
                self.db.execute(
                    'INSERT INTO role (entity, role, of, start, "end", title, note, acting, source)'
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (entity_id, role.role, role.of, role.start, role.end, role.title, role.note,
                     role.acting, role.source or record.source or None),
                )
        return entity_id

    def _add_alias(self, entity_id: int, entity_kind: str, alias: str, kind: str) -> None:
        key = norm(alias)
        if not key:
            return
        skel, phon = skeleton(alias), phonetic(alias)
        cur = self.db.execute(
            "INSERT OR IGNORE INTO alias (entity, alias, norm, skeleton, phonetic, kind)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (entity_id, alias, key, skel, phon, kind),
        )
        if not cur.rowcount:
            return
        alias_id = cur.lastrowid
        for token in set(key.split()):
            # the token table carries what fuzzy scoring needs, so candidates are read from
            # its primary-key index alone
            self.db.execute(
                "INSERT OR IGNORE INTO alias_token (token, alias, kind, norm, skeleton, phonetic)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (token, alias_id, entity_kind, key, skel, phon),
            )
            if len(token) >= MIN_FUZZY_TOKEN:
                self.db.executemany(
                    "INSERT OR IGNORE INTO token_delete (del, token) VALUES (?, ?)",
                    [(d, token) for d in deletes(token)],
                )

    def add_titles(self, records: Iterable[TitleRecord]) -> int:
        with self.db:
            rows = [(r.title, norm(r.title), r.role, r.of, r.note) for r in records]
            self.db.executemany(
                "INSERT OR IGNORE INTO title (title, norm, role, of, note) VALUES (?, ?, ?, ?, ?)",
                rows,
            )
        return len(rows)

    def add_acronyms(self, records: Iterable[AcronymRecord]) -> int:
        count = 0
        with self.db:
            for r in records:
                entity = None
                if r.entity_key:
                    row = self.db.execute(
                        "SELECT id FROM entity WHERE key = ?", (r.entity_key,)
                    ).fetchone()
                    entity = row[0] if row else None
                self.db.execute(
                    "INSERT OR IGNORE INTO acronym (acronym, expansion, norm_expansion, entity,"
                    " note, source) VALUES (?, ?, ?, ?, ?, ?)",
                    (r.acronym, r.expansion, norm(r.expansion), entity, r.note, r.source),
                )
                count += 1
        return count

    def set_meta(self, **values: str) -> None:
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", list(values.items())
            )

    def finish(self) -> None:
        """Create indexes and statistics after a bulk load."""
        with self.db:
            self.db.executescript(INDEXES)
        self.db.execute("ANALYZE")
        self._acronyms = self._expanded = None
        self._token_cache.clear()

    # ------------------------------------------------------------------ reading

    def meta(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT key, value FROM meta"))

    def version(self) -> str | None:
        """What this knowledge base holds, as a stable identifier for reports:
        ``<table schema>:<data fingerprint>`` (``2:3f2a1b0c9d8e7f60``). The data fingerprint is
        set by ``copydesk kb build`` from the shipped data, the sources and the registry
        packages' versions, and moved on by each import; it never depends on when the KB was
        built. None for a knowledge base without build metadata (one assembled in memory)."""
        meta = self.meta()
        data = meta.get("data_fingerprint") or meta.get("shipped_fingerprint")
        if not meta.get("schema_version") or not data:
            return None
        return f"{meta['schema_version']}:{data}"

    def note_import(self, description: str) -> None:
        """Record an import (``description`` says what was imported): counts it and moves the
        data fingerprint on, so reports made after it name another knowledge version."""
        meta = self.meta()
        previous = meta.get("data_fingerprint") or meta.get("shipped_fingerprint") or ""
        self.set_meta(
            imports=str(int(meta.get("imports", "0")) + 1),
            data_fingerprint=short_hash(f"{previous}\n{description}"),
        )

    def stats(self) -> dict[str, int]:
        counts = {}
        for table in ("entity", "alias", "role", "title", "acronym"):
            counts[table] = self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for kind, n in self.db.execute("SELECT kind, count(*) FROM entity GROUP BY kind"):
            counts[f"entity.{kind}"] = n
        return counts

    def coverage(self, since: int = 2000, until: int | None = None) -> dict:
        """How far the record of offices reaches: per office (role and country or organisation)
        the holders whose tenure touches ``since``..``until`` (default: the latest role date's
        year), the years at least one of them covers, the years none does, and how many were
        acting; per role the totals; and the share of people with a Wikidata id."""
        latest = self.latest_role_date()
        until = until or (latest.year if latest else since)
        offices: dict[tuple[str, str], dict] = {}
        columns = {row[1] for row in self.db.execute("PRAGMA table_info(role)")}
        acting_column = "r.acting" if "acting" in columns else "NULL"  # a file of schema 2 has none
        for key, role, of, start, end, acting in self.db.execute(
            f'SELECT e.key, r.role, r.of, r.start, r."end", {acting_column} FROM role r'
            " JOIN entity e ON e.id = r.entity WHERE r.role != 'position'"
        ):
            try:
                first = parse_partial(start, upper=False)
                last = parse_partial(end, upper=True)
            except ValueError:
                continue
            first_year = first.year if first else since
            last_year = last.year if last else until
            if last_year < since or first_year > until:
                continue
            office = offices.setdefault((role, of), {"holders": set(), "years": set(), "acting": set()})
            office["holders"].add(key)
            office["years"].update(range(max(first_year, since), min(last_year, until) + 1))
            if acting:
                office["acting"].add(key)
        rows = []
        for (role, of), office in sorted(offices.items()):
            years = sorted(office["years"])
            gaps = [y for y in range(since, until + 1) if y not in office["years"]]
            rows.append({"role": role, "of": of, "holders": len(office["holders"]),
                         "acting": len(office["acting"]), "first": years[0], "last": years[-1],
                         "missing_years": gaps})
        roles: dict[str, dict] = {}
        for row in rows:
            total = roles.setdefault(row["role"], {"offices": 0, "holders": 0, "complete": 0})
            total["offices"] += 1
            total["holders"] += row["holders"]
            total["complete"] += not row["missing_years"]
        people, with_qid = self.db.execute(
            "SELECT count(*), count(qid) FROM entity WHERE kind = 'person'").fetchone()
        return {"since": since, "until": until, "offices": rows, "roles": roles,
                "people": people, "people_with_qid": with_qid}

    def entity(self, key: str) -> EntityRecord | None:
        row = self.db.execute(
            "SELECT id, key, kind, name, qid, enwiki, country, subkind, source FROM entity"
            " WHERE key = ?",
            (key,),
        ).fetchone()
        if row is None:
            return None
        entity_id = row[0]
        aliases = [
            (a, k)
            for a, k in self.db.execute(
                "SELECT alias, kind FROM alias WHERE entity = ? AND kind != 'name'", (entity_id,)
            )
        ]
        roles = [
            RoleRecord(*r)
            for r in self.db.execute(
                'SELECT role, of, start, "end", title, note, acting, source FROM role WHERE entity = ?'
                " ORDER BY start",
                (entity_id,),
            )
        ]
        return EntityRecord(
            key=row[1], kind=row[2], name=row[3], qid=row[4], enwiki=row[5], country=row[6],
            subkind=row[7], aliases=aliases, roles=roles, source=row[8] or "",
        )

    def entities(self) -> Iterator[EntityRecord]:
        keys = [k for (k,) in self.db.execute("SELECT key FROM entity ORDER BY key")]
        for key in keys:
            record = self.entity(key)
            if record is not None:
                yield record

    _MATCH_SQL = (
        "SELECT e.key, e.kind, e.name, e.qid, a.alias, a.kind, a.norm"
        " FROM alias a JOIN entity e ON e.id = a.entity"
    )

    def exact(self, name: str, *, kind: str | None = None) -> list[Match]:
        """Entities with an alias equal to ``name`` after normalisation."""
        rows = self.db.execute(self._MATCH_SQL + " WHERE a.norm = ?", (norm(name),)).fetchall()
        return self._rank(name, rows, kind, method="exact", limit=50)

    def is_alias(self, name: str) -> bool:
        return self.db.execute("SELECT 1 FROM alias WHERE norm = ? LIMIT 1", (norm(name),)).fetchone() is not None

    def similar_tokens(self, token: str) -> set[str]:
        """Known name tokens within one edit of ``token`` (itself included if known)."""
        token = norm(token)
        cached = self._token_cache.get(token)
        if cached is not None:
            return cached
        found: set[str] = set()
        if len(token) >= MIN_FUZZY_TOKEN:
            keys = list(deletes(token))
            marks = ",".join("?" * len(keys))
            for (candidate,) in self.db.execute(
                f"SELECT DISTINCT token FROM token_delete WHERE del IN ({marks})", keys
            ):
                if OSA.distance(token, candidate, score_cutoff=1) <= 1:
                    found.add(candidate)
        if len(self._token_cache) > 100_000:
            self._token_cache.clear()
        self._token_cache[token] = found
        return found

    _LIGHT_SQL = (
        "SELECT a.id, a.norm, a.skeleton, a.phonetic, e.kind FROM alias a"
        " JOIN entity e ON e.id = a.entity"
    )
    _TOKEN_SQL = "SELECT t.alias, t.norm, t.skeleton, t.phonetic, t.kind FROM alias_token t"

    def fuzzy(
        self, name: str, *, kind: str | None = None, limit: int = 5, min_score: float = 0.75
    ) -> list[Match]:
        """Ranked candidates for a possibly misspelt or differently romanised name.

        Candidates come from the exact, skeleton and phonetic keys, and from the deletion index
        of each query token, rarest token first, until enough candidates are in hand; they are
        scored on their normalised forms, and only the best few are read in full."""
        key = norm(name)
        if not key:
            return []
        rows: dict[int, tuple] = {}

        def collect(sql: str, params) -> None:
            for row in self.db.execute(sql, params):
                rows[row[0]] = row

        only = " AND e.kind = ?" if kind else ""
        extra = (kind,) if kind else ()
        collect(self._LIGHT_SQL + f" WHERE a.norm = ?{only} LIMIT 50", (key, *extra))
        collect(self._LIGHT_SQL + f" WHERE a.skeleton = ?{only} LIMIT 50", (skeleton(name), *extra))
        collect(self._LIGHT_SQL + f" WHERE a.phonetic = ?{only} LIMIT 20", (phonetic(name), *extra))
        neighbourhoods = []
        for token in set(key.split()):
            # a short token ("Lin", "Eli") has hundreds of one-edit neighbours: exact only
            similar = self.similar_tokens(token) if len(token) > SHORT_TOKEN else {token}
            if similar:
                marks = ",".join("?" * len(similar))
                (count,) = self.db.execute(
                    f"SELECT count(*) FROM (SELECT 1 FROM alias_token WHERE token IN ({marks})"
                    f" LIMIT {COMMON_TOKEN_LIMIT + 1})",
                    list(similar),
                ).fetchone()
                if count:
                    neighbourhoods.append((count, marks, list(similar)))
        # the rarest token's neighbourhood always; a second one only while it is small (a typo
        # two edits deep in the surname is still found through the given name)
        for k, (count, marks, params) in enumerate(sorted(neighbourhoods)):
            if k and count > SECOND_TOKEN_LIMIT:
                break
            token_only = " AND t.kind = ?" if kind else ""
            collect(
                self._TOKEN_SQL + f" WHERE t.token IN ({marks}){token_only} LIMIT {COMMON_TOKEN_LIMIT}",
                (*params, *extra),
            )
            if k:
                break
        skel, phon = skeleton(name), phonetic(name)
        candidates = [row for row in rows.values() if not kind or row[4] == kind]
        scored = _score_many(key, skel, phon, candidates)
        scored.sort(reverse=True)
        top = [(s, alias_id) for (s, _how), alias_id in scored[: limit * 4] if s >= min_score]
        if not top:
            return []
        details = {
            row[0]: row[1:]
            for row in self.db.execute(
                "SELECT a.id, e.key, e.kind, e.name, e.qid, a.alias, a.kind FROM alias a"
                f" JOIN entity e ON e.id = a.entity WHERE a.id IN ({','.join('?' * len(top))})",
                [alias_id for _, alias_id in top],
            )
        }
        hows = {alias_id: how for (_s, how), alias_id in scored[: limit * 4]}
        best: dict[str, Match] = {}
        for score, alias_id in top:
            e_key, e_kind, e_name, qid, alias, alias_kind = details[alias_id]
            if e_key not in best:
                best[e_key] = Match(e_key, e_kind, e_name, qid, alias, alias_kind, round(score, 4), hows[alias_id])
        return sorted(best.values(), key=lambda m: (-m.score, m.name))[:limit]

    def _rank(self, name: str, rows, kind: str | None, *, method: str | None, limit: int) -> list[Match]:
        """Score rows ``(key, kind, name, qid, alias, alias kind, norm)``."""
        key, skel, phon = norm(name), skeleton(name), phonetic(name)
        best: dict[str, Match] = {}
        for e_key, e_kind, e_name, qid, alias, alias_kind, alias_norm in rows:
            if kind and e_kind != kind:
                continue
            score, how = _score(key, skel, phon, alias_norm, skeleton(alias), phonetic(alias))
            match = Match(e_key, e_kind, e_name, qid, alias, alias_kind, round(score, 4), method or how)
            if e_key not in best or match.score > best[e_key].score:
                best[e_key] = match
        return sorted(best.values(), key=lambda m: (-m.score, m.name))[:limit]

    def holders(self, role: str, of: str, on: date | None = None) -> list[Holding]:
        """Who held ``role`` of ``of`` (ISO3 or organisation key); on a date if given."""
        rows = self.db.execute(
            'SELECT e.key, e.name, e.qid, r.role, r.of, r.start, r."end", r.title, r.note,'
            " r.acting, r.source FROM role r JOIN entity e ON e.id = r.entity WHERE r.role = ? AND r.of = ?"
            " ORDER BY r.start",
            (role, of),
        ).fetchall()
        holdings = [Holding(*row) for row in rows]
        if on is not None:
            holdings = [h for h in holdings if h.record.covers(on)]
        return holdings

    def role_codes(self) -> list[str]:
        """The role codes some holder has ("head-of-state", "foreign-minister", ...)."""
        return [row[0] for row in self.db.execute("SELECT DISTINCT role FROM role ORDER BY role")]

    def offices_of(self, of: str) -> int:
        """How many role rows are held of ``of`` (an ISO3 code or an organisation key)."""
        return self.db.execute("SELECT COUNT(*) FROM role WHERE of = ?", (of,)).fetchone()[0]

    def roles_of(self, key: str) -> list[Holding]:
        rows = self.db.execute(
            'SELECT e.key, e.name, e.qid, r.role, r.of, r.start, r."end", r.title, r.note,'
            " r.acting, r.source FROM role r JOIN entity e ON e.id = r.entity WHERE e.key = ? ORDER BY r.start",
            (key,),
        ).fetchall()
        return [Holding(*row) for row in rows]

    def latest_role_date(self) -> date | None:
        """The latest start or end date of any role: how far the KB's record of offices reaches.
        A tenure with no end is measured up to it where a date is needed and the article gives
        none, so results never depend on the day they are computed."""
        found = []
        for value in self.db.execute('SELECT max(start), max("end") FROM role').fetchone():
            try:
                found.append(parse_partial(value, upper=True))
            except ValueError:
                continue
        return max((d for d in found if d is not None), default=None)

    def titles(self, title: str) -> list[TitleRecord]:
        """The roles a press title can name (``Foreign Secretary`` -> foreign-minister of GBR)."""
        rows = self.db.execute(
            "SELECT title, role, of, note FROM title WHERE norm = ?", (norm(title),)
        ).fetchall()
        return [TitleRecord(*row) for row in rows]

    def all_titles(self) -> list[TitleRecord]:
        return [TitleRecord(*r) for r in self.db.execute("SELECT title, role, of, note FROM title ORDER BY rowid")]

    def expansions(self, acronym: str) -> list[AcronymRecord]:
        """What ``acronym`` stands for (a known name without expansion gives none)."""
        rows = self.db.execute(
            "SELECT a.acronym, a.expansion, e.key, a.note, a.source FROM acronym a"
            " LEFT JOIN entity e ON e.id = a.entity WHERE a.acronym = ? AND a.expansion != ''",
            (acronym,),
        ).fetchall()
        return [AcronymRecord(*row) for row in rows]

    def acronyms_for(self, expansion: str) -> list[AcronymRecord]:
        rows = self.db.execute(
            "SELECT a.acronym, a.expansion, e.key, a.note, a.source FROM acronym a"
            " LEFT JOIN entity e ON e.id = a.entity WHERE a.norm_expansion = ?"
            " AND a.expansion != ''",
            (norm(expansion),),
        ).fetchall()
        return [AcronymRecord(*row) for row in rows]

    def all_acronyms(self) -> frozenset[str]:
        """Every acronym the KB knows (general ones, organisations' and the known names without
        expansion, such as companies' names), cached."""
        if self._acronyms is None:
            self._acronyms = self._acronym_set("")
        return self._acronyms

    def expanded_acronyms(self) -> frozenset[str]:
        """The acronyms the KB can spell out (general ones and organisations'): ``all_acronyms()``
        less the names known only as names. Cached."""
        if self._expanded is None:
            self._expanded = self._acronym_set(" WHERE expansion != ''")
        return self._expanded

    def _acronym_set(self, where: str) -> frozenset[str]:
        found = {a for (a,) in self.db.execute(f"SELECT DISTINCT acronym FROM acronym{where}")}
        found |= {a for (a,) in self.db.execute("SELECT alias FROM alias WHERE kind = 'acronym'")}
        return frozenset(found)

    def former_names(self, key: str) -> list[str]:
        return [a for (a,) in self.db.execute(
            "SELECT a.alias FROM alias a JOIN entity e ON e.id = a.entity"
            " WHERE e.key = ? AND a.kind = 'former'", (key,))]


def _score(key: str, skel: str, phon: str, alias_norm: str, alias_skel: str, alias_phon: str):
    """(score 0..1, how) of one alias against a query given as its norm, skeleton and phonetic."""
    if alias_norm == key:
        return 1.0, "exact"
    if alias_skel == skel:
        return 0.97, "skeleton"
    score = _name_similarity(key, alias_norm)
    if alias_phon == phon and score > 0.6:
        return max(score, 0.9), "phonetic"
    return score, "edit"


def _score_many(key: str, skel: str, phon: str, rows: list[tuple]) -> list[tuple[tuple[float, str], int]]:
    """``_score`` for many candidate rows ``(id, norm, skeleton, phonetic, kind)`` at once: the
    string similarities are computed in one rapidfuzz call each (the hot loop of a lookup)."""
    if not rows:
        return []
    norms = [row[1] for row in rows]
    whole = process.cdist([key], norms, scorer=fuzz.ratio, workers=1)[0]
    q_last = key.rsplit(" ", 1)[-1]
    last = process.cdist([q_last], [n.rsplit(" ", 1)[-1] for n in norms], scorer=fuzz.ratio, workers=1)[0]
    query_spaced = " " in key
    out = []
    for k, (alias_id, alias_norm, alias_skel, alias_phon, _kind) in enumerate(rows):
        if alias_norm == key:
            scored = (1.0, "exact")
        elif alias_skel == skel:
            scored = (0.97, "skeleton")
        else:
            score = float(whole[k]) / 100
            if query_spaced and " " in alias_norm:
                score = 0.5 * score + 0.5 * float(last[k]) / 100
            if alias_phon == phon and score > 0.6:
                scored = (max(score, 0.9), "phonetic")
            else:
                scored = (score, "edit")
        out.append((scored, alias_id))
    return out


def _name_similarity(query: str, alias: str) -> float:
    """0..1: whole-string similarity, with the last word (the surname) weighted in."""
    whole = fuzz.ratio(query, alias) / 100
    q_last, a_last = query.rsplit(" ", 1)[-1], alias.rsplit(" ", 1)[-1]
    last = fuzz.ratio(q_last, a_last) / 100
    if " " in query and " " in alias:
        return 0.5 * whole + 0.5 * last
    return whole
