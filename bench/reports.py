"""Cost of writing reports (text, json, jsonl, html, markdown) against the bare spaCy parse.

    .venv/bin/python bench/reports.py [--articles 200] [--every 25]

Parses the articles once (the baseline: ``nlp.pipe`` over the same texts, in this process), then
gives each article synthetic findings, one every ``--every`` tokens (denser than real runs, so
the figures are an upper bound), and times each writer over all reports. Prints, per format,
seconds, the ratio writer / bare parse, and milliseconds per article. Skips when ../shared is
absent.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc-news-2225" / "bbc"


def pick_files(corpus: Path, count: int) -> list[Path]:
    files = sorted(p for p in corpus.rglob("*.txt") if p.name[0].isdigit())
    step = max(len(files) / max(count, 1), 1)
    return [files[int(k * step)] for k in range(min(count, len(files)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--every", type=int, default=25, help="one finding per this many tokens")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"skipped: corpus not found at {args.corpus} (needs ../shared)", file=sys.stderr)
        return 0

    from copydesk.analyse.pipeline import Analyser
    from copydesk.desk.report import Report
    from copydesk.ingest.text import parse_text
    from copydesk.model import Finding, Severity
    from copydesk.report import FORMATS, open_writer
    from copydesk.report.summary import Summary

    files = pick_files(args.corpus, args.articles)
    articles = [
        parse_text(p.read_text(encoding="utf-8", errors="replace"), source=str(p)) for p in files
    ]
    analyser = Analyser.load()
    started = time.perf_counter()
    for _doc in analyser.nlp.pipe((a.text for a in articles), batch_size=64):
        pass
    bare = time.perf_counter() - started

    reports = []
    severities = list(Severity)
    for analysed in analyser.analyse_many(articles):
        findings = [
            Finding("bench.synthetic", severities[k % 3], t.start, t.end, t.text,
                    f"synthetic finding on {t.text!r}", t.text.upper(), 0.5)
            for k, t in enumerate(analysed.tokens[:: args.every])
        ]
        reports.append(Report(analysed.article.source, analysed.article, analysed, findings))

    results = {"articles": len(reports), "findings": sum(len(r.findings) for r in reports),
               "bare_parse_s": round(bare, 3), "formats": {}}
    for name in FORMATS:
        out = io.StringIO()
        started = time.perf_counter()
        writer = open_writer(name, out)
        summary = Summary()
        for report in reports:
            writer.write(report)
            summary.add(report)
        writer.close(summary)
        elapsed = time.perf_counter() - started
        results["formats"][name] = {
            "seconds": round(elapsed, 3),
            "ratio_over_parse": round(elapsed / bare, 3),
            "ms_per_article": round(1000 * elapsed / len(reports), 2),
        }
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
