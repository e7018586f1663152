"""``copydesk kb`` through the CLI entry point, on a knowledge base built into a temporary file."""

from __future__ import annotations

import json

import pytest

from copydesk.cli.main import main


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
    assert "1 entity from 2 rows; 1 row skipped" in captured.out
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


@pytest.mark.parametrize("role, of, says", [
    ("foreign-secretary", "GBR", "unknown role 'foreign-secretary'"),
    ("foreign-minister", "XYZ", "no office of 'XYZ'"),
])
def test_a_role_or_code_the_knowledge_base_lacks_is_named(kb_path, capsys, role, of, says):
    assert main(["kb", "lookup", "--kb", str(kb_path), "--role", role, "--of", of]) == 2
    assert says in capsys.readouterr().err


def test_export_writes_jsonl(kb_path, tmp_path):
    out = tmp_path / "people.jsonl"
    assert main(["kb", "export", "--kb", str(kb_path), "--kind", "person", "-o", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows and all(r["kind"] == "person" for r in rows)
    assert any(r["roles"] for r in rows)


@pytest.mark.model
def test_two_checks_started_at_once_with_no_knowledge_base_both_succeed(tmp_path):
    """Both processes find no knowledge base; one builds it under the lock, the other waits and
    opens what was built. Both check the article; the file is whole."""
    import sqlite3
    import subprocess
    import sys
    from pathlib import Path

    exe = Path(sys.executable).with_name("copydesk")
    article = tmp_path / "story.txt"
    article.write_text("Harbour works\n\nThe minister opened the new pier on Tuesday.\n", encoding="utf-8")
    kb = tmp_path / "fresh" / "kb.sqlite"
    command = [str(exe), "check", "--kb", str(kb), "--no-isolation", "-f", "json", str(article)]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    results = [(run.wait(timeout=600), run.stdout.read(), run.stderr.read()) for run in runs]
    for status, out, err in results:
        assert status == 0, err
        assert json.loads(out)["article"]["text"].startswith("Harbour works")
    assert sum("building the knowledge base" in err for _, _, err in results) == 1
    with sqlite3.connect(kb) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert not list(kb.parent.glob("*.building"))


def test_knowledge_base_threads_read_through_their_own_connections(kb_path):
    from concurrent.futures import ThreadPoolExecutor

    from copydesk.knowledge.store import KnowledgeBase

    kb = KnowledgeBase(kb_path, create=False)
    try:
        with ThreadPoolExecutor(4) as pool:
            found = list(pool.map(lambda name: [m.key for m in kb.fuzzy(name)][:1],
                                  ["Angela Merkle", "Emanuel Macron"] * 20))
        assert found[:2] == [["angela-merkel"], ["emmanuel-macron"]]
        assert found == found[:2] * 20
        assert len(kb._connections) >= 2
    finally:
        kb.close()


def test_stats_coverage_lists_offices_and_missing_years(kb_path, capsys):
    assert main(["kb", "stats", "--kb", str(kb_path), "--coverage", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    usa = {row["role"]: row for row in data["offices"] if row["of"] == "USA"}
    assert usa["vice-president"]["holders"] >= 5 and usa["vice-president"]["missing_years"] == []
    assert data["people_with_qid"] <= data["people"]
    assert main(["kb", "stats", "--kb", str(kb_path), "--coverage", "--since", "2010"]) == 0
    text = capsys.readouterr().out
    assert "offices held 2010-" in text and "vice-president" in text
