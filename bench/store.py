"""Ingest throughput of the store (copydesk.store) into SQLite and PostgreSQL, and re-ingest.

    .venv/bin/python bench/store.py [--articles 1000] [--real 300] [--corpus ../shared/corpus/...]
    .venv/bin/python bench/store.py --compare-orm-insert [--rounds 6]

For each backend, a fresh database (SQLite: a file in a temporary directory, WAL with
synchronous=NORMAL; PostgreSQL: a server of its own on loopback, started here as the tests do,
fsync on), the same reports are ingested

  - in batches (``Store.ingest_many``, 200 reports a transaction): articles per second;
  - one transaction per report (``Store.ingest``, what ``copydesk ingest`` does): articles/s;
  - again, all of them (every one ``unchanged``): articles per second, and the rows that changed
    (a table-by-table dump of the whole database before and after; 0 is the promise);

and 20 searches and 20 speaker look-ups are timed (median milliseconds). The reports are
``--articles`` made-up ones (``copydesk.store.sample``: about 90 words, 2 findings, 2 entities,
a quote, a claim, an event each) and, when ../shared is there, ``--real`` BBC articles checked
by the desk (made once, before any timing; ``--real 0`` skips them).

``--compare-orm-insert`` times instead the store's CPU per report, one transaction per report
(``Store.ingest``) into fresh SQLite databases, with the shipped code and with the baseline it
replaced (the child rows through the ORM's bulk insert, ``session.execute(insert(Model), rows)``,
rather than one Core executemany a table), rounds alternating, in this one process; it prints each
round and the ratio of the best rounds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc-news-2225" / "bbc"
QUERIES = ("harbour", "council plan", '"harbour plan"', "Westhaven OR Ashby", "harbour -Millbay",
           "government", "minister", "election result", "profits", "film")
SPEAKERS = ("Kowalska", "Okafor", "Raman", "Blair", "Brown")


def made_up(count: int) -> list[Any]:
    from copydesk.store.sample import sample_report

    return [sample_report(n, url=f"https://news.example/{n}") for n in range(count)]


def real(corpus: Path, count: int) -> list[Any]:
    from copydesk import Desk
    from copydesk.ingest.text import parse_text

    files = sorted(p for p in corpus.rglob("*.txt") if p.name[0].isdigit())
    step = max(len(files) / max(count, 1), 1)
    chosen = [files[int(k * step)] for k in range(min(count, len(files)))]
    articles = [parse_text(p.read_text(encoding="utf-8", errors="replace"), source=str(p))
                for p in chosen]
    started = time.perf_counter()
    reports = [r for r in Desk().check_many(articles) if r.error is None]
    print(f"  (checked {len(reports)} BBC articles with the desk in "
          f"{time.perf_counter() - started:.0f} s; not part of the figures)", file=sys.stderr)
    return reports


def changed_rows(before: dict[str, list], after: dict[str, list]) -> int:
    count = 0
    for table in set(before) | set(after):
        old = {repr(r) for r in before.get(table, [])}
        new = {repr(r) for r in after.get(table, [])}
        count += len(old ^ new)
    return count


def median_ms(calls: list[Callable[[], Any]]) -> float:
    times = []
    for call in calls:
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def measure(open_store: Callable[[str], Any], reports: list[Any]) -> dict[str, float]:
    from copydesk.store import Store

    figures: dict[str, float] = {}
    store: Store = open_store("batched")
    started = time.perf_counter()
    results = list(store.ingest_many(reports))
    figures["batched"] = len(reports) / (time.perf_counter() - started)
    figures["stored"] = sum(r.status != "unchanged" for r in results)  # the corpus repeats texts
    before = store.dump()
    started = time.perf_counter()
    again = list(store.ingest_many(reports))
    figures["reingest"] = len(reports) / (time.perf_counter() - started)
    figures["unchanged"] = sum(r.status == "unchanged" for r in again)
    figures["rows_changed"] = changed_rows(before, store.dump())
    figures["rows"] = sum(len(rows) for rows in before.values())
    figures["search_ms"] = median_ms([lambda q=q: store.search(q) for q in QUERIES * 2])
    figures["quotes_ms"] = median_ms([lambda s=s: store.quotes(speaker=s) for s in SPEAKERS * 4])
    store.close()

    store = open_store("single")
    started = time.perf_counter()
    for report in reports:
        store.ingest(report)
    figures["single"] = len(reports) / (time.perf_counter() - started)
    store.close()
    return figures


def compare_orm_insert(reports: list[Any], rounds: int) -> None:
    """CPU per report of ``Store.ingest`` with the shipped ``_add_analysis`` and with the ORM's
    bulk insert of the child rows (the code before), rounds alternating."""
    import json

    from sqlalchemy import insert

    from copydesk.store import Store
    from copydesk.store import store as module

    def orm_bulk(self, session, version_id, data, rhash, current, now, original):  # the baseline
        analysis = module.AnalysisRow(
            version_id=version_id, report_hash=rhash, current=current,
            made_by=dict(data.get("versions") or {}), report=json.dumps(original, ensure_ascii=False),
            created_at=now)
        session.add(analysis)
        session.flush()
        for model, rows in module.child_rows(data, analysis.id):
            if rows:
                session.execute(insert(model), rows)

    shipped = module.Store._add_analysis
    best: dict[str, float] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="copydesk-bench-") as scratch:
            for round_ in range(rounds):
                order = [("shipped", shipped), ("ORM bulk insert", orm_bulk)]
                for name, method in order if round_ % 2 == 0 else order[::-1]:
                    module.Store._add_analysis = method
                    store = Store(Path(scratch) / f"r{round_}-{name[0]}.sqlite")
                    store.ingest(reports[0])  # the schema and the first statements, untimed
                    started = time.process_time()
                    for report in reports[1:]:
                        store.ingest(report)
                    ms = 1000 * (time.process_time() - started) / (len(reports) - 1)
                    store.close()
                    best[name] = min(ms, best.get(name, ms))
                    print(f"  round {round_ + 1}: {name}: {ms:.2f} ms of CPU a report", flush=True)
    finally:
        module.Store._add_analysis = shipped
    print(f"best rounds: shipped {best['shipped']:.2f} ms, ORM bulk insert {best['ORM bulk insert']:.2f} ms; "
          f"shipped ÷ ORM = {best['shipped'] / best['ORM bulk insert']:.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="made-up reports")
    parser.add_argument("--real", type=int, default=300, help="BBC articles checked by the desk")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--compare-orm-insert", action="store_true",
                        help="CPU per report, shipped inserts against the ORM bulk insert (see above)")
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args(argv)
    if args.compare_orm_insert:
        if not args.corpus.is_dir():
            print(f"skipped: no corpus at {args.corpus} (the reports are of real BBC articles)")
            return 0
        compare_orm_insert(real(args.corpus, args.real or 300), args.rounds)
        return 0

    from copydesk.store import Store
    from copydesk.store.tempserver import TemporaryPostgres

    sets = [(f"{args.articles} made-up", made_up(args.articles))]
    if args.real and args.corpus.is_dir():
        sets.append((f"{args.real} BBC, checked", real(args.corpus, args.real)))
    elif args.real:
        print(f"  (no corpus at {args.corpus}: the real-article rows are skipped)",
              file=sys.stderr)

    rows = []
    with tempfile.TemporaryDirectory(prefix="copydesk-bench-") as scratch, \
            TemporaryPostgres(fsync=True) as server:
        for name, reports in sets:
            tag = name.split()[0] + name.split()[1][0]

            def sqlite(kind: str, tag: str = tag) -> Store:
                return Store(Path(scratch) / f"{tag}-{kind}.sqlite")

            def postgres(kind: str, tag: str = tag) -> Store:
                return Store(server.create_database(f"b{tag.lower()}_{kind}"))

            for backend, opener in (("SQLite", sqlite), ("PostgreSQL", postgres)):
                rows.append((name, backend, measure(opener, reports)))

    print("| reports | backend | batched (art./s) | one per transaction (art./s) | "
          "re-ingest (art./s) | rows changed by re-ingest | search (ms, median) | "
          "quotes by speaker (ms) |")
    print("|---|---|---|---|---|---|---|---|")
    for name, backend, f in rows:
        print(f"| {name} ({f['stored']:.0f} distinct texts) | {backend} | {f['batched']:,.0f} | "
              f"{f['single']:,.0f} | {f['reingest']:,.0f} | {f['rows_changed']:.0f} of "
              f"{f['rows']:,.0f} rows ({f['unchanged']:.0f} reports unchanged) | "
              f"{f['search_ms']:.1f} | {f['quotes_ms']:.1f} |")
    return 0 if all(f["rows_changed"] == 0 for _, _, f in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
