"""``copydesk batch``: check many articles on a Dask cluster and store the reports.

    copydesk batch INPUT... --db DB [--workers N | --scheduler tcp://HOST:8786]
                   [--partition-size 50] [--failures FILE] [--resume] [--kb PATH]
                   [--published DATE] [--reference-date DATE] [--max-size BYTES]

The driver (this process) reads the inputs as ``copydesk ingest`` does
(``copydesk.ingest.sources.read_inputs``), sends them in partitions of ``--partition-size``
articles to Dask tasks, and stores the reports' JSON that comes back (``Store.ingest``, idempotent
by content hash: a re-run writes nothing new). Each worker process loads the ``Desk`` (and the
model) once: ``worker_desk`` keeps one per process in a module-level cache keyed by the desk's
options, so a task never loads it. ``--resume`` skips, before any check, inputs whose content
hash is already stored. An input that fails to read or check is a record in ``--failures``
(JSONL), never the end of the run.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.cli.main import Context
    from copydesk.desk import Desk
    from copydesk.model import Article

EXIT_OK = 0
EXIT_FAILURE = 2
DEFAULT_PARTITION = 50

#: One ``Desk`` per worker process, keyed by its options (``worker_desk``).
_DESKS: dict[tuple[Any, ...], Desk] = {}


def add_batch(commands: argparse._SubParsersAction) -> None:
    from copydesk.cli.main import date_arg, size_arg
    from copydesk.cli.store import _count, _db

    parser = commands.add_parser(
        "batch",
        help="check and store many articles on a Dask cluster",
        description="Check articles (files, directories, JSONL) in parallel on Dask workers and "
        "store each report as 'ingest' does; failed inputs go to --failures.",
    )
    parser.add_argument("paths", nargs="+", metavar="INPUT", help="file or directory")
    _db(parser)
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--workers", type=_count, default=None, metavar="N",
                       help="worker processes of a local cluster (default: the CPU count)")
    where.add_argument("--scheduler", metavar="ADDRESS",
                       help="an existing Dask scheduler (tcp://HOST:8786) instead")
    parser.add_argument("--partition-size", type=_count, default=DEFAULT_PARTITION, metavar="N",
                        help=f"articles per Dask task (default {DEFAULT_PARTITION})")
    parser.add_argument("--failures", metavar="FILE",
                        help="write each failed input here, one JSON object per line")
    parser.add_argument("--resume", action="store_true",
                        help="skip inputs whose text is already stored (no check at all)")
    parser.add_argument("--kb", metavar="PATH", help="knowledge base file (as for check)")
    parser.add_argument("--published", type=date_arg, metavar="DATE",
                        help="publication date of every input (as for check)")
    parser.add_argument("--reference-date", type=date_arg, metavar="DATE",
                        help="read undated articles as of this date (as for check)")
    parser.add_argument("--max-size", type=size_arg, default=None, metavar="BYTES",
                        help="skip inputs larger than this (default 20M)")
    parser.set_defaults(handler=cmd_batch)


# ---------------------------------------------------------------- on the workers


def worker_desk(options: dict[str, Any]) -> Desk:
    """This process's desk for ``options`` (``kb``, ``reference_date``), made on first use."""
    key = tuple(sorted((k, str(v)) for k, v in options.items()))
    desk = _DESKS.get(key)
    if desk is None:
        from copydesk.desk import Desk
        from copydesk.knowledge import Knowledge

        kb = options.get("kb")
        desk = Desk(reference_date=options.get("reference_date"),
                    knowledge=Knowledge(kb_path=kb) if kb else None)
        _DESKS[key] = desk
    return desk


def check_partition(articles: list[Article], options: dict[str, Any]) -> list[dict[str, Any]]:
    """One Dask task: ``{"report": <schema-1 dict>}`` or ``{"failure": {...}}`` per article, in
    order. One article's failure is its own record; the others go on."""
    try:
        desk = worker_desk(options)
    except Exception as exc:  # noqa: BLE001 - every article of the partition fails, with why
        return [{"failure": failure(a.source, "desk", _reason(exc), a)} for a in articles]
    try:
        reports = list(desk.check_many(articles))
    except Exception:  # noqa: BLE001 - then one by one, so one bad article costs only itself
        reports = []
        for article in articles:
            try:
                reports.extend(desk.check_many([article]))
            except Exception as exc:  # noqa: BLE001
                reports.append(_ErrorReport(article, exc))
    out: list[dict[str, Any]] = []
    for article, report in zip(articles, reports, strict=True):
        if isinstance(report, _ErrorReport):
            out.append({"failure": failure(article.source, "checks", report.reason, article)})
        elif report.error is not None:
            out.append({"failure": failure(article.source, report.error.kind,
                                           report.error.message, article)})
        else:
            try:
                out.append({"report": report.to_dict()})
            except Exception as exc:  # noqa: BLE001
                out.append({"failure": failure(article.source, "output", _reason(exc), article)})
    return out


class _ErrorReport:
    """An article whose check raised past ``Desk.check_many``'s own guards."""

    def __init__(self, article: Article, exc: Exception):
        self.reason = _reason(exc)


def _reason(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:500]


def failure(source: str, kind: str, message: str, article: Article | None = None) -> dict[str, Any]:
    """A ``--failures`` line: where, why, and (when the input was read) the article as a JSONL
    input record (``text``, ``url``, ``headline``, ``published``...), so the file can be re-run
    with ``copydesk batch FILE``."""
    record: dict[str, Any] = {"source": source, "kind": kind, "reason": message}
    if article is not None:
        record["text"] = article.text
        for name in ("url", "headline", "section", "byline"):
            value = getattr(article, name, None)
            if value:
                record[name] = value
        for name in ("published", "updated"):
            value = getattr(article, name, None)
            if value is not None:
                record[name] = value.isoformat()
    return record


# ---------------------------------------------------------------- the driver


def cmd_batch(args: argparse.Namespace, context: Context) -> int:
    from copydesk.cli.main import DEFAULT_MAX_BYTES, PROG
    from copydesk.cli.store import open_store
    from copydesk.errors import IngestError
    from copydesk.ingest.sources import read_inputs
    from copydesk.report.visible import visible

    started = time.monotonic()
    store = open_store(args.db)
    counts: Counter[str] = Counter()
    failed: Counter[str] = Counter()
    by_check: Counter[str] = Counter()
    failures_out = open(args.failures, "w", encoding="utf-8") if args.failures else None  # noqa: SIM115
    options = {"kb": args.kb, "reference_date": args.reference_date}

    def record_failure(item: dict[str, Any]) -> None:
        failed[item["kind"]] += 1
        print(visible(f"{PROG}: {item['source']}: {item['reason']}"), file=sys.stderr)
        if failures_out is not None:
            failures_out.write(json.dumps(item, ensure_ascii=False) + "\n")
            failures_out.flush()

    inputs = read_inputs(
        args.paths, published=args.published,
        max_bytes=args.max_size if args.max_size is not None else DEFAULT_MAX_BYTES,
        reference_date=args.reference_date,
    )

    def articles() -> Iterator[Article]:
        for item in inputs:
            if isinstance(item, IngestError):
                record_failure(failure(item.source, item.kind, item.message))
            else:
                yield item

    todo: Iterable[Article] = articles()
    if args.resume:
        todo = _unstored(store, todo, counts)
    parts = _partitions(todo, args.partition_size)
    first = next(parts, None)  # no cluster at all when nothing is left to check
    client, close = _client(args) if first is not None else (None, lambda: None)
    try:
        link = getattr(client, "dashboard_link", None)
        if client is not None:
            print(f"{PROG} batch: {_workers(client)} workers; dashboard {link or '(none)'}",
                  file=sys.stderr)
        done = 0
        remaining = chain([first], parts) if first is not None else iter(())
        for results in _run(client, remaining, options):
            for result in results:
                if "failure" in result:
                    record_failure(result["failure"])
                    continue
                report = result["report"]
                stored = store.ingest(report)
                counts[stored.status] += 1
                for finding in report.get("findings") or []:
                    by_check[finding.get("check", "?")] += 1
            done += len(results)
            rate = done / max(time.monotonic() - started, 1e-9)
            print(f"{PROG} batch: {done} articles checked, {sum(failed.values())} failed, "
                  f"{rate:.1f}/s; dashboard {link or '(none)'}", file=sys.stderr)
    finally:
        close()
        store.close()
        if failures_out is not None:
            failures_out.close()
    elapsed = max(time.monotonic() - started, 1e-9)
    for line in summary(counts, failed, by_check, elapsed, store.describe()):
        print(visible(line))
    return EXIT_FAILURE if failed else EXIT_OK


def summary(counts: Counter[str], failed: Counter[str], by_check: Counter[str],
            elapsed: float, where: str) -> list[str]:
    stored = sum(counts[s] for s in ("new", "version", "analysis", "unchanged"))
    new = counts["new"] + counts["version"] + counts["analysis"]
    processed = stored + sum(failed.values())
    rate = f"{stored / elapsed:.2f} articles per second"
    lines = [
        f"{processed} inputs processed in {elapsed:.1f} s ({rate})",
        f"stored in {where}: {new} new, {counts['unchanged']} unchanged"
        + (f"; {counts['skipped']} skipped (already stored)" if counts["skipped"] else ""),
        f"failed: {sum(failed.values())}"
        + "".join(f"; {kind} {n}" for kind, n in sorted(failed.items())),
        "findings: " + (", ".join(f"{check} {n}" for check, n in sorted(by_check.items()))
                        or "none"),
    ]
    return lines


def _unstored(store: Any, articles: Iterable[Article], counts: Counter[str]) -> Iterator[Article]:
    from copydesk.model import content_id

    for article in articles:
        if store.has_content(content_id(article.text)):
            counts["skipped"] += 1
        else:
            yield article


def _partitions(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    part: list[Article] = []
    for article in articles:
        part.append(article)
        if len(part) >= size:
            yield part
            part = []
    if part:
        yield part


def _run(client: Any, partitions: Iterator[list[Article]],
         options: dict[str, Any]) -> Iterator[list[dict[str, Any]]]:
    """Each partition's results as it completes; at most a few partitions per worker are in
    flight, so the driver never holds the whole input."""
    from distributed import as_completed

    if client is None:
        return
    limit = max(2 * _workers(client), 2)
    pending = as_completed()
    inflight = 0
    for part in partitions:
        pending.add(client.submit(check_partition, part, options, pure=False))
        inflight += 1
        if inflight >= limit:
            future = next(pending)
            inflight -= 1
            yield future.result()
    for future in pending:
        yield future.result()


def _client(args: argparse.Namespace) -> tuple[Any, Any]:
    from distributed import Client, LocalCluster

    if args.scheduler:
        client = Client(args.scheduler)
        return client, client.close
    cluster = LocalCluster(n_workers=args.workers or os.cpu_count() or 1, threads_per_worker=1,
                           processes=True, dashboard_address=":0")
    client = Client(cluster)

    def close() -> None:
        client.close()
        cluster.close()

    return client, close


def _workers(client: Any) -> int:
    try:
        return len(client.scheduler_info().get("workers", {})) or 1
    except Exception:  # noqa: BLE001
        return 1
