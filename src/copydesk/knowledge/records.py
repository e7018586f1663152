"""Plain records that knowledge sources produce and the store keeps."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

ENTITY_KINDS = ("person", "organisation", "place", "other")
ALIAS_KINDS = (
    "name",  # the canonical name
    "official",
    "short",
    "acronym",
    "translit",
    "former",
    "variant",
    "native",
    "full",
    "demonym",
)


@dataclass(slots=True)
class RoleRecord:
    role: str
    of: str
    start: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    end: str | None = None
    title: str | None = None
    note: str | None = None
    #: ``acting``, ``interim`` or ``caretaker`` for a holder who stood in; None for a regular one.
    acting: str | None = None
    #: Where the row comes from: ``editorial`` (written by hand), a dataset (``congress-legislators``),
    #: or a Wikidata item (``wikidata:Q…``).
    source: str | None = None

    def covers(self, day: date) -> bool:
        """True when the role was held on ``day`` (partial dates are read generously)."""
        start = parse_partial(self.start, upper=False) or date.min
        end = parse_partial(self.end, upper=True) or date.max
        return start <= day <= end


@dataclass(slots=True)
class EntityRecord:
    key: str
    kind: str
    name: str
    qid: str | None = None
    enwiki: str | None = None
    country: str | None = None
    subkind: str | None = None
    aliases: list[tuple[str, str]] = field(default_factory=list)  # (alias, kind)
    roles: list[RoleRecord] = field(default_factory=list)
    source: str = ""


@dataclass(slots=True)
class TitleRecord:
    title: str
    role: str
    of: str  # ISO3, organisation key, or "*"
    note: str | None = None


@dataclass(slots=True)
class AcronymRecord:
    acronym: str
    expansion: str
    entity_key: str | None = None
    note: str | None = None
    source: str = ""


def parse_partial(value: str | None, *, upper: bool) -> date | None:
    """``2022`` -> 2022-01-01 (or 2022-12-31 when ``upper``); ``2022-03`` likewise; full dates as is."""
    if not value:
        return None
    parts = value.split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 12, 31) if upper else date(year, 1, 1)
        month = int(parts[1])
        if len(parts) == 2:
            if not upper:
                return date(year, month, 1)
            following = date(year + (month == 12), month % 12 + 1, 1)
            return date.fromordinal(following.toordinal() - 1)
        return date(year, month, int(parts[2]))
    except ValueError:
        raise ValueError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}") from None
