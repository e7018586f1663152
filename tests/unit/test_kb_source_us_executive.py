"""The US presidents and vice-presidents converted from unitedstates/congress-legislators
(``people/us-executive.*.tsv``, written by ``scripts/kb/convert_us_executive.py``).

The shipped-rows tests read the committed TSVs; the converter tests run its pure conversion on a
YAML snippet written here. Neither needs the dataset's repository.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copydesk.knowledge.sources.tsv import read_tsv

ROOT = Path(__file__).resolve().parents[2]
PEOPLE_DIR = ROOT / "src" / "copydesk" / "data" / "kb" / "people"
sys.path.insert(0, str(ROOT / "scripts" / "kb"))  # the converters are scripts, not a package

import common
import convert_us_executive as converter

ROLES = PEOPLE_DIR / "us-executive.roles.tsv"


def _names() -> dict[str, str]:
    return {row["key"]: row["name"] for path in PEOPLE_DIR.glob("*.people.tsv")
            for _, row in read_tsv(path)}


def _holders(role: str, day: str) -> list[tuple[str, str, str]]:
    """(name, start, end) of the converted rows of ``role`` of USA that include ``day``."""
    names = _names()
    return [(names[row["person"]], row["start"], row["end"]) for _, row in read_tsv(ROLES)
            if row["role"] == role and row["of"] == "USA"
            and row["start"] <= day and (not row["end"] or day < row["end"])]


@pytest.mark.parametrize(("role", "day", "expected"), [
    ("vice-president", "2003-05-01", ("Dick Cheney", "2001-01-20", "2009-01-20")),
    ("vice-president", "2010-06-01", ("Joe Biden", "2009-01-20", "2017-01-20")),
    ("vice-president", "2018-06-01", ("Mike Pence", "2017-01-20", "2021-01-20")),
    ("vice-president", "2022-06-01", ("Kamala Harris", "2021-01-20", "2025-01-20")),
    ("head-of-state", "2010-06-01", ("Barack Obama", "2009-01-20", "2017-01-20")),
    ("head-of-government", "2010-06-01", ("Barack Obama", "2009-01-20", "2017-01-20")),
])
def test_shipped_rows_give_the_known_holder(role, day, expected):
    assert _holders(role, day) == [expected]


def test_shipped_rows_name_their_source():
    text = ROLES.read_text(encoding="utf-8")
    assert "unitedstates/congress-legislators" in text and "CC0 1.0" in text
    rows = [row for _, row in read_tsv(ROLES)]
    rows += [row for _, row in read_tsv(PEOPLE_DIR / "us-executive.people.tsv")]
    assert rows and {row["source"] for row in rows} == {converter.SOURCE}
    assert len({row["taken"] for row in rows}) == 1


def test_no_handwritten_row_duplicates_the_converted_offices():
    assert common.covered_rows(converter.COVERED, PEOPLE_DIR) == []


SNIPPET = """
- id: {govtrack: 1, wikidata: Q900000001, wikipedia: Ann Example (politician)}
  name: {first: Ann, middle: Q., last: Example, official_full: Ann Q. Example}
  terms:
  - {type: viceprez, start: '2001-01-20', end: '2005-01-20', party: X, how: election}
  - {type: viceprez, start: '2005-01-20', end: '2009-01-20', party: X, how: election}
  - {type: prez, start: '2025-01-20', end: '2029-01-20', party: X, how: election}
- id: {govtrack: 2, wikidata: Q900000002, wikipedia: Bob Sample}
  name: {first: Robert, last: Sample, nickname: Bob}
  terms:
  - {type: viceprez, start: '1977-01-20', end: '1981-01-20', party: Y, how: election}
  - {type: prez, start: '1985-01-20', end: '1989-01-20', party: Y, how: succession}
  - {type: prez, start: '2017-01-20', end: '2021-01-20', party: Y, how: election}
"""


def _row(person, role, start, end, note=""):
    title = "Vice President" if role == "vice-president" else "President"
    return {"person": person, "role": role, "of": "USA", "start": start, "end": end,
            "title": f"{title} of the United States", "acting": "", "note": note}


def test_converter_rows_from_a_snippet():
    # Bob is shipped already, without a QID; Ann is new
    shipped = common.PeopleIndex()
    shipped.add(common.Person("bob-sample", "Bob Sample", "", "Bob_Sample", Path("t.people.tsv")))
    result = converter.convert(converter.parse(SNIPPET), shipped, snapshot_day="2026-06-15")
    assert result.people == [{"key": "ann-example-politician", "name": "Ann Example",
                              "qid": "Q900000001", "enwiki": "Ann_Example_(politician)",
                              "aliases": "full:Ann Q. Example"}]
    assert result.qids == {"bob-sample": "Q900000002"}
    bob_first = "succeeded to the office; first term"
    assert result.roles == [
        "United States: President",
        # ends on the first day of the scope (1989-01-20): in
        _row("bob-sample", "head-of-state", "1985-01-20", "1989-01-20", bob_first),
        _row("bob-sample", "head-of-government", "1985-01-20", "1989-01-20", bob_first),
        _row("bob-sample", "head-of-state", "2017-01-20", "2021-01-20", "second term"),
        _row("bob-sample", "head-of-government", "2017-01-20", "2021-01-20", "second term"),
        # current: the term ends after the snapshot, so the end is empty
        _row("ann-example-politician", "head-of-state", "2025-01-20", ""),
        _row("ann-example-politician", "head-of-government", "2025-01-20", ""),
        "United States: Vice President",
        # two consecutive terms, one row; Bob's 1977-1981 term is out of scope
        _row("ann-example-politician", "vice-president", "2001-01-20", "2009-01-20"),
    ]


def test_converter_leaves_out_a_term_that_has_not_begun():
    result = converter.convert(converter.parse(SNIPPET), common.PeopleIndex(),
                               snapshot_day="2024-12-01")
    ann = [row for row in result.role_rows() if row["person"] == "ann-example-politician"]
    assert [row["role"] for row in ann] == ["vice-president"]
    assert any("has not begun" in note for note in result.notes)


def test_converter_stops_on_a_person_without_ids():
    records = converter.parse(SNIPPET)
    records[0]["id"] = {"govtrack": 3}
    with pytest.raises(common.ConversionError, match="IDENTITY"):
        converter.convert(records, common.PeopleIndex(), snapshot_day="2026-06-15")


def test_common_edits_touch_only_their_cells_and_lines(tmp_path):
    people = tmp_path / "t.people.tsv"
    roles = tmp_path / "t.roles.tsv"
    common.write_tsv(people, ["a comment"], common.PEOPLE_COLUMNS, [
        {"key": "bob-sample", "name": "Bob Sample", "qid": "", "enwiki": "Bob_Sample",
         "aliases": ""}], source="editorial", taken="2026-01-02")
    common.write_tsv(roles, ["a comment"], common.ROLES_COLUMNS, [
        "United States",
        _row("bob-sample", "head-of-state", "2017-01-20", "2021-01-20"),
        _row("bob-sample", "foreign-minister", "2001", "2005"),
    ], source="editorial", taken="2026-01-02")
    roles_before = roles.read_text(encoding="utf-8").splitlines(keepends=True)

    assert len(common.fill_qids({"bob-sample": "Q2"}, tmp_path)) == 1
    assert people.read_text(encoding="utf-8").splitlines()[-1] == (
        "bob-sample\tBob Sample\tQ2\tBob_Sample\t\teditorial\t2026-01-02")
    found = common.covered_rows({("head-of-state", "USA")}, tmp_path)
    assert [row.line for row in found] == [4]
    assert common.remove_rows(found) == 1
    assert roles.read_text(encoding="utf-8").splitlines(keepends=True) == (
        roles_before[:3] + roles_before[4:])
    assert common.slug_key("Recep_Tayyip_Erdoğan") == "recep-tayyip-erdogan"
    assert common.slug_key("George H. W. Bush") == "george-h-w-bush"
