"""The Wikidata position mapping (``positions.tsv``, written by ``scripts/kb/build_positions.py``).

The shipped-file tests read the committed TSV; the rule tests run the script's label reading and
per-country rules on made-up offices of a made-up country. Neither needs the
every-politician-scrapers snapshots the script reads.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import pytest

from copydesk.knowledge.sources.tsv import read_tsv

ROOT = Path(__file__).resolve().parents[2]
KB_DIR = ROOT / "src" / "copydesk" / "data" / "kb"
sys.path.insert(0, str(ROOT / "scripts" / "kb"))  # the converters are scripts, not a package

import build_positions as builder
from build_positions import (
    DEFENCE,
    DEPUTY,
    FINANCE,
    FOREIGN,
    HEAD_OF_GOVERNMENT,
    HEAD_OF_STATE,
    INTERIOR,
    JUSTICE,
    VICE_PRESIDENT,
    Country,
    Found,
    classify,
)

ROWS = [row for _, row in read_tsv(KB_DIR / "positions.tsv")]


def _un_members() -> set[str]:
    """ISO3 of the UN member states: places.tsv's countries but the Holy See (an observer)."""
    return {row["country"] for _, row in read_tsv(KB_DIR / "places.tsv")
            if row["kind"] == "country" and row["country"] != "VAT"}


def _countries(role: str) -> set[str]:
    return {row["of"] for row in ROWS if row["role"] == role} & _un_members()


@pytest.mark.parametrize(("role", "least"), [
    (HEAD_OF_STATE, 150), (HEAD_OF_GOVERNMENT, 150), (FOREIGN, 120),
])
def test_mapping_covers_most_un_members(role, least):
    assert len(_countries(role)) >= least


@pytest.mark.parametrize(("position", "role", "of"), [
    ("Q191954", HEAD_OF_STATE, "FRA"),         # President of the French Republic
    ("Q1587677", HEAD_OF_GOVERNMENT, "FRA"),   # Prime Minister of France
    ("Q192711", HEAD_OF_GOVERNMENT, "IND"),    # Prime minister of India
    ("Q2978540", VICE_PRESIDENT, "BRA"),       # Vice President of the Federative Republic of Brazil
    ("Q5176750", HEAD_OF_STATE, "BRA"),        # President of Brazil: a presidential system
    ("Q5176750", HEAD_OF_GOVERNMENT, "BRA"),
    ("Q14211", HEAD_OF_GOVERNMENT, "GBR"),     # Prime Minister of the United Kingdom
    ("Q531471", FINANCE, "GBR"),               # Chancellor of the Exchequer
    ("Q842386", HEAD_OF_GOVERNMENT, "RUS"),    # Prime Minister of Russia
    ("Q332486", HEAD_OF_STATE, "IRN"),         # Supreme Leader of Iran
    ("Q14213", FOREIGN, "USA"),                # United States Secretary of State
    ("Q636207", JUSTICE, "USA"),               # United States Attorney General
    ("Q81066", "secretary-general", "un"),     # United Nations Secretary-General
])
def test_known_items_are_mapped(position, role, of):
    assert [row["of"] for row in ROWS if row["position"] == position and row["role"] == role] == [of]


@pytest.mark.parametrize(("position", "roles"), [
    ("Q218295", {HEAD_OF_STATE}),        # President of Russia: Russia has a prime minister
    ("Q838380", {HEAD_OF_GOVERNMENT}),   # President of Iran: the Supreme Leader heads the state
    ("Q2287650", set()),                 # US Secretary of the Interior: land, not home affairs
    ("Q5468326", set()),                 # Foreign Secretary of India: a civil servant
])
def test_items_have_exactly_their_roles(position, roles):
    assert {row["role"] for row in ROWS if row["position"] == position} == roles


def test_generated_rows_name_their_item_and_hand_written_rows_are_kept():
    by_source = defaultdict(list)
    for row in ROWS:
        by_source[row["source"] == "editorial"].append(row)
        if row["source"] != "editorial":
            assert row["source"] == f"wikidata:{row['position']}"
            assert row["title"] == row["label"][:1].upper() + row["label"][1:]
    assert {(row["position"], row["role"]) for row in by_source[True]} == {
        ("Q11696", HEAD_OF_STATE), ("Q11696", HEAD_OF_GOVERNMENT), ("Q11699", VICE_PRESIDENT)}
    assert not {row["position"] for row in by_source[False]} & {"Q11696", "Q11699"}


NAMES, DEMONYMS = ["Freedonia", "Republic of Freedonia"], ["Freedonian", "Freedonians"]


@pytest.mark.parametrize(("label", "roles"), [
    ("President of the Republic of Freedonia", (HEAD_OF_STATE,)),
    ("King of the Freedonians", (HEAD_OF_STATE,)),
    ("Prime Minister of Freedonia", (HEAD_OF_GOVERNMENT,)),
    ("Federal Chancellor of Freedonia", (HEAD_OF_GOVERNMENT,)),
    ("First Deputy Prime Minister and Minister of Foreign Affairs of Freedonia",
     (DEPUTY, FOREIGN)),
    ("Deputy Prime Minister for European Integration", (DEPUTY,)),
    ("Vice-President of Freedonia", (VICE_PRESIDENT,)),
    ("Deputy President of Freedonia", (VICE_PRESIDENT,)),
    ("Freedonian Defence Minister", (DEFENCE,)),
    ("Minister of Economy and Finance (Freedonia)", (FINANCE,)),
    ("Minister for Foreign Affairs and Trade", (FOREIGN,)),
    ("Secretary of State for Foreign, Commonwealth and Development Affairs", (FOREIGN,)),
    ("Secretary of State for the Home Department", (INTERIOR,)),
    ("Minister of Justice and Home Affairs", (INTERIOR, JUSTICE)),
    ("Minister - Internal Affairs", (INTERIOR,)),
    ("Chancellor of the Exchequer", (FINANCE,)),
    # not one of the roles, or someone's junior
    ("President of the Senate of Freedonia", ()),
    ("Second Vice President of Freedonia", ()),
    ("Chancellor of Justice", ()),
    ("Minister of Foreign Trade", ()),
    ("Deputy Minister of Foreign Affairs of Freedonia", ()),
    ("Minister of State for Foreign Affairs", ()),
    ("Assistant Minister for Defence", ()),
    ("Crown Prince of Freedonia", ()),
    ("Minister of Finance of Ruritania", ()),  # another place's office
])
def test_classify_reads_office_labels(label, roles):
    assert classify(label, NAMES, DEMONYMS) == roles


def _roles(*labels: str, iso3: str = "XFR") -> dict[str, tuple[str, ...]]:
    """The per-country rules on made-up items of Freedonia."""
    country = Country(iso3, tuple(builder.norm(n) for n in NAMES),
                      tuple(builder.norm(d) for d in DEMONYMS))
    items = [Found(f"Q{n}", label, "2022-07-23", iso3, ()) for n, label in enumerate(labels, 1)]
    return {item.label: item.roles for item in builder.country_roles(items, {iso3: country})}


def test_a_president_heads_the_government_only_without_a_prime_minister():
    assert _roles("President of Freedonia")["President of Freedonia"] == (
        HEAD_OF_STATE, HEAD_OF_GOVERNMENT)
    assert _roles("President of Freedonia", "Prime Minister of Freedonia") == {
        "President of Freedonia": (HEAD_OF_STATE,),
        "Prime Minister of Freedonia": (HEAD_OF_GOVERNMENT,)}
    assert _roles("President of Freedonia", "Supreme Leader of Freedonia",
                  "Prime Minister of Freedonia")["President of Freedonia"] == ()


def test_fallback_offices_count_only_without_a_minister():
    alone = _roles("Secretary of State", "Secretary of Finance", "Attorney General", iso3="USA")
    assert alone == {"Secretary of State": (FOREIGN,), "Secretary of Finance": (FINANCE,),
                     "Attorney General": (JUSTICE,)}
    beside = _roles("Secretary of State", "Secretary of Finance", "Attorney General",
                    "Minister of Foreign Affairs", "Minister of Finance", "Minister of Justice",
                    iso3="USA")
    assert beside["Secretary of State"] == beside["Secretary of Finance"] == ()
    assert beside["Attorney General"] == ()
    # an attorney general is a chief prosecutor or legal adviser outside the listed countries
    assert _roles("Attorney General of Freedonia")["Attorney General of Freedonia"] == ()
