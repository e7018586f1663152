"""The shipped, reviewed knowledge in ``copydesk/data/kb`` (see docs/knowledge-data.md)."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from copydesk.knowledge.records import (
    AcronymRecord,
    EntityRecord,
    RoleRecord,
    TitleRecord,
)
from copydesk.knowledge.sources.tsv import read_tsv, split_aliases

NAME = "shipped"


def data_dir() -> Path:
    return Path(str(resources.files("copydesk") / "data" / "kb"))


def fingerprint(directory: Path | None = None) -> str:
    """A hash of the shipped files, stored in the KB so a stale build can be noticed."""
    import hashlib

    directory = directory or data_dir()
    digest = hashlib.sha256()
    for path in sorted(directory.rglob("*.tsv")):
        digest.update(str(path.relative_to(directory)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def people(directory: Path | None = None) -> Iterator[EntityRecord]:
    directory = directory or data_dir()
    records: dict[str, EntityRecord] = {}
    for path in sorted((directory / "people").glob("*.people.tsv")):
        for _, row in read_tsv(path):
            record = records.get(row["key"])
            if record is None:
                record = records[row["key"]] = EntityRecord(
                    key=row["key"], kind="person", name=row["name"], qid=row.get("qid") or None,
                    enwiki=row.get("enwiki") or None, source=f"{NAME}:{path.name}",
                )
            record.aliases.extend(split_aliases(row.get("aliases", ""), "variant"))
    for path in sorted((directory / "people").glob("*.roles.tsv")):
        for number, row in read_tsv(path):
            record = records.get(row["person"])
            if record is None:
                continue  # the data tests report unknown people; the build keeps going
            record.roles.append(
                RoleRecord(
                    role=row["role"], of=row["of"], start=row.get("start") or None,
                    end=row.get("end") or None, title=row.get("title") or None,
                    note=row.get("note") or None, acting=row.get("acting") or None,
                    source=row.get("source") or f"{NAME}:{path.name}",
                )
            )
    yield from records.values()


def organisations(directory: Path | None = None) -> Iterator[EntityRecord]:
    path = (directory or data_dir()) / "organisations.tsv"
    if not path.exists():
        return
    for _, row in read_tsv(path):
        acronyms = [a.strip() for a in row.get("acronyms", "").split("|") if a.strip()]
        aliases = [(a, "acronym") for a in acronyms]
        aliases += split_aliases(row.get("aliases", ""), "variant")
        yield EntityRecord(
            key=row["key"], kind="organisation", name=row["name"], qid=row.get("qid") or None,
            enwiki=row.get("enwiki") or None, country=row.get("country") or None,
            subkind=row.get("kind") or None, aliases=aliases, source=f"{NAME}:{path.name}",
        )


def places(directory: Path | None = None) -> Iterator[EntityRecord]:
    path = (directory or data_dir()) / "places.tsv"
    if not path.exists():
        return
    for _, row in read_tsv(path):
        aliases = split_aliases(row.get("variants", ""), "variant")
        aliases += [(d.strip(), "demonym") for d in row.get("demonyms", "").split("|") if d.strip()]
        yield EntityRecord(
            key=row["key"], kind="place", name=row["name"], qid=row.get("qid") or None,
            enwiki=row.get("enwiki") or None, country=row.get("country") or None,
            subkind=row.get("kind") or None, aliases=aliases, source=f"{NAME}:{path.name}",
        )


def titles(directory: Path | None = None) -> Iterator[TitleRecord]:
    directory = directory or data_dir()
    for path in sorted(directory.glob("titles*.tsv")):
        for _, row in read_tsv(path):
            yield TitleRecord(row["title"], row["role"], row["of"] or "*", row.get("note") or None)


def acronyms(directory: Path | None = None) -> Iterator[AcronymRecord]:
    """General acronyms, plus each organisation's acronyms with its name as expansion."""
    directory = directory or data_dir()
    path = directory / "acronyms.tsv"
    if path.exists():
        for _, row in read_tsv(path):
            yield AcronymRecord(
                row["acronym"], row["expansion"], row.get("key") or None,
                row.get("note") or None, f"{NAME}:{path.name}",
            )
    for org in organisations(directory):
        # former names are not valid expansions today ("British Broadcasting Company")
        forms = [org.name] + [a for a, kind in org.aliases if kind in ("official", "variant", "short", "full")]
        for acronym in [a for a, kind in org.aliases if kind == "acronym"]:
            for form in forms:
                if " " in form:
                    yield AcronymRecord(acronym, form, org.key, None, f"{NAME}:organisations.tsv")


def known_names(directory: Path | None = None) -> Iterator[AcronymRecord]:
    """All-capitals names known to be real (``known-names.tsv``: companies' names and tickers,
    converted from the SEC's list): acronyms with no expansion, so that ``all_acronyms()`` knows
    them and ``expansions()`` does not return them."""
    path = (directory or data_dir()) / "known-names.tsv"
    if not path.exists():
        return
    for _, row in read_tsv(path):
        yield AcronymRecord(row["name"], "", None, row.get("kind") or None,
                            row.get("source") or f"{NAME}:{path.name}")
