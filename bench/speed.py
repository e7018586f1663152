"""Speed and memory of ``copydesk check`` against the bare spaCy parse, in one process.

    .venv/bin/python bench/speed.py [--articles 500] [--corpus ../shared/corpus/bbc-news-2225/bbc]

Measures, on the same texts and the same loaded model:
  - bare parse: ``nlp.pipe`` over the article texts (the floor any spaCy-based tool pays);
  - copydesk: ingest (files -> Article) + analysis + all checks + JSON serialisation;
  - the ratio copydesk / bare parse (goal: under 1.3), articles per second, peak RSS;
  - time to first output for one article through the console script (model load included).
After a warm-up on 20 articles (lazily loaded knowledge), the copydesk run and the bare parse
alternate twice (copydesk first, so its peak memory is measured before the bare parse's); the
ratio is best-of-two over best-of-two, which keeps a busy shared machine's noise out of it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc-news-2225" / "bbc"


def pick_files(corpus: Path, count: int) -> list[Path]:
    files = sorted(p for p in corpus.rglob("*.txt") if p.name[0].isdigit())
    if len(files) < count:
        return files
    step = len(files) / count  # spread over all categories
    return [files[int(k * step)] for k in range(count)]


def bare_parse(nlp, texts: list[str]) -> float:
    started = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - started


def copydesk_run(desk, paths: list[str]) -> tuple[float, int]:
    from copydesk.ingest.sources import read_inputs

    started = time.perf_counter()
    findings = 0
    for report in desk.check_many(read_inputs(paths)):
        json.dumps(report.to_dict())
        findings += len(report.findings)
    return time.perf_counter() - started, findings


def first_output(path: Path) -> float:
    exe = Path(sys.executable).with_name("copydesk")
    started = time.perf_counter()
    proc = subprocess.Popen(
        [str(exe), "check", "--format", "jsonl", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert proc.stdout is not None
    proc.stdout.read(1)
    elapsed = time.perf_counter() - started
    proc.communicate()
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"skipped: corpus not found at {args.corpus} (needs ../shared)", file=sys.stderr)
        return 0
    from copydesk.desk import Desk

    files = pick_files(args.corpus, args.articles)
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    words = sum(len(t.split()) for t in texts)
    desk = Desk()
    nlp = desk.analyser.nlp
    rss_loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # warm-up: lazily loaded knowledge (lexicon, KB, word lists) and first-use caches
    copydesk_run(desk, [str(p) for p in files[:20]])
    ours_1, findings = copydesk_run(desk, [str(p) for p in files])
    rss_copydesk = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    bare_1 = bare_parse(nlp, texts)
    rss_bare = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    ours_2, _ = copydesk_run(desk, [str(p) for p in files])
    bare_2 = bare_parse(nlp, texts)
    ours, bare = min(ours_1, ours_2), min(bare_1, bare_2)
    rss_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    first = first_output(files[0])

    result = {
        "articles": len(files),
        "words": words,
        "bare_parse_s": round(bare, 2),
        "copydesk_s": round(ours, 2),
        "ratio_copydesk_over_parse": round(ours / bare, 3),
        "articles_per_s": round(len(files) / ours, 1),
        "findings": findings,
        "peak_rss_mb": round(rss_peak / 1024, 1),
        "peak_rss_after_copydesk_run_mb": round(rss_copydesk / 1024, 1),
        "peak_rss_after_bare_parse_mb": round(rss_bare / 1024, 1),
        "rss_after_load_mb": round(rss_loaded / 1024, 1),
        "runs_s": {"copydesk": [round(ours_1, 2), round(ours_2, 2)], "bare": [round(bare_1, 2), round(bare_2, 2)]},
        "first_output_s": round(first, 2),
        "cpus": os.cpu_count(),
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
