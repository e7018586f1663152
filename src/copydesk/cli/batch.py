"""``copydesk batch``: check many articles on a Dask cluster, with checkpoints and resume.

    copydesk batch INPUT... [--db DB | --out DIR [--out-format jsonl|parquet]]
                   [--workers N | --scheduler tcp://HOST:8786] [--partition-size 50]
                   [--failures FILE] [--resume] [--urls FILE] [--claims-model FILE]
                   [--kb PATH] [--config FILE] [--published DATE] [--reference-date DATE]
                   [--extraction cascade|fast|lean|vote] [--max-size BYTES] [--time-limit S] [--memory-limit SIZE] [--no-isolation]
                   [--progress | --no-progress]

Inputs are files, directories, JSONL and WARC files (``copydesk.ingest.sources.read_inputs``);
``--urls FILE`` keeps only the WARC records (or JSONL records with a ``url``) whose URL the file
lists, and reports each listed URL found in no input.

``--config FILE`` (default ``./copydesk.toml`` when it exists) and ``--claims-model FILE`` are
read on the driver, before any input or cluster, so a bad file fails the run at once naming
itself; the parsed ``HouseConfig`` and the loaded model go to the workers in the task options
(a path on the driver need not exist on a worker), and the house style's checks, severities
and words apply there as ``ingest`` applies them (``Desk(config=...)``).

The driver (this process) only reads and decodes inputs; it sends them in partitions of
``--partition-size`` to Dask tasks. A worker process loads the ``Desk`` (and the model) once
(``worker_desk`` keeps one per process, keyed by the options: the knowledge base, the
reference date and fingerprints of the config and the claims model), parses each input (HTML
extraction, datelines) and checks it under the per-input budget: with isolation (the default) in
a ``Supervisor``'s forked child, killed past ``--time-limit`` or ``--memory-limit``, so one input
over its limits is a failure of kind ``budget`` and the worker's other inputs go on. The size
limit (``--max-size``) is enforced when reading.

Every partition's results are written in one transaction with a checkpoint row per input
(``batch_inputs``: stored, or failed with the reason), so a run killed at any point (the driver
or a worker, even with SIGKILL) and started again with ``--resume`` skips exactly the inputs that
were committed, loses none and duplicates none: reports are stored idempotently by content hash.
With ``--out DIR`` the reports go to one JSONL or Parquet file per partition instead, each
written to a temporary name and renamed, then listed in ``DIR/_checkpoint.jsonl``; ``--resume``
deletes a part file the checkpoint does not list (written just before a crash) and redoes its
inputs.

An input that fails (to read, parse or check) is a line in ``--failures`` (JSONL: ``source``,
``kind``, ``reason`` and, when the input was read, the input itself as a JSONL record), so the
file can be given back to ``copydesk batch``. A resumed run writes the failures of the earlier
runs again, so the file always covers the whole run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.cli.main import Context
    from copydesk.config import HouseConfig
    from copydesk.desk import Desk
    from copydesk.desk.supervise import Supervisor
    from copydesk.ingest.sources import DeferredInput

EXIT_OK = 0
EXIT_FAILURE = 2
DEFAULT_PARTITION = 50
OUT_FORMATS = ("jsonl", "parquet")
CHECKPOINT_NAME = "_checkpoint.jsonl"

#: One ``Desk`` (and one ``Supervisor``) per worker process, keyed by its options.
_DESKS: dict[tuple[Any, ...], Desk] = {}
_SUPERVISORS: dict[tuple[Any, ...], Supervisor] = {}


def add_batch(commands: argparse._SubParsersAction) -> None:
    from copydesk.cli.main import add_claims_model_argument
    from copydesk.cli.store import _count, _db, add_input_arguments

    parser = commands.add_parser(
        "batch",
        help="check and store many articles on a Dask cluster",
        description="Check articles (files, directories, JSONL, WARC) in parallel on Dask "
        "workers and store each report as 'ingest' does (or write them to files with --out); "
        "a run stopped at any point continues with --resume; failed inputs go to --failures.",
    )
    parser.add_argument("paths", nargs="+", metavar="INPUT",
                        help="file, directory, JSONL or WARC file")
    sink = parser.add_mutually_exclusive_group()
    _db(sink)
    sink.add_argument("--out", metavar="DIR",
                      help="write the reports to one file per partition in DIR instead of a store")
    parser.add_argument("--out-format", choices=OUT_FORMATS, default="jsonl",
                        help="the files' format with --out (default jsonl)")
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
                        help="skip the inputs an earlier run of the same inputs finished")
    parser.add_argument("--urls", metavar="FILE",
                        help="only the records whose URL this file lists (one per line)")
    add_claims_model_argument(parser)
    add_input_arguments(
        parser,
        time_help="per input, on the worker: stop its parsing and checks after this many "
        "seconds and record it as failed",
        memory_help="per input, on the worker: stop it when its checking process holds this "
        "much memory of its own (the shared model not counted)",
        isolation_help="check on the Dask worker itself, without a supervised child: no time "
        "or memory limit per input",
    )
    parser.set_defaults(handler=cmd_batch)


# ---------------------------------------------------------------- on the workers


def worker_options(*, kb: str | None = None, reference_date: Any = None, budget: Any = None,
                   config: HouseConfig | None = None, claims_model: Any = None) -> dict[str, Any]:
    """The options every task gets (made once, on the driver): the desk's (``kb``,
    ``reference_date``, the parsed ``config`` and the loaded ``claims_model``, both sent as
    objects, with their fingerprints ``config_id`` and ``claims_model_id``) and the ``budget``."""
    return {"kb": kb, "reference_date": reference_date, "budget": budget,
            "config": config, "config_id": fingerprint(config),
            "claims_model": claims_model, "claims_model_id": fingerprint(claims_model)}


def fingerprint(value: Any) -> str | None:
    """A short hash of ``value``'s pickle (a config or a model), or None for None."""
    if value is None:
        return None
    return hashlib.sha256(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)).hexdigest()[:16]


def _desk_key(options: dict[str, Any]) -> tuple[Any, ...]:
    """What tells one worker desk from another: the knowledge base, the reference date, the
    config and the claims model (by fingerprint, computed here when the driver gave none)."""
    return tuple(
        (name, str(options.get(name))) for name in ("kb", "reference_date")
    ) + tuple(
        (name, options.get(f"{name}_id") or fingerprint(options.get(name)))
        for name in ("config", "claims_model")
    )


def worker_desk(options: dict[str, Any]) -> Desk:
    """This process's desk for ``options`` (``kb``, ``reference_date``, ``config``,
    ``claims_model``), made on first use."""
    key = _desk_key(options)
    desk = _DESKS.get(key)
    if desk is None:
        from copydesk.desk import Desk
        from copydesk.knowledge import Knowledge

        kb = options.get("kb")
        desk = Desk(reference_date=options.get("reference_date"),
                    knowledge=Knowledge(kb_path=kb) if kb else None,
                    claims_model=options.get("claims_model"), config=options.get("config"))
        _DESKS[key] = desk
    return desk


def worker_supervisor(options: dict[str, Any]) -> Supervisor:
    """This process's supervisor (a forked child that checks one input at a time under the
    budget) for ``options``, made on first use and kept for the next tasks."""
    from copydesk.desk.supervise import Supervisor

    key = (*_desk_key(options), ("budget", str(options.get("budget"))))
    supervisor = _SUPERVISORS.get(key)
    if supervisor is None:
        supervisor = Supervisor(worker_desk(options), options["budget"], digest=True)
        _SUPERVISORS[key] = supervisor
    return supervisor


def check_partition(items: list[tuple[str, DeferredInput]],
                    options: dict[str, Any]) -> list[dict[str, Any]]:
    """One Dask task: per ``(input_key, input)``, ``{"key", "report": <schema-1 dict>}`` or
    ``{"key", "failure": {...}}``, in order. One input's failure is its own record."""
    inputs = [item for _key, item in items]
    try:
        if options.get("budget") is not None:
            reports = list(worker_supervisor(options).check_many(inputs))
        else:
            desk = worker_desk(options)
            reports = list(desk.check_many(item.load() for item in inputs))
    except Exception as exc:  # noqa: BLE001 - every input of the partition fails, with why
        return [{"key": key, "failure": failure(item.source, "worker", _reason(exc), item)}
                for key, item in items]
    out: list[dict[str, Any]] = []
    for (key, item), report in zip(items, reports, strict=True):
        if report.error is not None:
            out.append({"key": key, "failure": failure(item.source, report.error.kind,
                                                       report.error.message, item)})
            continue
        try:
            out.append({"key": key, "report": report.to_dict()})
        except Exception as exc:  # noqa: BLE001
            out.append({"key": key, "failure": failure(item.source, "output", _reason(exc), item)})
    return out


def _reason(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:500]


def failure(source: str, kind: str, message: str,
            item: DeferredInput | None = None) -> dict[str, Any]:
    """A ``--failures`` line: where, why, and (when the input was read) the input as a JSONL
    record (``text`` or ``html``, ``url``, and a JSONL input's own fields), so the file can be
    re-run with ``copydesk batch FILE``."""
    record: dict[str, Any] = {"source": source, "kind": kind, "reason": message}
    if item is None:
        return record
    if item.record is not None:
        for name, value in item.record.items():
            record.setdefault(name, value)
    else:
        record["html" if item.html else "text"] = item.text
        if item.url:
            record["url"] = item.url
        if item.published is not None:
            record["published"] = item.published.isoformat()
    return record


def input_key(item: DeferredInput) -> str:
    """The checkpoint key of an input: a hash of its name and its decoded content."""
    digest = hashlib.sha256(item.source.encode("utf-8", "surrogatepass") + b"\0")
    if item.record is not None:
        body = json.dumps(item.record, sort_keys=True, ensure_ascii=False)
    else:
        body = item.text
    digest.update(body.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


# ---------------------------------------------------------------- where results go


class StoreSink:
    """Reports into the desk's store, each partition in one transaction with its checkpoint."""

    def __init__(self, db: str | None):
        from copydesk.cli.store import open_store

        self.store = open_store(db)

    def describe(self) -> str:
        return self.store.describe()

    def done(self, keys: list[str]) -> dict[str, dict[str, Any] | None]:
        return self.store.batch_done(keys)

    def commit(self, results: list[dict[str, Any]], sources: dict[str, str]
               ) -> list[tuple[str, dict[str, Any] | None]]:
        """Store the partition; per input, ``(status, failure)``."""
        stored = self.store.commit_batch(
            (r["key"], sources[r["key"]], r.get("report"), r.get("failure")) for r in results
        )
        return [("failed", outcome) if isinstance(outcome, dict) else (outcome.status, None)
                for outcome in stored]

    def close(self) -> None:
        self.store.close()


class FileSink:
    """Reports into ``DIR/part-NNNNN.jsonl`` (or ``.parquet``), one file per partition, each
    renamed into place and then listed in ``DIR/_checkpoint.jsonl``."""

    def __init__(self, directory: str, out_format: str, *, resume: bool):
        from copydesk.errors import UsageError

        self.dir = Path(directory)
        self.format = out_format
        self.dir.mkdir(parents=True, exist_ok=True)
        self.checkpoint = self.dir / CHECKPOINT_NAME
        self.finished: dict[str, dict[str, Any] | None] = {}
        listed: set[str] = set()
        if self.checkpoint.exists():
            if not resume:
                raise UsageError(f"{directory} holds an earlier batch run ({CHECKPOINT_NAME}); "
                                 "continue it with --resume or give an empty directory")
            for entry in _checkpoint_entries(self.checkpoint):
                if entry.get("part"):
                    listed.add(entry["part"])
                for key, failed in entry.get("inputs", []):
                    self.finished[key] = failed
        elif any(self.dir.glob("part-*")) and not resume:
            raise UsageError(f"{directory} already holds part files; give an empty directory")
        numbers = [-1]
        for part in self.dir.glob("part-*"):
            if part.name not in listed:  # written just before a crash, never checkpointed
                part.unlink()
                continue
            numbers.append(int(part.name.split("-")[1].split(".")[0]))
        self.next = max(numbers) + 1

    def describe(self) -> str:
        return f"{self.dir} ({self.format} files)"

    def done(self, keys: list[str]) -> dict[str, dict[str, Any] | None]:
        return {key: self.finished[key] for key in keys if key in self.finished}

    def commit(self, results: list[dict[str, Any]], sources: dict[str, str]
               ) -> list[tuple[str, dict[str, Any] | None]]:
        reports = [(r["key"], r["report"]) for r in results if "report" in r]
        name = None
        if reports:
            name = f"part-{self.next:05d}.{self.format}"
            self.next += 1
            temporary = self.dir / f".{name}.tmp"
            if self.format == "parquet":
                _write_parquet(temporary, reports)
            else:
                with open(temporary, "w", encoding="utf-8") as out:
                    out.writelines(json.dumps(report, ensure_ascii=False) + "\n" for _key, report in reports)
                    out.flush()
                    os.fsync(out.fileno())
            os.replace(temporary, self.dir / name)
        entry = {"part": name, "inputs": [[r["key"], r.get("failure")] for r in results]}
        with open(self.checkpoint, "a", encoding="utf-8") as out:
            out.write(json.dumps(entry, ensure_ascii=False) + "\n")
            out.flush()
            os.fsync(out.fileno())
        for r in results:
            self.finished[r["key"]] = r.get("failure")
        return [("failed", r["failure"]) if "failure" in r else ("new", None) for r in results]

    def close(self) -> None:
        pass


def _checkpoint_entries(path: Path) -> Iterator[dict[str, Any]]:
    """The checkpoint's entries; a last line cut short by a crash is not one."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.endswith("\n"):
                return
            try:
                yield json.loads(line)
            except json.JSONDecodeError:
                return


def _write_parquet(path: Path, reports: list[tuple[str, dict[str, Any]]]) -> None:
    """One row per report: its key, where it came from, the article's headline fields, the
    number of findings per severity, and the whole report as JSON (``report``)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows: dict[str, list[Any]] = {name: [] for name in (
        "input_key", "source", "url", "headline", "published", "content_hash", "words",
        "errors", "warnings", "infos", "report")}
    for key, report in reports:
        article = report.get("article") or {}
        severities = Counter(f.get("severity") for f in report.get("findings") or [])
        rows["input_key"].append(key)
        rows["source"].append(report.get("source"))
        rows["url"].append(article.get("url"))
        rows["headline"].append(article.get("headline"))
        rows["published"].append(article.get("published"))
        rows["content_hash"].append(_content_hash(article.get("text") or ""))
        rows["words"].append(len((article.get("text") or "").split()))
        rows["errors"].append(severities["error"])
        rows["warnings"].append(severities["warning"])
        rows["infos"].append(severities["info"])
        rows["report"].append(json.dumps(report, ensure_ascii=False))
    pq.write_table(pa.table(rows), path)
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _content_hash(text: str) -> str:
    from copydesk.model import content_id

    return content_id(text)


# ---------------------------------------------------------------- the driver


@dataclass
class _Tally:
    counts: Counter[str] = field(default_factory=Counter)
    failed: Counter[str] = field(default_factory=Counter)
    by_check: Counter[str] = field(default_factory=Counter)


def cmd_batch(args: argparse.Namespace, context: Context) -> int:
    from copydesk.cli.house import read_config
    from copydesk.cli.main import DEFAULT_MAX_BYTES, PROG, _budget, _isatty
    from copydesk.cli.progress import ProgressDisplay
    from copydesk.errors import IngestError
    from copydesk.ingest.sources import read_inputs
    from copydesk.report.visible import visible

    started = time.monotonic()
    # the house style and the claims model: read here, before any input, store or cluster, and
    # sent to the workers as objects (a path on the driver may not exist on a worker)
    config = read_config(args, context)
    claims_model = _claims_model(args.claims_model)
    budget = _budget(args)
    wanted = _read_urls(args.urls) if args.urls else None
    sink: StoreSink | FileSink = (FileSink(args.out, args.out_format, resume=args.resume)
                                  if args.out else StoreSink(args.db))
    tally = _Tally()
    failures_out = open(args.failures, "w", encoding="utf-8") if args.failures else None  # noqa: SIM115
    options = worker_options(kb=args.kb, reference_date=args.reference_date, budget=budget,
                             config=config, claims_model=claims_model)
    enabled = args.progress if args.progress is not None else _isatty(sys.stderr)
    progress = ProgressDisplay(enabled=enabled, threshold=0)

    def record_failure(item: dict[str, Any]) -> None:
        tally.failed[item["kind"]] += 1
        progress.message(visible(f"{PROG}: {item['source']}: {item['reason']}"))
        if failures_out is not None:
            failures_out.write(json.dumps(item, ensure_ascii=False) + "\n")
            failures_out.flush()

    inputs = read_inputs(
        args.paths, published=args.published, defer=True,
        max_bytes=args.max_size if args.max_size is not None else DEFAULT_MAX_BYTES,
        reference_date=args.reference_date, extraction=args.extraction,
    )

    def pending() -> Iterator[tuple[str, DeferredInput]]:
        for item in inputs:
            if isinstance(item, IngestError):
                if wanted is not None and item.url is not None:
                    if item.url not in wanted:
                        continue
                    wanted[item.url] = True
                record_failure(failure(item.source, item.kind, item.message))
                progress.advance(failed=True)
                continue
            if wanted is not None:
                url = item.url or (item.record or {}).get("url")
                if url not in wanted:
                    continue
                wanted[url] = True
            yield input_key(item), item

    def unfinished(parts: Iterator[list[tuple[str, DeferredInput]]]
                   ) -> Iterator[list[tuple[str, DeferredInput]]]:
        for part in parts:
            if args.resume:
                done = sink.done([key for key, _item in part])
                for key, _item in part:
                    if key in done:
                        if done[key] is None:
                            tally.counts["skipped"] += 1
                        else:
                            record_failure(done[key])
                        progress.advance(failed=done[key] is not None)
                part = [(key, item) for key, item in part if key not in done]
            if part:
                yield part

    from copydesk.report.summary import plural

    parts = unfinished(_partitions(pending(), args.partition_size))
    client, close = None, (lambda: None)
    try:
        first = next(parts, None)  # no cluster at all when nothing is left to check
        if first is not None:
            client, close = _client(args)
            link = getattr(client, "dashboard_link", None)
            progress.message(f"{PROG} batch: {plural(_workers(client), 'worker')}; "
                             f"dashboard {link or '(none)'}")
            remaining = _chain(first, parts)
            for part, results in _run(client, remaining, options):
                sources = {key: item.source for key, item in part}
                statuses = sink.commit(results, sources)
                for result, (status, failed) in zip(results, statuses, strict=True):
                    if failed is not None:
                        record_failure(failed)
                    else:
                        tally.counts[status] += 1
                        for finding in result["report"].get("findings") or []:
                            tally.by_check[finding.get("check", "?")] += 1
                    progress.advance(failed=failed is not None)
        for url, seen in (wanted or {}).items():
            if not seen:
                record_failure({"source": args.urls, "kind": "not-found",
                                "reason": f"{url} is in no input", "url": url})
    finally:
        progress.stop()
        close()
        sink.close()
        if failures_out is not None:
            failures_out.close()
    elapsed = max(time.monotonic() - started, 1e-9)
    for line in summary(tally.counts, tally.failed, tally.by_check, elapsed, sink.describe()):
        print(visible(line))
    return EXIT_FAILURE if tally.failed else EXIT_OK


def summary(counts: Counter[str], failed: Counter[str], by_check: Counter[str],
            elapsed: float, where: str) -> list[str]:
    checked = sum(counts[s] for s in ("new", "version", "analysis", "unchanged"))
    new = counts["new"] + counts["version"] + counts["analysis"]
    processed = checked + sum(failed.values()) + counts["skipped"]
    rate = f"{checked / elapsed:.2f} articles checked per second"
    return [
        f"{processed} inputs processed in {elapsed:.1f} s ({rate})",
        f"stored in {where}: {new} new, {counts['unchanged']} unchanged"
        + (f"; {counts['skipped']} skipped (already done)" if counts["skipped"] else ""),
        f"failed: {sum(failed.values())}"
        + "".join(f"; {kind} {n}" for kind, n in sorted(failed.items())),
        "findings: " + (", ".join(f"{check} {n}" for check, n in sorted(by_check.items()))
                        or "none"),
    ]


def _claims_model(path: str | None) -> Any:
    """The model ``--claims-model`` names, loaded, or None; a ``UsageError`` naming the file
    when it is missing or not a model."""
    if not path:
        return None
    from copydesk.analyse.claim_model import load_model

    return load_model(path)


def _read_urls(path: str) -> dict[str, bool]:
    from copydesk.errors import UsageError

    try:
        with open(path, encoding="utf-8") as handle:
            urls = [line.strip() for line in handle if line.strip() and not line.startswith("#")]
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"--urls {path}: cannot read the list ({exc})") from None
    if not urls:
        raise UsageError(f"--urls {path}: the list holds no URL")
    return dict.fromkeys(urls, False)


def _chain(first: list[Any], rest: Iterator[list[Any]]) -> Iterator[list[Any]]:
    yield first
    yield from rest


def _partitions(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    part: list[Any] = []
    for item in items:
        part.append(item)
        if len(part) >= size:
            yield part
            part = []
    if part:
        yield part


def _run(client: Any, partitions: Iterator[list[tuple[str, DeferredInput]]],
         options: dict[str, Any], task: Any = None
         ) -> Iterator[tuple[list[Any], list[dict[str, Any]]]]:
    """Each partition with its results, as it completes; at most two partitions per worker are
    in flight, so the driver never holds the whole input. A partition whose task fails (its
    worker died more often than Dask retries, e.g. an input that crashes the process under
    ``--no-isolation``) is split: each of its inputs is tried again as a task of its own, so only
    the input that kills a worker fails (kind ``worker``), never its partition's others."""
    from distributed import as_completed

    task = task or check_partition
    limit = max(2 * _workers(client), 2)
    pending = as_completed(with_results=False)
    parts: dict[str, list[Any]] = {}

    def submit(part: list[Any]) -> None:
        future = client.submit(task, part, options, pure=False)
        parts[future.key] = part
        pending.add(future)

    def outcome(future: Any) -> Iterator[tuple[list[Any], list[dict[str, Any]]]]:
        part = parts.pop(future.key)
        try:
            yield part, future.result()
        except Exception as exc:  # noqa: BLE001 - e.g. KilledWorker
            if len(part) > 1:
                for item in part:
                    submit([item])
                return
            reason = _reason(exc)
            yield part, [{"key": key, "failure": failure(item.source, "worker", reason, item)}
                         for key, item in part]

    for part in partitions:
        submit(part)
        while pending.count() >= limit:
            yield from outcome(next(pending))
    while pending.count():
        yield from outcome(next(pending))


#: Dask's settings for the environment of the worker processes a nanny spawns.
PRE_SPAWN = "distributed.nanny.pre-spawn-environ"


def _client(args: argparse.Namespace) -> tuple[Any, Any]:
    from distributed import Client, LocalCluster

    if args.scheduler:
        client = Client(args.scheduler)
        return client, client.close
    import dask

    # Dask's nannies set MALLOC_TRIM_THRESHOLD_=65536 in the environment of the workers they
    # spawn, so that glibc gives freed memory back at once; for the parse that costs 10-15 % more
    # CPU in the checking child (bench/batch.py, docs/BENCHMARKS.md), and the child's memory is
    # bounded by the per-input budget and its restarts, not by trimming. Unset here (a value in
    # the user's own environment still wins); the single-thread BLAS settings are kept.
    with dask.config.set({f"{PRE_SPAWN}.MALLOC_TRIM_THRESHOLD_": None}):
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
