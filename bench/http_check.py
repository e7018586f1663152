"""``POST /api/v1/check`` latency at a steady request rate, against the bare ``Desk.check_text``.

    .venv/bin/python bench/http_check.py [--articles 200] [--rate auto|N] [--no-isolation]
                                          [--corpus ../shared/corpus/bbc-news-2225/bbc]

1. Baseline, in this process: a ``Desk`` is loaded and warmed up, and each article is checked
   alone with ``desk.check_text(text)`` (the call one request makes), its report serialised to
   JSON; per-article times give p50, p99 and the mean.
2. ``copydesk serve`` is started on a free loopback port as a second process (the default
   supervised worker, or ``--no-isolation``), and this process sends the same articles as
   ``POST /api/v1/check`` (``{"text": ...}``) at a steady rate: request k leaves at
   ``start + k / rate`` whether or not earlier ones have returned (an open loop, so a slow
   answer cannot hide the requests queued behind it). A request's latency runs from the moment
   it was due to the last byte of its answer.
3. ``--rate auto`` sends at half of what the baseline says one checking thread can do
   (``0.5 / mean``), so the queue stays short; a fixed ``--rate`` shows queueing as it nears
   that capacity.

The articles are the bundled ``examples/*.txt`` and, when ../shared is there, ``--articles``
BBC texts spread over its categories. Prints one JSON object with both sets of figures and the
ratios (HTTP / bare) of p50, p99 and the mean.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc-news-2225" / "bbc"


def pick_articles(corpus: Path, count: int) -> list[tuple[str, str]]:
    """``(name, text)`` of the examples, then ``count`` corpus texts spread over it."""
    picked = [(p.name, p.read_text(encoding="utf-8"))
              for p in sorted((ROOT / "examples").glob("*.txt"))]
    if corpus.is_dir() and count > 0:
        files = sorted(p for p in corpus.rglob("*.txt") if p.name[0].isdigit())
        step = max(1.0, len(files) / count)
        chosen = [files[int(k * step)] for k in range(min(count, len(files)))]
        for path in chosen:
            text = path.read_bytes().decode("utf-8", errors="replace")
            picked.append((f"{path.parent.name}/{path.name}", text))
    return picked


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100), nearest rank."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def summary(seconds: list[float]) -> dict[str, float]:
    return {
        "p50_ms": round(1000 * percentile(seconds, 50), 1),
        "p99_ms": round(1000 * percentile(seconds, 99), 1),
        "mean_ms": round(1000 * statistics.fmean(seconds), 1),
        "max_ms": round(1000 * max(seconds), 1),
    }


def baseline(articles: list[tuple[str, str]]) -> list[float]:
    from copydesk import Desk

    desk = Desk()
    for _name, text in articles[:5]:  # lazily loaded knowledge, caches
        desk.check_text(text)
    times = []
    for name, text in articles:
        started = time.perf_counter()
        report = desk.check_text(text, source=name)
        json.dumps(report.to_dict(), ensure_ascii=False)
        times.append(time.perf_counter() - started)
    return times


async def steady(url: str, articles: list[tuple[str, str]], rate: float,
                 ) -> tuple[list[float], dict[int, int], float]:
    """Send each article once at ``rate`` per second; latencies from each request's due time."""
    import httpx

    bodies = [json.dumps({"text": text, "source": name}).encode() for name, text in articles]
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    limits = httpx.Limits(max_connections=256, max_keepalive_connections=256)
    async with httpx.AsyncClient(base_url=url, timeout=300, limits=limits) as client:
        async def one(body: bytes, due: float) -> None:
            response = await client.post("/api/v1/check", content=body,
                                         headers={"content-type": "application/json"})
            await response.aread()
            latencies.append(time.perf_counter() - due)
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1

        for body in bodies[:3]:  # warm the connection pool and the worker
            await one(body, time.perf_counter())
        latencies.clear()
        statuses.clear()
        started = time.perf_counter()
        tasks = []
        for k, body in enumerate(bodies):
            due = started + k / rate
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(one(body, due)))
        await asyncio.gather(*tasks)
        elapsed = time.perf_counter() - started
    return latencies, statuses, elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200, help="corpus articles (default 200)")
    parser.add_argument("--rate", default="auto",
                        help="requests per second, or auto: half the baseline's capacity")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--no-isolation", dest="isolation", action="store_false",
                        help="serve with --no-isolation (no supervised worker)")
    args = parser.parse_args(argv)
    articles = pick_articles(args.corpus, args.articles)
    if not args.corpus.is_dir():
        print(f"note: corpus not found at {args.corpus}; the bundled examples only",
              file=sys.stderr)

    bare = baseline(articles)
    bare_summary = summary(bare)
    capacity = 1 / statistics.fmean(bare)
    rate = 0.5 * capacity if args.rate == "auto" else float(args.rate)

    from copydesk.http.process import ServerProcess

    options = () if args.isolation else ("--no-isolation",)
    with ServerProcess(*options) as server:
        health = server.wait_ready()
        latencies, statuses, elapsed = asyncio.run(steady(server.url, articles, rate))
    http_summary = summary(latencies)
    result = {
        "articles": len(articles),
        "words_mean": round(statistics.fmean(len(t.split()) for _n, t in articles)),
        "isolation": args.isolation,
        "versions": health.get("versions"),
        "rate_per_s": round(rate, 2),
        "achieved_per_s": round(len(latencies) / elapsed, 2),
        "bare_check_text": bare_summary,
        "bare_capacity_per_s": round(capacity, 2),
        "http_check": http_summary,
        "statuses": {str(code): count for code, count in sorted(statuses.items())},
        "ratio_http_over_bare": {
            key: round(http_summary[f"{key}_ms"] / bare_summary[f"{key}_ms"], 2)
            for key in ("p50", "p99", "mean")
        },
        "overhead_p50_ms": round(http_summary["p50_ms"] - bare_summary["p50_ms"], 1),
        "cpus": os.cpu_count(),
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
