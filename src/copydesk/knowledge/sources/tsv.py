"""Reading the shipped TSV format: header line, ``#`` comments, tab-separated, no quoting."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from copydesk.errors import KnowledgeError


def read_tsv(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) pairs; a row with the wrong number of fields raises KnowledgeError."""
    header: list[str] | None = None
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            fields = line.split("\t")
            if header is None:
                header = [f.strip() for f in fields]
                continue
            if len(fields) < len(header):
                fields += [""] * (len(header) - len(fields))
            if len(fields) > len(header):
                raise KnowledgeError(
                    f"{path}:{number}: {len(fields)} fields, the header has {len(header)}"
                )
            yield number, {k: v.strip() for k, v in zip(header, fields)}


def split_aliases(value: str, default_kind: str = "variant") -> list[tuple[str, str]]:
    """``translit:Kiev|former:Byelorussia|Britain`` -> [(alias, kind), ...]."""
    out = []
    for item in value.split("|"):
        item = item.strip()
        if not item:
            continue
        kind, sep, alias = item.partition(":")
        if sep and kind.isalpha() and kind.islower() and " " not in kind:
            out.append((alias.strip(), kind))
        else:
            out.append((item, default_kind))
    return out
