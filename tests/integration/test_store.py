"""The store (copydesk.store) on both backends: every test runs on SQLite (a file in tmp_path)
and on PostgreSQL (a server this test session starts on loopback in a temporary directory, one
new database per test).

Without PostgreSQL's server binaries the PostgreSQL half fails, naming the Debian package, so
that CI cannot pass on SQLite alone; COPYDESK_NO_POSTGRES=1 skips it instead (a machine where
the package cannot be installed).
"""

from __future__ import annotations

import csv
import io
import json
import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from copydesk.errors import UsageError
from copydesk.store import Store, StoreError
from copydesk.store.sample import sample_report
from copydesk.store.tempserver import PostgresUnavailable, TemporaryPostgres

ARTICLE = Path(__file__).resolve().parents[1] / "fixtures" / "articles" / "port-strike.txt"


@pytest.fixture(scope="session")
def postgres() -> Iterator[TemporaryPostgres]:
    if os.environ.get("COPYDESK_NO_POSTGRES") == "1":
        pytest.skip("COPYDESK_NO_POSTGRES=1: the store's PostgreSQL half is not run")
    server = TemporaryPostgres(fsync=False)
    try:
        server.start()
    except PostgresUnavailable as exc:
        pytest.fail(f"cannot start the PostgreSQL server the store tests need: {exc}",
                    pytrace=False)
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "desk.sqlite")
        return
    server = request.getfixturevalue("postgres")
    name = "t_" + uuid.uuid4().hex[:12]
    url = server.create_database(name)
    yield url
    server.drop_database(name)


@pytest.fixture
def store(db) -> Iterator[Store]:
    with Store(db) as opened:
        yield opened


# -- schema ------------------------------------------------------------------------------------


def test_opening_migrates_to_head_and_models_match_the_migrations(store):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from copydesk.store.engine import current_revision, head_revision, include_object
    from copydesk.store.models import Base

    assert current_revision(store.engine) == head_revision()
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": include_object})
        assert compare_metadata(context, Base.metadata) == []
    # opening again is a no-op
    Store(store.url).close()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path):
    with Store(tmp_path / "desk.sqlite") as store, store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_default_database_is_in_the_user_data_directory(tmp_path, monkeypatch):
    from copydesk.store.engine import database_url

    monkeypatch.delenv("COPYDESK_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert database_url(None).database == str(tmp_path / "copydesk" / "desk.sqlite")
    assert database_url("postgresql://u@h/d").drivername == "postgresql+psycopg"
    monkeypatch.setenv("COPYDESK_DB", "postgresql://u@h/d")
    assert database_url(None).drivername == "postgresql+psycopg"


def test_without_postgresql_binaries_the_message_names_the_debian_package(monkeypatch):
    from copydesk.store import tempserver

    monkeypatch.delenv("COPYDESK_PG_BIN", raising=False)
    monkeypatch.setattr(tempserver.glob, "glob", lambda pattern: [])
    monkeypatch.setattr(tempserver.shutil, "which", lambda name: None)
    with pytest.raises(PostgresUnavailable, match="install Debian's `postgresql` package"):
        TemporaryPostgres().start()


# -- ingest ------------------------------------------------------------------------------------


def test_the_same_article_twice_is_one_record(store):
    first = store.ingest(sample_report(1))
    again = store.ingest(sample_report(1))
    assert (first.status, again.status) == ("new", "unchanged")
    assert again.article_id == first.article_id and not again.changed
    counts = store.counts()
    assert counts["articles"] == counts["versions"] == counts["analyses"] == 1
    assert counts["findings"] == 2 and counts["quotes"] == 1 and counts["entities"] == 2
    # a report read back from its JSON is the same report
    assert store.ingest(json.loads(json.dumps(sample_report(1).to_dict()))).status == "unchanged"


def test_reingesting_many_articles_changes_no_row(store):
    count = 1000
    reports = [sample_report(n, url=f"https://news.example/{n}") for n in range(count)]
    started = time.perf_counter()
    results = list(store.ingest_many(reports))
    first = time.perf_counter() - started
    assert [r.status for r in results] == ["new"] * count
    before = store.dump()
    started = time.perf_counter()
    again = list(store.ingest_many(reports))
    second = time.perf_counter() - started
    assert {r.status for r in again} == {"unchanged"}
    assert store.dump() == before
    assert store.counts()["articles"] == count
    print(f"{store.backend}: {count} articles in {first:.1f}s, re-ingested in {second:.1f}s")


def test_a_new_text_at_the_same_url_is_a_new_version_with_a_diff(store):
    url = "https://news.example/harbour"
    v1 = store.ingest(sample_report(7, url=url))
    v2 = store.ingest(sample_report(7, url=url, edit=1))
    assert (v1.status, v2.status) == ("new", "version")
    assert v2.article_id == v1.article_id and (v1.version, v2.version) == (1, 2)
    article = store.article(url)
    assert article is not None and [v.number for v in article.versions] == [1, 2]
    assert article.versions[0].previous is None and article.latest.previous == 1
    diff = article.latest.diff
    assert diff.startswith("--- v1\n+++ v2\n")
    assert "-Work is due to begin in spring after edit 0" in diff
    assert "+Work is due to begin in summer after edit 1" in diff
    assert store.article(v2.content_hash) == article == store.article(v1.article_id)
    # queries read the latest version: one set of findings, not two
    assert {f.version for f in store.findings()} == {2}
    assert [a.versions for a in store.articles()] == [2]
    # the old text again is stored already: nothing changes
    assert store.ingest(sample_report(7, url=url)).status == "unchanged"
    # articles without a URL are separate stories
    assert store.ingest(sample_report(8)).article_id != v1.article_id


def test_a_recheck_that_finds_something_else_is_a_new_analysis(store):
    report = sample_report(3)
    store.ingest(report)
    report.findings = report.findings[:1]
    result = store.ingest(report)
    assert result.status == "analysis" and result.version == 1
    assert store.counts()["analyses"] == 2
    assert [f.check for f in store.findings()] == ["spelling"]
    stored = store.report(result.article_id)
    assert stored is not None and len(stored["findings"]) == 1


def test_a_report_without_an_article_is_refused(store):
    from copydesk import Report
    from copydesk.model import InputError

    with pytest.raises(StoreError, match="gone.txt: the report has no article"):
        store.ingest(Report(source="gone.txt", error=InputError("not-found", "no such file")))
    assert store.counts()["articles"] == 0


def test_the_stored_report_keeps_everything(store):
    report = sample_report(4).to_dict()
    store.ingest(report)
    stored = store.report(1)
    assert stored == json.loads(json.dumps(report))


def test_odd_values_are_stored_on_both_backends(store):
    """A NUL in the text (PostgreSQL's text cannot hold one) and long free-form values."""
    from copydesk import Report
    from copydesk.model import Article, Finding, Severity

    text = "Harbour\x00 talks resume. The goverment said its fine."
    start = text.index("goverment")
    report = Report(
        source="nul.jsonl:1", article=Article(text=text, url="https://news.example/nul"),
        findings=[Finding("x" * 300 + ".check", Severity.WARNING, start, start + 9, "goverment",
                          "m" * 5000, "government")],
    )
    data = report.to_dict()
    data["events"] = [{"start": 0, "end": 7, "text": "Harbour", "category": "C" * 100,
                       "actor": "a", "target": None, "actor_code": "EUROPEAN-COMMISSION-" * 5,
                       "actor_kind": "organisation" * 5, "actor_span": [0, 7]}]
    assert store.ingest(data).status == "new"
    assert store.ingest(data).status == "unchanged"
    assert store.report(1) == json.loads(json.dumps(data))  # the exact text, NUL and all
    stored = store.article("https://news.example/nul").latest.text
    assert stored in (text, text.replace("\x00", "\ufffd")) and len(stored) == len(text)
    assert [h.article_id for h in store.search("goverment")] == [1]
    assert store.findings()[0].check.startswith("xxx")


# -- decisions ---------------------------------------------------------------------------------


def test_a_decision_survives_a_recheck_of_an_edited_article(store):
    url = "https://news.example/decided"
    store.ingest(sample_report(11, url=url))
    spelling = store.findings(check="spelling")[0]
    decided = store.decide(spelling.fingerprint, "dismissed", by="ana", note="house spelling")
    assert decided.decision == "dismissed" and decided.at.tzinfo is not None
    store.ingest(sample_report(11, url=url, edit=2))  # a later draft, edited elsewhere
    after = store.findings(check="spelling")
    assert [(f.version, f.fingerprint) for f in after] == [(2, spelling.fingerprint)]
    assert after[0].decision is not None
    assert (after[0].decision.decision, after[0].decision.by, after[0].decision.note) == (
        "dismissed", "ana", "house spelling")
    assert after[0].decision.at == decided.at
    assert [f.check for f in store.findings(decision="open")] == ["grammar.confusables"]
    assert [f.check for f in store.findings(decision="dismissed")] == ["spelling"]
    store.decide(spelling.fingerprint, "accepted", by="ben")
    store.decide(spelling.fingerprint, "open", by="ben", note="second look")
    assert store.decision(spelling.fingerprint) is None
    assert [d.decision for d in store.decision_log(spelling.fingerprint)] == [
        "dismissed", "accepted", "open"]


def test_decisions_are_checked(store):
    store.ingest(sample_report(12))
    fingerprint = store.findings()[0].fingerprint
    with pytest.raises(UsageError, match="unknown decision"):
        store.decide(fingerprint, "maybe", by="ana")
    with pytest.raises(UsageError, match="who made it"):
        store.decide(fingerprint, "accepted", by=" ")
    with pytest.raises(StoreError, match="no stored finding"):
        store.decide("0000000000000000", "accepted", by="ana")


def test_findings_filters(store):
    store.ingest(sample_report(13))
    assert len(store.findings(severity="error")) == 2
    assert [f.check for f in store.findings(check="grammar")] == ["grammar.confusables"]
    assert store.findings(check="gram") == []
    with pytest.raises(UsageError):
        store.findings(severity="fatal")


# -- search, quotes, listing -------------------------------------------------------------------


def test_search_on_both_backends(store):
    for n in range(6):
        store.ingest(sample_report(n, url=f"https://news.example/{n}"))
    hits = store.search("Eastbrook harbour")
    assert [h.article_id for h in hits] == [2]
    assert "«Eastbrook»" in hits[0].snippet
    assert {h.article_id for h in store.search("harbours")} == set(range(1, 7))  # stemmed
    assert [h.article_id for h in store.search('"plan number 3"')] == [4]
    assert {h.article_id for h in store.search("Ashby OR Westhaven")} == {6, 1}
    assert 2 not in {h.article_id for h in store.search("harbour -Eastbrook")}
    assert store.search("NEAR(* : zebra") == []  # no query syntax error on either backend
    # the latest version only, unless asked
    store.ingest(sample_report(1, url="https://news.example/1", edit=1))
    assert [(h.article_id, h.version) for h in store.search("Eastbrook")] == [(2, 2)]
    assert sorted(h.version for h in store.search("Eastbrook", all_versions=True)) == [1, 2]
    with pytest.raises(UsageError):
        store.search("  ")


def test_quotes_by_speaker(store):
    for n in range(15):
        store.ingest(sample_report(n))
    kowalska = store.quotes(speaker="kowalska")
    assert len(kowalska) == 7 and {q.speaker for q in kowalska} == {"Maria Kowalska"}
    assert kowalska[0].text == "We have waited long enough for this harbour"
    assert kowalska[0].cue == "said"
    assert len(store.quotes(speaker="John Okafor")) == 7
    assert store.quotes(speaker="Q1000") == [q for q in store.quotes() if q.speaker_kb_id == "Q1000"]
    assert store.quotes(speaker="%") == []  # a wildcard is a character
    assert len(store.quotes()) == 15


def test_articles_listing(store):
    for n in range(4):
        store.ingest(sample_report(n, url=f"https://news.example/{n}"))
    listed = store.articles()
    assert [a.id for a in listed] == [1, 2, 3, 4] and {a.findings for a in listed} == {2}
    assert [a.id for a in store.articles(headline="EASTBROOK")] == [2]
    assert [a.id for a in store.articles(limit=2, offset=1)] == [2, 3]
    assert len(store.articles(check="spelling")) == 4 and store.articles(check="roles") == []


# -- export ------------------------------------------------------------------------------------


def test_export_jsonl_and_csv(store):
    url = "https://news.example/exported"
    store.ingest(sample_report(21, url=url))
    store.ingest(sample_report(21, url=url, edit=1))
    store.ingest(sample_report(22))
    fingerprint = store.findings(check="spelling")[0].fingerprint
    store.decide(fingerprint, "accepted", by="ana")

    out = io.StringIO()
    assert store.export(out, "jsonl") == 2
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [(r["schema"], r["store"]["article_id"], r["store"]["version"]) for r in lines] == [
        (1, 1, 2), (1, 2, 1)]
    assert lines[0]["store"]["previous"] == 1 and lines[0]["store"]["diff"].startswith("--- v1")
    assert lines[0]["store"]["decisions"][fingerprint]["decision"] == "accepted"
    assert lines[1]["quotes"][0]["speaker"]["name"] == "Tomas Novak"

    out = io.StringIO()
    assert store.export(out, "csv") == 4
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["check"] == "spelling" and rows[0]["decision"] == "accepted"
    assert rows[0]["version"] == "2" and json.loads(rows[0]["evidence"])[0]["kind"] == "spelling"

    for table, expected in [("quotes", 2), ("claims", 2), ("events", 2), ("entities", 4),
                            ("articles", 2), ("decisions", 1)]:
        out = io.StringIO()
        assert store.export(out, "csv", table=table) == expected, table
        out = io.StringIO()
        assert store.export(out, "jsonl", table=table) == expected, table
    with pytest.raises(UsageError):
        store.export(io.StringIO(), "csv", table="reports")
    with pytest.raises(UsageError):
        store.export(io.StringIO(), "xml")


# -- with the real desk ------------------------------------------------------------------------


@pytest.mark.model
def test_real_desk_reports(store, desk):
    text = ARTICLE.read_text(encoding="utf-8")
    url = "https://news.example/port-strike"
    report = desk.check_text(text, source="port-strike.txt")
    report.article.url = url
    first = store.ingest(report)
    assert first.status == "new"
    # the same text from another path and without its URL is the same record
    assert store.ingest(desk.check_text(text, source="copy/port-strike.txt")).status == "unchanged"
    stored = store.findings()
    assert [f.fingerprint for f in stored] == [f.fingerprint for f in report.findings]
    assert len(store.quotes()) == len(report.analysed.quotes) > 0
    speaker = next(q.speaker.name for q in report.analysed.quotes if q.speaker and q.speaker.name)
    assert store.quotes(speaker=speaker.split()[-1])
    misspelt = next(f for f in stored if f.text == "goverment")
    store.decide(misspelt.fingerprint, "dismissed", by="desk chief")
    # a later draft: another paragraph edited; the decision follows the finding
    parts = text.split("\n\n")
    ferry = next(k for k, p in enumerate(parts) if p.startswith("Ferry services"))
    parts[ferry] = "Ferry services to the islands will run a reduced timetable."
    edited = desk.check_text("\n\n".join(parts), source="port-strike.txt")
    edited.article.url = url
    assert store.ingest(edited).status == "version"
    again = next(f for f in store.findings() if f.text == "goverment")
    assert again.version == 2 and again.decision is not None
    assert again.decision.decision == "dismissed"
    assert store.search("dock workers strike")[0].article_id == first.article_id


# -- the commands ------------------------------------------------------------------------------


@pytest.mark.model
def test_cli_ingest_search_quotes_export(db, desk, tmp_path, capsys):
    from copydesk.cli.main import main

    text = ARTICLE.read_text(encoding="utf-8")
    stories = tmp_path / "stories"
    stories.mkdir()
    (stories / "port-strike.txt").write_text(text, encoding="utf-8")
    (stories / "ferry.txt").write_text(text.replace("Dock workers", "Ferry crews"),
                                       encoding="utf-8")
    missing = tmp_path / "missing.txt"

    def run(*argv: str) -> tuple[int, str, str]:
        code = main([*argv, "--db", db], desk=desk)
        out, err = capsys.readouterr()
        return code, out, err

    code, out, err = run("ingest", str(stories), str(missing), "--no-isolation", "--no-progress")
    assert code == 2 and f"copydesk: {missing}: " in err
    assert out.startswith("2 articles stored in ") and ": 2 new; " in out
    assert out.rstrip().endswith("; 1 input failed")
    code, out, _ = run("ingest", str(stories), "--no-isolation")
    assert code == 0 and ": 2 unchanged; " in out and out.rstrip().endswith("0 inputs failed")

    code, out, err = run("search", "ferry crews")
    assert code == 0 and "«Ferry» «crews»" in out and "ferry.txt" in out
    assert err.strip() == "1 match"
    code, out, _ = run("search", "strike", "--json", "--limit", "1")
    assert len(out.splitlines()) == 1 and json.loads(out)["article_id"] in (1, 2)

    code, out, err = run("quotes", "--speaker", "wierzbicki")
    assert code == 0 and out.startswith("Helena Wierzbicki: “")
    count = int(err.split()[0])
    assert count > 0 and count % 2 == 0  # the same quotes in both stories
    code, out, _ = run("quotes", "--speaker", "nobody at all", "--json")
    assert code == 0 and out == ""

    target = tmp_path / "findings.csv"
    code, _, err = run("export", "-f", "csv", "-o", str(target))
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert code == 0 and len(rows) > 0 and f"records written to {target}" in err
    assert {r["source"] for r in rows} == {str(stories / "port-strike.txt"),
                                           str(stories / "ferry.txt")}
    _, every, _ = run("quotes", "--json")
    code, out, _ = run("export", "--table", "quotes")
    assert code == 0 and len(out.splitlines()) == len(every.splitlines()) >= count
    code, out, _ = run("export")
    reports = [json.loads(line) for line in out.splitlines()]
    assert [r["store"]["article_id"] for r in reports] == [1, 2]


def test_cli_names_every_export_table_and_needs_no_sqlalchemy_to_start():
    import subprocess
    import sys

    from copydesk.cli.store import TABLES
    from copydesk.store.store import EXPORT_TABLES

    assert set(TABLES) == {"reports", *EXPORT_TABLES}
    code = ("import sys; from copydesk.cli.main import build_parser; build_parser(); "
            "print('sqlalchemy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "False"


def test_cli_reports_a_store_it_cannot_open(capsys):
    from copydesk.cli.main import main

    code = main(["search", "strike", "--db", "postgresql://nobody@127.0.0.1:1/none"])
    err = capsys.readouterr().err
    assert code == 2 and "copydesk: cannot open the store postgresql+psycopg://nobody@" in err
