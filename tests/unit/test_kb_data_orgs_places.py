"""Validation of the shipped organisations, places and acronyms (``copydesk/data/kb``).

The validators here are small pure functions over one parsed row, so that the negative tests can
feed them a bad row; the data tests run them over every row of the shipped files."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

import pycountry
import pytest

import copydesk

DATA = Path(copydesk.__file__).parent / "data" / "kb"

COLUMNS = {
    "organisations.tsv": ["key", "name", "acronyms", "aliases", "kind", "country", "qid", "enwiki", "source", "taken"],
    "places.tsv": ["key", "name", "kind", "country", "variants", "demonyms", "qid", "enwiki", "source", "taken"],
    "acronyms.tsv": ["acronym", "expansion", "key", "note", "source", "taken"],
}
ORG_KINDS = {
    "intergovernmental", "un-agency", "eu-institution", "government-agency", "ministry",
    "intelligence", "armed-force", "police", "court", "party", "alliance", "ngo", "company",
    "media", "union", "sport", "other",
}
PLACE_KINDS = {"country", "territory", "region", "city", "sea", "other"}
ORG_ALIAS_KINDS = {"official", "short", "variant", "full", "former", "native", "translit"}
PLACE_VARIANT_KINDS = {"translit", "former", "short", "official", "variant", "native"}
KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QID = re.compile(r"^Q[0-9]+$")

# Organisation acronyms that are not initialisms of any name the row gives, with the reason.
# (organisations.tsv has no note column, so the exceptions are listed here.)
ORG_NON_INITIALISMS = {
    "MI5": "historical designation, Military Intelligence, Section 5",
    "MI6": "historical designation, Military Intelligence, Section 6",
    "EFE": "named after the Spanish spelling of the letter F, not an initialism",
    "JAXA": "the X is from eXploration, Japan Aerospace eXploration Agency",
    "UNWTO": "UN prefix to WTO, the World Tourism Organization",
}


# --- reading -----------------------------------------------------------------------------------

def read_rows(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header and (line number, fields) rows of a shipped TSV file; ``#`` lines are comments."""
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if header is None:
            header = fields
        else:
            rows.append((number, fields))
    assert header is not None, f"{path} has no header"
    return header, rows


@cache
def load(name: str) -> tuple[dict[str, str], ...]:
    header, rows = read_rows(DATA / name)
    return tuple(dict(zip(header, fields)) for _, fields in rows)


def split_prefixed(value: str) -> list[tuple[str, str]]:
    """``short:Britain|former:Byelorussia`` -> [("short", "Britain"), ("former", "Byelorussia")]."""
    out = []
    for item in filter(None, (part.strip() for part in value.split("|"))):
        kind, _, text = item.partition(":")
        out.append((kind, text.strip()))
    return out


def split_plain(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


# --- acronym consistency -----------------------------------------------------------------------

def fold(text: str) -> str:
    """Lower case without diacritics (``Électricité`` -> ``electricite``, ``MİT`` -> ``mit``)."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ı", "i"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def acronym_letters(acronym: str) -> str:
    return "".join(c for c in fold(acronym) if c.isalpha())


def words(phrase: str) -> list[str]:
    return [w for w in re.split(r"[^0-9a-z]+", fold(phrase)) if w]


def initials_match(acronym: str, phrase: str) -> bool:
    """The acronym's letters appear, in order, among the initials of the phrase's words."""
    initials = iter(w[0] for w in words(phrase))
    return all(letter in initials for letter in acronym_letters(acronym))


def loose_match(acronym: str, phrase: str) -> bool:
    """Like ``initials_match``, but a letter may also come from later in the word that gave the
    previous letter (GCHQ: Government Communications HeadQuarters; Ofcom: OFfice of COMmunications)."""
    letters, ws = acronym_letters(acronym), words(phrase)

    @cache
    def go(i: int, w: int, p: int) -> bool:
        if i == len(letters):
            return True
        if w >= 0 and letters[i] in ws[w][p:]:
            at = ws[w].index(letters[i], p)
            if go(i + 1, w, at + 1):
                return True
        return any(go(i + 1, v, 1) for v in range(w + 1, len(ws)) if ws[v][0] == letters[i])

    return bool(letters) and go(0, -1, 0)


def org_acronym_consistent(acronym: str, names: list[str]) -> bool:
    """An organisation acronym is consistent with one of its names, or is itself a name/word of it."""
    if acronym in ORG_NON_INITIALISMS:
        return True
    if any(acronym_letters(acronym) in {acronym_letters(w) for w in [n, *n.split()]} for n in names):
        return True
    return any(loose_match(acronym, n) for n in names)


# --- validators (one row -> list of problems) --------------------------------------------------

def valid_iso3(code: str) -> bool:
    return pycountry.countries.get(alpha_3=code) is not None


def common_problems(row: dict[str, str]) -> list[str]:
    problems = []
    if not KEY.match(row.get("key", "")):
        problems.append(f"bad key {row.get('key')!r}")
    if not row.get("name"):
        problems.append("empty name")
    if row.get("qid") and not QID.match(row["qid"]):
        problems.append(f"bad qid {row['qid']!r}")
    if not row.get("enwiki") or " " in row["enwiki"]:
        problems.append(f"enwiki missing or has spaces: {row.get('enwiki')!r}")
    if row.get("country") and not valid_iso3(row["country"]):
        problems.append(f"country {row['country']!r} is not ISO 3166-1 alpha-3")
    return problems


def validate_organisation(row: dict[str, str]) -> list[str]:
    problems = common_problems(row)
    if row.get("kind") not in ORG_KINDS:
        problems.append(f"kind {row.get('kind')!r} not allowed")
    aliases = split_prefixed(row.get("aliases", ""))
    problems += [f"alias kind {k!r}" for k, _ in aliases if k not in ORG_ALIAS_KINDS]
    problems += [f"empty alias of kind {k!r}" for k, t in aliases if not t]
    names = [row.get("name", "")] + [t for _, t in aliases]
    for acronym in split_plain(row.get("acronyms", "")):
        if not acronym_letters(acronym):
            problems.append(f"acronym {acronym!r} has no letters")
        elif not org_acronym_consistent(acronym, names):
            problems.append(f"acronym {acronym!r} inconsistent with {names}")
    if "|" in row.get("acronyms", "") and "" in row["acronyms"].split("|"):
        problems.append("empty acronym between bars")
    return problems


def validate_place(row: dict[str, str]) -> list[str]:
    problems = common_problems(row)
    if row.get("kind") not in PLACE_KINDS:
        problems.append(f"kind {row.get('kind')!r} not allowed")
    variants = split_prefixed(row.get("variants", ""))
    problems += [f"variant kind {k!r}" for k, _ in variants if k not in PLACE_VARIANT_KINDS]
    problems += [f"empty variant of kind {k!r}" for k, t in variants if not t]
    if row.get("demonyms") and "" in [d.strip() for d in row["demonyms"].split("|")]:
        problems.append("empty demonym")
    return problems


def validate_acronym(row: dict[str, str]) -> list[str]:
    problems = []
    acronym, expansion, note = row.get("acronym", ""), row.get("expansion", ""), row.get("note", "")
    if not acronym_letters(acronym):
        problems.append(f"acronym {acronym!r} has no letters")
    if not expansion:
        problems.append("empty expansion")
    if not KEY.match(row.get("key", "")):
        problems.append(f"bad key {row.get('key')!r}")
    excepted = "non-initialism" in note or "exception" in note
    if acronym_letters(acronym) and expansion and not excepted and not initials_match(acronym, expansion):
        problems.append(f"{acronym!r} letters not in the initials of {expansion!r} and no note says why")
    return problems


# --- data tests --------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_header_and_column_counts(name):
    header, rows = read_rows(DATA / name)
    assert header == COLUMNS[name]
    wrong = [number for number, fields in rows if len(fields) != len(header)]
    assert wrong == [], f"{name}: lines with a wrong number of fields: {wrong}"


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_keys_are_unique(name):
    keys = [row["key"] for row in load(name)]
    assert sorted({k for k in keys if keys.count(k) > 1}) == []


def test_every_organisation_row_is_valid():
    problems = {row["key"]: p for row in load("organisations.tsv") if (p := validate_organisation(row))}
    assert problems == {}


def test_every_place_row_is_valid():
    problems = {row["key"]: p for row in load("places.tsv") if (p := validate_place(row))}
    assert problems == {}


def test_every_acronym_row_is_valid():
    problems = {row["key"]: p for row in load("acronyms.tsv") if (p := validate_acronym(row))}
    assert problems == {}


def test_sizes():
    assert len(load("organisations.tsv")) >= 400
    assert len(load("acronyms.tsv")) >= 150
    countries = [row for row in load("places.tsv") if row["kind"] == "country"]
    assert len(countries) >= 193


def test_no_duplicate_acronym_expansion_pairs():
    pairs = [(row["acronym"], fold(row["expansion"])) for row in load("acronyms.tsv")]
    for row in load("organisations.tsv"):
        pairs += [(a, fold(row["name"])) for a in split_plain(row["acronyms"])]
    assert sorted({p for p in pairs if pairs.count(p) > 1}) == []


def test_ambiguous_acronyms_have_one_row_per_meaning():
    meanings: dict[str, set[str]] = {}
    for row in load("organisations.tsv"):
        for acronym in split_plain(row["acronyms"]):
            meanings.setdefault(acronym, set()).add(row["name"])
    assert {"International Criminal Court", "International Cricket Council"} <= meanings["ICC"]
    assert len(meanings["ANC"]) >= 2 and len(meanings["PLA"]) >= 2 and len(meanings["CIS"]) >= 2


def test_key_expansions():
    names = {row["key"]: row for row in load("organisations.tsv")}
    assert names["nato"]["name"] == "North Atlantic Treaty Organization"
    assert names["iaea"]["name"] == "International Atomic Energy Agency"
    assert "variant:North Atlantic Treaty Organisation" in names["nato"]["aliases"]
    assert names["kgb"]["name"] == "Committee for State Security"
    assert "native:Komitet Gosudarstvennoy Bezopasnosti" in names["kgb"]["aliases"]


def place_lookup() -> dict[str, set[str]]:
    """Folded name or variant -> keys of the places that carry it."""
    index: dict[str, set[str]] = {}
    for row in load("places.tsv"):
        for text in [row["name"], *(t for _, t in split_prefixed(row["variants"]))]:
            index.setdefault(fold(text), set()).add(row["key"])
    return index


def test_ukrainian_variants_resolve_both_ways():
    index = place_lookup()
    rows = {row["key"]: row for row in load("places.tsv")}
    checked = 0
    for row in rows.values():
        if row["country"] != "UKR":
            continue
        for kind, variant in split_prefixed(row["variants"]):
            if kind not in ("translit", "former"):
                continue
            # variant -> the place, and the place's name -> a row that lists the variant
            assert row["key"] in index[fold(variant)], variant
            back = [rows[k] for k in index[fold(row["name"])]]
            assert any(variant in r["variants"] for r in back), (row["name"], variant)
            checked += 1
    assert checked >= 40


@pytest.mark.parametrize(
    "current, other",
    [("Kyiv", "Kiev"), ("Kharkiv", "Kharkov"), ("Odesa", "Odessa"), ("Lviv", "Lvov"),
     ("Luhansk", "Lugansk"), ("Zaporizhzhia", "Zaporozhye"), ("Mykolaiv", "Nikolaev"),
     ("Dnipro", "Dnipropetrovsk"), ("Bakhmut", "Artemivsk"), ("Donbas", "Donbass")],
)
def test_ukrainian_pair_is_one_place(current, other):
    index = place_lookup()
    assert index[fold(current)] & index[fold(other)]


def test_press_names_of_countries():
    by_key = {row["key"]: row for row in load("places.tsv")}
    assert by_key["russia"]["name"] == "Russia" and by_key["russia"]["country"] == "RUS"
    assert by_key["iran"]["name"] == "Iran"
    assert "former:Burma" in by_key["myanmar"]["variants"]
    assert "Belarusian" in by_key["belarus"]["demonyms"]


# --- the validators catch bad rows -------------------------------------------------------------

GOOD_ORG = {
    "key": "nato", "name": "North Atlantic Treaty Organization", "acronyms": "NATO",
    "aliases": "short:North Atlantic Alliance", "kind": "alliance", "country": "",
    "qid": "Q7184", "enwiki": "NATO",
}


def test_validator_accepts_a_good_row():
    assert validate_organisation(GOOD_ORG) == []


@pytest.mark.parametrize(
    "change, expected",
    [
        ({"kind": "club"}, "kind"),
        ({"country": "XYZ"}, "ISO 3166"),
        ({"qid": "7184"}, "qid"),
        ({"acronyms": "KGB"}, "inconsistent"),
        ({"acronyms": "123"}, "no letters"),
        ({"aliases": "nickname:The Alliance"}, "alias kind"),
        ({"key": "North Atlantic"}, "bad key"),
    ],
)
def test_validator_rejects_a_bad_organisation_row(change, expected):
    problems = validate_organisation({**GOOD_ORG, **change})
    assert any(expected in p for p in problems), problems


def test_validator_rejects_inconsistent_general_acronym():
    bad = {"acronym": "GDP", "expansion": "gross national product", "key": "gdp", "note": ""}
    assert validate_acronym(bad)
    assert validate_acronym({**bad, "expansion": "gross domestic product"}) == []
