"""Convert the SEC's list of listed companies and their tickers (``company_tickers.json``,
https://www.sec.gov/files/company_tickers.json) into ``src/copydesk/data/kb/known-names.tsv``:
all-capitals names of companies, 3 to 6 letters, that are real names and not typos.

The SEC publishes the file for EDGAR; it is a US federal government work, and the SEC's website
policy ("Website Dissemination", https://www.sec.gov/about/privacy-information) says: "Information
presented on sec.gov is considered public information and may be copied or further distributed by
users of the web site without the SEC's permission. Please consider appropriate citation to the
SEC as the source." The file is read from a git snapshot that committed it verbatim (by default
``data/company_tickers.json`` of dgunning/edgartools) or from a download (``--json``).

Each row of the file is ``{"cik_str", "ticker", "title"}``, in the SEC's order (the most valuable
companies first; a row's place in it is its ``rank`` below). A token is kept as a name when:

- ``company``: the company's ticker (3 to 6 letters, a share-class suffix such as ``-A`` dropped)
  is a word of its name (CVS for "CVS HEALTH Corp", PNC, HSBC, KKR, RELX);
- ``company``: the first word of the name is written in capitals, 3 to 6 letters (NVR for "NVR
  INC", AECOM, "PDD Holdings Inc.");
- ``acronym``: the ticker is the initials of the name's words, legal forms left out (IBM for
  "INTERNATIONAL BUSINESS MACHINES CORP", AMD), for the ``PROMINENT`` most valuable companies only
  (further down the list initials are tickers, not names people write);

and it is none of these:

- a common English word (wordfreq Zipf >= ``COMMON_WORD_ZIPF``, the threshold under which
  ``acronyms.typo`` reads a capitalised word as an acronym at all: GOLD, BALL);
- an acronym the hand-written files already have (``acronyms.tsv``, ``organisations.tsv``);
- a transposition of a hand-written acronym that is much more common in English text (Zipf lower
  by ``MARGIN`` or more, the margin by which ``acronyms.typo`` calls one candidate clearly more
  prominent than another), unless its company is one of the ``PROMINENT`` most valuable: BCB
  (BCB Bancorp, Zipf 2.0) is left out, as BCB is far more often a slip for the BBC (4.6), while
  UBS (rank 135) stays although USB is commoner. Known names must not swallow typos of famous
  acronyms.

One row per name (the most valuable company that gives it), sorted by name. Every row has
``source`` = ``sec-edgar:company_tickers.json`` and ``taken`` = the day of the snapshot commit
that last changed the file (or ``--taken`` with ``--json``).

Re-run (needs git; wordfreq and rapidfuzz are project dependencies)::

    git clone --bare https://github.com/dgunning/edgartools /tmp/edgartools.git
    .venv/bin/python scripts/kb/convert_sec_tickers.py --repo /tmp/edgartools.git
    # or, from a fresh download of the SEC's file:
    .venv/bin/python scripts/kb/convert_sec_tickers.py --json company_tickers.json --taken YYYY-MM-DD
    .venv/bin/python -m pytest -q tests/unit -k kb
    git diff --stat src/copydesk/data/kb   # review, then commit

``--dry-run`` prints the counts and what was left out, and writes nothing.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz.distance import OSA
from wordfreq import zipf_frequency

# scripts/kb is not a package: common.py is found next to this file
sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import KB_DIR, ConversionError, git_commit, git_show, write_tsv

from copydesk.knowledge.sources import shipped

DEFAULT_REPO = Path("/work/.mirror/dgunning+edgartools/repo")
SOURCE_FILE = "data/company_tickers.json"
SOURCE = "sec-edgar:company_tickers.json"
SEC_URL = "https://www.sec.gov/files/company_tickers.json"
SNAPSHOT_URL = "https://github.com/dgunning/edgartools"
OUTPUT = KB_DIR / "known-names.tsv"
COLUMNS = ("name", "kind", "company", "rank")

MIN_LENGTH, MAX_LENGTH = 3, 6
#: A word this common in English is read as a word, not an acronym (as in ``acronyms.typo``).
COMMON_WORD_ZIPF = 3.5
#: A Zipf difference this large makes one acronym clearly more prominent (as in ``acronyms.typo``).
MARGIN = 1.0
#: The most valuable companies of the SEC's list, whose tickers are names news copy uses.
PROMINENT = 1000
#: Words of a company's name that are its legal form, not part of what it is called.
LEGAL_WORDS = frozenset({
    "INC", "CORP", "CORPORATION", "CO", "COS", "COMPANY", "COMPANIES", "LTD", "LIMITED", "PLC",
    "LLC", "LP", "L", "P", "SA", "S", "A", "NV", "N", "V", "AG", "SE", "AB", "ASA", "SPA", "AS",
    "OYJ", "KGAA", "CV", "SAB", "BV", "THE", "OF", "AND", "HOLDINGS", "HOLDING", "GROUP", "TRUST",
    "NEW", "ADR",
})
_STATE_SUFFIX = re.compile(r"\s*[/\\][A-Z ]{2,}[/\\]?\s*$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'.&-]*")
_LETTERS = re.compile(rf"[A-Z]{{{MIN_LENGTH},{MAX_LENGTH}}}")


@dataclass
class Name:
    name: str
    kind: str
    company: str
    rank: int


def company_words(title: str) -> list[str]:
    """The words of a company's name as the SEC writes it, a trailing state code (``/DE/``) left
    out and full stops trimmed: ``"HOME DEPOT, INC."`` -> ``["HOME", "DEPOT", "INC"]``."""
    return [w.strip(".'") for w in _WORD.findall(_STATE_SUFFIX.sub("", title))]


def names_of(rank: int, ticker: str, title: str) -> list[Name]:
    """The all-capitals names one row of the SEC's file gives (see the module docstring)."""
    out = []
    words = company_words(title)
    base = ticker.split("-")[0]
    if _LETTERS.fullmatch(base):
        if base in (w.upper() for w in words):
            out.append(Name(base, "company", title, rank))
        initials = [w.upper() for w in words if w.upper() not in LEGAL_WORDS and w.isalpha()]
        if rank < PROMINENT and len(initials) == len(base) and "".join(w[0] for w in initials) == base:
            out.append(Name(base, "acronym", title, rank))
    if words and _LETTERS.fullmatch(words[0]):
        out.append(Name(words[0], "company", title, rank))
    return out


def shipped_acronyms(directory: Path | None = None) -> frozenset[str]:
    """The acronyms of the hand-written files (``acronyms.tsv`` and the organisations')."""
    return frozenset(record.acronym for record in shipped.acronyms(directory))


def zipf(token: str) -> float:
    return zipf_frequency(token.lower(), "en")


def slip_of(name: Name, acronyms: dict[str, list[str]]) -> str | None:
    """The hand-written acronym ``name`` is more likely a slip for (its letters transposed, and
    the acronym more common by ``MARGIN``), or None; a ``PROMINENT`` company's name never is.
    ``acronyms`` maps sorted letters to the hand-written acronyms made of them."""
    if name.rank < PROMINENT:
        return None
    own = zipf(name.name)
    for acronym in acronyms.get("".join(sorted(name.name)), ()):
        if OSA.distance(acronym, name.name) == 1 and zipf(acronym) - own >= MARGIN:
            return acronym
    return None


def convert(rows: list[dict], acronyms: frozenset[str]) -> tuple[list[Name], Counter, list[str]]:
    """(names kept, counts of what was left out by reason, the transpositions left out)."""
    by_letters: dict[str, list[str]] = {}
    for acronym in sorted(acronyms):
        by_letters.setdefault("".join(sorted(acronym)), []).append(acronym)
    kept: dict[str, Name] = {}
    left_out: Counter = Counter()
    slips: list[str] = []
    seen: set[str] = set()
    for rank, row in enumerate(rows):
        for name in names_of(rank, str(row["ticker"]), str(row["title"]).strip()):
            if name.name in seen:
                continue
            seen.add(name.name)
            if zipf(name.name) >= COMMON_WORD_ZIPF:
                left_out["common English word"] += 1
            elif name.name in acronyms:
                left_out["already a hand-written acronym"] += 1
            elif (slip := slip_of(name, by_letters)) is not None:
                left_out["transposition of a more common acronym"] += 1
                slips.append(f"{name.name} ({name.company}, rank {name.rank}) ~ {slip}")
            else:
                kept[name.name] = name
    return sorted(kept.values(), key=lambda n: n.name), left_out, slips


def read_rows(text: str) -> list[dict]:
    """The rows of ``company_tickers.json`` in the file's order (``{"0": {...}, "1": ...}``)."""
    data = json.loads(text)
    if not isinstance(data, dict) or not all(k.isdigit() for k in data):
        raise ConversionError("not the SEC's company_tickers.json: expected {\"0\": {...}, ...}")
    rows = [data[k] for k in sorted(data, key=int)]
    for row in rows:
        if set(row) != {"cik_str", "ticker", "title"}:
            raise ConversionError(f"unexpected fields in a row: {sorted(row)}")
    return rows


def _file_commit(repo: Path) -> tuple[str, str]:
    """(hash, day) of the snapshot's newest commit that changed ``SOURCE_FILE``."""
    done = subprocess.run(["git", "-C", str(repo), "log", "-1", "--format=%H", "--", SOURCE_FILE],
                          capture_output=True, text=True, check=False)
    if done.returncode or not done.stdout.strip():
        raise ConversionError(f"{SOURCE_FILE} has no history in {repo}")
    return git_commit(repo, done.stdout.strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", type=Path, default=DEFAULT_REPO,
                        help=f"git directory of a snapshot holding {SOURCE_FILE}")
    parser.add_argument("--json", type=Path, help="a downloaded company_tickers.json instead")
    parser.add_argument("--taken", help="the day the --json file was downloaded (YYYY-MM-DD)")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    try:
        if args.json:
            if not args.taken:
                raise ConversionError("--json needs --taken YYYY-MM-DD")
            rows, taken = read_rows(args.json.read_text(encoding="utf-8")), args.taken
            where = f"downloaded from {SEC_URL} on {taken}"
        else:
            commit, taken = _file_commit(args.repo)
            rows = read_rows(git_show(args.repo, SOURCE_FILE, commit))
            where = (f"{SEC_URL} as committed verbatim to {SNAPSHOT_URL} ({SOURCE_FILE}, commit "
                     f"{commit} of {taken})")
        names, left_out, slips = convert(rows, shipped_acronyms())
    except ConversionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    kinds = Counter(n.kind for n in names)
    print(f"{len(rows)} rows of the SEC's file; {len(names)} names kept "
          f"({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))})")
    for reason, count in sorted(left_out.items()):
        print(f"  left out, {reason}: {count}")
    for slip in slips:
        print(f"    {slip}")
    if args.dry_run:
        return 0
    comments = [
        ("All-capitals names of companies, 3 to 6 letters, that are real names and not typos: "
         "acronyms.typo leaves them alone. Not expansions: acronyms.expansion does not read them. "
         "Do not edit by hand: converted by scripts/kb/convert_sec_tickers.py (its docstring says "
         "which names are kept and which are left out)."),
        f"Source: the SEC's company_tickers.json (EDGAR company names and tickers), {where}.",
        ("Licence: a US federal government work; the SEC's website policy: \"Information presented "
         "on sec.gov is considered public information and may be copied or further distributed by "
         "users of the web site without the SEC's permission\" "
         "(https://www.sec.gov/about/privacy-information)."),
        ("Columns: name; kind (company: the company's name or its ticker written in its name; "
         "acronym: the initials of its name); company (the SEC's name of the most valuable "
         "company that gives it); rank (that company's place in the SEC's list, 0 first: the most "
         "valuable companies come first)."),
    ]
    count = write_tsv(OUTPUT, comments, COLUMNS,
                      ({"name": n.name, "kind": n.kind, "company": n.company, "rank": str(n.rank)}
                       for n in names),
                      source=SOURCE, taken=taken)
    print(f"wrote {count} rows to {OUTPUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
