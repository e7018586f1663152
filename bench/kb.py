"""Knowledge base figures: build, lookups at the shipped size and at a million aliases, dump import.

    .venv/bin/python bench/kb.py [--aliases 1000000] [--dump-mb 1024] [--workdir /tmp/copydesk-bench]

Prints one JSON object. Lookup latency is measured per query with perf_counter_ns; the synthetic
names are made of random syllables (seeded), and the fuzzy queries are real names with one edit
(substitution, deletion, insertion or transposition), so each has a true answer to find.
Throughput of the dump import is uncompressed bytes read per second from a gzip dump in which one
line in five is a person (the rest are filtered out by the cheap substring test).
Ratios: fuzzy p99 / exact p99 at the same size, so a slow machine moves both.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SYLLABLES = [c + v for c in "bcdfghjklmnprstvwz" for v in "aeiou"] + ["sh", "kr", "tr", "an", "el"]


def rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def synthetic_name(rng: random.Random) -> str:
    def word(lo: int, hi: int) -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(lo, hi))).capitalize()

    return f"{word(2, 3)} {word(2, 4)}"


def one_edit(name: str, rng: random.Random) -> str:
    first, last = name.split(" ", 1)
    k = rng.randrange(1, len(last) - 1)
    op = rng.choice("sdit")
    if op == "s":
        last = last[:k] + rng.choice("aeioulnrst") + last[k + 1 :]
    elif op == "d":
        last = last[:k] + last[k + 1 :]
    elif op == "i":
        last = last[:k] + rng.choice("aeioulnrst") + last[k:]
    else:
        last = last[: k - 1] + last[k] + last[k - 1] + last[k + 1 :]
    return f"{first} {last}"


def percentile(values: list[int], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))] / 1e6  # ms


def time_lookups(function, queries: list[str]) -> dict[str, float]:
    timings = []
    started = time.perf_counter()
    for query in queries:
        t0 = time.perf_counter_ns()
        function(query)
        timings.append(time.perf_counter_ns() - t0)
    elapsed = time.perf_counter() - started
    return {
        "per_s": round(len(queries) / elapsed),
        "p50_ms": round(percentile(timings, 0.5), 4),
        "p99_ms": round(percentile(timings, 0.99), 4),
    }


def lookups(kb, names: list[str], rng: random.Random, count: int) -> dict[str, dict]:
    """Exact and fuzzy lookups of ``count`` names, after a warm-up of as many other queries
    (steady state: the database pages a workload touches are in memory)."""
    for name in (rng.choice(names) for _ in range(count)):
        kb.exact(name)
        kb.fuzzy(one_edit(name, rng) if len(name.split(" ", 1)[-1]) > 3 else name, kind="person")
    sample = [rng.choice(names) for _ in range(count)]
    exact = time_lookups(lambda q: kb.exact(q), sample)
    edits = [one_edit(n, rng) if len(n.split(" ", 1)[1]) > 3 else n for n in sample]
    found = sum(1 for q, n in zip(edits, sample)
                if any(m.name == n for m in kb.fuzzy(q, kind="person", limit=5)))
    # as the checks call it (people only), and over every kind of entity
    fuzzy = time_lookups(lambda q: kb.fuzzy(q, kind="person"), edits)
    fuzzy["recall_at_5"] = round(found / len(sample), 3)
    fuzzy_any = time_lookups(lambda q: kb.fuzzy(q), edits)
    return {"exact": exact, "fuzzy_person": fuzzy, "fuzzy_any_kind": fuzzy_any,
            "fuzzy_p99_over_exact_p99": round(fuzzy["p99_ms"] / max(exact["p99_ms"], 1e-6), 1)}


def bench_shipped(workdir: Path, rng: random.Random) -> dict:
    from copydesk.knowledge.build import build

    path = workdir / "shipped.sqlite"
    started = time.perf_counter()
    kb = build(path)
    seconds = time.perf_counter() - started
    names = [n for (n,) in kb.db.execute("SELECT name FROM entity WHERE kind = 'person'")]
    names = [n for n in names if " " in n and len(n.split(" ", 1)[1]) > 3]
    return {"build_s": round(seconds, 2), "size_mb": round(path.stat().st_size / 1e6, 1),
            "counts": kb.stats(), **lookups(kb, names, rng, 2000), "rss_mb": rss_mb()}


def bench_million(workdir: Path, rng: random.Random, aliases: int, reuse: bool = False) -> dict:
    from copydesk.knowledge.records import EntityRecord
    from copydesk.knowledge.store import KnowledgeBase

    path = workdir / "million.sqlite"
    if reuse and path.exists():
        kb = KnowledgeBase(path, create=False)
        names = [n for (n,) in kb.db.execute("SELECT name FROM entity")]
        if len(names) == aliases:
            return {"aliases": aliases, "build_s": "reused", "size_mb": round(path.stat().st_size / 1e6, 1),
                    **lookups(kb, names, rng, 2000), "rss_mb": rss_mb()}
        kb.close()
    path.unlink(missing_ok=True)
    kb = KnowledgeBase(path)
    kb.db.execute("PRAGMA journal_mode = OFF")
    kb.db.execute("PRAGMA synchronous = OFF")
    names = []
    started = time.perf_counter()
    batch = []
    for k in range(aliases):
        name = synthetic_name(rng)
        names.append(name)
        batch.append(EntityRecord(f"syn-{k}", "person", name, source="synthetic"))
        if len(batch) >= 20_000:
            kb.add_entities(batch)
            batch = []
    kb.add_entities(batch)
    kb.finish()
    seconds = time.perf_counter() - started
    return {"aliases": aliases, "build_s": round(seconds, 1),
            "size_mb": round(path.stat().st_size / 1e6, 1), **lookups(kb, names, rng, 2000),
            "rss_mb": rss_mb()}


def write_dump(path: Path, target_mb: int, rng: random.Random) -> int:
    """A gzip dump in Wikidata's line format; one entity in five is a person. Each entity carries
    about 1.5 KB of varied text (claims and descriptions are most of a real entity's bytes), so
    the file compresses roughly as a real dump does."""
    sentences = [" ".join(synthetic_name(rng).lower() for _ in range(6)) for _ in range(5000)]
    written = 0
    k = 0
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as handle:
        handle.write("[\n")
        while written < target_mb * 1_000_000:
            k += 1
            p31 = "Q5" if k % 5 == 0 else "Q16521"
            entity = {
                "type": "item", "id": f"Q{10_000_000 + k}",
                "labels": {"en": {"language": "en", "value": synthetic_name(rng)}},
                "aliases": {"en": []},
                "descriptions": {"en": {"language": "en",
                                        "value": " ".join(rng.choices(sentences, k=30))}},
                "claims": {"P31": [{"mainsnak": {"datavalue": {"value": {"entity-type": "item", "id": p31}}}}]},
                "sitelinks": {},
            }
            line = json.dumps(entity, separators=(",", ":")) + ",\n"
            handle.write(line)
            written += len(line)
        handle.write("]\n")
    return written


def bench_dump(workdir: Path, rng: random.Random, target_mb: int) -> dict:
    from copydesk.knowledge.sources.wikidata_dump import import_dump
    from copydesk.knowledge.store import KnowledgeBase

    dump = workdir / "synthetic-dump.json.gz"
    if not dump.exists() or dump.stat().st_size < target_mb * 1_000_000 / 20:
        write_dump(dump, target_mb, rng)
    path = workdir / "dump.sqlite"
    path.unlink(missing_ok=True)
    kb = KnowledgeBase(path)
    kb.db.execute("PRAGMA journal_mode = OFF")
    kb.db.execute("PRAGMA synchronous = OFF")
    # baseline in the same run: just decompressing and splitting the lines
    started = time.perf_counter()
    raw = 0
    with gzip.open(dump, "rb") as handle:
        for line in handle:
            raw += len(line)
    base = time.perf_counter() - started
    started = time.perf_counter()
    stats = import_dump(kb, dump)
    seconds = time.perf_counter() - started
    return {"uncompressed_mb": round(stats.bytes_read / 1e6), "gz_mb": round(dump.stat().st_size / 1e6),
            "kept": stats.kept, "import_s": round(seconds, 1),
            "mb_per_s": round(stats.bytes_read / 1e6 / seconds, 1),
            "read_only_mb_per_s": round(raw / 1e6 / base, 1),
            "import_over_read_only": round(seconds / base, 2), "rss_mb": rss_mb()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aliases", type=int, default=1_000_000)
    parser.add_argument("--dump-mb", type=int, default=1024)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/copydesk-bench"))
    parser.add_argument("--reuse", action="store_true",
                        help="reuse the synthetic million-alias database from an earlier run")
    parser.add_argument("--skip", default="", help="comma list of: shipped, million, dump")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    skip = set(filter(None, args.skip.split(",")))
    rng = random.Random(20221)
    result = {}
    if "shipped" not in skip:
        result["shipped"] = bench_shipped(args.workdir, rng)
        print(json.dumps({"shipped": result["shipped"]}), file=sys.stderr)
    if "million" not in skip:
        result["million"] = bench_million(args.workdir, rng, args.aliases, args.reuse)
        print(json.dumps({"million": result["million"]}), file=sys.stderr)
    if "dump" not in skip:
        result["dump"] = bench_dump(args.workdir, rng, args.dump_mb)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
