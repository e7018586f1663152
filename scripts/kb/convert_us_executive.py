"""Convert the US presidents and vice-presidents of ``executive.yaml`` (unitedstates/
congress-legislators, https://github.com/unitedstates/congress-legislators, CC0 1.0) into
shipped knowledge rows.

Writes ``src/copydesk/data/kb/people/us-executive.people.tsv`` and ``us-executive.roles.tsv``:
every president and vice-president whose time in office ends on or after 1989-01-20
(``--since``). A president's tenure gives a ``head-of-state`` and a ``head-of-government`` row
of ``USA``, a vice-president's a ``vice-president`` row; consecutive terms of one office are one
row (as the hand-written rows write Obama's two terms); a term that ends after the snapshot's
commit day is current and has an empty end. Every row has ``source``
``congress-legislators:executive.yaml`` and ``taken`` = that commit day.

People already in another ``people/*.people.tsv`` (same QID, else same English Wikipedia title)
keep their key and name there and are not written again; an empty ``qid`` of theirs is filled
in place. The hand-written (``editorial``) rows of the offices this file covers are removed, after
the converter prints where they disagree with the dataset.

Re-run (needs git and PyYAML, which ``requirements.lock`` pins)::

    git clone --bare https://github.com/unitedstates/congress-legislators /tmp/cl.git
    .venv/bin/python scripts/kb/convert_us_executive.py --repo /tmp/cl.git
    .venv/bin/python -m pytest -q tests/unit -k kb
    git diff src/copydesk/data/kb   # review, then commit

``--dry-run`` prints what would change and writes nothing. A person the dataset names without a
Wikidata or Wikipedia id stops the run until it is added to ``IDENTITY`` below.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

import yaml

# scripts/kb is not a package: common.py is found next to this file
sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (
    ConversionError,
    PeopleIndex,
    arguments,
    compare_roles,
    covered_rows,
    enwiki_title,
    git_commit,
    git_show,
    output_paths,
    remove_rows,
    run,
    slug_key,
    title_name,
    write_conversion,
)

DEFAULT_REPO = Path("/work/.mirror/unitedstates+congress-legislators/repo")
SOURCE_FILE = "executive.yaml"
SOURCE = "congress-legislators:executive.yaml"
URL = "https://github.com/unitedstates/congress-legislators"
OUTPUT = "us-executive"
SINCE = "1989-01-20"
COUNTRY = "USA"

#: term type -> the (role, title) rows one tenure gives, and the heading of its section.
OFFICES = {
    "prez": ((("head-of-state", "President of the United States"),
              ("head-of-government", "President of the United States")), "President"),
    "viceprez": ((("vice-president", "Vice President of the United States"),),
                 "Vice President"),
}
#: The (role, of) offices this file holds: hand-written rows for them are superseded.
COVERED = {(role, COUNTRY) for rows, _ in OFFICES.values() for role, _ in rows}
#: How a tenure began, when not by election.
HOW = {"succession": "succeeded to the office", "appointment": "appointed to the office"}
ORDINALS = ("first", "second", "third", "fourth")

#: English Wikipedia title and QID (empty when not certain) of the people executive.yaml gives
#: no ``wikipedia``/``wikidata`` id, by their GovTrack id. Editorial: checked by hand.
IDENTITY: dict[int, tuple[str, str]] = {
    412372: ("Ronald_Reagan", "Q9960"),
    402108: ("George_H._W._Bush", "Q23505"),
    408970: ("Dan_Quayle", ""),
    412374: ("Bill_Clinton", "Q1124"),
    404679: ("Al_Gore", "Q19673"),
}


@dataclass
class Conversion:
    """What the dataset gives: new people rows, role rows (with ``#`` section headings as
    strings), the QIDs to fill into shipped people (key -> QID), and notes for the operator."""

    people: list[dict[str, str]] = field(default_factory=list)
    roles: list[dict[str, str] | str] = field(default_factory=list)
    qids: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def role_rows(self) -> list[dict[str, str]]:
        return [row for row in self.roles if isinstance(row, dict)]


@dataclass(frozen=True)
class Tenure:
    start: str
    end: str
    terms: int
    how: str


def parse(text: str) -> list[dict]:
    """The records of ``executive.yaml``."""
    records = yaml.safe_load(text)
    if not isinstance(records, list):
        raise ConversionError(f"{SOURCE_FILE}: expected a list of people")
    return records


def convert(records: list[dict], people: PeopleIndex, *, snapshot_day: str,
            since: str = SINCE, identity: dict[int, tuple[str, str]] | None = None) -> Conversion:
    """Rows for every president and vice-president whose tenure ends on or after ``since``.

    ``people``: the shipped people to match against (``PeopleIndex()`` for none).
    ``snapshot_day``: the day the data was taken; a term ending later is current (empty end), a
    term starting later is left out. Pure: reads and writes no file.
    """
    identity = IDENTITY if identity is None else identity
    out = Conversion()
    sections: dict[str, list[tuple[str, dict[str, str]]]] = {kind: [] for kind in OFFICES}
    new_keys: dict[str, str] = {}
    for record in records:
        tenures = {kind: _tenures(record, kind, snapshot_day, since, out.notes)
                   for kind in OFFICES}
        if not any(tenures.values()):
            continue
        key = _person(record, people, identity, out, new_keys)
        for kind, found in tenures.items():
            rows, _ = OFFICES[kind]
            single_terms = all(t.terms == 1 for t in found)
            for number, tenure in enumerate(found):
                notes = []
                if tenure.how != "election":
                    notes.append(HOW.get(tenure.how, f"took office by {tenure.how}"))
                if len(found) > 1:
                    notes.append(f"{ORDINALS[number]} {'term' if single_terms else 'tenure'}")
                end = "" if tenure.end > snapshot_day else tenure.end
                for role, title in rows:
                    sections[kind].append((tenure.start, {
                        "person": key, "role": role, "of": COUNTRY, "start": tenure.start,
                        "end": end, "title": title, "acting": "", "note": "; ".join(notes)}))
    for kind, (_, heading) in OFFICES.items():
        if sections[kind]:
            out.roles.append(f"United States: {heading}")
            out.roles.extend(row for _, row in sorted(sections[kind], key=lambda item: item[0]))
    out.people.sort(key=lambda row: row["key"])
    return out


def _tenures(record: dict, kind: str, snapshot_day: str, since: str,
             notes: list[str]) -> list[Tenure]:
    """The terms of one office, consecutive ones merged, that end on or after ``since``."""
    terms = sorted((_day(t["start"]), _day(t["end"]), t.get("how", "election"))
                   for t in record.get("terms", []) if t.get("type") == kind)
    tenures: list[Tenure] = []
    for start, end, how in terms:
        if start > snapshot_day:
            notes.append(f"{_label(record)}: {kind} term from {start} has not begun by "
                         f"{snapshot_day}; left out")
            continue
        if tenures and tenures[-1].end == start:
            last = tenures[-1]
            tenures[-1] = Tenure(last.start, end, last.terms + 1, last.how)
        else:
            tenures.append(Tenure(start, end, 1, how))
    return [t for t in tenures if t.end >= since]


def _person(record: dict, people: PeopleIndex, identity: dict[int, tuple[str, str]],
            out: Conversion, new_keys: dict[str, str]) -> str:
    """The key of the record's person: a shipped person's, or a new row's (added to ``out``)."""
    ids = record.get("id", {})
    qid = str(ids.get("wikidata") or "")
    enwiki = enwiki_title(str(ids.get("wikipedia") or ""))
    if not qid and not enwiki and ids.get("govtrack") in identity:
        enwiki, qid = identity[ids["govtrack"]]
    if not enwiki and not qid:
        raise ConversionError(f"{_label(record)} (govtrack {ids.get('govtrack')}) has no "
                              "Wikidata or Wikipedia id: add them to IDENTITY")
    shipped = people.match(qid, enwiki)
    if shipped:
        if qid and not shipped.qid:
            out.qids[shipped.key] = qid
        return shipped.key
    if not enwiki:
        raise ConversionError(f"{_label(record)} ({qid}) is not shipped and has no Wikipedia "
                              "title to make a key from: add it to IDENTITY")
    key = slug_key(enwiki)
    if key in people.by_key or key in new_keys:
        other = people.by_key.get(key) or new_keys[key]
        raise ConversionError(f"{_label(record)}: key {key} is already {other}")
    name = title_name(enwiki)
    new_keys[key] = name
    out.people.append({"key": key, "name": name, "qid": qid, "enwiki": enwiki,
                       "aliases": _aliases(record.get("name", {}), name)})
    return key


def _aliases(parts: dict, name: str) -> str:
    """``full:`` the full name (first, middle, last, suffix) when it is not ``name``, and
    ``short:`` the dataset's official name when it is neither."""
    full = " ".join(str(parts[p]) for p in ("first", "middle", "last", "suffix") if parts.get(p))
    aliases = [f"full:{full}"] if full and full != name else []
    official = str(parts.get("official_full") or "")
    if official and official not in (name, full):
        aliases.append(f"short:{official}")
    return "|".join(aliases)


def _label(record: dict) -> str:
    parts = record.get("name", {})
    return " ".join(str(parts[p]) for p in ("first", "last") if parts.get(p)) or "?"


def _day(value: object) -> str:
    """A term date as YYYY-MM-DD (YAML gives a date when the value is not quoted)."""
    text = value.isoformat() if isinstance(value, date) else str(value)
    date.fromisoformat(text)  # raises on a malformed date
    return text


def header(commit: str, day: str, what: str) -> list[str]:
    """The ``#`` lines that open both files: what they hold and where it comes from."""
    return [
        f"{what} Do not edit by hand:",
        f"converted by scripts/kb/convert_us_executive.py from {SOURCE_FILE} of the",
        f"unitedstates/congress-legislators project ({URL}),",
        f"commit {commit} of {day}, licence CC0 1.0.",
        "source: the dataset; taken: the day of that commit. The enwiki and qid of the people",
        f"{SOURCE_FILE} gives no id for come from the converter's IDENTITY table (editorial).",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = arguments(__doc__, DEFAULT_REPO, "unitedstates/congress-legislators")
    parser.add_argument("--since", default=SINCE, help="first day of the scope (YYYY-MM-DD)")
    args = parser.parse_args(argv)
    return run("convert_us_executive", lambda: _convert_and_write(args))


def _convert_and_write(args: argparse.Namespace) -> int:
    """The run ``main`` asks for: convert, print, and unless ``--dry-run`` write."""
    commit, day = git_commit(args.repo)
    records = parse(git_show(args.repo, SOURCE_FILE))
    ours = output_paths(args.people_dir, OUTPUT)
    result = convert(records, PeopleIndex.load(args.people_dir, exclude=ours),
                     snapshot_day=day, since=args.since)
    superseded = covered_rows(COVERED, args.people_dir, exclude=ours)
    disagreements = compare_roles([row.fields for row in superseded], result.role_rows())
    print(f"{SOURCE_FILE} at {commit} ({day}): {len(result.people)} new people, "
          f"{len(result.role_rows())} role rows, {len(result.qids)} QIDs to fill, "
          f"{len(superseded)} editorial rows superseded")
    for line in [*result.notes, *disagreements]:
        print(f"  {line}")
    for row in superseded:
        print(f"  remove {row.path.name}:{row.line}: {' '.join(row.fields.values())}")
    for key, qid in sorted(result.qids.items()):
        print(f"  fill {key} qid {qid}")
    if args.dry_run:
        return 0
    scope = f"US presidents and vice-presidents in office on or after {args.since}"
    write_conversion(args.people_dir, OUTPUT, partial(header, commit, day),
                     (f"{scope} who are in no other people file", f"Offices of the {scope}"),
                     result, source=SOURCE, taken=day)
    remove_rows(superseded)
    return 0


if __name__ == "__main__":
    sys.exit(main())
