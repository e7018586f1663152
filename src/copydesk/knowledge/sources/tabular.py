"""A newsroom's own lists (its style book of names) as CSV, TSV or JSONL.

One row per entity or per role. Columns (JSONL keys), all optional except ``name``:

    name, kind (person|organisation|place|other; default person), key, aliases ("|"-separated,
    each optionally prefixed with its kind: "translit:Sergei Lavrentyev|former:Burma"), qid, enwiki,
    country, acronyms ("|"-separated), role, of, start, end, title

Several rows with the same key (or, without a key, the same name) merge: one row per role is the
natural way to list a career. A bad row is reported with its line number and skipped.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from copydesk.knowledge.normalize import norm
from copydesk.knowledge.records import ENTITY_KINDS, EntityRecord, RoleRecord, parse_partial
from copydesk.knowledge.sources.tsv import split_aliases

_QID = re.compile(r"^Q[1-9][0-9]*$")


@dataclass
class RowProblem:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass
class TabularImport:
    records: list[EntityRecord] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    rows: int = 0


def read_rows(path: Path) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """(line, row) pairs; a row that cannot be parsed comes back as an error string."""
    suffix = path.suffix.lower()
    text = path.read_text(encoding="utf-8-sig")
    if suffix in (".jsonl", ".ndjson"):
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, f"not valid JSON ({exc.msg})"
                continue
            yield number, row if isinstance(row, dict) else "a JSON object was expected"
        return
    dialect = "excel-tab" if suffix == ".tsv" else "excel"
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    for row in reader:
        if None in row:
            yield reader.line_num, "more fields than the header names"
            continue
        yield reader.line_num, row


def import_table(path: str | Path, *, source: str | None = None) -> TabularImport:
    path = Path(path)
    result = TabularImport()
    records: dict[str, EntityRecord] = {}
    for line, row in read_rows(path):
        result.rows += 1
        if isinstance(row, str):
            result.problems.append(RowProblem(line, row))
            continue
        try:
            key, record = _record(row, source or f"table:{path.name}")
        except ValueError as exc:
            result.problems.append(RowProblem(line, str(exc)))
            continue
        if key in records:
            existing = records[key]
            existing.aliases.extend(a for a in record.aliases if a not in existing.aliases)
            existing.roles.extend(record.roles)
        else:
            records[key] = record
    result.records = list(records.values())
    return result


def _record(row: dict[str, Any], source: str) -> tuple[str, EntityRecord]:
    clean = {str(k).strip().lower(): ("" if v is None else str(v).strip()) for k, v in row.items()}
    name = clean.get("name", "")
    if not name:
        raise ValueError("no name")
    kind = clean.get("kind") or "person"
    if kind not in ENTITY_KINDS:
        raise ValueError(f"kind {kind!r} is not one of {', '.join(ENTITY_KINDS)}")
    qid = clean.get("qid") or None
    if qid and not _QID.match(qid):
        raise ValueError(f"qid {qid!r} is not a Wikidata id like Q42")
    key = clean.get("key") or "table-" + norm(name).replace(" ", "-")
    aliases = split_aliases(clean.get("aliases", ""), "variant")
    aliases += [(a.strip(), "acronym") for a in clean.get("acronyms", "").split("|") if a.strip()]
    roles = []
    if clean.get("role"):
        if not clean.get("of"):
            raise ValueError("a role needs 'of' (a country code or organisation key)")
        for column in ("start", "end"):
            if clean.get(column):
                parse_partial(clean[column], upper=False)  # raises ValueError with the value
        start, end = clean.get("start") or None, clean.get("end") or None
        if start and end and parse_partial(end, upper=True) < parse_partial(start, upper=False):
            raise ValueError(f"role ends ({end}) before it starts ({start})")
        roles.append(RoleRecord(clean["role"], clean["of"], start, end, clean.get("title") or None))
    record = EntityRecord(
        key=key, kind=kind, name=name, qid=qid, enwiki=clean.get("enwiki") or None,
        country=clean.get("country") or None, aliases=aliases, roles=roles, source=source,
    )
    return key, record
