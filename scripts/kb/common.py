"""Shared parts of the converters that turn an open dataset into shipped knowledge rows.

The shipped knowledge base (``src/copydesk/data/kb``, see ``docs/knowledge-data.md``) is mostly
hand-written (``source`` = ``editorial``). A converter adds rows taken from a dataset, in files of
its own (``people/<name>.people.tsv`` and ``people/<name>.roles.tsv``), and fits them to the
hand-written files:

1. ``PeopleIndex.load`` reads every other ``people/*.people.tsv``; ``PeopleIndex.match`` finds the
   shipped person of a dataset person by QID first, then by English Wikipedia title. A matched
   person keeps its key and name and is not written again; an unmatched one gets a new row whose
   key is ``slug_key(enwiki)``.
2. ``write_tsv`` writes the converter's files: a ``#`` header naming the source, the column line,
   and the rows, each ending with ``source`` and ``taken``.
3. ``fill_qids`` writes a QID the dataset knows into the empty ``qid`` cell of a matched person.
4. ``compare_roles`` lists where the hand-written rows of the offices the converter covers
   disagree with the converted ones; ``remove_rows`` then deletes those hand-written rows
   (``covered_rows`` finds them), since the converted file now holds the office. A converter
   that leaves the hand-written offices alone measures instead how far its dataset agrees with
   them: ``compare_spans`` on ``join_terms`` of both sides (``shipped_roles`` reads them).

``write_conversion`` writes both files and fills the QIDs; ``arguments`` and ``run`` are the
command line and error handling every converter shares; ``write_tsv`` keeps a row's own ``source``
(a converted row may be ``wikidata:Q…``).

Edits to other files touch only those cells and lines: comments, order and every other byte stay.

Nothing here runs on its own. Each converter's docstring says how to re-run it; for example
``.venv/bin/python scripts/kb/convert_us_executive.py`` and then
``.venv/bin/python -m pytest -q tests/unit -k kb``.
"""

from __future__ import annotations

import argparse
import calendar
import re
import subprocess
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from copydesk.errors import KnowledgeError
from copydesk.knowledge.sources.tsv import read_tsv

ROOT = Path(__file__).resolve().parents[2]
KB_DIR = ROOT / "src" / "copydesk" / "data" / "kb"
PEOPLE_DIR = KB_DIR / "people"

#: Columns of the shipped files, without the two provenance columns every fact row ends with.
PEOPLE_COLUMNS = ("key", "name", "qid", "enwiki", "aliases")
ROLES_COLUMNS = ("person", "role", "of", "start", "end", "title", "acting", "note")
PROVENANCE_COLUMNS = ("source", "taken")
#: ``source`` of a hand-written row.
EDITORIAL = "editorial"

_QID_RE = re.compile(r"^Q[1-9][0-9]*$")
_DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: Letters that NFKD does not take apart into an ASCII letter and a mark.
_ASCII_LETTERS = str.maketrans({
    "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "þ": "th", "Þ": "Th", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ħ": "h",
})


class ConversionError(Exception):
    """The dataset cannot be fitted to the shipped data without a human decision."""


# --------------------------------------------------------------------------------------------
# reading a dataset from a git snapshot


def git_show(repo: Path, path: str, rev: str = "HEAD") -> str:
    """The text of ``path`` at ``rev`` in the git directory ``repo`` (bare or not)."""
    return _git(repo, "show", f"{rev}:{path}")


def git_commit(repo: Path, rev: str = "HEAD") -> tuple[str, str]:
    """(commit hash, commit day YYYY-MM-DD) of ``rev``."""
    commit, day = _git(repo, "log", "-1", "--format=%H %cs", rev).split()
    return commit, day


def _git(repo: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                              encoding="utf-8", check=True)
    except FileNotFoundError as exc:
        raise ConversionError("git is not installed") from exc
    except subprocess.CalledProcessError as exc:
        raise ConversionError(f"git {' '.join(args)} in {repo}: {exc.stderr.strip()}") from exc
    return done.stdout


# --------------------------------------------------------------------------------------------
# keys and names


def slug_key(enwiki: str) -> str:
    """The key of a person: lowercase ASCII slug of the English Wikipedia title.

    ``Recep_Tayyip_Erdoğan`` -> ``recep-tayyip-erdogan``, ``Wang_Yi_(politician)`` ->
    ``wang-yi-politician``, ``George H. W. Bush`` -> ``george-h-w-bush``.
    """
    key = re.sub(r"[^a-z0-9]+", "-", ascii_form(enwiki).lower()).strip("-")
    if not key:
        raise ConversionError(f"no key can be made from {enwiki!r}")
    return key


def ascii_form(text: str) -> str:
    """``text`` without diacritics, in plain ASCII: ``Abdullah Gül`` -> ``Abdullah Gul``
    (the ``translit:`` alias the shipped files give a name with diacritics)."""
    text = unicodedata.normalize("NFKD", text.translate(_ASCII_LETTERS))
    return text.encode("ascii", "ignore").decode("ascii")


def enwiki_title(title: str) -> str:
    """A Wikipedia title as the shipped ``enwiki`` column writes it (underscores for spaces)."""
    return "_".join(title.strip().split())


def title_name(enwiki: str) -> str:
    """The name a Wikipedia title gives, without its disambiguation: ``Al_Gore`` -> ``Al Gore``."""
    return re.sub(r"\s*\([^)]*\)$", "", enwiki.replace("_", " ")).strip()


# --------------------------------------------------------------------------------------------
# the shipped people


@dataclass(frozen=True)
class Person:
    """A row of a shipped ``people/*.people.tsv``."""

    key: str
    name: str
    qid: str
    enwiki: str
    path: Path


@dataclass
class PeopleIndex:
    """The shipped people, by key, QID and English Wikipedia title."""

    by_key: dict[str, Person] = field(default_factory=dict)
    by_qid: dict[str, Person] = field(default_factory=dict)
    by_enwiki: dict[str, Person] = field(default_factory=dict)

    @classmethod
    def load(cls, people_dir: Path = PEOPLE_DIR, exclude: Iterable[Path] = ()) -> PeopleIndex:
        """Every ``*.people.tsv`` of ``people_dir`` except ``exclude`` (the converter's output)."""
        skip = {Path(p).resolve() for p in exclude}
        index = cls()
        for path in sorted(people_dir.glob("*.people.tsv")):
            if path.resolve() in skip:
                continue
            for _, row in read_tsv(path):
                index.add(Person(row["key"], row["name"], row["qid"], row["enwiki"], path))
        return index

    def add(self, person: Person) -> None:
        # one person may be in several files (same key, name and QID): the first row is kept
        self.by_key.setdefault(person.key, person)
        if person.qid:
            self.by_qid.setdefault(person.qid, person)
        if person.enwiki:
            self.by_enwiki.setdefault(person.enwiki, person)

    def match(self, qid: str = "", enwiki: str = "") -> Person | None:
        """The shipped person with this QID, else with this English Wikipedia title.

        A person found by title whose QID differs from ``qid`` is a conflict, not a match.
        """
        if qid and qid in self.by_qid:
            return self.by_qid[qid]
        person = self.by_enwiki.get(enwiki_title(enwiki)) if enwiki else None
        if person and qid and person.qid and person.qid != qid:
            raise ConversionError(f"{enwiki}: the dataset says {qid}, {person.path.name} says "
                                  f"{person.qid} for {person.key}")
        return person


# --------------------------------------------------------------------------------------------
# writing the converter's files


def write_tsv(path: Path, comments: Sequence[str], columns: Sequence[str],
              rows: Iterable[dict[str, str] | str], *, source: str, taken: str) -> int:
    """Write a shipped TSV: ``#`` comment lines, the column line (with ``source`` and ``taken``
    appended), then the rows, each given ``source`` and ``taken``; a row that has a ``source``
    of its own (``wikidata:Q…``) keeps it. A ``str`` among ``rows`` is written as a ``#``
    comment (a section heading). Returns the number of rows written."""
    if not _DAY_RE.match(taken):
        raise ConversionError(f"taken must be a day YYYY-MM-DD: {taken!r}")
    lines = [_comment(text) for text in comments]
    lines.append("\t".join([*columns, *PROVENANCE_COLUMNS]))
    count = 0
    for row in rows:
        if isinstance(row, str):
            lines.append(_comment(row))
            continue
        own = row.get("source", source)
        if set(row) - {"source"} != set(columns) or not own:
            raise ConversionError(f"{path.name}: row has columns {sorted(row)}, not {columns} "
                                  "and a source")
        fields = [*(row[c] for c in columns), own, taken]
        for value in fields:
            if "\t" in value or "\n" in value or "\r" in value or value != value.strip():
                raise ConversionError(f"{path.name}: field {value!r} has a tab, newline or "
                                      "surrounding space")
        lines.append("\t".join(fields))
        count += 1
    _write(path, "\n".join(lines) + "\n")
    return count


def output_paths(people_dir: Path, name: str) -> tuple[Path, Path]:
    """A converter's two files: ``<name>.people.tsv`` and ``<name>.roles.tsv``."""
    return people_dir / f"{name}.people.tsv", people_dir / f"{name}.roles.tsv"


def write_conversion(people_dir: Path, name: str, header: Callable[[str], list[str]],
                     scopes: tuple[str, str], result: Converted, *, source: str,
                     taken: str) -> None:
    """Write a converter's people and roles files, then fill the QIDs it found into the
    people of the other files. Each file opens with its line of ``scopes`` and ``header``'s
    lines, given what the file says of the people of the other."""
    people_path, roles_path = output_paths(people_dir, name)
    write_tsv(people_path, [scopes[0], *header("(the others keep their row there).")],
              PEOPLE_COLUMNS, result.people, source=source, taken=taken)
    write_tsv(roles_path, [scopes[1], *header(f"(their people: {people_path.name} or another "
                                              "file).")],
              ROLES_COLUMNS, result.roles, source=source, taken=taken)
    fill_qids(result.qids, people_dir, exclude=(people_path, roles_path))


class Converted(Protocol):
    """What a converter's ``convert`` gives ``write_conversion``."""

    people: list[dict[str, str]]
    roles: list[dict[str, str] | str]
    qids: dict[str, str]


def arguments(doc: str, repo: Path, dataset: str) -> argparse.ArgumentParser:
    """A converter's command line: ``--repo`` (the git directory of ``dataset``, default
    ``repo``), ``--people-dir`` and ``--dry-run``; the converter adds its own."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--repo", type=Path, default=repo,
                        help=f"git directory of {dataset} (bare is fine)")
    parser.add_argument("--people-dir", type=Path, default=PEOPLE_DIR,
                        help="the shipped people/ directory to write into")
    parser.add_argument("--dry-run", action="store_true", help="print, write nothing")
    return parser


def run(name: str, body: Callable[[], int]) -> int:
    """Run a converter's ``main``: a ConversionError or KnowledgeError is a message and 1."""
    try:
        return body()
    except (ConversionError, KnowledgeError) as exc:
        print(f"{name}: {exc}", file=sys.stderr)
        return 1


def _comment(text: str) -> str:
    if "\n" in text:
        raise ConversionError(f"one line per comment: {text!r}")
    return f"# {text}".rstrip()


# --------------------------------------------------------------------------------------------
# editing the other shipped files in place


@dataclass(frozen=True)
class Row:
    """A data row of a shipped file and where it is."""

    path: Path
    line: int
    fields: dict[str, str]


def fill_qids(qids: dict[str, str], people_dir: Path = PEOPLE_DIR,
              exclude: Iterable[Path] = ()) -> list[Row]:
    """Write ``qids[key]`` into the empty ``qid`` cell of each row of that person.

    Only that cell changes. A different QID already there is a ConversionError. Returns the
    rows as they were before the edit.
    """
    for key, qid in qids.items():
        if not _QID_RE.match(qid):
            raise ConversionError(f"{key}: bad QID {qid!r}")
    skip = {Path(p).resolve() for p in exclude}
    filled: list[Row] = []
    for path in sorted(people_dir.glob("*.people.tsv")):
        if path.resolve() in skip:
            continue
        edits: dict[int, dict[str, str]] = {}
        for number, row in read_tsv(path):
            qid = qids.get(row["key"])
            if not qid or row["qid"] == qid:
                continue
            if row["qid"]:
                raise ConversionError(f"{path.name}:{number}: {row['key']} has {row['qid']}, "
                                      f"the dataset says {qid}")
            filled.append(Row(path, number, dict(row)))
            edits[number] = {"qid": qid}
        _edit_lines(path, edits)
    return filled


def covered_rows(offices: set[tuple[str, str]], roles_dir: Path = PEOPLE_DIR,
                 exclude: Iterable[Path] = (), source: str = EDITORIAL) -> list[Row]:
    """The role rows of ``source`` (hand-written by default) for these (role, of) offices."""
    skip = {Path(p).resolve() for p in exclude}
    found = []
    for path in sorted(roles_dir.glob("*.roles.tsv")):
        if path.resolve() in skip:
            continue
        for number, row in read_tsv(path):
            if (row["role"], row["of"]) in offices and row.get("source") == source:
                found.append(Row(path, number, dict(row)))
    return found


def remove_rows(rows: Iterable[Row]) -> int:
    """Delete these rows (as ``covered_rows`` found them) from their files; nothing else moves."""
    by_path: dict[Path, set[int]] = {}
    for row in rows:
        by_path.setdefault(row.path, set()).add(row.line)
    removed = 0
    for path, numbers in by_path.items():
        lines = _read_lines(path)
        kept = [line for number, line in enumerate(lines, 1) if number not in numbers]
        removed += len(lines) - len(kept)
        _write(path, "".join(kept))
    return removed


def shipped_roles(roles_dir: Path = PEOPLE_DIR, exclude: Iterable[Path] = ()) -> list[Row]:
    """Every role row of the ``*.roles.tsv`` of ``roles_dir`` except ``exclude``."""
    skip = {Path(p).resolve() for p in exclude}
    return [Row(path, number, dict(row)) for path in sorted(roles_dir.glob("*.roles.tsv"))
            if path.resolve() not in skip for number, row in read_tsv(path)]


def compare_roles(old: Iterable[dict[str, str]], new: Iterable[dict[str, str]]) -> list[str]:
    """Where the hand-written role rows ``old`` and the converted rows ``new`` of the same
    offices disagree, one sentence each: a row only one side has, or a start, end, title,
    acting or note that differs. Rows are paired by person and office, on the same start or
    else on overlapping dates."""
    unmatched = list(new)
    out = []
    for row in old:
        same = [r for r in unmatched if _same_office(r, row) and r["start"] == row["start"]]
        same = same or [r for r in unmatched if _same_office(r, row) and _overlap(r, row)]
        if not same:
            out.append(f"only the editorial rows have {_describe(row)}")
            continue
        match = same[0]
        unmatched.remove(match)
        for column in ("start", "end", "title", "acting", "note"):
            if row.get(column, "") != match.get(column, ""):
                out.append(f"{_describe(row)}: {column} is {row.get(column, '')!r} in the "
                           f"editorial row, {match.get(column, '')!r} in the dataset")
    out.extend(f"only the dataset has {_describe(row)}" for row in unmatched)
    return out


@dataclass
class SpanComparison:
    """How the role rows of two sources for the same offices line up, person by person:
    ``matched`` pairs whose spans overlap (``differ``: those of them whose start or end are more
    than ``tolerance`` days apart, read in the way that gives the least difference), and the
    rows only one side has."""

    matched: list[tuple[dict[str, str], dict[str, str]]] = field(default_factory=list)
    differ: list[str] = field(default_factory=list)
    only_old: list[dict[str, str]] = field(default_factory=list)
    only_new: list[dict[str, str]] = field(default_factory=list)


def compare_spans(old: Iterable[dict[str, str]], new: Iterable[dict[str, str]],
                  tolerance: int = 31) -> SpanComparison:
    """Pair the rows ``old`` (hand-written) and ``new`` (converted) of the same person and
    office whose dates overlap, and count where they differ by more than ``tolerance`` days.
    Unlike ``compare_roles`` a difference of precision alone (``2005`` against ``2005-03-01``)
    is no difference."""
    out = SpanComparison()
    unmatched = list(new)
    for row in old:
        same = [r for r in unmatched if _same_office(r, row) and _spans_overlap(r, row)]
        if not same:
            out.only_old.append(row)
            continue
        match = min(same, key=lambda r: _gap(r["start"], row["start"]))
        unmatched.remove(match)
        out.matched.append((row, match))
        for column in ("start", "end"):
            gap = _gap(row[column], match[column])
            if gap > tolerance:
                apart = "open against a date" if gap == OPEN_GAP else f"{gap} days"
                out.differ.append(f"{_describe(row)}: {column} {row[column] or 'open'} in the "
                                  f"editorial row, {match[column] or 'open'} in the dataset "
                                  f"({apart})")
    out.only_new.extend(unmatched)
    return out


def join_terms(rows: Iterable[dict[str, str]], tolerance: int = 31) -> list[dict[str, str]]:
    """Consecutive rows of one person and office (the next starting within ``tolerance``
    days of the end of the one before) as one row from the first start to the last end: two
    sources that split a tenure into terms differently can then be compared."""
    groups: dict[tuple[str, str, str], list[dict[str, str]]] = {}
    for row in rows:
        groups.setdefault((row["person"], row["role"], row["of"]), []).append(row)
    out = []
    for group in groups.values():
        group.sort(key=lambda r: date_bounds(r["start"])[0])
        current = dict(group[0])
        for row in group[1:]:
            if current["end"] and _gap(current["end"], row["start"]) <= tolerance:
                if not row["end"] or _later(row["end"], current["end"]):
                    current["end"] = row["end"]
                continue
            if not current["end"]:
                continue  # an open row already covers it
            out.append(current)
            current = dict(row)
        out.append(current)
    return out


def _later(a: str, b: str) -> bool:
    return date_bounds(a)[1] > date_bounds(b)[1]


#: ``_gap`` of an open end and a date.
OPEN_GAP = 10**6


def date_bounds(value: str) -> tuple[date, date]:
    """The first and last day a ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` date can mean."""
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
    day = date(*parts)
    return day, day


def _gap(a: str, b: str) -> int:
    """Days between two partial dates, the least they can mean; ``OPEN_GAP`` when one is empty
    (open) and the other is not."""
    if not a or not b:
        return 0 if a == b else OPEN_GAP
    (a_first, a_last), (b_first, b_last) = date_bounds(a), date_bounds(b)
    return max((b_first - a_last).days, (a_first - b_last).days, 0)


def _spans_overlap(a: dict[str, str], b: dict[str, str]) -> bool:
    """The spans of two rows can share a day (partial dates read the widest way)."""
    a_first, b_first = date_bounds(a["start"])[0], date_bounds(b["start"])[0]
    a_last = date_bounds(a["end"])[1] if a["end"] else date.max
    b_last = date_bounds(b["end"])[1] if b["end"] else date.max
    return a_first <= b_last and b_first <= a_last


def _same_office(a: dict[str, str], b: dict[str, str]) -> bool:
    return (a["person"], a["role"], a["of"]) == (b["person"], b["role"], b["of"])


def _overlap(a: dict[str, str], b: dict[str, str]) -> bool:
    return a["start"] < (b["end"] or "9999") and b["start"] < (a["end"] or "9999")


def _describe(row: dict[str, str]) -> str:
    return f"{row['person']} {row['role']} {row['of']} {row['start']}–{row['end'] or '…'}"


def _edit_lines(path: Path, edits: dict[int, dict[str, str]]) -> None:
    """Set cells of some lines (line number -> {column: value}); every other byte is kept."""
    if not edits:
        return
    lines = _read_lines(path)
    header = next(line.rstrip("\r\n").split("\t") for line in lines
                  if line.strip() and not line.startswith("#"))
    for number, cells in edits.items():
        body = lines[number - 1].rstrip("\r\n")
        ending = lines[number - 1][len(body):]
        fields = body.split("\t")
        for column, value in cells.items():
            fields[header.index(column)] = value
        lines[number - 1] = "\t".join(fields) + ending
    _write(path, "".join(lines))



def _read_lines(path: Path) -> list[str]:
    """The lines of a file with their endings; only ``\\n`` ends a line (not ``\\r`` or U+2028)."""
    with open(path, encoding="utf-8", newline="\n") as handle:
        return handle.readlines()


def _write(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
