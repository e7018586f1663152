"""``copydesk kb`` through the CLI entry point, on a knowledge base built into a temporary file."""

from __future__ import annotations

import json

import pytest

from copydesk.serve.cli import main


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("kb") / "kb.sqlite"
    assert main(["kb", "build", "--kb", str(path), "--sources", "shipped"]) == 0
    return path


def test_build_reports_counts(kb_path, capsys):
    assert main(["kb", "stats", "--kb", str(kb_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["counts"]["entity.person"] > 100
    assert data["meta"]["sources"] == "shipped"


def test_build_rejects_an_unknown_source(tmp_path, capsys):
    assert main(["kb", "build", "--kb", str(tmp_path / "x.sqlite"), "--sources", "internet"]) == 2
    assert "unknown source" in capsys.readouterr().err


def test_import_table_reports_bad_rows_and_lookup_finds_the_rest(kb_path, tmp_path, capsys):
    table = tmp_path / "house.csv"
    table.write_text(
        "name,kind,aliases,role,of,start\n"
        "Ingrid Vasquez-Holm,person,translit:Ingrid Vaskes-Holm,harbour-master,NOR,2018\n"
        "Nameless Row,person,,harbour-master,,2018\n",
        encoding="utf-8",
    )
    assert main(["kb", "import", "--kb", str(kb_path), str(table)]) == 0
    captured = capsys.readouterr()
    assert "1 entities from 2 rows; 1 rows skipped" in captured.out
    assert "house.csv:3: a role needs 'of'" in captured.err
    assert main(["kb", "lookup", "--kb", str(kb_path), "--fuzzy", "Ingrid Vasquez-Hlom", "--json"]) == 0
    [first, *_] = json.loads(capsys.readouterr().out)
    assert first["name"] == "Ingrid Vasquez-Holm"
    assert main(["kb", "lookup", "--kb", str(kb_path), "--role", "harbour-master", "--of", "NOR",
                 "--on", "2020-01-01"]) == 0
    assert "Ingrid Vasquez-Holm" in capsys.readouterr().out


def test_lookup_without_a_query_is_a_usage_error(kb_path, capsys):
    assert main(["kb", "lookup", "--kb", str(kb_path)]) == 2
    assert "give a NAME" in capsys.readouterr().err


def test_lookup_with_no_match_exits_1(kb_path, capsys):
    assert main(["kb", "lookup", "--kb", str(kb_path), "Zzyzx Qwertyuiop"]) == 1
    assert "no match" in capsys.readouterr().out


def test_export_writes_jsonl(kb_path, tmp_path):
    out = tmp_path / "people.jsonl"
    assert main(["kb", "export", "--kb", str(kb_path), "--kind", "person", "-o", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows and all(r["kind"] == "person" for r in rows)
    assert any(r["roles"] for r in rows)
