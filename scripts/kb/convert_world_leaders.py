"""Convert the heads of state and government of the UN member states, as Wikidata records them,
into shipped knowledge rows.

The source is ``data/leaders_history.csv`` of cfmessias/geografia
(https://github.com/cfmessias/geografia): the raw output of Wikidata SPARQL queries
(``scripts/fetch_leaders.py`` there) that take, for each country item, its head of government
(P6) and head of state (P35) statements, and, where those give little history, the office-held
(P39) statements of the offices the country names as held by its head of government (P1313) or
head of state (P1906), or of offices that are a subclass of head of state (Q48352) and apply to
the country. Wikidata is CC0 1.0 and the repository adds nothing of its own to those rows (it has
no licence), so the rows are shipped as Wikidata facts: ``source`` = ``wikidata:<person QID>``,
``taken`` = the day of the repository's commit.

Writes ``src/copydesk/data/kb/people/world-leaders.people.tsv`` and ``world-leaders.roles.tsv``:
every ``head-of-state`` and ``head-of-government`` tenure of a UN member state (a ``country`` of
``places.tsv`` other than the Holy See) that ends on or after 2000-01-01 or is open. A president
of a presidential system has both rows, as the source gives them.

The source's weaknesses and what is done about them:

- Person labels are Portuguese first ("Isabel II"). A person is shipped under a new key only when
  the source's label is an English name by a verification list: the English label it gives the
  same QID, the title of the person's English Wikipedia article, or either of them without some
  of its diacritics (``english_name``). A person already shipped (the same QID, else the same
  English Wikipedia title, else the same name with a row of the same office) keeps their key and
  name, and an empty ``qid`` of theirs is filled. Everyone else is left out, counted by reason.
- Dates carry no precision (a year comes out as YYYY-01-01). A date on the first of January is
  written ``YYYY``, one on the first of another month ``YYYY-MM``, unless the verification list
  gives that same day for the person's tenure of the office. A tenure whose start or end is more
  than 31 days from the verification list's (from the nearest day a year or a month there can
  mean) is left out.
- Acting holders are not flagged and deprecated statements are not filtered. Two rows of one
  office that overlap by more than three days: when one of them lasts less than 120 days it is
  flagged ``acting`` (and left out when it lasts less than a week), else the later one gets the
  note "overlap in source"; the members of a collective head of state (``COLLECTIVE``) get a
  ``co-holder`` note instead. A head of state the verification list has as governor-general is
  left out.
- The same tenure often comes twice (an open statement on the country item, closed office-held
  statements a term each): an open row that starts with a closed one repeats it; rows of one
  person and office that still overlap are one, with the start and end the verification list
  confirms. Consecutive terms stay separate rows.
- A row without a start takes the start of another statement of the same person and office,
  else the end of its predecessor in the office (noted "start inferred from the predecessor's
  end"), when the verification list has the person in the office from within 31 days of it
  (``infer_start``); otherwise it is left out. Nearly all of them have no end either (undated
  head-of-state and head-of-government statements of past holders), and such an open row has a
  predecessor only when no other holder starts after the office's last end. Rows with an
  "unknown value" date are left out, and so are open rows that start before 1990 unless the
  verification list has them open from the same start.

The verification list is the office-holder tables of the every-politician-scrapers / Peppercat
project (Wikidata output too, with English labels, Wikidata date precision and English Wikipedia
titles; its site states CC BY-NC for its data, so nothing of it is shipped except what Wikidata
itself gives: a label check, a date check, an ``enwiki`` sitelink, the short English label of the
position for the title, and the person's gender to read "monarch" as King or Queen). It is read from ``--verification`` (default ``/tmp/scout``:
``peppercat/<slug>.csv``, ``peppercat_repos_2023.csv``, ``eps_target_roles.csv``). Without it the
converter still runs, with fewer checks: only people already shipped are converted, every date on
the first of a month loses its day, and titles are generic; it says so, and that output is not
meant to be committed.

Offices that other files already hold (any row of that role and country in another
``people/*.roles.tsv``: the hand-written ``leaders`` and ``cabinet`` files, ``us-executive``) are
left to them; the converter prints how the Wikidata rows compare with theirs.

Re-run (needs git)::

    git clone --bare https://github.com/cfmessias/geografia /tmp/geografia.git
    .venv/bin/python scripts/kb/convert_world_leaders.py --repo /tmp/geografia.git
    .venv/bin/python -m pytest -q tests/unit -k kb
    git diff src/copydesk/data/kb   # review, then commit

``--dry-run`` prints what would change and writes nothing; ``--report FILE`` writes every left-out
row, overlap and comparison line to FILE.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial
from pathlib import Path

from copydesk.knowledge.sources.tsv import read_tsv

# scripts/kb is not a package: common.py is found next to this file
sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (
    EDITORIAL,
    KB_DIR,
    ConversionError,
    PeopleIndex,
    SpanComparison,
    arguments,
    ascii_form,
    compare_spans,
    date_bounds,
    enwiki_title,
    git_commit,
    git_show,
    join_terms,
    output_paths,
    run,
    shipped_roles,
    slug_key,
    title_name,
    write_conversion,
)

DEFAULT_REPO = Path("/work/.mirror/cfmessias+geografia/repo")
SOURCE_FILE = "data/leaders_history.csv"
URL = "https://github.com/cfmessias/geografia"
VERIFICATION_DIR = Path("/tmp/scout")
OUTPUT = "world-leaders"
SINCE = "2000-01-01"
#: An open tenure that starts before this is a statement without its end, not a current holder.
OPEN_SINCE = "1990-01-01"
ROLES = {"head_of_state": "head-of-state", "head_of_government": "head-of-government"}
GENERIC_TITLES = {"head-of-state": "Head of state of {}",
                  "head-of-government": "Head of government of {}"}
#: The verification list's tenures of a governor-general: kept to recognise them in the source.
GOVERNOR_GENERAL = "governor-general"
#: ``country`` rows of places.tsv that are not UN member states.
NOT_MEMBERS = {"VAT"}
#: Days a date may differ from the verification list's.
TOLERANCE = 31
#: Overlap tolerated at hand-overs (as the shipped-data test reads it).
OVERLAP_DAYS = 3
#: A row shorter than this that overlaps another holder is taken for an acting holder ...
SHORT_DAYS = 120
#: ... and left out when shorter than this.
MIN_ACTING_DAYS = 7
NOTE_ACTING = "overlaps the regular holder in the source; acting or disputed"
NOTE_OVERLAP = "overlap in source"
#: The note of a row whose start the source does not give (see ``infer_start``).
NOTE_INFERRED = "start inferred from the predecessor's end"
#: Offices held by several people at once, and the note their rows get when they overlap.
COLLECTIVE = {
    ("head-of-state", "AND"): "co-holder: Andorra has two co-princes",
    ("head-of-state", "BIH"): "co-holder: the Presidency has three members",
    ("head-of-state", "CHE"): "co-holder: the seven members of the Federal Council are the "
                              "collective head of state",
    ("head-of-state", "SMR"): "co-holder: San Marino has two captains regent",
}
#: The verification list's snapshot: an open tenure there was open on this day.
VERIFIED_ON = "2023-01-01"
#: Source statements read and found wrong, with why (editorial): (person QID, role, ISO3).
ERRATA = {
    ("Q5680106", "head-of-state", "NER"): "a claim of the government deposed on 2023-07-26; "
    "power passed to the junta of Abdourahamane Tchiani, which the source does not give",
}

_SOURCE_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T00:00:00Z$")
_UNKNOWN = "unknown"  # a date that is Wikidata's "unknown value"
_MALFORMED = "malformed"


class Drop(Exception):
    """A row or person left out, with the reason as its message."""


# --------------------------------------------------------------------------------------------
# the source


@dataclass(frozen=True)
class SourceRow:
    """One line of ``leaders_history.csv`` (``line``: its number, the header is 1)."""

    line: int
    iso3: str
    role: str
    label: str
    qid: str
    start: str
    end: str


def parse(text: str) -> list[SourceRow]:
    """The rows of ``leaders_history.csv``."""
    reader = csv.DictReader(io.StringIO(text))
    wanted = {"iso3", "role", "person", "person_qid", "start", "end"}
    if not wanted <= set(reader.fieldnames or ()):
        raise ConversionError(f"{SOURCE_FILE}: expected the columns {sorted(wanted)}, "
                              f"found {reader.fieldnames}")
    return [SourceRow(number, r["iso3"].strip(), r["role"].strip(), r["person"].strip(),
                      r["person_qid"].strip(), r["start"].strip(), r["end"].strip())
            for number, r in enumerate(reader, 2)]


def source_day(value: str) -> str:
    """A source date as ``YYYY-MM-DD``; ``""`` when missing, ``_UNKNOWN`` for Wikidata's
    "unknown value" (a blank node), ``_MALFORMED`` for anything else (a year before 1000, a
    five-digit year)."""
    if not value:
        return ""
    if value.startswith("http://www.wikidata.org/.well-known/genid/"):
        return _UNKNOWN
    match = _SOURCE_DAY.match(value)
    if not match:
        return _MALFORMED
    try:
        return date(*(int(part) for part in match.groups())).isoformat()
    except ValueError:
        return _MALFORMED


# --------------------------------------------------------------------------------------------
# the verification list


@dataclass(frozen=True)
class Tenure:
    """A tenure in the verification list: country, role code, the English label of the
    position, start and end at Wikidata's precision (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, or
    empty)."""

    iso3: str
    role: str
    position: str
    start: str
    end: str


@dataclass
class Verification:
    """What the verification list says of a person QID: English labels, the English Wikipedia
    title, and tenures of heads of state and government."""

    labels: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    enwiki: dict[str, str] = field(default_factory=dict)
    tenures: dict[str, list[Tenure]] = field(default_factory=lambda: defaultdict(list))
    #: QID -> ``male`` or ``female`` (Wikidata's sex or gender), to read "monarch" as a title
    gender: dict[str, str] = field(default_factory=dict)

    def add(self, qid: str, label: str, enwiki: str, tenure: Tenure | None,
            gender: str = "") -> None:
        if label:
            self.labels[qid].add(normal(label))
        if enwiki and qid not in self.enwiki:
            self.enwiki[qid] = enwiki_title(enwiki)
        if gender in ("male", "female"):
            self.gender.setdefault(qid, gender)
        if tenure and tenure not in self.tenures[qid]:
            self.tenures[qid].append(tenure)


def normal(text: str) -> str:
    """NFC, with runs of white space made one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


#: Labels of positions (lowercase, without "of <country>" and parentheses) by role.
_STATE = re.compile(
    r"^(?:(?:federal |interim |transitional )?president(?: of the (?:republic|state|union|"
    r"confederation|federation|presidency|presidential council|state council|sovereignty "
    r"council|transitional council|high council of state))?|king|queen|monarch|emir|amir|"
    r"sultan|emperor|grand duke|(?:sovereign |reigning )?prince|(?:french |episcopal )?"
    r"co-prince|supreme leader|captains? regent|yang di.pertuan agong|druk gyalpo|"
    r"(?:chairman|chair|chairperson) of the (?:presidency|presidential council|sovereignty "
    r"council|state affairs commission|state council)|(?:bosniak |croat |serb )?member of the "
    r"presidency|member of the (?:swiss )?federal council|head of state|beretitenti|pope|"
    r"sovereign)$")
_GOVERNMENT = re.compile(
    r"^(?:(?:interim |acting )?prime minister|premier|(?:federal )?chancellor|taoiseach|"
    r"president of the government|president of the council of ministers|(?:chairman|chair|"
    r"chairperson) of the (?:council of ministers|cabinet of ministers|government)|head of "
    r"government|state counsellor|first minister|chief executive)$")


def position_role(label: str, country_names: Iterable[str]) -> str | None:
    """The role code a verification-list position label names, or None."""
    text = label.lower().replace("_", "-")
    inner = re.search(r"\(([^)]*)\)", text)
    text = re.sub(r"\s*\([^)]*\)", "", text).strip()
    for name in country_names:
        for suffix in (f" of {name.lower()}", f" of the {name.lower()}"):
            text = text.removesuffix(suffix)
    for candidate in (text, inner.group(1).strip() if inner else ""):
        if _STATE.match(candidate):
            return "head-of-state"
        if _GOVERNMENT.match(candidate):
            return "head-of-government"
    return None


#: Jurisdictions whose name in the verification list is neither a name in places.tsv nor one
#: pycountry knows.
_JURISDICTIONS = {"Congo-Brazzaville": "COG", "Congo-Kinshasa": "COD",
                  "Federated States of Micronesia": "FSM"}


def load_verification(directory: Path, places: dict[str, str]) -> Verification | None:
    """The verification list under ``directory``, or None when it is not there.
    ``places``: every name and variant of places.tsv -> ISO3."""
    pages = directory / "peppercat"
    repos = directory / "peppercat_repos_2023.csv"
    if not pages.is_dir() or not repos.is_file():
        return None
    found = Verification()
    slugs = {}
    with open(repos, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            slugs[row["slug"]] = _country(row["country"], places)
    for path in sorted(pages.glob("*.csv")):
        iso3 = slugs.get(path.stem)
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                qid = row.get("personID", "")
                if not qid:
                    continue
                found.add(qid, row.get("person", ""), row.get("enwiki", ""),
                          _tenure(iso3, row.get("position", ""), row, places),
                          row.get("gender", ""))
    roles = directory / "eps_target_roles.csv"
    if roles.is_file():
        by_qid = {}
        with open(repos, encoding="utf-8", newline="") as handle:
            by_qid = {row["id"]: slugs.get(row["slug"]) for row in csv.DictReader(handle)}
        with open(roles, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                iso3 = by_qid.get(row.get("jurisdiction", ""))
                found.add(row.get("personQID", ""), row.get("person", ""), "",
                          _tenure(iso3, row.get("title", ""), row, places))
    return found


def _country(name: str, places: dict[str, str]) -> str | None:
    if name in places:
        return places[name]
    if name in _JURISDICTIONS:
        return _JURISDICTIONS[name]
    try:
        import pycountry

        return pycountry.countries.lookup(name).alpha_3
    except (ImportError, LookupError):
        return None


def _tenure(iso3: str | None, position: str, row: dict[str, str],
            places: dict[str, str]) -> Tenure | None:
    if not iso3:
        return None
    names = [name for name, code in places.items() if code == iso3]
    role = position_role(position, names)
    if re.fullmatch(r"governor[- ]general", position.strip().lower()):
        role = GOVERNOR_GENERAL
    start, end = row.get("start", ""), row.get("end", "")
    if not role or not _partial(start) or (end and not _partial(end)):
        return None
    return Tenure(iso3, role, position, start, end)


def _partial(value: str) -> bool:
    try:
        date_bounds(value)
    except (ValueError, TypeError):
        return False
    return bool(re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", value))


# --------------------------------------------------------------------------------------------
# what is shipped already


@dataclass
class Shipped:
    """The shipped people and the role rows of the other files."""

    people: PeopleIndex = field(default_factory=PeopleIndex)
    roles: list[dict[str, str]] = field(default_factory=list)

    def covered(self) -> set[tuple[str, str]]:
        """The (role, of) offices another file holds."""
        return {(row["role"], row["of"]) for row in self.roles if row["role"] in ROLES.values()}

    def by_name(self, name: str, role: str, of: str) -> str | None:
        """The key of the shipped person of this name who has a row of this office."""
        keys = {row["person"] for row in self.roles if (row["role"], row["of"]) == (role, of)}
        found = [key for key in keys if (p := self.people.by_key.get(key)) and p.name == name]
        return found[0] if len(found) == 1 else None


# --------------------------------------------------------------------------------------------
# the conversion


@dataclass
class Row:
    """A tenure being converted: source dates (days), the dates to write, and the rest."""

    qid: str
    label: str
    role: str
    of: str
    first: str  # source start, YYYY-MM-DD
    last: str  # source end, YYYY-MM-DD or "" (open)
    lines: tuple[int, ...]
    start: str = ""
    end: str = ""
    title: str = ""
    acting: str = ""
    note: str = ""
    person: str = ""

    def days(self, snapshot_day: str) -> int:
        """How long the tenure lasts in the source (an open one: up to the snapshot)."""
        last = date.fromisoformat(self.last or snapshot_day)
        return (last - date.fromisoformat(self.first)).days

    def describe(self) -> str:
        return (f"{self.label} ({self.qid}) {self.role} {self.of} {self.first}–{self.last or '…'}"
                f" [line {','.join(map(str, self.lines))}]")

    def fields(self) -> dict[str, str]:
        return {"person": self.person, "role": self.role, "of": self.of, "start": self.start,
                "end": self.end, "title": self.title, "acting": self.acting, "note": self.note,
                "source": f"wikidata:{self.qid}"}


@dataclass
class Conversion:
    """What the source gives: new people rows, role rows (with ``#`` country headings as
    strings), QIDs to fill into shipped people (key -> QID), the rows of the offices other
    files hold (for the comparison), and the counts and lines the operator reads."""

    people: list[dict[str, str]] = field(default_factory=list)
    roles: list[dict[str, str] | str] = field(default_factory=list)
    qids: dict[str, str] = field(default_factory=dict)
    covered: list[dict[str, str]] = field(default_factory=list)
    dropped: Counter = field(default_factory=Counter)
    counts: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    def role_rows(self) -> list[dict[str, str]]:
        return [row for row in self.roles if isinstance(row, dict)]

    def drop(self, reason: str, what: str, detail: str = "") -> None:
        """Count a row left out; ``detail`` (a date the verification list gives) goes with
        the row to the notes only."""
        self.dropped[reason] += 1
        self.notes.append(f"left out ({reason}{f': {detail}' if detail else ''}): {what}")


def convert(rows: list[SourceRow], shipped: Shipped, countries: dict[str, str], *,
            snapshot_day: str, verification: Verification | None) -> Conversion:
    """Rows for every head of state and government of ``countries`` (ISO3 -> English name) in
    office on or after ``SINCE``. ``shipped``: the people and role rows of the other files;
    ``verification``: the verification list, or None for the reduced checks. The rows of the
    offices other files hold go, unchecked, to ``covered`` for the comparison. Pure."""
    out = Conversion()
    covered = shipped.covered()
    history: dict[tuple[str, str, str], list[tuple[str, str]]] = defaultdict(list)
    for source in rows:
        first, last = source_day(source.start), source_day(source.end)
        if source.role in ROLES and len(first) == 10 and (len(last) == 10 or not last):
            history[(source.qid, ROLES[source.role], source.iso3)].append((first, last))
    kept: list[Row] = []
    for row in _merge(_in_scope(rows, countries, covered, out, verification), verification,
                      out):
        found = evidence(row, verification)
        mine = (row.role, row.of) not in covered
        try:
            if not row.last and row.first < OPEN_SINCE and not _still_open(row, found):
                if not mine:
                    out.counts["rows of offices other files hold, left out of the comparison"] += 1
                    continue
                raise Drop("open end with a start before 1990, not confirmed", "")
            if mine and governor_general(row, verification) and found is None:
                raise Drop("a governor-general, not the head of state", "")
            _dates(row, found, history[(row.qid, row.role, row.of)], snapshot_day, check=mine)
        except Drop as reason:
            out.drop(reason.args[0], row.describe(), reason.args[1])
            continue
        row.title = _title(row, countries[row.of], found, verification)
        kept.append(row)
    _sibling_titles(kept, countries)
    people = _people(kept, shipped, verification, covered, out)
    ours = []
    for row in kept:
        if (row.role, row.of) in covered:
            row.person = people.get(row.qid) or f"wd:{row.qid} {row.label}"
            out.covered.append(row.fields())
        elif row.qid in people:
            row.person = people[row.qid]
            ours.append(row)
    ours = _overlaps(ours, snapshot_day, out)
    used = {row.person for row in ours}
    out.people = sorted((p for p in out.people if p["key"] in used), key=lambda p: p["key"])
    by_country: dict[str, list[Row]] = defaultdict(list)
    for row in ours:
        by_country[row.of].append(row)
    order = {"head-of-state": 0, "head-of-government": 1}
    for iso3 in sorted(by_country, key=lambda code: countries[code]):
        out.roles.append(countries[iso3])
        out.roles.extend(row.fields() for row in sorted(
            by_country[iso3], key=lambda r: (order[r.role], r.first, r.last or "9999", r.person)))
    return out


def _in_scope(rows: list[SourceRow], countries: dict[str, str], covered: set[tuple[str, str]],
              out: Conversion, verification: Verification | None = None) -> list[Row]:
    """The rows of member states' offices in office on or after ``SINCE``, with their days.
    A row of an office other files hold is counted apart (``covered``), not as left out. A row
    without a start gets the one ``infer_start`` finds, when the verification list confirms
    it."""
    offices: dict[tuple[str, str], list[SourceRow]] = defaultdict(list)
    for source in rows:
        if source.role in ROLES:
            offices[(ROLES[source.role], source.iso3)].append(source)
    found = []
    for source in rows:
        role = ROLES.get(source.role)
        first, last = source_day(source.start), source_day(source.end)
        what = (f"{source.label} ({source.qid}) {source.role} {source.iso3} "
                f"{source.start[:10]}–{source.end[:10]} [line {source.line}]")
        if role is None:
            out.drop(f"unknown role {source.role!r}", what)
            continue
        if source.iso3 not in countries:
            out.counts["rows of a country that is not a UN member state"] += 1
            continue
        if (source.qid, role, source.iso3) in ERRATA:
            out.drop("read and found wrong (ERRATA)", what, ERRATA[(source.qid, role, source.iso3)])
            continue
        if (last not in ("", _UNKNOWN, _MALFORMED) and last < SINCE) or (
                last == _MALFORMED and len(first) == 10 and first < "1900"):
            out.counts["rows that end before 2000"] += 1  # (or an ancient ruler's)
            continue
        note, detail = "", ""
        if not first and last not in (_UNKNOWN, _MALFORMED) and re.match(r"^Q[1-9]\d*$",
                                                                          source.qid):
            inferred = infer_start(source, offices[(role, source.iso3)])
            if inferred and verification is not None:
                if _start_confirmed(source.qid, role, source.iso3, inferred[0], verification):
                    first, note = inferred
                    out.counts["rows without a start, given the predecessor's end" if note
                               else "rows without a start, given another statement's"] += 1
                else:
                    detail = f"{inferred[0]} inferred from " + (
                        "the predecessor's end" if inferred[1] else "another statement")
        reason = (
            "a malformed or 'unknown value' date" if first in (_MALFORMED, _UNKNOWN)
            or last == _MALFORMED else
            "no start, and the verification list does not confirm the one inferred" if detail
            else "no start" if not first else
            "end is 'unknown value'" if last == _UNKNOWN else
            "start after end" if last and last < first else
            "no person QID" if not re.match(r"^Q[1-9]\d*$", source.qid) else "")
        if reason and (role, source.iso3) in covered:
            out.counts["rows of offices other files hold, left out of the comparison"] += 1
        elif reason:
            out.drop(reason, what, detail)
        else:
            found.append(Row(source.qid, source.label, role, source.iso3, first, last,
                             (source.line,), note=note))
    return found


def infer_start(source: SourceRow, office: list[SourceRow]) -> tuple[str, str] | None:
    """A start for ``source``, a row without one, from the other rows of its office
    (``office``), as ``(YYYY-MM-DD, note)``; None when they give none.

    - Another statement of the same person and office with a start: the one that ends when
      this row does (within ``TOLERANCE`` days, or both open), else the latest that starts
      before this row's end. Note ``""``: the row repeats a tenure the source dates.
    - Else the predecessor's end: the latest end among the office's other rows that is before
      this row's end (any end, when this row is open), provided no other row starts after it
      (that holder would come between). Note ``NOTE_INFERRED``.

    The caller keeps the start only when the verification list confirms it."""
    last = source_day(source.end)
    until = last or "9999-12-31"
    others = [(r, source_day(r.start), source_day(r.end)) for r in office if r is not source]
    mine = [(first, end) for r, first, end in others
            if r.qid == source.qid and len(first) == 10 and first < until]
    if mine:
        same = [first for first, end in mine if (not end and not last) or (
            len(end) == 10 and last and abs(_days_between(end, last)) <= TOLERANCE)]
        return max(same or [first for first, _ in mine]), ""
    ends = [end for _, _, end in others if len(end) == 10 and end < until]
    if not ends:
        return None
    start = max(ends)
    if any(len(first) == 10 and start <= first < until for _, first, _ in others):
        return None
    return start, NOTE_INFERRED


def _start_confirmed(qid: str, role: str, of: str, day: str, verification: Verification) -> bool:
    """The verification list has the person in the office (same role and country) with a
    start within ``TOLERANCE`` days of ``day``. As in ``evidence``, a president's row of one
    role is checked against the other when the list has none of that role in the country
    (it gives a president of a presidential system as head of state only)."""
    mine = [t for t in verification.tenures.get(qid, ()) if t.iso3 == of]
    same = [t for t in mine if t.role == role] or [t for t in mine if t.role in ROLES.values()]
    return any(_gap(_bounds(day), date_bounds(t.start)) <= TOLERANCE for t in same)


def _merge(rows: list[Row], verification: Verification | None, out: Conversion) -> list[Row]:
    """One row per tenure. The source often gives a tenure twice: as an open statement on
    the country item and as closed office-held statements, one a term. An open row that starts
    within ``TOLERANCE`` days of a closed row of the same person and office repeats it and is
    left out; rows that still overlap become one, with the start and end the verification list
    confirms (else the earliest start and the latest end; open when one is open)."""
    groups: dict[tuple[str, str, str], list[Row]] = defaultdict(list)
    for row in rows:
        groups[(row.qid, row.role, row.of)].append(row)
    merged = []
    for (qid, _, of), group in groups.items():
        closed = [r for r in group if r.last]
        group = [r for r in group if r.last or not any(
            abs(_days_between(r.first, c.first)) <= TOLERANCE for c in closed)]
        out.counts["source rows that repeat another of the same tenure"] += (
            len(groups[(qid, _, of)]) - len(group))
        theirs = [t for t in (verification.tenures.get(qid, ()) if verification else ())
                  if t.iso3 == of and t.role in ROLES.values()]
        verified = ({t.start for t in theirs}, {t.end for t in theirs if t.end})
        group.sort(key=lambda r: (r.first, r.last or "9999"))
        current: list[Row] = []
        for row in group:
            if current and any(_touch(row, other) for other in current):
                current.append(row)
                continue
            if current:
                merged.append(_one(current, verified, out))
            current = [row]
        merged.append(_one(current, verified, out))
    return merged


def _days_between(a: str, b: str) -> int:
    return (date.fromisoformat(b) - date.fromisoformat(a)).days


def _touch(a: Row, b: Row) -> bool:
    """Two rows of one person and office are one tenure: the same start, or overlapping
    spans (by more than a hand-over's ``OVERLAP_DAYS``)."""
    if a.first == b.first:
        return True
    a_last, b_last = a.last or "9999-12-31", b.last or "9999-12-31"
    return _days_between(max(a.first, b.first), min(a_last, b_last)) > OVERLAP_DAYS


def _one(rows: list[Row], verified: tuple[set[str], set[str]], out: Conversion) -> Row:
    """Rows of one tenure as one row (``verified``: the starts and the ends the verification
    list gives the person's tenures of the office)."""
    if len(rows) == 1:
        return rows[0]
    # a start that is another row's end (or an end that is another's start) joins two terms
    # the tenure is made of; the others are the source's alternatives for its first or last day
    firsts = [r.first for r in rows if not any(
        r2.last and abs(_days_between(r.first, r2.last)) <= OVERLAP_DAYS for r2 in rows)]
    ends = [r.last for r in rows if r.last and not any(
        abs(_days_between(r.last, r2.first)) <= OVERLAP_DAYS for r2 in rows)]
    row = Row(rows[0].qid, rows[0].label, rows[0].role, rows[0].of,
              _pick(firsts or [r.first for r in rows], verified[0], min),
              "" if any(not r.last for r in rows) else
              _pick(ends or [r.last for r in rows], verified[1], max),
              tuple(sorted(line for r in rows for line in r.lines)))
    # a start inferred from the predecessor's end keeps its note when no statement gives it
    if not any(r.first == row.first and NOTE_INFERRED not in r.note for r in rows):
        row.note = NOTE_INFERRED
    out.counts["source rows that repeat another of the same tenure"] += len(rows) - 1
    firsts = sorted({r.first for r in rows})
    if len(firsts) > 1 and _days_between(firsts[0], firsts[-1]) > TOLERANCE:
        out.notes.append(f"joined rows with starts {', '.join(firsts)} (kept {row.first}): "
                         f"{row.describe()}")
    return row


def _pick(days: list[str], verified: set[str], default) -> str:
    """One of ``days`` (the starts, or the ends, of rows of one tenure): a first of January or
    of a month gives way to a day of that year or month; of the rest, those within
    ``TOLERANCE`` days of a date the verification list gives are preferred; ``default`` (min
    or max) chooses among them."""
    def width(day: str) -> int:
        first, last = _bounds(day)
        return (last - first).days

    unique = set(days)
    precise = {day for day in unique if not any(
        width(other) < width(day) and _bounds(day)[0] <= _bounds(other)[0] <= _bounds(day)[1]
        for other in unique)}
    near = {day for day in precise
            if any(_gap(_bounds(day), date_bounds(v)) <= TOLERANCE for v in verified)}
    return default(near or precise)


@dataclass(frozen=True)
class Span:
    """Tenures of one person in one position of the verification list that follow each other
    within ``TOLERANCE`` days, as one span (a re-election is not a new tenure): its first and
    last day (None when open), and the tenures it joins."""

    first: date
    last: date | None
    tenures: tuple[Tenure, ...]

    @property
    def until(self) -> date:
        """The last day the span is known to cover (an open one: the list's snapshot)."""
        return self.last or date.fromisoformat(VERIFIED_ON)

    @property
    def latest_first(self) -> date:
        """The last day the span's start can mean (its start may be a year or a month)."""
        return date_bounds(self.tenures[0].start)[1]

    @property
    def earliest_last(self) -> date | None:
        """The first day the span's end can mean (None when open)."""
        if self.last is None:
            return None
        return min(date_bounds(t.end)[0] for t in self.tenures
                   if t.end and date_bounds(t.end)[1] == self.last)


def spans(tenures: Iterable[Tenure]) -> list[Span]:
    """Join the tenures of each position label into spans."""
    found: list[Span] = []
    by_position: dict[str, list[Tenure]] = defaultdict(list)
    for tenure in tenures:
        by_position[tenure.position].append(tenure)
    for group in by_position.values():
        joined: list[Span] = []
        for tenure in sorted(group, key=lambda t: (date_bounds(t.start)[0], t.end or "9999")):
            first = date_bounds(tenure.start)[0]
            last = date_bounds(tenure.end)[1] if tenure.end else None
            if joined and (joined[-1].last is None
                           or (first - joined[-1].last).days <= TOLERANCE):
                before = joined[-1]
                if before.last is not None and last is not None:
                    last = max(before.last, last)
                elif before.last is None:
                    last = None
                joined[-1] = Span(before.first, last, (*before.tenures, tenure))
            else:
                joined.append(Span(first, last, (tenure,)))
        found.extend(joined)
    return found


@dataclass(frozen=True)
class Evidence:
    """What the verification list says of a row: the span its start falls in, the span its end
    falls in (the same span unless the source joins two), every date the list gives for the
    person's tenures of the office, and the position label of the tenure."""

    start: Span
    end: Span
    days: frozenset[str]
    position: str


def evidence(row: Row, verification: Verification | None) -> Evidence | None:
    """The verification list's spans of the same person and office that overlap the row (the
    same tenure). A president's head-of-government row is checked against the presidency when
    the list has no head-of-government tenure of theirs that overlaps (by more than a
    hand-over's days, when the presidency does). A span open in the list covers no more than
    the list's snapshot."""
    if verification is None:
        return None
    mine = [t for t in verification.tenures.get(row.qid, ()) if t.iso3 == row.of]
    first, last = _bounds(row.first)[0], _bounds(row.last)[1] if row.last else date.max
    roles = (row.role, *(r for r in ROLES.values() if r != row.role))
    # A span that shares no more than a hand-over's days with the row is another tenure
    # (a prime minister's that ended the day the presidency began): the spans of either role
    # that share more are looked at first, and only then the ones that merely touch the row.
    # Taking the touching span first left out the head-of-government row of Sri Lanka's
    # president 2005-2015, checked against his premiership that ended that day.
    for least in (OVERLAP_DAYS + 1, 0):
        for role in roles:
            found = [s for s in spans(t for t in mine if t.role == role)
                     if (min(last, s.until) - max(first, s.first)).days >= least]
            if found:
                return _evidence(found, mine, role, first)
    return None


def _evidence(found: list[Span], mine: list[Tenure], role: str, first: date) -> Evidence:
    """The evidence of the spans ``found`` of ``role`` that overlap a row starting ``first``."""
    by_start = min(found, key=lambda s: abs((s.first - first).days))
    position = by_start.tenures[0].position
    same = [s for s in found if s.tenures[0].position == position]
    by_end = max(same, key=lambda s: s.last or date.max)
    tenure = min(by_start.tenures, key=lambda t: abs((date_bounds(t.start)[0] - first).days))
    days = frozenset(d for t in mine if t.role == role for d in (t.start, t.end) if d)
    return Evidence(by_start, by_end, days, tenure.position)


def _still_open(row: Row, found: Evidence | None) -> bool:
    """The verification list has the row's open tenure open too, from the same start."""
    return (found is not None and found.end.last is None
            and _gap(_bounds(row.first), (found.start.first, found.start.latest_first))
            <= TOLERANCE)


def governor_general(row: Row, verification: Verification | None) -> bool:
    """The verification list has the person as governor-general of the country (a monarch's
    representative, whom the source takes for the head of state) over the row's span."""
    if verification is None or row.role != "head-of-state":
        return False
    first, last = _bounds(row.first)[0], _bounds(row.last)[1] if row.last else date.max
    return any(t.iso3 == row.of and t.role == GOVERNOR_GENERAL
               and date_bounds(t.start)[0] <= last
               and first <= (date_bounds(t.end)[1] if t.end else date.max)
               for t in verification.tenures.get(row.qid, ()))


def _dates(row: Row, found: Evidence | None, history: list[tuple[str, str]],
           snapshot_day: str, check: bool = True) -> None:
    """Set ``row.start`` and ``row.end`` at the precision the evidence allows; with ``check``,
    raise Drop when the verification list's span of the tenure starts or ends more than
    ``TOLERANCE`` days away. A start or end inside the span is a term's, when the source has
    the person's previous or next term of the office beside it (``history``: every source span
    of the person and office). An end the list does not have yet (open there) is no
    disagreement: the list is older."""
    if found is not None and check:
        first, last = _bounds(row.first), _bounds(row.last) if row.last else None
        if first[1] < _shift(found.start.first, -TOLERANCE):
            raise Drop("start more than 31 days before the verification list's",
                       found.start.tenures[0].start)
        # the list's start or end may be a year or a month: the source's day is compared with
        # the nearest day it can mean (comparing a start with its first day and an end with
        # its last, as before, left out a start of 2001-08-08 against "2001", and would leave
        # out an end of 2005-03-10 against "2005")
        if first[0] > _shift(found.start.latest_first, TOLERANCE) and not any(
                end and 0 <= (first[0] - date.fromisoformat(end)).days <= TOLERANCE
                for _, end in history):
            raise Drop("start more than 31 days after the verification list's, and no "
                       "previous term", found.start.tenures[0].start)
        verified_end = found.end.last
        if last is None and verified_end is not None:
            if verified_end < _shift(date.fromisoformat(snapshot_day), -TOLERANCE):
                raise Drop("open, but ended in the verification list", found.end.tenures[-1].end)
        elif last is not None and verified_end is not None:
            if last[0] > _shift(verified_end, TOLERANCE):
                raise Drop("end more than 31 days after the verification list's",
                           found.end.tenures[-1].end)
            if last[1] < _shift(found.end.earliest_last or verified_end, -TOLERANCE) and not any(
                    0 <= (date.fromisoformat(start) - last[1]).days <= TOLERANCE
                    for start, _ in history):
                raise Drop("end more than 31 days before the verification list's, and no "
                           "next term", found.end.tenures[-1].end)
    days = found.days if found else frozenset()
    row.start = _precision(row.first, days)
    row.end = _precision(row.last, days) if row.last else ""
    if row.end and date_bounds(row.end)[1] < date_bounds(row.start)[0]:
        raise Drop("start after end", "")


def _shift(day: date, days: int) -> date:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return day


def _bounds(day: str) -> tuple[date, date]:
    """What a source day can mean: a first of January may be a year, another first a month."""
    return date_bounds(_precision(day, frozenset()))


def _gap(a: tuple[date, date], b: tuple[date, date]) -> int:
    """Days between two spans of possible days, the least they can be apart."""
    return max((b[0] - a[1]).days, (a[0] - b[1]).days, 0)


def _precision(day: str, verified: frozenset[str]) -> str:
    """A source day as written: ``YYYY`` for a first of January and ``YYYY-MM`` for the first
    of another month (the source drops Wikidata's precision), unless the verification list
    gives that same day (or, for a first of January, that month)."""
    if day in verified or not day.endswith("-01"):
        return day
    if day[:7] in verified or not day.endswith("-01-01"):
        return day[:7]
    return day[:4]


def _title(row: Row, country: str, found: Evidence | None,
           verification: Verification | None) -> str:
    """The English title: the verification list's position label of the person's tenure
    ("President" -> "President of Mozambique"), else a generic one from the role."""
    if found is None:
        return GENERIC_TITLES[row.role].format(_with_article(country))
    label = found.position
    if label.strip().lower() == "monarch" and verification is not None:
        male, female = MONARCHS.get(row.of, ("King", "Queen"))
        label = {"male": male, "female": female}.get(verification.gender.get(row.qid, ""), label)
    return office_title(label, country)


def _sibling_titles(rows: list[Row], countries: dict[str, str]) -> None:
    """A president's row of one role without a title of its own takes the title of their row
    of the other role with the same dates (the source gives a president of a presidential
    system both)."""
    generic = {GENERIC_TITLES[r.role].format(_with_article(countries[r.of])) for r in rows}
    titled = {(r.qid, r.of, r.first, r.last): r.title for r in rows if r.title not in generic}
    for row in rows:
        if row.title in generic:
            row.title = titled.get((row.qid, row.of, row.first, row.last), row.title)


#: The title of a monarch whom the verification list calls "monarch", by gender, where it is
#: not King or Queen.
MONARCHS = {"LUX": ("Grand Duke", "Grand Duchess")}
#: Position labels that the verification list writes in another form.
_LABELS = {"monarch": "Monarch", "emir": "Emir", "amir": "Emir", "sultan": "Sultan",
           "yang di_pertuan agong (monarch)": "Yang di-Pertuan Agong",
           "beretitenti (president)": "President", "druk gyalpo (king)": "King"}


def office_title(position: str, country: str) -> str:
    """``President`` of ``Mozambique`` -> ``President of Mozambique``; a label that names the
    country already is kept."""
    label = _LABELS.get(position.lower(), position)
    label = re.sub(r"\s*\([^)]*\)", "", label).strip()
    label = label[:1].upper() + label[1:]
    bare = country.removeprefix("the ")
    if bare.lower() in label.lower():
        return label
    return f"{label} of {_with_article(country)}"


#: Country names that take "the" after "of".
_THE = re.compile(r"^(?:united |republic |democratic republic |central african |czech |"
                  r"dominican )|(?:islands|republic|states|kingdom|emirates|netherlands|"
                  r"philippines|bahamas|gambia|maldives|comoros)$", re.IGNORECASE)


def _with_article(country: str) -> str:
    return f"the {country}" if _THE.search(country) and not country.startswith("the ") else country


def _people(rows: list[Row], shipped: Shipped, verification: Verification | None,
            covered: set[tuple[str, str]], out: Conversion) -> dict[str, str]:
    """QID -> key of every person of ``rows`` who can be shipped; new people go to
    ``out.people``, QIDs to fill to ``out.qids``. A person left out is counted once, by
    reason, when they have a row outside the offices other files hold."""
    by_qid: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_qid[row.qid].append(row)
    keys: dict[str, str] = {}
    taken = set(shipped.people.by_key)
    fills: dict[str, set[str]] = defaultdict(set)
    for qid, theirs in by_qid.items():
        label = theirs[0].label
        enwiki = verification.enwiki.get(qid, "") if verification else ""
        try:
            person = shipped.people.match(qid, enwiki)
        except ConversionError as exc:
            _drop_person(out, theirs, covered, "its English Wikipedia title is a shipped person "
                         "with another QID", str(exc))
            continue
        if person is not None:
            keys[qid] = person.key
            if not person.qid:
                fills[person.key].add(qid)
            out.counts["people matched to a shipped person by QID or enwiki"] += 1
            continue
        key = next((k for row in theirs if (k := shipped.by_name(label, row.role, row.of))), None)
        if key:
            keys[qid] = key
            out.counts["people matched to a shipped person by name and office"] += 1
            continue
        if verification is None:
            _drop_person(out, theirs, covered, "not shipped, and no verification list to "
                         "check the name")
            continue
        if qid not in verification.labels:
            _drop_person(out, theirs, covered, "not in the verification list")
            continue
        english = english_name(label, verification.labels[qid], enwiki)
        if english is None:
            _drop_person(out, theirs, covered, "label is not the English label")
            continue
        if not enwiki:
            _drop_person(out, theirs, covered, "no English Wikipedia title")
            continue
        if all((row.role, row.of) in covered for row in theirs):
            continue  # only offices other files hold: not shipped here
        if english:
            out.counts[f"new people whose label is {english}"] += 1
        key = slug_key(enwiki)
        if key in taken:
            key = f"{key}-{qid.lower()}"
            if key in taken:
                raise ConversionError(f"{qid}: key {key} is taken")
        taken.add(key)
        keys[qid] = key
        name = normal(label)
        plain = ascii_form(name)
        aliases = f"translit:{plain}" if plain != name and plain.strip() else ""
        out.people.append({"key": key, "name": name, "qid": qid, "enwiki": enwiki,
                           "aliases": aliases, "source": f"wikidata:{qid}"})
    for key, qids in fills.items():
        if len(qids) == 1:
            out.qids[key] = next(iter(qids))
        else:
            out.notes.append(f"{key}: several QIDs match ({', '.join(sorted(qids))}); "
                             "none filled")
    return keys


def english_name(label: str, labels: set[str], enwiki: str) -> str | None:
    """Whether the source's ``label`` (Portuguese first) is an English name of the person:
    ``""`` when it is the English label the verification list gives (``labels``, normalised),
    a short description of the other evidence when it is an English name by that, None when it
    is not.

    The English label alone was too strict: it is often the long or formal form ("Rafael Correa
    Delgado", "Jakaya Mrisho Kikwete") or another transliteration ("Nikos Anastasiades"), while
    the source has the common name under which the person's English Wikipedia article stands
    ("Rafael Correa", "Nicos Anastasiades"), and that is the usual English spelling the shipped
    ``name`` wants. So the label is also accepted when it is the article's title (``enwiki``,
    the Wikidata sitelink the converter ships; its disambiguation left out), or either of those
    without some of their diacritics ("Jovenel Moise" for "Jovenel Moïse", as news agencies
    write it; the plain-ASCII form is every name's ``translit:`` alias anyway). A label with
    diacritics neither has ("Tássos Papadópoulos", Portuguese stress marks) is still not
    English. Only the source's label is shipped: the list's label and title only confirm it."""
    name = normal(label)
    if name in labels:
        return ""
    title = normal(title_name(enwiki)) if enwiki else ""
    if title and name == title:
        return "the English Wikipedia title"
    if any(_fewer_marks(name, english) for english in (*labels, title) if english):
        return "an English name without some of its diacritics"
    return None


def _fewer_marks(name: str, english: str) -> bool:
    """``name`` is ``english`` with some of its letters' diacritics (or none) left out."""
    return name != english and len(name) == len(english) and all(
        a == b or a == ascii_form(b) for a, b in zip(name, english))


def _drop_person(out: Conversion, rows: list[Row], covered: set[tuple[str, str]],
                 reason: str, detail: str = "") -> None:
    mine = [row for row in rows if (row.role, row.of) not in covered]
    if not mine:
        return
    out.dropped[f"person {reason}"] += 1
    out.counts["rows of people left out"] += len(mine)
    out.notes.append(f"left out (person {reason}{f': {detail}' if detail else ''}): "
                     f"{mine[0].label} ({mine[0].qid}), "
                     f"{len(mine)} row(s): {'; '.join(r.describe() for r in mine)}")


def _overlaps(rows: list[Row], snapshot_day: str, out: Conversion) -> list[Row]:
    """Mark the rows of one office that overlap: the short one is acting (and left out when
    shorter than ``MIN_ACTING_DAYS``), else the later one is noted. Returns the rows kept."""
    offices: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in rows:
        offices[(row.role, row.of)].append(row)
    for key, office in offices.items():
        office.sort(key=lambda r: (r.first, r.last or "9999"))
        for i, a in enumerate(office):
            for b in office[i + 1:]:
                days = _overlap_days(a, b, snapshot_day)
                if days <= OVERLAP_DAYS:
                    continue
                short = [r for r in (a, b) if r.days(snapshot_day) < SHORT_DAYS]
                if key in COLLECTIVE:
                    for row in (a, b):
                        if COLLECTIVE[key] not in row.note:
                            row.note = "; ".join(filter(None, [row.note, COLLECTIVE[key]]))
                            out.counts["rows noted as co-holders of a collective office"] += 1
                elif short:
                    acting = min(short, key=lambda r: r.days(snapshot_day))
                    if not acting.acting:
                        acting.acting, acting.note = "acting", NOTE_ACTING
                        out.counts["rows marked acting (short, overlapping)"] += 1
                        out.notes.append(f"acting: {acting.describe()} overlaps "
                                         f"{(b if acting is a else a).describe()}")
                elif not (a.acting or b.acting) and NOTE_OVERLAP not in b.note:
                    b.note = "; ".join(filter(None, [b.note, NOTE_OVERLAP]))
                    out.counts["rows noted 'overlap in source'"] += 1
                    out.notes.append(f"overlap: {b.describe()} overlaps {a.describe()} by "
                                     f"{days} days")
    kept = []
    for row in rows:
        if row.acting and row.days(snapshot_day) < MIN_ACTING_DAYS:
            out.drop("acting for less than a week", row.describe())
            continue
        kept.append(row)
    return kept


def _overlap_days(a: Row, b: Row, snapshot_day: str) -> int:
    """Days two rows share in the source; an open row lasts until the snapshot."""
    a_first, b_first = date.fromisoformat(a.first), date.fromisoformat(b.first)
    a_last = date.fromisoformat(a.last or snapshot_day)
    b_last = date.fromisoformat(b.last or snapshot_day)
    return (min(a_last, b_last) - max(a_first, b_first)).days


# --------------------------------------------------------------------------------------------
# running it


def load_places(path: Path = KB_DIR / "places.tsv") -> tuple[dict[str, str], dict[str, str]]:
    """(UN member states ISO3 -> English name, every place name and variant -> ISO3)."""
    members, names = {}, {}
    for _, row in read_tsv(path):
        if row["kind"] not in ("country", "territory") or not row["country"]:
            continue
        if row["kind"] == "country" and row["country"] not in NOT_MEMBERS:
            members[row["country"]] = row["name"]
        names.setdefault(row["name"], row["country"])
        for variant in filter(None, row["variants"].split("|")):
            names.setdefault(variant.partition(":")[2] or variant, row["country"])
    return members, names


def holders(rows: Iterable[dict[str, str]],
            countries: dict[str, str]) -> dict[tuple[str, str], set[str]]:
    """(role, of) -> the people who held the office of a member state on or after ``SINCE``."""
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in rows:
        if row["role"] in ROLES.values() and row["of"] in countries and (
                not row["end"] or date_bounds(row["end"])[1].isoformat() >= SINCE):
            found[(row["role"], row["of"])].add(row["person"])
    return found


def header(commit: str, day: str, what: str) -> list[str]:
    """The ``#`` lines that open both files: what they hold and where it comes from."""
    return [
        f"{what} Do not edit by hand:",
        "converted by scripts/kb/convert_world_leaders.py from Wikidata, as",
        f"data/leaders_history.csv of cfmessias/geografia ({URL}),",
        f"commit {commit} of {day}, took it with SPARQL queries:",
        "the head of government (P6) and head of state (P35) statements of each country item,",
        "and the office-held (P39) statements of the offices the country names for them (P1313,",
        "P1906) or that are a subclass of head of state (Q48352). Wikidata is CC0 1.0; the",
        "repository has no licence and adds nothing of its own to these rows, so they are",
        "shipped as Wikidata facts: source wikidata:<QID of the person>, taken the day of that",
        "commit. Names, date precision and titles were checked against a verification list that",
        "is not shipped (see the converter's docstring and docs/knowledge-data.md).",
    ]


def comparison_lines(result: SpanComparison) -> list[str]:
    return [*result.differ,
            *(f"only the editorial rows have {_row_text(r)}" for r in result.only_old),
            *(f"only Wikidata has {_row_text(r)}" for r in result.only_new)]


def _row_text(row: dict[str, str]) -> str:
    return f"{row['person']} {row['role']} {row['of']} {row['start']}–{row['end'] or '…'}"


def main(argv: list[str] | None = None) -> int:
    parser = arguments(__doc__, DEFAULT_REPO, "cfmessias/geografia")
    parser.add_argument("--verification", type=Path, default=VERIFICATION_DIR,
                        help="directory of the verification list (not shipped)")
    parser.add_argument("--places", type=Path, default=KB_DIR / "places.tsv")
    parser.add_argument("--report", type=Path, help="write every detail line to this file")
    args = parser.parse_args(argv)
    return run("convert_world_leaders", lambda: _convert_and_write(args))


def _convert_and_write(args: argparse.Namespace) -> int:
    """The run ``main`` asks for: convert, print, and unless ``--dry-run`` write."""
    commit, day = git_commit(args.repo)
    rows = parse(git_show(args.repo, SOURCE_FILE))
    countries, names = load_places(args.places)
    verification = load_verification(args.verification, names)
    if verification is None:
        print(f"convert_world_leaders: no verification list in {args.verification}: names "
              "cannot be checked, so only people already shipped are converted; dates on "
              "the first of a month lose their day; titles are generic. Do not commit this "
              "output.", file=sys.stderr)
    ours = output_paths(args.people_dir, OUTPUT)
    others = shipped_roles(args.people_dir, exclude=ours)
    shipped = Shipped(PeopleIndex.load(args.people_dir, exclude=ours),
                      [row.fields for row in others])
    result = convert(rows, shipped, countries, snapshot_day=day, verification=verification)
    # the hand-written rows of member states' offices in office since SINCE, and the
    # Wikidata rows of the same offices; terms joined into tenures on both sides
    editorial = [r.fields for r in others
                 if r.fields.get("source") == EDITORIAL and holders([r.fields], countries)]
    offices = {(row["role"], row["of"]) for row in editorial}
    compared = compare_spans(join_terms(editorial, TOLERANCE), join_terms(
        [row for row in result.covered if (row["role"], row["of"]) in offices], TOLERANCE),
        TOLERANCE)
    before = holders(editorial, countries)
    after = holders([*(r.fields for r in others), *result.role_rows()], countries)
    print(f"{SOURCE_FILE} at {commit} ({day}): {len(rows)} source rows; "
          f"{len(result.people)} new people, {len(result.role_rows())} role rows, "
          f"{len(result.qids)} QIDs to fill")
    for what, count in sorted(result.counts.items()):
        print(f"  {what}: {count}")
    print(f"  left out: {sum(result.dropped.values())}")
    for reason, count in result.dropped.most_common():
        print(f"    {reason}: {count}")
    print(f"  the {len(offices)} offices of member states with hand-written rows, tenures "
          f"(terms joined): {len(compared.matched)} hand-written ones matched by Wikidata, "
          f"{len(compared.differ)} start/end differences > {TOLERANCE} days, "
          f"{len(compared.only_old)} only hand-written, {len(compared.only_new)} only "
          "Wikidata")
    print(f"  holders since {SINCE}: hand-written {len(before)} offices, "
          f"{sum(map(len, before.values()))} holders; all files after the conversion "
          f"{len(after)} offices, {sum(map(len, after.values()))} holders")
    details = [*result.notes, *comparison_lines(compared),
               *(f"fill {key} qid {qid}" for key, qid in sorted(result.qids.items())),
               *(f"holders {role} {of}: {len(before.get((role, of), ()))} -> {len(found)}"
                 for (role, of), found in sorted(after.items()))]
    if args.report:
        args.report.write_text("\n".join(details) + "\n", encoding="utf-8")
        print(f"  details: {args.report}")
    if args.dry_run:
        return 0
    scope = (f"Heads of state and government of the UN member states in office on or after "
             f"{SINCE}, from Wikidata")
    roles_scope = f"{scope}, by country; offices other people/*.roles.tsv files hold are not here"
    # every row has its own source, wikidata:<QID of the person>
    write_conversion(args.people_dir, OUTPUT, partial(header, commit, day),
                     (f"{scope}: the people who are in no other people file", roles_scope),
                     result, source="", taken=day)
    return 0


if __name__ == "__main__":
    sys.exit(main())
