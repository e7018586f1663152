"""Main-text extraction: copydesk's extractor vote against plain trafilatura, in one run.

    .venv/bin/python bench/extraction.py [--shared ../shared] [--limit N]

Data (read from ``shared/bench/article-extraction/``, never copied): the Zyte article-extraction
benchmark (181 pages, ``articleBody``) and the article pages of the WCXB test split
(``main_content``). Score: the Zyte method (``copydesk.ingest.extract_score``): word 4-gram
shingles, per-page precision and recall, mean over pages, F1 of the two means.

Rows, all timed on the same pages in the same process (pages/s include decoding and parsing):
  trafilatura            trafilatura.extract(html) with its defaults (comments included)
  trafilatura-nocomments trafilatura.extract(html, include_comments=False): the Zyte
                         benchmark's own trafilatura runner, and the baseline copydesk must beat
  copydesk               copydesk.ingest.html.extract_text (medoid of four extractors)
  copydesk-shortcut      the same with shortcut=0.99 (stop early when trafilatura agrees with
                         itself)
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import trafilatura

from copydesk.ingest.extract_score import Scores, shingle_match, summarise
from copydesk.ingest.html import extract_text

DEFAULT_SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA = Path("bench") / "article-extraction"

Page = tuple[str, bytes, str]  # id, raw html, gold text


def zyte_pages(shared: Path) -> Iterator[Page]:
    root = shared / DATA / "zyte-article-extraction-benchmark"
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(gold):
        yield key, gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()), gold[key][
            "articleBody"
        ]


def wcxb_articles(shared: Path) -> Iterator[tuple[str, bytes, dict]]:
    """WCXB test pages whose type is ``article``: (id, raw html, ground_truth dict)."""
    root = shared / DATA / "wcxb-test"
    files = json.loads((root / "metadata.json").read_text(encoding="utf-8"))["files"]
    for key in sorted(files):
        if files[key].get("page_type") != "article":
            continue
        truth = json.loads((root / "ground-truth" / f"{key}.json").read_text(encoding="utf-8"))
        yield key, gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()), truth[
            "ground_truth"
        ]


def wcxb_pages(shared: Path) -> Iterator[Page]:
    for key, raw, truth in wcxb_articles(shared):
        yield key, raw, truth.get("main_content") or ""


def extractors() -> dict[str, Callable[[bytes], str]]:
    return {
        "trafilatura": lambda raw: trafilatura.extract(raw) or "",
        "trafilatura-nocomments": lambda raw: trafilatura.extract(raw, include_comments=False)
        or "",
        "copydesk": lambda raw: "\n\n".join(extract_text(raw)),
        "copydesk-shortcut": lambda raw: "\n\n".join(extract_text(raw, shortcut=0.99)),
    }


def run(pages: list[Page], extract: Callable[[bytes], str]) -> tuple[Scores, float]:
    """Score one extractor on ``pages``; return its scores and pages per second."""
    started = time.perf_counter()
    outputs = [extract(raw) for _key, raw, _gold in pages]
    elapsed = time.perf_counter() - started
    scores = summarise(shingle_match(gold, out) for (_k, _r, gold), out in zip(pages, outputs))
    return scores, len(pages) / elapsed if elapsed else float("inf")


def datasets(shared: Path, limit: int | None) -> dict[str, list[Page]]:
    return {
        "zyte": list(zyte_pages(shared))[:limit],
        "wcxb-articles": list(wcxb_pages(shared))[:limit],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--limit", type=int, default=None, help="first N pages of each set")
    parser.add_argument("--only", nargs="*", help="extractor names to run")
    args = parser.parse_args(argv)
    if not (args.shared / DATA).is_dir():
        print(f"skipped: benchmark data not found at {args.shared / DATA} (use --shared PATH)")
        return 0
    logging.disable(logging.CRITICAL)
    print(f"{'set':<14} {'extractor':<23} {'pages':>5} {'F1':>6} {'prec':>6} {'recall':>6} "
          f"{'pages/s':>8}")
    for set_name, pages in datasets(args.shared, args.limit).items():
        for name, extract in extractors().items():
            if args.only and name not in args.only:
                continue
            scores, rate = run(pages, extract)
            print(f"{set_name:<14} {name:<23} {scores.pages:>5} {scores.f1:>6.3f} "
                  f"{scores.precision:>6.3f} {scores.recall:>6.3f} {rate:>8.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
