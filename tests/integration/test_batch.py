"""``copydesk batch`` on a LocalCluster of two worker processes (each loads the model once)."""

from __future__ import annotations

import json
from pathlib import Path

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
    assert "0 new, 0 unchanged; 10 skipped (already done)" in out
    assert "articles checked" not in err and "workers" not in err  # no cluster, no check
    with Store(db) as store:
        assert store.dump() == before


def _warc(tmp_path):
    from tests.unit.test_sources_warc import _page, write_warc

    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [
        ("response", "https://news.example/westhaven", "200 OK", "text/html", _page("Westhaven")),
        ("response", "https://news.example/northgate", "200 OK", "text/html", _page("Northgate")),
        ("response", "https://news.example/eastbury", "200 OK", "text/html", _page("Eastbury")),
        ("response", "https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n"),
    ])
    urls = tmp_path / "urls.txt"
    urls.write_text("https://news.example/westhaven\nhttps://news.example/eastbury\n"
                    "https://news.example/logo.png\nhttps://news.example/missing\n",
                    encoding="utf-8")
    return path, urls


def _jsonl_reports(folder):
    return [json.loads(line) for part in sorted(folder.glob("part-*.jsonl"))
            for line in part.read_text(encoding="utf-8").splitlines()]


def test_batch_warc_with_url_list_into_files_and_resume(tmp_path, capsys):
    warc, urls = _warc(tmp_path)
    out_dir = tmp_path / "out"
    failures = tmp_path / "failures.jsonl"
    args = ["batch", str(warc), "--urls", str(urls), "--out", str(out_dir), "--workers", "1",
            "--partition-size", "1", "--no-isolation", "--failures", str(failures)]
    assert main(args) == 2
    out, _err = capsys.readouterr()
    reports = _jsonl_reports(out_dir)
    assert sorted(r["article"]["url"] for r in reports) == [
        "https://news.example/eastbury", "https://news.example/westhaven"]
    assert all("council voted" in r["article"]["text"] for r in reports)
    failed = {json.loads(line)["kind"]: json.loads(line)
              for line in failures.read_text(encoding="utf-8").splitlines()}
    assert set(failed) == {"no-article", "not-found"}
    assert failed["not-found"]["url"] == "https://news.example/missing"
    assert "failed: 2; no-article 1; not-found 1" in out

    # the same directory again: refused without --resume, the reports are not mixed
    assert main(args) == 2
    assert "--resume" in capsys.readouterr().err

    # a part file written just before a crash, never checkpointed: deleted on resume
    orphan = out_dir / "part-00042.jsonl"
    orphan.write_text('{"half": "written"}\n', encoding="utf-8")
    assert main([*args, "--resume"]) == 2
    out, _err = capsys.readouterr()
    assert "2 skipped (already done)" in out
    assert not orphan.exists() and len(_jsonl_reports(out_dir)) == 2
    assert len(failures.read_text(encoding="utf-8").splitlines()) == 2  # the whole run's


def test_batch_parquet_files(tmp_path, capsys):
    import pyarrow.parquet as pq

    warc, _urls = _warc(tmp_path)
    out_dir = tmp_path / "pq"
    status = main(["batch", str(warc), "--out", str(out_dir), "--out-format", "parquet",
                   "--workers", "1", "--partition-size", "2", "--no-isolation"])
    assert status == 2  # the PNG record
    capsys.readouterr()
    table = pq.read_table(sorted(out_dir.glob("part-*.parquet")))
    assert table.num_rows == 3
    assert {"input_key", "source", "url", "headline", "content_hash", "report"} <= set(table.column_names)
    rows = table.to_pylist()
    assert sorted(r["url"] for r in rows) == [f"https://news.example/{t}"
                                              for t in ("eastbury", "northgate", "westhaven")]
    assert all(json.loads(r["report"])["article"]["url"] == r["url"] for r in rows)


def test_batch_time_limit_fails_one_input_and_keeps_the_others(tmp_path, capsys):
    from copydesk.store import Store

    folder = tmp_path / "in"
    _articles(folder)
    (folder / "zz-bad.txt").unlink()
    paragraph = ("The {0} council met on Tuesday. Councillor Mary Jones said the {0} "
                 "budget of {1} million pounds would pay for schools, roads and a new library. ")
    long_text = "Council budget debate runs late\n\n" + "\n\n".join(
        paragraph.format(TOWNS[n % 10], n) for n in range(4000))
    (folder / "aa-long.txt").write_text(long_text, encoding="utf-8")
    db = tmp_path / "desk.sqlite"
    failures = tmp_path / "failures.jsonl"
    status = main(["batch", str(folder), "--db", str(db), "--workers", "1", "--partition-size",
                   "4", "--time-limit", "4", "--failures", str(failures)])
    out, _err = capsys.readouterr()
    assert status == 2
    (line,) = failures.read_text(encoding="utf-8").splitlines()
    record = json.loads(line)
    assert record["kind"] == "budget" and "--time-limit 4" in record["reason"]
    assert record["source"].endswith("aa-long.txt") and record["text"] == long_text
    assert "10 new" in out
    with Store(db) as store:
        assert store.counts()["articles"] == 10
        assert store.counts()["batch_inputs"] == 11  # the failure is checkpointed too


def _slips(folder):
    """Two articles, each with a word the dictionary lacks ('flumbership'), a misspelling
    ('libary') and a quotation never closed."""
    folder.mkdir()
    for town in ("Westhaven", "Northgate"):
        (folder / f"{town.lower()}.txt").write_text(
            f"{town} council approves new budget\n\n"
            f"{town}, March 1, 2023 — The {town} council voted on Tuesday to approve a budget of "
            "3 million pounds, said its leader, Mary Jones. The money will go to the new "
            "flumbership scheme and the libary.\n\n"
            "\"We have made hard choices, Jones told reporters after the vote.\n",
            encoding="utf-8",
        )


def _findings(out_dir):
    return sorted((Path(r["source"]).name, f["check"], f["severity"], f["message"])
                  for r in _jsonl_reports(out_dir) for f in r["findings"])


def test_batch_config_reaches_the_workers(tmp_path, capsys):
    folder = tmp_path / "in"
    _slips(folder)
    run = ["batch", str(folder), "--workers", "1", "--partition-size", "1", "--no-isolation"]
    assert main([*run, "--out", str(tmp_path / "plain")]) == 0
    plain = _findings(tmp_path / "plain")
    kinds = {(check, severity, "flumbership" in message) for _s, check, severity, message in plain}
    assert kinds == {("spelling", "info", True), ("spelling", "error", False),
                     ("quotes.unbalanced", "warning", False)}

    config = tmp_path / "house.toml"
    config.write_text('[checks]\nexclude = ["quotes.unbalanced"]\n\n'
                      '[severity]\nspelling = "info"\n\n'
                      '[words]\nhouse = ["flumbership"]\n', encoding="utf-8")
    assert main([*run, "--out", str(tmp_path / "house"), "--config", str(config)]) == 0
    capsys.readouterr()
    house = _findings(tmp_path / "house")
    # the check is off, the misspelling capped at info, the house word no longer flagged
    assert [(s, check, severity) for s, check, severity, _m in house] == [
        ("northgate.txt", "spelling", "info"), ("westhaven.txt", "spelling", "info")]
    assert all("libary" in message for *_rest, message in house)


@pytest.mark.parametrize("option", ["--claims-model", "--config"])
def test_batch_refuses_a_missing_claims_model_or_bad_config_before_any_work(tmp_path, capsys,
                                                                            option):
    folder = tmp_path / "in"
    _slips(folder)
    out_dir = tmp_path / "out"
    if option == "--claims-model":
        given = tmp_path / "absent-model.json"
        said = [f"claims model '{given}': no such file"]
    else:
        given = tmp_path / "copydesk.toml"
        given.write_text('[checks]\nexclude = ["no.such.check"]\n', encoding="utf-8")
        said = [f"{given}:2", "'no.such.check' names no check"]
    status = main(["batch", str(folder), "--out", str(out_dir), "--workers", "1",
                   option, str(given)])
    _out, err = capsys.readouterr()
    assert status == 2
    assert all(part in err for part in said), err
    assert "dashboard" not in err and not out_dir.exists()  # no cluster, nothing written


def test_a_local_clusters_workers_do_not_trim_malloc(monkeypatch):
    """Dask's nannies would give their workers MALLOC_TRIM_THRESHOLD_=65536, which makes the
    parse slower; copydesk's local cluster leaves it unset (and keeps single-thread BLAS)."""
    import argparse
    import os

    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    from copydesk.cli.batch import _client

    client, close = _client(argparse.Namespace(scheduler=None, workers=1))
    try:
        trim = client.run(os.getenv, "MALLOC_TRIM_THRESHOLD_")
        threads = client.run(os.getenv, "OMP_NUM_THREADS")
    finally:
        close()
    assert list(trim.values()) == [None]
    assert list(threads.values()) == ["1"]
