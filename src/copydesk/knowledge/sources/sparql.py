"""Import from the Wikidata SPARQL endpoint, for users who are online.

A query must bind ``?item`` (an entity URI) and ``?itemLabel``; it may bind ``?alias``,
``?enwiki`` (article URL), ``?position`` (URI), ``?positionLabel``, ``?start``, ``?end`` and
``?nature`` (the statement's P5102, which marks an acting holder). Rows of one item merge into
one record; positions in ``data/kb/positions.tsv`` become role-coded rows
(``copydesk.knowledge.positions``), and people already in the knowledge base (same QID, else same
English Wikipedia article) get the rows under their own key. ``query_for_items`` and ``query_for_position_holders``
build the usual queries. The HTTP transport is injectable (tests pass a local server's URL).
"""

from __future__ import annotations

from collections.abc import Iterable

import httpx

from copydesk.errors import KnowledgeError
from copydesk.knowledge.positions import Position, load_positions, roles_for
from copydesk.knowledge.records import EntityRecord

NAME = "wikidata-sparql"
ENDPOINT = "https://query.wikidata.org/sparql"
USER_AGENT = "copydesk/0.1 (knowledge import; https://www.wikidata.org/wiki/Wikidata:Data_access)"

_PREFIX = "http://www.wikidata.org/entity/"


def query_for_items(qids: Iterable[str]) -> str:
    values = " ".join(f"wd:{q}" for q in qids)
    return f"""SELECT ?item ?itemLabel ?alias ?enwiki ?position ?positionLabel ?start ?end ?nature WHERE {{
  VALUES ?item {{ {values} }}
  OPTIONAL {{ ?item skos:altLabel ?alias FILTER(LANG(?alias) = "en") }}
  OPTIONAL {{ ?enwiki schema:about ?item; schema:isPartOf <https://en.wikipedia.org/> }}
  OPTIONAL {{ ?item p:P39 ?held. ?held ps:P39 ?position.
             OPTIONAL {{ ?held pq:P580 ?start }} OPTIONAL {{ ?held pq:P582 ?end }}
             OPTIONAL {{ ?held pq:P5102 ?nature }}
             FILTER NOT EXISTS {{ ?held wikibase:rank wikibase:DeprecatedRank }} }}
  SERVICE wikibase:label {{ bd:serviceParam wikibase:language "en". }}
}}"""


def query_for_position_holders(position_qid: str) -> str:
    return f"""SELECT ?item ?itemLabel ?alias ?enwiki ?position ?positionLabel ?start ?end ?nature WHERE {{
  BIND(wd:{position_qid} AS ?position)
  ?item p:P39 ?held. ?held ps:P39 ?position.
  OPTIONAL {{ ?held pq:P580 ?start }} OPTIONAL {{ ?held pq:P582 ?end }}
  OPTIONAL {{ ?held pq:P5102 ?nature }}
  FILTER NOT EXISTS {{ ?held wikibase:rank wikibase:DeprecatedRank }}
  OPTIONAL {{ ?item skos:altLabel ?alias FILTER(LANG(?alias) = "en") }}
  OPTIONAL {{ ?enwiki schema:about ?item; schema:isPartOf <https://en.wikipedia.org/> }}
  SERVICE wikibase:label {{ bd:serviceParam wikibase:language "en". }}
}}"""


def run_query(query: str, *, endpoint: str = ENDPOINT, client: httpx.Client | None = None,
              timeout: float = 60.0) -> list[dict]:
    """The result bindings of a SELECT query."""
    own = client is None
    client = client or httpx.Client(timeout=timeout, headers={"User-Agent": USER_AGENT})
    try:
        response = client.get(
            endpoint,
            params={"query": query, "format": "json"},
            headers={"Accept": "application/sparql-results+json"},
        )
        response.raise_for_status()
        payload = response.json()
    except httpx.HTTPError as exc:
        raise KnowledgeError(f"SPARQL endpoint {endpoint} failed: {exc}") from exc
    except ValueError as exc:
        raise KnowledgeError(f"SPARQL endpoint {endpoint} did not return JSON: {exc}") from exc
    finally:
        if own:
            client.close()
    try:
        return list(payload["results"]["bindings"])
    except (KeyError, TypeError):
        raise KnowledgeError(f"SPARQL endpoint {endpoint}: no results.bindings in the answer") from None


def _value(row: dict, name: str) -> str | None:
    cell = row.get(name)
    return cell.get("value") if isinstance(cell, dict) else None


def _date(value: str | None) -> str | None:
    if not value:
        return None
    return value.lstrip("+")[:10] if "T" in value else value


def records_from_bindings(rows: Iterable[dict], *, kind: str = "person",
                          positions: dict[str, list[Position]] | None = None) -> list[EntityRecord]:
    positions = load_positions() if positions is None else positions
    records: dict[str, EntityRecord] = {}
    for row in rows:
        uri = _value(row, "item")
        label = _value(row, "itemLabel")
        if not uri or not uri.startswith(_PREFIX) or not label:
            continue
        qid = uri[len(_PREFIX):]
        record = records.get(qid)
        if record is None:
            enwiki = _value(row, "enwiki")
            record = records[qid] = EntityRecord(
                key=f"wd-{qid.lower()}", kind=kind, name=label, qid=qid,
                enwiki=enwiki.rsplit("/", 1)[-1] if enwiki else None, source=NAME,
            )
        alias = _value(row, "alias")
        if alias and (alias, "variant") not in record.aliases:
            record.aliases.append((alias, "variant"))
        position = _value(row, "position")
        if position and position.startswith(_PREFIX):
            nature = _value(row, "nature")
            for role in roles_for(
                position[len(_PREFIX):], start=_date(_value(row, "start")),
                end=_date(_value(row, "end")),
                nature=nature[len(_PREFIX):] if nature and nature.startswith(_PREFIX) else None,
                positions=positions, source=f"wikidata:{qid}", label=_value(row, "positionLabel"),
            ):
                if role not in record.roles:
                    record.roles.append(role)
    return list(records.values())


def import_sparql(kb, query: str, *, endpoint: str = ENDPOINT, kind: str = "person",
                  client: httpx.Client | None = None) -> int:
    records = records_from_bindings(run_query(query, endpoint=endpoint, client=client), kind=kind)
    count = kb.add_entities(kb.merged(records))
    kb.finish()
    return count
