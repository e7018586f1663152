"""Speed and memory of ``copydesk check`` against the bare spaCy parse, in one process.

    .venv/bin/python bench/speed.py [--articles 500] [--corpus ../shared/corpus/bbc-news-2225/bbc]
                                    [--model en_core_web_sm] [--compare-model en_core_web_sm]

Measures, on the same texts and the same loaded model:
  - bare parse: ``nlp.pipe`` over the article texts (the floor any spaCy-based tool pays);
  - copydesk: ingest (files -> Article) + analysis + all checks + JSON serialisation;
  - the ratio copydesk / bare parse (goal: under 1.3), articles per second, peak RSS;
  - time to first output for one article through the console script (model load included).
After a warm-up on 20 articles (lazily loaded knowledge), the copydesk run and the bare parse
alternate twice (copydesk first, so its peak memory is measured before the bare parse's); the
ratio is best-of-two over best-of-two, which keeps a busy shared machine's noise out of it.

On a machine that other jobs load unevenly, whole runs a minute apart can see different
loads, so the ratio is also measured interleaved (``--chunk N``, default 25; 0 skips it): for each
run of N articles, copydesk, bare parse, bare parse, copydesk (ABBA), the faster of each pair
kept and summed over the chunks; load that changes over seconds then falls on both sides alike.

``--model NAME`` runs all of it with another spaCy pipeline (``copydesk check --model``).
``--compare-model NAME`` also loads NAME in the same process and times copydesk with it against
copydesk with the first model, interleaved the same way, for the speed ratio of the two models.
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


def interleaved(first, second, items: list, chunk: int) -> tuple[float, float]:
    """Seconds of ``first(part)`` and ``second(part)`` over ``items`` in parts of ``chunk``, each
    part timed A B B A and the faster of each side kept."""
    total_a = total_b = 0.0
    for k in range(0, len(items), chunk):
        part = items[k : k + chunk]
        a1, b1, b2, a2 = first(part), second(part), second(part), first(part)
        total_a += min(a1, a2)
        total_b += min(b1, b2)
    return total_a, total_b


def compare_models(desk, other, files: list[Path], chunk: int) -> dict:
    """Copydesk's time with ``other``'s pipeline over ``desk``'s, on the same files, interleaved
    (``interleaved``; ``other`` warmed up first)."""
    paths = [str(p) for p in files]
    copydesk_run(other, paths[:20])
    faster, base = interleaved(lambda part: copydesk_run(other, part)[0],
                               lambda part: copydesk_run(desk, part)[0], paths, chunk or 25)
    return {
        "model": other.versions().get("model"),
        "copydesk_s": round(faster, 2),
        "base_copydesk_s": round(base, 2),
        "ratio_over_base": round(faster / base, 3),
        "articles_per_s": round(len(files) / faster, 1),
    }


def first_output(path: Path, model: str | None = None) -> float:
    exe = Path(sys.executable).with_name("copydesk")
    started = time.perf_counter()
    proc = subprocess.Popen(
        [str(exe), "check", "--format", "jsonl", str(path), *(["--model", model] if model else [])],
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
    parser.add_argument("--model", help="the spaCy pipeline (default: en_core_web_md)")
    parser.add_argument("--compare-model", metavar="NAME",
                        help="also time copydesk with this pipeline, interleaved with --model's")
    parser.add_argument("--chunk", type=int, default=25,
                        help="articles per interleaved part (default 25; 0: whole runs only)")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"skipped: corpus not found at {args.corpus} (needs ../shared)", file=sys.stderr)
        return 0
    from copydesk.desk import Desk

    files = pick_files(args.corpus, args.articles)
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    words = sum(len(t.split()) for t in texts)
    desk = Desk(model=args.model)
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
    first = first_output(files[0], args.model)
    chunked = None
    if args.chunk > 0:
        pairs = list(zip([str(p) for p in files], texts))
        ours_c, bare_c = interleaved(lambda part: copydesk_run(desk, [p for p, _ in part])[0],
                                     lambda part: bare_parse(nlp, [t for _, t in part]),
                                     pairs, args.chunk)
        chunked = {"chunk": args.chunk, "copydesk_s": round(ours_c, 2),
                   "bare_parse_s": round(bare_c, 2),
                   "ratio_copydesk_over_parse": round(ours_c / bare_c, 3)}
    compared = None
    if args.compare_model:
        compared = compare_models(desk, Desk(model=args.compare_model), files, args.chunk)

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
        "model": desk.versions().get("model"),
    }
    if chunked is not None:
        result["interleaved"] = chunked
    if compared is not None:
        result["compare_model"] = compared
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
