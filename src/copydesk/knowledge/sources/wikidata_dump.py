"""Streaming import of a Wikidata JSON dump (``latest-all.json.bz2`` / ``.gz`` / plain).

A full dump is over 100 GB compressed, so it is never loaded whole: it is read line by line (the
dump is a JSON array with one entity per line), and a cheap substring test on the raw line skips
every entity whose ``instance of`` (P31) cannot be one of the wanted classes before any JSON is
parsed. Kept: English label, English aliases, enwiki title, the kind (from direct P31 values; no
subclass reasoning), country (P27 citizenship / P17 country, as QIDs) and positions held (P39
with start P580, end P582 and nature-of-statement P5102 qualifiers; deprecated statements are
skipped). A position in the mapping ``data/kb/positions.tsv`` becomes its role, country and title
(``copydesk.knowledge.positions``); any other stays ``position`` of ``wd:<position QID>``. Each
role row's source is the person's item (``wikidata:Q…``).
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from copydesk.knowledge.positions import END, NATURE, START, Position, load_positions, roles_for
from copydesk.knowledge.records import EntityRecord

NAME = "wikidata-dump"

#: Direct P31 classes per kind. Subclasses are not followed (that needs the whole graph).
CLASSES: dict[str, tuple[str, ...]] = {
    "person": ("Q5",),
    "organisation": (
        "Q43229", "Q7278", "Q327333", "Q484652", "Q4830453", "Q783794", "Q1331793",
        "Q11032", "Q245065", "Q17149090", "Q2659904", "Q7188", "Q15911314", "Q163740",
    ),
    "place": ("Q6256", "Q3624078", "Q515", "Q1549591", "Q5119", "Q10864048", "Q1637706"),
}


@dataclass
class DumpImport:
    lines: int = 0
    parsed: int = 0
    kept: int = 0
    bad_lines: list[int] = field(default_factory=list)
    bytes_read: int = 0


def open_dump(path: str | Path) -> IO[bytes]:
    path = Path(path)
    name = path.name.lower()
    if name.endswith(".bz2"):
        return bz2.open(path, "rb")
    if name.endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb")


def _markers(kinds: tuple[str, ...]) -> dict[bytes, str]:
    markers = {}
    for kind in kinds:
        for qid in CLASSES[kind]:
            markers[f'"id":"{qid}"'.encode()] = kind
    return markers


def iter_dump(
    stream: IO[bytes],
    *,
    kinds: tuple[str, ...] = ("person", "organisation", "place"),
    min_sitelinks: int = 0,
    stats: DumpImport | None = None,
    positions: dict[str, list[Position]] | None = None,
) -> Iterator[EntityRecord]:
    """Entity records from a dump stream, filtered by kind and number of sitelinks; positions
    held are mapped with ``positions`` (default: the shipped mapping)."""
    stats = stats or DumpImport()
    positions = load_positions() if positions is None else positions
    markers = _markers(kinds)
    wanted = {qid for kind in kinds for qid in CLASSES[kind]}
    for number, raw in enumerate(io.BufferedReader(stream, buffer_size=1 << 20), 1):  # type: ignore[arg-type]
        stats.lines += 1
        stats.bytes_read += len(raw)
        if not any(marker in raw for marker in markers):
            continue
        line = raw.strip().rstrip(b",")
        if not line or line in (b"[", b"]"):
            continue
        try:
            entity = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError):
            stats.bad_lines.append(number)
            continue
        stats.parsed += 1
        record = _record(entity, wanted, min_sitelinks, positions)
        if record is not None:
            stats.kept += 1
            yield record


def _claim_ids(entity: dict, prop: str) -> list[str]:
    out = []
    for claim in entity.get("claims", {}).get(prop, []):
        value = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
        if isinstance(value, dict) and "id" in value:
            out.append(value["id"])
    return out


def _time(qualifiers: dict, prop: str) -> str | None:
    for snak in qualifiers.get(prop, []):
        value = snak.get("datavalue", {}).get("value", {})
        stamp = value.get("time") if isinstance(value, dict) else None
        if not stamp:
            continue
        precision = value.get("precision", 11)
        date_part = stamp.lstrip("+").split("T")[0]
        year, month, day = date_part.split("-")
        if precision >= 11 and month != "00" and day != "00":
            return f"{year}-{month}-{day}"
        if precision == 10 and month != "00":
            return f"{year}-{month}"
        return year
    return None


def _qualifier_id(qualifiers: dict, prop: str) -> str | None:
    for snak in qualifiers.get(prop, []):
        value = snak.get("datavalue", {}).get("value")
        if isinstance(value, dict) and "id" in value:
            return value["id"]
    return None


def _record(entity: dict, wanted: set[str], min_sitelinks: int,
            positions: dict[str, list[Position]]) -> EntityRecord | None:
    if entity.get("type") != "item":
        return None
    classes = set(_claim_ids(entity, "P31"))
    hits = classes & wanted
    if not hits:
        return None
    sitelinks = entity.get("sitelinks", {})
    if len(sitelinks) < min_sitelinks:
        return None
    label = entity.get("labels", {}).get("en", {}).get("value")
    if not label:
        return None
    kind = next(k for k, qids in CLASSES.items() if hits & set(qids))
    aliases = [(a["value"], "variant") for a in entity.get("aliases", {}).get("en", []) if a.get("value")]
    roles = []
    for claim in entity.get("claims", {}).get("P39", []):
        value = claim.get("mainsnak", {}).get("datavalue", {}).get("value")
        if not isinstance(value, dict) or "id" not in value or claim.get("rank") == "deprecated":
            continue
        qualifiers = claim.get("qualifiers", {})
        roles.extend(roles_for(
            value["id"], start=_time(qualifiers, START), end=_time(qualifiers, END),
            nature=_qualifier_id(qualifiers, NATURE), positions=positions,
            source=f"wikidata:{entity['id']}",
        ))
    countries = _claim_ids(entity, "P27") or _claim_ids(entity, "P17")
    return EntityRecord(
        key=f"wd-{entity['id'].lower()}", kind=kind, name=label, qid=entity["id"],
        enwiki=sitelinks.get("enwiki", {}).get("title"),
        country=f"wd:{countries[0]}" if countries else None, aliases=aliases, roles=roles,
        source=NAME,
    )


def import_dump(
    kb,
    path: str | Path,
    *,
    kinds: tuple[str, ...] = ("person", "organisation", "place"),
    min_sitelinks: int = 0,
    batch: int = 5000,
    progress: Callable[[DumpImport], None] | None = None,
) -> DumpImport:
    """Stream ``path`` into the knowledge base ``kb`` in batches; returns the counts."""
    stats = DumpImport()
    pending: list[EntityRecord] = []
    with open_dump(path) as stream:
        for record in iter_dump(stream, kinds=kinds, min_sitelinks=min_sitelinks, stats=stats):
            pending.append(record)
            if len(pending) >= batch:
                kb.add_entities(kb.merged(pending))
                pending = []
                if progress:
                    progress(stats)
    if pending:
        kb.add_entities(kb.merged(pending))
    kb.finish()
    return stats
