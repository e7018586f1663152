"""The known names converted from the SEC's company_tickers.json (``known-names.tsv``, written by
``scripts/kb/convert_sec_tickers.py``): the validator over every shipped row, the converter's rules
on rows written here (no dataset needed), and how the knowledge base stores the names.

The validator is a small pure function over one parsed row, so that the negative tests can feed it
a bad row (as in test_kb_data_orgs_places.py)."""

from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path

import pytest
from rapidfuzz.distance import OSA
from wordfreq import zipf_frequency

import copydesk
from copydesk.knowledge.records import AcronymRecord
from copydesk.knowledge.sources import shipped
from copydesk.knowledge.store import KnowledgeBase

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts" / "kb"))  # the converters are scripts, not a package

import convert_sec_tickers as converter

DATA = Path(copydesk.__file__).parent / "data" / "kb"
PATH = DATA / "known-names.tsv"
COLUMNS = ["name", "kind", "company", "rank", "source", "taken"]
KINDS = {"acronym", "company", "brand", "organisation"}
NAME = re.compile(r"^[A-Z]{3,6}$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@cache
def rows() -> tuple[dict[str, str], ...]:
    header, out = None, []
    for line in PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if header is None:
            header = fields
            assert header == COLUMNS, header
            continue
        assert len(fields) == len(header), line
        out.append(dict(zip(header, fields)))
    return tuple(out)


@cache
def hand_written() -> frozenset[str]:
    return converter.shipped_acronyms(DATA)


def validate_known_name(row: dict[str, str], acronyms: frozenset[str]) -> list[str]:
    """What is wrong with one row of known-names.tsv (an empty list when nothing is)."""
    problems = []
    name = row.get("name", "")
    if not NAME.match(name):
        problems.append(f"name {name!r} is not 3 to 6 capital letters")
    if row.get("kind") not in KINDS:
        problems.append(f"kind {row.get('kind')!r} not allowed")
    if not row.get("company"):
        problems.append("empty company")
    if not row.get("rank", "").isdigit():
        problems.append(f"rank {row.get('rank')!r} is not a number")
    if row.get("source") != converter.SOURCE:
        problems.append(f"source {row.get('source')!r}")
    if not DAY.match(row.get("taken", "")):
        problems.append(f"taken {row.get('taken')!r} is not a day")
    if not NAME.match(name):
        return problems
    own = zipf_frequency(name.lower(), "en")
    if own >= converter.COMMON_WORD_ZIPF:
        problems.append(f"{name} is a common English word (Zipf {own:.1f})")
    if name in acronyms:
        problems.append(f"{name} is already a hand-written acronym")
    prominent = row.get("rank", "").isdigit() and int(row["rank"]) < converter.PROMINENT
    for acronym in acronyms:
        if (not prominent and len(acronym) == len(name) and sorted(acronym) == sorted(name)
                and OSA.distance(acronym, name) == 1
                and zipf_frequency(acronym.lower(), "en") - own >= converter.MARGIN):
            problems.append(f"{name} is more likely a slip for {acronym}")
    return problems


# --- the shipped rows ----------------------------------------------------------------------------

def test_every_row_is_valid():
    acronyms = hand_written()
    problems = {row["name"]: p for row in rows() if (p := validate_known_name(row, acronyms))}
    assert problems == {}


def test_names_are_unique_and_sorted():
    names = [row["name"] for row in rows()]
    assert names == sorted(set(names))


def test_size_and_header():
    assert len(rows()) >= 1000
    text = PATH.read_text(encoding="utf-8")
    assert "company_tickers.json" in text.split("\nname\t")[0]
    assert "may be copied or further distributed" in text  # the licence is quoted in the header


@pytest.mark.parametrize("name", ["CVS", "PNC", "AMC", "UBS", "KKR", "CSX"])
def test_real_company_names_are_known(name):
    assert name in {row["name"] for row in rows()}


@pytest.mark.parametrize("name", ["BCB", "GPO", "PSB"])
def test_slips_for_famous_acronyms_are_left_out(name):
    # BCB Bancorp, GPO Plus, PSB Holdings: small companies whose names are transpositions of the
    # BBC, the GOP and PBS
    assert name not in {row["name"] for row in rows()}


# --- the validator on bad rows -------------------------------------------------------------------

GOOD = {"name": "CVS", "kind": "company", "company": "CVS HEALTH Corp", "rank": "193",
        "source": converter.SOURCE, "taken": "2024-05-14"}


def test_validator_accepts_a_good_row():
    assert validate_known_name(GOOD, frozenset({"BBC"})) == []


@pytest.mark.parametrize(("change", "expected"), [
    ({"name": "Cvs"}, "not 3 to 6 capital letters"),
    ({"name": "ABCDEFG"}, "not 3 to 6 capital letters"),
    ({"kind": "ticker"}, "kind 'ticker' not allowed"),
    ({"company": ""}, "empty company"),
    ({"taken": "2024"}, "not a day"),
    ({"name": "GOLD"}, "common English word"),
    ({"name": "BBC"}, "already a hand-written acronym"),
    ({"name": "BCB", "rank": "4217"}, "more likely a slip for BBC"),
])
def test_validator_rejects_a_bad_row(change, expected):
    problems = validate_known_name({**GOOD, **change}, frozenset({"BBC"}))
    assert any(expected in p for p in problems), problems


def test_a_prominent_company_may_resemble_a_famous_acronym():
    assert validate_known_name({**GOOD, "name": "BCB", "rank": "12"}, frozenset({"BBC"})) == []


# --- the converter's rules -----------------------------------------------------------------------

SEC_ROWS = [
    {"cik_str": 1, "ticker": "ADP", "title": "AUTOMATIC DATA PROCESSING INC"},
    {"cik_str": 2, "ticker": "CVS", "title": "CVS HEALTH Corp"},
    {"cik_str": 3, "ticker": "BRK-B", "title": "BERKSHIRE HATHAWAY INC"},
    {"cik_str": 4, "ticker": "NVR", "title": "NVR INC"},
    {"cik_str": 5, "ticker": "GOLD", "title": "BARRICK GOLD CORP"},
    {"cik_str": 6, "ticker": "XYZQ", "title": "Quiet Harbour Ltd"},
]


def test_names_of_each_rule():
    assert [(n.name, n.kind) for n in converter.names_of(0, "ADP", SEC_ROWS[0]["title"])] == [("ADP", "acronym")]
    assert [(n.name, n.kind) for n in converter.names_of(1, "CVS", "CVS HEALTH Corp")] == [
        ("CVS", "company"), ("CVS", "company")]
    assert converter.names_of(2, "BRK-B", "BERKSHIRE HATHAWAY INC") == []  # 9 letters, no initials
    assert converter.names_of(5, "XYZQ", "Quiet Harbour Ltd") == []  # a ticker only
    # initials are names only for the most valuable companies
    assert converter.names_of(converter.PROMINENT, "ADP", SEC_ROWS[0]["title"]) == []


def test_company_words_drop_the_state_code():
    assert converter.company_words("US BANCORP \\DE\\") == ["US", "BANCORP"]
    assert converter.company_words("HOME DEPOT, INC.") == ["HOME", "DEPOT", "INC"]


def test_convert_keeps_names_and_leaves_out_words_known_acronyms_and_slips():
    # BCB Bancorp far down the list (past PROMINENT): a slip for the BBC
    filler = [{"cik_str": 100 + i, "ticker": "Q", "title": "Q"} for i in range(converter.PROMINENT)]
    bcb = {"cik_str": 7, "ticker": "BCBP", "title": "BCB BANCORP INC"}
    names, left_out, slips = converter.convert(SEC_ROWS + filler + [bcb], frozenset({"BBC", "NVR"}))
    assert [(n.name, n.kind) for n in names] == [("ADP", "acronym"), ("CVS", "company")]
    assert left_out == {"common English word": 1, "already a hand-written acronym": 1,
                        "transposition of a more common acronym": 1}
    assert slips == ["BCB (BCB BANCORP INC, rank 1006) ~ BBC"]


def test_read_rows_checks_the_shape():
    assert converter.read_rows('{"1": {"cik_str": 2, "ticker": "B", "title": "b"},'
                               ' "0": {"cik_str": 1, "ticker": "A", "title": "a"}}')[0]["ticker"] == "A"
    with pytest.raises(converter.ConversionError):
        converter.read_rows('[{"ticker": "A"}]')
    with pytest.raises(converter.ConversionError):
        converter.read_rows('{"0": {"ticker": "A"}}')


# --- in the knowledge base -----------------------------------------------------------------------

def test_known_names_are_acronyms_without_expansion():
    kb = KnowledgeBase(":memory:")
    kb.add_acronyms([AcronymRecord("BBC", "British Broadcasting Corporation")])
    kb.add_acronyms(shipped.known_names(DATA))
    kb.finish()
    assert {"CVS", "PNC", "BBC"} <= kb.all_acronyms()
    assert "CVS" not in kb.expanded_acronyms() and "BBC" in kb.expanded_acronyms()
    assert kb.expansions("CVS") == []
    assert kb.acronyms_for("") == []
    assert [r.expansion for r in kb.expansions("BBC")] == ["British Broadcasting Corporation"]
