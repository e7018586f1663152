"""The heads of state and government converted from Wikidata (``people/world-leaders.*.tsv``,
written by ``scripts/kb/convert_world_leaders.py`` from cfmessias/geografia's
``data/leaders_history.csv``).

The shipped-rows tests read the committed TSVs; the converter tests run its pure conversion on a
CSV snippet of fictional people written here, with a verification list built here. Neither needs
the source repository or the verification list.
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
import convert_world_leaders as converter

ROLES = PEOPLE_DIR / "world-leaders.roles.tsv"
PEOPLE = PEOPLE_DIR / "world-leaders.people.tsv"


def _names() -> dict[str, str]:
    return {row["key"]: row["name"] for path in PEOPLE_DIR.glob("*.people.tsv")
            for _, row in read_tsv(path)}


def _holders(role: str, of: str, day: str) -> list[dict[str, str]]:
    """The converted rows of the office that include ``day`` (partial dates read widely),
    with the holder's name."""
    names = _names()
    found = []
    for _, row in read_tsv(ROLES):
        if (row["role"], row["of"]) != (role, of):
            continue
        start = common.date_bounds(row["start"])[0].isoformat()
        end = common.date_bounds(row["end"])[1].isoformat() if row["end"] else "9999"
        if start <= day <= end:
            found.append({**row, "name": names[row["person"]]})
    return found


@pytest.mark.parametrize(("role", "of", "day", "name", "title"), [
    ("head-of-state", "VEN", "2020-01-01", "Nicolás Maduro", "President of Venezuela"),
    ("head-of-government", "VEN", "2020-01-01", "Nicolás Maduro", "President of Venezuela"),
    ("head-of-state", "VEN", "2005-06-01", "Hugo Chávez", "President of Venezuela"),
    ("head-of-state", "CHL", "2016-06-01", "Michelle Bachelet", "President of Chile"),
    ("head-of-government", "NZL", "2020-06-01", "Jacinda Ardern", "Prime Minister of New Zealand"),
    ("head-of-state", "MOZ", "2020-06-01", "Filipe Nyusi", "President of Mozambique"),
])
def test_shipped_rows_give_the_known_holder(role, of, day, name, title):
    rows = [row for row in _holders(role, of, day) if not row["acting"]]
    assert (name, title) in [(row["name"], row["title"]) for row in rows]


def test_shipped_rows_keep_the_source_dates():
    chavez = [(row["start"], row["end"]) for row in _holders("head-of-state", "VEN", "2005-06-01")
              if row["name"] == "Hugo Chávez"]
    assert chavez == [("1999-02-02", "2013-03-05")]
    # the claimant's years are an overlap the source has, and say so
    guaido = [row for row in _holders("head-of-state", "VEN", "2020-01-01")
              if row["name"] == "Juan Guaidó"]
    assert all(converter.NOTE_OVERLAP in row["note"] for row in guaido)


def test_shipped_rows_are_wikidata_facts():
    text = ROLES.read_text(encoding="utf-8")
    assert "cfmessias/geografia" in text and "CC0" in text and "2e1e3b9" in text
    for path in (ROLES, PEOPLE):
        rows = [row for _, row in read_tsv(path)]
        assert rows and all(row["source"].startswith("wikidata:Q") for row in rows)
        assert {row["taken"] for row in rows} == {"2025-10-03"}
    people = {row["key"]: row for _, row in read_tsv(PEOPLE)}
    assert all(row["source"] == f"wikidata:{row['qid']}" for row in people.values())


def test_offices_of_other_files_are_left_to_them():
    ours = {(row["role"], row["of"]) for _, row in read_tsv(ROLES)}
    theirs = {(row.fields["role"], row.fields["of"])
              for row in common.shipped_roles(PEOPLE_DIR, exclude=[ROLES])}
    assert ours and not ours & theirs


def test_only_un_member_states():
    countries, _ = converter.load_places()
    assert len(countries) == 193 and "VAT" not in countries
    assert {row["of"] for _, row in read_tsv(ROLES)} <= set(countries)


# ----------------------------------------------------------------------------------------------
# the conversion, on fictional people

SNIPPET = """iso3,country,role,person,person_qid,start,end,party,end_cause
XFR,Freedónia,head_of_state,Ann Example,Q900000001,2003-01-01T00:00:00Z,2010-05-04T00:00:00Z,,
XFR,Freedónia,head_of_state,Bob Sample,Q900000002,2010-05-04T00:00:00Z,,,
XFR,Freedónia,head_of_state,Bob Sample,Q900000002,2010-05-04T00:00:00Z,,,
XFR,Freedónia,head_of_state,Carl Standin,Q900000003,2012-03-01T00:00:00Z,2012-04-15T00:00:00Z,,
XFR,Freedónia,head_of_state,Eve Flash,Q900000005,2012-06-01T00:00:00Z,2012-06-06T00:00:00Z,,
XFR,Freedónia,head_of_government,Isabel Exemplo,Q900000006,2004-02-11T00:00:00Z,\
2008-09-30T00:00:00Z,,
XFR,Freedónia,head_of_government,Gil Generic,Q900000007,2016-07-01T00:00:00Z,,,
XFR,Freedónia,head_of_government,Dan Drift,Q900000008,2009-06-01T00:00:00Z,2011-01-20T00:00:00Z,,
XFR,Freedónia,head_of_government,Nora Nostart,Q900000009,,2012-02-14T00:00:00Z,,
XFR,Freedónia,head_of_government,Hal Heir,Q900000013,,2016-06-30T00:00:00Z,,
XFR,Freedónia,head_of_state,Bob Sample,Q900000002,,,,
XFR,Freedónia,head_of_government,Old Timer,Q900000010,1980-05-05T00:00:00Z,1996-01-01T00:00:00Z,,
XTE,Terra,head_of_state,Tim Territory,Q900000011,2001-03-03T00:00:00Z,,,
XSY,Sylvânia,head_of_state,Sam Shipped,Q900000012,2001-03-03T00:00:00Z,,,
"""

COUNTRIES = {"XFR": "Freedonia", "XSY": "Sylvania"}


def _verification() -> converter.Verification:
    found = converter.Verification()
    state, government = "head-of-state", "head-of-government"
    for qid, name, enwiki, tenure in [
        # Ann: a year in Wikidata, so the source's 2003-01-01 is 2003
        ("Q900000001", "Ann Example", "Ann Example", ("XFR", state, "President", "2003",
                                                        "2010-05-04")),
        ("Q900000002", "Bob Sample", "Bob Sample", ("XFR", state, "President", "2010-05-04", "")),
        # Carl: the first of March is a day here
        ("Q900000003", "Carl Standin", "Carl Standin", ("XFR", state, "Acting President",
                                                          "2012-03-01", "2012-04-15")),
        ("Q900000005", "Eve Flash", "Eve Flash", None),
        ("Q900000006", "Isabel Example", "Isabel Example", ("XFR", government, "Prime Minister",
                                                              "2004-02-11", "2008-09-30")),
        ("Q900000007", "Gil Generic", "Gil Generic (politician)", None),
        # Dan: the list has him start eight months later
        ("Q900000008", "Dan Drift", "Dan Drift", ("XFR", government, "Prime Minister",
                                                    "2010-02-01", "2011-01-20")),
        # Nora: her predecessor's end (Dan's, 2011-01-20) is four months before her start here
        ("Q900000009", "Nora Nostart", "Nora Nostart", ("XFR", government, "Prime Minister",
                                                          "2011-05-20", "2012-02-14")),
        # Hal: two days after his predecessor's end (Nora's, 2012-02-14), which confirms it
        ("Q900000013", "Hal Heir", "Hal Heir", ("XFR", government, "Prime Minister",
                                                  "2012-02-16", "2016-06-30")),
    ]:
        found.add(qid, name, enwiki, converter.Tenure(*tenure) if tenure else None)
    return found


def _shipped() -> converter.Shipped:
    people = common.PeopleIndex()
    # Bob is shipped already, without a QID; Sam is a hand-written holder of Sylvania's office
    people.add(common.Person("bob-sample", "Bob Sample", "", "Bob_Sample", Path("t.people.tsv")))
    people.add(common.Person("sam-shipped", "Sam Shipped", "", "Sam_Shipped",
                             Path("t.people.tsv")))
    roles = [{"person": "sam-shipped", "role": "head-of-state", "of": "XSY", "start": "2001",
              "end": "", "title": "President of Sylvania", "acting": "", "note": "",
              "source": "editorial", "taken": "2026-01-02"}]
    return converter.Shipped(people, roles)


def _convert(verification=None, **kwargs):
    return converter.convert(converter.parse(SNIPPET), _shipped(), COUNTRIES,
                             snapshot_day="2025-10-03",
                             verification=_verification() if verification is None else
                             verification, **kwargs)


def _row(person, role, start, end, title, acting="", note=""):
    return {"person": person, "role": role, "of": "XFR", "start": start, "end": end,
            "title": title, "acting": acting, "note": note,
            "source": f"wikidata:{QIDS[person]}"}


QIDS = {"ann-example": "Q900000001", "bob-sample": "Q900000002", "carl-standin": "Q900000003",
        "gil-generic-politician": "Q900000007", "hal-heir": "Q900000013"}


def test_converter_rows_from_a_snippet():
    result = _convert()
    assert result.roles == [
        "Freedonia",
        # a first of January that Wikidata has as a year is a year
        _row("ann-example", "head-of-state", "2003", "2010-05-04", "President of Freedonia"),
        # two rows of one tenure are one
        _row("bob-sample", "head-of-state", "2010-05-04", "", "President of Freedonia"),
        # short and overlapping Bob: acting; its first of March is a day the list confirms
        _row("carl-standin", "head-of-state", "2012-03-01", "2012-04-15",
             "Acting President of Freedonia", "acting", converter.NOTE_ACTING),
        # no start in the source: his predecessor's end, which the list confirms, and a note
        _row("hal-heir", "head-of-government", "2012-02-14", "2016-06-30",
             "Prime Minister of Freedonia", note=converter.NOTE_INFERRED),
        # no tenure in the list: a generic title; a first of July is a month
        _row("gil-generic-politician", "head-of-government", "2016-07", "",
             "Head of government of Freedonia"),
    ]
    assert result.people == [
        {"key": "ann-example", "name": "Ann Example", "qid": "Q900000001",
         "enwiki": "Ann_Example", "aliases": "", "source": "wikidata:Q900000001"},
        {"key": "carl-standin", "name": "Carl Standin", "qid": "Q900000003",
         "enwiki": "Carl_Standin", "aliases": "", "source": "wikidata:Q900000003"},
        {"key": "gil-generic-politician", "name": "Gil Generic", "qid": "Q900000007",
         "enwiki": "Gil_Generic_(politician)", "aliases": "", "source": "wikidata:Q900000007"},
        {"key": "hal-heir", "name": "Hal Heir", "qid": "Q900000013", "enwiki": "Hal_Heir",
         "aliases": "", "source": "wikidata:Q900000013"},
    ]
    # Bob keeps his shipped key and gets his QID
    assert result.qids == {"bob-sample": "Q900000002"}


def test_converter_counts_what_it_leaves_out():
    result = _convert()
    assert result.dropped == {
        "person label is not the English label": 1,  # "Isabel Exemplo"
        "acting for less than a week": 1,  # Eve Flash, 5 days beside Bob
        "start more than 31 days before the verification list's": 1,  # Dan Drift
        # Nora Nostart: the list contradicts the start her predecessor's end gives
        "no start, and the verification list does not confirm the one inferred": 1,
    }
    # Hal Heir's start is his predecessor's; Bob's undated statement repeats his dated one
    assert result.counts["rows without a start, given the predecessor's end"] == 1
    assert result.counts["rows without a start, given another statement's"] == 1
    assert result.counts["rows of a country that is not a UN member state"] == 1
    assert result.counts["rows that end before 2000"] == 1
    # Sylvania's office is hand-written: its Wikidata row goes to the comparison only
    assert result.covered == [{
        "person": "sam-shipped", "role": "head-of-state", "of": "XSY", "start": "2001-03-03",
        "end": "", "title": "Head of state of Sylvania", "acting": "", "note": "",
        "source": "wikidata:Q900000012"}]


def test_converter_without_the_verification_list_converts_only_shipped_people():
    shipped = _shipped()
    shipped.people.add(common.Person("ann-example", "Ann Example", "Q900000001", "Ann_Example",
                                     Path("t.people.tsv")))
    result = converter.convert(converter.parse(SNIPPET), shipped, COUNTRIES,
                               snapshot_day="2025-10-03", verification=None)
    # Ann is found by her QID; her first of January can only be a year
    assert [(row["person"], row["start"]) for row in result.role_rows()] == [
        ("ann-example", "2003")]
    assert result.dropped["person not shipped, and no verification list to check the name"] == 6


def test_converter_marks_a_long_overlap():
    snippet = SNIPPET + (
        "XFR,Freedónia,head_of_state,Carl Standin,Q900000003,2015-01-01T00:00:00Z,"
        "2019-01-01T00:00:00Z,,\n")
    result = converter.convert(converter.parse(snippet), _shipped(), COUNTRIES,
                               snapshot_day="2025-10-03", verification=_verification())
    carl = [row for row in result.role_rows() if row["person"] == "carl-standin"]
    assert [(row["start"], row["end"], row["note"]) for row in carl] == [
        ("2012-03-01", "2012-04-15", converter.NOTE_ACTING),
        ("2015", "2019", converter.NOTE_OVERLAP),
    ]


def test_position_labels_and_titles():
    names = ["Mozambique"]
    assert converter.position_role("President", names) == "head-of-state"
    assert converter.position_role("Prime Minister of Mozambique", names) == "head-of-government"
    assert converter.position_role("Druk Gyalpo (King)", names) == "head-of-state"
    assert converter.position_role("Minister of Foreign Affairs", names) is None
    assert converter.office_title("President", "Mozambique") == "President of Mozambique"
    assert converter.office_title("Prime Minister", "Bahamas") == "Prime Minister of the Bahamas"
    assert converter.office_title("President of Montenegro", "Montenegro") == (
        "President of Montenegro")


def test_source_dates():
    assert converter.source_day("2005-03-01T00:00:00Z") == "2005-03-01"
    assert converter.source_day("") == ""
    assert converter.source_day("http://www.wikidata.org/.well-known/genid/ab12") == "unknown"
    assert converter.source_day("-0547-01-01T00:00:00Z") == "malformed"
    assert converter.source_day("20254-04-01T00:00:00Z") == "malformed"


def test_common_span_comparison():
    old = [{"person": "a", "role": "head-of-state", "of": "XFR", "start": "2001", "end": "2005"},
           {"person": "b", "role": "head-of-state", "of": "XFR", "start": "2005", "end": ""}]
    new = [{"person": "a", "role": "head-of-state", "of": "XFR", "start": "2001-06-01",
            "end": "2003-01-01"},
           {"person": "a", "role": "head-of-state", "of": "XFR", "start": "2003-01-10",
            "end": "2005-02-01"},
           {"person": "c", "role": "head-of-state", "of": "XFR", "start": "2010", "end": ""}]
    result = common.compare_spans(old, common.join_terms(new))
    assert len(result.matched) == 1 and result.differ == []
    assert [row["person"] for row in result.only_old] == ["b"]
    assert [row["person"] for row in result.only_new] == ["c"]


def test_infer_start_only_from_the_previous_holder():
    office = converter.parse(
        "iso3,country,role,person,person_qid,start,end,party,end_cause\n"
        "XFR,F,head_of_state,A,Q1,2001-01-05T00:00:00Z,2004-03-02T00:00:00Z,,\n"
        "XFR,F,head_of_state,B,Q2,,2008-03-02T00:00:00Z,,\n"
        "XFR,F,head_of_state,C,Q3,2008-03-02T00:00:00Z,,,\n"
        "XFR,F,head_of_state,D,Q4,,,,\n"
        "XFR,F,head_of_state,C,Q3,,,,\n")
    a, b, _, d, c_undated = office
    assert converter.infer_start(b, office) == ("2004-03-02", converter.NOTE_INFERRED)
    # an undated open statement: C starts after the last end, so D has no predecessor
    assert converter.infer_start(d, office) is None
    # C's own dated statement of the open tenure
    assert converter.infer_start(c_undated, office) == ("2008-03-02", "")
    assert converter.infer_start(a, office[2:]) is None  # no end before A's


def test_english_name():
    labels = {"Kais Saied", "Rafael Correa Delgado", "Jovenel Moïse", "Glafcos Clerides"}
    assert converter.english_name("Kais Saied", labels, "Kais_Saied") == ""
    # the English Wikipedia title, without its disambiguation
    assert converter.english_name("Rafael Correa", labels, "Rafael_Correa") is not None
    assert converter.english_name("Osman Hussein", set(), "Osman_Hussein_(politician)")
    # fewer diacritics than the English label or title, never more
    assert converter.english_name("Jovenel Moise", labels, "Jovenel_Moïse")
    assert converter.english_name("Kaïs Saïed", labels, "Kais_Saied") is None
    # another transliteration is not English
    assert converter.english_name("Glafkos Klerides", labels, "Glafcos_Clerides") is None


def test_converter_reads_the_lists_years_widely_and_skips_a_hand_over_day():
    snippet = (
        "iso3,country,role,person,person_qid,start,end,party,end_cause\n"
        # the list has a year for Yan's start, and a year for his end
        "XFR,F,head_of_government,Yan Year,Q900000020,2001-08-08T00:00:00Z,"
        "2005-03-10T00:00:00Z,,\n"
        # Pat was prime minister until the day his presidency began: the row is checked
        # against the presidency, not the premiership it touches
        "XFR,F,head_of_government,Pat President,Q900000021,2005-11-19T00:00:00Z,"
        "2015-01-09T00:00:00Z,,\n")
    verification = converter.Verification()
    for qid, name, tenure in [
            ("Q900000020", "Yan Year", ("XFR", "head-of-government", "Prime Minister", "2001",
                                        "2005")),
            ("Q900000021", "Pat President", ("XFR", "head-of-government", "Prime Minister",
                                             "2004-04-06", "2005-11-19")),
            ("Q900000021", "Pat President", ("XFR", "head-of-state", "President", "2005-11-19",
                                             "2015-01-09"))]:
        verification.add(qid, name, name, converter.Tenure(*tenure))
    result = converter.convert(converter.parse(snippet), _shipped(), COUNTRIES,
                               snapshot_day="2025-10-03", verification=verification)
    assert not result.dropped
    assert [(row["person"], row["start"], row["end"], row["title"])
            for row in result.role_rows()] == [
        ("yan-year", "2001-08-08", "2005-03-10", "Prime Minister of Freedonia"),
        ("pat-president", "2005-11-19", "2015-01-09", "President of Freedonia")]
