"""Importers: a newsroom's CSV/JSONL lists, a streamed Wikidata dump, the SPARQL endpoint."""

from __future__ import annotations

import bz2
import gzip
import json
import threading
from datetime import date, datetime
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import ClassVar
from urllib.parse import parse_qs, urlparse

import pytest

from copydesk.errors import KnowledgeError
from copydesk.knowledge.sources import sparql, wikidata_dump
from copydesk.knowledge.sources.tabular import import_table
from copydesk.knowledge.store import KnowledgeBase


def test_csv_rows_merge_into_careers_and_bad_rows_are_reported(tmp_path):
    path = tmp_path / "stylebook.csv"
    path.write_text(
        "name,kind,key,aliases,role,of,start,end\n"
        "Maria Lindqvist,person,maria-lindqvist,translit:Marija Lindkvist,foreign-minister,SWE,2014-10-03,2019-09-10\n"
        "Maria Lindqvist,person,maria-lindqvist,,defence-minister,SWE,2019-09-10,\n"
        ",person,,,,,,\n"
        "Harbour Board,building,,,,,,\n"
        "Tom Reyes,person,,,mayor,,2001,\n"
        "Ola Berg,person,,,mayor,NOR,2012,2010\n",
        encoding="utf-8",
    )
    result = import_table(path)
    assert [r.key for r in result.records] == ["maria-lindqvist"]
    assert len(result.records[0].roles) == 2
    lines = [p.line for p in result.problems]
    assert lines == [4, 5, 6, 7]
    assert "no name" in result.problems[0].message
    assert "kind 'building'" in result.problems[1].message
    assert "needs 'of'" in result.problems[2].message
    assert "ends (2010) before it starts (2012)" in result.problems[3].message


def test_jsonl_with_a_broken_line(tmp_path):
    path = tmp_path / "names.jsonl"
    path.write_text(
        json.dumps({"name": "Kestrel Media Group", "kind": "organisation", "acronyms": "KMG"})
        + "\n{not json\n"
        + json.dumps({"name": "Ivo Marek", "qid": "Q12x"}) + "\n",
        encoding="utf-8",
    )
    result = import_table(path)
    assert [r.name for r in result.records] == ["Kestrel Media Group"]
    assert ("KMG", "acronym") in result.records[0].aliases
    assert [(p.line, "JSON" in p.message or "qid" in p.message) for p in result.problems] == [
        (2, True), (3, True)]


def _dump_entity(qid, label, p31, *, aliases=(), positions=(), sitelinks=1):
    claims = {"P31": [{"mainsnak": {"datavalue": {"value": {"entity-type": "item", "id": p31}}}}]}
    if positions:
        claims["P39"] = [
            {
                "mainsnak": {"datavalue": {"value": {"id": pos}}},
                "qualifiers": {
                    "P580": [{"datavalue": {"value": {"time": start, "precision": 11}}}],
                },
            }
            for pos, start in positions
        ]
    return {
        "type": "item", "id": qid, "labels": {"en": {"language": "en", "value": label}},
        "aliases": {"en": [{"language": "en", "value": a} for a in aliases]},
        "claims": claims,
        "sitelinks": {f"site{k}": {"title": label} for k in range(sitelinks)},
    }


def _write_dump(path, entities, opener):
    with opener(path, "wt", encoding="utf-8") as handle:
        handle.write("[\n")
        handle.write(",\n".join(json.dumps(e, separators=(",", ":")) for e in entities))
        handle.write("\n]\n")


@pytest.mark.parametrize("suffix,opener", [(".json.bz2", bz2.open), (".json.gz", gzip.open)])
def test_dump_import_streams_and_filters_by_kind(tmp_path, suffix, opener):
    entities = [
        _dump_entity("Q900001", "Vera Halloran", "Q5", aliases=["V. Halloran"],
                     positions=[("Q900100", "+2016-05-01T00:00:00Z")], sitelinks=3),
        _dump_entity("Q900002", "Grey Heron", "Q16521"),  # a taxon: filtered out before parsing
        _dump_entity("Q900003", "Northern Ports Authority", "Q327333", sitelinks=2),
    ]
    path = tmp_path / f"dump{suffix}"
    _write_dump(path, entities, opener)
    kb = KnowledgeBase(":memory:")
    stats = wikidata_dump.import_dump(kb, path)
    assert (stats.parsed, stats.kept) == (2, 2)
    person = kb.entity("wd-q900001")
    assert person is not None and person.qid == "Q900001" and person.kind == "person"
    assert ("V. Halloran", "variant") in person.aliases
    assert person.roles[0].of == "wd:Q900100" and person.roles[0].start == "2016-05-01"
    assert kb.entity("wd-q900003").kind == "organisation"


def test_dump_min_sitelinks_and_bad_lines(tmp_path):
    path = tmp_path / "dump.json"
    good = json.dumps(_dump_entity("Q900001", "Vera Halloran", "Q5", sitelinks=1), separators=(",", ":"))
    path.write_text('[\n' + good + ',\n{"id":"Q5" broken\n]\n', encoding="utf-8")
    stats = wikidata_dump.DumpImport()
    with wikidata_dump.open_dump(path) as stream:
        kept = list(wikidata_dump.iter_dump(stream, min_sitelinks=2, stats=stats))
    assert kept == [] and stats.bad_lines == [3]


class _SparqlHandler(BaseHTTPRequestHandler):
    """Answers like query.wikidata.org, with results the test defines."""

    answer: ClassVar[dict] = {}
    seen: ClassVar[list] = []

    def do_GET(self):
        query = parse_qs(urlparse(self.path).query)
        self.seen.append(query)
        body = json.dumps(self.answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture()
def sparql_server():
    server = HTTPServer(("127.0.0.1", 0), _SparqlHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/sparql"
    server.shutdown()


def _binding(**values):
    out = {}
    for name, value in values.items():
        kind = "uri" if value.startswith("http") else "literal"
        out[name] = {"type": kind, "value": value}
    return out


def test_sparql_import_from_a_local_endpoint(sparql_server):
    entity = "http://www.wikidata.org/entity/"
    _SparqlHandler.answer = {
        "head": {"vars": ["item", "itemLabel", "alias", "position", "start"]},
        "results": {"bindings": [
            _binding(item=entity + "Q900001", itemLabel="Vera Halloran", alias="Vera Holloran",
                     position=entity + "Q900100", positionLabel="Harbour Commissioner",
                     start="2016-05-01T00:00:00Z",
                     enwiki="https://en.wikipedia.org/wiki/Vera_Halloran"),
            _binding(item=entity + "Q900001", itemLabel="Vera Halloran", alias="V. Halloran"),
        ]},
    }
    kb = KnowledgeBase(":memory:")
    count = sparql.import_sparql(kb, sparql.query_for_items(["Q900001"]), endpoint=sparql_server)
    assert count == 1
    record = kb.entity("wd-q900001")
    assert {a for a, _ in record.aliases} == {"Vera Holloran", "V. Halloran"}
    assert record.enwiki == "Vera_Halloran"
    assert record.roles[0].title == "Harbour Commissioner" and record.roles[0].start == "2016-05-01"
    assert "wd:Q900001" in _SparqlHandler.seen[-1]["query"][0]
    assert kb.fuzzy("Vera Haloran")[0].key == "wd-q900001"


def test_sparql_errors_are_knowledge_errors(sparql_server):
    _SparqlHandler.answer = {"unexpected": True}
    with pytest.raises(KnowledgeError, match="results.bindings"):
        sparql.run_query("SELECT 1", endpoint=sparql_server)
    with pytest.raises(KnowledgeError, match="failed"):
        sparql.run_query("SELECT 1", endpoint="http://127.0.0.1:9/none", timeout=2)


# ---------------------------------------------------------------- positions that mean something

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "wikidata" / "office-holders.json"


@pytest.fixture()
def imported_world():
    """A knowledge base with the shipped titles and one person already known by her English
    Wikipedia article, into which the office-holder dump fixture is imported."""
    from copydesk.knowledge.records import EntityRecord
    from copydesk.knowledge.sources import shipped

    kb = KnowledgeBase(":memory:")
    kb.add_titles(shipped.titles())
    kb.add_entities([EntityRecord("orla-quennell", "person", "Orla Quennell", enwiki="Orla_Quennell",
                                  source="shipped:test")])
    stats = wikidata_dump.import_dump(kb, FIXTURE)
    assert (stats.parsed, stats.kept) == (2, 2)
    return kb


def test_dump_positions_become_role_coded_dated_rows_of_the_known_person(imported_world):
    kb = imported_world
    assert kb.entity("wd-q999000001") is None  # merged into the shipped person by enwiki title
    orla = kb.entity("orla-quennell")
    assert orla.qid == "Q999000001"
    assert [(r.role, r.of, r.start, r.end, r.title, r.source) for r in orla.roles] == [
        ("vice-president", "USA", "2001-01-20", "2005-01-20", "Vice President of the United States",
         "wikidata:Q999000001")]  # the deprecated statement is skipped
    [holder] = kb.holders("vice-president", "USA", date(2003, 5, 1))
    assert holder.key == "orla-quennell"


def test_dump_marks_acting_holders_and_keeps_unmapped_positions(imported_world):
    tomas = imported_world.entity("wd-q999000002")
    rows = {(r.role, r.of): r for r in tomas.roles}
    assert set(rows) == {("head-of-state", "USA"), ("head-of-government", "USA"), ("position", "wd:Q999000100")}
    assert rows[("head-of-state", "USA")].acting == "acting"
    assert rows[("position", "wd:Q999000100")].acting is None


@pytest.mark.model
def test_roles_title_reads_imported_holders(imported_world, analyser):
    from copydesk.checks import roles_title
    from copydesk.ingest.text import parse_text
    from copydesk.knowledge import Knowledge

    article = parse_text("Ports talks\n\nPresident Orla Quennell arrived in Oslo on Monday for talks.\n")
    article.published = datetime(2003, 5, 1)
    [finding] = roles_title.check(analyser.analyse(article), Knowledge(kb=imported_world))
    assert finding.text == "President"
    assert finding.suggestion == "Vice President"
