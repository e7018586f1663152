"""Consistency of the shipped cabinet data: ``people/cabinet.*.tsv`` and ``titles-cabinet.tsv``.

A self-contained validator reads the TSV files as a reviewer sees them and reports column counts,
duplicate keys, unknown people and role codes, bad ``of`` codes, bad dates, overlapping holders of a
single-holder office, bad QIDs, and keys whose name or QID differ between people files.
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from datetime import date
from pathlib import Path

import pycountry

KB_DIR = Path(__file__).resolve().parents[2] / "src" / "copydesk" / "data" / "kb"
CABINET_FILES = ("people/cabinet.people.tsv", "people/cabinet.roles.tsv", "titles-cabinet.tsv")

COLUMNS = {
    "people": ["key", "name", "qid", "enwiki", "aliases", "source", "taken"],
    "roles": ["person", "role", "of", "start", "end", "title", "acting", "note", "source", "taken"],
    "titles": ["title", "role", "of", "note", "source", "taken"],
    "codes": ["role", "description"],
    "orgs": ["key", "name", "acronyms", "aliases", "kind", "country", "qid", "enwiki", "source", "taken"],
}
#: Role codes of kbdata.md, accepted even when roles.tsv is absent.
BASE_CODES = {
    "head-of-state", "head-of-government", "deputy-head-of-government", "foreign-minister",
    "defence-minister", "finance-minister", "interior-minister", "justice-minister", "health-minister",
    "education-minister", "trade-minister", "government-spokesperson", "presidential-spokesperson",
    "foreign-ministry-spokesperson", "defence-ministry-spokesperson", "secretary-general", "president",
    "high-representative", "party-leader", "central-bank-governor", "national-security-adviser",
    "chief-of-staff", "ambassador-to-un",
}
#: Offices whose holders, per country and title, are compared for overlaps (parties differ by title).
GROUP_BY_TITLE = {"party-leader"}
OVERLAP_DAYS = 3
OVERLAP_MARKERS = ("co-holder", "overlap")
ALIAS_KINDS = {"translit", "native", "short", "former", "full"}
KEY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QID_RE = re.compile(r"^Q[0-9]+$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

Row = tuple[str, dict[str, str]]


def parse(name: str, text: str, columns: list[str], errors: list[str]) -> list[Row]:
    """Rows of one TSV text (header line, ``#`` comments, tab-separated) with their locations."""
    rows: list[Row] = []
    header_seen = False
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        where = f"{name}:{number}"
        if not header_seen:
            header_seen = True
            if fields != columns:
                errors.append(f"{where}: header {fields} != {columns}")
            continue
        if len(fields) != len(columns):
            errors.append(f"{where}: {len(fields)} columns, expected {len(columns)}")
            continue
        if any(f != f.strip() for f in fields):
            errors.append(f"{where}: whitespace around a field")
        rows.append((where, dict(zip(columns, fields))))
    return rows


def bounds(value: str) -> tuple[date, date] | None:
    """First and last day a YYYY, YYYY-MM or YYYY-MM-DD date can mean; None when malformed."""
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


def valid_of(value: str, orgs: set[str], allow_any: bool = False) -> bool:
    """ISO 3166-1 alpha-3 code, known organisation key (any lowercase slug if none are known), or ``*``."""
    if allow_any and value == "*":
        return True
    if value.isupper():
        return pycountry.countries.get(alpha_3=value) is not None
    return bool(KEY_RE.match(value)) and (not orgs or value in orgs)


def check_people(tables: dict[str, list[Row]], errors: list[str]) -> set[str]:
    """Check every people file; report bad fields and keys whose identity differs between files."""
    identity: dict[str, tuple[str, str, str]] = {}
    for rows in tables.values():
        keys: set[str] = set()
        for where, row in rows:
            key = row["key"]
            if not KEY_RE.match(key):
                errors.append(f"{where}: bad key {key!r}")
            if key in keys:
                errors.append(f"{where}: duplicate key {key!r}")
            keys.add(key)
            if not row["name"] or not row["enwiki"] or " " in row["enwiki"]:
                errors.append(f"{where}: name and enwiki (with underscores) are required")
            if row["qid"] and not QID_RE.match(row["qid"]):
                errors.append(f"{where}: bad qid {row['qid']!r}")
            for alias in filter(None, row["aliases"].split("|")):
                kind, _, text = alias.partition(":")
                if kind not in ALIAS_KINDS or not text.strip():
                    errors.append(f"{where}: bad alias {alias!r}")
            seen = identity.setdefault(key, (row["name"], row["qid"], where))
            if seen[:2] != (row["name"], row["qid"]):
                errors.append(f"{where}: {key!r} has name/qid {(row['name'], row['qid'])} but {seen[:2]} in {seen[2]}")
    return set(identity)


def check_roles(rows: list[Row], people: set[str], codes: set[str], orgs: set[str], errors: list[str]) -> None:
    """Check role rows, then overlaps between holders of the same office."""
    spans: dict[tuple[str, ...], list[tuple[date, date, str, str, str]]] = defaultdict(list)
    for where, row in rows:
        if row["person"] not in people:
            errors.append(f"{where}: unknown person {row['person']!r}")
        if row["role"] not in codes:
            errors.append(f"{where}: unknown role {row['role']!r}")
        if not valid_of(row["of"], orgs):
            errors.append(f"{where}: bad of {row['of']!r}")
        if not row["title"]:
            errors.append(f"{where}: empty title")
        start = bounds(row["start"])
        end = bounds(row["end"]) if row["end"] else (date.max, date.max)
        if start is None or end is None:
            errors.append(f"{where}: bad date {row['start']!r} / {row['end']!r}")
            continue
        if start[0] > end[1]:
            errors.append(f"{where}: start {row['start']} after end {row['end']}")
            continue
        group = (row["role"], row["of"]) + ((row["title"],) if row["role"] in GROUP_BY_TITLE else ())
        # the shortest span the row can mean, so that only certain overlaps are reported
        marks = row["note"].lower() + (" overlap" if row["acting"] else "")  # an acting holder stands in
        spans[group].append((start[1], end[0], row["person"], marks, where))
    for group, items in spans.items():
        items.sort()
        for i, (_, end_a, who_a, note_a, where_a) in enumerate(items):
            for start_b, end_b, who_b, note_b, where_b in items[i + 1:]:
                if start_b >= end_a:
                    break
                days = (min(end_a, end_b) - start_b).days
                marked = any(m in note_a or m in note_b for m in OVERLAP_MARKERS)
                if days > OVERLAP_DAYS and not marked:
                    errors.append(f"{where_b}: {who_b} overlaps {who_a} ({where_a}) in {group} by {days} days")


def validate(files: dict[str, str]) -> list[str]:
    """Validate the cabinet files in ``files`` ({path relative to kb: text}) against the rest of the KB."""
    errors: list[str] = []
    codes = set(BASE_CODES)
    codes |= {row["role"] for _, row in parse("roles.tsv", files.get("roles.tsv", ""), COLUMNS["codes"], errors)}
    orgs = {row["key"] for _, row in parse("organisations.tsv", files.get("organisations.tsv", ""),
                                            COLUMNS["orgs"], errors)}
    people_tables = {n: parse(n, t, COLUMNS["people"], errors)
                     for n, t in sorted(files.items()) if n.endswith(".people.tsv")}
    people = check_people(people_tables, errors)
    roles = parse("people/cabinet.roles.tsv", files.get("people/cabinet.roles.tsv", ""), COLUMNS["roles"], errors)
    check_roles(roles, people, codes, orgs, errors)
    seen: set[tuple[str, str, str]] = set()
    for where, row in parse("titles-cabinet.tsv", files.get("titles-cabinet.tsv", ""), COLUMNS["titles"], errors):
        if row["role"] not in codes:
            errors.append(f"{where}: unknown role {row['role']!r}")
        if not valid_of(row["of"], orgs, allow_any=True):
            errors.append(f"{where}: bad of {row['of']!r}")
        key = (row["title"], row["role"], row["of"])
        if key in seen:
            errors.append(f"{where}: duplicate title {key}")
        seen.add(key)
    return errors


def load_kb(directory: Path = KB_DIR) -> dict[str, str]:
    """The files the validator reads, keyed by path relative to the KB directory."""
    paths = [directory / "roles.tsv", directory / "organisations.tsv", directory / "titles-cabinet.tsv",
             *(directory / "people").glob("*.people.tsv"), directory / "people" / "cabinet.roles.tsv"]
    return {p.relative_to(directory).as_posix(): p.read_text(encoding="utf-8") for p in paths if p.exists()}


def data_rows(text: str) -> list[list[str]]:
    """Data rows of a TSV text, header and comments dropped."""
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [line.split("\t") for line in lines[1:]]


# ---------------------------------------------------------------------------------------------

def test_cabinet_files_exist():
    assert set(CABINET_FILES) <= set(load_kb())


def test_shipped_cabinet_data_is_consistent():
    problems = validate(load_kb())
    assert problems == [], "\n".join(problems[:50])


def test_cabinet_roles_cover_defence_and_finance_of_g20_and_more():
    offices = {(row[1], row[2]) for row in data_rows(load_kb()["people/cabinet.roles.tsv"])}
    countries = ("ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "MEX", "RUS",
                 "SAU", "ZAF", "KOR", "TUR", "GBR", "USA", "UKR", "POL", "ISR")
    missing = [(role, c) for c in countries for role in ("defence-minister", "finance-minister")
               if (role, c) not in offices]
    assert missing == []


def test_reused_leaders_keys_are_not_redefined():
    files = load_kb()
    leaders = {row[0] for row in data_rows(files.get("people/leaders.people.tsv", ""))}
    cabinet = {row[0] for row in data_rows(files["people/cabinet.people.tsv"])}
    assert leaders & cabinet == set()


def with_provenance(name: str, text: str) -> str:
    """A sample file in the short form (no ``acting``, ``source``, ``taken``) in the shipped form:
    hand-written provenance on every row, an empty ``acting`` before a role row's note."""
    if name == "roles.tsv":
        return text
    lines = []
    for number, line in enumerate(text.splitlines()):
        fields = line.split("\t")
        if name.endswith(".roles.tsv"):
            fields.insert(len(fields) - 1, "acting" if number == 0 else "")
        lines.append("\t".join(fields + (["source", "taken"] if number == 0 else ["editorial", "2026-01-02"])))
    return "\n".join(lines) + "\n"


def upgraded(files: dict[str, str]) -> dict[str, str]:
    return {name: with_provenance(name, text) for name, text in files.items()}


GOOD = {
    "roles.tsv": "role\tdescription\ndefence-minister\tDefence\n",
    "organisations.tsv": "key\tname\tacronyms\taliases\tkind\tcountry\tqid\tenwiki\n"
                         "imf\tInternational Monetary Fund\tIMF\t\tintergovernmental\t\t\tInternational_Monetary_Fund\n",
    "people/cabinet.people.tsv": "key\tname\tqid\tenwiki\taliases\n"
                                "anna-nowak\tAnna Nowak\tQ1\tAnna_Nowak\ttranslit:Anna Novak\n"
                                "jan-kowal\tJan Kowal\t\tJan_Kowal\t\n",
    "people/cabinet.roles.tsv": "person\trole\tof\tstart\tend\ttitle\tnote\n"
                                "anna-nowak\tdefence-minister\tPOL\t2001-05\t2003-02-01\tMinister of Defence\t\n"
                                "jan-kowal\tdefence-minister\tPOL\t2003-02\t\tMinister of Defence\t\n"
                                "jan-kowal\tpresident\timf\t2001\t2002\tManaging Director\tacting\n",
    "titles-cabinet.tsv": "title\trole\tof\tnote\nDefence Minister\tdefence-minister\t*\t\n",
}


def test_validator_accepts_good_sample():
    assert validate(upgraded(GOOD)) == []


def test_validator_reports_an_overlapping_bad_row():
    files = dict(GOOD)
    files["people/cabinet.roles.tsv"] += "anna-nowak\tdefence-minister\tPOL\t2010-01-01\t\tMinister of Defence\t\n"
    problems = validate(upgraded(files))
    assert any("overlaps" in p for p in problems), problems


def test_validator_reports_broken_fields():
    files = dict(GOOD)
    files["people/cabinet.roles.tsv"] += ("ghost\tdefence-ministre\tXXX\t2004-13\t\tMinister\t\n"
                                          "jan-kowal\tpresident\tunknown-org\t2005\t2004\tChair\t\n")
    files["people/cabinet.people.tsv"] += "jan-kowal\tJan Kowal\tQ12x\tJan Kowal\tEva\n"
    files["people/leaders.people.tsv"] = "key\tname\tqid\tenwiki\taliases\nanna-nowak\tAnna Nowakowa\tQ1\tAnna_Nowak\t\n"
    text = "\n".join(validate(upgraded(files)))
    for expected in ("unknown person", "unknown role", "bad of 'XXX'", "bad date", "bad of 'unknown-org'",
                     "after end", "duplicate key", "bad qid", "enwiki", "bad alias", "has name/qid"):
        assert expected in text, expected


def test_marked_overlap_is_allowed():
    files = dict(GOOD)
    files["people/cabinet.roles.tsv"] += ("anna-nowak\tdefence-minister\tPOL\t2010-01-01\t\tMinister of Defence\t"
                                          "co-holder with Jan Kowal\n")
    assert validate(upgraded(files)) == []


def test_wrong_column_count_is_reported():
    files = dict(GOOD)
    files["titles-cabinet.tsv"] += "Defense Minister\tdefence-minister\t*\n"
    assert any("5 columns" in p for p in validate(upgraded(files)))
