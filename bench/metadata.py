"""Headline and published-date accuracy: copydesk's metadata against the baselines, in one run.

    .venv/bin/python bench/metadata.py [--shared ../shared] [--limit N]

Sets (read from ``shared/bench/article-extraction/``, never copied):
  wcxb-articles  WCXB test pages of type ``article``: gold ``title`` and ``publish_date``
                 (WCXB pages have their scripts stripped, so no JSON-LD there)
  htmldate-news  htmldate's MediaCloud 2020 news set: gold published date only (no headline)

"Headline exactly right": equal after Unicode NFKC, curly quotes and dashes made straight,
whitespace collapsed and case folded (``copydesk.ingest.metadata.comparable``).
"Date right": the extracted published date's ``YYYY-MM-DD`` (the page's local wall-clock date)
starts with the gold string (gold is a day, once a month ``YYYY-MM``); pages without a gold
date are left out; a missing extraction counts as wrong.

Baselines: trafilatura's metadata (title, date); the first ``<h1>`` checked against
``og:title`` (the ``<h1>`` when its words match og:title, token_set_ratio >= 50, else og:title,
else ``<title>``); htmldate ``find_date`` with defaults and with ``original_date=True``.
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
from htmldate import find_date
from lxml import html as lxml_html
from rapidfuzz import fuzz

from copydesk.ingest.extract_tree import decode, parse_tree
from copydesk.ingest.metadata import comparable, extract_metadata

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extraction import DATA, DEFAULT_SHARED, wcxb_articles

MetaPage = tuple[str, bytes, str | None, str | None]  # id, raw, gold headline, gold date


def wcxb_meta(shared: Path) -> Iterator[MetaPage]:
    for key, raw, truth in wcxb_articles(shared):
        yield key, raw, truth.get("title") or None, truth.get("publish_date") or None


def news_meta(shared: Path) -> Iterator[MetaPage]:
    root = shared / DATA / "htmldate-mediacloud-2020"
    gold = json.loads((root / "eval_mediacloud_2020.json").read_text(encoding="utf-8"))
    for url in sorted(gold):
        date = gold[url].get("date")
        raw = gzip.decompress((root / "html" / f"{gold[url]['file']}.gz").read_bytes())
        yield url, raw, None, date if isinstance(date, str) else None


def headline_right(found: str | None, gold: str) -> bool:
    return bool(found) and comparable(found) == comparable(gold)


def date_right(found: str | None, gold: str) -> bool:
    return bool(found) and found[:10].startswith(gold)


# Each method maps raw html -> (headline or None, "YYYY-MM-DD" or None).
Method = Callable[[bytes], tuple[str | None, str | None]]


def copydesk_method(raw: bytes, url: str | None = None) -> tuple[str | None, str | None]:
    page = decode(raw)
    tree = parse_tree(page)
    if tree is None:
        return None, None
    meta = extract_metadata(tree, url=url, page=page)
    return meta.headline, meta.published.strftime("%Y-%m-%d") if meta.published else None


def trafilatura_method(raw: bytes) -> tuple[str | None, str | None]:
    doc = trafilatura.extract_metadata(raw)
    return (doc.title, doc.date) if doc else (None, None)


def h1_og_method(raw: bytes) -> tuple[str | None, str | None]:
    try:
        tree = lxml_html.fromstring(decode(raw).encode("utf-8"))
    except Exception:  # noqa: BLE001
        return None, None
    h1 = next((h.text_content().strip() for h in tree.iter("h1")), None)
    og = next((m.get("content") for m in tree.iter("meta") if m.get("property") == "og:title"), None)
    title = next((t.text_content().strip() for t in tree.iter("title")), None)
    if h1 and (not og or fuzz.token_set_ratio(comparable(h1), comparable(og)) >= 50):
        return " ".join(h1.split()), None
    return og or title, None


def htmldate_method(original: bool) -> Method:
    def method(raw: bytes) -> tuple[str | None, str | None]:
        try:
            return None, find_date(decode(raw), original_date=original)
        except Exception:  # noqa: BLE001
            return None, None

    return method


METHODS: dict[str, Method] = {
    "copydesk": copydesk_method,
    "trafilatura": trafilatura_method,
    "h1-vs-og:title": h1_og_method,
    "htmldate": htmldate_method(False),
    "htmldate-original": htmldate_method(True),
}


def evaluate(pages: list[MetaPage], method: Method) -> dict[str, float]:
    started = time.perf_counter()
    headline_ok = headline_n = date_ok = date_n = 0
    for _key, raw, gold_headline, gold_date in pages:
        headline, date = method(raw)
        if gold_headline:
            headline_n += 1
            headline_ok += headline_right(headline, gold_headline)
        if gold_date:
            date_n += 1
            date_ok += date_right(date, gold_date)
    elapsed = time.perf_counter() - started
    return {
        "headline": headline_ok / headline_n if headline_n else float("nan"),
        "headline_pages": headline_n,
        "date": date_ok / date_n if date_n else float("nan"),
        "date_pages": date_n,
        "rate": len(pages) / elapsed if elapsed else float("inf"),
    }


def datasets(shared: Path, limit: int | None) -> dict[str, list[MetaPage]]:
    return {
        "wcxb-articles": list(wcxb_meta(shared))[:limit],
        "htmldate-news": list(news_meta(shared))[:limit],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--limit", type=int, default=None, help="first N pages of each set")
    args = parser.parse_args(argv)
    if not (args.shared / DATA).is_dir():
        print(f"skipped: benchmark data not found at {args.shared / DATA} (use --shared PATH)")
        return 0
    logging.disable(logging.CRITICAL)
    print(f"{'set':<14} {'method':<18} {'headline':>8} {'(pages)':>7} {'date':>6} {'(pages)':>7} "
          f"{'pages/s':>8}")
    for set_name, pages in datasets(args.shared, args.limit).items():
        for name, method in METHODS.items():
            r = evaluate(pages, method)
            headline = "-" if r["headline_pages"] == 0 else f"{r['headline']:.3f}"
            date = "-" if r["date_pages"] == 0 else f"{r['date']:.3f}"
            print(f"{set_name:<14} {name:<18} {headline:>8} {r['headline_pages']:>7} {date:>6} "
                  f"{r['date_pages']:>7} {r['rate']:>8.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
