"""Speed of plain-text ingest (``parse_text`` and ``read_inputs``) on the BBC corpus.

    .venv/bin/python bench/ingest_text.py [--spacy 200] [--repeat 3]

Prints milliseconds per article for ``parse_text`` over the 2,225 BBC texts (decoded in memory
first), for ``read_inputs`` over the same files (stat, read, decode, parse), and the ratio of each
to a baseline run in the same process: the old minimal ingest (``split_paragraphs``) and, with
``--spacy N``, the bare spaCy parse (``nlp.pipe``) of N of the articles. Also prints how many first
lines were taken as the headline (the corpus's line 1 is the headline), and the cost on the
Wikinews pages of ../shared/eval/dev, which carry a dateline. Skips with a message when
../shared is absent.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BBC = ROOT.parent / "shared" / "corpus" / "bbc-news-2225" / "bbc"
DEV = ROOT.parent / "shared" / "eval" / "dev"


def best_of(repeat: int, run) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--spacy", type=int, default=0, metavar="N", help="also time spaCy on N articles")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if not BBC.is_dir():
        print(f"skipped: BBC corpus not found at {BBC} (the ../shared folder beside the repo)")
        return 0

    from copydesk.ingest.decode import decode_bytes
    from copydesk.ingest.sources import read_inputs
    from copydesk.ingest.text import parse_text
    from copydesk.model import split_paragraphs

    files = sorted(BBC.glob("*/*.txt"))
    texts = [decode_bytes(f.read_bytes(), source=str(f))[0] for f in files]
    n = len(texts)
    parse_text(texts[0])  # imports

    baseline = best_of(args.repeat, lambda: [split_paragraphs(t.replace("\r\n", "\n")) for t in texts])
    parsed = best_of(args.repeat, lambda: [parse_text(t) for t in texts])
    read = best_of(args.repeat, lambda: list(read_inputs([str(BBC)])))
    articles = [parse_text(t) for t in texts]
    headlines = sum(a.headline == t.split("\n", 1)[0].strip() for a, t in zip(articles, texts))

    print(f"{n} BBC articles, best of {args.repeat}")
    print(f"  minimal ingest (split_paragraphs) {baseline / n * 1000:.3f} ms/article")
    print(f"  parse_text                        {parsed / n * 1000:.3f} ms/article"
          f"  ({parsed / baseline:.1f}x minimal)")
    print(f"  read_inputs (stat+read+decode)    {read / n * 1000:.3f} ms/article")
    print(f"  headline == line 1: {headlines}/{n}")
    dated = [p.read_text(encoding="utf-8") for p in sorted(DEV.glob("weekday-date-*.txt"))]
    if dated:
        dated_time = best_of(args.repeat, lambda: [parse_text(t) for t in dated * 10])
        found = sum(parse_text(t).published is not None for t in dated)
        print(f"  parse_text, pages with a dateline {dated_time / (10 * len(dated)) * 1000:.3f} ms/article"
              f"  (dateline found in {found}/{len(dated)}, eval/dev weekday-date files)")
    if args.spacy:
        from copydesk.analyse.pipeline import load_model

        nlp = load_model()
        sample = texts[: args.spacy]
        start = time.perf_counter()
        for _ in nlp.pipe(sample):
            pass
        spacy_time = (time.perf_counter() - start) / len(sample)
        per_article = parsed / n
        print(f"  spaCy parse                       {spacy_time * 1000:.1f} ms/article")
        print(f"  parse_text / spaCy parse          {per_article / spacy_time:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
