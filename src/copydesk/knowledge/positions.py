"""What a Wikidata position item means to copydesk: its role code, country or organisation, and
title (``data/kb/positions.tsv``), so that imported office holders feed ``roles.title`` like the
shipped ones.

An office held (Wikidata property P39) of a mapped position becomes a role row
``(role, of, start, end, title)``; the statement's "nature of statement" (P5102) marks an acting
holder. A position that is not in the mapping stays a generic ``position`` of ``wd:<QID>``: still
dated and searchable, but no check reads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from copydesk.knowledge.records import RoleRecord
from copydesk.knowledge.sources.tsv import read_tsv

#: "nature of statement" (P5102) values that make a holder a stand-in.
ACTING_NATURES = {"Q4676846": "acting"}
#: Properties of a position-held statement: start, end, nature of statement.
START, END, NATURE = "P580", "P582", "P5102"


@dataclass(frozen=True, slots=True)
class Position:
    qid: str
    label: str
    role: str
    of: str
    title: str


def load_positions(path: Path | None = None) -> dict[str, list[Position]]:
    """The mapping, by position QID (default: the shipped ``positions.tsv``). A position may
    mean two roles: a president of a presidential system heads the state and the government."""
    if path is None:
        from copydesk.knowledge.sources.shipped import data_dir

        path = data_dir() / "positions.tsv"
    mapping: dict[str, list[Position]] = {}
    if not path.exists():
        return mapping
    for _, row in read_tsv(path):
        mapping.setdefault(row["position"], []).append(
            Position(row["position"], row["label"], row["role"], row["of"], row["title"]))
    return mapping


def roles_for(position: str, *, start: str | None, end: str | None, nature: str | None,
              positions: dict[str, list[Position]], source: str | None,
              label: str | None = None) -> list[RoleRecord]:
    """The role rows for one position-held statement of ``position`` (a QID)."""
    acting = ACTING_NATURES.get(nature or "")
    mapped = positions.get(position)
    if not mapped:
        return [RoleRecord(role="position", of=f"wd:{position}", start=start, end=end, title=label,
                           acting=acting, source=source)]
    return [RoleRecord(role=m.role, of=m.of, start=start, end=end, title=m.title, acting=acting,
                       source=source) for m in mapped]
