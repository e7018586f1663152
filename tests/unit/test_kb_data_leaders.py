"""Consistency of the shipped people/roles/titles data in ``src/copydesk/data/kb``.

The validator below is self-contained (it reads the TSV files itself) so that it checks the files
as a reviewer sees them: column counts, unique keys, references between files, role codes,
``of`` codes, partial dates, and that no two holders of a single-holder office overlap.
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pycountry
import pytest

KB_DIR = Path(__file__).resolve().parents[2] / "src" / "copydesk" / "data" / "kb"

PEOPLE_COLUMNS = ["key", "name", "qid", "enwiki", "aliases", "source", "taken"]
ROLES_COLUMNS = ["person", "role", "of", "start", "end", "title", "acting", "note", "source", "taken"]
TITLES_COLUMNS = ["title", "role", "of", "note", "source", "taken"]
ROLE_CODES_COLUMNS = ["role", "description"]

#: Offices with one holder at a time per country or organisation.
SINGLE_HOLDER = {"head-of-state", "head-of-government", "foreign-minister", "vice-president"}
#: Overlap tolerated at hand-overs (a predecessor's last day is often the successor's first).
OVERLAP_DAYS = 3
#: Words in ``note`` that declare an intended overlap (co-holders, acting holders, ...).
OVERLAP_MARKERS = ("co-holder", "overlap")
ALIAS_KINDS = {"translit", "native", "short", "former", "full"}
#: Values of ``acting`` on a role row.
ACTING = {"", "acting", "interim", "caretaker"}
#: ``source``: written by hand, a Wikidata item, or a named dataset with its conversion script.
SOURCE_RE = re.compile(r"^(?:editorial|wikidata:Q[0-9]+|[a-z][a-z0-9-]*(?::[^\s]+)?)$")

KEY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QID_RE = re.compile(r"^Q[0-9]+$")
ORG_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass
class Table:
    """One TSV file: its rows as dicts, each with the line number it came from."""

    name: str
    rows: list[tuple[int, dict[str, str]]]


def parse_tsv(name: str, text: str, columns: list[str], errors: list[str]) -> Table:
    """Parse the shipped TSV format (header, ``#`` comments, tabs, no quoting); report bad shapes."""
    rows: list[tuple[int, dict[str, str]]] = []
    header: list[str] | None = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if header is None:
            header = fields
            if header != columns:
                errors.append(f"{name}:{number}: header {header} != {columns}")
            continue
        if len(fields) != len(columns):
            errors.append(f"{name}:{number}: {len(fields)} fields, expected {len(columns)}")
            continue
        if any(f != f.strip() for f in fields):
            errors.append(f"{name}:{number}: stray whitespace around a field")
        rows.append((number, dict(zip(columns, fields))))
    return Table(name, rows)


def date_bounds(value: str) -> tuple[date, date] | None:
    """Earliest and latest day a partial date (YYYY, YYYY-MM, YYYY-MM-DD) can mean; None if invalid."""
    match = DATE_RE.match(value)
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if month is None:
            return date(year, 1, 1), date(year, 12, 31)
        if day is None:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, day), date(year, month, day)
    except ValueError:
        return None


def valid_of(value: str, organisations: set[str] | None, allow_any: bool = False) -> bool:
    """An ISO 3166-1 alpha-3 code, an organisation key (one of ``organisations`` when that file is
    known, else any lowercase slug), or ``*`` where allowed."""
    if allow_any and value == "*":
        return True
    if value.isupper():
        return pycountry.countries.get(alpha_3=value) is not None
    return bool(ORG_RE.match(value)) and (organisations is None or value in organisations)


def check_people(tables: list[Table], errors: list[str]) -> dict[str, tuple[str, str]]:
    """Check people rows; return key -> (name, qid) over all files."""
    seen: dict[str, tuple[str, str, str]] = {}
    for table in tables:
        keys_here: set[str] = set()
        for number, row in table.rows:
            where = f"{table.name}:{number}"
            key = row["key"]
            if not KEY_RE.match(key):
                errors.append(f"{where}: bad key {key!r}")
            if key in keys_here:
                errors.append(f"{where}: duplicate key {key!r}")
            keys_here.add(key)
            if not row["name"]:
                errors.append(f"{where}: empty name")
            check_provenance(row, where, errors)
            if row["qid"] and not QID_RE.match(row["qid"]):
                errors.append(f"{where}: bad qid {row['qid']!r}")
            if not row["enwiki"] or " " in row["enwiki"]:
                errors.append(f"{where}: enwiki must be a title with underscores: {row['enwiki']!r}")
            for alias in filter(None, row["aliases"].split("|")):
                kind, _, text = alias.partition(":")
                if kind not in ALIAS_KINDS or not text.strip():
                    errors.append(f"{where}: bad alias {alias!r}")
            identity = (row["name"], row["qid"])
            if key in seen and seen[key][:2] != identity:
                errors.append(f"{where}: {key!r} differs from {seen[key][2]}: {identity} vs {seen[key][:2]}")
            seen.setdefault(key, (*identity, where))
    return {key: value[:2] for key, value in seen.items()}


def check_roles(tables: list[Table], people: set[str], codes: set[str], organisations: set[str] | None,
                errors: list[str]) -> None:
    """Check role rows: references, codes, dates, and overlaps of single-holder offices."""
    spans: dict[tuple[str, str], list[tuple[date, date, str, str, str]]] = defaultdict(list)
    for table in tables:
        for number, row in table.rows:
            where = f"{table.name}:{number}"
            if row["person"] not in people:
                errors.append(f"{where}: unknown person {row['person']!r}")
            if row["role"] not in codes:
                errors.append(f"{where}: unknown role {row['role']!r}")
            if not valid_of(row["of"], organisations):
                errors.append(f"{where}: bad of {row['of']!r}")
            if not row["title"]:
                errors.append(f"{where}: empty title")
            check_provenance(row, where, errors)
            if row["acting"] not in ACTING:
                errors.append(f"{where}: acting must be one of {sorted(ACTING)}: {row['acting']!r}")
            start = date_bounds(row["start"])
            end = date_bounds(row["end"]) if row["end"] else (date.max, date.max)
            if start is None or end is None:
                errors.append(f"{where}: bad date {row['start']!r} / {row['end']!r}")
                continue
            if start[0] > end[1]:
                errors.append(f"{where}: start {row['start']} after end {row['end']}")
                continue
            if row["role"] in SINGLE_HOLDER:
                # the shortest span the row can mean, so that only certain overlaps are reported
                # an acting holder stands in beside the office's holder (a suspended president)
                marks = row["note"].lower() + (" overlap" if row["acting"] else "")
                spans[(row["role"], row["of"])].append((start[1], end[0], row["person"], marks, where))
    for (role, of), items in spans.items():
        items.sort()
        for i, (start_a, end_a, who_a, note_a, where_a) in enumerate(items):
            for start_b, end_b, who_b, note_b, where_b in items[i + 1:]:
                if start_b >= end_a:
                    break
                days = (min(end_a, end_b) - start_b).days
                marked = any(m in note_a or m in note_b for m in OVERLAP_MARKERS)
                if days > OVERLAP_DAYS and not marked:
                    errors.append(f"{where_b}: {who_b} overlaps {who_a} ({where_a}) as {role} of {of} "
                                  f"by {days} days")


def check_provenance(row: dict[str, str], where: str, errors: list[str]) -> None:
    """Every fact row names its source and the day it was taken."""
    if not SOURCE_RE.match(row["source"]):
        errors.append(f"{where}: bad source {row['source']!r} (editorial, wikidata:Q…, or a dataset name)")
    match = DATE_RE.match(row["taken"])
    if not match or not match.group(3) or date_bounds(row["taken"]) is None:
        errors.append(f"{where}: taken must be a day YYYY-MM-DD: {row['taken']!r}")


def check_titles(tables: list[Table], codes: set[str], organisations: set[str] | None,
                 errors: list[str]) -> None:
    """Check title rows: role codes, ``of`` codes, unique (title, role, of)."""
    for table in tables:
        seen: set[tuple[str, str, str]] = set()
        for number, row in table.rows:
            where = f"{table.name}:{number}"
            if row["role"] not in codes:
                errors.append(f"{where}: unknown role {row['role']!r}")
            if not valid_of(row["of"], organisations, allow_any=True):
                errors.append(f"{where}: bad of {row['of']!r}")
            check_provenance(row, where, errors)
            key = (row["title"], row["role"], row["of"])
            if key in seen:
                errors.append(f"{where}: duplicate title row {key}")
            seen.add(key)


def validate(files: dict[str, str]) -> list[str]:
    """Validate a KB given as {relative path: text}; return a list of problems (empty when fine)."""
    errors: list[str] = []
    codes_table = parse_tsv("roles.tsv", files.get("roles.tsv", ""), ROLE_CODES_COLUMNS, errors)
    codes = {row["role"] for _, row in codes_table.rows}
    if len(codes) != len(codes_table.rows):
        errors.append("roles.tsv: duplicate role codes")
    people_tables = [parse_tsv(n, t, PEOPLE_COLUMNS, errors)
                     for n, t in sorted(files.items()) if n.endswith(".people.tsv")]
    role_tables = [parse_tsv(n, t, ROLES_COLUMNS, errors)
                   for n, t in sorted(files.items()) if n.endswith(".roles.tsv")]
    title_tables = [parse_tsv(n, t, TITLES_COLUMNS, errors)
                    for n, t in sorted(files.items())
                    if n.startswith("titles") and n.endswith(".tsv")]
    organisations = None
    if "organisations.tsv" in files:  # only its first column matters here
        organisations = {line.split("\t", 1)[0] for line in files["organisations.tsv"].splitlines()[1:]
                         if line.strip() and not line.startswith("#")}
    people = check_people(people_tables, errors)
    check_roles(role_tables, set(people), codes, organisations, errors)
    check_titles(title_tables, codes, organisations, errors)
    return errors


def load_kb(directory: Path = KB_DIR) -> dict[str, str]:
    """The files the validator looks at, keyed by path relative to the KB directory."""
    paths = [directory / "roles.tsv", directory / "organisations.tsv", *directory.glob("titles*.tsv"),
             *(directory / "people").glob("*.people.tsv"), *(directory / "people").glob("*.roles.tsv")]
    return {p.relative_to(directory).as_posix(): p.read_text(encoding="utf-8")
            for p in paths if p.exists()}


# ---------------------------------------------------------------------------------------------

E = "\teditorial\t2026-01-02"  # provenance of a hand-written row
GOOD = {
    "roles.tsv": "role\tdescription\nhead-of-state\tHead of state\nforeign-minister\tForeign minister\n",
    "titles.tsv": "title\trole\tof\tnote\tsource\ttaken\nForeign Minister\tforeign-minister\t*\t" + E + "\n",
    "organisations.tsv": "key\tname\tacronyms\taliases\tkind\tcountry\tqid\tenwiki\tsource\ttaken\n"
                         "un\tUnited Nations\tUN\t\tintergovernmental\t\t\t" + E + "\n",
    "people/t.people.tsv": "key\tname\tqid\tenwiki\taliases\tsource\ttaken\n"
                           "anna-nowak\tAnna Nowak\tQ1\tAnna_Nowak\ttranslit:Anna Novak" + E + "\n"
                           "jan-kowal\tJan Kowal\t\tJan_Kowal\t" + E + "\n",
    "people/t.roles.tsv": "person\trole\tof\tstart\tend\ttitle\tacting\tnote\tsource\ttaken\n"
                          "anna-nowak\tforeign-minister\tPOL\t2001-05\t2003-02-01\tMinister\t\t" + E + "\n"
                          "jan-kowal\tforeign-minister\tPOL\t2003-02-01\t\tMinister\t\t" + E + "\n",
}


def with_row(path: str, line: str) -> dict[str, str]:
    """GOOD with one more line appended to one file."""
    files = dict(GOOD)
    files[path] = files[path] + line + "\n"
    return files


def test_shipped_leaders_files_exist():
    names = load_kb()
    assert {"roles.tsv", "titles.tsv", "people/leaders.people.tsv", "people/leaders.roles.tsv"} <= set(names)


def test_shipped_kb_data_is_consistent():
    problems = validate(load_kb())
    assert problems == [], "\n".join(problems[:50])


def test_shipped_leaders_cover_g20_offices():
    # from any roles file: people/us-executive.roles.tsv holds the US presidents, for one
    offices = {tuple(line.split("\t")[1:3]) for name, text in load_kb().items()
               if name.startswith("people/") and name.endswith(".roles.tsv")
               for line in text.splitlines() if not line.startswith("#")}
    for country in ("USA", "GBR", "DEU", "FRA", "RUS", "CHN", "IND", "JPN", "BRA", "ZAF"):
        for role in ("head-of-state", "head-of-government", "foreign-minister"):
            assert (role, country) in offices, (role, country)


def test_validator_accepts_good_sample():
    assert validate(GOOD) == []


@pytest.mark.parametrize(
    ("path", "line", "expected"),
    [
        ("people/t.roles.tsv", "ghost\tforeign-minister\tPOL\t2004\t\tMinister\t\t" + E, "unknown person"),
        ("people/t.roles.tsv", "jan-kowal\tforeign-minister\tPOL\t2004\t\tMinister\t" + E, "9 fields"),
        ("people/t.roles.tsv", "jan-kowal\tforeign-ministre\tPOL\t2004\t\tMinister\t\t" + E, "unknown role"),
        ("people/t.roles.tsv", "jan-kowal\thead-of-state\tXXX\t2004\t\tPresident\t\t" + E, "bad of"),
        ("people/t.roles.tsv", "jan-kowal\thead-of-state\tPOL\t2004-13\t\tPresident\t\t" + E, "bad date"),
        ("people/t.roles.tsv", "jan-kowal\thead-of-state\tPOL\t2005\t2004\tPresident\t\t" + E, "after end"),
        ("people/t.roles.tsv", "anna-nowak\tforeign-minister\tPOL\t2010-01-01\t\tMinister\t\t" + E, "overlaps"),
        ("people/t.roles.tsv", "jan-kowal\thead-of-state\tPOL\t2004\t\tPresident\tstand-in\t" + E, "acting must be"),
        ("people/t.roles.tsv", "jan-kowal\thead-of-state\tPOL\t2004\t\tPresident\t\t\t\t2026-01-02", "bad source"),
        ("people/t.roles.tsv", "jan-kowal\thead-of-state\tPOL\t2004\t\tPresident\t\t\teditorial\t2026", "taken must be"),
        ("people/t.people.tsv", "jan-kowal\tJan Kowal\t\tJan_Kowal\t" + E, "duplicate key"),
        ("people/t.people.tsv", "ewa-lis\tEwa Lis\tQ12x\tEwa_Lis\t" + E, "bad qid"),
        ("people/t.people.tsv", "ewa-lis\tEwa Lis\t\tEwa_Lis\tEva Lis" + E, "bad alias"),
        ("people/u.people.tsv", "anna-nowak\tAnna Nowakowa\tQ1\tAnna_Nowak\t" + E, "differs"),
        ("titles.tsv", "Minister\tminister\t*\t" + E, "unknown role"),
        ("titles.tsv", "Secretary-General\tsecretary-general\two\t" + E, "bad of"),
    ],
)
def test_validator_rejects_broken_row(path, line, expected):
    files = dict(GOOD)
    if path not in files:
        files[path] = "key\tname\tqid\tenwiki\taliases\tsource\ttaken\n"
    files[path] += line + "\n"
    problems = validate(files)
    assert any(expected in p for p in problems), problems


def test_overlap_marked_in_note_is_allowed():
    files = with_row("people/t.roles.tsv",
                     "anna-nowak\tforeign-minister\tPOL\t2010-01-01\t\tMinister\t\tco-holder with Jan Kowal" + E)
    assert validate(files) == []


def test_partial_dates_only_report_certain_overlaps():
    # "2003-02" may end on 2003-02-01, so a successor from 2003-02-01 does not overlap
    files = dict(GOOD)
    files["people/t.roles.tsv"] = files["people/t.roles.tsv"].replace("2003-02-01\tMinister\t\t" + E, "2003-02\tMinister\t\t" + E, 1)
    assert validate(files) == []


POSITIONS_COLUMNS = ["position", "label", "role", "of", "title", "source", "taken"]


def test_position_mapping_is_consistent():
    """``positions.tsv``: Wikidata position items mapped to a known role code, a valid country or
    organisation, a title, with provenance; one row per (position, role)."""
    files = load_kb()
    errors: list[str] = []
    codes = {row["role"] for _, row in parse_tsv("roles.tsv", files["roles.tsv"], ROLE_CODES_COLUMNS, errors).rows}
    organisations = {line.split("\t", 1)[0] for line in files["organisations.tsv"].splitlines()
                     if line.strip() and not line.startswith("#")}
    table = parse_tsv("positions.tsv", (KB_DIR / "positions.tsv").read_text(encoding="utf-8"),
                      POSITIONS_COLUMNS, errors)
    seen = set()
    for number, row in table.rows:
        where = f"positions.tsv:{number}"
        if not QID_RE.match(row["position"]):
            errors.append(f"{where}: bad position QID {row['position']!r}")
        if row["role"] not in codes:
            errors.append(f"{where}: unknown role {row['role']!r}")
        if not valid_of(row["of"], organisations):
            errors.append(f"{where}: bad of {row['of']!r}")
        if not row["title"] or not row["label"]:
            errors.append(f"{where}: empty label or title")
        check_provenance(row, where, errors)
        if (row["position"], row["role"]) in seen:
            errors.append(f"{where}: duplicate {row['position']} {row['role']}")
        seen.add((row["position"], row["role"]))
    assert errors == [], "\n".join(errors[:50])
    assert len(table.rows) >= 3
