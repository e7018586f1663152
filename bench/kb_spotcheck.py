"""Spot check of the knowledge base's office rows against an independent list of office holders.

    .venv/bin/python bench/kb_spotcheck.py [--n 100] [--seed 1] [--json]
        [--mirror /work/.mirror/peppercatorg+site-build/repo] [--rev 'ce9f08800^']
        [--reading bench/precision/kb_spotcheck_reading.tsv]

Draws ``--n`` random role rows (seeded) from the shipped ``people/*.roles.tsv``, among the rows
the list can speak to: head of state, head of government, vice-president, deputy head of
government and foreign, defence, finance, interior and justice minister of a UN member state,
of an office (role and country) the list has holders of, with a tenure that overlaps
2000-01-01..2022-12-31. The draw is stratified by ``source`` (``editorial``, a dataset's name,
``wikidata`` for every ``wikidata:Q…``): each source gets its share of ``--n`` by its number of
rows (largest remainders), at least one.

The list is the Peppercat office-holder tables (Wikidata output as of 2023-01-20, CC BY-NC: read
here at run time to check, never copied into the repository): ``docs/leaders/<slug>/
leaders-historic.csv`` of a bare git mirror of peppercatorg/site-build at ``--rev``, with the
slug's country from that commit's ``repos.csv``. A position label means a role by the rules of
``scripts/kb/build_positions.py`` (``country_roles``: ``classify`` and the rules that look at the
country's other offices), the country by the helpers of ``scripts/kb/convert_world_leaders.py``.

Each drawn row is looked up in the list: the same person (by QID, else by normalised name)
holding a position of the same role and country. Start and end agree when within 31 days; a
partial date (``YYYY``, ``YYYY-MM``) agrees when the other date falls in it; an open end agrees
with an end after the list's day (2023-01-20), and an end of ours with an open end there when ours
is after 2022-06. The list's consecutive terms are also compared joined, and so are ours (a
tenure split into terms differently). Outcomes: ``agrees``, ``dates differ``, ``not in the
list`` (the person holds no position of that role and country there).

The ``wikidata`` rows are not an independent sample: convert_world_leaders already left out a
converted tenure more than 31 days from this list's, so their agreement is partly by
construction; the ``editorial`` rows were written by hand without it.

The outcomes are not the error rate: every disagreement is read by hand and the verdicts
written to ``--reading`` (person, role, of, our span, list span, verdict, why); the script
prints the verdicts of the drawn rows it finds there (``error in our row`` is an error).
Without the mirror it says so and exits 0.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import re
import subprocess
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts" / "kb"))

from build_positions import (
    HEAD_OF_GOVERNMENT,
    HEAD_OF_STATE,
    ROLE_ORDER,
    Country,
    Found,
    _names_country,
    country_roles,
    un_members,
)
from common import PEOPLE_DIR, ascii_form, date_bounds, title_name
from convert_world_leaders import _country, load_places, position_role

from copydesk.knowledge.sources.tsv import read_tsv

MIRROR = Path("/work/.mirror/peppercatorg+site-build/repo")
REV = "ce9f08800^"
READING = ROOT / "bench" / "precision" / "kb_spotcheck_reading.tsv"
ROLES = frozenset(ROLE_ORDER)
HEADS = {HEAD_OF_STATE, HEAD_OF_GOVERNMENT}
SINCE, UNTIL = date(2000, 1, 1), date(2022, 12, 31)
#: The list's day: an open tenure there was open on it.
LIST_DAY = date(2023, 1, 20)
#: An end of ours agrees with an open end in the list when it is after this day.
LATE_END = date(2022, 6, 30)
TOLERANCE = 31
AGREES, DIFFER, ABSENT = "agrees", "dates differ", "not in the list"
OUTCOMES = (AGREES, DIFFER, ABSENT)
ERROR = "error in our row"
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


# --------------------------------------------------------------------------------------------
# the list


@dataclass(frozen=True)
class Tenure:
    qid: str
    names: frozenset[str]  # normalised: the person's label and English Wikipedia title
    label: str  # the person as the list writes them
    role: str
    of: str
    position: str
    start: str
    end: str


def normal_name(text: str) -> str:
    """Lowercase ASCII letters and digits, one space between words."""
    text = ascii_form(unicodedata.normalize("NFKC", text)).lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def _git(mirror: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(mirror), *args], check=True, capture_output=True,
                          text=True, encoding="utf-8").stdout


def load_list(mirror: Path, rev: str) -> tuple[list[Tenure], dict[str, list[str]]]:
    """The list's tenures of UN member states (``role`` "" for a position of none of the roles
    above), and the slugs of each country."""
    members, _ = un_members()
    english, places = load_places()
    files = set(_git(mirror, "ls-tree", "-r", "--name-only", rev, "docs/leaders").split("\n"))
    slugs: dict[str, list[str]] = defaultdict(list)
    for row in csv.DictReader(io.StringIO(_git(mirror, "show", f"{rev}:repos.csv"))):
        iso3 = _country(row["country"], places)
        if iso3 in members and f"docs/leaders/{row['slug']}/leaders-historic.csv" in files:
            slugs[iso3].append(row["slug"])
    tenures: set[Tenure] = set()
    for iso3, names in slugs.items():
        rows = [row for slug in names for row in csv.DictReader(io.StringIO(
            _git(mirror, "show", f"{rev}:docs/leaders/{slug}/leaders-historic.csv")))]
        labels = sorted({" ".join(row["position"].split()) for row in rows if row["position"]})
        roles = label_roles(labels, members[iso3], english[iso3])
        for row in rows:
            start, end = row["start"].strip(), row["end"].strip()
            if not _DATE.match(start) or (end and not _DATE.match(end)):
                continue
            names = {normal_name(row["person"]), normal_name(title_name(row["enwiki"]))}
            for role in roles.get(" ".join(row["position"].split()), ()) or ("",):
                tenures.add(Tenure(row["personID"].strip(), frozenset(names - {""}),
                                   row["person"].strip(), role, iso3, row["position"].strip(),
                                   start, end))
    return sorted(tenures, key=lambda t: (t.of, t.role, t.start, t.qid)), slugs


def label_roles(labels: list[str], country: Country, name: str) -> dict[str, set[str]]:
    """The roles of each of a country's position labels in the list, by the rules of
    build_positions (``country_roles``, which looks at all the country's labels at once). The
    list's labels leave the country out ("Federal Chancellor"): it is put back for the rules
    that need it ("Federal Chancellor of Austria" heads the government). A label with a
    parenthesis is read without it and as the words in it ("Chairman of the Cabinet of
    Ministers (Prime Minister)"). A label those rules give no head-of-state or -government role
    is read as convert_world_leaders reads this list (``position_role``: "Member of the Federal
    Council" is the Swiss collective head of state, "State Counsellor" heads Myanmar's
    government)."""
    forms = []
    for label in labels:
        inner = re.search(r"\(([^)]*)\)", label)
        for form in {re.sub(r"\s*\([^)]*\)", "", label).strip(), inner.group(1) if inner else ""}:
            if form:
                form = form if _names_country(form, country) else f"{form} of {name}"
                forms.append(Found(label, form, "", country.iso3, ()))
    roles: dict[str, set[str]] = defaultdict(set)
    for item in country_roles(forms, {country.iso3: country}):
        roles[item.qid] |= set(item.roles) & ROLES
    for label in labels:
        if not roles[label] & HEADS:
            role = position_role(label, country.names)
            roles[label] |= {role} if role in HEADS else set()
    return roles


# --------------------------------------------------------------------------------------------
# our rows


@dataclass
class Ours:
    file: str
    line: int
    person: str
    name: str
    qid: str
    #: normalised: the name, every alias and the English Wikipedia title
    names: frozenset[str]
    role: str
    of: str
    start: str
    end: str
    acting: str
    note: str
    source: str

    @property
    def stratum(self) -> str:
        return "wikidata" if self.source.startswith("wikidata:") else self.source

    @property
    def span(self) -> str:
        return span(self.start, self.end)


def span(start: str, end: str) -> str:
    return f"{start or '?'}..{end or 'open'}"


def load_ours(people_dir: Path = PEOPLE_DIR) -> list[Ours]:
    people: dict[str, dict[str, str]] = {}
    for path in sorted(people_dir.glob("*.people.tsv")):
        for _, row in read_tsv(path):
            people.setdefault(row["key"], row)
    rows = []
    for path in sorted(people_dir.glob("*.roles.tsv")):
        for line, row in read_tsv(path):
            person = people.get(row["person"], {})
            names = [person.get("name", ""), title_name(person.get("enwiki", "")),
                     *(alias.partition(":")[2] for alias in person.get("aliases", "").split("|"))]
            rows.append(Ours(path.name, line, row["person"], person.get("name", ""),
                             person.get("qid", ""), frozenset(filter(None, map(normal_name, names))),
                             row["role"], row["of"], row["start"], row["end"], row["acting"],
                             row["note"], row["source"]))
    return rows


def in_scope(row: Ours, offices: set[tuple[str, str]]) -> bool:
    if row.role not in ROLES or (row.role, row.of) not in offices or not _DATE.match(row.start):
        return False
    return (date_bounds(row.start)[0] <= UNTIL
            and (not row.end or date_bounds(row.end)[1] >= SINCE))


def shares(sizes: dict[str, int], n: int) -> dict[str, int]:
    """``n`` shared out by size (largest remainders), each stratum with rows at least one."""
    total = sum(sizes.values())
    if not total:
        return {}
    exact = {key: n * size / total for key, size in sizes.items()}
    out = {key: min(size, max(1, int(exact[key]))) for key, size in sizes.items()}
    for key in sorted(sizes, key=lambda k: (-(exact[k] - int(exact[k])), k)):
        if sum(out.values()) >= min(n, total):
            break
        if out[key] < sizes[key]:
            out[key] += 1
    while sum(out.values()) > n and any(v > 1 for v in out.values()):
        out[max(out, key=lambda k: (out[k] - exact[k], k))] -= 1
    return out


def draw(rows: list[Ours], n: int, seed: int) -> tuple[list[Ours], dict[str, int], dict[str, int]]:
    rng = random.Random(seed)
    strata: dict[str, list[Ours]] = defaultdict(list)
    for row in rows:
        strata[row.stratum].append(row)
    sizes = {key: len(value) for key, value in sorted(strata.items())}
    counts = shares(sizes, n)
    drawn = [row for key in sorted(strata) for row in rng.sample(strata[key], counts[key])]
    return drawn, sizes, counts


# --------------------------------------------------------------------------------------------
# comparing


def _partial(value: str) -> bool:
    return len(value) < 10


def starts_agree(ours: str, theirs: str) -> bool:
    if not ours or not theirs:
        return ours == theirs
    (a0, a1), (b0, b1) = date_bounds(ours), date_bounds(theirs)
    if _partial(ours) or _partial(theirs):
        return a0 <= b1 and b0 <= a1
    return abs((a0 - b0).days) <= TOLERANCE


def ends_agree(ours: str, theirs: str) -> bool:
    if not ours and not theirs:
        return True
    if not ours:
        return date_bounds(theirs)[1] > LIST_DAY
    if not theirs:
        return date_bounds(ours)[1] > LATE_END
    return starts_agree(ours, theirs)


def _first(value: str) -> date:
    return date_bounds(value)[0] if value else date.max


def _last(value: str) -> date:
    return date_bounds(value)[1] if value else date.max


def _runs(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Every span, and every run of consecutive spans (each starting within 31 days of the end
    of the one before) joined into one."""
    spans = sorted(set(spans), key=lambda s: (_first(s[0]), _last(s[1])))
    out = list(spans)
    for i, (start, end) in enumerate(spans):
        for nxt_start, nxt_end in spans[i + 1:]:
            if not end or (_first(nxt_start) - _last(end)).days > TOLERANCE:
                break
            if _last(nxt_end) > _last(end):
                end = nxt_end
                out.append((start, end))
    return out


def _distance(a: tuple[str, str], b: tuple[str, str]) -> tuple[int, int]:
    """(0 when the spans overlap else 1, days between the starts and between the ends)."""
    overlap = _first(a[0]) <= _last(b[1]) and _first(b[0]) <= _last(a[1])
    days = abs((_first(a[0]) - _first(b[0])).days)
    days += abs((min(_last(a[1]), LIST_DAY) - min(_last(b[1]), LIST_DAY)).days)
    return (0 if overlap else 1, days)


@dataclass
class Result:
    stratum: str
    source: str
    file: str
    line: int
    person: str
    name: str
    qid: str
    role: str
    of: str
    our_span: str
    acting: str
    note: str
    outcome: str
    list_span: str = ""
    list_person: str = ""
    list_position: str = ""
    how: str = ""  # "joined terms (ours)", "joined terms (list)" or "by name" when relevant
    #: for a row not in the list: what the list has of the person in that country
    elsewhere: str = ""
    #: for a row that differs: the list's other holders of the office around our span
    neighbours: str = ""
    verdict: str = ""


def compare(row: Ours, ours_all: list[Ours], by_office: dict[tuple[str, str], list[Tenure]],
            by_country: dict[str, list[Tenure]]) -> Result:
    out = Result(row.stratum, row.source, row.file, row.line, row.person, row.name, row.qid,
                 row.role, row.of, row.span, row.acting, row.note, ABSENT)
    office = by_office.get((row.role, row.of), [])
    found = [t for t in office if row.qid and t.qid == row.qid]
    if not found:
        found = [t for t in office if t.names & row.names]
        out.how = "by name" if found else ""
    if not found:
        mine = [t for t in by_country.get(row.of, [])
                if (row.qid and t.qid == row.qid) or t.names & row.names]
        out.elsewhere = "; ".join(sorted({f"{t.position} ({t.role or 'no role'}) "
                                          f"{span(t.start, t.end)}" for t in mine}))
        return out
    theirs = _runs([(t.start, t.end) for t in found])
    singles = {(t.start, t.end) for t in found}
    mine = _runs([(r.start, r.end) for r in ours_all
                  if (r.person, r.role, r.of) == (row.person, row.role, row.of)])
    mine = [s for s in mine if _first(s[0]) <= _first(row.start) and _last(s[1]) >= _last(row.end)]
    out.list_person, out.list_position = found[0].label, found[0].position
    for label, candidates in (("", [(row.start, row.end)]), ("joined terms (ours)", mine)):
        for ours in candidates:
            for other in theirs:
                if starts_agree(ours[0], other[0]) and ends_agree(ours[1], other[1]):
                    out.outcome, out.list_span = AGREES, span(*other)
                    how = label or ("" if other in singles else "joined terms (list)")
                    out.how = ", ".join(filter(None, (out.how, how)))
                    return out
    best = min(theirs, key=lambda s: _distance((row.start, row.end), s))
    out.outcome, out.list_span = DIFFER, span(*best)
    lo, hi = _first(row.start), min(_last(row.end), LIST_DAY)
    near = [t for t in office if t.qid != found[0].qid and not t.names & found[0].names
            and _first(t.start) <= hi + (hi - lo) / 4 and _last(t.end) >= lo - (hi - lo) / 4]
    out.neighbours = "; ".join(sorted({f"{t.label} {span(t.start, t.end)}" for t in near}))
    return out


# --------------------------------------------------------------------------------------------
# the reading


def load_reading(path: Path) -> dict[tuple[str, str, str, str], dict[str, str]]:
    if not path.is_file():
        return {}
    with open(path, encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {(r["person"], r["role"], r["of"], r["our span"]): r for r in rows}


# --------------------------------------------------------------------------------------------
# running it


def run(args: argparse.Namespace) -> dict:
    tenures, slugs = load_list(args.mirror, args.rev)
    by_office: dict[tuple[str, str], list[Tenure]] = defaultdict(list)
    by_country: dict[str, list[Tenure]] = defaultdict(list)
    for t in tenures:
        if t.role:
            by_office[(t.role, t.of)].append(t)
        by_country[t.of].append(t)
    ours = load_ours()
    scope = [row for row in ours if in_scope(row, set(by_office))]
    drawn, sizes, _ = draw(scope, args.n, args.seed)
    reading = load_reading(args.reading)
    results = []
    for row in drawn:
        result = compare(row, ours, by_office, by_country)
        if result.outcome != AGREES:
            read = reading.get((row.person, row.role, row.of, row.span))
            result.verdict = read["verdict"] if read else "unread"
        results.append(result)
    table = {}
    for stratum in [*sorted(sizes), "overall"]:
        mine = [r for r in results if stratum in ("overall", r.stratum)]
        outcomes = Counter(r.outcome for r in mine)
        verdicts = Counter(r.verdict for r in mine if r.verdict)
        table[stratum] = {"rows in scope": sizes.get(stratum, sum(sizes.values())),
                          "drawn": len(mine), **{o: outcomes[o] for o in OUTCOMES},
                          "errors": verdicts[ERROR], "verdicts": dict(sorted(verdicts.items()))}
    return {"list": f"{args.mirror} at {args.rev}", "countries": len(slugs),
            "list tenures": sum(len(v) for v in by_office.values()), "offices": len(by_office), "n": args.n,
            "seed": args.seed, "reading": str(args.reading) if reading else "",
            "table": table, "rows": [asdict(r) for r in results]}


def show(report: dict) -> None:
    print(f"kb spot check: {report['n']} rows, seed {report['seed']}; list {report['list']}: "
          f"{report['list tenures']} tenures of {report['offices']} offices in "
          f"{report['countries']} countries")
    print(f"\n{'source':<36}{'in scope':>9}{'drawn':>7}{'agrees':>8}{'differ':>8}"
          f"{'absent':>8}{'errors':>8}{'rate':>7}")
    for stratum, row in report["table"].items():
        # errors are counted only when every disagreement of the stratum has been read
        read = report["reading"] and not row["verdicts"].get("unread")
        rate = f"{row['errors'] / row['drawn']:.0%}" if row["drawn"] and read else "-"
        print(f"{stratum:<36}{row['rows in scope']:>9}{row['drawn']:>7}{row[AGREES]:>8}"
              f"{row[DIFFER]:>8}{row[ABSENT]:>8}{row['errors'] if read else '-':>8}{rate:>7}")
    if report["reading"]:
        print(f"\nverdicts ({report['reading']}): "
              + ", ".join(f"{k} {v}" for k, v in report["table"]["overall"]["verdicts"].items()))
    else:
        print(f"\nno reading at {READING}: errors are not counted")
    if "wikidata" in report["table"]:
        print("(wikidata rows were converted with this list's 31-day date check: their agreement "
              "is partly by construction)")
    agreed = Counter(r["how"] for r in report["rows"] if r["outcome"] == AGREES and r["how"])
    if agreed:
        print("agreements found " + ", ".join(f"{how}: {n}" for how, n in sorted(agreed.items())))
    for outcome in (DIFFER, ABSENT):
        rows = [r for r in report["rows"] if r["outcome"] == outcome]
        print(f"\n{outcome}: {len(rows)}")
        for r in rows:
            flags = ", ".join(filter(None, (r["acting"], r["how"])))
            print(f"  [{r['stratum']}] {r['person']} ({r['qid'] or 'no qid'}) {r['role']} {r['of']}"
                  f" ours {r['our_span']}" + (f" list {r['list_span']} ({r['list_position']})"
                                              if r["list_span"] else "")
                  + (f" [{flags}]" if flags else "") + f"  {r['file']}:{r['line']}"
                  + (f"  -> {r['verdict']}" if r["verdict"] else ""))
            if r["note"]:
                print(f"      note: {r['note']}")
            if r["elsewhere"]:
                print(f"      list has: {r['elsewhere']}")
            if r["neighbours"]:
                print(f"      other holders there: {r['neighbours']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--mirror", type=Path, default=MIRROR)
    parser.add_argument("--rev", default=REV)
    parser.add_argument("--reading", type=Path, default=READING)
    args = parser.parse_args(argv)
    try:
        _git(args.mirror, "rev-parse", "--verify", "--quiet", f"{args.rev}^{{commit}}")
    except (subprocess.CalledProcessError, FileNotFoundError, NotADirectoryError):
        print(f"kb_spotcheck: skipped: no verification list at {args.mirror} (a bare git mirror "
              f"of peppercatorg/site-build with commit {args.rev}); nothing was checked",
              file=sys.stderr)
        return 0
    report = run(args)
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        show(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
