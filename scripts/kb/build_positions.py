"""Build ``src/copydesk/data/kb/positions.tsv``: which Wikidata position items are a UN member
state's head of state, head of government, deputy head of government, vice-president, and
foreign, defence, finance, interior and justice ministers, and which are the international
offices the shipped people files already hold (see ``docs/knowledge-data.md``).

The position items are the ones the every-politician-scrapers projects
(https://github.com/every-politician-scrapers) found with their Wikidata queries: each country
repository's cabinet positions (``wikidata/wanted-positions.csv``, labelled by
``html/positions.csv``, ``wikidata/results/position-info.csv`` or
``wikidata/results/cabinet-positions.csv``), the heads of state and government of every sovereign
state (``world-leaders-2021``: ``data/wikidata.csv``), every country's foreign minister
(``world``: ``sources/foreign/wikidata.csv``) and the international offices cabinet members held
(``wikidata/results/other-positions.csv``). Only Wikidata's own item ids, their English labels and
the item's country (P17) or jurisdiction (P1001) are taken: none of the projects' office-holder
rows. Every row has ``source`` ``wikidata:<QID>`` and ``taken`` = the commit day of the snapshot
the label comes from.

What an item means is read from its English label by the rules below (``classify``), the way
offices are named ("President of X", "Deputy Prime Minister", "Minister of Foreign Affairs and
Trade", "Secretary of State for the Home Department"), not from a list of items; then
``country_roles`` looks at the country's other offices (a president also heads the government
only where the data has no other head of government; an attorney general or a "Secretary of X"
counts only where no minister holds that role) and at short country lists, each with its reason,
for the exceptions (PRESIDENT_HEADS_GOVERNMENT, FALSE_FRIENDS, SECRETARY_OF_STATE_CABINETS,
ATTORNEY_GENERAL_MINISTERS). The international offices are the organisation offices of the
shipped ``people/*.roles.tsv`` whose title is an item's label. A label that fits no rule is left
out and written to ``--unmapped`` (default ``/tmp/positions/unmapped.tsv``) with its country;
read its largest groups when changing the rules. Items of dependent
territories, of states that are not UN members and of sub-national governments are left out. The
hand-written (``editorial``) rows already in the file are kept as they are and their items are
not generated again.

Re-run (needs git and the every-politician-scrapers snapshots as bare git directories, one
``<mirrors>/every-politician-scrapers+<repo>/repo`` each)::

    .venv/bin/python scripts/kb/build_positions.py [--mirrors /work/.mirror]
    .venv/bin/python -m pytest -q tests/unit -k "kb or importer"
    git diff src/copydesk/data/kb/positions.tsv   # review, then commit

``--dry-run`` prints the counts and writes nothing.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pycountry

# scripts/kb is not a package: common.py is found next to this file
sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import EDITORIAL, KB_DIR, PEOPLE_DIR, ConversionError, git_commit, git_show

from copydesk.knowledge.sources.tsv import read_tsv

DEFAULT_MIRRORS = Path("/work/.mirror")
PREFIX = "every-politician-scrapers+"
URL = "https://github.com/every-politician-scrapers"
OUTPUT = KB_DIR / "positions.tsv"
UNMAPPED = Path("/tmp/positions/unmapped.tsv")
COLUMNS = ("position", "label", "role", "of", "title", "source", "taken")
#: The repositories that are not one country's cabinet, and their file of national offices:
#: (path, country QID column, country name column). world-leaders-2021 has every sovereign
#: state's offices of head of state (P1906) and of government (P1313); world has every country's
#: foreign minister, and the international offices among its cabinet-style files.
WORLD_LEADERS, WORLD = "world-leaders-2021", "world"
WORLD_FILES = {WORLD_LEADERS: ("data/wikidata.csv", "countryid", "country"),
               WORLD: ("sources/foreign/wikidata.csv", "country", "countryLabel")}

#: The label files of a country repository, best first: (path, QID column, label column).
LABEL_FILES = (
    ("html/positions.csv", "id", "position"),
    ("wikidata/results/position-info.csv", "position", "positionLabel"),
    ("wikidata/results/cabinet-positions.csv", "item", "itemLabel"),
)

HEAD_OF_STATE, HEAD_OF_GOVERNMENT = "head-of-state", "head-of-government"
DEPUTY, VICE_PRESIDENT = "deputy-head-of-government", "vice-president"
FOREIGN, DEFENCE, FINANCE = "foreign-minister", "defence-minister", "finance-minister"
INTERIOR, JUSTICE = "interior-minister", "justice-minister"
#: The order of the roles in the file and in the counts.
ROLE_ORDER = (HEAD_OF_STATE, HEAD_OF_GOVERNMENT, DEPUTY, VICE_PRESIDENT, FOREIGN, DEFENCE,
              FINANCE, INTERIOR, JUSTICE)
RANK = {role: n for n, role in enumerate(ROLE_ORDER)}


@dataclass(frozen=True)
class Item:
    """A position item as one snapshot gives it."""

    qid: str
    label: str
    #: The item's country (P17) and jurisdiction (P1001) QIDs, "" when the data has none.
    country: str
    jurisdiction: str
    #: The country QID of the repository that lists the item as one of its cabinet's offices;
    #: "" for an item found elsewhere (the world repositories, offices cabinet members held).
    home: str
    repo: str
    taken: str


@dataclass(frozen=True)
class Snapshot:
    repo: str
    commit: str
    taken: str
    #: The country QID and name of a country repository's ``meta.json`` ("" for the others).
    country: str
    country_name: str


# --------------------------------------------------------------------------------------------
# reading the snapshots


def snapshots(mirrors: Path) -> list[tuple[Path, Snapshot]]:
    """Every every-politician-scrapers snapshot under ``mirrors``, by repository name."""
    if not mirrors.is_dir():
        raise ConversionError(f"no directory {mirrors}: give --mirrors, the folder that holds the "
                              f"every-politician-scrapers snapshots ({PREFIX}<repo>/repo, bare "
                              f"git directories of {URL}/<repo>)")
    found = []
    for path in sorted(mirrors.glob(f"{PREFIX}*/repo")):
        repo = path.parent.name.removeprefix(PREFIX)
        commit, taken = git_commit(path)
        country = name = ""
        if repo not in (WORLD_LEADERS, WORLD):
            try:
                meta = json.loads(git_show(path, "meta.json"))
            except (ConversionError, json.JSONDecodeError):
                meta = {}
            jurisdiction = meta.get("jurisdiction") or {}
            country, name = jurisdiction.get("id", ""), jurisdiction.get("name", "")
        found.append((path, Snapshot(repo, commit, taken, country, name)))
    if not any(snap.repo == WORLD_LEADERS for _, snap in found):
        raise ConversionError(f"no {PREFIX}{WORLD_LEADERS}/repo under {mirrors}: the "
                              f"every-politician-scrapers snapshots are absent or incomplete")
    return found


def _csv(path: Path, name: str) -> list[dict[str, str]]:
    """The rows of ``name`` at HEAD of ``path``, or none when the snapshot has no such file."""
    try:
        text = git_show(path, name)
    except ConversionError:
        return []
    return list(csv.DictReader(io.StringIO(text)))


def _qid(value: str) -> str:
    return value if re.fullmatch(r"Q[1-9][0-9]*", value or "") else ""


def read_items(found: list[tuple[Path, Snapshot]]) -> tuple[list[Item], dict[str, set[str]]]:
    """The position items of the snapshots, and the names the data gives each country QID. An
    item a country repository lists but not among its cabinet's offices is kept only when the
    data gives it no country: it may be an international office."""
    items: list[Item] = []
    names: dict[str, set[str]] = defaultdict(set)
    for path, snap in found:
        if snap.repo in WORLD_FILES:
            name, country_column, country_label = WORLD_FILES[snap.repo]
            for row in _csv(path, name):
                qid, country = _qid(row["position"]), _qid(row[country_column])
                if qid and country and row["positionLabel"] and not _qid(row["positionLabel"]):
                    names[country].add(row[country_label])
                    items.append(Item(qid, row["positionLabel"], country, "", "", snap.repo,
                                      snap.taken))
        if snap.repo == WORLD_LEADERS:
            continue
        if snap.country:
            names[snap.country].add(snap.country_name)
        wanted = {row["position"] for row in _csv(path, "wikidata/wanted-positions.csv")}
        labelled: set[str] = set()
        for name, qid_column, label_column in LABEL_FILES:
            for row in _csv(path, name):
                qid = _qid(row.get(qid_column, ""))
                label = row.get(label_column, "")
                if not qid or qid in labelled or not label or _qid(label):
                    continue
                labelled.add(qid)
                country, jurisdiction = _qid(row.get("country", "")), _qid(row.get("jurisdiction", ""))
                if qid in wanted or not (country or jurisdiction):
                    items.append(Item(qid, label, country, jurisdiction,
                                      snap.country if qid in wanted else "", snap.repo, snap.taken))
        for row in _csv(path, "wikidata/results/other-positions.csv"):
            qid = _qid(row.get("position", ""))
            if qid and row.get("positionLabel") and not row.get("ofLabel"):
                items.append(Item(qid, row["positionLabel"], "", "", "", snap.repo, snap.taken))
    return items, names


# --------------------------------------------------------------------------------------------
# countries


def norm(text: str) -> str:
    """Lowercase ASCII, one space between words, hyphens and dashes as spaces (a dash between
    spaces as a comma: "Minister - Defense"), "St" as "Saint"."""
    text = unicodedata.normalize("NFKD", re.sub(r"\s+[-–—]\s+", ", ", text.replace("’", "'")))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[-‐‑–—_]", " ", text)
    text = re.sub(r"\bst\.? (?=[a-z])", "saint ", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Country:
    """A UN member state: its ISO3 code and the normalised forms of its name and demonyms."""

    iso3: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]


#: places.tsv name kinds that name the country today (not ``former:`` or ``native:``).
NAME_KINDS = ("short", "official", "variant")
#: The Holy See is a UN observer, not a member.
NOT_MEMBERS = {"VAT"}


def un_members(places: Path = KB_DIR / "places.tsv") -> tuple[dict[str, Country], dict[str, str]]:
    """(UN member states by ISO3, their QIDs from places.tsv) from the ``country`` rows of
    places.tsv, with pycountry's name, official and common names."""
    members: dict[str, Country] = {}
    qids: dict[str, str] = {}
    for _, row in read_tsv(places):
        if row["kind"] != "country" or row["country"] in NOT_MEMBERS:
            continue
        iso3 = row["country"]
        names = {row["name"]}
        for variant in filter(None, row["variants"].split("|")):
            kind, _, name = variant.partition(":")
            if kind in NAME_KINDS:
                names.add(name)
        record = pycountry.countries.get(alpha_3=iso3)
        names.update(getattr(record, field) for field in ("name", "official_name", "common_name")
                     if getattr(record, field, None))
        forms = {norm(name).removeprefix("the ") for name in names}
        members[iso3] = Country(iso3, tuple(sorted(forms, key=lambda n: (-len(n), n))),
                                tuple(sorted({norm(d) for d in row["demonyms"].split("|") if d},
                                             key=lambda n: (-len(n), n))))
        if row["qid"]:
            qids[row["qid"]] = iso3
    return members, qids


def country_codes(names: dict[str, set[str]], members: dict[str, Country],
                  qids: dict[str, str]) -> dict[str, str]:
    """ISO3 by country QID: places.tsv's QIDs, then the QIDs whose every name in the data is a
    name of one and the same UN member (``Kingdom of Denmark`` -> DNK). A QID none of whose names
    is a member's (Scotland, Taiwan, Abkhazia) is not a member."""
    by_name: dict[str, set[str]] = defaultdict(set)
    for country in members.values():
        for name in country.names:
            by_name[name].add(country.iso3)
    codes = dict(qids)
    for qid, labels in names.items():
        if qid in codes:
            continue
        found = {iso3 for label in labels for iso3 in by_name.get(norm(label).removeprefix("the "),
                                                                   ())}
        if len(found) == 1:
            codes[qid] = found.pop()
    return codes


# --------------------------------------------------------------------------------------------
# reading an office from its label

#: Words that make an office someone's junior, deputy, staff or something else than the office.
NOT_THE_OFFICE = re.compile(
    r"\b(?:assistant|associate|junior|shadow|parliamentary (?:secretary|under|private)|under|"
    r"permanent|principal|acting|"
    r"interim|former|designate|delegate|spokes\w*|ambassador|advis[eo]r|ministry|committee|member|"
    r"staff|commissioner|inspector|director|governor|chief justice|speaker|spouse|lady|"
    r"secretary general|general secretary|deputy|vice|state secretary|state minister|"
    r"minister of state (?:for|of the|in|at)|minister within|minister in|minister to|crown)\b")

HEADS_OF_STATE = re.compile(
    r"^(?:(?:federal )?president(?: of the republic)?|head of state|king|queen|monarch|emir|amir|"
    r"sultan|emperor|grand duke|grand duchess|(?:sovereign |reigning )?prince|(?:episcopal |"
    r"french )?co prince|supreme leader|druk gyalpo|ngwenyama|yang di pertuan agong|"
    r"o le ao o le malo|captains? regent|(?:chairman|chairperson|chair|president) of the "
    r"(?:presidency|presidential council|presidential leadership council|sovereignty council|"
    r"transitional sovereignty council))$")
HEADS_OF_GOVERNMENT = re.compile(
    r"^(?:prime minister|premier|(?:federal )?chancellor|taoiseach|head of government|"
    r"(?:president|chairman) of the (?:government|council of ministers)|"
    r"premier of the state council)$")
#: Heads of government whose core alone says nothing without the country's name.
NEEDS_COUNTRY = {"chancellor", "federal chancellor"}
DEPUTIES = re.compile(
    r"^(?:(?:first|second|third|senior) )?(?:(?:deputy|vice) (?:prime minister|premier|"
    r"chancellor|head of government|(?:president|chairman) of the (?:government|council of "
    r"ministers))|tanaiste)(?: of the (?:government|state council))?(?: (?:for|in charge of) .+)?$")
VICE_PRESIDENTS = re.compile(r"^(?:(?:first )?vice president(?: of the republic)?|"
                             r"deputy president)$")
#: "Minister of/for X", "Secretary of State for X", "Cabinet Secretary for X", "Head of the
#: Federal Department of X"; the portfolio X is read by PORTFOLIOS.
MINISTER = re.compile(
    r"^(?:(?:(?:federal|union|cabinet|national) )?minister|secretary of state|secretary|"
    r"cabinet secretary|head of the (?:federal )?department)(?: (?:of|for|in charge of|"
    r"responsible for|with responsibility for)|,) (?:the )?(?P<portfolio>.+)$")
#: "Foreign Minister", "Home Secretary", "Interior and Public Security Minister": the
#: portfolio before the noun.
ADJECTIVE_MINISTER = re.compile(r"^(?P<portfolio>[a-z ,]+?) (?:minister|secretary)$")
PORTFOLIOS = {
    FOREIGN: {"foreign", "foreign affairs", "external affairs", "external relations",
              "foreign relations", "international relations"},
    DEFENCE: {"defence", "defense", "national defence", "national defense", "armed forces"},
    FINANCE: {"finance", "finances", "public finance", "public finances", "treasury",
              "national treasury", "exchequer"},
    INTERIOR: {"interior", "internal affairs", "interior affairs", "home affairs",
               "home department", "public security", "internal security", "homeland security",
               "home"},
    JUSTICE: {"justice", "law"},
}
#: "Foreign, Commonwealth and Development Affairs": one portfolio written around others.
SPLIT_FOREIGN = re.compile(r"^foreign(?:,| and) .*\baffairs$")
#: Offices that mean a role only where the country has no other office of that role: a bare
#: "Secretary of State" is the foreign minister only where there is no foreign ministry (the
#: United States); an Attorney General is the justice minister only where there is no minister
#: of justice and the country is in ATTORNEY_GENERAL_MINISTERS.
FALLBACKS = {"attorney general": JUSTICE, "secretary of state": FOREIGN}
#: Where the Attorney General is a cabinet minister who answers for justice: the United States
#: (head of the Department of Justice), and the Commonwealth countries whose attorney general
#: heads the legal affairs and justice ministry. Elsewhere the English title is a chief
#: prosecutor or the government's legal adviser (Mexico, Guatemala, Malaysia, Singapore,
#: Tanzania, the United Kingdom, Ireland).
ATTORNEY_GENERAL_MINISTERS = {"USA", "ATG", "BHS", "BLZ", "BRB", "GUY", "TTO", "MUS"}
#: Portfolio names that mean another thing in one country: (country, role) -> the label words.
FALSE_FRIENDS = {
    # The US Department of the Interior manages federal land and parks, not the police.
    ("USA", INTERIOR): re.compile(r"\binterior\b"),
    # The Swiss Federal Department of Home Affairs is health, social insurance and culture;
    # the Federal Chancellor heads the Federal Council's staff, not the government.
    ("CHE", INTERIOR): re.compile(r"\bhome affairs\b"),
    ("CHE", HEAD_OF_GOVERNMENT): re.compile(r"\bchancellor\b"),
    # The Ministry of Internal Affairs and Communications is local government, elections and
    # telecommunications; the police answer to the National Public Safety Commission.
    ("JPN", INTERIOR): re.compile(r"\binternal affairs and communications\b"),
}
#: Where a "Secretary of State for X" is the cabinet minister for X, and "Home Secretary",
#: "Foreign Secretary" are that minister's titles. Elsewhere a secretary of state is a junior
#: minister under the minister for X (France, Belgium, the Netherlands, Spain, Portugal, most of
#: francophone Africa), and a "Home Secretary" or "Foreign Secretary" the ministry's senior civil
#: servant (India, Pakistan, Bangladesh, Sri Lanka).
SECRETARY_OF_STATE_CABINETS = {"GBR"}
SECRETARY_OF_STATE = re.compile(r"^(?:secretary of state (?:for|of) |[a-z ,]+ secretary$)")
#: "Secretary of Finance", "Cabinet Secretary for the Interior": the minister where the cabinet
#: is made of secretaries (the United States, Mexico, the Philippines, Kenya); elsewhere, where
#: the country has a minister of X, a secretary of X is under the minister (the Netherlands), so
#: such an office means its role only where no minister holds it (a fallback, as FALLBACKS).
SECRETARY = re.compile(r"^(?:cabinet )?secretary (?:of|for) (?!state\b)")
MINISTERS = {FOREIGN, DEFENCE, FINANCE, INTERIOR, JUSTICE}
#: Where the label joins two offices: before a word that starts an office.
JOINED = re.compile(r",? and (?=(?:the )?(?:first |second |third )?(?:deputy|vice|minister|"
                    r"secretary|attorney|prime|chancellor|cabinet|federal|president)\b|"
                    r"[a-z]+ (?:minister|secretary)\b)")


def strip_country(label: str, names: Iterable[str] = (), demonyms: Iterable[str] = ()) -> str:
    """The office of a normalised label without the country it names: ``president of the french
    republic`` -> ``president``, ``saudi foreign minister`` -> ``foreign minister``, ``monarch of
    the belgians`` -> ``monarch``. Only the given names and demonyms are taken off."""
    names, demonyms = list(names), list(demonyms)
    for name in names + [f"{d} republic" for d in demonyms]:
        for suffix in (f" of the {name}", f" of {name}", f" ({name})", f" in {name}",
                       f", {name}", f" of the republic of {name}"):
            if label.endswith(suffix):
                return label[: -len(suffix)].strip(" ,")
    for plural in demonyms:
        if label.endswith(f" of the {plural}") and plural.endswith("s"):
            return label[: -len(f" of the {plural}")]
    for prefix in [*names, *demonyms]:
        for start in (f"the {prefix} ", f"{prefix} ", f"{prefix}'s "):
            if label.startswith(start):
                return label[len(start):]
    return label


def office_roles(office: str, named: bool) -> set[str]:
    """The roles of one office (a normalised label part, its country taken off); ``named``: the
    label named the country. Fallback offices (FALLBACKS) come back as their key."""
    if DEPUTIES.match(office):
        return {DEPUTY}
    if VICE_PRESIDENTS.match(office):
        return {VICE_PRESIDENT}
    if NOT_THE_OFFICE.search(office):
        return set()
    if HEADS_OF_STATE.match(office):
        return {HEAD_OF_STATE}
    if HEADS_OF_GOVERNMENT.match(office):
        return {HEAD_OF_GOVERNMENT} if named or office not in NEEDS_COUNTRY else set()
    if office == "chancellor of the exchequer":
        return {FINANCE}
    if office in FALLBACKS:
        return {office}
    match = MINISTER.match(office) or ADJECTIVE_MINISTER.match(office)
    if not match:
        return set()
    portfolio = match.group("portfolio")
    roles = {FOREIGN} if SPLIT_FOREIGN.match(portfolio) else set()
    for piece in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", portfolio):
        piece = piece.strip().removeprefix("the ")
        roles.update(role for role, pieces in PORTFOLIOS.items() if piece in pieces)
    return roles


def classify(label: str, names: Iterable[str] = (), demonyms: Iterable[str] = ()) -> tuple[str, ...]:
    """The roles an office's English label names, in ROLE_ORDER, given the forms of its country's
    name and demonyms: ``classify("Deputy Prime Minister and Minister for Foreign Affairs of
    Freedonia", ["freedonia"])`` -> (deputy-head-of-government, foreign-minister). A
    head-of-state president is not yet a head of government (``build`` decides that per country);
    "attorney general" and "secretary of state" come back as themselves (FALLBACKS)."""
    text = norm(label)
    office = strip_country(text, [norm(n) for n in names], [norm(d) for d in demonyms])
    named = office != text
    roles: set[str] = set()
    for part in JOINED.split(office):
        roles |= office_roles(part.strip(" ,"), named)
    return tuple(sorted(roles, key=lambda role: (RANK.get(role, len(RANK)), role)))


# --------------------------------------------------------------------------------------------
# from items to rows

#: A sighting whose jurisdiction or country is not a UN member: sub-national, dependent, other.
OUT = "-"
#: Where the data rule for presidential systems (``country_roles``) is wrong, by country: True,
#: the president heads the government although the data has a prime minister; False, the
#: president does not although the data has no other head of government.
PRESIDENT_HEADS_GOVERNMENT = {
    # The president heads the executive (Constitution art. 66); the prime minister is the
    # president's appointee and deputy. The shipped leaders rows say the same.
    "KOR": True,
    # The president has headed the government since independence; the prime minister of
    # 2008-2013 coordinated the government under the president (the shipped rows say the same).
    "KEN": True,
    # Presidential under the 1935 and 1987 constitutions; the prime ministers (1899, 1978-1986)
    # served under a president who kept the executive.
    "PHL": True,
    # The president has headed the government since the prime minister's office was abolished
    # in 1989 (the shipped leaders rows say the same); the Supreme Leader is the head of state.
    "IRN": True,
    # The seven-member Federal Council is the collective head of state and of government; its
    # yearly president only chairs it.
    "CHE": False,
}
PRESIDENT = re.compile(r"^(?:federal )?president(?: of the republic)?$")


@dataclass(frozen=True)
class Found:
    """One position item: the label of its newest snapshot, that snapshot's day, its country
    (ISO3; "" when the data gives none) and its roles."""

    qid: str
    label: str
    taken: str
    of: str
    roles: tuple[str, ...]


def _sighting_country(item: Item, codes: dict[str, str], members: dict[str, Country]) -> str:
    """ISO3 of the UN member an item belongs to by one sighting, OUT, or "" (no country). An
    item whose jurisdiction is not a member state (a province, or an institution: "Government of
    Russia") is the country's only when its label names the country; so is an item with neither
    country nor jurisdiction that the country's cabinet lists."""
    if item.home and item.home not in codes:
        return ""  # listed by the cabinet of a territory (Hong Kong, Scotland): not by itself
    country = codes.get(item.country)
    if item.country and not country:
        return OUT  # a dependent territory or a state that is not a UN member
    if item.jurisdiction:
        jurisdiction = codes.get(item.jurisdiction)
        if jurisdiction:
            return jurisdiction if country in (None, jurisdiction) else OUT
        return country if country and _names_country(item.label, members[country]) else OUT
    if country:
        return country
    home = codes.get(item.home)
    return home if home and _names_country(item.label, members[home]) else ""


def _names_country(label: str, country: Country) -> bool:
    return strip_country(norm(label), country.names, country.demonyms) != norm(label)


def resolve(items: list[Item], codes: dict[str, str],
            members: dict[str, Country]) -> tuple[list[Found], list[Found], list[Found]]:
    """(items of UN members, items of no country, items left out as sub-national, dependent,
    foreign or of two countries). The label is the newest snapshot's."""
    sightings: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        sightings[item.qid].append(item)
    national, stateless, out = [], [], []
    for qid, seen in sightings.items():
        newest = max(seen, key=lambda item: (item.taken, item.repo))
        where = {_sighting_country(item, codes, members) for item in seen} - {""}
        of = where.pop() if len(where) == 1 else (OUT if where else "")
        found = Found(qid, " ".join(newest.label.split()), newest.taken, of, ())
        (out if of == OUT else national if of else stateless).append(found)
    return national, stateless, out


def country_roles(found: list[Found], members: dict[str, Country]) -> list[Found]:
    """The roles of one country's items: the label rules, then the rules that look at the
    country and its other offices (FALSE_FRIENDS, secretaries, FALLBACKS, supreme leaders,
    presidential systems)."""
    country = members[found[0].of]
    read = []
    for item in found:
        label = norm(item.label)
        office = strip_country(label, country.names, country.demonyms)
        roles = {role for role in classify(item.label, country.names, country.demonyms)
                 if not ((country.iso3, role) in FALSE_FRIENDS
                         and FALSE_FRIENDS[country.iso3, role].search(label))}
        if SECRETARY_OF_STATE.match(office) and country.iso3 not in SECRETARY_OF_STATE_CABINETS:
            roles -= MINISTERS
        fallback = {FALLBACKS[role] for role in roles if role in FALLBACKS
                    if role != "attorney general" or country.iso3 in ATTORNEY_GENERAL_MINISTERS}
        roles -= set(FALLBACKS)
        if SECRETARY.match(office):
            fallback, roles = fallback | (roles & MINISTERS), roles - MINISTERS
        read.append((item, office, roles, fallback))
    has = {role for _, _, roles, _ in read for role in roles}
    supreme_leader = any(office == "supreme leader" for _, office, _, _ in read)
    result = []
    for item, office, roles, fallback in read:
        kept = roles | (fallback - has)
        if HEAD_OF_STATE in kept and PRESIDENT.match(office):
            # A president heads the government too where the data has no other head of
            # government of the country, even an abolished one: there are no dates here, and a
            # head-of-government row for every past president of Turkey would be wrong. Where
            # there is a supreme leader, the president is not the head of state (Iran).
            if PRESIDENT_HEADS_GOVERNMENT.get(country.iso3, HEAD_OF_GOVERNMENT not in has):
                kept.add(HEAD_OF_GOVERNMENT)
            if supreme_leader:
                kept.discard(HEAD_OF_STATE)
        result.append(Found(item.qid, item.label, item.taken, item.of,
                            tuple(sorted(kept, key=RANK.__getitem__))))
    return result


#: "United Nations Secretary-General" is "Secretary-General of the United Nations".
HEAD_AFTER = re.compile(r"^(?P<body>.+?) (?P<head>secretary general|president|chairperson|chair|"
                        r"director general|managing director|high representative)$")


def shipped_offices(people: Path = PEOPLE_DIR) -> dict[str, tuple[str, str]]:
    """(role, organisation) by the normalised title of every office of an organisation that the
    shipped people files hold (``president`` of ``au``: "Chairperson of the African Union
    Commission")."""
    offices = {}
    for path in sorted(people.glob("*.roles.tsv")):
        for _, row in read_tsv(path):
            if row["of"] and row["of"].islower():
                offices[norm(row["title"])] = (row["role"], row["of"])
    return offices


def international(found: list[Found], offices: dict[str, tuple[str, str]]) -> list[Found]:
    """The items of no country whose label names an office the shipped files hold, the head of
    the organisation written before or after it."""
    result = []
    for item in found:
        label = norm(item.label)
        match = HEAD_AFTER.match(label)
        forms = {label}
        if match:
            forms |= {f"{match['head']} of the {match['body']}", f"{match['head']} of {match['body']}"}
        hits = {offices[form] for form in forms if form in offices}
        if len(hits) == 1:
            role, of = hits.pop()
            result.append(Found(item.qid, item.label, item.taken, of, (role,)))
    return result


# --------------------------------------------------------------------------------------------
# writing

HEADER = """\
Wikidata position items and what they mean to copydesk: the role code (roles.tsv), the country
(ISO 3166-1 alpha-3) or organisation key (organisations.tsv), and the title the press uses.
Read by the Wikidata importers (copydesk.knowledge.positions): a position held (P39) of one of
these items becomes a role row that roles.title reads. See docs/knowledge-data.md.
Written by scripts/kb/build_positions.py: change its rules and re-run it rather than edit this
file; it keeps the `editorial` rows (written by hand) as they are.
The items were found through the Wikidata queries of the every-politician-scrapers projects
({url}; snapshots of {first} to {last}).
Only Wikidata's item ids, their English labels and their country are taken (Wikidata, CC0),
none of those projects' office-holder data. role and of: read from the label by the script's
rules; title: the label with a capital first letter.
source: where the row comes from (`editorial`: written by hand from public references;
`wikidata:Q…`: that item); taken: when (for a `wikidata:` row, the commit day of the snapshot
its label was read from)."""


def title_of(label: str) -> str:
    """The office's English title: its label with a capital first letter."""
    return label[:1].upper() + label[1:]


def kept_rows(path: Path) -> list[dict[str, str]]:
    """The hand-written rows of the current file."""
    if not path.exists():
        return []
    return [row for _, row in read_tsv(path) if row["source"] == EDITORIAL]


def render(rows: list[Found], kept: list[dict[str, str]], span: tuple[str, str]) -> str:
    """The file: header, column line, the hand-written rows, then one section a country or
    organisation, roles in ROLE_ORDER, items by number."""
    header = HEADER.format(url=URL, first=span[0], last=span[1])
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    lines.append("\t".join(COLUMNS))
    lines.append("# --- written by hand")
    lines += ["\t".join(row[column] for column in COLUMNS) for row in kept]
    sections: dict[str, list[tuple[Found, str]]] = defaultdict(list)
    for item in rows:
        for role in item.roles:
            sections[item.of].append((item, role))
    for of in sorted(sections, key=lambda of: (of.islower(), of)):
        lines.append(f"# --- {of}")
        for item, role in sorted(sections[of], key=lambda pair: (RANK.get(pair[1], len(RANK)),
                                                                  int(pair[0].qid[1:]))):
            fields = [item.qid, item.label, role, item.of, title_of(item.label),
                      f"wikidata:{item.qid}", item.taken]
            for value in fields:
                if "\t" in value or "\n" in value or value != value.strip() or not value:
                    raise ConversionError(f"{item.qid}: bad field {value!r}")
            lines.append("\t".join(fields))
    return "\n".join(lines) + "\n"


def counts(rows: list[Found], kept: list[dict[str, str]]) -> list[str]:
    """Rows and countries (or organisations) per role, as lines."""
    pairs = [(role, item.of) for item in rows for role in item.roles]
    pairs += [(row["role"], row["of"]) for row in kept]
    by_role: dict[str, Counter] = defaultdict(Counter)
    for role, of in pairs:
        by_role[role][of] += 1
    lines = []
    for role in sorted(by_role, key=lambda role: (RANK.get(role, len(RANK)), role)):
        states = sum(of.isupper() for of in by_role[role])
        lines.append(f"{role}: {sum(by_role[role].values())} rows, {states} countries, "
                     f"{len(by_role[role]) - states} organisations")
    return lines


def build(mirrors: Path) -> tuple[str, list[Found], list[Found], list[str]]:
    """(the new file's text, the mapped items, the unmapped ones, the count lines)."""
    snaps = snapshots(mirrors)
    items, names = read_items(snaps)
    members, qids = un_members()
    codes = country_codes(names, members, qids)
    national, stateless, _ = resolve(items, codes, members)
    kept = kept_rows(OUTPUT)
    done = {row["position"] for row in kept}
    by_country: dict[str, list[Found]] = defaultdict(list)
    for item in national:
        by_country[item.of].append(item)
    classified = [item for of in sorted(by_country)
                  for item in country_roles(by_country[of], members)]
    classified += international(stateless, shipped_offices())
    mapped = [item for item in classified if item.roles and item.qid not in done]
    unmapped = [item for item in classified if not item.roles]
    days = sorted(snap.taken for _, snap in snaps)
    text = render(mapped, kept, (days[0], days[-1]))
    return text, mapped, unmapped, counts(mapped, kept)


def write_unmapped(path: Path, unmapped: list[Found]) -> None:
    """The labels no rule read, with their country, for improving the rules."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["position\tof\tlabel"]
    lines += [f"{item.qid}\t{item.of}\t{item.label}" for item in
              sorted(unmapped, key=lambda item: (item.of, norm(item.label)))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mirrors", type=Path, default=DEFAULT_MIRRORS,
                        help=f"folder of the {PREFIX}<repo>/repo snapshots (default %(default)s)")
    parser.add_argument("--unmapped", type=Path, default=UNMAPPED,
                        help="where to write the labels no rule read (default %(default)s)")
    parser.add_argument("--dry-run", action="store_true", help="print the counts, write nothing")
    args = parser.parse_args(argv)
    try:
        text, mapped, unmapped, lines = build(args.mirrors)
    except ConversionError as exc:
        print(f"build_positions: {exc}", file=sys.stderr)
        return 1
    for line in lines:
        print(line)
    print(f"{len(mapped)} items mapped, {len(unmapped)} of UN members left out "
          f"(labels in {args.unmapped})")
    if not args.dry_run:
        OUTPUT.write_text(text, encoding="utf-8")
        write_unmapped(args.unmapped, unmapped)
    return 0


if __name__ == "__main__":
    sys.exit(main())
