"""Cost of copydesk's own analysis components (name clusters, times, quantities) and of the
``names.inconsistent`` and ``dates.weekday`` checks, against the bare spaCy parse, in one process.

    .venv/bin/python bench/names_times.py [--articles 200] [--corpus ../shared/corpus/bbc-news-2225/bbc]

The parse is timed first (``Analyser.analyse_many`` with the components switched off); each
component is then run on the parsed articles and timed on its own. The first call of each
component loads its library data (wordfreq, dateparser); a warm-up article keeps that out of the
per-article figures. Skips with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc-news-2225" / "bbc"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"skipped: no corpus at {args.corpus} (needs ../shared)", file=sys.stderr)
        return 0

    from copydesk.analyse import names, pipeline, quantities, times
    from copydesk.checks import dates_weekday, names_inconsistent
    from copydesk.ingest.text import parse_text

    files = sorted(p for p in args.corpus.rglob("*.txt") if p.name[0].isdigit())[: args.articles + 1]
    articles = [parse_text(p.read_text(encoding="latin-1"), source=str(p)) for p in files]
    analyser = pipeline.Analyser.load()

    original_finish = pipeline.finish
    pipeline.finish = lambda analysed, knowledge=None: (analysed.index(), analysed)[1]  # parse only
    started = time.perf_counter()
    parsed = list(analyser.analyse_many(articles))
    parse_seconds = time.perf_counter() - started
    pipeline.finish = original_finish

    warm, parsed = parsed[0], parsed[1:]
    steps = {
        "names.build_entities": names.build_entities,
        "times.resolve_times": times.resolve_times,
        "quantities.find_quantities": quantities.find_quantities,
        "check names.inconsistent": lambda a: list(names_inconsistent.check(a, None)),
        "check dates.weekday": lambda a: list(dates_weekday.check(a, None)),
    }
    words = sum(len(a.article.text.split()) for a in parsed)
    per_article_parse = parse_seconds / len(articles)
    print(f"{len(parsed)} articles, {words} words; bare parse {parse_seconds:.1f} s "
          f"({1000 * per_article_parse:.1f} ms per article)")
    print(f"{'step':<30}{'seconds':>9}{'/ parse':>9}{'ms/article':>12}")
    total = 0.0
    for name, step in steps.items():
        step(warm)
        started = time.perf_counter()
        for analysed in parsed:
            step(analysed)
        seconds = time.perf_counter() - started
        total += seconds
        share = seconds / (per_article_parse * len(parsed))
        print(f"{name:<30}{seconds:>9.3f}{share:>9.3f}{1000 * seconds / len(parsed):>12.2f}")
    share = total / (per_article_parse * len(parsed))
    print(f"{'all of the above':<30}{total:>9.3f}{share:>9.3f}{1000 * total / len(parsed):>12.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
