"""A tuning pool of real web pages: what copydesk raises at warning and error on pages that no
precision set holds, listed to be read while changing the checks (in-sample by design: there is
no held-out half, and no label file; the precision sets' held-out halves measure the changes).

The pool is the development split of WCXB (github.com/Murrough-Foley/web-content-extraction-
benchmark at c039d5e, CC BY 4.0): its 711 pages typed ``article`` (blogs, magazines, company
and public-service pages), the English ones. The precision sets use WCXB's test split only.
Export it once (the HTML is third-party pages: read at run time, never copied into the
repository):

    git -C WCXB_GIT archive c039d5e dev metadata.json | tar -x -C /tmp/wcxb-dev
    .venv/bin/python bench/tuning_pool.py --pool /tmp/wcxb-dev                 # counts by check
    .venv/bin/python bench/tuning_pool.py --reuse out/pool.jsonl --show spelling,quotes.unbalanced
    .venv/bin/python bench/tuning_pool.py --types forum,service,listing,product,collection,documentation \
        --save out/pool-other.jsonl     # the dev split's other page types: robustness on non-news pages

(WCXB_GIT: a clone of the repository, or the mirror ``fetch`` brings.)
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

import precision

SHIPPED = ("warning", "error")


def pool_articles(pool: Path, types: frozenset = frozenset({"article"})) -> tuple[list, Counter]:
    """The pool's English pages of the given WCXB page types, parsed as ``copydesk check`` parses
    HTML, and what was left out and why."""
    from copydesk.errors import IngestError
    from copydesk.ingest.html import parse_html

    metadata = pool / "metadata.json"
    if not metadata.is_file():
        raise SystemExit(f"tuning pool: {metadata} not found (export WCXB's dev split: see the docstring)")
    files = json.loads(metadata.read_text(encoding="utf-8"))["files"]
    articles, skipped = [], Counter()
    for key in sorted(files):
        if files[key].get("split") != "dev" or files[key].get("page_type") not in types:
            continue
        path = pool / "dev" / "html" / f"{key}.html.gz"
        try:
            article = parse_html(gzip.decompress(path.read_bytes()), source=f"wcxb-dev/{key}.html.gz")
        except (IngestError, OSError) as err:
            skipped[f"not read ({getattr(err, 'kind', type(err).__name__)})"] += 1
            continue
        if not precision.english(article.text):
            skipped["not English"] += 1
            continue
        articles.append(article)
    return articles, skipped


def summary(results: Path) -> str:
    """Shipped warnings and errors by check and severity, and per 1,000 words."""
    rows = [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines()]
    words = sum(r["words"] for r in rows)
    by_check: Counter = Counter()
    pages: dict[str, set] = {}
    for r in rows:
        for f in r["findings"]:
            if f["severity"] in SHIPPED:
                by_check[(f["check"], f["severity"])] += 1
                pages.setdefault(f["check"], set()).add(r["article"])
    total = sum(by_check.values())
    head = (f"{len(rows)} pages, {words:,} words; shipped warnings and errors: {total}"
            f" ({1000 * total / max(words, 1):.2f} per 1,000 words)")
    lines = [head, "",
             "| check | severity | findings | pages |", "|---|---|---|---|"]
    for (check, severity), count in sorted(by_check.items(), key=lambda item: -item[1]):
        lines.append(f"| `{check}` | {severity} | {count} | {len(pages[check])} |")
    return "\n".join(lines)


def show(results: Path, checks: set[str]) -> list[str]:
    out = []
    for line in results.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        for f in r["findings"]:
            if f["severity"] in SHIPPED and f["check"] in checks:
                context = f["context"]
                mark = context.find("[[")
                out.append(f"{r['article']}@{f['start']} {f['check']} {f['severity']} {f['text'][:60]!r}"
                           f" -> {f['suggestion']!r}\n    {context[max(0, mark - 150) : mark + len(f['text']) + 124]}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pool", type=Path, default=Path("/tmp/wcxb-dev"),
                        help="the export of WCXB's dev split (default /tmp/wcxb-dev)")
    parser.add_argument("--save", type=Path, default=ROOT / "out" / "pool.jsonl")
    parser.add_argument("--reuse", type=Path, help="read a saved run instead of running copydesk")
    parser.add_argument("--types", default="article",
                        help="comma list of WCXB page types (default article; the others: service, forum,"
                             " listing, product, collection, documentation)")
    parser.add_argument("--show", default="", help="comma list of checks whose findings to list")
    args = parser.parse_args(argv)
    results = args.reuse
    if results is None:
        articles, skipped = pool_articles(args.pool, frozenset(args.types.split(",")))
        for reason, count in sorted(skipped.items()):
            print(f"left out: {count} pages, {reason}")
        precision.save_run(articles, args.save)
        results = args.save
    print(summary(results))
    for line in show(results, set(filter(None, args.show.split(",")))):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
