"""What a supervised worker sends back per article: a whole ``Report`` against a digested one.

    .venv/bin/python bench/report_pickle.py [--articles 200] [--corpus ../shared/corpus/bbc-news-2225/bbc]

``copydesk ingest`` and ``copydesk batch`` check each article in a forked worker
(``copydesk.desk.supervise``) and receive its report through a pipe, pickled. A whole report
carries the ``AnalysedArticle`` (tokens, parse, entities); the caller of ``ingest`` and ``batch``
only calls ``Report.to_dict``, so their workers send ``Report.digested()`` instead. This script
checks N real articles in this process, then, for each report, times (best of three) pickling
and unpickling the whole report, and digesting it plus pickling and unpickling the digest; it
prints the sizes, the seconds per article of both, their ratio, and the share of the check's own
time each is, and verifies that both give the same ``to_dict``.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc-news-2225" / "bbc"


def _best(func, rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"skipped: corpus not found at {args.corpus} (needs ../shared)", file=sys.stderr)
        return 0
    from copydesk.desk import Desk
    from copydesk.ingest.decode import decode_bytes
    from copydesk.ingest.text import parse_text

    files = sorted(args.corpus.rglob("*.txt"))
    step = max(1, len(files) // args.articles)
    files = files[::step][: args.articles]
    articles = [parse_text(decode_bytes(p.read_bytes(), source=str(p))[0], source=str(p)) for p in files]
    desk = Desk()
    started = time.perf_counter()
    reports = list(desk.check_many(articles))
    checking = time.perf_counter() - started
    whole_bytes = digest_bytes = 0
    whole_s = digest_s = 0.0
    for report in reports:
        whole = pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL)
        whole_bytes += len(whole)
        whole_s += _best(lambda r=report: pickle.loads(pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL)))
        digested = report.digested()
        digest_bytes += len(pickle.dumps(digested, protocol=pickle.HIGHEST_PROTOCOL))
        digest_s += _best(lambda r=report: pickle.loads(
            pickle.dumps(r.digested(), protocol=pickle.HIGHEST_PROTOCOL)))
        if digested.to_dict() != report.to_dict():
            print(f"{report.source}: the digest gives another to_dict", file=sys.stderr)
            return 1
    n = len(reports)
    print(f"{n} articles; check {checking / n * 1000:.1f} ms per article in this process")
    print("| sent | KB per article | ms per article (pickle + unpickle) | share of the check's time |")
    print("|---|---|---|---|")
    print(f"| whole report | {whole_bytes / n / 1000:.0f} | {whole_s / n * 1000:.2f} | "
          f"{whole_s / checking:.1%} |")
    print(f"| digested (`Report.digested`, digest made in the timing) | {digest_bytes / n / 1000:.0f} | "
          f"{digest_s / n * 1000:.2f} | {digest_s / checking:.1%} |")
    print(f"digested / whole: size {digest_bytes / whole_bytes:.2f}, time {digest_s / whole_s:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
