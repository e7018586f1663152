"""``copydesk batch`` on a LocalCluster of two worker processes (each loads the model once)."""

from __future__ import annotations

import json

import pytest

from copydesk.cli.main import main

pytestmark = pytest.mark.model

TOWNS = ["Westhaven", "Northgate", "Eastbury", "Southmoor", "Kingsford", "Ashby", "Bramley",
         "Colworth", "Dunmore", "Elmstead"]


def _articles(folder):
    folder.mkdir()
    for n, town in enumerate(TOWNS):
        (folder / f"{n:02d}-{town.lower()}.txt").write_text(
            f"{town} council approves new budget\n\n"
            f"{town}, March {n + 1}, 2023 — The {town} council voted on Tuesday to approve a budget "
            f"of {n + 3} million pounds, said its leader, Mary Jones.\n\n"
            f"\"We have made hard choices,\" Jones told reporters after the vote.\n",
            encoding="utf-8",
        )
    (folder / "zz-bad.txt").write_bytes(b"")  # an empty file: fails to read


def test_batch_stores_all_reports_failures_and_resume(tmp_path, capsys):
    from copydesk.store import Store

    folder = tmp_path / "in"
    _articles(folder)
    db = tmp_path / "desk.sqlite"
    failures = tmp_path / "failures.jsonl"

    status = main(["batch", str(folder), "--db", str(db), "--workers", "2",
                   "--partition-size", "3", "--failures", str(failures)])
    out, err = capsys.readouterr()
    assert status == 2  # one input failed
    assert "10 new, 0 unchanged" in out and "failed: 1; empty 1" in out
    assert "dashboard" in err
    lines = [json.loads(line) for line in failures.read_text(encoding="utf-8").splitlines()]
    assert [line["source"] for line in lines] == [str(folder / "zz-bad.txt")]
    assert lines[0]["kind"] == "empty" and lines[0]["reason"]
    with Store(db) as store:
        assert store.counts()["articles"] == 10
        before = store.dump()

    (folder / "zz-bad.txt").unlink()
    status = main(["batch", str(folder), "--db", str(db), "--workers", "2", "--resume"])
    out, err = capsys.readouterr()
    assert status == 0
    assert "0 new, 0 unchanged; 10 skipped" in out
    assert "articles checked" not in err and "workers" not in err  # no cluster, no check
    with Store(db) as store:
        assert store.dump() == before
