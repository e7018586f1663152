"""``copydesk batch`` at scale: throughput against one process, crash and resume, a WARC of real pages.

    .venv/bin/python bench/batch.py throughput [--articles 1000] [--rounds 2] [--no-isolation]
                                              [--partition-size N] [--compare-partition N]
    .venv/bin/python bench/batch.py crash [--articles 5000] [--kills 10] [--seed 7] [--postgres]
                                          [--extra-html DIR]
    .venv/bin/python bench/batch.py warc [--shared ../shared]

Inputs are real articles from ``../shared`` (never copied into the repository), written to one
JSONL file in a temporary directory (``{"text": …}`` for the text corpora, ``{"html": …}`` for
the extraction benchmarks' pages): the BBC corpus (2,225), PolNeAR's texts (928), the dev set
(252), the Zyte, WCXB and htmldate pages (892); ``--extra-html DIR`` adds every ``*.html`` below
DIR (trafilatura's evaluation pages, 1,032, exported as docs/BENCHMARKS.md says), which ``crash``
needs for 5,000 distinct articles.

``throughput``: the same N articles (``--articles``) stored four ways, each a fresh process,
wall time from start to exit (model loading included): ``copydesk ingest`` (one process, the
baseline), ``copydesk batch --workers 1``, ``copydesk batch --workers 2``, and two ``copydesk
ingest`` processes started at once over half the inputs each (the machine's own ceiling for two
processes that share nothing: what two cores give when nothing coordinates), alternating for
``--rounds`` rounds (best of the rounds kept: the machine is shared); the ratio to the
baseline's throughput, and each run's peak resident memory per process (sampled every 0.2 s with
psutil: the driver and each Dask worker with its supervised child); after each run, its CPU
time (user + system of all its processes, sampled) split by role (the driver with a local
cluster's scheduler and nannies, each Dask worker, the supervised checker child under a worker or
under ``ingest``) and the machine's load average.

``crash``: one ``copydesk batch --workers 2 --partition-size 25`` run over N articles, killed
with SIGKILL at ``--kills`` random points (drawn from ``--seed``: a number of committed inputs to
wait for, and whether to kill the driver — with its local cluster, the whole process group — or
one Dask worker process); after a driver kill the run is started again with ``--resume``, after
a worker kill it goes on (Dask restarts the worker and retries its tasks). Then: every input is
committed exactly once (``batch_inputs``), no content hash is stored twice, every version has
one analysis, the failures file lists each failed input once, and ``PRAGMA integrity_check`` is
``ok`` (on PostgreSQL, with ``--postgres``, a temporary server: the same counts).

``warc``: a WARC file (warcio, gzip) of the Zyte, WCXB and htmldate pages, each a ``response``
record with its URL from the benchmark's metadata where it has one, processed end to end by
``copydesk batch`` into JSONL files; reported: records, stored, failed by reason, and how many
stored articles carry the record's URL.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
DEFAULT_SHARED = ROOT.parent / "shared"


# ---------------------------------------------------------------- inputs


def text_files(shared: Path) -> list[Path]:
    files = sorted((shared / "corpus" / "bbc-news-2225").rglob("*.txt"))
    files += sorted((shared / "bench" / "quotes").rglob("*.txt"))
    files += sorted((shared / "eval" / "dev").rglob("*.txt"))
    return files


def html_pages(shared: Path) -> list[tuple[Path, str | None]]:
    """(page, URL or None) for the extraction benchmarks' pages."""
    base = shared / "bench" / "article-extraction"
    pages: list[tuple[Path, str | None]] = []
    zyte = base / "zyte-article-extraction-benchmark"
    urls = {}
    if (zyte / "ground-truth.json").exists():
        for key, value in json.loads((zyte / "ground-truth.json").read_text()).items():
            urls[key] = value.get("url")
    pages += [(p, urls.get(p.name.split(".")[0])) for p in sorted((zyte / "html").glob("*.gz"))]
    wcxb = base / "wcxb-test"
    meta = {}
    if (wcxb / "metadata.json").exists():
        data = json.loads((wcxb / "metadata.json").read_text())
        items = data.items() if isinstance(data, dict) else ((d.get("id"), d) for d in data)
        meta = {str(k): (v.get("url") if isinstance(v, dict) else None) for k, v in items}
    pages += [(p, meta.get(p.name.split(".")[0])) for p in sorted((wcxb / "html").glob("*.gz"))]
    pages += [(p, None) for p in sorted((base / "htmldate-mediacloud-2020").rglob("*.html.gz"))]
    return pages


def _html(path: Path) -> str:
    """The page's text, or "" when copydesk would not read it (binary, undecodable)."""
    from copydesk.errors import IngestError
    from copydesk.ingest.decode import decode_bytes

    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    try:
        return decode_bytes(data, source=str(path))[0]
    except IngestError:
        return ""


def write_inputs(out: Path, count: int, shared: Path, extra_html: Path | None) -> int:
    """Up to ``count`` distinct articles into ``out`` (JSONL); returns how many."""
    records: list[dict[str, str]] = []
    seen: set[str] = set()

    def add(record: dict[str, str], body: str) -> None:
        if body.strip() and body not in seen:
            seen.add(body)
            records.append(record)

    for path in text_files(shared):
        text = path.read_text(encoding="utf-8", errors="replace")
        add({"text": text}, text)
    for path, url in html_pages(shared):
        html = _html(path)
        add({"html": html, **({"url": url} if url else {})}, html)
    if extra_html is not None:
        for path in sorted(extra_html.rglob("*.html")):
            html = _html(path)
            add({"html": html}, html)
    random.Random(0).shuffle(records)  # text and pages mixed through the run
    records = records[:count]
    with open(out, "w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    return len(records)


# ---------------------------------------------------------------- memory


class PeakMemory:
    """Peak RSS of a process and of each of its descendants, sampled every 0.2 s."""

    def __init__(self, pid: int):
        self.pid = pid
        self.peaks: dict[int, tuple[str, int]] = {}
        #: CPU seconds (user + system) of each process of the run, as last sampled.
        self.cpu: dict[int, float] = {}
        #: Each process's part in the run: the driver (the command itself, with the in-process
        #: scheduler and nannies of a local cluster), a worker (a process it started), the
        #: child of a worker (the supervised child that checks), or another process.
        self.roles: dict[int, str] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import psutil

        try:
            root = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return
        while not self._stop.wait(0.2):
            try:
                processes = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            for process in processes:
                try:
                    rss = process.memory_info().rss
                    name = _role(process.cmdline())
                    times = process.cpu_times()
                    parent = process.ppid()
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    continue
                self.cpu[process.pid] = times.user + times.system
                if process.pid not in self.roles:
                    self.roles[process.pid] = (
                        "driver" if process.pid == self.pid
                        else "other" if name == "resource tracker"
                        else "worker" if parent == self.pid and name == "worker"
                        else "checker" if self.roles.get(parent) in ("worker", "driver")
                        else "other")
                old = self.peaks.get(process.pid, (name, 0))
                self.peaks[process.pid] = (name, max(old[1], rss))

    def cpu_by_role(self) -> dict[str, float]:
        """CPU seconds of the run's processes, summed by role."""
        out: dict[str, float] = {}
        for pid, seconds in self.cpu.items():
            role = self.roles.get(pid, "other")
            out[role] = out.get(role, 0.0) + seconds
        return out

    def stop(self) -> dict[int, tuple[str, int]]:
        self._stop.set()
        self._thread.join()
        return self.peaks


def _role(cmdline: list[str]) -> str:
    joined = " ".join(cmdline)
    if "copydesk" in joined and ("batch" in cmdline or "ingest" in cmdline):
        return "driver"
    if "resource_tracker" in joined:
        return "resource tracker"
    if "multiprocessing" in joined or "spawn_main" in joined or "forkserver" in joined:
        return "worker"
    return "other"


def _run_side_by_side(commands: list[list[str]], log: Path
                      ) -> tuple[float, dict[int, tuple[str, int]], int, dict[str, float]]:
    """Run ``commands`` at once, each a process of its own: the wall time until the last ends,
    the peaks and CPU by role of all of them (as ``_run``), and the first exit status that is
    neither 0 nor 2 (findings), else the first command's."""
    started = time.monotonic()
    with open(log, "w") as out:
        processes = [subprocess.Popen(c, stdout=out, stderr=subprocess.STDOUT) for c in commands]
        memories = [PeakMemory(process.pid) for process in processes]
        codes = [process.wait() for process in processes]
    elapsed = time.monotonic() - started
    peaks: dict[int, tuple[str, int]] = {}
    cpu: dict[str, float] = {}
    for memory in memories:
        peaks.update(memory.stop())
        for role, seconds in memory.cpu_by_role().items():
            cpu[role] = cpu.get(role, 0.0) + seconds
    return elapsed, peaks, next((c for c in codes if c not in (0, 2)), codes[0]), cpu


def _run(command: list[str], log: Path
         ) -> tuple[float, dict[int, tuple[str, int]], int, dict[str, float]]:
    """Run ``command``: its wall time, peak memory per process, exit status, and CPU seconds of
    all its processes by role (each as last sampled, every 0.2 s: a Dask worker is not reaped by
    this process, so ``RUSAGE_CHILDREN`` would miss it; each process's last 0.2 s are missed)."""
    return _run_side_by_side([command], log)


# ---------------------------------------------------------------- throughput

#: The ceiling of two workers on this machine: two ``copydesk ingest`` processes, each over half
#: of the inputs, started at once and sharing nothing (no scheduler, no store, no messages).
SIDE_BY_SIDE = "two processes side by side (ingest, half each)"


def throughput(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="copydesk-batch-") as tmp:
        folder = Path(tmp)
        inputs = folder / "inputs.jsonl"
        count = write_inputs(inputs, args.articles, args.shared, args.extra_html)
        lines = inputs.read_text(encoding="utf-8").splitlines(keepends=True)
        halves = [folder / "first-half.jsonl", folder / "second-half.jsonl"]
        halves[0].write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")
        halves[1].write_text("".join(lines[len(lines) // 2 :]), encoding="utf-8")
        print(f"{count} articles ({inputs.stat().st_size / 1e6:.1f} MB of JSONL); "
              f"{args.rounds} rounds, the runs alternating; best of the rounds", flush=True)
        copydesk = str(BIN / "copydesk")
        isolation = [] if args.isolation else ["--no-isolation"]
        size = ["--partition-size", str(args.partition_size)] if args.partition_size else []
        runs = [
            ("one process (copydesk ingest)", [copydesk, "ingest", str(inputs), *isolation]),
            ("batch, 1 worker", [copydesk, "batch", str(inputs), "--workers", "1", *size, *isolation]),
            ("batch, 2 workers", [copydesk, "batch", str(inputs), "--workers", "2", *size, *isolation]),
            (SIDE_BY_SIDE, [[copydesk, "ingest", str(half), *isolation] for half in halves]),
        ]
        if args.compare_partition:
            runs.append((f"batch, 2 workers, --partition-size {args.compare_partition}",
                         [copydesk, "batch", str(inputs), "--workers", "2", "--partition-size",
                          str(args.compare_partition), *isolation]))
        best: dict[str, tuple[float, dict[int, tuple[str, int]]]] = {}
        times: dict[str, list[float]] = {name: [] for name, _command in runs}
        for round_ in range(args.rounds):
            for n, (name, command) in enumerate(runs):
                db = folder / f"run{round_}-{n}.sqlite"
                log = folder / f"run{round_}-{n}.log"
                if name == SIDE_BY_SIDE:
                    elapsed, peaks, code, cpu = _run_side_by_side(
                        [[*c, "--no-progress", "--db", f"{db}.{i}"] for i, c in enumerate(command)], log)
                else:
                    elapsed, peaks, code, cpu = _run([*command, "--no-progress", "--db", str(db)], log)
                if code not in (0, 2):
                    print(log.read_text()[-3000:])
                    raise SystemExit(f"{name} failed with status {code}")
                times[name].append(elapsed)
                if name not in best or elapsed < best[name][0]:
                    best[name] = (elapsed, peaks)
                load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
                split = ", ".join(f"{role} {seconds:.1f}" for role, seconds in sorted(cpu.items()))
                print(f"  round {round_ + 1}: {name}: {elapsed:.1f} s, CPU {sum(cpu.values()):.1f} s "
                      f"({split}; load average after it: {load})", flush=True)
        base = count / best[runs[0][0]][0]
        print("| run | wall s (each round) | articles/s (best) | × one process | "
              "peak RSS per process (MB) |")
        print("|---|---|---|---|---|")
        for name, _command in runs:
            elapsed, peaks = best[name]
            rate = count / elapsed
            memory = ", ".join(f"{role} {rss / 1e6:.0f}" for role, rss in
                               sorted(peaks.values(), key=lambda p: (p[0], -p[1]))
                               if rss > 50e6)
            each = ", ".join(f"{t:.1f}" for t in times[name])
            print(f"| {name} | {each} | {rate:.2f} | {rate / base:.2f} | {memory} |")


# ---------------------------------------------------------------- crash and resume


def crash(args: argparse.Namespace) -> None:
    if args.postgres:
        from copydesk.store.tempserver import TemporaryPostgres

        with TemporaryPostgres() as server:
            _crash(args, server.create_database("batch_crash"))
    else:
        _crash(args, None)


def _committed(db: str) -> int:
    if db.startswith("postgresql"):
        from sqlalchemy import create_engine, text

        engine = create_engine(db)
        try:
            with engine.connect() as connection:
                return connection.execute(text("SELECT count(*) FROM batch_inputs")).scalar() or 0
        except Exception:  # noqa: BLE001 - the table does not exist yet
            return 0
        finally:
            engine.dispose()
    if not Path(db).exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=1) as connection:
            return connection.execute("SELECT count(*) FROM batch_inputs").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def _workers_of(pid: int) -> list[int]:
    import psutil

    try:
        children = psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []
    # a local cluster's Dask worker: a process the driver started with multiprocessing's
    # spawn_main (its supervised child, forked from it, has the same command line)
    return [p.pid for p in children if "spawn_main" in " ".join(_cmd(p)) and p.ppid() == pid]


def _cmd(process: object) -> list[str]:
    try:
        return process.cmdline()  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001
        return []


def _crash(args: argparse.Namespace, pg_url: str | None) -> None:
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="copydesk-crash-") as tmp:
        folder = Path(tmp)
        inputs = folder / "inputs.jsonl"
        count = write_inputs(inputs, args.articles, args.shared, args.extra_html)
        db = pg_url or str(folder / "desk.sqlite")
        failures = folder / "failures.jsonl"
        points = sorted(rng.sample(range(50, max(count - 50, 51)), args.kills))
        kinds = [rng.choice(("driver", "driver", "worker")) for _ in points]
        print(f"{count} articles; kills at {list(zip(points, kinds, strict=True))}", flush=True)
        command = [str(BIN / "copydesk"), "batch", str(inputs), "--db", db, "--workers", "2",
                   "--partition-size", "25", "--failures", str(failures), "--no-progress"]
        started = time.monotonic()
        runs = 0
        killed: list[str] = []
        while True:
            runs += 1
            log = open(folder / f"run{runs}.log", "w")  # noqa: SIM115
            process = subprocess.Popen([*command, *(["--resume"] if runs > 1 else [])],
                                       stdout=log, stderr=subprocess.STDOUT,
                                       start_new_session=True)
            restart = False
            while process.poll() is None:
                time.sleep(0.3)
                if not points or _committed(db) < points[0]:
                    continue
                point, kind = points.pop(0), kinds.pop(0)
                if kind == "worker" and (workers := _workers_of(process.pid)):
                    victim = rng.choice(workers)
                    os.kill(victim, signal.SIGKILL)
                    killed.append(f"worker at {_committed(db)}")
                else:
                    os.killpg(process.pid, signal.SIGKILL)
                    killed.append(f"driver at {_committed(db)}")
                    process.wait()
                    restart = True
                print(f"  killed the {killed[-1]} (point {point})", flush=True)
            log.close()
            if not restart and process.returncode not in (0, 2):
                print((folder / f"run{runs}.log").read_text()[-3000:])
                raise SystemExit(f"run {runs} ended with status {process.returncode}")
            if not restart:
                break
        elapsed = time.monotonic() - started
        print(f"{runs} runs, {len(killed)} kills, {elapsed:.0f} s")
        print(verify(db, count, failures))
        print((folder / f"run{runs}.log").read_text().strip().splitlines()[-4:])


def verify(db: str, count: int, failures: Path) -> dict[str, object]:
    """Lost, duplicated and integrity figures of a finished run."""
    from sqlalchemy import create_engine, text

    from copydesk.store.engine import database_url

    engine = create_engine(database_url(db))
    with engine.connect() as connection:
        def one(sql: str) -> object:
            return connection.execute(text(sql)).scalar()

        inputs = one("SELECT count(*) FROM batch_inputs")
        stored = one("SELECT count(*) FROM batch_inputs WHERE status = 'stored'")
        failed = one("SELECT count(*) FROM batch_inputs WHERE status = 'failed'")
        versions = one("SELECT count(*) FROM versions")
        hashes = one("SELECT count(DISTINCT content_hash) FROM versions")
        analyses = one("SELECT count(*) FROM analyses")
        missing = one("SELECT count(*) FROM batch_inputs b WHERE b.status = 'stored' AND NOT "
                      "EXISTS (SELECT 1 FROM versions v WHERE v.content_hash = b.content_hash)")
        if engine.dialect.name == "sqlite":
            integrity = one("PRAGMA integrity_check")
        else:
            integrity = "n/a (PostgreSQL: constraints enforced by the server)"
    engine.dispose()
    # split on newlines only: str.splitlines() also splits at U+2028 and other separators that
    # JSON written with ensure_ascii=False keeps raw inside a page's text
    lines = [line for line in failures.read_text(encoding="utf-8").split("\n") if line] if failures.exists() else []
    sources = Counter(json.loads(line)["source"] for line in lines)
    return {
        "inputs": count, "committed": inputs, "lost": count - (inputs or 0),
        "stored": stored, "failed": failed, "failure lines": len(lines),
        "failure lines repeated": sum(n - 1 for n in sources.values()),
        "versions": versions, "distinct content hashes": hashes,
        "duplicated versions": (versions or 0) - (hashes or 0),
        "analyses": analyses, "stored inputs without their version": missing,
        "integrity_check": integrity,
    }


# ---------------------------------------------------------------- WARC


def warc(args: argparse.Namespace) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = html_pages(args.shared)
    with tempfile.TemporaryDirectory(prefix="copydesk-warc-") as tmp:
        folder = Path(tmp)
        path = folder / "pages.warc.gz"
        with open(path, "wb") as out:
            writer = WARCWriter(out, gzip=True)
            for n, (page, url) in enumerate(pages):
                body = page.read_bytes()
                if body[:2] == b"\x1f\x8b":
                    body = gzip.decompress(body)
                headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                           protocol="HTTP/1.1")
                uri = url or f"https://pages.invalid/{page.parent.parent.name}/{n}"
                writer.write_record(writer.create_warc_record(
                    uri, "response", payload=io.BytesIO(body), http_headers=headers))
        print(f"{len(pages)} pages in {path.name} ({path.stat().st_size / 1e6:.1f} MB)")
        out_dir = folder / "out"
        elapsed, _peaks, code, _cpu = _run(
            [str(BIN / "copydesk"), "batch", str(path), "--out", str(out_dir), "--workers", "2",
             "--failures", str(folder / "failures.jsonl"), "--no-progress"], folder / "run.log")
        print("\n".join((folder / "run.log").read_text().strip().splitlines()[-4:]))
        reports = [json.loads(line) for part in sorted(out_dir.glob("part-*.jsonl"))
                   for line in part.read_text(encoding="utf-8").split("\n") if line]
        with_url = sum(1 for r in reports if (r.get("article") or {}).get("url"))
        kinds = Counter(json.loads(line)["kind"] for line in
                        [line for line in (folder / "failures.jsonl").read_text().split("\n") if line])
        print(f"status {code}; {elapsed:.0f} s; {len(reports)} reports, {with_url} with the "
              f"record's URL; failed {dict(kinds)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("throughput", "crash", "warc"))
    parser.add_argument("--articles", type=int, default=None)
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--extra-html", type=Path, default=None)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--no-isolation", dest="isolation", action="store_false",
                        help="throughput: every run with --no-isolation")
    parser.add_argument("--partition-size", type=int, default=None,
                        help="throughput: the batch runs' --partition-size (default: copydesk's)")
    parser.add_argument("--compare-partition", type=int, default=None, metavar="N",
                        help="throughput: also time two workers with --partition-size N")
    args = parser.parse_args()
    if not (args.shared / "corpus").is_dir():
        raise SystemExit(f"{args.shared} has no corpus/: this benchmark needs ../shared "
                         "(give --shared PATH)")
    if args.articles is None:
        args.articles = 5000 if args.mode == "crash" else 1000
    {"throughput": throughput, "crash": crash, "warc": warc}[args.mode](args)


if __name__ == "__main__":
    main()
